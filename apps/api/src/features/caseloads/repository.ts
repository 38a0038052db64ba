import type { Tx } from '@lotse/db';
import { CASELOAD_ROLES, type CaseloadRole, type CaseloadTarget, type CaseloadTargetGroup, OPEN_CASE_STATUSES } from '@lotse/domain';
import { sql } from 'kysely';

/** A staff member as the caseloads see them: who they are, their team and its function. */
export interface CaseloadStaffRow {
  id: string;
  displayName: string;
  roles: string[];
  disabled: boolean;
  teamId: string | null;
  teamName: string | null;
  teamFunction: 'case_management' | 'placement' | 'benefits' | 'mixed' | null;
}

/** An open case with its people and the person's birth date (for the age group on the day). */
export interface CaseloadCaseRow {
  id: string;
  status: string;
  caseManagerId: string;
  placementOfficerId: string | null;
  benefitsOfficerId: string | null;
  birthDate: string;
}

/**
 * The SQL of the caseloads (SPEC C14): targets, the steering row of the case rules, staff, open cases
 * and the organisation model. Only staff names and counts leave the feature; every query filters by
 * tenant besides row-level security.
 */
export class CaseloadRepository {
  async targets(trx: Tx, tenantId: string): Promise<CaseloadTarget[]> {
    const rows = await trx
      .selectFrom('caseloadTargets')
      .select(['role', 'ageGroup', 'targetCases'])
      .where('tenantId', '=', tenantId)
      .execute();
    const roleOrder = (r: CaseloadRole) => CASELOAD_ROLES.indexOf(r);
    const groupOrder: Record<CaseloadTargetGroup, number> = { u25: 0, ue25: 1, all: 2 };
    return rows.sort((a, b) => roleOrder(a.role) - roleOrder(b.role) || groupOrder[a.ageGroup] - groupOrder[b.ageGroup]);
  }

  /** The case rules' caseload target and the version of the target set; the row is locked for a change. */
  steering(trx: Tx, tenantId: string, options: { forUpdate?: boolean } = {}) {
    let query = trx.selectFrom('tenantCaseRules').select(['caseloadTarget', 'caseloadTargetsVersion']).where('tenantId', '=', tenantId);
    if (options.forUpdate) query = query.forUpdate();
    return query.executeTakeFirst();
  }

  async replaceTargets(trx: Tx, tenantId: string, targets: readonly CaseloadTarget[]) {
    await trx.deleteFrom('caseloadTargets').where('tenantId', '=', tenantId).execute();
    if (targets.length === 0) return;
    await trx
      .insertInto('caseloadTargets')
      .values(targets.map((t) => ({ tenantId, role: t.role, ageGroup: t.ageGroup, targetCases: t.targetCases, updatedAt: new Date() })))
      .execute();
  }

  async bumpTargetsVersion(trx: Tx, tenantId: string) {
    await trx
      .updateTable('tenantCaseRules')
      .set((eb) => ({ caseloadTargetsVersion: eb('caseloadTargetsVersion', '+', 1) }))
      .where('tenantId', '=', tenantId)
      .execute();
  }

  /**
   * Everyone who carries or may carry cases: active users with a case-carrying role, and anyone (also
   * disabled, or without the role) among `holderIds` — the people the open cases name (read with them,
   * so no per-user look-up into the cases is needed).
   */
  async staff(trx: Tx, tenantId: string, holderIds: readonly string[]): Promise<CaseloadStaffRow[]> {
    // Snake-case aliases: the camel-case plugin turns them into the row's field names.
    const { rows } = await sql<CaseloadStaffRow>`
      select u.id, u.display_name, u.roles, u.disabled, u.team_id, t.name as team_name, t.function as team_function
        from users u
        left join teams t on t.tenant_id = u.tenant_id and t.id = u.team_id
       where u.tenant_id = ${tenantId}
         and ((not u.disabled and u.roles && ${sql.val([...CASELOAD_ROLES])}::text[])
              or u.id = any(${sql.val([...holderIds])}::uuid[]))
       order by u.display_name, u.id`.execute(trx);
    return rows;
  }

  /** The tenant's open cases, oldest first (the order an assignment plan hands them out in). */
  openCases(trx: Tx, tenantId: string): Promise<CaseloadCaseRow[]> {
    return trx
      .selectFrom('cases as c')
      .innerJoin('persons as p', (join) => join.onRef('p.tenantId', '=', 'c.tenantId').onRef('p.id', '=', 'c.personId'))
      .select(['c.id', 'c.status', 'c.caseManagerId', 'c.placementOfficerId', 'c.benefitsOfficerId', 'p.birthDate'])
      .where('c.tenantId', '=', tenantId)
      .where('c.status', 'in', OPEN_CASE_STATUSES)
      .orderBy('c.openedOn')
      .orderBy('c.id')
      .execute();
  }

  /** The stored organisation model rows (an age group without a row has the default model). */
  models(trx: Tx, tenantId: string) {
    return trx
      .selectFrom('organisationModels')
      .select(['ageGroup', 'caseManagement', 'placement', 'benefits', 'mixedTeams'])
      .where('tenantId', '=', tenantId)
      .execute();
  }
}
