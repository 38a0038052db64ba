/** API calls of the provider portal (docs/api-cooperation.md, "Provider portal"). Types from @lotse/contracts. */
import type * as contracts from '@lotse/contracts';
import type { z } from 'zod';
import { type ApiResponse, apiRequest } from '../../api/client';

export type PortalReferral = contracts.PortalReferral;
export type PortalReferralList = z.infer<typeof contracts.portalReferralList>;
export type PortalActionBody = z.input<typeof contracts.portalActionRequest>;
export type PortalFeedbackBody = z.input<typeof contracts.portalFeedbackRequest>;
export type PortalBarrierType = z.infer<typeof contracts.portalBarrierTypeList>['items'][number];

const enc = encodeURIComponent;

export async function listPortalReferrals(
  query: { status: string; cursor?: string; limit?: number },
  signal?: AbortSignal,
): Promise<PortalReferralList> {
  const res = await apiRequest<PortalReferralList>('/portal/referrals', { query: { ...query }, signal });
  return res.data;
}

export function getPortalReferral(id: string, signal?: AbortSignal): Promise<ApiResponse<PortalReferral>> {
  return apiRequest<PortalReferral>(`/portal/referrals/${enc(id)}`, { signal });
}

export function portalAction(id: string, etag: string, body: PortalActionBody): Promise<ApiResponse<PortalReferral>> {
  return apiRequest<PortalReferral>(`/portal/referrals/${enc(id)}/actions`, { method: 'POST', body, ifMatch: etag });
}

export function portalFeedback(
  id: string,
  etag: string,
  body: PortalFeedbackBody,
  idempotencyKey: string,
): Promise<ApiResponse<PortalReferral>> {
  return apiRequest<PortalReferral>(`/portal/referrals/${enc(id)}/feedback`, { method: 'POST', body, ifMatch: etag, idempotencyKey });
}

export async function listPortalBarrierTypes(signal?: AbortSignal): Promise<PortalBarrierType[]> {
  const res = await apiRequest<{ items: PortalBarrierType[] }>('/portal/barrier-types', { signal });
  return res.data.items;
}
