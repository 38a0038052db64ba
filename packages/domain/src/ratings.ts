/**
 * Progress and effect measurement (SPEC C9; seed 002 §9): about eight life areas rated together
 * with the person on a 1–10 scale at baseline, at reviews and at closing ("distance travelled").
 */

export const LIFE_AREAS = [
  'work_qualification',
  'health',
  'addiction',
  'finances_debt',
  'housing',
  'family_care',
  'social_participation',
  'motivation_daily_life',
] as const;
export type LifeArea = (typeof LIFE_AREAS)[number];

export const LIFE_AREA_LABELS_DE: Record<LifeArea, string> = {
  work_qualification: 'Arbeit und Qualifikation',
  health: 'Gesundheit',
  addiction: 'Sucht',
  finances_debt: 'Finanzen und Schulden',
  housing: 'Wohnen',
  family_care: 'Familie und Betreuung',
  social_participation: 'Soziale Teilhabe',
  motivation_daily_life: 'Motivation und Alltag',
};

export const RATING_OCCASIONS = ['baseline', 'review', 'closing'] as const;
export type RatingOccasion = (typeof RATING_OCCASIONS)[number];
export const RATING_OCCASION_LABELS_DE: Record<RatingOccasion, string> = {
  baseline: 'Ersteinschätzung',
  review: 'Zwischeneinschätzung',
  closing: 'Abschlusseinschätzung',
};

/** Life areas whose ratings and comments are special-category data (GDPR Art. 9). */
export const SPECIAL_CATEGORY_LIFE_AREAS: readonly LifeArea[] = ['health', 'addiction'];
