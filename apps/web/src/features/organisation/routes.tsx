import { ORGANISATION_ADMINS } from '@lotse/domain';
import type { RouteObject } from 'react-router';
import { AdminLayout } from '../admin/AdminLayout';
import { RequireRole } from '../auth/guards';
import { RegionCreatePage } from './RegionCreatePage';
import { RegionEditPage } from './RegionEditPage';
import { RegionListPage } from './RegionListPage';
import { TeamCreatePage } from './TeamCreatePage';
import { TeamEditPage } from './TeamEditPage';
import { TeamListPage } from './TeamListPage';

const admin = (element: React.ReactNode) => <RequireRole roles={ORGANISATION_ADMINS}>{element}</RequireRole>;

/** Sozialräume and teams in the administration area (with its sub-navigation). */
export const organisationRoutes: RouteObject[] = [
  {
    path: 'verwaltung',
    element: <AdminLayout />,
    children: [
      { path: 'sozialraeume', element: admin(<RegionListPage />) },
      { path: 'sozialraeume/neu', element: admin(<RegionCreatePage />) },
      { path: 'sozialraeume/:id', element: admin(<RegionEditPage />) },
      { path: 'teams', element: admin(<TeamListPage />) },
      { path: 'teams/neu', element: admin(<TeamCreatePage />) },
      { path: 'teams/:id', element: admin(<TeamEditPage />) },
    ],
  },
];
