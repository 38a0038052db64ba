import { z } from 'zod';
import { isoDate, uuid } from './common';

/**
 * § 51b SGB II delivery (XSozial Modul 13, SPEC C13): the validation report of a month (dry run), the
 * recorded deliveries. The month is checked by the service (422 for a malformed or future month).
 */
export const reportMonthParams = z.strictObject({ month: z.string().max(20) });

export const modul13IssueSchema = z.object({ code: z.string(), message: z.string() });

const measureRef = {
  /** Referral id, for childcare `referralId:arrangementId`. */
  key: z.string(),
  referralId: uuid,
  /** The month the record belongs to (YYYY-MM); earlier than the delivered month for corrections. */
  reportMonth: z.string(),
};

export const modul13ReportSchema = z
  .object({
    month: z.string(),
    generatedOn: isoDate,
    /** The latest recorded delivery of this month, if any (a new delivery replaces it). */
    lastDelivery: z.object({ id: uuid, createdAt: z.string(), fileSha256: z.string() }).nullable(),
    /** Delivered earlier months whose corrections this delivery carries. */
    deliveredMonths: z.array(z.string()),
    counts: z.object({
      /** Records in the file: the month's own and the corrections. */
      records: z.number().int(),
      regular: z.number().int(),
      corrections: z.number().int(),
      lateFacts: z.number().int(),
      changed: z.number().int(),
      stornos: z.number().int(),
      rejected: z.number().int(),
      withWarnings: z.number().int(),
    }),
    /** Records in the file per measure type (Maßnahmeart), with begins (Zugang) and ends (Abgang). */
    byMeasureType: z.array(
      z.object({ measureType: z.string(), label: z.string(), records: z.number().int(), begins: z.number().int(), ends: z.number().int() }),
    ),
    corrections: z.array(z.object({ ...measureRef, kind: z.enum(['late', 'changed', 'storno']) })),
    rejected: z.array(z.object({ ...measureRef, correction: z.boolean(), serviceType: z.string(), reasons: z.array(modul13IssueSchema) })),
    warnings: z.array(z.object({ ...measureRef, warnings: z.array(modul13IssueSchema) })),
    /**
     * The sanctions in the file (Leistungsminderungen, XSozial Modul 8): already counted in `counts`,
     * which count the whole file; the lists above are the measures', these the sanctions'.
     */
    modul8: z.object({
      counts: z.object({
        /** Leistungsminderung records and Stornos in the file, like `counts.records`. */
        records: z.number().int(),
        regular: z.number().int(),
        corrections: z.number().int(),
        lateFacts: z.number().int(),
        changed: z.number().int(),
        stornos: z.number().int(),
        rejected: z.number().int(),
      }),
      /** Records per reason (Grund/Art `Pflichtverletzung`, `Meldeversaeumnis`), with full stops and the sum of the monthly amounts. */
      byReason: z.array(
        z.object({
          reason: z.string(),
          label: z.string(),
          records: z.number().int(),
          fullStops: z.number().int(),
          amountCents: z.number().int(),
        }),
      ),
      corrections: z.array(z.object({ sanctionId: uuid, reportMonth: z.string(), kind: z.enum(['late', 'changed', 'storno']) })),
      rejected: z.array(
        z.object({
          sanctionId: uuid,
          reportMonth: z.string(),
          correction: z.boolean(),
          reason: z.string(),
          reasons: z.array(modul13IssueSchema),
        }),
      ),
    }),
    /** Lists are cut at this many entries each; the counts are complete. */
    listLimit: z.number().int(),
    truncated: z.boolean(),
  })
  .meta({ id: 'Modul13Report' });
export type Modul13Report = z.infer<typeof modul13ReportSchema>;

export const deliverModul13Request = z.strictObject({
  /** SHA-256 of the file downloaded before; the delivery is refused (409) when the data changed since. */
  expectedSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'SHA-256 als 64 Hex-Zeichen (Kleinbuchstaben).')
    .optional(),
});
export type DeliverModul13Request = z.infer<typeof deliverModul13Request>;

export const modul13DeliverySchema = z
  .object({
    id: uuid,
    month: z.string(),
    recordCount: z.number().int(),
    correctionCount: z.number().int(),
    rejectedCount: z.number().int(),
    fileSha256: z.string(),
    createdAt: z.string(),
    createdBy: z.object({ id: uuid, displayName: z.string() }).nullable(),
  })
  .meta({ id: 'Modul13Delivery' });
export type Modul13Delivery = z.infer<typeof modul13DeliverySchema>;

export const modul13DeliveryList = z.object({ items: z.array(modul13DeliverySchema) });
export type Modul13DeliveryList = z.infer<typeof modul13DeliveryList>;
