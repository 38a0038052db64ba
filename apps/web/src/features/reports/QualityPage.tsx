import type { QualityFigure, QualityIndicatorResult, QualityReport, QualityRow } from '@lotse/contracts';
import { QUALITY_GROUPING_LABELS_DE, QUALITY_GROUPINGS, QUALITY_LEVELS, type QualityGrouping } from '@lotse/domain';
import { lazy, Suspense, useCallback } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Badge } from '../../components/Badge';
import { SelectField } from '../../components/FormField';
import { Loading, PageHeader, ProblemAlert, usePageTitle } from '../../components/Page';
import { t } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useLoadedResource } from '../../lib/useLoadedResource';
import * as api from './api';
import {
  formatQualityValue,
  hasQualityChart,
  PERCENT,
  qualityExportUrl,
  qualityPoints,
  qualitySummary,
  qualityTarget,
  WHOLE,
} from './qualityFigures';
import { yearOptions } from './years';
import './quality.css';

// recharts is loaded only when the page shows a chart.
const QualityChart = lazy(() => import('./QualityChart').then((m) => ({ default: m.QualityChart })));

const isGrouping = (v: string | null): v is QualityGrouping => v !== null && (QUALITY_GROUPINGS as readonly string[]).includes(v);

/** A figure's value: a share in percent, a mean as a number; "unterdrückt" or "–" where there is none. */
function FigureValue({ figure, unit }: { figure: QualityFigure; unit: QualityIndicatorResult['unit'] }) {
  if (figure.suppressed) return <span className="muted">{t('reports.suppressed')}</span>;
  if (figure.value === null) return <span className="muted">{t('common.none')}</span>;
  return <>{formatQualityValue(figure.value, unit)}</>;
}

const count = (value: number | null) => (value === null ? '' : WHOLE.format(value));

const LIGHT_TONES = { green: 'success', yellow: 'info', red: 'danger' } as const;

function Assessment({ row }: { row: QualityRow }) {
  const a = row.assessment;
  if (!a?.light || a.ratio === null) return <span className="muted">{t('common.none')}</span>;
  return (
    <>
      <Badge tone={LIGHT_TONES[a.light]}>{t(`reports.light.${a.light}`)}</Badge>{' '}
      <span className="muted">{t('reports.ratioOfTarget', { percent: PERCENT.format(a.ratio * 100) })}</span>
    </>
  );
}

/** One indicator: its name, definition, the figure per group and in total, and the parts of each. */
function IndicatorCard({ indicator, report }: { indicator: QualityIndicatorResult; report: QualityReport }) {
  const headingId = `quality-${indicator.key}`;
  const rows = indicator.applicable ? indicator.rows : [];
  const withAssessment = indicator.key === 'caseload';
  const groupLabel = indicator.applicable ? report.byLabel : t('reports.total');
  const renderRow = (row: QualityRow, total: boolean) => (
    <tr key={row.key} className={total ? 'quality-total' : undefined}>
      <th scope="row">{total ? t('reports.total') : row.label}</th>
      <td className="num">
        <FigureValue figure={row.figure} unit={indicator.unit} />
      </td>
      <td className="num">{count(row.figure.numerator)}</td>
      <td className="num">{count(row.figure.denominator)}</td>
      {withAssessment ? (
        <td>
          <Assessment row={row} />
        </td>
      ) : null}
    </tr>
  );
  const allRows = [...rows, indicator.total];
  const hasParts = indicator.total.parts.length > 0;
  return (
    <section className="card quality-indicator" aria-labelledby={headingId}>
      <h3 id={headingId}>{indicator.name}</h3>
      <div className="quality-indicator__body">
        <div className="quality-indicator__figures">
          {!indicator.applicable && indicator.notApplicableText ? <p className="muted">{indicator.notApplicableText}</p> : null}
          {indicator.applicable ? (
            <p id={`${headingId}-summary`} className="quality-chart__summary">
              {qualitySummary(indicator)}
            </p>
          ) : null}
          {hasQualityChart(indicator) ? (
            <div role="img" aria-labelledby={`${headingId} ${headingId}-summary`} className="quality-chart">
              {/* No loading notice per chart: the summary beside it already says what the chart shows. */}
              <Suspense fallback={null}>
                <QualityChart
                  id={`${headingId}-chart`}
                  points={qualityPoints(indicator)}
                  unit={indicator.unit}
                  byLabel={report.byLabel}
                  target={qualityTarget(indicator)}
                />
              </Suspense>
            </div>
          ) : null}
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">
                {indicator.applicable
                  ? t('reports.tableCaption', { name: indicator.name, by: report.byLabel })
                  : t('reports.totalCaption', { name: indicator.name })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('reports.colGroup', { by: groupLabel })}</th>
                  <th scope="col" className="num">
                    {t('reports.colValue')}
                  </th>
                  <th scope="col" className="num">
                    {t('reports.colNumerator')}
                  </th>
                  <th scope="col" className="num">
                    {t('reports.colDenominator')}
                  </th>
                  {withAssessment ? <th scope="col">{t('reports.colAssessment')}</th> : null}
                </tr>
              </thead>
              <tbody>{rows.map((row) => renderRow(row, false))}</tbody>
              <tfoot>{renderRow(indicator.total, true)}</tfoot>
            </table>
          </div>
          {hasParts ? (
            <details className="quality-parts">
              <summary>{t('reports.partsSummary', { name: indicator.name })}</summary>
              <section
                className="table-wrap"
                // One column per group: the table may be wider than the screen, so the region scrolls and takes the focus.
                // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (WCAG 2.1.1)
                tabIndex={0}
                aria-labelledby={`${headingId}-parts`}
              >
                <table className="data-table">
                  <caption id={`${headingId}-parts`} className="visually-hidden">
                    {t('reports.partsCaption', { name: indicator.name })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('reports.colPart')}</th>
                      {allRows.map((row) => (
                        <th key={row.key} scope="col" className="num">
                          {row.key === 'total' ? t('reports.total') : row.label}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {indicator.total.parts.map((part, index) => (
                      <tr key={part.key}>
                        <th scope="row">{part.label}</th>
                        {allRows.map((row) => {
                          const figure = row.parts[index]?.figure;
                          return (
                            <td key={row.key} className="num">
                              {figure ? <FigureValue figure={figure} unit={indicator.unit} /> : null}
                              {figure && !figure.suppressed && figure.denominator ? (
                                <span className="muted quality-fraction">
                                  {' '}
                                  ({count(figure.numerator)}/{count(figure.denominator)})
                                </span>
                              ) : null}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            </details>
          ) : null}
        </div>
        <div className="quality-indicator__definition">
          <h4>{t('reports.definition')}</h4>
          <p className="quality-indicator__text">{indicator.definition}</p>
          <p className="quality-indicator__text muted">{t('reports.basis', { basis: indicator.basisLabel })}</p>
        </div>
      </div>
    </section>
  );
}

/** Quality indicators (SPEC C13) for team leads and coordinators: per level, each with its definition beside it. */
export function QualityPage() {
  usePageTitle(t('reports.qualityTitle'));
  const [params, setParams] = useSearchParams();
  const years = yearOptions();
  const yearParam = Number(params.get('jahr'));
  const year = years.includes(yearParam) ? yearParam : (years[0] as number);
  const byParam = params.get('nach');
  const by: QualityGrouping = isGrouping(byParam) ? byParam : 'team';
  const fetchQuality = useCallback((signal?: AbortSignal) => api.getQuality(year, by, signal), [year, by]);
  const { loaded, loadError, load } = useLoadedResource(fetchQuality);
  const choose = (key: 'jahr' | 'nach', value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t('reports.qualityTitle')}
        actions={
          <Link to="/berichte" className="button button--secondary">
            {t('reports.backToHub')}
          </Link>
        }
      >
        <p className="page-subtitle">{t('reports.qualityIntro')}</p>
      </PageHeader>
      <form className="card filter-form" aria-labelledby="quality-filter-heading" onSubmit={(e) => e.preventDefault()}>
        <h2 id="quality-filter-heading" className="h3">
          {t('reports.qualityFilterHeading')}
        </h2>
        <div className="filter-form__row">
          <SelectField
            id="quality-year"
            label={t('reports.year')}
            width="short"
            value={String(year)}
            onChange={(v) => choose('jahr', v)}
            options={years.map((y) => ({ value: String(y), label: String(y) }))}
          />
          <SelectField
            id="quality-by"
            label={t('reports.groupBy')}
            value={by}
            onChange={(v) => choose('nach', v)}
            options={QUALITY_GROUPINGS.map((g) => ({ value: g, label: QUALITY_GROUPING_LABELS_DE[g] }))}
          />
        </div>
        <p role="status" className="muted">
          {loaded ? t('reports.qualityLoaded', { year: loaded.year, by: loaded.byLabel }) : ''}
        </p>
        <nav aria-label={t('reports.downloads')} className="button-row quality-downloads">
          {/* Plain links: the browser saves the file the API names (Content-Disposition). */}
          <a className="button button--secondary" href={qualityExportUrl('csv', year, by)} download>
            {t('reports.qualityDownloadCsv')}
          </a>
          <a className="button button--secondary" href={qualityExportUrl('xlsx', year, by)} download>
            {t('reports.qualityDownloadXlsx')}
          </a>
          <span className="muted">{t('reports.qualityDownloadHint')}</span>
        </nav>
      </form>
      {loadError ? <ProblemAlert error={loadError} onRetry={() => void load()} /> : null}
      {!loaded && !loadError ? <Loading /> : null}
      {loaded ? (
        <>
          <div className="banner banner--info">
            <p>{t('reports.referenceDate', { date: formatDate(loaded.referenceDate) })}</p>
            <p>{t('reports.targets', { caseload: loaded.targets.caseloadTarget, waiting: loaded.targets.waitingTargetDays })}</p>
            <p>
              {loaded.suppression.applied
                ? t('reports.suppressionApplied', { minimum: loaded.suppression.minimum })
                : t('reports.suppressionNotApplied')}
            </p>
          </div>
          {QUALITY_LEVELS.map((level) => {
            const indicators = loaded.indicators.filter((i) => i.level === level);
            if (indicators.length === 0) return null;
            return (
              <section key={level} aria-labelledby={`quality-level-${level}`} className="quality-level">
                <h2 id={`quality-level-${level}`}>{indicators[0]?.levelLabel}</h2>
                {indicators.map((indicator) => (
                  <IndicatorCard key={indicator.key} indicator={indicator} report={loaded} />
                ))}
              </section>
            );
          })}
        </>
      ) : null}
    </>
  );
}
