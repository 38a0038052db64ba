/**
 * API calls of the planning inputs (docs/api-planning.md, "Regions, teams, unmet needs"): planning
 * regions (Sozialräume) and teams, kept by administrators, and the unmet needs recorded in a case.
 */
import type * as contracts from '@lotse/contracts';
import type { PlanningRegion, Team, UnmetNeed } from '@lotse/contracts';
import type { z } from 'zod';
import { type ApiResponse, apiRequest } from '../../api/client';

export type { PlanningRegion, Team, UnmetNeed };
export type CreateRegionBody = z.input<typeof contracts.createPlanningRegionRequest>;
export type UpdateRegionBody = z.input<typeof contracts.updatePlanningRegionRequest>;
export type CreateTeamBody = z.input<typeof contracts.createTeamRequest>;
export type UpdateTeamBody = z.input<typeof contracts.updateTeamRequest>;
export type CreateUnmetNeedBody = z.input<typeof contracts.createUnmetNeedRequest>;
export type ResolveUnmetNeedBody = z.input<typeof contracts.resolveUnmetNeedRequest>;

const enc = encodeURIComponent;

/** Which entries a list holds: the active ones (the API's default), the deactivated ones, or all (active first). */
export type ActiveFilter = 'true' | 'false' | 'all';

// ——— regions ———

export async function listRegions(signal?: AbortSignal, active: ActiveFilter = 'true'): Promise<PlanningRegion[]> {
  return (await apiRequest<{ items: PlanningRegion[] }>(`/planning/regions?active=${active}`, { signal })).data.items;
}

export function getRegion(id: string, signal?: AbortSignal): Promise<ApiResponse<PlanningRegion>> {
  return apiRequest<PlanningRegion>(`/planning/regions/${enc(id)}`, { signal });
}

export function createRegion(body: CreateRegionBody, idempotencyKey: string): Promise<ApiResponse<PlanningRegion>> {
  return apiRequest<PlanningRegion>('/planning/regions', { method: 'POST', body, idempotencyKey });
}

export function updateRegion(id: string, etag: string, body: UpdateRegionBody): Promise<ApiResponse<PlanningRegion>> {
  return apiRequest<PlanningRegion>(`/planning/regions/${enc(id)}`, { method: 'PATCH', body, ifMatch: etag });
}

// ——— teams ———

/** The teams; by default the active ones, which are the ones a user can be put into. */
export async function listTeams(signal?: AbortSignal, active: ActiveFilter = 'true'): Promise<Team[]> {
  return (await apiRequest<{ items: Team[] }>(`/teams?active=${active}`, { signal })).data.items;
}

export function getTeam(id: string, signal?: AbortSignal): Promise<ApiResponse<Team>> {
  return apiRequest<Team>(`/teams/${enc(id)}`, { signal });
}

export function createTeam(body: CreateTeamBody, idempotencyKey: string): Promise<ApiResponse<Team>> {
  return apiRequest<Team>('/teams', { method: 'POST', body, idempotencyKey });
}

export function updateTeam(id: string, etag: string, body: UpdateTeamBody): Promise<ApiResponse<Team>> {
  return apiRequest<Team>(`/teams/${enc(id)}`, { method: 'PATCH', body, ifMatch: etag });
}

// ——— unmet needs of a case ———

export async function listUnmetNeeds(caseId: string, signal?: AbortSignal): Promise<UnmetNeed[]> {
  return (await apiRequest<{ items: UnmetNeed[] }>(`/cases/${enc(caseId)}/unmet-needs`, { signal })).data.items;
}

export function createUnmetNeed(caseId: string, body: CreateUnmetNeedBody, idempotencyKey: string): Promise<ApiResponse<UnmetNeed>> {
  return apiRequest<UnmetNeed>(`/cases/${enc(caseId)}/unmet-needs`, { method: 'POST', body, idempotencyKey });
}

export function resolveUnmetNeed(id: string, etag: string, body: ResolveUnmetNeedBody): Promise<ApiResponse<UnmetNeed>> {
  return apiRequest<UnmetNeed>(`/unmet-needs/${enc(id)}/resolve`, { method: 'POST', body, ifMatch: etag });
}
