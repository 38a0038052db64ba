import { describe, expect, it } from 'vitest';
import { addressLine, capacityText, formatKm, overdueText, uncoveredCategoryOf, validityText, waitingText } from './referralFormat';

describe('referral formatting', () => {
  it('shows distances with a German decimal comma', () => {
    expect(formatKm(3.4)).toBe('3,4 km');
    expect(formatKm(12)).toBe('12,0 km');
    expect(formatKm(null)).toBe('');
  });

  it('joins the parts of an address that exist', () => {
    expect(addressLine({ street: 'Marktplatz', houseNumber: '1', postalCode: '37001', city: 'Lotsenbach' })).toBe(
      'Marktplatz 1, 37001 Lotsenbach',
    );
    expect(addressLine({ street: null, houseNumber: null, postalCode: null, city: 'Lotsenbach' })).toBe('Lotsenbach');
  });

  it('names waiting time, capacity and validity in words', () => {
    expect(waitingText(null)).toBe('keine Angabe');
    expect(waitingText(0)).toBe('keine Wartezeit');
    expect(waitingText(1)).toBe('1 Tag');
    expect(waitingText(14)).toBe('14 Tage');
    expect(capacityText({ capacity: 10, freeCapacity: 3, capacityUnit: 'places', capacityPeriod: 'month' })).toBe(
      '3 von 10 frei (Plätze pro Monat)',
    );
    expect(capacityText({ capacity: null, freeCapacity: null, capacityUnit: 'places', capacityPeriod: 'month' })).toBe('keine Angabe');
    expect(validityText({ givenOn: '2026-03-01', validUntil: null })).toBe('gültig ab 01.03.2026, unbefristet');
    expect(overdueText({ kind: 'answer', daysOverdue: 3 })).toBe('Antwort des Trägers überfällig – seit 3 Tagen');
  });

  it('marks a provider field whose category the consent does not cover', () => {
    expect(uncoveredCategoryOf('healthNotes', ['attendance', 'process_steps'])).toBe('health');
    expect(uncoveredCategoryOf('startedOn', ['attendance'])).toBeNull();
    // The decline reason is part of the answer itself: covered by any valid consent.
    expect(uncoveredCategoryOf('declineReason', [])).toBeNull();
  });
});
