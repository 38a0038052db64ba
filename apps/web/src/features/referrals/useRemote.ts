import { useCallback, useEffect, useState } from 'react';
import { type ApiError, toApiError } from '../../api/client';

/** Loads data once (and again when `fetcher` changes); `load()` reloads and returns the data (null on failure). */
export function useRemote<T>(fetcher: (signal?: AbortSignal) => Promise<T>, enabled = true) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(
    async (signal?: AbortSignal): Promise<T | null> => {
      setError(null);
      try {
        const next = await fetcher(signal);
        setData(next);
        return next;
      } catch (e) {
        if (!signal?.aborted) setError(toApiError(e));
        return null;
      }
    },
    [fetcher],
  );

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load, enabled]);

  return { data, error, load, setData };
}
