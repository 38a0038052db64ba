import { AGE_GROUPS, CASELOAD_ROLES, CASELOAD_TARGET_GROUPS, CASELOAD_TARGET_MAX, CASELOAD_TARGET_MIN } from '@lotse/domain';
import { z } from 'zod';
import { isoDate, uuid } from './common';
import { careModelSchema } from './organisation-model';

/**
 * Caseloads (SPEC C14; docs/caseloads.md, docs/api.md): targets per role and age group, the current
 * caseload per staff member and team against them, and the comparison of the tenant's organisation
 * model with an alternative on the current open cases. Staff names only, never a customer.
 */

export const caseloadRoleSchema = z.enum(CASELOAD_ROLES);
export const caseloadTargetGroupSchema = z.enum(CASELOAD_TARGET_GROUPS);
export const caseloadAgeGroupSchema = z.enum(AGE_GROUPS);
const count = z.number().int().min(0);

// ——— targets ———

export const caseloadTargetSchema = z.strictObject({
  role: caseloadRoleSchema,
  ageGroup: caseloadTargetGroupSchema,
  targetCases: z.number().int().min(CASELOAD_TARGET_MIN).max(CASELOAD_TARGET_MAX),
});
export type CaseloadTargetInput = z.infer<typeof caseloadTargetSchema>;

/** The whole set: rows not listed are removed (their role and age group fall back, see docs/caseloads.md). */
export const putCaseloadTargetsRequest = z.strictObject({
  targets: z.array(caseloadTargetSchema).max(CASELOAD_ROLES.length * CASELOAD_TARGET_GROUPS.length),
});
export type PutCaseloadTargetsRequest = z.infer<typeof putCaseloadTargetsRequest>;

export const effectiveCaseloadTargetSchema = z.object({
  role: caseloadRoleSchema,
  ageGroup: caseloadAgeGroupSchema,
  targetCases: z.number().int().nullable(),
  source: z.enum(['age_group', 'all', 'case_rules', 'none']),
});
export type EffectiveCaseloadTarget = z.infer<typeof effectiveCaseloadTargetSchema>;

export const caseloadTargetSetSchema = z
  .object({
    /** The stored rows, in role and age-group order. */
    targets: z.array(caseloadTargetSchema),
    /** What applies per role and age group after the fallbacks. */
    effective: z.array(effectiveCaseloadTargetSchema),
    /** The case rules' caseload target: the case managers' fallback. */
    caseRulesTarget: z.number().int(),
    /** The set's version (also the ETag); PUT needs it as If-Match. */
    version: z.number().int(),
  })
  .meta({ id: 'CaseloadTargets' });
export type CaseloadTargetSet = z.infer<typeof caseloadTargetSetSchema>;

// ——— current caseloads ———

export const caseloadAgeFilterSchema = z.enum(['u25', 'ue25', 'all']);
export const caseloadQuery = z.strictObject({ ageGroup: caseloadAgeFilterSchema.default('all') });
export type CaseloadQuery = z.infer<typeof caseloadQuery>;

export const ageSplitSchema = z.object({ u25: count, ue25: count, total: count });
export type AgeSplitCounts = z.infer<typeof ageSplitSchema>;

const loadStatusSchema = z.enum(['over', 'at', 'under']).nullable();

export const staffCaseloadRowSchema = z.object({
  role: caseloadRoleSchema,
  /** False for cases held by someone without the role (e.g. a former case manager). */
  holdsRole: z.boolean(),
  cases: ageSplitSchema,
  /** The effective targets of the counted age groups (null: not counted, or no target). */
  target: z.object({ u25: z.number().int().nullable(), ue25: z.number().int().nullable() }),
  /** 100 × Σ cases ÷ target over the counted age groups, one decimal; null when it cannot be assessed. */
  percent: z.number().nullable(),
  status: loadStatusSchema,
});
export type StaffCaseloadRow = z.infer<typeof staffCaseloadRowSchema>;

export const staffCaseloadSchema = z.object({
  userId: uuid,
  displayName: z.string(),
  teamId: uuid.nullable(),
  teamName: z.string().nullable(),
  disabled: z.boolean(),
  rows: z.array(staffCaseloadRowSchema),
});
export type StaffCaseload = z.infer<typeof staffCaseloadSchema>;

export const teamCaseloadRowSchema = z.object({
  role: caseloadRoleSchema,
  /** Active staff of the team holding the role. */
  staff: count,
  cases: ageSplitSchema,
  /** Staff × target per counted age group (null: not counted, or no target). */
  capacity: z.object({ u25: z.number().int().nullable(), ue25: z.number().int().nullable() }),
  percent: z.number().nullable(),
  status: loadStatusSchema,
});
export type TeamCaseloadRow = z.infer<typeof teamCaseloadRowSchema>;

export const teamCaseloadSchema = z.object({
  /** null: staff without a team; in `total`: everyone. */
  teamId: uuid.nullable(),
  name: z.string(),
  rows: z.array(teamCaseloadRowSchema),
});
export type TeamCaseload = z.infer<typeof teamCaseloadSchema>;

// ——— organisation models (as the comparison reads them) ———

/** The model compared: the same shape the organisation model is saved in. */
export const caseloadCareModelSchema = careModelSchema;
export type CaseloadCareModel = z.infer<typeof caseloadCareModelSchema>;

export const caseloadModelViewSchema = z.object({
  model: caseloadCareModelSchema,
  /** The IAW type (seed 004 Tabelle 2), e.g. "Iba", with its meaning and remarks. */
  iawType: z.object({ code: z.string(), meaningDe: z.array(z.string()), notesDe: z.array(z.string()) }),
  /** stored: the tenant's row; default: no row stored, Iba applies; proposed: the alternative asked for. */
  source: z.enum(['stored', 'default', 'proposed']),
});
export type CaseloadModelView = z.infer<typeof caseloadModelViewSchema>;

export const caseloadModelPairSchema = z.object({ u25: caseloadModelViewSchema, ue25: caseloadModelViewSchema });

export const caseloadReportSchema = z
  .object({
    /** The day the open cases are counted and ages computed on (today in Germany). */
    on: isoDate,
    ageGroup: caseloadAgeFilterSchema,
    /** Open cases counted (of the chosen age groups). */
    openCases: count,
    targets: z.array(effectiveCaseloadTargetSchema),
    /** The tenant's organisation model now (for the comparison form). */
    model: caseloadModelPairSchema,
    staff: z.array(staffCaseloadSchema),
    teams: z.array(teamCaseloadSchema),
    total: teamCaseloadSchema,
  })
  .meta({ id: 'CaseloadReport' });
export type CaseloadReport = z.infer<typeof caseloadReportSchema>;

// ——— comparison ———

export const caseloadComparisonRequest = z.strictObject({ u25: caseloadCareModelSchema, ue25: caseloadCareModelSchema });
export type CaseloadComparisonRequest = z.infer<typeof caseloadComparisonRequest>;

export const plannedLoadSchema = z.object({
  owner: ageSplitSchema,
  placement: ageSplitSchema,
  benefits: ageSplitSchema,
  /** Hand-offs of the cases the person owns (people a case passes between, minus one, summed). */
  handOffs: count,
});
export type PlannedLoadCounts = z.infer<typeof plannedLoadSchema>;

export const comparisonPersonSchema = z.object({
  userId: uuid,
  displayName: z.string(),
  teamName: z.string().nullable(),
  roles: z.array(caseloadRoleSchema),
  current: plannedLoadSchema,
  alternative: plannedLoadSchema,
  /** Alternative minus current (totals of both age groups). */
  difference: z.object({ owner: z.number().int(), placement: z.number().int(), benefits: z.number().int(), handOffs: z.number().int() }),
});
export type ComparisonPerson = z.infer<typeof comparisonPersonSchema>;

export const comparisonTotalsSchema = z.object({
  handOffs: count,
  /** Cases whose owner the plan would consult an expert for (expert model). */
  expertConsultations: count,
  /** Cases that need specialised placement (benefits) staff under the model, but nobody holds the role. */
  placementUnstaffed: count,
  benefitsUnstaffed: count,
});

export const caseloadComparisonSchema = z
  .object({
    on: isoDate,
    openCases: count,
    current: caseloadModelPairSchema,
    alternative: caseloadModelPairSchema,
    people: z.array(comparisonPersonSchema),
    totals: z.object({ current: comparisonTotalsSchema, alternative: comparisonTotalsSchema }),
    /** Open cases whose owner differs between the two plans. */
    ownerChanges: count,
  })
  .meta({ id: 'CaseloadComparison' });
export type CaseloadComparison = z.infer<typeof caseloadComparisonSchema>;
