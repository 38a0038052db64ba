import { parentPort, workerData } from 'node:worker_threads';
import autocannon, { type AutocannonRequest } from 'autocannon';
import type { LoadJob, WorkerMessage } from './load';

/**
 * Runs autocannon in its own thread, so the load generator does not share the event loop of the
 * servers under test (they run on the main thread). Records every 2xx latency for exact percentiles.
 * Posts 'ready' once loaded and starts on 'go', so the caller's profiling window is the run itself.
 */
const job = workerData as LoadJob;
const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => parentPort?.postMessage(message, transfer);

let next = 0;
function requestOf(workload: LoadJob['workload']): AutocannonRequest {
  switch (workload.kind) {
    case 'read': {
      const { ids, path } = workload;
      return {
        method: 'GET',
        headers: { cookie: workload.cookie },
        setupRequest: (req) => ({ ...req, path: `${path}${ids[next++ % ids.length]}` }),
      };
    }
    case 'search': {
      const { bodies, cookie, csrfToken } = workload;
      return {
        method: 'POST',
        path: '/api/persons/search',
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }),
      };
    }
    case 'post': {
      const { paths, body, cookie, csrfToken } = workload;
      return {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        body,
        setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }),
      };
    }
  }
}
const request = requestOf(job.workload);

let latencies = new Float64Array(1 << 16);
let count = 0;
const errorSamples: string[] = [];
request.onResponse = (status, body) => {
  if ((status < 200 || status >= 300) && errorSamples.length < 3) errorSamples.push(`HTTP ${status}: ${String(body).slice(0, 300)}`);
};

function start() {
  const options = { url: job.url, connections: job.connections, duration: job.durationSeconds, timeout: 10, requests: [request] };
  const cpuAtStart = process.threadCpuUsage();
  const instance = autocannon(options, (error, raw) => {
    if (error) {
      post({ type: 'error', error: String(error) });
      return;
    }
    const cpu = process.threadCpuUsage(cpuAtStart);
    // Off the main thread autocannon hands back raw histograms.
    const result = autocannon.aggregateResult([raw], options);
    const statusCodes: Record<string, number> = {};
    for (const [code, { count: n }] of Object.entries(result.statusCodeStats)) statusCodes[code] = n;
    const own = latencies.slice(0, count);
    post(
      {
        type: 'done',
        round: {
          requests: result['2xx'],
          durationSeconds: result.duration,
          latencies: own,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          statusCodes,
          errorSamples,
        },
        cpuSeconds: (cpu.user + cpu.system) / 1e6,
      },
      [own.buffer],
    );
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
}

parentPort?.once('message', () => start());
post({ type: 'ready' });
