/**
 * § 51b SGB II statistics delivery in the shape of XSozial-BA-SGB II Modul 13 „Förderleistungen“
 * (SPEC C13; seed 000 §9): which referral is a measure, what each record carries, when a record
 * cannot be reported and why, and which months a measure belongs to.
 *
 * The official record description of Modul 13 is not available to the project. Element names,
 * codes and the field table below are the project's OWN mapping, built from the seed's
 * description (core data person, begin, measure type, end; Kennziffern 13.5–13.7 as dates; 13.13
 * participation costs). A conversion to the official interface has to start from this table.
 */

import { addDays } from './case-file';
import { averageCostPerCase, sgb2Share } from './costs';
import type { Sex } from './person';

export const MODUL13_NAMESPACE = 'urn:lotse:xsozial:modul13:1';
export const MODUL13_SCHEMA_VERSION = '1';

/** A report month as 'YYYY-MM'. */
export const REPORT_MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
export const CUSTOMER_NUMBER_PATTERN = /^\d{3}D\d{6}$/;

/**
 * Measure type (Maßnahmeart) per service type. `null`: the service is no SGB II Förderleistung and
 * is not part of Modul 13 (language courses are BAMF courses, housing emergency aid is municipal
 * help outside § 16a). A service type missing from this table is rejected as "not mapped".
 */
export const MODUL13_MEASURE_TYPES: Readonly<Record<string, { code: string; label: string } | null>> = {
  childcare_care: { code: '16a-1', label: 'Kinderbetreuung / häusliche Pflege von Angehörigen (§ 16a Nr. 1 SGB II)' },
  debt_counselling: { code: '16a-2', label: 'Schuldnerberatung (§ 16a Nr. 2 SGB II)' },
  insolvency_counselling: { code: '16a-2', label: 'Schuldner- und Insolvenzberatung (§ 16a Nr. 2 SGB II)' },
  psychosocial_support: { code: '16a-3', label: 'Psychosoziale Betreuung (§ 16a Nr. 3 SGB II)' },
  addiction_counselling: { code: '16a-4', label: 'Suchtberatung (§ 16a Nr. 4 SGB II)' },
  sgb2_16d_work_opportunity: { code: '16d', label: 'Arbeitsgelegenheit (§ 16d SGB II)' },
  sgb2_16e_wage_subsidy: { code: '16e', label: 'Eingliederung von Langzeitarbeitslosen (§ 16e SGB II)' },
  sgb2_16i_social_participation: { code: '16i', label: 'Teilhabe am Arbeitsmarkt (§ 16i SGB II)' },
  sgb2_16k_health_coaching: { code: '16k', label: 'Ganzheitliche Betreuung (§ 16k SGB II)' },
  sgb3_45_activation: { code: '45-SGB3', label: 'Aktivierung und berufliche Eingliederung (§ 16 Abs. 1 SGB II i. V. m. § 45 SGB III)' },
  language_course: null,
  housing_support: null,
};

/** The distinct measure type codes (the XSD enumerates the same list; a test keeps them equal). */
export const MODUL13_MEASURE_TYPE_CODES: readonly string[] = [
  ...new Set(Object.values(MODUL13_MEASURE_TYPES).flatMap((t) => (t ? [t.code] : []))),
];

/** The label of a measure type code (the first service type's label where several share a code). */
export function modul13MeasureTypeLabel(code: string): string {
  return Object.values(MODUL13_MEASURE_TYPES).find((t) => t?.code === code)?.label ?? code;
}

export const MODUL13_SEX_CODES: Record<Sex, string> = { female: 'w', male: 'm', diverse: 'd', unspecified: 'x' };

export const MODUL13_END_REASONS = ['regulaer', 'abbruch', 'sonstiges'] as const;
export type Modul13EndReason = (typeof MODUL13_END_REASONS)[number];
export const MODUL13_END_REASON_LABELS_DE: Record<Modul13EndReason, string> = {
  regulaer: 'regulär beendet (Zuweisung abgeschlossen bzw. Betreuung beendet)',
  abbruch: 'abgebrochen',
  sonstiges: 'sonstiger Grund (nach Beginn nicht angetreten oder zurückgezogen)',
};

export const MODUL13_EVENTS = ['Zugang', 'Abgang', 'ZugangAbgang'] as const;
export type Modul13Event = (typeof MODUL13_EVENTS)[number];

export const MODUL13_COST_KINDS = ['Einzelfall', 'Durchschnitt'] as const;
export type Modul13CostKind = (typeof MODUL13_COST_KINDS)[number];

/** One row of the field mapping table (rendered into docs/statistics.md). */
export interface Modul13Field {
  /** XML element (path below `Massnahme`, or `Kopf/…`, `Nachsatz/…`). */
  element: string;
  /** Kennziffer as the project reads the seed; null where the seed names none. */
  kennziffer: string | null;
  label: string;
  source: string;
  rule: string;
  required: boolean;
}

/** THE field mapping (project's own; see the module comment). docs/statistics.md renders exactly this table. */
export const MODUL13_FIELDS: readonly Modul13Field[] = [
  {
    element: 'Kopf/Traeger',
    kennziffer: null,
    label: 'Träger',
    source: 'ID des Jobcenters (Mandant) in Lotse; dazu `Kopf/TraegerName`',
    rule: 'Kopfdatum, gilt für alle Sätze der Datei',
    required: true,
  },
  {
    element: 'Kopf/Berichtszeitraum',
    kennziffer: null,
    label: 'Berichtszeitraum',
    source: 'gelieferter Monat (JJJJ-MM) bzw. Jahr (JJJJ) der Jahresdatei',
    rule: 'Korrektursätze tragen ihren eigenen Berichtsmonat',
    required: true,
  },
  {
    element: 'Kopf/ErstelltAm',
    kennziffer: null,
    label: 'Erstellungsdatum',
    source: 'heutiges Datum (deutsche Zeit), ohne Uhrzeit',
    rule: 'ohne Uhrzeit, damit eine am selben Tag heruntergeladene Datei und die verbuchte Lieferung dieselbe Prüfsumme haben',
    required: true,
  },
  {
    element: 'Schluessel',
    kennziffer: null,
    label: 'Maßnahmeschlüssel',
    source: 'ID der Zuweisung; bei Kinderbetreuung „Zuweisungs-ID:Betreuungs-ID“',
    rule: 'stabil über alle Lieferungen; Grundlage der Korrekturen',
    required: true,
  },
  {
    element: 'Berichtsmonat',
    kennziffer: null,
    label: 'Berichtsmonat',
    source: 'Monat des Ereignisses (Zugang oder Abgang)',
    rule: 'eine Maßnahme erscheint im Monat ihres Beginns und im Monat ihres Endes',
    required: true,
  },
  {
    element: '@Korrektur',
    kennziffer: null,
    label: 'Korrekturkennzeichen',
    source: 'Vergleich mit dem Lieferprotokoll',
    rule: '`true` für nachgereichte oder geänderte Sätze eines bereits gelieferten Monats',
    required: false,
  },
  {
    element: 'Ereignis',
    kennziffer: null,
    label: 'Zugang/Abgang',
    source: 'Beginn bzw. Ende im Berichtsmonat',
    rule: '`Zugang`, `Abgang` oder `ZugangAbgang` (beides im selben Monat)',
    required: true,
  },
  {
    element: 'Person/Kundennummer',
    kennziffer: null,
    label: 'Kundennummer',
    source: 'Person: Kundennummer',
    rule: 'Format 123D456789, sonst abgewiesen; keine Namen in der Datei',
    required: true,
  },
  {
    element: 'Person/Geburtsdatum',
    kennziffer: null,
    label: 'Geburtsdatum',
    source: 'Person: Geburtsdatum',
    rule: 'fehlt oder liegt nach dem Beginn → abgewiesen',
    required: true,
  },
  {
    element: 'Person/Geschlecht',
    kennziffer: null,
    label: 'Geschlecht',
    source: 'Person: Geschlecht',
    rule: '`w`, `m`, `d`, `x` (ohne Angabe)',
    required: true,
  },
  {
    element: 'Massnahmeart',
    kennziffer: '13.3',
    label: 'Maßnahmeart',
    source: 'Leistungsart des Angebots',
    rule: 'Schlüssel laut Tabelle „Maßnahmearten“; Leistungsart ohne Zuordnung → abgewiesen',
    required: true,
  },
  {
    element: 'Beginn',
    kennziffer: '13.5',
    label: 'Beginn',
    source:
      'Zuweisung: Beginn; bei Angeboten mit Regel „erster Termin“ der erste wahrgenommene Termin, wenn früher oder ohne Beginn; bei Kinderbetreuung Beginn der Betreuung',
    rule: 'liegt in der Zukunft → abgewiesen',
    required: true,
  },
  {
    element: 'GeplantesEnde',
    kennziffer: '13.6',
    label: 'Geplantes Ende',
    source: 'Beginn + geplante Dauer des Angebots (Tage)',
    rule: 'ohne geplante Dauer leer; Warnung, keine Abweisung',
    required: false,
  },
  {
    element: 'TatsaechlichesEnde',
    kennziffer: '13.7',
    label: 'Tatsächliches Ende',
    source:
      'Zuweisung: Ende (Abschluss/Abbruch) bzw. Tag des Status „nicht angetreten“/„zurückgezogen“; bei Kinderbetreuung Ende der Betreuung, spätestens Ende der Zuweisung',
    rule: 'nur wenn bis zum Stichtag (Monatsende, höchstens heute) eingetreten; vor dem Beginn → abgewiesen',
    required: false,
  },
  {
    element: 'Beendigungsgrund',
    kennziffer: null,
    label: 'Beendigungsgrund',
    source: 'Status der Zuweisung',
    rule: '`regulaer` (abgeschlossen, Betreuung beendet), `abbruch` (abgebrochen), `sonstiges` (nicht angetreten, zurückgezogen); nur mit Ende',
    required: false,
  },
  {
    element: 'Teilnahmekosten',
    kennziffer: '13.13',
    label: 'Teilnahmekosten (Cent)',
    source:
      'Einzelfall: Summe der abgerechneten Kosten der Zuweisung bis zum Berichtsmonat, bei Kinderbetreuung gleichmäßig auf die Betreuungen verteilt; pauschal (institutionell) finanziert: Durchschnittskosten pro Fall des Vorjahres',
    rule: 'ganze Cent; Attribut `Art` = `Einzelfall` oder `Durchschnitt`; pauschal finanziert ohne Vorjahresbudget oder -fälle → abgewiesen',
    required: true,
  },
  {
    element: 'Nachsatz/AnzahlSaetze',
    kennziffer: null,
    label: 'Anzahl Sätze',
    source: 'gezählt beim Schreiben',
    rule: 'im Nachsatz statt im Kopf, weil die Datei in einem Durchgang gestreamt wird; dazu `AnzahlKorrekturen`, `AnzahlStornos`',
    required: true,
  },
];

/** The field table as Markdown, exactly as docs/statistics.md shows it (a test compares them). */
export function modul13FieldTableMarkdown(): string {
  const cell = (s: string) => s.replaceAll('|', '\\|');
  const lines = [
    '| Element | Kennziffer | Bedeutung | Quelle in Lotse | Regel | Pflicht |',
    '| --- | --- | --- | --- | --- | --- |',
    ...MODUL13_FIELDS.map(
      (f) =>
        `| \`${f.element}\` | ${f.kennziffer ?? '–'} | ${cell(f.label)} | ${cell(f.source)} | ${cell(f.rule)} | ${f.required ? 'ja' : 'nein'} |`,
    ),
  ];
  return lines.join('\n');
}

/** The measure type table as Markdown (docs/statistics.md). */
export function modul13MeasureTypeTableMarkdown(): string {
  return [
    '| Leistungsart (Lotse) | Maßnahmeart | Bezeichnung |',
    '| --- | --- | --- |',
    ...Object.entries(MODUL13_MEASURE_TYPES).map(([serviceType, type]) =>
      type ? `| \`${serviceType}\` | \`${type.code}\` | ${type.label} |` : `| \`${serviceType}\` | – | nicht Teil von Modul 13 |`,
    ),
  ].join('\n');
}

// ——— months ———

export function isReportMonth(value: string): boolean {
  return REPORT_MONTH_PATTERN.test(value);
}

/** 'YYYY-MM' of an ISO date. */
export function monthOf(isoDate: string): string {
  return isoDate.slice(0, 7);
}

export function firstDayOf(month: string): string {
  return `${month}-01`;
}

export function lastDayOf(month: string): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, mon, 0)).toISOString().slice(0, 10);
}

export function addMonths(month: string, delta: number): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(year, mon - 1 + delta, 1));
  return date.toISOString().slice(0, 7);
}

/** The months of a year up to (and including) `lastMonth`, for the year file. */
export function reportMonthsOfYear(year: number, lastMonth: string): string[] {
  const months: string[] = [];
  for (let m = 1; m <= 12; m++) {
    const month = `${year}-${String(m).padStart(2, '0')}`;
    if (month <= lastMonth) months.push(month);
  }
  return months;
}

// ——— measures ———

/** What the export reads about one referral (one batch row plus its arrangements and charges). */
export interface Modul13ReferralFacts {
  referralId: string;
  offerId: string;
  status: string;
  serviceType: string;
  financingModel: string;
  measureBeginRule: 'start' | 'first_appointment';
  plannedDurationDays: number | null;
  startedOn: string | null;
  endedOn: string | null;
  /** The date the referral entered its status, when that status is not_started or cancelled. */
  closedOn: string | null;
  /** The earliest appointment the provider reported as kept. */
  firstKeptAppointmentOn: string | null;
  person: { id: string; customerNumber: string | null; birthDate: string | null; sex: string };
  /** Childcare arrangements (one measure each). */
  arrangements: { id: string; beginsOn: string; endsOn: string | null }[];
  /** Charged amounts summed per service month (first day of the month). */
  charges: { serviceMonth: string; amountCents: number }[];
}

export interface Modul13Measure {
  key: string;
  referralId: string;
  arrangementId: string | null;
  beginOn: string;
  endOn: string | null;
  endReason: Modul13EndReason | null;
  /** Position among the referral's measures, to split its cost evenly. */
  share: { index: number; of: number };
}

/** The statistics begin of a referral (null: not begun, so no measure). */
export function referralBeginOf(
  facts: Pick<Modul13ReferralFacts, 'startedOn' | 'measureBeginRule' | 'firstKeptAppointmentOn'>,
): string | null {
  const appointment = facts.measureBeginRule === 'first_appointment' ? facts.firstKeptAppointmentOn : null;
  if (appointment && (!facts.startedOn || appointment < facts.startedOn)) return appointment;
  return facts.startedOn;
}

/** The end of a referral and its reason, from its status. */
export function referralEndOf(
  facts: Pick<Modul13ReferralFacts, 'status' | 'endedOn' | 'closedOn'>,
): { on: string; reason: Modul13EndReason } | null {
  if (facts.endedOn) return { on: facts.endedOn, reason: facts.status === 'dropped_out' ? 'abbruch' : 'regulaer' };
  if ((facts.status === 'not_started' || facts.status === 'cancelled') && facts.closedOn)
    return { on: facts.closedOn, reason: 'sonstiges' };
  return null;
}

/**
 * The measures of a referral: none when it has not begun (or its service is not part of Modul 13);
 * one per childcare arrangement (000 §9: "Für jede Kinderbetreuung ist jeweils eine Maßnahme zu
 * erfassen"), the referral itself when no arrangement is recorded. An arrangement ends with its own
 * end, at the latest with the referral's.
 */
export function measuresOf(facts: Modul13ReferralFacts): Modul13Measure[] {
  if (MODUL13_MEASURE_TYPES[facts.serviceType] === null) return [];
  const referralEnd = referralEndOf(facts);
  if (facts.serviceType === 'childcare_care' && facts.arrangements.length > 0) {
    const sorted = [...facts.arrangements].sort((a, b) => a.beginsOn.localeCompare(b.beginsOn) || a.id.localeCompare(b.id));
    return sorted.map((arrangement, index) => {
      const ownEnd = arrangement.endsOn;
      const byReferral = referralEnd !== null && (ownEnd === null || referralEnd.on < ownEnd);
      return {
        key: `${facts.referralId}:${arrangement.id}`,
        referralId: facts.referralId,
        arrangementId: arrangement.id,
        beginOn: arrangement.beginsOn,
        endOn: byReferral ? referralEnd.on : ownEnd,
        endReason: byReferral ? referralEnd.reason : ownEnd ? 'regulaer' : null,
        share: { index, of: sorted.length },
      };
    });
  }
  const begin = referralBeginOf(facts);
  if (!begin) return [];
  return [
    {
      key: facts.referralId,
      referralId: facts.referralId,
      arrangementId: null,
      beginOn: begin,
      endOn: referralEnd?.on ?? null,
      endReason: referralEnd?.reason ?? null,
      share: { index: 0, of: 1 },
    },
  ];
}

/**
 * The months a measure is reported in and its event there: the month of its begin (Zugang) and the
 * month of its end (Abgang), once the end has happened (an end after today is not yet an event).
 */
export function eventsOf(measure: Pick<Modul13Measure, 'beginOn' | 'endOn'>, today: string): Map<string, Modul13Event> {
  const events = new Map<string, Modul13Event>([[monthOf(measure.beginOn), 'Zugang']]);
  if (measure.endOn && measure.endOn <= today) {
    const month = monthOf(measure.endOn);
    events.set(month, events.has(month) ? 'ZugangAbgang' : 'Abgang');
  }
  return events;
}

/** Begun or running in the period: begin on or before its end, no end or an end on or after its start. */
export function measureRunsIn(measure: Pick<Modul13Measure, 'beginOn' | 'endOn'>, from: string, to: string): boolean {
  return measure.beginOn <= to && (measure.endOn === null || measure.endOn >= from);
}

/**
 * Participation cost of a flat-funded offer's case (000 §9: "Durchschnittskosten pro Fall auf der
 * Basis der Haushaltsvorjahresergebnisse"): the prior year's actual cost (the plan when no actual is
 * recorded), reduced to its SGB II share (the cases counted are the Jobcenter's only), divided by the
 * offer's measures begun or running in that year. Null when there is no budget or no case.
 */
export function modul13AverageCost(
  plan: { actualCostCents: number | null; plannedCostCents: number; sgb2SharePercent: number } | null,
  measureCount: number,
): number | null {
  if (!plan) return null;
  const budget = plan.actualCostCents ?? (plan.plannedCostCents > 0 ? plan.plannedCostCents : null);
  return averageCostPerCase(budget === null ? null : sgb2Share(budget, plan.sgb2SharePercent), measureCount);
}

/** One part of `total` split into `of` parts that differ by at most a cent and sum to `total`. */
export function evenShare(total: number, share: { index: number; of: number }): number {
  const base = Math.floor(total / share.of);
  return base + (share.index < total - base * share.of ? 1 : 0);
}

export interface Modul13Issue {
  code: string;
  message: string;
}

export interface Modul13Record {
  key: string;
  referralId: string;
  reportMonth: string;
  event: Modul13Event;
  customerNumber: string;
  birthDate: string;
  sex: string;
  measureType: string;
  beginOn: string;
  plannedEndOn: string | null;
  actualEndOn: string | null;
  endReason: Modul13EndReason | null;
  costCents: number;
  costKind: Modul13CostKind;
}

export type Modul13Outcome =
  | { record: Modul13Record; errors: []; warnings: Modul13Issue[] }
  | { record: null; errors: Modul13Issue[]; warnings: Modul13Issue[] };

const de = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

export interface Modul13RecordContext {
  today: string;
  /** For flat-funded offers: the prior year's average cost per case (null: not determinable). */
  averageCostCents: number | null;
}

/**
 * The record of a measure for one report month, or the reasons it cannot be reported. The record
 * shows the measure as of the month's last day (at most today): an end after that day is not yet
 * shown, costs count the service months up to the report month.
 */
export function modul13Record(
  facts: Modul13ReferralFacts,
  measure: Modul13Measure,
  reportMonth: string,
  context: Modul13RecordContext,
): Modul13Outcome {
  const errors: Modul13Issue[] = [];
  const warnings: Modul13Issue[] = [];
  const event = eventsOf(measure, context.today).get(reportMonth);
  if (!event) throw new Error(`measure ${measure.key} has no event in ${reportMonth}`);
  const asOf = [lastDayOf(reportMonth), context.today].sort()[0] as string;

  const customerNumber = facts.person.customerNumber?.trim() ?? '';
  if (!customerNumber) errors.push({ code: 'customer_number_missing', message: 'Keine Kundennummer erfasst.' });
  else if (!CUSTOMER_NUMBER_PATTERN.test(customerNumber))
    errors.push({ code: 'customer_number_malformed', message: 'Die Kundennummer hat nicht das Format 123D456789.' });
  const birthDate = facts.person.birthDate;
  if (!birthDate) errors.push({ code: 'birth_date_missing', message: 'Kein Geburtsdatum erfasst.' });
  else if (birthDate > measure.beginOn)
    errors.push({
      code: 'birth_after_begin',
      message: `Das Geburtsdatum (${de(birthDate)}) liegt nach dem Beginn (${de(measure.beginOn)}).`,
    });

  const type = MODUL13_MEASURE_TYPES[facts.serviceType];
  if (!type)
    errors.push({ code: 'measure_type_unknown', message: `Die Leistungsart „${facts.serviceType}“ ist keiner Maßnahmeart zugeordnet.` });
  if (measure.beginOn > context.today)
    errors.push({ code: 'begin_in_future', message: `Der Beginn (${de(measure.beginOn)}) liegt in der Zukunft.` });
  if (measure.endOn && measure.endOn < measure.beginOn)
    errors.push({ code: 'end_before_begin', message: `Das Ende (${de(measure.endOn)}) liegt vor dem Beginn (${de(measure.beginOn)}).` });

  let costCents = 0;
  let costKind: Modul13CostKind = 'Einzelfall';
  if (facts.financingModel === 'institutional') {
    costKind = 'Durchschnitt';
    if (context.averageCostCents === null) {
      errors.push({
        code: 'cost_not_determinable',
        message: `Keine Teilnahmekosten bestimmbar: Das Angebot ist pauschal finanziert, für ${Number(reportMonth.slice(0, 4)) - 1} fehlen Budget oder Fälle.`,
      });
    } else costCents = context.averageCostCents;
  } else {
    const until = firstDayOf(reportMonth);
    const total = facts.charges.filter((c) => c.serviceMonth <= until).reduce((sum, c) => sum + c.amountCents, 0);
    costCents = evenShare(total, measure.share);
    if (total === 0)
      warnings.push({ code: 'no_charges_yet', message: 'Bis zum Berichtsmonat sind keine Kosten abgerechnet; gemeldet werden 0 €.' });
  }

  if (facts.plannedDurationDays === null)
    warnings.push({
      code: 'planned_duration_missing',
      message: 'Am Angebot ist keine geplante Dauer hinterlegt; das geplante Ende (13.6) bleibt leer.',
    });
  if (facts.serviceType === 'childcare_care' && measure.arrangementId === null)
    warnings.push({
      code: 'childcare_without_arrangement',
      message: 'Kinderbetreuung ohne erfasste Betreuung: als eine Maßnahme der Zuweisung gemeldet.',
    });

  if (errors.length > 0 || !type || !birthDate) return { record: null, errors, warnings };
  const ended = measure.endOn !== null && measure.endOn <= asOf;
  return {
    record: {
      key: measure.key,
      referralId: measure.referralId,
      reportMonth,
      event,
      customerNumber,
      birthDate,
      sex: MODUL13_SEX_CODES[facts.person.sex as Sex] ?? 'x',
      measureType: type.code,
      beginOn: measure.beginOn,
      plannedEndOn: facts.plannedDurationDays === null ? null : addDays(measure.beginOn, facts.plannedDurationDays),
      actualEndOn: ended ? measure.endOn : null,
      endReason: ended ? measure.endReason : null,
      costCents,
      costKind,
    },
    errors: [],
    warnings,
  };
}

/**
 * The record's content in a fixed order, the input of the content hash that detects changes
 * against the delivery log. The correction marker is not content.
 */
export function modul13Content(record: Modul13Record): string {
  return [
    record.key,
    record.reportMonth,
    record.event,
    record.customerNumber,
    record.birthDate,
    record.sex,
    record.measureType,
    record.beginOn,
    record.plannedEndOn ?? '',
    record.actualEndOn ?? '',
    record.endReason ?? '',
    record.costCents,
    record.costKind,
  ].join('|');
}
