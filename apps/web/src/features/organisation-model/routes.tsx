import { ORGANISATION_MODEL_ADMINS } from '@lotse/domain';
import type { RouteObject } from 'react-router';
import { AdminLayout } from '../admin/AdminLayout';
import { RequireRole } from '../auth/guards';
import { OrganisationModelPage } from './OrganisationModelPage';

/** The organisation model of customer care in the administration area. */
export const organisationModelRoutes: RouteObject[] = [
  {
    path: 'verwaltung',
    element: <AdminLayout />,
    children: [
      {
        path: 'organisationsmodell',
        element: (
          <RequireRole roles={ORGANISATION_MODEL_ADMINS}>
            <OrganisationModelPage />
          </RequireRole>
        ),
      },
    ],
  },
];
