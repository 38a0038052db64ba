/** One typed function per API operation; types come from @lotse/contracts. */

import type * as contracts from '@lotse/contracts';
import type {
  AuditVerification,
  BarrierType,
  barrierTypeList,
  CaseOverview,
  CaseRules,
  CreateCaseRequest,
  CreateHouseholdRequest,
  CreatePersonRequest,
  CreateUserRequest,
  caseList,
  changeLogPage,
  createBarrierTypeRequest,
  Household,
  LoginRequest,
  Person,
  PersonSearchResult,
  personCaseList,
  readLogPage,
  SessionInfo,
  staffList,
  UpdateHouseholdRequest,
  UpdatePersonRequest,
  UpdateUserRequest,
  User,
  updateBarrierTypeRequest,
  updateCaseRulesRequest,
  userList,
  workTodaySchema,
} from '@lotse/contracts';
import type { z } from 'zod';
import { type ApiResponse, apiRequest } from './client';

export type ChangeLogPage = z.infer<typeof changeLogPage>;
export type ChangeLogEntry = ChangeLogPage['items'][number];
export type ReadLogPage = z.infer<typeof readLogPage>;
export type ReadLogEntry = ReadLogPage['items'][number];
export type StaffList = z.infer<typeof staffList>;
export type StaffOption = StaffList['items'][number];
export type UserList = z.infer<typeof userList>;

// --- auth ---------------------------------------------------------------------------------------

export async function login(body: LoginRequest): Promise<SessionInfo> {
  const res = await apiRequest<SessionInfo>('/auth/login', { method: 'POST', body, skipAuthRedirect: true, skipCsrf: true });
  return res.data;
}

export async function logout(): Promise<void> {
  await apiRequest<void>('/auth/logout', { method: 'POST', skipAuthRedirect: true });
}

export async function getSession(signal?: AbortSignal): Promise<SessionInfo> {
  const res = await apiRequest<SessionInfo>('/auth/session', { skipAuthRedirect: true, signal });
  return res.data;
}

// --- persons ------------------------------------------------------------------------------------

export async function searchPersons(
  body: { query: string; cursor?: string; limit?: number },
  signal?: AbortSignal,
): Promise<PersonSearchResult> {
  const res = await apiRequest<PersonSearchResult>('/persons/search', { method: 'POST', body, signal });
  return res.data;
}

export function getPerson(id: string, signal?: AbortSignal): Promise<ApiResponse<Person>> {
  return apiRequest<Person>(`/persons/${encodeURIComponent(id)}`, { signal });
}

export function updatePerson(id: string, etag: string, body: UpdatePersonRequest): Promise<ApiResponse<Person>> {
  return apiRequest<Person>(`/persons/${encodeURIComponent(id)}`, { method: 'PATCH', body, ifMatch: etag });
}

export function createPerson(body: CreatePersonRequest, idempotencyKey: string): Promise<ApiResponse<Person>> {
  return apiRequest<Person>('/persons', { method: 'POST', body, idempotencyKey });
}

export async function listStaff(signal?: AbortSignal): Promise<StaffList> {
  const res = await apiRequest<StaffList>('/staff', { signal });
  return res.data;
}

// --- households ---------------------------------------------------------------------------------

export function getHousehold(id: string, signal?: AbortSignal): Promise<ApiResponse<Household>> {
  return apiRequest<Household>(`/households/${encodeURIComponent(id)}`, { signal });
}

export function updateHousehold(id: string, etag: string, body: UpdateHouseholdRequest): Promise<ApiResponse<Household>> {
  return apiRequest<Household>(`/households/${encodeURIComponent(id)}`, { method: 'PATCH', body, ifMatch: etag });
}

export function createHousehold(body: CreateHouseholdRequest, idempotencyKey: string): Promise<ApiResponse<Household>> {
  return apiRequest<Household>('/households', { method: 'POST', body, idempotencyKey });
}

// --- users --------------------------------------------------------------------------------------

export async function listUsers(signal?: AbortSignal): Promise<UserList> {
  const res = await apiRequest<UserList>('/users', { signal });
  return res.data;
}

export function getUser(id: string, signal?: AbortSignal): Promise<ApiResponse<User>> {
  return apiRequest<User>(`/users/${encodeURIComponent(id)}`, { signal });
}

export function createUser(body: CreateUserRequest, idempotencyKey: string): Promise<ApiResponse<User>> {
  return apiRequest<User>('/users', { method: 'POST', body, idempotencyKey });
}

export function updateUser(id: string, etag: string, body: UpdateUserRequest): Promise<ApiResponse<User>> {
  return apiRequest<User>(`/users/${encodeURIComponent(id)}`, { method: 'PATCH', body, ifMatch: etag });
}

// --- audit --------------------------------------------------------------------------------------

export interface AuditQuery {
  cursor?: string;
  limit?: number;
  personId?: string;
}

export async function listChanges(query: AuditQuery, signal?: AbortSignal): Promise<ChangeLogPage> {
  const res = await apiRequest<ChangeLogPage>('/audit/changes', { query: { ...query }, signal });
  return res.data;
}

export async function listReads(query: AuditQuery, signal?: AbortSignal): Promise<ReadLogPage> {
  const res = await apiRequest<ReadLogPage>('/audit/reads', { query: { ...query }, signal });
  return res.data;
}

export async function verifyAudit(log: 'change' | 'read'): Promise<AuditVerification> {
  const res = await apiRequest<AuditVerification>('/audit/verify', { query: { log } });
  return res.data;
}

// --- work, case list, catalogue -----------------------------------------------------------------

export type WorkToday = z.infer<typeof workTodaySchema>;
export type CaseListResult = z.infer<typeof caseList>;
export type PersonCaseList = z.infer<typeof personCaseList>;
export type BarrierTypeList = z.infer<typeof barrierTypeList>;
export type CreateBarrierTypeBody = z.input<typeof createBarrierTypeRequest>;
export type UpdateBarrierTypeBody = z.input<typeof updateBarrierTypeRequest>;
export type UpdateCaseRulesBody = z.input<typeof updateCaseRulesRequest>;

export interface CaseListQuery {
  scope: 'mine' | 'all';
  /** `open` or one case status. */
  status: string;
  cursor?: string;
  limit?: number;
}

export async function getWorkToday(signal?: AbortSignal): Promise<WorkToday> {
  const res = await apiRequest<WorkToday>('/work/today', { signal });
  return res.data;
}

export async function listCases(query: CaseListQuery, signal?: AbortSignal): Promise<CaseListResult> {
  const res = await apiRequest<CaseListResult>('/cases', { query: { ...query }, signal });
  return res.data;
}

export async function listPersonCases(personId: string, signal?: AbortSignal): Promise<PersonCaseList> {
  const res = await apiRequest<PersonCaseList>(`/persons/${encodeURIComponent(personId)}/cases`, { signal });
  return res.data;
}

export function createCase(body: CreateCaseRequest, idempotencyKey: string): Promise<ApiResponse<CaseOverview>> {
  return apiRequest<CaseOverview>('/cases', { method: 'POST', body, idempotencyKey });
}

export async function listBarrierTypes(signal?: AbortSignal): Promise<BarrierTypeList> {
  const res = await apiRequest<BarrierTypeList>('/barrier-types', { signal });
  return res.data;
}

export function createBarrierType(body: CreateBarrierTypeBody, idempotencyKey: string): Promise<ApiResponse<BarrierType>> {
  return apiRequest<BarrierType>('/barrier-types', { method: 'POST', body, idempotencyKey });
}

export function updateBarrierType(id: string, etag: string, body: UpdateBarrierTypeBody): Promise<ApiResponse<BarrierType>> {
  return apiRequest<BarrierType>(`/barrier-types/${encodeURIComponent(id)}`, { method: 'PATCH', body, ifMatch: etag });
}

export function getCaseRules(signal?: AbortSignal): Promise<ApiResponse<CaseRules>> {
  return apiRequest<CaseRules>('/settings/case-rules', { signal });
}

export function updateCaseRules(etag: string, body: UpdateCaseRulesBody): Promise<ApiResponse<CaseRules>> {
  return apiRequest<CaseRules>('/settings/case-rules', { method: 'PATCH', body, ifMatch: etag });
}

// --- end: work, case list, catalogue ------------------------------------------------------------

// --- cases (case file) --------------------------------------------------------------------------
// The case file page /faelle/:id and its tabs (features/cases). Barrier types and staff: listBarrierTypes
// and listStaff above.

export type CaseTransitionBody = z.input<typeof contracts.caseTransitionRequest>;
export type UpdateCaseBody = z.input<typeof contracts.updateCaseRequest>;
export type CreateBarrierBody = z.input<typeof contracts.createBarrierRequest>;
export type UpdateBarrierBody = z.input<typeof contracts.updateBarrierRequest>;
export type BarrierOrderBody = z.input<typeof contracts.barrierOrderRequest>;
export type CaseResource = z.infer<typeof contracts.resourceSchema>;
export type CreateResourceBody = z.input<typeof contracts.createResourceRequest>;
export type CreateGoalBody = z.input<typeof contracts.createGoalRequest>;
export type UpdateGoalBody = z.input<typeof contracts.updateGoalRequest>;
export type CreateSubGoalBody = z.input<typeof contracts.createSubGoalRequest>;
export type UpdateSubGoalBody = z.input<typeof contracts.updateSubGoalRequest>;
export type AgreementVersionList = z.infer<typeof contracts.agreementVersionList>;
export type AgreementRuleInfo = z.infer<typeof contracts.agreementRuleSchema>;
export type AgreementRuleList = z.infer<typeof contracts.agreementRuleList>;
export type CreateAgreementBody = z.input<typeof contracts.createAgreementRequest>;
export type CreateRatingBody = z.input<typeof contracts.createRatingRequest>;
export type CaseContact = z.infer<typeof contracts.contactSchema>;
export type CaseContactPage = { items: CaseContact[]; page: z.infer<typeof contracts.pageInfo> };
export type CreateContactBody = z.input<typeof contracts.createContactRequest>;
export type CreateFollowUpBody = z.input<typeof contracts.createFollowUpRequest>;
export type UpdateFollowUpBody = z.input<typeof contracts.updateFollowUpRequest>;

const casePath = (caseId: string, rest = '') => `/cases/${encodeURIComponent(caseId)}${rest}`;

export function getCase(id: string, signal?: AbortSignal): Promise<ApiResponse<contracts.CaseOverview>> {
  return apiRequest<contracts.CaseOverview>(casePath(id), { signal });
}

export function updateCase(id: string, etag: string, body: UpdateCaseBody): Promise<ApiResponse<contracts.CaseOverview>> {
  return apiRequest<contracts.CaseOverview>(casePath(id), { method: 'PATCH', body, ifMatch: etag });
}

export function transitionCase(id: string, etag: string, body: CaseTransitionBody): Promise<ApiResponse<contracts.CaseOverview>> {
  return apiRequest<contracts.CaseOverview>(casePath(id, '/transitions'), { method: 'POST', body, ifMatch: etag });
}

export function createBarrier(caseId: string, body: CreateBarrierBody, idempotencyKey: string): Promise<ApiResponse<contracts.Barrier>> {
  return apiRequest<contracts.Barrier>(casePath(caseId, '/barriers'), { method: 'POST', body, idempotencyKey });
}

export function updateBarrier(
  caseId: string,
  barrierId: string,
  etag: string,
  body: UpdateBarrierBody,
): Promise<ApiResponse<contracts.Barrier>> {
  return apiRequest<contracts.Barrier>(casePath(caseId, `/barriers/${encodeURIComponent(barrierId)}`), {
    method: 'PATCH',
    body,
    ifMatch: etag,
  });
}

export function putBarrierOrder(caseId: string, etag: string, body: BarrierOrderBody): Promise<ApiResponse<contracts.CaseOverview>> {
  return apiRequest<contracts.CaseOverview>(casePath(caseId, '/barrier-order'), { method: 'PUT', body, ifMatch: etag });
}

export function createResource(caseId: string, body: CreateResourceBody, idempotencyKey: string): Promise<ApiResponse<CaseResource>> {
  return apiRequest<CaseResource>(casePath(caseId, '/resources'), { method: 'POST', body, idempotencyKey });
}

export async function deleteResource(caseId: string, resourceId: string): Promise<void> {
  await apiRequest<void>(casePath(caseId, `/resources/${encodeURIComponent(resourceId)}`), { method: 'DELETE' });
}

export function createGoal(caseId: string, body: CreateGoalBody, idempotencyKey: string): Promise<ApiResponse<contracts.Goal>> {
  return apiRequest<contracts.Goal>(casePath(caseId, '/goals'), { method: 'POST', body, idempotencyKey });
}

export function updateGoal(caseId: string, goalId: string, etag: string, body: UpdateGoalBody): Promise<ApiResponse<contracts.Goal>> {
  return apiRequest<contracts.Goal>(casePath(caseId, `/goals/${encodeURIComponent(goalId)}`), {
    method: 'PATCH',
    body,
    ifMatch: etag,
  });
}

export function createSubGoal(
  caseId: string,
  goalId: string,
  body: CreateSubGoalBody,
  idempotencyKey: string,
): Promise<ApiResponse<contracts.SubGoal>> {
  return apiRequest<contracts.SubGoal>(casePath(caseId, `/goals/${encodeURIComponent(goalId)}/subgoals`), {
    method: 'POST',
    body,
    idempotencyKey,
  });
}

export function updateSubGoal(
  caseId: string,
  subGoalId: string,
  etag: string,
  body: UpdateSubGoalBody,
): Promise<ApiResponse<contracts.SubGoal>> {
  return apiRequest<contracts.SubGoal>(casePath(caseId, `/subgoals/${encodeURIComponent(subGoalId)}`), {
    method: 'PATCH',
    body,
    ifMatch: etag,
  });
}

export async function listAgreements(caseId: string, signal?: AbortSignal): Promise<AgreementVersionList> {
  const res = await apiRequest<AgreementVersionList>(casePath(caseId, '/agreements'), { signal });
  return res.data;
}

export function createAgreement(
  caseId: string,
  body: CreateAgreementBody,
  idempotencyKey: string,
): Promise<ApiResponse<contracts.AgreementVersion>> {
  return apiRequest<contracts.AgreementVersion>(casePath(caseId, '/agreements'), { method: 'POST', body, idempotencyKey });
}

/** The German PDF of an agreement version; a plain download link (the session cookie authorises it). */
export function agreementPdfUrl(caseId: string, versionId: string): string {
  return `/api${casePath(caseId, `/agreements/${encodeURIComponent(versionId)}/pdf`)}`;
}

export async function listAgreementRules(signal?: AbortSignal): Promise<AgreementRuleList> {
  const res = await apiRequest<AgreementRuleList>('/agreement-rules', { signal });
  return res.data;
}

export function createRating(caseId: string, body: CreateRatingBody, idempotencyKey: string): Promise<ApiResponse<contracts.Rating>> {
  return apiRequest<contracts.Rating>(casePath(caseId, '/ratings'), { method: 'POST', body, idempotencyKey });
}

export async function listContacts(
  caseId: string,
  query: { cursor?: string; limit?: number },
  signal?: AbortSignal,
): Promise<CaseContactPage> {
  const res = await apiRequest<CaseContactPage>(casePath(caseId, '/contacts'), { query: { ...query }, signal });
  return res.data;
}

export function createContact(caseId: string, body: CreateContactBody, idempotencyKey: string): Promise<ApiResponse<CaseContact>> {
  return apiRequest<CaseContact>(casePath(caseId, '/contacts'), { method: 'POST', body, idempotencyKey });
}

export function createFollowUp(caseId: string, body: CreateFollowUpBody, idempotencyKey: string): Promise<ApiResponse<contracts.FollowUp>> {
  return apiRequest<contracts.FollowUp>(casePath(caseId, '/follow-ups'), { method: 'POST', body, idempotencyKey });
}

export function updateFollowUp(
  caseId: string,
  followUpId: string,
  etag: string,
  body: UpdateFollowUpBody,
): Promise<ApiResponse<contracts.FollowUp>> {
  return apiRequest<contracts.FollowUp>(casePath(caseId, `/follow-ups/${encodeURIComponent(followUpId)}`), {
    method: 'PATCH',
    body,
    ifMatch: etag,
  });
}

// --- end: cases (case file) ---------------------------------------------------------------------
