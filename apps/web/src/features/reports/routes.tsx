import { PROVIDER_REPORT_READERS, QUALITY_READERS } from '@lotse/domain';
import type { RouteObject } from 'react-router';
import { RequireRole } from '../auth/guards';
import { ProviderReportsPage } from './ProviderReportsPage';
import { QualityPage } from './QualityPage';
import { REPORT_HUB_ROLES, ReportsHubPage } from './ReportsHubPage';

/** Berichte & Statistik below /berichte; /berichte/statistik (§ 51b) comes from features/statistics. */
export const reportRoutes: RouteObject[] = [
  {
    path: 'berichte',
    element: (
      <RequireRole roles={REPORT_HUB_ROLES}>
        <ReportsHubPage />
      </RequireRole>
    ),
  },
  {
    path: 'berichte/qualitaet',
    element: (
      <RequireRole roles={QUALITY_READERS}>
        <QualityPage />
      </RequireRole>
    ),
  },
  {
    path: 'berichte/traeger',
    element: (
      <RequireRole roles={PROVIDER_REPORT_READERS}>
        <ProviderReportsPage />
      </RequireRole>
    ),
  },
];
