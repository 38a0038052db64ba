import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from './tenant-scope';
import { createTestDatabase, TEST_BACKENDS, type TestDatabase } from './testing';

describe.each(TEST_BACKENDS)('database on %s', (kind) => {
  let database: TestDatabase;
  const tenantA = randomUUID();
  const tenantB = randomUUID();

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await database.owner
      .insertInto('tenants')
      .values([
        { id: tenantA, name: 'Jobcenter A', carrierModel: 'gE' },
        { id: tenantB, name: 'Jobcenter B', carrierModel: 'zkT' },
      ])
      .execute();
    for (const tenantId of [tenantA, tenantB]) {
      await withTenant(database.owner, tenantId, (trx) =>
        trx
          .insertInto('households')
          .values({ tenantId, id: randomUUID(), number: `00000BG000000${tenantId === tenantA ? 1 : 2}` })
          .execute(),
      );
    }
  }, 60_000);

  afterAll(async () => {
    await database?.close();
  });

  it('returns int8 as number, date as ISO string and timestamptz as Date on both backends', async () => {
    const { rows } = await sql<{
      n: number;
      d: string;
      t: Date;
    }>`select 9007199254740::int8 as n, date '2026-02-01' as d, now() as t`.execute(database.db);
    expect(rows[0]?.n).toBe(9007199254740);
    expect(rows[0]?.d).toBe('2026-02-01');
    expect(rows[0]?.t).toBeInstanceOf(Date);
  });

  it('sees only the rows of the tenant set for the transaction', async () => {
    const a = await withTenant(database.db, tenantA, (trx) => trx.selectFrom('households').select('number').execute());
    expect(a.map((h) => h.number)).toEqual(['00000BG0000001']);
  });

  it('returns no rows to the app role without the tenant setting (RLS)', async () => {
    const rows = await database.db.selectFrom('households').selectAll().execute();
    expect(rows).toEqual([]);
    const { rows: role } = await sql<{ u: string; bypass: boolean; superuser: boolean }>`
      select current_user as u, rolbypassrls as bypass, rolsuper as superuser from pg_roles where rolname = current_user`.execute(
      database.db,
    );
    expect(role[0]).toEqual({ u: 'lotse_app', bypass: false, superuser: false });
  });

  it('rejects a row of another tenant written under the tenant setting (RLS with check)', async () => {
    await expect(
      withTenant(database.db, tenantA, (trx) =>
        trx.insertInto('households').values({ tenantId: tenantB, id: randomUUID(), number: '00000BG0000009' }).execute(),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('refuses to update or delete audit entries', async () => {
    await withTenant(database.db, tenantA, (trx) =>
      sql`select audit_append_reads(${tenantA}::uuid, null, array[${randomUUID()}]::uuid[], 'view')`.execute(trx),
    );
    await expect(
      withTenant(database.db, tenantA, (trx) => trx.updateTable('readLog').set({ purpose: 'search' }).execute()),
    ).rejects.toThrow();
    await expect(withTenant(database.db, tenantA, (trx) => trx.deleteFrom('readLog').execute())).rejects.toThrow();
    const left = await withTenant(database.db, tenantA, (trx) => trx.selectFrom('readLog').select('purpose').execute());
    expect(left).toEqual([{ purpose: 'view' }]);
  });
});
