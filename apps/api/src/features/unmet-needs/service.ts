import { randomUUID } from 'node:crypto';
import type { CreateUnmetNeedRequest, ResolveUnmetNeedRequest, UnmetNeed } from '@lotse/contracts';
import { type Database, type Tx, withTenant } from '@lotse/db';
import {
  AppError,
  fieldError,
  SERVICE_TYPE_LABELS_DE,
  type ServiceType,
  todayInGermany,
  UNMET_NEED_REASON_LABELS_DE,
  WORK_EDITABLE,
} from '@lotse/domain';
import type { Kysely } from 'kysely';
import type { AppConfig } from '../../config';
import type { AuthContext } from '../../http/access';
import { AuditRepository } from '../audit/repository';
import { CaseRepository } from '../cases/repository';
import { lockCaseForWork } from '../cases/work-lock';
import { type Created, once } from '../idempotency/idempotency';
import { UnmetNeedRepository, type UnmetNeedRow } from './repository';

const audit = new AuditRepository();
const cases = new CaseRepository();
const repo = new UnmetNeedRepository();

function toUnmetNeed(row: UnmetNeedRow): UnmetNeed {
  const serviceType = row.serviceType as ServiceType;
  return {
    id: row.id,
    caseId: row.caseId,
    serviceType,
    serviceTypeLabel: SERVICE_TYPE_LABELS_DE[serviceType],
    reason: row.reason,
    reasonLabel: UNMET_NEED_REASON_LABELS_DE[row.reason],
    note: row.note,
    recordedOn: row.recordedOn,
    recordedBy: { id: row.recordedBy, displayName: row.recordedByName },
    resolvedOn: row.resolvedOn,
    version: row.version,
  };
}

/**
 * Unmet needs of a case (SPEC C12): where the case manager finds no fitting offer, the need is recorded
 * with the reason, and counted by needs planning in the month it was recorded. Recording and resolving
 * are case work of the responsible case manager on an open case; reading is a read of the case file.
 */
export class UnmetNeedService {
  constructor(
    readonly db: Kysely<Database>,
    readonly config: AppConfig,
  ) {}

  private today(): string {
    return todayInGermany(this.config.now());
  }

  list(auth: AuthContext, caseId: string): Promise<{ items: UnmetNeed[] }> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const row = await cases.findCase(trx, auth.tenantId, caseId);
      if (!row) throw new AppError('NOT_FOUND');
      const rows = await repo.listOfCase(trx, auth.tenantId, caseId);
      await audit.appendReads(trx, auth, [row.personId], 'case');
      return { items: rows.map(toUnmetNeed) };
    });
  }

  create(
    auth: AuthContext,
    caseId: string,
    input: CreateUnmetNeedRequest,
    idempotencyKey: string | undefined,
  ): Promise<Created<UnmetNeed>> {
    return withTenant(this.db, auth.tenantId, (trx) =>
      once(
        trx,
        { tenantId: auth.tenantId, userId: auth.userId, key: idempotencyKey, route: `POST /api/cases/${caseId}/unmet-needs`, body: input },
        async () => {
          const row = await lockCaseForWork(trx, auth, caseId, WORK_EDITABLE);
          const today = this.today();
          const recordedOn = input.recordedOn ?? today;
          if (recordedOn > today) throw fieldError('recordedOn', 'in_future', 'Das Datum darf nicht in der Zukunft liegen.');
          if (recordedOn < row.openedOn) {
            throw fieldError('recordedOn', 'before_case', 'Das Datum liegt vor der Eröffnung des Falls.');
          }
          const id = randomUUID();
          const note = input.note?.trim() ? input.note.trim() : null;
          await repo.insert(trx, {
            tenantId: auth.tenantId,
            id,
            caseId,
            personId: row.personId,
            serviceType: input.serviceType,
            reason: input.reason,
            note,
            recordedOn,
            recordedBy: auth.userId,
          });
          await audit.appendChange(trx, auth, 'unmet_need', id, 'create', null, {
            caseId,
            personId: row.personId,
            serviceType: input.serviceType,
            reason: input.reason,
            note,
            recordedOn,
          });
          return reload(trx, auth.tenantId, id);
        },
      ),
    );
  }

  resolve(auth: AuthContext, id: string, expectedVersion: number, input: ResolveUnmetNeedRequest): Promise<UnmetNeed> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const existing = await repo.find(trx, auth.tenantId, id);
      if (!existing) throw new AppError('NOT_FOUND');
      await lockCaseForWork(trx, auth, existing.caseId, WORK_EDITABLE);
      const before = await repo.lock(trx, auth.tenantId, id);
      if (!before) throw new AppError('NOT_FOUND');
      if (before.resolvedOn !== null) throw new AppError('UNMET_NEED_ALREADY_RESOLVED');
      if (before.version !== expectedVersion) throw new AppError('PRECONDITION_FAILED');
      const today = this.today();
      const resolvedOn = input.resolvedOn ?? today;
      if (resolvedOn > today) throw fieldError('resolvedOn', 'in_future', 'Das Datum darf nicht in der Zukunft liegen.');
      if (resolvedOn < before.recordedOn) {
        throw fieldError('resolvedOn', 'before_recorded', 'Ein Bedarf kann nicht vor seiner Erfassung erledigt sein.');
      }
      const resolution = { resolvedOn, resolvedBy: auth.userId };
      if (!(await repo.resolve(trx, auth.tenantId, id, expectedVersion, resolution))) throw new AppError('PRECONDITION_FAILED');
      await audit.appendChange(trx, auth, 'unmet_need', id, 'update', { resolvedOn: null }, resolution);
      return reload(trx, auth.tenantId, id);
    });
  }
}

async function reload(trx: Tx, tenantId: string, id: string): Promise<UnmetNeed> {
  const row = await repo.find(trx, tenantId, id);
  if (!row) throw new Error('unmet need vanished');
  return toUnmetNeed(row);
}
