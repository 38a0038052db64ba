/** Pure formatting helpers of the referral screens (case file tab and provider portal). */
import {
  CAPACITY_PERIOD_LABELS_DE,
  CAPACITY_UNIT_LABELS_DE,
  CONSENT_CATEGORIES,
  CONSENT_CATEGORY_LABELS_DE,
  type ConsentCategory,
  OVERDUE_KIND_LABELS_DE,
  type OverdueKind,
  PROVIDER_FIELD_CATEGORIES,
} from '@lotse/domain';
import { t } from '../../i18n';
import { formatDate } from '../../lib/format';

const kmFormat = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 3.4 → "3,4 km" (German decimal comma); null → ''. */
export function formatKm(km: number | null | undefined): string {
  if (km === null || km === undefined || Number.isNaN(km)) return '';
  return `${kmFormat.format(km)} km`;
}

export interface AddressLike {
  street: string | null;
  houseNumber: string | null;
  postalCode: string | null;
  city: string | null;
}

/** "Hauptstraße 5, 12345 Musterstadt" from the parts that exist. */
export function addressLine(a: AddressLike): string {
  const street = [a.street, a.houseNumber].filter(Boolean).join(' ');
  const city = [a.postalCode, a.city].filter(Boolean).join(' ');
  return [street, city].filter(Boolean).join(', ');
}

/** Waiting time the provider reports: "keine Angabe", "keine Wartezeit", "1 Tag", "14 Tage". */
export function waitingText(days: number | null): string {
  if (days === null) return t('referrals.notStated');
  if (days === 0) return t('referrals.noWaiting');
  return days === 1 ? t('referrals.oneDay') : t('referrals.days', { days });
}

export interface CapacityLike {
  capacity: number | null;
  freeCapacity: number | null;
  capacityUnit: keyof typeof CAPACITY_UNIT_LABELS_DE;
  capacityPeriod: keyof typeof CAPACITY_PERIOD_LABELS_DE;
}

/** "3 von 10 frei (Plätze pro Monat)" or "keine Angabe". */
export function capacityText(o: CapacityLike): string {
  if (o.capacity === null || o.freeCapacity === null) return t('referrals.capacityUnknown');
  return t('referrals.capacityFree', {
    free: o.freeCapacity,
    capacity: o.capacity,
    unit: `${CAPACITY_UNIT_LABELS_DE[o.capacityUnit]} ${CAPACITY_PERIOD_LABELS_DE[o.capacityPeriod]}`,
  });
}

/** Categories in catalogue order with their German labels. */
export function categoryLabels(categories: readonly ConsentCategory[]): string[] {
  return CONSENT_CATEGORIES.filter((c) => categories.includes(c)).map((c) => CONSENT_CATEGORY_LABELS_DE[c]);
}

/** "gültig ab 01.03.2026 bis 28.02.2027" / "… unbefristet". */
export function validityText(c: { givenOn: string; validUntil: string | null }): string {
  return c.validUntil
    ? t('referrals.validFromUntil', { from: formatDate(c.givenOn), until: formatDate(c.validUntil) })
    : t('referrals.validFromOpen', { from: formatDate(c.givenOn) });
}

/** "Antwort des Trägers überfällig seit 3 Tagen". */
export function overdueText(o: { kind: OverdueKind; daysOverdue: number }): string {
  return o.daysOverdue === 1
    ? t('referrals.overdueOne', { what: OVERDUE_KIND_LABELS_DE[o.kind] })
    : t('referrals.overdueDays', { what: OVERDUE_KIND_LABELS_DE[o.kind], days: o.daysOverdue });
}

/**
 * The consent category a provider's field needs, if the consent does not cover it (else null). Fields
 * without a category (e.g. the decline reason) are covered by any valid consent.
 */
export function uncoveredCategoryOf(field: string, categories: readonly ConsentCategory[]): ConsentCategory | null {
  const category = PROVIDER_FIELD_CATEGORIES[field] ?? null;
  return category && !categories.includes(category) ? category : null;
}
