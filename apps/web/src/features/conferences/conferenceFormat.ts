/** Small helpers of the conference screens: date and time input, labels. */
const TIME = /^\s*(\d{1,2})[:.](\d{2})\s*(?:Uhr)?\s*$/i;

/** `9:05`, `09.05` or `09:05 Uhr` → `09:05`; null when it is no time of day. */
export function parseTime(value: string): string | null {
  const m = TIME.exec(value);
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** ISO date and HH:MM in the browser's time zone → an ISO timestamp (UTC) for the API. */
export function toTimestamp(isoDate: string, time: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return new Date(y ?? 0, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0).toISOString();
}

const parts = new Intl.DateTimeFormat('de-DE', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `dd.mm.yyyy HH:MM` of a conference's time (browser time zone). */
export function conferenceWhen(scheduledAt: string): string {
  const date = new Date(scheduledAt);
  if (Number.isNaN(date.getTime())) return scheduledAt;
  const p = Object.fromEntries(parts.formatToParts(date).map((x) => [x.type, x.value]));
  return `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}`;
}

/** The date (dd.mm.yyyy) and time (HH:MM) of a timestamp, for the edit fields. */
export function splitWhen(scheduledAt: string): { date: string; time: string } {
  const [date = '', time = ''] = conferenceWhen(scheduledAt).split(' ');
  return { date, time };
}

/** Topics typed one per line → the list the API expects (blank lines dropped). */
export function topicsOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
