/**
 * Consent to share data with a provider (Schweigepflichtentbindung, SPEC C8; seed 003 §3.4 d/e,
 * seed 001 IV.3.1). The consent is the only door between the Jobcenter and a provider: what it does
 * not name does not flow, in either direction.
 */

/** Data categories a consent may cover, from the narrowest to the most sensitive. */
export const CONSENT_CATEGORIES = ['attendance', 'process_steps', 'content_summary', 'results', 'health'] as const;
export type ConsentCategory = (typeof CONSENT_CATEGORIES)[number];

export const CONSENT_CATEGORY_LABELS_DE: Record<ConsentCategory, string> = {
  attendance: 'Teilnahme / Anwesenheit',
  process_steps: 'Prozessschritte (Aufnahme, Beginn, Ende, Teilziele)',
  content_summary: 'Inhaltliche Zusammenfassung',
  results: 'Ergebnisse und Empfehlungen',
  health: 'Gesundheitsinformationen',
};

export const CONSENT_FORMS = ['written', 'electronic', 'oral_documented'] as const;
export type ConsentForm = (typeof CONSENT_FORMS)[number];
export const CONSENT_FORM_LABELS_DE: Record<ConsentForm, string> = {
  written: 'schriftlich',
  electronic: 'elektronisch',
  oral_documented: 'mündlich (dokumentiert)',
};

/** What the person must have been counselled on before consenting (seed 001 IV.3.1; seed 003 §3.4 e). */
export const CONSENT_COUNSELLING_POINTS = ['content', 'effects', 'scope', 'voluntariness', 'benefit'] as const;
export type ConsentCounsellingPoint = (typeof CONSENT_COUNSELLING_POINTS)[number];
export const CONSENT_COUNSELLING_LABELS_DE: Record<ConsentCounsellingPoint, string> = {
  content: 'Inhalt der Einwilligung (welche Daten an wen)',
  effects: 'Wirkung (was die Stelle mit den Daten tun darf)',
  scope: 'Umfang und Dauer (Kategorien, Gültigkeit)',
  voluntariness: 'Freiwilligkeit und jederzeitiger Widerruf ohne Nachteile',
  benefit: 'Nutzen für die Person (abgestimmte Hilfe, kein Doppeln)',
};

export interface ConsentFacts {
  categories: readonly ConsentCategory[];
  givenOn: string;
  validUntil: string | null;
  revokedOn: string | null;
}

export type ConsentState = 'valid' | 'not_yet_valid' | 'expired' | 'revoked';

export const CONSENT_STATE_LABELS_DE: Record<ConsentState, string> = {
  valid: 'gültig',
  not_yet_valid: 'noch nicht gültig',
  expired: 'abgelaufen',
  revoked: 'widerrufen',
};

/** State of a consent on a day. A revocation takes effect on the day it is recorded, i.e. at once. */
export function consentState(consent: ConsentFacts, today: string): ConsentState {
  if (consent.revokedOn !== null && consent.revokedOn <= today) return 'revoked';
  if (consent.givenOn > today) return 'not_yet_valid';
  if (consent.validUntil !== null && consent.validUntil < today) return 'expired';
  return 'valid';
}

export function consentCovers(consent: ConsentFacts | null, category: ConsentCategory, today: string): boolean {
  return consent !== null && consentState(consent, today) === 'valid' && consent.categories.includes(category);
}

/** Categories not covered by a (valid) consent, in catalogue order. */
export function uncoveredCategories(consent: ConsentFacts | null, needed: Iterable<ConsentCategory>, today: string): ConsentCategory[] {
  const set = new Set(needed);
  return CONSENT_CATEGORIES.filter((c) => set.has(c) && !consentCovers(consent, c, today));
}
