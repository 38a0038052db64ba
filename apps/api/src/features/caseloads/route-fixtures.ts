import type { FixtureIds, RouteFixture } from '../../http/route-fixtures';

const MODEL = { caseManagement: 'generalised_all', placement: 'specialised', benefits: 'integrated', mixedTeams: false };

/** Valid requests for this feature's routes, used by the generated route rules (http/route-rules.test.ts). */
export function caseloadRouteFixtures(_ids: () => FixtureIds): Record<string, RouteFixture> {
  return {
    'PUT /api/caseloads/targets': {
      body: () => ({
        targets: [
          { role: 'case_manager', ageGroup: 'u25', targetCases: 60 },
          { role: 'placement_officer', ageGroup: 'all', targetCases: 150 },
        ],
      }),
    },
    'GET /api/caseloads': { query: { ageGroup: 'u25' } },
    'POST /api/caseloads/comparison': { body: () => ({ u25: MODEL, ue25: { ...MODEL, placement: 'integrated' } }) },
  };
}
