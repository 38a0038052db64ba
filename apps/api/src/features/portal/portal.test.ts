import { withTenant } from '@lotse/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../testing';
import { call, expectOk } from '../cases/testing';
import {
  createConsent,
  createOffer,
  createPerson,
  createProvider,
  providerStaff,
  referralState,
  seedReferralSetup,
  sentReferral,
} from '../referrals/testing';

const TODAY = '2026-03-10';

/**
 * Object isolation of the provider portal: a provider's staff reach only referrals to their own
 * provider that a provider may see at all. Everything else is "not found" and stays unchanged.
 */
describe.each(['pglite', 'postgres'] as const)('provider portal on %s', (kind) => {
  let t: TestApp;
  let cm: Session;
  let staffA: Session;
  let staffB: Session;
  const ids = { own: '', otherProvider: '', otherTenant: '', draft: '', selfReferred: '', cancelledUnsent: '', ownSecond: '' };

  const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

  beforeAll(async () => {
    t = await createTestApp(kind, { now: () => new Date(`${TODAY}T10:00:00Z`) });
    cm = await t.login(t.tenantA.users.case_manager.username);
    staffA = await t.login(t.tenantA.users.provider_staff.username);
    const setup = await seedReferralSetup(t, cm, await createPerson(t, cm), { givenOn: '2026-03-01' });
    ids.own = (await sentReferral(t, cm, setup, { referralNote: 'Schulden klären' })).id;
    ids.ownSecond = (await sentReferral(t, cm, setup)).id;

    // A second provider of the same tenant, with its own staff, and a referral to it.
    const providerB = await createProvider(t, t.tenantA.id);
    staffB = await providerStaff(t, t.tenantA.id, providerB);
    const offerB = await createOffer(t, t.tenantA.id, providerB);
    const consentB = await createConsent(t, cm, setup.caseId, providerB, ['attendance', 'content_summary'], '2026-03-01');
    ids.otherProvider = (
      await sentReferral(
        t,
        cm,
        { caseId: setup.caseId, offerId: offerB, consentId: consentB },
        { referralNote: 'Notiz für B', healthNote: 'nur mit Gesundheitskategorie', goalIds: [setup.goalId] },
      )
    ).id;

    // Referrals to provider A it must not see: a draft, an unconfirmed self-referral, a draft withdrawn before sending.
    const create = async (body: Record<string, unknown>) => {
      const res = await call(t, cm, 'POST', `/api/cases/${setup.caseId}/referrals`, {
        offerId: setup.offerId,
        consentId: setup.consentId,
        ...body,
      });
      await expectOk(res, 201);
      return res.json().id as string;
    };
    ids.draft = await create({});
    ids.selfReferred = await create({ kind: 'self_referred' });
    ids.cancelledUnsent = await create({});
    await expectOk(
      await call(
        t,
        cm,
        'POST',
        `/api/referrals/${ids.cancelledUnsent}/actions`,
        { action: 'cancel', reason: 'Doppelt angelegt' },
        ifMatch(1),
      ),
    );

    // Tenant B's referral to tenant B's provider.
    const cmB = await t.login(t.tenantB.users.case_manager.username);
    const setupB = await seedReferralSetup(t, cmB, await createPerson(t, cmB), { tenant: 'B', givenOn: '2026-03-01' });
    ids.otherTenant = (await sentReferral(t, cmB, setupB)).id;
  });
  afterAll(async () => t?.close());

  it('lists only the provider’s own visible referrals, with cursor pagination', async () => {
    const all = await call(t, staffA, 'GET', '/api/portal/referrals?status=all');
    await expectOk(all);
    expect(
      all
        .json()
        .items.map((r: { id: string }) => r.id)
        .sort(),
    ).toEqual([ids.own, ids.ownSecond].sort());
    const open = await call(t, staffA, 'GET', '/api/portal/referrals');
    expect(open.json().items).toHaveLength(2);
    const drafts = await call(t, staffA, 'GET', '/api/portal/referrals?status=draft');
    expect(drafts.json().items).toEqual([]);
    const cancelled = await call(t, staffA, 'GET', '/api/portal/referrals?status=cancelled');
    expect(cancelled.json().items).toEqual([]);

    const first = await call(t, staffA, 'GET', '/api/portal/referrals?status=all&limit=1');
    expect(first.json().items).toHaveLength(1);
    const cursor = first.json().page.nextCursor as string;
    expect(cursor).toEqual(expect.any(String));
    const second = await call(t, staffA, 'GET', `/api/portal/referrals?status=all&limit=1&cursor=${cursor}`);
    expect(second.json().items).toHaveLength(1);
    expect(second.json().page.nextCursor).toBeNull();
    expect([first.json().items[0].id, second.json().items[0].id].sort()).toEqual([ids.own, ids.ownSecond].sort());
    const broken = await call(t, staffA, 'GET', '/api/portal/referrals?cursor=kaputt');
    expect(broken.statusCode).toBe(400);
    expect(broken.json().code).toBe('INVALID_CURSOR');

    const b = await call(t, staffB, 'GET', '/api/portal/referrals?status=all');
    expect(b.json().items.map((r: { id: string }) => r.id)).toEqual([ids.otherProvider]);
    // Provider B's consent does not cover process steps or health: only what it covers is shared.
    expect(b.json().items[0].shared).toEqual({ referralNote: 'Notiz für B' });
    const tenantB = await call(t, await t.login(t.tenantB.users.provider_staff.username), 'GET', '/api/portal/referrals?status=all');
    expect(tenantB.json().items.map((r: { id: string }) => r.id)).toEqual([ids.otherTenant]);
  });

  it('answers 404 on every portal route for another provider’s, another tenant’s or an invisible referral, and changes nothing', async () => {
    const foreign = [ids.otherProvider, ids.otherTenant, ids.draft, ids.selfReferred, ids.cancelledUnsent];
    const states = async () => Promise.all(foreign.map((id) => referralState(t, id === ids.otherTenant ? t.tenantB.id : t.tenantA.id, id)));
    const before = await states();
    const readsBefore = await portalReads();
    for (const id of foreign) {
      const requests: Array<[string, string, unknown?]> = [
        ['GET', `/api/portal/referrals/${id}`],
        ['POST', `/api/portal/referrals/${id}/actions`, { action: 'accept' }],
        ['POST', `/api/portal/referrals/${id}/actions`, { action: 'decline', declineReason: 'keine Kapazität' }],
        ['POST', `/api/portal/referrals/${id}/feedback`, { kind: 'appointment', appointmentOn: TODAY, kept: true }],
      ];
      for (const [method, url, body] of requests) {
        for (const version of [1, 2]) {
          const res = await call(t, staffA, method as 'GET' | 'POST', url, body, ifMatch(version));
          expect(res.statusCode, `${method} ${url}`).toBe(404);
          expect(res.json().code).toBe('NOT_FOUND');
        }
      }
    }
    // Provider B's staff cannot reach provider A's referral either.
    for (const [method, url, body] of [
      ['GET', `/api/portal/referrals/${ids.own}`],
      ['POST', `/api/portal/referrals/${ids.own}/actions`, { action: 'accept' }],
      ['POST', `/api/portal/referrals/${ids.own}/feedback`, { kind: 'appointment', appointmentOn: TODAY, kept: false }],
    ] as Array<[string, string, unknown?]>) {
      const res = await call(t, staffB, method as 'GET' | 'POST', url, body, ifMatch(2));
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    expect(await states()).toEqual(before);
    expect(await portalReads()).toBe(readsBefore);
  });

  it('shows its own referral and logs the read of person data', async () => {
    const before = await portalReads();
    const res = await call(t, staffA, 'GET', `/api/portal/referrals/${ids.own}`);
    await expectOk(res);
    expect(res.headers.etag).toBe(`"${res.json().version}"`);
    expect(res.json()).toMatchObject({
      id: ids.own,
      status: 'sent',
      sentOn: TODAY,
      consent: { state: 'valid' },
      person: { firstName: 'Jana', city: 'Lotsenbach' },
      shared: { referralNote: 'Schulden klären' },
      actions: ['accept', 'decline'],
    });
    expect(await portalReads()).toBe(before + 1);
    const types = await call(t, staffA, 'GET', '/api/portal/barrier-types');
    await expectOk(types);
    expect(types.json().items.length).toBeGreaterThan(0);
    expect(Object.keys(types.json().items[0]).sort()).toEqual(['code', 'id', 'label', 'specialCategory']);
  });

  async function portalReads() {
    return withTenant(t.database.owner, t.tenantA.id, async (trx) => {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from read_log where purpose = 'provider_portal'`.execute(trx);
      return rows[0]?.n ?? 0;
    });
  }
});
