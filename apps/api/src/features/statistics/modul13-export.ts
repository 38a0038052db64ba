import { createHash } from 'node:crypto';
import type { Tx } from '@lotse/db';
import {
  addMonths,
  euroDecimal,
  eventsOf,
  firstDayOf,
  lastDayOf,
  MODUL8_REASON_CODES,
  MODUL13_NAMESPACE,
  MODUL13_SCHEMA_VERSION,
  type Modul8Record,
  type Modul8SanctionFacts,
  type Modul13Issue,
  type Modul13Measure,
  type Modul13Record,
  type Modul13ReferralFacts,
  measureRunsIn,
  measuresOf,
  modul8Content,
  modul8Record,
  modul8ReportMonthOf,
  modul13AverageCost,
  modul13Content,
  modul13Record,
} from '@lotse/domain';
import { AuditRepository } from '../audit/repository';
import type { DeliveredKind, Modul13Scope, StatisticsRepository } from './repository';
import { XmlWriter } from './xml-writer';

/** Referrals read per batch: small enough for bounded memory, large enough for few round trips. */
export const MODUL13_BATCH_SIZE = 2000;
/** Entries per list of the validation report; the counts are always complete. */
export const REPORT_LIST_LIMIT = 500;
/**
 * How many months before the delivered month are still corrected (docs/statistics.md, „Look-back“):
 * late facts, changes and withdrawals of older delivered months are no longer reported. Bounds the
 * work of every run to this window instead of everything since the first delivery.
 */
export const MODUL13_LOOK_BACK_MONTHS = 24;

/** Runs one batch's database work: its own transaction for a dry run, the delivery's when recording. */
export type BatchRunner = <T>(work: (trx: Tx) => Promise<T>) => Promise<T>;

export interface Modul13ExportOptions {
  tenantId: string;
  tenantName: string;
  /** One month with the corrections of earlier delivered months, or the months of a year without. */
  scope: { kind: 'month'; month: string } | { kind: 'year'; year: number; months: string[] };
  today: string;
  runner: BatchRunner;
  /** Stage every written record in the delivery's transaction (see StatisticsRepository.createStaging). */
  staging: boolean;
  /** Log the persons named in the file (purpose `statistics`); null when the content leaves nobody's hands. */
  readLog: { actorId: string | null } | null;
  batchSize?: number;
  /** Months before the delivered month still corrected (default {@link MODUL13_LOOK_BACK_MONTHS}). */
  lookBackMonths?: number;
  onBatch?: (referralsRead: number) => void;
}

export type CorrectionKind = 'late' | 'changed' | 'storno';

/** What one export reads and writes. */
export interface Modul13Plan {
  /** Months whose own records are written (one month, or the months of a year). */
  months: Set<string>;
  /** The month delivered (month export): the corrections compare against the log before it. */
  deliveredMonth: string | null;
  /** Earlier delivered months within the look-back whose late facts, changes and withdrawals are written as corrections. */
  delivered: Set<string>;
  /** The referrals to read: one pass over every date the months and corrections need. */
  scope: Modul13Scope;
}

type Staged = { kind: DeliveredKind; key: string; month: string; hash: string | null; storno: boolean };

type Written =
  | { kind: 'record'; record: Modul13Record; correction: CorrectionKind | null; personId: string }
  | { kind: 'sanction'; record: Modul8Record; correction: CorrectionKind | null; personId: string }
  | { kind: 'storno'; key: string; reportMonth: string; sanction: boolean };

const audit = new AuditRepository();
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Counts and capped lists of one export: the validation report and the delivery summary. */
export class Modul13Tally {
  records = 0;
  regular = 0;
  lateFacts = 0;
  changed = 0;
  stornos = 0;
  rejected = 0;
  withWarnings = 0;
  truncated = false;
  readonly corrections: { key: string; referralId: string; reportMonth: string; kind: CorrectionKind }[] = [];
  readonly rejectedList: {
    key: string;
    referralId: string;
    reportMonth: string;
    correction: boolean;
    serviceType: string;
    reasons: Modul13Issue[];
  }[] = [];
  readonly warnings: { key: string; referralId: string; reportMonth: string; warnings: Modul13Issue[] }[] = [];
  /** Records written per measure type, with their begins (Zugang) and ends (Abgang). */
  readonly byMeasureType = new Map<string, { records: number; begins: number; ends: number }>();
  /**
   * The Leistungsminderungen (Modul 8) among the counts above (which count the whole file), with
   * their own lists: their keys are sanctions, not referrals.
   */
  readonly modul8 = { records: 0, regular: 0, lateFacts: 0, changed: 0, stornos: 0, rejected: 0 };
  readonly modul8Corrections: { sanctionId: string; reportMonth: string; kind: CorrectionKind }[] = [];
  readonly modul8Rejected: { sanctionId: string; reportMonth: string; correction: boolean; reason: string; reasons: Modul13Issue[] }[] = [];
  /** Leistungsminderungen written per reason (Grund/Art): records, full stops, sum of the monthly amounts. */
  readonly byReason = new Map<string, { records: number; fullStops: number; amountCents: number }>();

  get corrected(): number {
    return this.lateFacts + this.changed + this.stornos;
  }

  countRecord(record: Modul13Record) {
    const counts = this.byMeasureType.get(record.measureType) ?? { records: 0, begins: 0, ends: 0 };
    counts.records++;
    if (record.event !== 'Abgang') counts.begins++;
    if (record.event !== 'Zugang') counts.ends++;
    this.byMeasureType.set(record.measureType, counts);
  }

  countSanction(record: Modul8Record) {
    const counts = this.byReason.get(record.reason) ?? { records: 0, fullStops: 0, amountCents: 0 };
    counts.records++;
    if (record.fullStop) counts.fullStops++;
    counts.amountCents += record.amountCents;
    this.byReason.set(record.reason, counts);
  }

  push<T>(list: T[], entry: T) {
    if (list.length < REPORT_LIST_LIMIT) list.push(entry);
    else this.truncated = true;
  }
}

/**
 * The § 51b export (XSozial Modul 13, with the Leistungsminderungen of Modul 8 in the same file) of
 * one month or year, streamed: referrals, then sanctions, are read in
 * keyset-paginated batches, each batch becomes a chunk of XML, and nothing of the month is kept but
 * counts, capped report lists and the running checksum. `xml()` yields the file; `tally` and
 * `sha256` hold the summary once it is exhausted.
 */
export class Modul13Export {
  readonly tally = new Modul13Tally();
  private readonly hash = createHash('sha256');
  private digest: string | null = null;
  /** Average cost per case of a flat-funded offer, per offer and year (few offers, computed once). */
  private readonly averages = new Map<string, number | null>();
  private readonly batchSize: number;

  constructor(
    private readonly repo: StatisticsRepository,
    private readonly options: Modul13ExportOptions,
  ) {
    this.batchSize = options.batchSize ?? MODUL13_BATCH_SIZE;
  }

  /** Hex SHA-256 of the bytes yielded, after the last chunk. */
  get sha256(): string {
    if (this.digest === null) throw new Error('the export has not finished');
    return this.digest;
  }

  /** What to read and write: a month with the delivered months before it, or the months of a year. */
  async plan(): Promise<Modul13Plan> {
    const { scope, tenantId } = this.options;
    if (scope.kind === 'year') {
      const first = scope.months[0] ?? `${scope.year}-01`;
      const last = scope.months.at(-1) ?? first;
      return { months: new Set(scope.months), deliveredMonth: null, delivered: new Set(), scope: window(first, last, null) };
    }
    const lookBack = this.options.lookBackMonths ?? MODUL13_LOOK_BACK_MONTHS;
    const earliest = addMonths(scope.month, -lookBack);
    const delivered = (await this.options.runner((trx) => this.repo.deliveredMonthsBefore(trx, tenantId, scope.month))).filter(
      (month) => month >= earliest,
    );
    const first = delivered[0];
    return {
      months: new Set([scope.month]),
      deliveredMonth: scope.month,
      delivered: new Set(delivered),
      scope: first ? window(first, scope.month, scope.month) : window(scope.month, scope.month, null),
    };
  }

  /** Referrals the export will read, for a progress bar (a count, no rows). */
  estimate(plan: Modul13Plan): Promise<number> {
    return this.options.runner((trx) => this.repo.countReferrals(trx, this.options.tenantId, plan.scope));
  }

  async *xml(plan: Modul13Plan): AsyncGenerator<string> {
    const { scope, tenantId, tenantName, today } = this.options;
    const writer = new XmlWriter()
      .declaration()
      .start('Modul13Lieferung', { xmlns: MODUL13_NAMESPACE, Version: MODUL13_SCHEMA_VERSION })
      .start('Kopf')
      .leaf('Traeger', tenantId)
      .leaf('TraegerName', tenantName)
      .leaf('Berichtszeitraum', scope.kind === 'month' ? scope.month : String(scope.year))
      .leaf('Art', scope.kind === 'month' ? 'Monat' : 'Jahr')
      .leaf('ErstelltAm', today)
      .end()
      .start('Saetze');
    yield this.emit(writer.take());
    for await (const written of this.batches(plan)) {
      for (const item of written) writeItem(writer, item);
      const chunk = writer.take();
      if (chunk) yield this.emit(chunk);
    }
    // The Leistungsminderungen (Modul 8) after the measures, in the same file and the same way.
    for await (const written of this.sanctionBatches(plan)) {
      for (const item of written) writeItem(writer, item);
      const chunk = writer.take();
      if (chunk) yield this.emit(chunk);
    }
    writer
      .end()
      .start('Nachsatz')
      .leaf('AnzahlSaetze', this.tally.records + this.tally.stornos)
      .leaf('AnzahlKorrekturen', this.tally.corrected)
      .leaf('AnzahlStornos', this.tally.stornos)
      .leaf('AnzahlLeistungsminderungen', this.tally.modul8.records)
      .end()
      .end();
    if (!writer.closed) throw new Error('unbalanced XML');
    yield this.emit(writer.take());
    this.digest = this.hash.digest('hex');
  }

  private emit(chunk: string): string {
    this.hash.update(chunk, 'utf8');
    return chunk;
  }

  /** Batch by batch: what each batch writes, in referral order. */
  private async *batches(plan: Modul13Plan): AsyncGenerator<Written[]> {
    let after: string | null = null;
    for (;;) {
      const cursor: string | null = after;
      const result = await this.options.runner(async (trx) => {
        const facts = await this.repo.referralBatch(trx, this.options.tenantId, plan.scope, cursor, this.batchSize);
        return { facts, written: facts.length === 0 ? [] : await this.processBatch(trx, plan, facts) };
      });
      this.options.onBatch?.(result.facts.length);
      if (result.written.length > 0) yield result.written;
      if (result.facts.length < this.batchSize) return;
      after = result.facts.at(-1)?.referralId ?? null;
    }
  }

  private async processBatch(trx: Tx, plan: Modul13Plan, batch: Modul13ReferralFacts[]): Promise<Written[]> {
    const { today, tenantId } = this.options;
    const measures = batch.map((facts) => ({ facts, measures: measuresOf(facts) }));
    const first = [...plan.delivered].sort()[0];
    const stored =
      plan.deliveredMonth !== null && first !== undefined
        ? await this.repo.deliveredHashes(
            trx,
            tenantId,
            'modul13',
            batch.map((facts) => facts.referralId),
            first,
            plan.deliveredMonth,
          )
        : new Map<string, Map<string, string>>();
    const keysOf = new Map<string, string[]>();
    for (const key of stored.keys()) {
      const referralId = key.split(':')[0] ?? key;
      const keys = keysOf.get(referralId);
      if (keys) keys.push(key);
      else keysOf.set(referralId, [key]);
    }
    const written: Written[] = [];
    const staged: Staged[] = [];
    for (const { facts, measures: list } of measures) {
      const current = new Map<string, ReturnType<typeof eventsOf>>();
      for (const measure of list) {
        const events = eventsOf(measure, today);
        current.set(measure.key, events);
        const delivered = stored.get(measure.key);
        for (const month of [...events.keys()].sort()) {
          const item = await this.recordFor(trx, plan, facts, measure, month, delivered?.get(month));
          if (item) {
            written.push(item.written);
            staged.push(item.staged);
          }
        }
      }
      // Delivered for a month in which the measure has no event any more (its start moved or was
      // removed), or the measure is gone (a removed childcare arrangement): withdrawn.
      for (const key of (keysOf.get(facts.referralId) ?? []).sort()) {
        const events = current.get(key);
        for (const month of [...(stored.get(key)?.keys() ?? [])].sort()) {
          if (events?.has(month) || !plan.delivered.has(month)) continue;
          this.tally.stornos++;
          this.tally.push(this.tally.corrections, { key, referralId: facts.referralId, reportMonth: month, kind: 'storno' });
          written.push({ kind: 'storno', key, reportMonth: month, sanction: false });
          staged.push({ kind: 'modul13', key, month, hash: null, storno: true });
        }
      }
    }
    await this.finishBatch(trx, written, staged);
    return written;
  }

  /** Stages what a batch wrote (when recording) and logs the persons it names as read. */
  private async finishBatch(trx: Tx, written: Written[], staged: Staged[]) {
    if (this.options.staging) await this.repo.stage(trx, staged);
    if (this.options.readLog) {
      const persons = [...new Set(written.flatMap((w) => (w.kind === 'storno' ? [] : [w.personId])))];
      await audit.appendReads(trx, { tenantId: this.options.tenantId, userId: this.options.readLog.actorId }, persons, 'statistics');
    }
  }

  /** Sanctions batch by batch (Modul 8), like the referrals. */
  private async *sanctionBatches(plan: Modul13Plan): AsyncGenerator<Written[]> {
    const { scope } = plan;
    if (scope.kind !== 'window') return;
    let after: string | null = null;
    for (;;) {
      const cursor: string | null = after;
      const result = await this.options.runner(async (trx) => {
        const facts = await this.repo.sanctionBatch(trx, this.options.tenantId, scope, cursor, this.batchSize);
        return { facts, written: facts.length === 0 ? [] : await this.processSanctions(trx, plan, facts) };
      });
      if (result.written.length > 0) yield result.written;
      if (result.facts.length < this.batchSize) return;
      after = result.facts.at(-1)?.sanctionId ?? null;
    }
  }

  /**
   * The Leistungsminderungen of a batch of sanctions: the record of a decided reduction in the month
   * it starts (when that is the export's month, or a delivered month whose delivered content differs),
   * and a Storno for every delivered month in which the sanction has no record any more (withdrawn,
   * decided otherwise, or its start moved).
   */
  private async processSanctions(trx: Tx, plan: Modul13Plan, batch: Modul8SanctionFacts[]): Promise<Written[]> {
    const first = [...plan.delivered].sort()[0];
    const stored =
      plan.deliveredMonth !== null && first !== undefined
        ? await this.repo.deliveredHashes(
            trx,
            this.options.tenantId,
            'modul8',
            batch.map((facts) => facts.sanctionId),
            first,
            plan.deliveredMonth,
          )
        : new Map<string, Map<string, string>>();
    const written: Written[] = [];
    const staged: Staged[] = [];
    for (const facts of batch) {
      const key = facts.sanctionId;
      const month = modul8ReportMonthOf(facts);
      const delivered = stored.get(key);
      if (month) {
        const item = this.sanctionRecordFor(plan, facts, month, delivered?.get(month));
        if (item) {
          written.push(item.written);
          staged.push(item.staged);
        }
      }
      for (const deliveredMonth of [...(delivered?.keys() ?? [])].sort()) {
        if (deliveredMonth === month || !plan.delivered.has(deliveredMonth)) continue;
        this.tally.stornos++;
        this.tally.modul8.stornos++;
        this.tally.push(this.tally.modul8Corrections, { sanctionId: key, reportMonth: deliveredMonth, kind: 'storno' });
        written.push({ kind: 'storno', key, reportMonth: deliveredMonth, sanction: true });
        staged.push({ kind: 'modul8', key, month: deliveredMonth, hash: null, storno: true });
      }
    }
    await this.finishBatch(trx, written, staged);
    return written;
  }

  /** A sanction's record in its month, counted in the tally (see {@link recordFor}); null when not written. */
  private sanctionRecordFor(
    plan: Modul13Plan,
    facts: Modul8SanctionFacts,
    month: string,
    deliveredHash: string | undefined,
  ): { written: Written; staged: Staged } | null {
    const correction = !plan.months.has(month);
    if (correction && !plan.delivered.has(month)) return null;
    const outcome = modul8Record(facts, { today: this.options.today });
    if (!outcome.record) {
      this.tally.rejected++;
      this.tally.modul8.rejected++;
      this.tally.push(this.tally.modul8Rejected, {
        sanctionId: facts.sanctionId,
        reportMonth: month,
        correction,
        reason: MODUL8_REASON_CODES[facts.kind],
        reasons: outcome.errors,
      });
      return null;
    }
    const hash = sha256(modul8Content(outcome.record));
    let kind: CorrectionKind | null = null;
    if (correction) {
      if (deliveredHash === hash) return null;
      kind = deliveredHash === undefined ? 'late' : 'changed';
      if (kind === 'late') {
        this.tally.lateFacts++;
        this.tally.modul8.lateFacts++;
      } else {
        this.tally.changed++;
        this.tally.modul8.changed++;
      }
      this.tally.push(this.tally.modul8Corrections, { sanctionId: facts.sanctionId, reportMonth: month, kind });
    } else {
      this.tally.regular++;
      this.tally.modul8.regular++;
    }
    this.tally.records++;
    this.tally.modul8.records++;
    this.tally.countSanction(outcome.record);
    return {
      written: { kind: 'sanction', record: outcome.record, correction: kind, personId: facts.person.id },
      staged: { kind: 'modul8', key: facts.sanctionId, month, hash, storno: false },
    };
  }

  /**
   * The record of a measure for one event month, counted in the tally: written when it is the
   * export's own month, or a correction of a delivered month whose delivered content differs
   * (`deliveredHash`); nothing when it cannot be reported, is unchanged, or its month is not in play.
   */
  private async recordFor(
    trx: Tx,
    plan: Modul13Plan,
    facts: Modul13ReferralFacts,
    measure: Modul13Measure,
    month: string,
    deliveredHash: string | undefined,
  ): Promise<{ written: Written; staged: Staged } | null> {
    const correction = !plan.months.has(month);
    if (correction && !plan.delivered.has(month)) return null;
    const averageCostCents =
      facts.financingModel === 'institutional' ? await this.averageCost(trx, facts.offerId, Number(month.slice(0, 4)) - 1) : null;
    const outcome = modul13Record(facts, measure, month, { today: this.options.today, averageCostCents });
    const ref = { key: measure.key, referralId: measure.referralId, reportMonth: month };
    if (outcome.warnings.length > 0) {
      this.tally.withWarnings++;
      this.tally.push(this.tally.warnings, { ...ref, warnings: outcome.warnings });
    }
    if (!outcome.record) {
      this.tally.rejected++;
      this.tally.push(this.tally.rejectedList, { ...ref, correction, serviceType: facts.serviceType, reasons: outcome.errors });
      return null;
    }
    const hash = sha256(modul13Content(outcome.record));
    let kind: CorrectionKind | null = null;
    if (correction) {
      if (deliveredHash === hash) return null;
      kind = deliveredHash === undefined ? 'late' : 'changed';
      if (kind === 'late') this.tally.lateFacts++;
      else this.tally.changed++;
      this.tally.push(this.tally.corrections, { ...ref, kind });
    } else this.tally.regular++;
    this.tally.records++;
    this.tally.countRecord(outcome.record);
    return {
      written: { kind: 'record', record: outcome.record, correction: kind, personId: facts.person.id },
      staged: { kind: 'modul13', key: measure.key, month, hash, storno: false },
    };
  }

  /**
   * The prior year's average cost per case of a flat-funded offer: its plan, and its measures begun
   * or running in that year, counted with the same rules as the export (a scan of the offer's
   * referrals not ended before that year, in batches).
   */
  private async averageCost(trx: Tx, offerId: string, year: number): Promise<number | null> {
    const cacheKey = `${offerId}|${year}`;
    if (this.averages.has(cacheKey)) return this.averages.get(cacheKey) ?? null;
    const { tenantId } = this.options;
    const plan = await this.repo.offerYearPlan(trx, tenantId, offerId, year);
    let count = 0;
    if (plan) {
      const [from, to] = [`${year}-01-01`, `${year}-12-31`];
      let after: string | null = null;
      for (;;) {
        const batch = await this.repo.referralBatch(trx, tenantId, { kind: 'offer', offerId, notEndedBefore: from }, after, this.batchSize);
        for (const facts of batch) count += measuresOf(facts).filter((m) => measureRunsIn(m, from, to)).length;
        if (batch.length < this.batchSize) break;
        after = batch.at(-1)?.referralId ?? null;
      }
    }
    const average = modul13AverageCost(plan, count);
    this.averages.set(cacheKey, average);
    return average;
  }
}

/** The window of dates to read; with `deliveredBefore`, also the referrals delivered for a month of it before that month. */
function window(fromMonth: string, toMonth: string, deliveredBefore: string | null): Modul13Scope {
  return {
    kind: 'window',
    from: firstDayOf(fromMonth),
    to: lastDayOf(toMonth),
    deliveredBefore: deliveredBefore && firstDayOf(deliveredBefore),
  };
}

function writeItem(writer: XmlWriter, item: Written) {
  if (item.kind === 'storno') {
    writer
      .start('Storno', { Satzart: item.sanction ? 'Leistungsminderung' : null })
      .leaf('Schluessel', item.key)
      .leaf('Berichtsmonat', item.reportMonth)
      .end();
    return;
  }
  if (item.kind === 'sanction') {
    const r = item.record;
    writer
      .start('Leistungsminderung', { Korrektur: item.correction ? 'true' : null })
      .leaf('Schluessel', r.key)
      .leaf('Berichtsmonat', r.reportMonth)
      .start('Person')
      .leaf('Kundennummer', r.customerNumber)
      .leaf('Geburtsdatum', r.birthDate)
      .leaf('Geschlecht', r.sex)
      .end()
      .start('Grund')
      .leaf('Art', r.reason)
      .leaf('Pflichtform', r.dutyForm)
      .end()
      .leaf('Beginn', r.beginOn)
      .leaf('Ende', r.endOn)
      .leaf('Minderungsbetrag', euroDecimal(r.amountCents), { Einheit: 'EUR' })
      .leaf('Prozent', r.percent)
      .leaf('VollstaendigerWegfall', r.fullStop ? 'true' : 'false')
      .end();
    return;
  }
  const r = item.record;
  writer
    .start('Massnahme', { Korrektur: item.correction ? 'true' : null })
    .leaf('Schluessel', r.key)
    .leaf('Berichtsmonat', r.reportMonth)
    .leaf('Ereignis', r.event)
    .start('Person')
    .leaf('Kundennummer', r.customerNumber)
    .leaf('Geburtsdatum', r.birthDate)
    .leaf('Geschlecht', r.sex)
    .end()
    .leaf('Massnahmeart', r.measureType)
    .leaf('Beginn', r.beginOn)
    .leaf('GeplantesEnde', r.plannedEndOn)
    .leaf('TatsaechlichesEnde', r.actualEndOn)
    .leaf('Beendigungsgrund', r.endReason)
    .leaf('Teilnahmekosten', r.costCents, { Art: r.costKind, Einheit: 'Cent' })
    .end();
}
