import type { Tx } from '@lotse/db';
import { sql } from 'kysely';

export type MemberRole = 'applicant' | 'partner' | 'child' | 'other';

export class HouseholdRepository {
  find(trx: Tx, tenantId: string, id: string, options: { forUpdate?: boolean } = {}) {
    let query = trx.selectFrom('households').selectAll().where('tenantId', '=', tenantId).where('id', '=', id);
    if (options.forUpdate) query = query.forUpdate();
    return query.executeTakeFirst();
  }

  members(trx: Tx, tenantId: string, householdId: string) {
    return trx
      .selectFrom('householdMembers as m')
      .innerJoin('persons as p', (join) => join.onRef('p.tenantId', '=', 'm.tenantId').onRef('p.id', '=', 'm.personId'))
      .select(['m.personId', 'm.role', 'p.customerNumber', 'p.firstName', 'p.lastName', 'p.birthDate'])
      .where('m.tenantId', '=', tenantId)
      .where('m.householdId', '=', householdId)
      .orderBy(sql`case m.role when 'applicant' then 0 when 'partner' then 1 when 'child' then 2 else 3 end`)
      .orderBy('p.birthDate')
      .execute();
  }

  /** Members of the given persons that belong to a household other than `exceptHouseholdId`. */
  membershipsElsewhere(trx: Tx, tenantId: string, personIds: string[], exceptHouseholdId: string | null) {
    let query = trx
      .selectFrom('householdMembers')
      .select(['personId', 'householdId'])
      .where('tenantId', '=', tenantId)
      .where('personId', 'in', personIds);
    if (exceptHouseholdId) query = query.where('householdId', '<>', exceptHouseholdId);
    return query.execute();
  }

  insert(trx: Tx, row: { tenantId: string; id: string; number: string }) {
    return trx.insertInto('households').values(row).execute();
  }

  async bumpVersion(trx: Tx, tenantId: string, id: string, expectedVersion: number, number?: string) {
    const result = await trx
      .updateTable('households')
      .set({ ...(number ? { number } : {}), version: sql`version + 1`, updatedAt: sql`now()` })
      .where('tenantId', '=', tenantId)
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async replaceMembers(trx: Tx, tenantId: string, householdId: string, members: { personId: string; role: MemberRole }[]) {
    await trx.deleteFrom('householdMembers').where('tenantId', '=', tenantId).where('householdId', '=', householdId).execute();
    if (members.length === 0) return;
    await trx
      .insertInto('householdMembers')
      .values(members.map((m) => ({ tenantId, householdId, personId: m.personId, role: m.role })))
      .execute();
  }
}
