import type { ColumnType, Generated } from 'kysely';

/** Kysely table types. Columns are camelCase here and snake_case in SQL (CamelCasePlugin). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface TenantsTable {
  id: string;
  name: string;
  carrierModel: 'gE' | 'zkT';
  createdAt: Timestamp;
}

export interface UsersTable {
  tenantId: string;
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  passwordHash: string;
  roles: string[];
  disabled: Generated<boolean>;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** Global directory: user name → tenant, so login can find the tenant before it is set. */
export interface UserLoginsTable {
  username: string;
  tenantId: string;
  userId: string;
}

export interface SessionsTable {
  tokenHash: string;
  tenantId: string;
  userId: string;
  roles: string[];
  displayName: string;
  csrfToken: string;
  createdAt: Timestamp;
  lastSeenAt: Timestamp;
  expiresAt: Timestamp;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  windowStartedAt: Timestamp;
  lockedUntil: Timestamp | null;
}

export interface PersonsTable {
  tenantId: string;
  id: string;
  customerNumber: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  sex: 'female' | 'male' | 'diverse' | 'unspecified';
  phone: string | null;
  email: string | null;
  street: string | null;
  houseNumber: string | null;
  postalCode: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
  preferredLanguage: string | null;
  interpreterNeeded: boolean;
  singleParent: boolean;
  refugee: boolean;
  severeDisability: boolean;
  personalContactId: string | null;
  searchName: string;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface PersonNameTermsTable {
  tenantId: string;
  personId: string;
  term: string;
}

export interface HouseholdsTable {
  tenantId: string;
  id: string;
  number: string;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface HouseholdMembersTable {
  tenantId: string;
  householdId: string;
  personId: string;
  role: 'applicant' | 'partner' | 'child' | 'other';
}

export interface ChangeLogTable {
  tenantId: string;
  seq: number;
  at: Timestamp;
  actorId: string | null;
  entity: string;
  entityId: string;
  action: 'create' | 'update' | 'delete';
  before: unknown;
  after: unknown;
  hash: string;
}

export interface ReadLogTable {
  tenantId: string;
  seq: Generated<number>;
  chain: number;
  chainSeq: number;
  at: Timestamp;
  actorId: string | null;
  personId: string;
  purpose: 'view' | 'search' | 'household' | 'edit';
  hash: string;
}

export interface AuditHeadsTable {
  tenantId: string;
  log: 'change' | 'read';
  chain: number;
  seq: number;
  hash: string;
}

export interface IdempotencyKeysTable {
  tenantId: string;
  userId: string;
  key: string;
  requestHash: string;
  status: number;
  body: unknown;
  createdAt: Timestamp;
}

export interface Database {
  tenants: TenantsTable;
  users: UsersTable;
  userLogins: UserLoginsTable;
  sessions: SessionsTable;
  loginThrottle: LoginThrottleTable;
  persons: PersonsTable;
  personNameTerms: PersonNameTermsTable;
  households: HouseholdsTable;
  householdMembers: HouseholdMembersTable;
  changeLog: ChangeLogTable;
  readLog: ReadLogTable;
  auditHeads: AuditHeadsTable;
  idempotencyKeys: IdempotencyKeysTable;
}
