/** Rules about a person (C1) that do not need the database. */

export const SEXES = ['female', 'male', 'diverse', 'unspecified'] as const;
export type Sex = (typeof SEXES)[number];

export const HOUSEHOLD_ROLES = ['applicant', 'partner', 'child', 'other'] as const;
export type HouseholdRole = (typeof HOUSEHOLD_ROLES)[number];

export const HOUSEHOLD_ROLE_LABELS_DE: Record<HouseholdRole, string> = {
  applicant: 'Antragsteller/in',
  partner: 'Partner/in',
  child: 'Kind',
  other: 'Weiteres Mitglied',
};

export const SEX_LABELS_DE: Record<Sex, string> = {
  female: 'weiblich',
  male: 'männlich',
  diverse: 'divers',
  unspecified: 'ohne Angabe',
};

/** Age in full years on a reference day (both ISO dates). */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

export type TargetGroup = 'u25' | 'ue50' | 'single_parent' | 'refugee' | 'severe_disability';

export const TARGET_GROUP_LABELS_DE: Record<TargetGroup, string> = {
  u25: 'unter 25 (U25)',
  ue50: 'über 50 (Ü50)',
  single_parent: 'alleinerziehend',
  refugee: 'geflüchtet',
  severe_disability: 'schwerbehindert',
};

export interface TargetGroupFlags {
  birthDate: string;
  singleParent: boolean;
  refugee: boolean;
  severeDisability: boolean;
}

/**
 * Target groups of a person. U25 and Ü50 follow from the birth date (SGB II counts "unter 25" as
 * not yet 25; "Ü50" as 50 and older), so they are never stored and never go stale.
 */
export function targetGroups(person: TargetGroupFlags, onDate: string): TargetGroup[] {
  const groups: TargetGroup[] = [];
  const age = ageOn(person.birthDate, onDate);
  if (age < 25) groups.push('u25');
  if (age >= 50) groups.push('ue50');
  if (person.singleParent) groups.push('single_parent');
  if (person.refugee) groups.push('refugee');
  if (person.severeDisability) groups.push('severe_disability');
  return groups;
}

// Created once: building an Intl.DateTimeFormat costs ~45 µs, which showed up in every person read.
const GERMAN_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in German local time as ISO yyyy-mm-dd (ages and deadlines follow the local day). */
export function todayInGermany(now: Date = new Date()): string {
  return GERMAN_DAY.format(now);
}
