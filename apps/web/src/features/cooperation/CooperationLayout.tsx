import { NavLink, Outlet } from 'react-router';
import { type MessageKey, t } from '../../i18n';

const LINKS: { path: string; label: MessageKey }[] = [
  { path: '/kooperation/ueberfaellig', label: 'cooperation.navOverdue' },
  { path: '/kooperation/traeger', label: 'cooperation.navProviders' },
  { path: '/kooperation/vereinbarungen', label: 'cooperation.navAgreements' },
];

/** The coordinator's area: a sub-navigation (Überfällige Rückmeldungen / Träger / Vereinbarungen) above each page. */
export function CooperationLayout() {
  return (
    <>
      <nav aria-label={t('cooperation.navLabel')} className="sub-nav">
        <ul>
          {LINKS.map((l) => (
            <li key={l.path}>
              <NavLink to={l.path} className="sub-nav__link">
                {t(l.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
