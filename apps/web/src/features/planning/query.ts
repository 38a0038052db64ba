/**
 * The planning screens keep their choices in the address, so a view can be bookmarked and sent on:
 * `?jahr=2026&leistungsart=debt_counselling&sozialraum=<id>&team=<id>&zielgruppe=u25&gliederung=team&raster=quartal&kennzahl=needs`.
 * Only codes and ids of regions and teams, never anything about a person.
 */
import {
  PLANNING_BREAKDOWNS,
  PLANNING_GRANULARITIES,
  PLANNING_MEASURES,
  PLANNING_TARGET_GROUPS,
  type PlanningBreakdown,
  type PlanningGranularity,
  type PlanningMeasure,
  planningBreakdownsFor,
  SERVICE_TYPES,
  type ServiceType,
  type TargetGroup,
} from '@lotse/domain';

export interface PlanningSelection {
  /** null: the default year (the current one if it has data, else the latest). */
  year: number | null;
  serviceType: ServiceType | null;
  regionId: string | null;
  teamId: string | null;
  targetGroup: TargetGroup | null;
  breakdown: PlanningBreakdown;
  granularity: PlanningGranularity;
  /** null: all measures. */
  measure: PlanningMeasure | null;
}

const BREAKDOWN_PARAM: Record<PlanningBreakdown, string> = {
  service_type: 'leistungsart',
  region: 'sozialraum',
  team: 'team',
  target_group: 'zielgruppe',
};
const GRANULARITY_PARAM: Record<PlanningGranularity, string> = { month: 'monat', quarter: 'quartal', year: 'jahr' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | null =>
  value !== null && (list as readonly string[]).includes(value) ? (value as T) : null;
const keyOf = <T extends string>(map: Record<T, string>, value: string | null): T | null =>
  (Object.keys(map) as T[]).find((k) => map[k] === value) ?? null;

/** Reads the selection from the address; anything unknown falls back to the default. */
export function readSelection(params: URLSearchParams): PlanningSelection {
  const yearText = params.get('jahr');
  const year = yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : null;
  const id = (name: string) => {
    const v = params.get(name);
    return v && UUID.test(v) ? v.toLowerCase() : null;
  };
  return withOneUnit({
    year,
    serviceType: oneOf(SERVICE_TYPES, params.get('leistungsart')),
    regionId: id('sozialraum'),
    teamId: id('team'),
    targetGroup: oneOf(PLANNING_TARGET_GROUPS, params.get('zielgruppe')),
    breakdown: keyOf(BREAKDOWN_PARAM, params.get('gliederung')) ?? PLANNING_BREAKDOWNS[0],
    granularity: keyOf(GRANULARITY_PARAM, params.get('raster')) ?? PLANNING_GRANULARITIES[0],
    measure: oneOf(PLANNING_MEASURES, params.get('kennzahl')),
  });
}

/**
 * Figures exist per region or per team, never for a team within a region (see the API): choosing a
 * region lifts the team and the reverse, and a breakdown along the other one falls back to service types.
 */
export function withOneUnit(s: PlanningSelection, changed: 'region' | 'team' = 'region'): PlanningSelection {
  const out = { ...s };
  if (out.regionId && out.teamId) {
    if (changed === 'region') out.teamId = null;
    else out.regionId = null;
  }
  if (!planningBreakdownsFor(out).includes(out.breakdown)) out.breakdown = PLANNING_BREAKDOWNS[0];
  return out;
}

/** Applies a change of the selection (a newly chosen team lifts the region, and the reverse). */
export function changeSelection(base: PlanningSelection, change: Partial<PlanningSelection>): PlanningSelection {
  return withOneUnit({ ...base, ...change }, change.teamId ? 'team' : 'region');
}

/** The address parameters of a selection; defaults are left out so the address stays short. */
export function writeSelection(s: PlanningSelection): URLSearchParams {
  const params = new URLSearchParams();
  if (s.year !== null) params.set('jahr', String(s.year));
  if (s.serviceType) params.set('leistungsart', s.serviceType);
  if (s.regionId) params.set('sozialraum', s.regionId);
  if (s.teamId) params.set('team', s.teamId);
  if (s.targetGroup) params.set('zielgruppe', s.targetGroup);
  if (s.breakdown !== PLANNING_BREAKDOWNS[0]) params.set('gliederung', BREAKDOWN_PARAM[s.breakdown]);
  if (s.granularity !== PLANNING_GRANULARITIES[0]) params.set('raster', GRANULARITY_PARAM[s.granularity]);
  if (s.measure) params.set('kennzahl', s.measure);
  return params;
}

/** The year to show: the chosen one if it is offered, else the current year if offered, else the latest. */
export function effectiveYear(chosen: number | null, years: readonly number[], currentYear: number): number {
  if (chosen !== null && years.includes(chosen)) return chosen;
  if (years.length === 0 || years.includes(currentYear)) return currentYear;
  return Math.max(...years);
}

/** The filters of a selection as API query fields (undefined for "all"). */
export function filtersOf(s: PlanningSelection) {
  return {
    serviceType: s.serviceType ?? undefined,
    regionId: s.regionId ?? undefined,
    teamId: s.teamId ?? undefined,
    targetGroup: s.targetGroup ?? undefined,
  };
}
