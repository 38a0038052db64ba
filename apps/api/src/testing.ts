import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase, withTenant } from '@lotse/db';
import { ROLES, type Role } from '@lotse/domain';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import type { AppConfig } from './config';
import { createTenant, createUserDirect } from './features/tenants/provisioning';

export const TEST_PASSWORD = 'richtig-langes-Passwort-1';
const FAST_ARGON2 = { memoryCost: 1024, timeCost: 1 };

export interface Session {
  cookie: string;
  csrf: string;
  userId: string;
  headers: Record<string, string>;
}

export interface TestTenant {
  id: string;
  /** The provider the tenant's provider-staff user works for. */
  providerId: string;
  /** One user per role, named `<role>@<tenant prefix>`. */
  users: Record<Role, { id: string; username: string }>;
}

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  tenantA: TestTenant;
  tenantB: TestTenant;
  login(username: string, password?: string): Promise<Session>;
  close(): Promise<void>;
}

async function seedTenant(database: TestDatabase, prefix: string): Promise<TestTenant> {
  const tenant = await createTenant(database.owner, { name: `Jobcenter ${prefix}`, carrierModel: 'gE' });
  // The provider-staff user works for this tenant's first provider (the portal is scoped by it).
  const providerId = randomUUID();
  await withTenant(database.owner, tenant.id, (trx) =>
    trx
      .insertInto('providers')
      .values({ tenantId: tenant.id, id: providerId, name: `Träger ${prefix}`, city: 'Lotsenbach' })
      .execute(),
  );
  const users = {} as TestTenant['users'];
  for (const role of ROLES) {
    const username = `${role.replaceAll('_', '-')}.${prefix}`;
    const user = await createUserDirect(
      database.owner,
      tenant.id,
      {
        username,
        displayName: `${role} ${prefix}`,
        password: TEST_PASSWORD,
        roles: [role],
        providerId: role === 'provider_staff' ? providerId : null,
      },
      FAST_ARGON2,
    );
    users[role] = { id: user.id, username };
  }
  return { id: tenant.id, providerId, users };
}

/** An app on a fresh database with two tenants and one user per role in each. */
export async function createTestApp(kind: 'pglite' | 'postgres', config: Partial<AppConfig> = {}): Promise<TestApp> {
  const database = await createTestDatabase(kind);
  const prefix = randomUUID().slice(0, 6);
  const tenantA = await seedTenant(database, `a${prefix}`);
  const tenantB = await seedTenant(database, `b${prefix}`);
  const app = await buildApp({ database, config: { logLevel: 'silent', argon2: FAST_ARGON2, ...config } });
  await app.ready();
  return {
    app,
    database,
    tenantA,
    tenantB,
    async login(username, password = TEST_PASSWORD) {
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (response.statusCode !== 200) throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
      const setCookie = String(response.headers['set-cookie']);
      const cookie = setCookie.split(';')[0] ?? '';
      const body = response.json();
      return { cookie, csrf: body.csrfToken, userId: body.user.id, headers: { cookie, 'x-csrf-token': body.csrfToken } };
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
