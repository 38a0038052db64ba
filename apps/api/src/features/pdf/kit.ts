/**
 * What the German PDFs (agreement, consent) share: WinAnsi-safe text, German dates, the A4 document
 * with its reproducible metadata, a thin writer over pdfkit, signature lines and the footer with the
 * page count.
 *
 * Only the PDF base fonts (Helvetica) are used, so no font files are embedded; they encode text as
 * WinAnsi (Windows-1252). Every string written goes through `toWinAnsi` (or a document's own encoder
 * built on it), which keeps German text intact and replaces what the encoding cannot show, because
 * pdfkit would otherwise write garbage for it.
 */
import PDFDocument from 'pdfkit';

export type Doc = PDFKit.PDFDocument;

const MARGIN = 56;
const MARGIN_BOTTOM = 72;
export const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' } as const;
/** Sizes every document uses; each adds its own body, heading and title sizes. */
export const SIZE = { small: 9, footer: 8.5 } as const;
export const COLOR = { text: '#1a1a1a', muted: '#555555', accent: '#1f3a5f', rule: '#b8c2cc', box: '#eef2f6' } as const;
const LINE_GAP = 2.5;

// ——— Text encoding ———

/** Characters above U+00FF that WinAnsi (Windows-1252) has, besides Latin-1. */
const WIN_ANSI_EXTRA = new Set([
  0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e, 0x192, 0x2c6, 0x2dc, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e,
  0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
]);

/** Readable stand-ins for common characters WinAnsi lacks (that Unicode decomposition does not cover). */
const REPLACEMENTS: Record<string, string> = {
  '\t': ' ',
  '\u00ad': '', // soft hyphen: pdfkit would print it as a visible hyphen mid-line
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '–',
  '\u2015': '—',
  '\u2212': '-',
  '\u2043': '-',
  '\u2032': "'",
  '\u2033': '"',
  '\u201b': "'",
  '\u201f': '"',
  '\u2190': '<-',
  '\u2192': '->',
  '\u2194': '<->',
  '\u21d2': '=>',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u2248': '~',
  '\u2713': 'x',
  '\u2714': 'x',
  '\u2717': 'x',
  '\u2718': 'x',
  '\u25cf': '•',
  '\u25aa': '•',
  '\u25e6': '•',
  '\u2116': 'Nr.',
  '\u1e9e': 'SS',
  '\u0131': 'i',
  '\u0141': 'L',
  '\u0142': 'l',
  '\u0110': 'D',
  '\u0111': 'd',
  '\u0126': 'H',
  '\u0127': 'h',
  '\u2028': '\n',
  '\u2029': '\n',
  '\u200b': '',
  '\u200c': '',
  '\u200d': '',
  '\u2060': '',
  '\ufeff': '',
};

function isWinAnsi(codePoint: number): boolean {
  return (
    codePoint === 0x0a ||
    (codePoint >= 0x20 && codePoint <= 0x7e) ||
    (codePoint >= 0xa0 && codePoint <= 0xff) ||
    WIN_ANSI_EXTRA.has(codePoint)
  );
}

/**
 * Text safe for the WinAnsi-encoded base fonts: German letters, §, €, dashes and German quotes stay;
 * decomposed umlauts are composed; other spaces become spaces; letters with other accents lose the
 * accent (Ş → S, ł → l); anything else that cannot be shown becomes "?".
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text.replace(/\r\n?/g, '\n').normalize('NFC')) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (char in REPLACEMENTS) {
      out += REPLACEMENTS[char];
    } else if (isWinAnsi(codePoint)) {
      out += char;
    } else if (/\s/u.test(char)) {
      out += ' ';
    } else if (/\p{Cc}|\p{Cf}/u.test(char)) {
      // control and format characters: dropped
    } else {
      const base = char.normalize('NFKD').replace(/\p{M}/gu, '');
      out += base !== '' && [...base].every((c) => isWinAnsi(c.codePointAt(0) ?? 0)) ? base : '?';
    }
  }
  return out;
}

/** "2024-02-01" (or an ISO date-time) → "01.02.2024". */
export function formatDateDe(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) throw new Error(`Ungültiges Datum für das Dokument: ${iso}`);
  return `${match[3]}.${match[2]}.${match[1]}`;
}

function creationDate(printedOn: string): Date {
  formatDateDe(printedOn);
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(printedOn) ? `${printedOn}T00:00:00Z` : printedOn);
  if (Number.isNaN(date.getTime())) throw new Error(`Ungültiges Datum für das Dokument: ${printedOn}`);
  return date;
}

// ——— People and places ———

/** The person a document is about, as the documents print them. */
export interface PdfPerson {
  firstName: string;
  lastName: string;
  customerNumber: string;
  birthDate: string;
  street: string | null;
  houseNumber: string | null;
  postalCode: string | null;
  city: string | null;
}

export function fullName(person: { firstName: string; lastName: string }): string {
  return `${person.firstName} ${person.lastName}`.trim();
}

/** "Bahnhofstraße 3a, 34567 Lotsenbach", or null when nothing of the address is known. */
export function addressOf(a: {
  street: string | null;
  houseNumber: string | null;
  postalCode: string | null;
  city: string | null;
}): string | null {
  const streetLine = [a.street, a.houseNumber].filter((part) => part?.trim()).join(' ');
  const cityLine = [a.postalCode, a.city].filter((part) => part?.trim()).join(' ');
  const address = [streetLine, cityLine].filter(Boolean).join(', ');
  return address === '' ? null : address;
}

// ——— Layout ———

export interface TextStyle {
  font?: string;
  size?: number;
  color?: string;
}

export interface RowsOptions {
  /** Where the labels start; the page's left margin unless given. */
  x?: number;
  /** Width of label and value together; the text width unless given. */
  width?: number;
  /** How much room a row of `height` must find on the page before it starts; all of it unless given. */
  room?: (height: number) => number;
}

/**
 * Thin layer over pdfkit that sanitises every string (with `encode`) and keeps blocks from starting at
 * a page's foot. Each document extends it with its own headings, paragraphs and items.
 */
export class PdfWriter {
  constructor(
    readonly doc: Doc,
    /** Font size of body text, the default style. */
    readonly bodySize: number,
    /** Makes a string safe to write; at least `toWinAnsi`. */
    readonly encode: (text: string) => string = toWinAnsi,
  ) {}

  get left(): number {
    return this.doc.page.margins.left;
  }
  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  get bottom(): number {
    return this.doc.page.maxY();
  }

  style({ font = FONT.regular, size = this.bodySize, color = COLOR.text }: TextStyle = {}): this {
    this.doc.font(font).fontSize(size).fillColor(color);
    return this;
  }

  lineHeight(): number {
    return this.doc.currentLineHeight(true) + LINE_GAP;
  }

  /** Height of `text` in the current style at `width`. */
  measure(text: string, width: number): number {
    return this.doc.heightOfString(this.encode(text), { width, lineGap: LINE_GAP });
  }

  /** A paragraph that starts on the next page rather than as a sliver at the foot of this one. */
  writeParagraph(text: string, style: TextStyle = {}, gapAfter = 6): void {
    this.style(style);
    this.ensureSpace(Math.min(this.measure(text, this.width), 30));
    this.write(text);
    this.doc.y += gapAfter;
    this.style();
  }

  /** A heading that keeps `keep` points of room below it, so it never stands alone at a page's foot. */
  writeHeading(
    text: string,
    { size, before, color = COLOR.accent, keep = 40 }: { size: number; before: number; color?: string; keep?: number },
  ): void {
    this.doc.y += before;
    this.style({ font: FONT.bold, size, color });
    this.ensureSpace(this.measure(text, this.width) + keep);
    this.write(text);
    this.doc.y += 3;
    this.style();
  }

  /** Starts a new page unless `height` still fits below the current position. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  /** Writes wrapped text at `x` from the current y; long text flows onto new pages. */
  write(text: string, x = this.left, width = this.width - (x - this.left), options: PDFKit.Mixins.TextOptions = {}): void {
    this.doc.text(this.encode(text), x, this.doc.y, { width, lineGap: LINE_GAP, ...options });
  }

  rule(y: number, color: string = COLOR.rule, width = 0.6): void {
    this.doc
      .moveTo(this.left, y)
      .lineTo(this.left + this.width, y)
      .lineWidth(width)
      .strokeColor(color)
      .stroke();
  }

  /** Height of one label/value row at `width` (without the gap below it). */
  rowHeight(label: string, value: string, labelWidth: number, width: number): number {
    this.style({ font: FONT.bold });
    const labelHeight = this.measure(label, labelWidth - 8);
    this.style();
    return Math.max(labelHeight, this.measure(value, width - labelWidth));
  }

  /** Label/value rows, e.g. the parties or the dates: the label bold, the value beside it. */
  rows(rows: ReadonlyArray<readonly [string, string]>, labelWidth: number, options: RowsOptions = {}): void {
    const { x = this.left, width = this.width, room = (height: number) => height } = options;
    for (const [label, value] of rows) {
      this.ensureSpace(room(this.rowHeight(label, value, labelWidth, width)));
      const top = this.doc.y;
      this.style({ font: FONT.bold });
      this.write(label, x, labelWidth - 8);
      const afterLabel = this.doc.y;
      this.style();
      this.doc.y = top;
      this.write(value, x + labelWidth, width - labelWidth);
      this.doc.y = Math.max(this.doc.y, afterLabel) + 3;
    }
  }
}

export interface SignatureLine {
  /** Distance of the line from the top of the block. */
  at: number;
  /** Printed under the left and the right line. */
  labels: [string, string];
  /** Printed under the labels, e.g. who signs. */
  names?: [string, string];
}

/** Two columns of lines to sign on, kept together on one page in a block of `height`. */
export function signatureLines(
  w: PdfWriter,
  { spaceBefore, height, lines }: { spaceBefore: number; height: number; lines: SignatureLine[] },
): void {
  const { doc } = w;
  const gap = 36;
  const columnWidth = (w.width - gap) / 2;
  const columns = [w.left, w.left + columnWidth + gap];
  doc.y += spaceBefore;
  w.ensureSpace(height);
  const top = doc.y;
  for (const { at, labels, names } of lines) {
    const lineY = top + at;
    columns.forEach((x, index) => {
      doc
        .moveTo(x, lineY)
        .lineTo(x + columnWidth, lineY)
        .lineWidth(0.8)
        .strokeColor(COLOR.text)
        .stroke();
      w.style({ size: SIZE.small, color: COLOR.muted });
      doc.text(toWinAnsi(labels[index] ?? ''), x, lineY + 4, { width: columnWidth, lineGap: 1 });
      if (names) doc.text(toWinAnsi(names[index] ?? ''), x, doc.y, { width: columnWidth, lineGap: 1 });
    });
  }
  doc.y = top + height;
  w.style();
}

// ——— Document ———

export interface PdfDocumentSpec {
  /** ISO date (or date-time) the document is printed: the footer's date and the PDF's creation date, so output is reproducible. */
  printedOn: string;
  /** The PDF's metadata, written as given. */
  info: { Title: string; Author: string; Subject: string };
  /** The person the document is about: name and customer number in the middle of every footer, so loose pages can be matched. */
  person?: PdfPerson;
  /** The footer's middle text of a document about no person (e.g. a report: offer, provider, year). */
  reference?: string;
  /** Shortens the name and number with "…" where they do not fit; otherwise they are left out there. */
  shortenReference?: boolean;
  /** Left and right text of a running header on every page but the first. */
  runningHeader?: [string, string];
}

/** Running header (pages 2+) and footer (every page), written once the page count is known. */
function decoratePages(doc: Doc, spec: PdfDocumentSpec): void {
  const range = doc.bufferedPageRange();
  const printed = `Erstellt am ${formatDateDe(spec.printedOn)}`;
  const reference = toWinAnsi(
    spec.person ? `${fullName(spec.person)} · Kundennummer ${spec.person.customerNumber}` : (spec.reference ?? ''),
  );
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const page = doc.page;
    const savedBottom = page.margins.bottom;
    page.margins.bottom = 0; // writing inside the margin must not open a new page
    const left = page.margins.left;
    const right = page.width - page.margins.right;
    doc.font(FONT.regular).fontSize(SIZE.footer).fillColor(COLOR.muted);

    if (spec.runningHeader && index > range.start) {
      const headerY = 30;
      doc.text(toWinAnsi(spec.runningHeader[0]), left, headerY, { lineBreak: false });
      const title = toWinAnsi(spec.runningHeader[1]);
      doc.text(title, right - doc.widthOfString(title), headerY, { lineBreak: false });
      doc
        .moveTo(left, headerY + 13)
        .lineTo(right, headerY + 13)
        .lineWidth(0.5)
        .strokeColor(COLOR.rule)
        .stroke();
    }

    const footerY = page.height - 44;
    doc
      .moveTo(left, footerY - 8)
      .lineTo(right, footerY - 8)
      .lineWidth(0.5)
      .strokeColor(COLOR.rule)
      .stroke();
    const pageLabel = `Seite ${index - range.start + 1} von ${range.count}`;
    const printedWidth = doc.widthOfString(printed);
    const pageWidth = doc.widthOfString(pageLabel);
    doc.text(printed, left, footerY, { lineBreak: false });
    doc.text(pageLabel, right - pageWidth, footerY, { lineBreak: false });
    const room = right - left - printedWidth - pageWidth - 40;
    let middle = reference;
    if (spec.shortenReference) {
      while (middle.length > 1 && doc.widthOfString(middle) > room) middle = `${middle.slice(0, -2)}…`;
    }
    if (doc.widthOfString(middle) <= room) {
      doc.text(middle, left + (right - left - doc.widthOfString(middle)) / 2, footerY, { lineBreak: false });
    }
    page.margins.bottom = savedBottom;
  }
}

/**
 * An A4 document in German: `draw` writes the content, then every page gets its footer (and running
 * header); resolves with the file's bytes. Throws at once when `printedOn` is no date.
 */
export function renderPdf(spec: PdfDocumentSpec, draw: (doc: Doc) => void): Promise<Buffer> {
  const created = creationDate(spec.printedOn);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN_BOTTOM },
    bufferPages: true,
    font: FONT.regular,
    lang: 'de-DE',
    displayTitle: true,
    info: {
      ...spec.info,
      Creator: 'Lotse Fallmanagement',
      Producer: 'Lotse (PDFKit)',
      CreationDate: created,
      ModDate: created,
    },
  });

  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      draw(doc);
      decoratePages(doc, spec);
      doc.end();
    } catch (error) {
      reject(error);
    }
  });
}
