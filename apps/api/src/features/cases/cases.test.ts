import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withTenant } from '@lotse/db';
import { addDays, LIFE_AREAS, todayInGermany } from '@lotse/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, TEST_PASSWORD, type TestApp } from '../../testing';
import { createUserDirect } from '../tenants/provisioning';
import { call, expectOk, FULL_BASELINE, seedCaseInPlanning } from './testing';

const today = todayInGermany();

describe.each(['pglite', 'postgres'] as const)('case file on %s', (kind) => {
  let t: TestApp;
  let cm: Session;
  let otherCm: Session;
  let teamLead: Session;
  let dpo: Session;
  let personCounter = 0;

  async function newPerson() {
    personCounter++;
    const res = await call(t, cm, 'POST', '/api/persons', {
      customerNumber: `123D${String(personCounter).padStart(6, '0')}`,
      firstName: 'Jana',
      lastName: `Beispiel${personCounter}`,
      birthDate: '1985-03-04',
      sex: 'female',
      street: 'Hafenstraße',
      houseNumber: '3',
      postalCode: '12345',
      city: 'Lotsenbach',
    });
    await expectOk(res, 201);
    return res.json().id as string;
  }

  async function overview(session: Session, caseId: string) {
    const res = await call(t, session, 'GET', `/api/cases/${caseId}`);
    await expectOk(res);
    return res.json();
  }

  async function act(session: Session, caseId: string, body: Record<string, unknown>) {
    const current = await overview(session, caseId);
    return call(t, session, 'POST', `/api/cases/${caseId}/transitions`, body, { 'if-match': `"${current.version}"` });
  }

  function gateCodes(res: { statusCode: number; json(): { code: string; errors?: Array<{ code: string }> } }) {
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('CASE_GATE_FAILED');
    return (res.json().errors ?? []).map((e) => e.code).sort();
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    const second = await createUserDirect(
      t.database.owner,
      t.tenantA.id,
      { username: `zweite.fm.${kind}`, displayName: 'Zweite Fallmanagerin', password: TEST_PASSWORD, roles: ['case_manager'] },
      { memoryCost: 1024, timeCost: 1 },
    );
    cm = await t.login(t.tenantA.users.case_manager.username);
    otherCm = await t.login(second.username);
    teamLead = await t.login(t.tenantA.users.team_lead.username);
    dpo = await t.login(t.tenantA.users.data_protection.username);
  });
  afterAll(async () => t?.close());

  it('opens a case in intake, once per person, idempotently', async () => {
    const personId = await newPerson();
    const key = { 'idempotency-key': `case-${kind}-1` };
    const first = await call(t, cm, 'POST', '/api/cases', { personId }, key);
    await expectOk(first, 201);
    const replay = await call(t, cm, 'POST', '/api/cases', { personId }, key);
    expect(replay.statusCode).toBe(201);
    expect(replay.json().id).toBe(first.json().id);
    const body = first.json();
    expect(body).toMatchObject({
      status: 'intake',
      responsible: true,
      openedOn: today,
      contactDensityDays: 28,
      contactDensityIsDefault: true,
    });
    expect(body.actions.map((a: { action: string }) => a.action)).toEqual(['indicate', 'decline']);
    expect(body.history).toHaveLength(1);

    const again = await call(t, cm, 'POST', '/api/cases', { personId });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CASE_ALREADY_OPEN');

    const unknown = await call(t, cm, 'POST', '/api/cases', { personId: '00000000-0000-4000-8000-000000000001' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('personId');

    const list = await call(t, cm, 'GET', `/api/persons/${personId}/cases`);
    expect(list.json().items.map((c: { id: string }) => c.id)).toEqual([body.id]);
    const mine = await call(t, cm, 'GET', '/api/cases?scope=mine');
    expect(mine.json().items.some((c: { id: string }) => c.id === body.id)).toBe(true);
    const othersList = await call(t, otherCm, 'GET', '/api/cases?scope=mine');
    expect(othersList.json().items.some((c: { id: string }) => c.id === body.id)).toBe(false);
  });

  it('enforces every gate of the lifecycle with a specific error, and records who, when and why', async () => {
    const personId = await newPerson();
    const created = await call(t, cm, 'POST', '/api/cases', { personId });
    const caseId = created.json().id;

    // Not allowed in this state
    expect(gateCodes(await act(cm, caseId, { action: 'close' }))).toEqual(['ACTION_NOT_ALLOWED_IN_STATE']);
    // Indication rule (default: 3 barriers + willingness) not met: indicating is an override and needs a reason
    expect(gateCodes(await act(cm, caseId, { action: 'indicate' }))).toEqual(['INDICATION_OVERRIDE_REASON_REQUIRED']);
    await expectOk(await act(cm, caseId, { action: 'indicate', reason: 'Akute Wohnungsnot, Fallmanagement trotzdem angezeigt.' }));

    // Assessment → planning needs a barrier, an explicit order and the baseline rating
    expect(gateCodes(await act(cm, caseId, { action: 'complete_assessment' }))).toEqual(['BARRIER_REQUIRED', 'BASELINE_RATING_REQUIRED']);
    const types = (await call(t, cm, 'GET', '/api/barrier-types')).json().items;
    const barrier = await call(t, cm, 'POST', `/api/cases/${caseId}/barriers`, {
      barrierTypeId: types.find((b: { specialCategory: boolean }) => !b.specialCategory).id,
      severity: 'high',
      recordedOn: today,
      indicators: [{ source: 'payment_arrears', note: 'Mahnung Vermieter' }],
    });
    await expectOk(barrier, 201);
    expect(barrier.json().indicators).toEqual([{ kind: 'hard', source: 'payment_arrears', note: 'Mahnung Vermieter' }]);
    expect(gateCodes(await act(cm, caseId, { action: 'complete_assessment' }))).toEqual([
      'BARRIER_ORDER_REQUIRED',
      'BASELINE_RATING_REQUIRED',
    ]);
    const partial = await call(t, cm, 'POST', `/api/cases/${caseId}/ratings`, {
      occasion: 'baseline',
      ratedOn: today,
      withPerson: true,
      scores: [{ area: 'housing', score: 2 }],
    });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().errors[0].code).toBe('incomplete_baseline');
    await expectOk(
      await call(t, cm, 'POST', `/api/cases/${caseId}/ratings`, {
        occasion: 'baseline',
        ratedOn: today,
        withPerson: true,
        scores: FULL_BASELINE,
      }),
      201,
    );
    let current = await overview(cm, caseId);
    const wrongOrder = await call(
      t,
      cm,
      'PUT',
      `/api/cases/${caseId}/barrier-order`,
      { barrierIds: [barrier.json().id, barrier.json().id] },
      {
        'if-match': `"${current.version}"`,
      },
    );
    expect(wrongOrder.statusCode).toBe(400);
    expect(wrongOrder.json().errors[0].code).toBe('order_mismatch');
    await expectOk(
      await call(
        t,
        cm,
        'PUT',
        `/api/cases/${caseId}/barrier-order`,
        { barrierIds: [barrier.json().id] },
        { 'if-match': `"${current.version}"` },
      ),
    );
    await expectOk(await act(cm, caseId, { action: 'complete_assessment' }));

    // Planning → implementation needs a goal with a sub-goal and an agreement made in this planning
    expect(gateCodes(await act(cm, caseId, { action: 'start_implementation' }))).toEqual(['AGREEMENT_REQUIRED', 'PLAN_GOAL_REQUIRED']);
    const goal = await call(t, cm, 'POST', `/api/cases/${caseId}/goals`, { title: 'Wohnung sichern', barrierIds: [barrier.json().id] });
    await expectOk(goal, 201);
    await expectOk(
      await call(t, cm, 'POST', `/api/cases/${caseId}/goals/${goal.json().id}/subgoals`, {
        title: 'Antrag Mietschulden',
        ownerKind: 'person',
        dueOn: addDays(today, 30),
      }),
      201,
    );
    expect(gateCodes(await act(cm, caseId, { action: 'start_implementation' }))).toEqual(['AGREEMENT_REQUIRED']);
    await expectOk(
      await call(t, cm, 'POST', `/api/cases/${caseId}/agreements`, {
        reached: true,
        agreedOn: today,
        validUntil: addDays(today, 180),
        reviewOn: addDays(today, 90),
        duties: [{ kind: 'documents', text: 'Mietvertrag und Mahnungen vorlegen', goalId: goal.json().id }],
        commitments: [{ text: 'Kontakt zur Wohnungssicherung herstellen', goalId: goal.json().id }],
      }),
      201,
    );
    await expectOk(await act(cm, caseId, { action: 'start_implementation' }));

    // Fortschreibung: back to planning needs a reason, and a new agreement before implementation resumes
    expect(gateCodes(await act(cm, caseId, { action: 'replan' }))).toEqual(['REASON_REQUIRED']);
    await expectOk(await act(cm, caseId, { action: 'replan', reason: 'Neue Arbeitsstelle des Partners' }));
    expect(gateCodes(await act(cm, caseId, { action: 'start_implementation' }))).toEqual(['AGREEMENT_REQUIRED']);

    // Closing needs a reason to start, then outcome, both assessments, participation and a closing rating
    await expectOk(await act(cm, caseId, { action: 'start_closing', reason: 'Ziele erreicht' }));
    expect(
      gateCodes(
        await act(cm, caseId, {
          action: 'close',
          closing: { outcome: null, retrospective: '', prospective: null, personParticipated: false },
        }),
      ),
    ).toEqual(['CLOSING_RATING_REQUIRED', 'OUTCOME_REQUIRED', 'PARTICIPATION_REQUIRED', 'PROSPECTIVE_REQUIRED', 'RETROSPECTIVE_REQUIRED']);
    await expectOk(
      await call(t, cm, 'POST', `/api/cases/${caseId}/ratings`, {
        occasion: 'closing',
        ratedOn: today,
        withPerson: true,
        scores: LIFE_AREAS.map((area) => ({ area, score: 7 })),
      }),
      201,
    );
    const closing = {
      outcome: 'employment_insured',
      retrospective: 'Wohnung gesichert, Arbeit gefunden.',
      prospective: 'Stabil; Nachbetreuung für die Probezeit.',
      personParticipated: true,
      satisfaction: 5,
    };
    expect(gateCodes(await act(cm, caseId, { action: 'close', closing: { ...closing, aftercareUntil: today } }))).toEqual([
      'AFTERCARE_DATE_INVALID',
    ]);
    await expectOk(await act(cm, caseId, { action: 'close', closing: { ...closing, aftercareUntil: addDays(today, 90) } }));
    current = await overview(cm, caseId);
    expect(current).toMatchObject({
      status: 'aftercare',
      aftercareUntil: addDays(today, 90),
      closing: { outcome: 'employment_insured', satisfaction: 5 },
    });
    await expectOk(await act(cm, caseId, { action: 'end_aftercare' }));
    current = await overview(cm, caseId);
    expect(current.status).toBe('closed');
    expect(current.closedOn).toBe(today);

    // Closed cases are read-only; reopening needs a reason
    const contact = await call(t, cm, 'POST', `/api/cases/${caseId}/contacts`, { kind: 'phone', occurredOn: today, summary: 'Nachfrage' });
    expect(contact.statusCode).toBe(409);
    expect(contact.json().code).toBe('CASE_READ_ONLY');
    expect(gateCodes(await act(cm, caseId, { action: 'reopen' }))).toEqual(['REASON_REQUIRED']);
    await expectOk(await act(cm, caseId, { action: 'reopen', reason: 'Arbeitsstelle verloren' }));

    const history = (await overview(cm, caseId)).history;
    expect(history.map((h: { action: string }) => h.action).reverse()).toEqual([
      'open',
      'indicate',
      'complete_assessment',
      'start_implementation',
      'replan',
      'start_closing',
      'close',
      'end_aftercare',
      'reopen',
    ]);
    const indicate = history.find((h: { action: string }) => h.action === 'indicate');
    expect(indicate).toMatchObject({
      indicationMet: false,
      indicationOverride: true,
      reason: 'Akute Wohnungsnot, Fallmanagement trotzdem angezeigt.',
      actor: { id: cm.userId },
      fromStatus: 'intake',
      toStatus: 'assessment',
    });
  });

  it('follows the tenant indication rule; declining against the rule needs a reason', async () => {
    const admin = await t.login(t.tenantA.users.admin.username);
    const rules = await call(t, admin, 'GET', '/api/settings/case-rules');
    await expectOk(rules);
    const changed = await call(
      t,
      admin,
      'PATCH',
      '/api/settings/case-rules',
      { indicationMinBarriers: 0, indicationRequireWillingness: false },
      {
        'if-match': String(rules.headers.etag),
      },
    );
    await expectOk(changed);
    try {
      const personId = await newPerson();
      const caseId = (await call(t, cm, 'POST', '/api/cases', { personId })).json().id;
      const before = await overview(cm, caseId);
      expect(before.indication).toEqual({ minBarriers: 0, requireWillingness: false, met: true });
      expect(gateCodes(await act(cm, caseId, { action: 'decline' }))).toEqual(['INDICATION_OVERRIDE_REASON_REQUIRED']);
      await expectOk(await act(cm, caseId, { action: 'decline', reason: 'Person bereits in stabiler Beschäftigung.' }));
      const after = await overview(cm, caseId);
      expect(after.status).toBe('not_indicated');
      expect(after.history[0]).toMatchObject({ action: 'decline', indicationMet: true, indicationOverride: true });
    } finally {
      const latest = await call(t, admin, 'GET', '/api/settings/case-rules');
      await expectOk(
        await call(
          t,
          admin,
          'PATCH',
          '/api/settings/case-rules',
          { indicationMinBarriers: 3, indicationRequireWillingness: true },
          {
            'if-match': String(latest.headers.etag),
          },
        ),
      );
    }
  });

  it('chooses the agreement kind by the law of the agreed date, keeps versions and renders the PDF', async () => {
    const seeded = await seedCaseInPlanning(t, cm, await newPerson());
    const base = {
      validUntil: '2027-12-31',
      reviewOn: '2027-06-30',
      duties: [{ kind: 'applications', text: 'Monatlich fünf Bewerbungen', goalId: seeded.goalId }],
      commitments: [{ text: 'Übernahme der Fahrtkosten', goalId: null }],
    };
    const post = (body: Record<string, unknown>) => call(t, cm, 'POST', `/api/cases/${seeded.caseId}/agreements`, { ...base, ...body });
    const cases: Array<[string, boolean, string, string]> = [
      ['2023-06-30', true, 'egv', 'egv_sgb2_2005'],
      ['2022-02-01', false, 'verwaltungsakt', 'egv_sgb2_2005'],
      ['2023-07-01', true, 'kooperationsplan', 'kooperationsplan_2023'],
      ['2026-06-30', true, 'kooperationsplan', 'kooperationsplan_2023'],
      ['2026-07-01', true, 'kooperationsplan', 'grundsicherung_2026'],
      ['2026-08-03', false, 'verwaltungsakt', 'grundsicherung_2026'],
    ];
    for (const [agreedOn, reached, kindOf, rule] of cases) {
      const res = await post({ agreedOn, reached });
      await expectOk(res, 201);
      expect(res.json(), agreedOn).toMatchObject({ kind: kindOf, reached, rule: { code: rule } });
    }
    const noFallback = await post({ agreedOn: '2024-03-01', reached: false });
    expect(noFallback.statusCode).toBe(422);
    expect(noFallback.json().code).toBe('AGREEMENT_NOT_REACHED_NO_FALLBACK');
    expect(noFallback.json().detail).toContain('Schlichtungsverfahren');
    const tooEarly = await post({ agreedOn: '2004-12-31', reached: true, validUntil: '2005-06-30', reviewOn: '2005-03-01' });
    expect(tooEarly.statusCode).toBe(422);
    expect(tooEarly.json().code).toBe('AGREEMENT_NO_RULE');

    const before = await call(t, cm, 'GET', `/api/cases/${seeded.caseId}/agreements`);
    const consent = await post({
      agreedOn: today,
      reached: true,
      duties: [
        { kind: 'counselling_attendance', text: 'Termine der Suchtberatung wahrnehmen', goalId: null },
        { kind: 'other', text: 'Herr K. entbindet die Suchtberatung gegenüber dem Jobcenter von der Schweigepflicht', goalId: null },
      ],
    });
    expect(consent.statusCode).toBe(422);
    expect(consent.json()).toMatchObject({
      code: 'AGREEMENT_CONSENT_DUTY',
      errors: [{ field: 'duties.1.text', code: 'compulsory_consent' }],
    });
    const after = await call(t, cm, 'GET', `/api/cases/${seeded.caseId}/agreements`);
    expect(after.json().items).toHaveLength(before.json().items.length);

    const versions = after.json().items;
    expect(versions.map((v: { versionNo: number }) => v.versionNo)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(versions[0].changes.map((c: { description: string }) => c.description)).toContain(
      'Datum der Vereinbarung: 01.07.2026 → 03.08.2026',
    );
    expect(versions[6].changes).toEqual([]);

    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/cases/${seeded.caseId}/agreements/${versions[0].id}/pdf`,
      headers: cm.headers,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain('Vereinbarung-Fassung-7.pdf');
    const file = join(mkdtempSync(join(tmpdir(), 'lotse-pdf-')), 'v7.pdf');
    writeFileSync(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Monatlich fünf Bewerbungen');
    expect(text).toContain('Übernahme der Fahrtkosten');
    expect(text).toContain('03.08.2026');
    expect(text).toContain('31.12.2027');
    expect(text).toContain('30.06.2027');
  });

  it('shows health and addiction entries only to the responsible case manager and logs each view', async () => {
    const personId = await newPerson();
    const seeded = await seedCaseInPlanning(t, cm, personId);
    const types = (await call(t, cm, 'GET', '/api/barrier-types')).json().items;
    const addiction = types.find((b: { specialCategory: boolean; phase: string }) => b.specialCategory);
    const special = await call(t, cm, 'POST', `/api/cases/${seeded.caseId}/barriers`, {
      barrierTypeId: addiction.id,
      severity: 'high',
      recordedOn: today,
      indicators: [{ source: 'medical_report' }],
    });
    await expectOk(special, 201);
    await expectOk(
      await call(t, cm, 'POST', `/api/cases/${seeded.caseId}/ratings`, {
        occasion: 'review',
        ratedOn: today,
        withPerson: true,
        scores: [
          { area: 'addiction', score: 3, comment: 'Rückfall im Oktober' },
          { area: 'housing', score: 6 },
        ],
      }),
      201,
    );

    for (const viewer of [otherCm, teamLead]) {
      const view = await overview(viewer, seeded.caseId);
      expect(view.responsible).toBe(false);
      expect(view.actions).toEqual([]);
      expect(view.barriers.some((b: { id: string }) => b.id === special.json().id)).toBe(false);
      expect(view.hiddenSpecialCategoryEntries).toBeGreaterThan(0);
      expect(JSON.stringify(view)).not.toContain('Rückfall');
      expect(view.ratings.flatMap((r: { scores: Array<{ area: string }> }) => r.scores.map((s) => s.area))).not.toContain('addiction');
      const direct = await call(t, viewer, 'GET', `/api/cases/${seeded.caseId}/barriers/${special.json().id}`);
      expect(direct.statusCode).toBe(403);
      expect(direct.json().code).toBe('SPECIAL_CATEGORY_RESTRICTED');
    }
    const write = await call(t, otherCm, 'POST', `/api/cases/${seeded.caseId}/contacts`, {
      kind: 'phone',
      occurredOn: today,
      summary: 'x',
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().code).toBe('NOT_RESPONSIBLE');

    const own = await overview(cm, seeded.caseId);
    expect(own.barriers.some((b: { id: string }) => b.id === special.json().id)).toBe(true);
    expect(JSON.stringify(own)).toContain('Rückfall');
    await expectOk(await call(t, cm, 'GET', `/api/cases/${seeded.caseId}/barriers/${special.json().id}`));

    const reads = await call(t, dpo, 'GET', '/api/audit/reads?limit=100');
    const mine = reads
      .json()
      .items.filter((r: { personId: string; actor: { id: string } }) => r.personId === personId && r.actor?.id === cm.userId)
      .map((r: { purpose: string }) => r.purpose);
    expect(mine.filter((p: string) => p === 'special_category').length).toBeGreaterThanOrEqual(2);
    const others = reads
      .json()
      .items.filter((r: { personId: string; actor: { id: string } }) => r.personId === personId && r.actor?.id === otherCm.userId)
      .map((r: { purpose: string }) => r.purpose);
    expect(others).toContain('case');
    expect(others).not.toContain('special_category');
  });

  it('logs the persons named in case lists and on the work list as reads', async () => {
    const personId = await newPerson();
    const seeded = await seedCaseInPlanning(t, cm, personId);
    await expectOk(await call(t, cm, 'POST', `/api/cases/${seeded.caseId}/follow-ups`, { title: 'Heute anrufen', dueOn: today }), 201);
    const readsBy = async (session: Session) => {
      const reads = await call(t, dpo, 'GET', '/api/audit/reads?limit=100');
      return reads
        .json()
        .items.filter((r: { personId: string; actor: { id: string } | null }) => r.personId === personId && r.actor?.id === session.userId)
        .length;
    };
    for (const [session, url] of [
      [teamLead, '/api/cases?scope=all&limit=100'],
      [teamLead, `/api/persons/${personId}/cases`],
      [cm, '/api/work/today'],
    ] as const) {
      const before = await readsBy(session);
      const res = await call(t, session, 'GET', url);
      await expectOk(res);
      expect(JSON.stringify(res.json()), url).toContain(personId);
      expect(await readsBy(session), url).toBe(before + 1);
    }
  });

  it('lets a team lead reassign a case but not edit it; the new case manager becomes responsible', async () => {
    const seeded = await seedCaseInPlanning(t, cm, await newPerson());
    const current = await overview(teamLead, seeded.caseId);
    const edit = await call(
      t,
      teamLead,
      'PATCH',
      `/api/cases/${seeded.caseId}`,
      { priority: 'high' },
      { 'if-match': `"${current.version}"` },
    );
    expect(edit.statusCode).toBe(403);
    expect(edit.json().code).toBe('NOT_RESPONSIBLE');
    const reassign = await call(
      t,
      teamLead,
      'PATCH',
      `/api/cases/${seeded.caseId}`,
      { caseManagerId: otherCm.userId },
      {
        'if-match': `"${current.version}"`,
      },
    );
    await expectOk(reassign);
    expect((await overview(otherCm, seeded.caseId)).responsible).toBe(true);
    const nowForbidden = await call(t, cm, 'POST', `/api/cases/${seeded.caseId}/contacts`, {
      kind: 'phone',
      occurredOn: today,
      summary: 'x',
    });
    expect(nowForbidden.json().code).toBe('NOT_RESPONSIBLE');
    const notACaseManager = await call(
      t,
      teamLead,
      'PATCH',
      `/api/cases/${seeded.caseId}`,
      { caseManagerId: t.tenantA.users.team_lead.id },
      {
        'if-match': `"${current.version + 1}"`,
      },
    );
    expect(notACaseManager.statusCode).toBe(400);
    expect(notACaseManager.json().errors[0].field).toBe('caseManagerId');
  });

  it('detects concurrent changes: one of two transitions with the same version wins, the other gets 412', async () => {
    const seeded = await seedCaseInPlanning(t, cm, await newPerson());
    const { version } = await overview(cm, seeded.caseId);
    const [a, b] = await Promise.all([
      call(t, cm, 'POST', `/api/cases/${seeded.caseId}/transitions`, { action: 'start_implementation' }, { 'if-match': `"${version}"` }),
      call(
        t,
        cm,
        'POST',
        `/api/cases/${seeded.caseId}/transitions`,
        { action: 'start_closing', reason: 'Umzug' },
        { 'if-match': `"${version}"` },
      ),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 412]);
    const history = (await overview(cm, seeded.caseId)).history;
    expect(history.filter((h: { action: string }) => ['start_implementation', 'start_closing'].includes(h.action))).toHaveLength(1);

    const followUp = (await overview(cm, seeded.caseId)).followUps[0];
    const [f1, f2] = await Promise.all([
      call(
        t,
        cm,
        'PATCH',
        `/api/cases/${seeded.caseId}/follow-ups/${followUp.id}`,
        { done: true },
        { 'if-match': `"${followUp.version}"` },
      ),
      call(
        t,
        cm,
        'PATCH',
        `/api/cases/${seeded.caseId}/follow-ups/${followUp.id}`,
        { title: 'Anders' },
        { 'if-match': `"${followUp.version}"` },
      ),
    ]);
    expect([f1.statusCode, f2.statusCode].sort()).toEqual([200, 412]);
  });

  it('lists what is due today for the case manager, each item pointing to its case', async () => {
    const seeded = await seedCaseInPlanning(t, cm, await newPerson());
    const yesterday = addDays(today, -1);
    const patch = await call(
      t,
      cm,
      'PATCH',
      `/api/cases/${seeded.caseId}`,
      { contactDensityDays: 3 },
      {
        'if-match': `"${(await overview(cm, seeded.caseId)).version}"`,
      },
    );
    await expectOk(patch);
    expect(patch.json()).toMatchObject({ contactDensityDays: 3, contactDensityIsDefault: false });
    await expectOk(
      await call(t, cm, 'POST', `/api/cases/${seeded.caseId}/contacts`, {
        kind: 'home_visit',
        occurredOn: addDays(today, -10),
        summary: 'Hausbesuch',
      }),
      201,
    );
    const future = await call(t, cm, 'POST', `/api/cases/${seeded.caseId}/contacts`, {
      kind: 'phone',
      occurredOn: addDays(today, 1),
      summary: 'x',
    });
    expect(future.statusCode).toBe(400);
    await expectOk(
      await call(t, cm, 'POST', `/api/cases/${seeded.caseId}/follow-ups`, { title: 'Unterlagen anfordern', dueOn: yesterday }),
      201,
    );
    await expectOk(await call(t, cm, 'POST', `/api/cases/${seeded.caseId}/follow-ups`, { title: 'Rückruf', dueOn: today }), 201);
    await expectOk(
      await call(t, cm, 'POST', `/api/cases/${seeded.caseId}/goals/${seeded.goalId}/subgoals`, {
        title: 'Antrag abgeben',
        ownerKind: 'person',
        dueOn: yesterday,
      }),
      201,
    );
    await expectOk(
      await call(t, cm, 'POST', `/api/cases/${seeded.caseId}/agreements`, {
        reached: true,
        agreedOn: today,
        validUntil: addDays(today, 60),
        reviewOn: addDays(today, 7),
        duties: [],
        commitments: [{ text: 'Beratung', goalId: null }],
      }),
      201,
    );
    const work = await call(t, cm, 'GET', '/api/work/today');
    await expectOk(work);
    const items = work.json().items.filter((i: { caseId: string }) => i.caseId === seeded.caseId);
    const kinds = items.map((i: { kind: string }) => i.kind).sort();
    expect(kinds).toEqual(['agreement_review_due', 'contact_overdue', 'follow_up_due', 'follow_up_overdue', 'subgoal_due']);
    expect(items.find((i: { kind: string }) => i.kind === 'contact_overdue').dueOn).toBe(addDays(today, -7));
    const others = await call(t, otherCm, 'GET', '/api/work/today');
    expect(others.json().items.some((i: { caseId: string }) => i.caseId === seeded.caseId)).toBe(false);
  });

  it('lets administrators maintain the barrier catalogue; others may only read it', async () => {
    const admin = await t.login(t.tenantA.users.admin.username);
    const catalogue = (await call(t, admin, 'GET', '/api/barrier-types')).json().items;
    expect(catalogue.length).toBeGreaterThanOrEqual(20);
    for (const service of ['childcare_care', 'debt_counselling', 'psychosocial_support', 'addiction_counselling']) {
      expect(
        catalogue.some((b: { serviceTypes: string[] }) => b.serviceTypes.includes(service)),
        service,
      ).toBe(true);
    }
    const created = await call(t, admin, 'POST', '/api/barrier-types', {
      code: 'fehlende_kinderbetreuung_randzeiten',
      phase: 'framework',
      label: 'Keine Kinderbetreuung in Randzeiten',
      serviceTypes: ['childcare_care', 'childcare_care'],
    });
    await expectOk(created, 201);
    expect(created.json().serviceTypes).toEqual(['childcare_care']);
    const duplicate = await call(t, admin, 'POST', '/api/barrier-types', {
      code: 'fehlende_kinderbetreuung_randzeiten',
      phase: 'framework',
      label: 'x',
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('DUPLICATE_BARRIER_TYPE_CODE');
    const deactivated = await call(t, admin, 'PATCH', `/api/barrier-types/${created.json().id}`, { active: false }, { 'if-match': '"1"' });
    await expectOk(deactivated);
    const seeded = await seedCaseInPlanning(t, cm, await newPerson());
    const inactive = await call(t, cm, 'POST', `/api/cases/${seeded.caseId}/barriers`, {
      barrierTypeId: created.json().id,
      severity: 'low',
      recordedOn: today,
    });
    expect(inactive.statusCode).toBe(400);
    expect(inactive.json().errors[0].field).toBe('barrierTypeId');
    const otherTenant = await t.login(t.tenantB.users.admin.username);
    const other = await call(t, otherTenant, 'PATCH', `/api/barrier-types/${created.json().id}`, { active: true }, { 'if-match': '"2"' });
    expect(other.statusCode).toBe(404);
  });

  it('writes every change of the case file to the change log', async () => {
    const seeded = await seedCaseInPlanning(t, cm, await newPerson());
    const entities = await withTenant(t.database.owner, t.tenantA.id, async (trx) => {
      const { rows } = await sql<{ entity: string }>`
        select distinct entity from change_log
        where entity_id in (${sql.join([seeded.caseId, seeded.barrierId, seeded.goalId, seeded.subGoalId, seeded.agreementId, seeded.resourceId, seeded.followUpId])})`.execute(
        trx,
      );
      return rows.map((r) => r.entity).sort();
    });
    expect(entities).toEqual(['agreement_version', 'case', 'case_barrier', 'case_resource', 'follow_up', 'plan_goal', 'plan_subgoal']);
  });
});
