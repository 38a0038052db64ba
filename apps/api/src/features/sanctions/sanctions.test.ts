import { withTenant } from '@lotse/db';
import { addDays, todayInGermany } from '@lotse/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, TEST_PASSWORD, type TestApp } from '../../testing';
import { call, expectOk, seedCaseInPlanning } from '../cases/testing';
import { recipientFor } from '../organisation-model/routing';
import { seedProviderWithOffer } from '../providers/testing';
import { createConsent, sentReferral } from '../referrals/testing';
import { createUserDirect } from '../tenants/provisioning';
import { createDuty, recordBreach } from './testing';

const FAST = { memoryCost: 1024, timeCost: 1 };

describe.each(['pglite', 'postgres'] as const)('sanctions on %s', (kind) => {
  let t: TestApp;
  let cm: Session;
  let otherCm: Session;
  let placement: Session;
  let admin: Session;
  let cmB: Session;
  /** The API's clock runs this many days ahead of the real one (to let hearing deadlines pass). */
  let clockDays = 0;
  const today = () => todayInGermany(new Date(Date.now() + clockDays * 86_400_000));
  let personCounter = 0;

  async function newCase(session: Session = cm) {
    personCounter++;
    const person = await call(t, session, 'POST', '/api/persons', {
      customerNumber: `${session === cmB ? '2' : '1'}57D${String(personCounter).padStart(6, '0')}`,
      firstName: 'Sina',
      lastName: `Minderung${personCounter}`,
      birthDate: '1988-04-02',
      sex: 'female',
      street: 'Lotsenweg',
      houseNumber: '3',
      postalCode: '12345',
      city: 'Lotsenbach',
    });
    await expectOk(person, 201);
    const personId: string = person.json().id;
    return { personId, ...(await seedCaseInPlanning(t, session, personId)) };
  }

  /** What a refused write must leave untouched: sanctions, duties, their history, follow-ups and the change log. */
  async function state(tenantId = t.tenantA.id) {
    return withTenant(t.database.owner, tenantId, async (trx) => {
      const { rows } = await sql<Record<string, string>>`
        select (select count(*) || '/' || coalesce(sum(version), 0) from sanctions) as sanctions,
               (select count(*) from sanction_duties) as duties,
               (select count(*) from sanction_events) as events,
               (select count(*) || '/' || coalesce(sum(version), 0) from sanction_rules) as rules,
               (select count(*) from follow_ups) as follow_ups,
               (select count(*) from change_log) as changes`.execute(trx);
      return rows[0];
    });
  }

  const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

  async function hearing(sanction: { id: string; version: number }, sentOn?: string) {
    const res = await call(t, cm, 'POST', `/api/sanctions/${sanction.id}/hearing`, sentOn ? { sentOn } : {}, ifMatch(sanction.version));
    await expectOk(res);
    return res.json();
  }

  async function decide(sanction: { id: string; version: number }, body: Record<string, unknown> = {}, session: Session = cm) {
    return call(
      t,
      session,
      'POST',
      `/api/sanctions/${sanction.id}/decision`,
      {
        importantReasonAccepted: false,
        importantReasonReasoning: 'Kein wichtiger Grund vorgetragen oder nachgewiesen.',
        outcome: 'reduce',
        reasoning: 'Einzelfallprüfung: keine außergewöhnliche Härte, Minderung verhältnismäßig.',
        ...body,
      },
      ifMatch(sanction.version),
    );
  }

  /**
   * A breach taken through the hearing (sent two days after it, so its deadline lies in the past for
   * old breaches) to the decision on `decidedOn`.
   */
  async function runToDecision(
    caseId: string,
    duty: Record<string, unknown>,
    breach: { kind?: string; breachOn: string },
    decision: Record<string, unknown>,
  ) {
    const created = await createDuty(t, cm, caseId, duty);
    const sanction = await recordBreach(t, cm, caseId, { dutyId: created.id, ...breach });
    const heard = await hearing(sanction, addDays(breach.breachOn, 2));
    const res = await decide(heard, decision);
    await expectOk(res);
    return res.json();
  }

  beforeAll(async () => {
    t = await createTestApp(kind, { now: () => new Date(Date.now() + clockDays * 86_400_000) });
    cm = await t.login(t.tenantA.users.case_manager.username);
    placement = await t.login(t.tenantA.users.placement_officer.username);
    admin = await t.login(t.tenantA.users.admin.username);
    cmB = await t.login(t.tenantB.users.case_manager.username);
    const second = await createUserDirect(
      t.database.owner,
      t.tenantA.id,
      { username: `zweite.sanktion.${kind}`, displayName: 'Zweite Fallmanagerin', password: TEST_PASSWORD, roles: ['case_manager'] },
      FAST,
    );
    otherCm = await t.login(second.username);
  });
  afterAll(async () => t?.close());

  describe('rule table', () => {
    it('every tenant starts with the five periods, each with legal basis and a source note to check', async () => {
      const res = await call(t, admin, 'GET', '/api/sanction-rules');
      await expectOk(res);
      const items = res.json().items;
      expect(items.map((r: { code: string }) => r.code)).toEqual([
        'alg2_bverfg_2019',
        'sanktionsmoratorium_2022',
        'buergergeld_egv_2023',
        'buergergeld_kooperationsplan_2023',
        'grundsicherung_2026',
      ]);
      for (const rule of items) {
        expect(rule.legalBasis).toMatch(/SGB II/);
        expect(rule.sourceNote).toMatch(/vor der Verwendung/);
      }
      expect(items[4]).toMatchObject({
        validFrom: '2026-07-01',
        validTo: null,
        appointmentStopAfter: 3,
        dutyStages: [{ percent: 30, months: 3 }],
      });
    });

    it('a tenant without rules (created before them) gets the defaults on first read', async () => {
      // The owner may bypass row-level security (a superuser does): name the tenant.
      await withTenant(t.database.owner, t.tenantB.id, (trx) =>
        sql`delete from sanction_rules where tenant_id = ${t.tenantB.id}`.execute(trx),
      );
      const adminB = await t.login(t.tenantB.users.admin.username);
      const res = await call(t, adminB, 'GET', '/api/sanction-rules');
      await expectOk(res);
      expect(res.json().items).toHaveLength(5);
    });

    it('refuses overlapping periods with a German 409 and writes nothing', async () => {
      const before = await state();
      const res = await call(t, admin, 'POST', '/api/sanction-rules', ruleBody({ validFrom: '2026-01-01', validTo: '2026-12-31' }));
      expect(res.statusCode, res.body).toBe(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('SANCTION_RULE_OVERLAP');
      expect(res.json().detail).toContain('Bürgergeld mit Kooperationsplan');
      expect(await state()).toEqual(before);
    });

    it('adds a period, edits it with If-Match (428, 412), logs both and refuses an edit into an overlap', async () => {
      const created = await call(
        t,
        admin,
        'POST',
        '/api/sanction-rules',
        ruleBody({ code: 'alt_2010', validFrom: '2010-01-01', validTo: '2010-12-31' }),
      );
      await expectOk(created, 201);
      const rule = created.json();
      expect(created.headers.etag).toBe('"1"');
      const body = ruleBody({ code: 'alt_2010', validFrom: '2010-01-01', validTo: '2011-06-30', title: 'Geändert' });
      expect((await call(t, admin, 'PUT', `/api/sanction-rules/${rule.id}`, body)).statusCode).toBe(428);
      expect((await call(t, admin, 'PUT', `/api/sanction-rules/${rule.id}`, body, ifMatch(7))).statusCode).toBe(412);
      const updated = await call(t, admin, 'PUT', `/api/sanction-rules/${rule.id}`, body, ifMatch(1));
      await expectOk(updated);
      expect(updated.json()).toMatchObject({ title: 'Geändert', validTo: '2011-06-30', version: 2 });
      const overlap = await call(t, admin, 'PUT', `/api/sanction-rules/${rule.id}`, { ...body, validTo: '2019-11-05' }, ifMatch(2));
      expect(overlap.statusCode).toBe(409);
      expect(overlap.json().code).toBe('SANCTION_RULE_OVERLAP');
      const changes = await withTenant(t.database.owner, t.tenantA.id, (trx) =>
        trx.selectFrom('changeLog').select('action').where('entity', '=', 'sanction_rule').where('entityId', '=', rule.id).execute(),
      );
      expect(changes.map((c) => c.action)).toEqual(['create', 'update']);
    });

    it('refuses an end before the start (400) and a code twice (409)', async () => {
      const bad = await call(t, admin, 'POST', '/api/sanction-rules', ruleBody({ validFrom: '2005-06-01', validTo: '2005-01-01' }));
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toBe('validTo');
      const twice = await call(
        t,
        admin,
        'POST',
        '/api/sanction-rules',
        ruleBody({ code: 'grundsicherung_2026', validFrom: '2004-01-01', validTo: '2004-12-31' }),
      );
      expect(twice.statusCode).toBe(409);
      expect(twice.json().code).toBe('DUPLICATE_SANCTION_RULE_CODE');
    });

    it('is for administrators only', async () => {
      expect((await call(t, cm, 'GET', '/api/sanction-rules')).statusCode).toBe(403);
    });
  });

  describe('duties', () => {
    it('documents duties of the forms and checks form, dates and agreement', async () => {
      const c = await newCase();
      const duty = await createDuty(t, cm, c.caseId, { form: 'appointment_invitation', setOn: '2026-02-01', appointmentOn: '2026-02-10' });
      expect(duty).toMatchObject({ form: 'appointment_invitation', formLabel: 'Einladung zu einem Termin mit Rechtsfolgenbelehrung' });
      const before = await state();
      const problems = async (body: Record<string, unknown>) => {
        const res = await call(t, cm, 'POST', `/api/cases/${c.caseId}/sanction-duties`, {
          setOn: '2026-02-01',
          description: 'Pflicht',
          legalConsequencesNotice: true,
          ...body,
        });
        expect(res.statusCode, res.body).toBe(400);
        return res.json().errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`);
      };
      expect(await problems({ form: 'appointment_invitation' })).toEqual(['appointmentOn:required']);
      expect(await problems({ form: 'appointment_invitation', appointmentOn: '2026-01-20' })).toEqual(['appointmentOn:before_invitation']);
      expect(await problems({ form: 'egv', appointmentOn: '2026-02-10' })).toEqual(['appointmentOn:not_applicable']);
      expect(await problems({ form: 'request_with_notice', agreementVersionId: c.agreementId })).toEqual([
        'agreementVersionId:not_applicable',
      ]);
      // The case's agreement of today is a Kooperationsplan: it cannot carry a sanctionable duty.
      expect(await problems({ form: 'egv', agreementVersionId: c.agreementId })).toEqual(['agreementVersionId:kooperationsplan']);
      expect(await problems({ form: 'egv', setOn: addDays(today(), 1) })).toEqual(['setOn:in_future']);
      expect(await state()).toEqual(before);

      const list = await call(t, placement, 'GET', `/api/cases/${c.caseId}/sanction-duties`);
      await expectOk(list);
      expect(list.json().items.map((d: { id: string }) => d.id)).toEqual([duty.id]);
    });

    it('only the responsible case manager documents duties; another tenant sees nothing', async () => {
      const c = await newCase();
      const before = await state();
      const res = await call(t, otherCm, 'POST', `/api/cases/${c.caseId}/sanction-duties`, {
        form: 'egv',
        setOn: '2026-02-01',
        description: 'Pflicht',
        legalConsequencesNotice: true,
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('NOT_RESPONSIBLE');
      expect(await state()).toEqual(before);
      expect((await call(t, cmB, 'GET', `/api/cases/${c.caseId}/sanction-duties`)).statusCode).toBe(404);
    });
  });

  describe('recording a breach', () => {
    it('chooses the rule by the breach date at each boundary', async () => {
      const c = await newCase();
      const cases: Array<[Record<string, unknown>, string, string]> = [
        [{ form: 'egv', setOn: '2022-06-01' }, '2022-06-30', 'alg2_bverfg_2019'],
        [{ form: 'egv', setOn: '2022-12-01' }, '2023-01-01', 'buergergeld_egv_2023'],
        [{ form: 'verwaltungsakt', setOn: '2023-06-01' }, '2023-06-30', 'buergergeld_egv_2023'],
        [{ form: 'verwaltungsakt', setOn: '2023-06-01' }, '2023-07-01', 'buergergeld_kooperationsplan_2023'],
        [{ form: 'request_with_notice', setOn: '2026-06-01' }, '2026-06-30', 'buergergeld_kooperationsplan_2023'],
        [{ form: 'request_with_notice', setOn: '2026-06-01' }, '2026-07-01', 'grundsicherung_2026'],
      ];
      for (const [duty, breachOn, code] of cases) {
        const created = await createDuty(t, cm, c.caseId, duty);
        const sanction = await recordBreach(t, cm, c.caseId, { dutyId: created.id, breachOn });
        expect(sanction.rule.code, breachOn).toBe(code);
        expect(sanction.status).toBe('recorded');
        expect(sanction.proposal).not.toBeNull();
      }
    });

    it('rejects a breach without a sanctionable duty with a specific German problem and writes nothing', async () => {
      const c = await newCase();
      const refuse = async (duty: Record<string, unknown>, breach: Record<string, unknown>, status: number, code: string) => {
        const created = await createDuty(t, cm, c.caseId, duty);
        const before = await state();
        const res = await call(t, cm, 'POST', `/api/cases/${c.caseId}/sanctions`, {
          dutyId: created.id,
          kind: 'duty_breach',
          breachDescription: 'Nicht erschienen',
          ...breach,
        });
        expect(res.statusCode, res.body).toBe(status);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json().code).toBe(code);
        expect(await state()).toEqual(before);
        return res.json();
      };
      // The Kooperationsplan period: an EGV duty no longer allows it.
      const egv2024 = await refuse({ form: 'egv', setOn: '2024-01-10' }, { breachOn: '2024-02-01' }, 422, 'SANCTION_FORM_NOT_ALLOWED');
      expect(egv2024.detail).toContain('Aufforderung zur Mitwirkung mit Rechtsfolgenbelehrung');
      // Before 07/2023 a request to cooperate was no sanctionable form.
      await refuse({ form: 'request_with_notice', setOn: '2023-03-01' }, { breachOn: '2023-03-20' }, 422, 'SANCTION_FORM_NOT_ALLOWED');
      // The moratorium: no duty breach at all.
      const moratorium = await refuse({ form: 'egv', setOn: '2022-07-05' }, { breachOn: '2022-08-01' }, 422, 'SANCTION_FORM_NOT_ALLOWED');
      expect(moratorium.detail).toContain('Sanktionsmoratorium');
      // A missed appointment needs an invitation.
      await refuse(
        { form: 'verwaltungsakt', setOn: '2024-01-10' },
        { kind: 'missed_appointment', breachOn: '2024-02-01' },
        422,
        'SANCTION_FORM_NOT_ALLOWED',
      );
      await refuse(
        { form: 'request_with_notice', setOn: '2024-01-10', legalConsequencesNotice: false },
        { breachOn: '2024-02-01' },
        422,
        'SANCTION_NO_LEGAL_NOTICE',
      );
      await refuse({ form: 'egv', setOn: '2019-05-01' }, { breachOn: '2019-06-01' }, 422, 'SANCTION_NO_RULE');
      const early = await refuse(
        { form: 'request_with_notice', setOn: '2024-01-10' },
        { breachOn: '2024-01-09' },
        422,
        'SANCTION_BREACH_DATE_INVALID',
      );
      expect(early.errors[0].field).toBe('breachOn');
      await refuse(
        { form: 'request_with_notice', setOn: '2024-01-10' },
        { breachOn: addDays(today(), 1) },
        422,
        'SANCTION_BREACH_DATE_INVALID',
      );
      await refuse(
        { form: 'appointment_invitation', setOn: '2024-01-10', appointmentOn: '2024-01-20' },
        { kind: 'missed_appointment', breachOn: '2024-01-21' },
        400,
        'VALIDATION_FAILED',
      );
    });

    it('records one sanction per duty, refuses other case managers and bad input, and logs', async () => {
      const c = await newCase();
      const duty = await createDuty(t, cm, c.caseId);
      const before = await state();
      const body = { dutyId: duty.id, kind: 'duty_breach', breachOn: '2026-02-02', breachDescription: 'Keine Bewerbung' };
      const foreign = await call(t, otherCm, 'POST', `/api/cases/${c.caseId}/sanctions`, body);
      expect(foreign.json().code).toBe('NOT_RESPONSIBLE');
      expect((await call(t, placement, 'POST', `/api/cases/${c.caseId}/sanctions`, body)).statusCode).toBe(403);
      const bad = await call(t, cm, 'POST', `/api/cases/${c.caseId}/sanctions`, { ...body, kind: 'verspätet' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toBe('kind');
      const unknownDuty = await call(t, cm, 'POST', `/api/cases/${c.caseId}/sanctions`, { ...body, dutyId: c.caseId });
      expect(unknownDuty.json().errors[0].code).toBe('unknown_duty');
      expect((await call(t, cmB, 'POST', `/api/cases/${c.caseId}/sanctions`, body)).statusCode).toBe(404);
      expect(await state()).toEqual(before);

      const created = await call(t, cm, 'POST', `/api/cases/${c.caseId}/sanctions`, body);
      await expectOk(created, 201);
      const again = await call(t, cm, 'POST', `/api/cases/${c.caseId}/sanctions`, body);
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('SANCTION_STEP_NOT_ALLOWED');
      const changes = await withTenant(t.database.owner, t.tenantA.id, (trx) =>
        trx.selectFrom('changeLog').select('action').where('entity', '=', 'sanction').where('entityId', '=', created.json().id).execute(),
      );
      expect(changes).toHaveLength(1);
    });
  });

  describe('hearing and decision', () => {
    it('the hearing deadline gates the decision; an answer opens it early', async () => {
      const c = await newCase();
      const duty = await createDuty(t, cm, c.caseId, { setOn: addDays(today(), -20) });
      let sanction = await recordBreach(t, cm, c.caseId, { dutyId: duty.id, breachOn: addDays(today(), -5) });

      const early = await decide(sanction);
      expect(early.statusCode).toBe(409);
      expect(early.json().code).toBe('SANCTION_STEP_NOT_ALLOWED');

      expect((await call(t, cm, 'POST', `/api/sanctions/${sanction.id}/hearing`, {})).statusCode).toBe(428);
      expect((await call(t, cm, 'POST', `/api/sanctions/${sanction.id}/hearing`, {}, ifMatch(sanction.version + 5))).statusCode).toBe(412);
      expect((await call(t, otherCm, 'POST', `/api/sanctions/${sanction.id}/hearing`, {}, ifMatch(sanction.version))).statusCode).toBe(403);
      sanction = await hearing(sanction);
      expect(sanction.status).toBe('hearing');
      expect(sanction.hearing).toMatchObject({ sentOn: today(), deadline: addDays(today(), 14), decisionAllowed: false });

      const pdf = await call(t, placement, 'GET', `/api/sanctions/${sanction.id}/hearing.pdf`);
      await expectOk(pdf);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

      const before = await state();
      const pending = await decide(sanction);
      expect(pending.statusCode).toBe(409);
      expect(pending.json().code).toBe('SANCTION_HEARING_PENDING');
      expect(pending.json().detail).toContain(addDays(today(), 14).split('-').reverse().join('.'));
      expect(await state()).toEqual(before);

      const answer = await call(
        t,
        cm,
        'POST',
        `/api/sanctions/${sanction.id}/answer`,
        { answeredOn: today(), answer: 'Ich hatte den Brief nicht bekommen.' },
        ifMatch(sanction.version),
      );
      await expectOk(answer);
      sanction = answer.json();
      expect(sanction.hearing.decisionAllowed).toBe(true);
      const answered = await state();

      // A reduction needs the important reason assessed as not accepted.
      const contradiction = await decide(sanction, { importantReasonAccepted: true });
      expect(contradiction.statusCode).toBe(422);
      expect(contradiction.json().code).toBe('SANCTION_REDUCTION_NOT_POSSIBLE');
      expect((await decide(sanction, {}, otherCm)).json().code).toBe('NOT_RESPONSIBLE');
      expect((await decide({ ...sanction, version: sanction.version - 1 })).statusCode).toBe(412);
      expect(await state()).toEqual(answered);

      const decided = await decide(sanction, { importantReasonAccepted: true, outcome: 'no_reduction' });
      await expectOk(decided);
      expect(decided.json()).toMatchObject({ status: 'handed_off', decision: { outcome: 'no_reduction', reductionPercent: null } });
      expect(decided.json().importantReason).toEqual({ accepted: true, reasoning: 'Kein wichtiger Grund vorgetragen oder nachgewiesen.' });
    });

    it('without an answer the decision opens the day after the deadline', async () => {
      const c = await newCase();
      const duty = await createDuty(t, cm, c.caseId, { setOn: addDays(today(), -20) });
      let sanction = await recordBreach(t, cm, c.caseId, { dutyId: duty.id, breachOn: addDays(today(), -5) });
      sanction = await hearing(sanction);
      try {
        clockDays = 14;
        expect((await decide(sanction)).json().code).toBe('SANCTION_HEARING_PENDING');
        clockDays = 15;
        const list = await call(t, cm, 'GET', `/api/cases/${c.caseId}/sanctions`);
        expect(list.json().items[0].hearing.decisionAllowed).toBe(true);
        const res = await decide(sanction);
        await expectOk(res);
        expect(res.json().decision.decidedOn).toBe(today());
      } finally {
        clockDays = 0;
      }
    });

    it('hands the decision off to the recipient of the organisation model as a follow-up', async () => {
      const c = await newCase();
      const decided = await runToDecision(
        c.caseId,
        { form: 'request_with_notice', setOn: '2025-03-01' },
        { breachOn: '2025-03-20' },
        { decidedOn: '2025-04-15' },
      );
      const expected = await withTenant(t.database.owner, t.tenantA.id, (trx) =>
        recipientFor(trx, t.tenantA.id, c.caseId, 'sanction_decision'),
      );
      expect(decided.status).toBe('handed_off');
      expect(decided.handOff.to.id).toBe(expected);
      const followUps = await withTenant(t.database.owner, t.tenantA.id, (trx) =>
        trx.selectFrom('followUps').selectAll().where('sourceId', '=', decided.id).execute(),
      );
      expect(followUps).toHaveLength(1);
      expect(followUps[0]).toMatchObject({ kind: 'sanction_decision', ownerId: expected, caseId: c.caseId });
      expect(followUps[0]?.title).toContain('10 %');

      // The sanction appears in the case history, step by step.
      const overview = await call(t, cm, 'GET', `/api/cases/${c.caseId}`);
      await expectOk(overview);
      const steps = overview.json().sanctionHistory.filter((h: { sanctionId: string }) => h.sanctionId === decided.id);
      expect(steps.map((h: { action: string }) => h.action)).toEqual(['handed_off', 'decided', 'hearing_sent', 'recorded']);
      expect(steps[3].actor.id).toBe(t.tenantA.users.case_manager.id);

      // After the hand-off it cannot be withdrawn in Lotse.
      const withdraw = await call(t, cm, 'POST', `/api/sanctions/${decided.id}/withdraw`, { reason: 'Irrtum' }, ifMatch(decided.version));
      expect(withdraw.statusCode).toBe(409);
    });

    it('withdraws a running sanction with a reason', async () => {
      const c = await newCase();
      const duty = await createDuty(t, cm, c.caseId);
      const sanction = await hearing(await recordBreach(t, cm, c.caseId, { dutyId: duty.id, breachOn: '2026-02-02' }), '2026-02-04');
      expect((await call(t, cm, 'POST', `/api/sanctions/${sanction.id}/withdraw`, { reason: 'x' })).statusCode).toBe(428);
      const res = await call(
        t,
        cm,
        'POST',
        `/api/sanctions/${sanction.id}/withdraw`,
        { reason: 'Nachweis lag doch vor.' },
        ifMatch(sanction.version),
      );
      await expectOk(res);
      expect(res.json()).toMatchObject({ status: 'withdrawn', withdrawnReason: 'Nachweis lag doch vor.', proposal: null });
      expect((await decide(res.json())).json().code).toBe('SANCTION_STEP_NOT_ALLOWED');
      // The duty can be breached again (a withdrawn sanction does not count).
      await recordBreach(t, cm, c.caseId, { dutyId: duty.id, breachOn: '2026-02-03' });
    });
  });

  describe('addiction and psychosocial care', () => {
    it('warns and requires a justification for a reduction while such care runs', async () => {
      const c = await newCase();
      const coordinator = await t.login(t.tenantA.users.coordinator.username);
      const staff = await t.login(t.tenantA.users.provider_staff.username);
      const offer = await seedProviderWithOffer(t, coordinator, {
        providerId: t.tenantA.providerId,
        serviceType: 'addiction_counselling',
        agreement: { validFrom: '2025-01-01' },
      });
      const consentId = await createConsent(
        t,
        cm,
        c.caseId,
        t.tenantA.providerId,
        ['attendance', 'process_steps', 'content_summary', 'results', 'health'],
        addDays(today(), -30),
      );
      const referral = await sentReferral(t, cm, { caseId: c.caseId, offerId: offer.offerId, consentId });
      await expectOk(
        await call(t, staff, 'POST', `/api/portal/referrals/${referral.id}/actions`, { action: 'accept' }, ifMatch(referral.version)),
      );

      const duty = await createDuty(t, cm, c.caseId, { setOn: addDays(today(), -40) });
      let sanction = await recordBreach(t, cm, c.caseId, { dutyId: duty.id, breachOn: addDays(today(), -30) });
      sanction = await hearing(sanction, addDays(today(), -28));
      const list = await call(t, cm, 'GET', `/api/cases/${c.caseId}/sanctions`);
      expect(list.json().items[0].careWarning).toEqual({ active: true, services: ['addiction_counselling'], justification: null });
      // Colleagues see that a warning applies, not which care.
      const seen = await call(t, placement, 'GET', `/api/cases/${c.caseId}/sanctions`);
      expect(seen.json().items[0].careWarning).toEqual({ active: true, services: [], justification: null });

      const before = await state();
      const refused = await decide(sanction);
      expect(refused.statusCode).toBe(422);
      expect(refused.json().code).toBe('SANCTION_CARE_JUSTIFICATION_REQUIRED');
      expect(refused.json().detail).toContain('Suchtberatung');
      expect(refused.json().errors[0].field).toBe('careJustification');
      expect((await decide(sanction, { careJustification: '   ' })).statusCode).toBe(422);
      expect(await state()).toEqual(before);

      const decided = await decide(sanction, {
        careJustification: 'Rücksprache mit der Suchtberatung: Minderung gefährdet die Behandlung nicht.',
      });
      await expectOk(decided);
      expect(decided.json().careWarning).toMatchObject({
        active: true,
        justification: 'Rücksprache mit der Suchtberatung: Minderung gefährdet die Behandlung nicht.',
      });
    });
  });

  describe('amounts and durations follow the rule table in each period', () => {
    it('until 30.06.2022: 30 % for three months, also when repeated', async () => {
      const c = await newCase();
      const first = await runToDecision(
        c.caseId,
        { form: 'egv', setOn: '2021-03-01' },
        { breachOn: '2021-04-10' },
        { decidedOn: '2021-05-05' },
      );
      expect(first.decision).toMatchObject({
        repetition: 1,
        reductionPercent: 30,
        reductionMonths: 3,
        amountCents: 13_380,
        startsOn: '2021-06-01',
        endsOn: '2021-08-31',
        fullStop: false,
      });
      const second = await runToDecision(
        c.caseId,
        { form: 'verwaltungsakt', setOn: '2021-08-01' },
        { breachOn: '2021-09-01' },
        { decidedOn: '2021-09-30' },
      );
      expect(second.decision).toMatchObject({
        repetition: 2,
        reductionPercent: 30,
        reductionMonths: 3,
        amountCents: 13_380,
        startsOn: '2021-10-01',
      });
    });

    it('the moratorium: the first missed appointment stays without reduction, the second within a year gives 10 %', async () => {
      const c = await newCase();
      const invitation = (setOn: string, appointmentOn: string) => ({ form: 'appointment_invitation', setOn, appointmentOn });
      const firstDuty = await createDuty(t, cm, c.caseId, invitation('2022-07-01', '2022-07-20'));
      const first = await hearing(
        await recordBreach(t, cm, c.caseId, { dutyId: firstDuty.id, kind: 'missed_appointment', breachOn: '2022-07-20' }),
        '2022-07-22',
      );
      expect(first.proposal).toMatchObject({ repetition: 1, percent: 0 });
      const refused = await decide(first, { decidedOn: '2022-08-15' });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().errors[0].code).toBe('no_reduction_under_rule');
      await expectOk(await decide(first, { decidedOn: '2022-08-15', outcome: 'no_reduction' }));

      const second = await runToDecision(
        c.caseId,
        invitation('2022-09-01', '2022-09-14'),
        { kind: 'missed_appointment', breachOn: '2022-09-14' },
        { decidedOn: '2022-10-05' },
      );
      expect(second.decision).toMatchObject({
        repetition: 2,
        reductionPercent: 10,
        reductionMonths: 3,
        amountCents: 4_490,
        startsOn: '2022-11-01',
        endsOn: '2023-01-31',
      });
    });

    it('Bürgergeld: 10 % for a month, then 20 % for two, then 30 % for three; missed appointments 10 % for a month', async () => {
      const c = await newCase();
      const first = await runToDecision(
        c.caseId,
        { form: 'egv', setOn: '2023-01-15' },
        { breachOn: '2023-02-10' },
        { decidedOn: '2023-03-01' },
      );
      expect(first.decision).toMatchObject({
        repetition: 1,
        reductionPercent: 10,
        reductionMonths: 1,
        amountCents: 5_020,
        startsOn: '2023-04-01',
        endsOn: '2023-04-30',
      });
      const second = await runToDecision(
        c.caseId,
        { form: 'verwaltungsakt', setOn: '2023-04-20' },
        { breachOn: '2023-05-15' },
        { decidedOn: '2023-06-01' },
      );
      expect(second.decision).toMatchObject({
        repetition: 2,
        reductionPercent: 20,
        reductionMonths: 2,
        amountCents: 10_040,
        startsOn: '2023-07-01',
        endsOn: '2023-08-31',
      });
      const third = await runToDecision(
        c.caseId,
        { form: 'request_with_notice', setOn: '2023-08-01' },
        { breachOn: '2023-09-04' },
        { decidedOn: '2023-09-28' },
      );
      expect(third.rule.code).toBe('buergergeld_kooperationsplan_2023');
      expect(third.decision).toMatchObject({
        repetition: 3,
        reductionPercent: 30,
        reductionMonths: 3,
        amountCents: 15_060,
        startsOn: '2023-10-01',
        endsOn: '2023-12-31',
      });
      const missed = await runToDecision(
        c.caseId,
        { form: 'appointment_invitation', setOn: '2024-02-01', appointmentOn: '2024-02-12' },
        { kind: 'missed_appointment', breachOn: '2024-02-12' },
        { decidedOn: '2024-03-04' },
      );
      expect(missed.decision).toMatchObject({
        reductionPercent: 10,
        reductionMonths: 1,
        amountCents: 5_630,
        startsOn: '2024-04-01',
        endsOn: '2024-04-30',
      });
      // Two years later the count starts again.
      const later = await runToDecision(
        c.caseId,
        { form: 'request_with_notice', setOn: '2025-11-01' },
        { breachOn: '2025-11-20' },
        { decidedOn: '2025-12-10' },
      );
      expect(later.decision).toMatchObject({ repetition: 1, reductionPercent: 10, reductionMonths: 1 });
    });

    it('from 01.07.2026: 30 % for three months; the third missed appointment in a row stops the standard benefit', async () => {
      const c = await newCase();
      const breach = await runToDecision(
        c.caseId,
        { form: 'verwaltungsakt', setOn: '2026-07-10' },
        { breachOn: '2026-08-03' },
        { decidedOn: '2026-08-25' },
      );
      expect(breach.decision).toMatchObject({
        reductionPercent: 30,
        reductionMonths: 3,
        amountCents: 16_890,
        startsOn: '2026-09-01',
        endsOn: '2026-11-30',
      });
      const missed = async (setOn: string, on: string, decidedOn: string) =>
        runToDecision(
          c.caseId,
          { form: 'appointment_invitation', setOn, appointmentOn: on },
          { kind: 'missed_appointment', breachOn: on },
          { decidedOn },
        );
      const one = await missed('2026-07-01', '2026-07-15', '2026-08-10');
      expect(one.decision).toMatchObject({ reductionPercent: 30, reductionMonths: 1, fullStop: false, amountCents: 16_890 });
      const two = await missed('2026-07-20', '2026-08-05', '2026-08-28');
      expect(two.decision).toMatchObject({ reductionPercent: 30, fullStop: false });
      const three = await missed('2026-08-10', '2026-08-20', '2026-09-15');
      expect(three.decision).toMatchObject({
        reductionPercent: 100,
        reductionMonths: 1,
        fullStop: true,
        amountCents: 56_300,
        startsOn: '2026-10-01',
      });
    });
  });

  it('reads go to the read log, and another tenant gets 404 for every sanction route', async () => {
    const c = await newCase();
    const duty = await createDuty(t, cm, c.caseId);
    const sanction = await recordBreach(t, cm, c.caseId, { dutyId: duty.id, breachOn: '2026-02-02' });
    const reads = async () =>
      withTenant(t.database.owner, t.tenantA.id, async (trx) => {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from read_log where person_id = ${c.personId}`.execute(trx);
        return rows[0]?.n ?? 0;
      });
    const before = await reads();
    await expectOk(await call(t, placement, 'GET', `/api/cases/${c.caseId}/sanctions`));
    await expectOk(await call(t, placement, 'GET', `/api/sanctions/${sanction.id}`));
    expect(await reads()).toBe(before + 2);
    for (const url of [`/api/sanctions/${sanction.id}`, `/api/sanctions/${sanction.id}/hearing.pdf`, `/api/cases/${c.caseId}/sanctions`]) {
      expect((await call(t, cmB, 'GET', url)).statusCode, url).toBe(404);
    }
    expect((await call(t, cmB, 'POST', `/api/sanctions/${sanction.id}/hearing`, {}, ifMatch(sanction.version))).statusCode).toBe(404);
  });
});

function ruleBody(overrides: Record<string, unknown> = {}) {
  return {
    code: `test_${Math.random().toString(36).slice(2, 10)}`,
    title: 'Testzeitraum',
    validFrom: '2001-01-01',
    validTo: '2001-12-31',
    dutyForms: ['egv', 'verwaltungsakt'],
    dutyStages: [{ percent: 30, months: 3 }],
    appointmentStages: [{ percent: 10, months: 3 }],
    repeatWithinMonths: 12,
    appointmentStopAfter: null,
    legalBasis: '§ 31a SGB II a. F.',
    sourceNote: 'Test',
    ...overrides,
  };
}
