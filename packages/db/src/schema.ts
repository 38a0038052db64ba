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
  /** For provider staff: the provider they work for (SPEC C7 portal). */
  providerId: Generated<string | null>;
  /** Team of a staff member: a dimension of needs planning and quality indicators (SPEC C12, C13). */
  teamId: Generated<string | null>;
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
  providerId: Generated<string | null>;
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
  purpose: 'view' | 'search' | 'household' | 'edit' | 'case' | 'special_category' | 'referral' | 'provider_portal' | 'statistics';
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
  suppressionMinimum: Generated<number>;
  caseloadTarget: Generated<number>;
  waitingTargetDays: Generated<number>;
  /** Days the person has to answer a sanction hearing (SPEC C16). */
  hearingDays: Generated<number>;
  /** Version of the tenant's caseload target set (SPEC C14), for If-Match on PUT /api/caseloads/targets. */
  caseloadTargetsVersion: Generated<number>;
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
  /** Specialised placement and benefits staff responsible under the organisation model (SPEC C14). */
  placementOfficerId: Generated<string | null>;
  benefitsOfficerId: Generated<string | null>;
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
  /** Tasks routed by the organisation model carry their kind and the record they come from. */
  kind: Generated<'general' | 'placement' | 'benefits_notice' | 'sanction_decision' | 'expert_consultation'>;
  sourceId: Generated<string | null>;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface ProvidersTable {
  tenantId: string;
  id: string;
  name: string;
  street: string | null;
  houseNumber: string | null;
  postalCode: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  contactPerson: string | null;
  active: Generated<boolean>;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface CooperationAgreementsTable {
  tenantId: string;
  id: string;
  providerId: string;
  title: string;
  validFrom: string;
  validUntil: string | null;
  answerDays: number;
  startDays: number;
  interimReportDays: number;
  feedbackProcedure: string | null;
  qualityStandards: string | null;
  reportingDuties: string | null;
  auditRights: string | null;
  notice: string | null;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface OffersTable {
  tenantId: string;
  id: string;
  providerId: string;
  agreementId: string | null;
  name: string;
  description: string | null;
  serviceType: string;
  targetGroups: string[];
  capacity: number | null;
  capacityUnit: 'places' | 'hours';
  capacityPeriod: 'week' | 'month' | 'quarter' | 'year';
  waitingDays: number | null;
  financingModel: 'specialist_hours' | 'tiered_case_flat_rate' | 'modular' | 'institutional';
  priceCents: number | null;
  priceUnit: string | null;
  contacts: ColumnType<unknown, string, string>;
  /** Statistics begin of a measure: the start, or the first kept appointment (counselling, 000 §9). */
  measureBeginRule: Generated<'start' | 'first_appointment'>;
  plannedDurationDays: Generated<number | null>;
  active: Generated<boolean>;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface OfferLocationsTable {
  tenantId: string;
  id: string;
  offerId: string;
  position: number;
  label: string;
  street: string | null;
  houseNumber: string | null;
  postalCode: string | null;
  city: string | null;
  latitude: number;
  longitude: number;
  openingHours: string | null;
  accessible: boolean;
}

export interface HandbookPagesTable {
  tenantId: string;
  serviceType: string;
  title: string;
  summary: string;
  checklists: ColumnType<unknown, string, string>;
  sources: string | null;
  version: Generated<number>;
  updatedBy: string | null;
  updatedAt: Timestamp;
}

export interface ConsentsTable {
  tenantId: string;
  id: string;
  personId: string;
  caseId: string;
  providerId: string;
  categories: string[];
  purpose: string;
  form: 'written' | 'electronic' | 'oral_documented';
  givenOn: string;
  validUntil: string | null;
  counselled: string[];
  revokedOn: string | null;
  revokedAt: Date | null;
  revokedBy: string | null;
  revocationNote: string | null;
  recordedBy: string;
  version: Generated<number>;
  createdAt: Timestamp;
}

export interface ReferralsTable {
  tenantId: string;
  id: string;
  caseId: string;
  personId: string;
  offerId: string;
  providerId: string;
  consentId: string | null;
  status: string;
  referralNote: string | null;
  goalIds: string[];
  healthNote: string | null;
  needsDecision: string | null;
  sentOn: string | null;
  acceptedOn: string | null;
  startedOn: string | null;
  endedOn: string | null;
  result: 'goal_reached' | 'partly_reached' | 'not_reached' | null;
  lastReportOn: string | null;
  createdBy: string;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface ReferralTransitionsTable {
  tenantId: string;
  id: string;
  referralId: string;
  fromStatus: string | null;
  toStatus: string;
  actorId: string;
  actorSide: 'jobcenter' | 'provider';
  at: Timestamp;
  reason: string | null;
}

export interface ReferralFeedbackTable {
  tenantId: string;
  id: string;
  referralId: string;
  kind: 'status' | 'appointment' | 'interim_report' | 'final_report';
  categories: string[];
  recordedOn: string;
  recordedBy: string;
  recordedAt: Timestamp;
  fields: ColumnType<unknown, string, string>;
}

export interface BarrierProposalsTable {
  tenantId: string;
  id: string;
  caseId: string;
  referralId: string;
  feedbackId: string;
  barrierTypeId: string;
  note: string | null;
  specialCategory: boolean;
  status: Generated<'proposed' | 'accepted' | 'rejected'>;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  barrierId: string | null;
  version: Generated<number>;
  createdAt: Timestamp;
}

export interface CaseConferencesTable {
  tenantId: string;
  id: string;
  caseId: string;
  scheduledAt: Timestamp;
  location: string | null;
  status: Generated<'planned' | 'held' | 'cancelled'>;
  personPresent: boolean | null;
  absenceReason: string | null;
  topics: ColumnType<unknown, string, string>;
  minutes: string | null;
  createdBy: string;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface ConferenceParticipantsTable {
  tenantId: string;
  id: string;
  conferenceId: string;
  position: number;
  kind: 'internal' | 'provider' | 'other';
  userId: string | null;
  providerId: string | null;
  name: string;
  organisation: string | null;
  function: string | null;
}

export interface ConferenceActionsTable {
  tenantId: string;
  id: string;
  conferenceId: string;
  kind: 'follow_up' | 'plan_change';
  title: string;
  dueOn: string;
  ownerId: string | null;
  providerId: string | null;
  followUpId: string | null;
  goalId: string | null;
  subgoalId: string | null;
  createdBy: string;
  createdAt: Timestamp;
}

export interface PlanningRegionsTable {
  tenantId: string;
  id: string;
  name: string;
  postalCodes: string[];
  sortOrder: Generated<number>;
  /** false: deactivated; kept for the figures of past years, its postal codes free for other regions. */
  active: Generated<boolean>;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface TeamsTable {
  tenantId: string;
  id: string;
  name: string;
  /** false: deactivated; users keep it until changed, nobody can be given it any more. */
  active: Generated<boolean>;
  /** What the team does, for routing work to specialised staff (SPEC C14); null: not stated. */
  function: Generated<'case_management' | 'placement' | 'benefits' | 'mixed' | null>;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface UnmetNeedsTable {
  tenantId: string;
  id: string;
  caseId: string;
  personId: string;
  serviceType: string;
  reason: 'no_offer' | 'no_capacity' | 'too_far' | 'target_group' | 'waiting_too_long' | 'other';
  note: string | null;
  recordedOn: string;
  recordedBy: string;
  resolvedOn: string | null;
  resolvedBy: string | null;
  version: Generated<number>;
  createdAt: Timestamp;
}

/** Money in cents as bigint, parsed to number on both drivers (connect.ts); amounts stay far below 2^53. */
export interface OfferYearPlansTable {
  tenantId: string;
  offerId: string;
  year: number;
  plannedCases: number | null;
  plannedCostCents: ColumnType<number, number | undefined, number>;
  actualCostCents: number | null;
  /** numeric(5,2): a string from both drivers; convert with Number(). */
  sgb2SharePercent: ColumnType<string, number | string | undefined, number | string>;
  note: string | null;
  version: Generated<number>;
  updatedBy: string | null;
  updatedAt: Timestamp;
}

export interface PlanningTargetsTable {
  tenantId: string;
  year: number;
  serviceType: string;
  month: number;
  targetStarts: number;
  targetCostCents: ColumnType<number, number | undefined, number>;
  updatedBy: string | null;
  updatedAt: Timestamp;
}

export interface ReferralChargesTable {
  tenantId: string;
  id: string;
  referralId: string;
  offerId: string;
  /** First day of the month the service was delivered in. */
  serviceMonth: string;
  /** numeric(8,2): a string from both drivers. */
  units: ColumnType<string, number | string, number | string>;
  amountCents: number;
  note: string | null;
  recordedBy: string;
  recordedAt: Timestamp;
  /** A reversal (Storno): the charge it cancels (units and amount negated), and why. */
  reversesChargeId: Generated<string | null>;
  reason: Generated<string | null>;
}

export interface ChildcareArrangementsTable {
  tenantId: string;
  id: string;
  referralId: string;
  childPersonId: string | null;
  childLabel: string;
  beginsOn: string;
  endsOn: string | null;
  createdBy: string;
  createdAt: Timestamp;
}

export interface StatisticsDeliveriesTable {
  tenantId: string;
  id: string;
  kind: 'modul13';
  /** First day of the delivered month. */
  month: string;
  recordCount: number;
  correctionCount: number;
  rejectedCount: number;
  fileSha256: string;
  createdBy: string | null;
  createdAt: Timestamp;
}

export interface StatisticsDeliveredMeasuresTable {
  tenantId: string;
  /** `modul13`: a measure (key: referral id[:arrangement id]); `modul8`: a Leistungsminderung (key: sanction id). */
  kind: 'modul13' | 'modul8';
  measureKey: string;
  /** First day of the month the record belongs to. */
  reportMonth: string;
  contentHash: string;
  deliveryId: string;
}

export interface OrganisationModelsTable {
  tenantId: string;
  ageGroup: 'u25' | 'ue25';
  caseManagement: 'specialised_full' | 'specialised_experts' | 'generalised_all' | 'generalised_same_staff';
  placement: 'specialised' | 'integrated';
  benefits: 'specialised' | 'contact_only' | 'integrated';
  mixedTeams: Generated<boolean>;
  version: Generated<number>;
  updatedAt: Timestamp;
  updatedBy: string | null;
}

export interface CaseloadTargetsTable {
  tenantId: string;
  role: 'case_manager' | 'placement_officer' | 'benefits_officer';
  ageGroup: 'u25' | 'ue25' | 'all';
  targetCases: number;
  version: Generated<number>;
  updatedAt: Timestamp;
}

export interface SanctionRulesTable {
  tenantId: string;
  id: string;
  code: string;
  title: string;
  validFrom: string;
  validTo: string | null;
  dutyForms: string[];
  dutyStages: ColumnType<unknown, string, string>;
  appointmentStages: ColumnType<unknown, string, string>;
  repeatWithinMonths: number;
  appointmentStopAfter: number | null;
  legalBasis: string;
  sourceNote: string;
  version: Generated<number>;
  updatedAt: Timestamp;
}

export interface SanctionDutiesTable {
  tenantId: string;
  id: string;
  caseId: string;
  form: 'egv' | 'verwaltungsakt' | 'request_with_notice' | 'appointment_invitation';
  setOn: string;
  description: string;
  legalConsequencesNotice: boolean;
  agreementVersionId: string | null;
  appointmentOn: string | null;
  createdBy: string;
  createdAt: Timestamp;
}

export interface SanctionsTable {
  tenantId: string;
  id: string;
  caseId: string;
  personId: string;
  dutyId: string;
  kind: 'duty_breach' | 'missed_appointment';
  breachOn: string;
  breachDescription: string;
  ruleId: string;
  ruleSnapshot: ColumnType<unknown, string, string>;
  status: 'recorded' | 'hearing' | 'decided' | 'handed_off' | 'withdrawn';
  hearingSentOn: string | null;
  hearingDeadline: string | null;
  hearingAnsweredOn: string | null;
  hearingAnswer: string | null;
  importantReasonAccepted: boolean | null;
  importantReasonReasoning: string | null;
  careWarning: Generated<boolean>;
  careJustification: string | null;
  decision: 'reduce' | 'no_reduction' | null;
  decisionReasoning: string | null;
  decidedOn: string | null;
  decidedBy: string | null;
  repetition: number | null;
  reductionPercent: number | null;
  reductionMonths: number | null;
  fullStop: Generated<boolean>;
  amountCents: number | null;
  startsOn: string | null;
  endsOn: string | null;
  handedOffTo: string | null;
  handedOffAt: Timestamp | null;
  withdrawnReason: string | null;
  version: Generated<number>;
  createdBy: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface SanctionEventsTable {
  tenantId: string;
  id: string;
  sanctionId: string;
  caseId: string;
  at: Timestamp;
  actorId: string | null;
  action: 'recorded' | 'hearing_sent' | 'answered' | 'decided' | 'handed_off' | 'withdrawn';
  note: string | null;
}

/** A computed suppression pattern of the needs planning (one bit per cube cell, deflated). */
export interface PlanningSuppressionPatternsTable {
  tenantId: string;
  year: number;
  minimum: number;
  fingerprint: string;
  cells: number;
  pattern: Uint8Array;
  computedAt: Generated<Timestamp>;
}

export interface Database {
  organisationModels: OrganisationModelsTable;
  caseloadTargets: CaseloadTargetsTable;
  sanctionRules: SanctionRulesTable;
  sanctionDuties: SanctionDutiesTable;
  sanctions: SanctionsTable;
  sanctionEvents: SanctionEventsTable;
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
  providers: ProvidersTable;
  cooperationAgreements: CooperationAgreementsTable;
  offers: OffersTable;
  offerLocations: OfferLocationsTable;
  handbookPages: HandbookPagesTable;
  consents: ConsentsTable;
  referrals: ReferralsTable;
  referralTransitions: ReferralTransitionsTable;
  referralFeedback: ReferralFeedbackTable;
  barrierProposals: BarrierProposalsTable;
  caseConferences: CaseConferencesTable;
  conferenceParticipants: ConferenceParticipantsTable;
  conferenceActions: ConferenceActionsTable;
  planningRegions: PlanningRegionsTable;
  teams: TeamsTable;
  unmetNeeds: UnmetNeedsTable;
  offerYearPlans: OfferYearPlansTable;
  planningTargets: PlanningTargetsTable;
  referralCharges: ReferralChargesTable;
  childcareArrangements: ChildcareArrangementsTable;
  statisticsDeliveries: StatisticsDeliveriesTable;
  statisticsDeliveredMeasures: StatisticsDeliveredMeasuresTable;
  planningSuppressionPatterns: PlanningSuppressionPatternsTable;
}
