import { Worker } from 'node:worker_threads';
import type { LoadResult } from './report';

export type Workload =
  | { kind: 'read'; ids: string[]; cookie: string }
  | { kind: 'search'; bodies: string[]; cookie: string; csrfToken: string };

export interface LoadJob {
  url: string;
  connections: number;
  durationSeconds: number;
  workload: Workload;
}

export interface LoadRun {
  result: LoadResult;
  /** CPU time of the load generator's thread. */
  cpuSeconds: number;
}

/** One autocannon run in a worker thread (see load-worker.ts). */
export function runLoad(job: LoadJob): Promise<LoadRun> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.ts', import.meta.url), { workerData: job });
    let settled = false;
    worker.once('message', (message: { result?: LoadResult; cpuSeconds?: number; error?: string }) => {
      settled = true;
      if (message.result) resolve({ result: message.result, cpuSeconds: message.cpuSeconds ?? Number.NaN });
      else reject(new Error(`autocannon: ${message.error}`));
      void worker.terminate();
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`load worker exited with code ${code} before reporting`));
    });
  });
}
