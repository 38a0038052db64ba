import { randomUUID } from 'node:crypto';
import type { CreatePersonRequest, Person, PersonSearchRequest, PersonSearchResult, UpdatePersonRequest } from '@lotse/contracts';
import { type Database, withTenant } from '@lotse/db';
import { AppError, nameSearchTerms, parseSearchQuery, personSearchName, targetGroups, todayInGermany } from '@lotse/domain';
import type { Kysely } from 'kysely';
import type { AuthContext } from '../../http/access';
import { isUniqueViolation } from '../../http/db-errors';
import { decodeCursor, pageOf } from '../../http/pagination';
import { AuditRepository } from '../audit/repository';
import { type Created, once } from '../idempotency/idempotency';
import { PersonRepository, type PersonRow } from './repository';

const audit = new AuditRepository();

function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    customerNumber: row.customerNumber,
    firstName: row.firstName,
    lastName: row.lastName,
    birthDate: row.birthDate,
    sex: row.sex,
    phone: row.phone,
    email: row.email,
    street: row.street,
    houseNumber: row.houseNumber,
    postalCode: row.postalCode,
    city: row.city,
    latitude: row.latitude,
    longitude: row.longitude,
    preferredLanguage: row.preferredLanguage,
    interpreterNeeded: row.interpreterNeeded,
    singleParent: row.singleParent,
    refugee: row.refugee,
    severeDisability: row.severeDisability,
    targetGroups: targetGroups(row, todayInGermany()),
    personalContact: row.personalContactId ? { id: row.personalContactId, displayName: row.personalContactName ?? '' } : null,
    household:
      row.householdId && row.householdNumber && row.householdRole
        ? { id: row.householdId, number: row.householdNumber, role: row.householdRole }
        : null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the change log keeps of a person: the edited fields, not derived or technical ones. */
function auditSnapshot(person: Person) {
  const { targetGroups: _t, personalContact, household: _h, createdAt: _c, updatedAt: _u, ...fields } = person;
  return { ...fields, personalContactId: personalContact?.id ?? null };
}

function duplicateCustomerNumber(error: unknown): never {
  if (isUniqueViolation(error, 'persons_tenant_id_customer_number_key')) throw new AppError('DUPLICATE_CUSTOMER_NUMBER');
  throw error;
}

export class PersonService {
  private readonly repo = new PersonRepository();

  constructor(private readonly db: Kysely<Database>) {}

  get(auth: AuthContext, id: string): Promise<Person> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const row = await this.repo.findById(trx, auth.tenantId, id);
      if (!row) throw new AppError('NOT_FOUND');
      await audit.appendReads(trx, auth, [id], 'view');
      return toPerson(row);
    });
  }

  async search(auth: AuthContext, request: PersonSearchRequest): Promise<PersonSearchResult> {
    const terms = parseSearchQuery(request.query);
    if (terms.length === 0) {
      throw new AppError('VALIDATION_FAILED', {
        fields: [
          { field: 'query', code: 'too_small', message: 'Bitte geben Sie einen Namen, eine Kundennummer oder ein Geburtsdatum ein.' },
        ],
      });
    }
    const after = request.cursor ? decodeCursor(request.cursor, ['string', 'string'] as const) : undefined;
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const rows = await this.repo.search(trx, auth.tenantId, {
        nameParts: terms.filter((t) => t.kind === 'name').map((t) => t.value),
        birthDates: terms.filter((t) => t.kind === 'birthDate').map((t) => t.value),
        customerNumberPrefixes: terms.filter((t) => t.kind === 'customerNumber').map((t) => t.value),
        after: after ? { searchName: after[0], id: after[1] } : undefined,
        limit: request.limit,
      });
      const page = pageOf(rows, request.limit, (row) => [row.searchName, row.id]);
      await audit.appendReads(
        trx,
        auth,
        page.items.map((p) => p.id),
        'search',
      );
      return {
        items: page.items.map(({ searchName: _s, ...summary }) => summary),
        page: { nextCursor: page.nextCursor },
      };
    });
  }

  async create(auth: AuthContext, input: CreatePersonRequest, idempotencyKey: string | undefined): Promise<Created<Person>> {
    try {
      return await withTenant(this.db, auth.tenantId, (trx) =>
        once(
          trx,
          { tenantId: auth.tenantId, userId: auth.userId, key: idempotencyKey, route: 'POST /api/persons', body: input },
          async () => {
            if (input.personalContactId) await this.requireStaff(trx, auth.tenantId, input.personalContactId);
            const id = randomUUID();
            await this.repo.insert(trx, {
              tenantId: auth.tenantId,
              id,
              ...input,
              phone: input.phone ?? null,
              email: input.email ?? null,
              street: input.street ?? null,
              houseNumber: input.houseNumber ?? null,
              postalCode: input.postalCode ?? null,
              city: input.city ?? null,
              preferredLanguage: input.preferredLanguage ?? null,
              personalContactId: input.personalContactId ?? null,
              searchName: personSearchName(input.lastName, input.firstName),
            });
            await this.repo.replaceNameTerms(trx, auth.tenantId, id, nameSearchTerms(personSearchName(input.lastName, input.firstName)));
            const row = await this.repo.findById(trx, auth.tenantId, id);
            if (!row) throw new Error('person vanished after insert');
            const person = toPerson(row);
            await audit.appendChange(trx, auth, 'person', id, 'create', null, auditSnapshot(person));
            return person;
          },
        ),
      );
    } catch (error) {
      duplicateCustomerNumber(error);
    }
  }

  async update(auth: AuthContext, id: string, expectedVersion: number, changes: UpdatePersonRequest): Promise<Person> {
    try {
      return await withTenant(this.db, auth.tenantId, async (trx) => {
        const current = await this.repo.findById(trx, auth.tenantId, id, { forUpdate: true });
        if (!current) throw new AppError('NOT_FOUND');
        if (current.version !== expectedVersion) throw new AppError('PRECONDITION_FAILED');
        if (changes.personalContactId) await this.requireStaff(trx, auth.tenantId, changes.personalContactId);
        const before = toPerson(current);
        const lastName = changes.lastName ?? current.lastName;
        const firstName = changes.firstName ?? current.firstName;
        const searchName = personSearchName(lastName, firstName);
        const updated = await this.repo.update(trx, auth.tenantId, id, expectedVersion, { ...changes, searchName });
        if (!updated) throw new AppError('PRECONDITION_FAILED');
        await this.repo.replaceNameTerms(trx, auth.tenantId, id, nameSearchTerms(searchName));
        const row = await this.repo.findById(trx, auth.tenantId, id);
        if (!row) throw new Error('person vanished after update');
        const after = toPerson(row);
        await audit.appendChange(trx, auth, 'person', id, 'update', auditSnapshot(before), auditSnapshot(after));
        return after;
      });
    } catch (error) {
      duplicateCustomerNumber(error);
    }
  }

  staff(auth: AuthContext) {
    return withTenant(this.db, auth.tenantId, (trx) => this.repo.staff(trx, auth.tenantId));
  }

  private async requireStaff(trx: Parameters<PersonRepository['staff']>[0], tenantId: string, userId: string) {
    if (!(await this.repo.isActiveStaff(trx, tenantId, userId))) {
      throw new AppError('VALIDATION_FAILED', {
        fields: [
          {
            field: 'personalContactId',
            code: 'unknown_staff',
            message: 'Als Ansprechpartner/in kann nur eine aktive Fachkraft dieses Jobcenters eingetragen werden.',
          },
        ],
      });
    }
  }
}
