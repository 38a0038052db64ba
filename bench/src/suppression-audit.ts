import {
  type CostCaseRow,
  FLOW_MEASURES,
  type FlowRow,
  groupCountsOfMask,
  type IntervalRow,
  PlanningCube,
  type PlanningCubeShape,
  quarterTime,
  suppressCells,
  YEAR_TIME,
} from '@lotse/domain';
import { loadLinearSolver } from '@lotse/domain/linear-solver';
import { type AuditReport, auditSuppression } from '@lotse/domain/suppression-audit';

/**
 * `npm run bench:suppression`: the exact audit (linear programming over the cells) of the suppression
 * pattern of one large tenant's year, on synthetic counts of the size of the 200,000-person tenant
 * (checking all small groups takes hours, so every `--sample`-th small group of each component is
 * checked one by one). Reports the suppression's time, the components the audit solves, the sampled
 * small groups and how many of them a reader could narrow down to 1 … minimum − 1.
 *
 * Options: --no-audit (only the suppression), --sample N (default 200; 1 checks every small group), --seed N (default 1), --scale X (volumes × X,
 * default 1), --service-types N, --regions N, --teams N (default 12, 10 and 7, each with its "none" row).
 */

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`--${name} braucht eine positive Zahl (ist: ${process.argv[i + 1] ?? 'nichts'}).`);
    process.exit(2);
  }
  return value;
};
const sample = arg('sample', 200);
const scale = arg('scale', 1);
let seed = arg('seed', 1);
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
/** Skewed choice of 0 … n − 1 (the first values most often, as with service types and regions). */
const pick = (n: number, skew: number) => Math.min(n - 1, Math.floor(n * random() ** skew));

// Default: 12 service types, 9 regions + "ohne Zuordnung", 6 teams + "ohne Team", 4 financing models.
const serviceTypes = Math.round(arg('service-types', 12));
const shape: PlanningCubeShape = {
  serviceTypes,
  regions: Math.round(arg('regions', 10)),
  teams: Math.round(arg('teams', 7)),
  financingModels: 4,
  stockMonths: 12,
  utilisation: Array.from({ length: serviceTypes }, (_, s) => s % 2 === 0),
};
/** Target-group masks by frequency: none, one group, two groups. */
const MASKS = [0, 1, 2, 4, 8, 16, 5, 9, 17, 6, 10, 18, 12, 20, 24, 13];
const place = () => ({
  serviceType: pick(shape.serviceTypes, 2),
  region: pick(shape.regions, 1.3),
  team: pick(shape.teams, 1.2),
  mask: MASKS[pick(MASKS.length, 2.5)] as number,
});
const VOLUMES = { needs: 20_000, unmetNeeds: 2_000, referrals: 15_000, starts: 10_000 } as const;

const input = { flows: [] as FlowRow[], waiting: [] as IntervalRow[], running: [] as IntervalRow[], costCases: [] as CostCaseRow[] };
for (const [measure, volume] of Object.entries(VOLUMES) as Array<[keyof typeof VOLUMES, number]>) {
  const counts = new Map<string, number>();
  for (let i = 0; i < volume * scale; i++) {
    const p = place();
    const key = [pick(12, 1), p.serviceType, p.region, p.team, p.mask, pick(shape.financingModels, 1.5)].join(',');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const [key, count] of counts) {
    const [month, serviceType, region, team, mask, financingModel] = key.split(',').map(Number) as number[];
    input.flows.push({
      measure,
      month: month as number,
      serviceType: serviceType as number,
      region: region as number,
      team: team as number,
      groups: groupCountsOfMask(mask as number, count),
    });
    if (measure === 'starts')
      input.costCases.push({ serviceType: serviceType as number, financingModel: financingModel as number, started: count, carried: 0 });
  }
}
for (const [rows, block, months] of [
  [3_000, input.waiting, 4],
  [8_000, input.running, 8],
] as const) {
  for (let i = 0; i < rows * scale; i++) {
    const { mask, ...p } = place();
    const from = pick(12, 1);
    block.push({ ...p, from, to: Math.min(11, from + pick(months, 1)), groups: groupCountsOfMask(mask, 1) });
  }
}
for (let s = 0; s < shape.serviceTypes; s++)
  for (let f = 0; f < shape.financingModels; f++)
    input.costCases.push({ serviceType: s, financingModel: f, started: 0, carried: pick(40, 1) });

let at = performance.now();
const cube = new PlanningCube(shape, input);
let unwitnessed = 0;
const pattern = process.argv.includes('--heuristic')
  ? suppressCells({ graph: cube.graph, values: cube.values, hidden: cube.hidden, minimum: 5 })
  : cube.suppress(5, undefined, () => unwitnessed++);
const suppressionMs = performance.now() - at;
let suppressed = 0;
for (const flag of pattern) suppressed += flag;
console.log(`Zellen ${cube.values.length}, gesperrt ${suppressed}, Sperrung ${suppressionMs.toFixed(0)} ms, ohne Zeugen ${unwitnessed}`);
// What the planner still sees of the main lines: the whole Jobcenter per month, quarter and year, and the
// year per service type, region and team (shown of all, per flow).
for (const measure of FLOW_MEASURES) {
  const b = FLOW_MEASURES.indexOf(measure);
  const shown = (cells: number[]) => `${cells.filter((c) => !pattern[c]).length}/${cells.length}`;
  const line = (t: number) => cube.cellOf(b, t, null, null, null, 0);
  const years = (n: number, at: (i: number) => number) => Array.from({ length: n }, (_, i) => at(i));
  console.log(
    `  ${measure}: Jobcenter Monate ${shown(years(12, line))}, Quartale ${shown(years(4, (q) => line(quarterTime(q))))}, ` +
      `Jahr ${shown([line(YEAR_TIME)])}; Jahr je Leistungsart ${shown(years(shape.serviceTypes, (x) => cube.cellOf(b, YEAR_TIME, x, null, null, 0)))}, ` +
      `je Sozialraum ${shown(years(shape.regions, (x) => cube.cellOf(b, YEAR_TIME, null, x, null, 0)))}, ` +
      `je Team ${shown(years(shape.teams, (x) => cube.cellOf(b, YEAR_TIME, null, null, x, 0)))}`,
  );
}
if (process.argv.includes('--no-audit')) process.exit(0);
const solver = await loadLinearSolver();
at = performance.now();
const report: AuditReport = { components: 0, largestComponent: 0, checked: 0 };
const leaks = auditSuppression({
  graph: cube.graph,
  values: cube.values,
  hidden: cube.hidden,
  minimum: 5,
  suppressed: pattern,
  solver,
  sample,
  report,
});
const auditMs = performance.now() - at;
console.log(
  `Audit: ${report.components} Komponenten (größte ${report.largestComponent} Beziehungen), ${report.checked} kleine Gruppen geprüft ` +
    `(jede ${sample}.) in ${(auditMs / 1000).toFixed(1)} s, auf 1 … 4 eingegrenzt: ${leaks.length}`,
);
for (const leak of leaks.slice(0, 20)) console.log(`  ${cube.describeCell(leak.cell)} = ${cube.values[leak.cell]}`);
