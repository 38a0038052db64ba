import fc from 'fast-check';
import { solve } from 'yalps';
import {
  type CostCellKind,
  columnsOfMask,
  FLOW_MEASURES,
  type FlowMeasure,
  groupCountsOfMask,
  MONTHS,
  type PlanningCube,
  type PlanningCubeInput,
  type PlanningCubeShape,
  quarterTime,
  RUNNING_BLOCK,
  WAITING_BLOCK,
  YEAR_TIME,
} from './planning-cube';
import { isSensitive } from './suppression';

/**
 * Test support (not exported from the package): an attacker with a linear-programming solver (yalps,
 * a devDependency) who knows every published figure of a planning cube and bounds every suppressed
 * cell, and random small inputs for the property tests. Used by suppression.test.ts.
 */

/**
 * What a planner could compute: the finest unknowns ("atoms") are the persons' counts per finest
 * combination: flows per month × service type × region × team × target-group mask (U25 and Ü50
 * exclude each other), the waiting list per month end likewise, person-months of running referrals
 * per service type × region × team × mask, and the starts additionally per financing model with the
 * carried-over cases per service type × financing model. Every published cell is a sum of atoms.
 */
export interface Atom {
  block: 'flow' | 'waiting' | 'running' | 'carried';
  measure?: FlowMeasure;
  month: number;
  s: number;
  r: number;
  m: number;
  mask: number;
  f: number;
}

export const MASKS = Array.from({ length: 32 }, (_, i) => i).filter((mask) => (mask & 3) !== 3);

export function atomsOf(shape: PlanningCubeShape): Atom[] {
  const atoms: Atom[] = [];
  const { serviceTypes: S, regions: R, teams: M, financingModels: F } = shape;
  for (let s = 0; s < S; s++)
    for (let r = 0; r < R; r++)
      for (let m = 0; m < M; m++)
        for (const mask of MASKS) {
          for (const measure of FLOW_MEASURES)
            for (let month = 0; month < MONTHS; month++)
              for (let f = 0; f < (measure === 'starts' ? F : 1); f++) atoms.push({ block: 'flow', measure, month, s, r, m, mask, f });
          for (let month = 0; month < shape.stockMonths; month++) atoms.push({ block: 'waiting', month, s, r, m, mask, f: 0 });
          atoms.push({ block: 'running', month: 0, s, r, m, mask, f: 0 });
        }
  for (let s = 0; s < S; s++) for (let f = 0; f < F; f++) atoms.push({ block: 'carried', month: 0, s, r: 0, m: 0, mask: 0, f });
  return atoms;
}

/** Which atoms each cube cell sums: every atom adds itself to the cells it counts in, as the cube fills them. */
export function cellAtoms(cube: PlanningCube, atoms: Atom[]): Map<number, number[]> {
  const map = new Map<number, number[]>();
  const add = (cell: number, atom: number) => {
    const list = map.get(cell);
    if (list) list.push(atom);
    else map.set(cell, [atom]);
  };
  const { serviceTypes: S, financingModels: F } = cube.shape;
  atoms.forEach((a, i) => {
    const cost = (kinds: CostCellKind[], allFinancing: boolean) => {
      for (const kind of kinds)
        for (const s of [a.s, S]) for (const f of allFinancing ? [a.f, F] : [a.f]) add(cube.costCell(kind, s, f), i);
    };
    if (a.block === 'carried') {
      cost(['cases', 'carried'], true);
      return;
    }
    const [b, times] =
      a.block === 'flow'
        ? [FLOW_MEASURES.indexOf(a.measure as FlowMeasure), [a.month, quarterTime(Math.floor(a.month / 3)), YEAR_TIME]]
        : a.block === 'waiting'
          ? [WAITING_BLOCK, [a.month]]
          : [RUNNING_BLOCK, [0]];
    for (const t of times)
      for (const s of [a.s, null])
        for (const r of [a.r, null])
          for (const m of [a.m, null]) for (const g of columnsOfMask(a.mask)) add(cube.cellOf(b, t, s, r, m, g), i);
    if (a.block === 'flow' && a.measure === 'starts') {
      cost(['cases'], true);
      cost(['starts'], false);
    }
  });
  return map;
}

export interface Finding {
  cell: number;
  value: number;
  low: number;
  high: number;
  hidden: boolean;
}

/**
 * For every suppressed cell and every hidden cell holding a small group: the interval a reader can
 * pin it to from all published (unsuppressed) cells, with non-negative atoms (integrality is not
 * required, which only widens what the attacker may conclude … and narrows nothing we assert).
 */
export function attack(
  cube: PlanningCube,
  pattern: Uint8Array,
  atoms: Atom[],
  membership: Map<number, number[]>,
  minimum: number,
): Finding[] {
  const known: Array<[number, number[]]> = [];
  for (const [cell, list] of membership) if (!cube.hidden[cell] && !pattern[cell]) known.push([cell, list]);
  // Presolve: an atom inside a published zero is zero.
  const zero = new Uint8Array(atoms.length);
  for (const [cell, list] of known) if (cube.values[cell] === 0) for (const a of list) zero[a] = 1;
  const constraints = known
    .map(([cell, list]) => [cell, list.filter((a) => !zero[a])] as [number, number[]])
    .filter(([, live]) => live.length > 0);
  // Connected components of the atoms through the constraints: each LP needs only the target's.
  const parent = Array.from({ length: atoms.length }, (_, i) => i);
  const find = (a: number): number => {
    while (parent[a] !== a) {
      parent[a] = parent[parent[a] as number] as number;
      a = parent[a] as number;
    }
    return a;
  };
  for (const [, live] of constraints) for (const a of live.slice(1)) parent[find(a)] = find(live[0] as number);
  const targets = [...membership.keys()].filter(
    (cell) => pattern[cell] || (cube.hidden[cell] && isSensitive(cube.values[cell] as number, minimum)),
  );
  const findings: Finding[] = [];
  for (const target of targets) {
    const targetAtoms = (membership.get(target) as number[]).filter((a) => !zero[a]);
    const roots = new Set(targetAtoms.map(find));
    const own = constraints.filter(([, live]) => roots.has(find(live[0] as number)));
    const atomSet = new Set(targetAtoms);
    for (const [, live] of own) for (const a of live) atomSet.add(a);
    const coefficients = new Map<number, Array<[string, number]>>([...atomSet].map((a) => [a, []]));
    for (const a of targetAtoms) coefficients.get(a)?.push(['objective', 1]);
    for (const [cell, live] of own) for (const a of live) coefficients.get(a)?.push([`c${cell}`, 1]);
    const variables = [...coefficients].map(([a, c]) => [`a${a}`, c] as const);
    const constraintMap = new Map(own.map(([cell]) => [`c${cell}`, { equal: cube.values[cell] as number }]));
    const bound = (direction: 'minimize' | 'maximize') => {
      if (targetAtoms.length === 0) return 0;
      const solution = solve({ direction, objective: 'objective', constraints: constraintMap, variables }, { precision: 1e-9 });
      if (solution.status === 'unbounded') return Number.POSITIVE_INFINITY;
      if (solution.status !== 'optimal') throw new Error(`LP ${solution.status} for cell ${target}`);
      return solution.result;
    };
    findings.push({
      cell: target,
      value: cube.values[target] as number,
      low: bound('minimize'),
      high: bound('maximize'),
      hidden: cube.hidden[target] === 1,
    });
  }
  return findings;
}

/**
 * The criterion asserted for every suppressed cell and every hidden cell: the interval a reader can
 * derive must not lie inside [1, minimum − 1] (that would tell "a small group is here"), also after
 * rounding to whole persons (0.4 … 4.6 tells a reader 1 … 4); in particular a cell holding a small
 * group is never pinned to its value. A single point is accepted only for a cell of at least `minimum`
 * (suppressed to protect others; its exact value names no small group). Hidden and suppressed cells
 * whose true value is at least the minimum always pass, since the true value lies in the interval.
 */
export function leaks(findings: Finding[], minimum: number): Finding[] {
  const eps = 1e-6;
  return findings.filter((f) => f.low > eps && f.high < minimum - eps);
}

/** Random sparse data: a few finest counts, mostly small; the starts also give the cost view's started cases. */
export function inputArbitrary(
  shape: PlanningCubeShape,
  measures: readonly FlowMeasure[],
  rows = 6,
  months: readonly number[] = [0, 1, 5],
): fc.Arbitrary<PlanningCubeInput> {
  const { serviceTypes: S, regions: R, teams: M, financingModels: F } = shape;
  const count = fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 12 }));
  const place = {
    serviceType: fc.integer({ min: 0, max: S - 1 }),
    region: fc.integer({ min: 0, max: R - 1 }),
    team: fc.integer({ min: 0, max: M - 1 }),
    mask: fc.constantFrom(...MASKS),
  };
  const month = fc.constantFrom(...months);
  const starts = fc.array(fc.record({ month, ...place, count, financingModel: fc.integer({ min: 0, max: F - 1 }) }), { maxLength: 5 });
  return fc
    .record({
      flows: fc.array(fc.record({ measure: fc.constantFrom(...measures), month, ...place, count }), { maxLength: rows }),
      starts,
      waiting: fc.array(fc.record({ from: fc.constantFrom(0, 1), to: fc.constantFrom(0, 1, 2), ...place, count }), { maxLength: 4 }),
      running: fc.array(fc.record({ from: fc.constantFrom(0, 1), to: fc.constantFrom(1, 11), ...place, count }), { maxLength: 4 }),
      carried: fc.array(fc.record({ serviceType: place.serviceType, financingModel: fc.integer({ min: 0, max: F - 1 }), carried: count }), {
        maxLength: 3,
      }),
    })
    .map(({ flows, starts, waiting, running, carried }) => ({
      flows: [...flows, ...starts.map(({ financingModel: _, ...row }) => ({ ...row, measure: 'starts' as const }))].map(
        ({ mask, count, ...row }) => ({ ...row, groups: groupCountsOfMask(mask, count) }),
      ),
      waiting: waiting.map(({ mask, count, ...row }) => ({ ...row, groups: groupCountsOfMask(mask, count) })),
      running: running.map(({ mask, count, ...row }) => ({ ...row, groups: groupCountsOfMask(mask, count) })),
      costCases: [
        ...starts.map((row) => ({ serviceType: row.serviceType, financingModel: row.financingModel, started: row.count, carried: 0 })),
        ...carried.map((row) => ({ ...row, started: 0 })),
      ],
    }));
}
