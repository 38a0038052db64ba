import { randomUUID } from 'node:crypto';
import type {
  AgreementVersion,
  Barrier,
  CaseOverview,
  CaseSummary,
  CaseTransitionRequest,
  CreateAgreementRequest,
  CreateBarrierRequest,
  CreateCaseRequest,
  CreateRatingRequest,
  caseListQuery,
  createContactRequest,
  createFollowUpRequest,
  createGoalRequest,
  createResourceRequest,
  createSubGoalRequest,
  FollowUp,
  Goal,
  Rating,
  UpdateBarrierRequest,
  UpdateCaseRequest,
  updateFollowUpRequest,
  updateGoalRequest,
  updateSubGoalRequest,
} from '@lotse/contracts';
import { type Database, type Tx, withTenant } from '@lotse/db';
import {
  type AgreementRule,
  AppError,
  ASSESSMENT_EDITABLE,
  agreementKindFor,
  agreementRuleFor,
  availableActions,
  CASE_STATUSES,
  type CaseStatus,
  decideTransition,
  type FieldError,
  fieldError,
  type IndicatorSource,
  indicationMet,
  isCompulsoryConsentDuty,
  LIFE_AREAS,
  nextContactDue,
  OPEN_CASE_STATUSES,
  PLAN_EDITABLE,
  SPECIAL_CATEGORY_LIFE_AREAS,
  targetGroups,
  todayInGermany,
  WORK_EDITABLE,
} from '@lotse/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { AuthContext } from '../../http/access';
import { isUniqueViolation } from '../../http/db-errors';
import { decodeCursor, pageOf } from '../../http/pagination';
import { AuditRepository } from '../audit/repository';
import { type Created, once } from '../idempotency/idempotency';
import { careContactsOf, recipientFor, routeOnIndication, routePlacementTask } from '../organisation-model/routing';
import { toSanctionHistory } from '../sanctions/history';
import { renderAgreementPdf } from './agreement-pdf';
import {
  type AgreementRecord,
  type BarrierRecord,
  type ContactRecord,
  caseFactsOf,
  densityDaysOf,
  effectiveRules,
  type FollowUpRecord,
  type GoalRecord,
  isoTimestamp,
  type RatingRecord,
  type SubGoalRecord,
  toAgreementVersion,
  toBarrier,
  toContact,
  toFollowUp,
  toGoal,
  toRating,
  toSubGoal,
} from './mapping';
import { CaseRepository, type CaseRow } from './repository';
import { lockCaseForWork } from './work-lock';

const audit = new AuditRepository();
const barrierRepository = new CaseRepository();

type CaseListQuery = z.infer<typeof caseListQuery>;

/** Which statuses allow which kind of change (closed cases are read-only). */
function requireStatus(row: CaseRow, allowed: readonly CaseStatus[]) {
  if (!allowed.includes(row.status as CaseStatus)) throw new AppError('CASE_READ_ONLY');
}

export class CaseService {
  private readonly repo = new CaseRepository();
  private rules: Promise<Map<string, AgreementRule>> | undefined;

  constructor(private readonly db: Kysely<Database>) {}

  // ——— reading ———

  list(auth: AuthContext, query: CaseListQuery) {
    const after = query.cursor ? decodeCursor(query.cursor, ['string', 'string'] as const) : undefined;
    const statuses = query.status === 'open' ? OPEN_CASE_STATUSES : [query.status];
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const rows = await this.repo.listCases(trx, auth.tenantId, {
        caseManagerId: query.scope === 'mine' ? auth.userId : undefined,
        statuses,
        after: after ? { updatedAt: after[0], id: after[1] } : undefined,
        limit: query.limit,
      });
      const page = pageOf(rows, query.limit, (row) => [row.updatedAt.toISOString(), row.id]);
      await audit.appendReads(trx, auth, uniquePersons(page.items), 'case');
      return { items: page.items.map(toSummary), page: { nextCursor: page.nextCursor } };
    });
  }

  listForPerson(auth: AuthContext, personId: string) {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      if (!(await this.repo.personExists(trx, auth.tenantId, personId))) throw new AppError('NOT_FOUND');
      const rows = await this.repo.listCases(trx, auth.tenantId, { personId, statuses: CASE_STATUSES, limit: 100 });
      await audit.appendReads(trx, auth, uniquePersons(rows), 'case');
      return { items: rows.map(toSummary) };
    });
  }

  /** The case file as the case-file page shows it; the read is logged (special categories separately). */
  overview(auth: AuthContext, id: string): Promise<CaseOverview> {
    return withTenant(this.db, auth.tenantId, (trx) => this.loadOverview(trx, auth, id));
  }

  private async loadOverview(trx: Tx, auth: AuthContext, id: string): Promise<CaseOverview> {
    const file = await this.repo.caseFile(trx, auth.tenantId, id);
    if (!file) throw new AppError('NOT_FOUND');
    const rules = effectiveRules(file);
    const today = todayInGermany();
    const responsible = file.caseManagerId === auth.userId;
    const allBarriers = (file.barriers as BarrierRecord[]).map(toBarrier);
    const barriers = responsible ? allBarriers : allBarriers.filter((b) => !b.barrierType.specialCategory);
    const ratingRecords = file.ratings as RatingRecord[];
    const ratings = ratingRecords.map((r) => toRating(r, responsible));
    const hiddenRatingAreas = responsible
      ? 0
      : ratingRecords.some((r) => (r.scores as Rating['scores']).some((s) => SPECIAL_CATEGORY_LIFE_AREAS.includes(s.area)))
        ? 1
        : 0;
    const shownSpecial =
      responsible &&
      (allBarriers.some((b) => b.barrierType.specialCategory) ||
        ratingRecords.some((r) => (r.scores as Rating['scores']).some((s) => SPECIAL_CATEGORY_LIFE_AREAS.includes(s.area))));
    const agreementRecords = file.latestAgreements as AgreementRecord[];
    const ruleMap = await this.ruleMap(trx);
    const facts = caseFactsOf(file, rules.indication);
    const density = densityDaysOf(file, rules);
    const nextDue = nextContactDue(file.lastContactOn, file.openedOn, density);
    const closing =
      file.outcome && file.retrospective && file.prospective
        ? {
            outcome: file.outcome as NonNullable<CaseOverview['closing']>['outcome'],
            retrospective: file.retrospective,
            prospective: file.prospective,
            personParticipated: file.personParticipated ?? false,
            satisfaction: file.satisfaction,
          }
        : null;

    await audit.appendReads(trx, auth, [file.personId], 'case');
    if (shownSpecial) await audit.appendReads(trx, auth, [file.personId], 'special_category');

    return {
      id: file.id,
      version: file.version,
      status: file.status as CaseStatus,
      priority: file.priority,
      contactDensityDays: density,
      contactDensityIsDefault: file.contactDensityDays === null,
      willingToCooperate: file.willingToCooperate,
      openedOn: file.openedOn,
      closedOn: file.closedOn,
      aftercareUntil: file.aftercareUntil,
      person: {
        id: file.personId,
        customerNumber: file.customerNumber,
        firstName: file.firstName,
        lastName: file.lastName,
        birthDate: file.birthDate,
        phone: file.phone,
        targetGroups: targetGroups(file, today),
      },
      caseManager: { id: file.caseManagerId, displayName: file.caseManagerName },
      careContacts: await careContactsOf(trx, auth.tenantId, file, today),
      responsible,
      indication: { ...rules.indication, met: indicationMet(rules.indication, facts) },
      actions: responsible ? availableActions(facts) : [],
      closing,
      barriers,
      hiddenSpecialCategoryEntries: allBarriers.length - barriers.length + hiddenRatingAreas,
      resources: (
        file.resources as Array<{
          id: string;
          category: CaseOverview['resources'][number]['category'];
          description: string;
          recordedOn: string;
          recordedBy: string;
          recordedByName: string;
        }>
      ).map((r) => ({
        id: r.id,
        category: r.category,
        description: r.description,
        recordedOn: r.recordedOn,
        recordedBy: { id: r.recordedBy, displayName: r.recordedByName },
      })),
      goals: (file.goals as GoalRecord[]).map((g) => toGoal(g, file.subGoals as SubGoalRecord[], today)),
      agreement: agreementRecords[0] ? toAgreementVersion(agreementRecords[0], agreementRecords[1], ruleMap) : null,
      agreementVersions: Number(file.agreementCount ?? 0),
      ratings,
      contacts: (file.contacts as ContactRecord[]).map(toContact),
      contactCount: Number(file.contactCount ?? 0),
      lastContactOn: file.lastContactOn,
      nextContactDue: nextDue,
      contactOverdue: OPEN_CASE_STATUSES.includes(file.status as CaseStatus) && nextDue < today,
      followUps: (file.followUps as FollowUpRecord[]).map((f) => toFollowUp(f, today)),
      history: (
        file.history as Array<{
          id: string;
          at: string;
          actorId: string | null;
          actorName: string | null;
          action: string;
          fromStatus: CaseStatus | null;
          toStatus: CaseStatus;
          reason: string | null;
          indicationMet: boolean | null;
          indicationOverride: boolean;
        }>
      ).map((h) => ({
        id: h.id,
        at: isoTimestamp(h.at),
        actor: h.actorId ? { id: h.actorId, displayName: h.actorName ?? '' } : null,
        action: h.action,
        fromStatus: h.fromStatus,
        toStatus: h.toStatus,
        reason: h.reason,
        indicationMet: h.indicationMet,
        indicationOverride: h.indicationOverride,
      })),
      sanctionHistory: toSanctionHistory(file.sanctionHistory),
    };
  }

  async barrier(auth: AuthContext, caseId: string, barrierId: string): Promise<Barrier> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const row = await this.repo.findCase(trx, auth.tenantId, caseId);
      if (!row) throw new AppError('NOT_FOUND');
      const barrier = await this.repo.findBarrier(trx, auth.tenantId, caseId, barrierId);
      if (!barrier) throw new AppError('NOT_FOUND');
      if (barrier.specialCategory) {
        if (row.caseManagerId !== auth.userId) throw new AppError('SPECIAL_CATEGORY_RESTRICTED');
        await audit.appendReads(trx, auth, [row.personId], 'special_category');
      } else {
        await audit.appendReads(trx, auth, [row.personId], 'case');
      }
      return toBarrier(barrier);
    });
  }

  // ——— the case ———

  async create(auth: AuthContext, input: CreateCaseRequest, idempotencyKey: string | undefined): Promise<Created<CaseOverview>> {
    try {
      return await withTenant(this.db, auth.tenantId, (trx) =>
        once(
          trx,
          { tenantId: auth.tenantId, userId: auth.userId, key: idempotencyKey, route: 'POST /api/cases', body: input },
          async () => {
            if (!(await this.repo.personExists(trx, auth.tenantId, input.personId))) {
              throw fieldError('personId', 'unknown_person', 'Diese Person gibt es in diesem Jobcenter nicht.');
            }
            const caseManagerId = input.caseManagerId ?? auth.userId;
            await this.requireCaseManager(trx, auth.tenantId, caseManagerId);
            if (await this.repo.openCaseOf(trx, auth.tenantId, input.personId)) throw new AppError('CASE_ALREADY_OPEN');
            const rules = effectiveRules(await this.repo.caseRules(trx, auth.tenantId));
            const today = todayInGermany();
            const id = randomUUID();
            const density = input.contactDensityDays ?? null;
            await this.repo.insertCase(trx, {
              tenantId: auth.tenantId,
              id,
              personId: input.personId,
              status: 'intake',
              priority: input.priority,
              caseManagerId,
              contactDensityDays: density,
              willingToCooperate: null,
              openedOn: today,
              closedOn: null,
              aftercareUntil: null,
              outcome: null,
              retrospective: null,
              prospective: null,
              personParticipated: null,
              satisfaction: null,
              lastContactOn: null,
              nextContactDue: nextContactDue(null, today, density ?? rules.density[input.priority]),
            });
            await this.repo.insertTransition(trx, {
              tenantId: auth.tenantId,
              id: randomUUID(),
              caseId: id,
              actorId: auth.userId,
              action: 'open',
              fromStatus: null,
              toStatus: 'intake',
              reason: null,
              indicationMet: null,
              indicationOverride: false,
            });
            await audit.appendChange(trx, auth, 'case', id, 'create', null, {
              personId: input.personId,
              status: 'intake',
              priority: input.priority,
              caseManagerId,
              contactDensityDays: density,
            });
            return this.loadOverview(trx, auth, id);
          },
        ),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'cases_one_open_per_person')) throw new AppError('CASE_ALREADY_OPEN');
      throw error;
    }
  }

  update(auth: AuthContext, id: string, expectedVersion: number, changes: UpdateCaseRequest): Promise<CaseOverview> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const row = await this.repo.findCase(trx, auth.tenantId, id, { forUpdate: true });
      if (!row) throw new AppError('NOT_FOUND');
      const responsible = row.caseManagerId === auth.userId && auth.roles.includes('case_manager');
      const teamLead = auth.roles.includes('team_lead');
      const onlyReassign = Object.keys(changes).every((k) => k === 'caseManagerId');
      if (!responsible && !(teamLead && onlyReassign)) throw new AppError('NOT_RESPONSIBLE');
      if (row.version !== expectedVersion) throw new AppError('PRECONDITION_FAILED');
      requireStatus(row, WORK_EDITABLE);
      if (changes.caseManagerId) await this.requireCaseManager(trx, auth.tenantId, changes.caseManagerId);
      const rules = effectiveRules(await this.repo.caseRules(trx, auth.tenantId));
      const next = { ...row, ...changes };
      const nextDue = nextContactDue(row.lastContactOn, row.openedOn, densityDaysOf(next, rules));
      const updated = await this.repo.updateVersioned(trx, 'cases', auth.tenantId, id, expectedVersion, {
        ...changes,
        nextContactDue: nextDue,
      });
      if (!updated) throw new AppError('PRECONDITION_FAILED');
      await audit.appendChange(trx, auth, 'case', id, 'update', pickKeys(row, Object.keys(changes)), changes);
      return this.loadOverview(trx, auth, id);
    });
  }

  transition(auth: AuthContext, id: string, expectedVersion: number, input: CaseTransitionRequest): Promise<CaseOverview> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const row = await this.lockForWork(trx, auth, id, CASE_STATUSES);
      if (row.version !== expectedVersion) throw new AppError('PRECONDITION_FAILED');
      const file = await this.repo.caseFile(trx, auth.tenantId, id);
      if (!file) throw new AppError('NOT_FOUND');
      const rules = effectiveRules(file);
      const facts = caseFactsOf(file, rules.indication);
      const today = todayInGermany();
      const closing = input.closing ?? null;
      const decision = decideTransition(
        input.action,
        facts,
        {
          reason: input.reason ?? null,
          closing: closing
            ? {
                outcome: closing.outcome,
                retrospective: closing.retrospective,
                prospective: closing.prospective,
                personParticipated: closing.personParticipated,
                aftercareUntil: closing.aftercareUntil ?? null,
              }
            : null,
        },
        today,
      );
      if (!decision.allowed) {
        throw new AppError('CASE_GATE_FAILED', {
          fields: decision.failures.map((f): FieldError => ({ field: gateField(f.code), code: f.code, message: f.message })),
        });
      }
      const changes: Record<string, unknown> = { status: decision.to, statusSince: new Date() };
      if (input.action === 'close' && closing) {
        Object.assign(changes, {
          outcome: closing.outcome,
          retrospective: closing.retrospective,
          prospective: closing.prospective,
          personParticipated: closing.personParticipated,
          satisfaction: closing.satisfaction ?? null,
          aftercareUntil: closing.aftercareUntil ?? null,
        });
      }
      if (decision.to === 'closed' || decision.to === 'not_indicated') changes.closedOn = today;
      if (input.action === 'reopen') {
        Object.assign(changes, {
          closedOn: null,
          aftercareUntil: null,
          outcome: null,
          retrospective: null,
          prospective: null,
          personParticipated: null,
          satisfaction: null,
          nextContactDue: nextContactDue(row.lastContactOn, today, densityDaysOf(row, rules)),
        });
      }
      const updated = await this.repo.updateVersioned(trx, 'cases', auth.tenantId, id, expectedVersion, changes);
      if (!updated) throw new AppError('PRECONDITION_FAILED');
      await this.repo.insertTransition(trx, {
        tenantId: auth.tenantId,
        id: randomUUID(),
        caseId: id,
        actorId: auth.userId,
        action: input.action,
        fromStatus: row.status,
        toStatus: decision.to,
        reason: input.reason?.trim() || null,
        indicationMet: decision.indicationMet,
        indicationOverride: decision.indicationOverride,
      });
      const { statusSince: _s, ...logged } = changes;
      await audit.appendChange(
        trx,
        auth,
        'case',
        id,
        'update',
        { status: row.status },
        { ...logged, action: input.action, reason: input.reason ?? null },
      );
      // Case management is now indicated: the organisation model decides who carries it (SPEC C14).
      if (input.action === 'indicate') await routeOnIndication(trx, auth, id);
      return this.loadOverview(trx, auth, id);
    });
  }

  // ——— assessment ———

  addBarrier(auth: AuthContext, caseId: string, input: CreateBarrierRequest): Promise<Barrier> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      await this.lockForWork(trx, auth, caseId, ASSESSMENT_EDITABLE);
      const type = await this.repo.barrierTypeById(trx, auth.tenantId, input.barrierTypeId);
      if (!type?.active) {
        throw fieldError('barrierTypeId', 'unknown_barrier_type', 'Bitte wählen Sie einen Handlungsbedarf aus dem aktiven Katalog.');
      }
      if (input.recordedOn > todayInGermany()) throw fieldError('recordedOn', 'in_future', 'Das Datum darf nicht in der Zukunft liegen.');
      const id = await recordBarrier(trx, auth, {
        caseId,
        barrierTypeId: type.id,
        severity: input.severity,
        recordedOn: input.recordedOn,
        indicators: input.indicators.map((i) => ({ source: i.source, note: i.note ?? null })),
        note: input.note ?? null,
      });
      return this.reloadBarrier(trx, auth.tenantId, caseId, id);
    });
  }

  updateBarrier(
    auth: AuthContext,
    caseId: string,
    barrierId: string,
    expectedVersion: number,
    changes: UpdateBarrierRequest,
  ): Promise<Barrier> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      await this.lockForWork(trx, auth, caseId, ASSESSMENT_EDITABLE);
      const before = await this.repo.findBarrier(trx, auth.tenantId, caseId, barrierId);
      if (!before) throw new AppError('NOT_FOUND');
      if (before.version !== expectedVersion) throw new AppError('PRECONDITION_FAILED');
      const set: Record<string, unknown> = {};
      if (changes.severity) set.severity = changes.severity;
      if (changes.note !== undefined) set.note = changes.note;
      if (changes.indicators) set.indicators = JSON.stringify(changes.indicators.map((i) => ({ source: i.source, note: i.note ?? null })));
      if (changes.status) {
        set.status = changes.status;
        if (changes.status === 'resolved') set.priority = null;
      }
      const updated = await this.repo.updateVersioned(trx, 'caseBarriers', auth.tenantId, barrierId, expectedVersion, set);
      if (!updated) throw new AppError('PRECONDITION_FAILED');
      await audit.appendChange(trx, auth, 'case_barrier', barrierId, 'update', pickKeys(before, Object.keys(changes)), changes);
      return this.reloadBarrier(trx, auth.tenantId, caseId, barrierId);
    });
  }

  orderBarriers(auth: AuthContext, caseId: string, expectedVersion: number, barrierIds: string[]): Promise<CaseOverview> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const row = await this.lockForWork(trx, auth, caseId, ASSESSMENT_EDITABLE);
      if (row.version !== expectedVersion) throw new AppError('PRECONDITION_FAILED');
      const active = new Set((await this.repo.activeBarrierIds(trx, auth.tenantId, caseId)).map((b) => b.id));
      const given = new Set(barrierIds);
      if (given.size !== barrierIds.length || given.size !== active.size || barrierIds.some((id) => !active.has(id))) {
        throw fieldError(
          'barrierIds',
          'order_mismatch',
          'Die Reihenfolge muss jeden aktiven Handlungsbedarf dieses Falls genau einmal enthalten.',
        );
      }
      await this.repo.setBarrierOrder(trx, auth.tenantId, caseId, barrierIds);
      if (!(await this.repo.updateVersioned(trx, 'cases', auth.tenantId, caseId, expectedVersion, {}))) {
        throw new AppError('PRECONDITION_FAILED');
      }
      await audit.appendChange(trx, auth, 'case', caseId, 'update', null, { barrierOrder: barrierIds });
      return this.loadOverview(trx, auth, caseId);
    });
  }

  addResource(auth: AuthContext, caseId: string, input: z.infer<typeof createResourceRequest>) {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      await this.lockForWork(trx, auth, caseId, ASSESSMENT_EDITABLE);
      const id = randomUUID();
      await this.repo.insertResource(trx, {
        tenantId: auth.tenantId,
        id,
        caseId,
        category: input.category,
        description: input.description,
        recordedOn: todayInGermany(),
        recordedBy: auth.userId,
      });
      await audit.appendChange(trx, auth, 'case_resource', id, 'create', null, { caseId, ...input });
      const row = await this.repo.findResource(trx, auth.tenantId, caseId, id);
      if (!row) throw new Error('resource vanished after insert');
      return {
        id: row.id,
        category: row.category as z.infer<typeof createResourceRequest>['category'],
        description: row.description,
        recordedOn: row.recordedOn,
        recordedBy: { id: row.recordedBy, displayName: row.recordedByName },
      };
    });
  }

  removeResource(auth: AuthContext, caseId: string, resourceId: string) {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      await this.lockForWork(trx, auth, caseId, ASSESSMENT_EDITABLE);
      const before = await this.repo.findResource(trx, auth.tenantId, caseId, resourceId);
      if (!before || !(await this.repo.deleteResource(trx, auth.tenantId, caseId, resourceId))) throw new AppError('NOT_FOUND');
      await audit.appendChange(
        trx,
        auth,
        'case_resource',
        resourceId,
        'delete',
        { caseId, category: before.category, description: before.description },
        null,
      );
    });
  }

  // ——— help plan ———

  addGoal(auth: AuthContext, caseId: string, input: z.infer<typeof createGoalRequest>): Promise<Goal> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      await this.lockForWork(trx, auth, caseId, PLAN_EDITABLE);
      await this.requireBarriersOfCase(trx, auth.tenantId, caseId, input.barrierIds);
      const id = randomUUID();
      await this.repo.insertGoal(trx, {
        tenantId: auth.tenantId,
        id,
        caseId,
        title: input.title,
        description: input.description ?? null,
        barrierIds: input.barrierIds,
      });
      await audit.appendChange(trx, auth, 'plan_goal', id, 'create', null, { caseId, ...input });
      return this.reloadGoal(trx, auth.tenantId, caseId, id);
    });
  }

  updateGoal(auth: AuthContext, caseId: string, goalId: string, expectedVersion: number, changes: z.infer<typeof updateGoalRequest>) {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      await this.lockForWork(trx, auth, caseId, PLAN_EDITABLE);
      const before = await this.repo.findGoal(trx, auth.tenantId, caseId, goalId);
      if (!before) throw new AppError('NOT_FOUND');
      if (before.version !== expectedVersion) throw new AppError('PRECONDITION_FAILED');
      if (changes.barrierIds) await this.requireBarriersOfCase(trx, auth.tenantId, caseId, changes.barrierIds);
      if (!(await this.repo.updateVersioned(trx, 'planGoals', auth.tenantId, goalId, expectedVersion, changes))) {
        throw new AppError('PRECONDITION_FAILED');
      }
      await audit.appendChange(trx, auth, 'plan_goal', goalId, 'update', pickKeys(before, Object.keys(changes)), changes);
      return this.reloadGoal(trx, auth.tenantId, caseId, goalId);
    });
  }

  addSubGoal(auth: AuthContext, caseId: string, goalId: string, input: z.infer<typeof createSubGoalRequest>) {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      await this.lockForWork(trx, auth, caseId, PLAN_EDITABLE);
      if (!(await this.repo.findGoal(trx, auth.tenantId, caseId, goalId))) throw new AppError('NOT_FOUND');
      const id = randomUUID();
      await this.repo.insertSubGoal(trx, {
        tenantId: auth.tenantId,
        id,
        caseId,
        goalId,
        title: input.title,
        ownerKind: input.ownerKind,
        ownerNote: input.ownerNote ?? null,
        dueOn: input.dueOn,
      });
      await audit.appendChange(trx, auth, 'plan_subgoal', id, 'create', null, { caseId, goalId, ...input });
      return this.reloadSubGoal(trx, auth.tenantId, caseId, id);
    });
  }

  updateSubGoal(
    auth: AuthContext,
    caseId: string,
    subGoalId: string,
    expectedVersion: number,
    changes: z.infer<typeof updateSubGoalRequest>,
  ) {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      await this.lockForWork(trx, auth, caseId, [...PLAN_EDITABLE, 'closing']);
      const before = await this.repo.findSubGoal(trx, auth.tenantId, caseId, subGoalId);
      if (!before) throw new AppError('NOT_FOUND');
      if (before.version !== expectedVersion) throw new AppError('PRECONDITION_FAILED');
      if (!(await this.repo.updateVersioned(trx, 'planSubgoals', auth.tenantId, subGoalId, expectedVersion, changes))) {
        throw new AppError('PRECONDITION_FAILED');
      }
      await audit.appendChange(trx, auth, 'plan_subgoal', subGoalId, 'update', pickKeys(before, Object.keys(changes)), changes);
      return this.reloadSubGoal(trx, auth.tenantId, caseId, subGoalId);
    });
  }

  // ——— agreement ———

  agreementRules(): Promise<AgreementRule[]> {
    return this.ruleMapOutside().then((map) => [...map.values()]);
  }

  agreements(auth: AuthContext, caseId: string): Promise<{ items: AgreementVersion[] }> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const row = await this.repo.findCase(trx, auth.tenantId, caseId);
      if (!row) throw new AppError('NOT_FOUND');
      const records = (await this.repo.agreementVersions(trx, auth.tenantId, caseId)) as AgreementRecord[];
      const rules = await this.ruleMap(trx);
      await audit.appendReads(trx, auth, [row.personId], 'case');
      return { items: records.map((record, i) => toAgreementVersion(record, records[i + 1], rules)) };
    });
  }

  async createAgreement(
    auth: AuthContext,
    caseId: string,
    input: CreateAgreementRequest,
    idempotencyKey: string | undefined,
  ): Promise<Created<AgreementVersion>> {
    return withTenant(this.db, auth.tenantId, (trx) =>
      once(
        trx,
        { tenantId: auth.tenantId, userId: auth.userId, key: idempotencyKey, route: `POST /api/cases/${caseId}/agreements`, body: input },
        async () => {
          await this.lockForWork(trx, auth, caseId, PLAN_EDITABLE);
          const consentDuties = input.duties.flatMap((duty, i) => (isCompulsoryConsentDuty(duty) ? [i] : []));
          if (consentDuties.length > 0) {
            throw new AppError('AGREEMENT_CONSENT_DUTY', {
              fields: consentDuties.map((i) => ({
                field: `duties.${i}.text`,
                code: 'compulsory_consent',
                message:
                  'Eine Schweigepflichtentbindung oder Einwilligung in die Datenweitergabe ist freiwillig und darf nicht als Pflicht vereinbart werden.',
              })),
            });
          }
          const dateErrors: FieldError[] = [];
          if (input.validUntil < input.agreedOn) {
            dateErrors.push({
              field: 'validUntil',
              code: 'before_agreed',
              message: 'Das Ende der Gültigkeit liegt vor dem Datum der Vereinbarung.',
            });
          }
          if (input.reviewOn < input.agreedOn) {
            dateErrors.push({ field: 'reviewOn', code: 'before_agreed', message: 'Die Überprüfung liegt vor dem Datum der Vereinbarung.' });
          }
          if (input.agreedOn > todayInGermany()) {
            dateErrors.push({
              field: 'agreedOn',
              code: 'in_future',
              message: 'Das Datum der Vereinbarung darf nicht in der Zukunft liegen.',
            });
          }
          const goals = await this.repo.goalTitles(trx, auth.tenantId, caseId);
          const goalIds = new Set(goals.map((g) => g.id));
          for (const [list, items] of [
            ['duties', input.duties],
            ['commitments', input.commitments],
          ] as const) {
            items.forEach((item, i) => {
              if (item.goalId && !goalIds.has(item.goalId)) {
                dateErrors.push({
                  field: `${list}.${i}.goalId`,
                  code: 'unknown_goal',
                  message: 'Dieses Ziel gehört nicht zum Hilfeplan des Falls.',
                });
              }
            });
          }
          if (dateErrors.length) throw new AppError('VALIDATION_FAILED', { fields: dateErrors });
          const rules = await this.ruleMap(trx);
          const rule = agreementRuleFor([...rules.values()], input.agreedOn);
          if (!rule) throw new AppError('AGREEMENT_NO_RULE');
          const kind = agreementKindFor(rule, input.reached);
          if (!kind)
            throw new AppError('AGREEMENT_NOT_REACHED_NO_FALLBACK', { detail: { de: rule.noAgreementText, en: rule.noAgreementText } });
          const id = randomUUID();
          const versionNo = await this.repo.nextAgreementNo(trx, auth.tenantId, caseId);
          await this.repo.insertAgreement(trx, {
            tenantId: auth.tenantId,
            id,
            caseId,
            versionNo,
            ruleId: rule.id,
            kind,
            reached: input.reached,
            agreedOn: input.agreedOn,
            validUntil: input.validUntil,
            reviewOn: input.reviewOn,
            duties: input.duties,
            commitments: input.commitments,
            personalOffer: input.personalOffer ?? null,
            notes: input.notes ?? null,
            createdBy: auth.userId,
          });
          await audit.appendChange(trx, auth, 'agreement_version', id, 'create', null, {
            caseId,
            versionNo,
            kind,
            rule: rule.code,
            ...input,
          });
          const records = (await this.repo.agreementVersions(trx, auth.tenantId, caseId)) as AgreementRecord[];
          const index = records.findIndex((r) => r.id === id);
          const record = records[index];
          if (!record) throw new Error('agreement vanished after insert');
          return toAgreementVersion(record, records[index + 1], rules);
        },
      ),
    );
  }

  agreementPdf(auth: AuthContext, caseId: string, versionId: string): Promise<{ pdf: Buffer; versionNo: number }> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const file = await this.repo.caseFile(trx, auth.tenantId, caseId);
      if (!file) throw new AppError('NOT_FOUND');
      const records = (await this.repo.agreementVersions(trx, auth.tenantId, caseId)) as AgreementRecord[];
      const index = records.findIndex((r) => r.id === versionId);
      const record = records[index];
      if (!record) throw new AppError('NOT_FOUND');
      const rules = await this.ruleMap(trx);
      const version = toAgreementVersion(record, records[index + 1], rules);
      const context = await this.repo.pdfContext(trx, auth.tenantId, file.personId);
      await audit.appendReads(trx, auth, [file.personId], 'case');
      const pdf = await renderAgreementPdf({
        tenantName: context.tenantName,
        person: {
          firstName: file.firstName,
          lastName: file.lastName,
          customerNumber: file.customerNumber,
          birthDate: file.birthDate,
          street: context.street,
          houseNumber: context.houseNumber,
          postalCode: context.postalCode,
          city: context.city,
        },
        caseManager: { displayName: file.caseManagerName },
        version,
        goals: (file.goals as GoalRecord[]).map((g) => ({ id: g.id, title: g.title })),
        printedOn: todayInGermany(),
      });
      return { pdf, versionNo: version.versionNo };
    });
  }

  // ——— ratings, contacts, follow-ups ———

  addRating(auth: AuthContext, caseId: string, input: CreateRatingRequest): Promise<Rating> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      await this.lockForWork(trx, auth, caseId, WORK_EDITABLE);
      const areas = input.scores.map((s) => s.area);
      const duplicate = areas.findIndex((area, i) => areas.indexOf(area) !== i);
      if (duplicate >= 0)
        throw fieldError(`scores.${duplicate}.area`, 'duplicate_area', 'Jeder Lebensbereich darf nur einmal eingeschätzt werden.');
      if (input.ratedOn > todayInGermany()) throw fieldError('ratedOn', 'in_future', 'Das Datum darf nicht in der Zukunft liegen.');
      if (input.occasion === 'baseline' && areas.length !== LIFE_AREAS.length) {
        throw fieldError('scores', 'incomplete_baseline', 'Die Ersteinschätzung umfasst alle Lebensbereiche.');
      }
      const id = randomUUID();
      const scores = input.scores.map((s) => ({ area: s.area, score: s.score, comment: s.comment ?? null }));
      await this.repo.insertRating(trx, {
        tenantId: auth.tenantId,
        id,
        caseId,
        occasion: input.occasion,
        ratedOn: input.ratedOn,
        withPerson: input.withPerson,
        ratedBy: auth.userId,
        scores,
      });
      await audit.appendChange(trx, auth, 'case_rating', id, 'create', null, { caseId, ...input, scores });
      return toRating(
        {
          id,
          occasion: input.occasion,
          ratedOn: input.ratedOn,
          withPerson: input.withPerson,
          ratedBy: auth.userId,
          ratedByName: auth.displayName,
          scores,
        },
        true,
      );
    });
  }

  contacts(auth: AuthContext, caseId: string, query: { cursor?: string; limit: number }) {
    const after = query.cursor ? decodeCursor(query.cursor, ['string', 'string'] as const) : undefined;
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const row = await this.repo.findCase(trx, auth.tenantId, caseId);
      if (!row) throw new AppError('NOT_FOUND');
      const rows = await this.repo.contacts(trx, auth.tenantId, caseId, {
        after: after ? { occurredOn: after[0], id: after[1] } : undefined,
        limit: query.limit,
      });
      const page = pageOf(rows, query.limit, (r) => [r.occurredOn, r.id]);
      await audit.appendReads(trx, auth, [row.personId], 'case');
      return { items: (page.items as ContactRecord[]).map(toContact), page: { nextCursor: page.nextCursor } };
    });
  }

  addContact(auth: AuthContext, caseId: string, input: z.infer<typeof createContactRequest>) {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const row = await this.lockForWork(trx, auth, caseId, WORK_EDITABLE);
      if (input.occurredOn > todayInGermany()) throw fieldError('occurredOn', 'in_future', 'Ein Kontakt kann nicht in der Zukunft liegen.');
      const id = randomUUID();
      await this.repo.insertContact(trx, {
        tenantId: auth.tenantId,
        id,
        caseId,
        kind: input.kind,
        occurredOn: input.occurredOn,
        summary: input.summary,
        note: input.note ?? null,
        createdBy: auth.userId,
      });
      const lastContactOn = await this.repo.latestContactOn(trx, auth.tenantId, caseId);
      const rules = effectiveRules(await this.repo.caseRules(trx, auth.tenantId));
      await this.repo.touchCase(trx, auth.tenantId, caseId, {
        lastContactOn,
        nextContactDue: nextContactDue(lastContactOn, row.openedOn, densityDaysOf(row, rules)),
      });
      await audit.appendChange(trx, auth, 'case_contact', id, 'create', null, { caseId, ...input });
      const contact = await this.repo.findContact(trx, auth.tenantId, id);
      if (!contact) throw new Error('contact vanished after insert');
      return toContact(contact as ContactRecord);
    });
  }

  addFollowUp(auth: AuthContext, caseId: string, input: z.infer<typeof createFollowUpRequest>): Promise<FollowUp> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      await this.lockForWork(trx, auth, caseId, WORK_EDITABLE);
      const kind = input.kind ?? 'general';
      // A placement task goes where the organisation model sends placement, a notice relevant to benefits
      // to whoever computes them for this case (SPEC C14), unless someone is named.
      const ownerId =
        input.ownerId ??
        (kind === 'placement'
          ? await routePlacementTask(trx, auth, caseId)
          : kind === 'benefits_notice'
            ? await recipientFor(trx, auth.tenantId, caseId, 'benefits_notice')
            : auth.userId);
      await this.requireFollowUpOwner(trx, auth.tenantId, ownerId);
      const id = randomUUID();
      await this.repo.insertFollowUp(trx, { tenantId: auth.tenantId, id, caseId, title: input.title, dueOn: input.dueOn, ownerId, kind });
      await audit.appendChange(trx, auth, 'follow_up', id, 'create', null, { caseId, ...input, kind, ownerId });
      return this.reloadFollowUp(trx, auth.tenantId, caseId, id);
    });
  }

  updateFollowUp(
    auth: AuthContext,
    caseId: string,
    followUpId: string,
    expectedVersion: number,
    changes: z.infer<typeof updateFollowUpRequest>,
  ) {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const row = await this.repo.findCase(trx, auth.tenantId, caseId, { forUpdate: true });
      if (!row) throw new AppError('NOT_FOUND');
      const before = await this.repo.findFollowUp(trx, auth.tenantId, caseId, followUpId);
      if (!before) throw new AppError('NOT_FOUND');
      if (row.caseManagerId !== auth.userId && before.ownerId !== auth.userId) throw new AppError('NOT_RESPONSIBLE');
      requireStatus(row, WORK_EDITABLE);
      if (before.version !== expectedVersion) throw new AppError('PRECONDITION_FAILED');
      if (changes.ownerId) await this.requireFollowUpOwner(trx, auth.tenantId, changes.ownerId);
      const { done, ...rest } = changes;
      const set: Record<string, unknown> = { ...rest };
      if (done !== undefined) {
        set.doneOn = done ? todayInGermany() : null;
        set.doneBy = done ? auth.userId : null;
      }
      if (!(await this.repo.updateVersioned(trx, 'followUps', auth.tenantId, followUpId, expectedVersion, set))) {
        throw new AppError('PRECONDITION_FAILED');
      }
      await audit.appendChange(trx, auth, 'follow_up', followUpId, 'update', pickKeys(before, Object.keys(changes)), changes);
      return this.reloadFollowUp(trx, auth.tenantId, caseId, followUpId);
    });
  }

  // ——— helpers ———

  private lockForWork(trx: Tx, auth: AuthContext, caseId: string, statuses: readonly CaseStatus[]): Promise<CaseRow> {
    return lockCaseForWork(trx, auth, caseId, statuses);
  }

  private async requireCaseManager(trx: Tx, tenantId: string, userId: string) {
    if (!(await this.repo.isActiveCaseManager(trx, tenantId, userId))) {
      throw fieldError('caseManagerId', 'unknown_case_manager', 'Zuständig kann nur eine aktive Fachkraft im Fallmanagement sein.');
    }
  }

  private async requireFollowUpOwner(trx: Tx, tenantId: string, userId: string) {
    if (!(await this.repo.isActiveStaff(trx, tenantId, userId))) {
      throw fieldError(
        'ownerId',
        'unknown_staff',
        'Eine Wiedervorlage kann nur einer aktiven Fachkraft dieses Jobcenters zugeordnet werden.',
      );
    }
  }

  private async requireBarriersOfCase(trx: Tx, tenantId: string, caseId: string, ids: string[]) {
    const unique = [...new Set(ids)];
    if ((await this.repo.countBarriersOfCase(trx, tenantId, caseId, unique)) !== unique.length) {
      throw fieldError('barrierIds', 'unknown_barrier', 'Ein gewählter Handlungsbedarf gehört nicht zu diesem Fall.');
    }
  }

  private async reloadBarrier(trx: Tx, tenantId: string, caseId: string, id: string) {
    const row = await this.repo.findBarrier(trx, tenantId, caseId, id);
    if (!row) throw new Error('barrier vanished');
    return toBarrier(row);
  }

  private async reloadGoal(trx: Tx, tenantId: string, caseId: string, id: string) {
    const goal = await this.repo.findGoal(trx, tenantId, caseId, id);
    if (!goal) throw new Error('goal vanished');
    return toGoal(goal, await this.repo.subGoalsOfGoal(trx, tenantId, id), todayInGermany());
  }

  private async reloadSubGoal(trx: Tx, tenantId: string, caseId: string, id: string) {
    const row = await this.repo.findSubGoal(trx, tenantId, caseId, id);
    if (!row) throw new Error('sub-goal vanished');
    return toSubGoal(row, todayInGermany());
  }

  private async reloadFollowUp(trx: Tx, tenantId: string, caseId: string, id: string) {
    const row = await this.repo.findFollowUp(trx, tenantId, caseId, id);
    if (!row) throw new Error('follow-up vanished');
    return toFollowUp(row, todayInGermany());
  }

  /** The rule table is law, read-only and tiny: loaded once per process. */
  private ruleMap(trx: Tx): Promise<Map<string, AgreementRule>> {
    this.rules ??= this.repo.agreementRules(trx).then((rows) => new Map(rows.map((r) => [r.id, r as AgreementRule])));
    this.rules.catch(() => {
      this.rules = undefined;
    });
    return this.rules;
  }

  private ruleMapOutside() {
    return this.db.transaction().execute((trx) => this.ruleMap(trx));
  }
}

/**
 * Records a barrier of a case and logs the change; the caller has checked the case and the type. Also
 * used when the case manager accepts a provider's barrier proposal (features/referrals).
 */
export async function recordBarrier(
  trx: Tx,
  auth: AuthContext,
  barrier: {
    caseId: string;
    barrierTypeId: string;
    severity: 'low' | 'medium' | 'high';
    recordedOn: string;
    indicators: Array<{ source: IndicatorSource; note: string | null }>;
    note: string | null;
  },
): Promise<string> {
  const id = randomUUID();
  await barrierRepository.insertBarrier(trx, { tenantId: auth.tenantId, id, recordedBy: auth.userId, ...barrier });
  await audit.appendChange(trx, auth, 'case_barrier', id, 'create', null, {
    caseId: barrier.caseId,
    barrierTypeId: barrier.barrierTypeId,
    severity: barrier.severity,
    indicators: barrier.indicators,
  });
  return id;
}

function toSummary(row: Awaited<ReturnType<CaseRepository['listCases']>>[number]): CaseSummary {
  return {
    id: row.id,
    status: row.status as CaseStatus,
    priority: row.priority,
    person: {
      id: row.personId,
      customerNumber: row.customerNumber,
      firstName: row.firstName,
      lastName: row.lastName,
      birthDate: row.birthDate,
    },
    caseManager: { id: row.caseManagerId, displayName: row.caseManagerName },
    openedOn: row.openedOn,
    closedOn: row.closedOn,
    nextContactDue: OPEN_CASE_STATUSES.includes(row.status as CaseStatus) ? row.nextContactDue : null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Each person of a list once, for the read log. */
function uniquePersons(rows: ReadonlyArray<{ personId: string }>): string[] {
  return [...new Set(rows.map((row) => row.personId))];
}

function pickKeys(row: object, keys: string[]): Record<string, unknown> {
  const source = row as Record<string, unknown>;
  return Object.fromEntries(keys.map((k) => [k, source[k] ?? null]));
}

/** Where in the request a gate failure belongs, so the UI can show it beside the right field. */
function gateField(code: string): string {
  switch (code) {
    case 'REASON_REQUIRED':
    case 'INDICATION_OVERRIDE_REASON_REQUIRED':
      return 'reason';
    case 'OUTCOME_REQUIRED':
      return 'closing.outcome';
    case 'RETROSPECTIVE_REQUIRED':
      return 'closing.retrospective';
    case 'PROSPECTIVE_REQUIRED':
      return 'closing.prospective';
    case 'PARTICIPATION_REQUIRED':
      return 'closing.personParticipated';
    case 'AFTERCARE_DATE_INVALID':
      return 'closing.aftercareUntil';
    default:
      return 'action';
  }
}
