import { describe, expect, it } from 'vitest';
import { chargeableMonths, monthLabel } from './ChargesPanel';
import { formatPercent, parsePercent, parseUnits } from './moneyInput';
import { yearPlanBody } from './YearPlanForm';

describe('German number input of the cost screens', () => {
  it('reads percentages with a comma or point, at most two decimals, 0–100', () => {
    expect(parsePercent('87,5')).toBe(87.5);
    expect(parsePercent('33.33 %')).toBe(33.33);
    expect(parsePercent('100')).toBe(100);
    expect(parsePercent('')).toBeUndefined();
    expect(parsePercent('100,01')).toBeNull();
    expect(parsePercent('33,333')).toBeNull();
    expect(parsePercent('-1')).toBeNull();
    expect(formatPercent(87.5)).toBe('87,5 %');
  });

  it('reads charge units: positive, up to 10 000, two decimals', () => {
    expect(parseUnits('1,25')).toBe(1.25);
    expect(parseUnits('10000')).toBe(10_000);
    expect(parseUnits('0')).toBeNull();
    expect(parseUnits('10000,01')).toBeNull();
    expect(parseUnits('1,255')).toBeNull();
    expect(parseUnits(' ')).toBeUndefined();
  });
});

describe('the year plan form', () => {
  it('turns typed euros and percent into cents and a number, with German problems per API field', () => {
    const ok = yearPlanBody({ plannedCases: '40', plannedCost: '120.000', actualCost: '4.550,50', sgb2SharePercent: '87,5', note: ' ' });
    expect(ok.problems).toEqual([]);
    expect(ok.body).toEqual({
      plannedCases: 40,
      plannedCostCents: 12_000_000,
      actualCostCents: 455_050,
      sgb2SharePercent: 87.5,
      note: null,
    });
    const bad = yearPlanBody({ plannedCases: 'viele', plannedCost: '', actualCost: '12,345', sgb2SharePercent: '101', note: '' });
    expect(bad.problems.map((p) => p.field)).toEqual(['plannedCases', 'plannedCostCents', 'actualCostCents', 'sgb2SharePercent']);
  });
});

describe('the months a charge may be for', () => {
  const today = '2026-05-15';
  it('runs from the start month to the end month, never past the current month', () => {
    expect(chargeableMonths(2026, { id: 'r', reference: 'R', startedOn: '2026-02-10', endedOn: null, chargedCents: 0 }, today)).toEqual([
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
    ]);
    expect(
      chargeableMonths(2026, { id: 'r', reference: 'R', startedOn: '2025-11-03', endedOn: '2026-02-01', chargedCents: 0 }, today),
    ).toEqual(['2026-01', '2026-02']);
    expect(chargeableMonths(2025, undefined, today)).toHaveLength(12);
    expect(chargeableMonths(2027, undefined, today)).toEqual([]);
  });

  it('names a month in German', () => {
    expect(monthLabel('2026-03')).toBe('März 2026');
  });
});
