/**
 * Costs of the social services (SPEC C13; seed 000 §9, §10): what one case costs under a per-case
 * financing model, the average cost per case of a flat-funded offer from the prior year's budget, and
 * the share counted for SGB II. Money is integer euro cents throughout; every division rounds half up
 * to the cent (amounts are never negative here), so a sum of rounded parts may differ from the
 * rounded whole by a cent per part.
 */

import type { FinancingModel } from './offers';

/** Financing models that pay per case (unit × price): only their offers take charges. */
export const PER_CASE_FINANCING_MODELS = ['specialist_hours', 'tiered_case_flat_rate', 'modular'] as const;
export type PerCaseFinancingModel = (typeof PER_CASE_FINANCING_MODELS)[number];

export function isPerCaseFinancing(model: FinancingModel): model is PerCaseFinancingModel {
  return (PER_CASE_FINANCING_MODELS as readonly string[]).includes(model);
}

/** What one unit of a charge is, per financing model (shown next to the units field). */
export const CHARGE_UNIT_LABELS_DE: Record<PerCaseFinancingModel, string> = {
  specialist_hours: 'Fachleistungsstunden',
  tiered_case_flat_rate: 'Fallpauschalen (Fälle bzw. Stufen)',
  modular: 'Module',
};

/** The largest number of units one charge may have (a sanity bound, far above a month's work). */
export const MAX_CHARGE_UNITS = 10_000;

/**
 * Whether `units` is a valid quantity for the model: positive, at most {@link MAX_CHARGE_UNITS},
 * hours to the hundredth (a quarter hour is 0.25), flat rates in halves (a month served only partly is
 * billed as half a participant month), modules whole.
 */
export function chargeUnitsValid(model: PerCaseFinancingModel, units: number): boolean {
  if (!Number.isFinite(units) || units <= 0 || units > MAX_CHARGE_UNITS) return false;
  const hundredths = Math.round(units * 100);
  if (Math.abs(hundredths - units * 100) > 1e-6) return false;
  if (model === 'specialist_hours') return true;
  return hundredths % (model === 'tiered_case_flat_rate' ? 50 : 100) === 0;
}

/** a × b ÷ divisor for non-negative integers, rounded half up, exact as long as a × b stays a safe integer. */
function mulDivRounded(a: number, b: number, divisor: number): number {
  return Math.floor((a * b + divisor / 2) / divisor);
}

/**
 * The amount of a charge: units × the offer's price per unit, in cents. For every per-case model the
 * price is per unit (an hour, a case or tier of the flat rate, a module); units are taken to the
 * hundredth, the result rounded half up to the cent. 1.5 hours at 62.50 € = 93.75 €.
 */
export function chargeAmountCents(model: PerCaseFinancingModel, priceCents: number, units: number): number {
  if (!chargeUnitsValid(model, units)) throw new RangeError(`invalid units ${units} for ${model}`);
  if (!Number.isInteger(priceCents) || priceCents < 0) throw new RangeError(`invalid price ${priceCents}`);
  return mulDivRounded(Math.round(units * 100), priceCents, 100);
}

/** The actual cost of a case: the sum of its charges. */
export function caseCostCents(charges: ReadonlyArray<{ amountCents: number }>): number {
  return charges.reduce((sum, c) => sum + c.amountCents, 0);
}

/**
 * Average cost per case of a flat-funded offer "auf der Basis der Haushaltsvorjahresergebnisse"
 * (000 §9): the prior year's spent budget ÷ the prior year's cases, rounded half up to the cent.
 * Null when either is unknown or there were no cases (no basis to average over).
 */
export function averageCostPerCase(priorYearBudgetCents: number | null, priorYearCases: number | null): number | null {
  if (priorYearBudgetCents === null || priorYearCases === null || priorYearCases <= 0) return null;
  return mulDivRounded(priorYearBudgetCents, 1, priorYearCases);
}

/**
 * The part of a cost counted for SGB II (000 §10): cost × percent ÷ 100. The percent has at most two
 * decimals (as stored); the result is rounded half up to the cent. 1,000.01 € at 33.33 % = 333.30 €.
 */
export function sgb2Share(costCents: number, percent: number): number {
  if (!(percent >= 0 && percent <= 100)) throw new RangeError(`invalid percent ${percent}`);
  return mulDivRounded(costCents, Math.round(percent * 100), 10_000);
}

/** "2026-03" → "2026-03-01": the first day of a service month, as the charges store it. */
export function serviceMonthStart(month: string): string {
  return `${month}-01`;
}

/**
 * Why a charge for `serviceMonth` (YYYY-MM) cannot be recorded for a referral, or null if it can: the
 * referral must have started, and the month must lie between its start month and its end month (if
 * ended) and not after the current month.
 */
export function chargeMonthProblem(
  serviceMonth: string,
  referral: { startedOn: string | null; endedOn: string | null },
  today: string,
): 'not_started' | 'before_start' | 'after_end' | 'in_future' | null {
  if (referral.startedOn === null) return 'not_started';
  if (serviceMonth < referral.startedOn.slice(0, 7)) return 'before_start';
  if (referral.endedOn !== null && serviceMonth > referral.endedOn.slice(0, 7)) return 'after_end';
  if (serviceMonth > today.slice(0, 7)) return 'in_future';
  return null;
}
