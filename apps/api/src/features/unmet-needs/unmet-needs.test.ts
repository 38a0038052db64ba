import { withTenant } from '@lotse/db';
import { addDays, todayInGermany } from '@lotse/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, TEST_PASSWORD, type TestApp } from '../../testing';
import { call, expectOk } from '../cases/testing';
import { createUserDirect } from '../tenants/provisioning';
import { recordUnmetNeed } from './testing';

describe.each(['pglite', 'postgres'] as const)('unmet needs on %s', (kind) => {
  let t: TestApp;
  let cm: Session;
  let otherCm: Session;
  let teamLead: Session;
  let dpo: Session;
  let cmB: Session;
  let caseId: string;
  let personId: string;
  let personCounter = 0;
  const today = todayInGermany();

  async function newCase(session: Session) {
    personCounter++;
    const person = await call(t, session, 'POST', '/api/persons', {
      customerNumber: `456D${String(personCounter).padStart(6, '0')}`,
      firstName: 'Jana',
      lastName: `Bedarf${personCounter}`,
      birthDate: '1985-03-04',
      sex: 'female',
    });
    await expectOk(person, 201);
    const created = await call(t, session, 'POST', '/api/cases', { personId: person.json().id });
    await expectOk(created, 201);
    return { caseId: created.json().id as string, personId: person.json().id as string, version: created.json().version as number };
  }

  const needRows = (tenantId: string) =>
    withTenant(t.database.owner, tenantId, (trx) =>
      trx.selectFrom('unmetNeeds').select(['id', 'caseId', 'resolvedOn', 'version']).where('tenantId', '=', tenantId).execute(),
    );
  const readsOf = async (id: string) => {
    const res = await call(t, dpo, 'GET', `/api/audit/reads?personId=${id}&limit=100`);
    await expectOk(res);
    return res.json().items as { actor: { id: string }; purpose: string }[];
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const second = await createUserDirect(
      t.database.owner,
      t.tenantA.id,
      { username: `zweite.fm.bedarf.${kind}`, displayName: 'Zweite Fallmanagerin', password: TEST_PASSWORD, roles: ['case_manager'] },
      { memoryCost: 1024, timeCost: 1 },
    );
    [cm, otherCm, teamLead, dpo, cmB] = await Promise.all([
      t.login(t.tenantA.users.case_manager.username),
      t.login(second.username),
      t.login(t.tenantA.users.team_lead.username),
      t.login(t.tenantA.users.data_protection.username),
      t.login(t.tenantB.users.case_manager.username),
    ]);
    ({ caseId, personId } = await newCase(cm));
  });
  afterAll(async () => t?.close());

  describe('recording', () => {
    it('records a need the case manager found no offer for, dated today by default, and logs the change', async () => {
      const res = await call(t, cm, 'POST', `/api/cases/${caseId}/unmet-needs`, {
        serviceType: 'debt_counselling',
        reason: 'no_capacity',
        note: '  Alle Plätze der Schuldnerberatung belegt  ',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.headers.etag).toBe('"1"');
      const need = res.json();
      expect(need).toEqual({
        id: need.id,
        caseId,
        serviceType: 'debt_counselling',
        serviceTypeLabel: 'Schuldnerberatung (§ 16a Nr. 2 SGB II)',
        reason: 'no_capacity',
        reasonLabel: 'Keine freie Kapazität',
        note: 'Alle Plätze der Schuldnerberatung belegt',
        recordedOn: today,
        recordedBy: { id: cm.userId, displayName: `case_manager ${t.tenantA.users.case_manager.username.split('.')[1]}` },
        resolvedOn: null,
        version: 1,
      });
      const changes = await call(t, dpo, 'GET', `/api/audit/changes?personId=${need.id}`);
      expect(changes.json().items).toEqual([
        expect.objectContaining({
          entity: 'unmet_need',
          action: 'create',
          before: null,
          after: {
            caseId,
            personId,
            serviceType: 'debt_counselling',
            reason: 'no_capacity',
            note: 'Alle Plätze der Schuldnerberatung belegt',
            recordedOn: today,
          },
        }),
      ]);
    });

    it('takes an earlier date, but not one in the future or before the case was opened', async () => {
      const future = await call(t, cm, 'POST', `/api/cases/${caseId}/unmet-needs`, {
        serviceType: 'housing_support',
        reason: 'no_offer',
        recordedOn: addDays(today, 1),
      });
      expect(future.statusCode).toBe(400);
      expect(future.json().errors).toEqual([
        { field: 'recordedOn', code: 'in_future', message: 'Das Datum darf nicht in der Zukunft liegen.' },
      ]);
      const beforeCase = await call(t, cm, 'POST', `/api/cases/${caseId}/unmet-needs`, {
        serviceType: 'housing_support',
        reason: 'no_offer',
        recordedOn: addDays(today, -1),
      });
      expect(beforeCase.statusCode).toBe(400);
      expect(beforeCase.json().errors[0]).toMatchObject({ field: 'recordedOn', code: 'before_case' });
      expect(await needRows(t.tenantA.id)).toHaveLength(1);
    });

    it('checks service type and reason against the vocabulary', async () => {
      const res = await call(t, cm, 'POST', `/api/cases/${caseId}/unmet-needs`, { serviceType: 'flying_lessons', reason: 'too_cold' });
      expect(res.statusCode).toBe(400);
      expect(
        res
          .json()
          .errors.map((e: { field: string }) => e.field)
          .sort(),
      ).toEqual(['reason', 'serviceType']);
    });

    it('lets only the responsible case manager record (403 NOT_RESPONSIBLE), and no other role (403 FORBIDDEN)', async () => {
      const body = { serviceType: 'language_course', reason: 'too_far' };
      const other = await call(t, otherCm, 'POST', `/api/cases/${caseId}/unmet-needs`, body);
      expect(other.statusCode).toBe(403);
      expect(other.json().code).toBe('NOT_RESPONSIBLE');
      const lead = await call(t, teamLead, 'POST', `/api/cases/${caseId}/unmet-needs`, body);
      expect(lead.statusCode).toBe(403);
      expect(lead.json().code).toBe('FORBIDDEN');
      expect(await needRows(t.tenantA.id)).toHaveLength(1);
    });

    it('refuses a closed case with 409 CASE_READ_ONLY', async () => {
      const closed = await newCase(cm);
      const declined = await call(
        t,
        cm,
        'POST',
        `/api/cases/${closed.caseId}/transitions`,
        { action: 'decline' },
        { 'if-match': `"${closed.version}"` },
      );
      await expectOk(declined);
      expect(declined.json().status).toBe('not_indicated');
      const res = await call(t, cm, 'POST', `/api/cases/${closed.caseId}/unmet-needs`, {
        serviceType: 'debt_counselling',
        reason: 'no_offer',
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('CASE_READ_ONLY');
      expect((await needRows(t.tenantA.id)).filter((n) => n.caseId === closed.caseId)).toEqual([]);
    });

    it('replays a create with the same Idempotency-Key: one need', async () => {
      const other = await newCase(cm);
      const body = { serviceType: 'addiction_counselling', reason: 'waiting_too_long' };
      const headers = { 'idempotency-key': `unmet-${kind}-1` };
      const first = await call(t, cm, 'POST', `/api/cases/${other.caseId}/unmet-needs`, body, headers);
      const second = await call(t, cm, 'POST', `/api/cases/${other.caseId}/unmet-needs`, body, headers);
      expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
      expect(second.json()).toEqual(first.json());
      expect((await needRows(t.tenantA.id)).filter((n) => n.caseId === other.caseId)).toHaveLength(1);
    });
  });

  describe('reading', () => {
    it("lists the case's needs newest first for case readers, and logs the read of the person", async () => {
      await recordUnmetNeed(t, cm, caseId, { serviceType: 'housing_support', reason: 'other', note: null });
      const before = (await readsOf(personId)).length;
      for (const session of [cm, teamLead]) {
        const res = await call(t, session, 'GET', `/api/cases/${caseId}/unmet-needs`);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json().items.map((n: { serviceType: string }) => n.serviceType)).toEqual(['housing_support', 'debt_counselling']);
      }
      const reads = await readsOf(personId);
      expect(reads.length - before).toBe(2);
      expect(reads.slice(0, 2).map((r) => [r.actor.id, r.purpose])).toEqual([
        [teamLead.userId, 'case'],
        [cm.userId, 'case'],
      ]);
    });

    it('is closed to planners and coordinators (no person data), and to other tenants (404)', async () => {
      for (const role of ['social_planner', 'coordinator'] as const) {
        const session = await t.login(t.tenantA.users[role].username);
        const res = await call(t, session, 'GET', `/api/cases/${caseId}/unmet-needs`);
        expect(res.statusCode, role).toBe(403);
      }
      expect((await call(t, cmB, 'GET', `/api/cases/${caseId}/unmet-needs`)).statusCode).toBe(404);
      const write = await call(t, cmB, 'POST', `/api/cases/${caseId}/unmet-needs`, { serviceType: 'debt_counselling', reason: 'no_offer' });
      expect(write.statusCode).toBe(404);
    });
  });

  describe('resolving', () => {
    let need: { id: string; version: number; recordedOn: string };

    beforeAll(async () => {
      const other = await newCase(cm);
      need = await recordUnmetNeed(t, cm, other.caseId, { serviceType: 'psychosocial_support', reason: 'target_group' });
    });

    const resolve = (session: Session, body: Record<string, unknown>, ifMatch?: string) =>
      call(t, session, 'POST', `/api/unmet-needs/${need.id}/resolve`, body, ifMatch ? { 'if-match': ifMatch } : {});

    it('needs If-Match (428 without, 412 stale) and the responsible case manager (403)', async () => {
      expect((await resolve(cm, {})).statusCode).toBe(428);
      const stale = await resolve(cm, {}, '"4"');
      expect(stale.statusCode).toBe(412);
      expect(stale.json().code).toBe('PRECONDITION_FAILED');
      const other = await resolve(otherCm, {}, '"1"');
      expect(other.statusCode).toBe(403);
      expect(other.json().code).toBe('NOT_RESPONSIBLE');
      expect((await resolve(cmB, {}, '"1"')).statusCode).toBe(404);
    });

    it('refuses a date before the need was recorded or in the future', async () => {
      const early = await resolve(cm, { resolvedOn: addDays(need.recordedOn, -1) }, '"1"');
      expect(early.statusCode).toBe(400);
      expect(early.json().errors).toEqual([
        { field: 'resolvedOn', code: 'before_recorded', message: 'Ein Bedarf kann nicht vor seiner Erfassung erledigt sein.' },
      ]);
      const future = await resolve(cm, { resolvedOn: addDays(today, 1) }, '"1"');
      expect(future.statusCode).toBe(400);
      expect(future.json().errors[0]).toMatchObject({ field: 'resolvedOn', code: 'in_future' });
      expect((await needRows(t.tenantA.id)).find((n) => n.id === need.id)).toMatchObject({ resolvedOn: null, version: 1 });
    });

    it('marks the need resolved (today by default) once, and logs it', async () => {
      const res = await resolve(cm, {}, '"1"');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers.etag).toBe('"2"');
      expect(res.json()).toMatchObject({ id: need.id, resolvedOn: today, version: 2 });
      const again = await resolve(cm, {}, '"2"');
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('UNMET_NEED_ALREADY_RESOLVED');
      const changes = await call(t, dpo, 'GET', `/api/audit/changes?personId=${need.id}`);
      expect(changes.json().items[0]).toMatchObject({
        entity: 'unmet_need',
        action: 'update',
        before: { resolvedOn: null },
        after: { resolvedOn: today, resolvedBy: cm.userId },
      });
    });
  });
});
