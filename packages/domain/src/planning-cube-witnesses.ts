import {
  COST_KINDS,
  type CostCellKind,
  type CubeBlockGraph,
  FLOW_MEASURES,
  G,
  GROUP_RELATION_OF,
  GROUP_RELATIONS,
  MONTHS,
  type PlanningCube,
  quarterTime,
  YEAR_TIME,
} from './planning-cube';
import type { Witness, WitnessSource } from './suppression';

/**
 * Witnesses of the planning cube's small groups (step 4 of {@link suppressCells}): products of one move
 * per dimension. A move is a change along one dimension that keeps that dimension's sums, e.g.
 * "+1 in January, −1 in February" (the quarter and the year stay), "+1 in region A, −1 in region B", or
 * "+1 in U25, −1 in 25–49". Because every relation of the cube sums along one dimension with the others
 * fixed, the product of one such move per dimension keeps every relation: it is a witness, 2 × 2 × 2 × 2
 * × 2 cells for a finest count. A move that only adds ("+1 in January, +1 in Q1, +1 in the year") is a
 * phantom person; a product of those only adds, so it can always reach the minimum — at worst by
 * suppressing everything that would count one more person like it, unless that includes a main line
 * (priced infinitely, see {@link CubeWitnesses.weight}), which is never suppressed for a witness.
 *
 * Where both fail without a main line — a small count of one service type in one region or team, whose
 * persons spread over several teams or regions — a swap over service type × region (or team) with persons
 * of the same kind can ({@link CubeWitnesses.swaps}).
 *
 * The starts of a year per service type are also cells of the cost view (cases = started + carried
 * over). A witness touching them continues into the cost view: the moved starts are either new cases of
 * one financing model, or cases that were carried over instead.
 */

interface Move {
  positions: number[];
  signs: number[];
  /** Only additions: a product of such moves can grow without limit. */
  onlyAdds: boolean;
}

/** Moves kept per dimension, besides the best move that only adds. */
const MOVES_PER_DIMENSION = 2;
/** Corners tried per dimension of a swap: those with the most persons (see CubeWitnesses.swaps). */
const SWAP_CORNERS = 5;

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const months = (quarter: number) => [quarter * 3, quarter * 3 + 1, quarter * 3 + 2];

/** Moves of a dimension with a total at position `n1 − 1` (or without any relation: the cell alone). */
function totalMoves(n1: number, x: number, related: boolean): Move[] {
  const total = n1 - 1;
  if (!related) return [{ positions: [x], signs: [1], onlyAdds: true }];
  if (x === total) return range(total).map((y) => ({ positions: [total, y], signs: [1, 1], onlyAdds: true }));
  return [
    ...range(total)
      .filter((y) => y !== x)
      .map((y) => ({ positions: [x, y], signs: [1, -1], onlyAdds: false })),
    { positions: [x, total], signs: [1, 1], onlyAdds: true },
  ];
}

/** Moves in time: months 0–11, quarters 12–15, the year 16 (flows); a stock's month ends have no sums. */
function timeMoves(related: boolean, t: number): Move[] {
  if (!related) return [{ positions: [t], signs: [1], onlyAdds: true }];
  const out: Move[] = [];
  if (t < MONTHS) {
    const q = Math.floor(t / 3);
    for (const other of months(q)) if (other !== t) out.push({ positions: [t, other], signs: [1, -1], onlyAdds: false });
    for (let p = 0; p < 4; p++) {
      if (p === q) continue;
      for (const other of months(p))
        out.push({ positions: [t, quarterTime(q), other, quarterTime(p)], signs: [1, 1, -1, -1], onlyAdds: false });
    }
    out.push({ positions: [t, quarterTime(q), YEAR_TIME], signs: [1, 1, 1], onlyAdds: true });
  } else if (t < YEAR_TIME) {
    const q = t - MONTHS;
    for (const a of months(q)) {
      for (let p = 0; p < 4; p++) {
        if (p === q) continue;
        for (const b of months(p)) out.push({ positions: [t, a, quarterTime(p), b], signs: [1, 1, -1, -1], onlyAdds: false });
      }
      out.push({ positions: [t, a, YEAR_TIME], signs: [1, 1, 1], onlyAdds: true });
    }
  } else {
    for (let q = 0; q < 4; q++)
      for (const a of months(q)) out.push({ positions: [t, quarterTime(q), a], signs: [1, 1, 1], onlyAdds: true });
  }
  return out;
}

/**
 * Moves among the target-group columns: between two parts of one split (U25 ↔ 25–49), or a phantom
 * person (all + one part of every split).
 */
function groupMoves(g: number): Move[] {
  const out: Move[] = [];
  const own = GROUP_RELATION_OF[g] as number;
  if (own >= 0) {
    for (const other of (GROUP_RELATIONS[own] as readonly number[]).slice(1))
      if (other !== g) out.push({ positions: [g, other], signs: [1, -1], onlyAdds: false });
  }
  const choose = (k: number, chosen: number[]) => {
    if (k === GROUP_RELATIONS.length) {
      out.push({ positions: [0, ...chosen], signs: [1, ...chosen.map(() => 1)], onlyAdds: true });
      return;
    }
    const parts = k === own ? [g] : (GROUP_RELATIONS[k] as readonly number[]).slice(1);
    for (const p of parts) choose(k + 1, [...chosen, p]);
  };
  choose(0, []);
  // A phantom person of a column that is itself a part lists the column first.
  if (own >= 0) for (const m of out) if (m.onlyAdds) moveFirst(m, g);
  return out;
}

function moveFirst(move: Move, position: number) {
  const i = move.positions.indexOf(position);
  if (i <= 0) return;
  move.positions.splice(i, 1);
  move.positions.unshift(position);
}

/** [from, to, meet]: a relocation moves what the cell's persons add to `from` to `to` (−1: removes it). */
type Relocation = Array<[number, number, number]>;

/** Positions (with the total) of dimension 1 (service type), 2 (region) or 3 (team). */
function positionsOf(block: CubeBlockGraph, d: number): number {
  return d === 1 ? block.S1 : d === 2 ? block.R1 : block.M1;
}

/** The relocations of dimension `d` from position `x`, as lists of [from, to, meet] per moved position. */
function relocationMoves(block: CubeBlockGraph, d: number, x: number): Relocation[] {
  if (d === 0) {
    if (!block.shape.timeRelations) return [[[x, -1, x]]];
    if (x < MONTHS) {
      const q = Math.floor(x / 3);
      return range(MONTHS)
        .filter((t) => t !== x)
        .map((t): Relocation => {
          const p = Math.floor(t / 3);
          return p === q
            ? [[x, t, x]]
            : [
                [x, t, x],
                [quarterTime(q), quarterTime(p), x],
              ];
        });
    }
    if (x < YEAR_TIME) {
      const q = x - MONTHS;
      return range(4)
        .filter((p) => p !== q)
        .map(
          (p): Relocation => [[x, quarterTime(p), x], ...months(q).map((a, i): [number, number, number] => [a, months(p)[i] as number, a])],
        );
    }
    return [];
  }
  if (d === 4) {
    const own = GROUP_RELATION_OF[x] as number;
    if (own < 0) return [];
    return (GROUP_RELATIONS[own] as readonly number[])
      .slice(1)
      .filter((p) => p !== x)
      .map((p): Relocation => [[x, p, x]]);
  }
  const n1 = positionsOf(block, d);
  if (d === 1 && !block.shape.serviceTypeTotal) return [[[x, -1, x]]];
  if (x === n1 - 1) return [];
  return range(n1 - 1)
    .filter((y) => y !== x)
    .map((y): Relocation => [[x, y, x]]);
}

/** Positions of dimension `d` that hold some of the persons of position `x`, each with their overlap (the finer one). */
function nestedPositions(block: CubeBlockGraph, d: number, x: number): Array<[number, number]> {
  if (d === 0) {
    if (!block.shape.timeRelations) return [[x, x]];
    if (x < MONTHS) {
      const q = quarterTime(Math.floor(x / 3));
      return [
        [x, x],
        [q, x],
        [YEAR_TIME, x],
      ];
    }
    if (x < YEAR_TIME) return [[x, x], [YEAR_TIME, x], ...months(x - MONTHS).map((a): [number, number] => [a, a])];
    return range(block.shape.times).map((t): [number, number] => [t, t]);
  }
  if (d === 4) {
    // Only for a count of all persons: every column's share of them is the column itself.
    return range(G).map((g): [number, number] => [g, g]);
  }
  if (d === 1 && !block.shape.serviceTypeTotal) return [[x, x]];
  const n1 = positionsOf(block, d);
  if (x === n1 - 1) return range(n1).map((y): [number, number] => [y, y]);
  return [
    [x, x],
    [n1 - 1, x],
  ];
}

export class CubeWitnesses implements WitnessSource {
  private readonly cells = new Int32Array(1 << 17);
  private readonly coefficients = new Int32Array(1 << 17);
  /** Service type and sign of each cell of the current product that is also a cell of the cost view. */
  private readonly linked = new Int32Array(64);
  private readonly startsBlock = FLOW_MEASURES.indexOf('starts');
  private readonly weights: Float64Array;
  private stopped = false;
  /** Value of the cell whose witnesses are being offered. */
  private targetValue = 0;

  /** `minimum`: the suppression's minimum, the count a filled-up swap must reach. */
  constructor(
    private readonly cube: PlanningCube,
    private readonly minimum = 5,
  ) {
    this.weights = new Float64Array(cube.values.length);
  }

  weight(cell: number): number {
    const known = this.weights[cell] as number;
    if (known > 0) return known;
    const weight = this.computeWeight(cell);
    this.weights[cell] = weight;
    return weight;
  }

  /**
   * A team within a region is never published (figures are per region or per team): its count is a
   * finest count like a person's, not a sum of published cells, so the relation-wise pass keeps it
   * undetermined and it needs no witness of its own.
   */
  needsWitness(cell: number): boolean {
    const { cube } = this;
    if (cell >= cube.costOffset) return true;
    const b = cube.blockOf(cell);
    const block = cube.blocks[b] as CubeBlockGraph;
    const [, , r, m] = block.coordinates(cell - cube.blockOffset(b));
    return r === block.R1 - 1 || m === block.M1 - 1;
  }

  /** 1 for the cells that must stay shown (the relation-wise pass then picks them last), else 0. */
  mainLines(): Uint8Array {
    const out = new Uint8Array(this.cube.values.length);
    for (let c = 0; c < out.length; c++) if (this.weight(c) === Number.POSITIVE_INFINITY) out[c] = 1;
    return out;
  }

  private computeWeight(cell: number): number {
    const { cube } = this;
    if (cell >= cube.costOffset) return 1;
    const b = cube.blockOf(cell);
    const block = cube.blocks[b] as CubeBlockGraph;
    const [t, s, r, m, g] = block.coordinates(cell - cube.blockOffset(b));
    // Service types are the planner's main rows: a service type's figure counts as much as the total.
    let level = 1;
    if (block.shape.timeRelations) level += t === YEAR_TIME ? 2 : t >= MONTHS ? 1 : 0;
    if (r === block.R1 - 1) level++;
    if (m === block.M1 - 1) level++;
    if (g === 0) level++;
    // The planner's main lines stay shown: every period of all persons of the Jobcenter, the quarters and
    // the year of each service type, region and team.
    const specific = (s === block.S1 - 1 ? 0 : 1) + (r === block.R1 - 1 ? 0 : 1) + (m === block.M1 - 1 ? 0 : 1);
    if (g === 0 && (specific === 0 || (specific === 1 && (!block.shape.timeRelations || t >= MONTHS)))) return Number.POSITIVE_INFINITY;
    return 10 ** level;
  }

  candidates(cell: number, unknown: (cell: number) => boolean, offer: (witness: Witness) => boolean): void {
    this.stopped = false;
    this.targetValue = this.cube.values[cell] as number;
    if (cell >= this.cube.costOffset) this.costCandidates(cell, unknown, offer);
    else {
      const b = this.cube.blockOf(cell);
      const block = this.cube.blocks[b] as CubeBlockGraph;
      const x = block.coordinates(cell - this.cube.blockOffset(b));
      this.relocations(b, x, unknown, offer);
      if (!this.stopped) this.blockCandidates(b, x, unknown, offer, null);
      if (!this.stopped) this.swaps(b, x, offer);
    }
  }

  /**
   * Swaps, for a count of all persons of one service type in one region (or one team): a rectangle over
   * service type × region (or team) whose corners hold persons of the same kind — the same months, teams
   * (or regions) and target groups. To empty the cell, its persons move to another
   * value of the first dimension while as many persons of their kind move back in another value of the
   * second; to fill it up to the minimum, persons of one kind found at both neighbouring corners do the
   * same the other way round. Every line with one of the two dimensions at its total keeps its sum, so no
   * main line is touched; the cells within the rectangle change by their persons.
   */
  private swaps(b: number, x: readonly number[], offer: (witness: Witness) => boolean): void {
    const { cube, cells, coefficients } = this;
    const block = cube.blocks[b] as CubeBlockGraph;
    if (!block.shape.serviceTypeTotal || (x[4] as number) !== 0) return;
    const offset = cube.blockOffset(b);
    const sizes = [0, block.S1, block.R1, block.M1];
    const specific = [1, 2, 3].filter((d) => (x[d] as number) !== (sizes[d] as number) - 1);
    if (specific.length !== 2) return;
    const [d1, d2] = specific as [number, number];
    const d3 = 6 - d1 - d2;
    const t = x[0] as number;
    // The finest months the cell sums (a stock's month end is its own finest time).
    const fineTimes = !block.shape.timeRelations || t < MONTHS ? [t] : t < YEAR_TIME ? months(t - MONTHS) : range(MONTHS);
    const timesOf = (a: number) => (block.shape.timeRelations ? [a, quarterTime(Math.floor(a / 3)), YEAR_TIME] : [a]);
    const thirdTotal = (sizes[d3] as number) - 1;
    const at = (a: number, p1: number, p2: number, third: number, g: number) => {
      const c = [a, 0, 0, 0, g];
      c[d1] = p1;
      c[d2] = p2;
      c[d3] = third;
      return offset + block.index(c[0] as number, c[1] as number, c[2] as number, c[3] as number, g);
    };
    const value = (a: number, p1: number, p2: number, third: number, g: number) => cube.values[at(a, p1, p2, third, g)] as number;
    const x1 = x[d1] as number;
    const x2 = x[d2] as number;
    const target = this.targetValue;
    const profile = new Int32Array(fineTimes.length * thirdTotal * G);
    // Builds the witness of a profile (persons per fine month × third value × column) over the four corners.
    const offerRectangle = (y1: number, y2: number, sign: number) => {
      const changes = new Map<number, number>();
      const add = (cell: number, amount: number) => changes.set(cell, (changes.get(cell) ?? 0) + amount);
      fineTimes.forEach((a, i) => {
        for (let third = 0; third < thirdTotal; third++)
          for (let g = 0; g < G; g++) {
            const amount = profile[(i * thirdTotal + third) * G + g] as number;
            if (amount === 0) continue;
            for (const tau of timesOf(a))
              for (const position of [third, thirdTotal]) {
                add(at(tau, x1, x2, position, g), sign * amount);
                add(at(tau, y1, x2, position, g), -sign * amount);
                add(at(tau, y1, y2, position, g), sign * amount);
                add(at(tau, x1, y2, position, g), -sign * amount);
              }
          }
      });
      if (changes.size > cells.length) return false;
      let n = 0;
      for (const [cell, amount] of changes) {
        if (amount === 0) continue;
        cells[n] = cell;
        coefficients[n++] = amount;
      }
      this.stopped = offer({ cells, coefficients, size: n });
      return this.stopped;
    };
    // Column indices of each target-group split: age (U25, 25–49, Ü50) and the yes/no flags.
    const splits = GROUP_RELATIONS.map((relation) => relation.slice(1));
    // The likeliest corners only: the largest counts at the cell's time (a swap needs persons there).
    const others = (n: number, own: number, count: (y: number) => number) =>
      range(n - 1)
        .filter((y) => y !== own && count(y) > 0)
        .sort((a, b) => count(b) - count(a) || a - b)
        .slice(0, SWAP_CORNERS);
    const total = (p1: number, p2: number) => value(t, p1, p2, thirdTotal, 0);
    const filling: Array<[number, number]> = [];
    for (const y1 of others(sizes[d1] as number, x1, (y) => total(y, x2)))
      for (const y2 of others(sizes[d2] as number, x2, (y) => total(x1, y))) filling.push([y1, y2]);
    const emptying = range((sizes[d1] as number) - 1).flatMap((y1) =>
      range((sizes[d2] as number) - 1)
        .filter((y2) => y1 !== x1 && y2 !== x2 && total(y1, y2) >= target)
        .map((y2): [number, number] => [y1, y2]),
    );
    emptying.sort((a, b) => total(b[0], b[1]) - total(a[0], a[1]) || a[0] - b[0] || a[1] - b[1]);
    for (const [y1, y2] of emptying.slice(0, SWAP_CORNERS)) {
      // Emptying: the cell's own persons, matched at the opposite corner.
      let fits = true;
      profile.fill(0);
      fineTimes.forEach((a, i) => {
        for (let third = 0; third < thirdTotal && fits; third++)
          for (let g = 0; g < G; g++) {
            const amount = value(a, x1, x2, third, g);
            if (amount > value(a, y1, y2, third, g)) {
              fits = false;
              break;
            }
            profile[(i * thirdTotal + third) * G + g] = amount;
          }
      });
      if (fits && offerRectangle(y1, y2, -1)) return;
    }
    for (const [y1, y2] of filling) {
      // Filling up: persons of one kind at both neighbouring corners, up to the minimum's distance.
      let needed = this.minimum - target;
      if (needed <= 0) return;
      profile.fill(0);
      fineTimes.forEach((a, i) => {
        for (let third = 0; third < thirdTotal && needed > 0; third++) {
          const cap = (g: number) => Math.min(value(a, y1, x2, third, g), value(a, x1, y2, third, g));
          let persons = Math.min(needed, cap(0));
          for (const parts of splits)
            persons = Math.min(
              persons,
              parts.reduce((sum, g) => sum + cap(g), 0),
            );
          if (persons <= 0) continue;
          const base = (i * thirdTotal + third) * G;
          profile[base] = persons;
          for (const parts of splits) {
            let left = persons;
            for (const g of parts) {
              const take = Math.min(left, cap(g));
              profile[base + g] = take;
              left -= take;
            }
          }
          needed -= persons;
        }
      });
      if (needed <= 0 && offerRectangle(y1, y2, 1)) return;
    }
  }

  /**
   * Relocations: the persons of the small cell move to a neighbour along one dimension (another month
   * of the quarter, another service type, region or team, U25 → 25–49), keeping everything else about
   * them; every cell holding some of them changes by how many of them it holds. Moving all of them
   * empties the small cell while every count stays non-negative, so a relocation always reaches 0. Along
   * a dimension without sums (a stock's month ends) they are simply removed. Target-group columns
   * overlap, so a count of one target group moves only along its own split.
   */
  private relocations(b: number, x: readonly number[], unknown: (cell: number) => boolean, offer: (witness: Witness) => boolean): void {
    const { cube, cells, coefficients } = this;
    const block = cube.blocks[b] as CubeBlockGraph;
    const offset = cube.blockOffset(b);
    const at = (c: readonly number[]) =>
      offset + block.index(c[0] as number, c[1] as number, c[2] as number, c[3] as number, c[4] as number);
    const dimensions = (x[4] as number) === 0 ? [0, 1, 2, 3] : [4];
    for (const d of dimensions) {
      const options = this.rankRelocations(relocationMoves(block, d, x[d] as number), d, x, at, unknown);
      const others = [0, 1, 2, 3, 4].filter((e) => e !== d);
      const lists = others.map((e) => nestedPositions(block, e, x[e] as number));
      let product = 1;
      for (const list of lists) product *= list.length;
      if (product * 2 > cells.length) continue;
      const coordinates = [0, 0, 0, 0, 0];
      const meet = [0, 0, 0, 0, 0];
      for (const option of options) {
        let n = 0;
        const visit = (k: number) => {
          if (k < others.length) {
            const e = others[k] as number;
            for (const [position, meetPosition] of lists[k] as Array<[number, number]>) {
              coordinates[e] = position;
              meet[e] = meetPosition;
              visit(k + 1);
            }
            return;
          }
          for (const [from, to, meetPosition] of option) {
            meet[d] = meetPosition;
            const value = cube.values[at(meet)] as number;
            if (value === 0) continue;
            coordinates[d] = from;
            cells[n] = at(coordinates);
            coefficients[n++] = -value;
            if (to >= 0) {
              coordinates[d] = to;
              cells[n] = at(coordinates);
              coefficients[n++] = value;
            }
          }
        };
        visit(0);
        let links = 0;
        if (b === this.startsBlock) {
          for (let i = 0; i < n; i++) {
            const [t, s0, r, m, g] = block.coordinates((cells[i] as number) - offset);
            if (t === YEAR_TIME && r === block.R1 - 1 && m === block.M1 - 1 && g === 0) {
              this.linked[links++] = s0;
              this.linked[links++] = coefficients[i] as number;
            }
          }
        }
        this.offerWithCosts(n, links, -this.targetValue, offer, null);
        if (this.stopped) return;
      }
    }
  }

  /** The cheapest relocations along one dimension, by what their target cells cost on the line through the cell. */
  private rankRelocations(
    options: Relocation[],
    d: number,
    x: readonly number[],
    at: (c: readonly number[]) => number,
    unknown: (cell: number) => boolean,
  ): Relocation[] {
    if (options.length <= MOVES_PER_DIMENSION) return options;
    const scored = options.map((option, order) => {
      let cost = 0;
      for (const [, to] of option) {
        if (to < 0) continue;
        const c = [...x];
        c[d] = to;
        const cell = at(c);
        if (!unknown(cell)) cost += this.weight(cell);
      }
      return { option, cost, order };
    });
    scored.sort((a, b) => a.cost - b.cost || a.order - b.order);
    return scored.slice(0, MOVES_PER_DIMENSION).map((s) => s.option);
  }

  /**
   * Products of moves through the cell at `x` of block `b`. With `phantomFor` only phantom persons, and
   * only their continuation into the cost view as new cases of that financing model.
   */
  private blockCandidates(
    b: number,
    x: readonly number[],
    unknown: (cell: number) => boolean,
    offer: (witness: Witness) => boolean,
    phantomFor: number | null,
  ): void {
    const { cube } = this;
    const block = cube.blocks[b] as CubeBlockGraph;
    const offset = cube.blockOffset(b);
    const [t, s, r, m, g] = x as [number, number, number, number, number];
    const all = [
      timeMoves(block.shape.timeRelations, t),
      totalMoves(block.S1, s, block.shape.serviceTypeTotal),
      totalMoves(block.R1, r, true),
      totalMoves(block.M1, m, true),
      groupMoves(g),
    ];
    const at = (c: readonly number[]) =>
      offset + block.index(c[0] as number, c[1] as number, c[2] as number, c[3] as number, c[4] as number);
    const chosen = all.map((moves, d) => {
      const candidates = phantomFor === null ? moves : moves.filter((move) => move.onlyAdds);
      return this.rank(
        candidates,
        (position) => {
          const c = [...x];
          c[d] = position;
          return at(c);
        },
        unknown,
      );
    });
    const [times, services, regions, teams, groups] = chosen as [Move[], Move[], Move[], Move[], Move[]];
    const { cells, coefficients: signs } = this;
    const linked = this.linked;
    const mayLink = b === this.startsBlock;
    const regionTotal = block.R1 - 1;
    const teamTotal = block.M1 - 1;
    for (const mt of times)
      for (const ms of services)
        for (const mr of regions)
          for (const mm of teams)
            for (const mg of groups) {
              let n = 0;
              let links = 0;
              for (let i = 0; i < mt.positions.length; i++) {
                const t = mt.positions[i] as number;
                const ti = offset + t * block.strideT;
                for (let j = 0; j < ms.positions.length; j++) {
                  const sj = ti + (ms.positions[j] as number) * block.strideS;
                  const signTS = (mt.signs[i] as number) * (ms.signs[j] as number);
                  for (let k = 0; k < mr.positions.length; k++) {
                    const r = mr.positions[k] as number;
                    const rk = sj + r * block.strideR;
                    const signTSR = signTS * (mr.signs[k] as number);
                    for (let l = 0; l < mm.positions.length; l++) {
                      const m = mm.positions[l] as number;
                      const ml = rk + m * block.strideM;
                      const signTSRM = signTSR * (mm.signs[l] as number);
                      for (let h = 0; h < mg.positions.length; h++) {
                        const g = mg.positions[h] as number;
                        const sign = signTSRM * (mg.signs[h] as number);
                        cells[n] = ml + g;
                        signs[n++] = sign;
                        if (mayLink && t === YEAR_TIME && r === regionTotal && m === teamTotal && g === 0) {
                          linked[links++] = ms.positions[j] as number;
                          linked[links++] = sign;
                        }
                      }
                    }
                  }
                }
              }
              this.offerWithCosts(n, links, 1, offer, phantomFor);
              if (this.stopped) return;
            }
  }

  /** The best moves of one dimension by what they cost on the line through the cell, plus the best phantom. */
  private rank(moves: Move[], cellAt: (position: number) => number, unknown: (cell: number) => boolean): Move[] {
    if (moves.length <= MOVES_PER_DIMENSION) return moves;
    const { values } = this.cube;
    const scored = moves.map((move, order) => {
      let cost = 0;
      let smallest = Number.POSITIVE_INFINITY;
      for (let i = 1; i < move.positions.length; i++) {
        const c = cellAt(move.positions[i] as number);
        if (!unknown(c)) cost += this.weight(c);
        smallest = Math.min(smallest, values[c] as number);
      }
      return { move, cost, smallest, order };
    });
    scored.sort((a, b) => a.cost - b.cost || b.smallest - a.smallest || a.order - b.order);
    const best = scored.slice(0, MOVES_PER_DIMENSION).map((x) => x.move);
    if (!best.some((move) => move.onlyAdds)) {
      const phantom = scored.find((x) => x.move.onlyAdds);
      if (phantom) best.push(phantom.move);
    }
    return best;
  }

  /**
   * Offers the witness of `n` cells (`unit`: the target's coefficient); if it moves a year's starts of
   * the whole Jobcenter area (every region, team and target group), it continues into the cost view, once
   * per way of doing so: the moved starts are new cases or carried-over cases instead, spread over the
   * financing models the persons can come from ({@link allocations}). A phantom continues as new cases of
   * its one financing model.
   */
  private offerWithCosts(n: number, links: number, unit: number, offer: (witness: Witness) => boolean, phantomFor: number | null) {
    const { cube, cells, coefficients, linked } = this;
    if (links === 0) {
      if (phantomFor === null) this.stopped = offer({ cells, coefficients, size: n });
      return;
    }
    const F = cube.shape.financingModels;
    // Scaled so that the target reaches 0 at amount ±1 and each link moves `v` persons: a split of them
    // over the financing models is then whole persons.
    const v = this.targetValue;
    const scale = phantomFor === null && v > 1 && Math.abs(unit) === 1 ? v : 1;
    const persons = Math.abs(unit) * scale;
    if (scale > 1) {
      for (let i = 0; i < n; i++) coefficients[i] = (coefficients[i] as number) * scale;
      for (let i = 1; i < links; i += 2) linked[i] = (linked[i] as number) * scale;
    }
    for (const asNewCases of phantomFor === null ? [true, false] : [true]) {
      const splits =
        phantomFor === null ? this.allocations(links, persons, Math.sign(unit), asNewCases) : [this.single(phantomFor, persons)];
      for (const split of splits) {
        let k = n;
        for (let i = 0; i < links; i += 2) {
          const s = linked[i] as number;
          const sign = Math.sign(linked[i + 1] as number);
          const other = asNewCases ? 'cases' : 'carried';
          const otherSign = asNewCases ? sign : -sign;
          for (let f = 0; f < F; f++) {
            const amount = split[f] as number;
            if (amount === 0) continue;
            cells[k] = cube.costCell('starts', s, f);
            coefficients[k++] = sign * amount;
            cells[k] = cube.costCell(other, s, f);
            coefficients[k++] = otherSign * amount;
          }
          cells[k] = cube.costCell(other, s, F);
          coefficients[k++] = otherSign * persons;
        }
        this.stopped = offer({ cells, coefficients, size: k });
        if (this.stopped) return;
      }
    }
  }

  private single(f: number, persons: number): Int32Array {
    const split = new Int32Array(this.cube.shape.financingModels);
    split[f] = persons;
    return split;
  }

  /**
   * Splits of `persons` over the financing models that every link can give: a link that loses starts
   * needs them in that model (and, moved as carried over, a link that gains starts needs carried-over
   * cases to turn). One split per model taken first, the rest from the largest; duplicates dropped.
   */
  private allocations(links: number, persons: number, targetSign: number, asNewCases: boolean): Int32Array[] {
    const { cube, linked } = this;
    const F = cube.shape.financingModels;
    // Emptying the target moves against its coefficient: links of the same sign lose persons.
    const capacity = new Float64Array(F).fill(Number.POSITIVE_INFINITY);
    for (let i = 0; i < links; i += 2) {
      const s = linked[i] as number;
      const loses = Math.sign(linked[i + 1] as number) === targetSign;
      for (let f = 0; f < F; f++) {
        const have = loses
          ? cube.values[cube.costCell('starts', s, f)]
          : asNewCases
            ? Number.POSITIVE_INFINITY
            : cube.values[cube.costCell('carried', s, f)];
        capacity[f] = Math.min(capacity[f] as number, have as number);
      }
    }
    const byCapacity = Array.from({ length: F }, (_, f) => f).sort((a, b) => (capacity[b] as number) - (capacity[a] as number) || a - b);
    const out: Int32Array[] = [];
    const seen = new Set<string>();
    for (let first = 0; first < F; first++) {
      const split = new Int32Array(F);
      let left = persons;
      for (const f of [first, ...byCapacity.filter((x) => x !== first)]) {
        const take = Math.min(left, capacity[f] as number);
        split[f] = take;
        left -= take;
        if (left === 0) break;
      }
      if (left > 0) continue;
      const key = split.join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(split);
    }
    // Without a split that fits, the single models are still offered (they may reach the minimum instead).
    if (out.length === 0) for (let f = 0; f < F; f++) out.push(this.single(f, persons));
    return out;
  }

  /**
   * Witnesses of a cell of the cost view: kind × service type × financing model. Kinds move as
   * cases with carried (cases carried over), cases with starts (new cases) or starts against carried.
   * Moves of the starts of all financing models would reach the planning table; those come only as
   * phantom persons (the last resort for a small number of starts of one financing model).
   */
  private costCandidates(cell: number, unknown: (cell: number) => boolean, offer: (witness: Witness) => boolean) {
    const { cube, cells, coefficients: signs } = this;
    const { serviceTypes: S, financingModels: F } = cube.shape;
    const [kind, s, f] = cube.costCoordinates(cell);
    const CASES = COST_KINDS.indexOf('cases');
    const STARTS = COST_KINDS.indexOf('starts');
    const CARRIED = COST_KINDS.indexOf('carried');
    const kindMoves: Move[] =
      kind === CASES
        ? [
            { positions: [CASES, CARRIED], signs: [1, 1], onlyAdds: true },
            { positions: [CASES, STARTS], signs: [1, 1], onlyAdds: true },
          ]
        : kind === STARTS
          ? [
              { positions: [STARTS, CASES], signs: [1, 1], onlyAdds: true },
              { positions: [STARTS, CARRIED], signs: [1, -1], onlyAdds: false },
            ]
          : [
              { positions: [CARRIED, CASES], signs: [1, 1], onlyAdds: true },
              { positions: [CARRIED, STARTS], signs: [1, -1], onlyAdds: false },
            ];
    for (const mk of kindMoves)
      for (const ms of totalMoves(S + 1, s, true))
        for (const mf of totalMoves(F + 1, f, true)) {
          if (mk.positions.includes(STARTS) && mf.positions.includes(F)) continue;
          let n = 0;
          for (let i = 0; i < mk.positions.length; i++)
            for (let j = 0; j < ms.positions.length; j++)
              for (let k = 0; k < mf.positions.length; k++) {
                cells[n] = cube.costCell(
                  COST_KINDS[mk.positions[i] as number] as CostCellKind,
                  ms.positions[j] as number,
                  mf.positions[k] as number,
                );
                signs[n++] = (mk.signs[i] as number) * (ms.signs[j] as number) * (mf.signs[k] as number);
              }
          if (offer({ cells, coefficients: signs, size: n })) return;
        }
    if (kind !== STARTS || f === F) return;
    // A phantom person started in the finest cell with the most starts of the service type.
    const block = cube.blocks[this.startsBlock] as CubeBlockGraph;
    const offset = cube.blockOffset(this.startsBlock);
    const value = (c: number[]) =>
      cube.values[offset + block.index(c[0] as number, c[1] as number, c[2] as number, c[3] as number, 0)] as number;
    const argmax = (n: number, at: (i: number) => number[]) => range(n).reduce((best, i) => (value(at(i)) > value(at(best)) ? i : best), 0);
    const s0 = s < S ? s : argmax(S, (i) => [YEAR_TIME, i, block.R1 - 1, block.M1 - 1]);
    const month = argmax(MONTHS, (i) => [i, s0, block.R1 - 1, block.M1 - 1]);
    const region = argmax(block.R1 - 1, (i) => [month, s0, i, block.M1 - 1]);
    const team = argmax(block.M1 - 1, (i) => [month, s0, region, i]);
    this.blockCandidates(this.startsBlock, [month, s0, region, team, 0], unknown, offer, f);
  }
}
