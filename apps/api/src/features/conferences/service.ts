import { randomUUID } from 'node:crypto';
import type {
  Conference,
  createConferenceActionRequest,
  createConferenceRequest,
  portalConferenceList,
  portalConferenceSchema,
  updateConferenceRequest,
} from '@lotse/contracts';
import { type Database, type Tx, withTenant } from '@lotse/db';
import {
  AppError,
  type CaseStatus,
  type ConsentCategory,
  conferenceRecordProblems,
  consentState,
  type FieldError,
  PLAN_EDITABLE,
  todayInGermany,
  WORK_EDITABLE,
} from '@lotse/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { AppConfig } from '../../config';
import type { AuthContext } from '../../http/access';
import { AuditRepository } from '../audit/repository';
import { CaseRepository, type CaseRow } from '../cases/repository';
import { lockCaseForWork } from '../cases/work-lock';
import { type Created, once } from '../idempotency/idempotency';
import { toConference, toPortalConference } from './mapping';
import { ConferenceRepository, type ConferenceRow, type NewParticipant } from './repository';

type CreateConferenceRequest = z.infer<typeof createConferenceRequest>;
type UpdateConferenceRequest = z.infer<typeof updateConferenceRequest>;
type CreateConferenceActionRequest = z.infer<typeof createConferenceActionRequest>;
type ParticipantInput = CreateConferenceRequest['participants'][number];
type PortalConference = z.infer<typeof portalConferenceSchema>;

const audit = new AuditRepository();

/** Text fields: blank means "none". */
const blankToNull = (value: string | null | undefined): string | null => (value?.trim() ? value.trim() : null);

/**
 * Case conferences (Fallkonferenzen, SPEC C10): planned by the responsible case manager with Jobcenter
 * staff, providers and others; recorded afterwards (held with or without the person, with a reason for
 * the absence; or cancelled); agreed actions become follow-ups or new sub-goals of the help plan.
 * Providers see only their part of a conference in the portal.
 */
export class ConferenceService {
  private readonly repo = new ConferenceRepository();
  private readonly cases = new CaseRepository();

  constructor(
    readonly db: Kysely<Database>,
    readonly config: AppConfig,
  ) {}

  private today(): string {
    return todayInGermany(this.config.now());
  }

  // ——— Jobcenter side ———

  list(auth: AuthContext, caseId: string): Promise<{ items: Conference[] }> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const row = await this.cases.findCase(trx, auth.tenantId, caseId);
      if (!row) throw new AppError('NOT_FOUND');
      const records = await this.repo.conferencesOfCase(trx, auth.tenantId, caseId);
      await audit.appendReads(trx, auth, [row.personId], 'case');
      return { items: records.map(toConference) };
    });
  }

  get(auth: AuthContext, id: string): Promise<Conference> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const conference = await this.repo.findConference(trx, auth.tenantId, id);
      if (!conference) throw new AppError('NOT_FOUND');
      const row = await this.cases.findCase(trx, auth.tenantId, conference.caseId);
      if (!row) throw new AppError('NOT_FOUND');
      const result = await this.load(trx, auth.tenantId, id);
      await audit.appendReads(trx, auth, [row.personId], 'case');
      return result;
    });
  }

  create(
    auth: AuthContext,
    caseId: string,
    input: CreateConferenceRequest,
    idempotencyKey: string | undefined,
  ): Promise<Created<Conference>> {
    return withTenant(this.db, auth.tenantId, (trx) =>
      once(
        trx,
        {
          tenantId: auth.tenantId,
          userId: auth.userId,
          key: idempotencyKey,
          route: 'POST /api/cases/:id/conferences',
          body: { caseId, ...input },
        },
        async () => {
          await this.lockForWork(trx, auth, caseId, WORK_EDITABLE);
          const participants = await this.resolveParticipants(trx, auth.tenantId, input.participants);
          const id = randomUUID();
          await this.repo.insertConference(trx, {
            tenantId: auth.tenantId,
            id,
            caseId,
            scheduledAt: input.scheduledAt,
            location: blankToNull(input.location),
            topics: input.topics,
            createdBy: auth.userId,
          });
          await this.repo.replaceParticipants(trx, auth.tenantId, id, participants);
          await audit.appendChange(trx, auth, 'case_conference', id, 'create', null, { caseId, ...input });
          return this.load(trx, auth.tenantId, id);
        },
      ),
    );
  }

  update(auth: AuthContext, id: string, expectedVersion: number, changes: UpdateConferenceRequest): Promise<Conference> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      // The case is locked first (as every change of a case's parts does), then the conference.
      const found = await this.repo.findConference(trx, auth.tenantId, id);
      if (!found) throw new AppError('NOT_FOUND');
      await this.lockForWork(trx, auth, found.caseId, WORK_EDITABLE);
      const before = await this.repo.findConference(trx, auth.tenantId, id, { forUpdate: true });
      if (!before) throw new AppError('NOT_FOUND');
      if (before.version !== expectedVersion) throw new AppError('PRECONDITION_FAILED');

      const given = (Object.keys(changes) as (keyof UpdateConferenceRequest)[]).filter((key) => changes[key] !== undefined);
      if (before.status !== 'planned') {
        const refused = given.filter((key) => key !== 'minutes');
        if (refused.length > 0) {
          throw new AppError('VALIDATION_FAILED', {
            fields: refused.map((field) => ({
              field,
              code: 'conference_closed',
              message:
                before.status === 'held'
                  ? 'Die Fallkonferenz ist bereits als durchgeführt erfasst: Nur das Protokoll kann noch ergänzt werden.'
                  : 'Die Fallkonferenz ist abgesagt: Nur das Protokoll kann noch ergänzt werden.',
            })),
          });
        }
      }

      const set: Parameters<ConferenceRepository['updateVersioned']>[4] = {};
      if (changes.scheduledAt !== undefined) set.scheduledAt = changes.scheduledAt;
      if (changes.location !== undefined) set.location = blankToNull(changes.location);
      if (changes.topics !== undefined) set.topics = changes.topics;
      if (changes.status !== undefined) set.status = changes.status;
      if (changes.personPresent !== undefined) set.personPresent = changes.personPresent;
      if (changes.absenceReason !== undefined) set.absenceReason = blankToNull(changes.absenceReason);
      if (changes.minutes !== undefined) set.minutes = blankToNull(changes.minutes);

      const next = {
        status: set.status ?? before.status,
        personPresent: set.personPresent !== undefined ? set.personPresent : before.personPresent,
        absenceReason: set.absenceReason !== undefined ? set.absenceReason : before.absenceReason,
        scheduledAt: set.scheduledAt ?? before.scheduledAt,
      };
      const problems: FieldError[] = [...conferenceRecordProblems(next)];
      if (before.status === 'planned' && next.status === 'held' && todayInGermany(new Date(next.scheduledAt)) > this.today()) {
        problems.unshift({
          field: 'status',
          code: 'not_yet_held',
          message: 'Eine Fallkonferenz kann erst ab ihrem Termin als durchgeführt erfasst werden.',
        });
      }
      const participants = changes.participants ? await this.resolveParticipants(trx, auth.tenantId, changes.participants, problems) : null;
      if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { fields: problems });

      const previous = pick(before, given);
      if (participants) {
        previous.participants = await this.repo.participantsOfConference(trx, auth.tenantId, id);
      }
      if (!(await this.repo.updateVersioned(trx, auth.tenantId, id, expectedVersion, set))) throw new AppError('PRECONDITION_FAILED');
      if (participants) await this.repo.replaceParticipants(trx, auth.tenantId, id, participants);
      await audit.appendChange(trx, auth, 'case_conference', id, 'update', previous, changes);
      return this.load(trx, auth.tenantId, id);
    });
  }

  addAction(
    auth: AuthContext,
    conferenceId: string,
    input: CreateConferenceActionRequest,
    idempotencyKey: string | undefined,
  ): Promise<Created<Conference>> {
    return withTenant(this.db, auth.tenantId, (trx) =>
      once(
        trx,
        {
          tenantId: auth.tenantId,
          userId: auth.userId,
          key: idempotencyKey,
          route: 'POST /api/conferences/:id/actions',
          body: { conferenceId, ...input },
        },
        async () => {
          const conference = await this.repo.findConference(trx, auth.tenantId, conferenceId);
          if (!conference) throw new AppError('NOT_FOUND');
          const caseRow = await this.lockForWork(
            trx,
            auth,
            conference.caseId,
            input.kind === 'plan_change' ? PLAN_EDITABLE : WORK_EDITABLE,
          );
          if (conference.status === 'cancelled') {
            throw new AppError('CONFLICT', {
              detail: {
                de: 'Die Fallkonferenz ist abgesagt: Es können keine Vereinbarungen aus ihr erfasst werden.',
                en: 'The case conference was cancelled: no actions can be recorded for it.',
              },
            });
          }
          const problems = await this.actionProblems(trx, auth.tenantId, conference, caseRow, input);
          if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { fields: problems });

          const providerId = input.providerId ?? null;
          let followUpId: string | null = null;
          let subGoalId: string | null = null;
          let ownerId: string | null = null;
          if (input.kind === 'follow_up') {
            ownerId = input.ownerId ?? caseRow.caseManagerId;
            followUpId = randomUUID();
            await this.cases.insertFollowUp(trx, {
              tenantId: auth.tenantId,
              id: followUpId,
              caseId: caseRow.id,
              title: input.title,
              dueOn: input.dueOn,
              ownerId,
            });
            await audit.appendChange(trx, auth, 'follow_up', followUpId, 'create', null, {
              caseId: caseRow.id,
              title: input.title,
              dueOn: input.dueOn,
              ownerId,
              conferenceId,
            });
          } else {
            const goalId = input.goalId as string;
            const providerName = providerId ? ((await this.repo.providersByIds(trx, auth.tenantId, [providerId]))[0]?.name ?? null) : null;
            subGoalId = randomUUID();
            const subGoal = {
              caseId: caseRow.id,
              goalId,
              title: input.title,
              ownerKind: providerId ? ('provider' as const) : ('person' as const),
              ownerNote: providerName,
              dueOn: input.dueOn,
            };
            await this.cases.insertSubGoal(trx, { tenantId: auth.tenantId, id: subGoalId, ...subGoal });
            await audit.appendChange(trx, auth, 'plan_subgoal', subGoalId, 'create', null, { ...subGoal, conferenceId });
          }
          const actionId = randomUUID();
          const action = {
            kind: input.kind,
            title: input.title,
            dueOn: input.dueOn,
            ownerId,
            providerId,
            followUpId,
            goalId: input.kind === 'plan_change' ? (input.goalId ?? null) : null,
            subgoalId: subGoalId,
          };
          await this.repo.insertAction(trx, { tenantId: auth.tenantId, id: actionId, conferenceId, createdBy: auth.userId, ...action });
          await audit.appendChange(trx, auth, 'conference_action', actionId, 'create', null, { conferenceId, ...action });
          return this.load(trx, auth.tenantId, conferenceId);
        },
      ),
    );
  }

  // ——— provider portal ———

  portalList(auth: AuthContext): Promise<z.infer<typeof portalConferenceList>> {
    const providerId = auth.providerId;
    if (!providerId) return Promise.resolve({ items: [] });
    return withTenant(this.db, auth.tenantId, async (trx) => ({ items: await this.portalView(trx, auth, providerId) }));
  }

  portalGet(auth: AuthContext, id: string): Promise<PortalConference> {
    const providerId = auth.providerId;
    if (!providerId) return Promise.reject(new AppError('NOT_FOUND'));
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const [item] = await this.portalView(trx, auth, providerId, id);
      if (!item) throw new AppError('NOT_FOUND');
      return item;
    });
  }

  /** The provider's part of its conferences; the person's name only under a valid consent for this provider (logged). */
  private async portalView(trx: Tx, auth: AuthContext, providerId: string, id?: string): Promise<PortalConference[]> {
    const rows = await this.repo.portalConferences(trx, auth.tenantId, providerId, id);
    const personIds = [...new Set(rows.map((r) => r.personId))];
    const consents = await this.repo.consentsForProvider(trx, auth.tenantId, providerId, personIds);
    const today = this.today();
    const consenting = new Set(
      consents
        .filter(
          (c) =>
            consentState(
              {
                categories: c.categories as ConsentCategory[],
                givenOn: c.givenOn,
                validUntil: c.validUntil,
                revokedOn: c.revokedOn,
              },
              today,
            ) === 'valid',
        )
        .map((c) => c.personId),
    );
    const named = personIds.filter((p) => consenting.has(p));
    await audit.appendReads(trx, auth, named, 'provider_portal');
    return rows.map((row) => toPortalConference(row, consenting.has(row.personId)));
  }

  // ——— helpers ———

  private async load(trx: Tx, tenantId: string, id: string): Promise<Conference> {
    const record = await this.repo.conference(trx, tenantId, id);
    if (!record) throw new Error('conference vanished');
    return toConference(record);
  }

  /** Locks the case for a change by its responsible case manager (see CaseService.lockForWork). */
  private lockForWork(trx: Tx, auth: AuthContext, caseId: string, statuses: readonly CaseStatus[]): Promise<CaseRow> {
    return lockCaseForWork(trx, auth, caseId, statuses);
  }

  /**
   * Checks the participants (internal: active Jobcenter users; provider: known providers) and fills in
   * names: the user's name for internal ones, the provider's name as organisation. Problems are thrown,
   * or added to `collect` when given.
   */
  private async resolveParticipants(
    trx: Tx,
    tenantId: string,
    input: ParticipantInput[],
    collect?: FieldError[],
  ): Promise<Array<NewParticipant & { id: string }>> {
    const userIds = input.flatMap((p) => (p.kind === 'internal' ? [p.userId] : []));
    const providerIds = input.flatMap((p) => (p.kind === 'provider' ? [p.providerId] : []));
    const users = new Map((await this.repo.internalUsers(trx, tenantId, [...new Set(userIds)])).map((u) => [u.id, u.displayName]));
    const providers = new Map((await this.repo.providersByIds(trx, tenantId, [...new Set(providerIds)])).map((p) => [p.id, p.name]));
    const problems: FieldError[] = [];
    const seenUsers = new Set<string>();
    const result = input.map((p, i): NewParticipant & { id: string } => {
      const fn = blankToNull(p.function);
      if (p.kind === 'internal') {
        const name = users.get(p.userId);
        if (!name) {
          problems.push({
            field: `participants.${i}.userId`,
            code: 'unknown_user',
            message: 'Als Teilnehmende des Jobcenters können nur aktive Mitarbeitende dieses Jobcenters eingetragen werden.',
          });
        } else if (seenUsers.has(p.userId)) {
          problems.push({
            field: `participants.${i}.userId`,
            code: 'duplicate_participant',
            message: 'Diese Person ist bereits als Teilnehmende eingetragen.',
          });
        }
        seenUsers.add(p.userId);
        return {
          id: randomUUID(),
          kind: 'internal',
          userId: p.userId,
          providerId: null,
          name: name ?? '',
          organisation: null,
          function: fn,
        };
      }
      if (p.kind === 'provider') {
        const organisation = providers.get(p.providerId);
        if (!organisation) {
          problems.push({
            field: `participants.${i}.providerId`,
            code: 'unknown_provider',
            message: 'Diesen Träger gibt es in diesem Jobcenter nicht.',
          });
        }
        return {
          id: randomUUID(),
          kind: 'provider',
          userId: null,
          providerId: p.providerId,
          name: p.name,
          organisation: organisation ?? null,
          function: fn,
        };
      }
      return {
        id: randomUUID(),
        kind: 'other',
        userId: null,
        providerId: null,
        name: p.name,
        organisation: blankToNull(p.organisation),
        function: fn,
      };
    });
    if (collect) collect.push(...problems);
    else if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { fields: problems });
    return result;
  }

  private async actionProblems(
    trx: Tx,
    tenantId: string,
    conference: ConferenceRow,
    caseRow: CaseRow,
    input: CreateConferenceActionRequest,
  ): Promise<FieldError[]> {
    const problems: FieldError[] = [];
    if (input.kind === 'follow_up') {
      if (input.goalId !== undefined) {
        problems.push({
          field: 'goalId',
          code: 'not_applicable',
          message: 'Ein Ziel wird nur bei einer Änderung des Hilfeplans angegeben.',
        });
      }
      const ownerId = input.ownerId ?? caseRow.caseManagerId;
      if (!(await this.cases.isActiveStaff(trx, tenantId, ownerId))) {
        problems.push({
          field: 'ownerId',
          code: 'unknown_staff',
          message: 'Eine Wiedervorlage kann nur einer aktiven Fachkraft dieses Jobcenters zugeordnet werden.',
        });
      }
    } else {
      if (input.ownerId !== undefined) {
        problems.push({
          field: 'ownerId',
          code: 'not_applicable',
          message: 'Ein neues Teilziel hat keine zuständige Fachkraft: Bitte einen Träger wählen oder das Feld leer lassen.',
        });
      }
      if (!input.goalId) {
        problems.push({ field: 'goalId', code: 'required', message: 'Bitte das Ziel wählen, zu dem das neue Teilziel gehört.' });
      } else if (!(await this.cases.findGoal(trx, tenantId, caseRow.id, input.goalId))) {
        problems.push({ field: 'goalId', code: 'unknown_goal', message: 'Dieses Ziel gehört nicht zum Hilfeplan des Falls.' });
      }
    }
    if (input.providerId) {
      const participants = await this.repo.participantsOfConference(trx, tenantId, conference.id);
      if (!participants.some((p) => p.kind === 'provider' && p.providerId === input.providerId)) {
        problems.push({
          field: 'providerId',
          code: 'not_a_participant',
          message: 'Zuständig kann nur ein Träger sein, der an der Fallkonferenz teilnimmt.',
        });
      }
    }
    return problems;
  }
}

function pick(row: object, keys: string[]): Record<string, unknown> {
  const source = row as Record<string, unknown>;
  return Object.fromEntries(keys.map((k) => [k, source[k] ?? null]));
}
