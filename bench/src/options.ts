import { parseArgs } from 'node:util';

const SCENARIOS = ['person-read', 'case-overview', 'person-search', 'provider-feedback', 'planning-dashboard', 'modul13-export'];

export interface BenchOptions {
  persons: number;
  /** Years of closed-case history before the current data (needs planning, statistics export). */
  historyYears: number;
  otherTenants: number;
  otherPersons: number;
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  /** Lotse and the floor are measured in this many alternating rounds each (duration / rounds seconds). */
  rounds: number;
  poolSize: number;
  keep: boolean;
  quick: boolean;
  /** Owner URL of the server's maintenance database; the bench database is created next to it. */
  adminUrl: string;
  /** Only these scenarios (all when empty). */
  scenarios: string[];
  /** Also measure what-if variants (no read log, synchronous_commit off) to show where the limit is. */
  experiments: boolean;
  /** Also profile the main thread (V8 sampling profiler) in one extra round per server and scenario. */
  cpuProfile: boolean;
}

export const USAGE = `npm run bench -- [options]

  --persons N         persons in tenant 0 (default 200000; --quick: 20000)
  --history-years N   years of case history before the current data (default 10; --quick: 2)
  --other-tenants N   further tenants (default 3; --quick: 1)
  --other-persons N   persons in each further tenant (default 20000; --quick: 5000)
  --connections N     autocannon connections (default 64)
  --duration S        seconds per scenario and server (default 15; --quick: 5)
  --warmup S          warm-up seconds per server before each scenario (default 3; --quick: 2)
  --rounds N          split each measurement into N alternating rounds Lotse/floor, so background
                      load on a shared machine hits both alike (default 3)
  --pool N            database pool size of Lotse and of the floor (default 20)
  --scenario NAME     only this scenario (person-read, case-overview, person-search,
                      provider-feedback, planning-dashboard, modul13-export); repeatable
  --admin-url URL     PostgreSQL owner URL (default $LOTSE_BENCH_PG_URL or postgres://postgres@127.0.0.1:5432/postgres)
  --experiments       also measure what-if variants of Lotse and the floor: without the read-log
                      append, and with synchronous_commit=off (evidence for the bottleneck)
  --cpu-profile       profile the servers' thread in one extra round per server and scenario and
                      report where the time per request goes (Kysely, pg, Fastify, zod, syscalls …)
  --keep              keep the bench database (its URL is printed)
  --quick             small data and short runs for a sanity check
  --render FILE.json  only write FILE.md again from a report's JSON (e.g. after a change of the format)
  --help              this text`;

function positiveInt(name: string, raw: string | undefined, fallback: number, min = 1): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be an integer ≥ ${min} (is: ${raw})`);
  return value;
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = {}): BenchOptions | 'help' | { render: string } {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      persons: { type: 'string' },
      'history-years': { type: 'string' },
      'other-tenants': { type: 'string' },
      'other-persons': { type: 'string' },
      connections: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      rounds: { type: 'string' },
      pool: { type: 'string' },
      scenario: { type: 'string', multiple: true },
      'admin-url': { type: 'string' },
      keep: { type: 'boolean', default: false },
      experiments: { type: 'boolean', default: false },
      'cpu-profile': { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
      render: { type: 'string' },
    },
  });
  if (values.help) return 'help';
  if (values.render) return { render: values.render };
  const quick = values.quick ?? false;
  const scenarios = values.scenario ?? [];
  for (const s of scenarios) {
    if (!SCENARIOS.includes(s)) throw new Error(`unknown --scenario ${s} (${SCENARIOS.join(', ')})`);
  }
  return {
    persons: positiveInt('persons', values.persons, quick ? 20_000 : 200_000),
    historyYears: positiveInt('history-years', values['history-years'], quick ? 2 : 10, 0),
    otherTenants: positiveInt('other-tenants', values['other-tenants'], quick ? 1 : 3, 0),
    otherPersons: positiveInt('other-persons', values['other-persons'], quick ? 5_000 : 20_000, 0),
    connections: positiveInt('connections', values.connections, 64),
    durationSeconds: positiveInt('duration', values.duration, quick ? 5 : 15),
    warmupSeconds: positiveInt('warmup', values.warmup, quick ? 2 : 3, 0),
    rounds: positiveInt('rounds', values.rounds, 3),
    poolSize: positiveInt('pool', values.pool, 20),
    keep: values.keep ?? false,
    quick,
    adminUrl: values['admin-url'] ?? env.LOTSE_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    scenarios,
    experiments: values.experiments ?? false,
    cpuProfile: values['cpu-profile'] ?? false,
  };
}
