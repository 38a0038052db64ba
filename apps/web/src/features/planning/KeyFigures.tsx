import type { PlanningCell } from '@lotse/contracts';
import { PLANNING_MEASURES, type PlanningMeasure } from '@lotse/domain';
import { t } from '../../i18n';
import type { PlanningOverview, PlanningTable } from './api';
import { cellNumber, cellText, formatCount, formatDays, priorPeriodLabel, type TrendDirection, trendOf, trendText } from './format';
import { Definitions } from './parts';

interface Tile {
  key: string;
  label: string;
  value: string;
  /** The current value is suppressed: the tile shows "·" and says so. */
  suppressed: boolean;
  direction: TrendDirection;
  trend: string;
}

const ARROW: Record<TrendDirection, string> = { up: '▲', down: '▼', same: '▶', none: '' };

/** The measure's tile label ("Warteliste zum Jahresende" instead of the table's "(Periodenende)"). */
function tileLabel(table: PlanningTable, measure: PlanningMeasure): string {
  if (measure === 'waitingList') return t('planning.tileWaitingList');
  return table.measures.find((m) => m.key === measure)?.label ?? measure;
}

function tileOf(
  key: string,
  label: string,
  current: PlanningCell | undefined,
  prior: PlanningCell | undefined,
  priorLabel: string,
  format = formatCount,
): Tile {
  const trend = trendOf(cellNumber(current), cellNumber(prior));
  return {
    key,
    label,
    value: cellText(current, format),
    suppressed: Boolean(current?.suppressed),
    direction: trend.direction,
    trend: trendText(trend, priorLabel, cellText(prior, format)),
  };
}

/**
 * The median over all starts cannot be derived from the medians per service type: with one service
 * type chosen (or only one in the figures) it is that one's, otherwise the tile shows the range.
 */
function waitingTile(overview: PlanningOverview): Tile {
  const label = t('planning.tileWaitingMedian');
  const [only] = overview.rows;
  if (overview.rows.length === 1 && only) {
    return tileOf(
      'waitingMedian',
      label,
      only.current.waitingMedianDays,
      only.priorYear.waitingMedianDays,
      priorPeriodLabel(overview.year, overview.priorYearMonths),
      formatDays,
    );
  }
  const medians = overview.rows.map((r) => cellNumber(r.current.waitingMedianDays)).filter((v): v is number => v !== null);
  if (medians.length === 0) {
    const suppressed = overview.rows.some((r) => r.current.waitingMedianDays.suppressed);
    const trend = suppressed ? t('planning.waitingSuppressed') : t('planning.waitingNoStarts');
    return { key: 'waitingMedian', label, value: t('common.none'), suppressed, direction: 'none', trend };
  }
  const min = Math.min(...medians);
  const max = Math.max(...medians);
  return {
    key: 'waitingMedian',
    label,
    value: min === max ? formatDays(min) : t('planning.rangeDays', { min: formatCount(min), max: formatCount(max) }),
    suppressed: false,
    direction: 'none',
    trend: t('planning.waitingRangeHint', { target: formatDays(overview.waitingTargetDays) }),
  };
}

/** Key figures of the year against the prior year, each with an arrow and the change in words. */
export function KeyFigures({ table, overview }: { table: PlanningTable; overview: PlanningOverview | null }) {
  const prior = table.priorYear.find((r) => r.key === 'total')?.measures;
  const priorLabel = priorPeriodLabel(table.year, table.priorYearMonths);
  const tiles = PLANNING_MEASURES.map((m) => tileOf(m, tileLabel(table, m), table.total.measures[m]?.year, prior?.[m], priorLabel));
  if (overview) tiles.push(waitingTile(overview));
  const definitions = [
    ...table.measures.map((m) => ({ term: m.label, definition: m.definition })),
    ...(overview?.definitions.waitingMedianDays
      ? [{ term: t('planning.tileWaitingMedian'), definition: overview.definitions.waitingMedianDays }]
      : []),
  ];
  return (
    <section className="planning-keyfigures" aria-labelledby="planning-keyfigures-title">
      <h2 id="planning-keyfigures-title">{t('planning.keyFiguresTitle', { year: table.year, prior: priorLabel })}</h2>
      <ul className="planning-tiles">
        {tiles.map((tile) => (
          <li key={tile.key} className="planning-tile">
            <h3 className="planning-tile__label">{tile.label}</h3>
            <p className="planning-tile__value">
              {tile.suppressed ? (
                <>
                  <span aria-hidden="true">·</span>
                  <span className="visually-hidden">{t('planning.suppressed')}</span>
                </>
              ) : (
                tile.value
              )}
            </p>
            <p className={`planning-tile__trend planning-tile__trend--${tile.direction}`}>
              {ARROW[tile.direction] ? (
                <span className="planning-tile__arrow" aria-hidden="true">
                  {ARROW[tile.direction]}
                </span>
              ) : null}
              {tile.trend}
            </p>
          </li>
        ))}
      </ul>
      <Definitions items={definitions} />
    </section>
  );
}
