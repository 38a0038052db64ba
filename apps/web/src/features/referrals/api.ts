/**
 * API calls of the case file's "Zuweisungen" tab (docs/api-cooperation.md): offer search, consents
 * (Schweigepflichtentbindung), referrals and the providers' barrier proposals. Types from @lotse/contracts.
 */
import type * as contracts from '@lotse/contracts';
import type { z } from 'zod';
import { type ApiResponse, apiRequest } from '../../api/client';

export type OfferSearchResult = z.infer<typeof contracts.offerSearchResult>;
export type OfferSearchHit = OfferSearchResult['items'][number];
export type OfferLocation = z.infer<typeof contracts.offerLocationSchema>;
export type Consent = contracts.Consent;
export type Referral = contracts.Referral;
export type FeedbackEntry = contracts.FeedbackEntry;
export type ReferralTransition = z.infer<typeof contracts.referralTransitionSchema>;
export type BarrierProposal = z.infer<typeof contracts.barrierProposalSchema>;
export type BarrierProposalList = z.infer<typeof contracts.barrierProposalList>;
export type ProviderList = z.infer<typeof contracts.providerList>;
export type Provider = contracts.Provider;
export type CreateConsentBody = z.input<typeof contracts.createConsentRequest>;
export type RevokeConsentBody = z.input<typeof contracts.revokeConsentRequest>;
export type CreateReferralBody = z.input<typeof contracts.createReferralRequest>;
export type UpdateReferralBody = z.input<typeof contracts.updateReferralRequest>;
export type ReferralActionBody = z.input<typeof contracts.referralActionRequest>;
export type ProposalDecisionBody = z.input<typeof contracts.barrierProposalDecisionRequest>;

export interface OfferSearchQuery {
  caseId: string;
  serviceType?: string;
  matchTargetGroup: boolean;
  freeCapacityOnly: boolean;
  maxDistanceKm?: number;
  limit?: number;
}

const enc = encodeURIComponent;

// ——— offers and providers ———

export async function searchOffers(query: OfferSearchQuery, signal?: AbortSignal): Promise<OfferSearchResult> {
  const res = await apiRequest<OfferSearchResult>('/offers/search', {
    query: {
      caseId: query.caseId,
      serviceType: query.serviceType || undefined,
      matchTargetGroup: String(query.matchTargetGroup),
      freeCapacityOnly: String(query.freeCapacityOnly),
      maxDistanceKm: query.maxDistanceKm,
      limit: query.limit ?? 25,
    },
    signal,
  });
  return res.data;
}

export async function listProviders(signal?: AbortSignal): Promise<ProviderList> {
  const res = await apiRequest<ProviderList>('/providers', { signal });
  return res.data;
}

// ——— consents ———

export async function listConsents(caseId: string, signal?: AbortSignal): Promise<Consent[]> {
  const res = await apiRequest<{ items: Consent[] }>(`/cases/${enc(caseId)}/consents`, { signal });
  return res.data.items;
}

export function createConsent(caseId: string, body: CreateConsentBody, idempotencyKey: string): Promise<ApiResponse<Consent>> {
  return apiRequest<Consent>(`/cases/${enc(caseId)}/consents`, { method: 'POST', body, idempotencyKey });
}

export function revokeConsent(consentId: string, etag: string, body: RevokeConsentBody): Promise<ApiResponse<Consent>> {
  return apiRequest<Consent>(`/consents/${enc(consentId)}/revoke`, { method: 'POST', body, ifMatch: etag });
}

/** The printable German consent form; a plain link (the session cookie authorises it). */
export function consentPdfUrl(consentId: string): string {
  return `/api/consents/${enc(consentId)}/form.pdf`;
}

// ——— referrals ———

export async function listReferrals(caseId: string, signal?: AbortSignal): Promise<Referral[]> {
  const res = await apiRequest<{ items: Referral[] }>(`/cases/${enc(caseId)}/referrals`, { signal });
  return res.data.items;
}

export function createReferral(caseId: string, body: CreateReferralBody, idempotencyKey: string): Promise<ApiResponse<Referral>> {
  return apiRequest<Referral>(`/cases/${enc(caseId)}/referrals`, { method: 'POST', body, idempotencyKey });
}

export function updateReferral(referralId: string, etag: string, body: UpdateReferralBody): Promise<ApiResponse<Referral>> {
  return apiRequest<Referral>(`/referrals/${enc(referralId)}`, { method: 'PATCH', body, ifMatch: etag });
}

export function referralAction(referralId: string, etag: string, body: ReferralActionBody): Promise<ApiResponse<Referral>> {
  return apiRequest<Referral>(`/referrals/${enc(referralId)}/actions`, { method: 'POST', body, ifMatch: etag });
}

// ——— barrier proposals ———

export async function listBarrierProposals(caseId: string, signal?: AbortSignal): Promise<BarrierProposalList> {
  const res = await apiRequest<BarrierProposalList>(`/cases/${enc(caseId)}/barrier-proposals`, { signal });
  return res.data;
}

export function decideBarrierProposal(proposalId: string, etag: string, body: ProposalDecisionBody): Promise<ApiResponse<BarrierProposal>> {
  return apiRequest<BarrierProposal>(`/barrier-proposals/${enc(proposalId)}/decision`, { method: 'POST', body, ifMatch: etag });
}
