import type { Tx } from '@lotse/db';
import { sql } from 'kysely';

export type ReadPurpose = 'view' | 'search' | 'household' | 'edit';
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
   * Recomputes every hash from its predecessor and the entry's fields. The first entry whose hash,
   * predecessor or sequence does not fit is where the log was changed; the head must match the end.
   */
  async verify(trx: Tx, tenantId: string, log: 'change' | 'read'): Promise<{ entries: number; firstBrokenSeq: number | null }> {
    const recomputed =
      log === 'change'
        ? sql`audit_change_hash(coalesce(lag(hash) over w, ''), tenant_id, seq, at, actor_id, entity, entity_id, action, before, after)`
        : sql`audit_read_hash(coalesce(lag(hash) over w, ''), tenant_id, seq, at, actor_id, person_id, purpose)`;
    const table = sql.table(log === 'change' ? 'change_log' : 'read_log');
    const { rows } = await sql<{ entries: number; firstBrokenSeq: number | null; lastSeq: number | null; lastHash: string | null }>`
      with checked as (
        select seq, hash, ${recomputed} as expected, row_number() over w as position
        from ${table} where tenant_id = ${tenantId}
        window w as (order by seq)
      )
      select count(*)::int8 as entries,
             min(seq) filter (where hash <> expected or seq <> position) as first_broken_seq,
             max(seq) as last_seq,
             (select hash from checked order by seq desc limit 1) as last_hash
      from checked`.execute(trx);
    const result = rows[0] ?? { entries: 0, firstBrokenSeq: null, lastSeq: null, lastHash: null };
    const head = await trx
      .selectFrom('auditHeads')
      .select(['seq', 'hash'])
      .where('tenantId', '=', tenantId)
      .where('log', '=', log)
      .executeTakeFirst();
    let firstBroken = result.firstBrokenSeq;
    // Entries cut off at the end leave the head pointing past the last entry.
    if (firstBroken === null && head && (head.seq !== (result.lastSeq ?? 0) || head.hash !== (result.lastHash ?? ''))) {
      firstBroken = (result.lastSeq ?? 0) + 1;
    }
    return { entries: result.entries, firstBrokenSeq: firstBroken };
  }
}
