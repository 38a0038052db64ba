import type { CaseloadComparison, CaseloadReport, StaffCaseload, TeamCaseload } from '@lotse/contracts';
import { withTenant } from '@lotse/db';
import type { CareModel } from '@lotse/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../testing';
import { call, expectOk } from '../cases/testing';
import { CaseloadWriter } from './testing';

/**
 * The fixture (today: 27.11.2026; U25 = born after 27.11.2001), computed by hand in docs/caseloads.md's terms:
 *
 * Teams: Nord (no function), Fallmanagement (case_management), Vermittlung (placement), Leistung (benefits).
 * Staff: A (case manager, Nord), B (case manager, Nord), F (case manager, Fallmanagement), X (case manager,
 * Nord, disabled), P (placement officer, Vermittlung), L (benefits officer, Leistung).
 *
 * Open cases, oldest first:        age group  status          owner  placement  benefits
 *   c1  born 2005-03-01            U25        implementation  A      –          L
 *   c2  born 1980-01-01            Ü25        planning        A      P          L
 *   c3  born 1990-06-15            Ü25        intake          B      –          –
 *   c4  born 2001-11-28 (24 today) U25        assessment      F      –          L
 *   c5  born 2001-11-27 (25 today) Ü25        aftercare       B      P          –
 *   c8  born 1970-01-01            Ü25        implementation  X      –          –
 * Not open: a closed case and one found not indicated (owner A).
 */
const TODAY = new Date('2026-11-27T10:00:00Z');

const IIBA: CareModel = { caseManagement: 'generalised_all', placement: 'integrated', benefits: 'specialised', mixedTeams: false };
/** U25 IIab: generalised, specialised placement, the owner computes benefits. */
const ALT_U25: CareModel = { caseManagement: 'generalised_all', placement: 'specialised', benefits: 'integrated', mixedTeams: false };
/** Ü25 Iab: expert model, specialised placement, the owner is contact for benefits only. */
const ALT_UE25: CareModel = {
  caseManagement: 'specialised_experts',
  placement: 'specialised',
  benefits: 'contact_only',
  mixedTeams: false,
};

describe.each(['pglite', 'postgres'] as const)('caseloads on %s', (kind) => {
  let t: TestApp;
  let admin: Session;
  let lead: Session;
  let coordinator: Session;
  let cmSession: Session;
  let adminB: Session;
  let leadB: Session;
  const ids = {} as Record<'A' | 'B' | 'F' | 'X' | 'P' | 'L' | 'nord' | 'fm' | 'vermittlung' | 'leistung', string>;

  beforeAll(async () => {
    t = await createTestApp(kind, { now: () => TODAY });
    const w = new CaseloadWriter(t, t.tenantA.id);
    ids.nord = await w.team('Team Nord', null);
    ids.fm = await w.team('Team Fallmanagement', 'case_management');
    ids.vermittlung = await w.team('Team Vermittlung', 'placement');
    ids.leistung = await w.team('Team Leistung', 'benefits');
    // The tenant's own case manager, placement and benefits officer are A, P and L; nobody else holds those roles.
    ids.A = t.tenantA.users.case_manager.id;
    ids.P = t.tenantA.users.placement_officer.id;
    ids.L = t.tenantA.users.benefits_officer.id;
    await w.place(ids.A, ids.nord);
    await w.place(ids.P, ids.vermittlung);
    await w.place(ids.L, ids.leistung);
    ids.B = await w.staff('Bernd Brandt', ['case_manager'], ids.nord);
    ids.F = await w.staff('Fiona Fuchs', ['case_manager'], ids.fm);
    ids.X = await w.staff('Xaver Xylander', ['case_manager'], ids.nord, { disabled: true });
    await w.case({ birthDate: '2005-03-01', status: 'implementation', ownerId: ids.A, benefitsOfficerId: ids.L, openedOn: '2026-01-01' });
    await w.case({
      birthDate: '1980-01-01',
      status: 'planning',
      ownerId: ids.A,
      placementOfficerId: ids.P,
      benefitsOfficerId: ids.L,
      openedOn: '2026-01-02',
    });
    await w.case({ birthDate: '1990-06-15', status: 'intake', ownerId: ids.B, openedOn: '2026-01-03' });
    await w.case({ birthDate: '2001-11-28', status: 'assessment', ownerId: ids.F, benefitsOfficerId: ids.L, openedOn: '2026-01-04' });
    await w.case({ birthDate: '2001-11-27', status: 'aftercare', ownerId: ids.B, placementOfficerId: ids.P, openedOn: '2026-01-05' });
    await w.case({ birthDate: '1970-01-01', status: 'implementation', ownerId: ids.X, openedOn: '2026-01-06' });
    await w.case({ birthDate: '1985-01-01', status: 'closed', ownerId: ids.A, openedOn: '2025-01-01' });
    await w.case({ birthDate: '1985-01-01', status: 'not_indicated', ownerId: ids.A, openedOn: '2025-02-01' });
    // U25 stored as IIba; Ü25 without a row: the default Iba applies.
    await w.models({ u25: IIBA });
    [admin, lead, coordinator, cmSession, adminB, leadB] = await Promise.all([
      t.login(t.tenantA.users.admin.username),
      t.login(t.tenantA.users.team_lead.username),
      t.login(t.tenantA.users.coordinator.username),
      t.login(t.tenantA.users.case_manager.username),
      t.login(t.tenantB.users.admin.username),
      t.login(t.tenantB.users.team_lead.username),
    ]);
  });
  afterAll(async () => t?.close());

  const report = async (session: Session, ageGroup = 'all'): Promise<CaseloadReport> => {
    const res = await call(t, session, 'GET', `/api/caseloads?ageGroup=${ageGroup}`);
    await expectOk(res);
    return res.json();
  };
  const person = (r: CaseloadReport, id: string): StaffCaseload => {
    const found = r.staff.find((s) => s.userId === id);
    if (!found) throw new Error(`no row for ${id}`);
    return found;
  };
  const role = (rows: StaffCaseload['rows'] | TeamCaseload['rows'], name: string) => rows.find((row) => row.role === name);
  const team = (r: CaseloadReport, id: string | null): TeamCaseload => {
    const found = r.teams.find((x) => x.teamId === id);
    if (!found) throw new Error(`no team ${id}`);
    return found;
  };

  const putTargets = (session: Session, etag: string, targets: unknown[]) =>
    call(t, session, 'PUT', '/api/caseloads/targets', { targets }, { 'if-match': etag });

  it('starts without targets: case managers fall back to the case rules (75), the other roles have none', async () => {
    const res = await call(t, lead, 'GET', '/api/caseloads/targets');
    await expectOk(res);
    expect(res.headers.etag).toBe('"1"');
    expect(res.json()).toEqual({
      targets: [],
      effective: [
        { role: 'case_manager', ageGroup: 'u25', targetCases: 75, source: 'case_rules' },
        { role: 'case_manager', ageGroup: 'ue25', targetCases: 75, source: 'case_rules' },
        { role: 'placement_officer', ageGroup: 'u25', targetCases: null, source: 'none' },
        { role: 'placement_officer', ageGroup: 'ue25', targetCases: null, source: 'none' },
        { role: 'benefits_officer', ageGroup: 'u25', targetCases: null, source: 'none' },
        { role: 'benefits_officer', ageGroup: 'ue25', targetCases: null, source: 'none' },
      ],
      caseRulesTarget: 75,
      version: 1,
    });
    const r = await report(lead);
    // A: 2 cases against 75 → 2.7 %.
    expect(role(person(r, ids.A).rows, 'case_manager')).toMatchObject({
      cases: { u25: 1, ue25: 1, total: 2 },
      percent: 2.7,
      status: 'under',
    });
    expect(role(person(r, ids.L).rows, 'benefits_officer')).toMatchObject({
      percent: null,
      status: null,
      target: { u25: null, ue25: null },
    });
  });

  it('counts open cases per person and role, split U25/Ü25 on today, against the targets', async () => {
    const current = await call(t, admin, 'GET', '/api/caseloads/targets');
    const res = await putTargets(admin, String(current.headers.etag), [
      { role: 'placement_officer', ageGroup: 'all', targetCases: 4 },
      { role: 'case_manager', ageGroup: 'u25', targetCases: 1 },
      { role: 'case_manager', ageGroup: 'all', targetCases: 4 },
    ]);
    await expectOk(res);
    expect(res.headers.etag).toBe('"2"');
    expect(res.json().targets).toEqual([
      { role: 'case_manager', ageGroup: 'u25', targetCases: 1 },
      { role: 'case_manager', ageGroup: 'all', targetCases: 4 },
      { role: 'placement_officer', ageGroup: 'all', targetCases: 4 },
    ]);
    expect(res.json().effective.map((e: { targetCases: number | null; source: string }) => `${e.targetCases}/${e.source}`)).toEqual([
      '1/age_group',
      '4/all',
      '4/all',
      '4/all',
      'null/none',
      'null/none',
    ]);

    const r = await report(lead);
    expect(r).toMatchObject({ on: '2026-11-27', ageGroup: 'all', openCases: 6 });
    // A: 1/1 + 1/4 = 125 % (over); B: 2/4 = 50 %; F: 1/1 = 100 % (at).
    expect(person(r, ids.A)).toMatchObject({ teamId: ids.nord, teamName: 'Team Nord', disabled: false });
    expect(person(r, ids.A).rows).toEqual([
      {
        role: 'case_manager',
        holdsRole: true,
        cases: { u25: 1, ue25: 1, total: 2 },
        target: { u25: 1, ue25: 4 },
        percent: 125,
        status: 'over',
      },
    ]);
    expect(role(person(r, ids.B).rows, 'case_manager')).toMatchObject({
      cases: { u25: 0, ue25: 2, total: 2 },
      percent: 50,
      status: 'under',
    });
    expect(role(person(r, ids.F).rows, 'case_manager')).toMatchObject({ cases: { u25: 1, ue25: 0, total: 1 }, percent: 100, status: 'at' });
    // X is disabled: the case still counts, but no longer against a target.
    expect(person(r, ids.X)).toMatchObject({ disabled: true });
    expect(person(r, ids.X).rows).toEqual([
      {
        role: 'case_manager',
        holdsRole: false,
        cases: { u25: 0, ue25: 1, total: 1 },
        target: { u25: 1, ue25: 4 },
        percent: null,
        status: null,
      },
    ]);
    // P: 2 Ü25 placement cases of 4; L: 3 benefits cases without a target.
    expect(person(r, ids.P).rows).toEqual([
      {
        role: 'placement_officer',
        holdsRole: true,
        cases: { u25: 0, ue25: 2, total: 2 },
        target: { u25: 4, ue25: 4 },
        percent: 50,
        status: 'under',
      },
    ]);
    expect(role(person(r, ids.L).rows, 'benefits_officer')).toMatchObject({ cases: { u25: 2, ue25: 1, total: 3 }, percent: null });
    // Users without a case-carrying role and without cases are not listed.
    expect(r.staff.some((s) => s.userId === t.tenantA.users.team_lead.id)).toBe(false);

    // Teams: Nord has two active case managers (capacity 2 U25, 8 Ü25) and 1 + 4 cases (X's included): 1/2 + 4/8 = 100 %.
    expect(team(r, ids.nord).rows).toEqual([
      {
        role: 'case_manager',
        staff: 2,
        cases: { u25: 1, ue25: 4, total: 5 },
        capacity: { u25: 2, ue25: 8 },
        percent: 100,
        status: 'at',
      },
    ]);
    expect(role(team(r, ids.fm).rows, 'case_manager')).toMatchObject({ staff: 1, percent: 100 });
    expect(role(team(r, ids.vermittlung).rows, 'placement_officer')).toMatchObject({
      staff: 1,
      capacity: { u25: 4, ue25: 4 },
      percent: 50,
    });
    expect(role(team(r, ids.leistung).rows, 'benefits_officer')).toMatchObject({
      staff: 1,
      capacity: { u25: null, ue25: null },
      percent: null,
    });
    expect(r.teams.map((x) => x.name)).toEqual(['Team Fallmanagement', 'Team Leistung', 'Team Nord', 'Team Vermittlung']);
    // In total: 3 case managers, 2 U25 and 4 Ü25 cases: 2/3 + 4/12 = 100 %.
    expect(r.total.name).toBe('Insgesamt');
    expect(role(r.total.rows, 'case_manager')).toMatchObject({
      staff: 3,
      cases: { u25: 2, ue25: 4, total: 6 },
      capacity: { u25: 3, ue25: 12 },
    });
    expect(role(r.total.rows, 'case_manager')?.percent).toBe(100);
    expect(role(r.total.rows, 'placement_officer')).toMatchObject({ staff: 1, cases: { total: 2 }, percent: 50 });
    expect(role(r.total.rows, 'benefits_officer')).toMatchObject({ staff: 1, cases: { total: 3 }, percent: null });
    // The organisation model as stored (U25) or by default (Ü25).
    expect(r.model.u25).toMatchObject({ model: IIBA, source: 'stored', iawType: { code: 'IIba' } });
    expect(r.model.ue25).toMatchObject({ source: 'default', iawType: { code: 'Iba' } });
  });

  it('counts only the chosen age group', async () => {
    const u25 = await report(coordinator, 'u25');
    expect(u25).toMatchObject({ ageGroup: 'u25', openCases: 2 });
    expect(role(person(u25, ids.A).rows, 'case_manager')).toMatchObject({
      cases: { u25: 1, ue25: 0, total: 1 },
      target: { u25: 1, ue25: null },
      percent: 100,
      status: 'at',
    });
    // B holds the role with no U25 case: 0 %; X has no U25 case and no role: not listed.
    expect(role(person(u25, ids.B).rows, 'case_manager')).toMatchObject({ cases: { total: 0 }, percent: 0, status: 'under' });
    expect(u25.staff.some((s) => s.userId === ids.X)).toBe(false);
    const ue25 = await report(admin, 'ue25');
    expect(ue25.openCases).toBe(4);
    expect(role(team(ue25, ids.nord).rows, 'case_manager')).toMatchObject({ cases: { u25: 0, ue25: 4, total: 4 }, percent: 50 });
  });

  it('replaces the set with If-Match, logs the change, refuses stale versions and bad sets', async () => {
    const current = await call(t, admin, 'GET', '/api/caseloads/targets');
    const etag = String(current.headers.etag);
    const stale = await putTargets(admin, '"1"', []);
    expect(stale.statusCode).toBe(412);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect((await call(t, admin, 'PUT', '/api/caseloads/targets', { targets: [] })).statusCode).toBe(428);

    const duplicate = await putTargets(admin, etag, [
      { role: 'case_manager', ageGroup: 'u25', targetCases: 10 },
      { role: 'case_manager', ageGroup: 'u25', targetCases: 20 },
    ]);
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.headers['content-type']).toContain('application/problem+json');
    expect(duplicate.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'targets.1.ageGroup', code: 'duplicate' }] });
    for (const [target, field] of [
      [{ role: 'case_manager', ageGroup: 'u25', targetCases: 0 }, 'targets.0.targetCases'],
      [{ role: 'case_manager', ageGroup: 'u25', targetCases: 1001 }, 'targets.0.targetCases'],
      [{ role: 'case_manager', ageGroup: 'u25', targetCases: 2.5 }, 'targets.0.targetCases'],
      [{ role: 'team_lead', ageGroup: 'u25', targetCases: 5 }, 'targets.0.role'],
      [{ role: 'case_manager', ageGroup: 'u50', targetCases: 5 }, 'targets.0.ageGroup'],
    ] as const) {
      const res = await putTargets(admin, etag, [target]);
      expect(res.statusCode, JSON.stringify(target)).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }

    // The same set again changes nothing (no new version).
    const same = await putTargets(admin, etag, current.json().targets);
    await expectOk(same);
    expect(same.headers.etag).toBe(etag);

    const changed = await putTargets(admin, etag, [{ role: 'benefits_officer', ageGroup: 'ue25', targetCases: 120 }]);
    await expectOk(changed);
    expect(changed.json()).toMatchObject({ version: 3, targets: [{ role: 'benefits_officer', ageGroup: 'ue25', targetCases: 120 }] });
    // Case managers are back on the case rules.
    expect(changed.json().effective[0]).toEqual({ role: 'case_manager', ageGroup: 'u25', targetCases: 75, source: 'case_rules' });
    const dp = await t.login(t.tenantA.users.data_protection.username);
    const changes = await call(t, dp, 'GET', `/api/audit/changes?personId=${t.tenantA.id}`);
    expect(changes.json().items[0]).toMatchObject({
      entity: 'caseload_targets',
      action: 'update',
      before: { targets: current.json().targets },
      after: { targets: [{ role: 'benefits_officer', ageGroup: 'ue25', targetCases: 120 }] },
    });
    // Put the set of the other tests back.
    await expectOk(await putTargets(admin, '"3"', current.json().targets));
  });

  it('compares the current model with an alternative on the open cases, as if each were assigned afresh', async () => {
    const before = await databaseCounts();
    const res = await call(t, lead, 'POST', '/api/caseloads/comparison', { u25: ALT_U25, ue25: ALT_UE25 });
    await expectOk(res);
    const c: CaseloadComparison = res.json();
    expect(c).toMatchObject({ on: '2026-11-27', openCases: 6 });
    expect(c.current.u25).toMatchObject({ source: 'stored', iawType: { code: 'IIba' } });
    expect(c.current.ue25).toMatchObject({ source: 'default', iawType: { code: 'Iba' } });
    expect(c.alternative.u25).toMatchObject({ source: 'proposed', model: ALT_U25, iawType: { code: 'IIab' } });
    expect(c.alternative.ue25).toMatchObject({ source: 'proposed', iawType: { code: 'Iab' } });

    const of = (id: string) => {
      const p = c.people.find((x) => x.userId === id);
      if (!p) throw new Error(`no comparison row for ${id}`);
      return {
        current: [p.current.owner.u25, p.current.owner.ue25, p.current.placement.total, p.current.benefits.total, p.current.handOffs],
        alternative: [
          p.alternative.owner.u25,
          p.alternative.owner.ue25,
          p.alternative.placement.total,
          p.alternative.benefits.total,
          p.alternative.handOffs,
        ],
        difference: p.difference,
      };
    };
    // Current (U25 IIba, Ü25 Iba): the Ü25 cases under case management (c2, c5, c8) go to the dedicated
    // case manager F; placement stays with the owners; L takes every case's benefits; one hand-off per case.
    // Alternative (U25 IIab, Ü25 Iab): owners stay (expert model), P does all placement, L the Ü25 benefits.
    //                 [owner U25, owner Ü25, placement, benefits, hand-offs]
    expect(of(ids.A)).toEqual({
      current: [1, 0, 0, 0, 1],
      alternative: [1, 1, 0, 0, 3],
      difference: { owner: 1, placement: 0, benefits: 0, handOffs: 2 },
    });
    expect(of(ids.B)).toEqual({
      current: [0, 1, 0, 0, 1],
      alternative: [0, 2, 0, 0, 4],
      difference: { owner: 1, placement: 0, benefits: 0, handOffs: 3 },
    });
    expect(of(ids.F)).toEqual({
      current: [1, 3, 0, 0, 4],
      alternative: [1, 0, 0, 0, 1],
      difference: { owner: -3, placement: 0, benefits: 0, handOffs: -3 },
    });
    expect(of(ids.X)).toEqual({
      current: [0, 0, 0, 0, 0],
      alternative: [0, 1, 0, 0, 2],
      difference: { owner: 1, placement: 0, benefits: 0, handOffs: 2 },
    });
    expect(of(ids.P)).toEqual({
      current: [0, 0, 0, 0, 0],
      alternative: [0, 0, 6, 0, 0],
      difference: { owner: 0, placement: 6, benefits: 0, handOffs: 0 },
    });
    expect(of(ids.L)).toEqual({
      current: [0, 0, 0, 6, 0],
      alternative: [0, 0, 0, 4, 0],
      difference: { owner: 0, placement: 0, benefits: -2, handOffs: 0 },
    });
    const p = c.people.find((x) => x.userId === ids.P);
    expect(p?.alternative.placement).toEqual({ u25: 2, ue25: 4, total: 6 });
    expect(p?.roles).toEqual(['placement_officer']);
    expect(c.people.find((x) => x.userId === ids.X)?.roles).toEqual([]);
    expect(c.totals).toEqual({
      current: { handOffs: 6, expertConsultations: 0, placementUnstaffed: 0, benefitsUnstaffed: 0 },
      alternative: { handOffs: 10, expertConsultations: 3, placementUnstaffed: 0, benefitsUnstaffed: 0 },
    });
    expect(c.ownerChanges).toBe(3);
    // Read-only: nothing was written.
    expect(await databaseCounts()).toEqual(before);
  });

  it('shows no difference when the alternative is the current model', async () => {
    const res = await call(t, coordinator, 'POST', '/api/caseloads/comparison', {
      u25: IIBA,
      ue25: { caseManagement: 'specialised_full', placement: 'integrated', benefits: 'specialised', mixedTeams: false },
    });
    await expectOk(res);
    const c: CaseloadComparison = res.json();
    expect(c.ownerChanges).toBe(0);
    expect(c.totals.alternative).toEqual(c.totals.current);
    for (const p of c.people) expect(p.difference).toEqual({ owner: 0, placement: 0, benefits: 0, handOffs: 0 });
  });

  it('lets only team leads, coordinators and administrators read, and only administrators set targets', async () => {
    for (const [method, url, body] of [
      ['GET', '/api/caseloads', undefined],
      ['GET', '/api/caseloads/targets', undefined],
      ['POST', '/api/caseloads/comparison', { u25: IIBA, ue25: IIBA }],
    ] as const) {
      const res = await call(t, cmSession, method, url, body);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
    const refused = await putTargets(lead, '"2"', []);
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
  });

  it('answers bad input with problem+json', async () => {
    const badQuery = await call(t, lead, 'GET', '/api/caseloads?ageGroup=u50');
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.headers['content-type']).toContain('application/problem+json');
    expect(badQuery.json().errors[0].field).toBe('querystring.ageGroup');
    const badModel = await call(t, lead, 'POST', '/api/caseloads/comparison', {
      u25: { ...IIBA, caseManagement: 'irgendwie' },
      ue25: IIBA,
    });
    expect(badModel.statusCode).toBe(400);
    expect(badModel.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'u25.caseManagement' }] });
    const missing = await call(t, lead, 'POST', '/api/caseloads/comparison', { u25: IIBA });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { field: string }) => e.field)).toEqual(['ue25']);
  });

  it('keeps tenants apart', async () => {
    const r = await report(leadB);
    expect(r.openCases).toBe(0);
    const tenantAIds = new Set(Object.values(ids));
    expect(r.staff.some((s) => tenantAIds.has(s.userId))).toBe(false);
    expect(r.staff.map((s) => s.userId).sort()).toEqual(
      [t.tenantB.users.case_manager.id, t.tenantB.users.placement_officer.id, t.tenantB.users.benefits_officer.id].sort(),
    );
    const targetsB = await call(t, adminB, 'GET', '/api/caseloads/targets');
    expect(targetsB.json()).toMatchObject({ targets: [], version: 1 });
    await expectOk(await putTargets(adminB, '"1"', [{ role: 'case_manager', ageGroup: 'all', targetCases: 50 }]));
    const targetsA = await call(t, admin, 'GET', '/api/caseloads/targets');
    expect(targetsA.json().targets).toHaveLength(3);
    const comparisonB = await call(t, leadB, 'POST', '/api/caseloads/comparison', { u25: ALT_U25, ue25: ALT_UE25 });
    await expectOk(comparisonB);
    expect(comparisonB.json().openCases).toBe(0);
    expect(comparisonB.json().people.some((p: { userId: string }) => tenantAIds.has(p.userId))).toBe(false);
  });

  async function databaseCounts() {
    return withTenant(t.database.owner, t.tenantA.id, async (trx) => {
      const { rows } = await sql<Record<string, number>>`
        select (select count(*) from change_log)::int as changes,
               (select coalesce(sum(version), 0) from cases)::int as case_versions,
               (select count(*) from follow_ups)::int as follow_ups,
               (select string_agg(coalesce(case_manager_id::text, '') || coalesce(placement_officer_id::text, '') ||
                                  coalesce(benefits_officer_id::text, ''), ',' order by id) from cases) as people,
               (select count(*) from caseload_targets)::int as targets`.execute(trx);
      return rows[0];
    });
  }
});
