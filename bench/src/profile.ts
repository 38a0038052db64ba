import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { type EventLoopUtilization, performance } from 'node:perf_hooks';
import pg from 'pg';
import type { RunProfile } from './report';

/**
 * Cheap evidence of where the time goes during one measured run: CPU of the server thread (the
 * servers run on the main thread), its event-loop utilisation, CPU of the bench database's PostgreSQL
 * backends and of the whole machine (/proc), and what the bench database's backends are doing, sampled from
 * pg_stat_activity every 50 ms (running, waiting for a lock or the WAL, or idle in a transaction,
 * i.e. waiting for the next statement from Node).
 */

const CLOCK_TICKS = 100; // USER_HZ on Linux

/** utime + stime of one process in clock ticks, or undefined when it has ended. */
function processTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the comm.
    return (fields[11] ?? 0) + (fields[12] ?? 0);
  } catch {
    return undefined;
  }
}

/**
 * CPU of the bench database's PostgreSQL processes (client backends and parallel workers), which come
 * and go: each pid is read when first seen and every few samples after; a pid first seen during the
 * run started during it and counts from zero.
 */
class BackendCpu {
  private readonly first = new Map<number, number>();
  private readonly last = new Map<number, number>();

  constructor(pids: number[]) {
    for (const pid of pids) {
      const ticks = processTicks(pid);
      if (ticks !== undefined) this.first.set(pid, ticks);
    }
  }

  observe(pids: number[]) {
    for (const pid of pids) {
      const ticks = processTicks(pid);
      if (ticks === undefined) continue;
      if (!this.first.has(pid)) this.first.set(pid, 0);
      this.last.set(pid, ticks);
    }
  }

  seconds(): number {
    let ticks = 0;
    for (const [pid, last] of this.last) ticks += last - (this.first.get(pid) ?? 0);
    return ticks / CLOCK_TICKS;
  }
}

function machineTicks(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const total = values.reduce((a, b) => a + b, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { busy: total - idle, total };
}

const PIDS_SQL =
  'select coalesce(array_agg(pid), array[]::int[]) as pids from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()';

const SAMPLE_SQL = `
  select case
           when state = 'active' then coalesce(wait_event_type || ':' || wait_event, 'running')
           when state like 'idle in transaction%' then 'idle in transaction'
           else null
         end as what,
         count(*)::int as n
  from pg_stat_activity
  where datname = $1 and pid <> pg_backend_pid() and backend_type = 'client backend'
  group by 1`;

export interface Profiler {
  stop(loadGeneratorCpuSeconds: number): Promise<RunProfile>;
}

export async function startProfiler(ownerUrl: string, database: string): Promise<Profiler> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  const counts = new Map<string, number>();
  let samples = 0;
  let stopped = false;
  const pids = async () => (await client.query<{ pids: number[] }>(PIDS_SQL, [database])).rows[0]?.pids ?? [];
  const backendCpu = new BackendCpu(await pids());
  const sampler = (async () => {
    while (!stopped) {
      const { rows } = await client.query<{ what: string | null; n: number }>(SAMPLE_SQL, [database]);
      samples++;
      for (const row of rows) if (row.what) counts.set(row.what, (counts.get(row.what) ?? 0) + row.n);
      if (samples % 4 === 1) backendCpu.observe(await pids());
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();

  const startedAt = performance.now();
  const elu: EventLoopUtilization = performance.eventLoopUtilization();
  const thread = process.threadCpuUsage();
  const processCpu = process.cpuUsage();
  const machine = machineTicks();

  return {
    async stop(loadGeneratorCpuSeconds) {
      const seconds = (performance.now() - startedAt) / 1000;
      const eluDelta = performance.eventLoopUtilization(elu);
      const threadDelta = process.threadCpuUsage(thread);
      const processDelta = process.cpuUsage(processCpu);
      const machineEnd = machineTicks();
      stopped = true;
      await sampler;
      backendCpu.observe(await pids());
      const pgDelta = backendCpu.seconds();
      await client.end();
      const busy = machineEnd.busy - machine.busy;
      const total = machineEnd.total - machine.total;
      const coreCount = availableParallelism();
      const machineBusy = total > 0 ? busy / total : Number.NaN;
      const processCores = (processDelta.user + processDelta.system) / 1e6 / seconds;
      const backendSamples = [...counts.values()].reduce((a, b) => a + b, 0);
      return {
        serverThreadCpu: (threadDelta.user + threadDelta.system) / 1e6 / seconds,
        eventLoopUtilization: eluDelta.utilization,
        loadGeneratorCpu: loadGeneratorCpuSeconds / seconds,
        postgresCpu: pgDelta / seconds,
        machineBusy,
        otherCpu: Math.max(0, machineBusy * coreCount - processCores - pgDelta / seconds),
        backendsBusyMean: samples ? backendSamples / samples : 0,
        backendStates: [...counts.entries()]
          .map(([state, n]) => ({ state, mean: n / Math.max(1, samples) }))
          .sort((a, b) => b.mean - a.mean),
      };
    },
  };
}
