import { type SanctionEventsTable, type SanctionsTable, type Tx, updateIfVersion } from '@lotse/db';
import { DEFAULT_SANCTION_RULES, OCCUPYING_REFERRAL_STATUSES, SANCTION_SENSITIVE_SERVICES, type SanctionRuleInput } from '@lotse/domain';
import { type Insertable, sql } from 'kysely';

export type SanctionRuleRow = NonNullable<Awaited<ReturnType<SanctionRepository['findRule']>>>;
export type DutyRecord = NonNullable<Awaited<ReturnType<SanctionRepository['findDuty']>>>;
export type SanctionRecord = NonNullable<Awaited<ReturnType<SanctionRepository['findSanction']>>>;

const DUTY_COLUMNS = [
  'd.id',
  'd.caseId',
  'd.form',
  'd.setOn',
  'd.description',
  'd.legalConsequencesNotice',
  'd.agreementVersionId',
  'd.appointmentOn',
  'd.createdBy',
  'du.displayName as createdByName',
  'd.createdAt',
] as const;

/** Rule-table columns of a new or edited row. */
function ruleValues(rule: SanctionRuleInput) {
  return {
    code: rule.code,
    title: rule.title,
    validFrom: rule.validFrom,
    validTo: rule.validTo,
    dutyForms: [...rule.dutyForms],
    dutyStages: JSON.stringify(rule.dutyStages),
    appointmentStages: JSON.stringify(rule.appointmentStages),
    repeatWithinMonths: rule.repeatWithinMonths,
    appointmentStopAfter: rule.appointmentStopAfter,
    legalBasis: rule.legalBasis,
    sourceNote: rule.sourceNote,
  };
}

/** The sanction rule table, documented duties, sanctions and their history (SPEC C16). */
export class SanctionRepository {
  // ——— rule table ———

  rules(trx: Tx, tenantId: string) {
    return trx.selectFrom('sanctionRules').selectAll().where('tenantId', '=', tenantId).orderBy('validFrom').execute();
  }

  findRule(trx: Tx, tenantId: string, id: string, options: { forUpdate?: boolean } = {}) {
    let query = trx.selectFrom('sanctionRules').selectAll().where('tenantId', '=', tenantId).where('id', '=', id);
    if (options.forUpdate) query = query.forUpdate();
    return query.executeTakeFirst();
  }

  /**
   * Serialises changes of a tenant's rule table (the overlap check reads all rows, then writes one):
   * a transaction-scoped advisory lock per tenant, released at commit.
   */
  async lockRuleTable(trx: Tx, tenantId: string) {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`sanction_rules:${tenantId}`}, 0))`.execute(trx);
  }

  insertRule(trx: Tx, tenantId: string, id: string, rule: SanctionRuleInput) {
    return trx
      .insertInto('sanctionRules')
      .values({ tenantId, id, ...ruleValues(rule) })
      .execute();
  }

  async updateRule(trx: Tx, tenantId: string, id: string, expectedVersion: number, rule: SanctionRuleInput): Promise<boolean> {
    const result = await trx
      .updateTable('sanctionRules')
      .set({ ...ruleValues(rule), version: sql`version + 1`, updatedAt: sql`now()` })
      .where('tenantId', '=', tenantId)
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /**
   * Gives a tenant without any rule the default periods. A tenant that has rows keeps them as its
   * administrators left them (defaults are never added to an edited table: they could overlap).
   */
  async ensureDefaults(trx: Tx, tenantId: string, newId: () => string) {
    await this.lockRuleTable(trx, tenantId);
    const existing = await trx.selectFrom('sanctionRules').select('id').where('tenantId', '=', tenantId).limit(1).executeTakeFirst();
    if (existing) return;
    await trx
      .insertInto('sanctionRules')
      .values(DEFAULT_SANCTION_RULES.map((rule) => ({ tenantId, id: newId(), ...ruleValues(rule) })))
      .execute();
  }

  // ——— duties ———

  private dutyQuery(trx: Tx, tenantId: string) {
    return trx
      .selectFrom('sanctionDuties as d')
      .innerJoin('users as du', (join) => join.onRef('du.tenantId', '=', 'd.tenantId').onRef('du.id', '=', 'd.createdBy'))
      .select(DUTY_COLUMNS)
      .where('d.tenantId', '=', tenantId);
  }

  dutiesOfCase(trx: Tx, tenantId: string, caseId: string) {
    return this.dutyQuery(trx, tenantId).where('d.caseId', '=', caseId).orderBy('d.setOn', 'desc').orderBy('d.createdAt', 'desc').execute();
  }

  findDuty(trx: Tx, tenantId: string, id: string) {
    return this.dutyQuery(trx, tenantId).where('d.id', '=', id).executeTakeFirst();
  }

  insertDuty(
    trx: Tx,
    row: {
      tenantId: string;
      id: string;
      caseId: string;
      form: DutyRecord['form'];
      setOn: string;
      description: string;
      legalConsequencesNotice: boolean;
      agreementVersionId: string | null;
      appointmentOn: string | null;
      createdBy: string;
    },
  ) {
    return trx.insertInto('sanctionDuties').values(row).execute();
  }

  agreementVersion(trx: Tx, tenantId: string, caseId: string, id: string) {
    return trx
      .selectFrom('agreementVersions')
      .select(['id', 'kind', 'agreedOn', 'versionNo'])
      .where('tenantId', '=', tenantId)
      .where('caseId', '=', caseId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  // ——— sanctions ———

  private sanctionQuery(trx: Tx, tenantId: string) {
    return trx
      .selectFrom('sanctions as s')
      .leftJoin('users as db', (join) => join.onRef('db.tenantId', '=', 's.tenantId').onRef('db.id', '=', 's.decidedBy'))
      .leftJoin('users as ho', (join) => join.onRef('ho.tenantId', '=', 's.tenantId').onRef('ho.id', '=', 's.handedOffTo'))
      .selectAll('s')
      .select(['db.displayName as decidedByName', 'ho.displayName as handedOffToName'])
      .where('s.tenantId', '=', tenantId);
  }

  sanctionsOfCase(trx: Tx, tenantId: string, caseId: string) {
    return this.sanctionQuery(trx, tenantId)
      .where('s.caseId', '=', caseId)
      .orderBy('s.breachOn', 'desc')
      .orderBy('s.createdAt', 'desc')
      .execute();
  }

  findSanction(trx: Tx, tenantId: string, id: string) {
    return this.sanctionQuery(trx, tenantId).where('s.id', '=', id).executeTakeFirst();
  }

  /** Locks the sanction row for a step (after its case was locked, the order every change of a case part keeps). */
  lockSanction(trx: Tx, tenantId: string, id: string) {
    return trx
      .selectFrom('sanctions')
      .select(['id', 'version', 'status'])
      .where('tenantId', '=', tenantId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  }

  insertSanction(trx: Tx, row: Insertable<SanctionsTable>) {
    return trx.insertInto('sanctions').values(row).execute();
  }

  updateSanction(trx: Tx, tenantId: string, id: string, expectedVersion: number, changes: Record<string, unknown>) {
    return updateIfVersion(trx, 'sanctions', tenantId, id, expectedVersion, changes);
  }

  /** The person's sanctions decided so far (any case): they decide the repetition of a later one. */
  decidedSanctionsOfPerson(trx: Tx, tenantId: string, personId: string) {
    return trx
      .selectFrom('sanctions')
      .select(['id', 'kind', 'breachOn', 'importantReasonAccepted', 'decision', 'repetition', 'startsOn', 'ruleSnapshot', 'dutyId'])
      .where('tenantId', '=', tenantId)
      .where('personId', '=', personId)
      .where('status', 'in', ['decided', 'handed_off'])
      .execute();
  }

  /** The person's appointment invitations (any case), for missed appointments in a row. */
  appointmentDutiesOfPerson(trx: Tx, tenantId: string, personId: string) {
    return trx
      .selectFrom('sanctionDuties as d')
      .innerJoin('cases as c', (join) => join.onRef('c.tenantId', '=', 'd.tenantId').onRef('c.id', '=', 'd.caseId'))
      .select(['d.id', 'd.appointmentOn'])
      .where('d.tenantId', '=', tenantId)
      .where('c.personId', '=', personId)
      .where('d.form', '=', 'appointment_invitation')
      .where('d.appointmentOn', 'is not', null)
      .execute();
  }

  /** Sanctions of any status on the given duties (whether an appointment was missed, excused or is open). */
  sanctionsOnDuties(trx: Tx, tenantId: string, dutyIds: string[]) {
    if (dutyIds.length === 0) return Promise.resolve([]);
    return trx
      .selectFrom('sanctions')
      .select(['id', 'dutyId', 'kind', 'status', 'importantReasonAccepted'])
      .where('tenantId', '=', tenantId)
      .where('dutyId', 'in', dutyIds)
      .execute();
  }

  /**
   * The service types of the person's running referrals in addiction or psychosocial care (accepted or
   * started, not ended), in any case of the person.
   */
  async activeSensitiveServices(trx: Tx, tenantId: string, personId: string): Promise<string[]> {
    const rows = await trx
      .selectFrom('referrals as r')
      .innerJoin('offers as o', (join) => join.onRef('o.tenantId', '=', 'r.tenantId').onRef('o.id', '=', 'r.offerId'))
      .select('o.serviceType')
      .distinct()
      .where('r.tenantId', '=', tenantId)
      .where('r.personId', '=', personId)
      .where('r.status', 'in', [...OCCUPYING_REFERRAL_STATUSES])
      .where('r.endedOn', 'is', null)
      .where('o.serviceType', 'in', [...SANCTION_SENSITIVE_SERVICES])
      .execute();
    return rows.map((r) => r.serviceType).sort();
  }

  async hearingDays(trx: Tx, tenantId: string): Promise<number> {
    const row = await trx.selectFrom('tenantCaseRules').select('hearingDays').where('tenantId', '=', tenantId).executeTakeFirst();
    return row?.hearingDays ?? 14;
  }

  insertFollowUp(
    trx: Tx,
    row: { tenantId: string; id: string; caseId: string; title: string; dueOn: string; ownerId: string; sourceId: string },
  ) {
    return trx
      .insertInto('followUps')
      .values({ ...row, kind: 'sanction_decision' })
      .execute();
  }

  insertEvent(trx: Tx, row: Insertable<SanctionEventsTable>) {
    return trx.insertInto('sanctionEvents').values(row).execute();
  }

  userName(trx: Tx, tenantId: string, id: string) {
    return trx.selectFrom('users').select(['id', 'displayName']).where('tenantId', '=', tenantId).where('id', '=', id).executeTakeFirst();
  }

  /** What the hearing letter prints: the Jobcenter, the person and the case manager. */
  letterContext(trx: Tx, tenantId: string, caseId: string) {
    return trx
      .selectFrom('cases as c')
      .innerJoin('tenants as t', 't.id', 'c.tenantId')
      .innerJoin('persons as p', (join) => join.onRef('p.tenantId', '=', 'c.tenantId').onRef('p.id', '=', 'c.personId'))
      .innerJoin('users as m', (join) => join.onRef('m.tenantId', '=', 'c.tenantId').onRef('m.id', '=', 'c.caseManagerId'))
      .select([
        't.name as tenantName',
        'p.firstName',
        'p.lastName',
        'p.customerNumber',
        'p.birthDate',
        'p.street',
        'p.houseNumber',
        'p.postalCode',
        'p.city',
        'm.displayName as caseManagerName',
        'm.email as caseManagerEmail',
      ])
      .where('c.tenantId', '=', tenantId)
      .where('c.id', '=', caseId)
      .executeTakeFirst();
  }
}
