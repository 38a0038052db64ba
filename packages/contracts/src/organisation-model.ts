import { AGE_GROUPS, BENEFITS_MODES, CASE_MANAGEMENT_APPROACHES, PLACEMENT_MODES } from '@lotse/domain';
import { z } from 'zod';
import { uuid } from './common';

/**
 * The organisation model of customer care (SPEC C14, seed 004 §3–4): per age group the three criteria
 * of the IAW typology, the type Lotse derives from them, and the bulk reassignment of open cases after a
 * change. See docs/organisation-model.md.
 */

export const ageGroupSchema = z.enum(AGE_GROUPS);
export const caseManagementApproachSchema = z.enum(CASE_MANAGEMENT_APPROACHES);
export const placementModeSchema = z.enum(PLACEMENT_MODES);
export const benefitsModeSchema = z.enum(BENEFITS_MODES);

const personRef = z.object({ id: uuid, displayName: z.string() });

/** The derived IAW type, e.g. "Iba", with its meaning in words and remarks on variants it does not show. */
export const iawTypeSchema = z
  .object({
    code: z.string(),
    caseManagement: z.enum(['I', 'II']),
    placement: z.enum(['a', 'b']),
    benefits: z.enum(['a', 'b']),
    meaning: z.array(z.string()),
    notes: z.array(z.string()),
  })
  .meta({ id: 'IawType' });
export type IawTypeDto = z.infer<typeof iawTypeSchema>;

/** How one age group is served, with its type; `version` is its ETag (If-Match on PUT). */
export const organisationModelSchema = z
  .object({
    ageGroup: ageGroupSchema,
    label: z.string(),
    caseManagement: caseManagementApproachSchema,
    placement: placementModeSchema,
    benefits: benefitsModeSchema,
    mixedTeams: z.boolean(),
    type: iawTypeSchema,
    version: z.number().int(),
    updatedAt: z.string().nullable(),
    updatedBy: personRef.nullable(),
  })
  .meta({ id: 'OrganisationModel' });
export type OrganisationModel = z.infer<typeof organisationModelSchema>;
export const organisationModelList = z.object({ items: z.array(organisationModelSchema) }).meta({ id: 'OrganisationModelList' });
export type OrganisationModelList = z.infer<typeof organisationModelList>;

export const ageGroupParams = z.strictObject({ ageGroup: ageGroupSchema });

/** The whole model of an age group (PUT with If-Match). */
/** How one age group is served: the three criteria of the typology and mixed teams (domain `CareModel`). */
export const careModelSchema = z.strictObject({
  caseManagement: caseManagementApproachSchema,
  placement: placementModeSchema,
  benefits: benefitsModeSchema,
  mixedTeams: z.boolean(),
});
export const updateOrganisationModelRequest = careModelSchema;
export type UpdateOrganisationModelRequest = z.infer<typeof updateOrganisationModelRequest>;

// ——— Bulk reassignment of open cases ———

const move = z.object({ from: personRef.nullable(), to: personRef.nullable() });

/** One open case whose people change under the current model; a part is null where it does not change. */
export const reassignmentItemSchema = z.object({
  caseId: uuid,
  /** A short reference of the case (administrators see no person data, SPEC C15). */
  reference: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  ageGroup: ageGroupSchema,
  /** Case owner (the responsible case manager); null: stays. */
  owner: move.nullable(),
  /** Placement officer (null person: the owner does placement); null: unchanged. */
  placement: move.nullable(),
  /** Benefits officer (null person: the owner is responsible for benefits); null: unchanged. */
  benefits: move.nullable(),
});
export type ReassignmentItem = z.infer<typeof reassignmentItemSchema>;

/**
 * What a bulk reassignment would move. `token` fingerprints the plan (models, cases and their people);
 * POST /reassignment applies it only while it is still the same, else 409.
 */
export const reassignmentPreviewSchema = z
  .object({
    token: z.string(),
    modelVersions: z.object({ u25: z.number().int(), ue25: z.number().int() }),
    openCases: z.number().int(),
    counts: z.object({
      cases: z.number().int(),
      owner: z.number().int(),
      placement: z.number().int(),
      benefits: z.number().int(),
    }),
    /** The first moving cases (at most 500); `counts` and `token` cover all. */
    items: z.array(reassignmentItemSchema),
    truncated: z.boolean(),
  })
  .meta({ id: 'ReassignmentPreview' });
export type ReassignmentPreview = z.infer<typeof reassignmentPreviewSchema>;

export const applyReassignmentRequest = z.strictObject({ token: z.string().trim().min(1).max(200) });
export type ApplyReassignmentRequest = z.infer<typeof applyReassignmentRequest>;

export const reassignmentResultSchema = z
  .object({
    moved: z.number().int(),
    counts: reassignmentPreviewSchema.shape.counts,
  })
  .meta({ id: 'ReassignmentResult' });
export type ReassignmentResult = z.infer<typeof reassignmentResultSchema>;
