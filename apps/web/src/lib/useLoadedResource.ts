import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, toApiError } from '../api/client';

/**
 * Loads the resource of a detail page, and again whenever `fetchResource` changes (another id):
 * the old one is cleared first and `onReset` lets the page leave its edit mode.
 */
export function useLoadedResource<L>(fetchResource: (signal?: AbortSignal) => Promise<L>, onReset?: () => void) {
  const [loaded, setLoaded] = useState<L | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const resetRef = useRef(onReset);
  resetRef.current = onReset;

  const load = useCallback(
    async (signal?: AbortSignal) => {
      setLoadError(null);
      try {
        setLoaded(await fetchResource(signal));
        return true;
      } catch (e) {
        if (!signal?.aborted) setLoadError(toApiError(e));
        return false;
      }
    },
    [fetchResource],
  );

  useEffect(() => {
    const controller = new AbortController();
    setLoaded(null);
    resetRef.current?.();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  return { loaded, setLoaded, loadError, load };
}

/**
 * Switching between view and edit mode unmounts the focused control: entering edit mode focuses
 * `firstFieldId` (if given), leaving it focuses the page heading instead of letting focus fall to <body>.
 */
export function useEditModeFocus(editing: boolean, firstFieldId?: string) {
  const wasEditing = useRef(false);
  useEffect(() => {
    if (editing && !wasEditing.current && firstFieldId) document.getElementById(firstFieldId)?.focus();
    else if (!editing && wasEditing.current) document.querySelector<HTMLElement>('main h1')?.focus();
    wasEditing.current = editing;
  }, [editing, firstFieldId]);
}
