import {
  FINANCING_MODELS,
  PLANNING_BREAKDOWNS,
  PLANNING_GRANULARITIES,
  PLANNING_MEASURES,
  PLANNING_TARGET_GROUPS,
  type PlanningBreakdown,
  planningBreakdownsFor,
  TEAM_FUNCTIONS,
  UNMET_NEED_REASONS,
} from '@lotse/domain';
import { z } from 'zod';
import { serviceTypeSchema } from './cases';
import { isoDate, requiredText, text, uuid } from './common';

/**
 * Needs planning and steering (SPEC C12) and costs (000 §10): the planning table, the overview per
 * service type, the yearly plan (monthly targets), costs, regions and teams, unmet needs recorded in a
 * case, the offers' yearly plans and the actual cost of cases. Documented in docs/api-planning.md.
 */

export const planningGranularitySchema = z.enum(PLANNING_GRANULARITIES);
export const planningBreakdownSchema = z.enum(PLANNING_BREAKDOWNS);
export const planningMeasureSchema = z.enum(PLANNING_MEASURES);
export const planningTargetGroupSchema = z.enum(
  PLANNING_TARGET_GROUPS as unknown as ['u25', 'ue50', 'single_parent', 'refugee', 'severe_disability'],
);
export const unmetNeedReasonSchema = z.enum(UNMET_NEED_REASONS);

const year = z.coerce.number().int().min(2000).max(2100);

/** Filters every planning figure accepts; each narrows to one value of a dimension. */
const planningFilters = {
  serviceType: serviceTypeSchema.optional(),
  regionId: uuid
    .optional()
    .meta({ description: 'A region; not together with teamId or breakdown=team (figures exist per region or per team).' }),
  teamId: uuid
    .optional()
    .meta({ description: 'A team; not together with regionId or breakdown=region (figures exist per region or per team).' }),
  targetGroup: planningTargetGroupSchema.optional(),
};

/**
 * Figures exist per region or per team, never for a team within a region (the suppression protects what
 * is published; SPEC C12 "per region or team"): a region and a team together, or a region broken down by
 * teams (and the reverse), are refused.
 */
function oneUnit(query: { regionId?: string | undefined; teamId?: string | undefined; breakdown?: string }, ctx: z.RefinementCtx) {
  if (query.regionId && query.teamId)
    ctx.addIssue({
      code: 'custom',
      path: ['teamId'],
      message: 'Zahlen gibt es je Sozialraum oder je Team: bitte nur einen Sozialraum oder nur ein Team wählen.',
    });
  const breakdown = query.breakdown as PlanningBreakdown | undefined;
  if (breakdown && !planningBreakdownsFor(query).includes(breakdown))
    ctx.addIssue({
      code: 'custom',
      path: ['breakdown'],
      message: query.regionId
        ? 'Ein Sozialraum lässt sich nicht nach Teams aufschlüsseln: Zahlen gibt es je Sozialraum oder je Team.'
        : 'Ein Team lässt sich nicht nach Sozialräumen aufschlüsseln: Zahlen gibt es je Sozialraum oder je Team.',
    });
}

const planningTableFields = {
  year,
  granularity: planningGranularitySchema.default('month'),
  breakdown: planningBreakdownSchema.default('service_type'),
  ...planningFilters,
};
export const planningTableQuery = z.strictObject(planningTableFields).superRefine(oneUnit);
export type PlanningTableQuery = z.infer<typeof planningTableQuery>;

export const planningFiltersQuery = z.strictObject({ year, ...planningFilters }).superRefine(oneUnit);
export const planningYearQuery = z.strictObject({ year });
/** The table's query plus the file format of the download. */
export const planningExportQuery = z.strictObject({ ...planningTableFields, format: z.enum(['csv', 'xlsx']) }).superRefine(oneUnit);
export type PlanningExportQuery = z.infer<typeof planningExportQuery>;
export type PlanningFiltersQuery = z.infer<typeof planningFiltersQuery>;

/** A count; `null` with `suppressed: true` where it could identify a person (below the minimum). */
export const planningCellSchema = z.object({ value: z.number().nullable(), suppressed: z.boolean() });
export type PlanningCell = z.infer<typeof planningCellSchema>;

const suppressionInfo = z.object({
  /** Whether suppression applies to this user (planners and coordinators: yes; team leads: no). */
  applied: z.boolean(),
  /** Smallest count shown; counts from 1 to minimum − 1 are suppressed, and so is one more cell per sum. */
  minimum: z.number().int(),
});

const period = z.object({ key: z.string(), label: z.string(), from: isoDate, to: isoDate });

const planningRow = z.object({
  /** Service type code, region/team id, target group code, or `total`. */
  key: z.string(),
  label: z.string(),
  /** Per measure: one cell per period, then the year's cell (for the waiting list: the stock at year end). */
  measures: z.record(planningMeasureSchema, z.object({ periods: z.array(planningCellSchema), year: planningCellSchema })),
});

/**
 * The prior year's figures compare like with like: for the running year the months begun so far
 * (January up to the current month, e.g. 11 in November: flows of January–November, the waiting list at
 * the end of November, waiting times of starts until then); null: whole years.
 */
const priorYearMonthsSchema = z.number().int().min(1).max(11).nullable();

export const planningTableSchema = z
  .object({
    year: z.number().int(),
    granularity: planningGranularitySchema,
    breakdown: planningBreakdownSchema,
    filters: z.object({
      serviceType: serviceTypeSchema.nullable(),
      regionId: uuid.nullable(),
      teamId: uuid.nullable(),
      targetGroup: planningTargetGroupSchema.nullable(),
    }),
    suppression: suppressionInfo,
    periods: z.array(period),
    measures: z.array(z.object({ key: planningMeasureSchema, label: z.string(), definition: z.string() })),
    rows: z.array(planningRow),
    total: planningRow,
    /**
     * The same table's year column for the prior year (row keys as in `rows`, plus `total`); for the
     * running year only over the same months (see `priorYearMonths`).
     */
    priorYear: z.array(z.object({ key: z.string(), measures: z.record(planningMeasureSchema, planningCellSchema) })),
    priorYearMonths: priorYearMonthsSchema,
  })
  .meta({ id: 'PlanningTable' });
export type PlanningTable = z.infer<typeof planningTableSchema>;

/** Per service type: needs against capacity, utilisation, waiting times, plan and cost, and the prior year. */
const overviewFigures = z.object({
  needs: planningCellSchema,
  unmetNeeds: planningCellSchema,
  referrals: planningCellSchema,
  starts: planningCellSchema,
  waitingListAtEnd: planningCellSchema,
  /** Median and 90th percentile (nearest rank) of days from sending to start, over the year's starts. */
  waitingMedianDays: planningCellSchema,
  waitingP90Days: planningCellSchema,
});
export const planningOverviewRowSchema = z.object({
  serviceType: serviceTypeSchema,
  label: z.string(),
  current: overviewFigures,
  priorYear: overviewFigures,
  /** Places of the active offers (concurrent), from their capacity; null when no offer states one. */
  capacityPlaces: z.number().int().nullable(),
  /** Mean over the months of running referrals (accepted or started) at month end ÷ places, in percent. */
  utilisationPercent: planningCellSchema,
  targetStarts: z.number().int().nullable(),
  plannedCostCents: z.number().int().nullable(),
  actualCostCents: z.number().int().nullable(),
  priorYearActualCostCents: z.number().int().nullable(),
});
export const planningOverviewSchema = z
  .object({
    year: z.number().int(),
    filters: planningTableSchema.shape.filters,
    suppression: suppressionInfo,
    waitingTargetDays: z.number().int(),
    rows: z.array(planningOverviewRowSchema),
    priorYearMonths: priorYearMonthsSchema,
    definitions: z.record(z.string(), z.string()),
  })
  .meta({ id: 'PlanningOverview' });
export type PlanningOverview = z.infer<typeof planningOverviewSchema>;

// ——— Plan: monthly targets per service type (Soll) against actuals (Ist) ———

export const planMonthSchema = z.object({
  month: z.number().int().min(1).max(12),
  targetStarts: z.number().int().nullable(),
  targetCostCents: z.number().int().nullable(),
  actualStarts: planningCellSchema,
  actualCostCents: z.number().int().nullable(),
});
export const planSchema = z
  .object({
    year: z.number().int(),
    suppression: suppressionInfo,
    serviceTypes: z.array(
      z.object({ serviceType: serviceTypeSchema, label: z.string(), months: z.array(planMonthSchema), version: z.string() }),
    ),
  })
  .meta({ id: 'Plan' });
export type Plan = z.infer<typeof planSchema>;
export const planParams = z.strictObject({ year, serviceType: serviceTypeSchema });
export const putPlanRequest = z.strictObject({
  months: z
    .array(
      z.strictObject({
        month: z.number().int().min(1).max(12),
        targetStarts: z.number().int().min(0).max(100_000),
        targetCostCents: z.number().int().min(0).max(100_000_000_000),
      }),
    )
    .length(12),
});
export type PutPlanRequest = z.infer<typeof putPlanRequest>;

// ——— Costs (000 §10) ———

export const financingModelCostSchema = z.enum(FINANCING_MODELS);
export const costRowSchema = z.object({
  serviceType: serviceTypeSchema,
  serviceTypeLabel: z.string(),
  financingModel: financingModelCostSchema,
  financingModelLabel: z.string(),
  /** Cases counted: referrals started in the year or running into it. */
  cases: planningCellSchema,
  plannedCostCents: z.number().int(),
  actualCostCents: z.number().int(),
  costPerCaseCents: planningCellSchema,
  sgb2ShareCents: z.number().int(),
});
export const costsSchema = z
  .object({
    year: z.number().int(),
    suppression: suppressionInfo,
    rows: z.array(costRowSchema),
    totals: z.object({
      cases: planningCellSchema,
      plannedCostCents: z.number().int(),
      actualCostCents: z.number().int(),
      costPerCaseCents: planningCellSchema,
      sgb2ShareCents: z.number().int(),
    }),
    definitions: z.record(z.string(), z.string()),
  })
  .meta({ id: 'Costs' });
export type Costs = z.infer<typeof costsSchema>;

// ——— Regions and teams ———

/** A Sozialraum: a set of postal codes; a person belongs to the region of their postal code. */
export const planningRegionSchema = z
  .object({
    id: uuid,
    name: z.string(),
    /** Sorted; each code belongs to at most one region of the tenant (empty only for a deactivated region). */
    postalCodes: z.array(z.string()),
    /**
     * false: deactivated. It stays in the planning figures with the codes it still holds; another region
     * may take its codes (they then move there). Reactivated with PATCH `{ active: true }`.
     */
    active: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'PlanningRegion' });
export type PlanningRegion = z.infer<typeof planningRegionSchema>;
export const planningRegionList = z.object({ items: z.array(planningRegionSchema) }).meta({ id: 'PlanningRegionList' });
/** Which regions or teams a list holds: the active ones (default), the deactivated ones, or all (active first). */
export const organisationListQuery = z.strictObject({ active: z.enum(['true', 'false', 'all']).default('true') });
export type OrganisationListQuery = z.infer<typeof organisationListQuery>;
const postalCode = z
  .string()
  .trim()
  .regex(/^\d{5}$/, 'Fünfstellige Postleitzahl.');
export const createPlanningRegionRequest = z.strictObject({
  name: requiredText(100),
  postalCodes: z.array(postalCode).min(1, 'Mindestens eine Postleitzahl.').max(500),
});
export type CreatePlanningRegionRequest = z.infer<typeof createPlanningRegionRequest>;
/** Rename, replace the codes, and/or deactivate (`active: false`) or reactivate (`active: true`). */
export const updatePlanningRegionRequest = z.strictObject({
  ...createPlanningRegionRequest.partial().shape,
  active: z.boolean().optional(),
});
export type UpdatePlanningRegionRequest = z.infer<typeof updatePlanningRegionRequest>;

/** The function of a team: case management, placement, benefits, or mixed (integration and benefits). */
export const teamFunctionSchema = z.enum(TEAM_FUNCTIONS);

/**
 * A team of staff: a dimension of needs planning and quality indicators; `memberCount` counts active
 * accounts. A deactivated team (`active: false`) can be given to nobody; users in it keep it until changed.
 */
export const teamSchema = z
  .object({
    id: uuid,
    name: z.string(),
    memberCount: z.number().int(),
    active: z.boolean(),
    /** What the team does, for routing by the organisation model (SPEC C14); null: not stated. Not in the planning dimensions. */
    function: teamFunctionSchema.nullable().optional(),
    version: z.number().int(),
  })
  .meta({ id: 'Team' });
export type Team = z.infer<typeof teamSchema>;
export const teamList = z.object({ items: z.array(teamSchema) }).meta({ id: 'TeamList' });
export const createTeamRequest = z.strictObject({ name: requiredText(100), function: teamFunctionSchema.nullable().optional() });
export type CreateTeamRequest = z.infer<typeof createTeamRequest>;
/** Rename, and/or deactivate (`active: false`, refused while active accounts belong to it) or reactivate. */
export const updateTeamRequest = z.strictObject({
  name: requiredText(100).optional(),
  active: z.boolean().optional(),
  function: teamFunctionSchema.nullable().optional(),
});
export type UpdateTeamRequest = z.infer<typeof updateTeamRequest>;
export const planningDimensionsSchema = z
  .object({ regions: z.array(planningRegionSchema), teams: z.array(teamSchema), years: z.array(z.number().int()) })
  .meta({ id: 'PlanningDimensions' });

// ——— Unmet needs (recorded in a case) ———

export const unmetNeedSchema = z
  .object({
    id: uuid,
    caseId: uuid,
    serviceType: serviceTypeSchema,
    serviceTypeLabel: z.string(),
    reason: unmetNeedReasonSchema,
    reasonLabel: z.string(),
    note: z.string().nullable(),
    recordedOn: isoDate,
    recordedBy: z.object({ id: uuid, displayName: z.string() }),
    resolvedOn: isoDate.nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'UnmetNeed' });
export type UnmetNeed = z.infer<typeof unmetNeedSchema>;
export const unmetNeedList = z.object({ items: z.array(unmetNeedSchema) }).meta({ id: 'UnmetNeedList' });
export const createUnmetNeedRequest = z.strictObject({
  serviceType: serviceTypeSchema,
  reason: unmetNeedReasonSchema,
  note: text(1000).nullable().optional(),
  /** Defaults to today (in Germany); not in the future. */
  recordedOn: isoDate.optional(),
});
export type CreateUnmetNeedRequest = z.infer<typeof createUnmetNeedRequest>;
/** `resolvedOn` defaults to today; not before the need was recorded, not in the future. */
export const resolveUnmetNeedRequest = z.strictObject({ resolvedOn: isoDate.optional() });
export type ResolveUnmetNeedRequest = z.infer<typeof resolveUnmetNeedRequest>;

// ——— Offers' yearly plans and the actual cost of cases ———

export const offerYearPlanSchema = z
  .object({
    offerId: uuid,
    year: z.number().int(),
    /** Cases (capacity) agreed for the year; null when none agreed. */
    plannedCases: z.number().int().nullable(),
    plannedCostCents: z.number().int(),
    /** Spent in the year as booked (institutional funding: the year's spent budget); null until known. */
    actualCostCents: z.number().int().nullable(),
    /** Share of the offer's cost counted for SGB II (000 §10), 0–100 with two decimals. */
    sgb2SharePercent: z.number(),
    note: z.string().nullable(),
    /** Charges recorded for the offer's cases in this year (per-case financing). */
    chargedCostCents: z.number().int(),
    /**
     * Flat-funded (institutional) offers: the prior year's actual cost ÷ the prior year's cases
     * (referrals of the offer that ran in that year), the per-case cost for Kennziffer 13.13 (000 §9);
     * null for per-case offers or without a basis.
     */
    averageCostPerCaseCents: z.number().int().nullable(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'OfferYearPlan' });
export type OfferYearPlan = z.infer<typeof offerYearPlanSchema>;
export const offerYearPlanList = z.object({ items: z.array(offerYearPlanSchema) });
export const offerYearParams = z.strictObject({ id: uuid, year });
const cents = z.number().int().min(0).max(100_000_000_000);
export const putOfferYearPlanRequest = z.strictObject({
  plannedCases: z.number().int().min(0).max(1_000_000).nullable(),
  plannedCostCents: cents,
  actualCostCents: cents.nullable(),
  sgb2SharePercent: z.number().min(0).max(100),
  note: text(1000).nullable().optional(),
});
export type PutOfferYearPlanRequest = z.infer<typeof putOfferYearPlanRequest>;

const serviceMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Monat im Format JJJJ-MM.');

export const referralChargeSchema = z
  .object({
    id: uuid,
    referralId: uuid,
    /** Short reference for the invoice check, no person data: first 8 characters of the referral id. */
    referralReference: z.string(),
    /** YYYY-MM */
    serviceMonth: z.string(),
    units: z.number(),
    amountCents: z.number().int(),
    note: z.string().nullable(),
    recordedBy: z.object({ id: uuid, displayName: z.string() }),
    recordedAt: z.string(),
    /** For a reversal (Storno, negative units and amount): the charge it cancels, and why. */
    reversesChargeId: uuid.nullable(),
    reason: z.string().nullable(),
    /** For a reversed charge: its reversal. */
    reversedByChargeId: uuid.nullable(),
  })
  .meta({ id: 'ReferralCharge' });
export type ReferralCharge = z.infer<typeof referralChargeSchema>;
export const referralChargeListQuery = z.strictObject({ year: year.optional() });
export const referralChargeList = z
  .object({
    year: z.number().int(),
    financingModel: financingModelCostSchema,
    /** Price per unit in cents; null when none is on record (no charge can be recorded then). */
    priceCents: z.number().int().nullable(),
    items: z.array(referralChargeSchema),
    totalCents: z.number().int(),
    /** Referrals of the offer that started and ran in the year, to record a charge for (no person data). */
    chargeableReferrals: z.array(
      z.object({ id: uuid, reference: z.string(), startedOn: isoDate, endedOn: isoDate.nullable(), chargedCents: z.number().int() }),
    ),
  })
  .meta({ id: 'ReferralChargeList' });
export type ReferralChargeList = z.infer<typeof referralChargeList>;
export const createReferralChargeRequest = z.strictObject({
  referralId: uuid,
  serviceMonth,
  /** Hours to the hundredth; flat-rate cases or tiers and modules whole. */
  units: z.number().positive().max(10_000),
  note: text(500).nullable().optional(),
});
export type CreateReferralChargeRequest = z.infer<typeof createReferralChargeRequest>;
export const referralChargeParams = z.strictObject({ id: uuid, chargeId: uuid });
export const reverseReferralChargeRequest = z.strictObject({
  /** Why the charge is cancelled (e.g. "Rechnung storniert", "falscher Leistungsmonat"). */
  reason: requiredText(500),
});
export type ReverseReferralChargeRequest = z.infer<typeof reverseReferralChargeRequest>;
