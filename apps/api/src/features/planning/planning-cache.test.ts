import type { PlanningTable } from '@lotse/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../config';
import { createTestApp, type Session, type TestApp } from '../../testing';
import { call, expectOk } from '../cases/testing';
import { PlanningService } from './service';
import { type PlanningFixture, seedPlanningFixture } from './testing';

/**
 * The planning figures' cache (PlanningService.yearFigures): served unchanged for a minute after a
 * write, then once more while the fresh figures are computed in the background; the current year is
 * refreshed when the day changes, a closed year is not.
 */
describe('planning figure cache', () => {
  let t: TestApp;
  let fx: PlanningFixture;
  let clock = new Date('2026-11-10T22:59:20Z');
  let planner: Session;
  let admin: Session;

  const regionLabels = async (year: number) => {
    const res = await call(t, planner, 'GET', `/api/planning/table?year=${year}&granularity=year&breakdown=region`);
    await expectOk(res);
    return (res.json() as PlanningTable).rows.map((r) => r.label);
  };
  const advance = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };
  /** The background refresh has no handle: ask until it is served (or give up after two seconds). */
  const eventually = async (year: number, expected: string) => {
    for (let i = 0; i < 40; i++) {
      if ((await regionLabels(year)).includes(expected)) return true;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return false;
  };
  const rename = async (name: string, version: number) => {
    const res = await call(t, admin, 'PATCH', `/api/planning/regions/${fx.regions.north}`, { name }, { 'if-match': `"${version}"` });
    await expectOk(res);
  };

  beforeAll(async () => {
    t = await createTestApp('pglite', { now: () => clock, logLevel: 'error' });
    fx = await seedPlanningFixture(t, t.tenantA);
    planner = await t.login(t.tenantA.users.social_planner.username);
    admin = await t.login(t.tenantA.users.admin.username);
  });
  afterAll(async () => t?.close());

  it('refreshes the current year when the day changes; a closed year waits for the minute after a write', async () => {
    // 23:59:20 in Germany: both years computed, then a write.
    clock = new Date('2026-11-10T22:59:20Z');
    expect(await regionLabels(2026)).toContain('Nordstadt');
    await rename('Nordstadt-Ost', 1);
    // 00:00:10 the next day, 50 seconds later: the current year's stock now ends on a new day.
    clock = new Date('2026-11-10T23:00:10Z');
    expect(await regionLabels(2026)).toContain('Nordstadt');
    expect(await eventually(2026, 'Nordstadt-Ost')).toBe(true);
    // The closed year (read with it as the prior year) does not depend on the day: still the cached one.
    expect(await regionLabels(2025)).toContain('Nordstadt');
    expect(await regionLabels(2025)).not.toContain('Nordstadt-Ost');
  });

  it('serves cached figures for a minute after a write, then once more while refreshing them in the background', async () => {
    advance(11_000);
    // A minute after the write: the first request still gets the cached figures and starts the refresh.
    expect(await regionLabels(2025)).toContain('Nordstadt');
    expect(await eventually(2025, 'Nordstadt-Ost')).toBe(true);
    await rename('Nordstadt-Mitte', 2);
    advance(30_000);
    expect(await regionLabels(2025)).toContain('Nordstadt-Ost');
    advance(31_000);
    expect(await regionLabels(2025)).toContain('Nordstadt-Ost');
    expect(await eventually(2025, 'Nordstadt-Mitte')).toBe(true);
  });
});

describe('warming the planning figures after the start', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp('pglite', { now: () => new Date('2026-11-10T10:00:00Z'), logLevel: 'error' });
    await seedPlanningFixture(t, t.tenantA);
  });
  afterAll(async () => t?.close());

  it("computes every tenant's current and prior year with the pattern of its minimum, so a planner's first request finds them", async () => {
    const service = new PlanningService(t.database.db, {
      ...DEFAULT_CONFIG,
      now: () => new Date('2026-11-10T10:00:00Z'),
      planningSuppressionWorker: false,
    });
    expect(service.isWarm(t.tenantA.id, 2026, 5)).toBe(false);
    expect(await service.warm()).toBe(4);
    for (const tenant of [t.tenantA, t.tenantB]) for (const year of [2026, 2025]) expect(service.isWarm(tenant.id, year, 5)).toBe(true);
    // A year further back and another minimum are computed on demand only.
    expect(service.isWarm(t.tenantA.id, 2024, 5)).toBe(false);
    expect(service.isWarm(t.tenantA.id, 2026, 3)).toBe(false);
    await service.close();
    // Closed: warming stops before the first tenant.
    expect(await service.warm()).toBe(0);
  });
});
