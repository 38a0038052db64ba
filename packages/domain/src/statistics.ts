/**
 * Descriptive statistics of the steering figures (SPEC C12, C13): percentiles by nearest rank, over a
 * list of values or over a histogram (value → count, as the database groups them), and rounded ratios.
 */

/**
 * The p-th percentile (0 < p ≤ 100) of `sorted` (ascending) by nearest rank: the value at rank
 * ⌈p/100 · n⌉ (1-based). The median is the 50th percentile, so with an even count it is the lower of
 * the two middle values. Always one of the values, never interpolated. Null for no values.
 */
export function percentileNearestRank(sorted: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile out of range: ${p}`);
  if (sorted.length === 0) return null;
  return sorted[nearestRank(sorted.length, p) - 1] as number;
}

/** Rank ⌈p/100 · n⌉ computed without floating error for integer p (e.g. 90 % of 20 is rank 18, not 19). */
function nearestRank(n: number, p: number): number {
  const scaled = p * n;
  const rank = Number.isInteger(scaled) ? Math.ceil(scaled / 100) : Math.ceil(scaled / 100 - 1e-9);
  return Math.min(n, Math.max(1, rank));
}

/** A value with how often it occurs, e.g. waiting days with their number of starts. */
export interface HistogramBin {
  value: number;
  count: number;
}

/** Number of observations in a histogram. */
export function histogramCount(bins: readonly HistogramBin[]): number {
  return bins.reduce((sum, b) => sum + b.count, 0);
}

/** {@link percentileNearestRank} over a histogram; bins may come in any order, counts ≤ 0 are ignored. */
export function histogramPercentile(bins: readonly HistogramBin[], p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile out of range: ${p}`);
  const sorted = bins.filter((b) => b.count > 0).sort((a, b) => a.value - b.value);
  const n = histogramCount(sorted);
  if (n === 0) return null;
  const rank = nearestRank(n, p);
  let seen = 0;
  for (const bin of sorted) {
    seen += bin.count;
    if (seen >= rank) return bin.value;
  }
  return (sorted[sorted.length - 1] as HistogramBin).value;
}

/** Adds the bins of several histograms (e.g. all regions of a service type). */
export function mergeHistograms(...histograms: ReadonlyArray<readonly HistogramBin[]>): HistogramBin[] {
  const counts = new Map<number, number>();
  for (const bins of histograms) for (const b of bins) counts.set(b.value, (counts.get(b.value) ?? 0) + b.count);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => a.value - b.value);
}

/** numerator ÷ denominator in percent, rounded half up to `decimals`; null when the denominator is not positive. */
export function percentOf(numerator: number, denominator: number, decimals = 1): number | null {
  if (!(denominator > 0)) return null;
  const factor = 10 ** decimals;
  return Math.round(((numerator * 100) / denominator) * factor + 1e-9) / factor;
}

/** Integer division rounded half up (cents per case); null when the divisor is not positive. */
export function divideRounded(numerator: number, divisor: number): number | null {
  if (!(divisor > 0)) return null;
  return Math.floor((numerator * 2 + divisor) / (divisor * 2));
}
