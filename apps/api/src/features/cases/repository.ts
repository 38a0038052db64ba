import { type CasesTable, type Database, type Tx, updateIfVersion } from '@lotse/db';
import { OPEN_CASE_STATUSES } from '@lotse/domain';
import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { sanctionHistoryOfCase } from '../sanctions/history';

export type CaseRow = NonNullable<Awaited<ReturnType<CaseRepository['findCase']>>>;
export type CaseFile = NonNullable<Awaited<ReturnType<CaseRepository['caseFile']>>>;

/** Rows that may be updated only when their version is still the expected one. */
type FollowUpKind = 'general' | 'placement' | 'benefits_notice' | 'sanction_decision' | 'expert_consultation';
type Versioned = 'cases' | 'caseBarriers' | 'planGoals' | 'planSubgoals' | 'followUps';

const CONTACTS_ON_OVERVIEW = 20;

export class CaseRepository {
  findCase(trx: Tx, tenantId: string, id: string, options: { forUpdate?: boolean } = {}) {
    let query = trx.selectFrom('cases').selectAll().where('tenantId', '=', tenantId).where('id', '=', id);
    if (options.forUpdate) query = query.forUpdate();
    return query.executeTakeFirst();
  }

  insertCase(trx: Tx, row: Insertable<CasesTable>) {
    return trx.insertInto('cases').values(row).execute();
  }

  /** Updates a versioned row if its version is still `expectedVersion`; returns whether it did. */
  updateVersioned<T extends Versioned>(
    trx: Tx,
    table: T,
    tenantId: string,
    id: string,
    expectedVersion: number,
    changes: Record<string, unknown>,
  ) {
    return updateIfVersion(trx, table, tenantId, id, expectedVersion, changes);
  }

  /** Changes of a case made as a side effect (contacts move the due date): no version check. */
  async touchCase(trx: Tx, tenantId: string, id: string, changes: Updateable<CasesTable>) {
    await trx.updateTable('cases').set(changes).where('tenantId', '=', tenantId).where('id', '=', id).execute();
  }

  insertTransition(
    trx: Tx,
    row: {
      tenantId: string;
      id: string;
      caseId: string;
      actorId: string;
      action: string;
      fromStatus: string | null;
      toStatus: string;
      reason: string | null;
      indicationMet: boolean | null;
      indicationOverride: boolean;
    },
  ) {
    return trx.insertInto('caseTransitions').values(row).execute();
  }

  caseRules(trx: Tx, tenantId: string) {
    return trx.selectFrom('tenantCaseRules').selectAll().where('tenantId', '=', tenantId).executeTakeFirst();
  }

  openCaseOf(trx: Tx, tenantId: string, personId: string) {
    return trx
      .selectFrom('cases')
      .select('id')
      .where('tenantId', '=', tenantId)
      .where('personId', '=', personId)
      .where('status', 'in', OPEN_CASE_STATUSES)
      .executeTakeFirst();
  }

  personExists(trx: Tx, tenantId: string, personId: string) {
    return trx.selectFrom('persons').select('id').where('tenantId', '=', tenantId).where('id', '=', personId).executeTakeFirst();
  }

  isActiveCaseManager(trx: Tx, tenantId: string, userId: string) {
    return trx
      .selectFrom('users')
      .select('id')
      .where('tenantId', '=', tenantId)
      .where('id', '=', userId)
      .where('disabled', '=', false)
      .where(sql<boolean>`'case_manager' = any(roles)`)
      .executeTakeFirst();
  }

  isActiveStaff(trx: Tx, tenantId: string, userId: string) {
    return trx
      .selectFrom('users')
      .select('id')
      .where('tenantId', '=', tenantId)
      .where('id', '=', userId)
      .where('disabled', '=', false)
      .where(sql<boolean>`roles && array['case_manager', 'placement_officer', 'benefits_officer', 'team_lead']::text[]`)
      .executeTakeFirst();
  }

  /**
   * Everything the case-file page shows, in one statement (one round trip): the case with person and
   * case manager, and each part of the file as a JSON array. The most-read path of the product.
   */
  caseFile(trx: Tx, tenantId: string, id: string) {
    return caseFileQuery(trx, tenantId, id).executeTakeFirst();
  }

  listCases(
    trx: Tx,
    tenantId: string,
    filter: {
      caseManagerId?: string;
      statuses: readonly string[];
      after?: { updatedAt: string; id: string };
      limit: number;
      personId?: string;
    },
  ) {
    let query = trx
      .selectFrom('cases as c')
      .innerJoin('persons as p', (join) => join.onRef('p.tenantId', '=', 'c.tenantId').onRef('p.id', '=', 'c.personId'))
      .innerJoin('users as m', (join) => join.onRef('m.tenantId', '=', 'c.tenantId').onRef('m.id', '=', 'c.caseManagerId'))
      .select([
        'c.id',
        'c.status',
        'c.priority',
        'c.openedOn',
        'c.closedOn',
        'c.nextContactDue',
        'c.updatedAt',
        'c.personId',
        'p.customerNumber',
        'p.firstName',
        'p.lastName',
        'p.birthDate',
        'c.caseManagerId',
        'm.displayName as caseManagerName',
      ])
      .where('c.tenantId', '=', tenantId)
      .where('c.status', 'in', filter.statuses);
    if (filter.caseManagerId) query = query.where('c.caseManagerId', '=', filter.caseManagerId);
    if (filter.personId) query = query.where('c.personId', '=', filter.personId);
    if (filter.after) {
      const { updatedAt, id } = filter.after;
      query = query.where((eb) => eb(eb.refTuple('c.updatedAt', 'c.id'), '<', eb.tuple(sql<Date>`${updatedAt}::timestamptz`, id)));
    }
    return query
      .orderBy('c.updatedAt', 'desc')
      .orderBy('c.id', 'desc')
      .limit(filter.limit + 1)
      .execute();
  }

  transitionHistory(trx: Tx, tenantId: string, caseId: string) {
    return trx
      .selectFrom('caseTransitions')
      .selectAll()
      .where('tenantId', '=', tenantId)
      .where('caseId', '=', caseId)
      .orderBy('at')
      .execute();
  }

  // ——— barriers ———

  barrierTypeById(trx: Tx, tenantId: string, id: string) {
    return trx.selectFrom('barrierTypes').selectAll().where('tenantId', '=', tenantId).where('id', '=', id).executeTakeFirst();
  }

  insertBarrier(
    trx: Tx,
    row: {
      tenantId: string;
      id: string;
      caseId: string;
      barrierTypeId: string;
      severity: 'low' | 'medium' | 'high';
      recordedOn: string;
      recordedBy: string;
      indicators: unknown;
      note: string | null;
    },
  ) {
    return trx
      .insertInto('caseBarriers')
      .values({ ...row, indicators: JSON.stringify(row.indicators) })
      .execute();
  }

  findBarrier(trx: Tx, tenantId: string, caseId: string, id: string) {
    return trx
      .selectFrom('caseBarriers as b')
      .innerJoin('barrierTypes as t', (join) => join.onRef('t.tenantId', '=', 'b.tenantId').onRef('t.id', '=', 'b.barrierTypeId'))
      .innerJoin('users as u', (join) => join.onRef('u.tenantId', '=', 'b.tenantId').onRef('u.id', '=', 'b.recordedBy'))
      .select(BARRIER_COLUMNS)
      .where('b.tenantId', '=', tenantId)
      .where('b.caseId', '=', caseId)
      .where('b.id', '=', id)
      .executeTakeFirst();
  }

  activeBarrierIds(trx: Tx, tenantId: string, caseId: string) {
    return trx
      .selectFrom('caseBarriers')
      .select('id')
      .where('tenantId', '=', tenantId)
      .where('caseId', '=', caseId)
      .where('status', '=', 'active')
      .execute();
  }

  /** Sets the order of treatment: position 1 first; resolved barriers lose their position. */
  async setBarrierOrder(trx: Tx, tenantId: string, caseId: string, orderedIds: string[]) {
    await trx.updateTable('caseBarriers').set({ priority: null }).where('tenantId', '=', tenantId).where('caseId', '=', caseId).execute();
    await sql`
      update case_barriers b set priority = o.position, updated_at = now()
      from unnest(${orderedIds}::uuid[]) with ordinality as o(id, position)
      where b.tenant_id = ${tenantId} and b.case_id = ${caseId} and b.id = o.id`.execute(trx);
  }

  // ——— resources ———

  insertResource(
    trx: Tx,
    row: { tenantId: string; id: string; caseId: string; category: string; description: string; recordedOn: string; recordedBy: string },
  ) {
    return trx.insertInto('caseResources').values(row).execute();
  }

  findResource(trx: Tx, tenantId: string, caseId: string, id: string) {
    return trx
      .selectFrom('caseResources as s')
      .innerJoin('users as u', (join) => join.onRef('u.tenantId', '=', 's.tenantId').onRef('u.id', '=', 's.recordedBy'))
      .select(RESOURCE_COLUMNS)
      .where('s.tenantId', '=', tenantId)
      .where('s.caseId', '=', caseId)
      .where('s.id', '=', id)
      .executeTakeFirst();
  }

  async deleteResource(trx: Tx, tenantId: string, caseId: string, id: string) {
    const result = await trx
      .deleteFrom('caseResources')
      .where('tenantId', '=', tenantId)
      .where('caseId', '=', caseId)
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  // ——— plan ———

  insertGoal(
    trx: Tx,
    row: { tenantId: string; id: string; caseId: string; title: string; description: string | null; barrierIds: string[] },
  ) {
    return trx.insertInto('planGoals').values(row).execute();
  }

  findGoal(trx: Tx, tenantId: string, caseId: string, id: string) {
    return trx
      .selectFrom('planGoals as g')
      .select(GOAL_COLUMNS)
      .where('g.tenantId', '=', tenantId)
      .where('g.caseId', '=', caseId)
      .where('g.id', '=', id)
      .executeTakeFirst();
  }

  subGoalsOfGoal(trx: Tx, tenantId: string, goalId: string) {
    return trx
      .selectFrom('planSubgoals as s')
      .select(SUBGOAL_COLUMNS)
      .where('s.tenantId', '=', tenantId)
      .where('s.goalId', '=', goalId)
      .orderBy('s.dueOn')
      .orderBy('s.createdAt')
      .execute();
  }

  countBarriersOfCase(trx: Tx, tenantId: string, caseId: string, ids: string[]) {
    if (ids.length === 0) return Promise.resolve(0);
    return trx
      .selectFrom('caseBarriers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenantId', '=', tenantId)
      .where('caseId', '=', caseId)
      .where('id', 'in', ids)
      .executeTakeFirstOrThrow()
      .then((row) => Number(row.n));
  }

  insertSubGoal(
    trx: Tx,
    row: {
      tenantId: string;
      id: string;
      caseId: string;
      goalId: string;
      title: string;
      ownerKind: 'person' | 'case_manager' | 'provider';
      ownerNote: string | null;
      dueOn: string;
    },
  ) {
    return trx.insertInto('planSubgoals').values(row).execute();
  }

  findSubGoal(trx: Tx, tenantId: string, caseId: string, id: string) {
    return trx
      .selectFrom('planSubgoals as s')
      .select(SUBGOAL_COLUMNS)
      .where('s.tenantId', '=', tenantId)
      .where('s.caseId', '=', caseId)
      .where('s.id', '=', id)
      .executeTakeFirst();
  }

  // ——— agreements ———

  agreementRules(trx: Tx) {
    return trx.selectFrom('agreementRules').selectAll().orderBy('validFrom').execute();
  }

  goalTitles(trx: Tx, tenantId: string, caseId: string) {
    return trx
      .selectFrom('planGoals')
      .select(['id', 'title'])
      .where('tenantId', '=', tenantId)
      .where('caseId', '=', caseId)
      .orderBy('createdAt')
      .execute();
  }

  async nextAgreementNo(trx: Tx, tenantId: string, caseId: string) {
    const row = await trx
      .selectFrom('agreementVersions')
      .select((eb) => eb.fn.max<number | null>('versionNo').as('max'))
      .where('tenantId', '=', tenantId)
      .where('caseId', '=', caseId)
      .executeTakeFirst();
    return (row?.max ?? 0) + 1;
  }

  insertAgreement(
    trx: Tx,
    row: {
      tenantId: string;
      id: string;
      caseId: string;
      versionNo: number;
      ruleId: string;
      kind: 'egv' | 'kooperationsplan' | 'verwaltungsakt';
      reached: boolean;
      agreedOn: string;
      validUntil: string;
      reviewOn: string;
      duties: unknown;
      commitments: unknown;
      personalOffer: string | null;
      notes: string | null;
      createdBy: string;
    },
  ) {
    return trx
      .insertInto('agreementVersions')
      .values({ ...row, duties: JSON.stringify(row.duties), commitments: JSON.stringify(row.commitments) })
      .execute();
  }

  agreementVersions(trx: Tx, tenantId: string, caseId: string) {
    return trx
      .selectFrom('agreementVersions as a')
      .innerJoin('users as u', (join) => join.onRef('u.tenantId', '=', 'a.tenantId').onRef('u.id', '=', 'a.createdBy'))
      .select(AGREEMENT_COLUMNS)
      .where('a.tenantId', '=', tenantId)
      .where('a.caseId', '=', caseId)
      .orderBy('a.versionNo', 'desc')
      .execute();
  }

  /** What the agreement document prints besides the case file: the Jobcenter's name and the address. */
  async pdfContext(trx: Tx, tenantId: string, personId: string) {
    const row = await trx
      .selectFrom('persons as p')
      .innerJoin('tenants as t', 't.id', 'p.tenantId')
      .select(['t.name as tenantName', 'p.street', 'p.houseNumber', 'p.postalCode', 'p.city'])
      .where('p.tenantId', '=', tenantId)
      .where('p.id', '=', personId)
      .executeTakeFirstOrThrow();
    return row;
  }

  // ——— ratings, contacts, follow-ups ———

  insertRating(
    trx: Tx,
    row: {
      tenantId: string;
      id: string;
      caseId: string;
      occasion: 'baseline' | 'review' | 'closing';
      ratedOn: string;
      withPerson: boolean;
      ratedBy: string;
      scores: unknown;
    },
  ) {
    return trx
      .insertInto('caseRatings')
      .values({ ...row, scores: JSON.stringify(row.scores) })
      .execute();
  }

  insertContact(
    trx: Tx,
    row: {
      tenantId: string;
      id: string;
      caseId: string;
      kind: 'meeting' | 'phone' | 'letter' | 'home_visit';
      occurredOn: string;
      summary: string;
      note: string | null;
      createdBy: string;
    },
  ) {
    return trx.insertInto('caseContacts').values(row).execute();
  }

  latestContactOn(trx: Tx, tenantId: string, caseId: string) {
    return trx
      .selectFrom('caseContacts')
      .select((eb) => eb.fn.max<string | null>('occurredOn').as('latest'))
      .where('tenantId', '=', tenantId)
      .where('caseId', '=', caseId)
      .executeTakeFirst()
      .then((row) => row?.latest ?? null);
  }

  contacts(trx: Tx, tenantId: string, caseId: string, options: { after?: { occurredOn: string; id: string }; limit: number }) {
    let query = trx
      .selectFrom('caseContacts as k')
      .innerJoin('users as u', (join) => join.onRef('u.tenantId', '=', 'k.tenantId').onRef('u.id', '=', 'k.createdBy'))
      .select(CONTACT_COLUMNS)
      .where('k.tenantId', '=', tenantId)
      .where('k.caseId', '=', caseId);
    if (options.after) {
      const { occurredOn, id } = options.after;
      query = query.where((eb) => eb(eb.refTuple('k.occurredOn', 'k.id'), '<', eb.tuple(occurredOn, id)));
    }
    return query
      .orderBy('k.occurredOn', 'desc')
      .orderBy('k.id', 'desc')
      .limit(options.limit + 1)
      .execute();
  }

  findContact(trx: Tx, tenantId: string, id: string) {
    return trx
      .selectFrom('caseContacts as k')
      .innerJoin('users as u', (join) => join.onRef('u.tenantId', '=', 'k.tenantId').onRef('u.id', '=', 'k.createdBy'))
      .select(CONTACT_COLUMNS)
      .where('k.tenantId', '=', tenantId)
      .where('k.id', '=', id)
      .executeTakeFirst();
  }

  insertFollowUp(
    trx: Tx,
    row: { tenantId: string; id: string; caseId: string; title: string; dueOn: string; ownerId: string; kind?: FollowUpKind },
  ) {
    return trx.insertInto('followUps').values(row).execute();
  }

  findFollowUp(trx: Tx, tenantId: string, caseId: string, id: string) {
    return trx
      .selectFrom('followUps as f')
      .innerJoin('users as u', (join) => join.onRef('u.tenantId', '=', 'f.tenantId').onRef('u.id', '=', 'f.ownerId'))
      .select(FOLLOW_UP_COLUMNS)
      .where('f.tenantId', '=', tenantId)
      .where('f.caseId', '=', caseId)
      .where('f.id', '=', id)
      .executeTakeFirst();
  }
}

const BARRIER_COLUMNS = [
  'b.id',
  'b.severity',
  'b.recordedOn',
  'b.recordedBy',
  'u.displayName as recordedByName',
  'b.priority',
  'b.indicators',
  'b.note',
  'b.status',
  'b.version',
  't.id as typeId',
  't.code as typeCode',
  't.label as typeLabel',
  't.phase as typePhase',
  't.specialCategory',
  't.serviceTypes',
] as const;

const RESOURCE_COLUMNS = [
  's.id',
  's.category',
  's.description',
  's.recordedOn',
  's.recordedBy',
  'u.displayName as recordedByName',
] as const;

const GOAL_COLUMNS = ['g.id', 'g.title', 'g.description', 'g.status', 'g.barrierIds', 'g.version'] as const;

const SUBGOAL_COLUMNS = [
  's.id',
  's.goalId',
  's.title',
  's.ownerKind',
  's.ownerNote',
  's.dueOn',
  's.status',
  's.reviewNote',
  's.version',
] as const;

const AGREEMENT_COLUMNS = [
  'a.id',
  'a.versionNo',
  'a.ruleId',
  'a.kind',
  'a.reached',
  'a.agreedOn',
  'a.validUntil',
  'a.reviewOn',
  'a.duties',
  'a.commitments',
  'a.personalOffer',
  'a.notes',
  'a.createdBy',
  'u.displayName as createdByName',
  'a.createdAt',
] as const;

const CONTACT_COLUMNS = ['k.id', 'k.kind', 'k.occurredOn', 'k.summary', 'k.note', 'k.createdBy', 'u.displayName as createdByName'] as const;

const FOLLOW_UP_COLUMNS = [
  'f.id',
  'f.title',
  'f.dueOn',
  'f.ownerId',
  'u.displayName as ownerName',
  'f.doneOn',
  'f.kind',
  'f.version',
] as const;

/**
 * The case-file statement as a query builder: the repository executes it; the benchmark's floor server
 * compiles it once to send exactly the same SQL.
 */
export function caseFileQuery(db: Kysely<Database>, tenantId: string, id: string) {
  return db
    .selectFrom('cases as c')
    .innerJoin('persons as p', (join) => join.onRef('p.tenantId', '=', 'c.tenantId').onRef('p.id', '=', 'c.personId'))
    .innerJoin('users as m', (join) => join.onRef('m.tenantId', '=', 'c.tenantId').onRef('m.id', '=', 'c.caseManagerId'))
    .leftJoin('tenantCaseRules as r', 'r.tenantId', 'c.tenantId')
    .selectAll('c')
    .select([
      'p.customerNumber',
      'p.firstName',
      'p.lastName',
      'p.birthDate',
      'p.phone',
      'p.singleParent',
      'p.refugee',
      'p.severeDisability',
      'm.displayName as caseManagerName',
      'r.indicationMinBarriers',
      'r.indicationRequireWillingness',
      'r.densityHighDays',
      'r.densityMediumDays',
      'r.densityLowDays',
    ])
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('caseBarriers as b')
          .innerJoin('barrierTypes as t', (join) => join.onRef('t.tenantId', '=', 'b.tenantId').onRef('t.id', '=', 'b.barrierTypeId'))
          .innerJoin('users as u', (join) => join.onRef('u.tenantId', '=', 'b.tenantId').onRef('u.id', '=', 'b.recordedBy'))
          .select(BARRIER_COLUMNS)
          .whereRef('b.tenantId', '=', 'c.tenantId')
          .whereRef('b.caseId', '=', 'c.id')
          .orderBy(sql`b.priority nulls last`)
          .orderBy('b.recordedOn')
          .orderBy('b.id'),
      ).as('barriers'),
      jsonArrayFrom(
        eb
          .selectFrom('caseResources as s')
          .innerJoin('users as u', (join) => join.onRef('u.tenantId', '=', 's.tenantId').onRef('u.id', '=', 's.recordedBy'))
          .select(RESOURCE_COLUMNS)
          .whereRef('s.tenantId', '=', 'c.tenantId')
          .whereRef('s.caseId', '=', 'c.id')
          .orderBy('s.createdAt'),
      ).as('resources'),
      jsonArrayFrom(
        eb
          .selectFrom('planGoals as g')
          .select(GOAL_COLUMNS)
          .whereRef('g.tenantId', '=', 'c.tenantId')
          .whereRef('g.caseId', '=', 'c.id')
          .orderBy('g.createdAt'),
      ).as('goals'),
      jsonArrayFrom(
        eb
          .selectFrom('planSubgoals as s')
          .select(SUBGOAL_COLUMNS)
          .whereRef('s.tenantId', '=', 'c.tenantId')
          .whereRef('s.caseId', '=', 'c.id')
          .orderBy('s.dueOn')
          .orderBy('s.createdAt'),
      ).as('subGoals'),
      jsonArrayFrom(
        eb
          .selectFrom('agreementVersions as a')
          .innerJoin('users as u', (join) => join.onRef('u.tenantId', '=', 'a.tenantId').onRef('u.id', '=', 'a.createdBy'))
          .select(AGREEMENT_COLUMNS)
          .whereRef('a.tenantId', '=', 'c.tenantId')
          .whereRef('a.caseId', '=', 'c.id')
          .orderBy('a.versionNo', 'desc')
          .limit(2),
      ).as('latestAgreements'),
      eb
        .selectFrom('agreementVersions as a')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('a.tenantId', '=', 'c.tenantId')
        .whereRef('a.caseId', '=', 'c.id')
        .as('agreementCount'),
      jsonArrayFrom(
        eb
          .selectFrom('caseRatings as g')
          .innerJoin('users as u', (join) => join.onRef('u.tenantId', '=', 'g.tenantId').onRef('u.id', '=', 'g.ratedBy'))
          .select([
            'g.id',
            'g.occasion',
            'g.ratedOn',
            'g.withPerson',
            'g.ratedBy',
            'u.displayName as ratedByName',
            'g.scores',
            'g.createdAt',
          ])
          .whereRef('g.tenantId', '=', 'c.tenantId')
          .whereRef('g.caseId', '=', 'c.id')
          .orderBy('g.ratedOn')
          .orderBy('g.createdAt'),
      ).as('ratings'),
      jsonArrayFrom(
        eb
          .selectFrom('caseContacts as k')
          .innerJoin('users as u', (join) => join.onRef('u.tenantId', '=', 'k.tenantId').onRef('u.id', '=', 'k.createdBy'))
          .select(CONTACT_COLUMNS)
          .whereRef('k.tenantId', '=', 'c.tenantId')
          .whereRef('k.caseId', '=', 'c.id')
          .orderBy('k.occurredOn', 'desc')
          .orderBy('k.createdAt', 'desc')
          .orderBy('k.id', 'desc')
          .limit(CONTACTS_ON_OVERVIEW),
      ).as('contacts'),
      eb
        .selectFrom('caseContacts as k')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('k.tenantId', '=', 'c.tenantId')
        .whereRef('k.caseId', '=', 'c.id')
        .as('contactCount'),
      jsonArrayFrom(
        eb
          .selectFrom('followUps as f')
          .innerJoin('users as u', (join) => join.onRef('u.tenantId', '=', 'f.tenantId').onRef('u.id', '=', 'f.ownerId'))
          .select(FOLLOW_UP_COLUMNS)
          .whereRef('f.tenantId', '=', 'c.tenantId')
          .whereRef('f.caseId', '=', 'c.id')
          .where((w) => w.or([w('f.doneOn', 'is', null), w('f.doneOn', '>=', sql<string>`current_date - 30`)]))
          .orderBy(sql`f.done_on is not null`)
          .orderBy('f.dueOn'),
      ).as('followUps'),
      jsonArrayFrom(
        eb
          .selectFrom('caseTransitions as h')
          .leftJoin('users as u', (join) => join.onRef('u.tenantId', '=', 'h.tenantId').onRef('u.id', '=', 'h.actorId'))
          .select([
            'h.id',
            'h.at',
            'h.actorId',
            'u.displayName as actorName',
            'h.action',
            'h.fromStatus',
            'h.toStatus',
            'h.reason',
            'h.indicationMet',
            'h.indicationOverride',
          ])
          .whereRef('h.tenantId', '=', 'c.tenantId')
          .whereRef('h.caseId', '=', 'c.id')
          .orderBy('h.at', 'desc'),
      ).as('history'),
      sanctionHistoryOfCase().as('sanctionHistory'),
    ])
    .where('c.tenantId', '=', tenantId)
    .where('c.id', '=', id);
}
