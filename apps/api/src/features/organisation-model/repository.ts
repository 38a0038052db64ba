import { type Tx, updateIfVersion } from '@lotse/db';
import { type AgeGroup, type CareModel, OPEN_CASE_STATUSES, type Role, type StaffCandidate, type TeamFunction } from '@lotse/domain';
import { sql } from 'kysely';

export type ModelRow = {
  ageGroup: AgeGroup;
  caseManagement: CareModel['caseManagement'];
  placement: CareModel['placement'];
  benefits: CareModel['benefits'];
  mixedTeams: boolean;
  version: number;
  updatedAt: Date;
  updatedBy: string | null;
  updatedByName: string | null;
};

export interface CasePeople {
  caseManagerId: string;
  placementOfficerId: string | null;
  benefitsOfficerId: string | null;
}

/** The roles the model routes work to (owner, placement, benefits). */
const ROUTED_ROLES: readonly Role[] = ['case_manager', 'placement_officer', 'benefits_officer'];

/** The organisation model of a tenant and what routing needs to know about its staff and open cases (SPEC C14). */
export class OrganisationModelRepository {
  models(trx: Tx, tenantId: string, options: { forUpdate?: boolean } = {}): Promise<ModelRow[]> {
    let query = trx
      .selectFrom('organisationModels as m')
      .leftJoin('users as u', (join) => join.onRef('u.tenantId', '=', 'm.tenantId').onRef('u.id', '=', 'm.updatedBy'))
      .select([
        'm.ageGroup',
        'm.caseManagement',
        'm.placement',
        'm.benefits',
        'm.mixedTeams',
        'm.version',
        'm.updatedAt',
        'm.updatedBy',
        'u.displayName as updatedByName',
      ])
      .where('m.tenantId', '=', tenantId)
      .orderBy('m.ageGroup');
    if (options.forUpdate) query = query.forUpdate('m');
    return query.execute();
  }

  /** Inserts the rows a tenant lacks; existing rows stay as the administrator set them. */
  async ensureModels(trx: Tx, tenantId: string, defaults: Readonly<Record<AgeGroup, CareModel>>) {
    await trx
      .insertInto('organisationModels')
      .values(
        (Object.entries(defaults) as [AgeGroup, CareModel][]).map(([ageGroup, m]) => ({
          tenantId,
          ageGroup,
          caseManagement: m.caseManagement,
          placement: m.placement,
          benefits: m.benefits,
          mixedTeams: m.mixedTeams,
          updatedBy: null,
        })),
      )
      .onConflict((oc) => oc.columns(['tenantId', 'ageGroup']).doNothing())
      .execute();
  }

  /** Writes one age group's model if its version is still `expectedVersion`; whether it did. */
  async updateModel(trx: Tx, tenantId: string, ageGroup: AgeGroup, expectedVersion: number, model: CareModel, userId: string) {
    const result = await trx
      .updateTable('organisationModels')
      .set({
        caseManagement: model.caseManagement,
        placement: model.placement,
        benefits: model.benefits,
        mixedTeams: model.mixedTeams,
        updatedBy: userId,
        updatedAt: sql`now()`,
        version: sql`version + 1`,
      })
      .where('tenantId', '=', tenantId)
      .where('ageGroup', '=', ageGroup)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * Active staff who can receive routed work (case managers, placement and benefits officers), with the
   * function of their team and their load: the open cases they hold as owner, placement or benefits officer.
   */
  async staff(trx: Tx, tenantId: string): Promise<StaffCandidate[]> {
    const rows = await trx
      .selectFrom('users as u')
      .leftJoin('teams as t', (join) => join.onRef('t.tenantId', '=', 'u.tenantId').onRef('t.id', '=', 'u.teamId'))
      .select(['u.id', 'u.roles', 'u.teamId', 't.function as teamFunction'])
      .select((eb) =>
        eb
          .selectFrom('cases as c')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('c.tenantId', '=', 'u.tenantId')
          .where('c.status', 'in', OPEN_CASE_STATUSES)
          .where((w) =>
            w.or([
              w('c.caseManagerId', '=', w.ref('u.id')),
              w('c.placementOfficerId', '=', w.ref('u.id')),
              w('c.benefitsOfficerId', '=', w.ref('u.id')),
            ]),
          )
          .as('load'),
      )
      .where('u.tenantId', '=', tenantId)
      .where('u.disabled', '=', false)
      .where(sql<boolean>`u.roles && ${sql.val([...ROUTED_ROLES])}::text[]`)
      .orderBy('u.id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      roles: r.roles as Role[],
      teamId: r.teamId,
      teamFunction: (r.teamFunction as TeamFunction | null) ?? null,
      load: Number(r.load ?? 0),
    }));
  }

  /** A case as routing sees it: its people and the person's birth date (for the age group). */
  routingCase(trx: Tx, tenantId: string, caseId: string, options: { forUpdate?: boolean } = {}) {
    let query = trx
      .selectFrom('cases as c')
      .innerJoin('persons as p', (join) => join.onRef('p.tenantId', '=', 'c.tenantId').onRef('p.id', '=', 'c.personId'))
      .select(['c.id', 'c.status', 'c.caseManagerId', 'c.placementOfficerId', 'c.benefitsOfficerId', 'c.version', 'p.birthDate'])
      .where('c.tenantId', '=', tenantId)
      .where('c.id', '=', caseId);
    if (options.forUpdate) query = query.forUpdate('c');
    return query.executeTakeFirst();
  }

  /** All open cases of the tenant with what routing needs, for the bulk reassignment (oldest first). */
  openCases(trx: Tx, tenantId: string, options: { forUpdate?: boolean } = {}) {
    let query = trx
      .selectFrom('cases as c')
      .innerJoin('persons as p', (join) => join.onRef('p.tenantId', '=', 'c.tenantId').onRef('p.id', '=', 'c.personId'))
      .select([
        'c.id',
        'c.status',
        'c.caseManagerId',
        'c.placementOfficerId',
        'c.benefitsOfficerId',
        'c.version',
        'p.birthDate',
        'p.firstName',
        'p.lastName',
        'p.customerNumber',
      ])
      .where('c.tenantId', '=', tenantId)
      .where('c.status', 'in', OPEN_CASE_STATUSES)
      .orderBy('c.openedOn')
      .orderBy('c.id');
    if (options.forUpdate) query = query.forUpdate('c');
    return query.execute();
  }

  displayNames(trx: Tx, tenantId: string, ids: readonly string[]) {
    if (ids.length === 0) return Promise.resolve([] as { id: string; displayName: string }[]);
    return trx
      .selectFrom('users')
      .select(['id', 'displayName'])
      .where('tenantId', '=', tenantId)
      .where('id', 'in', [...ids])
      .execute();
  }

  /** Sets a case's people if its version is still `expectedVersion` (bulk reassignment); whether it did. */
  setCasePeople(trx: Tx, tenantId: string, caseId: string, expectedVersion: number, people: CasePeople) {
    return updateIfVersion(trx, 'cases', tenantId, caseId, expectedVersion, { ...people });
  }

  /** Sets a case's people as part of a change whose caller already bumped the version (a lifecycle transition). */
  async setCasePeopleUnversioned(trx: Tx, tenantId: string, caseId: string, people: CasePeople) {
    await trx.updateTable('cases').set(people).where('tenantId', '=', tenantId).where('id', '=', caseId).execute();
  }

  insertFollowUp(
    trx: Tx,
    row: {
      tenantId: string;
      id: string;
      caseId: string;
      title: string;
      dueOn: string;
      ownerId: string;
      kind: 'general' | 'placement' | 'benefits_notice' | 'sanction_decision' | 'expert_consultation';
      sourceId: string | null;
    },
  ) {
    return trx.insertInto('followUps').values(row).execute();
  }

  /** A history entry of a case (its owner changed by routing). */
  insertTransition(
    trx: Tx,
    row: {
      tenantId: string;
      id: string;
      caseId: string;
      actorId: string | null;
      action: 'reassign';
      fromStatus: string;
      toStatus: string;
      reason: string;
    },
  ) {
    // Written after the transition of the same transaction, so it sorts after it in the history.
    return trx
      .insertInto('caseTransitions')
      .values({ ...row, at: new Date(), indicationMet: null, indicationOverride: false })
      .execute();
  }

  /** Serialises model changes and reassignments of a tenant until the end of the transaction. */
  async lockModel(trx: Tx, tenantId: string) {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`organisation_model|${tenantId}`}, 0))`.execute(trx);
  }
}
