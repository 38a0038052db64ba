/**
 * Sanctions (Leistungsminderungen, SPEC C16) in the § 51b delivery, in the shape of XSozial-BA-SGB II
 * Modul 8: which sanction is reported in which month, what its record carries, and why it cannot
 * be reported. The records travel in the same file as Modul 13 (docs/statistics.md).
 *
 * The official record description of Modul 8 is not available to the project either. The issue
 * names what the module holds (start, end, amount and reason); element names and codes below are
 * the project's OWN mapping of that, like MODUL13_FIELDS. A conversion to the official interface has
 * to start from this table.
 */

import { CUSTOMER_NUMBER_PATTERN, MODUL13_SEX_CODES, type Modul13Field, type Modul13Issue, monthOf } from './modul13';
import type { Sex } from './person';
import { BREACH_KIND_LABELS_DE, type BreachKind, DUTY_FORM_LABELS_DE, type DutyForm } from './sanctions';

/** Grund/Art per breach kind (ASCII like the other codes of the file). */
export const MODUL8_REASON_CODES: Readonly<Record<BreachKind, string>> = {
  duty_breach: 'Pflichtverletzung',
  missed_appointment: 'Meldeversaeumnis',
};

/** Grund/Pflichtform: the form in which the breached duty was set (the XSD enumerates the same codes). */
export const MODUL8_DUTY_FORM_CODES: Readonly<Record<DutyForm, string>> = {
  egv: 'EGV',
  verwaltungsakt: 'VA',
  request_with_notice: 'AMR',
  appointment_invitation: 'MEL',
};

/** Sanctions in these states carry a decision that has been taken (and possibly handed to benefits processing). */
export const MODUL8_REPORTED_STATUSES: readonly string[] = ['decided', 'handed_off'];

/** THE field mapping of a `Leistungsminderung` record (project's own). docs/statistics.md renders exactly this table. */
export const MODUL8_FIELDS: readonly Modul13Field[] = [
  {
    element: 'Schluessel',
    kennziffer: null,
    label: 'Schlüssel der Leistungsminderung',
    source: 'ID der Leistungsminderung (Sanktion) in Lotse',
    rule: 'stabil über alle Lieferungen; Grundlage der Korrekturen',
    required: true,
  },
  {
    element: 'Berichtsmonat',
    kennziffer: null,
    label: 'Berichtsmonat',
    source: 'Monat des Beginns der Minderung',
    rule: 'eine Leistungsminderung erscheint einmal, im Monat ihres Beginns; nur entschiedene Minderungen (Entscheidung „mindern“, Status entschieden oder übergeben)',
    required: true,
  },
  {
    element: '@Korrektur',
    kennziffer: null,
    label: 'Korrekturkennzeichen',
    source: 'Vergleich mit dem Lieferprotokoll (Art `modul8`)',
    rule: '`true` für nachgereichte oder geänderte Sätze eines bereits gelieferten Monats; zurückgenommene Minderungen als `Storno Satzart="Leistungsminderung"`',
    required: false,
  },
  {
    element: 'Person/Kundennummer',
    kennziffer: null,
    label: 'Kundennummer',
    source: 'Person der Leistungsminderung: Kundennummer',
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
    element: 'Grund/Art',
    kennziffer: null,
    label: 'Grund der Minderung',
    source: 'Art der Pflichtverletzung der Sanktion',
    rule: '`Pflichtverletzung` (§ 31 SGB II) oder `Meldeversaeumnis` (§ 32 SGB II)',
    required: true,
  },
  {
    element: 'Grund/Pflichtform',
    kennziffer: null,
    label: 'Form der Pflicht',
    source: 'Form, in der die verletzte Pflicht festgelegt wurde',
    rule: 'Schlüssel laut Tabelle „Pflichtformen“',
    required: true,
  },
  {
    element: 'Beginn',
    kennziffer: null,
    label: 'Beginn der Minderung',
    source: 'Sanktion: Beginn des Minderungszeitraums (Kalendermonat nach der Entscheidung, § 31b Abs. 1 SGB II)',
    rule: 'liegt in der Zukunft → abgewiesen',
    required: true,
  },
  {
    element: 'Ende',
    kennziffer: null,
    label: 'Ende der Minderung',
    source: 'Sanktion: Ende des Minderungszeitraums',
    rule: 'fehlt oder liegt vor dem Beginn → abgewiesen',
    required: true,
  },
  {
    element: 'Minderungsbetrag',
    kennziffer: null,
    label: 'Minderungsbetrag monatlich',
    source: 'Sanktion: monatlicher Betrag der Minderung (in Lotse in Cent gespeichert)',
    rule: 'Euro mit zwei Nachkommastellen, Attribut `Einheit="EUR"`; fehlt → abgewiesen',
    required: true,
  },
  {
    element: 'Prozent',
    kennziffer: null,
    label: 'Minderung in Prozent',
    source: 'Sanktion: Prozent des maßgebenden Regelbedarfs',
    rule: '0–100; fehlt → abgewiesen',
    required: true,
  },
  {
    element: 'VollstaendigerWegfall',
    kennziffer: null,
    label: 'Vollständiger Wegfall',
    source: 'Sanktion: Regelbedarf entfällt vollständig (wiederholte Meldeversäumnisse nach dem Recht ab 01.07.2026)',
    rule: '`true` oder `false`',
    required: true,
  },
  {
    element: 'Nachsatz/AnzahlLeistungsminderungen',
    kennziffer: null,
    label: 'Anzahl Leistungsminderungen',
    source: 'gezählt beim Schreiben',
    rule: 'Sätze `Leistungsminderung` der Datei (mit Korrekturen, ohne Stornos); in `AnzahlSaetze`, `AnzahlKorrekturen`, `AnzahlStornos` mitgezählt',
    required: true,
  },
];

const cell = (s: string) => s.replaceAll('|', '\\|');

/** The field table as Markdown, exactly as docs/statistics.md shows it (a test compares them). */
export function modul8FieldTableMarkdown(): string {
  return [
    '| Element | Bedeutung | Quelle in Lotse | Regel | Pflicht |',
    '| --- | --- | --- | --- | --- |',
    ...MODUL8_FIELDS.map(
      (f) => `| \`${f.element}\` | ${cell(f.label)} | ${cell(f.source)} | ${cell(f.rule)} | ${f.required ? 'ja' : 'nein'} |`,
    ),
  ].join('\n');
}

/** The duty form codes as Markdown (docs/statistics.md). */
export function modul8DutyFormTableMarkdown(): string {
  return [
    '| Pflichtform (Lotse) | Schlüssel | Bezeichnung |',
    '| --- | --- | --- |',
    ...Object.entries(MODUL8_DUTY_FORM_CODES).map(
      ([form, code]) => `| \`${form}\` | \`${code}\` | ${DUTY_FORM_LABELS_DE[form as DutyForm]} |`,
    ),
  ].join('\n');
}

// ——— records ———

/** What the export reads about one sanction. */
export interface Modul8SanctionFacts {
  sanctionId: string;
  status: string;
  decision: string | null;
  kind: BreachKind;
  dutyForm: string;
  startsOn: string | null;
  endsOn: string | null;
  amountCents: number | null;
  reductionPercent: number | null;
  fullStop: boolean;
  person: { id: string; customerNumber: string | null; birthDate: string | null; sex: string };
}

export interface Modul8Record {
  key: string;
  reportMonth: string;
  customerNumber: string;
  birthDate: string;
  sex: string;
  reason: string;
  dutyForm: string;
  beginOn: string;
  endOn: string;
  amountCents: number;
  percent: number;
  fullStop: boolean;
}

export type Modul8Outcome = { record: Modul8Record; errors: [] } | { record: null; errors: Modul13Issue[] };

/**
 * The month a sanction is reported in: the month its reduction starts, once the reduction is
 * decided. Null for anything else — still open, no reduction, withdrawn — so that a delivered
 * record of a sanction withdrawn since is cancelled.
 */
export function modul8ReportMonthOf(facts: Pick<Modul8SanctionFacts, 'status' | 'decision' | 'startsOn'>): string | null {
  if (facts.decision !== 'reduce' || !MODUL8_REPORTED_STATUSES.includes(facts.status) || !facts.startsOn) return null;
  return monthOf(facts.startsOn);
}

const de = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** The record of a decided reduction in its start month, or the reasons it cannot be reported. */
export function modul8Record(facts: Modul8SanctionFacts, context: { today: string }): Modul8Outcome {
  const reportMonth = modul8ReportMonthOf(facts);
  if (!reportMonth || !facts.startsOn) throw new Error(`sanction ${facts.sanctionId} is not reported`);
  const beginOn = facts.startsOn;
  const errors: Modul13Issue[] = [];

  const customerNumber = facts.person.customerNumber?.trim() ?? '';
  if (!customerNumber) errors.push({ code: 'customer_number_missing', message: 'Keine Kundennummer erfasst.' });
  else if (!CUSTOMER_NUMBER_PATTERN.test(customerNumber))
    errors.push({ code: 'customer_number_malformed', message: 'Die Kundennummer hat nicht das Format 123D456789.' });
  const birthDate = facts.person.birthDate;
  if (!birthDate) errors.push({ code: 'birth_date_missing', message: 'Kein Geburtsdatum erfasst.' });
  else if (birthDate > beginOn)
    errors.push({ code: 'birth_after_begin', message: `Das Geburtsdatum (${de(birthDate)}) liegt nach dem Beginn (${de(beginOn)}).` });

  const dutyForm = MODUL8_DUTY_FORM_CODES[facts.dutyForm as DutyForm];
  if (!dutyForm) errors.push({ code: 'duty_form_unknown', message: `Die Pflichtform „${facts.dutyForm}“ hat keinen Schlüssel.` });
  if (beginOn > context.today) errors.push({ code: 'begin_in_future', message: `Der Beginn (${de(beginOn)}) liegt in der Zukunft.` });
  if (!facts.endsOn) errors.push({ code: 'end_missing', message: 'Kein Ende der Minderung erfasst.' });
  else if (facts.endsOn < beginOn)
    errors.push({ code: 'end_before_begin', message: `Das Ende (${de(facts.endsOn)}) liegt vor dem Beginn (${de(beginOn)}).` });
  if (facts.amountCents === null) errors.push({ code: 'amount_missing', message: 'Kein Minderungsbetrag erfasst.' });
  if (facts.reductionPercent === null) errors.push({ code: 'percent_missing', message: 'Kein Minderungssatz (Prozent) erfasst.' });

  if (errors.length > 0 || !birthDate || !dutyForm || !facts.endsOn || facts.amountCents === null || facts.reductionPercent === null)
    return { record: null, errors };
  return {
    record: {
      key: facts.sanctionId,
      reportMonth,
      customerNumber,
      birthDate,
      sex: MODUL13_SEX_CODES[facts.person.sex as Sex] ?? 'x',
      reason: MODUL8_REASON_CODES[facts.kind],
      dutyForm,
      beginOn,
      endOn: facts.endsOn,
      amountCents: facts.amountCents,
      percent: facts.reductionPercent,
      fullStop: facts.fullStop,
    },
    errors: [],
  };
}

/** The content hash input of a record (compared with the delivery log; the correction marker is not content). */
export function modul8Content(record: Modul8Record): string {
  return [
    'modul8',
    record.key,
    record.reportMonth,
    record.customerNumber,
    record.birthDate,
    record.sex,
    record.reason,
    record.dutyForm,
    record.beginOn,
    record.endOn,
    record.amountCents,
    record.percent,
    record.fullStop,
  ].join('|');
}

/** Cents as euros with two decimals („168.90“), exactly: no floating point between the ledger and the file. */
export function euroDecimal(cents: number): string {
  if (!Number.isInteger(cents) || cents < 0) throw new Error(`not a non-negative amount of cents: ${cents}`);
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** The German label of a reason code (for the validation report). */
export function modul8ReasonLabel(code: string): string {
  const kind = (Object.keys(MODUL8_REASON_CODES) as BreachKind[]).find((k) => MODUL8_REASON_CODES[k] === code);
  return kind ? BREACH_KIND_LABELS_DE[kind] : code;
}
