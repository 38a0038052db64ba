import type { TestApp } from '../testing';

/**
 * A valid request for every route with a body, a path id or a query, used by the generated role,
 * bad-input and tenant-isolation tests. A new route without an entry here fails those tests.
 */
export interface RouteFixture {
  /** A valid body (for routes with a body schema). */
  body?: () => Record<string, unknown>;
  /** An id of this tenant's resource the route addresses (for routes with :id). */
  id?: 'person' | 'household' | 'user';
  query?: Record<string, string>;
  /** Body fields that are strings, to test oversized values. */
  stringFields?: string[];
}

let counter = 0;
const unique = () => String(++counter).padStart(6, '0');

export interface FixtureIds {
  personId: string;
  secondPersonId: string;
}

export function routeFixtures(ids: () => FixtureIds): Record<string, RouteFixture> {
  return {
    'POST /api/auth/login': { body: () => ({ username: 'niemand', password: 'falsch' }), stringFields: ['username'] },
    'POST /api/persons/search': { body: () => ({ query: 'Müller' }), stringFields: ['query'] },
    'POST /api/persons': {
      body: () => ({
        customerNumber: `999D${unique()}`,
        firstName: 'Erika',
        lastName: 'Mustermann',
        birthDate: '1980-01-01',
        sex: 'female',
      }),
      stringFields: ['firstName', 'lastName', 'city', 'street'],
    },
    'GET /api/persons/:id': { id: 'person' },
    'PATCH /api/persons/:id': { id: 'person', body: () => ({ city: 'Lotsenbach' }), stringFields: ['city', 'firstName'] },
    'POST /api/households': {
      body: () => ({ number: `99999BG${unique().padStart(7, '0')}`, members: [{ personId: ids().secondPersonId, role: 'applicant' }] }),
      stringFields: ['number'],
    },
    'GET /api/households/:id': { id: 'household' },
    'PATCH /api/households/:id': {
      id: 'household',
      body: () => ({ number: `99998BG${unique().padStart(7, '0')}` }),
      stringFields: ['number'],
    },
    'POST /api/users': {
      body: () => ({ username: `neu.${unique()}`, displayName: 'Neue Kollegin', roles: ['case_manager'], password: 'ein-langes-Passwort' }),
      stringFields: ['displayName', 'username'],
    },
    'GET /api/users/:id': { id: 'user' },
    'PATCH /api/users/:id': { id: 'user', body: () => ({ displayName: 'Geänderter Name' }), stringFields: ['displayName'] },
    'GET /api/audit/changes': { query: { limit: '5' } },
    'GET /api/audit/reads': { query: { limit: '5' } },
    'GET /api/audit/verify': { query: { log: 'read' } },
  };
}

export function routeKey(route: { method: string; url: string }) {
  return `${route.method} ${route.url}`;
}

/** Routes of the product API (the OpenAPI UI under /api/docs and static files are not). */
export function apiRoutes(t: TestApp) {
  return t.app.routeTable.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));
}
