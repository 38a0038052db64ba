import { describe, expect, it } from 'vitest';
import {
  euroDecimal,
  MODUL8_DUTY_FORM_CODES,
  MODUL8_FIELDS,
  type Modul8SanctionFacts,
  modul8Content,
  modul8FieldTableMarkdown,
  modul8ReasonLabel,
  modul8Record,
  modul8ReportMonthOf,
} from './modul8';

function facts(overrides: Partial<Modul8SanctionFacts> = {}): Modul8SanctionFacts {
  return {
    sanctionId: 's1',
    status: 'handed_off',
    decision: 'reduce',
    kind: 'duty_breach',
    dutyForm: 'request_with_notice',
    startsOn: '2026-10-01',
    endsOn: '2026-12-31',
    amountCents: 16_890,
    reductionPercent: 30,
    fullStop: false,
    person: { id: 'p1', customerNumber: '123D456789', birthDate: '1990-02-03', sex: 'male' },
    ...overrides,
  };
}

const today = '2026-11-21';

describe('Modul 8 report month', () => {
  it('is the start month of a decided reduction', () => {
    expect(modul8ReportMonthOf(facts())).toBe('2026-10');
    expect(modul8ReportMonthOf(facts({ status: 'decided', startsOn: '2026-11-01' }))).toBe('2026-11');
  });

  it('is none without a decided reduction: no reduction, withdrawn, still open, no start', () => {
    expect(modul8ReportMonthOf(facts({ decision: 'no_reduction' }))).toBeNull();
    expect(modul8ReportMonthOf(facts({ status: 'withdrawn' }))).toBeNull();
    expect(modul8ReportMonthOf(facts({ status: 'hearing', decision: null }))).toBeNull();
    expect(modul8ReportMonthOf(facts({ startsOn: null }))).toBeNull();
  });
});

describe('Modul 8 record', () => {
  it('carries person, reason with the duty form code, period, amount, percent and full stop', () => {
    expect(modul8Record(facts(), { today })).toEqual({
      record: {
        key: 's1',
        reportMonth: '2026-10',
        customerNumber: '123D456789',
        birthDate: '1990-02-03',
        sex: 'm',
        reason: 'Pflichtverletzung',
        dutyForm: 'AMR',
        beginOn: '2026-10-01',
        endOn: '2026-12-31',
        amountCents: 16_890,
        percent: 30,
        fullStop: false,
      },
      errors: [],
    });
    const missed = modul8Record(facts({ kind: 'missed_appointment', dutyForm: 'appointment_invitation', fullStop: true }), { today });
    expect(missed.record).toMatchObject({ reason: 'Meldeversaeumnis', dutyForm: 'MEL', fullStop: true });
  });

  it('is rejected with every reason that applies', () => {
    const outcome = modul8Record(
      facts({
        person: { id: 'p1', customerNumber: ' ', birthDate: null, sex: 'female' },
        endsOn: null,
        amountCents: null,
        reductionPercent: null,
      }),
      { today },
    );
    expect(outcome.record).toBeNull();
    expect(outcome.errors.map((e) => e.code)).toEqual([
      'customer_number_missing',
      'birth_date_missing',
      'end_missing',
      'amount_missing',
      'percent_missing',
    ]);
    const codes = (f: Partial<Modul8SanctionFacts>) => modul8Record(facts(f), { today }).errors.map((e) => e.code);
    expect(codes({ person: { id: 'p', customerNumber: '12345', birthDate: '2027-01-01', sex: 'x' } })).toEqual([
      'customer_number_malformed',
      'birth_after_begin',
    ]);
    expect(codes({ startsOn: '2026-11-25', endsOn: '2026-11-24' })).toEqual(['begin_in_future', 'end_before_begin']);
    expect(codes({ dutyForm: 'handschlag' })).toEqual(['duty_form_unknown']);
    expect(modul8Record(facts({ endsOn: '2026-09-30' }), { today }).errors[0]?.message).toBe(
      'Das Ende (30.09.2026) liegt vor dem Beginn (01.10.2026).',
    );
  });

  it('throws for a sanction that is not reported at all', () => {
    expect(() => modul8Record(facts({ decision: 'no_reduction' }), { today })).toThrow();
  });

  it('content changes with the amount, the period and the full stop', () => {
    const base = modul8Record(facts(), { today }).record;
    if (!base) throw new Error('expected a record');
    const content = modul8Content(base);
    expect(modul8Content({ ...base, amountCents: 11_260 })).not.toBe(content);
    expect(modul8Content({ ...base, endOn: '2026-11-30' })).not.toBe(content);
    expect(modul8Content({ ...base, fullStop: true })).not.toBe(content);
  });
});

describe('Modul 8 amounts and tables', () => {
  it('writes cents as euros with two decimals, exactly', () => {
    expect(euroDecimal(16_890)).toBe('168.90');
    expect(euroDecimal(56_300)).toBe('563.00');
    expect(euroDecimal(5)).toBe('0.05');
    expect(euroDecimal(0)).toBe('0.00');
    expect(() => euroDecimal(-1)).toThrow();
    expect(() => euroDecimal(1.5)).toThrow();
  });

  it('labels the reasons in German and has one code per duty form', () => {
    expect(modul8ReasonLabel('Meldeversaeumnis')).toBe('Meldeversäumnis');
    expect(new Set(Object.values(MODUL8_DUTY_FORM_CODES)).size).toBe(4);
  });

  it('renders every field as one Markdown row', () => {
    const table = modul8FieldTableMarkdown().split('\n');
    expect(table).toHaveLength(MODUL8_FIELDS.length + 2);
    expect(table.find((l) => l.startsWith('| `Minderungsbetrag`'))).toContain('Einheit="EUR"');
  });
});
