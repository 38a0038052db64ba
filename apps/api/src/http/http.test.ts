import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../testing';

/** HTTP conventions do not depend on the database backend: PGlite is enough here. */
describe('HTTP conventions', () => {
  let t: TestApp;
  let cm: Session;

  beforeAll(async () => {
    t = await createTestApp('pglite');
    cm = await t.login(t.tenantA.users.case_manager.username);
  });
  afterAll(async () => t?.close());

  const expectSecurityHeaders = (headers: Record<string, unknown>) => {
    const csp = String(headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(String(headers['strict-transport-security'])).toMatch(/^max-age=(\d+)/);
    expect(Number(/max-age=(\d+)/.exec(String(headers['strict-transport-security']))?.[1])).toBeGreaterThanOrEqual(15_552_000);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['cache-control']).toBe('no-store');
  };

  describe('security headers', () => {
    it('are set on an API answer with person data', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/persons/search', headers: cm.headers, payload: { query: 'niemand' } });
      expect(res.statusCode, res.body).toBe(200);
      expectSecurityHeaders(res.headers);
    });

    it('are set on error answers too', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/auth/session' });
      expect(res.statusCode).toBe(401);
      expectSecurityHeaders(res.headers);
      const missing = await t.app.inject({ method: 'GET', url: '/api/gibt-es-nicht' });
      expectSecurityHeaders(missing.headers);
    });
  });

  describe('routes', () => {
    it('GET /api/health answers 200 with the database kind, without login', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/health' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ status: 'ok', database: 'pglite' });
    });

    it('an unknown /api route is 404 problem+json ROUTE_NOT_FOUND', async () => {
      for (const [method, url] of [
        ['GET', '/api/gibt-es-nicht'],
        ['POST', '/api/persons/unbekannt/aktion'],
        ['DELETE', '/api/persons'],
      ] as const) {
        const res = await t.app.inject({ method, url });
        expect(res.statusCode, `${method} ${url}`).toBe(404);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        const body = res.json();
        expect(body).toEqual({
          type: 'https://lotse.invalid/problems/route-not-found',
          title: 'Diese Adresse gibt es nicht.',
          status: 404,
          code: 'ROUTE_NOT_FOUND',
        });
      }
    });

    it('GET /api/docs/json is an OpenAPI 3.1 document listing the main routes', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
      expect(res.statusCode).toBe(200);
      const doc = res.json();
      expect(String(doc.openapi).startsWith('3.1')).toBe(true);
      const paths = Object.keys(doc.paths);
      for (const path of ['/api/persons/search', '/api/persons/{id}', '/api/households/{id}', '/api/users', '/api/audit/changes']) {
        expect(paths, path).toContain(path);
      }
      expect(Object.keys(doc.paths['/api/persons/{id}'])).toEqual(expect.arrayContaining(['get', 'patch']));
      expect(doc.paths['/api/persons/search'].post.requestBody).toBeTruthy();
      expect(doc.components.securitySchemes.session).toEqual({ type: 'apiKey', in: 'cookie', name: '__Host-lotse_session' });
    });
  });

  describe('problem answers', () => {
    it('are German by default and English with Accept-Language: en', async () => {
      const de = await t.app.inject({ method: 'GET', url: '/api/auth/session' });
      expect(de.json()).toMatchObject({ code: 'UNAUTHENTICATED', title: 'Bitte melden Sie sich an.', status: 401 });
      const en = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { 'accept-language': 'en' } });
      expect(en.json()).toMatchObject({ code: 'UNAUTHENTICATED', title: 'Please log in.', status: 401 });
      const notFound = await t.app.inject({ method: 'GET', url: '/api/nirgends', headers: { 'accept-language': 'en-GB,en;q=0.9' } });
      expect(notFound.json().title).toBe('This address does not exist.');
    });

    it('follow the weights of Accept-Language and fall back to German', async () => {
      const cases: [string, string][] = [
        ['de-DE,de;q=0.9,en;q=0.5', 'Bitte melden Sie sich an.'],
        ['en;q=0.4,de;q=0.8', 'Bitte melden Sie sich an.'],
        ['fr-FR,en;q=0.7', 'Please log in.'],
        ['fr-FR', 'Bitte melden Sie sich an.'],
      ];
      for (const [header, title] of cases) {
        const res = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { 'accept-language': header } });
        expect(res.json().title, header).toBe(title);
      }
    });

    it('translate validation messages of fields as well', async () => {
      const payload = { customerNumber: 'falsch', firstName: 'A', lastName: 'B', birthDate: '1990-01-01', sex: 'female' };
      const de = await t.app.inject({ method: 'POST', url: '/api/persons', headers: cm.headers, payload });
      const en = await t.app.inject({ method: 'POST', url: '/api/persons', headers: { ...cm.headers, 'accept-language': 'en' }, payload });
      expect(de.statusCode).toBe(400);
      expect(en.statusCode).toBe(400);
      expect(de.json().title).toBe('Die Eingaben sind nicht gültig.');
      expect(en.json().title).toBe('The input is not valid.');
      expect(de.json().errors.map((e: { field: string }) => e.field)).toEqual(['customerNumber']);
      const tooLong = { ...payload, customerNumber: '123D000001', firstName: 'x'.repeat(101) };
      const deLong = await t.app.inject({ method: 'POST', url: '/api/persons', headers: cm.headers, payload: tooLong });
      const enLong = await t.app.inject({
        method: 'POST',
        url: '/api/persons',
        headers: { ...cm.headers, 'accept-language': 'en' },
        payload: tooLong,
      });
      expect(deLong.json().errors).toEqual([{ field: 'firstName', code: 'too_big', message: expect.any(String) }]);
      expect(enLong.json().errors[0].message).not.toBe(deLong.json().errors[0].message);
      expect(enLong.json().errors[0].message).toMatch(/too big|100/i);
    });

    it('map malformed JSON, a wrong content type and an oversized body to stable codes', async () => {
      const malformed = await t.app.inject({
        method: 'POST',
        url: '/api/persons/search',
        headers: { ...cm.headers, 'content-type': 'application/json' },
        payload: '{"query": ',
      });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().code).toBe('MALFORMED_JSON');
      const wrongType = await t.app.inject({
        method: 'POST',
        url: '/api/persons/search',
        headers: { ...cm.headers, 'content-type': 'text/plain' },
        payload: 'query=mueller',
      });
      expect(wrongType.statusCode).toBe(415);
      expect(wrongType.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
      const huge = await t.app.inject({
        method: 'POST',
        url: '/api/persons/search',
        headers: { ...cm.headers, 'content-type': 'application/json' },
        payload: JSON.stringify({ query: 'x'.repeat(300 * 1024) }),
      });
      expect(huge.statusCode).toBe(413);
      expect(huge.json().code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('turn a database failure into 500 INTERNAL without SQL, table names or a stack trace', async () => {
      const db = t.database.owner;
      // PGlite: owner and app share one connection acting as lotse_app; the owner steps out of that role briefly.
      await sql`reset role`.execute(db);
      await sql`alter table persons rename to persons_weg`.execute(db);
      await sql`set role lotse_app`.execute(db);
      let res: Awaited<ReturnType<typeof t.app.inject>>;
      try {
        res = await t.app.inject({ method: 'GET', url: '/api/persons/00000000-0000-4000-8000-000000000000', headers: cm.headers });
      } finally {
        await sql`reset role`.execute(db);
        await sql`alter table persons_weg rename to persons`.execute(db);
        await sql`set role lotse_app`.execute(db);
      }
      expect(res.statusCode).toBe(500);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json()).toEqual({
        type: 'https://lotse.invalid/problems/internal',
        title: 'Ein interner Fehler ist aufgetreten.',
        status: 500,
        code: 'INTERNAL',
      });
      expect(res.body).not.toMatch(/persons|relation|select|from|stack|\.ts:|at /i);
      expectSecurityHeaders(res.headers);

      // Back to normal afterwards.
      const after = await t.app.inject({ method: 'POST', url: '/api/persons/search', headers: cm.headers, payload: { query: 'niemand' } });
      expect(after.statusCode).toBe(200);
    });
  });
});
