import { type Kysely, sql } from 'kysely';
import {
  type DemoCaseCooperation,
  type DemoCoopBarrierType,
  type DemoCoopCase,
  type DemoProviderNetwork,
  generateDemoCooperation,
  generateDemoProviders,
} from './demo/cooperation';
import { arrayLiteral, bulkInsert, CASE_BARRIER_COLUMNS, FOLLOW_UP_COLUMNS, json, PLAN_SUBGOAL_COLUMNS } from './demo-bulk-insert';
import type { Database } from './schema';
import { withTenant } from './tenant-scope';

export interface LoadProvidersOptions {
  tenantId: string;
  tenantIndex: number;
  seed: string;
  /** ISO date "today" of the demo. */
  referenceDate: string;
}

export interface LoadedDemoProviders {
  providerIds: string[];
  /** The addiction counselling provider: link the demo login 'traeger' to it (it gets many referrals). */
  portalProviderId: string;
}

/**
 * Loads the district's providers with their cooperation agreements, offers and offer locations
 * (demo/cooperation.ts): one small transaction, one multi-row insert per table. Call it before the
 * provider staff users are created, so they can be linked to their provider.
 */
export async function loadDemoProviders(db: Kysely<Database>, options: LoadProvidersOptions): Promise<LoadedDemoProviders> {
  const network = generateDemoProviders(options);
  const { tenantId } = options;
  await withTenant(db, tenantId, async (trx) => {
    await bulkInsert(trx, 'providers', tenantId, network.providers, [
      ['id', 'uuid', (p) => p.id],
      ['name', 'text', (p) => p.name],
      ['street', 'text', (p) => p.street],
      ['house_number', 'text', (p) => p.houseNumber],
      ['postal_code', 'text', (p) => p.postalCode],
      ['city', 'text', (p) => p.city],
      ['phone', 'text', (p) => p.phone],
      ['email', 'text', (p) => p.email],
      ['website', 'text', (p) => p.website],
      ['contact_person', 'text', (p) => p.contactPerson],
      ['created_at', 'timestamptz', (p) => p.createdAt],
      ['updated_at', 'timestamptz', (p) => p.createdAt],
    ]);
    await bulkInsert(trx, 'cooperation_agreements', tenantId, network.agreements, [
      ['id', 'uuid', (a) => a.id],
      ['provider_id', 'uuid', (a) => a.providerId],
      ['title', 'text', (a) => a.title],
      ['valid_from', 'date', (a) => a.validFrom],
      ['valid_until', 'date', (a) => a.validUntil],
      ['answer_days', 'int4', (a) => a.answerDays],
      ['start_days', 'int4', (a) => a.startDays],
      ['interim_report_days', 'int4', (a) => a.interimReportDays],
      ['feedback_procedure', 'text', (a) => a.feedbackProcedure],
      ['quality_standards', 'text', (a) => a.qualityStandards],
      ['reporting_duties', 'text', (a) => a.reportingDuties],
      ['audit_rights', 'text', (a) => a.auditRights],
      ['notice', 'text', (a) => a.notice],
      ['created_at', 'timestamptz', (a) => a.createdAt],
      ['updated_at', 'timestamptz', (a) => a.createdAt],
    ]);
    await bulkInsert(trx, 'offers', tenantId, network.offers, [
      ['id', 'uuid', (o) => o.id],
      ['provider_id', 'uuid', (o) => o.providerId],
      ['agreement_id', 'uuid', (o) => o.agreementId],
      ['name', 'text', (o) => o.name],
      ['description', 'text', (o) => o.description],
      ['service_type', 'text', (o) => o.serviceType],
      ['target_groups', 'text', (o) => arrayLiteral(o.targetGroups), 'text[]'],
      ['capacity', 'int4', (o) => o.capacity],
      ['capacity_unit', 'text', (o) => o.capacityUnit],
      ['capacity_period', 'text', (o) => o.capacityPeriod],
      ['waiting_days', 'int4', (o) => o.waitingDays],
      ['financing_model', 'text', (o) => o.financingModel],
      ['price_cents', 'int4', (o) => o.priceCents],
      ['price_unit', 'text', (o) => o.priceUnit],
      ['contacts', 'text', (o) => json(o.contacts), 'jsonb'],
      ['measure_begin_rule', 'text', (o) => o.measureBeginRule],
      ['planned_duration_days', 'int4', (o) => o.plannedDurationDays],
      ['created_at', 'timestamptz', (o) => o.createdAt],
      ['updated_at', 'timestamptz', (o) => o.createdAt],
    ]);
    await bulkInsert(trx, 'offer_locations', tenantId, network.locations, [
      ['id', 'uuid', (l) => l.id],
      ['offer_id', 'uuid', (l) => l.offerId],
      ['position', 'int4', (l) => l.position],
      ['label', 'text', (l) => l.label],
      ['street', 'text', (l) => l.street],
      ['house_number', 'text', (l) => l.houseNumber],
      ['postal_code', 'text', (l) => l.postalCode],
      ['city', 'text', (l) => l.city],
      ['latitude', 'float8', (l) => l.latitude],
      ['longitude', 'float8', (l) => l.longitude],
      ['opening_hours', 'text', (l) => l.openingHours],
      ['accessible', 'bool', (l) => l.accessible],
    ]);
  });
  return { providerIds: network.providers.map((p) => p.id), portalProviderId: network.portalProviderId };
}

export interface LoadCooperationOptions {
  tenantId: string;
  tenantIndex: number;
  seed: string;
  /** ISO date "today" of the demo; the same as for the persons and cases. */
  referenceDate: string;
  /** Users with the role case_manager; the first is the demo login ('fallmanagement') and gets the showcase items. */
  caseManagerIds: string[];
  /**
   * The user acting for a provider in its steps and feedback. Providers without one use an existing
   * provider-staff user of that provider, else the loader creates a disabled staff user without a
   * usable password ('traeger-<n>', prefixed like the other demo logins of the tenant).
   */
  providerStaffIds?: Record<string, string>;
  /** Cases per transaction (default 1,000). */
  batchSize?: number;
  onProgress?: (cases: number) => void;
}

export type LoadedDemoCooperation = Record<
  | 'cases'
  | 'consents'
  | 'referrals'
  | 'transitions'
  | 'feedback'
  | 'proposals'
  | 'barriers'
  | 'conferences'
  | 'participants'
  | 'actions'
  | 'followUps'
  | 'subGoals'
  | 'staffUsers',
  number
>;

/**
 * Consents, referrals with history and feedback, barrier proposals and case conferences for the
 * tenant's demo cases (after loadDemoProviders and loadDemoCases). Reads the case files back, generates
 * per case, and writes per batch one INSERT … SELECT FROM unnest(…) per table. Like all demo data, none
 * of it goes to the change log.
 */
export async function loadDemoCooperation(db: Kysely<Database>, options: LoadCooperationOptions): Promise<LoadedDemoCooperation> {
  const { tenantId } = options;
  const network = generateDemoProviders(options);
  const input = await withTenant(db, tenantId, (trx) => readInput(trx, tenantId, options.caseManagerIds));
  const counts: LoadedDemoCooperation = {
    cases: 0,
    consents: 0,
    referrals: 0,
    transitions: 0,
    feedback: 0,
    proposals: 0,
    barriers: 0,
    conferences: 0,
    participants: 0,
    actions: 0,
    followUps: 0,
    subGoals: 0,
    staffUsers: 0,
  };
  const staffIds = await withTenant(db, tenantId, async (trx) => {
    const { ids, created } = await ensureProviderStaff(trx, tenantId, options.tenantIndex, network, options.providerStaffIds ?? {});
    counts.staffUsers = created;
    return ids;
  });

  const batchSize = options.batchSize ?? 1_000;
  let batch: DemoCaseCooperation[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const bundles = batch;
    batch = [];
    await withTenant(db, tenantId, (trx) => insertCooperation(trx, tenantId, bundles));
    counts.cases += bundles.length;
    for (const b of bundles) {
      counts.consents += b.consents.length;
      counts.referrals += b.referrals.length;
      counts.transitions += b.transitions.length;
      counts.feedback += b.feedback.length;
      counts.proposals += b.proposals.length;
      counts.barriers += b.barriers.length;
      counts.conferences += b.conferences.length;
      counts.participants += b.participants.length;
      counts.actions += b.actions.length;
      counts.followUps += b.followUps.length;
      counts.subGoals += b.subGoals.length;
    }
    options.onProgress?.(counts.cases);
  };
  for (const bundle of generateDemoCooperation({
    seed: options.seed,
    tenantIndex: options.tenantIndex,
    referenceDate: options.referenceDate,
    network,
    cases: input.cases,
    barrierTypes: input.barrierTypes,
    caseManagers: input.managers,
    providerStaffIds: staffIds,
  })) {
    batch.push(bundle);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return counts;
}

async function readInput(trx: Kysely<Database>, tenantId: string, caseManagerIds: string[]) {
  const managerRows = caseManagerIds.length
    ? await trx
        .selectFrom('users')
        .select(['id', 'displayName'])
        .where('tenantId', '=', tenantId)
        .where('id', 'in', caseManagerIds)
        .execute()
    : [];
  const nameOf = new Map(managerRows.map((m) => [m.id, m.displayName]));
  const managers = caseManagerIds.map((id) => ({ id, displayName: nameOf.get(id) ?? 'Fallmanagement' }));

  const barrierTypes = (
    await trx
      .selectFrom('barrierTypes')
      .select(['id', 'code', 'label', 'specialCategory', 'serviceTypes'])
      .where('tenantId', '=', tenantId)
      .where('active', '=', true)
      .orderBy('sortOrder')
      .orderBy('code')
      .execute()
  ).map((t): DemoCoopBarrierType => ({ ...t, serviceTypes: t.serviceTypes }));

  // Cases that can have cooperation: not the declined ones; the implementation window from the history.
  const { rows: caseRows } = await sql<{
    id: string;
    personId: string;
    status: DemoCoopCase['status'];
    caseManagerId: string;
    openedOn: string;
    closedOn: string | null;
    implementationFrom: string | null;
    implementationTo: string | null;
    birthDate: string;
    singleParent: boolean;
    refugee: boolean;
    severeDisability: boolean;
    latitude: number | null;
    longitude: number | null;
  }>`
    select c.id, c.person_id, c.status, c.case_manager_id, c.opened_on::text as opened_on, c.closed_on::text as closed_on,
      (w.implementation_from at time zone 'UTC')::date::text as implementation_from,
      (w.implementation_to at time zone 'UTC')::date::text as implementation_to,
      p.birth_date::text as birth_date, p.single_parent, p.refugee, p.severe_disability, p.latitude, p.longitude
    from cases c
    join persons p on p.tenant_id = c.tenant_id and p.id = c.person_id
    left join (
      select case_id,
        min(at) filter (where to_status = 'implementation') as implementation_from,
        max(at) filter (where from_status = 'implementation') as implementation_to
      from case_transitions where tenant_id = ${tenantId}
      group by case_id
    ) w on w.case_id = c.id
    where c.tenant_id = ${tenantId} and c.status <> 'not_indicated'
    order by c.id`.execute(trx);

  const barriers = await trx
    .selectFrom('caseBarriers')
    .select(['caseId', 'id', 'barrierTypeId', 'status', 'priority'])
    .where('tenantId', '=', tenantId)
    .orderBy('caseId')
    .orderBy('recordedOn')
    .orderBy('id')
    .execute();
  const { rows: goals } = await sql<{
    caseId: string;
    id: string;
    title: string;
    status: 'active' | 'reached' | 'dropped';
    createdOn: string;
  }>`
    select case_id, id, title, status, (created_at at time zone 'UTC')::date::text as created_on
    from plan_goals where tenant_id = ${tenantId}
    order by case_id, created_at, id`.execute(trx);

  const barriersOf = new Map<string, DemoCoopCase['barriers'][number][]>();
  for (const b of barriers) {
    const list = barriersOf.get(b.caseId) ?? [];
    list.push({ id: b.id, barrierTypeId: b.barrierTypeId, status: b.status, priority: b.priority });
    barriersOf.set(b.caseId, list);
  }
  const goalsOf = new Map<string, DemoCoopCase['goals'][number][]>();
  for (const g of goals) {
    const list = goalsOf.get(g.caseId) ?? [];
    list.push({ id: g.id, title: g.title, status: g.status, createdOn: g.createdOn });
    goalsOf.set(g.caseId, list);
  }
  const cases: DemoCoopCase[] = caseRows.map((c) => ({
    id: c.id,
    personId: c.personId,
    status: c.status,
    caseManagerId: c.caseManagerId,
    openedOn: c.openedOn,
    closedOn: c.closedOn,
    implementationFrom: c.implementationFrom,
    implementationTo: c.implementationTo,
    person: {
      birthDate: c.birthDate,
      singleParent: c.singleParent,
      refugee: c.refugee,
      severeDisability: c.severeDisability,
      latitude: c.latitude,
      longitude: c.longitude,
    },
    barriers: barriersOf.get(c.id) ?? [],
    goals: goalsOf.get(c.id) ?? [],
  }));
  return { managers, barrierTypes, cases };
}

/** Every provider needs an actor for its steps: given, existing, or a disabled staff user created here. */
async function ensureProviderStaff(
  trx: Kysely<Database>,
  tenantId: string,
  tenantIndex: number,
  network: DemoProviderNetwork,
  given: Record<string, string>,
): Promise<{ ids: Record<string, string>; created: number }> {
  const ids: Record<string, string> = {};
  for (const provider of network.providers) if (given[provider.id]) ids[provider.id] = given[provider.id] as string;
  const existing = await trx
    .selectFrom('users')
    .select(['id', 'providerId'])
    .where('tenantId', '=', tenantId)
    .where(
      'providerId',
      'in',
      network.providers.map((p) => p.id),
    )
    .orderBy('createdAt')
    .orderBy('username')
    .execute();
  for (const user of existing) if (user.providerId && !ids[user.providerId]) ids[user.providerId] = user.id;

  const missing = network.staff.filter((s) => !ids[s.providerId]);
  if (missing.length === 0) return { ids, created: 0 };
  // User names are unique across tenants (user_logins): prefixed like the tenant's demo logins.
  const prefix = tenantIndex === 0 ? '' : `jc${tenantIndex + 1}.`;
  const wanted = missing.map((s) => `${prefix}${s.username}`);
  const taken = new Set(
    (await trx.selectFrom('userLogins').select('username').where('username', 'in', wanted).execute()).map((r) => r.username),
  );
  const rows = missing.map((s, i) => {
    const name = wanted[i] as string;
    return {
      id: s.id,
      providerId: s.providerId,
      displayName: s.displayName,
      username: taken.has(name) ? `${name}.${tenantId.slice(0, 8)}` : name,
    };
  });
  await trx
    .insertInto('users')
    .values(
      rows.map((r) => ({
        tenantId,
        id: r.id,
        username: r.username,
        displayName: r.displayName,
        email: null,
        // Not a valid hash: nobody can log in as these users; they only act in the demo history.
        passwordHash: '!',
        roles: ['provider_staff'],
        providerId: r.providerId,
        disabled: true,
      })),
    )
    .execute();
  await trx
    .insertInto('userLogins')
    .values(rows.map((r) => ({ username: r.username, tenantId, userId: r.id })))
    .execute();
  for (const r of rows) ids[r.providerId] = r.id;
  return { ids, created: rows.length };
}

export async function insertCooperation(trx: Kysely<Database>, tenantId: string, bundles: DemoCaseCooperation[]) {
  const all = <T>(pick: (b: DemoCaseCooperation) => T[]) => bundles.flatMap(pick);
  await bulkInsert(
    trx,
    'consents',
    tenantId,
    all((b) => b.consents),
    [
      ['id', 'uuid', (c) => c.id],
      ['person_id', 'uuid', (c) => c.personId],
      ['case_id', 'uuid', (c) => c.caseId],
      ['provider_id', 'uuid', (c) => c.providerId],
      ['categories', 'text', (c) => arrayLiteral(c.categories), 'text[]'],
      ['purpose', 'text', (c) => c.purpose],
      ['form', 'text', (c) => c.form],
      ['given_on', 'date', (c) => c.givenOn],
      ['valid_until', 'date', (c) => c.validUntil],
      ['counselled', 'text', (c) => arrayLiteral(c.counselled), 'text[]'],
      ['revoked_on', 'date', (c) => c.revokedOn],
      ['revoked_at', 'timestamptz', (c) => c.revokedAt],
      ['revoked_by', 'uuid', (c) => c.revokedBy],
      ['revocation_note', 'text', (c) => c.revocationNote],
      ['recorded_by', 'uuid', (c) => c.recordedBy],
      ['version', 'int4', (c) => c.version],
      ['created_at', 'timestamptz', (c) => c.createdAt],
    ],
  );
  await bulkInsert(
    trx,
    'referrals',
    tenantId,
    all((b) => b.referrals),
    [
      ['id', 'uuid', (r) => r.id],
      ['case_id', 'uuid', (r) => r.caseId],
      ['person_id', 'uuid', (r) => r.personId],
      ['offer_id', 'uuid', (r) => r.offerId],
      ['provider_id', 'uuid', (r) => r.providerId],
      ['consent_id', 'uuid', (r) => r.consentId],
      ['status', 'text', (r) => r.status],
      ['referral_note', 'text', (r) => r.referralNote],
      ['goal_ids', 'text', (r) => arrayLiteral(r.goalIds), 'uuid[]'],
      ['health_note', 'text', (r) => r.healthNote],
      ['needs_decision', 'text', (r) => r.needsDecision],
      ['sent_on', 'date', (r) => r.sentOn],
      ['accepted_on', 'date', (r) => r.acceptedOn],
      ['started_on', 'date', (r) => r.startedOn],
      ['ended_on', 'date', (r) => r.endedOn],
      ['result', 'text', (r) => r.result],
      ['last_report_on', 'date', (r) => r.lastReportOn],
      ['created_by', 'uuid', (r) => r.createdBy],
      ['version', 'int4', (r) => r.version],
      ['created_at', 'timestamptz', (r) => r.createdAt],
      ['updated_at', 'timestamptz', (r) => r.updatedAt],
    ],
  );
  await bulkInsert(
    trx,
    'referral_transitions',
    tenantId,
    all((b) => b.transitions),
    [
      ['id', 'uuid', (t) => t.id],
      ['referral_id', 'uuid', (t) => t.referralId],
      ['from_status', 'text', (t) => t.fromStatus],
      ['to_status', 'text', (t) => t.toStatus],
      ['actor_id', 'uuid', (t) => t.actorId],
      ['actor_side', 'text', (t) => t.actorSide],
      ['at', 'timestamptz', (t) => t.at],
      ['reason', 'text', (t) => t.reason],
    ],
  );
  await bulkInsert(
    trx,
    'referral_feedback',
    tenantId,
    all((b) => b.feedback),
    [
      ['id', 'uuid', (f) => f.id],
      ['referral_id', 'uuid', (f) => f.referralId],
      ['kind', 'text', (f) => f.kind],
      ['categories', 'text', (f) => arrayLiteral(f.categories), 'text[]'],
      ['recorded_on', 'date', (f) => f.recordedOn],
      ['recorded_by', 'uuid', (f) => f.recordedBy],
      ['recorded_at', 'timestamptz', (f) => f.recordedAt],
      ['fields', 'text', (f) => json(f.fields), 'jsonb'],
    ],
  );
  await bulkInsert(
    trx,
    'case_barriers',
    tenantId,
    all((b) => b.barriers),
    CASE_BARRIER_COLUMNS,
  );
  await bulkInsert(
    trx,
    'barrier_proposals',
    tenantId,
    all((b) => b.proposals),
    [
      ['id', 'uuid', (p) => p.id],
      ['case_id', 'uuid', (p) => p.caseId],
      ['referral_id', 'uuid', (p) => p.referralId],
      ['feedback_id', 'uuid', (p) => p.feedbackId],
      ['barrier_type_id', 'uuid', (p) => p.barrierTypeId],
      ['note', 'text', (p) => p.note],
      ['special_category', 'bool', (p) => p.specialCategory],
      ['status', 'text', (p) => p.status],
      ['decided_by', 'uuid', (p) => p.decidedBy],
      ['decided_at', 'timestamptz', (p) => p.decidedAt],
      ['decision_note', 'text', (p) => p.decisionNote],
      ['barrier_id', 'uuid', (p) => p.barrierId],
      ['version', 'int4', (p) => p.version],
      ['created_at', 'timestamptz', (p) => p.createdAt],
    ],
  );
  await bulkInsert(
    trx,
    'follow_ups',
    tenantId,
    all((b) => b.followUps),
    FOLLOW_UP_COLUMNS,
  );
  await bulkInsert(
    trx,
    'plan_subgoals',
    tenantId,
    all((b) => b.subGoals),
    PLAN_SUBGOAL_COLUMNS,
  );
  await bulkInsert(
    trx,
    'case_conferences',
    tenantId,
    all((b) => b.conferences),
    [
      ['id', 'uuid', (c) => c.id],
      ['case_id', 'uuid', (c) => c.caseId],
      ['scheduled_at', 'timestamptz', (c) => c.scheduledAt],
      ['location', 'text', (c) => c.location],
      ['status', 'text', (c) => c.status],
      ['person_present', 'bool', (c) => c.personPresent],
      ['absence_reason', 'text', (c) => c.absenceReason],
      ['topics', 'text', (c) => json(c.topics), 'jsonb'],
      ['minutes', 'text', (c) => c.minutes],
      ['created_by', 'uuid', (c) => c.createdBy],
      ['version', 'int4', (c) => c.version],
      ['created_at', 'timestamptz', (c) => c.createdAt],
      ['updated_at', 'timestamptz', (c) => c.updatedAt],
    ],
  );
  await bulkInsert(
    trx,
    'conference_participants',
    tenantId,
    all((b) => b.participants),
    [
      ['id', 'uuid', (p) => p.id],
      ['conference_id', 'uuid', (p) => p.conferenceId],
      ['position', 'int4', (p) => p.position],
      ['kind', 'text', (p) => p.kind],
      ['user_id', 'uuid', (p) => p.userId],
      ['provider_id', 'uuid', (p) => p.providerId],
      ['name', 'text', (p) => p.name],
      ['organisation', 'text', (p) => p.organisation],
      ['function', 'text', (p) => p.function],
    ],
  );
  await bulkInsert(
    trx,
    'conference_actions',
    tenantId,
    all((b) => b.actions),
    [
      ['id', 'uuid', (a) => a.id],
      ['conference_id', 'uuid', (a) => a.conferenceId],
      ['kind', 'text', (a) => a.kind],
      ['title', 'text', (a) => a.title],
      ['due_on', 'date', (a) => a.dueOn],
      ['owner_id', 'uuid', (a) => a.ownerId],
      ['provider_id', 'uuid', (a) => a.providerId],
      ['follow_up_id', 'uuid', (a) => a.followUpId],
      ['goal_id', 'uuid', (a) => a.goalId],
      ['subgoal_id', 'uuid', (a) => a.subgoalId],
      ['created_by', 'uuid', (a) => a.createdBy],
      ['created_at', 'timestamptz', (a) => a.createdAt],
    ],
  );
}
