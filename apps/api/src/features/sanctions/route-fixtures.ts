import type { FixtureIds, RouteFixture } from '../../http/route-fixtures';

let counter = 0;
const next = () => ++counter;

/** A rule-table row of its own far-past year, so a created one never overlaps another (nor the defaults). */
function ruleBody() {
  const n = next();
  const year = 1900 + n;
  return {
    code: `test_${n}_${Date.now().toString(36)}`,
    title: `Testzeitraum ${year}`,
    validFrom: `${year}-01-01`,
    validTo: `${year}-12-31`,
    dutyForms: ['egv', 'verwaltungsakt'],
    dutyStages: [{ percent: 30, months: 3 }],
    appointmentStages: [{ percent: 10, months: 3 }],
    repeatWithinMonths: 12,
    appointmentStopAfter: null,
    legalBasis: '§ 31a SGB II (Testzeile)',
    sourceNote: 'Testzeile der generierten Routenprüfung.',
  };
}

/** Valid requests for the sanction routes, used by the generated route rules (http/route-rules.test.ts). */
export function sanctionRouteFixtures(ids: () => FixtureIds): Record<string, RouteFixture> {
  return {
    'POST /api/sanction-rules': { body: ruleBody, stringFields: ['code', 'title', 'legalBasis', 'sourceNote'] },
    'PUT /api/sanction-rules/:id': { id: 'sanctionRule', body: ruleBody, stringFields: ['title', 'sourceNote'] },
    'GET /api/cases/:id/sanction-duties': { id: 'case' },
    'POST /api/cases/:id/sanction-duties': {
      id: 'case',
      body: () => ({
        form: 'request_with_notice',
        setOn: '2026-01-05',
        description: 'Aufforderung, sich auf drei benannte Stellen zu bewerben',
        legalConsequencesNotice: true,
      }),
      stringFields: ['description'],
    },
    'GET /api/cases/:id/sanctions': { id: 'case' },
    'POST /api/cases/:id/sanctions': {
      id: 'case',
      body: () => ({
        dutyId: ids().sanctionDutyId,
        kind: 'duty_breach',
        breachOn: '2026-01-20',
        breachDescription: 'Keine Bewerbung nachgewiesen',
      }),
      stringFields: ['breachDescription'],
    },
    'GET /api/sanctions/:id': { id: 'sanction' },
    'GET /api/sanctions/:id/hearing.pdf': { id: 'sanction' },
    'POST /api/sanctions/:id/hearing': { id: 'sanction', body: () => ({ sentOn: '2026-01-22' }) },
    'POST /api/sanctions/:id/answer': {
      id: 'sanction',
      body: () => ({ answeredOn: '2026-01-28', answer: 'Ich war krank.' }),
      stringFields: ['answer'],
    },
    'POST /api/sanctions/:id/decision': {
      id: 'sanction',
      body: () => ({
        importantReasonAccepted: false,
        importantReasonReasoning: 'Kein Nachweis vorgelegt.',
        outcome: 'reduce',
        reasoning: 'Einzelfallprüfung ohne Härte.',
      }),
      stringFields: ['importantReasonReasoning', 'reasoning', 'careJustification'],
    },
    'POST /api/sanctions/:id/withdraw': { id: 'sanction', body: () => ({ reason: 'Irrtümlich erfasst.' }), stringFields: ['reason'] },
  };
}
