/**
 * The consent (Schweigepflichtentbindung) as a printable German form (SPEC C8): who consents, to whom
 * the Jobcenter may pass which information and for what purpose, for how long, in which form, what
 * the person was counselled on, how to revoke, and signature lines. It prints exactly what is on
 * record: every category, the covered ones and the ones not covered.
 *
 * Like the agreement PDF it uses only the PDF base fonts (WinAnsi); every string goes through
 * `toWinAnsi` so that text the encoding cannot show does not turn into garbage.
 */
import type { Consent } from '@lotse/contracts';
import {
  CONSENT_CATEGORIES,
  CONSENT_CATEGORY_LABELS_DE,
  CONSENT_COUNSELLING_LABELS_DE,
  CONSENT_COUNSELLING_POINTS,
  CONSENT_FORM_LABELS_DE,
  CONSENT_STATE_LABELS_DE,
} from '@lotse/domain';
import PDFDocument from 'pdfkit';
import { formatDateDe, toWinAnsi } from '../cases/agreement-pdf';

export interface ConsentPdfInput {
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
  provider: { name: string; street: string | null; houseNumber: string | null; postalCode: string | null; city: string | null };
  consent: Consent;
  /** ISO date the form is printed; also the PDF's creation date, so the output is reproducible. */
  printedOn: string;
}

type Doc = PDFKit.PDFDocument;

const MARGIN = 56;
const MARGIN_BOTTOM = 72;
const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' } as const;
const SIZE = { body: 10.5, small: 9, footer: 8.5, heading: 12, title: 16 } as const;
const COLOR = { text: '#1a1a1a', muted: '#555555', accent: '#1f3a5f', rule: '#b8c2cc', box: '#eef2f6' } as const;
const LINE_GAP = 2.5;
const TITLE = 'Einwilligung in die Übermittlung von Sozialdaten (Schweigepflichtentbindung)';

function fullName(person: { firstName: string; lastName: string }): string {
  return `${person.firstName} ${person.lastName}`.trim();
}

function addressOf(a: {
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

class Writer {
  constructor(readonly doc: Doc) {}

  get left(): number {
    return this.doc.page.margins.left;
  }
  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  style({ font = FONT.regular as string, size = SIZE.body as number, color = COLOR.text as string } = {}): this {
    this.doc.font(font).fontSize(size).fillColor(color);
    return this;
  }

  measure(text: string, width: number): number {
    return this.doc.heightOfString(toWinAnsi(text), { width, lineGap: LINE_GAP });
  }

  ensureSpace(height: number): void {
    if (this.doc.y + height > this.doc.page.maxY()) this.doc.addPage();
  }

  write(text: string, x = this.left, width = this.width - (x - this.left)): void {
    this.doc.text(toWinAnsi(text), x, this.doc.y, { width, lineGap: LINE_GAP });
  }

  paragraph(text: string, style: Parameters<Writer['style']>[0] = {}, gapAfter = 6): void {
    this.style(style);
    this.ensureSpace(Math.min(this.measure(text, this.width), 30));
    this.write(text);
    this.doc.y += gapAfter;
    this.style();
  }

  heading(text: string): void {
    this.doc.y += 8;
    this.style({ font: FONT.bold, size: SIZE.heading, color: COLOR.accent });
    this.ensureSpace(this.measure(text, this.width) + 40);
    this.write(text);
    this.doc.y += 3;
    this.style();
  }

  /** A bulleted line with a hanging indent. */
  bullet(text: string, marker = '•'): void {
    const indent = 16;
    this.style();
    this.ensureSpace(this.measure(text, this.width - indent));
    const top = this.doc.y;
    this.doc.text(toWinAnsi(marker), this.left, top, { lineBreak: false });
    this.doc.y = top;
    this.write(text, this.left + indent, this.width - indent);
    this.doc.y += 2;
  }

  rows(rows: ReadonlyArray<readonly [string, string]>, labelWidth = 150): void {
    for (const [label, value] of rows) {
      this.style({ font: FONT.bold });
      const labelHeight = this.measure(label, labelWidth - 8);
      this.style();
      this.ensureSpace(Math.max(labelHeight, this.measure(value, this.width - labelWidth)));
      const top = this.doc.y;
      this.style({ font: FONT.bold });
      this.write(label, this.left, labelWidth - 8);
      const afterLabel = this.doc.y;
      this.style();
      this.doc.y = top;
      this.write(value, this.left + labelWidth, this.width - labelWidth);
      this.doc.y = Math.max(this.doc.y, afterLabel) + 3;
    }
  }
}

function signatureLines(w: Writer, input: ConsentPdfInput): void {
  const { doc } = w;
  const gap = 36;
  const columnWidth = (w.width - gap) / 2;
  const columns = [w.left, w.left + columnWidth + gap];
  const height = 120;
  doc.y += 12;
  w.ensureSpace(height);
  const top = doc.y;
  const line = (lineY: number, labels: [string, string]) => {
    columns.forEach((x, index) => {
      doc
        .moveTo(x, lineY)
        .lineTo(x + columnWidth, lineY)
        .lineWidth(0.8)
        .strokeColor(COLOR.text)
        .stroke();
      w.style({ size: SIZE.small, color: COLOR.muted });
      doc.text(toWinAnsi(labels[index] ?? ''), x, lineY + 4, { width: columnWidth, lineGap: 1 });
    });
  };
  line(top + 30, ['Ort, Datum', 'Ort, Datum']);
  line(top + 85, [`Unterschrift ${fullName(input.person)}`, `Unterschrift Jobcenter (${input.consent.recordedBy.displayName})`]);
  doc.y = top + height;
  w.style();
}

function decoratePages(doc: Doc, input: ConsentPdfInput): void {
  const range = doc.bufferedPageRange();
  const printed = `Erstellt am ${formatDateDe(input.printedOn)}`;
  const reference = toWinAnsi(`${fullName(input.person)} · Kundennummer ${input.person.customerNumber}`);
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const page = doc.page;
    const savedBottom = page.margins.bottom;
    page.margins.bottom = 0;
    const left = page.margins.left;
    const right = page.width - page.margins.right;
    const footerY = page.height - 44;
    doc.font(FONT.regular).fontSize(SIZE.footer).fillColor(COLOR.muted);
    doc
      .moveTo(left, footerY - 8)
      .lineTo(right, footerY - 8)
      .lineWidth(0.5)
      .strokeColor(COLOR.rule)
      .stroke();
    const pageLabel = `Seite ${index - range.start + 1} von ${range.count}`;
    doc.text(printed, left, footerY, { lineBreak: false });
    doc.text(pageLabel, right - doc.widthOfString(pageLabel), footerY, { lineBreak: false });
    const room = right - left - doc.widthOfString(printed) - doc.widthOfString(pageLabel) - 40;
    if (doc.widthOfString(reference) <= room) {
      doc.text(reference, left + (right - left - doc.widthOfString(reference)) / 2, footerY, { lineBreak: false });
    }
    page.margins.bottom = savedBottom;
  }
}

/** Renders the consent as an A4 PDF; resolves with the file's bytes. */
export function renderConsentPdf(input: ConsentPdfInput): Promise<Buffer> {
  const { consent, person, provider } = input;
  const created = new Date(`${input.printedOn}T00:00:00Z`);
  if (Number.isNaN(created.getTime())) throw new Error(`Ungültiges Datum für das Dokument: ${input.printedOn}`);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN_BOTTOM },
    bufferPages: true,
    font: FONT.regular,
    lang: 'de-DE',
    displayTitle: true,
    info: {
      Title: toWinAnsi(`Schweigepflichtentbindung – ${fullName(person)} – ${provider.name}`),
      Author: toWinAnsi(input.tenantName),
      Subject: toWinAnsi(TITLE),
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
      w.style({ font: FONT.bold, size: 14, color: COLOR.accent });
      w.write(input.tenantName);
      w.style({ size: SIZE.small, color: COLOR.muted });
      w.write('Fallmanagement');
      doc.y += 6;
      doc
        .moveTo(w.left, doc.y)
        .lineTo(w.left + w.width, doc.y)
        .lineWidth(1.2)
        .strokeColor(COLOR.accent)
        .stroke();
      doc.y += 14;

      w.style({ font: FONT.bold, size: SIZE.title, color: COLOR.accent });
      w.write(TITLE);
      doc.y += 10;

      w.heading('Ich, die einwilligende Person');
      w.rows([
        ['Name', fullName(person)],
        ['Geburtsdatum', formatDateDe(person.birthDate)],
        ['Kundennummer', person.customerNumber],
        ['Anschrift', addressOf(person) ?? '–'],
      ]);

      w.heading('entbinde das Jobcenter von der Schweigepflicht gegenüber');
      w.rows([
        ['Stelle (Träger)', provider.name],
        ['Anschrift', addressOf(provider) ?? '–'],
        ['Jobcenter', input.tenantName],
      ]);
      w.paragraph(
        'Das Jobcenter und der genannte Träger dürfen die unten angekreuzten Angaben über mich austauschen, soweit es für den genannten Zweck erforderlich ist. ' +
          'Andere Angaben werden nicht übermittelt.',
      );

      const covered = CONSENT_CATEGORIES.filter((c) => consent.categories.includes(c));
      const notCovered = CONSENT_CATEGORIES.filter((c) => !consent.categories.includes(c));
      w.heading('Umfang: Diese Angaben dürfen übermittelt werden');
      for (const category of covered) w.bullet(`[X] ${CONSENT_CATEGORY_LABELS_DE[category]}`, '');
      w.heading('Diese Angaben sind nicht umfasst und werden nicht übermittelt');
      if (notCovered.length === 0) w.paragraph('Keine – die Einwilligung umfasst alle Kategorien.', { color: COLOR.muted });
      for (const category of notCovered) w.bullet(`[  ] ${CONSENT_CATEGORY_LABELS_DE[category]} (nicht umfasst)`, '');

      w.heading('Zweck');
      w.paragraph(consent.purpose);

      w.heading('Gültigkeit und Form');
      const rows: Array<[string, string]> = [
        ['Erteilt am', formatDateDe(consent.givenOn)],
        ['Gültig bis', consent.validUntil ? formatDateDe(consent.validUntil) : 'bis auf Widerruf'],
        ['Form der Einwilligung', CONSENT_FORM_LABELS_DE[consent.form]],
        ['Aufgenommen von', consent.recordedBy.displayName],
      ];
      if (consent.revokedOn) {
        rows.push(['Widerrufen am', formatDateDe(consent.revokedOn)]);
        if (consent.revocationNote) rows.push(['Vermerk zum Widerruf', consent.revocationNote]);
      }
      rows.push([`Stand am ${formatDateDe(input.printedOn)}`, CONSENT_STATE_LABELS_DE[consent.state]]);
      w.rows(rows);

      w.heading('Ich wurde vorher beraten über');
      for (const point of CONSENT_COUNSELLING_POINTS) {
        const done = consent.counselled.includes(point);
        w.bullet(`${done ? '[X]' : '[  ]'} ${CONSENT_COUNSELLING_LABELS_DE[point]}`, '');
      }

      w.heading('Freiwilligkeit und Widerruf');
      w.paragraph(
        'Die Einwilligung ist freiwillig. Wenn ich sie nicht erteile oder widerrufe, entstehen mir daraus keine Nachteile; ' +
          'insbesondere ist das keine Pflichtverletzung und führt nicht zu einer Leistungsminderung. ' +
          'Ich kann die Einwilligung jederzeit ganz oder teilweise mit Wirkung für die Zukunft widerrufen – mündlich, schriftlich oder elektronisch ' +
          `gegenüber dem ${input.tenantName}. Ab dem Widerruf werden keine Angaben mehr zwischen dem Jobcenter und dem Träger ausgetauscht; ` +
          'die Rechtmäßigkeit der bis dahin erfolgten Übermittlungen bleibt unberührt.',
      );

      signatureLines(w, input);
      decoratePages(doc, input);
      doc.end();
    } catch (error) {
      reject(error);
    }
  });
}
