import type { FixtureIds, RouteFixture } from '../../http/route-fixtures';

const months = () => Array.from({ length: 12 }, (_, i) => ({ month: i + 1, targetStarts: 4, targetCostCents: 120_000 }));

/** Valid requests for this feature's routes, used by the generated route rules (http/route-rules.test.ts). */
export function planningRouteFixtures(_ids: () => FixtureIds): Record<string, RouteFixture> {
  return {
    'GET /api/planning/table': { query: { year: '2026', granularity: 'quarter', breakdown: 'region' } },
    'GET /api/planning/overview': { query: { year: '2026', serviceType: 'debt_counselling' } },
    'GET /api/planning/plan': { query: { year: '2026' } },
    'PUT /api/planning/plan/:year/:serviceType': {
      params: { year: { value: '2026' }, serviceType: { value: 'debt_counselling' } },
      body: () => ({ months: months() }),
    },
    'GET /api/planning/costs': { query: { year: '2026' } },
    'GET /api/planning/export': { query: { year: '2026', format: 'csv', breakdown: 'team' } },
  };
}
