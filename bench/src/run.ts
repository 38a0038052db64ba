/**
 * `npm run bench`: loads generated persons into a fresh PostgreSQL database, starts the real Lotse API
 * in-process and a minimal node:http + pg "floor" server that sends the same SQL, and measures both
 * with autocannon. Writes bench/results/<timestamp>.{json,md} and latest.{json,md}.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { buildApp } from '@lotse/api';
import { createDatabase, DEFAULT_APP_PASSWORD, type LotseDatabase } from '@lotse/db';
import { demoTenantInfo } from '@lotse/db/demo';
import { todayInGermany } from '@lotse/domain';
import { sql } from 'kysely';
import pg from 'pg';
import { AuditRepository } from '../../apps/api/src/features/audit/repository';
import { DEMO_PASSWORD, seedDemo } from '../../apps/cli/src/demo';
import { type CpuBreakdown, classifyProfile, profileMainThread } from './cpu-profile';
import { describeSearchPlans, explainSearches } from './explain';
import { startFloorServer } from './floor-server';
import { runLoad, type Workload } from './load';
import { type BenchOptions, parseOptions, USAGE } from './options';
import { describeProbe, serialReadProbe } from './probe';
import { type Profiler, startProfiler } from './profile';
import {
  type BenchReport,
  combineRounds,
  type DataInfo,
  type ExperimentResult,
  evaluateTargets,
  fileTimestamp,
  formatBackendStates,
  type LoadResult,
  loadProblems,
  type MachineInfo,
  type Round,
  ratio,
  renderMarkdown,
  type ScenarioResult,
  TARGETS,
  type WriteScenarioResult,
} from './report';
import { captureQueries, compareQueries } from './sql-capture';
import { type Modul13Result, measurePlanningDashboard, planningQueries, runModul13Export, type SteeringResults } from './steering';
import { SEARCH_KINDS, type SearchBody, type SearchKind, searchBodies } from './workload';

const READ_IDS = 2_000;
const SEARCH_SAMPLE = 800;
const SEED = 'lotse-bench';
const CHEAP_ARGON2 = { memoryCost: 1024, timeCost: 1 };
/** The provider-feedback scenario needs at least this many referrals to spread its writes over. */
const FEEDBACK_TARGETS_MIN = 20;

const log = (message: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

class BenchFailure extends Error {}

/** Cleanup steps, run in reverse order at the end, on failure and on Ctrl-C. */
const cleanups: { label: string; run: () => Promise<void> }[] = [];
async function cleanup() {
  while (cleanups.length) {
    const step = cleanups.pop();
    if (!step) break;
    try {
      await step.run();
    } catch (error) {
      log(`cleanup "${step.label}" failed: ${String(error)}`);
    }
  }
}

async function adminQuery(adminUrl: string, text: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

async function createBenchDatabase(options: BenchOptions): Promise<{ name: string; url: string }> {
  const name = `lotse_bench_${randomBytes(5).toString('hex')}`;
  await adminQuery(options.adminUrl, `create database ${name}`);
  if (!options.keep)
    cleanups.push({
      label: 'drop database',
      run: async () => void (await adminQuery(options.adminUrl, `drop database if exists ${name} with (force)`)),
    });
  const url = new URL(options.adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

/** The app role's URL exactly as createDatabase derives it, for the floor's own pool. */
function appUrlOf(ownerUrl: string): string {
  const url = new URL(ownerUrl);
  url.username = 'lotse_app';
  url.password = DEFAULT_APP_PASSWORD;
  return url.toString();
}

async function loadData(database: LotseDatabase, options: BenchOptions): Promise<DataInfo> {
  const tenants = 1 + options.otherTenants;
  const personsPerTenant = [options.persons, ...Array.from({ length: options.otherTenants }, () => options.otherPersons)];
  const total = personsPerTenant.reduce((a, b) => a + b, 0);
  log(`loading ${total.toLocaleString('en-US')} persons into ${tenants} tenants (${personsPerTenant.join(', ')}) …`);
  let done = 0;
  let tenantBase = 0;
  let lastPrint = Date.now();
  const started = performance.now();
  await seedDemo(database, {
    tenants,
    personsPerTenant,
    seed: SEED,
    argon2: CHEAP_ARGON2,
    historyYears: options.historyYears,
    onTenant: () => {
      tenantBase = done;
    },
    onProgress: (loaded) => {
      done = tenantBase + loaded;
      if (Date.now() - lastPrint > 5_000) {
        lastPrint = Date.now();
        const seconds = (performance.now() - started) / 1000;
        log(`  ${done.toLocaleString('en-US')} persons, ${Math.round(done / seconds).toLocaleString('en-US')}/s`);
      }
    },
  });
  const loadSeconds = (performance.now() - started) / 1000;
  const analyzeStarted = performance.now();
  await sql`analyze`.execute(database.owner);
  const analyzeSeconds = (performance.now() - analyzeStarted) / 1000;

  // The owner is the superuser here, which bypasses row-level security: counts over all tenants.
  const { rows } = await sql<{ name: string; persons: number; households: number; members: number }>`
    select t.name,
           (select count(*) from persons p where p.tenant_id = t.id)::int8 as persons,
           (select count(*) from households h where h.tenant_id = t.id)::int8 as households,
           (select count(*) from household_members m where m.tenant_id = t.id)::int8 as members
    from tenants t order by t.created_at, t.name`.execute(database.owner);
  const byName = new Map(rows.map((r) => [r.name, r]));
  const ordered = Array.from({ length: tenants }, (_, i) => byName.get(demoTenantInfo(i).name)).filter((r) => r !== undefined);
  const totalPersons = rows.reduce((a, r) => a + r.persons, 0);
  const totalHouseholds = rows.reduce((a, r) => a + r.households, 0);
  const totalRows = totalPersons + totalHouseholds + rows.reduce((a, r) => a + r.members, 0);
  log(
    `loaded in ${loadSeconds.toFixed(1)} s (${Math.round(totalPersons / loadSeconds).toLocaleString('en-US')} persons/s); analyze ${analyzeSeconds.toFixed(1)} s`,
  );
  return {
    tenants: (ordered.length === rows.length ? ordered : rows).map((r) => ({ name: r.name, persons: r.persons, households: r.households })),
    totalPersons,
    totalHouseholds,
    totalRows,
    loadSeconds,
    personsPerSecond: totalPersons / loadSeconds,
    rowsPerSecond: totalRows / loadSeconds,
    analyzeSeconds,
  };
}

interface Login {
  cookie: string;
  csrfToken: string;
  tenantId: string;
  userId: string;
}

async function login(baseUrl: string, username = 'fallmanagement'): Promise<Login> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (response.status !== 200) throw new BenchFailure(`login as ${username} failed: HTTP ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { csrfToken: string; tenant: { id: string }; user: { id: string } };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('__Host-lotse_session='));
  if (!cookie) throw new BenchFailure(`login as ${username} answered without the session cookie`);
  return { cookie, csrfToken: body.csrfToken, tenantId: body.tenant.id, userId: body.user.id };
}

async function sampleWorkload(database: LotseDatabase, tenantId: string) {
  // Deterministic samples (the generated data is deterministic for the seed): ordered by a hash of the id.
  const ids = await sql<{ id: string }>`
    select id from persons where tenant_id = ${tenantId} order by md5(id::text || 'read') limit ${READ_IDS}`.execute(database.owner);
  const people = await sql<{ lastName: string; firstName: string; birthDate: string; customerNumber: string }>`
    select last_name, first_name, birth_date, customer_number from persons where tenant_id = ${tenantId}
    order by md5(id::text || 'search') limit ${SEARCH_SAMPLE}`.execute(database.owner);
  const cases = await sql<{ id: string }>`
    select id from cases where tenant_id = ${tenantId} order by md5(id::text || 'case') limit ${READ_IDS}`.execute(database.owner);
  return { ids: ids.rows.map((r) => r.id), caseIds: cases.rows.map((r) => r.id), bodies: searchBodies(people.rows) };
}

/**
 * Referrals the demo provider user may write appointment feedback to today: referrals of the provider
 * of `username` in status accepted or started whose consent (for that provider) is valid today and
 * covers `attendance`. Deterministic order, like sampleWorkload.
 */
async function sampleFeedbackTargets(database: LotseDatabase, tenantId: string, username: string, today: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    select r.id from referrals r
    join users u on u.tenant_id = r.tenant_id and u.username = ${username} and u.provider_id = r.provider_id
    join consents k on k.tenant_id = r.tenant_id and k.id = r.consent_id and k.provider_id = r.provider_id
    where r.tenant_id = ${tenantId}
      and r.status in ('accepted', 'started')
      and k.given_on <= ${today}::date
      and (k.valid_until is null or k.valid_until >= ${today}::date)
      and k.revoked_on is null
      and 'attendance' = any(k.categories)
    order by md5(r.id::text || 'feedback')`.execute(database.owner);
  return rows.map((r) => r.id);
}

/** Feedback rows of the given referrals and the sum of their versions (every accepted feedback raises the version by one). */
async function feedbackCounts(database: LotseDatabase, tenantId: string, ids: string[]): Promise<{ rows: number; versions: number }> {
  const { rows } = await sql<{ rows: number; versions: number }>`
    select (select count(*) from referral_feedback where tenant_id = ${tenantId} and referral_id = any(${ids}::uuid[]))::int8 as rows,
           (select coalesce(sum(version), 0) from referrals where tenant_id = ${tenantId} and id = any(${ids}::uuid[]))::int8 as versions`.execute(
    database.owner,
  );
  return rows[0] ?? { rows: 0, versions: 0 };
}

/**
 * Requests cut off at the end of a load run may still be running in the server: waits until what
 * `count` reads has not changed for a second (at most 15 s), then returns it.
 */
async function settled<T>(count: () => Promise<T>): Promise<T> {
  let last = await count();
  for (let i = 0; i < 15; i++) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const now = await count();
    if (JSON.stringify(now) === JSON.stringify(last)) return now;
    last = now;
  }
  return last;
}

interface Call {
  status: number;
  body: unknown;
}

async function call(
  baseUrl: string,
  auth: Login,
  request: { kind: 'read'; id: string } | { kind: 'case'; id: string } | { kind: 'search'; query: string },
): Promise<Call> {
  const response =
    request.kind === 'read' || request.kind === 'case'
      ? await fetch(`${baseUrl}/api/${request.kind === 'read' ? 'persons' : 'cases'}/${request.id}`, { headers: { cookie: auth.cookie } })
      : await fetch(`${baseUrl}/api/persons/search`, {
          method: 'POST',
          headers: { cookie: auth.cookie, 'x-csrf-token': auth.csrfToken, 'content-type': 'application/json' },
          body: JSON.stringify({ query: request.query }),
        });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // keep the text
  }
  return { status: response.status, body };
}

/** What must be equal between Lotse's and the floor's answer to the same request. */
function essence(result: Call): string {
  const body = result.body as { id?: string; version?: number; items?: { id: string }[]; page?: { nextCursor: string | null } };
  if (body && Array.isArray(body.items))
    return JSON.stringify({ status: result.status, ids: body.items.map((i) => i.id), next: body.page?.nextCursor });
  return JSON.stringify({ status: result.status, id: body?.id, version: body?.version });
}

/**
 * Sends the same requests to both servers one at a time, recording the SQL each sends; stops the run
 * if the statements, their parameters or the answers differ. Returns notes on the search hit rates.
 */
async function verifyFloor(
  lotseUrl: string,
  floorUrl: string,
  auth: Login,
  ids: string[],
  caseIds: string[],
  bodies: SearchBody[],
): Promise<string[]> {
  const problems: string[] = [];
  const requests: (
    | { kind: 'read'; id: string; label: string }
    | { kind: 'case'; id: string; label: string }
    | { kind: 'search'; query: string; label: string; searchKind: SearchKind }
  )[] = [
    ...ids.slice(0, 3).map((id) => ({ kind: 'read' as const, id, label: `read ${id}` })),
    ...caseIds.slice(0, 5).map((id) => ({ kind: 'case' as const, id, label: `case ${id}` })),
    ...bodies.slice(0, 40).map((b) => ({ kind: 'search' as const, query: b.query, label: `search "${b.query}"`, searchKind: b.kind })),
  ];
  const hits = new Map<SearchKind, number[]>();
  let shown = false;
  for (const request of requests) {
    const lotse = await captureQueries(() => call(lotseUrl, auth, request));
    const floor = await captureQueries(() => call(floorUrl, auth, request));
    if (!shown && request.kind === 'read') {
      shown = true;
      log('SQL of one person read (Lotse):');
      for (const q of lotse.queries) log(`  ${q.text.replace(/\s+/g, ' ').slice(0, 160)}`);
    }
    if (lotse.result.status !== 200)
      problems.push(`${request.label}: Lotse answered ${lotse.result.status} ${JSON.stringify(lotse.result.body)}`);
    for (const p of compareQueries(lotse.queries, floor.queries)) problems.push(`${request.label}: ${p}`);
    if (essence(lotse.result) !== essence(floor.result)) {
      problems.push(`${request.label}: answers differ\n  Lotse: ${essence(lotse.result)}\n  floor: ${essence(floor.result)}`);
    }
    if (request.kind === 'search') {
      const items = (lotse.result.body as { items?: unknown[] }).items?.length ?? 0;
      hits.set(request.searchKind, [...(hits.get(request.searchKind) ?? []), items]);
    }
  }
  if (problems.length) throw new BenchFailure(`the floor does not do what Lotse does:\n${problems.slice(0, 10).join('\n')}`);
  log(`floor verified: ${requests.length} requests with identical SQL, parameters and answers`);
  const hitNote = SEARCH_KINDS.map((kind) => {
    const counts = hits.get(kind) ?? [];
    const mean = counts.reduce((a, b) => a + b, 0) / Math.max(1, counts.length);
    return `${kind} ${mean.toFixed(1)}`;
  }).join(', ');
  return [`Search answers (first page, limit 25) hold on average: ${hitNote} persons (sample of ${requests.length - 8} queries).`];
}

async function machineInfo(database: LotseDatabase): Promise<MachineInfo & { postgresSettings: Record<string, string> }> {
  const { rows } = await sql<{ version: string }>`select version() as version`.execute(database.owner);
  const settings = await sql<{ name: string; setting: string; unit: string | null }>`
    select name, setting, unit from pg_settings
    where name in ('shared_buffers', 'synchronous_commit', 'fsync', 'wal_sync_method', 'max_connections', 'work_mem', 'commit_delay')`.execute(
    database.owner,
  );
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: os.totalmem() / 2 ** 30,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: (rows[0]?.version ?? 'unknown').split(' on ')[0] ?? 'unknown',
    postgresSettings: Object.fromEntries(settings.rows.map((s) => [s.name, s.unit ? `${s.setting} × ${s.unit}` : s.setting])),
  };
}

interface Target {
  name: string;
  url: string;
}

function logResult(label: string, result: LoadResult) {
  log(
    `${label}: ${Math.round(result.requestsPerSecond)} req/s (rounds ${result.roundRequestsPerSecond.map((r) => Math.round(r)).join(', ')}), ` +
      `p50 ${result.latencyMs.p50.toFixed(1)} ms, p95 ${result.latencyMs.p95.toFixed(1)} ms, p99 ${result.latencyMs.p99.toFixed(1)} ms (${result.requests} requests)`,
  );
  const p = result.profile;
  if (p) {
    log(
      `  server thread ${p.serverThreadCpu.toFixed(2)} cores (event loop ${(p.eventLoopUtilization * 100).toFixed(0)} %), ` +
        `PostgreSQL ${p.postgresCpu.toFixed(2)}, autocannon ${p.loadGeneratorCpu.toFixed(2)}, other processes ${p.otherCpu.toFixed(2)}; ` +
        `backends ${formatBackendStates(p.backendStates, 6)}`,
    );
  }
}

/**
 * Measures servers under the same load: a warm-up of each, then `rounds` alternating rounds
 * (A, B, A, B …) of duration / rounds seconds, each profiled; the rounds of a server are added up.
 * Alternating makes drifting background load on a shared machine hit all servers alike.
 */
async function measureServers<K extends string>(
  label: string,
  urls: Record<K, string>,
  workload: Workload,
  options: BenchOptions,
  target: Target,
  hooks: {
    /** Called with each server's warm-up (not part of the result; write scenarios count its writes). */
    onWarmup?: (server: K, warmup: LoadResult) => void;
    /**
     * Awaited after the warm-up and after each round. Requests cut off at the end of a run go on in the
     * server; write scenarios wait here until they are done, so they do not slow down the next round.
     */
    afterRun?: () => Promise<void>;
  } = {},
): Promise<Record<K, LoadResult>> {
  const servers = Object.entries(urls) as [K, string][];
  const job = (url: string, durationSeconds: number) => ({ url, connections: options.connections, durationSeconds, workload });
  if (options.warmupSeconds > 0) {
    for (const [name, url] of servers) {
      const warm = combineRounds([(await runLoad(job(url, options.warmupSeconds))).round]);
      const problems = loadProblems(`${label} ${name} (warm-up)`, warm);
      if (problems.length) throw new BenchFailure(problems.join('\n'));
      hooks.onWarmup?.(name, warm);
      await hooks.afterRun?.();
    }
  }
  const rounds = new Map<K, Round[]>(servers.map(([name]) => [name, []]));
  const roundSeconds = Math.max(1, Math.round(options.durationSeconds / options.rounds));
  for (let i = 0; i < options.rounds; i++) {
    for (const [name, url] of servers) {
      let profiler: Profiler | undefined;
      const run = await runLoad(job(url, roundSeconds), async () => {
        profiler = await startProfiler(target.url, target.name);
      });
      const profile = profiler ? await profiler.stop(run.cpuSeconds) : undefined;
      rounds.get(name)?.push({ ...run.round, ...(profile ? { profile } : {}) });
      await hooks.afterRun?.();
    }
  }
  const results = {} as Record<K, LoadResult>;
  const problems: string[] = [];
  for (const [name] of servers) {
    results[name] = combineRounds(rounds.get(name) ?? []);
    problems.push(...loadProblems(`${label} ${name}`, results[name]));
  }
  if (problems.length) throw new BenchFailure(problems.join('\n'));
  for (const [name] of servers) logResult(`${label} ${name}`, results[name]);
  return results;
}

/** One extra run of `roundSeconds` with V8's sampling profiler on the main thread (where the servers run). */
async function cpuBreakdown(label: string, url: string, workload: Workload, options: BenchOptions): Promise<CpuBreakdown> {
  const seconds = Math.max(1, Math.round(options.durationSeconds / options.rounds));
  const { result, profile } = await profileMainThread((start) =>
    runLoad({ url, connections: options.connections, durationSeconds: seconds, workload }, start),
  );
  const breakdown = classifyProfile(profile, result.round.requests);
  const dir = fileURLToPath(new URL('../results/', import.meta.url));
  const file = `${dir}${label.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.cpuprofile`;
  writeFileSync(file, JSON.stringify(profile));
  log(
    `${label} CPU profile (${file.replace(/.*\/bench\//, 'bench/')}, opens in Chrome DevTools): ${Math.round(breakdown.busyMicrosPerRequest)} µs main thread per request; ` +
      breakdown.shares
        .slice(0, 6)
        .map((s) => `${s.category} ${Math.round(s.microsPerRequest)}`)
        .join(', '),
  );
  return breakdown;
}

/**
 * What-if runs: Lotse and the floor without the read-log append (for Lotse by replacing
 * AuditRepository.prototype.appendReads in this process for the duration of the run), and both
 * with synchronous_commit = off (a second app pool, resp. floor, whose connections set it).
 */
async function runExperiments(
  scenarios: { name: string; workload: Workload }[],
  results: ScenarioResult[],
  servers: { lotseUrl: string; floorUrl: string; ownerUrl: string },
  options: BenchOptions,
  target: Target,
): Promise<ExperimentResult[]> {
  const experiments: ExperimentResult[] = [];
  const appUrl = appUrlOf(servers.ownerUrl);
  const asyncUrl = new URL(appUrl);
  asyncUrl.searchParams.set('options', '-c synchronous_commit=off');

  // Each variant server is started just before its run and closed after it, so idle pools do not add up.
  const asyncLotse = async () => {
    const database = await createDatabase({
      databaseUrl: servers.ownerUrl,
      appDatabaseUrl: asyncUrl.toString(),
      poolSize: options.poolSize,
      migrate: false,
    });
    const app = await buildApp({ database, config: { logLevel: 'silent', argon2: CHEAP_ARGON2 } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const url = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
    return {
      url,
      close: async () => {
        await app.close();
        await database.close();
      },
    };
  };

  for (const scenario of scenarios) {
    const baseline = results.find((r) => r.name === scenario.name);
    const add = (name: string, pair: { Lotse: LoadResult; floor: LoadResult }) => {
      for (const server of ['Lotse', 'floor'] as const) {
        const result = server === 'Lotse' ? pair.Lotse : pair.floor;
        const unchanged = server === 'Lotse' ? baseline?.lotse : baseline?.floor;
        experiments.push({
          scenario: scenario.name,
          server,
          variant: name,
          result,
          speedup: ratio(result.requestsPerSecond, unchanged?.requestsPerSecond ?? Number.NaN),
        });
      }
    };

    const noLogFloor = await startFloorServer({ connectionString: appUrl, poolSize: options.poolSize, readLog: 'none' });
    const original = AuditRepository.prototype.appendReads;
    AuditRepository.prototype.appendReads = async () => {};
    try {
      add(
        'no read-log append',
        await measureServers(
          `${scenario.name} no read log:`,
          { Lotse: servers.lotseUrl, floor: noLogFloor.url },
          scenario.workload,
          options,
          target,
        ),
      );
    } finally {
      AuditRepository.prototype.appendReads = original;
      await noLogFloor.close();
    }

    const lotse = await asyncLotse();
    const floor = await startFloorServer({ connectionString: appUrl, poolSize: options.poolSize, synchronousCommit: 'off' });
    try {
      add(
        'synchronous_commit=off',
        await measureServers(`${scenario.name} async commit:`, { Lotse: lotse.url, floor: floor.url }, scenario.workload, options, target),
      );
    } finally {
      await floor.close();
      await lotse.close();
    }
  }
  return experiments;
}

/**
 * The steering scenarios on tenant 0 and its years of history: the needs-planning dashboard as the
 * planner (cold on a second Lotse without the figure cache, warm on the normal one, and the bare SQL),
 * and the Modul 13 export of the month with the most measure events and of the last complete year.
 */
async function measureSteering(
  database: LotseDatabase,
  ownerUrl: string,
  lotseUrl: string,
  options: BenchOptions,
): Promise<SteeringResults> {
  const selected = (name: string) => options.scenarios.length === 0 || options.scenarios.includes(name);
  const results: SteeringResults = { historyYears: options.historyYears };
  const planner = await login(lotseUrl, 'sozialplanung');
  const currentYear = Number(todayInGermany().slice(0, 4));
  if (selected('planning-dashboard')) {
    const coldApp = await buildApp({ database, config: { logLevel: 'silent', argon2: CHEAP_ARGON2, planningFigureCacheMs: 0 } });
    await coldApp.listen({ port: 0, host: '127.0.0.1' });
    try {
      const address = coldApp.server.address();
      if (!address || typeof address === 'string') throw new BenchFailure('the cache-less Lotse did not listen on a TCP port');
      const coldUrl = `http://127.0.0.1:${address.port}`;
      const coldLogin = await login(coldUrl, 'sozialplanung');
      const dims = await sql<{ kind: string; id: string }>`
        select 'region' as kind, id from planning_regions where tenant_id = ${planner.tenantId}
        union all select 'team', id from teams where tenant_id = ${planner.tenantId} order by 1, 2`.execute(database.owner);
      const years = Array.from({ length: Math.max(1, options.historyYears) }, (_, i) => currentYear - i);
      const queries = planningQueries(
        years,
        dims.rows.filter((r) => r.kind === 'region').map((r) => r.id),
        dims.rows.filter((r) => r.kind === 'team').map((r) => r.id),
      );
      log(`scenario planning-dashboard: ${queries.length} requests per round over ${years.length} years, serially`);
      const planning = await measurePlanningDashboard({
        coldUrl,
        warmUrl: lotseUrl,
        appDatabaseUrl: appUrlOf(ownerUrl),
        login: { cookie: coldLogin.cookie, tenantId: coldLogin.tenantId },
        warmLogin: { cookie: planner.cookie, tenantId: planner.tenantId },
        queries,
        rounds: 1,
        log,
      });
      planning.years = `${years[years.length - 1]}–${years[0]}`;
      log(
        `planning-dashboard: first request of a year p95 ${planning.firstOfYear?.p95.toFixed(1)} ms, cold p95 ${planning.cold.p95.toFixed(1)} ms, warm p95 ${planning.warm.p95.toFixed(1)} ms, ` +
          `bare SQL p95 ${planning.bareSql.p95.toFixed(1)} ms (ratio ${planning.ratioP95.toFixed(2)})`,
      );
      results.planning = planning;
    } finally {
      await coldApp.close();
    }
  }
  if (selected('modul13-export')) {
    const { rows } = await sql<{ month: string; events: number }>`
      select to_char(m, 'YYYY-MM') as month, count(*)::int8 as events from (
        select date_trunc('month', started_on) as m from referrals where tenant_id = ${planner.tenantId} and started_on is not null
        union all
        select date_trunc('month', ended_on) from referrals where tenant_id = ${planner.tenantId} and ended_on is not null and started_on is not null
      ) e where m < date_trunc('month', now()) group by m order by events desc, m desc limit 1`.execute(database.owner);
    const largest = rows[0];
    if (!largest) throw new BenchFailure('modul13-export: tenant 0 holds no begun referrals');
    const year = currentYear - 1;
    log(`scenario modul13-export: baseline, largest month ${largest.month} (${largest.events} begin/end events), year ${year}`);
    const modul13: Modul13Result = {
      description:
        `lotse export modul13 of tenant 0 in a child process (tsx, own pool of 2 connections): a month before the history ` +
        `(${currentYear - options.historyYears - 3}-01, no measures: the process's own footprint), the month with the most ` +
        `begin/end events (${largest.month}) and the whole year ${year}; peak RSS = the child's maxRSS`,
      baseline: await runModul13Export(
        ownerUrl,
        planner.tenantId,
        `${currentYear - options.historyYears - 3}-01`,
        'baseline (empty month)',
      ),
      largestMonth: await runModul13Export(ownerUrl, planner.tenantId, largest.month, `largest month ${largest.month}`),
      year: await runModul13Export(ownerUrl, planner.tenantId, String(year), `year ${year}`),
    };
    for (const run of [modul13.baseline, modul13.largestMonth, modul13.year])
      log(
        `  ${run.label}: ${run.records} records in ${run.seconds.toFixed(1)} s (${Math.round(run.recordsPerSecond)}/s), peak RSS ${run.peakRssMb} MB`,
      );
    results.modul13 = modul13;
  }
  return results;
}

async function main() {
  const parsed = parseOptions(process.argv.slice(2), process.env);
  if (parsed === 'help') {
    console.log(USAGE);
    return;
  }
  if ('render' in parsed) {
    const report = JSON.parse(readFileSync(parsed.render, 'utf8')) as BenchReport;
    writeFileSync(parsed.render.replace(/\.json$/, '.md'), renderMarkdown(report));
    log(`wrote ${parsed.render.replace(/\.json$/, '.md')}`);
    return;
  }
  const options = parsed;
  const date = new Date();

  const target = await createBenchDatabase(options);
  log(`database ${target.name}${options.keep ? ` (kept: ${target.url})` : ''}`);
  const database = await createDatabase({ databaseUrl: target.url, poolSize: options.poolSize });
  cleanups.push({ label: 'close database', run: () => database.close() });

  const data = await loadData(database, options);
  const machine = await machineInfo(database);

  const app = await buildApp({ database, config: { logLevel: 'silent', argon2: CHEAP_ARGON2 } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  cleanups.push({ label: 'close Lotse', run: () => app.close() });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new BenchFailure('Lotse did not listen on a TCP port');
  const lotseUrl = `http://127.0.0.1:${address.port}`;

  const floor = await startFloorServer({ connectionString: appUrlOf(target.url), poolSize: options.poolSize });
  cleanups.push({ label: 'close floor', run: () => floor.close() });
  log(`Lotse at ${lotseUrl}, floor at ${floor.url}`);

  const auth = await login(lotseUrl);
  const { ids, caseIds, bodies } = await sampleWorkload(database, auth.tenantId);
  if (caseIds.length === 0) throw new BenchFailure('the demo data holds no cases for the case-overview scenario');
  // The agreement rule table is loaded once per process at the first case read; do that before comparing SQL.
  await call(lotseUrl, auth, { kind: 'case', id: caseIds[0] ?? '' });
  const notes = await verifyFloor(lotseUrl, floor.url, auth, ids, caseIds, bodies);
  const probe = await serialReadProbe(appUrlOf(target.url), auth.tenantId, auth.userId, ids);
  log(describeProbe(probe));
  notes.push(describeProbe(probe));
  const plans = describeSearchPlans(await explainSearches(appUrlOf(target.url), auth.tenantId, bodies));
  log(plans);
  notes.push(plans);

  const allScenarios: { name: string; description: string; workload: Workload }[] = [
    {
      name: 'person-read',
      description: `GET /api/persons/:id over ${ids.length} random persons of tenant 0 (session lookup, tenant transaction, person with contact and household, read-log append)`,
      workload: { kind: 'read', path: '/api/persons/', ids, cookie: auth.cookie },
    },
    {
      name: 'case-overview',
      description: `GET /api/cases/:id over ${caseIds.length} random cases of tenant 0 in every state (session lookup, tenant transaction, the whole case file in one statement: person, case manager, rules, barriers, resources, goals and sub-goals, latest agreement versions, ratings, latest 20 contacts, follow-ups, history; read-log append)`,
      workload: { kind: 'read', path: '/api/cases/', ids: caseIds, cookie: auth.cookie },
    },
    {
      name: 'person-search',
      description: `POST /api/persons/search cycling through ${bodies.length} queries: last-name prefixes (3–5 letters), "Lastname Firstname", birth dates dd.mm.yyyy, customer-number prefixes; first page of 25, each hit appended to the read log`,
      workload: {
        kind: 'search',
        bodies: bodies.map((b) => JSON.stringify({ query: b.query })),
        cookie: auth.cookie,
        csrfToken: auth.csrfToken,
      },
    },
  ];
  const selected = (name: string) => options.scenarios.length === 0 || options.scenarios.includes(name);
  const scenarios = allScenarios.filter((s) => selected(s.name));

  // Write scenarios, measured against Lotse alone. Their data is only sampled when they run.
  const writeScenarios: {
    name: string;
    description: string;
    workload: Workload;
    /** What the scenario writes: rows, and row versions raised; compared with the 2xx answers after the run. */
    count: () => Promise<{ rows: number; versions: number }>;
    rowLabel: string;
    targets: number;
  }[] = [];
  if (selected('provider-feedback')) {
    const provider = await login(lotseUrl, 'traeger');
    if (provider.tenantId !== auth.tenantId) throw new BenchFailure('the demo user traeger is not in tenant 0');
    const today = todayInGermany();
    const targets = await sampleFeedbackTargets(database, provider.tenantId, 'traeger', today);
    if (targets.length < FEEDBACK_TARGETS_MIN)
      throw new BenchFailure(
        `provider-feedback needs at least ${FEEDBACK_TARGETS_MIN} referrals of traeger's provider in status accepted or started ` +
          `with a consent valid today (${today}) that covers attendance; the demo data of tenant 0 holds ${targets.length}`,
      );
    log(`provider-feedback: ${targets.length} target referrals of traeger's provider`);
    const body = JSON.stringify({ kind: 'appointment', appointmentOn: today, kept: true });
    const headers = { cookie: provider.cookie, 'x-csrf-token': provider.csrfToken, 'content-type': 'application/json' };
    // One request by itself first: it must be accepted, and its SQL shows what each request of the scenario does.
    const first = await captureQueries(async () => {
      const response = await fetch(`${lotseUrl}/api/portal/referrals/${targets[0]}/feedback`, { method: 'POST', headers, body });
      return { status: response.status, text: await response.text() };
    });
    if (first.result.status !== 201)
      throw new BenchFailure(
        `provider-feedback: a first feedback was answered with HTTP ${first.result.status} ${first.result.text.slice(0, 300)}`,
      );
    log('SQL of one provider feedback (Lotse):');
    for (const q of first.queries) log(`  ${q.text.replace(/\s+/g, ' ').slice(0, 160)}`);
    writeScenarios.push({
      name: 'provider-feedback',
      description:
        `POST /api/portal/referrals/:id/feedback as the provider user traeger, round-robin over ${targets.length} referrals of its provider ` +
        `(accepted or started, consent valid today covering attendance), body {"kind":"appointment","appointmentOn":"${today}","kept":true} ` +
        '(session lookup, tenant transaction, referral locked, consent share-locked and checked, feedback row inserted, ' +
        'version raised, referral with all its feedback reloaded, read-log append, change-log append last; no Idempotency-Key)',
      workload: {
        kind: 'post',
        paths: targets.map((id) => `/api/portal/referrals/${id}/feedback`),
        body,
        cookie: provider.cookie,
        csrfToken: provider.csrfToken,
      },
      count: () => feedbackCounts(database, provider.tenantId, targets),
      rowLabel: 'referral_feedback rows',
      targets: targets.length,
    });
  }

  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    log(`scenario ${scenario.name}: ${options.connections} connections, ${options.warmupSeconds} s warm-up + ${options.durationSeconds} s`);
    const { Lotse: lotse, floor: floorResult } = await measureServers(
      scenario.name,
      { Lotse: lotseUrl, floor: floor.url },
      scenario.workload,
      options,
      target,
    );
    const r = ratio(lotse.requestsPerSecond, floorResult.requestsPerSecond);
    log(`${scenario.name}: Lotse / floor = ${(r * 100).toFixed(0)} %`);
    const scenarioResult: ScenarioResult = { name: scenario.name, description: scenario.description, lotse, floor: floorResult, ratio: r };
    if (options.cpuProfile) {
      scenarioResult.cpu = {
        lotse: await cpuBreakdown(`${scenario.name} Lotse`, lotseUrl, scenario.workload, options),
        floor: await cpuBreakdown(`${scenario.name} floor`, floor.url, scenario.workload, options),
      };
    }
    results.push(scenarioResult);
  }

  const experiments = options.experiments
    ? await runExperiments(scenarios, results, { lotseUrl, floorUrl: floor.url, ownerUrl: target.url }, options, target)
    : [];

  // Writes last, so that all read measurements (the what-if runs too) see the same data.
  const writeResults: WriteScenarioResult[] = [];
  for (const scenario of writeScenarios) {
    log(
      `scenario ${scenario.name} (Lotse only): ${options.connections} connections, ${options.warmupSeconds} s warm-up + ${options.durationSeconds} s in one round`,
    );
    const before = await scenario.count();
    let warmupAnswers = 0;
    // One round of the whole duration: rounds only serve to alternate servers, and each round's end cuts
    // off the requests still queued, which leaves only the faster ones counted when latencies run to seconds.
    const { Lotse: lotse } = await measureServers(
      scenario.name,
      { Lotse: lotseUrl },
      scenario.workload,
      { ...options, rounds: 1 },
      target,
      {
        onWarmup: (_, warmup) => {
          warmupAnswers += warmup.requests;
        },
        afterRun: async () => void (await settled(scenario.count)),
      },
    );
    const after = await settled(scenario.count);
    const written = after.rows - before.rows;
    const raised = after.versions - before.versions;
    const answers = warmupAnswers + lotse.requests;
    // Each load run can end with one request per connection cut off: its write may commit without a counted answer.
    const cutOff = options.connections * (1 + (options.warmupSeconds > 0 ? 1 : 0));
    const check = `${written.toLocaleString('en-US')} ${scenario.rowLabel} written, ${raised.toLocaleString('en-US')} versions raised, ${answers.toLocaleString('en-US')} 2xx answers (${warmupAnswers.toLocaleString('en-US')} warm-up + ${lotse.requests.toLocaleString('en-US')} measured)`;
    log(`${scenario.name}: ${check}`);
    if (written !== raised || written < answers || written > answers + cutOff)
      throw new BenchFailure(
        `${scenario.name}: the writes do not match the answers: ${check}; expected rows = versions and between the answers and answers + ${cutOff} (requests cut off at the end of a run)`,
      );
    notes.push(
      `${scenario.name}: ${scenario.targets.toLocaleString('en-US')} referrals targeted; ${check}. ` +
        `Feedback entries per targeted referral: ${(before.rows / scenario.targets).toFixed(1)} before, ${(after.rows / scenario.targets).toFixed(1)} after the run (each answer carries all of them).`,
    );
    writeResults.push({ name: scenario.name, description: scenario.description, lotse });
  }

  const steering = await measureSteering(database, target.url, lotseUrl, options);

  const readLog = await sql<{ entries: number }>`select count(*)::int8 as entries from read_log`.execute(database.owner);
  notes.push(`Read-log entries written during the run: ${(readLog.rows[0]?.entries ?? 0).toLocaleString('en-US')}.`);
  notes.push(
    `PostgreSQL settings: ${Object.entries(machine.postgresSettings)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')}.`,
  );
  for (const s of [...results, ...writeResults]) notes.push(`${s.name}: ${s.description}.`);

  const { postgresSettings: _settings, ...machineSummary } = machine;
  const report: BenchReport = {
    date: date.toISOString(),
    quick: options.quick,
    machine: machineSummary,
    settings: {
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      rounds: options.rounds,
      warmupSeconds: options.warmupSeconds,
      poolSize: options.poolSize,
      readIds: ids.length,
      searchBodies: bodies.length,
    },
    data,
    scenarios: results,
    writeScenarios: writeResults,
    experiments,
    targets: evaluateTargets(results, TARGETS),
    steering,
    notes,
  };
  const dir = fileURLToPath(new URL('../results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const stamp = fileTimestamp(date);
  const json = `${JSON.stringify({ ...report, machine }, null, 2)}\n`;
  const markdown = renderMarkdown(report);
  writeFileSync(`${dir}${stamp}.json`, json);
  writeFileSync(`${dir}${stamp}.md`, markdown);
  // Quick runs and runs of only some scenarios do not replace the latest full report.
  const complete = options.scenarios.length === 0 && !options.quick;
  if (complete) {
    writeFileSync(`${dir}latest.json`, json);
    writeFileSync(`${dir}latest.md`, markdown);
  }
  log(`report: bench/results/${stamp}.md${complete ? ' (and latest.md)' : ''}`);
  console.log(markdown);
}

let interrupted = false;
process.once('SIGINT', () => {
  interrupted = true;
  log('interrupted, cleaning up …');
  void cleanup().finally(() => process.exit(130));
});

main()
  .then(async () => {
    if (!interrupted) await cleanup();
  })
  .catch(async (error: unknown) => {
    console.error(error instanceof BenchFailure ? `\nBENCH FAILED: ${error.message}\n` : error);
    await cleanup();
    process.exitCode = 1;
  });
