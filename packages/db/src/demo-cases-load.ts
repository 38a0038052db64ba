import { type CasePriority, DEFAULT_CONTACT_DENSITY_DAYS, DEFAULT_INDICATION_RULE } from '@lotse/domain';
import { type Kysely, sql } from 'kysely';
import {
  type DemoCaseAgreementRule,
  type DemoCaseBarrierType,
  type DemoCaseFile,
  type DemoCasePerson,
  generateDemoCases,
} from './demo/cases';
import { arrayLiteral, bulkInsert, CASE_BARRIER_COLUMNS, FOLLOW_UP_COLUMNS, json, PLAN_SUBGOAL_COLUMNS } from './demo-bulk-insert';
import type { Database } from './schema';
import { withTenant } from './tenant-scope';

export interface LoadCasesOptions {
  tenantId: string;
  tenantIndex: number;
  seed: string;
  /** ISO date "today" of the demo. */
  referenceDate: string;
  /** Users with the role case_manager; the first is the demo login ('fallmanagement') and gets 40–60 cases. */
  caseManagerIds: string[];
  /** Default: ≈ 6 % of the persons aged 18–64 (at least 60, at most 20,000). */
  caseCount?: number;
  /** Cases per transaction (default 1,000). */
  batchSize?: number;
  /**
   * Batches written at the same time on separate pooled connections (default 1). Foreign-key checks
   * dominate the insert time, so PostgreSQL gains from 3; PGlite has one connection and must stay at 1.
   */
  concurrency?: number;
  onProgress?: (loaded: number) => void;
}

/**
 * Generates case files for the tenant's persons (demo/cases.ts) and bulk-loads them: per batch one
 * multi-row INSERT … SELECT FROM unnest(…) per table, so a batch of 1,000 cases is ten statements.
 * Like the persons, demo cases are not written to the change log: no user made these changes.
 * Persons who already have an open case are skipped ("one open case per person").
 */
export async function loadDemoCases(db: Kysely<Database>, options: LoadCasesOptions): Promise<number> {
  const { tenantId } = options;
  const batchSize = options.batchSize ?? 1_000;
  const input = await withTenant(db, tenantId, async (trx) => {
    // Only persons who are 18–64 on the reference date can be in case management.
    const persons = await trx
      .selectFrom('persons as p')
      .select(['p.id', 'p.birthDate', 'p.singleParent', 'p.refugee', 'p.severeDisability', 'p.interpreterNeeded'])
      .where('p.tenantId', '=', tenantId)
      .where('p.birthDate', '>', sql<string>`${options.referenceDate}::date - interval '65 years'`)
      .where('p.birthDate', '<=', sql<string>`${options.referenceDate}::date - interval '18 years'`)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('cases as c')
              .select('c.id')
              .whereRef('c.tenantId', '=', 'p.tenantId')
              .whereRef('c.personId', '=', 'p.id')
              .where('c.status', 'in', ['intake', 'assessment', 'planning', 'implementation', 'closing', 'aftercare']),
          ),
        ),
      )
      .orderBy('p.id')
      .execute();
    const barrierTypes = await trx
      .selectFrom('barrierTypes')
      .select(['id', 'code', 'phase'])
      .where('tenantId', '=', tenantId)
      .where('active', '=', true)
      .orderBy('sortOrder')
      .orderBy('code')
      .execute();
    const agreementRules = await trx
      .selectFrom('agreementRules')
      .select(['id', 'code', 'validFrom', 'validTo', 'agreedKind', 'fallbackKind', 'reviewWithinMonths'])
      .orderBy('validFrom')
      .execute();
    const rules = await trx.selectFrom('tenantCaseRules').selectAll().where('tenantId', '=', tenantId).executeTakeFirst();
    return { persons, barrierTypes, agreementRules, rules };
  });

  const densityDays: Record<CasePriority, number> = input.rules
    ? { high: input.rules.densityHighDays, medium: input.rules.densityMediumDays, low: input.rules.densityLowDays }
    : DEFAULT_CONTACT_DENSITY_DAYS;
  const indicationRule = input.rules
    ? { minBarriers: input.rules.indicationMinBarriers, requireWillingness: input.rules.indicationRequireWillingness }
    : DEFAULT_INDICATION_RULE;

  const concurrency = Math.max(1, options.concurrency ?? 1);
  let batch: DemoCaseFile[] = [];
  let loaded = 0;
  let failure: unknown = null;
  const pending = new Set<Promise<void>>();
  // Generating the next batch overlaps with writing the previous ones; each batch is its own transaction.
  const flush = async () => {
    if (batch.length > 0) {
      const files = batch;
      batch = [];
      const task: Promise<void> = withTenant(db, tenantId, (trx) => insertCaseFiles(trx, tenantId, files))
        .then(() => {
          loaded += files.length;
          options.onProgress?.(loaded);
        })
        .catch((error: unknown) => {
          failure ??= error;
        })
        .finally(() => pending.delete(task));
      pending.add(task);
    }
    while (pending.size >= concurrency) await Promise.race(pending);
    if (failure) throw failure;
  };
  try {
    for (const file of generateDemoCases({
      seed: options.seed,
      tenantIndex: options.tenantIndex,
      referenceDate: options.referenceDate,
      persons: input.persons as DemoCasePerson[],
      barrierTypes: input.barrierTypes as DemoCaseBarrierType[],
      agreementRules: input.agreementRules as DemoCaseAgreementRule[],
      caseManagerIds: options.caseManagerIds,
      caseCount: options.caseCount,
      densityDays,
      indicationRule,
    })) {
      batch.push(file);
      if (batch.length >= batchSize) await flush();
    }
    await flush();
  } finally {
    await Promise.all(pending);
  }
  if (failure) throw failure;
  return loaded;
}

export async function insertCaseFiles(trx: Kysely<Database>, tenantId: string, files: DemoCaseFile[]) {
  const all = <T>(pick: (file: DemoCaseFile) => T[]) => files.flatMap(pick);
  await bulkInsert(
    trx,
    'cases',
    tenantId,
    files.map((f) => f.case),
    [
      ['id', 'uuid', (c) => c.id],
      ['person_id', 'uuid', (c) => c.personId],
      ['status', 'text', (c) => c.status],
      ['priority', 'text', (c) => c.priority],
      ['case_manager_id', 'uuid', (c) => c.caseManagerId],
      ['contact_density_days', 'int4', (c) => c.contactDensityDays],
      ['willing_to_cooperate', 'bool', (c) => c.willingToCooperate],
      ['opened_on', 'date', (c) => c.openedOn],
      ['closed_on', 'date', (c) => c.closedOn],
      ['aftercare_until', 'date', (c) => c.aftercareUntil],
      ['status_since', 'timestamptz', (c) => c.statusSince],
      ['outcome', 'text', (c) => c.outcome],
      ['retrospective', 'text', (c) => c.retrospective],
      ['prospective', 'text', (c) => c.prospective],
      ['person_participated', 'bool', (c) => c.personParticipated],
      ['satisfaction', 'int4', (c) => c.satisfaction],
      ['last_contact_on', 'date', (c) => c.lastContactOn],
      ['next_contact_due', 'date', (c) => c.nextContactDue],
      ['created_at', 'timestamptz', (c) => c.createdAt],
      ['updated_at', 'timestamptz', (c) => c.updatedAt],
    ],
  );
  await bulkInsert(
    trx,
    'case_transitions',
    tenantId,
    all((f) => f.transitions),
    [
      ['id', 'uuid', (t) => t.id],
      ['case_id', 'uuid', (t) => t.caseId],
      ['at', 'timestamptz', (t) => t.at],
      ['actor_id', 'uuid', (t) => t.actorId],
      ['action', 'text', (t) => t.action],
      ['from_status', 'text', (t) => t.fromStatus],
      ['to_status', 'text', (t) => t.toStatus],
      ['reason', 'text', (t) => t.reason],
      ['indication_met', 'bool', (t) => t.indicationMet],
      ['indication_override', 'bool', (t) => t.indicationOverride],
    ],
  );
  await bulkInsert(
    trx,
    'case_barriers',
    tenantId,
    all((f) => f.barriers),
    CASE_BARRIER_COLUMNS,
  );
  await bulkInsert(
    trx,
    'case_resources',
    tenantId,
    all((f) => f.resources),
    [
      ['id', 'uuid', (r) => r.id],
      ['case_id', 'uuid', (r) => r.caseId],
      ['category', 'text', (r) => r.category],
      ['description', 'text', (r) => r.description],
      ['recorded_on', 'date', (r) => r.recordedOn],
      ['recorded_by', 'uuid', (r) => r.recordedBy],
      ['created_at', 'timestamptz', (r) => r.createdAt],
    ],
  );
  await bulkInsert(
    trx,
    'plan_goals',
    tenantId,
    all((f) => f.goals),
    [
      ['id', 'uuid', (g) => g.id],
      ['case_id', 'uuid', (g) => g.caseId],
      ['title', 'text', (g) => g.title],
      ['description', 'text', (g) => g.description],
      ['status', 'text', (g) => g.status],
      ['barrier_ids', 'text', (g) => arrayLiteral(g.barrierIds), 'uuid[]'],
      ['created_at', 'timestamptz', (g) => g.createdAt],
      ['updated_at', 'timestamptz', (g) => g.updatedAt],
    ],
  );
  await bulkInsert(
    trx,
    'plan_subgoals',
    tenantId,
    all((f) => f.subGoals),
    PLAN_SUBGOAL_COLUMNS,
  );
  await bulkInsert(
    trx,
    'agreement_versions',
    tenantId,
    all((f) => f.agreements),
    [
      ['id', 'uuid', (a) => a.id],
      ['case_id', 'uuid', (a) => a.caseId],
      ['version_no', 'int4', (a) => a.versionNo],
      ['rule_id', 'uuid', (a) => a.ruleId],
      ['kind', 'text', (a) => a.kind],
      ['reached', 'bool', (a) => a.reached],
      ['agreed_on', 'date', (a) => a.agreedOn],
      ['valid_until', 'date', (a) => a.validUntil],
      ['review_on', 'date', (a) => a.reviewOn],
      ['duties', 'text', (a) => json(a.duties), 'jsonb'],
      ['commitments', 'text', (a) => json(a.commitments), 'jsonb'],
      ['personal_offer', 'text', (a) => a.personalOffer],
      ['notes', 'text', (a) => a.notes],
      ['created_by', 'uuid', (a) => a.createdBy],
      ['created_at', 'timestamptz', (a) => a.createdAt],
    ],
  );
  await bulkInsert(
    trx,
    'case_ratings',
    tenantId,
    all((f) => f.ratings),
    [
      ['id', 'uuid', (r) => r.id],
      ['case_id', 'uuid', (r) => r.caseId],
      ['occasion', 'text', (r) => r.occasion],
      ['rated_on', 'date', (r) => r.ratedOn],
      ['with_person', 'bool', (r) => r.withPerson],
      ['rated_by', 'uuid', (r) => r.ratedBy],
      ['scores', 'text', (r) => json(r.scores), 'jsonb'],
      ['created_at', 'timestamptz', (r) => r.createdAt],
    ],
  );
  await bulkInsert(
    trx,
    'case_contacts',
    tenantId,
    all((f) => f.contacts),
    [
      ['id', 'uuid', (c) => c.id],
      ['case_id', 'uuid', (c) => c.caseId],
      ['kind', 'text', (c) => c.kind],
      ['occurred_on', 'date', (c) => c.occurredOn],
      ['summary', 'text', (c) => c.summary],
      ['note', 'text', (c) => c.note],
      ['created_by', 'uuid', (c) => c.createdBy],
      ['created_at', 'timestamptz', (c) => c.createdAt],
    ],
  );
  await bulkInsert(
    trx,
    'follow_ups',
    tenantId,
    all((f) => f.followUps),
    FOLLOW_UP_COLUMNS,
  );
}
