import { stringify } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';
import type { Cell } from 'write-excel-file/node';

/**
 * What every table download of the steering figures shares (needs planning, quality indicators): CSV
 * for German Excel (`;` separated, UTF-8 with BOM, Windows line ends, decimal comma), the cells of an
 * XLSX sheet, the mark of a suppressed figure ("." as in official German statistics) and the reply
 * that makes the browser save the file.
 */

export const SUPPRESSED_MARK = '.';

/** The legend of the mark; `units` is what the minimum counts (cases, referrals …). */
export function legendOf(minimum: number, units = 'Fälle'): string {
  return `${SUPPRESSED_MARK} = gesperrt (weniger als ${minimum} ${units} oder zur Sicherung gesperrt)`;
}

/** A number with decimal comma, no thousands separator (reads back as a number in German Excel). */
export function germanNumber(value: number): string {
  return String(value).replace('.', ',');
}

/** Lines of cells as CSV for German Excel: `;` separated, UTF-8 with BOM, CRLF. */
export function germanCsv(lines: ReadonlyArray<ReadonlyArray<string>>): string {
  return stringify(
    lines.map((line) => [...line]),
    { delimiter: ';', bom: true, record_delimiter: 'windows' },
  );
}

// ——— XLSX cells (write-excel-file) ———

export const bold = (value: string): Cell => ({ value, fontWeight: 'bold' });
export const text = (value: string | null): Cell => (value === null ? null : { value, type: String });

// ——— the download ———

export const EXPORT_CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type ExportFormat = keyof typeof EXPORT_CONTENT_TYPES;

/** Sends the file as an attachment named `<baseName>.<format>` (keep the name ASCII: it goes into a header). */
export function sendExport(reply: FastifyReply, format: ExportFormat, baseName: string, body: string | Buffer) {
  return reply.type(EXPORT_CONTENT_TYPES[format]).header('Content-Disposition', `attachment; filename="${baseName}.${format}"`).send(body);
}
