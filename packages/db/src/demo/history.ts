import {
  type AgreementKind,
  CLOSING_OUTCOMES,
  type ClosingOutcome,
  CONSENT_CATEGORIES,
  CONSENT_COUNSELLING_POINTS,
  type ConsentCategory,
  distanceKm,
  type FinancingModel,
  type IndicatorSource,
  LIFE_AREAS,
  type LifeArea,
  latestReviewDate,
  type OfferTargetGroup,
  offerFitsTargetGroups,
  type ReferralAction,
  type ReferralResult,
  type ServiceType,
  type SubGoalStatus,
  targetGroups,
  type UnmetNeedReason,
} from '@lotse/domain';
import {
  DEMO_CASE_VOCABULARY,
  type DemoAgreementDuty,
  type DemoAgreementVersion,
  type DemoCaseAgreementRule,
  type DemoCaseBarrier,
  type DemoCaseContact,
  type DemoCaseFile,
  type DemoCaseRating,
  type DemoCaseTransition,
  type DemoPlanGoal,
  type DemoPlanSubGoal,
  type ThemeKey,
} from './cases';
import {
  Clock,
  DEMO_REFERRAL_VOCABULARY,
  type DemoCaseCooperation,
  type DemoConsent,
  type DemoReferral,
  type DemoReferralFeedback,
  type DemoReferralTransition,
  referralFeedbackWriter,
  referralTransitionRecorder,
} from './cooperation';
import { dayOf, dayOfPrefix, daysFromCivil, isoOf, PAD2 } from './days';
import { type DemoDistrict, demoDistrict } from './district';
import { cumulative, pickWeighted, type Sfc32, seededRng, uuidV4 } from './prng';

/**
 * Demo history (issue 5, SPEC C12/C13): years of closed case files before "today", so that needs
 * planning, quality indicators, provider reports, the § 51b export and the costs show real patterns.
 *
 * What it makes, per tenant:
 * - planning regions (one per town of the fictitious district, with its postal codes) and four teams
 *   (Nord, Süd, U25, Reha/SB) with the case managers and other staff as members;
 * - closed case files opened in the `historyYears` calendar years before the reference year and in the
 *   reference year up to "today" (plus the run-up: cases opened the year before that were still running
 *   when the first history year began). A case that would still be open today is not made: the current
 *   demo data (demo/cases.ts) holds the open cases. Each case has its transitions, assessed barriers,
 *   goals and sub-goals with final statuses, agreement versions with their reviews, a baseline and a
 *   closing rating, the first and the closing talk, and its outcome;
 * - referrals to the tenant's offers in final states (completed with a result, dropped out, not
 *   started, declined, cancelled), each under a consent given before it was sent, with the provider's
 *   steps, appointment, interim and final reports within the consent's categories; unmet needs where no
 *   offer fitted, childcare arrangements for childcare referrals, and the monthly charges of per-case
 *   financed offers;
 * - for the current data, what it lacks to continue these series ({@link complementCurrentData}), and
 *   the offers' yearly plans and monthly targets derived from what was loaded.
 *
 * Patterns over the years (anchored on the reference year, so every demo shows them):
 * - debt problems (and with them the needs for debt counselling) rise steadily; debt counselling waits
 *   get longer, more referrals are declined for lack of places and more needs stay unmet until the
 *   capacity increase in {@link capacityIncreaseYear} (reference year − 2), after which waits drop;
 * - psychosocial support gets scarcer, childcare easier (Kita expansion); language course needs of
 *   refugees peak with the refugee arrivals of 2015–2017 and 2022–2024 (calendar years);
 * - case openings are seasonal (more in winter and autumn, fewer in summer), and providers start fewer
 *   people in the summer holidays and around Christmas, so waits are longer then;
 * - exits into work dip in 2020–2021 (pandemic) and recover;
 * - interim reports and agreement reviews are on time more often over the years; prices rise about
 *   2.5 % a year.
 *
 * Volume: about {@link DEMO_HISTORY_INFLOW_RATE} of the persons aged 18–64 enter case management per
 * year. With the open cases of the current data (durations of one to two years) that is about 5 % of
 * all persons in case management at some time of a year.
 *
 * Pure and deterministic like the other demo generators: the same options and the same persons in the
 * same order give the same rows. The persons may come in batches ({@link DemoHistoryGenerator.cases});
 * the loader (demo-history-load.ts) reads them page by page from the database.
 */

// ---------------------------------------------------------------------------------------------
// Input and output

export const DEFAULT_DEMO_HISTORY_YEARS = 4;
export const MAX_DEMO_HISTORY_YEARS = 25;
/** Share of the persons aged 18–64 who enter case management per year (before seasonal and personal factors). */
export const DEMO_HISTORY_INFLOW_RATE = 0.035;
/**
 * Small demo tenants get at least this many history cases a year (at most 8 % of their persons aged
 * 18–64), so that their yearly figures per service type are not all below the suppression minimum.
 */
export const MIN_DEMO_HISTORY_CASES_PER_YEAR = 100;
/** The capacity increase of debt counselling happens this many years before the reference year. */
export const CAPACITY_INCREASE_YEARS_AGO = 2;
/** By how much debt counselling capacity (and its grant) grew in that year. */
export const DEBT_CAPACITY_INCREASE = 1.6;

export interface DemoHistoryPerson {
  id: string;
  /** ISO yyyy-mm-dd. */
  birthDate: string;
  postalCode: string | null;
  latitude: number | null;
  longitude: number | null;
  singleParent: boolean;
  refugee: boolean;
  severeDisability: boolean;
  interpreterNeeded: boolean;
  /** Opening day of the person's first case in the current data: the history ends before it. */
  firstCaseOpenedOn: string | null;
  /** Children of the person's household (applicants and partners only), oldest first. */
  children: ReadonlyArray<{ id: string; firstName: string; birthDate: string }>;
}

export interface DemoHistoryBarrierType {
  id: string;
  code: string;
  phase: string;
  label: string;
  specialCategory: boolean;
  serviceTypes: readonly string[];
}

export interface DemoHistoryOffer {
  id: string;
  providerId: string;
  providerName: string;
  name: string;
  serviceType: ServiceType;
  targetGroups: readonly OfferTargetGroup[];
  financingModel: FinancingModel;
  priceCents: number | null;
  priceUnit: string | null;
  waitingDays: number | null;
  /** Deadlines of the provider's cooperation agreement. */
  answerDays: number;
  startDays: number;
  interimReportDays: number;
  locations: ReadonlyArray<{ latitude: number; longitude: number }>;
}

export type DemoTeamKind = 'north' | 'south' | 'u25' | 'rehab';

export interface DemoTeam {
  id: string;
  name: string;
  kind: DemoTeamKind;
  /** Case managers of the team: they take the team's history cases. */
  caseManagerIds: string[];
  /** Other staff of the team (placement officers, team lead). */
  otherMemberIds: string[];
}

export interface DemoPlanningRegion {
  id: string;
  name: string;
  postalCodes: string[];
  sortOrder: number;
}

export interface DemoUnmetNeed {
  id: string;
  caseId: string;
  personId: string;
  serviceType: ServiceType;
  reason: UnmetNeedReason;
  note: string | null;
  recordedOn: string;
  recordedBy: string;
  resolvedOn: string | null;
  resolvedBy: string | null;
  version: number;
  createdAt: string;
}

export interface DemoChildcareArrangement {
  id: string;
  referralId: string;
  childPersonId: string | null;
  childLabel: string;
  beginsOn: string;
  endsOn: string | null;
  createdBy: string;
  createdAt: string;
}

export interface DemoReferralCharge {
  id: string;
  referralId: string;
  offerId: string;
  /** First day of the service month. */
  serviceMonth: string;
  units: number;
  amountCents: number;
  note: string | null;
  recordedBy: string;
  recordedAt: string;
}

/** One closed history case with everything that belongs to it. */
export interface DemoHistoryCase {
  file: DemoCaseFile;
  cooperation: DemoCaseCooperation;
  unmetNeeds: DemoUnmetNeed[];
  childcare: DemoChildcareArrangement[];
  charges: DemoReferralCharge[];
}

export interface GenerateHistoryOptions {
  seed: string;
  tenantIndex: number;
  /** ISO date "today": every history case is closed before it. */
  referenceDate: string;
  /** Calendar years before the reference year (0: no history). */
  historyYears: number;
  /** Active entries of the tenant's barrier catalogue. */
  barrierTypes: readonly DemoHistoryBarrierType[];
  agreementRules: readonly DemoCaseAgreementRule[];
  /** The tenant's offers (only those whose provider has a staff user in providerStaffIds are used). */
  offers: readonly DemoHistoryOffer[];
  teams: readonly DemoTeam[];
  /** The user acting for each provider. */
  providerStaffIds: Readonly<Record<string, string>>;
  /** Who records the charges (the § 16a coordination). */
  chargeRecorderId: string;
  /** Persons aged 18–64 on the reference date; with it, small tenants get {@link MIN_DEMO_HISTORY_CASES_PER_YEAR}. */
  eligiblePersons?: number;
}

// ---------------------------------------------------------------------------------------------
// Regions and teams

/** One planning region per town (quarter in a district-free city) with the town's postal codes. */
export function demoPlanningRegions(seed: string, tenantIndex: number): DemoPlanningRegion[] {
  const ids = seededRng('history-region-ids', seed, tenantIndex);
  return demoDistrict(tenantIndex).towns.map((town, i) => ({
    id: uuidV4(ids),
    name: town.name,
    postalCodes: [...town.postalCodes],
    sortOrder: i + 1,
  }));
}

export const DEMO_TEAM_NAMES: Readonly<Record<DemoTeamKind, string>> = {
  north: 'Team Nord',
  south: 'Team Süd',
  u25: 'Team U25',
  rehab: 'Team Reha/SB',
};
const TEAM_ORDER: readonly DemoTeamKind[] = ['north', 'south', 'u25', 'rehab'];

/**
 * The four teams: the last case manager does rehabilitation and severe disability (Reha/SB), the one
 * before the young adults (U25), the others split into the north and the south of the district (the
 * first, the demo login, in the north). With fewer than four case managers the specialist teams stay
 * empty and their people go to the regional teams. Other staff (placement officers, team lead) join the north.
 */
export function demoTeams(
  seed: string,
  tenantIndex: number,
  caseManagerIds: readonly string[],
  otherStaffIds: readonly string[],
): DemoTeam[] {
  const ids = seededRng('history-team-ids', seed, tenantIndex);
  const teams = TEAM_ORDER.map(
    (kind): DemoTeam => ({ id: uuidV4(ids), name: DEMO_TEAM_NAMES[kind], kind, caseManagerIds: [], otherMemberIds: [] }),
  );
  const byKind = (kind: DemoTeamKind) => teams.find((t) => t.kind === kind) as DemoTeam;
  const n = caseManagerIds.length;
  const specialists = n >= 4 ? 2 : 0;
  const regional = n - specialists;
  caseManagerIds.forEach((id, i) => {
    if (i >= regional) byKind(i === n - 1 ? 'rehab' : 'u25').caseManagerIds.push(id);
    else byKind(i < Math.ceil(regional / 2) ? 'north' : 'south').caseManagerIds.push(id);
  });
  byKind('north').otherMemberIds.push(...otherStaffIds);
  return teams;
}

/** Postal codes of the northern half of the district's towns (by latitude): the north team's area. */
function northernPostalCodes(district: DemoDistrict): Set<string> {
  const towns = [...district.towns].sort((a, b) => b.latitude - a.latitude);
  return new Set(towns.slice(0, Math.ceil(towns.length / 2)).flatMap((t) => t.postalCodes));
}

// ---------------------------------------------------------------------------------------------
// Trends

/** Refugee arrivals by calendar year (0–1): language needs and waits for courses follow them. */
const REFUGEE_WAVES: Readonly<Record<number, number>> = { 2015: 0.8, 2016: 1, 2017: 0.6, 2018: 0.2, 2022: 0.9, 2023: 0.7, 2024: 0.3 };
const wave = (year: number) => REFUGEE_WAVES[year] ?? 0;

/** Relative case openings per month: more in winter and autumn, fewer in the summer holidays and December. */
const MONTH_INFLOW = [1.25, 1.15, 1.1, 1.0, 0.95, 0.9, 0.75, 0.7, 1.05, 1.1, 1.05, 0.8] as const;
/** Providers start fewer people in the summer holidays and around Christmas: waits are longer then. */
const MONTH_WAIT = [1.1, 1.0, 0.95, 0.95, 1.0, 1.05, 1.35, 1.4, 1.0, 0.95, 1.0, 1.25] as const;

/** The year the tenant added debt counselling capacity (two more counsellors): waits drop from then on. */
export function capacityIncreaseYear(referenceYear: number): number {
  return referenceYear - CAPACITY_INCREASE_YEARS_AGO;
}

/** Years since the trend origin (ten years before the reference year). */
const trendT = (year: number, referenceYear: number) => year - (referenceYear - 10);

/** How much more common a barrier is in a year (debt rising, refugee waves, housing and psyche). */
export function barrierTrend(code: string, year: number, referenceYear: number, refugee: boolean): number {
  const t = trendT(year, referenceYear);
  switch (code) {
    case 'debt':
    case 'addiction_gambling_media':
      return Math.max(0.3, 0.7 + 0.075 * t);
    case 'housing_problems':
    case 'homelessness':
      return Math.max(0.5, 0.85 + 0.03 * t);
    case 'mental_health_problem':
    case 'psychosocial_crisis':
      return Math.max(0.5, 0.9 + 0.03 * t);
    case 'insufficient_german':
    case 'foreign_qualification_not_recognised':
      return refugee ? 1 + 1.5 * wave(year) : 1;
    default:
      return 1;
  }
}

/**
 * Demand over capacity of a service in a year (1: balanced). Above 1 people wait longer, are declined
 * more often and needs stay unmet more often.
 */
export function servicePressure(service: ServiceType, year: number, referenceYear: number): number {
  const t = trendT(year, referenceYear);
  switch (service) {
    case 'debt_counselling': {
      const demand = Math.max(0.3, 0.7 + 0.075 * t);
      const capacity = year >= capacityIncreaseYear(referenceYear) ? DEBT_CAPACITY_INCREASE : 1;
      return 0.3 + demand / capacity;
    }
    case 'insolvency_counselling':
      return Math.max(0.7, 0.9 + 0.05 * t);
    case 'psychosocial_support':
      return Math.max(0.7, 0.9 + 0.04 * t);
    case 'childcare_care':
      return Math.max(0.7, 1.45 - 0.06 * t);
    case 'housing_support':
      return Math.max(0.7, 0.95 + 0.03 * t);
    case 'language_course':
      return 1 + wave(year);
    default:
      return 1;
  }
}

/** Case openings in a month relative to a normal one: seasonal, with the pandemic dip of spring 2020. */
function inflowFactor(year: number, month: number): number {
  let f = MONTH_INFLOW[month - 1] as number;
  if (year === 2020) f *= month >= 3 && month <= 6 ? 0.5 : 0.85;
  if (year === 2021) f *= 0.9;
  return f;
}

/** Chance of an exit into work relative to a normal year: the pandemic years are worse. */
function employmentFactor(year: number): number {
  if (year === 2020) return 0.5;
  if (year === 2021) return 0.75;
  if (year >= 2022) return 1.1;
  return 1;
}

// ---------------------------------------------------------------------------------------------
// Charges per financing model

/**
 * How a per-case offer bills, read from its price unit: by the hour (units = hours in the month), by the
 * month (one unit per service month, a half for a short first or last month), or per period begun
 * (module, stage or half year: one unit in the month each period begins). Institutional offers are
 * funded by a yearly grant and bill nothing per case.
 */
export type ChargeScheme =
  | { kind: 'none' }
  | { kind: 'hours'; min: number; max: number }
  | { kind: 'monthly' }
  | { kind: 'modules_per_month'; min: number; max: number }
  | { kind: 'periodic'; months: number };

export function chargeSchemeOf(offer: Pick<DemoHistoryOffer, 'financingModel' | 'priceCents' | 'priceUnit'>): ChargeScheme {
  if (offer.financingModel === 'institutional' || offer.priceCents === null || offer.priceCents <= 0) return { kind: 'none' };
  const unit = (offer.priceUnit ?? '').toLowerCase();
  const number = (pattern: RegExp) => {
    const match = pattern.exec(unit);
    return match ? Number(match[1]) : null;
  };
  if (/modul/.test(unit) && number(/\((\d+) stunden\)/) !== null) return { kind: 'modules_per_month', min: 1, max: 3 };
  if (/stunde/.test(unit)) return /betreuungsstunde/.test(unit) ? { kind: 'hours', min: 12, max: 40 } : { kind: 'hours', min: 2, max: 8 };
  if (/teilnehmermonat|je teilnehmer und monat/.test(unit)) return { kind: 'monthly' };
  if (/halbjahr/.test(unit)) return { kind: 'periodic', months: 6 };
  const months = number(/(\d+) monat/);
  if (months !== null) return { kind: 'periodic', months };
  const weeks = number(/(\d+) wochen/);
  if (weeks !== null) return { kind: 'periodic', months: Math.max(1, weeks / 4.35) };
  const appointments = number(/(\d+) (?:gruppen)?termine/);
  if (appointments !== null) return { kind: 'periodic', months: Math.max(1, appointments / 4) };
  const lessons = number(/(\d+) unterrichtseinheiten/);
  if (lessons !== null) return { kind: 'periodic', months: Math.max(1, lessons / 80) };
  return { kind: 'periodic', months: 120 };
}

/** The offer's price in a past year: prices rose by about 2.5 % a year. */
export function priceInYear(priceCents: number, year: number, referenceYear: number): number {
  return Math.round((priceCents * 0.975 ** Math.max(0, referenceYear - year)) / 50) * 50;
}

// ---------------------------------------------------------------------------------------------
// Texts of the history (the rest comes from demo/cases.ts and demo/cooperation.ts)

const UNMET_NOTES: Record<UnmetNeedReason, readonly string[]> = {
  no_offer: ['Für diesen Bedarf gibt es im Kreis kein passendes Angebot.', 'Kein Angebot dieser Leistungsart unter Vertrag.'],
  no_capacity: [
    'Alle Plätze belegt; der Träger führt eine Warteliste.',
    'Keine freie Kapazität im laufenden Quartal.',
    'Träger hat Aufnahmestopp bis auf Weiteres.',
  ],
  too_far: ['Die nächste Beratungsstelle ist mit Bus und Bahn über eine Stunde entfernt.', 'Kein erreichbarer Standort ohne Auto.'],
  target_group: ['Das Angebot richtet sich nur an andere Zielgruppen.', 'Kein Angebot für die Altersgruppe der Person.'],
  waiting_too_long: ['Wartezeit von mehreren Monaten ist der Person nicht zuzumuten.', 'Erster Termin erst in über drei Monaten.'],
  other: ['Die Person lehnt das einzige passende Angebot ab.', 'Angebot nur vormittags, die Person arbeitet im Minijob.'],
};
const UNMET_RESOLVED_NOTE = 'Platz wurde frei; Zuweisung erfolgt.';
const CAPACITY_DECLINE_REASON = DEMO_REFERRAL_VOCABULARY.declineReasons[0] as string;
const LATE_CANCEL_REASON = DEMO_REFERRAL_VOCABULARY.cancelReasons[0] as string;
/** Childcare offers for children (the others relieve people caring for relatives): read from the offer's name. */
const CHILDCARE_FOR_CHILDREN = /kinder|alleinerziehende/i;
const isChildcareForChildren = (offer: Pick<DemoHistoryOffer, 'serviceType' | 'name'>) =>
  offer.serviceType === 'childcare_care' && CHILDCARE_FOR_CHILDREN.test(offer.name);
/** How often a case manager records a need as unmet when there is no offer of its type, or none for the person's group. */
const NO_OFFER_CHANCE = 0.3;
const TARGET_GROUP_CHANCE = 0.4;
/** How often a need is recorded as unmet for lack of capacity: from a pressure of 1.05 on, up to 60 %. */
const capacityUnmetChance = (pressure: number) => Math.min(0.6, Math.max(0, 0.9 * (pressure - 1.05)));
const capacityReason = (rng: Sfc32): UnmetNeedReason => (rng.chance(0.6) ? 'no_capacity' : 'waiting_too_long');
const COUNSELLING_DROPOUT: Partial<Record<ServiceType, number>> = {
  addiction_counselling: 0.3,
  psychosocial_support: 0.24,
  sgb3_45_activation: 0.2,
  sgb2_16d_work_opportunity: 0.22,
  language_course: 0.18,
};

// ---------------------------------------------------------------------------------------------
// The generator

type Step = readonly [CaseStepAction, CaseStepStatus];
type CaseStepAction = DemoCaseTransition['action'];
type CaseStepStatus = DemoCaseTransition['toStatus'];

const I: Step = ['indicate', 'assessment'];
const CA: Step = ['complete_assessment', 'planning'];
const SI: Step = ['start_implementation', 'implementation'];
const SC: Step = ['start_closing', 'closing'];
const CL: Step = ['close', 'closed'];
const CLA: Step = ['close', 'aftercare'];
const EA: Step = ['end_aftercare', 'closed'];

/** The ways a history case went; all end closed. */
const PATHS: ReadonlyArray<readonly Step[]> = [
  [I, CA, SI, SC, CL],
  [I, CA, SI, SC, CLA, EA],
  [I, CA, SC, CL],
  [I, SC, CL],
];
const PATH_CUM = cumulative([60, 22, 11, 7]);
const OUTCOME_BASE = [22, 2, 6, 10, 22, 8, 6, 14, 5, 5] as const;
const SEVERITIES = ['low', 'medium', 'high'] as const;
const SEVERITY_CUM = cumulative([25, 45, 30]);
const BARRIER_COUNT_CUM = cumulative([30, 35, 22, 13]);
const REFERRAL_COUNT_CUM = cumulative([26, 40, 24, 10]);
const SATISFACTION_CUM = cumulative([3, 7, 20, 40, 30]);
const SATISFACTION_CUM_LOW = cumulative([20, 30, 30, 15, 5]);
const SLOT = { open: 0, record: 0, rating: 1, plan: 2, agreement: 3, transition: 4, closingRating: 5, close: 6, after: 7 } as const;

interface Timeline {
  path: readonly Step[];
  opened: number;
  /** Day of each step of the path. */
  days: number[];
  closed: number;
  /** Day of the indication: the intake ends, the assessment begins. */
  assessmentFrom: number;
  planning: { from: number; to: number } | null;
  implementation: { from: number; to: number } | null;
  closingStart: number;
}

interface Services {
  needed: ServiceType[];
  offersOf: Map<ServiceType, DemoHistoryOffer[]>;
}

/**
 * Walks the persons and makes their history cases. Keep one generator per tenant and feed it the
 * persons in a fixed order (batches are fine): the random streams run on across calls.
 */
export class DemoHistoryGenerator {
  private readonly rng: Sfc32;
  private readonly ids: Sfc32;
  private readonly R: number;
  private readonly referenceYear: number;
  private readonly firstYear: number;
  private readonly firstDay: number;
  private readonly offersByService = new Map<ServiceType, DemoHistoryOffer[]>();
  private readonly typeById: Map<string, DemoHistoryBarrierType>;
  private readonly rules: DemoCaseAgreementRule[];
  private readonly north: Set<string>;
  private readonly teamByKind = new Map<DemoTeamKind, DemoTeam>();
  private readonly allManagers: string[];
  private readonly inflowRate: number;
  private readonly streams: Streams;
  private salt = 0;

  constructor(private readonly options: GenerateHistoryOptions) {
    const { historyYears } = options;
    if (!Number.isInteger(historyYears) || historyYears < 0 || historyYears > MAX_DEMO_HISTORY_YEARS)
      throw new RangeError(`historyYears must be an integer between 0 and ${MAX_DEMO_HISTORY_YEARS}, got ${historyYears}`);
    this.R = dayOf(options.referenceDate);
    this.referenceYear = Number(options.referenceDate.slice(0, 4));
    this.firstYear = this.referenceYear - historyYears;
    this.firstDay = daysFromCivil(this.firstYear, 1, 1);
    this.rng = seededRng('history', options.seed, options.tenantIndex);
    this.ids = seededRng('history-ids', options.seed, options.tenantIndex);
    // Only offers whose provider has someone to act in its steps.
    for (const offer of options.offers.filter((o) => options.providerStaffIds[o.providerId]))
      this.offersByService.set(offer.serviceType, [...(this.offersByService.get(offer.serviceType) ?? []), offer]);
    this.typeById = new Map(options.barrierTypes.map((t) => [t.id, t]));
    this.rules = [...options.agreementRules].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
    this.north = northernPostalCodes(demoDistrict(options.tenantIndex));
    for (const team of options.teams) if (team.caseManagerIds.length > 0) this.teamByKind.set(team.kind, team);
    this.allManagers = options.teams.flatMap((t) => t.caseManagerIds);
    this.streams = {
      rng: this.rng,
      ids: this.ids,
      R: this.R,
      referenceYear: this.referenceYear,
      chargeRecorderId: options.chargeRecorderId,
    };
    const eligible = options.eligiblePersons ?? 0;
    this.inflowRate =
      eligible > 0
        ? Math.max(DEMO_HISTORY_INFLOW_RATE, Math.min(0.08, MIN_DEMO_HISTORY_CASES_PER_YEAR / eligible))
        : DEMO_HISTORY_INFLOW_RATE;
  }

  /** The history cases of these persons, in the persons' order. */
  *cases(persons: readonly DemoHistoryPerson[]): Generator<DemoHistoryCase> {
    if (this.options.historyYears === 0 || this.allManagers.length === 0) return;
    const { rng, R } = this;
    for (const person of persons) {
      const birth = dayOfPrefix(person.birthDate);
      // The history ends a month before the person's first case of the current data.
      const limit = Math.min(R - 1, person.firstCaseOpenedOn ? dayOfPrefix(person.firstCaseOpenedOn) - 30 : R - 1);
      let freeFrom = Number.NEGATIVE_INFINITY;
      let made = 0;
      for (let year = this.firstYear - 1; year <= this.referenceYear && made < 2; year++) {
        const mid = daysFromCivil(year, 7, 1);
        const age = (mid - birth) / 365.25;
        if (age < 18 || age >= 64.5) continue;
        const chance = this.inflowRate * personFactor(person, age);
        if (!rng.chance(chance)) continue;
        const month = 1 + pickWeighted(rng, monthCum(year));
        const first = daysFromCivil(year, month, 1);
        const opened = first + rng.int(daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - first);
        const ageAtOpen = (opened - birth) / 365.25;
        if (opened < freeFrom || opened >= limit - 60 || ageAtOpen < 18 || ageAtOpen >= 65) continue;
        const timeline = this.timeline(opened, limit);
        // Run-up cases only if they reach into the first history year.
        if (!timeline || (year < this.firstYear && timeline.closed < this.firstDay)) continue;
        yield this.build(person, timeline, ageAtOpen);
        made++;
        freeFrom = timeline.closed + 180;
      }
    }
  }

  // ——— timeline ———

  private timeline(opened: number, limit: number): Timeline | null {
    const { rng } = this;
    const path = PATHS[pickWeighted(rng, PATH_CUM)] as readonly Step[];
    const visited: CaseStepStatus[] = ['intake', ...path.map(([, to]) => to)];
    const days: number[] = [];
    let day = opened;
    for (let i = 0; i < path.length; i++) {
      const status = visited[i] as CaseStepStatus;
      const next = (path[i] as Step)[0];
      day += stayLength(rng, status, next);
      days.push(day);
    }
    const closed = days.at(-1) as number;
    // A case still open today belongs to the current data, not to the history.
    if (closed > limit) return null;
    const dayOfStep = (action: CaseStepAction) => {
      const i = path.findIndex(([a]) => a === action);
      return i < 0 ? null : (days[i] as number);
    };
    const indicate = dayOfStep('indicate') as number;
    const completeAssessment = dayOfStep('complete_assessment');
    const startImplementation = dayOfStep('start_implementation');
    const startClosing = dayOfStep('start_closing') as number;
    return {
      path,
      opened,
      days,
      closed,
      assessmentFrom: indicate,
      planning: completeAssessment === null ? null : { from: completeAssessment, to: startImplementation ?? startClosing },
      implementation: startImplementation === null ? null : { from: startImplementation, to: startClosing },
      closingStart: startClosing,
    };
  }

  // ——— one case ———

  private id(): string {
    return uuidV4(this.ids);
  }

  /** A timestamp on `day` in office hours; `slot` orders what happens on one day. */
  private stamp(day: number, slot: number): string {
    const minute = 360 + ((day * 7919 + this.salt * 13) % 400) + slot * 6;
    return `${isoOf(day)}T${PAD2[Math.floor(minute / 60)]}:${PAD2[minute % 60]}:00.000Z`;
  }

  private managerFor(person: DemoHistoryPerson, age: number): string {
    const { rng } = this;
    const kind: DemoTeamKind =
      age < 25 && this.teamByKind.has('u25')
        ? 'u25'
        : person.severeDisability && this.teamByKind.has('rehab')
          ? 'rehab'
          : person.postalCode !== null && this.north.has(person.postalCode)
            ? 'north'
            : 'south';
    const team = this.teamByKind.get(kind) ?? this.teamByKind.get('north') ?? this.teamByKind.get('south');
    return rng.pick(team ? team.caseManagerIds : this.allManagers);
  }

  private build(person: DemoHistoryPerson, t: Timeline, age: number): DemoHistoryCase {
    const { rng } = this;
    this.salt = rng.int(400);
    const caseId = this.id();
    const manager = this.managerFor(person, age);
    const year = Number(isoOf(t.opened).slice(0, 4));
    // The labour market of the year the case ends decides how often it ends in work.
    const outcome = this.outcome(t, age, Number(isoOf(t.closingStart).slice(0, 4)));
    const aftercare = t.path.some(([a, to]) => a === 'close' && to === 'aftercare');

    const barriers = this.barriers(caseId, person, t, age, year, manager, outcome);
    const transitions = this.transitions(caseId, t, manager, barriers.length, outcome);
    const plan = this.plan(caseId, barriers, t, outcome);
    const agreements = this.agreements(caseId, t, plan.goals, plan.goalThemes, manager);
    const ratings = this.ratings(caseId, barriers, t, manager, outcome);
    const contacts = this.contacts(caseId, t, ratings, manager);

    const cooperation: DemoCaseCooperation = {
      caseId,
      consents: [],
      referrals: [],
      transitions: [],
      feedback: [],
      proposals: [],
      barriers: [],
      conferences: [],
      participants: [],
      actions: [],
      followUps: [],
      subGoals: [],
    };
    const extra = { unmetNeeds: [] as DemoUnmetNeed[], childcare: [] as DemoChildcareArrangement[], charges: [] as DemoReferralCharge[] };
    this.cooperation(caseId, person, t, barriers, plan.goals, manager, outcome, cooperation, extra);

    const achievements = [...new Set(plan.goalThemes)].map((k) => DEMO_CASE_VOCABULARY.themes[k].achievement).slice(0, 2);
    const texts = DEMO_CASE_VOCABULARY.outcomeTexts[outcome];
    const done =
      achievements.length === 0
        ? ''
        : outcome === 'dropout'
          ? `Zu Beginn wurde ${achievements[0]}; danach brach der Kontakt ab. `
          : `Im Fallmanagement wurde ${achievements.join(' und ')}. `;
    const lastContact = contacts.at(-1)?.occurredOn ?? null;
    const closeIndex = t.path.findIndex(([a]) => a === 'close');
    const statusSince = (transitions.at(-1) as DemoCaseTransition).at;
    const file: DemoCaseFile = {
      case: {
        id: caseId,
        personId: person.id,
        status: 'closed',
        priority: rng.pick(['high', 'medium', 'medium', 'low'] as const),
        caseManagerId: manager,
        contactDensityDays: null,
        willingToCooperate: true,
        openedOn: isoOf(t.opened),
        closedOn: isoOf(t.closed),
        aftercareUntil: aftercare ? isoOf(t.closed) : null,
        statusSince,
        outcome,
        retrospective: `${done}${texts.result}`,
        prospective: texts.prospective,
        personParticipated: true,
        satisfaction: rng.chance(0.85) ? 1 + pickWeighted(rng, outcome === 'dropout' ? SATISFACTION_CUM_LOW : SATISFACTION_CUM) : null,
        lastContactOn: lastContact,
        nextContactDue: isoOf((lastContact ? dayOf(lastContact) : (t.days[closeIndex] as number)) + 28),
        createdAt: (transitions[0] as DemoCaseTransition).at,
        updatedAt: statusSince,
      },
      transitions,
      barriers,
      resources: [],
      goals: plan.goals,
      subGoals: plan.subGoals,
      agreements,
      ratings,
      contacts,
      followUps: [],
    };
    return { file, cooperation, ...extra };
  }

  private outcome(t: Timeline, age: number, year: number): ClosingOutcome {
    const { rng } = this;
    if (t.path.some(([a, to]) => a === 'close' && to === 'aftercare'))
      return DEMO_CASE_VOCABULARY.aftercareOutcomes[pickWeighted(rng, DEMO_CASE_VOCABULARY.aftercareOutcomeCum)] as ClosingOutcome;
    if (t.implementation === null)
      return DEMO_CASE_VOCABULARY.earlyOutcomes[pickWeighted(rng, DEMO_CASE_VOCABULARY.earlyOutcomeCum)] as ClosingOutcome;
    const work = employmentFactor(year);
    const weights = CLOSING_OUTCOMES.map((o, i) => {
      const w = OUTCOME_BASE[i] as number;
      if (o === 'employment_insured' || o === 'self_employment') return w * work;
      if (o === 'vocational_training') return age < 25 ? w * 4 : w;
      return w;
    });
    return CLOSING_OUTCOMES[pickWeighted(rng, cumulative(weights))] as ClosingOutcome;
  }

  private barriers(
    caseId: string,
    person: DemoHistoryPerson,
    t: Timeline,
    age: number,
    year: number,
    manager: string,
    outcome: ClosingOutcome,
  ): DemoCaseBarrier[] {
    const { rng } = this;
    const types = this.options.barrierTypes;
    const weights = DEMO_CASE_VOCABULARY.personWeights(types, person, Math.floor(age));
    for (let i = 0; i < types.length; i++)
      weights[i] =
        (weights[i] as number) * barrierTrend((types[i] as DemoHistoryBarrierType).code, year, this.referenceYear, person.refugee);
    const count = Math.min(types.length, 3 + pickWeighted(rng, BARRIER_COUNT_CUM));
    const chosen: DemoHistoryBarrierType[] = [];
    while (chosen.length < count) {
      let total = 0;
      for (const w of weights) total += w;
      if (total <= 0) break;
      let r = rng.float() * total;
      let index = 0;
      for (; index < weights.length - 1; index++) {
        r -= weights[index] as number;
        if (r < 0) break;
      }
      chosen.push(types[index] as DemoHistoryBarrierType);
      weights[index] = 0;
    }
    // Three at intake (the indication needs them), the rest in the assessment.
    const intakeEnd = t.assessmentFrom;
    const assessmentEnd = t.planning?.from ?? t.closingStart;
    const ordered = t.planning !== null;
    const implementationDays = t.implementation ? t.implementation.to - t.implementation.from : 0;
    const resolveChance =
      Math.min(0.6, implementationDays / 900) +
      (outcome === 'dropout' ? -0.1 : ['stabilisation', 'employment_insured'].includes(outcome) ? 0.15 : 0);
    return chosen.map((type, i): DemoCaseBarrier => {
      const recorded =
        i < 3 ? t.opened + rng.int(Math.max(1, intakeEnd - t.opened)) : intakeEnd + rng.int(Math.max(1, assessmentEnd - intakeEnd));
      const theme = DEMO_CASE_VOCABULARY.themes[DEMO_CASE_VOCABULARY.themeOf(type)];
      const sources = Object.entries(theme.indicatorSources) as Array<[IndicatorSource, number]>;
      const source = (sources[pickWeighted(rng, cumulative(sources.map(([, w]) => w)))] as [IndicatorSource, number])[0];
      const stamp = this.stamp(recorded, SLOT.record);
      const resolved = implementationDays > 120 && rng.chance(resolveChance);
      const resolvedDay = resolved && t.implementation ? t.implementation.from + 60 + rng.int(Math.max(1, implementationDays - 60)) : null;
      return {
        id: this.id(),
        caseId,
        barrierTypeId: type.id,
        code: type.code,
        severity: SEVERITIES[pickWeighted(rng, SEVERITY_CUM)] as DemoCaseBarrier['severity'],
        recordedOn: isoOf(recorded),
        recordedBy: manager,
        priority: ordered ? i + 1 : null,
        indicators: [{ source: type.code === 'severe_disability' ? 'disability_card' : source, note: null }],
        note: null,
        status: resolvedDay === null ? 'active' : 'resolved',
        createdAt: stamp,
        updatedAt: resolvedDay === null ? stamp : this.stamp(resolvedDay, SLOT.record),
      };
    });
  }

  private transitions(caseId: string, t: Timeline, manager: string, barrierCount: number, outcome: ClosingOutcome): DemoCaseTransition[] {
    const list: DemoCaseTransition[] = [
      {
        id: this.id(),
        caseId,
        at: this.stamp(t.opened, SLOT.open),
        actorId: manager,
        action: 'open',
        fromStatus: null,
        toStatus: 'intake',
        reason: null,
        indicationMet: null,
        indicationOverride: false,
      },
    ];
    let from: CaseStepStatus = 'intake';
    t.path.forEach(([action, to], i) => {
      const day = t.days[i] as number;
      const slot = action === 'close' ? SLOT.close : action === 'end_aftercare' ? SLOT.after : SLOT.transition;
      list.push({
        id: this.id(),
        caseId,
        at: this.stamp(day, slot),
        actorId: manager,
        action,
        fromStatus: from,
        toStatus: to,
        reason: action === 'start_closing' ? DEMO_CASE_VOCABULARY.outcomeTexts[outcome].closingReason : null,
        // Three barriers are always recorded at intake, so the default rule (three barriers, willing) is met.
        indicationMet: action === 'indicate' ? barrierCount >= 3 : null,
        indicationOverride: false,
      });
      from = to;
    });
    return list;
  }

  private plan(caseId: string, barriers: DemoCaseBarrier[], t: Timeline, outcome: ClosingOutcome) {
    const { rng } = this;
    const goals: DemoPlanGoal[] = [];
    const subGoals: DemoPlanSubGoal[] = [];
    const goalThemes: ThemeKey[] = [];
    if (t.planning === null) return { goals, subGoals, goalThemes };
    const { themes, themeOf, subGoalReviewNotes } = DEMO_CASE_VOCABULARY;
    const themeOfBarrier = (b: DemoCaseBarrier) => themeOf(this.typeById.get(b.barrierTypeId) as DemoHistoryBarrierType);
    const order: ThemeKey[] = [];
    for (const b of [...barriers].sort((x, y) => themes[themeOfBarrier(x)].rank - themes[themeOfBarrier(y)].rank)) {
      const k = themeOfBarrier(b);
      if (!order.includes(k)) order.push(k);
    }
    const goalDay = t.planning.from + rng.int(Math.max(1, t.planning.to - t.planning.from));
    const helpEnd = t.closingStart;
    const dropout = outcome === 'dropout';
    for (const key of order.slice(0, 1 + rng.int(Math.min(3, order.length)))) {
      const theme = themes[key];
      const own = barriers.filter((b) => themeOfBarrier(b) === key);
      const fitting = theme.goals.filter((g) => !g.codes || g.codes.some((c) => own.some((b) => b.code === c)));
      const g = rng.pick(fitting.length > 0 ? fitting : theme.goals);
      const goal: DemoPlanGoal = {
        id: this.id(),
        caseId,
        title: g.title,
        description: rng.chance(0.8) ? g.description : null,
        status: 'dropped',
        barrierIds: own.map((b) => b.id),
        createdAt: this.stamp(goalDay, SLOT.plan),
        updatedAt: this.stamp(goalDay, SLOT.plan),
      };
      goals.push(goal);
      goalThemes.push(key);
      const templates = [...theme.subGoals];
      let reached = false;
      let lastChange = goalDay;
      for (let j = 0, n = 1 + rng.int(3); j < n && templates.length > 0; j++) {
        const [template] = templates.splice(rng.int(templates.length), 1);
        if (!template) break;
        const due = goalDay + rng.range(21, 150);
        const r = rng.float();
        let status: Exclude<SubGoalStatus, 'open'>;
        if (due >= helpEnd) status = r < 0.35 && !dropout ? 'reached' : 'dropped';
        else if (dropout) status = r < 0.3 ? 'reached' : r < 0.45 ? 'partly_reached' : r < 0.85 ? 'missed' : 'dropped';
        else status = r < 0.6 ? 'reached' : r < 0.78 ? 'partly_reached' : r < 0.9 ? 'missed' : 'dropped';
        const changed = Math.max(goalDay, Math.min(helpEnd, due + rng.range(-10, 14)));
        lastChange = Math.max(lastChange, changed);
        if (status === 'reached') reached = true;
        subGoals.push({
          id: this.id(),
          caseId,
          goalId: goal.id,
          title: template.title,
          ownerKind: template.owner,
          ownerNote: template.ownerNote ?? null,
          dueOn: isoOf(due),
          status,
          reviewNote: rng.chance(0.3) ? null : rng.pick(subGoalReviewNotes[status]),
          createdAt: this.stamp(goalDay, SLOT.plan),
          updatedAt: this.stamp(changed, SLOT.plan),
        });
      }
      goal.status = reached && !dropout ? 'reached' : 'dropped';
      goal.updatedAt = this.stamp(Math.min(helpEnd, lastChange), SLOT.plan);
    }
    return { goals, subGoals, goalThemes };
  }

  /**
   * The first version concludes the planning; a new version follows each review while the help lasts,
   * mostly on time (more reliably in later years), sometimes weeks late.
   */
  private agreements(caseId: string, t: Timeline, goals: DemoPlanGoal[], goalThemes: ThemeKey[], manager: string): DemoAgreementVersion[] {
    const { rng } = this;
    const versions: DemoAgreementVersion[] = [];
    if (t.planning === null || t.implementation === null || goals.length === 0) return versions;
    const { themes, generalDuties, generalCommitments } = DEMO_CASE_VOCABULARY;
    const goalDay = dayOfPrefix((goals[0] as DemoPlanGoal).createdAt);
    let day = Math.max(goalDay, t.planning.to - rng.int(Math.max(1, Math.min(10, t.planning.to - t.planning.from))));
    while (versions.length < 4) {
      const iso = isoOf(day);
      const rule = this.rules.find((r) => r.validFrom <= iso && (r.validTo === null || iso <= r.validTo));
      if (!rule) break;
      const reached = rule.fallbackKind === null ? true : rng.chance(0.9);
      const duties: DemoAgreementDuty[] = goals.map((g, i) => ({ ...rng.pick(themes[goalThemes[i] as ThemeKey].duties), goalId: g.id }));
      if (rng.chance(0.6)) duties.push({ ...rng.pick(generalDuties), goalId: null });
      const commitments: Array<{ text: string; goalId: string | null }> = goals.map((g, i) => ({
        text: rng.pick(themes[goalThemes[i] as ThemeKey].commitments),
        goalId: g.id,
      }));
      if (rng.chance(0.4)) commitments.push({ text: rng.pick(generalCommitments), goalId: null });
      const latest = dayOf(latestReviewDate(rule, iso));
      const review = Math.min(latest, day + rng.range(91, 183));
      versions.push({
        id: this.id(),
        caseId,
        versionNo: versions.length + 1,
        ruleId: rule.id,
        kind: (reached ? rule.agreedKind : rule.fallbackKind) as AgreementKind,
        reached,
        agreedOn: iso,
        validUntil: isoOf(latest),
        reviewOn: isoOf(review),
        duties,
        commitments,
        personalOffer: reached && rule.validFrom >= '2026-07-01' ? themes[goalThemes[0] as ThemeKey].personalOffer : null,
        notes: reached ? null : 'Eine Vereinbarung kam nicht zustande. Die Pflichten werden durch Verwaltungsakt festgelegt.',
        createdBy: manager,
        createdAt: this.stamp(day, SLOT.agreement),
      });
      const year = Number(iso.slice(0, 4));
      const lateChance = Math.max(0.08, 0.3 - 0.02 * (year - this.firstYear));
      const next = rng.chance(lateChance) ? review + rng.range(10, 60) : Math.max(day + 30, review - rng.int(15));
      if (next >= t.closingStart) break;
      day = next;
    }
    return versions;
  }

  private ratings(caseId: string, barriers: DemoCaseBarrier[], t: Timeline, manager: string, outcome: ClosingOutcome): DemoCaseRating[] {
    const { rng } = this;
    const { themes, themeOf, ratingComments, aftercareOutcomes } = DEMO_CASE_VOCABULARY;
    const severityOf = new Map<LifeArea, number>();
    for (const b of barriers) {
      const weight = b.severity === 'high' ? 3 : b.severity === 'medium' ? 2 : 1;
      const theme = themes[themeOf(this.typeById.get(b.barrierTypeId) as DemoHistoryBarrierType)];
      for (const area of theme.areas) severityOf.set(area, Math.max(severityOf.get(area) ?? 0, weight));
    }
    const before = new Map<LifeArea, number>();
    for (const area of LIFE_AREAS) {
      const s = severityOf.get(area) ?? 0;
      before.set(
        area,
        s === 3
          ? rng.range(2, 3)
          : s === 2
            ? rng.range(3, 5)
            : s === 1
              ? rng.range(4, 6)
              : area === 'addiction'
                ? rng.range(8, 10)
                : area === 'work_qualification'
                  ? rng.range(3, 5)
                  : rng.range(5, 8),
      );
    }
    const positive = outcome !== 'dropout' && outcome !== 'moved_away';
    const implementationDays = t.implementation ? t.implementation.to - t.implementation.from : 0;
    const gain = positive ? 0.6 + Math.min(1.2, implementationDays / 400) : 0.1;
    const ratings: DemoCaseRating[] = [];
    const rate = (occasion: 'baseline' | 'closing', day: number, slot: number) => {
      const scores: DemoCaseRating['scores'] = LIFE_AREAS.map((area) => {
        const start = before.get(area) as number;
        let score = start;
        if (occasion === 'closing') {
          const affected = (severityOf.get(area) ?? 0) > 0 || area === 'work_qualification';
          score = Math.max(1, Math.min(10, Math.round(start + (affected ? gain : 0.15) + rng.bell() * 1.3)));
          if (area === 'work_qualification' && aftercareOutcomes.includes(outcome)) score = Math.max(score, 7);
        }
        const texts = ratingComments[area];
        const comment =
          (severityOf.get(area) ?? 0) > 0 && rng.chance(0.3)
            ? rng.pick(occasion === 'baseline' ? texts.baseline : score > start ? texts.up : score < start ? texts.down : texts.same)
            : null;
        return { area, score, comment };
      });
      ratings.push({
        id: this.id(),
        caseId,
        occasion,
        ratedOn: isoOf(day),
        withPerson: rng.chance(0.92),
        ratedBy: manager,
        scores,
        createdAt: this.stamp(day, slot),
      });
    };
    // The baseline is due before the assessment is completed; the closing rating before the close.
    const assessmentFrom = t.assessmentFrom;
    const assessmentEnd = t.planning?.from ?? t.closingStart;
    rate('baseline', assessmentFrom + rng.int(Math.max(1, assessmentEnd - assessmentFrom)), SLOT.rating);
    const closeDay = t.days[t.path.findIndex(([a]) => a === 'close')] as number;
    rate('closing', t.closingStart + rng.int(Math.max(1, closeDay - t.closingStart + 1)), SLOT.closingRating);
    return ratings;
  }

  private contacts(caseId: string, t: Timeline, ratings: DemoCaseRating[], manager: string): DemoCaseContact[] {
    const closing = ratings.find((r) => r.occasion === 'closing') as DemoCaseRating;
    const contact = (day: number, summary: string): DemoCaseContact => ({
      id: this.id(),
      caseId,
      kind: 'meeting',
      occurredOn: isoOf(day),
      summary,
      note: null,
      createdBy: manager,
      createdAt: this.stamp(day, SLOT.rating),
    });
    return [
      contact(t.opened, 'Erstgespräch: Lebenssituation, Anliegen und Erwartungen besprochen'),
      contact(dayOf(closing.ratedOn), 'Abschlussgespräch: Ergebnis, Rückblick und Ausblick besprochen'),
    ];
  }

  // ——— referrals, unmet needs, childcare, charges ———

  private services(person: DemoHistoryPerson, barriers: DemoCaseBarrier[], day: number): Services {
    const needed: ServiceType[] = [];
    for (const b of barriers)
      for (const s of this.typeById.get(b.barrierTypeId)?.serviceTypes ?? [])
        if (!needed.includes(s as ServiceType)) needed.push(s as ServiceType);
    const groups = targetGroups(person, isoOf(day));
    const offersOf = new Map<ServiceType, DemoHistoryOffer[]>();
    for (const s of needed)
      offersOf.set(
        s,
        (this.offersByService.get(s) ?? []).filter((o) => offerFitsTargetGroups(o.targetGroups, groups)),
      );
    return { needed, offersOf };
  }

  private cooperation(
    caseId: string,
    person: DemoHistoryPerson,
    t: Timeline,
    barriers: DemoCaseBarrier[],
    goals: DemoPlanGoal[],
    manager: string,
    outcome: ClosingOutcome,
    out: DemoCaseCooperation,
    extra: Pick<DemoHistoryCase, 'unmetNeeds' | 'childcare' | 'charges'>,
  ) {
    const { rng } = this;
    if (t.implementation === null) return;
    const window = t.implementation;
    const last = t.closed - 1;
    const { needed, offersOf } = this.services(person, barriers, window.from);
    if (needed.length === 0) return;
    // Services in a random order that puts the § 16a services first more often.
    const order = needed
      .map((service) => ({ service, key: (DEMO_REFERRAL_VOCABULARY.section16a.has(service) ? 3 : 1) * rng.float() }))
      .sort((a, b) => b.key - a.key)
      .map((x) => x.service);
    let slots = pickWeighted(rng, REFERRAL_COUNT_CUM);
    let unmet = 0;
    const span = Math.max(1, Math.floor((window.to - window.from) * 0.55));
    for (const service of order) {
      if (slots === 0 && unmet >= 2) break;
      const created = window.from + rng.int(span);
      const year = Number(isoOf(created).slice(0, 4));
      const pressure = servicePressure(service, year, this.referenceYear);
      const all = this.offersByService.get(service) ?? [];
      const fitting = offersOf.get(service) ?? [];
      const recordUnmet = (reason: UnmetNeedReason, resolvedOn: number | null) => {
        unmet++;
        extra.unmetNeeds.push({
          id: this.id(),
          caseId,
          personId: person.id,
          serviceType: service,
          reason,
          note: rng.chance(0.7) ? (resolvedOn !== null ? UNMET_RESOLVED_NOTE : rng.pick(UNMET_NOTES[reason])) : null,
          recordedOn: isoOf(created),
          recordedBy: manager,
          resolvedOn: resolvedOn === null ? null : isoOf(resolvedOn),
          resolvedBy: resolvedOn === null ? null : manager,
          version: resolvedOn === null ? 1 : 2,
          createdAt: this.stamp(created, SLOT.plan),
        });
      };
      if (all.length === 0) {
        if (unmet < 2 && rng.chance(NO_OFFER_CHANCE)) recordUnmet('no_offer', null);
        continue;
      }
      if (fitting.length === 0) {
        if (unmet < 2 && rng.chance(TARGET_GROUP_CHANCE)) recordUnmet('target_group', null);
        continue;
      }
      if (slots === 0) continue;
      // Scarce capacity: the need is recorded as unmet; half of them get a place later.
      let sendFrom = created;
      if (unmet < 2 && rng.chance(capacityUnmetChance(pressure))) {
        const later = created + rng.range(20, 90);
        const resolved = rng.chance(0.5) && later < window.to - 20;
        recordUnmet(capacityReason(rng), resolved ? later : null);
        if (!resolved) {
          slots--;
          continue;
        }
        sendFrom = later;
      }
      const offer = this.pickOffer(person, fitting, barriers, service);
      if (offer === null) {
        if (unmet < 2) recordUnmet('too_far', null);
        slots--;
        continue;
      }
      slots--;
      this.referral(caseId, person, t, offer, sendFrom, last, goals, manager, outcome, out, extra);
    }
  }

  /** The nearest fitting offer mostly; far away from every location, some needs stay unmet as "too far". */
  private pickOffer(
    person: DemoHistoryPerson,
    offers: DemoHistoryOffer[],
    barriers: DemoCaseBarrier[],
    service: ServiceType,
  ): DemoHistoryOffer | null {
    const { rng } = this;
    let pool = offers;
    if (service === 'childcare_care') {
      // Childcare for children where the barrier is about children, care for relatives otherwise.
      const forChildren =
        barriers.some((b) => b.code === 'childcare_missing') ||
        (person.children.length > 0 && !barriers.some((b) => b.code === 'care_of_relatives'));
      const matching = offers.filter((o) => isChildcareForChildren(o) === forChildren);
      if (matching.length > 0) pool = matching;
    }
    if (person.latitude === null || person.longitude === null) return rng.pick(pool);
    const here = { latitude: person.latitude, longitude: person.longitude };
    let best = pool[0] as DemoHistoryOffer;
    let bestKm = Number.POSITIVE_INFINITY;
    for (const offer of pool)
      for (const location of offer.locations) {
        const km = distanceKm(here, location);
        if (km < bestKm) {
          bestKm = km;
          best = offer;
        }
      }
    if (bestKm > 15 && rng.chance(0.15)) return null;
    return rng.chance(0.65) ? best : rng.pick(pool);
  }

  private referral(
    caseId: string,
    person: DemoHistoryPerson,
    t: Timeline,
    offer: DemoHistoryOffer,
    created: number,
    last: number,
    goals: DemoPlanGoal[],
    manager: string,
    outcome: ClosingOutcome,
    out: DemoCaseCooperation,
    extra: Pick<DemoHistoryCase, 'childcare' | 'charges'>,
  ) {
    const { rng, R } = this;
    const staff = this.options.providerStaffIds[offer.providerId] as string;
    const texts = DEMO_REFERRAL_VOCABULARY.textsOf(offer.serviceType);
    const A = offer.answerDays;
    const S = offer.startDays;
    const sent = Math.min(last, created + rng.int(4));
    const year = Number(isoOf(sent).slice(0, 4));
    const month = Number(isoOf(sent).slice(5, 7));
    const pressure = servicePressure(offer.serviceType, year, this.referenceYear);

    // The plan of steps with their days; everything ends by the day before the case closed.
    type Plan = Array<{ action: ReferralAction; day: number }>;
    const steps: Plan = [{ action: 'send', day: sent }];
    const declineChance = 0.05 + 0.3 * Math.max(0, pressure - 1);
    const roll = rng.float();
    let capacityDecline = false;
    if (roll < declineChance) {
      capacityDecline = pressure > 1.05 && rng.chance(0.75);
      steps.push({ action: 'decline', day: sent + rng.range(1, A + 3) });
    } else if (roll < declineChance + 0.03) steps.push({ action: 'cancel', day: sent + rng.range(1, A + 5) });
    else {
      const accepted = sent + (rng.chance(0.85) ? rng.range(1, A) : rng.range(A + 1, A + 10));
      steps.push({ action: 'accept', day: accepted });
      const fate = rng.float();
      if (fate < 0.03) steps.push({ action: 'cancel', day: accepted + rng.range(1, Math.max(1, S)) });
      else if (fate < 0.11) steps.push({ action: 'not_start', day: accepted + S + rng.range(1, 10) });
      else {
        const base = Math.max(2, offer.waitingDays ?? 7);
        const wait = Math.round(base * pressure ** 2 * (MONTH_WAIT[month - 1] as number) * Math.exp(rng.bell() * 0.5));
        const started = Math.max(accepted + 1, sent + Math.min(240, wait));
        steps.push({ action: 'start', day: started });
        const dropChance = (COUNSELLING_DROPOUT[offer.serviceType] ?? 0.15) + (outcome === 'dropout' ? 0.25 : 0);
        const duration = rng.range(texts.duration[0], texts.duration[1]);
        if (rng.chance(dropChance))
          steps.push({ action: 'drop_out', day: started + rng.range(14, Math.max(15, Math.floor(duration * 0.6))) });
        else steps.push({ action: 'complete', day: started + duration });
      }
    }
    // Fit into the case: a service that would run on ends with the case; one that would start later is withdrawn.
    for (let i = 1; i < steps.length; i++) {
      const step = steps[i] as Plan[number];
      const previous = (steps[i - 1] as Plan[number]).day;
      if (step.day <= last) continue;
      if (step.action === 'complete' || step.action === 'drop_out') {
        step.day = Math.max(previous + 1, last - rng.int(5));
        if (step.day > last) step.day = last;
      } else {
        steps.splice(i, steps.length - i, { action: 'cancel', day: Math.max(previous, last) });
        break;
      }
    }
    for (let i = 1; i < steps.length; i++) {
      const step = steps[i] as Plan[number];
      step.day = Math.max(step.day, (steps[i - 1] as Plan[number]).day);
    }

    const clock = new Clock(rng, R);
    const referralId = this.id();
    const consentGiven = Math.max(t.opened, Math.min(sent, created - rng.int(8)));
    const consent = this.consent(caseId, person, offer, consentGiven, manager, clock);
    out.consents.push(consent);
    const lastStep = (steps.at(-1) as Plan[number]).day;
    const goalIds = goals.length > 0 ? [rng.pick(goals).id] : [];
    const referral: DemoReferral = {
      id: referralId,
      caseId,
      personId: person.id,
      offerId: offer.id,
      providerId: offer.providerId,
      serviceType: offer.serviceType,
      consentId: consent.id,
      status: 'draft',
      referralNote: rng.chance(0.4) ? rng.pick(texts.notes) : null,
      goalIds,
      healthNote: null,
      needsDecision: null,
      sentOn: null,
      acceptedOn: null,
      startedOn: null,
      endedOn: null,
      result: null,
      lastReportOn: null,
      createdBy: manager,
      version: 1,
      createdAt: clock.at(Math.min(created, sent)),
      updatedAt: '',
    };
    const transitions: DemoReferralTransition[] = [];
    const feedback: DemoReferralFeedback[] = [];
    const categories = consent.categories;
    const transition = referralTransitionRecorder({ referral, transitions, nextId: () => this.id(), clock, staff, manager });
    const write = referralFeedbackWriter({ referral, feedback, nextId: () => this.id(), clock, staff, categories });

    transition('create', 'draft', created, null);
    let startedDay: number | null = null;
    let acceptedDay: number | null = null;
    const V = DEMO_REFERRAL_VOCABULARY;
    for (const { action, day } of steps) {
      switch (action) {
        case 'send':
          referral.sentOn = isoOf(day);
          transition(action, 'sent', day, null);
          break;
        case 'accept':
          referral.acceptedOn = isoOf(day);
          acceptedDay = day;
          transition(action, 'accepted', day, null);
          break;
        case 'decline': {
          const reason = capacityDecline ? CAPACITY_DECLINE_REASON : rng.pick(V.declineReasons.slice(1));
          transition(action, 'declined', day, reason);
          write('status', day, { declineReason: reason });
          break;
        }
        case 'cancel':
          transition(action, 'cancelled', day, day >= last ? LATE_CANCEL_REASON : rng.pick(V.cancelReasons));
          break;
        case 'not_start': {
          const reason = rng.pick(V.notStartedReasons);
          if (acceptedDay !== null && day - acceptedDay >= 2) {
            const missed = acceptedDay + 1 + rng.int(day - acceptedDay - 1);
            write('appointment', missed, {
              appointmentOn: isoOf(missed),
              kept: false,
              appointmentNote: rng.pick(V.appointmentNotesMissed),
            });
          }
          transition(action, 'not_started', day, reason);
          write('status', day, { notStartedReason: reason });
          break;
        }
        case 'start': {
          // The first kept appointment is the start; sometimes one was missed before.
          if (acceptedDay !== null && day - acceptedDay >= 2 && rng.chance(0.2)) {
            const missed = acceptedDay + 1 + rng.int(day - acceptedDay - 1);
            write('appointment', missed, {
              appointmentOn: isoOf(missed),
              kept: false,
              appointmentNote: rng.pick(V.appointmentNotesMissed),
            });
          }
          referral.startedOn = isoOf(day);
          startedDay = day;
          transition(action, 'started', day, null);
          write('status', day, { startedOn: isoOf(day) });
          write('appointment', day, { appointmentOn: isoOf(day), kept: true, appointmentNote: rng.pick(V.appointmentNotesKept) });
          break;
        }
        case 'complete':
        case 'drop_out': {
          const from = startedDay as number;
          this.interimReports(write, offer, texts, from, day);
          referral.endedOn = isoOf(day);
          if (action === 'complete') {
            const result = V.results[pickWeighted(rng, V.resultCum)] as ReferralResult;
            const status = write('status', day, { endedOn: isoOf(day), result, resultNote: rng.pick(V.resultNotes[result]) });
            referral.result = status.fields.result ? result : null;
            transition(action, 'completed', day, null);
            this.finalReport(write, day, texts, result, outcome);
          } else {
            const reason = rng.pick(V.dropOutReasons);
            const status = write('status', day, { droppedOutOn: isoOf(day), dropOutReason: reason });
            transition(action, 'dropped_out', day, status.fields.dropOutReason ? reason : null);
            if (rng.chance(0.6)) this.finalReport(write, day, texts, 'dropped_out', outcome);
          }
          break;
        }
        default:
          throw new Error(`unexpected referral step ${action}`);
      }
    }

    // The consent stays valid beyond the last write; about 30 % without an end date.
    const lastWrite = Math.max(lastStep, ...feedback.map((f) => dayOf(f.recordedOn)));
    consent.validUntil = rng.chance(0.3) ? null : isoOf(Math.max(consentGiven + rng.range(365, 730), lastWrite + rng.range(30, 200)));

    const stamps = [...transitions.map((x) => x.at), ...feedback.map((f) => f.recordedAt)].sort();
    referral.updatedAt = stamps.at(-1) as string;
    referral.version = transitions.length + feedback.filter((f) => f.kind !== 'status').length;
    out.referrals.push(referral);
    out.transitions.push(...transitions);
    out.feedback.push(...feedback);

    if (startedDay !== null && referral.endedOn !== null) {
      const ended = dayOf(referral.endedOn);
      // Invoices of the current month are not in yet.
      extra.charges.push(...referralCharges(this.streams, referralId, offer, startedDay, Math.min(ended, monthStart(R) - 1)));
      if (isChildcareForChildren(offer))
        extra.childcare.push(...childcareArrangements(this.streams, referralId, person.children, startedDay, ended, manager));
    }
  }

  private consent(
    caseId: string,
    person: DemoHistoryPerson,
    offer: DemoHistoryOffer,
    given: number,
    manager: string,
    clock: Clock,
  ): DemoConsent {
    const { rng } = this;
    const V = DEMO_REFERRAL_VOCABULARY;
    const set = new Set<ConsentCategory>(['attendance']);
    if (rng.chance(0.92)) set.add('process_steps');
    if (rng.chance(0.5)) set.add('content_summary');
    if (rng.chance(0.85)) set.add('results');
    if (V.specialServices.has(offer.serviceType) && rng.chance(0.45)) set.add('health');
    const consent: DemoConsent = {
      id: this.id(),
      caseId,
      personId: person.id,
      providerId: offer.providerId,
      categories: CONSENT_CATEGORIES.filter((c) => set.has(c)),
      purpose: `Abstimmung der ${V.textsOf(offer.serviceType).purpose} mit ${offer.providerName}: Zuweisung, Rückmeldungen zu Teilnahme und Verlauf im Umfang der genannten Kategorien.`,
      form: V.consentForms[pickWeighted(rng, V.consentFormCum)] as DemoConsent['form'],
      givenOn: isoOf(given),
      validUntil: null,
      counselled: [...CONSENT_COUNSELLING_POINTS],
      revokedOn: null,
      revokedAt: null,
      revokedBy: null,
      revocationNote: null,
      recordedBy: manager,
      version: 1,
      createdAt: clock.at(given),
    };
    return consent;
  }

  /** Interim reports every `interimReportDays` while the service runs: late ones more often in the early years. */
  private interimReports(
    write: (kind: DemoReferralFeedback['kind'], day: number, fields: Record<string, unknown>) => DemoReferralFeedback,
    offer: DemoHistoryOffer,
    texts: ReturnType<typeof DEMO_REFERRAL_VOCABULARY.textsOf>,
    started: number,
    ended: number,
  ) {
    const { rng } = this;
    const I = offer.interimReportDays;
    let last = started;
    for (let n = 0; n < 4; n++) {
      const year = Number(isoOf(last + I).slice(0, 4));
      const lateChance = Math.max(0.06, 0.32 - 0.025 * (year - this.firstYear));
      const day = rng.chance(lateChance) ? last + I + rng.range(5, 40) : last + I - rng.int(Math.min(10, Math.floor(I / 3)) + 1);
      if (day >= ended) break;
      write('interim_report', day, {
        reportedOn: isoOf(day),
        processSteps: rng.pick(texts.processSteps),
        summary: rng.pick(texts.summaries),
        plannedHelp: rng.chance(0.6) ? rng.pick(texts.plannedHelp) : undefined,
      });
      last = day;
    }
  }

  private finalReport(
    write: (kind: DemoReferralFeedback['kind'], day: number, fields: Record<string, unknown>) => DemoReferralFeedback,
    day: number,
    texts: ReturnType<typeof DEMO_REFERRAL_VOCABULARY.textsOf>,
    result: ReferralResult | 'dropped_out',
    outcome: ClosingOutcome,
  ) {
    const { rng } = this;
    const V = DEMO_REFERRAL_VOCABULARY;
    const intoWork = (outcome === 'employment_insured' || outcome === 'self_employment') && result !== 'dropped_out';
    const whereabouts = intoWork && rng.chance(0.6) ? 'employment' : rng.pick(V.whereaboutsByResult[result]);
    write('final_report', day, {
      reportedOn: isoOf(day),
      whereabouts,
      whereaboutsNote: V.whereaboutsNotes[whereabouts],
      nextSteps: rng.chance(0.7) ? rng.pick(texts.nextSteps) : undefined,
      summary: rng.pick(texts.summaries),
    });
  }
}

/** The random streams and facts the per-referral helpers share with the generator that calls them. */
interface Streams {
  rng: Sfc32;
  ids: Sfc32;
  R: number;
  referenceYear: number;
  chargeRecorderId: string;
}

/** A timestamp in office hours on `day`; early in the morning on the reference date (never later than "now"). */
function officeStamp(rng: Sfc32, day: number, R: number): string {
  return `${isoOf(day)}T${day >= R ? '05' : PAD2[9 + rng.int(7)]}:${PAD2[rng.int(60)]}:00.000Z`;
}

/**
 * Monthly charges of a per-case offer from `started` to `ended`, recorded by the coordination after
 * each month's invoice (units as the offer's price unit says, × the price of that year).
 */
function referralCharges(s: Streams, referralId: string, offer: DemoHistoryOffer, started: number, ended: number): DemoReferralCharge[] {
  const { rng, R } = s;
  const scheme = chargeSchemeOf(offer);
  if (scheme.kind === 'none' || ended < started) return [];
  const units = new Map<number, number>();
  const add = (day: number, n: number) => {
    const key = monthStart(day);
    units.set(key, (units.get(key) ?? 0) + n);
  };
  if (scheme.kind === 'periodic') {
    for (let k = 0; ; k++) {
      const begin = started + Math.round(k * scheme.months * 30.44);
      if (begin > ended) break;
      add(begin, 1);
    }
  } else {
    for (let month = monthStart(started); month <= ended; month = nextMonthStart(month)) {
      const from = Math.max(month, started);
      const to = Math.min(nextMonthStart(month) - 1, ended);
      const share = (to - from + 1) / (nextMonthStart(month) - month);
      if (scheme.kind === 'monthly') add(month, share >= 0.5 ? 1 : 0.5);
      else if (scheme.kind === 'hours') add(month, Math.max(0.5, Math.round(rng.range(scheme.min, scheme.max) * share * 2) / 2));
      else add(month, Math.max(1, Math.round(rng.range(scheme.min, scheme.max) * share)));
    }
  }
  return [...units].map(([month, n]) => {
    const price = priceInYear(offer.priceCents as number, Number(isoOf(month).slice(0, 4)), s.referenceYear);
    return {
      id: uuidV4(s.ids),
      referralId,
      offerId: offer.id,
      serviceMonth: isoOf(month),
      units: n,
      amountCents: Math.round(n * price),
      note: null,
      recordedBy: s.chargeRecorderId,
      recordedAt: officeStamp(rng, Math.min(R, nextMonthStart(month) + rng.range(5, 25)), R),
    };
  });
}

/** One arrangement per child: the household's children under 14 if there are any, else "Kind 1"/"Kind 2". */
function childcareArrangements(
  s: Streams,
  referralId: string,
  householdChildren: DemoHistoryPerson['children'],
  started: number,
  ended: number | null,
  createdBy: string,
): DemoChildcareArrangement[] {
  const { rng } = s;
  const young = householdChildren.filter((c) => {
    const age = (started - dayOfPrefix(c.birthDate)) / 365.25;
    return age >= 0.5 && age < 14;
  });
  const count = Math.min(2, young.length > 0 ? young.length : rng.chance(0.7) ? 1 : 2);
  // The youngest children need the care.
  const children = young.length > 0 ? young.slice(-count) : [];
  return Array.from({ length: count }, (_, i) => {
    const child = children[i];
    const endsEarly = i > 0 && ended !== null && ended - started > 90 && rng.chance(0.3);
    const endsOn = ended === null ? null : endsEarly ? started + 60 + rng.int(ended - started - 60) : ended;
    return {
      id: uuidV4(s.ids),
      referralId,
      childPersonId: child ? child.id : null,
      childLabel: child ? child.firstName : `Kind ${i + 1}`,
      beginsOn: isoOf(started),
      endsOn: endsOn === null ? null : isoOf(endsOn),
      createdBy,
      createdAt: officeStamp(rng, started, s.R),
    };
  });
}

function stayLength(rng: Sfc32, status: CaseStepStatus, next: CaseStepAction): number {
  switch (status) {
    case 'intake':
      return rng.range(5, 35);
    case 'assessment':
      return next === 'start_closing' ? rng.range(20, 90) : rng.range(14, 56);
    case 'planning':
      return next === 'start_closing' ? rng.range(20, 120) : rng.range(10, 40);
    case 'implementation':
      return 120 + Math.floor(520 * rng.float() ** 1.3);
    case 'closing':
      return rng.range(5, 40);
    case 'aftercare':
      return rng.range(90, 240);
    default:
      return rng.range(30, 90);
  }
}

/** Inflow factor of a person: some groups come to case management more often. */
function personFactor(person: DemoHistoryPerson, age: number): number {
  let f = 1;
  if (age < 25) f *= 1.2;
  if (age >= 55) f *= 0.8;
  if (person.singleParent) f *= 1.3;
  if (person.refugee) f *= 1.2;
  if (person.severeDisability) f *= 1.2;
  return f;
}

const monthCums = new Map<number, Float64Array>();
function monthCum(year: number): Float64Array {
  let cum = monthCums.get(year);
  if (!cum) {
    cum = cumulative(Array.from({ length: 12 }, (_, i) => inflowFactor(year, i + 1)));
    monthCums.set(year, cum);
  }
  return cum;
}

function monthStart(day: number): number {
  const iso = isoOf(day);
  return daysFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), 1);
}

function nextMonthStart(day: number): number {
  const iso = isoOf(day);
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  return m === 12 ? daysFromCivil(y + 1, 1, 1) : daysFromCivil(y, m + 1, 1);
}

// ---------------------------------------------------------------------------------------------
// The current data's costs, childcare and unmet needs

/** A referral of the current data (demo/cooperation.ts) that has started. */
export interface DemoCurrentReferral {
  id: string;
  offerId: string;
  caseManagerId: string;
  startedOn: string;
  endedOn: string | null;
  /** Children of the person's household (applicants and partners only), oldest first. */
  children: DemoHistoryPerson['children'];
}

/** A case of the current data (demo/cases.ts) that got to implementation or was closed. */
export interface DemoCurrentCase {
  id: string;
  personId: string;
  caseManagerId: string;
  openedOn: string;
  closedOn: string | null;
  person: { birthDate: string; singleParent: boolean; refugee: boolean; severeDisability: boolean };
  barrierTypeIds: readonly string[];
  /** Service types the case has referrals to. */
  referredServices: readonly string[];
}

export interface ComplementOptions {
  seed: string;
  tenantIndex: number;
  referenceDate: string;
  offers: readonly DemoHistoryOffer[];
  barrierTypes: readonly DemoHistoryBarrierType[];
  chargeRecorderId: string;
  referrals: readonly DemoCurrentReferral[];
  cases: readonly DemoCurrentCase[];
}

/**
 * What the current data (cases and cooperation since 2021) lacks to continue the history's series into
 * the current year: charges of its per-case referrals up to the last month invoiced (the month before
 * today's), childcare arrangements of its childcare referrals, and the unmet needs of its cases (needs
 * of a service type without a referral: no offer, none for the person's group, no capacity).
 */
export function complementCurrentData(options: ComplementOptions): {
  charges: DemoReferralCharge[];
  childcare: DemoChildcareArrangement[];
  unmetNeeds: DemoUnmetNeed[];
} {
  const R = dayOf(options.referenceDate);
  const referenceYear = Number(options.referenceDate.slice(0, 4));
  const rng = seededRng('history-current', options.seed, options.tenantIndex);
  const streams: Streams = {
    rng,
    ids: seededRng('history-current-ids', options.seed, options.tenantIndex),
    R,
    referenceYear,
    chargeRecorderId: options.chargeRecorderId,
  };
  const offerById = new Map(options.offers.map((o) => [o.id, o]));
  const charges: DemoReferralCharge[] = [];
  const childcare: DemoChildcareArrangement[] = [];
  const invoicedUntil = monthStart(R) - 1;
  for (const referral of options.referrals) {
    const offer = offerById.get(referral.offerId);
    if (!offer) continue;
    const started = dayOf(referral.startedOn);
    const ended = referral.endedOn === null ? null : dayOf(referral.endedOn);
    charges.push(...referralCharges(streams, referral.id, offer, started, Math.min(ended ?? invoicedUntil, invoicedUntil)));
    if (isChildcareForChildren(offer))
      childcare.push(...childcareArrangements(streams, referral.id, referral.children, started, ended, referral.caseManagerId));
  }

  const serviceTypesOf = new Map(options.barrierTypes.map((t) => [t.id, t.serviceTypes as readonly ServiceType[]]));
  const offersByService = new Map<ServiceType, DemoHistoryOffer[]>();
  for (const offer of options.offers) offersByService.set(offer.serviceType, [...(offersByService.get(offer.serviceType) ?? []), offer]);
  const unmetNeeds: DemoUnmetNeed[] = [];
  for (const c of options.cases) {
    const opened = dayOf(c.openedOn);
    const end = Math.min(R, c.closedOn === null ? R : dayOf(c.closedOn));
    const needed = [...new Set(c.barrierTypeIds.flatMap((id) => serviceTypesOf.get(id) ?? []))].filter(
      (s) => !c.referredServices.includes(s),
    );
    let recorded = 0;
    for (const service of needed) {
      if (recorded >= 2) break;
      // Recorded in the help planning, some weeks after the case was opened.
      const from = Math.min(end, opened + 30);
      const day = from + rng.int(Math.max(1, end - from + 1));
      const all = offersByService.get(service) ?? [];
      const fitting = all.filter((o) => offerFitsTargetGroups(o.targetGroups, targetGroups(c.person, isoOf(day))));
      let reason: UnmetNeedReason | null = null;
      if (all.length === 0) reason = rng.chance(NO_OFFER_CHANCE) ? 'no_offer' : null;
      else if (fitting.length === 0) reason = rng.chance(TARGET_GROUP_CHANCE) ? 'target_group' : null;
      else if (rng.chance(capacityUnmetChance(servicePressure(service, Number(isoOf(day).slice(0, 4)), referenceYear))))
        reason = capacityReason(rng);
      if (reason === null) continue;
      recorded++;
      unmetNeeds.push({
        id: uuidV4(streams.ids),
        caseId: c.id,
        personId: c.personId,
        serviceType: service,
        reason,
        note: rng.chance(0.7) ? rng.pick(UNMET_NOTES[reason]) : null,
        recordedOn: isoOf(day),
        recordedBy: c.caseManagerId,
        resolvedOn: null,
        resolvedBy: null,
        version: 1,
        createdAt: officeStamp(rng, day, R),
      });
    }
  }
  return { charges, childcare, unmetNeeds };
}

// ---------------------------------------------------------------------------------------------
// Yearly plans of the offers and monthly targets, from what actually happened

/** Starts per offer and year, and what its per-case charges came to (from the database after loading). */
export interface DemoOfferYearActual {
  offerId: string;
  year: number;
  starts: number;
  chargedCents: number;
}

export interface DemoOfferYearPlan {
  offerId: string;
  year: number;
  plannedCases: number;
  plannedCostCents: number;
  /** The grant paid out for institutional offers in past years; per-case offers' actual cost comes from their charges. */
  actualCostCents: number | null;
  sgb2SharePercent: number;
  note: string | null;
  updatedAt: string;
}

export interface DemoPlanningTarget {
  year: number;
  serviceType: ServiceType;
  month: number;
  targetStarts: number;
  targetCostCents: number;
  updatedAt: string;
}

export interface YearPlanOptions {
  seed: string;
  tenantIndex: number;
  referenceDate: string;
  historyYears: number;
}

/** The history years and the current year: the years that get plans and targets. */
export function plannedYears(options: Pick<YearPlanOptions, 'referenceDate' | 'historyYears'>): number[] {
  const referenceYear = Number(options.referenceDate.slice(0, 4));
  return Array.from({ length: options.historyYears + 1 }, (_, i) => referenceYear - options.historyYears + i);
}

/** Share of an offer counted for SGB II (the rest serves people outside the Jobcenter, e.g. under SGB XII). */
const SGB2_SHARES: Partial<Record<ServiceType, readonly number[]>> = {
  debt_counselling: [55, 60, 65, 70, 75, 80],
  insolvency_counselling: [40, 50, 60, 65],
  psychosocial_support: [60, 70, 75, 80, 90],
  addiction_counselling: [50, 60, 70, 80],
  housing_support: [40, 45, 50, 60, 70],
  childcare_care: [80, 90, 100],
};

/** Rough units a case uses under a scheme, for planning a per-case offer before any charges exist. */
function unitsPerCase(scheme: ChargeScheme): number {
  switch (scheme.kind) {
    case 'hours':
      return ((scheme.min + scheme.max) / 2) * 5;
    case 'monthly':
      return 5;
    case 'modules_per_month':
      return ((scheme.min + scheme.max) / 2) * 4;
    case 'periodic':
      return Math.max(1, Math.ceil(5 / scheme.months));
    default:
      return 0;
  }
}

/** The grant of an institutional offer in a year: lower in the past; debt counselling before its capacity increase. */
function grantInYear(offer: DemoHistoryOffer, year: number, referenceYear: number): number {
  if (offer.priceCents === null) return 0;
  const before = offer.serviceType === 'debt_counselling' && year < capacityIncreaseYear(referenceYear) ? 1 / DEBT_CAPACITY_INCREASE : 1;
  return Math.round((offer.priceCents * 0.975 ** Math.max(0, referenceYear - year) * before) / 10_000) * 10_000;
}

/** When a year's plan was set: in December of the year before. */
function plannedAt(rng: Sfc32, year: number): string {
  return `${year - 1}-12-${PAD2[1 + rng.int(20)]}T${PAD2[8 + rng.int(8)]}:${PAD2[rng.int(60)]}:00.000Z`;
}

/**
 * A plan per offer and year, made the way a coordination would: planned cases from the previous year's
 * starts plus a little growth (plus the capacity increase of debt counselling), planned cost from the
 * grant (institutional) or the cases times the cost per case; the grant actually paid for past years.
 */
export function demoOfferYearPlans(
  options: YearPlanOptions & { offers: readonly DemoHistoryOffer[]; actuals: readonly DemoOfferYearActual[] },
): DemoOfferYearPlan[] {
  const rng = seededRng('history-plans', options.seed, options.tenantIndex);
  const referenceYear = Number(options.referenceDate.slice(0, 4));
  const increase = capacityIncreaseYear(referenceYear);
  const actual = new Map(options.actuals.map((a) => [`${a.offerId}|${a.year}`, a]));
  const plans: DemoOfferYearPlan[] = [];
  for (const offer of options.offers) {
    const shares = SGB2_SHARES[offer.serviceType];
    const share = shares ? (rng.pick(shares) as number) : 100;
    const scheme = chargeSchemeOf(offer);
    for (const year of plannedYears(options)) {
      const first = year === referenceYear - options.historyYears;
      const basis = actual.get(`${offer.id}|${first ? year : year - 1}`);
      const growth = offer.serviceType === 'debt_counselling' && year === increase ? DEBT_CAPACITY_INCREASE : 1.03;
      const plannedCases = Math.max(1, Math.round((basis?.starts ?? 2) * growth * (0.95 + rng.float() * 0.1)));
      let plannedCostCents: number;
      if (offer.financingModel === 'institutional') plannedCostCents = grantInYear(offer, year, referenceYear);
      else {
        const perCase =
          basis && basis.starts > 0 && basis.chargedCents > 0
            ? basis.chargedCents / basis.starts
            : priceInYear(offer.priceCents ?? 0, year, referenceYear) * unitsPerCase(scheme);
        plannedCostCents = Math.round((plannedCases * perCase) / 10_000) * 10_000;
      }
      const paid = offer.financingModel === 'institutional' && year < referenceYear && plannedCostCents > 0;
      plans.push({
        offerId: offer.id,
        year,
        plannedCases,
        plannedCostCents,
        actualCostCents: paid ? Math.round((plannedCostCents * (0.95 + rng.float() * 0.06)) / 100) * 100 : null,
        sgb2SharePercent: share,
        note:
          offer.serviceType === 'debt_counselling' && year === increase
            ? 'Kapazitätsausbau: zwei zusätzliche Beratungsstellen ab 1. Januar.'
            : null,
        updatedAt: plannedAt(rng, year),
      });
    }
  }
  return plans;
}

/** Starts per month relative to an average month: fewer in the summer holidays and around Christmas. */
const MONTH_STARTS = MONTH_INFLOW.map((f, i) => f / (MONTH_WAIT[i] as number));
const MONTH_STARTS_SUM = MONTH_STARTS.reduce((a, b) => a + b, 0);

/**
 * Monthly targets per service type and year near the actual trend: last year's starts plus the growth
 * a planner would expect (more for debt counselling, the capacity increase in its year), spread over
 * the months like the starts; the cost target from the year's offer plans (cost per planned case).
 */
export function demoPlanningTargets(
  options: YearPlanOptions & {
    offers: readonly DemoHistoryOffer[];
    /** Starts per service type and year (all referrals of the tenant, history and current data). */
    starts: ReadonlyArray<{ serviceType: ServiceType; year: number; starts: number }>;
    plans: readonly DemoOfferYearPlan[];
  },
): DemoPlanningTarget[] {
  const rng = seededRng('history-targets', options.seed, options.tenantIndex);
  const referenceYear = Number(options.referenceDate.slice(0, 4));
  const increase = capacityIncreaseYear(referenceYear);
  const startsOf = new Map(options.starts.map((s) => [`${s.serviceType}|${s.year}`, s.starts]));
  const serviceOf = new Map(options.offers.map((o) => [o.id, o.serviceType]));
  const costPerCase = new Map<string, { cost: number; cases: number }>();
  for (const plan of options.plans) {
    const key = `${serviceOf.get(plan.offerId)}|${plan.year}`;
    const entry = costPerCase.get(key) ?? { cost: 0, cases: 0 };
    entry.cost += plan.plannedCostCents;
    entry.cases += plan.plannedCases;
    costPerCase.set(key, entry);
  }
  const services = [...new Set(options.offers.map((o) => o.serviceType))].sort();
  const targets: DemoPlanningTarget[] = [];
  for (const year of plannedYears(options)) {
    const first = year === referenceYear - options.historyYears;
    for (const serviceType of services) {
      const basis = startsOf.get(`${serviceType}|${first ? year : year - 1}`) ?? 0;
      const growth = serviceType === 'debt_counselling' ? (year === increase ? 1.4 : 1.08) : 1.03;
      const cost = costPerCase.get(`${serviceType}|${year}`);
      const perCase = cost && cost.cases > 0 ? cost.cost / cost.cases : 0;
      const updatedAt = plannedAt(rng, year);
      for (let month = 1; month <= 12; month++) {
        const share = (MONTH_STARTS[month - 1] as number) / MONTH_STARTS_SUM;
        const targetStarts = Math.max(0, Math.round(basis * growth * share * (1 + rng.bell() * 0.08)));
        targets.push({
          year,
          serviceType,
          month,
          targetStarts,
          targetCostCents: Math.round((targetStarts * perCase) / 100) * 100,
          updatedAt,
        });
      }
    }
  }
  return targets;
}
