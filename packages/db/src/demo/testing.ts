import { randomUUID } from 'node:crypto';
import { DEFAULT_BARRIER_CATALOGUE } from '@lotse/domain';
import type { DatabaseKind } from '../connect';
import { withTenant } from '../tenant-scope';
import { createTestDatabase, type TestDatabase } from '../testing';
import type { DemoCaseAgreementRule } from './cases';

/** "Today" and the seed of the demo tests. */
export const REFERENCE_DATE = '2026-11-21';
export const SEED = 'lotse-test';

/** The rows of `agreement_rules` as the migration seeds them. */
export const AGREEMENT_RULES: DemoCaseAgreementRule[] = [
  {
    id: '6f1d7a52-0c8e-4a5b-9c11-3a0d2e7b1001',
    code: 'egv_sgb2_2005',
    validFrom: '2005-01-01',
    validTo: '2023-06-30',
    agreedKind: 'egv',
    fallbackKind: 'verwaltungsakt',
    reviewWithinMonths: 6,
  },
  {
    id: '6f1d7a52-0c8e-4a5b-9c11-3a0d2e7b1002',
    code: 'kooperationsplan_2023',
    validFrom: '2023-07-01',
    validTo: '2026-06-30',
    agreedKind: 'kooperationsplan',
    fallbackKind: null,
    reviewWithinMonths: 6,
  },
  {
    id: '6f1d7a52-0c8e-4a5b-9c11-3a0d2e7b1003',
    code: 'grundsicherung_2026',
    validFrom: '2026-07-01',
    validTo: null,
    agreedKind: 'kooperationsplan',
    fallbackKind: 'verwaltungsakt',
    reviewWithinMonths: 6,
  },
];

export interface DemoTestUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
}

/**
 * For the loader tests: a fresh database with one tenant as the demo loaders expect it, with its case
 * rules, the default barrier catalogue and the given users (no password that logs in).
 */
export async function createDemoTestDatabase(kind: DatabaseKind, tenantId: string, users: readonly DemoTestUser[]): Promise<TestDatabase> {
  const database = await createTestDatabase(kind);
  const db = database.owner;
  await db.insertInto('tenants').values({ id: tenantId, name: 'Jobcenter Demo', carrierModel: 'gE' }).execute();
  await withTenant(db, tenantId, async (trx) => {
    await trx.insertInto('tenantCaseRules').values({ tenantId }).execute();
    await trx
      .insertInto('barrierTypes')
      .values(
        DEFAULT_BARRIER_CATALOGUE.map((entry) => ({
          tenantId,
          id: randomUUID(),
          code: entry.code,
          phase: entry.phase,
          label: entry.label,
          description: entry.description,
          specialCategory: entry.specialCategory,
          serviceTypes: [...entry.serviceTypes],
          sortOrder: entry.sortOrder,
        })),
      )
      .execute();
    await trx
      .insertInto('users')
      .values(users.map((user) => ({ tenantId, ...user, email: null, passwordHash: 'x' })))
      .execute();
  });
  return database;
}
