/**
 * What the quality page derives from the report, kept pure for tests: the formats of a figure, the
 * points of an indicator's chart, the chart's summary in words and the address of the downloads.
 */
import type { QualityFigure, QualityIndicatorResult, QualityRow } from '@lotse/contracts';
import type { QualityGrouping } from '@lotse/domain';
import { t } from '../../i18n';

export const PERCENT = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
export const MEAN = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 2 });
export const WHOLE = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });

export type QualityUnit = QualityIndicatorResult['unit'];

/** A value as shown: a share in percent ("42,9 %"), a mean as a number ("4,67"). */
export function formatQualityValue(value: number, unit: QualityUnit): string {
  return unit === 'share' ? `${PERCENT.format(value * 100)} %` : MEAN.format(value);
}

/** The value drawn: shares in percent (the axis reads 0–100 %), means as they are. */
const plotted = (figure: QualityFigure, unit: QualityUnit): number | null =>
  figure.suppressed || figure.value === null ? null : unit === 'share' ? figure.value * 100 : figure.value;

/** Label on the chart's axis: shorter, without a trailing "(§ …)", the full one stays in the table. */
export function shortLabel(label: string, max = 30): string {
  const base = label.replace(/\s*\([^)]*\)\s*$/, '').trim() || label;
  return base.length > max ? `${base.slice(0, max - 1).trimEnd()}…` : base;
}

export interface QualityPoint {
  key: string;
  label: string;
  fullLabel: string;
  value: number | null;
  suppressed: boolean;
  total: boolean;
}

/** One bar per group and one for the total; suppressed or empty figures have no bar (the summary says so). */
export function qualityPoints(indicator: QualityIndicatorResult): QualityPoint[] {
  const rows = indicator.applicable ? indicator.rows : [];
  return [...rows, indicator.total].map((row: QualityRow) => {
    const total = row.key === 'total';
    const fullLabel = total ? t('reports.total') : row.label;
    return {
      key: row.key,
      label: shortLabel(fullLabel),
      fullLabel,
      value: plotted(row.figure, indicator.unit),
      suppressed: row.figure.suppressed,
      total,
    };
  });
}

/** The target a bar is compared with: the caseload target; the other indicators have none of their own. */
export function qualityTarget(indicator: QualityIndicatorResult): number | null {
  return indicator.total.assessment?.target ?? null;
}

/** Whether a chart is worth drawing: the breakdown applies and at least one group has a value. */
export function hasQualityChart(indicator: QualityIndicatorResult): boolean {
  return indicator.applicable && indicator.rows.some((r) => plotted(r.figure, indicator.unit) !== null);
}

/** The chart in words: the total, the highest and lowest group, the groups above the target, what is suppressed. */
export function qualitySummary(indicator: QualityIndicatorResult): string {
  const { unit, total } = indicator;
  const format = (v: number) => formatQualityValue(v, unit);
  const parts: string[] = [];
  if (total.figure.suppressed) parts.push(t('reports.chartTotalSuppressed'));
  else if (total.figure.value === null) parts.push(t('reports.chartTotalNone'));
  else
    parts.push(
      t(unit === 'share' ? 'reports.chartTotalShare' : 'reports.chartTotalMean', {
        value: format(total.figure.value),
        numerator: WHOLE.format(total.figure.numerator ?? 0),
        denominator: WHOLE.format(total.figure.denominator ?? 0),
        basis: indicator.basisLabel,
      }),
    );
  const rows = indicator.applicable ? indicator.rows : [];
  const shown = rows.filter((r) => !r.figure.suppressed && r.figure.value !== null) as Array<QualityRow & { figure: { value: number } }>;
  if (shown.length === 1) {
    const only = shown[0] as (typeof shown)[number];
    parts.push(t('reports.chartOnly', { label: only.label, value: format(only.figure.value) }));
  } else if (shown.length > 1) {
    const sorted = [...shown].sort((a, b) => b.figure.value - a.figure.value);
    const high = sorted[0] as (typeof shown)[number];
    const low = sorted.at(-1) as (typeof shown)[number];
    parts.push(
      high.figure.value === low.figure.value
        ? t('reports.chartAllEqual', { value: format(high.figure.value) })
        : t('reports.chartRange', {
            high: high.label,
            highValue: format(high.figure.value),
            low: low.label,
            lowValue: format(low.figure.value),
          }),
    );
  }
  const target = qualityTarget(indicator);
  if (target !== null && shown.length > 0) {
    const above = shown.filter((r) => r.figure.value > target);
    parts.push(
      above.length === 0
        ? t('reports.chartTargetKept', { target: WHOLE.format(target) })
        : t('reports.chartTargetExceeded', { target: WHOLE.format(target), names: above.map((r) => r.label).join(', ') }),
    );
  }
  const suppressed = rows.filter((r) => r.figure.suppressed).length;
  if (suppressed === 1) parts.push(t('reports.chartSuppressedOne'));
  else if (suppressed > 1) parts.push(t('reports.chartSuppressed', { count: suppressed }));
  return parts.join(' ');
}

/** Address of the download with the page's choices; a plain link, the API names the file. */
export function qualityExportUrl(format: 'csv' | 'xlsx', year: number, by: QualityGrouping): string {
  const params = new URLSearchParams({ year: String(year), by, format });
  return `/api/quality/export?${params.toString()}`;
}
