/**
 * The charts of the needs-planning dashboard, each with a summary in words and its values as a table:
 * needs, starts and places per service type; needs and starts per month against the prior year;
 * utilisation and waiting times against the target.
 */

import type { PlanningCell } from '@lotse/contracts';
import { type ReactNode, Suspense } from 'react';
import { type Column, DataTable } from '../../components/DataTable';
import { Loading } from '../../components/Page';
import { t } from '../../i18n';
import type { OverviewRow, PlanningOverview, PlanningTable } from './api';
import { cellNumber, cellText, formatCount, formatDays, formatPercent, periodShort, priorPeriodLabel, shortLabel } from './format';
import { CategoryBars, Cell, ChartFigure, type Definition, Definitions, NUM, PeriodChart, type Series, Suppressed } from './parts';

/** The overview's definitions of the given figures, named as in the tables beside the charts. */
function overviewDefinitions(overview: PlanningOverview, keys: string[]): Definition[] {
  const terms: Record<string, string> = {
    needs: t('planning.seriesNeeds'),
    unmetNeeds: t('planning.colUnmet'),
    starts: t('planning.seriesStarts'),
    capacityPlaces: t('planning.seriesCapacity'),
    utilisationPercent: t('planning.colUtilisation'),
    waitingMedianDays: t('planning.colMedian'),
    waitingP90Days: t('planning.colP90'),
  };
  return keys.flatMap((k) => {
    const definition = overview.definitions[k];
    return definition ? [{ term: terms[k] ?? k, definition }] : [];
  });
}

/** Rows whose cell is suppressed; said in the summary, since the chart simply has no bar there. */
const suppressedNote = (cells: (PlanningCell | null | undefined)[]) => {
  const count = cells.filter((c) => c?.suppressed).length;
  if (count === 0) return '';
  return count === 1 ? t('planning.suppressedRowsOne') : t('planning.suppressedRows', { count });
};
const allUnknown = (cells: (PlanningCell | null | undefined)[]) => cells.every((c) => cellNumber(c) === null);

const namesOf = (rows: OverviewRow[]) => rows.map((r) => shortLabel(r.label, 80)).join(', ');

// ——— needs, starts and capacity per service type ———

export function NeedsCapacityFigure({ overview }: { overview: PlanningOverview }) {
  const rows = overview.rows;
  const data = rows.map((r) => ({
    label: shortLabel(r.label),
    needs: cellNumber(r.current.needs),
    starts: cellNumber(r.current.starts),
    capacity: r.capacityPlaces,
  }));
  const series: Series[] = [
    { key: 'needs', name: t('planning.seriesNeeds'), bar: 'solid' },
    { key: 'starts', name: t('planning.seriesStarts'), bar: 'hatched' },
    { key: 'capacity', name: t('planning.seriesCapacity'), bar: 'outlined', colour: 2 },
  ];
  const top = [...rows].sort((a, b) => (cellNumber(b.current.needs) ?? -1) - (cellNumber(a.current.needs) ?? -1))[0];
  const over = rows.filter((r) => r.capacityPlaces !== null && (cellNumber(r.current.needs) ?? 0) > r.capacityPlaces);
  const summary = [
    top && cellNumber(top.current.needs) !== null
      ? t('planning.needsTop', { label: shortLabel(top.label, 80), count: cellText(top.current.needs) })
      : t('planning.needsNone'),
    over.length === 0
      ? t('planning.needsWithinCapacity')
      : t(over.length === 1 ? 'planning.needsOverCapacityOne' : 'planning.needsOverCapacity', { count: over.length, names: namesOf(over) }),
    suppressedNote(rows.flatMap((r) => [r.current.needs, r.current.starts])),
  ]
    .filter(Boolean)
    .join(' ');
  const columns: Column<OverviewRow>[] = [
    { key: 'label', header: t('planning.serviceType'), rowHeader: true, render: (r) => r.label },
    { key: 'needs', header: t('planning.seriesNeeds'), className: NUM, render: (r) => <Cell cell={r.current.needs} /> },
    { key: 'unmet', header: t('planning.colUnmet'), className: NUM, render: (r) => <Cell cell={r.current.unmetNeeds} /> },
    { key: 'starts', header: t('planning.seriesStarts'), className: NUM, render: (r) => <Cell cell={r.current.starts} /> },
    {
      key: 'capacity',
      header: t('planning.seriesCapacity'),
      className: NUM,
      render: (r) => (r.capacityPlaces === null ? t('common.none') : formatCount(r.capacityPlaces)),
    },
    {
      key: 'needsPrior',
      header: t('planning.colNeedsPrior', { year: priorPeriodLabel(overview.year, overview.priorYearMonths) }),
      className: NUM,
      render: (r) => <Cell cell={r.priorYear.needs} />,
    },
    {
      key: 'startsPrior',
      header: t('planning.colStartsPrior', { year: priorPeriodLabel(overview.year, overview.priorYearMonths) }),
      className: NUM,
      render: (r) => <Cell cell={r.priorYear.starts} />,
    },
  ];
  return (
    <ChartFigure
      id="planning-needs"
      title={t('planning.needsTitle', { year: overview.year })}
      summary={summary}
      chart={<CategoryBars data={data} categoryKey="label" series={series} format={formatCount} />}
      empty={data.every((d) => d.needs === null && d.starts === null && d.capacity === null)}
      definitions={overviewDefinitions(overview, ['needs', 'unmetNeeds', 'starts', 'capacityPlaces'])}
      table={
        <DataTable
          caption={t('planning.needsTitle', { year: overview.year })}
          captionHidden
          columns={columns}
          rows={rows}
          rowKey={(r) => r.serviceType}
          className="planning-compact"
        />
      }
    />
  );
}

// ——— needs and starts per month, with the prior year ———

interface MonthPoint {
  key: string;
  label: string;
  fullLabel: string;
  needs: number | null;
  starts: number | null;
  needsPrior: number | null;
  startsPrior: number | null;
}

function monthPoints(current: PlanningTable, prior: PlanningTable | null): MonthPoint[] {
  return current.periods.map((p, i) => ({
    key: p.key,
    label: periodShort(p),
    fullLabel: p.label,
    needs: cellNumber(current.total.measures.needs?.periods[i]),
    starts: cellNumber(current.total.measures.starts?.periods[i]),
    needsPrior: prior ? cellNumber(prior.total.measures.needs?.periods[i]) : null,
    startsPrior: prior ? cellNumber(prior.total.measures.starts?.periods[i]) : null,
  }));
}

const numberOrDash = (v: number | null) => (v === null ? t('planning.suppressedOrNone') : formatCount(v));

export function MonthlyFigure({ current, prior }: { current: PlanningTable; prior: PlanningTable | null }) {
  const year = current.year;
  const points = monthPoints(current, prior);
  const series: Series[] = [
    { key: 'needs', name: t('planning.seriesNeedsYear', { year }), bar: 'solid', colour: 0 },
    { key: 'starts', name: t('planning.seriesStartsYear', { year }), bar: 'hatched', colour: 1 },
    ...(prior
      ? ([
          { key: 'needsPrior', name: t('planning.seriesNeedsYear', { year: year - 1 }), line: 'dashed', colour: 0 },
          { key: 'startsPrior', name: t('planning.seriesStartsYear', { year: year - 1 }), line: 'dotted', colour: 1 },
        ] as Series[])
      : []),
  ];
  const peak = [...points].sort((a, b) => (b.needs ?? -1) - (a.needs ?? -1))[0];
  const summary = [
    t('planning.monthlyTotals', {
      year,
      needs: cellText(current.total.measures.needs?.year),
      starts: cellText(current.total.measures.starts?.year),
    }),
    prior
      ? t('planning.monthlyPrior', {
          year: year - 1,
          needs: cellText(prior.total.measures.needs?.year),
          starts: cellText(prior.total.measures.starts?.year),
        })
      : t('planning.monthlyNoPrior', { year: year - 1 }),
    peak?.needs ? t('planning.monthlyPeak', { month: peak.fullLabel, count: formatCount(peak.needs) }) : '',
  ]
    .filter(Boolean)
    .join(' ');
  const columns: Column<MonthPoint>[] = [
    { key: 'month', header: t('planning.month'), rowHeader: true, render: (p) => p.fullLabel },
    { key: 'needs', header: t('planning.seriesNeedsYear', { year }), className: NUM, render: (p) => numberOrDash(p.needs) },
    { key: 'starts', header: t('planning.seriesStartsYear', { year }), className: NUM, render: (p) => numberOrDash(p.starts) },
  ];
  if (prior) {
    columns.push(
      {
        key: 'needsPrior',
        header: t('planning.seriesNeedsYear', { year: year - 1 }),
        className: NUM,
        render: (p) => numberOrDash(p.needsPrior),
      },
      {
        key: 'startsPrior',
        header: t('planning.seriesStartsYear', { year: year - 1 }),
        className: NUM,
        render: (p) => numberOrDash(p.startsPrior),
      },
    );
  }
  return (
    <ChartFigure
      id="planning-monthly"
      title={t('planning.monthlyTitle', { year })}
      summary={summary}
      empty={points.every((p) => p.needs === null && p.starts === null && p.needsPrior === null && p.startsPrior === null)}
      chart={
        <PeriodChart
          data={points as unknown as Record<string, number | string | null>[]}
          categoryKey="label"
          series={series}
          format={formatCount}
        />
      }
      table={
        <DataTable caption={t('planning.monthlyTitle', { year })} captionHidden columns={columns} rows={points} rowKey={(p) => p.key} />
      }
    />
  );
}

// ——— utilisation and waiting times ———

export function UtilisationWaitingFigure({ overview }: { overview: PlanningOverview }) {
  const rows = overview.rows;
  const target = overview.waitingTargetDays;
  const utilData = rows.map((r) => ({ label: shortLabel(r.label), utilisation: cellNumber(r.utilisationPercent) }));
  const waitData = rows.map((r) => ({
    label: shortLabel(r.label),
    median: cellNumber(r.current.waitingMedianDays),
    p90: cellNumber(r.current.waitingP90Days),
  }));
  const overFull = rows.filter((r) => (cellNumber(r.utilisationPercent) ?? 0) > 100);
  const medianOver = rows.filter((r) => (cellNumber(r.current.waitingMedianDays) ?? 0) > target);
  const p90Over = rows.filter((r) => (cellNumber(r.current.waitingP90Days) ?? 0) > target);
  const utilCells = rows.map((r) => r.utilisationPercent);
  const utilSummary = [
    allUnknown(utilCells)
      ? t('planning.utilNone')
      : overFull.length === 0
        ? t('planning.utilWithin')
        : t(overFull.length === 1 ? 'planning.utilOverOne' : 'planning.utilOver', { count: overFull.length, names: namesOf(overFull) }),
    suppressedNote(utilCells),
  ]
    .filter(Boolean)
    .join(' ');
  const waitCells = rows.map((r) => r.current.waitingMedianDays);
  const waitSummary = [
    t('planning.waitTarget', { target: formatDays(target) }),
    ...(allUnknown(waitCells)
      ? [t('planning.waitNone')]
      : [
          medianOver.length > 0 ? t('planning.waitMedianOver', { names: namesOf(medianOver) }) : t('planning.waitMedianWithin'),
          p90Over.length > 0 ? t('planning.waitP90Over', { names: namesOf(p90Over) }) : t('planning.waitP90Within'),
        ]),
    suppressedNote(waitCells),
  ]
    .filter(Boolean)
    .join(' ');

  const status = (r: OverviewRow) => {
    const median = cellNumber(r.current.waitingMedianDays);
    const p90 = cellNumber(r.current.waitingP90Days);
    if (median === null && p90 === null) return r.current.waitingMedianDays.suppressed ? <Suppressed /> : t('common.none');
    if (median !== null && median > target) return t('planning.statusMedianOver');
    if (p90 !== null && p90 > target) return t('planning.statusP90Over');
    return t('planning.statusWithin');
  };
  const columns: Column<OverviewRow>[] = [
    { key: 'label', header: t('planning.serviceType'), rowHeader: true, render: (r) => r.label },
    {
      key: 'capacity',
      header: t('planning.seriesCapacity'),
      className: NUM,
      render: (r) => (r.capacityPlaces === null ? t('common.none') : formatCount(r.capacityPlaces)),
    },
    {
      key: 'util',
      header: t('planning.colUtilisation'),
      className: NUM,
      render: (r) => <Cell cell={r.utilisationPercent} format={formatPercent} />,
    },
    {
      key: 'median',
      header: t('planning.colMedian'),
      className: NUM,
      render: (r) => <Cell cell={r.current.waitingMedianDays} format={formatDays} />,
    },
    {
      key: 'p90',
      header: t('planning.colP90'),
      className: NUM,
      render: (r) => <Cell cell={r.current.waitingP90Days} format={formatDays} />,
    },
    {
      key: 'medianPrior',
      header: t('planning.colMedianPrior', { year: priorPeriodLabel(overview.year, overview.priorYearMonths) }),
      className: NUM,
      render: (r) => <Cell cell={r.priorYear.waitingMedianDays} format={formatDays} />,
    },
    { key: 'status', header: t('planning.colTargetStatus', { target: formatDays(target) }), render: status },
  ];
  return (
    <section className="card planning-figure" aria-labelledby="planning-util-title">
      <h2 id="planning-util-title">{t('planning.utilTitle', { year: overview.year })}</h2>
      <Suspense fallback={<Loading />}>
        <div className="planning-figure__pair">
          <SubChart id="planning-util-chart" title={t('planning.utilChartTitle')} summary={utilSummary} empty={allUnknown(utilCells)}>
            <CategoryBars
              data={utilData}
              categoryKey="label"
              series={[{ key: 'utilisation', name: t('planning.colUtilisation'), bar: 'solid', colour: 3 }]}
              format={formatPercent}
              references={[{ value: 100, label: t('planning.fullCapacity') }]}
            />
          </SubChart>
          <SubChart
            id="planning-wait-chart"
            title={t('planning.waitChartTitle')}
            summary={waitSummary}
            empty={allUnknown(waitCells) && allUnknown(rows.map((r) => r.current.waitingP90Days))}
          >
            <CategoryBars
              data={waitData}
              categoryKey="label"
              series={[
                { key: 'median', name: t('planning.colMedian'), bar: 'solid', colour: 0 },
                { key: 'p90', name: t('planning.colP90'), bar: 'dotted', colour: 2 },
              ]}
              format={formatDays}
              references={[{ value: target, label: t('planning.targetLine', { target: formatDays(target) }) }]}
            />
          </SubChart>
        </div>
      </Suspense>
      <DataTable
        caption={t('planning.utilTableCaption', { year: overview.year })}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.serviceType}
        className="planning-compact"
      />
      <Definitions items={overviewDefinitions(overview, ['capacityPlaces', 'utilisationPercent', 'waitingMedianDays', 'waitingP90Days'])} />
    </section>
  );
}

/** One of two charts side by side under a common heading: its own heading, summary and image. */
function SubChart(props: { id: string; title: string; summary: string; empty: boolean; children: ReactNode }) {
  return (
    <div>
      <h3 id={`${props.id}-title`}>{props.title}</h3>
      <p id={`${props.id}-summary`} className="planning-figure__summary">
        {props.summary}
      </p>
      {props.empty ? null : (
        <div role="img" aria-labelledby={`${props.id}-title ${props.id}-summary`} className="planning-figure__chart">
          {props.children}
        </div>
      )}
    </div>
  );
}
