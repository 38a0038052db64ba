/** One typed function per API operation; types come from @lotse/contracts. */
import type {
  AuditVerification,
  CreateHouseholdRequest,
  CreatePersonRequest,
  CreateUserRequest,
  changeLogPage,
  Household,
  LoginRequest,
  Person,
  PersonSearchResult,
  readLogPage,
  SessionInfo,
  staffList,
  UpdateHouseholdRequest,
  UpdatePersonRequest,
  UpdateUserRequest,
  User,
  userList,
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
