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
      expect(res.json()).toEqual({ id: nord.id, name: 'Nordstadt', postalCodes: ['12345', '12347'], active: true, version: 1 });
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
      expect(ok.json()).toEqual({ id: nord.id, name: 'Nordstadt-Mitte', postalCodes: ['12345', '12349'], active: true, version: 2 });
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
      expect(res.json()).toEqual({ id: team.id, name: 'Team Nord', memberCount: 0, active: true, function: null, version: 1 });
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
        { id: team.id, name: 'Team Nord', memberCount: 2, active: true, function: null, version: 1 },
        { id: second.id, name: 'Team Süd', memberCount: 1, active: true, function: null, version: 1 },
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
      expect(ok.json()).toEqual({ id: team.id, name: 'Team Nordost', memberCount: 1, active: true, function: null, version: 2 });
      expect(ok.headers.etag).toBe('"2"');
      const changes = await changesOf(team.id);
      expect(changes.map((c) => [c.action, c.before, c.after])).toEqual([
        ['update', { name: 'Team Nord', active: true, function: null }, { name: 'Team Nordost', active: true, function: null }],
        ['create', null, { name: 'Team Nord', active: true, function: null }],
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

  describe('deactivating and reactivating regions', () => {
    let alt: { id: string };
    let neu: { id: string };
    const url = () => `/api/planning/regions/${alt.id}`;
    const names = async (query = '') =>
      (await call(t, admin, 'GET', `/api/planning/regions${query}`)).json().items.map((r: { name: string }) => r.name) as string[];

    it('deactivates with If-Match (428, 412 stale): the codes stay, the default list leaves it out, active=all shows it last', async () => {
      alt = await createRegion(t, admin, 'Altstadt', ['13001', '13002']);
      neu = await createRegion(t, admin, 'Neustadt', ['13003']);
      expect((await call(t, admin, 'PATCH', url(), { active: false })).statusCode).toBe(428);
      expect((await call(t, admin, 'PATCH', url(), { active: false }, { 'if-match': '"7"' })).statusCode).toBe(412);
      const res = await call(t, admin, 'PATCH', url(), { active: false }, { 'if-match': '"1"' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers.etag).toBe('"2"');
      expect(res.json()).toEqual({ id: alt.id, name: 'Altstadt', postalCodes: ['13001', '13002'], active: false, version: 2 });
      expect(await names()).not.toContain('Altstadt');
      expect(await names('?active=false')).toEqual(['Altstadt']);
      const all = await names('?active=all');
      expect(all.at(-1)).toBe('Altstadt');
      expect(all).toEqual([...(await names()), 'Altstadt']);
      expect((await call(t, admin, 'GET', '/api/planning/regions?active=ja')).statusCode).toBe(400);
      const changes = await changesOf(alt.id);
      expect(changes[0]).toMatchObject({
        entity: 'planning_region',
        action: 'update',
        before: { active: true, postalCodes: ['13001', '13002'] },
        after: { active: false, postalCodes: ['13001', '13002'] },
      });
    });

    it('keeps a deactivated region as a planning dimension, marked inactive, so figures of past years still show it', async () => {
      const planner = await t.login(t.tenantA.users.social_planner.username);
      const dims = await call(t, planner, 'GET', '/api/planning/dimensions');
      await expectOk(dims);
      const regions = dims.json().regions as { name: string; active: boolean }[];
      expect(regions.find((r) => r.name === 'Altstadt')).toMatchObject({ active: false });
      expect(regions.find((r) => r.name === 'Neustadt')).toMatchObject({ active: true });
      const year = dims.json().years.at(-1) as number;
      const table = await call(t, planner, 'GET', `/api/planning/table?year=${year}&breakdown=region&granularity=year`);
      await expectOk(table);
      const labels = table.json().rows.map((r: { label: string }) => r.label);
      expect(labels).toContain('Altstadt (deaktiviert)');
      expect(labels).toContain('Neustadt');
    });

    it('lets another region take the codes of a deactivated one: they move there, and both changes are logged', async () => {
      const taken = await call(
        t,
        admin,
        'PATCH',
        `/api/planning/regions/${neu.id}`,
        { postalCodes: ['13003', '13002'] },
        { 'if-match': '"1"' },
      );
      expect(taken.statusCode, taken.body).toBe(200);
      expect(taken.json().postalCodes).toEqual(['13002', '13003']);
      const old = await call(t, admin, 'GET', url());
      expect(old.json()).toMatchObject({ postalCodes: ['13001'], active: false, version: 3 });
      expect((await changesOf(alt.id))[0]).toMatchObject({
        action: 'update',
        before: { postalCodes: ['13001', '13002'] },
        after: { postalCodes: ['13001'], active: false },
      });
      // A new region may take the last one; the deactivated region then holds none.
      await createRegion(t, admin, 'Vorstadt', ['13001']);
      expect((await call(t, admin, 'GET', url())).json()).toMatchObject({ postalCodes: [], version: 4 });
      // The codes of active regions stay theirs.
      const refused = await call(t, admin, 'POST', '/api/planning/regions', { name: 'Irgendwo', postalCodes: ['13002'] });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().errors[0].message).toBe('Die Postleitzahl 13002 gehört bereits zum Sozialraum „Neustadt“.');
    });

    it('reactivates only with a postal code: 409 REGION_WITHOUT_POSTAL_CODES, or the codes given in the same request', async () => {
      const none = await call(t, admin, 'PATCH', url(), { active: true }, { 'if-match': '"4"' });
      expect(none.statusCode, none.body).toBe(409);
      expect(none.headers['content-type']).toContain('application/problem+json');
      expect(none.json()).toMatchObject({
        code: 'REGION_WITHOUT_POSTAL_CODES',
        title: 'Der Sozialraum hat keine Postleitzahl mehr; er kann nur mit mindestens einer Postleitzahl reaktiviert werden.',
        detail:
          'Alle Postleitzahlen des Sozialraums „Altstadt“ gehören inzwischen zu anderen Sozialräumen. Tragen Sie beim Reaktivieren mindestens eine Postleitzahl ein.',
        errors: [{ field: 'postalCodes', code: 'required' }],
      });
      const takenCode = await call(t, admin, 'PATCH', url(), { active: true, postalCodes: ['13001'] }, { 'if-match': '"4"' });
      expect(takenCode.statusCode).toBe(409);
      expect(takenCode.json().code).toBe('POSTAL_CODE_IN_OTHER_REGION');
      expect((await call(t, admin, 'GET', url())).json()).toMatchObject({ active: false, version: 4 });
      const ok = await call(t, admin, 'PATCH', url(), { active: true, postalCodes: ['13009'] }, { 'if-match': '"4"' });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toEqual({ id: alt.id, name: 'Altstadt', postalCodes: ['13009'], active: true, version: 5 });
      expect(await names()).toContain('Altstadt');
      // A region whose codes nobody took comes back with them.
      const neuNow = (await call(t, admin, 'GET', `/api/planning/regions/${neu.id}`)).json();
      const off = await call(
        t,
        admin,
        'PATCH',
        `/api/planning/regions/${neu.id}`,
        { active: false },
        { 'if-match': `"${neuNow.version}"` },
      );
      await expectOk(off);
      const on = await call(
        t,
        admin,
        'PATCH',
        `/api/planning/regions/${neu.id}`,
        { active: true },
        { 'if-match': `"${off.json().version}"` },
      );
      expect(on.statusCode, on.body).toBe(200);
      expect(on.json()).toMatchObject({ postalCodes: ['13002', '13003'], active: true });
    });

    it('lets only administrators deactivate, and only their own Jobcenter’s regions', async () => {
      for (const role of ['social_planner', 'coordinator', 'team_lead'] as const) {
        const session = await t.login(t.tenantA.users[role].username);
        const res = await call(t, session, 'PATCH', url(), { active: false }, { 'if-match': '"5"' });
        expect(res.statusCode, role).toBe(403);
      }
      const other = await call(t, adminB, 'PATCH', url(), { active: false }, { 'if-match': '"5"' });
      expect(other.statusCode).toBe(404);
      const listB = await call(t, adminB, 'GET', '/api/planning/regions?active=all');
      expect(listB.json().items.map((r: { name: string }) => r.name)).not.toContain('Altstadt');
      expect((await call(t, admin, 'GET', url())).json()).toMatchObject({ active: true, version: 5 });
    });
  });

  describe('deactivating and reactivating teams', () => {
    let alt: { id: string };
    const teamUrl = () => `/api/teams/${alt.id}`;
    const bo = () => t.tenantA.users.benefits_officer.id;
    const tl = () => t.tenantA.users.team_lead.id;
    const patchUser = async (id: string, body: Record<string, unknown>) => {
      const current = await call(t, admin, 'GET', `/api/users/${id}`);
      await expectOk(current);
      return call(t, admin, 'PATCH', `/api/users/${id}`, body, { 'if-match': String(current.headers.etag) });
    };
    const teamNames = async (query = '') =>
      (await call(t, admin, 'GET', `/api/teams${query}`)).json().items.map((x: { name: string }) => x.name) as string[];

    it('refuses to deactivate a team while active accounts belong to it (409 naming their number), and changes nothing', async () => {
      alt = await createTeam(t, admin, 'Team Alt');
      await expectOk(await patchUser(bo(), { teamId: alt.id }));
      await expectOk(await patchUser(tl(), { teamId: alt.id }));
      const two = await call(t, admin, 'PATCH', teamUrl(), { active: false }, { 'if-match': '"1"' });
      expect(two.statusCode, two.body).toBe(409);
      expect(two.headers['content-type']).toContain('application/problem+json');
      expect(two.json()).toMatchObject({
        code: 'TEAM_HAS_ACTIVE_MEMBERS',
        title: 'Dem Team sind noch aktive Benutzerkonten zugeordnet; es kann erst danach deaktiviert werden.',
        detail:
          'Dem Team „Team Alt“ sind noch 2 aktive Benutzerkonten zugeordnet. Ordnen Sie sie in der Benutzerverwaltung einem anderen Team zu oder sperren Sie sie; danach lässt sich das Team deaktivieren.',
        errors: [{ field: 'active', code: 'has_active_members', message: 'Dem Team sind noch 2 aktive Benutzerkonten zugeordnet.' }],
      });
      // A disabled account does not count; one active member is still one too many.
      await expectOk(await patchUser(tl(), { disabled: true }));
      const one = await call(t, admin, 'PATCH', teamUrl(), { active: false, name: 'Team Alt 2' }, { 'if-match': '"1"' });
      expect(one.statusCode).toBe(409);
      expect(one.json().detail).toMatch(/^Dem Team „Team Alt“ ist noch ein aktives Benutzerkonto zugeordnet\. Ordnen Sie es /);
      expect((await call(t, admin, 'GET', teamUrl())).json()).toEqual({
        id: alt.id,
        name: 'Team Alt',
        memberCount: 1,
        active: true,
        function: null,
        version: 1,
      });
    });

    it('deactivates with If-Match (428, 412 stale) once no active account is left; users in it keep it', async () => {
      await expectOk(await patchUser(bo(), { teamId: null }));
      expect((await call(t, admin, 'PATCH', teamUrl(), { active: false })).statusCode).toBe(428);
      expect((await call(t, admin, 'PATCH', teamUrl(), { active: false }, { 'if-match': '"9"' })).statusCode).toBe(412);
      const res = await call(t, admin, 'PATCH', teamUrl(), { active: false }, { 'if-match': '"1"' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers.etag).toBe('"2"');
      expect(res.json()).toEqual({ id: alt.id, name: 'Team Alt', memberCount: 0, active: false, function: null, version: 2 });
      expect(await teamNames()).not.toContain('Team Alt');
      expect(await teamNames('?active=false')).toEqual(['Team Alt']);
      expect((await teamNames('?active=all')).at(-1)).toBe('Team Alt');
      // The disabled member keeps the team, also when enabled again: the list then counts them.
      expect((await call(t, admin, 'GET', `/api/users/${tl()}`)).json()).toMatchObject({ teamId: alt.id, teamName: 'Team Alt' });
      await expectOk(await patchUser(tl(), { disabled: false }));
      const all = (await call(t, admin, 'GET', '/api/teams?active=all')).json().items as { name: string; memberCount: number }[];
      expect(all.find((x) => x.name === 'Team Alt')).toMatchObject({ memberCount: 1, active: false });
      // Sending the same team again (a form sends what it shows) is not a new assignment.
      const same = await patchUser(tl(), { teamId: alt.id, displayName: 'Teamleitung' });
      expect(same.statusCode, same.body).toBe(200);
      const changes = await changesOf(alt.id);
      expect(changes[0]).toMatchObject({
        entity: 'team',
        action: 'update',
        before: { name: 'Team Alt', active: true },
        after: { active: false },
      });
    });

    it('refuses to put anyone into a deactivated team (422 TEAM_INACTIVE on teamId), also once they left it', async () => {
      const message = 'Das Team „Team Alt“ ist deaktiviert und kann niemandem mehr zugeordnet werden.';
      const res = await patchUser(bo(), { teamId: alt.id });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({
        code: 'TEAM_INACTIVE',
        title: 'Dieses Team ist deaktiviert und kann niemandem mehr zugeordnet werden.',
        errors: [{ field: 'teamId', code: 'inactive', message }],
      });
      const created = await call(t, admin, 'POST', '/api/users', {
        username: `alt.team.${t.tenantA.id.slice(0, 6)}`,
        displayName: 'Neu im alten Team',
        roles: ['case_manager'],
        teamId: alt.id,
        password: 'ein-langes-Passwort',
      });
      expect(created.statusCode).toBe(422);
      expect(created.json().code).toBe('TEAM_INACTIVE');
      const teams = (await call(t, admin, 'GET', '/api/teams')).json().items as { id: string }[];
      await expectOk(await patchUser(tl(), { teamId: teams[0]?.id }));
      expect((await patchUser(tl(), { teamId: alt.id })).statusCode).toBe(422);
    });

    it('reactivates with If-Match; the team can be chosen again; the change log has each step', async () => {
      expect((await call(t, admin, 'PATCH', teamUrl(), { active: true }, { 'if-match': '"1"' })).statusCode).toBe(412);
      const res = await call(t, admin, 'PATCH', teamUrl(), { active: true }, { 'if-match': '"2"' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ active: true, version: 3 });
      await expectOk(await patchUser(bo(), { teamId: alt.id }));
      expect(await teamNames()).toContain('Team Alt');
      const changes = await changesOf(alt.id);
      expect(changes.map((c) => [c.action, c.before, c.after])).toEqual([
        ['update', { name: 'Team Alt', active: false, function: null }, { name: 'Team Alt', active: true, function: null }],
        ['update', { name: 'Team Alt', active: true, function: null }, { name: 'Team Alt', active: false, function: null }],
        ['create', null, { name: 'Team Alt', active: true, function: null }],
      ]);
    });

    it('never leaves an active member in a deactivated team when deactivation and assignment run at once', async () => {
      const parallel = await createTeam(t, admin, 'Team Parallel');
      const [deactivation, assignment] = await Promise.all([
        call(t, admin, 'PATCH', `/api/teams/${parallel.id}`, { active: false }, { 'if-match': '"1"' }),
        patchUser(t.tenantA.users.coordinator.id, { teamId: parallel.id }),
      ]);
      expect([
        [200, 422],
        [409, 200],
      ]).toContainEqual([deactivation.statusCode, assignment.statusCode]);
      const team = (await call(t, admin, 'GET', `/api/teams/${parallel.id}`)).json();
      expect(team.active === false && team.memberCount > 0).toBe(false);
    });

    it('lets only administrators deactivate, and only their own Jobcenter’s teams', async () => {
      for (const role of ['team_lead', 'social_planner', 'coordinator'] as const) {
        const session = await t.login(t.tenantA.users[role].username);
        expect((await call(t, session, 'PATCH', teamUrl(), { active: false }, { 'if-match': '"3"' })).statusCode, role).toBe(403);
      }
      expect((await call(t, adminB, 'PATCH', teamUrl(), { active: false }, { 'if-match': '"3"' })).statusCode).toBe(404);
      expect((await call(t, adminB, 'GET', '/api/teams?active=all')).json().items.map((x: { name: string }) => x.name)).toEqual([
        'Team Nord',
      ]);
      // Tenant B cannot put its users into tenant A's team either.
      const userB = t.tenantB.users.case_manager.id;
      const current = await call(t, adminB, 'GET', `/api/users/${userB}`);
      const res = await call(t, adminB, 'PATCH', `/api/users/${userB}`, { teamId: alt.id }, { 'if-match': String(current.headers.etag) });
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe('UNKNOWN_TEAM');
      expect((await call(t, admin, 'GET', teamUrl())).json()).toMatchObject({ active: true, version: 3 });
    });

    it('states a team’s function for routing (SPEC C14): set at creation, changed with If-Match, cleared with null; unknown ones are 400', async () => {
      const created = await call(t, admin, 'POST', '/api/teams', { name: 'Team Fallmanagement', function: 'case_management' });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({ name: 'Team Fallmanagement', function: 'case_management', version: 1 });
      const url = `/api/teams/${created.json().id}`;
      const bad = await call(t, admin, 'PATCH', url, { function: 'kantine' }, { 'if-match': '"1"' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toBe('function');
      const mixed = await call(t, admin, 'PATCH', url, { function: 'mixed' }, { 'if-match': '"1"' });
      expect(mixed.statusCode, mixed.body).toBe(200);
      expect(mixed.json()).toMatchObject({ function: 'mixed', version: 2 });
      const cleared = await call(t, admin, 'PATCH', url, { function: null }, { 'if-match': '"2"' });
      expect(cleared.json()).toMatchObject({ function: null, version: 3 });
      const changes = await changesOf(created.json().id);
      expect(changes.map((c) => [c.before, c.after])).toEqual([
        [
          { name: 'Team Fallmanagement', active: true, function: 'mixed' },
          { name: 'Team Fallmanagement', active: true, function: null },
        ],
        [
          { name: 'Team Fallmanagement', active: true, function: 'case_management' },
          { name: 'Team Fallmanagement', active: true, function: 'mixed' },
        ],
        [null, { name: 'Team Fallmanagement', active: true, function: 'case_management' }],
      ]);
      const planner = await t.login(t.tenantA.users.team_lead.username);
      expect((await call(t, planner, 'PATCH', url, { function: 'benefits' }, { 'if-match': '"3"' })).statusCode).toBe(403);
    });
  });
});
