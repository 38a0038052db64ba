import { describe, expect, it } from 'vitest';
import {
  consecutiveMissedBefore,
  DEFAULT_SANCTION_RULES,
  DUTY_FORMS,
  type DutyForm,
  type EarlierSanction,
  earlierBreachDates,
  formAllows,
  hearingAllowsDecision,
  hearingDeadline,
  overlappingRule,
  periodsOverlap,
  reductionAmountCents,
  reductionFor,
  reductionPeriod,
  type SanctionRule,
  sanctionRuleFor,
  stageOf,
} from './sanctions';

/** The default table as stored rows (ids and versions as the database gives them). */
const RULES: SanctionRule[] = DEFAULT_SANCTION_RULES.map((r, i) => ({
  ...r,
  id: `00000000-0000-4000-8000-00000000000${i + 1}`,
  version: 1,
}));
const byCode = (code: string): SanctionRule => {
  const rule = RULES.find((r) => r.code === code);
  if (!rule) throw new Error(`no rule ${code}`);
  return rule;
};
const BVERFG = byCode('alg2_bverfg_2019');
const MORATORIUM = byCode('sanktionsmoratorium_2022');
const BUERGERGELD = byCode('buergergeld_egv_2023');
const KOOPERATIONSPLAN = byCode('buergergeld_kooperationsplan_2023');
const GRUNDSICHERUNG = byCode('grundsicherung_2026');

describe('the rule is chosen by the breach date', () => {
  it.each([
    ['2019-11-04', undefined],
    ['2019-11-05', 'alg2_bverfg_2019'],
    ['2022-06-30', 'alg2_bverfg_2019'],
    ['2022-07-01', 'sanktionsmoratorium_2022'],
    ['2022-12-31', 'sanktionsmoratorium_2022'],
    ['2023-01-01', 'buergergeld_egv_2023'],
    ['2023-06-30', 'buergergeld_egv_2023'],
    ['2023-07-01', 'buergergeld_kooperationsplan_2023'],
    ['2026-06-30', 'buergergeld_kooperationsplan_2023'],
    ['2026-07-01', 'grundsicherung_2026'],
    ['2031-12-31', 'grundsicherung_2026'],
  ])('on %s: %s', (date, code) => {
    expect(sanctionRuleFor(RULES, date)?.code).toBe(code);
  });

  it('the default periods neither overlap nor leave a gap from the BVerfG judgement on', () => {
    const sorted = [...RULES].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
    for (const [i, rule] of sorted.entries()) {
      expect(overlappingRule(RULES, rule, rule.id), rule.code).toBeUndefined();
      const next = sorted[i + 1];
      if (next) {
        const dayAfter = new Date(`${rule.validTo}T00:00:00Z`);
        dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
        expect(dayAfter.toISOString().slice(0, 10), `${rule.code} → ${next.code}`).toBe(next.validFrom);
      } else {
        expect(rule.validTo).toBeNull();
      }
    }
  });

  it('every default row names its legal basis and says it must be checked before use', () => {
    for (const rule of DEFAULT_SANCTION_RULES) {
      expect(rule.legalBasis).toMatch(/SGB II/);
      expect(rule.sourceNote).toMatch(/vor der Verwendung/);
    }
  });
});

describe('which forms allow a sanction in each period', () => {
  const allowed = (rule: SanctionRule) => DUTY_FORMS.filter((form) => formAllows(rule, 'duty_breach', form));
  it.each<[string, SanctionRule, DutyForm[]]>([
    ['until 30.06.2022: EGV or Verwaltungsakt', BVERFG, ['egv', 'verwaltungsakt']],
    ['moratorium: no duty breach at all', MORATORIUM, []],
    ['Bürgergeld until 30.06.2023: EGV or Verwaltungsakt', BUERGERGELD, ['egv', 'verwaltungsakt']],
    ['Kooperationsplan: request with notice or Verwaltungsakt, not the EGV', KOOPERATIONSPLAN, ['verwaltungsakt', 'request_with_notice']],
    ['2026: request with notice or Verwaltungsakt', GRUNDSICHERUNG, ['verwaltungsakt', 'request_with_notice']],
  ])('%s', (_, rule, forms) => {
    expect(allowed(rule)).toEqual(forms);
  });

  it('a missed appointment needs an invitation, in every period including the moratorium', () => {
    for (const rule of RULES) {
      expect(formAllows(rule, 'missed_appointment', 'appointment_invitation')).toBe(true);
      for (const form of ['egv', 'verwaltungsakt', 'request_with_notice'] as const) {
        expect(formAllows(rule, 'missed_appointment', form)).toBe(false);
      }
      expect(formAllows(rule, 'duty_breach', 'appointment_invitation')).toBe(false);
    }
  });
});

describe('stages and the repetition window', () => {
  it('Bürgergeld: 10 % for one month, 20 % for two, then 30 % for three', () => {
    const breach = '2024-05-15';
    expect(reductionFor(KOOPERATIONSPLAN, 'duty_breach', breach, [])).toEqual({ repetition: 1, percent: 10, months: 1, fullStop: false });
    expect(reductionFor(KOOPERATIONSPLAN, 'duty_breach', breach, ['2024-01-01'])).toMatchObject({ repetition: 2, percent: 20, months: 2 });
    expect(reductionFor(KOOPERATIONSPLAN, 'duty_breach', breach, ['2023-09-01', '2024-01-01'])).toMatchObject({
      repetition: 3,
      percent: 30,
      months: 3,
    });
    expect(reductionFor(KOOPERATIONSPLAN, 'duty_breach', breach, ['2023-07-01', '2023-09-01', '2024-01-01'])).toMatchObject({
      repetition: 4,
      percent: 30,
      months: 3,
    });
  });

  it('an earlier reduction counts when it began within the last twelve months (the boundary day included)', () => {
    expect(reductionFor(BUERGERGELD, 'duty_breach', '2023-05-15', ['2022-05-15']).repetition).toBe(2);
    expect(reductionFor(BUERGERGELD, 'duty_breach', '2023-05-15', ['2022-05-14']).repetition).toBe(1);
    // A reduction that begins after the breach does not make it a repeated one.
    expect(reductionFor(BUERGERGELD, 'duty_breach', '2023-05-15', ['2023-06-01']).repetition).toBe(1);
  });

  it('until 30.06.2022 and from 2026: a flat 30 % for three months, repeated or not', () => {
    for (const rule of [BVERFG, GRUNDSICHERUNG]) {
      expect(reductionFor(rule, 'duty_breach', '2026-09-01', [])).toMatchObject({ percent: 30, months: 3 });
      expect(reductionFor(rule, 'duty_breach', '2026-09-01', ['2026-08-01'])).toMatchObject({ repetition: 2, percent: 30, months: 3 });
    }
  });

  it('missed appointments: 10 % for three months until 30.06.2022, 10 % for one month under Bürgergeld', () => {
    expect(reductionFor(BVERFG, 'missed_appointment', '2021-03-01', [])).toMatchObject({ percent: 10, months: 3 });
    expect(reductionFor(BUERGERGELD, 'missed_appointment', '2023-03-01', ['2023-02-01'])).toMatchObject({ percent: 10, months: 1 });
  });

  it('moratorium: the first missed appointment gives no reduction, the second within a year 10 %', () => {
    expect(reductionFor(MORATORIUM, 'missed_appointment', '2022-08-10', [])).toMatchObject({ repetition: 1, percent: 0 });
    const first: EarlierSanction = {
      kind: 'missed_appointment',
      breachOn: '2022-07-20',
      importantReasonAccepted: false,
      outcome: 'no_reduction',
      repetition: 1,
      startsOn: null,
      rule: MORATORIUM,
    };
    const dates = earlierBreachDates('missed_appointment', [first]);
    expect(dates).toEqual(['2022-07-20']);
    expect(reductionFor(MORATORIUM, 'missed_appointment', '2022-08-10', dates)).toMatchObject({ repetition: 2, percent: 10, months: 3 });
  });

  it('counts excused breaches and hardship decisions not as earlier ones', () => {
    const base: EarlierSanction = {
      kind: 'duty_breach',
      breachOn: '2024-01-10',
      importantReasonAccepted: false,
      outcome: 'reduce',
      repetition: 1,
      startsOn: '2024-02-01',
      rule: KOOPERATIONSPLAN,
    };
    expect(
      earlierBreachDates('duty_breach', [
        base,
        { ...base, importantReasonAccepted: true, outcome: 'no_reduction', startsOn: null },
        // Important reason not accepted, no reduction for hardship although the stage gives 10 %.
        { ...base, outcome: 'no_reduction', startsOn: null },
        { ...base, kind: 'missed_appointment', startsOn: '2024-03-01' },
      ]),
    ).toEqual(['2024-02-01']);
  });

  it('stageOf repeats the last stage', () => {
    expect(stageOf(KOOPERATIONSPLAN, 'duty_breach', 7)).toEqual({ percent: 30, months: 3 });
    expect(stageOf(MORATORIUM, 'missed_appointment', 1)).toEqual({ percent: 0, months: 0 });
  });
});

describe('the standard benefit stops after repeated missed appointments (2026)', () => {
  it('the third missed appointment in a row stops it; the first and second reduce by 30 %', () => {
    expect(reductionFor(GRUNDSICHERUNG, 'missed_appointment', '2026-09-01', [], 0)).toMatchObject({ percent: 30, fullStop: false });
    expect(reductionFor(GRUNDSICHERUNG, 'missed_appointment', '2026-09-01', [], 1)).toMatchObject({ percent: 30, fullStop: false });
    expect(reductionFor(GRUNDSICHERUNG, 'missed_appointment', '2026-09-01', [], 2)).toMatchObject({
      percent: 100,
      months: 1,
      fullStop: true,
    });
  });

  it('no stop in the periods before', () => {
    for (const rule of [BVERFG, MORATORIUM, BUERGERGELD, KOOPERATIONSPLAN]) {
      expect(reductionFor(rule, 'missed_appointment', '2023-09-01', [], 5).fullStop).toBe(false);
    }
  });

  it('a kept appointment breaks the row; open or excused ones neither count nor break it', () => {
    expect(
      consecutiveMissedBefore('2026-10-01', [
        { appointmentOn: '2026-07-10', missed: true },
        { appointmentOn: '2026-08-10', missed: false },
        { appointmentOn: '2026-08-20', missed: true },
        { appointmentOn: '2026-09-01', missed: null },
        { appointmentOn: '2026-09-10', missed: true },
        { appointmentOn: '2026-10-01', missed: true },
      ]),
    ).toBe(2);
    expect(consecutiveMissedBefore('2026-10-01', [])).toBe(0);
  });
});

describe('amounts and periods', () => {
  it('amounts are shares of the standard need of the year the reduction starts in', () => {
    expect(reductionAmountCents(30, '2020-02-01')).toBe(12_960);
    expect(reductionAmountCents(10, '2022-10-01')).toBe(4_490);
    expect(reductionAmountCents(10, '2023-02-01')).toBe(5_020);
    expect(reductionAmountCents(20, '2024-03-01')).toBe(11_260);
    expect(reductionAmountCents(30, '2026-08-01')).toBe(16_890);
    expect(reductionAmountCents(100, '2026-10-01')).toBe(56_300);
    // After the last known year the last known standard need applies.
    expect(reductionAmountCents(30, '2029-01-01')).toBe(16_890);
  });

  it('a reduction starts with the month after the decision and lasts its months', () => {
    expect(reductionPeriod('2026-07-15', 3)).toEqual({ startsOn: '2026-08-01', endsOn: '2026-10-31' });
    expect(reductionPeriod('2023-12-20', 1)).toEqual({ startsOn: '2024-01-01', endsOn: '2024-01-31' });
    expect(reductionPeriod('2024-01-31', 2)).toEqual({ startsOn: '2024-02-01', endsOn: '2024-03-31' });
  });

  it('the hearing deadline gates the decision', () => {
    const deadline = hearingDeadline('2026-03-02', 14);
    expect(deadline).toBe('2026-03-16');
    expect(hearingAllowsDecision({ deadline: null, answeredOn: null }, '2026-04-01')).toBe(false);
    expect(hearingAllowsDecision({ deadline, answeredOn: null }, '2026-03-16')).toBe(false);
    expect(hearingAllowsDecision({ deadline, answeredOn: null }, '2026-03-17')).toBe(true);
    expect(hearingAllowsDecision({ deadline, answeredOn: '2026-03-05' }, '2026-03-05')).toBe(true);
  });
});

describe('overlapping periods', () => {
  it('share a day, or run open-ended into each other', () => {
    expect(periodsOverlap({ validFrom: '2023-01-01', validTo: '2023-06-30' }, { validFrom: '2023-06-30', validTo: null })).toBe(true);
    expect(periodsOverlap({ validFrom: '2023-01-01', validTo: '2023-06-30' }, { validFrom: '2023-07-01', validTo: null })).toBe(false);
    expect(periodsOverlap({ validFrom: '2026-07-01', validTo: null }, { validFrom: '2030-01-01', validTo: null })).toBe(true);
    expect(periodsOverlap({ validFrom: '2010-01-01', validTo: '2010-12-31' }, { validFrom: '2019-11-05', validTo: null })).toBe(false);
    expect(overlappingRule(RULES, { validFrom: '2018-01-01', validTo: '2019-11-05' })?.code).toBe('alg2_bverfg_2019');
    expect(overlappingRule(RULES, { validFrom: '2018-01-01', validTo: '2019-11-04' })).toBeUndefined();
  });
});
