/**
 * "Distance travelled" charts (recharts, loaded only when the progress tab is opened). Both charts are
 * images for assistive technology (role="img" with a summary); the table next to them carries the values.
 */
import type { Rating } from '@lotse/contracts';
import { LIFE_AREA_LABELS_DE, type LifeArea, RATING_OCCASION_LABELS_DE } from '@lotse/domain';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { t } from '../../i18n';
import { formatDate } from '../../lib/format';
import { areaChanges, ratingsChronological, scoreOf, signed } from './caseFileData';

/** Distinguishable without colour too: each line has its own dash pattern and its name in the legend. */
const LINE_STYLES: Record<LifeArea, { color: string; dash: string }> = {
  work_qualification: { color: '#0b57a4', dash: '' },
  health: { color: '#a8231b', dash: '6 3' },
  addiction: { color: '#6a3d9a', dash: '2 3' },
  finances_debt: { color: '#1b6331', dash: '10 4' },
  housing: { color: '#8a5a00', dash: '4 2 1 2' },
  family_care: { color: '#00707a', dash: '8 3 2 3' },
  social_participation: { color: '#b3367a', dash: '1 2' },
  motivation_daily_life: { color: '#37414d', dash: '12 2' },
};

const axisTick = { fill: '#1b1f24', fontSize: 13 };
/** Legend entries in series order and in the text colour (the series colour may be too light for text). */
const legendText = (value: string) => <span className="rating-chart__legend">{value}</span>;

export default function RatingCharts({ ratings, areas }: { ratings: Rating[]; areas: LifeArea[] }) {
  const chronological = ratingsChronological(ratings);
  const first = chronological[0];
  const latest = chronological[chronological.length - 1];
  if (!first || !latest) return null;
  const changes = areaChanges(ratings);
  const barData = changes.map((c) => ({ area: LIFE_AREA_LABELS_DE[c.area], first: c.first, latest: c.latest }));
  const biggest = [...changes].filter((c) => c.delta !== null).sort((a, b) => Math.abs(b.delta ?? 0) - Math.abs(a.delta ?? 0))[0];
  const firstLabel = t('caseFile.chartFirst', { date: formatDate(first.ratedOn) });
  const latestLabel = t('caseFile.chartLatest', { date: formatDate(latest.ratedOn) });

  const barSummary = [
    t('caseFile.chartBarsSummary', { first: formatDate(first.ratedOn), latest: formatDate(latest.ratedOn), count: areas.length }),
    biggest?.delta
      ? t('caseFile.chartBiggestChange', {
          area: LIFE_AREA_LABELS_DE[biggest.area],
          from: biggest.first ?? '',
          to: biggest.latest ?? '',
          delta: signed(biggest.delta),
        })
      : t('caseFile.chartNoChange'),
    t('caseFile.chartSeeTable'),
  ].join(' ');

  const lineData = chronological.map((r) => {
    const point: Record<string, string | number | null> = {
      label: formatDate(r.ratedOn),
      occasion: RATING_OCCASION_LABELS_DE[r.occasion],
    };
    for (const area of areas) point[area] = scoreOf(r, area);
    return point;
  });
  const lineSummary = [
    t('caseFile.chartLinesSummary', { count: chronological.length, first: formatDate(first.ratedOn), latest: formatDate(latest.ratedOn) }),
    t('caseFile.chartSeeTable'),
  ].join(' ');

  return (
    <div className="rating-charts">
      <figure className="rating-chart">
        <figcaption>
          <h4>{t('caseFile.chartBarsTitle')}</h4>
        </figcaption>
        <div role="img" aria-label={barSummary} className="rating-chart__canvas">
          <ResponsiveContainer width="100%" height={Math.max(260, areas.length * 48)}>
            <BarChart data={barData} layout="vertical" margin={{ top: 8, right: 32, bottom: 8, left: 8 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" domain={[0, 10]} ticks={[0, 2, 4, 6, 8, 10]} tick={axisTick} />
              <YAxis type="category" dataKey="area" width={190} tick={axisTick} />
              <Tooltip />
              <Legend itemSorter={null} formatter={legendText} />
              <Bar dataKey="first" name={firstLabel} fill="#9fbfe0" stroke="#0b57a4" isAnimationActive={false}>
                <LabelList dataKey="first" position="right" fill="#1b1f24" fontSize={12} />
              </Bar>
              <Bar dataKey="latest" name={latestLabel} fill="#0b57a4" isAnimationActive={false}>
                <LabelList dataKey="latest" position="right" fill="#1b1f24" fontSize={12} />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
      {chronological.length > 1 ? (
        <figure className="rating-chart">
          <figcaption>
            <h4>{t('caseFile.chartLinesTitle')}</h4>
          </figcaption>
          <div role="img" aria-label={lineSummary} className="rating-chart__canvas">
            <ResponsiveContainer width="100%" height={340}>
              <LineChart data={lineData} margin={{ top: 8, right: 24, bottom: 8, left: 0 }} accessibilityLayer={false}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="label" tick={axisTick} interval={0} padding={{ left: 40, right: 40 }} height={40} />
                <YAxis domain={[1, 10]} ticks={[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]} tick={axisTick} width={32} />
                <Tooltip labelFormatter={(label, payload) => `${label} (${payload?.[0]?.payload?.occasion ?? ''})`} />
                <Legend itemSorter={null} formatter={legendText} />
                {areas.map((area) => (
                  <Line
                    key={area}
                    type="monotone"
                    dataKey={area}
                    name={LIFE_AREA_LABELS_DE[area]}
                    stroke={LINE_STYLES[area].color}
                    strokeDasharray={LINE_STYLES[area].dash}
                    strokeWidth={2}
                    connectNulls
                    isAnimationActive={false}
                  />
                ))}
              </LineChart>
            </ResponsiveContainer>
          </div>
        </figure>
      ) : null}
    </div>
  );
}
