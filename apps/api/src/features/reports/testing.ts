import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

/** The files of a ZIP archive (an XLSX is one) by name; enough of the format for the tests' own files. */
export function unzip(archive: Buffer): Map<string, Buffer> {
  let end = archive.length - 22;
  while (end >= 0 && archive.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('kein ZIP-Archiv');
  const count = archive.readUInt16LE(end + 10);
  let offset = archive.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (archive.readUInt32LE(offset) !== 0x02014b50) throw new Error('ZIP-Verzeichnis beschädigt');
    const method = archive.readUInt16LE(offset + 10);
    const size = archive.readUInt32LE(offset + 20);
    const nameLength = archive.readUInt16LE(offset + 28);
    const extraLength = archive.readUInt16LE(offset + 30);
    const commentLength = archive.readUInt16LE(offset + 32);
    const local = archive.readUInt32LE(offset + 42);
    const name = archive.toString('utf8', offset + 46, offset + 46 + nameLength);
    const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const data = archive.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

const decode = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The sheets of an XLSX workbook by name, each as rows of cell texts (shared strings resolved). */
export function readXlsx(workbook: Buffer): Map<string, string[][]> {
  const files = unzip(workbook);
  const text = (name: string) => files.get(name)?.toString('utf8') ?? '';
  const shared = [...text('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    decode([...(m[1] ?? '').matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')),
  );
  const sheets = new Map<string, string[][]>();
  const names = [...text('xl/workbook.xml').matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => decode(m[1] ?? ''));
  names.forEach((name, index) => {
    const rows: string[][] = [];
    for (const row of text(`xl/worksheets/sheet${index + 1}.xml`).matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)) {
      const cells: string[] = [];
      for (const cell of (row[1] ?? '').matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const column = (cell[1] ?? 'A').charCodeAt(0) - 65;
        const value = /<v>([\s\S]*?)<\/v>/.exec(cell[3] ?? '')?.[1] ?? '';
        cells[column] = / t="s"/.test(cell[2] ?? '') ? (shared[Number(value)] ?? '') : decode(value);
      }
      rows.push(Array.from(cells, (c) => c ?? ''));
    }
    sheets.set(name, rows);
  });
  return sheets;
}

/** The text of a PDF (pdftotext), whitespace collapsed. */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'lotse-report-pdf-'));
  const file = join(dir, 'report.pdf');
  try {
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('pdftotext fehlt: bitte poppler-utils installieren (apt-get install -y poppler-utils).');
    }
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
