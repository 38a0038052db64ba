import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { type Database, withTenant } from '@lotse/db';
import { AppError, type Role } from '@lotse/domain';
import type { Kysely } from 'kysely';
import type { AppConfig } from '../../config';
import type { AuthContext } from '../../http/access';
import { burnVerification, verifyPassword } from './password';
import { AuthRepository } from './repository';

export const SESSION_COOKIE = '__Host-lotse_session';
const THROTTLE_WINDOW_SECONDS = 15 * 60;
/** Failures from one client address over all user names before that address is slowed down. */
const ADDRESS_MAX_FAILURES = 50;
const TOUCH_INTERVAL_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface LoginResult {
  token: string;
  session: SessionView;
}

export interface SessionView {
  user: { id: string; username: string; displayName: string; roles: Role[]; providerId: string | null };
  tenant: { id: string; name: string; carrierModel: 'gE' | 'zkT' };
  csrfToken: string;
  expiresAt: string;
}

export class AuthService {
  private readonly repo: AuthRepository;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly config: AppConfig,
  ) {
    this.repo = new AuthRepository(db);
  }

  /**
   * Throttling is keyed by user name + client address, so a stranger elsewhere cannot lock a colleague
   * out; the lock grows from 30 s and is capped (config.loginMaxLockSeconds). Each address also has a
   * generous limit over all user names against password spraying.
   */
  async login(usernameInput: string, password: string, clientAddress: string): Promise<LoginResult> {
    const username = usernameInput.trim().toLowerCase();
    const userKey = `user:${username}|addr:${clientAddress}`;
    const addressKey = `addr:${clientAddress}`;
    const lockedUntil = await this.repo.activeLock([userKey, addressKey]);
    if (lockedUntil) throw this.tooManyAttempts(lockedUntil);

    const login = await this.repo.findLogin(username);
    const user = login
      ? await withTenant(this.db, login.tenantId, (trx) => this.repo.findUserForLogin(trx, login.tenantId, login.userId))
      : undefined;
    let valid = false;
    if (user) valid = await verifyPassword(user.passwordHash, password);
    else await burnVerification(password, this.config.argon2);

    if (!user || !login || !valid) {
      const [userFailures, addressFailures] = [
        await this.repo.recordFailure(userKey, THROTTLE_WINDOW_SECONDS),
        await this.repo.recordFailure(addressKey, THROTTLE_WINDOW_SECONDS),
      ];
      if (userFailures >= this.config.loginMaxFailures) {
        const seconds = Math.min(30 * 2 ** (userFailures - this.config.loginMaxFailures), this.config.loginMaxLockSeconds);
        const until = new Date(Date.now() + seconds * 1000);
        await this.repo.lock(userKey, until);
        throw this.tooManyAttempts(until);
      }
      if (addressFailures >= ADDRESS_MAX_FAILURES) {
        const until = new Date(Date.now() + this.config.loginMaxLockSeconds * 1000);
        await this.repo.lock(addressKey, until);
        throw this.tooManyAttempts(until);
      }
      throw new AppError('INVALID_CREDENTIALS');
    }
    if (user.disabled) throw new AppError('ACCOUNT_DISABLED');
    await this.repo.clearFailures(userKey);
    // Sessions that ended by timeout are otherwise only removed when their cookie comes back.
    await this.repo.deleteExpiredSessions(new Date(Date.now() - this.config.sessionIdleMinutes * 60_000));

    // A fresh random token at every login: a session id planted before login is worthless.
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.sessionAbsoluteHours * 3_600_000);
    await this.repo.createSession({
      tokenHash: hashToken(token),
      tenantId: login.tenantId,
      userId: user.id,
      roles: user.roles,
      displayName: user.displayName,
      csrfToken,
      providerId: user.providerId,
      expiresAt,
    });
    return {
      token,
      session: {
        user: {
          id: user.id,
          username: user.username,
          displayName: user.displayName,
          roles: user.roles as Role[],
          providerId: user.providerId,
        },
        tenant: { id: login.tenantId, name: user.tenantName, carrierModel: user.carrierModel },
        csrfToken,
        expiresAt: expiresAt.toISOString(),
      },
    };
  }

  private tooManyAttempts(until: Date): AppError {
    const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
    return new AppError('TOO_MANY_LOGIN_ATTEMPTS', {
      headers: { 'Retry-After': String(seconds) },
      detail: {
        de: `Bitte warten Sie ${seconds} Sekunden, bevor Sie es erneut versuchen.`,
        en: `Please wait ${seconds} seconds before trying again.`,
      },
    });
  }

  /** The caller behind a session cookie, or an error if there is none or it has ended. */
  async authenticate(token: string | undefined): Promise<AuthContext> {
    if (!token) throw new AppError('UNAUTHENTICATED');
    const tokenHash = hashToken(token);
    const session = await this.repo.findSession(tokenHash);
    if (!session) throw new AppError('UNAUTHENTICATED');
    const now = Date.now();
    const idleLimit = session.lastSeenAt.getTime() + this.config.sessionIdleMinutes * 60_000;
    if (session.expiresAt.getTime() <= now || idleLimit <= now) {
      await this.repo.deleteSession(tokenHash);
      throw new AppError('SESSION_EXPIRED');
    }
    if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) await this.repo.touchSession(tokenHash);
    return {
      tenantId: session.tenantId,
      userId: session.userId,
      roles: session.roles as Role[],
      displayName: session.displayName,
      csrfToken: session.csrfToken,
      providerId: session.providerId,
      tokenHash,
    };
  }

  checkCsrf(auth: AuthContext, header: string | string[] | undefined) {
    if (typeof header !== 'string' || !safeEqual(header, auth.csrfToken)) throw new AppError('CSRF_INVALID');
  }

  async sessionView(auth: AuthContext): Promise<SessionView> {
    const [session, tenant] = await Promise.all([this.repo.findSession(auth.tokenHash), this.repo.findTenant(auth.tenantId)]);
    if (!session || !tenant) throw new AppError('UNAUTHENTICATED');
    const user = await withTenant(this.db, auth.tenantId, (trx) => this.repo.findUserForLogin(trx, auth.tenantId, auth.userId));
    if (!user) throw new AppError('UNAUTHENTICATED');
    return {
      user: {
        id: user.id,
        username: user.username,
        displayName: session.displayName,
        roles: session.roles as Role[],
        providerId: session.providerId,
      },
      tenant: { id: tenant.id, name: tenant.name, carrierModel: tenant.carrierModel },
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt.toISOString(),
    };
  }

  logout(auth: AuthContext) {
    return this.repo.deleteSession(auth.tokenHash);
  }
}
