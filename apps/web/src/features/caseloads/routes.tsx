import { CASELOAD_ADMINS, CASELOAD_READERS } from '@lotse/domain';
import type { RouteObject } from 'react-router';
import { AdminLayout } from '../admin/AdminLayout';
import { RequireRole } from '../auth/guards';
import { CaseloadsPage } from './CaseloadsPage';
import { CaseloadTargetsPage } from './CaseloadTargetsPage';

/** The caseload targets in the administration area, and the caseload report below /berichte. */
export const caseloadRoutes: RouteObject[] = [
  {
    path: 'verwaltung',
    element: <AdminLayout />,
    children: [
      {
        path: 'fallschluessel',
        element: (
          <RequireRole roles={CASELOAD_ADMINS}>
            <CaseloadTargetsPage />
          </RequireRole>
        ),
      },
    ],
  },
  {
    path: 'berichte/fallbelastung',
    element: (
      <RequireRole roles={CASELOAD_READERS}>
        <CaseloadsPage />
      </RequireRole>
    ),
  },
];
