/**
 * Dates of the demo generators as proleptic Gregorian day numbers (Hinnant's algorithms) instead of
 * Date objects: the generators compute thousands of dates per batch, and Date parsing and formatting
 * would dominate. Day 0 is 1970-01-01.
 */

export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** "00" … "99". */
export const PAD2: string[] = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

/** ISO date (yyyy-mm-dd) of a day number. */
export function isoOf(day: number): string {
  const zz = day + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${PAD2[m]}-${PAD2[d]}`;
}

/**
 * Day number of the date an ISO date or timestamp starts with, unchecked beyond its digits: for the
 * dates and timestamps the demo wrote itself.
 */
export function dayOfPrefix(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) throw new RangeError(`expected an ISO date (yyyy-mm-dd), got '${iso}'`);
  return daysFromCivil(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Day number of an ISO date (yyyy-mm-dd) that exists in the calendar; anything else is a RangeError. */
export function dayOf(iso: string): number {
  const day = dayOfPrefix(iso);
  if (isoOf(day) !== iso) throw new RangeError(`expected an ISO date (yyyy-mm-dd), got '${iso}'`);
  return day;
}

/** ISO timestamp (UTC) for a minute count since the epoch day 0. */
export function stampOf(minutes: number): string {
  const day = Math.floor(minutes / 1440);
  const minute = minutes - day * 1440;
  return `${isoOf(day)}T${PAD2[Math.floor(minute / 60)]}:${PAD2[minute % 60]}:00.000Z`;
}
