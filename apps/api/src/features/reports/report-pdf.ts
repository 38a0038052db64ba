/**
 * The provider report (seed 000 §9) as a German A4 PDF: the Jobcenter, offer, provider and year, then
 * the results statistics, the proof of use of funds, the people counselled, the trends against the
 * prior year and the definitions. Built with the shared PDF kit (base fonts, WinAnsi-safe text).
 */
import type { ProviderReport, ReportFigure } from '@lotse/contracts';
import { formatReportChange, formatReportChangePercent, formatReportCount, formatReportValue } from '@lotse/domain';
import { COLOR, type Doc, FONT, formatDateDe, SIZE as KIT_SIZE, PdfWriter, renderPdf, type TextStyle, toWinAnsi } from '../pdf/kit';

const SIZE = { ...KIT_SIZE, body: 9.5, table: 9, heading: 12, title: 17 } as const;
const CELL_PADDING = 3;

type Align = 'left' | 'right';
interface TableColumn {
  header: string;
  /** Share of the text width. */
  width: number;
  align: Align;
}

class ReportWriter extends PdfWriter {
  constructor(doc: Doc) {
    super(doc, SIZE.body);
  }

  paragraph(text: string, style: TextStyle = {}, gapAfter = 6): void {
    this.writeParagraph(text, style, gapAfter);
  }

  heading(text: string, level: 1 | 2 = 1): void {
    // A heading keeps room for a few table rows below it.
    this.writeHeading(text, {
      size: level === 1 ? SIZE.heading : SIZE.body + 0.5,
      before: level === 1 ? 10 : 6,
      color: level === 1 ? COLOR.accent : COLOR.text,
      keep: 60,
    });
  }

  private cellHeight(cells: readonly string[], columns: readonly TableColumn[]): number {
    return Math.max(...cells.map((cell, i) => this.measure(cell, this.width * (columns[i]?.width ?? 0) - 2 * CELL_PADDING)));
  }

  private row(cells: readonly string[], columns: readonly TableColumn[], bold: boolean): void {
    this.style({ font: bold ? FONT.bold : FONT.regular, size: SIZE.table });
    const height = this.cellHeight(cells, columns);
    const top = this.doc.y;
    let x = this.left;
    cells.forEach((cell, i) => {
      const column = columns[i] as TableColumn;
      const width = this.width * column.width;
      this.doc.text(toWinAnsi(cell), x + CELL_PADDING, top + CELL_PADDING, {
        width: width - 2 * CELL_PADDING,
        align: column.align,
        lineGap: 2.5,
      });
      x += width;
    });
    this.doc.y = top + height + 2 * CELL_PADDING;
    this.rule(this.doc.y, bold ? COLOR.text : COLOR.rule, bold ? 0.8 : 0.4);
  }

  /** A table with a bold header row that is repeated on every new page. */
  table(columns: readonly TableColumn[], rows: ReadonlyArray<readonly string[]>): void {
    const headers = columns.map((c) => c.header);
    this.style({ font: FONT.bold, size: SIZE.table });
    this.ensureSpace(this.cellHeight(headers, columns) * 3 + 6 * CELL_PADDING);
    this.row(headers, columns, true);
    for (const cells of rows) {
      this.style({ size: SIZE.table });
      const needed = this.cellHeight(cells, columns) + 2 * CELL_PADDING;
      if (this.doc.y + needed > this.bottom) {
        this.doc.addPage();
        this.row(headers, columns, true);
      }
      this.row(cells, columns, false);
    }
    this.doc.y += 4;
    this.style();
  }
}

function figureTable(w: ReportWriter, report: ProviderReport, figures: readonly ReportFigure[], withPercent = false): void {
  const columns: TableColumn[] = [
    { header: 'Kennzahl', width: withPercent ? 0.36 : 0.43, align: 'left' },
    { header: String(report.year), width: 0.17, align: 'right' },
    { header: String(report.priorYear), width: 0.17, align: 'right' },
    { header: 'Veränderung', width: withPercent ? 0.17 : 0.23, align: 'right' },
  ];
  if (withPercent) columns.push({ header: 'in %', width: 0.13, align: 'right' });
  w.table(
    columns,
    figures.map((f) => {
      const cells = [
        f.label,
        formatReportValue(f.current, f.unit),
        formatReportValue(f.prior, f.unit),
        formatReportChange(f.change, f.unit),
      ];
      if (withPercent) cells.push(formatReportChangePercent(f.changePercent, f.unit));
      return cells;
    }),
  );
}

/** Renders the provider report as an A4 PDF; resolves with the file's bytes. */
export function renderProviderReportPdf(report: ProviderReport): Promise<Buffer> {
  const title = `Trägerbericht ${report.year}`;
  const spec = {
    printedOn: report.createdOn,
    info: {
      Title: toWinAnsi(`${title} – ${report.offer.name} – ${report.provider.name}`),
      Author: toWinAnsi(report.jobcenter.name),
      Subject: 'Regelmäßiger Bericht: Ergebnisstatistik, Verwendungsnachweis, sozio-demografische Angaben, Entwicklungstendenzen',
    },
    reference: `${report.offer.name} · ${report.provider.name} · ${report.year}`,
    shortenReference: true,
    runningHeader: [report.jobcenter.name, `${title} · ${report.offer.name}`] as [string, string],
  };
  const minimum = report.suppression.minimum;
  return renderPdf(spec, (doc) => {
    const w = new ReportWriter(doc);
    w.style({ font: FONT.bold, size: 14, color: COLOR.accent });
    w.write(report.jobcenter.name);
    w.style({ size: SIZE.small, color: COLOR.muted });
    w.write('Koordination der kommunalen Eingliederungsleistungen (§ 16a SGB II)');
    doc.y += 6;
    w.rule(doc.y, COLOR.accent, 1.2);
    doc.y += 14;
    w.style({ font: FONT.bold, size: SIZE.title, color: COLOR.accent });
    w.write(title);
    w.style({ color: COLOR.muted });
    w.write(`${report.offer.name} – ${report.provider.name}`);
    doc.y += 8;
    w.style();
    w.rows(
      [
        ['Erstellt von', report.jobcenter.name],
        ['Träger', report.provider.name],
        ['Angebot', report.offer.name],
        ['Leistungsart', report.offer.serviceTypeLabel],
        ['Finanzierung', report.offer.financingModelLabel],
        ['Berichtsjahr', `${report.year} (Vergleich: ${report.priorYear})`],
        ['Stichtag', formatDateDe(report.referenceDate)],
        ['Erstellt am', formatDateDe(report.createdOn)],
      ],
      130,
    );

    w.heading('1. Ergebnisstatistik');
    figureTable(w, report, report.results);

    w.heading('2. Verwendungsnachweis');
    figureTable(w, report, report.funds);

    w.heading('3. Beratene Personen (sozio-demografische Angaben)');
    w.paragraph(report.definitions.people ?? '', { size: SIZE.small, color: COLOR.muted });
    w.table(
      [
        { header: 'Personen', width: 0.6, align: 'left' },
        { header: String(report.year), width: 0.2, align: 'right' },
        { header: String(report.priorYear), width: 0.2, align: 'right' },
      ],
      [
        [
          'beratene Personen insgesamt',
          formatReportCount(report.people.total.current, minimum),
          formatReportCount(report.people.total.prior, minimum),
        ],
      ],
    );
    for (const dimension of report.people.dimensions) {
      w.heading(dimension.label, 2);
      w.table(
        [
          { header: 'Merkmal', width: 0.6, align: 'left' },
          { header: String(report.year), width: 0.2, align: 'right' },
          { header: String(report.priorYear), width: 0.2, align: 'right' },
        ],
        dimension.rows.map((row) => [row.label, formatReportCount(row.current, minimum), formatReportCount(row.prior, minimum)]),
      );
    }

    w.heading('4. Entwicklungstendenzen');
    figureTable(w, report, report.trends, true);

    w.heading('5. Erläuterungen');
    const seen = new Set<string>();
    for (const f of [...report.results, ...report.funds, ...report.trends]) {
      if (seen.has(f.key)) continue;
      seen.add(f.key);
      w.rows([[f.label, report.definitions[f.key] ?? '']], 150);
    }
  });
}
