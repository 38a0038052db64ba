import type { Tx } from '@lotse/db';
import type { Modul8SanctionFacts, Modul13ReferralFacts } from '@lotse/domain';
import { todayInGermany } from '@lotse/domain';
import { type RawBuilder, sql } from 'kysely';

/**
 * Which referrals a batch reads: those with a date in a window, or those of one offer not ended before
 * `notEndedBefore` (a referral's measures end with it at the latest). A window may also take the
 * referrals with a record delivered for a report month from its start up to `deliveredBefore` (first
 * day of a month, exclusive): the export must see them to withdraw what they no longer have.
 */
export type Modul13Scope =
  | { kind: 'window'; from: string; to: string; deliveredBefore: string | null }
  | { kind: 'offer'; offerId: string; notEndedBefore: string };

const FIRST_ID = '00000000-0000-0000-0000-000000000000';

interface BatchRow {
  referralId: string;
  offerId: string;
  status: string;
  startedOn: string | null;
  endedOn: string | null;
  serviceType: string;
  financingModel: string;
  measureBeginRule: 'start' | 'first_appointment';
  plannedDurationDays: number | null;
  personId: string;
  customerNumber: string | null;
  birthDate: string | null;
  sex: string;
  firstKeptAppointmentOn: string | null;
  closedAt: Date | string | null;
}

/**
 * A superset of the referrals with a statistics event in the window: a begin, an end, a kept
 * appointment, a childcare arrangement's begin or end, or the day it was closed unstarted; and those
 * with a delivered record in the window. The export derives the exact events in the domain
 * ({@link measuresOf}); this only keeps the scan small. Each branch is one index range (migrations
 * 20261124000000, 20261125120000, 20261126090000), so the cost follows the window, not the tenant's
 * history: an OR of EXISTS over the referrals was a scan of the whole history in every run.
 */
function scopeCondition(tenantId: string, scope: Modul13Scope): RawBuilder<unknown> {
  if (scope.kind === 'offer') return sql`r.offer_id = ${scope.offerId} and (r.ended_on is null or r.ended_on >= ${scope.notEndedBefore})`;
  const { from, to, deliveredBefore } = scope;
  const delivered =
    deliveredBefore === null
      ? sql``
      : sql`union
      select split_part(d.measure_key, ':', 1)::uuid from statistics_delivered_measures d
       where d.tenant_id = ${tenantId} and d.kind = 'modul13' and d.report_month >= ${from}::date and d.report_month < ${deliveredBefore}::date`;
  return sql`r.id in (
      select x.id from referrals x where x.tenant_id = ${tenantId} and x.started_on between ${from} and ${to}
      union
      select x.id from referrals x where x.tenant_id = ${tenantId} and x.ended_on between ${from} and ${to}
      union
      select f.referral_id from referral_feedback f
       where f.tenant_id = ${tenantId} and f.kind = 'appointment' and (f.fields->>'appointmentOn') between ${from} and ${to}
      union
      select a.referral_id from childcare_arrangements a where a.tenant_id = ${tenantId} and a.begins_on between ${from} and ${to}
      union
      select a.referral_id from childcare_arrangements a where a.tenant_id = ${tenantId} and a.ends_on between ${from} and ${to}
      union
      select t.referral_id from referral_transitions t
       where t.tenant_id = ${tenantId} and t.to_status in ('not_started', 'cancelled')
         and t.at >= ${from}::date - 1 and t.at < ${to}::date + 2
      ${delivered})`;
}

interface SanctionRow {
  sanctionId: string;
  status: string;
  decision: string | null;
  kind: Modul8SanctionFacts['kind'];
  dutyForm: string;
  startsOn: string | null;
  endsOn: string | null;
  amountCents: number | null;
  reductionPercent: number | null;
  fullStop: boolean;
  personId: string;
  customerNumber: string | null;
  birthDate: string | null;
  sex: string;
}

/** What the delivery log holds: measures (Modul 13) and Leistungsminderungen (Modul 8) apart. */
export type DeliveredKind = 'modul13' | 'modul8';

/** The only SQL of the § 51b export: batches of referral and sanction facts, the delivery log, offer budgets. */
export class StatisticsRepository {
  /**
   * One keyset-paginated batch (by referral id) of referrals in scope with everything the export
   * derives measures from (for an offer's scope without charges: those referrals are only counted).
   * Never more than `limit` referrals: the export streams batch by batch.
   */
  async referralBatch(
    trx: Tx,
    tenantId: string,
    scope: Modul13Scope,
    after: string | null,
    limit: number,
  ): Promise<Modul13ReferralFacts[]> {
    const { rows } = await sql<BatchRow>`
      select r.id as referral_id, r.offer_id, r.status, r.started_on, r.ended_on,
             o.service_type, o.financing_model, o.measure_begin_rule, o.planned_duration_days,
             p.id as person_id, p.customer_number, p.birth_date, p.sex,
             (select min(f.fields->>'appointmentOn') from referral_feedback f
               where f.tenant_id = r.tenant_id and f.referral_id = r.id and f.kind = 'appointment'
                 and f.fields->>'kept' = 'true') as first_kept_appointment_on,
             case when r.status in ('not_started', 'cancelled') then
               (select min(t.at) from referral_transitions t
                 where t.tenant_id = r.tenant_id and t.referral_id = r.id and t.to_status = r.status) end as closed_at
      from referrals r
      join offers o on o.tenant_id = r.tenant_id and o.id = r.offer_id
      join persons p on p.tenant_id = r.tenant_id and p.id = r.person_id
      where r.tenant_id = ${tenantId} and r.id > ${after ?? FIRST_ID}::uuid and ${scopeCondition(tenantId, scope)}
      order by r.id
      limit ${limit}`.execute(trx);
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.referralId);
    // An offer's referrals are only counted (average cost per case): their charges are not needed.
    const [arrangements, charges] = await Promise.all([
      this.arrangements(trx, tenantId, ids),
      scope.kind === 'offer' ? new Map<string, Modul13ReferralFacts['charges']>() : this.charges(trx, tenantId, ids),
    ]);
    return rows.map((row) => ({
      referralId: row.referralId,
      offerId: row.offerId,
      status: row.status,
      serviceType: row.serviceType,
      financingModel: row.financingModel,
      measureBeginRule: row.measureBeginRule,
      plannedDurationDays: row.plannedDurationDays,
      startedOn: row.startedOn,
      endedOn: row.endedOn,
      // The day in German time the referral was closed (not started / cancelled).
      closedOn: row.closedAt === null ? null : todayInGermany(new Date(row.closedAt)),
      firstKeptAppointmentOn: row.firstKeptAppointmentOn,
      person: { id: row.personId, customerNumber: row.customerNumber, birthDate: row.birthDate, sex: row.sex },
      arrangements: arrangements.get(row.referralId) ?? [],
      charges: charges.get(row.referralId) ?? [],
    }));
  }

  /**
   * One keyset-paginated batch (by sanction id) of the sanctions the window reports or corrects
   * (Modul 8): reductions starting in the window (index `sanctions_start`), and sanctions with a
   * record delivered for a month of the window before `deliveredBefore` — those may have been
   * withdrawn or changed since and must be read to cancel or correct what was delivered.
   */
  async sanctionBatch(
    trx: Tx,
    tenantId: string,
    scope: Extract<Modul13Scope, { kind: 'window' }>,
    after: string | null,
    limit: number,
  ): Promise<Modul8SanctionFacts[]> {
    const { from, to, deliveredBefore } = scope;
    const delivered =
      deliveredBefore === null
        ? sql``
        : sql`union
        select d.measure_key::uuid from statistics_delivered_measures d
         where d.tenant_id = ${tenantId} and d.kind = 'modul8' and d.report_month >= ${from}::date and d.report_month < ${deliveredBefore}::date`;
    const { rows } = await sql<SanctionRow>`
      select s.id as sanction_id, s.status, s.decision, s.kind, du.form as duty_form, s.starts_on, s.ends_on,
             s.amount_cents, s.reduction_percent, s.full_stop,
             p.id as person_id, p.customer_number, p.birth_date, p.sex
      from sanctions s
      join sanction_duties du on du.tenant_id = s.tenant_id and du.id = s.duty_id
      join persons p on p.tenant_id = s.tenant_id and p.id = s.person_id
      where s.tenant_id = ${tenantId} and s.id > ${after ?? FIRST_ID}::uuid and s.id in (
        select x.id from sanctions x
         where x.tenant_id = ${tenantId} and x.decision = 'reduce' and x.starts_on between ${from} and ${to}
        ${delivered})
      order by s.id
      limit ${limit}`.execute(trx);
    return rows.map((row) => ({
      sanctionId: row.sanctionId,
      status: row.status,
      decision: row.decision,
      kind: row.kind,
      dutyForm: row.dutyForm,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      amountCents: row.amountCents,
      reductionPercent: row.reductionPercent,
      fullStop: row.fullStop,
      person: { id: row.personId, customerNumber: row.customerNumber, birthDate: row.birthDate, sex: row.sex },
    }));
  }

  /** Referrals in scope, for the progress bar's total (a count, no rows). */
  async countReferrals(trx: Tx, tenantId: string, scope: Modul13Scope): Promise<number> {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int8 as n from referrals r where r.tenant_id = ${tenantId} and ${scopeCondition(tenantId, scope)}`.execute(trx);
    return rows[0]?.n ?? 0;
  }

  private async arrangements(trx: Tx, tenantId: string, referralIds: string[]) {
    const rows = await trx
      .selectFrom('childcareArrangements')
      .select(['referralId', 'id', 'beginsOn', 'endsOn'])
      .where('tenantId', '=', tenantId)
      .where('referralId', 'in', referralIds)
      .execute();
    const byReferral = new Map<string, Modul13ReferralFacts['arrangements']>();
    for (const row of rows) {
      const list = byReferral.get(row.referralId) ?? [];
      list.push({ id: row.id, beginsOn: row.beginsOn, endsOn: row.endsOn });
      byReferral.set(row.referralId, list);
    }
    return byReferral;
  }

  private async charges(trx: Tx, tenantId: string, referralIds: string[]) {
    const { rows } = await sql<{ referralId: string; serviceMonth: string; amountCents: number }>`
      select referral_id, service_month, sum(amount_cents)::int8 as amount_cents
      from referral_charges
      where tenant_id = ${tenantId} and referral_id in (${sql.join(referralIds)})
      group by referral_id, service_month`.execute(trx);
    const byReferral = new Map<string, Modul13ReferralFacts['charges']>();
    for (const row of rows) {
      const list = byReferral.get(row.referralId) ?? [];
      list.push({ serviceMonth: row.serviceMonth, amountCents: row.amountCents });
      byReferral.set(row.referralId, list);
    }
    return byReferral;
  }

  /** The prior year's plan of an offer (budget spent or planned, SGB II share). */
  async offerYearPlan(trx: Tx, tenantId: string, offerId: string, year: number) {
    const row = await trx
      .selectFrom('offerYearPlans')
      .select(['actualCostCents', 'plannedCostCents', 'sgb2SharePercent'])
      .where('tenantId', '=', tenantId)
      .where('offerId', '=', offerId)
      .where('year', '=', year)
      .executeTakeFirst();
    return row
      ? { actualCostCents: row.actualCostCents, plannedCostCents: row.plannedCostCents, sgb2SharePercent: Number(row.sgb2SharePercent) }
      : null;
  }

  // ——— delivery log ———

  /** Months (YYYY-MM) before `month` that were delivered at least once. */
  async deliveredMonthsBefore(trx: Tx, tenantId: string, month: string): Promise<string[]> {
    const rows = await trx
      .selectFrom('statisticsDeliveries')
      .select('month')
      .distinct()
      .where('tenantId', '=', tenantId)
      .where('kind', '=', 'modul13')
      .where('month', '<', `${month}-01`)
      .orderBy('month')
      .execute();
    return rows.map((r) => r.month.slice(0, 7));
  }

  /**
   * What was delivered for the measures of these referrals (Modul 13; for Modul 8: these sanctions) in
   * the report months from `fromMonth` up to (not including) `beforeMonth`: key → month → content hash.
   * By referral, not by current measure key, so that the keys a referral no longer has (a removed
   * childcare arrangement) are found too.
   */
  async deliveredHashes(
    trx: Tx,
    tenantId: string,
    kind: DeliveredKind,
    referralIds: string[],
    fromMonth: string,
    beforeMonth: string,
  ): Promise<Map<string, Map<string, string>>> {
    const result = new Map<string, Map<string, string>>();
    if (referralIds.length === 0) return result;
    const { rows } = await sql<{ measureKey: string; reportMonth: string; contentHash: string }>`
      select measure_key, report_month, content_hash from statistics_delivered_measures
      where tenant_id = ${tenantId} and kind = ${kind}
        and split_part(measure_key, ':', 1) in (${sql.join(referralIds)})
        and report_month >= ${`${fromMonth}-01`}::date and report_month < ${`${beforeMonth}-01`}::date`.execute(trx);
    for (const row of rows) {
      const months = result.get(row.measureKey) ?? new Map<string, string>();
      months.set(row.reportMonth.slice(0, 7), row.contentHash);
      result.set(row.measureKey, months);
    }
    return result;
  }

  /**
   * JIT compilation off for the export's transaction: its statements are many and short, but the
   * planner's estimates for them can pass `jit_above_cost`, and compiling then cost about a second
   * per statement (measured: 1.0 s of a 1.07 s count on an empty month) — every batch again.
   */
  async withoutJit(trx: Tx) {
    await sql`set local jit = off`.execute(trx);
  }

  async lastDelivery(trx: Tx, tenantId: string, month: string) {
    const row = await trx
      .selectFrom('statisticsDeliveries')
      .select(['id', 'createdAt', 'fileSha256'])
      .where('tenantId', '=', tenantId)
      .where('kind', '=', 'modul13')
      .where('month', '=', `${month}-01`)
      .orderBy('createdAt', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? { id: row.id, createdAt: new Date(row.createdAt).toISOString(), fileSha256: row.fileSha256 } : null;
  }

  listDeliveries(trx: Tx, tenantId: string, limit: number) {
    return trx
      .selectFrom('statisticsDeliveries as d')
      .leftJoin('users as u', (join) => join.onRef('u.tenantId', '=', 'd.tenantId').onRef('u.id', '=', 'd.createdBy'))
      .select([
        'd.id',
        'd.month',
        'd.recordCount',
        'd.correctionCount',
        'd.rejectedCount',
        'd.fileSha256',
        'd.createdAt',
        'd.createdBy',
        'u.displayName',
      ])
      .where('d.tenantId', '=', tenantId)
      .where('d.kind', '=', 'modul13')
      .orderBy('d.createdAt', 'desc')
      .orderBy('d.id')
      .limit(limit)
      .execute();
  }

  /** Serialises deliveries of one tenant: two at once would compare against the same log. */
  async lockDeliveries(trx: Tx, tenantId: string) {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`modul13|${tenantId}`}, 0))`.execute(trx);
  }

  /**
   * A transaction-local table of what this delivery contains, filled batch by batch while the file
   * is written; the delivery row (insert-only) can only be written once its counts and checksum are known.
   */
  async createStaging(trx: Tx) {
    await sql`create temporary table modul13_staged (kind text not null, measure_key text not null, report_month date not null,
      content_hash text, storno boolean not null) on commit drop`.execute(trx);
  }

  async stage(trx: Tx, rows: { kind: DeliveredKind; key: string; month: string; hash: string | null; storno: boolean }[]) {
    if (rows.length === 0) return;
    await sql`insert into modul13_staged (kind, measure_key, report_month, content_hash, storno) values ${sql.join(
      rows.map((r) => sql`(${r.kind}, ${r.key}, ${`${r.month}-01`}::date, ${r.hash}, ${r.storno})`),
    )}`.execute(trx);
  }

  async insertDelivery(
    trx: Tx,
    row: {
      tenantId: string;
      id: string;
      month: string;
      recordCount: number;
      correctionCount: number;
      rejectedCount: number;
      fileSha256: string;
      createdBy: string | null;
    },
  ) {
    const inserted = await trx
      .insertInto('statisticsDeliveries')
      .values({ ...row, kind: 'modul13', month: `${row.month}-01` })
      .returning(['createdAt'])
      .executeTakeFirstOrThrow();
    return new Date(inserted.createdAt).toISOString();
  }

  /**
   * Writes the staged content to the log: delivered records replace what was delivered before for
   * their month, cancelled ones leave it, and records of the delivered month that this delivery no
   * longer contains are dropped (a new delivery of a month replaces the earlier one). Measures and
   * Leistungsminderungen alike, each under its kind.
   */
  async applyStaging(trx: Tx, tenantId: string, deliveryId: string, month: string) {
    await sql`
      insert into statistics_delivered_measures (tenant_id, kind, measure_key, report_month, content_hash, delivery_id)
      select ${tenantId}, kind, measure_key, report_month, content_hash, ${deliveryId} from modul13_staged where not storno
      on conflict (tenant_id, kind, measure_key, report_month)
      do update set content_hash = excluded.content_hash, delivery_id = excluded.delivery_id`.execute(trx);
    await sql`
      delete from statistics_delivered_measures d using modul13_staged s
      where s.storno and d.tenant_id = ${tenantId} and d.kind = s.kind
        and d.measure_key = s.measure_key and d.report_month = s.report_month`.execute(trx);
    await sql`
      delete from statistics_delivered_measures d
      where d.tenant_id = ${tenantId} and d.kind in ('modul13', 'modul8') and d.report_month = ${`${month}-01`}::date
        and not exists (select 1 from modul13_staged s
                         where not s.storno and s.kind = d.kind and s.measure_key = d.measure_key and s.report_month = d.report_month)`.execute(
      trx,
    );
  }

  async tenantName(trx: Tx, tenantId: string): Promise<string> {
    const row = await trx.selectFrom('tenants').select('name').where('id', '=', tenantId).executeTakeFirst();
    return row?.name ?? '';
  }
}
