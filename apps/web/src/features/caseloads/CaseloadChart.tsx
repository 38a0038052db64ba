/**
 * The load per team and role as horizontal bars in percent of the target, with the target (100 %) as a
 * dashed line (recharts, loaded only with the page). For assistive technology the chart is one image
 * named by its heading and summary; the table below carries every value. The totals are hatched, so
 * they differ from the teams not only in colour.
 */
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { t } from '../../i18n';
import { formatPercent, type LoadPoint, statusLabel, WHOLE } from './caseloadFigures';

/** Colours with at least 3:1 against white (WCAG 1.4.11), as in the quality charts. */
const TEAM_COLOUR = '#0b57a4';
const TOTAL_COLOUR = '#1b6331';
const TEXT = '#1b1f24';
const axisTick = { fill: TEXT, fontSize: 13 };

function Swatch({ kind, patternId }: { kind: 'team' | 'total' | 'target'; patternId: string }) {
  return (
    <svg width="22" height="14" aria-hidden="true" focusable="false">
      {kind === 'target' ? (
        <line x1="1" y1="7" x2="21" y2="7" stroke={TEXT} strokeWidth="2" strokeDasharray="6 3" />
      ) : kind === 'total' ? (
        <rect x="1" y="1" width="20" height="12" fill={`url(#${patternId})`} stroke={TOTAL_COLOUR} strokeWidth="1" />
      ) : (
        <rect x="1" y="1" width="20" height="12" fill={TEAM_COLOUR} />
      )}
    </svg>
  );
}

export function CaseloadChart({ id, points }: { id: string; points: LoadPoint[] }) {
  const patternId = `${id}-hatch`;
  const data = points.map((p) => ({
    ...p,
    value: p.percent,
    display: p.percent === null ? statusLabel(null) : formatPercent(p.percent),
  }));
  const height = Math.max(160, points.length * 34 + 70);
  return (
    <>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data} layout="vertical" margin={{ top: 22, right: 110, bottom: 4, left: 4 }} accessibilityLayer={false}>
          <defs>
            <pattern id={patternId} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" fill="#ffffff" />
              <rect width="3" height="6" fill={TOTAL_COLOUR} />
            </pattern>
          </defs>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[0, 'auto']} tick={axisTick} tickFormatter={(v: number) => `${WHOLE.format(v)} %`} />
          <YAxis type="category" dataKey="label" width={250} tick={axisTick} interval={0} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? formatPercent(v) : statusLabel(null))} />
          <Bar
            dataKey="value"
            name={t('caseloads.colPercent')}
            isAnimationActive={false}
            // A zero gets a sliver (and so its label); a row without a target has no bar at all.
            minPointSize={(value) => (value === 0 ? 2 : 0)}
          >
            {points.map((p) =>
              p.total ? (
                <Cell key={p.key} fill={`url(#${patternId})`} stroke={TOTAL_COLOUR} strokeWidth={1} />
              ) : (
                <Cell key={p.key} fill={TEAM_COLOUR} />
              ),
            )}
            <LabelList dataKey="display" position="right" fill={TEXT} fontSize={12} />
          </Bar>
          <ReferenceLine
            x={100}
            stroke={TEXT}
            strokeWidth={2}
            strokeDasharray="6 3"
            label={{ value: t('caseloads.chartTarget'), position: 'top', fill: TEXT, fontSize: 12 }}
            ifOverflow="extendDomain"
          />
        </BarChart>
      </ResponsiveContainer>
      <ul className="caseload-chart__legend">
        <li>
          <Swatch kind="team" patternId={patternId} />
          {t('caseloads.chartLegendBars')}
        </li>
        <li>
          <Swatch kind="total" patternId={patternId} />
          {t('caseloads.total')}
        </li>
        <li>
          <Swatch kind="target" patternId={patternId} />
          {t('caseloads.chartLegendTarget')}
        </li>
      </ul>
    </>
  );
}
