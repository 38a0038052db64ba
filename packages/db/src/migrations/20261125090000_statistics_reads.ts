import { type Kysely, sql } from 'kysely';

/**
 * The § 51b delivery (XSozial Modul 13) names persons by customer number and birth date: producing
 * the file is a read of their data and goes to the read log with its own purpose (SPEC C15).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table read_log drop constraint read_log_purpose_check`.execute(db);
  await sql`alter table read_log add constraint read_log_purpose_check
    check (purpose in ('view', 'search', 'household', 'edit', 'case', 'special_category', 'referral', 'provider_portal', 'statistics'))`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('The statistics read purpose cannot be reverted; restore a backup instead.');
}
