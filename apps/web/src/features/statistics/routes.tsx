import { STATISTICS_OFFICERS } from '@lotse/domain';
import type { RouteObject } from 'react-router';
import { RequireRole } from '../auth/guards';
import { StatisticsPage } from './StatisticsPage';

/** § 51b delivery (XSozial Modul 13) for team leads; the /berichte hub links here. */
export const statisticsRoutes: RouteObject[] = [
  {
    path: 'berichte/statistik',
    element: (
      <RequireRole roles={STATISTICS_OFFICERS}>
        <StatisticsPage />
      </RequireRole>
    ),
  },
];
