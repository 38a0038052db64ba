/**
 * Steering benchmarks (issue 5): the needs-planning dashboard query, measured serially as a planner
 * uses it, against the bare SQL it sends; and the § 51b Modul 13 export of the largest month and of a
 * whole year in a child process (records/s, peak memory).
 */
import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { type LatencySummary, summariseLatencies } from './report';
import { type CapturedQuery, captureQueries } from './sql-capture';

export interface PlannerLogin {
  cookie: string;
  tenantId: string;
}

export interface PlanningQuery {
  label: string;
  path: string;
}

export interface PlanningDashboardResult {
  description: string;
  /** Requests per measured series (cold, warm, bare SQL each). */
  requests: number;
  years: string;
  /**
   * The first request of each year on the server without cache, before the series: it also computes the
   * year's suppression pattern and stores it (as after a change of the year's counts).
   */
  firstOfYear?: LatencySummary;
  /** Every request computes the year's figures from SQL (the figure cache switched off; stored patterns used). */
  cold: LatencySummary;
  /** The same requests with the per-process cache as it runs in production (stale ≤ 60 s after a write). */
  warm: LatencySummary;
  /** The statements a cold request sends, replayed with node-postgres on one connection, no HTTP, no JS work. */
  bareSql: LatencySummary;
  /** cold p95 ÷ bare SQL p95. */
  ratioP95: number;
  statementsPerRequest: number;
  /** Rows the statements of one cold request return (mean). */
  rowsPerRequest: number;
}

export interface Modul13Run {
  label: string;
  records: number;
  referralsExamined: number;
  seconds: number;
  recordsPerSecond: number;
  peakRssMb: number;
  fileMb: number;
}

export interface SteeringResults {
  historyYears: number;
  planning?: PlanningDashboardResult;
  modul13?: Modul13Result;
}

export interface Modul13Result {
  description: string;
  /** An export of a month without measures: the child process's own footprint (Node, tsx, pg, code). */
  baseline: Modul13Run;
  largestMonth: Modul13Run;
  year: Modul13Run;
}

/**
 * The dashboard's requests over the history: per year the overview and the planning table as the
 * page loads them (breakdown by service type, months), plus the other breakdowns and filtered views a
 * planner switches to. Deterministic for the given years and dimensions.
 */
export function planningQueries(years: number[], regionIds: string[], teamIds: string[]): PlanningQuery[] {
  const queries: PlanningQuery[] = [];
  const breakdowns = ['service_type', 'region', 'team', 'target_group'];
  years.forEach((year, i) => {
    queries.push({ label: `overview ${year}`, path: `/api/planning/overview?year=${year}` });
    queries.push({ label: `table ${year}`, path: `/api/planning/table?year=${year}&granularity=month&breakdown=service_type` });
    const breakdown = breakdowns[i % breakdowns.length] as string;
    queries.push({
      label: `table ${year} by ${breakdown}`,
      path: `/api/planning/table?year=${year}&granularity=quarter&breakdown=${breakdown}`,
    });
    const region = regionIds[i % Math.max(1, regionIds.length)];
    if (region)
      queries.push({ label: `table ${year} region`, path: `/api/planning/table?year=${year}&breakdown=service_type&regionId=${region}` });
    const team = teamIds[i % Math.max(1, teamIds.length)];
    if (team) queries.push({ label: `overview ${year} team`, path: `/api/planning/overview?year=${year}&teamId=${team}&targetGroup=u25` });
  });
  return queries;
}

async function timedGet(baseUrl: string, login: PlannerLogin, path: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${path}`, { headers: { cookie: login.cookie } });
  const text = await response.text();
  const elapsed = performance.now() - started;
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return elapsed;
}

async function replay(client: pg.Client, statements: CapturedQuery[]): Promise<{ ms: number; rows: number }> {
  const started = performance.now();
  let rows = 0;
  for (const statement of statements) {
    const result = await client.query(statement.text, statement.values);
    rows += result.rowCount ?? 0;
  }
  return { ms: performance.now() - started, rows };
}

/**
 * Serial measurement (one request at a time, as a planner clicks): each query once cold on the
 * server without cache (its SQL captured), once warm on the normal server, and its captured statements
 * replayed bare; the whole series `rounds` times.
 */
export async function measurePlanningDashboard(options: {
  coldUrl: string;
  warmUrl: string;
  appDatabaseUrl: string;
  /** Sessions are per server process (each has its own login). */
  login: PlannerLogin;
  warmLogin: PlannerLogin;
  queries: PlanningQuery[];
  rounds: number;
  log: (message: string) => void;
}): Promise<PlanningDashboardResult> {
  const { coldUrl, warmUrl, login, queries, rounds, log } = options;
  const captured: CapturedQuery[][] = [];
  const firstOfYear = new Map<string, number>();
  for (const query of queries) {
    const { queries: statements, result: ms } = await captureQueries(() => timedGet(coldUrl, login, query.path));
    captured.push(statements);
    const year = /year=(\d{4})/.exec(query.path)?.[1] ?? '';
    if (!firstOfYear.has(year)) firstOfYear.set(year, ms);
  }
  const client = new pg.Client({ connectionString: options.appDatabaseUrl });
  await client.connect();
  const cold: number[] = [];
  const warm: number[] = [];
  const bare: number[] = [];
  let rows = 0;
  try {
    for (const query of queries) await timedGet(warmUrl, options.warmLogin, query.path); // fill the cache once
    for (let round = 0; round < rounds; round++) {
      for (const [i, query] of queries.entries()) {
        cold.push(await timedGet(coldUrl, login, query.path));
        warm.push(await timedGet(warmUrl, options.warmLogin, query.path));
        const replayed = await replay(client, captured[i] ?? []);
        bare.push(replayed.ms);
        rows += replayed.rows;
      }
      log(`  planning dashboard round ${round + 1}/${rounds}: ${queries.length} requests each`);
    }
  } finally {
    await client.end();
  }
  const coldSummary = summariseLatencies(cold);
  const bareSummary = summariseLatencies(bare);
  const statements = captured.reduce((sum, s) => sum + s.length, 0) / Math.max(1, captured.length);
  return {
    description:
      'GET /api/planning/overview and /api/planning/table as the planner (social_planner, figures suppressed below the minimum) for every year ' +
      'of the history: as the dashboard loads them (overview, table by service type and month), other breakdowns by quarter, and views filtered ' +
      'by region, team and target group; one request at a time',
    requests: cold.length,
    years: '',
    firstOfYear: summariseLatencies([...firstOfYear.values()]),
    cold: coldSummary,
    warm: summariseLatencies(warm),
    bareSql: bareSummary,
    ratioP95: bareSummary.p95 > 0 ? coldSummary.p95 / bareSummary.p95 : Number.NaN,
    statementsPerRequest: statements,
    rowsPerRequest: rows / Math.max(1, bare.length),
  };
}

const CHILD = fileURLToPath(new URL('./modul13-child.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

/** One export in its own process, so its peak RSS is the export's alone. */
export async function runModul13Export(ownerUrl: string, tenantId: string, period: string, label: string): Promise<Modul13Run> {
  const out = join(tmpdir(), `lotse-bench-modul13-${process.pid}-${period}.xml`);
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(
      TSX,
      [CHILD, ownerUrl, tenantId, period, out],
      { maxBuffer: 1 << 20, env: { ...process.env, LOTSE_LOG_LEVEL: 'silent' } },
      (error, text, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(text)),
    );
  });
  const summary = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as {
    records: number;
    durationMs: number;
    peakRssMb: number;
    processed: number;
  };
  const seconds = summary.durationMs / 1000;
  return {
    label,
    records: summary.records,
    referralsExamined: summary.processed,
    seconds,
    recordsPerSecond: seconds > 0 ? summary.records / seconds : Number.NaN,
    peakRssMb: summary.peakRssMb,
    fileMb: statSync(out).size / 1e6,
  };
}
