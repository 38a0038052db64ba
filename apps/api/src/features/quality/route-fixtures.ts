import type { FixtureIds, RouteFixture } from '../../http/route-fixtures';

/** Valid requests for this feature's routes, used by the generated route rules (http/route-rules.test.ts). */
export function qualityRouteFixtures(_ids: () => FixtureIds): Record<string, RouteFixture> {
  return {
    'GET /api/quality': { query: { year: '2026', by: 'provider' } },
    'GET /api/quality/export': { query: { year: '2026', by: 'team', format: 'csv' } },
  };
}
