import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PlanningCube, type PlanningCubeInput, type PlanningCubeShape } from '@lotse/domain';
import type { SuppressionJob, SuppressionResult } from './suppression-worker';

/**
 * One worker thread that computes suppression patterns one after another, so that a planner's first
 * request or a background refresh does not stall every other request for a second. The worker loads
 * TypeScript through tsx, as the server does. Should the worker fail to start or die, the pattern is
 * computed on the calling thread: slower for everyone meanwhile, but the figures stay available.
 */
export class SuppressionPool {
  private worker: Worker | null = null;
  private broken = false;
  /** Whether a pattern came from the worker thread (for tests and diagnostics). */
  ranInWorker = false;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (p: Uint8Array) => void; reject: (e: Error) => void; job: SuppressionJob }>();

  constructor(private readonly useWorker: boolean) {}

  suppress(shape: PlanningCubeShape, input: PlanningCubeInput, minimum: number): Promise<Uint8Array> {
    const worker = this.useWorker && !this.broken ? this.start() : null;
    if (!worker) return Promise.resolve(new PlanningCube(shape, input).suppress(minimum));
    const job: SuppressionJob = { id: this.nextId++, shape, input, minimum };
    return new Promise((resolve, reject) => {
      this.pending.set(job.id, { resolve, reject, job });
      worker.postMessage(job);
    });
  }

  /** Ends the worker (the server's shutdown). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.broken = true;
    if (worker) await worker.terminate();
    for (const [id, { reject }] of this.pending) {
      this.pending.delete(id);
      reject(new Error('Der Server wird beendet.'));
    }
  }

  private start(): Worker | null {
    if (this.worker) return this.worker;
    try {
      const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
      const worker = new Worker(new URL('./suppression-worker.ts', import.meta.url), { execArgv: ['--import', tsx] });
      // An idle worker must not keep a CLI command or a test process alive.
      worker.unref();
      worker.on('message', (result: SuppressionResult) => {
        const waiting = this.pending.get(result.id);
        if (!waiting) return;
        this.pending.delete(result.id);
        if ('pattern' in result) {
          this.ranInWorker = true;
          waiting.resolve(result.pattern);
        } else waiting.reject(new Error(`Sperrmuster nicht berechnet: ${result.error}`));
      });
      worker.on('error', () => this.fallBack(worker));
      worker.on('exit', () => this.fallBack(worker));
      this.worker = worker;
      return worker;
    } catch {
      this.broken = true;
      return null;
    }
  }

  /** The worker is gone: what it had not answered yet is computed here. */
  private fallBack(worker: Worker) {
    if (this.worker !== worker) return;
    this.worker = null;
    this.broken = true;
    this.failPending();
  }

  private failPending() {
    for (const [id, { resolve, reject, job }] of this.pending) {
      this.pending.delete(id);
      try {
        resolve(new PlanningCube(job.shape, job.input).suppress(job.minimum));
      } catch (error) {
        reject(error as Error);
      }
    }
  }
}
