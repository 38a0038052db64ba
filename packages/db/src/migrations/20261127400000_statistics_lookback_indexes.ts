import { type Kysely, sql } from 'kysely';

/**
 * The Modul 13 export finds the referrals with a statistics event in its window (begin, end, kept
 * appointment, childcare arrangement, closing transition, an earlier delivered record) through
 * indexes, so a month's run reads what belongs to the window and not the tenant's whole history.
 * Referral begins and ends and the closing transitions already have their indexes (planning).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index referral_feedback_appointment_on on referral_feedback (tenant_id, (fields->>'appointmentOn'))
    where kind = 'appointment'`.execute(db);
  await sql`create index childcare_arrangements_begins_on on childcare_arrangements (tenant_id, begins_on)`.execute(db);
  await sql`create index childcare_arrangements_ends_on on childcare_arrangements (tenant_id, ends_on)
    where ends_on is not null`.execute(db);
  // The delivery log by report month (the look-back window) and by referral (a measure key is the
  // referral id, for childcare „referral id:arrangement id“): withdrawn arrangements have no key any more.
  await sql`create index statistics_delivered_measures_month on statistics_delivered_measures (tenant_id, kind, report_month)`.execute(db);
  await sql`create index statistics_delivered_measures_referral on statistics_delivered_measures
    (tenant_id, kind, (split_part(measure_key, ':', 1)), report_month)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The statistics look-back indexes cannot be reverted; restore a backup instead.');
}
