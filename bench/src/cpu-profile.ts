import { Session } from 'node:inspector/promises';

/** The parts of a V8 CPU profile (Profiler.stop) that are used here. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  samples?: number[];
  timeDeltas?: number[];
}

export interface CpuShare {
  category: string;
  /** Main-thread time per request, µs. */
  microsPerRequest: number;
  /** Share of the main thread's busy (non-idle) time. */
  share: number;
}

export interface CpuBreakdown {
  requests: number;
  /** Busy main-thread time per request, µs (wall-clock samples: includes time descheduled inside a running function). */
  busyMicrosPerRequest: number;
  shares: CpuShare[];
}

const SOCKET_WRITES = new Set(['writev', 'writeBuffer', 'writeUtf8String', 'writeLatin1String']);

/** Rules from the innermost frame outwards; the first that matches a frame names the category. */
const RULES: [string, (frame: { functionName: string; url: string }) => boolean][] = [
  ['todayInGermany (Intl.DateTimeFormat per call)', (f) => f.functionName === 'todayInGermany'],
  ['Kysely (query building, compiling, CamelCasePlugin)', (f) => f.url.includes('node_modules/kysely/')],
  ['pg driver', (f) => /node_modules\/(pg|pg-protocol|pg-pool|pg-types|postgres-date|postgres-array|postgres-interval)\//.test(f.url)],
  ['zod (validation, response serialisation)', (f) => /node_modules\/(zod|fastify-type-provider-zod)\//.test(f.url)],
  [
    'Fastify and plugins',
    (f) => /node_modules\/(fastify|find-my-way|avvio|@fastify|light-my-request|secure-json-parse|fast-json-stringify|cookie)\//.test(f.url),
  ],
  ['Lotse code (apps, packages)', (f) => f.url.includes('/apps/') || f.url.includes('/packages/')],
  ['floor and bench code', (f) => f.url.includes('/bench/src/')],
];

function categoryOf(frames: { functionName: string; url: string }[]): string {
  const inner = frames[0];
  if (!inner) return 'other';
  if (inner.functionName === '(idle)') return 'idle';
  if (inner.functionName === '(program)') return 'V8 and native (program)';
  if (inner.functionName === '(garbage collector)') return 'garbage collector';
  if (SOCKET_WRITES.has(inner.functionName)) return 'socket writes (syscalls)';
  // The profiler's own start-up (Session.post) is not work of the server.
  if (frames.some((f) => f.url === 'node:inspector')) return 'idle';
  for (const frame of frames) for (const [name, matches] of RULES) if (matches(frame)) return name;
  return 'Node core (http, net, streams, promises)';
}

/** Attributes every sample's time to a category (see RULES) and divides by the requests served. */
export function classifyProfile(profile: CpuProfile, requests: number): CpuBreakdown {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const categoryCache = new Map<number, string>();
  const totals = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  samples.forEach((id, i) => {
    let category = categoryCache.get(id);
    if (category === undefined) {
      const frames: { functionName: string; url: string }[] = [];
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        const node = byId.get(cur);
        if (node) frames.push(node.callFrame);
      }
      category = categoryOf(frames);
      categoryCache.set(id, category);
    }
    totals.set(category, (totals.get(category) ?? 0) + Math.max(0, deltas[i] ?? 0));
  });
  totals.delete('idle');
  const busy = [...totals.values()].reduce((a, b) => a + b, 0);
  const perRequest = (micros: number) => (requests > 0 ? micros / requests : Number.NaN);
  return {
    requests,
    busyMicrosPerRequest: perRequest(busy),
    shares: [...totals.entries()]
      .map(([category, micros]) => ({ category, microsPerRequest: perRequest(micros), share: busy > 0 ? micros / busy : 0 }))
      .sort((a, b) => b.microsPerRequest - a.microsPerRequest),
  };
}

/** Samples the main thread (where the servers run) with V8's profiler while `work` runs. */
export async function profileMainThread<T>(work: (start: () => Promise<void>) => Promise<T>): Promise<{ result: T; profile: CpuProfile }> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 250 });
    const result = await work(async () => {
      await session.post('Profiler.start');
    });
    const { profile } = await session.post('Profiler.stop');
    return { result, profile: profile as CpuProfile };
  } finally {
    session.disconnect();
  }
}
