import { randomUUID } from 'node:crypto';
import {
  actionRequiresReason,
  addDays,
  agreementKindFor,
  CASE_ACTIONS,
  CASE_STATUSES,
  type CaseStatus,
  CLOSING_OUTCOMES,
  DEFAULT_BARRIER_CATALOGUE,
  DEFAULT_CONTACT_DENSITY_DAYS,
  isCompulsoryConsentDuty,
  LIFE_AREAS,
  latestReviewDate,
  OPEN_CASE_STATUSES,
  transitionEdges,
} from '@lotse/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCases } from '../demo-cases-load';
import { loadDemoPersons } from '../demo-load';
import { withTenant } from '../tenant-scope';
import { TEST_BACKENDS, type TestDatabase } from '../testing';
import {
  DEMO_STATUS_WEIGHTS,
  type DemoCaseAgreementRule,
  type DemoCaseFile,
  defaultDemoCaseCount,
  type GenerateCasesOptions,
  generateDemoCases,
} from './cases';
import { createDemoIds, generateTenantData } from './generator';
import { AGREEMENT_RULES, createDemoTestDatabase, REFERENCE_DATE, SEED } from './testing';

const ids = createDemoIds('cases-test');
const BARRIER_TYPES = DEFAULT_BARRIER_CATALOGUE.map((entry) => ({ id: ids.next(), code: entry.code, phase: entry.phase }));
const MANAGERS = Array.from({ length: 8 }, () => ids.next());
const LOGIN = MANAGERS[0] as string;

function personsOf(count: number, seed = SEED) {
  return [...generateTenantData({ seed, tenantIndex: 0, personCount: count, referenceDate: REFERENCE_DATE })].flatMap((h) => h.persons);
}

function options(persons: GenerateCasesOptions['persons'], overrides: Partial<GenerateCasesOptions> = {}): GenerateCasesOptions {
  return {
    seed: SEED,
    tenantIndex: 0,
    referenceDate: REFERENCE_DATE,
    persons,
    barrierTypes: BARRIER_TYPES,
    agreementRules: AGREEMENT_RULES,
    caseManagerIds: MANAGERS,
    ...overrides,
  };
}

const isOpen = (status: CaseStatus) => OPEN_CASE_STATUSES.includes(status);
const dateOf = (timestamp: string) => timestamp.slice(0, 10);
const EDGES = new Set(transitionEdges().map((e) => `${e.from}|${e.action}|${e.to}`));

/** What "Meine Arbeit heute" shows for a case manager on the reference date (the queries of the work feature). */
function workToday(files: DemoCaseFile[], managerId: string, today: string) {
  const open = files.filter((f) => isOpen(f.case.status));
  const mine = open.filter((f) => f.case.caseManagerId === managerId);
  const followUps = open.flatMap((f) => f.followUps).filter((u) => u.ownerId === managerId && u.doneOn === null && u.dueOn <= today);
  return {
    overdueFollowUps: followUps.filter((u) => u.dueOn < today).length,
    followUpsToday: followUps.filter((u) => u.dueOn === today).length,
    overdueSubGoals: mine.flatMap((f) => f.subGoals).filter((s) => s.status === 'open' && s.dueOn < today).length,
    reviews: mine.filter(
      (f) =>
        (f.case.status === 'planning' || f.case.status === 'implementation') &&
        f.agreements.length > 0 &&
        (f.agreements.at(-1)?.reviewOn as string) <= addDays(today, 14),
    ).length,
    contactsOverdue: mine.filter((f) => f.case.nextContactDue < today).length,
  };
}

describe('demo case generator', () => {
  const persons = personsOf(2000);
  const files = [...generateDemoCases(options(persons))];
  const byStatus = (status: CaseStatus) => files.filter((f) => f.case.status === status);

  it('is deterministic for a seed and differs for another seed', () => {
    const again = [...generateDemoCases(options(persons))];
    expect(JSON.stringify(again)).toBe(JSON.stringify(files));
    const other = [...generateDemoCases(options(persons, { seed: 'other' }))];
    expect(other[0]?.case.id).not.toBe(files[0]?.case.id);
  });

  it('creates about 6 % of the persons aged 18–64 (at least 60), one case per person, all adults at opening', () => {
    const eligible = persons.filter((p) => p.birthDate > '1961-11-21' && p.birthDate <= '2008-11-21');
    expect(files).toHaveLength(defaultDemoCaseCount(eligible.length));
    expect(defaultDemoCaseCount(100_000)).toBe(6_000);
    expect(defaultDemoCaseCount(1_000_000)).toBe(20_000);
    expect(defaultDemoCaseCount(300)).toBe(60);
    expect(new Set(files.map((f) => f.case.personId)).size).toBe(files.length);
    const birthOf = new Map(persons.map((p) => [p.id, p.birthDate]));
    for (const f of files) {
      const birth = birthOf.get(f.case.personId) as string;
      expect(eligible.some((p) => p.id === f.case.personId)).toBe(true);
      const eighteen = `${Number(birth.slice(0, 4)) + 18}${birth.slice(4)}`;
      expect(f.case.openedOn >= eighteen, `${f.case.openedOn} ${birth}`).toBe(true);
    }
    expect([...generateDemoCases(options(persons, { caseCount: 10 }))]).toHaveLength(10);
  });

  it('has every state, in roughly the share of a Jobcenter', () => {
    for (const status of CASE_STATUSES) expect(byStatus(status).length, status).toBeGreaterThan(0);
    const total = Object.values(DEMO_STATUS_WEIGHTS).reduce((a, b) => a + b, 0);
    for (const status of CASE_STATUSES) {
      const expected = (files.length * DEMO_STATUS_WEIGHTS[status]) / total;
      expect(Math.abs(byStatus(status).length - expected), status).toBeLessThanOrEqual(Math.max(2, expected * 0.25));
    }
  });

  it('records every step with a valid edge, increasing times and a reason where the lifecycle needs one', () => {
    for (const f of files) {
      const t = f.transitions;
      expect(t[0]).toMatchObject({ action: 'open', fromStatus: null, toStatus: 'intake' });
      for (let i = 1; i < t.length; i++) {
        const step = t[i] as (typeof t)[number];
        const before = t[i - 1] as (typeof t)[number];
        expect(step.fromStatus).toBe(before.toStatus);
        expect(step.at > before.at, `${f.case.id} ${step.action}`).toBe(true);
        expect(EDGES.has(`${step.fromStatus}|${step.action}|${step.toStatus}`), `${step.fromStatus} ${step.action}`).toBe(true);
        if (step.action !== 'open' && (actionRequiresReason(step.action) || step.indicationOverride))
          expect(step.reason?.trim()).toBeTruthy();
        if (step.action === 'indicate' || step.action === 'decline') expect(step.indicationMet).not.toBeNull();
      }
      expect(t.at(-1)?.toStatus).toBe(f.case.status);
      expect(f.case.statusSince).toBe(t.at(-1)?.at);
      expect(f.case.createdAt <= f.case.statusSince && f.case.statusSince <= f.case.updatedAt).toBe(true);
    }
    // Rare steps (reopen, end of aftercare) need a larger tenant to show up for sure.
    const larger = [...generateDemoCases(options(personsOf(20_000, 'steps'), { seed: 'steps' }))];
    const actions = new Set(larger.flatMap((f) => f.transitions.map((t) => t.action)));
    for (const action of CASE_ACTIONS) expect(actions.has(action), action).toBe(true);
    expect(files.some((f) => f.transitions.some((t) => t.indicationOverride))).toBe(true);
  });

  it('passes the gate of each transition with the facts of that moment', () => {
    for (const f of files) {
      const baseline = f.ratings.find((r) => r.occasion === 'baseline');
      f.transitions.forEach((step, i) => {
        const enteredAt = f.transitions[i - 1]?.at as string;
        if (step.action === 'complete_assessment') {
          expect(baseline && baseline.createdAt <= step.at, `${f.case.id} baseline`).toBeTruthy();
          expect(f.barriers.some((b) => b.recordedOn <= dateOf(step.at))).toBe(true);
        }
        if (step.action === 'start_implementation') {
          const agreement = f.agreements.find((a) => a.createdAt >= enteredAt && a.createdAt <= step.at);
          expect(agreement, `${f.case.id} agreement since planning`).toBeTruthy();
          const goalsWithSubGoals = f.goals.filter((g) => f.subGoals.some((s) => s.goalId === g.id && s.createdAt <= step.at));
          expect(goalsWithSubGoals.length, `${f.case.id} goals`).toBeGreaterThan(0);
        }
        if (step.action === 'close') {
          const closing = f.ratings.find((r) => r.occasion === 'closing' && r.createdAt >= enteredAt && r.createdAt <= step.at);
          expect(closing, `${f.case.id} closing rating`).toBeTruthy();
        }
      });
    }
  });

  it('keeps each state consistent with its gates', () => {
    const pastAssessment = (f: DemoCaseFile) => f.transitions.some((t) => t.action === 'complete_assessment');
    for (const f of files) {
      const status = f.case.status;
      const active = f.barriers.filter((b) => b.status === 'active');
      if (['planning', 'implementation', 'closing', 'aftercare', 'closed'].includes(status) && pastAssessment(f)) {
        expect(f.ratings.some((r) => r.occasion === 'baseline')).toBe(true);
        expect(active.map((b) => b.priority).sort((a, b) => (a as number) - (b as number))).toEqual(active.map((_, i) => i + 1));
      }
      if (status === 'implementation') {
        expect(active.length).toBeGreaterThan(0);
        expect(f.goals.some((g) => g.status !== 'dropped' && f.subGoals.some((s) => s.goalId === g.id))).toBe(true);
        const latest = f.agreements.at(-1);
        expect(latest).toBeTruthy();
        const planningEntered = f.transitions.filter((t) => t.toStatus === 'planning').at(-1)?.at as string;
        expect(f.agreements.some((a) => a.createdAt >= planningEntered && a.createdAt <= f.case.statusSince)).toBe(true);
      }
      if (status === 'closed' || status === 'aftercare') {
        expect(CLOSING_OUTCOMES).toContain(f.case.outcome);
        expect(f.case.retrospective?.length).toBeGreaterThan(20);
        expect(f.case.prospective?.length).toBeGreaterThan(20);
        expect(f.case.personParticipated).toBe(true);
        if (f.case.satisfaction !== null) expect(f.case.satisfaction).toBeGreaterThanOrEqual(1);
        expect(f.ratings.some((r) => r.occasion === 'closing')).toBe(true);
        if (status === 'closed') {
          expect(f.subGoals.filter((s) => s.status === 'open')).toEqual([]);
          expect(f.followUps.filter((u) => u.doneOn === null)).toEqual([]);
        }
      } else {
        expect([f.case.outcome, f.case.retrospective, f.case.prospective, f.case.personParticipated, f.case.satisfaction]).toEqual([
          null,
          null,
          null,
          null,
          null,
        ]);
      }
      if (status === 'aftercare') expect(f.case.aftercareUntil && f.case.aftercareUntil > REFERENCE_DATE).toBeTruthy();
      if (status === 'closed' || status === 'not_indicated') expect(f.case.closedOn && f.case.closedOn <= REFERENCE_DATE).toBeTruthy();
      else expect(f.case.closedOn).toBeNull();
      if (status === 'intake') expect(f.agreements).toEqual([]);
      if (status === 'not_indicated') {
        expect(f.transitions.at(-1)?.action).toBe('decline');
        expect(f.goals).toEqual([]);
      }
      if (['assessment', 'planning', 'implementation', 'closing', 'aftercare', 'closed'].includes(status)) {
        expect(f.barriers.length).toBeGreaterThanOrEqual(2);
        expect(f.barriers.length).toBeLessThanOrEqual(7);
      }
      // Nothing happens after the reference date; the contact density rule holds.
      for (const day of [
        f.case.openedOn,
        ...f.barriers.map((b) => b.recordedOn),
        ...f.ratings.map((r) => r.ratedOn),
        ...f.contacts.map((c) => c.occurredOn),
        ...f.agreements.map((a) => a.agreedOn),
        ...f.followUps.flatMap((u) => (u.doneOn ? [u.doneOn] : [])),
      ])
        expect(day <= REFERENCE_DATE).toBe(true);
      const last =
        f.contacts
          .map((c) => c.occurredOn)
          .sort()
          .at(-1) ?? null;
      expect(f.case.lastContactOn).toBe(last);
      const density = f.case.contactDensityDays ?? DEFAULT_CONTACT_DENSITY_DAYS[f.case.priority];
      expect(f.case.nextContactDue).toBe(addDays(last ?? f.case.openedOn, density));
    }
  });

  it('writes agreements under the rule of their date, in all three legal periods, never with a consent duty', () => {
    const agreements = files.flatMap((f) => f.agreements);
    const rules = new Map(AGREEMENT_RULES.map((r) => [r.id, r]));
    for (const rule of AGREEMENT_RULES)
      expect(
        agreements.some((a) => a.ruleId === rule.id && a.reached),
        rule.code,
      ).toBe(true);
    expect(agreements.some((a) => a.kind === 'verwaltungsakt')).toBe(true);
    for (const f of files) {
      const goalIds = new Set(f.goals.map((g) => g.id));
      f.agreements.forEach((a, i) => {
        const rule = rules.get(a.ruleId) as DemoCaseAgreementRule;
        expect(rule.validFrom <= a.agreedOn && (rule.validTo === null || a.agreedOn <= rule.validTo)).toBe(true);
        expect(a.kind).toBe(
          agreementKindFor(
            {
              ...rule,
              title: '',
              legallyBinding: false,
              dutiesSanctionable: false,
              disputeProcedure: null,
              legalBasis: '',
              noAgreementText: '',
              sourceNote: '',
            },
            a.reached,
          ),
        );
        expect(a.versionNo).toBe(i + 1);
        if (i > 0) {
          expect(a.agreedOn > (f.agreements[i - 1]?.agreedOn as string)).toBe(true);
          expect(JSON.stringify([a.duties, a.commitments])).not.toBe(
            JSON.stringify([f.agreements[i - 1]?.duties, f.agreements[i - 1]?.commitments]),
          );
        }
        expect(a.reviewOn >= a.agreedOn && a.reviewOn <= latestReviewDate(rule, a.agreedOn)).toBe(true);
        expect(a.validUntil >= a.agreedOn).toBe(true);
        expect(a.duties.length).toBeGreaterThan(0);
        expect(a.commitments.length).toBeGreaterThan(0);
        for (const item of [...a.duties, ...a.commitments]) if (item.goalId) expect(goalIds.has(item.goalId)).toBe(true);
        for (const duty of a.duties) expect(isCompulsoryConsentDuty(duty), duty.text).toBe(false);
      });
      expect(f.agreements.length).toBeLessThanOrEqual(5);
    }
    expect(files.some((f) => f.agreements.length >= 3)).toBe(true);
  });

  it('rates all life areas at baseline, 1–10, drifting upwards on average', () => {
    let change = 0;
    let n = 0;
    for (const f of files) {
      for (const r of f.ratings) for (const s of r.scores) expect(Number.isInteger(s.score) && s.score >= 1 && s.score <= 10).toBe(true);
      const baseline = f.ratings.find((r) => r.occasion === 'baseline');
      if (baseline) expect(baseline.scores.map((s) => s.area)).toEqual([...LIFE_AREAS]);
      const last = f.ratings.at(-1);
      if (baseline && last && last !== baseline) {
        change += last.scores.reduce((a, s) => a + s.score, 0) - baseline.scores.reduce((a, s) => a + s.score, 0);
        n++;
      }
    }
    expect(n).toBeGreaterThan(10);
    expect(change / n).toBeGreaterThan(1);
    expect(files.some((f) => f.ratings.some((r) => r.scores.some((s) => s.comment)))).toBe(true);
  });

  it('gives the demo login 40–60 cases with work due on the reference date', () => {
    const mine = files.filter((f) => f.case.caseManagerId === LOGIN);
    expect(mine.length).toBeGreaterThanOrEqual(40);
    expect(mine.length).toBeLessThanOrEqual(60);
    for (const status of CASE_STATUSES)
      expect(
        mine.some((f) => f.case.status === status),
        status,
      ).toBe(true);
    const work = workToday(files, LOGIN, REFERENCE_DATE);
    expect(work.overdueFollowUps).toBeGreaterThanOrEqual(3);
    expect(work.followUpsToday).toBeGreaterThanOrEqual(1);
    expect(work.overdueSubGoals).toBeGreaterThanOrEqual(3);
    expect(work.reviews).toBeGreaterThanOrEqual(2);
    expect(work.contactsOverdue).toBeGreaterThanOrEqual(3);
    // Most open cases are within their contact density: the list stays readable.
    expect(work.contactsOverdue).toBeLessThan(mine.filter((f) => isOpen(f.case.status)).length / 2);
  });

  it('chooses barriers that fit the person and come together', () => {
    const many = personsOf(30_000, 'correlations');
    const sample = [...generateDemoCases(options(many, { seed: 'correlations' }))];
    const personOf = new Map(many.map((p) => [p.id, p]));
    const codes = (f: DemoCaseFile) => new Set(f.barriers.map((b) => b.code));
    const share = (list: DemoCaseFile[], code: string) => list.filter((f) => codes(f).has(code)).length / Math.max(1, list.length);
    const indicated = sample.filter((f) => f.barriers.length >= 2);
    const singleParents = indicated.filter((f) => personOf.get(f.case.personId)?.singleParent);
    const others = indicated.filter((f) => !personOf.get(f.case.personId)?.singleParent);
    expect(share(singleParents, 'childcare_missing')).toBeGreaterThan(0.5);
    expect(share(others, 'childcare_missing')).toBeLessThan(0.1);
    const ageOn = (f: DemoCaseFile) => Number(REFERENCE_DATE.slice(0, 4)) - Number(personOf.get(f.case.personId)?.birthDate.slice(0, 4));
    expect(
      share(
        indicated.filter((f) => ageOn(f) >= 52),
        'age_50_plus',
      ),
    ).toBeGreaterThan(0.5);
    expect(indicated.filter((f) => ageOn(f) < 49).some((f) => codes(f).has('age_50_plus'))).toBe(false);
    const withDebt = indicated.filter((f) => codes(f).has('debt'));
    const withoutDebt = indicated.filter((f) => !codes(f).has('debt'));
    expect(share(withDebt, 'housing_problems')).toBeGreaterThan(2 * share(withoutDebt, 'housing_problems'));
    const addicted = indicated.filter((f) => [...codes(f)].some((c) => c.startsWith('addiction_')));
    const sober = indicated.filter((f) => ![...codes(f)].some((c) => c.startsWith('addiction_')));
    expect(share(addicted, 'psychosocial_crisis')).toBeGreaterThan(2 * share(sober, 'psychosocial_crisis'));
    // Indicators carry their kind of source; a severe-disability barrier has the card.
    for (const f of sample)
      for (const b of f.barriers) {
        expect(b.indicators.length).toBeGreaterThan(0);
        if (b.code === 'severe_disability') expect(b.indicators.some((i) => i.source === 'disability_card')).toBe(true);
      }
  });
});

describe.each(TEST_BACKENDS)('loading demo cases on %s', (kind) => {
  let database: TestDatabase;
  const tenantId = randomUUID();
  const managers = [randomUUID(), randomUUID(), randomUUID()];
  let loaded = 0;
  const progress: number[] = [];

  beforeAll(async () => {
    database = await createDemoTestDatabase(
      kind,
      tenantId,
      [...managers, randomUUID()].map((id, i) => ({
        id,
        username: `user${i}`,
        displayName: `Fachkraft ${i}`,
        roles: i < managers.length ? ['case_manager'] : ['admin'],
      })),
    );
    const db = database.owner;
    await loadDemoPersons(db, {
      tenantId,
      tenantIndex: 0,
      personCount: 1500,
      seed: SEED,
      referenceDate: REFERENCE_DATE,
      contactIds: managers,
    });
    loaded = await loadDemoCases(db, {
      tenantId,
      tenantIndex: 0,
      seed: SEED,
      referenceDate: REFERENCE_DATE,
      caseManagerIds: managers,
      batchSize: 25,
      concurrency: kind === 'postgres' ? 3 : 1,
      onProgress: (n) => progress.push(n),
    });
  }, 120_000);

  afterAll(async () => {
    await database?.close();
  });

  const query = async <T>(text: ReturnType<typeof sql<T>>) => (await withTenant(database.owner, tenantId, (trx) => text.execute(trx))).rows;

  it('loads the generated cases in batches with all their parts', async () => {
    expect(loaded).toBeGreaterThanOrEqual(60);
    expect(progress.at(-1)).toBe(loaded);
    expect(progress.length).toBe(Math.ceil(loaded / 25));
    const [counts] = await query<Record<string, number>>(sql`
      select (select count(*) from cases)::int8 as cases,
             (select count(distinct status) from cases)::int8 as statuses,
             (select count(*) from cases c where not exists (select 1 from case_transitions t where t.case_id = c.id))::int8 as without_history,
             (select count(*) from case_barriers)::int8 as barriers,
             (select count(*) from plan_subgoals)::int8 as subgoals,
             (select count(*) from agreement_versions)::int8 as agreements,
             (select count(distinct rule_id) from agreement_versions)::int8 as rules,
             (select count(*) from case_ratings)::int8 as ratings,
             (select count(*) from case_contacts)::int8 as contacts,
             (select count(*) from follow_ups)::int8 as follow_ups,
             (select count(*) from change_log)::int8 as changes`);
    // Result keys arrive camelCased (CamelCasePlugin).
    expect(counts).toMatchObject({ cases: loaded, statuses: 8, withoutHistory: 0, rules: 3, changes: 0 });
    for (const key of ['barriers', 'subgoals', 'agreements', 'ratings', 'contacts', 'followUps'])
      expect(counts?.[key], key).toBeGreaterThan(loaded / 2);
  });

  it('keeps the invariants the API relies on', async () => {
    const [broken] = await query<Record<string, number>>(sql`
      select
        (select count(*) from cases c where c.status = 'implementation' and (
           not exists (select 1 from case_ratings r where r.case_id = c.id and r.occasion = 'baseline')
           or exists (select 1 from case_barriers b where b.case_id = c.id and b.status = 'active' and b.priority is null)
           or not exists (select 1 from agreement_versions a where a.case_id = c.id)
           or not exists (select 1 from plan_goals g join plan_subgoals s on s.goal_id = g.id where g.case_id = c.id)))::int8 as implementation,
        (select count(*) from cases c where c.status = 'closed' and (c.outcome is null or c.retrospective is null or c.prospective is null
           or c.person_participated is not true or c.closed_on is null
           or not exists (select 1 from case_ratings r where r.case_id = c.id and r.occasion = 'closing')))::int8 as closed,
        (select count(*) from cases c where c.next_contact_due <> coalesce(
           (select max(k.occurred_on) from case_contacts k where k.case_id = c.id), c.opened_on)
           + coalesce(c.contact_density_days, case c.priority when 'high' then 14 when 'medium' then 28 else 56 end))::int8 as due,
        (select count(*) from cases c where c.status_since <> (select max(t.at) from case_transitions t where t.case_id = c.id))::int8 as since,
        (select count(*) from cases c join persons p on p.id = c.person_id
           where c.opened_on < p.birth_date + interval '18 years')::int8 as minors`);
    expect(broken).toEqual({ implementation: 0, closed: 0, due: 0, since: 0, minors: 0 });
  });

  it('gives the first case manager work due on the reference date', async () => {
    const login = managers[0] as string;
    const [work] = await query<Record<string, number>>(sql`
      select
        (select count(*) from follow_ups f join cases c on c.id = f.case_id
          where f.owner_id = ${login} and f.done_on is null and f.due_on < ${REFERENCE_DATE}::date
            and c.status in ('intake', 'assessment', 'planning', 'implementation', 'closing', 'aftercare'))::int8 as overdue_follow_ups,
        (select count(*) from follow_ups f join cases c on c.id = f.case_id
          where f.owner_id = ${login} and f.done_on is null and f.due_on = ${REFERENCE_DATE}::date
            and c.status in ('intake', 'assessment', 'planning', 'implementation', 'closing', 'aftercare'))::int8 as follow_ups_today,
        (select count(*) from plan_subgoals s join cases c on c.id = s.case_id
          where c.case_manager_id = ${login} and s.status = 'open' and s.due_on < ${REFERENCE_DATE}::date
            and c.status in ('intake', 'assessment', 'planning', 'implementation', 'closing', 'aftercare'))::int8 as overdue_subgoals,
        (select count(*) from cases c cross join lateral (select a.review_on from agreement_versions a where a.case_id = c.id
            order by a.version_no desc limit 1) a
          where c.case_manager_id = ${login} and c.status in ('planning', 'implementation')
            and a.review_on <= ${REFERENCE_DATE}::date + 14)::int8 as reviews,
        (select count(*) from cases c where c.case_manager_id = ${login} and c.next_contact_due < ${REFERENCE_DATE}::date
            and c.status in ('intake', 'assessment', 'planning', 'implementation', 'closing', 'aftercare'))::int8 as contacts_overdue,
        (select count(*) from cases c where c.case_manager_id = ${login})::int8 as cases`);
    expect(work?.overdueFollowUps).toBeGreaterThanOrEqual(3);
    expect(work?.followUpsToday).toBeGreaterThanOrEqual(1);
    expect(work?.overdueSubgoals).toBeGreaterThanOrEqual(3);
    expect(work?.reviews).toBeGreaterThanOrEqual(2);
    expect(work?.contactsOverdue).toBeGreaterThanOrEqual(3);
    expect(work?.cases).toBeGreaterThanOrEqual(40);
    expect(work?.cases).toBeLessThanOrEqual(60);
  });
});
