import { nameSearchTerms, personSearchName } from '@lotse/domain';
import { type Kysely, sql } from 'kysely';
import type { DemoHousehold, DemoPerson } from './demo/generator';
import { generateTenantData } from './demo/generator';
import type { Database } from './schema';
import { withTenant } from './tenant-scope';

export interface LoadPersonsOptions {
  tenantId: string;
  tenantIndex: number;
  personCount: number;
  seed: string;
  referenceDate: string;
  /** Users assigned round-robin as personal contact (§ 14 Abs. 3 SGB II). */
  contactIds: string[];
  batchSize?: number;
  onProgress?: (loaded: number) => void;
}

/**
 * Bulk-loads generated persons and households: one multi-row INSERT … SELECT FROM unnest(…) per table
 * and batch, so each batch is three statements whatever its size. Demo data is not written to the
 * change log: no user made these changes.
 */
export async function loadDemoPersons(db: Kysely<Database>, options: LoadPersonsOptions): Promise<number> {
  const batchSize = options.batchSize ?? 5_000;
  let persons: DemoPerson[] = [];
  let households: DemoHousehold[] = [];
  let loaded = 0;
  let householdIndex = 0;
  const contactOf = new Map<string, string | null>();

  const flush = async () => {
    if (persons.length === 0) return;
    const batchPersons = persons;
    const batchHouseholds = households;
    persons = [];
    households = [];
    await withTenant(db, options.tenantId, async (trx) => {
      await insertPersons(trx, options.tenantId, batchPersons, contactOf);
      await insertHouseholds(trx, options.tenantId, batchHouseholds);
    });
    contactOf.clear();
    loaded += batchPersons.length;
    options.onProgress?.(loaded);
  };

  for (const { household, persons: members } of generateTenantData({
    seed: options.seed,
    tenantIndex: options.tenantIndex,
    personCount: options.personCount,
    referenceDate: options.referenceDate,
  })) {
    const contact = options.contactIds.length ? (options.contactIds[householdIndex % options.contactIds.length] ?? null) : null;
    householdIndex++;
    for (const person of members) contactOf.set(person.id, contact);
    persons.push(...members);
    households.push(household);
    if (persons.length >= batchSize) await flush();
  }
  await flush();
  return loaded;
}

async function insertPersons(trx: Kysely<Database>, tenantId: string, persons: DemoPerson[], contactOf: Map<string, string | null>) {
  const col = <T>(pick: (p: DemoPerson) => T) => persons.map(pick);
  await sql`
    insert into persons (tenant_id, id, customer_number, first_name, last_name, birth_date, sex, phone, email, street, house_number,
      postal_code, city, latitude, longitude, preferred_language, interpreter_needed, single_parent, refugee, severe_disability,
      personal_contact_id, search_name)
    select ${tenantId}::uuid, * from unnest(
      ${col((p) => p.id)}::uuid[], ${col((p) => p.customerNumber)}::text[], ${col((p) => p.firstName)}::text[],
      ${col((p) => p.lastName)}::text[], ${col((p) => p.birthDate)}::date[], ${col((p) => p.sex)}::text[],
      ${col((p) => p.phone)}::text[], ${col((p) => p.email)}::text[], ${col((p) => p.street)}::text[],
      ${col((p) => p.houseNumber)}::text[], ${col((p) => p.postalCode)}::text[], ${col((p) => p.city)}::text[],
      ${col((p) => p.latitude)}::float8[], ${col((p) => p.longitude)}::float8[], ${col((p) => p.preferredLanguage)}::text[],
      ${col((p) => p.interpreterNeeded)}::bool[], ${col((p) => p.singleParent)}::bool[], ${col((p) => p.refugee)}::bool[],
      ${col((p) => p.severeDisability)}::bool[], ${col((p) => contactOf.get(p.id) ?? null)}::uuid[],
      ${col((p) => personSearchName(p.lastName, p.firstName))}::text[])`.execute(trx);
  const terms = persons.flatMap((p) =>
    nameSearchTerms(personSearchName(p.lastName, p.firstName)).map((term) => ({ personId: p.id, term })),
  );
  await sql`
    insert into person_name_terms (tenant_id, person_id, term)
    select ${tenantId}::uuid, * from unnest(${terms.map((t) => t.personId)}::uuid[], ${terms.map((t) => t.term)}::text[])`.execute(trx);
}

async function insertHouseholds(trx: Kysely<Database>, tenantId: string, households: DemoHousehold[]) {
  await sql`
    insert into households (tenant_id, id, number)
    select ${tenantId}::uuid, * from unnest(${households.map((h) => h.id)}::uuid[], ${households.map((h) => h.number)}::text[])`.execute(
    trx,
  );
  const members = households.flatMap((h) => h.members.map((m) => ({ householdId: h.id, ...m })));
  await sql`
    insert into household_members (tenant_id, household_id, person_id, role)
    select ${tenantId}::uuid, * from unnest(${members.map((m) => m.householdId)}::uuid[], ${members.map((m) => m.personId)}::uuid[],
      ${members.map((m) => m.role)}::text[])`.execute(trx);
}
