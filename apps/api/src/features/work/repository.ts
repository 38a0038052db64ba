import type { Tx } from '@lotse/db';
import { OPEN_CASE_STATUSES } from '@lotse/domain';
import { sql } from 'kysely';

const PERSON = ['p.id as personId', 'p.firstName', 'p.lastName', 'p.customerNumber'] as const;

/** The queries behind "Meine Arbeit heute": each one an index range on the user's open work. */
export class WorkRepository {
  openFollowUps(trx: Tx, tenantId: string, ownerId: string, untilInclusive: string) {
    return trx
      .selectFrom('followUps as f')
      .innerJoin('cases as c', (join) => join.onRef('c.tenantId', '=', 'f.tenantId').onRef('c.id', '=', 'f.caseId'))
      .innerJoin('persons as p', (join) => join.onRef('p.tenantId', '=', 'c.tenantId').onRef('p.id', '=', 'c.personId'))
      .select(['f.id', 'f.caseId', 'f.title', 'f.dueOn', ...PERSON])
      .where('f.tenantId', '=', tenantId)
      .where('f.ownerId', '=', ownerId)
      .where('f.doneOn', 'is', null)
      .where('f.dueOn', '<=', untilInclusive)
      .where('c.status', 'in', OPEN_CASE_STATUSES)
      .orderBy('f.dueOn')
      .limit(500)
      .execute();
  }

  dueSubGoals(trx: Tx, tenantId: string, caseManagerId: string, untilInclusive: string) {
    return trx
      .selectFrom('planSubgoals as s')
      .innerJoin('cases as c', (join) => join.onRef('c.tenantId', '=', 's.tenantId').onRef('c.id', '=', 's.caseId'))
      .innerJoin('persons as p', (join) => join.onRef('p.tenantId', '=', 'c.tenantId').onRef('p.id', '=', 'c.personId'))
      .select(['s.id', 's.caseId', 's.title', 's.dueOn', ...PERSON])
      .where('s.tenantId', '=', tenantId)
      .where('c.caseManagerId', '=', caseManagerId)
      .where('c.status', 'in', OPEN_CASE_STATUSES)
      .where('s.status', '=', 'open')
      .where('s.dueOn', '<=', untilInclusive)
      .orderBy('s.dueOn')
      .limit(500)
      .execute();
  }

  /** The current (latest) agreement version of each open case whose review date has come. */
  agreementReviews(trx: Tx, tenantId: string, caseManagerId: string, untilInclusive: string) {
    return trx
      .selectFrom('cases as c')
      .innerJoin('persons as p', (join) => join.onRef('p.tenantId', '=', 'c.tenantId').onRef('p.id', '=', 'c.personId'))
      .innerJoinLateral(
        (eb) =>
          eb
            .selectFrom('agreementVersions as a')
            .select(['a.id', 'a.versionNo', 'a.reviewOn', 'a.kind'])
            .whereRef('a.tenantId', '=', 'c.tenantId')
            .whereRef('a.caseId', '=', 'c.id')
            .orderBy('a.versionNo', 'desc')
            .limit(1)
            .as('a'),
        (join) => join.onTrue(),
      )
      .select(['a.id', 'c.id as caseId', 'a.versionNo', 'a.reviewOn as dueOn', 'a.kind', ...PERSON])
      .where('c.tenantId', '=', tenantId)
      .where('c.caseManagerId', '=', caseManagerId)
      .where('c.status', 'in', ['planning', 'implementation'])
      .where('a.reviewOn', '<=', untilInclusive)
      .orderBy('a.reviewOn')
      .limit(500)
      .execute();
  }

  /** Referrals of the user's open cases that wait for the provider (sent, accepted, started), with the offer's deadlines. */
  openReferrals(trx: Tx, tenantId: string, caseManagerId: string) {
    return trx
      .selectFrom('referrals as r')
      .innerJoin('cases as c', (join) => join.onRef('c.tenantId', '=', 'r.tenantId').onRef('c.id', '=', 'r.caseId'))
      .innerJoin('persons as p', (join) => join.onRef('p.tenantId', '=', 'c.tenantId').onRef('p.id', '=', 'c.personId'))
      .innerJoin('offers as o', (join) => join.onRef('o.tenantId', '=', 'r.tenantId').onRef('o.id', '=', 'r.offerId'))
      .leftJoin('cooperationAgreements as a', (join) => join.onRef('a.tenantId', '=', 'o.tenantId').onRef('a.id', '=', 'o.agreementId'))
      .select([
        'r.id',
        'r.caseId',
        'r.status',
        'r.sentOn',
        'r.acceptedOn',
        'r.startedOn',
        'r.lastReportOn',
        'o.name as offerName',
        'a.answerDays',
        'a.startDays',
        'a.interimReportDays',
        ...PERSON,
      ])
      .where('r.tenantId', '=', tenantId)
      .where('c.caseManagerId', '=', caseManagerId)
      .where('c.status', 'in', OPEN_CASE_STATUSES)
      .where('r.status', 'in', ['sent', 'accepted', 'started'])
      .orderBy('r.sentOn')
      .limit(1000)
      .execute();
  }

  /** Barriers providers proposed in the user's open cases that nobody has decided on yet, with the day of the report. */
  undecidedProposals(trx: Tx, tenantId: string, caseManagerId: string) {
    return trx
      .selectFrom('barrierProposals as b')
      .innerJoin('cases as c', (join) => join.onRef('c.tenantId', '=', 'b.tenantId').onRef('c.id', '=', 'b.caseId'))
      .innerJoin('persons as p', (join) => join.onRef('p.tenantId', '=', 'c.tenantId').onRef('p.id', '=', 'c.personId'))
      .innerJoin('barrierTypes as t', (join) => join.onRef('t.tenantId', '=', 'b.tenantId').onRef('t.id', '=', 'b.barrierTypeId'))
      .innerJoin('referralFeedback as f', (join) => join.onRef('f.tenantId', '=', 'b.tenantId').onRef('f.id', '=', 'b.feedbackId'))
      .select(['b.id', 'b.caseId', 'f.recordedOn as reportedOn', 't.label', 'b.specialCategory', ...PERSON])
      .where('b.tenantId', '=', tenantId)
      .where('c.caseManagerId', '=', caseManagerId)
      .where('c.status', 'in', OPEN_CASE_STATUSES)
      .where('b.status', '=', 'proposed')
      .orderBy('b.createdAt')
      .limit(500)
      .execute();
  }

  /** Planned case conferences of the user's open cases on this (German) day. */
  conferencesOn(trx: Tx, tenantId: string, caseManagerId: string, day: string) {
    return trx
      .selectFrom('caseConferences as k')
      .innerJoin('cases as c', (join) => join.onRef('c.tenantId', '=', 'k.tenantId').onRef('c.id', '=', 'k.caseId'))
      .innerJoin('persons as p', (join) => join.onRef('p.tenantId', '=', 'c.tenantId').onRef('p.id', '=', 'c.personId'))
      .select(['k.id', 'k.caseId', 'k.scheduledAt', 'k.location', ...PERSON])
      .where('k.tenantId', '=', tenantId)
      .where('c.caseManagerId', '=', caseManagerId)
      .where('c.status', 'in', OPEN_CASE_STATUSES)
      .where('k.status', '=', 'planned')
      .where(sql<boolean>`(k.scheduled_at at time zone 'Europe/Berlin')::date = ${day}::date`)
      .orderBy('k.scheduledAt')
      .limit(100)
      .execute();
  }

  contactsOverdue(trx: Tx, tenantId: string, caseManagerId: string, before: string) {
    return trx
      .selectFrom('cases as c')
      .innerJoin('persons as p', (join) => join.onRef('p.tenantId', '=', 'c.tenantId').onRef('p.id', '=', 'c.personId'))
      .select(['c.id as caseId', 'c.nextContactDue as dueOn', 'c.lastContactOn', ...PERSON])
      .where('c.tenantId', '=', tenantId)
      .where('c.caseManagerId', '=', caseManagerId)
      .where('c.status', 'in', OPEN_CASE_STATUSES)
      .where('c.nextContactDue', '<', sql<string>`${before}::date`)
      .orderBy('c.nextContactDue')
      .limit(500)
      .execute();
  }
}
