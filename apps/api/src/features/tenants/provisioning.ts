import { randomUUID } from 'node:crypto';
import { type Database, withTenant } from '@lotse/db';
import { AppError, type CarrierModel, type Role } from '@lotse/domain';
import type { Kysely } from 'kysely';
import type { AppConfig } from '../../config';
import { isUniqueViolation } from '../../http/db-errors';
import { AuditRepository } from '../audit/repository';
import { hashPassword } from '../auth/password';
import { ensureTenantCaseDefaults } from '../catalogue/service';
import { UserRepository } from '../users/repository';
import { TenantRepository } from './repository';

/** Setting up a Jobcenter and its first users, from the command line or tests (no logged-in caller). */
export async function createTenant(db: Kysely<Database>, input: { name: string; carrierModel: CarrierModel; id?: string }) {
  const id = input.id ?? randomUUID();
  await new TenantRepository(db).insert({ id, name: input.name, carrierModel: input.carrierModel });
  await withTenant(db, id, (trx) => ensureTenantCaseDefaults(trx, id));
  return { id, name: input.name, carrierModel: input.carrierModel };
}

export async function createUserDirect(
  db: Kysely<Database>,
  tenantId: string,
  input: {
    username: string;
    displayName: string;
    password: string;
    roles: Role[];
    email?: string | null;
    id?: string;
    providerId?: string | null;
  },
  cost: AppConfig['argon2'],
) {
  const passwordHash = await hashPassword(input.password, cost);
  const id = input.id ?? randomUUID();
  const username = input.username.trim().toLowerCase();
  try {
    await withTenant(db, tenantId, async (trx) => {
      await new UserRepository().insert(trx, {
        tenantId,
        id,
        username,
        displayName: input.displayName,
        email: input.email ?? null,
        passwordHash,
        roles: input.roles,
        providerId: input.providerId ?? null,
      });
      await new AuditRepository().appendChange(trx, { tenantId, userId: null }, 'user', id, 'create', null, {
        username,
        displayName: input.displayName,
        roles: input.roles,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('DUPLICATE_USERNAME');
    throw error;
  }
  return { id, username };
}

/**
 * Gives every tenant the defaults of the case file (barrier catalogue, case rules) that it lacks:
 * tenants created before those existed get them at the next start; entries a tenant edited stay.
 */
export async function ensureCaseDefaultsForAllTenants(db: Kysely<Database>) {
  for (const tenant of await new TenantRepository(db).list()) {
    await withTenant(db, tenant.id, (trx) => ensureTenantCaseDefaults(trx, tenant.id));
  }
}

export function findTenant(db: Kysely<Database>, idOrName: string) {
  return new TenantRepository(db).findByIdOrName(idOrName);
}

export function listTenants(db: Kysely<Database>) {
  return new TenantRepository(db).list();
}
