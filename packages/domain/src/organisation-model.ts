import type { Role } from './roles';

/**
 * The organisation of customer care (SPEC C14, seed 004 §3–4: IAW-SGB II-Organisationserhebung). A
 * Jobcenter sets it separately for customers under and over 25; Lotse derives the IAW type from it and
 * routes work by it.
 *
 * The three criteria of the typology (004 §4, Tabelle 2):
 * 1. Case-management approach (§3.2): specialised (I) when customers with multiple barriers are told
 *    apart and served by staff specialised for it — entirely, or on demand by in-house experts (the
 *    "Expertenmodell", footnote 10: not clearly one or the other, counted as specialised by the IAW);
 *    generalised (II) when the same staff serve everyone — case management for all, or told apart but
 *    served by the same staff.
 * 2. Direct placement into the first labour market (§3.3): not part of case management, i.e. by
 *    specialised placement staff (a), or part of it (b).
 * 3. Benefits (Leistungen zur Sicherung des Lebensunterhalts, §3.4): not integrated (a) when both the
 *    computation and the customers' questions lie with specialised benefits staff; integrated (b) when
 *    the person responsible for integration computes the benefits or is at least the customers'
 *    contact for them. Mixed teams of integration and benefits staff (funktionsübergreifende
 *    Subeinheiten) and close personal links (at most three benefits officers per integration officer)
 *    are wider forms of interlocking: they do not make the type integrated (still a), Lotse notes them.
 */

export const AGE_GROUPS = ['u25', 'ue25'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];
export const AGE_GROUP_LABELS_DE: Record<AgeGroup, string> = {
  u25: 'Kundinnen und Kunden unter 25 Jahren (U25)',
  ue25: 'Kundinnen und Kunden ab 25 Jahren (Ü25)',
};

export const CASE_MANAGEMENT_APPROACHES = ['specialised_full', 'specialised_experts', 'generalised_all', 'generalised_same_staff'] as const;
export type CaseManagementApproach = (typeof CASE_MANAGEMENT_APPROACHES)[number];
export const CASE_MANAGEMENT_APPROACH_LABELS_DE: Record<CaseManagementApproach, string> = {
  specialised_full: 'Spezialisiert: Fallmanagement-Kunden werden vollständig von spezialisierten Fallmanagerinnen und Fallmanagern betreut',
  specialised_experts:
    'Spezialisiert (Expertenmodell): Fallmanagement-Kunden werden bei Bedarf von hauseigenen Expertinnen und Experten für Fallmanagement betreut',
  generalised_all: 'Generalisiert: Fallmanagement für alle zu aktivierenden Kundinnen und Kunden',
  generalised_same_staff: 'Generalisiert: Fallmanagement- und andere Kunden werden unterschieden, aber von demselben Personal betreut',
};

export const PLACEMENT_MODES = ['specialised', 'integrated'] as const;
export type PlacementMode = (typeof PLACEMENT_MODES)[number];
export const PLACEMENT_MODE_LABELS_DE: Record<PlacementMode, string> = {
  specialised:
    'Unmittelbare Vermittlung auf den ersten Arbeitsmarkt durch spezialisierte Vermittlungsfachkräfte (nicht Teil des Fallmanagements)',
  integrated: 'Unmittelbare Vermittlung auf den ersten Arbeitsmarkt ist Teil des Fallmanagements',
};

export const BENEFITS_MODES = ['specialised', 'contact_only', 'integrated'] as const;
export type BenefitsMode = (typeof BENEFITS_MODES)[number];
export const BENEFITS_MODE_LABELS_DE: Record<BenefitsMode, string> = {
  specialised: 'Spezialisierte Leistungssachbearbeitung berechnet die Leistungen und beantwortet Fragen dazu',
  contact_only: 'Die betreuende Fachkraft ist Ansprechperson für die Leistungen, berechnet sie aber nicht',
  integrated: 'Die betreuende Fachkraft berechnet die Leistungen zur Sicherung des Lebensunterhalts selbst',
};

/** How one age group is served. */
export interface CareModel {
  caseManagement: CaseManagementApproach;
  placement: PlacementMode;
  benefits: BenefitsMode;
  /** Teams mixing integration and benefits staff (funktionsübergreifende Teams). */
  mixedTeams: boolean;
}

export interface IawType {
  /** e.g. "Iba". */
  code: string;
  caseManagement: 'I' | 'II';
  placement: 'a' | 'b';
  benefits: 'a' | 'b';
  /** The type's meaning in words (German), one sentence per criterion. */
  meaningDe: string[];
  /** Remarks on variants the type does not show (expert model, contact person only, mixed teams). */
  notesDe: string[];
}

/** The IAW customer-care type of a model (004 §4, Tabelle 2). */
export function iawTypeOf(model: CareModel): IawType {
  const caseManagement = model.caseManagement.startsWith('specialised') ? 'I' : 'II';
  const placement = model.placement === 'integrated' ? 'b' : 'a';
  const benefits = model.benefits === 'specialised' ? 'a' : 'b';
  const meaningDe = [
    caseManagement === 'I'
      ? 'Typ I – spezialisierter Fallmanagement-Ansatz: Kundinnen und Kunden mit multiplen Vermittlungshemmnissen werden von dafür spezialisiertem Personal betreut.'
      : 'Typ II – generalisierter Fallmanagement-Ansatz: dasselbe Personal betreut Fallmanagement- und andere Kundinnen und Kunden.',
    placement === 'a'
      ? 'a – die unmittelbare Vermittlung auf den ersten Arbeitsmarkt ist nicht Teil des Fallmanagements (spezialisierte Vermittlung).'
      : 'b – die unmittelbare Vermittlung auf den ersten Arbeitsmarkt ist Teil des Fallmanagements.',
    benefits === 'a'
      ? 'a – Leistungen zur Sicherung des Lebensunterhalts nicht integriert: Berechnung und Auskunft liegen bei spezialisierter Leistungssachbearbeitung.'
      : 'b – Leistungen zur Sicherung des Lebensunterhalts integriert: die betreuende Fachkraft berechnet sie oder ist zumindest Ansprechperson dafür.',
  ];
  const notesDe: string[] = [];
  if (model.caseManagement === 'specialised_experts')
    notesDe.push(
      'Expertenmodell: lässt sich nach IAW nicht eindeutig zuordnen (Fußnote 10); es zählt als spezialisierter Ansatz, weil Fallmanagement-Kunden von spezialisiertem Personal betreut werden.',
    );
  if (model.caseManagement === 'generalised_same_staff')
    notesDe.push('Fallmanagement-Kunden werden unterschieden, aber nicht von spezialisiertem Personal betreut: generalisierter Ansatz.');
  if (model.benefits === 'contact_only')
    notesDe.push(
      'Integriert in der Form „Ansprechperson“: die betreuende Fachkraft beantwortet Fragen zu den Leistungen, die Berechnung bleibt spezialisiert.',
    );
  if (model.mixedTeams)
    notesDe.push(
      benefits === 'a'
        ? 'Funktionsübergreifende Teams aus Eingliederung und Leistungssachbearbeitung: eine weitere Form der Verzahnung, die den Typ nicht ändert (weiterhin „nicht integriert“).'
        : 'Funktionsübergreifende Teams aus Eingliederung und Leistungssachbearbeitung.',
    );
  return { code: `${caseManagement}${placement}${benefits}`, caseManagement, placement, benefits, meaningDe, notesDe };
}

/**
 * The model of a tenant that has not set one: type Iba, the most frequent type of the ARGEn in 004 §4
 * (specialised case management, placement part of it, specialised benefits).
 */
export const DEFAULT_CARE_MODEL: CareModel = {
  caseManagement: 'specialised_full',
  placement: 'integrated',
  benefits: 'specialised',
  mixedTeams: false,
};

/** Who does a kind of work under a model (resolved to people by {@link pickStaff}). */
export type WorkTarget = 'case_owner' | 'case_management_staff' | 'placement_staff' | 'benefits_staff';

export interface WorkRouting {
  /** Who owns a case once case management is indicated. */
  caseManagementOwner: 'case_owner' | 'case_management_staff';
  /** Expert model: the case stays with its owner, an expert is consulted (a task for the experts). */
  expertConsultation: boolean;
  /** Where placement tasks (direct placement into the first labour market) go. */
  placementTasks: 'case_owner' | 'placement_staff';
  /** Who receives a sanction decision to carry out in the benefits (the reduction is computed there). */
  sanctionDecision: 'case_owner' | 'benefits_staff';
  /** Who receives a notice relevant to benefits (e.g. start of a measure, income). */
  benefitsNotice: 'case_owner' | 'benefits_staff';
  /** Who is shown to the person as contact (§ 14 SGB II): for integration, and for benefits questions. */
  contactForIntegration: 'case_owner';
  contactForBenefits: 'case_owner' | 'benefits_staff';
}

export function routingOf(model: CareModel): WorkRouting {
  return {
    caseManagementOwner: model.caseManagement === 'specialised_full' ? 'case_management_staff' : 'case_owner',
    expertConsultation: model.caseManagement === 'specialised_experts',
    placementTasks: model.placement === 'integrated' ? 'case_owner' : 'placement_staff',
    sanctionDecision: model.benefits === 'integrated' ? 'case_owner' : 'benefits_staff',
    benefitsNotice: model.benefits === 'integrated' ? 'case_owner' : 'benefits_staff',
    contactForIntegration: 'case_owner',
    contactForBenefits: model.benefits === 'specialised' ? 'benefits_staff' : 'case_owner',
  };
}

/** The role a target's staff must hold. */
export const WORK_TARGET_ROLES: Record<Exclude<WorkTarget, 'case_owner'>, Role> = {
  case_management_staff: 'case_manager',
  placement_staff: 'placement_officer',
  benefits_staff: 'benefits_officer',
};

/** Function of a team, for routing to specialised staff. */
export const TEAM_FUNCTIONS = ['case_management', 'placement', 'benefits', 'mixed'] as const;
export type TeamFunction = (typeof TEAM_FUNCTIONS)[number];
export const TEAM_FUNCTION_LABELS_DE: Record<TeamFunction, string> = {
  case_management: 'Fallmanagement',
  placement: 'Arbeitsvermittlung',
  benefits: 'Leistungssachbearbeitung',
  mixed: 'Funktionsübergreifend (Eingliederung und Leistung)',
};

export interface StaffCandidate {
  id: string;
  roles: readonly Role[];
  teamId: string | null;
  teamFunction: TeamFunction | null;
  /** Open cases (or open tasks) the person holds now. */
  load: number;
}

/**
 * The person who receives work for a target: someone with the target's role — preferably in a team of
 * the matching function, with mixed teams first someone in the case owner's own team — with the least
 * load, ties by id. Null when nobody holds the role.
 */
export function pickStaff(
  target: Exclude<WorkTarget, 'case_owner'>,
  candidates: readonly StaffCandidate[],
  context: { ownerTeamId: string | null; mixedTeams: boolean },
): StaffCandidate | null {
  const role = WORK_TARGET_ROLES[target];
  const wantedFunction: TeamFunction =
    target === 'case_management_staff' ? 'case_management' : target === 'placement_staff' ? 'placement' : 'benefits';
  const eligible = candidates.filter((c) => c.roles.includes(role));
  const rank = (c: StaffCandidate) => {
    if (context.mixedTeams && context.ownerTeamId !== null && c.teamId === context.ownerTeamId) return 0;
    if (c.teamFunction === wantedFunction) return 1;
    return 2;
  };
  let best: StaffCandidate | null = null;
  for (const c of eligible) {
    if (
      best === null ||
      rank(c) < rank(best) ||
      (rank(c) === rank(best) && (c.load < best.load || (c.load === best.load && c.id < best.id)))
    )
      best = c;
  }
  return best;
}

/** The age group of a person on a date (U25: not yet 25). */
export function ageGroupOn(birthDate: string, on: string): AgeGroup {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  const age = y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
  return age < 25 ? 'u25' : 'ue25';
}

/** An open case as the routing sees it. */
export interface CaseForRouting {
  id: string;
  ageGroup: AgeGroup;
  /** Case management indicated (the case is past intake with the indication met or chosen). */
  caseManagement: boolean;
  ownerId: string;
  placementOfficerId: string | null;
  benefitsOfficerId: string | null;
}

/** Who is responsible for a case under a model. */
export interface CaseAssignment {
  caseId: string;
  ownerId: string;
  /** null: the owner does placement (integrated). */
  placementOfficerId: string | null;
  /** null: the owner computes the benefits (integrated). */
  benefitsOfficerId: string | null;
  /** Expert model: an expert for case management is to be consulted. */
  consultExpert: boolean;
  /** People the case passes between (owner, placement, benefits) minus one: the hand-offs it needs. */
  handOffs: number;
}

/**
 * The responsibilities of open cases under the models for U25 and Ü25 (used for a switch's preview,
 * its bulk reassignment and the comparison of an alternative model). A case keeps whom it has where the
 * model still wants that kind of staff (`keepExisting`), so a switch moves only what it must; whoever is
 * newly needed is picked by {@link pickStaff}, counting the cases handed out so far as load.
 */
export function planAssignments(
  models: Readonly<Record<AgeGroup, CareModel>>,
  cases: readonly CaseForRouting[],
  staff: readonly StaffCandidate[],
  options: { keepExisting: boolean },
): CaseAssignment[] {
  const load = new Map(staff.map((s) => [s.id, s.load]));
  const byId = new Map(staff.map((s) => [s.id, s]));
  const current = () => staff.map((s) => ({ ...s, load: load.get(s.id) ?? 0 }));
  const take = (id: string) => load.set(id, (load.get(id) ?? 0) + 1);
  const release = (id: string | null) => {
    if (id !== null && load.has(id)) load.set(id, Math.max(0, (load.get(id) ?? 0) - 1));
  };
  const holds = (id: string | null, role: Role) => id !== null && (byId.get(id)?.roles.includes(role) ?? false);
  return cases.map((c) => {
    const model = models[c.ageGroup];
    const routing = routingOf(model);
    const ownerTeamId = byId.get(c.ownerId)?.teamId ?? null;
    const context = { ownerTeamId, mixedTeams: model.mixedTeams };
    let ownerId = c.ownerId;
    if (
      c.caseManagement &&
      routing.caseManagementOwner === 'case_management_staff' &&
      byId.get(c.ownerId)?.teamFunction !== 'case_management'
    ) {
      const picked = pickStaff('case_management_staff', current(), context);
      // Only a dedicated case-management team takes the case over: without one (no team has that
      // function) moving it to another generalist would hand it off for nothing.
      if (picked && picked.id !== c.ownerId && picked.teamFunction === 'case_management') {
        release(c.ownerId);
        take(picked.id);
        ownerId = picked.id;
      }
    }
    const assign = (existing: string | null, target: 'placement_staff' | 'benefits_staff', wanted: boolean): string | null => {
      if (!wanted) {
        release(existing);
        return null;
      }
      if (options.keepExisting && holds(existing, WORK_TARGET_ROLES[target])) return existing;
      const picked = pickStaff(target, current(), context);
      if (!picked) return null;
      release(existing);
      take(picked.id);
      return picked.id;
    };
    const placementOfficerId = assign(c.placementOfficerId, 'placement_staff', routing.placementTasks === 'placement_staff');
    const benefitsOfficerId = assign(c.benefitsOfficerId, 'benefits_staff', routing.sanctionDecision === 'benefits_staff');
    const people = new Set([ownerId, placementOfficerId ?? ownerId, benefitsOfficerId ?? ownerId]);
    return {
      caseId: c.id,
      ownerId,
      placementOfficerId,
      benefitsOfficerId,
      consultExpert: c.caseManagement && routing.expertConsultation,
      handOffs: people.size - 1,
    };
  });
}
