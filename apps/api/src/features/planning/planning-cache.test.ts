import { randomUUID } from 'node:crypto';
import type { PlanningTable } from '@lotse/contracts';
import { withTenant } from '@lotse/db';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG } from '../../config';
import { createTestApp, type Session, type TestApp } from '../../testing';
import { call, expectOk } from '../cases/testing';
import { PlanningRepository } from './repository';
import { PlanningService } from './service';
import { SuppressionPool } from './suppression-pool';
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

/**
 * Stored suppression patterns (PlanningService.patternOf): a pattern computed once is kept per tenant,
 * year and minimum and used by every later process while it was computed from the same counts.
 */
describe('stored suppression patterns', () => {
  let t: TestApp;
  let fx: PlanningFixture;
  let planner: Session;
  let admin: Session;
  const computed = vi.spyOn(SuppressionPool.prototype, 'suppress');

  const table = async (year: number) => {
    const res = await call(t, planner, 'GET', `/api/planning/table?year=${year}&granularity=quarter`);
    await expectOk(res);
    const body = res.json() as PlanningTable;
    expect(body.suppression.applied).toBe(true);
    return body.rows.map((r) => r.measures);
  };
  const computedSince = async (work: () => Promise<unknown>) => {
    computed.mockClear();
    await work();
    return computed.mock.calls.map(([, , minimum]) => minimum);
  };
  const storedRows = (tenantId: string) =>
    withTenant(t.database.db, tenantId, (trx) =>
      trx.selectFrom('planningSuppressionPatterns').select(['tenantId', 'year', 'minimum', 'fingerprint']).orderBy('year').execute(),
    );

  beforeAll(async () => {
    // No figure cache: every request builds the cube, as a new process would.
    t = await createTestApp('pglite', { now: () => new Date('2026-11-10T10:00:00Z'), logLevel: 'error', planningFigureCacheMs: 0 });
    fx = await seedPlanningFixture(t, t.tenantA);
    planner = await t.login(t.tenantA.users.social_planner.username);
    admin = await t.login(t.tenantA.users.admin.username);
  });
  afterAll(async () => {
    computed.mockRestore();
    await t?.close();
  });

  it('computes a year once and then serves the stored pattern, also after a change of names only', async () => {
    let first: unknown;
    expect(await computedSince(async () => (first = await table(2025)))).toEqual([5, 5]);
    expect((await storedRows(t.tenantA.id)).map((r) => [r.year, r.minimum])).toEqual([
      [2024, 5],
      [2025, 5],
    ]);
    expect(await computedSince(async () => expect(await table(2025)).toEqual(first))).toEqual([]);
    const res = await call(
      t,
      admin,
      'PATCH',
      `/api/planning/regions/${fx.regions.north}`,
      { name: 'Nordstadt-Ost' },
      { 'if-match': '"1"' },
    );
    await expectOk(res);
    expect(await computedSince(() => table(2025))).toEqual([]);
  });

  it('computes anew when the counts changed, and replaces the stored pattern', async () => {
    expect(await computedSince(() => table(2026))).toEqual([5]);
    const before = (await storedRows(t.tenantA.id)).find((r) => r.year === 2026);
    await withTenant(t.database.owner, t.tenantA.id, async (trx) => {
      const c = await trx.selectFrom('cases').select(['id', 'personId']).where('tenantId', '=', t.tenantA.id).executeTakeFirstOrThrow();
      await trx
        .insertInto('unmetNeeds')
        .values({
          tenantId: t.tenantA.id,
          id: randomUUID(),
          caseId: c.id,
          personId: c.personId,
          serviceType: 'debt_counselling',
          reason: 'no_capacity',
          recordedOn: '2026-09-14',
          recordedBy: t.tenantA.users.case_manager.id,
        })
        .execute();
    });
    expect(await computedSince(() => table(2026))).toEqual([5]);
    const after = (await storedRows(t.tenantA.id)).find((r) => r.year === 2026);
    expect(after?.fingerprint).toBeDefined();
    expect(after?.fingerprint).not.toBe(before?.fingerprint);
    expect(await computedSince(() => table(2026))).toEqual([]);
  });

  it('does not use a pattern whose fingerprint does not match, and keeps each tenant to its own patterns', async () => {
    const expected = await table(2025);
    await withTenant(t.database.db, t.tenantA.id, (trx) =>
      trx.updateTable('planningSuppressionPatterns').set({ fingerprint: 'anders' }).where('year', '=', 2025).execute(),
    );
    expect(await computedSince(async () => expect(await table(2025)).toEqual(expected))).toEqual([5]);
    expect((await storedRows(t.tenantA.id)).find((r) => r.year === 2025)?.fingerprint).not.toBe('anders');
    // Row-level security: tenant B sees none of tenant A's patterns and cannot write one for A.
    expect(await storedRows(t.tenantB.id)).toEqual([]);
    await expect(
      withTenant(t.database.db, t.tenantB.id, (trx) =>
        trx
          .insertInto('planningSuppressionPatterns')
          .values({ tenantId: t.tenantA.id, year: 2019, minimum: 5, fingerprint: 'x', cells: 0, pattern: new Uint8Array() })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('serves the figures when the pattern cannot be stored, and reports it', async () => {
    const failed: unknown[] = [];
    const service = new PlanningService(t.database.db, { ...DEFAULT_CONFIG, now: () => new Date('2026-11-10T10:00:00Z') }, (error) =>
      failed.push(error),
    );
    const store = vi.spyOn(PlanningRepository.prototype, 'storePattern').mockRejectedValueOnce(new Error('disk full'));
    try {
      await withTenant(t.database.db, t.tenantA.id, (trx) =>
        trx.updateTable('planningSuppressionPatterns').set({ fingerprint: 'anders' }).where('year', '=', 2026).execute(),
      );
      expect(await service.warm()).toBe(4);
      expect(service.isWarm(t.tenantA.id, 2026, 5)).toBe(true);
      expect(failed.map((e) => (e as Error).message)).toEqual(['disk full']);
    } finally {
      store.mockRestore();
      await service.close();
    }
  });
});
