import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withTenant } from '@lotse/db';
import { CONSENT_CATEGORY_LABELS_DE, CONSENT_COUNSELLING_LABELS_DE } from '@lotse/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, TEST_PASSWORD, type TestApp } from '../../testing';
import { call, expectOk } from '../cases/testing';
import { createUserDirect } from '../tenants/provisioning';
import {
  consentBody,
  createConsent,
  createOffer,
  createPerson,
  createProvider,
  type ReferralSetup,
  referralState,
  seedReferralSetup,
  sentReferral,
} from './testing';

const TODAY = '2026-03-10';
const START = new Date('2026-03-10T10:00:00Z');

const dir = mkdtempSync(join(tmpdir(), 'lotse-consent-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pdfText(pdf: Buffer): string {
  const file = join(dir, `consent-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('pdftotext fehlt: bitte poppler-utils installieren (apt-get install -y poppler-utils).');
    }
    throw error;
  }
}

describe.each(['pglite', 'postgres'] as const)('consents, referrals and barrier proposals on %s', (kind) => {
  let t: TestApp;
  let clock = START;
  let cm: Session;
  let otherCm: Session;
  let teamLead: Session;
  let provider: Session;
  let setup: ReferralSetup;
  let otherProviderId: string;

  const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
  const setDay = (day: string) => {
    clock = new Date(`${day}T10:00:00Z`);
  };

  async function getReferral(session: Session, id: string) {
    const res = await call(t, session, 'GET', `/api/referrals/${id}`);
    await expectOk(res);
    return res.json();
  }

  async function portalStep(id: string, body: Record<string, unknown>) {
    const current = await call(t, provider, 'GET', `/api/portal/referrals/${id}`);
    await expectOk(current);
    const res = await call(t, provider, 'POST', `/api/portal/referrals/${id}/actions`, body, ifMatch(current.json().version));
    await expectOk(res);
    return res.json();
  }

  async function readLog(userId: string, purpose: string) {
    return withTenant(t.database.owner, t.tenantA.id, async (trx) => {
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from read_log where actor_id = ${userId} and purpose = ${purpose}`.execute(trx);
      return rows[0]?.n ?? 0;
    });
  }

  beforeAll(async () => {
    t = await createTestApp(kind, { now: () => clock });
    const second = await createUserDirect(
      t.database.owner,
      t.tenantA.id,
      { username: `zweite.fm.ref.${kind}`, displayName: 'Zweite Fallmanagerin', password: TEST_PASSWORD, roles: ['case_manager'] },
      { memoryCost: 1024, timeCost: 1 },
    );
    cm = await t.login(t.tenantA.users.case_manager.username);
    otherCm = await t.login(second.username);
    teamLead = await t.login(t.tenantA.users.team_lead.username);
    provider = await t.login(t.tenantA.users.provider_staff.username);
    setup = await seedReferralSetup(t, cm, await createPerson(t, cm), { givenOn: '2026-03-01' });
    otherProviderId = await createProvider(t, t.tenantA.id);
  });
  afterAll(async () => t?.close());

  it('records a consent only with every counselling point, not in the future, for an active provider', async () => {
    const { caseId, providerId } = setup;
    const bad = await call(
      t,
      cm,
      'POST',
      `/api/cases/${caseId}/consents`,
      consentBody('00000000-0000-4000-8000-000000000001', ['attendance'], '2026-03-11', { counselled: ['content', 'effects'] }),
    );
    expect(bad.statusCode).toBe(400);
    const errors: Array<{ field: string; message: string }> = bad.json().errors;
    expect(errors.map((e) => e.field).sort()).toEqual(['counselled', 'givenOn', 'providerId']);
    const counselled = errors.find((e) => e.field === 'counselled')?.message ?? '';
    for (const point of ['scope', 'voluntariness', 'benefit'] as const) expect(counselled).toContain(CONSENT_COUNSELLING_LABELS_DE[point]);
    expect(counselled).not.toContain(CONSENT_COUNSELLING_LABELS_DE.content);

    const inactive = await createProvider(t, t.tenantA.id, { active: false });
    const inactiveRes = await call(t, cm, 'POST', `/api/cases/${caseId}/consents`, consentBody(inactive, ['attendance'], TODAY));
    expect(inactiveRes.statusCode).toBe(400);
    expect(inactiveRes.json().errors[0].field).toBe('providerId');
    const backwards = await call(
      t,
      cm,
      'POST',
      `/api/cases/${caseId}/consents`,
      consentBody(providerId, ['attendance'], TODAY, { validUntil: '2026-03-09' }),
    );
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].field).toBe('validUntil');

    const key = { 'idempotency-key': `consent-${kind}` };
    const body = consentBody(providerId, ['attendance', 'results', 'attendance'], TODAY, { validUntil: '2026-12-31' });
    const created = await call(t, cm, 'POST', `/api/cases/${caseId}/consents`, body, key);
    await expectOk(created, 201);
    expect(created.headers.etag).toBe('"1"');
    expect(created.json()).toMatchObject({
      caseId,
      personId: setup.personId,
      provider: { id: providerId },
      categories: ['attendance', 'results'],
      givenOn: TODAY,
      validUntil: '2026-12-31',
      state: 'valid',
      revokedOn: null,
      recordedBy: { id: cm.userId },
    });
    const replay = await call(t, cm, 'POST', `/api/cases/${caseId}/consents`, body, key);
    expect(replay.statusCode).toBe(201);
    expect(replay.json().id).toBe(created.json().id);

    const list = await call(t, teamLead, 'GET', `/api/cases/${caseId}/consents`);
    await expectOk(list);
    expect(list.json().items[0].id).toBe(created.json().id);
    expect(list.json().items.map((c: { id: string }) => c.id)).toContain(setup.consentId);
    const one = await call(t, teamLead, 'GET', `/api/consents/${created.json().id}`);
    await expectOk(one);
    expect(one.headers.etag).toBe('"1"');
    expect(await readLog(teamLead.userId, 'referral')).toBeGreaterThanOrEqual(2);
  });

  it('revokes a consent with If-Match, once, effective at once', async () => {
    const consentId = await createConsent(t, cm, setup.caseId, setup.providerId, ['attendance'], '2026-03-05');
    const url = `/api/consents/${consentId}/revoke`;
    expect((await call(t, cm, 'POST', url, {})).statusCode).toBe(428);
    expect((await call(t, cm, 'POST', url, {}, ifMatch(9))).statusCode).toBe(412);
    const future = await call(t, cm, 'POST', url, { revokedOn: '2026-03-11' }, ifMatch(1));
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toBe('revokedOn');
    const early = await call(t, cm, 'POST', url, { revokedOn: '2026-03-04' }, ifMatch(1));
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].code).toBe('before_given');
    expect((await call(t, otherCm, 'POST', url, {}, ifMatch(1))).json().code).toBe('NOT_RESPONSIBLE');

    const revoked = await call(t, cm, 'POST', url, { note: 'Person hat telefonisch widerrufen' }, ifMatch(1));
    await expectOk(revoked);
    expect(revoked.headers.etag).toBe('"2"');
    expect(revoked.json()).toMatchObject({
      state: 'revoked',
      revokedOn: TODAY,
      revokedBy: { id: cm.userId },
      revocationNote: 'Person hat telefonisch widerrufen',
      version: 2,
    });
    for (const version of [2, 1]) {
      const twice = await call(t, cm, 'POST', url, {}, ifMatch(version));
      expect(twice.statusCode).toBe(409);
      expect(twice.json().code).toBe('CONSENT_ALREADY_REVOKED');
    }
    const changes = await withTenant(t.database.owner, t.tenantA.id, (trx) =>
      trx.selectFrom('changeLog').select(['action', 'after']).where('entityId', '=', consentId).orderBy('seq').execute(),
    );
    expect(changes.map((c) => c.action)).toEqual(['create', 'update']);
    expect(changes[1]?.after).toMatchObject({ revokedOn: TODAY, revokedBy: cm.userId });
  });

  it('prints the consent form with exactly the recorded content', async () => {
    const consentId = await createConsent(t, cm, setup.caseId, setup.providerId, ['attendance', 'results'], '2026-03-02');
    const res = await call(t, teamLead, 'GET', `/api/consents/${consentId}/form.pdf`);
    await expectOk(res);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('attachment');
    const text = pdfText(res.rawPayload);
    for (const expected of [
      'Schweigepflichtentbindung',
      'Jana',
      'Träger a',
      'Abstimmung der Schuldnerberatung mit dem Fallmanagement',
      `[X] ${CONSENT_CATEGORY_LABELS_DE.attendance}`,
      `[X] ${CONSENT_CATEGORY_LABELS_DE.results}`,
      `${CONSENT_CATEGORY_LABELS_DE.health} (nicht umfasst)`,
      `${CONSENT_CATEGORY_LABELS_DE.content_summary} (nicht umfasst)`,
      '02.03.2026',
      'bis auf Widerruf',
      'schriftlich',
      CONSENT_COUNSELLING_LABELS_DE.voluntariness,
      'Widerruf',
      'Unterschrift',
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).not.toContain(`[X] ${CONSENT_CATEGORY_LABELS_DE.health}`);

    // Text the PDF base fonts cannot show is replaced readably, never garbled.
    const odd = await call(
      t,
      cm,
      'POST',
      `/api/cases/${setup.caseId}/consents`,
      consentBody(setup.providerId, ['health'], TODAY, { purpose: 'Absprache mit Frau Ayşe Łukasz → Träger ≥ 2 Termine' }),
    );
    await expectOk(odd, 201);
    const oddText = pdfText((await call(t, cm, 'GET', `/api/consents/${odd.json().id}/form.pdf`)).rawPayload);
    expect(oddText).toContain('Absprache mit Frau Ayse Lukasz -> Träger >= 2 Termine');
    expect(oddText).toContain(`[X] ${CONSENT_CATEGORY_LABELS_DE.health}`);
    expect((await call(t, teamLead, 'GET', '/api/consents/00000000-0000-4000-8000-000000000001/form.pdf')).statusCode).toBe(404);
  });

  it('sends only with a valid consent for the offer’s provider, and changes nothing otherwise', async () => {
    const { caseId, offerId } = setup;
    const draft = await call(t, cm, 'POST', `/api/cases/${caseId}/referrals`, { offerId, referralNote: 'Schulden klären' });
    await expectOk(draft, 201);
    const referral = draft.json();
    expect(referral).toMatchObject({ status: 'draft', consent: null, actions: ['cancel'], sentOn: null, waitingDays: null, overdue: null });
    expect(referral.history).toMatchObject([{ fromStatus: null, toStatus: 'draft', side: 'jobcenter', actor: { id: cm.userId } }]);

    const send = (version: number) => call(t, cm, 'POST', `/api/referrals/${referral.id}/actions`, { action: 'send' }, ifMatch(version));
    const before = await referralState(t, t.tenantA.id, referral.id);
    const noConsent = await send(1);
    expect(noConsent.statusCode).toBe(409);
    expect(noConsent.json().code).toBe('CONSENT_REQUIRED');
    expect(await referralState(t, t.tenantA.id, referral.id)).toEqual(before);

    // A consent of this case, but for another provider, cannot be attached …
    const foreign = await createConsent(t, cm, caseId, otherProviderId, ['attendance'], TODAY);
    const attach = await call(t, cm, 'PATCH', `/api/referrals/${referral.id}`, { consentId: foreign }, ifMatch(1));
    expect(attach.statusCode).toBe(400);
    expect(attach.json().errors[0].field).toBe('consentId');
    const createForeign = await call(t, cm, 'POST', `/api/cases/${caseId}/referrals`, { offerId, consentId: foreign });
    expect(createForeign.statusCode).toBe(400);
    expect(createForeign.json().errors[0].field).toBe('consentId');
    // … and if it were (written directly), sending is still refused.
    await withTenant(t.database.owner, t.tenantA.id, (trx) =>
      trx.updateTable('referrals').set({ consentId: foreign }).where('id', '=', referral.id).execute(),
    );
    expect((await send(1)).json().code).toBe('CONSENT_REQUIRED');
    await withTenant(t.database.owner, t.tenantA.id, (trx) =>
      trx.updateTable('referrals').set({ consentId: null }).where('id', '=', referral.id).execute(),
    );

    // An expired consent does not do either.
    const expiredRes = await call(
      t,
      cm,
      'POST',
      `/api/cases/${caseId}/consents`,
      consentBody(setup.providerId, ['attendance'], '2026-03-01', { validUntil: '2026-03-09' }),
    );
    await expectOk(expiredRes, 201);
    expect(expiredRes.json().state).toBe('expired');
    await expectOk(await call(t, cm, 'PATCH', `/api/referrals/${referral.id}`, { consentId: expiredRes.json().id }, ifMatch(1)));
    expect((await send(2)).json().code).toBe('CONSENT_REQUIRED');
    expect(await referralState(t, t.tenantA.id, referral.id)).toMatchObject({ version: 2, status: 'draft', transitions: 1 });

    const unknownGoal = await call(t, cm, 'PATCH', `/api/referrals/${referral.id}`, { goalIds: [setup.consentId] }, ifMatch(2));
    expect(unknownGoal.statusCode).toBe(400);
    expect(unknownGoal.json().errors[0].field).toBe('goalIds');

    const patched = await call(
      t,
      cm,
      'PATCH',
      `/api/referrals/${referral.id}`,
      { consentId: setup.consentId, goalIds: [setup.goalId], healthNote: 'Rückenleiden' },
      ifMatch(2),
    );
    await expectOk(patched);
    expect(patched.json()).toMatchObject({ version: 3, goalIds: [setup.goalId], healthNote: 'Rückenleiden', actions: ['send', 'cancel'] });
    expect((await send(2)).statusCode).toBe(412);
    const sent = await send(3);
    await expectOk(sent);
    expect(sent.headers.etag).toBe('"4"');
    expect(sent.json()).toMatchObject({ status: 'sent', sentOn: TODAY, waitingDays: 0, overdue: null, actions: ['cancel'] });
    expect(sent.json().history.map((h: { toStatus: string }) => h.toStatus)).toEqual(['draft', 'sent']);
    expect(sent.json().history[1]).toMatchObject({ fromStatus: 'draft', side: 'jobcenter', actor: { id: cm.userId }, reason: null });

    const inactiveOffer = await createOffer(t, t.tenantA.id, setup.providerId, { active: false });
    const inactive = await call(t, cm, 'POST', `/api/cases/${caseId}/referrals`, { offerId: inactiveOffer });
    expect(inactive.statusCode).toBe(409);
    expect(inactive.json().code).toBe('OFFER_INACTIVE');
    const unknownOffer = await call(t, cm, 'POST', `/api/cases/${caseId}/referrals`, { offerId: setup.consentId });
    expect(unknownOffer.statusCode).toBe(400);
    expect(unknownOffer.json().errors[0].field).toBe('offerId');
  });

  it('follows the state machine: cancel, confirm a self-referral, 409 for steps it does not allow', async () => {
    const sent = await sentReferral(t, cm, setup);
    const act = (id: string, body: Record<string, unknown>, version: number) =>
      call(t, cm, 'POST', `/api/referrals/${id}/actions`, body, ifMatch(version));
    const patch = await call(t, cm, 'PATCH', `/api/referrals/${sent.id}`, { referralNote: 'neu' }, ifMatch(sent.version));
    expect(patch.statusCode).toBe(409);
    expect(patch.json().code).toBe('REFERRAL_STEP_NOT_ALLOWED');
    const confirm = await act(sent.id, { action: 'confirm_self_referral', needsDecision: 'x', startedOn: TODAY }, sent.version);
    expect(confirm.json().code).toBe('REFERRAL_STEP_NOT_ALLOWED');
    const cancelled = await act(sent.id, { action: 'cancel', reason: 'Person ist verzogen' }, sent.version);
    await expectOk(cancelled);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', actions: [] });
    expect(cancelled.json().history.at(-1)).toMatchObject({ fromStatus: 'sent', toStatus: 'cancelled', reason: 'Person ist verzogen' });
    const again = await act(sent.id, { action: 'send' }, cancelled.json().version);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('REFERRAL_STEP_NOT_ALLOWED');
    // The provider cannot answer a withdrawn referral either.
    const accept = await call(
      t,
      provider,
      'POST',
      `/api/portal/referrals/${sent.id}/actions`,
      { action: 'accept' },
      ifMatch(cancelled.json().version),
    );
    expect(accept.json().code).toBe('REFERRAL_STEP_NOT_ALLOWED');

    const self = await call(t, cm, 'POST', `/api/cases/${setup.caseId}/referrals`, { offerId: setup.offerId, kind: 'self_referred' });
    await expectOk(self, 201);
    expect(self.json()).toMatchObject({ status: 'self_referred', actions: ['cancel'] });
    const body = { action: 'confirm_self_referral', needsDecision: 'Bedarf an Schuldnerberatung bestätigt', startedOn: '2026-03-09' };
    expect((await act(self.json().id, body, 1)).json().code).toBe('CONSENT_REQUIRED');
    await expectOk(await call(t, cm, 'PATCH', `/api/referrals/${self.json().id}`, { consentId: setup.consentId }, ifMatch(1)));
    const future = await act(self.json().id, { ...body, startedOn: '2026-03-11' }, 2);
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toBe('startedOn');
    const confirmed = await act(self.json().id, body, 2);
    await expectOk(confirmed);
    expect(confirmed.json()).toMatchObject({
      status: 'started',
      needsDecision: 'Bedarf an Schuldnerberatung bestätigt',
      startedOn: '2026-03-09',
      sentOn: null,
      waitingDays: null,
    });
    expect((await act(self.json().id, body, 3)).json().code).toBe('REFERRAL_STEP_NOT_ALLOWED');

    const rows = await withTenant(t.database.owner, t.tenantA.id, (trx) =>
      trx
        .selectFrom('referralTransitions')
        .select(['fromStatus', 'toStatus', 'actorId', 'actorSide'])
        .where('referralId', '=', self.json().id)
        .orderBy('at')
        .execute(),
    );
    expect(rows).toEqual([
      { fromStatus: null, toStatus: 'self_referred', actorId: cm.userId, actorSide: 'jobcenter' },
      { fromStatus: 'self_referred', toStatus: 'started', actorId: cm.userId, actorSide: 'jobcenter' },
    ]);
    const changes = await withTenant(t.database.owner, t.tenantA.id, (trx) =>
      trx.selectFrom('changeLog').select('action').where('entityId', '=', self.json().id).orderBy('seq').execute(),
    );
    expect(changes.map((c) => c.action)).toEqual(['create', 'update', 'update']);
  });

  it('computes waiting time and overdue flags on the app clock; the due day itself is not overdue', async () => {
    try {
      const offerId = await createOffer(t, t.tenantA.id, setup.providerId, {
        name: 'Schuldnerberatung mit Fristen',
        deadlines: { answerDays: 3, startDays: 7, interimReportDays: 14 },
      });
      const referral = await sentReferral(t, cm, { ...setup, offerId });
      const defaults = await sentReferral(t, cm, setup);
      const overdueItems = async () => {
        const res = await call(t, cm, 'GET', '/api/work/today');
        await expectOk(res);
        return res.json().items.filter((i: { kind: string }) => i.kind === 'referral_overdue');
      };

      setDay('2026-03-13');
      expect(await getReferral(cm, referral.id)).toMatchObject({ waitingDays: 3, overdue: null });
      expect((await overdueItems()).map((i: { refId: string }) => i.refId)).not.toContain(referral.id);
      setDay('2026-03-14');
      expect(await getReferral(cm, referral.id)).toMatchObject({
        waitingDays: 4,
        overdue: { kind: 'answer', dueOn: '2026-03-13', daysOverdue: 1 },
      });
      expect(await overdueItems()).toContainEqual({
        kind: 'referral_overdue',
        caseId: setup.caseId,
        person: expect.objectContaining({ id: setup.personId }),
        dueOn: '2026-03-13',
        title: 'Antwort des Trägers überfällig: Schuldnerberatung mit Fristen',
        refId: referral.id,
      });
      const portal = await call(t, provider, 'GET', `/api/portal/referrals/${referral.id}`);
      expect(portal.json().overdue).toEqual({ kind: 'answer', dueOn: '2026-03-13', daysOverdue: 1 });
      // Without an agreement the default deadlines hold (answer within 5 days).
      expect((await getReferral(cm, defaults.id)).overdue).toBeNull();
      setDay('2026-03-15');
      expect((await getReferral(cm, defaults.id)).overdue).toBeNull();
      setDay('2026-03-16');
      expect((await getReferral(cm, defaults.id)).overdue).toEqual({ kind: 'answer', dueOn: '2026-03-15', daysOverdue: 1 });

      setDay('2026-03-14');
      await portalStep(referral.id, { action: 'accept' });
      expect(await getReferral(cm, referral.id)).toMatchObject({ status: 'accepted', acceptedOn: '2026-03-14', overdue: null });
      setDay('2026-03-21');
      expect((await getReferral(cm, referral.id)).overdue).toBeNull();
      setDay('2026-03-22');
      expect((await getReferral(cm, referral.id)).overdue).toEqual({ kind: 'start', dueOn: '2026-03-21', daysOverdue: 1 });
      await portalStep(referral.id, { action: 'start', startedOn: '2026-03-20' });
      expect(await getReferral(cm, referral.id)).toMatchObject({ status: 'started', waitingDays: 10, overdue: null });
      setDay('2026-04-04');
      expect(await getReferral(cm, referral.id)).toMatchObject({
        waitingDays: 10,
        overdue: { kind: 'report', dueOn: '2026-04-03', daysOverdue: 1 },
      });
      const items = await overdueItems();
      expect(items.find((i: { refId: string }) => i.refId === referral.id)?.title).toBe(
        'Zwischenbericht überfällig: Schuldnerberatung mit Fristen',
      );
    } finally {
      clock = START;
    }
  });

  it('lets only the responsible case manager change consents and referrals; others still read', async () => {
    const sent = await sentReferral(t, cm, setup);
    const attempts = [
      call(t, otherCm, 'POST', `/api/cases/${setup.caseId}/consents`, consentBody(setup.providerId, ['attendance'], TODAY)),
      call(t, otherCm, 'POST', `/api/cases/${setup.caseId}/referrals`, { offerId: setup.offerId }),
      call(t, otherCm, 'PATCH', `/api/referrals/${sent.id}`, { referralNote: 'x' }, ifMatch(sent.version)),
      call(t, otherCm, 'POST', `/api/referrals/${sent.id}/actions`, { action: 'cancel', reason: 'x' }, ifMatch(sent.version)),
      call(t, otherCm, 'POST', `/api/consents/${setup.consentId}/revoke`, {}, ifMatch(1)),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().code).toBe('NOT_RESPONSIBLE');
    }
    const list = await call(t, otherCm, 'GET', `/api/cases/${setup.caseId}/referrals`);
    await expectOk(list);
    expect(list.json().items.find((r: { id: string }) => r.id === sent.id)).toMatchObject({ actions: [] });
    expect(await referralState(t, t.tenantA.id, sent.id)).toMatchObject({ status: 'sent', version: sent.version });
    expect((await call(t, otherCm, 'GET', '/api/referrals/00000000-0000-4000-8000-000000000001')).statusCode).toBe(404);
  });

  it('shows health information only to the responsible case manager', async () => {
    const sent = await sentReferral(t, cm, setup, { healthNote: 'Diabetes, braucht Pausen', referralNote: 'Schulden' });
    await portalStep(sent.id, { action: 'accept' });
    await portalStep(sent.id, { action: 'start', startedOn: TODAY });
    const report = await call(t, provider, 'POST', `/api/portal/referrals/${sent.id}/feedback`, {
      kind: 'interim_report',
      reportedOn: TODAY,
      summary: 'Gläubigerliste erstellt',
      healthNotes: 'Termine wegen Krankheit verschoben',
    });
    await expectOk(report, 201);
    await expectOk(
      await call(t, provider, 'POST', `/api/portal/referrals/${sent.id}/feedback`, {
        kind: 'appointment',
        appointmentOn: TODAY,
        kept: true,
      }),
      201,
    );

    const specialBefore = await readLog(cm.userId, 'special_category');
    const own = await getReferral(cm, sent.id);
    expect(own.healthNote).toBe('Diabetes, braucht Pausen');
    expect(own.hiddenFeedback).toBe(0);
    expect(own.feedback.map((f: { kind: string }) => f.kind)).toEqual(['status', 'interim_report', 'appointment']);
    expect(own.feedback[1]).toMatchObject({
      categories: ['attendance', 'content_summary', 'health'],
      fields: { reportedOn: TODAY, summary: 'Gläubigerliste erstellt', healthNotes: 'Termine wegen Krankheit verschoben' },
    });
    expect(await readLog(cm.userId, 'special_category')).toBe(specialBefore + 1);

    for (const reader of [teamLead, otherCm]) {
      const other = await getReferral(reader, sent.id);
      expect(other.healthNote).toBeNull();
      expect(other.hiddenFeedback).toBe(1);
      expect(other.feedback.map((f: { kind: string }) => f.kind)).toEqual(['status', 'appointment']);
      expect(JSON.stringify(other)).not.toContain('Krankheit');
      expect(JSON.stringify(other)).not.toContain('Diabetes');
      const list = await call(t, reader, 'GET', `/api/cases/${setup.caseId}/referrals`);
      expect(JSON.stringify(list.json())).not.toContain('Krankheit');
    }
    expect(await readLog(teamLead.userId, 'special_category')).toBe(0);
  });

  it('has no route to change feedback, and keeps providers out of the Jobcenter’s routes', async () => {
    const sent = await sentReferral(t, cm, setup);
    await portalStep(sent.id, { action: 'accept' });
    await portalStep(sent.id, { action: 'start', startedOn: TODAY });
    const withFeedback = await getReferral(cm, sent.id);
    const feedbackId = withFeedback.feedback[0].id;
    for (const method of ['PATCH', 'DELETE', 'PUT'] as const) {
      for (const url of [`/api/referrals/${sent.id}/feedback/${feedbackId}`, `/api/referrals/${sent.id}/feedback`]) {
        const res = await call(t, cm, method, url, method === 'DELETE' ? undefined : { fields: {} }, ifMatch(1));
        expect([404, 405], `${method} ${url}`).toContain(res.statusCode);
        expect(['ROUTE_NOT_FOUND', 'METHOD_NOT_ALLOWED']).toContain(res.json().code);
      }
    }
    const jobcenterRoutes: Array<[string, string, unknown?]> = [
      ['GET', `/api/cases/${setup.caseId}/referrals`],
      ['GET', `/api/referrals/${sent.id}`],
      ['GET', `/api/cases/${setup.caseId}/consents`],
      ['POST', `/api/cases/${setup.caseId}/referrals`, { offerId: setup.offerId }],
      ['POST', `/api/referrals/${sent.id}/actions`, { action: 'cancel', reason: 'x' }],
      ['POST', `/api/consents/${setup.consentId}/revoke`, {}],
      ['GET', `/api/cases/${setup.caseId}/barrier-proposals`],
    ];
    for (const [method, url, body] of jobcenterRoutes) {
      const res = await call(t, provider, method as 'GET' | 'POST', url, body, ifMatch(1));
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
    for (const body of [
      { action: 'send' },
      { action: 'cancel', reason: 'x' },
      { action: 'confirm_self_referral', needsDecision: 'x', startedOn: TODAY },
    ]) {
      const res = await call(t, provider, 'POST', `/api/portal/referrals/${sent.id}/actions`, body, ifMatch(withFeedback.version));
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    expect(await referralState(t, t.tenantA.id, sent.id)).toMatchObject({ status: 'started', version: withFeedback.version });
  });

  it('turns arising needs into proposals that the case manager accepts or rejects once', async () => {
    const types = (await call(t, provider, 'GET', '/api/portal/barrier-types')).json().items as Array<{
      id: string;
      label: string;
      specialCategory: boolean;
    }>;
    const plain = types.find((b) => !b.specialCategory);
    const special = types.find((b) => b.specialCategory);
    if (!plain || !special) throw new Error('catalogue without a plain and a special-category type');
    const sent = await sentReferral(t, cm, setup);
    await portalStep(sent.id, { action: 'accept' });
    await portalStep(sent.id, { action: 'start', startedOn: TODAY });
    const feedbackUrl = `/api/portal/referrals/${sent.id}/feedback`;
    const unknown = await call(t, provider, 'POST', feedbackUrl, {
      kind: 'interim_report',
      reportedOn: TODAY,
      arisingNeeds: [{ barrierTypeId: plain.id }, { barrierTypeId: setup.consentId }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('arisingNeeds.1.barrierTypeId');
    const future = await call(t, provider, 'POST', feedbackUrl, { kind: 'interim_report', reportedOn: '2026-03-11' });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toBe('reportedOn');
    const report = await call(t, provider, 'POST', feedbackUrl, {
      kind: 'interim_report',
      reportedOn: TODAY,
      arisingNeeds: [
        { barrierTypeId: plain.id, note: 'Mietrückstände seit Januar' },
        { barrierTypeId: special.id, note: 'Hinweise auf Suchtproblematik' },
      ],
    });
    await expectOk(report, 201);
    expect(report.json().feedback.at(-1).categories).toEqual(['attendance', 'content_summary', 'health']);

    const own = await call(t, cm, 'GET', `/api/cases/${setup.caseId}/barrier-proposals`);
    await expectOk(own);
    expect(own.json().hiddenSpecialCategory).toBe(0);
    const proposals = own.json().items as Array<{ id: string; barrierType: { id: string }; version: number; status: string }>;
    expect(proposals.map((p) => p.barrierType.id).sort()).toEqual([plain.id, special.id].sort());
    expect(proposals.every((p) => p.status === 'proposed')).toBe(true);
    const lead = await call(t, teamLead, 'GET', `/api/cases/${setup.caseId}/barrier-proposals`);
    expect(lead.json().hiddenSpecialCategory).toBe(1);
    expect(lead.json().items.map((p: { barrierType: { id: string } }) => p.barrierType.id)).toEqual([plain.id]);

    const work = (await call(t, cm, 'GET', '/api/work/today')).json().items.filter((i: { kind: string }) => i.kind === 'barrier_proposal');
    expect(work.map((i: { refId: string }) => i.refId).sort()).toEqual(proposals.map((p) => p.id).sort());
    expect(work[0]).toMatchObject({ caseId: setup.caseId, dueOn: TODAY });

    const plainProposal = proposals.find((p) => p.barrierType.id === plain.id);
    const specialProposal = proposals.find((p) => p.barrierType.id === special.id);
    if (!plainProposal || !specialProposal) throw new Error('proposals missing');
    const decide = (session: Session, id: string, body: Record<string, unknown>, version: number) =>
      call(t, session, 'POST', `/api/barrier-proposals/${id}/decision`, body, ifMatch(version));
    expect((await decide(otherCm, plainProposal.id, { decision: 'accept' }, 1)).json().code).toBe('NOT_RESPONSIBLE');
    expect((await decide(cm, plainProposal.id, { decision: 'accept' }, 7)).statusCode).toBe(412);
    const accepted = await decide(cm, plainProposal.id, { decision: 'accept', severity: 'high' }, 1);
    await expectOk(accepted);
    expect(accepted.json()).toMatchObject({ status: 'accepted', decidedBy: { id: cm.userId }, version: 2 });
    const barrierId = accepted.json().barrierId as string;
    const barrier = await call(t, cm, 'GET', `/api/cases/${setup.caseId}/barriers/${barrierId}`);
    await expectOk(barrier);
    expect(barrier.json()).toMatchObject({
      barrierType: { id: plain.id },
      severity: 'high',
      note: 'Mietrückstände seit Januar',
      indicators: [{ kind: 'soft', source: 'provider_feedback', note: 'Mietrückstände seit Januar' }],
      recordedOn: TODAY,
    });
    const twice = await decide(cm, plainProposal.id, { decision: 'reject', note: 'doch nicht' }, 2);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('PROPOSAL_ALREADY_DECIDED');

    const noNote = await decide(cm, specialProposal.id, { decision: 'reject' }, 1);
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().errors[0].field).toBe('note');
    const rejected = await decide(cm, specialProposal.id, { decision: 'reject', note: 'Im Gespräch nicht bestätigt' }, 1);
    await expectOk(rejected);
    expect(rejected.json()).toMatchObject({ status: 'rejected', barrierId: null, decisionNote: 'Im Gespräch nicht bestätigt' });
    expect((await decide(cm, specialProposal.id, { decision: 'accept' }, 2)).json().code).toBe('PROPOSAL_ALREADY_DECIDED');
    const after = (await call(t, cm, 'GET', '/api/work/today')).json().items;
    expect(after.filter((i: { kind: string }) => i.kind === 'barrier_proposal')).toEqual([]);
  });
});
