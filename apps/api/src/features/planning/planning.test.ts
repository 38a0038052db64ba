import type { Costs, Plan, PlanningCell, PlanningOverview, PlanningTable } from '@lotse/contracts';
import { withTenant } from '@lotse/db';
import { PLANNING_MEASURES, type PlanningMeasure, type Role } from '@lotse/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../testing';
import { call, expectOk } from '../cases/testing';
import { type PlanningFixture, seedPlanningFixture } from './testing';

/** The app's clock: 10 November 2026 (2026 is the current year, its stocks end today). */
const NOW = new Date('2026-11-10T10:00:00Z');

const value = (cell: PlanningCell) => cell.value;
const yearOf = (table: PlanningTable, key: string, measure: PlanningMeasure) =>
  (key === 'total' ? table.total : table.rows.find((r) => r.key === key))?.measures[measure].year.value;
const periodsOf = (table: PlanningTable, key: string, measure: PlanningMeasure) =>
  (key === 'total' ? table.total : table.rows.find((r) => r.key === key))?.measures[measure].periods.map(value);
const priorOf = (table: PlanningTable, key: string, measure: PlanningMeasure) =>
  table.priorYear.find((r) => r.key === key)?.measures[measure].value;

describe.each(['pglite', 'postgres'] as const)('needs planning on %s', (kind) => {
  let t: TestApp;
  let fx: PlanningFixture;
  const sessions = {} as Record<Role, Session>;

  async function get<T>(role: Role, url: string, query: Record<string, string> = {}): Promise<T> {
    const qs = new URLSearchParams(query).toString();
    const res = await call(t, sessions[role], 'GET', qs ? `${url}?${qs}` : url);
    await expectOk(res);
    return res.json() as T;
  }
  const table = (role: Role, query: Record<string, string>) => get<PlanningTable>(role, '/api/planning/table', { year: '2026', ...query });

  beforeAll(async () => {
    t = await createTestApp(kind, { now: () => NOW, logLevel: 'error' });
    fx = await seedPlanningFixture(t, t.tenantA);
    for (const role of ['team_lead', 'social_planner', 'coordinator', 'case_manager', 'provider_staff', 'admin'] as Role[])
      sessions[role] = await t.login(t.tenantA.users[role].username);
  });
  afterAll(async () => t?.close());

  describe('aggregations (team lead: exact figures)', () => {
    it('counts needs per month, quarter and year, with the barrier → service type mapping', async () => {
      const months = await table('team_lead', { granularity: 'month', breakdown: 'service_type' });
      expect(months.suppression).toEqual({ applied: false, minimum: 5 });
      // One need per barrier and mapped service type; the barrier without service type counts nowhere.
      expect(periodsOf(months, 'total', 'needs')).toEqual([1, 2, 0, 1, 2, 1, 3, 0, 0, 0, 0, 0]);
      expect(yearOf(months, 'total', 'needs')).toBe(10);
      expect(yearOf(months, 'debt_counselling', 'needs')).toBe(8);
      expect(yearOf(months, 'addiction_counselling', 'needs')).toBe(2);
      expect(yearOf(months, 'housing_support', 'needs')).toBe(0);
      const quarters = await table('team_lead', { granularity: 'quarter', breakdown: 'service_type' });
      expect(quarters.periods.map((p) => p.key)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
      expect(periodsOf(quarters, 'total', 'needs')).toEqual([3, 4, 3, 0]);
      const year = await table('team_lead', { granularity: 'year', breakdown: 'service_type' });
      expect(periodsOf(year, 'total', 'needs')).toEqual([10]);
    });

    it('breaks down by region (postal code), team (case manager) and target group (on the day)', async () => {
      const regions = await table('team_lead', { granularity: 'year', breakdown: 'region' });
      expect(regions.rows.map((r) => [r.label, r.measures.needs.year.value])).toEqual([
        ['Nordstadt', 5],
        ['Südstadt', 3],
        ['ohne Zuordnung', 2],
      ]);
      const teams = await table('team_lead', { granularity: 'year', breakdown: 'team' });
      expect(teams.rows.map((r) => [r.label, r.measures.needs.year.value])).toEqual([
        ['Team Nord', 5],
        ['Team Süd', 3],
        ['ohne Team', 2],
      ]);
      const groups = await table('team_lead', { granularity: 'year', breakdown: 'target_group' });
      // P4 is U25 on 30 June (24) but not on 1 July (25); P5 is 49 on 19 May and Ü50 on 20 May.
      expect(Object.fromEntries(groups.rows.map((r) => [r.key, r.measures.needs.year.value]))).toEqual({
        u25: 4,
        ue50: 2,
        single_parent: 5,
        refugee: 3,
        severe_disability: 2,
      });
      expect(yearOf(groups, 'total', 'needs')).toBe(10);
      // Filters combine: Südstadt (or Team Süd) × refugees × debt counselling.
      for (const unit of [{ regionId: fx.regions.south }, { teamId: fx.teams.south }] as Array<Record<string, string>>) {
        const filtered = await table('team_lead', {
          granularity: 'year',
          breakdown: 'service_type',
          ...unit,
          targetGroup: 'refugee',
          serviceType: 'debt_counselling',
        });
        expect(filtered.rows.map((r) => r.key)).toEqual(['debt_counselling']);
        expect(yearOf(filtered, 'total', 'needs'), JSON.stringify(unit)).toBe(3);
        expect(yearOf(filtered, 'total', 'unmetNeeds'), JSON.stringify(unit)).toBe(1);
      }
    });

    it('refuses a team within a region, for every role: figures exist per region or per team', async () => {
      const both = `regionId=${fx.regions.south}&teamId=${fx.teams.south}`;
      for (const role of ['team_lead', 'social_planner'] as Role[]) {
        for (const url of [
          `/api/planning/table?year=2026&${both}`,
          `/api/planning/overview?year=2026&${both}`,
          `/api/planning/export?year=2026&format=csv&${both}`,
        ]) {
          const res = await call(t, sessions[role], 'GET', url);
          expect(res.statusCode, url).toBe(400);
          expect(res.headers['content-type']).toContain('application/problem+json');
          expect(res.json().errors[0]).toMatchObject({
            field: 'querystring.teamId',
            message: expect.stringContaining('je Sozialraum oder je Team'),
          });
        }
      }
      const byTeams = await call(
        t,
        sessions.social_planner,
        'GET',
        `/api/planning/table?year=2026&breakdown=team&regionId=${fx.regions.south}`,
      );
      expect(byTeams.statusCode).toBe(400);
      expect(byTeams.json().errors[0].field).toBe('querystring.breakdown');
      const byRegions = await call(
        t,
        sessions.social_planner,
        'GET',
        `/api/planning/export?year=2026&format=xlsx&breakdown=region&teamId=${fx.teams.south}`,
      );
      expect(byRegions.statusCode).toBe(400);
      expect(byRegions.json().errors[0].field).toBe('querystring.breakdown');
    });

    it('counts unmet needs, referrals (confirmed self-referrals by their start), starts and the waiting list', async () => {
      const months = await table('team_lead', { granularity: 'month', breakdown: 'service_type' });
      expect(yearOf(months, 'total', 'unmetNeeds')).toBe(2);
      expect(yearOf(months, 'housing_support', 'unmetNeeds')).toBe(1);
      expect(periodsOf(months, 'debt_counselling', 'referrals')).toEqual([1, 0, 1, 0, 1, 1, 0, 0, 1, 1, 0, 0]);
      expect(yearOf(months, 'total', 'referrals')).toBe(6);
      expect(periodsOf(months, 'total', 'starts')).toEqual([1, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0]);
      expect(yearOf(months, 'addiction_counselling', 'starts')).toBe(1);
      // Stock at each month end (November: today; December: still today's value).
      expect(periodsOf(months, 'total', 'waitingList')).toEqual([2, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1]);
      expect(yearOf(months, 'total', 'waitingList')).toBe(1);
      const quarters = await table('team_lead', { granularity: 'quarter', breakdown: 'service_type' });
      expect(periodsOf(quarters, 'total', 'waitingList')).toEqual([0, 1, 1, 1]);
      expect(periodsOf(quarters, 'total', 'starts')).toEqual([3, 0, 1, 0]);
    });

    it('sets the same months of the prior year beside the running year', async () => {
      const year = await table('team_lead', { granularity: 'year', breakdown: 'service_type' });
      // Today is 10 November 2026: compared with January–November 2025.
      expect(year.priorYearMonths).toBe(11);
      expect(priorOf(year, 'total', 'needs')).toBe(3);
      expect(priorOf(year, 'debt_counselling', 'needs')).toBe(2);
      expect(priorOf(year, 'addiction_counselling', 'needs')).toBe(1);
      expect(priorOf(year, 'total', 'unmetNeeds')).toBe(1);
      // Sent in 2025: R7 (February), R5 and R10 (December, after the compared months).
      expect(priorOf(year, 'total', 'referrals')).toBe(1);
      expect(priorOf(year, 'total', 'starts')).toBe(1);
      // 30 November 2025: R7 had started, R5 and R10 were not sent yet.
      expect(priorOf(year, 'total', 'waitingList')).toBe(0);
      const overview = await get<PlanningOverview>('team_lead', '/api/planning/overview', { year: '2026' });
      expect(overview.priorYearMonths).toBe(11);
    });

    it('compares a closed year with the whole prior year', async () => {
      const year = await table('team_lead', { granularity: 'year', breakdown: 'service_type', year: '2026' });
      const closed = await table('team_lead', { granularity: 'year', breakdown: 'service_type', year: '2027' });
      expect(closed.priorYearMonths).toBeNull();
      // 2027 has not begun: its prior year is the whole of 2026, as the 2026 table's year column.
      expect(priorOf(closed, 'total', 'needs')).toBe(yearOf(year, 'total', 'needs'));
      expect(priorOf(closed, 'total', 'referrals')).toBe(yearOf(year, 'total', 'referrals'));
      const whole = await table('team_lead', { granularity: 'year', breakdown: 'service_type', year: '2025' });
      expect(whole.priorYearMonths).toBeNull();
    });

    it('gives waiting times, capacity, utilisation, plan and costs per service type', async () => {
      const overview = await get<PlanningOverview>('team_lead', '/api/planning/overview', { year: '2026' });
      const debt = overview.rows.find((r) => r.serviceType === 'debt_counselling');
      const addiction = overview.rows.find((r) => r.serviceType === 'addiction_counselling');
      // Waits of 2026's starts with a sending: R1 17 days, R2 10 days → median (rank 1) 10, p90 (rank 2) 17.
      expect(debt?.current.waitingMedianDays).toEqual({ value: 10, suppressed: false });
      expect(debt?.current.waitingP90Days).toEqual({ value: 17, suppressed: false });
      expect(addiction?.current.waitingMedianDays.value).toBe(51);
      expect(debt?.priorYear.waitingMedianDays.value).toBe(14);
      // Places: only the active offer with places (4); the inactive one and the hours offer do not count.
      expect(debt?.capacityPlaces).toBe(4);
      expect(addiction?.capacityPlaces).toBeNull();
      expect(addiction?.utilisationPercent).toEqual({ value: null, suppressed: false });
      // Running at the 11 month ends so far: R1 3, R2 9, R4 6, R7 1, R10 1 = 20 → 20 / (11 × 4) = 45.5 %.
      expect(debt?.utilisationPercent).toEqual({ value: 45.5, suppressed: false });
      expect(debt?.current.needs.value).toBe(8);
      expect(debt?.priorYear.needs.value).toBe(2);
      expect(debt?.current.waitingListAtEnd.value).toBe(1);
      expect(debt?.plannedCostCents).toBe(60_000);
      expect(debt?.actualCostCents).toBe(57_000);
      expect(debt?.priorYearActualCostCents).toBe(9_000);
      expect(addiction?.actualCostCents).toBe(500_000);
      expect(overview.waitingTargetDays).toBe(21);
      // With a filter, the Jobcenter-wide budget is not shown; the waits follow the filter.
      const north = await get<PlanningOverview>('team_lead', '/api/planning/overview', { year: '2026', regionId: fx.regions.north });
      const northDebt = north.rows.find((r) => r.serviceType === 'debt_counselling');
      expect(northDebt?.actualCostCents).toBeNull();
      expect(northDebt?.current.waitingMedianDays.value).toBe(17);
      // Only R1 and R4, R10 of Nordstadt held places: 3 + 6 + 1 = 10 → 10 / 44 = 22.7 %.
      expect(northDebt?.utilisationPercent.value).toBe(22.7);
    });

    it('computes cost per case and the SGB II share per service type and financing model', async () => {
      const costs = await get<Costs>('team_lead', '/api/planning/costs', { year: '2026' });
      const rows = costs.rows.map((r) => [
        r.serviceType,
        r.financingModel,
        r.cases.value,
        r.plannedCostCents,
        r.actualCostCents,
        r.costPerCaseCents.value,
        r.sgb2ShareCents,
      ]);
      expect(rows).toEqual([
        // Cases R1, R2 (started 2026) and R7 (carried over); charges 25,000 + 5,000 + 7,000; 50 % SGB II.
        ['debt_counselling', 'specialist_hours', 3, 60_000, 37_000, 12_333, 18_500],
        // The confirmed self-referral R6 (started September); no year plan → counts 100 %.
        ['debt_counselling', 'tiered_case_flat_rate', 1, 0, 20_000, 20_000, 20_000],
        // Institutional: the planned budget stands in while the spent one is missing; 60 %.
        ['addiction_counselling', 'institutional', 1, 500_000, 500_000, 500_000, 300_000],
      ]);
      expect(costs.totals).toEqual({
        cases: { value: 5, suppressed: false },
        plannedCostCents: 560_000,
        actualCostCents: 557_000,
        costPerCaseCents: { value: 111_400, suppressed: false },
        sgb2ShareCents: 338_500,
      });
    });

    it('keeps the plan: targets per month against actual starts and charges, with If-Match', async () => {
      let plan = await get<Plan>('social_planner', '/api/planning/plan', { year: '2026' });
      let debt = plan.serviceTypes.find((s) => s.serviceType === 'debt_counselling');
      expect(debt?.version).toBe('0');
      const months = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, targetStarts: 1, targetCostCents: 5_000 }));
      const url = '/api/planning/plan/2026/debt_counselling';
      const missing = await call(t, sessions.social_planner, 'PUT', url, { months });
      expect(missing.statusCode).toBe(428);
      const stale = await call(t, sessions.social_planner, 'PUT', url, { months }, { 'if-match': '"77"' });
      expect(stale.statusCode).toBe(412);
      const saved = await call(t, sessions.social_planner, 'PUT', url, { months }, { 'if-match': '"0"' });
      await expectOk(saved);
      plan = saved.json();
      debt = plan.serviceTypes.find((s) => s.serviceType === 'debt_counselling');
      expect(saved.headers.etag).toBe(`"${debt?.version}"`);
      expect(debt?.version).not.toBe('0');
      expect(debt?.months.map((m) => m.targetStarts)).toEqual(Array(12).fill(1));
      // The team lead sees the starts exactly; the planner sees the single starts suppressed (and
      // perhaps a neighbouring zero with them, to protect them), every shown month exact.
      const exact = await get<Plan>('team_lead', '/api/planning/plan', { year: '2026' });
      const exactDebt = exact.serviceTypes.find((s) => s.serviceType === 'debt_counselling');
      expect(exactDebt?.version).toBe(debt?.version);
      const truth = [0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0];
      expect(exactDebt?.months.map((m) => m.actualStarts.value)).toEqual(truth);
      debt?.months.forEach((m, i) => {
        if (truth[i] === 1) expect(m.actualStarts).toEqual({ value: null, suppressed: true });
        else if (!m.actualStarts.suppressed) expect(m.actualStarts.value).toBe(0);
      });
      expect(debt?.months.filter((m) => !m.actualStarts.suppressed).length).toBeGreaterThan(6);
      // Charges per service month; December has not begun.
      expect(debt?.months.map((m) => m.actualCostCents)).toEqual([7_000, 10_000, 20_000, 0, 0, 0, 0, 0, 20_000, 0, 0, null]);
      // The old version no longer fits; the new one does.
      const again = await call(t, sessions.coordinator, 'PUT', url, { months }, { 'if-match': '"0"' });
      expect(again.statusCode).toBe(412);
      const changed = months.map((m) => ({ ...m, targetStarts: 2 }));
      const second = await call(t, sessions.coordinator, 'PUT', url, { months: changed }, { 'if-match': `"${debt?.version}"` });
      await expectOk(second);
      const overview = await get<PlanningOverview>('team_lead', '/api/planning/overview', { year: '2026' });
      expect(overview.rows.find((r) => r.serviceType === 'debt_counselling')?.targetStarts).toBe(24);
      // Team leads read the plan but do not set it.
      const lead = await call(t, sessions.team_lead, 'PUT', url, { months }, { 'if-match': '"0"' });
      expect(lead.statusCode).toBe(403);
      const changes = await withTenant(t.database.owner, t.tenantA.id, (trx) =>
        trx
          .selectFrom('changeLog')
          .select(['entity', 'action', 'after'])
          .where('tenantId', '=', t.tenantA.id)
          .where('entity', '=', 'planning_targets')
          .orderBy('seq')
          .execute(),
      );
      expect(changes.map((c) => c.action)).toEqual(['create', 'update']);
      const after = changes[1]?.after as { months: Array<{ targetStarts: number }> } | undefined;
      expect(after?.months[0]?.targetStarts).toBe(2);
    });
  });

  describe('suppression for planners and coordinators', () => {
    const allCells = (tbl: PlanningTable) =>
      [...tbl.rows, tbl.total].flatMap((r) => PLANNING_MEASURES.flatMap((m) => [...r.measures[m].periods, r.measures[m].year]));

    it('suppresses every count from 1 to 4 and shows the same pattern in every view', async () => {
      for (const role of ['social_planner', 'coordinator'] as Role[]) {
        for (const breakdown of ['service_type', 'region', 'team', 'target_group']) {
          for (const granularity of ['month', 'quarter', 'year']) {
            const query = { granularity, breakdown };
            const exact = await table('team_lead', query);
            const shown = await table(role, query);
            expect(shown.suppression).toEqual({ applied: true, minimum: 5 });
            const e = allCells(exact);
            const s = allCells(shown);
            s.forEach((cell, i) => {
              const truth = e[i]?.value as number;
              if (cell.suppressed) expect(cell.value).toBeNull();
              else expect(cell.value).toBe(truth);
              if (truth >= 1 && truth <= 4) expect(cell.suppressed).toBe(true);
            });
          }
        }
      }
      // The year's total needs (10) is a figure a planner sees; January's single need is not.
      const months = await table('social_planner', { granularity: 'month', breakdown: 'service_type' });
      expect(months.total.measures.needs.year).toEqual({ value: 10, suppressed: false });
      expect(months.total.measures.needs.periods[0]).toEqual({ value: null, suppressed: true });
      // The same cell in the filtered table and in the breakdown: same state.
      const byRegion = await table('social_planner', { granularity: 'year', breakdown: 'region' });
      const north = await table('social_planner', { granularity: 'year', breakdown: 'service_type', regionId: fx.regions.north });
      expect(north.total.measures.needs.year).toEqual(byRegion.rows.find((r) => r.key === fx.regions.north)?.measures.needs.year);
      // Zeros are not suppressed for being small; some are as protection (January's single need could
      // have been in March), most are shown.
      const zeros = allCells(await table('team_lead', { granularity: 'month', breakdown: 'service_type' })).flatMap((c, i) =>
        c.value === 0 ? [i] : [],
      );
      const shownZeros = zeros.filter((i) => !allCells(months)[i]?.suppressed);
      expect(shownZeros.length).toBeGreaterThan(zeros.length / 2);
    });

    it("publishes the prior year's months so far only as the sum of published months (no new figure to difference)", async () => {
      const seen = { published: 0, suppressed: 0 };
      for (const breakdown of ['service_type', 'region', 'target_group']) {
        const running = await table('coordinator', { granularity: 'year', breakdown });
        const months = await table('coordinator', { granularity: 'month', breakdown, year: '2025' });
        expect(running.priorYearMonths).toBe(11);
        for (const row of [...months.rows, months.total]) {
          const prior = running.priorYear.find((p) => p.key === row.key)?.measures;
          for (const measure of ['needs', 'referrals', 'starts'] as const) {
            const parts = (row.measures[measure]?.periods ?? []).slice(0, 11);
            const expected = parts.some((c) => c.suppressed)
              ? { value: null, suppressed: true }
              : { value: parts.reduce((sum, c) => sum + (c.value ?? 0), 0), suppressed: false };
            expect(prior?.[measure], `${breakdown} ${row.key} ${measure}`).toEqual(expected);
            seen[expected.suppressed ? 'suppressed' : 'published']++;
          }
          expect(prior?.waitingList, `${breakdown} ${row.key} waiting list`).toEqual(row.measures.waitingList?.periods[10]);
        }
      }
      // Both kinds occur in the fixture (zeros are published, small counts suppressed).
      expect(seen.published).toBeGreaterThan(0);
      expect(seen.suppressed).toBeGreaterThan(0);
    });

    it('suppresses derived figures with their cell: waiting times, utilisation, cost per case, plan actuals', async () => {
      const overview = await get<PlanningOverview>('social_planner', '/api/planning/overview', { year: '2026' });
      const debt = overview.rows.find((r) => r.serviceType === 'debt_counselling');
      // 3 starts (suppressed) and only 2 waits: median and p90 are suppressed.
      expect(debt?.current.starts).toEqual({ value: null, suppressed: true });
      expect(debt?.current.waitingMedianDays).toEqual({ value: null, suppressed: true });
      expect(debt?.current.waitingP90Days).toEqual({ value: null, suppressed: true });
      // 20 person-months are not a small group, so the utilisation is shown unless needed as protection.
      expect(debt?.utilisationPercent.suppressed ? null : debt?.utilisationPercent.value).toBeOneOf([45.5, null]);
      const costs = await get<Costs>('social_planner', '/api/planning/costs', { year: '2026' });
      for (const row of costs.rows) {
        expect(row.cases.suppressed).toBe(true);
        expect(row.costPerCaseCents).toEqual({ value: null, suppressed: true });
      }
      // The total of 5 cases would give away the row that was suppressed to protect the others.
      expect(costs.totals.cases.value === null || costs.rows.filter((r) => r.cases.suppressed).length >= 2).toBe(true);
      const plan = await get<Plan>('coordinator', '/api/planning/plan', { year: '2026' });
      const months = plan.serviceTypes.find((s) => s.serviceType === 'debt_counselling')?.months ?? [];
      expect(months[1]?.actualStarts).toEqual({ value: null, suppressed: true });
    });
  });

  describe('access and content', () => {
    it('lets only planning readers in, and never returns a person', async () => {
      for (const role of ['case_manager', 'provider_staff', 'admin'] as Role[]) {
        const res = await call(t, sessions[role], 'GET', '/api/planning/table?year=2026');
        expect(res.statusCode, role).toBe(403);
      }
      const bodies: string[] = [];
      for (const role of ['team_lead', 'social_planner'] as Role[]) {
        for (const url of [
          '/api/planning/dimensions',
          '/api/planning/table?year=2026&breakdown=region',
          '/api/planning/overview?year=2026',
          '/api/planning/plan?year=2026',
          '/api/planning/costs?year=2026',
          '/api/planning/export?year=2026&format=csv',
        ]) {
          const res = await call(t, sessions[role], 'GET', url);
          await expectOk(res);
          bodies.push(res.body);
        }
      }
      for (const body of bodies) {
        for (const id of fx.personIds) expect(body).not.toContain(id);
        for (const number of fx.customerNumbers) expect(body).not.toContain(number);
        for (const name of fx.names) expect(body).not.toContain(name);
      }
    });

    it('lists regions, teams and the years with data', async () => {
      const dims = await get<{ regions: Array<{ name: string }>; teams: Array<{ name: string; memberCount: number }>; years: number[] }>(
        'social_planner',
        '/api/planning/dimensions',
      );
      expect(dims.regions.map((r) => r.name)).toEqual(['Nordstadt', 'Südstadt']);
      expect(dims.teams.map((r) => [r.name, r.memberCount])).toEqual([
        ['Team Nord', 1],
        ['Team Süd', 1],
      ]);
      expect(dims.years).toEqual([2027, 2026, 2025]);
    });

    it('answers unknown regions and teams and years without figures with 422', async () => {
      const region = await call(t, sessions.social_planner, 'GET', `/api/planning/table?year=2026&regionId=${fx.teams.north}`);
      expect(region.statusCode).toBe(422);
      expect(region.json().errors[0].field).toBe('regionId');
      const team = await call(t, sessions.social_planner, 'GET', `/api/planning/overview?year=2026&teamId=${fx.regions.north}`);
      expect(team.statusCode).toBe(422);
      expect(team.json().errors[0].field).toBe('teamId');
      const year = await call(t, sessions.social_planner, 'GET', '/api/planning/costs?year=2030');
      expect(year.statusCode).toBe(422);
      expect(year.json().errors[0].field).toBe('year');
      // Another tenant's region is unknown here.
      const planner = await t.login(t.tenantB.users.social_planner.username);
      const other = await call(t, planner, 'GET', `/api/planning/table?year=2026&regionId=${fx.regions.north}`);
      expect(other.statusCode).toBe(422);
    });
  });

  describe('exports', () => {
    it('downloads the table as CSV for German Excel, suppressed cells as "."', async () => {
      const res = await call(t, sessions.social_planner, 'GET', '/api/planning/export?year=2026&format=csv&granularity=quarter');
      await expectOk(res);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="Bedarfsplanung-2026.csv"');
      expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const lines = res.body.replace(/^\uFEFF/, '').split('\r\n');
      expect(lines[1]).toBe(
        'Leistungsart;Kennzahl;1. Quartal 2026;2. Quartal 2026;3. Quartal 2026;4. Quartal 2026;Jahr 2026;Vorjahr Januar–November 2025',
      );
      expect(lines).toContain('Insgesamt;Festgestellte Bedarfe;.;.;.;0;10;.');
      expect(lines.at(-2)).toBe('. = gesperrt (weniger als 5 Fälle oder zur Sicherung gesperrt)');
      const exact = await call(t, sessions.team_lead, 'GET', '/api/planning/export?year=2026&format=csv&granularity=quarter');
      expect(exact.body.split('\r\n')).toContain('Insgesamt;Festgestellte Bedarfe;3;4;3;0;10;3');
    });

    it('downloads a workbook with the table, overview, plan, costs and explanations', async () => {
      const res = await call(t, sessions.coordinator, 'GET', '/api/planning/export?year=2026&format=xlsx&breakdown=team');
      await expectOk(res);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(res.headers['content-disposition']).toBe('attachment; filename="Bedarfsplanung-2026.xlsx"');
      const zip = res.rawPayload;
      expect(zip.subarray(0, 2).toString()).toBe('PK');
      const text = await unzipText(zip);
      for (const sheet of ['Bedarfe', 'Übersicht', 'Soll-Ist', 'Kosten', 'Erläuterungen'])
        expect(text.workbook).toContain(`name="${sheet}"`);
      expect(text.strings).toContain('. = gesperrt (weniger als 5 Fälle oder zur Sicherung gesperrt)');
      expect(text.strings).toContain('Team Nord');
      for (const name of fx.names) expect(text.strings).not.toContain(name);
    });
  });
});

/** The workbook's XML parts that hold the sheet names and the texts (xlsx is a zip of XML files). */
async function unzipText(zip: Buffer): Promise<{ workbook: string; strings: string }> {
  const { inflateRawSync } = await import('node:zlib');
  const files = new Map<string, string>();
  let offset = 0;
  while (offset + 30 <= zip.length && zip.readUInt32LE(offset) === 0x04034b50) {
    const method = zip.readUInt16LE(offset + 8);
    let size = zip.readUInt32LE(offset + 18);
    const nameLength = zip.readUInt16LE(offset + 26);
    const extraLength = zip.readUInt16LE(offset + 28);
    const name = zip.subarray(offset + 30, offset + 30 + nameLength).toString();
    const start = offset + 30 + nameLength + extraLength;
    if (size === 0) {
      // Size in a data descriptor: find the next local header.
      const next = zip.indexOf(Buffer.from([0x50, 0x4b, 0x07, 0x08]), start);
      size = next - start;
      offset = next + 16;
    } else offset = start + size;
    const data = zip.subarray(start, start + size);
    files.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
  }
  const strings = [...files]
    .filter(([n]) => n.startsWith('xl/'))
    .map(([, c]) => c)
    .join('\n');
  return { workbook: files.get('xl/workbook.xml') ?? '', strings };
}
