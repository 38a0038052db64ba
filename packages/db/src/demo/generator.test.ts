import { describe, expect, it } from 'vitest';
import {
  createDemoIds,
  DEMO_EMAIL_DOMAINS,
  DEMO_PHONE_BLOCKS,
  type DemoHousehold,
  type DemoPerson,
  demoDistrict,
  demoTenantInfo,
  type GenerateOptions,
  generateTenantData,
} from './index';
import { ORIGIN_GROUPS } from './names';

const REFERENCE_DATE = '2026-11-21';
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function options(overrides: Partial<GenerateOptions> = {}): GenerateOptions {
  return { seed: 'lotse-test', tenantIndex: 0, personCount: 1000, referenceDate: REFERENCE_DATE, ...overrides };
}

function collect(opts: GenerateOptions): { households: DemoHousehold[]; persons: DemoPerson[] } {
  const households: DemoHousehold[] = [];
  const persons: DemoPerson[] = [];
  for (const item of generateTenantData(opts)) {
    households.push(item.household);
    persons.push(...item.persons);
  }
  return { households, persons };
}

function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

function isValidIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function share(count: number, total: number): number {
  return total === 0 ? 0 : count / total;
}

// One large sample shared by the distribution tests; generating it takes well under a second.
const big = collect(options({ personCount: 20_000 }));
const byId = new Map(big.persons.map((p) => [p.id, p]));

describe('determinism', () => {
  it('produces identical output for identical options', () => {
    const a = JSON.stringify(collect(options({ personCount: 500 })));
    const b = JSON.stringify(collect(options({ personCount: 500 })));
    expect(a).toBe(b);
  });

  it('produces different ids and customer numbers for a different seed', () => {
    const a = collect(options({ personCount: 200 }));
    const b = collect(options({ personCount: 200, seed: 'another-seed' }));
    const idsA = new Set(a.persons.map((p) => p.id));
    expect(b.persons.some((p) => idsA.has(p.id))).toBe(false);
    expect(a.persons.map((p) => p.customerNumber)).not.toEqual(b.persons.map((p) => p.customerNumber));
  });

  it('produces different ids, customer-number prefixes and districts for a different tenant', () => {
    const a = collect(options({ personCount: 200, tenantIndex: 0 }));
    const b = collect(options({ personCount: 200, tenantIndex: 1 }));
    const idsA = new Set(a.persons.map((p) => p.id));
    expect(b.persons.some((p) => idsA.has(p.id))).toBe(false);
    const prefixesA = new Set(a.persons.map((p) => p.customerNumber.slice(0, 3)));
    expect(b.persons.some((p) => prefixesA.has(p.customerNumber.slice(0, 3)))).toBe(false);
    expect(demoTenantInfo(0).districtName).not.toBe(demoTenantInfo(1).districtName);
    const citiesA = new Set(a.persons.map((p) => p.city));
    expect(b.persons.some((p) => citiesA.has(p.city))).toBe(false);
  });

  it('creates reproducible UUIDs with createDemoIds', () => {
    const a = createDemoIds('users');
    const b = createDemoIds('users');
    const c = createDemoIds('other');
    const listA = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(listA);
    expect(c.next()).not.toBe(listA[0]);
    expect(new Set(listA).size).toBe(100);
    for (const id of listA) expect(id).toMatch(UUID_V4);
  });
});

describe('structure', () => {
  it.each([1, 100, 10_007])('yields exactly %i persons', (personCount) => {
    const { households, persons } = collect(options({ personCount }));
    expect(persons).toHaveLength(personCount);
    for (const household of households) {
      expect(household.members.filter((m) => m.role === 'applicant')).toHaveLength(1);
      expect(household.members[0]?.role).toBe('applicant');
    }
  });

  it('yields nothing for personCount 0 and rejects invalid options', () => {
    expect(collect(options({ personCount: 0 })).persons).toHaveLength(0);
    expect(() => generateTenantData(options({ personCount: -1 }))).toThrow(RangeError);
    expect(() => generateTenantData(options({ personCount: 1.5 }))).toThrow(RangeError);
    expect(() => generateTenantData(options({ referenceDate: '2026-02-30' }))).toThrow(RangeError);
    expect(() => generateTenantData(options({ tenantIndex: -1 }))).toThrow(RangeError);
  });

  it('is lazy: taking the first household does not generate the rest', () => {
    const iterator = generateTenantData(options({ personCount: 1_000_000 }));
    const first = iterator.next();
    expect(first.done).toBe(false);
    iterator.return(undefined);
  });

  it('links every member to a yielded person and keeps ids unique', () => {
    const seen = new Set<string>();
    for (const item of generateTenantData(options({ personCount: 20_000 }))) {
      expect(item.household.members.map((m) => m.personId)).toEqual(item.persons.map((p) => p.id));
      expect(item.household.id).toMatch(UUID_V4);
      expect(seen.has(item.household.id)).toBe(false);
      seen.add(item.household.id);
      for (const p of item.persons) {
        expect(seen.has(p.id)).toBe(false);
        seen.add(p.id);
      }
    }
    for (const p of big.persons) expect(p.id).toMatch(UUID_V4);
  });

  it('gives unique, well-formed customer and household numbers', () => {
    const customerNumbers = new Set(big.persons.map((p) => p.customerNumber));
    expect(customerNumbers.size).toBe(big.persons.length);
    for (const number of customerNumbers) expect(number).toMatch(/^\d{3}D\d{6}$/);
    const householdNumbers = new Set(big.households.map((h) => h.number));
    expect(householdNumbers.size).toBe(big.households.length);
    for (const number of householdNumbers) expect(number).toMatch(/^\d{5}BG\d{7}$/);
  });

  it('lets household members share address and coordinates', () => {
    for (const household of big.households) {
      const members = household.members.map((m) => byId.get(m.personId) as DemoPerson);
      const [first] = members;
      for (const p of members) {
        expect([p.street, p.houseNumber, p.postalCode, p.city, p.latitude, p.longitude]).toEqual([
          first?.street,
          first?.houseNumber,
          first?.postalCode,
          first?.city,
          first?.latitude,
          first?.longitude,
        ]);
      }
    }
  });
});

describe('field formats', () => {
  it('has valid birth dates, ages, addresses and coordinates inside the district', () => {
    const { bounds, towns } = demoDistrict(0);
    const postalCodes = new Set(towns.flatMap((t) => t.postalCodes));
    for (const p of big.persons) {
      expect(isValidIsoDate(p.birthDate)).toBe(true);
      const age = ageOn(p.birthDate, REFERENCE_DATE);
      expect(age).toBeGreaterThanOrEqual(0);
      expect(age).toBeLessThanOrEqual(66);
      expect(p.postalCode).toMatch(/^\d{5}$/);
      expect(postalCodes.has(p.postalCode)).toBe(true);
      expect(p.houseNumber).toMatch(/^[1-9]\d{0,2}[abc]?$/);
      expect(p.street.length).toBeGreaterThan(3);
      expect(p.latitude).toBeGreaterThanOrEqual(bounds.minLatitude);
      expect(p.latitude).toBeLessThanOrEqual(bounds.maxLatitude);
      expect(p.longitude).toBeGreaterThanOrEqual(bounds.minLongitude);
      expect(p.longitude).toBeLessThanOrEqual(bounds.maxLongitude);
    }
  });

  it('keeps every district within the German box and with 6–12 towns', () => {
    for (let tenant = 0; tenant < 40; tenant++) {
      const district = demoDistrict(tenant);
      expect(district.towns.length).toBeGreaterThanOrEqual(6);
      expect(district.towns.length).toBeLessThanOrEqual(12);
      expect(district.bounds.minLatitude).toBeGreaterThanOrEqual(50);
      expect(district.bounds.maxLatitude).toBeLessThanOrEqual(53);
      expect(district.bounds.minLongitude).toBeGreaterThanOrEqual(7);
      expect(district.bounds.maxLongitude).toBeLessThanOrEqual(12);
      expect(demoTenantInfo(tenant)).toEqual({
        name: district.name,
        carrierModel: district.carrierModel,
        districtName: district.districtName,
      });
    }
    const names = new Set(Array.from({ length: 300 }, (_, t) => demoTenantInfo(t).districtName));
    expect(names.size).toBe(300);
    expect(demoTenantInfo(0).districtName).toBe('Landkreis Lotsenbach');
  });

  it('uses only example e-mail domains and reserved phone numbers', () => {
    const domains = new Set<string>(DEMO_EMAIL_DOMAINS);
    let emails = 0;
    let phones = 0;
    for (const p of big.persons) {
      if (p.email !== null) {
        emails++;
        expect(p.email).toMatch(/^[a-z0-9._-]+@[a-z.]+$/);
        expect(domains.has(p.email.split('@')[1] as string)).toBe(true);
      }
      if (p.phone !== null) {
        phones++;
        expect(DEMO_PHONE_BLOCKS.some((block) => p.phone?.startsWith(block))).toBe(true);
        expect(p.phone).toMatch(/^0\d{2,3} \d{7,8}$/);
      }
    }
    expect(share(emails, big.persons.length)).toBeGreaterThan(0.2);
    expect(share(phones, big.persons.length)).toBeGreaterThan(0.4);
  });

  it('uses ISO 639-1 codes for preferred languages', () => {
    for (const p of big.persons) if (p.preferredLanguage !== null) expect(p.preferredLanguage).toMatch(/^[a-z]{2}$/);
  });
});

describe('distributions (20,000 persons)', () => {
  const households = big.households.map((h) => ({
    household: h,
    members: h.members.map((m) => ({ role: m.role, person: byId.get(m.personId) as DemoPerson })),
  }));
  const adults = households.flatMap((h) => h.members.filter((m) => m.role !== 'child').map((m) => m.person));

  it('has the SGB II household mix', () => {
    const total = households.length;
    const singles = households.filter((h) => h.members.length === 1).length;
    const singleParents = households.filter((h) => h.members[0]?.person.singleParent).length;
    const couplesWithChildren = households.filter(
      (h) => h.members.some((m) => m.role === 'partner') && h.members.some((m) => m.role === 'child'),
    ).length;
    const withOther = households.filter((h) => h.members.some((m) => m.role === 'other')).length;
    expect(share(singles, total)).toBeGreaterThan(0.44);
    expect(share(singles, total)).toBeLessThan(0.56);
    expect(share(singleParents, total)).toBeGreaterThan(0.11);
    expect(share(singleParents, total)).toBeLessThan(0.19);
    expect(share(couplesWithChildren, total)).toBeGreaterThan(0.15);
    expect(share(couplesWithChildren, total)).toBeLessThan(0.25);
    expect(share(withOther, total)).toBeGreaterThan(0.005);
    expect(share(withOther, total)).toBeLessThan(0.05);
    for (const h of households) expect(h.members.length).toBeLessThanOrEqual(6);
  });

  it('flags single parents correctly', () => {
    const flagged = big.persons.filter((p) => p.singleParent);
    for (const h of households) {
      for (const m of h.members) {
        if (m.person.singleParent) {
          expect(m.role).toBe('applicant');
          expect(h.members.some((x) => x.role === 'child')).toBe(true);
          expect(h.members.some((x) => x.role === 'partner')).toBe(false);
        }
      }
    }
    expect(share(flagged.filter((p) => p.sex === 'female').length, flagged.length)).toBeGreaterThan(0.8);
  });

  it('has plausible ages', () => {
    const ages = adults.map((p) => ageOn(p.birthDate, REFERENCE_DATE));
    for (const age of ages) {
      expect(age).toBeGreaterThanOrEqual(18);
      expect(age).toBeLessThanOrEqual(66);
    }
    expect(share(ages.filter((a) => a < 25).length, ages.length)).toBeGreaterThan(0.06);
    expect(share(ages.filter((a) => a < 25).length, ages.length)).toBeLessThan(0.15);
    expect(share(ages.filter((a) => a >= 50).length, ages.length)).toBeGreaterThan(0.19);
    expect(share(ages.filter((a) => a >= 50).length, ages.length)).toBeLessThan(0.32);
    for (const h of households) {
      const parents = h.members.filter((m) => m.role === 'applicant' || m.role === 'partner');
      const youngestParent = Math.min(...parents.map((m) => ageOn(m.person.birthDate, REFERENCE_DATE)));
      for (const child of h.members.filter((m) => m.role === 'child')) {
        const age = ageOn(child.person.birthDate, REFERENCE_DATE);
        expect(age).toBeLessThanOrEqual(24);
        expect(youngestParent - age).toBeGreaterThanOrEqual(16);
      }
    }
    const adultChildren = households.flatMap((h) =>
      h.members.filter((m) => m.role === 'child' && ageOn(m.person.birthDate, REFERENCE_DATE) >= 18),
    );
    expect(adultChildren.length).toBeGreaterThan(0);
  });

  it('flags refugees per household with languages and interpreters', () => {
    const refugeeHouseholds = households.filter((h) => h.members[0]?.person.refugee);
    expect(share(refugeeHouseholds.length, households.length)).toBeGreaterThan(0.08);
    expect(share(refugeeHouseholds.length, households.length)).toBeLessThan(0.16);
    for (const h of refugeeHouseholds) for (const m of h.members) expect(m.person.refugee).toBe(true);
    const refugeeAdults = refugeeHouseholds.flatMap((h) => h.members.filter((m) => m.role !== 'child').map((m) => m.person));
    const withForeignLanguage = refugeeAdults.filter((p) => p.preferredLanguage !== null && p.preferredLanguage !== 'de');
    expect(share(withForeignLanguage.length, refugeeAdults.length)).toBeGreaterThan(0.85);
    const interpreters = refugeeAdults.filter((p) => p.interpreterNeeded).length;
    expect(share(interpreters, refugeeAdults.length)).toBeGreaterThan(0.3);
    expect(share(interpreters, refugeeAdults.length)).toBeLessThan(0.7);
    // Interpreters are only needed for a language other than German.
    for (const p of big.persons) if (p.interpreterNeeded) expect(p.preferredLanguage === null || p.preferredLanguage === 'de').toBe(false);
  });

  it('has rare diverse/unspecified sex and ~6 % severe disability among adults', () => {
    const rare = big.persons.filter((p) => p.sex === 'diverse' || p.sex === 'unspecified').length;
    expect(share(rare, big.persons.length)).toBeGreaterThan(0.0005);
    expect(share(rare, big.persons.length)).toBeLessThan(0.015);
    const disabled = adults.filter((p) => p.severeDisability).length;
    expect(share(disabled, adults.length)).toBeGreaterThan(0.035);
    expect(share(disabled, adults.length)).toBeLessThan(0.09);
  });

  it('mostly shares the last name inside a household', () => {
    // Polish/Russian surnames differ only in the gendered ending (Kowalski/Kowalska, Iwanow/Iwanowa).
    const stem = (name: string) => name.replace(/[ai]$/, '');
    let shared = 0;
    let others = 0;
    for (const h of households) {
      const applicantStem = stem(h.members[0]?.person.lastName as string);
      for (const m of h.members.slice(1)) {
        others++;
        if (stem(m.person.lastName) === applicantStem) shared++;
      }
    }
    expect(share(shared, others)).toBeGreaterThan(0.7);
  });

  it('mixes German and migrant names with umlauts and ß', () => {
    const germanLastNames = new Set(ORIGIN_GROUPS[0]?.lastNames.map(([m]) => m));
    const german = big.persons.filter((p) => germanLastNames.has(p.lastName)).length;
    expect(share(german, big.persons.length)).toBeGreaterThan(0.5);
    expect(share(german, big.persons.length)).toBeLessThan(0.8);
    expect(big.persons.some((p) => /[äöüß]/.test(p.lastName))).toBe(true);
    expect(big.persons.some((p) => /[äöü]/.test(p.firstName))).toBe(true);
    expect(new Set(big.persons.map((p) => p.lastName)).size).toBeGreaterThan(200);
  });
});

describe('name pools', () => {
  it('have at least 150 first names per sex and 200 last names', () => {
    const female = new Set(ORIGIN_GROUPS.flatMap((g) => g.female));
    const male = new Set(ORIGIN_GROUPS.flatMap((g) => g.male));
    const last = new Set(ORIGIN_GROUPS.flatMap((g) => g.lastNames.flat()));
    expect(female.size).toBeGreaterThanOrEqual(150);
    expect(male.size).toBeGreaterThanOrEqual(150);
    expect(last.size).toBeGreaterThanOrEqual(200);
  });
});
