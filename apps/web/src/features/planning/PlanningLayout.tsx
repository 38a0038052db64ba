import { NavLink, Outlet, useSearchParams } from 'react-router';
import { type MessageKey, t } from '../../i18n';
import './planning.css';

const LINKS: { path: string; label: MessageKey; end?: boolean }[] = [
  { path: '/planung', label: 'planning.navDashboard', end: true },
  { path: '/planung/soll-ist', label: 'planning.navPlan' },
  { path: '/planung/kosten', label: 'planning.navCosts' },
];

/** Needs planning: a sub-navigation (Übersicht / Soll-Ist / Kosten) that keeps the chosen year. */
export function PlanningLayout() {
  const [params] = useSearchParams();
  const year = params.get('jahr');
  const suffix = year && /^\d{4}$/.test(year) ? `?jahr=${year}` : '';
  return (
    <div className="planning">
      <nav aria-label={t('planning.navLabel')} className="sub-nav">
        <ul>
          {LINKS.map((l) => (
            <li key={l.path}>
              <NavLink to={`${l.path}${suffix}`} end={l.end} className="sub-nav__link">
                {t(l.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
