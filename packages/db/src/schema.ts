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
  purpose: 'view' | 'search' | 'household' | 'edit' | 'case' | 'special_category';
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

export interface TenantCaseRulesTable {
  tenantId: string;
  indicationMinBarriers: Generated<number>;
  indicationRequireWillingness: Generated<boolean>;
  densityHighDays: Generated<number>;
  densityMediumDays: Generated<number>;
  densityLowDays: Generated<number>;
  version: Generated<number>;
  updatedAt: Timestamp;
}

export interface BarrierTypesTable {
  tenantId: string;
  id: string;
  code: string;
  phase: string;
  label: string;
  description: string | null;
  specialCategory: Generated<boolean>;
  serviceTypes: string[];
  active: Generated<boolean>;
  sortOrder: Generated<number>;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface AgreementRulesTable {
  id: string;
  code: string;
  title: string;
  validFrom: string;
  validTo: string | null;
  agreedKind: 'egv' | 'kooperationsplan' | 'verwaltungsakt';
  fallbackKind: 'egv' | 'kooperationsplan' | 'verwaltungsakt' | null;
  legallyBinding: boolean;
  dutiesSanctionable: boolean;
  disputeProcedure: string | null;
  reviewWithinMonths: number;
  legalBasis: string;
  noAgreementText: string;
  sourceNote: string;
}

export interface CasesTable {
  tenantId: string;
  id: string;
  personId: string;
  status: string;
  priority: 'high' | 'medium' | 'low';
  caseManagerId: string;
  contactDensityDays: number | null;
  willingToCooperate: boolean | null;
  openedOn: string;
  closedOn: string | null;
  aftercareUntil: string | null;
  statusSince: Timestamp;
  outcome: string | null;
  retrospective: string | null;
  prospective: string | null;
  personParticipated: boolean | null;
  satisfaction: number | null;
  lastContactOn: string | null;
  nextContactDue: string;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface CaseTransitionsTable {
  tenantId: string;
  id: string;
  caseId: string;
  at: Timestamp;
  actorId: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  reason: string | null;
  indicationMet: boolean | null;
  indicationOverride: Generated<boolean>;
}

export interface CaseBarriersTable {
  tenantId: string;
  id: string;
  caseId: string;
  barrierTypeId: string;
  severity: 'low' | 'medium' | 'high';
  recordedOn: string;
  recordedBy: string;
  priority: number | null;
  indicators: ColumnType<unknown, string, string>;
  note: string | null;
  status: Generated<'active' | 'resolved'>;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface CaseResourcesTable {
  tenantId: string;
  id: string;
  caseId: string;
  category: string;
  description: string;
  recordedOn: string;
  recordedBy: string;
  createdAt: Timestamp;
}

export interface PlanGoalsTable {
  tenantId: string;
  id: string;
  caseId: string;
  title: string;
  description: string | null;
  status: Generated<'active' | 'reached' | 'dropped'>;
  barrierIds: string[];
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface PlanSubgoalsTable {
  tenantId: string;
  id: string;
  caseId: string;
  goalId: string;
  title: string;
  ownerKind: 'person' | 'case_manager' | 'provider';
  ownerNote: string | null;
  dueOn: string;
  status: Generated<'open' | 'reached' | 'partly_reached' | 'missed' | 'dropped'>;
  reviewNote: string | null;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface AgreementVersionsTable {
  tenantId: string;
  id: string;
  caseId: string;
  versionNo: number;
  ruleId: string;
  kind: 'egv' | 'kooperationsplan' | 'verwaltungsakt';
  reached: boolean;
  agreedOn: string;
  validUntil: string;
  reviewOn: string;
  duties: ColumnType<unknown, string, string>;
  commitments: ColumnType<unknown, string, string>;
  personalOffer: string | null;
  notes: string | null;
  createdBy: string;
  createdAt: Timestamp;
}

export interface CaseRatingsTable {
  tenantId: string;
  id: string;
  caseId: string;
  occasion: 'baseline' | 'review' | 'closing';
  ratedOn: string;
  withPerson: boolean;
  ratedBy: string;
  scores: ColumnType<unknown, string, string>;
  createdAt: Timestamp;
}

export interface CaseContactsTable {
  tenantId: string;
  id: string;
  caseId: string;
  kind: 'meeting' | 'phone' | 'letter' | 'home_visit';
  occurredOn: string;
  summary: string;
  note: string | null;
  createdBy: string;
  createdAt: Timestamp;
}

export interface FollowUpsTable {
  tenantId: string;
  id: string;
  caseId: string;
  title: string;
  dueOn: string;
  ownerId: string;
  doneOn: string | null;
  doneBy: string | null;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
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
  tenantCaseRules: TenantCaseRulesTable;
  barrierTypes: BarrierTypesTable;
  agreementRules: AgreementRulesTable;
  cases: CasesTable;
  caseTransitions: CaseTransitionsTable;
  caseBarriers: CaseBarriersTable;
  caseResources: CaseResourcesTable;
  planGoals: PlanGoalsTable;
  planSubgoals: PlanSubgoalsTable;
  agreementVersions: AgreementVersionsTable;
  caseRatings: CaseRatingsTable;
  caseContacts: CaseContactsTable;
  followUps: FollowUpsTable;
}
