import { withTenant } from '@lotse/db';
import { ROLES } from '@lotse/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../testing';
import { call, expectOk } from '../cases/testing';
import { caseInIntake, setModelDirect, staffDirect, teamDirect } from './testing';

const UE25_BIRTH = '1979-06-15';
const U25_BIRTH = '2007-02-01';
const IBA = { caseManagement: 'specialised_full', placement: 'integrated', benefits: 'specialised', mixedTeams: false } as const;
const REASON = { action: 'indicate', reason: 'Mehrere Problemlagen, Fallmanagement angezeigt.' };

describe.each(['pglite', 'postgres'] as const)('organisation model and routing on %s', (kind) => {
  let t: TestApp;
  let admin: Session;
  let adminB: Session;
  let cm: Session;
  let dp: Session;

  beforeAll(async () => {
    t = await createTestApp(kind);
    [admin, adminB, cm, dp] = await Promise.all([
      t.login(t.tenantA.users.admin.username),
      t.login(t.tenantB.users.admin.username),
      t.login(t.tenantA.users.case_manager.username),
      t.login(t.tenantA.users.data_protection.username),
    ]);
  });
  afterAll(async () => t?.close());

  const changesOf = async (entityId: string) => {
    const res = await call(t, dp, 'GET', `/api/audit/changes?personId=${entityId}`);
    await expectOk(res);
    return res.json().items as { entity: string; action: string; before: Record<string, unknown> | null; after: Record<string, unknown> }[];
  };
  const models = async (session: Session = admin) => {
    const res = await call(t, session, 'GET', '/api/organisation-model');
    await expectOk(res);
    return res.json().items as Array<Record<string, unknown> & { ageGroup: string; version: number; type: { code: string } }>;
  };
  const put = (ageGroup: string, body: unknown, version?: number, session: Session = admin) =>
    call(t, session, 'PUT', `/api/organisation-model/${ageGroup}`, body, version === undefined ? {} : { 'if-match': `"${version}"` });
  const caseFile = async (session: Session, caseId: string) => {
    const res = await call(t, session, 'GET', `/api/cases/${caseId}`);
    await expectOk(res);
    return res.json();
  };
  const indicate = async (session: Session, caseId: string, version: number) => {
    const res = await call(t, session, 'POST', `/api/cases/${caseId}/transitions`, REASON, { 'if-match': `"${version}"` });
    await expectOk(res);
    return res.json();
  };

  describe('the model', () => {
    it('gives a new Jobcenter type Iba for both age groups, with the meaning in words', async () => {
      const items = await models();
      expect(items.map((m) => m.ageGroup)).toEqual(['u25', 'ue25']);
      for (const m of items) {
        expect(m).toMatchObject({ ...IBA, version: 1, updatedBy: null, updatedAt: null, type: { code: 'Iba', caseManagement: 'I' } });
        expect((m.type as unknown as { meaning: string[] }).meaning[0]).toMatch(/^Typ I – spezialisierter Fallmanagement-Ansatz/);
      }
      expect(items[0]?.label).toBe('Kundinnen und Kunden unter 25 Jahren (U25)');
    });

    it('is readable by the staff it routes to, team leads, coordinators and administrators; not by others', async () => {
      for (const role of ROLES) {
        const session = await t.login(t.tenantA.users[role].username);
        const res = await call(t, session, 'GET', '/api/organisation-model');
        const allowed = ['case_manager', 'placement_officer', 'benefits_officer', 'coordinator', 'team_lead', 'admin'].includes(role);
        expect(res.statusCode, role).toBe(allowed ? 200 : 403);
      }
    });

    it('lets an administrator set an age group’s model with If-Match: 428 without, 412 stale, then the type follows and the change is logged', async () => {
      const expert = { caseManagement: 'specialised_experts', placement: 'specialised', benefits: 'contact_only', mixedTeams: true };
      expect((await put('u25', expert)).statusCode).toBe(428);
      const stale = await put('u25', expert, 7);
      expect(stale.statusCode).toBe(412);
      expect(stale.json().code).toBe('PRECONDITION_FAILED');
      const ok = await put('u25', expert, 1);
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.headers.etag).toBe('"2"');
      const body = ok.json();
      expect(body).toMatchObject({ ageGroup: 'u25', ...expert, version: 2, updatedBy: { id: t.tenantA.users.admin.id } });
      expect(body.type.code).toBe('Iab');
      expect(body.type.notes.join(' ')).toMatch(/Expertenmodell/);
      expect(body.type.notes.join(' ')).toMatch(/Ansprechperson/);
      // The other age group is untouched.
      expect((await models()).find((m) => m.ageGroup === 'ue25')).toMatchObject({ ...IBA, version: 1 });
      const changes = (await changesOf(t.tenantA.id)).filter((c) => c.entity === 'organisation_model');
      expect(changes[0]).toMatchObject({
        action: 'update',
        before: { ageGroup: 'u25', ...IBA, iawType: 'Iba' },
        after: { ageGroup: 'u25', ...expert, iawType: 'Iab' },
      });
      // Back to the default for the tests below.
      await expectOk(await put('u25', IBA, 2));
    });

    it('refuses bad input field by field (problem+json) and changes nothing', async () => {
      const before = await models();
      const bad = await put('ue25', { ...IBA, caseManagement: 'halb_spezialisiert', mixedTeams: 'ja' }, 1);
      expect(bad.statusCode).toBe(400);
      expect(bad.headers['content-type']).toContain('application/problem+json');
      expect(
        bad
          .json()
          .errors.map((e: { field: string }) => e.field)
          .sort(),
      ).toEqual(['caseManagement', 'mixedTeams']);
      const missing = await put('ue25', { caseManagement: 'generalised_all' }, 1);
      expect(missing.statusCode).toBe(400);
      expect(
        missing
          .json()
          .errors.map((e: { field: string }) => e.field)
          .sort(),
      ).toEqual(['benefits', 'mixedTeams', 'placement']);
      const group = await put('ue30', IBA, 1);
      expect(group.statusCode).toBe(400);
      expect(group.json().errors[0].field).toBe('params.ageGroup');
      expect(await models()).toEqual(before);
    });

    it('lets only administrators change it', async () => {
      for (const role of ['case_manager', 'team_lead', 'coordinator'] as const) {
        const session = await t.login(t.tenantA.users[role].username);
        const res = await put('ue25', { ...IBA, benefits: 'integrated' }, 1, session);
        expect(res.statusCode, role).toBe(403);
      }
      expect((await models()).find((m) => m.ageGroup === 'ue25')?.version).toBe(1);
    });

    it('keeps Jobcenters apart: each has its own model', async () => {
      const res = await put('ue25', { ...IBA, caseManagement: 'generalised_all' }, 1, adminB);
      expect(res.statusCode, res.body).toBe(200);
      expect((await models()).find((m) => m.ageGroup === 'ue25')).toMatchObject({ caseManagement: 'specialised_full', version: 1 });
      expect((await models(adminB)).find((m) => m.ageGroup === 'ue25')).toMatchObject({ caseManagement: 'generalised_all', version: 2 });
      await expectOk(await put('ue25', IBA, 2, adminB));
    });
  });

  describe('routing of new work', () => {
    let fmTeam: string;
    let fmExpert: { id: string; username: string };
    let placementOfficer: string;
    let benefitsTeamOfficer: string;

    beforeAll(async () => {
      fmTeam = await teamDirect(t, t.tenantA.id, 'Fallmanagement-Team', 'case_management');
      fmExpert = await staffDirect(t, t.tenantA.id, 'Frieda Fallmanagement', ['case_manager'], fmTeam);
      placementOfficer = (
        await staffDirect(
          t,
          t.tenantA.id,
          'Volker Vermittlung',
          ['placement_officer'],
          await teamDirect(t, t.tenantA.id, 'AV', 'placement'),
        )
      ).id;
      benefitsTeamOfficer = (
        await staffDirect(t, t.tenantA.id, 'Lene Leistung', ['benefits_officer'], await teamDirect(t, t.tenantA.id, 'LSB', 'benefits'))
      ).id;
    });

    it('type Iba: when case management is indicated, a case manager of a case-management team takes the case; the history says why', async () => {
      await setModelDirect(t, t.tenantA.id, 'ue25', IBA);
      const { caseId, version } = await caseInIntake(t, cm, UE25_BIRTH);
      const after = await indicate(cm, caseId, version);
      expect(after.status).toBe('assessment');
      expect(after.caseManager.id).toBe(fmExpert.id);
      expect(after.responsible).toBe(false);
      expect(after.careContacts).toEqual({
        integration: { id: fmExpert.id, displayName: 'Frieda Fallmanagement' },
        benefits: { id: benefitsTeamOfficer, displayName: 'Lene Leistung' },
        benefitsBy: 'benefits_staff',
        placement: { id: fmExpert.id, displayName: 'Frieda Fallmanagement' },
        iawType: 'Iba',
      });
      const reassign = after.history.find((h: { action: string }) => h.action === 'reassign');
      expect(reassign).toMatchObject({ fromStatus: 'assessment', toStatus: 'assessment', actor: { id: t.tenantA.users.case_manager.id } });
      expect(reassign.reason).toMatch(/Typ Iba.*Frieda Fallmanagement/);
      const logged = (await changesOf(caseId)).find((c) => c.after.routedBy === 'organisation_model');
      expect(logged).toMatchObject({
        before: { caseManagerId: t.tenantA.users.case_manager.id, benefitsOfficerId: null },
        after: { caseManagerId: fmExpert.id, benefitsOfficerId: benefitsTeamOfficer, iawType: 'Iba' },
      });
    });

    it('generalised (type IIbb): the case stays with its case manager, who also answers benefits questions', async () => {
      await setModelDirect(t, t.tenantA.id, 'ue25', {
        caseManagement: 'generalised_all',
        placement: 'integrated',
        benefits: 'integrated',
        mixedTeams: false,
      });
      const { caseId, version } = await caseInIntake(t, cm, UE25_BIRTH);
      const after = await indicate(cm, caseId, version);
      const owner = { id: t.tenantA.users.case_manager.id, displayName: expect.any(String) };
      expect(after.caseManager.id).toBe(t.tenantA.users.case_manager.id);
      expect(after.careContacts).toEqual({
        integration: owner,
        benefits: owner,
        benefitsBy: 'case_owner',
        placement: owner,
        iawType: 'IIbb',
      });
      expect(after.history.some((h: { action: string }) => h.action === 'reassign')).toBe(false);
    });

    it('expert model: the case stays, an expert for case management gets an expert consultation task', async () => {
      await setModelDirect(t, t.tenantA.id, 'ue25', { ...IBA, caseManagement: 'specialised_experts' });
      const { caseId, version } = await caseInIntake(t, cm, UE25_BIRTH);
      const after = await indicate(cm, caseId, version);
      expect(after.caseManager.id).toBe(t.tenantA.users.case_manager.id);
      const task = after.followUps.find((f: { kind: string }) => f.kind === 'expert_consultation');
      expect(task).toMatchObject({ owner: { id: fmExpert.id }, title: expect.stringMatching(/Expertenmodell/) });
    });

    it('routes a placement task to the placement officer where placement is specialised, else to the case manager', async () => {
      await setModelDirect(t, t.tenantA.id, 'u25', { ...IBA, caseManagement: 'generalised_all', placement: 'specialised' });
      const { caseId } = await caseInIntake(t, cm, U25_BIRTH);
      const task = await call(t, cm, 'POST', `/api/cases/${caseId}/follow-ups`, {
        title: 'Stellenangebote senden',
        dueOn: '2027-01-10',
        kind: 'placement',
      });
      expect(task.statusCode, task.body).toBe(201);
      expect(task.json()).toMatchObject({ kind: 'placement', owner: { id: placementOfficer } });
      // The officer picked is now the case's placement officer, shown in the case file.
      expect((await caseFile(cm, caseId)).careContacts.placement).toEqual({ id: placementOfficer, displayName: 'Volker Vermittlung' });
      const general = await call(t, cm, 'POST', `/api/cases/${caseId}/follow-ups`, { title: 'Unterlagen prüfen', dueOn: '2027-01-10' });
      expect(general.json()).toMatchObject({ kind: 'general', owner: { id: t.tenantA.users.case_manager.id } });
      await setModelDirect(t, t.tenantA.id, 'u25', IBA);
      const integrated = await call(t, cm, 'POST', `/api/cases/${caseId}/follow-ups`, {
        title: 'Bewerbung begleiten',
        dueOn: '2027-01-10',
        kind: 'placement',
      });
      expect(integrated.json()).toMatchObject({ kind: 'placement', owner: { id: t.tenantA.users.case_manager.id } });
      // A notice relevant to benefits goes to benefits processing where benefits are specialised …
      const notice = await call(t, cm, 'POST', `/api/cases/${caseId}/follow-ups`, {
        title: 'Arbeitsaufnahme zum 1. des Monats mitteilen',
        dueOn: '2027-01-10',
        kind: 'benefits_notice',
      });
      expect(notice.statusCode, notice.body).toBe(201);
      expect(notice.json()).toMatchObject({ kind: 'benefits_notice', owner: { id: benefitsTeamOfficer } });
      // … and stays with the case manager who computes them where benefits are integrated.
      await setModelDirect(t, t.tenantA.id, 'u25', { ...IBA, benefits: 'integrated' });
      const own = await call(t, cm, 'POST', `/api/cases/${caseId}/follow-ups`, {
        title: 'Einkommen prüfen',
        dueOn: '2027-01-10',
        kind: 'benefits_notice',
      });
      expect(own.json()).toMatchObject({ kind: 'benefits_notice', owner: { id: t.tenantA.users.case_manager.id } });
      await setModelDirect(t, t.tenantA.id, 'u25', IBA);
      const bad = await call(t, cm, 'POST', `/api/cases/${caseId}/follow-ups`, {
        title: 'x',
        dueOn: '2027-01-10',
        kind: 'sanction_decision',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toBe('kind');
    });
  });

  describe('bulk reassignment', () => {
    let caseIds: string[];
    let teamLead: Session;

    beforeAll(async () => {
      // Open cases under a generalised, fully integrated model: everything with the one case manager.
      for (const g of ['u25', 'ue25'] as const)
        await setModelDirect(t, t.tenantA.id, g, {
          caseManagement: 'generalised_all',
          placement: 'integrated',
          benefits: 'integrated',
          mixedTeams: false,
        });
      caseIds = [];
      for (let i = 0; i < 3; i++) {
        const c = await caseInIntake(t, cm, UE25_BIRTH);
        if (i < 2) await indicate(cm, c.caseId, c.version);
        caseIds.push(c.caseId);
      }
      teamLead = await t.login(t.tenantA.users.team_lead.username);
    });

    const preview = async () => {
      const res = await call(t, admin, 'GET', '/api/organisation-model/reassignment-preview');
      await expectOk(res);
      return res.json();
    };

    it('changing the model does not move open cases; the preview shows what a reassignment would move', async () => {
      const current = (await models()).find((m) => m.ageGroup === 'ue25');
      await expectOk(await put('ue25', IBA, current?.version));
      for (const id of caseIds) expect((await caseFile(cm, id)).caseManager.id).toBe(t.tenantA.users.case_manager.id);
      const p = await preview();
      const ours = p.items.filter((i: { caseId: string }) => caseIds.includes(i.caseId));
      // The two case-management cases move to the case-management team and get a benefits officer; the intake case only the latter.
      expect(ours).toHaveLength(3);
      const indicated = ours.filter((i: { owner: unknown }) => i.owner !== null);
      expect(indicated).toHaveLength(2);
      for (const item of indicated) {
        expect(item.owner.from.id).toBe(t.tenantA.users.case_manager.id);
        expect(item.owner.to.displayName).toBe('Frieda Fallmanagement');
        expect(item.benefits).toMatchObject({ from: null, to: { id: expect.any(String) } });
        expect(item.placement).toBeNull();
        expect(item.reference).toMatch(/^F-[0-9A-F]{8}$/);
        expect(item).not.toHaveProperty('person');
      }
      expect(p.counts.cases).toBe(p.items.length);
      expect(p.counts.owner).toBeGreaterThanOrEqual(2);
      expect(p.truncated).toBe(false);
      expect(p.modelVersions.ue25).toBe(current ? current.version + 1 : 0);
    });

    it('refuses a stale preview with 409: after a model change, and for a made-up token; nothing moves', async () => {
      const p = await preview();
      const made = await call(t, admin, 'POST', '/api/organisation-model/reassignment', { token: 'erfunden' });
      expect(made.statusCode).toBe(409);
      expect(made.json().code).toBe('REASSIGNMENT_PREVIEW_STALE');
      const u25 = (await models()).find((m) => m.ageGroup === 'u25');
      await expectOk(await put('u25', { ...IBA, placement: 'specialised' }, u25?.version));
      const stale = await call(t, admin, 'POST', '/api/organisation-model/reassignment', { token: p.token });
      expect(stale.statusCode).toBe(409);
      expect(stale.headers['content-type']).toContain('application/problem+json');
      for (const id of caseIds) expect((await caseFile(cm, id)).caseManager.id).toBe(t.tenantA.users.case_manager.id);
    });

    it('applies exactly the previewed plan in one go: each moved case logged, owners’ moves in the history; the same token again is stale', async () => {
      const p = await preview();
      const res = await call(t, admin, 'POST', '/api/organisation-model/reassignment', { token: p.token });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ moved: p.counts.cases, counts: p.counts });
      for (const item of p.items as Array<{
        caseId: string;
        owner: { to: { id: string } } | null;
        benefits: { to: { id: string } | null } | null;
      }>) {
        const file = await caseFile(teamLead, item.caseId);
        if (item.owner) {
          expect(file.caseManager.id).toBe(item.owner.to.id);
          expect(
            file.history.some((h: { action: string; reason: string }) => h.action === 'reassign' && /Umverteilung/.test(h.reason)),
          ).toBe(true);
        }
        if (item.benefits?.to) expect(file.careContacts.benefits?.id).toBe(item.benefits.to.id);
        const logged = (await changesOf(item.caseId)).find((c) => c.after.routedBy === 'bulk_reassignment');
        expect(logged?.action).toBe('update');
      }
      // Nothing left to move, so the old token no longer matches the plan.
      expect((await preview()).counts.cases).toBe(0);
      expect((await call(t, admin, 'POST', '/api/organisation-model/reassignment', { token: p.token })).statusCode).toBe(409);
    });

    it('is for administrators only and stays within the Jobcenter', async () => {
      const tl = await t.login(t.tenantA.users.team_lead.username);
      expect((await call(t, tl, 'GET', '/api/organisation-model/reassignment-preview')).statusCode).toBe(403);
      expect((await call(t, cm, 'POST', '/api/organisation-model/reassignment', { token: 'x' })).statusCode).toBe(403);
      const other = await call(t, adminB, 'GET', '/api/organisation-model/reassignment-preview');
      await expectOk(other);
      const ids = new Set(other.json().items.map((i: { caseId: string }) => i.caseId));
      for (const id of caseIds) expect(ids.has(id)).toBe(false);
      const untouched = await withTenant(t.database.owner, t.tenantB.id, (trx) =>
        trx
          .selectFrom('cases')
          .select('id')
          .where('tenantId', '=', t.tenantB.id)
          .where('caseManagerId', 'in', [t.tenantA.users.case_manager.id])
          .execute(),
      );
      expect(untouched).toEqual([]);
    });
  });
});
