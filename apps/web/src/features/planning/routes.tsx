import { PLANNING_READERS } from '@lotse/domain';
import type { RouteObject } from 'react-router';
import { RequireRole } from '../auth/guards';
import { CostsPage } from './CostsPage';
import { DashboardPage } from './DashboardPage';
import { PlanningLayout } from './PlanningLayout';
import { PlanPage } from './PlanPage';

/** Needs planning (SPEC C12): dashboard, yearly plan (Soll/Ist) and costs (000 §10). */
export const planningRoutes: RouteObject[] = [
  {
    path: 'planung',
    element: (
      <RequireRole roles={PLANNING_READERS}>
        <PlanningLayout />
      </RequireRole>
    ),
    children: [
      { index: true, element: <DashboardPage /> },
      { path: 'soll-ist', element: <PlanPage /> },
      { path: 'kosten', element: <CostsPage /> },
    ],
  },
];
