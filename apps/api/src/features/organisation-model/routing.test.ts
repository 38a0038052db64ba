import { withTenant } from '@lotse/db';
import type { CareModel } from '@lotse/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../testing';
import { contactsFor, placementTaskOwner, recipientFor } from './routing';
import { caseInIntake, setModelDirect, staffDirect, teamDirect } from './testing';

const U25_BIRTH = '2006-03-01';
const UE25_BIRTH = '1980-03-01';

const model = (over: Partial<CareModel>): CareModel => ({
  caseManagement: 'specialised_full',
  placement: 'integrated',
  benefits: 'specialised',
  mixedTeams: false,
  ...over,
});

describe.each(['pglite', 'postgres'] as const)('routing of a case’s work on %s', (kind) => {
  let t: TestApp;
  let cm: Session;
  let tenantId: string;
  let benefitsTeamOfficer: string;
  let mixedTeam: string;
  let mixedBenefitsOfficer: string;
  let placementOfficer: string;

  const inTenant = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(t.database.db, tenantId, fn);

  beforeAll(async () => {
    t = await createTestApp(kind);
    tenantId = t.tenantA.id;
    cm = await t.login(t.tenantA.users.case_manager.username);
    const benefitsTeam = await teamDirect(t, tenantId, 'Leistung Nord', 'benefits');
    benefitsTeamOfficer = (await staffDirect(t, tenantId, 'Lea Leistung', ['benefits_officer'], benefitsTeam)).id;
    mixedTeam = await teamDirect(t, tenantId, 'Team gemischt', 'mixed');
    mixedBenefitsOfficer = (await staffDirect(t, tenantId, 'Max Gemischt', ['benefits_officer'], mixedTeam)).id;
    const placementTeam = await teamDirect(t, tenantId, 'Vermittlung', 'placement');
    placementOfficer = (await staffDirect(t, tenantId, 'Paul Vermittlung', ['placement_officer'], placementTeam)).id;
  });
  afterAll(async () => t?.close());

  it('sends sanction decisions and benefits notices to the owner where benefits are integrated (type ..b, the owner computes them)', async () => {
    await setModelDirect(t, tenantId, 'ue25', model({ benefits: 'integrated' }));
    const { caseId } = await caseInIntake(t, cm, UE25_BIRTH);
    const owner = t.tenantA.users.case_manager.id;
    expect(await inTenant((trx) => recipientFor(trx, tenantId, caseId, 'sanction_decision'))).toBe(owner);
    expect(await inTenant((trx) => recipientFor(trx, tenantId, caseId, 'benefits_notice'))).toBe(owner);
    expect(await inTenant((trx) => contactsFor(trx, tenantId, caseId))).toEqual({
      integrationId: owner,
      benefitsId: owner,
      benefitsBy: 'case_owner',
      typeCode: 'Ibb',
    });
  });

  it('sends them to benefits staff where the owner is contact person only, while the person asks the owner', async () => {
    await setModelDirect(t, tenantId, 'ue25', model({ benefits: 'contact_only' }));
    const { caseId } = await caseInIntake(t, cm, UE25_BIRTH);
    const owner = t.tenantA.users.case_manager.id;
    // Nobody recorded on the case yet: the least-loaded benefits officer of a benefits team.
    expect(await inTenant((trx) => recipientFor(trx, tenantId, caseId, 'sanction_decision'))).toBe(benefitsTeamOfficer);
    expect(await inTenant((trx) => contactsFor(trx, tenantId, caseId))).toMatchObject({
      integrationId: owner,
      benefitsId: owner,
      typeCode: 'Ibb',
    });
  });

  it('sends them to the benefits officer recorded on the case where benefits are specialised, and shows that officer as contact', async () => {
    await setModelDirect(t, tenantId, 'ue25', model({ benefits: 'specialised' }));
    const { caseId } = await caseInIntake(t, cm, UE25_BIRTH);
    const recorded = t.tenantA.users.benefits_officer.id;
    await withTenant(t.database.owner, tenantId, (trx) =>
      trx.updateTable('cases').set({ benefitsOfficerId: recorded }).where('tenantId', '=', tenantId).where('id', '=', caseId).execute(),
    );
    expect(await inTenant((trx) => recipientFor(trx, tenantId, caseId, 'sanction_decision'))).toBe(recorded);
    expect(await inTenant((trx) => recipientFor(trx, tenantId, caseId, 'benefits_notice'))).toBe(recorded);
    expect(await inTenant((trx) => contactsFor(trx, tenantId, caseId))).toEqual({
      integrationId: t.tenantA.users.case_manager.id,
      benefitsId: recorded,
      benefitsBy: 'benefits_staff',
      typeCode: 'Iba',
    });
  });

  it('with mixed teams prefers the benefits officer of the owner’s own team', async () => {
    const owner = await staffDirect(t, tenantId, 'Mia Mischteam', ['case_manager'], mixedTeam);
    await setModelDirect(t, tenantId, 'ue25', model({ benefits: 'specialised', mixedTeams: true }));
    const { caseId } = await caseInIntake(t, cm, UE25_BIRTH, owner.id);
    expect(await inTenant((trx) => recipientFor(trx, tenantId, caseId, 'sanction_decision'))).toBe(mixedBenefitsOfficer);
  });

  it('applies the model of the person’s age group: U25 and Ü25 may be organised differently', async () => {
    await setModelDirect(t, tenantId, 'u25', model({ caseManagement: 'generalised_all', benefits: 'integrated' }));
    await setModelDirect(t, tenantId, 'ue25', model({ benefits: 'specialised' }));
    const young = await caseInIntake(t, cm, U25_BIRTH);
    const older = await caseInIntake(t, cm, UE25_BIRTH);
    expect(await inTenant((trx) => recipientFor(trx, tenantId, young.caseId, 'sanction_decision'))).toBe(t.tenantA.users.case_manager.id);
    expect(await inTenant((trx) => recipientFor(trx, tenantId, older.caseId, 'sanction_decision'))).not.toBe(
      t.tenantA.users.case_manager.id,
    );
    // On the day before the 25th birthday the person is still U25.
    expect(await inTenant((trx) => recipientFor(trx, tenantId, older.caseId, 'sanction_decision', { on: '2005-02-28' }))).toBe(
      t.tenantA.users.case_manager.id,
    );
  });

  it('routes placement tasks to the placement officer where placement is specialised, else to the owner', async () => {
    await setModelDirect(t, tenantId, 'ue25', model({ placement: 'specialised' }));
    const { caseId } = await caseInIntake(t, cm, UE25_BIRTH);
    expect(await inTenant((trx) => placementTaskOwner(trx, tenantId, caseId))).toBe(placementOfficer);
    await setModelDirect(t, tenantId, 'ue25', model({ placement: 'integrated' }));
    expect(await inTenant((trx) => placementTaskOwner(trx, tenantId, caseId))).toBe(t.tenantA.users.case_manager.id);
  });

  it('falls back to the owner when the Jobcenter has nobody in benefits processing', async () => {
    const tenantB = t.tenantB.id;
    const cmB = await t.login(t.tenantB.users.case_manager.username);
    await setModelDirect(t, tenantB, 'ue25', model({ benefits: 'specialised' }));
    const { caseId } = await caseInIntake(t, cmB, UE25_BIRTH);
    await withTenant(t.database.owner, tenantB, (trx) =>
      trx
        .updateTable('users')
        .set({ disabled: true })
        .where('tenantId', '=', tenantB)
        .where('id', '=', t.tenantB.users.benefits_officer.id)
        .execute(),
    );
    try {
      const recipient = await withTenant(t.database.db, tenantB, (trx) => recipientFor(trx, tenantB, caseId, 'sanction_decision'));
      expect(recipient).toBe(t.tenantB.users.case_manager.id);
    } finally {
      await withTenant(t.database.owner, tenantB, (trx) =>
        trx
          .updateTable('users')
          .set({ disabled: false })
          .where('tenantId', '=', tenantB)
          .where('id', '=', t.tenantB.users.benefits_officer.id)
          .execute(),
      );
    }
  });
});
