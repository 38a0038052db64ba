import { useCallback, useRef } from 'react';
import { newUuid } from './format';

/**
 * One Idempotency-Key per submission attempt: the same body sent again (a retry after a network
 * error or a timeout) reuses the key, so the server creates the record only once; a changed body
 * gets a new key (the server answers 422 when a key is reused for another body).
 */
export function useIdempotencyKey(): (body: unknown) => string {
  const last = useRef<{ body: string; key: string } | null>(null);
  return useCallback((body: unknown) => {
    const serialized = JSON.stringify(body);
    if (last.current && last.current.body === serialized) return last.current.key;
    const key = newUuid();
    last.current = { body: serialized, key };
    return key;
  }, []);
}
