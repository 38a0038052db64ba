import { parentPort, workerData } from 'node:worker_threads';
import autocannon, { type AutocannonRequest } from 'autocannon';
import type { LoadJob } from './load';
import { type LoadResult, summariseLatencies } from './report';

/**
 * Runs autocannon in its own thread, so the load generator does not share the event loop of the
 * servers under test (they run on the main thread). Records every 2xx latency for exact percentiles.
 */
const job = workerData as LoadJob;

let next = 0;
const request: AutocannonRequest =
  job.workload.kind === 'read'
    ? (() => {
        const ids = job.workload.ids;
        return {
          method: 'GET',
          headers: { cookie: job.workload.cookie },
          setupRequest: (req) => ({ ...req, path: `/api/persons/${ids[next++ % ids.length]}` }),
        };
      })()
    : (() => {
        const { bodies, cookie, csrfToken } = job.workload;
        return {
          method: 'POST',
          path: '/api/persons/search',
          headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
          setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }),
        };
      })();

let latencies = new Float64Array(1 << 16);
let count = 0;
const errorSamples: string[] = [];
request.onResponse = (status, body) => {
  if ((status < 200 || status >= 300) && errorSamples.length < 3) errorSamples.push(`HTTP ${status}: ${String(body).slice(0, 300)}`);
};

const options = { url: job.url, connections: job.connections, duration: job.durationSeconds, timeout: 10, requests: [request] };
const cpuAtStart = process.threadCpuUsage();
const instance = autocannon(options, (error, raw) => {
  if (error) {
    parentPort?.postMessage({ error: String(error) });
    return;
  }
  const cpu = process.threadCpuUsage(cpuAtStart);
  // Off the main thread autocannon hands back raw histograms.
  const result = autocannon.aggregateResult([raw], options);
  const statusCodes: Record<string, number> = {};
  for (const [code, { count: n }] of Object.entries(result.statusCodeStats)) statusCodes[code] = n;
  const summary: LoadResult = {
    requestsPerSecond: result['2xx'] / result.duration,
    requests: result['2xx'],
    durationSeconds: result.duration,
    latencyMs: summariseLatencies(latencies.subarray(0, count)),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    errorSamples,
  };
  parentPort?.postMessage({ result: summary, cpuSeconds: (cpu.user + cpu.system) / 1e6 });
});
instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
  if (statusCode < 200 || statusCode >= 300) return;
  if (count === latencies.length) {
    const grown = new Float64Array(latencies.length * 2);
    grown.set(latencies);
    latencies = grown;
  }
  latencies[count++] = responseTime;
});
