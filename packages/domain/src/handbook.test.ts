import { describe, expect, it } from 'vitest';
import { SERVICE_TYPES, type ServiceType } from './case-file';
import { DEFAULT_HANDBOOK } from './handbook';

const pages = SERVICE_TYPES.map((serviceType) => DEFAULT_HANDBOOK[serviceType]);
const allItems = (serviceType: ServiceType) => DEFAULT_HANDBOOK[serviceType].checklists.flatMap((checklist) => checklist.items);

/** Counts sentences, ignoring the full stops of common abbreviations. */
const sentenceCount = (text: string) =>
  text
    .replace(/z\. B\./g, 'zB')
    .replace(/i\. V\. m\./g, 'ivm')
    .replace(/u\. a\./g, 'ua')
    .replace(/d\. h\./g, 'dh')
    .split(/[.!?](?:\s+(?=[A-ZÄÖÜ„§(])|$)/)
    .filter((part) => part.trim().length > 0).length;

describe('DEFAULT_HANDBOOK', () => {
  it('has exactly one page per service type, keyed by its service type', () => {
    expect(Object.keys(DEFAULT_HANDBOOK).sort()).toEqual([...SERVICE_TYPES].sort());
    for (const serviceType of SERVICE_TYPES) expect(DEFAULT_HANDBOOK[serviceType].serviceType).toBe(serviceType);
  });

  it('has non-empty, unique titles within the contract limits', () => {
    for (const page of pages) {
      expect(page.title.trim().length, page.serviceType).toBeGreaterThan(3);
      expect(page.title).toBe(page.title.trim());
      expect(page.title.length).toBeLessThanOrEqual(200);
    }
    const titles = pages.map((page) => page.title);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('has a summary of two to five sentences', () => {
    for (const page of pages) {
      expect(page.summary, page.serviceType).toBe(page.summary.trim());
      expect(page.summary, page.serviceType).toMatch(/^[A-ZÄÖÜ§].*\.$/s);
      expect(page.summary, page.serviceType).not.toMatch(/\s{2,}/);
      const count = sentenceCount(page.summary);
      expect(count, page.serviceType).toBeGreaterThanOrEqual(2);
      expect(count, page.serviceType).toBeLessThanOrEqual(5);
    }
  });

  it('has one to three checklists with 4 to 12 non-empty, unique, trimmed items each', () => {
    for (const page of pages) {
      expect(page.checklists.length, page.serviceType).toBeGreaterThanOrEqual(1);
      expect(page.checklists.length, page.serviceType).toBeLessThanOrEqual(3);
      const checklistTitles = page.checklists.map((checklist) => checklist.title);
      expect(new Set(checklistTitles).size, page.serviceType).toBe(checklistTitles.length);
      for (const checklist of page.checklists) {
        const where = `${page.serviceType}: ${checklist.title}`;
        expect(checklist.title.trim().length, where).toBeGreaterThan(3);
        expect(checklist.title, where).toBe(checklist.title.trim());
        expect(checklist.title.length, where).toBeLessThanOrEqual(200);
        expect(checklist.items.length, where).toBeGreaterThanOrEqual(4);
        expect(checklist.items.length, where).toBeLessThanOrEqual(12);
        expect(new Set(checklist.items).size, where).toBe(checklist.items.length);
        for (const item of checklist.items) {
          expect(item.trim().length, where).toBeGreaterThan(0);
          expect(item, where).toBe(item.trim());
          expect(item, where).not.toMatch(/\s$/);
          expect(item, where).not.toMatch(/\s{2,}/);
          // Checklist items are list entries, not sentences: no closing full stop.
          expect(item, where).not.toMatch(/\.$/);
          expect(item.length, where).toBeLessThanOrEqual(500);
        }
      }
    }
  });

  it('has a checklist of signs of addiction on the addiction page, built from the seeds', () => {
    const signs = DEFAULT_HANDBOOK.addiction_counselling.checklists.find(
      (checklist) => /Anzeichen/.test(checklist.title) && /Sucht/.test(checklist.title),
    );
    expect(signs).toBeDefined();
    expect(signs?.items.length).toBeGreaterThanOrEqual(8);
    expect(signs?.items.some((item) => /Alkoholgeruch/.test(item))).toBe(true);
    expect(signs?.items.some((item) => /Hinweise Dritter/.test(item))).toBe(true);
    expect(signs?.items.some((item) => /Glücksspiel/.test(item))).toBe(true);
  });

  it('has indicator checklists for debt and psychosocial problems', () => {
    expect(DEFAULT_HANDBOOK.debt_counselling.checklists.some((checklist) => /Hinweise auf Überschuldung/.test(checklist.title))).toBe(true);
    expect(
      DEFAULT_HANDBOOK.psychosocial_support.checklists.some((checklist) => /Hinweise auf psychosoziale Problemlagen/.test(checklist.title)),
    ).toBe(true);
  });

  it('names consent before any data exchange on every page', () => {
    for (const serviceType of SERVICE_TYPES) {
      expect(
        allItems(serviceType).some((item) => /Schweigepflichtentbindung|Einwilligung/.test(item)),
        serviceType,
      ).toBe(true);
    }
    for (const serviceType of ['debt_counselling', 'psychosocial_support', 'addiction_counselling', 'insolvency_counselling'] as const) {
      expect(
        allItems(serviceType).some((item) => /Schweigepflichtentbindung/.test(item)),
        serviceType,
      ).toBe(true);
    }
  });

  it('says what the provider should report back for the counselling services', () => {
    for (const serviceType of ['debt_counselling', 'psychosocial_support', 'addiction_counselling'] as const) {
      const feedback = DEFAULT_HANDBOOK[serviceType].checklists.find((checklist) => /Rückmeldung/.test(checklist.title));
      expect(feedback, serviceType).toBeDefined();
      expect(feedback?.items.some((item) => /Abschluss/.test(item))).toBe(true);
      expect(feedback?.items.some((item) => /Abbruch/.test(item))).toBe(true);
    }
  });

  it('names its sources, and says so where the seeds say nothing', () => {
    for (const page of pages) {
      expect(page.sources.trim().length, page.serviceType).toBeGreaterThan(10);
      expect(page.sources, page.serviceType).toBe(page.sources.trim());
      expect(page.sources.length, page.serviceType).toBeLessThanOrEqual(1000);
    }
    for (const serviceType of ['childcare_care', 'debt_counselling', 'psychosocial_support', 'addiction_counselling'] as const) {
      expect(DEFAULT_HANDBOOK[serviceType].sources, serviceType).toContain('Deutscher Landkreistag 2008');
    }
    for (const serviceType of [
      'insolvency_counselling',
      'sgb2_16d_work_opportunity',
      'sgb2_16e_wage_subsidy',
      'sgb2_16i_social_participation',
      'sgb2_16k_health_coaching',
      'sgb3_45_activation',
      'housing_support',
      'language_course',
    ] as const) {
      expect(DEFAULT_HANDBOOK[serviceType].sources, serviceType).toContain('Allgemeine Fachpraxis (nicht aus den Quellen)');
    }
  });

  it('refers to the legal basis in the titles of the SGB II instruments', () => {
    expect(DEFAULT_HANDBOOK.addiction_counselling.title).toBe('Suchtberatung (§ 16a Nr. 4 SGB II)');
    expect(DEFAULT_HANDBOOK.sgb2_16d_work_opportunity.title).toContain('§ 16d SGB II');
    expect(DEFAULT_HANDBOOK.sgb2_16e_wage_subsidy.title).toContain('§ 16e SGB II');
    expect(DEFAULT_HANDBOOK.sgb2_16i_social_participation.title).toContain('§ 16i SGB II');
    expect(DEFAULT_HANDBOOK.sgb2_16k_health_coaching.title).toContain('§ 16k SGB II');
    expect(DEFAULT_HANDBOOK.sgb3_45_activation.title).toContain('§ 45 SGB III');
  });
});
