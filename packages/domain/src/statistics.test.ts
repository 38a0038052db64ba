import { describe, expect, it } from 'vitest';
import { divideRounded, histogramPercentile, mergeHistograms, percentileNearestRank, percentOf } from './statistics';

describe('percentiles by nearest rank', () => {
  it('takes the value at rank ⌈p/100 · n⌉', () => {
    // n = 10: median rank ⌈5⌉ = 5 → 5th value; p90 rank ⌈9⌉ = 9 → 9th value.
    const waits = [2, 3, 5, 8, 8, 10, 14, 21, 30, 60];
    expect(percentileNearestRank(waits, 50)).toBe(8);
    expect(percentileNearestRank(waits, 90)).toBe(30);
    // n = 7: median rank ⌈3.5⌉ = 4; p90 rank ⌈6.3⌉ = 7 (the maximum).
    expect(percentileNearestRank([1, 4, 4, 6, 9, 12, 40], 50)).toBe(6);
    expect(percentileNearestRank([1, 4, 4, 6, 9, 12, 40], 90)).toBe(40);
    // Even count: the lower middle value, never an interpolation (n = 4: rank 2).
    expect(percentileNearestRank([10, 20, 30, 40], 50)).toBe(20);
    // n = 20: 90 % is exactly rank 18 (floating point would give 18.000000000000004 → 19).
    const twenty = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentileNearestRank(twenty, 90)).toBe(18);
    expect(percentileNearestRank([7], 90)).toBe(7);
    expect(percentileNearestRank([], 50)).toBeNull();
    expect(() => percentileNearestRank([1], 0)).toThrow(RangeError);
  });

  it('reads the same percentile from a histogram, in any bin order', () => {
    // Values 3×2 days, 1×5, 4×9, 2×30 → n = 10, sorted 2,2,2,5,9,9,9,9,30,30.
    const bins = [
      { value: 30, count: 2 },
      { value: 2, count: 3 },
      { value: 9, count: 4 },
      { value: 5, count: 1 },
      { value: 100, count: 0 },
    ];
    expect(histogramPercentile(bins, 50)).toBe(9); // rank 5
    expect(histogramPercentile(bins, 90)).toBe(30); // rank 9
    expect(histogramPercentile(bins, 30)).toBe(2); // rank 3
    expect(histogramPercentile(bins, 40)).toBe(5); // rank 4
    expect(histogramPercentile([], 50)).toBeNull();
  });

  it('merges histograms by value', () => {
    expect(
      mergeHistograms(
        [
          { value: 3, count: 1 },
          { value: 1, count: 2 },
        ],
        [{ value: 3, count: 4 }],
      ),
    ).toEqual([
      { value: 1, count: 2 },
      { value: 3, count: 5 },
    ]);
  });
});

describe('ratios', () => {
  it('gives percentages rounded half up and cents per case', () => {
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(1, 8)).toBe(12.5);
    expect(percentOf(1, 16, 2)).toBe(6.25);
    expect(percentOf(5, 0)).toBeNull();
    expect(divideRounded(1000, 3)).toBe(333);
    expect(divideRounded(1001, 2)).toBe(501); // 500.5 rounds up
    expect(divideRounded(5, 0)).toBeNull();
  });
});
