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
