import { Worker } from 'node:worker_threads';
import type { Round } from './report';

export type Workload =
  | { kind: 'read'; path: '/api/persons/' | '/api/cases/'; ids: string[]; cookie: string }
  | { kind: 'search'; bodies: string[]; cookie: string; csrfToken: string }
  /** The same JSON body POSTed to each path in turn (a write per request, e.g. provider feedback). */
  | { kind: 'post'; paths: string[]; body: string; cookie: string; csrfToken: string };

export interface LoadJob {
  url: string;
  connections: number;
  durationSeconds: number;
  workload: Workload;
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'done'; round: Omit<Round, 'profile'>; cpuSeconds: number }
  | { type: 'error'; error: string };

export interface LoadRun {
  round: Omit<Round, 'profile'>;
  /** CPU time of the load generator's thread. */
  cpuSeconds: number;
}

/**
 * One autocannon run in a worker thread (see load-worker.ts). `beforeStart` runs once the worker is
 * loaded, right before the load begins (to start the profiler).
 */
export function runLoad(job: LoadJob, beforeStart: () => Promise<void> = async () => {}): Promise<LoadRun> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.ts', import.meta.url), { workerData: job });
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      reject(error);
      void worker.terminate();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') {
        beforeStart().then(() => worker.postMessage('go'), fail);
      } else if (message.type === 'done') {
        settled = true;
        resolve({ round: message.round, cpuSeconds: message.cpuSeconds });
        void worker.terminate();
      } else {
        fail(new Error(`autocannon: ${message.error}`));
      }
    });
    worker.once('error', fail);
    worker.once('exit', (code) => fail(new Error(`load worker exited with code ${code} before reporting`)));
  });
}
