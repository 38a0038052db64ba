import type { BarrierTypesTable, Tx } from '@lotse/db';
import type { DefaultBarrierType } from '@lotse/domain';
import { type Insertable, sql } from 'kysely';

export class CatalogueRepository {
  barrierTypes(trx: Tx, tenantId: string) {
    return trx
      .selectFrom('barrierTypes')
      .select(['id', 'code', 'phase', 'label', 'description', 'specialCategory', 'serviceTypes', 'active', 'sortOrder', 'version'])
      .where('tenantId', '=', tenantId)
      .orderBy('sortOrder')
      .orderBy('label')
      .execute();
  }

  findBarrierType(trx: Tx, tenantId: string, id: string, options: { forUpdate?: boolean } = {}) {
    let query = trx
      .selectFrom('barrierTypes')
      .select(['id', 'code', 'phase', 'label', 'description', 'specialCategory', 'serviceTypes', 'active', 'sortOrder', 'version'])
      .where('tenantId', '=', tenantId)
      .where('id', '=', id);
    if (options.forUpdate) query = query.forUpdate();
    return query.executeTakeFirst();
  }

  insertBarrierType(trx: Tx, row: Insertable<BarrierTypesTable>) {
    return trx.insertInto('barrierTypes').values(row).execute();
  }

  async updateBarrierType(trx: Tx, tenantId: string, id: string, expectedVersion: number, changes: Record<string, unknown>) {
    const result = await trx
      .updateTable('barrierTypes')
      .set({ ...changes, version: sql`version + 1`, updatedAt: sql`now()` })
      .where('tenantId', '=', tenantId)
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  caseRules(trx: Tx, tenantId: string) {
    return trx.selectFrom('tenantCaseRules').selectAll().where('tenantId', '=', tenantId).executeTakeFirst();
  }

  async updateCaseRules(trx: Tx, tenantId: string, expectedVersion: number, changes: Record<string, unknown>) {
    const result = await trx
      .updateTable('tenantCaseRules')
      .set({ ...changes, version: sql`version + 1`, updatedAt: sql`now()` })
      .where('tenantId', '=', tenantId)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Gives a tenant its default rules and catalogue; rows that already exist are kept as the tenant edited them. */
  async ensureDefaults(trx: Tx, tenantId: string, catalogue: readonly DefaultBarrierType[], newId: () => string) {
    await trx
      .insertInto('tenantCaseRules')
      .values({ tenantId })
      .onConflict((oc) => oc.doNothing())
      .execute();
    if (catalogue.length === 0) return;
    await trx
      .insertInto('barrierTypes')
      .values(
        catalogue.map((entry) => ({
          tenantId,
          id: newId(),
          code: entry.code,
          phase: entry.phase,
          label: entry.label,
          description: entry.description,
          specialCategory: entry.specialCategory,
          serviceTypes: [...entry.serviceTypes],
          sortOrder: entry.sortOrder,
        })),
      )
      .onConflict((oc) => oc.columns(['tenantId', 'code']).doNothing())
      .execute();
  }
}
