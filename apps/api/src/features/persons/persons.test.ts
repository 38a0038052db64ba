import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../testing';

const newPerson = (overrides: Record<string, unknown> = {}) => ({
  customerNumber: '123D000001',
  firstName: 'Jürgen',
  lastName: 'Müller-Lüdenscheidt',
  birthDate: '1975-04-12',
  sex: 'male',
  postalCode: '34567',
  city: 'Lotsenbach',
  street: 'Bahnhofstraße',
  houseNumber: '3a',
  ...overrides,
});

describe.each(['pglite', 'postgres'] as const)('persons on %s', (kind) => {
  let t: TestApp;
  let cm: Session;
  let cmB: Session;
  let personId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    cm = await t.login(t.tenantA.users.case_manager.username);
    cmB = await t.login(t.tenantB.users.case_manager.username);
  });
  afterAll(async () => t?.close());

  it('creates a person and returns it with ETag and Location', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/persons', headers: cm.headers, payload: newPerson() });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    personId = body.id;
    expect(res.headers.etag).toBe('"1"');
    expect(res.headers.location).toBe(`/api/persons/${personId}`);
    expect(body.targetGroups).toEqual(['ue50']);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('finds the person by name parts regardless of umlaut spelling and case', async () => {
    for (const query of ['mueller', 'MÜLLER jürgen', 'Muller Jurgen', 'lüdensch', '12.04.1975', '123D0000']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/persons/search', headers: cm.headers, payload: { query } });
      expect(res.statusCode, res.body).toBe(200);
      expect(
        res.json().items.map((p: { id: string }) => p.id),
        query,
      ).toContain(personId);
    }
  });

  it('updates with If-Match and rejects a stale version with 412', async () => {
    const ok = await t.app.inject({
      method: 'PATCH',
      url: `/api/persons/${personId}`,
      headers: { ...cm.headers, 'if-match': '"1"' },
      payload: { city: 'Auenfeld' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/persons/${personId}`,
      headers: { ...cm.headers, 'if-match': '"1"' },
      payload: { city: 'Hohenmoor' },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('PRECONDITION_FAILED');
  });

  it('lets exactly one of two concurrent updates with the same version win; the other gets 412 and nothing is lost', async () => {
    const current = await t.app.inject({ method: 'GET', url: `/api/persons/${personId}`, headers: cm.headers });
    const etag = String(current.headers.etag);
    const [first, second] = await Promise.all(
      ['0511 111111', '0511 222222'].map((phone) =>
        t.app.inject({
          method: 'PATCH',
          url: `/api/persons/${personId}`,
          headers: { ...cm.headers, 'if-match': etag },
          payload: { phone },
        }),
      ),
    );
    const statuses = [first?.statusCode, second?.statusCode].sort();
    expect(statuses).toEqual([200, 412]);
    const winner = first?.statusCode === 200 ? first : second;
    const after = await t.app.inject({ method: 'GET', url: `/api/persons/${personId}`, headers: cm.headers });
    expect(after.json().phone).toBe(winner?.json().phone);
    expect(after.json().version).toBe(current.json().version + 1);
  });

  it('rejects a personal contact who is not active staff of the tenant', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/persons/${personId}`,
      headers: {
        ...cm.headers,
        'if-match': `"${(await t.app.inject({ method: 'GET', url: `/api/persons/${personId}`, headers: cm.headers })).json().version}"`,
      },
      payload: { personalContactId: t.tenantB.users.case_manager.id },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('personalContactId');
  });

  it('sets a personal contact from the staff list', async () => {
    const staff = await t.app.inject({ method: 'GET', url: '/api/staff', headers: cm.headers });
    const contact = staff.json().items.find((s: { id: string }) => s.id === t.tenantA.users.case_manager.id);
    expect(contact).toBeTruthy();
    const current = await t.app.inject({ method: 'GET', url: `/api/persons/${personId}`, headers: cm.headers });
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/persons/${personId}`,
      headers: { ...cm.headers, 'if-match': String(current.headers.etag) },
      payload: { personalContactId: contact.id },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().personalContact).toEqual({ id: contact.id, displayName: contact.displayName });
  });

  it('refuses a duplicate customer number with 409 and keeps one person', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: cm.headers,
      payload: newPerson({ firstName: 'Zweite' }),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('DUPLICATE_CUSTOMER_NUMBER');
    const search = await t.app.inject({
      method: 'POST',
      url: '/api/persons/search',
      headers: cm.headers,
      payload: { query: '123D000001' },
    });
    expect(search.json().items).toHaveLength(1);
  });

  it('pages through search results with a cursor', async () => {
    for (let i = 2; i <= 5; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/persons',
        headers: cm.headers,
        payload: newPerson({ customerNumber: `123D00000${i}`, firstName: `Kind${i}`, lastName: 'Weiß' }),
      });
      expect(res.statusCode).toBe(201);
    }
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/persons/search',
      headers: cm.headers,
      payload: { query: 'weiss', limit: 3 },
    });
    const page1 = first.json();
    expect(page1.items).toHaveLength(3);
    expect(page1.page.nextCursor).toBeTruthy();
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/persons/search',
      headers: cm.headers,
      payload: { query: 'weiss', limit: 3, cursor: page1.page.nextCursor },
    });
    const page2 = second.json();
    expect(page2.items).toHaveLength(1);
    expect(page2.page.nextCursor).toBeNull();
    const names = [...page1.items, ...page2.items].map((p: { firstName: string }) => p.firstName);
    expect(names).toEqual(['Kind2', 'Kind3', 'Kind4', 'Kind5']);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/persons/search',
      headers: cm.headers,
      payload: { query: 'weiss', cursor: 'kaputt' },
    });
    expect(bad.json().code).toBe('INVALID_CURSOR');
  });

  it('matches name parts at word starts only', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/persons/search', headers: cm.headers, payload: { query: 'eller' } });
    expect(res.json().items).toEqual([]);
  });

  it('hides the person from another tenant (404)', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/persons/${personId}`, headers: cmB.headers });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
