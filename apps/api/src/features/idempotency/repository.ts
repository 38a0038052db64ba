import type { Tx } from '@lotse/db';
import { sql } from 'kysely';

export class IdempotencyRepository {
  /**
   * Serialises requests with the same key until the end of the transaction: a retry that arrives while
   * the first request is still running waits for its commit and then finds the stored result.
   */
  async lock(trx: Tx, tenantId: string, userId: string, key: string) {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`idempotency|${tenantId}|${userId}|${key}`}, 0))`.execute(trx);
  }

  find(trx: Tx, tenantId: string, userId: string, key: string) {
    return trx
      .selectFrom('idempotencyKeys')
      .select(['requestHash', 'status', 'body'])
      .where('tenantId', '=', tenantId)
      .where('userId', '=', userId)
      .where('key', '=', key)
      .executeTakeFirst();
  }

  save(trx: Tx, row: { tenantId: string; userId: string; key: string; requestHash: string; status: number; body: unknown }) {
    return trx
      .insertInto('idempotencyKeys')
      .values({ ...row, body: JSON.stringify(row.body) })
      .execute();
  }
}
