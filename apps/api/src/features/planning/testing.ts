import { randomUUID } from 'node:crypto';
import { withTenant } from '@lotse/db';
import type { TestApp, TestTenant } from '../../testing';

/**
 * A small, fixed planning fixture inserted directly with the owner connection, so that every figure
 * can be computed by hand (planning.test.ts lists the expectations). The app's clock is 10 November
 * 2026: 2026 is the current year (stocks up to today), 2025 the prior year.
 *
 * Persons (postal code → region, case manager → team):
 * - P1 born 2003-06-15 (U25), single parent, 10001 → Nordstadt, case C1 of `case_manager` (Team Nord)
 * - P2 born 1970-01-01 (Ü50), refugee, 20001 → Südstadt, C2 of `placement_officer` (Team Süd)
 * - P3 born 1990-03-01, severe disability, 99999 → ohne Zuordnung, C3 of `benefits_officer` (ohne Team)
 * - P4 born 2001-07-01 (U25 until 30 June 2026), 10002 → Nordstadt, C4 (Team Nord)
 * - P5 born 1976-05-20 (Ü50 from 20 May 2026), single parent and refugee, 20001 → Südstadt, C5 (Team Süd)
 */
export interface PlanningFixture {
  regions: { north: string; south: string };
  teams: { north: string; south: string };
  offers: { debtHours: string; addictionInstitutional: string; debtTieredInactive: string };
  personIds: string[];
  customerNumbers: string[];
  names: string[];
}

export async function seedPlanningFixture(t: TestApp, tenant: TestTenant): Promise<PlanningFixture> {
  const tenantId = tenant.id;
  const ids = {
    regions: { north: randomUUID(), south: randomUUID() },
    teams: { north: randomUUID(), south: randomUUID() },
    offers: { debtHours: randomUUID(), addictionInstitutional: randomUUID(), debtTieredInactive: randomUUID() },
  };
  const persons = [
    { birthDate: '2003-06-15', postalCode: '10001', singleParent: true, refugee: false, severeDisability: false },
    { birthDate: '1970-01-01', postalCode: '20001', singleParent: false, refugee: true, severeDisability: false },
    { birthDate: '1990-03-01', postalCode: '99999', singleParent: false, refugee: false, severeDisability: true },
    { birthDate: '2001-07-01', postalCode: '10002', singleParent: false, refugee: false, severeDisability: false },
    { birthDate: '1976-05-20', postalCode: '20001', singleParent: true, refugee: true, severeDisability: false },
  ].map((p, i) => ({
    ...p,
    id: randomUUID(),
    customerNumber: `777D${String(i + 1).padStart(6, '0')}`,
    lastName: `Planungsperson${i + 1}`,
  }));
  const managers = [
    tenant.users.case_manager.id,
    tenant.users.placement_officer.id,
    tenant.users.benefits_officer.id,
    tenant.users.case_manager.id,
    tenant.users.placement_officer.id,
  ];
  const caseIds = persons.map(() => randomUUID());
  const creator = tenant.users.case_manager.id;

  await withTenant(t.database.owner, tenantId, async (trx) => {
    await trx
      .insertInto('planningRegions')
      .values([
        { tenantId, id: ids.regions.north, name: 'Nordstadt', postalCodes: ['10001', '10002'], sortOrder: 1 },
        { tenantId, id: ids.regions.south, name: 'Südstadt', postalCodes: ['20001'], sortOrder: 2 },
      ])
      .execute();
    await trx
      .insertInto('teams')
      .values([
        { tenantId, id: ids.teams.north, name: 'Team Nord' },
        { tenantId, id: ids.teams.south, name: 'Team Süd' },
      ])
      .execute();
    await trx
      .updateTable('users')
      .set({ teamId: ids.teams.north })
      .where('tenantId', '=', tenantId)
      .where('id', '=', tenant.users.case_manager.id)
      .execute();
    await trx
      .updateTable('users')
      .set({ teamId: ids.teams.south })
      .where('tenantId', '=', tenantId)
      .where('id', '=', tenant.users.placement_officer.id)
      .execute();
    await trx
      .insertInto('persons')
      .values(
        persons.map((p) => ({
          tenantId,
          id: p.id,
          customerNumber: p.customerNumber,
          firstName: 'Paula',
          lastName: p.lastName,
          birthDate: p.birthDate,
          sex: 'female' as const,
          postalCode: p.postalCode,
          interpreterNeeded: false,
          singleParent: p.singleParent,
          refugee: p.refugee,
          severeDisability: p.severeDisability,
          searchName: `${p.lastName.toLowerCase()} paula`,
        })),
      )
      .execute();
    await trx
      .insertInto('cases')
      .values(
        persons.map((p, i) => ({
          tenantId,
          id: caseIds[i] as string,
          personId: p.id,
          status: 'implementation',
          priority: 'medium' as const,
          caseManagerId: managers[i] as string,
          openedOn: '2024-01-10',
          nextContactDue: '2026-12-01',
        })),
      )
      .execute();

    const barrierType = async (code: string, serviceTypes: string[]) => {
      const id = randomUUID();
      await trx.insertInto('barrierTypes').values({ tenantId, id, code, phase: 'framework', label: code, serviceTypes }).execute();
      return id;
    };
    const debt = await barrierType('plan_debt', ['debt_counselling']);
    const both = await barrierType('plan_both', ['debt_counselling', 'addiction_counselling']);
    const none = await barrierType('plan_none', []);
    const barriers: Array<[number, string, string]> = [
      [0, debt, '2026-01-10'],
      [0, both, '2026-02-03'],
      [1, debt, '2026-04-20'],
      [1, none, '2026-04-21'],
      [2, both, '2026-07-05'],
      [3, debt, '2026-06-30'],
      [3, debt, '2026-07-01'],
      [4, debt, '2026-05-19'],
      [4, debt, '2026-05-20'],
      [0, debt, '2025-03-03'],
      [1, both, '2025-11-11'],
    ];
    await trx
      .insertInto('caseBarriers')
      .values(
        barriers.map(([c, type, recordedOn]) => ({
          tenantId,
          id: randomUUID(),
          caseId: caseIds[c] as string,
          barrierTypeId: type,
          severity: 'medium' as const,
          recordedOn,
          recordedBy: creator,
          indicators: '[]',
        })),
      )
      .execute();
    const unmet: Array<[number, string, string]> = [
      [2, 'housing_support', '2026-08-01'],
      [1, 'debt_counselling', '2026-02-02'],
      [0, 'language_course', '2025-06-06'],
    ];
    await trx
      .insertInto('unmetNeeds')
      .values(
        unmet.map(([c, serviceType, recordedOn]) => ({
          tenantId,
          id: randomUUID(),
          caseId: caseIds[c] as string,
          personId: (persons[c] as { id: string }).id,
          serviceType,
          reason: 'no_capacity' as const,
          recordedOn,
          recordedBy: creator,
        })),
      )
      .execute();

    await trx
      .insertInto('offers')
      .values([
        {
          tenantId,
          id: ids.offers.debtHours,
          providerId: tenant.providerId,
          name: 'Schuldnerberatung Planung',
          serviceType: 'debt_counselling',
          targetGroups: ['all'],
          capacity: 4,
          capacityUnit: 'places',
          capacityPeriod: 'month',
          financingModel: 'specialist_hours',
          priceCents: 5000,
          contacts: '[]',
        },
        {
          tenantId,
          id: ids.offers.addictionInstitutional,
          providerId: tenant.providerId,
          name: 'Suchtberatung Planung',
          serviceType: 'addiction_counselling',
          targetGroups: ['all'],
          capacity: 10,
          capacityUnit: 'hours',
          capacityPeriod: 'week',
          financingModel: 'institutional',
          contacts: '[]',
        },
        {
          tenantId,
          id: ids.offers.debtTieredInactive,
          providerId: tenant.providerId,
          name: 'Schuldnerberatung alt',
          serviceType: 'debt_counselling',
          targetGroups: ['all'],
          capacity: 2,
          capacityUnit: 'places',
          capacityPeriod: 'month',
          financingModel: 'tiered_case_flat_rate',
          priceCents: 20000,
          contacts: '[]',
          active: false,
        },
      ])
      .execute();

    // Referrals: [case, offer, status, sent, accepted, started, ended, closing transition (to, at)]
    type Ref = [number, string, string, string | null, string | null, string | null, string | null, [string, string] | null];
    const o = ids.offers;
    const referrals: Ref[] = [
      [0, o.debtHours, 'completed', '2026-01-15', '2026-01-20', '2026-02-01', '2026-04-30', null], // R1
      [1, o.debtHours, 'started', '2026-03-01', '2026-03-05', '2026-03-11', null, null], // R2
      [2, o.debtHours, 'declined', '2026-05-10', null, null, null, ['declined', '2026-06-05T10:00:00Z']], // R3
      [3, o.debtHours, 'accepted', '2026-06-01', '2026-06-02', null, null, null], // R4
      [4, o.addictionInstitutional, 'started', '2025-12-01', null, '2026-01-21', null, null], // R5
      [0, o.debtTieredInactive, 'started', null, null, '2026-09-01', null, null], // R6: confirmed self-referral
      [1, o.debtHours, 'completed', '2025-02-01', '2025-02-10', '2025-02-15', '2026-02-28', null], // R7
      [2, o.debtHours, 'draft', null, null, null, null, null], // R8
      [4, o.debtHours, 'cancelled', '2026-10-01', null, null, null, ['cancelled', '2026-10-15T09:00:00Z']], // R9
      [3, o.debtHours, 'not_started', '2025-12-20', '2025-12-22', null, null, ['not_started', '2026-02-10T12:00:00Z']], // R10
    ];
    const referralIds: string[] = [];
    for (const [c, offerId, status, sentOn, acceptedOn, startedOn, endedOn, closing] of referrals) {
      const id = randomUUID();
      referralIds.push(id);
      await trx
        .insertInto('referrals')
        .values({
          tenantId,
          id,
          caseId: caseIds[c] as string,
          personId: (persons[c] as { id: string }).id,
          offerId,
          providerId: tenant.providerId,
          status,
          sentOn,
          acceptedOn,
          startedOn,
          endedOn,
          goalIds: [],
          createdBy: creator,
        })
        .execute();
      if (closing) {
        await trx
          .insertInto('referralTransitions')
          .values({
            tenantId,
            id: randomUUID(),
            referralId: id,
            fromStatus: 'sent',
            toStatus: closing[0],
            actorId: creator,
            actorSide: 'provider',
            at: closing[1],
          })
          .execute();
      }
    }
    const charge = (referral: number, offerId: string, serviceMonth: string, amountCents: number) => ({
      tenantId,
      id: randomUUID(),
      referralId: referralIds[referral] as string,
      offerId,
      serviceMonth,
      units: 1,
      amountCents,
      recordedBy: creator,
    });
    await trx
      .insertInto('referralCharges')
      .values([
        charge(0, o.debtHours, '2026-02-01', 10_000),
        charge(0, o.debtHours, '2026-03-01', 15_000),
        charge(1, o.debtHours, '2026-03-01', 5_000),
        charge(6, o.debtHours, '2026-01-01', 7_000),
        charge(6, o.debtHours, '2025-12-01', 9_000),
        charge(5, o.debtTieredInactive, '2026-09-01', 20_000),
      ])
      .execute();
    await trx
      .insertInto('offerYearPlans')
      .values([
        { tenantId, offerId: o.addictionInstitutional, year: 2026, plannedCostCents: 500_000, actualCostCents: null, sgb2SharePercent: 60 },
        { tenantId, offerId: o.debtHours, year: 2026, plannedCostCents: 60_000, actualCostCents: null, sgb2SharePercent: 50 },
      ])
      .execute();
  });
  return {
    ...ids,
    personIds: persons.map((p) => p.id),
    customerNumbers: persons.map((p) => p.customerNumber),
    names: persons.map((p) => p.lastName),
  };
}
