/**
 * API calls of the caseloads (docs/caseloads.md, docs/api.md): the target set (read, replace with
 * If-Match), the current caseloads and the comparison of organisation models (read-only POST).
 */
import type {
  CaseloadComparison,
  CaseloadComparisonRequest,
  CaseloadReport,
  CaseloadTargetSet,
  PutCaseloadTargetsRequest,
} from '@lotse/contracts';
import { type ApiResponse, apiRequest } from '../../api/client';

export type { CaseloadComparison, CaseloadComparisonRequest, CaseloadReport, CaseloadTargetSet, PutCaseloadTargetsRequest };
export type CaseloadAgeFilter = CaseloadReport['ageGroup'];

export function getCaseloadTargets(signal?: AbortSignal): Promise<ApiResponse<CaseloadTargetSet>> {
  return apiRequest<CaseloadTargetSet>('/caseloads/targets', { signal });
}

export function putCaseloadTargets(ifMatch: string, body: PutCaseloadTargetsRequest): Promise<ApiResponse<CaseloadTargetSet>> {
  return apiRequest<CaseloadTargetSet>('/caseloads/targets', { method: 'PUT', body, ifMatch });
}

export async function getCaseloads(ageGroup: CaseloadAgeFilter, signal?: AbortSignal): Promise<CaseloadReport> {
  return (await apiRequest<CaseloadReport>('/caseloads', { query: { ageGroup }, signal })).data;
}

export async function compareCaseloads(body: CaseloadComparisonRequest, signal?: AbortSignal): Promise<CaseloadComparison> {
  return (await apiRequest<CaseloadComparison>('/caseloads/comparison', { method: 'POST', body, signal })).data;
}
