/**
 * Typed fetch wrapper for the Lotse API (same origin, under /api).
 *
 * - sends the session cookie (`credentials: 'same-origin'`), never sees it;
 * - adds `X-CSRF-Token` to every state-changing request (except login), `If-Match` and `Idempotency-Key`
 *   when asked;
 * - parses RFC 9457 problem+json into {@link ApiError};
 * - on 401 calls the registered handler (the app sends the user to the login page and back afterwards);
 * - on 403 CSRF_INVALID fetches a fresh token once and repeats the request (safe: writes carry
 *   If-Match or Idempotency-Key).
 */
import type { Problem } from '@lotse/contracts';
import { t } from '../i18n';

export interface ApiFieldError {
  field: string;
  code: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly fieldErrors: ApiFieldError[];
  /** Seconds from a Retry-After header (429). */
  readonly retryAfter: number | undefined;

  constructor(init: { status: number; code: string; title: string; detail?: string; fieldErrors?: ApiFieldError[]; retryAfter?: number }) {
    super(init.detail ? `${init.title} ${init.detail}` : init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors ?? [];
    this.retryAfter = init.retryAfter;
  }

  /** Title and detail as one readable sentence for the user. */
  get userMessage(): string {
    if (!this.detail || this.detail === this.title) return this.title;
    return `${this.title} ${this.detail}`;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** Turns anything thrown into an ApiError so the UI has one shape to show. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError({ status: 0, code: 'CLIENT_ERROR', title: t('error.unexpected') });
}

export interface ApiResponse<T> {
  data: T;
  /** The ETag header, e.g. `"7"`; used as If-Match for the next change. */
  etag: string | null;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  ifMatch?: string | null;
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** Login and the session probe handle 401 themselves. */
  skipAuthRedirect?: boolean;
  /** Login needs no CSRF token. */
  skipCsrf?: boolean;
}

let csrfToken: string | null = null;
let unauthorizedHandler: ((error: ApiError) => void) | null = null;
let csrfRefresher: (() => Promise<string | null>) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The app registers what happens on 401 (go to login, remember the path). */
export function onUnauthorized(handler: ((error: ApiError) => void) | null): void {
  unauthorizedHandler = handler;
}

/** The app registers how to get a fresh CSRF token (GET /api/auth/session). */
export function onCsrfRefresh(refresher: (() => Promise<string | null>) | null): void {
  csrfRefresher = refresher;
}

/** Builds `"<version>"` for If-Match from a version number. */
export function etagFromVersion(version: number): string {
  return `"${version}"`;
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  const url = `/api${path}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

async function parseProblem(response: Response): Promise<ApiError> {
  const retryHeader = response.headers.get('Retry-After');
  const retryAfter = retryHeader && /^\d+$/.test(retryHeader.trim()) ? Number(retryHeader) : undefined;
  let problem: Partial<Problem> | null = null;
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      problem = (await response.json()) as Partial<Problem>;
    } catch {
      problem = null;
    }
  }
  const fallbackTitle = response.status >= 500 ? t('error.server') : t('error.http', { status: response.status });
  return new ApiError({
    status: response.status,
    code: typeof problem?.code === 'string' ? problem.code : `HTTP_${response.status}`,
    title: typeof problem?.title === 'string' && problem.title ? problem.title : fallbackTitle,
    detail: typeof problem?.detail === 'string' ? problem.detail : undefined,
    fieldErrors: Array.isArray(problem?.errors) ? problem.errors : [],
    retryAfter,
  });
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && !options.skipCsrf && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (options.ifMatch) headers['If-Match'] = options.ifMatch;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  try {
    return await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', title: t('error.network') });
  }
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  let response = await send(path, options);
  if (response.status === 403 && (options.method ?? 'GET') !== 'GET' && !options.skipCsrf && csrfRefresher) {
    const error = await parseProblem(response.clone());
    if (error.code === 'CSRF_INVALID') {
      const token = await csrfRefresher().catch(() => null);
      if (token) {
        csrfToken = token;
        response = await send(path, options);
      }
    }
  }
  if (!response.ok) {
    const error = await parseProblem(response);
    if (error.status === 401 && !options.skipAuthRedirect) unauthorizedHandler?.(error);
    throw error;
  }
  const etag = response.headers.get('ETag');
  if (response.status === 204) return { data: undefined as T, etag };
  const text = await response.text();
  const data = (text ? JSON.parse(text) : undefined) as T;
  return { data, etag };
}

/** ETag of a response, or one built from the record's version when a proxy dropped the header. */
export function etagOf(response: ApiResponse<{ version: number }>): string {
  return response.etag ?? etagFromVersion(response.data.version);
}
