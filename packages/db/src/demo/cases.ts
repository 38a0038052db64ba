import {
  type AgreementKind,
  type CaseAction,
  type CasePriority,
  type CaseStatus,
  CLOSING_OUTCOMES,
  type ClosingOutcome,
  type ContactKind,
  DEFAULT_CONTACT_DENSITY_DAYS,
  DEFAULT_INDICATION_RULE,
  type DutyKind,
  type IndicationRule,
  type IndicatorSource,
  indicationMet,
  LIFE_AREAS,
  type LifeArea,
  latestReviewDate,
  type ResourceCategory,
  type SubGoalOwnerKind,
  type SubGoalStatus,
} from '@lotse/domain';
import { dayOf, daysFromCivil, isoOf, PAD2 } from './days';
import { cumulative, pickWeighted, type Sfc32, seededRng, uuidV4 } from './prng';

/**
 * Demo case files (SPEC C2–C5, C9, C11): for a tenant's persons, cases in every state of the lifecycle
 * with barriers, resources, help plan, agreement versions under the law of their date, ratings over
 * time, contacts and follow-ups. Pure and deterministic: the same inputs give the same rows; the
 * loader (demo-cases-load.ts) reads the inputs from the database and writes the rows in bulk.
 *
 * Every case is built along its own timeline (open → indicate → … → current status), so each row obeys
 * the lifecycle gates at the time of its transition: a baseline rating exists before the assessment
 * ends, every active barrier is ordered, an agreement is created after planning was entered and
 * before implementation starts, a closing rating precedes the close.
 */

// ---------------------------------------------------------------------------------------------
// Input and output

export interface DemoCasePerson {
  id: string;
  /** ISO yyyy-mm-dd. */
  birthDate: string;
  singleParent?: boolean;
  refugee?: boolean;
  severeDisability?: boolean;
  interpreterNeeded?: boolean;
}

export interface DemoCaseBarrierType {
  id: string;
  code: string;
  phase: string;
}

/** The columns of `agreement_rules` the generator needs (SPEC C5). */
export interface DemoCaseAgreementRule {
  id: string;
  code: string;
  validFrom: string;
  validTo: string | null;
  agreedKind: AgreementKind;
  fallbackKind: AgreementKind | null;
  reviewWithinMonths: number;
}

export interface GenerateCasesOptions {
  seed: string;
  tenantIndex: number;
  /** ISO date "today": nothing happens after it, work lists are computed against it. */
  referenceDate: string;
  /** The tenant's persons in a deterministic order; only those aged 18–64 on the reference date get a case. */
  persons: readonly DemoCasePerson[];
  /** Active entries of the tenant's barrier catalogue. */
  barrierTypes: readonly DemoCaseBarrierType[];
  agreementRules: readonly DemoCaseAgreementRule[];
  /** Users with the role case_manager; the first one is the demo login and gets 40–60 cases. */
  caseManagerIds: readonly string[];
  /** Default: {@link defaultDemoCaseCount} of the eligible persons. */
  caseCount?: number;
  /** The tenant's contact density per priority (tenant_case_rules). */
  densityDays?: Record<CasePriority, number>;
  indicationRule?: IndicationRule;
}

export interface DemoCase {
  id: string;
  personId: string;
  status: CaseStatus;
  priority: CasePriority;
  caseManagerId: string;
  contactDensityDays: number | null;
  willingToCooperate: boolean | null;
  openedOn: string;
  closedOn: string | null;
  aftercareUntil: string | null;
  /** ISO timestamp (UTC): when the current status was entered. */
  statusSince: string;
  outcome: ClosingOutcome | null;
  retrospective: string | null;
  prospective: string | null;
  personParticipated: boolean | null;
  satisfaction: number | null;
  lastContactOn: string | null;
  nextContactDue: string;
  createdAt: string;
  updatedAt: string;
}

export interface DemoCaseTransition {
  id: string;
  caseId: string;
  at: string;
  actorId: string;
  action: CaseAction | 'open';
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  reason: string | null;
  indicationMet: boolean | null;
  indicationOverride: boolean;
}

export interface DemoCaseBarrier {
  id: string;
  caseId: string;
  barrierTypeId: string;
  code: string;
  severity: 'low' | 'medium' | 'high';
  recordedOn: string;
  recordedBy: string;
  priority: number | null;
  indicators: Array<{ source: IndicatorSource; note: string | null }>;
  note: string | null;
  status: 'active' | 'resolved';
  createdAt: string;
  updatedAt: string;
}

export interface DemoCaseResource {
  id: string;
  caseId: string;
  category: ResourceCategory;
  description: string;
  recordedOn: string;
  recordedBy: string;
  createdAt: string;
}

export interface DemoPlanGoal {
  id: string;
  caseId: string;
  title: string;
  description: string | null;
  status: 'active' | 'reached' | 'dropped';
  barrierIds: string[];
  createdAt: string;
  updatedAt: string;
}

export interface DemoPlanSubGoal {
  id: string;
  caseId: string;
  goalId: string;
  title: string;
  ownerKind: SubGoalOwnerKind;
  ownerNote: string | null;
  dueOn: string;
  status: SubGoalStatus;
  reviewNote: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface DemoAgreementDuty {
  kind: DutyKind;
  text: string;
  goalId: string | null;
}

export interface DemoAgreementVersion {
  id: string;
  caseId: string;
  versionNo: number;
  ruleId: string;
  kind: AgreementKind;
  reached: boolean;
  agreedOn: string;
  validUntil: string;
  reviewOn: string;
  duties: DemoAgreementDuty[];
  commitments: Array<{ text: string; goalId: string | null }>;
  personalOffer: string | null;
  notes: string | null;
  createdBy: string;
  createdAt: string;
}

export interface DemoCaseRating {
  id: string;
  caseId: string;
  occasion: 'baseline' | 'review' | 'closing';
  ratedOn: string;
  withPerson: boolean;
  ratedBy: string;
  scores: Array<{ area: LifeArea; score: number; comment: string | null }>;
  createdAt: string;
}

export interface DemoCaseContact {
  id: string;
  caseId: string;
  kind: ContactKind;
  occurredOn: string;
  summary: string;
  note: string | null;
  createdBy: string;
  createdAt: string;
}

export interface DemoFollowUp {
  id: string;
  caseId: string;
  title: string;
  dueOn: string;
  ownerId: string;
  doneOn: string | null;
  doneBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One case with everything that belongs to it. */
export interface DemoCaseFile {
  case: DemoCase;
  transitions: DemoCaseTransition[];
  barriers: DemoCaseBarrier[];
  resources: DemoCaseResource[];
  goals: DemoPlanGoal[];
  subGoals: DemoPlanSubGoal[];
  agreements: DemoAgreementVersion[];
  ratings: DemoCaseRating[];
  contacts: DemoCaseContact[];
  followUps: DemoFollowUp[];
}

/** Share of the persons aged 18–64 in case management; a demo tenant of any size gets at least 60 cases. */
export const DEMO_CASE_SHARE = 0.06;
export const MAX_DEMO_CASES = 20_000;
const MIN_DEMO_CASES = 60;

/** ≈ 6 % of the eligible persons, at least 60 (so that small demo tenants still show every state), at most 20,000. */
export function defaultDemoCaseCount(eligiblePersons: number): number {
  return Math.min(eligiblePersons, MAX_DEMO_CASES, Math.max(Math.round(eligiblePersons * DEMO_CASE_SHARE), MIN_DEMO_CASES));
}

/** Status mix of a Jobcenter's case management (open cases mostly in implementation). */
export const DEMO_STATUS_WEIGHTS: Readonly<Record<CaseStatus, number>> = {
  intake: 6,
  assessment: 8,
  planning: 8,
  implementation: 40,
  closing: 4,
  aftercare: 6,
  closed: 23,
  not_indicated: 5,
};

// ---------------------------------------------------------------------------------------------
// Dates as day numbers (./days.ts)

/** The day a person born on `birthDate` turns `years` (29 February → 1 March). */
function birthdayDay(birthDate: string, years: number): number {
  const y = Number(birthDate.slice(0, 4)) + years;
  const m = Number(birthDate.slice(5, 7));
  const d = Number(birthDate.slice(8, 10));
  return daysFromCivil(y, m, d);
}

/** Case management in the demo starts in January 2021, so agreements fall into all three legal periods. */
const FIRST_DAY = daysFromCivil(2021, 1, 4);

// ---------------------------------------------------------------------------------------------
// Themes: what a barrier means for goals, sub-goals, duties, commitments, contacts and ratings.

export type ThemeKey =
  | 'housing'
  | 'addiction'
  | 'mental'
  | 'debt'
  | 'family'
  | 'health'
  | 'legal'
  | 'language'
  | 'structure'
  | 'qualification'
  | 'mobility'
  | 'work';

export interface Theme {
  /** Order of treatment: stabilising themes (housing, addiction) come before work. */
  rank: number;
  goals: ReadonlyArray<{ title: string; description: string; codes?: readonly string[] }>;
  subGoals: ReadonlyArray<{ title: string; owner: SubGoalOwnerKind; ownerNote?: string }>;
  duties: ReadonlyArray<{ kind: DutyKind; text: string }>;
  commitments: readonly string[];
  followUps: readonly string[];
  contacts: readonly string[];
  indicatorSources: Partial<Record<IndicatorSource, number>>;
  areas: readonly LifeArea[];
  achievement: string;
  personalOffer: string;
}

const THEMES: Record<ThemeKey, Theme> = {
  housing: {
    rank: 1,
    goals: [
      {
        title: 'Wohnung sichern',
        description: 'Die Wohnung bleibt erhalten; Mietrückstände sind geklärt und die laufende Miete wird pünktlich gezahlt.',
        codes: ['housing_problems'],
      },
      {
        title: 'Eigene, passende Wohnung finden',
        description: 'Die Person lebt in einer eigenen Wohnung, die sie dauerhaft bezahlen kann.',
      },
    ],
    subGoals: [
      { title: 'Mietrückstände mit dem Vermieter klären und Ratenzahlung vereinbaren', owner: 'person' },
      { title: 'Antrag auf Übernahme der Mietschulden (§ 22 Abs. 8 SGB II) stellen', owner: 'person' },
      { title: 'Antrag auf Mietschuldenübernahme prüfen und entscheiden', owner: 'case_manager' },
      { title: 'Termin bei der Fachstelle Wohnungsnotfallhilfe wahrnehmen', owner: 'person' },
      { title: 'Wohnungsbewerbungen bei Wohnungsbaugesellschaften abgeben', owner: 'person' },
      { title: 'Wohnberechtigungsschein beantragen', owner: 'person' },
      { title: 'Begleitung bei der Wohnungssuche', owner: 'provider', ownerNote: 'Fachstelle Wohnungsnotfallhilfe' },
    ],
    duties: [
      {
        kind: 'documents',
        text: 'Sie legen das Kündigungsschreiben und die Aufstellung der Mietrückstände innerhalb von zwei Wochen vor.',
      },
      { kind: 'counselling_attendance', text: 'Sie nehmen die vereinbarten Termine bei der Fachstelle Wohnungsnotfallhilfe wahr.' },
      { kind: 'other', text: 'Sie zahlen die laufende Miete pünktlich oder beantragen die Direktzahlung an den Vermieter.' },
      {
        kind: 'other',
        text: 'Sie bewerben sich monatlich auf mindestens drei passende Wohnungsangebote und bringen die Nachweise zum nächsten Termin mit.',
      },
    ],
    commitments: [
      'Das Jobcenter prüft die Übernahme der Mietschulden als Darlehen (§ 22 Abs. 8 SGB II) innerhalb von zwei Wochen nach Eingang der Unterlagen.',
      'Das Jobcenter stellt den Kontakt zur Fachstelle Wohnungsnotfallhilfe her.',
      'Das Jobcenter zahlt die Miete auf Wunsch direkt an den Vermieter.',
      'Das Jobcenter sichert die Übernahme der Kosten für eine angemessene neue Wohnung zu, sobald ein Angebot vorliegt.',
    ],
    followUps: [
      'Entscheidung über Mietschuldenübernahme prüfen',
      'Rückmeldung der Fachstelle Wohnungsnotfallhilfe anfordern',
      'Nachweise zur Wohnungssuche anfordern',
      'Räumungstermin im Blick behalten – Stand beim Amtsgericht erfragen',
    ],
    contacts: [
      'Mietrückstände und Gespräch mit dem Vermieter besprochen',
      'Telefonat: Vermieter ist mit Ratenzahlung einverstanden',
      'Wohnungsangebote gemeinsam durchgesehen',
      'Stand der Wohnungssuche besprochen',
    ],
    indicatorSources: { payment_arrears: 3, document: 3, own_statement: 2, observation: 1 },
    areas: ['housing', 'finances_debt'],
    achievement: 'die Wohnsituation gesichert',
    personalOffer:
      'Begleitung durch die Fachstelle Wohnungsnotfallhilfe bei der Sicherung der Wohnung und der Suche nach einer passenden Wohnung.',
  },
  addiction: {
    rank: 2,
    goals: [
      {
        title: 'Suchtmittelkonsum verringern und Behandlung beginnen',
        description: 'Die Person nimmt regelmäßig Suchtberatung in Anspruch und beginnt eine passende Behandlung.',
      },
      { title: 'Abstinenz stabilisieren', description: 'Die Person lebt stabil ohne Suchtmittel und kennt Hilfen bei Rückfallgefahr.' },
    ],
    subGoals: [
      { title: 'Erstgespräch bei der Suchtberatungsstelle wahrnehmen', owner: 'person' },
      { title: 'Regelmäßige Termine bei der Suchtberatung (zweimal im Monat)', owner: 'person' },
      { title: 'Entgiftung beantragen und antreten', owner: 'person' },
      { title: 'Antrag auf Entwöhnungsbehandlung bei der Rentenversicherung stellen', owner: 'person' },
      { title: 'Kontakt zu einer Selbsthilfegruppe aufnehmen', owner: 'person' },
      { title: 'Zuweisung zur Suchtberatung nach § 16a SGB II veranlassen', owner: 'case_manager' },
      { title: 'Zwischenbericht zum Beratungsverlauf', owner: 'provider', ownerNote: 'Suchtberatungsstelle' },
    ],
    duties: [
      {
        kind: 'counselling_attendance',
        text: 'Sie nehmen mindestens zweimal im Monat einen Termin bei der Suchtberatungsstelle wahr und lassen sich die Teilnahme bestätigen.',
      },
      {
        kind: 'appointments',
        text: 'Sie vereinbaren innerhalb von zwei Wochen einen Termin bei Ihrer Hausarztpraxis zur Vorbereitung der Entgiftung.',
      },
      { kind: 'documents', text: 'Sie legen die Teilnahmebestätigungen der Suchtberatung jeweils zum nächsten Gesprächstermin vor.' },
      { kind: 'other', text: 'Sie besuchen einmal pro Woche eine Selbsthilfegruppe Ihrer Wahl.' },
    ],
    commitments: [
      'Das Jobcenter vermittelt einen Termin bei der Suchtberatungsstelle (§ 16a Nr. 4 SGB II).',
      'Das Jobcenter übernimmt die Fahrtkosten zu den Beratungsterminen.',
      'Das Jobcenter unterstützt bei der Antragstellung für eine Entwöhnungsbehandlung.',
      'Während einer stationären Behandlung ruhen die Bemühungen um Arbeit.',
    ],
    followUps: [
      'Teilnahmebestätigungen der Suchtberatung anfordern',
      'Nachfragen: Termin zur Entgiftung bestätigt?',
      'Rückmeldung der Suchtberatung einholen',
      'Stand Antrag Entwöhnungsbehandlung klären',
    ],
    contacts: [
      'Gespräch über Konsum und Motivation zur Behandlung',
      'Telefonat: Termin bei der Suchtberatung wahrgenommen',
      'Rückfall besprochen, Beratung wird fortgesetzt',
      'Entgiftung abgeschlossen, nächste Schritte besprochen',
    ],
    indicatorSources: { own_statement: 3, observation: 3, provider_feedback: 2, medical_report: 2 },
    areas: ['addiction', 'health'],
    achievement: 'eine Suchtberatung begonnen und den Konsum deutlich verringert',
    personalOffer: 'Begleitung zur Suchtberatungsstelle und Unterstützung beim Antrag auf Entwöhnungsbehandlung.',
  },
  mental: {
    rank: 3,
    goals: [
      {
        title: 'Psychische Stabilität und Belastbarkeit stärken',
        description: 'Die Person ist in fachlicher Behandlung oder Beratung und kann ihren Alltag wieder verlässlich gestalten.',
      },
      {
        title: 'Krisensituation bewältigen',
        description: 'Die akute Belastung ist bewältigt; die Person hat verlässliche Ansprechpersonen.',
        codes: ['psychosocial_crisis'],
      },
    ],
    subGoals: [
      { title: 'Termin in der Hausarztpraxis zur Abklärung vereinbaren', owner: 'person' },
      { title: 'Erstgespräch beim Sozialpsychiatrischen Dienst', owner: 'person' },
      { title: 'Psychotherapeutische Sprechstunde wahrnehmen', owner: 'person' },
      { title: 'Teilnahme an der psychosozialen Betreuung (§ 16a Nr. 3 SGB II)', owner: 'person' },
      { title: 'Gutachten des Ärztlichen Dienstes zur Leistungsfähigkeit einholen', owner: 'case_manager' },
      { title: 'Stabilisierungsgruppe besuchen', owner: 'provider', ownerNote: 'Träger der psychosozialen Betreuung' },
    ],
    duties: [
      {
        kind: 'counselling_attendance',
        text: 'Sie nehmen die Termine der psychosozialen Beratung wahr; wenn Sie verhindert sind, sagen Sie vorher ab.',
      },
      { kind: 'appointments', text: 'Sie vereinbaren innerhalb von vier Wochen einen Termin in einer psychotherapeutischen Sprechstunde.' },
      { kind: 'appointments', text: 'Sie nehmen den Untersuchungstermin beim Ärztlichen Dienst wahr.' },
    ],
    commitments: [
      'Das Jobcenter vermittelt eine psychosoziale Betreuung (§ 16a Nr. 3 SGB II).',
      'Das Jobcenter beauftragt den Ärztlichen Dienst mit einem Gutachten zur Leistungsfähigkeit.',
      'Das Jobcenter berücksichtigt die gesundheitliche Situation bei allen Vorschlägen und vereinbart kurze Termine.',
    ],
    followUps: [
      'Ergebnis des Gutachtens des Ärztlichen Dienstes prüfen',
      'Rückmeldung der psychosozialen Beratung einholen',
      'Nachfragen: Termin in der Sprechstunde bekommen?',
    ],
    contacts: [
      'Belastende Lebenssituation besprochen, Hilfsangebote erläutert',
      'Telefonat: Termin beim Sozialpsychiatrischen Dienst vereinbart',
      'Gespräch über Stabilisierung und nächste kleine Schritte',
      'Person wirkt deutlich stabiler, Tagesstruktur besprochen',
    ],
    indicatorSources: { medical_report: 2, own_statement: 3, observation: 2, provider_feedback: 1 },
    areas: ['health', 'social_participation', 'motivation_daily_life'],
    achievement: 'die psychische Situation mit fachlicher Hilfe stabilisiert',
    personalOffer: 'Psychosoziale Betreuung mit festen Gesprächsterminen beim Träger.',
  },
  debt: {
    rank: 4,
    goals: [
      {
        title: 'Schuldensituation klären und regulieren',
        description: 'Alle Forderungen sind bekannt, ein Plan zur Regulierung ist mit der Schuldnerberatung vereinbart.',
      },
      {
        title: 'Finanzen selbstständig planen',
        description: 'Die Person kommt mit ihrem Geld bis zum Monatsende aus und macht keine neuen Schulden.',
      },
    ],
    subGoals: [
      { title: 'Termin bei der Schuldnerberatung wahrnehmen', owner: 'person' },
      { title: 'Alle Forderungen und Mahnungen sammeln und mitbringen', owner: 'person' },
      { title: 'Pfändungsschutzkonto (P-Konto) einrichten', owner: 'person' },
      { title: 'Haushaltsplan erstellen', owner: 'provider', ownerNote: 'Schuldnerberatungsstelle' },
      { title: 'Zuweisung zur Schuldnerberatung nach § 16a SGB II veranlassen', owner: 'case_manager' },
      { title: 'Antrag auf Verbraucherinsolvenz vorbereiten', owner: 'provider', ownerNote: 'Schuldnerberatungsstelle' },
    ],
    duties: [
      {
        kind: 'counselling_attendance',
        text: 'Sie nehmen die Termine bei der Schuldnerberatung wahr und bringen alle Mahnungen und Forderungsschreiben mit.',
      },
      { kind: 'documents', text: 'Sie legen eine Aufstellung Ihrer Schulden innerhalb von vier Wochen vor.' },
      { kind: 'other', text: 'Sie richten innerhalb von zwei Wochen ein Pfändungsschutzkonto ein.' },
    ],
    commitments: [
      'Das Jobcenter vermittelt einen Termin bei der Schuldnerberatung (§ 16a Nr. 2 SGB II).',
      'Das Jobcenter stellt die Bescheinigung über den Leistungsbezug für das P-Konto aus.',
      'Das Jobcenter vermittelt bei Bedarf an die Insolvenzberatung.',
    ],
    followUps: ['Rückmeldung der Schuldnerberatung einholen', 'Nachfragen: P-Konto eingerichtet?', 'Schuldenaufstellung anfordern'],
    contacts: [
      'Schuldensituation und Unterlagen besprochen',
      'Telefonat: Termin bei der Schuldnerberatung bestätigt',
      'Haushaltsplan gemeinsam durchgesehen',
      'Telefonat: Ratenzahlung mit Gläubigern vereinbart',
    ],
    indicatorSources: { payment_arrears: 3, repeated_lack_of_funds: 2, document: 2, own_statement: 2 },
    areas: ['finances_debt'],
    achievement: 'die Schulden mit Hilfe der Schuldnerberatung geordnet',
    personalOffer: 'Schuldnerberatung mit Unterstützung bei Haushaltsplan und Verhandlungen mit den Gläubigern.',
  },
  family: {
    rank: 5,
    goals: [
      {
        title: 'Kinderbetreuung verlässlich regeln',
        description: 'Die Kinder sind verlässlich betreut, sodass eine Arbeit oder Maßnahme möglich ist.',
        codes: ['childcare_missing'],
      },
      {
        title: 'Pflege der Angehörigen mit Arbeit vereinbaren',
        description: 'Die Pflege ist so organisiert, dass die Person einige Stunden am Tag arbeiten kann.',
        codes: ['care_of_relatives'],
      },
      {
        title: 'Familiäre Situation entlasten',
        description: 'Die Bedarfsgemeinschaft erhält passende Hilfe; die Person gewinnt wieder Zeit und Kraft für eigene Ziele.',
        codes: ['household_member_problem'],
      },
    ],
    subGoals: [
      { title: 'Kita-Platz beim Jugendamt beantragen', owner: 'person' },
      { title: 'Notfallbetreuung mit Familie oder Freunden absprechen', owner: 'person' },
      { title: 'Betreuung in der Offenen Ganztagsschule anmelden', owner: 'person' },
      { title: 'Pflegeberatung in Anspruch nehmen', owner: 'person' },
      { title: 'Kontakt zur Familienhilfe des Jugendamts herstellen', owner: 'case_manager' },
      { title: 'Kinderbetreuung während der Maßnahme sicherstellen', owner: 'provider', ownerNote: 'Bildungsträger' },
    ],
    duties: [
      {
        kind: 'appointments',
        text: 'Sie melden sich innerhalb von zwei Wochen beim Jugendamt für einen Betreuungsplatz an und legen die Bestätigung vor.',
      },
      { kind: 'counselling_attendance', text: 'Sie nehmen einen Termin bei der Pflegeberatung wahr.' },
      { kind: 'documents', text: 'Sie legen die Zusage oder Absage für den Betreuungsplatz vor.' },
    ],
    commitments: [
      'Das Jobcenter übernimmt die Kosten der Kinderbetreuung während einer Maßnahme (§ 16a Nr. 1 SGB II).',
      'Das Jobcenter unterstützt bei der Suche nach einem Betreuungsplatz und nimmt Kontakt zum Jugendamt auf.',
      'Das Jobcenter berücksichtigt die Betreuungszeiten bei allen Terminen und Stellenvorschlägen.',
    ],
    followUps: [
      'Nachfragen: Zusage für den Kita-Platz?',
      'Betreuungszeiten für die Maßnahme abstimmen',
      'Rückmeldung der Pflegeberatung einholen',
    ],
    contacts: [
      'Betreuungssituation der Kinder besprochen',
      'Telefonat: Kita-Platz ab nächstem Monat zugesagt',
      'Pflegesituation in der Familie besprochen',
      'Gespräch gemeinsam mit der Familienhilfe',
    ],
    indicatorSources: { own_statement: 3, document: 2, observation: 1 },
    areas: ['family_care'],
    achievement: 'eine verlässliche Betreuung in der Familie organisiert',
    personalOffer: 'Unterstützung bei der Suche nach einem Betreuungsplatz und Übernahme der Betreuungskosten während der Maßnahme.',
  },
  health: {
    rank: 6,
    goals: [
      {
        title: 'Gesundheitliche Leistungsfähigkeit klären',
        description: 'Es ist geklärt, welche Tätigkeiten gesundheitlich möglich sind und in welchem Umfang.',
      },
      {
        title: 'Arbeit passend zur gesundheitlichen Situation finden',
        description: 'Die Person findet eine Tätigkeit, die zu ihren gesundheitlichen Möglichkeiten passt.',
      },
    ],
    subGoals: [
      { title: 'Gutachten des Ärztlichen Dienstes einholen', owner: 'case_manager' },
      { title: 'Aktuelle Befunde der behandelnden Ärzte mitbringen', owner: 'person' },
      { title: 'Antrag auf medizinische Rehabilitation stellen', owner: 'person' },
      { title: 'Beratung zu Leistungen zur Teilhabe am Arbeitsleben wahrnehmen', owner: 'person' },
      { title: 'Teilnahme am Gesundheitscoaching (§ 16k SGB II)', owner: 'person' },
      { title: 'Belastungserprobung durchführen', owner: 'provider', ownerNote: 'Träger der Maßnahme' },
    ],
    duties: [
      { kind: 'appointments', text: 'Sie nehmen den Untersuchungstermin beim Ärztlichen Dienst der Bundesagentur für Arbeit wahr.' },
      { kind: 'documents', text: 'Sie bringen aktuelle ärztliche Befunde zum nächsten Termin mit.' },
      { kind: 'measure_participation', text: 'Sie nehmen am Gesundheitscoaching teil (wöchentlich ein Termin).' },
    ],
    commitments: [
      'Das Jobcenter beauftragt den Ärztlichen Dienst mit einer Begutachtung.',
      'Das Jobcenter berät zu Leistungen zur Teilhabe am Arbeitsleben und stellt bei Bedarf den Kontakt zum Reha-Träger her.',
      'Das Jobcenter vermittelt die Teilnahme am Gesundheitscoaching (§ 16k SGB II).',
      'Stellenvorschläge berücksichtigen die gesundheitlichen Einschränkungen.',
    ],
    followUps: ['Ergebnis der Begutachtung prüfen', 'Stand des Reha-Antrags erfragen', 'Befunde nachfordern'],
    contacts: [
      'Gesundheitliche Situation und Belastbarkeit besprochen',
      'Telefonat: Termin beim Ärztlichen Dienst bestätigt',
      'Ergebnis des Gutachtens besprochen',
      'Reha-Antrag gemeinsam ausgefüllt',
    ],
    indicatorSources: { medical_report: 4, own_statement: 2, observation: 1 },
    areas: ['health'],
    achievement: 'die gesundheitliche Leistungsfähigkeit geklärt',
    personalOffer: 'Ganzheitliches Gesundheitscoaching nach § 16k SGB II.',
  },
  legal: {
    rank: 7,
    goals: [
      {
        title: 'Rechtliche Angelegenheiten klären',
        description: 'Laufende Verfahren und Auflagen sind geklärt und behindern die Arbeitssuche nicht mehr.',
      },
    ],
    subGoals: [
      { title: 'Termine bei der Bewährungshilfe wahrnehmen', owner: 'person' },
      { title: 'Beratung bei der Straffälligenhilfe', owner: 'person' },
      { title: 'Unterlagen zum laufenden Verfahren mitbringen', owner: 'person' },
      { title: 'Termine mit der Bewährungshilfe abstimmen', owner: 'case_manager' },
    ],
    duties: [
      {
        kind: 'appointments',
        text: 'Sie nehmen die Termine bei der Bewährungshilfe wahr und teilen uns Terminänderungen mit, die Ihre Verfügbarkeit betreffen.',
      },
      { kind: 'documents', text: 'Sie legen Unterlagen zu Auflagen vor, die Ihre Arbeitszeiten betreffen.' },
    ],
    commitments: [
      'Das Jobcenter vermittelt eine Beratung bei der Straffälligenhilfe.',
      'Das Jobcenter berücksichtigt Termine und Auflagen bei der Planung von Maßnahmen.',
    ],
    followUps: ['Stand des Verfahrens erfragen', 'Termine der Bewährungshilfe abstimmen'],
    contacts: ['Laufendes Verfahren und Auflagen besprochen', 'Telefonat: Termin bei der Straffälligenhilfe vereinbart'],
    indicatorSources: { own_statement: 3, document: 2 },
    areas: ['social_participation'],
    achievement: 'die rechtlichen Angelegenheiten geklärt',
    personalOffer: 'Beratung bei der Straffälligenhilfe in Abstimmung mit der Bewährungshilfe.',
  },
  language: {
    rank: 8,
    goals: [
      {
        title: 'Deutschkenntnisse für den Beruf verbessern',
        description: 'Die Person erreicht das Sprachniveau B1 und kann sich im Berufsalltag verständigen.',
      },
      {
        title: 'Berufsbezogenes Deutsch erwerben',
        description: 'Die Person schließt einen Berufssprachkurs ab und kann Fachgespräche im Berufsfeld führen.',
      },
    ],
    subGoals: [
      { title: 'Anmeldung zum Integrationskurs', owner: 'person' },
      { title: 'Regelmäßige Teilnahme am Sprachkurs', owner: 'person' },
      { title: 'Sprachprüfung B1 (DTZ) ablegen', owner: 'person' },
      { title: 'Berufssprachkurs beginnen', owner: 'person' },
      { title: 'Berechtigung für den Integrationskurs ausstellen', owner: 'case_manager' },
      { title: 'Lernstandsbericht erstellen', owner: 'provider', ownerNote: 'Sprachkursträger' },
    ],
    duties: [
      {
        kind: 'measure_participation',
        text: 'Sie nehmen regelmäßig am Integrationskurs teil und legen die Anwesenheitsbestätigung monatlich vor.',
      },
      { kind: 'measure_participation', text: 'Sie nehmen am Berufssprachkurs teil und legen die Prüfung am Kursende ab.' },
      { kind: 'documents', text: 'Sie legen das Zertifikat der Sprachprüfung vor.' },
    ],
    commitments: [
      'Das Jobcenter stellt die Berechtigung für den Integrationskurs aus und übernimmt die Fahrtkosten.',
      'Das Jobcenter vermittelt einen Berufssprachkurs und übernimmt die Kosten.',
      'Das Jobcenter stellt bei Gesprächen bei Bedarf eine Sprachmittlung.',
    ],
    followUps: [
      'Anwesenheitsbestätigung des Sprachkurses anfordern',
      'Ergebnis der Sprachprüfung erfragen',
      'Anschluss nach dem Integrationskurs planen',
    ],
    contacts: ['Sprachkurs und Lernfortschritte besprochen', 'Telefonat: Kursbeginn bestätigt', 'Prüfungsergebnis B1 besprochen'],
    indicatorSources: { observation: 3, document: 2, provider_feedback: 1, own_statement: 1 },
    areas: ['work_qualification', 'social_participation'],
    achievement: 'die Deutschkenntnisse deutlich verbessert',
    personalOffer: 'Berufssprachkurs mit begleitendem Praktikum.',
  },
  structure: {
    rank: 9,
    goals: [
      { title: 'Tagesstruktur aufbauen', description: 'Die Person hat einen geregelten Tagesablauf und hält Termine zuverlässig ein.' },
      {
        title: 'Berufliches Ziel klären',
        description: 'Die Person hat ein realistisches berufliches Ziel und kennt die nächsten Schritte dorthin.',
        codes: ['unclear_goals', 'unrealistic_expectations'],
      },
    ],
    subGoals: [
      { title: 'Teilnahme an einer Arbeitsgelegenheit (§ 16d SGB II) an drei Tagen pro Woche', owner: 'person' },
      { title: 'Termine im Fallmanagement zuverlässig wahrnehmen', owner: 'person' },
      { title: 'Kompetenzfeststellung durchführen', owner: 'provider', ownerNote: 'Bildungsträger' },
      { title: 'Berufsorientierung mit Praktikum im Wunschberuf', owner: 'person' },
      { title: 'Aktivierungsmaßnahme nach § 45 SGB III beginnen', owner: 'person' },
      { title: 'Passende Aktivierungsmaßnahme auswählen und zuweisen', owner: 'case_manager' },
    ],
    duties: [
      { kind: 'measure_participation', text: 'Sie nehmen an der Arbeitsgelegenheit an drei Vormittagen pro Woche teil.' },
      {
        kind: 'measure_participation',
        text: 'Sie nehmen an der Maßnahme zur Aktivierung und beruflichen Eingliederung (§ 45 SGB III) teil.',
      },
      {
        kind: 'appointments',
        text: 'Sie nehmen die vereinbarten Gesprächstermine wahr; wenn Sie verhindert sind, sagen Sie vorher telefonisch ab.',
      },
    ],
    commitments: [
      'Das Jobcenter weist eine passende Arbeitsgelegenheit zu und zahlt die Mehraufwandsentschädigung.',
      'Das Jobcenter vermittelt eine Maßnahme zur Aktivierung (§ 45 SGB III) mit Kompetenzfeststellung.',
      'Das Jobcenter erinnert vor jedem Termin per SMS.',
    ],
    followUps: [
      'Rückmeldung des Trägers zur Anwesenheit einholen',
      'Ergebnis der Kompetenzfeststellung besprechen',
      'Nachfragen: Praktikumsplatz gefunden?',
    ],
    contacts: [
      'Tagesablauf und Termintreue besprochen',
      'Telefonat: Erinnerung an den Maßnahmebeginn',
      'Ergebnisse der Kompetenzfeststellung besprochen',
      'Berufliche Wünsche und Möglichkeiten besprochen',
    ],
    indicatorSources: { observation: 3, provider_feedback: 2, own_statement: 2, employer_feedback: 1 },
    areas: ['motivation_daily_life'],
    achievement: 'eine feste Tagesstruktur aufgebaut',
    personalOffer: 'Arbeitsgelegenheit mit sozialpädagogischer Begleitung an drei Tagen pro Woche.',
  },
  qualification: {
    rank: 10,
    goals: [
      { title: 'Berufsabschluss erwerben', description: 'Die Person beginnt eine Ausbildung oder Teilqualifizierung und schließt sie ab.' },
      {
        title: 'Berufliche Kenntnisse auffrischen',
        description: 'Die Person bringt ihre beruflichen Kenntnisse auf einen aktuellen Stand.',
        codes: ['outdated_qualification', 'lacking_digital_skills'],
      },
      {
        title: 'Ausländischen Abschluss anerkennen lassen',
        description: 'Der im Ausland erworbene Abschluss ist anerkannt oder eine Anpassungsqualifizierung hat begonnen.',
        codes: ['foreign_qualification_not_recognised'],
      },
      { title: 'Schulabschluss nachholen', description: 'Die Person erwirbt den Hauptschulabschluss.', codes: ['no_school_certificate'] },
    ],
    subGoals: [
      { title: 'Beratung bei der Berufsberatung der Agentur für Arbeit', owner: 'person' },
      { title: 'Teilqualifizierung im Berufsfeld Lager und Logistik beginnen', owner: 'person' },
      { title: 'Bildungsgutschein ausstellen', owner: 'case_manager' },
      { title: 'Anerkennungsberatung wahrnehmen', owner: 'person' },
      { title: 'Zeugnisse übersetzen lassen und einreichen', owner: 'person' },
      { title: 'Computerkurs für Einsteiger besuchen', owner: 'person' },
      { title: 'Lernstandsbericht erstellen', owner: 'provider', ownerNote: 'Bildungsträger' },
    ],
    duties: [
      {
        kind: 'measure_participation',
        text: 'Sie nehmen an der Teilqualifizierung regelmäßig teil und legen die Anwesenheitsnachweise monatlich vor.',
      },
      { kind: 'appointments', text: 'Sie nehmen den Termin bei der Anerkennungsberatung wahr.' },
      { kind: 'documents', text: 'Sie reichen Ihre Zeugnisse mit beglaubigter Übersetzung innerhalb von sechs Wochen ein.' },
      { kind: 'measure_participation', text: 'Sie besuchen den Computerkurs für Einsteiger bis zum Ende.' },
    ],
    commitments: [
      'Das Jobcenter stellt einen Bildungsgutschein für eine Teilqualifizierung aus (§ 16 SGB II i. V. m. § 81 SGB III).',
      'Das Jobcenter übernimmt die Kosten für Übersetzung und Anerkennungsverfahren.',
      'Das Jobcenter übernimmt während der Weiterbildung die Fahrtkosten.',
      'Das Jobcenter vermittelt einen Computerkurs für Einsteiger.',
    ],
    followUps: [
      'Nachfragen: Bildungsgutschein eingelöst?',
      'Stand des Anerkennungsverfahrens erfragen',
      'Anwesenheitsnachweise des Bildungsträgers prüfen',
    ],
    contacts: [
      'Weiterbildungsmöglichkeiten besprochen',
      'Telefonat: Platz in der Teilqualifizierung bestätigt',
      'Zwischenstand der Weiterbildung besprochen',
      'Unterlagen für die Anerkennung gemeinsam sortiert',
    ],
    indicatorSources: { document: 3, own_statement: 3, observation: 1 },
    areas: ['work_qualification'],
    achievement: 'die berufliche Qualifikation verbessert',
    personalOffer: 'Teilqualifizierung mit Bildungsgutschein und begleitendem Coaching.',
  },
  mobility: {
    rank: 11,
    goals: [
      { title: 'Mobilität für den Arbeitsweg herstellen', description: 'Die Person kann Arbeitsorte in der Region zuverlässig erreichen.' },
    ],
    subGoals: [
      { title: 'Ausbildung zum Führerschein Klasse B beginnen', owner: 'person' },
      { title: 'Förderung des Führerscheins prüfen', owner: 'case_manager' },
      { title: 'Verbindungen für den Weg zur Arbeitsstelle heraussuchen', owner: 'person' },
    ],
    duties: [
      { kind: 'other', text: 'Sie melden sich innerhalb von vier Wochen bei einer Fahrschule an und legen die Anmeldung vor.' },
      { kind: 'documents', text: 'Sie legen zwei Kostenvoranschläge von Fahrschulen vor.' },
    ],
    commitments: [
      'Das Jobcenter prüft die Förderung des Führerscheins aus dem Vermittlungsbudget (§ 16 SGB II i. V. m. § 44 SGB III).',
      'Das Jobcenter übernimmt die Fahrtkosten in den ersten Monaten einer Beschäftigung.',
    ],
    followUps: ['Kostenvoranschläge der Fahrschulen prüfen', 'Nachfragen: Theorieprüfung bestanden?'],
    contacts: ['Arbeitswege und Verkehrsverbindungen besprochen', 'Telefonat: Anmeldung bei der Fahrschule erfolgt'],
    indicatorSources: { own_statement: 3, observation: 1 },
    areas: ['social_participation', 'work_qualification'],
    achievement: 'die Mobilität für den Arbeitsweg verbessert',
    personalOffer: 'Förderung des Führerscheins aus dem Vermittlungsbudget.',
  },
  work: {
    rank: 12,
    goals: [
      {
        title: 'Aufnahme einer sozialversicherungspflichtigen Beschäftigung',
        description: 'Die Person findet eine passende Arbeitsstelle und kann davon dauerhaft leben.',
      },
      {
        title: 'Einstieg in geförderte Beschäftigung',
        description: 'Die Person beginnt eine geförderte Beschäftigung (§ 16e oder § 16i SGB II) und sammelt wieder Berufserfahrung.',
      },
      {
        title: 'Bewerbungschancen verbessern',
        description: 'Die Person hat vollständige Bewerbungsunterlagen und bewirbt sich regelmäßig auf passende Stellen.',
      },
    ],
    subGoals: [
      { title: 'Bewerbungsunterlagen erstellen und aktualisieren', owner: 'person' },
      { title: 'Monatlich fünf Bewerbungen auf passende Stellen', owner: 'person' },
      { title: 'Praktikum bei einem Arbeitgeber absolvieren', owner: 'person' },
      { title: 'Förderung nach § 16i SGB II prüfen und Arbeitgeber ansprechen', owner: 'case_manager' },
      { title: 'Bewerbungscoaching durchführen', owner: 'provider', ownerNote: 'Bildungsträger' },
      { title: 'Vorstellungsgespräche vorbereiten und wahrnehmen', owner: 'person' },
      { title: 'Stellenvorschläge aus dem Arbeitgeberservice prüfen', owner: 'case_manager' },
    ],
    duties: [
      {
        kind: 'applications',
        text: 'Sie bewerben sich monatlich auf mindestens fünf sozialversicherungspflichtige Stellen und legen die Nachweise zum Monatsende vor.',
      },
      { kind: 'applications', text: 'Sie bewerben sich innerhalb von drei Tagen auf Vermittlungsvorschläge des Jobcenters.' },
      { kind: 'measure_participation', text: 'Sie nehmen am Bewerbungscoaching teil.' },
      { kind: 'availability', text: 'Sie sind werktags telefonisch oder per E-Mail erreichbar und melden Ortsabwesenheiten vorher an.' },
      { kind: 'appointments', text: 'Sie nehmen Vorstellungsgespräche wahr und berichten uns vom Ergebnis.' },
    ],
    commitments: [
      'Das Jobcenter übernimmt die Kosten für Bewerbungen und Fahrten zu Vorstellungsgesprächen (§ 16 SGB II i. V. m. § 44 SGB III).',
      'Das Jobcenter schickt passende Stellenangebote aus dem Arbeitgeberservice.',
      'Das Jobcenter prüft einen Lohnkostenzuschuss für Arbeitgeber (§ 16e oder § 16i SGB II).',
      'Das Jobcenter vermittelt ein Bewerbungscoaching.',
    ],
    followUps: [
      'Bewerbungsnachweise anfordern',
      'Rückmeldung des Arbeitgebers zum Praktikum einholen',
      'Förderung nach § 16i SGB II prüfen',
      'Nachfragen: Ergebnis des Vorstellungsgesprächs?',
    ],
    contacts: [
      'Bewerbungsaktivitäten und Stellenangebote besprochen',
      'Telefonat: Einladung zum Vorstellungsgespräch erhalten',
      'Bewerbungsunterlagen gemeinsam überarbeitet',
      'Rückmeldung zum Praktikum besprochen',
    ],
    indicatorSources: { document: 3, own_statement: 1, employer_feedback: 2, observation: 1 },
    areas: ['work_qualification'],
    achievement: 'die Bewerbungschancen deutlich verbessert',
    personalOffer: 'Bewerbungscoaching und Vermittlung in ein Praktikum bei einem Arbeitgeber in der Region.',
  },
};

/** Notes on a recorded barrier and on its indicators, per code of the default catalogue. */
const BARRIER_NOTES: Record<string, { note: readonly string[]; indicators?: Partial<Record<IndicatorSource, readonly string[]>> }> = {
  no_school_certificate: {
    note: ['Schule nach der 8. Klasse ohne Abschluss verlassen.', 'Förderschule besucht, kein Hauptschulabschluss.'],
    indicators: { document: ['Abgangszeugnis ohne Abschluss liegt vor.'] },
  },
  no_vocational_qualification: {
    note: ['Ausbildung in der Gastronomie nach einem Jahr abgebrochen.', 'Seit der Schule nur Aushilfstätigkeiten.'],
    indicators: { document: ['Lebenslauf und Zeugnisse liegen vor.'] },
  },
  outdated_qualification: {
    note: [
      'Zuletzt vor über zehn Jahren im erlernten Beruf gearbeitet.',
      'Ausbildung im Druckgewerbe, der Beruf wird kaum noch nachgefragt.',
    ],
    indicators: { document: ['Gesellenbrief von 1998 liegt vor.'] },
  },
  foreign_qualification_not_recognised: {
    note: [
      'Berufsabschluss als Elektroniker im Herkunftsland, Anerkennung nicht beantragt.',
      'Studium im Herkunftsland, Unterlagen nur teilweise vorhanden.',
    ],
    indicators: { document: ['Zeugnis im Original liegt vor, Übersetzung fehlt.'] },
  },
  insufficient_german: {
    note: [
      'Deutschkenntnisse etwa auf Niveau A2.',
      'Kann einfache Gespräche führen, Schriftsprache kaum.',
      'Integrationskurs vor zwei Jahren abgebrochen.',
    ],
    indicators: { document: ['Zertifikat A2 liegt vor.'], observation: ['Gespräche nur mit Sprachmittlung möglich.'] },
  },
  basic_skills_literacy: {
    note: ['Kann Formulare nicht selbst ausfüllen.', 'Liest nur einzelne Wörter, lässt sich Briefe vorlesen.'],
    indicators: { observation: ['Bittet bei jedem Formular um Hilfe.'] },
  },
  lacking_digital_skills: {
    note: ['Kein Computer, das Smartphone wird nur zum Telefonieren genutzt.', 'Online-Bewerbungen sind ohne Hilfe nicht möglich.'],
  },
  no_recent_work_experience: {
    note: ['Seit über fünf Jahren ohne Beschäftigung.', 'Noch nie sozialversicherungspflichtig beschäftigt.'],
    indicators: { document: ['Lebenslauf liegt vor.'] },
  },
  physical_health_limitation: {
    note: [
      'Chronische Rückenschmerzen, kann nicht schwer heben.',
      'Diabetes mit Folgeerkrankungen.',
      'Nach einer Operation am Knie eingeschränkt gehfähig.',
    ],
    indicators: { medical_report: ['Attest der Orthopädin liegt vor.', 'Befundbericht der Hausarztpraxis liegt vor.'] },
  },
  mental_health_problem: {
    note: ['Depressive Episode, derzeit in hausärztlicher Behandlung.', 'Angststörung, meidet Termine in größeren Gruppen.'],
    indicators: {
      medical_report: ['Befundbericht der psychiatrischen Institutsambulanz liegt vor.'],
      observation: ['Wirkt bei Gesprächen erschöpft und niedergeschlagen.'],
    },
  },
  addiction_alcohol: {
    note: [
      'Täglicher Alkoholkonsum nach eigenen Angaben seit mehreren Jahren.',
      'Zwei Entgiftungen in der Vergangenheit, zuletzt vor drei Jahren.',
    ],
    indicators: {
      observation: ['Alkoholgeruch bei zwei Terminen.'],
      medical_report: ['Entlassungsbericht der Entgiftungsstation liegt vor.'],
      provider_feedback: ['Maßnahmeträger meldet häufige Fehlzeiten.'],
    },
  },
  addiction_drugs_medication: {
    note: ['Konsum von Cannabis und gelegentlich Amphetaminen.', 'Abhängigkeit von Schmerzmitteln nach längerer Behandlung.'],
    indicators: { observation: ['Wirkt bei Terminen unkonzentriert und verlangsamt.'] },
  },
  addiction_gambling_media: {
    note: ['Hohe Verluste durch Online-Glücksspiel.', 'Spielt nach eigenen Angaben nachts mehrere Stunden am Computer.'],
    indicators: { observation: ['Berichtet selbst von hohen Ausgaben bei Wettanbietern.'] },
  },
  severe_disability: {
    note: ['Schwerbehinderung mit GdB 50.', 'Gleichstellung durch die Agentur für Arbeit.'],
    indicators: { disability_card: ['Schwerbehindertenausweis (GdB 50) liegt vor.', 'Schwerbehindertenausweis (GdB 60) liegt vor.'] },
  },
  reduced_resilience: {
    note: ['Kann nach eigenen Angaben höchstens vier Stunden am Tag arbeiten.', 'Nur leichte Tätigkeiten im Sitzen möglich.'],
    indicators: { medical_report: ['Gutachten des Ärztlichen Dienstes: drei bis unter sechs Stunden täglich leistungsfähig.'] },
  },
  low_motivation: {
    note: ['Sieht für sich derzeit keine Perspektive auf dem Arbeitsmarkt.', 'Hat mehrere Termine ohne Absage versäumt.'],
    indicators: { observation: ['Drei Termine ohne Absage versäumt.'] },
  },
  unclear_goals: { note: ['Keine Vorstellung, welche Arbeit passen könnte.', 'Wechselnde Berufswünsche ohne konkrete Schritte.'] },
  unrealistic_expectations: {
    note: ['Möchte nur im Büro arbeiten, hat dafür aber keine Ausbildung.', 'Erwartet ein Gehalt weit über dem üblichen Niveau.'],
  },
  lacking_daily_structure: {
    note: ['Schläft bis mittags, kaum feste Termine im Alltag.', 'Post bleibt wochenlang ungeöffnet.'],
    indicators: { provider_feedback: ['Träger meldet unregelmäßige Teilnahme.'] },
  },
  discouragement: {
    note: ['Zahlreiche Absagen auf Bewerbungen in den letzten Jahren.', 'Zwei Maßnahmen abgebrochen, traut sich wenig zu.'],
  },
  childcare_missing: {
    note: ['Zwei Kinder unter drei Jahren, kein Kita-Platz in Aussicht.', 'Betreuung nur vormittags gesichert.'],
    indicators: { document: ['Absage der Kita liegt vor.'] },
  },
  care_of_relatives: {
    note: ['Pflegt die Mutter (Pflegegrad 3) im eigenen Haushalt.', 'Betreut den schwer kranken Vater mehrmals täglich.'],
    indicators: { document: ['Bescheid der Pflegekasse liegt vor.'] },
  },
  debt: {
    note: [
      'Forderungen von Energieversorger, Mobilfunkanbieter und Versandhandel, insgesamt rund 9.000 €.',
      'Kontopfändung, kein P-Konto vorhanden.',
      'Schulden aus einer früheren Selbstständigkeit.',
    ],
    indicators: {
      payment_arrears: ['Stromsperre angedroht.', 'Mehrere Inkassoschreiben liegen vor.'],
      repeated_lack_of_funds: ['Wiederholte Anträge auf Vorschuss in den letzten Monaten.'],
      document: ['Pfändungs- und Überweisungsbeschluss liegt vor.'],
    },
  },
  housing_problems: {
    note: [
      'Fristlose Kündigung wegen Mietrückständen von drei Monatsmieten.',
      'Räumungsklage angekündigt.',
      'Wohnung ist zu klein für die Familie, Schimmel im Schlafzimmer.',
    ],
    indicators: {
      document: ['Kündigungsschreiben des Vermieters liegt vor.', 'Mahnung des Vermieters liegt vor.'],
      payment_arrears: ['Mietrückstand von rund 1.800 €.', 'Zwei Monatsmieten offen.'],
    },
  },
  homelessness: {
    note: ['Wohnt derzeit vorübergehend bei einer Freundin.', 'Lebt seit drei Monaten in der Notunterkunft.'],
    indicators: { document: ['Meldebescheinigung der Notunterkunft liegt vor.'] },
  },
  psychosocial_crisis: {
    note: ['Trennung vom Partner vor zwei Monaten, starke Belastung.', 'Nach dem Tod eines Angehörigen stark belastet.'],
  },
  household_member_problem: {
    note: ['Der Sohn ist suchtkrank und bindet viel Kraft.', 'Die Partnerin ist schwer erkrankt und braucht Unterstützung im Alltag.'],
  },
  mobility: {
    note: ['Kein Führerschein, Wohnort mit schlechter Busverbindung.', 'Kein Auto, Schichtarbeit mit dem Bus nicht erreichbar.'],
  },
  legal_problems: {
    note: ['Haftentlassung vor vier Monaten, Bewährungsauflagen.', 'Laufendes Strafverfahren, Verhandlungstermin offen.'],
    indicators: { document: ['Bewährungsbeschluss liegt vor.'] },
  },
  age_50_plus: { note: ['Bewerbungen im bisherigen Berufsfeld bleiben wegen des Alters oft ohne Antwort.'] },
  long_term_benefit_receipt: { note: ['Bezieht seit über acht Jahren Leistungen.'] },
  long_term_unemployment: {
    note: ['Seit mehr als drei Jahren ohne Unterbrechung arbeitslos.'],
    indicators: { employer_feedback: ['Absagen mit Hinweis auf fehlende Berufspraxis.'] },
  },
  gaps_in_cv: { note: ['Lebenslauf mit mehreren längeren Lücken.'] },
  regional_labour_market: { note: ['Im Wohnort kaum offene Stellen im bisherigen Berufsfeld.'] },
};

/** Barrier codes of the default catalogue (DEFAULT_BARRIER_CATALOGUE) → theme; other codes by phase. */
const CODE_THEME: Record<string, ThemeKey> = {
  no_school_certificate: 'qualification',
  no_vocational_qualification: 'qualification',
  outdated_qualification: 'qualification',
  foreign_qualification_not_recognised: 'qualification',
  insufficient_german: 'language',
  basic_skills_literacy: 'qualification',
  lacking_digital_skills: 'qualification',
  no_recent_work_experience: 'work',
  physical_health_limitation: 'health',
  mental_health_problem: 'mental',
  addiction_alcohol: 'addiction',
  addiction_drugs_medication: 'addiction',
  addiction_gambling_media: 'addiction',
  severe_disability: 'health',
  reduced_resilience: 'health',
  low_motivation: 'structure',
  unclear_goals: 'structure',
  unrealistic_expectations: 'structure',
  lacking_daily_structure: 'structure',
  discouragement: 'mental',
  childcare_missing: 'family',
  care_of_relatives: 'family',
  debt: 'debt',
  housing_problems: 'housing',
  homelessness: 'housing',
  psychosocial_crisis: 'mental',
  household_member_problem: 'family',
  mobility: 'mobility',
  legal_problems: 'legal',
  age_50_plus: 'work',
  long_term_benefit_receipt: 'work',
  long_term_unemployment: 'work',
  gaps_in_cv: 'work',
  regional_labour_market: 'work',
};

const PHASE_THEME: Record<string, ThemeKey> = {
  qualification: 'qualification',
  performance_health: 'health',
  motivation: 'structure',
  framework: 'mental',
  labour_market: 'work',
};

function themeOf(type: DemoCaseBarrierType): ThemeKey {
  return CODE_THEME[type.code] ?? PHASE_THEME[type.phase] ?? 'work';
}

/** How common each barrier is among case-management clients; codes the tenant added get a small weight. */
const BASE_WEIGHTS: Record<string, number> = {
  long_term_unemployment: 10,
  long_term_benefit_receipt: 8,
  no_vocational_qualification: 9,
  no_school_certificate: 4,
  outdated_qualification: 3,
  foreign_qualification_not_recognised: 1.5,
  insufficient_german: 2.5,
  basic_skills_literacy: 2,
  lacking_digital_skills: 4,
  no_recent_work_experience: 6,
  physical_health_limitation: 7,
  mental_health_problem: 7,
  addiction_alcohol: 3,
  addiction_drugs_medication: 2,
  addiction_gambling_media: 1,
  severe_disability: 0.3,
  reduced_resilience: 4,
  low_motivation: 3,
  unclear_goals: 4,
  unrealistic_expectations: 2,
  lacking_daily_structure: 4,
  discouragement: 4,
  childcare_missing: 1,
  care_of_relatives: 1.5,
  debt: 7,
  housing_problems: 4,
  homelessness: 1,
  psychosocial_crisis: 3,
  household_member_problem: 2,
  mobility: 4,
  legal_problems: 1.5,
  age_50_plus: 0,
  gaps_in_cv: 4,
  regional_labour_market: 2,
};

/** Barriers that come together: once the key is chosen, the listed codes become more (or less) likely. */
const CORRELATIONS: Record<string, ReadonlyArray<readonly [string, number]>> = {
  debt: [
    ['housing_problems', 3],
    ['addiction_gambling_media', 2],
  ],
  housing_problems: [
    ['debt', 4],
    ['homelessness', 0.2],
  ],
  homelessness: [
    ['addiction_alcohol', 3],
    ['addiction_drugs_medication', 2],
    ['debt', 3],
    ['housing_problems', 0.1],
    ['psychosocial_crisis', 2],
  ],
  addiction_alcohol: [
    ['psychosocial_crisis', 6],
    ['mental_health_problem', 3],
    ['debt', 1.5],
    ['addiction_drugs_medication', 1.5],
  ],
  addiction_drugs_medication: [
    ['psychosocial_crisis', 6],
    ['mental_health_problem', 3],
    ['debt', 1.5],
    ['legal_problems', 2],
  ],
  addiction_gambling_media: [
    ['debt', 4],
    ['psychosocial_crisis', 4],
  ],
  mental_health_problem: [
    ['psychosocial_crisis', 2],
    ['reduced_resilience', 2],
    ['discouragement', 1.5],
    ['addiction_alcohol', 1.5],
  ],
  psychosocial_crisis: [
    ['mental_health_problem', 2],
    ['addiction_alcohol', 4],
    ['addiction_drugs_medication', 3],
  ],
  childcare_missing: [
    ['care_of_relatives', 0.5],
    ['mobility', 1.5],
  ],
  long_term_unemployment: [
    ['long_term_benefit_receipt', 2],
    ['gaps_in_cv', 1.5],
  ],
  long_term_benefit_receipt: [
    ['long_term_unemployment', 2],
    ['discouragement', 1.5],
  ],
  physical_health_limitation: [
    ['reduced_resilience', 2.5],
    ['severe_disability', 1.5],
  ],
  insufficient_german: [
    ['foreign_qualification_not_recognised', 2],
    ['basic_skills_literacy', 1.3],
  ],
  no_school_certificate: [
    ['no_vocational_qualification', 3],
    ['basic_skills_literacy', 2],
  ],
};

/** Barrier weights for one person: age, single parenthood, refugee status and disability shift them. */
function personWeights(types: readonly DemoCaseBarrierType[], person: DemoCasePerson, age: number): Float64Array {
  const weights = new Float64Array(types.length);
  types.forEach((type, i) => {
    let w = BASE_WEIGHTS[type.code] ?? 0.5;
    const code = type.code;
    if (age < 25) {
      if (code === 'no_school_certificate' || code === 'unclear_goals') w *= 3;
      if (code === 'no_vocational_qualification' || code === 'lacking_daily_structure') w *= 1.5;
      if (code === 'long_term_benefit_receipt' || code === 'physical_health_limitation' || code === 'outdated_qualification') w *= 0.3;
    }
    if (age >= 50) {
      if (code === 'age_50_plus') w = 35;
      if (code === 'physical_health_limitation') w *= 2;
      if (code === 'outdated_qualification') w *= 2.5;
      if (code === 'lacking_digital_skills' || code === 'care_of_relatives' || code === 'reduced_resilience') w *= 1.6;
      if (code === 'childcare_missing') w *= 0.2;
    }
    if (person.singleParent && code === 'childcare_missing') w = 40;
    if (person.singleParent && code === 'mobility') w *= 1.3;
    if (person.refugee || person.interpreterNeeded) {
      if (code === 'insufficient_german') w = person.interpreterNeeded ? 24 : 12;
      if (code === 'foreign_qualification_not_recognised') w *= 6;
      if (code === 'long_term_benefit_receipt') w *= 0.5;
    }
    if (code === 'severe_disability' && person.severeDisability) w = 20;
    if (person.severeDisability && code === 'reduced_resilience') w *= 2;
    weights[i] = w;
  });
  return weights;
}

// ---------------------------------------------------------------------------------------------
// General texts

const GENERAL_DUTIES: ReadonlyArray<{ kind: DutyKind; text: string }> = [
  { kind: 'appointments', text: 'Sie nehmen die vereinbarten Termine im Fallmanagement wahr.' },
  { kind: 'availability', text: 'Sie teilen Änderungen Ihrer Anschrift oder Telefonnummer umgehend mit.' },
  { kind: 'documents', text: 'Sie reichen Nachweise über erledigte Schritte spätestens zum nächsten Termin ein.' },
];

const GENERAL_COMMITMENTS: readonly string[] = [
  'Das Jobcenter benennt eine feste Ansprechperson im Fallmanagement und vereinbart regelmäßige Gesprächstermine.',
  'Das Jobcenter übernimmt die Fahrtkosten zu den Terminen im Fallmanagement.',
  'Das Jobcenter prüft Anträge auf Förderung aus dem Vermittlungsbudget innerhalb von zwei Wochen.',
];

const GENERAL_FOLLOW_UPS: readonly string[] = [
  'Folgetermin vereinbaren',
  'Unterlagen nachfordern',
  'Überprüfung der Vereinbarung vorbereiten',
  'Zwischenbilanz vorbereiten (Lebensbereiche einschätzen)',
  'Rückmeldung des Trägers nachhalten',
];

const CONTACT_TEXTS: Record<ContactKind, readonly string[]> = {
  meeting: [
    'Beratungsgespräch: Stand des Hilfeplans besprochen',
    'Gespräch über Fortschritte und nächste Schritte',
    'Folgetermin: Teilziele überprüft',
    'Gespräch über die aktuelle Lebenssituation',
  ],
  phone: [
    'Telefonat: Termin verschoben',
    'Telefonische Nachfrage zum aktuellen Stand',
    'Rückruf der Person, Fragen zum Bescheid geklärt',
    'Telefonat: Unterlagen werden nachgereicht',
  ],
  letter: [
    'Einladung zum Beratungsgespräch versandt',
    'Erinnerung an fehlende Unterlagen versandt',
    'Einladung nach nicht wahrgenommenem Termin versandt',
    'Informationen zu Förderangeboten zugeschickt',
  ],
  home_visit: [
    'Hausbesuch: Lebenssituation vor Ort besprochen',
    'Hausbesuch: Post und Unterlagen gemeinsam sortiert',
    'Hausbesuch gemeinsam mit der Familienhilfe',
  ],
};

const AFTERCARE_CONTACTS: readonly string[] = [
  'Nachbetreuung: Telefonat, die Arbeit läuft gut',
  'Nachbetreuung: Gespräch über die Probezeit',
  'Nachbetreuung: Fragen zur Lohnabrechnung geklärt',
  'Nachbetreuung: kurzer Austausch, keine Probleme',
];

const CONTACT_NOTES: readonly string[] = [
  'Person war pünktlich und gut vorbereitet.',
  'Folgetermin vereinbart.',
  'Person hat die angeforderten Unterlagen mitgebracht.',
  'Person wirkte heute sehr belastet.',
  'Partnerin war beim Gespräch dabei.',
];

const RESOURCES: ReadonlyArray<{ category: ResourceCategory; text: string; not?: readonly ThemeKey[] }> = [
  { category: 'skills', text: 'Führerschein Klasse B', not: ['mobility'] },
  { category: 'skills', text: 'Staplerschein' },
  { category: 'skills', text: 'Gute Kenntnisse in Textverarbeitung und Tabellenkalkulation', not: ['qualification'] },
  { category: 'skills', text: 'Handwerkliches Geschick' },
  { category: 'skills', text: 'Erste-Hilfe-Kurs und Hygieneschulung' },
  { category: 'experience', text: 'Mehrjährige Tätigkeit im Einzelhandel (Kasse, Warenverräumung)' },
  { category: 'experience', text: 'Erfahrung in der Gastronomie als Küchenhilfe' },
  { category: 'experience', text: 'Mehrere Jahre als Reinigungskraft gearbeitet' },
  { category: 'experience', text: 'Berufserfahrung im Lager und in der Kommissionierung' },
  { category: 'experience', text: 'Erfahrung als Hilfskraft in der Altenpflege' },
  { category: 'social_network', text: 'Unterstützung durch die Schwester bei der Kinderbetreuung' },
  { category: 'social_network', text: 'Guter Kontakt zu den Eltern' },
  { category: 'social_network', text: 'Aktiv in der Kirchengemeinde' },
  { category: 'social_network', text: 'Freundeskreis aus dem Sportverein' },
  { category: 'personal_strengths', text: 'Zuverlässig und pünktlich', not: ['structure'] },
  { category: 'personal_strengths', text: 'Freundlich und offen im Umgang mit Menschen' },
  { category: 'personal_strengths', text: 'Möchte unbedingt wieder arbeiten' },
  { category: 'personal_strengths', text: 'Organisiert den Familienalltag mit mehreren Kindern' },
  { category: 'health', text: 'Körperlich belastbar', not: ['health'] },
  { category: 'health', text: 'Treibt regelmäßig Sport', not: ['health', 'addiction'] },
  { category: 'other', text: 'Eigenes Fahrrad, mobil im Stadtgebiet' },
  { category: 'other', text: 'Eigenes Auto', not: ['mobility', 'debt'] },
  { category: 'other', text: 'Deutschlandticket vorhanden' },
];

const MULTILINGUAL_RESOURCE = {
  category: 'skills' as const,
  text: 'Spricht mehrere Sprachen, hilft in der Familie als Übersetzerin oder Übersetzer',
};

const SUBGOAL_REVIEW_NOTES: Record<Exclude<SubGoalStatus, 'open'>, readonly string[]> = {
  reached: ['Erledigt, Nachweis liegt vor.', 'Wie vereinbart umgesetzt.', 'Erreicht; im Gespräch gemeinsam bestätigt.'],
  partly_reached: ['Teilweise umgesetzt, wird im nächsten Hilfeplan weiterverfolgt.', 'Begonnen, aber noch nicht abgeschlossen.'],
  missed: ['Nicht umgesetzt; Gründe im Gespräch besprochen.', 'Termin nicht wahrgenommen, neuer Anlauf vereinbart.'],
  dropped: ['Nicht mehr erforderlich, weil sich die Situation geändert hat.', 'Verworfen zugunsten eines anderen Vorgehens.'],
};

const RATING_COMMENTS: Record<
  LifeArea,
  { baseline: readonly string[]; up: readonly string[]; down: readonly string[]; same: readonly string[] }
> = {
  work_qualification: {
    baseline: ['Seit Jahren ohne Arbeit, wünscht sich eine Tätigkeit im Lager.', 'Keine Ausbildung, möchte aber etwas lernen.'],
    up: ['Praktikum begonnen, Rückmeldung des Betriebs ist gut.', 'Bewirbt sich regelmäßig, erste Vorstellungsgespräche.'],
    down: ['Maßnahme abgebrochen, braucht einen neuen Anlauf.'],
    same: ['Bewerbungen laufen, bisher nur Absagen.'],
  },
  health: {
    baseline: ['Häufig krank, Arzttermine werden nur unregelmäßig wahrgenommen.', 'Rückenschmerzen schränken stark ein.'],
    up: ['Regelmäßig in Behandlung, fühlt sich belastbarer.'],
    down: ['Gesundheitlich schlechter, mehrere Wochen krankgeschrieben.'],
    same: ['Beschwerden unverändert, Behandlung läuft weiter.'],
  },
  addiction: {
    baseline: ['Trinkt nach eigenen Angaben täglich.', 'Konsum bestimmt große Teile des Tages.'],
    up: ['Geht regelmäßig zur Suchtberatung, konsumiert deutlich weniger.'],
    down: ['Rückfall nach einer stabilen Phase.'],
    same: ['Konsum unverändert, Beratung wird fortgesetzt.'],
  },
  finances_debt: {
    baseline: ['Viele offene Rechnungen, keine Übersicht.', 'Geld reicht nie bis zum Monatsende.'],
    up: ['Schuldnerberatung läuft, Ratenzahlung vereinbart.', 'Hat jetzt einen Überblick über alle Forderungen.'],
    down: ['Neue Mahnungen, Strom wurde abgestellt.'],
    same: ['Schuldensituation unverändert, Termin bei der Beratung steht aus.'],
  },
  housing: {
    baseline: ['Wohnung gekündigt, Räumung droht.', 'Wohnt vorübergehend bei Bekannten.'],
    up: ['Mietschulden übernommen, Wohnung gesichert.', 'Eigene Wohnung gefunden.'],
    down: ['Erneut Mietrückstand, Vermieter hat die Kündigung angedroht.'],
    same: ['Sucht weiterhin eine passende Wohnung.'],
  },
  family_care: {
    baseline: ['Keine Betreuung für die Kinder am Nachmittag.', 'Pflege der Mutter bindet viel Zeit.'],
    up: ['Kita-Platz gefunden, Betreuung ist verlässlich.', 'Pflegedienst übernimmt zwei Tage pro Woche.'],
    down: ['Betreuung fällt häufig aus.'],
    same: ['Betreuung nur vormittags geregelt.'],
  },
  social_participation: {
    baseline: ['Kaum Kontakte außerhalb der Familie.', 'Fühlt sich oft allein.'],
    up: ['Geht regelmäßig in den Nachbarschaftstreff.', 'Hat im Kurs neue Kontakte gefunden.'],
    down: ['Hat sich wieder stärker zurückgezogen.'],
    same: ['Kontakte unverändert wenig.'],
  },
  motivation_daily_life: {
    baseline: ['Kein fester Tagesablauf, Post bleibt liegen.', 'Möchte etwas ändern, weiß aber nicht wie.'],
    up: ['Hält Termine zuverlässig ein und erledigt Post selbst.', 'Hat eigene Ziele und arbeitet daran.'],
    down: ['Mehrere Termine versäumt, wirkt antriebslos.'],
    same: ['Tagesablauf noch wechselhaft.'],
  },
};

/** Weights in the order of CLOSING_OUTCOMES. */
const OUTCOME_CUM = cumulative([22, 2, 6, 10, 22, 8, 6, 14, 5, 5]);
/** Aftercare follows a successful transition into work or training. */
const AFTERCARE_OUTCOMES: readonly ClosingOutcome[] = [
  'employment_insured',
  'vocational_training',
  'measure_further_training',
  'self_employment',
];
const AFTERCARE_OUTCOME_CUM = cumulative([60, 18, 14, 8]);
/** Cases closed before implementation: the person moved, stopped cooperating or no longer needed the help. */
const EARLY_OUTCOMES: readonly ClosingOutcome[] = ['moved_away', 'dropout', 'transfer', 'benefit_receipt_ended', 'other'];
const EARLY_OUTCOME_CUM = cumulative([30, 35, 15, 12, 8]);

const OUTCOME_TEXTS: Record<ClosingOutcome, { closingReason: string; result: string; prospective: string }> = {
  employment_insured: {
    closingReason: 'Arbeitsvertrag unterschrieben, die Beschäftigung beginnt zum Monatsersten.',
    result: 'Die Person hat eine sozialversicherungspflichtige Beschäftigung aufgenommen.',
    prospective: 'Die Beschäftigung wirkt stabil. Bei Problemen in der Probezeit kann sich die Person jederzeit melden.',
  },
  self_employment: {
    closingReason: 'Gewerbe angemeldet, die Selbstständigkeit läuft an.',
    result: 'Die Person hat sich mit Unterstützung eines Gründungscoachings selbstständig gemacht.',
    prospective: 'Die Tragfähigkeit der Selbstständigkeit wird in den ersten Monaten vom Gründungscoaching begleitet.',
  },
  vocational_training: {
    closingReason: 'Ausbildungsvertrag unterschrieben.',
    result: 'Die Person hat eine betriebliche Ausbildung begonnen.',
    prospective: 'Die Ausbildung wird durch ausbildungsbegleitende Hilfen unterstützt; das Risiko eines Abbruchs ist gering.',
  },
  measure_further_training: {
    closingReason: 'Zusage für die Weiterbildung liegt vor.',
    result: 'Die Person hat eine abschlussorientierte Weiterbildung begonnen.',
    prospective: 'Nach Abschluss der Weiterbildung bestehen gute Chancen auf eine Beschäftigung.',
  },
  stabilisation: {
    closingReason: 'Ziele des Hilfeplans weitgehend erreicht, die Lebenssituation ist stabil.',
    result: 'Die Lebenssituation hat sich deutlich stabilisiert; Fallmanagement ist nicht mehr erforderlich.',
    prospective: 'Die Integrationsfachkraft übernimmt die weitere Vermittlung; bei Bedarf ist erneut Fallmanagement möglich.',
  },
  moved_away: {
    closingReason: 'Umzug in einen anderen Landkreis angekündigt.',
    result: 'Die Person ist in einen anderen Landkreis umgezogen; der Fall wurde an das dortige Jobcenter übergeben.',
    prospective: 'Das neue Jobcenter wurde über die laufenden Hilfen informiert.',
  },
  benefit_receipt_ended: {
    closingReason: 'Der Leistungsbezug endet, das Einkommen des Partners deckt den Bedarf.',
    result: 'Der Leistungsbezug endete durch das Einkommen des Partners.',
    prospective: 'Kein weiterer Unterstützungsbedarf durch das Jobcenter erkennbar.',
  },
  dropout: {
    closingReason: 'Seit mehreren Monaten keine Mitwirkung trotz schriftlicher Einladungen.',
    result: 'Die Person hat trotz mehrfacher Einladungen nicht mehr mitgewirkt.',
    prospective: 'Ein neuer Anlauf ist möglich, sobald die Person wieder mitwirken möchte.',
  },
  transfer: {
    closingReason: 'Kein umfassender Unterstützungsbedarf mehr, Übergabe an die Integrationsfachkraft.',
    result: 'Der Fall wurde an die Integrationsfachkraft übergeben, weil kein umfassender Unterstützungsbedarf mehr besteht.',
    prospective: 'Die Integrationsfachkraft setzt die Vermittlung fort; laufende Beratungen gehen weiter.',
  },
  other: {
    closingReason: 'Erwerbsminderungsrente bewilligt.',
    result: 'Die Person bezieht inzwischen eine Rente wegen voller Erwerbsminderung.',
    prospective: 'Kein weiterer Unterstützungsbedarf im Fallmanagement.',
  },
};

/**
 * What the demo history (demo/history.ts) shares with this generator, so both speak the same language:
 * the themes behind barriers, goals and duties, the barrier weights per person, the outcomes and their texts.
 */
export const DEMO_CASE_VOCABULARY = {
  themes: THEMES,
  themeOf,
  personWeights,
  outcomeTexts: OUTCOME_TEXTS,
  aftercareOutcomes: AFTERCARE_OUTCOMES,
  aftercareOutcomeCum: AFTERCARE_OUTCOME_CUM,
  earlyOutcomes: EARLY_OUTCOMES,
  earlyOutcomeCum: EARLY_OUTCOME_CUM,
  subGoalReviewNotes: SUBGOAL_REVIEW_NOTES,
  ratingComments: RATING_COMMENTS,
  generalDuties: GENERAL_DUTIES,
  generalCommitments: GENERAL_COMMITMENTS,
} as const;

const REASSESS_REASONS: readonly string[] = [
  'Neue gesundheitliche Einschränkung bekannt geworden; die Handlungsbedarfe werden neu eingeschätzt.',
  'Trennung vom Partner, die Lebenssituation hat sich grundlegend verändert.',
  'Drohender Wohnungsverlust, das Assessment wird aktualisiert.',
  'Rückfall in den Suchtmittelkonsum, die Lage muss neu bewertet werden.',
];
const REPLAN_REASONS: readonly string[] = [
  'Maßnahme vorzeitig beendet, der Hilfeplan wird angepasst.',
  'Wichtige Teilziele erreicht, neue Ziele werden vereinbart.',
  'Kita-Platz erst später verfügbar, der Zeitplan muss angepasst werden.',
  'Überprüfung der Vereinbarung: Teilziele waren zu ehrgeizig und werden neu gefasst.',
];
const REOPEN_REASONS: readonly string[] = [
  'Die Person meldet sich erneut: das Arbeitsverhältnis wurde in der Probezeit beendet.',
  'Erneuter Unterstützungsbedarf wegen Mietschulden und gesundheitlicher Probleme.',
  'Die Person ist zurückgezogen und möchte das Fallmanagement fortsetzen.',
];
const REOPEN_INTAKE_REASONS: readonly string[] = [
  'Die Lage hat sich verschärft (Kündigung der Wohnung); die Indikation wird neu geprüft.',
  'Die Person ist jetzt zur Mitwirkung bereit; Erstberatung wird wieder aufgenommen.',
];
const INDICATE_OVERRIDE_REASONS: readonly string[] = [
  'Trotz weniger erfasster Handlungsbedarfe ist die Lage komplex (mehrere Lebensbereiche betroffen); Fallmanagement ist angezeigt.',
  'Die Problemlagen in der Bedarfsgemeinschaft wirken zusammen; ohne Fallmanagement ist keine Integration zu erwarten.',
];
const INDICATE_WILLINGNESS_REASONS: readonly string[] = [
  'Die Person ist noch unsicher, hat aber zugestimmt, es zu versuchen; Mitwirkung wird im Assessment geklärt.',
];
const DECLINE_OVERRIDE_REASONS: readonly string[] = [
  'Die Handlungsbedarfe werden bereits durch laufende Beratungen (Schuldner- und Suchtberatung) abgedeckt; Fallmanagement ist derzeit nicht erforderlich.',
  'Die Person beginnt in Kürze eine Ausbildung; die Integrationsfachkraft begleitet weiter.',
];
const DECLINE_REASONS: readonly string[] = [
  'Nur ein Handlungsbedarf; die Unterstützung durch die Integrationsfachkraft reicht aus.',
  'Die Person möchte derzeit nicht am Fallmanagement teilnehmen.',
  'Kein umfassender Unterstützungsbedarf erkennbar.',
];

const PLAN_NOTES: readonly string[] = [
  'Fortschreibung nach Überprüfung der Teilziele.',
  'Anpassung nach dem Gespräch über die Rückmeldung des Trägers.',
  'Teilziele gemeinsam aktualisiert.',
];

// ---------------------------------------------------------------------------------------------
// Timelines

type Step = readonly [CaseAction, CaseStatus];
const I: Step = ['indicate', 'assessment'];
const CA: Step = ['complete_assessment', 'planning'];
const SI: Step = ['start_implementation', 'implementation'];
const SC: Step = ['start_closing', 'closing'];
const CL: Step = ['close', 'closed'];
const CLA: Step = ['close', 'aftercare'];
const EA: Step = ['end_aftercare', 'closed'];
const RA: Step = ['reassess', 'assessment'];
const RP: Step = ['replan', 'planning'];
const ROA: Step = ['reopen', 'assessment'];
const ROI: Step = ['reopen', 'intake'];
const DE: Step = ['decline', 'not_indicated'];

/** The ways a case reaches its current status, with their weights. */
const PATHS: Record<CaseStatus, ReadonlyArray<readonly [number, readonly Step[]]>> = {
  intake: [
    [90, []],
    [10, [DE, ROI]],
  ],
  not_indicated: [[1, [DE]]],
  assessment: [
    [60, [I]],
    [20, [I, CA, SI, RA]],
    [20, [I, CA, SI, SC, CL, ROA]],
  ],
  planning: [
    [72, [I, CA]],
    [28, [I, CA, SI, RP]],
  ],
  implementation: [
    [75, [I, CA, SI]],
    [10, [I, CA, SI, RA, CA, SI]],
    [15, [I, CA, SI, RP, SI]],
  ],
  closing: [
    [78, [I, CA, SI, SC]],
    [15, [I, CA, SC]],
    [7, [I, SC]],
  ],
  aftercare: [
    [85, [I, CA, SI, SC, CLA]],
    [15, [I, CA, SI, RP, SI, SC, CLA]],
  ],
  closed: [
    [45, [I, CA, SI, SC, CL]],
    [30, [I, CA, SI, SC, CLA, EA]],
    [10, [I, CA, SI, RP, SI, SC, CL]],
    [10, [I, CA, SC, CL]],
    [5, [I, SC, CL]],
  ],
};
const PATH_CUMS = Object.fromEntries(
  Object.entries(PATHS).map(([status, options]) => [status, cumulative(options.map(([w]) => w))]),
) as Record<CaseStatus, Float64Array>;

/** Statuses whose history needs more than a few months. */
const LONG_STATUSES: ReadonlySet<CaseStatus> = new Set(['implementation', 'closing', 'aftercare', 'closed']);

interface Stay {
  status: CaseStatus;
  from: number;
  /** Day of the next transition; the reference date for the current status. */
  to: number;
  /** The action that ended the stay; null for the current status. */
  next: CaseAction | null;
}

/** How long a case stays in `status` before `next` (days). */
function stayLength(rng: Sfc32, status: CaseStatus, next: CaseAction, replanned: boolean): number {
  switch (status) {
    case 'intake':
      return rng.range(5, 35);
    case 'assessment':
      return rng.range(14, 56);
    case 'planning':
      return replanned ? rng.range(7, 30) : rng.range(10, 40);
    case 'implementation':
      return next === 'start_closing' ? rng.range(120, 640) : rng.range(90, 330);
    case 'closing':
      return rng.range(5, 40);
    case 'aftercare':
      return rng.range(90, 240);
    case 'closed':
      return rng.range(60, 420);
    default:
      return rng.range(60, 360);
  }
}

/** How long the case has been in its current status on the reference date (days). */
function currentElapsed(rng: Sfc32, status: CaseStatus): number {
  switch (status) {
    case 'intake':
      return rng.range(0, 28);
    case 'assessment':
      return rng.range(1, 56);
    case 'planning':
      return rng.range(1, 40);
    case 'implementation':
      return 7 + Math.floor(593 * rng.float() ** 1.25);
    case 'closing':
      return rng.range(1, 40);
    case 'aftercare':
      return rng.range(7, 150);
    default:
      return 1;
  }
}

// ---------------------------------------------------------------------------------------------
// Generation

interface Flags {
  overdueFollowUp: boolean;
  followUpToday: boolean;
  overdueSubGoal: boolean;
  reviewSoon: boolean;
  contactOverdue: boolean;
}

const NO_FLAGS: Flags = { overdueFollowUp: false, followUpToday: false, overdueSubGoal: false, reviewSoon: false, contactOverdue: false };

interface CaseSpec {
  person: DemoCasePerson;
  status: CaseStatus;
  caseManagerId: string;
  flags: Flags;
}

/** Largest-remainder allocation of `count` items to the weights; every state gets one once count allows. */
function allocate<K extends string>(count: number, weights: Readonly<Record<K, number>>): K[] {
  const keys = Object.keys(weights) as K[];
  const total = keys.reduce((sum, k) => sum + weights[k], 0);
  const minimum = count >= keys.length * 3 ? 1 : 0;
  const shares = keys.map((k) => ({ k, exact: (count * weights[k]) / total }));
  const counts = new Map(shares.map((s) => [s.k, Math.max(minimum, Math.floor(s.exact))]));
  let assigned = [...counts.values()].reduce((a, b) => a + b, 0);
  const byRemainder = [...shares].sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)));
  for (let i = 0; assigned < count; i++, assigned++) {
    const k = (byRemainder[i % byRemainder.length] as { k: K }).k;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  // With the minimum of one each, the sum can exceed count: take back from the largest.
  while (assigned > count) {
    const largest = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] as [K, number];
    counts.set(largest[0], largest[1] - 1);
    assigned--;
  }
  return keys.flatMap((k) => Array.from({ length: counts.get(k) ?? 0 }, () => k));
}

function shuffle<T>(rng: Sfc32, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = items[i] as T;
    items[i] = items[j] as T;
    items[j] = t;
  }
  return items;
}

const OPEN: ReadonlySet<CaseStatus> = new Set(['intake', 'assessment', 'planning', 'implementation', 'closing', 'aftercare']);

/**
 * Which persons get a case, with which status and case manager. The demo login gets 40–60 cases with
 * every status, and on five of its implementation cases the work of the day is guaranteed.
 */
function planCases(rng: Sfc32, options: GenerateCasesOptions, referenceDay: number): CaseSpec[] {
  const eligible = options.persons.filter(
    (p) => birthdayDay(p.birthDate, 18) <= referenceDay && birthdayDay(p.birthDate, 65) > referenceDay,
  );
  const count = Math.min(eligible.length, Math.max(0, Math.floor(options.caseCount ?? defaultDemoCaseCount(eligible.length))));
  if (count === 0 || options.caseManagerIds.length === 0) return [];
  const managers = options.caseManagerIds;
  const loginCount = managers.length === 1 ? count : Math.min(count, Math.ceil(count * 0.75), 40 + rng.int(21));
  const statuses = [
    ...shuffle(rng, allocate(loginCount, DEMO_STATUS_WEIGHTS)),
    ...shuffle(rng, allocate(count - loginCount, DEMO_STATUS_WEIGHTS)),
  ];

  // A random sample of the eligible persons (partial Fisher–Yates).
  const pool = eligible.slice();
  for (let i = 0; i < count; i++) {
    const j = i + rng.int(pool.length - i);
    const t = pool[i] as DemoCasePerson;
    pool[i] = pool[j] as DemoCasePerson;
    pool[j] = t;
  }
  const specs: CaseSpec[] = [];
  for (let i = 0; i < count; i++) {
    const status = statuses[i] as CaseStatus;
    // Long histories need a person who has been an adult for a while: swap in an older one.
    if (LONG_STATUSES.has(status) && birthdayDay((pool[i] as DemoCasePerson).birthDate, 18) > referenceDay - 400) {
      for (let j = i + 1; j < pool.length; j++) {
        if (birthdayDay((pool[j] as DemoCasePerson).birthDate, 18) <= referenceDay - 400) {
          const t = pool[i] as DemoCasePerson;
          pool[i] = pool[j] as DemoCasePerson;
          pool[j] = t;
          break;
        }
      }
    }
    const others = managers.length - 1;
    const caseManagerId = i < loginCount ? (managers[0] as string) : (managers[1 + ((i - loginCount) % others)] as string);
    specs.push({ person: pool[i] as DemoCasePerson, status, caseManagerId, flags: NO_FLAGS });
  }

  // The demo login's work today (SPEC C11): each kind of item at least three times (reviews twice).
  const loginImplementation = specs.slice(0, loginCount).filter((s) => s.status === 'implementation');
  const loginOpen = specs.slice(0, loginCount).filter((s) => OPEN.has(s.status) && s.status !== 'implementation');
  const showcase = [...loginImplementation, ...loginOpen];
  const patterns: Flags[] = [
    { ...NO_FLAGS, overdueFollowUp: true, overdueSubGoal: true },
    { ...NO_FLAGS, overdueFollowUp: true, contactOverdue: true },
    { ...NO_FLAGS, overdueFollowUp: true, reviewSoon: true },
    { ...NO_FLAGS, followUpToday: true, overdueSubGoal: true, contactOverdue: true },
    { ...NO_FLAGS, overdueSubGoal: true, reviewSoon: true, contactOverdue: true },
  ];
  patterns.forEach((flags, i) => {
    const spec = showcase[i];
    if (spec) spec.flags = flags;
  });
  return specs;
}

interface Context {
  rng: Sfc32;
  ids: Sfc32;
  referenceDay: number;
  types: readonly DemoCaseBarrierType[];
  themeById: ReadonlyMap<string, ThemeKey>;
  rules: readonly DemoCaseAgreementRule[];
  density: Record<CasePriority, number>;
  indication: IndicationRule;
  managers: readonly string[];
}

const PRIORITIES: readonly CasePriority[] = ['high', 'medium', 'low'];
const PRIORITY_CUM = cumulative([30, 50, 20]);
const DENSITY_OVERRIDES = [7, 21, 42] as const;
const SEVERITIES = ['low', 'medium', 'high'] as const;
const SEVERITY_CUM = cumulative([25, 45, 30]);
const CONTACT_KINDS_ORDER: readonly ContactKind[] = ['meeting', 'phone', 'letter', 'home_visit'];
const CONTACT_KIND_CUM = cumulative([40, 38, 12, 10]);
const CONTACT_KIND_CUM_HIGH = cumulative([38, 34, 10, 18]);
const BARRIER_COUNT_CUM = cumulative([10, 30, 30, 20, 10]);
const SATISFACTION_CUM = cumulative([3, 7, 20, 40, 30]);
const SATISFACTION_CUM_LOW = cumulative([20, 30, 30, 15, 5]);

/** Slots order what happens on one day: the gates compare creation times with `status_since`. */
const SLOT = { open: 0, record: 0, rating: 1, plan: 2, agreement: 3, transition: 4, closingRating: 5, close: 6, after: 7 } as const;

/** Agreements the rule table knows: the one in force on `day`. */
function ruleOn(rules: readonly DemoCaseAgreementRule[], iso: string): DemoCaseAgreementRule | undefined {
  return rules.find((rule) => rule.validFrom <= iso && (rule.validTo === null || iso <= rule.validTo));
}

/** Builds one case file along its timeline. */
class CaseBuilder {
  private readonly rng: Sfc32;
  private readonly R: number;
  private readonly salt: number;
  private readonly caseId: string;
  private maxStamp = 0;

  constructor(
    private readonly ctx: Context,
    private readonly spec: CaseSpec,
  ) {
    this.rng = ctx.rng;
    this.R = ctx.referenceDay;
    this.caseId = uuidV4(ctx.ids);
    this.salt = this.rng.int(400);
  }

  private id(): string {
    return uuidV4(this.ctx.ids);
  }

  /** A timestamp on `day` in German office hours; on the reference date early in the morning, never later than now. */
  private stamp(day: number, slot: number): string {
    const base = day >= this.R ? 300 : 360 + ((day * 7919 + this.salt * 13) % 400);
    const minute = base + slot * 6;
    const value = day * 1440 + minute;
    if (value > this.maxStamp) this.maxStamp = value;
    return `${isoOf(day)}T${PAD2[Math.floor(minute / 60)]}:${PAD2[minute % 60]}:00.000Z`;
  }

  private pick<T>(items: readonly T[]): T {
    return this.rng.pick(items);
  }

  build(): DemoCaseFile {
    const { rng, R, spec, ctx } = this;
    const person = spec.person;
    const status = spec.status;
    const manager = spec.caseManagerId;

    const priority = PRIORITIES[pickWeighted(rng, PRIORITY_CUM)] as CasePriority;
    const densityOverride = rng.chance(0.15) ? (rng.pick(DENSITY_OVERRIDES) as number) : null;
    const density = densityOverride ?? ctx.density[priority];

    // ——— timeline ———
    const options = PATHS[status];
    const earliest = Math.max(FIRST_DAY, birthdayDay(person.birthDate, 18));
    // A person who only just came of age gets the plainest history of the status.
    const drawn = pickWeighted(rng, PATH_CUMS[status]);
    const path = (options[R - earliest < 150 ? 0 : drawn] as readonly [number, readonly Step[]])[1];
    const visited: CaseStatus[] = ['intake', ...path.map(([, to]) => to)];
    const stays: number[] = path.map(([action], i) =>
      stayLength(rng, visited[i] as CaseStatus, action, visited[i - 1] === 'implementation'),
    );
    const staysTotal = stays.reduce((a, b) => a + b, 0);
    let opened: number;
    const finished = status === 'closed' || status === 'not_indicated';
    if (finished) {
      const latestOpen = R - 1 - staysTotal;
      if (latestOpen >= earliest) opened = earliest + rng.int(latestOpen - earliest + 1);
      else {
        scaleInto(stays, Math.max(stays.length, R - 1 - earliest));
        opened = Math.max(earliest, R - 1 - stays.reduce((a, b) => a + b, 0));
      }
    } else {
      const elapsed = currentElapsed(rng, status);
      opened = R - staysTotal - elapsed;
      if (opened < earliest) {
        scaleInto(stays, Math.max(stays.length, Math.floor((R - earliest) * 0.9)));
        opened = Math.max(earliest, R - stays.reduce((a, b) => a + b, 0) - Math.min(elapsed, 5));
      }
    }
    opened = Math.min(opened, R);
    const stepDays: number[] = [];
    let day = opened;
    for (const length of stays) {
      day = Math.min(R, day + Math.max(1, length));
      stepDays.push(day);
    }
    const timeline: Stay[] = visited.map((s, i) => ({
      status: s,
      from: i === 0 ? opened : (stepDays[i - 1] as number),
      to: i < path.length ? (stepDays[i] as number) : R,
      next: i < path.length ? (path[i] as Step)[0] : null,
    }));
    const stayOf = (s: CaseStatus) => timeline.filter((t) => t.status === s);
    const dayOfAction = (action: CaseAction) => {
      const i = path.findIndex(([a]) => a === action);
      return i < 0 ? null : (stepDays[i] as number);
    };
    const indicateDay = dayOfAction('indicate');
    const declineDay = dayOfAction('decline');
    const closingStart = dayOfAction('start_closing');
    const closeDay = dayOfAction('close');
    const endAftercareDay = dayOfAction('end_aftercare');
    const firstAssessment = stayOf('assessment')[0];
    const reassessStay = timeline.find((t, i) => t.status === 'assessment' && i > 0 && path[i - 1]?.[0] !== 'indicate');
    const implementationStays = stayOf('implementation');
    const planningStays = stayOf('planning');
    const indicated = indicateDay !== null;
    /** Help ends here: no plan work, agreements or reviews after the closing started. */
    const horizon = closingStart ?? R + 1;

    // ——— barriers ———
    const age = Math.floor((R - dayOf(person.birthDate)) / 365.25);
    let barrierCount: number;
    if (indicated) barrierCount = 2 + pickWeighted(rng, BARRIER_COUNT_CUM);
    else if (status === 'intake' && path.length === 0) barrierCount = rng.pick([0, 1, 1, 2, 2, 3]);
    else barrierCount = rng.pick([0, 1, 1, 2, 2, 2, 3, 4]);
    let willing: boolean | null;
    if (indicated) willing = rng.chance(0.97);
    else if (declineDay !== null) willing = rng.chance(0.55);
    else willing = rng.chance(0.5) ? null : rng.chance(0.85);

    const chosen = this.chooseBarriers(person, age, barrierCount);
    const intakeStay = timeline[0] as Stay;
    const atIntake = indicated ? (rng.chance(0.55) ? chosen.length : 1 + rng.int(chosen.length)) : chosen.length;
    const barriers: DemoCaseBarrier[] = chosen.map((type, i) => {
      let recorded: number;
      if (i < atIntake) recorded = intakeStay.from + rng.int(Math.max(1, intakeStay.to - intakeStay.from + 1));
      else if (firstAssessment) recorded = firstAssessment.from + rng.int(Math.max(1, firstAssessment.to - firstAssessment.from + 1));
      else recorded = intakeStay.from;
      recorded = Math.min(recorded, R);
      return this.barrier(type, recorded, manager);
    });
    // A re-assessment finds something new.
    if (reassessStay && chosen.length < ctx.types.length) {
      const extra = this.chooseBarriers(person, age, chosen.length + 1, chosen).at(-1);
      if (extra)
        barriers.push(
          this.barrier(extra, Math.min(R, reassessStay.from + rng.int(Math.max(1, reassessStay.to - reassessStay.from + 1))), manager),
        );
    }

    const barrierTheme = (b: DemoCaseBarrier): ThemeKey => ctx.themeById.get(b.barrierTypeId) ?? 'work';
    // Treatment order: stabilising themes first, severe before mild.
    const severityScore = { high: 0, medium: 1, low: 2 } as const;
    const ordered = barriers
      .map((b) => ({ b, key: THEMES[barrierTheme(b)].rank + severityScore[b.severity] * 2 + rng.float() * 4 }))
      .sort((x, y) => x.key - y.key)
      .map((x) => x.b);

    // Resolution: the longer the help, the more barriers are solved.
    const implementationDays = implementationStays.reduce((sum, s) => sum + (s.to - s.from), 0);
    const positive = status === 'aftercare' || status === 'closed';
    if (implementationDays > 120) {
      const p = Math.min(0.6, implementationDays / 900) + (positive ? 0.15 : 0);
      const end = closingStart ?? R;
      for (const b of ordered) {
        const recorded = dayOf(b.recordedOn);
        if (end - recorded > 90 && rng.chance(p)) {
          b.status = 'resolved';
          b.updatedAt = this.stamp(recorded + 60 + rng.int(end - recorded - 59), SLOT.record);
        }
      }
      if (OPEN.has(status) && !ordered.some((b) => b.status === 'active')) {
        const first = ordered[0];
        if (first) {
          first.status = 'active';
          first.updatedAt = first.createdAt;
        }
      }
    }
    const pastAssessment = timeline.some((t) => t.next === 'complete_assessment') || (indicated && closingStart !== null);
    const orderSet = pastAssessment || (status === 'assessment' && rng.chance(0.5));
    if (orderSet && indicated) {
      let n = 1;
      for (const b of ordered) {
        b.priority = b.status === 'active' ? n++ : null;
      }
      // A barrier found in the current re-assessment is often not yet ordered.
      const newest = barriers.at(-1);
      if (status === 'assessment' && reassessStay && newest && rng.chance(0.5) && newest.status === 'active') {
        newest.priority = null;
        n = 1;
        for (const b of ordered) if (b.priority !== null) b.priority = n++;
      }
    }

    // ——— transitions ———
    const transitions: DemoCaseTransition[] = [
      {
        id: this.id(),
        caseId: this.caseId,
        at: this.stamp(opened, SLOT.open),
        actorId: manager,
        action: 'open',
        fromStatus: null,
        toStatus: 'intake',
        reason: null,
        indicationMet: null,
        indicationOverride: false,
      },
    ];
    let outcome: ClosingOutcome | null = null;
    if (closeDay !== null || status === 'closing') {
      if (path.some(([a, to]) => a === 'close' && to === 'aftercare'))
        outcome = AFTERCARE_OUTCOMES[pickWeighted(rng, AFTERCARE_OUTCOME_CUM)] as ClosingOutcome;
      else if (implementationStays.length === 0) outcome = EARLY_OUTCOMES[pickWeighted(rng, EARLY_OUTCOME_CUM)] as ClosingOutcome;
      else outcome = CLOSING_OUTCOMES[pickWeighted(rng, OUTCOME_CUM)] as ClosingOutcome;
    }
    path.forEach(([action, to], i) => {
      const at = stepDays[i] as number;
      const from = visited[i] as CaseStatus;
      let reason: string | null = null;
      let met: boolean | null = null;
      let override = false;
      if (action === 'indicate' || action === 'decline') {
        const known = barriers.filter((b) => dayOf(b.recordedOn) <= at).length;
        met = indicationMet(ctx.indication, { activeBarriers: known, willingToCooperate: willing });
        override = action === 'indicate' ? !met : met;
        if (override) {
          if (action === 'decline') reason = this.pick(DECLINE_OVERRIDE_REASONS);
          else if (willing !== true) reason = this.pick(INDICATE_WILLINGNESS_REASONS);
          else reason = this.pick(INDICATE_OVERRIDE_REASONS);
        } else if (action === 'decline' && rng.chance(0.7)) reason = this.pick(DECLINE_REASONS);
      } else if (action === 'reassess') reason = this.pick(REASSESS_REASONS);
      else if (action === 'replan') reason = this.pick(REPLAN_REASONS);
      else if (action === 'reopen') reason = this.pick(to === 'intake' ? REOPEN_INTAKE_REASONS : REOPEN_REASONS);
      else if (action === 'start_closing') reason = OUTCOME_TEXTS[outcome ?? 'stabilisation'].closingReason;
      const slot = action === 'close' ? SLOT.close : action === 'end_aftercare' || action === 'reopen' ? SLOT.after : SLOT.transition;
      transitions.push({
        id: this.id(),
        caseId: this.caseId,
        at: this.stamp(at, slot),
        actorId: manager,
        action,
        fromStatus: from,
        toStatus: to,
        reason,
        indicationMet: met,
        indicationOverride: override,
      });
    });
    const statusSince = (transitions.at(-1) as DemoCaseTransition).at;

    // ——— resources ———
    const resources: DemoCaseResource[] = [];
    const themesOfCase = new Set(barriers.map(barrierTheme));
    const resourceCount = indicated ? 1 + rng.int(3) : rng.int(2);
    const resourceEnd = firstAssessment ? firstAssessment.to : intakeStay.to;
    const candidates = RESOURCES.filter((r) => !r.not?.some((t) => themesOfCase.has(t)));
    if (person.refugee && rng.chance(0.5)) candidates.push(MULTILINGUAL_RESOURCE);
    const usedResources = new Set<string>();
    for (let i = 0; i < resourceCount && candidates.length > 0; i++) {
      const r = this.pick(candidates);
      if (usedResources.has(r.text)) continue;
      usedResources.add(r.text);
      const recorded = Math.min(R, opened + rng.int(Math.max(1, resourceEnd - opened + 1)));
      resources.push({
        id: this.id(),
        caseId: this.caseId,
        category: r.category,
        description: r.text,
        recordedOn: isoOf(recorded),
        recordedBy: manager,
        createdAt: this.stamp(recorded, SLOT.record),
      });
    }

    // ——— help plan and agreements ———
    const plan = this.plan(ordered, barrierTheme, planningStays, implementationStays, horizon, status, outcome, manager);

    // ——— ratings ———
    const ratings = this.ratings(barriers, barrierTheme, {
      firstAssessment,
      reassessStay,
      closingStart,
      closeDay,
      status,
      outcome,
      manager,
      needsBaseline: pastAssessment && indicated && timeline.some((t) => t.next === 'complete_assessment'),
    });

    // ——— contacts ———
    const anchors: Array<{ day: number; kind: ContactKind; summary: string }> = [];
    if (rng.chance(0.95))
      anchors.push({ day: opened, kind: 'meeting', summary: 'Erstgespräch: Lebenssituation, Anliegen und Erwartungen besprochen' });
    for (const r of ratings) {
      const d = dayOf(r.ratedOn);
      if (r.occasion === 'baseline')
        anchors.push({
          day: d,
          kind: 'meeting',
          summary: 'Assessment: Handlungsbedarfe und Stärken gemeinsam erhoben, Lebensbereiche eingeschätzt',
        });
      else if (r.occasion === 'review')
        anchors.push({ day: d, kind: 'meeting', summary: 'Zwischenbilanz: Lebensbereiche gemeinsam neu eingeschätzt' });
      else anchors.push({ day: d, kind: 'meeting', summary: 'Abschlussgespräch: Ergebnis, Rückblick und Ausblick besprochen' });
    }
    for (const a of plan.agreements) {
      const d = dayOf(a.agreedOn);
      const label = a.kind === 'egv' ? 'Eingliederungsvereinbarung' : a.kind === 'kooperationsplan' ? 'Kooperationsplan' : null;
      if (label)
        anchors.push({
          day: d,
          kind: 'meeting',
          summary:
            a.versionNo === 1 ? `${label} besprochen und gemeinsam unterschrieben` : `Fortschreibung: ${label} überprüft und angepasst`,
        });
      else
        anchors.push({
          day: d,
          kind: 'letter',
          summary: 'Keine Einigung erzielt; Pflichten per Verwaltungsakt festgelegt und Bescheid versandt',
        });
    }
    const contactIntervals: Array<{ from: number; to: number; aftercare: boolean }> = [];
    for (const t of timeline) {
      if (t.status === 'closed' || t.status === 'not_indicated') continue;
      const end = t.next === null ? R + 1 : t.to + (t.next === 'close' || t.next === 'decline' ? 1 : 0);
      contactIntervals.push({ from: t.from, to: end, aftercare: t.status === 'aftercare' });
    }
    const themeList = [...themesOfCase];
    let contactDays = new Map<number, { kind: ContactKind; summary: string }>();
    for (const a of anchors) if (a.day <= R) contactDays.set(a.day, { kind: a.kind, summary: a.summary });
    const kindCum = priority === 'high' ? CONTACT_KIND_CUM_HIGH : CONTACT_KIND_CUM;
    const rhythm = () => {
      const kind = CONTACT_KINDS_ORDER[pickWeighted(rng, kindCum)] as ContactKind;
      let summary: string;
      // Theme texts starting with "Telefonat:" are phone calls, the others talks in person.
      const themed =
        (kind === 'meeting' || kind === 'phone') && themeList.length > 0
          ? THEMES[this.pick(themeList)].contacts.filter((text) => text.startsWith('Telefonat') === (kind === 'phone'))
          : [];
      if (themed.length > 0 && rng.chance(0.55)) summary = this.pick(themed);
      else summary = this.pick(CONTACT_TEXTS[kind]);
      return { kind, summary };
    };
    for (const interval of contactIntervals) {
      const factor = interval.aftercare ? 1.6 : 1;
      let t = interval.from + Math.max(3, Math.round(density * factor * (0.45 + rng.float() * 0.6)));
      while (t < interval.to && t <= R) {
        if (!contactDays.has(t)) {
          const c = interval.aftercare
            ? { kind: (rng.chance(0.6) ? 'phone' : 'meeting') as ContactKind, summary: this.pick(AFTERCARE_CONTACTS) }
            : rhythm();
          contactDays.set(t, c);
        }
        t += Math.max(3, Math.round(density * factor * (0.45 + rng.float() * 0.6)));
      }
    }
    if (OPEN.has(status)) {
      const overdue = spec.flags.contactOverdue || (rng.chance(0.12) && opened + density < R);
      if (overdue) {
        const cutoff = R - density - 1 - rng.int(Math.min(30, Math.max(1, R - density - opened)));
        contactDays = new Map([...contactDays].filter(([d]) => d <= cutoff));
      } else {
        const last = Math.max(-Infinity, ...contactDays.keys());
        if (last <= R - density && opened <= R) {
          const d = Math.max(opened, R - rng.int(Math.max(1, density - 1)));
          contactDays.set(d, status === 'aftercare' ? { kind: 'phone', summary: this.pick(AFTERCARE_CONTACTS) } : rhythm());
        }
      }
    }
    const contactEntries = [...contactDays].sort((a, b) => a[0] - b[0]).slice(-60);
    const contacts: DemoCaseContact[] = contactEntries.map(([d, c]) => ({
      id: this.id(),
      caseId: this.caseId,
      kind: c.kind,
      occurredOn: isoOf(d),
      summary: c.summary,
      note: rng.chance(0.12)
        ? person.interpreterNeeded && rng.chance(0.5)
          ? 'Gespräch mit Sprachmittlung.'
          : this.pick(CONTACT_NOTES)
        : null,
      createdBy: manager,
      createdAt: this.stamp(d, SLOT.rating),
    }));
    const lastContact = contactEntries.at(-1)?.[0] ?? null;

    // ——— follow-ups ———
    const followUps = this.followUps(themeList, plan.agreements.length > 0, {
      opened,
      end:
        closeDay !== null && !OPEN.has(status)
          ? (endAftercareDay ?? closeDay)
          : declineDay !== null && status === 'not_indicated'
            ? declineDay
            : R,
      open: OPEN.has(status),
      aftercare: status === 'aftercare',
      manager,
    });

    // ——— closing ———
    const closed = status === 'closed' || status === 'aftercare';
    const goalThemes = [...new Set(plan.goalThemes)];
    let retrospective: string | null = null;
    let prospective: string | null = null;
    let satisfaction: number | null = null;
    if (closed && outcome) {
      const achievements = goalThemes.map((t) => THEMES[t].achievement).slice(0, 2);
      const done =
        achievements.length === 0
          ? ''
          : outcome === 'dropout'
            ? `Zu Beginn wurde ${achievements[0]}; danach brach der Kontakt ab. `
            : `Im Fallmanagement wurde ${achievements.join(' und ')}. `;
      retrospective = `${done}${OUTCOME_TEXTS[outcome].result}`;
      prospective = OUTCOME_TEXTS[outcome].prospective;
      if (status === 'aftercare') prospective = `${prospective} Nachbetreuung bis zum vereinbarten Ende.`;
      satisfaction = rng.chance(0.88) ? 1 + pickWeighted(rng, outcome === 'dropout' ? SATISFACTION_CUM_LOW : SATISFACTION_CUM) : null;
    }
    let aftercareUntil: string | null = null;
    if (status === 'aftercare') aftercareUntil = isoOf(R + 14 + rng.int(187));
    else if (endAftercareDay !== null && status === 'closed') aftercareUntil = isoOf(endAftercareDay);
    let closedOn: string | null = null;
    if (status === 'closed') closedOn = isoOf((endAftercareDay ?? closeDay) as number);
    else if (status === 'not_indicated') closedOn = isoOf(declineDay as number);

    const nextDue = isoOf((lastContact ?? opened) + density);
    const file: DemoCaseFile = {
      case: {
        id: this.caseId,
        personId: person.id,
        status,
        priority,
        caseManagerId: manager,
        contactDensityDays: densityOverride,
        willingToCooperate: willing,
        openedOn: isoOf(opened),
        closedOn,
        aftercareUntil,
        statusSince,
        outcome: closed ? outcome : null,
        retrospective,
        prospective,
        personParticipated: closed ? true : null,
        satisfaction,
        lastContactOn: lastContact === null ? null : isoOf(lastContact),
        nextContactDue: nextDue,
        createdAt: transitions[0]?.at as string,
        updatedAt: '',
      },
      transitions,
      barriers,
      resources,
      goals: plan.goals,
      subGoals: plan.subGoals,
      agreements: plan.agreements,
      ratings,
      contacts,
      followUps,
    };
    const m = this.maxStamp;
    const d = Math.floor(m / 1440);
    const minute = m % 1440;
    file.case.updatedAt = `${isoOf(d)}T${PAD2[Math.floor(minute / 60)]}:${PAD2[minute % 60]}:00.000Z`;
    return file;
  }

  /** Draws `count` distinct barrier types with the person's weights and the correlations between barriers. */
  private chooseBarriers(
    person: DemoCasePerson,
    age: number,
    count: number,
    already: readonly DemoCaseBarrierType[] = [],
  ): DemoCaseBarrierType[] {
    const { types } = this.ctx;
    const weights = personWeights(types, person, age);
    const chosen: DemoCaseBarrierType[] = [...already];
    const apply = (type: DemoCaseBarrierType) => {
      const index = types.indexOf(type);
      if (index >= 0) weights[index] = 0;
      for (const [code, factor] of CORRELATIONS[type.code] ?? []) {
        const j = types.findIndex((t) => t.code === code);
        if (j >= 0) weights[j] = (weights[j] as number) * factor;
      }
    };
    for (const t of already) apply(t);
    while (chosen.length < Math.min(count, types.length)) {
      let total = 0;
      for (const w of weights) total += w;
      if (total <= 0) break;
      let r = this.rng.float() * total;
      let index = 0;
      for (; index < weights.length - 1; index++) {
        r -= weights[index] as number;
        if (r < 0) break;
      }
      const type = types[index] as DemoCaseBarrierType;
      chosen.push(type);
      apply(type);
    }
    return chosen;
  }

  private barrier(type: DemoCaseBarrierType, recorded: number, manager: string): DemoCaseBarrier {
    const { rng } = this;
    const theme = THEMES[this.ctx.themeById.get(type.id) ?? themeOf(type)];
    let severity = SEVERITIES[pickWeighted(rng, SEVERITY_CUM)] as 'low' | 'medium' | 'high';
    if ((type.code === 'homelessness' || type.code === 'addiction_drugs_medication') && severity === 'low') severity = 'high';
    if (type.code === 'age_50_plus' && severity === 'high') severity = 'medium';
    const sources = Object.entries(theme.indicatorSources) as Array<[IndicatorSource, number]>;
    const cum = cumulative(sources.map(([, w]) => w));
    const indicators: Array<{ source: IndicatorSource; note: string | null }> = [];
    const count = 1 + pickWeighted(rng, cumulative([50, 35, 15]));
    const notesOf = BARRIER_NOTES[type.code];
    if (type.code === 'severe_disability')
      indicators.push({ source: 'disability_card', note: this.pick(notesOf?.indicators?.disability_card ?? ['']) || null });
    for (let i = 0; indicators.length < count && i < 6; i++) {
      const source = (sources[pickWeighted(rng, cum)] as [IndicatorSource, number])[0];
      if (indicators.some((x) => x.source === source)) continue;
      const notes = notesOf?.indicators?.[source];
      indicators.push({ source, note: notes && rng.chance(0.5) ? this.pick(notes) : null });
    }
    const stamp = this.stamp(recorded, SLOT.record);
    return {
      id: this.id(),
      caseId: this.caseId,
      barrierTypeId: type.id,
      code: type.code,
      severity,
      recordedOn: isoOf(recorded),
      recordedBy: manager,
      priority: null,
      indicators,
      note: notesOf && rng.chance(0.35) ? this.pick(notesOf.note) : null,
      status: 'active',
      createdAt: stamp,
      updatedAt: stamp,
    };
  }

  /**
   * Goals with sub-goals and the agreement versions. Plan points: the goal-setting day of each planning
   * stay and every Fortschreibung; an agreement concludes each planning stay that led to implementation.
   */
  private plan(
    ordered: DemoCaseBarrier[],
    themeOfBarrier: (b: DemoCaseBarrier) => ThemeKey,
    planningStays: Stay[],
    implementationStays: Stay[],
    horizon: number,
    status: CaseStatus,
    outcome: ClosingOutcome | null,
    manager: string,
  ) {
    const { rng, R, ctx } = this;
    const goals: DemoPlanGoal[] = [];
    const subGoals: DemoPlanSubGoal[] = [];
    const agreements: DemoAgreementVersion[] = [];
    const goalThemes: ThemeKey[] = [];
    const result = { goals, subGoals, agreements, goalThemes };
    if (planningStays.length === 0) return result;

    // Themes in the order of treatment; work comes last as the long-term goal.
    const themeOrder: ThemeKey[] = [];
    const barriersOf = new Map<ThemeKey, DemoCaseBarrier[]>();
    for (const b of ordered) {
      const t = themeOfBarrier(b);
      if (!barriersOf.has(t)) {
        barriersOf.set(t, []);
        themeOrder.push(t);
      }
      barriersOf.get(t)?.push(b);
    }
    const goalCount = Math.max(1, Math.min(3, themeOrder.length, 1 + pickWeighted(rng, cumulative([25, 50, 25]))));
    const initial = themeOrder.slice(0, goalCount);
    if (initial.length < 3 && !initial.includes('work') && rng.chance(0.5)) initial.push('work');
    const later = themeOrder.filter((t) => !initial.includes(t));

    interface Point {
      day: number;
      slot: number;
    }
    const goalTheme = new Map<string, ThemeKey>();
    const goalPoint = new Map<string, number>();
    const points: Point[] = [];
    const addGoal = (theme: ThemeKey, day: number) => {
      const t = THEMES[theme];
      const bs = barriersOf.get(theme) ?? [];
      const fitting = t.goals.filter((g) => !g.codes || g.codes.some((c) => bs.some((b) => b.code === c)));
      const g = this.pick(fitting.length > 0 ? fitting : t.goals);
      const stamp = this.stamp(day, SLOT.plan);
      const goal: DemoPlanGoal = {
        id: this.id(),
        caseId: this.caseId,
        title: g.title,
        description: rng.chance(0.8) ? g.description : null,
        status: 'active',
        barrierIds: bs.map((b) => b.id),
        createdAt: stamp,
        updatedAt: stamp,
      };
      goals.push(goal);
      goalThemes.push(theme);
      goalTheme.set(goal.id, theme);
      goalPoint.set(goal.id, points.length - 1);
      return goal;
    };

    // Versions: at the end of every planning stay that led to implementation, then Fortschreibungen.
    const versionDays: Array<{ day: number; planningFrom: number | null }> = [];
    let lastVersion: { day: number; review: number } | null = null;
    const firstPlanning = planningStays[0] as Stay;
    const firstCurrent = firstPlanning.next === null;
    let withSubGoals = true;
    for (const stay of planningStays) {
      // Goals are written with the person during planning.
      let goalDay: number;
      if (stay.next === null) {
        if (stay.from + 1 > R) continue;
        goalDay = stay.from + 1 + rng.int(R - stay.from);
      } else {
        const latest = stay.to;
        goalDay = Math.min(latest, stay.from + 1 + rng.int(Math.max(1, Math.floor((latest - stay.from) / 2))));
      }
      points.push({ day: goalDay, slot: SLOT.plan });
      if (stay === firstPlanning) {
        if (firstCurrent && rng.chance(0.15)) {
          points.pop();
          break;
        }
        if (firstCurrent && rng.chance(0.3)) withSubGoals = false;
        for (const theme of initial) addGoal(theme, goalDay);
      } else if (later.length > 0 && rng.chance(0.4)) {
        addGoal(later.shift() as ThemeKey, goalDay);
      }
      if (stay.next === 'start_implementation') {
        const agreedDay = Math.max(stay.from + 1, stay.to - rng.int(Math.min(10, Math.max(1, stay.to - stay.from))));
        versionDays.push({ day: Math.max(goalDay, agreedDay), planningFrom: stay.from });
        lastVersion = { day: Math.max(goalDay, agreedDay), review: Math.max(goalDay, agreedDay) + rng.range(91, 183) };
        // Fortschreibungen during the following implementation stay.
        const impl = implementationStays.find((s) => s.from === stay.to);
        if (impl) {
          let next = lastVersion.review + rng.range(-7, 10);
          const stayEnd = impl.next === null ? R + 1 : impl.to;
          while (next < stayEnd && next <= R && next < horizon && versionDays.length < 4) {
            if (next > lastVersion.day + 30) {
              versionDays.push({ day: next, planningFrom: null });
              lastVersion = { day: next, review: next + rng.range(91, 183) };
            }
            next = lastVersion.review + rng.range(-7, 10);
            if (next <= lastVersion.day) next = lastVersion.day + 31;
          }
        }
      }
    }
    for (const v of versionDays) if (v.planningFrom === null) points.push({ day: v.day, slot: SLOT.plan });
    points.sort((a, b) => a.day - b.day);
    if (goals.length === 0) return result;

    // Sub-goals: 1–4 per goal, created at the goal's plan point and at later Fortschreibungen.
    const endOfHelp = Math.min(horizon, R + 1);
    const closedLike = horizon <= R;
    const dropout = outcome === 'dropout';
    for (const goal of goals) {
      if (!withSubGoals) break;
      const theme = THEMES[goalTheme.get(goal.id) as ThemeKey];
      const goalDay = dayOf(goal.createdAt.slice(0, 10));
      const ownPoints = points.filter((p) => p.day >= goalDay);
      const n = 1 + pickWeighted(rng, cumulative([20, 35, 30, 15]));
      const titles = shuffle(rng, theme.subGoals.slice()).slice(0, n);
      titles.forEach((template, j) => {
        const point = j === 0 || ownPoints.length <= 1 ? (ownPoints[0] as Point) : (ownPoints[rng.int(ownPoints.length)] as Point);
        const created = point.day;
        const due = created + rng.range(21, 150);
        let statusOf: SubGoalStatus;
        let changed: number;
        if (due < endOfHelp) {
          const r = rng.float();
          statusOf = dropout
            ? r < 0.3
              ? 'reached'
              : r < 0.45
                ? 'partly_reached'
                : r < 0.85
                  ? 'missed'
                  : 'dropped'
            : r < 0.55
              ? 'reached'
              : r < 0.72
                ? 'partly_reached'
                : r < 0.82
                  ? 'missed'
                  : r < 0.88
                    ? 'dropped'
                    : 'open';
          if (statusOf === 'open' && closedLike) statusOf = 'reached';
          // Overdue and still open only for a few weeks; older ones were settled at a later talk.
          else if (statusOf === 'open' && due < R - 90) statusOf = rng.chance(0.5) ? 'missed' : 'partly_reached';
          changed = Math.min(R, endOfHelp, Math.max(created, due + rng.range(-10, 14)));
        } else if (closedLike) {
          // Due after the closing started: settled in the closing talk, early successes or no longer pursued.
          const r = rng.float();
          statusOf = r < 0.35 && !dropout ? 'reached' : r < 0.85 || status === 'closed' ? 'dropped' : 'open';
          changed = Math.min(R, endOfHelp);
        } else {
          statusOf = 'open';
          changed = created;
        }
        const createdStamp = this.stamp(created, SLOT.plan);
        subGoals.push({
          id: this.id(),
          caseId: this.caseId,
          goalId: goal.id,
          title: template.title,
          ownerKind: template.owner,
          ownerNote: template.ownerNote ?? null,
          dueOn: isoOf(due),
          status: statusOf,
          reviewNote: statusOf === 'open' || rng.chance(0.3) ? null : this.pick(SUBGOAL_REVIEW_NOTES[statusOf]),
          createdAt: createdStamp,
          updatedAt: statusOf === 'open' ? createdStamp : this.stamp(changed, SLOT.plan),
        });
      });
    }
    if (this.spec.flags.overdueSubGoal) {
      const candidate = subGoals.filter((s) => s.createdAt.slice(0, 10) <= isoOf(R - 10)).at(-1);
      if (candidate) {
        const created = dayOf(candidate.createdAt.slice(0, 10));
        candidate.dueOn = isoOf(R - 3 - rng.int(Math.max(1, Math.min(30, R - created - 4))));
        candidate.status = 'open';
        candidate.reviewNote = null;
        candidate.updatedAt = candidate.createdAt;
      }
    }
    for (const goal of goals) {
      const own = subGoals.filter((s) => s.goalId === goal.id);
      if (own.length > 0 && own.every((s) => s.status !== 'open') && own.some((s) => s.status === 'reached') && !dropout) {
        if (status === 'closed' || rng.chance(0.4)) {
          goal.status = 'reached';
          goal.updatedAt = own
            .map((s) => s.updatedAt)
            .sort()
            .at(-1) as string;
        }
      } else if (status === 'closed' && own.every((s) => s.status === 'dropped' || s.status === 'missed')) goal.status = 'dropped';
    }

    // Agreement versions under the rule of their date.
    let duties: DemoAgreementDuty[] = [];
    let commitments: Array<{ text: string; goalId: string | null }> = [];
    versionDays.forEach((v, index) => {
      const agreedIso = isoOf(v.day);
      const rule = ruleOn(ctx.rules, agreedIso);
      if (!rule) return;
      const reached = rule.fallbackKind === null ? true : rng.chance(0.9);
      const kind = (reached ? rule.agreedKind : rule.fallbackKind) as AgreementKind;
      const activeGoals = goals.filter((g) => g.createdAt.slice(0, 10) <= agreedIso);
      if (index === 0 || duties.length === 0) {
        duties = [];
        commitments = [];
        for (const goal of activeGoals) this.addItems(goal, goalTheme.get(goal.id) as ThemeKey, duties, commitments);
        if (rng.chance(0.6)) duties.push({ ...this.pick(GENERAL_DUTIES), goalId: null });
        if (rng.chance(0.4)) commitments.push({ text: this.pick(GENERAL_COMMITMENTS), goalId: null });
      } else {
        // Fortschreibung: one duty replaced, commitments adjusted, new goals added.
        duties = duties.slice();
        commitments = commitments.slice();
        if (duties.length > 1) duties.splice(rng.int(duties.length), 1);
        for (const goal of activeGoals) {
          const theme = THEMES[goalTheme.get(goal.id) as ThemeKey];
          const fresh = theme.duties.filter((d) => !duties.some((x) => x.text === d.text));
          if (!duties.some((d) => d.goalId === goal.id) || (fresh.length > 0 && rng.chance(0.5))) {
            const pickFrom = fresh.length > 0 ? fresh : theme.duties;
            const d = this.pick(pickFrom);
            if (!duties.some((x) => x.text === d.text)) duties.push({ ...d, goalId: goal.id });
          }
          if (!commitments.some((c) => c.goalId === goal.id)) commitments.push({ text: this.pick(theme.commitments), goalId: goal.id });
        }
        if (rng.chance(0.7)) {
          const pool = activeGoals.flatMap((g) =>
            THEMES[goalTheme.get(g.id) as ThemeKey].commitments
              .filter((c) => !commitments.some((x) => x.text === c))
              .map((text) => ({ text, goalId: g.id })),
          );
          if (pool.length > 0) commitments.push(this.pick(pool));
          if (commitments.length > 3) commitments.splice(rng.int(commitments.length - 1), 1);
        }
        // Documents stay readable: the oldest items give way to the new ones.
        while (duties.length > 6)
          duties.splice(
            Math.max(
              0,
              duties.findIndex((d) => d.goalId === null),
            ),
            1,
          );
        while (commitments.length > 5) commitments.splice(0, 1);
        // A Fortschreibung always changes something the person can see.
        const previous = agreements.at(-1);
        if (previous && previous.duties.length === duties.length && previous.duties.every((d, i) => d.text === duties[i]?.text)) {
          const fresh = GENERAL_DUTIES.filter((d) => !duties.some((x) => x.text === d.text));
          if (fresh.length > 0) duties.push({ ...this.pick(fresh), goalId: null });
          else duties.splice(0, 1);
        }
      }
      const latest = dayOf(latestReviewDate(rule, agreedIso));
      let review = Math.min(latest, v.day + rng.range(91, 183));
      const isLast = index === versionDays.length - 1;
      if (isLast && this.spec.flags.reviewSoon && review > R + 14) review = Math.max(v.day, Math.min(latest, R + rng.int(15)));
      const firstGoalTheme = goalThemes[0] as ThemeKey;
      const personalOffer = reached && rule.validFrom >= '2026-07-01' ? THEMES[firstGoalTheme].personalOffer : null;
      let notes: string | null = null;
      if (!reached) {
        notes =
          rule.agreedKind === 'egv'
            ? 'Eine Eingliederungsvereinbarung kam nicht zustande. Die Pflichten werden durch Verwaltungsakt festgelegt.'
            : 'Ein Kooperationsplan kam nicht zustande. Die erforderlichen Pflichten werden durch Verwaltungsakt festgelegt.';
      } else if (rule.fallbackKind === null && rng.chance(0.1)) {
        notes = 'Die Person wurde auf das Schlichtungsverfahren (§ 15a SGB II) hingewiesen.';
      } else if (index > 0 && rng.chance(0.3)) notes = this.pick(PLAN_NOTES);
      agreements.push({
        id: this.id(),
        caseId: this.caseId,
        versionNo: agreements.length + 1,
        ruleId: rule.id,
        kind,
        reached,
        agreedOn: agreedIso,
        validUntil: isoOf(latest),
        reviewOn: isoOf(review),
        duties: duties.slice(),
        commitments: commitments.slice(),
        personalOffer,
        notes,
        createdBy: manager,
        createdAt: this.stamp(v.day, SLOT.agreement),
      });
    });
    return result;
  }

  private addItems(
    goal: DemoPlanGoal,
    themeKey: ThemeKey,
    duties: DemoAgreementDuty[],
    commitments: Array<{ text: string; goalId: string | null }>,
  ) {
    const theme = THEMES[themeKey];
    const dutyCount = this.rng.chance(0.4) ? 2 : 1;
    for (const d of shuffle(this.rng, theme.duties.slice()).slice(0, dutyCount)) {
      if (!duties.some((x) => x.text === d.text)) duties.push({ kind: d.kind, text: d.text, goalId: goal.id });
    }
    const commitmentCount = this.rng.chance(0.35) ? 2 : 1;
    for (const text of shuffle(this.rng, theme.commitments.slice()).slice(0, commitmentCount)) {
      if (!commitments.some((x) => x.text === text)) commitments.push({ text, goalId: goal.id });
    }
  }

  /** Baseline in the assessment, reviews every three to six months, a closing rating before the close. */
  private ratings(
    barriers: DemoCaseBarrier[],
    themeOfBarrier: (b: DemoCaseBarrier) => ThemeKey,
    t: {
      firstAssessment: Stay | undefined;
      reassessStay: Stay | undefined;
      closingStart: number | null;
      closeDay: number | null;
      status: CaseStatus;
      outcome: ClosingOutcome | null;
      manager: string;
      needsBaseline: boolean;
    },
  ): DemoCaseRating[] {
    const { rng, R } = this;
    const ratings: DemoCaseRating[] = [];
    const first = t.firstAssessment;
    if (!first) return ratings;
    let baseline: number | null = null;
    if (t.needsBaseline || (first.next === null && rng.chance(0.6)) || (first.next === 'start_closing' && rng.chance(0.5))) {
      const end = first.next === null ? R : first.to;
      baseline = first.from >= R ? null : Math.min(end, first.from + 1 + rng.int(Math.max(1, end - first.from)));
    }
    // Scores: low where barriers are, drifting upwards with noise.
    const severityOf = new Map<LifeArea, number>();
    for (const b of barriers) {
      const weight = b.severity === 'high' ? 3 : b.severity === 'medium' ? 2 : 1;
      for (const area of THEMES[themeOfBarrier(b)].areas) severityOf.set(area, Math.max(severityOf.get(area) ?? 0, weight));
    }
    const scores = new Map<LifeArea, number>();
    for (const area of LIFE_AREAS) {
      const s = severityOf.get(area) ?? 0;
      let score: number;
      if (s === 3) score = rng.range(2, 3);
      else if (s === 2) score = rng.range(3, 5);
      else if (s === 1) score = rng.range(4, 6);
      else if (area === 'addiction') score = rng.range(8, 10);
      else if (area === 'work_qualification') score = rng.range(3, 5);
      else score = rng.range(5, 8);
      scores.set(area, score);
    }
    const difficult = t.outcome === 'dropout' || rng.chance(0.15);
    const rate = (occasion: DemoCaseRating['occasion'], day: number, slot: number) => {
      const entries: DemoCaseRating['scores'] = [];
      // Comments only where there is something to say: the areas of the person's barriers, and work.
      const commentAreas = new Set<LifeArea>();
      const affected = LIFE_AREAS.filter((a) => (severityOf.get(a) ?? 0) > 0 || a === 'work_qualification');
      const commentCount = rng.int(4);
      for (let i = 0; i < commentCount; i++) commentAreas.add(rng.pick(affected));
      for (const area of LIFE_AREAS) {
        const before = scores.get(area) as number;
        let after = before;
        if (occasion !== 'baseline') {
          const isAffected = (severityOf.get(area) ?? 0) > 0 || area === 'work_qualification';
          const drift = isAffected ? (difficult ? 0.1 : 0.75) : 0.15;
          after = Math.max(1, Math.min(10, Math.round(before + drift + rng.bell() * 1.4)));
          if (occasion === 'closing' && area === 'work_qualification' && t.outcome && AFTERCARE_OUTCOMES.includes(t.outcome))
            after = Math.max(after, 7);
        }
        scores.set(area, after);
        let comment: string | null = null;
        if (commentAreas.has(area)) {
          const texts = RATING_COMMENTS[area];
          comment = this.pick(
            occasion === 'baseline' ? texts.baseline : after > before ? texts.up : after < before ? texts.down : texts.same,
          );
        }
        entries.push({ area, score: after, comment });
      }
      ratings.push({
        id: this.id(),
        caseId: this.caseId,
        occasion,
        ratedOn: isoOf(day),
        withPerson: rng.chance(0.92),
        ratedBy: t.manager,
        scores: entries,
        createdAt: this.stamp(day, slot),
      });
    };
    if (baseline !== null) rate('baseline', baseline, SLOT.rating);
    const ratingEnd = Math.min(t.closingStart ?? R + 1, R + 1);
    if (baseline !== null) {
      let next = baseline + rng.range(90, 180);
      const reassessDay = t.reassessStay
        ? Math.min(R, t.reassessStay.from + 1 + rng.int(Math.max(1, t.reassessStay.to - t.reassessStay.from)))
        : null;
      let reassessRated = reassessDay === null;
      while (next < ratingEnd && ratings.length < 10) {
        if (!reassessRated && (reassessDay as number) < next) {
          rate('review', reassessDay as number, SLOT.rating);
          reassessRated = true;
          next = (reassessDay as number) + rng.range(90, 180);
          continue;
        }
        rate('review', next, SLOT.rating);
        next += rng.range(90, 180);
      }
      if (!reassessRated && (reassessDay as number) < ratingEnd) rate('review', reassessDay as number, SLOT.rating);
    }
    if (t.closingStart !== null) {
      const end = t.closeDay ?? (t.status === 'closing' ? (rng.chance(0.55) ? R : null) : null);
      if (end !== null) rate('closing', Math.min(R, t.closingStart + rng.int(Math.max(1, end - t.closingStart + 1))), SLOT.closingRating);
    }
    return ratings;
  }

  private followUps(
    themes: ThemeKey[],
    hasAgreement: boolean,
    t: { opened: number; end: number; open: boolean; aftercare: boolean; manager: string },
  ): DemoFollowUp[] {
    const { rng, R, ctx, spec } = this;
    const list: DemoFollowUp[] = [];
    const owner = () => (ctx.managers.length > 1 && rng.chance(0.05) ? rng.pick(ctx.managers) : t.manager);
    const general = hasAgreement ? GENERAL_FOLLOW_UPS : GENERAL_FOLLOW_UPS.filter((f) => !f.includes('Vereinbarung'));
    const title = () => (themes.length > 0 && rng.chance(0.6) ? this.pick(THEMES[this.pick(themes)].followUps) : this.pick(general));
    const add = (due: number, done: number | null, who: string, what: string) => {
      const created = Math.max(t.opened, Math.min(R, due - rng.range(7, 45)));
      const createdStamp = this.stamp(created, SLOT.rating);
      list.push({
        id: this.id(),
        caseId: this.caseId,
        title: what,
        dueOn: isoOf(due),
        ownerId: who,
        doneOn: done === null ? null : isoOf(done),
        doneBy: done === null ? null : who,
        createdAt: createdStamp,
        updatedAt: done === null ? createdStamp : this.stamp(done, SLOT.rating),
      });
    };
    const last = Math.min(t.end, R - 1);
    const span = last - t.opened;
    if (span > 10) {
      const done = Math.min(6, Math.floor(span / 75)) + rng.int(2);
      for (let i = 0; i < done; i++) {
        const due = t.opened + 7 + rng.int(Math.max(1, span - 7));
        const doneDay = Math.max(t.opened, Math.min(last, due + rng.range(-5, 6)));
        add(due, doneDay, owner(), title());
      }
    }
    if (t.open) {
      const upcoming = rng.chance(0.65) ? 1 + rng.int(2) : 0;
      for (let i = 0; i < upcoming; i++)
        add(R + rng.int(46), null, owner(), t.aftercare && rng.chance(0.6) ? 'Nachbetreuung: Kontakt aufnehmen' : title());
      if (rng.chance(0.15) && R - t.opened > 2) add(R - 1 - rng.int(Math.min(30, R - t.opened - 1)), null, owner(), title());
      if (spec.flags.overdueFollowUp) add(Math.max(t.opened, R - 2 - rng.int(19)), null, t.manager, title());
      if (spec.flags.followUpToday) add(R, null, t.manager, title());
    }
    return list.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
  }
}

/** Shrinks the stays proportionally so that they sum to at most `total` (each at least one day). */
function scaleInto(stays: number[], total: number) {
  const sum = stays.reduce((a, b) => a + b, 0);
  if (sum <= total) return;
  const factor = total / sum;
  for (let i = 0; i < stays.length; i++) stays[i] = Math.max(1, Math.floor((stays[i] as number) * factor));
}

/**
 * Lazily yields the demo case files of one tenant. Deterministic: the same options give the same
 * cases, ids and texts. Every person gets at most one case, so "one open case per person" holds.
 */
export function* generateDemoCases(options: GenerateCasesOptions): Generator<DemoCaseFile> {
  const referenceDay = dayOf(options.referenceDate);
  const rng = seededRng('cases', options.seed, options.tenantIndex);
  const ctx: Context = {
    rng,
    ids: seededRng('case-ids', options.seed, options.tenantIndex),
    referenceDay,
    types: options.barrierTypes,
    themeById: new Map(options.barrierTypes.map((t) => [t.id, themeOf(t)])),
    rules: [...options.agreementRules].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1)),
    density: options.densityDays ?? DEFAULT_CONTACT_DENSITY_DAYS,
    indication: options.indicationRule ?? DEFAULT_INDICATION_RULE,
    managers: options.caseManagerIds,
  };
  for (const spec of planCases(rng, options, referenceDay)) yield new CaseBuilder(ctx, spec).build();
}
