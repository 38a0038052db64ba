import type { QualityFigure, QualityIndicatorResult, QualityReport, QualityRow } from '@lotse/contracts';
import { type QualityGrouping, TRAFFIC_LIGHT_LABELS_DE } from '@lotse/domain';
import writeXlsxFile, { type Cell, type SheetData } from 'write-excel-file/node';
import { bold, germanCsv, germanNumber, legendOf, SUPPRESSED_MARK, text } from '../../http/spreadsheet';

/**
 * Downloads of the quality indicators with the page's choices (year, grouping): CSV for German Excel
 * and a workbook with the same lines and the explanations. One line per indicator and group (then the
 * total), followed by the indicator's parts; each line carries numerator, denominator, value and the
 * German definition, so the file is checkable on its own. Suppressed figures are "." as in the
 * planning export (helpers shared in http/spreadsheet.ts).
 */

/** ASCII part of the file name per grouping (the name goes into a header). */
export const QUALITY_FILE_GROUPINGS: Record<QualityGrouping, string> = {
  team: 'Team',
  service_type: 'Leistungsart',
  provider: 'Traeger',
};

export function qualityFileName(report: Pick<QualityReport, 'year' | 'by'>): string {
  return `Qualitaetsindikatoren-${report.year}-${QUALITY_FILE_GROUPINGS[report.by]}`;
}

const UNIT_LABELS: Record<QualityIndicatorResult['unit'], string> = { share: 'Anteil in %', mean: 'Mittelwert' };
const TOTAL_LABEL = 'Insgesamt';
const NO_SUPPRESSION = 'Exakte Werte (keine Sperrung für diese Rolle).';
const ROUNDING_NOTE = 'Anteile in Prozent mit einer Nachkommastelle, Mittelwerte mit zwei; Zähler und Nenner sind exakt.';
const LEGEND_UNITS = 'Einheiten der Grundlage';

const germanDate = (iso: string) => iso.split('-').reverse().join('.');
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The value as written in the CSV: a share in percent (one decimal), a mean with two decimals. */
function shownValue(value: number, unit: QualityIndicatorResult['unit']): number {
  return unit === 'share' ? round(value * 100, 1) : round(value, 2);
}

/** One line of the export before it is written as CSV or as cells. */
interface Line {
  level: string;
  indicator: string;
  part: string;
  group: string;
  figure: QualityFigure;
  unit: QualityIndicatorResult['unit'];
  target: number | null;
  assessment: string;
  basis: string;
  definition: string;
  note: string;
}

function header(report: QualityReport): string[] {
  return [
    'Ebene',
    'Kennzahl',
    'Teil',
    report.byLabel,
    'Zähler',
    'Nenner',
    'Wert',
    'Einheit',
    'Zielwert',
    'Bewertung',
    'Grundlage',
    'Definition',
    'Hinweis',
  ];
}

/** The indicator's lines: each group and the total, then each part across the groups and the total. */
function linesOf(indicator: QualityIndicatorResult): Line[] {
  const rows: QualityRow[] = [...indicator.rows, indicator.total];
  const groupOf = (row: QualityRow) => (row.key === 'total' ? TOTAL_LABEL : row.label);
  const base = {
    level: indicator.levelLabel,
    indicator: indicator.name,
    unit: indicator.unit,
    basis: indicator.basisLabel,
    definition: indicator.definition,
    note: indicator.applicable ? '' : (indicator.notApplicableText ?? ''),
  };
  const figures = rows.map(
    (row): Line => ({
      ...base,
      part: '',
      group: groupOf(row),
      figure: row.figure,
      target: row.assessment?.target ?? null,
      assessment: row.assessment?.light ? TRAFFIC_LIGHT_LABELS_DE[row.assessment.light] : '',
    }),
  );
  const parts = indicator.total.parts.flatMap((part, index) =>
    rows.map(
      (row): Line => ({
        ...base,
        part: part.label,
        group: groupOf(row),
        figure: row.parts[index]?.figure ?? { numerator: null, denominator: null, value: null, suppressed: false },
        target: null,
        assessment: '',
      }),
    ),
  );
  return [...figures, ...parts];
}

function titleLine(report: QualityReport): string[] {
  return [
    `Qualitätsindikatoren ${report.year}`,
    `nach ${report.byLabel}`,
    `Stichtag ${germanDate(report.referenceDate)}`,
    `Zielwerte: ${report.targets.caseloadTarget} Fälle je Fallmanager/in, Wartezeit höchstens ${report.targets.waitingTargetDays} Tage`,
  ];
}

const suppressionLine = (report: QualityReport) =>
  report.suppression.applied ? legendOf(report.suppression.minimum, LEGEND_UNITS) : NO_SUPPRESSION;

// ——— CSV ———

function csvNumber(figure: QualityFigure, value: number | null): string {
  if (figure.suppressed) return SUPPRESSED_MARK;
  return value === null ? '' : germanNumber(value);
}

export function qualityCsv(report: QualityReport): string {
  const lines = report.indicators
    .flatMap(linesOf)
    .map((l) => [
      l.level,
      l.indicator,
      l.part,
      l.group,
      csvNumber(l.figure, l.figure.numerator),
      csvNumber(l.figure, l.figure.denominator),
      csvNumber(l.figure, l.figure.value === null ? null : shownValue(l.figure.value, l.unit)),
      UNIT_LABELS[l.unit],
      l.target === null ? '' : String(l.target),
      l.assessment,
      l.basis,
      l.definition,
      l.note,
    ]);
  return germanCsv([titleLine(report), header(report), ...lines, [], [suppressionLine(report)], [ROUNDING_NOTE]]);
}

// ——— workbook ———

function numberCell(figure: QualityFigure, value: number | null, format?: string): Cell {
  if (figure.suppressed) return { value: SUPPRESSED_MARK, type: String, align: 'right' };
  if (value === null) return null;
  return { value, type: Number, ...(format ? { format } : {}) };
}

function indicatorSheet(report: QualityReport): SheetData {
  return [
    titleLine(report).map((value, index) => (index === 0 ? bold(value) : text(value))),
    header(report).map(bold),
    ...report.indicators.flatMap(linesOf).map((l) => [
      text(l.level),
      text(l.indicator),
      text(l.part || null),
      text(l.group),
      numberCell(l.figure, l.figure.numerator),
      numberCell(l.figure, l.figure.denominator),
      // Numbers stay numbers: a share as a fraction shown in percent, a mean as it is.
      numberCell(l.figure, l.figure.value, l.unit === 'share' ? '0.0%' : '0.00'),
      text(UNIT_LABELS[l.unit]),
      l.target === null ? null : { value: l.target, type: Number },
      text(l.assessment || null),
      text(l.basis),
      text(l.definition),
      text(l.note || null),
    ]),
  ];
}

function explanationsSheet(report: QualityReport): SheetData {
  const { applied, minimum } = report.suppression;
  const lines: Array<[string, string]> = [
    ['Jahr', String(report.year)],
    ['Aufschlüsselung', report.byLabel],
    ['Stichtag', `${germanDate(report.referenceDate)}: Bestände werden an diesem Tag gezählt, Fristen und Fälligkeiten bis zu ihm.`],
    [
      'Zielwerte',
      `${report.targets.caseloadTarget} Fälle je Fallmanagerin oder Fallmanager; Wartezeit bis zum Beginn höchstens ${report.targets.waitingTargetDays} Tage.`,
    ],
    ['Legende', applied ? legendOf(minimum, LEGEND_UNITS) : NO_SUPPRESSION],
    [
      'Sperrung',
      applied
        ? `Quoten, denen 1 bis ${minimum - 1} Einheiten der Grundlage zugrunde liegen, sind gesperrt; damit sie sich nicht aus der Summe zurückrechnen lassen, sind weitere zur Sicherung gesperrt.`
        : 'Für diese Rolle (Teamleitung) werden exakte Werte gezeigt.',
    ],
    ['Werte', ROUNDING_NOTE],
    ...report.indicators.map((i): [string, string] => [i.name, i.definition]),
  ];
  return [[bold('Begriff'), bold('Erläuterung')], ...lines.map(([term, definition]) => [text(term), { value: definition, wrap: true }])];
}

export async function qualityWorkbook(report: QualityReport): Promise<Buffer> {
  const columns = [
    { width: 18 },
    { width: 40 },
    { width: 32 },
    { width: 36 },
    { width: 10 },
    { width: 10 },
    { width: 10 },
    { width: 12 },
    { width: 10 },
    { width: 28 },
    { width: 20 },
    { width: 90 },
    { width: 60 },
  ];
  const result = await writeXlsxFile([
    { sheet: 'Qualitätsindikatoren', data: indicatorSheet(report), columns },
    { sheet: 'Erläuterungen', data: explanationsSheet(report), columns: [{ width: 36 }, { width: 110 }] },
  ]);
  return result.toBuffer();
}
