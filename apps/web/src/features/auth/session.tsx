import type { SessionInfo } from '@lotse/contracts';
import type { Role } from '@lotse/domain';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { type ApiError, onCsrfRefresh, onUnauthorized, setCsrfToken, toApiError } from '../../api/client';
import * as api from '../../api/endpoints';

type Status = 'loading' | 'ready' | 'error';

interface SessionContextValue {
  session: SessionInfo | null;
  status: Status;
  error: ApiError | null;
  /** Why the last session ended (401 detail), shown on the login page. */
  endReason: string | null;
  /** The user ended the session with "Abmelden". */
  loggedOut: boolean;
  roles: readonly Role[];
  signIn: (info: SessionInfo) => void;
  signOut: () => Promise<void>;
  retry: () => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

const RETURN_KEY = 'lotse.returnTo';
const STORAGE_PREFIX = 'lotse.';

export interface LoginLocationState {
  from?: string;
  reason?: string;
  flash?: string;
}

/** Remembers where the user was when the session ended, to go back there after login. */
export function rememberReturnPath(path: string, userId: string | null): void {
  try {
    sessionStorage.setItem(RETURN_KEY, JSON.stringify({ path, userId }));
  } catch {
    // storage may be unavailable (privacy mode) – the router state still carries the path
  }
}

/** The path to go to after login: only same-app paths, never the login page itself. */
export function takeReturnPath(fromState: string | undefined, userId: string): string | null {
  let stored: { path?: string; userId?: string | null } | null = null;
  try {
    const raw = sessionStorage.getItem(RETURN_KEY);
    sessionStorage.removeItem(RETURN_KEY);
    stored = raw ? (JSON.parse(raw) as { path?: string; userId?: string | null }) : null;
  } catch {
    stored = null;
  }
  const candidate = fromState ?? (stored && (!stored.userId || stored.userId === userId) ? stored.path : undefined);
  if (!candidate?.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/anmelden')) return null;
  return candidate;
}

function clearAppStorage(): void {
  try {
    for (const key of Object.keys(sessionStorage)) if (key.startsWith(STORAGE_PREFIX)) sessionStorage.removeItem(key);
  } catch {
    // ignore
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionInfo | null>(null);
  const [status, setStatus] = useState<Status>('loading');
  const [error, setError] = useState<ApiError | null>(null);
  const [_attempt, setAttempt] = useState(0);
  const [endReason, setEndReason] = useState<string | null>(null);
  const [loggedOut, setLoggedOut] = useState(false);

  // Probe the session once on start (and on "retry" after a network error).
  useEffect(() => {
    const controller = new AbortController();
    setStatus('loading');
    api
      .getSession(controller.signal)
      .then((info) => {
        setCsrfToken(info.csrfToken);
        setSession(info);
        setError(null);
        setStatus('ready');
      })
      .catch((e: unknown) => {
        if (controller.signal.aborted) return;
        const err = toApiError(e);
        setCsrfToken(null);
        setSession(null);
        if (err.status === 401) {
          setError(null);
          setStatus('ready');
        } else {
          setError(err);
          setStatus('error');
        }
      });
    return () => controller.abort();
  }, []);

  const userId = session?.user.id ?? null;

  // 401 from any request: the session is gone. RequireAuth then sends the user to the login page
  // (remembering the path); the reason is shown there.
  useEffect(() => {
    onUnauthorized((err) => {
      if (!window.location.pathname.startsWith('/anmelden')) {
        rememberReturnPath(`${window.location.pathname}${window.location.search}`, userId);
      }
      setCsrfToken(null);
      setEndReason(err.userMessage);
      setSession(null);
    });
    onCsrfRefresh(async () => {
      const info = await api.getSession();
      setSession(info);
      return info.csrfToken;
    });
    return () => {
      onUnauthorized(null);
      onCsrfRefresh(null);
    };
  }, [userId]);

  const signIn = useCallback((info: SessionInfo) => {
    setCsrfToken(info.csrfToken);
    setSession(info);
    setEndReason(null);
    setLoggedOut(false);
    setError(null);
    setStatus('ready');
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.logout();
    } catch {
      // The session ends locally in any case; the server drops it on expiry.
    }
    setCsrfToken(null);
    setEndReason(null);
    setLoggedOut(true);
    setSession(null);
    clearAppStorage();
  }, []);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  const value = useMemo<SessionContextValue>(
    () => ({ session, status, error, endReason, loggedOut, roles: session?.user.roles ?? [], signIn, signOut, retry }),
    [session, status, error, endReason, loggedOut, signIn, signOut, retry],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** The signed-in session; only inside RequireAuth. */
export function useRequiredSession(): SessionInfo {
  const { session } = useSession();
  if (!session) throw new Error('useRequiredSession without session');
  return session;
}
