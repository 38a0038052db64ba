import type { FixtureIds, RouteFixture } from '../../http/route-fixtures';

/** Valid requests for this feature's routes, used by the generated route rules (http/route-rules.test.ts). */
export function reportRouteFixtures(_ids: () => FixtureIds): Record<string, RouteFixture> {
  // The fixture offer belongs to the tenant's own provider, whose staff user the portal routes accept.
  const report: RouteFixture = { id: 'offer', params: { year: { value: '2026' } } };
  return {
    'GET /api/reports/offers/:id/:year': report,
    'GET /api/reports/offers/:id/:year/pdf': report,
    'GET /api/reports/offers/:id/:year/xlsx': report,
    'GET /api/portal/reports/:id/:year': report,
    'GET /api/portal/reports/:id/:year/pdf': report,
    'GET /api/portal/reports/:id/:year/xlsx': report,
  };
}
