import type { ProviderReport, ReportCount, ReportFigure, ReportOfferList } from '@lotse/contracts';
import { type Database, type Tx, withTenant } from '@lotse/db';
import {
  AGE_BAND_LABELS_DE,
  AGE_BANDS,
  AppError,
  ageBandOf,
  ageOn,
  averageCostPerCase,
  daysBetween,
  FINANCING_MODEL_LABELS_DE,
  type FinancingModel,
  FUNDS_FIGURE_KEYS,
  isPerCaseFinancing,
  NO_REGION_KEY,
  NO_REGION_LABEL_DE,
  PLANNING_TARGET_GROUPS,
  percentileNearestRank,
  protectPeople,
  REPORT_DIMENSION_LABELS_DE,
  REPORT_FIGURES,
  RESULT_FIGURE_KEYS,
  type ReportDimension,
  type ReportFigureKey,
  referenceDateOf,
  reportMean,
  roundTo1,
  SERVICE_TYPE_LABELS_DE,
  SEX_LABELS_DE,
  SEXES,
  type ServiceType,
  sgb2Share,
  TARGET_GROUP_LABELS_DE,
  TREND_FIGURE_KEYS,
  targetGroups,
  todayInGermany,
  trendOf,
} from '@lotse/domain';
import type { Kysely } from 'kysely';
import type { AppConfig } from '../../config';
import type { AuthContext } from '../../http/access';
import { DEFAULT_STEERING_RULES } from '../quality/service';
import { renderProviderReportPdf } from './report-pdf';
import { providerReportXlsx } from './report-xlsx';
import { type CounselledPersonRow, type ReferralFactsRow, ReportRepository } from './repository';

const repo = new ReportRepository();

type Figures = Partial<Record<ReportFigureKey, number | null>>;
type Offer = NonNullable<Awaited<ReturnType<ReportRepository['offer']>>>;

/** Whose report is asked for: the Jobcenter's readers see every offer, provider staff only their provider's. */
export type ReportScope = { kind: 'jobcenter' } | { kind: 'provider' };

/** The results statistics of one year from the referrals' dates. */
function resultFiguresOf(facts: readonly ReferralFactsRow[], year: number): Figures {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const inYear = (day: string | null) => day !== null && day >= from && day <= to;
  const count = (test: (f: ReferralFactsRow) => boolean) => facts.filter(test).length;
  const ended = facts.filter((f) => (f.status === 'completed' || f.status === 'dropped_out') && inYear(f.ended));
  const completed = ended.filter((f) => f.status === 'completed');
  const durations = ended.filter((f) => f.started !== null).map((f) => daysBetween(f.started as string, f.ended as string));
  const waits = facts
    .filter((f) => f.sent !== null && inYear(f.started))
    .map((f) => daysBetween(f.sent as string, f.started as string))
    .sort((a, b) => a - b);
  return {
    received: count((f) => inYear(f.sent)),
    accepted: count((f) => inYear(f.accepted)),
    declined: count((f) => inYear(f.declined)),
    started: count((f) => inYear(f.started)),
    completed: completed.length,
    completed_goal_reached: completed.filter((f) => f.result === 'goal_reached').length,
    completed_partly_reached: completed.filter((f) => f.result === 'partly_reached').length,
    completed_not_reached: completed.filter((f) => f.result === 'not_reached').length,
    completed_no_result: completed.filter((f) => f.result === null).length,
    dropped_out: ended.length - completed.length,
    not_started: count((f) => inYear(f.notstarted)),
    completion_rate: ended.length > 0 ? roundTo1((completed.length / ended.length) * 100) : null,
    average_duration_days: roundTo1(reportMean(durations)),
    waiting_median_days: percentileNearestRank(waits, 50),
    waiting_p90_days: percentileNearestRank(waits, 90),
    cases_served: count((f) => f.started !== null && f.started <= to && (f.ended === null || f.ended >= from)),
  };
}

interface YearPlan {
  plannedCases: number | null;
  plannedCostCents: number;
  actualCostCents: number | null;
  sgb2SharePercent: string;
}

/** The proof of use of funds of one year: the offer's yearly plan, its charges and the cases served. */
function fundsFiguresOf(plan: YearPlan | undefined, chargedCents: number | undefined, served: number, model: FinancingModel): Figures {
  const planned = plan?.plannedCases ?? null;
  const plannedCost = plan ? plan.plannedCostCents : null;
  // Recorded actual cost first; for offers paid per case the charges add up to it.
  const actual = plan?.actualCostCents ?? (isPerCaseFinancing(model) && chargedCents !== undefined ? chargedCents : null);
  const sharePercent = plan ? Number(plan.sgb2SharePercent) : null;
  return {
    planned_cases: planned,
    cases_served: served,
    utilisation: planned ? roundTo1((served / planned) * 100) : null,
    planned_cost: plannedCost,
    charged_cost: chargedCents ?? 0,
    actual_cost: actual,
    cost_deviation: actual !== null && plannedCost !== null ? actual - plannedCost : null,
    cost_per_case: actual !== null ? averageCostPerCase(actual, served) : null,
    sgb2_share_percent: sharePercent,
    sgb2_share_cost: actual !== null && sharePercent !== null ? sgb2Share(actual, sharePercent) : null,
  };
}

function figure(key: ReportFigureKey, current: Figures, prior: Figures): ReportFigure {
  const { unit, label } = REPORT_FIGURES[key];
  const a = current[key] ?? null;
  const b = prior[key] ?? null;
  const { change, changePercent } = trendOf(a, b);
  return {
    key,
    label,
    unit,
    current: a,
    prior: b,
    change: change === null ? null : unit === 'days' || unit === 'percent' ? roundTo1(change) : change,
    changePercent: roundTo1(changePercent),
  };
}

type Regions = Awaited<ReturnType<ReportRepository['regions']>>;

/** The people counselled in one year, counted per dimension in a fixed row order (before protection). */
function peopleCounts(persons: readonly CounselledPersonRow[], regions: Regions, onDay: string) {
  const regionOf = new Map<string, string>();
  for (const region of regions) for (const code of region.postalCodes) if (!regionOf.has(code)) regionOf.set(code, region.id);
  const rows: Record<ReportDimension, Array<{ key: string; label: string; n: number }>> = {
    age: AGE_BANDS.map((band) => ({ key: band, label: AGE_BAND_LABELS_DE[band], n: 0 })),
    sex: SEXES.map((sex) => ({ key: sex, label: SEX_LABELS_DE[sex], n: 0 })),
    target_group: PLANNING_TARGET_GROUPS.map((group) => ({ key: group, label: TARGET_GROUP_LABELS_DE[group], n: 0 })),
    region: [...regions.map((r) => ({ key: r.id, label: r.name, n: 0 })), { key: NO_REGION_KEY, label: NO_REGION_LABEL_DE, n: 0 }],
  };
  const bump = (dimension: ReportDimension, key: string) => {
    const row = rows[dimension].find((r) => r.key === key);
    if (row) row.n++;
  };
  for (const p of persons) {
    bump('age', ageBandOf(ageOn(p.birth, onDay)));
    bump('sex', p.sex);
    const groups = targetGroups(
      { birthDate: p.birth, singleParent: p.singleparent, refugee: p.refugee, severeDisability: p.disability },
      onDay,
    );
    for (const group of groups) bump('target_group', group);
    bump('region', (p.postal && regionOf.get(p.postal)) || NO_REGION_KEY);
  }
  return rows;
}

/** Age groups, sex and regions split the people (one row each); target groups overlap. */
const PARTITIONS: Record<ReportDimension, boolean> = { age: true, sex: true, target_group: false, region: true };
const DIMENSIONS: readonly ReportDimension[] = ['age', 'sex', 'target_group', 'region'];

/** The people counselled in the year and the prior year, each year's breakdowns protected together. */
function peopleSection(
  current: readonly CounselledPersonRow[],
  prior: readonly CounselledPersonRow[],
  regions: Regions,
  days: { current: string; prior: string },
  minimum: number,
): ProviderReport['people'] {
  const protect = (persons: readonly CounselledPersonRow[], day: string) => {
    const counts = peopleCounts(persons, regions, day);
    const shown = protectPeople(
      persons.length,
      DIMENSIONS.map((d) => ({ counts: counts[d].map((r) => r.n), partition: PARTITIONS[d] })),
      minimum,
    );
    return { counts, shown };
  };
  const a = protect(current, days.current);
  const b = protect(prior, days.prior);
  return {
    total: { current: a.shown.total, prior: b.shown.total },
    dimensions: DIMENSIONS.map((dimension, d) => ({
      key: dimension,
      label: REPORT_DIMENSION_LABELS_DE[dimension],
      rows: a.counts[dimension].map((row, index) => ({
        key: row.key,
        label: row.label,
        current: a.shown.breakdowns[d]?.[index] as ReportCount,
        prior: b.shown.breakdowns[d]?.[index] as ReportCount,
      })),
    })),
  };
}

const byName = (a: string, b: string) => a.localeCompare(b, 'de');

/**
 * The provider report per offer and year (seed 000 §9) for the Jobcenter's quality readers and
 * planners and, for their own offers, provider staff: aggregates only, small counts of people shown
 * as "< minimum" for everyone because the report leaves the Jobcenter (docs/reports.md).
 */
export class ReportService {
  constructor(
    readonly db: Kysely<Database>,
    readonly config: AppConfig,
  ) {}

  private today(): string {
    return todayInGermany(this.config.now());
  }

  /** The provider whose offers the caller may see; undefined for the Jobcenter, which sees all. */
  private providerOf(auth: AuthContext, scope: ReportScope): string | null | undefined {
    return scope.kind === 'provider' ? auth.providerId : undefined;
  }

  offers(auth: AuthContext, scope: ReportScope): Promise<ReportOfferList> {
    const providerId = this.providerOf(auth, scope);
    if (providerId === null) return Promise.resolve({ items: [] });
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const rows = await repo.offersWithYears(trx, auth.tenantId, providerId ?? null);
      const items = rows.map((row) => ({
        offer: {
          id: row.id,
          name: row.name,
          serviceType: row.servicetype as ServiceType,
          serviceTypeLabel: SERVICE_TYPE_LABELS_DE[row.servicetype as ServiceType] ?? row.servicetype,
          active: row.active,
        },
        provider: { id: row.providerid, name: row.providername },
        years: row.years ? row.years.split(',').map(Number) : [],
      }));
      items.sort((a, b) => byName(a.provider.name, b.provider.name) || byName(a.offer.name, b.offer.name));
      return { items };
    });
  }

  report(auth: AuthContext, scope: ReportScope, offerId: string, year: number): Promise<ProviderReport> {
    const providerId = this.providerOf(auth, scope);
    if (providerId === null) return Promise.reject(new AppError('NOT_FOUND'));
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const offer = await repo.offer(trx, auth.tenantId, offerId, providerId);
      if (!offer) throw new AppError('NOT_FOUND');
      return this.build(trx, auth.tenantId, offer, year);
    });
  }

  async pdf(auth: AuthContext, scope: ReportScope, offerId: string, year: number): Promise<{ file: Buffer; name: string }> {
    const report = await this.report(auth, scope, offerId, year);
    return { file: await renderProviderReportPdf(report), name: fileName(report, 'pdf') };
  }

  async xlsx(auth: AuthContext, scope: ReportScope, offerId: string, year: number): Promise<{ file: Buffer; name: string }> {
    const report = await this.report(auth, scope, offerId, year);
    return { file: await providerReportXlsx(report), name: fileName(report, 'xlsx') };
  }

  private async build(trx: Tx, tenantId: string, offer: Offer, year: number): Promise<ProviderReport> {
    const today = this.today();
    const prior = year - 1;
    const from = `${prior}-01-01`;
    const to = `${year}-12-31`;
    const minimum = (await repo.caseRules(trx, tenantId))?.suppressionMinimum ?? DEFAULT_STEERING_RULES.suppressionMinimum;
    const facts = await repo.referralFacts(trx, tenantId, offer.id, from, to);
    const plans = await repo.yearPlans(trx, tenantId, offer.id, [year, prior]);
    const charges = await repo.chargesPerYear(trx, tenantId, offer.id, from, to);
    const regions = await repo.regions(trx, tenantId);
    const personsOf = (y: number) => repo.counselledPersons(trx, tenantId, offer.id, `${y}-01-01`, `${y}-12-31`);
    const [currentPersons, priorPersons] = [await personsOf(year), await personsOf(prior)];
    const model = offer.financingModel as FinancingModel;

    const figuresOf = (y: number, persons: number): Figures => {
      const results = resultFiguresOf(facts, y);
      const funds = fundsFiguresOf(
        plans.find((p) => p.year === y),
        charges.find((c) => c.year === y)?.cents,
        results.cases_served ?? 0,
        model,
      );
      return { ...results, ...funds, persons_counselled: persons };
    };
    const people = peopleSection(
      currentPersons,
      priorPersons,
      regions,
      { current: referenceDateOf(year, today), prior: referenceDateOf(prior, today) },
      minimum,
    );
    // The trend of the people counselled shows what the report shows: nothing below the minimum.
    const current = figuresOf(year, people.total.current.value ?? Number.NaN);
    const previous = figuresOf(prior, people.total.prior.value ?? Number.NaN);
    for (const f of [current, previous]) if (Number.isNaN(f.persons_counselled)) f.persons_counselled = null;

    const definitions: Record<string, string> = {};
    for (const key of [...RESULT_FIGURE_KEYS, ...FUNDS_FIGURE_KEYS, ...TREND_FIGURE_KEYS])
      definitions[key] = REPORT_FIGURES[key].definition;
    definitions.people =
      `Personen mit einer im Jahr laufenden Zuweisung an das Angebot, je Person einmal; Alter und Zielgruppe am Stichtag, Wohnort nach ` +
      `der Postleitzahl. Zahlen von 1 bis ${minimum - 1} werden als „< ${minimum}“ ausgewiesen, ebenso weitere, soweit sich eine solche ` +
      `Zahl sonst aus der Gesamtzahl errechnen ließe; liegt die Gesamtzahl unter ${minimum}, wird keine Aufschlüsselung gezeigt.`;

    return {
      jobcenter: { name: offer.tenantName },
      offer: {
        id: offer.id,
        name: offer.name,
        serviceType: offer.serviceType as ServiceType,
        serviceTypeLabel: SERVICE_TYPE_LABELS_DE[offer.serviceType as ServiceType] ?? offer.serviceType,
        financingModel: model,
        financingModelLabel: FINANCING_MODEL_LABELS_DE[model] ?? model,
      },
      provider: { id: offer.providerId, name: offer.providerName },
      year,
      priorYear: prior,
      referenceDate: referenceDateOf(year, today),
      createdOn: today,
      suppression: { minimum },
      results: RESULT_FIGURE_KEYS.map((key) => figure(key, current, previous)),
      funds: FUNDS_FIGURE_KEYS.map((key) => figure(key, current, previous)),
      people,
      trends: TREND_FIGURE_KEYS.map((key) => figure(key, current, previous)),
      definitions,
    };
  }
}

/** "Traegerbericht-2025-Schuldnerberatung-Nord.pdf": ASCII, so every browser saves it under that name. */
function fileName(report: ProviderReport, extension: 'pdf' | 'xlsx'): string {
  const slug = report.offer.name
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/Ä/g, 'Ae')
    .replace(/Ö/g, 'Oe')
    .replace(/Ü/g, 'Ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `Traegerbericht-${report.year}${slug ? `-${slug}` : ''}.${extension}`;
}
