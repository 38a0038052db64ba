/**
 * The planning charts (recharts, loaded only when a planning page is opened). For assistive
 * technology each chart is one image named by its heading and summary (see ChartFigure); the table
 * beside it carries the values. Series differ not only in colour: solid, hatched, dotted or outlined
 * bars, solid or dashed lines, and every series is named in the legend.
 */
import type { ReactNode } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

export type BarStyle = 'solid' | 'hatched' | 'dotted' | 'outlined';
export type LineStyle = 'solid' | 'dashed' | 'dotted';

export interface Series {
  key: string;
  name: string;
  /** Bars: fill style; lines: dash style. Colours come from the series' position. */
  bar?: BarStyle;
  line?: LineStyle;
  /** Index into the palette (default: the series' position), so related series share a colour. */
  colour?: number;
}

export interface Reference {
  value: number;
  label: string;
}

/** Colours with at least 3:1 against white (WCAG 1.4.11), in series order. */
const COLOURS = ['#0b57a4', '#1b6331', '#8a5a00', '#6a3d9a', '#a8231b'];
const TEXT = '#1b1f24';
const axisTick = { fill: TEXT, fontSize: 13 };
const DASH: Record<LineStyle, string> = { solid: '', dashed: '8 4', dotted: '2 3' };

const colourOf = (i: number) => COLOURS[i % COLOURS.length] as string;
const colourIndex = (s: Series, i: number) => s.colour ?? i;
const patternId = (i: number, style: BarStyle) => `planning-pattern-${style}-${i}`;

/** Our own legend: each swatch drawn like its series (pattern, outline or dash), the name in the text colour. */
function SeriesLegend({ series }: { series: Series[] }) {
  return (
    <ul className="planning-chart__legend">
      {series.map((s, i) => {
        const colour = colourOf(colourIndex(s, i));
        return (
          <li key={s.key}>
            <svg width="22" height="14" aria-hidden="true" focusable="false">
              {s.line ? (
                <line x1="1" y1="7" x2="21" y2="7" stroke={colour} strokeWidth="2.5" strokeDasharray={DASH[s.line]} />
              ) : (
                <rect x="1" y="1" width="20" height="12" {...barProps(s, i)} />
              )}
            </svg>
            {s.name}
          </li>
        );
      })}
    </ul>
  );
}

/** The fill patterns of the bars (hatched and dotted per colour). */
function Patterns({ series }: { series: Series[] }) {
  return (
    <defs>
      {series.map((s, i) =>
        s.bar === 'hatched' ? (
          <pattern
            key={s.key}
            id={patternId(colourIndex(s, i), 'hatched')}
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" fill="#ffffff" />
            <rect width="3" height="6" fill={colourOf(colourIndex(s, i))} />
          </pattern>
        ) : s.bar === 'dotted' ? (
          <pattern key={s.key} id={patternId(colourIndex(s, i), 'dotted')} width="5" height="5" patternUnits="userSpaceOnUse">
            <rect width="5" height="5" fill="#ffffff" />
            <circle cx="2.5" cy="2.5" r="1.6" fill={colourOf(colourIndex(s, i))} />
          </pattern>
        ) : null,
      )}
    </defs>
  );
}

function barProps(s: Series, i: number) {
  const style = s.bar ?? 'solid';
  const index = colourIndex(s, i);
  const colour = colourOf(index);
  if (style === 'outlined') return { fill: '#ffffff', stroke: colour, strokeWidth: 2 };
  if (style === 'solid') return { fill: colour };
  return { fill: `url(#${patternId(index, style)})`, stroke: colour, strokeWidth: 1 };
}

function references(refs: Reference[] | undefined, axis: 'x' | 'y') {
  return (refs ?? []).map((r) => (
    <ReferenceLine
      key={r.label}
      {...(axis === 'x' ? { x: r.value } : { y: r.value })}
      stroke={TEXT}
      strokeWidth={2}
      strokeDasharray="6 3"
      label={{ value: r.label, position: axis === 'x' ? 'top' : 'insideTopRight', fill: TEXT, fontSize: 12 }}
      ifOverflow="extendDomain"
    />
  ));
}

/** Horizontal bars per category (e.g. service type), one bar per series. */
export function CategoryBars(props: {
  data: Record<string, string | number | null>[];
  categoryKey: string;
  series: Series[];
  format: (value: number) => string;
  references?: Reference[];
}) {
  const { data, categoryKey, series, format } = props;
  const height = Math.max(220, data.length * (series.length * 14 + 18) + 80);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} layout="vertical" margin={{ top: 20, right: 28, bottom: 4, left: 4 }} accessibilityLayer={false}>
        <Patterns series={series} />
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" tick={axisTick} tickFormatter={format} allowDecimals={false} />
        <YAxis type="category" dataKey={categoryKey} width={200} tick={axisTick} interval={0} />
        <Tooltip formatter={(v) => (typeof v === 'number' ? format(v) : String(v ?? ''))} />
        <Legend content={() => <SeriesLegend series={series} />} />
        {series.map((s, i) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} {...barProps(s, i)} isAnimationActive={false} />
        ))}
        {references(props.references, 'x')}
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Periods along the x axis: series with `bar` as bars, series with `line` as lines. */
export function PeriodChart(props: {
  data: Record<string, string | number | null>[];
  categoryKey: string;
  series: Series[];
  format: (value: number) => string;
  references?: Reference[];
  height?: number;
}): ReactNode {
  const { data, categoryKey, series, format } = props;
  return (
    <ResponsiveContainer width="100%" height={props.height ?? 320}>
      <ComposedChart data={data} margin={{ top: 16, right: 24, bottom: 4, left: 8 }} accessibilityLayer={false}>
        <Patterns series={series} />
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey={categoryKey} tick={axisTick} interval={0} />
        <YAxis tick={axisTick} tickFormatter={format} width={80} allowDecimals={false} />
        <Tooltip formatter={(v) => (typeof v === 'number' ? format(v) : String(v ?? ''))} />
        <Legend content={() => <SeriesLegend series={series} />} />
        {series.map((s, i) =>
          s.line ? (
            <Line
              key={s.key}
              type="linear"
              dataKey={s.key}
              name={s.name}
              stroke={colourOf(colourIndex(s, i))}
              strokeWidth={2.5}
              strokeDasharray={DASH[s.line]}
              dot={{ r: 3, fill: colourOf(colourIndex(s, i)) }}
              connectNulls={false}
              isAnimationActive={false}
            />
          ) : (
            <Bar key={s.key} dataKey={s.key} name={s.name} {...barProps(s, i)} isAnimationActive={false} />
          ),
        )}
        {references(props.references, 'y')}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
