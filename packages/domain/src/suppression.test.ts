import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadLinearSolver } from './linear-solver';
import {
  type CubeSelection,
  columnsOfMask,
  FLOW_MEASURES,
  GROUP_COLUMNS,
  groupCountsOfMask,
  PlanningCube,
  type PlanningCubeInput,
  type PlanningCubeShape,
  quarterTime,
  YEAR_TIME,
} from './planning-cube';
import { CubeWitnesses } from './planning-cube-witnesses';
import {
  ExplicitGraph,
  isSensitive,
  keepsEveryRelation,
  SUPPRESSION_METHOD,
  suppressCells,
  type Witness,
  witnessCost,
} from './suppression';
import { atomsOf, attack, cellAtoms, inputArbitrary, leaks } from './suppression-attack';
import { auditSuppression } from './suppression-audit';

const MIN = 5;
const solver = await loadLinearSolver();

/** Indices of the suppressed cells. */
function suppressedOf(pattern: Uint8Array): number[] {
  return [...pattern.keys()].filter((i) => pattern[i] === 1);
}

function run(values: number[], relations: number[][], hidden: number[] = [], priority?: number[]) {
  const hiddenArray = new Uint8Array(values.length);
  for (const h of hidden) hiddenArray[h] = 1;
  return suppressedOf(
    suppressCells({ graph: new ExplicitGraph(values.length, relations), values, hidden: hiddenArray, priority, minimum: MIN }),
  );
}

describe('suppression on hand-checked tables', () => {
  it('suppresses 1 … minimum − 1, shows zeros and counts from the minimum on', () => {
    // T = 0 + 5 + 12: nothing to hide.
    expect(run([17, 0, 5, 12], [[0, 1, 2, 3]])).toEqual([]);
  });

  it('adds the smallest other part when one part alone is suppressed', () => {
    // T=20 = a3 + b7 + c10: a is primary; alone it would be T − b − c, so b (the smaller) goes too.
    expect(run([20, 3, 7, 10], [[0, 1, 2, 3]])).toEqual([1, 2]);
  });

  it('adds cells until the suppressed parts hold at least the minimum', () => {
    // 1 + 2 + 3 = 6 ≥ 5: three primaries protect each other.
    expect(run([20, 1, 2, 3, 14], [[0, 1, 2, 3, 4]])).toEqual([1, 2, 3]);
    // 1 + 2 = 3 < 5: a reader would learn "3 persons in a or b", so d (17) is added.
    expect(run([20, 1, 2, 17], [[0, 1, 2, 3]])).toEqual([1, 2, 3]);
  });

  it('needs nothing more when the total is suppressed as well', () => {
    // T = 4 = 0 + 4: both 4s are primary; with the total unknown, the part is as uncertain as it.
    expect(run([4, 0, 4], [[0, 1, 2]])).toEqual([0, 2]);
  });

  it('falls back to the total when no part is left', () => {
    // T=12 = a12 + b0, with a suppressed for another reason (priority in another relation is not
    // modelled here: a 3-cell second relation makes a secondary). a = T − 0 would be recovered.
    // Relations: [0: T, 1: a, 2: b], [3: U, 1: a, 4: c]; c = 2 is primary → a (12) joins it → T must go.
    expect(
      run(
        [12, 12, 0, 14, 2],
        [
          [0, 1, 2],
          [3, 1, 4],
        ],
      ),
    ).toEqual([0, 1, 4]);
  });

  it('protects a small hidden complement (all − yes) by suppressing the yes cell', () => {
    // all 20 = yes 17 + no 3 (hidden): publishing both would reveal the 3 → yes is suppressed.
    expect(run([20, 17, 3], [[0, 1, 2]], [2])).toEqual([1]);
    // A large or zero complement may be derived.
    expect(run([20, 12, 8], [[0, 1, 2]], [2])).toEqual([]);
    expect(run([20, 20, 0], [[0, 1, 2]], [2])).toEqual([]);
  });

  it('prefers cells of a lower priority class, even a total', () => {
    // [0: T, 1: a, 2: b]: b = 2 primary; a (priority 1) or T (priority 0): T is preferred.
    expect(run([9, 7, 2], [[0, 1, 2]], [], [0, 1, 1])).toEqual([0, 2]);
    expect(run([9, 7, 2], [[0, 1, 2]])).toEqual([1, 2]);
  });

  it('closes rows and columns of a two-way table in a fixed order', () => {
    //        c0  c1  c2 | Σ
    // r0:     2   8  10 | 20
    // r1:     6   9  15 | 30
    // r2:     7   6  12 | 25
    // Σ:     15  23  37 | 75
    // Cell (i, j) = 4i + j; totals in row/column 3. Relations: rows 0–2, total row, columns 0–2, total column.
    const grid = [
      [2, 8, 10, 20],
      [6, 9, 15, 30],
      [7, 6, 12, 25],
      [15, 23, 37, 75],
    ];
    const values = grid.flat();
    const cell = (i: number, j: number) => 4 * i + j;
    const relations: number[][] = [];
    for (let i = 0; i < 4; i++) relations.push([cell(i, 3), cell(i, 0), cell(i, 1), cell(i, 2)]);
    for (let j = 0; j < 4; j++) relations.push([cell(3, j), cell(0, j), cell(1, j), cell(2, j)]);
    // Sweep 1: row 0 adds (0,1)=8; column 0 adds (1,0)=6; column 1 (now with (0,1)) adds (2,1)=6.
    // Sweep 2: row 1 adds (1,1)=9; row 2 adds (2,0)=7. Sweep 3: every relation holds ≥ 2 cells and ≥ 5.
    expect(run(values, relations)).toEqual([cell(0, 0), cell(0, 1), cell(1, 0), cell(1, 1), cell(2, 0), cell(2, 1)]);
  });

  it('does not let a derived hidden cell reveal a suppressed neighbour', () => {
    // h (hidden) = x + y with x published 10; h is derivable from [T: 30 = h + z] when z is known.
    // [0: T 30, 1: h 12, 2: z 18], [1: h, 3: x 10, 4: y 2]; y = 2 primary: h known ⇒ y = h − x.
    // So x is suppressed with y (mass 12 ≥ 5), and h stays derivable (it is not a small group).
    expect(
      run(
        [30, 12, 18, 10, 2],
        [
          [0, 1, 2],
          [1, 3, 4],
        ],
        [1],
      ),
    ).toEqual([3, 4]);
  });
});

describe('the exact audit of a pattern', () => {
  it('finds a small group that non-negativity alone narrows down', () => {
    // Shown: T = a + b = 6, U = a + c = 4, V = b + e = 4; a = b = 3, c = e = 1 suppressed.
    // c, e ≥ 0 give a, b ≤ 4, so a = 6 − b ≥ 2: a and b lie in 2 … 4, a small group for sure.
    // c = 4 − a lies in 0 … 2 and e likewise: they may be zero, so they reveal nobody.
    const graph = new ExplicitGraph(7, [
      [0, 1, 2],
      [3, 1, 4],
      [5, 2, 6],
    ]);
    const values = [6, 3, 3, 4, 1, 4, 1];
    const suppressed = Uint8Array.from([0, 1, 1, 0, 1, 0, 1]);
    const audit = auditSuppression({ graph, values, hidden: new Uint8Array(7), minimum: MIN, suppressed, solver });
    expect(audit.map((leak) => leak.cell).sort()).toEqual([1, 2]);
    // The pattern suppressCells computes leaves no such group.
    const pattern = suppressCells({ graph, values, hidden: new Uint8Array(7), minimum: MIN });
    expect(auditSuppression({ graph, values, hidden: new Uint8Array(7), minimum: MIN, suppressed: pattern, solver })).toEqual([]);
  });

  it('finds a small group pinned by a relation with one unknown cell', () => {
    // T = 11 = a + b shown with b = 9 shown: a = 2 follows.
    const graph = new ExplicitGraph(3, [[0, 1, 2]]);
    const audit = auditSuppression({
      graph,
      values: [11, 2, 9],
      hidden: new Uint8Array(3),
      minimum: MIN,
      suppressed: Uint8Array.from([0, 1, 0]),
      solver,
    });
    expect(audit).toEqual([{ cell: 1, relations: [0] }]);
  });
});

// ——— the planning cube ———

const SMALL_SHAPE: PlanningCubeShape = {
  serviceTypes: 2,
  regions: 2,
  teams: 2,
  financingModels: 2,
  stockMonths: 12,
  utilisation: [true, false],
};

/** 2 starts of a service type, one per financing model, beside 1 and 8 of two others (found on the demo). */
const SPLIT_STARTS: { shape: PlanningCubeShape; input: PlanningCubeInput } = (() => {
  const shape: PlanningCubeShape = { ...SMALL_SHAPE, serviceTypes: 3, utilisation: [true, true, true] };
  const start = (serviceType: number, count: number) => ({
    measure: 'starts' as const,
    month: 0,
    serviceType,
    region: 0,
    team: 0,
    groups: groupCountsOfMask(0, count),
  });
  const input: PlanningCubeInput = {
    flows: [start(0, 2), start(1, 1), start(2, 8)],
    waiting: [],
    running: [],
    costCases: [
      { serviceType: 0, financingModel: 0, started: 1, carried: 0 },
      { serviceType: 0, financingModel: 1, started: 1, carried: 0 },
      { serviceType: 1, financingModel: 0, started: 1, carried: 0 },
      { serviceType: 2, financingModel: 1, started: 8, carried: 0 },
    ],
  };
  return { shape, input };
})();

/**
 * 2 needs of service type 0 in region 0, one per team: a witness through one team cannot empty them, and
 * the neighbouring cells share no team to fill them up. Service type 1 in region 1 holds persons of both
 * teams: the two groups can swap (see CubeWitnesses.swaps).
 */
const SWAP: { shape: PlanningCubeShape; input: PlanningCubeInput } = (() => {
  const needs = (serviceType: number, region: number, team: number, count: number) => ({
    measure: 'needs' as const,
    month: 0,
    serviceType,
    region,
    team,
    groups: groupCountsOfMask(0, count),
  });
  return {
    shape: SMALL_SHAPE,
    input: {
      flows: [needs(0, 0, 0, 1), needs(0, 0, 1, 1), needs(1, 1, 0, 5), needs(1, 1, 1, 5), needs(1, 0, 0, 6), needs(0, 1, 1, 6)],
      waiting: [],
      running: [],
      costCases: [],
    },
  };
})();

const all: CubeSelection = { serviceType: null, region: null, team: null, group: null };

describe('planning cube values', () => {
  it('publishes per region or per team, never a team within a region', () => {
    const needs = (month: number, region: number, team: number, count: number) => ({
      measure: 'needs' as const,
      month,
      serviceType: 0,
      region,
      team,
      groups: groupCountsOfMask(0, count),
    });
    const cube = new PlanningCube(SMALL_SHAPE, {
      flows: [needs(0, 0, 0, 7), needs(0, 1, 1, 9), needs(1, 0, 1, 6)],
      waiting: [],
      running: [],
      costCases: [],
    });
    const pattern = cube.suppress(MIN);
    const year = { granularity: 'year' } as const;
    const figure = (selection: Partial<CubeSelection>) => cube.figure('needs', year, { ...all, ...selection }, pattern);
    expect(figure({ region: 0 })).toEqual({ value: 13, suppressed: false });
    expect(figure({ team: 1 })).toEqual({ value: 15, suppressed: false });
    // 7 persons of region 0 in team 0: large enough, and still never shown.
    expect(figure({ region: 0, team: 0 })).toEqual({ value: null, suppressed: true });
    expect(cube.firstMonths('needs', 1, { ...all, region: 0, team: 0 }, pattern)).toEqual({ value: null, suppressed: true });
    expect(cube.hidden[cube.cellOf(0, YEAR_TIME, null, 0, 0, 0)]).toBe(1);
    expect(cube.hidden[cube.cellOf(0, YEAR_TIME, 0, 0, null, 0)]).toBe(0);
  });

  it('adds the finest counts up to every period, dimension total and target group', () => {
    const cube = new PlanningCube(SMALL_SHAPE, {
      flows: [
        // 3 needs in February: service type 0, region 1, team 0, U25 single parents (1 | 4).
        { measure: 'needs', month: 1, serviceType: 0, region: 1, team: 0, groups: groupCountsOfMask(5, 3) },
        // 2 needs in May: service type 1, region 0, team 1, 50+ refugees (2 | 8).
        { measure: 'needs', month: 4, serviceType: 1, region: 0, team: 1, groups: groupCountsOfMask(10, 2) },
        { measure: 'starts', month: 11, serviceType: 1, region: 0, team: 0, groups: groupCountsOfMask(0, 7) },
      ],
      waiting: [{ from: 2, to: 4, serviceType: 0, region: 0, team: 0, groups: groupCountsOfMask(16, 2) }],
      running: [{ from: 10, to: 14, serviceType: 0, region: 0, team: 1, groups: groupCountsOfMask(0, 3) }],
      costCases: [{ serviceType: 1, financingModel: 0, started: 7, carried: 4 }],
    });
    const needs = (period: Parameters<PlanningCube['figure']>[1], selection = all) => cube.figure('needs', period, selection, null).value;
    expect(needs({ granularity: 'year' })).toBe(5);
    expect(needs({ granularity: 'month', index: 1 })).toBe(3);
    expect(needs({ granularity: 'quarter', index: 0 })).toBe(3);
    expect(needs({ granularity: 'quarter', index: 1 })).toBe(2);
    expect(needs({ granularity: 'year' }, { ...all, serviceType: 0 })).toBe(3);
    expect(needs({ granularity: 'year' }, { ...all, region: 0 })).toBe(2);
    expect(needs({ granularity: 'year' }, { ...all, team: 0 })).toBe(3);
    expect(needs({ granularity: 'year' }, { ...all, group: 'u25' })).toBe(3);
    expect(needs({ granularity: 'year' }, { ...all, group: 'ue50' })).toBe(2);
    expect(needs({ granularity: 'year' }, { ...all, group: 'single_parent' })).toBe(3);
    expect(needs({ granularity: 'year' }, { ...all, group: 'refugee' })).toBe(2);
    expect(needs({ granularity: 'year' }, { ...all, group: 'severe_disability' })).toBe(0);
    expect(needs({ granularity: 'year' }, { serviceType: 1, region: 0, team: 1, group: 'refugee' })).toBe(2);
    // The waiting list is a stock: March–May have 2, the quarter shows its last month, the year December.
    const waiting = (period: Parameters<PlanningCube['figure']>[1]) => cube.figure('waitingList', period, all, null).value;
    expect(waiting({ granularity: 'month', index: 1 })).toBe(0);
    expect(waiting({ granularity: 'month', index: 2 })).toBe(2);
    expect(waiting({ granularity: 'quarter', index: 0 })).toBe(2);
    expect(waiting({ granularity: 'quarter', index: 1 })).toBe(0);
    expect(waiting({ granularity: 'year' })).toBe(0);
    // Running from November on (months 10, 11 of this year): 3 referrals × 2 month ends.
    expect(cube.runningMonths({ ...all, serviceType: 0 }, null).value).toBe(6);
    expect(cube.costCases(1, 0, null).value).toBe(11);
    expect(cube.costCases(null, null, null).value).toBe(11);
  });

  it('shows the stock of the current month for later months of the current year', () => {
    const cube = new PlanningCube(
      { ...SMALL_SHAPE, stockMonths: 3 },
      {
        flows: [],
        waiting: [{ from: 0, to: 11, serviceType: 0, region: 0, team: 0, groups: groupCountsOfMask(0, 6) }],
        running: [{ from: 0, to: 11, serviceType: 0, region: 0, team: 0, groups: groupCountsOfMask(0, 6) }],
        costCases: [],
      },
    );
    expect(cube.figure('waitingList', { granularity: 'month', index: 8 }, all, null).value).toBe(6);
    expect(cube.figure('waitingList', { granularity: 'year' }, all, null).value).toBe(6);
    // Person-months only for the three month ends so far.
    expect(cube.runningMonths({ ...all, serviceType: 0 }, null).value).toBe(18);
  });

  it('enumerates its relations consistently (cells ↔ relations, totals, sums)', () => {
    const cube = new PlanningCube(
      { ...SMALL_SHAPE, stockMonths: 2 },
      {
        flows: [
          { measure: 'referrals', month: 4, serviceType: 1, region: 0, team: 1, groups: groupCountsOfMask(9, 2) },
          { measure: 'starts', month: 7, serviceType: 1, region: 1, team: 1, groups: groupCountsOfMask(20, 2) },
        ],
        waiting: [{ from: 0, to: 1, serviceType: 0, region: 1, team: 0, groups: groupCountsOfMask(2, 1) }],
        running: [{ from: 0, to: 1, serviceType: 0, region: 1, team: 0, groups: groupCountsOfMask(2, 1) }],
        costCases: [{ serviceType: 1, financingModel: 1, started: 2, carried: 3 }],
      },
    );
    const g = cube.graph;
    const cells = new Int32Array(g.maxRelationSize);
    const rels = new Int32Array(g.maxCellRelations);
    for (let r = 0; r < g.relationCount; r++) {
      const size = g.relationCells(r, cells);
      expect(g.relationTotal(r)).toBe(cells[0]);
      // Every relation is a true sum of the cube's values, and each of its cells lists it.
      let parts = 0;
      for (let i = 1; i < size; i++) parts += cube.values[cells[i] as number] as number;
      expect(parts, `relation ${r}: ${cube.describeCell(cells[0] as number)}`).toBe(cube.values[cells[0] as number]);
      for (let i = 0; i < size; i++) {
        const k = g.cellRelations(cells[i] as number, rels);
        expect(Array.from(rels.subarray(0, k))).toContain(r);
      }
    }
  });

  it('maps a mask to its target-group columns', () => {
    expect(columnsOfMask(0).map((g) => GROUP_COLUMNS[g])).toEqual([
      'all',
      'age_25_49',
      'not_single_parent',
      'not_refugee',
      'not_severe_disability',
    ]);
    expect(columnsOfMask(1 | 8 | 16).map((g) => GROUP_COLUMNS[g])).toEqual([
      'all',
      'u25',
      'not_single_parent',
      'refugee',
      'severe_disability',
    ]);
  });
});

describe('a flow over the first months of a year (the prior-year comparison)', () => {
  // One need in each month, all in the same cell apart from the month.
  const cube = new PlanningCube(SMALL_SHAPE, {
    flows: Array.from({ length: 12 }, (_, month) => ({
      measure: 'needs' as const,
      month,
      serviceType: 0,
      region: 0,
      team: 0,
      groups: groupCountsOfMask(0, month + 1),
    })),
    waiting: [],
    running: [],
    costCases: [],
  });
  const b = FLOW_MEASURES.indexOf('needs');
  const line = (t: number) => cube.cellOf(b, t, null, null, null, 0);
  const patternHiding = (...times: number[]) => {
    const pattern = new Uint8Array(cube.values.length);
    for (const t of times) pattern[line(t)] = 1;
    return pattern;
  };
  const january2November = 1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 + 11;

  it('is the sum of the months without suppression', () => {
    expect(cube.firstMonths('needs', 11, all, null)).toEqual({ value: january2November, suppressed: false });
  });

  it('is shown when the shown months, quarters and year determine it, even over suppressed months', () => {
    // April and December hidden: quarters 1–3 + October + November give it.
    expect(cube.firstMonths('needs', 11, all, patternHiding(3, 11))).toEqual({ value: january2November, suppressed: false });
    // The second quarter hidden too: the year − (Q4 − October − November).
    expect(cube.firstMonths('needs', 11, all, patternHiding(3, 11, quarterTime(1)))).toEqual({
      value: january2November,
      suppressed: false,
    });
  });

  it('is suppressed when it would tell a suppressed cell', () => {
    // April, December, Q2 and Q4 hidden: the period would give December (year − period).
    expect(cube.firstMonths('needs', 11, all, patternHiding(3, 11, quarterTime(1), quarterTime(3)))).toEqual({
      value: null,
      suppressed: true,
    });
    // Without the year and the first quarter: January and February alone are known, the quarter is not.
    expect(cube.firstMonths('needs', 3, all, patternHiding(2, quarterTime(0), YEAR_TIME))).toEqual({ value: null, suppressed: true });
    expect(cube.firstMonths('needs', 2, all, patternHiding(2, quarterTime(0), YEAR_TIME))).toEqual({ value: 3, suppressed: false });
  });
});

/**
 * Every figure a planner can query is a cell of the cube (the table of any granularity, breakdown and
 * filters, its prior-year column from the prior year's cube, the overview, the plan's actual starts,
 * the cost view's cases and the utilisation) or is determined by shown cells (the prior year's first
 * months, PlanningCube.firstMonths), so attacking the cube attacks every combination of them.
 * Runs: LP_RUNS (default 10 and 6), seed: LP_SEED.
 */
describe('suppression against a linear-programming attacker', () => {
  const runs = (n: number) => ({
    numRuns: Number(process.env.LP_RUNS ?? n),
    seed: process.env.LP_SEED ? Number(process.env.LP_SEED) : 20261125,
  });
  const check = (shape: PlanningCubeShape, input: PlanningCubeInput, minimum: number) => {
    const cube = new PlanningCube(shape, input);
    const pattern = cube.suppress(minimum);
    const found = leaks(attack(cube, pattern, atomsOf(shape), cellAtoms(cube, atomsOf(shape)), minimum), minimum);
    expect(found).toEqual([]);
  };

  it('finds, on the cells, exactly the small groups the attacker on the finest counts narrows down', () => {
    // The audit reasons over cells, the attacker over every person's finest combination (month, service
    // type, region, team, target-group mask): the cells must lose nothing. Primary suppression alone
    // leaves plenty for both to find.
    const shape: PlanningCubeShape = { ...SMALL_SHAPE, stockMonths: 3 };
    const atoms = atomsOf(shape);
    let found = 0;
    fc.assert(
      fc.property(inputArbitrary(shape, ['needs', 'referrals']), (input) => {
        const cube = new PlanningCube(shape, input);
        const primary = new Uint8Array(cube.values.length);
        for (let c = 0; c < primary.length; c++) if (!cube.hidden[c] && isSensitive(cube.values[c] as number, MIN)) primary[c] = 1;
        const attacked = leaks(attack(cube, primary, atoms, cellAtoms(cube, atoms), MIN), MIN).map((f) => f.cell);
        const audit = auditSuppression({
          graph: cube.graph,
          values: cube.values,
          hidden: cube.hidden,
          minimum: MIN,
          suppressed: primary,
          solver,
        });
        const audited = new Set(audit.map((leak) => leak.cell));
        found += attacked.length;
        expect(attacked.filter((cell) => !audited.has(cell)).map((cell) => cube.describeCell(cell))).toEqual([]);
        const attackedSet = new Set(attacked);
        expect([...audited].filter((cell) => !attackedSet.has(cell)).map((cell) => cube.describeCell(cell))).toEqual([]);
      }),
      runs(10),
    );
    expect(found).toBeGreaterThan(0);
  }, 600_000);

  /** Three service types, three regions, two teams: larger than the attacker can take on in a test. */
  const LARGER_SHAPE: PlanningCubeShape = { ...SMALL_SHAPE, serviceTypes: 3, regions: 3, utilisation: [true, false, true] };
  /** The small groups the exact audit finds narrowed down in the pattern of suppressCells. */
  const auditedLeaks = (shape: PlanningCubeShape, input: PlanningCubeInput) => {
    const cube = new PlanningCube(shape, input);
    const suppressed = cube.suppress(MIN);
    const audit = auditSuppression({ graph: cube.graph, values: cube.values, hidden: cube.hidden, minimum: MIN, suppressed, solver });
    return audit.map((leak) => `${cube.describeCell(leak.cell)} = ${cube.values[leak.cell]}`);
  };

  it('leaves no small group for the exact audit in larger random tables (every month, all flows, stocks)', () => {
    // The audit over the cells is much faster than the attacker over the finest counts, so it checks
    // larger tables, with a year of months.
    const months = Array.from({ length: 12 }, (_, m) => m);
    fc.assert(
      fc.property(inputArbitrary(LARGER_SHAPE, ['needs', 'unmetNeeds', 'referrals'], 24, months), (input) => {
        expect(auditedLeaks(LARGER_SHAPE, input)).toEqual([]);
      }),
      runs(20),
    );
  }, 600_000);

  // Found by the audit's random search (LP_RUNS=20000 LP_SEED=1 of the test above, after 1,058 tables):
  // five small counts of one service type over months, regions and teams left 2 persons (month 0,
  // region 0) narrowed down to 1 … 3.5 by the relation-by-relation steps alone; the witnesses close it.
  it('protects five small counts spread over months, regions and teams', () => {
    const referrals = (month: number, region: number, team: number, count: number) => ({
      measure: 'referrals' as const,
      month,
      serviceType: 0,
      region,
      team,
      groups: groupCountsOfMask(0, count),
    });
    const input = {
      flows: [referrals(6, 0, 0, 1), referrals(0, 1, 0, 4), referrals(0, 0, 1, 2), referrals(6, 1, 1, 1), referrals(5, 0, 1, 3)],
      waiting: [],
      running: [],
      costCases: [],
    };
    expect(auditedLeaks(LARGER_SHAPE, input)).toEqual([]);
  });

  it('ends with a witness for every small unknown cell that has one beside the main lines: it keeps every relation, is all unknown, reaches 0 or the minimum', () => {
    // The guarantee itself, checked cell by cell (the audits above confirm it with linear programming).
    const months = Array.from({ length: 12 }, (_, m) => m);
    let witnessed = 0;
    let withoutWitness = 0;
    let finest = 0;
    fc.assert(
      fc.property(inputArbitrary(LARGER_SHAPE, ['needs', 'unmetNeeds', 'referrals'], 24, months), (input) => {
        const cube = new PlanningCube(LARGER_SHAPE, input);
        const witnesses = new Map<number, Witness>();
        const unwitnessed = new Set<number>();
        const pattern = cube.suppress(
          MIN,
          (cell, witness) => witnesses.set(cell, witness),
          (cell) => unwitnessed.add(cell),
        );
        const unknown = (c: number) => pattern[c] === 1 || cube.hidden[c] === 1;
        const source = new CubeWitnesses(cube);
        for (let c = 0; c < cube.values.length; c++) {
          if (!unknown(c) || !isSensitive(cube.values[c] as number, MIN)) continue;
          // A team within a region is never published: a finest count, kept undetermined relation by relation.
          if (!pattern[c] && !source.needsWitness(c)) {
            expect(witnesses.has(c), cube.describeCell(c)).toBe(false);
            finest++;
            continue;
          }
          // Protected relation by relation only: every witness would have hidden a main line.
          if (unwitnessed.has(c)) {
            withoutWitness++;
            continue;
          }
          const witness = witnesses.get(c);
          expect(witness, cube.describeCell(c)).toBeDefined();
          const w = witness as Witness;
          expect(keepsEveryRelation(cube.graph, w), cube.describeCell(c)).toBe(true);
          expect([...w.cells].filter((x) => !unknown(x)).map((x) => cube.describeCell(x))).toEqual([]);
          expect(witnessCost(c, w, cube.values, MIN, unknown, { weight: () => 1 }), cube.describeCell(c)).toBe(0);
          witnessed++;
        }
      }),
      runs(20),
    );
    expect(witnessed).toBeGreaterThan(100);
    expect(witnessed).toBeGreaterThan(withoutWitness * 4);
    expect(finest).toBeGreaterThan(0);
  }, 600_000);

  it("moves a small service type's starts model by model when they come from two financing models", () => {
    // Found on the demo: 2 starts of one service type, one per financing model. Moving them to another
    // service type must move them in the cost view model by model; a move of one model only would need
    // both there, so every witness used to be a phantom person through the Jobcenter's total.
    const { shape, input } = SPLIT_STARTS;
    const cube = new PlanningCube(shape, input);
    const small = cube.cellOf(FLOW_MEASURES.indexOf('starts'), YEAR_TIME, 0, null, null, 0);
    const total = cube.cellOf(FLOW_MEASURES.indexOf('starts'), YEAR_TIME, null, null, null, 0);
    const primary = (c: number) => cube.hidden[c] === 1 || isSensitive(cube.values[c] as number, MIN);
    const valid: Witness[] = [];
    new CubeWitnesses(cube).candidates(small, primary, (w) => {
      const copy = { cells: w.cells.slice(0, w.size), coefficients: w.coefficients.slice(0, w.size), size: w.size };
      if (witnessCost(small, copy, cube.values, MIN, () => true, { weight: () => 1 }) >= 0) valid.push(copy);
      return false;
    });
    const withoutTotal = valid.filter((w) => !w.cells.includes(total));
    expect(withoutTotal.length).toBeGreaterThan(0);
    for (const w of withoutTotal) expect(keepsEveryRelation(cube.graph, w)).toBe(true);
    check(shape, input, MIN);
  });

  it('empties a small count of a service type in a region by a swap when no witness through one team exists', () => {
    const cube = new PlanningCube(SWAP.shape, SWAP.input);
    const b = FLOW_MEASURES.indexOf('needs');
    const small = cube.cellOf(b, 0, 0, 0, null, 0);
    const opposite = cube.cellOf(b, 0, 1, 1, null, 0);
    // Only the small counts are unknown (before any secondary suppression): which candidates need no main line?
    const primary = (c: number) => cube.hidden[c] === 1 || isSensitive(cube.values[c] as number, MIN);
    const source = new CubeWitnesses(cube, MIN);
    const usable: Witness[] = [];
    source.candidates(small, primary, (w) => {
      const copy = { cells: w.cells.slice(0, w.size), coefficients: w.coefficients.slice(0, w.size), size: w.size };
      const cost = witnessCost(small, copy, cube.values, MIN, primary, source);
      if (cost >= 0 && cost < Number.POSITIVE_INFINITY) usable.push(copy);
      return false;
    });
    expect(usable.length).toBeGreaterThan(0);
    for (const w of usable) {
      const coefficient = (cell: number) => w.coefficients[[...w.cells].indexOf(cell)];
      // Each is a swap: the two persons leave, two of their kind leave the opposite corner (service type 1, region 1).
      expect([coefficient(small), coefficient(opposite)]).toEqual([-2, -2]);
      expect(keepsEveryRelation(cube.graph, w)).toBe(true);
    }
    check(SWAP.shape, SWAP.input, MIN);
  });

  it('names its method: a change of the patterns comes with a new SUPPRESSION_METHOD', () => {
    // Stored patterns are reused while their fingerprint, which includes the method's name, matches. When
    // this fails because the method changed on purpose, give SUPPRESSION_METHOD a new name and record the
    // new digest here — else servers would keep serving patterns of the old method.
    const shape: PlanningCubeShape = { ...SMALL_SHAPE, serviceTypes: 3, regions: 3, utilisation: [true, false, true] };
    const samples = fc.sample(inputArbitrary(shape, ['needs', 'unmetNeeds', 'referrals'], 24, [0, 1, 5, 7, 11]), {
      seed: 20261121,
      numRuns: 8,
    });
    const digest = createHash('sha256');
    for (const input of samples) digest.update(new PlanningCube(shape, input).suppress(MIN));
    digest.update(new PlanningCube(SPLIT_STARTS.shape, SPLIT_STARTS.input).suppress(MIN));
    digest.update(new PlanningCube(SWAP.shape, SWAP.input).suppress(MIN));
    expect({ method: SUPPRESSION_METHOD, patterns: digest.digest('base64url').slice(0, 16) }).toEqual({
      method: 'witnesses-2026-11-21-region-or-team-swaps',
      patterns: 'ZP9y2nXGWDQDADq1',
    });
  });

  it('hides nothing that the published figures pin to 1 … minimum − 1, for random small data', () => {
    const shape: PlanningCubeShape = { ...SMALL_SHAPE, stockMonths: 3 };
    fc.assert(
      fc.property(inputArbitrary(shape, ['needs']), (input) => check(shape, input, MIN)),
      runs(10),
    );
  }, 600_000);

  it('protects "diagonal" data where every two-way cell is one small count (odd cycles of ties)', () => {
    // Found by the random search: the one-way totals (5 and 8) are shown, every finer cell is small,
    // and with the zeros shown the totals would pin each cell. The pattern must hide some totals too.
    const shape: PlanningCubeShape = { ...SMALL_SHAPE, stockMonths: 3 };
    const needs = (month: number, serviceType: number, region: number, team: number, count: number) => ({
      measure: 'needs' as const,
      month,
      serviceType,
      region,
      team,
      groups: groupCountsOfMask(0, count),
    });
    const empty = { waiting: [], running: [], costCases: [] };
    check(shape, { ...empty, flows: [needs(0, 0, 0, 1, 1), needs(0, 1, 0, 0, 4), needs(5, 0, 1, 0, 4), needs(5, 1, 1, 1, 4)] }, MIN);
    check(shape, { ...empty, flows: [needs(0, 0, 0, 0, 2), needs(5, 1, 0, 0, 1), needs(0, 1, 0, 1, 2), needs(5, 0, 0, 1, 2)] }, 3);
    // Ties that a three-cell relation closes: a, b, c move alike (each tied to e), and a + b + c = 3 is shown.
    check(
      { ...shape, utilisation: [true, true] },
      { ...empty, flows: [needs(0, 1, 1, 1, 1), needs(5, 1, 0, 1, 1), needs(5, 0, 1, 0, 2), needs(0, 1, 0, 0, 1), needs(0, 0, 0, 1, 1)] },
      3,
    );
  });

  it('protects a count whose shown target-group breakdown would bound it', () => {
    // Found by the random search: region × team 2 × 2 with all four cells hidden and the totals shown.
    // Shown zeros "no U25 in r1 m0, none in r0 m1" and the U25 total 5 would bound r1 m0 to 1 … 3.5.
    const shape: PlanningCubeShape = { ...SMALL_SHAPE, stockMonths: 3 };
    const row = (region: number, team: number, groups: number[]) => ({
      measure: 'needs' as const,
      month: 0,
      serviceType: 0,
      region,
      team,
      groups,
    });
    const input = {
      flows: [row(1, 0, [3, 0, 0, 0, 0, 0]), row(1, 1, [3, 2, 0, 2, 2, 2]), row(0, 1, [2, 0, 0, 0, 0, 0]), row(0, 0, [3, 3, 0, 3, 3, 3])],
      waiting: [],
      running: [],
      costCases: [],
    };
    check(shape, input, MIN);
  });

  it('holds for all flows at once, over more months', () => {
    const shape: PlanningCubeShape = { ...SMALL_SHAPE, stockMonths: 12 };
    fc.assert(
      fc.property(inputArbitrary(shape, ['needs', 'unmetNeeds', 'referrals'], 8, [0, 2, 3, 7, 11]), (input) => check(shape, input, MIN)),
      runs(3),
    );
  }, 600_000);

  it('holds with a lower minimum, denser data and two flows', () => {
    const shape: PlanningCubeShape = { ...SMALL_SHAPE, stockMonths: 3, utilisation: [true, true] };
    fc.assert(
      fc.property(inputArbitrary(shape, ['needs', 'referrals'], 10), (input) => check(shape, input, 3)),
      runs(6),
    );
  }, 600_000);
});
