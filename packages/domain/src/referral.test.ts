import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conferenceRecordProblems } from './conference';
import { consentCovers, consentState, uncoveredCategories } from './consent';
import { DEFAULT_FEEDBACK_DEADLINES, distanceKm, freeCapacity, offerFitsTargetGroups } from './offers';
import {
  availableReferralActions,
  categoriesOfProviderWrite,
  JOBCENTER_REFERRAL_ACTIONS,
  nextReferralStatus,
  PROVIDER_REFERRAL_ACTIONS,
  REFERRAL_STATUSES,
  type ReferralAction,
  type ReferralStatus,
  referralEdges,
  referralOverdue,
  TERMINAL_REFERRAL_STATUSES,
  visibleToProvider,
  waitingDays,
} from './referral';

const ALL_ACTIONS: ReferralAction[] = [...JOBCENTER_REFERRAL_ACTIONS, ...PROVIDER_REFERRAL_ACTIONS];

describe('referral state machine', () => {
  it('follows exactly the edges of SPEC C7', () => {
    const edges = referralEdges().map((e) => `${e.from} -${e.action}-> ${e.to}`);
    expect(edges.sort()).toEqual(
      [
        'draft -send-> sent',
        'draft -cancel-> cancelled',
        'sent -cancel-> cancelled',
        'accepted -cancel-> cancelled',
        'self_referred -cancel-> cancelled',
        'self_referred -confirm_self_referral-> started',
        'sent -accept-> accepted',
        'sent -decline-> declined',
        'accepted -start-> started',
        'accepted -not_start-> not_started',
        'started -complete-> completed',
        'started -drop_out-> dropped_out',
      ].sort(),
    );
  });

  it('allows no step out of a terminal status', () => {
    for (const status of TERMINAL_REFERRAL_STATUSES) {
      for (const action of ALL_ACTIONS) expect(nextReferralStatus(status, action), `${status} ${action}`).toBeNull();
    }
  });

  it('never lets a random sequence of steps leave the graph, and reaches every status', () => {
    const reached = new Set<ReferralStatus>();
    fc.assert(
      fc.property(
        fc.constantFrom<ReferralStatus>('draft', 'self_referred'),
        fc.array(fc.constantFrom(...ALL_ACTIONS), { maxLength: 8 }),
        (start, actions) => {
          let status = start;
          reached.add(status);
          for (const action of actions) {
            const next = nextReferralStatus(status, action);
            const legal = referralEdges().some((e) => e.from === status && e.action === action);
            expect(next !== null).toBe(legal);
            if (next) status = next;
            reached.add(status);
          }
        },
      ),
      // A fixed seed: reaching every status is a property of the runs, not of chance.
      { numRuns: 2000, seed: 20261121 },
    );
    expect([...reached].sort()).toEqual([...REFERRAL_STATUSES].sort());
  });

  it('splits the steps between the Jobcenter and the provider', () => {
    expect(availableReferralActions('sent', 'provider')).toEqual(['accept', 'decline']);
    expect(availableReferralActions('sent', 'jobcenter')).toEqual(['cancel']);
    expect(availableReferralActions('draft', 'provider')).toEqual([]);
    expect(availableReferralActions('started', 'jobcenter')).toEqual([]);
    expect(availableReferralActions('started', 'provider')).toEqual(['complete', 'drop_out']);
  });

  it('hides drafts and unconfirmed self-referrals from the provider, and cancellations of unsent ones', () => {
    expect(visibleToProvider('draft', null)).toBe(false);
    expect(visibleToProvider('self_referred', null)).toBe(false);
    expect(visibleToProvider('cancelled', null)).toBe(false);
    expect(visibleToProvider('cancelled', '2026-03-01')).toBe(true);
    expect(visibleToProvider('started', null)).toBe(true);
  });
});

describe('waiting time and overdue flags on fixed dates', () => {
  const deadlines = { answerDays: 5, startDays: 21, interimReportDays: 90 };

  it('counts the waiting time from sending to the start, or to today while waiting', () => {
    expect(waitingDays({ sentOn: '2026-03-01', startedOn: '2026-03-15' }, '2026-04-30')).toBe(14);
    expect(waitingDays({ sentOn: '2026-03-01', startedOn: null }, '2026-03-10')).toBe(9);
    expect(waitingDays({ sentOn: null, startedOn: null }, '2026-03-10')).toBeNull();
  });

  it('flags an unanswered referral from the day after the answer deadline', () => {
    const r = { status: 'sent' as const, sentOn: '2026-03-01', acceptedOn: null, startedOn: null, lastReportOn: null };
    expect(referralOverdue(r, deadlines, '2026-03-06')).toBeNull();
    expect(referralOverdue(r, deadlines, '2026-03-07')).toEqual({ kind: 'answer', dueOn: '2026-03-06', daysOverdue: 1 });
  });

  it('flags a missing start after acceptance and a missing interim report while running', () => {
    const accepted = { status: 'accepted' as const, sentOn: '2026-03-01', acceptedOn: '2026-03-03', startedOn: null, lastReportOn: null };
    expect(referralOverdue(accepted, deadlines, '2026-03-24')).toBeNull();
    expect(referralOverdue(accepted, deadlines, '2026-03-30')).toEqual({ kind: 'start', dueOn: '2026-03-24', daysOverdue: 6 });
    const started = {
      status: 'started' as const,
      sentOn: '2026-01-01',
      acceptedOn: '2026-01-02',
      startedOn: '2026-01-10',
      lastReportOn: null,
    };
    expect(referralOverdue(started, deadlines, '2026-04-10')).toBeNull();
    expect(referralOverdue(started, deadlines, '2026-04-11')).toEqual({ kind: 'report', dueOn: '2026-04-10', daysOverdue: 1 });
    // A report resets the clock.
    expect(referralOverdue({ ...started, lastReportOn: '2026-04-01' }, deadlines, '2026-04-11')).toBeNull();
  });

  it('never flags closed referrals or drafts', () => {
    for (const status of ['draft', 'completed', 'declined', 'cancelled', 'dropped_out', 'not_started'] as const) {
      expect(
        referralOverdue(
          { status, sentOn: '2020-01-01', acceptedOn: '2020-01-02', startedOn: '2020-01-03', lastReportOn: null },
          DEFAULT_FEEDBACK_DEADLINES,
          '2026-01-01',
        ),
      ).toBeNull();
    }
  });
});

describe('consent', () => {
  const consent = { categories: ['attendance', 'results'] as const, givenOn: '2026-02-01', validUntil: '2026-12-31', revokedOn: null };

  it('is valid from the day given until its end, and revoked from the day of revocation', () => {
    expect(consentState(consent, '2026-01-31')).toBe('not_yet_valid');
    expect(consentState(consent, '2026-02-01')).toBe('valid');
    expect(consentState(consent, '2026-12-31')).toBe('valid');
    expect(consentState(consent, '2027-01-01')).toBe('expired');
    expect(consentState({ ...consent, revokedOn: '2026-05-01' }, '2026-05-01')).toBe('revoked');
    expect(consentState({ ...consent, revokedOn: '2026-05-01' }, '2026-04-30')).toBe('valid');
  });

  it('covers only its categories, and nothing when not valid', () => {
    expect(consentCovers(consent, 'attendance', '2026-03-01')).toBe(true);
    expect(consentCovers(consent, 'health', '2026-03-01')).toBe(false);
    expect(consentCovers({ ...consent, revokedOn: '2026-02-15' }, 'attendance', '2026-03-01')).toBe(false);
    expect(uncoveredCategories(consent, ['health', 'attendance', 'content_summary'], '2026-03-01')).toEqual(['content_summary', 'health']);
  });

  it('needs the category of every field a provider writes, and health for a special-category need', () => {
    expect(categoriesOfProviderWrite({ declineReason: 'voll' })).toEqual([]);
    expect(categoriesOfProviderWrite({ appointmentOn: '2026-03-01', kept: true, appointmentNote: null })).toEqual([
      { field: 'appointmentOn', category: 'attendance' },
      { field: 'kept', category: 'attendance' },
    ]);
    expect(categoriesOfProviderWrite({ arisingNeeds: [{ barrierTypeId: 'x' }] }, true)).toEqual([
      { field: 'arisingNeeds', category: 'content_summary' },
      { field: 'arisingNeeds', category: 'health' },
    ]);
    expect(categoriesOfProviderWrite({ subGoals: [] })).toEqual([]);
  });
});

describe('offers', () => {
  it('measures distances like the haversine formula (Berlin – Hamburg ≈ 255 km, 1 km steps locally)', () => {
    expect(distanceKm({ latitude: 52.52, longitude: 13.405 }, { latitude: 53.5511, longitude: 9.9937 })).toBeCloseTo(255.3, 0);
    expect(distanceKm({ latitude: 51.0, longitude: 9.0 }, { latitude: 51.0 + 1 / 111.195, longitude: 9.0 })).toBeCloseTo(1.0, 2);
    expect(distanceKm({ latitude: 51.0, longitude: 9.0 }, { latitude: 51.0, longitude: 9.0 })).toBe(0);
  });

  it('fits an offer to a person by target group; "all" fits everyone', () => {
    expect(offerFitsTargetGroups(['all'], [])).toBe(true);
    expect(offerFitsTargetGroups(['u25'], ['ue50'])).toBe(false);
    expect(offerFitsTargetGroups(['u25', 'single_parent'], ['single_parent'])).toBe(true);
  });

  it('computes free capacity, never below zero', () => {
    expect(freeCapacity(10, 3)).toBe(7);
    expect(freeCapacity(2, 5)).toBe(0);
    expect(freeCapacity(null, 5)).toBeNull();
  });
});

describe('case conference record', () => {
  it('needs the presence for a held conference and a reason for absence', () => {
    expect(conferenceRecordProblems({ status: 'planned', personPresent: null, absenceReason: null })).toEqual([]);
    expect(conferenceRecordProblems({ status: 'held', personPresent: null, absenceReason: null })[0]?.field).toBe('personPresent');
    expect(conferenceRecordProblems({ status: 'held', personPresent: false, absenceReason: '  ' })[0]?.field).toBe('absenceReason');
    expect(conferenceRecordProblems({ status: 'held', personPresent: false, absenceReason: 'Krankenhausaufenthalt' })).toEqual([]);
    expect(conferenceRecordProblems({ status: 'held', personPresent: true, absenceReason: null })).toEqual([]);
  });
});
