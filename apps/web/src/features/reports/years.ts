/** How many past years the year choices offer besides the current one. */
const PAST_YEARS = 5;

/** The years to choose from, newest first: the current year and the ones before it. */
export function yearOptions(now: Date = new Date()): number[] {
  const current = now.getFullYear();
  return Array.from({ length: PAST_YEARS + 1 }, (_, i) => current - i);
}
