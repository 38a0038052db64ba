import { randomUUID } from 'node:crypto';
import type { DeliverModul13Request, Modul13Delivery, Modul13DeliveryList, Modul13Report } from '@lotse/contracts';
import { type Database, type Tx, withTenant } from '@lotse/db';
import {
  AppError,
  isReportMonth,
  MODUL8_REASON_CODES,
  modul8ReasonLabel,
  modul13MeasureTypeLabel,
  reportMonthsOfYear,
  todayInGermany,
} from '@lotse/domain';
import type { Kysely } from 'kysely';
import type { AppConfig } from '../../config';
import type { AuthContext } from '../../http/access';
import { AuditRepository } from '../audit/repository';
import { isoTimestamp } from '../cases/mapping';
import { type Created, once } from '../idempotency/idempotency';
import {
  type BatchRunner,
  MODUL13_BATCH_SIZE,
  MODUL13_LOOK_BACK_MONTHS,
  Modul13Export,
  type Modul13Tally,
  REPORT_LIST_LIMIT,
} from './modul13-export';
import { StatisticsRepository } from './repository';

const audit = new AuditRepository();
const repo = new StatisticsRepository();

/** Deliveries listed, newest first: ten years of monthly deliveries and their repetitions. */
const DELIVERY_LIST_LIMIT = 240;

export type Modul13Period = { kind: 'month'; month: string } | { kind: 'year'; year: number };

/** Where the file goes: the HTTP response, a file, or nowhere (the report and the API's delivery only need counts and checksum). */
export type Modul13Sink = (chunks: AsyncIterable<string>) => Promise<void>;

export const discardSink: Modul13Sink = async (chunks) => {
  for await (const _ of chunks) {
    // drained: the checksum and the counts are computed while the file is produced
  }
};

export interface Modul13RunOptions {
  tenantId: string;
  period: Modul13Period;
  today: string;
  sink: Modul13Sink;
  /** The user (null for the command line) logged as reader and as author of a delivery. */
  actor: { id: string; displayName: string } | null;
  /** Log the persons named in the file as read (when the file reaches someone). */
  logReads: boolean;
  batchSize?: number;
  /** Months before a delivered month that are still corrected (default 24, docs/statistics.md). */
  lookBackMonths?: number;
  /** Called once with the estimated number of referrals to read, then after every batch. */
  onEstimate?: (total: number) => void;
  onBatch?: (referralsRead: number) => void;
}

export interface Modul13RunResult {
  tally: Modul13Tally;
  sha256: string;
  deliveredMonths: string[];
}

/** Checks a report month: well-formed and not in the future (German time). */
export function checkReportMonth(month: string, today: string): string {
  if (!isReportMonth(month))
    throw new AppError('REPORT_MONTH_INVALID', {
      detail: { de: `„${month}“ ist kein Monat im Format JJJJ-MM.`, en: `"${month}" is not a month in the format YYYY-MM.` },
    });
  if (month > today.slice(0, 7)) throw new AppError('REPORT_MONTH_IN_FUTURE');
  return month;
}

/** The months of a year file: the months of the year up to the current one. */
export function checkReportYear(year: number, today: string): string[] {
  if (!Number.isInteger(year) || year < 2000)
    throw new AppError('REPORT_MONTH_INVALID', {
      detail: { de: `${year} ist kein gültiges Berichtsjahr.`, en: `${year} is not a valid report year.` },
    });
  if (year > Number(today.slice(0, 4))) throw new AppError('REPORT_MONTH_IN_FUTURE');
  return reportMonthsOfYear(year, today.slice(0, 7));
}

/** The exporter of a run and its plan (a bad month or year fails here, before any output). */
async function prepare(options: Omit<Modul13RunOptions, 'sink'>, runner: BatchRunner, staging: boolean) {
  const { period, tenantId, today } = options;
  const scope =
    period.kind === 'month'
      ? { kind: 'month' as const, month: checkReportMonth(period.month, today) }
      : { kind: 'year' as const, year: period.year, months: checkReportYear(period.year, today) };
  const tenantName = await runner((trx) => repo.tenantName(trx, tenantId));
  const exporter = new Modul13Export(repo, {
    tenantId,
    tenantName,
    scope,
    today,
    runner,
    staging,
    readLog: options.logReads ? { actorId: options.actor?.id ?? null } : null,
    batchSize: options.batchSize,
    lookBackMonths: options.lookBackMonths,
    onBatch: options.onBatch,
  });
  const plan = await exporter.plan();
  if (options.onEstimate) options.onEstimate(await exporter.estimate(plan));
  return { exporter, plan };
}

async function run(options: Modul13RunOptions, runner: BatchRunner, staging: boolean): Promise<Modul13RunResult> {
  const { exporter, plan } = await prepare(options, runner, staging);
  await options.sink(exporter.xml(plan));
  return { tally: exporter.tally, sha256: exporter.sha256, deliveredMonths: [...plan.delivered].sort() };
}

/** Every batch of a dry run in its own transaction (the connection is not held while the client reads), without JIT. */
function dryRunner(db: Kysely<Database>, tenantId: string): BatchRunner {
  return (work) =>
    withTenant(db, tenantId, async (trx) => {
      await repo.withoutJit(trx);
      return work(trx);
    });
}

/** The file of a dry run as chunks, for a response that streams while the batches are read. */
export async function* previewModul13Chunks(db: Kysely<Database>, options: Omit<Modul13RunOptions, 'sink'>): AsyncGenerator<string> {
  const { exporter, plan } = await prepare(options, dryRunner(db, options.tenantId), false);
  yield* exporter.xml(plan);
}

/** A dry run: every batch in its own transaction, nothing recorded. */
export function previewModul13(db: Kysely<Database>, options: Modul13RunOptions): Promise<Modul13RunResult> {
  return run(options, dryRunner(db, options.tenantId), false);
}

/**
 * Produces and records the delivery of a month in the caller's transaction: the file goes to the
 * sink, the log of delivered measures takes its content, and the delivery is written last, once its
 * counts and checksum are known. With `expectedSha256` the delivery must be the file the caller
 * downloaded before (409 otherwise, nothing recorded).
 */
export async function recordModul13(
  trx: Tx,
  options: Modul13RunOptions & { period: { kind: 'month'; month: string }; expectedSha256?: string },
): Promise<Modul13Delivery & { tally: Modul13Tally }> {
  await repo.lockDeliveries(trx, options.tenantId);
  await repo.withoutJit(trx);
  await repo.createStaging(trx);
  const result = await run(options, (work) => work(trx), true);
  if (options.expectedSha256 !== undefined && options.expectedSha256 !== result.sha256) throw new AppError('STATISTICS_DATA_CHANGED');
  const { tally } = result;
  const id = randomUUID();
  const summary = {
    month: options.period.month,
    recordCount: tally.records + tally.stornos,
    correctionCount: tally.corrected,
    rejectedCount: tally.rejected,
    fileSha256: result.sha256,
  };
  const createdAt = await repo.insertDelivery(trx, { tenantId: options.tenantId, id, ...summary, createdBy: options.actor?.id ?? null });
  await repo.applyStaging(trx, options.tenantId, id, options.period.month);
  await audit.appendChange(
    trx,
    { tenantId: options.tenantId, userId: options.actor?.id ?? null },
    'statistics_delivery',
    id,
    'create',
    null,
    {
      kind: 'modul13',
      ...summary,
    },
  );
  return { id, ...summary, createdAt, createdBy: options.actor, tally };
}

/**
 * The § 51b delivery in the shape of XSozial Modul 13 (SPEC C13; docs/statistics.md): validation
 * report and file of a month as a dry run, recording a delivery, the list of deliveries.
 */
export class StatisticsService {
  constructor(
    readonly db: Kysely<Database>,
    readonly config: AppConfig,
    /** Referrals per batch; lowered in tests to see the pagination. */
    readonly batchSize = MODUL13_BATCH_SIZE,
    /** Months before a delivered month that are still corrected. */
    readonly lookBackMonths = MODUL13_LOOK_BACK_MONTHS,
  ) {}

  private today(): string {
    return todayInGermany(this.config.now());
  }

  private options(auth: AuthContext, month: string, sink: Modul13Sink, logReads: boolean): Modul13RunOptions {
    return {
      tenantId: auth.tenantId,
      period: { kind: 'month', month },
      today: this.today(),
      sink,
      actor: { id: auth.userId, displayName: auth.displayName },
      logReads,
      batchSize: this.batchSize,
      lookBackMonths: this.lookBackMonths,
    };
  }

  /** The validation report of a month (dry run): what the delivery would contain and what it cannot. */
  async report(auth: AuthContext, month: string): Promise<Modul13Report> {
    const today = this.today();
    checkReportMonth(month, today);
    const result = await previewModul13(this.db, this.options(auth, month, discardSink, false));
    const lastDelivery = await withTenant(this.db, auth.tenantId, (trx) => repo.lastDelivery(trx, auth.tenantId, month));
    const { tally } = result;
    return {
      month,
      generatedOn: today,
      lastDelivery,
      deliveredMonths: result.deliveredMonths,
      counts: {
        records: tally.records + tally.stornos,
        regular: tally.regular,
        corrections: tally.corrected,
        lateFacts: tally.lateFacts,
        changed: tally.changed,
        stornos: tally.stornos,
        rejected: tally.rejected,
        withWarnings: tally.withWarnings,
      },
      byMeasureType: [...tally.byMeasureType]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([measureType, counts]) => ({ measureType, label: modul13MeasureTypeLabel(measureType), ...counts })),
      corrections: tally.corrections,
      rejected: tally.rejectedList,
      warnings: tally.warnings,
      modul8: {
        counts: {
          ...tally.modul8,
          // Like `counts.records`: the records in the file, Stornos included.
          records: tally.modul8.records + tally.modul8.stornos,
          corrections: tally.modul8.lateFacts + tally.modul8.changed + tally.modul8.stornos,
        },
        byReason: Object.values(MODUL8_REASON_CODES).flatMap((reason) => {
          const counts = tally.byReason.get(reason);
          return counts ? [{ reason, label: modul8ReasonLabel(reason), ...counts }] : [];
        }),
        corrections: tally.modul8Corrections,
        rejected: tally.modul8Rejected,
      },
      listLimit: REPORT_LIST_LIMIT,
      truncated: tally.truncated,
    };
  }

  /**
   * The file of a month (dry run) as a stream of chunks. The month is checked before the first
   * byte, so a bad month is a problem response, not a broken download.
   */
  xml(auth: AuthContext, month: string): { filename: string; chunks: AsyncIterable<string> } {
    checkReportMonth(month, this.today());
    const { sink: _, ...options } = this.options(auth, month, discardSink, true);
    return { filename: `Modul13_${month}.xml`, chunks: previewModul13Chunks(this.db, options) };
  }

  deliver(
    auth: AuthContext,
    month: string,
    body: DeliverModul13Request,
    idempotencyKey: string | undefined,
  ): Promise<Created<Modul13Delivery>> {
    checkReportMonth(month, this.today());
    return withTenant(this.db, auth.tenantId, (trx) =>
      once(
        trx,
        {
          tenantId: auth.tenantId,
          userId: auth.userId,
          key: idempotencyKey,
          route: `POST /api/statistics/modul13/${month}/deliveries`,
          body,
        },
        async () => {
          const { tally: _, ...delivery } = await recordModul13(trx, {
            ...this.options(auth, month, discardSink, false),
            period: { kind: 'month', month },
            expectedSha256: body.expectedSha256,
          });
          return delivery;
        },
      ),
    );
  }

  deliveries(auth: AuthContext): Promise<Modul13DeliveryList> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const rows = await repo.listDeliveries(trx, auth.tenantId, DELIVERY_LIST_LIMIT);
      return {
        items: rows.map((row) => ({
          id: row.id,
          month: row.month.slice(0, 7),
          recordCount: row.recordCount,
          correctionCount: row.correctionCount,
          rejectedCount: row.rejectedCount,
          fileSha256: row.fileSha256,
          createdAt: isoTimestamp(row.createdAt),
          createdBy: row.createdBy ? { id: row.createdBy, displayName: row.displayName ?? '' } : null,
        })),
      };
    });
  }
}
