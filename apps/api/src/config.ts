export interface AppConfig {
  /** Minutes without a request after which a session ends. */
  sessionIdleMinutes: number;
  /** Hours after login after which a session ends regardless of activity. */
  sessionAbsoluteHours: number;
  /** Failed logins per user name and client address before a short lock. */
  loginMaxFailures: number;
  /** Upper bound of that lock, so nobody can lock a colleague out for long. */
  loginMaxLockSeconds: number;
  /** Directory of the built web app to serve, if any. */
  webRoot?: string;
  /** Argon2 cost; lowered only in tests. */
  argon2: { memoryCost: number; timeCost: number };
  logLevel: 'silent' | 'error' | 'warn' | 'info' | 'debug';
  /** The clock of deadlines, waiting times and overdue flags; tests fix it to a date. */
  now: () => Date;
  /**
   * How long a year's planning figures are reused while nothing was written in the tenant (a write
   * makes them at most a minute old). 0 computes them for every request (the benchmark's cold series).
   */
  planningFigureCacheMs: number;
  /** Compute suppression patterns in a worker thread (off: on the request's thread, e.g. in unit tests). */
  planningSuppressionWorker: boolean;
  /** Compute every tenant's current and prior year's planning figures in the background after the start (the server). */
  planningWarmOnStart: boolean;
}

export const DEFAULT_CONFIG: AppConfig = {
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 10,
  loginMaxFailures: 5,
  loginMaxLockSeconds: 300,
  // OWASP minimum for argon2id: 19 MiB, 2 iterations.
  argon2: { memoryCost: 19_456, timeCost: 2 },
  logLevel: 'warn',
  now: () => new Date(),
  planningFigureCacheMs: 10 * 60_000,
  planningSuppressionWorker: true,
  planningWarmOnStart: false,
};

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const num = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} muss eine positive Zahl sein (ist: ${raw}).`);
    return value;
  };
  return {
    ...DEFAULT_CONFIG,
    sessionIdleMinutes: num('LOTSE_SESSION_IDLE_MINUTES', DEFAULT_CONFIG.sessionIdleMinutes),
    sessionAbsoluteHours: num('LOTSE_SESSION_ABSOLUTE_HOURS', DEFAULT_CONFIG.sessionAbsoluteHours),
    logLevel: (env.LOTSE_LOG_LEVEL as AppConfig['logLevel']) || DEFAULT_CONFIG.logLevel,
    planningWarmOnStart: env.LOTSE_PLANNING_WARM !== 'off',
  };
}
