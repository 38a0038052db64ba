/**
 * The chart of one quality indicator (recharts, loaded only with the quality page): a horizontal bar
 * per group and one for the total, against the target where the indicator has one (caseload). For
 * assistive technology the chart is one image named by the indicator and its summary in words; the
 * table right below carries every value. The total differs from the groups not only in colour (hatched),
 * the target is a dashed line, and the legend names all three.
 */
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { t } from '../../i18n';
import { MEAN, PERCENT, type QualityPoint, type QualityUnit, WHOLE } from './qualityFigures';

/** Colours with at least 3:1 against white (WCAG 1.4.11), as in the planning charts. */
const GROUP_COLOUR = '#0b57a4';
const TOTAL_COLOUR = '#1b6331';
const TEXT = '#1b1f24';
const axisTick = { fill: TEXT, fontSize: 13 };

const axisFormat = (unit: QualityUnit) => (v: number) => (unit === 'share' ? `${WHOLE.format(v)} %` : WHOLE.format(v));
const valueFormat = (unit: QualityUnit) => (v: number) => (unit === 'share' ? `${PERCENT.format(v)} %` : MEAN.format(v));

function Swatch({ kind, patternId }: { kind: 'group' | 'total' | 'target'; patternId: string }) {
  return (
    <svg width="22" height="14" aria-hidden="true" focusable="false">
      {kind === 'target' ? (
        <line x1="1" y1="7" x2="21" y2="7" stroke={TEXT} strokeWidth="2" strokeDasharray="6 3" />
      ) : kind === 'total' ? (
        <rect x="1" y="1" width="20" height="12" fill={`url(#${patternId})`} stroke={TOTAL_COLOUR} strokeWidth="1" />
      ) : (
        <rect x="1" y="1" width="20" height="12" fill={GROUP_COLOUR} />
      )}
    </svg>
  );
}

export function QualityChart(props: {
  /** Unique on the page: names the hatch pattern of the total bar. */
  id: string;
  points: QualityPoint[];
  unit: QualityUnit;
  byLabel: string;
  target: number | null;
}) {
  const { points, unit, target } = props;
  const patternId = `${props.id}-hatch`;
  const format = valueFormat(unit);
  // Each bar names its value, so 0 reads apart from a suppressed figure (which has no bar).
  const data = points.map((p) => ({
    ...p,
    display: p.value === null ? (p.suppressed ? t('reports.suppressed') : t('common.none')) : format(p.value),
  }));
  const height = Math.max(160, points.length * 38 + 70);
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  // Shares always on 0–100 %; means from 0 (or below, for a negative change) to past the target.
  const domain: [number, number] | [number, 'auto'] =
    unit === 'share' ? [0, 100] : [Math.min(0, Math.floor(Math.min(...values, 0))), 'auto'];
  return (
    <>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data} layout="vertical" margin={{ top: 22, right: 84, bottom: 4, left: 4 }} accessibilityLayer={false}>
          <defs>
            <pattern id={patternId} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" fill="#ffffff" />
              <rect width="3" height="6" fill={TOTAL_COLOUR} />
            </pattern>
          </defs>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={domain} tick={axisTick} tickFormatter={axisFormat(unit)} />
          <YAxis type="category" dataKey="label" width={210} tick={axisTick} interval={0} />
          <Tooltip
            formatter={(v) => (typeof v === 'number' ? format(v) : t('reports.suppressed'))}
            labelFormatter={(_, payload) => (payload?.[0]?.payload as QualityPoint | undefined)?.fullLabel ?? ''}
          />
          <Bar
            dataKey="value"
            name={t('reports.colValue')}
            isAnimationActive={false}
            // A zero gets a sliver (and so its label); a suppressed figure (null) gets no bar at all.
            minPointSize={(value) => (value === 0 ? 2 : 0)}
          >
            {points.map((p) =>
              p.total ? (
                <Cell key={p.key} fill={`url(#${patternId})`} stroke={TOTAL_COLOUR} strokeWidth={1} />
              ) : (
                <Cell key={p.key} fill={GROUP_COLOUR} />
              ),
            )}
            <LabelList dataKey="display" position="right" fill={TEXT} fontSize={12} />
          </Bar>
          {target !== null ? (
            <ReferenceLine
              x={target}
              stroke={TEXT}
              strokeWidth={2}
              strokeDasharray="6 3"
              label={{ value: t('reports.chartTargetLabel', { target: WHOLE.format(target) }), position: 'top', fill: TEXT, fontSize: 12 }}
              ifOverflow="extendDomain"
            />
          ) : null}
        </BarChart>
      </ResponsiveContainer>
      <ul className="quality-chart__legend">
        <li>
          <Swatch kind="group" patternId={patternId} />
          {t('reports.chartLegendGroups', { by: props.byLabel })}
        </li>
        <li>
          <Swatch kind="total" patternId={patternId} />
          {t('reports.total')}
        </li>
        {target !== null ? (
          <li>
            <Swatch kind="target" patternId={patternId} />
            {t('reports.chartLegendTarget')}
          </li>
        ) : null}
      </ul>
    </>
  );
}
