import {
  CAPACITY_PERIODS,
  CAPACITY_UNITS,
  CONFERENCE_ACTION_KINDS,
  CONFERENCE_STATUSES,
  CONSENT_CATEGORIES,
  CONSENT_COUNSELLING_POINTS,
  CONSENT_FORMS,
  FEEDBACK_KINDS,
  FINANCING_MODELS,
  MAX_PLANNED_DURATION_DAYS,
  MEASURE_BEGIN_RULES,
  OFFER_TARGET_GROUPS,
  OVERDUE_KIND_LABELS_DE,
  PARTICIPANT_KINDS,
  PROVIDER_REFERRAL_ACTIONS,
  REFERRAL_RESULTS,
  REFERRAL_STATUSES,
  WHEREABOUTS,
} from '@lotse/domain';
import { z } from 'zod';
import { serviceTypeSchema } from './cases';
import { cursorPageQuery, isoDate, pageInfo, requiredText, text, uuid } from './common';

/**
 * Cooperation with providers (SPEC C6–C8, C10): providers, cooperation agreements, offers, the
 * handbook, consents, referrals with the provider's feedback, barrier proposals, case conferences,
 * and the provider portal's views. Documented route by route in docs/api-cooperation.md.
 */

const userRef = z.object({ id: uuid, displayName: z.string() });
const optionalText = (max: number) => text(max).nullable().optional();
const phone = text(40).nullable().optional();
const email = z.email().max(200).nullable().optional();

export const consentCategorySchema = z.enum(CONSENT_CATEGORIES);
export const referralStatusSchema = z.enum(REFERRAL_STATUSES);
export const offerTargetGroupSchema = z.enum(OFFER_TARGET_GROUPS);
export const financingModelSchema = z.enum(FINANCING_MODELS);
export const measureBeginRuleSchema = z.enum(MEASURE_BEGIN_RULES);
export const overdueKindSchema = z.enum(Object.keys(OVERDUE_KIND_LABELS_DE) as ['answer', 'start', 'report']);

// ——— Providers ———

const providerFields = {
  name: requiredText(200),
  street: optionalText(200),
  houseNumber: optionalText(20),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, 'Fünfstellige Postleitzahl.')
    .nullable()
    .optional(),
  city: optionalText(100),
  phone,
  email,
  website: optionalText(300),
  contactPerson: optionalText(200),
};
export const createProviderRequest = z.strictObject(providerFields);
export const updateProviderRequest = z.strictObject({
  ...Object.fromEntries(Object.entries(providerFields).map(([k, v]) => [k, v.optional()])),
  name: requiredText(200).optional(),
  active: z.boolean().optional(),
} as { [K in keyof typeof providerFields]: z.ZodOptional<(typeof providerFields)[K]> } & {
  name: z.ZodOptional<z.ZodString>;
  active: z.ZodOptional<z.ZodBoolean>;
});
export const providerSchema = z
  .object({
    id: uuid,
    name: z.string(),
    street: z.string().nullable(),
    houseNumber: z.string().nullable(),
    postalCode: z.string().nullable(),
    city: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    website: z.string().nullable(),
    contactPerson: z.string().nullable(),
    active: z.boolean(),
    /** Offers of this provider (all, active or not). */
    offerCount: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'Provider' });
export type Provider = z.infer<typeof providerSchema>;
export const providerList = z.object({ items: z.array(providerSchema) });

// ——— Cooperation agreements ———

const agreementFields = {
  providerId: uuid,
  title: requiredText(200),
  validFrom: isoDate,
  validUntil: isoDate.nullable().optional(),
  /** Days after sending by which the provider must accept or decline. */
  answerDays: z.number().int().min(1).max(90),
  /** Days after accepting by which the first appointment must have taken place. */
  startDays: z.number().int().min(1).max(180),
  /** Days between interim reports while the help runs. */
  interimReportDays: z.number().int().min(7).max(365),
  feedbackProcedure: optionalText(4000),
  qualityStandards: optionalText(4000),
  reportingDuties: optionalText(4000),
  auditRights: optionalText(4000),
  notice: optionalText(4000),
};
export const createCooperationAgreementRequest = z.strictObject(agreementFields);
export const updateCooperationAgreementRequest = z.strictObject({
  title: agreementFields.title.optional(),
  validFrom: isoDate.optional(),
  validUntil: agreementFields.validUntil,
  answerDays: agreementFields.answerDays.optional(),
  startDays: agreementFields.startDays.optional(),
  interimReportDays: agreementFields.interimReportDays.optional(),
  feedbackProcedure: agreementFields.feedbackProcedure,
  qualityStandards: agreementFields.qualityStandards,
  reportingDuties: agreementFields.reportingDuties,
  auditRights: agreementFields.auditRights,
  notice: agreementFields.notice,
});
export const cooperationAgreementSchema = z
  .object({
    id: uuid,
    provider: z.object({ id: uuid, name: z.string() }),
    title: z.string(),
    validFrom: isoDate,
    validUntil: isoDate.nullable(),
    answerDays: z.number().int(),
    startDays: z.number().int(),
    interimReportDays: z.number().int(),
    feedbackProcedure: z.string().nullable(),
    qualityStandards: z.string().nullable(),
    reportingDuties: z.string().nullable(),
    auditRights: z.string().nullable(),
    notice: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'CooperationAgreement' });
export type CooperationAgreement = z.infer<typeof cooperationAgreementSchema>;
export const cooperationAgreementList = z.object({ items: z.array(cooperationAgreementSchema) });
export const cooperationAgreementListQuery = z.strictObject({ providerId: uuid.optional() });

// ——— Offers ———

const locationInput = z.strictObject({
  label: requiredText(200),
  street: optionalText(200),
  houseNumber: optionalText(20),
  postalCode: providerFields.postalCode,
  city: optionalText(100),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  openingHours: optionalText(1000),
  accessible: z.boolean().default(false),
});
const contactInput = z.strictObject({
  name: requiredText(200),
  function: optionalText(200),
  phone,
  email,
});
const offerFields = {
  providerId: uuid,
  agreementId: uuid.nullable().optional(),
  name: requiredText(200),
  description: optionalText(4000),
  serviceType: serviceTypeSchema,
  targetGroups: z.array(offerTargetGroupSchema).min(1).max(6).default(['all']),
  capacity: z.number().int().min(0).max(100_000).nullable().optional(),
  capacityUnit: z.enum(CAPACITY_UNITS).default('places'),
  capacityPeriod: z.enum(CAPACITY_PERIODS).default('month'),
  /** Current waiting time in days, as the provider reports it. */
  waitingDays: z.number().int().min(0).max(730).nullable().optional(),
  financingModel: financingModelSchema,
  /** Price in euro cents per price unit. */
  priceCents: z.number().int().min(0).max(100_000_000).nullable().optional(),
  priceUnit: optionalText(100),
  contacts: z.array(contactInput).max(20).default([]),
  locations: z.array(locationInput).min(1).max(20),
  /** When a referral counts as the begin of a measure for the § 51b statistics (Kennziffer 13.5). */
  measureBeginRule: measureBeginRuleSchema.default('start'),
  /** Planned duration of a measure in days, for its planned end date (Kennziffer 13.6); null: none agreed. */
  plannedDurationDays: z.number().int().min(1).max(MAX_PLANNED_DURATION_DAYS).nullable().optional(),
};
export const createOfferRequest = z.strictObject(offerFields);
export const updateOfferRequest = z.strictObject({
  agreementId: offerFields.agreementId,
  name: offerFields.name.optional(),
  description: offerFields.description,
  serviceType: serviceTypeSchema.optional(),
  targetGroups: z.array(offerTargetGroupSchema).min(1).max(6).optional(),
  capacity: offerFields.capacity,
  capacityUnit: z.enum(CAPACITY_UNITS).optional(),
  capacityPeriod: z.enum(CAPACITY_PERIODS).optional(),
  waitingDays: offerFields.waitingDays,
  financingModel: financingModelSchema.optional(),
  priceCents: offerFields.priceCents,
  priceUnit: offerFields.priceUnit,
  contacts: z.array(contactInput).max(20).optional(),
  /** Replaces all locations. */
  locations: z.array(locationInput).min(1).max(20).optional(),
  active: z.boolean().optional(),
  measureBeginRule: measureBeginRuleSchema.optional(),
  plannedDurationDays: offerFields.plannedDurationDays,
});
export type CreateOfferRequest = z.infer<typeof createOfferRequest>;
export type UpdateOfferRequest = z.infer<typeof updateOfferRequest>;

export const offerLocationSchema = z.object({
  id: uuid,
  label: z.string(),
  street: z.string().nullable(),
  houseNumber: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  latitude: z.number(),
  longitude: z.number(),
  openingHours: z.string().nullable(),
  accessible: z.boolean(),
});
export const offerSchema = z
  .object({
    id: uuid,
    provider: z.object({ id: uuid, name: z.string() }),
    agreement: z.object({ id: uuid, title: z.string() }).nullable(),
    name: z.string(),
    description: z.string().nullable(),
    serviceType: serviceTypeSchema,
    targetGroups: z.array(offerTargetGroupSchema),
    capacity: z.number().int().nullable(),
    capacityUnit: z.enum(CAPACITY_UNITS),
    capacityPeriod: z.enum(CAPACITY_PERIODS),
    /** Referrals that currently hold a place (accepted or started). */
    occupied: z.number().int(),
    /** capacity − occupied, never below 0; null when no capacity is on record. */
    freeCapacity: z.number().int().nullable(),
    waitingDays: z.number().int().nullable(),
    financingModel: financingModelSchema,
    priceCents: z.number().int().nullable(),
    priceUnit: z.string().nullable(),
    contacts: z.array(
      z.object({ name: z.string(), function: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() }),
    ),
    locations: z.array(offerLocationSchema),
    measureBeginRule: measureBeginRuleSchema,
    plannedDurationDays: z.number().int().nullable(),
    active: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'Offer' });
export type Offer = z.infer<typeof offerSchema>;
export const offerListQuery = z.strictObject({
  providerId: uuid.optional(),
  serviceType: serviceTypeSchema.optional(),
  active: z.enum(['true', 'false', 'all']).default('true'),
});
export const offerList = z.object({ items: z.array(offerSchema) });

/** Search for a case: from the person's home, filtered and sorted by distance. */
export const offerSearchQuery = z.strictObject({
  caseId: uuid,
  serviceType: serviceTypeSchema.optional(),
  /** Only offers that address one of the person's target groups (or everyone). Default true. */
  matchTargetGroup: z.enum(['true', 'false']).default('true'),
  /** Only offers with free capacity (or no capacity on record). Default false. */
  freeCapacityOnly: z.enum(['true', 'false']).default('false'),
  maxDistanceKm: z.coerce.number().min(1).max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export const offerSearchHit = z.object({
  offer: offerSchema,
  /** Nearest location of the offer to the person's home, with its distance in km (1 decimal); null if the person has no coordinates. */
  nearestLocation: offerLocationSchema.nullable(),
  distanceKm: z.number().nullable(),
  /** A valid consent of the person for this offer's provider exists. */
  consentValid: z.boolean(),
});
export const offerSearchResult = z.object({
  /** Whether the person's home has coordinates; otherwise results are sorted by name. */
  personLocated: z.boolean(),
  personTargetGroups: z.array(z.string()),
  items: z.array(offerSearchHit),
});

// ——— Handbook ———

const checklistSchema = z.object({ title: requiredText(200), items: z.array(requiredText(500)).min(1).max(30) });
export const handbookPageSchema = z
  .object({
    serviceType: serviceTypeSchema,
    title: z.string(),
    summary: z.string(),
    checklists: z.array(checklistSchema),
    sources: z.string().nullable(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'HandbookPage' });
export const handbookList = z.object({ items: z.array(handbookPageSchema) });
export const handbookParams = z.strictObject({ serviceType: serviceTypeSchema });
export const updateHandbookPageRequest = z.strictObject({
  title: requiredText(200).optional(),
  summary: requiredText(8000).optional(),
  checklists: z
    .array(z.strictObject({ title: requiredText(200), items: z.array(requiredText(500)).min(1).max(30) }))
    .max(10)
    .optional(),
  sources: optionalText(1000),
});

// ——— Consents ———

export const createConsentRequest = z.strictObject({
  providerId: uuid,
  categories: z.array(consentCategorySchema).min(1).max(5),
  purpose: requiredText(1000),
  form: z.enum(CONSENT_FORMS),
  givenOn: isoDate,
  validUntil: isoDate.nullable().optional(),
  /** The points the person was counselled on; all five are required (seed 001 IV.3.1). */
  counselled: z.array(z.enum(CONSENT_COUNSELLING_POINTS)).max(5),
});
export type CreateConsentRequest = z.infer<typeof createConsentRequest>;
export const revokeConsentRequest = z.strictObject({
  /** Day the person revoked; today when omitted. Never in the future. */
  revokedOn: isoDate.optional(),
  note: optionalText(1000),
});
export const consentSchema = z
  .object({
    id: uuid,
    caseId: uuid,
    personId: uuid,
    provider: z.object({ id: uuid, name: z.string() }),
    categories: z.array(consentCategorySchema),
    purpose: z.string(),
    form: z.enum(CONSENT_FORMS),
    givenOn: isoDate,
    validUntil: isoDate.nullable(),
    counselled: z.array(z.enum(CONSENT_COUNSELLING_POINTS)),
    revokedOn: isoDate.nullable(),
    revokedBy: userRef.nullable(),
    revocationNote: z.string().nullable(),
    state: z.enum(['valid', 'not_yet_valid', 'expired', 'revoked']),
    recordedBy: userRef,
    createdAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'Consent' });
export type Consent = z.infer<typeof consentSchema>;
export const consentList = z.object({ items: z.array(consentSchema) });

// ——— Referrals (Jobcenter side) ———

export const createReferralRequest = z.strictObject({
  offerId: uuid,
  /** `self_referred`: the person went on their own initiative; confirmed later by a needs decision. */
  kind: z.enum(['referral', 'self_referred']).default('referral'),
  /** The consent that covers the provider; may be given later, before sending. */
  consentId: uuid.nullable().optional(),
  /** Occasion and question for the provider (shared under "content summary"). */
  referralNote: optionalText(4000),
  /** Goals of the help plan this referral serves (shared under "process steps"). */
  goalIds: z.array(uuid).max(20).default([]),
  /** Health information for the provider (shared only under "health information"). */
  healthNote: optionalText(4000),
});
export type CreateReferralRequest = z.infer<typeof createReferralRequest>;
export const updateReferralRequest = z.strictObject({
  consentId: uuid.nullable().optional(),
  referralNote: optionalText(4000),
  goalIds: z.array(uuid).max(20).optional(),
  healthNote: optionalText(4000),
});
export const referralActionRequest = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('send') }),
  z.strictObject({ action: z.literal('cancel'), reason: requiredText(1000) }),
  z.strictObject({ action: z.literal('confirm_self_referral'), needsDecision: requiredText(2000), startedOn: isoDate }),
]);
export type ReferralActionRequest = z.infer<typeof referralActionRequest>;

const overdueSchema = z.object({ kind: overdueKindSchema, dueOn: isoDate, daysOverdue: z.number().int() });
export const feedbackEntrySchema = z
  .object({
    id: uuid,
    kind: z.enum(['status', ...FEEDBACK_KINDS]),
    /** Consent categories this entry falls under. */
    categories: z.array(consentCategorySchema),
    recordedOn: isoDate,
    recordedAt: z.string(),
    /** The fields as written, each under its category (see PROVIDER_FIELD_CATEGORIES). */
    fields: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'FeedbackEntry' });
export type FeedbackEntry = z.infer<typeof feedbackEntrySchema>;

export const referralTransitionSchema = z.object({
  fromStatus: referralStatusSchema.nullable(),
  toStatus: referralStatusSchema,
  at: z.string(),
  actor: userRef,
  side: z.enum(['jobcenter', 'provider']),
  reason: z.string().nullable(),
});

export const referralSchema = z
  .object({
    id: uuid,
    caseId: uuid,
    personId: uuid,
    offer: z.object({ id: uuid, name: z.string(), serviceType: serviceTypeSchema }),
    provider: z.object({ id: uuid, name: z.string() }),
    consent: z.object({ id: uuid, categories: z.array(consentCategorySchema), state: consentSchema.shape.state }).nullable(),
    status: referralStatusSchema,
    referralNote: z.string().nullable(),
    goalIds: z.array(uuid),
    /** Null for readers who may not see special categories (only the responsible case manager does). */
    healthNote: z.string().nullable(),
    needsDecision: z.string().nullable(),
    sentOn: isoDate.nullable(),
    acceptedOn: isoDate.nullable(),
    startedOn: isoDate.nullable(),
    endedOn: isoDate.nullable(),
    result: z.enum(REFERRAL_RESULTS).nullable(),
    /** sent → started in days; while waiting, sent → today. */
    waitingDays: z.number().int().nullable(),
    overdue: overdueSchema.nullable(),
    /** Actions the Jobcenter can take now. */
    actions: z.array(z.enum(['send', 'cancel', 'confirm_self_referral'])),
    /** Feedback entries (health entries only for the responsible case manager; `hiddenFeedback` counts the rest). */
    feedback: z.array(feedbackEntrySchema),
    hiddenFeedback: z.number().int(),
    history: z.array(referralTransitionSchema),
    createdBy: userRef,
    createdAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'Referral' });
export type Referral = z.infer<typeof referralSchema>;
export const referralList = z.object({ items: z.array(referralSchema) });

// ——— Childcare arrangements (one per child of a childcare referral, 000 §9) ———

export const createChildcareArrangementRequest = z.strictObject({
  /** A child of the person's household (role `child`); or, without one on record, `childLabel`. */
  childPersonId: uuid.nullable().optional(),
  /** How the child is named when it is not on record as a household member (e.g. "Kind 2, 3 Jahre"). */
  childLabel: optionalText(200),
  beginsOn: isoDate,
  endsOn: isoDate.nullable().optional(),
});
export type CreateChildcareArrangementRequest = z.infer<typeof createChildcareArrangementRequest>;
export const endChildcareArrangementRequest = z.strictObject({ endsOn: isoDate });
export const childcareArrangementSchema = z
  .object({
    id: uuid,
    referralId: uuid,
    child: z.object({ personId: uuid.nullable(), label: z.string() }),
    beginsOn: isoDate,
    endsOn: isoDate.nullable(),
    createdBy: userRef,
    createdAt: z.string(),
  })
  .meta({ id: 'ChildcareArrangement' });
export type ChildcareArrangement = z.infer<typeof childcareArrangementSchema>;
export const childcareArrangementList = z.object({
  items: z.array(childcareArrangementSchema),
  /** The children of the person's household (role `child`), to choose from. */
  householdChildren: z.array(z.object({ personId: uuid, label: z.string(), birthDate: isoDate })),
});

// ——— Barrier proposals (arising needs from feedback) ———

export const barrierProposalSchema = z
  .object({
    id: uuid,
    caseId: uuid,
    referralId: uuid,
    provider: z.object({ id: uuid, name: z.string() }),
    barrierType: z.object({ id: uuid, code: z.string(), label: z.string() }),
    note: z.string().nullable(),
    specialCategory: z.boolean(),
    status: z.enum(['proposed', 'accepted', 'rejected']),
    decidedBy: userRef.nullable(),
    decidedAt: z.string().nullable(),
    decisionNote: z.string().nullable(),
    barrierId: uuid.nullable(),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'BarrierProposal' });
export const barrierProposalList = z.object({ items: z.array(barrierProposalSchema), hiddenSpecialCategory: z.number().int() });
export const barrierProposalDecisionRequest = z.strictObject({
  decision: z.enum(['accept', 'reject']),
  /** Required when rejecting. */
  note: optionalText(1000),
  /** When accepting: severity of the new barrier. */
  severity: z.enum(['low', 'medium', 'high']).default('medium'),
});

// ——— Provider portal ———

const personContactSchema = z.object({
  firstName: z.string(),
  lastName: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  street: z.string().nullable(),
  houseNumber: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  preferredLanguage: z.string().nullable(),
  interpreterNeeded: z.boolean(),
});

export const portalReferralSchema = z
  .object({
    id: uuid,
    status: referralStatusSchema,
    offer: z.object({ id: uuid, name: z.string(), serviceType: serviceTypeSchema }),
    sentOn: isoDate.nullable(),
    overdue: overdueSchema.nullable(),
    consent: z.object({
      state: z.enum(['valid', 'not_yet_valid', 'expired', 'revoked', 'missing']),
      categories: z.array(consentCategorySchema),
      validUntil: isoDate.nullable(),
    }),
    /** Name and contact for the appointment; null without a valid consent. */
    person: personContactSchema.nullable(),
    /** What the Jobcenter shares, each only under its category: referralNote (content summary), goals (process steps), healthNote (health). */
    shared: z.object({
      referralNote: z.string().optional(),
      goals: z.array(z.string()).optional(),
      healthNote: z.string().optional(),
    }),
    feedback: z.array(feedbackEntrySchema),
    history: z.array(z.object({ toStatus: referralStatusSchema, at: z.string(), reason: z.string().optional() })),
    /** Steps the provider can take now (none without a valid consent). */
    actions: z.array(z.enum(PROVIDER_REFERRAL_ACTIONS)),
    version: z.number().int(),
  })
  .meta({ id: 'PortalReferral' });
export type PortalReferral = z.infer<typeof portalReferralSchema>;
export const portalReferralListQuery = z.strictObject({
  status: z.enum(['open', 'all', ...REFERRAL_STATUSES]).default('open'),
  ...cursorPageQuery,
});
export const portalReferralList = z.object({ items: z.array(portalReferralSchema), page: pageInfo });

export const portalActionRequest = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('accept') }),
  z.strictObject({ action: z.literal('decline'), declineReason: requiredText(1000) }),
  z.strictObject({ action: z.literal('start'), startedOn: isoDate }),
  z.strictObject({ action: z.literal('not_start'), notStartedReason: requiredText(1000) }),
  z.strictObject({
    action: z.literal('complete'),
    endedOn: isoDate,
    result: z.enum(REFERRAL_RESULTS).optional(),
    resultNote: optionalText(4000),
  }),
  z.strictObject({ action: z.literal('drop_out'), droppedOutOn: isoDate, dropOutReason: optionalText(1000) }),
]);
export type PortalActionRequest = z.infer<typeof portalActionRequest>;

const arisingNeed = z.strictObject({ barrierTypeId: uuid, note: optionalText(1000) });
export const portalFeedbackRequest = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('appointment'),
    appointmentOn: isoDate,
    kept: z.boolean(),
    appointmentNote: optionalText(2000),
  }),
  z.strictObject({
    kind: z.literal('interim_report'),
    reportedOn: isoDate,
    processSteps: optionalText(4000),
    subGoals: z
      .array(z.strictObject({ title: requiredText(300), dueOn: isoDate.nullable().optional() }))
      .max(20)
      .optional(),
    plannedHelp: optionalText(4000),
    summary: optionalText(4000),
    arisingNeeds: z.array(arisingNeed).max(10).optional(),
    healthNotes: optionalText(4000),
  }),
  z.strictObject({
    kind: z.literal('final_report'),
    reportedOn: isoDate,
    whereabouts: z.enum(WHEREABOUTS).optional(),
    whereaboutsNote: optionalText(1000),
    nextSteps: optionalText(4000),
    summary: optionalText(4000),
    healthNotes: optionalText(4000),
  }),
]);
export type PortalFeedbackRequest = z.infer<typeof portalFeedbackRequest>;

/** Barrier types a provider may name as arising needs (code and label only). */
export const portalBarrierTypeList = z.object({
  items: z.array(z.object({ id: uuid, code: z.string(), label: z.string(), specialCategory: z.boolean() })),
});

// ——— Overdue feedback (coordinator) ———

export const overdueByProviderSchema = z.object({
  today: isoDate,
  providers: z.array(
    z.object({
      provider: z.object({ id: uuid, name: z.string() }),
      agreement: z
        .object({ id: uuid, title: z.string(), answerDays: z.number(), startDays: z.number(), interimReportDays: z.number() })
        .nullable(),
      openReferrals: z.number().int(),
      overdue: z.array(
        z.object({
          referralId: uuid,
          offer: z.object({ id: uuid, name: z.string() }),
          status: referralStatusSchema,
          sentOn: isoDate.nullable(),
          caseManager: userRef,
          overdue: overdueSchema,
        }),
      ),
    }),
  ),
});

// ——— Case conferences ———

const participantInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('internal'), userId: uuid, function: optionalText(200) }),
  z.strictObject({ kind: z.literal('provider'), providerId: uuid, name: requiredText(200), function: optionalText(200) }),
  z.strictObject({ kind: z.literal('other'), name: requiredText(200), organisation: optionalText(200), function: optionalText(200) }),
]);
export const createConferenceRequest = z.strictObject({
  scheduledAt: z.iso.datetime({ offset: true }),
  location: optionalText(300),
  topics: z.array(requiredText(500)).min(1).max(20),
  participants: z.array(participantInput).min(1).max(30),
});
export const updateConferenceRequest = z.strictObject({
  scheduledAt: z.iso.datetime({ offset: true }).optional(),
  location: optionalText(300),
  topics: z.array(requiredText(500)).min(1).max(20).optional(),
  participants: z.array(participantInput).min(1).max(30).optional(),
  status: z.enum(CONFERENCE_STATUSES).optional(),
  personPresent: z.boolean().nullable().optional(),
  absenceReason: optionalText(1000),
  minutes: optionalText(20000),
});
export const createConferenceActionRequest = z.strictObject({
  kind: z.enum(CONFERENCE_ACTION_KINDS),
  title: requiredText(300),
  dueOn: isoDate,
  /** follow_up: who works on it (a staff user; default the case manager). */
  ownerId: uuid.optional(),
  /** A provider participant responsible for it; that provider sees this action in its portal. */
  providerId: uuid.nullable().optional(),
  /** plan_change: the goal the new sub-goal belongs to. */
  goalId: uuid.optional(),
});
export const conferenceParticipantSchema = z.object({
  id: uuid,
  kind: z.enum(PARTICIPANT_KINDS),
  userId: uuid.nullable(),
  providerId: uuid.nullable(),
  name: z.string(),
  organisation: z.string().nullable(),
  function: z.string().nullable(),
});
export const conferenceActionSchema = z.object({
  id: uuid,
  kind: z.enum(CONFERENCE_ACTION_KINDS),
  title: z.string(),
  dueOn: isoDate,
  owner: userRef.nullable(),
  provider: z.object({ id: uuid, name: z.string() }).nullable(),
  followUpId: uuid.nullable(),
  goalId: uuid.nullable(),
  subGoalId: uuid.nullable(),
  createdAt: z.string(),
});
export const conferenceSchema = z
  .object({
    id: uuid,
    caseId: uuid,
    scheduledAt: z.string(),
    location: z.string().nullable(),
    status: z.enum(CONFERENCE_STATUSES),
    personPresent: z.boolean().nullable(),
    absenceReason: z.string().nullable(),
    topics: z.array(z.string()),
    minutes: z.string().nullable(),
    participants: z.array(conferenceParticipantSchema),
    actions: z.array(conferenceActionSchema),
    createdBy: userRef,
    version: z.number().int(),
  })
  .meta({ id: 'CaseConference' });
export type Conference = z.infer<typeof conferenceSchema>;
export const conferenceList = z.object({ items: z.array(conferenceSchema) });

/** What a provider participant sees: date, place, its own people and the actions assigned to it. */
export const portalConferenceSchema = z
  .object({
    id: uuid,
    scheduledAt: z.string(),
    location: z.string().nullable(),
    status: z.enum(CONFERENCE_STATUSES),
    /** Name of the person; null without a valid consent of the person for this provider. */
    personName: z.string().nullable(),
    participants: z.array(conferenceParticipantSchema.pick({ id: true, name: true, function: true })),
    actions: z.array(conferenceActionSchema.pick({ id: true, title: true, dueOn: true })),
  })
  .meta({ id: 'PortalConference' });
export const portalConferenceList = z.object({ items: z.array(portalConferenceSchema) });
