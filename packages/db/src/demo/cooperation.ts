import {
  type CapacityPeriod,
  type CapacityUnit,
  type CaseStatus,
  CONSENT_CATEGORIES,
  CONSENT_COUNSELLING_POINTS,
  type ConsentCategory,
  type ConsentForm,
  categoriesOfProviderWrite,
  distanceKm,
  type FeedbackKind,
  type FinancingModel,
  nextReferralStatus,
  type OfferTargetGroup,
  offerFitsTargetGroups,
  PROVIDER_FIELD_CATEGORIES,
  type ReferralAction,
  type ReferralResult,
  type ReferralStatus,
  type ServiceType,
  targetGroups,
  type Whereabouts,
} from '@lotse/domain';
import type { DemoCaseBarrier, DemoCaseFile, DemoFollowUp, DemoPlanSubGoal } from './cases';
import { dayOfPrefix, daysFromCivil, isoOf, stampOf } from './days';
import { type DemoDistrict, type DemoTown, demoDistrict } from './district';
import { DEMO_PHONE_BLOCKS } from './generator';
import { asciiFold, GERMAN_GROUP } from './names';
import { cumulative, pickWeighted, type Sfc32, seededRng, uuidV4 } from './prng';

/**
 * Demo data for the cooperation with providers (SPEC C6–C8, C10): the providers of a tenant's fictitious
 * district with their cooperation agreements and offers, and, for the demo case files, consents,
 * referrals walked along the domain's state machine with their history, the providers' feedback (only
 * within the consent's categories), barrier proposals from arising needs and case conferences.
 *
 * Pure and deterministic like the case generator: the same seed, tenant and reference date give the
 * same rows. The loader (demo-cooperation-load.ts) reads the case files back from the database and
 * writes these rows in bulk.
 */

// ---------------------------------------------------------------------------------------------
// Timestamps

/**
 * Timestamps of one record's history: strictly increasing, in German office hours, and on the
 * reference date early in the morning (never later than "now" when the demo is loaded in the day).
 */
export class Clock {
  private last = -1;

  constructor(
    private readonly rng: Sfc32,
    private readonly referenceDay: number,
  ) {}

  at(day: number): string {
    // Steps of one day follow each other within minutes (a step and its feedback are one write).
    const sameDay = Math.floor(this.last / 1440) === day;
    const base = day * 1440 + (day >= this.referenceDay ? 300 : 420 + this.rng.int(480));
    let value = sameDay ? this.last + 1 + this.rng.int(8) : Math.max(base, this.last + 1);
    if (value >= (day + 1) * 1440) value = Math.max(this.last + 1, (day + 1) * 1440 - 1);
    this.last = value;
    return stampOf(value);
  }
}

// ---------------------------------------------------------------------------------------------
// Providers, agreements, offers

export interface DemoProvider {
  id: string;
  name: string;
  street: string;
  houseNumber: string;
  postalCode: string;
  city: string;
  phone: string;
  email: string;
  website: string;
  contactPerson: string;
  createdAt: string;
}

export interface DemoCooperationAgreement {
  id: string;
  providerId: string;
  title: string;
  validFrom: string;
  validUntil: string | null;
  answerDays: number;
  startDays: number;
  interimReportDays: number;
  feedbackProcedure: string;
  qualityStandards: string;
  reportingDuties: string;
  auditRights: string;
  notice: string;
  createdAt: string;
}

export interface DemoOfferContact {
  name: string;
  function: string | null;
  phone: string | null;
  email: string | null;
}

export interface DemoOffer {
  id: string;
  providerId: string;
  agreementId: string;
  name: string;
  description: string;
  serviceType: ServiceType;
  targetGroups: OfferTargetGroup[];
  capacity: number | null;
  capacityUnit: CapacityUnit;
  capacityPeriod: CapacityPeriod;
  waitingDays: number;
  financingModel: FinancingModel;
  priceCents: number | null;
  priceUnit: string | null;
  contacts: DemoOfferContact[];
  /** Statistics begin: counselling counts from the first kept appointment (000 §9). */
  measureBeginRule: 'start' | 'first_appointment';
  plannedDurationDays: number;
  createdAt: string;
}

/**
 * Planned duration of a measure per service type (Kennziffer 13.6 of the statistics export), and the
 * services whose statistics begin is the first counselling appointment (000 §9: "in der Suchtberatung
 * bereits das erste Beratungsgespräch"). Fixed per service type, so they draw nothing from the seed.
 */
const DEMO_PLANNED_DURATION_DAYS: Record<ServiceType, number> = {
  childcare_care: 365,
  debt_counselling: 180,
  psychosocial_support: 180,
  addiction_counselling: 180,
  insolvency_counselling: 365,
  sgb2_16d_work_opportunity: 180,
  sgb2_16e_wage_subsidy: 730,
  sgb2_16i_social_participation: 1095,
  sgb2_16k_health_coaching: 365,
  sgb3_45_activation: 90,
  housing_support: 120,
  language_course: 180,
};
const DEMO_FIRST_APPOINTMENT_SERVICES: readonly ServiceType[] = [
  'debt_counselling',
  'psychosocial_support',
  'addiction_counselling',
  'insolvency_counselling',
];

export interface DemoOfferLocation {
  id: string;
  offerId: string;
  position: number;
  label: string;
  street: string;
  houseNumber: string;
  postalCode: string;
  city: string;
  latitude: number;
  longitude: number;
  openingHours: string;
  accessible: boolean;
}

/** A staff member of a provider: the actor of the provider's steps and feedback. */
export interface DemoProviderStaff {
  id: string;
  providerId: string;
  /** User name without the tenant prefix, e.g. 'traeger-3'. */
  username: string;
  displayName: string;
}

export interface DemoProviderNetwork {
  providers: DemoProvider[];
  agreements: DemoCooperationAgreement[];
  offers: DemoOffer[];
  locations: DemoOfferLocation[];
  staff: DemoProviderStaff[];
  /** The addiction counselling provider: the demo login 'traeger' works there, and it gets many referrals. */
  portalProviderId: string;
}

export interface GenerateProvidersOptions {
  seed: string;
  tenantIndex: number;
  /** ISO date "today" of the demo. */
  referenceDate: string;
}

interface Places {
  district: DemoDistrict;
  /** The district's main town (or the city of a district-free city). */
  core: string;
  /** "für den Landkreis Lotsenbach" / "für die Stadt Auenfeld". */
  fuer: string;
  /** "des Landkreises Lotsenbach" / "der Stadt Auenfeld". */
  des: string;
  town(i: number): DemoTown;
}

function placesOf(district: DemoDistrict): Places {
  const core = (district.towns[0] as DemoTown).city;
  const isCity = district.kind === 'Stadt';
  return {
    district,
    core,
    fuer: isCity ? `für die Stadt ${core}` : `für den ${district.districtName}`,
    des: isCity ? `der Stadt ${core}` : district.kind === 'Landkreis' ? `des Landkreises ${core}` : `des Kreises ${core}`,
    town: (i) => district.towns[i % district.towns.length] as DemoTown,
  };
}

interface OfferTemplate {
  name: (p: Places) => string;
  description: string;
  service: ServiceType;
  groups: OfferTargetGroup[];
  financing: FinancingModel;
  /** Price in cents (varied by ±10 %); null: no price on record. */
  price: number | null;
  priceUnit: string | null;
  capacity: readonly [number, number] | null;
  unit: CapacityUnit;
  period: CapacityPeriod;
  waiting: readonly [number, number];
  contactFunction: string;
  /** How many locations: the main address plus outreach consultations in other towns. */
  locations: readonly [number, number];
}

interface ProviderTemplate {
  name: (p: Places) => string;
  slug: (p: Places) => string;
  /** Index of the town of the main address. */
  town: number;
  contactPerson?: string;
  portal?: true;
  offers: OfferTemplate[];
}

const slugOf = (...parts: string[]) => parts.map((p) => asciiFold(p.replace(/\s+/g, '-'))).join('-');

const PROVIDER_TEMPLATES: readonly ProviderTemplate[] = [
  {
    name: (p) => `Diakonisches Werk ${p.core} – Suchtberatung`,
    slug: (p) => slugOf('diakonie', p.core),
    town: 0,
    contactPerson: 'Lena Vogel',
    portal: true,
    offers: [
      {
        name: () => 'Suchtberatung Alkohol und Medikamente',
        description:
          'Beratung, Motivation und Vermittlung in Behandlung für Menschen mit problematischem Konsum von Alkohol oder Medikamenten und ihre Angehörigen (§ 16a Nr. 4 SGB II). Einzel- und Gruppengespräche, auf Wunsch anonym.',
        service: 'addiction_counselling',
        groups: ['all'],
        financing: 'specialist_hours',
        price: 7_250,
        priceUnit: 'je Fachleistungsstunde',
        capacity: [140, 200],
        unit: 'hours',
        period: 'month',
        waiting: [3, 14],
        contactFunction: 'Suchtberaterin',
        locations: [2, 3],
      },
      {
        name: () => 'Beratung bei Glücksspiel- und Mediensucht',
        description:
          'Spezialisierte Beratung bei Glücksspiel, Sportwetten und exzessiver Mediennutzung, eng abgestimmt mit der Schuldnerberatung.',
        service: 'addiction_counselling',
        groups: ['all'],
        financing: 'tiered_case_flat_rate',
        price: 52_000,
        priceUnit: 'je Fall, Stufe 1 (bis 3 Monate); Stufe 2 und 3 gestaffelt',
        capacity: [10, 16],
        unit: 'places',
        period: 'quarter',
        waiting: [7, 21],
        contactFunction: 'Fachberater Glücksspielsucht',
        locations: [1, 1],
      },
      {
        name: () => 'Ambulante Suchtnachsorge',
        description: 'Begleitung nach Entgiftung oder Rehabilitation: Rückfallprävention, Tagesstruktur, Übergang in Arbeit.',
        service: 'addiction_counselling',
        groups: ['all'],
        financing: 'modular',
        price: 36_000,
        priceUnit: 'je Modul (10 Termine)',
        capacity: [15, 25],
        unit: 'places',
        period: 'quarter',
        waiting: [0, 10],
        contactFunction: 'Suchttherapeutin',
        locations: [1, 2],
      },
      {
        name: () => 'Psychosoziale Begleitung bei Suchtbelastung',
        description:
          'Psychosoziale Betreuung (§ 16a Nr. 3 SGB II) für Menschen in Krisen mit Suchtbezug, auch für Angehörige: Stabilisierung, Krisenplan, Anbindung an weitere Hilfen.',
        service: 'psychosocial_support',
        groups: ['all'],
        financing: 'institutional',
        price: 9_800_000,
        priceUnit: 'jährliche Zuwendung (institutionelle Förderung)',
        capacity: [30, 45],
        unit: 'places',
        period: 'year',
        waiting: [5, 20],
        contactFunction: 'Sozialarbeiterin',
        locations: [1, 2],
      },
      {
        name: () => 'Schuldnerberatung im Verbund mit der Suchtberatung',
        description:
          'Schuldnerberatung (§ 16a Nr. 2 SGB II) für Ratsuchende der Suchtberatung: Gläubigerübersicht, P-Konto, Haushaltsplan.',
        service: 'debt_counselling',
        groups: ['all'],
        financing: 'specialist_hours',
        price: 6_900,
        priceUnit: 'je Fachleistungsstunde',
        capacity: [60, 90],
        unit: 'hours',
        period: 'month',
        waiting: [10, 35],
        contactFunction: 'Schuldnerberater',
        locations: [1, 1],
      },
    ],
  },
  {
    name: (p) => `Caritasverband ${p.fuer} e. V.`,
    slug: (p) => slugOf('caritas', p.core),
    town: 0,
    offers: [
      {
        name: () => 'Psychosoziale Betreuung nach § 16a SGB II',
        description: 'Beratung und Begleitung in persönlichen Krisen, bei Überforderung im Alltag und nach belastenden Ereignissen.',
        service: 'psychosocial_support',
        groups: ['all'],
        financing: 'tiered_case_flat_rate',
        price: 48_000,
        priceUnit: 'je Fall, Stufe 1 (bis 3 Monate); Folgestufen je 3 Monate',
        capacity: [18, 30],
        unit: 'places',
        period: 'quarter',
        waiting: [7, 28],
        contactFunction: 'Sozialpädagogin',
        locations: [2, 3],
      },
      {
        name: () => 'Fachberatung Wohnungsnotfallhilfe',
        description:
          'Hilfe bei drohendem Wohnungsverlust und Wohnungslosigkeit: Gespräche mit Vermietern, Anträge, Vermittlung in Wohnraum.',
        service: 'housing_support',
        groups: ['all'],
        financing: 'institutional',
        price: 12_500_000,
        priceUnit: 'jährliche Zuwendung (institutionelle Förderung)',
        capacity: null,
        unit: 'places',
        period: 'month',
        waiting: [0, 5],
        contactFunction: 'Fachberater Wohnungsnotfälle',
        locations: [1, 2],
      },
      {
        name: () => 'Beratung für Alleinerziehende in Krisen',
        description:
          'Entlastende Beratung für Alleinerziehende: Organisation des Alltags, Konflikte, Unterhalt, Kontakte zu Kita und Schule.',
        service: 'psychosocial_support',
        groups: ['single_parent'],
        financing: 'specialist_hours',
        price: 6_800,
        priceUnit: 'je Fachleistungsstunde',
        capacity: [40, 60],
        unit: 'hours',
        period: 'month',
        waiting: [5, 14],
        contactFunction: 'Familienberaterin',
        locations: [1, 2],
      },
    ],
  },
  {
    name: (p) => `Schuldner- und Insolvenzberatung ${p.des}`,
    slug: (p) => slugOf('schuldnerberatung', p.core),
    town: 0,
    offers: [
      {
        name: () => 'Allgemeine Schuldnerberatung',
        description:
          'Existenzsicherung, Gläubigerübersicht, Pfändungsschutzkonto, Haushaltsplan und Verhandlungen mit Gläubigern (§ 16a Nr. 2 SGB II).',
        service: 'debt_counselling',
        groups: ['all'],
        financing: 'institutional',
        price: 14_000_000,
        priceUnit: 'jährliche Zuwendung (institutionelle Förderung)',
        capacity: [35, 50],
        unit: 'places',
        period: 'month',
        waiting: [14, 42],
        contactFunction: 'Schuldnerberaterin',
        locations: [2, 3],
      },
      {
        name: () => 'Verbraucherinsolvenzberatung',
        description:
          'Außergerichtlicher Einigungsversuch, Bescheinigung nach § 305 InsO, Begleitung im Verbraucherinsolvenzverfahren bis zur Restschuldbefreiung.',
        service: 'insolvency_counselling',
        groups: ['all'],
        financing: 'tiered_case_flat_rate',
        price: 61_000,
        priceUnit: 'je Fall, Stufe 2 (Einigungsversuch mit Bescheinigung)',
        capacity: [8, 14],
        unit: 'places',
        period: 'quarter',
        waiting: [21, 60],
        contactFunction: 'Insolvenzberater',
        locations: [1, 1],
      },
      {
        name: () => 'Budget- und Schuldenprävention für junge Erwachsene',
        description: 'Gruppenmodule und Einzeltermine zu Haushaltsführung, Verträgen, Handykosten und ersten Schulden.',
        service: 'debt_counselling',
        groups: ['u25'],
        financing: 'modular',
        price: 21_000,
        priceUnit: 'je Modul (4 Gruppentermine)',
        capacity: [12, 20],
        unit: 'places',
        period: 'quarter',
        waiting: [0, 14],
        contactFunction: 'Budgetberaterin',
        locations: [1, 2],
      },
    ],
  },
  {
    name: (p) => `AWO Kita-Verbund ${p.core}`,
    slug: (p) => slugOf('awo-kita', p.core),
    town: 0,
    offers: [
      {
        name: () => 'Kinderbetreuung in Randzeiten',
        description:
          'Betreuung von Kindern bis 12 Jahre früh morgens, abends und am Wochenende, damit Eltern arbeiten oder eine Maßnahme besuchen können (§ 16a Nr. 1 SGB II).',
        service: 'childcare_care',
        groups: ['all'],
        financing: 'modular',
        price: 31_000,
        priceUnit: 'je Betreuungsmodul (20 Stunden)',
        capacity: [10, 18],
        unit: 'places',
        period: 'month',
        waiting: [7, 30],
        contactFunction: 'Leitung Randzeitenbetreuung',
        locations: [2, 3],
      },
      {
        name: () => 'Notfall- und Überbrückungsbetreuung für Alleinerziehende',
        description: 'Kurzfristige Betreuung bis ein Kita- oder Hortplatz gefunden ist, auch bei Arbeitsaufnahme mit kurzer Vorlaufzeit.',
        service: 'childcare_care',
        groups: ['single_parent'],
        financing: 'specialist_hours',
        price: 3_900,
        priceUnit: 'je Betreuungsstunde',
        capacity: [120, 180],
        unit: 'hours',
        period: 'month',
        waiting: [1, 7],
        contactFunction: 'Koordinatorin Notfallbetreuung',
        locations: [1, 1],
      },
    ],
  },
  {
    name: (p) => `Sozialstation ${p.town(1).name} gGmbH`,
    slug: (p) => slugOf('sozialstation', p.town(1).name),
    town: 1,
    offers: [
      {
        name: () => 'Beratung und Entlastung pflegender Angehöriger',
        description:
          'Pflegeberatung, Organisation von Entlastung und Verhinderungspflege, damit pflegende Angehörige eine Arbeit aufnehmen können (§ 16a Nr. 1 SGB II).',
        service: 'childcare_care',
        groups: ['all'],
        financing: 'specialist_hours',
        price: 6_400,
        priceUnit: 'je Fachleistungsstunde',
        capacity: [50, 80],
        unit: 'hours',
        period: 'month',
        waiting: [3, 14],
        contactFunction: 'Pflegeberaterin',
        locations: [1, 2],
      },
      {
        name: () => 'Stundenweise Betreuung pflegebedürftiger Angehöriger',
        description: 'Betreuung zu Hause an festen Tagen, abgestimmt auf Arbeitszeiten oder Maßnahmetermine.',
        service: 'childcare_care',
        groups: ['all'],
        financing: 'modular',
        price: 27_500,
        priceUnit: 'je Modul (4 Wochen, 2 Termine pro Woche)',
        capacity: [8, 12],
        unit: 'places',
        period: 'month',
        waiting: [7, 21],
        contactFunction: 'Einsatzleitung',
        locations: [1, 1],
      },
    ],
  },
  {
    name: (p) => `Verein für Sozialpsychiatrie ${p.town(2).name} e. V.`,
    slug: (p) => slugOf('spv', p.town(2).name),
    town: 2,
    offers: [
      {
        name: () => 'Psychosoziale Kontakt- und Beratungsstelle',
        description:
          'Offene Sprechstunde, Beratung und Begleitung für Menschen mit psychischen Belastungen; Tagesstätte mit festen Angeboten.',
        service: 'psychosocial_support',
        groups: ['all'],
        financing: 'institutional',
        price: 8_600_000,
        priceUnit: 'jährliche Zuwendung (institutionelle Förderung)',
        capacity: null,
        unit: 'places',
        period: 'month',
        waiting: [0, 7],
        contactFunction: 'Sozialarbeiter',
        locations: [1, 2],
      },
      {
        name: () => 'Beschäftigungsbegleitendes Coaching (§ 16i SGB II)',
        description: 'Ganzheitliches Coaching während einer geförderten Beschäftigung: Stabilisierung am Arbeitsplatz, Krisenintervention.',
        service: 'sgb2_16i_social_participation',
        groups: ['all'],
        financing: 'tiered_case_flat_rate',
        price: 39_000,
        priceUnit: 'je Fall und Halbjahr',
        capacity: [12, 20],
        unit: 'places',
        period: 'year',
        waiting: [7, 21],
        contactFunction: 'Jobcoach',
        locations: [1, 1],
      },
    ],
  },
  {
    name: (p) => `Ambulante Wohnhilfe ${p.core} e. V.`,
    slug: (p) => slugOf('wohnhilfe', p.core),
    town: 0,
    offers: [
      {
        name: () => 'Wohnraumsicherung und Mietschuldenprävention',
        description: 'Schnelle Hilfe bei Kündigung und Räumungsklage: Kontakt zum Vermieter, Antrag nach § 22 Abs. 8 SGB II, Ratenpläne.',
        service: 'housing_support',
        groups: ['all'],
        financing: 'specialist_hours',
        price: 6_600,
        priceUnit: 'je Fachleistungsstunde',
        capacity: [60, 100],
        unit: 'hours',
        period: 'month',
        waiting: [0, 5],
        contactFunction: 'Sozialarbeiterin',
        locations: [1, 2],
      },
      {
        name: () => 'Begleitung bei der Wohnungssuche',
        description: 'Unterstützung bei Bewerbungen um Wohnungen, Wohnberechtigungsschein, Besichtigungen und Umzug.',
        service: 'housing_support',
        groups: ['all'],
        financing: 'modular',
        price: 24_000,
        priceUnit: 'je Modul (3 Monate)',
        capacity: [10, 16],
        unit: 'places',
        period: 'quarter',
        waiting: [7, 28],
        contactFunction: 'Wohnungslotse',
        locations: [1, 1],
      },
    ],
  },
  {
    name: (p) => `Bildungswerk ${p.town(1).name} gGmbH`,
    slug: (p) => slugOf('bildungswerk', p.town(1).name),
    town: 1,
    offers: [
      {
        name: (p) => `Aktivierungscenter ${p.town(1).name} (§ 45 SGB III)`,
        description:
          'Berufliche Orientierung, Kompetenzfeststellung, Bewerbungstraining und betriebliche Erprobung mit Aktivierungsgutschein.',
        service: 'sgb3_45_activation',
        groups: ['all'],
        financing: 'modular',
        price: 44_000,
        priceUnit: 'je Teilnehmermonat',
        capacity: [20, 30],
        unit: 'places',
        period: 'month',
        waiting: [7, 21],
        contactFunction: 'Bildungsbegleiterin',
        locations: [1, 3],
      },
      {
        name: () => 'Bewerbungscoaching 50plus',
        description: 'Einzelcoaching für Menschen ab 50: Stärken sichtbar machen, Bewerbungsstrategie, Kontakte zu regionalen Betrieben.',
        service: 'sgb3_45_activation',
        groups: ['ue50'],
        financing: 'specialist_hours',
        price: 7_800,
        priceUnit: 'je Coachingstunde',
        capacity: [80, 120],
        unit: 'hours',
        period: 'month',
        waiting: [5, 21],
        contactFunction: 'Coach',
        locations: [1, 2],
      },
      {
        name: () => 'Digitale Grundkompetenzen für den Arbeitsmarkt',
        description: 'Kleingruppenkurs: E-Mail, Online-Bewerbung, Videotelefonie, Datenschutz im Alltag.',
        service: 'sgb3_45_activation',
        groups: ['all'],
        financing: 'modular',
        price: 19_500,
        priceUnit: 'je Modul (6 Wochen)',
        capacity: [12, 16],
        unit: 'places',
        period: 'month',
        waiting: [7, 35],
        contactFunction: 'Kursleitung',
        locations: [1, 2],
      },
    ],
  },
  {
    name: (p) => (p.district.kind === 'Stadt' ? `Volkshochschule ${p.core}` : `Kreisvolkshochschule ${p.core}`),
    slug: (p) => slugOf('vhs', p.core),
    town: 0,
    offers: [
      {
        name: () => 'Integrationskurs mit Alphabetisierung',
        description: 'Integrationskurs mit Alphabetisierung in lateinischer Schrift, Kinderbetreuung während des Kurses möglich.',
        service: 'language_course',
        groups: ['refugee'],
        financing: 'institutional',
        price: null,
        priceUnit: 'Förderung durch das Bundesamt für Migration und Flüchtlinge',
        capacity: [16, 20],
        unit: 'places',
        period: 'quarter',
        waiting: [14, 60],
        contactFunction: 'Fachbereichsleitung Deutsch als Zweitsprache',
        locations: [1, 2],
      },
      {
        name: () => 'Berufssprachkurs B1/B2',
        description: 'Berufsbezogene Deutschsprachförderung mit Fachwortschatz (Pflege, Handwerk, Handel) und Prüfung.',
        service: 'language_course',
        groups: ['all'],
        financing: 'modular',
        price: 29_000,
        priceUnit: 'je Kursmodul (100 Unterrichtseinheiten)',
        capacity: [18, 25],
        unit: 'places',
        period: 'quarter',
        waiting: [21, 75],
        contactFunction: 'Kursberatung',
        locations: [2, 3],
      },
    ],
  },
  {
    name: (p) => `Beschäftigungsgesellschaft ${p.core} gGmbH`,
    slug: (p) => slugOf('bg', p.core),
    town: 0,
    offers: [
      {
        name: () => 'Arbeitsgelegenheit Sozialkaufhaus (§ 16d SGB II)',
        description:
          'Arbeitsgelegenheit mit Mehraufwandsentschädigung in Warenannahme, Verkauf und Fahrradwerkstatt, 20 Stunden pro Woche.',
        service: 'sgb2_16d_work_opportunity',
        groups: ['all'],
        financing: 'tiered_case_flat_rate',
        price: 26_000,
        priceUnit: 'Maßnahmekostenpauschale je Teilnehmer und Monat',
        capacity: [25, 40],
        unit: 'places',
        period: 'month',
        waiting: [0, 14],
        contactFunction: 'Anleiter',
        locations: [1, 2],
      },
      {
        name: () => 'Teilhabe am Arbeitsmarkt – Coaching nach § 16i SGB II',
        description: 'Begleitung von Beschäftigten in geförderten Arbeitsverhältnissen und ihrer Arbeitgeber.',
        service: 'sgb2_16i_social_participation',
        groups: ['all'],
        financing: 'tiered_case_flat_rate',
        price: 41_000,
        priceUnit: 'je Fall und Halbjahr',
        capacity: [15, 25],
        unit: 'places',
        period: 'year',
        waiting: [7, 28],
        contactFunction: 'Jobcoach',
        locations: [1, 1],
      },
    ],
  },
  {
    name: (p) => `Gesundheitsnetz ${p.core} e. V.`,
    slug: (p) => slugOf('gesundheitsnetz', p.core),
    town: 3,
    offers: [
      {
        name: () => 'Ganzheitliche Betreuung nach § 16k SGB II',
        description: 'Gesundheitsorientierte Begleitung: Klärung der Belastbarkeit, Koordination von Ärzten, Reha und Bewegungsangeboten.',
        service: 'sgb2_16k_health_coaching',
        groups: ['all'],
        financing: 'specialist_hours',
        price: 7_400,
        priceUnit: 'je Fachleistungsstunde',
        capacity: [70, 110],
        unit: 'hours',
        period: 'month',
        waiting: [7, 28],
        contactFunction: 'Gesundheitscoach',
        locations: [1, 2],
      },
      {
        name: () => 'Gesundheitscoaching für junge Erwachsene',
        description: 'Coaching zu Schlaf, Ernährung, Bewegung und Umgang mit Stress für junge Menschen unter 25.',
        service: 'sgb2_16k_health_coaching',
        groups: ['u25'],
        financing: 'modular',
        price: 17_500,
        priceUnit: 'je Modul (8 Termine)',
        capacity: [10, 15],
        unit: 'places',
        period: 'quarter',
        waiting: [0, 14],
        contactFunction: 'Gesundheitscoach',
        locations: [1, 1],
      },
    ],
  },
  {
    name: (p) => `Jugendwerkstatt ${p.town(2).name} e. V.`,
    slug: (p) => slugOf('jugendwerkstatt', p.town(2).name),
    town: 2,
    offers: [
      {
        name: () => 'Jugendwerkstatt – Berufsorientierung und Aktivierung',
        description:
          'Praktisches Arbeiten in Holz-, Metall- und Hauswirtschaftsbereich, Bewerbungstraining und Nachhilfe für junge Menschen.',
        service: 'sgb3_45_activation',
        groups: ['u25'],
        financing: 'modular',
        price: 38_000,
        priceUnit: 'je Teilnehmermonat',
        capacity: [12, 18],
        unit: 'places',
        period: 'month',
        waiting: [0, 21],
        contactFunction: 'Sozialpädagoge',
        locations: [1, 1],
      },
      {
        name: () => 'Aufsuchende Jugendsozialarbeit',
        description: 'Aufsuchende Begleitung junger Menschen, die von anderen Angeboten nicht erreicht werden: Krisen, Wohnen, Ämter.',
        service: 'psychosocial_support',
        groups: ['u25'],
        financing: 'institutional',
        price: 6_200_000,
        priceUnit: 'jährliche Zuwendung (institutionelle Förderung)',
        capacity: null,
        unit: 'places',
        period: 'month',
        waiting: [0, 3],
        contactFunction: 'Streetworkerin',
        locations: [1, 2],
      },
    ],
  },
];

const OPENING_HOURS_MAIN: readonly string[] = [
  'Mo–Do 8:30–16:00 Uhr, Fr 8:30–12:30 Uhr; Termine nach Vereinbarung',
  'Mo, Di, Do 9:00–15:00 Uhr, Mi 13:00–18:00 Uhr, Fr 9:00–12:00 Uhr',
  'Offene Sprechstunde Di 14:00–17:00 Uhr; sonst nach Vereinbarung',
  'Mo–Fr 8:00–13:00 Uhr, Mo und Do zusätzlich 14:00–17:30 Uhr',
  'Mo–Fr 7:30–16:30 Uhr',
];
const OPENING_HOURS_OUTREACH: readonly string[] = [
  'Außensprechstunde jeden 2. und 4. Dienstag 9:00–12:00 Uhr',
  'Sprechstunde Mi 10:00–13:00 Uhr im Bürgerhaus',
  'Jeden Donnerstag 14:00–16:30 Uhr; Anmeldung erbeten',
  'Termine nach Vereinbarung in den Räumen des Familienzentrums',
];

const QUALITY_STANDARDS: readonly string[] = [
  'Beratung durch Fachkräfte mit abgeschlossenem Studium der Sozialen Arbeit oder vergleichbarer Qualifikation; regelmäßige Fallsupervision; Erstgespräch innerhalb der vereinbarten Frist; barrierearme Beratungsräume; Beratung auf Wunsch mit Sprachmittlung.',
  'Fachliche Standards des Spitzenverbandes; mindestens 20 Stunden Fortbildung je Fachkraft und Jahr; dokumentierte Hilfeplanung mit der ratsuchenden Person; Beschwerdemanagement mit Rückmeldung binnen zwei Wochen.',
  'Qualitätsmanagement nach DIN EN ISO 9001 oder AZAV; feste Ansprechperson für jede zugewiesene Person; Vertretungsregelung bei Abwesenheit; datenschutzkonforme Aktenführung.',
];
const REPORTING_DUTIES: readonly string[] = [
  'Quartalsweise Statistik ohne Personenbezug über Zugänge, Beendigungen, Wartezeiten und Verbleib bis zum 15. des Folgemonats; jährlicher Sachbericht bis zum 31. März.',
  'Halbjährlicher Bericht über Auslastung, durchschnittliche Wartezeit und Ergebnisse; jährliches Auswertungsgespräch mit der Koordination § 16a.',
];
const AUDIT_RIGHTS =
  'Der kommunale Träger und das Jobcenter sind berechtigt, die zweckentsprechende Verwendung der Mittel und die Einhaltung der Qualitätsstandards nach vorheriger Ankündigung zu prüfen; personenbezogene Unterlagen werden dabei nur mit Einwilligung der betroffenen Person eingesehen.';
const NOTICES: readonly string[] = [
  'Die Vereinbarung kann von beiden Seiten mit einer Frist von sechs Monaten zum Jahresende schriftlich gekündigt werden; das Recht zur außerordentlichen Kündigung bleibt unberührt.',
  'Kündigung mit einer Frist von drei Monaten zum Quartalsende; bei groben Verstößen gegen den Datenschutz fristlos.',
];

function feedbackProcedure(a: number, s: number, i: number): string {
  return (
    `Der Träger nimmt Zuweisungen innerhalb von ${a} Kalendertagen an oder lehnt sie mit Begründung ab. ` +
    `Der Beginn (erster wahrgenommener Termin) wird spätestens ${s} Tage nach der Annahme gemeldet, ` +
    `Zwischenberichte folgen alle ${i} Tage, der Abschlussbericht mit Verbleib und Empfehlungen innerhalb von 14 Tagen nach dem Ende. ` +
    'Alle Rückmeldungen laufen über das Trägerportal und nur im Umfang der Einwilligung der Person.'
  );
}

function scatter(rng: Sfc32, latitude: number, longitude: number, meters: number): { latitude: number; longitude: number } {
  const dLat = (rng.bell() * meters) / 111_320;
  const dLon = (rng.bell() * meters) / (111_320 * Math.cos((latitude * Math.PI) / 180));
  return { latitude: Math.round((latitude + dLat) * 1e6) / 1e6, longitude: Math.round((longitude + dLon) * 1e6) / 1e6 };
}

function addressIn(rng: Sfc32, town: DemoTown) {
  const street = rng.pick(town.streets);
  const point = scatter(rng, street.latitude, street.longitude, 40);
  return {
    street: street.name,
    houseNumber: String(1 + rng.int(Math.max(8, Math.min(60, street.maxHouseNumber)))),
    postalCode: street.postalCode,
    city: town.city,
    ...point,
  };
}

function germanName(rng: Sfc32): string {
  const female = rng.chance(0.6);
  const first = rng.pick(female ? GERMAN_GROUP.female : GERMAN_GROUP.male);
  const last = rng.pick(GERMAN_GROUP.lastNames);
  return `${first} ${female ? last[1] : last[0]}`;
}

function phoneOf(rng: Sfc32): string {
  return `${rng.pick(DEMO_PHONE_BLOCKS)}${String(rng.int(1000)).padStart(3, '0')}`;
}

function emailOf(name: string, slug: string): string {
  const [first = 'kontakt', ...rest] = name.split(' ');
  return `${asciiFold(first)}.${asciiFold(rest.join('-'))}@${slug}.example.org`;
}

/** The district's providers with their agreements, offers and locations (about 12 providers, about 30 offers). */
export function generateDemoProviders(options: GenerateProvidersOptions): DemoProviderNetwork {
  const district = demoDistrict(options.tenantIndex);
  const places = placesOf(district);
  const rng = seededRng('providers', options.seed, options.tenantIndex);
  const ids = seededRng('provider-ids', options.seed, options.tenantIndex);
  const R = dayOfPrefix(options.referenceDate);
  const network: DemoProviderNetwork = { providers: [], agreements: [], offers: [], locations: [], staff: [], portalProviderId: '' };

  PROVIDER_TEMPLATES.forEach((template, index) => {
    const town = places.town(template.town);
    const address = addressIn(rng, town);
    const slug = template.slug(places);
    const contactPerson = template.contactPerson ?? germanName(rng);
    // Agreements predate the first demo case (January 2021), so every referral falls under one.
    const validFromDay = daysFromCivil(2020, rng.pick([1, 4, 7, 10]), 1);
    const provider: DemoProvider = {
      id: uuidV4(ids),
      name: template.name(places),
      street: address.street,
      houseNumber: address.houseNumber,
      postalCode: address.postalCode,
      city: address.city,
      phone: phoneOf(rng),
      email: `info@${slug}.example.org`,
      website: `https://www.${slug}.example.org`,
      contactPerson,
      createdAt: stampOf(validFromDay * 1440 - 20 * 1440 + 540),
    };
    network.providers.push(provider);
    if (template.portal) network.portalProviderId = provider.id;

    const answerDays = rng.range(3, 10);
    const startDays = rng.range(14, 30);
    const interimReportDays = rng.range(30, 90);
    const validUntil = rng.chance(0.6) ? null : isoOf(daysFromCivil(Number(isoOf(R + rng.range(200, 900)).slice(0, 4)), 12, 31));
    const agreement: DemoCooperationAgreement = {
      id: uuidV4(ids),
      providerId: provider.id,
      title: `Kooperationsvereinbarung ${provider.name}`,
      validFrom: isoOf(validFromDay),
      validUntil,
      answerDays,
      startDays,
      interimReportDays,
      feedbackProcedure: feedbackProcedure(answerDays, startDays, interimReportDays),
      qualityStandards: rng.pick(QUALITY_STANDARDS),
      reportingDuties: rng.pick(REPORTING_DUTIES),
      auditRights: AUDIT_RIGHTS,
      notice: rng.pick(NOTICES),
      createdAt: stampOf(validFromDay * 1440 - 10 * 1440 + 600),
    };
    network.agreements.push(agreement);

    const colleague = germanName(rng);
    for (const offerTemplate of template.offers) {
      const vary = (cents: number) => Math.round((cents * (0.9 + rng.float() * 0.2)) / 50) * 50;
      const contacts: DemoOfferContact[] = [
        { name: contactPerson, function: offerTemplate.contactFunction, phone: provider.phone, email: emailOf(contactPerson, slug) },
      ];
      if (rng.chance(0.5))
        contacts.push({
          name: colleague,
          function: 'Vertretung',
          phone: phoneOf(rng),
          email: rng.chance(0.7) ? emailOf(colleague, slug) : null,
        });
      const offer: DemoOffer = {
        id: uuidV4(ids),
        providerId: provider.id,
        agreementId: agreement.id,
        name: offerTemplate.name(places),
        description: offerTemplate.description,
        serviceType: offerTemplate.service,
        targetGroups: [...offerTemplate.groups],
        capacity: offerTemplate.capacity ? rng.range(offerTemplate.capacity[0], offerTemplate.capacity[1]) : null,
        capacityUnit: offerTemplate.unit,
        capacityPeriod: offerTemplate.period,
        waitingDays: rng.range(offerTemplate.waiting[0], offerTemplate.waiting[1]),
        financingModel: offerTemplate.financing,
        priceCents: offerTemplate.price === null ? null : vary(offerTemplate.price),
        priceUnit: offerTemplate.priceUnit,
        contacts,
        measureBeginRule: DEMO_FIRST_APPOINTMENT_SERVICES.includes(offerTemplate.service) ? 'first_appointment' : 'start',
        plannedDurationDays: DEMO_PLANNED_DURATION_DAYS[offerTemplate.service],
        createdAt: stampOf(validFromDay * 1440 + rng.int(60) * 1440 + 560),
      };
      network.offers.push(offer);

      const count = rng.range(offerTemplate.locations[0], offerTemplate.locations[1]);
      const usedTowns = new Set<number>([template.town % district.towns.length]);
      for (let position = 0; position < count; position++) {
        let where = address;
        let townName = town.name;
        if (position > 0) {
          // Outreach consultations in other towns of the district, never twice in the same town.
          let t = rng.int(district.towns.length);
          for (let tries = 0; usedTowns.has(t) && tries < district.towns.length; tries++) t = (t + 1) % district.towns.length;
          if (usedTowns.has(t)) break;
          usedTowns.add(t);
          const other = district.towns[t] as DemoTown;
          where = addressIn(rng, other);
          townName = other.name;
        }
        network.locations.push({
          id: uuidV4(ids),
          offerId: offer.id,
          position,
          label: position === 0 ? `Beratungsstelle ${townName}` : `Außenstelle ${townName}`,
          street: where.street,
          houseNumber: where.houseNumber,
          postalCode: where.postalCode,
          city: where.city,
          latitude: where.latitude,
          longitude: where.longitude,
          openingHours: rng.pick(position === 0 ? OPENING_HOURS_MAIN : OPENING_HOURS_OUTREACH),
          accessible: rng.chance(position === 0 ? 0.8 : 0.5),
        });
      }
    }

    network.staff.push({ id: uuidV4(ids), providerId: provider.id, username: `traeger-${index + 1}`, displayName: contactPerson });
  });
  return network;
}

// ---------------------------------------------------------------------------------------------
// Consents, referrals, feedback, proposals, conferences: input and output

export interface DemoCoopCase {
  id: string;
  personId: string;
  status: CaseStatus;
  caseManagerId: string;
  openedOn: string;
  closedOn: string | null;
  /** Day the case first entered implementation; null if it never did. */
  implementationFrom: string | null;
  /** Day the case last left implementation; null while it never left. */
  implementationTo: string | null;
  person: {
    birthDate: string;
    singleParent: boolean;
    refugee: boolean;
    severeDisability: boolean;
    latitude: number | null;
    longitude: number | null;
  };
  barriers: ReadonlyArray<{ id: string; barrierTypeId: string; status: 'active' | 'resolved'; priority: number | null }>;
  goals: ReadonlyArray<{ id: string; title: string; status: 'active' | 'reached' | 'dropped'; createdOn: string }>;
}

export interface DemoCoopBarrierType {
  id: string;
  code: string;
  label: string;
  specialCategory: boolean;
  serviceTypes: readonly string[];
}

export interface GenerateCooperationOptions {
  seed: string;
  tenantIndex: number;
  referenceDate: string;
  network: DemoProviderNetwork;
  /** The tenant's case files in a deterministic order. */
  cases: readonly DemoCoopCase[];
  barrierTypes: readonly DemoCoopBarrierType[];
  /** Case managers; the first is the demo login ('fallmanagement') and gets the showcase items. */
  caseManagers: ReadonlyArray<{ id: string; displayName: string }>;
  /** The user acting for each provider (every provider of the network must have one). */
  providerStaffIds: Readonly<Record<string, string>>;
}

export interface DemoConsent {
  id: string;
  caseId: string;
  personId: string;
  providerId: string;
  categories: ConsentCategory[];
  purpose: string;
  form: ConsentForm;
  givenOn: string;
  validUntil: string | null;
  counselled: string[];
  revokedOn: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
  revocationNote: string | null;
  recordedBy: string;
  version: number;
  createdAt: string;
}

export interface DemoReferral {
  id: string;
  caseId: string;
  personId: string;
  offerId: string;
  providerId: string;
  /** Not stored: the offer's service type, for tests and statistics. */
  serviceType: ServiceType;
  consentId: string | null;
  status: ReferralStatus;
  referralNote: string | null;
  goalIds: string[];
  healthNote: string | null;
  needsDecision: string | null;
  sentOn: string | null;
  acceptedOn: string | null;
  startedOn: string | null;
  endedOn: string | null;
  result: ReferralResult | null;
  lastReportOn: string | null;
  createdBy: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface DemoReferralTransition {
  id: string;
  referralId: string;
  /** Not stored: the step taken ('create' for the first row). */
  action: ReferralAction | 'create';
  fromStatus: ReferralStatus | null;
  toStatus: ReferralStatus;
  actorId: string;
  actorSide: 'jobcenter' | 'provider';
  at: string;
  reason: string | null;
}

export interface DemoReferralFeedback {
  id: string;
  referralId: string;
  kind: FeedbackKind | 'status';
  categories: ConsentCategory[];
  recordedOn: string;
  recordedBy: string;
  recordedAt: string;
  fields: Record<string, unknown>;
}

export interface DemoBarrierProposal {
  id: string;
  caseId: string;
  referralId: string;
  feedbackId: string;
  barrierTypeId: string;
  note: string | null;
  specialCategory: boolean;
  status: 'proposed' | 'accepted' | 'rejected';
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  barrierId: string | null;
  version: number;
  createdAt: string;
}

export interface DemoConference {
  id: string;
  caseId: string;
  scheduledAt: string;
  location: string | null;
  status: 'planned' | 'held' | 'cancelled';
  personPresent: boolean | null;
  absenceReason: string | null;
  topics: string[];
  minutes: string | null;
  createdBy: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface DemoConferenceParticipant {
  id: string;
  conferenceId: string;
  position: number;
  kind: 'internal' | 'provider' | 'other';
  userId: string | null;
  providerId: string | null;
  name: string;
  organisation: string | null;
  function: string | null;
}

export interface DemoConferenceAction {
  id: string;
  conferenceId: string;
  kind: 'follow_up' | 'plan_change';
  title: string;
  dueOn: string;
  ownerId: string | null;
  providerId: string | null;
  followUpId: string | null;
  goalId: string | null;
  subgoalId: string | null;
  createdBy: string;
  createdAt: string;
}

/** Everything of the cooperation that belongs to one case. */
export interface DemoCaseCooperation {
  caseId: string;
  consents: DemoConsent[];
  referrals: DemoReferral[];
  transitions: DemoReferralTransition[];
  feedback: DemoReferralFeedback[];
  proposals: DemoBarrierProposal[];
  /** Barriers created by accepted proposals (indicator source provider_feedback). */
  barriers: DemoCaseBarrier[];
  conferences: DemoConference[];
  participants: DemoConferenceParticipant[];
  actions: DemoConferenceAction[];
  /** Follow-ups agreed in conferences. */
  followUps: DemoFollowUp[];
  /** Sub-goals agreed in conferences (plan changes), owned by a provider. */
  subGoals: DemoPlanSubGoal[];
}

/** Turns a generated case file (demo/cases.ts) into the generator's input, e.g. for tests without a database. */
export function demoCoopCaseOf(file: DemoCaseFile, person: DemoCoopCase['person']): DemoCoopCase {
  const implementation = file.transitions.filter((t) => t.toStatus === 'implementation').map((t) => t.at.slice(0, 10));
  const left = file.transitions.filter((t) => t.fromStatus === 'implementation').map((t) => t.at.slice(0, 10));
  return {
    id: file.case.id,
    personId: file.case.personId,
    status: file.case.status,
    caseManagerId: file.case.caseManagerId,
    openedOn: file.case.openedOn,
    closedOn: file.case.closedOn,
    implementationFrom: implementation.length ? (implementation.sort()[0] as string) : null,
    implementationTo: left.length ? (left.sort().at(-1) as string) : null,
    person,
    barriers: file.barriers.map((b) => ({ id: b.id, barrierTypeId: b.barrierTypeId, status: b.status, priority: b.priority })),
    goals: file.goals.map((g) => ({ id: g.id, title: g.title, status: g.status, createdOn: g.createdAt.slice(0, 10) })),
  };
}

// ---------------------------------------------------------------------------------------------
// Texts

export interface ServiceTexts {
  /** For the consent's purpose: "Abstimmung der … ". */
  purpose: string;
  notes: readonly string[];
  /** What the Jobcenter shares under "health" (only for special-category services). */
  healthNotes?: readonly string[];
  processSteps: readonly string[];
  subGoals: readonly string[];
  plannedHelp: readonly string[];
  summaries: readonly string[];
  /** What the provider reports under "health". */
  providerHealth?: readonly string[];
  /** Barrier codes that may come up as arising needs. */
  arising: readonly string[];
  duration: readonly [number, number];
  nextSteps: readonly string[];
  topics: readonly string[];
}

const SERVICE_TEXTS: Partial<Record<ServiceType, ServiceTexts>> = {
  addiction_counselling: {
    purpose: 'Suchtberatung',
    notes: [
      'Die Person hat im Gespräch einen problematischen Alkoholkonsum angesprochen und wünscht Unterstützung. Bitte ein Erstgespräch anbieten; Termine vormittags sind gut möglich.',
      'Rückfall nach längerer Abstinenz; die Person möchte wieder an die Beratungsstelle angebunden werden. Ziel: Stabilisierung und Klärung einer Nachsorge.',
      'Hohe Ausgaben für Sportwetten, dadurch neue Schulden. Die Person ist bereit, ein Beratungsgespräch wahrzunehmen.',
      'Nach der Entgiftung wird eine ambulante Anbindung gebraucht, um die Abstinenz zu sichern und eine berufliche Perspektive zu entwickeln.',
    ],
    healthNotes: [
      'Entgiftung im Krankenhaus vor drei Monaten abgeschlossen; hausärztlich angebunden.',
      'Nach eigener Angabe regelmäßiger Konsum von Cannabis und gelegentlich von Schmerzmitteln.',
      'Ärztliches Attest liegt vor: Alkoholabhängigkeit, derzeit nicht in Behandlung.',
    ],
    processSteps: [
      'Erstgespräch und Anamnese geführt, Konsumtagebuch vereinbart, Einzelgespräche alle zwei Wochen begonnen.',
      'Regelmäßige Einzelgespräche; Teilnahme an der Motivationsgruppe seit vier Wochen.',
      'Antrag auf ambulante Rehabilitation gemeinsam vorbereitet und eingereicht.',
    ],
    subGoals: [
      'Regelmäßige Teilnahme an den Beratungsgesprächen',
      'Anbindung an eine Selbsthilfegruppe',
      'Antrag auf ambulante Rehabilitation stellen',
      'Tagesstruktur mit festen Zeiten aufbauen',
    ],
    plannedHelp: [
      'Weiter Einzelgespräche alle zwei Wochen, zusätzlich das Gruppenangebot am Dienstag.',
      'Begleitung bei der Antragstellung für die ambulante Rehabilitation.',
      'Rückfallprävention: gemeinsamer Notfallplan für kritische Situationen.',
    ],
    summaries: [
      'Die Person nimmt die Termine zuverlässig wahr und arbeitet offen mit; der Konsum ist deutlich reduziert.',
      'Die Motivation schwankt; nach einem Rückfall wurde die Beratung fortgesetzt.',
      'Stabiler Verlauf; die Person denkt über eine Qualifizierung nach.',
    ],
    providerHealth: [
      'Seit acht Wochen abstinent; regelmäßige Kontrolle beim Hausarzt.',
      'Ein Rückfall im letzten Monat, danach wieder abstinent.',
      'Ambulante Rehabilitation ist bewilligt und beginnt im nächsten Monat.',
    ],
    arising: ['debt', 'psychosocial_crisis', 'housing_problems', 'lacking_daily_structure'],
    duration: [90, 330],
    nextSteps: [
      'Weitere Anbindung an die Selbsthilfegruppe; bei erneutem Bedarf meldet sich die Person direkt bei der Beratungsstelle.',
      'Übergang in die ambulante Nachsorge; aus Sicht der Beratung ist der Einstieg in eine Aktivierungsmaßnahme möglich.',
    ],
    topics: [
      'Stand der Suchtberatung und Abstinenz',
      'Nachsorge nach der Rehabilitation',
      'Abstimmung von Terminen zwischen Beratung und Jobcenter',
    ],
  },
  debt_counselling: {
    purpose: 'Schuldnerberatung',
    notes: [
      'Mehrere Gläubiger, eine Kontopfändung droht. Bitte Unterstützung beim Ordnen der Unterlagen und beim Einrichten eines P-Kontos.',
      'Energieschulden und Mietrückstände; die Person möchte einen Überblick über ihre Schulden und einen Haushaltsplan.',
      'Schulden aus einer früheren Selbstständigkeit; bitte klären, ob ein Insolvenzverfahren in Frage kommt.',
    ],
    processSteps: [
      'Unterlagen gesichtet, Gläubigerübersicht erstellt, Pfändungsschutzkonto eingerichtet.',
      'Haushaltsplan aufgestellt; Ratenzahlungen mit zwei Gläubigern vereinbart.',
      'Forderungen geprüft; Vergleichsangebote an die Gläubiger versandt.',
    ],
    subGoals: [
      'Vollständige Gläubigerübersicht erstellen',
      'Pfändungsschutzkonto einrichten',
      'Haushaltsplan drei Monate einhalten',
      'Ratenzahlung mit dem Energieversorger vereinbaren',
    ],
    plannedHelp: [
      'Verhandlungen mit den Gläubigern über einen außergerichtlichen Vergleich.',
      'Vorbereitung des Verbraucherinsolvenzverfahrens.',
      'Monatliche Budgetgespräche.',
    ],
    summaries: [
      'Die Schuldensituation ist geordnet; die Person hält den Haushaltsplan ein.',
      'Die Unterlagen kommen nur schleppend; die Person braucht viel Erinnerung.',
      'Die akute Pfändung ist abgewendet; die Person wirkt deutlich entlastet.',
    ],
    arising: ['addiction_gambling_media', 'housing_problems', 'psychosocial_crisis'],
    duration: [60, 300],
    nextSteps: [
      'Die Ratenzahlungen laufen; die Person meldet sich bei neuen Forderungen bei der Beratungsstelle.',
      'Übergang in die Insolvenzberatung ist vereinbart.',
    ],
    topics: ['Schuldenregulierung und Pfändungsschutz', 'Mietrückstände und Energieschulden'],
  },
  insolvency_counselling: {
    purpose: 'Insolvenzberatung',
    notes: [
      'Die Schulden sind nicht mehr regulierbar; bitte Beratung zum Verbraucherinsolvenzverfahren und Bescheinigung über den außergerichtlichen Einigungsversuch.',
      'Der außergerichtliche Einigungsversuch ist gescheitert; Unterstützung beim Insolvenzantrag erbeten.',
    ],
    processSteps: [
      'Außergerichtlichen Einigungsversuch eingeleitet; Schuldenbereinigungsplan an alle Gläubiger versandt.',
      'Insolvenzantrag mit allen Anlagen vorbereitet und beim Amtsgericht eingereicht.',
    ],
    subGoals: ['Schuldenbereinigungsplan erstellen', 'Insolvenzantrag stellen', 'Obliegenheiten in der Wohlverhaltensphase kennen'],
    plannedHelp: ['Begleitung bis zur Eröffnung des Verfahrens.', 'Klärung der Obliegenheiten und des pfändbaren Einkommens.'],
    summaries: ['Das Verfahren ist eröffnet; die Person kennt ihre Pflichten.', 'Einigungsversuch läuft; zwei Gläubiger haben zugestimmt.'],
    arising: ['addiction_gambling_media', 'housing_problems'],
    duration: [90, 240],
    nextSteps: ['Restschuldbefreiung ist beantragt; weitere Beratung nur bei Bedarf.'],
    topics: ['Stand des Insolvenzverfahrens'],
  },
  psychosocial_support: {
    purpose: 'psychosozialen Betreuung',
    notes: [
      'Die Person befindet sich nach einer Trennung in einer akuten Krise und ist kaum belastbar. Bitte zeitnahe Stabilisierung und Klärung weiterer Hilfen.',
      'Längere Phase sozialen Rückzugs; Termine im Jobcenter werden oft versäumt. Ziel: Tagesstruktur und Anbindung an Hilfen.',
      'Belastende Situation in der Familie (Pflege eines Angehörigen, Konflikte); die Person wünscht Entlastung.',
    ],
    healthNotes: [
      'Laut Befundbericht depressive Episode; ambulante Psychotherapie ist beantragt.',
      'Die Person nimmt Medikamente ein; Einzelheiten möchte sie selbst mit der Beratung besprechen.',
    ],
    processSteps: [
      'Klärungsgespräche geführt; Wochenplan erarbeitet; Begleitung zu einem Arzttermin.',
      'Gespräche alle zwei Wochen; Kontakt zur Familienberatung hergestellt.',
      'Krisenplan erarbeitet; Besuch der Tagesstätte an zwei Tagen pro Woche begonnen.',
    ],
    subGoals: [
      'Feste Tagesstruktur mit drei Terminen pro Woche',
      'Anbindung an eine Fachärztin oder einen Facharzt',
      'Post und Ämterangelegenheiten selbstständig erledigen',
      'Kontakt zu einer Selbsthilfegruppe aufnehmen',
    ],
    plannedHelp: [
      'Weiter Einzelgespräche; Begleitung zur Tagesstätte bis zur selbstständigen Teilnahme.',
      'Unterstützung bei der Suche nach einem Therapieplatz.',
    ],
    summaries: [
      'Die Person ist stabiler und hält Termine weitgehend ein.',
      'Weiterhin hohe Belastung; kleine Fortschritte bei der Tagesstruktur.',
      'Die Krise ist überwunden; die Person plant die Rückkehr in Arbeit.',
    ],
    providerHealth: [
      'Fachärztliche Behandlung begonnen; die Stimmung ist stabiler.',
      'Psychotherapie beginnt nach Wartezeit in zwei Monaten.',
    ],
    arising: ['addiction_alcohol', 'debt', 'lacking_daily_structure', 'household_member_problem'],
    duration: [90, 360],
    nextSteps: [
      'Anbindung an die Tagesstätte bleibt bestehen; aus Sicht der Beratung ist eine Teilzeitmaßnahme möglich.',
      'Therapie läuft; weitere Begleitung durch die Beratungsstelle nicht mehr erforderlich.',
    ],
    topics: ['Stabilisierung und Tagesstruktur', 'Anbindung an Therapie und Tagesstätte'],
  },
  childcare_care: {
    purpose: 'Kinderbetreuung bzw. Entlastung bei der Pflege von Angehörigen',
    notes: [
      'Alleinerziehend, zwei Kinder (3 und 6 Jahre); für die geplante Teilzeitbeschäftigung wird eine Betreuung bis 17 Uhr gebraucht.',
      'Die Person pflegt ihre Mutter; gesucht wird Entlastung, damit Termine und eine Maßnahme möglich werden.',
      'Kein Kitaplatz in Sicht; bitte Betreuung in Randzeiten vermitteln (Schichtdienst im Einzelhandel).',
    ],
    processSteps: [
      'Bedarf aufgenommen; Platz in der Randzeitenbetreuung ab dem nächsten Monat reserviert.',
      'Eingewöhnung begonnen; Betreuung an drei Tagen pro Woche.',
      'Entlastung an zwei Nachmittagen pro Woche eingerichtet; Pflegeberatung durchgeführt.',
    ],
    subGoals: ['Eingewöhnung abschließen', 'Betreuung bis 17 Uhr sicherstellen', 'Antrag auf einen Pflegegrad für die Angehörige stellen'],
    plannedHelp: ['Betreuung fortsetzen, bis ein regulärer Kitaplatz frei wird.', 'Verhinderungspflege für die Urlaubszeit organisieren.'],
    summaries: [
      'Die Betreuung läuft zuverlässig; die Person kann Termine und Arbeitszeiten einhalten.',
      'Die Eingewöhnung dauert länger als geplant.',
    ],
    arising: ['mobility', 'care_of_relatives', 'discouragement'],
    duration: [30, 200],
    nextSteps: ['Regulärer Kitaplatz ab dem nächsten Monat zugesagt.', 'Die Entlastung ist über die Pflegekasse dauerhaft gesichert.'],
    topics: ['Betreuung der Kinder während der Arbeitszeit', 'Entlastung bei der Pflege'],
  },
  housing_support: {
    purpose: 'Wohnungsnotfallhilfe',
    notes: [
      'Fristlose Kündigung wegen Mietrückständen; eine Räumungsklage droht. Bitte dringend Kontakt aufnehmen.',
      'Die Person lebt vorübergehend bei Bekannten und sucht eine eigene Wohnung.',
      'Mietrückstände von zwei Monatsmieten; der Vermieter ist gesprächsbereit.',
    ],
    processSteps: [
      'Gespräch mit dem Vermieter geführt; Ratenzahlung für die Rückstände vereinbart.',
      'Antrag auf Übernahme der Mietschulden vorbereitet; Wohnberechtigungsschein beantragt.',
      'Wohnungsbewerbungen begleitet; zwei Besichtigungen wahrgenommen.',
    ],
    subGoals: ['Kündigung abwenden', 'Wohnberechtigungsschein beantragen', 'Monatlich drei Wohnungsbewerbungen abgeben'],
    plannedHelp: ['Begleitung zu Besichtigungen; Hilfe beim Umzug.', 'Direktzahlung der Miete einrichten.'],
    summaries: ['Die Wohnung ist gesichert; die Miete wird pünktlich gezahlt.', 'Wohnungssuche läuft; noch kein passendes Angebot.'],
    arising: ['debt', 'addiction_alcohol', 'psychosocial_crisis'],
    duration: [30, 180],
    nextSteps: ['Mietvertrag unterschrieben; Umzug im nächsten Monat.', 'Der Vermieter hat die Kündigung zurückgenommen.'],
    topics: ['Sicherung der Wohnung', 'Stand der Wohnungssuche'],
  },
  sgb3_45_activation: {
    purpose: 'Maßnahme zur Aktivierung und beruflichen Eingliederung',
    notes: [
      'Ziel ist eine berufliche Orientierung und ein aktuelles Bewerbungsprofil. Die Person ist motiviert, hat aber lange nicht gearbeitet.',
      'Unterstützung bei Bewerbungsunterlagen und digitalen Bewerbungswegen erbeten.',
      'Die beruflichen Ziele sind noch unklar; bitte Kompetenzfeststellung und ein Praktikum.',
    ],
    processSteps: [
      'Kompetenzfeststellung durchgeführt; Bewerbungsunterlagen erstellt.',
      'Zweiwöchiges Praktikum im Einzelhandel absolviert.',
      'Bewerbungstraining und PC-Grundkurs abgeschlossen; fünf Bewerbungen versandt.',
    ],
    subGoals: [
      'Vollständige Bewerbungsunterlagen erstellen',
      'Praktikum absolvieren',
      'Berufliches Ziel festlegen',
      'Online-Bewerbungsportale selbstständig nutzen',
    ],
    plannedHelp: ['Weiteres Praktikum in der Lagerlogistik anbahnen.', 'Vorstellungsgespräche im Rollenspiel üben.'],
    summaries: [
      'Die Person ist pünktlich und engagiert; das Praktikum verlief sehr gut.',
      'Die Teilnahme ist unregelmäßig; Gespräche dazu laufen.',
    ],
    arising: ['lacking_digital_skills', 'mobility', 'physical_health_limitation', 'childcare_missing'],
    duration: [42, 180],
    nextSteps: ['Der Praktikumsbetrieb bietet eine Einstellung an.', 'Empfehlung: Qualifizierung zur Fachkraft für Lagerlogistik.'],
    topics: ['Verlauf der Maßnahme und nächste Schritte', 'Praktikum und Bewerbungen'],
  },
  language_course: {
    purpose: 'Sprachförderung',
    notes: [
      'Deutschkenntnisse auf Niveau A2; für die Anerkennung des Berufsabschlusses wird B2 gebraucht.',
      'Alphabetisierung in lateinischer Schrift erforderlich; bitte Einstufung und passenden Kurs.',
    ],
    processSteps: [
      'Einstufungstest durchgeführt (A2); Beginn im Berufssprachkurs B1.',
      'Regelmäßige Teilnahme; Zwischentest B1 bestanden.',
    ],
    subGoals: ['Prüfung B1 ablegen', 'Fachwortschatz für den Pflegebereich erarbeiten'],
    plannedHelp: ['Anschlusskurs B2 mit Fachsprache Pflege.'],
    summaries: ['Gute Fortschritte, sehr regelmäßige Teilnahme.', 'Häufige Fehlzeiten wegen Kinderbetreuung.'],
    arising: ['basic_skills_literacy', 'foreign_qualification_not_recognised', 'childcare_missing'],
    duration: [120, 300],
    nextSteps: ['Prüfung B1 bestanden; Anschlusskurs B2 ist beantragt.'],
    topics: ['Sprachkurs und Anerkennung des Abschlusses'],
  },
  sgb2_16i_social_participation: {
    purpose: 'Teilhabe am Arbeitsmarkt (§ 16i SGB II)',
    notes: [
      'Die Person ist seit mehr als sechs Jahren im Leistungsbezug. Ziel: geförderte Beschäftigung mit begleitendem Coaching.',
      'Beschäftigung beim Bauhof ist vereinbart; bitte beschäftigungsbegleitendes Coaching.',
    ],
    processSteps: [
      'Coaching begonnen; Arbeitsplatz im Bauhof der Gemeinde angetreten.',
      'Regelmäßige Coachinggespräche; ein Konflikt mit dem Vorgesetzten wurde geklärt.',
    ],
    subGoals: ['Probezeit bestehen', 'Pünktlich und regelmäßig zur Arbeit erscheinen'],
    plannedHelp: ['Coaching monatlich fortsetzen; Gespräch mit dem Arbeitgeber im nächsten Quartal.'],
    summaries: [
      'Die Beschäftigung ist stabil; der Arbeitgeber ist zufrieden.',
      'Krankheitsbedingte Fehlzeiten; Gespräch zur Belastbarkeit geführt.',
    ],
    arising: ['physical_health_limitation', 'reduced_resilience', 'debt'],
    duration: [180, 540],
    nextSteps: ['Übernahme in ein ungefördertes Arbeitsverhältnis wird geprüft.'],
    topics: ['Stabilität der geförderten Beschäftigung'],
  },
  sgb2_16k_health_coaching: {
    purpose: 'ganzheitlichen Betreuung (§ 16k SGB II)',
    notes: [
      'Mehrere gesundheitliche Einschränkungen; die Person braucht Begleitung, um die Hilfen zu koordinieren.',
      'Die Belastbarkeit ist unklar; bitte gesundheitsorientierte Begleitung und Klärung einer Reha.',
    ],
    healthNotes: ['Chronische Rückenbeschwerden; laut Attest keine schweren körperlichen Tätigkeiten.'],
    processSteps: [
      'Gesundheitsanamnese und Zielvereinbarung; Begleitung zur Reha-Beratung.',
      'Bewegungsangebot begonnen; Arzttermine strukturiert.',
    ],
    subGoals: ['Reha-Antrag stellen', 'Wöchentliches Bewegungsangebot wahrnehmen'],
    plannedHelp: ['Begleitung bis zum Beginn der Rehabilitation.'],
    summaries: ['Die Person ist aktiver und zuversichtlicher.', 'Wenig Veränderung; die Termine werden aber wahrgenommen.'],
    providerHealth: ['Reha-Antrag bewilligt; Beginn in sechs Wochen.', 'Rückenbeschwerden bessern sich durch Physiotherapie.'],
    arising: ['mental_health_problem', 'addiction_alcohol', 'debt'],
    duration: [90, 270],
    nextSteps: ['Nach der Reha: stufenweiser Einstieg in eine Maßnahme empfohlen.'],
    topics: ['Gesundheitliche Stabilisierung und Belastbarkeit'],
  },
  sgb2_16d_work_opportunity: {
    purpose: 'Arbeitsgelegenheit (§ 16d SGB II)',
    notes: ['Einstieg in eine Tagesstruktur über eine Arbeitsgelegenheit im Sozialkaufhaus (20 Stunden pro Woche).'],
    processSteps: [
      'Einsatz im Sozialkaufhaus begonnen; Einarbeitung in Warenannahme und Verkauf.',
      'Regelmäßige Anwesenheit; Wechsel in die Fahrradwerkstatt auf eigenen Wunsch.',
    ],
    subGoals: ['An vier Tagen pro Woche pünktlich erscheinen', 'Kassenschulung abschließen'],
    plannedHelp: ['Verlängerung um drei Monate mit Schwerpunkt Kundenkontakt.'],
    summaries: [
      'Zuverlässig und hilfsbereit; die Tagesstruktur hat sich gefestigt.',
      'Häufige Fehltage in den ersten Wochen, inzwischen besser.',
    ],
    arising: ['lacking_daily_structure', 'physical_health_limitation'],
    duration: [90, 300],
    nextSteps: ['Empfehlung: Aktivierungsmaßnahme mit betrieblicher Erprobung.'],
    topics: ['Verlauf der Arbeitsgelegenheit'],
  },
};

const FALLBACK_TEXTS = SERVICE_TEXTS.sgb3_45_activation as ServiceTexts;
const textsOf = (service: ServiceType): ServiceTexts => SERVICE_TEXTS[service] ?? FALLBACK_TEXTS;

const SPECIAL_SERVICES: ReadonlySet<ServiceType> = new Set(['addiction_counselling', 'psychosocial_support', 'sgb2_16k_health_coaching']);
/** The four § 16a services are what the cooperation is mostly about. */
const SECTION_16A: ReadonlySet<string> = new Set(['childcare_care', 'debt_counselling', 'psychosocial_support', 'addiction_counselling']);

const DECLINE_REASONS: readonly string[] = [
  'Im laufenden Quartal sind keine Plätze frei; die Person wurde auf die Warteliste gesetzt und wird informiert.',
  'Der Wohnort liegt außerhalb unseres Einzugsgebiets; wir empfehlen die Beratungsstelle vor Ort.',
  'Die Person ist bereits bei einer anderen Beratungsstelle angebunden; eine Doppelbetreuung ist nicht sinnvoll.',
  'Der geschilderte Bedarf passt nicht zu unserem Angebot; bitte Rücksprache mit der Koordination.',
];
const NOT_STARTED_REASONS: readonly string[] = [
  'Die Person ist zu zwei vereinbarten Erstterminen nicht erschienen und hat nicht abgesagt.',
  'Die Person hat den Termin telefonisch abgesagt und keinen neuen vereinbart.',
  'Die Person war unter der angegebenen Anschrift und Telefonnummer nicht erreichbar.',
];
const DROP_OUT_REASONS: readonly string[] = [
  'Die Person hat die Beratung nach mehreren versäumten Terminen beendet.',
  'Umzug in einen anderen Landkreis.',
  'Arbeitsaufnahme im Schichtdienst; die Termine sind nicht mehr vereinbar.',
  'Die Person sieht derzeit keinen Bedarf mehr und möchte die Hilfe nicht fortsetzen.',
];
const CANCEL_REASONS: readonly string[] = [
  'Die Person hat eine Arbeit aufgenommen; die Unterstützung wird nicht mehr gebraucht.',
  'Im Gespräch hat sich gezeigt, dass zuerst eine andere Hilfe vorrangig ist.',
  'Die Person ist verzogen.',
  'Doppelte Zuweisung; die Person ist bereits über eine andere Stelle angebunden.',
];
const REVOKED_CANCEL_REASON = 'Die Person hat ihre Einwilligung widerrufen; die Zuweisung wird zurückgezogen.';
const REVOCATION_NOTES: readonly string[] = [
  'Die Person möchte nicht mehr, dass Informationen mit dem Träger ausgetauscht werden.',
  'Widerruf schriftlich eingegangen; die Person setzt die Beratung ohne Rückmeldung an das Jobcenter fort.',
  'Mündlicher Widerruf im Beratungsgespräch, im Vermerk dokumentiert.',
];
const NEEDS_DECISIONS: readonly string[] = [
  'Die Person hat sich selbst an die Beratungsstelle gewandt. Der Bedarf ist nach dem Gespräch im Fallmanagement gegeben; das Angebot passt zu den Zielen des Kooperationsplans.',
  'Selbstmeldung bestätigt: Die Hilfe ist zur Eingliederung in Arbeit erforderlich (§ 16a SGB II); die Kosten werden übernommen.',
];
const APPOINTMENT_NOTES_KEPT: readonly string[] = [
  'Erstgespräch: Anliegen und Ziele besprochen; nächster Termin in zwei Wochen.',
  'Termin wahrgenommen; Unterlagen wurden mitgebracht.',
  'Gespräch gemeinsam mit einer Angehörigen; Vereinbarungen schriftlich festgehalten.',
];
const APPOINTMENT_NOTES_MISSED: readonly string[] = [
  'Termin ohne Absage nicht wahrgenommen; erneute Einladung verschickt.',
  'Die Person hat kurzfristig wegen Krankheit eines Kindes abgesagt.',
];
const RESULT_NOTES: Record<ReferralResult, readonly string[]> = {
  goal_reached: [
    'Die vereinbarten Ziele wurden erreicht; die Person kommt ohne weitere Unterstützung zurecht.',
    'Ziel erreicht: Die Lage ist stabil, die nächsten Schritte sind mit der Person besprochen.',
  ],
  partly_reached: [
    'Ein Teil der Ziele wurde erreicht; für die übrigen ist weitere Unterstützung sinnvoll.',
    'Deutliche Fortschritte, aber noch keine dauerhafte Stabilität.',
  ],
  not_reached: ['Die Ziele wurden nicht erreicht; die Person konnte das Angebot nicht ausreichend nutzen.'],
};
const RESULT_CUM = cumulative([55, 30, 15]);
const RESULTS: readonly ReferralResult[] = ['goal_reached', 'partly_reached', 'not_reached'];
const WHEREABOUTS_BY_RESULT: Record<ReferralResult | 'dropped_out', readonly Whereabouts[]> = {
  goal_reached: ['employment', 'no_further_help', 'training', 'other_measure', 'employment'],
  partly_reached: ['further_counselling', 'other_measure', 'no_further_help'],
  not_reached: ['further_counselling', 'unknown', 'other_measure'],
  dropped_out: ['unknown', 'moved', 'employment', 'further_counselling'],
};
const WHEREABOUTS_NOTES: Partial<Record<Whereabouts, string>> = {
  employment: 'Arbeitsvertrag in Teilzeit bei einem Betrieb in der Region.',
  training: 'Beginn einer Umschulung im nächsten Monat.',
  other_measure: 'Wechsel in eine Aktivierungsmaßnahme.',
  further_counselling: 'Weitere Beratung beim Träger ohne Kostenübernahme durch das Jobcenter.',
  moved: 'Umzug zu Angehörigen in ein anderes Bundesland.',
};
const ARISING_NOTES: Record<string, string> = {
  debt: 'Im Gespräch wurden erhebliche Schulden bei mehreren Gläubigern deutlich; Schuldnerberatung empfohlen.',
  housing_problems: 'Mietrückstände von rund drei Monatsmieten; der Vermieter hat eine Kündigung angedroht.',
  psychosocial_crisis: 'Akute Belastung nach dem Tod eines Angehörigen; die Person wirkt sehr erschöpft.',
  lacking_daily_structure: 'Die Person schläft bis mittags und hat kaum feste Termine am Tag.',
  addiction_gambling_media: 'Hinweise auf problematisches Glücksspiel (Sportwetten, Automaten).',
  addiction_alcohol: 'Hinweise auf regelmäßigen, hohen Alkoholkonsum.',
  household_member_problem: 'Der Partner ist schwer erkrankt; die Person übernimmt viel Verantwortung in der Familie.',
  mobility: 'Kein Führerschein und schlechte Busverbindung zu möglichen Arbeitsorten.',
  care_of_relatives: 'Die Person betreut zusätzlich die pflegebedürftige Mutter.',
  discouragement: 'Nach vielen Absagen wirkt die Person mutlos.',
  lacking_digital_skills: 'Die Person hat kein E-Mail-Konto und kann Online-Bewerbungen nicht allein erledigen.',
  physical_health_limitation: 'Rückenbeschwerden schränken Tätigkeiten mit Heben und Tragen ein.',
  childcare_missing: 'Betreuung des jüngsten Kindes am Nachmittag ist nicht gesichert.',
  basic_skills_literacy: 'Schwierigkeiten beim Lesen und Schreiben längerer Texte.',
  foreign_qualification_not_recognised: 'Ein ausländischer Berufsabschluss liegt vor, ist aber nicht anerkannt.',
  reduced_resilience: 'Nach wenigen Stunden deutliche Erschöpfung; Belastbarkeit klären.',
  mental_health_problem: 'Anzeichen einer depressiven Verstimmung; fachärztliche Abklärung empfohlen.',
};
const PROPOSAL_ACCEPT_NOTES: readonly string[] = [
  'Bedarf im Gespräch mit der Person bestätigt; in die Hilfeplanung aufgenommen.',
  'Übernommen; wird beim nächsten Kooperationsplan berücksichtigt.',
];
const PROPOSAL_REJECT_NOTES: readonly string[] = [
  'Bereits über eine laufende Beratung abgedeckt.',
  'Die Person sieht keinen Bedarf; das Thema wird im nächsten Gespräch erneut angesprochen.',
  'Nach Rücksprache mit der Person nicht zutreffend.',
];
const CONSENT_FORM_CUM = cumulative([65, 20, 15]);
const CONSENT_FORMS_ORDER: readonly ConsentForm[] = ['written', 'electronic', 'oral_documented'];

const CONFERENCE_TOPICS: readonly string[] = [
  'Aktueller Stand und Ziele der Person',
  'Abstimmung der Hilfen zwischen den Beteiligten',
  'Wer übernimmt welche nächsten Schritte?',
  'Belastungen im Haushalt und Unterstützung der Familie',
  'Überprüfung des Kooperationsplans',
];
const OTHER_PARTICIPANTS: ReadonlyArray<{ organisation: (p: Places) => string; function: string }> = [
  { organisation: (p) => `Betreuungsverein ${p.core} e. V.`, function: 'Gesetzliche Betreuerin' },
  { organisation: (p) => `Jugendamt ${p.des}`, function: 'Fachkraft Allgemeiner Sozialer Dienst' },
  { organisation: (p) => `Ambulante Dienste der Justiz, ${p.core}`, function: 'Bewährungshelfer' },
  { organisation: () => 'Hausarztpraxis', function: 'Hausärztin (mit Schweigepflichtentbindung)' },
  { organisation: (p) => `Sozialamt ${p.des}`, function: 'Sachbearbeitung Hilfe zum Lebensunterhalt' },
];
const ABSENCE_REASONS: readonly string[] = [
  'Die Person war am Tag der Fallkonferenz erkrankt; sie hat der Besprechung ohne sie zugestimmt und erhält das Protokoll.',
  'Die Person hat ausdrücklich gewünscht, dass die Fachkräfte zunächst ohne sie sprechen; Ergebnisse werden mit ihr besprochen.',
  'Kurzfristige Terminkollision mit einem Vorstellungsgespräch; Teilnahme per Telefon war nicht möglich, Einverständnis liegt vor.',
];
const CANCEL_CONFERENCE_NOTES: readonly string[] = [
  'Abgesagt: Die Person ist erkrankt; neuer Termin folgt.',
  'Abgesagt, weil sich die Lage geklärt hat; Abstimmung erfolgt telefonisch.',
];
const FOLLOW_UP_TITLES: readonly string[] = [
  'Protokoll der Fallkonferenz mit der Person besprechen',
  'Rückmeldung des Trägers zum vereinbarten Schritt einholen',
  'Kooperationsplan an die Ergebnisse der Fallkonferenz anpassen',
  'Folgetermin für die nächste Fallkonferenz abstimmen',
];
const MINUTES_OPENINGS: readonly string[] = [
  'Alle Beteiligten haben ihre Sicht auf die aktuelle Lage geschildert.',
  'Die Fallkonferenz begann mit einem Rückblick auf die vereinbarten Schritte.',
];
const MINUTES_RESULTS: readonly string[] = [
  'Vereinbart wurde, die Hilfen enger abzustimmen und Doppelungen zu vermeiden; die Termine werden künftig gebündelt.',
  'Der Träger übernimmt die Begleitung zu den nächsten Terminen; das Jobcenter prüft die Kostenübernahme für eine Anschlusshilfe.',
  'Die Person hat eigene Vorschläge eingebracht; die nächsten Schritte wurden gemeinsam festgelegt.',
];

/**
 * The texts of referrals that the demo history (demo/history.ts) shares with this generator: reasons of
 * the provider's and the Jobcenter's steps, results, whereabouts and the per-service texts.
 */
export const DEMO_REFERRAL_VOCABULARY = {
  textsOf,
  specialServices: SPECIAL_SERVICES,
  section16a: SECTION_16A,
  declineReasons: DECLINE_REASONS,
  notStartedReasons: NOT_STARTED_REASONS,
  dropOutReasons: DROP_OUT_REASONS,
  cancelReasons: CANCEL_REASONS,
  appointmentNotesKept: APPOINTMENT_NOTES_KEPT,
  appointmentNotesMissed: APPOINTMENT_NOTES_MISSED,
  resultNotes: RESULT_NOTES,
  results: RESULTS,
  resultCum: RESULT_CUM,
  whereaboutsByResult: WHEREABOUTS_BY_RESULT,
  whereaboutsNotes: WHEREABOUTS_NOTES,
  consentForms: CONSENT_FORMS_ORDER,
  consentFormCum: CONSENT_FORM_CUM,
} as const;

// ---------------------------------------------------------------------------------------------
// Referral plans: which steps each referral takes

type PlanKind =
  | 'draft'
  | 'sent'
  | 'accepted'
  | 'declined'
  | 'started'
  | 'completed'
  | 'dropped_out'
  | 'not_started'
  | 'cancelled_draft'
  | 'cancelled_sent'
  | 'cancelled_accepted'
  | 'self_referred'
  | 'self_confirmed'
  | 'self_completed';

const PLANS: Record<PlanKind, { initial: 'draft' | 'self_referred'; actions: readonly ReferralAction[] }> = {
  draft: { initial: 'draft', actions: [] },
  sent: { initial: 'draft', actions: ['send'] },
  accepted: { initial: 'draft', actions: ['send', 'accept'] },
  declined: { initial: 'draft', actions: ['send', 'decline'] },
  started: { initial: 'draft', actions: ['send', 'accept', 'start'] },
  completed: { initial: 'draft', actions: ['send', 'accept', 'start', 'complete'] },
  dropped_out: { initial: 'draft', actions: ['send', 'accept', 'start', 'drop_out'] },
  not_started: { initial: 'draft', actions: ['send', 'accept', 'not_start'] },
  cancelled_draft: { initial: 'draft', actions: ['cancel'] },
  cancelled_sent: { initial: 'draft', actions: ['send', 'cancel'] },
  cancelled_accepted: { initial: 'draft', actions: ['send', 'accept', 'cancel'] },
  self_referred: { initial: 'self_referred', actions: [] },
  self_confirmed: { initial: 'self_referred', actions: ['confirm_self_referral'] },
  self_completed: { initial: 'self_referred', actions: ['confirm_self_referral', 'complete'] },
};

/** Plans whose last status still holds on the reference date (the referral is open). */
const OPEN_PLANS: ReadonlySet<PlanKind> = new Set(['draft', 'sent', 'accepted', 'started', 'self_referred', 'self_confirmed']);

const PLAN_WEIGHTS: Record<'implementation' | 'ending' | 'closed', Partial<Record<PlanKind, number>>> = {
  implementation: {
    draft: 5,
    sent: 9,
    accepted: 9,
    declined: 5,
    started: 26,
    completed: 14,
    dropped_out: 6,
    not_started: 4,
    cancelled_draft: 2,
    cancelled_sent: 2,
    cancelled_accepted: 2,
    self_referred: 4,
    self_confirmed: 5,
    self_completed: 2,
  },
  ending: {
    started: 14,
    completed: 40,
    dropped_out: 12,
    not_started: 7,
    declined: 7,
    cancelled_draft: 2,
    cancelled_sent: 4,
    cancelled_accepted: 4,
    self_confirmed: 4,
    self_completed: 6,
  },
  closed: {
    completed: 46,
    dropped_out: 15,
    not_started: 9,
    declined: 9,
    cancelled_draft: 3,
    cancelled_sent: 5,
    cancelled_accepted: 5,
    self_completed: 8,
  },
};
const PLAN_TABLES = Object.fromEntries(
  Object.entries(PLAN_WEIGHTS).map(([group, weights]) => {
    const kinds = Object.keys(weights) as PlanKind[];
    return [group, { kinds, cum: cumulative(kinds.map((k) => weights[k] as number)) }];
  }),
) as Record<keyof typeof PLAN_WEIGHTS, { kinds: PlanKind[]; cum: Float64Array }>;

/** Every status (and a confirmed self-referral) appears at least once when there are enough cases. */
const REQUIRED_PLANS: readonly PlanKind[] = [
  'draft',
  'sent',
  'accepted',
  'declined',
  'started',
  'completed',
  'dropped_out',
  'not_started',
  'cancelled_sent',
  'self_referred',
  'self_confirmed',
];

/** Items the demo login ('fallmanagement') must see: overdue referrals, a proposal, feedback, a revoked consent. */
type Showcase = 'overdue_report' | 'final_report' | 'overdue_start' | 'revoked' | 'overdue_answer';
const SHOWCASES: readonly Showcase[] = ['overdue_report', 'final_report', 'overdue_start', 'revoked', 'overdue_answer'];
const SHOWCASE_PLANS: Record<Showcase, PlanKind> = {
  overdue_report: 'started',
  final_report: 'completed',
  overdue_start: 'accepted',
  revoked: 'cancelled_accepted',
  overdue_answer: 'sent',
};

type ConferenceKind = 'today' | 'planned' | 'held_present' | 'held_absent' | 'cancelled';
const CONFERENCE_KINDS: readonly ConferenceKind[] = ['planned', 'held_present', 'held_absent', 'cancelled'];
const CONFERENCE_CUM = cumulative([25, 45, 12, 18]);

interface Slot {
  offer: DemoOffer;
  kind: PlanKind;
  showcase: Showcase | null;
}

interface CasePlan {
  c: DemoCoopCase;
  /** Creation window of referrals [from, to] and the last day anything may happen. */
  window: { from: number; to: number; last: number } | null;
  candidates: DemoOffer[];
  slots: Slot[];
  conferences: ConferenceKind[];
}

const OPEN_CASE_STATUSES: ReadonlySet<CaseStatus> = new Set(['intake', 'assessment', 'planning', 'implementation', 'closing', 'aftercare']);

interface Context {
  rng: Sfc32;
  ids: Sfc32;
  R: number;
  places: Places;
  network: DemoProviderNetwork;
  providerById: Map<string, DemoProvider>;
  agreementByProvider: Map<string, DemoCooperationAgreement>;
  locationsByOffer: Map<string, DemoOfferLocation[]>;
  typeById: Map<string, DemoCoopBarrierType>;
  typeByCode: Map<string, DemoCoopBarrierType>;
  managerName: Map<string, string>;
  staff: Readonly<Record<string, string>>;
  login: string | null;
  planChangeShown: boolean;
  decisionsShown: Set<'accepted' | 'rejected'>;
}

function windowOf(c: DemoCoopCase, R: number): CasePlan['window'] {
  if (c.implementationFrom === null) return null;
  if (!['implementation', 'closing', 'aftercare', 'closed'].includes(c.status)) return null;
  const from = dayOfPrefix(c.implementationFrom);
  const to = c.status === 'implementation' || c.implementationTo === null ? R : Math.min(R, dayOfPrefix(c.implementationTo));
  const last = c.status === 'closed' ? Math.min(R, c.closedOn ? dayOfPrefix(c.closedOn) : to) : R;
  if (to < from || last < to) return null;
  return { from, to, last };
}

function candidateOffers(ctx: Context, c: DemoCoopCase, from: number): DemoOffer[] {
  const services = new Set<string>();
  for (const b of c.barriers) for (const s of ctx.typeById.get(b.barrierTypeId)?.serviceTypes ?? []) services.add(s);
  const groups = targetGroups(c.person, isoOf(from));
  return ctx.network.offers.filter((o) => services.has(o.serviceType) && offerFitsTargetGroups(o.targetGroups, groups));
}

/** Picks an offer for a case: a § 16a service first, the portal provider often, else mostly the nearest. */
function pickOffer(ctx: Context, c: DemoCoopCase, candidates: readonly DemoOffer[], preferPortal: number): DemoOffer | null {
  if (candidates.length === 0) return null;
  const { rng } = ctx;
  // Showcase referrals go to the portal provider whenever it serves one of the case's needs.
  const portalOnly = preferPortal >= 0.95 ? candidates.filter((o) => o.providerId === ctx.network.portalProviderId) : [];
  const pool = portalOnly.length > 0 ? portalOnly : candidates;
  const services = [...new Set(pool.map((o) => o.serviceType))];
  const service = services[pickWeighted(rng, cumulative(services.map((s) => (SECTION_16A.has(s) ? 3 : 1))))] as ServiceType;
  const offers = pool.filter((o) => o.serviceType === service);
  const portal = offers.filter((o) => o.providerId === ctx.network.portalProviderId);
  if (portal.length > 0 && rng.chance(preferPortal)) return rng.pick(portal);
  const { latitude, longitude } = c.person;
  if (latitude !== null && longitude !== null && rng.chance(0.6)) {
    let best = offers[0] as DemoOffer;
    let bestKm = Number.POSITIVE_INFINITY;
    for (const offer of offers) {
      for (const location of ctx.locationsByOffer.get(offer.id) ?? []) {
        const km = distanceKm({ latitude, longitude }, location);
        if (km < bestKm) {
          bestKm = km;
          best = offer;
        }
      }
    }
    return best;
  }
  return rng.pick(offers);
}

function planGroup(status: CaseStatus): keyof typeof PLAN_WEIGHTS {
  return status === 'implementation' ? 'implementation' : status === 'closed' ? 'closed' : 'ending';
}

function drawPlan(rng: Sfc32, status: CaseStatus): PlanKind {
  const table = PLAN_TABLES[planGroup(status)];
  return table.kinds[pickWeighted(rng, table.cum)] as PlanKind;
}

function planAll(ctx: Context, cases: readonly DemoCoopCase[]): CasePlan[] {
  const { rng } = ctx;
  const plans: CasePlan[] = cases.map((c) => {
    const window = windowOf(c, ctx.R);
    const candidates = window ? candidateOffers(ctx, c, window.from) : [];
    const plan: CasePlan = { c, window, candidates, slots: [], conferences: [] };
    if (candidates.length > 0 && rng.chance(0.5)) {
      const count = rng.chance(0.35) ? 2 : 1;
      for (let i = 0; i < count; i++) addSlot(ctx, plan, drawPlan(rng, c.status), null);
    }
    if (OPEN_CASE_STATUSES.has(c.status) && rng.chance(plan.slots.length > 0 ? 0.16 : 0.07)) {
      const count = rng.chance(0.3) ? 2 : 1;
      for (let i = 0; i < count; i++) plan.conferences.push(CONFERENCE_KINDS[pickWeighted(rng, CONFERENCE_CUM)] as ConferenceKind);
    }
    return plan;
  });
  showcase(ctx, plans);
  coverPortal(ctx, plans);
  coverPlans(ctx, plans);
  coverConferences(plans);
  return plans;
}

/** Adds a referral to another provider than the case's other referrals; false if none is left. */
function addSlot(ctx: Context, plan: CasePlan, kind: PlanKind, show: Showcase | null, preferPortal = 0.7): boolean {
  const used = new Set(plan.slots.map((s) => s.offer.providerId));
  const offer = pickOffer(
    ctx,
    plan.c,
    plan.candidates.filter((o) => !used.has(o.providerId)),
    preferPortal,
  );
  if (!offer) return false;
  plan.slots.push({ offer, kind, showcase: show });
  return true;
}

/**
 * The demo login's showcase: on its implementation cases (those the portal provider can serve first, so
 * 'traeger' sees them too; longer histories first) one overdue referral of each kind, a started referral
 * with feedback and an open barrier proposal, a completed one with a final report, a revoked consent,
 * and a case conference today following up an earlier one.
 */
function showcase(ctx: Context, plans: CasePlan[]) {
  if (ctx.login === null) return;
  const portal = ctx.network.portalProviderId;
  const length = (p: CasePlan) => (p.window?.to ?? 0) - (p.window?.from ?? 0);
  const servedByPortal = (p: CasePlan) => (p.candidates.some((o) => o.providerId === portal) ? 0 : 1);
  const mine = plans
    .filter((p) => p.c.caseManagerId === ctx.login && p.c.status === 'implementation' && p.window && p.candidates.length > 0)
    .sort((a, b) => servedByPortal(a) - servedByPortal(b) || length(b) - length(a) || (a.c.id < b.c.id ? -1 : 1));
  const used = new Set<CasePlan>();
  let reportCase: CasePlan | undefined;
  for (const show of SHOWCASES) {
    // A started referral with an overdue report needs a long history (two report periods).
    const plan = mine.find((p) => !used.has(p) && (show !== 'overdue_report' || length(p) >= 200)) ?? mine.find((p) => !used.has(p));
    if (!plan) break;
    used.add(plan);
    if (show === 'overdue_report') reportCase = plan;
    const before = plan.slots.slice(1);
    plan.slots = [];
    addSlot(ctx, plan, SHOWCASE_PLANS[show], show, 0.95);
    for (const slot of before) if (!plan.slots.some((s) => s.offer.providerId === slot.offer.providerId)) plan.slots.push(slot);
  }
  const today = reportCase ?? plans.find((p) => p.c.caseManagerId === ctx.login && OPEN_CASE_STATUSES.has(p.c.status));
  // Today's conference follows up an earlier one whose agreed actions are on record.
  if (today) today.conferences = ['held_present', 'today'];
}

/** The portal provider (demo login 'traeger') gets open referrals to answer, to start and to report on. */
function coverPortal(ctx: Context, plans: CasePlan[]) {
  const portal = ctx.network.portalProviderId;
  for (const kind of ['sent', 'accepted', 'started'] as const) {
    if (plans.some((p) => p.slots.some((s) => s.kind === kind && s.offer.providerId === portal))) continue;
    let done = false;
    for (const plan of plans) {
      if (plan.c.status !== 'implementation' || !plan.window || plan.slots.length >= 2) continue;
      if (plan.slots.some((s) => s.offer.providerId === portal)) continue;
      const offers = plan.candidates.filter((o) => o.providerId === portal);
      if (offers.length === 0) continue;
      plan.slots.push({ offer: ctx.rng.pick(offers), kind, showcase: null });
      done = true;
      break;
    }
    // Otherwise an existing referral to the portal provider takes that step (coverPlans restores the other statuses).
    if (!done) {
      const slot = plans
        .filter((p) => p.c.status === 'implementation' && p.window)
        .flatMap((p) => p.slots)
        .find((s) => s.showcase === null && s.offer.providerId === portal && !['sent', 'accepted', 'started'].includes(s.kind));
      if (slot) slot.kind = kind;
    }
  }
}

/** Makes sure every referral status (and a confirmed self-referral) occurs, using implementation cases. */
function coverPlans(ctx: Context, plans: CasePlan[]) {
  const counts = new Map<PlanKind, number>();
  for (const plan of plans) for (const slot of plan.slots) counts.set(slot.kind, (counts.get(slot.kind) ?? 0) + 1);
  const implementation = plans.filter((p) => p.c.status === 'implementation' && p.window && p.candidates.length > 0);
  for (const kind of REQUIRED_PLANS) {
    if ((counts.get(kind) ?? 0) > 0) continue;
    let done = false;
    for (const plan of implementation) {
      const slot = plan.slots.find((s) => s.showcase === null && (counts.get(s.kind) ?? 0) > 1);
      if (!slot) continue;
      counts.set(slot.kind, (counts.get(slot.kind) ?? 0) - 1);
      slot.kind = kind;
      done = true;
      break;
    }
    if (!done) {
      for (const plan of implementation) {
        if (plan.slots.length >= 2) continue;
        if (addSlot(ctx, plan, kind, null)) {
          done = true;
          break;
        }
      }
    }
    if (done) counts.set(kind, 1);
  }
}

/** A held conference without the person, a cancelled and a planned one occur whenever there are conferences. */
function coverConferences(plans: CasePlan[]) {
  const all = plans.flatMap((p) => p.conferences.map((kind, i) => ({ plan: p, i, kind })));
  for (const kind of ['held_absent', 'cancelled', 'planned', 'held_present'] as const) {
    if (all.some((x) => x.kind === kind)) continue;
    const counts = new Map<ConferenceKind, number>();
    for (const x of all) counts.set(x.kind, (counts.get(x.kind) ?? 0) + 1);
    const spare = all.find((x) => x.kind !== 'today' && (counts.get(x.kind) ?? 0) > 1);
    if (!spare) continue;
    spare.plan.conferences[spare.i] = kind;
    spare.kind = kind;
  }
}

// ---------------------------------------------------------------------------------------------
// Building one case's cooperation along the case's timeline

/** Shrinks gaps proportionally so that they sum to at most `total` (each may become 0). */
function scaleGaps(gaps: number[], total: number) {
  const sum = gaps.reduce((a, b) => a + b, 0);
  if (sum <= total) return;
  const factor = Math.max(0, total) / sum;
  for (let i = 0; i < gaps.length; i++) gaps[i] = Math.floor((gaps[i] as number) * factor);
}

function orderedCategories(set: ReadonlySet<ConsentCategory>): ConsentCategory[] {
  return CONSENT_CATEGORIES.filter((c) => set.has(c));
}

/** Drops every field the consent does not cover (the portal would reject the write) and names the categories of the rest. */
export function coveredWrite(
  fields: Record<string, unknown>,
  categories: readonly ConsentCategory[],
  special: boolean,
): { fields: Record<string, unknown>; categories: ConsentCategory[] } {
  const kept: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    const category = PROVIDER_FIELD_CATEGORIES[field];
    if (category && !categories.includes(category)) continue;
    kept[field] = value;
  }
  const needed = categoriesOfProviderWrite(kept, special && kept.arisingNeeds !== undefined);
  return { fields: kept, categories: orderedCategories(new Set(needed.map((n) => n.category))) };
}

class CaseCooperationBuilder {
  private readonly out: DemoCaseCooperation;
  private readonly rng: Sfc32;
  private readonly R: number;
  /** Barrier codes the case has or was proposed, so no need is proposed twice. */
  private readonly codes = new Set<string>();
  private nextPriority: number | null;
  private readonly referralDays: Array<{ providerId: string; offer: DemoOffer; created: number }> = [];

  constructor(
    private readonly ctx: Context,
    private readonly plan: CasePlan,
  ) {
    this.rng = ctx.rng;
    this.R = ctx.R;
    this.out = {
      caseId: plan.c.id,
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
    for (const b of plan.c.barriers) {
      const code = ctx.typeById.get(b.barrierTypeId)?.code;
      if (code) this.codes.add(code);
    }
    const priorities = plan.c.barriers.map((b) => b.priority).filter((p): p is number => p !== null);
    this.nextPriority = priorities.length ? Math.max(...priorities) + 1 : null;
  }

  private id(): string {
    return uuidV4(this.ctx.ids);
  }

  build(): DemoCaseCooperation {
    for (const slot of this.plan.slots) this.referral(slot);
    for (const kind of this.plan.conferences) this.conference(kind);
    return this.out;
  }

  // ——— referrals ———

  private referral(slot: Slot) {
    const { rng, R, ctx, plan } = this;
    const window = plan.window;
    if (!window) return;
    const c = plan.c;
    const offer = slot.offer;
    const agreement = ctx.agreementByProvider.get(offer.providerId) as DemoCooperationAgreement;
    const A = agreement.answerDays;
    const S = agreement.startDays;
    const I = agreement.interimReportDays;
    const texts = textsOf(offer.serviceType);
    const steps = PLANS[slot.kind];
    const manager = c.caseManagerId;
    const staff = ctx.staff[offer.providerId];
    if (!staff) throw new Error(`no staff user for provider ${offer.providerId}`);
    const show = slot.showcase;

    // Gaps between the steps (days), then placed into the case's window.
    const duration = rng.range(texts.duration[0], texts.duration[1]);
    const gaps: number[] = [];
    let previous: ReferralStatus = steps.initial;
    for (const action of steps.actions) {
      switch (action) {
        case 'send':
          gaps.push(rng.int(4));
          break;
        case 'accept':
          gaps.push(rng.chance(0.85) ? rng.range(1, A) : rng.range(A + 1, A + 10));
          break;
        case 'decline':
          gaps.push(rng.range(1, A + 3));
          break;
        case 'start':
          gaps.push(Math.max(offer.waitingDays > S ? S : 0, rng.chance(0.85) ? rng.range(2, S) : rng.range(S + 1, S + 20)));
          break;
        case 'not_start':
          gaps.push(S + rng.range(1, 10));
          break;
        case 'complete':
          gaps.push(duration);
          break;
        case 'drop_out':
          gaps.push(rng.range(14, Math.max(15, Math.floor(duration * 0.6))));
          break;
        case 'cancel':
          gaps.push(previous === 'draft' ? rng.range(1, 25) : previous === 'sent' ? rng.range(1, A + 5) : rng.range(1, Math.max(1, S)));
          break;
        case 'confirm_self_referral':
          gaps.push(rng.range(3, 25));
          break;
      }
      previous = nextReferralStatus(previous, action) as ReferralStatus;
    }
    const open = OPEN_PLANS.has(slot.kind);
    let overdue = false;
    let tail = 0;
    if (open) {
      switch (slot.kind) {
        case 'sent':
          overdue = show === 'overdue_answer' || rng.chance(0.25);
          tail = show === 'overdue_answer' ? A + rng.range(3, 10) : overdue ? A + rng.range(1, 20) : rng.int(A + 1);
          break;
        case 'accepted':
          overdue = show === 'overdue_start' || rng.chance(0.25);
          tail = show === 'overdue_start' ? S + rng.range(2, 12) : overdue ? S + rng.range(1, 20) : rng.int(S + 1);
          break;
        case 'started':
        case 'self_confirmed':
          overdue = show === 'overdue_report' || rng.chance(0.2);
          tail = show === 'overdue_report' ? 2 * I + rng.range(5, 30) : rng.range(7, 420);
          break;
        default:
          tail = rng.int(slot.kind === 'draft' ? 15 : 31);
      }
    }
    const days = this.place(gaps, window, open ? tail : null);
    const created = days[0] as number;

    // The consent: given before sending (or before confirming a self-referral); none for some drafts and self-referrals.
    const sendIndex = steps.actions.findIndex((a) => a === 'send' || a === 'confirm_self_referral');
    const needsConsent = sendIndex >= 0;
    const withConsent = needsConsent || rng.chance(0.55);
    const consentLatest = needsConsent ? (days[sendIndex + 1] as number) : R;
    const consentGiven = withConsent
      ? Math.max(dayOfPrefix(c.openedOn), Math.min(consentLatest, created - rng.int(8) + (rng.chance(0.3) ? rng.int(4) : 0)))
      : null;

    const referralId = this.id();
    const clock = new Clock(rng, R);
    let consent: DemoConsent | null = null;
    const consentBeforeCreate = consentGiven !== null && consentGiven <= created;
    const makeConsent = () => {
      if (consentGiven === null) return;
      consent = this.consent(c, offer, consentGiven, show, clock);
    };
    if (consentBeforeCreate) makeConsent();

    const goals = c.goals.filter((g) => dayOfPrefix(g.createdOn) <= created && g.status !== 'dropped');
    const goalIds = goals.length ? [rng.pick(goals).id, ...(goals.length > 1 && rng.chance(0.3) ? [rng.pick(goals).id] : [])] : [];
    const referral: DemoReferral = {
      id: referralId,
      caseId: c.id,
      personId: c.personId,
      offerId: offer.id,
      providerId: offer.providerId,
      serviceType: offer.serviceType,
      consentId: null,
      status: steps.initial,
      referralNote: steps.initial === 'draft' || rng.chance(0.4) ? rng.pick(texts.notes) : null,
      goalIds: [...new Set(goalIds)],
      healthNote: texts.healthNotes && rng.chance(0.45) ? rng.pick(texts.healthNotes) : null,
      needsDecision: null,
      sentOn: null,
      acceptedOn: null,
      startedOn: null,
      endedOn: null,
      result: null,
      lastReportOn: null,
      createdBy: manager,
      version: 1,
      createdAt: clock.at(created),
      updatedAt: '',
    };
    const transitions: DemoReferralTransition[] = [];
    const feedback: DemoReferralFeedback[] = [];
    const transition = referralTransitionRecorder({ referral, transitions, nextId: () => this.id(), clock, staff, manager });
    transition('create', steps.initial, created, null);
    if (!consentBeforeCreate) makeConsent();
    const theConsent = (): DemoConsent | null => consent;
    referral.consentId = theConsent()?.id ?? null;
    const categories = theConsent()?.categories ?? [];

    const write = referralFeedbackWriter({ referral, feedback, nextId: () => this.id(), clock, staff, categories });

    // Days of the provider's running phase (for reports), filled in by the walk.
    let runFrom: number | null = null;
    let runTo: number | null = null;
    let endAction: 'complete' | 'drop_out' | null = null;
    let acceptedDay: number | null = null;
    const stepDays = days.slice(1);
    let revokedForCancel = false;

    steps.actions.forEach((action, i) => {
      const day = stepDays[i] as number;
      const to = nextReferralStatus(referral.status, action);
      if (to === null) throw new Error(`illegal referral step ${referral.status} –${action}→`);
      switch (action) {
        case 'send':
          referral.sentOn = isoOf(day);
          transition(action, to, day, null);
          break;
        case 'accept':
          referral.acceptedOn = isoOf(day);
          acceptedDay = day;
          transition(action, to, day, null);
          break;
        case 'decline': {
          const reason = rng.pick(DECLINE_REASONS);
          transition(action, to, day, reason);
          write('status', day, { declineReason: reason });
          break;
        }
        case 'start': {
          // Sometimes a first appointment was missed before the one that was kept.
          if (acceptedDay !== null && day - acceptedDay >= 2 && rng.chance(0.25)) {
            const missed = acceptedDay + 1 + rng.int(day - acceptedDay - 1);
            write('appointment', missed, {
              appointmentOn: isoOf(missed),
              kept: false,
              appointmentNote: rng.pick(APPOINTMENT_NOTES_MISSED),
            });
          }
          referral.startedOn = isoOf(day);
          transition(action, to, day, null);
          write('status', day, { startedOn: isoOf(day) });
          write('appointment', day, { appointmentOn: isoOf(day), kept: true, appointmentNote: rng.pick(APPOINTMENT_NOTES_KEPT) });
          runFrom = day;
          break;
        }
        case 'not_start': {
          if (acceptedDay !== null && day - acceptedDay >= 2) {
            const missed = acceptedDay + 1 + rng.int(day - acceptedDay - 1);
            write('appointment', missed, {
              appointmentOn: isoOf(missed),
              kept: false,
              appointmentNote: rng.pick(APPOINTMENT_NOTES_MISSED),
            });
          }
          const reason = rng.pick(NOT_STARTED_REASONS);
          transition(action, to, day, reason);
          write('status', day, { notStartedReason: reason });
          break;
        }
        case 'confirm_self_referral': {
          referral.needsDecision = rng.pick(NEEDS_DECISIONS);
          const started = Math.max(dayOfPrefix(c.openedOn), created - rng.int(15));
          referral.startedOn = isoOf(started);
          transition(action, to, day, null);
          runFrom = day;
          break;
        }
        case 'complete':
        case 'drop_out':
          runTo = day;
          endAction = action;
          break;
        case 'cancel': {
          // The person revoked the consent, so the Jobcenter withdraws the referral the same day (after the provider's last step).
          const previousDay = i > 0 ? (stepDays[i - 1] as number) : created;
          revokedForCancel =
            referral.status !== 'draft' &&
            referral.status !== 'self_referred' &&
            day > previousDay &&
            (show === 'revoked' || rng.chance(0.35));
          transition(action, to, day, revokedForCancel ? REVOKED_CANCEL_REASON : rng.pick(CANCEL_REASONS));
          break;
        }
      }
    });

    // The consent's fate: revoked, expired or valid beyond everything the provider wrote.
    const lastStep = (stepDays.at(-1) as number | undefined) ?? created;
    const fate = this.consentFate(theConsent(), slot, show, lastStep, revokedForCancel);
    let writableUntil = open ? R : (runTo ?? R);
    if (fate.revokedOn !== null) writableUntil = Math.min(writableUntil, fate.revokedOn - 1);
    if (fate.validUntil !== null) writableUntil = Math.min(writableUntil, fate.validUntil);

    // Interim reports while running; a final report at the end.
    if (runFrom !== null) {
      const from: number = runFrom;
      const until = runTo ?? R;
      let cutoff = Math.min(writableUntil, runTo !== null ? runTo - 1 : R);
      if (open && overdue) cutoff = Math.min(cutoff, R - I - 1 - rng.int(25));
      const reports: number[] = [];
      for (let d = from + I - rng.int(Math.min(10, Math.floor(I / 3)) + 1); d <= Math.min(until, cutoff); ) {
        reports.push(d);
        d += I - rng.int(Math.min(10, Math.floor(I / 3)) + 1);
      }
      if (show === 'overdue_report' && reports.length === 0 && cutoff >= from) reports.push(Math.max(from, cutoff));
      const arisingAt = show === 'overdue_report' ? 0 : rng.chance(0.45) && reports.length > 0 ? rng.int(reports.length) : -1;
      reports.forEach((day, index) => {
        const need = index === arisingAt ? this.arisingNeed(offer.serviceType, categories, show === 'overdue_report') : null;
        const fields: Record<string, unknown> = {
          reportedOn: isoOf(day),
          processSteps: rng.pick(texts.processSteps),
          subGoals: rng.chance(0.6)
            ? [{ title: rng.pick(texts.subGoals), dueOn: rng.chance(0.7) ? isoOf(day + rng.range(21, 90)) : null }]
            : undefined,
          plannedHelp: rng.chance(0.7) ? rng.pick(texts.plannedHelp) : undefined,
          summary: rng.pick(texts.summaries),
          arisingNeeds: need ? [{ barrierTypeId: need.type.id, note: need.note }] : undefined,
          healthNotes: texts.providerHealth && rng.chance(0.5) ? rng.pick(texts.providerHealth) : undefined,
        };
        const entry = write('interim_report', day, fields, need?.type.specialCategory ?? false);
        if (need && entry.fields.arisingNeeds)
          this.proposal(referralId, entry, need.type, need.note, day, show === 'overdue_report', offer);
      });
      if (runTo !== null && endAction !== null) {
        const end: number = runTo;
        // The end itself needs the consent; a consent that ended earlier means the end was reported before.
        const reportable = end <= writableUntil || fate.revokedOn === null;
        const to = nextReferralStatus(referral.status, endAction) as ReferralStatus;
        if (endAction === 'complete') {
          const result = RESULTS[pickWeighted(rng, RESULT_CUM)] as ReferralResult;
          const status = write('status', end, { endedOn: isoOf(end), result, resultNote: rng.pick(RESULT_NOTES[result]) });
          referral.result = status.fields.result ? result : null;
          referral.endedOn = isoOf(end);
          transition('complete', to, end, null);
          if (reportable) this.finalReport(write, end, texts, result, show === 'final_report');
        } else {
          const reason = rng.pick(DROP_OUT_REASONS);
          const status = write('status', end, { droppedOutOn: isoOf(end), dropOutReason: reason });
          referral.endedOn = isoOf(end);
          transition('drop_out', to, end, status.fields.dropOutReason ? reason : null);
          if (reportable && rng.chance(0.6)) this.finalReport(write, end, texts, 'dropped_out', false);
        }
      }
    }

    // Apply the fate to the consent and keep its validity consistent with what was written.
    const current = theConsent();
    if (current) {
      current.validUntil = fate.validUntil === null ? null : isoOf(fate.validUntil);
      if (fate.revokedOn !== null) {
        current.revokedOn = isoOf(fate.revokedOn);
        current.revokedAt = new Clock(rng, R).at(fate.revokedOn);
        // Revoked on the day of a later event of this referral: keep the order of the day.
        if (fate.revokedOn === lastStep) current.revokedAt = transitions.at(-1)?.at ?? current.revokedAt;
        current.revokedBy = manager;
        current.revocationNote = rng.pick(REVOCATION_NOTES);
        current.version = 2;
      }
    }

    const all = [...transitions.map((t) => t.at), ...feedback.map((f) => f.recordedAt)].sort();
    referral.updatedAt = all.at(-1) as string;
    referral.version = transitions.length + feedback.filter((f) => f.kind !== 'status').length;
    this.out.referrals.push(referral);
    this.out.transitions.push(...transitions);
    this.out.feedback.push(...feedback);
    this.referralDays.push({ providerId: offer.providerId, offer, created });
  }

  /**
   * Days of the creation and of each step. Open referrals end `tail` days before the reference date;
   * finished ones lie anywhere in the window. Gaps shrink when the window is too short.
   */
  private place(gaps: number[], window: NonNullable<CasePlan['window']>, tail: number | null): number[] {
    const { rng, R } = this;
    let start: number;
    if (tail !== null) {
      let end = R - tail;
      if (end < window.from) end = window.from;
      scaleGaps(gaps, end - window.from);
      start = end - gaps.reduce((a, b) => a + b, 0);
      if (start > window.to) start = window.to;
      scaleGaps(gaps, R - start);
    } else {
      scaleGaps(gaps, window.last - window.from);
      const total = gaps.reduce((a, b) => a + b, 0);
      const latest = Math.max(window.from, Math.min(window.to, window.last - total));
      start = window.from + rng.int(latest - window.from + 1);
    }
    const days = [start];
    for (const gap of gaps) days.push((days.at(-1) as number) + gap);
    return days;
  }

  private consent(c: DemoCoopCase, offer: DemoOffer, given: number, show: Showcase | null, clock: Clock): DemoConsent {
    const { rng, ctx } = this;
    const set = new Set<ConsentCategory>(['attendance']);
    if (show !== null || rng.chance(0.92)) set.add('process_steps');
    if (show === 'overdue_report' || rng.chance(0.5)) set.add('content_summary');
    if (show === 'final_report' || show === 'overdue_report' || rng.chance(0.85)) set.add('results');
    if (SPECIAL_SERVICES.has(offer.serviceType) && (show === 'overdue_report' || rng.chance(0.45))) set.add('health');
    const provider = ctx.providerById.get(offer.providerId) as DemoProvider;
    const consent: DemoConsent = {
      id: this.id(),
      caseId: c.id,
      personId: c.personId,
      providerId: offer.providerId,
      categories: orderedCategories(set),
      purpose: `Abstimmung der ${textsOf(offer.serviceType).purpose} mit ${provider.name}: Zuweisung, Rückmeldungen zu Teilnahme und Verlauf im Umfang der genannten Kategorien.`,
      form: CONSENT_FORMS_ORDER[pickWeighted(rng, CONSENT_FORM_CUM)] as ConsentForm,
      givenOn: isoOf(given),
      validUntil: null,
      counselled: [...CONSENT_COUNSELLING_POINTS],
      revokedOn: null,
      revokedAt: null,
      revokedBy: null,
      revocationNote: null,
      recordedBy: c.caseManagerId,
      version: 1,
      createdAt: clock.at(given),
    };
    this.out.consents.push(consent);
    return consent;
  }

  /** Revoked (about 8 %), expired (about 10 % of finished referrals) or valid beyond what the provider wrote. */
  private consentFate(
    consent: DemoConsent | null,
    slot: Slot,
    show: Showcase | null,
    lastStep: number,
    revokedForCancel: boolean,
  ): { validUntil: number | null; revokedOn: number | null } {
    const { rng, R } = this;
    if (!consent) return { validUntil: null, revokedOn: null };
    const given = dayOfPrefix(consent.givenOn);
    const open = OPEN_PLANS.has(slot.kind);
    const end = open ? R : lastStep;
    let validUntil: number | null = rng.chance(0.3) ? null : given + rng.range(365, 730);
    if (validUntil !== null && validUntil < end) validUntil = end + rng.range(30, 200);
    if (revokedForCancel) return { validUntil, revokedOn: lastStep };
    if (show === 'revoked') return { validUntil, revokedOn: Math.min(R, lastStep + 1) };
    if (show !== null) return { validUntil: validUntil === null ? null : Math.max(validUntil, R + 30), revokedOn: null };
    const roll = rng.float();
    if (roll < 0.08 && lastStep < R && slot.kind !== 'draft' && slot.kind !== 'self_referred') {
      return { validUntil, revokedOn: lastStep + 1 + rng.int(R - lastStep) };
    }
    if (roll < 0.18 && !open && lastStep < R - 1) return { validUntil: lastStep + rng.int(R - lastStep), revokedOn: null };
    return { validUntil, revokedOn: null };
  }

  private arisingNeed(
    service: ServiceType,
    categories: readonly ConsentCategory[],
    force: boolean,
  ): { type: DemoCoopBarrierType; note: string } | null {
    const { rng, ctx } = this;
    if (!categories.includes('content_summary')) return null;
    const codes = textsOf(service).arising.filter((code) => !this.codes.has(code) && ctx.typeByCode.has(code));
    const fitting = codes.filter((code) => categories.includes('health') || !ctx.typeByCode.get(code)?.specialCategory);
    const pool = fitting.length
      ? fitting
      : force
        ? [...ctx.typeByCode.keys()].filter((c) => !this.codes.has(c) && c !== 'age_50_plus')
        : [];
    const usable = pool.filter((code) => categories.includes('health') || !ctx.typeByCode.get(code)?.specialCategory);
    if (usable.length === 0) return null;
    const code = rng.pick(usable);
    this.codes.add(code);
    const type = ctx.typeByCode.get(code) as DemoCoopBarrierType;
    return { type, note: ARISING_NOTES[code] ?? `Hinweis aus der Beratung: ${type.label}.` };
  }

  private proposal(
    referralId: string,
    entry: DemoReferralFeedback,
    type: DemoCoopBarrierType,
    note: string,
    day: number,
    keepOpen: boolean,
    offer: DemoOffer,
  ) {
    const { rng, R, plan, ctx } = this;
    const c = plan.c;
    const last = plan.window?.last ?? R;
    const open = OPEN_CASE_STATUSES.has(c.status);
    const decisionDay = day + rng.range(1, 14);
    const proposal: DemoBarrierProposal = {
      id: this.id(),
      caseId: c.id,
      referralId,
      feedbackId: entry.id,
      barrierTypeId: type.id,
      note,
      specialCategory: type.specialCategory,
      status: 'proposed',
      decidedBy: null,
      decidedAt: null,
      decisionNote: null,
      barrierId: null,
      version: 1,
      createdAt: entry.recordedAt,
    };
    const undecided = keepOpen || (open && (decisionDay >= R || (R - day < 90 && rng.chance(0.6))));
    if (!undecided) {
      const decided = Math.min(decisionDay, last, R);
      // The first decided proposals show both outcomes, so even a small demo has them.
      const shown = this.ctx.decisionsShown;
      const accept = !shown.has('accepted') ? true : !shown.has('rejected') ? false : rng.chance(0.5);
      shown.add(accept ? 'accepted' : 'rejected');
      proposal.status = accept ? 'accepted' : 'rejected';
      proposal.decidedBy = c.caseManagerId;
      proposal.decidedAt = stampOf(Math.max(decided * 1440 + (decided >= R ? 300 : 900), dayOfPrefix(entry.recordedAt) * 1440 + 1));
      if (proposal.decidedAt <= entry.recordedAt) proposal.decidedAt = stampOf(minutesOf(entry.recordedAt) + 5);
      proposal.decisionNote = rng.pick(accept ? PROPOSAL_ACCEPT_NOTES : PROPOSAL_REJECT_NOTES);
      proposal.version = 2;
      if (accept) {
        const provider = ctx.providerById.get(offer.providerId) as DemoProvider;
        const barrier: DemoCaseBarrier = {
          id: this.id(),
          caseId: c.id,
          barrierTypeId: type.id,
          code: type.code,
          severity: 'medium',
          recordedOn: proposal.decidedAt.slice(0, 10),
          recordedBy: c.caseManagerId,
          priority: this.nextPriority,
          indicators: [{ source: 'provider_feedback', note: `Rückmeldung von ${provider.name} vom ${entry.recordedOn}` }],
          note,
          status: 'active',
          createdAt: proposal.decidedAt,
          updatedAt: proposal.decidedAt,
        };
        if (this.nextPriority !== null) this.nextPriority++;
        proposal.barrierId = barrier.id;
        this.out.barriers.push(barrier);
      }
    }
    this.out.proposals.push(proposal);
  }

  private finalReport(
    write: (kind: DemoReferralFeedback['kind'], day: number, fields: Record<string, unknown>) => DemoReferralFeedback,
    day: number,
    texts: ServiceTexts,
    result: ReferralResult | 'dropped_out',
    full: boolean,
  ) {
    const { rng } = this;
    const whereabouts = rng.pick(WHEREABOUTS_BY_RESULT[result]);
    write('final_report', day, {
      reportedOn: isoOf(day),
      whereabouts,
      whereaboutsNote: WHEREABOUTS_NOTES[whereabouts],
      nextSteps: full || rng.chance(0.7) ? rng.pick(texts.nextSteps) : undefined,
      summary: rng.pick(texts.summaries),
      healthNotes: texts.providerHealth && rng.chance(0.4) ? rng.pick(texts.providerHealth) : undefined,
    });
  }

  // ——— case conferences ———

  private conference(kind: ConferenceKind) {
    const { rng, R, ctx, plan } = this;
    const c = plan.c;
    const opened = dayOfPrefix(c.openedOn);
    let day: number;
    let status: DemoConference['status'];
    let actual = kind;
    if ((kind === 'held_present' || kind === 'held_absent') && R - opened < 3) actual = 'planned';
    switch (actual) {
      case 'today':
        day = R;
        status = 'planned';
        break;
      case 'planned':
        day = R + rng.range(1, 35);
        status = 'planned';
        break;
      case 'cancelled':
        day = R - opened >= 3 && rng.chance(0.6) ? R - 1 - rng.int(Math.min(120, R - opened - 1)) : R + rng.range(1, 30);
        status = 'cancelled';
        break;
      default:
        day = R - 1 - rng.int(Math.max(1, Math.min(150, R - opened - 1)));
        status = 'held';
    }
    const minute = actual === 'today' ? 12 * 60 + 30 : (8 + rng.int(6)) * 60 + (rng.chance(0.5) ? 0 : 30);
    const scheduledAt = stampOf(day * 1440 + minute);
    const createdDay = Math.max(opened, Math.min(R, day - rng.range(5, 21)));
    const createdAt = stampOf(createdDay * 1440 + (createdDay >= R ? 300 : 480 + rng.int(300)));
    const manager = c.caseManagerId;
    const conferenceId = this.id();

    // Providers with a referral in this case by then take part.
    const providers = [
      ...new Map(this.referralDays.filter((r) => r.created <= Math.min(day, R)).map((r) => [r.providerId, r.offer])).values(),
    ].slice(0, 2);
    const participants: DemoConferenceParticipant[] = [
      {
        id: this.id(),
        conferenceId,
        position: 0,
        kind: 'internal',
        userId: manager,
        providerId: null,
        name: ctx.managerName.get(manager) ?? 'Fallmanagement',
        organisation: null,
        function: 'Fallmanagement',
      },
    ];
    for (const offer of providers) {
      const provider = ctx.providerById.get(offer.providerId) as DemoProvider;
      participants.push({
        id: this.id(),
        conferenceId,
        position: participants.length,
        kind: 'provider',
        userId: null,
        providerId: provider.id,
        name: offer.contacts[0]?.name ?? provider.contactPerson,
        organisation: provider.name,
        function: offer.contacts[0]?.function ?? null,
      });
    }
    if (rng.chance(providers.length ? 0.35 : 0.8)) {
      const other = rng.pick(OTHER_PARTICIPANTS);
      participants.push({
        id: this.id(),
        conferenceId,
        position: participants.length,
        kind: 'other',
        userId: null,
        providerId: null,
        name: germanName(rng),
        organisation: other.organisation(ctx.places),
        function: other.function,
      });
    }

    const topics = [rng.pick(CONFERENCE_TOPICS)];
    for (const offer of providers) topics.push(rng.pick(textsOf(offer.serviceType).topics));
    if (rng.chance(0.5)) topics.push(rng.pick(CONFERENCE_TOPICS));
    const conference: DemoConference = {
      id: conferenceId,
      caseId: c.id,
      scheduledAt,
      location: rng.chance(0.15)
        ? 'Videokonferenz (Einwahldaten per E-Mail)'
        : providers.length && rng.chance(0.3)
          ? `Räume von ${(ctx.providerById.get((providers[0] as DemoOffer).providerId) as DemoProvider).name}`
          : `Jobcenter, Besprechungsraum ${rng.range(1, 3)}.${String(rng.range(1, 30)).padStart(2, '0')}`,
      status,
      personPresent: null,
      absenceReason: null,
      topics: [...new Set(topics)],
      minutes: null,
      createdBy: manager,
      version: 1,
      createdAt,
      updatedAt: createdAt,
    };
    if (status === 'held') {
      const present = actual !== 'held_absent';
      conference.personPresent = present;
      conference.absenceReason = present ? null : rng.pick(ABSENCE_REASONS);
      conference.minutes = `${rng.pick(MINUTES_OPENINGS)} ${rng.pick(MINUTES_RESULTS)}${present ? ' Die Person war anwesend und hat den Vereinbarungen zugestimmt.' : ''}`;
      conference.version = 2;
      conference.updatedAt = stampOf(day * 1440 + minute + 120);
    } else if (status === 'cancelled') {
      conference.minutes = rng.pick(CANCEL_CONFERENCE_NOTES);
      conference.version = 2;
      const cancelledDay = Math.max(createdDay, Math.min(R, day - rng.int(3)));
      conference.updatedAt = stampOf(Math.max(minutesOf(createdAt) + 10, cancelledDay * 1440 + (cancelledDay >= R ? 310 : 600)));
    }
    this.out.conferences.push(conference);
    this.out.participants.push(...participants);
    if (status === 'held') this.conferenceActions(conference, day, minute, participants);
  }

  private conferenceActions(conference: DemoConference, day: number, minute: number, participants: DemoConferenceParticipant[]) {
    const { rng, R, plan } = this;
    const c = plan.c;
    const manager = c.caseManagerId;
    const providerParticipants = participants.filter((p) => p.kind === 'provider');
    const goals = c.goals.filter((g) => g.status === 'active' && dayOfPrefix(g.createdOn) <= day);
    const count = rng.range(1, 3);
    let stamp = day * 1440 + minute + 150;
    for (let i = 0; i < count; i++) {
      const createdAt = stampOf(stamp);
      stamp += 4;
      const providerParticipant = providerParticipants.length ? rng.pick(providerParticipants) : null;
      // The first possible plan change of the tenant is always made, so every demo shows one.
      const planChange =
        providerParticipant !== null && goals.length > 0 && (!this.ctx.planChangeShown || rng.chance(i === 0 ? 0.5 : 0.35));
      if (planChange) this.ctx.planChangeShown = true;
      const due = day + rng.range(7, planChange ? 60 : 28);
      if (planChange && providerParticipant) {
        const goal = rng.pick(goals);
        const offerService = this.referralDays.find((r) => r.providerId === providerParticipant.providerId)?.offer.serviceType;
        const title = rng.pick(textsOf(offerService ?? 'sgb3_45_activation').subGoals);
        const reached = due < R && rng.chance(0.5);
        const subGoal: DemoPlanSubGoal = {
          id: this.id(),
          caseId: c.id,
          goalId: goal.id,
          title,
          ownerKind: 'provider',
          ownerNote: providerParticipant.organisation,
          dueOn: isoOf(due),
          status: reached ? 'reached' : 'open',
          reviewNote: reached ? 'Laut Rückmeldung des Trägers erreicht.' : null,
          createdAt,
          updatedAt: reached ? stampOf(Math.max(stamp, due * 1440 + (due >= R ? 300 : 600))) : createdAt,
        };
        this.out.subGoals.push(subGoal);
        this.out.actions.push({
          id: this.id(),
          conferenceId: conference.id,
          kind: 'plan_change',
          title,
          dueOn: isoOf(due),
          ownerId: null,
          providerId: providerParticipant.providerId,
          followUpId: null,
          goalId: goal.id,
          subgoalId: subGoal.id,
          createdBy: manager,
          createdAt,
        });
      } else {
        const title = rng.pick(FOLLOW_UP_TITLES);
        const done = due < R && rng.chance(0.7) ? Math.max(day, due - rng.int(4)) : null;
        const followUp: DemoFollowUp = {
          id: this.id(),
          caseId: c.id,
          title,
          dueOn: isoOf(due),
          ownerId: manager,
          doneOn: done === null ? null : isoOf(done),
          doneBy: done === null ? null : manager,
          createdAt,
          updatedAt: done === null ? createdAt : stampOf(Math.max(stamp, done * 1440 + (done >= R ? 300 : 700))),
        };
        this.out.followUps.push(followUp);
        this.out.actions.push({
          id: this.id(),
          conferenceId: conference.id,
          kind: 'follow_up',
          title,
          dueOn: isoOf(due),
          ownerId: manager,
          providerId: providerParticipant && rng.chance(0.3) ? providerParticipant.providerId : null,
          followUpId: followUp.id,
          goalId: null,
          subgoalId: null,
          createdBy: manager,
          createdAt,
        });
      }
    }
  }
}

function minutesOf(stamp: string): number {
  return dayOfPrefix(stamp) * 1440 + Number(stamp.slice(11, 13)) * 60 + Number(stamp.slice(14, 16));
}

/**
 * Records a referral's status steps as they happen: who acted (the provider's staff for the provider's
 * actions, the case manager otherwise), when, and the status before; moves the referral to the new status.
 */
export function referralTransitionRecorder(on: {
  referral: { id: string; status: ReferralStatus; createdAt: string };
  transitions: DemoReferralTransition[];
  nextId: () => string;
  clock: Clock;
  staff: string;
  manager: string;
}): (action: ReferralAction | 'create', to: ReferralStatus, day: number, reason: string | null) => void {
  const { referral, transitions, clock, staff, manager } = on;
  return (action, to, day, reason) => {
    const provider = action !== 'create' && ['accept', 'decline', 'start', 'not_start', 'complete', 'drop_out'].includes(action);
    transitions.push({
      id: on.nextId(),
      referralId: referral.id,
      action,
      fromStatus: action === 'create' ? null : referral.status,
      toStatus: to,
      actorId: provider ? staff : manager,
      actorSide: provider ? 'provider' : 'jobcenter',
      at: action === 'create' ? referral.createdAt : clock.at(day),
      reason,
    });
    referral.status = to;
  };
}

/**
 * Records the provider's feedback on a referral, keeping only the fields its consent covers (special
 * categories only where `special` says so); a report also becomes the referral's last report.
 */
export function referralFeedbackWriter(on: {
  referral: { id: string; lastReportOn: string | null };
  feedback: DemoReferralFeedback[];
  nextId: () => string;
  clock: Clock;
  staff: string;
  categories: readonly ConsentCategory[];
}): (kind: DemoReferralFeedback['kind'], day: number, fields: Record<string, unknown>, special?: boolean) => DemoReferralFeedback {
  const { referral, feedback, clock, staff, categories } = on;
  return (kind, day, fields, special = false) => {
    const covered = coveredWrite(fields, categories, special);
    const entry: DemoReferralFeedback = {
      id: on.nextId(),
      referralId: referral.id,
      kind,
      categories: covered.categories,
      recordedOn: isoOf(day),
      recordedBy: staff,
      recordedAt: clock.at(day),
      fields: covered.fields,
    };
    feedback.push(entry);
    if (kind === 'interim_report' || kind === 'final_report') referral.lastReportOn = isoOf(day);
    return entry;
  };
}

/**
 * Lazily yields the cooperation of each case that has any (consents, referrals, conferences).
 * Deterministic for the options; planning is one pass over the cases, building a second one.
 */
export function* generateDemoCooperation(options: GenerateCooperationOptions): Generator<DemoCaseCooperation> {
  const R = dayOfPrefix(options.referenceDate);
  const { network } = options;
  for (const provider of network.providers)
    if (!options.providerStaffIds[provider.id]) throw new Error(`providerStaffIds lacks provider ${provider.id} (${provider.name})`);
  const locationsByOffer = new Map<string, DemoOfferLocation[]>();
  for (const location of network.locations)
    locationsByOffer.set(location.offerId, [...(locationsByOffer.get(location.offerId) ?? []), location]);
  const ctx: Context = {
    rng: seededRng('cooperation', options.seed, options.tenantIndex),
    ids: seededRng('cooperation-ids', options.seed, options.tenantIndex),
    R,
    places: placesOf(demoDistrict(options.tenantIndex)),
    network,
    providerById: new Map(network.providers.map((p) => [p.id, p])),
    agreementByProvider: new Map(network.agreements.map((a) => [a.providerId, a])),
    locationsByOffer,
    typeById: new Map(options.barrierTypes.map((t) => [t.id, t])),
    typeByCode: new Map(options.barrierTypes.map((t) => [t.code, t])),
    managerName: new Map(options.caseManagers.map((m) => [m.id, m.displayName])),
    staff: options.providerStaffIds,
    login: options.caseManagers[0]?.id ?? null,
    planChangeShown: false,
    decisionsShown: new Set(),
  };
  for (const plan of planAll(ctx, options.cases)) {
    if (plan.slots.length === 0 && plan.conferences.length === 0) continue;
    yield new CaseCooperationBuilder(ctx, plan).build();
  }
}
