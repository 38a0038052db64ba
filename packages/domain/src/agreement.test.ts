import { describe, expect, it } from 'vitest';
import {
  type AgreementContent,
  type AgreementRule,
  agreementKindFor,
  agreementRuleFor,
  compareAgreements,
  isCompulsoryConsentDuty,
  latestReviewDate,
} from './agreement';

/** Three rules shaped like the real table (SPEC C5). */
const EGV: AgreementRule = {
  id: '00000000-0000-4000-8000-000000000001',
  code: 'egv_2005',
  title: 'Eingliederungsvereinbarung (§ 15 SGB II a. F.)',
  validFrom: '2005-01-01',
  validTo: '2023-06-30',
  agreedKind: 'egv',
  fallbackKind: 'verwaltungsakt',
  legallyBinding: true,
  dutiesSanctionable: true,
  disputeProcedure: null,
  reviewWithinMonths: 6,
  legalBasis: '§ 15 SGB II a. F.',
  noAgreementText: 'Kommt keine Eingliederungsvereinbarung zustande, werden die Regelungen durch Verwaltungsakt getroffen.',
  sourceNote: 'SGB II in der Fassung bis 30.06.2023',
};
const KOOPERATIONSPLAN: AgreementRule = {
  ...EGV,
  id: '00000000-0000-4000-8000-000000000002',
  code: 'kooperationsplan_2023',
  title: 'Kooperationsplan (§ 15 SGB II, Bürgergeld)',
  validFrom: '2023-07-01',
  validTo: '2026-06-30',
  agreedKind: 'kooperationsplan',
  fallbackKind: null,
  legallyBinding: false,
  dutiesSanctionable: false,
  disputeProcedure: 'Schlichtungsverfahren (§ 15a SGB II)',
  legalBasis: '§ 15, § 15a SGB II',
  noAgreementText: 'Kommt kein Kooperationsplan zustande, kann ein Schlichtungsverfahren durchgeführt werden.',
  sourceNote: 'Bürgergeld-Gesetz, in Kraft seit 01.07.2023',
};
const NEUE_GRUNDSICHERUNG: AgreementRule = {
  ...EGV,
  id: '00000000-0000-4000-8000-000000000003',
  code: 'kooperationsplan_2026',
  title: 'Kooperationsplan mit persönlichem Angebot (Neue Grundsicherung)',
  validFrom: '2026-07-01',
  validTo: null,
  agreedKind: 'kooperationsplan',
  fallbackKind: 'verwaltungsakt',
  legallyBinding: false,
  dutiesSanctionable: true,
  legalBasis: '§ 15 SGB II n. F.',
  noAgreementText: 'Kommt kein Kooperationsplan zustande, werden die Pflichten durch Verwaltungsakt festgelegt.',
  sourceNote: 'Neue Grundsicherung, in Kraft ab 01.07.2026',
};
const RULES = [EGV, KOOPERATIONSPLAN, NEUE_GRUNDSICHERUNG];

describe('agreementRuleFor', () => {
  it('picks the rule in force on both sides of 01.07.2023 and 01.07.2026', () => {
    expect(agreementRuleFor(RULES, '2005-01-01')?.code).toBe('egv_2005');
    expect(agreementRuleFor(RULES, '2023-06-30')?.code).toBe('egv_2005');
    expect(agreementRuleFor(RULES, '2023-07-01')?.code).toBe('kooperationsplan_2023');
    expect(agreementRuleFor(RULES, '2026-06-30')?.code).toBe('kooperationsplan_2023');
    expect(agreementRuleFor(RULES, '2026-07-01')?.code).toBe('kooperationsplan_2026');
    expect(agreementRuleFor(RULES, '2040-12-31')?.code).toBe('kooperationsplan_2026');
  });

  it('has no rule before 2005', () => {
    expect(agreementRuleFor(RULES, '2004-12-31')).toBeUndefined();
    expect(agreementRuleFor([], '2024-01-01')).toBeUndefined();
  });

  it('does not depend on the order of the table', () => {
    const reversed = [...RULES].reverse();
    for (const date of ['2023-06-30', '2023-07-01', '2026-06-30', '2026-07-01']) {
      expect(agreementRuleFor(reversed, date)).toBe(agreementRuleFor(RULES, date));
    }
  });
});

describe('agreementKindFor', () => {
  it('gives the agreed kind when the person agrees', () => {
    expect(agreementKindFor(EGV, true)).toBe('egv');
    expect(agreementKindFor(KOOPERATIONSPLAN, true)).toBe('kooperationsplan');
    expect(agreementKindFor(NEUE_GRUNDSICHERUNG, true)).toBe('kooperationsplan');
  });

  it('gives the replacement when no agreement is reached, or null where the law has none', () => {
    expect(agreementKindFor(EGV, false)).toBe('verwaltungsakt');
    expect(agreementKindFor(KOOPERATIONSPLAN, false)).toBeNull();
    expect(agreementKindFor(NEUE_GRUNDSICHERUNG, false)).toBe('verwaltungsakt');
  });
});

describe('latestReviewDate', () => {
  const sixMonths = { reviewWithinMonths: 6 };
  it('adds whole months', () => {
    expect(latestReviewDate(sixMonths, '2026-01-15')).toBe('2026-07-15');
    expect(latestReviewDate(sixMonths, '2026-07-01')).toBe('2027-01-01');
    expect(latestReviewDate({ reviewWithinMonths: 12 }, '2023-07-01')).toBe('2024-07-01');
    expect(latestReviewDate({ reviewWithinMonths: 0 }, '2026-03-31')).toBe('2026-03-31');
  });

  it('clamps to the end of a shorter month', () => {
    expect(latestReviewDate(sixMonths, '2026-08-31')).toBe('2027-02-28');
    expect(latestReviewDate(sixMonths, '2027-08-31')).toBe('2028-02-29');
    expect(latestReviewDate(sixMonths, '2026-12-31')).toBe('2027-06-30');
    expect(latestReviewDate({ reviewWithinMonths: 1 }, '2026-01-31')).toBe('2026-02-28');
    expect(latestReviewDate({ reviewWithinMonths: 12 }, '2024-02-29')).toBe('2025-02-28');
  });
});

describe('isCompulsoryConsentDuty', () => {
  it.each([
    'Frau X entbindet die Suchtberatung von der Schweigepflicht',
    'Einwilligung in die Datenweitergabe an den Träger erteilen',
    'Herr Y unterschreibt eine Schweigepflichtentbindung für die Schuldnerberatung',
    'Entbindungserklärung für den Träger unterschreiben',
    'Der Datenübermittlung an die Schuldnerberatung zustimmen',
    'Daten an die Suchtberatung übermitteln lassen',
    'Der Übermittlung seiner Daten an den Träger zustimmen',
    'Einem Datenaustausch zwischen Jobcenter und Beratungsstelle zustimmen',
  ])('rejects "%s"', (text) => {
    expect(isCompulsoryConsentDuty({ text })).toBe(true);
  });

  it.each([
    'Termine bei der Schuldnerberatung wahrnehmen',
    'Bewerbungen schreiben',
    'Monatlich fünf Bewerbungen nachweisen',
    'Unterlagen zu den Mietschulden vorlegen',
    'Nach der Entbindung einen Kita-Platz beantragen',
  ])('accepts "%s"', (text) => {
    expect(isCompulsoryConsentDuty({ text })).toBe(false);
  });
});

describe('compareAgreements', () => {
  const base: AgreementContent = {
    kind: 'kooperationsplan',
    agreedOn: '2026-02-01',
    validUntil: '2026-08-31',
    reviewOn: '2026-05-01',
    duties: [
      { kind: 'counselling_attendance', text: 'Termine bei der Schuldnerberatung wahrnehmen', goalId: null },
      { kind: 'applications', text: 'Monatlich fünf Bewerbungen', goalId: null },
    ],
    commitments: [{ text: 'Übernahme der Fahrtkosten zur Beratung', goalId: null }],
    personalOffer: null,
    notes: 'Erstfassung',
  };

  it('finds no change between identical versions', () => {
    expect(compareAgreements(base, structuredClone(base))).toEqual([]);
  });

  it('lists added and removed duties and commitments', () => {
    const next: AgreementContent = {
      ...base,
      duties: [
        base.duties[0] as AgreementContent['duties'][number],
        { kind: 'measure_participation', text: 'Teilnahme am Bewerbungstraining', goalId: null },
      ],
      commitments: [{ text: 'Vermittlung in eine Arbeitsgelegenheit', goalId: null }],
    };
    const changes = compareAgreements(base, next);
    expect(changes.map((change) => [change.field, change.change])).toEqual([
      ['duty', 'removed'],
      ['duty', 'added'],
      ['commitment', 'removed'],
      ['commitment', 'added'],
    ]);
    expect(changes[0]).toMatchObject({ before: 'Bewerbungsbemühungen: Monatlich fünf Bewerbungen', after: null });
    expect(changes[0]?.description).toBe('Pflicht der Person entfällt: Bewerbungsbemühungen: Monatlich fünf Bewerbungen');
    expect(changes[1]?.description).toBe('Pflicht der Person neu: Teilnahme an einer Maßnahme: Teilnahme am Bewerbungstraining');
    expect(changes[2]?.description).toBe('Leistung des Jobcenters entfällt: Übernahme der Fahrtkosten zur Beratung');
    expect(changes[3]?.description).toBe('Leistung des Jobcenters neu: Vermittlung in eine Arbeitsgelegenheit');
  });

  it('shows changed dates as dd.mm.yyyy', () => {
    const changes = compareAgreements(base, { ...base, validUntil: '2027-02-28', reviewOn: '2026-11-30' });
    expect(changes).toEqual([
      {
        field: 'validUntil',
        change: 'changed',
        before: '2026-08-31',
        after: '2027-02-28',
        description: 'Gültig bis: 31.08.2026 → 28.02.2027',
      },
      {
        field: 'reviewOn',
        change: 'changed',
        before: '2026-05-01',
        after: '2026-11-30',
        description: 'Überprüfung am: 01.05.2026 → 30.11.2026',
      },
    ]);
  });

  it('describes kind, personal offer and notes', () => {
    const changes = compareAgreements(base, { ...base, kind: 'verwaltungsakt', personalOffer: 'Coaching nach § 16k SGB II', notes: null });
    expect(changes.map((change) => change.description)).toEqual([
      'Art: Kooperationsplan → Eingliederungsverwaltungsakt / Bescheid',
      'Persönliches Angebot neu: Coaching nach § 16k SGB II',
      'Hinweise entfällt (bisher: Erstfassung)',
    ]);
    expect(changes.map((change) => change.change)).toEqual(['changed', 'added', 'removed']);
  });

  it('treats a duty whose kind changed as removed and added', () => {
    const next: AgreementContent = {
      ...base,
      duties: [
        { ...(base.duties[0] as AgreementContent['duties'][number]), kind: 'appointments' },
        base.duties[1] as AgreementContent['duties'][number],
      ],
    };
    expect(compareAgreements(base, next).map((change) => change.change)).toEqual(['removed', 'added']);
  });
});
