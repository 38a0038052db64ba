import type { Role } from '@lotse/domain';
import { hasAnyRole } from '@lotse/domain';
import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { Loading, PageHeader, ProblemAlert, usePageTitle } from '../../components/Page';
import { t } from '../../i18n';
import { type LoginLocationState, useSession } from './session';

/** Renders children only with a session; otherwise goes to the login page and remembers the path. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { session, status, error, retry, loggedOut } = useSession();
  const location = useLocation();
  if (status === 'loading') {
    return (
      <main id="inhalt" className="centered-page">
        <Loading />
      </main>
    );
  }
  if (status === 'error') {
    return (
      <main id="inhalt" className="centered-page">
        <h1>{t('app.name')}</h1>
        <ProblemAlert error={error} onRetry={retry} />
      </main>
    );
  }
  if (!session) {
    const state: LoginLocationState = loggedOut ? { flash: t('app.loggedOut') } : { from: `${location.pathname}${location.search}` };
    return <Navigate to="/anmelden" replace state={state} />;
  }
  return <>{children}</>;
}

/** Shows a "Keine Berechtigung" page unless the user holds one of the roles. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { roles: userRoles } = useSession();
  if (!hasAnyRole(userRoles, roles)) return <Forbidden />;
  return <>{children}</>;
}

export function Forbidden() {
  usePageTitle(t('error.forbiddenTitle'));
  return (
    <>
      <PageHeader title={t('error.forbiddenTitle')} />
      <p>{t('error.forbiddenText')}</p>
      <p>
        <Link to="/">{t('error.toStart')}</Link>
      </p>
    </>
  );
}
