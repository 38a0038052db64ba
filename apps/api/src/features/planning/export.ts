import type { Costs, Plan, PlanningCell, PlanningOverview, PlanningTable } from '@lotse/contracts';
import {
  PLANNING_BREAKDOWN_LABELS_DE,
  PLANNING_MEASURE_DEFINITIONS_DE,
  PLANNING_MEASURE_LABELS_DE,
  PLANNING_MEASURES,
  priorYearLabelDe,
  SERVICE_TYPE_LABELS_DE,
  TARGET_GROUP_LABELS_DE,
} from '@lotse/domain';
import writeXlsxFile, { type Cell, type SheetData } from 'write-excel-file/node';
import { bold, germanCsv, germanNumber, legendOf, SUPPRESSED_MARK, text } from '../../http/spreadsheet';
import { COST_DEFINITIONS_DE, type Dimensions, OVERVIEW_DEFINITIONS_DE } from './figures';

/**
 * Exports of the planning figures for the municipality's social planning: the table as CSV (German
 * Excel: `;` separated, UTF-8 with BOM, decimal comma) and a workbook with the table, the overview,
 * the plan (Soll-Ist), the costs and the explanations. Suppressed cells are written as "." as in
 * official German statistics (the format helpers are shared: http/spreadsheet.ts).
 */

const csvCell = (cell: PlanningCell): string => (cell.suppressed ? SUPPRESSED_MARK : cell.value === null ? '' : germanNumber(cell.value));

function filterLine(table: PlanningTable, dims: Dimensions): string {
  const f = table.filters;
  const parts = [
    f.serviceType ? `Leistungsart: ${SERVICE_TYPE_LABELS_DE[f.serviceType]}` : null,
    f.regionId ? `Sozialraum: ${dims.regions.find((r) => r.id === f.regionId)?.name ?? f.regionId}` : null,
    f.teamId ? `Team: ${dims.teams.find((t) => t.id === f.teamId)?.name ?? f.teamId}` : null,
    f.targetGroup ? `Zielgruppe: ${TARGET_GROUP_LABELS_DE[f.targetGroup]}` : null,
  ].filter((p) => p !== null);
  return parts.length === 0 ? 'ohne Filter' : parts.join(', ');
}

/** Header and rows of the table: one line per row and measure, periods, the year and the prior year. */
function tableRows(table: PlanningTable): { header: string[]; rows: Array<Array<string | PlanningCell>> } {
  const header = [
    PLANNING_BREAKDOWN_LABELS_DE[table.breakdown],
    'Kennzahl',
    ...table.periods.map((p) => p.label),
    `Jahr ${table.year}`,
    `Vorjahr ${priorYearLabelDe(table.year, table.priorYearMonths)}`,
  ];
  const rows: Array<Array<string | PlanningCell>> = [];
  const priorOf = new Map(table.priorYear.map((p) => [p.key, p.measures]));
  for (const row of [...table.rows, table.total]) {
    for (const measure of PLANNING_MEASURES) {
      const m = row.measures[measure];
      rows.push([
        row.label,
        PLANNING_MEASURE_LABELS_DE[measure],
        ...m.periods,
        m.year,
        priorOf.get(row.key)?.[measure] ?? { value: null, suppressed: false },
      ]);
    }
  }
  return { header, rows };
}

export function tableCsv(table: PlanningTable, dims: Dimensions): string {
  const { header, rows } = tableRows(table);
  const lines: string[][] = [
    [`Bedarfsplanung ${table.year}`, filterLine(table, dims)],
    header,
    ...rows.map((r) => r.map((c) => (typeof c === 'string' ? c : csvCell(c)))),
    [],
    [table.suppression.applied ? legendOf(table.suppression.minimum) : 'Exakte Werte (keine Sperrung für diese Rolle).'],
  ];
  return germanCsv(lines);
}

// ——— workbook ———

const count = (cell: PlanningCell): Cell =>
  cell.suppressed
    ? { value: SUPPRESSED_MARK, type: String, align: 'right' }
    : cell.value === null
      ? null
      : { value: cell.value, type: Number };
const euros = (cents: number | null): Cell => (cents === null ? null : { value: cents / 100, type: Number, format: '#,##0.00 "€"' });
const plain = (value: number | null, format?: string): Cell =>
  value === null ? null : { value, type: Number, ...(format ? { format } : {}) };

function tableSheet(table: PlanningTable, dims: Dimensions): SheetData {
  const { header, rows } = tableRows(table);
  return [
    [bold(`Bedarfsplanung ${table.year}`), text(filterLine(table, dims))],
    header.map(bold),
    ...rows.map((r) => r.map((c) => (typeof c === 'string' ? text(c) : count(c)))),
  ];
}

function overviewSheet(overview: PlanningOverview): SheetData {
  const header = [
    'Leistungsart',
    'Bedarfe',
    'Ungedeckte Bedarfe',
    'Zuweisungen',
    'Eintritte',
    'Warteliste (Jahresende)',
    'Wartezeit Median (Tage)',
    'Wartezeit 90. Perzentil (Tage)',
    'Plätze',
    'Auslastung (%)',
    'Soll-Eintritte',
    'Plan-Kosten',
    'Ist-Kosten',
    `Bedarfe ${priorYearLabelDe(overview.year, overview.priorYearMonths)}`,
    `Eintritte ${priorYearLabelDe(overview.year, overview.priorYearMonths)}`,
    `Warteliste ${priorYearLabelDe(overview.year, overview.priorYearMonths)}`,
    `Ist-Kosten ${overview.year - 1}`,
  ];
  return [
    [bold(`Übersicht je Leistungsart ${overview.year}`), text(`Wartezeit-Ziel: ${overview.waitingTargetDays} Tage`)],
    header.map(bold),
    ...overview.rows.map((r) => [
      text(r.label),
      count(r.current.needs),
      count(r.current.unmetNeeds),
      count(r.current.referrals),
      count(r.current.starts),
      count(r.current.waitingListAtEnd),
      count(r.current.waitingMedianDays),
      count(r.current.waitingP90Days),
      plain(r.capacityPlaces),
      r.utilisationPercent.suppressed
        ? count(r.utilisationPercent)
        : plain(r.utilisationPercent.value === null ? null : r.utilisationPercent.value, '0.0'),
      plain(r.targetStarts),
      euros(r.plannedCostCents),
      euros(r.actualCostCents),
      count(r.priorYear.needs),
      count(r.priorYear.starts),
      count(r.priorYear.waitingListAtEnd),
      euros(r.priorYearActualCostCents),
    ]),
  ];
}

function planSheet(plan: Plan): SheetData {
  const header = ['Leistungsart', 'Monat', 'Soll-Eintritte', 'Ist-Eintritte', 'Soll-Kosten', 'Ist-Kosten (Abrechnungen)'];
  return [
    [bold(`Soll-Ist ${plan.year}`)],
    header.map(bold),
    ...plan.serviceTypes.flatMap((s) =>
      s.months.map((m) => [
        text(s.label),
        plain(m.month),
        plain(m.targetStarts),
        count(m.actualStarts),
        euros(m.targetCostCents),
        euros(m.actualCostCents),
      ]),
    ),
  ];
}

function costsSheet(costs: Costs): SheetData {
  const header = ['Leistungsart', 'Finanzierungsform', 'Fälle', 'Plan-Kosten', 'Ist-Kosten', 'Kosten je Fall', 'SGB-II-Anteil'];
  const cents = (cell: PlanningCell): Cell => (cell.suppressed ? count(cell) : euros(cell.value));
  return [
    [bold(`Kosten ${costs.year}`)],
    header.map(bold),
    ...costs.rows.map((r) => [
      text(r.serviceTypeLabel),
      text(r.financingModelLabel),
      count(r.cases),
      euros(r.plannedCostCents),
      euros(r.actualCostCents),
      cents(r.costPerCaseCents),
      euros(r.sgb2ShareCents),
    ]),
    [
      bold('Insgesamt'),
      null,
      count(costs.totals.cases),
      euros(costs.totals.plannedCostCents),
      euros(costs.totals.actualCostCents),
      cents(costs.totals.costPerCaseCents),
      euros(costs.totals.sgb2ShareCents),
    ],
  ];
}

function explanationsSheet(table: PlanningTable): SheetData {
  const { applied, minimum } = table.suppression;
  const lines: Array<[string, string]> = [
    ['Legende', legendOf(minimum)],
    [
      'Sperrung',
      applied
        ? `Zahlen von 1 bis ${minimum - 1} sind gesperrt; damit sie sich nicht aus Summen und Teilsummen zurückrechnen lassen, sind weitere Zellen zur Sicherung gesperrt (auch Nullen). Nullen allein werden nicht gesperrt. Das Muster gilt für alle Auswertungen dieses Jahres gleich.`
        : 'Für diese Rolle (Teamleitung) werden exakte Werte gezeigt.',
    ],
    ...PLANNING_MEASURES.map((m): [string, string] => [PLANNING_MEASURE_LABELS_DE[m], PLANNING_MEASURE_DEFINITIONS_DE[m]]),
    ['Wartezeit Median', OVERVIEW_DEFINITIONS_DE.waitingMedianDays as string],
    ['Wartezeit 90. Perzentil', OVERVIEW_DEFINITIONS_DE.waitingP90Days as string],
    ['Plätze', OVERVIEW_DEFINITIONS_DE.capacityPlaces as string],
    ['Auslastung', OVERVIEW_DEFINITIONS_DE.utilisationPercent as string],
    ['Fälle (Kosten)', COST_DEFINITIONS_DE.cases as string],
    ['Ist-Kosten', COST_DEFINITIONS_DE.actualCostCents as string],
    ['Kosten je Fall', COST_DEFINITIONS_DE.costPerCaseCents as string],
    ['SGB-II-Anteil', COST_DEFINITIONS_DE.sgb2ShareCents as string],
  ];
  return [[bold('Begriff'), bold('Erläuterung')], ...lines.map(([term, definition]) => [text(term), { value: definition, wrap: true }])];
}

export async function planningWorkbook(input: {
  table: PlanningTable;
  overview: PlanningOverview;
  plan: Plan;
  costs: Costs;
  dims: Dimensions;
}): Promise<Buffer> {
  const wide = [{ width: 48 }, { width: 24 }, ...Array.from({ length: 18 }, () => ({ width: 14 }))];
  const result = await writeXlsxFile([
    { sheet: 'Bedarfe', data: tableSheet(input.table, input.dims), columns: wide },
    { sheet: 'Übersicht', data: overviewSheet(input.overview), columns: wide },
    { sheet: 'Soll-Ist', data: planSheet(input.plan), columns: wide },
    { sheet: 'Kosten', data: costsSheet(input.costs), columns: wide },
    { sheet: 'Erläuterungen', data: explanationsSheet(input.table), columns: [{ width: 28 }, { width: 110 }] },
  ]);
  return result.toBuffer();
}
