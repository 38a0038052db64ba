import type { Sanction, SanctionDuty, SanctionRuleDto } from '@lotse/contracts';
import {
  BREACH_KIND_LABELS_DE,
  DUTY_FORM_LABELS_DE,
  type DutyForm,
  hearingAllowsDecision,
  SANCTION_STATUS_LABELS_DE,
  type SanctionRule,
  type SanctionStage,
  type SanctionStatus,
} from '@lotse/domain';
import type { DutyRecord, SanctionRecord, SanctionRuleRow } from './repository';

export function isoTimestamp(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

/** A row of the rule table as the domain computes with it (and as a sanction keeps its snapshot). */
export function toRule(row: SanctionRuleRow): SanctionRule {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    validFrom: row.validFrom,
    validTo: row.validTo,
    dutyForms: row.dutyForms as DutyForm[],
    dutyStages: row.dutyStages as SanctionStage[],
    appointmentStages: row.appointmentStages as SanctionStage[],
    repeatWithinMonths: row.repeatWithinMonths,
    appointmentStopAfter: row.appointmentStopAfter,
    legalBasis: row.legalBasis,
    sourceNote: row.sourceNote,
    version: row.version,
  };
}

export const toRuleDto = (row: SanctionRuleRow): SanctionRuleDto => toRule(row);

export function toDuty(row: DutyRecord): SanctionDuty {
  return {
    id: row.id,
    caseId: row.caseId,
    form: row.form,
    formLabel: DUTY_FORM_LABELS_DE[row.form],
    setOn: row.setOn,
    description: row.description,
    legalConsequencesNotice: row.legalConsequencesNotice,
    agreementVersionId: row.agreementVersionId,
    appointmentOn: row.appointmentOn,
    createdBy: { id: row.createdBy, displayName: row.createdByName },
  };
}

/** The rule a sanction was recorded under, as it was then. */
export function snapshotOf(record: Pick<SanctionRecord, 'ruleSnapshot'>): SanctionRule {
  return record.ruleSnapshot as SanctionRule;
}

export interface SanctionView {
  today: string;
  /** Running addiction or psychosocial care of the person now (only computed while undecided). */
  careServices: string[];
  /** The viewer may see which care runs (the responsible case manager). */
  showCare: boolean;
  proposal: Sanction['proposal'];
}

export function toSanction(record: SanctionRecord, duty: DutyRecord, view: SanctionView): Sanction {
  const rule = snapshotOf(record);
  const decided = record.decision !== null && record.decidedOn !== null && record.decidedBy !== null;
  const open = record.status === 'recorded' || record.status === 'hearing';
  const careActive = open ? view.careServices.length > 0 : record.careWarning;
  return {
    id: record.id,
    caseId: record.caseId,
    duty: toDuty(duty),
    kind: record.kind,
    kindLabel: BREACH_KIND_LABELS_DE[record.kind],
    breachOn: record.breachOn,
    breachDescription: record.breachDescription,
    rule: { id: rule.id, code: rule.code, title: rule.title, legalBasis: rule.legalBasis, sourceNote: rule.sourceNote },
    status: record.status as SanctionStatus,
    statusLabel: SANCTION_STATUS_LABELS_DE[record.status as SanctionStatus],
    hearing: {
      sentOn: record.hearingSentOn,
      deadline: record.hearingDeadline,
      answeredOn: record.hearingAnsweredOn,
      answer: record.hearingAnswer,
      decisionAllowed:
        record.status === 'hearing' &&
        hearingAllowsDecision({ deadline: record.hearingDeadline, answeredOn: record.hearingAnsweredOn }, view.today),
    },
    importantReason: { accepted: record.importantReasonAccepted, reasoning: record.importantReasonReasoning },
    careWarning: {
      active: careActive,
      services: open && view.showCare ? view.careServices : [],
      justification: view.showCare ? record.careJustification : null,
    },
    decision: decided
      ? {
          outcome: record.decision as 'reduce' | 'no_reduction',
          reasoning: record.decisionReasoning ?? '',
          decidedOn: record.decidedOn as string,
          decidedBy: { id: record.decidedBy as string, displayName: record.decidedByName ?? '' },
          repetition: record.repetition,
          reductionPercent: record.reductionPercent,
          reductionMonths: record.reductionMonths,
          fullStop: record.fullStop,
          amountCents: record.amountCents,
          startsOn: record.startsOn,
          endsOn: record.endsOn,
        }
      : null,
    handOff:
      record.handedOffTo && record.handedOffAt
        ? { to: { id: record.handedOffTo, displayName: record.handedOffToName ?? '' }, at: isoTimestamp(record.handedOffAt) }
        : null,
    proposal: open ? view.proposal : null,
    withdrawnReason: record.withdrawnReason,
    version: record.version,
  };
}
