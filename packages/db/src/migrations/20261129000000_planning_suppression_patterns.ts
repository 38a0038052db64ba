import { type Kysely, sql } from 'kysely';

/**
 * Suppression patterns of the needs planning, kept per tenant, year and minimum (docs/planning.md):
 * computing one takes seconds for a large Jobcenter, and it only changes with the year's counts. A
 * pattern is used only while its fingerprint (the counts it was computed from and the version of the
 * method) matches, so a restart or a year opened for the first time since does not compute it again.
 * Which cells are suppressed says no more than the published figures; the table is tenant-scoped all the same.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table planning_suppression_patterns (
      tenant_id uuid not null references tenants(id),
      year integer not null,
      minimum integer not null check (minimum > 0),
      fingerprint text not null,
      cells integer not null check (cells >= 0),
      -- one bit per cell of the cube (1 = suppressed), deflated
      pattern bytea not null,
      computed_at timestamptz not null default now(),
      primary key (tenant_id, year, minimum)
    )`.execute(db);
  await sql`alter table planning_suppression_patterns enable row level security`.execute(db);
  await sql`alter table planning_suppression_patterns force row level security`.execute(db);
  await sql`create policy tenant_isolation on planning_suppression_patterns
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)`.execute(db);
  await sql`
    do $$ begin
      if exists (select 1 from pg_roles where rolname = 'lotse_app') then
        execute 'grant select, insert, update on planning_suppression_patterns to lotse_app';
      end if;
    end $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table planning_suppression_patterns`.execute(db);
}
