import { withTenant } from '@lotse/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../testing';

const newPerson = (n: number, overrides: Record<string, unknown> = {}) => ({
  customerNumber: `123D66${String(n).padStart(4, '0')}`,
  firstName: `Mitglied${n}`,
  lastName: 'Haushalt',
  birthDate: `19${70 + n}-03-15`,
  sex: n % 2 ? 'female' : 'male',
  ...overrides,
});

interface Member {
  personId: string;
  role: string;
  firstName: string;
}

describe.each(['pglite', 'postgres'] as const)('households on %s', (kind) => {
  let t: TestApp;
  let cm: Session;
  let cmB: Session;
  /** p[0..5]: persons of tenant A. */
  const p: string[] = [];
  let householdId: string;
  let secondHouseholdId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    [cm, cmB] = await Promise.all([t.login(t.tenantA.users.case_manager.username), t.login(t.tenantB.users.case_manager.username)]);
    for (let n = 0; n < 6; n++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/persons', headers: cm.headers, payload: newPerson(n) });
      if (res.statusCode !== 201) throw new Error(res.body);
      p.push(res.json().id);
    }
  });
  afterAll(async () => t?.close());

  const post = (payload: object, session = cm) =>
    t.app.inject({ method: 'POST', url: '/api/households', headers: session.headers, payload });
  const get = (id: string, session = cm) => t.app.inject({ method: 'GET', url: `/api/households/${id}`, headers: session.headers });
  const patch = (id: string, payload: object, ifMatch?: string, session = cm) =>
    t.app.inject({
      method: 'PATCH',
      url: `/api/households/${id}`,
      headers: ifMatch === undefined ? session.headers : { ...session.headers, 'if-match': ifMatch },
      payload,
    });

  /** Household and membership rows of tenant A straight from the database (the owner bypasses RLS on PostgreSQL). */
  const dbState = () =>
    withTenant(t.database.owner, t.tenantA.id, async (trx) => ({
      households: await trx
        .selectFrom('households')
        .select(['id', 'number', 'version'])
        .where('tenantId', '=', t.tenantA.id)
        .orderBy('number')
        .execute(),
      members: await trx
        .selectFrom('householdMembers')
        .select(['householdId', 'personId', 'role'])
        .where('tenantId', '=', t.tenantA.id)
        .orderBy('personId')
        .execute(),
    }));

  describe('create', () => {
    it('rejects a household without an applicant with 400 and a field error on members', async () => {
      const before = await dbState();
      const res = await post({
        number: '12301BG0000100',
        members: [
          { personId: p[0], role: 'partner' },
          { personId: p[1], role: 'child' },
        ],
      });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const body = res.json();
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(body.errors).toEqual([{ field: 'members', code: 'custom', message: 'Genau ein Mitglied muss Antragsteller/in sein.' }]);
      expect(await dbState()).toEqual(before);
    });

    it('rejects two applicants the same way', async () => {
      const res = await post({
        number: '12301BG0000100',
        members: [
          { personId: p[0], role: 'applicant' },
          { personId: p[1], role: 'applicant' },
        ],
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['members']);
    });

    it('rejects an unknown person with 400 and the field members.N.personId', async () => {
      const res = await post({
        number: '12301BG0000100',
        members: [
          { personId: p[0], role: 'applicant' },
          { personId: '00000000-0000-4000-8000-000000000001', role: 'child' },
        ],
      });
      expect(res.statusCode).toBe(400);
      const body = res.json();
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(body.errors).toEqual([{ field: 'members.1.personId', code: 'unknown_person', message: expect.any(String) }]);
      expect((await dbState()).households).toEqual([]);
    });

    it('treats a person of another tenant as unknown', async () => {
      const other = await t.app.inject({
        method: 'POST',
        url: '/api/persons',
        headers: cmB.headers,
        payload: newPerson(90, { birthDate: '1960-05-05' }),
      });
      expect(other.statusCode, other.body).toBe(201);
      const res = await post({ number: '12301BG0000100', members: [{ personId: other.json().id, role: 'applicant' }] });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe('members.0.personId');
    });

    it('rejects a malformed household number and unknown fields', async () => {
      const badNumber = await post({ number: '4711', members: [{ personId: p[0], role: 'applicant' }] });
      expect(badNumber.statusCode).toBe(400);
      expect(badNumber.json().errors.map((e: { field: string }) => e.field)).toEqual(['number']);
      const extra = await post({ number: '12301BG0000100', members: [{ personId: p[0], role: 'applicant' }], tenantId: t.tenantB.id });
      expect(extra.statusCode).toBe(400);
      expect(extra.json().errors[0].code).toBe('unknown_field');
    });

    it('creates a household with members and their roles', async () => {
      const res = await post({
        number: '12301bg0000100',
        members: [
          { personId: p[2], role: 'child' },
          { personId: p[0], role: 'applicant' },
          { personId: p[1], role: 'partner' },
        ],
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.headers.etag).toBe('"1"');
      const body = res.json();
      householdId = body.id;
      expect(res.headers.location).toBe(`/api/households/${householdId}`);
      expect(body.number).toBe('12301BG0000100');
      expect(body.members.map((m: Member) => [m.personId, m.role])).toEqual([
        [p[0], 'applicant'],
        [p[1], 'partner'],
        [p[2], 'child'],
      ]);
      const state = await dbState();
      expect(state.households).toEqual([{ id: householdId, number: '12301BG0000100', version: 1 }]);
      expect(state.members).toHaveLength(3);
    });

    it('GET shows the members with roles and names', async () => {
      const res = await get(householdId);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers.etag).toBe('"1"');
      expect(res.headers['cache-control']).toBe('no-store');
      const body = res.json();
      expect(body.members).toEqual([
        {
          personId: p[0],
          role: 'applicant',
          customerNumber: '123D660000',
          firstName: 'Mitglied0',
          lastName: 'Haushalt',
          birthDate: '1970-03-15',
        },
        {
          personId: p[1],
          role: 'partner',
          customerNumber: '123D660001',
          firstName: 'Mitglied1',
          lastName: 'Haushalt',
          birthDate: '1971-03-15',
        },
        {
          personId: p[2],
          role: 'child',
          customerNumber: '123D660002',
          firstName: 'Mitglied2',
          lastName: 'Haushalt',
          birthDate: '1972-03-15',
        },
      ]);
    });

    it('a person GET shows the household and the role in it', async () => {
      const res = await t.app.inject({ method: 'GET', url: `/api/persons/${p[1]}`, headers: cm.headers });
      expect(res.statusCode).toBe(200);
      expect(res.json().household).toEqual({ id: householdId, number: '12301BG0000100', role: 'partner' });
      const outside = await t.app.inject({ method: 'GET', url: `/api/persons/${p[3]}`, headers: cm.headers });
      expect(outside.json().household).toBeNull();
    });

    it('refuses a person who already belongs to another household with 409 and changes nothing', async () => {
      const before = await dbState();
      const res = await post({
        number: '12301BG0000200',
        members: [
          { personId: p[3], role: 'applicant' },
          { personId: p[1], role: 'partner' },
        ],
      });
      expect(res.statusCode).toBe(409);
      const body = res.json();
      expect(body.code).toBe('PERSON_IN_OTHER_HOUSEHOLD');
      expect(body.errors).toEqual([{ field: 'members.1.personId', code: 'in_other_household', message: expect.any(String) }]);
      expect(await dbState()).toEqual(before);
    });

    it('refuses a duplicate household number with 409 CONFLICT', async () => {
      const res = await post({ number: '12301BG0000100', members: [{ personId: p[3], role: 'applicant' }] });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('CONFLICT');
      expect((await dbState()).households).toHaveLength(1);
    });

    it('lets only one of two simultaneous households take the same person (409, never 500)', async () => {
      const results = await Promise.all(
        ['12301BG0000400', '12301BG0000401'].map((number) => post({ number, members: [{ personId: p[5], role: 'applicant' }] })),
      );
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      const loser = results.find((r) => r.statusCode === 409);
      expect(loser?.json().code).toBe('PERSON_IN_OTHER_HOUSEHOLD');
      const winner = results.find((r) => r.statusCode === 201)?.json();
      const state = await dbState();
      expect(state.members.filter((m) => m.personId === p[5])).toEqual([{ householdId: winner.id, personId: p[5], role: 'applicant' }]);
      // The losing household was rolled back as a whole.
      expect(state.households.map((h) => h.number).filter((n) => n.startsWith('12301BG00004'))).toEqual([winner.number]);
    });
  });

  describe('update', () => {
    beforeAll(async () => {
      const res = await post({ number: '12301BG0000300', members: [{ personId: p[4], role: 'applicant' }] });
      if (res.statusCode !== 201) throw new Error(res.body);
      secondHouseholdId = res.json().id;
    });

    it('needs If-Match (428) and refuses a stale version (412)', async () => {
      const before = await dbState();
      const missing = await patch(householdId, { members: [{ personId: p[0], role: 'applicant' }] });
      expect(missing.statusCode).toBe(428);
      expect(missing.json().code).toBe('PRECONDITION_REQUIRED');
      const stale = await patch(householdId, { members: [{ personId: p[0], role: 'applicant' }] }, '"7"');
      expect(stale.statusCode).toBe(412);
      expect(stale.json().code).toBe('PRECONDITION_FAILED');
      const garbage = await patch(householdId, { members: [{ personId: p[0], role: 'applicant' }] }, 'irgendwas');
      expect(garbage.statusCode).toBe(412);
      expect(await dbState()).toEqual(before);
    });

    it('replaces the member list and roles with the current ETag', async () => {
      const current = await get(householdId);
      const res = await patch(
        householdId,
        {
          members: [
            { personId: p[1], role: 'applicant' },
            { personId: p[0], role: 'partner' },
            { personId: p[3], role: 'other' },
          ],
        },
        String(current.headers.etag),
      );
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers.etag).toBe('"2"');
      const body = res.json();
      expect(body.version).toBe(2);
      expect(body.members.map((m: Member) => [m.personId, m.role])).toEqual([
        [p[1], 'applicant'],
        [p[0], 'partner'],
        [p[3], 'other'],
      ]);
      // p[2] left the household and is free again.
      const state = await dbState();
      expect(
        state.members
          .filter((m) => m.householdId === householdId)
          .map((m) => m.personId)
          .sort(),
      ).toEqual([p[0], p[1], p[3]].sort());
      const left = await t.app.inject({ method: 'GET', url: `/api/persons/${p[2]}`, headers: cm.headers });
      expect(left.json().household).toBeNull();
      const joined = await t.app.inject({ method: 'GET', url: `/api/persons/${p[3]}`, headers: cm.headers });
      expect(joined.json().household).toEqual({ id: householdId, number: '12301BG0000100', role: 'other' });
    });

    it('the version the first writer saw is stale for the second writer', async () => {
      const stale = await patch(householdId, { number: '12301BG0000101' }, '"1"');
      expect(stale.statusCode).toBe(412);
      expect((await get(householdId)).json().number).toBe('12301BG0000100');
    });

    it('refuses moving in a member of another household with 409 and leaves both unchanged', async () => {
      const before = await dbState();
      const res = await patch(
        householdId,
        {
          members: [
            { personId: p[1], role: 'applicant' },
            { personId: p[4], role: 'partner' },
          ],
        },
        '"2"',
      );
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('PERSON_IN_OTHER_HOUSEHOLD');
      expect(res.json().errors[0].field).toBe('members.1.personId');
      expect(await dbState()).toEqual(before);
      expect((await get(secondHouseholdId)).json().members.map((m: Member) => m.personId)).toEqual([p[4]]);
    });

    it('refuses an unknown person in a PATCH with 400 members.N.personId', async () => {
      const res = await patch(
        householdId,
        {
          members: [
            { personId: p[1], role: 'applicant' },
            { personId: p[0], role: 'partner' },
            { personId: '00000000-0000-4000-8000-000000000002', role: 'child' },
          ],
        },
        '"2"',
      );
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([{ field: 'members.2.personId', code: 'unknown_person', message: expect.any(String) }]);
      expect((await get(householdId)).json().version).toBe(2);
    });

    it('changes only the number when no members are sent', async () => {
      const res = await patch(householdId, { number: '12301BG0000101' }, '"2"');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().number).toBe('12301BG0000101');
      expect(res.json().members).toHaveLength(3);
      expect(res.headers.etag).toBe('"3"');
    });
  });

  describe('tenant isolation and roles', () => {
    it("gives tenant B's user 404 for tenant A's household, for reading and writing", async () => {
      const read = await get(householdId, cmB);
      expect(read.statusCode).toBe(404);
      expect(read.json().code).toBe('NOT_FOUND');
      const write = await patch(householdId, { number: '12301BG0000999' }, '"3"', cmB);
      expect(write.statusCode).toBe(404);
      expect((await get(householdId)).json().number).toBe('12301BG0000101');
    });

    it('lets a team lead read but not write, and refuses a social planner', async () => {
      const lead = await t.login(t.tenantA.users.team_lead.username);
      expect((await get(householdId, lead)).statusCode).toBe(200);
      const write = await patch(householdId, { number: '12301BG0000998' }, '"3"', lead);
      expect(write.statusCode).toBe(403);
      expect(write.json().code).toBe('FORBIDDEN');
      const planner = await t.login(t.tenantA.users.social_planner.username);
      expect((await get(householdId, planner)).statusCode).toBe(403);
    });
  });
});
