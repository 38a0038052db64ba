import { REPORT_DIMENSIONS } from '@lotse/domain';
import { z } from 'zod';
import { serviceTypeSchema } from './cases';
import { isoDate, uuid } from './common';

/**
 * The provider report per offer and year (seed 000 §9): results statistics, proof of use of funds,
 * socio-demographics of the people counselled and trends against the prior year; as JSON, PDF and
 * XLSX, for the Jobcenter and, for its own offers, the provider's portal. Counts of people below the
 * tenant's minimum are never returned (the report leaves the Jobcenter). docs/api-reports.md.
 */

const year = z.coerce.number().int().min(2000).max(2100);
export const reportParams = z.strictObject({ id: uuid, year });
export type ReportParams = z.infer<typeof reportParams>;

/** Offers a report can be made for, with the years that have data (newest first). */
export const reportOfferListSchema = z
  .object({
    items: z.array(
      z.object({
        offer: z.object({ id: uuid, name: z.string(), serviceType: serviceTypeSchema, serviceTypeLabel: z.string(), active: z.boolean() }),
        provider: z.object({ id: uuid, name: z.string() }),
        years: z.array(z.number().int()),
      }),
    ),
  })
  .meta({ id: 'ReportOfferList' });
export type ReportOfferList = z.infer<typeof reportOfferListSchema>;

/** A figure of the year against the prior year. Money in cents, percentages 0–100, days with one decimal. */
export const reportFigureSchema = z.object({
  key: z.string(),
  label: z.string(),
  unit: z.enum(['count', 'days', 'cents', 'percent']),
  current: z.number().nullable(),
  prior: z.number().nullable(),
  change: z.number().nullable(),
  /** Change relative to the prior year in percent; null when the prior year is 0 or unknown. */
  changePercent: z.number().nullable(),
});
export type ReportFigure = z.infer<typeof reportFigureSchema>;

/** A count of people; `value` null with `suppressed: true` where it is shown as "< minimum". */
export const reportCountSchema = z.object({ value: z.number().int().nullable(), suppressed: z.boolean() });
export type ReportCount = z.infer<typeof reportCountSchema>;

export const providerReportSchema = z
  .object({
    jobcenter: z.object({ name: z.string() }),
    offer: z.object({
      id: uuid,
      name: z.string(),
      serviceType: serviceTypeSchema,
      serviceTypeLabel: z.string(),
      financingModel: z.string(),
      financingModelLabel: z.string(),
    }),
    provider: z.object({ id: uuid, name: z.string() }),
    year: z.number().int(),
    priorYear: z.number().int(),
    referenceDate: isoDate,
    createdOn: isoDate,
    suppression: z.object({ minimum: z.number().int() }),
    results: z.array(reportFigureSchema),
    funds: z.array(reportFigureSchema),
    people: z.object({
      total: z.object({ current: reportCountSchema, prior: reportCountSchema }),
      dimensions: z.array(
        z.object({
          key: z.enum(REPORT_DIMENSIONS),
          label: z.string(),
          rows: z.array(z.object({ key: z.string(), label: z.string(), current: reportCountSchema, prior: reportCountSchema })),
        }),
      ),
    }),
    trends: z.array(reportFigureSchema),
    /** Definition of each figure by key (results, funds, people). */
    definitions: z.record(z.string(), z.string()),
  })
  .meta({ id: 'ProviderReport' });
export type ProviderReport = z.infer<typeof providerReportSchema>;
