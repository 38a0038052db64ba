import { describe, expect, it } from 'vitest';
import {
  addMonths,
  evenShare,
  eventsOf,
  lastDayOf,
  MODUL13_FIELDS,
  MODUL13_MEASURE_TYPE_CODES,
  type Modul13RecordContext,
  type Modul13ReferralFacts,
  measureRunsIn,
  measuresOf,
  modul13AverageCost,
  modul13Content,
  modul13FieldTableMarkdown,
  modul13Record,
  referralBeginOf,
  reportMonthsOfYear,
} from './modul13';

function facts(overrides: Partial<Modul13ReferralFacts> = {}): Modul13ReferralFacts {
  return {
    referralId: 'r1',
    offerId: 'o1',
    status: 'started',
    serviceType: 'debt_counselling',
    financingModel: 'specialist_hours',
    measureBeginRule: 'start',
    plannedDurationDays: 90,
    startedOn: '2026-10-05',
    endedOn: null,
    closedOn: null,
    firstKeptAppointmentOn: null,
    person: { id: 'p1', customerNumber: '123D456789', birthDate: '1980-02-03', sex: 'female' },
    arrangements: [],
    charges: [],
    ...overrides,
  };
}

const context: Modul13RecordContext = { today: '2026-11-21', averageCostCents: null };

function recordOf(f: Modul13ReferralFacts, month: string, ctx = context) {
  const [measure] = measuresOf(f);
  if (!measure) throw new Error('no measure');
  return modul13Record(f, measure, month, ctx);
}

describe('months', () => {
  it('knows the last day of a month, including February of a leap year', () => {
    expect(lastDayOf('2026-10')).toBe('2026-10-31');
    expect(lastDayOf('2028-02')).toBe('2028-02-29');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
  });

  it('lists the months of a year up to the last allowed month', () => {
    expect(reportMonthsOfYear(2026, '2026-03')).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(reportMonthsOfYear(2025, '2026-11')).toHaveLength(12);
  });
});

describe('measure begin', () => {
  it('is the start, or under the first-appointment rule the earlier kept appointment', () => {
    expect(referralBeginOf({ startedOn: '2026-10-05', measureBeginRule: 'start', firstKeptAppointmentOn: '2026-09-20' })).toBe(
      '2026-10-05',
    );
    expect(referralBeginOf({ startedOn: '2026-10-05', measureBeginRule: 'first_appointment', firstKeptAppointmentOn: '2026-09-20' })).toBe(
      '2026-09-20',
    );
    expect(referralBeginOf({ startedOn: '2026-10-05', measureBeginRule: 'first_appointment', firstKeptAppointmentOn: '2026-10-09' })).toBe(
      '2026-10-05',
    );
    expect(referralBeginOf({ startedOn: null, measureBeginRule: 'first_appointment', firstKeptAppointmentOn: '2026-10-09' })).toBe(
      '2026-10-09',
    );
    expect(referralBeginOf({ startedOn: null, measureBeginRule: 'start', firstKeptAppointmentOn: '2026-10-09' })).toBeNull();
  });

  it('makes no measure of a referral that has not begun or whose service is not part of Modul 13', () => {
    expect(measuresOf(facts({ startedOn: null }))).toEqual([]);
    expect(measuresOf(facts({ serviceType: 'language_course' }))).toEqual([]);
  });

  it('ends a begun referral that was then not started on the day of that status, with reason "sonstiges"', () => {
    const [measure] = measuresOf(
      facts({
        status: 'not_started',
        startedOn: null,
        measureBeginRule: 'first_appointment',
        firstKeptAppointmentOn: '2026-10-02',
        closedOn: '2026-10-12',
      }),
    );
    expect(measure).toMatchObject({ beginOn: '2026-10-02', endOn: '2026-10-12', endReason: 'sonstiges' });
  });
});

describe('childcare arrangements', () => {
  const childcare = facts({
    serviceType: 'childcare_care',
    status: 'started',
    arrangements: [
      { id: 'b', beginsOn: '2026-10-15', endsOn: null },
      { id: 'a', beginsOn: '2026-10-01', endsOn: '2026-10-31' },
    ],
    charges: [{ serviceMonth: '2026-10-01', amountCents: 1001 }],
  });

  it('makes one measure per arrangement, keyed referral:arrangement, ordered by begin', () => {
    const measures = measuresOf(childcare);
    expect(measures.map((m) => [m.key, m.beginOn, m.endOn, m.endReason])).toEqual([
      ['r1:a', '2026-10-01', '2026-10-31', 'regulaer'],
      ['r1:b', '2026-10-15', null, null],
    ]);
  });

  it('splits the referral cost evenly; the odd cent goes to the first arrangement', () => {
    const [first, second] = measuresOf(childcare);
    if (!first || !second) throw new Error('two measures expected');
    expect(modul13Record(childcare, first, '2026-10', context).record?.costCents).toBe(501);
    expect(modul13Record(childcare, second, '2026-10', context).record?.costCents).toBe(500);
    expect(evenShare(10, { index: 2, of: 3 })).toBe(3);
    expect([0, 1, 2].map((index) => evenShare(10, { index, of: 3 }))).toEqual([4, 3, 3]);
  });

  it('ends an open arrangement with the referral, with the referral reason', () => {
    const dropped = { ...childcare, status: 'dropped_out', endedOn: '2026-11-10' };
    expect(measuresOf(dropped).map((m) => [m.endOn, m.endReason])).toEqual([
      ['2026-10-31', 'regulaer'],
      ['2026-11-10', 'abbruch'],
    ]);
  });

  it('falls back to one measure for the referral when no arrangement is recorded, with a warning', () => {
    const bare = facts({ serviceType: 'childcare_care' });
    expect(measuresOf(bare).map((m) => m.key)).toEqual(['r1']);
    expect(recordOf(bare, '2026-10').warnings.map((w) => w.code)).toContain('childcare_without_arrangement');
  });
});

describe('events', () => {
  it('reports begin and end, once in the same month, an end only once it happened', () => {
    expect([...eventsOf({ beginOn: '2026-09-05', endOn: '2026-10-20' }, '2026-11-21')]).toEqual([
      ['2026-09', 'Zugang'],
      ['2026-10', 'Abgang'],
    ]);
    expect([...eventsOf({ beginOn: '2026-10-05', endOn: '2026-10-20' }, '2026-11-21')]).toEqual([['2026-10', 'ZugangAbgang']]);
    expect([...eventsOf({ beginOn: '2026-10-05', endOn: '2026-12-20' }, '2026-11-21')]).toEqual([['2026-10', 'Zugang']]);
  });

  it('counts measures begun or running in a year', () => {
    expect(measureRunsIn({ beginOn: '2024-11-01', endOn: null }, '2025-01-01', '2025-12-31')).toBe(true);
    expect(measureRunsIn({ beginOn: '2024-11-01', endOn: '2024-12-31' }, '2025-01-01', '2025-12-31')).toBe(false);
    expect(measureRunsIn({ beginOn: '2026-01-01', endOn: null }, '2025-01-01', '2025-12-31')).toBe(false);
  });
});

describe('record', () => {
  it('carries the planned end as begin + planned duration and the person’s codes', () => {
    const outcome = recordOf(facts(), '2026-10');
    expect(outcome.errors).toEqual([]);
    // 2026-10-05 + 90 days: 26 days to 31 Oct, 30 in Nov, 31 in Dec, 3 in Jan.
    expect(outcome.record).toMatchObject({
      key: 'r1',
      reportMonth: '2026-10',
      event: 'Zugang',
      customerNumber: '123D456789',
      birthDate: '1980-02-03',
      sex: 'w',
      measureType: '16a-2',
      beginOn: '2026-10-05',
      plannedEndOn: '2027-01-03',
      actualEndOn: null,
      endReason: null,
    });
  });

  it('leaves the planned end empty without a planned duration: a warning, not an error', () => {
    const outcome = recordOf(facts({ plannedDurationDays: null }), '2026-10');
    expect(outcome.record?.plannedEndOn).toBeNull();
    expect(outcome.warnings.map((w) => w.code)).toContain('planned_duration_missing');
  });

  it('counts the charges up to the report month and shows the end only in the month it happened', () => {
    const ended = facts({
      status: 'completed',
      startedOn: '2026-09-10',
      endedOn: '2026-10-20',
      charges: [
        { serviceMonth: '2026-09-01', amountCents: 12_000 },
        { serviceMonth: '2026-10-01', amountCents: 4_550 },
      ],
    });
    const september = recordOf(ended, '2026-09').record;
    expect(september).toMatchObject({ event: 'Zugang', costCents: 12_000, actualEndOn: null, endReason: null, costKind: 'Einzelfall' });
    const october = recordOf(ended, '2026-10').record;
    expect(october).toMatchObject({ event: 'Abgang', costCents: 16_550, actualEndOn: '2026-10-20', endReason: 'regulaer' });
  });

  it('nets a reversed charge (Storno, negative amount) out of the case cost of its month', () => {
    const corrected = facts({
      startedOn: '2026-09-10',
      charges: [
        { serviceMonth: '2026-09-01', amountCents: 12_000 },
        { serviceMonth: '2026-09-01', amountCents: -12_000 },
        { serviceMonth: '2026-09-01', amountCents: 9_000 },
      ],
    });
    expect(recordOf(corrected, '2026-09').record?.costCents).toBe(9_000);
    const cancelled = facts({
      startedOn: '2026-09-10',
      charges: [
        { serviceMonth: '2026-09-01', amountCents: 12_000 },
        { serviceMonth: '2026-09-01', amountCents: -12_000 },
      ],
    });
    const outcome = recordOf(cancelled, '2026-09');
    expect(outcome.record?.costCents).toBe(0);
    expect(outcome.warnings.map((w) => w.code)).toContain('no_charges_yet');
  });

  it('reports 0 € with a warning when nothing is charged yet', () => {
    const outcome = recordOf(facts(), '2026-10');
    expect(outcome.record?.costCents).toBe(0);
    expect(outcome.warnings.map((w) => w.code)).toContain('no_charges_yet');
  });

  it('uses the average cost for flat-funded offers and rejects the record when there is none', () => {
    const flat = facts({ financingModel: 'institutional' });
    expect(recordOf(flat, '2026-10', { today: '2026-11-21', averageCostCents: 150_000 }).record).toMatchObject({
      costCents: 150_000,
      costKind: 'Durchschnitt',
    });
    const rejected = recordOf(flat, '2026-10');
    expect(rejected.record).toBeNull();
    expect(rejected.errors).toEqual([
      {
        code: 'cost_not_determinable',
        message: 'Keine Teilnahmekosten bestimmbar: Das Angebot ist pauschal finanziert, für 2025 fehlen Budget oder Fälle.',
      },
    ]);
  });

  it('rejects records that cannot be reported, with German reasons', () => {
    const codes = (f: Modul13ReferralFacts, month = '2026-10', today = '2026-11-21') =>
      recordOf(f, month, { today, averageCostCents: null }).errors.map((e) => e.code);
    expect(codes(facts({ person: { id: 'p', customerNumber: '12345', birthDate: '1980-01-01', sex: 'male' } }))).toEqual([
      'customer_number_malformed',
    ]);
    expect(codes(facts({ person: { id: 'p', customerNumber: null, birthDate: null, sex: 'male' } }))).toEqual([
      'customer_number_missing',
      'birth_date_missing',
    ]);
    expect(codes(facts({ status: 'completed', startedOn: '2026-10-20', endedOn: '2026-10-02' }))).toContain('end_before_begin');
    expect(codes(facts({ startedOn: '2026-11-25' }), '2026-11')).toEqual(['begin_in_future']);
    expect(codes(facts({ serviceType: 'unknown_service' }))).toEqual(['measure_type_unknown']);
    const outcome = recordOf(facts({ status: 'completed', startedOn: '2026-10-20', endedOn: '2026-10-02' }), '2026-10');
    expect(outcome.errors.find((e) => e.code === 'end_before_begin')?.message).toBe(
      'Das Ende (02.10.2026) liegt vor dem Beginn (20.10.2026).',
    );
  });

  it('hashes content without the correction marker, and any changed field changes it', () => {
    const record = recordOf(facts(), '2026-10').record;
    if (!record) throw new Error('record expected');
    expect(modul13Content(record)).toBe('r1|2026-10|Zugang|123D456789|1980-02-03|w|16a-2|2026-10-05|2027-01-03|||0|Einzelfall');
    expect(modul13Content({ ...record, actualEndOn: '2026-10-30' })).not.toBe(modul13Content(record));
  });
});

describe('average cost per case of flat-funded offers', () => {
  it('divides the prior year’s actual cost (else the plan), at its SGB II share, by the measures', () => {
    expect(modul13AverageCost({ actualCostCents: 1_200_000, plannedCostCents: 0, sgb2SharePercent: 100 }, 8)).toBe(150_000);
    expect(modul13AverageCost({ actualCostCents: 1_200_000, plannedCostCents: 0, sgb2SharePercent: 50 }, 8)).toBe(75_000);
    expect(modul13AverageCost({ actualCostCents: null, plannedCostCents: 900_000, sgb2SharePercent: 100 }, 8)).toBe(112_500);
    expect(modul13AverageCost({ actualCostCents: 100, plannedCostCents: 0, sgb2SharePercent: 100 }, 3)).toBe(33);
  });

  it('is not determinable without a plan, without a budget or without cases', () => {
    expect(modul13AverageCost(null, 8)).toBeNull();
    expect(modul13AverageCost({ actualCostCents: null, plannedCostCents: 0, sgb2SharePercent: 100 }, 8)).toBeNull();
    expect(modul13AverageCost({ actualCostCents: 500_000, plannedCostCents: 0, sgb2SharePercent: 100 }, 0)).toBeNull();
  });
});

describe('field table', () => {
  it('renders every field as one Markdown row with its Kennziffer', () => {
    const table = modul13FieldTableMarkdown().split('\n');
    expect(table).toHaveLength(MODUL13_FIELDS.length + 2);
    expect(table.find((l) => l.startsWith('| `Beginn`'))).toContain('| 13.5 |');
    expect(table.find((l) => l.startsWith('| `Teilnahmekosten`'))).toContain('| 13.13 |');
  });

  it('has one code per § 16a number and no duplicates', () => {
    expect(MODUL13_MEASURE_TYPE_CODES).toEqual(['16a-1', '16a-2', '16a-3', '16a-4', '16d', '16e', '16i', '16k', '45-SGB3']);
  });
});
