import { describe, expect, it } from 'vitest';
import { LIFE_AREA_LABELS_DE, LIFE_AREAS, RATING_STEPS_DE, ratingChanges } from './ratings';

describe('RATING_STEPS_DE', () => {
  it('describes exactly ten unique, short steps for each life area', () => {
    expect(Object.keys(RATING_STEPS_DE).sort()).toEqual([...LIFE_AREAS].sort());
    for (const area of LIFE_AREAS) {
      const steps = RATING_STEPS_DE[area];
      expect(steps, area).toHaveLength(10);
      expect(new Set(steps).size, area).toBe(10);
      for (const step of steps) {
        expect(step.trim(), area).toBe(step);
        expect(step.length, step).toBeGreaterThan(10);
        expect(step.length, step).toBeLessThanOrEqual(120);
      }
    }
  });

  it('has no step text twice across areas and labels every area', () => {
    const all = LIFE_AREAS.flatMap((area) => RATING_STEPS_DE[area]);
    expect(new Set(all).size).toBe(all.length);
    for (const area of LIFE_AREAS) expect(LIFE_AREA_LABELS_DE[area].length).toBeGreaterThan(0);
  });

  it('runs from crisis to stable for finances and debt', () => {
    expect(RATING_STEPS_DE.finances_debt[0]).toBe(
      'Akute Überschuldung, Strom- oder Wohnungsverlust droht, keine Übersicht über Forderungen',
    );
    expect(RATING_STEPS_DE.finances_debt[9]).toBe('Finanzen geordnet, Schulden geregelt oder getilgt, kommt mit dem Geld aus');
  });
});

describe('ratingChanges', () => {
  it('compares first and latest rating in LIFE_AREAS order', () => {
    const changes = ratingChanges(
      [
        { area: 'housing', score: 2 },
        { area: 'finances_debt', score: 1 },
        { area: 'health', score: 5 },
      ],
      [
        { area: 'finances_debt', score: 6 },
        { area: 'health', score: 4 },
        { area: 'housing', score: 2 },
        { area: 'addiction', score: 9 },
      ],
    );
    expect(changes.map((change) => change.area)).toEqual([...LIFE_AREAS]);
    const byArea = Object.fromEntries(changes.map((change) => [change.area, change]));
    expect(byArea.finances_debt).toEqual({ area: 'finances_debt', first: 1, latest: 6, change: 5 });
    expect(byArea.health).toEqual({ area: 'health', first: 5, latest: 4, change: -1 });
    expect(byArea.housing).toEqual({ area: 'housing', first: 2, latest: 2, change: 0 });
    expect(byArea.addiction).toEqual({ area: 'addiction', first: null, latest: 9, change: null });
    expect(byArea.work_qualification).toEqual({ area: 'work_qualification', first: null, latest: null, change: null });
  });

  it('gives nulls for empty ratings', () => {
    expect(ratingChanges([], [])).toEqual(LIFE_AREAS.map((area) => ({ area, first: null, latest: null, change: null })));
    expect(ratingChanges([{ area: 'health', score: 3 }], [])[1]).toEqual({ area: 'health', first: 3, latest: null, change: null });
  });
});
