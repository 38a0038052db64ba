/**
 * The monthly targets of one service type as a form: 12 target starts and 12 target costs typed as
 * text (German decimals), checked and turned into the PUT body (cents), and the 412 helpers (which
 * months the other person changed, moving typed input onto the current version).
 */
import type { ApiError } from '../../api/client';
import { t } from '../../i18n';
import type { FieldProblem } from '../cases/caseFormKit';
import type { PlanServiceType, PutPlanRequest } from './api';
import { centsToInput, formatCount, parseEuroCents } from './format';

export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
export type Month = (typeof MONTHS)[number];
export type PlanField = `starts${Month}` | `cost${Month}`;
export type PlanValues = Record<PlanField, string>;

export const MAX_STARTS = 100_000;
export const MAX_COST_CENTS = 100_000_000_000;

export const startsField = (month: Month): PlanField => `starts${month}`;
export const costField = (month: Month): PlanField => `cost${month}`;

/** The saved targets as form text; a month without a target is empty. */
export function planValuesOf(plan: PlanServiceType): PlanValues {
  const values = {} as PlanValues;
  for (const month of MONTHS) {
    const m = plan.months.find((x) => x.month === month);
    values[startsField(month)] = m?.targetStarts === null || m?.targetStarts === undefined ? '' : String(m.targetStarts);
    values[costField(month)] = centsToInput(m?.targetCostCents ?? null);
  }
  return values;
}

/** Checks every field and builds the body; each problem names its field (for the message beside it). */
export function planBody(values: PlanValues): { body: PutPlanRequest; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const months = MONTHS.map((month) => {
    const startsText = values[startsField(month)].trim();
    const costText = values[costField(month)];
    let targetStarts = 0;
    if (startsText === '') problems.push({ field: startsField(month), message: t('planning.startsRequired') });
    else if (!/^\d{1,6}$/.test(startsText) || Number(startsText) > MAX_STARTS)
      problems.push({ field: startsField(month), message: t('planning.startsRange', { max: formatCount(MAX_STARTS) }) });
    else targetStarts = Number(startsText);
    let targetCostCents = 0;
    const cents = parseEuroCents(costText);
    if (cents === undefined) problems.push({ field: costField(month), message: t('planning.costRequired') });
    else if (cents === null || cents > MAX_COST_CENTS) problems.push({ field: costField(month), message: t('planning.costFormat') });
    else targetCostCents = cents;
    return { month, targetStarts, targetCostCents };
  });
  return { body: { months }, problems };
}

/** Server field errors (`months.3.targetCostCents`) as problems of the form's fields (April's cost). */
export function planProblemsOf(error: ApiError): FieldProblem[] {
  return error.fieldErrors.map((fe) => {
    const m = /^months\.(\d+)\.(targetStarts|targetCostCents)$/.exec(fe.field ?? '');
    if (!m) return { field: '', message: fe.message };
    const month = (Number(m[1]) + 1) as Month;
    return { field: m[2] === 'targetStarts' ? startsField(month) : costField(month), message: fe.message };
  });
}

/** Months whose saved targets differ between two states (for the 412 banner). */
export function changedMonths(a: PlanValues, b: PlanValues): Month[] {
  return MONTHS.filter((m) => a[startsField(m)] !== b[startsField(m)] || a[costField(m)] !== b[costField(m)]);
}

/** After a 412: fields the user did not touch take the current values, typed ones stay. */
export function rebasePlan(values: PlanValues, base: PlanValues, current: PlanValues): PlanValues {
  const next = { ...values };
  for (const key of Object.keys(current) as PlanField[]) {
    if (values[key] === base[key]) next[key] = current[key];
  }
  return next;
}
