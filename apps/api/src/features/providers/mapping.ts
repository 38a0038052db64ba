import type { CooperationAgreement, handbookPageSchema, Offer, offerLocationSchema, Provider } from '@lotse/contracts';
import { freeCapacity, type ServiceType } from '@lotse/domain';
import type { z } from 'zod';
import { isoTimestamp } from '../cases/mapping';
import type { AgreementRow, HandbookRow, OfferRow, ProviderRow } from './repository';

export type OfferLocation = z.infer<typeof offerLocationSchema>;
export type HandbookPage = z.infer<typeof handbookPageSchema>;

export function toProvider(row: ProviderRow): Provider {
  return { ...row, offerCount: Number(row.offerCount ?? 0) };
}

export function toAgreement(row: AgreementRow): CooperationAgreement {
  const { providerId, providerName, ...rest } = row;
  return { ...rest, provider: { id: providerId, name: providerName } };
}

export function toOffer(row: OfferRow): Offer {
  const occupied = Number(row.occupied ?? 0);
  return {
    id: row.id,
    provider: { id: row.providerId, name: row.providerName },
    agreement: row.agreementId ? { id: row.agreementId, title: row.agreementTitle ?? '' } : null,
    name: row.name,
    description: row.description,
    serviceType: row.serviceType as ServiceType,
    targetGroups: row.targetGroups as Offer['targetGroups'],
    capacity: row.capacity,
    capacityUnit: row.capacityUnit,
    capacityPeriod: row.capacityPeriod,
    occupied,
    freeCapacity: freeCapacity(row.capacity, occupied),
    waitingDays: row.waitingDays,
    financingModel: row.financingModel,
    priceCents: row.priceCents,
    priceUnit: row.priceUnit,
    contacts: row.contacts as Offer['contacts'],
    locations: row.locations.map(
      (l): OfferLocation => ({ ...l, latitude: Number(l.latitude), longitude: Number(l.longitude), accessible: Boolean(l.accessible) }),
    ),
    measureBeginRule: row.measureBeginRule,
    plannedDurationDays: row.plannedDurationDays,
    active: row.active,
    version: row.version,
  };
}

export function toHandbookPage(row: HandbookRow): HandbookPage {
  return {
    serviceType: row.serviceType as ServiceType,
    title: row.title,
    summary: row.summary,
    checklists: row.checklists as HandbookPage['checklists'],
    sources: row.sources,
    updatedAt: isoTimestamp(row.updatedAt),
    version: row.version,
  };
}
