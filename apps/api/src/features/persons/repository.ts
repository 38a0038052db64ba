import type { PersonsTable, Tx } from '@lotse/db';
import { prefixUpperBound } from '@lotse/domain';
import { type Insertable, sql, type Updateable } from 'kysely';

export type PersonRow = Awaited<ReturnType<PersonRepository['findById']>> & {};

const PERSON_COLUMNS = [
  'p.id',
  'p.customerNumber',
  'p.firstName',
  'p.lastName',
  'p.birthDate',
  'p.sex',
  'p.phone',
  'p.email',
  'p.street',
  'p.houseNumber',
  'p.postalCode',
  'p.city',
  'p.latitude',
  'p.longitude',
  'p.preferredLanguage',
  'p.interpreterNeeded',
  'p.singleParent',
  'p.refugee',
  'p.severeDisability',
  'p.personalContactId',
  'p.version',
  'p.createdAt',
  'p.updatedAt',
] as const;

export interface SearchCriteria {
  nameParts: string[];
  birthDates: string[];
  customerNumberPrefixes: string[];
  after?: { searchName: string; id: string };
  limit: number;
}

export class PersonRepository {
  findById(trx: Tx, tenantId: string, id: string, options: { forUpdate?: boolean } = {}) {
    let query = trx
      .selectFrom('persons as p')
      .leftJoin('users as c', (join) => join.onRef('c.tenantId', '=', 'p.tenantId').onRef('c.id', '=', 'p.personalContactId'))
      .leftJoin('householdMembers as m', (join) => join.onRef('m.tenantId', '=', 'p.tenantId').onRef('m.personId', '=', 'p.id'))
      .leftJoin('households as h', (join) => join.onRef('h.tenantId', '=', 'm.tenantId').onRef('h.id', '=', 'm.householdId'))
      .select(PERSON_COLUMNS)
      .select(['c.displayName as personalContactName', 'h.id as householdId', 'h.number as householdNumber', 'm.role as householdRole'])
      .where('p.tenantId', '=', tenantId)
      .where('p.id', '=', id);
    if (options.forUpdate) query = query.forUpdate('p');
    return query.executeTakeFirst();
  }

  insert(trx: Tx, row: Insertable<PersonsTable>) {
    return trx.insertInto('persons').values(row).execute();
  }

  /** Updates only if the version is still the expected one; returns whether it was. */
  async update(trx: Tx, tenantId: string, id: string, expectedVersion: number, changes: Updateable<PersonsTable>) {
    const result = await trx
      .updateTable('persons')
      .set({ ...changes, version: sql`version + 1`, updatedAt: sql`now()` })
      .where('tenantId', '=', tenantId)
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Replaces the word-start terms a person is found by (see migration: person_name_terms). */
  async replaceNameTerms(trx: Tx, tenantId: string, personId: string, terms: string[]) {
    await trx.deleteFrom('personNameTerms').where('tenantId', '=', tenantId).where('personId', '=', personId).execute();
    if (terms.length)
      await trx
        .insertInto('personNameTerms')
        .values(terms.map((term) => ({ tenantId, personId, term })))
        .execute();
  }

  /**
   * Every condition uses a leakproof operator (pattern ranges ~>=~/~<~, =), so PostgreSQL can use the
   * indexes under row-level security. Name parts match at word starts via person_name_terms.
   */
  search(trx: Tx, tenantId: string, criteria: SearchCriteria) {
    let query = trx
      .selectFrom('persons as p')
      .select(['p.id', 'p.customerNumber', 'p.firstName', 'p.lastName', 'p.birthDate', 'p.postalCode', 'p.city', 'p.searchName'])
      .where('p.tenantId', '=', tenantId);
    for (const part of criteria.nameParts) {
      query = query.where('p.id', 'in', (eb) =>
        eb
          .selectFrom('personNameTerms as t')
          .select('t.personId')
          .where('t.tenantId', '=', tenantId)
          .where(sql<boolean>`t.term ~>=~ ${part}`)
          .where(sql<boolean>`t.term ~<~ ${prefixUpperBound(part)}`),
      );
    }
    for (const date of criteria.birthDates) query = query.where('p.birthDate', '=', date);
    for (const prefix of criteria.customerNumberPrefixes) {
      query = query
        .where(sql<boolean>`p.customer_number ~>=~ ${prefix}`)
        .where(sql<boolean>`p.customer_number ~<~ ${prefixUpperBound(prefix)}`);
    }
    if (criteria.after) {
      const { searchName, id } = criteria.after;
      query = query.where((eb) => eb(eb.refTuple('p.searchName', 'p.id'), '>', eb.tuple(searchName, id)));
    }
    return query
      .orderBy('p.searchName')
      .orderBy('p.id')
      .limit(criteria.limit + 1)
      .execute();
  }

  existingIds(trx: Tx, tenantId: string, ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return trx.selectFrom('persons').select('id').where('tenantId', '=', tenantId).where('id', 'in', ids).execute();
  }

  /** Users of the tenant who can be a person's named contact (§ 14 Abs. 3 SGB II). */
  staff(trx: Tx, tenantId: string) {
    return trx
      .selectFrom('users')
      .select(['id', 'displayName'])
      .where('tenantId', '=', tenantId)
      .where('disabled', '=', false)
      .where(sql<boolean>`roles && array['case_manager', 'placement_officer']::text[]`)
      .orderBy('displayName')
      .execute();
  }

  isActiveStaff(trx: Tx, tenantId: string, userId: string) {
    return trx
      .selectFrom('users')
      .select('id')
      .where('tenantId', '=', tenantId)
      .where('id', '=', userId)
      .where('disabled', '=', false)
      .where(sql<boolean>`roles && array['case_manager', 'placement_officer']::text[]`)
      .executeTakeFirst();
  }
}
