import { withTenant } from '@lotse/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, TEST_PASSWORD, type TestApp } from '../../testing';
import { hashToken, SESSION_COOKIE } from './service';

/** The raw session token inside a `name=value` cookie pair. */
const tokenOf = (cookie: string) => cookie.slice(cookie.indexOf('=') + 1);

describe.each(['pglite', 'postgres'] as const)('auth on %s', (kind) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t?.close());

  const login = (username: string, password: string, extra: { remoteAddress?: string; headers?: Record<string, string> } = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      ...(extra.remoteAddress ? { remoteAddress: extra.remoteAddress } : {}),
      ...(extra.headers ? { headers: extra.headers } : {}),
    });

  const sessionOf = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });

  const sessionRow = (cookie: string) =>
    t.database.owner
      .selectFrom('sessions')
      .selectAll()
      .where('tokenHash', '=', hashToken(tokenOf(cookie)))
      .executeTakeFirst();

  const countPersons = (tenantId: string) =>
    withTenant(t.database.owner, tenantId, async (trx) => {
      const row = await trx
        .selectFrom('persons')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('tenantId', '=', tenantId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    });

  describe('login', () => {
    it('sets a __Host- session cookie: HttpOnly, Secure, SameSite=Strict, Path=/, no Domain', async () => {
      const res = await login(t.tenantA.users.case_manager.username, TEST_PASSWORD);
      expect(res.statusCode, res.body).toBe(200);
      const header = res.headers['set-cookie'];
      const cookies = Array.isArray(header) ? header : [String(header)];
      expect(cookies).toHaveLength(1);
      const [pair = '', ...attributes] = (cookies[0] ?? '').split(';').map((part) => part.trim());
      expect(pair.startsWith(`${SESSION_COOKIE}=`)).toBe(true);
      expect(tokenOf(pair).length).toBeGreaterThanOrEqual(40);
      const names = attributes.map((a) => a.split('=')[0]?.toLowerCase());
      expect(names).toContain('httponly');
      expect(names).toContain('secure');
      expect(attributes).toContain('SameSite=Strict');
      expect(attributes).toContain('Path=/');
      expect(names).not.toContain('domain');
      const body = res.json();
      expect(typeof body.csrfToken).toBe('string');
      expect(body.csrfToken.length).toBeGreaterThanOrEqual(20);
      expect(body.user).toEqual({
        id: t.tenantA.users.case_manager.id,
        username: t.tenantA.users.case_manager.username,
        displayName: expect.any(String),
        roles: ['case_manager'],
        providerId: null,
      });
      expect(body.tenant.id).toBe(t.tenantA.id);
      expect(JSON.stringify(body)).not.toContain(tokenOf(pair));
    });

    it('issues a new session id (and CSRF token) at every login', async () => {
      const first = await t.login(t.tenantA.users.case_manager.username);
      const second = await t.login(t.tenantA.users.case_manager.username);
      expect(first.cookie).not.toBe(second.cookie);
      expect(first.csrf).not.toBe(second.csrf);
      // The database keeps only a hash of the token, never the token itself.
      const row = await sessionRow(second.cookie);
      expect(row?.userId).toBe(t.tenantA.users.case_manager.id);
      expect(row?.tokenHash).not.toBe(tokenOf(second.cookie));
      const raw = await t.database.owner
        .selectFrom('sessions')
        .select('tokenHash')
        .where('tokenHash', '=', tokenOf(second.cookie))
        .execute();
      expect(raw).toHaveLength(0);
    });

    it('rejects a wrong password with 401 INVALID_CREDENTIALS in German', async () => {
      const res = await login(t.tenantA.users.provider_staff.username, 'falsches-Passwort-123');
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.headers['set-cookie']).toBeUndefined();
      const body = res.json();
      expect(body.code).toBe('INVALID_CREDENTIALS');
      expect(body.status).toBe(401);
      expect(body.title).toBe('Benutzername oder Passwort ist falsch.');
    });

    it('rejects an unknown user the same way, in English when asked', async () => {
      const res = await login('gibt-es-nicht', TEST_PASSWORD, { headers: { 'accept-language': 'en' } });
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const body = res.json();
      expect(body.code).toBe('INVALID_CREDENTIALS');
      expect(body.title).toBe('User name or password is wrong.');
    });
  });

  describe('session and logout', () => {
    it('GET /api/auth/session works before logout; the old cookie is refused afterwards', async () => {
      const s = await t.login(t.tenantA.users.case_manager.username);
      const before = await sessionOf(s.cookie);
      expect(before.statusCode, before.body).toBe(200);
      expect(before.json().user.id).toBe(t.tenantA.users.case_manager.id);
      expect(before.json().csrfToken).toBe(s.csrf);

      const logout = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers });
      expect(logout.statusCode, logout.body).toBe(204);
      expect(String(logout.headers['set-cookie'])).toMatch(new RegExp(`^${SESSION_COOKIE}=;`));
      expect(await sessionRow(s.cookie)).toBeUndefined();

      const after = await sessionOf(s.cookie);
      expect(after.statusCode).toBe(401);
      expect(after.json().code).toBe('UNAUTHENTICATED');
    });

    it('refuses a request without or with an invented session cookie', async () => {
      const none = await t.app.inject({ method: 'GET', url: '/api/auth/session' });
      expect(none.statusCode).toBe(401);
      expect(none.json().code).toBe('UNAUTHENTICATED');
      const invented = await sessionOf(`${SESSION_COOKIE}=erfundenes-token-ohne-sitzung-0123456789abcdef`);
      expect(invented.statusCode).toBe(401);
      expect(invented.json().code).toBe('UNAUTHENTICATED');
    });
  });

  describe('CSRF', () => {
    let cm: Session;
    beforeAll(async () => {
      cm = await t.login(t.tenantA.users.case_manager.username);
    });

    const person = {
      customerNumber: '123D777001',
      firstName: 'Clara',
      lastName: 'Csrf',
      birthDate: '1990-01-01',
      sex: 'female',
    };

    it('refuses a write without X-CSRF-Token with 403 CSRF_INVALID and changes nothing', async () => {
      const before = await countPersons(t.tenantA.id);
      const res = await t.app.inject({ method: 'POST', url: '/api/persons', headers: { cookie: cm.cookie }, payload: person });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('CSRF_INVALID');
      expect(await countPersons(t.tenantA.id)).toBe(before);
    });

    it('refuses a write with a wrong X-CSRF-Token (also the token of another session)', async () => {
      const other = await t.login(t.tenantA.users.case_manager.username);
      const before = await countPersons(t.tenantA.id);
      for (const token of ['falsch', `${cm.csrf}x`, other.csrf]) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/persons',
          headers: { cookie: cm.cookie, 'x-csrf-token': token },
          payload: person,
        });
        expect(res.statusCode, token).toBe(403);
        expect(res.json().code).toBe('CSRF_INVALID');
      }
      expect(await countPersons(t.tenantA.id)).toBe(before);
    });

    it('refuses a PATCH with a wrong token and keeps the record unchanged', async () => {
      const admin = await t.login(t.tenantA.users.admin.username);
      const target = t.tenantA.users.provider_staff.id;
      const res = await t.app.inject({
        method: 'PATCH',
        url: `/api/users/${target}`,
        headers: { cookie: admin.cookie, 'x-csrf-token': 'falsch', 'if-match': '"1"' },
        payload: { displayName: 'Umbenannt' },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('CSRF_INVALID');
      const user = await withTenant(t.database.owner, t.tenantA.id, (trx) =>
        trx
          .selectFrom('users')
          .select(['displayName', 'version'])
          .where('tenantId', '=', t.tenantA.id)
          .where('id', '=', target)
          .executeTakeFirstOrThrow(),
      );
      expect(user.version).toBe(1);
      expect(user.displayName).not.toBe('Umbenannt');
    });

    it('refuses logout without the token: the session stays alive', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: cm.cookie } });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('CSRF_INVALID');
      expect((await sessionOf(cm.cookie)).statusCode).toBe(200);
    });

    it('accepts the write with the right token', async () => {
      const before = await countPersons(t.tenantA.id);
      const res = await t.app.inject({ method: 'POST', url: '/api/persons', headers: cm.headers, payload: person });
      expect(res.statusCode, res.body).toBe(201);
      expect(await countPersons(t.tenantA.id)).toBe(before + 1);
    });
  });

  describe('login throttling', () => {
    it('locks user + address after 5 failures, briefly, without locking the user out from elsewhere', async () => {
      const username = t.tenantA.users.social_planner.username;
      const attacker = '203.0.113.7';
      for (let i = 1; i <= 4; i++) {
        const res = await login(username, `falsch-${i}-xxxxxxxx`, { remoteAddress: attacker });
        expect(res.statusCode, `attempt ${i}`).toBe(401);
        expect(res.json().code).toBe('INVALID_CREDENTIALS');
      }
      const fifth = await login(username, 'falsch-5-xxxxxxxx', { remoteAddress: attacker });
      expect(fifth.statusCode).toBe(429);
      expect(fifth.headers['content-type']).toContain('application/problem+json');
      expect(fifth.json().code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
      const retryAfter = Number(fifth.headers['retry-after']);
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(300);

      // While locked even the right password is refused from that address.
      const right = await login(username, TEST_PASSWORD, { remoteAddress: attacker });
      expect(right.statusCode).toBe(429);
      expect(right.json().code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
      expect(right.headers['set-cookie']).toBeUndefined();
      expect(Number(right.headers['retry-after'])).toBeLessThanOrEqual(300);

      // The colleague at their own desk is not locked out.
      const colleague = await login(username, TEST_PASSWORD, { remoteAddress: '198.51.100.23' });
      expect(colleague.statusCode, colleague.body).toBe(200);
      expect(colleague.json().user.id).toBe(t.tenantA.users.social_planner.id);

      // ... and their success does not lift the lock on the attacking address.
      const again = await login(username, TEST_PASSWORD, { remoteAddress: attacker });
      expect(again.statusCode).toBe(429);
    });

    it('does not count failures of one user against another user from the same address', async () => {
      const res = await login(t.tenantA.users.data_protection.username, TEST_PASSWORD, { remoteAddress: '203.0.113.7' });
      expect(res.statusCode, res.body).toBe(200);
    });
  });

  describe('timeouts', () => {
    it('ends a session after the idle timeout (401 SESSION_EXPIRED) and deletes it', async () => {
      const s = await t.login(t.tenantA.users.placement_officer.username);
      expect((await sessionOf(s.cookie)).statusCode).toBe(200);
      await t.database.owner
        .updateTable('sessions')
        .set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) })
        .where('tokenHash', '=', hashToken(tokenOf(s.cookie)))
        .execute();
      const res = await sessionOf(s.cookie);
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('SESSION_EXPIRED');
      expect(await sessionRow(s.cookie)).toBeUndefined();
      // Once deleted it is simply unknown.
      const next = await sessionOf(s.cookie);
      expect(next.statusCode).toBe(401);
      expect(next.json().code).toBe('UNAUTHENTICATED');
    });

    it('keeps a session that was active shortly before', async () => {
      const s = await t.login(t.tenantA.users.placement_officer.username);
      await t.database.owner
        .updateTable('sessions')
        .set({ lastSeenAt: new Date(Date.now() - 29 * 60_000) })
        .where('tokenHash', '=', hashToken(tokenOf(s.cookie)))
        .execute();
      expect((await sessionOf(s.cookie)).statusCode).toBe(200);
      // The request counted as activity.
      const row = await sessionRow(s.cookie);
      expect(Date.now() - (row?.lastSeenAt.getTime() ?? 0)).toBeLessThan(60_000);
    });

    it('ends a session after the absolute timeout even when active', async () => {
      const s = await t.login(t.tenantA.users.benefits_officer.username);
      await t.database.owner
        .updateTable('sessions')
        .set({ expiresAt: new Date(Date.now() - 1000), lastSeenAt: new Date() })
        .where('tokenHash', '=', hashToken(tokenOf(s.cookie)))
        .execute();
      const res = await sessionOf(s.cookie);
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('SESSION_EXPIRED');
      expect(await sessionRow(s.cookie)).toBeUndefined();
    });
  });

  describe('account changes end sessions', () => {
    let admin: Session;
    beforeAll(async () => {
      admin = await t.login(t.tenantA.users.admin.username);
    });

    const patchUser = async (id: string, payload: Record<string, unknown>) => {
      const current = await t.app.inject({ method: 'GET', url: `/api/users/${id}`, headers: admin.headers });
      expect(current.statusCode, current.body).toBe(200);
      return t.app.inject({
        method: 'PATCH',
        url: `/api/users/${id}`,
        headers: { ...admin.headers, 'if-match': String(current.headers.etag) },
        payload,
      });
    };

    it('disabling a user ends their sessions; a new login gets 403 ACCOUNT_DISABLED', async () => {
      const user = t.tenantA.users.team_lead;
      const s1 = await t.login(user.username);
      const s2 = await t.login(user.username);
      const res = await patchUser(user.id, { disabled: true });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().disabled).toBe(true);

      for (const s of [s1, s2]) {
        const old = await sessionOf(s.cookie);
        expect(old.statusCode).toBe(401);
        expect(old.json().code).toBe('UNAUTHENTICATED');
      }
      const rows = await t.database.owner.selectFrom('sessions').select('tokenHash').where('userId', '=', user.id).execute();
      expect(rows).toHaveLength(0);

      const again = await login(user.username, TEST_PASSWORD);
      expect(again.statusCode).toBe(403);
      expect(again.json().code).toBe('ACCOUNT_DISABLED');
      expect(again.headers['set-cookie']).toBeUndefined();

      // The admin's own session is untouched.
      expect((await sessionOf(admin.cookie)).statusCode).toBe(200);
    });

    it('changing roles ends the sessions; the next login carries the new roles', async () => {
      const user = t.tenantA.users.coordinator;
      const s = await t.login(user.username);
      expect((await sessionOf(s.cookie)).json().user.roles).toEqual(['coordinator']);
      const res = await patchUser(user.id, { roles: ['coordinator', 'team_lead'] });
      expect(res.statusCode, res.body).toBe(200);

      const old = await sessionOf(s.cookie);
      expect(old.statusCode).toBe(401);

      const fresh = await t.login(user.username);
      const view = await sessionOf(fresh.cookie);
      expect(view.statusCode).toBe(200);
      expect(view.json().user.roles).toEqual(['coordinator', 'team_lead']);
    });

    it('changing only the display name keeps the sessions', async () => {
      const user = t.tenantA.users.provider_staff;
      const s = await t.login(user.username);
      const res = await patchUser(user.id, { displayName: 'Neuer Anzeigename' });
      expect(res.statusCode, res.body).toBe(200);
      expect((await sessionOf(s.cookie)).statusCode).toBe(200);
    });
  });
});
