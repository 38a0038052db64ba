import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createDatabase } from './connect';
import { DataDirectoryLockedError } from './pglite-lock';

const fixture = resolve(dirname(fileURLToPath(import.meta.url)), 'pglite-lock.fixture.ts');

function openInSecondProcess(dataDir: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', fixture, dataDir], { encoding: 'utf8', timeout: 60_000 });
}

describe('embedded PGlite data directory', () => {
  it('refuses a second process with a clear error and keeps the data intact', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'lotse-lock-')), 'pglite');
    const first = await createDatabase({ dataDir });
    const tenantId = randomUUID();
    try {
      await first.db.insertInto('tenants').values({ id: tenantId, name: 'Jobcenter Lock', carrierModel: 'gE' }).execute();
      const second = openInSecondProcess(dataDir);
      expect(second.status, second.stderr).toBe(3);
      expect(second.stderr).toContain('wird bereits von einem anderen Lotse-Prozess');
      expect(second.stderr).toContain(String(process.pid));
      // The same process may not open it twice either.
      await expect(createDatabase({ dataDir })).rejects.toBeInstanceOf(DataDirectoryLockedError);
    } finally {
      await first.close();
    }
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
    const reopened = await createDatabase({ dataDir });
    try {
      const tenant = await reopened.db.selectFrom('tenants').select('name').where('id', '=', tenantId).executeTakeFirst();
      expect(tenant?.name).toBe('Jobcenter Lock');
    } finally {
      await reopened.close();
    }
  }, 120_000);

  it('takes over a lock left by a process that no longer runs', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'lotse-stale-')), 'pglite');
    writeFileSync(`${dataDir}.lock`, '999999999');
    const database = await createDatabase({ dataDir });
    await database.close();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  }, 60_000);

  it('initialises a new directory aside and renames it, ignoring the leftovers of an interrupted start', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'lotse-init-'));
    const dataDir = join(parent, 'pglite');
    mkdirSync(`${dataDir}.init-12345`);
    writeFileSync(join(`${dataDir}.init-12345`, 'PG_VERSION'), 'broken');
    const database = await createDatabase({ dataDir });
    await database.close();
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
    expect(readdirSync(parent).filter((name) => name.startsWith(`pglite.init-${process.pid}`))).toEqual([]);
  }, 60_000);
});
