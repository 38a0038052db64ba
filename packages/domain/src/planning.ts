import type { TargetGroup } from './person';

/**
 * Needs planning and steering (SPEC C12): the vocabulary of the planning figures. The aggregation
 * itself runs in SQL; suppression ({@link ./suppression}) and the statistics (percentiles, cost
 * averages) are pure functions here.
 */

export const PLANNING_GRANULARITIES = ['month', 'quarter', 'year'] as const;
export type PlanningGranularity = (typeof PLANNING_GRANULARITIES)[number];

export const PLANNING_BREAKDOWNS = ['service_type', 'region', 'team', 'target_group'] as const;
export type PlanningBreakdown = (typeof PLANNING_BREAKDOWNS)[number];
export const PLANNING_BREAKDOWN_LABELS_DE: Record<PlanningBreakdown, string> = {
  service_type: 'Leistungsart',
  region: 'Sozialraum',
  team: 'Team',
  target_group: 'Zielgruppe',
};

/**
 * The breakdowns a filter allows. Figures exist per region or per team, never for a team within a region
 * (SPEC C12 "per region or team"; the suppression protects only what is published): with a region no
 * breakdown by teams, with a team none by regions. The API refuses the others, the dashboard never offers them.
 */
export function planningBreakdownsFor(filter: { regionId?: string | null; teamId?: string | null }): PlanningBreakdown[] {
  return PLANNING_BREAKDOWNS.filter((b) => !(filter.regionId && b === 'team') && !(filter.teamId && b === 'region'));
}

/**
 * The counted figures of needs planning. Flows count events in the period (a barrier mapped to a
 * service type is one need; a sent referral one referral); the waiting list is a stock at the period's end.
 */
export const PLANNING_MEASURES = ['needs', 'unmetNeeds', 'referrals', 'starts', 'waitingList'] as const;
export type PlanningMeasure = (typeof PLANNING_MEASURES)[number];
export const PLANNING_MEASURE_LABELS_DE: Record<PlanningMeasure, string> = {
  needs: 'Festgestellte Bedarfe',
  unmetNeeds: 'Ungedeckte Bedarfe',
  referrals: 'Zuweisungen',
  starts: 'Eintritte',
  waitingList: 'Warteliste (Periodenende)',
};
export const PLANNING_MEASURE_DEFINITIONS_DE: Record<PlanningMeasure, string> = {
  needs:
    'Im Profiling erfasste Vermittlungshemmnisse, deren Hemmnisart der Leistungsart zugeordnet ist; gezählt im Monat der Erfassung, je Hemmnis und zugeordneter Leistungsart einmal.',
  unmetNeeds:
    'Bedarfe, für die die Fallmanagerin kein passendes Angebot fand (kein Angebot, keine Kapazität, zu weit, Zielgruppe, Wartezeit zu lang, Sonstiges); gezählt im Monat der Erfassung.',
  referrals: 'An einen Träger versandte Zuweisungen und bestätigte Selbstmeldungen; gezählt im Monat des Versands.',
  starts: 'Zuweisungen, bei denen die Leistung begonnen hat; gezählt im Monat des Beginns.',
  waitingList:
    'Zuweisungen, die am letzten Tag der Periode versandt oder angenommen, aber noch nicht begonnen waren (Bestand, nicht summierbar über Monate).',
};

/** The measure counted as a stock (its period value is the value at the period's last day). */
export const STOCK_MEASURES: readonly PlanningMeasure[] = ['waitingList'];

export const UNMET_NEED_REASONS = ['no_offer', 'no_capacity', 'too_far', 'target_group', 'waiting_too_long', 'other'] as const;
export type UnmetNeedReason = (typeof UNMET_NEED_REASONS)[number];
export const UNMET_NEED_REASON_LABELS_DE: Record<UnmetNeedReason, string> = {
  no_offer: 'Kein Angebot dieser Leistungsart',
  no_capacity: 'Keine freie Kapazität',
  too_far: 'Angebot zu weit entfernt',
  target_group: 'Kein Angebot für die Zielgruppe',
  waiting_too_long: 'Wartezeit unzumutbar',
  other: 'Sonstiger Grund',
};

export const PLANNING_TARGET_GROUPS: readonly TargetGroup[] = ['u25', 'ue50', 'single_parent', 'refugee', 'severe_disability'];

/** A period key: '2026-03' (month), '2026-Q1' (quarter) or '2026' (year). */
export function periodKeyOf(isoDate: string, granularity: PlanningGranularity): string {
  const year = isoDate.slice(0, 4);
  const month = Number(isoDate.slice(5, 7));
  if (granularity === 'year') return year;
  if (granularity === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`;
  return `${year}-${String(month).padStart(2, '0')}`;
}

const MONTH_NAMES_DE = [
  'Januar',
  'Februar',
  'März',
  'April',
  'Mai',
  'Juni',
  'Juli',
  'August',
  'September',
  'Oktober',
  'November',
  'Dezember',
];

/** The periods of one calendar year at the given granularity, in order, with German labels. */
export function periodsOfYear(year: number, granularity: PlanningGranularity): { key: string; label: string; from: string; to: string }[] {
  const pad = (n: number) => String(n).padStart(2, '0');
  const lastDay = (month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (granularity === 'year') return [{ key: String(year), label: String(year), from: `${year}-01-01`, to: `${year}-12-31` }];
  if (granularity === 'quarter') {
    return [1, 2, 3, 4].map((q) => ({
      key: `${year}-Q${q}`,
      label: `${q}. Quartal ${year}`,
      from: `${year}-${pad(q * 3 - 2)}-01`,
      to: `${year}-${pad(q * 3)}-${pad(lastDay(q * 3))}`,
    }));
  }
  return MONTH_NAMES_DE.map((name, i) => ({
    key: `${year}-${pad(i + 1)}`,
    label: `${name} ${year}`,
    from: `${year}-${pad(i + 1)}-01`,
    to: `${year}-${pad(i + 1)}-${pad(lastDay(i + 1))}`,
  }));
}

/**
 * The prior year as a year is compared with it: "2025", or for a running year the months so far,
 * "Januar–November 2025" ("Januar 2025" for one month).
 */
export function priorYearLabelDe(year: number, months: number | null): string {
  const prior = year - 1;
  if (months === null) return String(prior);
  if (months === 1) return `Januar ${prior}`;
  return `Januar–${MONTH_NAMES_DE[months - 1]} ${prior}`;
}
