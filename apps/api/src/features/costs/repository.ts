import type { ReferralChargesTable, Tx } from '@lotse/db';
import { type Insertable, sql } from 'kysely';

export type YearPlanRow = NonNullable<Awaited<ReturnType<CostRepository['findYearPlan']>>>;
export type ChargeRow = Awaited<ReturnType<CostRepository['charges']>>[number];

const YEAR_PLAN_COLUMNS = [
  'offerId',
  'year',
  'plannedCases',
  'plannedCostCents',
  'actualCostCents',
  'sgb2SharePercent',
  'note',
  'updatedAt',
  'version',
] as const;

export interface YearPlanValues {
  plannedCases: number | null;
  plannedCostCents: number;
  actualCostCents: number | null;
  sgb2SharePercent: number;
  note: string | null;
}

/** First and last day of a calendar year, as ISO dates. */
function yearBounds(year: number) {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/**
 * The offers' yearly plans and the charges recorded for their cases. Nothing here reads person data:
 * referrals appear by id and dates only.
 */
export class CostRepository {
  findOffer(trx: Tx, tenantId: string, id: string) {
    return trx
      .selectFrom('offers')
      .select(['id', 'name', 'serviceType', 'financingModel', 'priceCents'])
      .where('tenantId', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  // ——— year plans ———

  yearPlans(trx: Tx, tenantId: string, offerId: string) {
    return trx
      .selectFrom('offerYearPlans')
      .select(YEAR_PLAN_COLUMNS)
      .where('tenantId', '=', tenantId)
      .where('offerId', '=', offerId)
      .orderBy('year', 'desc')
      .execute();
  }

  findYearPlan(trx: Tx, tenantId: string, offerId: string, year: number, options: { forUpdate?: boolean } = {}) {
    let query = trx
      .selectFrom('offerYearPlans')
      .select(YEAR_PLAN_COLUMNS)
      .where('tenantId', '=', tenantId)
      .where('offerId', '=', offerId)
      .where('year', '=', year);
    if (options.forUpdate) query = query.forUpdate();
    return query.executeTakeFirst();
  }

  /** Inserts the plan unless one exists already (a concurrent creation); returns whether it did. */
  async insertYearPlan(trx: Tx, key: { tenantId: string; offerId: string; year: number }, values: YearPlanValues, userId: string) {
    const result = await trx
      .insertInto('offerYearPlans')
      .values({ ...key, ...values, updatedBy: userId })
      .onConflict((oc) => oc.columns(['tenantId', 'offerId', 'year']).doNothing())
      .executeTakeFirst();
    return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
  }

  async updateYearPlan(
    trx: Tx,
    key: { tenantId: string; offerId: string; year: number },
    expectedVersion: number,
    values: YearPlanValues,
    userId: string,
  ) {
    const result = await trx
      .updateTable('offerYearPlans')
      .set({ ...values, updatedBy: userId, updatedAt: sql`now()`, version: sql`version + 1` })
      .where('tenantId', '=', key.tenantId)
      .where('offerId', '=', key.offerId)
      .where('year', '=', key.year)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Per year the sum of the offer's charges (by service month). */
  async chargedByYear(trx: Tx, tenantId: string, offerId: string): Promise<Map<number, number>> {
    const rows = await trx
      .selectFrom('referralCharges')
      .select([
        sql<number>`extract(year from service_month)::int`.as('year'),
        sql<number>`coalesce(sum(amount_cents), 0)::bigint`.as('cents'),
      ])
      .where('tenantId', '=', tenantId)
      .where('offerId', '=', offerId)
      .groupBy(sql`extract(year from service_month)`)
      .execute();
    return new Map(rows.map((r) => [Number(r.year), Number(r.cents)]));
  }

  /** Cases of the offer in a year: referrals that started on or before its end and had not ended before its begin. */
  async casesInYear(trx: Tx, tenantId: string, offerId: string, year: number): Promise<number> {
    const { from, to } = yearBounds(year);
    const row = await trx
      .selectFrom('referrals')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('tenantId', '=', tenantId)
      .where('offerId', '=', offerId)
      .where('startedOn', 'is not', null)
      .where('startedOn', '<=', to)
      .where((eb) => eb.or([eb('endedOn', 'is', null), eb('endedOn', '>=', from)]))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  // ——— charges ———

  /** A charge with the name of who recorded it. */
  private chargeRows(trx: Tx, tenantId: string) {
    return trx
      .selectFrom('referralCharges as c')
      .innerJoin('users as u', (join) => join.onRef('u.tenantId', '=', 'c.tenantId').onRef('u.id', '=', 'c.recordedBy'))
      .select([
        'c.id',
        'c.referralId',
        'c.serviceMonth',
        'c.units',
        'c.amountCents',
        'c.note',
        'c.recordedBy',
        'u.displayName as recordedByName',
        'c.recordedAt',
        'c.reversesChargeId',
        'c.reason',
      ])
      .select((eb) =>
        eb
          .selectFrom('referralCharges as rev')
          .select('rev.id')
          .whereRef('rev.tenantId', '=', 'c.tenantId')
          .whereRef('rev.reversesChargeId', '=', 'c.id')
          .as('reversedByChargeId'),
      )
      .where('c.tenantId', '=', tenantId);
  }

  charges(trx: Tx, tenantId: string, offerId: string, year: number) {
    const { from, to } = yearBounds(year);
    return this.chargeRows(trx, tenantId)
      .where('c.offerId', '=', offerId)
      .where('c.serviceMonth', '>=', from)
      .where('c.serviceMonth', '<=', to)
      .orderBy('c.serviceMonth', 'desc')
      .orderBy('c.recordedAt', 'desc')
      .orderBy('c.id')
      .execute();
  }

  findCharge(trx: Tx, tenantId: string, id: string) {
    return this.chargeRows(trx, tenantId).where('c.id', '=', id).executeTakeFirst();
  }

  /** A charge of the offer (its reversal's id, if any, included). */
  findOfferCharge(trx: Tx, tenantId: string, offerId: string, id: string) {
    return this.chargeRows(trx, tenantId).where('c.offerId', '=', offerId).where('c.id', '=', id).executeTakeFirst();
  }

  /** Started referrals of the offer that ran in the year, with what was charged for each in it; no person data. */
  chargeableReferrals(trx: Tx, tenantId: string, offerId: string, year: number) {
    const { from, to } = yearBounds(year);
    return trx
      .selectFrom('referrals as r')
      .select(['r.id', 'r.startedOn', 'r.endedOn'])
      .select((eb) =>
        eb
          .selectFrom('referralCharges as c')
          .select(sql<number>`coalesce(sum(c.amount_cents), 0)::bigint`.as('cents'))
          .whereRef('c.tenantId', '=', 'r.tenantId')
          .whereRef('c.referralId', '=', 'r.id')
          .where('c.serviceMonth', '>=', from)
          .where('c.serviceMonth', '<=', to)
          .as('chargedCents'),
      )
      .where('r.tenantId', '=', tenantId)
      .where('r.offerId', '=', offerId)
      .where('r.startedOn', 'is not', null)
      .where('r.startedOn', '<=', to)
      .where((eb) => eb.or([eb('r.endedOn', 'is', null), eb('r.endedOn', '>=', from)]))
      .orderBy('r.startedOn', 'desc')
      .orderBy('r.id')
      .execute();
  }

  findReferral(trx: Tx, tenantId: string, id: string) {
    return trx
      .selectFrom('referrals')
      .select(['id', 'offerId', 'startedOn', 'endedOn'])
      .where('tenantId', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  insertCharge(trx: Tx, row: Insertable<ReferralChargesTable>) {
    return trx.insertInto('referralCharges').values(row).execute();
  }
}
