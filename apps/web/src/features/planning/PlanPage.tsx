import { hasAnyRole, PLAN_EDITORS, type ServiceType } from '@lotse/domain';
import { useCallback, useMemo } from 'react';
import { Link } from 'react-router';
import { type Column, DataTable } from '../../components/DataTable';
import { SelectField } from '../../components/FormField';
import { Loading, PageHeader, ProblemAlert, usePageTitle } from '../../components/Page';
import { t } from '../../i18n';
import { useSession } from '../auth/session';
import type { Plan, PlanMonth, PlanServiceType } from './api';
import * as api from './api';
import { cellNumber, formatCount, formatEuro, formatEuroWhole, monthShortName, shortLabel, signedCount, sumOrNull } from './format';
import { useFetched, useSelection } from './hooks';
import { PlanEditor } from './PlanEditor';
import { Cell, ChartFigure, NUM, PeriodChart, ScrollRegion, type Series, Suppressed, SuppressionLegend, YearField } from './parts';
import { effectiveYear } from './query';

/** Year sums of a service type's plan; actual starts only when no month is suppressed. */
function sums(p: PlanServiceType) {
  const target = (f: (m: PlanMonth) => number | null) => {
    const values = p.months.map(f).filter((v): v is number => v !== null);
    return values.length === 0 ? null : values.reduce((a, b) => a + b, 0);
  };
  return {
    targetStarts: target((m) => m.targetStarts),
    actualStarts: sumOrNull(p.months.map((m) => cellNumber(m.actualStarts))),
    targetCost: target((m) => m.targetCostCents),
    actualCost: target((m) => m.actualCostCents),
  };
}

const orDash = (v: number | null, format: (n: number) => string) => (v === null ? t('common.none') : format(v));

/** The yearly plan (Soll) against the actual figures (Ist) per service type and month (SPEC C12). */
export function PlanPage() {
  usePageTitle(t('planning.planTitle'));
  const { roles } = useSession();
  const canEdit = hasAnyRole(roles, PLAN_EDITORS);
  const [selection, update] = useSelection();
  const dims = useFetched(api.getDimensions);
  const year = effectiveYear(selection.year, dims.data?.years ?? [], new Date().getFullYear());
  const ready = dims.data !== null;
  const plan = useFetched(useMemo(() => (ready ? (signal: AbortSignal) => api.getPlan(year, signal) : null), [ready, year]));
  const chosen = plan.data?.serviceTypes.find((s) => s.serviceType === selection.serviceType) ?? plan.data?.serviceTypes[0] ?? null;

  const fetchCurrent = useCallback(
    async (serviceType: ServiceType) => {
      const fresh = await api.getPlan(year);
      const current = fresh.serviceTypes.find((s) => s.serviceType === serviceType);
      if (!current) throw new Error('missing service type');
      return { fresh, current };
    },
    [year],
  );

  if (!dims.data || (!plan.data && !plan.error)) {
    return (
      <>
        <PageHeader title={t('planning.planTitle')} />
        {dims.error ? <ProblemAlert error={dims.error} onRetry={dims.reload} /> : <Loading />}
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('planning.planTitle')}>
        <p className="page-subtitle">{canEdit ? t('planning.planIntroEditor') : t('planning.planIntro')}</p>
      </PageHeader>
      <form className="card filter-form planning-filters" aria-labelledby="plan-filter-heading" onSubmit={(e) => e.preventDefault()}>
        <h2 id="plan-filter-heading" className="h3">
          {t('planning.planChoose')}
        </h2>
        <div className="filter-form__row">
          <YearField id="plan-year" years={dims.data.years} value={year} onChange={(y) => update({ year: y })} />
          {plan.data && plan.data.serviceTypes.length > 0 ? (
            <SelectField
              id="plan-serviceType"
              label={t('planning.serviceType')}
              value={chosen?.serviceType ?? ''}
              onChange={(v) => update({ serviceType: v as ServiceType })}
              width="long"
              options={plan.data.serviceTypes.map((s) => ({ value: s.serviceType, label: s.label }))}
            />
          ) : null}
        </div>
        <p role="status" className="muted">
          {plan.loading ? t('app.loading') : ''}
        </p>
      </form>
      <ProblemAlert error={plan.error} onRetry={plan.reload} />
      {plan.data ? (
        <>
          <SuppressionLegend suppression={plan.data.suppression} />
          <PlanOverview plan={plan.data} chosen={chosen?.serviceType ?? null} />
          {chosen ? (
            <>
              <div className="planning-grid">
                <PlanStartsFigure plan={chosen} year={year} />
                <PlanCostFigure plan={chosen} year={year} />
              </div>
              {canEdit ? (
                <PlanEditor
                  key={`${year}-${chosen.serviceType}`}
                  year={year}
                  plan={chosen}
                  fetchCurrent={async () => {
                    const { fresh, current } = await fetchCurrent(chosen.serviceType);
                    plan.setData(fresh);
                    return current;
                  }}
                  onSaved={plan.setData}
                />
              ) : (
                <PlanMonthsTable plan={chosen} year={year} />
              )}
            </>
          ) : (
            <p className="empty-state">{t('planning.planEmpty')}</p>
          )}
        </>
      ) : null}
    </>
  );
}

function PlanOverview({ plan, chosen }: { plan: Plan; chosen: ServiceType | null }) {
  const rows = plan.serviceTypes.map((s) => ({ ...s, sums: sums(s) }));
  const columns: Column<(typeof rows)[number]>[] = [
    {
      key: 'label',
      header: t('planning.serviceType'),
      rowHeader: true,
      render: (r) => (
        <Link
          to={`/planung/soll-ist?jahr=${plan.year}&leistungsart=${r.serviceType}`}
          aria-current={r.serviceType === chosen ? 'true' : undefined}
          replace
        >
          {r.label}
        </Link>
      ),
    },
    { key: 'ts', header: t('planning.colTargetStarts'), className: NUM, render: (r) => orDash(r.sums.targetStarts, formatCount) },
    {
      key: 'as',
      header: t('planning.colActualStarts'),
      className: NUM,
      render: (r) => (r.sums.actualStarts === null ? <Suppressed /> : formatCount(r.sums.actualStarts)),
    },
    { key: 'tc', header: t('planning.colTargetCost'), className: NUM, render: (r) => orDash(r.sums.targetCost, formatEuro) },
    { key: 'ac', header: t('planning.colActualCost'), className: NUM, render: (r) => orDash(r.sums.actualCost, formatEuro) },
  ];
  return (
    <section className="card" aria-labelledby="plan-overview-title">
      <h2 id="plan-overview-title">{t('planning.planOverviewTitle', { year: plan.year })}</h2>
      <DataTable
        caption={t('planning.planOverviewTitle', { year: plan.year })}
        captionHidden
        columns={columns}
        rows={rows}
        rowKey={(r) => r.serviceType}
      />
    </section>
  );
}

function PlanStartsFigure({ plan, year }: { plan: PlanServiceType; year: number }) {
  const data = plan.months.map((m) => ({ label: monthShortName(m.month), target: m.targetStarts, actual: cellNumber(m.actualStarts) }));
  const s = sums(plan);
  const series: Series[] = [
    { key: 'target', name: t('planning.colTargetStarts'), bar: 'outlined', colour: 0 },
    { key: 'actual', name: t('planning.colActualStarts'), bar: 'solid', colour: 1 },
  ];
  const summary = !s.targetStarts
    ? t('planning.planNoTargets', { year })
    : t('planning.planStartsSummary', {
        target: formatCount(s.targetStarts),
        actual: s.actualStarts === null ? t('planning.suppressed') : formatCount(s.actualStarts),
      });
  return (
    <ChartFigure
      id="plan-starts"
      title={t('planning.planStartsTitle', { label: shortLabel(plan.label, 80), year })}
      summary={summary}
      chart={<PeriodChart data={data} categoryKey="label" series={series} format={formatCount} height={280} />}
      empty={data.every((d) => !d.target && !d.actual)}
      tableNote={t('planning.planValuesBelow')}
    />
  );
}

function PlanCostFigure({ plan, year }: { plan: PlanServiceType; year: number }) {
  let target = 0;
  let actual = 0;
  let lastActual = 0;
  plan.months.forEach((m) => {
    if (m.actualCostCents !== null) lastActual = m.month;
  });
  const data = plan.months.map((m) => {
    target += m.targetCostCents ?? 0;
    actual += m.actualCostCents ?? 0;
    return { label: monthShortName(m.month), target, actual: m.month <= lastActual ? actual : null };
  });
  const s = sums(plan);
  const through = data[lastActual - 1];
  const summary =
    target === 0 && actual === 0
      ? t('planning.planCostNone', { year })
      : lastActual === 0 || !through
        ? t('planning.planCostNoActual', { target: orDash(s.targetCost, formatEuro) })
        : through.actual === through.target
          ? t('planning.planCostEqual', { month: monthShortName(lastActual), actual: formatEuro(through.actual ?? 0) })
          : t('planning.planCostSummary', {
              month: monthShortName(lastActual),
              target: formatEuro(through.target),
              actual: formatEuro(through.actual ?? 0),
              difference: formatEuro(Math.abs((through.actual ?? 0) - through.target)),
              direction: (through.actual ?? 0) > through.target ? t('planning.above') : t('planning.below'),
            });
  const series: Series[] = [
    { key: 'target', name: t('planning.seriesTargetCostCum'), line: 'dashed', colour: 0 },
    { key: 'actual', name: t('planning.seriesActualCostCum'), line: 'solid', colour: 2 },
  ];
  return (
    <ChartFigure
      id="plan-cost"
      title={t('planning.planCostTitle', { label: shortLabel(plan.label, 80), year })}
      summary={summary}
      chart={<PeriodChart data={data} categoryKey="label" series={series} format={formatEuroWhole} height={280} />}
      empty={target === 0 && actual === 0}
      tableNote={t('planning.planValuesBelow')}
    />
  );
}

/** The months of one service type: target and actual starts and cost with the difference. */
function PlanMonthsTable({ plan, year }: { plan: PlanServiceType; year: number }) {
  const s = sums(plan);
  const diff = (a: number | null, b: number | null, format: (n: number) => string) =>
    a === null || b === null ? t('common.none') : format(a - b);
  const euroDiff = (n: number) => (n === 0 ? formatEuro(0) : `${n > 0 ? '+' : '−'}${formatEuro(Math.abs(n))}`);
  return (
    <ScrollRegion labelledBy="plan-months-caption">
      <table className="data-table">
        <caption id="plan-months-caption">{t('planning.monthsCaption', { label: plan.label, year })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('planning.month')}</th>
            <th scope="col" className={NUM}>
              {t('planning.colTargetStarts')}
            </th>
            <th scope="col" className={NUM}>
              {t('planning.colActualStarts')}
            </th>
            <th scope="col" className={NUM}>
              {t('planning.colDifference')}
            </th>
            <th scope="col" className={NUM}>
              {t('planning.colTargetCost')}
            </th>
            <th scope="col" className={NUM}>
              {t('planning.colActualCost')}
            </th>
            <th scope="col" className={NUM}>
              {t('planning.colDifference')}
            </th>
          </tr>
        </thead>
        <tbody>
          {plan.months.map((m) => (
            <tr key={m.month}>
              <th scope="row">{monthShortName(m.month)}</th>
              <td className={NUM}>{orDash(m.targetStarts, formatCount)}</td>
              <td className={NUM}>
                <Cell cell={m.actualStarts} />
              </td>
              <td className={NUM}>
                {m.actualStarts.suppressed ? <Suppressed /> : diff(cellNumber(m.actualStarts), m.targetStarts, signedCount)}
              </td>
              <td className={NUM}>{orDash(m.targetCostCents, formatEuro)}</td>
              <td className={NUM}>{orDash(m.actualCostCents, formatEuro)}</td>
              <td className={NUM}>{diff(m.actualCostCents, m.targetCostCents, euroDiff)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('planning.yearSum')}</th>
            <td className={NUM}>{orDash(s.targetStarts, formatCount)}</td>
            <td className={NUM}>{s.actualStarts === null ? <Suppressed /> : formatCount(s.actualStarts)}</td>
            <td className={NUM}>{s.actualStarts === null ? <Suppressed /> : diff(s.actualStarts, s.targetStarts, signedCount)}</td>
            <td className={NUM}>{orDash(s.targetCost, formatEuro)}</td>
            <td className={NUM}>{orDash(s.actualCost, formatEuro)}</td>
            <td className={NUM}>{diff(s.actualCost, s.targetCost, euroDiff)}</td>
          </tr>
        </tfoot>
      </table>
    </ScrollRegion>
  );
}
