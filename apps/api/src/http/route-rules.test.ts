import { withTenant } from '@lotse/db';
import { ROLES, type Role } from '@lotse/domain';
import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, expectOk, seedCaseInPlanning } from '../features/cases/testing';
import { createRegion, createTeam } from '../features/organisation/testing';
import { seedProviderWithOffer } from '../features/providers/testing';
import { createConsent, sentReferral } from '../features/referrals/testing';
import { seedSanctionResources } from '../features/sanctions/testing';
import { recordUnmetNeed } from '../features/unmet-needs/testing';
import { createTestApp, type Session, type TestApp, type TestTenant } from '../testing';
import { apiRoutes, type FixtureIds, type ResourceKey, type RouteFixture, routeFixtures, routeKey } from './route-fixtures';

function queryOf(fixture: RouteFixture): Record<string, string> | undefined {
  return typeof fixture.query === 'function' ? fixture.query() : fixture.query;
}

/**
 * Rules that hold for every route, generated from the app's route table: declared access, the role
 * matrix, bad input, and tenant isolation. A new route is covered as soon as it is registered.
 */
function emptyResources(): Record<ResourceKey | 'secondPerson', string> {
  const keys: Array<ResourceKey | 'secondPerson'> = [
    'person',
    'secondPerson',
    'household',
    'user',
    'case',
    'barrier',
    'barrierType',
    'goal',
    'subGoal',
    'agreement',
    'resource',
    'followUp',
    'provider',
    'cooperationAgreement',
    'offer',
    'consent',
    'referral',
    'barrierProposal',
    'conference',
    'childcareReferral',
    'childcareArrangement',
    'region',
    'team',
    'unmetNeed',
    'sanctionRule',
    'sanctionDuty',
    'sanction',
    'charge',
  ];
  return Object.fromEntries(keys.map((k) => [k, ''])) as Record<ResourceKey | 'secondPerson', string>;
}

describe.each(['pglite', 'postgres'] as const)('route rules on %s', (kind) => {
  let t: TestApp;
  const sessions = new Map<string, Session>();
  const resources: Record<'A' | 'B', Record<ResourceKey | 'secondPerson', string>> = { A: emptyResources(), B: emptyResources() };
  const fixtures = routeFixtures(
    (): FixtureIds => ({
      personId: resources.A.person,
      secondPersonId: resources.A.secondPerson,
      caseManagerId: t.tenantA.users.case_manager.id,
      barrierTypeId: resources.A.barrierType,
      barrierId: resources.A.barrier,
      goalId: resources.A.goal,
      providerId: resources.A.provider,
      offerId: resources.A.offer,
      consentId: resources.A.consent,
      caseId: resources.A.case,
      referralId: resources.A.referral,
      sanctionDutyId: resources.A.sanctionDuty,
    }),
  );

  async function sessionOf(tenant: TestTenant, role: Role) {
    const username = tenant.users[role].username;
    let session = sessions.get(username);
    if (!session) {
      session = await t.login(username);
      sessions.set(username, session);
    }
    return session;
  }

  async function createResources(tenant: TestTenant, label: 'A' | 'B', digit: string) {
    const cm = await sessionOf(tenant, 'case_manager');
    const create = async (customerNumber: string) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/persons',
        headers: cm.headers,
        payload: { customerNumber, firstName: 'Ayşe', lastName: 'Öztürk', birthDate: '1990-05-05', sex: 'female' },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    resources[label].person = await create(`${digit}00D000001`);
    resources[label].secondPerson = await create(`${digit}00D000002`);
    const third = await create(`${digit}00D000003`);
    const household = await t.app.inject({
      method: 'POST',
      url: '/api/households',
      headers: cm.headers,
      payload: { number: `${digit}0000BG0000001`, members: [{ personId: third, role: 'applicant' }] },
    });
    expect(household.statusCode, household.body).toBe(201);
    resources[label].household = household.json().id;
    resources[label].user = tenant.users.team_lead.id;
    const seeded = await seedCaseInPlanning(t, cm, resources[label].person);
    Object.assign(resources[label], {
      case: seeded.caseId,
      barrier: seeded.barrierId,
      barrierType: seeded.barrierTypeId,
      goal: seeded.goalId,
      subGoal: seeded.subGoalId,
      agreement: seeded.agreementId,
      resource: seeded.resourceId,
      followUp: seeded.followUpId,
    });
    await createCooperationResources(tenant, label, cm);
    const admin = await sessionOf(tenant, 'admin');
    resources[label].region = (await createRegion(t, admin, 'Sozialraum Mitte', [`${digit}0115`])).id;
    resources[label].team = (await createTeam(t, admin, 'Team Mitte')).id;
    resources[label].unmetNeed = (await recordUnmetNeed(t, cm, resources[label].case)).id;
    Object.assign(resources[label], await seedSanctionResources(t, cm, admin, resources[label].case));
  }

  /** The tenant's provider with an agreement and an offer, a consent, a started referral with a proposed barrier. */
  async function createCooperationResources(tenant: TestTenant, label: 'A' | 'B', cm: Session) {
    const r = resources[label];
    const coordinator = await sessionOf(tenant, 'coordinator');
    const staff = await sessionOf(tenant, 'provider_staff');
    r.provider = tenant.providerId;
    const seeded = await seedProviderWithOffer(t, coordinator, {
      providerId: tenant.providerId,
      agreement: { validFrom: '2026-01-01' },
      priceCents: 6250,
    });
    r.cooperationAgreement = seeded.agreementId;
    r.offer = seeded.offerId;
    r.consent = await createConsent(
      t,
      cm,
      r.case,
      tenant.providerId,
      ['attendance', 'process_steps', 'content_summary', 'results'],
      '2026-01-05',
    );
    let referral = await sentReferral(t, cm, { caseId: r.case, offerId: r.offer, consentId: r.consent });
    for (const action of [{ action: 'accept' }, { action: 'start', startedOn: '2026-01-10' }]) {
      const res = await call(t, staff, 'POST', `/api/portal/referrals/${referral.id}/actions`, action, {
        'if-match': `"${referral.version}"`,
      });
      await expectOk(res);
      referral = res.json();
    }
    r.referral = referral.id;
    const report = await call(t, staff, 'POST', `/api/portal/referrals/${referral.id}/feedback`, {
      kind: 'interim_report',
      reportedOn: '2026-01-20',
      summary: 'Erstgespräch geführt',
      arisingNeeds: [{ barrierTypeId: r.barrierType, note: 'Im Gespräch deutlich geworden' }],
    });
    await expectOk(report, 201);
    const proposals = await call(t, cm, 'GET', `/api/cases/${r.case}/barrier-proposals`);
    await expectOk(proposals);
    r.barrierProposal = proposals.json().items[0].id;
    const conference = await call(t, cm, 'POST', `/api/cases/${r.case}/conferences`, {
      scheduledAt: '2026-11-20T09:00:00+01:00',
      topics: ['Stand der Hilfe'],
      participants: [{ kind: 'provider', providerId: tenant.providerId, name: 'Frau Berater' }],
    });
    await expectOk(conference, 201);
    r.conference = conference.json().id;
    await createCostResources(tenant, label, cm, coordinator, staff);
  }

  /** A year plan of the offer for 2026, and a childcare referral (accepted) with one arrangement. */
  async function createCostResources(tenant: TestTenant, label: 'A' | 'B', cm: Session, coordinator: Session, staff: Session) {
    const r = resources[label];
    const plan = await call(t, coordinator, 'PUT', `/api/offers/${r.offer}/years/2026`, {
      plannedCases: 30,
      plannedCostCents: 9_000_000,
      actualCostCents: null,
      sgb2SharePercent: 100,
    });
    await expectOk(plan, 201);
    const charge = await call(t, coordinator, 'POST', `/api/offers/${r.offer}/charges`, {
      referralId: r.referral,
      serviceMonth: '2026-02',
      units: 2,
    });
    await expectOk(charge, 201);
    r.charge = charge.json().id;
    const childcare = await seedProviderWithOffer(t, coordinator, {
      providerId: tenant.providerId,
      serviceType: 'childcare_care',
      agreement: { validFrom: '2026-01-01' },
    });
    const referral = await sentReferral(t, cm, { caseId: r.case, offerId: childcare.offerId, consentId: r.consent });
    await expectOk(
      await call(
        t,
        staff,
        'POST',
        `/api/portal/referrals/${referral.id}/actions`,
        { action: 'accept' },
        { 'if-match': `"${referral.version}"` },
      ),
    );
    r.childcareReferral = referral.id;
    const arrangement = await call(t, cm, 'POST', `/api/referrals/${referral.id}/childcare-arrangements`, {
      childLabel: 'Kind 1, 5 Jahre',
      beginsOn: '2026-02-01',
    });
    await expectOk(arrangement, 201);
    r.childcareArrangement = arrangement.json().id;
  }

  function requestFor(route: { method: string; url: string }, fixture: RouteFixture, label: 'A' | 'B' = 'A'): InjectOptions {
    const url = route.url.replace(/:(\w+)/g, (_, name: string) => {
      const key = name === 'id' ? fixture.id : fixture.params?.[name];
      if (typeof key === 'object') return key.value;
      return key ? resources[label][key] : '00000000-0000-4000-8000-000000000000';
    });
    return {
      method: route.method as InjectOptions['method'],
      url,
      query: queryOf(fixture),
      payload: fixture.body?.(),
    };
  }

  async function databaseState() {
    const counts = async (tenantId: string) =>
      withTenant(t.database.owner, tenantId, async (trx) => {
        const { rows } = await sql<Record<string, number>>`
          select (select count(*) from persons) as persons, (select count(*) from households) as households,
                 (select count(*) from household_members) as members, (select count(*) from users) as users,
                 (select coalesce(sum(version), 0) from persons) as person_versions,
                 (select coalesce(sum(version), 0) from households) as household_versions,
                 (select coalesce(sum(version), 0) from users) as user_versions,
                 (select count(*) from change_log) as changes, (select count(*) from idempotency_keys) as keys,
                 (select count(*) from cases) as cases, (select coalesce(sum(version), 0) from cases) as case_versions,
                 (select count(*) from case_barriers) as barriers, (select coalesce(sum(version), 0) from case_barriers) as barrier_versions,
                 (select count(*) from plan_goals) as goals, (select count(*) from plan_subgoals) as sub_goals,
                 (select count(*) from agreement_versions) as agreements, (select count(*) from case_ratings) as ratings,
                 (select count(*) from case_contacts) as contacts, (select count(*) from follow_ups) as follow_ups,
                 (select count(*) from case_resources) as resources, (select count(*) from barrier_types) as barrier_types,
                 (select coalesce(sum(version), 0) from tenant_case_rules) as rule_versions,
                 (select count(*) || '/' || coalesce(sum(version), 0) from providers) as providers,
                 (select count(*) || '/' || coalesce(sum(version), 0) from cooperation_agreements) as cooperation_agreements,
                 (select count(*) || '/' || coalesce(sum(version), 0) from offers) as offers,
                 (select count(*) from offer_locations) as offer_locations,
                 (select count(*) || '/' || coalesce(sum(version), 0) from handbook_pages) as handbook_pages,
                 (select count(*) || '/' || coalesce(sum(version), 0) from consents) as consents,
                 (select count(*) || '/' || coalesce(sum(version), 0) from referrals) as referrals,
                 (select count(*) from referral_transitions) as referral_transitions,
                 (select count(*) from referral_feedback) as referral_feedback,
                 (select count(*) || '/' || coalesce(sum(version), 0) from barrier_proposals) as barrier_proposals,
                 (select count(*) || '/' || coalesce(sum(version), 0) from case_conferences) as conferences,
                 (select count(*) from conference_participants) as conference_participants,
                 (select count(*) from conference_actions) as conference_actions,
                 (select count(*) || '/' || coalesce(sum(version), 0) from planning_regions) as planning_regions,
                 (select count(*) || '/' || coalesce(sum(version), 0) from teams) as teams,
                 (select count(*) || '/' || coalesce(sum(version), 0) from unmet_needs) as unmet_needs,
                 (select count(*) || '/' || coalesce(sum(version), 0) from sanction_rules) as sanction_rules,
                 (select count(*) from sanction_duties) as sanction_duties,
                 (select count(*) || '/' || coalesce(sum(version), 0) from sanctions) as sanctions,
                 (select count(*) from sanction_events) as sanction_events,
                 (select count(*) || '/' || coalesce(sum(version), 0) from offer_year_plans) as offer_year_plans,
                 (select count(*) || '/' || coalesce(sum(target_starts), 0) from planning_targets) as planning_targets,
                 (select count(*) from referral_charges) as referral_charges,
                 (select count(*) from childcare_arrangements) as childcare_arrangements,
                 (select count(*) from statistics_deliveries) as statistics_deliveries,
                 (select count(*) from statistics_delivered_measures) as statistics_delivered_measures,
                 (select string_agg(coalesce(team_id::text, '-'), ',' order by id) from users) as user_teams`.execute(trx);
        return rows[0];
      });
    return { A: await counts(t.tenantA.id), B: await counts(t.tenantB.id) };
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    await createResources(t.tenantA, 'A', '1');
    await createResources(t.tenantB, 'B', '2');
  });
  afterAll(async () => t?.close());

  it('declares who may call every API route, and has a fixture for every route with input', () => {
    const routes = apiRoutes(t);
    expect(routes.length).toBeGreaterThanOrEqual(14);
    for (const route of routes) {
      expect(route.access, routeKey(route)).toBeDefined();
      if (route.hasBody || route.hasParams || route.hasQuery) expect(fixtures[routeKey(route)], routeKey(route)).toBeDefined();
    }
  });

  it('answers 401 to every non-public route without a session', async () => {
    for (const route of apiRoutes(t).filter((r) => r.access !== 'public')) {
      const res = await t.app.inject(requestFor(route, fixtures[routeKey(route)] ?? {}));
      expect(res.statusCode, routeKey(route)).toBe(401);
      expect(res.json().code).toBe('UNAUTHENTICATED');
    }
  });

  it('rejects every role a route does not allow with 403, and lets the allowed roles through', async () => {
    for (const route of apiRoutes(t)) {
      if (route.access === undefined || route.access === 'public') continue;
      const fixture = fixtures[routeKey(route)] ?? {};
      for (const role of ROLES) {
        const session = await sessionOf(t.tenantA, role);
        const request = requestFor(route, fixture);
        const res = await t.app.inject({ ...request, headers: { ...session.headers, 'if-match': '"999"' } });
        if (route.url === '/api/auth/logout') sessions.delete(t.tenantA.users[role].username);
        const allowed = route.access === 'authenticated' || route.access.includes(role);
        // The role check lets allowed roles through; object rules (e.g. only the case's responsible
        // case manager) may still answer 403 with their own code, tested in the features' tests.
        if (allowed)
          expect(res.statusCode === 403 ? res.json().code : 'passed', `${routeKey(route)} as ${role}: ${res.body}`).not.toBe('FORBIDDEN');
        else {
          expect(res.statusCode, `${routeKey(route)} as ${role}`).toBe(403);
          expect(res.json().code).toBe('FORBIDDEN');
        }
      }
    }
  });

  it('answers bad input on every route with a specific 4xx problem and leaves the database unchanged', async () => {
    const before = await databaseState();
    for (const route of apiRoutes(t)) {
      const fixture = fixtures[routeKey(route)];
      if (!fixture) continue;
      const allowedRole = Array.isArray(route.access) ? (route.access[0] as Role) : 'case_manager';
      const headers = route.access === 'public' ? {} : (await sessionOf(t.tenantA, allowedRole)).headers;
      const current =
        route.method === 'PATCH' ? await t.app.inject({ ...requestFor({ ...route, method: 'GET' }, fixture), headers }) : undefined;
      const ifMatch = current ? { 'if-match': String(current.headers.etag) } : {};
      const base = requestFor(route, fixture);
      const expectProblem = async (request: InjectOptions, status: number, code: string, label: string) => {
        const res = await t.app.inject(request);
        expect(res.statusCode, `${routeKey(route)} ${label}: ${res.body}`).toBe(status);
        expect(res.headers['content-type'], label).toContain('application/problem+json');
        expect(res.json().code, `${routeKey(route)} ${label}`).toBe(code);
        return res.json();
      };

      if (fixture.id) {
        await expectProblem(
          { ...base, url: base.url?.toString().replace(/[0-9a-f-]{36}/, 'keine-uuid'), headers: { ...headers, ...ifMatch } },
          400,
          'VALIDATION_FAILED',
          'malformed id',
        );
      }
      if (fixture.query) {
        await expectProblem(
          { ...base, query: { ...queryOf(fixture), unbekannt: '1' }, headers },
          400,
          'VALIDATION_FAILED',
          'unknown query parameter',
        );
      }
      if (!route.hasBody || !fixture.body) continue;
      const json = { ...headers, ...ifMatch, 'content-type': 'application/json' };
      await expectProblem({ ...base, payload: '{"kaputt":', headers: json }, 400, 'MALFORMED_JSON', 'malformed JSON');
      await expectProblem(
        { ...base, payload: 'x', headers: { ...headers, ...ifMatch, 'content-type': 'text/plain' } },
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'text body',
      );
      const unknown = await expectProblem(
        { ...base, payload: { ...fixture.body(), istAdmin: true }, headers: json },
        400,
        'VALIDATION_FAILED',
        'unknown field',
      );
      expect(unknown.errors?.[0]?.code).toBe('unknown_field');
      const valid = fixture.body();
      const [firstField] = Object.keys(valid);
      if (firstField) {
        const wrongType = await expectProblem(
          { ...base, payload: { ...valid, [firstField]: { nested: true } }, headers: json },
          400,
          'VALIDATION_FAILED',
          'wrong type',
        );
        expect(wrongType.errors?.some((e: { field: string }) => e.field === firstField)).toBe(true);
      }
      for (const field of fixture.stringFields ?? []) {
        const oversized = await expectProblem(
          { ...base, payload: { ...valid, [field]: 'x'.repeat(5000) }, headers: json },
          400,
          'VALIDATION_FAILED',
          `oversized ${field}`,
        );
        expect(
          oversized.errors?.some((e: { field: string }) => e.field === field),
          `${routeKey(route)} ${field}`,
        ).toBe(true);
      }
      await expectProblem({ ...base, payload: 'x'.repeat(300 * 1024), headers: json }, 413, 'PAYLOAD_TOO_LARGE', 'huge body');
      if (route.method === 'PATCH') {
        await expectProblem({ ...base, headers: { ...headers } }, 428, 'PRECONDITION_REQUIRED', 'missing If-Match');
        await expectProblem({ ...base, headers: { ...headers, 'if-match': '"999"' } }, 412, 'PRECONDITION_FAILED', 'stale If-Match');
        await expectProblem(
          { ...base, headers: { ...headers, 'if-match': 'irgendwas' } },
          412,
          'PRECONDITION_FAILED',
          'unreadable If-Match',
        );
      }
    }
    expect(await databaseState()).toEqual(before);
  });

  it('gives a user of tenant B 404 for every id of tenant A and changes nothing', async () => {
    const before = await databaseState();
    for (const route of apiRoutes(t)) {
      const fixture = fixtures[routeKey(route)];
      if (!fixture?.id || !Array.isArray(route.access)) continue;
      const role = route.access[0] as Role;
      const session = await sessionOf(t.tenantB, role);
      const res = await t.app.inject({ ...requestFor(route, fixture, 'A'), headers: { ...session.headers, 'if-match': '"1"' } });
      expect(res.statusCode, `${routeKey(route)}: ${res.body}`).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
    // Tenant B cannot take tenant A's person into a household either.
    const cmB = await sessionOf(t.tenantB, 'case_manager');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/households',
      headers: cmB.headers,
      payload: { number: '20000BG0000099', members: [{ personId: resources.A.person, role: 'applicant' }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('members.0.personId');
    expect(await databaseState()).toEqual(before);
  });

  it('does not find persons of another tenant in search', async () => {
    const cmB = await sessionOf(t.tenantB, 'case_manager');
    const res = await t.app.inject({ method: 'POST', url: '/api/persons/search', headers: cmB.headers, payload: { query: '100D000001' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([]);
  });
});
