/** Roles of SPEC §1. A user may hold several. */
export const ROLES = [
  'case_manager',
  'placement_officer',
  'benefits_officer',
  'coordinator',
  'team_lead',
  'social_planner',
  'provider_staff',
  'data_protection',
  'admin',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS_DE: Record<Role, string> = {
  case_manager: 'Fallmanagement',
  placement_officer: 'Integrationsfachkraft / Arbeitsvermittlung',
  benefits_officer: 'Leistungssachbearbeitung',
  coordinator: 'Koordination § 16a',
  team_lead: 'Teamleitung / Controlling',
  social_planner: 'Kommunale Sozialplanung',
  provider_staff: 'Leistungserbringer',
  data_protection: 'Datenschutz',
  admin: 'Administration',
};

/**
 * Who may see and change person master data (need-to-know, C15).
 * Planners, providers, coordinators, data protection and administrators never browse persons.
 */
export const PERSON_READERS: readonly Role[] = ['case_manager', 'placement_officer', 'benefits_officer', 'team_lead'];
export const PERSON_WRITERS: readonly Role[] = ['case_manager', 'placement_officer', 'benefits_officer'];
export const USER_ADMINS: readonly Role[] = ['admin'];
export const AUDIT_READERS: readonly Role[] = ['data_protection'];

export function hasAnyRole(userRoles: readonly Role[], allowed: readonly Role[]): boolean {
  return userRoles.some((r) => allowed.includes(r));
}

/** Who may open case files (C2): the staff who work with persons. Team leads read for steering. */
export const CASE_READERS: readonly Role[] = PERSON_READERS;
/** Who may open cases and, as the responsible case manager, work on them. */
export const CASE_MANAGERS: readonly Role[] = ['case_manager'];
/** Who may change a case's master data: its case manager, or a team lead reassigning it. */
export const CASE_ASSIGNERS: readonly Role[] = ['case_manager', 'team_lead'];
/** Who maintains the barrier catalogue and the tenant's case rules. */
export const CATALOGUE_ADMINS: readonly Role[] = ['admin'];

/** Who maintains providers, offers, cooperation agreements and the handbook (SPEC C6). */
export const COOPERATION_ADMINS: readonly Role[] = ['coordinator'];
/**
 * Who reads the offer catalogue and providers: the staff who refer, the coordinators who keep it, team
 * leads, and administrators (they assign provider staff to their provider).
 */
export const OFFER_READERS: readonly Role[] = ['case_manager', 'placement_officer', 'coordinator', 'team_lead', 'admin'];
/** Who watches feedback discipline across providers (overdue lists without person data). */
export const FEEDBACK_WATCHERS: readonly Role[] = ['coordinator', 'team_lead'];
/** Provider staff: the provider portal, and nothing of the Jobcenter's own files. */
export const PROVIDER_PORTAL: readonly Role[] = ['provider_staff'];
/** Who reads the handbook: every staff role that works with people or offers. */
export const HANDBOOK_READERS: readonly Role[] = ['case_manager', 'placement_officer', 'benefits_officer', 'coordinator', 'team_lead'];

/**
 * Who reads needs planning (SPEC C12): the municipal social planning, the § 16a coordination and team
 * leads. Planners and coordinators never see a person, so their figures are suppressed below the
 * tenant's minimum ({@link planningFiguresSuppressedFor}); team leads read case files anyway.
 */
export const PLANNING_READERS: readonly Role[] = ['social_planner', 'coordinator', 'team_lead'];
/** Who sets the yearly plan (monthly targets per service type) and the offers' yearly budgets. */
export const PLAN_EDITORS: readonly Role[] = ['social_planner', 'coordinator'];
/** Who reads quality indicators and provider reports of all providers (SPEC C13). */
export const QUALITY_READERS: readonly Role[] = ['team_lead', 'coordinator'];
/** Who records what a case cost (invoice check of per-case financed offers). */
export const CHARGE_RECORDERS: readonly Role[] = ['coordinator'];
/** Who produces the § 51b delivery (XSozial Modul 13); it names persons by customer number. */
export const STATISTICS_OFFICERS: readonly Role[] = ['team_lead'];

/** Who maintains the planning regions (Sozialräume) and teams, and puts staff into teams. */
export const ORGANISATION_ADMINS: readonly Role[] = ['admin'];
/** Who reads the regions and teams: needs planning (its dimensions) and the administrators. */
export const ORGANISATION_READERS: readonly Role[] = [...PLANNING_READERS, ...ORGANISATION_ADMINS];
/**
 * Who reads the organisation model of customer care (SPEC C14) and its derived IAW type: the staff it
 * routes work to, team leads, the § 16a coordination and administrators. Only administrators change it
 * and reassign open cases in bulk.
 */
export const ORGANISATION_MODEL_READERS: readonly Role[] = [
  'case_manager',
  'placement_officer',
  'benefits_officer',
  'coordinator',
  'team_lead',
  'admin',
];
export const ORGANISATION_MODEL_ADMINS: readonly Role[] = ['admin'];

/**
 * Who reads caseloads per person and team against their targets and compares organisation models
 * (SPEC C14): team leads and the § 16a coordination for steering, administrators who set the targets.
 * The figures name staff, never a customer.
 */
export const CASELOAD_READERS: readonly Role[] = ['team_lead', 'coordinator', 'admin'];
/** Who sets the caseload targets per role and age group. */
export const CASELOAD_ADMINS: readonly Role[] = ['admin'];

/** Planning figures are suppressed for everyone who may not read case files. */
export function planningFiguresSuppressedFor(userRoles: readonly Role[]): boolean {
  return !hasAnyRole(userRoles, PERSON_READERS);
}
