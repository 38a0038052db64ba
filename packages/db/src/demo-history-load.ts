import type { FinancingModel, OfferTargetGroup, ServiceType } from '@lotse/domain';
import { type Kysely, sql } from 'kysely';
import type { DemoCaseAgreementRule } from './demo/cases';
import {
  complementCurrentData,
  DEFAULT_DEMO_HISTORY_YEARS,
  type DemoCurrentCase,
  type DemoCurrentReferral,
  type DemoHistoryBarrierType,
  type DemoHistoryCase,
  DemoHistoryGenerator,
  type DemoHistoryOffer,
  type DemoHistoryPerson,
  demoOfferYearPlans,
  demoPlanningRegions,
  demoPlanningTargets,
  demoTeams,
} from './demo/history';
import { bulkInsert } from './demo-bulk-insert';
import { insertCaseFiles } from './demo-cases-load';
import { insertCooperation } from './demo-cooperation-load';
import type { Database } from './schema';
import { withTenant } from './tenant-scope';

export interface LoadHistoryOptions {
  tenantId: string;
  tenantIndex: number;
  seed: string;
  /** ISO date "today" of the demo. */
  referenceDate: string;
  /** Calendar years of history before the reference year (default {@link DEFAULT_DEMO_HISTORY_YEARS}; 0: regions, teams and this year's plan only). */
  historyYears?: number;
  /** Users with the role case_manager in account order: the teams are made from them (the first, the demo login, in Team Nord). */
  caseManagerIds: string[];
  /** History cases per transaction (default 1,000). */
  batchSize?: number;
  /** Persons read per query (default 5,000). */
  personPageSize?: number;
  /** Batches written at the same time on separate pooled connections (default 1; PGlite must stay at 1). */
  concurrency?: number;
  onProgress?: (loadedCases: number) => void;
}

export interface LoadedDemoHistory {
  regions: number;
  teams: number;
  cases: number;
  referrals: number;
  unmetNeeds: number;
  childcareArrangements: number;
  charges: number;
  offerYearPlans: number;
  planningTargets: number;
}

/**
 * Loads the demo history (demo/history.ts) after the persons, cases and cooperation of a tenant:
 * planning regions, teams (and the users' team), closed history cases with their referrals, unmet
 * needs, childcare arrangements and charges, then the offers' yearly plans and the monthly targets
 * derived from what was loaded. Persons are read page by page and the cases written in batches, so
 * memory stays bounded for a 200,000-person tenant with ten years. Nothing goes to the change log.
 */
export async function loadDemoHistory(db: Kysely<Database>, options: LoadHistoryOptions): Promise<LoadedDemoHistory> {
  const { tenantId, seed, tenantIndex, referenceDate } = options;
  const historyYears = options.historyYears ?? DEFAULT_DEMO_HISTORY_YEARS;
  const setup = await withTenant(db, tenantId, (trx) => readSetup(trx, tenantId, referenceDate));
  const regions = demoPlanningRegions(seed, tenantIndex);
  const teams = demoTeams(seed, tenantIndex, options.caseManagerIds, setup.otherStaffIds);
  await withTenant(db, tenantId, async (trx) => {
    await bulkInsert(trx, 'planning_regions', tenantId, regions, [
      ['id', 'uuid', (r) => r.id],
      ['name', 'text', (r) => r.name],
      ['postal_codes', 'text', (r) => `{${r.postalCodes.join(',')}}`, 'text[]'],
      ['sort_order', 'int4', (r) => r.sortOrder],
    ]);
    await bulkInsert(trx, 'teams', tenantId, teams, [
      ['id', 'uuid', (t) => t.id],
      ['name', 'text', (t) => t.name],
    ]);
    const members = teams.flatMap((t) => [...t.caseManagerIds, ...t.otherMemberIds].map((userId) => ({ userId, teamId: t.id })));
    if (members.length > 0)
      await sql`
        update users u set team_id = m.team_id
        from unnest(${members.map((m) => m.userId)}::uuid[], ${members.map((m) => m.teamId)}::uuid[]) as m(user_id, team_id)
        where u.tenant_id = ${tenantId} and u.id = m.user_id`.execute(trx);
  });

  const counts: LoadedDemoHistory = {
    regions: regions.length,
    teams: teams.length,
    cases: 0,
    referrals: 0,
    unmetNeeds: 0,
    childcareArrangements: 0,
    charges: 0,
    offerYearPlans: 0,
    planningTargets: 0,
  };
  const chargeRecorderId = setup.coordinatorId ?? (options.caseManagerIds[0] as string);

  // First the current data's charges, childcare and unmet needs: before the history, all cases in the database are current.
  await withTenant(db, tenantId, async (trx) => {
    const current = await readCurrentData(trx, tenantId);
    const made = complementCurrentData({
      seed,
      tenantIndex,
      referenceDate,
      offers: setup.offers,
      barrierTypes: setup.barrierTypes,
      chargeRecorderId,
      ...current,
    });
    await insertExtras(trx, tenantId, made);
    counts.unmetNeeds += made.unmetNeeds.length;
    counts.childcareArrangements += made.childcare.length;
    counts.charges += made.charges.length;
  });
  const generator = new DemoHistoryGenerator({
    seed,
    tenantIndex,
    referenceDate,
    historyYears,
    barrierTypes: setup.barrierTypes,
    agreementRules: setup.agreementRules,
    offers: setup.offers,
    teams,
    providerStaffIds: setup.providerStaffIds,
    chargeRecorderId,
    eligiblePersons: setup.eligiblePersons,
  });

  const writer = batchWriter(db, tenantId, Math.max(1, options.concurrency ?? 1), (batch) => {
    counts.cases += batch.length;
    for (const c of batch) {
      counts.referrals += c.cooperation.referrals.length;
      counts.unmetNeeds += c.unmetNeeds.length;
      counts.childcareArrangements += c.childcare.length;
      counts.charges += c.charges.length;
    }
    options.onProgress?.(counts.cases);
  });
  const batchSize = options.batchSize ?? 1_000;
  const pageSize = options.personPageSize ?? 5_000;
  let batch: DemoHistoryCase[] = [];
  try {
    if (historyYears > 0 && options.caseManagerIds.length > 0) {
      const referenceYear = Number(referenceDate.slice(0, 4));
      // Persons who were 18–64 at some time of the history (including its run-up year).
      const bornAfter = `${referenceYear - historyYears - 1 - 65}-01-01`;
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const persons = await withTenant(db, tenantId, (trx) => readPersons(trx, tenantId, after, pageSize, bornAfter, referenceDate));
        if (persons.length === 0) break;
        after = (persons.at(-1) as DemoHistoryPerson).id;
        for (const c of generator.cases(persons)) {
          batch.push(c);
          if (batch.length >= batchSize) {
            await writer.write(batch);
            batch = [];
          }
        }
        if (persons.length < pageSize) break;
      }
      if (batch.length > 0) await writer.write(batch);
    }
  } finally {
    await writer.drain();
  }

  // Plans and targets follow what was loaded (history and current data alike).
  await withTenant(db, tenantId, async (trx) => {
    const { rows: starts } = await sql<{ offerId: string; year: number; starts: number }>`
      select offer_id, extract(year from started_on)::int as year, count(*)::int as starts
      from referrals where tenant_id = ${tenantId} and started_on is not null
      group by 1, 2 order by 1, 2`.execute(trx);
    const { rows: charged } = await sql<{ offerId: string; year: number; cents: number }>`
      select offer_id, extract(year from service_month)::int as year, sum(amount_cents)::float8 as cents
      from referral_charges where tenant_id = ${tenantId}
      group by 1, 2`.execute(trx);
    const chargedOf = new Map(charged.map((c) => [`${c.offerId}|${c.year}`, Number(c.cents)]));
    const actuals = starts.map((s) => ({ ...s, chargedCents: chargedOf.get(`${s.offerId}|${s.year}`) ?? 0 }));
    const plans = demoOfferYearPlans({ seed, tenantIndex, referenceDate, historyYears, offers: setup.offers, actuals });
    const serviceOf = new Map(setup.offers.map((o) => [o.id, o.serviceType]));
    const startsByService = new Map<string, { serviceType: ServiceType; year: number; starts: number }>();
    for (const a of actuals) {
      const serviceType = serviceOf.get(a.offerId);
      if (!serviceType) continue;
      const key = `${serviceType}|${a.year}`;
      const entry = startsByService.get(key) ?? { serviceType, year: a.year, starts: 0 };
      entry.starts += a.starts;
      startsByService.set(key, entry);
    }
    const targets = demoPlanningTargets({
      seed,
      tenantIndex,
      referenceDate,
      historyYears,
      offers: setup.offers,
      starts: [...startsByService.values()],
      plans,
    });
    await bulkInsert(trx, 'offer_year_plans', tenantId, plans, [
      ['offer_id', 'uuid', (p) => p.offerId],
      ['year', 'int4', (p) => p.year],
      ['planned_cases', 'int4', (p) => p.plannedCases],
      ['planned_cost_cents', 'int8', (p) => p.plannedCostCents],
      ['actual_cost_cents', 'int8', (p) => p.actualCostCents],
      ['sgb2_share_percent', 'numeric', (p) => p.sgb2SharePercent],
      ['note', 'text', (p) => p.note],
      ['updated_at', 'timestamptz', (p) => p.updatedAt],
    ]);
    await bulkInsert(trx, 'planning_targets', tenantId, targets, [
      ['year', 'int4', (t) => t.year],
      ['service_type', 'text', (t) => t.serviceType],
      ['month', 'int4', (t) => t.month],
      ['target_starts', 'int4', (t) => t.targetStarts],
      ['target_cost_cents', 'int8', (t) => t.targetCostCents],
      ['updated_at', 'timestamptz', (t) => t.updatedAt],
    ]);
    counts.offerYearPlans = plans.length;
    counts.planningTargets = targets.length;
  });
  return counts;
}

/**
 * Writes batches in their own transactions, up to `concurrency` at a time, while the caller generates
 * the next one; the first failure is rethrown by the next write or by drain.
 */
function batchWriter(db: Kysely<Database>, tenantId: string, concurrency: number, onWritten: (batch: DemoHistoryCase[]) => void) {
  const pending = new Set<Promise<void>>();
  let failure: unknown = null;
  const check = () => {
    if (failure) throw failure;
  };
  return {
    async write(batch: DemoHistoryCase[]) {
      check();
      const task: Promise<void> = withTenant(db, tenantId, (trx) => insertHistory(trx, tenantId, batch))
        .then(() => onWritten(batch))
        .catch((error: unknown) => {
          failure ??= error;
        })
        .finally(() => pending.delete(task));
      pending.add(task);
      while (pending.size >= concurrency) await Promise.race(pending);
      check();
    },
    async drain() {
      await Promise.all(pending);
      check();
    },
  };
}

async function insertHistory(trx: Kysely<Database>, tenantId: string, batch: DemoHistoryCase[]) {
  await insertCaseFiles(
    trx,
    tenantId,
    batch.map((c) => c.file),
  );
  await insertCooperation(
    trx,
    tenantId,
    batch.map((c) => c.cooperation),
  );
  await insertExtras(trx, tenantId, {
    unmetNeeds: batch.flatMap((c) => c.unmetNeeds),
    childcare: batch.flatMap((c) => c.childcare),
    charges: batch.flatMap((c) => c.charges),
  });
}

/** The rows of the planning tables that belong to cases and referrals. */
async function insertExtras(trx: Kysely<Database>, tenantId: string, rows: Pick<DemoHistoryCase, 'unmetNeeds' | 'childcare' | 'charges'>) {
  await bulkInsert(trx, 'unmet_needs', tenantId, rows.unmetNeeds, [
    ['id', 'uuid', (u) => u.id],
    ['case_id', 'uuid', (u) => u.caseId],
    ['person_id', 'uuid', (u) => u.personId],
    ['service_type', 'text', (u) => u.serviceType],
    ['reason', 'text', (u) => u.reason],
    ['note', 'text', (u) => u.note],
    ['recorded_on', 'date', (u) => u.recordedOn],
    ['recorded_by', 'uuid', (u) => u.recordedBy],
    ['resolved_on', 'date', (u) => u.resolvedOn],
    ['resolved_by', 'uuid', (u) => u.resolvedBy],
    ['version', 'int4', (u) => u.version],
    ['created_at', 'timestamptz', (u) => u.createdAt],
  ]);
  await bulkInsert(trx, 'childcare_arrangements', tenantId, rows.childcare, [
    ['id', 'uuid', (a) => a.id],
    ['referral_id', 'uuid', (a) => a.referralId],
    ['child_person_id', 'uuid', (a) => a.childPersonId],
    ['child_label', 'text', (a) => a.childLabel],
    ['begins_on', 'date', (a) => a.beginsOn],
    ['ends_on', 'date', (a) => a.endsOn],
    ['created_by', 'uuid', (a) => a.createdBy],
    ['created_at', 'timestamptz', (a) => a.createdAt],
  ]);
  await bulkInsert(trx, 'referral_charges', tenantId, rows.charges, [
    ['id', 'uuid', (ch) => ch.id],
    ['referral_id', 'uuid', (ch) => ch.referralId],
    ['offer_id', 'uuid', (ch) => ch.offerId],
    ['service_month', 'date', (ch) => ch.serviceMonth],
    ['units', 'numeric', (ch) => ch.units],
    ['amount_cents', 'int8', (ch) => ch.amountCents],
    ['note', 'text', (ch) => ch.note],
    ['recorded_by', 'uuid', (ch) => ch.recordedBy],
    ['recorded_at', 'timestamptz', (ch) => ch.recordedAt],
  ]);
}

/** Catalogue, agreement rules, offers with their deadlines and locations, and the staff the history needs. */
async function readSetup(trx: Kysely<Database>, tenantId: string, referenceDate: string) {
  const barrierTypes: DemoHistoryBarrierType[] = await trx
    .selectFrom('barrierTypes')
    .select(['id', 'code', 'phase', 'label', 'specialCategory', 'serviceTypes'])
    .where('tenantId', '=', tenantId)
    .where('active', '=', true)
    .orderBy('sortOrder')
    .orderBy('code')
    .execute();
  const agreementRules = (await trx
    .selectFrom('agreementRules')
    .select(['id', 'code', 'validFrom', 'validTo', 'agreedKind', 'fallbackKind', 'reviewWithinMonths'])
    .orderBy('validFrom')
    .execute()) as DemoCaseAgreementRule[];
  const { rows: offerRows } = await sql<{
    id: string;
    providerId: string;
    providerName: string;
    name: string;
    serviceType: ServiceType;
    targetGroups: OfferTargetGroup[];
    financingModel: FinancingModel;
    priceCents: number | null;
    priceUnit: string | null;
    waitingDays: number | null;
    answerDays: number | null;
    startDays: number | null;
    interimReportDays: number | null;
  }>`
    select o.id, o.provider_id, p.name as provider_name, o.name, o.service_type, o.target_groups, o.financing_model, o.price_cents,
      o.price_unit, o.waiting_days, a.answer_days, a.start_days, a.interim_report_days
    from offers o
    join providers p on p.tenant_id = o.tenant_id and p.id = o.provider_id
    left join cooperation_agreements a on a.tenant_id = o.tenant_id and a.id = o.agreement_id
    where o.tenant_id = ${tenantId}
    order by o.id`.execute(trx);
  const locations = await trx
    .selectFrom('offerLocations')
    .select(['offerId', 'latitude', 'longitude'])
    .where('tenantId', '=', tenantId)
    .orderBy('offerId')
    .orderBy('position')
    .execute();
  const offers: DemoHistoryOffer[] = offerRows.map((o) => ({
    ...o,
    // Deadlines of offers without an agreement: the defaults the overdue list uses.
    answerDays: o.answerDays ?? 5,
    startDays: o.startDays ?? 21,
    interimReportDays: o.interimReportDays ?? 90,
    locations: locations.filter((l) => l.offerId === o.id).map((l) => ({ latitude: l.latitude, longitude: l.longitude })),
  }));
  const staff = await trx
    .selectFrom('users')
    .select(['id', 'providerId', 'roles', 'username'])
    .where('tenantId', '=', tenantId)
    .orderBy('createdAt')
    .orderBy('username')
    .execute();
  const providerStaffIds: Record<string, string> = {};
  for (const user of staff) if (user.providerId && !providerStaffIds[user.providerId]) providerStaffIds[user.providerId] = user.id;
  const byName = [...staff].sort((a, b) => (a.username < b.username ? -1 : 1));
  const coordinatorId = byName.find((u) => u.roles.includes('coordinator'))?.id ?? null;
  const otherStaffIds = byName.filter((u) => u.roles.includes('placement_officer') || u.roles.includes('team_lead')).map((u) => u.id);
  const [eligible] = (
    await sql<{ n: number }>`
      select count(*)::int as n from persons
      where tenant_id = ${tenantId} and birth_date > ${referenceDate}::date - interval '65 years'
        and birth_date <= ${referenceDate}::date - interval '18 years'`.execute(trx)
  ).rows;
  return { barrierTypes, agreementRules, offers, providerStaffIds, coordinatorId, otherStaffIds, eligiblePersons: eligible?.n ?? 0 };
}

/** One page of the persons the history can use, with their first current case and their household's children. */
async function readPersons(
  trx: Kysely<Database>,
  tenantId: string,
  after: string,
  limit: number,
  bornAfter: string,
  referenceDate: string,
): Promise<DemoHistoryPerson[]> {
  const { rows } = await sql<{
    id: string;
    birthDate: string;
    postalCode: string | null;
    latitude: number | null;
    longitude: number | null;
    singleParent: boolean;
    refugee: boolean;
    severeDisability: boolean;
    interpreterNeeded: boolean;
    firstCaseOpenedOn: string | null;
    children: string;
  }>`
    select p.id, p.birth_date::text as birth_date, p.postal_code, p.latitude, p.longitude, p.single_parent, p.refugee,
      p.severe_disability, p.interpreter_needed,
      (select min(c.opened_on)::text from cases c where c.tenant_id = p.tenant_id and c.person_id = p.id) as first_case_opened_on,
      ${childrenOf(sql.ref('p.id'))} as children
    from persons p
    where p.tenant_id = ${tenantId} and p.id > ${after}::uuid
      and p.birth_date > ${bornAfter}::date and p.birth_date <= ${referenceDate}::date - interval '18 years'
    order by p.id
    limit ${limit}`.execute(trx);
  return rows.map((r) => ({ ...r, children: parseChildren(r.children) }));
}

/** The children of the household of `personId` (if that person is its applicant or partner) as JSON text, oldest first. */
function childrenOf(personId: ReturnType<typeof sql.ref>) {
  return sql`coalesce((
    select json_agg(json_build_array(k.id, k.first_name, k.birth_date::text) order by k.birth_date, k.id)
    from household_members m
    join household_members km on km.tenant_id = m.tenant_id and km.household_id = m.household_id and km.role = 'child'
    join persons k on k.tenant_id = km.tenant_id and k.id = km.person_id
    where m.tenant_id = p.tenant_id and m.person_id = ${personId} and m.role in ('applicant', 'partner')
  ), '[]')::text`;
}

function parseChildren(json: string): DemoHistoryPerson['children'] {
  return (JSON.parse(json) as Array<[string, string, string]>).map(([id, firstName, birthDate]) => ({ id, firstName, birthDate }));
}

/** The current data's started referrals, and its cases that got to implementation or were closed. */
async function readCurrentData(
  trx: Kysely<Database>,
  tenantId: string,
): Promise<{ referrals: DemoCurrentReferral[]; cases: DemoCurrentCase[] }> {
  const { rows: referrals } = await sql<Omit<DemoCurrentReferral, 'children'> & { children: string }>`
    select r.id, r.offer_id, c.case_manager_id, r.started_on::text as started_on, r.ended_on::text as ended_on,
      ${childrenOf(sql.ref('r.person_id'))} as children
    from referrals r
    join cases c on c.tenant_id = r.tenant_id and c.id = r.case_id
    join persons p on p.tenant_id = r.tenant_id and p.id = r.person_id
    where r.tenant_id = ${tenantId} and r.started_on is not null
    order by r.id`.execute(trx);
  const { rows: cases } = await sql<Omit<DemoCurrentCase, 'person'> & DemoCurrentCase['person']>`
    select c.id, c.person_id, c.case_manager_id, c.opened_on::text as opened_on, c.closed_on::text as closed_on,
      p.birth_date::text as birth_date, p.single_parent, p.refugee, p.severe_disability,
      coalesce((select array_agg(distinct b.barrier_type_id::text) from case_barriers b
        where b.tenant_id = c.tenant_id and b.case_id = c.id), '{}') as barrier_type_ids,
      coalesce((select array_agg(distinct o.service_type) from referrals r join offers o on o.tenant_id = r.tenant_id and o.id = r.offer_id
        where r.tenant_id = c.tenant_id and r.case_id = c.id), '{}') as referred_services
    from cases c
    join persons p on p.tenant_id = c.tenant_id and p.id = c.person_id
    where c.tenant_id = ${tenantId} and c.status in ('implementation', 'closing', 'aftercare', 'closed')
    order by c.id`.execute(trx);
  return {
    referrals: referrals.map((r) => ({ ...r, children: parseChildren(r.children) })),
    cases: cases.map(({ birthDate, singleParent, refugee, severeDisability, ...c }) => ({
      ...c,
      person: { birthDate, singleParent, refugee, severeDisability },
    })),
  };
}
