import { type Kysely, sql } from 'kysely';

/**
 * Steering (SPEC C12, C13): planning regions and teams as the dimensions of needs planning, unmet needs
 * recorded where no offer fits, a yearly plan per offer (capacity, budget, SGB II share), monthly
 * targets per service type, the actual cost of each case, childcare arrangements (one statistics
 * measure each), and the log of § 51b deliveries (XSozial Modul 13) that lets late facts and
 * corrections be reported for the month they belong to.
 */

const TENANT_TABLES = [
  'planning_regions',
  'teams',
  'unmet_needs',
  'offer_year_plans',
  'planning_targets',
  'referral_charges',
  'childcare_arrangements',
  'statistics_deliveries',
  'statistics_delivered_measures',
];

const SERVICE_TYPES = `('childcare_care', 'debt_counselling', 'psychosocial_support', 'addiction_counselling', 'insolvency_counselling',
  'sgb2_16d_work_opportunity', 'sgb2_16e_wage_subsidy', 'sgb2_16i_social_participation', 'sgb2_16k_health_coaching',
  'sgb3_45_activation', 'housing_support', 'language_course')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  // Planning parameters of the tenant: who may be identified (suppression), how many cases a case
  // manager should carry, how long a person may wait for an offer to start.
  await sql`alter table tenant_case_rules
    add column suppression_minimum integer not null default 5 check (suppression_minimum between 2 and 50),
    add column caseload_target integer not null default 75 check (caseload_target between 10 and 500),
    add column waiting_target_days integer not null default 21 check (waiting_target_days between 1 and 365)`.execute(db);

  // A region is a set of postal codes (Sozialraum); a person belongs to the region of their postal code.
  await sql`
    create table planning_regions (
      tenant_id uuid not null references tenants(id),
      id uuid not null,
      name text not null,
      postal_codes text[] not null default '{}',
      sort_order integer not null default 0,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      unique (tenant_id, name)
    )`.execute(db);

  await sql`
    create table teams (
      tenant_id uuid not null references tenants(id),
      id uuid not null,
      name text not null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      unique (tenant_id, name)
    )`.execute(db);
  await sql`alter table users add column team_id uuid`.execute(db);
  await sql`alter table users add foreign key (tenant_id, team_id) references teams(tenant_id, id)`.execute(db);

  // A need the case manager found no fitting offer for (SPEC C12 "unmet need").
  await sql`
    create table unmet_needs (
      tenant_id uuid not null,
      id uuid not null,
      case_id uuid not null,
      person_id uuid not null,
      service_type text not null check (service_type in ${sql.raw(SERVICE_TYPES)}),
      reason text not null check (reason in ('no_offer', 'no_capacity', 'too_far', 'target_group', 'waiting_too_long', 'other')),
      note text,
      recorded_on date not null,
      recorded_by uuid not null,
      resolved_on date,
      resolved_by uuid,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, case_id) references cases(tenant_id, id),
      foreign key (tenant_id, person_id) references persons(tenant_id, id),
      foreign key (tenant_id, recorded_by) references users(tenant_id, id),
      foreign key (tenant_id, resolved_by) references users(tenant_id, id),
      check (resolved_on is null or resolved_on >= recorded_on)
    )`.execute(db);
  await sql`create index unmet_needs_case on unmet_needs (tenant_id, case_id, recorded_on)`.execute(db);
  await sql`create index unmet_needs_recorded on unmet_needs (tenant_id, recorded_on)`.execute(db);

  // The offer's plan for one year: capacity agreed, budget planned and spent, share counted for SGB II.
  await sql`
    create table offer_year_plans (
      tenant_id uuid not null,
      offer_id uuid not null,
      year integer not null check (year between 2000 and 2100),
      planned_cases integer check (planned_cases >= 0),
      planned_cost_cents bigint not null default 0 check (planned_cost_cents >= 0),
      actual_cost_cents bigint check (actual_cost_cents >= 0),
      sgb2_share_percent numeric(5, 2) not null default 100 check (sgb2_share_percent between 0 and 100),
      note text,
      version integer not null default 1,
      updated_by uuid,
      updated_at timestamptz not null default now(),
      primary key (tenant_id, offer_id, year),
      foreign key (tenant_id, offer_id) references offers(tenant_id, id)
    )`.execute(db);

  // Monthly targets per service type (Soll) for the target dialogue; actuals come from the referrals.
  await sql`
    create table planning_targets (
      tenant_id uuid not null references tenants(id),
      year integer not null check (year between 2000 and 2100),
      service_type text not null check (service_type in ${sql.raw(SERVICE_TYPES)}),
      month integer not null check (month between 1 and 12),
      target_starts integer not null check (target_starts >= 0),
      target_cost_cents bigint not null default 0 check (target_cost_cents >= 0),
      updated_by uuid,
      updated_at timestamptz not null default now(),
      primary key (tenant_id, year, service_type, month)
    )`.execute(db);

  // What a case actually cost under a per-case financing model (invoice checked by the coordination).
  await sql`
    create table referral_charges (
      tenant_id uuid not null,
      id uuid not null,
      referral_id uuid not null,
      offer_id uuid not null,
      service_month date not null check (extract(day from service_month) = 1),
      units numeric(8, 2) not null check (units > 0),
      amount_cents bigint not null check (amount_cents >= 0),
      note text,
      recorded_by uuid not null,
      recorded_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, referral_id) references referrals(tenant_id, id),
      foreign key (tenant_id, offer_id) references offers(tenant_id, id),
      foreign key (tenant_id, recorded_by) references users(tenant_id, id)
    )`.execute(db);
  await sql`create index referral_charges_referral on referral_charges (tenant_id, referral_id)`.execute(db);
  await sql`create index referral_charges_offer_month on referral_charges (tenant_id, offer_id, service_month)`.execute(db);

  // Childcare under § 16a Nr. 1: one arrangement per child, each reported as its own measure.
  await sql`
    create table childcare_arrangements (
      tenant_id uuid not null,
      id uuid not null,
      referral_id uuid not null,
      child_person_id uuid,
      child_label text not null,
      begins_on date not null,
      ends_on date,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, referral_id) references referrals(tenant_id, id),
      foreign key (tenant_id, child_person_id) references persons(tenant_id, id),
      check (ends_on is null or ends_on >= begins_on)
    )`.execute(db);
  await sql`create index childcare_arrangements_referral on childcare_arrangements (tenant_id, referral_id)`.execute(db);

  // How a measure begins for the statistics, and how long it is planned to run (Kennziffern 13.5–13.7).
  await sql`alter table offers
    add column measure_begin_rule text not null default 'start' check (measure_begin_rule in ('start', 'first_appointment')),
    add column planned_duration_days integer check (planned_duration_days between 1 and 1095)`.execute(db);

  // Indexes for period aggregations over many years of history.
  await sql`create index referrals_sent_on on referrals (tenant_id, sent_on) where sent_on is not null`.execute(db);
  await sql`create index referrals_started_on on referrals (tenant_id, started_on) where started_on is not null`.execute(db);
  await sql`create index referrals_ended_on on referrals (tenant_id, ended_on) where ended_on is not null`.execute(db);
  await sql`create index case_barriers_recorded on case_barriers (tenant_id, recorded_on)`.execute(db);
  await sql`create index cases_opened_on on cases (tenant_id, opened_on)`.execute(db);
  await sql`create index cases_closed_on on cases (tenant_id, closed_on) where closed_on is not null`.execute(db);

  // § 51b deliveries: what was delivered for which month, and the content of each measure as delivered.
  await sql`
    create table statistics_deliveries (
      tenant_id uuid not null references tenants(id),
      id uuid not null,
      kind text not null check (kind in ('modul13')),
      month date not null check (extract(day from month) = 1),
      record_count integer not null,
      correction_count integer not null,
      rejected_count integer not null,
      file_sha256 text not null,
      created_by uuid,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id)
    )`.execute(db);
  await sql`create index statistics_deliveries_month on statistics_deliveries (tenant_id, kind, month, created_at)`.execute(db);

  await sql`
    create table statistics_delivered_measures (
      tenant_id uuid not null references tenants(id),
      kind text not null check (kind in ('modul13')),
      measure_key text not null,
      report_month date not null,
      content_hash text not null,
      delivery_id uuid not null,
      primary key (tenant_id, kind, measure_key, report_month),
      foreign key (tenant_id, delivery_id) references statistics_deliveries(tenant_id, id)
    )`.execute(db);

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
        execute 'grant select, insert, update, delete on planning_regions, teams, unmet_needs, offer_year_plans, planning_targets,
                 childcare_arrangements, statistics_delivered_measures to lotse_app';
        -- Charges and deliveries are records of what happened: added, never rewritten.
        execute 'grant select, insert on referral_charges, statistics_deliveries to lotse_app';
      end if;
    end $$`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The planning migration cannot be reverted; restore a backup instead.');
}
