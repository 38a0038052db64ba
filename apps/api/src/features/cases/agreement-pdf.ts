/**
 * The agreement version as a German PDF that can be handed to the person (SPEC C5): Eingliederungs-
 * vereinbarung, Kooperationsplan or Eingliederungsverwaltungsakt, with the parties, the dates, the
 * Jobcenter's commitments and the person's duties, what happens without an agreement, and signature
 * lines (or, for an administrative act, a Rechtsbehelfsbelehrung).
 *
 * Text, page flow, signature lines and footer come from the shared PDF kit (`../pdf/kit`); every string
 * goes through `typeset`, which is `toWinAnsi` that also keeps "§ 15" and "200 €" on one line.
 */
import type { AgreementVersion } from '@lotse/contracts';
import { AGREEMENT_KIND_LABELS_DE, DUTY_KIND_LABELS_DE } from '@lotse/domain';
import {
  addressOf,
  COLOR,
  type Doc,
  FONT,
  formatDateDe,
  fullName,
  SIZE as KIT_SIZE,
  type PdfPerson,
  PdfWriter,
  type RowsOptions,
  renderPdf,
  signatureLines,
  type TextStyle,
  toWinAnsi,
} from '../pdf/kit';

export interface AgreementPdfInput {
  /** Name of the Jobcenter, e.g. "Jobcenter Lotsenbach". */
  tenantName: string;
  person: PdfPerson;
  caseManager: { displayName: string };
  version: AgreementVersion;
  /** Goals of the help plan, to name the goal a duty or commitment serves. */
  goals: Array<{ id: string; title: string }>;
  /** ISO date (or date-time) the document is printed; also the PDF creation date, so output is reproducible. */
  printedOn: string;
}

type Kind = AgreementVersion['kind'];

const SIZE = { ...KIT_SIZE, body: 11, heading: 12.5, title: 18 } as const;
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

/** Keeps "§ 15" and "200 €" together on one line (non-breaking space, which WinAnsi has). */
function typeset(text: string): string {
  return toWinAnsi(text)
    .replace(/(§§?) (?=\S)/g, '$1\u00a0')
    .replace(/(\d) (?=€)/g, '$1\u00a0');
}

// ——— Layout helpers ———

/** The shared writer with this document's paragraphs, headings, rows and numbered items. */
class Writer extends PdfWriter {
  constructor(doc: Doc) {
    super(doc, SIZE.body, typeset);
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

  /** Label/value rows, e.g. the parties or the dates; returns the height they take at `width`. */
  measureRows(rows: ReadonlyArray<readonly [string, string]>, labelWidth: number, width: number): number {
    return rows.reduce((sum, [label, value]) => sum + (this.rowHeight(label, value, labelWidth, width) + 3), 0);
  }

  /** Label/value rows; a row that does not fit starts on the next page unless two lines of it fit. */
  override rows(rows: ReadonlyArray<readonly [string, string]>, labelWidth: number, options: RowsOptions = {}): void {
    super.rows(rows, labelWidth, { room: (height) => Math.min(height + 3, 2 * this.lineHeight()), ...options });
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
  w.rows(rows, labelWidth, { x: w.left + padding, width: innerWidth });
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
  signatureLines(w, {
    spaceBefore: 16,
    height: 150,
    lines: [
      { at: 34, labels: ['Ort, Datum', 'Ort, Datum'] },
      {
        at: 100,
        labels: ['Unterschrift Jobcenter', 'Unterschrift leistungsberechtigte Person'],
        names: [input.caseManager.displayName, fullName(input.person)],
      },
    ],
  });
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

/** Renders the agreement version as an A4 PDF; resolves with the file's bytes. */
export function renderAgreementPdf(input: AgreementPdfInput): Promise<Buffer> {
  const { version } = input;
  const spec = {
    printedOn: input.printedOn,
    info: { Title: `${documentTitle(version)} – ${fullName(input.person)}`, Author: input.tenantName, Subject: version.rule.title },
    person: input.person,
    shortenReference: true,
    runningHeader: [input.tenantName, documentTitle(version)] as [string, string],
  };
  return renderPdf(spec, (doc) => {
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
  });
}
