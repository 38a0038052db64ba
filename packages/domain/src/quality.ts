/**
 * Quality indicators (SPEC C13; seed 000 §8: structure, process and result quality) and the provider
 * report per offer and year (seed 000 §9 "regelmäßiger Bericht": Ergebnisstatistik,
 * Verwendungsnachweis, sozio-demografische Fakten, Entwicklungstendenzen).
 *
 * The counting runs in SQL; what decides whether a deadline was kept, how a breakdown is protected
 * against identifying people and how a figure compares with the prior year is pure and lives here.
 * docs/reports.md explains every figure.
 */

import { addDays } from './case-file';
import type { ClosingOutcome } from './case-lifecycle';
import type { FeedbackDeadlines } from './offers';
import type { OverdueKind, ReferralResult } from './referral';
import { QUALITY_READERS, type Role } from './roles';
import { ExplicitGraph, isSensitive, suppressCells } from './suppression';

/** Who reads provider reports: the quality readers and the municipal social planning (aggregates only). */
export const PROVIDER_REPORT_READERS: readonly Role[] = [...QUALITY_READERS, 'social_planner'];

// ——— quality indicators ———

export const QUALITY_LEVELS = ['structure', 'process', 'result'] as const;
export type QualityLevel = (typeof QUALITY_LEVELS)[number];
export const QUALITY_LEVEL_LABELS_DE: Record<QualityLevel, string> = {
  structure: 'Strukturqualität',
  process: 'Prozessqualität',
  result: 'Ergebnisqualität',
};

export const QUALITY_GROUPINGS = ['team', 'service_type', 'provider'] as const;
export type QualityGrouping = (typeof QUALITY_GROUPINGS)[number];
export const QUALITY_GROUPING_LABELS_DE: Record<QualityGrouping, string> = {
  team: 'Team',
  service_type: 'Leistungsart',
  provider: 'Träger',
};
/** Label of the team group of case managers without a team. */
export const NO_TEAM_LABEL_DE = 'ohne Team';
export const NO_TEAM_KEY = 'none';

export const QUALITY_INDICATORS = [
  'caseload',
  'waiting_within_target',
  'feedback_on_time',
  'agreement_reviews_on_time',
  'referral_completion',
  'subgoals_reached',
  'rating_change',
  'exits_into_work',
] as const;
export type QualityIndicator = (typeof QUALITY_INDICATORS)[number];

export interface QualityIndicatorDefinition {
  level: QualityLevel;
  name: string;
  /** German definition shown beside the figure; `{caseloadTarget}` and `{waitingTargetDays}` are filled in. */
  definition: string;
  /** `share`: numerator ÷ denominator as a percentage; `mean`: numerator ÷ denominator as a number. */
  unit: 'share' | 'mean';
  /** What the figure rests on, for the suppression note ("Fälle", "Zuweisungen" …). */
  basisLabel: string;
  /** The groupings the indicator can be broken down by; for the others it is "nicht anwendbar". */
  groupings: readonly QualityGrouping[];
  /** Why it cannot be broken down by service type or provider. */
  notApplicable?: string;
}

const CASE_LEVEL = 'nicht anwendbar: die Kennzahl bezieht sich auf Fälle des Fallmanagements, nicht auf Zuweisungen an ein Angebot.';

export const QUALITY_INDICATOR_DEFINITIONS: Record<QualityIndicator, QualityIndicatorDefinition> = {
  caseload: {
    level: 'structure',
    name: 'Betreuungsschlüssel (Fälle je Fallmanagerin/Fallmanager)',
    definition:
      'Offene Fälle je Fallmanagerin oder Fallmanager am Stichtag (31.12. des Jahres, im laufenden Jahr heute). Zähler: Fälle, die am Stichtag ' +
      'eröffnet und noch nicht beendet waren (einschließlich Nachbetreuung). Nenner: aktive Konten mit der Rolle Fallmanagement und alle, ' +
      'die am Stichtag Fälle führen. Team ist das Team der fallführenden Person. Verglichen mit dem Zielwert des Jobcenters ' +
      '({caseloadTarget} Fälle): grün bis zum Zielwert, gelb bis 10 % darüber, rot darüber.',
    unit: 'mean',
    basisLabel: 'Fallmanagerinnen und Fallmanager',
    groupings: ['team'],
    notApplicable: 'nicht anwendbar: der Betreuungsschlüssel ist eine Kennzahl der Teams des Jobcenters.',
  },
  waiting_within_target: {
    level: 'process',
    name: 'Beginn innerhalb der Ziel-Wartezeit',
    definition:
      'Anteil der im Jahr begonnenen Zuweisungen, bei denen zwischen dem Versand der Zuweisung und dem Beginn beim Träger höchstens ' +
      '{waitingTargetDays} Tage lagen (Zielwert des Jobcenters). Zähler: Beginne innerhalb des Zielwerts. Nenner: alle im Jahr begonnenen ' +
      'versandten Zuweisungen (bestätigte Selbstmeldungen ohne Versand zählen nicht).',
    unit: 'share',
    basisLabel: 'Zuweisungen',
    groupings: ['team', 'service_type', 'provider'],
  },
  feedback_on_time: {
    level: 'process',
    name: 'Rückmeldungen der Träger fristgerecht',
    definition:
      'Anteil der Zuweisungen mit mindestens einer im Jahr (bis zum Stichtag) fälligen Rückmeldefrist, bei denen jede dieser Fristen ' +
      'eingehalten wurde: Antwort (Annahme oder Ablehnung) binnen der Antwortfrist nach Versand, Beginn oder Nichtantritt binnen der ' +
      'Beginnfrist nach Annahme, Zwischenbericht binnen der Berichtsfrist nach Beginn bzw. letztem Bericht. Fristen aus der ' +
      'Kooperationsvereinbarung des Angebots, sonst 5, 21 und 90 Tage. Eingehalten ist eine Frist, wenn die Rückmeldung spätestens am ' +
      'Fälligkeitstag kam; wurde die Zuweisung vorher zurückgezogen oder beendet, entfällt sie.',
    unit: 'share',
    basisLabel: 'Zuweisungen',
    groupings: ['team', 'service_type', 'provider'],
  },
  agreement_reviews_on_time: {
    level: 'process',
    name: 'Überprüfung der Vereinbarung fristgerecht',
    definition:
      'Anteil der Fassungen von Eingliederungsvereinbarung bzw. Kooperationsplan, deren Überprüfungstermin im Jahr lag und verstrichen ist, ' +
      'bei denen spätestens am Überprüfungstermin eine neue Fassung geschlossen oder der Abschluss des Falls eingeleitet wurde.',
    unit: 'share',
    basisLabel: 'Vereinbarungen',
    groupings: ['team'],
    notApplicable: CASE_LEVEL,
  },
  referral_completion: {
    level: 'result',
    name: 'Regulär abgeschlossene Zuweisungen',
    definition:
      'Anteil der regulär abgeschlossenen an allen im Jahr beendeten Zuweisungen (abgeschlossen oder abgebrochen, Ende im Jahr), ' +
      'aufgeschlüsselt nach dem gemeldeten Ergebnis; Abbrüche gesondert.',
    unit: 'share',
    basisLabel: 'Zuweisungen',
    groupings: ['team', 'service_type', 'provider'],
  },
  subgoals_reached: {
    level: 'result',
    name: 'Erreichte Teilziele',
    definition:
      'Anteil der erreichten an den im Jahr (bis zum Stichtag) fälligen und bewerteten Teilzielen des Hilfeplans (erreicht, teilweise ' +
      'erreicht, nicht erreicht). Offene und verworfene Teilziele zählen nicht.',
    unit: 'share',
    basisLabel: 'Teilziele',
    groupings: ['team'],
    notApplicable: CASE_LEVEL,
  },
  rating_change: {
    level: 'result',
    name: 'Veränderung der Fortschrittseinschätzung',
    definition:
      'Mittlere Veränderung der gemeinsamen Einschätzung (Skala 1–10) je Lebensbereich: letzte Abschluss- oder Zwischeneinschätzung bis ' +
      'zum Stichtag minus Ersteinschätzung, für Fälle, deren letzte Einschätzung im Jahr lag. ' +
      'Zähler: Summe der Veränderungen; Nenner: Zahl der Fälle mit Werten in beiden Einschätzungen (gesamt: Zahl der Paare aus Fall und ' +
      'Lebensbereich). Positive Werte bedeuten eine Verbesserung.',
    unit: 'mean',
    basisLabel: 'Fälle',
    groupings: ['team'],
    notApplicable: CASE_LEVEL,
  },
  exits_into_work: {
    level: 'result',
    name: 'Übergänge in Arbeit',
    definition:
      'Anteil der im Jahr abgeschlossenen Fälle (Tag der Abschlussentscheidung im Jahr) mit dem Ergebnis sozialversicherungspflichtige ' +
      'Beschäftigung oder Selbstständigkeit an allen im Jahr abgeschlossenen Fällen; Übergänge in Ausbildung werden gesondert ausgewiesen.',
    unit: 'share',
    basisLabel: 'Fälle',
    groupings: ['team'],
    notApplicable: CASE_LEVEL,
  },
};

/** The indicator's definition with the tenant's targets filled in. */
export function qualityIndicatorDefinition(
  indicator: QualityIndicator,
  targets: { caseloadTarget: number; waitingTargetDays: number },
): string {
  return QUALITY_INDICATOR_DEFINITIONS[indicator].definition
    .replace('{caseloadTarget}', String(targets.caseloadTarget))
    .replace('{waitingTargetDays}', String(targets.waitingTargetDays));
}

/** Closing outcomes that count as an exit into work; vocational training is shown beside them. */
export const WORK_EXIT_OUTCOMES: readonly ClosingOutcome[] = ['employment_insured', 'self_employment'];
export const TRAINING_EXIT_OUTCOMES: readonly ClosingOutcome[] = ['vocational_training'];

/** The parts the completion indicator is broken into: each result of a completed referral, then drop-outs. */
export const COMPLETION_PARTS = ['goal_reached', 'partly_reached', 'not_reached', 'no_result', 'dropped_out'] as const;
export type CompletionPart = (typeof COMPLETION_PARTS)[number];
export const COMPLETION_PART_LABELS_DE: Record<CompletionPart, string> = {
  goal_reached: 'abgeschlossen: Ziel erreicht',
  partly_reached: 'abgeschlossen: Ziel teilweise erreicht',
  not_reached: 'abgeschlossen: Ziel nicht erreicht',
  no_result: 'abgeschlossen: ohne Ergebnisangabe',
  dropped_out: 'abgebrochen',
};
/** The parts of the feedback indicator: deadlines of each kind kept. */
export const FEEDBACK_PART_LABELS_DE: Record<OverdueKind, string> = {
  answer: 'Antwort binnen Frist',
  start: 'Beginn oder Nichtantritt binnen Frist',
  report: 'Zwischenbericht binnen Frist',
};

export const SUBGOAL_PARTS = ['reached', 'partly_reached', 'missed'] as const;
export type SubGoalPart = (typeof SUBGOAL_PARTS)[number];

export function completionPartOf(status: 'completed' | 'dropped_out', result: ReferralResult | null): CompletionPart {
  return status === 'dropped_out' ? 'dropped_out' : (result ?? 'no_result');
}

/** The reference day of a year's figures: its last day, or today while the year is running. */
export function referenceDateOf(year: number, today: string): string {
  const end = `${year}-12-31`;
  return today < end ? today : end;
}

// ——— figures and their protection ———

/** A ratio as counted, before suppression. `basis` is what it rests on (cases, persons, referrals). */
export interface CountedRatio {
  numerator: number;
  denominator: number;
  basis: number;
}

/** A ratio as shown: null where suppressed; `value` null also where there is nothing to divide by. */
export interface ShownRatio {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  suppressed: boolean;
}

export function ratioValue(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

export function showRatio(ratio: CountedRatio, suppressed: boolean): ShownRatio {
  if (suppressed) return { numerator: null, denominator: null, value: null, suppressed: true };
  return {
    numerator: ratio.numerator,
    denominator: ratio.denominator,
    value: ratioValue(ratio.numerator, ratio.denominator),
    suppressed: false,
  };
}

/**
 * Which figures of one breakdown to suppress, by the shared suppression engine (`suppressCells`) over the
 * sum relation "total = Σ rows": each that rests on 1 to `minimum − 1` units, and more until no
 * suppressed figure (nor a small group of them) can be computed as the difference to the total. A group
 * without units (basis 0) reveals nobody and stays shown.
 */
export function suppressedInBreakdown(bases: readonly number[], minimum: number): { total: boolean; rows: boolean[] } {
  const total = bases.reduce((sum, basis) => sum + basis, 0);
  const values = [total, ...bases];
  const relations = bases.length > 0 ? [values.map((_, index) => index)] : [];
  const flags = suppressCells({
    graph: new ExplicitGraph(values.length, relations),
    values,
    hidden: new Uint8Array(values.length),
    minimum,
  });
  return { total: flags[0] === 1, rows: bases.map((_, index) => flags[index + 1] === 1) };
}

/** A count of people in the provider report: `value` null where it is shown as "< minimum". */
export interface ShownCount {
  value: number | null;
  suppressed: boolean;
}

/**
 * Protects the counts of people in the provider report (it leaves the Jobcenter, so for every reader),
 * all breakdowns of one year together: counts from 1 to `minimum − 1` are shown as "< minimum", and more
 * where one could be computed from the total — a breakdown that splits the people (`partition`) adds up
 * to the total; an overlapping group (a target group) and the people outside it add up to it too. When
 * the total itself is below the minimum, nothing of the breakdowns is shown, not even zeros.
 */
export function protectPeople(
  total: number,
  breakdowns: ReadonlyArray<{ counts: readonly number[]; partition: boolean }>,
  minimum: number,
): { total: ShownCount; breakdowns: ShownCount[][] } {
  const values: number[] = [total];
  const hidden: number[] = [0];
  const relations: number[][] = [];
  const cellsOf = breakdowns.map((b) => {
    const cells = b.counts.map((count) => {
      values.push(count);
      hidden.push(0);
      return values.length - 1;
    });
    if (b.partition && cells.length > 0) relations.push([0, ...cells]);
    if (!b.partition) {
      for (const cell of cells) {
        // The people outside the group: never shown, but the difference to the total.
        values.push(Math.max(0, total - (values[cell] as number)));
        hidden.push(1);
        relations.push([0, cell, values.length - 1]);
      }
    }
    return cells;
  });
  const all = isSensitive(total, minimum);
  const flags = suppressCells({ graph: new ExplicitGraph(values.length, relations), values, hidden, minimum });
  const show = (cell: number): ShownCount =>
    all || flags[cell] === 1 ? { value: null, suppressed: true } : { value: values[cell] as number, suppressed: false };
  return { total: show(0), breakdowns: cellsOf.map((cells) => cells.map(show)) };
}

// ——— structure: caseload ———

export type TrafficLight = 'green' | 'yellow' | 'red';
export const TRAFFIC_LIGHT_LABELS_DE: Record<TrafficLight, string> = {
  green: 'im Zielwert',
  yellow: 'bis 10 % über dem Zielwert',
  red: 'mehr als 10 % über dem Zielwert',
};
/** Up to this ratio of caseload to target the light is yellow; above it red. */
export const CASELOAD_YELLOW_UP_TO = 1.1;

export function caseloadAssessment(
  mean: number | null,
  target: number,
): { target: number; ratio: number | null; light: TrafficLight | null } {
  if (mean === null || target <= 0) return { target, ratio: null, light: null };
  const ratio = mean / target;
  return { target, ratio, light: ratio <= 1 ? 'green' : ratio <= CASELOAD_YELLOW_UP_TO ? 'yellow' : 'red' };
}

// ——— process: feedback deadlines and agreement reviews ———

/** What happened to a referral, as far as the provider's feedback deadlines are concerned. */
export interface FeedbackFacts {
  sentOn: string | null;
  /** Day the provider accepted or declined. */
  answeredOn: string | null;
  acceptedOn: string | null;
  /** Day the provider reported the start or that the person did not start. */
  startAnsweredOn: string | null;
  startedOn: string | null;
  /** Day the service ended (completed or dropped out): no interim report is owed from then on. */
  endedOn: string | null;
  /** Day the Jobcenter withdrew the referral: nothing falls due after it. */
  cancelledOn: string | null;
  /** Days of the interim and final reports. */
  reportDates: readonly string[];
}

export interface DeadlineCheck {
  kind: OverdueKind;
  dueOn: string;
  metOn: string | null;
  onTime: boolean;
}

/**
 * Every feedback deadline of a referral that has fallen due before `today`, with whether it was kept;
 * the same deadlines as the overdue list (`referralOverdue`): an answer `answerDays` after sending, the
 * start `startDays` after accepting, an interim report `interimReportDays` after the start or the last
 * report. A deadline is kept by feedback on or before its day; withdrawn or ended before it, it is not owed.
 */
export function feedbackDeadlineChecks(facts: FeedbackFacts, deadlines: FeedbackDeadlines, today: string): DeadlineCheck[] {
  const checks: DeadlineCheck[] = [];
  /** Adds the check unless the deadline is not owed (withdrawn or ended by then) or not yet past. */
  const check = (kind: OverdueKind, dueOn: string, metOn: string | null, endedBy: string | null): boolean => {
    if (metOn !== null && metOn <= dueOn) {
      checks.push({ kind, dueOn, metOn, onTime: true });
      return true;
    }
    if (endedBy !== null && endedBy <= dueOn) return false;
    if (dueOn >= today) return false;
    checks.push({ kind, dueOn, metOn, onTime: false });
    return true;
  };
  if (facts.sentOn !== null) check('answer', addDays(facts.sentOn, deadlines.answerDays), facts.answeredOn, facts.cancelledOn);
  if (facts.acceptedOn !== null) check('start', addDays(facts.acceptedOn, deadlines.startDays), facts.startAnsweredOn, facts.cancelledOn);
  if (facts.startedOn !== null) {
    const reports = [...facts.reportDates].sort();
    let last = facts.startedOn;
    for (;;) {
      const dueOn = addDays(last, deadlines.interimReportDays);
      const next = reports.find((day) => day > last) ?? null;
      if (!check('report', dueOn, next, facts.endedOn) || next === null) break;
      last = next;
    }
  }
  return checks;
}

/** Whether the referral kept every deadline that fell due from `from` to `to`; null when none did. */
export function keptDeadlinesIn(checks: readonly DeadlineCheck[], from: string, to: string): boolean | null {
  const due = checks.filter((c) => c.dueOn >= from && c.dueOn <= to);
  return due.length === 0 ? null : due.every((c) => c.onTime);
}

/**
 * Whether an agreement's review was on time: a newer version was agreed, or the case's closing was
 * started, on or before the review day (and not before the version itself).
 */
export function agreementReviewKept(version: {
  agreedOn: string;
  reviewOn: string;
  nextAgreedOn: string | null;
  closingStartedOn: string | null;
}): boolean {
  const within = (day: string | null) => day !== null && day >= version.agreedOn && day <= version.reviewOn;
  return within(version.nextAgreedOn) || within(version.closingStartedOn);
}

// ——— statistics (percentiles: ./statistics) ———

export function reportMean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;
}

// ——— the provider report ———

export const AGE_BANDS = ['under_25', 'from_25_to_34', 'from_35_to_49', 'from_50_to_59', 'from_60'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const AGE_BAND_LABELS_DE: Record<AgeBand, string> = {
  under_25: 'unter 25 Jahre',
  from_25_to_34: '25 bis 34 Jahre',
  from_35_to_49: '35 bis 49 Jahre',
  from_50_to_59: '50 bis 59 Jahre',
  from_60: '60 Jahre und älter',
};
export function ageBandOf(age: number): AgeBand {
  if (age < 25) return 'under_25';
  if (age < 35) return 'from_25_to_34';
  if (age < 50) return 'from_35_to_49';
  if (age < 60) return 'from_50_to_59';
  return 'from_60';
}

export const REPORT_DIMENSIONS = ['age', 'sex', 'target_group', 'region'] as const;
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];
export const REPORT_DIMENSION_LABELS_DE: Record<ReportDimension, string> = {
  age: 'Altersgruppe (am Stichtag)',
  sex: 'Geschlecht',
  target_group: 'Zielgruppe (Mehrfachzuordnung möglich)',
  region: 'Wohnort nach Sozialraum',
};
export const NO_REGION_KEY = 'none';
export const NO_REGION_LABEL_DE = 'keinem Sozialraum zugeordnet';

export type ReportFigureUnit = 'count' | 'days' | 'cents' | 'percent';

/** The figures of the results statistics and the proof of use of funds, in report order. */
export const REPORT_FIGURES = {
  received: { unit: 'count', label: 'Zuweisungen eingegangen', definition: 'Zuweisungen an das Angebot, die im Jahr versandt wurden.' },
  accepted: { unit: 'count', label: 'angenommen', definition: 'Zuweisungen, die der Träger im Jahr angenommen hat.' },
  declined: { unit: 'count', label: 'abgelehnt', definition: 'Zuweisungen, die der Träger im Jahr abgelehnt hat.' },
  started: {
    unit: 'count',
    label: 'begonnen',
    definition: 'Zuweisungen mit Beginn im Jahr (einschließlich bestätigter Selbstmeldungen).',
  },
  completed: { unit: 'count', label: 'regulär abgeschlossen', definition: 'Zuweisungen, die im Jahr regulär abgeschlossen wurden.' },
  completed_goal_reached: { unit: 'count', label: 'davon Ziel erreicht', definition: 'Abschlüsse mit dem Ergebnis „Ziel erreicht“.' },
  completed_partly_reached: {
    unit: 'count',
    label: 'davon Ziel teilweise erreicht',
    definition: 'Abschlüsse mit dem Ergebnis „Ziel teilweise erreicht“.',
  },
  completed_not_reached: {
    unit: 'count',
    label: 'davon Ziel nicht erreicht',
    definition: 'Abschlüsse mit dem Ergebnis „Ziel nicht erreicht“.',
  },
  completed_no_result: {
    unit: 'count',
    label: 'davon ohne Ergebnisangabe',
    definition: 'Abschlüsse, zu denen der Träger kein Ergebnis gemeldet hat.',
  },
  dropped_out: { unit: 'count', label: 'abgebrochen', definition: 'Zuweisungen, die im Jahr abgebrochen wurden.' },
  not_started: {
    unit: 'count',
    label: 'nicht angetreten',
    definition: 'Angenommene Zuweisungen, die die Person im Jahr nicht angetreten hat (Meldung des Trägers).',
  },
  completion_rate: {
    unit: 'percent',
    label: 'Abschlussquote',
    definition: 'Regulär abgeschlossene in Prozent aller im Jahr beendeten (abgeschlossenen oder abgebrochenen) Zuweisungen.',
  },
  average_duration_days: {
    unit: 'days',
    label: 'durchschnittliche Dauer (Tage)',
    definition: 'Mittlere Zahl der Tage vom Beginn bis zum Ende der im Jahr beendeten Zuweisungen.',
  },
  waiting_median_days: {
    unit: 'days',
    label: 'Wartezeit, Median (Tage)',
    definition: 'Median der Tage vom Versand bis zum Beginn der im Jahr begonnenen Zuweisungen (Rangverfahren).',
  },
  waiting_p90_days: {
    unit: 'days',
    label: 'Wartezeit, 90. Perzentil (Tage)',
    definition: '90. Perzentil der Tage vom Versand bis zum Beginn (Rangverfahren: höchstens so lange warteten 90 % der Begonnenen).',
  },
  cases_served: {
    unit: 'count',
    label: 'betreute Fälle',
    definition: 'Zuweisungen, die im Jahr liefen: begonnen bis zum Jahresende und nicht vor Jahresbeginn beendet.',
  },
  planned_cases: { unit: 'count', label: 'geplante Fälle', definition: 'Vereinbarte Fallzahl im Jahresplan des Angebots.' },
  utilisation: {
    unit: 'percent',
    label: 'Auslastung der geplanten Fälle',
    definition: 'Betreute Fälle in Prozent der geplanten Fälle.',
  },
  planned_cost: { unit: 'cents', label: 'geplante Kosten', definition: 'Im Jahresplan des Angebots veranschlagte Kosten.' },
  charged_cost: {
    unit: 'cents',
    label: 'abgerechnete Einzelfallkosten',
    definition: 'Summe der erfassten Abrechnungen zu Zuweisungen an das Angebot für Leistungsmonate im Jahr.',
  },
  actual_cost: {
    unit: 'cents',
    label: 'tatsächliche Kosten',
    definition:
      'Im Jahresplan festgestellte Ist-Kosten; fehlen sie, bei Finanzierung je Fall die Summe der Abrechnungen, sonst keine Angabe.',
  },
  cost_deviation: { unit: 'cents', label: 'Abweichung vom Plan', definition: 'Tatsächliche minus geplante Kosten.' },
  cost_per_case: { unit: 'cents', label: 'Kosten je betreutem Fall', definition: 'Tatsächliche Kosten geteilt durch die betreuten Fälle.' },
  sgb2_share_percent: {
    unit: 'percent',
    label: 'SGB-II-Anteil',
    definition: 'Anteil der Kosten, der dem SGB II zugerechnet wird (Jahresplan des Angebots).',
  },
  sgb2_share_cost: { unit: 'cents', label: 'davon SGB II', definition: 'Tatsächliche Kosten mal SGB-II-Anteil.' },
  persons_counselled: {
    unit: 'count',
    label: 'beratene Personen',
    definition: 'Verschiedene Personen mit einer im Jahr laufenden Zuweisung an das Angebot.',
  },
} as const satisfies Record<string, { unit: ReportFigureUnit; label: string; definition: string }>;
export type ReportFigureKey = keyof typeof REPORT_FIGURES;

export const RESULT_FIGURE_KEYS: readonly ReportFigureKey[] = [
  'received',
  'accepted',
  'declined',
  'started',
  'completed',
  'completed_goal_reached',
  'completed_partly_reached',
  'completed_not_reached',
  'completed_no_result',
  'dropped_out',
  'not_started',
  'completion_rate',
  'average_duration_days',
  'waiting_median_days',
  'waiting_p90_days',
];
export const FUNDS_FIGURE_KEYS: readonly ReportFigureKey[] = [
  'planned_cases',
  'cases_served',
  'utilisation',
  'planned_cost',
  'charged_cost',
  'actual_cost',
  'cost_deviation',
  'cost_per_case',
  'sgb2_share_percent',
  'sgb2_share_cost',
];
/** The headline figures of "Entwicklungstendenzen". */
export const TREND_FIGURE_KEYS: readonly ReportFigureKey[] = [
  'received',
  'started',
  'completed',
  'dropped_out',
  'completion_rate',
  'average_duration_days',
  'waiting_median_days',
  'persons_counselled',
  'actual_cost',
  'cost_per_case',
];

/** A figure against the prior year: the absolute change, and the relative one where the prior year is not 0. */
export function trendOf(current: number | null, prior: number | null): { change: number | null; changePercent: number | null } {
  if (current === null || prior === null) return { change: null, changePercent: null };
  return { change: current - prior, changePercent: prior === 0 ? null : ((current - prior) / Math.abs(prior)) * 100 };
}

/** Rounds to one decimal place (shares in percent, mean days). */
export function roundTo1(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}

// ——— German formats of report figures (PDF and screen alike) ———

const WHOLE = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });
const ONE_DECIMAL = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });
const EURO = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** Shown where a figure has no value. */
export const NO_VALUE = '–';

/** Counts whole, days and percentages with at most one decimal, money in euros with cents; "–" without a value. */
export function formatReportValue(value: number | null, unit: ReportFigureUnit): string {
  if (value === null) return NO_VALUE;
  switch (unit) {
    case 'count':
      return WHOLE.format(value);
    case 'days':
      return ONE_DECIMAL.format(value);
    case 'percent':
      return `${ONE_DECIMAL.format(value)} %`;
    case 'cents':
      return `${EURO.format(value / 100)} €`;
  }
}

const signOf = (value: number) => (value > 0 ? '+' : value < 0 ? '−' : '±');

/** A change with its sign ("+5", "−10.999,50 €"); a change of a percentage in percentage points ("−20 Pp."). */
export function formatReportChange(value: number | null, unit: ReportFigureUnit): string {
  if (value === null) return NO_VALUE;
  if (unit === 'percent') return `${signOf(value)}${ONE_DECIMAL.format(Math.abs(value))} Pp.`;
  return `${signOf(value)}${formatReportValue(Math.abs(value), unit)}`;
}

/** The relative change ("+166,7 %"); none for percentages, whose change reads in points. */
export function formatReportChangePercent(changePercent: number | null, unit: ReportFigureUnit): string {
  if (changePercent === null || unit === 'percent') return NO_VALUE;
  return `${signOf(changePercent)}${ONE_DECIMAL.format(Math.abs(changePercent))} %`;
}

/** A count of people: "< 5" where it is suppressed. */
export function formatReportCount(count: { value: number | null; suppressed: boolean }, minimum: number): string {
  return count.suppressed || count.value === null ? `< ${minimum}` : WHOLE.format(count.value);
}
