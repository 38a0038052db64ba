import type { PlanningCell } from '@lotse/contracts';
import {
  PLANNING_BREAKDOWN_LABELS_DE,
  PLANNING_GRANULARITIES,
  PLANNING_MEASURES,
  type PlanningBreakdown,
  type PlanningGranularity,
  type PlanningMeasure,
  planningBreakdownsFor,
} from '@lotse/domain';
import type { ApiError } from '../../api/client';
import { SelectField } from '../../components/FormField';
import { Loading, ProblemAlert } from '../../components/Page';
import { t } from '../../i18n';
import { exportUrl, type PlanningTable, type PlanningTableQuery } from './api';
import { cellNumber, periodShort, priorPeriodLabel, signedCount } from './format';
import { Cell, Definitions, DownloadLinks, NUM, ScrollRegion, SuppressionLegend } from './parts';
import type { PlanningSelection } from './query';

type Row = PlanningTable['rows'][number];

const GRANULARITY_LABEL: Record<PlanningGranularity, () => string> = {
  month: () => t('planning.granularityMonth'),
  quarter: () => t('planning.granularityQuarter'),
  year: () => t('planning.granularityYear'),
};

/** The planning table with its own choices (breakdown, periods, measure) and the export links. */
export function PlanningTableSection(props: {
  table: PlanningTable | null;
  loading: boolean;
  error: ApiError | null;
  onRetry: () => void;
  selection: PlanningSelection;
  onChange: (change: Partial<PlanningSelection>) => void;
  query: PlanningTableQuery;
  filterText: string;
}) {
  const { table, selection: s, onChange, query } = props;
  const measureLabel = (m: PlanningMeasure) => table?.measures.find((x) => x.key === m)?.label ?? m;
  return (
    <section className="card planning-table-section" aria-labelledby="planning-table-title">
      <div className="section-header">
        <h2 id="planning-table-title">{t('planning.tableTitle')}</h2>
        <DownloadLinks csv={exportUrl('csv', query)} xlsx={exportUrl('xlsx', query)} />
      </div>
      <div className="filter-form__row planning-table-controls">
        <SelectField
          id="planning-breakdown"
          label={t('planning.breakdown')}
          value={s.breakdown}
          onChange={(v) => onChange({ breakdown: v as PlanningBreakdown })}
          options={planningBreakdownsFor(s).map((b) => ({ value: b, label: PLANNING_BREAKDOWN_LABELS_DE[b] }))}
        />
        <SelectField
          id="planning-granularity"
          label={t('planning.granularity')}
          value={s.granularity}
          onChange={(v) => onChange({ granularity: v as PlanningGranularity })}
          width="short"
          options={PLANNING_GRANULARITIES.map((g) => ({ value: g, label: GRANULARITY_LABEL[g]() }))}
        />
        <SelectField
          id="planning-measure"
          label={t('planning.measure')}
          value={s.measure ?? ''}
          onChange={(v) => onChange({ measure: (v || null) as PlanningMeasure | null })}
          options={[
            { value: '', label: t('planning.allMeasures') },
            ...PLANNING_MEASURES.map((m) => ({ value: m, label: measureLabel(m) })),
          ]}
        />
      </div>
      <SuppressionLegend suppression={table?.suppression} />
      <ProblemAlert error={props.error} onRetry={props.onRetry} />
      {!table && !props.error ? <Loading /> : null}
      {table ? <PlanningGrid table={table} measure={s.measure} loading={props.loading} filterText={props.filterText} /> : null}
      {table ? <Definitions items={table.measures.map((m) => ({ term: m.label, definition: m.definition }))} /> : null}
    </section>
  );
}

function PlanningGrid({
  table,
  measure,
  loading,
  filterText,
}: {
  table: PlanningTable;
  measure: PlanningMeasure | null;
  loading: boolean;
  filterText: string;
}) {
  const measures = table.measures.filter((m) => measure === null || m.key === measure);
  // With yearly periods the one period is the year itself: only the year column is shown.
  const periods = table.granularity === 'year' ? [] : table.periods;
  const prior = new Map(table.priorYear.map((r) => [r.key, r.measures]));
  const caption = t('planning.tableCaption', {
    year: table.year,
    breakdown: PLANNING_BREAKDOWN_LABELS_DE[table.breakdown],
    granularity: GRANULARITY_LABEL[table.granularity](),
    filters: filterText,
  });
  const single = measures.length === 1;

  const cells = (row: Row, key: PlanningMeasure) => {
    const m = row.measures[key];
    const p: PlanningCell | undefined = prior.get(row.key)?.[key];
    const current = cellNumber(m?.year);
    const before = cellNumber(p);
    return (
      <>
        {periods.map((period, i) => (
          <td key={period.key} className={NUM}>
            <Cell cell={m?.periods[i]} />
          </td>
        ))}
        <td className={`${NUM} planning-table__year`}>
          <Cell cell={m?.year} />
        </td>
        <td className={NUM}>
          <Cell cell={p} />
        </td>
        <td className={NUM}>{current === null || before === null ? <Cell cell={null} /> : signedCount(current - before)}</td>
      </>
    );
  };

  const group = (row: Row, total: boolean) =>
    single ? (
      <tr key={row.key} className={total ? 'planning-table__total' : undefined}>
        <th scope="row">{row.label}</th>
        {cells(row, measures[0]?.key as PlanningMeasure)}
      </tr>
    ) : (
      <tbody key={row.key} className={total ? 'planning-table__total' : 'planning-table__group'}>
        {measures.map((m, i) => (
          <tr key={m.key}>
            {i === 0 ? (
              <th scope="rowgroup" rowSpan={measures.length} className="planning-table__group-label">
                {row.label}
              </th>
            ) : null}
            <th scope="row" className="planning-table__measure">
              {m.label}
            </th>
            {cells(row, m.key)}
          </tr>
        ))}
      </tbody>
    );

  if (table.rows.length === 0) {
    return (
      <div className="empty-state">
        <p className="empty-state__title">{t('planning.tableEmpty')}</p>
        <p>{t('planning.tableEmptyHint')}</p>
      </div>
    );
  }
  return (
    <>
      <ScrollRegion labelledBy="planning-table-caption" busy={loading}>
        <table className="data-table planning-table">
          <caption id="planning-table-caption">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{PLANNING_BREAKDOWN_LABELS_DE[table.breakdown]}</th>
              {single ? null : <th scope="col">{t('planning.measure')}</th>}
              {periods.map((p) => (
                <th key={p.key} scope="col" className={NUM}>
                  <span aria-hidden="true">{periodShort(p)}</span>
                  <span className="visually-hidden">{p.label}</span>
                </th>
              ))}
              <th scope="col" className={NUM}>
                {t('planning.colYear', { year: table.year })}
              </th>
              <th scope="col" className={NUM}>
                {t('planning.colPriorYear', { year: priorPeriodLabel(table.year, table.priorYearMonths) })}
              </th>
              <th scope="col" className={NUM}>
                {t('planning.colChange')}
              </th>
            </tr>
          </thead>
          {single ? (
            <tbody>
              {table.rows.map((r) => group(r, false))}
              {group(table.total, true)}
            </tbody>
          ) : (
            <>
              {table.rows.map((r) => group(r, false))}
              {group(table.total, true)}
            </>
          )}
        </table>
      </ScrollRegion>
      {measures.some((m) => m.key === 'waitingList') ? <p className="field-hint">{t('planning.waitingListNote')}</p> : null}
    </>
  );
}
