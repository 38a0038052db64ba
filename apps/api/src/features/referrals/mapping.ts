import type { barrierProposalSchema, ChildcareArrangement, Consent, FeedbackEntry, PortalReferral, Referral } from '@lotse/contracts';
import {
  availableReferralActions,
  type ConsentCategory,
  type ConsentFacts,
  consentState,
  DEFAULT_FEEDBACK_DEADLINES,
  type FeedbackDeadlines,
  type JobcenterReferralAction,
  type ProviderReferralAction,
  providerView,
  type ReferralStatus,
  referralOverdue,
  type StoredFeedback,
  type StoredTransition,
  waitingDays,
} from '@lotse/domain';
import type { z } from 'zod';
import { isoTimestamp } from '../cases/mapping';
import type { ChildcareRecord, ConsentRecord, ProposalRecord, ReferralRecord } from './repository';

export function toConsent(row: ConsentRecord, today: string): Consent {
  const facts = consentFactsOf(row);
  return {
    id: row.id,
    caseId: row.caseId,
    personId: row.personId,
    provider: { id: row.providerId, name: row.providerName },
    categories: facts.categories as Consent['categories'],
    purpose: row.purpose,
    form: row.form,
    givenOn: row.givenOn,
    validUntil: row.validUntil,
    counselled: row.counselled as Consent['counselled'],
    revokedOn: row.revokedOn,
    revokedBy: row.revokedBy ? { id: row.revokedBy, displayName: row.revokedByName ?? '' } : null,
    revocationNote: row.revocationNote,
    state: consentState(facts, today),
    recordedBy: { id: row.recordedBy, displayName: row.recordedByName },
    createdAt: isoTimestamp(row.createdAt),
    version: row.version,
  };
}

export function consentFactsOf(row: {
  categories: string[];
  givenOn: string;
  validUntil: string | null;
  revokedOn: string | null;
}): ConsentFacts {
  return {
    categories: row.categories as ConsentCategory[],
    givenOn: row.givenOn,
    validUntil: row.validUntil,
    revokedOn: row.revokedOn,
  };
}

/** The facts of the consent attached to a referral, if any. */
function attachedConsent(record: ReferralRecord): ConsentFacts | null {
  if (!record.consentId || !record.consentCategories || !record.consentGivenOn) return null;
  return consentFactsOf({
    categories: record.consentCategories,
    givenOn: record.consentGivenOn,
    validUntil: record.consentValidUntil,
    revokedOn: record.consentRevokedOn,
  });
}

/** The referral's consent, if it is one for the referral's provider (anything else covers nothing). */
export function referralConsent(record: ReferralRecord): ConsentFacts | null {
  return record.consentProviderId === record.providerId ? attachedConsent(record) : null;
}

/** The offer's cooperation agreement's deadlines, or the defaults without one. */
export function deadlinesOf(row: {
  answerDays: number | null;
  startDays: number | null;
  interimReportDays: number | null;
}): FeedbackDeadlines {
  if (row.answerDays === null || row.startDays === null || row.interimReportDays === null) return DEFAULT_FEEDBACK_DEADLINES;
  return { answerDays: row.answerDays, startDays: row.startDays, interimReportDays: row.interimReportDays };
}

function overdueOf(record: ReferralRecord, today: string) {
  return referralOverdue(
    {
      status: record.status as ReferralStatus,
      sentOn: record.sentOn,
      acceptedOn: record.acceptedOn,
      startedOn: record.startedOn,
      lastReportOn: record.lastReportOn,
    },
    deadlinesOf(record),
    today,
  );
}

interface FeedbackRecord {
  id: string;
  kind: StoredFeedback['kind'];
  categories: ConsentCategory[];
  recordedOn: string;
  recordedAt: string;
  fields: Record<string, unknown>;
}

interface TransitionRecord {
  fromStatus: ReferralStatus | null;
  toStatus: ReferralStatus;
  at: string;
  actorId: string;
  actorName: string;
  actorSide: 'jobcenter' | 'provider';
  reason: string | null;
}

function storedFeedback(record: ReferralRecord): StoredFeedback[] {
  return (record.feedback as FeedbackRecord[]).map((f) => ({
    id: f.id,
    kind: f.kind,
    categories: f.categories,
    recordedOn: f.recordedOn,
    recordedAt: isoTimestamp(f.recordedAt),
    fields: f.fields,
  }));
}

function toFeedbackEntry(f: StoredFeedback): FeedbackEntry {
  return { id: f.id, kind: f.kind, categories: f.categories, recordedOn: f.recordedOn, recordedAt: f.recordedAt, fields: f.fields };
}

/**
 * The Jobcenter's view of a referral. Health information (the `healthNote` and feedback entries in the
 * category `health`) only for the case's responsible case manager; `specialShown` tells the caller to
 * log that read separately.
 */
export function toReferral(
  record: ReferralRecord,
  viewer: { responsible: boolean },
  today: string,
): { referral: Referral; specialShown: boolean } {
  const status = record.status as ReferralStatus;
  const attached = attachedConsent(record);
  const consent = referralConsent(record);
  const consentValid = consent !== null && consentState(consent, today) === 'valid';
  const all = storedFeedback(record);
  const feedback = viewer.responsible ? all : all.filter((f) => !f.categories.includes('health'));
  const healthNote = viewer.responsible ? record.healthNote : null;
  const actions = viewer.responsible
    ? (availableReferralActions(status, 'jobcenter') as JobcenterReferralAction[]).filter(
        // Sending and confirming need a valid consent for the provider; offered only when the step would go through.
        (action) => action === 'cancel' || consentValid,
      )
    : [];
  const referral: Referral = {
    id: record.id,
    caseId: record.caseId,
    personId: record.personId,
    offer: { id: record.offerId, name: record.offerName, serviceType: record.serviceType as Referral['offer']['serviceType'] },
    provider: { id: record.providerId, name: record.providerName },
    consent:
      record.consentId && attached
        ? { id: record.consentId, categories: [...attached.categories], state: consentState(attached, today) }
        : null,
    status,
    referralNote: record.referralNote,
    goalIds: record.goalIds,
    healthNote,
    needsDecision: record.needsDecision,
    sentOn: record.sentOn,
    acceptedOn: record.acceptedOn,
    startedOn: record.startedOn,
    endedOn: record.endedOn,
    result: record.result,
    waitingDays: waitingDays(record, today),
    overdue: overdueOf(record, today),
    actions,
    feedback: feedback.map(toFeedbackEntry),
    hiddenFeedback: all.length - feedback.length,
    history: (record.history as TransitionRecord[]).map((h) => ({
      fromStatus: h.fromStatus,
      toStatus: h.toStatus,
      at: isoTimestamp(h.at),
      actor: { id: h.actorId, displayName: h.actorName },
      side: h.actorSide,
      reason: h.reason,
    })),
    createdBy: { id: record.createdBy, displayName: record.createdByName },
    createdAt: isoTimestamp(record.createdAt),
    version: record.version,
  };
  const specialShown = viewer.responsible && (healthNote !== null || feedback.some((f) => f.categories.includes('health')));
  return { referral, specialShown };
}

/**
 * The provider's view, built by the domain's `providerView()`: metadata always, the person and what the
 * Jobcenter shares only with a valid consent and only under the categories it covers.
 */
export function toPortalReferral(record: ReferralRecord, today: string): PortalReferral {
  const status = record.status as ReferralStatus;
  const consent = referralConsent(record);
  const goals = (record.goals as Array<{ id: string; title: string }>).map((g) => g.title);
  const view = providerView(
    {
      person: {
        firstName: record.firstName,
        lastName: record.lastName,
        phone: record.phone,
        email: record.email,
        street: record.street,
        houseNumber: record.houseNumber,
        postalCode: record.postalCode,
        city: record.city,
        preferredLanguage: record.preferredLanguage,
        interpreterNeeded: record.interpreterNeeded,
      },
      shared: {
        referralNote: record.referralNote ?? undefined,
        goals: goals.length > 0 ? goals : undefined,
        healthNote: record.healthNote ?? undefined,
      },
      feedback: storedFeedback(record),
      history: (record.history as TransitionRecord[]).map(
        (h): StoredTransition => ({ fromStatus: h.fromStatus, toStatus: h.toStatus, at: isoTimestamp(h.at), reason: h.reason }),
      ),
    },
    consent,
    today,
  );
  return {
    id: record.id,
    status,
    offer: { id: record.offerId, name: record.offerName, serviceType: record.serviceType as PortalReferral['offer']['serviceType'] },
    sentOn: record.sentOn,
    overdue: overdueOf(record, today),
    consent: { state: view.consentState, categories: consent?.categories.slice() ?? [], validUntil: consent?.validUntil ?? null },
    person: view.person,
    shared: view.shared as PortalReferral['shared'],
    feedback: view.feedback.map(toFeedbackEntry),
    history: view.history,
    actions: view.consentState === 'valid' ? (availableReferralActions(status, 'provider') as ProviderReferralAction[]) : [],
    version: record.version,
  };
}

export type BarrierProposal = z.infer<typeof barrierProposalSchema>;

export function toBarrierProposal(row: ProposalRecord): BarrierProposal {
  return {
    id: row.id,
    caseId: row.caseId,
    referralId: row.referralId,
    provider: { id: row.providerId, name: row.providerName },
    barrierType: { id: row.barrierTypeId, code: row.typeCode, label: row.typeLabel },
    note: row.note,
    specialCategory: row.specialCategory,
    status: row.status,
    decidedBy: row.decidedBy ? { id: row.decidedBy, displayName: row.decidedByName ?? '' } : null,
    decidedAt: row.decidedAt ? isoTimestamp(row.decidedAt) : null,
    decisionNote: row.decisionNote,
    barrierId: row.barrierId,
    createdAt: isoTimestamp(row.createdAt),
    version: row.version,
  };
}

export function toChildcareArrangement(row: ChildcareRecord): ChildcareArrangement {
  return {
    id: row.id,
    referralId: row.referralId,
    child: { personId: row.childPersonId, label: row.childLabel },
    beginsOn: row.beginsOn,
    endsOn: row.endsOn,
    createdBy: { id: row.createdBy, displayName: row.createdByName },
    createdAt: isoTimestamp(row.createdAt),
  };
}
