import type { Database, Tx } from '@lotse/db';
import { type Kysely, sql } from 'kysely';

export interface SessionRow {
  tokenHash: string;
  tenantId: string;
  userId: string;
  roles: string[];
  displayName: string;
  csrfToken: string;
  providerId: string | null;
  lastSeenAt: Date;
  expiresAt: Date;
}

/** Sessions, the user-name directory and the login throttle are global: they are read before a tenant is known. */
export class AuthRepository {
  constructor(private readonly db: Kysely<Database>) {}

  findLogin(username: string) {
    return this.db.selectFrom('userLogins').selectAll().where('username', '=', username).executeTakeFirst();
  }

  findUserForLogin(trx: Tx, tenantId: string, userId: string) {
    return trx
      .selectFrom('users')
      .innerJoin('tenants', 'tenants.id', 'users.tenantId')
      .select([
        'users.id',
        'users.username',
        'users.displayName',
        'users.passwordHash',
        'users.roles',
        'users.disabled',
        'users.providerId',
      ])
      .select(['tenants.name as tenantName', 'tenants.carrierModel'])
      .where('users.tenantId', '=', tenantId)
      .where('users.id', '=', userId)
      .executeTakeFirst();
  }

  findTenant(tenantId: string) {
    return this.db.selectFrom('tenants').selectAll().where('id', '=', tenantId).executeTakeFirst();
  }

  createSession(row: Omit<SessionRow, 'lastSeenAt'>) {
    return this.db
      .insertInto('sessions')
      .values({ ...row, lastSeenAt: new Date() })
      .execute();
  }

  findSession(tokenHash: string): Promise<SessionRow | undefined> {
    return this.db
      .selectFrom('sessions')
      .select(['tokenHash', 'tenantId', 'userId', 'roles', 'displayName', 'csrfToken', 'providerId', 'lastSeenAt', 'expiresAt'])
      .where('tokenHash', '=', tokenHash)
      .executeTakeFirst();
  }

  touchSession(tokenHash: string) {
    return this.db.updateTable('sessions').set({ lastSeenAt: new Date() }).where('tokenHash', '=', tokenHash).execute();
  }

  deleteSession(tokenHash: string) {
    return this.db.deleteFrom('sessions').where('tokenHash', '=', tokenHash).execute();
  }

  deleteExpiredSessions(idleCutoff: Date) {
    return this.db
      .deleteFrom('sessions')
      .where((eb) => eb.or([eb('expiresAt', '<', new Date()), eb('lastSeenAt', '<', idleCutoff)]))
      .execute();
  }

  /** Locks still running for any of the keys, latest first. */
  async activeLock(keys: string[]): Promise<Date | undefined> {
    const row = await this.db
      .selectFrom('loginThrottle')
      .select((eb) => eb.fn.max('lockedUntil').as('until'))
      .where('key', 'in', keys)
      .where('lockedUntil', '>', new Date())
      .executeTakeFirst();
    return row?.until ? new Date(row.until as Date) : undefined;
  }

  /**
   * Counts a failed login for a key within a sliding window and returns the new count.
   * One statement, so parallel failures cannot lose a count.
   */
  async recordFailure(key: string, windowSeconds: number): Promise<number> {
    const { rows } = await sql<{ failures: number }>`
      insert into login_throttle (key, failures, window_started_at) values (${key}, 1, now())
      on conflict (key) do update set
        failures = case when login_throttle.window_started_at < now() - make_interval(secs => ${windowSeconds})
                        then 1 else login_throttle.failures + 1 end,
        window_started_at = case when login_throttle.window_started_at < now() - make_interval(secs => ${windowSeconds})
                        then now() else login_throttle.window_started_at end
      returning failures`.execute(this.db);
    return rows[0]?.failures ?? 1;
  }

  lock(key: string, until: Date) {
    return this.db.updateTable('loginThrottle').set({ lockedUntil: until }).where('key', '=', key).execute();
  }

  clearFailures(key: string) {
    return this.db.deleteFrom('loginThrottle').where('key', '=', key).execute();
  }
}
