import { PROVIDER_PORTAL } from '@lotse/domain';
import type { RouteObject } from 'react-router';
import { RequireRole } from '../auth/guards';
import { PortalConferencePage } from './PortalConferencePage';
import { PortalConferencesPage } from './PortalConferencesPage';

/** The provider's view of case conferences below /portal/konferenzen (SPEC C10). */
export const portalConferenceRoutes: RouteObject[] = [
  {
    path: 'portal/konferenzen',
    element: (
      <RequireRole roles={PROVIDER_PORTAL}>
        <PortalConferencesPage />
      </RequireRole>
    ),
  },
  {
    path: 'portal/konferenzen/:id',
    element: (
      <RequireRole roles={PROVIDER_PORTAL}>
        <PortalConferencePage />
      </RequireRole>
    ),
  },
];
