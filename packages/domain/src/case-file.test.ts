import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, DEFAULT_CONTACT_DENSITY_DAYS, daysBetween, INDICATOR_SOURCES, indicatorKindOf, nextContactDue } from './case-file';

describe('addDays', () => {
  it('crosses month and year ends', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-05-15', 0)).toBe('2026-05-15');
    expect(addDays('2026-05-15', 28)).toBe('2026-06-12');
  });

  it('knows leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(addDays('2028-01-01', 366)).toBe('2029-01-01');
  });

  it('is not affected by daylight saving time', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
  });
});

describe('daysBetween', () => {
  it('counts whole days, negative backwards', () => {
    expect(daysBetween('2026-05-15', '2026-05-15')).toBe(0);
    expect(daysBetween('2026-05-15', '2026-05-29')).toBe(14);
    expect(daysBetween('2026-05-29', '2026-05-15')).toBe(-14);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2028-02-01', '2028-03-01')).toBe(29);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });

  it('is the inverse of addDays', () => {
    const isoDate = fc
      .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) })
      .map((ms) => new Date(ms).toISOString().slice(0, 10));
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -4000, max: 4000 }), (date, days) => {
        expect(daysBetween(date, addDays(date, days))).toBe(days);
      }),
    );
  });
});

describe('nextContactDue', () => {
  it('counts from the last contact', () => {
    expect(nextContactDue('2026-05-01', '2026-01-10', 14)).toBe('2026-05-15');
  });

  it('counts from the start of the case when there was no contact', () => {
    expect(nextContactDue(null, '2026-01-10', DEFAULT_CONTACT_DENSITY_DAYS.medium)).toBe('2026-02-07');
  });

  it('uses the densities of the priorities', () => {
    expect(DEFAULT_CONTACT_DENSITY_DAYS.high).toBeLessThan(DEFAULT_CONTACT_DENSITY_DAYS.medium);
    expect(DEFAULT_CONTACT_DENSITY_DAYS.medium).toBeLessThan(DEFAULT_CONTACT_DENSITY_DAYS.low);
    expect(nextContactDue('2026-12-20', '2026-01-01', DEFAULT_CONTACT_DENSITY_DAYS.high)).toBe('2027-01-03');
  });
});

describe('indicatorKindOf', () => {
  it('classifies hard and soft indicators (seed 003 §3.1 e)', () => {
    expect(indicatorKindOf('medical_report')).toBe('hard');
    expect(indicatorKindOf('payment_arrears')).toBe('hard');
    expect(indicatorKindOf('disability_card')).toBe('hard');
    expect(indicatorKindOf('own_statement')).toBe('soft');
    expect(indicatorKindOf('observation')).toBe('soft');
    for (const source of INDICATOR_SOURCES.hard) expect(indicatorKindOf(source)).toBe('hard');
    for (const source of INDICATOR_SOURCES.soft) expect(indicatorKindOf(source)).toBe('soft');
  });
});
