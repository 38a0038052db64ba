/**
 * The agreement that concludes the help plan (SPEC C5). Which kind it is and what follows when no
 * agreement is reached depends on the law of the date it is agreed: those rules come from the
 * versioned rule table `agreement_rules` (seeded by migration), never from constants here. This
 * module only chooses among the rows and checks the content.
 */

export const AGREEMENT_KINDS = ['egv', 'kooperationsplan', 'verwaltungsakt'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export const AGREEMENT_KIND_LABELS_DE: Record<AgreementKind, string> = {
  egv: 'Eingliederungsvereinbarung',
  kooperationsplan: 'Kooperationsplan',
  verwaltungsakt: 'Eingliederungsverwaltungsakt / Bescheid',
};

/** One row of the rule table: the law that applies to agreements made from `validFrom` to `validTo`. */
export interface AgreementRule {
  id: string;
  code: string;
  title: string;
  validFrom: string;
  validTo: string | null;
  /** Kind of the document when person and Jobcenter agree. */
  agreedKind: AgreementKind;
  /** Kind when no agreement is reached; null when the law provides no replacement (then: disputeProcedure). */
  fallbackKind: AgreementKind | null;
  legallyBinding: boolean;
  /** Whether a breach of a duty in the document itself can lead to a sanction. */
  dutiesSanctionable: boolean;
  /** Procedure when the plan is disputed (e.g. Schlichtungsverfahren § 15a SGB II), or null. */
  disputeProcedure: string | null;
  /** Longest validity before the document must be reviewed, in months. */
  reviewWithinMonths: number;
  legalBasis: string;
  /** Text printed on the document: what happens where no agreement is reached. */
  noAgreementText: string;
  /** Where the rule comes from (law, date of the gazette), for the administrators who maintain it. */
  sourceNote: string;
}

/** The rule in force on `date` (ISO), or undefined when the table has none. */
export function agreementRuleFor<R extends Pick<AgreementRule, 'validFrom' | 'validTo'>>(rules: readonly R[], date: string): R | undefined {
  return rules.find((rule) => rule.validFrom <= date && (rule.validTo === null || date <= rule.validTo));
}

/** Kind of the document under `rule`, depending on whether the person agreed. */
export function agreementKindFor(rule: AgreementRule, reached: boolean): AgreementKind | null {
  return reached ? rule.agreedKind : rule.fallbackKind;
}

/** Latest allowed review date: the agreed date plus the rule's review period. */
export function latestReviewDate(rule: Pick<AgreementRule, 'reviewWithinMonths'>, agreedOn: string): string {
  const [year, month, day] = agreedOn.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + rule.reviewWithinMonths, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

export const DUTY_KINDS = [
  'applications',
  'appointments',
  'measure_participation',
  'counselling_attendance',
  'documents',
  'availability',
  'other',
] as const;
export type DutyKind = (typeof DUTY_KINDS)[number];
export const DUTY_KIND_LABELS_DE: Record<DutyKind, string> = {
  applications: 'Bewerbungsbemühungen',
  appointments: 'Termine wahrnehmen',
  measure_participation: 'Teilnahme an einer Maßnahme',
  counselling_attendance: 'Beratungsangebot wahrnehmen',
  documents: 'Unterlagen vorlegen',
  availability: 'Erreichbarkeit',
  other: 'Sonstiges',
};

export interface AgreementItem {
  text: string;
  /** Plan goal this duty or commitment serves. */
  goalId: string | null;
}
export interface AgreementDuty extends AgreementItem {
  kind: DutyKind;
}

/**
 * A consent to pass data to a provider (Schweigepflichtentbindung) must stay voluntary (SPEC C5, C8;
 * seed 001 IV.3.1): it can never be a duty. Recognises the usual wordings of such a duty.
 */
const COMPULSORY_CONSENT = [
  /schweigepflicht/i,
  // "entbinden", "entbindet", "Entbindungserklärung" – but not "Entbindung" (childbirth), e.g. "nach der Entbindung".
  /entbind(?!ung(?!serklärung))/i,
  /einwillig/i,
  /daten(weitergabe|übermittlung|austausch)/i,
  // No \b next to "ü": without the u flag JavaScript's \b only knows ASCII letters, so "\bübermitteln" never matched.
  /\bdaten\b.{0,40}(weiter(zu)?geben|übermitteln|weiter(zu)?leiten)/i,
  /(weitergabe|übermittlung)\b.{0,40}\bdaten/i,
];

export function isCompulsoryConsentDuty(duty: Pick<AgreementDuty, 'text'>): boolean {
  return COMPULSORY_CONSENT.some((pattern) => pattern.test(duty.text));
}

export interface AgreementContent {
  kind: AgreementKind;
  agreedOn: string;
  validUntil: string;
  reviewOn: string;
  duties: AgreementDuty[];
  commitments: AgreementItem[];
  personalOffer: string | null;
  notes: string | null;
}

export interface AgreementChange {
  field: 'kind' | 'agreedOn' | 'validUntil' | 'reviewOn' | 'duty' | 'commitment' | 'personalOffer' | 'notes';
  change: 'added' | 'removed' | 'changed';
  before: string | null;
  after: string | null;
  /** German sentence for the comparison view. */
  description: string;
}

const FIELD_LABELS_DE: Record<AgreementChange['field'], string> = {
  kind: 'Art',
  agreedOn: 'Datum der Vereinbarung',
  validUntil: 'Gültig bis',
  reviewOn: 'Überprüfung am',
  duty: 'Pflicht der Person',
  commitment: 'Leistung des Jobcenters',
  personalOffer: 'Persönliches Angebot',
  notes: 'Hinweise',
};

function itemLabel(item: AgreementItem | AgreementDuty): string {
  return 'kind' in item ? `${DUTY_KIND_LABELS_DE[item.kind]}: ${item.text}` : item.text;
}

function listChanges(field: 'duty' | 'commitment', before: AgreementItem[], after: AgreementItem[]): AgreementChange[] {
  const label = FIELD_LABELS_DE[field];
  const beforeTexts = before.map(itemLabel);
  const afterTexts = after.map(itemLabel);
  const removed = beforeTexts.filter((text) => !afterTexts.includes(text));
  const added = afterTexts.filter((text) => !beforeTexts.includes(text));
  return [
    ...removed.map((text) => ({ field, change: 'removed' as const, before: text, after: null, description: `${label} entfällt: ${text}` })),
    ...added.map((text) => ({ field, change: 'added' as const, before: null, after: text, description: `${label} neu: ${text}` })),
  ];
}

/** What changed from one version to the next, in the order a reader checks a document. */
export function compareAgreements(before: AgreementContent, after: AgreementContent): AgreementChange[] {
  const changes: AgreementChange[] = [];
  const scalar = (field: 'kind' | 'agreedOn' | 'validUntil' | 'reviewOn' | 'personalOffer' | 'notes', show: (v: string) => string) => {
    const a = before[field];
    const b = after[field];
    if (a === b) return;
    const label = FIELD_LABELS_DE[field];
    const change = a === null ? 'added' : b === null ? 'removed' : 'changed';
    const description =
      change === 'added'
        ? `${label} neu: ${show(b as string)}`
        : change === 'removed'
          ? `${label} entfällt (bisher: ${show(a as string)})`
          : `${label}: ${show(a as string)} → ${show(b as string)}`;
    changes.push({ field, change, before: a, after: b, description });
  };
  const date = (iso: string) => iso.split('-').reverse().join('.');
  scalar('kind', (kind) => AGREEMENT_KIND_LABELS_DE[kind as AgreementKind] ?? kind);
  scalar('agreedOn', date);
  scalar('validUntil', date);
  scalar('reviewOn', date);
  changes.push(...listChanges('duty', before.duties, after.duties));
  changes.push(...listChanges('commitment', before.commitments, after.commitments));
  scalar('personalOffer', (v) => v);
  scalar('notes', (v) => v);
  return changes;
}
