/** API calls of the organisation model and the bulk reassignment (docs/organisation-model.md). */
import type * as contracts from '@lotse/contracts';
import type { OrganisationModel, ReassignmentPreview, ReassignmentResult } from '@lotse/contracts';
import type { AgeGroup } from '@lotse/domain';
import type { z } from 'zod';
import { type ApiResponse, apiRequest } from '../../api/client';

export type { OrganisationModel, ReassignmentPreview, ReassignmentResult };
export type UpdateModelBody = z.input<typeof contracts.updateOrganisationModelRequest>;

export async function listModels(signal?: AbortSignal): Promise<OrganisationModel[]> {
  return (await apiRequest<{ items: OrganisationModel[] }>('/organisation-model', { signal })).data.items;
}

export function updateModel(ageGroup: AgeGroup, etag: string, body: UpdateModelBody): Promise<ApiResponse<OrganisationModel>> {
  return apiRequest<OrganisationModel>(`/organisation-model/${ageGroup}`, { method: 'PUT', body, ifMatch: etag });
}

export async function reassignmentPreview(signal?: AbortSignal): Promise<ReassignmentPreview> {
  return (await apiRequest<ReassignmentPreview>('/organisation-model/reassignment-preview', { signal })).data;
}

export async function applyReassignment(token: string): Promise<ReassignmentResult> {
  return (await apiRequest<ReassignmentResult>('/organisation-model/reassignment', { method: 'POST', body: { token } })).data;
}
