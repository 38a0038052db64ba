import { randomUUID } from 'node:crypto';
import {
  CONSENT_COUNSELLING_POINTS,
  type ConsentCategory,
  categoriesOfProviderWrite,
  conferenceRecordProblems,
  consentState,
  DEFAULT_BARRIER_CATALOGUE,
  FINANCING_MODELS,
  isProviderAction,
  nextReferralStatus,
  offerFitsTargetGroups,
  REFERRAL_STATUSES,
  type ReferralAction,
  referralOverdue,
  targetGroups,
} from '@lotse/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCases } from '../demo-cases-load';
import { type LoadedDemoCooperation, loadDemoCooperation, loadDemoProviders } from '../demo-cooperation-load';
import { loadDemoPersons } from '../demo-load';
import { withTenant } from '../tenant-scope';
import { TEST_BACKENDS, type TestDatabase } from '../testing';
import { generateDemoCases } from './cases';
import {
  type DemoCaseCooperation,
  type DemoConsent,
  type DemoCoopCase,
  demoCoopCaseOf,
  type GenerateCooperationOptions,
  generateDemoCooperation,
  generateDemoProviders,
} from './cooperation';
import { demoDistrict } from './district';
import { createDemoIds, generateTenantData } from './generator';
import { AGREEMENT_RULES, createDemoTestDatabase, REFERENCE_DATE, SEED } from './testing';

const ids = createDemoIds('cooperation-test');
const BARRIER_TYPES = DEFAULT_BARRIER_CATALOGUE.map((entry) => ({
  id: ids.next(),
  code: entry.code,
  phase: entry.phase,
  label: entry.label,
  specialCategory: entry.specialCategory,
  serviceTypes: [...entry.serviceTypes] as string[],
}));
const MANAGERS = Array.from({ length: 8 }, (_, i) => ({ id: ids.next(), displayName: `Fallmanager/in ${i}` }));
const LOGIN = (MANAGERS[0] as { id: string }).id;

/** The case files of `count` persons as the cooperation generator's input. */
function casesOf(count: number, seed = SEED): DemoCoopCase[] {
  const persons = [...generateTenantData({ seed, tenantIndex: 0, personCount: count, referenceDate: REFERENCE_DATE })].flatMap(
    (h) => h.persons,
  );
  const byId = new Map(persons.map((p) => [p.id, p]));
  const files = generateDemoCases({
    seed,
    tenantIndex: 0,
    referenceDate: REFERENCE_DATE,
    persons,
    barrierTypes: BARRIER_TYPES,
    agreementRules: AGREEMENT_RULES,
    caseManagerIds: MANAGERS.map((m) => m.id),
  });
  return [...files].map((file) => {
    const p = byId.get(file.case.personId);
    if (!p) throw new Error('person missing');
    return demoCoopCaseOf(file, {
      birthDate: p.birthDate,
      singleParent: p.singleParent,
      refugee: p.refugee,
      severeDisability: p.severeDisability,
      latitude: p.latitude,
      longitude: p.longitude,
    });
  });
}

function optionsFor(cases: DemoCoopCase[], seed = SEED): GenerateCooperationOptions {
  const network = generateDemoProviders({ seed, tenantIndex: 0, referenceDate: REFERENCE_DATE });
  return {
    seed,
    tenantIndex: 0,
    referenceDate: REFERENCE_DATE,
    network,
    cases,
    barrierTypes: BARRIER_TYPES,
    caseManagers: MANAGERS,
    providerStaffIds: Object.fromEntries(network.staff.map((s) => [s.providerId, s.id])),
  };
}

const facts = (c: DemoConsent) => ({ categories: c.categories, givenOn: c.givenOn, validUntil: c.validUntil, revokedOn: c.revokedOn });

describe('demo providers', () => {
  const network = generateDemoProviders({ seed: SEED, tenantIndex: 0, referenceDate: REFERENCE_DATE });

  it('is deterministic and depends on the seed', () => {
    expect(JSON.stringify(generateDemoProviders({ seed: SEED, tenantIndex: 0, referenceDate: REFERENCE_DATE }))).toBe(
      JSON.stringify(network),
    );
    expect(generateDemoProviders({ seed: 'other', tenantIndex: 0, referenceDate: REFERENCE_DATE }).providers[0]?.id).not.toBe(
      network.providers[0]?.id,
    );
  });

  it('covers the four § 16a services and more with 10–14 providers and 20–35 offers of all financing models', () => {
    expect(network.providers.length).toBeGreaterThanOrEqual(10);
    expect(network.providers.length).toBeLessThanOrEqual(14);
    expect(new Set(network.providers.map((p) => p.name)).size).toBe(network.providers.length);
    expect(network.offers.length).toBeGreaterThanOrEqual(20);
    expect(network.offers.length).toBeLessThanOrEqual(35);
    const services = new Set(network.offers.map((o) => o.serviceType));
    for (const s of [
      'childcare_care',
      'debt_counselling',
      'psychosocial_support',
      'addiction_counselling',
      'insolvency_counselling',
      'housing_support',
    ])
      expect(services.has(s as never), s).toBe(true);
    expect(new Set(network.offers.map((o) => o.financingModel))).toEqual(new Set(FINANCING_MODELS));
    const groups = new Set(network.offers.flatMap((o) => o.targetGroups));
    for (const g of ['all', 'u25', 'single_parent'] as const) expect(groups.has(g)).toBe(true);
    for (const provider of network.providers)
      expect(network.offers.filter((o) => o.providerId === provider.id).length).toBeGreaterThanOrEqual(2);
    const portal = network.offers.filter((o) => o.providerId === network.portalProviderId);
    expect(portal.some((o) => o.serviceType === 'addiction_counselling')).toBe(true);
  });

  it('gives each provider one agreement with deadlines in range and each offer 1–3 located places in the district', () => {
    expect(network.agreements.map((a) => a.providerId).sort()).toEqual(network.providers.map((p) => p.id).sort());
    for (const a of network.agreements) {
      expect(a.answerDays).toBeGreaterThanOrEqual(3);
      expect(a.answerDays).toBeLessThanOrEqual(10);
      expect(a.startDays).toBeGreaterThanOrEqual(14);
      expect(a.startDays).toBeLessThanOrEqual(30);
      expect(a.interimReportDays).toBeGreaterThanOrEqual(30);
      expect(a.interimReportDays).toBeLessThanOrEqual(90);
      expect(a.validFrom <= '2021-01-04').toBe(true);
    }
    const { bounds } = demoDistrict(0);
    for (const offer of network.offers) {
      const locations = network.locations.filter((l) => l.offerId === offer.id);
      expect(locations.length).toBeGreaterThanOrEqual(1);
      expect(locations.length).toBeLessThanOrEqual(3);
      expect(locations.map((l) => l.position)).toEqual(locations.map((_, i) => i));
      for (const l of locations) {
        expect(l.latitude).toBeGreaterThan(bounds.minLatitude);
        expect(l.latitude).toBeLessThan(bounds.maxLatitude);
        expect(l.longitude).toBeGreaterThan(bounds.minLongitude);
        expect(l.longitude).toBeLessThan(bounds.maxLongitude);
        expect(l.openingHours.length).toBeGreaterThan(0);
      }
      expect(offer.contacts.length).toBeGreaterThan(0);
      for (const c of offer.contacts) if (c.email) expect(c.email).toMatch(/@[a-z0-9.-]+\.example\.org$/);
    }
    expect(network.staff.map((s) => s.providerId).sort()).toEqual(network.providers.map((p) => p.id).sort());
  });
});

describe('demo cooperation generator', () => {
  const cases = casesOf(1500);
  const options = optionsFor(cases);
  const bundles = [...generateDemoCooperation(options)];
  const { network } = options;
  const all = <T>(pick: (b: DemoCaseCooperation) => T[]) => bundles.flatMap(pick);
  const referrals = all((b) => b.referrals);
  const transitions = all((b) => b.transitions);
  const feedback = all((b) => b.feedback);
  const consents = all((b) => b.consents);
  const consentById = new Map(consents.map((c) => [c.id, c]));
  const caseById = new Map(cases.map((c) => [c.id, c]));
  const typeById = new Map(BARRIER_TYPES.map((t) => [t.id, t]));
  const offerById = new Map(network.offers.map((o) => [o.id, o]));
  const agreementOf = new Map(network.agreements.map((a) => [a.providerId, a]));
  const staff = options.providerStaffIds;

  it('is deterministic for a seed and differs for another seed', () => {
    expect(JSON.stringify([...generateDemoCooperation(optionsFor(cases))])).toBe(JSON.stringify(bundles));
    const other = [...generateDemoCooperation(optionsFor(cases, 'other'))];
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(bundles));
  });

  it('refers 40–60 % of the cases with an implementation phase (about), only to offers matching their barriers', () => {
    const eligible = cases.filter(
      (c) => c.implementationFrom !== null && ['implementation', 'closing', 'aftercare', 'closed'].includes(c.status),
    );
    const referred = new Set(referrals.map((r) => r.caseId));
    expect(referred.size / eligible.length).toBeGreaterThan(0.3);
    expect(referred.size / eligible.length).toBeLessThan(0.75);
    for (const r of referrals) {
      const c = caseById.get(r.caseId) as DemoCoopCase;
      expect(eligible.includes(c)).toBe(true);
      const services = new Set(c.barriers.flatMap((b) => typeById.get(b.barrierTypeId)?.serviceTypes ?? []));
      const offer = offerById.get(r.offerId);
      expect(offer?.providerId).toBe(r.providerId);
      expect(services.has(r.serviceType)).toBe(true);
      expect(offerFitsTargetGroups(offer?.targetGroups ?? [], targetGroups(c.person, c.implementationFrom as string))).toBe(true);
      expect(r.personId).toBe(c.personId);
      expect(r.createdBy).toBe(c.caseManagerId);
    }
    for (const b of bundles) expect(new Set(b.referrals.map((r) => r.providerId)).size).toBe(b.referrals.length);
    // The portal provider (demo login 'traeger') gets a good share.
    expect(referrals.filter((r) => r.providerId === network.portalProviderId).length / referrals.length).toBeGreaterThan(0.12);
  });

  it('has referrals in every status, including confirmed self-referrals', () => {
    expect(new Set(referrals.map((r) => r.status))).toEqual(new Set(REFERRAL_STATUSES));
    expect(transitions.some((t) => t.action === 'confirm_self_referral')).toBe(true);
    const small = [...generateDemoCooperation(optionsFor(casesOf(400)))].flatMap((b) => b.referrals);
    expect(new Set(small.map((r) => r.status))).toEqual(new Set(REFERRAL_STATUSES));
  });

  it('walks every referral along the state machine, each step by the right side, with dates matching the history', () => {
    const byReferral = new Map<string, typeof transitions>();
    for (const t of transitions) byReferral.set(t.referralId, [...(byReferral.get(t.referralId) ?? []), t]);
    for (const r of referrals) {
      const chain = byReferral.get(r.id) ?? [];
      const c = caseById.get(r.caseId) as DemoCoopCase;
      const [first, ...rest] = chain;
      expect(first?.fromStatus).toBeNull();
      expect(['draft', 'self_referred']).toContain(first?.toStatus);
      expect(first?.actorSide).toBe('jobcenter');
      expect(first?.at).toBe(r.createdAt);
      let status = first?.toStatus;
      let at = first?.at as string;
      for (const t of rest) {
        expect(t.fromStatus).toBe(status);
        expect(nextReferralStatus(t.fromStatus as never, t.action as ReferralAction)).toBe(t.toStatus);
        const provider = isProviderAction(t.action as ReferralAction);
        expect(t.actorSide).toBe(provider ? 'provider' : 'jobcenter');
        expect(t.actorId).toBe(provider ? staff[r.providerId] : c.caseManagerId);
        expect(t.at > at, `${t.at} after ${at}`).toBe(true);
        if (['decline', 'not_start', 'cancel'].includes(t.action)) expect(t.reason).toBeTruthy();
        status = t.toStatus;
        at = t.at;
      }
      expect(status).toBe(r.status);
      expect(r.updatedAt >= at).toBe(true);
      const dayOf = (action: string) => chain.find((t) => t.action === action)?.at.slice(0, 10) ?? null;
      expect(r.sentOn).toBe(dayOf('send'));
      expect(r.acceptedOn).toBe(dayOf('accept'));
      if (dayOf('start')) expect(r.startedOn).toBe(dayOf('start'));
      if (r.status === 'completed' || r.status === 'dropped_out')
        expect(r.endedOn).toBe(dayOf(r.status === 'completed' ? 'complete' : 'drop_out'));
      if (r.status !== 'completed') expect(r.result).toBeNull();
      if (dayOf('confirm_self_referral')) expect(r.needsDecision).toBeTruthy();
      expect(r.createdAt.slice(0, 10) >= (c.implementationFrom as string)).toBe(true);
      expect(at.slice(0, 10) <= REFERENCE_DATE).toBe(true);
      if (c.status === 'closed') expect(['declined', 'completed', 'dropped_out', 'not_started', 'cancelled']).toContain(r.status);
    }
  });

  it('sends only under a valid consent of the person for that provider, given with all five counselling points', () => {
    for (const c of consents) {
      expect(c.counselled).toEqual([...CONSENT_COUNSELLING_POINTS]);
      expect(c.categories).toContain('attendance');
      if (c.validUntil) expect(c.validUntil >= c.givenOn).toBe(true);
      if (c.revokedOn) {
        expect(c.revokedOn >= c.givenOn && c.revokedOn <= REFERENCE_DATE).toBe(true);
        expect(c.revokedBy).toBe(c.recordedBy);
      }
    }
    for (const r of referrals) {
      if (r.consentId === null) {
        expect(['draft', 'self_referred', 'cancelled']).toContain(r.status);
        expect(r.sentOn).toBeNull();
        continue;
      }
      const consent = consentById.get(r.consentId) as DemoConsent;
      expect(consent.caseId).toBe(r.caseId);
      expect(consent.providerId).toBe(r.providerId);
      expect(consent.personId).toBe(r.personId);
      if (r.sentOn) expect(consentState(facts(consent), r.sentOn)).toBe('valid');
    }
    const revoked = consents.filter((c) => c.revokedOn !== null).length / consents.length;
    expect(revoked).toBeGreaterThan(0.03);
    expect(revoked).toBeLessThan(0.2);
    expect(consents.some((c) => consentState(facts(c), REFERENCE_DATE) === 'expired')).toBe(true);
  });

  it('writes feedback and provider steps only under a valid consent and only within its categories', () => {
    const referralById = new Map(referrals.map((r) => [r.id, r]));
    for (const f of feedback) {
      const r = referralById.get(f.referralId);
      const consent = r?.consentId ? consentById.get(r.consentId) : undefined;
      expect(consent, 'feedback needs a consent').toBeDefined();
      if (!consent || !r) continue;
      expect(consentState(facts(consent), f.recordedOn), `${f.kind} ${f.recordedOn}`).toBe('valid');
      for (const category of f.categories) expect(consent.categories).toContain(category);
      const special = ((f.fields.arisingNeeds as Array<{ barrierTypeId: string }> | undefined) ?? []).some(
        (n) => typeById.get(n.barrierTypeId)?.specialCategory,
      );
      const needed = new Set<ConsentCategory>(categoriesOfProviderWrite(f.fields, special).map((n) => n.category));
      expect(new Set(f.categories)).toEqual(needed);
      expect(f.recordedBy).toBe(staff[r.providerId]);
      expect(f.recordedAt.slice(0, 10)).toBe(f.recordedOn);
      expect(f.recordedOn <= REFERENCE_DATE).toBe(true);
    }
    for (const t of transitions.filter((t) => t.actorSide === 'provider')) {
      const r = referralById.get(t.referralId);
      const consent = r?.consentId ? consentById.get(r.consentId) : undefined;
      expect(consent && consentState(facts(consent), t.at.slice(0, 10))).toBe('valid');
    }
    const kinds = new Set(feedback.map((f) => f.kind));
    expect(kinds).toEqual(new Set(['status', 'appointment', 'interim_report', 'final_report']));
    for (const r of referrals) {
      const reports = feedback.filter((f) => f.referralId === r.id && (f.kind === 'interim_report' || f.kind === 'final_report'));
      expect(r.lastReportOn).toBe(
        reports.length
          ? (reports
              .map((f) => f.recordedOn)
              .sort()
              .at(-1) as string)
          : null,
      );
    }
  });

  it('proposes barriers from arising needs: proposed, accepted (with a new barrier) and rejected', () => {
    // A bigger tenant, so that several needs arise.
    const bigCases = casesOf(4000);
    const big = [...generateDemoCooperation(optionsFor(bigCases))];
    const proposals = big.flatMap((b) => b.proposals);
    const feedbackById = new Map(big.flatMap((b) => b.feedback).map((f) => [f.id, f]));
    const barriers = big.flatMap((b) => b.barriers);
    const caseById = new Map(bigCases.map((c) => [c.id, c]));
    expect(new Set(proposals.map((p) => p.status))).toEqual(new Set(['proposed', 'accepted', 'rejected']));
    for (const p of proposals) {
      const f = feedbackById.get(p.feedbackId);
      expect(((f?.fields.arisingNeeds ?? []) as Array<{ barrierTypeId: string }>).map((n) => n.barrierTypeId)).toContain(p.barrierTypeId);
      expect(p.specialCategory).toBe(typeById.get(p.barrierTypeId)?.specialCategory);
      if (p.status === 'proposed') expect(p.decidedAt).toBeNull();
      else expect(p.decidedAt && p.decidedAt > p.createdAt && p.decisionNote).toBeTruthy();
      if (p.status === 'accepted') {
        const barrier = barriers.find((b) => b.id === p.barrierId);
        expect(barrier?.barrierTypeId).toBe(p.barrierTypeId);
        expect(barrier?.indicators[0]?.source).toBe('provider_feedback');
        const c = caseById.get(p.caseId) as DemoCoopCase;
        expect(c.barriers.some((b) => b.barrierTypeId === p.barrierTypeId)).toBe(false);
      } else expect(p.barrierId).toBeNull();
    }
  });

  it('records conferences: held ones with presence or a reason for the absence, participants and agreed actions', () => {
    const conferences = all((b) => b.conferences);
    const participants = all((b) => b.participants);
    const actions = all((b) => b.actions);
    const followUps = all((b) => b.followUps);
    const subGoals = all((b) => b.subGoals);
    expect(new Set(conferences.map((c) => c.status))).toEqual(new Set(['planned', 'held', 'cancelled']));
    expect(conferences.some((c) => c.status === 'held' && c.personPresent === false)).toBe(true);
    const open = cases.filter((c) => ['intake', 'assessment', 'planning', 'implementation', 'closing', 'aftercare'].includes(c.status));
    const withConference = new Set(conferences.map((c) => c.caseId));
    expect(withConference.size / open.length).toBeGreaterThan(0.04);
    expect(withConference.size / open.length).toBeLessThan(0.25);
    for (const conference of conferences) {
      expect(conferenceRecordProblems(conference)).toEqual([]);
      if (conference.status === 'held') expect(conference.scheduledAt.slice(0, 10) < REFERENCE_DATE).toBe(true);
      if (conference.status === 'planned') expect(conference.scheduledAt.slice(0, 10) >= REFERENCE_DATE).toBe(true);
      const c = caseById.get(conference.caseId) as DemoCoopCase;
      expect(open.includes(c)).toBe(true);
      const mine = participants.filter((p) => p.conferenceId === conference.id);
      expect(mine.map((p) => p.position)).toEqual(mine.map((_, i) => i));
      expect(mine[0]).toMatchObject({ kind: 'internal', userId: c.caseManagerId });
      const caseReferrals = referrals.filter((r) => r.caseId === c.id);
      for (const p of mine) {
        expect(p.kind === 'internal').toBe(p.userId !== null);
        expect(p.kind === 'provider').toBe(p.providerId !== null);
        if (p.providerId) expect(caseReferrals.some((r) => r.providerId === p.providerId)).toBe(true);
      }
      for (const a of actions.filter((x) => x.conferenceId === conference.id)) {
        expect(conference.status).toBe('held');
        if (a.providerId) expect(mine.some((p) => p.providerId === a.providerId)).toBe(true);
        if (a.kind === 'follow_up') expect(followUps.find((f) => f.id === a.followUpId)?.caseId).toBe(c.id);
        else {
          const s = subGoals.find((x) => x.id === a.subgoalId);
          expect(s).toMatchObject({ ownerKind: 'provider', goalId: a.goalId, caseId: c.id });
          expect(c.goals.some((g) => g.id === a.goalId && g.status === 'active')).toBe(true);
        }
      }
    }
    expect(actions.some((a) => a.kind === 'plan_change')).toBe(true);
    expect(actions.some((a) => a.kind === 'follow_up')).toBe(true);
  });

  it('gives the demo login overdue referrals, an open proposal, feedback, a revoked consent and a conference today', () => {
    const mine = referrals.filter((r) => caseById.get(r.caseId)?.caseManagerId === LOGIN);
    const overdue = mine
      .map((r) => {
        const a = agreementOf.get(r.providerId);
        return a ? referralOverdue(r, a, REFERENCE_DATE) : null;
      })
      .filter((o) => o !== null);
    expect(new Set(overdue.map((o) => o.kind))).toEqual(new Set(['answer', 'start', 'report']));
    const myCases = new Set(cases.filter((c) => c.caseManagerId === LOGIN).map((c) => c.id));
    expect(all((b) => b.proposals).some((p) => p.status === 'proposed' && myCases.has(p.caseId))).toBe(true);
    expect(feedback.some((f) => mine.some((r) => r.id === f.referralId) && f.kind === 'interim_report')).toBe(true);
    expect(consents.some((c) => myCases.has(c.caseId) && consentState(facts(c), REFERENCE_DATE) === 'revoked')).toBe(true);
    expect(
      all((b) => b.conferences).some((c) => myCases.has(c.caseId) && c.status === 'planned' && c.scheduledAt.startsWith(REFERENCE_DATE)),
    ).toBe(true);
    // The portal provider's staff sees open work too.
    expect(mine.some((r) => r.providerId === network.portalProviderId && ['sent', 'accepted', 'started'].includes(r.status))).toBe(true);
  });
});

describe.each(TEST_BACKENDS)('loading demo cooperation on %s', (kind) => {
  let database: TestDatabase;
  const tenantId = randomUUID();
  const managers = [randomUUID(), randomUUID(), randomUUID()];
  const traeger = randomUUID();
  let portalProviderId = '';
  let loaded: LoadedDemoCooperation;

  beforeAll(async () => {
    database = await createDemoTestDatabase(
      kind,
      tenantId,
      managers.map((id, i) => ({ id, username: `fm${i}`, displayName: `Fachkraft ${i}`, roles: ['case_manager'] })),
    );
    const db = database.owner;
    const providers = await loadDemoProviders(db, { tenantId, tenantIndex: 0, seed: SEED, referenceDate: REFERENCE_DATE });
    portalProviderId = providers.portalProviderId;
    await withTenant(db, tenantId, async (trx) => {
      await trx
        .insertInto('users')
        .values({
          tenantId,
          id: traeger,
          username: 'traeger',
          displayName: 'Lena Vogel',
          email: null,
          passwordHash: 'x',
          roles: ['provider_staff'],
          providerId: portalProviderId,
        })
        .execute();
    });
    await loadDemoPersons(db, {
      tenantId,
      tenantIndex: 0,
      personCount: 400,
      seed: SEED,
      referenceDate: REFERENCE_DATE,
      contactIds: managers,
    });
    await loadDemoCases(db, { tenantId, tenantIndex: 0, seed: SEED, referenceDate: REFERENCE_DATE, caseManagerIds: managers });
    loaded = await loadDemoCooperation(db, {
      tenantId,
      tenantIndex: 0,
      seed: SEED,
      referenceDate: REFERENCE_DATE,
      caseManagerIds: managers,
      providerStaffIds: { [portalProviderId]: traeger },
      batchSize: 7,
    });
  }, 120_000);

  afterAll(async () => {
    await database?.close();
  });

  const query = async <T>(text: ReturnType<typeof sql<T>>) => (await withTenant(database.owner, tenantId, (trx) => text.execute(trx))).rows;

  it('loads providers, offers and the cooperation rows with every referral status, and nothing into the change log', async () => {
    const [counts] = await query<Record<string, number>>(sql`
      select (select count(*) from providers)::int8 as providers,
             (select count(*) from cooperation_agreements)::int8 as agreements,
             (select count(*) from offers)::int8 as offers,
             (select count(*) from offer_locations)::int8 as locations,
             (select count(*) from consents)::int8 as consents,
             (select count(*) from referrals)::int8 as referrals,
             (select count(distinct status) from referrals)::int8 as statuses,
             (select count(*) from referral_transitions)::int8 as transitions,
             (select count(*) from referral_feedback)::int8 as feedback,
             (select count(*) from barrier_proposals)::int8 as proposals,
             (select count(*) from case_conferences)::int8 as conferences,
             (select count(*) from conference_participants)::int8 as participants,
             (select count(*) from conference_actions)::int8 as actions,
             (select count(*) from users where 'provider_staff' = any(roles))::int8 as staff,
             (select count(*) from users where 'provider_staff' = any(roles) and disabled)::int8 as disabled_staff,
             (select count(*) from change_log)::int8 as changes`);
    expect(counts).toMatchObject({
      consents: loaded.consents,
      referrals: loaded.referrals,
      transitions: loaded.transitions,
      feedback: loaded.feedback,
      proposals: loaded.proposals,
      conferences: loaded.conferences,
      participants: loaded.participants,
      actions: loaded.actions,
      statuses: REFERRAL_STATUSES.length,
      changes: 0,
    });
    expect(counts?.providers).toBe(counts?.agreements);
    expect(counts?.staff).toBe(counts?.providers);
    expect(counts?.disabledStaff).toBe((counts?.providers ?? 0) - 1);
    expect(loaded.staffUsers).toBe((counts?.providers ?? 0) - 1);
    expect(counts?.offers).toBeGreaterThanOrEqual(20);
    expect(counts?.locations).toBeGreaterThan(counts?.offers ?? 0);
    expect(loaded.referrals).toBeGreaterThan(10);
  });

  it('keeps the links between the rows the API relies on', async () => {
    const [broken] = await query<Record<string, number>>(sql`
      select
        (select count(*) from referrals r join consents c on c.id = r.consent_id
          where c.case_id <> r.case_id or c.provider_id <> r.provider_id or c.person_id <> r.person_id)::int8 as consent_mismatch,
        (select count(*) from referrals r join offers o on o.id = r.offer_id where o.provider_id <> r.provider_id)::int8 as offer_mismatch,
        (select count(*) from referrals r join cases c on c.id = r.case_id where c.person_id <> r.person_id)::int8 as person_mismatch,
        (select count(*) from referrals r where r.status <> (select t.to_status from referral_transitions t
          where t.referral_id = r.id order by t.at desc limit 1))::int8 as status_history,
        (select count(*) from referral_transitions t join referrals r on r.id = t.referral_id join users u on u.id = t.actor_id
          where t.actor_side = 'provider' and u.provider_id is distinct from r.provider_id)::int8 as provider_actor,
        (select count(*) from referral_feedback f join referrals r on r.id = f.referral_id join consents c on c.id = r.consent_id
          where not f.categories <@ c.categories or f.recorded_on < c.given_on or f.recorded_on > coalesce(c.valid_until, f.recorded_on)
            or f.recorded_on >= coalesce(c.revoked_on, f.recorded_on + 1))::int8 as feedback_outside_consent,
        (select count(*) from barrier_proposals p join case_barriers b on b.id = p.barrier_id
          where b.case_id <> p.case_id or b.barrier_type_id <> p.barrier_type_id)::int8 as proposal_barrier,
        (select count(*) from conference_actions a join follow_ups f on f.id = a.follow_up_id join case_conferences k on k.id = a.conference_id
          where f.case_id <> k.case_id)::int8 as action_follow_up,
        (select count(*) from conference_actions a join plan_subgoals s on s.id = a.subgoal_id
          where s.owner_kind <> 'provider' or s.goal_id <> a.goal_id)::int8 as action_subgoal`);
    expect(broken).toEqual({
      consentMismatch: 0,
      offerMismatch: 0,
      personMismatch: 0,
      statusHistory: 0,
      providerActor: 0,
      feedbackOutsideConsent: 0,
      proposalBarrier: 0,
      actionFollowUp: 0,
      actionSubgoal: 0,
    });
  });

  it("shows the demo login's work: an overdue referral, an open proposal and a conference today; the portal provider has referrals", async () => {
    const login = managers[0] as string;
    const [work] = await query<Record<string, number>>(sql`
      select
        (select count(*) from referrals r join cases c on c.id = r.case_id join offers o on o.id = r.offer_id
          join cooperation_agreements a on a.id = o.agreement_id
          where c.case_manager_id = ${login} and r.status = 'sent' and r.sent_on + a.answer_days < ${REFERENCE_DATE}::date)::int8 as overdue_answers,
        (select count(*) from barrier_proposals p join cases c on c.id = p.case_id
          where c.case_manager_id = ${login} and p.status = 'proposed')::int8 as open_proposals,
        (select count(*) from case_conferences k join cases c on c.id = k.case_id
          where c.case_manager_id = ${login} and k.status = 'planned' and (k.scheduled_at at time zone 'Europe/Berlin')::date = ${REFERENCE_DATE}::date)::int8 as conferences_today,
        (select count(*) from consents k join cases c on c.id = k.case_id where c.case_manager_id = ${login} and k.revoked_on is not null)::int8 as revoked,
        (select count(*) from referrals where provider_id = ${portalProviderId})::int8 as portal_referrals`);
    expect(work?.overdueAnswers).toBeGreaterThanOrEqual(1);
    expect(work?.openProposals).toBeGreaterThanOrEqual(1);
    expect(work?.conferencesToday).toBeGreaterThanOrEqual(1);
    expect(work?.revoked).toBeGreaterThanOrEqual(1);
    expect(work?.portalReferrals).toBeGreaterThanOrEqual(3);
  });
});
