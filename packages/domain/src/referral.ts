/**
 * Referral (Zuweisung) with closed-loop provider feedback (SPEC C7; seed 000 §5, §9; seed 003 §3.3,
 * §3.4): the state machine, which side may take which step, which consent category each piece of
 * feedback needs, the provider's view of a referral, waiting time and overdue flags.
 */

import { addDays, daysBetween } from './case-file';
import { type ConsentCategory, type ConsentFacts, consentState } from './consent';
import type { FeedbackDeadlines } from './offers';

export const REFERRAL_STATUSES = [
  'draft',
  'sent',
  'accepted',
  'declined',
  'started',
  'completed',
  'dropped_out',
  'not_started',
  'cancelled',
  'self_referred',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const REFERRAL_STATUS_LABELS_DE: Record<ReferralStatus, string> = {
  draft: 'Entwurf',
  sent: 'zugewiesen (wartet auf Antwort)',
  accepted: 'angenommen',
  declined: 'abgelehnt',
  started: 'begonnen',
  completed: 'abgeschlossen',
  dropped_out: 'abgebrochen',
  not_started: 'nicht angetreten',
  cancelled: 'zurückgezogen',
  self_referred: 'Selbstmeldung (Bedarf noch zu bestätigen)',
};

export const TERMINAL_REFERRAL_STATUSES: readonly ReferralStatus[] = ['declined', 'completed', 'dropped_out', 'not_started', 'cancelled'];
/** Referrals that hold a place of the offer's capacity. */
export const OCCUPYING_REFERRAL_STATUSES: readonly ReferralStatus[] = ['accepted', 'started'];

/** Steps the Jobcenter takes (responsible case manager). */
export const JOBCENTER_REFERRAL_ACTIONS = ['send', 'cancel', 'confirm_self_referral'] as const;
export type JobcenterReferralAction = (typeof JOBCENTER_REFERRAL_ACTIONS)[number];
/** Steps the provider takes in its portal. */
export const PROVIDER_REFERRAL_ACTIONS = ['accept', 'decline', 'start', 'not_start', 'complete', 'drop_out'] as const;
export type ProviderReferralAction = (typeof PROVIDER_REFERRAL_ACTIONS)[number];
export type ReferralAction = JobcenterReferralAction | ProviderReferralAction;

export const REFERRAL_ACTION_LABELS_DE: Record<ReferralAction, string> = {
  send: 'Zuweisung senden',
  cancel: 'Zuweisung zurückziehen',
  confirm_self_referral: 'Selbstmeldung bestätigen (Bedarfsentscheidung)',
  accept: 'Annehmen',
  decline: 'Ablehnen',
  start: 'Beginn melden (erster Termin wahrgenommen)',
  not_start: 'Nicht angetreten melden',
  complete: 'Abschluss melden',
  drop_out: 'Abbruch melden',
};

const EDGES: Record<ReferralAction, { from: readonly ReferralStatus[]; to: ReferralStatus }> = {
  send: { from: ['draft'], to: 'sent' },
  cancel: { from: ['draft', 'sent', 'accepted', 'self_referred'], to: 'cancelled' },
  confirm_self_referral: { from: ['self_referred'], to: 'started' },
  accept: { from: ['sent'], to: 'accepted' },
  decline: { from: ['sent'], to: 'declined' },
  start: { from: ['accepted'], to: 'started' },
  not_start: { from: ['accepted'], to: 'not_started' },
  complete: { from: ['started'], to: 'completed' },
  drop_out: { from: ['started'], to: 'dropped_out' },
};

export function isProviderAction(action: ReferralAction): action is ProviderReferralAction {
  return (PROVIDER_REFERRAL_ACTIONS as readonly string[]).includes(action);
}

/** The status an action leads to from a status, or null if the step is not allowed there. */
export function nextReferralStatus(from: ReferralStatus, action: ReferralAction): ReferralStatus | null {
  const edge = EDGES[action];
  return edge.from.includes(from) ? edge.to : null;
}

export function availableReferralActions(status: ReferralStatus, side: 'jobcenter' | 'provider'): ReferralAction[] {
  const actions: readonly ReferralAction[] = side === 'provider' ? PROVIDER_REFERRAL_ACTIONS : JOBCENTER_REFERRAL_ACTIONS;
  return actions.filter((a) => EDGES[a].from.includes(status));
}

export function referralEdges(): Array<{ from: ReferralStatus; action: ReferralAction; to: ReferralStatus }> {
  return (Object.keys(EDGES) as ReferralAction[]).flatMap((action) =>
    EDGES[action].from.map((from) => ({ from, action, to: EDGES[action].to })),
  );
}

/** Whether the provider sees the referral at all: never a draft or an unconfirmed self-referral. */
export function visibleToProvider(status: ReferralStatus, sentOn: string | null): boolean {
  if (status === 'draft' || status === 'self_referred') return false;
  if (status === 'cancelled') return sentOn !== null;
  return true;
}

// ——— feedback and the consent categories each field needs ———

export const FEEDBACK_KINDS = ['appointment', 'interim_report', 'final_report'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];
export const FEEDBACK_KIND_LABELS_DE: Record<FeedbackKind, string> = {
  appointment: 'Termin wahrgenommen / versäumt',
  interim_report: 'Zwischenbericht',
  final_report: 'Abschlussbericht (Verbleib, Empfehlungen)',
};

export const REFERRAL_RESULTS = ['goal_reached', 'partly_reached', 'not_reached'] as const;
export type ReferralResult = (typeof REFERRAL_RESULTS)[number];
export const REFERRAL_RESULT_LABELS_DE: Record<ReferralResult, string> = {
  goal_reached: 'Ziel erreicht',
  partly_reached: 'Ziel teilweise erreicht',
  not_reached: 'Ziel nicht erreicht',
};

/** Verbleib after the end (seed 000 §9; the eM@w exit report). */
export const WHEREABOUTS = [
  'employment',
  'training',
  'other_measure',
  'further_counselling',
  'no_further_help',
  'moved',
  'unknown',
] as const;
export type Whereabouts = (typeof WHEREABOUTS)[number];
export const WHEREABOUTS_LABELS_DE: Record<Whereabouts, string> = {
  employment: 'Arbeit aufgenommen',
  training: 'Ausbildung / Qualifizierung',
  other_measure: 'andere Maßnahme / anderes Angebot',
  further_counselling: 'weitere Beratung beim Träger',
  no_further_help: 'keine weitere Hilfe nötig',
  moved: 'verzogen',
  unknown: 'unbekannt',
};

/**
 * The consent category every field a provider may write needs. `null` means the field is part of the
 * referral's answer itself (covered by any valid consent to this provider). A write that contains a
 * field whose category the consent does not cover is rejected as a whole.
 */
export const PROVIDER_FIELD_CATEGORIES: Record<string, ConsentCategory | null> = {
  // answers and status steps
  declineReason: null,
  startedOn: 'attendance',
  notStartedReason: 'attendance',
  endedOn: 'attendance',
  droppedOutOn: 'attendance',
  dropOutReason: 'process_steps',
  result: 'results',
  resultNote: 'results',
  // appointment
  appointmentOn: 'attendance',
  kept: 'attendance',
  appointmentNote: 'content_summary',
  // interim and final report
  reportedOn: 'attendance',
  processSteps: 'process_steps',
  subGoals: 'process_steps',
  plannedHelp: 'content_summary',
  summary: 'content_summary',
  arisingNeeds: 'content_summary',
  healthNotes: 'health',
  whereabouts: 'results',
  whereaboutsNote: 'results',
  nextSteps: 'results',
};

/**
 * Categories a provider write needs: those of its fields, plus `health` when an arising need names a
 * special-category barrier type (health, addiction, psyche: GDPR Art. 9).
 */
export function categoriesOfProviderWrite(
  fields: Record<string, unknown>,
  specialCategoryNeed = false,
): Array<{ field: string; category: ConsentCategory }> {
  const needed: Array<{ field: string; category: ConsentCategory }> = [];
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    const category = PROVIDER_FIELD_CATEGORIES[field];
    if (category) needed.push({ field, category });
  }
  if (specialCategoryNeed) needed.push({ field: 'arisingNeeds', category: 'health' });
  return needed;
}

// ——— the provider's view: metadata always, person data only what a valid consent covers ———

/** What the Jobcenter shares with the provider, each under the category it needs. */
export const SHARED_FIELD_CATEGORIES = {
  referralNote: 'content_summary',
  goals: 'process_steps',
  healthNote: 'health',
} as const satisfies Record<string, ConsentCategory>;
export type SharedField = keyof typeof SHARED_FIELD_CATEGORIES;

export interface ReferralPersonContact {
  firstName: string;
  lastName: string;
  phone: string | null;
  email: string | null;
  street: string | null;
  houseNumber: string | null;
  postalCode: string | null;
  city: string | null;
  preferredLanguage: string | null;
  interpreterNeeded: boolean;
}

export interface StoredFeedback {
  id: string;
  kind: FeedbackKind | 'status';
  categories: ConsentCategory[];
  recordedOn: string;
  recordedAt: string;
  fields: Record<string, unknown>;
}

export interface StoredTransition {
  fromStatus: ReferralStatus | null;
  toStatus: ReferralStatus;
  at: string;
  reason: string | null;
}

export interface ProviderViewSource {
  person: ReferralPersonContact;
  shared: Partial<Record<SharedField, unknown>>;
  feedback: StoredFeedback[];
  history: StoredTransition[];
}

export interface ProviderView {
  consentState: ReturnType<typeof consentState> | 'missing';
  person: ReferralPersonContact | null;
  shared: Partial<Record<SharedField, unknown>>;
  feedback: StoredFeedback[];
  history: Array<{ toStatus: ReferralStatus; at: string; reason?: string }>;
}

/**
 * Build the person part of the provider's view of a referral. Without a valid consent nothing about
 * the person leaves: no name, no contact, no shared data, no feedback, no history. With one, the
 * contact needed for the appointment, and each shared item or feedback entry only if the consent
 * covers its category; reasons in the history count as process steps.
 */
export function providerView(source: ProviderViewSource, consent: ConsentFacts | null, today: string): ProviderView {
  const state = consent ? consentState(consent, today) : 'missing';
  if (consent === null || state !== 'valid') return { consentState: state, person: null, shared: {}, feedback: [], history: [] };
  const covers = (c: ConsentCategory) => consent.categories.includes(c);
  const shared: Partial<Record<SharedField, unknown>> = {};
  for (const key of Object.keys(SHARED_FIELD_CATEGORIES) as SharedField[]) {
    const value = source.shared[key];
    if (value !== undefined && value !== null && covers(SHARED_FIELD_CATEGORIES[key])) shared[key] = value;
  }
  return {
    consentState: state,
    person: source.person,
    shared,
    feedback: source.feedback.filter((f) => f.categories.every(covers)),
    history: source.history.map((h) =>
      h.reason && covers('process_steps') ? { toStatus: h.toStatus, at: h.at, reason: h.reason } : { toStatus: h.toStatus, at: h.at },
    ),
  };
}

// ——— waiting time and overdue flags ———

export interface ReferralTimeline {
  status: ReferralStatus;
  sentOn: string | null;
  acceptedOn: string | null;
  startedOn: string | null;
  lastReportOn: string | null;
}

/** Waiting time in days: sent → started; while still waiting, sent → today. Null if never sent. */
export function waitingDays(r: Pick<ReferralTimeline, 'sentOn' | 'startedOn'>, today: string): number | null {
  if (r.sentOn === null) return null;
  return Math.max(0, daysBetween(r.sentOn, r.startedOn ?? today));
}

export type OverdueKind = 'answer' | 'start' | 'report';
export const OVERDUE_KIND_LABELS_DE: Record<OverdueKind, string> = {
  answer: 'Antwort des Trägers überfällig',
  start: 'Beginn überfällig',
  report: 'Zwischenbericht überfällig',
};

export interface Overdue {
  kind: OverdueKind;
  dueOn: string;
  daysOverdue: number;
}

/**
 * What the provider owes by the cooperation agreement's deadlines: an answer N days after sending, the
 * start N days after accepting, an interim report every N days while running. Overdue from the day after
 * the due date.
 */
export function referralOverdue(r: ReferralTimeline, deadlines: FeedbackDeadlines, today: string): Overdue | null {
  let dueOn: string | null = null;
  let kind: OverdueKind | null = null;
  if (r.status === 'sent' && r.sentOn) {
    kind = 'answer';
    dueOn = addDays(r.sentOn, deadlines.answerDays);
  } else if (r.status === 'accepted' && r.acceptedOn) {
    kind = 'start';
    dueOn = addDays(r.acceptedOn, deadlines.startDays);
  } else if (r.status === 'started' && r.startedOn) {
    kind = 'report';
    const last = r.lastReportOn && r.lastReportOn > r.startedOn ? r.lastReportOn : r.startedOn;
    dueOn = addDays(last, deadlines.interimReportDays);
  }
  if (kind === null || dueOn === null || dueOn >= today) return null;
  return { kind, dueOn, daysOverdue: daysBetween(dueOn, today) };
}
