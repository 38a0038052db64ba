import { type Kysely, sql } from 'kysely';

/**
 * Needs planning counts the waiting list and the running referrals at each month end (SPEC C12). A
 * referral that never started leaves the waiting list on the day it is declined, cancelled or not
 * started, which only its transition records; and open referrals have no date that bounds them. Two
 * small partial indexes keep these stock queries bounded to the year instead of the whole history.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index referral_transitions_closing on referral_transitions (tenant_id, at)
    where to_status in ('declined', 'cancelled', 'not_started')`.execute(db);
  await sql`create index referrals_open on referrals (tenant_id, status)
    where status in ('sent', 'accepted', 'started')`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The planning stock indexes cannot be reverted; restore a backup instead.');
}
