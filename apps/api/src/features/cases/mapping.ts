import type { AgreementVersion, Barrier, CaseOverview, FollowUp, Goal, Rating } from '@lotse/contracts';
import {
  type AgreementContent,
  type AgreementRule,
  type CaseFacts,
  type CaseStatus,
  compareAgreements,
  DEFAULT_CONTACT_DENSITY_DAYS,
  type IndicatorSource,
  indicatorKindOf,
  LIFE_AREAS,
  type LifeArea,
  SPECIAL_CATEGORY_LIFE_AREAS,
} from '@lotse/domain';
import type { CaseFile, CaseRow } from './repository';

/** JSON built inside PostgreSQL returns timestamps as text; the API answers ISO 8601 in UTC. */
export function isoTimestamp(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

export interface BarrierRecord {
  id: string;
  severity: string;
  recordedOn: string;
  recordedBy: string;
  recordedByName: string;
  priority: number | null;
  indicators: unknown;
  note: string | null;
  status: string;
  version: number;
  typeId: string;
  typeCode: string;
  typeLabel: string;
  typePhase: string;
  specialCategory: boolean;
  serviceTypes: string[];
}

export function toBarrier(row: BarrierRecord): Barrier {
  const indicators = (row.indicators as Array<{ source: IndicatorSource; note?: string | null }>) ?? [];
  return {
    id: row.id,
    barrierType: {
      id: row.typeId,
      code: row.typeCode,
      label: row.typeLabel,
      phase: row.typePhase as Barrier['barrierType']['phase'],
      specialCategory: row.specialCategory,
    },
    serviceTypes: row.serviceTypes as Barrier['serviceTypes'],
    severity: row.severity as Barrier['severity'],
    recordedOn: row.recordedOn,
    recordedBy: { id: row.recordedBy, displayName: row.recordedByName },
    priority: row.priority,
    indicators: indicators.map((i) => ({ kind: indicatorKindOf(i.source), source: i.source, note: i.note ?? null })),
    note: row.note,
    status: row.status as Barrier['status'],
    version: row.version,
  };
}

export interface SubGoalRecord {
  id: string;
  goalId: string;
  title: string;
  ownerKind: string;
  ownerNote: string | null;
  dueOn: string;
  status: string;
  reviewNote: string | null;
  version: number;
}

export function toSubGoal(row: SubGoalRecord, today: string): Goal['subGoals'][number] {
  return {
    ...row,
    ownerKind: row.ownerKind as Goal['subGoals'][number]['ownerKind'],
    status: row.status as Goal['subGoals'][number]['status'],
    overdue: row.status === 'open' && row.dueOn < today,
  };
}

export interface GoalRecord {
  id: string;
  title: string;
  description: string | null;
  status: string;
  barrierIds: string[];
  version: number;
}

export function toGoal(row: GoalRecord, subGoals: SubGoalRecord[], today: string): Goal {
  return {
    ...row,
    status: row.status as Goal['status'],
    subGoals: subGoals.filter((s) => s.goalId === row.id).map((s) => toSubGoal(s, today)),
  };
}

export interface AgreementRecord {
  id: string;
  versionNo: number;
  ruleId: string;
  kind: AgreementContent['kind'];
  reached: boolean;
  agreedOn: string;
  validUntil: string;
  reviewOn: string;
  duties: unknown;
  commitments: unknown;
  personalOffer: string | null;
  notes: string | null;
  createdBy: string;
  createdByName: string;
  createdAt: Date | string;
}

export function agreementContent(row: AgreementRecord): AgreementContent {
  return {
    kind: row.kind,
    agreedOn: row.agreedOn,
    validUntil: row.validUntil,
    reviewOn: row.reviewOn,
    duties: row.duties as AgreementContent['duties'],
    commitments: row.commitments as AgreementContent['commitments'],
    personalOffer: row.personalOffer,
    notes: row.notes,
  };
}

export function toAgreementVersion(
  row: AgreementRecord,
  previous: AgreementRecord | undefined,
  rules: ReadonlyMap<string, AgreementRule>,
): AgreementVersion {
  const rule = rules.get(row.ruleId);
  if (!rule) throw new Error(`agreement rule ${row.ruleId} missing`);
  const content = agreementContent(row);
  return {
    id: row.id,
    versionNo: row.versionNo,
    reached: row.reached,
    rule,
    ...content,
    createdBy: { id: row.createdBy, displayName: row.createdByName },
    createdAt: isoTimestamp(row.createdAt),
    changes: previous ? compareAgreements(agreementContent(previous), content) : [],
  };
}

export interface RatingRecord {
  id: string;
  occasion: Rating['occasion'];
  ratedOn: string;
  withPerson: boolean;
  ratedBy: string;
  ratedByName: string;
  scores: unknown;
}

/** Health and addiction ratings are special-category data: only responsible staff see them. */
export function toRating(row: RatingRecord, seesSpecialCategories: boolean): Rating {
  const order = (area: LifeArea) => LIFE_AREAS.indexOf(area);
  const scores = (row.scores as Rating['scores'])
    .filter((s) => seesSpecialCategories || !SPECIAL_CATEGORY_LIFE_AREAS.includes(s.area))
    .map((s) => ({ area: s.area, score: s.score, comment: s.comment ?? null }))
    .sort((a, b) => order(a.area) - order(b.area));
  return {
    id: row.id,
    occasion: row.occasion,
    ratedOn: row.ratedOn,
    withPerson: row.withPerson,
    ratedBy: { id: row.ratedBy, displayName: row.ratedByName },
    scores,
  };
}

export interface FollowUpRecord {
  id: string;
  title: string;
  dueOn: string;
  ownerId: string;
  ownerName: string;
  doneOn: string | null;
  kind: FollowUp['kind'];
  version: number;
}

export function toFollowUp(row: FollowUpRecord, today: string): FollowUp {
  return {
    id: row.id,
    title: row.title,
    dueOn: row.dueOn,
    owner: { id: row.ownerId, displayName: row.ownerName },
    kind: row.kind,
    doneOn: row.doneOn,
    overdue: row.doneOn === null && row.dueOn < today,
    version: row.version,
  };
}

export interface ContactRecord {
  id: string;
  kind: CaseOverview['contacts'][number]['kind'];
  occurredOn: string;
  summary: string;
  note: string | null;
  createdBy: string;
  createdByName: string;
}

export function toContact(row: ContactRecord): CaseOverview['contacts'][number] {
  return {
    id: row.id,
    kind: row.kind,
    occurredOn: row.occurredOn,
    summary: row.summary,
    note: row.note,
    createdBy: { id: row.createdBy, displayName: row.createdByName },
  };
}

export interface CaseRulesRecord {
  indicationMinBarriers: number | null;
  indicationRequireWillingness: boolean | null;
  densityHighDays: number | null;
  densityMediumDays: number | null;
  densityLowDays: number | null;
}

/** The tenant's rules, falling back to the defaults of SPEC C2/C11 where the tenant set none. */
export function effectiveRules(rules: Partial<CaseRulesRecord> | undefined) {
  return {
    indication: {
      minBarriers: rules?.indicationMinBarriers ?? 3,
      requireWillingness: rules?.indicationRequireWillingness ?? true,
    },
    density: {
      high: rules?.densityHighDays ?? DEFAULT_CONTACT_DENSITY_DAYS.high,
      medium: rules?.densityMediumDays ?? DEFAULT_CONTACT_DENSITY_DAYS.medium,
      low: rules?.densityLowDays ?? DEFAULT_CONTACT_DENSITY_DAYS.low,
    },
  };
}

export function densityDaysOf(row: Pick<CaseRow, 'contactDensityDays' | 'priority'>, rules: ReturnType<typeof effectiveRules>): number {
  return row.contactDensityDays ?? rules.density[row.priority];
}

/** The facts the lifecycle gates look at, computed from the loaded case file. */
export function caseFactsOf(file: CaseFile, indication: CaseFacts['indicationRule']): CaseFacts {
  const barriers = file.barriers as Array<{ status: string; priority: number | null }>;
  const active = barriers.filter((b) => b.status === 'active');
  const goals = file.goals as GoalRecord[];
  const subGoals = file.subGoals as SubGoalRecord[];
  const since = file.statusSince.getTime();
  const ratings = file.ratings as Array<{ occasion: string; createdAt: string }>;
  const agreements = file.latestAgreements as Array<{ createdAt: string }>;
  return {
    status: file.status as CaseStatus,
    indicationRule: indication,
    activeBarriers: active.length,
    willingToCooperate: file.willingToCooperate,
    unorderedBarriers: active.filter((b) => b.priority === null).length,
    hasBaselineRating: ratings.some((r) => r.occasion === 'baseline'),
    goalsWithSubGoals: goals.filter((g) => g.status !== 'dropped' && subGoals.some((s) => s.goalId === g.id)).length,
    hasCurrentAgreement: agreements.some((a) => new Date(a.createdAt).getTime() >= since),
    hasClosingRating: ratings.some((r) => r.occasion === 'closing' && new Date(r.createdAt).getTime() >= since),
  };
}
