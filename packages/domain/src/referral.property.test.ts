import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './case-file';
import { CONSENT_CATEGORIES, type ConsentCategory, type ConsentFacts, consentState, uncoveredCategories } from './consent';
import {
  categoriesOfProviderWrite,
  PROVIDER_FIELD_CATEGORIES,
  type ProviderViewSource,
  providerView,
  REFERRAL_STATUSES,
  SHARED_FIELD_CATEGORIES,
  type SharedField,
} from './referral';

/**
 * Property: the consent is the only door between the Jobcenter and a provider. Whatever the consent
 * and whatever the referral holds, the provider's view never contains anything the consent does not
 * cover, and a provider write goes through exactly when every field it fills is covered.
 */

const TODAY = '2026-03-10';
const RUNS = 500;

const day = fc.integer({ min: -40, max: 40 }).map((offset) => addDays(TODAY, offset));
const categories = fc.subarray([...CONSENT_CATEGORIES]);

const consentArb: fc.Arbitrary<ConsentFacts> = fc
  .record({
    categories,
    givenOn: day,
    validFor: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
    revokedAfter: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
  })
  .map(({ categories, givenOn, validFor, revokedAfter }) => ({
    categories,
    givenOn,
    validUntil: validFor === null ? null : addDays(givenOn, validFor),
    revokedOn: revokedAfter === null ? null : addDays(givenOn, revokedAfter),
  }));

/** The consent's state as the specification states it (docs/api-cooperation.md, "Consents"). */
function expectedValid(consent: ConsentFacts | null): boolean {
  if (consent === null) return false;
  if (consent.revokedOn !== null && consent.revokedOn <= TODAY) return false;
  if (consent.givenOn > TODAY) return false;
  if (consent.validUntil !== null && consent.validUntil < TODAY) return false;
  return true;
}

const text = fc.string({ minLength: 1, maxLength: 12 });
const sourceArb: fc.Arbitrary<ProviderViewSource> = fc.record({
  person: fc.record({
    firstName: text,
    lastName: text,
    phone: fc.option(text, { nil: null }),
    email: fc.option(text, { nil: null }),
    street: fc.option(text, { nil: null }),
    houseNumber: fc.option(text, { nil: null }),
    postalCode: fc.option(text, { nil: null }),
    city: fc.option(text, { nil: null }),
    preferredLanguage: fc.option(text, { nil: null }),
    interpreterNeeded: fc.boolean(),
  }),
  shared: fc.record(
    {
      referralNote: fc.option(text, { nil: null }),
      goals: fc.array(text, { maxLength: 3 }),
      healthNote: fc.option(text, { nil: null }),
    },
    { requiredKeys: [] },
  ),
  feedback: fc.array(
    fc.record({
      id: fc.uuid(),
      kind: fc.constantFrom('status' as const, 'appointment' as const, 'interim_report' as const, 'final_report' as const),
      categories,
      recordedOn: day,
      recordedAt: fc.constant(`${TODAY}T10:00:00.000Z`),
      fields: fc.dictionary(fc.constantFrom(...Object.keys(PROVIDER_FIELD_CATEGORIES)), text),
    }),
    { maxLength: 6 },
  ),
  history: fc.array(
    fc.record({
      fromStatus: fc.option(fc.constantFrom(...REFERRAL_STATUSES), { nil: null }),
      toStatus: fc.constantFrom(...REFERRAL_STATUSES),
      at: fc.constant(`${TODAY}T10:00:00.000Z`),
      reason: fc.option(text, { nil: null }),
    }),
    { maxLength: 5 },
  ),
});

/** Random provider writes: any subset of the known fields, with filled or empty values. */
const writeArb = fc.record({
  fields: fc.dictionary(
    fc.constantFrom(...Object.keys(PROVIDER_FIELD_CATEGORIES)),
    fc.oneof(text, fc.constant(null), fc.constant(undefined), fc.constant([]), fc.array(text, { minLength: 1, maxLength: 2 })),
  ),
  specialNeed: fc.boolean(),
});

describe('the provider view and provider writes never pass the consent', () => {
  it('shows nothing about the person without a valid consent, and only covered items with one', () => {
    fc.assert(
      fc.property(fc.option(consentArb, { nil: null }), sourceArb, (consent, source) => {
        const view = providerView(source, consent, TODAY);
        const valid = expectedValid(consent);
        expect(view.consentState).toBe(consent === null ? 'missing' : consentState(consent, TODAY));
        if (!valid || consent === null) {
          expect(view.person).toBeNull();
          expect(view.shared).toEqual({});
          expect(view.feedback).toEqual([]);
          expect(view.history).toEqual([]);
          return;
        }
        const covered = new Set<ConsentCategory>(consent.categories);
        expect(view.person).toEqual(source.person);
        for (const key of Object.keys(view.shared) as SharedField[]) {
          expect(covered.has(SHARED_FIELD_CATEGORIES[key])).toBe(true);
        }
        // … and everything covered and present is shared.
        for (const key of Object.keys(SHARED_FIELD_CATEGORIES) as SharedField[]) {
          const value = source.shared[key];
          const present = value !== undefined && value !== null;
          expect(key in view.shared).toBe(present && covered.has(SHARED_FIELD_CATEGORIES[key]));
        }
        for (const entry of view.feedback) expect(entry.categories.every((c) => covered.has(c))).toBe(true);
        expect(view.feedback).toEqual(source.feedback.filter((f) => f.categories.every((c) => covered.has(c))));
        expect(view.history).toHaveLength(source.history.length);
        for (const entry of view.history) {
          expect(Object.keys(entry).every((k) => ['toStatus', 'at', 'reason'].includes(k))).toBe(true);
          if (entry.reason !== undefined) expect(covered.has('process_steps')).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('rejects exactly the writes that fill a field whose category the consent does not cover', () => {
    fc.assert(
      fc.property(fc.option(consentArb, { nil: null }), writeArb, (consent, write) => {
        const needed = categoriesOfProviderWrite(write.fields, write.specialNeed);
        const rejected =
          uncoveredCategories(
            consent,
            needed.map((n) => n.category),
            TODAY,
          ).length > 0;
        const filled = Object.entries(write.fields).filter(
          ([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0),
        );
        const requiredCategories = [
          ...filled.flatMap(([field]) => {
            const category = PROVIDER_FIELD_CATEGORIES[field];
            return category ? [category] : [];
          }),
          ...(write.specialNeed ? (['health'] as const) : []),
        ];
        const covers = (c: ConsentCategory) => expectedValid(consent) && consent?.categories.includes(c) === true;
        expect(rejected).toBe(requiredCategories.some((c) => !covers(c)));
        // Each filled field with a category is named, so the error can point at it.
        expect(needed.map((n) => n.field).sort()).toEqual(
          [
            ...filled.filter(([field]) => PROVIDER_FIELD_CATEGORIES[field]).map(([field]) => field),
            ...(write.specialNeed ? ['arisingNeeds'] : []),
          ].sort(),
        );
      }),
      { numRuns: RUNS },
    );
  });
});
