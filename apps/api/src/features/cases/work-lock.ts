import type { Tx } from '@lotse/db';
import { AppError, type CaseStatus } from '@lotse/domain';
import type { AuthContext } from '../../http/access';
import { CaseRepository, type CaseRow } from './repository';

const cases = new CaseRepository();

/**
 * Locks the case row for a change by its responsible case manager, so concurrent changes of one case
 * queue instead of interleaving (e.g. two contacts updating the due date). Others get 403
 * NOT_RESPONSIBLE; a case outside `statuses` 409 CASE_READ_ONLY (`null` allows every status, e.g. a
 * consent revocation is never refused).
 */
export async function lockCaseForWork(
  trx: Tx,
  auth: AuthContext,
  caseId: string,
  statuses: readonly CaseStatus[] | null,
): Promise<CaseRow> {
  const row = await cases.findCase(trx, auth.tenantId, caseId, { forUpdate: true });
  if (!row) throw new AppError('NOT_FOUND');
  if (row.caseManagerId !== auth.userId) throw new AppError('NOT_RESPONSIBLE');
  if (statuses && !statuses.includes(row.status as CaseStatus)) throw new AppError('CASE_READ_ONLY');
  return row;
}
