import { type MouseEvent, useCallback, useEffect, useRef, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { type FlashState, StatusContext } from '../components/Status';
import { useRequiredSession, useSession } from '../features/auth/session';
import { t } from '../i18n';
import { areasFor, type NavArea } from './navigation';

function focusMain(e: MouseEvent<HTMLAnchorElement>) {
  e.preventDefault();
  const main = document.getElementById('inhalt');
  main?.focus();
  main?.scrollIntoView();
}

/** Households belong to the person area, every /verwaltung page to the admin area; sub-pages count as the area. */
function isInArea(area: NavArea, pathname: string): boolean {
  if (!area.path) return false;
  if (pathname === area.path || pathname.startsWith(`${area.path}/`)) return true;
  if (area.key === 'admin') return pathname.startsWith('/verwaltung/');
  return area.key === 'persons' && pathname.startsWith('/bedarfsgemeinschaften');
}

export function AppShell() {
  const session = useRequiredSession();
  const { signOut } = useSession();
  const location = useLocation();
  const [message, setMessage] = useState<{ text: string; n: number } | null>(null);
  const firstRender = useRef(true);
  const flash = (location.state as FlashState | null)?.flash;

  // A new page: clear old messages and move focus to its heading (announces the page change).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every navigation
  useEffect(() => {
    setMessage(null);
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const frame = requestAnimationFrame(() => {
      document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [location.pathname]);

  const announce = useCallback((text: string) => setMessage((m) => ({ text, n: (m?.n ?? 0) + 1 })), []);
  const shown = message?.text ?? flash;

  return (
    <StatusContext.Provider value={announce}>
      {/* biome-ignore lint/a11y/useValidAnchor: a real skip link; JS only moves focus without adding #inhalt to the URL */}
      <a href="#inhalt" className="skip-link" onClick={focusMain}>
        {t('app.skipLink')}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand__name">{t('app.name')}</span>
          <span className="brand__tenant">
            <span className="visually-hidden">{t('app.jobcenter')}: </span>
            {session.tenant.name}
          </span>
        </div>
        <div className="user-box">
          <span className="user-box__name">
            <span className="visually-hidden">{t('app.signedInAs')} </span>
            {session.user.displayName}
          </span>
          <button type="button" className="button button--header" onClick={() => void signOut()}>
            {t('app.logout')}
          </button>
        </div>
      </header>
      <div className="app-body">
        <nav aria-label={t('nav.label')} className="app-nav">
          <ul>
            {areasFor(session.user.roles).map((area) =>
              area.path ? (
                <li key={area.key}>
                  <Link to={area.path} className="nav-link" aria-current={isInArea(area, location.pathname) ? 'page' : undefined}>
                    {t(area.label)}
                  </Link>
                </li>
              ) : (
                <li key={area.key} className="nav-item--pending" aria-disabled="true">
                  {t(area.label)} <span className="nav-pending">{t('nav.comingSoon')}</span>
                </li>
              ),
            )}
          </ul>
        </nav>
        <main id="inhalt" tabIndex={-1} className="app-main">
          <div role="status" className="status-region">
            {shown ? (
              <p className="banner banner--success" key={message?.n ?? 'flash'}>
                {shown}
              </p>
            ) : null}
          </div>
          <Outlet />
        </main>
      </div>
    </StatusContext.Provider>
  );
}
