import type { ReadLogTable, Tx } from '@lotse/db';
import { sql } from 'kysely';

/** Why a person's data was read; `referral` and `provider_portal` came with the cooperation (offer search, referrals, portal). */
export type ReadPurpose = ReadLogTable['purpose'];
export type ChangeAction = 'create' | 'update' | 'delete';

export interface Actor {
  tenantId: string;
  userId: string | null;
}

/** Appends to the hash-chained logs (see migration: audit_append_*), and reads and verifies them. */
export class AuditRepository {
  async appendChange(trx: Tx, actor: Actor, entity: string, entityId: string, action: ChangeAction, before: unknown, after: unknown) {
    await sql`select audit_append_change(${actor.tenantId}::uuid, ${actor.userId}::uuid, ${entity}, ${entityId}::uuid, ${action},
      ${before === null ? null : JSON.stringify(before)}::jsonb, ${after === null ? null : JSON.stringify(after)}::jsonb)`.execute(trx);
  }

  async appendReads(trx: Tx, actor: Actor, personIds: string[], purpose: ReadPurpose) {
    if (personIds.length === 0) return;
    await sql`select audit_append_reads(${actor.tenantId}::uuid, ${actor.userId}::uuid, ${personIds}::uuid[], ${purpose})`.execute(trx);
  }

  listChanges(trx: Tx, tenantId: string, options: { beforeSeq?: number; limit: number; entityId?: string }) {
    let query = trx
      .selectFrom('changeLog as c')
      .leftJoin('users as u', (join) => join.onRef('u.tenantId', '=', 'c.tenantId').onRef('u.id', '=', 'c.actorId'))
      .select([
        'c.seq',
        'c.at',
        'c.actorId',
        'u.displayName as actorName',
        'c.entity',
        'c.entityId',
        'c.action',
        'c.before',
        'c.after',
        'c.hash',
      ])
      .where('c.tenantId', '=', tenantId);
    if (options.beforeSeq !== undefined) query = query.where('c.seq', '<', options.beforeSeq);
    if (options.entityId) query = query.where('c.entityId', '=', options.entityId);
    return query
      .orderBy('c.seq', 'desc')
      .limit(options.limit + 1)
      .execute();
  }

  listReads(trx: Tx, tenantId: string, options: { beforeSeq?: number; limit: number; personId?: string }) {
    let query = trx
      .selectFrom('readLog as r')
      .leftJoin('users as u', (join) => join.onRef('u.tenantId', '=', 'r.tenantId').onRef('u.id', '=', 'r.actorId'))
      .leftJoin('persons as p', (join) => join.onRef('p.tenantId', '=', 'r.tenantId').onRef('p.id', '=', 'r.personId'))
      .select(['r.seq', 'r.at', 'r.actorId', 'u.displayName as actorName', 'r.personId', 'r.purpose', 'r.hash'])
      .select(sql<string | null>`p.last_name || ', ' || p.first_name`.as('personName'))
      .where('r.tenantId', '=', tenantId);
    if (options.beforeSeq !== undefined) query = query.where('r.seq', '<', options.beforeSeq);
    if (options.personId) query = query.where('r.personId', '=', options.personId);
    return query
      .orderBy('r.seq', 'desc')
      .limit(options.limit + 1)
      .execute();
  }

  /**
   * Recomputes every hash from its predecessor in its chain and the entry's fields. Reports the first
   * entry (global seq) whose hash or position does not fit: a changed, inserted or deleted entry. A
   * chain whose head does not match its last entry lost entries at the end; that is reported as the
   * position after the chain's last remaining entry.
   */
  async verify(trx: Tx, tenantId: string, log: 'change' | 'read'): Promise<{ entries: number; firstBrokenSeq: number | null }> {
    const checked =
      log === 'change'
        ? sql`select seq as entry, 0::smallint as chain, seq as chain_seq, hash,
                audit_change_hash(coalesce(lag(hash) over w, ''), tenant_id, seq, at, actor_id, entity, entity_id, action, before, after) as expected
              from change_log where tenant_id = ${tenantId} window w as (order by seq)`
        : sql`select seq as entry, chain, chain_seq, hash,
                audit_read_hash(coalesce(lag(hash) over w, ''), tenant_id, chain, chain_seq, at, actor_id, person_id, purpose) as expected
              from read_log where tenant_id = ${tenantId} window w as (partition by chain order by chain_seq)`;
    const { rows } = await sql<{ entries: number; brokenEntry: number | null; brokenTail: number | null }>`
      with checked as (${checked}),
      numbered as (select *, row_number() over (partition by chain order by chain_seq) as position from checked),
      tails as (select chain, max(chain_seq) as last_seq, max(entry) as last_entry,
                       (array_agg(hash order by chain_seq desc))[1] as last_hash
                from checked group by chain),
      heads as (select chain, seq, hash from audit_heads where tenant_id = ${tenantId} and log = ${log})
      select (select count(*) from checked)::int8 as entries,
             (select min(entry) from numbered where hash <> expected or chain_seq <> position) as broken_entry,
             (select min(coalesce(t.last_entry, 0) + 1) from heads h left join tails t using (chain)
               where h.seq <> coalesce(t.last_seq, 0) or h.hash <> coalesce(t.last_hash, '')) as broken_tail`.execute(trx);
    const result = rows[0];
    return { entries: result?.entries ?? 0, firstBrokenSeq: result?.brokenEntry ?? result?.brokenTail ?? null };
  }
}
