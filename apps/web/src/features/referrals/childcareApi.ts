/**
 * API calls of the childcare arrangements of a referral (docs/api-cooperation.md, "Childcare
 * arrangements"): one arrangement per child, each a measure of its own for the statistics.
 */
import type * as contracts from '@lotse/contracts';
import type { z } from 'zod';
import { type ApiResponse, apiRequest } from '../../api/client';

export type ChildcareArrangement = contracts.ChildcareArrangement;
export type ChildcareArrangementList = z.infer<typeof contracts.childcareArrangementList>;
export type CreateChildcareArrangementBody = z.input<typeof contracts.createChildcareArrangementRequest>;

const enc = encodeURIComponent;

export async function listChildcareArrangements(referralId: string, signal?: AbortSignal): Promise<ChildcareArrangementList> {
  return (await apiRequest<ChildcareArrangementList>(`/referrals/${enc(referralId)}/childcare-arrangements`, { signal })).data;
}

export function createChildcareArrangement(
  referralId: string,
  body: CreateChildcareArrangementBody,
  idempotencyKey: string,
): Promise<ApiResponse<ChildcareArrangement>> {
  return apiRequest<ChildcareArrangement>(`/referrals/${enc(referralId)}/childcare-arrangements`, { method: 'POST', body, idempotencyKey });
}

export function endChildcareArrangement(id: string, endsOn: string): Promise<ApiResponse<ChildcareArrangement>> {
  return apiRequest<ChildcareArrangement>(`/childcare-arrangements/${enc(id)}/end`, { method: 'POST', body: { endsOn } });
}
