import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { type ApiError, toApiError } from '../../api/client';
import { changeSelection, type PlanningSelection, readSelection, writeSelection } from './query';

/**
 * Loads data whenever `fetcher` changes (another year or filter). Unlike a detail page the old
 * figures stay on screen while the new ones load (`loading`), so the page does not jump and the
 * focus stays on the control that was changed. `fetcher` null: nothing to load yet.
 */
export function useFetched<T>(fetcher: ((signal: AbortSignal) => Promise<T>) | null) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);
  const [tick, setTick] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` reloads on demand
  useEffect(() => {
    if (!fetcher) return;
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    fetcher(controller.signal)
      .then((next) => {
        setData(next);
        setLoading(false);
      })
      .catch((e: unknown) => {
        if (controller.signal.aborted) return;
        setError(toApiError(e));
        setLoading(false);
      });
    return () => controller.abort();
  }, [fetcher, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload, setData };
}

/**
 * The selection of the planning screens, read from and written to the address (replacing the entry).
 * Two changes in a row (before the address has been re-read) build on each other: the router's own
 * updater would start both from the same old address and drop the first.
 */
export function useSelection(): [PlanningSelection, (change: Partial<PlanningSelection>) => void] {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const pending = useRef<string | null>(null);
  // The address has been read (or changed otherwise, e.g. by "back"): it is the base again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs whenever the address changes
  useEffect(() => {
    pending.current = null;
  }, [search]);
  const update = (change: Partial<PlanningSelection>) => {
    const base = readSelection(new URLSearchParams(pending.current ?? search));
    const next = writeSelection(changeSelection(base, change));
    pending.current = next.toString();
    setParams(next, { replace: true });
  };
  return [readSelection(params), update];
}
