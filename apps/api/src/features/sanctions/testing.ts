import type { Session, TestApp } from '../../testing';
import { call, expectOk } from '../cases/testing';

/** Documents a duty in a case through the API; returns it. */
export async function createDuty(t: TestApp, cm: Session, caseId: string, overrides: Record<string, unknown> = {}) {
  const res = await call(t, cm, 'POST', `/api/cases/${caseId}/sanction-duties`, {
    form: 'request_with_notice',
    setOn: '2026-01-05',
    description: 'Aufforderung, sich auf drei benannte Stellen zu bewerben und die Bewerbungen nachzuweisen',
    legalConsequencesNotice: true,
    ...overrides,
  });
  await expectOk(res, 201);
  return res.json();
}

/** Records a breach through the API; returns the sanction. */
export async function recordBreach(t: TestApp, cm: Session, caseId: string, body: Record<string, unknown>) {
  const res = await call(t, cm, 'POST', `/api/cases/${caseId}/sanctions`, {
    kind: 'duty_breach',
    breachDescription: 'Keine Bewerbung nachgewiesen, keine Rückmeldung',
    ...body,
  });
  await expectOk(res, 201);
  return res.json();
}

/**
 * The resources the generated route rules address: a rule of the tenant's table, a duty without a
 * sanction, and a sanction (recorded) on another duty of the case.
 */
export async function seedSanctionResources(t: TestApp, cm: Session, admin: Session, caseId: string) {
  const rules = await call(t, admin, 'GET', '/api/sanction-rules');
  await expectOk(rules);
  const sanctionRule: string = rules.json().items[0].id;
  const breached = await createDuty(t, cm, caseId);
  const sanction = await recordBreach(t, cm, caseId, { dutyId: breached.id, breachOn: '2026-01-20' });
  const sanctionDuty: string = (await createDuty(t, cm, caseId, { description: 'Teilnahme am Bewerbungstraining' })).id;
  return { sanctionRule, sanctionDuty, sanction: sanction.id as string };
}
