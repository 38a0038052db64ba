import { describe, expect, it } from 'vitest';
import {
  BENEFITS_MODES,
  CASE_MANAGEMENT_APPROACHES,
  type CareModel,
  type CaseForRouting,
  DEFAULT_CARE_MODEL,
  iawTypeOf,
  PLACEMENT_MODES,
  pickStaff,
  planAssignments,
  routingOf,
  type StaffCandidate,
} from './organisation-model';

/*
 * The IAW typology as seed 004 defines it (IAW-SGB II-Organisationserhebung), written from the seed's
 * text, not from the implementation:
 *
 * Criterion 1, case-management approach (004 §3.2):
 *   "Der spezialisierte Fallmanagement-Ansatz liegt dagegen vor, wenn eine Trennung in Fallmanagement-
 *   und Nicht-Fallmanagement-Kunden/innen vorgenommen wird und die Fallmanagement-Kunden/innen durch
 *   dafür spezialisiertes Personal – sei es vollständig oder nur bei Bedarf durch hauseigene
 *   Experten/innen für Fallmanagement – betreut werden."                    → I (both variants)
 *   Footnote 10 on the expert model: "lässt sich nicht eindeutig einem generalisierten oder einem
 *   spezialisierten Ansatz zuordnen" — the sentence above counts it as specialised → I.
 *   "Ein generalisierter Fallmanagement-Ansatz liegt ... einerseits dann vor, wenn ... das praktizierte
 *   Fallmanagement auf alle zu aktivierenden erwerbsfähigen Hilfebedürftigen angewendet wird.
 *   Andererseits werden auch die Fälle unter den generalisierten Fallmanagement-Ansatz subsumiert, bei
 *   denen zwar zwischen Fallmanagement- und Nicht-Fallmanagement-Kunden/innen unterschieden wird, jedoch
 *   dasselbe Personal beide Gruppen von Kunden/innen betreut"                  → II (both variants)
 *
 * Criterion 2, placement (004 §3.3, Tabelle 2):
 *   "Typ Ia / IIa: Unmittelbare Vermittlung auf den 1. AM ist nicht Teil des Fallmanagements" → a
 *   "Typ Ib / IIb: Unmittelbare Vermittlung auf den 1. AM ist Teil des Fallmanagements"       → b
 *
 * Criterion 3, benefits (004 §3.4, Tabelle 2: "Leistungen zur Sicherung des LU nicht integriert" = a,
 * "integriert" = b):
 *   integrated "wenn (1) entweder die Betreuungsperson ... auch für die Leistungssachbearbeitung
 *   zuständig ist oder (2) zumindest für die Kunden/innen als Ansprechperson fungiert"  → b (both)
 *   "nicht gegeben, wenn sowohl die Berechnung und Gewährung der materiellen Leistungen als auch die
 *   Beantwortung von Fragen zu diesem Bereich Aufgabe spezialisierter Leistungssachbearbeiter/innen
 *   war"                                                                                  → a
 *   Mixed teams ("funktionsübergreifende Subeinheiten") are "weiter gefasste Formen der Verzahnung"
 *   counted apart ("weitere 25% der zkT, aber nur weitere 10% der ARGEn"): they do not make it b.
 */

type Row = [CareModel['caseManagement'], CareModel['placement'], CareModel['benefits'], boolean, string];

/** Every combination: 4 approaches × 2 placement modes × 3 benefits modes × mixed teams no/yes. */
const TABLE: Row[] = [
  ['specialised_full', 'specialised', 'specialised', false, 'Iaa'],
  ['specialised_full', 'specialised', 'specialised', true, 'Iaa'],
  ['specialised_full', 'specialised', 'contact_only', false, 'Iab'],
  ['specialised_full', 'specialised', 'contact_only', true, 'Iab'],
  ['specialised_full', 'specialised', 'integrated', false, 'Iab'],
  ['specialised_full', 'specialised', 'integrated', true, 'Iab'],
  ['specialised_full', 'integrated', 'specialised', false, 'Iba'],
  ['specialised_full', 'integrated', 'specialised', true, 'Iba'],
  ['specialised_full', 'integrated', 'contact_only', false, 'Ibb'],
  ['specialised_full', 'integrated', 'contact_only', true, 'Ibb'],
  ['specialised_full', 'integrated', 'integrated', false, 'Ibb'],
  ['specialised_full', 'integrated', 'integrated', true, 'Ibb'],
  ['specialised_experts', 'specialised', 'specialised', false, 'Iaa'],
  ['specialised_experts', 'specialised', 'specialised', true, 'Iaa'],
  ['specialised_experts', 'specialised', 'contact_only', false, 'Iab'],
  ['specialised_experts', 'specialised', 'contact_only', true, 'Iab'],
  ['specialised_experts', 'specialised', 'integrated', false, 'Iab'],
  ['specialised_experts', 'specialised', 'integrated', true, 'Iab'],
  ['specialised_experts', 'integrated', 'specialised', false, 'Iba'],
  ['specialised_experts', 'integrated', 'specialised', true, 'Iba'],
  ['specialised_experts', 'integrated', 'contact_only', false, 'Ibb'],
  ['specialised_experts', 'integrated', 'contact_only', true, 'Ibb'],
  ['specialised_experts', 'integrated', 'integrated', false, 'Ibb'],
  ['specialised_experts', 'integrated', 'integrated', true, 'Ibb'],
  ['generalised_all', 'specialised', 'specialised', false, 'IIaa'],
  ['generalised_all', 'specialised', 'specialised', true, 'IIaa'],
  ['generalised_all', 'specialised', 'contact_only', false, 'IIab'],
  ['generalised_all', 'specialised', 'contact_only', true, 'IIab'],
  ['generalised_all', 'specialised', 'integrated', false, 'IIab'],
  ['generalised_all', 'specialised', 'integrated', true, 'IIab'],
  ['generalised_all', 'integrated', 'specialised', false, 'IIba'],
  ['generalised_all', 'integrated', 'specialised', true, 'IIba'],
  ['generalised_all', 'integrated', 'contact_only', false, 'IIbb'],
  ['generalised_all', 'integrated', 'contact_only', true, 'IIbb'],
  ['generalised_all', 'integrated', 'integrated', false, 'IIbb'],
  ['generalised_all', 'integrated', 'integrated', true, 'IIbb'],
  ['generalised_same_staff', 'specialised', 'specialised', false, 'IIaa'],
  ['generalised_same_staff', 'specialised', 'specialised', true, 'IIaa'],
  ['generalised_same_staff', 'specialised', 'contact_only', false, 'IIab'],
  ['generalised_same_staff', 'specialised', 'contact_only', true, 'IIab'],
  ['generalised_same_staff', 'specialised', 'integrated', false, 'IIab'],
  ['generalised_same_staff', 'specialised', 'integrated', true, 'IIab'],
  ['generalised_same_staff', 'integrated', 'specialised', false, 'IIba'],
  ['generalised_same_staff', 'integrated', 'specialised', true, 'IIba'],
  ['generalised_same_staff', 'integrated', 'contact_only', false, 'IIbb'],
  ['generalised_same_staff', 'integrated', 'contact_only', true, 'IIbb'],
  ['generalised_same_staff', 'integrated', 'integrated', false, 'IIbb'],
  ['generalised_same_staff', 'integrated', 'integrated', true, 'IIbb'],
];

/** The eight types of Tabelle 2. */
const TABLE_2_TYPES = ['Iaa', 'Iab', 'Iba', 'Ibb', 'IIaa', 'IIab', 'IIba', 'IIbb'];

describe('iawTypeOf (seed 004 §3–4, Tabelle 2)', () => {
  it('the table covers every combination of the criteria exactly once', () => {
    const keys = new Set(TABLE.map(([c, p, b, m]) => `${c}|${p}|${b}|${m}`));
    expect(keys.size).toBe(CASE_MANAGEMENT_APPROACHES.length * PLACEMENT_MODES.length * BENEFITS_MODES.length * 2);
    expect(TABLE).toHaveLength(keys.size);
  });

  it.each(TABLE)('%s, placement %s, benefits %s, mixed teams %s → %s', (caseManagement, placement, benefits, mixedTeams, code) => {
    const type = iawTypeOf({ caseManagement, placement, benefits, mixedTeams });
    expect(type.code).toBe(code);
    expect(TABLE_2_TYPES).toContain(type.code);
    expect(`${type.caseManagement}${type.placement}${type.benefits}`).toBe(code);
    expect(type.meaningDe).toHaveLength(3);
  });

  it('names the types the seed describes in words (004 §4)', () => {
    // "Organisationstyp Iba, d.h. ein spezialisierter Fallmanagement-Ansatz mit integrierter unmittelbarer
    // Vermittlung in den ersten Arbeitsmarkt und spezialisierter Leistungssachbearbeitung"
    expect(
      iawTypeOf({ caseManagement: 'specialised_full', placement: 'integrated', benefits: 'specialised', mixedTeams: false }).code,
    ).toBe('Iba');
    // "Typ Iaa – spezialisierter Fallmanagement-Ansatz mit spezialisierter unmittelbarer Vermittlung auf den
    // ersten Arbeitsmarkt und spezialisierter Leistungssachbearbeitung"
    expect(
      iawTypeOf({ caseManagement: 'specialised_full', placement: 'specialised', benefits: 'specialised', mixedTeams: false }).code,
    ).toBe('Iaa');
    // "Typ IIba ... einen generalisierten Fallmanagement-Ansatz, integrieren aber ... die unmittelbare
    // Vermittlung auf den ersten Arbeitsmarkt und führen die Leistungssachbearbeitung spezialisiert durch"
    expect(iawTypeOf({ caseManagement: 'generalised_all', placement: 'integrated', benefits: 'specialised', mixedTeams: false }).code).toBe(
      'IIba',
    );
    // "Typ IIaa – generalisierter Fallmanagement-Ansatz mit spezialisierter unmittelbarer Vermittlung ...
    // und spezialisierter Leistungssachbearbeitung"
    expect(
      iawTypeOf({ caseManagement: 'generalised_all', placement: 'specialised', benefits: 'specialised', mixedTeams: false }).code,
    ).toBe('IIaa');
  });

  it('the mixed cases the seed discusses: expert model = I, told apart but same staff = II, contact person only = b, mixed teams stay a', () => {
    const base: CareModel = { caseManagement: 'specialised_full', placement: 'integrated', benefits: 'specialised', mixedTeams: false };
    // §3.2 with footnote 10: the expert model counts as specialised, and the type says so in a note.
    const expert = iawTypeOf({ ...base, caseManagement: 'specialised_experts' });
    expect(expert.caseManagement).toBe('I');
    expect(expert.notesDe.join(' ')).toMatch(/Expertenmodell.*Fußnote 10/);
    // §3.2: "zwar ... unterschieden ..., jedoch dasselbe Personal" → generalised.
    const sameStaff = iawTypeOf({ ...base, caseManagement: 'generalised_same_staff' });
    expect(sameStaff.caseManagement).toBe('II');
    expect(sameStaff.notesDe.join(' ')).toMatch(/unterschieden/);
    // §3.4 (2): contact person only is integrated, the computation stays specialised.
    const contact = iawTypeOf({ ...base, benefits: 'contact_only' });
    expect(contact.benefits).toBe('b');
    expect(contact.notesDe.join(' ')).toMatch(/Ansprechperson/);
    // §3.4: mixed teams are a wider interlocking, not integration: still a, with a note that says so.
    const mixed = iawTypeOf({ ...base, mixedTeams: true });
    expect(mixed.code).toBe('Iba');
    expect(mixed.notesDe.join(' ')).toMatch(/Funktionsübergreifende Teams.*weiterhin „nicht integriert“/);
    // No note where nothing needs explaining.
    expect(iawTypeOf(base).notesDe).toEqual([]);
  });

  it('explains each criterion in words', () => {
    const type = iawTypeOf({ caseManagement: 'generalised_all', placement: 'specialised', benefits: 'integrated', mixedTeams: false });
    expect(type.code).toBe('IIab');
    expect(type.meaningDe[0]).toMatch(/^Typ II – generalisierter Fallmanagement-Ansatz/);
    expect(type.meaningDe[1]).toMatch(/^a – .*nicht Teil des Fallmanagements/);
    expect(type.meaningDe[2]).toMatch(/^b – .*integriert/);
  });

  it('the default model of a tenant that set none is type Iba', () => {
    expect(iawTypeOf(DEFAULT_CARE_MODEL).code).toBe('Iba');
  });
});

describe('routingOf', () => {
  const model = (over: Partial<CareModel>): CareModel => ({ ...DEFAULT_CARE_MODEL, ...over });

  it.each([
    ['specialised_full', 'case_management_staff', false],
    ['specialised_experts', 'case_owner', true],
    ['generalised_all', 'case_owner', false],
    ['generalised_same_staff', 'case_owner', false],
  ] as const)('case management %s: owner %s, expert consulted %s', (caseManagement, owner, expert) => {
    const r = routingOf(model({ caseManagement }));
    expect(r.caseManagementOwner).toBe(owner);
    expect(r.expertConsultation).toBe(expert);
  });

  it.each([
    ['specialised', 'placement_staff'],
    ['integrated', 'case_owner'],
  ] as const)('placement %s: placement tasks go to %s', (placement, target) => {
    expect(routingOf(model({ placement })).placementTasks).toBe(target);
  });

  it.each([
    // benefits mode, sanction decision and notices, contact for benefits questions (§ 14 SGB II)
    ['specialised', 'benefits_staff', 'benefits_staff'],
    ['contact_only', 'benefits_staff', 'case_owner'],
    ['integrated', 'case_owner', 'case_owner'],
  ] as const)('benefits %s: sanction decision to %s, benefits contact %s', (benefits, decision, contact) => {
    const r = routingOf(model({ benefits }));
    expect(r.sanctionDecision).toBe(decision);
    expect(r.benefitsNotice).toBe(decision);
    expect(r.contactForBenefits).toBe(contact);
    expect(r.contactForIntegration).toBe('case_owner');
  });
});

const staff = (
  id: string,
  roles: StaffCandidate['roles'],
  teamId: string | null,
  teamFunction: StaffCandidate['teamFunction'],
  load = 0,
) => ({
  id,
  roles,
  teamId,
  teamFunction,
  load,
});

describe('pickStaff', () => {
  const people: StaffCandidate[] = [
    staff('cm-generalist', ['case_manager'], 't-general', null, 0),
    staff('cm-fm-busy', ['case_manager'], 't-fm', 'case_management', 30),
    staff('cm-fm-free', ['case_manager'], 't-fm', 'case_management', 10),
    staff('lsb-mixed', ['benefits_officer'], 't-mixed', 'mixed', 50),
    staff('lsb-team', ['benefits_officer'], 't-lsb', 'benefits', 40),
  ];

  it('prefers a team of the matching function, then the least load', () => {
    expect(pickStaff('case_management_staff', people, { ownerTeamId: null, mixedTeams: false })?.id).toBe('cm-fm-free');
    expect(pickStaff('benefits_staff', people, { ownerTeamId: null, mixedTeams: false })?.id).toBe('lsb-team');
  });

  it('with mixed teams, someone in the owner’s own team first', () => {
    expect(pickStaff('benefits_staff', people, { ownerTeamId: 't-mixed', mixedTeams: true })?.id).toBe('lsb-mixed');
    expect(pickStaff('benefits_staff', people, { ownerTeamId: 't-mixed', mixedTeams: false })?.id).toBe('lsb-team');
  });

  it('is null when nobody holds the role', () => {
    expect(pickStaff('placement_staff', people, { ownerTeamId: null, mixedTeams: false })).toBeNull();
  });
});

describe('planAssignments', () => {
  const people: StaffCandidate[] = [
    staff('cm-a', ['case_manager'], 't-general', null, 2),
    staff('cm-fm', ['case_manager'], 't-fm', 'case_management', 0),
    staff('av', ['placement_officer'], 't-av', 'placement', 0),
    staff('lsb', ['benefits_officer'], 't-lsb', 'benefits', 0),
  ];
  const open = (id: string, over: Partial<CaseForRouting> = {}): CaseForRouting => ({
    id,
    ageGroup: 'ue25',
    caseManagement: true,
    ownerId: 'cm-a',
    placementOfficerId: null,
    benefitsOfficerId: null,
    ...over,
  });
  const both = (m: CareModel) => ({ u25: m, ue25: m });

  it('specialised with dedicated staff: a case-management case moves to the case-management team, an intake case stays', () => {
    const [cmCase, intake] = planAssignments(both(DEFAULT_CARE_MODEL), [open('c1'), open('c2', { caseManagement: false })], people, {
      keepExisting: true,
    });
    expect(cmCase).toMatchObject({ ownerId: 'cm-fm', placementOfficerId: null, benefitsOfficerId: 'lsb', handOffs: 1 });
    expect(intake).toMatchObject({ ownerId: 'cm-a', benefitsOfficerId: 'lsb' });
  });

  it('does not hand a case to another generalist when no team does case management', () => {
    const withoutTeam = people.map((p) => (p.teamFunction === 'case_management' ? { ...p, teamFunction: null } : p));
    const [a] = planAssignments(both(DEFAULT_CARE_MODEL), [open('c1')], withoutTeam, { keepExisting: true });
    expect(a?.ownerId).toBe('cm-a');
  });

  it('generalised with everything integrated: one person, no hand-off', () => {
    const model: CareModel = { caseManagement: 'generalised_all', placement: 'integrated', benefits: 'integrated', mixedTeams: false };
    const [a] = planAssignments(both(model), [open('c1', { benefitsOfficerId: 'lsb' })], people, { keepExisting: true });
    expect(a).toMatchObject({ ownerId: 'cm-a', placementOfficerId: null, benefitsOfficerId: null, handOffs: 0, consultExpert: false });
  });

  it('expert model: the case stays and an expert is to be consulted', () => {
    const model: CareModel = { ...DEFAULT_CARE_MODEL, caseManagement: 'specialised_experts' };
    const [a] = planAssignments(both(model), [open('c1')], people, { keepExisting: true });
    expect(a).toMatchObject({ ownerId: 'cm-a', consultExpert: true });
  });

  it('keeps the people a case has where the model still wants them (keepExisting)', () => {
    const more = [...people, staff('lsb-2', ['benefits_officer'], 't-lsb', 'benefits', 0)];
    const [kept] = planAssignments(both(DEFAULT_CARE_MODEL), [open('c1', { benefitsOfficerId: 'lsb-2', caseManagement: false })], more, {
      keepExisting: true,
    });
    expect(kept?.benefitsOfficerId).toBe('lsb-2');
  });

  it('spreads new assignments by load: the second case goes to the less loaded officer', () => {
    const more = [...people, staff('lsb-2', ['benefits_officer'], 't-lsb', 'benefits', 0)];
    const plan = planAssignments(
      both(DEFAULT_CARE_MODEL),
      [open('c1', { caseManagement: false }), open('c2', { caseManagement: false })],
      more,
      {
        keepExisting: true,
      },
    );
    expect(new Set(plan.map((a) => a.benefitsOfficerId))).toEqual(new Set(['lsb', 'lsb-2']));
  });

  it('applies the model of each case’s age group', () => {
    const generalised: CareModel = {
      caseManagement: 'generalised_all',
      placement: 'specialised',
      benefits: 'integrated',
      mixedTeams: false,
    };
    const [young, older] = planAssignments(
      { u25: generalised, ue25: DEFAULT_CARE_MODEL },
      [open('c1', { ageGroup: 'u25' }), open('c2', { ageGroup: 'ue25' })],
      people,
      { keepExisting: true },
    );
    expect(young).toMatchObject({ ownerId: 'cm-a', placementOfficerId: 'av', benefitsOfficerId: null });
    expect(older).toMatchObject({ ownerId: 'cm-fm', placementOfficerId: null, benefitsOfficerId: 'lsb' });
  });
});
