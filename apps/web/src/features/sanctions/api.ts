/** API calls of the sanctions (docs/sanctions.md, docs/api.md); types from @lotse/contracts. */
import type * as contracts from '@lotse/contracts';
import type { z } from 'zod';
import { type ApiResponse, apiRequest } from '../../api/client';

export type Sanction = contracts.Sanction;
export type SanctionDuty = contracts.SanctionDuty;
export type SanctionRule = contracts.SanctionRuleDto;
export type SanctionRuleBody = z.input<typeof contracts.sanctionRuleRequest>;
export type CreateDutyBody = z.input<typeof contracts.createSanctionDutyRequest>;
export type CreateSanctionBody = z.input<typeof contracts.createSanctionRequest>;
export type DecisionBody = z.input<typeof contracts.sanctionDecisionRequest>;

const enc = encodeURIComponent;

// ——— rule table (administrators) ———

export async function listRules(signal?: AbortSignal): Promise<SanctionRule[]> {
  const res = await apiRequest<{ items: SanctionRule[] }>('/sanction-rules', { signal });
  return res.data.items;
}

export function createRule(body: SanctionRuleBody): Promise<ApiResponse<SanctionRule>> {
  return apiRequest<SanctionRule>('/sanction-rules', { method: 'POST', body });
}

export function updateRule(id: string, etag: string, body: SanctionRuleBody): Promise<ApiResponse<SanctionRule>> {
  return apiRequest<SanctionRule>(`/sanction-rules/${enc(id)}`, { method: 'PUT', body, ifMatch: etag });
}

// ——— duties and sanctions of a case ———

export async function listDuties(caseId: string, signal?: AbortSignal): Promise<SanctionDuty[]> {
  const res = await apiRequest<{ items: SanctionDuty[] }>(`/cases/${enc(caseId)}/sanction-duties`, { signal });
  return res.data.items;
}

export function createDuty(caseId: string, body: CreateDutyBody, idempotencyKey: string): Promise<ApiResponse<SanctionDuty>> {
  return apiRequest<SanctionDuty>(`/cases/${enc(caseId)}/sanction-duties`, { method: 'POST', body, idempotencyKey });
}

export async function listSanctions(caseId: string, signal?: AbortSignal): Promise<{ items: Sanction[]; hearingDays: number }> {
  const res = await apiRequest<{ items: Sanction[]; hearingDays: number }>(`/cases/${enc(caseId)}/sanctions`, { signal });
  return res.data;
}

export function createSanction(caseId: string, body: CreateSanctionBody, idempotencyKey: string): Promise<ApiResponse<Sanction>> {
  return apiRequest<Sanction>(`/cases/${enc(caseId)}/sanctions`, { method: 'POST', body, idempotencyKey });
}

export function sendHearing(id: string, etag: string, sentOn: string): Promise<ApiResponse<Sanction>> {
  return apiRequest<Sanction>(`/sanctions/${enc(id)}/hearing`, { method: 'POST', body: { sentOn }, ifMatch: etag });
}

export function recordAnswer(id: string, etag: string, body: { answeredOn: string; answer: string }): Promise<ApiResponse<Sanction>> {
  return apiRequest<Sanction>(`/sanctions/${enc(id)}/answer`, { method: 'POST', body, ifMatch: etag });
}

export function decide(id: string, etag: string, body: DecisionBody): Promise<ApiResponse<Sanction>> {
  return apiRequest<Sanction>(`/sanctions/${enc(id)}/decision`, { method: 'POST', body, ifMatch: etag });
}

export function withdraw(id: string, etag: string, reason: string): Promise<ApiResponse<Sanction>> {
  return apiRequest<Sanction>(`/sanctions/${enc(id)}/withdraw`, { method: 'POST', body: { reason }, ifMatch: etag });
}

export function hearingLetterUrl(id: string): string {
  return `/api/sanctions/${enc(id)}/hearing.pdf`;
}
