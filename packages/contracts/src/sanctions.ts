import { BREACH_KINDS, DUTY_FORMS, SANCTION_EVENT_ACTIONS, SANCTION_STATUSES } from '@lotse/domain';
import { z } from 'zod';
import { isoDate, requiredText, text, uuid } from './common';

/**
 * Sanctions (Leistungsminderungen, SPEC C16): the tenant's rule table, duties documented in a case, and
 * the sanction process from breach to hand-off. See docs/sanctions.md.
 */

export const dutyFormSchema = z.enum(DUTY_FORMS);
export const breachKindSchema = z.enum(BREACH_KINDS);
export const sanctionStatusSchema = z.enum(SANCTION_STATUSES);

const stage = z.strictObject({ percent: z.number().int().min(0).max(100), months: z.number().int().min(0).max(12) });

// ——— Rule table (administrators) ———

export const sanctionRuleSchema = z
  .object({
    id: uuid,
    code: z.string(),
    title: z.string(),
    validFrom: isoDate,
    validTo: isoDate.nullable(),
    dutyForms: z.array(dutyFormSchema),
    dutyStages: z.array(stage),
    appointmentStages: z.array(stage),
    repeatWithinMonths: z.number().int(),
    appointmentStopAfter: z.number().int().nullable(),
    legalBasis: z.string(),
    sourceNote: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'SanctionRule' });
export type SanctionRuleDto = z.infer<typeof sanctionRuleSchema>;
export const sanctionRuleList = z.object({ items: z.array(sanctionRuleSchema) }).meta({ id: 'SanctionRuleList' });

/** A new period of the law, or the whole row on edit (PUT with If-Match). Periods must not overlap. */
export const sanctionRuleRequest = z.strictObject({
  code: requiredText(60),
  title: requiredText(200),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  dutyForms: z.array(dutyFormSchema.exclude(['appointment_invitation'])).max(3),
  dutyStages: z.array(stage).min(1).max(5),
  appointmentStages: z.array(stage).min(1).max(5),
  repeatWithinMonths: z.number().int().min(1).max(60),
  appointmentStopAfter: z.number().int().min(2).max(10).nullable(),
  legalBasis: requiredText(500),
  sourceNote: requiredText(2000),
});
export type SanctionRuleRequest = z.infer<typeof sanctionRuleRequest>;

// ——— Duties documented in a case ———

export const sanctionDutySchema = z
  .object({
    id: uuid,
    caseId: uuid,
    form: dutyFormSchema,
    formLabel: z.string(),
    setOn: isoDate,
    description: z.string(),
    legalConsequencesNotice: z.boolean(),
    agreementVersionId: uuid.nullable(),
    appointmentOn: isoDate.nullable(),
    createdBy: z.object({ id: uuid, displayName: z.string() }),
  })
  .meta({ id: 'SanctionDuty' });
export type SanctionDuty = z.infer<typeof sanctionDutySchema>;
export const sanctionDutyList = z.object({ items: z.array(sanctionDutySchema) }).meta({ id: 'SanctionDutyList' });

/**
 * A duty as it was set: from an agreement version (EGV or Verwaltungsakt: `agreementVersionId`, the
 * form follows from it), a request to cooperate, or an appointment invitation (`appointmentOn`).
 * Without notice of the legal consequences no breach of it can be sanctioned.
 */
export const createSanctionDutyRequest = z.strictObject({
  form: dutyFormSchema,
  setOn: isoDate,
  description: requiredText(2000),
  legalConsequencesNotice: z.boolean(),
  agreementVersionId: uuid.nullable().optional(),
  appointmentOn: isoDate.nullable().optional(),
});
export type CreateSanctionDutyRequest = z.infer<typeof createSanctionDutyRequest>;

// ——— Sanctions ———

const person = z.object({ id: uuid, displayName: z.string() });

export const sanctionSchema = z
  .object({
    id: uuid,
    caseId: uuid,
    duty: sanctionDutySchema,
    kind: breachKindSchema,
    kindLabel: z.string(),
    breachOn: isoDate,
    breachDescription: z.string(),
    /** The rule period chosen by the breach date, as applied (a snapshot: later edits of the table do not change it). */
    rule: z.object({ id: uuid, code: z.string(), title: z.string(), legalBasis: z.string(), sourceNote: z.string() }),
    status: sanctionStatusSchema,
    statusLabel: z.string(),
    hearing: z.object({
      sentOn: isoDate.nullable(),
      deadline: isoDate.nullable(),
      answeredOn: isoDate.nullable(),
      answer: z.string().nullable(),
      /** Whether a decision may be taken now (answered, or the deadline has passed). */
      decisionAllowed: z.boolean(),
    }),
    importantReason: z.object({ accepted: z.boolean().nullable(), reasoning: z.string().nullable() }),
    /** Addiction or psychosocial care runs for the person: a reduction needs an explicit justification. */
    careWarning: z.object({ active: z.boolean(), services: z.array(z.string()), justification: z.string().nullable() }),
    decision: z
      .object({
        outcome: z.enum(['reduce', 'no_reduction']),
        reasoning: z.string(),
        decidedOn: isoDate,
        decidedBy: person,
        repetition: z.number().int().nullable(),
        reductionPercent: z.number().int().nullable(),
        reductionMonths: z.number().int().nullable(),
        fullStop: z.boolean(),
        amountCents: z.number().int().nullable(),
        startsOn: isoDate.nullable(),
        endsOn: isoDate.nullable(),
      })
      .nullable(),
    /** Where the decision went (by the organisation model), once handed off. */
    handOff: z.object({ to: person, at: z.string() }).nullable(),
    /** The reduction the rule would give now, before the decision (null once decided or not sanctionable). */
    proposal: z
      .object({
        repetition: z.number().int(),
        percent: z.number().int(),
        months: z.number().int(),
        fullStop: z.boolean(),
        amountCents: z.number().int(),
      })
      .nullable(),
    withdrawnReason: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Sanction' });
export type Sanction = z.infer<typeof sanctionSchema>;
export const sanctionList = z
  .object({
    items: z.array(sanctionSchema),
    /** Days the person has to answer a hearing (tenant_case_rules.hearing_days). */
    hearingDays: z.number().int(),
  })
  .meta({ id: 'SanctionList' });

/** A step of a sanction in the case history (next to the case's status changes). */
export const sanctionHistoryEntrySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: person.nullable(),
    action: z.enum(SANCTION_EVENT_ACTIONS),
    sanctionId: uuid,
    kind: breachKindSchema,
    breachOn: isoDate,
    note: z.string().nullable(),
  })
  .meta({ id: 'SanctionHistoryEntry' });
export type SanctionHistoryEntry = z.infer<typeof sanctionHistoryEntrySchema>;

/** Record a breach of a documented duty (POST /api/cases/:id/sanctions). */
export const createSanctionRequest = z.strictObject({
  dutyId: uuid,
  kind: breachKindSchema,
  breachOn: isoDate,
  breachDescription: requiredText(2000),
});
export type CreateSanctionRequest = z.infer<typeof createSanctionRequest>;

/** Send the hearing letter: its date (default today); the deadline follows from the tenant's hearing days. */
export const sanctionHearingRequest = z.strictObject({ sentOn: isoDate.optional() });
/** The person's answer to the hearing (or that none came: then wait for the deadline). */
export const sanctionAnswerRequest = z.strictObject({ answeredOn: isoDate, answer: requiredText(4000) });
/** The individual decision (If-Match). A reduction needs the important reason assessed as not accepted. */
export const sanctionDecisionRequest = z.strictObject({
  importantReasonAccepted: z.boolean(),
  importantReasonReasoning: requiredText(4000),
  outcome: z.enum(['reduce', 'no_reduction']),
  reasoning: requiredText(4000),
  /** Required when a reduction is decided while addiction or psychosocial care runs. */
  careJustification: text(4000).nullable().optional(),
  decidedOn: isoDate.optional(),
});
export type SanctionDecisionRequest = z.infer<typeof sanctionDecisionRequest>;
export const sanctionWithdrawRequest = z.strictObject({ reason: requiredText(2000) });
