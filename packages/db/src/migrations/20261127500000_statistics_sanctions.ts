import { type Kysely, sql } from 'kysely';

/**
 * Sanctions in the § 51b delivery (XSozial Modul 8 records in the Modul 13 file, docs/statistics.md):
 * the delivery log keeps the delivered Leistungsminderungen as its own kind, so that their
 * corrections and withdrawals are found like those of measures, and a sanction id can never be
 * taken for a referral id. The delivery itself stays one file (kind `modul13`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table statistics_delivered_measures drop constraint statistics_delivered_measures_kind_check`.execute(db);
  await sql`alter table statistics_delivered_measures add constraint statistics_delivered_measures_kind_check
    check (kind in ('modul13', 'modul8'))`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The statistics sanctions migration cannot be reverted; restore a backup instead.');
}
