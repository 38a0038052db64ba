import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const main = resolve(dirname(fileURLToPath(import.meta.url)), 'main.ts');

function cli(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', main, ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', ...env },
    timeout: 120_000,
  });
}

function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`timeout waiting for ${pattern}: ${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (pattern.test(output)) {
        clearTimeout(timer);
        resolvePromise(output);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
  });
}

describe('lotse command line on the embedded database', () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'lotse-cli-')), 'pglite');
  const env = { LOTSE_DATA_DIR: dataDir };

  it('seeds demo data with a progress bar and refuses to seed twice', () => {
    const tooLong = cli(['seed', '--history-years', '26'], env);
    expect(tooLong.status).toBe(1);
    expect(tooLong.stderr).toContain('Höchstens 25 Jahre');
    const first = cli(['seed', '--persons', '150', '--tenants', '2', '--history-years', '2'], env);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('fallmanagement');
    expect(first.stdout).toContain('Lotse-Demo-2026!');
    const again = cli(['seed', '--persons', '10'], env);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('enthält bereits Jobcenter');
  }, 180_000);

  it('creates a user and rejects invalid input with a readable message', () => {
    const bad = cli(
      [
        'create-user',
        '--tenant',
        'Jobcenter Landkreis Lotsenbach',
        '--username',
        'x',
        '--display-name',
        'X',
        '--roles',
        'chef',
        '--password',
        'kurz',
      ],
      env,
    );
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('username');
    expect(bad.stderr).toContain('password');
    const unknownTenant = cli(
      [
        'create-user',
        '--tenant',
        'Nirgendwo',
        '--username',
        'neu.user',
        '--display-name',
        'Neu',
        '--roles',
        'admin',
        '--password',
        'ein-langes-Passwort',
      ],
      env,
    );
    expect(unknownTenant.status).toBe(1);
    expect(unknownTenant.stderr).toContain('nicht gefunden');
    const ok = cli(
      [
        'create-user',
        '--tenant',
        'Jobcenter Landkreis Lotsenbach',
        '--username',
        'neu.user',
        '--display-name',
        'Neu',
        '--roles',
        'admin,team_lead',
        '--password',
        'ein-langes-Passwort',
      ],
      env,
    );
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('neu.user');
  }, 120_000);

  it('serves until SIGTERM, then closes the database cleanly and releases the lock', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', main, 'serve', '--port', '0'], {
      env: { ...process.env, DATABASE_URL: '', ...env },
    });
    const output = await waitForOutput(child, /Lotse läuft auf (\S+)/, 60_000);
    const url = /Lotse läuft auf (\S+)/.exec(output)?.[1] ?? '';
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
    expect(existsSync(`${dataDir}.lock`)).toBe(true);
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
    const migrate = cli(['migrate'], env);
    expect(migrate.status, migrate.stderr).toBe(0);
  }, 120_000);
});
