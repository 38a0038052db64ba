import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: the real server (CLI `serve`) on a fresh embedded database with demo data,
 * driven through Debian's Chromium. Browser downloads do not work here, so a missing browser is an
 * error, never a reason to skip: under CI=true these tests must run.
 */

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..');
// Another port (e.g. LOTSE_E2E_PORT=3170) lets two runs in one checkout (or machine) go side by side.
const PORT = Number(process.env.LOTSE_E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromiumPath)) {
  throw new Error(
    `Chromium nicht gefunden: ${chromiumPath}. Installieren mit "apt-get install -y chromium" oder CHROMIUM_PATH auf ein Chromium setzen ` +
      '(Browser-Downloads über "npx playwright install" funktionieren hier nicht).',
  );
}

// The server serves the built web app; `npm run test:e2e` builds it first.
if (!existsSync(join(repoRoot, 'apps/web/dist/index.html'))) {
  throw new Error('apps/web/dist fehlt: zuerst "npm run build:web" ausführen (oder "npm run test:e2e", das baut vorher).');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the data directories of earlier runs (~40 MB each) unless a live server still holds their lock. */
function removeOldDataDirs() {
  for (const name of readdirSync(tmpdir())) {
    if (!/^lotse-e2e-\d+$/.test(name)) continue;
    const dir = join(tmpdir(), name);
    try {
      const pid = Number.parseInt(readFileSync(join(dir, 'pglite.lock'), 'utf8'), 10);
      if (Number.isFinite(pid) && isAlive(pid)) continue;
    } catch {
      // no lock: a finished run, or one that is just starting (young directory)
      if (Date.now() - statSync(dir).mtimeMs < 10 * 60_000) continue;
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

// A fresh data directory per run (the parent must exist; PGlite creates the last part itself).
// Playwright loads this file in every worker too: the directory is fixed once in the main process.
if (!process.env.LOTSE_E2E_DATA_DIR) {
  removeOldDataDirs();
  process.env.LOTSE_E2E_DATA_DIR = join(tmpdir(), `lotse-e2e-${Date.now()}`, 'pglite');
}
const dataDir = process.env.LOTSE_E2E_DATA_DIR;
mkdirSync(dirname(dataDir), { recursive: true });

// The npm scripts put node_modules/.bin (Node 24) first in PATH; do the same when Playwright is started otherwise.
const binDir = join(repoRoot, 'node_modules', '.bin');
const PATH = [binDir, process.env.PATH ?? ''].join(delimiter);

export default defineConfig({
  testDir: './tests',
  outputDir: '../test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 7_500 },
  use: {
    baseURL,
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `node_modules/.bin/tsx apps/cli/src/main.ts serve --seed-demo --demo-persons 400 --port ${PORT}`,
    cwd: repoRoot,
    // Always a fresh embedded database, also when the CI shell has DATABASE_URL set for the unit tests.
    env: { LOTSE_DATA_DIR: dataDir, DATABASE_URL: '', DATABASE_APP_URL: '', PATH, HOST: '127.0.0.1' },
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    // SIGTERM lets the server close PGlite cleanly (and release its lock) instead of being killed.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
