import { type OfferTargetGroup, offerFitsTargetGroups, type UnmetNeedReason } from '@lotse/domain';

/** Most postal codes a region may hold (the API's limit). */
export const MAX_POSTAL_CODES = 500;

/**
 * Postal codes as an administrator types them: separated by commas, semicolons, spaces or line breaks.
 * Returns the valid codes (each once, sorted, as the server stores them) and the entries that are not
 * five digits (each once, in typed order) for the error message.
 */
export function parsePostalCodes(text: string): { codes: string[]; invalid: string[] } {
  const entries = text.split(/[\s,;]+/).filter((e) => e !== '');
  const codes = [...new Set(entries.filter((e) => /^\d{5}$/.test(e)))].sort();
  const invalid = [...new Set(entries.filter((e) => !/^\d{5}$/.test(e)))];
  return { codes, invalid };
}

/** The stored codes as the input shows them. */
export function postalCodesText(codes: readonly string[]): string {
  return codes.join(', ');
}

/** What the offer search told about one offer. */
export interface OfferFacts {
  distanceKm: number | null;
  freeCapacity: number | null;
  targetGroups: readonly OfferTargetGroup[];
}

/**
 * Why no offer fits, derived from the offers of the service type (searched without the capacity and
 * distance filters): none at all → no_offer; none for the person's target group (when the search asked
 * for it) → target_group; none within the chosen distance → too_far; all near ones full → no_capacity;
 * otherwise the reason lies elsewhere (other). The case manager can change the suggestion.
 */
export function suggestUnmetNeedReason(
  offers: readonly OfferFacts[],
  criteria: { maxDistanceKm: number | null; matchTargetGroup: boolean; personTargetGroups: readonly string[] },
): UnmetNeedReason {
  if (offers.length === 0) return 'no_offer';
  const fitting = criteria.matchTargetGroup
    ? offers.filter((o) => offerFitsTargetGroups(o.targetGroups, criteria.personTargetGroups))
    : offers;
  if (fitting.length === 0) return 'target_group';
  const max = criteria.maxDistanceKm;
  // Without the person's location (distance null) an offer counts as near: distance cannot be the reason.
  const near = max === null ? fitting : fitting.filter((o) => o.distanceKm === null || o.distanceKm <= max);
  if (near.length === 0) return 'too_far';
  if (near.every((o) => o.freeCapacity === 0)) return 'no_capacity';
  return 'other';
}
