import type { SanctionHistoryEntry } from '@lotse/contracts';
import { type BreachKind, SANCTION_EVENT_ACTIONS, type SanctionEventAction } from '@lotse/domain';
import { sql } from 'kysely';
import { isoTimestamp } from './mapping';

/**
 * The steps of a case's sanctions for the case history (SPEC C16), as one JSON array inside the case-file
 * statement (which names its case `c`): the recorded steps from `sanction_events`; for a sanction
 * without any (written by the demo loader or an import), its steps read off its own dates. Steps of one
 * moment (a decision and its hand-off) keep the order of the process.
 */
export const sanctionHistoryOfCase = () => sql<unknown>`(
  select coalesce(json_agg(h order by h.at desc, array_position(${[...SANCTION_EVENT_ACTIONS]}::text[], h.action) desc, h.id), '[]'::json) from (
    select e.id::text as id, e.at, e.actor_id as "actorId", u.display_name as "actorName", e.action, e.note,
           s.id as "sanctionId", s.kind, s.breach_on::text as "breachOn"
      from sanction_events e
      join sanctions s on s.tenant_id = e.tenant_id and s.id = e.sanction_id
      left join users u on u.tenant_id = e.tenant_id and u.id = e.actor_id
     where e.tenant_id = c.tenant_id and e.case_id = c.id
    union all
    select s.id::text || ':' || x.action, x.at, x.actor_id, u.display_name, x.action, null,
           s.id, s.kind, s.breach_on::text
      from sanctions s
      cross join lateral (values
        ('recorded', s.created_at, s.created_by),
        ('hearing_sent', (s.hearing_sent_on + time '12:00') at time zone 'Europe/Berlin', null::uuid),
        ('answered', (s.hearing_answered_on + time '12:00') at time zone 'Europe/Berlin', null::uuid),
        ('decided', (s.decided_on + time '12:00') at time zone 'Europe/Berlin', s.decided_by),
        ('handed_off', s.handed_off_at, null::uuid),
        ('withdrawn', case when s.status = 'withdrawn' then s.updated_at end, null::uuid)
      ) as x(action, at, actor_id)
      left join users u on u.tenant_id = s.tenant_id and u.id = x.actor_id
     where s.tenant_id = c.tenant_id and s.case_id = c.id and x.at is not null
       and not exists (select 1 from sanction_events e where e.tenant_id = s.tenant_id and e.sanction_id = s.id)
  ) h)`;

interface HistoryRecord {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: SanctionEventAction;
  note: string | null;
  sanctionId: string;
  kind: BreachKind;
  breachOn: string;
}

export function toSanctionHistory(value: unknown): SanctionHistoryEntry[] {
  return ((value as HistoryRecord[] | null) ?? []).map((h) => ({
    id: h.id,
    at: isoTimestamp(h.at),
    actor: h.actorId ? { id: h.actorId, displayName: h.actorName ?? '' } : null,
    action: h.action,
    sanctionId: h.sanctionId,
    kind: h.kind,
    breachOn: h.breachOn,
    note: h.note,
  }));
}
