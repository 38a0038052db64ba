import type { FixtureIds, RouteFixture } from '../../http/route-fixtures';

/** Valid requests for this feature's routes, used by the generated route rules (http/route-rules.test.ts). */
export function unmetNeedRouteFixtures(_ids: () => FixtureIds): Record<string, RouteFixture> {
  return {
    'GET /api/cases/:id/unmet-needs': { id: 'case' },
    'POST /api/cases/:id/unmet-needs': {
      id: 'case',
      body: () => ({ serviceType: 'debt_counselling', reason: 'no_capacity', note: 'Alle Plätze belegt' }),
      stringFields: ['note'],
    },
    'POST /api/unmet-needs/:id/resolve': { id: 'unmetNeed', body: () => ({ resolvedOn: '2026-11-20' }) },
  };
}
