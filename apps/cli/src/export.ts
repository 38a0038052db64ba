import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { findTenant, listTenants, type Modul13RunResult, previewModul13, recordModul13 } from '@lotse/api';
import { type LotseDatabase, withTenant } from '@lotse/db';
import { AppError, isReportMonth, todayInGermany } from '@lotse/domain';
import { SingleBar } from 'cli-progress';

/** A problem the user can fix (wrong option, unknown tenant): printed as „Fehler: …“, exit code 1. */
export class ExportError extends Error {}

export interface ExportOptions {
  month?: string;
  year?: number;
  /** Name or id of the Jobcenter; may be omitted when the database holds exactly one. */
  tenant?: string;
  out?: string;
  record?: boolean;
}

export interface ExportIo {
  /** Progress bar and messages. */
  stderr: NodeJS.WritableStream;
  /** The summary. */
  stdout: NodeJS.WritableStream;
  now?: () => Date;
  /** Draw the progress bar (off in tests and when stderr is no terminal). */
  progress?: boolean;
}

export interface ExportSummary {
  file: string;
  sha256: string;
  records: number;
  corrections: number;
  rejected: number;
  /** Leistungsminderung records (Modul 8) among `records`, and sanctions not reportable among `rejected`. */
  sanctions: { records: number; stornos: number; rejected: number };
  deliveryId: string | null;
  durationMs: number;
  peakRssMb: number;
  /** Referrals read and checked (the progress bar's count). */
  referralsExamined: number;
}

/** The rejected records printed in the summary; the API's validation report lists more. */
const REJECTED_SHOWN = 20;

async function tenantOf(database: LotseDatabase, idOrName: string | undefined) {
  if (idOrName) {
    const tenant = await findTenant(database.owner, idOrName);
    if (!tenant) throw new ExportError(`Jobcenter „${idOrName}“ nicht gefunden.`);
    return tenant;
  }
  const tenants = await listTenants(database.owner);
  if (tenants.length === 1 && tenants[0]) return tenants[0];
  if (tenants.length === 0) throw new ExportError('Die Datenbank enthält kein Jobcenter.');
  throw new ExportError(`Bitte --tenant angeben (Name oder ID): ${tenants.map((t) => t.name).join(', ')}.`);
}

function periodOf(options: ExportOptions) {
  if ((options.month === undefined) === (options.year === undefined))
    throw new ExportError('Bitte genau eine der Angaben --month JJJJ-MM oder --year JJJJ machen.');
  if (options.year !== undefined) {
    if (options.record) throw new ExportError('--record verbucht einen Monat: nur mit --month, nicht mit --year.');
    return { kind: 'year' as const, year: options.year, label: String(options.year) };
  }
  const month = options.month as string;
  if (!isReportMonth(month)) throw new ExportError(`--month „${month}“ ist kein Monat im Format JJJJ-MM.`);
  return { kind: 'month' as const, month, label: month };
}

/**
 * `lotse export modul13`: the § 51b file of a month (with the corrections of earlier delivered
 * months) or of a year, streamed into a file with a progress bar; with `--record` the month is
 * recorded as delivered in the same transaction. The file appears only when everything succeeded.
 */
export async function exportModul13(database: LotseDatabase, options: ExportOptions, io: ExportIo): Promise<ExportSummary> {
  const started = Date.now();
  const period = periodOf(options);
  const tenant = await tenantOf(database, options.tenant);
  const today = todayInGermany((io.now ?? (() => new Date()))());
  const file = resolve(options.out ?? `Modul13_${period.label}.xml`);
  const partial = `${file}.part`;

  const bar = new SingleBar({
    format: 'Modul 13 {bar} {percentage}% | {value}/{total} Zuweisungen geprüft',
    hideCursor: true,
    clearOnComplete: false,
    stream: io.stderr,
    noTTYOutput: false,
  });
  let processed = 0;
  const draw = io.progress ?? false;
  const base = {
    tenantId: tenant.id,
    today,
    actor: null,
    logReads: true,
    sink: async (chunks: AsyncIterable<string>) => pipeline(Readable.from(chunks), createWriteStream(partial, { encoding: 'utf8' })),
    onEstimate: (total: number) => {
      if (draw) bar.start(Math.max(total, 1), 0);
    },
    onBatch: (read: number) => {
      processed += read;
      if (draw) bar.update(processed);
    },
  };

  let result: Modul13RunResult;
  let deliveryId: string | null = null;
  try {
    if (period.kind === 'month' && options.record) {
      const delivery = await withTenant(database.db, tenant.id, (trx) =>
        recordModul13(trx, { ...base, period: { kind: 'month', month: period.month } }),
      );
      deliveryId = delivery.id;
      result = { tally: delivery.tally, sha256: delivery.fileSha256, deliveredMonths: [] };
    } else {
      result = await previewModul13(database.db, {
        ...base,
        period: period.kind === 'month' ? { kind: 'month', month: period.month } : { kind: 'year', year: period.year },
      });
    }
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    if (error instanceof AppError && error.code === 'REPORT_MONTH_IN_FUTURE')
      throw new ExportError(`${period.label} liegt in der Zukunft.`);
    if (error instanceof AppError && error.code === 'REPORT_MONTH_INVALID')
      throw new ExportError(`${period.label} ist kein gültiger Berichtszeitraum.`);
    throw error;
  } finally {
    if (draw) bar.stop();
  }

  const { tally } = result;
  const summary: ExportSummary = {
    file,
    sha256: result.sha256,
    records: tally.records + tally.stornos,
    corrections: tally.corrected,
    rejected: tally.rejected,
    sanctions: { records: tally.modul8.records, stornos: tally.modul8.stornos, rejected: tally.modul8.rejected },
    deliveryId,
    durationMs: Date.now() - started,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    referralsExamined: processed,
  };
  const out = (line: string) => io.stdout.write(`${line}\n`);
  out(`Modul 13 ${period.kind === 'month' ? 'Monat' : 'Jahr'} ${period.label} – ${tenant.name}`);
  out(`  Sätze:        ${summary.records} (davon Korrekturen: ${summary.corrections}, Stornos: ${tally.stornos})`);
  const m8 = tally.modul8;
  out(
    `  davon Leistungsminderungen (Modul 8): ${m8.records + m8.stornos} (Korrekturen: ${m8.lateFacts + m8.changed + m8.stornos}, Stornos: ${m8.stornos}, abgewiesen: ${m8.rejected})`,
  );
  out(`  Abgewiesen:   ${summary.rejected}`);
  const rejectedLines = [
    ...tally.rejectedList.map((e) => ({ ...e, label: e.key })),
    ...tally.modul8Rejected.map((e) => ({ ...e, label: `Leistungsminderung ${e.sanctionId}` })),
  ];
  for (const entry of rejectedLines.slice(0, REJECTED_SHOWN)) {
    out(
      `    ${entry.label} (${entry.reportMonth}${entry.correction ? ', Korrektur' : ''}): ${entry.reasons.map((r) => r.message).join(' ')}`,
    );
  }
  if (summary.rejected > REJECTED_SHOWN)
    out(`    … und ${summary.rejected - REJECTED_SHOWN} weitere (vollständig im Prüfbericht unter Berichte › Statistik).`);
  out(`  Datei:        ${file}`);
  out(`  SHA-256:      ${summary.sha256}`);
  out(`  Verbucht:     ${deliveryId ? `ja (Lieferung ${deliveryId})` : 'nein (Probelauf; verbuchen mit --record)'}`);
  out(
    `  Dauer:        ${(summary.durationMs / 1000).toFixed(1)} s · Zuweisungen geprüft: ${processed} · max. Speicher (RSS): ${summary.peakRssMb} MB`,
  );
  return summary;
}
