import { QUALITY_GROUPINGS, QUALITY_INDICATORS, QUALITY_LEVELS } from '@lotse/domain';
import { z } from 'zod';
import { isoDate } from './common';

/**
 * Quality indicators (SPEC C13; seed 000 §8): structure, process and result figures per team, service
 * type or provider, each with its definition and with numerator and denominator so it can be checked.
 * No person data. Documented in docs/api-reports.md and docs/reports.md.
 */

export const qualityGroupingSchema = z.enum(QUALITY_GROUPINGS);
export const qualityIndicatorSchema = z.enum(QUALITY_INDICATORS);
export const qualityLevelSchema = z.enum(QUALITY_LEVELS);

export const qualityQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  by: qualityGroupingSchema.default('team'),
});
export type QualityQuery = z.infer<typeof qualityQuery>;
/** The page's query plus the file format of the download (`GET /api/quality/export`). */
export const qualityExportQuery = qualityQuery.extend({ format: z.enum(['csv', 'xlsx']) });
export type QualityExportQuery = z.infer<typeof qualityExportQuery>;

/** A ratio; all null with `suppressed: true` where it rests on fewer units than the minimum (coordinators only). */
export const qualityFigureSchema = z.object({
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** numerator ÷ denominator (a fraction for shares, a number for means); null without a denominator. */
  value: z.number().nullable(),
  suppressed: z.boolean(),
});
export type QualityFigure = z.infer<typeof qualityFigureSchema>;

export const qualityRowSchema = z.object({
  /** Team id (`none` for "ohne Team"), service type code or provider id; `total` for the whole. */
  key: z.string(),
  label: z.string(),
  figure: qualityFigureSchema,
  /** Breakdown of the figure (results of completed referrals, life areas, kinds of exit), in a fixed order. */
  parts: z.array(z.object({ key: z.string(), label: z.string(), figure: qualityFigureSchema })),
  /** Caseload only: the target, the ratio of the mean to it and the traffic light. */
  assessment: z
    .object({ target: z.number().int(), ratio: z.number().nullable(), light: z.enum(['green', 'yellow', 'red']).nullable() })
    .nullable(),
});
export type QualityRow = z.infer<typeof qualityRowSchema>;

export const qualityIndicatorResultSchema = z.object({
  key: qualityIndicatorSchema,
  level: qualityLevelSchema,
  levelLabel: z.string(),
  name: z.string(),
  definition: z.string(),
  unit: z.enum(['share', 'mean']),
  basisLabel: z.string(),
  /** False where the indicator cannot be broken down by the chosen grouping; then `rows` is empty. */
  applicable: z.boolean(),
  notApplicableText: z.string().nullable(),
  rows: z.array(qualityRowSchema),
  total: qualityRowSchema,
});
export type QualityIndicatorResult = z.infer<typeof qualityIndicatorResultSchema>;

export const qualityReportSchema = z
  .object({
    year: z.number().int(),
    by: qualityGroupingSchema,
    byLabel: z.string(),
    /** Last day of the year, or today while it runs: stocks are counted on it, deadlines up to it. */
    referenceDate: isoDate,
    suppression: z.object({ applied: z.boolean(), minimum: z.number().int() }),
    targets: z.object({ caseloadTarget: z.number().int(), waitingTargetDays: z.number().int() }),
    indicators: z.array(qualityIndicatorResultSchema),
  })
  .meta({ id: 'QualityReport' });
export type QualityReport = z.infer<typeof qualityReportSchema>;
