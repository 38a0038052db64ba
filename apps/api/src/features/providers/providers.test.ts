import { randomUUID } from 'node:crypto';
import { withTenant } from '@lotse/db';
import { SERVICE_TYPES } from '@lotse/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../testing';
import { call, expectOk, seedCaseInPlanning } from '../cases/testing';
import { ensureTenantCaseDefaults } from '../catalogue/service';
import { seedProviderWithOffer } from './testing';

/** The app's clock in these tests: 10 March 2026, 11:00 in Germany. */
const NOW = new Date('2026-03-10T10:00:00Z');
const TODAY = '2026-03-10';

const HOME = { latitude: 52.0, longitude: 10.0 };

/** Independent haversine (same radius as the domain) to check the distances the search reports. */
function haversineKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }) {
  const r = 6371.0088;
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.latitude - a.latitude) * rad) / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(((b.longitude - a.longitude) * rad) / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(h));
}
/** A point `km` kilometres north of HOME. */
const northOfHome = (km: number) => ({ latitude: HOME.latitude + (km / 6371.0088) * (180 / Math.PI), longitude: HOME.longitude });

const location = (point: { latitude: number; longitude: number }, label = 'Beratungsstelle') => ({
  label,
  street: 'Marktplatz',
  houseNumber: '2',
  postalCode: '12345',
  city: 'Lotsenbach',
  ...point,
});

describe.each(['pglite', 'postgres'] as const)('providers, offers, search, handbook and overdue feedback on %s', (kind) => {
  let t: TestApp;
  let coordinator: Session;
  let cm: Session;
  let teamLead: Session;
  let providerStaff: Session;
  let coordinatorB: Session;
  let personCounter = 0;

  async function newPerson(birthDate = '1985-03-04') {
    personCounter++;
    const res = await call(t, cm, 'POST', '/api/persons', {
      customerNumber: `456D${String(personCounter).padStart(6, '0')}`,
      firstName: 'Petra',
      lastName: `Suchend${personCounter}`,
      birthDate,
      sex: 'female',
      city: 'Lotsenbach',
    });
    await expectOk(res, 201);
    return res.json().id as string;
  }

  async function locatePerson(personId: string, point: { latitude: number; longitude: number } | null) {
    await withTenant(t.database.owner, t.tenantA.id, (trx) =>
      trx
        .updateTable('persons')
        .set({ latitude: point?.latitude ?? null, longitude: point?.longitude ?? null })
        .where('tenantId', '=', t.tenantA.id)
        .where('id', '=', personId)
        .execute(),
    );
  }

  async function insertConsent(
    personId: string,
    caseId: string,
    providerId: string,
    dates: { givenOn?: string; validUntil?: string | null; revokedOn?: string | null } = {},
  ) {
    const id = randomUUID();
    await withTenant(t.database.owner, t.tenantA.id, (trx) =>
      trx
        .insertInto('consents')
        .values({
          tenantId: t.tenantA.id,
          id,
          personId,
          caseId,
          providerId,
          categories: ['attendance', 'process_steps'],
          purpose: 'Abstimmung der Beratung',
          form: 'written',
          givenOn: dates.givenOn ?? '2026-01-01',
          validUntil: dates.validUntil ?? null,
          revokedOn: dates.revokedOn ?? null,
          counselled: ['content', 'effects', 'scope', 'voluntariness', 'benefit'],
          recordedBy: t.tenantA.users.case_manager.id,
        })
        .execute(),
    );
    return id;
  }

  async function insertReferral(
    target: { caseId: string; personId: string; offerId: string; providerId: string; consentId: string | null },
    state: { status: string; sentOn?: string | null; acceptedOn?: string | null; startedOn?: string | null; lastReportOn?: string | null },
  ) {
    const id = randomUUID();
    await withTenant(t.database.owner, t.tenantA.id, (trx) =>
      trx
        .insertInto('referrals')
        .values({
          tenantId: t.tenantA.id,
          id,
          ...target,
          status: state.status,
          sentOn: state.sentOn ?? null,
          acceptedOn: state.acceptedOn ?? null,
          startedOn: state.startedOn ?? null,
          lastReportOn: state.lastReportOn ?? null,
          goalIds: [],
          createdBy: t.tenantA.users.case_manager.id,
        })
        .execute(),
    );
    return id;
  }

  const offerBody = (providerId: string, extra: Record<string, unknown> = {}) => ({
    providerId,
    name: 'Schuldnerberatung Mitte',
    description: 'Offene Sprechstunde und Einzelberatung',
    serviceType: 'debt_counselling',
    targetGroups: ['all'],
    capacity: 12,
    capacityUnit: 'places',
    capacityPeriod: 'month',
    waitingDays: 14,
    financingModel: 'specialist_hours',
    priceCents: 6500,
    priceUnit: 'Fachleistungsstunde',
    contacts: [{ name: 'Frau Berater', function: 'Leitung', phone: '0301234567', email: 'beratung@example.org' }],
    locations: [location(northOfHome(2))],
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestApp(kind, { now: () => NOW });
    coordinator = await t.login(t.tenantA.users.coordinator.username);
    cm = await t.login(t.tenantA.users.case_manager.username);
    teamLead = await t.login(t.tenantA.users.team_lead.username);
    providerStaff = await t.login(t.tenantA.users.provider_staff.username);
    coordinatorB = await t.login(t.tenantB.users.coordinator.username);
  });
  afterAll(async () => t?.close());

  // ——— providers ———

  it('creates, reads and changes providers with ETag, Location, If-Match and idempotency', async () => {
    const key = { 'idempotency-key': `provider-${kind}-1` };
    const body = { name: 'Diakonie Lotsenbach', street: 'Kirchweg', houseNumber: '4', postalCode: '12345', city: 'Lotsenbach' };
    const created = await call(t, coordinator, 'POST', '/api/providers', body, key);
    await expectOk(created, 201);
    const provider = created.json();
    expect(provider).toMatchObject({ ...body, active: true, offerCount: 0, version: 1, phone: null, website: null });
    expect(created.headers.etag).toBe('"1"');
    expect(created.headers.location).toBe(`/api/providers/${provider.id}`);

    const replay = await call(t, coordinator, 'POST', '/api/providers', body, key);
    expect(replay.statusCode).toBe(201);
    expect(replay.json().id).toBe(provider.id);
    const reused = await call(t, coordinator, 'POST', '/api/providers', { ...body, name: 'Anderer Name' }, key);
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('IDEMPOTENCY_KEY_REUSED');

    const list = await call(t, cm, 'GET', '/api/providers');
    await expectOk(list);
    expect(list.json().items.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([provider.id, t.tenantA.providerId]));

    const read = await call(t, cm, 'GET', `/api/providers/${provider.id}`);
    await expectOk(read);
    expect(read.headers.etag).toBe('"1"');

    const url = `/api/providers/${provider.id}`;
    expect((await call(t, coordinator, 'PATCH', url, { phone: '0301111' })).statusCode).toBe(428);
    expect((await call(t, coordinator, 'PATCH', url, { phone: '0301111' }, { 'if-match': '"7"' })).statusCode).toBe(412);
    const patched = await call(t, coordinator, 'PATCH', url, { phone: '0301111', street: null }, { 'if-match': '"1"' });
    await expectOk(patched);
    expect(patched.json()).toMatchObject({ phone: '0301111', street: null, houseNumber: '4', version: 2 });
    expect(patched.headers.etag).toBe('"2"');
  });

  it('refuses a duplicate provider name with 409 CONFLICT on the field name', async () => {
    const first = await call(t, coordinator, 'POST', '/api/providers', { name: 'Caritas Lotsenbach' });
    await expectOk(first, 201);
    const duplicate = await call(t, coordinator, 'POST', '/api/providers', { name: 'Caritas Lotsenbach' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('CONFLICT');
    expect(duplicate.json().errors).toEqual([expect.objectContaining({ field: 'name' })]);

    const other = await call(t, coordinator, 'POST', '/api/providers', { name: 'AWO Lotsenbach' });
    await expectOk(other, 201);
    const rename = await call(
      t,
      coordinator,
      'PATCH',
      `/api/providers/${other.json().id}`,
      { name: 'Caritas Lotsenbach' },
      { 'if-match': '"1"' },
    );
    expect(rename.statusCode).toBe(409);
    expect(rename.json().errors[0].field).toBe('name');

    // The same name in another Jobcenter is fine.
    await expectOk(await call(t, coordinatorB, 'POST', '/api/providers', { name: 'Caritas Lotsenbach' }), 201);
  });

  // ——— cooperation agreements ———

  it('creates cooperation agreements and checks provider and validity', async () => {
    const provider = (await call(t, coordinator, 'POST', '/api/providers', { name: 'Suchthilfe Nord' })).json();
    const body = {
      providerId: provider.id,
      title: 'Kooperationsvereinbarung Suchtberatung 2026',
      validFrom: '2026-01-01',
      validUntil: '2026-12-31',
      answerDays: 3,
      startDays: 14,
      interimReportDays: 60,
      feedbackProcedure: 'Rückmeldung über das Trägerportal',
    };
    const unknown = await call(t, coordinator, 'POST', '/api/cooperation-agreements', { ...body, providerId: randomUUID() });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([expect.objectContaining({ field: 'providerId', code: 'unknown_provider' })]);
    const reversed = await call(t, coordinator, 'POST', '/api/cooperation-agreements', { ...body, validUntil: '2025-12-31' });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors).toEqual([expect.objectContaining({ field: 'validUntil' })]);

    const key = { 'idempotency-key': `agreement-${kind}` };
    const created = await call(t, coordinator, 'POST', '/api/cooperation-agreements', body, key);
    await expectOk(created, 201);
    const agreement = created.json();
    expect(agreement).toMatchObject({
      provider: { id: provider.id, name: 'Suchthilfe Nord' },
      answerDays: 3,
      validUntil: '2026-12-31',
      qualityStandards: null,
      version: 1,
    });
    expect(created.headers.location).toBe(`/api/cooperation-agreements/${agreement.id}`);
    expect((await call(t, coordinator, 'POST', '/api/cooperation-agreements', body, key)).json().id).toBe(agreement.id);

    const list = await call(t, cm, 'GET', `/api/cooperation-agreements?providerId=${provider.id}`);
    await expectOk(list);
    expect(list.json().items.map((a: { id: string }) => a.id)).toEqual([agreement.id]);
    const read = await call(t, teamLead, 'GET', `/api/cooperation-agreements/${agreement.id}`);
    await expectOk(read);
    expect(read.headers.etag).toBe('"1"');

    const url = `/api/cooperation-agreements/${agreement.id}`;
    expect((await call(t, coordinator, 'PATCH', url, { answerDays: 4 })).statusCode).toBe(428);
    const bad = await call(t, coordinator, 'PATCH', url, { validFrom: '2027-01-01' }, { 'if-match': '"1"' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('validUntil');
    const patched = await call(t, coordinator, 'PATCH', url, { answerDays: 4, validUntil: null }, { 'if-match': '"1"' });
    await expectOk(patched);
    expect(patched.json()).toMatchObject({ answerDays: 4, validUntil: null, version: 2 });
    expect((await call(t, coordinator, 'PATCH', url, { answerDays: 5 }, { 'if-match': '"1"' })).statusCode).toBe(412);
  });

  // ——— offers ———

  it('creates offers with locations and contacts, and checks provider and agreement', async () => {
    const own = await seedProviderWithOffer(t, coordinator);
    const other = await seedProviderWithOffer(t, coordinator);

    const unknown = await call(t, coordinator, 'POST', '/api/offers', offerBody(randomUUID()));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ field: 'providerId', code: 'unknown_provider' });
    const foreign = await call(t, coordinator, 'POST', '/api/offers', offerBody(own.providerId, { agreementId: other.agreementId }));
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0]).toMatchObject({ field: 'agreementId', code: 'other_provider' });
    const noLocation = await call(t, coordinator, 'POST', '/api/offers', offerBody(own.providerId, { locations: [] }));
    expect(noLocation.statusCode).toBe(400);

    const key = { 'idempotency-key': `offer-${kind}` };
    const body = offerBody(own.providerId, {
      agreementId: own.agreementId,
      locations: [location(northOfHome(2), 'Mitte'), { ...location(northOfHome(4), 'Außenstelle'), accessible: true }],
    });
    const created = await call(t, coordinator, 'POST', '/api/offers', body, key);
    await expectOk(created, 201);
    const offer = created.json();
    expect(created.headers.etag).toBe('"1"');
    expect(created.headers.location).toBe(`/api/offers/${offer.id}`);
    expect(offer).toMatchObject({
      provider: { id: own.providerId, name: own.providerName },
      agreement: { id: own.agreementId },
      serviceType: 'debt_counselling',
      capacity: 12,
      occupied: 0,
      freeCapacity: 12,
      contacts: [{ name: 'Frau Berater', function: 'Leitung', phone: '0301234567', email: 'beratung@example.org' }],
      active: true,
      version: 1,
    });
    expect(offer.locations.map((l: { label: string; accessible: boolean }) => [l.label, l.accessible])).toEqual([
      ['Mitte', false],
      ['Außenstelle', true],
    ]);
    expect(offer.locations[0].latitude).toBeCloseTo(northOfHome(2).latitude, 10);
    expect((await call(t, coordinator, 'POST', '/api/offers', body, key)).json().id).toBe(offer.id);

    const read = await call(t, cm, 'GET', `/api/offers/${offer.id}`);
    await expectOk(read);
    expect(read.headers.etag).toBe('"1"');
    expect(read.json()).toEqual(offer);

    const provider = await call(t, cm, 'GET', `/api/providers/${own.providerId}`);
    expect(provider.json().offerCount).toBe(2);
  });

  it('changes offers: locations replaced as a whole, If-Match, agreement of the same provider, list filters', async () => {
    const own = await seedProviderWithOffer(t, coordinator, { serviceType: 'insolvency_counselling' });
    const other = await seedProviderWithOffer(t, coordinator);
    const url = `/api/offers/${own.offerId}`;
    expect((await call(t, coordinator, 'PATCH', url, { name: 'Neu' })).statusCode).toBe(428);
    expect((await call(t, coordinator, 'PATCH', url, { name: 'Neu' }, { 'if-match': '"3"' })).statusCode).toBe(412);
    const foreign = await call(t, coordinator, 'PATCH', url, { agreementId: other.agreementId }, { 'if-match': '"1"' });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].field).toBe('agreementId');

    const patched = await call(
      t,
      coordinator,
      'PATCH',
      url,
      {
        name: 'Insolvenzberatung Süd',
        agreementId: null,
        locations: [location(northOfHome(8), 'Neue Stelle')],
        contacts: [{ name: 'Herr Neu' }],
        capacity: null,
      },
      { 'if-match': '"1"' },
    );
    await expectOk(patched);
    expect(patched.json()).toMatchObject({
      name: 'Insolvenzberatung Süd',
      agreement: null,
      capacity: null,
      freeCapacity: null,
      contacts: [{ name: 'Herr Neu', function: null, phone: null, email: null }],
      version: 2,
    });
    expect(patched.json().locations.map((l: { label: string }) => l.label)).toEqual(['Neue Stelle']);

    const deactivated = await call(t, coordinator, 'PATCH', url, { active: false }, { 'if-match': '"2"' });
    await expectOk(deactivated);

    const ids = async (query: string) =>
      ((await call(t, cm, 'GET', `/api/offers${query}`)).json().items as Array<{ id: string }>).map((o) => o.id);
    expect(await ids(`?providerId=${own.providerId}`)).toEqual([]);
    expect(await ids(`?providerId=${own.providerId}&active=false`)).toEqual([own.offerId]);
    expect(await ids(`?providerId=${own.providerId}&active=all`)).toEqual([own.offerId]);
    expect(await ids('?serviceType=insolvency_counselling&active=all')).toContain(own.offerId);
    expect(await ids('?serviceType=debt_counselling&active=all')).not.toContain(own.offerId);
    expect(await ids('')).toContain(other.offerId);
    const unknownQuery = await call(t, cm, 'GET', '/api/offers?colour=blue');
    expect(unknownQuery.statusCode).toBe(400);
  });

  it('keeps the statistics fields of an offer: measure begin rule and planned duration', async () => {
    const own = await seedProviderWithOffer(t, coordinator);
    const plain = await call(t, coordinator, 'GET', `/api/offers/${own.offerId}`);
    expect(plain.json()).toMatchObject({ measureBeginRule: 'start', plannedDurationDays: null });

    const body = offerBody(own.providerId, {
      serviceType: 'addiction_counselling',
      measureBeginRule: 'first_appointment',
      plannedDurationDays: 180,
    });
    const created = await call(t, coordinator, 'POST', '/api/offers', body);
    await expectOk(created, 201);
    expect(created.json()).toMatchObject({ measureBeginRule: 'first_appointment', plannedDurationDays: 180 });
    const url = `/api/offers/${created.json().id}`;

    for (const bad of [
      { plannedDurationDays: 0 },
      { plannedDurationDays: 1096 },
      { plannedDurationDays: 30.5 },
      { measureBeginRule: 'end' },
    ]) {
      const res = await call(t, coordinator, 'PATCH', url, bad, { 'if-match': '"1"' });
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().errors[0].field).toBe(Object.keys(bad)[0]);
    }
    const changed = await call(
      t,
      coordinator,
      'PATCH',
      url,
      { measureBeginRule: 'start', plannedDurationDays: 1095 },
      { 'if-match': '"1"' },
    );
    await expectOk(changed);
    expect(changed.json()).toMatchObject({ measureBeginRule: 'start', plannedDurationDays: 1095, version: 2 });
    const cleared = await call(t, coordinator, 'PATCH', url, { plannedDurationDays: null }, { 'if-match': '"2"' });
    await expectOk(cleared);
    expect(cleared.json()).toMatchObject({ measureBeginRule: 'start', plannedDurationDays: null });
    const listed = (await call(t, cm, 'GET', `/api/offers?providerId=${own.providerId}`)).json().items;
    expect(listed.find((o: { id: string }) => o.id === created.json().id)).toMatchObject({ plannedDurationDays: null });
    const log = await withTenant(t.database.owner, t.tenantA.id, async (trx) =>
      trx
        .selectFrom('changeLog')
        .select(['before', 'after'])
        .where('entity', '=', 'offer')
        .where('entityId', '=', created.json().id)
        .where('action', '=', 'update')
        .orderBy('seq')
        .execute(),
    );
    expect(log[0]?.before).toMatchObject({ measureBeginRule: 'first_appointment', plannedDurationDays: 180 });
    expect(log[0]?.after).toMatchObject({ measureBeginRule: 'start', plannedDurationDays: 1095 });
  });

  it('counts accepted and started referrals as occupied places', async () => {
    const seeded = await seedProviderWithOffer(t, coordinator, { capacity: 2, serviceType: 'childcare_care' });
    const personId = await newPerson();
    const { caseId } = await seedCaseInPlanning(t, cm, personId);
    const consentId = await insertConsent(personId, caseId, seeded.providerId);
    const target = { caseId, personId, offerId: seeded.offerId, providerId: seeded.providerId, consentId };
    await insertReferral(target, { status: 'accepted', sentOn: TODAY, acceptedOn: TODAY });
    await insertReferral(target, { status: 'sent', sentOn: TODAY });
    await insertReferral(target, { status: 'completed', sentOn: '2026-01-01', startedOn: '2026-01-05' });
    let offer = (await call(t, cm, 'GET', `/api/offers/${seeded.offerId}`)).json();
    expect(offer).toMatchObject({ capacity: 2, occupied: 1, freeCapacity: 1 });
    await insertReferral(target, { status: 'started', sentOn: TODAY, acceptedOn: TODAY, startedOn: TODAY });
    await insertReferral(target, { status: 'started', sentOn: TODAY, acceptedOn: TODAY, startedOn: TODAY });
    offer = (await call(t, cm, 'GET', `/api/offers?providerId=${seeded.providerId}`)).json().items[0];
    expect(offer).toMatchObject({ occupied: 3, freeCapacity: 0 });
  });

  // ——— roles and tenants ———

  it('lets only coordinators maintain the catalogue and keeps provider staff out', async () => {
    const seeded = await seedProviderWithOffer(t, coordinator);
    const forbidden = await call(t, cm, 'POST', '/api/offers', offerBody(seeded.providerId));
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().code).toBe('FORBIDDEN');
    expect((await call(t, cm, 'POST', '/api/providers', { name: 'Fallmanagement-Träger' })).statusCode).toBe(403);
    expect((await call(t, teamLead, 'PATCH', `/api/handbook/debt_counselling`, { title: 'x' }, { 'if-match': '"1"' })).statusCode).toBe(
      403,
    );
    expect((await call(t, cm, 'GET', '/api/cooperation/overdue')).statusCode).toBe(403);
    await expectOk(await call(t, teamLead, 'GET', '/api/cooperation/overdue'));
    await expectOk(await call(t, cm, 'GET', '/api/offers'));
    // Benefits officers read cases and the handbook, but not the offer catalogue.
    const benefits = await t.login(t.tenantA.users.benefits_officer.username);
    await expectOk(await call(t, benefits, 'GET', '/api/handbook'));
    expect((await call(t, benefits, 'GET', '/api/offers')).statusCode).toBe(403);

    const requests: Array<[method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown]> = [
      ['GET', '/api/providers'],
      ['POST', '/api/providers', { name: 'Portal-Träger' }],
      ['GET', `/api/providers/${seeded.providerId}`],
      ['PATCH', `/api/providers/${seeded.providerId}`, { city: 'X' }],
      ['GET', '/api/cooperation-agreements'],
      [
        'POST',
        '/api/cooperation-agreements',
        { providerId: seeded.providerId, title: 'x', validFrom: TODAY, answerDays: 5, startDays: 21, interimReportDays: 90 },
      ],
      ['GET', `/api/cooperation-agreements/${seeded.agreementId}`],
      ['PATCH', `/api/cooperation-agreements/${seeded.agreementId}`, { answerDays: 4 }],
      ['GET', '/api/offers'],
      ['POST', '/api/offers', offerBody(seeded.providerId)],
      ['GET', `/api/offers/${seeded.offerId}`],
      ['PATCH', `/api/offers/${seeded.offerId}`, { name: 'x' }],
      ['GET', `/api/offers/search?caseId=${randomUUID()}`],
      ['GET', '/api/handbook'],
      ['GET', '/api/handbook/debt_counselling'],
      ['PATCH', '/api/handbook/debt_counselling', { title: 'x' }],
      ['GET', '/api/cooperation/overdue'],
    ];
    for (const [method, url, body] of requests) {
      const res = await call(t, providerStaff, method, url, body, { 'if-match': '"1"' });
      expect([method, url, res.statusCode, res.json().code]).toEqual([method, url, 403, 'FORBIDDEN']);
    }
  });

  it("isolates tenants: another Jobcenter neither sees nor changes tenant A's providers, agreements and offers", async () => {
    const seeded = await seedProviderWithOffer(t, coordinator, { serviceType: 'sgb3_45_activation' });
    const targets: Array<[url: string, change: Record<string, unknown>]> = [
      [`/api/providers/${seeded.providerId}`, { name: 'Übernommen' }],
      [`/api/cooperation-agreements/${seeded.agreementId}`, { answerDays: 4 }],
      [`/api/offers/${seeded.offerId}`, { name: 'Übernommen' }],
    ];
    for (const [url, change] of targets) {
      const read = await call(t, coordinatorB, 'GET', url);
      expect([url, read.statusCode]).toEqual([url, 404]);
      const write = await call(t, coordinatorB, 'PATCH', url, change, { 'if-match': '"1"' });
      expect([url, write.statusCode]).toEqual([url, 404]);
    }

    const foreignProvider = await call(t, coordinatorB, 'POST', '/api/offers', offerBody(seeded.providerId));
    expect(foreignProvider.statusCode).toBe(400);
    expect(foreignProvider.json().errors[0].field).toBe('providerId');
    const foreignAgreement = await call(
      t,
      coordinatorB,
      'POST',
      '/api/offers',
      offerBody(t.tenantB.providerId, { agreementId: seeded.agreementId }),
    );
    expect(foreignAgreement.statusCode).toBe(400);
    expect(foreignAgreement.json().errors[0].field).toBe('agreementId');

    const offersB = (await call(t, coordinatorB, 'GET', '/api/offers?active=all')).json().items as Array<{
      id: string;
      provider: { id: string };
    }>;
    expect(offersB.map((o) => o.id)).not.toContain(seeded.offerId);
    expect(offersB.every((o) => o.provider.id !== seeded.providerId)).toBe(true);
    const providersB = (await call(t, coordinatorB, 'GET', '/api/providers')).json().items as Array<{ id: string }>;
    expect(providersB.map((p) => p.id)).not.toContain(seeded.providerId);
    expect(providersB.map((p) => p.id)).toContain(t.tenantB.providerId);
    const agreementsB = (await call(t, coordinatorB, 'GET', '/api/cooperation-agreements')).json().items as Array<{ id: string }>;
    expect(agreementsB.map((a) => a.id)).not.toContain(seeded.agreementId);
    const offersByIdFilter = await call(t, coordinatorB, 'GET', `/api/offers?providerId=${seeded.providerId}&active=all`);
    expect(offersByIdFilter.json().items).toEqual([]);
  });

  // ——— search ———

  describe('offer search', () => {
    let personId: string;
    let caseId: string;
    const serviceType = 'housing_support';

    beforeAll(async () => {
      personId = await newPerson('1985-03-04');
      ({ caseId } = await seedCaseInPlanning(t, cm, personId));
      await locatePerson(personId, HOME);
    });

    async function search(query: string, session = cm) {
      const res = await call(t, session, 'GET', `/api/offers/search?caseId=${caseId}&serviceType=${serviceType}${query}`);
      await expectOk(res);
      return res.json() as {
        personLocated: boolean;
        personTargetGroups: string[];
        items: Array<{
          offer: { id: string; name: string; freeCapacity: number | null };
          distanceKm: number | null;
          nearestLocation: { label: string } | null;
          consentValid: boolean;
        }>;
      };
    }

    it('sorts by the distance of the nearest location, filters by distance, target group, capacity and activity', async () => {
      const near = await seedProviderWithOffer(t, coordinator, {
        serviceType,
        ...northOfHome(1),
        offerName: 'Z Wohnhilfe nah',
        capacity: 1,
      });
      const far = await seedProviderWithOffer(t, coordinator, {
        serviceType,
        ...northOfHome(5),
        offerName: 'A Wohnhilfe fern',
        capacity: null,
      });
      const u25 = await seedProviderWithOffer(t, coordinator, {
        serviceType,
        ...northOfHome(3),
        offerName: 'Wohnhilfe U25',
        targetGroups: ['u25'],
      });
      const inactiveOffer = await seedProviderWithOffer(t, coordinator, { serviceType, ...northOfHome(2), offerName: 'Wohnhilfe alt' });
      const inactiveProvider = await seedProviderWithOffer(t, coordinator, {
        serviceType,
        ...northOfHome(2),
        offerName: 'Wohnhilfe Träger weg',
      });
      await expectOk(await call(t, coordinator, 'PATCH', `/api/offers/${inactiveOffer.offerId}`, { active: false }, { 'if-match': '"1"' }));
      await expectOk(
        await call(t, coordinator, 'PATCH', `/api/providers/${inactiveProvider.providerId}`, { active: false }, { 'if-match': '"1"' }),
      );
      // A second location of the far offer, further away still: the nearest one counts.
      const farOffer = (await call(t, cm, 'GET', `/api/offers/${far.offerId}`)).json();
      await expectOk(
        await call(
          t,
          coordinator,
          'PATCH',
          `/api/offers/${far.offerId}`,
          { locations: [location(northOfHome(9), 'Außenstelle'), location(northOfHome(5), 'Hauptstelle')] },
          { 'if-match': `"${farOffer.version}"` },
        ),
      );

      // The catalogue lists offers of an inactive provider as inactive, never as active.
      const listed = async (active: string) =>
        (
          (await call(t, coordinator, 'GET', `/api/offers?serviceType=${serviceType}&active=${active}`)).json().items as { id: string }[]
        ).map((o) => o.id);
      expect(await listed('true')).not.toContain(inactiveProvider.offerId);
      expect(await listed('true')).not.toContain(inactiveOffer.offerId);
      expect(await listed('false')).toEqual(expect.arrayContaining([inactiveProvider.offerId, inactiveOffer.offerId]));
      expect(await listed('false')).not.toContain(near.offerId);

      const result = await search('');
      expect(result.personLocated).toBe(true);
      expect(result.personTargetGroups).toEqual([]);
      expect(result.items.map((h) => h.offer.id)).toEqual([near.offerId, far.offerId]);
      const expectedNear = Math.round(haversineKm(HOME, northOfHome(1)) * 10) / 10;
      const expectedFar = Math.round(haversineKm(HOME, northOfHome(5)) * 10) / 10;
      expect(result.items.map((h) => h.distanceKm)).toEqual([expectedNear, expectedFar]);
      expect([expectedNear, expectedFar]).toEqual([1, 5]);
      expect(result.items[1]?.nearestLocation?.label).toBe('Hauptstelle');

      // Target groups: the U25 offer is not for a 41-year-old unless the filter is off.
      const all = await search('&matchTargetGroup=false');
      expect(all.items.map((h) => h.offer.id)).toEqual([near.offerId, u25.offerId, far.offerId]);

      expect((await search('&maxDistanceKm=3')).items.map((h) => h.offer.id)).toEqual([near.offerId]);
      expect((await search('&maxDistanceKm=3&matchTargetGroup=false')).items.map((h) => h.offer.id)).toEqual([near.offerId, u25.offerId]);
      expect((await search('&limit=1')).items.map((h) => h.offer.id)).toEqual([near.offerId]);

      // Occupy the only place of the near offer: it drops out of "free capacity only"; no capacity on record stays.
      const consentId = await insertConsent(personId, caseId, near.providerId);
      await insertReferral(
        { caseId, personId, offerId: near.offerId, providerId: near.providerId, consentId },
        { status: 'accepted', sentOn: TODAY, acceptedOn: TODAY },
      );
      const free = await search('&freeCapacityOnly=true');
      expect(free.items.map((h) => h.offer.id)).toEqual([far.offerId]);
      expect(free.items[0]?.offer.freeCapacity).toBeNull();
      expect((await search('')).items.map((h) => [h.offer.id, h.offer.freeCapacity])).toEqual([
        [near.offerId, 0],
        [far.offerId, null],
      ]);

      // The read of the person is logged with purpose "referral".
      const reads = await withTenant(t.database.owner, t.tenantA.id, (trx) =>
        trx
          .selectFrom('readLog')
          .select(['purpose', 'actorId'])
          .where('tenantId', '=', t.tenantA.id)
          .where('personId', '=', personId)
          .where('purpose', '=', 'referral' as never)
          .execute(),
      );
      expect(reads.length).toBeGreaterThanOrEqual(7);
      expect(reads.every((r) => r.actorId === t.tenantA.users.case_manager.id)).toBe(true);
    });

    it('tells for which providers the person has a valid consent today', async () => {
      const st = 'sgb2_16k_health_coaching';
      const valid = await seedProviderWithOffer(t, coordinator, { serviceType: st, ...northOfHome(1) });
      const revoked = await seedProviderWithOffer(t, coordinator, { serviceType: st, ...northOfHome(2) });
      const expired = await seedProviderWithOffer(t, coordinator, { serviceType: st, ...northOfHome(3) });
      const future = await seedProviderWithOffer(t, coordinator, { serviceType: st, ...northOfHome(4) });
      const otherPerson = await seedProviderWithOffer(t, coordinator, { serviceType: st, ...northOfHome(5) });
      await insertConsent(personId, caseId, valid.providerId, { givenOn: TODAY, validUntil: TODAY });
      await insertConsent(personId, caseId, revoked.providerId, { revokedOn: TODAY });
      await insertConsent(personId, caseId, expired.providerId, { validUntil: '2026-03-09' });
      await insertConsent(personId, caseId, future.providerId, { givenOn: '2026-03-11' });
      const someoneElse = await newPerson();
      const { caseId: otherCase } = await seedCaseInPlanning(t, cm, someoneElse);
      await insertConsent(someoneElse, otherCase, otherPerson.providerId);

      const res = await call(t, teamLead, 'GET', `/api/offers/search?caseId=${caseId}&serviceType=${st}`);
      await expectOk(res);
      const flags = res
        .json()
        .items.map((h: { offer: { provider: { id: string } }; consentValid: boolean }) => [h.offer.provider.id, h.consentValid]);
      expect(flags).toEqual([
        [valid.providerId, true],
        [revoked.providerId, false],
        [expired.providerId, false],
        [future.providerId, false],
        [otherPerson.providerId, false],
      ]);
    });

    it('sorts by name when the person has no coordinates', async () => {
      const st = 'sgb2_16i_social_participation';
      const b = await seedProviderWithOffer(t, coordinator, { serviceType: st, ...northOfHome(1), offerName: 'Beta Teilhabe' });
      const a = await seedProviderWithOffer(t, coordinator, { serviceType: st, ...northOfHome(9), offerName: 'Alpha Teilhabe' });
      const homeless = await newPerson();
      const { caseId: unlocated } = await seedCaseInPlanning(t, cm, homeless);
      const res = await call(t, cm, 'GET', `/api/offers/search?caseId=${unlocated}&serviceType=${st}&maxDistanceKm=1`);
      await expectOk(res);
      expect(res.json().personLocated).toBe(false);
      expect(
        res
          .json()
          .items.map((h: { offer: { id: string }; distanceKm: null; nearestLocation: null }) => [
            h.offer.id,
            h.distanceKm,
            h.nearestLocation,
          ]),
      ).toEqual([
        [a.offerId, null, null],
        [b.offerId, null, null],
      ]);
    });

    it('answers 404 for an unknown case or one of another Jobcenter, and 403 to coordinators', async () => {
      expect((await call(t, cm, 'GET', `/api/offers/search?caseId=${randomUUID()}`)).statusCode).toBe(404);
      const cmB = await t.login(t.tenantB.users.case_manager.username);
      expect((await call(t, cmB, 'GET', `/api/offers/search?caseId=${caseId}`)).statusCode).toBe(404);
      expect((await call(t, coordinator, 'GET', `/api/offers/search?caseId=${caseId}`)).statusCode).toBe(403);
      expect((await call(t, cm, 'GET', '/api/offers/search')).statusCode).toBe(400);
    });
  });

  // ——— handbook ———

  it('seeds twelve handbook pages per tenant, edits one with If-Match and keeps the edit on re-seeding', async () => {
    const list = await call(t, cm, 'GET', '/api/handbook');
    await expectOk(list);
    expect(list.json().items.map((p: { serviceType: string }) => p.serviceType)).toEqual([...SERVICE_TYPES]);
    expect(list.json().items).toHaveLength(12);

    const page = await call(t, cm, 'GET', '/api/handbook/language_course');
    await expectOk(page);
    expect(page.headers.etag).toBe('"1"');
    expect(page.json().checklists.length).toBeGreaterThan(0);
    expect((await call(t, cm, 'GET', '/api/handbook/unknown_type')).statusCode).toBe(400);

    const url = '/api/handbook/language_course';
    const change = { title: 'Sprachförderung in Lotsenbach', checklists: [{ title: 'Vor Ort', items: ['Kursträger anrufen'] }] };
    expect((await call(t, coordinator, 'PATCH', url, change)).statusCode).toBe(428);
    expect((await call(t, coordinator, 'PATCH', url, change, { 'if-match': '"2"' })).statusCode).toBe(412);
    const patched = await call(t, coordinator, 'PATCH', url, change, { 'if-match': '"1"' });
    await expectOk(patched);
    expect(patched.json()).toMatchObject({ ...change, summary: page.json().summary, version: 2 });
    expect(patched.headers.etag).toBe('"2"');

    await withTenant(t.database.owner, t.tenantA.id, (trx) => ensureTenantCaseDefaults(trx, t.tenantA.id));
    const after = await call(t, cm, 'GET', '/api/handbook');
    expect(after.json().items).toHaveLength(12);
    expect(after.json().items.find((p: { serviceType: string }) => p.serviceType === 'language_course')).toMatchObject(change);

    // Tenant B's page is untouched.
    const pageB = await call(t, coordinatorB, 'GET', url);
    expect(pageB.json()).toMatchObject({ title: page.json().title, version: 1 });
  });

  // ——— overdue feedback ———

  it('lists overdue feedback per provider with the deadlines of the offer’s agreement, due today not overdue', async () => {
    const withAgreement = await seedProviderWithOffer(t, coordinator, {
      serviceType: 'psychosocial_support',
      providerName: 'Überfällig-Träger mit Vereinbarung',
      agreement: { answerDays: 3, startDays: 10, interimReportDays: 30, validFrom: '2026-01-01' },
    });
    // Other agreements of the same provider: an older one and one not yet valid. The current one is the 2026 one.
    for (const [validFrom, title] of [
      ['2025-01-01', 'Alte Vereinbarung'],
      ['2026-06-01', 'Künftige Vereinbarung'],
    ] as const) {
      await expectOk(
        await call(t, coordinator, 'POST', '/api/cooperation-agreements', {
          providerId: withAgreement.providerId,
          title,
          validFrom,
          answerDays: 90,
          startDays: 180,
          interimReportDays: 365,
        }),
        201,
      );
    }
    const without = (await call(t, coordinator, 'POST', '/api/providers', { name: 'Überfällig-Träger ohne Vereinbarung' })).json();
    const withoutOffer = await call(t, coordinator, 'POST', '/api/offers', offerBody(without.id, { serviceType: 'psychosocial_support' }));
    await expectOk(withoutOffer, 201);

    const personId = await newPerson();
    const { caseId } = await seedCaseInPlanning(t, cm, personId);
    const a = {
      caseId,
      personId,
      offerId: withAgreement.offerId,
      providerId: withAgreement.providerId,
      consentId: await insertConsent(personId, caseId, withAgreement.providerId),
    };
    const b = {
      caseId,
      personId,
      offerId: withoutOffer.json().id,
      providerId: without.id,
      consentId: await insertConsent(personId, caseId, without.id),
    };

    const answerLate = await insertReferral(a, { status: 'sent', sentOn: '2026-03-06' }); // due 03-09
    await insertReferral(a, { status: 'sent', sentOn: '2026-03-07' }); // due today
    const startLate = await insertReferral(a, { status: 'accepted', sentOn: '2026-02-20', acceptedOn: '2026-02-27' }); // due 03-09
    await insertReferral(a, { status: 'accepted', sentOn: '2026-02-20', acceptedOn: '2026-02-28' }); // due today
    const reportLate = await insertReferral(a, {
      status: 'started',
      sentOn: '2026-01-10',
      acceptedOn: '2026-01-20',
      startedOn: '2026-02-01',
    }); // due 03-03
    await insertReferral(a, {
      status: 'started',
      sentOn: '2025-12-01',
      acceptedOn: '2025-12-10',
      startedOn: '2026-01-01',
      lastReportOn: '2026-02-08',
    }); // due today
    await insertReferral(a, { status: 'completed', sentOn: '2025-01-01', acceptedOn: '2025-01-02', startedOn: '2025-01-03' });
    await insertReferral(a, { status: 'draft' });
    // Without an agreement the default deadlines hold (answer within 5 days).
    const defaultLate = await insertReferral(b, { status: 'sent', sentOn: '2026-03-04' }); // due 03-09
    await insertReferral(b, { status: 'sent', sentOn: '2026-03-05' }); // due today

    const res = await call(t, coordinator, 'GET', '/api/cooperation/overdue');
    await expectOk(res);
    const body = res.json();
    expect(body.today).toBe(TODAY);
    expect(res.body).not.toContain('Suchend');

    const entryA = body.providers.find((p: { provider: { id: string } }) => p.provider.id === withAgreement.providerId);
    expect(entryA.agreement).toEqual({
      id: withAgreement.agreementId,
      title: `Kooperationsvereinbarung ${withAgreement.providerName}`,
      answerDays: 3,
      startDays: 10,
      interimReportDays: 30,
    });
    expect(entryA.openReferrals).toBe(6);
    const cmRef = { id: t.tenantA.users.case_manager.id, displayName: expect.any(String) };
    expect(entryA.overdue).toEqual([
      {
        referralId: reportLate,
        offer: { id: withAgreement.offerId, name: `Angebot von ${withAgreement.providerName}` },
        status: 'started',
        sentOn: '2026-01-10',
        caseManager: cmRef,
        overdue: { kind: 'report', dueOn: '2026-03-03', daysOverdue: 7 },
      },
      ...[
        {
          referralId: answerLate,
          status: 'sent',
          sentOn: '2026-03-06',
          overdue: { kind: 'answer', dueOn: '2026-03-09', daysOverdue: 1 },
        },
        {
          referralId: startLate,
          status: 'accepted',
          sentOn: '2026-02-20',
          overdue: { kind: 'start', dueOn: '2026-03-09', daysOverdue: 1 },
        },
      ]
        .sort((x, y) => x.referralId.localeCompare(y.referralId))
        .map((e) => ({
          ...e,
          offer: { id: withAgreement.offerId, name: `Angebot von ${withAgreement.providerName}` },
          caseManager: cmRef,
        })),
    ]);
    expect(entryA.overdue[0].caseManager.displayName).toBe(`case_manager ${t.tenantA.users.case_manager.username.split('.')[1]}`);

    const entryB = body.providers.find((p: { provider: { id: string } }) => p.provider.id === without.id);
    expect(entryB).toMatchObject({ agreement: null, openReferrals: 2 });
    expect(entryB.overdue.map((o: { referralId: string; overdue: unknown }) => [o.referralId, o.overdue])).toEqual([
      [defaultLate, { kind: 'answer', dueOn: '2026-03-09', daysOverdue: 1 }],
    ]);

    // Providers are listed by name; tenant B sees none of this.
    const names = body.providers.map((p: { provider: { name: string } }) => p.provider.name);
    expect(names).toEqual([...names].sort((x: string, y: string) => x.localeCompare(y, 'de')));
    const resB = await call(t, coordinatorB, 'GET', '/api/cooperation/overdue');
    await expectOk(resB);
    expect(resB.json().providers.map((p: { provider: { id: string } }) => p.provider.id)).not.toContain(withAgreement.providerId);
  });
});
