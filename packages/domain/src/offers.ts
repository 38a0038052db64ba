/**
 * Providers, offers and cooperation agreements (SPEC C6): the vocabulary and the pure rules the
 * offer search and the overdue lists use.
 */

/** How an offer is paid for (seed 000 §10, §4): drives cost figures and the § 51b cost field. */
export const FINANCING_MODELS = ['specialist_hours', 'tiered_case_flat_rate', 'modular', 'institutional'] as const;
export type FinancingModel = (typeof FINANCING_MODELS)[number];

export const FINANCING_MODEL_LABELS_DE: Record<FinancingModel, string> = {
  specialist_hours: 'Fachleistungsstunden',
  tiered_case_flat_rate: 'gestaffelte Fallpauschale',
  modular: 'Module',
  institutional: 'institutionelle Förderung / Pauschale',
};

/**
 * When a referral to the offer counts as the begin of a measure for the § 51b statistics (Kennziffer
 * 13.5; 000 §9): the start the provider reports, or the first kept appointment from its feedback
 * ("in der Suchtberatung kann bereits das erste Beratungsgespräch als ein Maßnahmebeginn erfasst werden").
 */
export const MEASURE_BEGIN_RULES = ['start', 'first_appointment'] as const;
export type MeasureBeginRule = (typeof MEASURE_BEGIN_RULES)[number];
export const MEASURE_BEGIN_RULE_LABELS_DE: Record<MeasureBeginRule, string> = {
  start: 'Beginn der Maßnahme (vom Träger gemeldet)',
  first_appointment: 'erster wahrgenommener Termin (z. B. Suchtberatung)',
};
/** Longest planned duration of a measure in days (three years), for the planned end date (Kennziffer 13.6). */
export const MAX_PLANNED_DURATION_DAYS = 1095;

/** Capacity is counted in places or hours per period. */
export const CAPACITY_UNITS = ['places', 'hours'] as const;
export type CapacityUnit = (typeof CAPACITY_UNITS)[number];
export const CAPACITY_UNIT_LABELS_DE: Record<CapacityUnit, string> = { places: 'Plätze', hours: 'Stunden' };

export const CAPACITY_PERIODS = ['week', 'month', 'quarter', 'year'] as const;
export type CapacityPeriod = (typeof CAPACITY_PERIODS)[number];
export const CAPACITY_PERIOD_LABELS_DE: Record<CapacityPeriod, string> = {
  week: 'pro Woche',
  month: 'pro Monat',
  quarter: 'pro Quartal',
  year: 'pro Jahr',
};

/** Target groups an offer may address; `all` means open to everyone. Person target groups are in person.ts. */
export const OFFER_TARGET_GROUPS = ['all', 'u25', 'ue50', 'single_parent', 'refugee', 'severe_disability'] as const;
export type OfferTargetGroup = (typeof OFFER_TARGET_GROUPS)[number];
export const OFFER_TARGET_GROUP_LABELS_DE: Record<OfferTargetGroup, string> = {
  all: 'alle Leistungsberechtigten',
  u25: 'unter 25 (U25)',
  ue50: 'über 50 (Ü50)',
  single_parent: 'Alleinerziehende',
  refugee: 'Geflüchtete',
  severe_disability: 'Schwerbehinderte Menschen',
};

/** Deadlines of a cooperation agreement used when none is on record (seed 003 §3.4: "zeitnahe Rückmeldung"). */
export const DEFAULT_FEEDBACK_DEADLINES = { answerDays: 5, startDays: 21, interimReportDays: 90 } as const;
export type FeedbackDeadlines = { answerDays: number; startDays: number; interimReportDays: number };

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in kilometres (haversine); good to metres at district scale. */
export function distanceKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Does an offer address a person of these target groups? An offer for `all` does; otherwise one group must match. */
export function offerFitsTargetGroups(offerGroups: readonly OfferTargetGroup[], personGroups: readonly string[]): boolean {
  if (offerGroups.length === 0 || offerGroups.includes('all')) return true;
  return offerGroups.some((g) => personGroups.includes(g));
}

/** Free capacity: places of the period minus the referrals that currently hold one (accepted or started). */
export function freeCapacity(capacity: number | null, occupied: number): number | null {
  if (capacity === null) return null;
  return Math.max(0, capacity - occupied);
}
