import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './case-file';
import {
  type ActionInput,
  availableActions,
  CASE_ACTIONS,
  CASE_STATUSES,
  type CaseAction,
  type CaseFacts,
  type CaseStatus,
  CLOSING_OUTCOMES,
  DEFAULT_INDICATION_RULE,
  decideTransition,
  type GateCode,
  indicationMet,
  missingFacts,
  OPEN_CASE_STATUSES,
  transitionEdges,
} from './case-lifecycle';

const TODAY = '2026-05-15';

/** Facts of a case in `status` that pass every fact gate. */
function facts(status: CaseStatus, overrides: Partial<CaseFacts> = {}): CaseFacts {
  return {
    status,
    indicationRule: DEFAULT_INDICATION_RULE,
    activeBarriers: 3,
    willingToCooperate: true,
    unorderedBarriers: 0,
    hasBaselineRating: true,
    goalsWithSubGoals: 1,
    hasCurrentAgreement: true,
    hasClosingRating: true,
    ...overrides,
  };
}

const fullClosing = {
  outcome: 'employment_insured' as const,
  retrospective: 'Die Schulden sind geregelt, die Person hat eine Stelle gefunden.',
  prospective: 'Die Beschäftigung ist stabil; weitere Unterstützung ist nicht nötig.',
  personParticipated: true,
  aftercareUntil: null,
};

function failureCodes(action: CaseAction, caseFacts: CaseFacts, input: ActionInput = {}): GateCode[] {
  const decision = decideTransition(action, caseFacts, input, TODAY);
  return decision.allowed ? [] : decision.failures.map((failure) => failure.code);
}

const filled = (value: string | null | undefined) => typeof value === 'string' && value.trim().length > 0;

// ——— Generators ———

/** Mostly a value that passes the gate, sometimes one that fails it, so that runs get through the whole machine. */
function mostly<T>(passing: fc.Arbitrary<T>, failing: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ arbitrary: passing, weight: 3 }, { arbitrary: failing, weight: 1 });
}
const textArb = mostly(
  fc.constantFrom<string | null | undefined>('Begründung', ' Die Lage hat sich geändert. '),
  fc.constantFrom<string | null | undefined>(undefined, null, '', '   ', '\n\t'),
);
const flagArb = mostly(fc.constant(true), fc.constant(false));

const factsArb: fc.Arbitrary<Omit<CaseFacts, 'status'>> = fc.record({
  indicationRule: fc.record({ minBarriers: fc.integer({ min: 0, max: 5 }), requireWillingness: fc.boolean() }),
  activeBarriers: fc.integer({ min: 0, max: 6 }),
  willingToCooperate: fc.constantFrom<boolean | null>(true, false, null),
  unorderedBarriers: mostly(fc.constant(0), fc.integer({ min: 1, max: 2 })),
  hasBaselineRating: flagArb,
  goalsWithSubGoals: mostly(fc.integer({ min: 1, max: 3 }), fc.constant(0)),
  hasCurrentAgreement: flagArb,
  hasClosingRating: flagArb,
});

const closingArb = mostly(
  fc.record({
    outcome: mostly(fc.constantFrom(...CLOSING_OUTCOMES), fc.constant(null)),
    retrospective: mostly(fc.constant<string | null>('Rückblick'), fc.constantFrom<string | null>(null, '', '  ')),
    prospective: mostly(fc.constant<string | null>('Ausblick'), fc.constantFrom<string | null>(null, '', '  ')),
    personParticipated: flagArb,
    // Relative to today: past, today, future, or none.
    aftercareUntil: fc.option(
      fc.integer({ min: -30, max: 180 }).map((days) => addDays(TODAY, days)),
      { nil: null },
    ),
  }),
  fc.constant(null),
);

const inputArb: fc.Arbitrary<ActionInput> = fc.record({ reason: textArb, closing: closingArb }, { requiredKeys: [] });

const stepArb = fc.record({
  /** Most steps choose among the actions offered in the current state, so that runs get far. */
  pickOffered: flagArb,
  offeredIndex: fc.nat(),
  action: fc.constantFrom(...CASE_ACTIONS),
  facts: factsArb,
  input: inputArb,
});

const EDGES = transitionEdges();

describe('case lifecycle: random runs from intake', () => {
  it('only ever takes edges of the machine, and every allowed decision satisfies its gates', () => {
    const reached = new Set<CaseStatus>(['intake']);
    const taken = new Set<string>();
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 80, size: 'max' }), (steps) => {
        let status: CaseStatus = 'intake';
        for (const step of steps) {
          const current: CaseFacts = { ...step.facts, status };
          const offered = availableActions(current);
          const offeredNames = offered.map((entry) => entry.action);
          const action =
            step.pickOffered && offered.length > 0 ? (offered[step.offeredIndex % offered.length]?.action ?? step.action) : step.action;
          const decision = decideTransition(action, current, step.input, TODAY);

          if (!decision.allowed) {
            expect(decision.failures.length).toBeGreaterThan(0);
            if (!offeredNames.includes(action)) expect(decision.failures.map((f) => f.code)).toEqual(['ACTION_NOT_ALLOWED_IN_STATE']);
            continue;
          }

          // (c) what the UI does not offer is never allowed.
          expect(offeredNames).toContain(action);
          const entry = offered.find((candidate) => candidate.action === action);
          expect(entry?.missing).toEqual([]);
          expect(missingFacts(action, current)).toEqual([]);
          if (entry?.requiresReason) expect(filled(step.input.reason)).toBe(true);

          // (a) no illegal transition.
          expect(EDGES.some((edge) => edge.from === status && edge.action === action && edge.to === decision.to)).toBe(true);

          // (b) the gates.
          const met = indicationMet(current.indicationRule, current);
          switch (action) {
            case 'indicate':
              expect(decision.indicationMet).toBe(met);
              expect(decision.indicationOverride).toBe(!met);
              if (!met) expect(filled(step.input.reason)).toBe(true);
              break;
            case 'decline':
              expect(decision.indicationMet).toBe(met);
              expect(decision.indicationOverride).toBe(met);
              if (met) expect(filled(step.input.reason)).toBe(true);
              break;
            case 'complete_assessment':
              expect(current.hasBaselineRating).toBe(true);
              expect(current.activeBarriers).toBeGreaterThan(0);
              expect(current.unorderedBarriers).toBe(0);
              break;
            case 'start_implementation':
              expect(current.goalsWithSubGoals).toBeGreaterThan(0);
              expect(current.hasCurrentAgreement).toBe(true);
              break;
            case 'close': {
              const closing = step.input.closing;
              expect(closing?.outcome).toBeTruthy();
              expect(filled(closing?.retrospective)).toBe(true);
              expect(filled(closing?.prospective)).toBe(true);
              expect(closing?.personParticipated).toBe(true);
              expect(current.hasClosingRating).toBe(true);
              if (decision.to === 'aftercare') expect((closing?.aftercareUntil ?? '') > TODAY).toBe(true);
              else expect(closing?.aftercareUntil ?? null).toBeNull();
              break;
            }
            default:
              break;
          }
          if (['reassess', 'replan', 'start_closing', 'reopen'].includes(action)) expect(filled(step.input.reason)).toBe(true);
          if (action !== 'indicate' && action !== 'decline') {
            expect(decision.indicationOverride).toBe(false);
            expect(decision.indicationMet).toBeNull();
          }
          if (decision.to === 'aftercare') expect(action).toBe('close');

          taken.add(`${status}-${action}->${decision.to}`);
          status = decision.to;
          reached.add(status);
        }
      }),
      { numRuns: 500 },
    );
    // The generator really walks the whole machine.
    expect([...reached].sort()).toEqual([...CASE_STATUSES].sort());
    expect([...taken].sort()).toEqual(EDGES.map((edge) => `${edge.from}-${edge.action}->${edge.to}`).sort());
  });

  it('never allows an action the current state does not offer', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CASE_STATUSES),
        fc.constantFrom(...CASE_ACTIONS),
        factsArb,
        inputArb,
        (status, action, rest, input) => {
          const current: CaseFacts = { ...rest, status };
          const offered = availableActions(current).map((entry) => entry.action);
          const decision = decideTransition(action, current, input, TODAY);
          if (!offered.includes(action)) {
            expect(decision).toEqual({ allowed: false, failures: [expect.objectContaining({ code: 'ACTION_NOT_ALLOWED_IN_STATE' })] });
          }
          for (const failure of decision.allowed ? [] : decision.failures) expect(failure.message.length).toBeGreaterThan(10);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('offers no action the machine has no edge for, and every edge is offered', () => {
    for (const status of CASE_STATUSES) {
      const offered = availableActions(facts(status)).map((entry) => entry.action);
      const fromEdges = [...new Set(EDGES.filter((edge) => edge.from === status).map((edge) => edge.action))];
      expect(offered.sort()).toEqual(fromEdges.sort());
    }
  });
});

describe('transitionEdges', () => {
  it('connects known states only, without duplicates', () => {
    const keys = EDGES.map((edge) => `${edge.from}|${edge.action}|${edge.to}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const edge of EDGES) {
      expect(CASE_STATUSES).toContain(edge.from);
      expect(CASE_STATUSES).toContain(edge.to);
    }
  });

  it('has the edges of SPEC C2', () => {
    const keys = EDGES.map((edge) => `${edge.from} -${edge.action}-> ${edge.to}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        'intake -indicate-> assessment',
        'intake -decline-> not_indicated',
        'assessment -complete_assessment-> planning',
        'planning -start_implementation-> implementation',
        'implementation -reassess-> assessment',
        'implementation -replan-> planning',
        'implementation -start_closing-> closing',
        'closing -close-> closed',
        'closing -close-> aftercare',
        'aftercare -end_aftercare-> closed',
        'closed -reopen-> assessment',
        'not_indicated -reopen-> intake',
      ]),
    );
    // Closed states leave only by reopening.
    expect(EDGES.filter((edge) => edge.from === 'closed' || edge.from === 'not_indicated').map((edge) => edge.action)).toEqual([
      'reopen',
      'reopen',
    ]);
    // Every open state can be left.
    for (const status of OPEN_CASE_STATUSES) expect(EDGES.some((edge) => edge.from === status)).toBe(true);
  });
});

describe('gates (examples)', () => {
  it('rejects an action that the state does not have', () => {
    expect(failureCodes('close', facts('intake'), { closing: fullClosing })).toEqual(['ACTION_NOT_ALLOWED_IN_STATE']);
    expect(failureCodes('indicate', facts('assessment'), { reason: 'x' })).toEqual(['ACTION_NOT_ALLOWED_IN_STATE']);
    expect(failureCodes('reopen', facts('implementation'), { reason: 'x' })).toEqual(['ACTION_NOT_ALLOWED_IN_STATE']);
    expect(failureCodes('end_aftercare', facts('closed'))).toEqual(['ACTION_NOT_ALLOWED_IN_STATE']);
  });

  it('indicate follows the rule without a reason and needs a reason to override it', () => {
    const decision = decideTransition('indicate', facts('intake'), {}, TODAY);
    expect(decision).toEqual({ allowed: true, to: 'assessment', indicationOverride: false, indicationMet: true });

    const twoBarriers = facts('intake', { activeBarriers: 2 });
    expect(failureCodes('indicate', twoBarriers)).toEqual(['INDICATION_OVERRIDE_REASON_REQUIRED']);
    expect(failureCodes('indicate', twoBarriers, { reason: '   ' })).toEqual(['INDICATION_OVERRIDE_REASON_REQUIRED']);
    expect(decideTransition('indicate', twoBarriers, { reason: 'Drohender Wohnungsverlust, hoher Unterstützungsbedarf' }, TODAY)).toEqual({
      allowed: true,
      to: 'assessment',
      indicationOverride: true,
      indicationMet: false,
    });

    const unwilling = facts('intake', { willingToCooperate: null });
    expect(failureCodes('indicate', unwilling)).toEqual(['INDICATION_OVERRIDE_REASON_REQUIRED']);
    const noWillingnessRule = facts('intake', { willingToCooperate: false, indicationRule: { minBarriers: 3, requireWillingness: false } });
    expect(failureCodes('indicate', noWillingnessRule)).toEqual([]);
  });

  it('decline overrides a met rule (reason needed) and follows an unmet one (no reason needed)', () => {
    expect(failureCodes('decline', facts('intake'))).toEqual(['INDICATION_OVERRIDE_REASON_REQUIRED']);
    expect(decideTransition('decline', facts('intake'), { reason: 'Person hat bereits Betreuung durch den Träger' }, TODAY)).toEqual({
      allowed: true,
      to: 'not_indicated',
      indicationOverride: true,
      indicationMet: true,
    });
    expect(decideTransition('decline', facts('intake', { activeBarriers: 1 }), {}, TODAY)).toEqual({
      allowed: true,
      to: 'not_indicated',
      indicationOverride: false,
      indicationMet: false,
    });
  });

  it('complete_assessment needs barriers, their order and a baseline rating', () => {
    expect(failureCodes('complete_assessment', facts('assessment'))).toEqual([]);
    expect(failureCodes('complete_assessment', facts('assessment', { activeBarriers: 0 }))).toEqual(['BARRIER_REQUIRED']);
    expect(failureCodes('complete_assessment', facts('assessment', { unorderedBarriers: 2 }))).toEqual(['BARRIER_ORDER_REQUIRED']);
    expect(failureCodes('complete_assessment', facts('assessment', { hasBaselineRating: false }))).toEqual(['BASELINE_RATING_REQUIRED']);
    expect(
      failureCodes('complete_assessment', facts('assessment', { activeBarriers: 0, unorderedBarriers: 1, hasBaselineRating: false })),
    ).toEqual(['BARRIER_REQUIRED', 'BARRIER_ORDER_REQUIRED', 'BASELINE_RATING_REQUIRED']);
  });

  it('start_implementation needs a goal with a sub-goal and a current agreement', () => {
    expect(decideTransition('start_implementation', facts('planning'), {}, TODAY)).toMatchObject({ allowed: true, to: 'implementation' });
    expect(failureCodes('start_implementation', facts('planning', { goalsWithSubGoals: 0 }))).toEqual(['PLAN_GOAL_REQUIRED']);
    expect(failureCodes('start_implementation', facts('planning', { hasCurrentAgreement: false }))).toEqual(['AGREEMENT_REQUIRED']);
  });

  it('reassess, replan, start_closing and reopen need a reason', () => {
    for (const [action, status] of [
      ['reassess', 'implementation'],
      ['replan', 'implementation'],
      ['start_closing', 'assessment'],
      ['start_closing', 'planning'],
      ['start_closing', 'implementation'],
      ['reopen', 'closed'],
      ['reopen', 'not_indicated'],
    ] as const) {
      expect(failureCodes(action, facts(status))).toEqual(['REASON_REQUIRED']);
      expect(failureCodes(action, facts(status), { reason: ' \n ' })).toEqual(['REASON_REQUIRED']);
      expect(failureCodes(action, facts(status), { reason: 'Neue Lebenssituation nach Umzug' })).toEqual([]);
    }
    expect(decideTransition('reopen', facts('closed'), { reason: 'Erneuter Hilfebedarf' }, TODAY)).toMatchObject({ to: 'assessment' });
    expect(decideTransition('reopen', facts('not_indicated'), { reason: 'Lage hat sich verschärft' }, TODAY)).toMatchObject({
      to: 'intake',
    });
  });

  it('close needs outcome, retrospective, prospective, participation and a closing rating', () => {
    expect(failureCodes('close', facts('closing', { hasClosingRating: false }))).toEqual([
      'CLOSING_RATING_REQUIRED',
      'OUTCOME_REQUIRED',
      'RETROSPECTIVE_REQUIRED',
      'PROSPECTIVE_REQUIRED',
      'PARTICIPATION_REQUIRED',
    ]);
    expect(failureCodes('close', facts('closing'), { closing: { ...fullClosing, outcome: null } })).toEqual(['OUTCOME_REQUIRED']);
    expect(failureCodes('close', facts('closing'), { closing: { ...fullClosing, retrospective: ' ' } })).toEqual([
      'RETROSPECTIVE_REQUIRED',
    ]);
    expect(failureCodes('close', facts('closing'), { closing: { ...fullClosing, prospective: null } })).toEqual(['PROSPECTIVE_REQUIRED']);
    expect(failureCodes('close', facts('closing'), { closing: { ...fullClosing, personParticipated: false } })).toEqual([
      'PARTICIPATION_REQUIRED',
    ]);
    expect(decideTransition('close', facts('closing'), { closing: fullClosing }, TODAY)).toEqual({
      allowed: true,
      to: 'closed',
      indicationOverride: false,
      indicationMet: null,
    });
  });

  it('close leads to aftercare only with an end date after today', () => {
    expect(failureCodes('close', facts('closing'), { closing: { ...fullClosing, aftercareUntil: TODAY } })).toEqual([
      'AFTERCARE_DATE_INVALID',
    ]);
    expect(failureCodes('close', facts('closing'), { closing: { ...fullClosing, aftercareUntil: '2026-05-14' } })).toEqual([
      'AFTERCARE_DATE_INVALID',
    ]);
    expect(decideTransition('close', facts('closing'), { closing: { ...fullClosing, aftercareUntil: '2026-05-16' } }, TODAY)).toMatchObject(
      {
        allowed: true,
        to: 'aftercare',
      },
    );
    expect(decideTransition('end_aftercare', facts('aftercare'), {}, TODAY)).toMatchObject({ allowed: true, to: 'closed' });
  });

  it('gives every failure a German message', () => {
    const decision = decideTransition('close', facts('closing', { hasClosingRating: false }), {}, TODAY);
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) for (const failure of decision.failures) expect(failure.message).toMatch(/[a-zäöüß]{3,}.*\.$/);
  });
});

describe('availableActions', () => {
  it('in intake with 3 barriers and willingness: indicate follows the rule, decline overrides it and needs a reason', () => {
    const actions = availableActions(facts('intake', { activeBarriers: 3, willingToCooperate: true }));
    expect(actions).toEqual([
      { action: 'indicate', missing: [], requiresReason: false, overridesIndication: false },
      { action: 'decline', missing: [], requiresReason: true, overridesIndication: true },
    ]);
  });

  it('in intake with too few barriers: indicate overrides and needs a reason, decline does not', () => {
    const actions = availableActions(facts('intake', { activeBarriers: 2 }));
    expect(actions).toEqual([
      { action: 'indicate', missing: [], requiresReason: true, overridesIndication: true },
      { action: 'decline', missing: [], requiresReason: false, overridesIndication: false },
    ]);
  });

  it('shows what is missing in assessment and planning', () => {
    const assessment = availableActions(facts('assessment', { activeBarriers: 0, hasBaselineRating: false }));
    expect(assessment.map((entry) => entry.action)).toEqual(['complete_assessment', 'start_closing']);
    expect(assessment[0]?.missing.map((failure) => failure.code)).toEqual(['BARRIER_REQUIRED', 'BASELINE_RATING_REQUIRED']);
    expect(assessment[1]).toEqual({ action: 'start_closing', missing: [], requiresReason: true, overridesIndication: false });

    const planning = availableActions(facts('planning', { hasCurrentAgreement: false }));
    expect(planning[0]).toMatchObject({ action: 'start_implementation', requiresReason: false });
    expect(planning[0]?.missing.map((failure) => failure.code)).toEqual(['AGREEMENT_REQUIRED']);
  });

  it('offers the actions of each state', () => {
    const names = (status: CaseStatus) => availableActions(facts(status)).map((entry) => entry.action);
    expect(names('implementation')).toEqual(['reassess', 'replan', 'start_closing']);
    expect(names('closing')).toEqual(['close']);
    expect(names('aftercare')).toEqual(['end_aftercare']);
    expect(names('closed')).toEqual(['reopen']);
    expect(names('not_indicated')).toEqual(['reopen']);
    expect(availableActions(facts('closing', { hasClosingRating: false }))[0]?.missing.map((f) => f.code)).toEqual([
      'CLOSING_RATING_REQUIRED',
    ]);
  });
});
