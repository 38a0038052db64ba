import type { CaseloadReport, CaseloadTargetSet } from '@lotse/contracts';
import { describe, expect, it } from 'vitest';
import {
  formatDifference,
  formatPercent,
  loadPoints,
  loadSummary,
  sameTargetValues,
  targetsFromValues,
  targetValuesOf,
} from './caseloadFigures';

const SET: CaseloadTargetSet = {
  targets: [
    { role: 'case_manager', ageGroup: 'u25', targetCases: 60 },
    { role: 'placement_officer', ageGroup: 'all', targetCases: 150 },
  ],
  effective: [],
  caseRulesTarget: 75,
  version: 3,
};

describe('target form', () => {
  it('fills the stored targets and leaves the others empty', () => {
    const values = targetValuesOf(SET);
    expect(values.case_manager).toEqual({ u25: '60', ue25: '', all: '' });
    expect(values.placement_officer).toEqual({ u25: '', ue25: '', all: '150' });
    expect(values.benefits_officer).toEqual({ u25: '', ue25: '', all: '' });
  });

  it('sends the filled fields as the set and names the invalid ones', () => {
    const values = targetValuesOf(SET);
    values.benefits_officer.ue25 = ' 120 ';
    expect(targetsFromValues(values)).toEqual({
      ok: true,
      targets: [
        { role: 'case_manager', ageGroup: 'u25', targetCases: 60 },
        { role: 'placement_officer', ageGroup: 'all', targetCases: 150 },
        { role: 'benefits_officer', ageGroup: 'ue25', targetCases: 120 },
      ],
    });
    values.case_manager.all = '0';
    values.benefits_officer.u25 = '12,5';
    values.placement_officer.u25 = '1001';
    expect(targetsFromValues(values)).toEqual({
      ok: false,
      invalid: ['target-case_manager-all', 'target-placement_officer-u25', 'target-benefits_officer-u25'],
    });
    expect(sameTargetValues(targetValuesOf(SET), targetValuesOf(SET))).toBe(true);
    expect(sameTargetValues(targetValuesOf(SET), targetValuesOf(null))).toBe(false);
  });
});

describe('formats', () => {
  it('shows percentages with one decimal and signed differences', () => {
    expect(formatPercent(87.5)).toBe('87,5 %');
    expect(formatPercent(null)).toBe('–');
    expect(formatDifference(2)).toBe('+2');
    expect(formatDifference(-3)).toBe('−3');
    expect(formatDifference(0)).toBe('0');
  });
});

describe('chart', () => {
  const row = (role: 'case_manager' | 'placement_officer', percent: number | null, status: 'over' | 'at' | 'under' | null) => ({
    role,
    staff: 1,
    cases: { u25: 0, ue25: 0, total: 0 },
    capacity: { u25: null, ue25: null },
    percent,
    status,
  });
  const report = {
    teams: [
      { teamId: '00000000-0000-4000-8000-000000000001', name: 'Team Nord', rows: [row('case_manager', 125, 'over')] },
      { teamId: null, name: 'ohne Team', rows: [row('case_manager', 50, 'under'), row('placement_officer', null, null)] },
    ],
    total: { teamId: null, name: 'Insgesamt', rows: [row('case_manager', 100, 'at')] },
  } as unknown as CaseloadReport;

  it('draws a bar per team and role, then the totals, and says it in words', () => {
    const points = loadPoints(report);
    expect(points.map((p) => [p.label, p.percent, p.total])).toEqual([
      ['Team Nord – Fallverantwortung', 125, false],
      ['ohne Team – Fallverantwortung', 50, false],
      ['ohne Team – Vermittlung', null, false],
      ['Insgesamt – Fallverantwortung', 100, true],
    ]);
    expect(loadSummary(points)).toBe(
      'Auslastung in Prozent des Zielwerts (100 % = Zielwert): 1 über, 0 genau am, 1 unter dem Zielwert; 1 ohne Zielwert. Höchste: Team Nord – Fallverantwortung 125,0 %.',
    );
  });
});
