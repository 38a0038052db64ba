import type { ProviderReport, ReportCount, ReportFigure } from '@lotse/contracts';
import writeXlsxFile, { type Cell, type Row } from 'write-excel-file/node';

/**
 * The provider report as an XLSX workbook, one sheet per section: numbers stay numbers (money in euros
 * with two decimals), suppressed counts of people are the text "< minimum".
 */
const bold = (value: string): Cell => ({ value, fontWeight: 'bold' });
const EURO_FORMAT = '#,##0.00 "€"';
const DECIMAL_FORMAT = '0.0';

function numberCell(value: number | null, unit: ReportFigure['unit']): Cell {
  if (value === null) return null;
  if (unit === 'cents') return { value: value / 100, type: Number, format: EURO_FORMAT };
  if (unit === 'count') return { value, type: Number };
  return { value, type: Number, format: DECIMAL_FORMAT };
}

const UNIT_LABELS: Record<ReportFigure['unit'], string> = { count: 'Anzahl', days: 'Tage', cents: 'Euro', percent: 'Prozent' };

function figureSheet(report: ProviderReport, figures: readonly ReportFigure[]): Row[] {
  return [
    [
      bold('Kennzahl'),
      bold('Einheit'),
      bold(String(report.year)),
      bold(String(report.priorYear)),
      bold('Veränderung'),
      bold('Veränderung in %'),
      bold('Definition'),
    ],
    ...figures.map(
      (f): Row => [
        f.label,
        UNIT_LABELS[f.unit],
        numberCell(f.current, f.unit),
        numberCell(f.prior, f.unit),
        numberCell(f.change, f.unit),
        f.unit === 'percent' ? null : numberCell(f.changePercent, 'percent'),
        report.definitions[f.key] ?? '',
      ],
    ),
  ];
}

function countCell(count: ReportCount, minimum: number): Cell {
  return count.suppressed || count.value === null ? `< ${minimum}` : { value: count.value, type: Number };
}

function peopleSheet(report: ProviderReport): Row[] {
  const minimum = report.suppression.minimum;
  const rows: Row[] = [
    [bold('Merkmal'), bold('Ausprägung'), bold(String(report.year)), bold(String(report.priorYear))],
    ['beratene Personen', 'insgesamt', countCell(report.people.total.current, minimum), countCell(report.people.total.prior, minimum)],
  ];
  for (const dimension of report.people.dimensions) {
    for (const row of dimension.rows)
      rows.push([dimension.label, row.label, countCell(row.current, minimum), countCell(row.prior, minimum)]);
  }
  rows.push([], [report.definitions.people ?? '']);
  return rows;
}

function overviewSheet(report: ProviderReport): Row[] {
  const date = (iso: string) => iso.split('-').reverse().join('.');
  return [
    [bold(`Trägerbericht ${report.year}`)],
    [],
    ['Jobcenter', report.jobcenter.name],
    ['Träger', report.provider.name],
    ['Angebot', report.offer.name],
    ['Leistungsart', report.offer.serviceTypeLabel],
    ['Finanzierung', report.offer.financingModelLabel],
    ['Berichtsjahr', { value: report.year, type: Number }],
    ['Vergleichsjahr', { value: report.priorYear, type: Number }],
    ['Stichtag', date(report.referenceDate)],
    ['Erstellt am', date(report.createdOn)],
    ['Datenschutz', `Personenzahlen unter ${report.suppression.minimum} sind als „< ${report.suppression.minimum}“ ausgewiesen.`],
  ];
}

export const REPORT_SHEETS = ['Überblick', 'Ergebnisstatistik', 'Verwendungsnachweis', 'Beratene Personen', 'Entwicklung'] as const;

export async function providerReportXlsx(report: ProviderReport): Promise<Buffer> {
  const wide = [{ width: 42 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 18 }, { width: 80 }];
  const [overview, results, funds, people, trends] = REPORT_SHEETS;
  return writeXlsxFile(
    [
      { sheet: overview, data: overviewSheet(report), columns: [{ width: 18 }, { width: 70 }] },
      { sheet: results, data: figureSheet(report, report.results), columns: wide, stickyRowsCount: 1 },
      { sheet: funds, data: figureSheet(report, report.funds), columns: wide, stickyRowsCount: 1 },
      {
        sheet: people,
        data: peopleSheet(report),
        columns: [{ width: 40 }, { width: 36 }, { width: 12 }, { width: 12 }],
        stickyRowsCount: 1,
      },
      { sheet: trends, data: figureSheet(report, report.trends), columns: wide, stickyRowsCount: 1 },
    ],
    { fontFamily: 'Calibri', fontSize: 11 },
  ).toBuffer();
}
