import type { QualityReport, QualityRow } from '@lotse/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../testing';
import { call, expectOk } from '../cases/testing';
import { readXlsx } from '../reports/testing';
import { changeLogCount, HistoryWriter } from './testing';

/**
 * Quality indicators on a small fixed history of 2025 (today: 30 June 2026), every expected figure
 * computed by hand from the fixture below (docs/reports.md has the definitions).
 */
const NOW = new Date('2026-06-30T10:00:00Z');

interface Fixture {
  teamNord: string;
  teamSued: string;
  p1: string;
  p2: string;
  personIds: string[];
  personNames: string[];
}

async function writeHistory(t: TestApp): Promise<Fixture> {
  const tenant = t.tenantA;
  const cm1 = tenant.users.case_manager.id;
  const w = new HistoryWriter(t, tenant.id, cm1);
  await w.rules({ caseloadTarget: 10, waitingTargetDays: 21 });
  const teamNord = await w.team('Team Nord');
  const teamSued = await w.team('Team Süd');
  await w.setTeam(cm1, teamNord);
  const cm2 = await w.caseManager(teamSued);
  const cm3 = await w.caseManager(null);

  const p1 = tenant.providerId;
  const p2 = await w.provider('Suchthilfe Süd');
  // O1 under an agreement with its own deadlines (answer 3, start 10, report 60 days); O2 without: 5/21/90.
  const o1 = await w.offer(p1, {
    name: 'Schuldnerberatung Nord',
    serviceType: 'debt_counselling',
    deadlines: { answerDays: 3, startDays: 10, interimReportDays: 60 },
  });
  const o2 = await w.offer(p2, { name: 'Suchtberatung Süd', serviceType: 'addiction_counselling' });

  const personNames: string[] = [];
  const persons: string[] = [];
  const person = async () => {
    const lastName = `Qualitätsperson${personNames.length + 1}`;
    personNames.push(lastName);
    const id = await w.person({ lastName });
    persons.push(id);
    return id;
  };
  for (let i = 0; i < 9; i++) await person();
  const [pp1, pp2, pp3, pp4, pp5, pp6, pp7, pp8, pp9] = [...persons] as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];

  const c1 = await w.case({ personId: pp1, managerId: cm1, openedOn: '2025-01-10' });
  const c2 = await w.case({
    personId: pp2,
    managerId: cm1,
    openedOn: '2024-05-01',
    status: 'closed',
    closedOn: '2026-02-01',
    outcome: 'employment_insured',
    actions: [
      ['start_closing', '2025-05-20'],
      ['close', '2026-02-01'],
    ],
  });
  const c3 = await w.case({ personId: pp3, managerId: cm2, openedOn: '2025-02-01' });
  const c4 = await w.case({ personId: pp4, managerId: cm2, openedOn: '2025-11-01' });
  const c5 = await w.case({
    personId: pp5,
    managerId: cm1,
    openedOn: '2024-10-01',
    status: 'aftercare',
    outcome: 'vocational_training',
    actions: [['close', '2025-05-01']],
  });
  await w.case({
    personId: pp6,
    managerId: cm1,
    openedOn: '2024-01-01',
    status: 'closed',
    closedOn: '2025-11-30',
    outcome: 'self_employment',
    actions: [['close', '2025-11-30']],
  });
  const c7 = await w.case({
    personId: pp7,
    managerId: cm2,
    openedOn: '2024-02-01',
    status: 'closed',
    closedOn: '2025-08-15',
    outcome: 'employment_insured',
    actions: [['close', '2025-08-15']],
  });
  await w.case({ personId: pp8, managerId: cm1, openedOn: '2026-01-05' });
  // Nine more open cases of cm1 without any other history: 12 cases against a target of 10.
  for (let i = 0; i < 9; i++) await w.case({ personId: await person(), managerId: cm1, openedOn: '2025-06-01' });
  await w.case({
    personId: pp9,
    managerId: cm3,
    openedOn: '2024-01-01',
    status: 'closed',
    closedOn: '2025-03-01',
    outcome: 'moved_away',
    actions: [['close', '2025-03-01']],
  });

  const onO1 = { offerId: o1, providerId: p1 };
  const onO2 = { offerId: o2, providerId: p2 };
  // R1: everything on time; completed, goal reached.
  await w.referral({
    ...onO1,
    caseId: c1,
    personId: pp1,
    status: 'completed',
    sentOn: '2025-02-01',
    acceptedOn: '2025-02-03',
    startedOn: '2025-02-10',
    endedOn: '2025-05-15',
    result: 'goal_reached',
    steps: [
      ['sent', 'accepted', '2025-02-03'],
      ['accepted', 'started', '2025-02-10'],
      ['started', 'completed', '2025-05-15'],
    ],
    reports: ['2025-04-01'],
  });
  // R2: answer and start late, waited 45 days; dropped out.
  await w.referral({
    ...onO1,
    caseId: c2,
    personId: pp2,
    status: 'dropped_out',
    sentOn: '2025-03-01',
    acceptedOn: '2025-03-10',
    startedOn: '2025-04-15',
    endedOn: '2025-05-01',
    steps: [
      ['sent', 'accepted', '2025-03-10'],
      ['accepted', 'started', '2025-04-15'],
      ['started', 'dropped_out', '2025-05-01'],
    ],
  });
  // R3: answer and start on time, no interim report by 2025-09-18.
  await w.referral({
    ...onO2,
    caseId: c3,
    personId: pp3,
    status: 'started',
    sentOn: '2025-06-01',
    acceptedOn: '2025-06-04',
    startedOn: '2025-06-20',
    steps: [
      ['sent', 'accepted', '2025-06-04'],
      ['accepted', 'started', '2025-06-20'],
    ],
  });
  // R4: never answered (due 2025-12-25).
  await w.referral({ ...onO2, caseId: c4, personId: pp4, status: 'sent', sentOn: '2025-12-20' });
  // R5: declined on time.
  await w.referral({
    ...onO2,
    caseId: c1,
    personId: pp1,
    status: 'declined',
    sentOn: '2025-01-05',
    steps: [['sent', 'declined', '2025-01-08']],
  });
  // R6: started in 2024; report due 2025-01-04 kept, report due 2025-03-04 late; completed, partly reached.
  await w.referral({
    ...onO1,
    caseId: c5,
    personId: pp5,
    status: 'completed',
    sentOn: '2024-11-01',
    acceptedOn: '2024-11-02',
    startedOn: '2024-11-05',
    endedOn: '2025-04-20',
    result: 'partly_reached',
    steps: [
      ['sent', 'accepted', '2024-11-02'],
      ['accepted', 'started', '2024-11-05'],
      ['started', 'completed', '2025-04-20'],
    ],
    reports: ['2025-01-03', '2025-03-10'],
  });
  // R7: on time, completed before the first report was due, without a result.
  await w.referral({
    ...onO2,
    caseId: c3,
    personId: pp3,
    status: 'completed',
    sentOn: '2025-07-01',
    acceptedOn: '2025-07-02',
    startedOn: '2025-07-10',
    endedOn: '2025-09-01',
    steps: [
      ['sent', 'accepted', '2025-07-02'],
      ['accepted', 'started', '2025-07-10'],
      ['started', 'completed', '2025-09-01'],
    ],
  });
  // R8: withdrawn before the answer was due: no deadline counts.
  await w.referral({
    ...onO1,
    caseId: c2,
    personId: pp2,
    status: 'cancelled',
    sentOn: '2025-08-01',
    steps: [['sent', 'cancelled', '2025-08-02']],
  });

  await w.agreements(c1, [
    { agreedOn: '2025-01-10', reviewOn: '2025-04-10' },
    { agreedOn: '2025-04-01', reviewOn: '2025-10-01' },
  ]);
  await w.agreements(c2, [{ agreedOn: '2025-02-01', reviewOn: '2025-06-01' }]);
  await w.agreements(c3, [
    { agreedOn: '2025-03-01', reviewOn: '2025-09-01' },
    { agreedOn: '2025-09-15', reviewOn: '2026-03-15' },
  ]);

  await w.subGoals(c1, [
    { dueOn: '2025-03-01', status: 'reached' },
    { dueOn: '2025-06-01', status: 'missed' },
    { dueOn: '2025-05-01', status: 'open' },
    { dueOn: '2026-03-01', status: 'reached' },
  ]);
  await w.subGoals(c3, [
    { dueOn: '2025-07-01', status: 'partly_reached' },
    { dueOn: '2025-08-01', status: 'dropped' },
  ]);

  await w.rating(c1, 'baseline', '2025-01-15', { housing: 3, health: 5, finances_debt: 2 });
  await w.rating(c1, 'review', '2025-06-01', { housing: 5, health: 4 });
  await w.rating(c1, 'review', '2025-11-01', { housing: 6, health: 5, finances_debt: 4 });
  await w.rating(c5, 'baseline', '2024-10-05', { housing: 2, addiction: 3 });
  await w.rating(c5, 'closing', '2025-05-01', { housing: 4, addiction: 3 });
  await w.rating(c3, 'baseline', '2025-02-10', { housing: 4 });
  await w.rating(c3, 'review', '2025-08-01', { housing: 3 });
  await w.rating(c3, 'review', '2026-02-01', { housing: 6 });
  await w.rating(c7, 'closing', '2025-08-10', { housing: 5 });

  return { teamNord, teamSued, p1, p2, personIds: persons, personNames };
}

describe.each(['pglite', 'postgres'] as const)('quality indicators on %s', (kind) => {
  let t: TestApp;
  let fx: Fixture;
  let teamLead: Session;
  let coordinator: Session;

  beforeAll(async () => {
    t = await createTestApp(kind, { now: () => NOW });
    fx = await writeHistory(t);
    teamLead = await t.login(t.tenantA.users.team_lead.username);
    coordinator = await t.login(t.tenantA.users.coordinator.username);
  });
  afterAll(async () => t?.close());

  async function indicators(session: Session, by: string, year = 2025): Promise<QualityReport> {
    const res = await call(t, session, 'GET', `/api/quality?year=${year}&by=${by}`);
    await expectOk(res);
    return res.json();
  }
  const indicator = (report: QualityReport, key: string) => {
    const found = report.indicators.find((i) => i.key === key);
    if (!found) throw new Error(`indicator ${key} missing`);
    return found;
  };
  /** "numerator/denominator" of each row in order, then of the total. */
  const fractions = (report: QualityReport, key: string) => {
    const i = indicator(report, key);
    const show = (r: QualityRow) => (r.figure.suppressed ? '•' : `${r.figure.numerator}/${r.figure.denominator}`);
    return [...i.rows.map((r) => `${r.label}: ${show(r)}`), `Insgesamt: ${show(i.total)}`];
  };
  const parts = (row: QualityRow) =>
    Object.fromEntries(
      row.parts
        .filter((p) => p.figure.denominator !== 0)
        .map((p) => [p.key, p.figure.suppressed ? '•' : `${p.figure.numerator}/${p.figure.denominator}`]),
    );

  it('computes every indicator per team for a team lead, with definitions and without suppression', async () => {
    const report = await indicators(teamLead, 'team');
    expect(report).toMatchObject({
      year: 2025,
      by: 'team',
      byLabel: 'Team',
      referenceDate: '2025-12-31',
      suppression: { applied: false, minimum: 5 },
      targets: { caseloadTarget: 10, waitingTargetDays: 21 },
    });
    expect(report.indicators.map((i) => i.key)).toEqual([
      'caseload',
      'waiting_within_target',
      'feedback_on_time',
      'agreement_reviews_on_time',
      'referral_completion',
      'subgoals_reached',
      'rating_change',
      'exits_into_work',
    ]);
    for (const i of report.indicators) {
      expect(i.applicable, i.key).toBe(true);
      expect(i.definition.length, i.key).toBeGreaterThan(80);
    }
    expect(indicator(report, 'waiting_within_target').definition).toContain('höchstens 21 Tage');

    // Structure: open cases on 31.12.2025 per case manager (cm1: 3 + 9, cm2: 2, cm3: 0), target 10.
    expect(fractions(report, 'caseload')).toEqual(['Team Nord: 12/1', 'Team Süd: 2/1', 'ohne Team: 0/1', 'Insgesamt: 14/3']);
    const caseload = indicator(report, 'caseload');
    expect(caseload.rows.map((r) => r.assessment?.light)).toEqual(['red', 'green', 'green']);
    expect(caseload.rows[0]?.assessment).toEqual({ target: 10, ratio: 1.2, light: 'red' });
    expect(caseload.total.figure.value).toBeCloseTo(14 / 3, 10);
    expect(caseload.total.assessment).toMatchObject({ target: 10, light: 'green' });
    expect(caseload.total.assessment?.ratio).toBeCloseTo(14 / 30, 10);

    // Process.
    expect(fractions(report, 'waiting_within_target')).toEqual(['Team Nord: 1/2', 'Team Süd: 2/2', 'Insgesamt: 3/4']);
    expect(fractions(report, 'feedback_on_time')).toEqual(['Team Nord: 2/4', 'Team Süd: 1/3', 'Insgesamt: 3/7']);
    expect(parts(indicator(report, 'feedback_on_time').total)).toEqual({ answer: '4/6', start: '3/4', report: '2/4' });
    expect(fractions(report, 'agreement_reviews_on_time')).toEqual(['Team Nord: 2/3', 'Team Süd: 0/1', 'Insgesamt: 2/4']);

    // Results.
    expect(fractions(report, 'referral_completion')).toEqual(['Team Nord: 2/3', 'Team Süd: 1/1', 'Insgesamt: 3/4']);
    const completion = indicator(report, 'referral_completion');
    expect(parts(completion.rows[0] as QualityRow)).toEqual({
      goal_reached: '1/3',
      partly_reached: '1/3',
      not_reached: '0/3',
      no_result: '0/3',
      dropped_out: '1/3',
    });
    expect(parts(completion.total)).toMatchObject({ no_result: '1/4', dropped_out: '1/4' });
    expect(fractions(report, 'subgoals_reached')).toEqual(['Team Nord: 1/2', 'Team Süd: 0/1', 'Insgesamt: 1/3']);
    expect(parts(indicator(report, 'subgoals_reached').total)).toEqual({ reached: '1/3', partly_reached: '1/3', missed: '1/3' });

    // Ratings: c1 +3/0/+2, c5 +2/0 (Nord); c3 −1 (Süd; its 2026 review is after the reference day).
    expect(fractions(report, 'rating_change')).toEqual(['Team Nord: 7/5', 'Team Süd: -1/1', 'Insgesamt: 6/6']);
    const rating = indicator(report, 'rating_change');
    expect(rating.unit).toBe('mean');
    expect(parts(rating.total)).toEqual({ housing: '4/3', health: '0/1', finances_debt: '2/1', addiction: '0/1' });
    expect(rating.rows[0]?.figure.value).toBeCloseTo(1.4, 10);

    expect(fractions(report, 'exits_into_work')).toEqual(['Team Nord: 1/2', 'Team Süd: 1/1', 'ohne Team: 0/1', 'Insgesamt: 2/4']);
    expect(parts(indicator(report, 'exits_into_work').rows[0] as QualityRow)).toEqual({
      employment_insured: '0/2',
      self_employment: '1/2',
      vocational_training: '1/2',
    });
    expect(parts(indicator(report, 'exits_into_work').total)).toEqual({
      employment_insured: '1/4',
      self_employment: '1/4',
      vocational_training: '1/4',
    });
  });

  it('breaks referral indicators down by provider and service type; case indicators are not applicable there', async () => {
    const byProvider = await indicators(teamLead, 'provider');
    const providerName = (await call(t, teamLead, 'GET', `/api/providers/${fx.p1}`)).json().name as string;
    const sorted = [providerName, 'Suchthilfe Süd'].sort((a, b) => a.localeCompare(b, 'de'));
    const expectRows = (key: string, values: Record<string, string>, total: string) =>
      expect(fractions(byProvider, key)).toEqual([...sorted.map((name) => `${name}: ${values[name]}`), `Insgesamt: ${total}`]);
    expectRows('waiting_within_target', { [providerName]: '1/2', 'Suchthilfe Süd': '2/2' }, '3/4');
    expectRows('feedback_on_time', { [providerName]: '1/3', 'Suchthilfe Süd': '2/4' }, '3/7');
    expectRows('referral_completion', { [providerName]: '2/3', 'Suchthilfe Süd': '1/1' }, '3/4');
    for (const key of ['caseload', 'agreement_reviews_on_time', 'subgoals_reached', 'rating_change', 'exits_into_work']) {
      const i = indicator(byProvider, key);
      expect(i.applicable, key).toBe(false);
      expect(i.rows, key).toEqual([]);
      expect(i.notApplicableText, key).toMatch(/^nicht anwendbar/);
    }
    // The total does not depend on the grouping.
    expect(indicator(byProvider, 'caseload').total.figure).toMatchObject({ numerator: 14, denominator: 3 });

    const byType = await indicators(teamLead, 'service_type');
    expect(fractions(byType, 'waiting_within_target')).toEqual([
      'Schuldnerberatung (§ 16a Nr. 2 SGB II): 1/2',
      'Suchtberatung (§ 16a Nr. 4 SGB II): 2/2',
      'Insgesamt: 3/4',
    ]);
    expect(fractions(byType, 'feedback_on_time')).toEqual([
      'Schuldnerberatung (§ 16a Nr. 2 SGB II): 1/3',
      'Suchtberatung (§ 16a Nr. 4 SGB II): 2/4',
      'Insgesamt: 3/7',
    ]);
  });

  it('counts nothing for a year without history', async () => {
    const report = await indicators(teamLead, 'team', 2023);
    expect(report.referenceDate).toBe('2023-12-31');
    expect(indicator(report, 'feedback_on_time').total.figure).toEqual({ numerator: 0, denominator: 0, value: null, suppressed: false });
    expect(indicator(report, 'feedback_on_time').rows).toEqual([]);
  });

  it('suppresses for coordinators every ratio resting on fewer than the minimum, and a second one where one would show by difference', async () => {
    const report = await indicators(coordinator, 'team');
    expect(report.suppression).toEqual({ applied: true, minimum: 5 });
    // 7 referrals in all (shown), 4 and 3 per team (suppressed).
    expect(fractions(report, 'feedback_on_time')).toEqual(['Team Nord: •', 'Team Süd: •', 'Insgesamt: 3/7']);
    expect(indicator(report, 'feedback_on_time').rows[0]?.figure).toEqual({
      numerator: null,
      denominator: null,
      value: null,
      suppressed: true,
    });
    expect(fractions(report, 'waiting_within_target')).toEqual(['Team Nord: •', 'Team Süd: •', 'Insgesamt: •']);
    expect(indicator(report, 'caseload').rows.every((r) => r.assessment?.light === null)).toBe(true);
    expect(parts(indicator(report, 'feedback_on_time').total)).toEqual({ answer: '4/6', start: '•', report: '•' });

    const w = new HistoryWriter(t, t.tenantA.id, t.tenantA.users.case_manager.id);
    await w.rules({ suppressionMinimum: 4 });
    try {
      // Süd rests on 3 referrals; alone it could be computed as 3/7 − Nord, so Nord (4) goes too.
      expect(fractions(await indicators(coordinator, 'team'), 'feedback_on_time')).toEqual([
        'Team Nord: •',
        'Team Süd: •',
        'Insgesamt: 3/7',
      ]);
      expect(fractions(await indicators(teamLead, 'team'), 'feedback_on_time')).toEqual([
        'Team Nord: 2/4',
        'Team Süd: 1/3',
        'Insgesamt: 3/7',
      ]);
      const byProvider = await indicators(coordinator, 'provider');
      expect(indicator(byProvider, 'feedback_on_time').rows.map((r) => r.figure.suppressed)).toEqual([true, true]);
      expect(indicator(byProvider, 'referral_completion').total.figure).toMatchObject({ numerator: 3, denominator: 4 });
    } finally {
      await w.rules({ suppressionMinimum: 5 });
    }
  });

  it('lets only team leads and coordinators read, returns no person data and changes nothing', async () => {
    for (const role of ['case_manager', 'social_planner', 'provider_staff', 'admin'] as const) {
      const session = await t.login(t.tenantA.users[role].username);
      const res = await call(t, session, 'GET', '/api/quality?year=2025');
      expect(res.statusCode, role).toBe(403);
    }
    const before = await changeLogCount(t, t.tenantA.id);
    for (const by of ['team', 'service_type', 'provider']) {
      const res = await call(t, teamLead, 'GET', `/api/quality?year=2025&by=${by}`);
      for (const id of fx.personIds) expect(res.body).not.toContain(id);
      for (const name of fx.personNames) expect(res.body).not.toContain(name);
    }
    expect(await changeLogCount(t, t.tenantA.id)).toBe(before);
    const bad = await call(t, teamLead, 'GET', '/api/quality?year=2025&by=region');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
    // Tenant B sees none of tenant A's history.
    const other = await t.login(t.tenantB.users.team_lead.username);
    const b = await call(t, other, 'GET', '/api/quality?year=2025&by=team');
    expect(indicator(b.json(), 'feedback_on_time').total.figure.denominator).toBe(0);
  });

  describe('exports', () => {
    const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    /** The CSV's lines as cells: `;` separated, CRLF, fields with `;`, quotes or line ends in quotes (RFC 4180). */
    const csvLines = (body: string): string[][] => {
      const lines: string[][] = [[]];
      const field = /("(?:[^"]|"")*"|[^;\r\n]*)(;|\r\n|$)/y;
      const text = body.replace(/^\uFEFF/, '');
      while (field.lastIndex < text.length) {
        const match = field.exec(text);
        if (!match) throw new Error(`kein CSV ab Zeichen ${field.lastIndex}`);
        const [, raw = '', end] = match;
        lines.at(-1)?.push(raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw);
        if (end === '\r\n') lines.push([]);
      }
      if (lines.at(-1)?.length === 0) lines.pop();
      return lines;
    };

    it('downloads the indicators as CSV for German Excel: numerator, denominator, value and definition per line', async () => {
      const res = await call(t, teamLead, 'GET', '/api/quality/export?year=2025&by=team&format=csv');
      await expectOk(res);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="Qualitaetsindikatoren-2025-Team.csv"');
      expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const lines = csvLines(res.body);
      expect(lines[0]?.slice(0, 3)).toEqual(['Qualitätsindikatoren 2025', 'nach Team', 'Stichtag 31.12.2025']);
      expect(lines[1]).toEqual([
        'Ebene',
        'Kennzahl',
        'Teil',
        'Team',
        'Zähler',
        'Nenner',
        'Wert',
        'Einheit',
        'Zielwert',
        'Bewertung',
        'Grundlage',
        'Definition',
        'Hinweis',
      ]);
      const line = (indicatorName: string, group: string, part = '') =>
        lines.find((l) => l[1] === indicatorName && l[3] === group && l[2] === part);
      const feedback = line('Rückmeldungen der Träger fristgerecht', 'Team Nord');
      expect(feedback?.slice(0, 8)).toEqual([
        'Prozessqualität',
        'Rückmeldungen der Träger fristgerecht',
        '',
        'Team Nord',
        '2',
        '4',
        '50',
        'Anteil in %',
      ]);
      expect(feedback?.[10]).toBe('Zuweisungen');
      expect(feedback?.[11]).toMatch(/^Anteil der Zuweisungen mit mindestens einer im Jahr/);
      // Shares in percent with one decimal, decimal comma; means with two.
      expect(line('Rückmeldungen der Träger fristgerecht', 'Insgesamt')?.slice(4, 7)).toEqual(['3', '7', '42,9']);
      expect(line('Veränderung der Fortschrittseinschätzung', 'Team Süd')?.slice(4, 8)).toEqual(['-1', '1', '-1', 'Mittelwert']);
      // The caseload with its target and traffic light.
      expect(line('Betreuungsschlüssel (Fälle je Fallmanagerin/Fallmanager)', 'Team Nord')?.slice(4, 10)).toEqual([
        '12',
        '1',
        '12',
        'Mittelwert',
        '10',
        'mehr als 10 % über dem Zielwert',
      ]);
      // The parts follow the figures, across the groups and the total.
      expect(line('Rückmeldungen der Träger fristgerecht', 'Insgesamt', 'Antwort binnen Frist')?.slice(4, 7)).toEqual(['4', '6', '66,7']);
      expect(lines.at(-2)).toEqual(['Exakte Werte (keine Sperrung für diese Rolle).']);
      for (const id of fx.personIds) expect(res.body).not.toContain(id);
      for (const name of fx.personNames) expect(res.body).not.toContain(name);
    });

    it("applies the grouping and the coordinator's suppression like the page", async () => {
      const res = await call(t, coordinator, 'GET', '/api/quality/export?year=2025&by=provider&format=csv');
      await expectOk(res);
      expect(res.headers['content-disposition']).toBe('attachment; filename="Qualitaetsindikatoren-2025-Traeger.csv"');
      const lines = csvLines(res.body);
      expect(lines[1]?.[3]).toBe('Träger');
      const feedback = lines.filter((l) => l[1] === 'Rückmeldungen der Träger fristgerecht' && l[2] === '');
      const page = await indicators(coordinator, 'provider');
      expect(feedback.map((l) => l[3])).toEqual([...indicator(page, 'feedback_on_time').rows.map((r) => r.label), 'Insgesamt']);
      expect(feedback.map((l) => l.slice(4, 7))).toEqual([
        ['.', '.', '.'],
        ['.', '.', '.'],
        ['3', '7', '42,9'],
      ]);
      // A case indicator is not applicable by provider: only its total, with the reason.
      const caseload = lines.filter((l) => l[1] === 'Betreuungsschlüssel (Fälle je Fallmanagerin/Fallmanager)');
      expect(caseload.map((l) => l[3])).toEqual(['Insgesamt']);
      expect(caseload[0]?.[12]).toMatch(/^nicht anwendbar/);
      expect(lines.at(-2)).toEqual(['. = gesperrt (weniger als 5 Einheiten der Grundlage oder zur Sicherung gesperrt)']);
    });

    it('downloads a workbook with the same lines as numbers and the explanations', async () => {
      const res = await call(t, coordinator, 'GET', '/api/quality/export?year=2025&by=team&format=xlsx');
      await expectOk(res);
      expect(res.headers['content-type']).toBe(XLSX);
      expect(res.headers['content-disposition']).toBe('attachment; filename="Qualitaetsindikatoren-2025-Team.xlsx"');
      const sheets = readXlsx(res.rawPayload);
      expect([...sheets.keys()]).toEqual(['Qualitätsindikatoren', 'Erläuterungen']);
      const rows = sheets.get('Qualitätsindikatoren') ?? [];
      expect(rows[1]?.slice(0, 7)).toEqual(['Ebene', 'Kennzahl', 'Teil', 'Team', 'Zähler', 'Nenner', 'Wert']);
      const total = rows.find((r) => r[1] === 'Rückmeldungen der Träger fristgerecht' && r[3] === 'Insgesamt' && !r[2]);
      expect(total?.slice(4, 6)).toEqual(['3', '7']);
      expect(Number(total?.[6])).toBeCloseTo(3 / 7, 10);
      expect(total?.[11]).toMatch(/^Anteil der Zuweisungen/);
      const nord = rows.find((r) => r[1] === 'Rückmeldungen der Träger fristgerecht' && r[3] === 'Team Nord' && !r[2]);
      expect(nord?.slice(4, 7)).toEqual(['.', '.', '.']);
      const explanations = sheets.get('Erläuterungen') ?? [];
      expect(explanations).toContainEqual(['Legende', '. = gesperrt (weniger als 5 Einheiten der Grundlage oder zur Sicherung gesperrt)']);
      expect(explanations.find((r) => r[0] === 'Erreichte Teilziele')?.[1]).toMatch(/^Anteil der erreichten/);
      const all = JSON.stringify([...sheets.values()]);
      for (const id of fx.personIds) expect(all).not.toContain(id);
      for (const name of fx.personNames) expect(all).not.toContain(name);
    });

    it('refuses other roles and bad input with problem+json, and changes nothing', async () => {
      for (const role of ['case_manager', 'social_planner', 'provider_staff', 'admin'] as const) {
        const session = await t.login(t.tenantA.users[role].username);
        const res = await call(t, session, 'GET', '/api/quality/export?year=2025&format=csv');
        expect(res.statusCode, role).toBe(403);
        expect(res.headers['content-type'], role).toMatch(/^application\/problem\+json/);
      }
      const before = await changeLogCount(t, t.tenantA.id);
      await expectOk(await call(t, teamLead, 'GET', '/api/quality/export?year=2025&format=xlsx'));
      expect(await changeLogCount(t, t.tenantA.id)).toBe(before);
      for (const query of ['year=2025&format=pdf', 'year=2025', 'year=2025&format=csv&by=region', 'year=1999&format=csv', 'format=csv']) {
        const bad = await call(t, teamLead, 'GET', `/api/quality/export?${query}`);
        expect(bad.statusCode, query).toBe(400);
        expect(bad.headers['content-type'], query).toMatch(/^application\/problem\+json/);
        expect(bad.json().code, query).toBe('VALIDATION_FAILED');
      }
    });
  });
});
