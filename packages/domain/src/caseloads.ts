import type { AgeGroup, CaseAssignment } from './organisation-model';
import { AGE_GROUPS } from './organisation-model';

/**
 * Caseloads (SPEC C14, issue 6 part 3; docs/caseloads.md): targets per role and target group, the load
 * of a person or team against them, and the per-person figures of an assignment plan (the comparison of
 * organisation models). Pure: the server counts the open cases, this module turns counts into figures.
 */

/** The roles that carry cases: owner (case manager), specialised placement, specialised benefits. */
export const CASELOAD_ROLES = ['case_manager', 'placement_officer', 'benefits_officer'] as const;
export type CaseloadRole = (typeof CASELOAD_ROLES)[number];
export const CASELOAD_ROLE_LABELS_DE: Record<CaseloadRole, string> = {
  case_manager: 'Fallverantwortung (Fallmanagement)',
  placement_officer: 'Arbeitsvermittlung',
  benefits_officer: 'Leistungssachbearbeitung',
};

/** A target applies to one age group or to both ("all", used where no age-group target is set). */
export const CASELOAD_TARGET_GROUPS = ['u25', 'ue25', 'all'] as const;
export type CaseloadTargetGroup = (typeof CASELOAD_TARGET_GROUPS)[number];
export const CASELOAD_TARGET_GROUP_LABELS_DE: Record<CaseloadTargetGroup, string> = {
  u25: 'U25',
  ue25: 'Ü25',
  all: 'alle Altersgruppen',
};
export const CASELOAD_TARGET_MIN = 1;
export const CASELOAD_TARGET_MAX = 1000;

export interface CaseloadTarget {
  role: CaseloadRole;
  ageGroup: CaseloadTargetGroup;
  targetCases: number;
}

/** Where an effective target comes from. */
export type CaseloadTargetSource = 'age_group' | 'all' | 'case_rules' | 'none';
export const CASELOAD_TARGET_SOURCE_LABELS_DE: Record<CaseloadTargetSource, string> = {
  age_group: 'Zielwert der Altersgruppe',
  all: 'Zielwert für alle Altersgruppen',
  case_rules: 'Betreuungsschlüssel der Fallregeln',
  none: 'kein Zielwert',
};

export interface EffectiveTarget {
  role: CaseloadRole;
  ageGroup: AgeGroup;
  targetCases: number | null;
  source: CaseloadTargetSource;
}

/**
 * The target of a role for an age group: the row for that age group, else the row for all age groups,
 * else — for case managers only — the tenant's caseload target of the case rules; else none.
 */
export function effectiveTarget(
  targets: readonly CaseloadTarget[],
  role: CaseloadRole,
  ageGroup: AgeGroup,
  caseRulesTarget: number,
): EffectiveTarget {
  const exact = targets.find((t) => t.role === role && t.ageGroup === ageGroup);
  if (exact) return { role, ageGroup, targetCases: exact.targetCases, source: 'age_group' };
  const all = targets.find((t) => t.role === role && t.ageGroup === 'all');
  if (all) return { role, ageGroup, targetCases: all.targetCases, source: 'all' };
  if (role === 'case_manager') return { role, ageGroup, targetCases: caseRulesTarget, source: 'case_rules' };
  return { role, ageGroup, targetCases: null, source: 'none' };
}

/** Every role × age group with its effective target, roles in {@link CASELOAD_ROLES} order. */
export function effectiveTargets(targets: readonly CaseloadTarget[], caseRulesTarget: number): EffectiveTarget[] {
  return CASELOAD_ROLES.flatMap((role) => AGE_GROUPS.map((ageGroup) => effectiveTarget(targets, role, ageGroup, caseRulesTarget)));
}

/** The first duplicate (role, age group) of a target set, by its position; -1 when there is none. */
export function duplicateTargetIndex(targets: readonly Pick<CaseloadTarget, 'role' | 'ageGroup'>[]): number {
  const seen = new Set<string>();
  for (const [i, t] of targets.entries()) {
    const key = `${t.role}|${t.ageGroup}`;
    if (seen.has(key)) return i;
    seen.add(key);
  }
  return -1;
}

/** Open cases split by the person's age group on the day. */
export interface AgeSplit {
  u25: number;
  ue25: number;
}
export const emptySplit = (): AgeSplit => ({ u25: 0, ue25: 0 });
export const splitTotal = (s: AgeSplit) => s.u25 + s.ue25;

/** The age groups a view counts: both, or one chosen. */
export type AgeGroupFilter = AgeGroup | 'all';
export const countedAgeGroups = (filter: AgeGroupFilter): readonly AgeGroup[] => (filter === 'all' ? AGE_GROUPS : [filter]);

/**
 * The load as a share of capacity: Σ over the counted age groups of cases ÷ (staff × target), e.g. 30
 * U25 cases at a target of 60 and 40 Ü25 cases at a target of 80 are 0.5 + 0.5 = 1 (100 %). With one
 * target for both groups it is simply cases ÷ target. Null when it cannot be assessed: no staff, no
 * target for any counted group, or cases in a group without a target.
 */
export function loadShare(
  cases: AgeSplit,
  targets: Readonly<Record<AgeGroup, number | null>>,
  counted: readonly AgeGroup[],
  staff = 1,
): number | null {
  if (staff <= 0) return null;
  if (counted.every((g) => targets[g] === null)) return null;
  let share = 0;
  for (const g of counted) {
    if (cases[g] === 0) continue;
    const target = targets[g];
    if (target === null) return null;
    share += cases[g] / (staff * target);
  }
  return share;
}

export type LoadStatus = 'over' | 'at' | 'under';
export const LOAD_STATUS_LABELS_DE: Record<LoadStatus, string> = {
  over: 'über dem Zielwert',
  at: 'genau am Zielwert',
  under: 'unter dem Zielwert',
};

/** Over, at or under the target (exactly 100 % is "at"; a tolerance only for floating-point noise). */
export function loadStatus(share: number | null): LoadStatus | null {
  if (share === null) return null;
  if (Math.abs(share - 1) < 1e-9) return 'at';
  return share > 1 ? 'over' : 'under';
}

/** A share in percent with one decimal (100 × share, rounded half up). */
export function loadPercent(share: number | null): number | null {
  return share === null ? null : Math.round(share * 1000 + 1e-9) / 10;
}

/** What one person carries under an assignment plan. */
export interface PlannedLoad {
  /** Cases they own (case manager responsible). */
  owner: AgeSplit;
  /** Cases they serve as specialised placement staff. */
  placement: AgeSplit;
  /** Cases they serve as specialised benefits staff. */
  benefits: AgeSplit;
  /** Sum of the hand-offs of the cases they own. */
  handOffs: number;
}
export const emptyPlannedLoad = (): PlannedLoad => ({ owner: emptySplit(), placement: emptySplit(), benefits: emptySplit(), handOffs: 0 });

/**
 * The per-person loads of an assignment plan ({@link planAssignments}): the owner, placement and
 * benefits cases by age group, and the hand-offs of the cases each one owns. Cases without an age group
 * in `ageGroupOf` are not counted.
 */
export function plannedLoads(assignments: readonly CaseAssignment[], ageGroupOf: ReadonlyMap<string, AgeGroup>): Map<string, PlannedLoad> {
  const loads = new Map<string, PlannedLoad>();
  const of = (id: string) => {
    let load = loads.get(id);
    if (!load) {
      load = emptyPlannedLoad();
      loads.set(id, load);
    }
    return load;
  };
  for (const a of assignments) {
    const group = ageGroupOf.get(a.caseId);
    if (!group) continue;
    const owner = of(a.ownerId);
    owner.owner[group] += 1;
    owner.handOffs += a.handOffs;
    if (a.placementOfficerId !== null) of(a.placementOfficerId).placement[group] += 1;
    if (a.benefitsOfficerId !== null) of(a.benefitsOfficerId).benefits[group] += 1;
  }
  return loads;
}
