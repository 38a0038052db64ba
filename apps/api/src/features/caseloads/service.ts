import type {
  AgeSplitCounts,
  CaseloadComparison,
  CaseloadComparisonRequest,
  CaseloadModelView,
  CaseloadQuery,
  CaseloadReport,
  CaseloadTargetSet,
  ComparisonPerson,
  PlannedLoadCounts,
  PutCaseloadTargetsRequest,
  StaffCaseload,
  StaffCaseloadRow,
  TeamCaseload,
  TeamCaseloadRow,
} from '@lotse/contracts';
import { type Database, type Tx, withTenant } from '@lotse/db';
import {
  AGE_GROUPS,
  type AgeGroup,
  type AgeSplit,
  AppError,
  ageGroupOn,
  CASELOAD_ROLES,
  type CareModel,
  type CaseAssignment,
  type CaseForRouting,
  type CaseloadRole,
  type CaseloadTarget,
  countedAgeGroups,
  DEFAULT_CARE_MODEL,
  duplicateTargetIndex,
  type EffectiveTarget,
  effectiveTargets,
  emptyPlannedLoad,
  emptySplit,
  iawTypeOf,
  loadPercent,
  loadShare,
  loadStatus,
  NO_TEAM_LABEL_DE,
  type PlannedLoad,
  planAssignments,
  plannedLoads,
  type Role,
  routingOf,
  type StaffCandidate,
  splitTotal,
  todayInGermany,
} from '@lotse/domain';
import type { Kysely } from 'kysely';
import type { AppConfig } from '../../config';
import type { AuthContext } from '../../http/access';
import { AuditRepository } from '../audit/repository';
import { ensureTenantCaseDefaults } from '../catalogue/service';
import { DEFAULT_STEERING_RULES } from '../quality/service';
import { type CaseloadCaseRow, CaseloadRepository, type CaseloadStaffRow } from './repository';

const audit = new AuditRepository();
const repo = new CaseloadRepository();

/** The field a case gives each role: the owner is the case manager responsible. */
const CASE_FIELD: Record<CaseloadRole, 'caseManagerId' | 'placementOfficerId' | 'benefitsOfficerId'> = {
  case_manager: 'caseManagerId',
  placement_officer: 'placementOfficerId',
  benefits_officer: 'benefitsOfficerId',
};

const counts = (split: AgeSplit): AgeSplitCounts => ({ u25: split.u25, ue25: split.ue25, total: splitTotal(split) });

/** A case is under case management once it is past intake (the indication met or chosen). */
const underCaseManagement = (status: string) => status !== 'intake';

type Models = Record<AgeGroup, CareModel>;

/**
 * Caseloads (SPEC C14; docs/caseloads.md): targets per role and age group (administrators), the current
 * load per staff member and team against them, and the comparison of the organisation model with an
 * alternative on the tenant's open cases. Reads only staff names and counts; the comparison writes nothing.
 */
export class CaseloadService {
  constructor(
    readonly db: Kysely<Database>,
    readonly config: AppConfig,
  ) {}

  // ——— targets ———

  targets(auth: AuthContext): Promise<CaseloadTargetSet> {
    return withTenant(this.db, auth.tenantId, (trx) => targetSet(trx, auth.tenantId));
  }

  /** Replaces the whole set (rows not listed are removed); If-Match on the set's version. */
  replaceTargets(auth: AuthContext, expectedVersion: number, input: PutCaseloadTargetsRequest): Promise<CaseloadTargetSet> {
    const duplicate = duplicateTargetIndex(input.targets);
    if (duplicate >= 0) {
      const d = input.targets[duplicate];
      throw new AppError('VALIDATION_FAILED', {
        fields: [
          {
            field: `targets.${duplicate}.ageGroup`,
            code: 'duplicate',
            message: 'Für diese Funktion und Altersgruppe ist bereits ein Zielwert angegeben.',
          },
        ],
        detail: {
          de: `Jede Kombination aus Funktion und Altersgruppe darf nur einmal vorkommen (doppelt: ${d?.role}/${d?.ageGroup}).`,
          en: `Each combination of role and age group may appear only once (repeated: ${d?.role}/${d?.ageGroup}).`,
        },
      });
    }
    return withTenant(this.db, auth.tenantId, async (trx) => {
      let steering = await repo.steering(trx, auth.tenantId, { forUpdate: true });
      if (!steering) {
        // An older tenant without case rules gets its defaults first (the set's version lives there).
        await ensureTenantCaseDefaults(trx, auth.tenantId);
        steering = await repo.steering(trx, auth.tenantId, { forUpdate: true });
      }
      if (!steering) throw new Error('case rules missing after ensuring them');
      if (steering.caseloadTargetsVersion !== expectedVersion) throw new AppError('PRECONDITION_FAILED');
      const before = await repo.targets(trx, auth.tenantId);
      const wanted: CaseloadTarget[] = input.targets.map((t) => ({ role: t.role, ageGroup: t.ageGroup, targetCases: t.targetCases }));
      if (sameTargets(before, wanted)) return targetSet(trx, auth.tenantId);
      await repo.replaceTargets(trx, auth.tenantId, wanted);
      await repo.bumpTargetsVersion(trx, auth.tenantId);
      const after = await targetSet(trx, auth.tenantId);
      await audit.appendChange(trx, auth, 'caseload_targets', auth.tenantId, 'update', { targets: before }, { targets: after.targets });
      return after;
    });
  }

  // ——— current caseloads ———

  caseloads(auth: AuthContext, query: CaseloadQuery): Promise<CaseloadReport> {
    const on = todayInGermany(this.config.now());
    const counted = countedAgeGroups(query.ageGroup);
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const set = await targetSet(trx, auth.tenantId);
      const cases = await repo.openCases(trx, auth.tenantId);
      const staff = await repo.staff(trx, auth.tenantId, holdersOf(cases));
      const model = await currentModels(trx, auth.tenantId);
      const targetOf = targetLookup(set.effective, counted);

      // Per person and role: the open cases by age group (only the counted age groups).
      const held = new Map<string, Record<CaseloadRole, AgeSplit>>();
      const of = (id: string) => {
        let entry = held.get(id);
        if (!entry) {
          entry = { case_manager: emptySplit(), placement_officer: emptySplit(), benefits_officer: emptySplit() };
          held.set(id, entry);
        }
        return entry;
      };
      let openCases = 0;
      for (const c of cases) {
        const group = ageGroupOn(c.birthDate, on);
        if (!counted.includes(group)) continue;
        openCases += 1;
        for (const role of CASELOAD_ROLES) {
          const id = c[CASE_FIELD[role]];
          if (id !== null) of(id)[role][group] += 1;
        }
      }

      const staffLoads: Array<{ row: CaseloadStaffRow; loads: StaffCaseloadRow[]; split: Record<CaseloadRole, AgeSplit> }> = [];
      for (const person of staff) {
        const split = of(person.id);
        const loads: StaffCaseloadRow[] = [];
        for (const role of CASELOAD_ROLES) {
          const holdsRole = !person.disabled && person.roles.includes(role);
          const roleCases = split[role];
          if (!holdsRole && splitTotal(roleCases) === 0) continue;
          const target = targetOf(role);
          // Someone without the role (e.g. disabled) has no target to be measured against.
          const share = holdsRole ? loadShare(roleCases, target, counted) : null;
          loads.push({ role, holdsRole, cases: counts(roleCases), target, percent: loadPercent(share), status: loadStatus(share) });
        }
        if (loads.length > 0) staffLoads.push({ row: person, loads, split });
      }

      const teamSum = (teamId: string | null, name: string, members: typeof staffLoads): TeamCaseload => {
        const rows: TeamCaseloadRow[] = [];
        for (const role of CASELOAD_ROLES) {
          const cases = emptySplit();
          let holders = 0;
          for (const m of members) {
            const load = m.loads.find((l) => l.role === role);
            if (!load) continue;
            if (load.holdsRole) holders += 1;
            for (const g of AGE_GROUPS) cases[g] += m.split[role][g];
          }
          if (holders === 0 && splitTotal(cases) === 0) continue;
          const target = targetOf(role);
          const capacity = {
            u25: target.u25 === null ? null : holders * target.u25,
            ue25: target.ue25 === null ? null : holders * target.ue25,
          };
          const share = loadShare(cases, target, counted, holders);
          rows.push({ role, staff: holders, cases: counts(cases), capacity, percent: loadPercent(share), status: loadStatus(share) });
        }
        return { teamId, name, rows };
      };

      const byTeam = new Map<string | null, typeof staffLoads>();
      for (const s of staffLoads) {
        const members = byTeam.get(s.row.teamId) ?? [];
        members.push(s);
        byTeam.set(s.row.teamId, members);
      }
      const teams = [...byTeam.entries()]
        .map(([teamId, members]) => teamSum(teamId, teamId === null ? NO_TEAM_LABEL_DE : (members[0]?.row.teamName ?? ''), members))
        .sort((a, b) => (a.teamId === null ? 1 : b.teamId === null ? -1 : a.name.localeCompare(b.name, 'de')));

      return {
        on,
        ageGroup: query.ageGroup,
        openCases,
        targets: set.effective,
        model: modelPair(model),
        staff: staffLoads.map(
          (s): StaffCaseload => ({
            userId: s.row.id,
            displayName: s.row.displayName,
            teamId: s.row.teamId,
            teamName: s.row.teamName,
            disabled: s.row.disabled,
            rows: s.loads,
          }),
        ),
        teams,
        total: teamSum(null, 'Insgesamt', staffLoads),
      };
    });
  }

  // ——— comparison ———

  /**
   * The open cases assigned afresh under the current model and under the alternative (read-only): per
   * person the cases owned, served for placement and for benefits, and the hand-offs of owned cases.
   */
  compare(auth: AuthContext, alternative: CaseloadComparisonRequest): Promise<CaseloadComparison> {
    const on = todayInGermany(this.config.now());
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const rows = await repo.openCases(trx, auth.tenantId);
      const staff = await repo.staff(trx, auth.tenantId, holdersOf(rows));
      const current = await currentModels(trx, auth.tenantId);
      const ageGroupOf = new Map(rows.map((c) => [c.id, ageGroupOn(c.birthDate, on)]));
      const cases = rows.map((c): CaseForRouting => routingCase(c, ageGroupOf.get(c.id) as AgeGroup));
      const candidates = staffCandidates(staff, rows);
      // Both plans as if every case were assigned afresh, from the same loads, so they compare like for like.
      const currentPlan = planAssignments(current.models, cases, candidates, { keepExisting: false });
      const alternativeModels: Models = { u25: alternative.u25, ue25: alternative.ue25 };
      const alternativePlan = planAssignments(alternativeModels, cases, candidates, { keepExisting: false });
      const currentLoads = plannedLoads(currentPlan, ageGroupOf);
      const alternativeLoads = plannedLoads(alternativePlan, ageGroupOf);

      const people: ComparisonPerson[] = [];
      for (const person of staff) {
        const roles = CASELOAD_ROLES.filter((r) => !person.disabled && person.roles.includes(r));
        const before = currentLoads.get(person.id) ?? emptyPlannedLoad();
        const after = alternativeLoads.get(person.id) ?? emptyPlannedLoad();
        if (roles.length === 0 && isEmpty(before) && isEmpty(after)) continue;
        people.push({
          userId: person.id,
          displayName: person.displayName,
          teamName: person.teamName,
          roles,
          current: plannedCounts(before),
          alternative: plannedCounts(after),
          difference: {
            owner: splitTotal(after.owner) - splitTotal(before.owner),
            placement: splitTotal(after.placement) - splitTotal(before.placement),
            benefits: splitTotal(after.benefits) - splitTotal(before.benefits),
            handOffs: after.handOffs - before.handOffs,
          },
        });
      }
      const ownerChanges = currentPlan.filter((a, i) => alternativePlan[i]?.ownerId !== a.ownerId).length;
      return {
        on,
        openCases: rows.length,
        current: modelPair(current),
        alternative: modelPair({ models: alternativeModels, stored: { u25: false, ue25: false } }, 'proposed'),
        people,
        totals: {
          current: planTotals(currentPlan, current.models, ageGroupOf),
          alternative: planTotals(alternativePlan, alternativeModels, ageGroupOf),
        },
        ownerChanges,
      };
    });
  }
}

/** The stored set with what applies after the fallbacks; version 1 while the tenant has no case rules row. */
async function targetSet(trx: Tx, tenantId: string): Promise<CaseloadTargetSet> {
  const targets = await repo.targets(trx, tenantId);
  const steering = await repo.steering(trx, tenantId);
  const caseRulesTarget = steering?.caseloadTarget ?? DEFAULT_STEERING_RULES.caseloadTarget;
  return {
    targets,
    effective: effectiveTargets(targets, caseRulesTarget),
    caseRulesTarget,
    version: steering?.caseloadTargetsVersion ?? 1,
  };
}

function sameTargets(a: readonly CaseloadTarget[], b: readonly CaseloadTarget[]): boolean {
  const key = (list: readonly CaseloadTarget[]) =>
    list
      .map((t) => `${t.role}|${t.ageGroup}|${t.targetCases}`)
      .sort()
      .join(',');
  return key(a) === key(b);
}

/** The effective targets of a role for the counted age groups (null for a group not counted). */
function targetLookup(effective: readonly EffectiveTarget[], counted: readonly AgeGroup[]) {
  return (role: CaseloadRole): Record<AgeGroup, number | null> => {
    const value = (g: AgeGroup) =>
      counted.includes(g) ? (effective.find((e) => e.role === role && e.ageGroup === g)?.targetCases ?? null) : null;
    return { u25: value('u25'), ue25: value('ue25') };
  };
}

async function currentModels(trx: Tx, tenantId: string): Promise<{ models: Models; stored: Record<AgeGroup, boolean> }> {
  const models: Models = { u25: { ...DEFAULT_CARE_MODEL }, ue25: { ...DEFAULT_CARE_MODEL } };
  const stored: Record<AgeGroup, boolean> = { u25: false, ue25: false };
  for (const row of await repo.models(trx, tenantId)) {
    models[row.ageGroup] = {
      caseManagement: row.caseManagement,
      placement: row.placement,
      benefits: row.benefits,
      mixedTeams: row.mixedTeams,
    };
    stored[row.ageGroup] = true;
  }
  return { models, stored };
}

function modelPair(pair: { models: Models; stored: Record<AgeGroup, boolean> }, source?: 'proposed'): Record<AgeGroup, CaseloadModelView> {
  const view = (g: AgeGroup): CaseloadModelView => {
    const type = iawTypeOf(pair.models[g]);
    return {
      model: pair.models[g],
      iawType: { code: type.code, meaningDe: type.meaningDe, notesDe: type.notesDe },
      source: source ?? (pair.stored[g] ? 'stored' : 'default'),
    };
  };
  return { u25: view('u25'), ue25: view('ue25') };
}

/** Everyone an open case names as owner, placement or benefits officer. */
function holdersOf(cases: readonly CaseloadCaseRow[]): string[] {
  const ids = new Set<string>();
  for (const c of cases) for (const id of [c.caseManagerId, c.placementOfficerId, c.benefitsOfficerId]) if (id !== null) ids.add(id);
  return [...ids];
}

function routingCase(c: CaseloadCaseRow, ageGroup: AgeGroup): CaseForRouting {
  return {
    id: c.id,
    ageGroup,
    caseManagement: underCaseManagement(c.status),
    ownerId: c.caseManagerId,
    placementOfficerId: c.placementOfficerId,
    benefitsOfficerId: c.benefitsOfficerId,
  };
}

/**
 * The staff a plan may hand cases to, with their load now (the open cases they hold in any role).
 * Disabled people and people without a case-carrying role stay in the list without roles: nobody picks
 * them, but the cases they still own keep their team (mixed teams route within the owner's team).
 */
function staffCandidates(staff: readonly CaseloadStaffRow[], cases: readonly CaseloadCaseRow[]): StaffCandidate[] {
  const load = new Map<string, number>();
  for (const c of cases) {
    for (const id of new Set([c.caseManagerId, c.placementOfficerId, c.benefitsOfficerId])) {
      if (id !== null) load.set(id, (load.get(id) ?? 0) + 1);
    }
  }
  return staff.map((s) => ({
    id: s.id,
    roles: s.disabled ? [] : (s.roles as Role[]),
    teamId: s.teamId,
    teamFunction: s.teamFunction,
    load: load.get(s.id) ?? 0,
  }));
}

const isEmpty = (load: PlannedLoad) =>
  load.handOffs === 0 && splitTotal(load.owner) + splitTotal(load.placement) + splitTotal(load.benefits) === 0;

function plannedCounts(load: PlannedLoad): PlannedLoadCounts {
  return { owner: counts(load.owner), placement: counts(load.placement), benefits: counts(load.benefits), handOffs: load.handOffs };
}

function planTotals(plan: readonly CaseAssignment[], models: Models, ageGroupOf: ReadonlyMap<string, AgeGroup>) {
  let handOffs = 0;
  let expertConsultations = 0;
  let placementUnstaffed = 0;
  let benefitsUnstaffed = 0;
  for (const a of plan) {
    const routing = routingOf(models[ageGroupOf.get(a.caseId) as AgeGroup]);
    handOffs += a.handOffs;
    if (a.consultExpert) expertConsultations += 1;
    if (routing.placementTasks === 'placement_staff' && a.placementOfficerId === null) placementUnstaffed += 1;
    if (routing.sanctionDecision === 'benefits_staff' && a.benefitsOfficerId === null) benefitsUnstaffed += 1;
  }
  return { handOffs, expertConsultations, placementUnstaffed, benefitsUnstaffed };
}
