import type { FixtureIds, RouteFixture } from '../../http/route-fixtures';

const month = { month: { value: '2026-10' } };

/** Valid requests for this feature's routes, used by the generated route rules (http/route-rules.test.ts). */
export function statisticsRouteFixtures(_ids: () => FixtureIds): Record<string, RouteFixture> {
  return {
    'GET /api/statistics/modul13/:month/report': { params: month },
    'GET /api/statistics/modul13/:month/xml': { params: month },
    // A checksum no file has: the role test reaches the service (409) and records nothing.
    'POST /api/statistics/modul13/:month/deliveries': {
      params: month,
      body: () => ({ expectedSha256: '0'.repeat(64) }),
      stringFields: ['expectedSha256'],
    },
  };
}
