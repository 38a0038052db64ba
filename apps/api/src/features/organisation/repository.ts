import { type PlanningRegionsTable, type TeamsTable, type Tx, updateIfVersion } from '@lotse/db';
import { type Insertable, sql } from 'kysely';

export type RegionRow = NonNullable<Awaited<ReturnType<OrganisationRepository['findRegion']>>>;
export type TeamRow = NonNullable<Awaited<ReturnType<OrganisationRepository['findTeam']>>>;
/** Which rows a list holds (`OrganisationListQuery['active']`). */
export type ActiveFilter = 'true' | 'false' | 'all';

const REGION_COLUMNS = ['id', 'name', 'postalCodes', 'active', 'version'] as const;

/** Planning regions (Sozialräume) and teams of a tenant (SPEC C12 dimensions). */
export class OrganisationRepository {
  // ——— regions ———

  /** Active regions first, then by their order and name. */
  regions(trx: Tx, tenantId: string, active: ActiveFilter = 'all') {
    let query = trx.selectFrom('planningRegions').select(REGION_COLUMNS).where('tenantId', '=', tenantId);
    if (active !== 'all') query = query.where('active', '=', active === 'true');
    return query.orderBy('active', 'desc').orderBy('sortOrder').orderBy('name').orderBy('id').execute();
  }

  findRegion(trx: Tx, tenantId: string, id: string, options: { forUpdate?: boolean } = {}) {
    let query = trx.selectFrom('planningRegions').select(REGION_COLUMNS).where('tenantId', '=', tenantId).where('id', '=', id);
    if (options.forUpdate) query = query.forUpdate();
    return query.executeTakeFirst();
  }

  /**
   * Serialises the writes of a tenant's regions until the end of the transaction: the check that a
   * postal code belongs to one region only reads all regions, so two writes must not interleave.
   */
  async lockRegions(trx: Tx, tenantId: string) {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`planning_regions|${tenantId}`}, 0))`.execute(trx);
  }

  /** Regions other than `exceptId` holding one of `postalCodes`, with the codes they hold and whether active. */
  regionsHolding(trx: Tx, tenantId: string, postalCodes: string[], exceptId?: string) {
    let query = trx
      .selectFrom('planningRegions')
      .select(['id', 'name', 'postalCodes', 'active', 'version'])
      .where('tenantId', '=', tenantId)
      .where(sql<boolean>`postal_codes && ${sql.val(postalCodes)}::text[]`);
    if (exceptId) query = query.where('id', '<>', exceptId);
    return query.orderBy('name').execute();
  }

  insertRegion(trx: Tx, row: Insertable<PlanningRegionsTable>) {
    return trx.insertInto('planningRegions').values(row).execute();
  }

  updateRegion(trx: Tx, tenantId: string, id: string, expectedVersion: number, changes: Record<string, unknown>) {
    return updateIfVersion(trx, 'planningRegions', tenantId, id, expectedVersion, changes);
  }

  // ——— teams ———

  /** Active teams first, then by name. */
  teams(trx: Tx, tenantId: string, active: ActiveFilter = 'all') {
    let query = this.teamQuery(trx, tenantId);
    if (active !== 'all') query = query.where('t.active', '=', active === 'true');
    return query.orderBy('t.active', 'desc').orderBy('t.name').orderBy('t.id').execute();
  }

  findTeam(trx: Tx, tenantId: string, id: string) {
    return this.teamQuery(trx, tenantId).where('t.id', '=', id).executeTakeFirst();
  }

  /**
   * Locks the team row for a change; its version. A user's team assignment reads the row `for share`
   * (users/repository.ts), so a deactivation and an assignment to the same team wait for each other.
   */
  lockTeam(trx: Tx, tenantId: string, id: string) {
    return trx.selectFrom('teams').select(['version']).where('tenantId', '=', tenantId).where('id', '=', id).forUpdate().executeTakeFirst();
  }

  /** Teams with the number of their active (not disabled) members. */
  private teamQuery(trx: Tx, tenantId: string) {
    return trx
      .selectFrom('teams as t')
      .select(['t.id', 't.name', 't.active', 't.function', 't.version'])
      .select((eb) =>
        eb
          .selectFrom('users as u')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('u.tenantId', '=', 't.tenantId')
          .whereRef('u.teamId', '=', 't.id')
          .where('u.disabled', '=', false)
          .as('memberCount'),
      )
      .where('t.tenantId', '=', tenantId);
  }

  insertTeam(trx: Tx, row: Insertable<TeamsTable>) {
    return trx.insertInto('teams').values(row).execute();
  }

  updateTeam(trx: Tx, tenantId: string, id: string, expectedVersion: number, changes: Record<string, unknown>) {
    return updateIfVersion(trx, 'teams', tenantId, id, expectedVersion, changes);
  }
}
