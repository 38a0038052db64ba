/**
 * The case-management lifecycle (SPEC C2; seed 001 III): states, actions and the gates between them.
 * Pure: the server collects the facts of a case, this module decides what may happen next.
 */

export const CASE_STATUSES = [
  'intake',
  'assessment',
  'planning',
  'implementation',
  'closing',
  'aftercare',
  'closed',
  'not_indicated',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS_DE: Record<CaseStatus, string> = {
  intake: 'Erstberatung',
  assessment: 'Assessment',
  planning: 'Hilfeplanung',
  implementation: 'Umsetzung',
  closing: 'Abschluss',
  aftercare: 'Nachbetreuung',
  closed: 'Beendet',
  not_indicated: 'Fallmanagement nicht angezeigt',
};

/** Open = the case still needs work; used for "one open case per person" and work lists. */
export const OPEN_CASE_STATUSES: readonly CaseStatus[] = ['intake', 'assessment', 'planning', 'implementation', 'closing', 'aftercare'];

export const CASE_ACTIONS = [
  'indicate',
  'decline',
  'complete_assessment',
  'start_implementation',
  'reassess',
  'replan',
  'start_closing',
  'close',
  'end_aftercare',
  'reopen',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export const CASE_ACTION_LABELS_DE: Record<CaseAction, string> = {
  indicate: 'Fallmanagement aufnehmen',
  decline: 'Nicht angezeigt – Erstberatung beenden',
  complete_assessment: 'Assessment abschließen',
  start_implementation: 'Umsetzung beginnen',
  reassess: 'Erneutes Assessment (Fortschreibung)',
  replan: 'Hilfeplan fortschreiben',
  start_closing: 'Abschluss einleiten',
  close: 'Fall abschließen',
  end_aftercare: 'Nachbetreuung beenden',
  reopen: 'Fall wieder aufnehmen',
};

/** From which state an action leads where. `close` leads to aftercare when an aftercare end date is given. */
const TRANSITIONS: Record<CaseAction, { from: readonly CaseStatus[]; to: CaseStatus }> = {
  indicate: { from: ['intake'], to: 'assessment' },
  decline: { from: ['intake'], to: 'not_indicated' },
  complete_assessment: { from: ['assessment'], to: 'planning' },
  start_implementation: { from: ['planning'], to: 'implementation' },
  reassess: { from: ['implementation'], to: 'assessment' },
  replan: { from: ['implementation'], to: 'planning' },
  start_closing: { from: ['assessment', 'planning', 'implementation'], to: 'closing' },
  close: { from: ['closing'], to: 'closed' },
  end_aftercare: { from: ['aftercare'], to: 'closed' },
  // A closed case resumes at re-assessment; a case found not indicated goes back to intake.
  reopen: { from: ['closed', 'not_indicated'], to: 'assessment' },
};

export const CLOSING_OUTCOMES = [
  'employment_insured',
  'self_employment',
  'vocational_training',
  'measure_further_training',
  'stabilisation',
  'moved_away',
  'benefit_receipt_ended',
  'dropout',
  'transfer',
  'other',
] as const;
export type ClosingOutcome = (typeof CLOSING_OUTCOMES)[number];

export const CLOSING_OUTCOME_LABELS_DE: Record<ClosingOutcome, string> = {
  employment_insured: 'Sozialversicherungspflichtige Beschäftigung',
  self_employment: 'Selbstständigkeit',
  vocational_training: 'Ausbildung',
  measure_further_training: 'Weiterbildung / Qualifizierung',
  stabilisation: 'Stabilisierung der Lebenssituation',
  moved_away: 'Umzug / Wegzug',
  benefit_receipt_ended: 'Ende des Leistungsbezugs',
  dropout: 'Abbruch (fehlende Mitwirkung)',
  transfer: 'Übergabe an andere Stelle',
  other: 'Sonstiges',
};

/** The tenant's indication rule (SPEC C2; default per BA Fachkonzept: ≥ 3 barriers and willingness). */
export interface IndicationRule {
  minBarriers: number;
  requireWillingness: boolean;
}
export const DEFAULT_INDICATION_RULE: IndicationRule = { minBarriers: 3, requireWillingness: true };

export function indicationMet(rule: IndicationRule, facts: { activeBarriers: number; willingToCooperate: boolean | null }): boolean {
  return facts.activeBarriers >= rule.minBarriers && (!rule.requireWillingness || facts.willingToCooperate === true);
}

/** What the server knows about a case when an action is requested. */
export interface CaseFacts {
  status: CaseStatus;
  indicationRule: IndicationRule;
  activeBarriers: number;
  willingToCooperate: boolean | null;
  /** Active barriers without an explicit treatment order (priority). */
  unorderedBarriers: number;
  hasBaselineRating: boolean;
  /** Goals that have at least one sub-goal. */
  goalsWithSubGoals: number;
  /** An agreement version concluded since the case last entered planning. */
  hasCurrentAgreement: boolean;
  /** A closing rating recorded since the case entered closing. */
  hasClosingRating: boolean;
}

/** What the user sends with an action. */
export interface ActionInput {
  reason?: string | null;
  closing?: {
    outcome: ClosingOutcome | null;
    retrospective: string | null;
    prospective: string | null;
    personParticipated: boolean;
    aftercareUntil: string | null;
  } | null;
}

export type GateCode =
  | 'ACTION_NOT_ALLOWED_IN_STATE'
  | 'REASON_REQUIRED'
  | 'INDICATION_OVERRIDE_REASON_REQUIRED'
  | 'BASELINE_RATING_REQUIRED'
  | 'BARRIER_REQUIRED'
  | 'BARRIER_ORDER_REQUIRED'
  | 'PLAN_GOAL_REQUIRED'
  | 'AGREEMENT_REQUIRED'
  | 'OUTCOME_REQUIRED'
  | 'RETROSPECTIVE_REQUIRED'
  | 'PROSPECTIVE_REQUIRED'
  | 'PARTICIPATION_REQUIRED'
  | 'CLOSING_RATING_REQUIRED'
  | 'AFTERCARE_DATE_INVALID';

export interface GateFailure {
  code: GateCode;
  /** German, readable by a case manager: what is missing. */
  message: string;
}

const GATE_MESSAGES_DE: Record<GateCode, string> = {
  ACTION_NOT_ALLOWED_IN_STATE: 'Dieser Schritt ist im aktuellen Fallstatus nicht möglich.',
  REASON_REQUIRED: 'Bitte geben Sie eine Begründung an.',
  INDICATION_OVERRIDE_REASON_REQUIRED:
    'Die Entscheidung weicht von der Indikationsregel ab: Bitte begründen Sie die Abweichung schriftlich.',
  BASELINE_RATING_REQUIRED: 'Es fehlt die Ersteinschätzung der Lebensbereiche (Basis-Einschätzung).',
  BARRIER_REQUIRED: 'Es ist noch kein Handlungsbedarf (Vermittlungshemmnis) erfasst.',
  BARRIER_ORDER_REQUIRED: 'Die Reihenfolge der Bearbeitung der Handlungsbedarfe ist noch nicht festgelegt.',
  PLAN_GOAL_REQUIRED: 'Der Hilfeplan braucht mindestens ein Ziel mit einem Teilziel.',
  AGREEMENT_REQUIRED: 'Die Hilfeplanung wird mit einer Vereinbarung (EGV / Kooperationsplan) abgeschlossen; sie fehlt noch.',
  OUTCOME_REQUIRED: 'Bitte wählen Sie das Ergebnis des Fallmanagements.',
  RETROSPECTIVE_REQUIRED: 'Es fehlt die rückblickende Bewertung.',
  PROSPECTIVE_REQUIRED: 'Es fehlt die vorausschauende Einschätzung.',
  PARTICIPATION_REQUIRED: 'Der Abschluss wird mit der Person gemeinsam erstellt: Bitte bestätigen Sie ihre Beteiligung.',
  CLOSING_RATING_REQUIRED: 'Es fehlt die Abschluss-Einschätzung der Lebensbereiche.',
  AFTERCARE_DATE_INVALID: 'Das Ende der Nachbetreuung muss in der Zukunft liegen.',
};

export function gateFailure(code: GateCode): GateFailure {
  return { code, message: GATE_MESSAGES_DE[code] };
}

/** Actions that always need a written reason. */
const REASON_ACTIONS: readonly CaseAction[] = ['reassess', 'replan', 'start_closing', 'reopen'];

export function actionRequiresReason(action: CaseAction): boolean {
  return REASON_ACTIONS.includes(action);
}

export type TransitionDecision =
  | { allowed: true; to: CaseStatus; indicationOverride: boolean; indicationMet: boolean | null }
  | { allowed: false; failures: GateFailure[] };

const filled = (value: string | null | undefined) => typeof value === 'string' && value.trim().length > 0;

/**
 * The gates that depend on the case's facts only (not on what the user types): what is missing
 * before `action` can be taken. Used to show "what is missing to move on".
 */
export function missingFacts(action: CaseAction, facts: CaseFacts): GateFailure[] {
  const missing: GateFailure[] = [];
  switch (action) {
    case 'complete_assessment':
      if (facts.activeBarriers === 0) missing.push(gateFailure('BARRIER_REQUIRED'));
      if (facts.unorderedBarriers > 0) missing.push(gateFailure('BARRIER_ORDER_REQUIRED'));
      if (!facts.hasBaselineRating) missing.push(gateFailure('BASELINE_RATING_REQUIRED'));
      break;
    case 'start_implementation':
      if (facts.goalsWithSubGoals === 0) missing.push(gateFailure('PLAN_GOAL_REQUIRED'));
      if (!facts.hasCurrentAgreement) missing.push(gateFailure('AGREEMENT_REQUIRED'));
      break;
    case 'close':
      if (!facts.hasClosingRating) missing.push(gateFailure('CLOSING_RATING_REQUIRED'));
      break;
    default:
      break;
  }
  return missing;
}

/** Decides whether `action` may be taken now, and where it leads. `today` is an ISO date (Germany). */
export function decideTransition(action: CaseAction, facts: CaseFacts, input: ActionInput, today: string): TransitionDecision {
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(facts.status)) return { allowed: false, failures: [gateFailure('ACTION_NOT_ALLOWED_IN_STATE')] };
  const failures = missingFacts(action, facts);
  if (actionRequiresReason(action) && !filled(input.reason)) failures.push(gateFailure('REASON_REQUIRED'));

  let to = action === 'reopen' && facts.status === 'not_indicated' ? 'intake' : transition.to;
  let indicationOverride = false;
  let met: boolean | null = null;
  if (action === 'indicate' || action === 'decline') {
    met = indicationMet(facts.indicationRule, facts);
    indicationOverride = action === 'indicate' ? !met : met;
    if (indicationOverride && !filled(input.reason)) failures.push(gateFailure('INDICATION_OVERRIDE_REASON_REQUIRED'));
  }
  if (action === 'close') {
    const closing = input.closing;
    if (!closing?.outcome) failures.push(gateFailure('OUTCOME_REQUIRED'));
    if (!filled(closing?.retrospective)) failures.push(gateFailure('RETROSPECTIVE_REQUIRED'));
    if (!filled(closing?.prospective)) failures.push(gateFailure('PROSPECTIVE_REQUIRED'));
    if (!closing?.personParticipated) failures.push(gateFailure('PARTICIPATION_REQUIRED'));
    if (closing?.aftercareUntil) {
      if (closing.aftercareUntil <= today) failures.push(gateFailure('AFTERCARE_DATE_INVALID'));
      else to = 'aftercare';
    }
  }
  if (failures.length > 0) return { allowed: false, failures };
  return { allowed: true, to, indicationOverride, indicationMet: met };
}

export interface AvailableAction {
  action: CaseAction;
  /** Gates on the case's facts that still block this action; empty when only user input is needed. */
  missing: GateFailure[];
  requiresReason: boolean;
  /** For indicate/decline: whether choosing this action overrides the indication rule. */
  overridesIndication: boolean;
}

/** The actions of the current state, each with what is still missing. The UI offers only these. */
export function availableActions(facts: CaseFacts): AvailableAction[] {
  return CASE_ACTIONS.filter((action) => TRANSITIONS[action].from.includes(facts.status)).map((action) => {
    const met = action === 'indicate' || action === 'decline' ? indicationMet(facts.indicationRule, facts) : null;
    const overridesIndication = met === null ? false : action === 'indicate' ? !met : met;
    return {
      action,
      missing: missingFacts(action, facts),
      requiresReason: actionRequiresReason(action) || overridesIndication,
      overridesIndication,
    };
  });
}

/** Every (from, action, to) edge of the machine, for documentation and tests. */
export function transitionEdges(): Array<{ from: CaseStatus; action: CaseAction; to: CaseStatus }> {
  const edges: Array<{ from: CaseStatus; action: CaseAction; to: CaseStatus }> = [];
  for (const action of CASE_ACTIONS) {
    for (const from of TRANSITIONS[action].from) {
      edges.push({ from, action, to: action === 'reopen' && from === 'not_indicated' ? 'intake' : TRANSITIONS[action].to });
      if (action === 'close') edges.push({ from, action, to: 'aftercare' });
    }
  }
  return edges;
}

/** Barriers, goals and plans are edited in these states only (closed cases are read-only). */
export const ASSESSMENT_EDITABLE: readonly CaseStatus[] = ['intake', 'assessment', 'planning', 'implementation'];
export const PLAN_EDITABLE: readonly CaseStatus[] = ['planning', 'implementation'];
export const WORK_EDITABLE: readonly CaseStatus[] = ['intake', 'assessment', 'planning', 'implementation', 'closing', 'aftercare'];
