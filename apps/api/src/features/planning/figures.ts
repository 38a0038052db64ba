import type { Costs, Plan, PlanningCell, PlanningOverview, PlanningTable } from '@lotse/contracts';
import {
  type CubeFigure,
  type CubePeriod,
  type CubeSelection,
  divideRounded,
  FINANCING_MODEL_LABELS_DE,
  FINANCING_MODELS,
  type FinancingModel,
  type HistogramBin,
  histogramCount,
  histogramPercentile,
  isPerCaseFinancing,
  PLANNING_MEASURE_DEFINITIONS_DE,
  PLANNING_MEASURE_LABELS_DE,
  PLANNING_MEASURES,
  PLANNING_TARGET_GROUPS,
  type PlanningBreakdown,
  type PlanningCube,
  type PlanningGranularity,
  type PlanningMeasure,
  percentOf,
  periodsOfYear,
  SERVICE_TYPE_LABELS_DE,
  SERVICE_TYPES,
  type ServiceType,
  sgb2Share,
  TARGET_GROUP_LABELS_DE,
  type TargetGroup,
} from '@lotse/domain';

/**
 * Builds the published figures (table, overview, plan, costs) from the year's cube and its
 * suppression pattern. Pure: every count comes from a cube cell, so every view shows the same
 * pattern; derived statistics (percentiles, utilisation, cost per case) of a suppressed cell are
 * suppressed with it.
 */

export const NO_REGION_KEY = 'none';
export const NO_TEAM_KEY = 'none';
export const TOTAL_KEY = 'total';
export const NO_REGION_LABEL = 'ohne Zuordnung';
export const NO_TEAM_LABEL = 'ohne Team';
export const TOTAL_LABEL = 'Insgesamt';

export interface RegionRow {
  id: string;
  name: string;
  postalCodes: string[];
  /** A deactivated region stays a dimension (figures of past years refer to it), marked in its label. */
  active: boolean;
  version: number;
}
export interface TeamRow {
  id: string;
  name: string;
  memberCount: number;
  active: boolean;
  version: number;
}

/** A region's or team's row label: its name, marked when it is deactivated. */
const dimensionLabel = (d: { name: string; active: boolean }) => (d.active ? d.name : `${d.name} (deaktiviert)`);

export interface Dimensions {
  regions: RegionRow[];
  teams: TeamRow[];
}

export interface OfferOfYear {
  id: string;
  serviceType: string;
  financingModel: string;
  active: boolean;
  capacity: number | null;
  capacityUnit: string;
  plannedCostCents: number | null;
  actualCostCents: number | null;
  sgb2SharePercent: number | null;
  chargedCents: number;
}

/** One year as loaded: the cube with its pattern (null: exact figures) and what the views add to it. */
export interface YearFigures {
  year: number;
  cube: PlanningCube;
  pattern: Uint8Array | null;
  /** Month ends with a stock value (see PlanningCubeShape.stockMonths). */
  stockMonths: number;
  offers: OfferOfYear[];
  monthlyCharges: Array<{ serviceType: string; month: number; cents: number }>;
}

export interface SuppressionInfo {
  applied: boolean;
  minimum: number;
}

/** The table's filters as cube indices (null: all). */
export interface ResolvedFilters {
  serviceType: ServiceType | null;
  regionId: string | null;
  teamId: string | null;
  targetGroup: TargetGroup | null;
}

const cellOf = (f: CubeFigure): PlanningCell => ({ value: f.value, suppressed: f.suppressed });
const SUPPRESSED: PlanningCell = { value: null, suppressed: true };
const EMPTY: PlanningCell = { value: null, suppressed: false };

export function selectionOf(filters: ResolvedFilters, dims: Dimensions): CubeSelection {
  const region = filters.regionId === null ? null : dims.regions.findIndex((r) => r.id === filters.regionId);
  const team = filters.teamId === null ? null : dims.teams.findIndex((t) => t.id === filters.teamId);
  return {
    serviceType: filters.serviceType === null ? null : SERVICE_TYPES.indexOf(filters.serviceType),
    region,
    team,
    group: filters.targetGroup,
  };
}

/** The rows of a breakdown: each value of its dimension (only the filtered one, if filtered). */
export function breakdownRows(
  breakdown: PlanningBreakdown,
  dims: Dimensions,
  selection: CubeSelection,
): Array<{ key: string; label: string; selection: CubeSelection }> {
  const rows: Array<{ key: string; label: string; selection: CubeSelection }> = [];
  if (breakdown === 'service_type') {
    SERVICE_TYPES.forEach((st, s) => {
      if (selection.serviceType === null || selection.serviceType === s)
        rows.push({ key: st, label: SERVICE_TYPE_LABELS_DE[st], selection: { ...selection, serviceType: s } });
    });
  } else if (breakdown === 'region') {
    const all = [...dims.regions.map((r) => ({ key: r.id, label: dimensionLabel(r) })), { key: NO_REGION_KEY, label: NO_REGION_LABEL }];
    all.forEach((row, r) => {
      if (selection.region === null || selection.region === r) rows.push({ ...row, selection: { ...selection, region: r } });
    });
  } else if (breakdown === 'team') {
    const all = [...dims.teams.map((t) => ({ key: t.id, label: dimensionLabel(t) })), { key: NO_TEAM_KEY, label: NO_TEAM_LABEL }];
    all.forEach((row, m) => {
      if (selection.team === null || selection.team === m) rows.push({ ...row, selection: { ...selection, team: m } });
    });
  } else {
    for (const group of PLANNING_TARGET_GROUPS) {
      if (selection.group === null || selection.group === group)
        rows.push({ key: group, label: TARGET_GROUP_LABELS_DE[group], selection: { ...selection, group } });
    }
  }
  return rows;
}

/**
 * The months of the prior year a year is compared with: for the running year the months begun so far
 * (a running December compares whole years); null: the whole year.
 */
export function priorYearMonths(current: YearFigures, today: string): number | null {
  const months = current.stockMonths;
  return current.year === Number(today.slice(0, 4)) && months < 12 ? months : null;
}

/**
 * A measure of a year (the prior year) over its first `months` months (null: the year): flows summed over the
 * months ({@link PlanningCube.firstMonths}: shown when the shown months, quarters and the year determine it),
 * the waiting list at the end of the last one.
 */
export function figureOverMonths(
  prior: YearFigures,
  measure: PlanningMeasure,
  selection: CubeSelection,
  months: number | null,
): PlanningCell {
  if (months === null) return cellOf(prior.cube.figure(measure, { granularity: 'year' }, selection, prior.pattern));
  if (measure === 'waitingList') {
    return cellOf(prior.cube.figure(measure, { granularity: 'month', index: months - 1 }, selection, prior.pattern));
  }
  return cellOf(prior.cube.firstMonths(measure, months, selection, prior.pattern));
}

function periodOf(granularity: PlanningGranularity, index: number): CubePeriod {
  return granularity === 'year' ? { granularity: 'year' } : { granularity, index };
}

export function planningTable(input: {
  current: YearFigures;
  prior: YearFigures;
  dims: Dimensions;
  granularity: PlanningGranularity;
  breakdown: PlanningBreakdown;
  filters: ResolvedFilters;
  suppression: SuppressionInfo;
  priorYearMonths: number | null;
}): PlanningTable {
  const { current, prior, dims, granularity, breakdown, filters, priorYearMonths: months } = input;
  const selection = selectionOf(filters, dims);
  const periods = periodsOfYear(current.year, granularity);
  const row = (key: string, label: string, sel: CubeSelection) => ({
    key,
    label,
    measures: Object.fromEntries(
      PLANNING_MEASURES.map((measure) => [
        measure,
        {
          periods: periods.map((_, i) => cellOf(current.cube.figure(measure, periodOf(granularity, i), sel, current.pattern))),
          year: cellOf(current.cube.figure(measure, { granularity: 'year' }, sel, current.pattern)),
        },
      ]),
    ) as PlanningTable['total']['measures'],
  });
  const priorRow = (key: string, sel: CubeSelection) => ({
    key,
    measures: Object.fromEntries(
      PLANNING_MEASURES.map((measure) => [measure, figureOverMonths(prior, measure, sel, months)]),
    ) as PlanningTable['priorYear'][number]['measures'],
  });
  const rows = breakdownRows(breakdown, dims, selection);
  return {
    year: current.year,
    granularity,
    breakdown,
    filters: {
      serviceType: filters.serviceType,
      regionId: filters.regionId,
      teamId: filters.teamId,
      targetGroup: filters.targetGroup,
    },
    suppression: input.suppression,
    periods,
    measures: PLANNING_MEASURES.map((key) => ({
      key,
      label: PLANNING_MEASURE_LABELS_DE[key],
      definition: PLANNING_MEASURE_DEFINITIONS_DE[key],
    })),
    rows: rows.map((r) => row(r.key, r.label, r.selection)),
    total: row(TOTAL_KEY, TOTAL_LABEL, selection),
    priorYear: [...rows.map((r) => priorRow(r.key, r.selection)), priorRow(TOTAL_KEY, selection)],
    priorYearMonths: months,
  };
}

// ——— overview ———

/** Places of the active offers of a service type whose capacity is stated in places (concurrent). */
export function placesOf(offers: readonly OfferOfYear[], serviceType: ServiceType): number | null {
  const withPlaces = offers.filter((o) => o.serviceType === serviceType && o.active && o.capacityUnit === 'places' && o.capacity !== null);
  if (withPlaces.length === 0) return null;
  return withPlaces.reduce((sum, o) => sum + (o.capacity as number), 0);
}

/** Median or 90th percentile of waiting days; suppressed with the starts cell or below the minimum. */
function waitingPercentile(bins: readonly HistogramBin[], p: number, starts: PlanningCell, suppression: SuppressionInfo): PlanningCell {
  const n = histogramCount(bins);
  if (n === 0) return EMPTY;
  if (suppression.applied && (starts.suppressed || n < suppression.minimum)) return SUPPRESSED;
  return { value: histogramPercentile(bins, p), suppressed: false };
}

/** A year's figures of the overview; `months`: only its first months (the prior year of a running year). */
function overviewFigures(
  year: YearFigures,
  selection: CubeSelection,
  waiting: readonly HistogramBin[],
  suppression: SuppressionInfo,
  months: number | null = null,
) {
  const f = (measure: PlanningMeasure) => figureOverMonths(year, measure, selection, months);
  const starts = f('starts');
  return {
    needs: f('needs'),
    unmetNeeds: f('unmetNeeds'),
    referrals: f('referrals'),
    starts,
    waitingListAtEnd: f('waitingList'),
    waitingMedianDays: waitingPercentile(waiting, 50, starts, suppression),
    waitingP90Days: waitingPercentile(waiting, 90, starts, suppression),
  };
}

export function planningOverview(input: {
  current: YearFigures;
  prior: YearFigures;
  dims: Dimensions;
  filters: ResolvedFilters;
  suppression: SuppressionInfo;
  waitingTargetDays: number;
  /** The prior year's histograms cover the same months as its figures (`priorYearMonths`). */
  waiting: { current: Map<string, HistogramBin[]>; prior: Map<string, HistogramBin[]> };
  targets: Map<string, number>;
  priorYearMonths: number | null;
}): PlanningOverview {
  const { current, prior, dims, filters, suppression } = input;
  const selection = selectionOf(filters, dims);
  // Budget, targets and costs exist for the whole Jobcenter only, not per region, team or target group.
  const wholeTenant = filters.regionId === null && filters.teamId === null && filters.targetGroup === null;
  const currentCosts = costsByServiceType(current);
  const priorCosts = costsByServiceType(prior);
  const rows = SERVICE_TYPES.flatMap((serviceType, s) => {
    if (selection.serviceType !== null && selection.serviceType !== s) return [];
    const sel = { ...selection, serviceType: s };
    const places = placesOf(current.offers, serviceType);
    let utilisation: PlanningCell = EMPTY;
    if (places !== null && places > 0 && current.stockMonths > 0) {
      const running = current.cube.runningMonths(sel, current.pattern);
      utilisation = running.suppressed
        ? SUPPRESSED
        : { value: percentOf(running.value as number, current.stockMonths * places), suppressed: false };
    }
    const costs = currentCosts.get(serviceType);
    return [
      {
        serviceType,
        label: SERVICE_TYPE_LABELS_DE[serviceType],
        current: overviewFigures(current, sel, input.waiting.current.get(serviceType) ?? [], suppression),
        priorYear: overviewFigures(prior, sel, input.waiting.prior.get(serviceType) ?? [], suppression, input.priorYearMonths),
        capacityPlaces: places,
        utilisationPercent: utilisation,
        targetStarts: wholeTenant ? (input.targets.get(serviceType) ?? null) : null,
        plannedCostCents: wholeTenant && costs?.hasPlan ? costs.planned : null,
        actualCostCents: wholeTenant && costs?.hasOffers ? costs.actual : null,
        priorYearActualCostCents:
          wholeTenant && priorCosts.get(serviceType)?.hasOffers ? (priorCosts.get(serviceType)?.actual ?? null) : null,
      },
    ];
  });
  return {
    year: current.year,
    filters: {
      serviceType: filters.serviceType,
      regionId: filters.regionId,
      teamId: filters.teamId,
      targetGroup: filters.targetGroup,
    },
    suppression,
    waitingTargetDays: input.waitingTargetDays,
    rows,
    priorYearMonths: input.priorYearMonths,
    definitions: OVERVIEW_DEFINITIONS_DE,
  };
}

export const OVERVIEW_DEFINITIONS_DE: Record<string, string> = {
  ...PLANNING_MEASURE_DEFINITIONS_DE,
  waitingListAtEnd: PLANNING_MEASURE_DEFINITIONS_DE.waitingList,
  waitingMedianDays:
    'Median der Tage vom Versand der Zuweisung bis zum Beginn, über die Eintritte des Jahres (Rangwert: bei gerader Anzahl der untere der beiden mittleren Werte); Selbstmeldungen haben keinen Versand und zählen nicht.',
  waitingP90Days: '90. Perzentil derselben Wartezeiten (Rangwert ⌈0,9 · n⌉): 9 von 10 Personen warteten höchstens so lange.',
  capacityPlaces:
    'Summe der Plätze der aktiven Angebote dieser Leistungsart, deren Kapazität in Plätzen angegeben ist (gleichzeitig belegbar). Angebote mit Stunden-Kapazität zählen hier nicht.',
  utilisationPercent:
    'Mittel über die Monate des Jahres (im laufenden Jahr bis heute) von: laufende Zuweisungen (angenommen oder begonnen, noch nicht beendet) am Monatsende ÷ Plätze. Nur Zuweisungen zu Angeboten mit Plätzen; mit Filter der Anteil der Plätze, den diese Gruppe belegt.',
  targetStarts: 'Summe der geplanten Eintritte des Jahres (Soll, Jahresplanung); nur ohne Filter nach Sozialraum, Team oder Zielgruppe.',
  plannedCostCents: 'Geplantes Budget der Angebote dieser Leistungsart laut Jahresplanung der Angebote.',
  actualCostCents:
    'Ist-Kosten: bei Einzelfallfinanzierung die abgerechneten Beträge der Leistungsmonate des Jahres, bei institutioneller Förderung das verausgabte Budget der Jahresplanung (solange es fehlt: das geplante).',
  priorYearActualCostCents: 'Ist-Kosten des Vorjahres, gleich berechnet.',
};

// ——— costs ———

interface CostTotals {
  planned: number;
  actual: number;
  sgb2: number;
  hasPlan: boolean;
  hasOffers: boolean;
}

/**
 * The cost of one offer in the year: charges for per-case financing; for institutional funding the
 * spent budget of its year plan, or the planned one while the spent budget is not yet entered.
 */
export function offerCost(offer: OfferOfYear): { planned: number; actual: number; sgb2: number } {
  const actual = isPerCaseFinancing(offer.financingModel as FinancingModel)
    ? offer.chargedCents
    : (offer.actualCostCents ?? offer.plannedCostCents ?? 0);
  // Per-case financed cases count fully for SGB II unless the offer's year plan states a share.
  return { planned: offer.plannedCostCents ?? 0, actual, sgb2: sgb2Share(actual, offer.sgb2SharePercent ?? 100) };
}

function addCost(map: Map<string, CostTotals>, key: string, offer: OfferOfYear) {
  const cost = offerCost(offer);
  const entry = map.get(key) ?? { planned: 0, actual: 0, sgb2: 0, hasPlan: false, hasOffers: false };
  entry.planned += cost.planned;
  entry.actual += cost.actual;
  entry.sgb2 += cost.sgb2;
  entry.hasPlan ||= offer.plannedCostCents !== null;
  entry.hasOffers = true;
  map.set(key, entry);
}

function costsByServiceType(year: YearFigures): Map<string, CostTotals> {
  const map = new Map<string, CostTotals>();
  for (const offer of year.offers) addCost(map, offer.serviceType, offer);
  return map;
}

function costPerCase(actual: number, cases: PlanningCell): PlanningCell {
  if (cases.suppressed) return SUPPRESSED;
  const value = divideRounded(actual, cases.value ?? 0);
  return value === null ? EMPTY : { value, suppressed: false };
}

export const COST_DEFINITIONS_DE: Record<string, string> = {
  cases:
    'Fälle: Zuweisungen, die im Jahr begonnen haben oder aus dem Vorjahr in das Jahr hineinlaufen (begonnen und zu Jahresbeginn noch nicht beendet).',
  plannedCostCents: 'Geplante Kosten: Summe des geplanten Budgets der Angebote laut ihrer Jahresplanung.',
  actualCostCents:
    'Ist-Kosten: bei Fachleistungsstunden, gestaffelter Fallpauschale und Modulen die abgerechneten Beträge mit Leistungsmonat im Jahr; bei institutioneller Förderung das verausgabte Budget der Jahresplanung, solange es fehlt das geplante Budget.',
  costPerCaseCents: 'Kosten je Fall: Ist-Kosten ÷ Fälle, auf den Cent gerundet; gesperrt, wenn die Fallzahl gesperrt ist.',
  sgb2ShareCents:
    'SGB-II-Anteil (000 §10): Ist-Kosten × Anteil laut Jahresplanung des Angebots; ohne Jahresplanung zählen die Kosten voll (100 %).',
};

export function costsView(year: YearFigures, suppression: SuppressionInfo): Costs {
  const byRow = new Map<string, CostTotals>();
  for (const offer of year.offers) addCost(byRow, `${offer.serviceType}|${offer.financingModel}`, offer);
  const rows: Costs['rows'] = [];
  SERVICE_TYPES.forEach((serviceType, s) => {
    FINANCING_MODELS.forEach((financingModel, f) => {
      const totals = byRow.get(`${serviceType}|${financingModel}`);
      if (!totals) return;
      const cases = cellOf(year.cube.costCases(s, f, year.pattern));
      rows.push({
        serviceType,
        serviceTypeLabel: SERVICE_TYPE_LABELS_DE[serviceType],
        financingModel,
        financingModelLabel: FINANCING_MODEL_LABELS_DE[financingModel],
        cases,
        plannedCostCents: totals.planned,
        actualCostCents: totals.actual,
        costPerCaseCents: costPerCase(totals.actual, cases),
        sgb2ShareCents: totals.sgb2,
      });
    });
  });
  const cases = cellOf(year.cube.costCases(null, null, year.pattern));
  const sum = (key: 'plannedCostCents' | 'actualCostCents' | 'sgb2ShareCents') => rows.reduce((total, r) => total + r[key], 0);
  return {
    year: year.year,
    suppression,
    rows,
    totals: {
      cases,
      plannedCostCents: sum('plannedCostCents'),
      actualCostCents: sum('actualCostCents'),
      costPerCaseCents: costPerCase(sum('actualCostCents'), cases),
      sgb2ShareCents: sum('sgb2ShareCents'),
    },
    definitions: COST_DEFINITIONS_DE,
  };
}

// ——— plan (Soll-Ist) ———

export interface TargetRow {
  serviceType: string;
  month: number;
  targetStarts: number;
  targetCostCents: number;
  updatedAt: Date;
}

/**
 * The version of a service type's plan, for If-Match: 0 without targets, otherwise a number derived
 * from every month's values and time of change (any save changes it; equal content saved twice within
 * the same millisecond keeps it, which is harmless).
 */
export function planVersion(rows: readonly TargetRow[]): number {
  if (rows.length === 0) return 0;
  let hash = 2166136261;
  const text = [...rows]
    .sort((a, b) => a.month - b.month)
    .map((r) => `${r.month}:${r.targetStarts}:${r.targetCostCents}:${new Date(r.updatedAt).getTime()}`)
    .join('|');
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  return (hash % 999_999_999) + 1;
}

export function planView(year: YearFigures, targets: readonly TargetRow[], suppression: SuppressionInfo): Plan {
  const serviceTypes = SERVICE_TYPES.map((serviceType, s) => {
    const own = targets.filter((t) => t.serviceType === serviceType);
    const months = Array.from({ length: 12 }, (_, i) => {
      const month = i + 1;
      const target = own.find((t) => t.month === month);
      // Actual cost only for months that have begun; later months have none yet.
      const begun = month <= year.stockMonths;
      const cents = year.monthlyCharges
        .filter((c) => c.serviceType === serviceType && c.month === month)
        .reduce((sum, c) => sum + c.cents, 0);
      return {
        month,
        targetStarts: target?.targetStarts ?? null,
        targetCostCents: target?.targetCostCents ?? null,
        actualStarts: cellOf(
          year.cube.figure(
            'starts',
            { granularity: 'month', index: i },
            { serviceType: s, region: null, team: null, group: null },
            year.pattern,
          ),
        ),
        actualCostCents: begun ? cents : null,
      };
    });
    return { serviceType, label: SERVICE_TYPE_LABELS_DE[serviceType], months, version: String(planVersion(own)) };
  });
  return { year: year.year, suppression, serviceTypes };
}
