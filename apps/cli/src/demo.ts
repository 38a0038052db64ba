import { availableParallelism } from 'node:os';
import { type AppConfig, createTenant, createUserDirect, listTenants } from '@lotse/api';
import {
  type LotseDatabase,
  loadDemoCases,
  loadDemoCooperation,
  loadDemoHistory,
  loadDemoOrganisation,
  loadDemoPersons,
  loadDemoProviders,
  loadDemoSanctions,
} from '@lotse/db';
import { DEFAULT_DEMO_HISTORY_YEARS, demoTenantInfo } from '@lotse/db/demo';
import { type Role, todayInGermany } from '@lotse/domain';

/** Password of every demo account. Demo data only: never use it for real accounts. */
export const DEMO_PASSWORD = 'Lotse-Demo-2026!';

interface DemoAccount {
  username: string;
  displayName: string;
  roles: Role[];
}

/** Named like the people who use Lotse (SPEC §1); the first tenant's accounts have no prefix. */
const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'fallmanagement', displayName: 'Fallmanagerin Anna Schneider', roles: ['case_manager'] },
  { username: 'vermittlung', displayName: 'Integrationsfachkraft Deniz Kaya', roles: ['placement_officer'] },
  { username: 'leistung', displayName: 'Leistungssachbearbeiter Tom Becker', roles: ['benefits_officer'] },
  { username: 'koordination', displayName: 'Koordinatorin § 16a Petra Wolf', roles: ['coordinator'] },
  { username: 'teamleitung', displayName: 'Teamleiter Jens Hoffmann', roles: ['team_lead'] },
  { username: 'sozialplanung', displayName: 'Sozialplanerin Maria Schulz', roles: ['social_planner'] },
  { username: 'traeger', displayName: 'Träger-Mitarbeiterin Lena Vogel', roles: ['provider_staff'] },
  { username: 'datenschutz', displayName: 'Datenschutzbeauftragter Frank Braun', roles: ['data_protection'] },
  { username: 'admin', displayName: 'Administratorin Sabine Koch', roles: ['admin'] },
];

/** Further case managers, so personal contacts spread over a team. */
const MORE_CASE_MANAGERS = [
  'Jonas Weber',
  'Fatma Yıldız',
  'Claudia Richter',
  'Stefan Klein',
  'Olena Kovalenko',
  'Michael Wagner',
  'Sandra Lang',
];

/** Further placement and benefits staff, so routing by the organisation model has people to choose from. */
const MORE_STAFF: ReadonlyArray<{ base: string; displayName: string; roles: Role[] }> = [
  { base: 'vermittlung.arslan', displayName: 'Integrationsfachkraft Emre Arslan', roles: ['placement_officer'] },
  { base: 'vermittlung.berg', displayName: 'Integrationsfachkraft Julia Berg', roles: ['placement_officer'] },
  { base: 'leistung.neumann', displayName: 'Leistungssachbearbeiterin Ines Neumann', roles: ['benefits_officer'] },
  { base: 'leistung.schmitt', displayName: 'Leistungssachbearbeiter Kai Schmitt', roles: ['benefits_officer'] },
];

export interface DemoSeedOptions {
  tenants: number;
  personsPerTenant: number[];
  seed: string;
  /**
   * Calendar years of closed cases, referrals, costs and plans before the current year (default
   * {@link DEFAULT_DEMO_HISTORY_YEARS}; the benchmark uses 10; 0 leaves out the history but still makes
   * the planning regions, teams and this year's plan).
   */
  historyYears?: number;
  argon2: AppConfig['argon2'];
  onTenant?: (name: string, persons: number) => void;
  onProgress?: (loaded: number) => void;
  /** Case files loaded so far in the current tenant (after its persons). */
  onCaseProgress?: (loaded: number) => void;
  /** History cases loaded so far in the current tenant (after its current cases and cooperation). */
  onHistoryProgress?: (loaded: number) => void;
}

export interface DemoLogin {
  tenant: string;
  username: string;
  displayName: string;
  password: string;
}

function usernameFor(tenantIndex: number, base: string) {
  return tenantIndex === 0 ? base : `jc${tenantIndex + 1}.${base}`;
}

export function demoLogins(tenants: number): DemoLogin[] {
  return Array.from({ length: tenants }, (_, index) =>
    DEMO_ACCOUNTS.map((a) => ({
      tenant: demoTenantInfo(index).name,
      username: usernameFor(index, a.username),
      displayName: a.displayName,
      password: DEMO_PASSWORD,
    })),
  ).flat();
}

export async function hasTenants(database: LotseDatabase) {
  return (await listTenants(database.owner)).length > 0;
}

/**
 * Creates demo tenants with their accounts, generated persons, case files, the cooperation with
 * providers (offers, consents, referrals, feedback, case conferences) and years of history for needs
 * planning and reports (closed cases, referrals, costs, regions, teams, plans); deterministic for a seed and day.
 */
export async function seedDemo(database: LotseDatabase, options: DemoSeedOptions): Promise<DemoLogin[]> {
  const db = database.owner;
  for (let index = 0; index < options.tenants; index++) {
    const info = demoTenantInfo(index);
    const tenant = await createTenant(db, { name: info.name, carrierModel: info.carrierModel });
    const referenceDate = todayInGermany();
    // Providers first: the demo login 'traeger' works for the addiction counselling provider.
    const providers = await loadDemoProviders(db, { tenantId: tenant.id, tenantIndex: index, seed: options.seed, referenceDate });
    const contactIds: string[] = [];
    const providerStaffIds: Record<string, string> = {};
    for (const account of DEMO_ACCOUNTS) {
      const providerId = account.roles.includes('provider_staff') ? providers.portalProviderId : null;
      const user = await createUserDirect(
        db,
        tenant.id,
        {
          username: usernameFor(index, account.username),
          displayName: account.displayName,
          password: DEMO_PASSWORD,
          roles: account.roles,
          providerId,
        },
        options.argon2,
      );
      if (account.roles.includes('case_manager')) contactIds.push(user.id);
      if (providerId) providerStaffIds[providerId] = user.id;
    }
    for (const name of MORE_CASE_MANAGERS) {
      const base = `fm.${name
        .split(' ')[1]
        ?.toLowerCase()
        .normalize('NFD')
        .replace(/[^a-z]/g, '')}`;
      const user = await createUserDirect(
        db,
        tenant.id,
        { username: usernameFor(index, base), displayName: `Fallmanager/in ${name}`, password: DEMO_PASSWORD, roles: ['case_manager'] },
        options.argon2,
      );
      contactIds.push(user.id);
    }
    for (const staff of MORE_STAFF) {
      await createUserDirect(
        db,
        tenant.id,
        { username: usernameFor(index, staff.base), displayName: staff.displayName, password: DEMO_PASSWORD, roles: staff.roles },
        options.argon2,
      );
    }
    const persons = options.personsPerTenant[index] ?? options.personsPerTenant[options.personsPerTenant.length - 1] ?? 0;
    options.onTenant?.(info.name, persons);
    await loadDemoPersons(db, {
      tenantId: tenant.id,
      tenantIndex: index,
      personCount: persons,
      seed: options.seed,
      referenceDate,
      contactIds,
      onProgress: options.onProgress,
    });
    // The case managers in account order: the demo login 'fallmanagement' first, so it gets the showcase cases.
    await loadDemoCases(db, {
      tenantId: tenant.id,
      tenantIndex: index,
      seed: options.seed,
      referenceDate,
      caseManagerIds: contactIds,
      // PostgreSQL writes batches on several pooled connections (bounded by the cores); PGlite has only one.
      concurrency: database.kind === 'postgres' ? Math.min(3, availableParallelism()) : 1,
      onProgress: options.onCaseProgress,
    });
    // Consents, referrals and conferences for the cases; the other providers get a disabled staff user as actor.
    await loadDemoCooperation(db, {
      tenantId: tenant.id,
      tenantIndex: index,
      seed: options.seed,
      referenceDate,
      caseManagerIds: contactIds,
      providerStaffIds,
    });
    // Years of closed cases before the current data, planning regions, teams, yearly plans and targets.
    await loadDemoHistory(db, {
      tenantId: tenant.id,
      tenantIndex: index,
      seed: options.seed,
      referenceDate,
      historyYears: options.historyYears ?? DEFAULT_DEMO_HISTORY_YEARS,
      caseManagerIds: contactIds,
      concurrency: database.kind === 'postgres' ? Math.min(3, availableParallelism()) : 1,
      onProgress: options.onHistoryProgress,
    });
    // How this Jobcenter organises customer care (each demo tenant differently) and who serves the open cases.
    await loadDemoOrganisation(db, { tenantId: tenant.id, tenantIndex: index, referenceDate });
    // Sanctions in each period of the law, on cases open at the time.
    await loadDemoSanctions(db, { tenantId: tenant.id, referenceDate });
  }
  return demoLogins(options.tenants);
}
