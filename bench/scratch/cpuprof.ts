import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { buildApp } from '@lotse/api';
import { createDatabase } from '@lotse/db';
import { sql } from 'kysely';
import { AuditRepository } from '../../apps/api/src/features/audit/repository';
import { DEMO_PASSWORD } from '../../apps/cli/src/demo';
import { runLoad } from '../src/load';

const db = process.argv[2];
const scenario = process.argv[3] ?? 'read';
const noLog = process.argv.includes('--no-log');
const database = await createDatabase({ databaseUrl: `postgres://postgres@127.0.0.1:5432/${db}`, poolSize: 20 });
const app = await buildApp({ database, config: { logLevel: 'silent', argon2: { memoryCost: 1024, timeCost: 1 } } });
await app.listen({ port: 0, host: '127.0.0.1' });
const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const res = await fetch(`${url}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'fallmanagement', password: DEMO_PASSWORD }),
});
const body = (await res.json()) as { csrfToken: string; tenant: { id: string } };
const cookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
const ids = (
  await sql<{ id: string }>`select id from persons where tenant_id = ${body.tenant.id} limit 2000`.execute(database.owner)
).rows.map((r) => r.id);
const names = (
  await sql<{ lastName: string }>`select last_name from persons where tenant_id = ${body.tenant.id} limit 400`.execute(database.owner)
).rows.map((r) => JSON.stringify({ query: r.lastName.slice(0, 4) }));
if (noLog) AuditRepository.prototype.appendReads = async () => {};
const workload =
  scenario === 'read'
    ? { kind: 'read' as const, ids, cookie }
    : { kind: 'search' as const, bodies: names, cookie, csrfToken: body.csrfToken };
await runLoad({ url, connections: 64, durationSeconds: 3, workload });
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
await session.post('Profiler.start');
const r = await runLoad({ url, connections: 64, durationSeconds: 10, workload });
const { profile } = await session.post('Profiler.stop');
console.log('rps', r.result.requestsPerSecond.toFixed(0), 'p99', r.result.latencyMs.p99.toFixed(1));
writeFileSync(`/tmp/lotse-${scenario}${noLog ? '-nolog' : ''}.cpuprofile`, JSON.stringify(profile));
// self time by function and by package
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
const dt = profile.timeDeltas ?? [];
(profile.samples ?? []).forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (dt[i] ?? 0)));
const byFn = new Map<string, number>();
const byPkg = new Map<string, number>();
let total = 0;
for (const [id, us] of self) {
  const n = nodes.get(id)!;
  const f = n.callFrame;
  const pkg = f.url.includes('node_modules/')
    ? f.url
        .split('node_modules/')
        .pop()!
        .split('/')
        .slice(0, f.url.split('node_modules/').pop()!.startsWith('@') ? 2 : 1)
        .join('/')
    : f.url.includes('/work/main/')
      ? f.url
          .replace(/.*\/work\/main\//, '')
          .split('/')
          .slice(0, 2)
          .join('/')
      : f.url
        ? f.url.replace(/^node:/, 'node:').split('/')[0]!
        : `(${f.functionName || 'native'})`;
  total += us;
  byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + us);
  const key = `${f.functionName || '(anon)'} ${f.url.replace(/.*node_modules\//, '').replace(/.*\/work\/main\//, '')}:${f.lineNumber}`;
  byFn.set(key, (byFn.get(key) ?? 0) + us);
}
const top = (m: Map<string, number>, k: number) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([n, us]) => `${((us / total) * 100).toFixed(1).padStart(5)} %  ${n}`)
    .join('\n');
console.log('--- by package (self time) ---\n' + top(byPkg, 25));
console.log('--- by function (self time) ---\n' + top(byFn, 40));
// inclusive time for some markers
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const incl = new Map<string, number>();
for (const [id, us] of self) {
  const seen = new Set<string>();
  let cur: number | undefined = id;
  while (cur !== undefined) {
    const f = nodes.get(cur)!.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.replace(/.*node_modules\//, '').replace(/.*\/work\/main\//, '')}:${f.lineNumber}`;
    if (!seen.has(key)) {
      seen.add(key);
      incl.set(key, (incl.get(key) ?? 0) + us);
    }
    cur = parent.get(cur);
  }
}
console.log('--- inclusive ---\n' + top(incl, 60));
await app.close();
await database.close();
