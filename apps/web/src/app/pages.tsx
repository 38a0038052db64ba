import { Link, Navigate, useRouteError } from 'react-router';
import { PageHeader, usePageTitle } from '../components/Page';
import { useSession } from '../features/auth/session';
import { t } from '../i18n';
import { startPathFor } from './navigation';

/** "/": goes to the user's start area ("Meine Arbeit heute", user list or audit view). */
export function StartRedirect() {
  const { roles } = useSession();
  const path = startPathFor(roles);
  if (path) return <Navigate to={path} replace />;
  return <Welcome />;
}

function Welcome() {
  usePageTitle(t('start.title'));
  return (
    <>
      <PageHeader title={t('start.title')} />
      <p>{t('start.noAreas')}</p>
    </>
  );
}

export function NotFoundPage() {
  usePageTitle(t('error.notFoundTitle'));
  return (
    <>
      <PageHeader title={t('error.notFoundTitle')} />
      <p>{t('error.notFoundText')}</p>
      <p>
        <Link to="/">{t('error.toStart')}</Link>
      </p>
    </>
  );
}

/** Last resort when rendering throws: a plain page without the shell. */
export function CrashPage() {
  const error = useRouteError();
  if (error) console.error(error);
  return (
    <main id="inhalt" className="centered-page">
      <h1>{t('error.crashTitle')}</h1>
      <p>{t('error.crashText')}</p>
      <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
        {t('error.reload')}
      </button>
    </main>
  );
}
