import { LIFE_AREAS, todayInGermany } from '@lotse/domain';
import type { Session, TestApp } from '../../testing';

export interface SeededCase {
  caseId: string;
  barrierId: string;
  barrierTypeId: string;
  goalId: string;
  subGoalId: string;
  agreementId: string;
  resourceId: string;
  followUpId: string;
}

/** Sends a request and fails the test with the answer's body when the status is not the expected one. */
export async function call(
  t: TestApp,
  session: Session,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await t.app.inject({
    method,
    url,
    headers: { ...session.headers, ...headers },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
  return res;
}

export async function expectOk(res: { statusCode: number; body: string }, status = 200) {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
}

export const FULL_BASELINE = LIFE_AREAS.map((area, i) => ({ area, score: 2 + (i % 4), comment: null }));

/** Takes a new case for `personId` through intake and assessment into planning, with one of everything. */
export async function seedCaseInPlanning(t: TestApp, cm: Session, personId: string): Promise<SeededCase> {
  const today = todayInGermany();
  const types = await call(t, cm, 'GET', '/api/barrier-types');
  await expectOk(types);
  const barrierTypeId = types.json().items.find((b: { specialCategory: boolean; active: boolean }) => !b.specialCategory && b.active).id;
  const created = await call(t, cm, 'POST', '/api/cases', { personId });
  await expectOk(created, 201);
  const caseId: string = created.json().id;
  const barrier = await call(t, cm, 'POST', `/api/cases/${caseId}/barriers`, {
    barrierTypeId,
    severity: 'high',
    recordedOn: today,
    indicators: [{ source: 'own_statement', note: 'Im Erstgespräch genannt' }],
  });
  await expectOk(barrier, 201);
  const barrierId: string = barrier.json().id;
  let version = created.json().version as number;
  const step = async (method: 'POST' | 'PUT', url: string, body: unknown) => {
    const res = await call(t, cm, method, url, body, { 'if-match': `"${version}"` });
    await expectOk(res);
    version = res.json().version;
  };
  await step('POST', `/api/cases/${caseId}/transitions`, { action: 'indicate', reason: 'Mehrfache Problemlagen, Person ist motiviert.' });
  await expectOk(
    await call(t, cm, 'POST', `/api/cases/${caseId}/ratings`, {
      occasion: 'baseline',
      ratedOn: today,
      withPerson: true,
      scores: FULL_BASELINE,
    }),
    201,
  );
  await step('PUT', `/api/cases/${caseId}/barrier-order`, { barrierIds: [barrierId] });
  await step('POST', `/api/cases/${caseId}/transitions`, { action: 'complete_assessment' });
  const goal = await call(t, cm, 'POST', `/api/cases/${caseId}/goals`, { title: 'Schulden geordnet', barrierIds: [barrierId] });
  await expectOk(goal, 201);
  const goalId: string = goal.json().id;
  const subGoal = await call(t, cm, 'POST', `/api/cases/${caseId}/goals/${goalId}/subgoals`, {
    title: 'Termin bei der Schuldnerberatung wahrnehmen',
    ownerKind: 'person',
    dueOn: '2027-03-01',
  });
  await expectOk(subGoal, 201);
  const agreement = await call(t, cm, 'POST', `/api/cases/${caseId}/agreements`, {
    reached: true,
    agreedOn: today,
    validUntil: '2027-05-01',
    reviewOn: '2027-02-01',
    duties: [{ kind: 'counselling_attendance', text: 'Termine bei der Schuldnerberatung wahrnehmen', goalId }],
    commitments: [{ text: 'Vermittlung an die Schuldnerberatung', goalId }],
  });
  await expectOk(agreement, 201);
  const resource = await call(t, cm, 'POST', `/api/cases/${caseId}/resources`, {
    category: 'skills',
    description: 'Führerschein Klasse B',
  });
  await expectOk(resource, 201);
  const followUp = await call(t, cm, 'POST', `/api/cases/${caseId}/follow-ups`, {
    title: 'Rückmeldung Schuldnerberatung',
    dueOn: '2027-01-15',
  });
  await expectOk(followUp, 201);
  return {
    caseId,
    barrierId,
    barrierTypeId,
    goalId,
    subGoalId: subGoal.json().id,
    agreementId: agreement.json().id,
    resourceId: resource.json().id,
    followUpId: followUp.json().id,
  };
}
