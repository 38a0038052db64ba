import { randomUUID } from 'node:crypto';
import type { CreateUserRequest, UpdateUserRequest, User } from '@lotse/contracts';
import { type Database, type Tx, withTenant } from '@lotse/db';
import { AppError, fieldError, type Role } from '@lotse/domain';
import type { Kysely } from 'kysely';
import type { AppConfig } from '../../config';
import type { AuthContext } from '../../http/access';
import { isUniqueViolation } from '../../http/db-errors';
import { AuditRepository } from '../audit/repository';
import { hashPassword } from '../auth/password';
import { type Created, once } from '../idempotency/idempotency';
import { UserRepository } from './repository';

const audit = new AuditRepository();

type UserRow = NonNullable<Awaited<ReturnType<UserRepository['find']>>>;

/**
 * Provider staff work for exactly one provider; no one else belongs to a provider (the portal scopes
 * everything by it). The provider must exist in this tenant.
 */
async function checkProvider(repo: UserRepository, trx: Tx, tenantId: string, roles: readonly string[], providerId: string | null) {
  const isProviderStaff = roles.includes('provider_staff');
  if (isProviderStaff && !providerId)
    throw new AppError('PROVIDER_REQUIRED', { fields: [{ field: 'providerId', code: 'required', message: 'Bitte den Träger angeben.' }] });
  if (!isProviderStaff && providerId) {
    throw fieldError('providerId', 'not_allowed', 'Nur Mitarbeitende eines Trägers gehören zu einem Träger.');
  }
  if (providerId && !(await repo.providerExists(trx, tenantId, providerId))) {
    throw fieldError('providerId', 'unknown', 'Diesen Träger gibt es nicht.');
  }
}

/**
 * The team must be one of this tenant's (422 UNKNOWN_TEAM on the field `teamId`) and active (422
 * TEAM_INACTIVE); a user keeps a deactivated team they are in (`currentTeamId`) until it is changed.
 */
async function checkTeam(
  repo: UserRepository,
  trx: Tx,
  tenantId: string,
  teamId: string | null | undefined,
  currentTeamId: string | null = null,
) {
  if (!teamId || teamId === currentTeamId) return;
  const team = await repo.teamForAssignment(trx, tenantId, teamId);
  if (!team) {
    throw new AppError('UNKNOWN_TEAM', {
      fields: [{ field: 'teamId', code: 'unknown', message: 'Dieses Team gibt es in diesem Jobcenter nicht.' }],
    });
  }
  if (!team.active) {
    throw new AppError('TEAM_INACTIVE', {
      fields: [
        {
          field: 'teamId',
          code: 'inactive',
          message: `Das Team „${team.name}“ ist deaktiviert und kann niemandem mehr zugeordnet werden.`,
        },
      ],
    });
  }
}

function toUser(row: UserRow): User {
  return { ...row, roles: row.roles as Role[], createdAt: row.createdAt.toISOString() };
}

/** The change log never holds a password hash. */
function snapshot(user: User) {
  const { createdAt: _c, ...rest } = user;
  return rest;
}

export class UserService {
  private readonly repo = new UserRepository();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly config: AppConfig,
  ) {}

  list(auth: AuthContext) {
    return withTenant(this.db, auth.tenantId, async (trx) => (await this.repo.list(trx, auth.tenantId)).map(toUser));
  }

  get(auth: AuthContext, id: string) {
    return withTenant(this.db, auth.tenantId, (trx) => this.load(trx, auth.tenantId, id));
  }

  async create(auth: AuthContext, input: CreateUserRequest, idempotencyKey: string | undefined): Promise<Created<User>> {
    // Hash outside the transaction: argon2 is slow on purpose and must not hold a connection.
    const passwordHash = await hashPassword(input.password, this.config.argon2);
    const { password: _p, ...bodyWithoutPassword } = input;
    try {
      return await withTenant(this.db, auth.tenantId, (trx) =>
        once(
          trx,
          { tenantId: auth.tenantId, userId: auth.userId, key: idempotencyKey, route: 'POST /api/users', body: bodyWithoutPassword },
          async () => {
            const id = randomUUID();
            await checkProvider(this.repo, trx, auth.tenantId, input.roles, input.providerId ?? null);
            await checkTeam(this.repo, trx, auth.tenantId, input.teamId);
            await this.repo.insert(trx, {
              tenantId: auth.tenantId,
              id,
              username: input.username.toLowerCase(),
              displayName: input.displayName,
              email: input.email ?? null,
              passwordHash,
              roles: [...new Set(input.roles)],
              providerId: input.providerId ?? null,
              teamId: input.teamId ?? null,
            });
            const user = await this.load(trx, auth.tenantId, id);
            await audit.appendChange(trx, auth, 'user', id, 'create', null, snapshot(user));
            return user;
          },
        ),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'user_logins_pkey') || isUniqueViolation(error, 'users_tenant_id_username_key')) {
        throw new AppError('DUPLICATE_USERNAME');
      }
      throw error;
    }
  }

  async update(auth: AuthContext, id: string, expectedVersion: number, input: UpdateUserRequest): Promise<User> {
    if (id === auth.userId && input.disabled === true) throw new AppError('CANNOT_DISABLE_SELF');
    // Otherwise a Jobcenter could end up without anyone able to manage users.
    if (id === auth.userId && input.roles && !input.roles.includes('admin')) throw new AppError('CANNOT_REMOVE_OWN_ADMIN');
    const passwordHash = input.password ? await hashPassword(input.password, this.config.argon2) : undefined;
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const current = await this.repo.find(trx, auth.tenantId, id, { forUpdate: true });
      if (!current) throw new AppError('NOT_FOUND');
      if (current.version !== expectedVersion) throw new AppError('PRECONDITION_FAILED');
      const before = toUser(current);
      const providerId = input.providerId !== undefined ? input.providerId : current.providerId;
      await checkProvider(this.repo, trx, auth.tenantId, input.roles ?? current.roles, providerId);
      await checkTeam(this.repo, trx, auth.tenantId, input.teamId, current.teamId);
      const { password: _p, roles, ...rest } = input;
      const changes = { ...rest, ...(roles ? { roles: [...new Set(roles)] } : {}), ...(passwordHash ? { passwordHash } : {}) };
      if (!(await this.repo.update(trx, auth.tenantId, id, expectedVersion, changes))) throw new AppError('PRECONDITION_FAILED');
      // Sessions carry the roles and provider of their login: a disabled account, new roles, another provider or a new password end them.
      const providerChanged = input.providerId !== undefined && input.providerId !== current.providerId;
      if (input.disabled === true || roles || passwordHash || providerChanged) await this.repo.endSessions(trx, auth.tenantId, id);
      const after = await this.load(trx, auth.tenantId, id);
      await audit.appendChange(trx, auth, 'user', id, 'update', snapshot(before), {
        ...snapshot(after),
        passwordChanged: Boolean(passwordHash),
      });
      return after;
    });
  }

  private async load(trx: Tx, tenantId: string, id: string) {
    const row = await this.repo.find(trx, tenantId, id);
    if (!row) throw new AppError('NOT_FOUND');
    return toUser(row);
  }
}
