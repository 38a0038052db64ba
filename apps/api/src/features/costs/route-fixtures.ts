import type { FixtureIds, RouteFixture } from '../../http/route-fixtures';

/** Valid requests for this feature's routes, used by the generated route rules (http/route-rules.test.ts). */
export function costRouteFixtures(ids: () => FixtureIds): Record<string, RouteFixture> {
  return {
    'GET /api/offers/:id/years': { id: 'offer' },
    'GET /api/offers/:id/years/:year': { id: 'offer', params: { year: { value: '2026' } } },
    'PUT /api/offers/:id/years/:year': {
      id: 'offer',
      params: { year: { value: '2027' } },
      body: () => ({
        plannedCases: 40,
        plannedCostCents: 12_000_000,
        actualCostCents: null,
        sgb2SharePercent: 80,
        note: 'Zuwendungsbescheid',
      }),
      stringFields: ['note'],
    },
    'GET /api/offers/:id/charges': { id: 'offer', query: { year: '2026' } },
    'POST /api/offers/:id/charges': {
      id: 'offer',
      body: () => ({ referralId: ids().referralId, serviceMonth: '2026-01', units: 1.5, note: 'Rechnung 4711' }),
      stringFields: ['note'],
    },
    'POST /api/offers/:id/charges/:chargeId/reversal': {
      id: 'offer',
      params: { chargeId: 'charge' },
      body: () => ({ reason: 'Rechnung vom Träger storniert' }),
      stringFields: ['reason'],
    },
  };
}
