/**
 * Folds a name for tolerant search: case, umlauts written either way (Müller = Mueller = Muller),
 * ß = ss and other diacritics (Šimić = Simic). The same fold is applied to stored names and to queries.
 */
export function foldForSearch(input: string): string {
  return input
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ä|ae/g, 'a')
    .replace(/ö|oe/g, 'o')
    .replace(/ü|ue/g, 'u')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export type SearchTerm = { kind: 'birthDate'; value: string } | { kind: 'customerNumber'; value: string } | { kind: 'name'; value: string };

const GERMAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Kundennummer of the BA: 3 digits, letter D, 6 digits, e.g. 123D456789. Partial input is allowed. */
const CUSTOMER_NUMBER = /^\d{3}d\d{0,6}$/i;

/** Splits a free-text search into birth date, customer number and name parts. */
export function parseSearchQuery(query: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const raw of query.trim().split(/[\s,;]+/)) {
    if (!raw) continue;
    const de = GERMAN_DATE.exec(raw);
    const iso = ISO_DATE.exec(raw);
    if (de || iso) {
      const [y, m, d] = de ? [de[3], de[2], de[1]] : [iso?.[1], iso?.[2], iso?.[3]];
      const value = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      if (isValidIsoDate(value)) {
        terms.push({ kind: 'birthDate', value });
        continue;
      }
    }
    if (CUSTOMER_NUMBER.test(raw)) {
      terms.push({ kind: 'customerNumber', value: raw.toUpperCase() });
      continue;
    }
    const folded = foldForSearch(raw);
    for (const part of folded.split(' ')) if (part) terms.push({ kind: 'name', value: part });
  }
  return terms;
}

export function isValidIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCFullYear() === Number(m[1]) && date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]);
}

/** The folded "last first" name that person search matches and sorts on. */
export function personSearchName(lastName: string, firstName: string): string {
  return foldForSearch(`${lastName} ${firstName}`);
}

/** Each word start of a folded name with the rest of it: a typed name part is a prefix of one of these. */
export function nameSearchTerms(searchName: string): string[] {
  const words = searchName.split(' ').filter(Boolean);
  return [...new Set(words.map((_, index) => words.slice(index).join(' ')))];
}

/**
 * The exclusive upper bound of all strings starting with `prefix` in byte order (the order of the
 * pattern operators ~<~): U+10FFFF is the largest code point, so nothing with the prefix sorts after it.
 */
export function prefixUpperBound(prefix: string): string {
  return `${prefix}\u{10FFFF}`;
}
