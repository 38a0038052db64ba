import { type Kysely, sql } from 'kysely';

/**
 * The steps of a sanction (SPEC C16) as they happened – breach recorded, hearing sent, answer received,
 * decision, hand-off, withdrawal – with who and when: the case history shows them next to the status
 * changes of the case. Append-only like the other histories.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table sanction_events (
      tenant_id uuid not null,
      id uuid not null,
      sanction_id uuid not null,
      case_id uuid not null,
      -- clock_timestamp: a decision and its hand-off in one transaction keep their order.
      at timestamptz not null default clock_timestamp(),
      actor_id uuid,
      action text not null check (action in ('recorded', 'hearing_sent', 'answered', 'decided', 'handed_off', 'withdrawn')),
      note text,
      primary key (tenant_id, id),
      foreign key (tenant_id, sanction_id) references sanctions(tenant_id, id),
      foreign key (tenant_id, case_id) references cases(tenant_id, id)
    )`.execute(db);
  await sql`create index sanction_events_case on sanction_events (tenant_id, case_id, at)`.execute(db);
  await sql`alter table sanction_events enable row level security`.execute(db);
  await sql`alter table sanction_events force row level security`.execute(db);
  await sql`create policy tenant_isolation on sanction_events
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)`.execute(db);
  await sql`
    do $$ begin
      if exists (select 1 from pg_roles where rolname = 'lotse_app') then
        execute 'grant select, insert on sanction_events to lotse_app';
      end if;
    end $$`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The sanction history cannot be reverted; restore a backup instead.');
}
