import { caseloadRouteFixtures } from '../features/caseloads/route-fixtures';
import { costRouteFixtures } from '../features/costs/route-fixtures';
import { organisationRouteFixtures } from '../features/organisation/route-fixtures';
import { organisationModelRouteFixtures } from '../features/organisation-model/route-fixtures';
import { planningRouteFixtures } from '../features/planning/route-fixtures';
import { qualityRouteFixtures } from '../features/quality/route-fixtures';
import { reportRouteFixtures } from '../features/reports/route-fixtures';
import { sanctionRouteFixtures } from '../features/sanctions/route-fixtures';
import { statisticsRouteFixtures } from '../features/statistics/route-fixtures';
import { unmetNeedRouteFixtures } from '../features/unmet-needs/route-fixtures';
import type { TestApp } from '../testing';

/**
 * A valid request for every route with a body, a path id or a query, used by the generated role,
 * bad-input and tenant-isolation tests. A new route without an entry here fails those tests.
 */
export interface RouteFixture {
  /** A valid body (for routes with a body schema). */
  body?: () => Record<string, unknown>;
  /** An id of this tenant's resource the route addresses (for routes with :id). */
  id?: ResourceKey;
  /** Resources for the other path parameters, e.g. `{ barrierId: 'barrier' }`, or a fixed value (`{ value: 'debt_counselling' }`). */
  params?: Record<string, ResourceKey | { value: string }>;
  /** A valid query; a function when it needs ids created in the test. */
  query?: Record<string, string> | (() => Record<string, string>);
  /** Body fields that are strings, to test oversized values. */
  stringFields?: string[];
}

/** Resources the route-rules test creates in each tenant, addressed by routes' path parameters. */
export type ResourceKey =
  | 'person'
  | 'household'
  | 'user'
  | 'case'
  | 'barrier'
  | 'barrierType'
  | 'goal'
  | 'subGoal'
  | 'agreement'
  | 'resource'
  | 'followUp'
  | 'provider'
  | 'cooperationAgreement'
  | 'offer'
  | 'consent'
  | 'referral'
  | 'barrierProposal'
  | 'conference'
  | 'childcareReferral'
  | 'childcareArrangement'
  | 'region'
  | 'team'
  | 'unmetNeed'
  | 'sanctionRule'
  | 'sanctionDuty'
  | 'sanction'
  | 'charge';

let counter = 0;
const unique = () => String(++counter).padStart(6, '0');

export interface FixtureIds {
  personId: string;
  secondPersonId: string;
  caseManagerId: string;
  barrierTypeId: string;
  barrierId: string;
  goalId: string;
  providerId: string;
  offerId: string;
  consentId: string;
  caseId: string;
  /** The started referral to the tenant's offer. */
  referralId: string;
  /** A documented duty of the case without a sanction yet (a breach of it can be recorded). */
  sanctionDutyId: string;
}

export function routeFixtures(ids: () => FixtureIds): Record<string, RouteFixture> {
  return {
    'POST /api/auth/login': { body: () => ({ username: 'niemand', password: 'falsch' }), stringFields: ['username'] },
    'POST /api/persons/search': { body: () => ({ query: 'Müller' }), stringFields: ['query'] },
    'POST /api/persons': {
      body: () => ({
        customerNumber: `999D${unique()}`,
        firstName: 'Erika',
        lastName: 'Mustermann',
        birthDate: '1980-01-01',
        sex: 'female',
      }),
      stringFields: ['firstName', 'lastName', 'city', 'street'],
    },
    'GET /api/persons/:id': { id: 'person' },
    'PATCH /api/persons/:id': { id: 'person', body: () => ({ city: 'Lotsenbach' }), stringFields: ['city', 'firstName'] },
    'POST /api/households': {
      body: () => ({ number: `99999BG${unique().padStart(7, '0')}`, members: [{ personId: ids().secondPersonId, role: 'applicant' }] }),
      stringFields: ['number'],
    },
    'GET /api/households/:id': { id: 'household' },
    'PATCH /api/households/:id': {
      id: 'household',
      body: () => ({ number: `99998BG${unique().padStart(7, '0')}` }),
      stringFields: ['number'],
    },
    'POST /api/users': {
      body: () => ({ username: `neu.${unique()}`, displayName: 'Neue Kollegin', roles: ['case_manager'], password: 'ein-langes-Passwort' }),
      stringFields: ['displayName', 'username'],
    },
    'GET /api/users/:id': { id: 'user' },
    'PATCH /api/users/:id': { id: 'user', body: () => ({ displayName: 'Geänderter Name' }), stringFields: ['displayName'] },
    'GET /api/audit/changes': { query: { limit: '5' } },
    'GET /api/audit/reads': { query: { limit: '5' } },
    'GET /api/audit/verify': { query: { log: 'read' } },

    'GET /api/cases': { query: { scope: 'all', status: 'open' } },
    'POST /api/cases': { body: () => ({ personId: ids().secondPersonId, priority: 'high' }) },
    'GET /api/persons/:id/cases': { id: 'person' },
    'GET /api/cases/:id': { id: 'case' },
    'PATCH /api/cases/:id': { id: 'case', body: () => ({ caseManagerId: ids().caseManagerId }) },
    'POST /api/cases/:id/transitions': { id: 'case', body: () => ({ action: 'start_closing', reason: 'Umzug' }), stringFields: ['reason'] },
    'POST /api/cases/:id/barriers': {
      id: 'case',
      body: () => ({ barrierTypeId: ids().barrierTypeId, severity: 'medium', recordedOn: '2026-01-05', note: 'Notiz' }),
      stringFields: ['note'],
    },
    'GET /api/cases/:id/barriers/:barrierId': { id: 'case', params: { barrierId: 'barrier' } },
    'PATCH /api/cases/:id/barriers/:barrierId': {
      id: 'case',
      params: { barrierId: 'barrier' },
      body: () => ({ note: 'geändert', severity: 'low' }),
      stringFields: ['note'],
    },
    'PUT /api/cases/:id/barrier-order': { id: 'case', body: () => ({ barrierIds: [ids().barrierId] }) },
    'POST /api/cases/:id/resources': {
      id: 'case',
      body: () => ({ category: 'skills', description: 'Staplerschein' }),
      stringFields: ['description'],
    },
    'DELETE /api/cases/:id/resources/:resourceId': { id: 'case', params: { resourceId: 'resource' } },
    'POST /api/cases/:id/goals': {
      id: 'case',
      body: () => ({ title: 'Wohnung sichern', description: 'Mietschulden' }),
      stringFields: ['title', 'description'],
    },
    'PATCH /api/cases/:id/goals/:goalId': {
      id: 'case',
      params: { goalId: 'goal' },
      body: () => ({ title: 'Neuer Titel' }),
      stringFields: ['title'],
    },
    'POST /api/cases/:id/goals/:goalId/subgoals': {
      id: 'case',
      params: { goalId: 'goal' },
      body: () => ({ title: 'Antrag stellen', ownerKind: 'person', dueOn: '2027-02-01' }),
      stringFields: ['title', 'ownerNote'],
    },
    'PATCH /api/cases/:id/subgoals/:subGoalId': {
      id: 'case',
      params: { subGoalId: 'subGoal' },
      body: () => ({ reviewNote: 'Termin wahrgenommen', status: 'reached' }),
      stringFields: ['reviewNote'],
    },
    'GET /api/cases/:id/agreements': { id: 'case' },
    'POST /api/cases/:id/agreements': {
      id: 'case',
      body: () => ({
        reached: true,
        agreedOn: '2026-11-02',
        validUntil: '2027-05-01',
        reviewOn: '2027-02-01',
        duties: [{ kind: 'applications', text: 'Fünf Bewerbungen im Monat', goalId: ids().goalId }],
        commitments: [{ text: 'Übernahme der Bewerbungskosten', goalId: null }],
        personalOffer: 'Coaching',
      }),
      stringFields: ['personalOffer', 'notes'],
    },
    'GET /api/cases/:id/agreements/:versionId/pdf': { id: 'case', params: { versionId: 'agreement' } },
    'POST /api/cases/:id/ratings': {
      id: 'case',
      body: () => ({
        occasion: 'review',
        ratedOn: '2026-11-02',
        withPerson: true,
        scores: [{ area: 'housing', score: 4, comment: 'stabil' }],
      }),
    },
    'GET /api/cases/:id/contacts': { id: 'case', query: { limit: '5' } },
    'POST /api/cases/:id/contacts': {
      id: 'case',
      body: () => ({ kind: 'phone', occurredOn: '2026-11-02', summary: 'Terminabsprache', note: 'kurz' }),
      stringFields: ['summary', 'note'],
    },
    'POST /api/cases/:id/follow-ups': { id: 'case', body: () => ({ title: 'Nachfragen', dueOn: '2027-01-10' }), stringFields: ['title'] },
    'PATCH /api/cases/:id/follow-ups/:followUpId': {
      id: 'case',
      params: { followUpId: 'followUp' },
      body: () => ({ title: 'Nachfragen beim Träger' }),
      stringFields: ['title'],
    },
    'POST /api/barrier-types': {
      body: () => ({ code: `test_${unique()}`, phase: 'framework', label: 'Testbedarf', serviceTypes: ['debt_counselling'] }),
      stringFields: ['label', 'description'],
    },
    'PATCH /api/barrier-types/:id': { id: 'barrierType', body: () => ({ label: 'Umbenannt' }), stringFields: ['label', 'description'] },
    'PATCH /api/settings/case-rules': { body: () => ({ indicationMinBarriers: 3 }) },

    'POST /api/providers': { body: () => ({ name: `Träger ${unique()}`, city: 'Lotsenbach' }), stringFields: ['name', 'city', 'street'] },
    'GET /api/providers/:id': { id: 'provider' },
    'PATCH /api/providers/:id': { id: 'provider', body: () => ({ city: 'Lotsenbach' }), stringFields: ['city', 'contactPerson'] },
    'GET /api/cooperation-agreements': { query: () => ({ providerId: ids().providerId }) },
    'POST /api/cooperation-agreements': {
      body: () => ({
        providerId: ids().providerId,
        title: 'Kooperationsvereinbarung 2026',
        validFrom: '2026-01-01',
        validUntil: null,
        answerDays: 5,
        startDays: 21,
        interimReportDays: 90,
      }),
      stringFields: ['title', 'notice'],
    },
    'GET /api/cooperation-agreements/:id': { id: 'cooperationAgreement' },
    'PATCH /api/cooperation-agreements/:id': { id: 'cooperationAgreement', body: () => ({ answerDays: 4 }), stringFields: ['title'] },
    'GET /api/offers': { query: { active: 'all' } },
    'POST /api/offers': {
      body: () => ({
        providerId: ids().providerId,
        name: 'Schuldnerberatung Mitte',
        serviceType: 'debt_counselling',
        targetGroups: ['all'],
        capacity: 10,
        financingModel: 'specialist_hours',
        contacts: [{ name: 'Frau Berater' }],
        locations: [{ label: 'Hauptstelle', city: 'Lotsenbach', latitude: 52.52, longitude: 13.405 }],
      }),
      stringFields: ['name', 'description'],
    },
    'GET /api/offers/:id': { id: 'offer' },
    'PATCH /api/offers/:id': { id: 'offer', body: () => ({ waitingDays: 12 }), stringFields: ['name', 'description'] },
    'GET /api/offers/search': { query: () => ({ caseId: ids().caseId }) },
    'GET /api/handbook/:serviceType': { params: { serviceType: { value: 'debt_counselling' } } },
    'PATCH /api/handbook/:serviceType': {
      params: { serviceType: { value: 'debt_counselling' } },
      body: () => ({ title: 'Schuldnerberatung (§ 16a Nr. 2 SGB II)' }),
      stringFields: ['title', 'sources'],
    },

    'GET /api/cases/:id/consents': { id: 'case' },
    'POST /api/cases/:id/consents': {
      id: 'case',
      body: () => ({
        providerId: ids().providerId,
        categories: ['attendance', 'results'],
        purpose: 'Abstimmung mit der Schuldnerberatung',
        form: 'written',
        givenOn: '2026-01-05',
        counselled: ['content', 'effects', 'scope', 'voluntariness', 'benefit'],
      }),
      stringFields: ['purpose'],
    },
    'GET /api/consents/:id': { id: 'consent' },
    'POST /api/consents/:id/revoke': { id: 'consent', body: () => ({ note: 'Widerruf telefonisch' }), stringFields: ['note'] },
    'GET /api/consents/:id/form.pdf': { id: 'consent' },
    'GET /api/cases/:id/referrals': { id: 'case' },
    'POST /api/cases/:id/referrals': {
      id: 'case',
      body: () => ({ offerId: ids().offerId, consentId: ids().consentId, referralNote: 'Bitte Erstgespräch', goalIds: [ids().goalId] }),
      stringFields: ['referralNote', 'healthNote'],
    },
    'GET /api/referrals/:id': { id: 'referral' },
    'PATCH /api/referrals/:id': { id: 'referral', body: () => ({ referralNote: 'Ergänzt' }), stringFields: ['referralNote', 'healthNote'] },
    'POST /api/referrals/:id/actions': {
      id: 'referral',
      body: () => ({ action: 'cancel', reason: 'Person verzogen' }),
      stringFields: ['reason'],
    },
    'GET /api/referrals/:id/childcare-arrangements': { id: 'childcareReferral' },
    'POST /api/referrals/:id/childcare-arrangements': {
      id: 'childcareReferral',
      body: () => ({ childLabel: 'Kind 2, 3 Jahre', beginsOn: '2026-02-01', endsOn: null }),
      stringFields: ['childLabel'],
    },
    'POST /api/childcare-arrangements/:id/end': { id: 'childcareArrangement', body: () => ({ endsOn: '2026-06-30' }) },
    'GET /api/cases/:id/barrier-proposals': { id: 'case' },
    'POST /api/barrier-proposals/:id/decision': {
      id: 'barrierProposal',
      body: () => ({ decision: 'reject', note: 'Nicht bestätigt' }),
      stringFields: ['note'],
    },
    'GET /api/portal/referrals': { query: { status: 'all', limit: '10' } },
    'GET /api/portal/referrals/:id': { id: 'referral' },
    'POST /api/portal/referrals/:id/actions': {
      id: 'referral',
      body: () => ({ action: 'decline', declineReason: 'Keine Kapazität' }),
      stringFields: ['declineReason'],
    },
    'POST /api/portal/referrals/:id/feedback': {
      id: 'referral',
      body: () => ({ kind: 'appointment', appointmentOn: '2026-01-05', kept: true, appointmentNote: 'pünktlich' }),
      stringFields: ['appointmentNote'],
    },

    'GET /api/cases/:id/conferences': { id: 'case' },
    'POST /api/cases/:id/conferences': {
      id: 'case',
      body: () => ({
        scheduledAt: '2026-11-20T09:00:00+01:00',
        location: 'Raum 1',
        topics: ['Stand der Hilfe'],
        participants: [{ kind: 'other', name: 'Herr Vormund' }],
      }),
      stringFields: ['location'],
    },
    'GET /api/conferences/:id': { id: 'conference' },
    'PATCH /api/conferences/:id': { id: 'conference', body: () => ({ minutes: 'Protokoll ergänzt' }) },
    'POST /api/conferences/:id/actions': {
      id: 'conference',
      body: () => ({ kind: 'follow_up', title: 'Rückmeldung prüfen', dueOn: '2027-01-15' }),
      stringFields: ['title'],
    },
    'GET /api/portal/conferences/:id': { id: 'conference' },
    ...planningRouteFixtures(ids),
    ...organisationRouteFixtures(ids),
    ...organisationModelRouteFixtures(ids),
    ...unmetNeedRouteFixtures(ids),
    ...costRouteFixtures(ids),
    ...statisticsRouteFixtures(ids),
    ...qualityRouteFixtures(ids),
    ...reportRouteFixtures(ids),
    ...sanctionRouteFixtures(ids),
    ...caseloadRouteFixtures(ids),
  };
}

export function routeKey(route: { method: string; url: string }) {
  return `${route.method} ${route.url}`;
}

/** Routes of the product API (the OpenAPI UI under /api/docs and static files are not). */
export function apiRoutes(t: TestApp) {
  return t.app.routeTable.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));
}
