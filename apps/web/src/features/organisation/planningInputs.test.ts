import { describe, expect, it } from 'vitest';
import { type OfferFacts, parsePostalCodes, postalCodesText, suggestUnmetNeedReason } from './planningInputs';

describe('postal codes as typed', () => {
  it('splits on commas, semicolons, spaces and line breaks; keeps each valid code once, sorted', () => {
    expect(parsePostalCodes('12347, 12345;12345\n  12399 ')).toEqual({ codes: ['12345', '12347', '12399'], invalid: [] });
    expect(parsePostalCodes('   ')).toEqual({ codes: [], invalid: [] });
  });

  it('reports entries that are not five digits, each once in typed order', () => {
    expect(parsePostalCodes('1234, 12345, abcde, 123456, 1234')).toEqual({ codes: ['12345'], invalid: ['1234', 'abcde', '123456'] });
  });

  it('shows stored codes comma-separated', () => {
    expect(postalCodesText(['12345', '12347'])).toBe('12345, 12347');
  });
});

describe('the suggested reason of an unmet need', () => {
  const offer = (o: Partial<OfferFacts>): OfferFacts => ({ distanceKm: 3, freeCapacity: 2, targetGroups: ['all'], ...o });
  const criteria = { maxDistanceKm: null, matchTargetGroup: false, personTargetGroups: ['u25'] };

  it('is no_offer when the service type has no offer at all', () => {
    expect(suggestUnmetNeedReason([], criteria)).toBe('no_offer');
  });

  it('is target_group when no offer is for the person’s target group and the search asked for it', () => {
    const forOthers = [offer({ targetGroups: ['ue50'] }), offer({ targetGroups: ['refugee'] })];
    expect(suggestUnmetNeedReason(forOthers, { ...criteria, matchTargetGroup: true })).toBe('target_group');
    expect(
      suggestUnmetNeedReason([...forOthers, offer({ targetGroups: ['u25'], freeCapacity: 0 })], { ...criteria, matchTargetGroup: true }),
    ).toBe('no_capacity');
    // Without the target-group filter, the offers for others count.
    expect(suggestUnmetNeedReason(forOthers, criteria)).toBe('other');
  });

  it('is too_far when every offer lies beyond the chosen distance', () => {
    const far = [offer({ distanceKm: 12.5 }), offer({ distanceKm: 30 })];
    expect(suggestUnmetNeedReason(far, { ...criteria, maxDistanceKm: 10 })).toBe('too_far');
    expect(suggestUnmetNeedReason(far, { ...criteria, maxDistanceKm: 25 })).toBe('other');
    // Exactly at the limit is near; an unknown distance (person not located) is never "too far".
    expect(suggestUnmetNeedReason([offer({ distanceKm: 10 })], { ...criteria, maxDistanceKm: 10 })).toBe('other');
    expect(suggestUnmetNeedReason([offer({ distanceKm: null })], { ...criteria, maxDistanceKm: 2 })).toBe('other');
  });

  it('is no_capacity when all near offers are full (unknown capacity is not full)', () => {
    const full = [offer({ freeCapacity: 0 }), offer({ freeCapacity: 0, distanceKm: 40 })];
    expect(suggestUnmetNeedReason(full, criteria)).toBe('no_capacity');
    // A free offer beyond the distance does not help.
    expect(
      suggestUnmetNeedReason([offer({ freeCapacity: 0 }), offer({ freeCapacity: 5, distanceKm: 40 })], { ...criteria, maxDistanceKm: 10 }),
    ).toBe('no_capacity');
    expect(suggestUnmetNeedReason([offer({ freeCapacity: 0 }), offer({ freeCapacity: null })], criteria)).toBe('other');
  });
});
