import {
  AGREEMENT_KINDS,
  BARRIER_PHASES,
  BARRIER_SEVERITIES,
  CASE_ACTIONS,
  CASE_PRIORITIES,
  CASE_STATUSES,
  CLOSING_OUTCOMES,
  CONTACT_KINDS,
  DUTY_KINDS,
  GOAL_STATUSES,
  INDICATOR_SOURCES,
  LIFE_AREAS,
  RATING_OCCASIONS,
  RESOURCE_CATEGORIES,
  SERVICE_TYPES,
  SUBGOAL_OWNER_KINDS,
  SUBGOAL_STATUSES,
} from '@lotse/domain';
import { z } from 'zod';
import { isoDate, pageInfo, requiredText, text, uuid } from './common';
import { targetGroupSchema } from './persons';
import { sanctionHistoryEntrySchema } from './sanctions';

export const caseStatusSchema = z.enum(CASE_STATUSES);
export const caseActionSchema = z.enum(CASE_ACTIONS);
export const casePrioritySchema = z.enum(CASE_PRIORITIES);
export const serviceTypeSchema = z.enum(SERVICE_TYPES);
export const barrierPhaseSchema = z.enum(BARRIER_PHASES);
export const barrierSeveritySchema = z.enum(BARRIER_SEVERITIES);
export const indicatorSourceSchema = z.enum([...INDICATOR_SOURCES.hard, ...INDICATOR_SOURCES.soft]);
export const lifeAreaSchema = z.enum(LIFE_AREAS);
export const ratingOccasionSchema = z.enum(RATING_OCCASIONS);
export const contactKindSchema = z.enum(CONTACT_KINDS);
export const closingOutcomeSchema = z.enum(CLOSING_OUTCOMES);
export const agreementKindSchema = z.enum(AGREEMENT_KINDS);

const userRef = z.object({ id: uuid, displayName: z.string() });
const longText = (max: number) => text(max);

/** Path parameters of routes below a case. */
export const caseChildParams = <K extends string>(name: K) =>
  z.strictObject({ id: uuid, [name]: uuid } as { id: typeof uuid } & Record<K, typeof uuid>);

// ——— Case ———

export const createCaseRequest = z.strictObject({
  personId: uuid,
  priority: casePrioritySchema.default('medium'),
  /** Responsible case manager; the creating case manager when omitted. */
  caseManagerId: uuid.optional(),
  /** Days between contacts; the tenant's default for the priority when omitted. */
  contactDensityDays: z.number().int().min(1).max(365).nullable().optional(),
});
export type CreateCaseRequest = z.infer<typeof createCaseRequest>;

export const updateCaseRequest = z.strictObject({
  priority: casePrioritySchema.optional(),
  contactDensityDays: z.number().int().min(1).max(365).nullable().optional(),
  willingToCooperate: z.boolean().nullable().optional(),
  caseManagerId: uuid.optional(),
});
export type UpdateCaseRequest = z.infer<typeof updateCaseRequest>;

export const closingInput = z.strictObject({
  outcome: closingOutcomeSchema.nullable(),
  retrospective: longText(4000).nullable(),
  prospective: longText(4000).nullable(),
  personParticipated: z.boolean(),
  satisfaction: z.number().int().min(1).max(5).nullable().optional(),
  aftercareUntil: isoDate.nullable().optional(),
});

export const caseTransitionRequest = z.strictObject({
  action: caseActionSchema,
  reason: longText(2000).nullable().optional(),
  closing: closingInput.nullable().optional(),
});
export type CaseTransitionRequest = z.infer<typeof caseTransitionRequest>;

const gateFailureSchema = z.object({ code: z.string(), message: z.string() });
export const availableActionSchema = z.object({
  action: caseActionSchema,
  missing: z.array(gateFailureSchema),
  requiresReason: z.boolean(),
  overridesIndication: z.boolean(),
});

export const caseSummarySchema = z.object({
  id: uuid,
  status: caseStatusSchema,
  priority: casePrioritySchema,
  person: z.object({ id: uuid, customerNumber: z.string(), firstName: z.string(), lastName: z.string(), birthDate: isoDate }),
  caseManager: userRef,
  openedOn: isoDate,
  closedOn: isoDate.nullable(),
  nextContactDue: isoDate.nullable(),
  updatedAt: z.string(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const caseListQuery = z.strictObject({
  scope: z.enum(['mine', 'all']).default('mine'),
  status: z.enum(['open', ...CASE_STATUSES]).default('open'),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const caseList = z.object({ items: z.array(caseSummarySchema), page: pageInfo });
export const personCaseList = z.object({ items: z.array(caseSummarySchema) });

// ——— Barriers, resources ———

export const indicatorSchema = z.strictObject({
  source: indicatorSourceSchema,
  note: longText(500).nullable().optional(),
});
export const indicatorView = z.object({ kind: z.enum(['hard', 'soft']), source: indicatorSourceSchema, note: z.string().nullable() });

export const barrierSchema = z.object({
  id: uuid,
  barrierType: z.object({ id: uuid, code: z.string(), label: z.string(), phase: barrierPhaseSchema, specialCategory: z.boolean() }),
  serviceTypes: z.array(serviceTypeSchema),
  severity: barrierSeveritySchema,
  recordedOn: isoDate,
  recordedBy: userRef,
  /** Order of treatment (1 = first); null while not yet ordered. */
  priority: z.number().int().nullable(),
  indicators: z.array(indicatorView),
  note: z.string().nullable(),
  status: z.enum(['active', 'resolved']),
  version: z.number().int(),
});
export type Barrier = z.infer<typeof barrierSchema>;

export const createBarrierRequest = z.strictObject({
  barrierTypeId: uuid,
  severity: barrierSeveritySchema,
  recordedOn: isoDate,
  indicators: z.array(indicatorSchema).max(20).default([]),
  note: longText(2000).nullable().optional(),
});
export type CreateBarrierRequest = z.infer<typeof createBarrierRequest>;

export const updateBarrierRequest = z.strictObject({
  severity: barrierSeveritySchema.optional(),
  indicators: z.array(indicatorSchema).max(20).optional(),
  note: longText(2000).nullable().optional(),
  status: z.enum(['active', 'resolved']).optional(),
});
export type UpdateBarrierRequest = z.infer<typeof updateBarrierRequest>;

/** The explicit order of treatment: every active barrier of the case, first = treated first. */
export const barrierOrderRequest = z.strictObject({ barrierIds: z.array(uuid).min(1).max(100) });

export const resourceSchema = z.object({
  id: uuid,
  category: z.enum(RESOURCE_CATEGORIES),
  description: z.string(),
  recordedOn: isoDate,
  recordedBy: userRef,
});
export const createResourceRequest = z.strictObject({
  category: z.enum(RESOURCE_CATEGORIES),
  description: requiredText(1000),
});

// ——— Help plan ———

export const subGoalSchema = z.object({
  id: uuid,
  goalId: uuid,
  title: z.string(),
  ownerKind: z.enum(SUBGOAL_OWNER_KINDS),
  ownerNote: z.string().nullable(),
  dueOn: isoDate,
  status: z.enum(SUBGOAL_STATUSES),
  reviewNote: z.string().nullable(),
  overdue: z.boolean(),
  version: z.number().int(),
});
export const goalSchema = z.object({
  id: uuid,
  title: z.string(),
  description: z.string().nullable(),
  status: z.enum(GOAL_STATUSES),
  barrierIds: z.array(uuid),
  subGoals: z.array(subGoalSchema),
  version: z.number().int(),
});
export type Goal = z.infer<typeof goalSchema>;
export type SubGoal = z.infer<typeof subGoalSchema>;

export const createGoalRequest = z.strictObject({
  title: requiredText(300),
  description: longText(2000).nullable().optional(),
  /** Barriers this goal addresses. */
  barrierIds: z.array(uuid).max(50).default([]),
});
export const updateGoalRequest = z.strictObject({
  title: requiredText(300).optional(),
  description: longText(2000).nullable().optional(),
  status: z.enum(GOAL_STATUSES).optional(),
  barrierIds: z.array(uuid).max(50).optional(),
});
export const createSubGoalRequest = z.strictObject({
  title: requiredText(300),
  ownerKind: z.enum(SUBGOAL_OWNER_KINDS),
  ownerNote: longText(200).nullable().optional(),
  dueOn: isoDate,
});
export const updateSubGoalRequest = z.strictObject({
  title: requiredText(300).optional(),
  ownerKind: z.enum(SUBGOAL_OWNER_KINDS).optional(),
  ownerNote: longText(200).nullable().optional(),
  dueOn: isoDate.optional(),
  status: z.enum(SUBGOAL_STATUSES).optional(),
  reviewNote: longText(2000).nullable().optional(),
});

// ——— Agreement ———

const agreementItem = z.strictObject({ text: requiredText(1000), goalId: uuid.nullable().default(null) });
const agreementDuty = agreementItem.extend({ kind: z.enum(DUTY_KINDS) });

export const createAgreementRequest = z.strictObject({
  /** Whether person and Jobcenter agreed; if not, the rule of the date decides what replaces it. */
  reached: z.boolean(),
  agreedOn: isoDate,
  validUntil: isoDate,
  reviewOn: isoDate,
  duties: z.array(agreementDuty).max(30),
  commitments: z.array(agreementItem).max(30),
  personalOffer: longText(2000).nullable().optional(),
  notes: longText(2000).nullable().optional(),
});
export type CreateAgreementRequest = z.infer<typeof createAgreementRequest>;

export const agreementRuleSchema = z.object({
  id: uuid,
  code: z.string(),
  title: z.string(),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  agreedKind: agreementKindSchema,
  fallbackKind: agreementKindSchema.nullable(),
  legallyBinding: z.boolean(),
  dutiesSanctionable: z.boolean(),
  disputeProcedure: z.string().nullable(),
  reviewWithinMonths: z.number().int(),
  legalBasis: z.string(),
  noAgreementText: z.string(),
  sourceNote: z.string(),
});
export const agreementRuleList = z.object({ items: z.array(agreementRuleSchema) });

export const agreementChangeSchema = z.object({
  field: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  before: z.string().nullable(),
  after: z.string().nullable(),
  description: z.string(),
});

export const agreementVersionSchema = z.object({
  id: uuid,
  versionNo: z.number().int(),
  kind: agreementKindSchema,
  reached: z.boolean(),
  rule: agreementRuleSchema,
  agreedOn: isoDate,
  validUntil: isoDate,
  reviewOn: isoDate,
  duties: z.array(z.object({ kind: z.enum(DUTY_KINDS), text: z.string(), goalId: uuid.nullable() })),
  commitments: z.array(z.object({ text: z.string(), goalId: uuid.nullable() })),
  personalOffer: z.string().nullable(),
  notes: z.string().nullable(),
  createdBy: userRef,
  createdAt: z.string(),
  /** What changed against the previous version (empty for the first). */
  changes: z.array(agreementChangeSchema),
});
export type AgreementVersion = z.infer<typeof agreementVersionSchema>;
export const agreementVersionList = z.object({ items: z.array(agreementVersionSchema) });

// ——— Ratings ———

export const ratingScoreSchema = z.strictObject({
  area: lifeAreaSchema,
  score: z.number().int().min(1).max(10),
  comment: longText(1000).nullable().optional(),
});
export const createRatingRequest = z.strictObject({
  occasion: ratingOccasionSchema,
  ratedOn: isoDate,
  withPerson: z.boolean(),
  scores: z.array(ratingScoreSchema).min(1).max(LIFE_AREAS.length),
});
export type CreateRatingRequest = z.infer<typeof createRatingRequest>;
export const ratingSchema = z.object({
  id: uuid,
  occasion: ratingOccasionSchema,
  ratedOn: isoDate,
  withPerson: z.boolean(),
  ratedBy: userRef,
  scores: z.array(z.object({ area: lifeAreaSchema, score: z.number().int(), comment: z.string().nullable() })),
});
export type Rating = z.infer<typeof ratingSchema>;

// ——— Contacts, follow-ups ———

export const createContactRequest = z.strictObject({
  kind: contactKindSchema,
  occurredOn: isoDate,
  summary: requiredText(300),
  note: longText(4000).nullable().optional(),
});
export const contactSchema = z.object({
  id: uuid,
  kind: contactKindSchema,
  occurredOn: isoDate,
  summary: z.string(),
  note: z.string().nullable(),
  createdBy: userRef,
});

/** Kinds of follow-ups: the model routes placement tasks; the others are created by the features that own them. */
export const FOLLOW_UP_KINDS = ['general', 'placement', 'benefits_notice', 'sanction_decision', 'expert_consultation'] as const;
export const followUpKindSchema = z.enum(FOLLOW_UP_KINDS);

export const createFollowUpRequest = z.strictObject({
  title: requiredText(300),
  dueOn: isoDate,
  /**
   * Who works on it; when omitted the caller, or for a placement task (`kind: placement`) whoever the
   * organisation model sends placement to (the case's placement officer, or the case manager), for a
   * notice relevant to benefits (`kind: benefits_notice`) whoever computes the case's benefits.
   */
  ownerId: uuid.optional(),
  kind: z.enum(['general', 'placement', 'benefits_notice']).optional(),
});
export const updateFollowUpRequest = z.strictObject({
  title: requiredText(300).optional(),
  dueOn: isoDate.optional(),
  ownerId: uuid.optional(),
  done: z.boolean().optional(),
});
export const followUpSchema = z.object({
  id: uuid,
  title: z.string(),
  dueOn: isoDate,
  owner: userRef,
  kind: followUpKindSchema,
  doneOn: isoDate.nullable(),
  overdue: z.boolean(),
  version: z.number().int(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

// ——— Case overview (the case file page) ———

export const transitionSchema = z.object({
  id: uuid,
  at: z.string(),
  actor: userRef.nullable(),
  action: z.string(),
  fromStatus: caseStatusSchema.nullable(),
  toStatus: caseStatusSchema,
  reason: z.string().nullable(),
  indicationMet: z.boolean().nullable(),
  indicationOverride: z.boolean(),
});

export const caseOverviewSchema = z.object({
  id: uuid,
  version: z.number().int(),
  status: caseStatusSchema,
  priority: casePrioritySchema,
  contactDensityDays: z.number().int(),
  contactDensityIsDefault: z.boolean(),
  willingToCooperate: z.boolean().nullable(),
  openedOn: isoDate,
  closedOn: isoDate.nullable(),
  aftercareUntil: isoDate.nullable(),
  person: z.object({
    id: uuid,
    customerNumber: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    birthDate: isoDate,
    phone: z.string().nullable(),
    targetGroups: z.array(targetGroupSchema),
  }),
  caseManager: userRef,
  /**
   * Who the person is shown as contact (§ 14 SGB II) under the organisation model (SPEC C14): for
   * integration always the case manager; for benefits questions the case manager (benefits integrated
   * or contact person only) or the responsible benefits officer (null: none assigned yet).
   */
  careContacts: z.object({
    integration: userRef,
    benefits: userRef.nullable(),
    benefitsBy: z.enum(['case_owner', 'benefits_staff']),
    placement: userRef.nullable(),
    iawType: z.string(),
  }),
  /** Whether the viewer is the case's responsible case manager (may edit, sees special categories). */
  responsible: z.boolean(),
  indication: z.object({ minBarriers: z.number().int(), requireWillingness: z.boolean(), met: z.boolean() }),
  actions: z.array(availableActionSchema),
  closing: z
    .object({
      outcome: closingOutcomeSchema,
      retrospective: z.string(),
      prospective: z.string(),
      personParticipated: z.boolean(),
      satisfaction: z.number().int().nullable(),
    })
    .nullable(),
  barriers: z.array(barrierSchema),
  /** Special-category entries the viewer may not see (only their number is shown). */
  hiddenSpecialCategoryEntries: z.number().int(),
  resources: z.array(resourceSchema),
  goals: z.array(goalSchema),
  agreement: agreementVersionSchema.nullable(),
  agreementVersions: z.number().int(),
  ratings: z.array(ratingSchema),
  contacts: z.array(contactSchema),
  contactCount: z.number().int(),
  lastContactOn: isoDate.nullable(),
  nextContactDue: isoDate,
  contactOverdue: z.boolean(),
  followUps: z.array(followUpSchema),
  history: z.array(transitionSchema),
  /** The steps of the case's sanctions (SPEC C16), shown in the history with the status changes. */
  sanctionHistory: z.array(sanctionHistoryEntrySchema),
});
export type CaseOverview = z.infer<typeof caseOverviewSchema>;

// ——— Work today ———

export const WORK_ITEM_KINDS = [
  'follow_up_overdue',
  'follow_up_due',
  'subgoal_due',
  'agreement_review_due',
  'contact_overdue',
  /** A provider owes an answer, the start or an interim report (cooperation agreement deadlines). */
  'referral_overdue',
  /** A provider reported an arising need: accept or reject it as a barrier. */
  'barrier_proposal',
  /** A case conference is scheduled for today. */
  'conference_today',
] as const;
export const workItemSchema = z.object({
  kind: z.enum(WORK_ITEM_KINDS),
  caseId: uuid,
  person: z.object({ id: uuid, firstName: z.string(), lastName: z.string(), customerNumber: z.string() }),
  dueOn: isoDate,
  title: z.string(),
  /** The follow-up, sub-goal, agreement version, referral, proposal or conference the item is about. */
  refId: uuid.nullable(),
});
export type WorkItem = z.infer<typeof workItemSchema>;
export const workTodaySchema = z.object({ today: isoDate, items: z.array(workItemSchema) });

// ——— Catalogue and settings (administration) ———

export const barrierTypeSchema = z.object({
  id: uuid,
  code: z.string(),
  phase: barrierPhaseSchema,
  label: z.string(),
  description: z.string().nullable(),
  specialCategory: z.boolean(),
  serviceTypes: z.array(serviceTypeSchema),
  active: z.boolean(),
  sortOrder: z.number().int(),
  version: z.number().int(),
});
export type BarrierType = z.infer<typeof barrierTypeSchema>;
export const barrierTypeList = z.object({ items: z.array(barrierTypeSchema) });

const barrierTypeCode = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,49}$/, 'Kleinbuchstaben, Ziffern und _, 2–50 Zeichen, beginnend mit einem Buchstaben.');
export const createBarrierTypeRequest = z.strictObject({
  code: barrierTypeCode,
  phase: barrierPhaseSchema,
  label: requiredText(200),
  description: longText(1000).nullable().optional(),
  specialCategory: z.boolean().default(false),
  serviceTypes: z.array(serviceTypeSchema).max(SERVICE_TYPES.length).default([]),
  sortOrder: z.number().int().min(0).max(10000).default(1000),
});
export const updateBarrierTypeRequest = z.strictObject({
  phase: barrierPhaseSchema.optional(),
  label: requiredText(200).optional(),
  description: longText(1000).nullable().optional(),
  specialCategory: z.boolean().optional(),
  serviceTypes: z.array(serviceTypeSchema).max(SERVICE_TYPES.length).optional(),
  active: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(10000).optional(),
});

export const caseRulesSchema = z.object({
  indicationMinBarriers: z.number().int(),
  indicationRequireWillingness: z.boolean(),
  contactDensityDays: z.object({ high: z.number().int(), medium: z.number().int(), low: z.number().int() }),
  /** Planning figures from 1 to this minus 1 are suppressed for roles that see no person (SPEC C12). */
  suppressionMinimum: z.number().int(),
  /** Cases a case manager should carry at most (quality indicator "Betreuungsschlüssel"). */
  caseloadTarget: z.number().int(),
  /** Days from sending a referral to the start of the service that count as "in time". */
  waitingTargetDays: z.number().int(),
  /** Days the person has to answer a sanction hearing (Anhörung, SPEC C16). */
  hearingDays: z.number().int(),
  version: z.number().int(),
});
export type CaseRules = z.infer<typeof caseRulesSchema>;
const densityDays = z.number().int().min(1).max(365);
export const updateCaseRulesRequest = z.strictObject({
  indicationMinBarriers: z.number().int().min(0).max(20).optional(),
  indicationRequireWillingness: z.boolean().optional(),
  contactDensityDays: z.strictObject({ high: densityDays, medium: densityDays, low: densityDays }).optional(),
  suppressionMinimum: z.number().int().min(2).max(50).optional(),
  caseloadTarget: z.number().int().min(10).max(500).optional(),
  waitingTargetDays: z.number().int().min(1).max(365).optional(),
  hearingDays: z.number().int().min(7).max(60).optional(),
});
