import { type Kysely, sql } from 'kysely';

/**
 * Cooperation with providers (SPEC C6, C7, C8, C10): providers and their staff, cooperation agreements,
 * offers with locations, the handbook, consents, referrals with their history and the provider's
 * feedback, barriers proposed from feedback, and case conferences.
 */

const TENANT_TABLES = [
  'providers',
  'cooperation_agreements',
  'offers',
  'offer_locations',
  'handbook_pages',
  'consents',
  'referrals',
  'referral_transitions',
  'referral_feedback',
  'barrier_proposals',
  'case_conferences',
  'conference_participants',
  'conference_actions',
];

const CATEGORY_CHECK = `<@ array['attendance', 'process_steps', 'content_summary', 'results', 'health']::text[]`;
const SERVICE_TYPES = `('childcare_care', 'debt_counselling', 'psychosocial_support', 'addiction_counselling', 'insolvency_counselling',
  'sgb2_16d_work_opportunity', 'sgb2_16e_wage_subsidy', 'sgb2_16i_social_participation', 'sgb2_16k_health_coaching',
  'sgb3_45_activation', 'housing_support', 'language_course')`;
const REFERRAL_STATUSES = `('draft', 'sent', 'accepted', 'declined', 'started', 'completed', 'dropped_out', 'not_started', 'cancelled', 'self_referred')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table providers (
      tenant_id uuid not null references tenants(id),
      id uuid not null,
      name text not null,
      street text,
      house_number text,
      postal_code text,
      city text,
      phone text,
      email text,
      website text,
      contact_person text,
      active boolean not null default true,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      unique (tenant_id, name)
    )`.execute(db);

  // Provider staff belong to exactly one provider; the session carries it like the roles.
  await sql`alter table users add column provider_id uuid`.execute(db);
  await sql`alter table users add foreign key (tenant_id, provider_id) references providers(tenant_id, id)`.execute(db);
  await sql`alter table sessions add column provider_id uuid`.execute(db);

  await sql`
    create table cooperation_agreements (
      tenant_id uuid not null,
      id uuid not null,
      provider_id uuid not null,
      title text not null,
      valid_from date not null,
      valid_until date,
      answer_days integer not null check (answer_days between 1 and 90),
      start_days integer not null check (start_days between 1 and 180),
      interim_report_days integer not null check (interim_report_days between 7 and 365),
      feedback_procedure text,
      quality_standards text,
      reporting_duties text,
      audit_rights text,
      notice text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, provider_id) references providers(tenant_id, id),
      check (valid_until is null or valid_until >= valid_from)
    )`.execute(db);
  await sql`create index cooperation_agreements_provider on cooperation_agreements (tenant_id, provider_id, valid_from)`.execute(db);

  await sql`
    create table offers (
      tenant_id uuid not null,
      id uuid not null,
      provider_id uuid not null,
      agreement_id uuid,
      name text not null,
      description text,
      service_type text not null check (service_type in ${sql.raw(SERVICE_TYPES)}),
      target_groups text[] not null default '{all}'
        check (target_groups <@ array['all', 'u25', 'ue50', 'single_parent', 'refugee', 'severe_disability']::text[]),
      capacity integer check (capacity >= 0),
      capacity_unit text not null default 'places' check (capacity_unit in ('places', 'hours')),
      capacity_period text not null default 'month' check (capacity_period in ('week', 'month', 'quarter', 'year')),
      waiting_days integer check (waiting_days >= 0),
      financing_model text not null check (financing_model in ('specialist_hours', 'tiered_case_flat_rate', 'modular', 'institutional')),
      price_cents integer check (price_cents >= 0),
      price_unit text,
      contacts jsonb not null default '[]',
      active boolean not null default true,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, provider_id) references providers(tenant_id, id),
      foreign key (tenant_id, agreement_id) references cooperation_agreements(tenant_id, id)
    )`.execute(db);
  await sql`create index offers_service_type on offers (tenant_id, service_type) where active`.execute(db);
  await sql`create index offers_provider on offers (tenant_id, provider_id)`.execute(db);

  await sql`
    create table offer_locations (
      tenant_id uuid not null,
      id uuid not null,
      offer_id uuid not null,
      position integer not null,
      label text not null,
      street text,
      house_number text,
      postal_code text,
      city text,
      latitude double precision not null check (latitude between -90 and 90),
      longitude double precision not null check (longitude between -180 and 180),
      opening_hours text,
      accessible boolean not null default false,
      primary key (tenant_id, id),
      unique (tenant_id, offer_id, position),
      foreign key (tenant_id, offer_id) references offers(tenant_id, id) on delete cascade
    )`.execute(db);

  await sql`
    create table handbook_pages (
      tenant_id uuid not null references tenants(id),
      service_type text not null check (service_type in ${sql.raw(SERVICE_TYPES)}),
      title text not null,
      summary text not null,
      checklists jsonb not null,
      sources text,
      version integer not null default 1,
      updated_by uuid,
      updated_at timestamptz not null default now(),
      primary key (tenant_id, service_type)
    )`.execute(db);

  await sql`
    create table consents (
      tenant_id uuid not null,
      id uuid not null,
      person_id uuid not null,
      case_id uuid not null,
      provider_id uuid not null,
      categories text[] not null check (cardinality(categories) > 0 and categories ${sql.raw(CATEGORY_CHECK)}),
      purpose text not null,
      form text not null check (form in ('written', 'electronic', 'oral_documented')),
      given_on date not null,
      valid_until date,
      counselled text[] not null,
      revoked_on date,
      revoked_at timestamptz,
      revoked_by uuid,
      revocation_note text,
      recorded_by uuid not null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, person_id) references persons(tenant_id, id),
      foreign key (tenant_id, case_id) references cases(tenant_id, id),
      foreign key (tenant_id, provider_id) references providers(tenant_id, id),
      foreign key (tenant_id, recorded_by) references users(tenant_id, id),
      check (valid_until is null or valid_until >= given_on),
      check (counselled @> array['content', 'effects', 'scope', 'voluntariness', 'benefit']::text[])
    )`.execute(db);
  await sql`create index consents_case on consents (tenant_id, case_id, created_at)`.execute(db);
  await sql`create index consents_person_provider on consents (tenant_id, person_id, provider_id)`.execute(db);

  await sql`
    create table referrals (
      tenant_id uuid not null,
      id uuid not null,
      case_id uuid not null,
      person_id uuid not null,
      offer_id uuid not null,
      provider_id uuid not null,
      consent_id uuid,
      status text not null check (status in ${sql.raw(REFERRAL_STATUSES)}),
      referral_note text,
      goal_ids uuid[] not null default '{}',
      health_note text,
      needs_decision text,
      sent_on date,
      accepted_on date,
      started_on date,
      ended_on date,
      result text check (result in ('goal_reached', 'partly_reached', 'not_reached')),
      last_report_on date,
      created_by uuid not null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, case_id) references cases(tenant_id, id),
      foreign key (tenant_id, person_id) references persons(tenant_id, id),
      foreign key (tenant_id, offer_id) references offers(tenant_id, id),
      foreign key (tenant_id, provider_id) references providers(tenant_id, id),
      foreign key (tenant_id, consent_id) references consents(tenant_id, id),
      foreign key (tenant_id, created_by) references users(tenant_id, id)
    )`.execute(db);
  await sql`create index referrals_case on referrals (tenant_id, case_id, created_at)`.execute(db);
  await sql`create index referrals_provider on referrals (tenant_id, provider_id, status, sent_on)`.execute(db);
  await sql`create index referrals_offer_status on referrals (tenant_id, offer_id, status)`.execute(db);
  await sql`create index referrals_consent on referrals (tenant_id, consent_id)`.execute(db);

  await sql`
    create table referral_transitions (
      tenant_id uuid not null,
      id uuid not null,
      referral_id uuid not null,
      from_status text,
      to_status text not null,
      actor_id uuid not null,
      actor_side text not null check (actor_side in ('jobcenter', 'provider')),
      at timestamptz not null default now(),
      reason text,
      primary key (tenant_id, id),
      foreign key (tenant_id, referral_id) references referrals(tenant_id, id),
      foreign key (tenant_id, actor_id) references users(tenant_id, id)
    )`.execute(db);
  await sql`create index referral_transitions_referral on referral_transitions (tenant_id, referral_id, at)`.execute(db);

  await sql`
    create table referral_feedback (
      tenant_id uuid not null,
      id uuid not null,
      referral_id uuid not null,
      kind text not null check (kind in ('status', 'appointment', 'interim_report', 'final_report')),
      categories text[] not null check (categories ${sql.raw(CATEGORY_CHECK)}),
      recorded_on date not null,
      recorded_by uuid not null,
      recorded_at timestamptz not null default now(),
      fields jsonb not null,
      primary key (tenant_id, id),
      foreign key (tenant_id, referral_id) references referrals(tenant_id, id),
      foreign key (tenant_id, recorded_by) references users(tenant_id, id)
    )`.execute(db);
  await sql`create index referral_feedback_referral on referral_feedback (tenant_id, referral_id, recorded_at)`.execute(db);

  await sql`
    create table barrier_proposals (
      tenant_id uuid not null,
      id uuid not null,
      case_id uuid not null,
      referral_id uuid not null,
      feedback_id uuid not null,
      barrier_type_id uuid not null,
      note text,
      special_category boolean not null,
      status text not null default 'proposed' check (status in ('proposed', 'accepted', 'rejected')),
      decided_by uuid,
      decided_at timestamptz,
      decision_note text,
      barrier_id uuid,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, case_id) references cases(tenant_id, id),
      foreign key (tenant_id, referral_id) references referrals(tenant_id, id),
      foreign key (tenant_id, feedback_id) references referral_feedback(tenant_id, id),
      foreign key (tenant_id, barrier_type_id) references barrier_types(tenant_id, id),
      foreign key (tenant_id, barrier_id) references case_barriers(tenant_id, id)
    )`.execute(db);
  await sql`create index barrier_proposals_case on barrier_proposals (tenant_id, case_id, status)`.execute(db);

  await sql`
    create table case_conferences (
      tenant_id uuid not null,
      id uuid not null,
      case_id uuid not null,
      scheduled_at timestamptz not null,
      location text,
      status text not null default 'planned' check (status in ('planned', 'held', 'cancelled')),
      person_present boolean,
      absence_reason text,
      topics jsonb not null default '[]',
      minutes text,
      created_by uuid not null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, case_id) references cases(tenant_id, id),
      foreign key (tenant_id, created_by) references users(tenant_id, id),
      check (status <> 'held' or person_present is not null),
      check (status <> 'held' or person_present or coalesce(length(trim(absence_reason)), 0) > 0)
    )`.execute(db);
  await sql`create index case_conferences_case on case_conferences (tenant_id, case_id, scheduled_at)`.execute(db);

  await sql`
    create table conference_participants (
      tenant_id uuid not null,
      id uuid not null,
      conference_id uuid not null,
      position integer not null,
      kind text not null check (kind in ('internal', 'provider', 'other')),
      user_id uuid,
      provider_id uuid,
      name text not null,
      organisation text,
      function text,
      primary key (tenant_id, id),
      unique (tenant_id, conference_id, position),
      foreign key (tenant_id, conference_id) references case_conferences(tenant_id, id) on delete cascade,
      foreign key (tenant_id, user_id) references users(tenant_id, id),
      foreign key (tenant_id, provider_id) references providers(tenant_id, id),
      check ((kind = 'internal') = (user_id is not null)),
      check ((kind = 'provider') = (provider_id is not null))
    )`.execute(db);
  await sql`create index conference_participants_provider on conference_participants (tenant_id, provider_id) where provider_id is not null`.execute(
    db,
  );

  await sql`
    create table conference_actions (
      tenant_id uuid not null,
      id uuid not null,
      conference_id uuid not null,
      kind text not null check (kind in ('follow_up', 'plan_change')),
      title text not null,
      due_on date not null,
      owner_id uuid,
      provider_id uuid,
      follow_up_id uuid,
      goal_id uuid,
      subgoal_id uuid,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, conference_id) references case_conferences(tenant_id, id),
      foreign key (tenant_id, owner_id) references users(tenant_id, id),
      foreign key (tenant_id, provider_id) references providers(tenant_id, id),
      foreign key (tenant_id, follow_up_id) references follow_ups(tenant_id, id),
      foreign key (tenant_id, goal_id) references plan_goals(tenant_id, id),
      foreign key (tenant_id, subgoal_id) references plan_subgoals(tenant_id, id)
    )`.execute(db);
  await sql`create index conference_actions_conference on conference_actions (tenant_id, conference_id, created_at)`.execute(db);

  // Reads by provider staff (portal) and of consents and referrals are logged with their own purposes.
  await sql`alter table read_log drop constraint read_log_purpose_check`.execute(db);
  await sql`alter table read_log add constraint read_log_purpose_check
    check (purpose in ('view', 'search', 'household', 'edit', 'case', 'special_category', 'referral', 'provider_portal'))`.execute(db);

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
        execute 'grant select, insert, update, delete on providers, cooperation_agreements, offers, offer_locations, handbook_pages,
                 consents, referrals, barrier_proposals, case_conferences, conference_participants, conference_actions to lotse_app';
        -- The referral's history and the provider's feedback are kept as written: the app may add, never rewrite.
        execute 'grant select, insert on referral_transitions, referral_feedback to lotse_app';
      end if;
    end $$`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The cooperation migration cannot be reverted; restore a backup instead.');
}
