import { planningBreakdownsFor } from '@lotse/domain';
import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../api/client';
import { exportUrl, ifMatchOf } from './api';
import {
  cellNumber,
  cellText,
  formatDays,
  formatPercent,
  periodShort,
  priorPeriodLabel,
  shortLabel,
  signedCount,
  sumOrNull,
  trendOf,
  trendText,
} from './format';
import { changedMonths, type PlanValues, planBody, planProblemsOf, planValuesOf, rebasePlan } from './planForm';
import { changeSelection, effectiveYear, readSelection, writeSelection } from './query';

const blankPlan = (): PlanValues => {
  const v = {} as PlanValues;
  for (let m = 1; m <= 12; m++) {
    v[`starts${m}` as keyof PlanValues] = '0';
    v[`cost${m}` as keyof PlanValues] = '0,00';
  }
  return v;
};

describe('planning formats', () => {
  it('shows suppressed cells as "gesperrt" and keeps them out of sums', () => {
    expect(cellText({ value: null, suppressed: true })).toBe('gesperrt');
    expect(cellText({ value: 1234, suppressed: false })).toBe('1.234');
    expect(cellText({ value: null, suppressed: false })).toBe('–');
    expect(cellNumber({ value: null, suppressed: true })).toBeNull();
    expect(sumOrNull([1, 2, 3])).toBe(6);
    expect(sumOrNull([1, null, 3])).toBeNull();
  });

  it('formats percent, days and signed differences in German', () => {
    expect(formatPercent(87.25)).toBe('87,3 %');
    expect(formatDays(1)).toBe('1 Tag');
    expect(formatDays(21)).toBe('21 Tage');
    expect(signedCount(1200)).toBe('+1.200');
    expect(signedCount(-3)).toBe('−3');
    expect(signedCount(0)).toBe('±0');
  });

  it('computes the prior-year trend and says it in words', () => {
    expect(trendOf(110, 100)).toEqual({ direction: 'up', percent: 10, difference: 10 });
    expect(trendOf(75, 100)).toEqual({ direction: 'down', percent: -25, difference: -25 });
    expect(trendOf(5, 0)).toEqual({ direction: 'up', percent: null, difference: 5 });
    expect(trendOf(null, 100).direction).toBe('none');
    expect(trendText(trendOf(110, 100), 2025, '100')).toBe('+10 % gegenüber 2025 (2025: 100)');
    expect(trendText(trendOf(75, 100), 2025, '100')).toBe('−25 % gegenüber 2025 (2025: 100)');
    expect(trendText(trendOf(5, 0), 2025, '0')).toBe('neu gegenüber 2025 (2025: 0)');
    expect(trendText(trendOf(7, 7), 2025, '7')).toBe('unverändert gegenüber 2025 (2025: 7)');
    expect(trendText(trendOf(null, 7), 2025, '7')).toBe('kein Vergleich mit 2025 möglich (2025: 7)');
    expect(trendText(trendOf(7, null), 2025, 'gesperrt')).toBe('kein Vergleich mit 2025 möglich (2025: gesperrt)');
  });

  it('names the compared period: the prior year, or its months so far for the running year', () => {
    expect(priorPeriodLabel(2026, null)).toBe('2025');
    expect(priorPeriodLabel(2026, 11)).toBe('Januar–November 2025');
    expect(priorPeriodLabel(2026, 1)).toBe('Januar 2025');
    expect(trendText(trendOf(110, 100), priorPeriodLabel(2026, 3), '100')).toBe('+10 % gegenüber Januar–März 2025 (Januar–März 2025: 100)');
  });

  it('shortens labels and periods for axes and headers', () => {
    expect(shortLabel('Schuldnerberatung (§ 16a Nr. 2 SGB II)')).toBe('Schuldnerberatung');
    expect(shortLabel('Maßnahme zur Aktivierung und beruflichen Eingliederung (§ 45 SGB III)')).toBe('Maßnahme zur Aktivierung und beru…');
    expect(periodShort({ key: '2026-03', label: 'März 2026', from: '2026-03-01' })).toBe('März');
    expect(periodShort({ key: '2026-Q2', label: '2. Quartal 2026', from: '2026-04-01' })).toBe('Q2');
    expect(periodShort({ key: '2026', label: '2026', from: '2026-01-01' })).toBe('2026');
  });
});

describe('planning selection in the address', () => {
  it('reads known values and ignores anything else', () => {
    const s = readSelection(
      new URLSearchParams(
        'jahr=2025&leistungsart=debt_counselling&sozialraum=nicht-uuid&zielgruppe=u25&gliederung=team&raster=quartal&kennzahl=starts',
      ),
    );
    expect(s).toEqual({
      year: 2025,
      serviceType: 'debt_counselling',
      regionId: null,
      teamId: null,
      targetGroup: 'u25',
      breakdown: 'team',
      granularity: 'quarter',
      measure: 'starts',
    });
    expect(readSelection(new URLSearchParams('gliederung=foo&raster=bar&jahr=20x5'))).toMatchObject({
      year: null,
      breakdown: 'service_type',
      granularity: 'month',
    });
  });

  it('writes only what differs from the defaults and reads it back', () => {
    const id = '0b8f5c1e-2f4a-4c6b-9a1d-3e5f7a9b1c2d';
    const s = readSelection(new URLSearchParams(`jahr=2026&team=${id}&gliederung=zielgruppe&raster=jahr`));
    expect(writeSelection(s).toString()).toBe(`jahr=2026&team=${id}&gliederung=zielgruppe&raster=jahr`);
    expect(writeSelection(readSelection(new URLSearchParams(''))).toString()).toBe('');
  });

  it('keeps a region or a team, never both, and no breakdown along the other one', () => {
    const region = '0b8f5c1e-2f4a-4c6b-9a1d-3e5f7a9b1c2d';
    const team = '1c9f5c1e-2f4a-4c6b-9a1d-3e5f7a9b1c2d';
    // An address with both (e.g. an old bookmark) keeps the region; a breakdown by teams falls back.
    expect(readSelection(new URLSearchParams(`sozialraum=${region}&team=${team}&gliederung=team`))).toMatchObject({
      regionId: region,
      teamId: null,
      breakdown: 'service_type',
    });
    const base = readSelection(new URLSearchParams(`sozialraum=${region}&gliederung=zielgruppe`));
    // Choosing a team lifts the region and keeps a breakdown that still fits.
    expect(changeSelection(base, { teamId: team })).toMatchObject({ regionId: null, teamId: team, breakdown: 'target_group' });
    const byRegion = changeSelection(readSelection(new URLSearchParams('gliederung=sozialraum')), { teamId: team });
    expect(byRegion).toMatchObject({ teamId: team, breakdown: 'service_type' });
    expect(changeSelection({ ...byRegion, teamId: team }, { regionId: region })).toMatchObject({ regionId: region, teamId: null });
    expect(planningBreakdownsFor({ regionId: region, teamId: null })).toEqual(['service_type', 'region', 'target_group']);
    expect(planningBreakdownsFor({ regionId: null, teamId: team })).toEqual(['service_type', 'team', 'target_group']);
    expect(planningBreakdownsFor({ regionId: null, teamId: null })).toHaveLength(4);
  });

  it('picks the year: chosen if offered, else the current one, else the latest', () => {
    expect(effectiveYear(2024, [2024, 2025, 2026], 2026)).toBe(2024);
    expect(effectiveYear(2019, [2024, 2025, 2026], 2026)).toBe(2026);
    expect(effectiveYear(null, [2023, 2024], 2026)).toBe(2024);
    expect(effectiveYear(null, [], 2026)).toBe(2026);
  });

  it('builds the export address from the table query without empty filters', () => {
    expect(exportUrl('csv', { year: 2026, granularity: 'quarter', breakdown: 'region', targetGroup: 'ue50' })).toBe(
      '/api/planning/export?format=csv&year=2026&granularity=quarter&breakdown=region&targetGroup=ue50',
    );
    expect(ifMatchOf('7')).toBe('"7"');
    expect(ifMatchOf('"7"')).toBe('"7"');
  });
});

describe('monthly targets form', () => {
  it('turns German amounts into cents and whole starts', () => {
    const v = blankPlan();
    v.starts1 = '12';
    v.cost1 = '12.500,50';
    v.cost2 = '99,9';
    const { body, problems } = planBody(v);
    expect(problems).toEqual([]);
    expect(body.months).toHaveLength(12);
    expect(body.months[0]).toEqual({ month: 1, targetStarts: 12, targetCostCents: 1_250_050 });
    expect(body.months[1]).toEqual({ month: 2, targetStarts: 0, targetCostCents: 9_990 });
  });

  it('names each invalid field with a German message', () => {
    const v = blankPlan();
    v.starts3 = '';
    v.starts4 = '2,5';
    v.cost5 = 'zwölf';
    v.cost6 = '';
    const { problems } = planBody(v);
    expect(problems.map((p) => p.field)).toEqual(['starts3', 'starts4', 'cost5', 'cost6']);
    expect(problems[0]?.message).toMatch(/Bitte eine Zahl/);
    expect(problems[2]?.message).toMatch(/Betrag in Euro/);
  });

  it('maps server field errors to the month fields', () => {
    const error = {
      fieldErrors: [
        { field: 'months.3.targetCostCents', code: 'too_big', message: 'Zu groß.' },
        { field: 'months', code: 'x', message: 'Zwölf Monate.' },
      ],
    } as unknown as ApiError;
    expect(planProblemsOf(error)).toEqual([
      { field: 'cost4', message: 'Zu groß.' },
      { field: '', message: 'Zwölf Monate.' },
    ]);
  });

  it('after a conflict keeps typed months and takes the others from the current version', () => {
    const base = blankPlan();
    const typed = { ...base, starts1: '10' };
    const current = { ...base, starts1: '4', starts2: '8', cost2: '100,00' };
    expect(changedMonths(base, current)).toEqual([1, 2]);
    const next = rebasePlan(typed, base, current);
    expect(next.starts1).toBe('10');
    expect(next.starts2).toBe('8');
    expect(next.cost2).toBe('100,00');
  });

  it('shows saved targets as form text, empty for months without a target', () => {
    const months = Array.from({ length: 12 }, (_, i) => ({
      month: i + 1,
      targetStarts: i === 0 ? 5 : null,
      targetCostCents: i === 0 ? 123_456 : null,
      actualStarts: { value: 0, suppressed: false },
      actualCostCents: null,
    }));
    const v = planValuesOf({ serviceType: 'debt_counselling', label: 'Schuldnerberatung', months, version: '1' });
    expect(v.starts1).toBe('5');
    expect(v.cost1).toBe('1234,56');
    expect(v.starts2).toBe('');
    expect(v.cost2).toBe('');
  });
});
