import { groupCountsOfMask, PlanningCube, type PlanningCubeInput, type PlanningCubeShape } from '@lotse/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { SuppressionPool } from './suppression-pool';

const shape: PlanningCubeShape = {
  serviceTypes: 3,
  regions: 3,
  teams: 2,
  financingModels: 2,
  stockMonths: 12,
  utilisation: [true, false, true],
};
const input: PlanningCubeInput = {
  flows: [
    { measure: 'needs', month: 0, serviceType: 0, region: 0, team: 0, groups: groupCountsOfMask(1, 3) },
    { measure: 'needs', month: 0, serviceType: 1, region: 1, team: 0, groups: groupCountsOfMask(0, 7) },
    { measure: 'referrals', month: 4, serviceType: 0, region: 2, team: 1, groups: groupCountsOfMask(4, 2) },
    { measure: 'starts', month: 4, serviceType: 2, region: 0, team: 1, groups: groupCountsOfMask(0, 9) },
  ],
  waiting: [{ serviceType: 0, region: 0, team: 0, from: 0, to: 3, groups: groupCountsOfMask(2, 1) }],
  running: [{ serviceType: 2, region: 1, team: 1, from: 1, to: 11, groups: groupCountsOfMask(0, 6) }],
  costCases: [{ serviceType: 2, financingModel: 1, started: 9, carried: 2 }],
};

describe('suppression pool', () => {
  const pools: SuppressionPool[] = [];
  const pool = (useWorker: boolean) => {
    const created = new SuppressionPool(useWorker);
    pools.push(created);
    return created;
  };
  afterEach(async () => {
    for (const p of pools.splice(0)) await p.close();
  });

  it('computes in the worker thread exactly the pattern of the calling thread, for several jobs at once', async () => {
    const expected = new PlanningCube(shape, input).suppress(5);
    expect(expected.some((x) => x === 1)).toBe(true);
    const worker = pool(true);
    const [a, b, c] = await Promise.all([
      worker.suppress(shape, input, 5),
      worker.suppress(shape, input, 3),
      worker.suppress(shape, input, 5),
    ]);
    expect(Array.from(a)).toEqual(Array.from(expected));
    expect(Array.from(c)).toEqual(Array.from(expected));
    expect(Array.from(b)).toEqual(Array.from(new PlanningCube(shape, input).suppress(3)));
    expect(worker.ranInWorker).toBe(true);
  });

  it('computes on the calling thread when the worker is off, with the same result', async () => {
    const inline = pool(false);
    const pattern = await inline.suppress(shape, input, 5);
    expect(Array.from(pattern)).toEqual(Array.from(new PlanningCube(shape, input).suppress(5)));
    expect(inline.ranInWorker).toBe(false);
  });

  it('refuses work still waiting when the server shuts down, and computes inline afterwards', async () => {
    const worker = pool(true);
    const waiting = worker.suppress(shape, input, 5);
    await worker.close();
    await expect(waiting).rejects.toThrow('Der Server wird beendet.');
    const after = await worker.suppress(shape, input, 5);
    expect(Array.from(after)).toEqual(Array.from(new PlanningCube(shape, input).suppress(5)));
  });
});
