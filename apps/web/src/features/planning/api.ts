/**
 * API calls of the needs-planning screens (SPEC C12, C13 costs): dimensions, the planning table, the
 * overview per service type, the yearly plan (Soll/Ist), costs and the export links. Routes and
 * figures: docs/api-planning.md.
 */
import type * as contracts from '@lotse/contracts';
import type { Costs, Plan, PlanningOverview, PlanningTable, PlanningTableQuery, PutPlanRequest } from '@lotse/contracts';
import type { ServiceType } from '@lotse/domain';
import type { z } from 'zod';
import { apiRequest } from '../../api/client';

export type PlanningDimensions = z.infer<typeof contracts.planningDimensionsSchema>;
export type { Costs, Plan, PlanningOverview, PlanningTable, PlanningTableQuery, PutPlanRequest };
export type PlanningFilters = Pick<PlanningTableQuery, 'serviceType' | 'regionId' | 'teamId' | 'targetGroup'>;
export type PlanServiceType = Plan['serviceTypes'][number];
export type PlanMonth = PlanServiceType['months'][number];
export type OverviewRow = PlanningOverview['rows'][number];
export type CostRow = Costs['rows'][number];

const enc = encodeURIComponent;

/** The query parameters of a table (or export) request; empty filters are left out. */
export function tableQueryParams(query: PlanningTableQuery): Record<string, string | number | undefined> {
  return {
    year: query.year,
    granularity: query.granularity,
    breakdown: query.breakdown,
    serviceType: query.serviceType,
    regionId: query.regionId,
    teamId: query.teamId,
    targetGroup: query.targetGroup,
  };
}

export async function getDimensions(signal?: AbortSignal): Promise<PlanningDimensions> {
  return (await apiRequest<PlanningDimensions>('/planning/dimensions', { signal })).data;
}

export async function getTable(query: PlanningTableQuery, signal?: AbortSignal): Promise<PlanningTable> {
  return (await apiRequest<PlanningTable>('/planning/table', { query: tableQueryParams(query), signal })).data;
}

export async function getOverview(year: number, filters: PlanningFilters, signal?: AbortSignal): Promise<PlanningOverview> {
  return (await apiRequest<PlanningOverview>('/planning/overview', { query: { year, ...filters }, signal })).data;
}

export async function getPlan(year: number, signal?: AbortSignal): Promise<Plan> {
  return (await apiRequest<Plan>('/planning/plan', { query: { year }, signal })).data;
}

/** Replaces the 12 monthly targets of one service type; `version` is the one the form was based on. */
export async function putPlan(year: number, serviceType: ServiceType, version: string, body: PutPlanRequest): Promise<Plan> {
  return (await apiRequest<Plan>(`/planning/plan/${year}/${enc(serviceType)}`, { method: 'PUT', body, ifMatch: ifMatchOf(version) })).data;
}

export async function getCosts(year: number, signal?: AbortSignal): Promise<Costs> {
  return (await apiRequest<Costs>('/planning/costs', { query: { year }, signal })).data;
}

/** If-Match for a version as the API states it (`7` or already quoted `"7"`). */
export function ifMatchOf(version: string): string {
  return /^(W\/)?".*"$/.test(version) ? version : `"${version}"`;
}

/** The download address of the table as CSV or XLSX (a plain link: the browser saves the file). */
export function exportUrl(format: 'csv' | 'xlsx', query: PlanningTableQuery): string {
  const params = new URLSearchParams({ format });
  for (const [key, value] of Object.entries(tableQueryParams(query))) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return `/api/planning/export?${params.toString()}`;
}
