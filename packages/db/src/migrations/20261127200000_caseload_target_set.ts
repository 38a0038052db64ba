import { type Kysely, sql } from 'kysely';

/**
 * Caseload targets (SPEC C14) are edited as one set per tenant: the set carries one version for
 * If-Match, kept beside the tenant's other steering parameters. A row version alone cannot say that a
 * target was removed, so the set needs its own.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table tenant_case_rules add column caseload_targets_version integer not null default 1`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table tenant_case_rules drop column caseload_targets_version`.execute(db);
}
