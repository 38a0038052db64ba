import type { RouteObject } from 'react-router';

/** The provider portal below /portal (SPEC C7). */
export const portalRoutes: RouteObject[] = [];
