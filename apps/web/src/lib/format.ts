/** Formatting helpers: dates are shown as dd.mm.yyyy (SPEC §3). */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const GERMAN_DATE = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/;

/** `2024-03-07` (or an ISO timestamp) → `07.03.2024`; anything else is returned unchanged. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const m = ISO_DATE.exec(value);
  if (!m) return value;
  return `${m[3]}.${m[2]}.${m[1]}`;
}

const dateTimeFormat = new Intl.DateTimeFormat('de-DE', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** An ISO timestamp → `07.03.2024, 14:05:09` in the browser's time zone. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return dateTimeFormat.format(date);
}

/** `7.3.2024` or `07.03.2024` → `2024-03-07`; null when it is not a real calendar date. */
export function parseGermanDate(value: string): string | null {
  const m = GERMAN_DATE.exec(value);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Today as ISO date in the browser's time zone. */
export function todayIso(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

const languageNames = (() => {
  try {
    return new Intl.DisplayNames(['de'], { type: 'language' });
  } catch {
    return null;
  }
})();

/** ISO 639-1 code → German language name (`tr` → `Türkisch`). */
export function languageName(code: string | null | undefined): string {
  if (!code) return '';
  try {
    return languageNames?.of(code) ?? code;
  } catch {
    return code;
  }
}

export function fullName(p: { firstName: string; lastName: string }): string {
  return `${p.firstName} ${p.lastName}`.trim();
}

/** Name in list order: `Mustermann, Max`. */
export function listName(p: { firstName: string; lastName: string }): string {
  return p.firstName ? `${p.lastName}, ${p.firstName}` : p.lastName;
}

/** A random UUID v4, also outside secure contexts (where crypto.randomUUID is missing). */
export function newUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
