import type { Tx, UsersTable } from '@lotse/db';
import { sql, type Updateable } from 'kysely';

const USER_COLUMNS = [
  'u.id',
  'u.username',
  'u.displayName',
  'u.email',
  'u.roles',
  'u.providerId',
  'u.teamId',
  't.name as teamName',
  'u.disabled',
  'u.version',
  'u.createdAt',
] as const;

export class UserRepository {
  list(trx: Tx, tenantId: string) {
    return this.query(trx, tenantId).orderBy('u.username').execute();
  }

  find(trx: Tx, tenantId: string, id: string, options: { forUpdate?: boolean } = {}) {
    let query = this.query(trx, tenantId).where('u.id', '=', id);
    // Locks the user row only (the team is read, not changed).
    if (options.forUpdate) query = query.forUpdate('u');
    return query.executeTakeFirst();
  }

  /** Users with the name of their team. */
  private query(trx: Tx, tenantId: string) {
    return trx
      .selectFrom('users as u')
      .leftJoin('teams as t', (join) => join.onRef('t.tenantId', '=', 'u.tenantId').onRef('t.id', '=', 'u.teamId'))
      .select(USER_COLUMNS)
      .where('u.tenantId', '=', tenantId);
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
      teamId?: string | null;
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

  /**
   * The team a user is to be put into, read `for share`: a deactivation of the team (which locks it
   * `for update` and then counts the active members) waits until this assignment is committed, or the
   * assignment sees the team deactivated.
   */
  teamForAssignment(trx: Tx, tenantId: string, teamId: string) {
    return trx
      .selectFrom('teams')
      .select(['name', 'active'])
      .where('tenantId', '=', tenantId)
      .where('id', '=', teamId)
      .forShare()
      .executeTakeFirst();
  }
}
