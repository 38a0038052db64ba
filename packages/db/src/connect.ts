import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { CamelCasePlugin, Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from './migrate';
import { acquireDataDirLock } from './pglite-lock';
import type { Database } from './schema';

export type DatabaseKind = 'postgres' | 'pglite';

export interface LotseDatabase {
  kind: DatabaseKind;
  /** Connection for the application: on PostgreSQL the non-owner role `lotse_app`, subject to RLS. */
  db: Kysely<Database>;
  /** Connection as the tables' owner, for migrations, bulk loading and maintenance only. */
  owner: Kysely<Database>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL URL of the owner role. Without it the embedded PGlite is used. */
  databaseUrl?: string;
  /** PostgreSQL URL of the app role; derived from databaseUrl with user `lotse_app` when absent. */
  appDatabaseUrl?: string;
  appPassword?: string;
  /** PGlite data directory, or `memory://` for a throw-away database. */
  dataDir?: string;
  poolSize?: number;
  migrate?: boolean;
}

const INT8_OID = 20;
const DATE_OID = 1082;
const NUMERIC_OID = 1700;

/**
 * Both backends return the same JS types: int8 as number (our counters stay far below 2^53),
 * date as the ISO string (a JS Date would shift it by the time zone), numeric as string.
 */
const parseInt8 = (value: string) => Number.parseInt(value, 10);
const keepString = (value: string) => value;
pg.types.setTypeParser(INT8_OID, parseInt8);
pg.types.setTypeParser(DATE_OID, keepString);
pg.types.setTypeParser(NUMERIC_OID, keepString);

const PGLITE_PARSERS = { [pgliteTypes.INT8]: parseInt8, [pgliteTypes.DATE]: keepString, [pgliteTypes.NUMERIC]: keepString };

export const DEFAULT_APP_PASSWORD = 'lotse_app_dev_only';

export function createDatabaseFromEnv(env: NodeJS.ProcessEnv = process.env, overrides: Partial<DatabaseOptions> = {}) {
  return createDatabase({
    databaseUrl: env.DATABASE_URL || undefined,
    appDatabaseUrl: env.DATABASE_APP_URL || undefined,
    appPassword: env.LOTSE_DB_APP_PASSWORD || undefined,
    dataDir: env.LOTSE_DATA_DIR || undefined,
    poolSize: env.LOTSE_DB_POOL_SIZE ? Number(env.LOTSE_DB_POOL_SIZE) : undefined,
    ...overrides,
  });
}

export async function createDatabase(options: DatabaseOptions = {}): Promise<LotseDatabase> {
  return options.databaseUrl ? connectPostgres(options as DatabaseOptions & { databaseUrl: string }) : connectPglite(options);
}

/**
 * An idle pooled connection that the server ends (restart, admin command) is dropped by the pool and
 * replaced on the next query; without a listener node-postgres would crash the process instead.
 */
function ignoreIdleClientError(error: Error) {
  if ((error as { code?: string }).code !== '57P01') process.stderr.write(`PostgreSQL-Verbindung getrennt: ${error.message}\n`);
}

async function connectPostgres(options: DatabaseOptions & { databaseUrl: string }): Promise<LotseDatabase> {
  const ownerPool = new pg.Pool({ connectionString: options.databaseUrl, max: 4 });
  ownerPool.on('error', ignoreIdleClientError);
  const owner = new Kysely<Database>({ dialect: new PostgresDialect({ pool: ownerPool }), plugins: [new CamelCasePlugin()] });
  try {
    if (options.migrate !== false) await migrateToLatest(owner);
    let appUrl = options.appDatabaseUrl;
    if (!appUrl) {
      const password = options.appPassword ?? DEFAULT_APP_PASSWORD;
      const url = new URL(options.databaseUrl);
      url.username = 'lotse_app';
      url.password = password;
      appUrl = url.toString();
      if (!(await canConnect(appUrl))) await setAppRolePassword(owner, password);
    }
    const appPool = new pg.Pool({ connectionString: appUrl, max: options.poolSize ?? 20 });
    appPool.on('error', ignoreIdleClientError);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: appPool }), plugins: [new CamelCasePlugin()] });
    await sql`select 1`.execute(db);
    return {
      kind: 'postgres',
      db,
      owner,
      async close() {
        await db.destroy();
        await owner.destroy();
      },
    };
  } catch (error) {
    await owner.destroy();
    throw error;
  }
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Only the owner can set the app role's password; a missing privilege surfaces as a clear error here.
 * The role is shared by all databases of the server, so parallel starts may collide ("tuple
 * concurrently updated"): retried.
 */
async function setAppRolePassword(owner: Kysely<Database>, password: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      await sql`alter role lotse_app with login password ${sql.lit(password)}`.execute(owner);
      return;
    } catch (error) {
      if (attempt >= 5 || !/concurrently/.test(String((error as Error).message))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

async function openPglite(dataDir: string): Promise<PGlite> {
  const pglite = new PGlite(dataDir, { parsers: PGLITE_PARSERS });
  await pglite.waitReady;
  return pglite;
}

async function connectPglite(options: DatabaseOptions): Promise<LotseDatabase> {
  const dataDir = options.dataDir === 'memory://' ? 'memory://' : resolve(options.dataDir ?? './data/pglite');
  let releaseLock = () => {};
  if (dataDir !== 'memory://') {
    mkdirSync(dirname(dataDir), { recursive: true });
    releaseLock = acquireDataDirLock(dataDir);
  }
  let pglite: PGlite | undefined;
  try {
    if (dataDir !== 'memory://' && !existsSync(dataDir)) {
      // A first initialisation that is interrupted leaves a broken directory: build it aside, then rename.
      const staging = `${dataDir}.init-${process.pid}`;
      rmSync(staging, { recursive: true, force: true });
      const fresh = await openPglite(staging);
      await fresh.close();
      renameSync(staging, dataDir);
    }
    pglite = await openPglite(dataDir);
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }), plugins: [new CamelCasePlugin()] });
    if (options.migrate !== false) await migrateToLatest(db);
    // PGlite runs as superuser, which bypasses RLS; acting as the app role makes the second wall hold here too.
    await sql`set role lotse_app`.execute(db);
    const instance = pglite;
    let closed = false;
    return {
      kind: 'pglite',
      db,
      // PGlite has a single connection, so owner and app share it (as the app role, see above).
      owner: db,
      async close() {
        if (closed) return;
        closed = true;
        try {
          await db.destroy();
          if (!instance.closed) await instance.close();
        } finally {
          releaseLock();
        }
      },
    };
  } catch (error) {
    if (pglite && !pglite.closed) await pglite.close();
    releaseLock();
    throw error;
  }
}
