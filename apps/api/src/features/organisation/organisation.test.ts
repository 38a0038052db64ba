import { withTenant } from '@lotse/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../testing';
import { call, expectOk } from '../cases/testing';
import { createRegion, createTeam } from './testing';

describe.each(['pglite', 'postgres'] as const)('regions and teams on %s', (kind) => {
  let t: TestApp;
  let admin: Session;
  let adminB: Session;
  let dp: Session;

  beforeAll(async () => {
    t = await createTestApp(kind);
    [admin, adminB, dp] = await Promise.all([
      t.login(t.tenantA.users.admin.username),
      t.login(t.tenantB.users.admin.username),
      t.login(t.tenantA.users.data_protection.username),
    ]);
  });
  afterAll(async () => t?.close());

  const regionRows = (tenantId: string) =>
    withTenant(t.database.owner, tenantId, (trx) =>
      trx
        .selectFrom('planningRegions')
        .select(['name', 'postalCodes', 'version'])
        .where('tenantId', '=', tenantId)
        .orderBy('name')
        .execute(),
    );
  const changesOf = async (entityId: string) => {
    const res = await call(t, dp, 'GET', `/api/audit/changes?personId=${entityId}`);
    await expectOk(res);
    return res.json().items as { entity: string; action: string; before: unknown; after: unknown }[];
  };

  describe('regions', () => {
    let nord: { id: string };

    it('creates a region with each postal code once, sorted: 201 with ETag, Location and a change-log entry', async () => {
      const res = await call(t, admin, 'POST', '/api/planning/regions', { name: 'Nordstadt', postalCodes: ['12347', ' 12345', '12347'] });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.headers.etag).toBe('"1"');
      nord = res.json();
      expect(res.headers.location).toBe(`/api/planning/regions/${nord.id}`);
      expect(res.json()).toEqual({ id: nord.id, name: 'Nordstadt', postalCodes: ['12345', '12347'], version: 1 });
      const changes = await changesOf(nord.id);
      expect(changes).toHaveLength(1);
      expect(changes[0]).toMatchObject({
        entity: 'planning_region',
        action: 'create',
        before: null,
        after: { postalCodes: ['12345', '12347'] },
      });
    });

    it('refuses a postal code of another region with 409 naming the code and that region, and creates nothing', async () => {
      const res = await call(t, admin, 'POST', '/api/planning/regions', { name: 'Südstadt', postalCodes: ['12399', '12347', '12345'] });
      expect(res.statusCode, res.body).toBe(409);
      const body = res.json();
      expect(body.code).toBe('POSTAL_CODE_IN_OTHER_REGION');
      expect(body.errors).toEqual([
        { field: 'postalCodes.1', code: 'in_other_region', message: 'Die Postleitzahl 12347 gehört bereits zum Sozialraum „Nordstadt“.' },
        { field: 'postalCodes.2', code: 'in_other_region', message: 'Die Postleitzahl 12345 gehört bereits zum Sozialraum „Nordstadt“.' },
      ]);
      expect(body.detail).toBe('Bereits anderen Sozialräumen zugeordnet: 12347 („Nordstadt“), 12345 („Nordstadt“).');
      expect((await regionRows(t.tenantA.id)).map((r) => r.name)).toEqual(['Nordstadt']);
    });

    it('lets only one of two parallel requests take the same postal code', async () => {
      const results = await Promise.all(
        ['Ost A', 'Ost B'].map((name) => call(t, admin, 'POST', '/api/planning/regions', { name, postalCodes: ['12500'] })),
      );
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      const holding = (await regionRows(t.tenantA.id)).filter((r) => r.postalCodes.includes('12500'));
      expect(holding).toHaveLength(1);
    });

    it('checks postal codes (five digits, at least one) and names (unique, required) field by field', async () => {
      const bad = await call(t, admin, 'POST', '/api/planning/regions', { name: 'West', postalCodes: ['1234', 'abcde'] });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['postalCodes.0', 'postalCodes.1']);
      const none = await call(t, admin, 'POST', '/api/planning/regions', { name: 'West', postalCodes: [] });
      expect(none.statusCode).toBe(400);
      expect(none.json().errors).toEqual([expect.objectContaining({ field: 'postalCodes' })]);
      const blank = await call(t, admin, 'POST', '/api/planning/regions', { name: '  ', postalCodes: ['12600'] });
      expect(blank.statusCode).toBe(400);
      expect(blank.json().errors[0].field).toBe('name');
      const duplicate = await call(t, admin, 'POST', '/api/planning/regions', { name: 'Nordstadt', postalCodes: ['12600'] });
      expect(duplicate.statusCode).toBe(409);
      expect(duplicate.json()).toMatchObject({ code: 'CONFLICT', errors: [{ field: 'name', code: 'duplicate' }] });
      expect((await regionRows(t.tenantA.id)).some((r) => r.postalCodes.includes('12600'))).toBe(false);
    });

    it('replaces the postal codes with If-Match (428 without, 412 stale); the own codes may stay, others may not be taken', async () => {
      const url = `/api/planning/regions/${nord.id}`;
      expect((await call(t, admin, 'PATCH', url, { postalCodes: ['12345'] })).statusCode).toBe(428);
      const stale = await call(t, admin, 'PATCH', url, { postalCodes: ['12345'] }, { 'if-match': '"7"' });
      expect(stale.statusCode).toBe(412);
      const taken = await call(t, admin, 'PATCH', url, { postalCodes: ['12345', '12500'] }, { 'if-match': '"1"' });
      expect(taken.statusCode).toBe(409);
      expect(taken.json().errors).toEqual([expect.objectContaining({ field: 'postalCodes.1', code: 'in_other_region' })]);
      expect(taken.json().errors[0].message).toMatch(/^Die Postleitzahl 12500 gehört bereits zum Sozialraum „Ost [AB]“\.$/);
      const ok = await call(t, admin, 'PATCH', url, { name: 'Nordstadt-Mitte', postalCodes: ['12349', '12345'] }, { 'if-match': '"1"' });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.headers.etag).toBe('"2"');
      expect(ok.json()).toEqual({ id: nord.id, name: 'Nordstadt-Mitte', postalCodes: ['12345', '12349'], version: 2 });
      // The code it gave up is free again.
      await createRegion(t, admin, 'Nordstadt-Rand', ['12347']);
      const changes = await changesOf(nord.id);
      expect(changes[0]).toMatchObject({
        entity: 'planning_region',
        action: 'update',
        before: { name: 'Nordstadt', postalCodes: ['12345', '12347'] },
        after: { name: 'Nordstadt-Mitte', postalCodes: ['12345', '12349'] },
      });
    });

    it('replays a create with the same Idempotency-Key: one region', async () => {
      const body = { name: 'Hafen', postalCodes: ['12700'] };
      const headers = { 'idempotency-key': 'region-hafen-1' };
      const first = await call(t, admin, 'POST', '/api/planning/regions', body, headers);
      const second = await call(t, admin, 'POST', '/api/planning/regions', body, headers);
      expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
      expect(second.json()).toEqual(first.json());
      expect((await regionRows(t.tenantA.id)).filter((r) => r.name === 'Hafen')).toHaveLength(1);
    });

    it("keeps tenants apart: another Jobcenter may use the same postal code and never sees or changes this one's regions", async () => {
      const other = await call(t, adminB, 'POST', '/api/planning/regions', { name: 'Nordstadt', postalCodes: ['12345'] });
      expect(other.statusCode, other.body).toBe(201);
      const listB = await call(t, adminB, 'GET', '/api/planning/regions');
      expect(listB.json().items.map((r: { name: string }) => r.name)).toEqual(['Nordstadt']);
      expect((await call(t, adminB, 'GET', `/api/planning/regions/${nord.id}`)).statusCode).toBe(404);
      const write = await call(t, adminB, 'PATCH', `/api/planning/regions/${nord.id}`, { name: 'Übernommen' }, { 'if-match': '"2"' });
      expect(write.statusCode).toBe(404);
      expect((await regionRows(t.tenantA.id)).find((r) => r.name === 'Nordstadt-Mitte')?.version).toBe(2);
    });

    it('lets planners, coordinators and team leads read the regions; only administrators change them', async () => {
      const list = await call(t, admin, 'GET', '/api/planning/regions');
      const names = list.json().items.map((r: { name: string }) => r.name);
      expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b)));
      for (const role of ['social_planner', 'coordinator', 'team_lead'] as const) {
        const session = await t.login(t.tenantA.users[role].username);
        const read = await call(t, session, 'GET', '/api/planning/regions');
        expect(read.statusCode, role).toBe(200);
        expect(read.json()).toEqual(list.json());
        const write = await call(t, session, 'POST', '/api/planning/regions', { name: `Von ${role}`, postalCodes: ['12800'] });
        expect(write.statusCode, role).toBe(403);
      }
      const cm = await t.login(t.tenantA.users.case_manager.username);
      expect((await call(t, cm, 'GET', '/api/planning/regions')).statusCode).toBe(403);
      expect((await regionRows(t.tenantA.id)).some((r) => r.postalCodes.includes('12800'))).toBe(false);
    });
  });

  describe('teams and the team of a user', () => {
    let team: { id: string; version: number };
    let second: { id: string };

    const patchUser = async (id: string, body: Record<string, unknown>) => {
      const current = await call(t, admin, 'GET', `/api/users/${id}`);
      await expectOk(current);
      return call(t, admin, 'PATCH', `/api/users/${id}`, body, { 'if-match': String(current.headers.etag) });
    };

    it('creates teams (names unique per Jobcenter) with no members yet', async () => {
      const res = await call(t, admin, 'POST', '/api/teams', { name: 'Team Nord' });
      expect(res.statusCode, res.body).toBe(201);
      team = res.json();
      expect(res.json()).toEqual({ id: team.id, name: 'Team Nord', memberCount: 0, version: 1 });
      expect(res.headers.location).toBe(`/api/teams/${team.id}`);
      second = await createTeam(t, admin, 'Team Süd');
      const duplicate = await call(t, admin, 'POST', '/api/teams', { name: 'Team Nord' });
      expect(duplicate.statusCode).toBe(409);
      expect(duplicate.json()).toMatchObject({ code: 'CONFLICT', errors: [{ field: 'name', code: 'duplicate' }] });
      // Another Jobcenter may have a team of the same name.
      await createTeam(t, adminB, 'Team Nord');
    });

    it('puts a user into a team and out again; the user shows the team, the team counts its active members', async () => {
      const cmId = t.tenantA.users.case_manager.id;
      const tlId = t.tenantA.users.team_lead.id;
      const joined = await patchUser(cmId, { teamId: team.id });
      expect(joined.statusCode, joined.body).toBe(200);
      expect(joined.json()).toMatchObject({ id: cmId, teamId: team.id, teamName: 'Team Nord' });
      await expectOk(await patchUser(tlId, { teamId: team.id }));
      await expectOk(await patchUser(t.tenantA.users.placement_officer.id, { teamId: second.id }));
      const list = await call(t, admin, 'GET', '/api/teams');
      expect(list.json().items).toEqual([
        { id: team.id, name: 'Team Nord', memberCount: 2, version: 1 },
        { id: second.id, name: 'Team Süd', memberCount: 1, version: 1 },
      ]);
      // A disabled account is no longer counted.
      await expectOk(await patchUser(tlId, { disabled: true }));
      expect((await call(t, admin, 'GET', `/api/teams/${team.id}`)).json().memberCount).toBe(1);
      await expectOk(await patchUser(tlId, { disabled: false, teamId: null }));
      const left = await call(t, admin, 'GET', `/api/users/${tlId}`);
      expect(left.json()).toMatchObject({ teamId: null, teamName: null });
      const users = await call(t, admin, 'GET', '/api/users');
      expect(users.json().items.find((u: { id: string }) => u.id === cmId)).toMatchObject({ teamId: team.id, teamName: 'Team Nord' });
    });

    it('refuses an unknown team, or one of another Jobcenter, with 422 UNKNOWN_TEAM on teamId, and changes nothing', async () => {
      const teamB = (await call(t, adminB, 'GET', '/api/teams')).json().items[0].id as string;
      const userId = t.tenantA.users.benefits_officer.id;
      for (const teamId of ['00000000-0000-4000-8000-000000000000', teamB]) {
        const res = await patchUser(userId, { teamId });
        expect(res.statusCode, res.body).toBe(422);
        expect(res.json()).toMatchObject({ code: 'UNKNOWN_TEAM', errors: [{ field: 'teamId', code: 'unknown' }] });
      }
      const created = await call(t, admin, 'POST', '/api/users', {
        username: `neu.team.${t.tenantA.id.slice(0, 6)}`,
        displayName: 'Neue Kollegin',
        roles: ['case_manager'],
        teamId: teamB,
        password: 'ein-langes-Passwort',
      });
      expect(created.statusCode).toBe(422);
      const stored = await withTenant(t.database.owner, t.tenantA.id, (trx) =>
        trx
          .selectFrom('users')
          .select(['teamId', 'version'])
          .where('tenantId', '=', t.tenantA.id)
          .where('id', '=', userId)
          .executeTakeFirstOrThrow(),
      );
      expect(stored).toEqual({ teamId: null, version: 1 });
    });

    it('creates a user in a team', async () => {
      const res = await call(t, admin, 'POST', '/api/users', {
        username: `team.sued.${t.tenantA.id.slice(0, 6)}`,
        displayName: 'Kollege Süd',
        roles: ['case_manager'],
        teamId: second.id,
        password: 'ein-langes-Passwort',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ teamId: second.id, teamName: 'Team Süd' });
    });

    it('renames a team with If-Match (428, 412); a name taken is 409; the change is logged', async () => {
      const url = `/api/teams/${team.id}`;
      expect((await call(t, admin, 'PATCH', url, { name: 'Team Nordost' })).statusCode).toBe(428);
      expect((await call(t, admin, 'PATCH', url, { name: 'Team Nordost' }, { 'if-match': '"3"' })).statusCode).toBe(412);
      const taken = await call(t, admin, 'PATCH', url, { name: 'Team Süd' }, { 'if-match': '"1"' });
      expect(taken.statusCode).toBe(409);
      const ok = await call(t, admin, 'PATCH', url, { name: 'Team Nordost' }, { 'if-match': '"1"' });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toEqual({ id: team.id, name: 'Team Nordost', memberCount: 1, version: 2 });
      expect(ok.headers.etag).toBe('"2"');
      const changes = await changesOf(team.id);
      expect(changes.map((c) => [c.action, c.before, c.after])).toEqual([
        ['update', { name: 'Team Nord' }, { name: 'Team Nordost' }],
        ['create', null, { name: 'Team Nord' }],
      ]);
      // The user's team name follows.
      const cm = await call(t, admin, 'GET', `/api/users/${t.tenantA.users.case_manager.id}`);
      expect(cm.json().teamName).toBe('Team Nordost');
    });

    it('lets team leads, planners and coordinators read the teams; only administrators change them; tenants stay apart', async () => {
      for (const role of ['team_lead', 'social_planner', 'coordinator'] as const) {
        const session = await t.login(t.tenantA.users[role].username);
        const read = await call(t, session, 'GET', '/api/teams');
        expect(read.statusCode, role).toBe(200);
        expect(read.json().items.map((x: { name: string }) => x.name)).toEqual(['Team Nordost', 'Team Süd']);
        expect((await call(t, session, 'POST', '/api/teams', { name: `Von ${role}` })).statusCode, role).toBe(403);
      }
      const cm = await t.login(t.tenantA.users.case_manager.username);
      expect((await call(t, cm, 'GET', '/api/teams')).statusCode).toBe(403);
      expect((await call(t, adminB, 'GET', `/api/teams/${team.id}`)).statusCode).toBe(404);
      expect((await call(t, adminB, 'PATCH', `/api/teams/${team.id}`, { name: 'X' }, { 'if-match': '"2"' })).statusCode).toBe(404);
      expect((await call(t, adminB, 'GET', '/api/teams')).json().items.map((x: { name: string }) => x.name)).toEqual(['Team Nord']);
    });
  });
});
