import {
  type ChildcareArrangementsTable,
  type ConsentsTable,
  type Database,
  type ReferralsTable,
  type Tx,
  updateIfVersion,
} from '@lotse/db';
import { type Insertable, type Kysely, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';

export type ConsentRecord = NonNullable<Awaited<ReturnType<ReferralRepository['findConsent']>>>;
export type ReferralRecord = NonNullable<Awaited<ReturnType<ReferralRepository['findReferral']>>>;
export type ReferralRow = NonNullable<Awaited<ReturnType<ReferralRepository['lockReferral']>>>;
export type ProposalRecord = NonNullable<Awaited<ReturnType<ReferralRepository['findProposal']>>>;
export type ChildcareRecord = NonNullable<Awaited<ReturnType<ReferralRepository['findChildcareArrangement']>>>;

/** Statuses a provider never sees (plus a cancellation that was never sent): see `visibleToProvider()`. */
const HIDDEN_FROM_PROVIDER = ['draft', 'self_referred'];

/**
 * Consents, referrals (with offer, provider, consent, feedback and history), feedback and barrier
 * proposals: the SQL of the Jobcenter side (features/referrals) and of the provider portal
 * (features/portal), which both read a referral the same way and differ only in what they show.
 */
export class ReferralRepository {
  // ——— providers, offers, barrier types ———

  findProvider(trx: Tx, tenantId: string, id: string) {
    return trx
      .selectFrom('providers')
      .select(['id', 'name', 'active', 'street', 'houseNumber', 'postalCode', 'city'])
      .where('tenantId', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  findOffer(trx: Tx, tenantId: string, id: string) {
    return trx
      .selectFrom('offers as o')
      .innerJoin('providers as v', (join) => join.onRef('v.tenantId', '=', 'o.tenantId').onRef('v.id', '=', 'o.providerId'))
      .select(['o.id', 'o.name', 'o.active', 'o.providerId', 'v.active as providerActive'])
      .where('o.tenantId', '=', tenantId)
      .where('o.id', '=', id)
      .executeTakeFirst();
  }

  barrierTypesByIds(trx: Tx, tenantId: string, ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return trx
      .selectFrom('barrierTypes')
      .select(['id', 'code', 'label', 'specialCategory', 'active'])
      .where('tenantId', '=', tenantId)
      .where('id', 'in', ids)
      .execute();
  }

  activeBarrierTypes(trx: Tx, tenantId: string) {
    return trx
      .selectFrom('barrierTypes')
      .select(['id', 'code', 'label', 'specialCategory'])
      .where('tenantId', '=', tenantId)
      .where('active', '=', true)
      .orderBy('sortOrder')
      .orderBy('label')
      .execute();
  }

  goalsOfCase(trx: Tx, tenantId: string, caseId: string) {
    return trx.selectFrom('planGoals').select(['id', 'title']).where('tenantId', '=', tenantId).where('caseId', '=', caseId).execute();
  }

  // ——— consents ———

  listConsents(trx: Tx, tenantId: string, caseId: string) {
    return consentQuery(trx, tenantId).where('k.caseId', '=', caseId).orderBy('k.createdAt', 'desc').orderBy('k.id', 'desc').execute();
  }

  /** A consent; `lock: 'update'` for its revocation, `'share'` so a revocation waits for a provider write in flight. */
  findConsent(trx: Tx, tenantId: string, id: string, options: { lock?: 'update' | 'share' } = {}) {
    let query = consentQuery(trx, tenantId).where('k.id', '=', id);
    if (options.lock === 'update') query = query.forUpdate('k');
    if (options.lock === 'share') query = query.forShare('k');
    return query.executeTakeFirst();
  }

  insertConsent(trx: Tx, row: Insertable<ConsentsTable>) {
    return trx.insertInto('consents').values(row).execute();
  }

  async revokeConsent(
    trx: Tx,
    tenantId: string,
    id: string,
    expectedVersion: number,
    revocation: { revokedOn: string; revokedBy: string; revocationNote: string | null },
  ): Promise<boolean> {
    const result = await trx
      .updateTable('consents')
      .set({ ...revocation, revokedAt: sql`now()`, version: sql`version + 1` })
      .where('tenantId', '=', tenantId)
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .where('revokedOn', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** What the consent form prints besides the consent: the Jobcenter, the person's address, the provider's. */
  consentFormContext(trx: Tx, tenantId: string, personId: string, providerId: string) {
    return trx
      .selectFrom('persons as p')
      .innerJoin('tenants as t', 't.id', 'p.tenantId')
      .innerJoin('providers as v', (join) => join.onRef('v.tenantId', '=', 'p.tenantId').on('v.id', '=', providerId))
      .select([
        't.name as tenantName',
        'p.firstName',
        'p.lastName',
        'p.customerNumber',
        'p.birthDate',
        'p.street',
        'p.houseNumber',
        'p.postalCode',
        'p.city',
        'v.street as providerStreet',
        'v.houseNumber as providerHouseNumber',
        'v.postalCode as providerPostalCode',
        'v.city as providerCity',
      ])
      .where('p.tenantId', '=', tenantId)
      .where('p.id', '=', personId)
      .executeTakeFirstOrThrow();
  }

  // ——— referrals ———

  /** The referral row alone, locked for a change (the joins of the full record stay unlocked). */
  lockReferral(trx: Tx, tenantId: string, id: string) {
    return trx
      .selectFrom('referrals')
      .select(['id', 'caseId', 'personId', 'offerId', 'providerId', 'consentId', 'status', 'sentOn', 'lastReportOn', 'version'])
      .where('tenantId', '=', tenantId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  }

  findReferral(trx: Tx, tenantId: string, id: string) {
    return referralQuery(trx, tenantId).where('r.id', '=', id).executeTakeFirst();
  }

  referralsOfCase(trx: Tx, tenantId: string, caseId: string) {
    return referralQuery(trx, tenantId).where('r.caseId', '=', caseId).orderBy('r.createdAt', 'desc').orderBy('r.id', 'desc').execute();
  }

  /** Referrals a provider may see (never drafts, unconfirmed self-referrals or unsent cancellations), newest first. */
  providerReferrals(
    trx: Tx,
    tenantId: string,
    providerId: string,
    filter: { statuses: readonly string[] | null; after?: { createdAt: string; id: string }; limit: number },
  ) {
    let query = referralQuery(trx, tenantId)
      .where('r.providerId', '=', providerId)
      .where('r.status', 'not in', HIDDEN_FROM_PROVIDER)
      .where((eb) => eb.or([eb('r.status', '<>', 'cancelled'), eb('r.sentOn', 'is not', null)]));
    if (filter.statuses) query = query.where('r.status', 'in', filter.statuses);
    if (filter.after) {
      const { createdAt, id } = filter.after;
      query = query.where((eb) => eb(eb.refTuple('r.createdAt', 'r.id'), '<', eb.tuple(sql<Date>`${createdAt}::timestamptz`, id)));
    }
    return query
      .orderBy('r.createdAt', 'desc')
      .orderBy('r.id', 'desc')
      .limit(filter.limit + 1)
      .execute();
  }

  insertReferral(trx: Tx, row: Insertable<ReferralsTable>) {
    return trx.insertInto('referrals').values(row).execute();
  }

  /** Updates the referral if its version is still `expectedVersion`; every change raises the version. */
  updateReferral(trx: Tx, tenantId: string, id: string, expectedVersion: number, changes: Record<string, unknown>): Promise<boolean> {
    return updateIfVersion(trx, 'referrals', tenantId, id, expectedVersion, changes);
  }

  insertTransition(
    trx: Tx,
    row: {
      tenantId: string;
      id: string;
      referralId: string;
      fromStatus: string | null;
      toStatus: string;
      actorId: string;
      actorSide: 'jobcenter' | 'provider';
      reason: string | null;
    },
  ) {
    return trx.insertInto('referralTransitions').values(row).execute();
  }

  insertFeedback(
    trx: Tx,
    row: {
      tenantId: string;
      id: string;
      referralId: string;
      kind: 'status' | 'appointment' | 'interim_report' | 'final_report';
      categories: string[];
      recordedOn: string;
      recordedBy: string;
      fields: Record<string, unknown>;
    },
  ) {
    return trx
      .insertInto('referralFeedback')
      .values({ ...row, fields: JSON.stringify(row.fields) })
      .execute();
  }

  // ——— barrier proposals ———

  insertProposal(
    trx: Tx,
    row: {
      tenantId: string;
      id: string;
      caseId: string;
      referralId: string;
      feedbackId: string;
      barrierTypeId: string;
      note: string | null;
      specialCategory: boolean;
    },
  ) {
    return trx.insertInto('barrierProposals').values(row).execute();
  }

  proposalsOfCase(trx: Tx, tenantId: string, caseId: string) {
    return proposalQuery(trx, tenantId).where('b.caseId', '=', caseId).orderBy('b.createdAt', 'desc').orderBy('b.id', 'desc').execute();
  }

  findProposal(trx: Tx, tenantId: string, id: string, options: { forUpdate?: boolean } = {}) {
    let query = proposalQuery(trx, tenantId).where('b.id', '=', id);
    if (options.forUpdate) query = query.forUpdate('b');
    return query.executeTakeFirst();
  }

  async decideProposal(
    trx: Tx,
    tenantId: string,
    id: string,
    expectedVersion: number,
    decision: { status: 'accepted' | 'rejected'; decidedBy: string; decisionNote: string | null; barrierId: string | null },
  ): Promise<boolean> {
    const result = await trx
      .updateTable('barrierProposals')
      .set({ ...decision, decidedAt: sql`now()`, version: sql`version + 1` })
      .where('tenantId', '=', tenantId)
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .where('status', '=', 'proposed')
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  // ——— childcare arrangements ———

  childcareArrangements(trx: Tx, tenantId: string, referralId: string) {
    return childcareQuery(trx, tenantId)
      .where('a.referralId', '=', referralId)
      .orderBy('a.beginsOn')
      .orderBy('a.createdAt')
      .orderBy('a.id')
      .execute();
  }

  findChildcareArrangement(trx: Tx, tenantId: string, id: string, options: { forUpdate?: boolean } = {}) {
    let query = childcareQuery(trx, tenantId).where('a.id', '=', id);
    if (options.forUpdate) query = query.forUpdate('a');
    return query.executeTakeFirst();
  }

  insertChildcareArrangement(trx: Tx, row: Insertable<ChildcareArrangementsTable>) {
    return trx.insertInto('childcareArrangements').values(row).execute();
  }

  endChildcareArrangement(trx: Tx, tenantId: string, id: string, endsOn: string) {
    return trx.updateTable('childcareArrangements').set({ endsOn }).where('tenantId', '=', tenantId).where('id', '=', id).execute();
  }

  /** The children (role `child`) of the household the person belongs to, youngest first. */
  householdChildren(trx: Tx, tenantId: string, personId: string) {
    return trx
      .selectFrom('householdMembers as own')
      .innerJoin('householdMembers as m', (join) =>
        join.onRef('m.tenantId', '=', 'own.tenantId').onRef('m.householdId', '=', 'own.householdId'),
      )
      .innerJoin('persons as p', (join) => join.onRef('p.tenantId', '=', 'm.tenantId').onRef('p.id', '=', 'm.personId'))
      .select(['p.id as personId', 'p.firstName', 'p.lastName', 'p.birthDate'])
      .where('own.tenantId', '=', tenantId)
      .where('own.personId', '=', personId)
      .where('m.role', '=', 'child')
      .where('m.personId', '<>', personId)
      .orderBy('p.birthDate', 'desc')
      .orderBy('p.id')
      .execute();
  }
}

function childcareQuery(db: Kysely<Database>, tenantId: string) {
  return db
    .selectFrom('childcareArrangements as a')
    .innerJoin('users as u', (join) => join.onRef('u.tenantId', '=', 'a.tenantId').onRef('u.id', '=', 'a.createdBy'))
    .select([
      'a.id',
      'a.referralId',
      'a.childPersonId',
      'a.childLabel',
      'a.beginsOn',
      'a.endsOn',
      'a.createdBy',
      'u.displayName as createdByName',
      'a.createdAt',
    ])
    .where('a.tenantId', '=', tenantId);
}

function consentQuery(db: Kysely<Database>, tenantId: string) {
  return db
    .selectFrom('consents as k')
    .innerJoin('providers as v', (join) => join.onRef('v.tenantId', '=', 'k.tenantId').onRef('v.id', '=', 'k.providerId'))
    .innerJoin('users as u', (join) => join.onRef('u.tenantId', '=', 'k.tenantId').onRef('u.id', '=', 'k.recordedBy'))
    .leftJoin('users as x', (join) => join.onRef('x.tenantId', '=', 'k.tenantId').onRef('x.id', '=', 'k.revokedBy'))
    .select([
      'k.id',
      'k.caseId',
      'k.personId',
      'k.providerId',
      'v.name as providerName',
      'k.categories',
      'k.purpose',
      'k.form',
      'k.givenOn',
      'k.validUntil',
      'k.counselled',
      'k.revokedOn',
      'k.revokedBy',
      'x.displayName as revokedByName',
      'k.revocationNote',
      'k.recordedBy',
      'u.displayName as recordedByName',
      'k.createdAt',
      'k.version',
    ])
    .where('k.tenantId', '=', tenantId);
}

/**
 * A referral with everything either side shows of it, in one statement: offer, provider, the person's
 * contact, the consent's facts, the offer's agreement deadlines, the titles of the linked goals, the
 * provider's feedback and the history. Each side filters what it may show (mapping.ts).
 */
function referralQuery(db: Kysely<Database>, tenantId: string) {
  return db
    .selectFrom('referrals as r')
    .innerJoin('offers as o', (join) => join.onRef('o.tenantId', '=', 'r.tenantId').onRef('o.id', '=', 'r.offerId'))
    .innerJoin('providers as v', (join) => join.onRef('v.tenantId', '=', 'r.tenantId').onRef('v.id', '=', 'r.providerId'))
    .innerJoin('cases as c', (join) => join.onRef('c.tenantId', '=', 'r.tenantId').onRef('c.id', '=', 'r.caseId'))
    .innerJoin('persons as p', (join) => join.onRef('p.tenantId', '=', 'r.tenantId').onRef('p.id', '=', 'r.personId'))
    .innerJoin('users as cb', (join) => join.onRef('cb.tenantId', '=', 'r.tenantId').onRef('cb.id', '=', 'r.createdBy'))
    .leftJoin('consents as k', (join) => join.onRef('k.tenantId', '=', 'r.tenantId').onRef('k.id', '=', 'r.consentId'))
    .leftJoin('cooperationAgreements as a', (join) => join.onRef('a.tenantId', '=', 'o.tenantId').onRef('a.id', '=', 'o.agreementId'))
    .select([
      'r.id',
      'r.caseId',
      'r.personId',
      'r.offerId',
      'o.name as offerName',
      'o.serviceType',
      'r.providerId',
      'v.name as providerName',
      'c.caseManagerId',
      'r.consentId',
      'k.providerId as consentProviderId',
      'k.categories as consentCategories',
      'k.givenOn as consentGivenOn',
      'k.validUntil as consentValidUntil',
      'k.revokedOn as consentRevokedOn',
      'r.status',
      'r.referralNote',
      'r.goalIds',
      'r.healthNote',
      'r.needsDecision',
      'r.sentOn',
      'r.acceptedOn',
      'r.startedOn',
      'r.endedOn',
      'r.result',
      'r.lastReportOn',
      'a.answerDays',
      'a.startDays',
      'a.interimReportDays',
      'p.firstName',
      'p.lastName',
      'p.phone',
      'p.email',
      'p.street',
      'p.houseNumber',
      'p.postalCode',
      'p.city',
      'p.preferredLanguage',
      'p.interpreterNeeded',
      'r.createdBy',
      'cb.displayName as createdByName',
      'r.createdAt',
      // Exact to the microsecond, for the list's cursor (a JS Date keeps only milliseconds).
      sql<string>`r.created_at::text`.as('createdAtKey'),
      'r.version',
    ])
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('planGoals as g')
          .select(['g.id', 'g.title'])
          .whereRef('g.tenantId', '=', 'r.tenantId')
          .where((w) => w('g.id', '=', sql<string>`any(r.goal_ids)`))
          .orderBy('g.createdAt'),
      ).as('goals'),
      jsonArrayFrom(
        eb
          .selectFrom('referralFeedback as f')
          .select(['f.id', 'f.kind', 'f.categories', 'f.recordedOn', 'f.recordedAt', 'f.fields'])
          .whereRef('f.tenantId', '=', 'r.tenantId')
          .whereRef('f.referralId', '=', 'r.id')
          .orderBy('f.recordedAt')
          .orderBy('f.id'),
      ).as('feedback'),
      jsonArrayFrom(
        eb
          .selectFrom('referralTransitions as t')
          .innerJoin('users as u', (join) => join.onRef('u.tenantId', '=', 't.tenantId').onRef('u.id', '=', 't.actorId'))
          .select(['t.fromStatus', 't.toStatus', 't.at', 't.actorId', 'u.displayName as actorName', 't.actorSide', 't.reason'])
          .whereRef('t.tenantId', '=', 'r.tenantId')
          .whereRef('t.referralId', '=', 'r.id')
          .orderBy('t.at')
          .orderBy('t.id'),
      ).as('history'),
    ])
    .where('r.tenantId', '=', tenantId);
}

function proposalQuery(db: Kysely<Database>, tenantId: string) {
  return db
    .selectFrom('barrierProposals as b')
    .innerJoin('barrierTypes as t', (join) => join.onRef('t.tenantId', '=', 'b.tenantId').onRef('t.id', '=', 'b.barrierTypeId'))
    .innerJoin('referrals as r', (join) => join.onRef('r.tenantId', '=', 'b.tenantId').onRef('r.id', '=', 'b.referralId'))
    .innerJoin('providers as v', (join) => join.onRef('v.tenantId', '=', 'r.tenantId').onRef('v.id', '=', 'r.providerId'))
    .leftJoin('users as d', (join) => join.onRef('d.tenantId', '=', 'b.tenantId').onRef('d.id', '=', 'b.decidedBy'))
    .select([
      'b.id',
      'b.caseId',
      'b.referralId',
      'r.providerId',
      'v.name as providerName',
      'b.barrierTypeId',
      't.code as typeCode',
      't.label as typeLabel',
      'b.note',
      'b.specialCategory',
      'b.status',
      'b.decidedBy',
      'd.displayName as decidedByName',
      'b.decidedAt',
      'b.decisionNote',
      'b.barrierId',
      'b.createdAt',
      'b.version',
    ])
    .where('b.tenantId', '=', tenantId);
}
