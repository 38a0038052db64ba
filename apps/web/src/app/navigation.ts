import {
  AUDIT_READERS,
  CASE_READERS,
  CASELOAD_READERS,
  COOPERATION_ADMINS,
  FEEDBACK_WATCHERS,
  HANDBOOK_READERS,
  hasAnyRole,
  OFFER_READERS,
  PERSON_READERS,
  PLANNING_READERS,
  PROVIDER_PORTAL,
  PROVIDER_REPORT_READERS,
  type Role,
  STATISTICS_OFFICERS,
  USER_ADMINS,
} from '@lotse/domain';
import type { MessageKey } from '../i18n';

export interface NavArea {
  key: string;
  label: MessageKey;
  /** Path of the area's screen; null while the area is not built yet ("folgt"). */
  path: string | null;
  roles: readonly Role[];
}

const CASE_WORKERS: readonly Role[] = ['case_manager', 'placement_officer', 'benefits_officer'];
/** Who has "Meine Arbeit heute" (GET /api/work/today): the staff who work on cases, and team leads. */
export const MY_WORK_ROLES: readonly Role[] = [...CASE_WORKERS, 'team_lead'];

/** The areas of SPEC §2 in menu order, with the roles that may use them. */
export const NAV_AREAS: readonly NavArea[] = [
  { key: 'my-work', label: 'nav.myWork', path: '/arbeit', roles: MY_WORK_ROLES },
  { key: 'persons', label: 'nav.persons', path: '/personen', roles: PERSON_READERS },
  { key: 'cases', label: 'nav.cases', path: '/faelle', roles: CASE_READERS },
  { key: 'portal', label: 'nav.portal', path: '/portal', roles: PROVIDER_PORTAL },
  { key: 'offers', label: 'nav.offers', path: '/angebote', roles: OFFER_READERS },
  { key: 'cooperation', label: 'nav.cooperation', path: '/kooperation', roles: [...COOPERATION_ADMINS, ...FEEDBACK_WATCHERS] },
  { key: 'handbook', label: 'nav.handbook', path: '/handbuch', roles: HANDBOOK_READERS },
  { key: 'planning', label: 'nav.planning', path: '/planung', roles: PLANNING_READERS },
  // Quality readers, provider-report readers (incl. planners), statistics officers and caseload readers; the hub shows each report only to its roles.
  {
    key: 'reports',
    label: 'nav.reports',
    path: '/berichte',
    roles: [...new Set([...PROVIDER_REPORT_READERS, ...STATISTICS_OFFICERS, ...CASELOAD_READERS])],
  },
  { key: 'data-protection', label: 'nav.dataProtection', path: '/datenschutz/protokolle', roles: AUDIT_READERS },
  { key: 'admin', label: 'nav.admin', path: '/verwaltung/benutzer', roles: USER_ADMINS },
];

export function areasFor(roles: readonly Role[]): NavArea[] {
  return NAV_AREAS.filter((a) => hasAnyRole(roles, a.roles));
}

/** The start page after login: the first area with a screen. */
export function startPathFor(roles: readonly Role[]): string | null {
  if (hasAnyRole(roles, MY_WORK_ROLES)) return '/arbeit';
  if (hasAnyRole(roles, PROVIDER_PORTAL)) return '/portal';
  // Municipal planners see only the planning aggregates: they start there.
  if (hasAnyRole(roles, ['social_planner'])) return '/planung';
  if (hasAnyRole(roles, COOPERATION_ADMINS)) return '/kooperation';
  if (hasAnyRole(roles, PERSON_READERS)) return '/personen';
  if (hasAnyRole(roles, USER_ADMINS)) return '/verwaltung/benutzer';
  if (hasAnyRole(roles, AUDIT_READERS)) return '/datenschutz/protokolle';
  return null;
}
