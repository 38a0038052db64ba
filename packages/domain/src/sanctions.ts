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

/** The steps of a sanction as the case history shows them. */
export const SANCTION_EVENT_ACTIONS = ['recorded', 'hearing_sent', 'answered', 'decided', 'handed_off', 'withdrawn'] as const;
export type SanctionEventAction = (typeof SANCTION_EVENT_ACTIONS)[number];
export const SANCTION_EVENT_LABELS_DE: Record<SanctionEventAction, string> = {
  recorded: 'Pflichtverletzung erfasst',
  hearing_sent: 'Anhörung versandt',
  answered: 'Antwort auf die Anhörung erfasst',
  decided: 'Über die Leistungsminderung entschieden',
  handed_off: 'An die Leistungsgewährung übergeben',
  withdrawn: 'Leistungsminderung zurückgenommen',
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

// ——— The rule table ———

/** A row of the rule table as administrators enter it (without id and version). */
export type SanctionRuleInput = Omit<SanctionRule, 'id' | 'version'>;

/** Every default row says that it is a proposal to be checked (SPEC C16: rules with a source note). */
const CHECK_BEFORE_USE =
  ' Vorschlag von Lotse: Die Verwaltung des Jobcenters muss diese Zeile vor der Verwendung mit dem Gesetzestext, den Fachlichen Weisungen der BA und den örtlichen Regelungen abgleichen und bei Bedarf ändern.';

/**
 * The periods of the law seeded for every tenant (docs/sanctions.md explains each with its sources).
 * The law of the breach date applies; a period without sanctionable forms (the moratorium) still
 * knows missed appointments. Rates are shares of the standard need (§ 31a, § 32 SGB II).
 */
export const DEFAULT_SANCTION_RULES: readonly SanctionRuleInput[] = [
  {
    code: 'alg2_bverfg_2019',
    title: 'Arbeitslosengeld II nach dem Urteil des BVerfG (05.11.2019 bis 30.06.2022)',
    validFrom: '2019-11-05',
    validTo: '2022-06-30',
    dutyForms: ['egv', 'verwaltungsakt'],
    dutyStages: [{ percent: 30, months: 3 }],
    appointmentStages: [{ percent: 10, months: 3 }],
    repeatWithinMonths: 12,
    appointmentStopAfter: null,
    legalBasis: '§§ 31, 31a, 31b, 32 SGB II a. F. mit den Maßgaben des BVerfG, Urteil vom 05.11.2019 – 1 BvL 7/16',
    sourceNote:
      'BVerfG, Urteil vom 05.11.2019 – 1 BvL 7/16: Minderungen über 30 % des maßgebenden Regelbedarfs sind bis zu einer Neuregelung nicht anzuwenden, auch nicht bei wiederholten Pflichtverletzungen; bei außergewöhnlicher Härte keine Minderung; die Minderung kann enden, sobald die Mitwirkung nachgeholt wird. Pflichten aus Eingliederungsvereinbarung oder Eingliederungsverwaltungsakt mit Rechtsfolgenbelehrung (§ 31 Abs. 1 SGB II a. F.); Dauer drei Monate (§ 31b Abs. 1 Satz 3 SGB II a. F.). Meldeversäumnis 10 % für drei Monate (§ 32 SGB II a. F.). Wiederholung: der vorangegangene Minderungszeitraum begann vor weniger als einem Jahr (§ 31a Abs. 1 SGB II a. F.).' +
      CHECK_BEFORE_USE,
  },
  {
    code: 'sanktionsmoratorium_2022',
    title: 'Sanktionsmoratorium (01.07.2022 bis 31.12.2022)',
    validFrom: '2022-07-01',
    validTo: '2022-12-31',
    dutyForms: [],
    dutyStages: [{ percent: 0, months: 0 }],
    appointmentStages: [
      { percent: 0, months: 0 },
      { percent: 10, months: 3 },
    ],
    repeatWithinMonths: 12,
    appointmentStopAfter: null,
    legalBasis: '§ 84 SGB II in der Fassung des Elften Gesetzes zur Änderung des Zweiten Buches Sozialgesetzbuch vom 19.06.2022',
    sourceNote:
      '§ 84 Abs. 1 SGB II (gültig 01.07.2022 bis 31.12.2022, aufgehoben durch das Bürgergeld-Gesetz): § 31a ist nicht anzuwenden – keine Minderung wegen Pflichtverletzungen. § 84 Abs. 2: Minderung wegen eines Meldeversäumnisses erst beim wiederholten Meldeversäumnis, d. h. wenn das vorangegangene weniger als ein Jahr zurückliegt; das erste bleibt ohne Minderung. § 84 Abs. 3: bei mehreren Meldeversäumnissen insgesamt höchstens 10 % des maßgebenden Regelbedarfs. Dauer nach § 31b Abs. 1 Satz 3 SGB II a. F. drei Monate.' +
      CHECK_BEFORE_USE,
  },
  {
    code: 'buergergeld_egv_2023',
    title: 'Bürgergeld mit Eingliederungsvereinbarung (01.01.2023 bis 30.06.2023)',
    validFrom: '2023-01-01',
    validTo: '2023-06-30',
    dutyForms: ['egv', 'verwaltungsakt'],
    dutyStages: [
      { percent: 10, months: 1 },
      { percent: 20, months: 2 },
      { percent: 30, months: 3 },
    ],
    appointmentStages: [{ percent: 10, months: 1 }],
    repeatWithinMonths: 12,
    appointmentStopAfter: null,
    legalBasis: '§§ 31, 31a, 31b, 32 SGB II in der Fassung des Bürgergeld-Gesetzes vom 16.12.2022 (BGBl. I S. 2328)',
    sourceNote:
      'Bürgergeld-Gesetz, Leistungsminderungen in Kraft ab 01.01.2023: erste Pflichtverletzung 10 % für einen Monat, zweite 20 % für zwei Monate, jede weitere 30 % für drei Monate (§ 31a Abs. 1, § 31b Abs. 2 SGB II); wiederholt ist eine Pflichtverletzung nur, wenn der vorangegangene Minderungszeitraum vor weniger als einem Jahr begann. Meldeversäumnis 10 % für einen Monat (§ 32 SGB II). Zusammen höchstens 30 % (§ 31a Abs. 4 SGB II). Die Eingliederungsvereinbarung (und ersatzweise der Verwaltungsakt) galt bis 30.06.2023 fort.' +
      CHECK_BEFORE_USE,
  },
  {
    code: 'buergergeld_kooperationsplan_2023',
    title: 'Bürgergeld mit Kooperationsplan (01.07.2023 bis 30.06.2026)',
    validFrom: '2023-07-01',
    validTo: '2026-06-30',
    dutyForms: ['request_with_notice', 'verwaltungsakt'],
    dutyStages: [
      { percent: 10, months: 1 },
      { percent: 20, months: 2 },
      { percent: 30, months: 3 },
    ],
    appointmentStages: [{ percent: 10, months: 1 }],
    repeatWithinMonths: 12,
    appointmentStopAfter: null,
    legalBasis: '§§ 15, 31, 31a, 31b, 32 SGB II in der Fassung des Bürgergeld-Gesetzes vom 16.12.2022 (BGBl. I S. 2328), ab 01.07.2023',
    sourceNote:
      'Ab 01.07.2023 ersetzt der Kooperationsplan die Eingliederungsvereinbarung. Er ist rechtlich nicht verbindlich; sein Inhalt allein ist nicht sanktionsbewehrt. Pflichten entstehen durch eine Aufforderung zur Mitwirkung mit Rechtsfolgenbelehrung (§ 15 SGB II) oder durch Verwaltungsakt. Stufen, Dauer und Meldeversäumnis wie ab 01.01.2023 (§§ 31a, 31b, 32 SGB II).' +
      CHECK_BEFORE_USE,
  },
  {
    code: 'grundsicherung_2026',
    title: 'Neue Grundsicherung (ab 01.07.2026)',
    validFrom: '2026-07-01',
    validTo: null,
    dutyForms: ['request_with_notice', 'verwaltungsakt'],
    dutyStages: [{ percent: 30, months: 3 }],
    appointmentStages: [{ percent: 30, months: 1 }],
    repeatWithinMonths: 12,
    appointmentStopAfter: 3,
    legalBasis:
      '§§ 31, 31a, 31b, 32 SGB II in der ab 01.07.2026 geltenden Fassung (Dreizehntes Gesetz zur Änderung des Zweiten Buches Sozialgesetzbuch – Neue Grundsicherung)',
    sourceNote:
      'Neue Grundsicherung ab 01.07.2026 (Stand des Gesetzgebungsverfahrens prüfen): Pflichtverletzung einheitlich 30 % des maßgebenden Regelbedarfs für drei Monate; Meldeversäumnis 30 % (hier für einen Monat); nach dem dritten Meldeversäumnis in Folge entfällt der Regelbedarf (Lotse rechnet 100 % des Regelbedarfs). Pflichten aus Aufforderung zur Mitwirkung mit Rechtsfolgenbelehrung oder Verwaltungsakt. Der Wegfall weiterer Leistungen (Unterkunft) bei fortgesetzter Nichterreichbarkeit ist nicht abgebildet.' +
      CHECK_BEFORE_USE,
  },
];

/** Whether two periods share a day (an open end runs forever). */
export function periodsOverlap(a: Pick<SanctionRule, 'validFrom' | 'validTo'>, b: Pick<SanctionRule, 'validFrom' | 'validTo'>): boolean {
  const aEndsBeforeB = a.validTo !== null && a.validTo < b.validFrom;
  const bEndsBeforeA = b.validTo !== null && b.validTo < a.validFrom;
  return !aEndsBeforeB && !bEndsBeforeA;
}

/** The first rule (other than `exceptId`) whose period overlaps `candidate`'s, or undefined. */
export function overlappingRule<R extends Pick<SanctionRule, 'id' | 'validFrom' | 'validTo'>>(
  rules: readonly R[],
  candidate: Pick<SanctionRule, 'validFrom' | 'validTo'>,
  exceptId?: string,
): R | undefined {
  return rules.find((rule) => rule.id !== exceptId && periodsOverlap(rule, candidate));
}

/** The stage a repetition reaches under a rule (the last stage repeats). */
export function stageOf(rule: Pick<SanctionRule, 'dutyStages' | 'appointmentStages'>, kind: BreachKind, repetition: number): SanctionStage {
  const stages = kind === 'duty_breach' ? rule.dutyStages : rule.appointmentStages;
  return stages[Math.min(Math.max(1, repetition), stages.length) - 1] ?? { percent: 0, months: 0 };
}

/** An earlier decided sanction of the person, as far as the repetition of a later one depends on it. */
export interface EarlierSanction {
  kind: BreachKind;
  breachOn: string;
  importantReasonAccepted: boolean | null;
  outcome: 'reduce' | 'no_reduction' | null;
  repetition: number | null;
  startsOn: string | null;
  /** The rule it was decided under (its snapshot). */
  rule: Pick<SanctionRule, 'dutyStages' | 'appointmentStages'>;
}

/**
 * The dates `reductionFor` counts repetitions by: the start of every earlier reduction of the kind
 * (§ 31a Abs. 1 SGB II: "Beginn des vorangegangenen Minderungszeitraums"), and the breach date of an
 * earlier breach that was established (no important reason) but gave no reduction only because the
 * rule's stage was 0 % – the first missed appointment of the moratorium, which made the next one a
 * repeated one (§ 84 Abs. 2 SGB II). A breach excused, or spared for hardship, does not count.
 */
export function earlierBreachDates(kind: BreachKind, earlier: readonly EarlierSanction[]): string[] {
  const dates: string[] = [];
  for (const s of earlier) {
    if (s.kind !== kind || s.importantReasonAccepted !== false) continue;
    if (s.outcome === 'reduce' && s.startsOn) dates.push(s.startsOn);
    else if (s.outcome === 'no_reduction' && s.repetition !== null && stageOf(s.rule, kind, s.repetition).percent === 0)
      dates.push(s.breachOn);
  }
  return dates.sort();
}

/** An appointment the person was invited to (with notice), and whether it was missed. */
export interface AppointmentRecord {
  appointmentOn: string;
  /** true: a missed appointment was established (no important reason); false: kept (no breach recorded); null: open or excused. */
  missed: boolean | null;
}

/**
 * How many missed appointments came in a row right before `breachOn`: counted back from the latest
 * earlier appointment until one that was kept. Open or excused ones neither count nor break the row.
 */
export function consecutiveMissedBefore(breachOn: string, appointments: readonly AppointmentRecord[]): number {
  const before = appointments.filter((a) => a.appointmentOn < breachOn).sort((a, b) => b.appointmentOn.localeCompare(a.appointmentOn));
  let count = 0;
  for (const a of before) {
    if (a.missed === false) break;
    if (a.missed === true) count++;
  }
  return count;
}
