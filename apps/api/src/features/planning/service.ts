import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type {
  Costs,
  Plan,
  PlanningFiltersQuery,
  PlanningOverview,
  PlanningTable,
  PlanningTableQuery,
  PutPlanRequest,
} from '@lotse/contracts';
import { type Database, type Tx, withTenant } from '@lotse/db';
import {
  AppError,
  type CostCaseRow,
  FINANCING_MODELS,
  FLOW_MEASURES,
  type FlowRow,
  type HistogramBin,
  type IntervalRow,
  PlanningCube,
  type PlanningCubeInput,
  type PlanningCubeShape,
  planningFiguresSuppressedFor,
  SERVICE_TYPES,
  type ServiceType,
  SUPPRESSION_METHOD,
  todayInGermany,
} from '@lotse/domain';
import type { Kysely } from 'kysely';
import type { AppConfig } from '../../config';
import type { AuthContext } from '../../http/access';
import { AuditRepository } from '../audit/repository';
import {
  costsView,
  type Dimensions,
  placesOf,
  planningOverview,
  planningTable,
  planVersion,
  planView,
  priorYearMonths,
  type ResolvedFilters,
  type SuppressionInfo,
  type YearFigures,
} from './figures';
import { CUBE_ROW_MEASURES, type CubeRow, type CubeWindow, PlanningRepository } from './repository';
import { SuppressionPool } from './suppression-pool';

const audit = new AuditRepository();

/**
 * A computed cube (and its suppression pattern) is reused while no write happened in the tenant (the
 * end of its change log is unchanged); for a minute even after writes, so that a busy tenant does not
 * recompute it for every planner. Planning figures are steering figures: a minute's delay is harmless,
 * and every request of one planner sees one consistent cube.
 */
const CACHE_FRESH_MS = 60_000;
const CACHE_ENTRIES = 32;

interface LoadedYear {
  year: number;
  cube: PlanningCube;
  /** What the cube was built from, for the suppression worker. */
  cubeSource: { shape: PlanningCubeShape; input: PlanningCubeInput };
  stockMonths: number;
  dims: Dimensions;
  offers: YearFigures['offers'];
  monthlyCharges: YearFigures['monthlyCharges'];
}

interface CacheEntry {
  /** End of the tenant's change log and the day (Germany) the cube was computed for. */
  stamp: number;
  day: string;
  at: number;
  data: Promise<LoadedYear>;
  /** Suppression pattern per minimum. */
  patterns: Map<number, Promise<Uint8Array>>;
  /** Waiting-time histograms per service type, per filter combination (the overview's percentiles). */
  waiting: Map<string, Promise<Map<string, HistogramBin[]>>>;
}

/** First and last day of a month (1–12) as ISO dates. */
function monthEnd(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Month ends with a stock value and the evaluation window: a past year has 12 (31 Jan … 31 Dec), the
 * current year one per month begun, its last "month end" being today; a year to come has none.
 */
export function stockWindow(year: number, today: string): { stockMonths: number; window: CubeWindow } {
  const todayYear = Number(today.slice(0, 4));
  const stockMonths = year < todayYear ? 12 : year === todayYear ? Number(today.slice(5, 7)) : 0;
  const clamp = (date: string) => (date < today ? date : today);
  return {
    stockMonths,
    window: {
      from: `${year}-01-01`,
      to: `${year}-12-31`,
      firstEval: stockMonths > 0 ? clamp(monthEnd(year, 1)) : null,
      lastEval: stockMonths > 0 ? clamp(`${year}-12-31`) : null,
    },
  };
}

/**
 * Needs planning (SPEC C12) and the cost view (000 §10): aggregates only, never a person. Planners
 * and coordinators get figures with small cells suppressed ({@link PlanningCube.suppress}); team leads,
 * who read case files anyway, get exact figures.
 */
export class PlanningService {
  private readonly repo = new PlanningRepository();
  private readonly cache = new Map<string, CacheEntry>();
  private readonly refreshing = new Set<string>();
  private readonly suppressionPool: SuppressionPool;
  private closed = false;

  constructor(
    readonly db: Kysely<Database>,
    readonly config: AppConfig,
    /** Told when a computed pattern could not be stored (the figures are served all the same). */
    private readonly onStoreFailed: (error: unknown) => void = () => undefined,
  ) {
    this.suppressionPool = new SuppressionPool(config.planningSuppressionWorker);
  }

  /** Ends the suppression worker (server shutdown). */
  close(): Promise<void> {
    this.closed = true;
    return this.suppressionPool.close();
  }

  /**
   * Computes the current and the prior year's figures with their suppression pattern for every tenant,
   * one after another, so that the first planner after a start does not wait for them (about 2.5 s for
   * the 200,000-person tenant). Run in the background after the server starts (`planningWarmOnStart`);
   * stops when the server closes. Returns how many years were computed.
   */
  async warm(): Promise<number> {
    const year = Number(this.today().slice(0, 4));
    let computed = 0;
    for (const tenantId of await this.repo.tenantIds(this.db)) {
      if (this.closed) break;
      await withTenant(this.db, tenantId, async (trx) => {
        const rules = await this.repo.rules(trx, tenantId);
        const stamp = await this.repo.changeStamp(trx, tenantId);
        for (const y of [year, year - 1]) {
          if (this.closed) return;
          await this.yearFigures(trx, tenantId, y, stamp, { applied: true, minimum: rules.suppressionMinimum });
          computed++;
        }
      });
    }
    return computed;
  }

  /** Whether a year's figures and its pattern for `minimum` are in the cache (diagnostics, tests). */
  isWarm(tenantId: string, year: number, minimum: number): boolean {
    return this.cache.get(`${tenantId}|${year}`)?.patterns.has(minimum) ?? false;
  }

  private today(): string {
    return todayInGermany(this.config.now());
  }

  private requireYear(year: number) {
    const last = Number(this.today().slice(0, 4)) + 1;
    if (year < 2000 || year > last) {
      throw new AppError('PLANNING_YEAR_OUT_OF_RANGE', {
        fields: [{ field: 'year', code: 'out_of_range', message: `Möglich sind die Jahre 2000 bis ${last}.` }],
      });
    }
  }

  /** Regions, teams, and the years with data (at least the current one). */
  dimensions(auth: AuthContext) {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const dims = await this.loadDimensions(trx, auth.tenantId);
      const range = await this.repo.yearRange(trx, auth.tenantId);
      const current = Number(this.today().slice(0, 4));
      const first = Math.max(2000, Math.min(range.first ?? current, current));
      // The next year is offered too: its plan (targets) is set before it begins.
      const last = current + 1;
      const years: number[] = [];
      for (let y = last; y >= first; y--) years.push(y);
      return { ...dims, years };
    });
  }

  table(auth: AuthContext, query: PlanningTableQuery): Promise<PlanningTable> {
    this.requireYear(query.year);
    return withTenant(this.db, auth.tenantId, async (trx) => (await this.tableIn(trx, auth, query)).table);
  }

  private async tableIn(trx: Tx, auth: AuthContext, query: PlanningTableQuery) {
    const { current, prior, filters, suppression } = await this.loadBoth(trx, auth, query);
    const table = planningTable({
      current,
      prior,
      dims: current.dims,
      granularity: query.granularity,
      breakdown: query.breakdown,
      filters,
      suppression,
      priorYearMonths: priorYearMonths(current, this.today()),
    });
    return { table, current, suppression };
  }

  overview(auth: AuthContext, query: PlanningFiltersQuery): Promise<PlanningOverview> {
    this.requireYear(query.year);
    return withTenant(this.db, auth.tenantId, (trx) => this.overviewIn(trx, auth, query));
  }

  private async overviewIn(trx: Tx, auth: AuthContext, query: PlanningFiltersQuery): Promise<PlanningOverview> {
    const { current, prior, filters, suppression } = await this.loadBoth(trx, auth, query);
    const rules = await this.repo.rules(trx, auth.tenantId);
    const histogramFilters = {
      regionId: filters.regionId,
      teamId: filters.teamId,
      targetGroup: filters.targetGroup,
    };
    const months = priorYearMonths(current, this.today());
    // The prior year's waiting times over the same months as its counts (the whole year: December).
    const histograms = (figures: typeof current | typeof prior, untilMonth = 12) => {
      const key = JSON.stringify({ ...histogramFilters, untilMonth });
      let cached = figures.waiting.get(key);
      if (!cached) {
        cached = this.repo
          .waitingDays(
            trx,
            auth.tenantId,
            { from: `${figures.year}-01-01`, to: monthEnd(figures.year, untilMonth) },
            histogramFilters,
            regionOfPostalCode(current.dims),
          )
          .then((rows) => {
            const map = new Map<string, HistogramBin[]>();
            for (const r of rows) map.set(r.serviceType, [...(map.get(r.serviceType) ?? []), { value: r.days, count: r.n }]);
            return map;
          });
        figures.waiting.set(key, cached);
        cached.catch(() => figures.waiting.delete(key));
      }
      return cached;
    };
    const targets = new Map<string, number>();
    for (const t of await this.repo.targets(trx, auth.tenantId, query.year))
      targets.set(t.serviceType, (targets.get(t.serviceType) ?? 0) + t.targetStarts);
    return planningOverview({
      current,
      prior,
      dims: current.dims,
      filters,
      suppression,
      waitingTargetDays: rules.waitingTargetDays,
      waiting: { current: await histograms(current), prior: await histograms(prior, months ?? 12) },
      targets,
      priorYearMonths: months,
    });
  }

  plan(auth: AuthContext, year: number): Promise<Plan> {
    this.requireYear(year);
    return withTenant(this.db, auth.tenantId, (trx) => this.planIn(trx, auth, year));
  }

  private async planIn(trx: Tx, auth: AuthContext, year: number): Promise<Plan> {
    const { figures, suppression } = await this.loadOne(trx, auth, year);
    return planView(figures, await this.repo.targets(trx, auth.tenantId, year), suppression);
  }

  /** Replaces the 12 monthly targets of a service type; If-Match carries the version the planner saw. */
  putPlan(
    auth: AuthContext,
    year: number,
    serviceType: ServiceType,
    expectedVersion: number,
    input: PutPlanRequest,
  ): Promise<{ plan: Plan; version: number }> {
    this.requireYear(year);
    const months = [...input.months].sort((a, b) => a.month - b.month);
    if (new Set(months.map((m) => m.month)).size !== 12) {
      throw new AppError('VALIDATION_FAILED', {
        fields: [{ field: 'months', code: 'months_incomplete', message: 'Jeder Monat 1–12 muss genau einmal vorkommen.' }],
      });
    }
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const before = await this.repo.lockTargets(trx, auth.tenantId, year, serviceType);
      if (planVersion(before) !== expectedVersion) throw new AppError('PRECONDITION_FAILED');
      await this.repo.replaceTargets(trx, auth.tenantId, auth.userId, year, serviceType, months);
      const strip = (rows: ReadonlyArray<{ month: number; targetStarts: number; targetCostCents: number }>) =>
        rows.map(({ month, targetStarts, targetCostCents }) => ({ month, targetStarts, targetCostCents }));
      await audit.appendChange(
        trx,
        auth,
        'planning_targets',
        planEntityId(auth.tenantId, year, serviceType),
        before.length === 0 ? 'create' : 'update',
        before.length === 0 ? null : { year, serviceType, months: strip(before) },
        { year, serviceType, months: strip(months) },
      );
      const plan = await this.planIn(trx, auth, year);
      const version = Number(plan.serviceTypes.find((s) => s.serviceType === serviceType)?.version ?? 0);
      return { plan, version };
    });
  }

  costs(auth: AuthContext, year: number): Promise<Costs> {
    this.requireYear(year);
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const { figures, suppression } = await this.loadOne(trx, auth, year);
      return costsView(figures, suppression);
    });
  }

  /** The table with the names of regions and teams, for the CSV download. */
  tableExport(auth: AuthContext, query: PlanningTableQuery) {
    this.requireYear(query.year);
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const { table, current } = await this.tableIn(trx, auth, query);
      return { table, dims: current.dims };
    });
  }

  /** Everything the export workbook holds, read in one transaction. */
  exportData(auth: AuthContext, query: PlanningTableQuery) {
    this.requireYear(query.year);
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const { table, current, suppression } = await this.tableIn(trx, auth, query);
      const overview = await this.overviewIn(trx, auth, query);
      const plan = planView(current, await this.repo.targets(trx, auth.tenantId, query.year), suppression);
      const costs = costsView(current, suppression);
      return { table, overview, plan, costs, dims: current.dims };
    });
  }

  // ——— loading ———

  private async loadDimensions(trx: Tx, tenantId: string): Promise<Dimensions> {
    const [regions, teams] = [await this.repo.regions(trx, tenantId), await this.repo.teams(trx, tenantId)];
    return {
      regions: regions.map((r) => ({
        id: r.id,
        name: r.name,
        postalCodes: [...r.postalCodes].sort(),
        active: r.active,
        version: r.version,
      })),
      teams: teams.map((t) => ({
        id: t.id,
        name: t.name,
        memberCount: Number(t.memberCount ?? 0),
        active: t.active,
        version: t.version,
      })),
    };
  }

  private async suppressionOf(trx: Tx, auth: AuthContext): Promise<SuppressionInfo> {
    const rules = await this.repo.rules(trx, auth.tenantId);
    return { applied: planningFiguresSuppressedFor(auth.roles), minimum: rules.suppressionMinimum };
  }

  private async loadOne(trx: Tx, auth: AuthContext, year: number) {
    const suppression = await this.suppressionOf(trx, auth);
    const stamp = await this.repo.changeStamp(trx, auth.tenantId);
    return { figures: await this.yearFigures(trx, auth.tenantId, year, stamp, suppression), suppression };
  }

  private async loadBoth(trx: Tx, auth: AuthContext, query: PlanningFiltersQuery) {
    const suppression = await this.suppressionOf(trx, auth);
    const stamp = await this.repo.changeStamp(trx, auth.tenantId);
    const current = await this.yearFigures(trx, auth.tenantId, query.year, stamp, suppression);
    const prior = await this.yearFigures(trx, auth.tenantId, query.year - 1, stamp, suppression);
    const filters: ResolvedFilters = {
      serviceType: query.serviceType ?? null,
      regionId: query.regionId ?? null,
      teamId: query.teamId ?? null,
      targetGroup: query.targetGroup ?? null,
    };
    if (filters.regionId !== null && !current.dims.regions.some((r) => r.id === filters.regionId)) {
      throw new AppError('UNKNOWN_REGION', {
        fields: [{ field: 'regionId', code: 'unknown', message: 'Diesen Sozialraum gibt es in diesem Jobcenter nicht.' }],
      });
    }
    if (filters.teamId !== null && !current.dims.teams.some((t) => t.id === filters.teamId)) {
      throw new AppError('UNKNOWN_TEAM', {
        fields: [{ field: 'teamId', code: 'unknown', message: 'Dieses Team gibt es in diesem Jobcenter nicht.' }],
      });
    }
    return { current, prior, filters, suppression };
  }

  /**
   * The year's cube with the pattern this user gets, cached per tenant × year. Only the first request
   * for a year waits for the computation. A cached cube is served as it is while the tenant's change
   * log has not moved; after a write it is served for up to a minute more, then once more while a
   * fresh one is computed in the background (stale while revalidating). The same holds when the day
   * changes (the current year's stock ends today) and, as a safety net, after `planningFigureCacheMs`.
   * Concurrent requests share one computation; a failed one is not kept.
   */
  private async yearFigures(
    trx: Tx,
    tenantId: string,
    year: number,
    stamp: number,
    suppression: SuppressionInfo,
  ): Promise<YearFigures & { dims: Dimensions; waiting: CacheEntry['waiting'] }> {
    const today = this.today();
    const key = `${tenantId}|${year}`;
    const now = this.config.now().getTime();
    const ttl = this.config.planningFigureCacheMs;
    let entry = this.cache.get(key);
    if (!entry || ttl <= 0) {
      entry = this.startLoad(key, stamp, today, this.loadYear(trx, tenantId, year, today));
    } else if (this.isStale(entry, year, stamp, today, now) && !this.refreshing.has(key)) {
      const stale = entry;
      this.refreshing.add(key);
      const fresh = withTenant(this.db, tenantId, (own) => this.loadYear(own, tenantId, year, today));
      fresh
        .then(() => {
          if (this.cache.get(key) === stale) this.startLoad(key, stamp, today, fresh);
        })
        .catch(() => undefined)
        .finally(() => this.refreshing.delete(key));
    }
    const current = entry;
    const data = await current.data;
    let pattern: Uint8Array | null = null;
    if (suppression.applied) {
      let computing = current.patterns.get(suppression.minimum);
      if (!computing) {
        computing = this.patternOf(trx, tenantId, data, suppression.minimum);
        current.patterns.set(suppression.minimum, computing);
        computing.catch(() => current.patterns.delete(suppression.minimum));
      }
      pattern = await computing;
    }
    return { ...data, pattern, waiting: current.waiting };
  }

  /**
   * The year's suppression pattern: the stored one while it was computed from the same counts by the same
   * method (its fingerprint), else computed in the worker and stored for the next process and restart.
   * Read and stored in the transaction of the request that asked first (the embedded database has one
   * connection); a failed store is reported and leaves that transaction usable.
   */
  private async patternOf(trx: Tx, tenantId: string, data: LoadedYear, minimum: number): Promise<Uint8Array> {
    const { shape, input } = data.cubeSource;
    const { values, hidden } = data.cube;
    const cells = values.length;
    // The cube's cells decide the pattern (the input rows come in no fixed order).
    const fingerprint = createHash('sha256')
      .update(JSON.stringify({ method: SUPPRESSION_METHOD, shape }))
      .update(new Uint8Array(values.buffer, values.byteOffset, values.byteLength))
      .update(hidden)
      .digest('base64url');
    const stored = await this.repo.storedPattern(trx, tenantId, data.year, minimum);
    if (stored?.fingerprint === fingerprint && stored.cells === cells) {
      const pattern = new Uint8Array(inflateRawSync(stored.pattern));
      if (pattern.length === cells) return pattern;
    }
    const pattern = await this.suppressionPool.suppress(shape, input, minimum);
    try {
      await this.repo.storePattern(trx, { tenantId, year: data.year, minimum, fingerprint, cells, pattern: deflateRawSync(pattern) });
    } catch (error) {
      this.onStoreFailed(error);
    }
    return pattern;
  }

  private isStale(entry: CacheEntry, year: number, stamp: number, today: string, now: number): boolean {
    const age = now - entry.at;
    if (age >= this.config.planningFigureCacheMs) return true;
    // Only the current year's figures depend on the day (its stock ends today; a year to come has none).
    if (entry.day !== today && year >= Number(today.slice(0, 4))) return true;
    return entry.stamp !== stamp && age >= CACHE_FRESH_MS;
  }

  private startLoad(key: string, stamp: number, day: string, data: Promise<LoadedYear>): CacheEntry {
    const created: CacheEntry = { stamp, day, at: this.config.now().getTime(), data, patterns: new Map(), waiting: new Map() };
    data.catch(() => {
      if (this.cache.get(key) === created) this.cache.delete(key);
    });
    if (this.config.planningFigureCacheMs <= 0) return created;
    this.cache.delete(key);
    this.cache.set(key, created);
    while (this.cache.size > CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
    return created;
  }

  private async loadYear(trx: Tx, tenantId: string, year: number, today: string): Promise<LoadedYear> {
    const dims = await this.loadDimensions(trx, tenantId);
    const offers = await this.repo.offersOfYear(trx, tenantId, year);
    const monthlyCharges = await this.repo.monthlyCharges(trx, tenantId, year);
    const { stockMonths, window } = stockWindow(year, today);
    const rows = await this.repo.cubeRows(trx, tenantId, window, regionOfPostalCode(dims));
    const cubeSource = cubeSourceOf(rows, dims, stockMonths, offers);
    const cube = new PlanningCube(cubeSource.shape, cubeSource.input);
    return { year, cube, cubeSource, stockMonths, dims, offers, monthlyCharges };
  }
}

/** Maps the database's rows to cube indices: the cube's shape and input. */
function cubeSourceOf(
  rows: readonly CubeRow[],
  dims: Dimensions,
  stockMonths: number,
  offers: YearFigures['offers'],
): { shape: PlanningCubeShape; input: PlanningCubeInput } {
  const regionIndex = new Map(dims.regions.map((r, i) => [r.id, i]));
  const teamIndex = new Map(dims.teams.map((t, i) => [t.id, i]));
  const R = dims.regions.length + 1;
  const M = dims.teams.length + 1;
  const flows: FlowRow[] = [];
  const waiting: IntervalRow[] = [];
  const running: IntervalRow[] = [];
  const costCases: CostCaseRow[] = [];
  for (const row of rows) {
    const serviceType = SERVICE_TYPES.indexOf(row.serviceType as ServiceType);
    if (serviceType < 0) continue;
    const place = {
      serviceType,
      region: row.regionId === null ? R - 1 : (regionIndex.get(row.regionId) ?? R - 1),
      team: row.teamId === null ? M - 1 : (teamIndex.get(row.teamId) ?? M - 1),
      groups: [row.n, row.u25, row.ue50, row.singleParent, row.refugee, row.severeDisability],
    };
    const measure = CUBE_ROW_MEASURES[row.measure];
    const financingModel = FINANCING_MODELS.indexOf(row.financingModel as (typeof FINANCING_MODELS)[number]);
    if (measure === 'waiting' || measure === 'running') {
      (measure === 'waiting' ? waiting : running).push({ ...place, from: row.monthFrom, to: row.monthTo });
    } else if (measure === 'carried') {
      costCases.push({ serviceType, financingModel, started: 0, carried: row.n });
    } else if (measure !== undefined && (FLOW_MEASURES as readonly string[]).includes(measure)) {
      flows.push({ ...place, measure: measure as FlowRow['measure'], month: row.monthFrom });
      if (measure === 'starts') costCases.push({ serviceType, financingModel, started: row.n, carried: 0 });
    }
  }
  return {
    shape: {
      serviceTypes: SERVICE_TYPES.length,
      regions: R,
      teams: M,
      financingModels: FINANCING_MODELS.length,
      stockMonths,
      utilisation: SERVICE_TYPES.map((st) => (placesOf(offers, st) ?? 0) > 0),
    },
    input: { flows, waiting, running, costCases },
  };
}

/** Postal code → region id; a code listed in two regions belongs to the first (by order, then name). */
export function regionOfPostalCode(dims: Dimensions): Record<string, string> {
  const map: Record<string, string> = {};
  for (const region of dims.regions) for (const code of region.postalCodes) map[code] ??= region.id;
  return map;
}

/** A stable uuid for the change log entries of one plan (year × service type) of a tenant. */
function planEntityId(tenantId: string, year: number, serviceType: string): string {
  const hex = createHash('sha256').update(`planning_targets|${tenantId}|${year}|${serviceType}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
