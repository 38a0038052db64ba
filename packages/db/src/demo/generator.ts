import { daysFromCivil, isoOf, PAD2 } from './days';
import { type DemoDistrict, type DemoTown, demoDistrict, HOUSEHOLD_SCATTER_LON_FACTOR, HOUSEHOLD_SCATTER_METERS } from './district';
import { asciiFold, GERMAN_GROUP, ORIGIN_GROUPS, type OriginGroup } from './names';
import { cumulative, pickWeighted, type Sfc32, seededRng, uuidV4 } from './prng';

export { demoDistrict, demoTenantInfo } from './district';

export type Sex = 'female' | 'male' | 'diverse' | 'unspecified';
export type HouseholdRole = 'applicant' | 'partner' | 'child' | 'other';

export interface DemoPerson {
  /** UUID (v4 format), deterministic from the seed. */
  id: string;
  /** BA-style Kundennummer: 3 digits + 'D' + 6 digits, unique within a tenant. */
  customerNumber: string;
  firstName: string;
  lastName: string;
  /** ISO yyyy-mm-dd. */
  birthDate: string;
  sex: Sex;
  /** From the Bundesnetzagentur's reserved "drama number" blocks, see {@link DEMO_PHONE_BLOCKS}. */
  phone: string | null;
  /** Only at {@link DEMO_EMAIL_DOMAINS}. */
  email: string | null;
  street: string;
  houseNumber: string;
  /** 5 digits of the fictitious district. */
  postalCode: string;
  city: string;
  latitude: number;
  longitude: number;
  /** ISO 639-1; null or 'de' for German speakers. */
  preferredLanguage: string | null;
  interpreterNeeded: boolean;
  singleParent: boolean;
  refugee: boolean;
  severeDisability: boolean;
}

export interface DemoHousehold {
  /** UUID, deterministic. */
  id: string;
  /** BG-Nummer of the Bedarfsgemeinschaft, e.g. '19201BG0004711', unique within a tenant. */
  number: string;
  /** Exactly one 'applicant', always first. */
  members: { personId: string; role: HouseholdRole }[];
}

export interface GenerateOptions {
  /** Same seed + same options => byte-identical output. */
  seed: string;
  /** 0, 1, 2, ...: selects district, customer-number prefixes and an independent random stream. */
  tenantIndex: number;
  /** Exact number of persons; the last household may be truncated but keeps its applicant. */
  personCount: number;
  /** ISO date "today" for ages. */
  referenceDate: string;
}

/** The RFC 2606 documentation domains plus beispiel.de, the conventional German example domain. */
export const DEMO_EMAIL_DOMAINS = ['beispiel.de', 'example.org', 'example.com', 'example.net'] as const;

/**
 * The Bundesnetzagentur's "drama numbers" (Amtsblatt 7/2021, Mitteilung 148/2021): 1,000 numbers each in
 * Berlin, Frankfurt, Hamburg, Köln and München that are never assigned. Invented local numbers
 * could ring a real subscriber if someone dials them from a demo, so we only use these.
 */
export const DEMO_PHONE_BLOCKS = ['030 23125', '069 90009', '040 66969', '0221 4710', '089 99998'] as const;

/**
 * Upper limit per tenant: customer numbers have 6 digits per 3-digit prefix and we reserve four
 * prefixes per tenant; with the random gaps between numbers (mean step 1.3) that leaves room for about 3 million.
 */
export const MAX_PERSONS_PER_TENANT = 2_000_000;

/** A deterministic UUID generator usable by other demo code (users etc.). */
export function createDemoIds(seed: string): { next(): string } {
  const rng = seededRng('ids', seed);
  return { next: () => uuidV4(rng) };
}

// ---------------------------------------------------------------------------------------------
// Dates as day numbers (./days.ts): this runs once per person, and Date parsing/formatting would dominate.

function parseIsoDate(value: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match) {
    const y = Number(match[1]);
    const m = Number(match[2]);
    const d = Number(match[3]);
    const back = isoOf(daysFromCivil(y, m, d));
    if (back === value) return [y, m, d];
  }
  throw new RangeError(`referenceDate must be an ISO date (yyyy-mm-dd), got '${value}'`);
}

const MAX_AGE = 70;

/**
 * For every age a, the day range of birth dates that makes a person exactly a years old on the
 * reference date; birthdays on 29 February in non-leap years resolve to 1 March, as Date.UTC does.
 */
class BirthDates {
  private readonly first = new Float64Array(MAX_AGE + 1);
  private readonly span = new Float64Array(MAX_AGE + 1);

  constructor(referenceDate: string) {
    const [y, m, d] = parseIsoDate(referenceDate);
    for (let age = 0; age <= MAX_AGE; age++) {
      const latest = daysFromCivil(y - age, m, d);
      const earliest = daysFromCivil(y - age - 1, m, d) + 1;
      this.first[age] = earliest;
      this.span[age] = latest - earliest + 1;
    }
  }

  draw(rng: Sfc32, age: number): string {
    return isoOf((this.first[age] as number) + Math.floor(rng.float() * (this.span[age] as number)));
  }
}

// ---------------------------------------------------------------------------------------------
// Population shape

type HouseholdKind = 'single' | 'singleParent' | 'coupleWithChildren' | 'couple' | 'singleWithOther' | 'coupleWithOther';

const HOUSEHOLD_KINDS: readonly HouseholdKind[] = [
  'single',
  'singleParent',
  'coupleWithChildren',
  'couple',
  'singleWithOther',
  'coupleWithOther',
];
const HOUSEHOLD_KIND_CUM = cumulative([50, 15, 20, 12.5, 1.5, 1]);
/** Children per household for single parents (1–3) and couples with children (1–4). */
const SINGLE_PARENT_CHILDREN_CUM = cumulative([55, 30, 15]);
const COUPLE_CHILDREN_CUM = cumulative([35, 35, 18, 12]);

const REFUGEE_HOUSEHOLD_SHARE = 0.12;
const NON_REFUGEE_GROUP_CUM = cumulative(ORIGIN_GROUPS.map((g) => g.weightNonRefugee));
const REFUGEE_GROUP_CUM = cumulative(ORIGIN_GROUPS.map((g) => g.weightRefugee));
const NON_GERMAN_GROUPS = ORIGIN_GROUPS.filter((g) => g !== GERMAN_GROUP);
const NON_GERMAN_GROUP_CUM = cumulative(NON_GERMAN_GROUPS.map((g) => g.weightNonRefugee));

interface AgeBand {
  min: number;
  max: number;
}

/**
 * Parents of minors are rarely over 52; everybody else carries the old-age share, so that over all
 * adults roughly 10 % are under 25 and 25 % are 50 or older (SGB II structure).
 */
const PARENT_AGE_BANDS: readonly AgeBand[] = [
  { min: 20, max: 24 },
  { min: 25, max: 49 },
  { min: 50, max: 52 },
];
const PARENT_AGE_CUM = cumulative([8, 88, 4]);
const ADULT_AGE_BANDS: readonly AgeBand[] = [
  { min: 18, max: 24 },
  { min: 25, max: 49 },
  { min: 50, max: 66 },
];
const ADULT_AGE_CUM = cumulative([11.5, 49.5, 39]);

function drawAge(rng: Sfc32, bands: readonly AgeBand[], cum: Float64Array): number {
  const band = bands[pickWeighted(rng, cum)] as AgeBand;
  return rng.range(band.min, band.max);
}

function clampAdult(age: number): number {
  return Math.max(18, Math.min(66, age));
}

/** Severe disability (GdB ≥ 50) rises steeply with age. */
function severeDisabilityChance(age: number): number {
  if (age < 18) return 0.015;
  if (age < 30) return 0.025;
  if (age < 50) return 0.05;
  return 0.115;
}

type LastName = readonly [string, string];

interface MemberPlan {
  role: HouseholdRole;
  sex: Sex;
  age: number;
  group: OriginGroup;
  lastName: LastName;
  /** Explicit surname string, e.g. a patronymic, overriding {@link lastName}. */
  fixedLastName: string | null;
  firstName: string;
}

interface GeneratorState {
  rng: Sfc32;
  ids: Sfc32;
  district: DemoDistrict;
  townCum: Float64Array;
  birthDates: BirthDates;
  customerPrefixBase: number;
  customerBlock: number;
  customerSeq: number;
  householdBlock: number;
  householdSeq: number;
}

/** 0.5 % of persons are registered as 'diverse' or without sex entry. */
function drawSex(rng: Sfc32, maleShare: number): Sex {
  const r = rng.float();
  if (r < 0.002) return 'diverse';
  if (r < 0.005) return 'unspecified';
  return r < 0.005 + maleShare * 0.995 ? 'male' : 'female';
}

function firstNameFor(rng: Sfc32, group: OriginGroup, sex: Sex, age: number): string {
  const male = sex === 'male' || (sex !== 'female' && rng.chance(0.5));
  if (group.cohorts) {
    let cohort = age >= 50 ? 0 : age >= 28 ? 1 : 2;
    // Names drift across generations; a sixth come from a neighbouring cohort.
    if (rng.chance(0.16)) cohort = cohort === 1 ? (rng.chance(0.5) ? 0 : 2) : 1;
    return rng.pick((male ? group.cohorts.male : group.cohorts.female)[cohort] as readonly string[]);
  }
  return rng.pick(male ? group.male : group.female);
}

function lastNameFor(plan: MemberPlan): string {
  if (plan.fixedLastName !== null) return plan.fixedLastName;
  return plan.sex === 'female' ? plan.lastName[1] : plan.lastName[0];
}

function member(rng: Sfc32, role: HouseholdRole, sex: Sex, age: number, group: OriginGroup, lastName: LastName): MemberPlan {
  return { role, sex, age, group, lastName, fixedLastName: null, firstName: firstNameFor(rng, group, sex, age) };
}

function planHousehold(rng: Sfc32, refugee: boolean): MemberPlan[] {
  const kind = HOUSEHOLD_KINDS[pickWeighted(rng, HOUSEHOLD_KIND_CUM)] as HouseholdKind;
  const group = ORIGIN_GROUPS[pickWeighted(rng, refugee ? REFUGEE_GROUP_CUM : NON_REFUGEE_GROUP_CUM)] as OriginGroup;
  const familyName = rng.pick(group.lastNames);
  const members: MemberPlan[] = [];

  const hasChildren = kind === 'singleParent' || kind === 'coupleWithChildren';
  const hasPartner = kind === 'coupleWithChildren' || kind === 'couple' || kind === 'coupleWithOther';

  // Single parents in SGB II are ~94 % women; single-person households are mostly men.
  const applicantMaleShare = kind === 'singleParent' ? 0.08 : kind === 'single' || kind === 'singleWithOther' ? 0.58 : 0.55;
  const applicantSex = drawSex(rng, applicantMaleShare);
  const applicantAge = hasChildren ? drawAge(rng, PARENT_AGE_BANDS, PARENT_AGE_CUM) : drawAge(rng, ADULT_AGE_BANDS, ADULT_AGE_CUM);
  const applicant = member(rng, 'applicant', applicantSex, applicantAge, group, familyName);
  members.push(applicant);

  let youngestParentAge = applicantAge;
  let father: MemberPlan | null = applicant.sex === 'male' ? applicant : null;
  let mixed = false;
  if (hasPartner) {
    // ~3 % same-sex couples; men are on average 2–3 years older than their partners.
    const partnerSex = rng.chance(0.03) ? applicantSex : drawSex(rng, applicantSex === 'male' ? 0 : 1);
    const gap = Math.round(2.5 + rng.bell() * 7);
    const partnerAge = clampAdult(applicantSex === 'male' ? applicantAge - gap : applicantAge + (partnerSex === 'male' ? gap : -gap));
    // Mixed couples: a German partner for immigrants, an immigrant partner for Germans.
    mixed = !refugee && rng.chance(0.08);
    const partnerGroup = mixed
      ? group === GERMAN_GROUP
        ? (NON_GERMAN_GROUPS[pickWeighted(rng, NON_GERMAN_GROUP_CUM)] as OriginGroup)
        : GERMAN_GROUP
      : group;
    const sharesName = rng.chance(group.partnerSharesLastName);
    const partner = member(
      rng,
      'partner',
      partnerSex,
      partnerAge,
      partnerGroup,
      sharesName ? familyName : rng.pick(partnerGroup.lastNames),
    );
    members.push(partner);
    youngestParentAge = Math.min(applicantAge, partnerAge);
    if (!father && partner.sex === 'male') father = partner;
  }

  if (hasChildren) {
    const count = 1 + pickWeighted(rng, kind === 'singleParent' ? SINGLE_PARENT_CHILDREN_CUM : COUPLE_CHILDREN_CUM);
    const maxAge = Math.min(24, youngestParentAge - 17);
    let age = -1;
    for (let i = 0; i < count; i++) {
      if (i === 0) {
        // Some 18–24-year-olds still live in their parents' Bedarfsgemeinschaft (§ 7 Abs. 3 Nr. 4 SGB II).
        age = maxAge >= 18 && rng.chance(0.1) ? rng.range(18, maxAge) : rng.range(Math.min(count - 1, 17, maxAge), Math.min(17, maxAge));
      } else {
        // Siblings are one to five years apart, occasionally twins; stop when there is no room left.
        const gap = rng.chance(0.02) ? 0 : rng.range(1, 5);
        if (age - gap >= 0) age -= gap;
        else if (age >= 1) age = rng.range(0, age - 1);
        else break;
      }
      const childGroup = mixed && rng.chance(0.5) ? (members[1] as MemberPlan).group : group;
      const child = member(rng, 'child', drawSex(rng, 0.51), age, childGroup, father ? father.lastName : familyName);
      if (group.patronymic) {
        // Eritrean/Somali children carry their father's first name; an absent father's name is unknown to us, so invent one.
        child.fixedLastName = father ? father.firstName : rng.pick(group.male);
      }
      members.push(child);
    }
  }

  if (kind === 'singleWithOther' || kind === 'coupleWithOther') {
    // Adult child over 25 if the applicant is old enough, otherwise a relative such as a sibling.
    const adultChild = applicantAge >= 47;
    const age = adultChild ? rng.range(25, Math.min(35, applicantAge - 20)) : drawAge(rng, ADULT_AGE_BANDS, ADULT_AGE_CUM);
    const sharesName = adultChild || rng.chance(0.5);
    members.push(member(rng, 'other', drawSex(rng, 0.55), age, group, sharesName ? familyName : rng.pick(group.lastNames)));
  }
  return members;
}

// ---------------------------------------------------------------------------------------------
// Identifiers

function nextCustomerNumber(state: GeneratorState): string {
  // Occasional gaps, as numbers of people who moved away or were merged are never reused.
  state.customerSeq += state.rng.chance(0.12) ? 2 + state.rng.int(4) : 1;
  if (state.customerSeq > 999_999) {
    state.customerBlock += 1;
    if (state.customerBlock > 3) throw new RangeError('customer number space of this tenant is exhausted');
    state.customerSeq = 1 + state.rng.int(50);
  }
  return `${state.customerPrefixBase + state.customerBlock}D${String(state.customerSeq).padStart(6, '0')}`;
}

function nextHouseholdNumber(state: GeneratorState): string {
  state.householdSeq += state.rng.chance(0.12) ? 2 + state.rng.int(4) : 1;
  if (state.householdSeq > 9_999_999) {
    state.householdBlock += 1;
    state.householdSeq = 1 + state.rng.int(50);
  }
  return `${state.customerPrefixBase}${PAD2[1 + state.householdBlock]}BG${String(state.householdSeq).padStart(7, '0')}`;
}

/**
 * 3-digit prefixes 100–999 in blocks of four, one block per tenant; 37 is coprime to 225, so tenants
 * 0–224 all get distinct blocks.
 */
function customerPrefixBase(tenantIndex: number): number {
  return 100 + ((tenantIndex * 37 + 23) % 225) * 4;
}

// ---------------------------------------------------------------------------------------------
// Contact data

function phoneFor(rng: Sfc32, age: number): string | null {
  const share = age < 14 ? 0 : age < 18 ? 0.5 : 0.82;
  if (!rng.chance(share)) return null;
  return `${rng.pick(DEMO_PHONE_BLOCKS)}${String(rng.int(1000)).padStart(3, '0')}`;
}

const DOMAIN_CUM = cumulative([45, 20, 20, 15]);

function emailFor(rng: Sfc32, age: number, firstName: string, lastName: string, birthDate: string): string | null {
  const share = age < 14 ? 0 : age < 18 ? 0.2 : age >= 55 ? 0.4 : 0.65;
  if (!rng.chance(share)) return null;
  const f = asciiFold(firstName) || 'post';
  const l = asciiFold(lastName) || 'kontakt';
  const domain = DEMO_EMAIL_DOMAINS[pickWeighted(rng, DOMAIN_CUM)];
  const year = birthDate.slice(0, 4);
  let local: string;
  switch (rng.int(8)) {
    case 0:
      local = `${f}${l}`;
      break;
    case 1:
      local = `${f[0]}.${l}`;
      break;
    case 2:
      local = `${f}.${l}${year.slice(2)}`;
      break;
    case 3:
      local = `${l}.${f}`;
      break;
    case 4:
      local = `${f}${year}`;
      break;
    case 5:
      local = `${f}_${l}${rng.range(1, 99)}`;
      break;
    default:
      local = `${f}.${l}`;
  }
  return `${local}@${domain}`;
}

// ---------------------------------------------------------------------------------------------
// Persons

interface Address {
  street: string;
  houseNumber: string;
  postalCode: string;
  city: string;
  latitude: number;
  longitude: number;
}

const METERS_PER_DEGREE_LAT = 111_320;

function drawAddress(state: GeneratorState): Address {
  const { rng } = state;
  const town = state.district.towns[pickWeighted(rng, state.townCum)] as DemoTown;
  const street = rng.pick(town.streets);
  // Low house numbers are more common: every street has them, long streets also have high ones.
  let houseNumber = String(1 + Math.floor(street.maxHouseNumber * rng.float() ** 1.6));
  if (rng.chance(0.07)) houseNumber += rng.chance(0.65) ? 'a' : rng.chance(0.75) ? 'b' : 'c';
  const scatter = HOUSEHOLD_SCATTER_METERS / METERS_PER_DEGREE_LAT;
  const latitude = Math.round((street.latitude + rng.bell() * scatter) * 1e6) / 1e6;
  const longitude = Math.round((street.longitude + rng.bell() * scatter * HOUSEHOLD_SCATTER_LON_FACTOR) * 1e6) / 1e6;
  return { street: street.name, houseNumber, postalCode: street.postalCode, city: town.city, latitude, longitude };
}

function languageFor(
  rng: Sfc32,
  plan: MemberPlan,
  refugee: boolean,
  householdLanguage: string,
): { language: string | null; interpreter: boolean } {
  const { group, age } = plan;
  if (group === GERMAN_GROUP) return { language: rng.chance(age < 18 ? 0.3 : 0.45) ? 'de' : null, interpreter: false };
  // A partner from another group speaks their own language, not the applicant's.
  const own = group.languages.includes(householdLanguage) ? householdLanguage : (group.languages[0] as string);
  if (refugee) {
    if (age < 18) return { language: rng.chance(0.55) ? own : 'de', interpreter: false };
    if (!rng.chance(0.95)) return { language: 'de', interpreter: false };
    const p = age < 25 ? 0.3 : age >= 45 ? 0.65 : 0.52;
    return { language: own, interpreter: rng.chance(p) };
  }
  const share = age < 18 ? group.nonRefugeeLanguageShare * 0.3 : group.nonRefugeeLanguageShare;
  if (rng.chance(share)) return { language: own, interpreter: age >= 18 && rng.chance(group.nonRefugeeInterpreterShare) };
  return { language: rng.chance(0.5) ? 'de' : null, interpreter: false };
}

function* run(options: GenerateOptions, state: GeneratorState): Generator<{ household: DemoHousehold; persons: DemoPerson[] }> {
  const { rng, ids } = state;
  let produced = 0;
  while (produced < options.personCount) {
    const refugee = rng.chance(REFUGEE_HOUSEHOLD_SHARE);
    let plans = planHousehold(rng, refugee);
    // The applicant comes first, so truncating the last household always keeps them.
    if (plans.length > options.personCount - produced) plans = plans.slice(0, options.personCount - produced);
    const address = drawAddress(state);
    const householdLanguage = rng.pick(
      (plans[0] as MemberPlan).group.languages.length > 0 ? (plans[0] as MemberPlan).group.languages : ['de'],
    );
    const singleParent = plans.length > 1 && plans[1]?.role === 'child' && plans.every((p) => p.role !== 'partner');

    const householdId = uuidV4(ids);
    const persons: DemoPerson[] = [];
    const members: DemoHousehold['members'] = [];
    for (const plan of plans) {
      const id = uuidV4(ids);
      const birthDate = state.birthDates.draw(rng, plan.age);
      const lastName = lastNameFor(plan);
      const { language, interpreter } = languageFor(rng, plan, refugee, householdLanguage);
      persons.push({
        id,
        customerNumber: nextCustomerNumber(state),
        firstName: plan.firstName,
        lastName,
        birthDate,
        sex: plan.sex,
        phone: phoneFor(rng, plan.age),
        email: emailFor(rng, plan.age, plan.firstName, lastName, birthDate),
        street: address.street,
        houseNumber: address.houseNumber,
        postalCode: address.postalCode,
        city: address.city,
        latitude: address.latitude,
        longitude: address.longitude,
        preferredLanguage: language,
        interpreterNeeded: interpreter,
        singleParent: singleParent && plan.role === 'applicant',
        refugee,
        severeDisability: rng.chance(severeDisabilityChance(plan.age)),
      });
      members.push({ personId: id, role: plan.role });
    }
    produced += persons.length;
    yield { household: { id: householdId, number: nextHouseholdNumber(state), members }, persons };
  }
}

/** Lazily yields households with their member persons until personCount persons were produced. */
export function generateTenantData(options: GenerateOptions): Generator<{ household: DemoHousehold; persons: DemoPerson[] }> {
  const { seed, tenantIndex, personCount, referenceDate } = options;
  if (typeof seed !== 'string') throw new TypeError('seed must be a string');
  if (!Number.isSafeInteger(personCount) || personCount < 0 || personCount > MAX_PERSONS_PER_TENANT) {
    throw new RangeError(`personCount must be an integer between 0 and ${MAX_PERSONS_PER_TENANT}, got ${personCount}`);
  }
  // Validation happens here, not inside the generator body, so bad options fail at the call site.
  const district = demoDistrict(tenantIndex);
  const birthDates = new BirthDates(referenceDate);
  const rng = seededRng('data', seed, tenantIndex);
  const state: GeneratorState = {
    rng,
    ids: seededRng('tenant-ids', seed, tenantIndex),
    district,
    townCum: cumulative(district.towns.map((t) => t.weight)),
    birthDates,
    customerPrefixBase: customerPrefixBase(tenantIndex),
    customerBlock: 0,
    customerSeq: rng.int(40_000),
    householdBlock: 0,
    householdSeq: rng.int(400_000),
  };
  return run(options, state);
}
