import type { ServiceType } from './case-file';

/**
 * Sanctions (Leistungsminderungen, SPEC C16; seeds 000 §5 and 001 III.4). A reduction is possible only
 * where a duty was set in a form that allows it on the date of the breach, after a hearing, when no
 * important reason (wichtiger Grund) is accepted, as an individual decision by the case manager; the
 * decision then goes to benefits processing as the organisation model says (C14). Which forms allow
 * it, the rates, durations and the missed-appointment rules depend on the law of the breach date: they
 * live in the tenant's versioned rule table `sanction_rules` (seeded by migration, editable by
 * administrators) — this module only chooses among the rows and computes with them.
 */

/** The form in which a duty was set. */
export const DUTY_FORMS = ['egv', 'verwaltungsakt', 'request_with_notice', 'appointment_invitation'] as const;
export type DutyForm = (typeof DUTY_FORMS)[number];
export const DUTY_FORM_LABELS_DE: Record<DutyForm, string> = {
  egv: 'Eingliederungsvereinbarung',
  verwaltungsakt: 'Verwaltungsakt (Eingliederungsverwaltungsakt / Bescheid)',
  request_with_notice: 'Aufforderung zur Mitwirkung mit Rechtsfolgenbelehrung',
  appointment_invitation: 'Einladung zu einem Termin mit Rechtsfolgenbelehrung',
};

export const BREACH_KINDS = ['duty_breach', 'missed_appointment'] as const;
export type BreachKind = (typeof BREACH_KINDS)[number];
export const BREACH_KIND_LABELS_DE: Record<BreachKind, string> = {
  duty_breach: 'Pflichtverletzung',
  missed_appointment: 'Meldeversäumnis',
};

/** A stage of the reduction: the n-th breach of a kind within the repeat window (the last stage repeats). */
export interface SanctionStage {
  percent: number;
  months: number;
}

/** One period of the law, as a row of the rule table. */
export interface SanctionRule {
  id: string;
  code: string;
  title: string;
  validFrom: string;
  validTo: string | null;
  /** Forms whose duties a duty breach may be sanctioned under in this period (empty: none, e.g. a moratorium). */
  dutyForms: DutyForm[];
  /** Stages of duty breaches: index 0 = first breach, the last stage applies to every further one. */
  dutyStages: SanctionStage[];
  /** Stages of missed appointments (an `appointment_invitation` with notice of the legal consequences). */
  appointmentStages: SanctionStage[];
  /** A breach counts as repeated when an earlier reduction of the same kind began within these months. */
  repeatWithinMonths: number;
  /** After this many missed appointments in a row the standard benefit stops entirely (null: never). */
  appointmentStopAfter: number | null;
  legalBasis: string;
  /** Where the rule comes from (law, gazette, date), for the administrators who maintain it. */
  sourceNote: string;
  version: number;
}

/** The rule in force on the breach date, or undefined when the table has none. */
export function sanctionRuleFor<R extends Pick<SanctionRule, 'validFrom' | 'validTo'>>(rules: readonly R[], date: string): R | undefined {
  return rules.find((rule) => rule.validFrom <= date && (rule.validTo === null || date <= rule.validTo));
}

/** Whether a breach of this kind of a duty set in this form can be sanctioned under the rule. */
export function formAllows(rule: Pick<SanctionRule, 'dutyForms'>, kind: BreachKind, form: DutyForm): boolean {
  if (kind === 'missed_appointment') return form === 'appointment_invitation';
  return rule.dutyForms.includes(form);
}

export interface Reduction {
  /** 1-based: the how-many-th breach of the kind within the repeat window this is. */
  repetition: number;
  percent: number;
  months: number;
  /** The standard benefit stops entirely (repeated missed appointments under a rule with a stop). */
  fullStop: boolean;
}

/**
 * The reduction for a breach: its stage by the number of earlier reductions of the same kind that began
 * within the repeat window before the breach (`earlierStarts`: their start dates). A rule with a stop
 * after N missed appointments stops the benefit at the N-th in a row (`consecutiveMissed` earlier ones).
 */
export function reductionFor(
  rule: SanctionRule,
  kind: BreachKind,
  breachOn: string,
  earlierStarts: readonly string[],
  consecutiveMissed = 0,
): Reduction {
  const windowStart = addMonthsToDate(breachOn, -rule.repeatWithinMonths);
  const repetition = 1 + earlierStarts.filter((d) => d >= windowStart && d <= breachOn).length;
  const stages = kind === 'duty_breach' ? rule.dutyStages : rule.appointmentStages;
  const stage = stages[Math.min(repetition, stages.length) - 1] ?? { percent: 0, months: 0 };
  if (kind === 'missed_appointment' && rule.appointmentStopAfter !== null && consecutiveMissed + 1 >= rule.appointmentStopAfter) {
    return { repetition, percent: 100, months: Math.max(1, stage.months), fullStop: true };
  }
  return { repetition, percent: stage.percent, months: stage.months, fullStop: false };
}

/**
 * Regelbedarfsstufe 1 per year in cents (RBEG 2021 and the yearly Regelbedarfsstufen-Fortschreibungs-
 * verordnungen; 2025 and 2026 unchanged by the Besitzschutzregel § 28a Abs. 5 SGB XII). The reduction's
 * amount is a share of it (§ 31a SGB II: "Prozent des nach § 20 maßgebenden Regelbedarfs").
 */
export const STANDARD_NEED_LEVEL1_CENTS: Readonly<Record<number, number>> = {
  2019: 42_400,
  2020: 43_200,
  2021: 44_600,
  2022: 44_900,
  2023: 50_200,
  2024: 56_300,
  2025: 56_300,
  2026: 56_300,
};

/** Monthly amount of a reduction, from the standard need of the year it starts in (the last known year after). */
export function reductionAmountCents(percent: number, startsOn: string): number {
  const year = Number(startsOn.slice(0, 4));
  const years = Object.keys(STANDARD_NEED_LEVEL1_CENTS).map(Number);
  const known = Math.min(Math.max(year, Math.min(...years)), Math.max(...years));
  return Math.round(((STANDARD_NEED_LEVEL1_CENTS[known] as number) * percent) / 100);
}

/** A reduction starts with the calendar month after the decision (§ 31b Abs. 1 SGB II) and lasts `months`. */
export function reductionPeriod(decidedOn: string, months: number): { startsOn: string; endsOn: string } {
  const startsOn = addMonthsToDate(`${decidedOn.slice(0, 7)}-01`, 1);
  const endsOn = addDaysToDate(addMonthsToDate(startsOn, Math.max(1, months)), -1);
  return { startsOn, endsOn };
}

/** Hearing deadline: the letter's date plus the days the tenant gives (default two weeks). */
export function hearingDeadline(sentOn: string, days: number): string {
  return addDaysToDate(sentOn, days);
}

/** The decision may be taken once the person answered the hearing or its deadline has passed. */
export function hearingAllowsDecision(hearing: { deadline: string | null; answeredOn: string | null }, today: string): boolean {
  if (hearing.deadline === null) return false;
  return hearing.answeredOn !== null || today > hearing.deadline;
}

/**
 * Care the seeds advise against sanctioning during (001 III.4: "Vermeidung von Sanktionen während
 * Suchtbehandlung oder während psychosozialer Behandlung"; 000 §5: voluntary participation in
 * psychosocial care): a decision to reduce needs an explicit justification while such care runs.
 */
export const SANCTION_SENSITIVE_SERVICES: readonly ServiceType[] = ['addiction_counselling', 'psychosocial_support'];

export const SANCTION_STATUSES = ['recorded', 'hearing', 'decided', 'handed_off', 'withdrawn'] as const;
export type SanctionStatus = (typeof SANCTION_STATUSES)[number];
export const SANCTION_STATUS_LABELS_DE: Record<SanctionStatus, string> = {
  recorded: 'Pflichtverletzung erfasst',
  hearing: 'Anhörung läuft',
  decided: 'Entschieden',
  handed_off: 'An die Leistungsgewährung übergeben',
  withdrawn: 'Zurückgenommen',
};

function addDaysToDate(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Adds months to a date; a day beyond the target month's end becomes its last day. */
function addMonthsToDate(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}
