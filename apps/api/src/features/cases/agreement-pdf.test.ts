import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AgreementVersion } from '@lotse/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDateDe, toWinAnsi } from '../pdf/kit';
import { type AgreementPdfInput, renderAgreementPdf } from './agreement-pdf';

// The three rules as seeded by the migration (agreement_rules).
const RULES = {
  egv: {
    id: '6f1d7a52-0c8e-4a5b-9c11-3a0d2e7b1001',
    code: 'egv_sgb2_2005',
    title: 'Eingliederungsvereinbarung (§ 15 SGB II a. F.)',
    validFrom: '2005-01-01',
    validTo: '2023-06-30',
    agreedKind: 'egv',
    fallbackKind: 'verwaltungsakt',
    legallyBinding: true,
    dutiesSanctionable: true,
    disputeProcedure: null,
    reviewWithinMonths: 6,
    legalBasis: '§ 15 SGB II in der bis 30.06.2023 geltenden Fassung',
    noAgreementText:
      'Kommt eine Eingliederungsvereinbarung nicht zustande, sollen die Regelungen durch Verwaltungsakt erfolgen (§ 15 Abs. 3 Satz 3 SGB II a. F.).',
    sourceNote: 'SGB II in der Fassung bis 30.06.2023.',
  },
  kooperationsplan2023: {
    id: '6f1d7a52-0c8e-4a5b-9c11-3a0d2e7b1002',
    code: 'kooperationsplan_2023',
    title: 'Kooperationsplan (Bürgergeld, § 15 SGB II)',
    validFrom: '2023-07-01',
    validTo: '2026-06-30',
    agreedKind: 'kooperationsplan',
    fallbackKind: null,
    legallyBinding: false,
    dutiesSanctionable: false,
    disputeProcedure: 'Schlichtungsverfahren (§ 15a SGB II)',
    reviewWithinMonths: 6,
    legalBasis: '§§ 15, 15a SGB II in der Fassung des Bürgergeld-Gesetzes vom 16.12.2022 (BGBl. I S. 2328)',
    noAgreementText:
      'Kommt ein Kooperationsplan nicht zustande oder wird er nicht fortgeschrieben, kann ein Schlichtungsverfahren (§ 15a SGB II) verlangt werden. Pflichten werden nur durch gesonderte Aufforderung zur Mitwirkung mit Rechtsfolgenbelehrung festgelegt; der Kooperationsplan selbst ist rechtlich nicht verbindlich.',
    sourceNote: 'Bürgergeld-Gesetz, in Kraft seit 01.07.2023.',
  },
  grundsicherung2026: {
    id: '6f1d7a52-0c8e-4a5b-9c11-3a0d2e7b1003',
    code: 'grundsicherung_2026',
    title: 'Kooperationsplan mit persönlichem Angebot (Neue Grundsicherung)',
    validFrom: '2026-07-01',
    validTo: null,
    agreedKind: 'kooperationsplan',
    fallbackKind: 'verwaltungsakt',
    legallyBinding: false,
    dutiesSanctionable: false,
    disputeProcedure: null,
    reviewWithinMonths: 6,
    legalBasis: '§ 15 SGB II in der ab 01.07.2026 geltenden Fassung (Neue Grundsicherung / Grundsicherungsgeld)',
    noAgreementText:
      'Kommt ein Kooperationsplan nicht zustande, werden die erforderlichen Pflichten durch Verwaltungsakt festgelegt; eine Pflichtverletzung kann dann zu einer Leistungsminderung führen.',
    sourceNote: 'Gesetz zur Neuen Grundsicherung, Übergang ab 01.07.2026.',
  },
} satisfies Record<string, AgreementVersion['rule']>;

const GOALS = [
  { id: '0b5c1f0e-0000-4000-8000-000000000001', title: 'Stabile Wohnsituation' },
  { id: '0b5c1f0e-0000-4000-8000-000000000002', title: 'Aufnahme einer Beschäftigung' },
];
const [HOUSING, WORK] = GOALS.map((goal) => goal.id) as [string, string];

function version(overrides: Partial<AgreementVersion>): AgreementVersion {
  return {
    id: '7a000000-0000-4000-8000-000000000001',
    versionNo: 1,
    kind: 'egv',
    reached: true,
    rule: RULES.egv,
    agreedOn: '2022-11-15',
    validUntil: '2023-05-14',
    reviewOn: '2023-04-30',
    duties: [
      { kind: 'applications', text: 'Sie bewerben sich monatlich auf mindestens fünf Stellen und weisen dies nach.', goalId: WORK },
      { kind: 'counselling_attendance', text: 'Sie nehmen die Schuldnerberatung „Neustart“ wahr.', goalId: HOUSING },
      { kind: 'documents', text: 'Sie legen den Mietvertrag vor.', goalId: null },
    ],
    commitments: [
      { text: 'Das Jobcenter übernimmt die Fahrkosten zu Vorstellungsgesprächen (§ 16 SGB II i. V. m. § 44 SGB III).', goalId: WORK },
      { text: 'Vermittlung in die Wohnungsnotfallhilfe des Trägers Lotsenhaus e. V.', goalId: HOUSING },
    ],
    personalOffer: null,
    notes: null,
    createdBy: { id: '7a000000-0000-4000-8000-0000000000cc', displayName: 'Anna Beispiel' },
    createdAt: '2022-11-15T10:00:00.000Z',
    changes: [],
    ...overrides,
  };
}

function input(v: AgreementVersion, overrides: Partial<AgreementPdfInput> = {}): AgreementPdfInput {
  return {
    tenantName: 'Jobcenter Lotsenbach',
    person: {
      firstName: 'Jürgen',
      lastName: 'Müller-Lüdenscheidt',
      customerNumber: '123D000001',
      birthDate: '1975-04-12',
      street: 'Bahnhofstraße',
      houseNumber: '3a',
      postalCode: '34567',
      city: 'Lotsenbach',
    },
    caseManager: { displayName: 'Anna Beispiel' },
    version: v,
    goals: GOALS,
    printedOn: '2024-03-05',
    ...overrides,
  };
}

let dir: string;
let fileNo = 0;

/** Runs a poppler tool on the PDF. Never skips: without poppler-utils every PDF test fails with this hint. */
function pdfTool(tool: 'pdftotext' | 'pdfinfo', pdf: Buffer, args: string[] = []): string {
  const file = join(dir, `agreement-${++fileNo}.pdf`);
  writeFileSync(file, pdf);
  try {
    return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${tool} fehlt: bitte poppler-utils installieren (apt-get install -y poppler-utils); .ci/run tut das.`);
    }
    throw error;
  }
}
const pdfText = (pdf: Buffer) => pdfTool('pdftotext', pdf, ['-layout']);
interface WordBox {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}
/** Every word with its box (pdftotext -bbox), to check that nothing overlaps or runs off the page. */
function wordBoxes(pdf: Buffer): { pages: Array<{ width: number; height: number }>; words: WordBox[] } {
  const html = pdfTool('pdftotext', pdf, ['-bbox']);
  const pages = [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">/g)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
  const words: WordBox[] = [];
  html
    .split(/<page /)
    .slice(1)
    .forEach((chunk, page) => {
      for (const m of chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
        words.push({ page, text: m[5] ?? '', xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) });
      }
    });
  return { pages, words };
}

/** Text with line breaks and layout spacing collapsed, for sentences that wrap. */
const flat = (text: string) => text.replace(/(\p{L})-\s+(\p{L})/gu, '$1-$2').replace(/\s+/g, ' ');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lotse-agreement-pdf-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('renderAgreementPdf', () => {
  it('renders an Eingliederungsvereinbarung with parties, dates, items, goals and signature lines', async () => {
    const pdf = await renderAgreementPdf(input(version({})));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);

    expect(text).toContain('Jobcenter Lotsenbach');
    expect(text).toContain('Fallmanagement');
    expect(text).toContain('Eingliederungsvereinbarung – Fassung 1');
    // Parties.
    expect(text).toMatch(/Zwischen\s+Jobcenter Lotsenbach/);
    expect(text).toContain('vertreten durch Anna Beispiel');
    expect(text).toMatch(/und\s+Jürgen Müller-Lüdenscheidt/);
    expect(text).toContain('Kundennummer 123D000001');
    expect(text).toContain('geboren am 12.04.1975');
    expect(text).toContain('Bahnhofstraße 3a, 34567 Lotsenbach');
    // Dates, legal basis, binding.
    expect(text).toMatch(/Vereinbart am\s+15\.11\.2022/);
    expect(text).toMatch(/Gültig bis\s+14\.05\.2023/);
    expect(text).toMatch(/Überprüfung spätestens am\s+30\.04\.2023/);
    expect(text).toContain('§ 15 SGB II in der bis 30.06.2023 geltenden Fassung');
    expect(text).toMatch(/Rechtliche Wirkung\s+rechtlich verbindlich/);
    expect(text).not.toContain('nicht verbindlich');
    // Sections with items, duty kinds and goals.
    expect(text).toContain('1. Das Jobcenter unterstützt Sie mit:');
    expect(text).toContain('2. Ihre Pflichten / Das tun Sie:');
    const flatText = flat(text);
    expect(flatText).toContain('Das Jobcenter übernimmt die Fahrkosten zu Vorstellungsgesprächen (§ 16 SGB II i. V. m. § 44 SGB III).');
    expect(flatText).toContain('Vermittlung in die Wohnungsnotfallhilfe des Trägers Lotsenhaus e. V.');
    expect(text).toContain('Bewerbungsbemühungen');
    expect(text).toContain('Beratungsangebot wahrnehmen');
    expect(text).toContain('Unterlagen vorlegen');
    expect(flatText).toContain('Sie bewerben sich monatlich auf mindestens fünf Stellen und weisen dies nach.');
    expect(flatText).toContain('Sie nehmen die Schuldnerberatung „Neustart“ wahr.');
    expect(text).toContain('Sie legen den Mietvertrag vor.');
    expect(text).toContain('(Ziel: Aufnahme einer Beschäftigung)');
    expect(text).toContain('(Ziel: Stabile Wohnsituation)');
    expect(text.match(/\(Ziel: /g)).toHaveLength(4); // the duty without a goal has none
    for (const number of ['1.1', '1.2', '2.1', '2.2', '2.3'])
      expect(text).toMatch(new RegExp(`^\\s*${number.replace('.', '\\.')}\\s`, 'm'));
    // What happens without agreement, the voluntary consent, signatures, footer.
    expect(text).toContain('Wenn keine Einigung zustande kommt');
    expect(flatText).toContain('sollen die Regelungen durch Verwaltungsakt erfolgen (§ 15 Abs. 3 Satz 3 SGB II a. F.)');
    expect(text).toContain('Schweigepflichtentbindung');
    expect(flatText).toContain('entscheiden Sie freiwillig');
    expect(flatText).toContain('nicht Bestandteil dieser Eingliederungsvereinbarung');
    expect(text).toContain('Ort, Datum');
    expect(text).toContain('Unterschrift Jobcenter');
    expect(text).toContain('Unterschrift leistungsberechtigte Person');
    expect(text).not.toContain('Rechtsbehelfsbelehrung');
    expect(text).toContain('Erstellt am 05.03.2024');
    expect(text).toMatch(/Seite 1 von \d/);
  });

  it('renders a Kooperationsplan under the 2023 rule as not binding, with the hint on Mitwirkungsaufforderung', async () => {
    const v = version({
      versionNo: 3,
      kind: 'kooperationsplan',
      rule: RULES.kooperationsplan2023,
      agreedOn: '2024-02-01',
      validUntil: '2024-07-31',
      reviewOn: '2024-06-15',
      personalOffer: 'Coaching durch Frau Özdemir im Lotsenhaus, wöchentlich dienstags.',
      notes: 'Fortschreibung nach dem Umzug: Maßnahme „Jobstarter“ endet am 30.06.2024.',
    });
    const text = pdfText(await renderAgreementPdf(input(v)));
    const flatText = flat(text);

    expect(text).toContain('Kooperationsplan – Fassung 3');
    expect(text).toContain('Kooperationsplan (Bürgergeld, § 15 SGB II)');
    expect(text).toMatch(/Vereinbart am\s+01\.02\.2024/);
    expect(text).toMatch(/Gültig bis\s+31\.07\.2024/);
    expect(text).toMatch(/Überprüfung spätestens am\s+15\.06\.2024/);
    expect(flatText).toContain('§§ 15, 15a SGB II in der Fassung des Bürgergeld-Gesetzes');
    expect(text).toMatch(/Rechtliche Wirkung\s+rechtlich nicht verbindlich/);
    expect(flatText).toContain('Dieser Kooperationsplan ist rechtlich nicht verbindlich.');
    expect(flatText).toContain('nur durch eine gesonderte Aufforderung zur Mitwirkung mit Rechtsfolgenbelehrung');
    expect(text).toContain('Persönliches Angebot');
    expect(flatText).toContain('Coaching durch Frau Özdemir im Lotsenhaus, wöchentlich dienstags.');
    expect(flatText).toContain('Schlichtungsverfahren (§ 15a SGB II)');
    expect(text).toContain('Hinweise');
    expect(flatText).toContain('Fortschreibung nach dem Umzug: Maßnahme „Jobstarter“ endet am 30.06.2024.');
    expect(flatText).toContain('nicht Bestandteil dieses Kooperationsplans');
    expect(text).toContain('Unterschrift Jobcenter');
  });

  it('renders a Verwaltungsakt (2026 fallback) as binding, with Rechtsbehelfsbelehrung and without signature lines', async () => {
    const v = version({
      versionNo: 2,
      kind: 'verwaltungsakt',
      reached: false,
      rule: RULES.grundsicherung2026,
      agreedOn: '2026-09-01',
      validUntil: '2027-02-28',
      reviewOn: '2027-01-15',
    });
    const text = pdfText(await renderAgreementPdf(input(v)));
    const flatText = flat(text);

    expect(text).toContain('Eingliederungsverwaltungsakt / Bescheid – Fassung 2');
    expect(text).toMatch(/Erlassen von\s+Jobcenter Lotsenbach/);
    expect(text).toContain('Jürgen Müller-Lüdenscheidt');
    expect(text).toMatch(/Festgelegt am\s+01\.09\.2026/);
    expect(text).not.toContain('Vereinbart am');
    expect(text).toMatch(/Gültig bis\s+28\.02\.2027/);
    expect(text).toMatch(/Überprüfung spätestens am\s+15\.01\.2027/);
    expect(text).toMatch(/Rechtliche Wirkung\s+rechtlich verbindlich \(Verwaltungsakt\)/);
    expect(flatText).toContain('§ 15 SGB II in der ab 01.07.2026 geltenden Fassung');
    expect(flatText).toContain('werden die erforderlichen Pflichten durch Verwaltungsakt festgelegt');
    expect(text).toContain('Bewerbungsbemühungen');
    expect(text).toContain('(Ziel: Stabile Wohnsituation)');
    expect(text).toContain('Rechtsbehelfsbelehrung');
    expect(flatText).toContain('innerhalb eines Monats nach Bekanntgabe Widerspruch');
    expect(flatText).toContain('(Jobcenter Lotsenbach) einzulegen');
    expect(flatText).toContain('nicht Bestandteil dieses Bescheids');
    expect(text).not.toContain('Unterschrift');
    expect(text).not.toContain('Ort, Datum');
    expect(text).not.toContain('Aufforderung zur Mitwirkung');
  });

  it('flows 30 long duties over several pages with page numbers on each', async () => {
    const long =
      'Sie nehmen an allen vereinbarten Terminen teil, melden sich bei Verhinderung vorher telefonisch oder schriftlich ab und legen ' +
      'eine Bescheinigung über die Arbeitsunfähigkeit spätestens am dritten Tag vor. Änderungen Ihrer Anschrift, Ihrer Telefonnummer ' +
      'oder Ihrer Erreichbarkeit teilen Sie dem Jobcenter unverzüglich mit, damit Einladungen und Bescheide Sie rechtzeitig erreichen.';
    const duties = Array.from({ length: 30 }, (_, index) => ({
      kind: 'appointments' as const,
      // Varying lengths, some longer than a third of a page, so items also break across pages.
      text: `Pflicht Nr. ${index + 1}: ${Array.from({ length: 1 + (index % 4) }, () => long).join(' ')}`,
      goalId: index % 2 === 0 ? WORK : HOUSING,
    }));
    const pdf = await renderAgreementPdf(input(version({ duties })));
    const text = pdfText(pdf);
    const pages = Number(/Pages:\s+(\d+)/.exec(pdfTool('pdfinfo', pdf))?.[1]);

    expect(pages).toBeGreaterThanOrEqual(6);
    expect(text).toContain('Seite 2 von');
    for (let page = 1; page <= pages; page++) expect(text).toContain(`Seite ${page} von ${pages}`);
    expect(text.match(/Erstellt am 05\.03\.2024/g)).toHaveLength(pages);
    const flatText = flat(text);
    for (let n = 1; n <= 30; n++) expect(flatText).toContain(`Pflicht Nr. ${n}: Sie nehmen`);
    expect(text).toMatch(/^\s*2\.30\s/m);
    expect(text.match(/\(Ziel: /g)).toHaveLength(32);
    expect(text).toContain('Unterschrift leistungsberechtigte Person');

    // Nothing overlaps, nothing leaves the page, and body text stays clear of the footer.
    const { pages: sizes, words } = wordBoxes(pdf);
    expect(sizes).toHaveLength(pages);
    expect(words.length).toBeGreaterThan(1000);
    for (let page = 0; page < pages; page++) {
      const size = sizes[page] as { width: number; height: number };
      const onPage = words.filter((word) => word.page === page);
      for (const word of onPage) {
        expect(word.xMin).toBeGreaterThanOrEqual(40);
        expect(word.xMax).toBeLessThanOrEqual(size.width - 40);
        expect(word.yMax).toBeLessThanOrEqual(size.height - 30);
      }
      const footerTop = size.height - 60;
      const body = onPage.filter((word) => word.yMin > 50 && word.yMin < footerTop);
      for (const word of body)
        expect(word.yMax, `"${word.text}" auf Seite ${page + 1} ragt in die Fußzeile`).toBeLessThanOrEqual(footerTop);
      for (let i = 0; i < onPage.length; i++) {
        for (let j = i + 1; j < onPage.length; j++) {
          const a = onPage[i] as WordBox;
          const b = onPage[j] as WordBox;
          const overlaps = a.xMin < b.xMax - 1 && b.xMin < a.xMax - 1 && a.yMin < b.yMax - 1 && b.yMin < a.yMax - 1;
          if (overlaps) expect.fail(`"${a.text}" überlappt "${b.text}" auf Seite ${page + 1}`);
        }
      }
    }
  });

  it('sets title, author and language and is reproducible', async () => {
    const v = version({ kind: 'kooperationsplan', rule: RULES.kooperationsplan2023, versionNo: 3 });
    const pdf = await renderAgreementPdf(input(v));
    const info = pdfTool('pdfinfo', pdf);
    expect(info).toMatch(/Title:\s+Kooperationsplan – Fassung 3 – Jürgen Müller-Lüdenscheidt/);
    expect(info).toMatch(/Author:\s+Jobcenter Lotsenbach/);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(pdf.toString('latin1')).toContain('/Lang (de-DE)');
    expect((await renderAgreementPdf(input(v))).equals(pdf)).toBe(true);
  });

  it('replaces characters the base fonts cannot show and keeps German text intact', async () => {
    expect(toWinAnsi('Grüße – „Zitat“ § 5 € ß Ä Ö Ü …')).toBe('Grüße – „Zitat“ § 5 € ß Ä Ö Ü …');
    expect(toWinAnsi('Mu\u0308ller')).toBe('Müller'); // decomposed umlaut
    expect(toWinAnsi('Şahin Łukasz Dvořák ẞ')).toBe('Sahin Lukasz Dvorák SS');
    expect(toWinAnsi('a\u2011b\u2212c\u202fd\u200be\u00adf\tg')).toBe('a-b-c def g');
    expect(toWinAnsi('Termin ✓ 😀 中')).toBe('Termin x ? ?');
    expect(toWinAnsi('Zeile 1\r\nZeile 2\u0007')).toBe('Zeile 1\nZeile 2');

    const person = { ...input(version({})).person, firstName: 'Ayşe', lastName: 'Dvořák' };
    const duties = [{ kind: 'other' as const, text: 'Rückmeldung per E‑Mail → Träger 😀 bis 10.04.', goalId: null }];
    const text = pdfText(await renderAgreementPdf(input(version({ duties }), { person })));
    expect(text).toContain('Ayse Dvorák');
    expect(text).toContain('Rückmeldung per E-Mail -> Träger ? bis 10.04.');
  });

  it('formats ISO dates the German way and rejects anything else', () => {
    expect(formatDateDe('2024-03-05')).toBe('05.03.2024');
    expect(formatDateDe('2024-03-05T10:00:00Z')).toBe('05.03.2024');
    expect(() => formatDateDe('05.03.2024')).toThrow(/Ungültiges Datum/);
  });
});
