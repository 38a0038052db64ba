import type { FixtureIds, RouteFixture } from '../../http/route-fixtures';

/** Valid requests for this feature's routes, used by the generated route rules (http/route-rules.test.ts). */
export function organisationModelRouteFixtures(_ids: () => FixtureIds): Record<string, RouteFixture> {
  return {
    'PUT /api/organisation-model/:ageGroup': {
      params: { ageGroup: { value: 'u25' } },
      body: () => ({ caseManagement: 'specialised_full', placement: 'integrated', benefits: 'specialised', mixedTeams: false }),
    },
    // A token of no preview: refused with 409 for the allowed role, so the generated tests change nothing.
    'POST /api/organisation-model/reassignment': { body: () => ({ token: 'keine-vorschau' }), stringFields: ['token'] },
  };
}
