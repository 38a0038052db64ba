import { sql, type Updateable } from 'kysely';
import type { CasesTable, Database } from './schema';
import type { Tx } from './tenant-scope';

/** Tenant tables with optimistic versioning (a `version` and an `updated_at` column). */
export type VersionedTable = {
  [K in keyof Database]: Database[K] extends { tenantId: string; id: string; version: unknown; updatedAt: unknown } ? K : never;
}[keyof Database];

/**
 * Updates a row if its version is still `expectedVersion`, raising the version and `updated_at`;
 * returns whether it did (false: changed by someone else, or gone). The lost-update check of every PATCH.
 */
export async function updateIfVersion(
  trx: Tx,
  table: VersionedTable,
  tenantId: string,
  id: string,
  expectedVersion: number,
  changes: Record<string, unknown>,
): Promise<boolean> {
  const result = await trx
    // One table stands for all: the columns used here exist in each of them.
    .updateTable(table as 'cases')
    .set({ ...(changes as Updateable<CasesTable>), version: sql`version + 1`, updatedAt: sql`now()` })
    .where('tenantId', '=', tenantId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
