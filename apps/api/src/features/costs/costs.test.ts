import { withTenant } from '@lotse/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../testing';
import { call, expectOk } from '../cases/testing';
import { seedProviderWithOffer } from '../providers/testing';
import { createPerson, type ReferralSetup, seedReferralSetup, sentReferral } from '../referrals/testing';

const NOW = new Date('2026-05-15T10:00:00Z');

describe.each(['pglite', 'postgres'] as const)('offer year plans and charges on %s', (kind) => {
  let t: TestApp;
  let coordinator: Session;
  let planner: Session;
  let teamLead: Session;
  let cm: Session;
  let staff: Session;
  let coordinatorB: Session;
  let setup: ReferralSetup;
  const offers = { hours: '', modular: '', institutional: '', noPrice: '' };
  /** Started 2026-02-10, running. */
  let hoursReferral: string;
  /** Started 2026-01-05, completed 2026-03-20. */
  let endedReferral: string;
  /** Accepted, never started. */
  let acceptedReferral: string;
  let modularReferral: string;
  let institutionalReferral: string;

  const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

  /** A referral of the setup's case to `offerId`, accepted by the provider and, with `startedOn`, started (and ended). */
  async function referralTo(offerId: string, startedOn?: string, endedOn?: string): Promise<string> {
    let referral = await sentReferral(t, cm, { caseId: setup.caseId, offerId, consentId: setup.consentId });
    const steps: Array<Record<string, unknown>> = [{ action: 'accept' }];
    if (startedOn) steps.push({ action: 'start', startedOn });
    if (endedOn) steps.push({ action: 'complete', endedOn });
    for (const step of steps) {
      const res = await call(t, staff, 'POST', `/api/portal/referrals/${referral.id}/actions`, step, ifMatch(referral.version));
      await expectOk(res);
      referral = res.json();
    }
    return referral.id;
  }

  async function changeCount(entity: string) {
    return withTenant(t.database.owner, t.tenantA.id, async (trx) => {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from change_log where entity = ${entity}`.execute(trx);
      return rows[0]?.n ?? 0;
    });
  }

  async function chargeRows() {
    return withTenant(t.database.owner, t.tenantA.id, async (trx) => {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from referral_charges`.execute(trx);
      return rows[0]?.n ?? 0;
    });
  }

  const plan = (overrides: Record<string, unknown> = {}) => ({
    plannedCases: 40,
    plannedCostCents: 12_000_000,
    actualCostCents: null,
    sgb2SharePercent: 87.5,
    note: 'Zuwendungsbescheid vom 12.01.',
    ...overrides,
  });

  beforeAll(async () => {
    t = await createTestApp(kind, { now: () => NOW });
    coordinator = await t.login(t.tenantA.users.coordinator.username);
    planner = await t.login(t.tenantA.users.social_planner.username);
    teamLead = await t.login(t.tenantA.users.team_lead.username);
    cm = await t.login(t.tenantA.users.case_manager.username);
    staff = await t.login(t.tenantA.users.provider_staff.username);
    coordinatorB = await t.login(t.tenantB.users.coordinator.username);
    const providerId = t.tenantA.providerId;
    offers.hours = (await seedProviderWithOffer(t, coordinator, { providerId, priceCents: 6250 })).offerId;
    offers.modular = (await seedProviderWithOffer(t, coordinator, { providerId, financingModel: 'modular', priceCents: 12050 })).offerId;
    offers.institutional = (
      await seedProviderWithOffer(t, coordinator, { providerId, serviceType: 'addiction_counselling', financingModel: 'institutional' })
    ).offerId;
    offers.noPrice = (await seedProviderWithOffer(t, coordinator, { providerId })).offerId;
    setup = await seedReferralSetup(t, cm, await createPerson(t, cm, { lastName: 'Kostenprobe' }), { givenOn: '2025-01-02' });
    hoursReferral = await referralTo(offers.hours, '2026-02-10');
    endedReferral = await referralTo(offers.hours, '2026-01-05', '2026-03-20');
    acceptedReferral = await referralTo(offers.hours);
    modularReferral = await referralTo(offers.modular, '2026-04-01');
    institutionalReferral = await referralTo(offers.institutional, '2026-01-05');
    // Cases of the institutional offer in 2025: three ran in the year (one into 2026), one started only in 2026.
    await referralTo(offers.institutional, '2025-03-01', '2025-06-30');
    await referralTo(offers.institutional, '2025-11-03', '2026-01-31');
    await referralTo(offers.institutional, '2024-12-01', '2025-01-15');
  });
  afterAll(async () => t?.close());

  it('creates a year plan with PUT without If-Match, then replaces it only with the current version', async () => {
    const url = `/api/offers/${offers.hours}/years/2026`;
    const missing = await call(t, coordinator, 'GET', url);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().detail).toContain('noch keine Jahresplanung');
    const changesBefore = await changeCount('offer_year_plan');

    const created = await call(t, coordinator, 'PUT', url, plan());
    await expectOk(created, 201);
    expect(created.headers.etag).toBe('"1"');
    expect(created.headers.location).toBe(url);
    expect(created.json()).toMatchObject({
      offerId: offers.hours,
      year: 2026,
      plannedCases: 40,
      plannedCostCents: 12_000_000,
      actualCostCents: null,
      sgb2SharePercent: 87.5,
      note: 'Zuwendungsbescheid vom 12.01.',
      chargedCostCents: 0,
      averageCostPerCaseCents: null,
      version: 1,
    });

    const again = await call(t, coordinator, 'PUT', url, plan());
    expect(again.statusCode).toBe(428);
    expect(again.json().code).toBe('PRECONDITION_REQUIRED');
    const updated = await call(t, planner, 'PUT', url, plan({ actualCostCents: 5_000_050, note: null }), ifMatch(1));
    await expectOk(updated);
    expect(updated.headers.etag).toBe('"2"');
    expect(updated.json()).toMatchObject({ actualCostCents: 5_000_050, note: null, version: 2 });
    const stale = await call(t, coordinator, 'PUT', url, plan(), ifMatch(1));
    expect(stale.statusCode).toBe(412);
    const unreadable = await call(t, coordinator, 'PUT', url, plan(), { 'if-match': 'irgendwas' });
    expect(unreadable.statusCode).toBe(412);
    const notThere = await call(t, coordinator, 'PUT', `/api/offers/${offers.hours}/years/2030`, plan(), ifMatch(1));
    expect(notThere.statusCode).toBe(412);

    const read = await call(t, teamLead, 'GET', url);
    await expectOk(read);
    expect(read.headers.etag).toBe('"2"');
    expect(read.json().actualCostCents).toBe(5_000_050);
    expect(await changeCount('offer_year_plan')).toBe(changesBefore + 2);

    await expectOk(await call(t, coordinator, 'PUT', `/api/offers/${offers.hours}/years/2025`, plan({ plannedCases: 35 })), 201);
    const list = await call(t, planner, 'GET', `/api/offers/${offers.hours}/years`);
    await expectOk(list);
    expect(list.json().items.map((p: { year: number; plannedCases: number }) => [p.year, p.plannedCases])).toEqual([
      [2026, 40],
      [2025, 35],
    ]);
  });

  it('validates the year plan: amounts, percent with at most two decimals, the year, unknown fields', async () => {
    const url = `/api/offers/${offers.modular}/years/2026`;
    for (const body of [
      plan({ plannedCostCents: -1 }),
      plan({ plannedCostCents: 10.5 }),
      plan({ sgb2SharePercent: 100.01 }),
      plan({ plannedCases: -3 }),
      { ...plan(), budget: 1 },
    ]) {
      const res = await call(t, coordinator, 'PUT', url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    const precise = await call(t, coordinator, 'PUT', url, plan({ sgb2SharePercent: 33.333 }));
    expect(precise.statusCode).toBe(400);
    expect(precise.json().errors[0]).toMatchObject({ field: 'sgb2SharePercent', code: 'too_precise' });
    const badYear = await call(t, coordinator, 'PUT', `/api/offers/${offers.modular}/years/1999`, plan());
    expect(badYear.statusCode).toBe(400);
    const ok = await call(t, coordinator, 'PUT', url, plan({ sgb2SharePercent: 33.33 }));
    await expectOk(ok, 201);
    expect(ok.json().sgb2SharePercent).toBe(33.33);
  });

  it('lets only plan editors write year plans and offer readers plus planners read them', async () => {
    const url = `/api/offers/${offers.noPrice}/years/2026`;
    for (const role of ['case_manager', 'team_lead', 'admin', 'provider_staff'] as const) {
      const session = await t.login(t.tenantA.users[role].username);
      const res = await call(t, session, 'PUT', url, plan());
      expect(res.statusCode, role).toBe(403);
    }
    await expectOk(await call(t, planner, 'PUT', url, plan()), 201);
    for (const role of ['case_manager', 'placement_officer', 'coordinator', 'team_lead', 'admin', 'social_planner'] as const) {
      const session = await t.login(t.tenantA.users[role].username);
      await expectOk(await call(t, session, 'GET', url));
    }
    for (const role of ['provider_staff', 'benefits_officer', 'data_protection'] as const) {
      const session = await t.login(t.tenantA.users[role].username);
      expect((await call(t, session, 'GET', url)).statusCode, role).toBe(403);
    }
  });

  it('computes a charge as units × price and adds it to the year plan, without person data', async () => {
    const url = `/api/offers/${offers.hours}/charges`;
    const key = { 'idempotency-key': `charge-${kind}` };
    const body = { referralId: hoursReferral, serviceMonth: '2026-02', units: 1.5, note: 'Rechnung 4711' };
    const created = await call(t, coordinator, 'POST', url, body, key);
    await expectOk(created, 201);
    // 1.5 h × 62.50 € = 93.75 €
    expect(created.json()).toMatchObject({
      referralId: hoursReferral,
      referralReference: hoursReferral.slice(0, 8).toUpperCase(),
      serviceMonth: '2026-02',
      units: 1.5,
      amountCents: 9375,
      note: 'Rechnung 4711',
      recordedBy: { id: t.tenantA.users.coordinator.id },
    });
    const rows = await chargeRows();
    const replay = await call(t, coordinator, 'POST', url, body, key);
    await expectOk(replay, 201);
    expect(replay.json().id).toBe(created.json().id);
    expect(await chargeRows()).toBe(rows);

    // 0.25 h × 62.50 € = 15.625 € → 15.63 €; March of the ended referral (ended 2026-03-20)
    const second = await call(t, coordinator, 'POST', url, { referralId: endedReferral, serviceMonth: '2026-03', units: 0.25 });
    await expectOk(second, 201);
    expect(second.json().amountCents).toBe(1563);

    const list = await call(t, teamLead, 'GET', url, undefined);
    await expectOk(list);
    const data = list.json();
    expect(data.year).toBe(2026);
    expect(data.financingModel).toBe('specialist_hours');
    expect(data.priceCents).toBe(6250);
    expect(data.totalCents).toBe(9375 + 1563);
    expect(data.items.map((c: { serviceMonth: string; amountCents: number }) => [c.serviceMonth, c.amountCents])).toEqual([
      ['2026-03', 1563],
      ['2026-02', 9375],
    ]);
    const chargeable = data.chargeableReferrals as Array<{ id: string; startedOn: string; endedOn: string | null; chargedCents: number }>;
    expect(chargeable.map((r) => [r.id, r.startedOn, r.endedOn, r.chargedCents])).toEqual([
      [hoursReferral, '2026-02-10', null, 9375],
      [endedReferral, '2026-01-05', '2026-03-20', 1563],
    ]);
    expect(list.body).not.toContain('Kostenprobe');
    expect(list.body).not.toContain(setup.personId);

    const prior = await call(t, coordinator, 'GET', `${url}?year=2025`);
    await expectOk(prior);
    expect(prior.json()).toMatchObject({ year: 2025, items: [], totalCents: 0, chargeableReferrals: [] });

    const yearPlan = await call(t, coordinator, 'GET', `/api/offers/${offers.hours}/years/2026`);
    expect(yearPlan.json().chargedCostCents).toBe(9375 + 1563);
    const log = await withTenant(t.database.owner, t.tenantA.id, async (trx) => {
      const { rows } = await sql<{ after: { amountCents: number; priceCents: number } }>`
        select after from change_log where entity = 'referral_charge' and entity_id = ${created.json().id}`.execute(trx);
      return rows;
    });
    expect(log).toHaveLength(1);
    expect(log[0]?.after).toMatchObject({ amountCents: 9375, priceCents: 6250, units: 1.5 });
  });

  it('charges modules in whole units only', async () => {
    const url = `/api/offers/${offers.modular}/charges`;
    const half = await call(t, coordinator, 'POST', url, { referralId: modularReferral, serviceMonth: '2026-04', units: 1.5 });
    expect(half.statusCode).toBe(400);
    expect(half.json().errors[0]).toMatchObject({ field: 'units', code: 'invalid_units' });
    const three = await call(t, coordinator, 'POST', url, { referralId: modularReferral, serviceMonth: '2026-04', units: 3 });
    await expectOk(three, 201);
    // 3 modules × 120.50 € = 361.50 €
    expect(three.json().amountCents).toBe(36150);
  });

  it('cancels a charge once by a reversal (Storno) of the same month with a reason, so that every total nets out', async () => {
    const url = `/api/offers/${offers.modular}/charges`;
    const charged = async () => (await call(t, coordinator, 'GET', `/api/offers/${offers.modular}/years/2026`)).json().chargedCostCents;
    const listed = async () => (await call(t, coordinator, 'GET', url)).json();
    if ((await call(t, coordinator, 'GET', `/api/offers/${offers.modular}/years/2026`)).statusCode === 404) {
      await expectOk(await call(t, coordinator, 'PUT', `/api/offers/${offers.modular}/years/2026`, plan()), 201);
    }
    const before = { charged: await charged(), total: (await listed()).totalCents };
    const wrong = await call(t, coordinator, 'POST', url, { referralId: modularReferral, serviceMonth: '2026-05', units: 2 });
    await expectOk(wrong, 201);
    expect(wrong.json()).toMatchObject({ amountCents: 24100, reversesChargeId: null, reason: null, reversedByChargeId: null });
    const id = wrong.json().id as string;

    const key = { 'idempotency-key': `reversal-${kind}` };
    const reversal = await call(t, coordinator, 'POST', `${url}/${id}/reversal`, { reason: '  Rechnung vom Träger storniert ' }, key);
    await expectOk(reversal, 201);
    expect(reversal.json()).toMatchObject({
      referralId: modularReferral,
      serviceMonth: '2026-05',
      units: -2,
      amountCents: -24100,
      reversesChargeId: id,
      reason: 'Rechnung vom Träger storniert',
      reversedByChargeId: null,
      recordedBy: { id: t.tenantA.users.coordinator.id },
    });
    const rows = await chargeRows();
    const replay = await call(t, coordinator, 'POST', `${url}/${id}/reversal`, { reason: '  Rechnung vom Träger storniert ' }, key);
    expect(replay.json().id).toBe(reversal.json().id);
    expect(await chargeRows()).toBe(rows);

    const list = await listed();
    expect(list.totalCents).toBe(before.total);
    expect(await charged()).toBe(before.charged);
    const original = list.items.find((c: { id: string }) => c.id === id);
    expect(original.reversedByChargeId).toBe(reversal.json().id);
    const referral = list.chargeableReferrals.find((r: { id: string }) => r.id === modularReferral);
    expect(referral.chargedCents).toBe(before.total);

    // Once only, never a reversal of a reversal, a reason is required, only charges of this offer.
    const refused = [
      [`${url}/${id}/reversal`, { reason: 'nochmal' }, 409, 'CHARGE_ALREADY_REVERSED'],
      [`${url}/${reversal.json().id}/reversal`, { reason: 'zurück' }, 409, 'CHARGE_IS_REVERSAL'],
      [`/api/offers/${offers.hours}/charges/${id}/reversal`, { reason: 'falsches Angebot' }, 404, 'NOT_FOUND'],
      [`${url}/${t.tenantA.providerId}/reversal`, { reason: 'unbekannt' }, 404, 'NOT_FOUND'],
      [`${url}/${id}/reversal`, { reason: '   ' }, 400, 'VALIDATION_FAILED'],
      [`${url}/${id}/reversal`, {}, 400, 'VALIDATION_FAILED'],
    ] as const;
    for (const [path, body, status, code] of refused) {
      const res = await call(t, coordinator, 'POST', path, body);
      expect(res.statusCode, `${path} ${JSON.stringify(body)}`).toBe(status);
      expect(res.json().code).toBe(code);
    }
    const blank = await call(t, coordinator, 'POST', `${url}/${id}/reversal`, { reason: '   ' });
    expect(blank.json().errors[0].field).toBe('reason');
    for (const role of ['team_lead', 'social_planner', 'case_manager', 'provider_staff'] as const) {
      const session = await t.login(t.tenantA.users[role].username);
      expect((await call(t, session, 'POST', `${url}/${id}/reversal`, { reason: 'x' })).statusCode, role).toBe(403);
    }
    expect((await call(t, coordinatorB, 'POST', `${url}/${id}/reversal`, { reason: 'fremd' })).statusCode).toBe(404);
    expect(await chargeRows()).toBe(rows);
    const log = await withTenant(t.database.owner, t.tenantA.id, async (trx) => {
      const { rows } = await sql<{ after: Record<string, unknown> }>`
        select after from change_log where entity = 'referral_charge' and entity_id = ${reversal.json().id}`.execute(trx);
      return rows;
    });
    expect(log.map((r) => r.after)).toEqual([
      expect.objectContaining({ reversesChargeId: id, amountCents: -24100, reason: 'Rechnung vom Träger storniert' }),
    ]);
  });

  it('refuses charges for institutional offers and offers without a price with 409', async () => {
    const before = await chargeRows();
    const institutional = await call(t, coordinator, 'POST', `/api/offers/${offers.institutional}/charges`, {
      referralId: institutionalReferral,
      serviceMonth: '2026-02',
      units: 1,
    });
    expect(institutional.statusCode).toBe(409);
    expect(institutional.json().code).toBe('CHARGES_NOT_FOR_INSTITUTIONAL');
    expect(institutional.json().title).toContain('institutionell gefördert');
    const list = await call(t, coordinator, 'GET', `/api/offers/${offers.institutional}/charges?year=2026`);
    await expectOk(list);
    expect(list.json()).toMatchObject({ financingModel: 'institutional', items: [], chargeableReferrals: [] });

    const noPriceReferral = await referralTo(offers.noPrice, '2026-03-01');
    const noPrice = await call(t, coordinator, 'POST', `/api/offers/${offers.noPrice}/charges`, {
      referralId: noPriceReferral,
      serviceMonth: '2026-03',
      units: 2,
    });
    expect(noPrice.statusCode).toBe(409);
    expect(noPrice.json().code).toBe('OFFER_PRICE_MISSING');
    expect(noPrice.json().title).toContain('Preis fehlt');
    expect(await chargeRows()).toBe(before);
  });

  it('takes a charge only for a started referral of this offer, in a month of its run and not in the future', async () => {
    const url = `/api/offers/${offers.hours}/charges`;
    const before = await chargeRows();
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ referralId: modularReferral, serviceMonth: '2026-04', units: 1 }, 'referralId', 'other_offer'],
      [{ referralId: '00000000-0000-4000-8000-000000000001', serviceMonth: '2026-04', units: 1 }, 'referralId', 'other_offer'],
      [{ referralId: acceptedReferral, serviceMonth: '2026-04', units: 1 }, 'referralId', 'not_started'],
      [{ referralId: hoursReferral, serviceMonth: '2026-01', units: 1 }, 'serviceMonth', 'before_start'],
      [{ referralId: hoursReferral, serviceMonth: '2026-06', units: 1 }, 'serviceMonth', 'in_future'],
      [{ referralId: endedReferral, serviceMonth: '2026-04', units: 1 }, 'serviceMonth', 'after_end'],
      [{ referralId: hoursReferral, serviceMonth: '2026-05', units: 1.005 }, 'units', 'invalid_units'],
    ];
    for (const [body, field, code] of cases) {
      const res = await call(t, coordinator, 'POST', url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors[0], JSON.stringify(body)).toMatchObject({ field, code });
    }
    for (const body of [
      { referralId: hoursReferral, serviceMonth: '2026-13', units: 1 },
      { referralId: hoursReferral, serviceMonth: '2026-05-01', units: 1 },
      { referralId: hoursReferral, serviceMonth: '2026-05', units: 0 },
      { referralId: hoursReferral, serviceMonth: '2026-05', units: -2 },
      { referralId: hoursReferral, serviceMonth: '2026-05', units: 10_001 },
    ]) {
      expect((await call(t, coordinator, 'POST', url, body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    // The current month is fine.
    await expectOk(await call(t, coordinator, 'POST', url, { referralId: hoursReferral, serviceMonth: '2026-05', units: 2 }), 201);
    expect(await chargeRows()).toBe(before + 1);
  });

  it('lets coordinators record charges, coordinators and team leads read them, nobody else', async () => {
    const url = `/api/offers/${offers.hours}/charges`;
    const body = { referralId: hoursReferral, serviceMonth: '2026-04', units: 1 };
    for (const role of ['team_lead', 'social_planner', 'case_manager', 'admin', 'provider_staff'] as const) {
      const session = await t.login(t.tenantA.users[role].username);
      expect((await call(t, session, 'POST', url, body)).statusCode, role).toBe(403);
    }
    for (const role of ['social_planner', 'case_manager', 'admin', 'provider_staff'] as const) {
      const session = await t.login(t.tenantA.users[role].username);
      expect((await call(t, session, 'GET', url)).statusCode, role).toBe(403);
    }
  });

  it("keeps tenants apart: another tenant's coordinator finds neither the offer's plans nor its charges", async () => {
    const before = await chargeRows();
    for (const [method, url, body] of [
      ['GET', `/api/offers/${offers.hours}/years`, undefined],
      ['GET', `/api/offers/${offers.hours}/years/2026`, undefined],
      ['PUT', `/api/offers/${offers.hours}/years/2027`, plan()],
      ['GET', `/api/offers/${offers.hours}/charges`, undefined],
      ['POST', `/api/offers/${offers.hours}/charges`, { referralId: hoursReferral, serviceMonth: '2026-04', units: 1 }],
    ] as const) {
      const res = await call(t, coordinatorB, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    // Tenant B's own offer cannot be charged with tenant A's referral.
    const own = await seedProviderWithOffer(t, coordinatorB, { providerId: t.tenantB.providerId, priceCents: 5000 });
    const crossed = await call(t, coordinatorB, 'POST', `/api/offers/${own.offerId}/charges`, {
      referralId: hoursReferral,
      serviceMonth: '2026-04',
      units: 1,
    });
    expect(crossed.statusCode).toBe(400);
    expect(crossed.json().errors[0].field).toBe('referralId');
    expect(await chargeRows()).toBe(before);
    const years = await call(t, coordinatorB, 'GET', `/api/offers/${own.offerId}/years`);
    expect(years.json().items).toEqual([]);
  });

  it('derives the average cost per case of an institutional offer from the prior year (000 §9)', async () => {
    const url = (year: number) => `/api/offers/${offers.institutional}/years/${year}`;
    await expectOk(await call(t, coordinator, 'PUT', url(2025), plan({ actualCostCents: 100_000 })), 201);
    const current = await call(t, coordinator, 'PUT', url(2026), plan());
    await expectOk(current, 201);
    // 1,000.00 € in 2025 ÷ 3 cases that ran in 2025 = 333.33 €
    expect(current.json().averageCostPerCaseCents).toBe(33_333);
    // 2025 has no prior year plan: no basis.
    const prior = await call(t, coordinator, 'GET', url(2025));
    expect(prior.json().averageCostPerCaseCents).toBeNull();
    const list = await call(t, coordinator, 'GET', `/api/offers/${offers.institutional}/years`);
    expect(list.json().items.map((p: { year: number; averageCostPerCaseCents: number | null }) => p.averageCostPerCaseCents)).toEqual([
      33_333,
      null,
    ]);
  });
});
