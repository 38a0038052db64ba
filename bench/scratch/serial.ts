import pg from 'pg';

const db = process.argv[2];
const url = `postgres://lotse_app:lotse_app_dev_only@127.0.0.1:5432/${db}`;
const owner = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:5432/${db}` });
await owner.connect();
const t = await owner.query(
  `select t.id as tenant, (select id from users u where u.tenant_id=t.id and username='fallmanagement') as usr from tenants t order by created_at limit 1`,
);
const { tenant, usr } = t.rows[0];
const ids = (await owner.query('select id from persons where tenant_id=$1 limit 3000', [tenant])).rows.map((r) => r.id);
const c = new pg.Client({ connectionString: url });
await c.connect();
const PERSON = `select "p".*, "c"."display_name" as "personal_contact_name", "h"."id" as "household_id", "h"."number" as "household_number", "m"."role" as "household_role" from "persons" as "p" left join "users" as "c" on "c"."tenant_id" = "p"."tenant_id" and "c"."id" = "p"."personal_contact_id" left join "household_members" as "m" on "m"."tenant_id" = "p"."tenant_id" and "m"."person_id" = "p"."id" left join "households" as "h" on "h"."tenant_id" = "m"."tenant_id" and "h"."id" = "m"."household_id" where "p"."tenant_id" = $1 and "p"."id" = $2`;
const names = ['begin', 'set_config', 'person', 'append', 'commit'] as const;
for (const mode of ['on', 'off']) {
  await c.query(`set synchronous_commit = ${mode}`);
  const sums: Record<string, number[]> = {};
  const N = 2000;
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const id = ids[i % ids.length];
    const steps: [string, () => Promise<unknown>][] = [
      ['begin', () => c.query('begin', [])],
      ['set_config', () => c.query("select set_config('app.tenant_id', $1, true)", [tenant])],
      ['person', () => c.query(PERSON, [tenant, id])],
      ['append', () => c.query('select audit_append_reads($1::uuid, $2::uuid, $3::uuid[], $4)', [tenant, usr, [id], 'view'])],
      ['commit', () => c.query('commit', [])],
    ];
    for (const [n, f] of steps) {
      const s = performance.now();
      await f();
      (sums[n] ??= []).push(performance.now() - s);
    }
  }
  const total = performance.now() - t0;
  const med = (a: number[]) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)]!.toFixed(3);
  const mean = (a: number[]) => (a.reduce((x, y) => x + y, 0) / a.length).toFixed(3);
  console.log(`synchronous_commit=${mode}: ${(N / (total / 1000)).toFixed(0)} txn/s on one connection`);
  for (const n of names) console.log(`  ${n}: median ${med(sums[n]!)} ms, mean ${mean(sums[n]!)} ms`);
}
await c.end();
await owner.end();
