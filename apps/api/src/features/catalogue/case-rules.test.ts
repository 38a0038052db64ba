import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../testing';
import { call, expectOk } from '../cases/testing';

/** The tenant's planning parameters among the case rules: suppression minimum, caseload target, waiting target. */
describe.each(['pglite', 'postgres'] as const)('planning parameters of the case rules on %s', (kind) => {
  let t: TestApp;
  let admin: Session;
  let adminB: Session;

  beforeAll(async () => {
    t = await createTestApp(kind);
    [admin, adminB] = await Promise.all([t.login(t.tenantA.users.admin.username), t.login(t.tenantB.users.admin.username)]);
  });
  afterAll(async () => t?.close());

  it('starts with the defaults (5, 75 cases, 21 days, 14 hearing days)', async () => {
    const res = await call(t, admin, 'GET', '/api/settings/case-rules');
    await expectOk(res);
    expect(res.json()).toMatchObject({ suppressionMinimum: 5, caseloadTarget: 75, waitingTargetDays: 21, hearingDays: 14 });
  });

  it('refuses values outside 2–50, 10–500, 1–365 and 7–60 field by field', async () => {
    const current = await call(t, admin, 'GET', '/api/settings/case-rules');
    for (const [body, field] of [
      [{ suppressionMinimum: 1 }, 'suppressionMinimum'],
      [{ suppressionMinimum: 51 }, 'suppressionMinimum'],
      [{ caseloadTarget: 9 }, 'caseloadTarget'],
      [{ caseloadTarget: 501 }, 'caseloadTarget'],
      [{ waitingTargetDays: 0 }, 'waitingTargetDays'],
      [{ waitingTargetDays: 366 }, 'waitingTargetDays'],
      [{ waitingTargetDays: 2.5 }, 'waitingTargetDays'],
      [{ hearingDays: 6 }, 'hearingDays'],
      [{ hearingDays: 61 }, 'hearingDays'],
    ] as const) {
      const res = await call(t, admin, 'PATCH', '/api/settings/case-rules', body, { 'if-match': String(current.headers.etag) });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
  });

  it('changes them with If-Match, logs the change, and leaves the other tenant alone', async () => {
    const current = await call(t, admin, 'GET', '/api/settings/case-rules');
    const body = { suppressionMinimum: 2, caseloadTarget: 500, waitingTargetDays: 365, hearingDays: 21 };
    expect((await call(t, admin, 'PATCH', '/api/settings/case-rules', body, { 'if-match': '"99"' })).statusCode).toBe(412);
    const res = await call(t, admin, 'PATCH', '/api/settings/case-rules', body, { 'if-match': String(current.headers.etag) });
    await expectOk(res);
    expect(res.json()).toMatchObject({ ...body, version: current.json().version + 1 });
    expect((await call(t, admin, 'GET', '/api/settings/case-rules')).json()).toMatchObject(body);
    const dp = await t.login(t.tenantA.users.data_protection.username);
    const changes = await call(t, dp, 'GET', `/api/audit/changes?personId=${t.tenantA.id}`);
    expect(changes.json().items[0]).toMatchObject({
      entity: 'case_rules',
      before: { suppressionMinimum: 5, caseloadTarget: 75, waitingTargetDays: 21 },
      after: body,
    });
    expect((await call(t, adminB, 'GET', '/api/settings/case-rules')).json()).toMatchObject({
      suppressionMinimum: 5,
      caseloadTarget: 75,
      waitingTargetDays: 21,
    });
  });
});
