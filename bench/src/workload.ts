/** Builds the request bodies of the search scenario from a sample of the loaded persons (pure). */

export interface PersonSample {
  lastName: string;
  firstName: string;
  /** ISO yyyy-mm-dd. */
  birthDate: string;
  customerNumber: string;
}

export type SearchKind = 'last-name-prefix' | 'last-first' | 'birth-date' | 'customer-number-prefix';

export const SEARCH_KINDS: SearchKind[] = ['last-name-prefix', 'last-first', 'birth-date', 'customer-number-prefix'];

export interface SearchBody {
  kind: SearchKind;
  query: string;
}

/** dd.mm.yyyy, as clerks type it. */
export function germanDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/**
 * Cycles through the four kinds of query a clerk types: the first 3–5 letters of a last name,
 * "Lastname Firstname", a birth date and the first 6–8 characters of a customer number (123D4…).
 */
export function searchBodies(sample: PersonSample[]): SearchBody[] {
  return sample.map((p, i): SearchBody => {
    const kind = SEARCH_KINDS[i % SEARCH_KINDS.length] as SearchKind;
    switch (kind) {
      case 'last-name-prefix': {
        const letters = [...p.lastName];
        return { kind, query: letters.slice(0, 3 + (Math.floor(i / 4) % 3)).join('') };
      }
      case 'last-first':
        return { kind, query: `${p.lastName} ${p.firstName}` };
      case 'birth-date':
        return { kind, query: germanDate(p.birthDate) };
      default:
        return { kind, query: p.customerNumber.slice(0, 6 + (Math.floor(i / 4) % 3)) };
    }
  });
}
