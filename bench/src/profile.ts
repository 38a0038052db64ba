import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { type EventLoopUtilization, performance } from 'node:perf_hooks';
import pg from 'pg';
import type { RunProfile } from './report';

/**
 * Cheap evidence of where the time goes during one measured run: CPU of the server thread (the
 * servers run on the main thread), its event-loop utilisation, CPU of all PostgreSQL processes and
 * of the whole machine (/proc), and what the bench database's backends are doing, sampled from
 * pg_stat_activity every 50 ms (running, waiting for a lock or the WAL, or idle in a transaction,
 * i.e. waiting for the next statement from Node).
 */

const CLOCK_TICKS = 100; // USER_HZ on Linux

function postgresTicks(): number {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      if (comm !== 'postgres' && !comm.startsWith('postgres:')) continue;
      const fields = stat
        .slice(close + 2)
        .split(' ')
        .map(Number);
      // utime and stime are fields 14 and 15 of the line, 12 and 13 after the comm.
      ticks += (fields[11] ?? 0) + (fields[12] ?? 0);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks;
}

function machineTicks(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const total = values.reduce((a, b) => a + b, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { busy: total - idle, total };
}

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
  const sampler = (async () => {
    while (!stopped) {
      const { rows } = await client.query<{ what: string | null; n: number }>(SAMPLE_SQL, [database]);
      samples++;
      for (const row of rows) if (row.what) counts.set(row.what, (counts.get(row.what) ?? 0) + row.n);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();

  const startedAt = performance.now();
  const elu: EventLoopUtilization = performance.eventLoopUtilization();
  const thread = process.threadCpuUsage();
  const processCpu = process.cpuUsage();
  const pgTicks = postgresTicks();
  const machine = machineTicks();

  return {
    async stop(loadGeneratorCpuSeconds) {
      const seconds = (performance.now() - startedAt) / 1000;
      const eluDelta = performance.eventLoopUtilization(elu);
      const threadDelta = process.threadCpuUsage(thread);
      const processDelta = process.cpuUsage(processCpu);
      const pgDelta = (postgresTicks() - pgTicks) / CLOCK_TICKS;
      const machineEnd = machineTicks();
      stopped = true;
      await sampler;
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
