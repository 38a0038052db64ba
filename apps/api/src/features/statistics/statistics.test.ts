import { createHash } from 'node:crypto';
import { withTenant } from '@lotse/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG } from '../../config';
import { createTestApp, type Session, type TestApp } from '../../testing';
import { call, expectOk } from '../cases/testing';
import { StatisticsRepository } from './repository';
import { StatisticsService } from './service';
import { Modul13Fixture, validateWithXmllint } from './testing';

const NOW = new Date('2026-11-21T10:00:00Z');

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe.each(['pglite', 'postgres'] as const)('§ 51b delivery (Modul 13) on %s', (kind) => {
  let t: TestApp;
  let lead: Session;
  let f: Modul13Fixture;
  const ids = {} as Record<
    'debt' | 'addiction' | 'psycho' | 'childcare' | 'r1' | 'r2' | 'r2b' | 'r3' | 'r4' | 'r5' | 'r6' | 'r7' | 'a1' | 'a2',
    string
  >;

  beforeAll(async () => {
    t = await createTestApp(kind, { now: () => NOW });
    lead = await t.login(t.tenantA.users.team_lead.username);
    f = new Modul13Fixture(t.database.owner, t.tenantA.id, t.tenantA.users.case_manager.id, t.tenantA.providerId);

    const debt = await f.offer({ serviceType: 'debt_counselling', plannedDurationDays: 90 });
    const addiction = await f.offer({
      serviceType: 'addiction_counselling',
      measureBeginRule: 'first_appointment',
      plannedDurationDays: null,
    });
    const psycho = await f.offer({ serviceType: 'psychosocial_support', financingModel: 'institutional', plannedDurationDays: 180 });
    const psychoNoBudget = await f.offer({
      serviceType: 'psychosocial_support',
      financingModel: 'institutional',
      plannedDurationDays: 180,
    });
    const childcare = await f.offer({ serviceType: 'childcare_care', financingModel: 'modular', plannedDurationDays: 365 });
    const language = await f.offer({ serviceType: 'language_course', plannedDurationDays: 100 });
    Object.assign(ids, { debt, addiction, psycho, childcare });

    const p = async () => (await f.person()).id;
    // r1: begun in October, charged in October and November.
    ids.r1 = await f.referral({ personId: await p(), offerId: debt, status: 'started', startedOn: '2026-10-05' });
    await f.charge(ids.r1, debt, '2026-10', 12_000);
    await f.charge(ids.r1, debt, '2026-11', 3_000);
    // r2: first-appointment rule, a kept appointment in September before the reported start.
    ids.r2 = await f.referral({ personId: await p(), offerId: addiction, status: 'started', startedOn: '2026-10-14' });
    await f.appointment(ids.r2, '2026-09-28', true);
    // r2b: not started yet; the missed appointment does not count, the kept one does.
    ids.r2b = await f.referral({ personId: await p(), offerId: addiction, status: 'accepted' });
    await f.appointment(ids.r2b, '2026-10-02', false);
    await f.appointment(ids.r2b, '2026-10-07', true);
    // r3: flat-funded; 2025: 12,000 € spent, three measures begun or running (r3a, r3b, r3d; r3c ended 2024).
    ids.r3 = await f.referral({ personId: await p(), offerId: psycho, status: 'started', startedOn: '2026-10-10' });
    await f.yearPlan(psycho, 2025, { actualCostCents: 1_200_000, plannedCostCents: 1_000_000 });
    const earlier = await p();
    await f.referral({ personId: earlier, offerId: psycho, status: 'completed', startedOn: '2025-03-01', endedOn: '2025-06-30' });
    await f.referral({ personId: earlier, offerId: psycho, status: 'completed', startedOn: '2024-11-01', endedOn: '2025-02-01' });
    await f.referral({ personId: earlier, offerId: psycho, status: 'completed', startedOn: '2024-01-01', endedOn: '2024-12-31' });
    await f.referral({ personId: await p(), offerId: psycho, status: 'started', startedOn: '2025-12-01' });
    // r5: flat-funded without a 2025 budget: not reportable.
    ids.r5 = await f.referral({ personId: await p(), offerId: psychoNoBudget, status: 'started', startedOn: '2026-10-12' });
    // r4: childcare with two arrangements, 10.01 € charged in October.
    ids.r4 = await f.referral({ personId: await p(), offerId: childcare, status: 'started', startedOn: '2026-10-01' });
    ids.a1 = await f.arrangement(ids.r4, '2026-10-01', '2026-10-31');
    ids.a2 = await f.arrangement(ids.r4, '2026-10-15', null);
    await f.charge(ids.r4, childcare, '2026-10', 1_001);
    // r6: a person with a malformed customer number (e.g. an old import).
    const bad = await f.person({ customerNumber: '12345' });
    ids.r6 = await f.referral({ personId: bad.id, offerId: debt, status: 'started', startedOn: '2026-10-20' });
    // r7: begun in September, completed in October.
    ids.r7 = await f.referral({ personId: await p(), offerId: debt, status: 'completed', startedOn: '2026-09-10', endedOn: '2026-10-20' });
    await f.charge(ids.r7, debt, '2026-09', 5_000);
    await f.charge(ids.r7, debt, '2026-10', 2_500);
    // Not part of Modul 13, and a referral that never began.
    await f.referral({ personId: await p(), offerId: language, status: 'started', startedOn: '2026-10-03' });
    await f.referral({ personId: await p(), offerId: debt, status: 'sent' });
  });
  afterAll(async () => t?.close());

  async function report(month: string, session = lead) {
    const res = await call(t, session, 'GET', `/api/statistics/modul13/${month}/report`);
    await expectOk(res);
    return res.json();
  }

  async function xml(month: string) {
    const res = await call(t, lead, 'GET', `/api/statistics/modul13/${month}/xml`);
    await expectOk(res);
    return res;
  }

  async function deliver(month: string, body: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
    return call(t, lead, 'POST', `/api/statistics/modul13/${month}/deliveries`, body, headers);
  }

  function recordOf(file: string, key: string, month: string): string | undefined {
    return file
      .split(/<Massnahme(?=[ >])/)
      .slice(1)
      .find((r) => r.includes(`<Schluessel>${key}</Schluessel>`) && r.includes(`<Berichtsmonat>${month}</Berichtsmonat>`));
  }

  it('reports the month’s measures and rejects the ones that cannot be reported, with the reason', async () => {
    const oct = await report('2026-10');
    expect(oct.counts).toEqual({
      records: 6,
      regular: 6,
      corrections: 0,
      lateFacts: 0,
      changed: 0,
      stornos: 0,
      rejected: 2,
      withWarnings: 2,
    });
    expect(oct.deliveredMonths).toEqual([]);
    expect(
      oct.byMeasureType.map((t: { measureType: string; records: number; begins: number; ends: number }) => [
        t.measureType,
        t.records,
        t.begins,
        t.ends,
      ]),
    ).toEqual([
      ['16a-1', 2, 2, 1],
      ['16a-2', 2, 1, 1],
      ['16a-3', 1, 1, 0],
      ['16a-4', 1, 1, 0],
    ]);
    expect(oct.byMeasureType[0].label).toBe('Kinderbetreuung / häusliche Pflege von Angehörigen (§ 16a Nr. 1 SGB II)');
    expect(oct.lastDelivery).toBeNull();
    const rejected = Object.fromEntries(oct.rejected.map((r: { referralId: string; reasons: { code: string }[] }) => [r.referralId, r]));
    expect(rejected[ids.r6].reasons).toEqual([
      { code: 'customer_number_malformed', message: 'Die Kundennummer hat nicht das Format 123D456789.' },
    ]);
    expect(rejected[ids.r6]).toMatchObject({ key: ids.r6, reportMonth: '2026-10', correction: false, serviceType: 'debt_counselling' });
    expect(rejected[ids.r5].reasons.map((r: { code: string }) => r.code)).toEqual(['cost_not_determinable']);
    // No names, no customer numbers in the report.
    expect(JSON.stringify(oct)).not.toContain('Person');
    expect(JSON.stringify(oct)).not.toContain('12345');
    const warned = oct.warnings.find((w: { referralId: string }) => w.referralId === ids.r2b);
    expect(warned.warnings.map((w: { code: string }) => w.code)).toEqual(['no_charges_yet', 'planned_duration_missing']);
  });

  it('writes the XML with planned end, actual cost, average cost and one record per childcare arrangement', async () => {
    const res = await xml('2026-10');
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="Modul13_2026-10.xml"');
    const file = res.body;
    expect(
      file.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<Modul13Lieferung xmlns="urn:lotse:xsozial:modul13:1" Version="1">'),
    ).toBe(true);
    expect(file).toContain(`<Traeger>${t.tenantA.id}</Traeger>`);
    expect(file).toContain('<Berichtszeitraum>2026-10</Berichtszeitraum>');
    expect(file).toContain('<ErstelltAm>2026-11-21</ErstelltAm>');
    expect(file).toContain('<AnzahlSaetze>6</AnzahlSaetze>');
    expect(file.match(/<Massnahme[ >]/g)).toHaveLength(6);

    // 2026-10-05 + 90 days; October's charges only.
    const r1 = recordOf(file, ids.r1, '2026-10') ?? '';
    expect(r1).toContain('<Ereignis>Zugang</Ereignis>');
    expect(r1).toContain('<Massnahmeart>16a-2</Massnahmeart>');
    expect(r1).toContain('<Beginn>2026-10-05</Beginn>');
    expect(r1).toContain('<GeplantesEnde>2027-01-03</GeplantesEnde>');
    expect(r1).toContain('<Teilnahmekosten Art="Einzelfall" Einheit="Cent">12000</Teilnahmekosten>');
    expect(r1).not.toContain('TatsaechlichesEnde');
    // Flat-funded: 12,000 € ÷ 3 measures in 2025 = 4,000 € = 400,000 cent; 2026-10-10 + 180 days.
    const r3 = recordOf(file, ids.r3, '2026-10') ?? '';
    expect(r3).toContain('<Teilnahmekosten Art="Durchschnitt" Einheit="Cent">400000</Teilnahmekosten>');
    expect(r3).toContain('<GeplantesEnde>2027-04-08</GeplantesEnde>');
    // First kept appointment (7 Oct), not the missed one (2 Oct); no planned duration → no planned end.
    const r2b = recordOf(file, ids.r2b, '2026-10') ?? '';
    expect(r2b).toContain('<Beginn>2026-10-07</Beginn>');
    expect(r2b).toContain('<Massnahmeart>16a-4</Massnahmeart>');
    expect(r2b).not.toContain('GeplantesEnde');
    // r2 began with its kept appointment in September: not an October measure.
    expect(file).not.toContain(`<Schluessel>${ids.r2}</Schluessel>`);
    // Childcare: two measures, the 10.01 € split 5.01 € / 5.00 €.
    const a1 = recordOf(file, `${ids.r4}:${ids.a1}`, '2026-10') ?? '';
    expect(a1).toContain('<Ereignis>ZugangAbgang</Ereignis>');
    expect(a1).toContain('<TatsaechlichesEnde>2026-10-31</TatsaechlichesEnde>');
    expect(a1).toContain('<Beendigungsgrund>regulaer</Beendigungsgrund>');
    expect(a1).toContain('<Massnahmeart>16a-1</Massnahmeart>');
    expect(a1).toContain('>501</Teilnahmekosten>');
    expect(recordOf(file, `${ids.r4}:${ids.a2}`, '2026-10')).toContain('>500</Teilnahmekosten>');
    expect(file).not.toContain(`<Schluessel>${ids.r4}</Schluessel>`);
    // r7 ended in October: costs of September and October.
    const r7 = recordOf(file, ids.r7, '2026-10') ?? '';
    expect(r7).toContain('<Ereignis>Abgang</Ereignis>');
    expect(r7).toContain('<TatsaechlichesEnde>2026-10-20</TatsaechlichesEnde>');
    expect(r7).toContain('>7500</Teilnahmekosten>');
    // Rejected records are not written.
    expect(file).not.toContain(ids.r6);
    expect(file).not.toContain(ids.r5);
  });

  it('produces XML that validates against the project’s XSD (xmllint)', async () => {
    const result = validateWithXmllint((await xml('2026-10')).body, 'oktober.xml');
    expect(result.output).toContain('validates');
    expect(result.ok, result.output).toBe(true);
  });

  it('logs the persons named in a downloaded file as read for statistics', async () => {
    const count = () =>
      withTenant(t.database.owner, t.tenantA.id, async (trx) => {
        const { rows } = await sql<{ n: number }>`select count(*)::int8 as n from read_log where purpose = 'statistics'`.execute(trx);
        return rows[0]?.n ?? 0;
      });
    const before = await count();
    await xml('2026-10');
    // r1, r2b, r3, r4 (two arrangements, one person), r7.
    expect((await count()) - before).toBe(5);
  });

  it('rejects malformed and future months with 422', async () => {
    for (const [month, code] of [
      ['2026-13', 'REPORT_MONTH_INVALID'],
      ['Oktober', 'REPORT_MONTH_INVALID'],
      ['2026-12', 'REPORT_MONTH_IN_FUTURE'],
    ] as const) {
      for (const path of ['report', 'xml']) {
        const res = await call(t, lead, 'GET', `/api/statistics/modul13/${month}/${path}`);
        expect(res.statusCode, `${month} ${path}`).toBe(422);
        expect(res.json().code).toBe(code);
      }
      const post = await deliver(month);
      expect(post.statusCode).toBe(422);
    }
  });

  it('lets only team leads in (planners, providers, coordinators and case managers get 403)', async () => {
    for (const role of ['social_planner', 'provider_staff', 'coordinator', 'case_manager'] as const) {
      const session = await t.login(t.tenantA.users[role].username);
      for (const [method, url] of [
        ['GET', '/api/statistics/modul13/2026-10/report'],
        ['GET', '/api/statistics/modul13/2026-10/xml'],
        ['GET', '/api/statistics/modul13/deliveries'],
        ['POST', '/api/statistics/modul13/2026-10/deliveries'],
      ] as const) {
        const res = await call(t, session, method, url, method === 'POST' ? {} : undefined);
        expect(res.statusCode, `${role} ${method} ${url}`).toBe(403);
      }
    }
    const otherLead = await t.login(t.tenantB.users.team_lead.username);
    expect((await report('2026-10', otherLead)).counts.records).toBe(0);
  });

  it('reads the referrals in batches of a fixed size and streams the file batch by batch', async () => {
    const spy = vi.spyOn(StatisticsRepository.prototype, 'referralBatch');
    try {
      const service = new StatisticsService(t.database.db, { ...DEFAULT_CONFIG, now: () => NOW }, 2);
      const auth = {
        tenantId: t.tenantA.id,
        userId: t.tenantA.users.team_lead.id,
        roles: ['team_lead' as const],
        displayName: 'TL',
        csrfToken: '',
        providerId: null,
        tokenHash: '',
      };
      const chunks: string[] = [];
      for await (const chunk of service.xml(auth, '2026-10').chunks) chunks.push(chunk);
      const windowCalls = spy.mock.calls.filter((c) => c[2].kind === 'window');
      expect(spy.mock.calls.every((c) => c[4] === 2)).toBe(true);
      for (const result of spy.mock.results) expect((await result.value).length).toBeLessThanOrEqual(2);
      // 9 referrals have a date in October → at least five batches, each a chunk of its own.
      expect(windowCalls.length).toBeGreaterThanOrEqual(5);
      expect(chunks.length).toBeGreaterThanOrEqual(4);
      expect(chunks.join('').match(/<Massnahme[ >]/g)).toHaveLength(6);
    } finally {
      spy.mockRestore();
    }
  });

  it('records deliveries, then reports late facts, changes and withdrawals as corrections of their month', async () => {
    const sep = await deliver('2026-09', {}, { 'idempotency-key': 'sep-2026' });
    await expectOk(sep, 201);
    expect(sep.json()).toMatchObject({ month: '2026-09', recordCount: 2, correctionCount: 0, rejectedCount: 0 });
    const replay = await deliver('2026-09', {}, { 'idempotency-key': 'sep-2026' });
    expect(replay.json().id).toBe(sep.json().id);

    const oct = await deliver('2026-10');
    await expectOk(oct, 201);
    expect(oct.json()).toMatchObject({ month: '2026-10', recordCount: 6, correctionCount: 0, rejectedCount: 2 });
    expect((await report('2026-10')).lastDelivery.id).toBe(oct.json().id);

    // After the deliveries: a September start recorded late, an October end corrected, a start moved to November.
    const lateFact = await f.referral({ personId: (await f.person()).id, offerId: ids.debt, status: 'started', startedOn: '2026-09-15' });
    await f.update(ids.r7, { endedOn: '2026-10-25' });
    await f.update(ids.r1, { startedOn: '2026-11-02' });

    const nov = await report('2026-11');
    expect(nov.deliveredMonths).toEqual(['2026-09', '2026-10']);
    expect(nov.counts).toMatchObject({ regular: 1, lateFacts: 1, changed: 1, stornos: 1, corrections: 3, records: 4, rejected: 2 });
    expect(
      nov.corrections.map((c: { referralId: string; reportMonth: string; kind: string }) => [c.referralId, c.reportMonth, c.kind]).sort(),
    ).toEqual(
      [
        [lateFact, '2026-09', 'late'],
        [ids.r7, '2026-10', 'changed'],
        [ids.r1, '2026-10', 'storno'],
      ].sort(),
    );
    // The records still not reportable are listed again, as belonging to October.
    expect(
      nov.rejected
        .map((r: { referralId: string; reportMonth: string; correction: boolean }) => [r.referralId, r.reportMonth, r.correction])
        .sort(),
    ).toEqual(
      [
        [ids.r5, '2026-10', true],
        [ids.r6, '2026-10', true],
      ].sort(),
    );

    const file = (await xml('2026-11')).body;
    const late = recordOf(file, lateFact, '2026-09') ?? '';
    expect(late.startsWith(' Korrektur="true">')).toBe(true);
    expect(late).toContain('<Beginn>2026-09-15</Beginn>');
    expect(recordOf(file, ids.r7, '2026-10')).toContain('<TatsaechlichesEnde>2026-10-25</TatsaechlichesEnde>');
    expect(file).toContain(
      `<Storno>\n      <Schluessel>${ids.r1}</Schluessel>\n      <Berichtsmonat>2026-10</Berichtsmonat>\n    </Storno>`,
    );
    const r1 = recordOf(file, ids.r1, '2026-11') ?? '';
    expect(r1.startsWith('>')).toBe(true);
    expect(r1).toContain('>15000</Teilnahmekosten>');
    expect(file).toContain(
      '<AnzahlSaetze>4</AnzahlSaetze>\n    <AnzahlKorrekturen>3</AnzahlKorrekturen>\n    <AnzahlStornos>1</AnzahlStornos>',
    );
    const validated = validateWithXmllint(file, 'november.xml');
    expect(validated.ok, validated.output).toBe(true);

    // A checksum of another file: refused, nothing recorded.
    const stale = await deliver('2026-11', { expectedSha256: 'f'.repeat(64) });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('STATISTICS_DATA_CHANGED');
    // The downloaded file (same day, same data): recorded with exactly its checksum.
    const recorded = await deliver('2026-11', { expectedSha256: sha256(file) });
    await expectOk(recorded, 201);
    expect(recorded.json()).toMatchObject({ recordCount: 4, correctionCount: 3, rejectedCount: 2, fileSha256: sha256(file) });
    expect(recorded.json().createdBy.id).toBe(t.tenantA.users.team_lead.id);

    const after = await report('2026-11');
    expect(after.counts).toMatchObject({ regular: 1, corrections: 0, rejected: 2 });
    const log = await withTenant(t.database.owner, t.tenantA.id, (trx) =>
      trx
        .selectFrom('statisticsDeliveredMeasures')
        .select(['measureKey', 'reportMonth'])
        .where('measureKey', 'in', [ids.r1, lateFact])
        .execute(),
    );
    expect(log.map((l) => `${l.measureKey === lateFact ? 'late' : 'r1'} ${l.reportMonth}`).sort()).toEqual([
      'late 2026-09-01',
      'r1 2026-11-01',
    ]);

    const list = await call(t, lead, 'GET', '/api/statistics/modul13/deliveries');
    await expectOk(list);
    expect(list.json().items.map((d: { month: string }) => d.month)).toEqual(['2026-11', '2026-10', '2026-09']);
    expect(list.json().items[0]).toMatchObject({ recordCount: 4, createdBy: { displayName: expect.any(String) } });
    const changes = await withTenant(t.database.owner, t.tenantA.id, async (trx) => {
      const { rows } = await sql<{ n: number }>`select count(*)::int8 as n from change_log where entity = 'statistics_delivery'`.execute(
        trx,
      );
      return rows[0]?.n;
    });
    expect(changes).toBe(3);
  });

  const teamLeadAuth = () => ({
    tenantId: t.tenantA.id,
    userId: t.tenantA.users.team_lead.id,
    roles: ['team_lead' as const],
    displayName: 'TL',
    csrfToken: '',
    providerId: null,
    tokenHash: '',
  });

  it('withdraws a removed childcare arrangement and an undone start in the next delivery of their month', async () => {
    // June: a childcare referral with two arrangements and a debt counselling referral, delivered.
    const childcare = await f.referral({
      personId: (await f.person()).id,
      offerId: ids.childcare,
      status: 'started',
      startedOn: '2026-06-03',
    });
    const stays = `${childcare}:${await f.arrangement(childcare, '2026-06-03', null)}`;
    const removedId = await f.arrangement(childcare, '2026-06-10', '2026-06-30');
    const removed = `${childcare}:${removedId}`;
    await f.charge(childcare, ids.childcare, '2026-06', 1_000);
    const undone = await f.referral({ personId: (await f.person()).id, offerId: ids.debt, status: 'started', startedOn: '2026-06-15' });
    const june = await deliver('2026-06');
    await expectOk(june, 201);
    expect(june.json()).toMatchObject({ recordCount: 3, correctionCount: 0, rejectedCount: 0 });
    expect(recordOf((await xml('2026-06')).body, stays, '2026-06')).toContain('>500</Teilnahmekosten>');

    // After the delivery: the second arrangement was recorded by mistake, and the start is undone
    // (the referral has no date in any month since: only the delivery log still knows it).
    await f.removeArrangement(removedId);
    await f.update(undone, { startedOn: null, status: 'accepted' });

    const nov = await report('2026-11');
    expect(nov.deliveredMonths).toEqual(['2026-06', '2026-09', '2026-10']);
    expect(nov.counts).toMatchObject({ lateFacts: 0, changed: 1, stornos: 2, corrections: 3 });
    expect(nov.corrections.map((c: { key: string; reportMonth: string; kind: string }) => [c.key, c.reportMonth, c.kind]).sort()).toEqual(
      [
        [removed, '2026-06', 'storno'],
        [undone, '2026-06', 'storno'],
        // The remaining arrangement now bears the referral's June costs alone.
        [stays, '2026-06', 'changed'],
      ].sort(),
    );
    const file = (await xml('2026-11')).body;
    for (const key of [removed, undone])
      expect(file).toContain(
        `<Storno>\n      <Schluessel>${key}</Schluessel>\n      <Berichtsmonat>2026-06</Berichtsmonat>\n    </Storno>`,
      );
    const corrected = recordOf(file, stays, '2026-06') ?? '';
    expect(corrected.startsWith(' Korrektur="true">')).toBe(true);
    expect(corrected).toContain('>1000</Teilnahmekosten>');
    expect(file).toContain('<AnzahlKorrekturen>3</AnzahlKorrekturen>\n    <AnzahlStornos>2</AnzahlStornos>');
    const validated = validateWithXmllint(file, 'november-storno.xml');
    expect(validated.ok, validated.output).toBe(true);

    // Recorded: the withdrawn records leave the log, the changed one is updated, nothing is repeated.
    const recorded = await deliver('2026-11', { expectedSha256: sha256(file) });
    await expectOk(recorded, 201);
    expect(recorded.json()).toMatchObject({ correctionCount: 3 });
    const log = await withTenant(t.database.owner, t.tenantA.id, (trx) =>
      trx
        .selectFrom('statisticsDeliveredMeasures')
        .select(['measureKey', 'reportMonth'])
        .where('measureKey', 'in', [stays, removed, undone])
        .execute(),
    );
    expect(log.map((l) => `${l.measureKey} ${l.reportMonth}`)).toEqual([`${stays} 2026-06-01`]);
    expect((await report('2026-11')).counts).toMatchObject({ corrections: 0, stornos: 0 });
  });

  it('corrects only the delivered months within the look-back', async () => {
    // A June start recorded after June was delivered; June lies five months before November.
    const late = await f.referral({ personId: (await f.person()).id, offerId: ids.debt, status: 'started', startedOn: '2026-06-20' });
    const config = { ...DEFAULT_CONFIG, now: () => NOW };
    const reportWith = (lookBackMonths: number) =>
      new StatisticsService(t.database.db, config, 100, lookBackMonths).report(teamLeadAuth(), '2026-11');

    const standard = await report('2026-11');
    expect(
      standard.corrections.map((c: { referralId: string; reportMonth: string; kind: string }) => [c.referralId, c.reportMonth, c.kind]),
    ).toEqual([[late, '2026-06', 'late']]);
    expect((await reportWith(5)).corrections.map((c: { referralId: string }) => c.referralId)).toEqual([late]);
    const short = await reportWith(4);
    expect(short.deliveredMonths).toEqual(['2026-09', '2026-10']);
    expect(short.counts).toMatchObject({ corrections: 0 });
    // June's measures are not even read: the window starts with the first month within the look-back.
    const spy = vi.spyOn(StatisticsRepository.prototype, 'referralBatch');
    try {
      await reportWith(4);
      const scopes = spy.mock.calls.map((c) => c[2]);
      expect(scopes).toContainEqual({ kind: 'window', from: '2026-09-01', to: '2026-11-30', deliveredBefore: '2026-11-01' });
      expect(scopes.every((scope) => scope.kind !== 'window' || scope.from === '2026-09-01')).toBe(true);
    } finally {
      spy.mockRestore();
    }
  });

  it('runs the export’s statements without JIT compilation (dry run and delivery)', async () => {
    const settings: string[] = [];
    const original = StatisticsRepository.prototype.referralBatch;
    const spy = vi.spyOn(StatisticsRepository.prototype, 'referralBatch').mockImplementation(async function (
      this: StatisticsRepository,
      trx,
      ...rest
    ) {
      const { rows } = await sql<{ jit: string }>`select current_setting('jit') as jit`.execute(trx);
      settings.push(rows[0]?.jit ?? '');
      return original.call(this, trx, ...rest);
    });
    try {
      await report('2026-10');
      await expectOk(await deliver('2026-11'), 201);
    } finally {
      spy.mockRestore();
    }
    expect(settings.length).toBeGreaterThanOrEqual(2);
    expect(new Set(settings)).toEqual(new Set(['off']));
  });

  // ——— Leistungsminderungen (Modul 8) in the same file ———

  const sanctions = {} as Record<'reduced' | 'reducedVa' | 'fullStop' | 'noReduction' | 'hearing' | 'noCustomerNumber', string>;
  let reducedPerson: { id: string; customerNumber: string };

  function sanctionOf(file: string, key: string, month: string): string | undefined {
    return file
      .split(/<Leistungsminderung(?=[ >])/)
      .slice(1)
      .find((r) => r.includes(`<Schluessel>${key}</Schluessel>`) && r.includes(`<Berichtsmonat>${month}</Berichtsmonat>`));
  }

  it('reports a decided reduction as a Leistungsminderung in the month it starts, with reason, period and amount', async () => {
    const before = await report('2026-10');
    expect(before.modul8.counts).toMatchObject({ records: 0, rejected: 0 });

    reducedPerson = await f.person({ sex: 'male', birthDate: '1990-02-03' });
    // 30 % of 563 € from October to December, handed off to benefits processing.
    sanctions.reduced = await f.sanction({
      personId: reducedPerson.id,
      status: 'handed_off',
      decision: 'reduce',
      form: 'request_with_notice',
      startsOn: '2026-10-01',
      endsOn: '2026-12-31',
      amountCents: 16_890,
      percent: 30,
    });
    sanctions.reducedVa = await f.sanction({
      personId: (await f.person()).id,
      status: 'decided',
      form: 'verwaltungsakt',
      startsOn: '2026-10-01',
      endsOn: '2026-10-31',
      amountCents: 5_630,
      percent: 10,
    });
    // A November reduction: the benefit stops after repeated missed appointments.
    sanctions.fullStop = await f.sanction({
      personId: (await f.person()).id,
      status: 'decided',
      kind: 'missed_appointment',
      form: 'appointment_invitation',
      startsOn: '2026-11-01',
      endsOn: '2026-11-30',
      amountCents: 56_300,
      percent: 100,
      fullStop: true,
    });
    // Decided without a reduction (an important reason), and one still in its hearing: no record.
    sanctions.noReduction = await f.sanction({
      personId: (await f.person()).id,
      status: 'decided',
      decision: 'no_reduction',
      startsOn: '2026-10-01',
    });
    sanctions.hearing = await f.sanction({ personId: (await f.person()).id, status: 'hearing' });
    // A person without a customer number: cannot be reported.
    sanctions.noCustomerNumber = await f.sanction({
      personId: (await f.person({ customerNumber: '' })).id,
      status: 'decided',
      startsOn: '2026-10-01',
      endsOn: '2026-10-31',
      amountCents: 5_630,
      percent: 10,
    });

    const oct = await report('2026-10');
    expect(oct.modul8.counts).toEqual({ records: 2, regular: 2, corrections: 0, lateFacts: 0, changed: 0, stornos: 0, rejected: 1 });
    // The counts of the report are the file's: measures and Leistungsminderungen.
    expect(oct.counts.records).toBe(before.counts.records + 2);
    expect(oct.counts.regular).toBe(before.counts.regular + 2);
    expect(oct.counts.rejected).toBe(before.counts.rejected + 1);
    expect(oct.modul8.byReason).toEqual([
      { reason: 'Pflichtverletzung', label: 'Pflichtverletzung', records: 2, fullStops: 0, amountCents: 22_520 },
    ]);
    expect(oct.modul8.rejected).toEqual([
      {
        sanctionId: sanctions.noCustomerNumber,
        reportMonth: '2026-10',
        correction: false,
        reason: 'Pflichtverletzung',
        reasons: [{ code: 'customer_number_missing', message: 'Keine Kundennummer erfasst.' }],
      },
    ]);
    expect(oct.byMeasureType).toEqual(before.byMeasureType);
    expect(JSON.stringify(oct)).not.toContain(reducedPerson.customerNumber);

    const file = (await xml('2026-10')).body;
    expect(file).toContain(
      [
        '    <Leistungsminderung>',
        `      <Schluessel>${sanctions.reduced}</Schluessel>`,
        '      <Berichtsmonat>2026-10</Berichtsmonat>',
        '      <Person>',
        `        <Kundennummer>${reducedPerson.customerNumber}</Kundennummer>`,
        '        <Geburtsdatum>1990-02-03</Geburtsdatum>',
        '        <Geschlecht>m</Geschlecht>',
        '      </Person>',
        '      <Grund>',
        '        <Art>Pflichtverletzung</Art>',
        '        <Pflichtform>AMR</Pflichtform>',
        '      </Grund>',
        '      <Beginn>2026-10-01</Beginn>',
        '      <Ende>2026-12-31</Ende>',
        '      <Minderungsbetrag Einheit="EUR">168.90</Minderungsbetrag>',
        '      <Prozent>30</Prozent>',
        '      <VollstaendigerWegfall>false</VollstaendigerWegfall>',
        '    </Leistungsminderung>',
      ].join('\n'),
    );
    const va = sanctionOf(file, sanctions.reducedVa, '2026-10') ?? '';
    expect(va).toContain('<Pflichtform>VA</Pflichtform>');
    expect(va).toContain('<Minderungsbetrag Einheit="EUR">56.30</Minderungsbetrag>');
    for (const other of [sanctions.fullStop, sanctions.noReduction, sanctions.hearing, sanctions.noCustomerNumber])
      expect(file).not.toContain(other);
    expect(file.match(/<Leistungsminderung[ >]/g)).toHaveLength(2);
    expect(file).toContain('<AnzahlLeistungsminderungen>2</AnzahlLeistungsminderungen>');
    const validated = validateWithXmllint(file, 'oktober-modul8.xml');
    expect(validated.ok, validated.output).toBe(true);

    // Not in the month before; in November only the November reduction, and the October ones as
    // late facts of the delivered October.
    const sep = await report('2026-09');
    expect(sep.modul8.counts.records).toBe(0);
    expect((await xml('2026-09')).body).not.toContain('<Leistungsminderung');
    const nov = await report('2026-11');
    expect(nov.modul8.counts).toMatchObject({ regular: 1, lateFacts: 2, changed: 0, stornos: 0, rejected: 1 });
    expect(nov.modul8.rejected.map((r: { sanctionId: string; correction: boolean }) => [r.sanctionId, r.correction])).toEqual([
      [sanctions.noCustomerNumber, true],
    ]);
    expect(
      nov.modul8.corrections
        .map((c: { sanctionId: string; reportMonth: string; kind: string }) => [c.sanctionId, c.reportMonth, c.kind])
        .sort(),
    ).toEqual(
      [
        [sanctions.reduced, '2026-10', 'late'],
        [sanctions.reducedVa, '2026-10', 'late'],
      ].sort(),
    );
    expect(
      nov.modul8.byReason.map((r: { reason: string; records: number; fullStops: number }) => [r.reason, r.records, r.fullStops]),
    ).toEqual([
      ['Pflichtverletzung', 2, 0],
      ['Meldeversaeumnis', 1, 1],
    ]);
    const novFile = (await xml('2026-11')).body;
    const stop = sanctionOf(novFile, sanctions.fullStop, '2026-11') ?? '';
    expect(stop.startsWith('>')).toBe(true);
    expect(stop).toContain('<Art>Meldeversaeumnis</Art>');
    expect(stop).toContain('<Pflichtform>MEL</Pflichtform>');
    expect(stop).toContain('<Minderungsbetrag Einheit="EUR">563.00</Minderungsbetrag>');
    expect(stop).toContain('<Prozent>100</Prozent>');
    expect(stop).toContain('<VollstaendigerWegfall>true</VollstaendigerWegfall>');
    expect((sanctionOf(novFile, sanctions.reduced, '2026-10') ?? '').startsWith(' Korrektur="true">')).toBe(true);
    expect(novFile).not.toContain(sanctions.noReduction);
    const novValidated = validateWithXmllint(novFile, 'november-modul8.xml');
    expect(novValidated.ok, novValidated.output).toBe(true);
  });

  it('cancels a delivered reduction that is withdrawn and corrects a changed one in the next delivery', async () => {
    await expectOk(await deliver('2026-10'), 201);
    await expectOk(await deliver('2026-11'), 201);
    const logged = () =>
      withTenant(t.database.owner, t.tenantA.id, (trx) =>
        trx
          .selectFrom('statisticsDeliveredMeasures')
          .select(['measureKey', 'reportMonth'])
          .where('kind', '=', 'modul8')
          .orderBy('reportMonth')
          .orderBy('measureKey')
          .execute(),
      );
    expect((await logged()).map((l) => `${l.measureKey} ${l.reportMonth}`).sort()).toEqual(
      [`${sanctions.reduced} 2026-10-01`, `${sanctions.reducedVa} 2026-10-01`, `${sanctions.fullStop} 2026-11-01`].sort(),
    );
    expect((await report('2026-11')).modul8.counts).toMatchObject({ regular: 1, corrections: 0 });

    // After the deliveries: one October reduction withdrawn, the other corrected to 20 %.
    await f.updateSanction(sanctions.reduced, { status: 'withdrawn' });
    await f.updateSanction(sanctions.reducedVa, { amountCents: 11_260 });

    const nov = await report('2026-11');
    expect(nov.modul8.counts).toMatchObject({ regular: 1, lateFacts: 0, changed: 1, stornos: 1, corrections: 2 });
    expect(
      nov.modul8.corrections
        .map((c: { sanctionId: string; reportMonth: string; kind: string }) => [c.sanctionId, c.reportMonth, c.kind])
        .sort(),
    ).toEqual(
      [
        [sanctions.reduced, '2026-10', 'storno'],
        [sanctions.reducedVa, '2026-10', 'changed'],
      ].sort(),
    );
    // The measures' list stays the measures'.
    expect(nov.corrections.map((c: { key: string }) => c.key)).not.toContain(sanctions.reduced);
    const file = (await xml('2026-11')).body;
    expect(file).toContain(
      `<Storno Satzart="Leistungsminderung">\n      <Schluessel>${sanctions.reduced}</Schluessel>\n      <Berichtsmonat>2026-10</Berichtsmonat>\n    </Storno>`,
    );
    const changed = sanctionOf(file, sanctions.reducedVa, '2026-10') ?? '';
    expect(changed.startsWith(' Korrektur="true">')).toBe(true);
    expect(changed).toContain('<Minderungsbetrag Einheit="EUR">112.60</Minderungsbetrag>');
    // Both count in the file's trailer; only the changed one is a Leistungsminderung record.
    expect(file).toMatch(/<AnzahlStornos>[1-9]\d*<\/AnzahlStornos>\n {4}<AnzahlLeistungsminderungen>2<\/AnzahlLeistungsminderungen>/);
    const validated = validateWithXmllint(file, 'november-modul8-storno.xml');
    expect(validated.ok, validated.output).toBe(true);

    // Recorded: the withdrawn one leaves the log, the changed one is updated, nothing is repeated.
    await expectOk(await deliver('2026-11', { expectedSha256: sha256(file) }), 201);
    expect((await logged()).map((l) => `${l.measureKey} ${l.reportMonth}`).sort()).toEqual(
      [`${sanctions.reducedVa} 2026-10-01`, `${sanctions.fullStop} 2026-11-01`].sort(),
    );
    const after = await report('2026-11');
    expect(after.modul8.counts).toMatchObject({ regular: 1, corrections: 0, stornos: 0 });
    expect(after.modul8.corrections).toEqual([]);
  });
});
