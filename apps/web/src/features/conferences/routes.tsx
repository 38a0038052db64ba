import type { RouteObject } from 'react-router';

/** The provider's view of case conferences below /portal/konferenzen (SPEC C10). */
export const portalConferenceRoutes: RouteObject[] = [];
