/**
 * API calls of the offer's "Jahresplanung und Kosten" (docs/api-planning.md, "Offer year plans and
 * charges"): the year plan of an offer and the charges recorded for its cases.
 */
import type * as contracts from '@lotse/contracts';
import type { z } from 'zod';
import { type ApiResponse, apiRequest } from '../../api/client';

export type OfferYearPlan = contracts.OfferYearPlan;
export type OfferYearPlanList = z.infer<typeof contracts.offerYearPlanList>;
export type PutYearPlanBody = z.input<typeof contracts.putOfferYearPlanRequest>;
export type ChargeList = contracts.ReferralChargeList;
export type Charge = contracts.ReferralCharge;
export type CreateChargeBody = z.input<typeof contracts.createReferralChargeRequest>;
export type ReverseChargeBody = z.input<typeof contracts.reverseReferralChargeRequest>;

const enc = encodeURIComponent;

export async function listYearPlans(offerId: string, signal?: AbortSignal): Promise<OfferYearPlanList> {
  return (await apiRequest<OfferYearPlanList>(`/offers/${enc(offerId)}/years`, { signal })).data;
}

/** The year's plan, or null while none exists (404). */
export async function getYearPlan(offerId: string, year: number, signal?: AbortSignal): Promise<OfferYearPlan | null> {
  try {
    return (await apiRequest<OfferYearPlan>(`/offers/${enc(offerId)}/years/${year}`, { signal })).data;
  } catch (e) {
    if ((e as { status?: number }).status === 404 && (e as { code?: string }).code === 'NOT_FOUND') return null;
    throw e;
  }
}

/** Creates the plan (no If-Match) or replaces it (If-Match of the version it is based on). */
export function putYearPlan(
  offerId: string,
  year: number,
  body: PutYearPlanBody,
  ifMatch: string | null,
): Promise<ApiResponse<OfferYearPlan>> {
  return apiRequest<OfferYearPlan>(`/offers/${enc(offerId)}/years/${year}`, { method: 'PUT', body, ifMatch });
}

export async function listCharges(offerId: string, year: number, signal?: AbortSignal): Promise<ChargeList> {
  return (await apiRequest<ChargeList>(`/offers/${enc(offerId)}/charges`, { query: { year }, signal })).data;
}

export function createCharge(offerId: string, body: CreateChargeBody, idempotencyKey: string): Promise<ApiResponse<Charge>> {
  return apiRequest<Charge>(`/offers/${enc(offerId)}/charges`, { method: 'POST', body, idempotencyKey });
}

/** Cancels a charge by a reversal (Storno) with a reason; the server books the negated amount. */
export function reverseCharge(
  offerId: string,
  chargeId: string,
  body: ReverseChargeBody,
  idempotencyKey: string,
): Promise<ApiResponse<Charge>> {
  return apiRequest<Charge>(`/offers/${enc(offerId)}/charges/${enc(chargeId)}/reversal`, { method: 'POST', body, idempotencyKey });
}
