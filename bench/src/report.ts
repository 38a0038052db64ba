import type { CpuBreakdown } from './cpu-profile';
import type { Modul13Result, Modul13Run, PlanningDashboardResult, SteeringResults } from './steering';

/**
 * The pure part of the benchmark: statistics, the report's shape and its Markdown rendering.
 * No I/O here, so it is covered by report.test.ts.
 */

export interface LatencySummary {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

/** Where the time went during one measured run (see profile.ts). CPU figures in cores (1 = one core busy). */
export interface RunProfile {
  /** CPU of the main thread, which runs the server under test. */
  serverThreadCpu: number;
  /** Share of the time the main thread's event loop was busy (1 = saturated). */
  eventLoopUtilization: number;
  /** CPU of autocannon's worker thread. */
  loadGeneratorCpu: number;
  /** CPU of the bench database's PostgreSQL backends and parallel workers. */
  postgresCpu: number;
  /** Busy share of all cores of the machine. */
  machineBusy: number;
  /** CPU of everything else on the machine (other processes, other databases): busy cores minus this process and the bench backends. */
  otherCpu: number;
  /** Mean number of the bench database's backends that were inside a statement or a transaction. */
  backendsBusyMean: number;
  /** Mean number of backends per state: running, a wait event (Lock:transactionid, IO:WALSync …) or idle in transaction. */
  backendStates: { state: string; mean: number }[];
}

/** What one autocannon run against one server measured. */
export interface LoadResult {
  /** Mean requests per second: 2xx answers divided by the run's duration. */
  requestsPerSecond: number;
  /** All 2xx answers during the run. */
  requests: number;
  durationSeconds: number;
  latencyMs: LatencySummary;
  /** Answers with a status outside 2xx. */
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** The first few non-2xx answers, for the error message. */
  errorSamples: string[];
  /** requests/s of each round (Lotse and the floor are measured in alternating rounds). */
  roundRequestsPerSecond: number[];
  profile?: RunProfile;
}

/** One round of load against one server: what the worker measured, plus the profile of that window. */
export interface Round {
  requests: number;
  durationSeconds: number;
  /** Every 2xx latency in ms. */
  latencies: ArrayLike<number>;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  errorSamples: string[];
  profile?: RunProfile;
}

/** Duration-weighted mean of the rounds' profiles; backend states averaged the same way. */
export function combineProfiles(parts: { seconds: number; profile: RunProfile }[]): RunProfile | undefined {
  const total = parts.reduce((a, p) => a + p.seconds, 0);
  if (parts.length === 0 || total <= 0) return undefined;
  const mean = (pick: (p: RunProfile) => number) => parts.reduce((a, p) => a + pick(p.profile) * p.seconds, 0) / total;
  const states = new Map<string, number>();
  for (const part of parts) {
    for (const s of part.profile.backendStates) states.set(s.state, (states.get(s.state) ?? 0) + (s.mean * part.seconds) / total);
  }
  return {
    serverThreadCpu: mean((p) => p.serverThreadCpu),
    eventLoopUtilization: mean((p) => p.eventLoopUtilization),
    loadGeneratorCpu: mean((p) => p.loadGeneratorCpu),
    postgresCpu: mean((p) => p.postgresCpu),
    machineBusy: mean((p) => p.machineBusy),
    otherCpu: mean((p) => p.otherCpu),
    backendsBusyMean: mean((p) => p.backendsBusyMean),
    backendStates: [...states.entries()].map(([state, m]) => ({ state, mean: m })).sort((a, b) => b.mean - a.mean),
  };
}

/** Adds up rounds against one server: requests over total duration, percentiles over all latencies. */
export function combineRounds(rounds: Round[]): LoadResult {
  const sum = (pick: (r: Round) => number) => rounds.reduce((a, r) => a + pick(r), 0);
  const statusCodes: Record<string, number> = {};
  for (const r of rounds) for (const [code, n] of Object.entries(r.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + n;
  const latencies = new Float64Array(sum((r) => r.latencies.length));
  let offset = 0;
  for (const r of rounds) {
    latencies.set(Array.from(r.latencies), offset);
    offset += r.latencies.length;
  }
  const durationSeconds = sum((r) => r.durationSeconds);
  const profiled = rounds.flatMap((r) => (r.profile ? [{ seconds: r.durationSeconds, profile: r.profile }] : []));
  return {
    requestsPerSecond: durationSeconds > 0 ? sum((r) => r.requests) / durationSeconds : Number.NaN,
    requests: sum((r) => r.requests),
    durationSeconds,
    latencyMs: summariseLatencies(latencies),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    statusCodes,
    errorSamples: rounds.flatMap((r) => r.errorSamples).slice(0, 3),
    roundRequestsPerSecond: rounds.map((r) => (r.durationSeconds > 0 ? r.requests / r.durationSeconds : Number.NaN)),
    ...(profiled.length === rounds.length ? { profile: combineProfiles(profiled) } : {}),
  };
}

export interface ScenarioResult {
  name: string;
  description: string;
  lotse: LoadResult;
  floor: LoadResult;
  /** Lotse requests/s divided by the floor's. */
  ratio: number;
  /** Main-thread CPU profile per server (--cpu-profile). */
  cpu?: { lotse: CpuBreakdown; floor: CpuBreakdown };
}

/**
 * A write scenario, measured against Lotse alone: a floor would have to duplicate the whole write path
 * (consent check, feedback row, version bump, change log, read log), which is not worth keeping in step.
 */
export interface WriteScenarioResult {
  name: string;
  description: string;
  lotse: LoadResult;
}

/** A what-if run: Lotse or the floor changed in one respect, compared with its unchanged run. */
export interface ExperimentResult {
  scenario: string;
  server: 'Lotse' | 'floor';
  variant: string;
  result: LoadResult;
  /** requests/s relative to the unchanged server in the same scenario. */
  speedup: number;
}

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  postgres: string;
}

export interface TenantData {
  name: string;
  persons: number;
  households: number;
}

export interface DataInfo {
  tenants: TenantData[];
  totalPersons: number;
  totalHouseholds: number;
  /** persons + households + household members. */
  totalRows: number;
  loadSeconds: number;
  personsPerSecond: number;
  rowsPerSecond: number;
  analyzeSeconds: number;
}

export interface BenchSettings {
  connections: number;
  durationSeconds: number;
  rounds: number;
  warmupSeconds: number;
  poolSize: number;
  readIds: number;
  searchBodies: number;
}

export interface Targets {
  /** Person read: Lotse requests/s at least this share of the floor's. */
  readRatioMin: number;
  /** Person read: p99 latency at most this many ms. */
  readP99MaxMs: number;
}

export const TARGETS: Targets = { readRatioMin: 0.5, readP99MaxMs: 50 };
/** Needs-planning dashboard query on the 200,000-person tenant with ten years of history (issue 5). */
export const PLANNING_P95_TARGET_MS = 300;

export interface BenchReport {
  date: string;
  quick: boolean;
  machine: MachineInfo;
  settings: BenchSettings;
  data: DataInfo;
  scenarios: ScenarioResult[];
  /** Write scenarios, Lotse only; absent in reports written before they existed. */
  writeScenarios?: WriteScenarioResult[];
  experiments: ExperimentResult[];
  targets: Targets & { readRatioMet: boolean | null; readP99Met: boolean | null };
  /** Needs planning and the Modul 13 export (absent in reports written before they existed). */
  steering?: SteeringResults;
  /** Extra observations recorded by the run (e.g. search hit rates, lock waits). */
  notes: string[];
}

/** Nearest-rank percentile of ascending sorted values; NaN for none. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  if (p <= 0) return sorted[0] as number;
  if (p >= 100) return sorted[sorted.length - 1] as number;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export function summariseLatencies(values: ArrayLike<number>): LatencySummary {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    mean: sorted.length ? sum / sorted.length : Number.NaN,
    max: sorted.length ? (sorted[sorted.length - 1] as number) : Number.NaN,
  };
}

/** a / b, or NaN when b is not a positive number. */
export function ratio(a: number, b: number): number {
  return b > 0 && Number.isFinite(a) ? a / b : Number.NaN;
}

/** Problems that make a run invalid: any error or non-2xx answer. */
export function loadProblems(label: string, result: LoadResult): string[] {
  const problems: string[] = [];
  if (result.non2xx > 0) problems.push(`${label}: ${result.non2xx} non-2xx answers ${JSON.stringify(result.statusCodes)}`);
  if (result.errors > 0) problems.push(`${label}: ${result.errors} errors (${result.timeouts} timeouts)`);
  if (result.requests === 0) problems.push(`${label}: no successful requests`);
  for (const sample of result.errorSamples) problems.push(`${label}:   ${sample}`);
  return problems;
}

export function evaluateTargets(scenarios: ScenarioResult[], targets: Targets = TARGETS): BenchReport['targets'] {
  const read = scenarios.find((s) => s.name === 'person-read');
  return {
    ...targets,
    readRatioMet: read ? read.ratio >= targets.readRatioMin : null,
    readP99Met: read ? read.lotse.latencyMs.p99 <= targets.readP99MaxMs : null,
  };
}

/** A timestamp usable in file names: 2026-11-21T05-38-12Z. */
export function fileTimestamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');
}

const intFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatInt(value: number): string {
  return Number.isFinite(value) ? intFormat.format(Math.round(value)).replace(/,/g, '\u202f') : '–';
}

export function formatMs(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

export function formatPercent(value: number): string {
  return Number.isFinite(value) ? `${(value * 100).toFixed(0)} %` : '–';
}

function yesNo(value: boolean | null): string {
  if (value === null) return 'not measured';
  return value ? 'met' : '**not met**';
}

/** The table of figures, one row per scenario and server. */
export function scenarioTable(scenarios: ScenarioResult[]): string {
  const lines = [
    '| Scenario | Server | req/s (mean) | p50 ms | p95 ms | p99 ms | Lotse / floor | req/s per round |',
    '|---|---|--:|--:|--:|--:|--:|---|',
  ];
  for (const s of scenarios) {
    for (const [server, r] of [
      ['Lotse', s.lotse],
      ['floor', s.floor],
    ] as const) {
      const share = server === 'Lotse' ? formatPercent(s.ratio) : '';
      lines.push(
        `| ${s.name} | ${server} | ${formatInt(r.requestsPerSecond)} | ${formatMs(r.latencyMs.p50)} | ${formatMs(r.latencyMs.p95)} | ${formatMs(r.latencyMs.p99)} | ${share} | ${r.roundRequestsPerSecond.map(formatInt).join(', ')} |`,
      );
    }
  }
  return lines.join('\n');
}

/** The table of the write scenarios: Lotse only, there is no floor to compare with. */
export function writeScenarioTable(writes: WriteScenarioResult[]): string {
  const lines = ['| Scenario | req/s (mean) | p50 ms | p95 ms | p99 ms | req/s per round |', '|---|--:|--:|--:|--:|---|'];
  for (const w of writes) {
    const r = w.lotse;
    lines.push(
      `| ${w.name} | ${formatInt(r.requestsPerSecond)} | ${formatMs(r.latencyMs.p50)} | ${formatMs(r.latencyMs.p95)} | ${formatMs(r.latencyMs.p99)} | ${r.roundRequestsPerSecond.map(formatInt).join(', ')} |`,
    );
  }
  return lines.join('\n');
}

function cores(value: number): string {
  return Number.isFinite(value) ? value.toFixed(2) : '–';
}

/** The most frequent backend states, e.g. "Lock:transactionid 11.2, running 2.1". */
export function formatBackendStates(states: RunProfile['backendStates'], top = 4): string {
  const shown = states.filter((s) => s.mean >= 0.05).slice(0, top);
  return shown.length ? shown.map((s) => `${s.state} ${s.mean.toFixed(1)}`).join(', ') : '–';
}

/** Where the time went: CPU per process part and what the database backends were doing (write scenarios: Lotse only). */
export function profileTable(scenarios: ScenarioResult[], writes: WriteScenarioResult[] = []): string {
  const lines = [
    '| Scenario | Server | server thread CPU | event loop busy | PostgreSQL CPU | autocannon CPU | other processes CPU | DB backends in a transaction (mean, by state) |',
    '|---|---|--:|--:|--:|--:|--:|---|',
  ];
  const runs: [string, string, LoadResult][] = [
    ...scenarios.flatMap((s): [string, string, LoadResult][] => [
      [s.name, 'Lotse', s.lotse],
      [s.name, 'floor', s.floor],
    ]),
    ...writes.map((w): [string, string, LoadResult] => [w.name, 'Lotse', w.lotse]),
  ];
  for (const [name, server, r] of runs) {
    const p = r.profile;
    if (!p) continue;
    lines.push(
      `| ${name} | ${server} | ${cores(p.serverThreadCpu)} | ${formatPercent(p.eventLoopUtilization)} | ${cores(p.postgresCpu)} | ${cores(p.loadGeneratorCpu)} | ${cores(p.otherCpu)} | ${p.backendsBusyMean.toFixed(1)}: ${formatBackendStates(p.backendStates)} |`,
    );
  }
  return lines.join('\n');
}

export function experimentTable(experiments: ExperimentResult[]): string {
  const lines = [
    '| Scenario | Server | Variant | req/s | × unchanged | p50 ms | p99 ms | server thread CPU | PostgreSQL CPU | DB backends (mean, by state) |',
    '|---|---|---|--:|--:|--:|--:|--:|--:|---|',
  ];
  for (const e of experiments) {
    const r = e.result;
    const p = r.profile;
    lines.push(
      `| ${e.scenario} | ${e.server} | ${e.variant} | ${formatInt(r.requestsPerSecond)} | ${Number.isFinite(e.speedup) ? e.speedup.toFixed(2) : '–'} | ` +
        `${formatMs(r.latencyMs.p50)} | ${formatMs(r.latencyMs.p99)} | ${p ? cores(p.serverThreadCpu) : '–'} | ${p ? cores(p.postgresCpu) : '–'} | ` +
        `${p ? `${p.backendsBusyMean.toFixed(1)}: ${formatBackendStates(p.backendStates)}` : '–'} |`,
    );
  }
  return lines.join('\n');
}

/** Main-thread µs per request by category, Lotse next to the floor. */
export function cpuTable(scenario: ScenarioResult): string {
  const cpu = scenario.cpu;
  if (!cpu) return '';
  const categories = [...new Set([...cpu.lotse.shares, ...cpu.floor.shares].map((s) => s.category))];
  const micros = (b: CpuBreakdown, category: string) => b.shares.find((s) => s.category === category)?.microsPerRequest ?? 0;
  categories.sort((a, b) => micros(cpu.lotse, b) - micros(cpu.lotse, a));
  const lines = [
    `| ${scenario.name}: main thread µs per request | Lotse | floor |`,
    '|---|--:|--:|',
    ...categories.map((c) => `| ${c} | ${formatInt(micros(cpu.lotse, c))} | ${formatInt(micros(cpu.floor, c))} |`),
    `| **total busy** | **${formatInt(cpu.lotse.busyMicrosPerRequest)}** | **${formatInt(cpu.floor.busyMicrosPerRequest)}** |`,
  ];
  return lines.join('\n');
}

export function renderMarkdown(report: BenchReport): string {
  const { machine, data, settings, targets } = report;
  const tenantRows = data.tenants.map((t) => `| ${t.name} | ${formatInt(t.persons)} | ${formatInt(t.households)} |`);
  const read = report.scenarios.find((s) => s.name === 'person-read');
  const writes = report.writeScenarios ?? [];
  const lines = [
    `# Lotse benchmark – ${report.date}${report.quick ? ' (quick run)' : ''}`,
    '',
    '## Machine',
    '',
    `- CPU: ${machine.cpuModel}, ${machine.cores} cores; memory ${machine.memoryGiB.toFixed(0)} GiB; ${machine.os}`,
    `- Node ${machine.node}; ${machine.postgres}`,
    `- Load generator: autocannon in a worker thread, ${settings.connections} connections, ${settings.durationSeconds} s per scenario and server ` +
      `(${settings.rounds} alternating rounds Lotse/floor) after ${settings.warmupSeconds} s warm-up; database pool ${settings.poolSize} connections (Lotse and floor)`,
    '',
    '## Data',
    '',
    '| Tenant | Persons | Households |',
    '|---|--:|--:|',
    ...tenantRows,
    `| **total** | ${formatInt(data.totalPersons)} | ${formatInt(data.totalHouseholds)} |`,
    '',
    `Load (seedDemo → loadDemoPersons): ${data.loadSeconds.toFixed(1)} s, ${formatInt(data.personsPerSecond)} persons/s ` +
      `(${formatInt(data.rowsPerSecond)} rows/s over persons, households and members); analyze ${data.analyzeSeconds.toFixed(1)} s.`,
    '',
    '## Results',
    '',
    report.scenarios.length ? scenarioTable(report.scenarios) : 'No read scenario was measured in this run.',
    '',
    ...(writes.length
      ? [
          '### Writes (Lotse only)',
          '',
          'Every request writes, so there is no floor server to compare with (it would have to duplicate the whole write path); ' +
            'the figures stand alone, measured in one round of the whole duration. The scenarios are described in the notes.',
          '',
          writeScenarioTable(writes),
          '',
        ]
      : []),
    'Errors and non-2xx answers: none (a run with any fails).',
    '',
    ...([...report.scenarios, ...writes].some((sc) => sc.lotse.profile)
      ? [
          '## Where the time goes',
          '',
          'CPU in cores (1.00 = one core fully busy). Backend states sampled from pg_stat_activity every 50 ms: `running` = executing, ' +
            '`Lock:*` = waiting for a lock, `IO:WALSync`/`LWLock:WALWrite` = waiting for the commit to reach the disk, ' +
            '`idle in transaction` = inside a transaction, waiting for Node to send the next statement.',
          '',
          profileTable(report.scenarios, writes),
          '',
        ]
      : []),
    ...(report.scenarios.some((sc) => sc.cpu)
      ? [
          '## Main thread CPU per request (--cpu-profile)',
          '',
          'V8 sampling profiler on the thread that runs both servers, one extra round per server; each sample is attributed to the innermost ' +
            'recognised frame. Wall-clock samples: time the thread spends descheduled inside a function (e.g. a write syscall on a busy machine) counts there.',
          '',
          ...report.scenarios.filter((sc) => sc.cpu).flatMap((sc) => [cpuTable(sc), '']),
        ]
      : []),
    ...(report.experiments.length
      ? [
          '## What-if runs (--experiments)',
          '',
          'The same load against Lotse and the floor changed in one respect; measurements for finding the limit, not proposals as they stand. ' +
            '*no read-log append*: audit_append_reads left out (Lotse: AuditRepository.appendReads replaced in-process for the run). ' +
            '*synchronous_commit=off*: the commit does not wait for the WAL flush (app pool with `-c synchronous_commit=off`). ' +
            '× unchanged: requests/s relative to the same server in the main measurement.',
          '',
          experimentTable(report.experiments),
          '',
        ]
      : []),
    '## Targets (person read at the given connections)',
    '',
    `- Lotse ≥ ${formatPercent(targets.readRatioMin)} of the floor's requests/s: ${yesNo(targets.readRatioMet)}` +
      (read ? ` (${formatPercent(read.ratio)})` : ''),
    `- p99 ≤ ${targets.readP99MaxMs} ms: ${yesNo(targets.readP99Met)}${read ? ` (${formatMs(read.lotse.latencyMs.p99)} ms)` : ''}`,
  ];
  lines.push(...steeringSection(report.steering));
  if (report.notes.length) lines.push('', '## Notes', '', ...report.notes.map((n) => `- ${n}`));
  return `${lines.join('\n')}\n`;
}

/** Needs planning (target: cold p95 ≤ 300 ms) and the Modul 13 export. */
export function steeringSection(steering: SteeringResults | undefined): string[] {
  if (!steering || (!steering.planning && !steering.modul13)) return [];
  const lines = ['', `## Steering (tenant 0 with ${steering.historyYears} years of history)`];
  const { planning, modul13 } = steering;
  if (planning) {
    lines.push(
      '',
      `### Needs-planning dashboard query (${planning.requests} requests per series, years ${planning.years})`,
      '',
      `${planning.description}. ${planning.statementsPerRequest.toFixed(1)} statements and ${Math.round(planning.rowsPerRequest).toLocaleString('en-US')} rows per request on average.`,
      '',
      planningTable(planning),
      '',
      `Target: cold p95 ≤ ${PLANNING_P95_TARGET_MS} ms: ${yesNo(planning.cold.p95 <= PLANNING_P95_TARGET_MS)} (${formatMs(planning.cold.p95)} ms). ` +
        `Cold p95 ÷ bare-SQL p95 = ${planning.ratioP95.toFixed(2)}.`,
    );
  }
  if (modul13) lines.push('', '### Modul 13 export', '', `${modul13.description}.`, '', modul13Table(modul13));
  return lines;
}

export function planningTable(result: PlanningDashboardResult): string {
  const row = (label: string, s: LatencySummary) =>
    `| ${label} | ${s.p50.toFixed(1)} | ${s.p95.toFixed(1)} | ${s.p99.toFixed(1)} | ${s.max.toFixed(1)} |`;
  return [
    '| series | p50 ms | p95 ms | p99 ms | max ms |',
    '|---|--:|--:|--:|--:|',
    // Reports before 2026-11-21 have no first-of-year series.
    ...(result.firstOfYear ? [row('Lotse, first request of a year (suppression computed and stored)', result.firstOfYear)] : []),
    row('Lotse, cold (figures computed per request, stored pattern)', result.cold),
    row('Lotse, warm (per-process figure cache)', result.warm),
    row('bare SQL (same statements, node-postgres, no HTTP)', result.bareSql),
  ].join('\n');
}

export function modul13Table(result: Modul13Result): string {
  const row = (r: Modul13Run) =>
    `| ${r.label} | ${r.records.toLocaleString('en-US')} | ${r.referralsExamined.toLocaleString('en-US')} | ${r.seconds.toFixed(1)} | ` +
    `${Math.round(r.recordsPerSecond).toLocaleString('en-US')} | ${r.peakRssMb} | ${r.fileMb.toFixed(1)} |`;
  return [
    '| export | records | referrals examined | seconds | records/s | peak RSS MB | file MB |',
    '|---|--:|--:|--:|--:|--:|--:|',
    row(result.baseline),
    row(result.largestMonth),
    row(result.year),
  ].join('\n');
}
