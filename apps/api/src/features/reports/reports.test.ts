import type { ProviderReport, ReportFigure } from '@lotse/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../testing';
import { call, expectOk } from '../cases/testing';
import { HistoryWriter } from '../quality/testing';
import { providerStaff } from '../referrals/testing';
import { REPORT_SHEETS } from './report-xlsx';
import { pdfText, readXlsx } from './testing';

/**
 * The provider report of "Schuldnerberatung Nord" for 2025 against 2024 on a fixed history (today:
 * 30 June 2026, suppression minimum 3); every expected figure is computed by hand in the comments.
 */
const NOW = new Date('2026-06-30T10:00:00Z');

interface Fixture {
  o1: string;
  o2: string;
  p2: string;
  personIds: string[];
  personNames: string[];
}

async function writeHistory(t: TestApp): Promise<Fixture> {
  const tenant = t.tenantA;
  const cm = tenant.users.case_manager.id;
  const w = new HistoryWriter(t, tenant.id, cm);
  await w.rules({ suppressionMinimum: 3 });
  await w.region('Nord', ['12345', '12346']);
  await w.region('Süd', ['54321']);
  const p1 = tenant.providerId;
  const p2 = await w.provider('Suchthilfe Süd');
  const o1 = await w.offer(p1, { name: 'Schuldnerberatung Nord', serviceType: 'debt_counselling', financingModel: 'specialist_hours' });
  const o2 = await w.offer(p2, { name: 'Suchtberatung Süd', serviceType: 'addiction_counselling' });

  const personIds: string[] = [];
  const personNames: string[] = [];
  const person = async (options: Parameters<HistoryWriter['person']>[0]) => {
    const lastName = `Berichtsperson${personNames.length + 1}`;
    const personId = await w.person({ ...options, lastName });
    personIds.push(personId);
    personNames.push(lastName);
    const caseId = await w.case({ personId, managerId: cm, openedOn: '2024-01-01' });
    return { personId, caseId };
  };
  // Ages on 31.12.2025: A 22, B 24, F 21 (under 25); C 35, D 40, G 45 (35–49); E 55 (50–59).
  const a = await person({ birthDate: '2003-05-01', sex: 'female', postalCode: '12345', singleParent: true });
  const b = await person({ birthDate: '2001-07-01', sex: 'female', postalCode: '12345' });
  const c = await person({ birthDate: '1990-06-01', sex: 'male', postalCode: '12346' });
  const d = await person({ birthDate: '1985-03-03', sex: 'female', postalCode: '12345', refugee: true });
  const e = await person({ birthDate: '1970-01-01', sex: 'male', postalCode: '54321' });
  const f = await person({ birthDate: '2004-02-02', sex: 'female', postalCode: '12345' });
  const g = await person({ birthDate: '1980-12-31', sex: 'diverse', postalCode: null });
  const h = await person({ birthDate: '1975-05-05', sex: 'female', postalCode: '54321' });

  const on1 = { offerId: o1, providerId: p1 };
  // Q1: waited 10 days, ran 59 days, goal reached.
  const q1 = await w.referral({
    ...on1,
    ...a,
    status: 'completed',
    sentOn: '2025-01-10',
    acceptedOn: '2025-01-12',
    startedOn: '2025-01-20',
    endedOn: '2025-03-20',
    result: 'goal_reached',
    steps: [['sent', 'accepted', '2025-01-12']],
  });
  // Q2: waited 20 days, dropped out after 39 days.
  await w.referral({
    ...on1,
    ...b,
    status: 'dropped_out',
    sentOn: '2025-02-01',
    acceptedOn: '2025-02-02',
    startedOn: '2025-02-21',
    endedOn: '2025-04-01',
  });
  // Q3: waited 45 days, still running.
  await w.referral({ ...on1, ...c, status: 'started', sentOn: '2025-03-01', acceptedOn: '2025-03-02', startedOn: '2025-04-15' });
  // Q4: waited 5 days, ran 92 days, partly reached.
  const q4 = await w.referral({
    ...on1,
    ...d,
    status: 'completed',
    sentOn: '2025-05-01',
    acceptedOn: '2025-05-03',
    startedOn: '2025-05-06',
    endedOn: '2025-08-06',
    result: 'partly_reached',
  });
  // Q5: sent, accepted and started in 2024 (waited 35 days); ended 2025 after 92 days, not reached.
  const q5 = await w.referral({
    ...on1,
    ...e,
    status: 'completed',
    sentOn: '2024-10-01',
    acceptedOn: '2024-10-03',
    startedOn: '2024-11-05',
    endedOn: '2025-02-05',
    result: 'not_reached',
  });
  // Q6: waited 10 days, ran 173 days, no result reported.
  await w.referral({
    ...on1,
    ...f,
    status: 'completed',
    sentOn: '2025-06-01',
    acceptedOn: '2025-06-02',
    startedOn: '2025-06-11',
    endedOn: '2025-12-01',
  });
  // Q7: a confirmed self-referral: started without being sent.
  await w.referral({ ...on1, ...g, status: 'started', startedOn: '2025-09-01' });
  // Q8: declined; Q9: accepted, then not started; Q11: sent at the end of the year.
  await w.referral({ ...on1, ...a, status: 'declined', sentOn: '2025-10-01', steps: [['sent', 'declined', '2025-10-03']] });
  await w.referral({
    ...on1,
    ...b,
    status: 'not_started',
    sentOn: '2025-11-01',
    acceptedOn: '2025-11-02',
    steps: [
      ['sent', 'accepted', '2025-11-02'],
      ['accepted', 'not_started', '2025-11-20'],
    ],
  });
  await w.referral({ ...on1, ...c, status: 'sent', sentOn: '2025-12-28' });
  // 2024 only: Q10 waited 9 days, ran 92 days, goal reached; Q12 accepted, then withdrawn.
  await w.referral({
    ...on1,
    ...h,
    status: 'completed',
    sentOn: '2024-03-01',
    acceptedOn: '2024-03-02',
    startedOn: '2024-03-10',
    endedOn: '2024-06-10',
    result: 'goal_reached',
  });
  await w.referral({
    ...on1,
    ...d,
    status: 'cancelled',
    sentOn: '2024-12-01',
    acceptedOn: '2024-12-02',
    steps: [
      ['sent', 'accepted', '2024-12-02'],
      ['accepted', 'cancelled', '2024-12-20'],
    ],
  });
  // Another provider's offer.
  await w.referral({ offerId: o2, providerId: p2, ...c, status: 'started', sentOn: '2025-04-01', startedOn: '2025-04-10' });

  await w.yearPlan(o1, 2025, { plannedCases: 10, plannedCostCents: 5_000_000, actualCostCents: null, sgb2SharePercent: 80 });
  await w.yearPlan(o1, 2024, { plannedCases: 5, plannedCostCents: 2_000_000, actualCostCents: 1_500_000, sgb2SharePercent: 100 });
  await w.charge(q1, o1, '2025-01-01', 100_000);
  await w.charge(q4, o1, '2025-05-01', 250_050);
  await w.charge(q5, o1, '2025-01-01', 50_000);
  await w.charge(q5, o1, '2024-12-01', 70_000);

  return { o1, o2, p2, personIds, personNames };
}

describe.each(['pglite', 'postgres'] as const)('provider reports on %s', (kind) => {
  let t: TestApp;
  let fx: Fixture;
  let teamLead: Session;
  let staff: Session;

  beforeAll(async () => {
    t = await createTestApp(kind, { now: () => NOW });
    fx = await writeHistory(t);
    teamLead = await t.login(t.tenantA.users.team_lead.username);
    staff = await t.login(t.tenantA.users.provider_staff.username);
  });
  afterAll(async () => t?.close());

  const get = async (session: Session, url: string, status = 200) => {
    const res = await call(t, session, 'GET', url);
    await expectOk(res, status);
    return res;
  };
  /** key → [current, prior, change, changePercent]. */
  const table = (figures: ReportFigure[]) =>
    Object.fromEntries(figures.map((f) => [f.key, [f.current, f.prior, f.change, f.changePercent]]));

  it('counts the results statistics, the proof of use of funds and the trends against the prior year', async () => {
    const report: ProviderReport = (await get(teamLead, `/api/reports/offers/${fx.o1}/2025`)).json();
    expect(report).toMatchObject({
      offer: { id: fx.o1, name: 'Schuldnerberatung Nord', serviceType: 'debt_counselling', financingModel: 'specialist_hours' },
      year: 2025,
      priorYear: 2024,
      referenceDate: '2025-12-31',
      createdOn: '2026-06-30',
      suppression: { minimum: 3 },
    });
    expect(report.jobcenter.name).toMatch(/^Jobcenter a/);
    expect(report.offer.financingModelLabel).toBe('Fachleistungsstunden');
    expect(table(report.results)).toEqual({
      received: [8, 3, 5, 166.7],
      accepted: [6, 3, 3, 100],
      declined: [1, 0, 1, null],
      started: [6, 2, 4, 200],
      completed: [4, 1, 3, 300],
      completed_goal_reached: [1, 1, 0, 0],
      completed_partly_reached: [1, 0, 1, null],
      completed_not_reached: [1, 0, 1, null],
      completed_no_result: [1, 0, 1, null],
      dropped_out: [1, 0, 1, null],
      not_started: [1, 0, 1, null],
      // 4 of 5 ended; 1 of 1.
      completion_rate: [80, 100, -20, -20],
      // (59 + 39 + 92 + 92 + 173) / 5 = 91; 2024: 92.
      average_duration_days: [91, 92, -1, -1.1],
      // Waits 5, 10, 10, 20, 45 (nearest rank: 3rd and 5th); 2024: 9, 35.
      waiting_median_days: [10, 9, 1, 11.1],
      waiting_p90_days: [45, 35, 10, 28.6],
    });
    expect(table(report.funds)).toEqual({
      planned_cases: [10, 5, 5, 100],
      // Q1–Q7 ran in 2025; Q5 and Q10 in 2024.
      cases_served: [7, 2, 5, 250],
      utilisation: [70, 40, 30, 75],
      planned_cost: [5_000_000, 2_000_000, 3_000_000, 150],
      charged_cost: [400_050, 70_000, 330_050, 471.5],
      // 2025 has no recorded actual cost: the charges of the per-hour offer; 2024 the recorded one.
      actual_cost: [400_050, 1_500_000, -1_099_950, -73.3],
      cost_deviation: [-4_599_950, -500_000, -4_099_950, -820],
      cost_per_case: [57_150, 750_000, -692_850, -92.4],
      sgb2_share_percent: [80, 100, -20, -20],
      sgb2_share_cost: [320_040, 1_500_000, -1_179_960, -78.7],
    });
    expect(report.trends.map((f) => f.key)).toEqual([
      'received',
      'started',
      'completed',
      'dropped_out',
      'completion_rate',
      'average_duration_days',
      'waiting_median_days',
      'persons_counselled',
      'actual_cost',
      'cost_per_case',
    ]);
    // Two people in 2024 are below the minimum: no prior value, no change.
    expect(report.trends.find((f) => f.key === 'persons_counselled')).toMatchObject({ current: 7, prior: null, change: null });
    expect(report.definitions.waiting_median_days).toContain('Median');
  });

  it('shows counts of people below the minimum as suppressed, and more where the total would reveal them', async () => {
    const report: ProviderReport = (await get(teamLead, `/api/reports/offers/${fx.o1}/2025`)).json();
    expect(report.people.total).toEqual({ current: { value: 7, suppressed: false }, prior: { value: null, suppressed: true } });
    const shown = (key: string, year: 'current' | 'prior' = 'current') =>
      Object.fromEntries(
        (report.people.dimensions.find((d) => d.key === key)?.rows ?? []).map((r) => [r.label, r[year].suppressed ? '<' : r[year].value]),
      );
    // 50–59 (1) is below 3; alone it would follow from 7 − 3 − 3, so under 25 (3, first of the smallest) goes too.
    expect(shown('age')).toEqual({
      'unter 25 Jahre': '<',
      '25 bis 34 Jahre': 0,
      '35 bis 49 Jahre': 3,
      '50 bis 59 Jahre': '<',
      '60 Jahre und älter': 0,
    });
    expect(shown('sex')).toEqual({ weiblich: 4, männlich: '<', divers: '<', 'ohne Angabe': 0 });
    expect(shown('target_group')).toEqual({
      'unter 25 (U25)': 3,
      'über 50 (Ü50)': '<',
      alleinerziehend: '<',
      geflüchtet: '<',
      schwerbehindert: 0,
    });
    // Süd and no region hold 1 each: shown Nord (5) would tell that 2 people live outside it, so it goes too.
    expect(shown('region')).toEqual({ Nord: '<', Süd: '<', 'keinem Sozialraum zugeordnet': '<' });
    // Two people in 2024: nothing of the breakdown is shown, not even zeros.
    expect(Object.values(shown('sex', 'prior'))).toEqual(['<', '<', '<', '<']);
    expect(report.definitions.people).toContain('„< 3“');
  });

  it('writes the report as a German PDF', async () => {
    const res = await get(teamLead, `/api/reports/offers/${fx.o1}/2025/pdf`);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="Traegerbericht-2025-Schuldnerberatung-Nord.pdf"');
    // pdftotext may drop the space of a right-aligned "< 3".
    const text = pdfText(res.rawPayload).replace(/<\s*/g, '< ');
    const report: ProviderReport = (await get(teamLead, `/api/reports/offers/${fx.o1}/2025`)).json();
    for (const expected of [
      'Trägerbericht 2025',
      `Erstellt von ${report.jobcenter.name}`,
      `Träger ${report.provider.name}`,
      'Angebot Schuldnerberatung Nord',
      'Leistungsart Schuldnerberatung (§ 16a Nr. 2 SGB II)',
      'Berichtsjahr 2025 (Vergleich: 2024)',
      'Stichtag 31.12.2025',
      '1. Ergebnisstatistik',
      'Zuweisungen eingegangen 8 3 +5',
      'Wartezeit, Median (Tage) 10 9 +1',
      'durchschnittliche Dauer (Tage) 91 92 -1',
      'Abschlussquote 80 % 100 % -20 Pp.',
      '2. Verwendungsnachweis',
      'tatsächliche Kosten 4.000,50 € 15.000,00 € -10.999,50 €',
      'Kosten je betreutem Fall 571,50 € 7.500,00 €',
      '3. Beratene Personen',
      'beratene Personen insgesamt 7 < 3',
      'unter 25 Jahre < 3 < 3',
      '35 bis 49 Jahre 3 < 3',
      '4. Entwicklungstendenzen',
      'Zuweisungen eingegangen 8 3 +5 +166,7 %',
      '5. Erläuterungen',
    ]) {
      expect(text, expected).toContain(expected);
    }
    // No person of the history appears.
    for (const name of fx.personNames) expect(text).not.toContain(name);
  });

  it('writes the report as an XLSX workbook with one sheet per section', async () => {
    const res = await get(teamLead, `/api/reports/offers/${fx.o1}/2025/xlsx`);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe('attachment; filename="Traegerbericht-2025-Schuldnerberatung-Nord.xlsx"');
    const sheets = readXlsx(res.rawPayload);
    expect([...sheets.keys()]).toEqual([...REPORT_SHEETS]);
    const results = sheets.get('Ergebnisstatistik') ?? [];
    expect(results[0]).toEqual(['Kennzahl', 'Einheit', '2025', '2024', 'Veränderung', 'Veränderung in %', 'Definition']);
    expect(results.find((r) => r[0] === 'Zuweisungen eingegangen')?.slice(0, 6)).toEqual([
      'Zuweisungen eingegangen',
      'Anzahl',
      '8',
      '3',
      '5',
      '166.7',
    ]);
    const funds = sheets.get('Verwendungsnachweis') ?? [];
    expect(funds.find((r) => r[0] === 'tatsächliche Kosten')?.slice(0, 5)).toEqual([
      'tatsächliche Kosten',
      'Euro',
      '4000.5',
      '15000',
      '-10999.5',
    ]);
    const people = sheets.get('Beratene Personen') ?? [];
    expect(people[1]).toEqual(['beratene Personen', 'insgesamt', '7', '< 3']);
    expect(people.find((r) => r[1] === 'weiblich')).toEqual(['Geschlecht', 'weiblich', '4', '< 3']);
    expect(people.find((r) => r[1] === 'Nord')).toEqual(['Wohnort nach Sozialraum', 'Nord', '< 3', '< 3']);
    expect(people.find((r) => r[1] === 'Süd')).toEqual(['Wohnort nach Sozialraum', 'Süd', '< 3', '< 3']);
    expect(sheets.get('Überblick')?.find((r) => r[0] === 'Angebot')).toEqual(['Angebot', 'Schuldnerberatung Nord']);
  });

  it('shows the provider its own offers and reports in the portal, and nothing of other providers', async () => {
    const list = (await get(staff, '/api/portal/reports')).json();
    expect(list.items.map((i: { offer: { id: string }; years: number[] }) => [i.offer.id, i.years])).toEqual([[fx.o1, [2025, 2024]]]);
    const portal: ProviderReport = (await get(staff, `/api/portal/reports/${fx.o1}/2025`)).json();
    const jobcenter: ProviderReport = (await get(teamLead, `/api/reports/offers/${fx.o1}/2025`)).json();
    expect(portal).toEqual(jobcenter);
    for (const suffix of ['', '/pdf', '/xlsx']) {
      const other = await call(t, staff, 'GET', `/api/portal/reports/${fx.o2}/2025${suffix}`);
      expect(other.statusCode, suffix).toBe(404);
      expect(other.json().code).toBe('NOT_FOUND');
    }
    expect((await get(staff, `/api/portal/reports/${fx.o1}/2025/pdf`)).headers['content-type']).toBe('application/pdf');

    // The other provider's staff see only theirs; tenant B's staff nothing of tenant A.
    const otherStaff = await providerStaff(t, t.tenantA.id, fx.p2);
    const theirs = (await get(otherStaff, '/api/portal/reports')).json();
    expect(theirs.items.map((i: { offer: { id: string } }) => i.offer.id)).toEqual([fx.o2]);
    expect((await call(t, otherStaff, 'GET', `/api/portal/reports/${fx.o1}/2025`)).statusCode).toBe(404);
    const staffB = await t.login(t.tenantB.users.provider_staff.username);
    expect((await call(t, staffB, 'GET', `/api/portal/reports/${fx.o1}/2025`)).statusCode).toBe(404);
    expect((await get(staffB, '/api/portal/reports')).json().items).toEqual([]);
  });

  it('lists every offer with its years for the Jobcenter, lets planners read, and keeps out other roles', async () => {
    const list = (await get(teamLead, '/api/reports/offers')).json();
    expect(
      list.items.map((i: { offer: { name: string }; provider: { name: string }; years: number[] }) => [i.offer.name, i.years]),
    ).toEqual([
      ['Suchtberatung Süd', [2025]],
      ['Schuldnerberatung Nord', [2025, 2024]],
    ]);
    const planner = await t.login(t.tenantA.users.social_planner.username);
    const coordinator = await t.login(t.tenantA.users.coordinator.username);
    for (const session of [planner, coordinator, staff]) {
      const base = session === staff ? '/api/portal/reports' : '/api/reports/offers';
      for (const suffix of ['', '/pdf', '/xlsx']) {
        const res = await get(session, `${base}/${fx.o1}/2025${suffix}`);
        const body =
          suffix === '/pdf' ? pdfText(res.rawPayload) : suffix === '/xlsx' ? JSON.stringify([...readXlsx(res.rawPayload)]) : res.body;
        for (const id of fx.personIds) expect(body).not.toContain(id);
        for (const name of fx.personNames) expect(body).not.toContain(name);
        expect(body).not.toContain('2003-05-01');
      }
    }
    for (const role of ['case_manager', 'placement_officer', 'provider_staff', 'admin', 'data_protection'] as const) {
      const session = role === 'provider_staff' ? staff : await t.login(t.tenantA.users[role].username);
      expect((await call(t, session, 'GET', `/api/reports/offers/${fx.o1}/2025`)).statusCode, role).toBe(403);
      expect((await call(t, session, 'GET', '/api/reports/offers')).statusCode, role).toBe(403);
    }
    expect((await call(t, teamLead, 'GET', '/api/portal/reports')).statusCode).toBe(403);
    const teamLeadB = await t.login(t.tenantB.users.team_lead.username);
    expect((await call(t, teamLeadB, 'GET', `/api/reports/offers/${fx.o1}/2025`)).statusCode).toBe(404);
    expect((await call(t, teamLead, 'GET', `/api/reports/offers/${fx.o1}/1999`)).statusCode).toBe(400);
  });

  it('reports a year without history with zeros and no values', async () => {
    const report: ProviderReport = (await get(teamLead, `/api/reports/offers/${fx.o1}/2021`)).json();
    expect(table(report.results).received).toEqual([0, 0, 0, null]);
    expect(table(report.results).waiting_median_days).toEqual([null, null, null, null]);
    expect(table(report.funds).actual_cost).toEqual([null, null, null, null]);
    expect(report.people.total.current).toEqual({ value: 0, suppressed: false });
    expect(report.referenceDate).toBe('2021-12-31');
  });
});
