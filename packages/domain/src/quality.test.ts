import { describe, expect, it } from 'vitest';
import {
  AGE_BANDS,
  ageBandOf,
  agreementReviewKept,
  caseloadAssessment,
  completionPartOf,
  type FeedbackFacts,
  FUNDS_FIGURE_KEYS,
  feedbackDeadlineChecks,
  formatReportChange,
  formatReportChangePercent,
  formatReportCount,
  formatReportValue,
  keptDeadlinesIn,
  protectPeople,
  QUALITY_INDICATOR_DEFINITIONS,
  QUALITY_INDICATORS,
  qualityIndicatorDefinition,
  REPORT_FIGURES,
  RESULT_FIGURE_KEYS,
  referenceDateOf,
  reportMean,
  showRatio,
  suppressedInBreakdown,
  TREND_FIGURE_KEYS,
  trendOf,
} from './quality';

const DEADLINES = { answerDays: 5, startDays: 21, interimReportDays: 90 };
const NONE: FeedbackFacts = {
  sentOn: null,
  answeredOn: null,
  acceptedOn: null,
  startAnsweredOn: null,
  startedOn: null,
  endedOn: null,
  cancelledOn: null,
  reportDates: [],
};

describe('quality indicator definitions', () => {
  it('define every indicator in German with its level, and allow the team breakdown for all', () => {
    for (const key of QUALITY_INDICATORS) {
      const d = QUALITY_INDICATOR_DEFINITIONS[key];
      expect(d.name.length, key).toBeGreaterThan(5);
      expect(d.definition.length, key).toBeGreaterThan(80);
      expect(d.groupings, key).toContain('team');
      if (d.groupings.length < 3) expect(d.notApplicable, key).toMatch(/^nicht anwendbar/);
    }
    expect(QUALITY_INDICATOR_DEFINITIONS.caseload.groupings).toEqual(['team']);
    expect(QUALITY_INDICATOR_DEFINITIONS.feedback_on_time.groupings).toEqual(['team', 'service_type', 'provider']);
  });

  it('fill in the tenant targets', () => {
    expect(qualityIndicatorDefinition('caseload', { caseloadTarget: 60, waitingTargetDays: 14 })).toContain('(60 Fälle)');
    expect(qualityIndicatorDefinition('waiting_within_target', { caseloadTarget: 60, waitingTargetDays: 14 })).toContain(
      'höchstens 14 Tage',
    );
  });
});

describe('reference date', () => {
  it('is the last day of a past year and today in the running year', () => {
    expect(referenceDateOf(2025, '2026-03-01')).toBe('2025-12-31');
    expect(referenceDateOf(2026, '2026-03-01')).toBe('2026-03-01');
  });
});

describe('feedbackDeadlineChecks', () => {
  it('checks answer, start and each interim report against the deadlines', () => {
    const checks = feedbackDeadlineChecks(
      {
        ...NONE,
        sentOn: '2026-01-01',
        answeredOn: '2026-01-06',
        acceptedOn: '2026-01-06',
        startAnsweredOn: '2026-01-20',
        startedOn: '2026-01-20',
        reportDates: ['2026-04-10'],
      },
      DEADLINES,
      '2026-08-01',
    );
    expect(checks).toEqual([
      { kind: 'answer', dueOn: '2026-01-06', metOn: '2026-01-06', onTime: true },
      { kind: 'start', dueOn: '2026-01-27', metOn: '2026-01-20', onTime: true },
      { kind: 'report', dueOn: '2026-04-20', metOn: '2026-04-10', onTime: true },
      // 90 days after the last report nothing came: late (overdue from 2026-07-10).
      { kind: 'report', dueOn: '2026-07-09', metOn: null, onTime: false },
    ]);
  });

  it('counts a late answer and a late report, then goes on from the late report', () => {
    expect(feedbackDeadlineChecks({ ...NONE, sentOn: '2026-01-01', answeredOn: '2026-01-07' }, DEADLINES, '2026-08-01')).toEqual([
      { kind: 'answer', dueOn: '2026-01-06', metOn: '2026-01-07', onTime: false },
    ]);
    const reports = feedbackDeadlineChecks(
      { ...NONE, startedOn: '2026-01-01', reportDates: ['2026-07-01', '2026-04-15'] },
      DEADLINES,
      '2026-08-01',
    );
    expect(reports).toEqual([
      { kind: 'report', dueOn: '2026-04-01', metOn: '2026-04-15', onTime: false },
      { kind: 'report', dueOn: '2026-07-14', metOn: '2026-07-01', onTime: true },
    ]);
  });

  it('owes nothing after a withdrawal or an end before the due day, nor before the due day has passed', () => {
    expect(feedbackDeadlineChecks({ ...NONE, sentOn: '2026-01-01', cancelledOn: '2026-01-03' }, DEADLINES, '2026-08-01')).toEqual([]);
    expect(feedbackDeadlineChecks({ ...NONE, sentOn: '2026-07-30' }, DEADLINES, '2026-08-01')).toEqual([]);
    // Due on the 4th: still within the deadline on the 4th itself.
    expect(feedbackDeadlineChecks({ ...NONE, sentOn: '2026-07-30' }, DEADLINES, '2026-08-04')).toEqual([]);
    expect(feedbackDeadlineChecks({ ...NONE, sentOn: '2026-07-30' }, DEADLINES, '2026-08-05')).toHaveLength(1);
    expect(feedbackDeadlineChecks({ ...NONE, startedOn: '2026-01-01', endedOn: '2026-03-01' }, DEADLINES, '2026-08-01')).toEqual([]);
  });

  it('judges a referral by the deadlines due in the period', () => {
    const checks = feedbackDeadlineChecks({ ...NONE, startedOn: '2025-10-01', reportDates: ['2026-02-01'] }, DEADLINES, '2026-08-01');
    // Due 2025-12-30 (late, met 2026-02-01), then 2026-05-02 (missed).
    expect(checks.map((c) => [c.dueOn, c.onTime])).toEqual([
      ['2025-12-30', false],
      ['2026-05-02', false],
    ]);
    expect(keptDeadlinesIn(checks, '2025-01-01', '2025-12-31')).toBe(false);
    expect(keptDeadlinesIn(checks, '2024-01-01', '2024-12-31')).toBeNull();
    expect(keptDeadlinesIn([{ kind: 'answer', dueOn: '2026-01-06', metOn: '2026-01-06', onTime: true }], '2026-01-01', '2026-12-31')).toBe(
      true,
    );
  });
});

describe('agreementReviewKept', () => {
  const version = { agreedOn: '2026-01-10', reviewOn: '2026-07-10', nextAgreedOn: null, closingStartedOn: null };
  it('is kept by a new version or a started closing on or before the review day', () => {
    expect(agreementReviewKept({ ...version, nextAgreedOn: '2026-07-10' })).toBe(true);
    expect(agreementReviewKept({ ...version, closingStartedOn: '2026-05-01' })).toBe(true);
    expect(agreementReviewKept({ ...version, nextAgreedOn: '2026-07-11' })).toBe(false);
    expect(agreementReviewKept({ ...version, closingStartedOn: '2025-12-01' })).toBe(false);
    expect(agreementReviewKept(version)).toBe(false);
  });
});

describe('suppression', () => {
  it('suppresses small figures of a breakdown, and more where they could be computed from the total', () => {
    // 3 alone would follow from 21 − 10 − 8: the next smallest with units (8) goes too; the empty group stays.
    expect(suppressedInBreakdown([10, 3, 8, 0], 5)).toEqual({ total: false, rows: [false, true, true, false] });
    // 2 and 3 together are 5: their sum names no small group.
    expect(suppressedInBreakdown([2, 3, 10], 5)).toEqual({ total: false, rows: [true, true, false] });
    // 1 and 1 together are 2 < 3: the 5 goes too.
    expect(suppressedInBreakdown([5, 1, 1], 3)).toEqual({ total: false, rows: [true, true, true] });
    expect(suppressedInBreakdown([10, 0], 5)).toEqual({ total: false, rows: [false, false] });
    expect(suppressedInBreakdown([4, 0], 5)).toEqual({ total: true, rows: [true, false] });
    expect(suppressedInBreakdown([5, 6], 5)).toEqual({ total: false, rows: [false, false] });
    expect(suppressedInBreakdown([], 5)).toEqual({ total: false, rows: [] });
  });

  it('shows a suppressed ratio without numerator and denominator', () => {
    expect(showRatio({ numerator: 1, denominator: 3, basis: 3 }, true)).toEqual({
      numerator: null,
      denominator: null,
      value: null,
      suppressed: true,
    });
    expect(showRatio({ numerator: 3, denominator: 4, basis: 4 }, false)).toEqual({
      numerator: 3,
      denominator: 4,
      value: 0.75,
      suppressed: false,
    });
    expect(showRatio({ numerator: 0, denominator: 0, basis: 0 }, false).value).toBeNull();
  });

  it('protects the counts of people in the report, all breakdowns of a year together', () => {
    const shown = (result: ReturnType<typeof protectPeople>) =>
      result.breakdowns.map((cells) => cells.map((c) => (c.suppressed ? '<' : c.value)));
    const result = protectPeople(
      7,
      [
        { counts: [3, 0, 3, 1, 0], partition: true },
        { counts: [4, 2, 1, 0], partition: true },
        { counts: [3, 1, 0], partition: false },
        { counts: [6, 1], partition: true },
      ],
      3,
    );
    expect(result.total).toEqual({ value: 7, suppressed: false });
    expect(shown(result)).toEqual([
      ['<', 0, 3, '<', 0],
      [4, '<', '<', 0],
      // An overlapping group: 1 is small; the 6 outside it are not shown, so nothing follows from the total.
      [3, '<', 0],
      // 1 would follow from 7 − 6.
      ['<', '<'],
    ]);
    // An overlapping group whose outside is small: 6 of 7 would tell that 1 person is not in it.
    expect(shown(protectPeople(7, [{ counts: [6], partition: false }], 3))).toEqual([['<']]);
    // A total below the minimum: nothing of its breakdowns, not even zeros.
    const small = protectPeople(2, [{ counts: [2, 0], partition: true }], 3);
    expect(small.total).toEqual({ value: null, suppressed: true });
    expect(shown(small)).toEqual([['<', '<']]);
    expect(shown(protectPeople(0, [{ counts: [0, 0], partition: true }], 3))).toEqual([[0, 0]]);
  });
});

describe('caseloadAssessment', () => {
  it('compares the mean caseload with the target: green up to it, yellow up to 10 % above, red beyond', () => {
    expect(caseloadAssessment(75, 75)).toEqual({ target: 75, ratio: 1, light: 'green' });
    expect(caseloadAssessment(82.5, 75).light).toBe('yellow');
    expect(caseloadAssessment(83, 75).light).toBe('red');
    expect(caseloadAssessment(null, 75)).toEqual({ target: 75, ratio: null, light: null });
  });
});

describe('reportMean', () => {
  it('is the mean, or null without values', () => {
    expect(reportMean([2, 4, 9])).toBe(5);
    expect(reportMean([])).toBeNull();
  });
});

describe('provider report vocabulary', () => {
  it('bands ages at their edges', () => {
    expect([24, 25, 34, 35, 49, 50, 59, 60, 80].map(ageBandOf)).toEqual([
      'under_25',
      'from_25_to_34',
      'from_25_to_34',
      'from_35_to_49',
      'from_35_to_49',
      'from_50_to_59',
      'from_50_to_59',
      'from_60',
      'from_60',
    ]);
    expect(AGE_BANDS).toHaveLength(5);
  });

  it('compares with the prior year', () => {
    expect(trendOf(12, 10)).toEqual({ change: 2, changePercent: 20 });
    expect(trendOf(5, 10)).toEqual({ change: -5, changePercent: -50 });
    expect(trendOf(3, 0)).toEqual({ change: 3, changePercent: null });
    expect(trendOf(null, 5)).toEqual({ change: null, changePercent: null });
  });

  it('labels and defines every figure of the report', () => {
    for (const key of [...RESULT_FIGURE_KEYS, ...FUNDS_FIGURE_KEYS, ...TREND_FIGURE_KEYS]) {
      expect(REPORT_FIGURES[key].label.length, key).toBeGreaterThan(3);
      expect(REPORT_FIGURES[key].definition.length, key).toBeGreaterThan(15);
    }
    expect(completionPartOf('completed', null)).toBe('no_result');
    expect(completionPartOf('completed', 'goal_reached')).toBe('goal_reached');
    expect(completionPartOf('dropped_out', null)).toBe('dropped_out');
  });
});

describe('report formats', () => {
  it('formats figures the German way', () => {
    expect(formatReportValue(1234, 'count')).toBe('1.234');
    expect(formatReportValue(91.25, 'days')).toBe('91,3');
    expect(formatReportValue(80, 'percent')).toBe('80 %');
    expect(formatReportValue(400_050, 'cents')).toBe('4.000,50 €');
    expect(formatReportValue(null, 'count')).toBe('–');
    expect(formatReportChange(-1_099_950, 'cents')).toBe('−10.999,50 €');
    expect(formatReportChange(5, 'count')).toBe('+5');
    expect(formatReportChange(0, 'count')).toBe('±0');
    expect(formatReportChange(-20, 'percent')).toBe('−20 Pp.');
    expect(formatReportChangePercent(166.7, 'count')).toBe('+166,7 %');
    expect(formatReportChangePercent(-20, 'percent')).toBe('–');
    expect(formatReportCount({ value: null, suppressed: true }, 5)).toBe('< 5');
    expect(formatReportCount({ value: 12, suppressed: false }, 5)).toBe('12');
  });
});
