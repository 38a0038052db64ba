import type { ServiceType } from '@lotse/domain';
import { useMemo } from 'react';
import { Loading, PageHeader, ProblemAlert, usePageTitle } from '../../components/Page';
import { t } from '../../i18n';
import type { CostRow, Costs } from './api';
import * as api from './api';
import { formatEuro, formatEuroWhole, shortLabel } from './format';
import { useFetched, useSelection } from './hooks';
import { CategoryBars, Cell, ChartFigure, Definitions, NUM, ScrollRegion, type Series, SuppressionLegend, YearField } from './parts';
import { effectiveYear } from './query';

/** Planned and actual cost per service type (all financing models together), for the chart. */
function perServiceType(costs: Costs) {
  const byType = new Map<ServiceType, { label: string; planned: number; actual: number }>();
  for (const r of costs.rows) {
    const entry = byType.get(r.serviceType) ?? { label: shortLabel(r.serviceTypeLabel), planned: 0, actual: 0 };
    entry.planned += r.plannedCostCents;
    entry.actual += r.actualCostCents;
    byType.set(r.serviceType, entry);
  }
  return [...byType.values()];
}

/** The rows of each service type together (the API sorts by service type, then financing model). */
function groupByServiceType(rows: CostRow[]): CostRow[][] {
  const groups = new Map<ServiceType, CostRow[]>();
  for (const r of rows) groups.set(r.serviceType, [...(groups.get(r.serviceType) ?? []), r]);
  return [...groups.values()];
}

/** Costs per service type and financing model, per case and in total, with the SGB II share (000 §10). */
export function CostsPage() {
  usePageTitle(t('planning.costsTitle'));
  const [selection, update] = useSelection();
  const dims = useFetched(api.getDimensions);
  const year = effectiveYear(selection.year, dims.data?.years ?? [], new Date().getFullYear());
  const ready = dims.data !== null;
  const costs = useFetched(useMemo(() => (ready ? (signal: AbortSignal) => api.getCosts(year, signal) : null), [ready, year]));

  if (!dims.data) {
    return (
      <>
        <PageHeader title={t('planning.costsTitle')} />
        {dims.error ? <ProblemAlert error={dims.error} onRetry={dims.reload} /> : <Loading />}
      </>
    );
  }
  return (
    <>
      <PageHeader title={t('planning.costsTitle')}>
        <p className="page-subtitle">{t('planning.costsIntro')}</p>
      </PageHeader>
      <form className="card filter-form planning-filters" aria-labelledby="costs-filter-heading" onSubmit={(e) => e.preventDefault()}>
        <h2 id="costs-filter-heading" className="h3">
          {t('planning.costsChoose')}
        </h2>
        <div className="filter-form__row">
          <YearField id="costs-year" years={dims.data.years} value={year} onChange={(y) => update({ year: y })} />
        </div>
        <p role="status" className="muted">
          {costs.loading ? t('app.loading') : ''}
        </p>
      </form>
      <ProblemAlert error={costs.error} onRetry={costs.reload} />
      {!costs.data && !costs.error ? <Loading /> : null}
      {costs.data ? <CostsView costs={costs.data} /> : null}
    </>
  );
}

function CostsView({ costs }: { costs: Costs }) {
  const data = perServiceType(costs);
  const series: Series[] = [
    { key: 'planned', name: t('planning.colPlannedCost'), bar: 'outlined', colour: 0 },
    { key: 'actual', name: t('planning.colActualCost'), bar: 'solid', colour: 2 },
  ];
  const over = data.filter((d) => d.actual > d.planned);
  const { totals } = costs;
  const summary = [
    t('planning.costsSummary', {
      year: costs.year,
      planned: formatEuro(totals.plannedCostCents),
      actual: formatEuro(totals.actualCostCents),
      share: formatEuro(totals.sgb2ShareCents),
    }),
    over.length > 0 ? t('planning.costsOver', { names: over.map((d) => d.label).join(', ') }) : t('planning.costsWithin'),
  ].join(' ');
  const definitions = Object.entries(costs.definitions).map(([key, definition]) => ({ term: costTerm(key), definition }));
  return (
    <>
      <SuppressionLegend suppression={costs.suppression} />
      <ChartFigure
        id="costs-chart"
        title={t('planning.costsChartTitle', { year: costs.year })}
        summary={summary}
        chart={<CategoryBars data={data} categoryKey="label" series={series} format={formatEuroWhole} />}
        tableNote={t('planning.costsValuesBelow')}
      />
      <section className="card" aria-labelledby="costs-table-title">
        <h2 id="costs-table-title">{t('planning.costsTableTitle', { year: costs.year })}</h2>
        {costs.rows.length === 0 ? <p className="empty-state">{t('planning.costsEmpty')}</p> : <CostsTable costs={costs} />}
        <Definitions items={definitions} />
      </section>
    </>
  );
}

/** The label of a definition's key (the API names the figures as the table's columns do). */
function costTerm(key: string): string {
  const labels: Record<string, string> = {
    cases: t('planning.colCases'),
    plannedCostCents: t('planning.colPlannedCost'),
    actualCostCents: t('planning.colActualCost'),
    costPerCaseCents: t('planning.colCostPerCase'),
    sgb2ShareCents: t('planning.colSgb2Share'),
  };
  return labels[key] ?? key;
}

function CostsTable({ costs }: { costs: Costs }) {
  const { totals } = costs;
  return (
    <ScrollRegion labelledBy="costs-table-caption">
      <table className="data-table planning-costs-table planning-compact">
        <caption id="costs-table-caption" className="visually-hidden">
          {t('planning.costsTableTitle', { year: costs.year })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('planning.serviceType')}</th>
            <th scope="col">{t('planning.colFinancing')}</th>
            <th scope="col" className={NUM}>
              {t('planning.colCases')}
            </th>
            <th scope="col" className={NUM}>
              {t('planning.colPlannedCost')}
            </th>
            <th scope="col" className={NUM}>
              {t('planning.colActualCost')}
            </th>
            <th scope="col" className={NUM}>
              {t('planning.colCostPerCase')}
            </th>
            <th scope="col" className={NUM}>
              {t('planning.colSgb2Share')}
            </th>
          </tr>
        </thead>
        {groupByServiceType(costs.rows).map((group) => (
          <tbody key={group[0]?.serviceType}>
            {group.map((r: CostRow, i) => (
              <tr key={`${r.serviceType}-${r.financingModel}`}>
                {i === 0 ? (
                  <th scope="rowgroup" rowSpan={group.length} className="planning-costs-table__type">
                    {r.serviceTypeLabel}
                  </th>
                ) : null}
                <th scope="row" className="planning-costs-table__model">
                  {r.financingModelLabel}
                </th>
                <td className={NUM}>
                  <Cell cell={r.cases} />
                </td>
                <td className={NUM}>{formatEuro(r.plannedCostCents)}</td>
                <td className={NUM}>{formatEuro(r.actualCostCents)}</td>
                <td className={NUM}>
                  <Cell cell={r.costPerCaseCents} format={formatEuro} />
                </td>
                <td className={NUM}>{formatEuro(r.sgb2ShareCents)}</td>
              </tr>
            ))}
          </tbody>
        ))}
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t('planning.total')}
            </th>
            <td className={NUM}>
              <Cell cell={totals.cases} />
            </td>
            <td className={NUM}>{formatEuro(totals.plannedCostCents)}</td>
            <td className={NUM}>{formatEuro(totals.actualCostCents)}</td>
            <td className={NUM}>
              <Cell cell={totals.costPerCaseCents} format={formatEuro} />
            </td>
            <td className={NUM}>{formatEuro(totals.sgb2ShareCents)}</td>
          </tr>
        </tfoot>
      </table>
    </ScrollRegion>
  );
}
