/** API calls of the case conferences (docs/api-cooperation.md, "Case conferences"); types from @lotse/contracts. */
import type * as contracts from '@lotse/contracts';
import type { z } from 'zod';
import { type ApiResponse, apiRequest } from '../../api/client';

export type Conference = contracts.Conference;
export type ConferenceParticipant = Conference['participants'][number];
export type ConferenceAction = Conference['actions'][number];
export type CreateConferenceBody = z.input<typeof contracts.createConferenceRequest>;
export type UpdateConferenceBody = z.input<typeof contracts.updateConferenceRequest>;
export type CreateConferenceActionBody = z.input<typeof contracts.createConferenceActionRequest>;
export type PortalConference = z.infer<typeof contracts.portalConferenceSchema>;
export type ProviderOption = Pick<contracts.Provider, 'id' | 'name' | 'active'>;

const enc = encodeURIComponent;

export async function listConferences(caseId: string, signal?: AbortSignal): Promise<Conference[]> {
  const res = await apiRequest<{ items: Conference[] }>(`/cases/${enc(caseId)}/conferences`, { signal });
  return res.data.items;
}

export function createConference(caseId: string, body: CreateConferenceBody, idempotencyKey: string): Promise<ApiResponse<Conference>> {
  return apiRequest<Conference>(`/cases/${enc(caseId)}/conferences`, { method: 'POST', body, idempotencyKey });
}

export function getConference(id: string, signal?: AbortSignal): Promise<ApiResponse<Conference>> {
  return apiRequest<Conference>(`/conferences/${enc(id)}`, { signal });
}

export function updateConference(id: string, etag: string, body: UpdateConferenceBody): Promise<ApiResponse<Conference>> {
  return apiRequest<Conference>(`/conferences/${enc(id)}`, { method: 'PATCH', body, ifMatch: etag });
}

/** Records an agreed action; answers with the whole conference (201). */
export function addConferenceAction(
  id: string,
  body: CreateConferenceActionBody,
  idempotencyKey: string,
): Promise<ApiResponse<Conference>> {
  return apiRequest<Conference>(`/conferences/${enc(id)}/actions`, { method: 'POST', body, idempotencyKey });
}

/** The tenant's providers (OFFER_READERS; other roles get 403). */
export async function listProviders(signal?: AbortSignal): Promise<ProviderOption[]> {
  const res = await apiRequest<{ items: ProviderOption[] }>('/providers', { signal });
  return res.data.items;
}

// ——— provider portal ———

export async function listPortalConferences(signal?: AbortSignal): Promise<PortalConference[]> {
  const res = await apiRequest<{ items: PortalConference[] }>('/portal/conferences', { signal });
  return res.data.items;
}

export async function getPortalConference(id: string, signal?: AbortSignal): Promise<PortalConference> {
  const res = await apiRequest<PortalConference>(`/portal/conferences/${enc(id)}`, { signal });
  return res.data;
}
