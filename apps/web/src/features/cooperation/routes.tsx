import type { RouteObject } from 'react-router';

/** Offer catalogue, providers, cooperation agreements, overdue feedback and the handbook (SPEC C6). */
export const cooperationRoutes: RouteObject[] = [];
