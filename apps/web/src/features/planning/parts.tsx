/**
 * Pieces every planning screen uses: a figure cell (with the "·" of a suppressed value), the
 * suppression legend, the "Was zählt hier?" definitions, a chart figure with heading, summary and
 * data table, the year choice and the export links.
 */
import type { PlanningCell } from '@lotse/contracts';
import { lazy, type ReactNode, Suspense } from 'react';
import { SelectField } from '../../components/FormField';
import { Loading } from '../../components/Page';
import { t } from '../../i18n';
import { formatCount } from './format';

export const CategoryBars = lazy(() => import('./charts').then((m) => ({ default: m.CategoryBars })));
export const PeriodChart = lazy(() => import('./charts').then((m) => ({ default: m.PeriodChart })));
export type { Reference, Series } from './charts';

/** A figure; a suppressed one is a "·" that screen readers read as "gesperrt". */
export function Cell({ cell, format = formatCount }: { cell: PlanningCell | null | undefined; format?: (value: number) => string }) {
  if (cell?.suppressed) return <Suppressed />;
  if (!cell || cell.value === null) return <span className="muted">{t('common.none')}</span>;
  return <>{format(cell.value)}</>;
}

export function Suppressed() {
  return (
    <span className="planning-suppressed" title={t('planning.suppressed')}>
      <span aria-hidden="true">·</span>
      <span className="visually-hidden">{t('planning.suppressed')}</span>
    </span>
  );
}

/** Explains the "·" with the tenant's minimum; only for users to whom suppression applies. */
export function SuppressionLegend({ suppression }: { suppression: { applied: boolean; minimum: number } | undefined }) {
  if (!suppression?.applied) return null;
  return (
    <p className="planning-legend">
      <span className="planning-legend__mark" aria-hidden="true">
        ·
      </span>{' '}
      {t('planning.suppressionLegend', { minimum: suppression.minimum, below: suppression.minimum - 1 })}
    </p>
  );
}

export interface Definition {
  term: string;
  definition: string;
}

/** "Was zählt hier?": the definition of each figure, beside it, open on demand. */
export function Definitions({ items, summary = t('planning.whatCounts') }: { items: Definition[]; summary?: string }) {
  if (items.length === 0) return null;
  return (
    <details className="planning-definitions">
      <summary>{summary}</summary>
      <dl>
        {items.map((d) => (
          <div key={d.term} className="planning-definitions__item">
            <dt>{d.term}</dt>
            <dd>{d.definition}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/**
 * A chart with its heading, a short summary in words, the chart (one image named by heading and
 * summary) and the same values as a table to open beside it.
 */
export function ChartFigure(props: {
  id: string;
  title: string;
  summary: string;
  chart: ReactNode;
  /** No value to draw (all suppressed or none): the summary says why, no empty axes are shown. */
  empty?: boolean;
  /** The chart's values as a table, to open beside it; or `tableNote` when the page shows them right below. */
  table?: ReactNode;
  tableNote?: string;
  tableOpen?: boolean;
  /** What the figures count ("Was zählt hier?"), below the table. */
  definitions?: Definition[];
  headingLevel?: 2 | 3;
  children?: ReactNode;
}) {
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <section className="card planning-figure" aria-labelledby={`${props.id}-title`}>
      <Heading id={`${props.id}-title`}>{props.title}</Heading>
      <p id={`${props.id}-summary`} className="planning-figure__summary">
        {props.summary}
      </p>
      {props.empty ? null : (
        <div role="img" aria-labelledby={`${props.id}-title ${props.id}-summary`} className="planning-figure__chart">
          <Suspense fallback={<Loading />}>{props.chart}</Suspense>
        </div>
      )}
      {props.children}
      {props.table ? (
        <details className="planning-details" open={props.tableOpen}>
          <summary>{t('planning.showTable')}</summary>
          {props.table}
        </details>
      ) : (
        <p className="field-hint">{props.tableNote}</p>
      )}
      {props.definitions ? <Definitions items={props.definitions} /> : null}
    </section>
  );
}

/** The year to look at; only years the API has figures for. */
export function YearField({
  id,
  years,
  value,
  onChange,
}: {
  id: string;
  years: number[];
  value: number;
  onChange: (year: number) => void;
}) {
  const options = [...new Set([...years, value])].sort((a, b) => b - a);
  return (
    <SelectField
      id={id}
      label={t('planning.year')}
      value={String(value)}
      onChange={(v) => onChange(Number(v))}
      width="short"
      options={options.map((y) => ({ value: String(y), label: String(y) }))}
    />
  );
}

/** Plain links: the browser downloads the file the API names (Content-Disposition). */
export function DownloadLinks({ csv, xlsx }: { csv: string; xlsx: string }) {
  return (
    <div className="planning-downloads">
      <a className="button button--secondary" href={csv} download>
        {t('planning.downloadCsv')}
      </a>
      <a className="button button--secondary" href={xlsx} download>
        {t('planning.downloadXlsx')}
      </a>
    </div>
  );
}

/** A number column's header and cells are right-aligned. */
export const NUM = 'num nowrap';

/**
 * A table that may be wider than the page: the wrapper scrolls and is a named, focusable region, so
 * keyboard users can scroll it too (WCAG 2.1.1).
 */
export function ScrollRegion({ labelledBy, busy, children }: { labelledBy: string; busy?: boolean; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (WCAG 2.1.1)
    <section className="table-wrap planning-scroll" tabIndex={0} aria-labelledby={labelledBy} aria-busy={busy || undefined}>
      {children}
    </section>
  );
}
