import { AUDIT_READERS, CASE_READERS, CATALOGUE_ADMINS, PERSON_READERS, PERSON_WRITERS, USER_ADMINS } from '@lotse/domain';
import { createBrowserRouter, Outlet, ScrollRestoration } from 'react-router';
import { AdminLayout } from '../features/admin/AdminLayout';
import { BarrierCataloguePage } from '../features/admin/BarrierCataloguePage';
import { BarrierTypeCreatePage } from '../features/admin/BarrierTypeCreatePage';
import { BarrierTypeEditPage } from '../features/admin/BarrierTypeEditPage';
import { CaseRulesPage } from '../features/admin/CaseRulesPage';
import { AuditPage } from '../features/audit/AuditPage';
import { RequireAuth, RequireRole } from '../features/auth/guards';
import { LoginPage } from '../features/auth/LoginPage';
import { SessionProvider } from '../features/auth/session';
import { caseloadRoutes } from '../features/caseloads/routes';
import { CaseFilePage } from '../features/cases/CaseFilePage';
import { CaseListPage } from '../features/cases/CaseListPage';
import { caseFileTabRoutes } from '../features/cases/caseFileRoutes';
import { portalConferenceRoutes } from '../features/conferences/routes';
import { cooperationRoutes } from '../features/cooperation/routes';
import { HouseholdCreatePage } from '../features/households/HouseholdCreatePage';
import { HouseholdPage } from '../features/households/HouseholdPage';
import { organisationRoutes } from '../features/organisation/routes';
import { organisationModelRoutes } from '../features/organisation-model/routes';
import { PersonCreatePage } from '../features/persons/PersonCreatePage';
import { PersonPage } from '../features/persons/PersonPage';
import { PersonSearchPage } from '../features/persons/PersonSearchPage';
import { planningRoutes } from '../features/planning/routes';
import { portalRoutes } from '../features/portal/routes';
import { reportRoutes } from '../features/reports/routes';
import { sanctionRoutes } from '../features/sanctions/routes';
import { statisticsRoutes } from '../features/statistics/routes';

import { UserCreatePage } from '../features/users/UserCreatePage';
import { UserEditPage } from '../features/users/UserEditPage';
import { UserListPage } from '../features/users/UserListPage';
import { WorkTodayPage } from '../features/work/WorkTodayPage';
import { AppShell } from './AppShell';
import { MY_WORK_ROLES } from './navigation';
import { CrashPage, NotFoundPage, StartRedirect } from './pages';

function Root() {
  return (
    <SessionProvider>
      <ScrollRestoration />
      <Outlet />
    </SessionProvider>
  );
}

/**
 * Routes. Paths are German and carry no personal data (search terms stay in the page state);
 * the API server answers every non-/api path with index.html (history fallback).
 */
export const router = createBrowserRouter([
  {
    element: <Root />,
    errorElement: <CrashPage />,
    children: [
      { path: '/anmelden', element: <LoginPage /> },
      {
        element: (
          <RequireAuth>
            <AppShell />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <StartRedirect /> },
          {
            path: 'arbeit',
            element: (
              <RequireRole roles={MY_WORK_ROLES}>
                <WorkTodayPage />
              </RequireRole>
            ),
          },
          {
            path: 'faelle',
            element: (
              <RequireRole roles={CASE_READERS}>
                <Outlet />
              </RequireRole>
            ),
            children: [{ index: true, element: <CaseListPage /> }],
          },
          {
            // Fallakte: one page with the sections as sub-routes (tabs).
            path: 'faelle/:id',
            element: (
              <RequireRole roles={CASE_READERS}>
                <CaseFilePage />
              </RequireRole>
            ),
            children: caseFileTabRoutes,
          },
          {
            path: 'personen',
            element: (
              <RequireRole roles={PERSON_READERS}>
                <Outlet />
              </RequireRole>
            ),
            children: [
              { index: true, element: <PersonSearchPage /> },
              {
                path: 'neu',
                element: (
                  <RequireRole roles={PERSON_WRITERS}>
                    <PersonCreatePage />
                  </RequireRole>
                ),
              },
              { path: ':id', element: <PersonPage /> },
            ],
          },
          {
            path: 'bedarfsgemeinschaften',
            element: (
              <RequireRole roles={PERSON_READERS}>
                <Outlet />
              </RequireRole>
            ),
            children: [
              {
                path: 'neu',
                element: (
                  <RequireRole roles={PERSON_WRITERS}>
                    <HouseholdCreatePage />
                  </RequireRole>
                ),
              },
              { path: ':id', element: <HouseholdPage /> },
            ],
          },
          {
            path: 'verwaltung',
            element: <AdminLayout />,
            children: [
              {
                path: 'benutzer',
                element: (
                  <RequireRole roles={USER_ADMINS}>
                    <Outlet />
                  </RequireRole>
                ),
                children: [
                  { index: true, element: <UserListPage /> },
                  { path: 'neu', element: <UserCreatePage /> },
                  { path: ':id', element: <UserEditPage /> },
                ],
              },
              {
                path: 'katalog',
                element: (
                  <RequireRole roles={CATALOGUE_ADMINS}>
                    <Outlet />
                  </RequireRole>
                ),
                children: [
                  { index: true, element: <BarrierCataloguePage /> },
                  { path: 'neu', element: <BarrierTypeCreatePage /> },
                  { path: ':id', element: <BarrierTypeEditPage /> },
                ],
              },
              {
                path: 'fallregeln',
                element: (
                  <RequireRole roles={CATALOGUE_ADMINS}>
                    <CaseRulesPage />
                  </RequireRole>
                ),
              },
            ],
          },
          {
            path: 'datenschutz/protokolle',
            element: (
              <RequireRole roles={AUDIT_READERS}>
                <AuditPage />
              </RequireRole>
            ),
          },
          ...cooperationRoutes,
          ...portalRoutes,
          ...portalConferenceRoutes,
          ...planningRoutes,
          ...organisationRoutes,
          ...organisationModelRoutes,
          ...statisticsRoutes,
          ...reportRoutes,
          ...sanctionRoutes,
          ...caseloadRoutes,
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
