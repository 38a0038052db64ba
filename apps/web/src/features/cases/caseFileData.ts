/** Derived views of the case overview shared by several tabs (pure functions). */
import type { Barrier, CaseOverview, FollowUp, Rating, SubGoal } from '@lotse/contracts';
import { LIFE_AREAS, type LifeArea } from '@lotse/domain';

/** Ratings oldest first (the server's order is not relied on). */
export function ratingsChronological(ratings: readonly Rating[]): Rating[] {
  return [...ratings].sort((a, b) => (a.ratedOn === b.ratedOn ? 0 : a.ratedOn < b.ratedOn ? -1 : 1));
}

export function scoreOf(rating: Rating | undefined, area: LifeArea): number | null {
  return rating?.scores.find((s) => s.area === area)?.score ?? null;
}

/** The life areas that occur in the ratings (the server leaves out areas the viewer may not see). */
export function visibleAreas(ratings: readonly Rating[]): LifeArea[] {
  return LIFE_AREAS.filter((area) => ratings.some((r) => r.scores.some((s) => s.area === area)));
}

export interface AreaChange {
  area: LifeArea;
  first: number | null;
  latest: number | null;
  /** latest − first, when both exist. */
  delta: number | null;
}

/** First and latest score per visible area ("distance travelled"). */
export function areaChanges(ratings: readonly Rating[]): AreaChange[] {
  const chronological = ratingsChronological(ratings);
  return visibleAreas(ratings).map((area) => {
    const withArea = chronological.filter((r) => scoreOf(r, area) !== null);
    const first = scoreOf(withArea[0], area);
    const latest = scoreOf(withArea[withArea.length - 1], area);
    return { area, first, latest, delta: first !== null && latest !== null ? latest - first : null };
  });
}

/** Active barriers in their order of treatment; unordered ones last, by recording date. */
export function barriersInOrder(barriers: readonly Barrier[]): Barrier[] {
  return barriers
    .filter((b) => b.status === 'active')
    .sort((a, b) => {
      if (a.priority !== null && b.priority !== null) return a.priority - b.priority;
      if (a.priority !== null) return -1;
      if (b.priority !== null) return 1;
      return a.recordedOn.localeCompare(b.recordedOn);
    });
}

export function allSubGoals(overview: CaseOverview): SubGoal[] {
  return overview.goals.flatMap((g) => g.subGoals);
}

/** Open sub-goals, earliest due first. */
export function openSubGoalsByDue(overview: CaseOverview): SubGoal[] {
  return allSubGoals(overview)
    .filter((s) => s.status === 'open')
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}

/** Open follow-ups, earliest due first. */
export function openFollowUps(followUps: readonly FollowUp[]): FollowUp[] {
  return followUps.filter((f) => f.doneOn === null).sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}

export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '±0';
}

/** Stable React keys from content for read-only lists without ids (repeated content gets a counter). */
export function keyed<T>(items: readonly T[], keyOf: (item: T) => string): { item: T; key: string }[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = keyOf(item);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { item, key: n ? `${base}#${n}` : base };
  });
}
