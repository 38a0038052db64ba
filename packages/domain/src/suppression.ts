/**
 * Cell suppression of the planning figures (SPEC C12): municipal planners see only aggregates, and
 * no combination of the figures they can query may reveal a group of fewer than `minimum` persons.
 *
 * The figures form a system of sum relations ("this cell is the sum of those cells": a year is the
 * sum of its quarters, all service types are the sum of each, all persons are U25 + 25–49 + Ü50 …).
 * One suppression pattern is computed over the whole system at once, so that every table, filter and
 * export derived from it shows the same cells suppressed:
 *
 * 1. Primary suppression: every published cell with a value from 1 to minimum − 1. Zeros are shown
 *    (a zero names nobody).
 * 2. Relation by relation, until a fixpoint: a relation whose unknown cells would let a reader recover a
 *    suppressed cell or a small hidden group gets one more cell suppressed: the cell with the lowest
 *    priority class (the planning cube gives its main lines the highest), parts before the total,
 *    smallest value first, lowest index on ties. A relation is safe when
 *    - it has no unknown cell; or
 *    - its single unknown cell is a hidden cell whose value is 0 or at least the minimum; or
 *    - it has at least two unknown cells and, when its total is known, the unknown parts together hold
 *      0 or at least `minimum`. When the total is unknown itself, the parts are as uncertain as the
 *      total, which its own relations protect.
 *    Hidden cells count as unknown unless their value is 0 or they follow from a relation whose other
 *    cells are all known; such derivations are propagated once from the primary pattern.
 *    Ties: a relation with exactly two unknown cells ties them (two parts of a known total move
 *    oppositely, a total and its one unknown part alike). Tied cells are pinned when the ties close an
 *    odd cycle, or when a relation with more unknowns holds cells of one group of ties that do not
 *    cancel. Each such group gets one more suppressed cell, then the relations are checked again.
 *    For a single relation (a total and its parts) this is exact; for linked tables it is a heuristic.
 * 3. With a {@link WitnessSource} (the planning cube): every small unknown cell — suppressed, or hidden
 *    (never published, e.g. "25–49" = all − U25 − Ü50) and small, unless the source says it is a finest
 *    count rather than a sum a reader can form ({@link WitnessSource.needsWitness}) — gets a witness: a set of cells that
 *    can move together (+ cells up, − cells down by the same amount) without changing any relation,
 *    all unknown to the reader, along which the small cell reaches 0 or the minimum while every count
 *    stays non-negative. Then the published figures are exactly the same for a table where the small
 *    group is empty or large, so no combination of them (nor any linear programme over them) can narrow
 *    it to 1 … minimum − 1. The cheapest candidate is taken; its published cells are suppressed. Cells
 *    the source prices infinitely (the cube's main lines) are never used: a small cell whose every
 *    candidate needs one keeps the protection of step 2 and is reported (`onUnwitnessed`). The tests
 *    check every witness against the relations.
 *
 * The tests also check results with linear programming: against an attacker who solves over every
 * person's finest combination, and with the exact audit over the cells (suppression-audit.ts).
 */

/** A system of sum relations over cells: relation r says cell `total(r)` = Σ `parts(r)`. */
export interface SuppressionGraph {
  readonly cellCount: number;
  readonly relationCount: number;
  /** Writes the relation's cells into `out`, the total first; returns how many. */
  relationCells(relation: number, out: Int32Array): number;
  /** Writes the relations the cell belongs to (as total or part) into `out`; returns how many. */
  cellRelations(cell: number, out: Int32Array): number;
  /** The most cells of one relation and the most relations of one cell (buffer sizes). */
  readonly maxRelationSize: number;
  readonly maxCellRelations: number;
  /** The relation's total alone (cheaper than all its cells): a relation with a zero total needs nothing. */
  relationTotal(relation: number): number;
}

export interface SuppressionInput {
  graph: SuppressionGraph;
  /** Non-negative integer value per cell. */
  values: ArrayLike<number>;
  /** 1 for a cell that is never published (it can at most be derived from published ones). */
  hidden: ArrayLike<number>;
  /**
   * Preference when a further cell must be suppressed: lower first (e.g. cells only derivable from a
   * side table before the main table's cells). Defaults to 0 for every cell.
   */
  priority?: ArrayLike<number>;
  /** Smallest count shown; 1 … minimum − 1 are suppressed. */
  minimum: number;
  /**
   * Witnesses for the small unknown cells (step 4): when given, every small group ends with a witness
   * and the pattern is safe against any reader, not only against the relation-by-relation checks.
   */
  witnesses?: WitnessSource;
  /** Called with the witness each small unknown cell ends with (tests check them against the relations). */
  onWitness?: (cell: number, witness: Witness) => void;
  /** Receives each small unknown cell for which no witness avoids the cells that must stay shown. */
  onUnwitnessed?: (cell: number) => void;
}

/**
 * A witness for a small group: cells with integer coefficients such that moving every cell by its
 * coefficient times the same amount keeps every relation (a null vector of the relations), containing
 * the small cell. If all its cells are unknown to the reader and the counts stay non-negative while the
 * small cell reaches 0 or the minimum, the reader cannot tell the small group from an empty or a large
 * one: the published figures are the same for both.
 */
/**
 * Names the method that makes a table's pattern. Stored patterns carry it in their fingerprint, so a
 * change of the method (anything that can change which cells a table gets suppressed) must change this
 * name: patterns of the old method are then computed anew instead of being served.
 */
export const SUPPRESSION_METHOD = 'witnesses-2026-11-21-region-or-team-swaps';

export interface Witness {
  cells: Int32Array;
  coefficients: Int32Array;
  size: number;
}

/** Candidate witnesses of one system of relations (e.g. products of one move per dimension of a cube). */
export interface WitnessSource {
  /**
   * Offers candidate witnesses of `cell`, the most promising first; `offer` returns true to stop.
   * `unknown` tells which cells the reader does not know at the moment (suppressed or hidden).
   */
  candidates(cell: number, unknown: (cell: number) => boolean, offer: (witness: Witness) => boolean): void;
  /**
   * The price of suppressing one more published cell (totals a planner reads often cost more);
   * infinite for a cell that must stay shown (no witness may use it).
   */
  weight(cell: number): number;
  /**
   * Whether a small hidden cell needs a witness (default: yes). No for hidden cells that are the finest
   * counts themselves rather than a sum a reader can form from published cells (the cube's team within a
   * region): step 2 keeps them undetermined.
   */
  needsWitness?(cell: number): boolean;
}

/** Whether a count identifies a small group: 1 … minimum − 1 (zero does not). */
export function isSensitive(value: number, minimum: number): boolean {
  return value >= 1 && value < minimum;
}

/** The suppression pattern: 1 for every published cell that must not be shown. Pure and deterministic. */
export function suppressCells(input: SuppressionInput): Uint8Array {
  const { graph, values, hidden, minimum } = input;
  const priority = input.priority;
  const n = graph.cellCount;
  const suppressed = new Uint8Array(n);
  for (let c = 0; c < n; c++) if (!hidden[c] && isSensitive(values[c] as number, minimum)) suppressed[c] = 1;

  const cells = new Int32Array(Math.max(1, graph.maxRelationSize));
  const rels = new Int32Array(Math.max(1, graph.maxCellRelations));
  // What the reader knows before secondary suppression. Derived hidden cells stay "known" even when a
  // later suppression makes them underivable: that can only find more violations, never fewer.
  const known = knownCells(input, suppressed, cells, rels);
  // Relations are checked in a fixed order (by number), sweep after sweep, so the pattern is deterministic.
  const pending = new Uint8Array(graph.relationCount);
  let pendingCount = 0;
  // Unknown cells per relation, kept up to date once counted (the tie analysis needs only relations with two or more).
  let unknownCount: Int32Array | null = null;
  const suppress = (cell: number) => {
    suppressed[cell] = 1;
    const becomesUnknown = known[cell] === 1;
    if (becomesUnknown) known[cell] = 0;
    const k = graph.cellRelations(cell, rels);
    for (let i = 0; i < k; i++) {
      const other = rels[i] as number;
      if (becomesUnknown && unknownCount) unknownCount[other] = (unknownCount[other] as number) + 1;
      if (!pending[other]) {
        pending[other] = 1;
        pendingCount++;
      }
    }
  };
  const sweep = () => {
    while (pendingCount > 0) {
      for (let r = 0; r < graph.relationCount && pendingCount > 0; r++) {
        if (!pending[r]) continue;
        pending[r] = 0;
        pendingCount--;
        // Parts of a zero total are zero: nothing to protect, nothing unknown.
        if (values[graph.relationTotal(r)] === 0) continue;
        const size = graph.relationCells(r, cells);
        if (!violated(cells, size, known, values, hidden, minimum)) continue;
        const pick = candidate(cells, size, known, values, hidden, priority);
        if (pick >= 0) suppress(pick);
      }
    }
  };
  pending.fill(1);
  pendingCount = graph.relationCount;
  sweep();
  // Step 3: groups of tied cells that are pinned get one more suppressed cell, until none is pinned.
  unknownCount = new Int32Array(graph.relationCount);
  for (let r = 0; r < graph.relationCount; r++) {
    if (values[graph.relationTotal(r)] === 0) continue;
    const size = graph.relationCells(r, cells);
    let count = 0;
    for (let i = 0; i < size; i++) if (!known[cells[i] as number]) count++;
    unknownCount[r] = count;
  }
  const workspace = tieWorkspace(n, graph.relationCount);
  for (;;) {
    const picks = oddCycleBreaks(input, known, cells, unknownCount, workspace);
    if (picks.length === 0) break;
    for (const pick of picks) if (!suppressed[pick]) suppress(pick);
    sweep();
  }
  if (input.witnesses) protectByWitnesses(input, input.witnesses, suppressed);
  return suppressed;
}

/**
 * Step 4: every small unknown cell (suppressed, or hidden and small) gets a witness whose cells are all
 * unknown. Candidates whose cells are already unknown cost nothing; otherwise the cheapest candidate's
 * published cells are suppressed. A witness stays valid when more cells are suppressed later (the reader
 * only learns less), so one pass over the cells suffices.
 */
function protectByWitnesses(input: SuppressionInput, source: WitnessSource, suppressed: Uint8Array): void {
  const { graph, values, hidden, minimum } = input;
  const unknown = (c: number) => suppressed[c] === 1 || hidden[c] === 1;
  let best: Witness | null = null;
  let bestCost = Number.POSITIVE_INFINITY;
  let target = -1;
  const offer = (w: Witness) => {
    const cost = witnessCost(target, w, values, minimum, unknown, source, bestCost);
    if (cost >= 0) {
      bestCost = cost;
      best = { cells: w.cells.slice(0, w.size), coefficients: w.coefficients.slice(0, w.size), size: w.size };
    }
    return bestCost === 0;
  };
  for (let c = 0; c < graph.cellCount; c++) {
    if (!unknown(c) || !isSensitive(values[c] as number, minimum)) continue;
    if (hidden[c] && suppressed[c] !== 1 && source.needsWitness?.(c) === false) continue;
    target = c;
    best = null;
    bestCost = Number.POSITIVE_INFINITY;
    source.candidates(c, unknown, offer);
    const chosen = best as Witness | null;
    if (chosen === null) {
      input.onUnwitnessed?.(c);
      continue;
    }
    for (let i = 0; i < chosen.size; i++) {
      const x = chosen.cells[i] as number;
      if (!unknown(x)) suppressed[x] = 1;
    }
    input.onWitness?.(c, chosen);
  }
}

/**
 * What making `w` a witness of the small cell `target` costs (the weights of its published cells), or −1
 * when it cannot be one: moving along it must keep every count non-negative at the point where the
 * target reaches 0 or at the point where it reaches the minimum (the counts are linear along the move,
 * so the points between are fine as well). Also −1 as soon as it would cost `bound` or more.
 */
export function witnessCost(
  target: number,
  w: Witness,
  values: ArrayLike<number>,
  minimum: number,
  unknown: (cell: number) => boolean,
  source: Pick<WitnessSource, 'weight'>,
  bound = Number.POSITIVE_INFINITY,
): number {
  let a = 0;
  for (let i = 0; i < w.size; i++) if (w.cells[i] === target) a = w.coefficients[i] as number;
  if (a === 0) return -1;
  const v = values[target] as number;
  // At amount d a cell holds value + coefficient · d; the target reaches 0 at d = −v / a and the
  // minimum at d = (minimum − v) / a. Multiplied by a (sign-aware) to stay in integers.
  let reachesZero = true;
  let reachesMinimum = true;
  let cost = 0;
  for (let i = 0; i < w.size; i++) {
    const c = w.cells[i] as number;
    const value = values[c] as number;
    const k = w.coefficients[i] as number;
    const atZero = value * a - k * v;
    const atMinimum = value * a + k * (minimum - v);
    if (a > 0 ? atZero < 0 : atZero > 0) reachesZero = false;
    if (a > 0 ? atMinimum < 0 : atMinimum > 0) reachesMinimum = false;
    if (!reachesZero && !reachesMinimum) return -1;
    if (!unknown(c)) {
      cost += source.weight(c);
      if (cost >= bound) return -1;
    }
  }
  return cost;
}

/**
 * Whether `w` keeps every relation of the graph (its coefficients sum to zero over each relation's parts
 * minus its total): the check the tests apply to every witness the suppression ends with.
 */
export function keepsEveryRelation(graph: SuppressionGraph, w: Witness): boolean {
  const sign = new Map<number, number>();
  for (let i = 0; i < w.size; i++) sign.set(w.cells[i] as number, (sign.get(w.cells[i] as number) ?? 0) + (w.coefficients[i] as number));
  const rels = new Int32Array(Math.max(1, graph.maxCellRelations));
  const cells = new Int32Array(Math.max(1, graph.maxRelationSize));
  const checked = new Set<number>();
  for (const cell of sign.keys()) {
    const k = graph.cellRelations(cell, rels);
    for (let i = 0; i < k; i++) {
      const r = rels[i] as number;
      if (checked.has(r)) continue;
      checked.add(r);
      const size = graph.relationCells(r, cells);
      let balance = -(sign.get(cells[0] as number) ?? 0);
      for (let j = 1; j < size; j++) balance += sign.get(cells[j] as number) ?? 0;
      if (balance !== 0) return false;
    }
  }
  return true;
}

/**
 * Ties of relations with exactly two unknown cells (two parts of a known total move oppositely, a total
 * and its one unknown part alike), 2-coloured by a breadth-first search. Two ways a component of ties
 * can be pinned:
 * - an odd cycle: an edge whose colours contradict its kind;
 * - a relation with three or more unknowns whose cells, written as ± the component's root, do not
 *   cancel for exactly one root (e.g. a + b + c = 3 where a, b and c all move like the root).
 * For each pinned component one cell to suppress: among the relations involved (the closing one and
 * those on the tree paths to the common ancestor or root), the best candidate as in a violated relation.
 */
/** Scratch arrays of the tie analysis, allocated once per suppression. */
interface TieWorkspace {
  ea: Int32Array;
  eb: Int32Array;
  opposite: Uint8Array;
  relationOf: Int32Array;
  wide: Int32Array;
  degree: Int32Array;
  start: Int32Array;
  fill: Int32Array;
  adjacent: Int32Array;
  colour: Int8Array;
  rootOf: Int32Array;
  parentEdge: Int32Array;
  depth: Int32Array;
  queue: Int32Array;
}

function tieWorkspace(cellCount: number, relationCount: number): TieWorkspace {
  return {
    ea: new Int32Array(relationCount),
    eb: new Int32Array(relationCount),
    opposite: new Uint8Array(relationCount),
    relationOf: new Int32Array(relationCount),
    wide: new Int32Array(relationCount),
    degree: new Int32Array(cellCount),
    start: new Int32Array(cellCount + 1),
    fill: new Int32Array(cellCount),
    adjacent: new Int32Array(2 * relationCount),
    colour: new Int8Array(cellCount),
    rootOf: new Int32Array(cellCount),
    parentEdge: new Int32Array(cellCount),
    depth: new Int32Array(cellCount),
    queue: new Int32Array(cellCount),
  };
}

function oddCycleBreaks(
  input: SuppressionInput,
  known: Uint8Array,
  cells: Int32Array,
  unknownCount: Int32Array,
  w: TieWorkspace,
): number[] {
  const { graph, values, hidden, priority } = input;
  const n = graph.cellCount;
  // Edges: cell a, cell b, 1 if they move oppositely, the relation.
  const { ea, eb, opposite, relationOf, wide, degree, start, fill, adjacent, colour, rootOf, parentEdge, depth, queue } = w;
  let edges = 0;
  let wideCount = 0;
  for (let r = 0; r < graph.relationCount; r++) {
    if ((unknownCount[r] as number) < 2) continue;
    const size = graph.relationCells(r, cells);
    let first = -1;
    let second = -1;
    let count = 0;
    for (let i = 0; i < size; i++) {
      const x = cells[i] as number;
      if (known[x]) continue;
      count++;
      if (first < 0) first = x;
      else if (second < 0) second = x;
    }
    if (count > 2) wide[wideCount++] = r;
    if (count !== 2) continue;
    ea[edges] = first;
    eb[edges] = second;
    opposite[edges] = known[cells[0] as number] ? 1 : 0;
    relationOf[edges] = r;
    edges++;
  }
  degree.fill(0);
  for (let e = 0; e < edges; e++) {
    degree[ea[e] as number] = (degree[ea[e] as number] as number) + 1;
    degree[eb[e] as number] = (degree[eb[e] as number] as number) + 1;
  }
  start[0] = 0;
  for (let c = 0; c < n; c++) start[c + 1] = (start[c] as number) + (degree[c] as number);
  fill.set(start.subarray(0, n));
  for (let e = 0; e < edges; e++) {
    const a = ea[e] as number;
    const b = eb[e] as number;
    adjacent[fill[a] as number] = e;
    fill[a] = (fill[a] as number) + 1;
    adjacent[fill[b] as number] = e;
    fill[b] = (fill[b] as number) + 1;
  }
  colour.fill(-1);
  rootOf.fill(-1);
  parentEdge.fill(-1);
  const pinned = new Map<number, number[]>();
  const other = (e: number, x: number) => (ea[e] === x ? (eb[e] as number) : (ea[e] as number));
  for (let root = 0; root < n; root++) {
    if (colour[root] !== -1 || degree[root] === 0) continue;
    colour[root] = 0;
    rootOf[root] = root;
    depth[root] = 0;
    let tail = 0;
    queue[tail++] = root;
    let conflict = -1;
    for (let head = 0; head < tail; head++) {
      const u = queue[head] as number;
      for (let j = start[u] as number; j < (start[u + 1] as number); j++) {
        const e = adjacent[j] as number;
        const v = other(e, u);
        const want = (colour[u] as number) ^ (opposite[e] as number);
        if (colour[v] === -1) {
          colour[v] = want;
          rootOf[v] = root;
          parentEdge[v] = e;
          depth[v] = (depth[u] as number) + 1;
          queue[tail++] = v;
        } else if (colour[v] !== want && conflict < 0) conflict = e;
      }
    }
    if (conflict < 0) continue;
    const involved = [relationOf[conflict] as number];
    let a = ea[conflict] as number;
    let b = eb[conflict] as number;
    while (a !== b) {
      const x = (depth[a] as number) >= (depth[b] as number) ? a : b;
      const e = parentEdge[x] as number;
      involved.push(relationOf[e] as number);
      if (x === a) a = other(e, a);
      else b = other(e, b);
    }
    pinned.set(root, involved);
  }
  // Relations with three or more unknowns: substitute each unknown by ± its root; if only one root is
  // left with a non-zero coefficient, that root (and its whole group) is pinned.
  const roots = new Int32Array(graph.maxRelationSize);
  const nets = new Int32Array(graph.maxRelationSize);
  for (let k = 0; k < wideCount; k++) {
    const r = wide[k] as number;
    const size = graph.relationCells(r, cells);
    let distinct = 0;
    for (let i = 0; i < size; i++) {
      const x = cells[i] as number;
      if (known[x]) continue;
      const root = rootOf[x] === -1 ? x : (rootOf[x] as number);
      const sign = (colour[x] === 1 ? -1 : 1) * (i === 0 ? -1 : 1);
      let j = 0;
      while (j < distinct && roots[j] !== root) j++;
      if (j === distinct) {
        roots[distinct] = root;
        nets[distinct] = 0;
        distinct++;
      }
      nets[j] = (nets[j] as number) + sign;
    }
    let live = -1;
    let liveCount = 0;
    for (let j = 0; j < distinct; j++) {
      if (nets[j] === 0) continue;
      liveCount++;
      live = roots[j] as number;
    }
    if (liveCount !== 1 || pinned.has(live)) continue;
    const involved = [r];
    for (let i = 0; i < size; i++) {
      let x = cells[i] as number;
      if (known[x]) continue;
      while (parentEdge[x] !== -1 && x !== live) {
        const e = parentEdge[x] as number;
        involved.push(relationOf[e] as number);
        x = other(e, x);
      }
    }
    pinned.set(live, involved);
  }
  const picks: number[] = [];
  for (const involved of pinned.values()) {
    let best = -1;
    let bestKey: number[] = [];
    for (const r of new Set(involved)) {
      const size = graph.relationCells(r, cells);
      const pick = candidate(cells, size, known, values, hidden, priority);
      if (pick < 0) continue;
      const key = [priority ? (priority[pick] as number) : 0, pick === cells[0] ? 1 : 0, values[pick] as number, pick];
      if (best < 0 || lexicallyBefore(key, bestKey)) {
        best = pick;
        bestKey = key;
      }
    }
    if (best >= 0) picks.push(best);
  }
  return picks;
}

function lexicallyBefore(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number);
  return false;
}

/**
 * What a reader knows: published cells that are not suppressed, hidden cells with value 0, and hidden
 * cells that are the only unknown of a relation (unless they are a small group: those stay unknown so
 * that the relation counts as violated). Only hidden cells in two or more relations can carry a
 * derivation on, so only they are propagated.
 */
function knownCells(input: SuppressionInput, suppressed: Uint8Array, cells: Int32Array, rels: Int32Array): Uint8Array {
  const { graph, values, hidden, minimum } = input;
  const n = graph.cellCount;
  const known = new Uint8Array(n);
  const queue: number[] = [];
  for (let c = 0; c < n; c++) {
    if (hidden[c]) {
      if (values[c] === 0) known[c] = 1;
      else if (!isSensitive(values[c] as number, minimum) && graph.cellRelations(c, rels) > 1) queue.push(c);
    } else if (!suppressed[c] || values[c] === 0) known[c] = 1;
  }
  const derivable = (cell: number, relation: number) => {
    const size = graph.relationCells(relation, cells);
    for (let i = 0; i < size; i++) {
      const c = cells[i] as number;
      if (c !== cell && !known[c]) return false;
    }
    return true;
  };
  while (queue.length > 0) {
    const cell = queue.pop() as number;
    if (known[cell]) continue;
    const relations = Array.from(rels.subarray(0, graph.cellRelations(cell, rels)));
    if (!relations.some((r) => derivable(cell, r))) continue;
    known[cell] = 1;
    // Its other relations may now have a single unknown hidden cell.
    for (const r of relations) {
      const size = graph.relationCells(r, cells);
      for (let i = 0; i < size; i++) {
        const c = cells[i] as number;
        if (!known[c] && hidden[c] && !isSensitive(values[c] as number, minimum)) queue.push(c);
      }
    }
  }
  return known;
}

function violated(
  cells: Int32Array,
  size: number,
  known: Uint8Array,
  values: ArrayLike<number>,
  hidden: ArrayLike<number>,
  minimum: number,
): boolean {
  let unknown = 0;
  let last = -1;
  let partMass = 0;
  for (let i = 0; i < size; i++) {
    const c = cells[i] as number;
    if (known[c]) continue;
    unknown++;
    last = c;
    if (i > 0) partMass += values[c] as number;
  }
  if (unknown === 0) return false;
  if (unknown === 1) return !hidden[last] || isSensitive(values[last] as number, minimum);
  if (!known[cells[0] as number]) return false;
  return isSensitive(partMass, minimum);
}

/**
 * The next cell to suppress in a violated relation: lowest priority class, then parts before the
 * total, then the smallest value, then the lowest index; −1 if every non-zero cell is already unknown.
 */
function candidate(
  cells: Int32Array,
  size: number,
  known: Uint8Array,
  values: ArrayLike<number>,
  hidden: ArrayLike<number>,
  priority: ArrayLike<number> | undefined,
): number {
  let best = -1;
  let bestPriority = 0;
  let bestTotal = 0;
  let bestValue = 0;
  for (let i = 0; i < size; i++) {
    const c = cells[i] as number;
    const v = values[c] as number;
    if (!known[c] || hidden[c] || v === 0) continue;
    const p = priority ? (priority[c] as number) : 0;
    const total = i === 0 ? 1 : 0;
    const better =
      best < 0 ||
      p < bestPriority ||
      (p === bestPriority && (total < bestTotal || (total === bestTotal && (v < bestValue || (v === bestValue && c < best)))));
    if (better) {
      best = c;
      bestPriority = p;
      bestTotal = total;
      bestValue = v;
    }
  }
  return best;
}

// ——— graphs ———

/** A graph from explicit relations, each given as [total, ...parts]. */
export class ExplicitGraph implements SuppressionGraph {
  readonly cellCount: number;
  readonly relationCount: number;
  readonly maxRelationSize: number;
  readonly maxCellRelations: number;
  private readonly relStart: Int32Array;
  private readonly relCells: Int32Array;
  private readonly cellStart: Int32Array;
  private readonly cellRels: Int32Array;

  constructor(cellCount: number, relations: ReadonlyArray<readonly number[]>) {
    this.cellCount = cellCount;
    this.relationCount = relations.length;
    this.relStart = new Int32Array(relations.length + 1);
    let entries = 0;
    let maxSize = 0;
    relations.forEach((r, i) => {
      if (r.length < 2) throw new Error(`relation ${i} needs a total and at least one part`);
      entries += r.length;
      maxSize = Math.max(maxSize, r.length);
      this.relStart[i + 1] = entries;
    });
    this.maxRelationSize = maxSize;
    this.relCells = new Int32Array(entries);
    const degree = new Int32Array(cellCount);
    relations.forEach((r, i) => {
      r.forEach((c, j) => {
        if (!(c >= 0 && c < cellCount)) throw new Error(`relation ${i} refers to cell ${c} outside 0…${cellCount - 1}`);
        this.relCells[(this.relStart[i] as number) + j] = c;
        degree[c] = (degree[c] as number) + 1;
      });
    });
    this.cellStart = new Int32Array(cellCount + 1);
    let maxDegree = 0;
    for (let c = 0; c < cellCount; c++) {
      this.cellStart[c + 1] = (this.cellStart[c] as number) + (degree[c] as number);
      maxDegree = Math.max(maxDegree, degree[c] as number);
    }
    this.maxCellRelations = maxDegree;
    this.cellRels = new Int32Array(entries);
    const fill = this.cellStart.slice(0, cellCount);
    relations.forEach((r, i) => {
      for (const c of r) {
        this.cellRels[fill[c] as number] = i;
        fill[c] = (fill[c] as number) + 1;
      }
    });
  }

  relationTotal(relation: number): number {
    return this.relCells[this.relStart[relation] as number] as number;
  }

  relationCells(relation: number, out: Int32Array): number {
    const from = this.relStart[relation] as number;
    const to = this.relStart[relation + 1] as number;
    out.set(this.relCells.subarray(from, to));
    return to - from;
  }

  cellRelations(cell: number, out: Int32Array): number {
    const from = this.cellStart[cell] as number;
    const to = this.cellStart[cell + 1] as number;
    out.set(this.cellRels.subarray(from, to));
    return to - from;
  }
}

/**
 * Several graphs side by side (cells and relations numbered one after the other), plus extra
 * relations that connect cells of different parts (given in the combined cell numbering).
 */
export class CombinedGraph implements SuppressionGraph {
  readonly cellCount: number;
  readonly relationCount: number;
  readonly maxRelationSize: number;
  readonly maxCellRelations: number;
  private readonly cellOffsets: number[];
  private readonly relationOffsets: number[];
  private readonly extra: Int32Array[];
  private readonly extraOffset: number;
  private readonly extraOfCell = new Map<number, number[]>();
  private readonly hasExtra: Uint8Array;

  constructor(
    private readonly parts: readonly SuppressionGraph[],
    extraRelations: ReadonlyArray<readonly number[]> = [],
  ) {
    this.cellOffsets = [];
    this.relationOffsets = [];
    let cells = 0;
    let relations = 0;
    for (const g of parts) {
      this.cellOffsets.push(cells);
      this.relationOffsets.push(relations);
      cells += g.cellCount;
      relations += g.relationCount;
    }
    this.cellCount = cells;
    this.extraOffset = relations;
    this.relationCount = relations + extraRelations.length;
    extraRelations.forEach((r, i) => {
      for (const c of r) {
        const list = this.extraOfCell.get(c) ?? [];
        list.push(relations + i);
        this.extraOfCell.set(c, list);
      }
    });
    this.extra = extraRelations.map((r) => Int32Array.from(r));
    this.hasExtra = new Uint8Array(cells);
    for (const c of this.extraOfCell.keys()) this.hasExtra[c] = 1;
    let maxExtraPerCell = 0;
    for (const list of this.extraOfCell.values()) maxExtraPerCell = Math.max(maxExtraPerCell, list.length);
    this.maxRelationSize = Math.max(0, ...extraRelations.map((r) => r.length), ...parts.map((g) => g.maxRelationSize));
    this.maxCellRelations = Math.max(0, ...parts.map((g) => g.maxCellRelations)) + maxExtraPerCell;
  }

  /** The first cell index of part `i` in the combined numbering. */
  cellOffset(part: number): number {
    return this.cellOffsets[part] as number;
  }

  private partOfCell(cell: number): number {
    let lo = 0;
    let hi = this.parts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.cellOffsets[mid] as number) <= cell) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private partOfRelation(relation: number): number {
    let lo = 0;
    let hi = this.parts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.relationOffsets[mid] as number) <= relation) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  relationTotal(relation: number): number {
    if (relation >= this.extraOffset) return (this.extra[relation - this.extraOffset] as Int32Array)[0] as number;
    const p = this.partOfRelation(relation);
    return (
      (this.parts[p] as SuppressionGraph).relationTotal(relation - (this.relationOffsets[p] as number)) + (this.cellOffsets[p] as number)
    );
  }

  relationCells(relation: number, out: Int32Array): number {
    if (relation >= this.extraOffset) {
      const cells = this.extra[relation - this.extraOffset] as Int32Array;
      out.set(cells);
      return cells.length;
    }
    const p = this.partOfRelation(relation);
    const k = (this.parts[p] as SuppressionGraph).relationCells(relation - (this.relationOffsets[p] as number), out);
    const offset = this.cellOffsets[p] as number;
    if (offset !== 0) for (let i = 0; i < k; i++) out[i] = (out[i] as number) + offset;
    return k;
  }

  cellRelations(cell: number, out: Int32Array): number {
    const p = this.partOfCell(cell);
    const k = (this.parts[p] as SuppressionGraph).cellRelations(cell - (this.cellOffsets[p] as number), out);
    const offset = this.relationOffsets[p] as number;
    if (offset !== 0) for (let i = 0; i < k; i++) out[i] = (out[i] as number) + offset;
    if (!this.hasExtra[cell]) return k;
    const extra = this.extraOfCell.get(cell) as number[];
    for (let i = 0; i < extra.length; i++) out[k + i] = extra[i] as number;
    return k + extra.length;
  }
}
