import { withTenant } from '@lotse/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../testing';

const PASSWORD = 'Anfangs-Passwort-2026';

describe.each(['pglite', 'postgres'] as const)('users on %s', (kind) => {
  let t: TestApp;
  let admin: Session;
  let adminB: Session;
  let dp: Session;
  let suffix: string;
  let createdId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    [admin, adminB, dp] = await Promise.all([
      t.login(t.tenantA.users.admin.username),
      t.login(t.tenantB.users.admin.username),
      t.login(t.tenantA.users.data_protection.username),
    ]);
    suffix = t.tenantA.id.slice(0, 8);
  });
  afterAll(async () => t?.close());

  const create = (payload: Record<string, unknown>, options: { session?: Session; key?: string } = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { ...(options.session ?? admin).headers, ...(options.key === undefined ? {} : { 'idempotency-key': options.key }) },
      payload,
    });

  const newUser = (name: string, overrides: Record<string, unknown> = {}) => ({
    username: `${name}.${suffix}`,
    displayName: `Nutzer ${name}`,
    email: `${name}@jobcenter.example`,
    roles: ['case_manager'],
    password: PASSWORD,
    ...overrides,
  });

  // The owner connection is a superuser on PostgreSQL and bypasses row-level security: filter explicitly.
  const usersNamed = (tenantId: string, username: string) =>
    withTenant(t.database.owner, tenantId, (trx) =>
      trx.selectFrom('users').select(['id']).where('tenantId', '=', tenantId).where('username', '=', username).execute(),
    );

  const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

  it('lists the users of the own tenant only, without passwords', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/users', headers: admin.headers });
    expect(res.statusCode, res.body).toBe(200);
    const items: { id: string; username: string }[] = res.json().items;
    expect(items.map((u) => u.id).sort()).toEqual(
      Object.values(t.tenantA.users)
        .map((u) => u.id)
        .sort(),
    );
    expect(items.map((u) => u.username)).toEqual([...items.map((u) => u.username)].sort());
    expect(res.body).not.toMatch(/password|argon2/i);
  });

  it('creates a user: 201 with ETag and Location, no password in the answer', async () => {
    const res = await create(newUser('neu'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    const body = res.json();
    createdId = body.id;
    expect(res.headers.location).toBe(`/api/users/${createdId}`);
    expect(body).toEqual({
      id: createdId,
      username: `neu.${suffix}`,
      displayName: 'Nutzer neu',
      email: 'neu@jobcenter.example',
      roles: ['case_manager'],
      providerId: null,
      teamId: null,
      teamName: null,
      disabled: false,
      version: 1,
      createdAt: expect.any(String),
    });
    expect(res.body).not.toMatch(/password|argon2/i);
    expect(res.body).not.toContain(PASSWORD);

    const read = await t.app.inject({ method: 'GET', url: `/api/users/${createdId}`, headers: admin.headers });
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.json()).toEqual(body);
    expect(read.body).not.toMatch(/password|argon2/i);
  });

  it('keeps the password out of the change log; the database has only an argon2id hash', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/audit/changes?personId=${createdId}`, headers: dp.headers });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ entity: 'user', action: 'create', actor: { id: admin.userId }, before: null });
    expect(items[0].after).toMatchObject({ username: `neu.${suffix}`, roles: ['case_manager'] });
    expect(res.body).not.toContain(PASSWORD);
    expect(res.body).not.toMatch(/password|argon2/i);

    const stored = await withTenant(t.database.owner, t.tenantA.id, (trx) =>
      trx
        .selectFrom('users')
        .select('passwordHash')
        .where('tenantId', '=', t.tenantA.id)
        .where('id', '=', createdId)
        .executeTakeFirstOrThrow(),
    );
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain(PASSWORD);
  });

  it('lets the created user log in with the given password', async () => {
    const session = await t.login(`neu.${suffix}`, PASSWORD);
    expect(session.userId).toBe(createdId);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: session.headers });
    expect(me.json().user.roles).toEqual(['case_manager']);
    expect(me.json().tenant.id).toBe(t.tenantA.id);
  });

  it('refuses a duplicate user name with 409 DUPLICATE_USERNAME', async () => {
    const res = await create(newUser('neu', { displayName: 'Doppelt' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('DUPLICATE_USERNAME');
    expect(await usersNamed(t.tenantA.id, `neu.${suffix}`)).toHaveLength(1);
  });

  it('refuses a user name taken in another tenant (names are global) and creates nothing there', async () => {
    const res = await create(newUser('neu', { displayName: 'Anderes Jobcenter' }), { session: adminB });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().code).toBe('DUPLICATE_USERNAME');
    expect(await usersNamed(t.tenantB.id, `neu.${suffix}`)).toEqual([]);
    // Also a seeded user name of tenant A.
    const seeded = await create({ ...newUser('x'), username: t.tenantA.users.case_manager.username }, { session: adminB });
    expect(seeded.statusCode).toBe(409);
    expect(seeded.json().code).toBe('DUPLICATE_USERNAME');
  });

  it('refuses a password shorter than 12 characters with a field error on password', async () => {
    const res = await create(newUser('kurz', { password: 'elf-Zeichen' }));
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(body)).toEqual(['password']);
    expect(body.errors[0].code).toBe('too_small');
    expect(JSON.stringify(body)).not.toContain('elf-Zeichen');
    expect(await usersNamed(t.tenantA.id, `kurz.${suffix}`)).toEqual([]);
  });

  it('refuses an unknown role with 400 on the roles field', async () => {
    const res = await create(newUser('rolle', { roles: ['case_manager', 'superuser'] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(res.json())).toEqual(['roles.1']);
    const none = await create(newUser('rolle', { roles: [] }));
    expect(none.statusCode).toBe(400);
    expect(fieldsOf(none.json())).toEqual(['roles']);
    expect(await usersNamed(t.tenantA.id, `rolle.${suffix}`)).toEqual([]);
  });

  it('rejects unknown fields (no mass assignment) and upper-case user names', async () => {
    const extra = await create(newUser('extra', { disabled: true, tenantId: t.tenantB.id }));
    expect(extra.statusCode).toBe(400);
    expect(extra.json().errors.every((e: { code: string }) => e.code === 'unknown_field')).toBe(true);
    const upper = await create(newUser('Gross'));
    expect(upper.statusCode).toBe(400);
    expect(fieldsOf(upper.json())).toEqual(['username']);
  });

  it('refuses the user administration to other roles', async () => {
    const cm = await t.login(t.tenantA.users.case_manager.username);
    const list = await t.app.inject({ method: 'GET', url: '/api/users', headers: cm.headers });
    expect(list.statusCode).toBe(403);
    expect(list.json().code).toBe('FORBIDDEN');
    const res = await create(newUser('verboten'), { session: cm });
    expect(res.statusCode).toBe(403);
    expect(await usersNamed(t.tenantA.id, `verboten.${suffix}`)).toEqual([]);
  });

  it("does not show or change another tenant's user (404)", async () => {
    const read = await t.app.inject({ method: 'GET', url: `/api/users/${createdId}`, headers: adminB.headers });
    expect(read.statusCode).toBe(404);
    const write = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${createdId}`,
      headers: { ...adminB.headers, 'if-match': '"1"' },
      payload: { disabled: true },
    });
    expect(write.statusCode).toBe(404);
    const stored = await withTenant(t.database.owner, t.tenantA.id, (trx) =>
      trx
        .selectFrom('users')
        .select(['disabled', 'version'])
        .where('tenantId', '=', t.tenantA.id)
        .where('id', '=', createdId)
        .executeTakeFirstOrThrow(),
    );
    expect(stored).toEqual({ disabled: false, version: 1 });
  });

  it('does not let an admin remove their own admin role (409 CANNOT_REMOVE_OWN_ADMIN)', async () => {
    const own = t.tenantA.users.admin.id;
    const current = await t.app.inject({ method: 'GET', url: `/api/users/${own}`, headers: admin.headers });
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${own}`,
      headers: { ...admin.headers, 'if-match': String(current.headers.etag) },
      payload: { roles: ['team_lead'] },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('CANNOT_REMOVE_OWN_ADMIN');
    const after = await t.app.inject({ method: 'GET', url: `/api/users/${own}`, headers: admin.headers });
    expect(after.json().roles).toEqual(['admin']);
  });

  it('does not let an admin disable their own account (409 CANNOT_DISABLE_SELF)', async () => {
    const own = t.tenantA.users.admin.id;
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${own}`,
      headers: { ...admin.headers, 'if-match': '"1"' },
      payload: { disabled: true },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('CANNOT_DISABLE_SELF');
    const stored = await withTenant(t.database.owner, t.tenantA.id, (trx) =>
      trx
        .selectFrom('users')
        .select(['disabled', 'version'])
        .where('tenantId', '=', t.tenantA.id)
        .where('id', '=', own)
        .executeTakeFirstOrThrow(),
    );
    expect(stored).toEqual({ disabled: false, version: 1 });
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: admin.headers })).statusCode).toBe(200);
  });

  it('updates with If-Match (428 without, 412 stale) and a new password works at once', async () => {
    const missing = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${createdId}`,
      headers: admin.headers,
      payload: { displayName: 'Ohne If-Match' },
    });
    expect(missing.statusCode).toBe(428);
    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${createdId}`,
      headers: { ...admin.headers, 'if-match': '"5"' },
      payload: { displayName: 'Veraltet' },
    });
    expect(stale.statusCode).toBe(412);
    const ok = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${createdId}`,
      headers: { ...admin.headers, 'if-match': '"1"' },
      payload: { password: 'Neues-Passwort-2026!' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    expect(ok.body).not.toMatch(/password|argon2/i);
    const old = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `neu.${suffix}`, password: PASSWORD } });
    expect(old.statusCode).toBe(401);
    expect((await t.login(`neu.${suffix}`, 'Neues-Passwort-2026!')).userId).toBe(createdId);
  });

  describe('Idempotency-Key', () => {
    it('replays the same key with the same body: same user, 201, created once', async () => {
      const body = newUser('idem');
      const first = await create(body, { key: 'user-create-0001' });
      expect(first.statusCode, first.body).toBe(201);
      const second = await create(body, { key: 'user-create-0001' });
      expect(second.statusCode, second.body).toBe(201);
      expect(second.json().id).toBe(first.json().id);
      expect(second.json()).toEqual(first.json());
      expect(second.headers.etag).toBe('"1"');
      expect(second.headers.location).toBe(`/api/users/${first.json().id}`);
      expect(await usersNamed(t.tenantA.id, `idem.${suffix}`)).toHaveLength(1);
      // The stored answer holds no password either.
      const keys = await withTenant(t.database.owner, t.tenantA.id, (trx) =>
        trx
          .selectFrom('idempotencyKeys')
          .select(['body'])
          .where('tenantId', '=', t.tenantA.id)
          .where('key', '=', 'user-create-0001')
          .execute(),
      );
      expect(keys).toHaveLength(1);
      expect(JSON.stringify(keys)).not.toContain(PASSWORD);
      expect(JSON.stringify(keys)).not.toMatch(/argon2/i);
    });

    it('answers parallel retries with the same key with the one result (no 409 for the own request)', async () => {
      const body = newUser('parallel');
      const results = await Promise.all([1, 2, 3].map(() => create(body, { key: 'user-create-parallel' })));
      expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201]);
      const ids = new Set(results.map((r) => r.json().id));
      expect(ids.size).toBe(1);
      expect(await usersNamed(t.tenantA.id, `parallel.${suffix}`)).toEqual([{ id: [...ids][0] }]);
    });

    it('refuses the same key with another body with 422 IDEMPOTENCY_KEY_REUSED', async () => {
      const res = await create(newUser('idem2'), { key: 'user-create-0001' });
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await usersNamed(t.tenantA.id, `idem2.${suffix}`)).toEqual([]);
    });

    it('scopes keys per user: another admin may use the same key for their own request', async () => {
      const res = await create(newUser('idem3'), { session: adminB, key: 'user-create-0001' });
      expect(res.statusCode, res.body).toBe(201);
      expect(await usersNamed(t.tenantB.id, `idem3.${suffix}`)).toHaveLength(1);
    });

    it('rejects a malformed key with 400 INVALID_IDEMPOTENCY_KEY and creates nothing', async () => {
      for (const key of ['mit leerzeichen', 'ä-umlaut', 'x'.repeat(101), '']) {
        const res = await create(newUser('idem4'), { key });
        expect(res.statusCode, JSON.stringify(key)).toBe(400);
        expect(res.json().code).toBe('INVALID_IDEMPOTENCY_KEY');
      }
      expect(await usersNamed(t.tenantA.id, `idem4.${suffix}`)).toEqual([]);
    });
  });
});
