/**
 * Formatting of the planning figures (one place for numbers, Euro, percent, days and suppressed
 * cells) and the small calculations the screens share (prior-year trend, sums, short labels).
 * German number formats (Intl 'de-DE'); money is integer cents.
 */
import type { PlanningCell } from '@lotse/contracts';
import { getLanguage, t } from '../../i18n';

export { centsToInput, formatEuro, parseEuroCents } from '../cooperation/kit';

const count = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });
const euroWhole = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

/** 12345 → "12.345". */
export function formatCount(value: number): string {
  return count.format(value);
}

/** 87.25 → "87,3 %". */
export function formatPercent(value: number): string {
  return `${oneDecimal.format(value)} %`;
}

/** 1 → "1 Tag", 21 → "21 Tage". */
export function formatDays(value: number): string {
  return value === 1 ? t('planning.dayOne') : t('planning.days', { count: oneDecimal.format(value) });
}

/** Cents as whole Euro for axes and tiles: 1234567 → "12.346 €". */
export function formatEuroWhole(cents: number): string {
  return euroWhole.format(Math.round(cents / 100));
}

/** The number of a cell for charts and sums: null when suppressed or unknown. */
export function cellNumber(cell: PlanningCell | undefined | null): number | null {
  if (!cell || cell.suppressed) return null;
  return cell.value;
}

/** A cell as plain text (for summaries and titles): "gesperrt", "–" or the formatted value. */
export function cellText(cell: PlanningCell | undefined | null, format: (value: number) => string = formatCount): string {
  if (!cell) return t('common.none');
  if (cell.suppressed) return t('planning.suppressed');
  return cell.value === null ? t('common.none') : format(cell.value);
}

export type TrendDirection = 'up' | 'down' | 'same' | 'none';

export interface Trend {
  direction: TrendDirection;
  /** Change against the prior year in percent; null when the prior year was 0 or a value is missing. */
  percent: number | null;
  difference: number | null;
}

/** Current against prior year; 'none' when one of them is suppressed or unknown. */
export function trendOf(current: number | null, prior: number | null): Trend {
  if (current === null || prior === null) return { direction: 'none', percent: null, difference: null };
  const difference = current - prior;
  const direction: TrendDirection = difference > 0 ? 'up' : difference < 0 ? 'down' : 'same';
  const percent = prior === 0 ? null : (difference / prior) * 100;
  return { direction, percent, difference };
}

/** The trend in words, e.g. "+12 % gegenüber 2025 (2025: 250)". */
/**
 * The prior year as compared (see `priorYearMonths` of the table and overview): "2025", or for the
 * running year its months so far, "Januar–November 2025".
 */
export function priorPeriodLabel(year: number, months: number | null): string {
  if (months === null) return String(year - 1);
  const format = new Intl.DateTimeFormat(getLanguage() === 'de' ? 'de-DE' : 'en-GB', { month: 'long', timeZone: 'UTC' });
  const month = (index: number) => format.format(new Date(Date.UTC(2000, index, 1)));
  return months === 1 ? `${month(0)} ${year - 1}` : `${month(0)}–${month(months - 1)} ${year - 1}`;
}

export function trendText(trend: Trend, priorYear: number | string, priorText: string): string {
  if (trend.direction === 'none') return t('planning.trendNone', { year: priorYear, prior: priorText });
  if (trend.direction === 'same') return t('planning.trendSame', { year: priorYear, prior: priorText });
  const key = trend.direction === 'up' ? 'planning.trendUp' : 'planning.trendDown';
  const change =
    trend.percent === null
      ? t('planning.trendFromZero')
      : `${trend.percent > 0 ? '+' : '−'}${oneDecimal.format(Math.abs(trend.percent))} %`;
  return t(key, { change, year: priorYear, prior: priorText });
}

/** A signed difference, "+3" or "−2" (typographic minus), "±0" for none. */
export function signedCount(value: number): string {
  if (value === 0) return '±0';
  return `${value > 0 ? '+' : '−'}${count.format(Math.abs(value))}`;
}

/** Sum of values, null as soon as one is null (a sum over a suppressed value must not be shown). */
export function sumOrNull(values: (number | null)[]): number | null {
  let sum = 0;
  for (const v of values) {
    if (v === null) return null;
    sum += v;
  }
  return sum;
}

/** "Schuldnerberatung (§ 16a Nr. 2 SGB II)" → "Schuldnerberatung" for chart axes (the tables keep the full label). */
export function shortLabel(label: string, max = 34): string {
  const base = label.replace(/\s*\([^)]*\)\s*$/, '').trim() || label;
  return base.length > max ? `${base.slice(0, max - 1).trimEnd()}…` : base;
}

// Fixed lists: the ICU month abbreviations differ between browsers and Node versions.
const MONTH_SHORT = ['Jan.', 'Feb.', 'März', 'Apr.', 'Mai', 'Juni', 'Juli', 'Aug.', 'Sept.', 'Okt.', 'Nov.', 'Dez.'];
const MONTH_LONG = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

/** Short label of a period for headers and axes: "Jan.", "Q1", "2026" (the full label stays for screen readers). */
export function periodShort(period: { key: string; label: string; from: string }): string {
  if (/^\d{4}-\d{2}$/.test(period.key)) return monthShortName(Number(period.key.slice(5, 7)));
  const quarter = /^\d{4}-Q(\d)$/.exec(period.key);
  if (quarter) return `Q${quarter[1]}`;
  return period.label;
}

/** Short month name of month 1–12: 3 → "März". */
export function monthShortName(month: number): string {
  return MONTH_SHORT[month - 1] ?? String(month);
}

/** Month name of month 1–12: 3 → "März". */
export function monthName(month: number): string {
  return MONTH_LONG[month - 1] ?? String(month);
}
