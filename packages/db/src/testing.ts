import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, type DatabaseKind, type LotseDatabase } from './connect';

/** Database tests run on both backends; PostgreSQL is never skipped (CI fails if it is down). */
export const TEST_BACKENDS: DatabaseKind[] = ['pglite', 'postgres'];

export const TEST_ADMIN_URL = process.env.LOTSE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase extends LotseDatabase {
  /** Owner URL of the throw-away PostgreSQL database (undefined on PGlite). */
  url?: string;
}

/** A fresh, migrated database: in-memory PGlite, or a new PostgreSQL database dropped on close. */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') return createDatabase({ dataDir: 'memory://' });
  const name = `lotse_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_ADMIN_URL);
  url.pathname = `/${name}`;
  const database = await createDatabase({ databaseUrl: url.toString(), poolSize: 8 });
  return {
    ...database,
    url: url.toString(),
    async close() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: TEST_ADMIN_URL });
      await cleanup.connect();
      try {
        await cleanup.query(`drop database if exists ${name} with (force)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}
