/**
 * The default catalogue of placement barriers (Vermittlungshemmnisse / Handlungsbedarfe, SPEC C3),
 * grouped like the BA four-phase model. A new tenant starts with these entries and may edit them.
 * Each barrier type names the service types that address it; this mapping turns individual needs
 * into planning figures (SPEC C12). Health, addiction and psychosocial findings are special-category
 * data (SPEC C15).
 */
import type { BarrierPhase, ServiceType } from './case-file';

export interface DefaultBarrierType {
  code: string;
  phase: BarrierPhase;
  label: string;
  description: string;
  specialCategory: boolean;
  serviceTypes: ServiceType[];
  sortOrder: number;
}

const ENTRIES: ReadonlyArray<Omit<DefaultBarrierType, 'sortOrder'>> = [
  // ——— Qualifikation ———
  {
    code: 'no_school_certificate',
    phase: 'qualification',
    label: 'Kein Schulabschluss',
    description: 'Die Person hat keinen allgemeinbildenden Schulabschluss erworben.',
    specialCategory: false,
    serviceTypes: ['sgb3_45_activation'],
  },
  {
    code: 'no_vocational_qualification',
    phase: 'qualification',
    label: 'Keine abgeschlossene Berufsausbildung',
    description: 'Die Person hat keine abgeschlossene Berufsausbildung und kein Studium.',
    specialCategory: false,
    serviceTypes: ['sgb3_45_activation', 'sgb2_16e_wage_subsidy'],
  },
  {
    code: 'outdated_qualification',
    phase: 'qualification',
    label: 'Veraltete oder nicht verwertbare Qualifikation',
    description: 'Der erlernte Beruf wird kaum noch nachgefragt oder die Kenntnisse sind nicht mehr aktuell.',
    specialCategory: false,
    serviceTypes: ['sgb3_45_activation'],
  },
  {
    code: 'foreign_qualification_not_recognised',
    phase: 'qualification',
    label: 'Ausländischer Abschluss nicht anerkannt',
    description: 'Ein im Ausland erworbener Schul- oder Berufsabschluss ist in Deutschland (noch) nicht anerkannt.',
    specialCategory: false,
    serviceTypes: ['sgb3_45_activation', 'language_course'],
  },
  {
    code: 'insufficient_german',
    phase: 'qualification',
    label: 'Unzureichende Deutschkenntnisse',
    description: 'Die Deutschkenntnisse reichen für eine Arbeit oder Ausbildung noch nicht aus.',
    specialCategory: false,
    serviceTypes: ['language_course'],
  },
  {
    code: 'basic_skills_literacy',
    phase: 'qualification',
    label: 'Fehlende Grundbildung (Lesen, Schreiben, Rechnen)',
    description: 'Die Person kann nicht oder nur sehr eingeschränkt lesen, schreiben oder rechnen.',
    specialCategory: false,
    serviceTypes: ['language_course', 'sgb3_45_activation'],
  },
  {
    code: 'lacking_digital_skills',
    phase: 'qualification',
    label: 'Fehlende digitale Grundkenntnisse',
    description: 'Die Person kann Computer, Smartphone und Online-Bewerbungen kaum nutzen.',
    specialCategory: false,
    serviceTypes: ['sgb3_45_activation'],
  },
  {
    code: 'no_recent_work_experience',
    phase: 'qualification',
    label: 'Keine aktuelle Berufserfahrung',
    description: 'Die Person hat seit mehreren Jahren nicht oder noch nie regulär gearbeitet.',
    specialCategory: false,
    serviceTypes: ['sgb3_45_activation', 'sgb2_16d_work_opportunity', 'sgb2_16e_wage_subsidy'],
  },

  // ——— Leistungsfähigkeit und Gesundheit (besondere Kategorien personenbezogener Daten) ———
  {
    code: 'physical_health_limitation',
    phase: 'performance_health',
    label: 'Körperliche gesundheitliche Einschränkung',
    description: 'Eine körperliche Erkrankung oder Beeinträchtigung schränkt die Arbeitsfähigkeit ein.',
    specialCategory: true,
    serviceTypes: ['sgb2_16k_health_coaching', 'sgb3_45_activation'],
  },
  {
    code: 'mental_health_problem',
    phase: 'performance_health',
    label: 'Psychische Erkrankung oder Belastung',
    description: 'Eine psychische Erkrankung oder starke seelische Belastung schränkt Alltag und Arbeitsfähigkeit ein.',
    specialCategory: true,
    serviceTypes: ['psychosocial_support', 'sgb2_16k_health_coaching'],
  },
  {
    code: 'addiction_alcohol',
    phase: 'performance_health',
    label: 'Suchterkrankung: Alkohol',
    description: 'Ein schädlicher Alkoholkonsum oder eine Alkoholabhängigkeit liegt vor oder wird vermutet.',
    specialCategory: true,
    serviceTypes: ['addiction_counselling'],
  },
  {
    code: 'addiction_drugs_medication',
    phase: 'performance_health',
    label: 'Suchterkrankung: Drogen oder Medikamente',
    description: 'Ein schädlicher Konsum von Drogen oder Medikamenten oder eine Abhängigkeit davon liegt vor oder wird vermutet.',
    specialCategory: true,
    serviceTypes: ['addiction_counselling'],
  },
  {
    code: 'addiction_gambling_media',
    phase: 'performance_health',
    label: 'Glücksspiel- oder Mediensucht',
    description: 'Glücksspiel, Computerspiele oder Internet werden in einem Maß genutzt, das Alltag und Finanzen gefährdet.',
    specialCategory: true,
    serviceTypes: ['addiction_counselling', 'debt_counselling'],
  },
  {
    code: 'severe_disability',
    phase: 'performance_health',
    label: 'Schwerbehinderung oder Gleichstellung',
    description: 'Eine anerkannte Schwerbehinderung oder Gleichstellung ist bei der Arbeitssuche zu berücksichtigen.',
    specialCategory: true,
    serviceTypes: ['sgb2_16e_wage_subsidy', 'sgb2_16k_health_coaching'],
  },
  {
    code: 'reduced_resilience',
    phase: 'performance_health',
    label: 'Eingeschränkte Belastbarkeit',
    description: 'Die Person kann aus gesundheitlichen Gründen nur wenige Stunden am Tag oder nur leichte Tätigkeiten ausüben.',
    specialCategory: true,
    serviceTypes: ['sgb2_16k_health_coaching', 'sgb2_16d_work_opportunity', 'sgb2_16i_social_participation'],
  },

  // ——— Motivation ———
  {
    code: 'low_motivation',
    phase: 'motivation',
    label: 'Geringe Motivation oder Eigeninitiative',
    description: 'Die Person zeigt wenig Antrieb, die eigene Lage zu verändern oder eine Arbeit aufzunehmen.',
    specialCategory: false,
    serviceTypes: ['sgb3_45_activation', 'sgb2_16k_health_coaching'],
  },
  {
    code: 'unclear_goals',
    phase: 'motivation',
    label: 'Unklare berufliche Ziele',
    description: 'Die Person hat noch keine Vorstellung, welche Arbeit oder Ausbildung zu ihr passt.',
    specialCategory: false,
    serviceTypes: ['sgb3_45_activation'],
  },
  {
    code: 'unrealistic_expectations',
    phase: 'motivation',
    label: 'Unrealistische berufliche Vorstellungen',
    description: 'Die beruflichen Wünsche passen nicht zu den eigenen Voraussetzungen oder zum Arbeitsmarkt.',
    specialCategory: false,
    serviceTypes: ['sgb3_45_activation'],
  },
  {
    code: 'lacking_daily_structure',
    phase: 'motivation',
    label: 'Fehlende Tagesstruktur',
    description: 'Die Person hat keinen geregelten Tagesablauf und hält Termine nur unzuverlässig ein.',
    specialCategory: false,
    serviceTypes: ['sgb2_16d_work_opportunity', 'sgb2_16i_social_participation', 'sgb3_45_activation'],
  },
  {
    code: 'discouragement',
    phase: 'motivation',
    label: 'Entmutigung nach Misserfolgen',
    description: 'Viele Absagen oder abgebrochene Maßnahmen haben das Vertrauen in die eigenen Fähigkeiten geschwächt.',
    specialCategory: false,
    serviceTypes: ['sgb2_16k_health_coaching', 'sgb2_16i_social_participation'],
  },

  // ——— Rahmenbedingungen ———
  {
    code: 'childcare_missing',
    phase: 'framework',
    label: 'Fehlende Kinderbetreuung',
    description: 'Für minderjährige Kinder fehlt eine Betreuung, die eine Arbeit oder Maßnahme zulässt.',
    specialCategory: false,
    serviceTypes: ['childcare_care'],
  },
  {
    code: 'care_of_relatives',
    phase: 'framework',
    label: 'Pflege von Angehörigen',
    description: 'Die Person pflegt einen Angehörigen und hat deshalb nur wenig Zeit für Arbeit.',
    specialCategory: false,
    serviceTypes: ['childcare_care'],
  },
  {
    code: 'debt',
    phase: 'framework',
    label: 'Schulden oder Überschuldung',
    description: 'Schulden, Mahnungen oder Pfändungen belasten die Person und gefährden eine Arbeitsaufnahme.',
    specialCategory: false,
    serviceTypes: ['debt_counselling', 'insolvency_counselling'],
  },
  {
    code: 'housing_problems',
    phase: 'framework',
    label: 'Wohnungsprobleme oder drohender Wohnungsverlust',
    description: 'Mietschulden, eine Kündigung oder ungeeigneter Wohnraum gefährden die Wohnsituation.',
    specialCategory: false,
    serviceTypes: ['housing_support', 'debt_counselling'],
  },
  {
    code: 'homelessness',
    phase: 'framework',
    label: 'Wohnungslosigkeit',
    description: 'Die Person hat keine eigene Wohnung und lebt auf der Straße, in einer Unterkunft oder bei Bekannten.',
    specialCategory: false,
    serviceTypes: ['housing_support', 'psychosocial_support'],
  },
  {
    code: 'psychosocial_crisis',
    phase: 'framework',
    label: 'Psychosoziale Krise',
    description: 'Eine belastende Lebenslage wie Trennung, Gewalt, Trauer oder Isolation überfordert die Person.',
    specialCategory: true,
    serviceTypes: ['psychosocial_support'],
  },
  {
    code: 'household_member_problem',
    phase: 'framework',
    label: 'Belastung durch Probleme in der Bedarfsgemeinschaft',
    description: 'Die Krankheit, Sucht oder Krise eines Mitglieds der Bedarfsgemeinschaft bindet die Kräfte der Person.',
    specialCategory: true,
    serviceTypes: ['psychosocial_support', 'addiction_counselling', 'childcare_care'],
  },
  {
    code: 'mobility',
    phase: 'framework',
    label: 'Eingeschränkte Mobilität (kein Führerschein oder Fahrzeug)',
    description: 'Arbeitsorte sind ohne Führerschein, Fahrzeug oder passende Verbindungen nicht erreichbar.',
    specialCategory: false,
    serviceTypes: ['sgb3_45_activation'],
  },
  {
    code: 'legal_problems',
    phase: 'framework',
    label: 'Rechtliche Probleme',
    description: 'Laufende Gerichtsverfahren, Strafverfahren, Bewährungsauflagen oder eine Haftentlassung belasten die Lage.',
    specialCategory: true,
    serviceTypes: ['psychosocial_support'],
  },

  // ——— Arbeitsmarktbedingungen ———
  {
    code: 'age_50_plus',
    phase: 'labour_market',
    label: 'Alter ab 50 Jahren',
    description: 'Das Alter verringert die Chancen bei Arbeitgebern in der Region.',
    specialCategory: false,
    serviceTypes: ['sgb3_45_activation', 'sgb2_16e_wage_subsidy'],
  },
  {
    code: 'long_term_benefit_receipt',
    phase: 'labour_market',
    label: 'Langer Leistungsbezug',
    description: 'Die Person bezieht seit vielen Jahren Leistungen der Grundsicherung.',
    specialCategory: false,
    serviceTypes: ['sgb2_16i_social_participation', 'sgb2_16k_health_coaching'],
  },
  {
    code: 'long_term_unemployment',
    phase: 'labour_market',
    label: 'Langzeitarbeitslosigkeit',
    description: 'Die Person ist seit mehr als einem Jahr ohne Unterbrechung arbeitslos.',
    specialCategory: false,
    serviceTypes: ['sgb2_16e_wage_subsidy', 'sgb2_16i_social_participation', 'sgb2_16d_work_opportunity'],
  },
  {
    code: 'gaps_in_cv',
    phase: 'labour_market',
    label: 'Lücken im Lebenslauf',
    description: 'Längere ungeklärte Zeiten im Lebenslauf schrecken Arbeitgeber ab.',
    specialCategory: false,
    serviceTypes: ['sgb3_45_activation', 'sgb2_16e_wage_subsidy'],
  },
  {
    code: 'regional_labour_market',
    phase: 'labour_market',
    label: 'Ungünstiger regionaler Arbeitsmarkt',
    description: 'In der Region gibt es für das Berufsfeld der Person kaum offene Stellen.',
    specialCategory: false,
    serviceTypes: ['sgb3_45_activation', 'sgb2_16d_work_opportunity'],
  },
];

/** The default catalogue, ordered by phase, with sortOrder 10, 20, 30, … */
export const DEFAULT_BARRIER_CATALOGUE: readonly DefaultBarrierType[] = ENTRIES.map((entry, index) => ({
  ...entry,
  serviceTypes: [...entry.serviceTypes],
  sortOrder: (index + 1) * 10,
}));
