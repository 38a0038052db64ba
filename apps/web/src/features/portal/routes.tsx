import { PROVIDER_PORTAL } from '@lotse/domain';
import type { RouteObject } from 'react-router';
import { RequireRole } from '../auth/guards';
import { PortalListPage } from './PortalListPage';
import { PortalReferralPage } from './PortalReferralPage';
import { PortalReportsPage } from './PortalReportsPage';

/** The provider portal below /portal (SPEC C7); the conferences below /portal/konferenzen come from features/conferences. */
export const portalRoutes: RouteObject[] = [
  {
    path: 'portal',
    element: (
      <RequireRole roles={PROVIDER_PORTAL}>
        <PortalListPage />
      </RequireRole>
    ),
  },
  {
    path: 'portal/berichte',
    element: (
      <RequireRole roles={PROVIDER_PORTAL}>
        <PortalReportsPage />
      </RequireRole>
    ),
  },
  {
    path: 'portal/zuweisungen/:id',
    element: (
      <RequireRole roles={PROVIDER_PORTAL}>
        <PortalReferralPage />
      </RequireRole>
    ),
  },
];
