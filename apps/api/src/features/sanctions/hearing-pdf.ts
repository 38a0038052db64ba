/**
 * The hearing letter (Anhörung nach § 24 SGB X) before a decision on a sanction (SPEC C16): what the
 * Jobcenter found, which duty it concerns and how it was set, the possible legal consequence under the
 * rule of the breach date, and until when the person can answer – with the invitation to name an
 * important reason or circumstances that speak against a reduction. Built with the shared PDF kit.
 */
import type { SanctionDuty } from '@lotse/contracts';
import type { BreachKind, SanctionRule } from '@lotse/domain';
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
  type TextStyle,
} from '../pdf/kit';

export interface HearingLetterInput {
  tenantName: string;
  person: PdfPerson;
  caseManager: { name: string; email: string | null };
  duty: SanctionDuty;
  kind: BreachKind;
  breachOn: string;
  breachDescription: string;
  rule: Pick<SanctionRule, 'title' | 'legalBasis'>;
  /** The letter's date (also the PDF's creation date, so the output is reproducible). */
  sentOn: string;
  deadline: string;
}

const SIZE = { ...KIT_SIZE, body: 10.5, heading: 12, title: 15 } as const;
const LABEL_WIDTH = 150;
export const HEARING_LETTER_TITLE = 'Anhörung nach § 24 SGB X vor einer möglichen Leistungsminderung';

class Writer extends PdfWriter {
  constructor(doc: Doc) {
    super(doc, SIZE.body);
  }

  paragraph(text: string, style: TextStyle = {}, gapAfter = 7): void {
    this.writeParagraph(text, style, gapAfter);
  }

  heading(text: string): void {
    this.writeHeading(text, { size: SIZE.heading, before: 6 });
  }
}

/** Renders the hearing letter as an A4 PDF; resolves with the file's bytes. */
export function renderHearingLetter(input: HearingLetterInput): Promise<Buffer> {
  const { person, duty } = input;
  const name = fullName(person);
  const missed = input.kind === 'missed_appointment';
  const spec = {
    printedOn: input.sentOn,
    info: { Title: `${HEARING_LETTER_TITLE} – ${name}`, Author: input.tenantName, Subject: HEARING_LETTER_TITLE },
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

    w.style();
    w.write(name);
    const address = addressOf(person);
    if (address) for (const line of address.split(', ')) w.write(line);
    doc.y += 10;
    w.rows(
      [
        ['Datum', formatDateDe(input.sentOn)],
        ['Kundennummer', person.customerNumber],
        ['Ansprechperson', input.caseManager.email ? `${input.caseManager.name} (${input.caseManager.email})` : input.caseManager.name],
      ],
      LABEL_WIDTH,
    );
    doc.y += 10;

    w.style({ font: FONT.bold, size: SIZE.title, color: COLOR.accent });
    w.write(HEARING_LETTER_TITLE);
    doc.y += 10;

    w.paragraph(`Guten Tag ${name},`);
    w.paragraph(
      missed
        ? `nach unseren Unterlagen haben Sie den Termin am ${formatDateDe(input.breachOn)} nicht wahrgenommen, zu dem wir Sie eingeladen hatten.`
        : `nach unseren Unterlagen haben Sie am ${formatDateDe(input.breachOn)} eine Pflicht nicht erfüllt, die für Sie festgelegt war.`,
    );

    w.heading(missed ? 'Um diesen Termin geht es' : 'Um diese Pflicht geht es');
    const rows: Array<[string, string]> = [
      [missed ? 'Einladung' : 'Pflicht', duty.description],
      ['Festgelegt durch', `${duty.formLabel}, am ${formatDateDe(duty.setOn)}`],
    ];
    if (duty.appointmentOn) rows.push(['Termin', formatDateDe(duty.appointmentOn)]);
    rows.push(['Rechtsfolgenbelehrung', duty.legalConsequencesNotice ? 'erteilt' : 'nicht erteilt']);
    rows.push(['Was wir festgestellt haben', input.breachDescription]);
    w.rows(rows, LABEL_WIDTH);

    w.heading('Mögliche Rechtsfolge');
    w.paragraph(
      `Wenn Sie keinen wichtigen Grund für Ihr Verhalten hatten, kann Ihr Regelbedarf gemindert werden (${input.rule.legalBasis}; ` +
        `Rechtsstand: ${input.rule.title}). Über Höhe und Dauer entscheiden wir erst nach Ihrer Antwort, im Einzelfall.`,
    );

    w.heading('Ihre Möglichkeit, sich zu äußern');
    w.paragraph(
      `Bevor wir entscheiden, geben wir Ihnen Gelegenheit, sich zu äußern. Bitte teilen Sie uns bis zum ${formatDateDe(input.deadline)} mit, ` +
        'ob Sie einen wichtigen Grund hatten (zum Beispiel Krankheit, die Betreuung eines Kindes oder eine Arbeitsaufnahme), und legen Sie ' +
        'Nachweise bei, soweit Sie welche haben (zum Beispiel eine Arbeitsunfähigkeitsbescheinigung).',
    );
    w.paragraph(
      'Teilen Sie uns bitte auch mit, wenn eine Minderung für Sie eine außergewöhnliche Härte bedeuten würde oder wenn es andere Umstände gibt, ' +
        'die wir kennen sollten – etwa eine laufende Beratung oder Behandlung. Sie können sich schriftlich, per E-Mail oder persönlich äußern; ' +
        'gern können Sie auch einen Termin mit uns vereinbaren.',
    );
    w.paragraph(
      `Wenn wir bis zum ${formatDateDe(input.deadline)} nichts von Ihnen hören, entscheiden wir auf Grundlage der Unterlagen, die uns vorliegen.`,
    );

    // The closing stays together (and on the first page while it fits there).
    doc.y += 4;
    w.ensureSpace(2 * w.lineHeight() + 8);
    w.paragraph('Mit freundlichen Grüßen', {}, 2);
    w.paragraph(input.caseManager.name, {}, 0);
  });
}
