import { describe, expect, it } from 'vitest';
import {
  type CaseloadTarget,
  duplicateTargetIndex,
  effectiveTarget,
  effectiveTargets,
  loadPercent,
  loadShare,
  loadStatus,
  plannedLoads,
} from './caseloads';
import type { CaseAssignment } from './organisation-model';

const TARGETS: CaseloadTarget[] = [
  { role: 'case_manager', ageGroup: 'u25', targetCases: 60 },
  { role: 'case_manager', ageGroup: 'all', targetCases: 80 },
  { role: 'placement_officer', ageGroup: 'all', targetCases: 150 },
];

describe('caseload targets', () => {
  it('takes the age group’s row, else the row for all, else the case rules for case managers, else none', () => {
    expect(effectiveTarget(TARGETS, 'case_manager', 'u25', 75)).toEqual({
      role: 'case_manager',
      ageGroup: 'u25',
      targetCases: 60,
      source: 'age_group',
    });
    expect(effectiveTarget(TARGETS, 'case_manager', 'ue25', 75)).toMatchObject({ targetCases: 80, source: 'all' });
    expect(effectiveTarget(TARGETS, 'placement_officer', 'u25', 75)).toMatchObject({ targetCases: 150, source: 'all' });
    expect(effectiveTarget(TARGETS, 'benefits_officer', 'u25', 75)).toMatchObject({ targetCases: null, source: 'none' });
    expect(effectiveTarget([], 'case_manager', 'ue25', 75)).toMatchObject({ targetCases: 75, source: 'case_rules' });
    expect(effectiveTarget([], 'placement_officer', 'ue25', 75)).toMatchObject({ targetCases: null, source: 'none' });
  });

  it('lists every role and age group', () => {
    expect(effectiveTargets([], 50).map((t) => `${t.role}/${t.ageGroup}=${t.targetCases}`)).toEqual([
      'case_manager/u25=50',
      'case_manager/ue25=50',
      'placement_officer/u25=null',
      'placement_officer/ue25=null',
      'benefits_officer/u25=null',
      'benefits_officer/ue25=null',
    ]);
  });

  it('finds the first repeated role and age group', () => {
    expect(duplicateTargetIndex(TARGETS)).toBe(-1);
    expect(duplicateTargetIndex([...TARGETS, { role: 'case_manager', ageGroup: 'all' }])).toBe(3);
  });
});

describe('load against the target', () => {
  const both = ['u25', 'ue25'] as const;

  it('adds the shares of the age groups', () => {
    expect(loadShare({ u25: 30, ue25: 40 }, { u25: 60, ue25: 80 }, both)).toBe(1);
    expect(loadShare({ u25: 30, ue25: 40 }, { u25: 60, ue25: 80 }, ['u25'])).toBe(0.5);
    expect(loadShare({ u25: 0, ue25: 90 }, { u25: 60, ue25: 60 }, both)).toBe(1.5);
  });

  it('divides by the staff of a team', () => {
    expect(loadShare({ u25: 30, ue25: 90 }, { u25: 60, ue25: 60 }, both, 2)).toBe(1);
    expect(loadShare({ u25: 3, ue25: 0 }, { u25: 60, ue25: 60 }, both, 0)).toBeNull();
  });

  it('cannot assess without a target, or with cases in a group without one', () => {
    expect(loadShare({ u25: 5, ue25: 5 }, { u25: null, ue25: null }, both)).toBeNull();
    expect(loadShare({ u25: 5, ue25: 0 }, { u25: null, ue25: 10 }, both)).toBeNull();
    expect(loadShare({ u25: 0, ue25: 5 }, { u25: null, ue25: 10 }, both)).toBe(0.5);
    expect(loadShare({ u25: 0, ue25: 0 }, { u25: 10, ue25: 10 }, both)).toBe(0);
  });

  it('says over, at or under, and rounds the percentage to one decimal', () => {
    expect(loadStatus(null)).toBeNull();
    expect(loadStatus(1)).toBe('at');
    expect(loadStatus(0.1 + 0.2 + 0.7)).toBe('at');
    expect(loadStatus(1.01)).toBe('over');
    expect(loadStatus(0.99)).toBe('under');
    expect(loadPercent(2 / 3)).toBe(66.7);
    expect(loadPercent(0.12345)).toBe(12.3);
    expect(loadPercent(0.0005)).toBe(0.1);
    expect(loadPercent(null)).toBeNull();
  });
});

describe('loads of an assignment plan', () => {
  it('counts owner, placement and benefits cases by age group, and the hand-offs of owned cases', () => {
    const plan: CaseAssignment[] = [
      { caseId: 'c1', ownerId: 'a', placementOfficerId: 'p', benefitsOfficerId: 'b', consultExpert: false, handOffs: 2 },
      { caseId: 'c2', ownerId: 'a', placementOfficerId: null, benefitsOfficerId: 'b', consultExpert: false, handOffs: 1 },
      { caseId: 'c3', ownerId: 'p', placementOfficerId: 'p', benefitsOfficerId: null, consultExpert: false, handOffs: 0 },
      { caseId: 'c4', ownerId: 'a', placementOfficerId: null, benefitsOfficerId: null, consultExpert: false, handOffs: 0 },
    ];
    const loads = plannedLoads(
      plan,
      new Map([
        ['c1', 'u25'],
        ['c2', 'ue25'],
        ['c3', 'ue25'],
      ] as const),
    );
    expect(loads.get('a')).toEqual({
      owner: { u25: 1, ue25: 1 },
      placement: { u25: 0, ue25: 0 },
      benefits: { u25: 0, ue25: 0 },
      handOffs: 3,
    });
    expect(loads.get('p')).toEqual({
      owner: { u25: 0, ue25: 1 },
      placement: { u25: 1, ue25: 1 },
      benefits: { u25: 0, ue25: 0 },
      handOffs: 0,
    });
    expect(loads.get('b')).toEqual({
      owner: { u25: 0, ue25: 0 },
      placement: { u25: 0, ue25: 0 },
      benefits: { u25: 1, ue25: 1 },
      handOffs: 0,
    });
  });
});
