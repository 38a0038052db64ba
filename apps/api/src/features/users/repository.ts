import type { Tx, UsersTable } from '@lotse/db';
import { sql, type Updateable } from 'kysely';

const USER_COLUMNS = ['id', 'username', 'displayName', 'email', 'roles', 'providerId', 'disabled', 'version', 'createdAt'] as const;

export class UserRepository {
  list(trx: Tx, tenantId: string) {
    return trx.selectFrom('users').select(USER_COLUMNS).where('tenantId', '=', tenantId).orderBy('username').execute();
  }

  find(trx: Tx, tenantId: string, id: string, options: { forUpdate?: boolean } = {}) {
    let query = trx.selectFrom('users').select(USER_COLUMNS).where('tenantId', '=', tenantId).where('id', '=', id);
    if (options.forUpdate) query = query.forUpdate();
    return query.executeTakeFirst();
  }

  async insert(
    trx: Tx,
    row: {
      tenantId: string;
      id: string;
      username: string;
      displayName: string;
      email: string | null;
      passwordHash: string;
      roles: string[];
      providerId: string | null;
    },
  ) {
    await trx.insertInto('users').values(row).execute();
    await trx.insertInto('userLogins').values({ username: row.username, tenantId: row.tenantId, userId: row.id }).execute();
  }

  async update(trx: Tx, tenantId: string, id: string, expectedVersion: number, changes: Updateable<UsersTable>) {
    const result = await trx
      .updateTable('users')
      .set({ ...changes, version: sql`version + 1`, updatedAt: sql`now()` })
      .where('tenantId', '=', tenantId)
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  endSessions(trx: Tx, tenantId: string, userId: string) {
    return trx.deleteFrom('sessions').where('tenantId', '=', tenantId).where('userId', '=', userId).execute();
  }

  providerExists(trx: Tx, tenantId: string, providerId: string) {
    return trx
      .selectFrom('providers')
      .select('id')
      .where('tenantId', '=', tenantId)
      .where('id', '=', providerId)
      .executeTakeFirst()
      .then(Boolean);
  }
}
