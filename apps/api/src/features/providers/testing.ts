import type { FinancingModel, ServiceType } from '@lotse/domain';
import type { Session, TestApp } from '../../testing';
import { call, expectOk } from '../cases/testing';

export interface SeededProviderOffer {
  providerId: string;
  providerName: string;
  agreementId: string;
  offerId: string;
}

let counter = 0;

/**
 * Creates a provider, a cooperation agreement and one offer with one location through the API, as a
 * coordinator would. For tests of the search, referrals, the portal and overdue lists.
 */
export async function seedProviderWithOffer(
  t: TestApp,
  coordinator: Session,
  options: {
    serviceType?: ServiceType;
    latitude?: number;
    longitude?: number;
    capacity?: number | null;
    targetGroups?: string[];
    providerName?: string;
    /** An existing provider (e.g. the test tenant's, whose staff user has the portal); a new one when omitted. */
    providerId?: string;
    offerName?: string;
    /** Default specialist hours without a price. */
    financingModel?: FinancingModel;
    priceCents?: number | null;
    /** Deadlines of the agreement; valid from 2020-01-01 without end unless given. */
    agreement?: { answerDays?: number; startDays?: number; interimReportDays?: number; validFrom?: string; validUntil?: string | null };
  } = {},
): Promise<SeededProviderOffer> {
  counter++;
  let providerName = options.providerName ?? `Testträger ${counter} ${Math.random().toString(36).slice(2, 8)}`;
  let providerId = options.providerId;
  if (providerId) {
    const existing = await call(t, coordinator, 'GET', `/api/providers/${providerId}`);
    await expectOk(existing);
    providerName = existing.json().name;
  } else {
    const provider = await call(t, coordinator, 'POST', '/api/providers', { name: providerName, city: 'Lotsenbach' });
    await expectOk(provider, 201);
    providerId = provider.json().id as string;
  }
  const agreement = await call(t, coordinator, 'POST', '/api/cooperation-agreements', {
    providerId,
    title: `Kooperationsvereinbarung ${providerName}`,
    validFrom: options.agreement?.validFrom ?? '2020-01-01',
    validUntil: options.agreement?.validUntil ?? null,
    answerDays: options.agreement?.answerDays ?? 5,
    startDays: options.agreement?.startDays ?? 21,
    interimReportDays: options.agreement?.interimReportDays ?? 90,
  });
  await expectOk(agreement, 201);
  const agreementId: string = agreement.json().id;
  const offer = await call(t, coordinator, 'POST', '/api/offers', {
    providerId,
    agreementId,
    name: options.offerName ?? `Angebot von ${providerName}`,
    serviceType: options.serviceType ?? 'debt_counselling',
    targetGroups: options.targetGroups ?? ['all'],
    capacity: options.capacity === undefined ? 10 : options.capacity,
    financingModel: options.financingModel ?? 'specialist_hours',
    priceCents: options.priceCents ?? null,
    locations: [
      {
        label: 'Hauptstelle',
        street: 'Hafenstraße',
        houseNumber: '1',
        postalCode: '12345',
        city: 'Lotsenbach',
        latitude: options.latitude ?? 52.52,
        longitude: options.longitude ?? 13.405,
      },
    ],
  });
  await expectOk(offer, 201);
  return { providerId, providerName, agreementId, offerId: offer.json().id };
}
