import type { Conference, portalConferenceSchema } from '@lotse/contracts';
import type { ConferenceStatus } from '@lotse/domain';
import type { z } from 'zod';
import type { ActionRecord, ConferenceRecord, ParticipantRecord, PortalConferenceRecord } from './repository';

type PortalConference = z.infer<typeof portalConferenceSchema>;

export function isoTimestamp(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

function toAction(a: ActionRecord): Conference['actions'][number] {
  return {
    id: a.id,
    kind: a.kind,
    title: a.title,
    dueOn: a.dueOn,
    owner: a.ownerId ? { id: a.ownerId, displayName: a.ownerName ?? '' } : null,
    provider: a.providerId ? { id: a.providerId, name: a.providerName ?? '' } : null,
    followUpId: a.followUpId,
    goalId: a.goalId,
    subGoalId: a.subgoalId,
    createdAt: isoTimestamp(a.createdAt),
  };
}

export function toConference(row: ConferenceRecord): Conference {
  return {
    id: row.id,
    caseId: row.caseId,
    scheduledAt: isoTimestamp(row.scheduledAt),
    location: row.location,
    status: row.status as ConferenceStatus,
    personPresent: row.personPresent,
    absenceReason: row.absenceReason,
    topics: (row.topics as string[] | null) ?? [],
    minutes: row.minutes,
    participants: (row.participants as ParticipantRecord[]).map((p) => ({
      id: p.id,
      kind: p.kind,
      userId: p.userId,
      providerId: p.providerId,
      name: p.name,
      organisation: p.organisation,
      function: p.function,
    })),
    actions: (row.actions as ActionRecord[]).map(toAction),
    createdBy: { id: row.createdBy, displayName: row.createdByName },
    version: row.version,
  };
}

/** The provider's part of a conference; the person's name only when `named` (valid consent). */
export function toPortalConference(row: PortalConferenceRecord, named: boolean): PortalConference {
  return {
    id: row.id,
    scheduledAt: isoTimestamp(row.scheduledAt),
    location: row.location,
    status: row.status as ConferenceStatus,
    personName: named ? `${row.firstName} ${row.lastName}`.trim() : null,
    participants: (row.participants as ParticipantRecord[]).map((p) => ({ id: p.id, name: p.name, function: p.function })),
    actions: (row.actions as ActionRecord[]).map((a) => ({ id: a.id, title: a.title, dueOn: a.dueOn })),
  };
}
