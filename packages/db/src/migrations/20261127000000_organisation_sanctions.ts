import { type Kysely, sql } from 'kysely';

/**
 * Organisation model and sanctions (SPEC C14, C16): how a Jobcenter serves customers under and over 25
 * (the IAW typology of seed 004), team functions for routing, caseload targets per role and age group,
 * the responsible placement and benefits staff of a case, kinds of follow-ups (tasks routed by the
 * model), and the sanction process: the tenant's versioned rule table, documented duties and the
 * sanctions themselves.
 */

const TENANT_TABLES = ['organisation_models', 'caseload_targets', 'sanction_rules', 'sanction_duties', 'sanctions'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table organisation_models (
      tenant_id uuid not null references tenants(id),
      age_group text not null check (age_group in ('u25', 'ue25')),
      case_management text not null check (case_management in ('specialised_full', 'specialised_experts', 'generalised_all', 'generalised_same_staff')),
      placement text not null check (placement in ('specialised', 'integrated')),
      benefits text not null check (benefits in ('specialised', 'contact_only', 'integrated')),
      mixed_teams boolean not null default false,
      version integer not null default 1,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      primary key (tenant_id, age_group)
    )`.execute(db);

  await sql`alter table teams add column function text check (function in ('case_management', 'placement', 'benefits', 'mixed'))`.execute(
    db,
  );

  await sql`
    create table caseload_targets (
      tenant_id uuid not null references tenants(id),
      role text not null check (role in ('case_manager', 'placement_officer', 'benefits_officer')),
      age_group text not null check (age_group in ('u25', 'ue25', 'all')),
      target_cases integer not null check (target_cases between 1 and 1000),
      version integer not null default 1,
      updated_at timestamptz not null default now(),
      primary key (tenant_id, role, age_group)
    )`.execute(db);

  // Who else is responsible for a case under the model: specialised placement and benefits staff.
  await sql`alter table cases add column placement_officer_id uuid, add column benefits_officer_id uuid`.execute(db);
  await sql`alter table cases add foreign key (tenant_id, placement_officer_id) references users(tenant_id, id)`.execute(db);
  await sql`alter table cases add foreign key (tenant_id, benefits_officer_id) references users(tenant_id, id)`.execute(db);

  // Tasks the model routes to someone: placement tasks, benefits notices, sanction decisions, expert consultations.
  await sql`alter table follow_ups
    add column kind text not null default 'general'
      check (kind in ('general', 'placement', 'benefits_notice', 'sanction_decision', 'expert_consultation')),
    add column source_id uuid`.execute(db);

  await sql`alter table tenant_case_rules add column hearing_days integer not null default 14 check (hearing_days between 7 and 60)`.execute(
    db,
  );

  // The law of sanctions per period; rows are edited (version, change log), each sanction keeps a snapshot.
  await sql`
    create table sanction_rules (
      tenant_id uuid not null references tenants(id),
      id uuid not null,
      code text not null,
      title text not null,
      valid_from date not null,
      valid_to date,
      duty_forms text[] not null,
      duty_stages jsonb not null,
      appointment_stages jsonb not null,
      repeat_within_months integer not null check (repeat_within_months between 1 and 60),
      appointment_stop_after integer check (appointment_stop_after between 2 and 10),
      legal_basis text not null,
      source_note text not null,
      version integer not null default 1,
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      unique (tenant_id, code),
      check (valid_to is null or valid_to >= valid_from)
    )`.execute(db);

  // A duty as it was set: the form decides whether breaching it can be sanctioned on a date.
  await sql`
    create table sanction_duties (
      tenant_id uuid not null,
      id uuid not null,
      case_id uuid not null,
      form text not null check (form in ('egv', 'verwaltungsakt', 'request_with_notice', 'appointment_invitation')),
      set_on date not null,
      description text not null,
      legal_consequences_notice boolean not null,
      agreement_version_id uuid,
      appointment_on date,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, case_id) references cases(tenant_id, id),
      foreign key (tenant_id, agreement_version_id) references agreement_versions(tenant_id, id)
    )`.execute(db);
  await sql`create index sanction_duties_case on sanction_duties (tenant_id, case_id)`.execute(db);

  await sql`
    create table sanctions (
      tenant_id uuid not null,
      id uuid not null,
      case_id uuid not null,
      person_id uuid not null,
      duty_id uuid not null,
      kind text not null check (kind in ('duty_breach', 'missed_appointment')),
      breach_on date not null,
      breach_description text not null,
      rule_id uuid not null,
      rule_snapshot jsonb not null,
      status text not null check (status in ('recorded', 'hearing', 'decided', 'handed_off', 'withdrawn')),
      hearing_sent_on date,
      hearing_deadline date,
      hearing_answered_on date,
      hearing_answer text,
      important_reason_accepted boolean,
      important_reason_reasoning text,
      care_warning boolean not null default false,
      care_justification text,
      decision text check (decision in ('reduce', 'no_reduction')),
      decision_reasoning text,
      decided_on date,
      decided_by uuid,
      repetition integer,
      reduction_percent integer check (reduction_percent between 0 and 100),
      reduction_months integer check (reduction_months between 0 and 12),
      full_stop boolean not null default false,
      amount_cents integer check (amount_cents >= 0),
      starts_on date,
      ends_on date,
      handed_off_to uuid,
      handed_off_at timestamptz,
      withdrawn_reason text,
      version integer not null default 1,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, case_id) references cases(tenant_id, id),
      foreign key (tenant_id, duty_id) references sanction_duties(tenant_id, id),
      foreign key (tenant_id, rule_id) references sanction_rules(tenant_id, id)
    )`.execute(db);
  await sql`create index sanctions_case on sanctions (tenant_id, case_id)`.execute(db);
  await sql`create index sanctions_start on sanctions (tenant_id, starts_on) where decision = 'reduce'`.execute(db);

  for (const table of TENANT_TABLES) {
    await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
    await sql`alter table ${sql.table(table)} force row level security`.execute(db);
    await sql`create policy tenant_isolation on ${sql.table(table)}
      using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
      with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)`.execute(db);
  }

  await sql`
    do $$ begin
      if exists (select 1 from pg_roles where rolname = 'lotse_app') then
        execute 'grant select, insert, update, delete on organisation_models, caseload_targets, sanction_rules to lotse_app';
        -- Duties and sanctions are part of the file: added and updated, never deleted (withdrawn instead).
        execute 'grant select, insert, update on sanction_duties, sanctions to lotse_app';
      end if;
    end $$`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The organisation and sanctions migration cannot be reverted; restore a backup instead.');
}
