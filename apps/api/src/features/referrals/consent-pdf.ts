/**
 * The consent (Schweigepflichtentbindung) as a printable German form (SPEC C8): who consents, to whom
 * the Jobcenter may pass which information and for what purpose, for how long, in which form, what
 * the person was counselled on, how to revoke, and signature lines. It prints exactly what is on
 * record: every category, the covered ones and the ones not covered.
 *
 * Like the agreement PDF it is built with the shared PDF kit (`../pdf/kit`), on the PDF base fonts
 * (WinAnsi); every string goes through `toWinAnsi` so that text the encoding cannot show does not turn
 * into garbage.
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
  renderPdf,
  signatureLines,
  type TextStyle,
  toWinAnsi,
} from '../pdf/kit';

export interface ConsentPdfInput {
  tenantName: string;
  person: PdfPerson;
  provider: { name: string; street: string | null; houseNumber: string | null; postalCode: string | null; city: string | null };
  consent: Consent;
  /** ISO date the form is printed; also the PDF's creation date, so the output is reproducible. */
  printedOn: string;
}

const SIZE = { ...KIT_SIZE, body: 10.5, heading: 12, title: 16 } as const;
const LABEL_WIDTH = 150;
const TITLE = 'Einwilligung in die Übermittlung von Sozialdaten (Schweigepflichtentbindung)';

/** The shared writer with this form's paragraphs, headings and check-box lines. */
class Writer extends PdfWriter {
  constructor(doc: Doc) {
    super(doc, SIZE.body);
  }

  paragraph(text: string, style: TextStyle = {}, gapAfter = 6): void {
    this.writeParagraph(text, style, gapAfter);
  }

  heading(text: string): void {
    this.writeHeading(text, { size: SIZE.heading, before: 8 });
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
}

function signatures(w: Writer, input: ConsentPdfInput): void {
  signatureLines(w, {
    spaceBefore: 12,
    height: 120,
    lines: [
      { at: 30, labels: ['Ort, Datum', 'Ort, Datum'] },
      { at: 85, labels: [`Unterschrift ${fullName(input.person)}`, `Unterschrift Jobcenter (${input.consent.recordedBy.displayName})`] },
    ],
  });
}

/** Renders the consent as an A4 PDF; resolves with the file's bytes. */
export function renderConsentPdf(input: ConsentPdfInput): Promise<Buffer> {
  const { consent, person, provider } = input;
  const spec = {
    printedOn: input.printedOn,
    info: {
      Title: toWinAnsi(`Schweigepflichtentbindung – ${fullName(person)} – ${provider.name}`),
      Author: toWinAnsi(input.tenantName),
      Subject: toWinAnsi(TITLE),
    },
    person,
  };
  return renderPdf(spec, (doc) => {
    const w = new Writer(doc);
    w.style({ font: FONT.bold, size: 14, color: COLOR.accent });
    w.write(input.tenantName);
    w.style({ size: SIZE.small, color: COLOR.muted });
    w.write('Fallmanagement');
    doc.y += 6;
    w.rule(doc.y, COLOR.accent, 1.2);
    doc.y += 14;

    w.style({ font: FONT.bold, size: SIZE.title, color: COLOR.accent });
    w.write(TITLE);
    doc.y += 10;

    w.heading('Ich, die einwilligende Person');
    w.rows(
      [
        ['Name', fullName(person)],
        ['Geburtsdatum', formatDateDe(person.birthDate)],
        ['Kundennummer', person.customerNumber],
        ['Anschrift', addressOf(person) ?? '–'],
      ],
      LABEL_WIDTH,
    );

    w.heading('entbinde das Jobcenter von der Schweigepflicht gegenüber');
    w.rows(
      [
        ['Stelle (Träger)', provider.name],
        ['Anschrift', addressOf(provider) ?? '–'],
        ['Jobcenter', input.tenantName],
      ],
      LABEL_WIDTH,
    );
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
    w.rows(rows, LABEL_WIDTH);

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

    signatures(w, input);
  });
}
