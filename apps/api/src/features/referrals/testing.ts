import { randomUUID } from 'node:crypto';
import { withTenant } from '@lotse/db';
import { CONSENT_COUNSELLING_POINTS, type ConsentCategory } from '@lotse/domain';
import { sql } from 'kysely';
import { type Session, TEST_PASSWORD, type TestApp } from '../../testing';
import { call, expectOk, seedCaseInPlanning } from '../cases/testing';
import { createUserDirect } from '../tenants/provisioning';

/**
 * Test helpers for consents, referrals and the provider portal. Providers, agreements and offers are
 * written with SQL (the offer API is its own feature), everything else through the API.
 */

export interface ReferralSetup {
  caseId: string;
  personId: string;
  goalId: string;
  offerId: string;
  /** The tenant's provider (`tenant.providerId`): its provider-staff test user works for it. */
  providerId: string;
  consentId: string;
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(++counter).toString(36)}`;

/** A provider of a tenant, written directly. */
export async function createProvider(t: TestApp, tenantId: string, options: { name?: string; active?: boolean } = {}): Promise<string> {
  const id = randomUUID();
  await withTenant(t.database.owner, tenantId, (trx) =>
    trx
      .insertInto('providers')
      .values({ tenantId, id, name: options.name ?? `Träger ${unique()}`, city: 'Lotsenbach', active: options.active ?? true })
      .execute(),
  );
  return id;
}

/** A provider-staff user of `providerId`, logged in. */
export async function providerStaff(t: TestApp, tenantId: string, providerId: string): Promise<Session> {
  const user = await createUserDirect(
    t.database.owner,
    tenantId,
    { username: `traeger.${unique()}`, displayName: 'Trägerkraft', password: TEST_PASSWORD, roles: ['provider_staff'], providerId },
    { memoryCost: 1024, timeCost: 1 },
  );
  return t.login(user.username);
}

/** An active offer of the provider with one location; with `deadlines`, under a cooperation agreement with them. */
export async function createOffer(
  t: TestApp,
  tenantId: string,
  providerId: string,
  options: { name?: string; active?: boolean; deadlines?: { answerDays: number; startDays: number; interimReportDays: number } } = {},
): Promise<string> {
  const id = randomUUID();
  await withTenant(t.database.owner, tenantId, async (trx) => {
    let agreementId: string | null = null;
    if (options.deadlines) {
      agreementId = randomUUID();
      await trx
        .insertInto('cooperationAgreements')
        .values({ tenantId, id: agreementId, providerId, title: 'Kooperationsvereinbarung', validFrom: '2025-01-01', ...options.deadlines })
        .execute();
    }
    await trx
      .insertInto('offers')
      .values({
        tenantId,
        id,
        providerId,
        agreementId,
        name: options.name ?? `Schuldnerberatung ${unique()}`,
        serviceType: 'debt_counselling',
        targetGroups: ['all'],
        capacityUnit: 'places',
        capacityPeriod: 'month',
        financingModel: 'specialist_hours',
        contacts: '[]',
        active: options.active ?? true,
      })
      .execute();
    await trx
      .insertInto('offerLocations')
      .values({
        tenantId,
        id: randomUUID(),
        offerId: id,
        position: 1,
        label: 'Beratungsstelle',
        latitude: 52.1,
        longitude: 10.2,
        accessible: true,
      })
      .execute();
  });
  return id;
}

let personCounter = 0;

/** A person created through the API by `cm`. */
export async function createPerson(t: TestApp, cm: Session, overrides: Record<string, unknown> = {}): Promise<string> {
  personCounter++;
  const res = await call(t, cm, 'POST', '/api/persons', {
    customerNumber: `800D${String(personCounter).padStart(6, '0')}`,
    firstName: 'Jana',
    lastName: `Zuweisung${personCounter}`,
    birthDate: '1985-03-04',
    sex: 'female',
    phone: '0511 123456',
    street: 'Hafenstraße',
    houseNumber: '3',
    postalCode: '12345',
    city: 'Lotsenbach',
    ...overrides,
  });
  await expectOk(res, 201);
  return res.json().id as string;
}

export function consentBody(
  providerId: string,
  categories: readonly ConsentCategory[],
  givenOn: string,
  extra: Record<string, unknown> = {},
) {
  return {
    providerId,
    categories,
    purpose: 'Abstimmung der Schuldnerberatung mit dem Fallmanagement',
    form: 'written',
    givenOn,
    counselled: [...CONSENT_COUNSELLING_POINTS],
    ...extra,
  };
}

/** Records a consent of the case through the API; returns its id. */
export async function createConsent(
  t: TestApp,
  cm: Session,
  caseId: string,
  providerId: string,
  categories: readonly ConsentCategory[],
  givenOn: string,
): Promise<string> {
  const res = await call(t, cm, 'POST', `/api/cases/${caseId}/consents`, consentBody(providerId, categories, givenOn));
  await expectOk(res, 201);
  return res.json().id as string;
}

/**
 * A case in planning for `personId` (of `cm`'s tenant), an active offer of the tenant's provider and a
 * consent of the person for it covering `categories` (default: all), given on `givenOn`.
 */
export async function seedReferralSetup(
  t: TestApp,
  cm: Session,
  personId: string,
  options: { tenant?: 'A' | 'B'; categories?: readonly ConsentCategory[]; givenOn: string },
): Promise<ReferralSetup> {
  const tenant = options.tenant === 'B' ? t.tenantB : t.tenantA;
  const seeded = await seedCaseInPlanning(t, cm, personId);
  const offerId = await createOffer(t, tenant.id, tenant.providerId);
  const categories = options.categories ?? (['attendance', 'process_steps', 'content_summary', 'results', 'health'] as const);
  const consentId = await createConsent(t, cm, seeded.caseId, tenant.providerId, categories, options.givenOn);
  return { caseId: seeded.caseId, personId, goalId: seeded.goalId, offerId, providerId: tenant.providerId, consentId };
}

/** Creates a referral (draft) and sends it; returns the sent referral's JSON. */
export async function sentReferral(
  t: TestApp,
  cm: Session,
  setup: Pick<ReferralSetup, 'caseId' | 'offerId' | 'consentId'>,
  body: Record<string, unknown> = {},
) {
  const created = await call(t, cm, 'POST', `/api/cases/${setup.caseId}/referrals`, {
    offerId: setup.offerId,
    consentId: setup.consentId,
    ...body,
  });
  await expectOk(created, 201);
  const sent = await call(
    t,
    cm,
    'POST',
    `/api/referrals/${created.json().id}/actions`,
    { action: 'send' },
    { 'if-match': `"${created.json().version}"` },
  );
  await expectOk(sent);
  return sent.json();
}

/** Counts of what a referral has, straight from the database (to check that a rejected write changed nothing). */
export async function referralState(t: TestApp, tenantId: string, referralId: string) {
  return withTenant(t.database.owner, tenantId, async (trx) => {
    const { rows } = await sql<{ version: number; status: string; feedback: number; transitions: number; proposals: number }>`
      select r.version, r.status,
        (select count(*)::int from referral_feedback f where f.referral_id = r.id) as feedback,
        (select count(*)::int from referral_transitions h where h.referral_id = r.id) as transitions,
        (select count(*)::int from barrier_proposals b where b.referral_id = r.id) as proposals
      from referrals r where r.id = ${referralId}`.execute(trx);
    if (!rows[0]) throw new Error(`referral ${referralId} not found`);
    return rows[0];
  });
}
