import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './schema';

export type Tx = Transaction<Database>;

/**
 * Runs `work` in one transaction with the tenant set for row-level security. `set_config(..., true)`
 * is transaction-local, so the setting can never leak to the next user of a pooled connection.
 */
export function withTenant<T>(db: Kysely<Database>, tenantId: string, work: (trx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('app.tenant_id', ${tenantId}, true)`.execute(trx);
    return work(trx);
  });
}
