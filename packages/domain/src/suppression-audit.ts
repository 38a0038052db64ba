import type { LinearSolver } from './linear-solver';
import type { SuppressionGraph } from './suppression';

/**
 * The exact check of a suppression pattern (SPEC C12, issue 5): what a reader can conclude about each
 * small group from everything published, computed with linear programming over the cells.
 *
 * The reader knows every published, unsuppressed cell, that every cell is a non-negative count and
 * that every relation holds. The unknowns are the suppressed and the hidden cells. For every unknown
 * cell holding a small group (1 … minimum − 1) the reader must not be able to conclude "a small group
 * is here": some assignment consistent with everything published must put the cell at 0 or at the
 * minimum or more. Rounding is
 * allowed to the reader (an interval 0.4 … 4.6 tells an integer reader 1 … 4), so the bounds must
 * reach 0 or the minimum themselves.
 *
 * Why cells suffice: every finer combination a reader might reason about (e.g. the persons who are both
 * U25 and refugees) has a non-negative solution for any non-negative values of the cells and their
 * relations, so the cell-level bounds are the bounds over the persons' finest counts. The planning
 * cube's tests check this against an attacker who reasons over those finest counts.
 *
 * Work: cells that a relation pins (its only unknown) are substituted first; the remaining unknowns
 * fall into components linked by relations, and only components holding a small group are solved. Every
 * solution is a witness for each small group it puts at 0 or at ≥ minimum, so objectives over many cells
 * at once come first (all of them as small as possible; all of them reaching the minimum), repeated
 * over the cells still without a witness while that finds new ones; only the rest get a solve each.
 */

export interface AuditInput {
  graph: SuppressionGraph;
  values: ArrayLike<number>;
  hidden: ArrayLike<number>;
  minimum: number;
  /** 1 for a suppressed cell. */
  suppressed: ArrayLike<number>;
  solver: LinearSolver;
  /**
   * Check only every `sample`-th small group of each component, one by one (the benchmark's audit of a
   * large tenant, where checking all would take hours). Default: all of them.
   */
  sample?: number;
  /** Filled with what was solved, if given. */
  report?: AuditReport;
}

export interface AuditReport {
  /** Components holding a small group, solved by linear programming. */
  components: number;
  /** Relations of the largest of them. */
  largestComponent: number;
  /** Small groups checked (with `sample`, only every sample-th). */
  checked: number;
}

/** A small group a reader can narrow down to 1 … minimum − 1, and the relations that narrow it. */
export interface AuditLeak {
  cell: number;
  /** The relations of the cell's component: one more suppressed cell among them widens the bounds. */
  relations: number[];
}

/** A solved bound counts as reaching 0 or the minimum within this margin. */
const EPSILON = 1e-7;

export function auditSuppression(input: AuditInput): AuditLeak[] {
  const { graph, values, hidden, suppressed, minimum, solver } = input;
  const n = graph.cellCount;
  const small = (c: number) => (values[c] as number) >= 1 && (values[c] as number) < minimum;
  const unknown = new Uint8Array(n);
  for (let c = 0; c < n; c++) if (suppressed[c] || hidden[c]) unknown[c] = 1;

  const cells = new Int32Array(Math.max(1, graph.maxRelationSize));
  const rels = new Int32Array(Math.max(1, graph.maxCellRelations));
  const unknownCount = new Int32Array(graph.relationCount);
  const pending: number[] = [];
  for (let r = 0; r < graph.relationCount; r++) {
    const size = graph.relationCells(r, cells);
    let k = 0;
    for (let i = 0; i < size; i++) if (unknown[cells[i] as number]) k++;
    unknownCount[r] = k;
    if (k > 0) pending.push(r);
  }

  const leaks: AuditLeak[] = [];
  // What a reader deduces without solving: the only unknown of a relation is its difference, and the
  // parts of a known zero total are zero. Each deduction may enable more.
  const deduce = (cell: number, relation: number) => {
    unknown[cell] = 0;
    if (small(cell)) leaks.push({ cell, relations: [relation] });
    const k = graph.cellRelations(cell, rels);
    for (let i = 0; i < k; i++) {
      const other = rels[i] as number;
      unknownCount[other] = (unknownCount[other] as number) - 1;
      pending.push(other);
    }
  };
  while (pending.length > 0) {
    const r = pending.pop() as number;
    const k = unknownCount[r] as number;
    if (k === 0) continue;
    const size = graph.relationCells(r, cells);
    const total = cells[0] as number;
    if (!unknown[total] && values[total] === 0) {
      for (let i = 1; i < size; i++) if (unknown[cells[i] as number]) deduce(cells[i] as number, r);
    } else if (k === 1) {
      for (let i = 0; i < size; i++) if (unknown[cells[i] as number]) deduce(cells[i] as number, r);
    }
  }

  // Components of the remaining unknowns through the relations that hold two or more of them.
  const parent = new Int32Array(n);
  for (let c = 0; c < n; c++) parent[c] = c;
  const find = (c: number): number => {
    while (parent[c] !== c) {
      parent[c] = parent[parent[c] as number] as number;
      c = parent[c] as number;
    }
    return c;
  };
  for (let r = 0; r < graph.relationCount; r++) {
    if ((unknownCount[r] as number) < 2) continue;
    const size = graph.relationCells(r, cells);
    let first = -1;
    for (let i = 0; i < size; i++) {
      const c = cells[i] as number;
      if (!unknown[c]) continue;
      if (first < 0) first = find(c);
      else {
        const root = find(c);
        if (root !== first) parent[root] = first;
      }
    }
  }
  const componentsWithSmall = new Map<number, number[]>();
  for (let c = 0; c < n; c++) {
    if (!unknown[c] || !small(c)) continue;
    const root = find(c);
    const list = componentsWithSmall.get(root);
    if (list) list.push(c);
    else componentsWithSmall.set(root, [c]);
  }
  if (componentsWithSmall.size === 0) return leaks;

  const componentRelations = new Map<number, number[]>();
  for (let r = 0; r < graph.relationCount; r++) {
    if ((unknownCount[r] as number) < 2) continue;
    const size = graph.relationCells(r, cells);
    for (let i = 0; i < size; i++) {
      const c = cells[i] as number;
      if (!unknown[c]) continue;
      const root = find(c);
      if (componentsWithSmall.has(root)) {
        const list = componentRelations.get(root);
        if (list) list.push(r);
        else componentRelations.set(root, [r]);
      }
      break;
    }
  }

  for (const [root, smallCells] of componentsWithSmall) {
    const relations = componentRelations.get(root) ?? [];
    if (input.report) {
      input.report.components++;
      input.report.largestComponent = Math.max(input.report.largestComponent, relations.length);
    }
    const component = { smallCells, relations };
    for (const cell of componentLeaks(input, solver, unknown, component, cells)) leaks.push({ cell, relations });
  }
  return leaks;
}

/**
 * The small groups of one component that no assignment consistent with the published cells puts at 0
 * or at ≥ minimum. Columns: the component's unknown cells x ≥ 0, and per small group a y with
 * 0 ≤ y ≤ minimum and y ≤ x, so that "reach the minimum" is a bounded objective (maximise y).
 */
function componentLeaks(
  input: AuditInput,
  solver: LinearSolver,
  unknown: Uint8Array,
  component: { smallCells: number[]; relations: number[] },
  cells: Int32Array,
): number[] {
  const { graph, values, minimum } = input;
  const { smallCells, relations } = component;
  const columnOf = new Map<number, number>();
  const rowStart: number[] = [0];
  const index: number[] = [];
  const coefficient: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  // Each relation Σ parts − total = 0 over the unknowns, the known cells moved to the right-hand side.
  for (const r of relations) {
    const size = graph.relationCells(r, cells);
    let rhs = 0;
    for (let i = 0; i < size; i++) {
      const c = cells[i] as number;
      const sign = i === 0 ? -1 : 1;
      if (!unknown[c]) {
        rhs -= sign * (values[c] as number);
        continue;
      }
      let column = columnOf.get(c);
      if (column === undefined) {
        column = columnOf.size;
        columnOf.set(c, column);
      }
      index.push(column);
      coefficient.push(sign);
    }
    rowLower.push(rhs);
    rowUpper.push(rhs);
    rowStart.push(index.length);
  }
  const cellColumns = columnOf.size;
  const smallColumn = smallCells.map((c) => columnOf.get(c) as number);
  // y_k − x_k ≤ 0 for each small group k.
  smallColumn.forEach((x, k) => {
    index.push(cellColumns + k, x);
    coefficient.push(1, -1);
    rowLower.push(Number.NEGATIVE_INFINITY);
    rowUpper.push(0);
    rowStart.push(index.length);
  });
  const columns = cellColumns + smallCells.length;
  const columnUpper = new Float64Array(columns).fill(Number.POSITIVE_INFINITY);
  columnUpper.fill(minimum, cellColumns);
  const session = solver.open({
    columns,
    columnUpper,
    rowStart: Int32Array.from(rowStart),
    index: Int32Array.from(index),
    coefficient: Float64Array.from(coefficient),
    rowLower: Float64Array.from(rowLower),
    rowUpper: Float64Array.from(rowUpper),
  });
  try {
    const open = new Set(smallCells.keys());
    const witness = (solution: Float64Array) => {
      let found = 0;
      for (const k of [...open]) {
        const x = solution[smallColumn[k] as number] as number;
        if (x <= EPSILON || x >= minimum - EPSILON) {
          open.delete(k);
          found++;
        }
      }
      return found;
    };
    // cost over the open small groups: +1 on x (towards 0) or −1 on y (towards the minimum).
    const objective = (keys: Iterable<number>, towardsZero: boolean) => {
      const cost = new Float64Array(columns);
      for (const k of keys) {
        if (towardsZero) cost[smallColumn[k] as number] = 1;
        else cost[cellColumns + k] = -1;
      }
      return session.minimise(cost);
    };
    const sample = input.sample ?? 1;
    if (sample > 1) {
      for (const k of [...open]) if (k % sample !== 0) open.delete(k);
      if (input.report) input.report.checked += open.size;
    } else {
      if (input.report) input.report.checked += open.size;
      for (const towardsZero of [true, false]) while (open.size > 0 && witness(objective(open, towardsZero)) > 0);
    }
    for (const k of [...open]) {
      if (!open.has(k)) continue;
      if (witness(objective([k], true)) > 0 && !open.has(k)) continue;
      witness(objective([k], false));
    }
    return [...open].map((k) => smallCells[k] as number);
  } finally {
    session.dispose();
  }
}
