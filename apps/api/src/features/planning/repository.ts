import type { Database, Tx } from '@lotse/db';
import type { TargetGroup } from '@lotse/domain';
import { type Kysely, type RawBuilder, sql } from 'kysely';

/**
 * The SQL of needs planning. Everything is aggregated in the database to the finest cells (month ×
 * service type × region × team × target-group bitmask) and nothing about a single person leaves it:
 * the rows are counts. Each query is bounded to the year by the period indexes (referrals_sent_on,
 * referrals_started_on, referrals_ended_on, case_barriers_recorded, unmet_needs_recorded,
 * referral_transitions_closing, referrals_open).
 */

/** Measures of the cube query, in the order of its `measure` column. */
export const CUBE_ROW_MEASURES = ['needs', 'unmetNeeds', 'referrals', 'starts', 'waiting', 'running', 'carried'] as const;
export type CubeRowMeasure = (typeof CUBE_ROW_MEASURES)[number];

export interface CubeRow {
  measure: number;
  /** Flows: the month (0–11) of the event. Stocks: the first month end on the list. */
  monthFrom: number;
  /** Stocks: the last month end on the list (11 when still on it at the year's end or today). */
  monthTo: number;
  serviceType: string;
  regionId: string | null;
  teamId: string | null;
  /** Starts and carried cases: the offer's financing model. */
  financingModel: string | null;
  /** Events of all persons, then of each target group (on the event's day). */
  n: number;
  u25: number;
  ue50: number;
  singleParent: number;
  refugee: number;
  severeDisability: number;
}

export interface CubeWindow {
  from: string;
  to: string;
  /** Month ends evaluated for stocks: the first and the last (clamped to today); null when none yet. */
  firstEval: string | null;
  lastEval: string | null;
}

/**
 * Full years of age on a date, exactly as `ageOn` in @lotse/domain counts them: ⌊(yyyymmdd of the day −
 * yyyymmdd of the birth) / 10000⌋ (someone born on 29 February turns a year older on 1 March).
 */
function ageAt(date: RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`floor(((date_part('year', ${date}) - date_part('year', p.birth_date)) * 10000
    + (date_part('month', ${date}) - date_part('month', p.birth_date)) * 100
    + (date_part('day', ${date}) - date_part('day', p.birth_date))) / 10000)`;
}

/** Whether the person (alias p, with `age` computed) belongs to a target group. */
function inTargetGroup(group: TargetGroup, age: RawBuilder<number>): RawBuilder<boolean> {
  switch (group) {
    case 'u25':
      return sql<boolean>`${age} < 25`;
    case 'ue50':
      return sql<boolean>`${age} >= 50`;
    case 'single_parent':
      return sql<boolean>`p.single_parent`;
    case 'refugee':
      return sql<boolean>`p.refugee`;
    case 'severe_disability':
      return sql<boolean>`p.severe_disability`;
  }
}

/** Month index 0–11 of a date. */
const monthOf = (date: RawBuilder<unknown>) => sql<number>`(date_part('month', ${date})::int - 1)`;

export class PlanningRepository {
  /**
   * All counts of one year in one statement (one snapshot, so the starts of the planning table and the
   * cases of the cost view agree). The events of the year are collected first; then each is joined once
   * to its case (→ team of the case manager) and person (postal code → region, target groups on the
   * event's day); none of it is returned, only the counts.
   */
  async cubeRows(trx: Tx, tenantId: string, window: CubeWindow, regionOfPostalCode: Record<string, string>): Promise<CubeRow[]> {
    // Compiling a plan of this size costs more than it saves (JIT took 1.6 s of 6 s when measured), and
    // the grouping of some 100,000 events should stay in memory instead of sorting on disk.
    await sql`set local jit = off`.execute(trx);
    await sql`set local work_mem = '64MB'`.execute(trx);
    const { rows } = await this.cubeQuery(tenantId, window, regionOfPostalCode).execute(trx);
    return rows;
  }

  /** The statement of {@link cubeRows} (also for EXPLAIN in measurements). */
  cubeQuery(tenantId: string, window: CubeWindow, regionOfPostalCode: Record<string, string>): RawBuilder<CubeRow> {
    const { from, to, firstEval, lastEval } = window;
    const codes = Object.keys(regionOfPostalCode);
    const regionIds = codes.map((code) => regionOfPostalCode[code] as string);
    const stocks = firstEval !== null && lastEval !== null;
    const stockEvents = stocks
      ? sql`
        union all
        -- Waiting list: sent, until started, declined, cancelled or not started.
        select 4, r.case_id, o.service_type, null, r.sent_on, r.started_on
          from referrals r join offers o on o.tenant_id = r.tenant_id and o.id = r.offer_id
         where r.tenant_id = ${tenantId} and r.started_on > ${firstEval} and r.sent_on <= ${lastEval}
        union all
        select 4, r.case_id, o.service_type, null, r.sent_on, null
          from referrals r join offers o on o.tenant_id = r.tenant_id and o.id = r.offer_id
         where r.tenant_id = ${tenantId} and r.status in ('sent', 'accepted') and r.sent_on <= ${lastEval}
        union all
        select 4, r.case_id, o.service_type, null, r.sent_on, cl.closed_on
          from closing cl
          join referrals r on r.tenant_id = ${tenantId} and r.id = cl.referral_id
          join offers o on o.tenant_id = r.tenant_id and o.id = r.offer_id
         where r.started_on is null and r.sent_on <= ${lastEval} and cl.closed_on > ${firstEval}
        union all
        -- Running (holding a place of an offer with places): accepted or started, until it ended or was
        -- not started or cancelled.
        select 5, r.case_id, o.service_type, null, coalesce(r.accepted_on, r.started_on), r.ended_on
          from referrals r join places o on o.id = r.offer_id
         where r.tenant_id = ${tenantId} and r.ended_on > ${firstEval} and coalesce(r.accepted_on, r.started_on) <= ${lastEval}
        union all
        select 5, r.case_id, o.service_type, null, coalesce(r.accepted_on, r.started_on), null
          from referrals r join places o on o.id = r.offer_id
         where r.tenant_id = ${tenantId} and r.status in ('accepted', 'started') and r.ended_on is null
           and coalesce(r.accepted_on, r.started_on) <= ${lastEval}
        union all
        select 5, r.case_id, o.service_type, null, r.accepted_on, cl.closed_on
          from closing cl
          join referrals r on r.tenant_id = ${tenantId} and r.id = cl.referral_id
          join places o on o.id = r.offer_id
         where r.started_on is null and r.accepted_on <= ${lastEval} and cl.closed_on > ${firstEval}`
      : sql``;
    const stockCtes = stocks
      ? sql`
      closing as (
        -- When a referral that never started left the list: the day it was declined, cancelled or not started.
        select t.referral_id, min((t.at at time zone 'Europe/Berlin')::date) as closed_on
          from referral_transitions t
         where t.tenant_id = ${tenantId} and t.to_status in ('declined', 'cancelled', 'not_started')
           and t.at >= (${firstEval}::date)::timestamp at time zone 'Europe/Berlin'
         group by t.referral_id
      ),
      places as (
        select id, service_type from offers
         where tenant_id = ${tenantId} and active and capacity_unit = 'places' and capacity is not null
      ),`
      : sql``;
    const monthTo = stocks
      ? sql`case when e.measure < 4 then 0
                 when e.left_on is null or e.left_on > ${lastEval} then 11
                 when e.left_on < ${from} then -1
                 else ${monthOf(sql`e.left_on`)} - 1 end`
      : sql`0`;
    // Result columns arrive in camelCase (CamelCasePlugin).
    return sql<CubeRow>`
      with ${stockCtes}
      events as (
        select 0 as measure, b.case_id, st.service_type, null::text as financing_model, b.recorded_on as on_date, null::date as left_on
          from case_barriers b
          join barrier_types bt on bt.tenant_id = b.tenant_id and bt.id = b.barrier_type_id
          cross join lateral unnest(bt.service_types) as st(service_type)
         where b.tenant_id = ${tenantId} and b.recorded_on between ${from} and ${to}
        union all
        select 1, un.case_id, un.service_type, null, un.recorded_on, null
          from unmet_needs un
         where un.tenant_id = ${tenantId} and un.recorded_on between ${from} and ${to}
        union all
        -- Referrals by the day they were sent; a confirmed self-referral (never sent) by its start.
        select 2, r.case_id, o.service_type, null, coalesce(r.sent_on, r.started_on), null
          from referrals r join offers o on o.tenant_id = r.tenant_id and o.id = r.offer_id
         where r.tenant_id = ${tenantId} and r.sent_on between ${from} and ${to}
        union all
        select 2, r.case_id, o.service_type, null, r.started_on, null
          from referrals r join offers o on o.tenant_id = r.tenant_id and o.id = r.offer_id
         where r.tenant_id = ${tenantId} and r.sent_on is null and r.started_on between ${from} and ${to}
        union all
        select 3, r.case_id, o.service_type, o.financing_model, r.started_on, null
          from referrals r join offers o on o.tenant_id = r.tenant_id and o.id = r.offer_id
         where r.tenant_id = ${tenantId} and r.started_on between ${from} and ${to}
        ${stockEvents}
      )
      select measure, month_from, month_to, service_type, region_id, team_id, financing_model, count(*)::int as n,
             (count(*) filter (where age < 25))::int as u25, (count(*) filter (where age >= 50))::int as ue50,
             (count(*) filter (where single_parent))::int as single_parent, (count(*) filter (where refugee))::int as refugee,
             (count(*) filter (where severe_disability))::int as severe_disability
        from (
          select e.measure,
                 case when e.measure < 4 or e.on_date >= ${from} then ${monthOf(sql`e.on_date`)} else 0 end as month_from,
                 ${monthTo} as month_to,
                 e.service_type, rc.id as region_id, u.team_id,
                 e.financing_model, ${ageAt(sql`e.on_date`)} as age, p.single_parent, p.refugee, p.severe_disability
            from events e
            join cases c on c.tenant_id = ${tenantId} and c.id = e.case_id
            join persons p on p.tenant_id = ${tenantId} and p.id = c.person_id
            left join users u on u.tenant_id = ${tenantId} and u.id = c.case_manager_id
            -- Postal code → region as a small hash table (a jsonb lookup per row cost three times as much).
            left join unnest(${codes}::text[], ${regionIds}::uuid[]) as rc(code, id) on rc.code = p.postal_code
        ) x
       -- A stock entry that left before the first month end it could be counted at is no stock at all.
       where measure < 4 or month_to >= month_from
       group by 1, 2, 3, 4, 5, 6, 7
      union all
      -- Cases of the cost view carried into the year: started before it, not ended before it.
      select 6, 0, 0, o.service_type, null::uuid, null::uuid, o.financing_model, count(*)::int, 0, 0, 0, 0, 0
        from referrals r join offers o on o.tenant_id = r.tenant_id and o.id = r.offer_id
       where r.tenant_id = ${tenantId} and r.started_on < ${from}
         and (r.ended_on >= ${from} or (r.ended_on is null and r.status = 'started'))
       group by 1, 2, 3, 4, 5, 6, 7`;
  }

  /** Days from sending to start of the year's starts (self-referrals have no sending), per service type. */
  async waitingDays(
    trx: Tx,
    tenantId: string,
    window: { from: string; to: string },
    filters: { regionId: string | null; teamId: string | null; targetGroup: TargetGroup | null },
    regionOfPostalCode: Record<string, string>,
  ): Promise<Array<{ serviceType: string; days: number; n: number }>> {
    const codes = Object.keys(regionOfPostalCode).filter((code) => regionOfPostalCode[code] === filters.regionId);
    const region = filters.regionId === null ? sql`true` : sql`p.postal_code = any(${codes}::text[])`;
    const team = filters.teamId === null ? sql`true` : sql`u.team_id = ${filters.teamId}`;
    const group = filters.targetGroup === null ? sql`true` : inTargetGroup(filters.targetGroup, ageAt(sql`r.started_on`));
    const { rows } = await sql<{ serviceType: string; days: number; n: number }>`
      select o.service_type, (r.started_on - r.sent_on)::int as days, count(*)::int as n
        from referrals r
        join offers o on o.tenant_id = r.tenant_id and o.id = r.offer_id
        join cases c on c.tenant_id = r.tenant_id and c.id = r.case_id
        join persons p on p.tenant_id = c.tenant_id and p.id = c.person_id
        left join users u on u.tenant_id = c.tenant_id and u.id = c.case_manager_id
       where r.tenant_id = ${tenantId} and r.started_on between ${window.from} and ${window.to} and r.sent_on is not null
         and ${region} and ${team} and ${group}
       group by 1, 2`.execute(trx);
    return rows.map((r) => ({ serviceType: r.serviceType, days: Number(r.days), n: Number(r.n) }));
  }

  regions(trx: Tx, tenantId: string) {
    return trx
      .selectFrom('planningRegions')
      .select(['id', 'name', 'postalCodes', 'active', 'version'])
      .where('tenantId', '=', tenantId)
      .orderBy('sortOrder')
      .orderBy('name')
      .orderBy('id')
      .execute();
  }

  teams(trx: Tx, tenantId: string) {
    return trx
      .selectFrom('teams as t')
      .select(['t.id', 't.name', 't.active', 't.version'])
      .select((eb) =>
        eb
          .selectFrom('users as u')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('u.tenantId', '=', 't.tenantId')
          .whereRef('u.teamId', '=', 't.id')
          .where('u.disabled', '=', false)
          .as('memberCount'),
      )
      .where('t.tenantId', '=', tenantId)
      .orderBy('t.name')
      .orderBy('t.id')
      .execute();
  }

  /** Every tenant (the start-up warming of the figures; the tenants table has no tenant scope). */
  async tenantIds(db: Kysely<Database>): Promise<string[]> {
    const rows = await db.selectFrom('tenants').select('id').orderBy('name').execute();
    return rows.map((r) => r.id);
  }

  async rules(trx: Tx, tenantId: string): Promise<{ suppressionMinimum: number; waitingTargetDays: number }> {
    const row = await trx
      .selectFrom('tenantCaseRules')
      .select(['suppressionMinimum', 'waitingTargetDays'])
      .where('tenantId', '=', tenantId)
      .executeTakeFirst();
    return { suppressionMinimum: row?.suppressionMinimum ?? 5, waitingTargetDays: row?.waitingTargetDays ?? 21 };
  }

  /** The end of the tenant's change log: every write through the API moves it (cache key of the cube). */
  async changeStamp(trx: Tx, tenantId: string): Promise<number> {
    const row = await trx
      .selectFrom('auditHeads')
      .select('seq')
      .where('tenantId', '=', tenantId)
      .where('log', '=', 'change')
      .where('chain', '=', 0)
      .executeTakeFirst();
    return row ? Number(row.seq) : 0;
  }

  /** Every offer with its plan and charges of the year (for capacity and costs; no person data). */
  async offersOfYear(trx: Tx, tenantId: string, year: number) {
    const { rows } = await sql<{
      id: string;
      serviceType: string;
      financingModel: string;
      active: boolean;
      capacity: number | null;
      capacityUnit: string;
      plannedCostCents: number | null;
      actualCostCents: number | null;
      sgb2SharePercent: string | null;
      chargedCents: number;
    }>`
      select o.id, o.service_type, o.financing_model, o.active, o.capacity, o.capacity_unit,
             p.planned_cost_cents, p.actual_cost_cents, p.sgb2_share_percent, coalesce(ch.cents, 0)::bigint as charged_cents
        from offers o
        left join offer_year_plans p on p.tenant_id = o.tenant_id and p.offer_id = o.id and p.year = ${year}
        left join (
          select offer_id, sum(amount_cents) as cents
            from referral_charges
           where tenant_id = ${tenantId} and service_month between ${`${year}-01-01`} and ${`${year}-12-31`}
           group by offer_id
        ) ch on ch.offer_id = o.id
       where o.tenant_id = ${tenantId}
       order by o.id`.execute(trx);
    return rows.map((r) => ({
      ...r,
      plannedCostCents: r.plannedCostCents === null ? null : Number(r.plannedCostCents),
      actualCostCents: r.actualCostCents === null ? null : Number(r.actualCostCents),
      sgb2SharePercent: r.sgb2SharePercent === null ? null : Number(r.sgb2SharePercent),
      chargedCents: Number(r.chargedCents),
    }));
  }

  /** Charges per service type and service month of the year (actual cost of per-case financed offers). */
  async monthlyCharges(trx: Tx, tenantId: string, year: number) {
    const { rows } = await sql<{ serviceType: string; month: number; cents: number }>`
      select o.service_type, date_part('month', ch.service_month)::int as month, sum(ch.amount_cents)::bigint as cents
        from referral_charges ch
        join offers o on o.tenant_id = ch.tenant_id and o.id = ch.offer_id
       where ch.tenant_id = ${tenantId} and ch.service_month between ${`${year}-01-01`} and ${`${year}-12-31`}
       group by 1, 2`.execute(trx);
    return rows.map((r) => ({ serviceType: r.serviceType, month: r.month, cents: Number(r.cents) }));
  }

  targets(trx: Tx, tenantId: string, year: number, serviceType?: string) {
    let query = trx
      .selectFrom('planningTargets')
      .select(['serviceType', 'month', 'targetStarts', 'targetCostCents', 'updatedAt'])
      .where('tenantId', '=', tenantId)
      .where('year', '=', year);
    if (serviceType) query = query.where('serviceType', '=', serviceType);
    return query.orderBy('serviceType').orderBy('month').execute();
  }

  /** Locks the tenant's plan of a year and service type (row or gap) for a compare-and-set of its version. */
  async lockTargets(trx: Tx, tenantId: string, year: number, serviceType: string) {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`planning_targets:${tenantId}:${year}:${serviceType}`}, 0))`.execute(trx);
    return this.targets(trx, tenantId, year, serviceType);
  }

  async replaceTargets(
    trx: Tx,
    tenantId: string,
    userId: string,
    year: number,
    serviceType: string,
    months: ReadonlyArray<{ month: number; targetStarts: number; targetCostCents: number }>,
  ) {
    await trx
      .insertInto('planningTargets')
      .values(months.map((m) => ({ tenantId, year, serviceType, updatedBy: userId, updatedAt: sql<Date>`clock_timestamp()`, ...m })))
      .onConflict((oc) =>
        oc.columns(['tenantId', 'year', 'serviceType', 'month']).doUpdateSet((eb) => ({
          targetStarts: eb.ref('excluded.targetStarts'),
          targetCostCents: eb.ref('excluded.targetCostCents'),
          updatedBy: eb.ref('excluded.updatedBy'),
          updatedAt: eb.ref('excluded.updatedAt'),
        })),
      )
      .execute();
  }

  /** First and last year with any recorded need, unmet need or referral. */
  async yearRange(trx: Tx, tenantId: string): Promise<{ first: number | null; last: number | null }> {
    const { rows } = await sql<{ first: string | null; last: string | null }>`
      select least((select min(recorded_on) from case_barriers where tenant_id = ${tenantId}),
                   (select min(recorded_on) from unmet_needs where tenant_id = ${tenantId}),
                   (select min(sent_on) from referrals where tenant_id = ${tenantId} and sent_on is not null),
                   (select min(started_on) from referrals where tenant_id = ${tenantId} and started_on is not null))::text as first,
             greatest((select max(recorded_on) from case_barriers where tenant_id = ${tenantId}),
                   (select max(recorded_on) from unmet_needs where tenant_id = ${tenantId}),
                   (select max(sent_on) from referrals where tenant_id = ${tenantId} and sent_on is not null),
                   (select max(started_on) from referrals where tenant_id = ${tenantId} and started_on is not null))::text as last`.execute(
      trx,
    );
    const row = rows[0];
    const yearOf = (d: string | null | undefined) => (d ? Number(d.slice(0, 4)) : null);
    return { first: yearOf(row?.first), last: yearOf(row?.last) };
  }

  /** The stored suppression pattern of a year and minimum, with what it was computed from. */
  storedPattern(trx: Tx, tenantId: string, year: number, minimum: number) {
    return trx
      .selectFrom('planningSuppressionPatterns')
      .select(['fingerprint', 'cells', 'pattern'])
      .where('tenantId', '=', tenantId)
      .where('year', '=', year)
      .where('minimum', '=', minimum)
      .executeTakeFirst();
  }

  /**
   * Keeps a computed pattern, replacing one computed from other counts. Inside a savepoint: the pattern
   * is stored in passing by a reading request, whose transaction must stay usable if this fails.
   */
  async storePattern(
    trx: Tx,
    row: { tenantId: string; year: number; minimum: number; fingerprint: string; cells: number; pattern: Uint8Array },
  ): Promise<void> {
    await sql`savepoint store_pattern`.execute(trx);
    try {
      await trx
        .insertInto('planningSuppressionPatterns')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['tenantId', 'year', 'minimum']).doUpdateSet({
            fingerprint: row.fingerprint,
            cells: row.cells,
            pattern: row.pattern,
            computedAt: sql`now()`,
          }),
        )
        .execute();
      await sql`release savepoint store_pattern`.execute(trx);
    } catch (error) {
      await sql`rollback to savepoint store_pattern`.execute(trx);
      throw error;
    }
  }
}
