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

  it('hides the person from another tenant (404)', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/persons/${personId}`, headers: cmB.headers });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
