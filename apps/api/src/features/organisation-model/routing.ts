import { randomUUID } from 'node:crypto';
import type { Tx } from '@lotse/db';
import {
  AGE_GROUPS,
  type AgeGroup,
  addDays,
  ageGroupOn,
  type CareModel,
  DEFAULT_CARE_MODEL,
  iawTypeOf,
  pickStaff,
  planAssignments,
  routingOf,
  type StaffCandidate,
  todayInGermany,
  type WorkRouting,
} from '@lotse/domain';
import { type Actor, AuditRepository } from '../audit/repository';
import { OrganisationModelRepository } from './repository';

/**
 * Routing of work by the tenant's organisation model (SPEC C14): the functions other features call to
 * find who receives a piece of work of a case. Each takes the caller's transaction, so a hand-off and
 * the work it hands off commit together.
 */

const repo = new OrganisationModelRepository();
const audit = new AuditRepository();

/** What a sanction decision or a benefits-relevant notice is routed as. */
export type RecipientPurpose = 'sanction_decision' | 'benefits_notice';

/** The tenant's models per age group; a group without a row gets the default (type Iba). */
export async function modelsOf(trx: Tx, tenantId: string): Promise<Record<AgeGroup, CareModel>> {
  const rows = await repo.models(trx, tenantId);
  const models = Object.fromEntries(AGE_GROUPS.map((g) => [g, { ...DEFAULT_CARE_MODEL }])) as Record<AgeGroup, CareModel>;
  for (const row of rows)
    models[row.ageGroup] = {
      caseManagement: row.caseManagement,
      placement: row.placement,
      benefits: row.benefits,
      mixedTeams: row.mixedTeams,
    };
  return models;
}

/** Gives a tenant without a model the default for both age groups (type Iba); a set model stays. */
export async function ensureOrganisationModels(trx: Tx, tenantId: string) {
  await repo.ensureModels(trx, tenantId, { u25: DEFAULT_CARE_MODEL, ue25: DEFAULT_CARE_MODEL });
}

/** A case with the model that applies to it (by the person's age group on `on`, default today). */
export interface RoutedCase {
  caseId: string;
  ageGroup: AgeGroup;
  model: CareModel;
  routing: WorkRouting;
  ownerId: string;
  placementOfficerId: string | null;
  benefitsOfficerId: string | null;
}

export async function routedCase(trx: Tx, tenantId: string, caseId: string, on: string = todayInGermany()): Promise<RoutedCase | null> {
  const row = await repo.routingCase(trx, tenantId, caseId);
  if (!row) return null;
  const ageGroup = ageGroupOn(row.birthDate, on);
  const model = (await modelsOf(trx, tenantId))[ageGroup];
  return {
    caseId,
    ageGroup,
    model,
    routing: routingOf(model),
    ownerId: row.caseManagerId,
    placementOfficerId: row.placementOfficerId,
    benefitsOfficerId: row.benefitsOfficerId,
  };
}

/**
 * The benefits staff member responsible for a case: the one recorded on the case if they still hold the
 * role, else the one routing would pick now (least loaded, preferring a benefits team, with mixed teams
 * someone in the owner's team); null when the tenant has no active benefits officer.
 */
function benefitsStaffOf(routed: RoutedCase, staff: readonly StaffCandidate[]): string | null {
  const recorded = staff.find((s) => s.id === routed.benefitsOfficerId && s.roles.includes('benefits_officer'));
  if (recorded) return recorded.id;
  const ownerTeamId = staff.find((s) => s.id === routed.ownerId)?.teamId ?? null;
  return pickStaff('benefits_staff', staff, { ownerTeamId, mixedTeams: routed.model.mixedTeams })?.id ?? null;
}

/**
 * Who receives a sanction decision (to carry out the reduction) or a benefits-relevant notice for a case:
 * the case owner where benefits are integrated (the owner computes them), otherwise the case's benefits
 * officer — or, when none is recorded, the benefits officer routing picks now; the owner when the
 * Jobcenter has nobody in benefits processing. Reads only: the caller records the hand-off.
 */
export async function recipientFor(
  trx: Tx,
  tenantId: string,
  caseId: string,
  purpose: RecipientPurpose,
  options: { on?: string } = {},
): Promise<string> {
  const routed = await routedCase(trx, tenantId, caseId, options.on);
  if (!routed) throw new Error(`case ${caseId} not found for routing`);
  const target = purpose === 'sanction_decision' ? routed.routing.sanctionDecision : routed.routing.benefitsNotice;
  if (target === 'case_owner') return routed.ownerId;
  return benefitsStaffOf(routed, await repo.staff(trx, tenantId)) ?? routed.ownerId;
}

/** Who the person is shown as contact (§ 14 SGB II), for integration and for benefits questions. */
export interface CaseContacts {
  integrationId: string;
  /** null: benefits processing is specialised but nobody is responsible yet. */
  benefitsId: string | null;
  /** Whether benefits questions go to the owner (integrated or contact person only) or benefits staff. */
  benefitsBy: 'case_owner' | 'benefits_staff';
  typeCode: string;
}

export async function contactsFor(trx: Tx, tenantId: string, caseId: string, on?: string): Promise<CaseContacts | null> {
  const routed = await routedCase(trx, tenantId, caseId, on);
  if (!routed) return null;
  const typeCode = iawTypeOf(routed.model).code;
  if (routed.routing.contactForBenefits === 'case_owner')
    return { integrationId: routed.ownerId, benefitsId: routed.ownerId, benefitsBy: 'case_owner', typeCode };
  return {
    integrationId: routed.ownerId,
    benefitsId: benefitsStaffOf(routed, await repo.staff(trx, tenantId)),
    benefitsBy: 'benefits_staff',
    typeCode,
  };
}

/** The benefits and placement officer a case file names as contacts besides its owner (null: the owner). */
export function contactOfficerIds(
  routing: WorkRouting,
  file: { benefitsOfficerId: string | null; placementOfficerId: string | null },
): { benefitsId: string | null; placementId: string | null } {
  return {
    benefitsId: routing.contactForBenefits === 'benefits_staff' ? file.benefitsOfficerId : null,
    placementId: routing.placementTasks === 'placement_staff' ? file.placementOfficerId : null,
  };
}

/**
 * The contacts the case file shows (§ 14 SGB II), from the case file already loaded: no staff loads are
 * computed on this most-read path, so a benefits officer not yet recorded on the case shows as null.
 */
export async function careContactsOf(
  trx: Tx,
  tenantId: string,
  file: {
    caseManagerId: string;
    caseManagerName: string;
    placementOfficerId: string | null;
    benefitsOfficerId: string | null;
    birthDate: string;
  },
  on: string,
) {
  const model = (await modelsOf(trx, tenantId))[ageGroupOn(file.birthDate, on)];
  const routing = routingOf(model);
  const owner = { id: file.caseManagerId, displayName: file.caseManagerName };
  const { benefitsId, placementId } = contactOfficerIds(routing, file);
  const others = [benefitsId, placementId].filter((id): id is string => id !== null);
  const names = new Map((await repo.displayNames(trx, tenantId, others)).map((u) => [u.id, u.displayName]));
  const ref = (id: string | null) => (id === null ? null : { id, displayName: names.get(id) ?? '' });
  return {
    integration: owner,
    benefits: routing.contactForBenefits === 'case_owner' ? owner : ref(benefitsId),
    benefitsBy: routing.contactForBenefits,
    placement: routing.placementTasks === 'case_owner' ? owner : ref(placementId),
    iawType: iawTypeOf(model).code,
  };
}

/**
 * The owner of a new placement task of a case: {@link placementTaskOwner}. Where placement is specialised
 * and the case had no placement officer yet, the one picked becomes the case's placement officer (change
 * log), so the next task and the case file name the same person.
 */
export async function routePlacementTask(trx: Tx, actor: Actor, caseId: string): Promise<string> {
  const routed = await routedCase(trx, actor.tenantId, caseId);
  if (!routed) throw new Error(`case ${caseId} not found for routing`);
  const ownerId = await placementTaskOwner(trx, actor.tenantId, caseId);
  if (routed.routing.placementTasks === 'placement_staff' && ownerId !== routed.ownerId && ownerId !== routed.placementOfficerId) {
    await repo.setCasePeopleUnversioned(trx, actor.tenantId, caseId, {
      caseManagerId: routed.ownerId,
      placementOfficerId: ownerId,
      benefitsOfficerId: routed.benefitsOfficerId,
    });
    await audit.appendChange(
      trx,
      actor,
      'case',
      caseId,
      'update',
      { placementOfficerId: routed.placementOfficerId },
      { placementOfficerId: ownerId, routedBy: 'organisation_model' },
    );
  }
  return ownerId;
}

/** Who a placement task of a case goes to: its placement officer where placement is specialised, else the owner. */
export async function placementTaskOwner(trx: Tx, tenantId: string, caseId: string): Promise<string> {
  const routed = await routedCase(trx, tenantId, caseId);
  if (!routed) throw new Error(`case ${caseId} not found for routing`);
  if (routed.routing.placementTasks === 'case_owner') return routed.ownerId;
  const staff = await repo.staff(trx, tenantId);
  const recorded = staff.find((s) => s.id === routed.placementOfficerId && s.roles.includes('placement_officer'));
  if (recorded) return recorded.id;
  const ownerTeamId = staff.find((s) => s.id === routed.ownerId)?.teamId ?? null;
  return pickStaff('placement_staff', staff, { ownerTeamId, mixedTeams: routed.model.mixedTeams })?.id ?? routed.ownerId;
}

/** What the routing did when case management became indicated. */
export interface IndicationRouting {
  ownerId: string;
  previousOwnerId: string;
  placementOfficerId: string | null;
  benefitsOfficerId: string | null;
  /** Expert model: the follow-up created for an expert, and who it went to. */
  expertConsultation: { followUpId: string; expertId: string } | null;
  typeCode: string;
}

/**
 * Applies the model when case management becomes indicated for a case (the lifecycle's `indicate`):
 * under a specialised model with dedicated staff the least-loaded case manager of a case-management
 * team becomes the owner; otherwise the case stays. Placement and benefits officers are set as the model
 * wants (null: the owner does it). Under the expert model an expert for case management receives a
 * consultation task. Records the change in the change log; the caller locked the case and bumps its version.
 */
export async function routeOnIndication(trx: Tx, actor: Actor & { userId: string }, caseId: string): Promise<IndicationRouting> {
  const row = await repo.routingCase(trx, actor.tenantId, caseId);
  const routed = await routedCase(trx, actor.tenantId, caseId);
  if (!row || !routed) throw new Error(`case ${caseId} not found for routing`);
  const status = row.status;
  const staff = await repo.staff(trx, actor.tenantId);
  const models = { u25: routed.model, ue25: routed.model };
  const [plan] = planAssignments(
    models,
    [
      {
        id: caseId,
        ageGroup: routed.ageGroup,
        caseManagement: true,
        ownerId: routed.ownerId,
        placementOfficerId: routed.placementOfficerId,
        benefitsOfficerId: routed.benefitsOfficerId,
      },
    ],
    staff,
    { keepExisting: true },
  );
  if (!plan) throw new Error('no assignment planned');
  const before = {
    caseManagerId: routed.ownerId,
    placementOfficerId: routed.placementOfficerId,
    benefitsOfficerId: routed.benefitsOfficerId,
  };
  const after = {
    caseManagerId: plan.ownerId,
    placementOfficerId: plan.placementOfficerId,
    benefitsOfficerId: plan.benefitsOfficerId,
  };
  const typeCode = iawTypeOf(routed.model).code;
  const changed = (Object.keys(before) as (keyof typeof before)[]).filter((k) => before[k] !== after[k]);
  if (changed.length > 0) {
    await repo.setCasePeopleUnversioned(trx, actor.tenantId, caseId, after);
    if (after.caseManagerId !== before.caseManagerId) {
      const names = new Map((await repo.displayNames(trx, actor.tenantId, [after.caseManagerId])).map((u) => [u.id, u.displayName]));
      await repo.insertTransition(trx, {
        tenantId: actor.tenantId,
        id: randomUUID(),
        caseId,
        actorId: actor.userId,
        action: 'reassign',
        fromStatus: status,
        toStatus: status,
        reason: `Nach dem Organisationsmodell (Typ ${typeCode}, spezialisiertes Fallmanagement) übernimmt ${names.get(after.caseManagerId) ?? 'eine Fallmanagerin / ein Fallmanager'} aus einem Fallmanagement-Team den Fall.`,
      });
    }
    await audit.appendChange(trx, actor, 'case', caseId, 'update', Object.fromEntries(changed.map((k) => [k, before[k]])), {
      ...Object.fromEntries(changed.map((k) => [k, after[k]])),
      routedBy: 'organisation_model',
      iawType: typeCode,
    });
  }
  let expertConsultation: IndicationRouting['expertConsultation'] = null;
  if (plan.consultExpert) {
    const ownerTeamId = staff.find((s) => s.id === plan.ownerId)?.teamId ?? null;
    const expert = pickStaff(
      'case_management_staff',
      staff.filter((s) => s.id !== plan.ownerId),
      { ownerTeamId, mixedTeams: routed.model.mixedTeams },
    );
    if (expert) {
      const followUpId = randomUUID();
      const row = {
        tenantId: actor.tenantId,
        id: followUpId,
        caseId,
        title: 'Fallmanagement-Expertise einbringen (Expertenmodell)',
        dueOn: addDays(todayInGermany(), 7),
        ownerId: expert.id,
        kind: 'expert_consultation' as const,
        sourceId: caseId,
      };
      await repo.insertFollowUp(trx, row);
      const { tenantId: _t, id: _i, ...logged } = row;
      await audit.appendChange(trx, actor, 'follow_up', followUpId, 'create', null, logged);
      expertConsultation = { followUpId, expertId: expert.id };
    }
  }
  return {
    ownerId: plan.ownerId,
    previousOwnerId: routed.ownerId,
    placementOfficerId: plan.placementOfficerId,
    benefitsOfficerId: plan.benefitsOfficerId,
    expertConsultation,
    typeCode,
  };
}
