import type { RouteObject } from 'react-router';

/** Stub: filled in by the feature's implementation. */
export const planningRoutes: RouteObject[] = [];
