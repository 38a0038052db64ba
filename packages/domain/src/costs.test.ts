import { describe, expect, it } from 'vitest';
import {
  averageCostPerCase,
  caseCostCents,
  chargeAmountCents,
  chargeMonthProblem,
  chargeUnitsValid,
  isPerCaseFinancing,
  serviceMonthStart,
  sgb2Share,
} from './costs';

describe('chargeAmountCents', () => {
  it('multiplies specialist hours by the hourly price, hours to the hundredth', () => {
    // 1.5 h × 62.50 € = 93.75 €
    expect(chargeAmountCents('specialist_hours', 6250, 1.5)).toBe(9375);
    // 0.25 h × 62.50 € = 15.625 € → 15.63 € (half up)
    expect(chargeAmountCents('specialist_hours', 6250, 0.25)).toBe(1563);
    // 12 h × 58.00 € = 696.00 €
    expect(chargeAmountCents('specialist_hours', 5800, 12)).toBe(69600);
    // 0.1 h × 0.05 € = 0.005 € → 0.01 € (half up); floating 0.1 stays exact in hundredths
    expect(chargeAmountCents('specialist_hours', 5, 0.1)).toBe(1);
    // 0.33 h × 10.01 € = 3.3033 € → 3.30 €
    expect(chargeAmountCents('specialist_hours', 1001, 0.33)).toBe(330);
  });

  it('multiplies cases or tiers of a flat rate and modules by their price', () => {
    // 2 tiers × 450.00 € = 900.00 €
    expect(chargeAmountCents('tiered_case_flat_rate', 45000, 2)).toBe(90000);
    // 3 modules × 120.50 € = 361.50 €
    expect(chargeAmountCents('modular', 12050, 3)).toBe(36150);
    expect(chargeAmountCents('modular', 0, 3)).toBe(0);
  });

  it('refuses fractional modules, flat rates other than halves, zero, negative and too many units', () => {
    expect(() => chargeAmountCents('modular', 12050, 1.5)).toThrow(RangeError);
    expect(() => chargeAmountCents('tiered_case_flat_rate', 45000, 0.25)).toThrow(RangeError);
    // Half a participant month for a month served only partly: 0.5 × 450.00 € = 225.00 €
    expect(chargeAmountCents('tiered_case_flat_rate', 45000, 0.5)).toBe(22500);
    expect(() => chargeAmountCents('specialist_hours', 6250, 0)).toThrow(RangeError);
    expect(() => chargeAmountCents('specialist_hours', 6250, -1)).toThrow(RangeError);
    expect(() => chargeAmountCents('specialist_hours', 6250, 10_000.5)).toThrow(RangeError);
    expect(() => chargeAmountCents('specialist_hours', 6250, 1.005)).toThrow(RangeError);
    expect(() => chargeAmountCents('specialist_hours', -1, 1)).toThrow(RangeError);
  });
});

describe('chargeUnitsValid and isPerCaseFinancing', () => {
  it('accepts hours to the hundredth, flat rates in halves and whole modules', () => {
    expect(chargeUnitsValid('tiered_case_flat_rate', 1.5)).toBe(true);
    expect(chargeUnitsValid('tiered_case_flat_rate', 1.2)).toBe(false);
    expect(chargeUnitsValid('specialist_hours', 0.01)).toBe(true);
    expect(chargeUnitsValid('specialist_hours', 10_000)).toBe(true);
    expect(chargeUnitsValid('specialist_hours', 0.001)).toBe(false);
    expect(chargeUnitsValid('modular', 2)).toBe(true);
    expect(chargeUnitsValid('modular', 2.01)).toBe(false);
    expect(chargeUnitsValid('tiered_case_flat_rate', Number.NaN)).toBe(false);
  });

  it('knows that institutional offers take no charges', () => {
    expect(isPerCaseFinancing('institutional')).toBe(false);
    expect(isPerCaseFinancing('specialist_hours')).toBe(true);
    expect(isPerCaseFinancing('tiered_case_flat_rate')).toBe(true);
    expect(isPerCaseFinancing('modular')).toBe(true);
  });
});

describe('caseCostCents', () => {
  it('adds up the charges of a case', () => {
    expect(caseCostCents([])).toBe(0);
    expect(caseCostCents([{ amountCents: 9375 }, { amountCents: 1563 }, { amountCents: 69600 }])).toBe(80538);
  });
});

describe('averageCostPerCase', () => {
  it('divides the prior year budget by its cases, half up to the cent', () => {
    // 120,000.00 € ÷ 48 cases = 2,500.00 €
    expect(averageCostPerCase(12_000_000, 48)).toBe(250_000);
    // 100.00 € ÷ 3 = 33.333… € → 33.33 €
    expect(averageCostPerCase(10_000, 3)).toBe(3333);
    // 0.05 € ÷ 2 = 0.025 € → 0.03 € (half up)
    expect(averageCostPerCase(5, 2)).toBe(3);
    // 200.00 € ÷ 3 = 66.666… € → 66.67 €
    expect(averageCostPerCase(20_000, 3)).toBe(6667);
  });

  it('has no average without budget or cases', () => {
    expect(averageCostPerCase(null, 10)).toBeNull();
    expect(averageCostPerCase(10_000, null)).toBeNull();
    expect(averageCostPerCase(10_000, 0)).toBeNull();
  });
});

describe('sgb2Share', () => {
  it('takes the percent of the cost, half up to the cent', () => {
    expect(sgb2Share(100_000, 100)).toBe(100_000);
    expect(sgb2Share(100_000, 0)).toBe(0);
    // 1,000.01 € × 33.33 % = 333.303333 € → 333.30 €
    expect(sgb2Share(100_001, 33.33)).toBe(33_330);
    // 0.01 € × 50 % = 0.005 € → 0.01 € (half up)
    expect(sgb2Share(1, 50)).toBe(1);
    // 999.99 € × 87.5 % = 874.99125 € → 874.99 €
    expect(sgb2Share(99_999, 87.5)).toBe(87_499);
  });

  it('refuses a percent outside 0–100', () => {
    expect(() => sgb2Share(100, 100.01)).toThrow(RangeError);
    expect(() => sgb2Share(100, -1)).toThrow(RangeError);
  });
});

describe('chargeMonthProblem', () => {
  const today = '2026-11-21';
  it('allows the months from the start month to the end month, up to the current month', () => {
    const running = { startedOn: '2026-01-10', endedOn: null };
    expect(chargeMonthProblem('2026-01', running, today)).toBeNull();
    expect(chargeMonthProblem('2026-11', running, today)).toBeNull();
    expect(chargeMonthProblem('2025-12', running, today)).toBe('before_start');
    expect(chargeMonthProblem('2026-12', running, today)).toBe('in_future');
    const ended = { startedOn: '2026-01-10', endedOn: '2026-03-02' };
    expect(chargeMonthProblem('2026-03', ended, today)).toBeNull();
    expect(chargeMonthProblem('2026-04', ended, today)).toBe('after_end');
  });

  it('refuses charges for a referral that never started', () => {
    expect(chargeMonthProblem('2026-01', { startedOn: null, endedOn: null }, today)).toBe('not_started');
  });

  it('stores a month as its first day', () => {
    expect(serviceMonthStart('2026-03')).toBe('2026-03-01');
  });
});
