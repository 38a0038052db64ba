import type { Tx, UnmetNeedsTable } from '@lotse/db';
import { type Insertable, sql } from 'kysely';

export type UnmetNeedRow = NonNullable<Awaited<ReturnType<UnmetNeedRepository['find']>>>;

/** Unmet needs recorded in cases: a need the case manager found no fitting offer for (SPEC C12). */
export class UnmetNeedRepository {
  listOfCase(trx: Tx, tenantId: string, caseId: string) {
    return this.query(trx, tenantId)
      .where('n.caseId', '=', caseId)
      .orderBy('n.recordedOn', 'desc')
      .orderBy('n.createdAt', 'desc')
      .execute();
  }

  find(trx: Tx, tenantId: string, id: string) {
    return this.query(trx, tenantId).where('n.id', '=', id).executeTakeFirst();
  }

  /** Locks the need for a change; its case, version and state. */
  lock(trx: Tx, tenantId: string, id: string) {
    return trx
      .selectFrom('unmetNeeds')
      .select(['caseId', 'version', 'recordedOn', 'resolvedOn'])
      .where('tenantId', '=', tenantId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  }

  private query(trx: Tx, tenantId: string) {
    return trx
      .selectFrom('unmetNeeds as n')
      .innerJoin('users as u', (join) => join.onRef('u.tenantId', '=', 'n.tenantId').onRef('u.id', '=', 'n.recordedBy'))
      .select([
        'n.id',
        'n.caseId',
        'n.personId',
        'n.serviceType',
        'n.reason',
        'n.note',
        'n.recordedOn',
        'n.recordedBy',
        'u.displayName as recordedByName',
        'n.resolvedOn',
        'n.version',
      ])
      .where('n.tenantId', '=', tenantId);
  }

  insert(trx: Tx, row: Insertable<UnmetNeedsTable>) {
    return trx.insertInto('unmetNeeds').values(row).execute();
  }

  /** Marks the need resolved if its version is still `expectedVersion`; returns whether it did. */
  async resolve(trx: Tx, tenantId: string, id: string, expectedVersion: number, resolution: { resolvedOn: string; resolvedBy: string }) {
    const result = await trx
      .updateTable('unmetNeeds')
      .set({ ...resolution, version: sql`version + 1` })
      .where('tenantId', '=', tenantId)
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}
