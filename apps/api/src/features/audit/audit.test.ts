import { type Database, withTenant } from '@lotse/db';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, TEST_PASSWORD, type TestApp } from '../../testing';
import type { ReadPurpose } from './repository';

interface ReadEntry {
  seq: number;
  at: string;
  actor: { id: string; displayName: string } | null;
  personId: string;
  personName: string | null;
  purpose: string;
  hash: string;
}

interface ChangeEntry {
  seq: number;
  actor: { id: string; displayName: string } | null;
  entity: string;
  entityId: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  hash: string;
}

const newPerson = (n: number, overrides: Record<string, unknown> = {}) => ({
  customerNumber: `123D55${String(n).padStart(4, '0')}`,
  firstName: `Vorname${n}`,
  lastName: 'Protokollperson',
  birthDate: `1980-01-${String(n).padStart(2, '0')}`,
  sex: 'female',
  city: 'Lotsenbach',
  ...overrides,
});

/**
 * Runs `work` as the tables' owner, who can switch off the append-only triggers. On PostgreSQL the
 * owner connection is the superuser; on PGlite owner and app share one connection acting as
 * lotse_app, so the role is reset for the duration and set back afterwards.
 */
async function asOwner<T>(t: TestApp, work: (owner: Kysely<Database>) => Promise<T>): Promise<T> {
  const owner = t.database.owner;
  if (t.database.kind === 'pglite') await sql`reset role`.execute(owner);
  try {
    return await work(owner);
  } finally {
    if (t.database.kind === 'pglite') await sql`set role lotse_app`.execute(owner);
  }
}

describe.each(['pglite', 'postgres'] as const)('audit on %s', (kind) => {
  let t: TestApp;
  let cm: Session;
  let admin: Session;
  let dp: Session;
  const personIds: string[] = [];
  let householdId: string;
  let createdUserId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    [cm, admin, dp] = await Promise.all([
      t.login(t.tenantA.users.case_manager.username),
      t.login(t.tenantA.users.admin.username),
      t.login(t.tenantA.users.data_protection.username),
    ]);
  });
  afterAll(async () => t?.close());

  const get = (session: Session, url: string) => t.app.inject({ method: 'GET', url, headers: session.headers });

  async function reads(query = 'limit=200'): Promise<ReadEntry[]> {
    const res = await get(dp, `/api/audit/reads?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  }

  async function changes(query = 'limit=200'): Promise<ChangeEntry[]> {
    const res = await get(dp, `/api/audit/changes?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  }

  async function verify(log: 'change' | 'read') {
    const res = await get(dp, `/api/audit/verify?log=${log}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { log: string; entries: number; intact: boolean; firstBrokenSeq: number | null };
  }

  const latestReadSeq = async () => (await reads('limit=1'))[0]?.seq ?? 0;

  describe('what is recorded', () => {
    it('records person creation with before = null and the new fields after', async () => {
      for (const n of [1, 2, 3]) {
        const res = await t.app.inject({ method: 'POST', url: '/api/persons', headers: cm.headers, payload: newPerson(n) });
        expect(res.statusCode, res.body).toBe(201);
        personIds.push(res.json().id);
      }
      const entries = await changes(`personId=${personIds[0]}`);
      expect(entries).toHaveLength(1);
      const entry = entries[0];
      expect(entry?.entity).toBe('person');
      expect(entry?.action).toBe('create');
      expect(entry?.actor?.id).toBe(cm.userId);
      expect(entry?.actor?.displayName).toBe(`case_manager ${t.tenantA.users.case_manager.username.split('.')[1]}`);
      expect(entry?.before).toBeNull();
      expect(entry?.after).toMatchObject({ firstName: 'Vorname1', lastName: 'Protokollperson', city: 'Lotsenbach', version: 1 });
    });

    it('records a person update with before and after', async () => {
      const id = personIds[0] as string;
      const res = await t.app.inject({
        method: 'PATCH',
        url: `/api/persons/${id}`,
        headers: { ...cm.headers, 'if-match': '"1"' },
        payload: { city: 'Auenfeld' },
      });
      expect(res.statusCode, res.body).toBe(200);
      const [latest] = await changes(`personId=${id}`);
      expect(latest?.action).toBe('update');
      expect(latest?.actor?.id).toBe(cm.userId);
      expect(latest?.before).toMatchObject({ city: 'Lotsenbach', version: 1 });
      expect(latest?.after).toMatchObject({ city: 'Auenfeld', version: 2 });
    });

    it('records GET /api/persons/:id as a read with purpose view by the reading user', async () => {
      const since = await latestReadSeq();
      const id = personIds[1] as string;
      const res = await get(cm, `/api/persons/${id}`);
      expect(res.statusCode, res.body).toBe(200);
      const fresh = (await reads()).filter((r) => r.seq > since);
      expect(fresh).toHaveLength(1);
      expect(fresh[0]).toMatchObject({
        personId: id,
        purpose: 'view',
        personName: 'Protokollperson, Vorname2',
        actor: { id: cm.userId },
      });
    });

    it('does not record a read when the person does not exist', async () => {
      const since = await latestReadSeq();
      const res = await get(cm, '/api/persons/00000000-0000-4000-8000-000000000000');
      expect(res.statusCode).toBe(404);
      expect(await latestReadSeq()).toBe(since);
    });

    it('records a search as one read with purpose search for every listed person', async () => {
      const since = await latestReadSeq();
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/persons/search',
        headers: cm.headers,
        payload: { query: 'protokollperson' },
      });
      expect(res.statusCode, res.body).toBe(200);
      const listed = res.json().items.map((p: { id: string }) => p.id);
      expect([...listed].sort()).toEqual([...personIds].sort());
      const fresh = (await reads()).filter((r) => r.seq > since);
      expect(fresh.map((r) => r.personId).sort()).toEqual([...personIds].sort());
      for (const r of fresh) {
        expect(r.purpose).toBe('search');
        expect(r.actor?.id).toBe(cm.userId);
      }
    });

    it('records a household write as a change and its read as reads of every member (purpose household)', async () => {
      const [applicant, partner] = personIds as [string, string];
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/households',
        headers: cm.headers,
        payload: {
          number: '12301BG0000001',
          members: [
            { personId: applicant, role: 'applicant' },
            { personId: partner, role: 'partner' },
          ],
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      householdId = created.json().id;
      const [createEntry] = await changes(`personId=${householdId}`);
      expect(createEntry).toMatchObject({ entity: 'household', action: 'create', before: null, actor: { id: cm.userId } });
      expect(createEntry?.after).toEqual({
        number: '12301BG0000001',
        version: 1,
        members: [
          { personId: applicant, role: 'applicant' },
          { personId: partner, role: 'partner' },
        ],
      });

      const patched = await t.app.inject({
        method: 'PATCH',
        url: `/api/households/${householdId}`,
        headers: { ...cm.headers, 'if-match': '"1"' },
        payload: { members: [{ personId: applicant, role: 'applicant' }] },
      });
      expect(patched.statusCode, patched.body).toBe(200);
      const [updateEntry] = await changes(`personId=${householdId}`);
      expect(updateEntry?.action).toBe('update');
      expect(updateEntry?.before?.members).toEqual([
        { personId: applicant, role: 'applicant' },
        { personId: partner, role: 'partner' },
      ]);
      expect(updateEntry?.after?.members).toEqual([{ personId: applicant, role: 'applicant' }]);

      // Put the partner back, then read the household as a team lead (another reading user).
      const restored = await t.app.inject({
        method: 'PATCH',
        url: `/api/households/${householdId}`,
        headers: { ...cm.headers, 'if-match': '"2"' },
        payload: {
          members: [
            { personId: applicant, role: 'applicant' },
            { personId: partner, role: 'partner' },
          ],
        },
      });
      expect(restored.statusCode, restored.body).toBe(200);
      const lead = await t.login(t.tenantA.users.team_lead.username);
      const since = await latestReadSeq();
      const read = await get(lead, `/api/households/${householdId}`);
      expect(read.statusCode, read.body).toBe(200);
      const fresh = (await reads()).filter((r) => r.seq > since);
      expect(fresh.map((r) => r.personId).sort()).toEqual([applicant, partner].sort());
      for (const r of fresh) {
        expect(r.purpose).toBe('household');
        expect(r.actor?.id).toBe(lead.userId);
      }
    });

    it('records user writes without any password or hash', async () => {
      const username = `protokoll.${t.tenantA.id.slice(0, 6)}`;
      const password = 'ein-sehr-geheimes-Passwort-42';
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/users',
        headers: admin.headers,
        payload: { username, displayName: 'Protokoll Nutzerin', roles: ['case_manager'], password },
      });
      expect(created.statusCode, created.body).toBe(201);
      createdUserId = created.json().id;
      const patched = await t.app.inject({
        method: 'PATCH',
        url: `/api/users/${createdUserId}`,
        headers: { ...admin.headers, 'if-match': '"1"' },
        payload: { displayName: 'Protokoll Nutzerin 2', password: 'noch-ein-geheimes-Passwort-43' },
      });
      expect(patched.statusCode, patched.body).toBe(200);

      const entries = await changes(`personId=${createdUserId}`);
      expect(entries.map((e) => e.action)).toEqual(['update', 'create']);
      const [update, create] = entries as [ChangeEntry, ChangeEntry];
      expect(create).toMatchObject({ entity: 'user', before: null, actor: { id: admin.userId } });
      expect(create.after).toMatchObject({ username, displayName: 'Protokoll Nutzerin', roles: ['case_manager'] });
      expect(update.before).toMatchObject({ displayName: 'Protokoll Nutzerin', version: 1 });
      expect(update.after).toMatchObject({ displayName: 'Protokoll Nutzerin 2', version: 2, passwordChanged: true });
      const text = JSON.stringify(entries);
      expect(text).not.toContain(password);
      expect(text).not.toContain('noch-ein-geheimes');
      expect(text).not.toContain('$argon2');
      expect(text).not.toMatch(/passwordHash|"password"/);
    });

    it('lists entries newest first and never from another tenant', async () => {
      const all = await changes();
      const seqs = all.map((e) => e.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
      expect(new Set(seqs).size).toBe(seqs.length);
      // Tenant B's data protection officer sees only tenant B's own entries (its seeded users).
      const dpB = await t.login(t.tenantB.users.data_protection.username);
      const resB = await get(dpB, '/api/audit/changes?limit=200');
      expect(resB.statusCode).toBe(200);
      const itemsB: ChangeEntry[] = resB.json().items;
      expect(itemsB.length).toBe(9);
      expect(itemsB.every((e) => e.entity === 'user' && e.action === 'create')).toBe(true);
      const idsA = new Set(all.map((e) => e.entityId));
      expect(itemsB.some((e) => idsA.has(e.entityId))).toBe(false);
      const readsB = await get(dpB, '/api/audit/reads');
      expect(readsB.json().items).toEqual([]);
    });
  });

  describe('access and paging', () => {
    it('refuses audit routes to other roles with 403 FORBIDDEN', async () => {
      for (const url of ['/api/audit/changes', '/api/audit/reads', '/api/audit/verify?log=read']) {
        const res = await get(cm, url);
        expect(res.statusCode, url).toBe(403);
        expect(res.json().code).toBe('FORBIDDEN');
      }
      const asAdmin = await get(admin, '/api/audit/reads');
      expect(asAdmin.statusCode).toBe(403);
    });

    it('pages with a cursor: limit=2 → nextCursor → the next, disjoint and older page', async () => {
      for (const log of ['reads', 'changes'] as const) {
        const first = await get(dp, `/api/audit/${log}?limit=2`);
        expect(first.statusCode).toBe(200);
        const page1 = first.json();
        expect(page1.items).toHaveLength(2);
        expect(typeof page1.page.nextCursor).toBe('string');
        const second = await get(dp, `/api/audit/${log}?limit=2&cursor=${encodeURIComponent(page1.page.nextCursor)}`);
        expect(second.statusCode, second.body).toBe(200);
        const page2 = second.json();
        expect(page2.items).toHaveLength(2);
        const seqs1: number[] = page1.items.map((e: { seq: number }) => e.seq);
        const seqs2: number[] = page2.items.map((e: { seq: number }) => e.seq);
        expect(seqs1.filter((s) => seqs2.includes(s))).toEqual([]);
        expect(Math.max(...seqs2)).toBeLessThan(Math.min(...seqs1));
        // The two pages are exactly the first four entries.
        const four = await get(dp, `/api/audit/${log}?limit=4`);
        expect(four.json().items.map((e: { seq: number }) => e.seq)).toEqual([...seqs1, ...seqs2]);
      }
    });

    it('ends paging with nextCursor null and rejects a forged cursor', async () => {
      const all = await reads('limit=200');
      const last = await get(dp, `/api/audit/reads?limit=200`);
      expect(last.json().page.nextCursor).toBeNull();
      expect(all.length).toBeGreaterThan(4);
      const bad = await get(dp, '/api/audit/reads?cursor=kein-cursor');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().code).toBe('INVALID_CURSOR');
    });
  });

  describe('integrity', () => {
    it('the app role cannot update or delete audit entries', async () => {
      const db = t.database.db;
      const tenantId = t.tenantA.id;
      await expect(
        withTenant(db, tenantId, (trx) => trx.updateTable('readLog').set({ purpose: 'edit' }).where('tenantId', '=', tenantId).execute()),
      ).rejects.toMatchObject({ code: '42501' });
      await expect(
        withTenant(db, tenantId, (trx) => trx.deleteFrom('changeLog').where('tenantId', '=', tenantId).execute()),
      ).rejects.toMatchObject({
        code: '42501',
      });
      await expect(withTenant(db, tenantId, (trx) => sql`truncate read_log`.execute(trx))).rejects.toMatchObject({ code: '42501' });
      // Nothing was changed: the chains are still intact, with the same number of entries.
      const readCheck = await verify('read');
      expect(readCheck.intact).toBe(true);
      expect(readCheck.entries).toBe((await reads()).length);
      expect((await verify('change')).intact).toBe(true);
    });

    it('verify reports an intact read log, then the exact entry that was edited', async () => {
      const tenantId = t.tenantA.id;
      const before = await verify('read');
      expect(before).toMatchObject({ log: 'read', intact: true, firstBrokenSeq: null });
      expect(before.entries).toBeGreaterThan(4);

      const target = 3;
      const original = await withTenant(t.database.owner, tenantId, (trx) =>
        trx.selectFrom('readLog').select(['purpose']).where('tenantId', '=', tenantId).where('seq', '=', target).executeTakeFirstOrThrow(),
      );
      const forged = original.purpose === 'edit' ? 'view' : 'edit';
      const setPurpose = (purpose: ReadPurpose) =>
        asOwner(t, async (owner) => {
          await sql`alter table read_log disable trigger read_log_append_only`.execute(owner);
          try {
            await owner.updateTable('readLog').set({ purpose }).where('tenantId', '=', tenantId).where('seq', '=', target).execute();
          } finally {
            await sql`alter table read_log enable trigger read_log_append_only`.execute(owner);
          }
        });

      await setPurpose(forged);
      const broken = await verify('read');
      expect(broken).toMatchObject({ log: 'read', intact: false, firstBrokenSeq: target, entries: before.entries });

      // Undoing the edit makes the chain fit again: verify recomputes, it does not remember.
      await setPurpose(original.purpose);
      expect(await verify('read')).toMatchObject({ intact: true, firstBrokenSeq: null });
    });

    it('verify detects a deleted last entry of the change log (head mismatch)', async () => {
      const tenantId = t.tenantA.id;
      const before = await verify('change');
      expect(before.intact).toBe(true);
      const [last] = await changes('limit=1');
      const lastSeq = last?.seq as number;
      expect(lastSeq).toBe(before.entries);

      const tenant = sql.lit(tenantId);
      await asOwner(t, async (owner) => {
        await sql`create table audit_tamper_backup as select * from change_log where tenant_id = ${tenant} and seq = ${sql.lit(lastSeq)}`.execute(
          owner,
        );
        await sql`alter table change_log disable trigger change_log_append_only`.execute(owner);
        try {
          await sql`delete from change_log where tenant_id = ${tenant} and seq = ${sql.lit(lastSeq)}`.execute(owner);
        } finally {
          await sql`alter table change_log enable trigger change_log_append_only`.execute(owner);
        }
      });
      const broken = await verify('change');
      expect(broken).toMatchObject({ log: 'change', intact: false, firstBrokenSeq: lastSeq, entries: before.entries - 1 });

      // Restoring the entry (insert is not blocked by the trigger) makes the chain whole again.
      await asOwner(t, async (owner) => {
        await sql`insert into change_log select * from audit_tamper_backup`.execute(owner);
        await sql`drop table audit_tamper_backup`.execute(owner);
      });
      expect(await verify('change')).toMatchObject({ intact: true, entries: before.entries });
    });

    it('verify detects an entry deleted from the middle of the change log', async () => {
      const tenantId = sql.lit(t.tenantA.id);
      const target = sql.lit(2);
      await asOwner(t, async (owner) => {
        await sql`create table audit_tamper_backup as select * from change_log where tenant_id = ${tenantId} and seq = ${target}`.execute(
          owner,
        );
        await sql`alter table change_log disable trigger change_log_append_only`.execute(owner);
        try {
          await sql`delete from change_log where tenant_id = ${tenantId} and seq = ${target}`.execute(owner);
        } finally {
          await sql`alter table change_log enable trigger change_log_append_only`.execute(owner);
        }
      });
      const broken = await verify('change');
      expect(broken).toMatchObject({ intact: false, firstBrokenSeq: 3 });
      await asOwner(t, async (owner) => {
        await sql`insert into change_log select * from audit_tamper_backup`.execute(owner);
        await sql`drop table audit_tamper_backup`.execute(owner);
      });
      expect((await verify('change')).intact).toBe(true);
    });

    it('the app still works as the app role after owner maintenance', async () => {
      // On PGlite the shared connection must be back to lotse_app: row-level security applies again.
      const { rows } = await sql<{ role: string }>`select current_user as role`.execute(t.database.db);
      expect(rows[0]?.role).toBe('lotse_app');
      const res = await get(cm, `/api/persons/${personIds[2]}`);
      expect(res.statusCode).toBe(200);
      const other = await t.login(t.tenantB.users.case_manager.username, TEST_PASSWORD);
      expect((await get(other, `/api/persons/${personIds[2]}`)).statusCode).toBe(404);
    });
  });
});
