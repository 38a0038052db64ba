import type { Tx } from '@lotse/db';
import type { QualityGrouping } from '@lotse/domain';
import { type RawBuilder, sql } from 'kysely';

/** A day in German local time of a timestamp column (transitions are stored with their instant). */
const germanDay = (column: string) => sql.raw(`(${column} at time zone 'Europe/Berlin')::date`);

/**
 * The group of a referral: the team of its case's case manager, its offer's service type or its provider.
 * Every referral query below joins `o` (offer), `c` (case) and `m` (the case manager).
 */
function referralGroup(by: QualityGrouping): RawBuilder<string> {
  if (by === 'service_type') return sql<string>`o.service_type`;
  if (by === 'provider') return sql<string>`r.provider_id::text`;
  return sql<string>`coalesce(m.team_id::text, 'none')`;
}

const REFERRAL_JOINS = sql`
  join offers o on o.tenant_id = r.tenant_id and o.id = r.offer_id
  join cases c on c.tenant_id = r.tenant_id and c.id = r.case_id
  join users m on m.tenant_id = c.tenant_id and m.id = c.case_manager_id`;

export interface FeedbackFactsRow {
  key: string;
  sent: string | null;
  accepted: string | null;
  started: string | null;
  ended: string | null;
  answered: string | null;
  startanswered: string | null;
  cancelled: string | null;
  reports: string | null;
  answerdays: number | null;
  startdays: number | null;
  reportdays: number | null;
}

/**
 * The SQL of the quality indicators (SPEC C13). Only aggregates or rows without person data leave
 * here; every query filters by tenant besides row-level security. Column aliases are single lower-case
 * words so they read the same with and without the camel-case plugin.
 */
export class QualityRepository {
  caseRules(trx: Tx, tenantId: string) {
    return trx
      .selectFrom('tenantCaseRules')
      .select(['suppressionMinimum', 'caseloadTarget', 'waitingTargetDays'])
      .where('tenantId', '=', tenantId)
      .executeTakeFirst();
  }

  teams(trx: Tx, tenantId: string) {
    return trx.selectFrom('teams').select(['id', 'name']).where('tenantId', '=', tenantId).execute();
  }

  providers(trx: Tx, tenantId: string) {
    return trx.selectFrom('providers').select(['id', 'name']).where('tenantId', '=', tenantId).execute();
  }

  /** Per user who carries cases or has the case-manager role: team, open cases on the day, role, active. */
  async caseloads(trx: Tx, tenantId: string, day: string) {
    // One pass over the cases, then per user: the open cases are a historical count, so no partial index helps.
    const { rows } = await sql<{ key: string; cases: number; manager: boolean }>`
      with open as (
        select c.case_manager_id, count(*)::int as n
          from cases c
         where c.tenant_id = ${tenantId} and c.opened_on <= ${day}::date and (c.closed_on is null or c.closed_on > ${day}::date)
         group by c.case_manager_id
      )
      select coalesce(u.team_id::text, 'none') as key, coalesce(o.n, 0) as cases,
             ('case_manager' = any(u.roles) and not u.disabled) as manager
        from users u
        left join open o on o.case_manager_id = u.id
       where u.tenant_id = ${tenantId}`.execute(trx);
    return rows.filter((row) => row.manager || row.cases > 0);
  }

  /** Starts in the period after a sent referral, and those within `targetDays` of sending. */
  async waitingStarts(trx: Tx, tenantId: string, by: QualityGrouping, from: string, to: string, targetDays: number) {
    const group = referralGroup(by);
    const { rows } = await sql<{ key: string; n: number; within: number }>`
      select ${group} as key, count(*)::int as n,
             (count(*) filter (where r.started_on - r.sent_on <= ${targetDays}))::int as within
        from referrals r ${REFERRAL_JOINS}
       where r.tenant_id = ${tenantId} and r.sent_on is not null
         and r.started_on between ${from}::date and ${to}::date
       group by 1`.execute(trx);
    return rows;
  }

  /**
   * Referrals that may have a feedback deadline in the period: sent or started by its end, and still
   * open or changed since shortly before its start; with their deadlines and the days of each answer.
   */
  async feedbackFacts(trx: Tx, tenantId: string, by: QualityGrouping, from: string, to: string) {
    const group = referralGroup(by);
    const day = germanDay('t.at');
    const { rows } = await sql<FeedbackFactsRow>`
      select ${group} as key, r.sent_on::text as sent, r.accepted_on::text as accepted, r.started_on::text as started,
             r.ended_on::text as ended,
             (select min(${day})::text from referral_transitions t
               where t.tenant_id = r.tenant_id and t.referral_id = r.id and t.from_status = 'sent'
                 and t.to_status in ('accepted', 'declined')) as answered,
             (select min(${day})::text from referral_transitions t
               where t.tenant_id = r.tenant_id and t.referral_id = r.id and t.from_status = 'accepted'
                 and t.to_status in ('started', 'not_started')) as startanswered,
             (select min(${day})::text from referral_transitions t
               where t.tenant_id = r.tenant_id and t.referral_id = r.id and t.to_status = 'cancelled') as cancelled,
             (select string_agg(f.recorded_on::text, ',') from referral_feedback f
               where f.tenant_id = r.tenant_id and f.referral_id = r.id and f.kind in ('interim_report', 'final_report')) as reports,
             a.answer_days as answerdays, a.start_days as startdays, a.interim_report_days as reportdays
        from referrals r ${REFERRAL_JOINS}
        left join cooperation_agreements a on a.tenant_id = o.tenant_id and a.id = o.agreement_id
       where r.tenant_id = ${tenantId}
         and coalesce(r.sent_on, r.started_on) <= ${to}::date
         and (r.status in ('sent', 'accepted', 'started')
              or exists (select 1 from referral_transitions t
                          where t.tenant_id = r.tenant_id and t.referral_id = r.id and t.at >= ${from}::date - 1))`.execute(trx);
    return rows;
  }

  /** Referrals that ended in the period (completed or dropped out), counted by status and result. */
  async endedReferrals(trx: Tx, tenantId: string, by: QualityGrouping, from: string, to: string) {
    const group = referralGroup(by);
    const { rows } = await sql<{ key: string; status: 'completed' | 'dropped_out'; result: string | null; n: number }>`
      select ${group} as key, r.status, r.result, count(*)::int as n
        from referrals r ${REFERRAL_JOINS}
       where r.tenant_id = ${tenantId} and r.status in ('completed', 'dropped_out')
         and r.ended_on between ${from}::date and ${to}::date
       group by 1, 2, 3`.execute(trx);
    return rows;
  }

  /** Agreement versions whose review day lies in the period and has passed, with what followed them. */
  async agreementReviews(trx: Tx, tenantId: string, from: string, to: string, today: string) {
    const day = germanDay('t.at');
    const { rows } = await sql<{ key: string; agreed: string; review: string; next: string | null; closing: string | null }>`
      select coalesce(m.team_id::text, 'none') as key, v.agreed_on::text as agreed, v.review_on::text as review,
             (select min(n.agreed_on)::text from agreement_versions n
               where n.tenant_id = v.tenant_id and n.case_id = v.case_id and n.version_no > v.version_no) as next,
             (select min(${day})::text from case_transitions t
               where t.tenant_id = v.tenant_id and t.case_id = v.case_id and t.action = 'start_closing'
                 and ${day} >= v.agreed_on) as closing
        from agreement_versions v
        join cases c on c.tenant_id = v.tenant_id and c.id = v.case_id
        join users m on m.tenant_id = c.tenant_id and m.id = c.case_manager_id
       where v.tenant_id = ${tenantId} and v.review_on between ${from}::date and ${to}::date
         and v.review_on < ${today}::date`.execute(trx);
    return rows;
  }

  /** Sub-goals due in the period that were assessed, counted by status. */
  async assessedSubGoals(trx: Tx, tenantId: string, from: string, to: string) {
    const { rows } = await sql<{ key: string; status: 'reached' | 'partly_reached' | 'missed'; n: number }>`
      select coalesce(m.team_id::text, 'none') as key, s.status, count(*)::int as n
        from plan_subgoals s
        join cases c on c.tenant_id = s.tenant_id and c.id = s.case_id
        join users m on m.tenant_id = c.tenant_id and m.id = c.case_manager_id
       where s.tenant_id = ${tenantId} and s.status in ('reached', 'partly_reached', 'missed')
         and s.due_on between ${from}::date and ${to}::date
       group by 1, 2`.execute(trx);
    return rows;
  }

  /**
   * Per case with a review or closing rating in the period: the last of them (which is then also its last
   * up to the period's end) and the scores of the case's first baseline rating before it.
   */
  async ratingPairs(trx: Tx, tenantId: string, from: string, to: string) {
    const { rows } = await sql<{ key: string; latest: unknown; baseline: unknown }>`
      with last as (
        select distinct on (g.case_id) g.case_id, g.rated_on, g.scores
          from case_ratings g
         where g.tenant_id = ${tenantId} and g.occasion in ('review', 'closing') and g.rated_on between ${from}::date and ${to}::date
         order by g.case_id, g.rated_on desc, (g.occasion = 'closing') desc, g.created_at desc
      )
      select coalesce(m.team_id::text, 'none') as key, l.scores as latest, b.scores as baseline
        from last l
        join cases c on c.tenant_id = ${tenantId} and c.id = l.case_id
        join users m on m.tenant_id = c.tenant_id and m.id = c.case_manager_id
        join lateral (
          select g.scores from case_ratings g
           where g.tenant_id = ${tenantId} and g.case_id = l.case_id and g.occasion = 'baseline' and g.rated_on <= l.rated_on
           order by g.rated_on, g.created_at
           limit 1) b on true`.execute(trx);
    return rows;
  }

  /** Cases whose (last) closing decision fell in the period and that still have an outcome, counted by outcome. */
  async closedCases(trx: Tx, tenantId: string, from: string, to: string) {
    const day = germanDay('t.at');
    const { rows } = await sql<{ key: string; outcome: string; n: number }>`
      with closed as (
        select t.case_id, max(${day}) as day
          from case_transitions t
         where t.tenant_id = ${tenantId} and t.action = 'close'
         group by t.case_id
      )
      select coalesce(m.team_id::text, 'none') as key, c.outcome, count(*)::int as n
        from closed k
        join cases c on c.tenant_id = ${tenantId} and c.id = k.case_id
        join users m on m.tenant_id = c.tenant_id and m.id = c.case_manager_id
       where c.outcome is not null and k.day between ${from}::date and ${to}::date
       group by 1, 2`.execute(trx);
    return rows;
  }
}
