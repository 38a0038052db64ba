import type { UnmetNeed } from '@lotse/contracts';
import type { Session, TestApp } from '../../testing';
import { call, expectOk } from '../cases/testing';

/** Records an unmet need in a case through the API, as its case manager would. */
export async function recordUnmetNeed(
  t: TestApp,
  cm: Session,
  caseId: string,
  body: { serviceType: string; reason: string; note?: string | null; recordedOn?: string } = {
    serviceType: 'debt_counselling',
    reason: 'no_offer',
  },
): Promise<UnmetNeed> {
  const res = await call(t, cm, 'POST', `/api/cases/${caseId}/unmet-needs`, body);
  await expectOk(res, 201);
  return res.json();
}
