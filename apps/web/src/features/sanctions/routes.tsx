import { CATALOGUE_ADMINS } from '@lotse/domain';
import type { RouteObject } from 'react-router';
import { AdminLayout } from '../admin/AdminLayout';
import { RequireRole } from '../auth/guards';
import { SanctionRulesPage } from './SanctionRulesPage';

/** The sanction rule table in the administration area (with its sub-navigation). */
export const sanctionRoutes: RouteObject[] = [
  {
    path: 'verwaltung',
    element: <AdminLayout />,
    children: [
      {
        path: 'sanktionsregeln',
        element: (
          <RequireRole roles={CATALOGUE_ADMINS}>
            <SanctionRulesPage />
          </RequireRole>
        ),
      },
    ],
  },
];
