import type { Tx } from '@lotse/db';
import { sql } from 'kysely';

/** The dates of a referral the provider report counts (no person data). */
export interface ReferralFactsRow {
  status: string;
  result: string | null;
  sent: string | null;
  accepted: string | null;
  started: string | null;
  ended: string | null;
  declined: string | null;
  notstarted: string | null;
}

/** What the socio-demographic part needs of a person counselled; never leaves the service. */
export interface CounselledPersonRow {
  birth: string;
  sex: 'female' | 'male' | 'diverse' | 'unspecified';
  singleparent: boolean;
  refugee: boolean;
  disability: boolean;
  postal: string | null;
}

const germanDay = sql.raw(`(t.at at time zone 'Europe/Berlin')::date`);

/**
 * The SQL of the provider report (seed 000 §9). Every query filters by tenant besides row-level
 * security; column aliases are single lower-case words (read the same with the camel-case plugin).
 */
export class ReportRepository {
  /** The offer with its provider and the Jobcenter's name; `providerId` narrows to one provider's offers. */
  offer(trx: Tx, tenantId: string, offerId: string, providerId?: string) {
    let query = trx
      .selectFrom('offers as o')
      .innerJoin('providers as p', (join) => join.onRef('p.tenantId', '=', 'o.tenantId').onRef('p.id', '=', 'o.providerId'))
      .innerJoin('tenants as t', 't.id', 'o.tenantId')
      .select([
        'o.id',
        'o.name',
        'o.serviceType',
        'o.financingModel',
        'o.active',
        'p.id as providerId',
        'p.name as providerName',
        't.name as tenantName',
      ])
      .where('o.tenantId', '=', tenantId)
      .where('o.id', '=', offerId);
    if (providerId !== undefined) query = query.where('o.providerId', '=', providerId);
    return query.executeTakeFirst();
  }

  /** Offers (of one provider, or all) with the years that have referrals or a yearly plan, newest first. */
  async offersWithYears(trx: Tx, tenantId: string, providerId: string | null) {
    const { rows } = await sql<{
      id: string;
      name: string;
      servicetype: string;
      active: boolean;
      providerid: string;
      providername: string;
      years: string | null;
    }>`
      select o.id, o.name, o.service_type as servicetype, o.active, p.id as providerid, p.name as providername,
             (select string_agg(distinct y.year::text, ',' order by y.year::text desc) from (
                select extract(year from d)::int as year
                  from referrals r
                  cross join lateral (values (r.sent_on), (r.started_on), (r.ended_on)) as days(d)
                 where r.tenant_id = o.tenant_id and r.offer_id = o.id and d is not null
                union
                select plan.year from offer_year_plans plan where plan.tenant_id = o.tenant_id and plan.offer_id = o.id
              ) y) as years
        from offers o
        join providers p on p.tenant_id = o.tenant_id and p.id = o.provider_id
       where o.tenant_id = ${tenantId} ${providerId === null ? sql`` : sql`and o.provider_id = ${providerId}`}
       order by p.name, o.name, o.id`.execute(trx);
    return rows;
  }

  /**
   * Referrals to the offer that may count from `from` to `to`: still open, ended since `from`, or
   * changed since then; with the days they were declined or reported as not started.
   */
  async referralFacts(trx: Tx, tenantId: string, offerId: string, from: string, to: string) {
    const { rows } = await sql<ReferralFactsRow>`
      select r.status, r.result, r.sent_on::text as sent, r.accepted_on::text as accepted, r.started_on::text as started,
             r.ended_on::text as ended,
             (select min(${germanDay})::text from referral_transitions t
               where t.tenant_id = r.tenant_id and t.referral_id = r.id and t.to_status = 'declined') as declined,
             (select min(${germanDay})::text from referral_transitions t
               where t.tenant_id = r.tenant_id and t.referral_id = r.id and t.to_status = 'not_started') as notstarted
        from referrals r
       where r.tenant_id = ${tenantId} and r.offer_id = ${offerId}
         and coalesce(r.sent_on, r.started_on, r.accepted_on) <= ${to}::date
         and (r.status in ('sent', 'accepted', 'started') or r.ended_on >= ${from}::date
              or exists (select 1 from referral_transitions t
                          where t.tenant_id = r.tenant_id and t.referral_id = r.id and t.at >= ${from}::date - 1))`.execute(trx);
    return rows;
  }

  /** The people with a referral to the offer running in the period (started by its end, not ended before it), once each. */
  async counselledPersons(trx: Tx, tenantId: string, offerId: string, from: string, to: string) {
    const { rows } = await sql<CounselledPersonRow>`
      select p.birth_date::text as birth, p.sex, p.single_parent as singleparent, p.refugee, p.severe_disability as disability,
             p.postal_code as postal
        from persons p
       where p.tenant_id = ${tenantId}
         and exists (select 1 from referrals r
                      where r.tenant_id = p.tenant_id and r.person_id = p.id and r.offer_id = ${offerId}
                        and r.started_on <= ${to}::date and (r.ended_on is null or r.ended_on >= ${from}::date))`.execute(trx);
    return rows;
  }

  regions(trx: Tx, tenantId: string) {
    return trx
      .selectFrom('planningRegions')
      .select(['id', 'name', 'postalCodes'])
      .where('tenantId', '=', tenantId)
      .orderBy('sortOrder')
      .orderBy('name')
      .execute();
  }

  yearPlans(trx: Tx, tenantId: string, offerId: string, years: number[]) {
    return trx
      .selectFrom('offerYearPlans')
      .select(['year', 'plannedCases', 'plannedCostCents', 'actualCostCents', 'sgb2SharePercent'])
      .where('tenantId', '=', tenantId)
      .where('offerId', '=', offerId)
      .where('year', 'in', years)
      .execute();
  }

  /** Sum of the charges per year of their service month. */
  async chargesPerYear(trx: Tx, tenantId: string, offerId: string, from: string, to: string) {
    const { rows } = await sql<{ year: number; cents: string | number }>`
      select extract(year from c.service_month)::int as year, sum(c.amount_cents)::text as cents
        from referral_charges c
       where c.tenant_id = ${tenantId} and c.offer_id = ${offerId} and c.service_month between ${from}::date and ${to}::date
       group by 1`.execute(trx);
    return rows.map((row) => ({ year: row.year, cents: Number(row.cents) }));
  }

  caseRules(trx: Tx, tenantId: string) {
    return trx.selectFrom('tenantCaseRules').select(['suppressionMinimum']).where('tenantId', '=', tenantId).executeTakeFirst();
  }
}
