/**
 * Case conference (Fallkonferenz, SPEC C10; seed 000 §5, seed 001 III.4, seed 002 §6): talks with
 * third parties about a person happen in the person's presence unless a reason is recorded.
 */

export const CONFERENCE_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type ConferenceStatus = (typeof CONFERENCE_STATUSES)[number];
export const CONFERENCE_STATUS_LABELS_DE: Record<ConferenceStatus, string> = {
  planned: 'geplant',
  held: 'durchgeführt',
  cancelled: 'abgesagt',
};

export const PARTICIPANT_KINDS = ['internal', 'provider', 'other'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];
export const PARTICIPANT_KIND_LABELS_DE: Record<ParticipantKind, string> = {
  internal: 'Jobcenter',
  provider: 'Träger',
  other: 'weitere Beteiligte',
};

/** An agreed action becomes a follow-up (Wiedervorlage) or a plan change (new sub-goal). */
export const CONFERENCE_ACTION_KINDS = ['follow_up', 'plan_change'] as const;
export type ConferenceActionKind = (typeof CONFERENCE_ACTION_KINDS)[number];
export const CONFERENCE_ACTION_KIND_LABELS_DE: Record<ConferenceActionKind, string> = {
  follow_up: 'Wiedervorlage',
  plan_change: 'Änderung des Hilfeplans (neues Teilziel)',
};

export interface ConferenceOutcomeFacts {
  status: ConferenceStatus;
  personPresent: boolean | null;
  absenceReason: string | null;
}

/**
 * Field errors of a conference's record, or none. A held conference records whether the person was
 * there; if not, why (seed 001 III.4: "in Anwesenheit der Person, soweit nicht ein Grund dagegen spricht").
 */
export function conferenceRecordProblems(facts: ConferenceOutcomeFacts): Array<{ field: string; code: string; message: string }> {
  if (facts.status !== 'held') return [];
  if (facts.personPresent === null) {
    return [{ field: 'personPresent', code: 'required', message: 'Bitte angeben, ob die Person an der Fallkonferenz teilgenommen hat.' }];
  }
  if (!facts.personPresent && !facts.absenceReason?.trim()) {
    return [
      {
        field: 'absenceReason',
        code: 'required',
        message: 'Ohne die Person darf nur mit dokumentiertem Grund über sie gesprochen werden: Bitte den Grund angeben.',
      },
    ];
  }
  return [];
}
