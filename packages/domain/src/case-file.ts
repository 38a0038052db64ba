/**
 * Vocabulary of the case file (SPEC C3, C4, C9, C11): service types, barrier phases, indicators,
 * plan statuses, life areas, contact kinds and the contact-density rule. Pure data and rules.
 */

/** Service types (Leistungsarten): § 16a Nr. 1–4 SGB II and the other instruments of SPEC C6. */
export const SERVICE_TYPES = [
  'childcare_care',
  'debt_counselling',
  'psychosocial_support',
  'addiction_counselling',
  'insolvency_counselling',
  'sgb2_16d_work_opportunity',
  'sgb2_16e_wage_subsidy',
  'sgb2_16i_social_participation',
  'sgb2_16k_health_coaching',
  'sgb3_45_activation',
  'housing_support',
  'language_course',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export const SERVICE_TYPE_LABELS_DE: Record<ServiceType, string> = {
  childcare_care: 'Kinderbetreuung / häusliche Pflege von Angehörigen (§ 16a Nr. 1 SGB II)',
  debt_counselling: 'Schuldnerberatung (§ 16a Nr. 2 SGB II)',
  psychosocial_support: 'Psychosoziale Betreuung (§ 16a Nr. 3 SGB II)',
  addiction_counselling: 'Suchtberatung (§ 16a Nr. 4 SGB II)',
  insolvency_counselling: 'Insolvenzberatung',
  sgb2_16d_work_opportunity: 'Arbeitsgelegenheit (§ 16d SGB II)',
  sgb2_16e_wage_subsidy: 'Eingliederung von Langzeitarbeitslosen (§ 16e SGB II)',
  sgb2_16i_social_participation: 'Teilhabe am Arbeitsmarkt (§ 16i SGB II)',
  sgb2_16k_health_coaching: 'Ganzheitliche Betreuung (§ 16k SGB II)',
  sgb3_45_activation: 'Maßnahme zur Aktivierung und beruflichen Eingliederung (§ 45 SGB III)',
  housing_support: 'Wohnungsnotfallhilfe / Wohnraumsicherung',
  language_course: 'Sprachförderung (Integrations-/Berufssprachkurs)',
};

/** Groups of the barrier catalogue, after the BA four-phase model (SPEC C3). */
export const BARRIER_PHASES = ['qualification', 'performance_health', 'motivation', 'framework', 'labour_market'] as const;
export type BarrierPhase = (typeof BARRIER_PHASES)[number];

export const BARRIER_PHASE_LABELS_DE: Record<BarrierPhase, string> = {
  qualification: 'Qualifikation',
  performance_health: 'Leistungsfähigkeit und Gesundheit',
  motivation: 'Motivation',
  framework: 'Rahmenbedingungen',
  labour_market: 'Arbeitsmarktbedingungen',
};

export const BARRIER_SEVERITIES = ['low', 'medium', 'high'] as const;
export type BarrierSeverity = (typeof BARRIER_SEVERITIES)[number];
export const BARRIER_SEVERITY_LABELS_DE: Record<BarrierSeverity, string> = {
  low: 'gering',
  medium: 'mittel',
  high: 'schwerwiegend',
};

/** Indicators of a barrier (seed 003 §3.1 e): hard facts and soft signs, each with its source. */
export const INDICATOR_SOURCES = {
  hard: ['document', 'medical_report', 'disability_card', 'payment_arrears', 'repeated_lack_of_funds'],
  soft: ['own_statement', 'provider_feedback', 'employer_feedback', 'observation'],
} as const;
export type IndicatorKind = keyof typeof INDICATOR_SOURCES;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[IndicatorKind][number];
export const INDICATOR_SOURCE_LABELS_DE: Record<IndicatorSource, string> = {
  document: 'Unterlagen / Nachweise',
  medical_report: 'Ärztliches Gutachten / Befund',
  disability_card: 'Schwerbehindertenausweis',
  payment_arrears: 'Zahlungsrückstände',
  repeated_lack_of_funds: 'Wiederholte Mittellosigkeit',
  own_statement: 'Eigene Angaben der Person',
  provider_feedback: 'Rückmeldung eines Trägers',
  employer_feedback: 'Rückmeldung eines Arbeitgebers',
  observation: 'Beobachtung der Fachkraft',
};

export function indicatorKindOf(source: IndicatorSource): IndicatorKind {
  return (INDICATOR_SOURCES.hard as readonly string[]).includes(source) ? 'hard' : 'soft';
}

export const RESOURCE_CATEGORIES = ['skills', 'experience', 'social_network', 'personal_strengths', 'health', 'other'] as const;
export type ResourceCategory = (typeof RESOURCE_CATEGORIES)[number];
export const RESOURCE_CATEGORY_LABELS_DE: Record<ResourceCategory, string> = {
  skills: 'Kenntnisse und Fähigkeiten',
  experience: 'Berufserfahrung',
  social_network: 'Soziales Umfeld / Unterstützung',
  personal_strengths: 'Persönliche Stärken',
  health: 'Gesundheitliche Ressourcen',
  other: 'Sonstiges',
};

/** Help plan (C4). */
export const SUBGOAL_OWNER_KINDS = ['person', 'case_manager', 'provider'] as const;
export type SubGoalOwnerKind = (typeof SUBGOAL_OWNER_KINDS)[number];
export const SUBGOAL_OWNER_LABELS_DE: Record<SubGoalOwnerKind, string> = {
  person: 'Leistungsberechtigte Person',
  case_manager: 'Fallmanagement',
  provider: 'Träger',
};
export const SUBGOAL_STATUSES = ['open', 'reached', 'partly_reached', 'missed', 'dropped'] as const;
export type SubGoalStatus = (typeof SUBGOAL_STATUSES)[number];
export const SUBGOAL_STATUS_LABELS_DE: Record<SubGoalStatus, string> = {
  open: 'offen',
  reached: 'erreicht',
  partly_reached: 'teilweise erreicht',
  missed: 'nicht erreicht',
  dropped: 'verworfen',
};
export const GOAL_STATUSES = ['active', 'reached', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export const GOAL_STATUS_LABELS_DE: Record<GoalStatus, string> = { active: 'aktiv', reached: 'erreicht', dropped: 'verworfen' };

/** Contacts and follow-ups (C11). */
export const CONTACT_KINDS = ['meeting', 'phone', 'letter', 'home_visit'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export const CONTACT_KIND_LABELS_DE: Record<ContactKind, string> = {
  meeting: 'Persönliches Gespräch',
  phone: 'Telefonat',
  letter: 'Brief',
  home_visit: 'Hausbesuch',
};

export const CASE_PRIORITIES = ['high', 'medium', 'low'] as const;
export type CasePriority = (typeof CASE_PRIORITIES)[number];
export const CASE_PRIORITY_LABELS_DE: Record<CasePriority, string> = { high: 'hoch', medium: 'mittel', low: 'niedrig' };

/** Default days between contacts by priority (seed 003 §3.1 c); tenants and cases may override. */
export const DEFAULT_CONTACT_DENSITY_DAYS: Record<CasePriority, number> = { high: 14, medium: 28, low: 56 };

/** Adds whole days to an ISO date (UTC arithmetic, no time zone involved). */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both ISO dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The date by which the next contact is due: the last contact (or the case's start when there was
 * none) plus the density. Overdue when that date lies before today.
 */
export function nextContactDue(lastContactOn: string | null, caseOpenedOn: string, densityDays: number): string {
  return addDays(lastContactOn ?? caseOpenedOn, densityDays);
}

/** Client satisfaction at closing (C9), 1 = very dissatisfied … 5 = very satisfied. */
export const SATISFACTION_LABELS_DE: Record<1 | 2 | 3 | 4 | 5, string> = {
  1: 'sehr unzufrieden',
  2: 'eher unzufrieden',
  3: 'teils, teils',
  4: 'eher zufrieden',
  5: 'sehr zufrieden',
};
