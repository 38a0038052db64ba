import type { QualityFigure, QualityIndicatorResult, QualityRow } from '@lotse/contracts';
import { describe, expect, it } from 'vitest';
import { hasQualityChart, qualityExportUrl, qualityPoints, qualitySummary, qualityTarget, shortLabel } from './qualityFigures';

const figure = (numerator: number, denominator: number): QualityFigure => ({
  numerator,
  denominator,
  value: denominator > 0 ? numerator / denominator : null,
  suppressed: false,
});
const SUPPRESSED: QualityFigure = { numerator: null, denominator: null, value: null, suppressed: true };
const row = (key: string, label: string, f: QualityFigure, target?: number): QualityRow => ({
  key,
  label,
  figure: f,
  parts: [],
  assessment: target === undefined ? null : { target, ratio: null, light: null },
});

function indicator(over: Partial<QualityIndicatorResult>): QualityIndicatorResult {
  return {
    key: 'feedback_on_time',
    level: 'process',
    levelLabel: 'Prozessqualität',
    name: 'Rückmeldungen der Träger fristgerecht',
    definition: 'Anteil …',
    unit: 'share',
    basisLabel: 'Zuweisungen',
    applicable: true,
    notApplicableText: null,
    rows: [row('a', 'Team Nord', figure(2, 4)), row('b', 'Team Süd', figure(1, 3))],
    total: row('total', 'Insgesamt', figure(3, 7)),
    ...over,
  };
}

describe('quality chart', () => {
  it('draws a bar per group and the total, shares in percent, suppressed ones without a bar', () => {
    const i = indicator({ rows: [row('a', 'Team Nord', figure(2, 4)), row('b', 'Team Süd', SUPPRESSED)] });
    expect(qualityPoints(i).map((p) => [p.label, p.value, p.suppressed, p.total])).toEqual([
      ['Team Nord', 50, false, false],
      ['Team Süd', null, true, false],
      ['Insgesamt', (3 / 7) * 100, false, true],
    ]);
    expect(hasQualityChart(i)).toBe(true);
    expect(hasQualityChart(indicator({ rows: [row('b', 'Team Süd', SUPPRESSED)] }))).toBe(false);
    expect(hasQualityChart(indicator({ applicable: false, rows: [] }))).toBe(false);
    expect(qualityTarget(i)).toBeNull();
  });

  it('says the total, the highest and lowest group and what is suppressed', () => {
    expect(qualitySummary(indicator({}))).toBe(
      'Insgesamt 42,9 % (3 von 7 Zuweisungen). Höchster Wert: Team Nord mit 50,0 %, niedrigster: Team Süd mit 33,3 %.',
    );
    expect(
      qualitySummary(
        indicator({
          rows: [row('a', 'Team Nord', SUPPRESSED), row('b', 'Team Süd', SUPPRESSED)],
          total: row('total', 'Insgesamt', SUPPRESSED),
        }),
      ),
    ).toBe('Der Gesamtwert ist unterdrückt. 2 Werte sind unterdrückt und haben keinen Balken.');
    expect(qualitySummary(indicator({ rows: [], total: row('total', 'Insgesamt', figure(0, 0)) }))).toBe(
      'Kein Wert: im Jahr wurde nichts gezählt.',
    );
  });

  it('compares the caseload with its target', () => {
    const caseload = indicator({
      key: 'caseload',
      unit: 'mean',
      rows: [row('a', 'Team Nord', figure(12, 1), 10), row('b', 'Team Süd', figure(2, 1), 10)],
      total: row('total', 'Insgesamt', figure(14, 3), 10),
    });
    expect(qualityTarget(caseload)).toBe(10);
    expect(qualitySummary(caseload)).toBe(
      'Insgesamt 4,67 (Zähler 14, Nenner 3). Höchster Wert: Team Nord mit 12,0, niedrigster: Team Süd mit 2,0. Über dem Zielwert von 10: Team Nord.',
    );
  });

  it('shortens long labels on the axis and builds the download address from the choices', () => {
    expect(shortLabel('Schuldnerberatung (§ 16a Nr. 2 SGB II)')).toBe('Schuldnerberatung');
    expect(shortLabel('Ein sehr langer Name eines Trägers der Eingliederungshilfe', 20)).toBe('Ein sehr langer Nam…');
    expect(qualityExportUrl('csv', 2025, 'service_type')).toBe('/api/quality/export?year=2025&by=service_type&format=csv');
  });
});
