/**
 * API calls of the cooperation screens (SPEC C6): providers, cooperation agreements, offers, the
 * handbook and the overdue list. Routes and rules: docs/api-cooperation.md.
 */
import type * as contracts from '@lotse/contracts';
import type { CooperationAgreement, Offer, Provider } from '@lotse/contracts';
import type { ServiceType } from '@lotse/domain';
import type { z } from 'zod';
import { type ApiResponse, apiRequest } from '../../api/client';

export type ProviderList = z.infer<typeof contracts.providerList>;
export type AgreementList = z.infer<typeof contracts.cooperationAgreementList>;
export type OfferList = z.infer<typeof contracts.offerList>;
export type HandbookPage = z.infer<typeof contracts.handbookPageSchema>;
export type HandbookList = z.infer<typeof contracts.handbookList>;
export type OverdueByProvider = z.infer<typeof contracts.overdueByProviderSchema>;
export type OverdueProvider = OverdueByProvider['providers'][number];
export type OverdueReferral = OverdueProvider['overdue'][number];

export type CreateProviderBody = z.input<typeof contracts.createProviderRequest>;
export type UpdateProviderBody = z.input<typeof contracts.updateProviderRequest>;
export type CreateAgreementBody = z.input<typeof contracts.createCooperationAgreementRequest>;
export type UpdateAgreementBody = z.input<typeof contracts.updateCooperationAgreementRequest>;
export type CreateOfferBody = z.input<typeof contracts.createOfferRequest>;
export type UpdateOfferBody = z.input<typeof contracts.updateOfferRequest>;
export type UpdateHandbookBody = z.input<typeof contracts.updateHandbookPageRequest>;

const enc = encodeURIComponent;

// ——— providers ———

export async function listProviders(signal?: AbortSignal): Promise<ProviderList> {
  return (await apiRequest<ProviderList>('/providers', { signal })).data;
}

export function getProvider(id: string, signal?: AbortSignal): Promise<ApiResponse<Provider>> {
  return apiRequest<Provider>(`/providers/${enc(id)}`, { signal });
}

export function createProvider(body: CreateProviderBody, idempotencyKey: string): Promise<ApiResponse<Provider>> {
  return apiRequest<Provider>('/providers', { method: 'POST', body, idempotencyKey });
}

export function updateProvider(id: string, etag: string, body: UpdateProviderBody): Promise<ApiResponse<Provider>> {
  return apiRequest<Provider>(`/providers/${enc(id)}`, { method: 'PATCH', body, ifMatch: etag });
}

// ——— cooperation agreements ———

export async function listAgreements(providerId: string | undefined, signal?: AbortSignal): Promise<AgreementList> {
  return (await apiRequest<AgreementList>('/cooperation-agreements', { query: { providerId }, signal })).data;
}

export function getAgreement(id: string, signal?: AbortSignal): Promise<ApiResponse<CooperationAgreement>> {
  return apiRequest<CooperationAgreement>(`/cooperation-agreements/${enc(id)}`, { signal });
}

export function createAgreement(body: CreateAgreementBody, idempotencyKey: string): Promise<ApiResponse<CooperationAgreement>> {
  return apiRequest<CooperationAgreement>('/cooperation-agreements', { method: 'POST', body, idempotencyKey });
}

export function updateAgreement(id: string, etag: string, body: UpdateAgreementBody): Promise<ApiResponse<CooperationAgreement>> {
  return apiRequest<CooperationAgreement>(`/cooperation-agreements/${enc(id)}`, { method: 'PATCH', body, ifMatch: etag });
}

// ——— offers ———

export interface OfferQuery {
  providerId?: string;
  serviceType?: ServiceType;
  active?: 'true' | 'false' | 'all';
}

export async function listOffers(query: OfferQuery, signal?: AbortSignal): Promise<OfferList> {
  return (await apiRequest<OfferList>('/offers', { query: { ...query }, signal })).data;
}

export function getOffer(id: string, signal?: AbortSignal): Promise<ApiResponse<Offer>> {
  return apiRequest<Offer>(`/offers/${enc(id)}`, { signal });
}

export function createOffer(body: CreateOfferBody, idempotencyKey: string): Promise<ApiResponse<Offer>> {
  return apiRequest<Offer>('/offers', { method: 'POST', body, idempotencyKey });
}

export function updateOffer(id: string, etag: string, body: UpdateOfferBody): Promise<ApiResponse<Offer>> {
  return apiRequest<Offer>(`/offers/${enc(id)}`, { method: 'PATCH', body, ifMatch: etag });
}

// ——— handbook ———

export async function listHandbook(signal?: AbortSignal): Promise<HandbookList> {
  return (await apiRequest<HandbookList>('/handbook', { signal })).data;
}

export function getHandbookPage(serviceType: string, signal?: AbortSignal): Promise<ApiResponse<HandbookPage>> {
  return apiRequest<HandbookPage>(`/handbook/${enc(serviceType)}`, { signal });
}

export function updateHandbookPage(serviceType: string, etag: string, body: UpdateHandbookBody): Promise<ApiResponse<HandbookPage>> {
  return apiRequest<HandbookPage>(`/handbook/${enc(serviceType)}`, { method: 'PATCH', body, ifMatch: etag });
}

// ——— overdue feedback ———

export async function getOverdue(signal?: AbortSignal): Promise<OverdueByProvider> {
  return (await apiRequest<OverdueByProvider>('/cooperation/overdue', { signal })).data;
}
