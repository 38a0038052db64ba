import type { FixtureIds, RouteFixture } from '../../http/route-fixtures';

let counter = 0;
/** A name and a postal code no other fixture request uses (postal codes belong to one region only). */
const next = () => ++counter;

/** Valid requests for this feature's routes, used by the generated route rules (http/route-rules.test.ts). */
export function organisationRouteFixtures(_ids: () => FixtureIds): Record<string, RouteFixture> {
  return {
    'POST /api/planning/regions': {
      body: () => {
        const n = next();
        return { name: `Sozialraum ${n}`, postalCodes: [String(90000 + n)] };
      },
      stringFields: ['name'],
    },
    'GET /api/planning/regions': { query: { active: 'all' } },
    'GET /api/planning/regions/:id': { id: 'region' },
    'PATCH /api/planning/regions/:id': { id: 'region', body: () => ({ name: `Umbenannt ${next()}` }), stringFields: ['name'] },
    'GET /api/teams': { query: { active: 'all' } },
    'POST /api/teams': { body: () => ({ name: `Team ${next()}` }), stringFields: ['name'] },
    'GET /api/teams/:id': { id: 'team' },
    'PATCH /api/teams/:id': { id: 'team', body: () => ({ name: `Team umbenannt ${next()}` }), stringFields: ['name'] },
  };
}
