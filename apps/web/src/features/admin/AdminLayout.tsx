import {
  CASELOAD_ADMINS,
  CATALOGUE_ADMINS,
  hasAnyRole,
  ORGANISATION_ADMINS,
  ORGANISATION_MODEL_ADMINS,
  type Role,
  USER_ADMINS,
} from '@lotse/domain';
import { NavLink, Outlet } from 'react-router';
import { type MessageKey, t } from '../../i18n';
import { useSession } from '../auth/session';

const ADMIN_LINKS: { path: string; label: MessageKey; roles: readonly Role[] }[] = [
  { path: '/verwaltung/benutzer', label: 'admin.navUsers', roles: USER_ADMINS },
  { path: '/verwaltung/katalog', label: 'admin.navCatalogue', roles: CATALOGUE_ADMINS },
  { path: '/verwaltung/fallregeln', label: 'admin.navRules', roles: CATALOGUE_ADMINS },
  { path: '/verwaltung/sanktionsregeln', label: 'sanctions.navRules', roles: CATALOGUE_ADMINS },
  { path: '/verwaltung/fallschluessel', label: 'caseloads.navTargets', roles: CASELOAD_ADMINS },
  { path: '/verwaltung/sozialraeume', label: 'organisation.navRegions', roles: ORGANISATION_ADMINS },
  { path: '/verwaltung/teams', label: 'organisation.navTeams', roles: ORGANISATION_ADMINS },
  { path: '/verwaltung/organisationsmodell', label: 'orgModel.nav', roles: ORGANISATION_MODEL_ADMINS },
];

/** The administration area: a small sub-navigation (Benutzer / Katalog / Fallregeln / Sozialräume / Teams) above each admin page. */
export function AdminLayout() {
  const { roles } = useSession();
  const links = ADMIN_LINKS.filter((l) => hasAnyRole(roles, l.roles));
  return (
    <>
      {links.length > 1 ? (
        <nav aria-label={t('admin.navLabel')} className="sub-nav">
          <ul>
            {links.map((l) => (
              <li key={l.path}>
                <NavLink to={l.path} className="sub-nav__link">
                  {t(l.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <Outlet />
    </>
  );
}
