import type { TargetGroup } from './person';
import type { PlanningMeasure } from './planning';
import { CubeWitnesses } from './planning-cube-witnesses';
import { CombinedGraph, ExplicitGraph, type SuppressionGraph, suppressCells, type Witness } from './suppression';

/**
 * The planning cube of one year (SPEC C12): every figure a planner can query (any period, service
 * type, region, team and target group, the utilisation and the cases of the cost view) is a cell of
 * this cube, built once from the finest counts the database returns. Suppression runs once over the
 * whole cube ({@link suppressCells}), so every table, filter and export shows one consistent pattern.
 *
 * Dimensions of a counted measure: time × service type × region × team × target group, where each of
 * service type, region and team has a "total" position after its values, and time is months 0–11,
 * quarters 12–15 and the year 16 (flows), or the month ends (the waiting list, a stock). The target
 * group dimension holds the published columns all, U25, Ü50, single parents, refugees, severe
 * disability, and the hidden complements a reader could compute from them (25–49 = all − U25 − Ü50,
 * "not single parent" = all − single parents, …): target groups overlap, so each is its own yes/no split.
 */

export const TARGET_GROUP_BITS: Record<TargetGroup, number> = {
  u25: 1,
  ue50: 2,
  single_parent: 4,
  refugee: 8,
  severe_disability: 16,
};

/** The bitmask the database groups by (see {@link TARGET_GROUP_BITS}). */
export function targetGroupMask(groups: readonly TargetGroup[]): number {
  return groups.reduce((mask, g) => mask | TARGET_GROUP_BITS[g], 0);
}

/** Columns of the target-group dimension; the first six are published, the others hidden. */
export const GROUP_COLUMNS = [
  'all',
  'u25',
  'ue50',
  'single_parent',
  'refugee',
  'severe_disability',
  'age_25_49',
  'not_single_parent',
  'not_refugee',
  'not_severe_disability',
] as const;
export type GroupColumn = (typeof GROUP_COLUMNS)[number];
export const G = GROUP_COLUMNS.length;
export const PUBLISHED_G = 6;
/** Relations of the target-group dimension: [total, ...parts] as column indices. */
export const GROUP_RELATIONS: readonly (readonly number[])[] = [
  [0, 1, 6, 2],
  [0, 3, 7],
  [0, 4, 8],
  [0, 5, 9],
];
/** Which group relation a column takes part in as a part (−1 for `all`, which is the total of every one). */
export const GROUP_RELATION_OF = [-1, 0, 0, 1, 2, 3, 0, 1, 2, 3];

/** The column of a published target group. */
export function groupColumn(group: TargetGroup | null): number {
  return group === null ? 0 : GROUP_COLUMNS.indexOf(group);
}

/**
 * Counts of the published target-group columns (all, U25, Ü50, single parents, refugees, severe
 * disability) of `count` persons with one mask. The database returns these sums directly.
 */
export function groupCountsOfMask(mask: number, count: number): number[] {
  return [count, mask & 1 ? count : 0, mask & 2 ? count : 0, mask & 4 ? count : 0, mask & 8 ? count : 0, mask & 16 ? count : 0];
}

/** The columns a person with this mask counts in: all, their age band, and yes/no of each flag. */
export function columnsOfMask(mask: number): number[] {
  const age = mask & 1 ? 1 : mask & 2 ? 2 : 6;
  return [0, age, mask & 4 ? 3 : 7, mask & 8 ? 4 : 8, mask & 16 ? 5 : 9];
}

export const MONTHS = 12;
/** Time positions of a flow: months 0–11, quarters 12–15, the year 16. */
export const FLOW_TIMES = 17;
export const YEAR_TIME = 16;
export function quarterTime(quarter: number): number {
  return MONTHS + quarter;
}

/** The counted flows, in block order. */
export const FLOW_MEASURES = ['needs', 'unmetNeeds', 'referrals', 'starts'] as const satisfies readonly PlanningMeasure[];
export type FlowMeasure = (typeof FLOW_MEASURES)[number];

interface BlockShape {
  times: number;
  /** Values of each dimension without the total position. */
  serviceTypes: number;
  regions: number;
  teams: number;
  /** Flows: a quarter is the sum of its months, the year the sum of its quarters. */
  timeRelations: boolean;
  /** Whether the total over service types is published (not for the utilisation). */
  serviceTypeTotal: boolean;
}

/**
 * The sum relations of one measure, enumerated from the coordinates instead of stored (a year's cube
 * has some hundred thousand of them). Relation kinds: over service types, regions, teams, time, and
 * the target-group splits; the first four only between published target-group columns.
 */
export class CubeBlockGraph implements SuppressionGraph {
  readonly cellCount: number;
  readonly relationCount: number;
  readonly maxRelationSize: number;
  readonly maxCellRelations = 12;
  readonly S1: number;
  readonly R1: number;
  readonly M1: number;
  readonly strideM = G;
  readonly strideR: number;
  readonly strideS: number;
  readonly strideT: number;
  private readonly base: number[];
  private readonly b1: number;
  private readonly b2: number;
  private readonly b3: number;
  private readonly b4: number;
  private readonly perTime: number;

  constructor(readonly shape: BlockShape) {
    this.S1 = shape.serviceTypes + 1;
    this.R1 = shape.regions + 1;
    this.M1 = shape.teams + 1;
    this.strideR = this.M1 * G;
    this.strideS = this.R1 * this.strideR;
    this.strideT = this.S1 * this.strideS;
    this.cellCount = shape.times * this.strideT;
    const T = shape.times;
    const counts = [
      shape.serviceTypeTotal ? T * this.R1 * this.M1 * PUBLISHED_G : 0,
      T * this.S1 * this.M1 * PUBLISHED_G,
      T * this.S1 * this.R1 * PUBLISHED_G,
      shape.timeRelations ? 5 * this.S1 * this.R1 * this.M1 * PUBLISHED_G : 0,
      GROUP_RELATIONS.length * T * this.S1 * this.R1 * this.M1,
    ];
    this.base = [0];
    for (const c of counts) this.base.push((this.base[this.base.length - 1] as number) + c);
    this.relationCount = this.base[5] as number;
    [, this.b1, this.b2, this.b3, this.b4] = this.base as [number, number, number, number, number];
    this.perTime = this.S1 * this.R1 * this.M1;
    this.maxRelationSize = Math.max(this.S1, this.R1, this.M1, 5, 4);
  }

  index(t: number, s: number, r: number, m: number, g: number): number {
    return t * this.strideT + s * this.strideS + r * this.strideR + m * this.strideM + g;
  }

  /** Time, service type, region, team and target-group column of a cell of this block. */
  coordinates(cell: number): [number, number, number, number, number] {
    const g = cell % G;
    let rest = (cell - g) / G;
    const m = rest % this.M1;
    rest = (rest - m) / this.M1;
    const r = rest % this.R1;
    rest = (rest - r) / this.R1;
    const s = rest % this.S1;
    return [(rest - s) / this.S1, s, r, m, g];
  }

  relationTotal(relation: number): number {
    const { S1, R1, M1, b1, b2, b3, b4 } = this;
    let x: number;
    if (relation < b1) {
      x = relation;
      const g = x % PUBLISHED_G;
      x = (x - g) / PUBLISHED_G;
      const m = x % M1;
      x = (x - m) / M1;
      const r = x % R1;
      return this.index((x - r) / R1, S1 - 1, r, m, g);
    }
    if (relation < b2) {
      x = relation - b1;
      const g = x % PUBLISHED_G;
      x = (x - g) / PUBLISHED_G;
      const m = x % M1;
      x = (x - m) / M1;
      const s = x % S1;
      return this.index((x - s) / S1, s, R1 - 1, m, g);
    }
    if (relation < b3) {
      x = relation - b2;
      const g = x % PUBLISHED_G;
      x = (x - g) / PUBLISHED_G;
      const r = x % R1;
      x = (x - r) / R1;
      const s = x % S1;
      return this.index((x - s) / S1, s, r, M1 - 1, g);
    }
    if (relation < b4) {
      x = relation - b3;
      const g = x % PUBLISHED_G;
      x = (x - g) / PUBLISHED_G;
      const m = x % M1;
      x = (x - m) / M1;
      const r = x % R1;
      x = (x - r) / R1;
      const s = x % S1;
      const k = (x - s) / S1;
      return this.index(k < 4 ? quarterTime(k) : YEAR_TIME, s, r, m, g);
    }
    const perKind = this.shape.times * this.perTime;
    return ((relation - b4) % perKind) * G;
  }

  relationCells(relation: number, out: Int32Array): number {
    const { S1, R1, M1, b1, b2, b3, b4 } = this;
    if (relation < b1) {
      let x = relation;
      const g = x % PUBLISHED_G;
      x = (x - g) / PUBLISHED_G;
      const m = x % M1;
      x = (x - m) / M1;
      const r = x % R1;
      const t = (x - r) / R1;
      out[0] = this.index(t, S1 - 1, r, m, g);
      for (let s = 0; s < S1 - 1; s++) out[s + 1] = this.index(t, s, r, m, g);
      return S1;
    }
    if (relation < b2) {
      let x = relation - b1;
      const g = x % PUBLISHED_G;
      x = (x - g) / PUBLISHED_G;
      const m = x % M1;
      x = (x - m) / M1;
      const s = x % S1;
      const t = (x - s) / S1;
      out[0] = this.index(t, s, R1 - 1, m, g);
      for (let r = 0; r < R1 - 1; r++) out[r + 1] = this.index(t, s, r, m, g);
      return R1;
    }
    if (relation < b3) {
      let x = relation - b2;
      const g = x % PUBLISHED_G;
      x = (x - g) / PUBLISHED_G;
      const r = x % R1;
      x = (x - r) / R1;
      const s = x % S1;
      const t = (x - s) / S1;
      out[0] = this.index(t, s, r, M1 - 1, g);
      for (let m = 0; m < M1 - 1; m++) out[m + 1] = this.index(t, s, r, m, g);
      return M1;
    }
    if (relation < b4) {
      let x = relation - b3;
      const g = x % PUBLISHED_G;
      x = (x - g) / PUBLISHED_G;
      const m = x % M1;
      x = (x - m) / M1;
      const r = x % R1;
      x = (x - r) / R1;
      const s = x % S1;
      const k = (x - s) / S1;
      if (k < 4) {
        out[0] = this.index(quarterTime(k), s, r, m, g);
        for (let i = 0; i < 3; i++) out[i + 1] = this.index(k * 3 + i, s, r, m, g);
        return 4;
      }
      out[0] = this.index(YEAR_TIME, s, r, m, g);
      for (let q = 0; q < 4; q++) out[q + 1] = this.index(quarterTime(q), s, r, m, g);
      return 5;
    }
    let x = relation - b4;
    const perKind = this.shape.times * this.perTime;
    const k = Math.floor(x / perKind);
    x -= k * perKind;
    const base = x * G;
    const columns = GROUP_RELATIONS[k] as readonly number[];
    for (let i = 0; i < columns.length; i++) out[i] = base + (columns[i] as number);
    return columns.length;
  }

  cellRelations(cell: number, out: Int32Array): number {
    const [t, s, r, m, g] = this.coordinates(cell);
    const { S1, R1, M1, b1, b2, b3, b4 } = this;
    let k = 0;
    if (g < PUBLISHED_G) {
      if (this.shape.serviceTypeTotal) out[k++] = ((t * R1 + r) * M1 + m) * PUBLISHED_G + g;
      out[k++] = b1 + ((t * S1 + s) * M1 + m) * PUBLISHED_G + g;
      out[k++] = b2 + ((t * S1 + s) * R1 + r) * PUBLISHED_G + g;
      if (this.shape.timeRelations) {
        const timeRelation = (q: number) => b3 + (((q * S1 + s) * R1 + r) * M1 + m) * PUBLISHED_G + g;
        if (t < MONTHS) out[k++] = timeRelation(Math.floor(t / 3));
        else if (t < YEAR_TIME) {
          out[k++] = timeRelation(t - MONTHS);
          out[k++] = timeRelation(4);
        } else out[k++] = timeRelation(4);
      }
    }
    const groupBase = ((t * S1 + s) * R1 + r) * M1 + m;
    const perKind = this.shape.times * this.perTime;
    const relationOf = GROUP_RELATION_OF[g] as number;
    if (relationOf < 0) for (let i = 0; i < GROUP_RELATIONS.length; i++) out[k++] = b4 + i * perKind + groupBase;
    else out[k++] = b4 + relationOf * perKind + groupBase;
    return k;
  }
}

// ——— the cube ———

export interface PlanningCubeShape {
  /** Number of service types, regions (incl. "ohne Zuordnung") and teams (incl. "ohne Team"). */
  serviceTypes: number;
  regions: number;
  teams: number;
  financingModels: number;
  /**
   * Month ends with a stock value: 12 for a past year, the current month for the current year (its
   * last "month end" is today), 0 for a year that has not begun.
   */
  stockMonths: number;
  /** Per service type: whether its utilisation is published (its offers state places). */
  utilisation: readonly boolean[];
}

/**
 * The counts of a finest cell: all persons' events and those of each published target group
 * (all, U25, Ü50, single parents, refugees, severe disability; see {@link groupCountsOfMask}).
 */
export interface FinestCounts {
  serviceType: number;
  region: number;
  team: number;
  groups: readonly number[];
}

/** A flow count of the finest cell: month 0–11 and indices into the shape's dimensions. */
export interface FlowRow extends FinestCounts {
  measure: FlowMeasure;
  month: number;
}

/** Referrals on a list at the month ends `from` … `to` (0-based, inclusive). */
export interface IntervalRow extends FinestCounts {
  from: number;
  to: number;
}

/** Cases of the cost view per service type × financing model: started in the year, carried into it. */
export interface CostCaseRow {
  serviceType: number;
  financingModel: number;
  started: number;
  carried: number;
}

export interface PlanningCubeInput {
  flows: readonly FlowRow[];
  waiting: readonly IntervalRow[];
  running: readonly IntervalRow[];
  costCases: readonly CostCaseRow[];
}

/** A published figure: its value, or null when suppressed. */
export interface CubeFigure {
  value: number | null;
  suppressed: boolean;
}

/** Selection of one cell in the non-time dimensions: null means "all". */
export interface CubeSelection {
  serviceType: number | null;
  region: number | null;
  team: number | null;
  group: TargetGroup | null;
}

export type CubePeriod = { granularity: 'month'; index: number } | { granularity: 'quarter'; index: number } | { granularity: 'year' };

/** Block numbers of the stocks, after the flows. */
export const WAITING_BLOCK = FLOW_MEASURES.length;
export const RUNNING_BLOCK = WAITING_BLOCK + 1;

/** Cells of the cost view: cases = started in the year + carried over from before (see {@link costCells}). */
export type CostCellKind = 'cases' | 'starts' | 'carried';
export const COST_KINDS: readonly CostCellKind[] = ['cases', 'starts', 'carried'];

export class PlanningCube {
  readonly graph: CombinedGraph;
  readonly values: Int32Array;
  readonly hidden: Uint8Array;
  readonly blocks: readonly CubeBlockGraph[];
  private readonly blockOffsets: number[] = [];
  readonly costOffset: number;

  constructor(
    readonly shape: PlanningCubeShape,
    input: PlanningCubeInput,
  ) {
    const dims = { serviceTypes: shape.serviceTypes, regions: shape.regions, teams: shape.teams };
    const flow = () => new CubeBlockGraph({ ...dims, times: FLOW_TIMES, timeRelations: true, serviceTypeTotal: true });
    this.blocks = [
      ...FLOW_MEASURES.map(flow),
      new CubeBlockGraph({ ...dims, times: shape.stockMonths, timeRelations: false, serviceTypeTotal: true }),
      new CubeBlockGraph({ ...dims, times: 1, timeRelations: false, serviceTypeTotal: false }),
    ];
    const costCellCount = COST_KINDS.length * (shape.serviceTypes + 1) * (shape.financingModels + 1);
    const costPart = new ExplicitGraph(costCellCount, []);
    const parts: SuppressionGraph[] = [...this.blocks, costPart];
    let total = 0;
    for (const p of this.blocks) {
      this.blockOffsets.push(total);
      total += p.cellCount;
    }
    this.costOffset = total;
    total += costCellCount;
    this.values = new Int32Array(total);
    this.hidden = new Uint8Array(total);
    const cost = costCells(shape.serviceTypes, shape.financingModels, (s) =>
      this.cellOf(FLOW_MEASURES.indexOf('starts'), YEAR_TIME, s, null, null, 0),
    );
    this.graph = new CombinedGraph(
      parts,
      cost.relations.map((r) => r.map((c) => (c < 0 ? -c - 1 : this.costOffset + c))),
    );
    this.blocks.forEach((block, b) => {
      this.markHidden(block, this.blockOffset(b), b === RUNNING_BLOCK);
    });
    for (const c of cost.hidden) this.hidden[this.costOffset + c] = 1;
    this.fill(input);
  }

  /**
   * Hidden cells: the target-group complements, the region × team cells (figures are published per region
   * or per team, SPEC C12 "per region or team": a reader never sees a team within a region) and the
   * utilisation without places. They hold the finest counts the witnesses move, and are protected wherever
   * the published cells would determine them.
   */
  private markHidden(block: CubeBlockGraph, offset: number, running: boolean) {
    for (let c = 0; c < block.cellCount; c++) {
      const [, , r, m, g] = block.coordinates(c);
      let hidden = g >= PUBLISHED_G || (r !== block.R1 - 1 && m !== block.M1 - 1);
      if (running && !hidden) {
        // Only the utilisation of service types with places is published; there is no total row.
        const s = Math.floor(c / (block.R1 * block.M1 * G)) % block.S1;
        hidden = s === block.S1 - 1 || !this.shape.utilisation[s];
      }
      if (hidden) this.hidden[offset + c] = 1;
    }
  }

  blockOffset(b: number): number {
    return this.blockOffsets[b] as number;
  }

  /** The block a cell of the counted measures belongs to (not for cells of the cost view). */
  blockOf(cell: number): number {
    let b = 0;
    while (b + 1 < this.blocks.length && (this.blockOffsets[b + 1] as number) <= cell) b++;
    return b;
  }

  /** The cell of block `b` (null dimension = total). */
  cellOf(b: number, t: number, s: number | null, r: number | null, m: number | null, g: number): number {
    const block = this.blocks[b] as CubeBlockGraph;
    return this.blockOffset(b) + block.index(t, s ?? block.S1 - 1, r ?? block.R1 - 1, m ?? block.M1 - 1, g);
  }

  /**
   * Adds the finest counts to their cells (each target-group column of their mask), then sums them up
   * dimension by dimension (time, service type, region, team), so every total is the exact sum of its
   * parts.
   */
  private fill(input: PlanningCubeInput) {
    const { values } = this;
    const addFine = (b: number, t: number, row: FinestCounts, factor: number) => {
      const base = this.blockOffset(b) + (this.blocks[b] as CubeBlockGraph).index(t, row.serviceType, row.region, row.team, 0);
      const [all = 0, u25 = 0, ue50 = 0, singleParent = 0, refugee = 0, disability = 0] = row.groups;
      // Published columns, then the hidden complements (25–49 and "not …").
      const add = [
        all,
        u25,
        ue50,
        singleParent,
        refugee,
        disability,
        all - u25 - ue50,
        all - singleParent,
        all - refugee,
        all - disability,
      ];
      for (let g = 0; g < G; g++) values[base + g] = (values[base + g] as number) + (add[g] as number) * factor;
    };
    for (const row of input.flows) addFine(FLOW_MEASURES.indexOf(row.measure), row.month, row, 1);
    const L = this.shape.stockMonths;
    for (const row of input.waiting) {
      for (let k = Math.max(0, row.from); k <= Math.min(row.to, L - 1); k++) addFine(WAITING_BLOCK, k, row, 1);
    }
    for (const row of input.running) {
      const months = Math.min(row.to, L - 1) - Math.max(0, row.from) + 1;
      if (months > 0) addFine(RUNNING_BLOCK, 0, row, months);
    }
    this.blocks.forEach((block, b) => {
      this.sumUp(block, this.blockOffset(b));
    });

    const F = this.shape.financingModels;
    const S = this.shape.serviceTypes;
    for (const row of input.costCases) {
      for (const s of [row.serviceType, S])
        for (const f of [row.financingModel, F]) {
          const add = (kind: CostCellKind, n: number) => {
            const c = this.costCell(kind, s, f);
            values[c] = (values[c] as number) + n;
          };
          add('cases', row.started + row.carried);
          add('carried', row.carried);
          // The starts of a service type (all financing models) are the planning table's cells.
          if (f !== F) add('starts', row.started);
        }
    }
  }

  /** Fills the total positions of a block from its finest cells. */
  private sumUp(block: CubeBlockGraph, offset: number) {
    const { values } = this;
    const { S1, R1, M1 } = block;
    const T = block.shape.times;
    const at = (t: number, s: number, r: number, m: number) => offset + block.index(t, s, r, m, 0);
    const addRow = (to: number, from: number) => {
      for (let g = 0; g < G; g++) values[to + g] = (values[to + g] as number) + (values[from + g] as number);
    };
    const fineTimes = block.shape.timeRelations ? MONTHS : T;
    for (let t = 0; t < fineTimes; t++)
      for (let s = 0; s < S1 - 1; s++)
        for (let r = 0; r < R1 - 1; r++)
          for (let m = 0; m < M1 - 1; m++) {
            const from = at(t, s, r, m);
            addRow(at(t, S1 - 1, r, m), from);
          }
    for (let t = 0; t < fineTimes; t++)
      for (let s = 0; s < S1; s++)
        for (let r = 0; r < R1 - 1; r++) for (let m = 0; m < M1 - 1; m++) addRow(at(t, s, R1 - 1, m), at(t, s, r, m));
    for (let t = 0; t < fineTimes; t++)
      for (let s = 0; s < S1; s++)
        for (let r = 0; r < R1; r++) for (let m = 0; m < M1 - 1; m++) addRow(at(t, s, r, M1 - 1), at(t, s, r, m));
    if (block.shape.timeRelations) {
      for (let t = 0; t < MONTHS; t++)
        for (let s = 0; s < S1; s++)
          for (let r = 0; r < R1; r++)
            for (let m = 0; m < M1; m++) {
              addRow(at(quarterTime(Math.floor(t / 3)), s, r, m), at(t, s, r, m));
              addRow(at(YEAR_TIME, s, r, m), at(t, s, r, m));
            }
    }
  }

  /**
   * The suppression pattern for a minimum (1 = suppressed): the small counts, and for each small group
   * a witness of cells suppressed with it ({@link CubeWitnesses}). `onWitness` receives each witness.
   */
  suppress(minimum: number, onWitness?: (cell: number, witness: Witness) => void, onUnwitnessed?: (cell: number) => void): Uint8Array {
    const witnesses = new CubeWitnesses(this, minimum);
    return suppressCells({
      graph: this.graph,
      values: this.values,
      hidden: this.hidden,
      minimum,
      priority: witnesses.mainLines(),
      witnesses,
      onWitness,
      onUnwitnessed,
    });
  }

  private figureAt(cell: number, pattern: Uint8Array | null): CubeFigure {
    // A hidden cell (a team within a region) is never published; callers reject such selections first.
    if (pattern && (pattern[cell] || this.hidden[cell])) return { value: null, suppressed: true };
    return { value: this.values[cell] as number, suppressed: false };
  }

  /** A flow or the waiting list in a period of the year. */
  figure(measure: PlanningMeasure, period: CubePeriod, selection: CubeSelection, pattern: Uint8Array | null): CubeFigure {
    const g = groupColumn(selection.group);
    if (measure === 'waitingList') {
      const L = this.shape.stockMonths;
      if (L === 0) return { value: 0, suppressed: false };
      const month = period.granularity === 'month' ? period.index : period.granularity === 'quarter' ? period.index * 3 + 2 : MONTHS - 1;
      const t = Math.min(month, L - 1);
      return this.figureAt(this.cellOf(WAITING_BLOCK, t, selection.serviceType, selection.region, selection.team, g), pattern);
    }
    const b = FLOW_MEASURES.indexOf(measure as FlowMeasure);
    const t = period.granularity === 'month' ? period.index : period.granularity === 'quarter' ? quarterTime(period.index) : YEAR_TIME;
    return this.figureAt(this.cellOf(b, t, selection.serviceType, selection.region, selection.team, g), pattern);
  }

  /**
   * A flow over the year's first `months` months (the prior year's comparable period). Published when the
   * published cells of its time line (the months, quarters and the year of the same selection) determine it:
   * a figure the reader can compute from them, e.g. the year minus a shown December or three quarters plus
   * October and November, tells nothing new. Otherwise it would be a new figure outside the suppression's
   * relations (year − period = a suppressed month), so it is suppressed.
   */
  firstMonths(measure: FlowMeasure, months: number, selection: CubeSelection, pattern: Uint8Array | null): CubeFigure {
    const b = FLOW_MEASURES.indexOf(measure);
    const g = groupColumn(selection.group);
    const at = (t: number) => this.cellOf(b, t, selection.serviceType, selection.region, selection.team, g);
    let value = 0;
    for (let t = 0; t < months; t++) value += this.values[at(t)] as number;
    if (!pattern) return { value, suppressed: false };
    // Each shown cell of the line as the months it sums; the period is determined by them if it lies in their span.
    const shown: number[][] = [];
    const span = (first: number, count: number) => Array.from({ length: MONTHS }, (_, i) => (i >= first && i < first + count ? 1 : 0));
    const isShown = (cell: number) => !pattern[cell] && !this.hidden[cell];
    for (let t = 0; t < MONTHS; t++) if (isShown(at(t))) shown.push(span(t, 1));
    for (let q = 0; q < 4; q++) if (isShown(at(quarterTime(q)))) shown.push(span(q * 3, 3));
    if (isShown(at(YEAR_TIME))) shown.push(span(0, MONTHS));
    return inSpan(span(0, months), shown) ? { value, suppressed: false } : { value: null, suppressed: true };
  }

  /** Running referrals summed over the month ends of the year (person-months), per service type. */
  runningMonths(selection: CubeSelection & { serviceType: number }, pattern: Uint8Array | null): CubeFigure {
    const g = groupColumn(selection.group);
    return this.figureAt(this.cellOf(RUNNING_BLOCK, 0, selection.serviceType, selection.region, selection.team, g), pattern);
  }

  /** A readable name of a cell, for diagnostics ("needs t16 s0 r* m1 refugee", "cost cases s1 f*"). */
  describeCell(cell: number): string {
    if (cell >= this.costOffset) {
      const { serviceTypes: S, financingModels: F } = this.shape;
      const [kind, s, f] = this.costCoordinates(cell);
      return `cost ${COST_KINDS[kind]} s${s === S ? '*' : s} f${f === F ? '*' : f}`;
    }
    const b = this.blockOf(cell);
    const block = this.blocks[b] as CubeBlockGraph;
    const [t, s, r, m, g] = block.coordinates(cell - (this.blockOffsets[b] as number));
    const name = [...FLOW_MEASURES, 'waitingList', 'running'][b];
    const dim = (x: number, n: number, p: string) => `${p}${x === n - 1 ? '*' : x}`;
    return `${name} t${t} ${dim(s, block.S1, 's')} ${dim(r, block.R1, 'r')} ${dim(m, block.M1, 'm')} ${GROUP_COLUMNS[g]}`;
  }

  /** Kind (index into cases, starts, carried), service type and financing model of a cell of the cost view. */
  costCoordinates(cell: number): [number, number, number] {
    const { serviceTypes: S, financingModels: F } = this.shape;
    const local = cell - this.costOffset;
    return [Math.floor(local / ((S + 1) * (F + 1))), Math.floor(local / (F + 1)) % (S + 1), local % (F + 1)];
  }

  /** The index of a cell of the cost view; service type S and financing model F are the totals. */
  costCell(kind: CostCellKind, s: number, f: number): number {
    return this.costOffset + costIndex(this.shape.serviceTypes, this.shape.financingModels, kind, s, f);
  }

  /** Cases of the cost view: one service type × financing model, or all (both null). */
  costCases(serviceType: number | null, financingModel: number | null, pattern: Uint8Array | null): CubeFigure {
    const { serviceTypes: S, financingModels: F } = this.shape;
    return this.figureAt(this.costCell('cases', serviceType ?? S, financingModel ?? F), pattern);
  }
}

// ——— the cost view's cases ———

function costIndex(S: number, F: number, kind: CostCellKind, s: number, f: number): number {
  return (COST_KINDS.indexOf(kind) * (S + 1) + s) * (F + 1) + f;
}

/**
 * The cost view counts cases per service type × financing model: started in the year plus carried
 * over from before. Its cells form a full lattice (each of cases, starts, carried per service type or
 * all × financing model or all), because a reader can combine any of them: cases per service type are
 * the sum of the shown rows, and minus the planning table's starts give the carried-over cases.
 * - shown: cases per service type × financing model, and in total;
 * - derivable, treated as shown (suppressible): cases per service type, per financing model, carried
 *   over per service type and in total;
 * - hidden: starts and carried cases per financing model (the table has no financing dimension);
 * - the starts per service type (all financing models) and in total are the planning table's year
 *   cells (`startsCell`): relations refer to them as −(cell + 1).
 */
function costCells(S: number, F: number, startsCell: (s: number | null) => number): { relations: number[][]; hidden: number[] } {
  const at = (kind: CostCellKind, s: number, f: number) => {
    if (kind === 'starts' && f === F) return -startsCell(s === S ? null : s) - 1;
    return costIndex(S, F, kind, s, f);
  };
  const relations: number[][] = [];
  const hidden: number[] = [];
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  for (const kind of COST_KINDS) {
    for (let s = 0; s <= S; s++) relations.push([at(kind, s, F), ...range(F).map((f) => at(kind, s, f))]);
    for (let f = 0; f <= F; f++) relations.push([at(kind, S, f), ...range(S).map((s) => at(kind, s, f))]);
  }
  for (let s = 0; s <= S; s++)
    for (let f = 0; f <= F; f++) {
      relations.push([at('cases', s, f), at('starts', s, f), at('carried', s, f)]);
      if (f < F) hidden.push(costIndex(S, F, 'starts', s, f), costIndex(S, F, 'carried', s, f));
      // Unused: the starts of all financing models are the planning table's cells.
      else hidden.push(costIndex(S, F, 'starts', s, f));
    }
  return { relations, hidden };
}

/** Whether `target` is a linear combination of `vectors` (Gaussian elimination; small 0/1 vectors). */
function inSpan(target: readonly number[], vectors: readonly (readonly number[])[]): boolean {
  const rows = vectors.map((v) => [...v]);
  const rest = [...target];
  const n = target.length;
  let rank = 0;
  for (let col = 0; col < n && rank < rows.length; col++) {
    const pivot = rows.findIndex((r, i) => i >= rank && Math.abs(r[col] as number) > 1e-9);
    if (pivot < 0) continue;
    [rows[rank], rows[pivot]] = [rows[pivot] as number[], rows[rank] as number[]];
    const p = rows[rank] as number[];
    for (const r of [...rows.slice(rank + 1), rest]) {
      const factor = (r[col] as number) / (p[col] as number);
      if (factor !== 0) for (let k = col; k < n; k++) r[k] = (r[k] as number) - factor * (p[k] as number);
    }
    rank++;
  }
  return rest.every((x) => Math.abs(x) < 1e-9);
}
