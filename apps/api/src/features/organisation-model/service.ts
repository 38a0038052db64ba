import { createHash, randomUUID } from 'node:crypto';
import type {
  OrganisationModel,
  OrganisationModelList,
  ReassignmentItem,
  ReassignmentPreview,
  ReassignmentResult,
  UpdateOrganisationModelRequest,
} from '@lotse/contracts';
import { type Database, type Tx, withTenant } from '@lotse/db';
import {
  AGE_GROUP_LABELS_DE,
  AGE_GROUPS,
  type AgeGroup,
  AppError,
  ageGroupOn,
  CASE_STATUS_LABELS_DE,
  type CareModel,
  type CaseStatus,
  iawTypeOf,
  planAssignments,
  todayInGermany,
} from '@lotse/domain';
import type { Kysely } from 'kysely';
import type { AuthContext } from '../../http/access';
import { AuditRepository } from '../audit/repository';
import { type ModelRow, OrganisationModelRepository } from './repository';
import { ensureOrganisationModels } from './routing';

const repo = new OrganisationModelRepository();
const audit = new AuditRepository();

/** At most this many moving cases are listed in a preview; the counts and the token cover all of them. */
export const PREVIEW_ITEM_LIMIT = 500;

function careModelOf(row: Pick<ModelRow, 'caseManagement' | 'placement' | 'benefits' | 'mixedTeams'>): CareModel {
  return { caseManagement: row.caseManagement, placement: row.placement, benefits: row.benefits, mixedTeams: row.mixedTeams };
}

function toDto(row: ModelRow): OrganisationModel {
  const type = iawTypeOf(careModelOf(row));
  return {
    ageGroup: row.ageGroup,
    label: AGE_GROUP_LABELS_DE[row.ageGroup],
    ...careModelOf(row),
    type: {
      code: type.code,
      caseManagement: type.caseManagement,
      placement: type.placement,
      benefits: type.benefits,
      meaning: type.meaningDe,
      notes: type.notesDe,
    },
    version: row.version,
    updatedAt: row.updatedBy ? new Date(row.updatedAt).toISOString() : null,
    updatedBy: row.updatedBy ? { id: row.updatedBy, displayName: row.updatedByName ?? '' } : null,
  };
}

/** What the change log keeps of a model: the criteria and the type they make. */
const snapshot = (ageGroup: AgeGroup, model: CareModel) => ({ ageGroup, ...model, iawType: iawTypeOf(model).code });

/** A planned move of one open case, with the ids the token fingerprints. */
interface PlannedMove {
  caseId: string;
  caseVersion: number;
  status: CaseStatus;
  ageGroup: AgeGroup;
  from: { ownerId: string; placementOfficerId: string | null; benefitsOfficerId: string | null };
  to: { ownerId: string; placementOfficerId: string | null; benefitsOfficerId: string | null };
}

/** The organisation model of customer care and the bulk reassignment of open cases (SPEC C14). */
export class OrganisationModelService {
  constructor(private readonly db: Kysely<Database>) {}

  list(auth: AuthContext): Promise<OrganisationModelList> {
    return withTenant(this.db, auth.tenantId, async (trx) => ({ items: (await this.rows(trx, auth.tenantId)).map(toDto) }));
  }

  /** Replaces an age group's model (If-Match). Takes effect for new work; open cases keep their people. */
  update(
    auth: AuthContext,
    ageGroup: AgeGroup,
    expectedVersion: number,
    input: UpdateOrganisationModelRequest,
  ): Promise<OrganisationModel> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      await repo.lockModel(trx, auth.tenantId);
      const before = (await this.rows(trx, auth.tenantId)).find((r) => r.ageGroup === ageGroup);
      if (!before) throw new Error('organisation model missing after ensure');
      if (before.version !== expectedVersion) throw new AppError('PRECONDITION_FAILED');
      const model: CareModel = {
        caseManagement: input.caseManagement,
        placement: input.placement,
        benefits: input.benefits,
        mixedTeams: input.mixedTeams,
      };
      if (!(await repo.updateModel(trx, auth.tenantId, ageGroup, expectedVersion, model, auth.userId))) {
        throw new AppError('PRECONDITION_FAILED');
      }
      // The tenant is the entity: one model per age group, told apart in the snapshot.
      await audit.appendChange(
        trx,
        auth,
        'organisation_model',
        auth.tenantId,
        'update',
        snapshot(ageGroup, careModelOf(before)),
        snapshot(ageGroup, model),
      );
      const after = (await repo.models(trx, auth.tenantId)).find((r) => r.ageGroup === ageGroup);
      if (!after) throw new Error('organisation model vanished after update');
      return toDto(after);
    });
  }

  /** What a bulk reassignment of the open cases under the current model would move. */
  preview(auth: AuthContext): Promise<ReassignmentPreview> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const plan = await this.plan(trx, auth.tenantId, false);
      const shown = plan.moves.slice(0, PREVIEW_ITEM_LIMIT);
      const names = await this.namesOf(trx, auth.tenantId, shown);
      const ref = (id: string | null) => (id === null ? null : { id, displayName: names.get(id) ?? '' });
      const items: ReassignmentItem[] = shown.map((m) => ({
        caseId: m.caseId,
        reference: caseReference(m.caseId),
        status: m.status,
        statusLabel: CASE_STATUS_LABELS_DE[m.status],
        ageGroup: m.ageGroup,
        owner: m.from.ownerId === m.to.ownerId ? null : { from: ref(m.from.ownerId), to: ref(m.to.ownerId) },
        placement:
          m.from.placementOfficerId === m.to.placementOfficerId
            ? null
            : { from: ref(m.from.placementOfficerId), to: ref(m.to.placementOfficerId) },
        benefits:
          m.from.benefitsOfficerId === m.to.benefitsOfficerId
            ? null
            : { from: ref(m.from.benefitsOfficerId), to: ref(m.to.benefitsOfficerId) },
      }));
      return {
        token: plan.token,
        modelVersions: plan.modelVersions,
        openCases: plan.openCases,
        counts: countsOf(plan.moves),
        items,
        truncated: plan.moves.length > shown.length,
      };
    });
  }

  /**
   * Applies exactly the previewed plan, in one transaction: the open cases are locked, the plan is computed
   * again and must have the preview's token (else 409: something changed, preview again). Each moved case
   * gets a new version, a change-log entry, and a history entry when its owner changes.
   */
  apply(auth: AuthContext, token: string): Promise<ReassignmentResult> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      await repo.lockModel(trx, auth.tenantId);
      const plan = await this.plan(trx, auth.tenantId, true);
      if (plan.token !== token) throw new AppError('REASSIGNMENT_PREVIEW_STALE');
      const names = await this.namesOf(trx, auth.tenantId, plan.moves);
      const name = (id: string | null) => (id === null ? 'die fallführende Fachkraft' : (names.get(id) ?? id));
      for (const move of plan.moves) {
        if (
          !(await repo.setCasePeople(trx, auth.tenantId, move.caseId, move.caseVersion, {
            caseManagerId: move.to.ownerId,
            ...pick(move.to),
          }))
        ) {
          // The cases are locked and the token matched: a mismatch here is a bug, not a race.
          throw new Error(`case ${move.caseId} changed under its lock`);
        }
        await audit.appendChange(
          trx,
          auth,
          'case',
          move.caseId,
          'update',
          { caseManagerId: move.from.ownerId, ...pick(move.from) },
          { caseManagerId: move.to.ownerId, ...pick(move.to), routedBy: 'bulk_reassignment' },
        );
        if (move.from.ownerId !== move.to.ownerId) {
          await repo.insertTransition(trx, {
            tenantId: auth.tenantId,
            id: randomUUID(),
            caseId: move.caseId,
            actorId: auth.userId,
            action: 'reassign',
            fromStatus: move.status,
            toStatus: move.status,
            reason: `Umverteilung nach dem Organisationsmodell: Fallmanagement von ${name(move.from.ownerId)} an ${name(move.to.ownerId)}.`,
          });
        }
      }
      return { moved: plan.moves.length, counts: countsOf(plan.moves) };
    });
  }

  /** The model rows of a tenant, created with the defaults if a tenant lacks them (older tenants). */
  private async rows(trx: Tx, tenantId: string): Promise<ModelRow[]> {
    let rows = await repo.models(trx, tenantId);
    if (rows.length < AGE_GROUPS.length) {
      await ensureOrganisationModels(trx, tenantId);
      rows = await repo.models(trx, tenantId);
    }
    return rows;
  }

  private async plan(trx: Tx, tenantId: string, lock: boolean) {
    const rows = await this.rows(trx, tenantId);
    const models = Object.fromEntries(rows.map((r) => [r.ageGroup, careModelOf(r)])) as Record<AgeGroup, CareModel>;
    const modelVersions = Object.fromEntries(rows.map((r) => [r.ageGroup, r.version])) as Record<AgeGroup, number>;
    const cases = await repo.openCases(trx, tenantId, { forUpdate: lock });
    const staff = await repo.staff(trx, tenantId);
    const today = todayInGermany();
    const routingCases = cases.map((c) => ({
      id: c.id,
      ageGroup: ageGroupOn(c.birthDate, today),
      // Past intake, case management was indicated (the intake decides it).
      caseManagement: c.status !== 'intake',
      ownerId: c.caseManagerId,
      placementOfficerId: c.placementOfficerId,
      benefitsOfficerId: c.benefitsOfficerId,
    }));
    const assignments = planAssignments(models, routingCases, staff, { keepExisting: true });
    const moves: PlannedMove[] = [];
    assignments.forEach((a, i) => {
      const c = cases[i];
      const rc = routingCases[i];
      if (!c || !rc) return;
      const from = { ownerId: c.caseManagerId, placementOfficerId: c.placementOfficerId, benefitsOfficerId: c.benefitsOfficerId };
      const to = { ownerId: a.ownerId, placementOfficerId: a.placementOfficerId, benefitsOfficerId: a.benefitsOfficerId };
      if (
        from.ownerId === to.ownerId &&
        from.placementOfficerId === to.placementOfficerId &&
        from.benefitsOfficerId === to.benefitsOfficerId
      )
        return;
      moves.push({ caseId: c.id, caseVersion: c.version, status: c.status as CaseStatus, ageGroup: rc.ageGroup, from, to });
    });
    // The token fingerprints what would move (and under which model versions), not the cases' other
    // edits: a preview stays valid while the plan it shows is still the plan.
    const token = createHash('sha256')
      .update(JSON.stringify({ modelVersions, moves: moves.map((m) => [m.caseId, m.from, m.to]) }))
      .digest('base64url');
    return { token, modelVersions, openCases: cases.length, moves };
  }

  private async namesOf(trx: Tx, tenantId: string, moves: readonly PlannedMove[]) {
    const ids = new Set<string>();
    for (const m of moves)
      for (const id of [
        m.from.ownerId,
        m.to.ownerId,
        m.from.placementOfficerId,
        m.to.placementOfficerId,
        m.from.benefitsOfficerId,
        m.to.benefitsOfficerId,
      ])
        if (id) ids.add(id);
    return new Map((await repo.displayNames(trx, tenantId, [...ids])).map((u) => [u.id, u.displayName]));
  }
}

const pick = (p: { placementOfficerId: string | null; benefitsOfficerId: string | null }) => ({
  placementOfficerId: p.placementOfficerId,
  benefitsOfficerId: p.benefitsOfficerId,
});

function countsOf(moves: readonly PlannedMove[]) {
  return {
    cases: moves.length,
    owner: moves.filter((m) => m.from.ownerId !== m.to.ownerId).length,
    placement: moves.filter((m) => m.from.placementOfficerId !== m.to.placementOfficerId).length,
    benefits: moves.filter((m) => m.from.benefitsOfficerId !== m.to.benefitsOfficerId).length,
  };
}

/**
 * A short reference of a case for the administrator's preview. Administrators do not read person data
 * (need-to-know, SPEC C15), so the preview names the case, never the person.
 */
export function caseReference(caseId: string): string {
  return `F-${caseId.slice(0, 8).toUpperCase()}`;
}
