import { type Kysely, sql } from 'kysely';

/**
 * The case file (SPEC C2–C5, C9, C11): cases with their transitions, the tenant's barrier catalogue
 * and case rules, barriers, resources, help plan, agreement versions under the global rule table,
 * progress ratings, contacts and follow-ups.
 */

const TENANT_TABLES = [
  'tenant_case_rules',
  'barrier_types',
  'cases',
  'case_transitions',
  'case_barriers',
  'case_resources',
  'plan_goals',
  'plan_subgoals',
  'agreement_versions',
  'case_ratings',
  'case_contacts',
  'follow_ups',
];

const OPEN_STATUSES = `('intake', 'assessment', 'planning', 'implementation', 'closing', 'aftercare')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table tenant_case_rules (
      tenant_id uuid primary key references tenants(id),
      indication_min_barriers integer not null default 3 check (indication_min_barriers between 0 and 20),
      indication_require_willingness boolean not null default true,
      density_high_days integer not null default 14 check (density_high_days between 1 and 365),
      density_medium_days integer not null default 28 check (density_medium_days between 1 and 365),
      density_low_days integer not null default 56 check (density_low_days between 1 and 365),
      version integer not null default 1,
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table barrier_types (
      tenant_id uuid not null references tenants(id),
      id uuid not null,
      code text not null,
      phase text not null check (phase in ('qualification', 'performance_health', 'motivation', 'framework', 'labour_market')),
      label text not null,
      description text,
      special_category boolean not null default false,
      service_types text[] not null default '{}',
      active boolean not null default true,
      sort_order integer not null default 1000,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      unique (tenant_id, code)
    )`.execute(db);

  // Law, not tenant data: one row per legal period of the agreement (SPEC C5). Global and read-only
  // for the app; a change of law is a new row (and a migration), never an edit of code.
  await sql`
    create table agreement_rules (
      id uuid primary key,
      code text not null unique,
      title text not null,
      valid_from date not null,
      valid_to date,
      agreed_kind text not null check (agreed_kind in ('egv', 'kooperationsplan', 'verwaltungsakt')),
      fallback_kind text check (fallback_kind in ('egv', 'kooperationsplan', 'verwaltungsakt')),
      legally_binding boolean not null,
      duties_sanctionable boolean not null,
      dispute_procedure text,
      review_within_months integer not null check (review_within_months between 1 and 24),
      legal_basis text not null,
      no_agreement_text text not null,
      source_note text not null,
      check (valid_to is null or valid_to >= valid_from)
    )`.execute(db);
  await sql`
    insert into agreement_rules values
    ('6f1d7a52-0c8e-4a5b-9c11-3a0d2e7b1001', 'egv_sgb2_2005', 'Eingliederungsvereinbarung (§ 15 SGB II a. F.)',
     '2005-01-01', '2023-06-30', 'egv', 'verwaltungsakt', true, true, null, 6,
     '§ 15 SGB II in der bis 30.06.2023 geltenden Fassung',
     'Kommt eine Eingliederungsvereinbarung nicht zustande, sollen die Regelungen durch Verwaltungsakt erfolgen (§ 15 Abs. 3 Satz 3 SGB II a. F.).',
     'SGB II in der Fassung bis 30.06.2023; Eingliederungsvereinbarung ist öffentlich-rechtlicher Vertrag, Pflichtverletzung nach § 31 Abs. 1 Nr. 1 SGB II a. F. sanktionierbar.'),
    ('6f1d7a52-0c8e-4a5b-9c11-3a0d2e7b1002', 'kooperationsplan_2023', 'Kooperationsplan (Bürgergeld, § 15 SGB II)',
     '2023-07-01', '2026-06-30', 'kooperationsplan', null, false, false, 'Schlichtungsverfahren (§ 15a SGB II)', 6,
     '§§ 15, 15a SGB II in der Fassung des Bürgergeld-Gesetzes vom 16.12.2022 (BGBl. I S. 2328)',
     'Kommt ein Kooperationsplan nicht zustande oder wird er nicht fortgeschrieben, kann ein Schlichtungsverfahren (§ 15a SGB II) verlangt werden. Pflichten werden nur durch gesonderte Aufforderung zur Mitwirkung mit Rechtsfolgenbelehrung festgelegt; der Kooperationsplan selbst ist rechtlich nicht verbindlich.',
     'Bürgergeld-Gesetz, in Kraft seit 01.07.2023: Kooperationsplan ersetzt die Eingliederungsvereinbarung; keine Leistungsminderung allein wegen des Kooperationsplans.'),
    ('6f1d7a52-0c8e-4a5b-9c11-3a0d2e7b1003', 'grundsicherung_2026', 'Kooperationsplan mit persönlichem Angebot (Neue Grundsicherung)',
     '2026-07-01', null, 'kooperationsplan', 'verwaltungsakt', false, false, null, 6,
     '§ 15 SGB II in der ab 01.07.2026 geltenden Fassung (Neue Grundsicherung / Grundsicherungsgeld)',
     'Kommt ein Kooperationsplan nicht zustande, werden die erforderlichen Pflichten durch Verwaltungsakt festgelegt; eine Pflichtverletzung kann dann zu einer Leistungsminderung führen.',
     'Gesetz zur Neuen Grundsicherung, Übergang ab 01.07.2026: Kooperationsplan mit persönlichem Angebot; Pflichten ohne Einigung per Verwaltungsakt.')
  `.execute(db);

  await sql`
    create table cases (
      tenant_id uuid not null references tenants(id),
      id uuid not null,
      person_id uuid not null,
      status text not null check (status in ('intake', 'assessment', 'planning', 'implementation', 'closing', 'aftercare',
                                              'closed', 'not_indicated')),
      priority text not null check (priority in ('high', 'medium', 'low')),
      case_manager_id uuid not null,
      -- Null: the tenant's default for the priority.
      contact_density_days integer check (contact_density_days between 1 and 365),
      willing_to_cooperate boolean,
      opened_on date not null,
      closed_on date,
      aftercare_until date,
      -- When the current status was entered: gates ask for an agreement / closing rating made since then.
      status_since timestamptz not null default now(),
      outcome text,
      retrospective text,
      prospective text,
      person_participated boolean,
      satisfaction integer check (satisfaction between 1 and 5),
      last_contact_on date,
      -- Kept with every contact and density change, so "cases without contact" is an index range.
      next_contact_due date not null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, person_id) references persons(tenant_id, id),
      foreign key (tenant_id, case_manager_id) references users(tenant_id, id)
    )`.execute(db);
  await sql`create unique index cases_one_open_per_person on cases (tenant_id, person_id) where status in ${sql.raw(OPEN_STATUSES)}`.execute(
    db,
  );
  await sql`create index cases_person on cases (tenant_id, person_id, opened_on desc)`.execute(db);
  await sql`create index cases_manager_open on cases (tenant_id, case_manager_id, next_contact_due) where status in ${sql.raw(OPEN_STATUSES)}`.execute(
    db,
  );
  await sql`create index cases_status on cases (tenant_id, status, updated_at desc, id)`.execute(db);

  await sql`
    create table case_transitions (
      tenant_id uuid not null,
      id uuid not null,
      case_id uuid not null,
      at timestamptz not null default now(),
      actor_id uuid,
      action text not null,
      from_status text,
      to_status text not null,
      reason text,
      indication_met boolean,
      indication_override boolean not null default false,
      primary key (tenant_id, id),
      foreign key (tenant_id, case_id) references cases(tenant_id, id)
    )`.execute(db);
  await sql`create index case_transitions_case on case_transitions (tenant_id, case_id, at)`.execute(db);

  await sql`
    create table case_barriers (
      tenant_id uuid not null,
      id uuid not null,
      case_id uuid not null,
      barrier_type_id uuid not null,
      severity text not null check (severity in ('low', 'medium', 'high')),
      recorded_on date not null,
      recorded_by uuid not null,
      priority integer check (priority > 0),
      indicators jsonb not null default '[]',
      note text,
      status text not null default 'active' check (status in ('active', 'resolved')),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, case_id) references cases(tenant_id, id),
      foreign key (tenant_id, barrier_type_id) references barrier_types(tenant_id, id),
      foreign key (tenant_id, recorded_by) references users(tenant_id, id)
    )`.execute(db);
  await sql`create index case_barriers_case on case_barriers (tenant_id, case_id)`.execute(db);

  await sql`
    create table case_resources (
      tenant_id uuid not null,
      id uuid not null,
      case_id uuid not null,
      category text not null,
      description text not null,
      recorded_on date not null,
      recorded_by uuid not null,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, case_id) references cases(tenant_id, id),
      foreign key (tenant_id, recorded_by) references users(tenant_id, id)
    )`.execute(db);
  await sql`create index case_resources_case on case_resources (tenant_id, case_id)`.execute(db);

  await sql`
    create table plan_goals (
      tenant_id uuid not null,
      id uuid not null,
      case_id uuid not null,
      title text not null,
      description text,
      status text not null default 'active' check (status in ('active', 'reached', 'dropped')),
      barrier_ids uuid[] not null default '{}',
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, case_id) references cases(tenant_id, id)
    )`.execute(db);
  await sql`create index plan_goals_case on plan_goals (tenant_id, case_id, created_at)`.execute(db);

  await sql`
    create table plan_subgoals (
      tenant_id uuid not null,
      id uuid not null,
      case_id uuid not null,
      goal_id uuid not null,
      title text not null,
      owner_kind text not null check (owner_kind in ('person', 'case_manager', 'provider')),
      owner_note text,
      due_on date not null,
      status text not null default 'open' check (status in ('open', 'reached', 'partly_reached', 'missed', 'dropped')),
      review_note text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, case_id) references cases(tenant_id, id),
      foreign key (tenant_id, goal_id) references plan_goals(tenant_id, id)
    )`.execute(db);
  await sql`create index plan_subgoals_case on plan_subgoals (tenant_id, case_id)`.execute(db);
  await sql`create index plan_subgoals_open_due on plan_subgoals (tenant_id, due_on) where status = 'open'`.execute(db);

  await sql`
    create table agreement_versions (
      tenant_id uuid not null,
      id uuid not null,
      case_id uuid not null,
      version_no integer not null check (version_no > 0),
      rule_id uuid not null references agreement_rules(id),
      kind text not null check (kind in ('egv', 'kooperationsplan', 'verwaltungsakt')),
      reached boolean not null,
      agreed_on date not null,
      valid_until date not null,
      review_on date not null,
      duties jsonb not null,
      commitments jsonb not null,
      personal_offer text,
      notes text,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      unique (tenant_id, case_id, version_no),
      foreign key (tenant_id, case_id) references cases(tenant_id, id),
      foreign key (tenant_id, created_by) references users(tenant_id, id),
      check (valid_until >= agreed_on and review_on >= agreed_on)
    )`.execute(db);
  await sql`create index agreement_versions_review on agreement_versions (tenant_id, review_on)`.execute(db);

  await sql`
    create table case_ratings (
      tenant_id uuid not null,
      id uuid not null,
      case_id uuid not null,
      occasion text not null check (occasion in ('baseline', 'review', 'closing')),
      rated_on date not null,
      with_person boolean not null,
      rated_by uuid not null,
      scores jsonb not null,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, case_id) references cases(tenant_id, id),
      foreign key (tenant_id, rated_by) references users(tenant_id, id)
    )`.execute(db);
  await sql`create index case_ratings_case on case_ratings (tenant_id, case_id, rated_on)`.execute(db);

  await sql`
    create table case_contacts (
      tenant_id uuid not null,
      id uuid not null,
      case_id uuid not null,
      kind text not null check (kind in ('meeting', 'phone', 'letter', 'home_visit')),
      occurred_on date not null,
      summary text not null,
      note text,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, case_id) references cases(tenant_id, id),
      foreign key (tenant_id, created_by) references users(tenant_id, id)
    )`.execute(db);
  await sql`create index case_contacts_case on case_contacts (tenant_id, case_id, occurred_on desc, created_at desc)`.execute(db);

  await sql`
    create table follow_ups (
      tenant_id uuid not null,
      id uuid not null,
      case_id uuid not null,
      title text not null,
      due_on date not null,
      owner_id uuid not null,
      done_on date,
      done_by uuid,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, case_id) references cases(tenant_id, id),
      foreign key (tenant_id, owner_id) references users(tenant_id, id)
    )`.execute(db);
  await sql`create index follow_ups_case on follow_ups (tenant_id, case_id, due_on)`.execute(db);
  await sql`create index follow_ups_owner_open on follow_ups (tenant_id, owner_id, due_on) where done_on is null`.execute(db);

  // Reads of case files and of special-category entries (health, addiction) are logged too.
  await sql`alter table read_log drop constraint read_log_purpose_check`.execute(db);
  await sql`alter table read_log add constraint read_log_purpose_check
    check (purpose in ('view', 'search', 'household', 'edit', 'case', 'special_category'))`.execute(db);

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
        execute 'grant select, insert, update, delete on tenant_case_rules, barrier_types, cases, case_barriers, case_resources,
                 plan_goals, plan_subgoals, case_ratings, case_contacts, follow_ups to lotse_app';
        -- History and agreement versions are kept: the app may add, never rewrite.
        execute 'grant select, insert on case_transitions, agreement_versions to lotse_app';
        execute 'grant select on agreement_rules to lotse_app';
      end if;
    end $$`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The case-file migration cannot be reverted; restore a backup instead.');
}
