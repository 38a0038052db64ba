/** Ids of the section headings of the "Zuweisungen" tab (jump links, focus after saving). */
export const SECTION_IDS = {
  search: 'ref-search-heading',
  consents: 'ref-consents-heading',
  referrals: 'ref-referrals-heading',
  proposals: 'ref-proposals-heading',
} as const;
