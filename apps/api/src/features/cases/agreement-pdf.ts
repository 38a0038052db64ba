/**
 * The agreement version as a German PDF that can be handed to the person (SPEC C5): Eingliederungs-
 * vereinbarung, Kooperationsplan or Eingliederungsverwaltungsakt, with the parties, the dates, the
 * Jobcenter's commitments and the person's duties, what happens without an agreement, and signature
 * lines (or, for an administrative act, a Rechtsbehelfsbelehrung).
 *
 * Only the PDF base fonts (Helvetica) are used, so no font files are embedded; they encode text as
 * WinAnsi (Windows-1252). Every string written goes through `toWinAnsi`, which keeps German text intact
 * and replaces what the encoding cannot show, because pdfkit would otherwise write garbage for it.
 */
import type { AgreementVersion } from '@lotse/contracts';
import { AGREEMENT_KIND_LABELS_DE, DUTY_KIND_LABELS_DE } from '@lotse/domain';
import PDFDocument from 'pdfkit';

export interface AgreementPdfInput {
  /** Name of the Jobcenter, e.g. "Jobcenter Lotsenbach". */
  tenantName: string;
  person: {
    firstName: string;
    lastName: string;
    customerNumber: string;
    birthDate: string;
    street: string | null;
    houseNumber: string | null;
    postalCode: string | null;
    city: string | null;
  };
  caseManager: { displayName: string };
  version: AgreementVersion;
  /** Goals of the help plan, to name the goal a duty or commitment serves. */
  goals: Array<{ id: string; title: string }>;
  /** ISO date (or date-time) the document is printed; also the PDF creation date, so output is reproducible. */
  printedOn: string;
}

type Doc = PDFKit.PDFDocument;
type Kind = AgreementVersion['kind'];

const MARGIN = 56;
const MARGIN_BOTTOM = 72;
const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' } as const;
const SIZE = { body: 11, small: 9, footer: 8.5, heading: 12.5, title: 18 } as const;
const COLOR = { text: '#1a1a1a', muted: '#555555', accent: '#1f3a5f', rule: '#b8c2cc', box: '#eef2f6' } as const;
const LINE_GAP = 2.5;
const ITEM_INDENT = 30;

/** "Dieser Kooperationsplan ist …". */
const DOCUMENT_SUBJECT_DE: Record<Kind, string> = {
  egv: 'Diese Eingliederungsvereinbarung',
  kooperationsplan: 'Dieser Kooperationsplan',
  verwaltungsakt: 'Dieser Bescheid',
};
/** Genitive noun phrase for "nicht Bestandteil …". */
const DOCUMENT_NOUN_DE: Record<Kind, string> = {
  egv: 'dieser Eingliederungsvereinbarung',
  kooperationsplan: 'dieses Kooperationsplans',
  verwaltungsakt: 'dieses Bescheids',
};

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

/** Keeps "§ 15" and "200 €" together on one line (non-breaking space, which WinAnsi has). */
function typeset(text: string): string {
  return toWinAnsi(text)
    .replace(/(§§?) (?=\S)/g, '$1\u00a0')
    .replace(/(\d) (?=€)/g, '$1\u00a0');
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

// ——— Layout helpers ———

interface TextStyle {
  font?: string;
  size?: number;
  color?: string;
}

/** Thin layer over pdfkit that sanitises every string and keeps blocks from starting at a page's foot. */
class Writer {
  constructor(readonly doc: Doc) {}

  get left(): number {
    return this.doc.page.margins.left;
  }
  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  get bottom(): number {
    return this.doc.page.maxY();
  }

  style({ font = FONT.regular, size = SIZE.body, color = COLOR.text }: TextStyle = {}): this {
    this.doc.font(font).fontSize(size).fillColor(color);
    return this;
  }

  lineHeight(): number {
    return this.doc.currentLineHeight(true) + LINE_GAP;
  }

  /** Height of `text` in the current style at `width`. */
  measure(text: string, width: number): number {
    return this.doc.heightOfString(typeset(text), { width, lineGap: LINE_GAP });
  }

  /** Starts a new page unless `height` still fits below the current position. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  /** Writes wrapped text at `x` from the current y; long text flows onto new pages. */
  write(text: string, x = this.left, width = this.width - (x - this.left), options: PDFKit.Mixins.TextOptions = {}): void {
    this.doc.text(typeset(text), x, this.doc.y, { width, lineGap: LINE_GAP, ...options });
  }

  /** A paragraph that does not start with a lone line at the foot of a page. */
  paragraph(text: string, style: TextStyle = {}, gapAfter = 6, x = this.left): void {
    this.style(style);
    const width = this.width - (x - this.left);
    this.ensureSpace(Math.min(this.measure(text, width), 2 * this.lineHeight()));
    this.write(text, x, width);
    this.doc.y += gapAfter;
  }

  heading(text: string): void {
    this.doc.y += 10;
    this.style({ font: FONT.bold, size: SIZE.heading, color: COLOR.accent });
    const height = this.measure(text, this.width);
    // Keep the heading with at least two lines of what follows.
    this.style();
    this.ensureSpace(height + 6 + 2 * this.lineHeight());
    this.style({ font: FONT.bold, size: SIZE.heading, color: COLOR.accent });
    this.write(text);
    this.doc.y += 4;
    this.style();
  }

  rule(y: number, color: string = COLOR.rule, width = 0.6): void {
    this.doc
      .moveTo(this.left, y)
      .lineTo(this.left + this.width, y)
      .lineWidth(width)
      .strokeColor(color)
      .stroke();
  }

  /** Label/value rows, e.g. the parties or the dates; returns the height they take at `width`. */
  measureRows(rows: ReadonlyArray<readonly [string, string]>, labelWidth: number, width: number): number {
    return rows.reduce((sum, [label, value]) => sum + this.rowHeight(label, value, labelWidth, width), 0);
  }

  private rowHeight(label: string, value: string, labelWidth: number, width: number): number {
    this.style({ font: FONT.bold });
    const labelHeight = this.measure(label, labelWidth - 8);
    this.style();
    return Math.max(labelHeight, this.measure(value, width - labelWidth)) + 3;
  }

  rows(rows: ReadonlyArray<readonly [string, string]>, labelWidth: number, x = this.left, width = this.width): void {
    for (const [label, value] of rows) {
      const height = this.rowHeight(label, value, labelWidth, width);
      this.ensureSpace(Math.min(height, 2 * this.lineHeight()));
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

  /** A numbered item with hanging indent: "2.1  Title / text / (Ziel: …)". */
  item(number: string, title: string | null, text: string, goalTitle: string | null): void {
    const x = this.left + ITEM_INDENT;
    const width = this.width - ITEM_INDENT;
    this.style({ font: FONT.bold });
    const titleHeight = title ? this.measure(title, width) : 0;
    this.style({ font: FONT.italic, size: SIZE.small + 0.5 });
    const goalHeight = goalTitle ? this.measure(`(Ziel: ${goalTitle})`, width) : 0;
    this.style();
    const textHeight = this.measure(text, width);
    // A short item moves to the next page as a whole; a long one starts here and flows on.
    const whole = titleHeight + textHeight + goalHeight;
    this.ensureSpace(whole <= 12 * this.lineHeight() ? whole : titleHeight + 2 * this.lineHeight());
    const top = this.doc.y;
    this.style({ font: FONT.bold, color: COLOR.accent });
    this.doc.text(toWinAnsi(number), this.left, top, { lineBreak: false });
    this.doc.y = top;
    if (title) {
      this.style({ font: FONT.bold });
      this.write(title, x, width);
    }
    this.style();
    this.write(text, x, width);
    if (goalTitle) {
      this.style({ font: FONT.italic, size: SIZE.small + 0.5, color: COLOR.muted });
      this.write(`(Ziel: ${goalTitle})`, x, width);
    }
    this.doc.y += 7;
    this.style();
  }
}

// ——— Document ———

function fullName(person: AgreementPdfInput['person']): string {
  return `${person.firstName} ${person.lastName}`.trim();
}

function addressOf(person: AgreementPdfInput['person']): string | null {
  const streetLine = [person.street, person.houseNumber].filter((part) => part?.trim()).join(' ');
  const cityLine = [person.postalCode, person.city].filter((part) => part?.trim()).join(' ');
  const address = [streetLine, cityLine].filter(Boolean).join(', ');
  return address === '' ? null : address;
}

function documentTitle(version: AgreementVersion): string {
  return `${AGREEMENT_KIND_LABELS_DE[version.kind] ?? version.kind} – Fassung ${version.versionNo}`;
}

/** Page 1 letterhead: Jobcenter and "Fallmanagement" left, case reference right, a rule below. */
function letterhead(w: Writer, input: AgreementPdfInput): void {
  const { doc } = w;
  const top = doc.y;
  const rightWidth = 190;
  const rightX = w.left + w.width - rightWidth;
  w.style({ font: FONT.bold, size: 15, color: COLOR.accent });
  w.write(input.tenantName, w.left, w.width - rightWidth - 10);
  w.style({ size: 10.5, color: COLOR.muted });
  w.write('Fallmanagement', w.left, w.width - rightWidth - 10);
  const leftBottom = doc.y;
  doc.y = top + 2;
  w.style({ size: SIZE.small, color: COLOR.muted });
  w.write(`Kundennummer: ${input.person.customerNumber}`, rightX, rightWidth, { align: 'right' });
  w.write(`Ansprechperson: ${input.caseManager.displayName}`, rightX, rightWidth, { align: 'right' });
  doc.y = Math.max(doc.y, leftBottom) + 8;
  w.rule(doc.y, COLOR.accent, 1.2);
  doc.y += 18;
}

function titleBlock(w: Writer, version: AgreementVersion): void {
  w.style({ font: FONT.bold, size: SIZE.title, color: COLOR.accent });
  w.write(documentTitle(version));
  w.doc.y += 2;
  // The rule's title names the agreed document; for an administrative act it would mislead.
  if (version.kind !== 'verwaltungsakt') {
    w.style({ size: 10, color: COLOR.muted });
    w.write(version.rule.title);
  }
  w.doc.y += 14;
}

function partiesBlock(w: Writer, input: AgreementPdfInput): void {
  const { person, version } = input;
  const isAct = version.kind === 'verwaltungsakt';
  const personLines = [
    fullName(person),
    `Kundennummer ${person.customerNumber} · geboren am ${formatDateDe(person.birthDate)}`,
    addressOf(person) ?? '',
  ].filter(Boolean);
  const rows: Array<[string, string]> = [
    [isAct ? 'Erlassen von' : 'Zwischen', `${input.tenantName}\nvertreten durch ${input.caseManager.displayName} (Fallmanagement)`],
    [isAct ? 'für' : 'und', personLines.join('\n')],
  ];
  w.rows(rows, 95);
  w.doc.y += 4;
  w.style();
  w.write(
    isAct
      ? 'Eine Vereinbarung ist nicht zustande gekommen. Das Jobcenter legt deshalb durch diesen Bescheid Folgendes fest:'
      : 'wird Folgendes vereinbart:',
  );
  w.doc.y += 12;
}

/** Shaded box with the dates, the legal basis and whether the document binds. */
function factsBox(w: Writer, input: AgreementPdfInput): void {
  const { version } = input;
  const isAct = version.kind === 'verwaltungsakt';
  // An administrative act binds by its nature; the rule's flag describes the agreed document.
  const binding = isAct || version.rule.legallyBinding;
  const rows: Array<[string, string]> = [
    [isAct ? 'Festgelegt am' : 'Vereinbart am', formatDateDe(version.agreedOn)],
    ['Gültig bis', formatDateDe(version.validUntil)],
    ['Überprüfung spätestens am', formatDateDe(version.reviewOn)],
    ['Rechtsgrundlage', version.rule.legalBasis],
    ['Rechtliche Wirkung', binding ? `rechtlich verbindlich${isAct ? ' (Verwaltungsakt)' : ''}` : 'rechtlich nicht verbindlich'],
  ];
  const padding = 10;
  const labelWidth = 170;
  const innerWidth = w.width - 2 * padding;
  const height = w.measureRows(rows, labelWidth, innerWidth) + 2 * padding - 3;
  w.ensureSpace(height);
  const top = w.doc.y;
  w.doc.rect(w.left, top, w.width, height).fill(COLOR.box);
  w.doc.rect(w.left, top, 3, height).fill(COLOR.accent);
  w.doc.y = top + padding;
  w.rows(rows, labelWidth, w.left + padding, innerWidth);
  w.doc.y = top + height + 8;
  // Bürgergeld rule (2023): the plan binds no one; duties only by a separate request with notice of consequences.
  if (!binding && !version.rule.dutiesSanctionable && version.rule.fallbackKind === null) {
    w.paragraph(
      `Hinweis: ${DOCUMENT_SUBJECT_DE[version.kind]} ist rechtlich nicht verbindlich. ` +
        'Pflichten, deren Verletzung Rechtsfolgen haben kann, entstehen nur durch eine gesonderte Aufforderung zur Mitwirkung mit Rechtsfolgenbelehrung.',
      { font: FONT.italic, size: 10, color: COLOR.muted },
    );
  }
}

function itemsSections(w: Writer, input: AgreementPdfInput): void {
  const { version } = input;
  const goals = new Map(input.goals.map((goal) => [goal.id, goal.title]));
  const goalOf = (goalId: string | null) => (goalId ? (goals.get(goalId) ?? null) : null);

  w.heading('1. Das Jobcenter unterstützt Sie mit:');
  if (version.commitments.length === 0) w.paragraph('Keine Einträge.', { color: COLOR.muted });
  version.commitments.forEach((commitment, index) => {
    w.item(`1.${index + 1}`, null, commitment.text, goalOf(commitment.goalId));
  });

  w.heading('2. Ihre Pflichten / Das tun Sie:');
  if (version.duties.length === 0) w.paragraph('Keine Einträge.', { color: COLOR.muted });
  version.duties.forEach((duty, index) => {
    w.item(`2.${index + 1}`, DUTY_KIND_LABELS_DE[duty.kind] ?? duty.kind, duty.text, goalOf(duty.goalId));
  });
}

function signatureBlock(w: Writer, input: AgreementPdfInput): void {
  const { doc } = w;
  const gap = 36;
  const columnWidth = (w.width - gap) / 2;
  const columns = [w.left, w.left + columnWidth + gap];
  const height = 150;
  doc.y += 16;
  w.ensureSpace(height);
  const labelRow = (lineY: number, labels: [string, string], names?: [string, string]) => {
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
  };
  const top = doc.y;
  labelRow(top + 34, ['Ort, Datum', 'Ort, Datum']);
  labelRow(
    top + 100,
    ['Unterschrift Jobcenter', 'Unterschrift leistungsberechtigte Person'],
    [input.caseManager.displayName, fullName(input.person)],
  );
  doc.y = top + height;
  w.style();
}

function remedyBlock(w: Writer, input: AgreementPdfInput): void {
  w.heading('Rechtsbehelfsbelehrung');
  w.paragraph(
    'Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Widerspruch erhoben werden. ' +
      `Der Widerspruch ist schriftlich, in elektronischer Form oder zur Niederschrift bei der oben genannten Stelle (${input.tenantName}) einzulegen.`,
  );
  w.doc.y += 14;
  w.style();
  w.ensureSpace(3 * w.lineHeight());
  w.write('Im Auftrag');
  w.write(input.caseManager.displayName);
}

/** Running header (pages 2+) and footer (every page), written once the page count is known. */
function decoratePages(doc: Doc, input: AgreementPdfInput): void {
  const range = doc.bufferedPageRange();
  const printed = `Erstellt am ${formatDateDe(input.printedOn)}`;
  const reference = toWinAnsi(`${fullName(input.person)} · Kundennummer ${input.person.customerNumber}`);
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const page = doc.page;
    const savedBottom = page.margins.bottom;
    page.margins.bottom = 0; // writing inside the margin must not open a new page
    const left = page.margins.left;
    const right = page.width - page.margins.right;
    doc.font(FONT.regular).fontSize(SIZE.footer).fillColor(COLOR.muted);

    if (index > range.start) {
      const headerY = 30;
      doc.text(toWinAnsi(input.tenantName), left, headerY, { lineBreak: false });
      const title = toWinAnsi(documentTitle(input.version));
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
    // The person's name in the middle, so loose pages can be matched; shortened if it does not fit.
    const room = right - left - printedWidth - pageWidth - 40;
    let middle = reference;
    while (middle.length > 1 && doc.widthOfString(middle) > room) middle = `${middle.slice(0, -2)}…`;
    if (doc.widthOfString(middle) <= room) {
      doc.text(middle, left + (right - left - doc.widthOfString(middle)) / 2, footerY, { lineBreak: false });
    }
    page.margins.bottom = savedBottom;
  }
}

/** Renders the agreement version as an A4 PDF; resolves with the file's bytes. */
export function renderAgreementPdf(input: AgreementPdfInput): Promise<Buffer> {
  const { version } = input;
  const created = creationDate(input.printedOn);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN_BOTTOM },
    bufferPages: true,
    font: FONT.regular,
    lang: 'de-DE',
    displayTitle: true,
    info: {
      Title: `${documentTitle(version)} – ${fullName(input.person)}`,
      Author: input.tenantName,
      Subject: version.rule.title,
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
      const w = new Writer(doc);
      letterhead(w, input);
      titleBlock(w, version);
      partiesBlock(w, input);
      factsBox(w, input);

      if (version.personalOffer?.trim()) {
        w.heading('Persönliches Angebot');
        w.paragraph(version.personalOffer);
      }

      itemsSections(w, input);

      w.heading('Wenn keine Einigung zustande kommt');
      w.paragraph(version.rule.noAgreementText);
      const dispute = version.rule.disputeProcedure;
      if (dispute && !version.rule.noAgreementText.includes(dispute)) w.paragraph(`Streitschlichtung: ${dispute}`);

      if (version.notes?.trim()) {
        w.heading('Hinweise');
        w.paragraph(version.notes);
      }

      w.heading('Datenweitergabe an Träger (Schweigepflichtentbindung)');
      w.paragraph(
        'Ob Sie in die Weitergabe von Daten zwischen dem Jobcenter und Trägern von Angeboten einwilligen (Schweigepflichtentbindung), ' +
          `entscheiden Sie freiwillig. Eine solche Einwilligung ist nicht Bestandteil ${DOCUMENT_NOUN_DE[version.kind]}; sie wird gesondert erklärt ` +
          'und kann jederzeit mit Wirkung für die Zukunft widerrufen werden. Die Ablehnung oder der Widerruf ist keine Pflichtverletzung ' +
          'und führt nicht zu einer Leistungsminderung.',
      );

      if (version.kind === 'verwaltungsakt') remedyBlock(w, input);
      else signatureBlock(w, input);

      decoratePages(doc, input);
      doc.end();
    } catch (error) {
      reject(error);
    }
  });
}
