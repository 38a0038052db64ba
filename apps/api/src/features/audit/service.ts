import type { AuditVerification } from '@lotse/contracts';
import { type Database, withTenant } from '@lotse/db';
import type { Kysely } from 'kysely';
import type { AuthContext } from '../../http/access';
import { decodeCursor, pageOf } from '../../http/pagination';
import { AuditRepository } from './repository';

const actorOf = (row: { actorId: string | null; actorName: string | null }) =>
  row.actorId ? { id: row.actorId, displayName: row.actorName ?? '' } : null;

export class AuditService {
  private readonly repo = new AuditRepository();

  constructor(private readonly db: Kysely<Database>) {}

  changes(auth: AuthContext, query: { cursor?: string; limit: number; personId?: string }) {
    const beforeSeq = query.cursor ? decodeCursor(query.cursor, ['number'] as const)[0] : undefined;
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const rows = await this.repo.listChanges(trx, auth.tenantId, { beforeSeq, limit: query.limit, entityId: query.personId });
      const page = pageOf(rows, query.limit, (row) => [row.seq]);
      return {
        items: page.items.map((row) => ({
          seq: row.seq,
          at: row.at.toISOString(),
          actor: actorOf(row),
          entity: row.entity,
          entityId: row.entityId,
          action: row.action,
          before: row.before ?? null,
          after: row.after ?? null,
          hash: row.hash,
        })),
        page: { nextCursor: page.nextCursor },
      };
    });
  }

  reads(auth: AuthContext, query: { cursor?: string; limit: number; personId?: string }) {
    const beforeSeq = query.cursor ? decodeCursor(query.cursor, ['number'] as const)[0] : undefined;
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const rows = await this.repo.listReads(trx, auth.tenantId, { beforeSeq, limit: query.limit, personId: query.personId });
      const page = pageOf(rows, query.limit, (row) => [row.seq]);
      return {
        items: page.items.map((row) => ({
          seq: row.seq,
          at: row.at.toISOString(),
          actor: actorOf(row),
          personId: row.personId,
          personName: row.personName,
          purpose: row.purpose,
          hash: row.hash,
        })),
        page: { nextCursor: page.nextCursor },
      };
    });
  }

  verify(auth: AuthContext, log: 'change' | 'read'): Promise<AuditVerification> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const result = await this.repo.verify(trx, auth.tenantId, log);
      return {
        log,
        entries: result.entries,
        intact: result.firstBrokenSeq === null,
        firstBrokenSeq: result.firstBrokenSeq,
        checkedAt: new Date().toISOString(),
      };
    });
  }
}
