import {
  type AgeGroup,
  ageGroupOn,
  type CareModel,
  planAssignments,
  type Role,
  type StaffCandidate,
  type TeamFunction,
} from '@lotse/domain';
import { type Kysely, sql } from 'kysely';
import { seededRng, uuidV4 } from './demo/prng';
import type { Database } from './schema';
import { withTenant } from './tenant-scope';

/**
 * Demo organisation models (SPEC C14): each demo Jobcenter organises customer care differently, so the
 * derived IAW types, the routing and the caseload comparison show real differences — the first like
 * most ARGEn (Ü25 Iba, U25 generalised), the second like many zkT (IIba/IIbb), the third with
 * specialised placement and mixed teams (Iaa), the fourth with the expert model.
 */
export const DEMO_ORGANISATION_MODELS: ReadonlyArray<Readonly<Record<AgeGroup, CareModel>>> = [
  {
    u25: { caseManagement: 'generalised_all', placement: 'integrated', benefits: 'specialised', mixedTeams: false },
    ue25: { caseManagement: 'specialised_full', placement: 'integrated', benefits: 'specialised', mixedTeams: false },
  },
  {
    u25: { caseManagement: 'generalised_all', placement: 'integrated', benefits: 'integrated', mixedTeams: false },
    ue25: { caseManagement: 'generalised_same_staff', placement: 'integrated', benefits: 'specialised', mixedTeams: false },
  },
  {
    u25: { caseManagement: 'specialised_full', placement: 'specialised', benefits: 'specialised', mixedTeams: true },
    ue25: { caseManagement: 'specialised_full', placement: 'specialised', benefits: 'specialised', mixedTeams: true },
  },
  {
    u25: { caseManagement: 'generalised_all', placement: 'specialised', benefits: 'contact_only', mixedTeams: false },
    ue25: { caseManagement: 'specialised_experts', placement: 'integrated', benefits: 'specialised', mixedTeams: false },
  },
];

export interface DemoOrganisationOptions {
  tenantId: string;
  tenantIndex: number;
  referenceDate: string;
}

/**
 * Stores the tenant's model, gives the history's teams a function and puts placement and benefits staff
 * into teams of their own (or, with mixed teams, benefits staff into the case-management teams), then
 * assigns every open case its placement and benefits staff as the model routes them (owners stay).
 */
export async function loadDemoOrganisation(db: Kysely<Database>, options: DemoOrganisationOptions): Promise<void> {
  const { tenantId, tenantIndex, referenceDate } = options;
  const models = DEMO_ORGANISATION_MODELS[tenantIndex % DEMO_ORGANISATION_MODELS.length] as Record<AgeGroup, CareModel>;
  const mixed = models.u25.mixedTeams || models.ue25.mixedTeams;
  await withTenant(db, tenantId, async (trx) => {
    for (const ageGroup of ['u25', 'ue25'] as const) {
      const m = models[ageGroup];
      await trx
        .insertInto('organisationModels')
        .values({
          tenantId,
          ageGroup,
          caseManagement: m.caseManagement,
          placement: m.placement,
          benefits: m.benefits,
          mixedTeams: m.mixedTeams,
          updatedBy: null,
        })
        .onConflict((oc) =>
          oc
            .columns(['tenantId', 'ageGroup'])
            .doUpdateSet({ caseManagement: m.caseManagement, placement: m.placement, benefits: m.benefits, mixedTeams: m.mixedTeams }),
        )
        .execute();
    }
    const existing = await trx.selectFrom('teams').select(['id', 'name']).where('tenantId', '=', tenantId).orderBy('name').execute();
    const caseManagementTeams = existing.map((t) => t.id);
    if (caseManagementTeams.length > 0) {
      await trx
        .updateTable('teams')
        .set({ function: mixed ? 'mixed' : 'case_management' })
        .where('tenantId', '=', tenantId)
        .where('id', 'in', caseManagementTeams)
        .execute();
    }
    const staff = await trx
      .selectFrom('users')
      .select(['id', 'roles', 'teamId'])
      .where('tenantId', '=', tenantId)
      .where('disabled', '=', false)
      .orderBy('username')
      .execute();
    const withRole = (role: Role) => staff.filter((u) => u.roles.includes(role)).map((u) => u.id);
    const teamFor = async (name: string, fn: TeamFunction) => {
      // Seeded like the history's teams, so reseeding a tenant gives the same ids.
      const id = uuidV4(seededRng('demo-organisation-team', tenantId, name));
      await trx
        .insertInto('teams')
        .values({ tenantId, id, name, function: fn })
        .onConflict((oc) => oc.columns(['tenantId', 'id']).doNothing())
        .execute();
      return id;
    };
    const placementTeam = await teamFor('Team Vermittlung', 'placement');
    for (const id of withRole('placement_officer'))
      await trx.updateTable('users').set({ teamId: placementTeam }).where('tenantId', '=', tenantId).where('id', '=', id).execute();
    const benefitsIds = withRole('benefits_officer');
    if (mixed && caseManagementTeams.length > 0) {
      // Mixed teams: benefits staff sit with the case managers, one team after another.
      for (const [i, id] of benefitsIds.entries()) {
        const teamId = caseManagementTeams[i % caseManagementTeams.length] as string;
        await trx.updateTable('users').set({ teamId }).where('tenantId', '=', tenantId).where('id', '=', id).execute();
      }
    } else {
      const benefitsTeam = await teamFor('Team Leistung', 'benefits');
      for (const id of benefitsIds)
        await trx.updateTable('users').set({ teamId: benefitsTeam }).where('tenantId', '=', tenantId).where('id', '=', id).execute();
    }

    const teams = await trx.selectFrom('teams').select(['id', 'function']).where('tenantId', '=', tenantId).execute();
    const functionOf = new Map(teams.map((t) => [t.id, t.function]));
    const members = await trx
      .selectFrom('users')
      .select(['id', 'roles', 'teamId'])
      .where('tenantId', '=', tenantId)
      .where('disabled', '=', false)
      .execute();
    const candidates: StaffCandidate[] = members.map((u) => ({
      id: u.id,
      roles: u.roles as Role[],
      teamId: u.teamId,
      teamFunction: (u.teamId ? (functionOf.get(u.teamId) ?? null) : null) as TeamFunction | null,
      load: 0,
    }));
    const open = await trx
      .selectFrom('cases as c')
      .innerJoin('persons as p', (j) => j.onRef('p.tenantId', '=', 'c.tenantId').onRef('p.id', '=', 'c.personId'))
      .select(['c.id', 'c.status', 'c.caseManagerId', 'p.birthDate'])
      .where('c.tenantId', '=', tenantId)
      .where('c.status', 'not in', ['closed', 'not_indicated'])
      .orderBy('c.id')
      .execute();
    const plan = planAssignments(
      models,
      open.map((c) => ({
        id: c.id,
        ageGroup: ageGroupOn(c.birthDate, referenceDate),
        caseManagement: c.status !== 'intake',
        ownerId: c.caseManagerId,
        placementOfficerId: null,
        benefitsOfficerId: null,
      })),
      candidates,
      { keepExisting: false },
    );
    const rows = plan.filter((a) => a.placementOfficerId !== null || a.benefitsOfficerId !== null);
    for (let i = 0; i < rows.length; i += 1000) {
      const batch = rows.slice(i, i + 1000);
      await sql`
        update cases c set placement_officer_id = v.placement, benefits_officer_id = v.benefits
          from unnest(${batch.map((a) => a.caseId)}::uuid[], ${batch.map((a) => a.placementOfficerId)}::uuid[], ${batch.map((a) => a.benefitsOfficerId)}::uuid[])
            as v(id, placement, benefits)
         where c.tenant_id = ${tenantId} and c.id = v.id`.execute(trx);
    }
  });
}
