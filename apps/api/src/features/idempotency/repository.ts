import type { Tx } from '@lotse/db';

export class IdempotencyRepository {
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
