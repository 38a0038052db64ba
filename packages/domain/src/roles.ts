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
