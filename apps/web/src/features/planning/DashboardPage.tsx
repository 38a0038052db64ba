import type { PlanningTableQuery } from '@lotse/contracts';
import { useMemo } from 'react';
import { Loading, PageHeader, ProblemAlert, usePageTitle } from '../../components/Page';
import { t } from '../../i18n';
import * as api from './api';
import { MonthlyFigure, NeedsCapacityFigure, UtilisationWaitingFigure } from './DashboardFigures';
import { FilterBar, filterDescription } from './FilterBar';
import { useFetched, useSelection } from './hooks';
import { KeyFigures } from './KeyFigures';
import { PlanningTableSection } from './PlanningTableSection';
import { SuppressionLegend } from './parts';
import { effectiveYear, filtersOf } from './query';

/** Needs planning at a glance (SPEC C12): key figures against the prior year, charts and the planning table. */
export function DashboardPage() {
  usePageTitle(t('planning.dashboardTitle'));
  const [selection, update] = useSelection();
  const dims = useFetched(api.getDimensions);
  const year = effectiveYear(selection.year, dims.data?.years ?? [], new Date().getFullYear());
  const ready = dims.data !== null;
  const { serviceType, regionId, teamId, targetGroup } = filtersOf(selection);
  const filters = useMemo(() => ({ serviceType, regionId, teamId, targetGroup }), [serviceType, regionId, teamId, targetGroup]);
  const query: PlanningTableQuery = useMemo(
    () => ({ year, granularity: selection.granularity, breakdown: selection.breakdown, ...filters }),
    [year, selection.granularity, selection.breakdown, filters],
  );

  const overview = useFetched(
    useMemo(() => (ready ? (signal: AbortSignal) => api.getOverview(year, filters, signal) : null), [ready, year, filters]),
  );
  const table = useFetched(useMemo(() => (ready ? (signal: AbortSignal) => api.getTable(query, signal) : null), [ready, query]));
  // The monthly chart needs the year in months: the main table when it is monthly, else its own request.
  const monthlyQuery = useMemo(
    () => ({ year, granularity: 'month' as const, breakdown: 'service_type' as const, ...filters }),
    [year, filters],
  );
  const monthly = useFetched(
    useMemo(
      () => (ready && selection.granularity !== 'month' ? (signal: AbortSignal) => api.getTable(monthlyQuery, signal) : null),
      [ready, selection.granularity, monthlyQuery],
    ),
  );
  const hasPrior = dims.data?.years.includes(year - 1) ?? false;
  const priorMonthly = useFetched(
    useMemo(
      () => (ready && hasPrior ? (signal: AbortSignal) => api.getTable({ ...monthlyQuery, year: year - 1 }, signal) : null),
      [ready, hasPrior, monthlyQuery, year],
    ),
  );
  const currentMonthly = selection.granularity === 'month' ? table.data : monthly.data;

  const filterText = filterDescription(selection, dims.data);
  const busy = overview.loading || table.loading;
  const status = busy ? t('app.loading') : t('planning.statusLoaded', { year, filters: filterText });

  if (!dims.data) {
    return (
      <>
        <PageHeader title={t('planning.dashboardTitle')} />
        {dims.error ? <ProblemAlert error={dims.error} onRetry={dims.reload} /> : <Loading />}
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('planning.dashboardTitle')}>
        <p className="page-subtitle">{t('planning.dashboardIntro')}</p>
      </PageHeader>
      <FilterBar selection={selection} year={year} dimensions={dims.data} onChange={update} status={status} />
      <SuppressionLegend suppression={overview.data?.suppression ?? table.data?.suppression} />
      <ProblemAlert error={overview.error} onRetry={overview.reload} />
      {table.data ? <KeyFigures table={table.data} overview={overview.data} /> : null}
      <div className="planning-grid">
        {overview.data ? <NeedsCapacityFigure overview={overview.data} /> : null}
        {currentMonthly ? <MonthlyFigure current={currentMonthly} prior={hasPrior ? priorMonthly.data : null} /> : null}
      </div>
      {overview.data ? <UtilisationWaitingFigure overview={overview.data} /> : null}
      <PlanningTableSection
        table={table.data}
        loading={table.loading}
        error={table.error}
        onRetry={table.reload}
        selection={selection}
        onChange={update}
        query={query}
        filterText={filterText}
      />
    </>
  );
}
