import { describe, expect, it } from 'vitest';
import { DEFAULT_BARRIER_CATALOGUE } from './barrier-catalogue';
import { BARRIER_PHASES, SERVICE_TYPES } from './case-file';

const codes = DEFAULT_BARRIER_CATALOGUE.map((entry) => entry.code);
const byCode = (code: string) => DEFAULT_BARRIER_CATALOGUE.find((entry) => entry.code === code);

describe('DEFAULT_BARRIER_CATALOGUE', () => {
  it('has about thirty entries with unique, valid codes', () => {
    expect(DEFAULT_BARRIER_CATALOGUE.length).toBeGreaterThanOrEqual(25);
    expect(DEFAULT_BARRIER_CATALOGUE.length).toBeLessThanOrEqual(40);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z][a-z0-9_]{1,49}$/);
  });

  it('fills every field with German text and known values', () => {
    for (const entry of DEFAULT_BARRIER_CATALOGUE) {
      expect(BARRIER_PHASES).toContain(entry.phase);
      expect(entry.label.trim().length).toBeGreaterThan(3);
      expect(entry.label.length).toBeLessThanOrEqual(200);
      // One sentence: capitalised, one full stop at the end.
      expect(entry.description).toMatch(/^[A-ZÄÖÜ][^.]*(z\. B\.[^.]*)?\.$/);
      expect(entry.description.length).toBeLessThanOrEqual(1000);
      expect(entry.serviceTypes.length).toBeGreaterThan(0);
      expect(new Set(entry.serviceTypes).size).toBe(entry.serviceTypes.length);
      for (const serviceType of entry.serviceTypes) expect(SERVICE_TYPES).toContain(serviceType);
    }
    const labels = DEFAULT_BARRIER_CATALOGUE.map((entry) => entry.label);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('has entries in every phase, grouped in phase order', () => {
    for (const phase of BARRIER_PHASES) expect(DEFAULT_BARRIER_CATALOGUE.some((entry) => entry.phase === phase)).toBe(true);
    const phaseIndexes = DEFAULT_BARRIER_CATALOGUE.map((entry) => BARRIER_PHASES.indexOf(entry.phase));
    expect(phaseIndexes).toEqual([...phaseIndexes].sort((a, b) => a - b));
  });

  it('numbers the sort order 10, 20, 30, …', () => {
    expect(DEFAULT_BARRIER_CATALOGUE.map((entry) => entry.sortOrder)).toEqual(
      DEFAULT_BARRIER_CATALOGUE.map((_, index) => (index + 1) * 10),
    );
  });

  it('marks health, addiction and psychosocial findings as special-category data', () => {
    for (const entry of DEFAULT_BARRIER_CATALOGUE.filter((candidate) => candidate.phase === 'performance_health')) {
      expect(entry.specialCategory, entry.code).toBe(true);
    }
    for (const entry of DEFAULT_BARRIER_CATALOGUE.filter((candidate) => candidate.serviceTypes.includes('addiction_counselling'))) {
      expect(entry.specialCategory, entry.code).toBe(true);
    }
    for (const code of ['addiction_alcohol', 'addiction_drugs_medication', 'mental_health_problem', 'psychosocial_crisis']) {
      expect(byCode(code)?.specialCategory, code).toBe(true);
    }
    for (const code of ['no_school_certificate', 'childcare_missing', 'debt', 'age_50_plus', 'long_term_benefit_receipt']) {
      expect(byCode(code)?.specialCategory, code).toBe(false);
    }
  });

  it('covers the four § 16a service types and the BA examples of SPEC C3', () => {
    for (const serviceType of ['childcare_care', 'debt_counselling', 'psychosocial_support', 'addiction_counselling'] as const) {
      expect(
        DEFAULT_BARRIER_CATALOGUE.some((entry) => entry.serviceTypes.includes(serviceType)),
        serviceType,
      ).toBe(true);
    }
    expect(byCode('childcare_missing')?.serviceTypes).toContain('childcare_care');
    expect(byCode('care_of_relatives')?.serviceTypes).toContain('childcare_care');
    expect(byCode('debt')?.serviceTypes).toEqual(['debt_counselling', 'insolvency_counselling']);
    expect(byCode('psychosocial_crisis')?.serviceTypes).toContain('psychosocial_support');
    expect(byCode('addiction_alcohol')?.serviceTypes).toContain('addiction_counselling');
    expect(byCode('addiction_drugs_medication')?.serviceTypes).toContain('addiction_counselling');
    expect(byCode('insufficient_german')?.serviceTypes).toContain('language_course');
    expect(byCode('housing_problems')?.serviceTypes).toContain('housing_support');
    expect(byCode('age_50_plus')?.phase).toBe('labour_market');
    expect(byCode('long_term_benefit_receipt')?.phase).toBe('labour_market');
  });

  it('is frozen in shape: entries do not share their service type arrays', () => {
    const [first, second] = DEFAULT_BARRIER_CATALOGUE;
    expect(first?.serviceTypes).not.toBe(second?.serviceTypes);
  });
});
