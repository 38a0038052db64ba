import { parentPort } from 'node:worker_threads';
import { PlanningCube, type PlanningCubeInput, type PlanningCubeShape } from '@lotse/domain';

/**
 * Runs in a worker thread (see suppression-pool.ts): computes a cube's suppression pattern, which takes
 * about a second for a large tenant's year and would otherwise block the server's event loop.
 */
export interface SuppressionJob {
  id: number;
  shape: PlanningCubeShape;
  input: PlanningCubeInput;
  minimum: number;
}
export type SuppressionResult = { id: number; pattern: Uint8Array } | { id: number; error: string };

parentPort?.on('message', (job: SuppressionJob) => {
  try {
    const pattern = new PlanningCube(job.shape, job.input).suppress(job.minimum);
    parentPort?.postMessage({ id: job.id, pattern } satisfies SuppressionResult, [pattern.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort?.postMessage({
      id: job.id,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    } satisfies SuppressionResult);
  }
});
