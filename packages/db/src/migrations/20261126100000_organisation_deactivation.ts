import { type Kysely, sql } from 'kysely';

/**
 * Planning regions (Sozialräume) and teams are deactivated instead of deleted: planning figures of past
 * years and users' teams still refer to them (docs/planning.md, "Sozialräume and teams"). A deactivated
 * team cannot be given to a user any more; a deactivated region's postal codes may be taken by another
 * region. Existing rows stay active.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table planning_regions add column active boolean not null default true`.execute(db);
  await sql`alter table teams add column active boolean not null default true`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table teams drop column active`.execute(db);
  await sql`alter table planning_regions drop column active`.execute(db);
}
