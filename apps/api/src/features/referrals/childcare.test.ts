import { withTenant } from '@lotse/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, TEST_PASSWORD, type TestApp } from '../../testing';
import { call, expectOk } from '../cases/testing';
import { seedProviderWithOffer } from '../providers/testing';
import { createUserDirect } from '../tenants/provisioning';
import { createPerson, type ReferralSetup, seedReferralSetup, sentReferral } from './testing';

const NOW = new Date('2026-05-15T10:00:00Z');

describe.each(['pglite', 'postgres'] as const)('childcare arrangements on %s', (kind) => {
  let t: TestApp;
  let cm: Session;
  let otherCm: Session;
  let teamLead: Session;
  let coordinator: Session;
  let staff: Session;
  let cmB: Session;
  let setup: ReferralSetup;
  let childId: string;
  let partnerId: string;
  let childcareReferral: { id: string; version: number };
  let debtReferral: string;

  const url = () => `/api/referrals/${childcareReferral.id}/childcare-arrangements`;

  async function changes(entityId: string) {
    return withTenant(t.database.owner, t.tenantA.id, async (trx) => {
      const { rows } = await sql<{ action: string; after: Record<string, unknown> }>`
        select action, after from change_log where entity = 'childcare_arrangement' and entity_id = ${entityId} order by seq`.execute(trx);
      return rows;
    });
  }

  async function arrangementCount() {
    return withTenant(t.database.owner, t.tenantA.id, async (trx) => {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from childcare_arrangements`.execute(trx);
      return rows[0]?.n ?? 0;
    });
  }

  beforeAll(async () => {
    t = await createTestApp(kind, { now: () => NOW });
    cm = await t.login(t.tenantA.users.case_manager.username);
    const second = await createUserDirect(
      t.database.owner,
      t.tenantA.id,
      { username: `zweite.fm.kita.${kind}`, displayName: 'Zweite Fallmanagerin', password: TEST_PASSWORD, roles: ['case_manager'] },
      { memoryCost: 1024, timeCost: 1 },
    );
    otherCm = await t.login(second.username);
    teamLead = await t.login(t.tenantA.users.team_lead.username);
    coordinator = await t.login(t.tenantA.users.coordinator.username);
    staff = await t.login(t.tenantA.users.provider_staff.username);
    cmB = await t.login(t.tenantB.users.case_manager.username);

    const parent = await createPerson(t, cm, { firstName: 'Maria', lastName: 'Betreuung' });
    childId = await createPerson(t, cm, { firstName: 'Lina', lastName: 'Betreuung', birthDate: '2022-04-01' });
    partnerId = await createPerson(t, cm, { firstName: 'Jonas', lastName: 'Betreuung', birthDate: '1984-01-01' });
    const household = await call(t, cm, 'POST', '/api/households', {
      number: '12301BG0004711',
      members: [
        { personId: parent, role: 'applicant' },
        { personId: partnerId, role: 'partner' },
        { personId: childId, role: 'child' },
      ],
    });
    await expectOk(household, 201);
    setup = await seedReferralSetup(t, cm, parent, { givenOn: '2026-01-05' });
    const childcare = await seedProviderWithOffer(t, coordinator, { providerId: t.tenantA.providerId, serviceType: 'childcare_care' });
    childcareReferral = await sentReferral(t, cm, { caseId: setup.caseId, offerId: childcare.offerId, consentId: setup.consentId });
    debtReferral = (await sentReferral(t, cm, setup)).id;
  });
  afterAll(async () => t?.close());

  it('records arrangements only once the provider has accepted', async () => {
    const res = await call(t, cm, 'POST', url(), { childLabel: 'Kind 1', beginsOn: '2026-05-01' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('REFERRAL_STEP_NOT_ALLOWED');
    expect(res.json().detail).toContain('angenommen');
    const accepted = await call(
      t,
      staff,
      'POST',
      `/api/portal/referrals/${childcareReferral.id}/actions`,
      { action: 'accept' },
      { 'if-match': `"${childcareReferral.version}"` },
    );
    await expectOk(accepted);
  });

  it("lists the arrangements with the household's children to choose from, and logs the read", async () => {
    const res = await call(t, cm, 'GET', url());
    await expectOk(res);
    expect(res.json()).toEqual({
      items: [],
      householdChildren: [{ personId: childId, label: 'Lina Betreuung', birthDate: '2022-04-01' }],
    });
    const logged = await withTenant(t.database.owner, t.tenantA.id, async (trx) => {
      const { rows } = await sql<{ personId: string }>`
        select person_id as "personId" from read_log where actor_id = ${cm.userId} and person_id = ${childId}`.execute(trx);
      return rows;
    });
    expect(logged.length).toBeGreaterThan(0);
  });

  it('records one arrangement per child: a household child or a named one, never overlapping for the same child', async () => {
    const key = { 'idempotency-key': `kita-${kind}` };
    const body = { childPersonId: childId, beginsOn: '2026-05-01', endsOn: null };
    const created = await call(t, cm, 'POST', url(), body, key);
    await expectOk(created, 201);
    expect(created.headers.location).toBe(`/api/childcare-arrangements/${created.json().id}`);
    expect(created.json()).toMatchObject({
      referralId: childcareReferral.id,
      child: { personId: childId, label: 'Lina Betreuung' },
      beginsOn: '2026-05-01',
      endsOn: null,
      createdBy: { id: cm.userId },
    });
    const count = await arrangementCount();
    const replay = await call(t, cm, 'POST', url(), body, key);
    await expectOk(replay, 201);
    expect(replay.json().id).toBe(created.json().id);
    expect(await arrangementCount()).toBe(count);
    expect(await changes(created.json().id)).toMatchObject([
      { action: 'create', after: { childPersonId: childId, childLabel: 'Lina Betreuung', beginsOn: '2026-05-01' } },
    ]);

    const overlap = await call(t, cm, 'POST', url(), { childPersonId: childId, beginsOn: '2026-06-01' });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().errors[0]).toMatchObject({ field: 'childPersonId', code: 'overlapping' });

    const named = await call(t, cm, 'POST', url(), { childLabel: '  Kind 2,  1 Jahr ', beginsOn: '2026-05-04', endsOn: '2026-07-31' });
    await expectOk(named, 201);
    expect(named.json().child).toEqual({ personId: null, label: 'Kind 2,  1 Jahr' });
    const sameName = await call(t, cm, 'POST', url(), { childLabel: 'kind 2, 1 jahr', beginsOn: '2026-07-01' });
    expect(sameName.statusCode).toBe(409);
    expect(sameName.json().errors[0]).toMatchObject({ field: 'childLabel', code: 'overlapping' });
    // After the named child's care ended, a new period may follow.
    await expectOk(await call(t, cm, 'POST', url(), { childLabel: 'Kind 2, 1 Jahr', beginsOn: '2026-08-01' }), 201);

    const list = await call(t, teamLead, 'GET', url());
    await expectOk(list);
    expect(list.json().items.map((a: { child: { label: string }; beginsOn: string }) => [a.child.label, a.beginsOn])).toEqual([
      ['Lina Betreuung', '2026-05-01'],
      ['Kind 2,  1 Jahr', '2026-05-04'],
      ['Kind 2, 1 Jahr', '2026-08-01'],
    ]);
  });

  it('validates the child and the dates', async () => {
    const before = await arrangementCount();
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ beginsOn: '2026-05-01' }, 'childPersonId', 'child_required'],
      [{ childPersonId: childId, childLabel: 'Lina', beginsOn: '2026-05-01' }, 'childPersonId', 'child_required'],
      [{ childLabel: '   ', beginsOn: '2026-05-01' }, 'childPersonId', 'child_required'],
      [{ childPersonId: partnerId, beginsOn: '2026-05-01' }, 'childPersonId', 'not_a_child'],
      [{ childPersonId: setup.personId, beginsOn: '2026-05-01' }, 'childPersonId', 'not_a_child'],
      [{ childLabel: 'Kind 3', beginsOn: '2026-05-10', endsOn: '2026-05-09' }, 'endsOn', 'before_begin'],
    ];
    for (const [body, field, code] of cases) {
      const res = await call(t, cm, 'POST', url(), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors[0], JSON.stringify(body)).toMatchObject({ field, code });
    }
    for (const body of [
      { childLabel: 'Kind 3', beginsOn: '2026-02-30' },
      { childLabel: 'Kind 3', beginsOn: '2026-05-01', extra: 1 },
      { childLabel: 'x'.repeat(201), beginsOn: '2026-05-01' },
    ]) {
      expect((await call(t, cm, 'POST', url(), body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    expect(await arrangementCount()).toBe(before);
  });

  it('refuses arrangements for a referral to an offer that is not childcare', async () => {
    const get = await call(t, cm, 'GET', `/api/referrals/${debtReferral}/childcare-arrangements`);
    expect(get.statusCode).toBe(409);
    expect(get.json().code).toBe('NOT_A_CHILDCARE_REFERRAL');
    const post = await call(t, cm, 'POST', `/api/referrals/${debtReferral}/childcare-arrangements`, {
      childLabel: 'Kind',
      beginsOn: '2026-05-01',
    });
    expect(post.statusCode).toBe(409);
    expect(post.json().code).toBe('NOT_A_CHILDCARE_REFERRAL');
  });

  it('lets only the responsible case manager write, case readers read, and keeps tenants apart', async () => {
    const before = await arrangementCount();
    const body = { childLabel: 'Kind 4', beginsOn: '2026-05-01' };
    const other = await call(t, otherCm, 'POST', url(), body);
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('NOT_RESPONSIBLE');
    expect((await call(t, teamLead, 'POST', url(), body)).statusCode).toBe(403);
    expect((await call(t, coordinator, 'GET', url())).statusCode).toBe(403);
    await expectOk(await call(t, otherCm, 'GET', url()));
    expect((await call(t, cmB, 'GET', url())).statusCode).toBe(404);
    expect((await call(t, cmB, 'POST', url(), body)).statusCode).toBe(404);
    expect(await arrangementCount()).toBe(before);
  });

  it('ends an arrangement (or corrects its end), never before its begin or into another period of the child', async () => {
    const list = (await call(t, cm, 'GET', url())).json().items as Array<{ id: string; child: { label: string }; beginsOn: string }>;
    const lina = list.find((a) => a.child.label === 'Lina Betreuung');
    const firstNamed = list.find((a) => a.beginsOn === '2026-05-04');
    if (!lina || !firstNamed) throw new Error('arrangements missing');
    const end = (id: string, endsOn: string, session = cm) => call(t, session, 'POST', `/api/childcare-arrangements/${id}/end`, { endsOn });

    const early = await end(lina.id, '2026-04-30');
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0]).toMatchObject({ field: 'endsOn', code: 'before_begin' });
    const ended = await end(lina.id, '2026-07-31');
    await expectOk(ended);
    expect(ended.json()).toMatchObject({ id: lina.id, endsOn: '2026-07-31' });
    await expectOk(await end(lina.id, '2026-06-30'));
    expect((await changes(lina.id)).map((c) => [c.action, c.after])).toEqual([
      ['create', expect.objectContaining({ endsOn: null })],
      ['update', { endsOn: '2026-07-31' }],
      ['update', { endsOn: '2026-06-30' }],
    ]);
    // The named child's first period must not run into its second one (from 2026-08-01).
    const overlapping = await end(firstNamed.id, '2026-08-15');
    expect(overlapping.statusCode).toBe(409);
    expect(overlapping.json().errors[0]).toMatchObject({ field: 'endsOn', code: 'overlapping' });

    expect((await end(lina.id, '2026-06-01', otherCm)).statusCode).toBe(403);
    expect((await end(lina.id, '2026-06-01', cmB)).statusCode).toBe(404);
    expect((await end('00000000-0000-4000-8000-000000000001', '2026-06-01')).statusCode).toBe(404);
    const after = (await call(t, cm, 'GET', url())).json().items.find((a: { id: string }) => a.id === lina.id);
    expect(after.endsOn).toBe('2026-06-30');
  });
});
