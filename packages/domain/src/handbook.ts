/**
 * Default content of the handbook (Handbuch): one page per service type with German checklists for
 * the case manager — recognise the need, prepare the referral (consent first), know what to expect
 * back from the provider. A tenant starts with these pages and may edit them. Pure data.
 *
 * Seed documents named in `sources`:
 * - Deutscher Landkreistag 2008: Leitlinien zur Umsetzung der sozialen Leistungen nach § 16 Abs. 2
 *   Satz 2 Nr. 1–4 SGB II a. F. (heute § 16a SGB II).
 * - Deutscher Verein 2009: Anforderungen an das Fallmanagement im SGB II.
 * - Deutscher Verein 2017: Empfehlungen zum Fallmanagement im Jobcenter (DV 18/16).
 * - G.I.B. 2016: Qualitätsarbeit im SGB II, AG 3 „Transparenz schaffen zu kommunalen
 *   Eingliederungsleistungen“.
 * Where the seeds say nothing, the text follows general SGB II practice and `sources` says so with
 * 'Allgemeine Fachpraxis (nicht aus den Quellen)'. Statutory details (amounts, periods) are those of
 * the law in force when written and must be checked against the current version before use.
 */
import type { ServiceType } from './case-file';

export interface HandbookChecklist {
  title: string;
  items: string[];
}

export interface HandbookPageContent {
  serviceType: ServiceType;
  /** German heading. */
  title: string;
  /** 2–5 German sentences: what the service is, for whom, what the case manager should know. */
  summary: string;
  /** 1–3 checklists with 4–12 items each. */
  checklists: HandbookChecklist[];
  /** Which seed passages the content comes from, or that it is general practice. */
  sources: string;
}

export const DEFAULT_HANDBOOK: Record<ServiceType, HandbookPageContent> = {
  childcare_care: {
    serviceType: 'childcare_care',
    title: 'Kinderbetreuung und häusliche Pflege von Angehörigen (§ 16a Nr. 1 SGB II)',
    summary:
      'Nach § 16a Nr. 1 SGB II kann der kommunale Träger die Betreuung minderjähriger oder behinderter Kinder oder die häusliche Pflege von Angehörigen sicherstellen, wenn das für die Eingliederung in Arbeit erforderlich ist. ' +
      'Vorrang haben die Regelungen des SGB VIII (Kindertagesbetreuung), des SGB XI (Pflegeversicherung) und des SGB XII (Hilfe zur Pflege); das SGB II schließt nur Lücken. ' +
      'Bei der Kinderbetreuung ist das Hemmnis mit der Sicherstellung eines Platzes meist beseitigt, eine laufende Rückmeldung ist dann nur bei Problemen nötig. ' +
      'Jugendhilfeträger und SGB-II-Träger sind nicht überall identisch; dann ist eine Abstimmung mit dem Jugendamt erforderlich.',
    checklists: [
      {
        title: 'Betreuungsbedarf für Kinder klären',
        items: [
          'Alter und Zahl der Kinder, bestehende Betreuung (Kita, Tagespflege, Schule, Hort) erfassen',
          'Betreuungszeiten mit den geplanten Arbeits- oder Maßnahmezeiten einschließlich Wegezeiten abgleichen',
          'Randzeiten, Schichtarbeit, Ferien und Schließtage berücksichtigen',
          'Notfallbetreuung bei Krankheit des Kindes klären (Familie, Nachbarschaft, Netzwerk)',
          'Kinder mit Behinderung oder besonderem Förderbedarf: passende Einrichtung und Eingliederungshilfe mit dem Jugendamt oder Sozialamt klären',
          'Rechtsanspruch auf Förderung in Kita oder Tagespflege ab dem vollendeten ersten Lebensjahr (§ 24 SGB VIII) beim Jugendamt geltend machen lassen',
          'Auch Kinder unter einem Jahr sind zu fördern, wenn die Eltern Arbeit suchen oder Leistungen zur Eingliederung in Arbeit erhalten (§ 24 Abs. 1 SGB VIII)',
          'Bei Kindern unter drei Jahren die Zumutbarkeitsregel des § 10 Abs. 1 Nr. 3 SGB II beachten; freiwillige Schritte trotzdem unterstützen',
          'Kostenbeitrag: Bei Bezug von Leistungen nach dem SGB II wird er auf Antrag beim Jugendamt erlassen oder übernommen (§ 90 Abs. 4 SGB VIII)',
        ],
      },
      {
        title: 'Häusliche Pflege von Angehörigen',
        items: [
          'Pflegegrad der gepflegten Person und Pflegebescheinigung der Pflegekasse erfragen',
          'Zeitlichen Umfang der Pflege und feste Pflegezeiten erfassen',
          'Zumutbarkeit nach § 10 Abs. 1 Nr. 4 SGB II prüfen: Ist die Pflege auf andere Weise sicherzustellen?',
          'Pflegeberatung der Pflegekasse oder Pflegestützpunkt einbeziehen',
          'Entlastung prüfen: ambulanter Pflegedienst, Tagespflege, Kurzzeit- oder Verhinderungspflege',
          'Reichen die Leistungen der Pflegeversicherung nicht aus oder bestehen keine, Hilfe zur Pflege nach dem SGB XII beim Sozialamt prüfen lassen',
          'Gesundheit und Belastung der pflegenden Person ansprechen',
        ],
      },
      {
        title: 'Vor Arbeitsaufnahme oder Maßnahmebeginn',
        items: [
          'Betreuung oder Pflege schriftlich bestätigt (Platzzusage, Betreuungsvertrag, Pflegevertrag)',
          'Eingewöhnungszeit in Kita oder Tagespflege vor dem ersten Arbeitstag einplanen',
          'Einwilligung der Person einholen, bevor mit Kita, Jugendamt, Pflegekasse oder Pflegedienst Daten ausgetauscht werden',
          'Kosten der Kinderbetreuung während einer Maßnahme: Übernahme im Rahmen der Maßnahmeförderung prüfen',
          'Ist der Jugendhilfeträger nicht zugleich SGB-II-Träger, Absprache mit dem zuständigen Jugendamt treffen',
          'Ansprechperson für den Fall vereinbaren, dass die Betreuung wegfällt oder Probleme auftreten',
          'Vereinbarte Schritte im Kooperationsplan bzw. in der Eingliederungsvereinbarung festhalten',
        ],
      },
    ],
    sources:
      'Deutscher Landkreistag 2008, Abschnitte 2, 4, 5 und 7; G.I.B. 2016, Abschnitte 2.2 (Pflegebescheinigungen der Pflegekasse) und 2.3 (Versäulung bei Kinderbetreuung und Pflege); ' +
      'Deutscher Verein 2017, Abschnitt 6 (Zusammenarbeit mit dem Jugendamt); Rechtsanspruch, Kostenbeitrag, Zumutbarkeit und Pflegeleistungen: Allgemeine Fachpraxis (nicht aus den Quellen)',
  },

  debt_counselling: {
    serviceType: 'debt_counselling',
    title: 'Schuldnerberatung (§ 16a Nr. 2 SGB II)',
    summary:
      'Die Schuldnerberatung nach § 16a Nr. 2 SGB II unterstützt Menschen mit Schuldenproblemen in rechtlichen, finanziellen und psychosozialen Fragen und zielt auf die außergerichtliche Regulierung der Schulden. ' +
      'Sie ist eine Ermessensleistung des kommunalen Trägers und setzt voraus, dass sie für die Eingliederung in Arbeit erforderlich ist; ob Schulden die Vermittlung tatsächlich behindern, hängt vom Einzelfall ab. ' +
      'Das gerichtliche Verbraucherinsolvenzverfahren ist nicht Teil des SGB II, dafür gibt es die Insolvenzberatung (eigene Seite), zu der die Schuldnerberatung ergänzend tätig sein kann. ' +
      'Schulden treten oft zusammen mit Sucht, Krankheit oder Wohnungsproblemen auf, als Ursache oder als Folge.',
    checklists: [
      {
        title: 'Hinweise auf Überschuldung',
        items: [
          'Mitteilungen der Leistungsabteilung zu Schulden, etwa Pfändungen, Abtretungen oder Aufrechnungen',
          'Zahlungsrückstände bei Miete, Strom oder Gas, angedrohte Sperre oder Kündigung',
          'Wiederholte Mittellosigkeit vor Monatsende, Bitten um Vorschuss oder Darlehen',
          'Kontopfändung, gekündigtes Girokonto oder kein Pfändungsschutzkonto trotz Pfändung',
          'Mahnungen, Inkassoschreiben, Mahnbescheide oder Post vom Gerichtsvollzieher, oft ungeöffnet',
          'Aussagen wie „Arbeit lohnt sich nicht, es wird ja doch gepfändet“ oder Zurückhaltung bei Stellen mit Lohnpfändungsrisiko',
          'Negativer SCHUFA-Eintrag, der Wohnungssuche oder Arbeitsaufnahme erschwert',
          'Offene Geldstrafen oder drohende Ersatzfreiheitsstrafe',
          'Schulden im Zusammenhang mit Sucht, Glücksspiel, Krankheit oder Trennung',
          'Hinweise von Maßnahmeträgern oder Arbeitgebern, etwa zu Lohnpfändungen bei früheren Beschäftigungen',
        ],
      },
      {
        title: 'Vor der Zuweisung klären',
        items: [
          'Erforderlichkeit für die Eingliederung in Arbeit begründen und dokumentieren',
          'Akute Notlagen zuerst: drohende Räumung, Energiesperre oder Kontopfändung; Übernahme von Miet- oder Energieschulden nach § 22 Abs. 8 SGB II prüfen',
          'Pfändungsschutzkonto (P-Konto) einrichten lassen, falls noch nicht vorhanden',
          'Schriftliche Schweigepflichtentbindung für Jobcenter und Schuldnerberatungsstelle einholen, bevor Daten ausgetauscht werden',
          'Person über Inhalt, Umfang, Freiwilligkeit, Widerrufbarkeit und Nutzen der Schweigepflichtentbindung beraten',
          'Unterlagen sammeln lassen: Mahnungen, Titel, Verträge, Kontoauszüge, Bescheide, Einkommensnachweise',
          'Wartezeit und Termin für das Erstgespräch bei der Beratungsstelle erfragen; bei langer Wartezeit Zwischenschritte vereinbaren',
          'Reihenfolge der Hemmnisse festlegen, etwa eine Suchtproblematik vor der Schuldenregulierung bearbeiten',
          'Ersten Beratungstermin im Kooperationsplan bzw. in der Eingliederungsvereinbarung festhalten',
          'Prüfen lassen, ob ein Verbraucherinsolvenzverfahren in Betracht kommt (siehe Insolvenzberatung)',
        ],
      },
      {
        title: 'Was die Rückmeldung der Beratungsstelle enthalten soll',
        items: [
          'Zustandekommen des Erstgesprächs und Wahrnehmung der vereinbarten Termine',
          'Beratungsbedarf und voraussichtliche Beratungsdauer',
          'Teilziele mit Inhalt und Zeitschiene, etwa Haushaltsplan, P-Konto, Gläubigerübersicht',
          'Geplante weitere Schritte und neu erkannte Bedarfe, etwa Insolvenzberatung oder Suchtberatung',
          'Einschätzung der Mitwirkung und Motivationslage',
          'Abbruch der Beratung mit Datum',
          'Abschluss, Abschlussdatum und Ergebnis',
          'Auswirkungen auf die Arbeitsaufnahme, etwa geklärte Pfändungsfreibeträge',
          'Nur Angaben, die von der Schweigepflichtentbindung gedeckt sind',
        ],
      },
    ],
    sources:
      'Deutscher Landkreistag 2008, Abschnitte 1, 2, 3, 5 und 9; G.I.B. 2016, Abschnitte 2.1, 2.2, 3.1 e, 3.2 e und 3.4 e; Deutscher Verein 2009, Abschnitt IV.3.1; ' +
      'P-Konto, Schuldenübernahme nach § 22 Abs. 8 SGB II, SCHUFA, Geldstrafen und Unterlagen: Allgemeine Fachpraxis (nicht aus den Quellen)',
  },

  psychosocial_support: {
    serviceType: 'psychosocial_support',
    title: 'Psychosoziale Betreuung (§ 16a Nr. 3 SGB II)',
    summary:
      'Die psychosoziale Betreuung nach § 16a Nr. 3 SGB II bearbeitet persönliche Problemlagen, die die Vermittlung in Arbeit behindern und nicht auf einem diagnostizierten Krankheitsbild beruhen, oft nach Lebenskrisen. ' +
      'Inhalte sind zum Beispiel Sozialberatung, Krisenintervention, Motivationsarbeit, die Vermittlung lebenspraktischer Fähigkeiten und die Weitervermittlung an passende Hilfen (Clearing). ' +
      'Sie ist nachrangig: Medizinische und psychiatrische Behandlung, Eingliederungshilfe, Jugendhilfe und arbeitsmarktliche Maßnahmen gehen vor, wenn sie greifen. ' +
      'Die Betreuung flankiert das Fallmanagement, ersetzt es aber nicht; die Fallverantwortung bleibt im Jobcenter, und fachlich wird die Freiwilligkeit der Teilnahme besonders betont.',
    checklists: [
      {
        title: 'Hinweise auf psychosoziale Problemlagen',
        items: [
          'Probleme bei der Alltagsbewältigung, etwa mit Post, Terminen, Haushalt oder Behördengängen',
          'Verarmung oder wiederholte Mittellosigkeit',
          'Erkrankung oder starke Belastung ohne ausreichende Behandlung',
          'Wohnungslosigkeit oder drohender Wohnungsverlust',
          'Verschuldung',
          'Suchtprobleme',
          'Soziale Isolation und Rückzug',
          'Akute Lebenskrise, etwa Trennung, Todesfall, Gewalterfahrung oder Haftentlassung',
          'Besondere Lebenslagen, etwa nach Haft, im Frauenhaus, Integrationsprobleme nach Zuwanderung oder junge Menschen ohne Anschluss',
          'Eigene Äußerungen zu Überforderung, Antriebslosigkeit oder Hoffnungslosigkeit',
          'Rückmeldungen von Maßnahmeträgern oder Arbeitgebern über wiederholte Konflikte oder Abbrüche',
        ],
      },
      {
        title: 'Vor der Zuweisung klären',
        items: [
          'Vorrangige Hilfen prüfen: ärztliche oder psychotherapeutische Behandlung, Eingliederungshilfe, Jugendhilfe, Leistungen für schwerbehinderte Menschen',
          'Bei Hinweisen auf eine psychische Erkrankung auf ärztliche Abklärung oder den Sozialpsychiatrischen Dienst hinwirken',
          'Bei akuter Selbst- oder Fremdgefährdung sofort den Notruf 112 oder den örtlichen Krisendienst einschalten',
          'Die Betreuung als Angebot erklären und Freiwilligkeit betonen; einen ersten Termin (Basisberatung) gemeinsam vereinbaren',
          'Schriftliche Schweigepflichtentbindung für Jobcenter und Träger einholen und Umfang mit der Person festlegen',
          'Ziel und erste Schritte gemeinsam festlegen und im Kooperationsplan bzw. in der Eingliederungsvereinbarung festhalten',
          'Bei komplexen Lagen eine Fallkonferenz mit Träger und Person vorschlagen; Gespräche mit Dritten möglichst in Anwesenheit der Person führen',
          'Bei versäumten Terminen zuerst die Gründe klären, bevor Rechtsfolgen geprüft werden',
        ],
      },
      {
        title: 'Was die Rückmeldung des Trägers enthalten soll',
        items: [
          'Vereinbarte und wahrgenommene Termine',
          'Betreuungsbedarf und voraussichtliche Dauer',
          'Teilziele im Hilfeprozess mit Inhalt und Zeitschiene',
          'Geplante Hilfen und neu erkannte Bedarfe, etwa Weitervermittlung an Fachdienste',
          'Einschätzung der Motivationslage und der Belastbarkeit',
          'Abbruch der Betreuung mit Datum',
          'Abschluss, Abschlussdatum und Ergebnis',
          'Empfehlung zu den nächsten Schritten in Richtung Arbeit',
        ],
      },
    ],
    sources:
      'Deutscher Landkreistag 2008, Abschnitte 2, 4, 5 und 9; Deutscher Verein 2009, Abschnitte III.3, III.4 und IV.3.1; G.I.B. 2016, Abschnitte 3.1 e und 3.4 e; ' +
      'Krisenhilfe und Sozialpsychiatrischer Dienst: Allgemeine Fachpraxis (nicht aus den Quellen)',
  },

  addiction_counselling: {
    serviceType: 'addiction_counselling',
    title: 'Suchtberatung (§ 16a Nr. 4 SGB II)',
    summary:
      'Die Suchtberatung nach § 16a Nr. 4 SGB II erfasst alle Formen von Abhängigkeit, stoffgebundene wie Alkohol, Medikamente und Drogen ebenso wie Verhaltenssüchte, etwa Glücksspiel. ' +
      'Abhängigkeit gilt nach der Weltgesundheitsorganisation als Krankheit und nicht als Willens- oder Charakterschwäche; Ziel der Beratung ist zuerst die Stabilisierung, die Integration in Arbeit steht oft am Ende eines längeren Weges. ' +
      'Das Fallmanagement soll Hinweise erkennen, offen und ohne Vorwurf ansprechen und in die Beratung steuern, stellt aber keine Diagnose und übernimmt keine therapeutische Aufgabe. ' +
      'Häufig fehlt den Betroffenen die Einsicht, Rückfälle gehören oft zum Verlauf, und Sucht geht häufig mit Schulden einher.',
    checklists: [
      {
        title: 'Anzeichen einer Suchtproblematik',
        items: [
          'Mehrfach wahrgenommener Alkoholgeruch im Gespräch',
          'Hinweise Dritter, etwa von Angehörigen, Maßnahmeträgern oder Arbeitgebern',
          'Eigene Äußerungen zu Konsum, Kontrollverlust oder gescheiterten Versuchen aufzuhören',
          'Ärztliche Gutachten oder Befunde mit Hinweis auf eine Suchterkrankung',
          'Häufig versäumte oder kurzfristig abgesagte Termine, besonders am Vormittag',
          'Wiederholte kurze Krankmeldungen, Abbrüche von Maßnahmen oder Arbeitsverhältnissen',
          'Wiederholte Mittellosigkeit kurz nach Zahlungseingang',
          'Schulden, die mit Konsum oder Glücksspiel zusammenhängen',
          'Hinweise auf Glücksspiel oder exzessive Mediennutzung, etwa Sportwetten, Spielhallen oder Online-Spiele',
          'Führerscheinentzug oder Strafverfahren im Zusammenhang mit Alkohol, Drogen oder Medikamenten',
          'Auffälligkeiten wie Zittern, verwaschene Sprache, starke Stimmungsschwankungen oder Konzentrationsprobleme',
          'Vernachlässigung von Körperpflege oder Wohnung, Rückzug aus sozialen Kontakten',
        ],
      },
      {
        title: 'Ansprache und Zuweisung vorbereiten',
        items: [
          'Beobachtungen konkret und ohne Vorwurf ansprechen; keine eigene Diagnose stellen',
          'Mit fehlender Einsicht rechnen: Gesprächsangebot wiederholen, statt sofortige Zustimmung zu verlangen',
          'Bei akuter Gefahr, etwa schweren Entzugserscheinungen, sofort ärztliche Hilfe oder den Notruf 112 einschalten',
          'Regionale Suchtberatungsstelle, Ansprechperson und Wartezeit klären und einen Termin für das Erstgespräch (Basisberatung) vereinbaren',
          'Schriftliche Schweigepflichtentbindung für Jobcenter und Beratungsstelle einholen, bevor Daten ausgetauscht werden',
          'Person über Inhalt, Umfang, Freiwilligkeit, Widerrufbarkeit und Nutzen der Schweigepflichtentbindung beraten',
          'Suchtangaben sind besonders geschützte Gesundheitsdaten: nur festhalten, was für die Eingliederung erforderlich ist',
          'Ersten Schritt mit Termin im Kooperationsplan bzw. in der Eingliederungsvereinbarung festhalten',
          'Begleitende Problemlagen mitdenken: Schulden, Wohnung, psychische Belastung, Kinder in der Bedarfsgemeinschaft',
          'Realistisch planen: Suchthilfe dauert oft lange, Rückfälle sind kein Grund, die Hilfe zu beenden',
          'Entzug (Krankenkasse) und Entwöhnungsbehandlung (meist Rentenversicherung) laufen über andere Träger; Vermittlungsschritte mit der Behandlung abstimmen',
        ],
      },
      {
        title: 'Was die Rückmeldung der Beratungsstelle enthalten soll',
        items: [
          'Zustandekommen des Erstgesprächs und Wahrnehmung der vereinbarten Termine',
          'Beratungsbedarf und voraussichtliche Beratungsdauer',
          'Teilziele im Hilfeprozess mit Inhalt und Zeitschiene',
          'Geplante Hilfen und neu erkannte Bedarfe, etwa Entgiftung, Therapie, Selbsthilfegruppe',
          'Einschätzung der Motivationslage',
          'Abbruch der Beratung mit Datum',
          'Abschluss, Abschlussdatum und Ergebnis',
          'Empfehlung zu den nächsten Schritten in Richtung Arbeit, etwa Belastbarkeit und geeignete Maßnahmen',
          'Keine Therapieinhalte, nur Angaben, die von der Schweigepflichtentbindung gedeckt sind',
        ],
      },
    ],
    sources:
      'Deutscher Landkreistag 2008, Abschnitte 2, 3, 5, 6, 7 und 9; G.I.B. 2016, Abschnitte 2.2, 3.1 e und 3.4 e; Deutscher Verein 2009, Abschnitte III.2 und IV.3.1; ' +
      'weitere Anzeichen (Terminverhalten, Krankmeldungen, Glücksspiel, Führerschein, körperliche Auffälligkeiten), Notfall sowie Zuständigkeit für Entzug und Entwöhnung: Allgemeine Fachpraxis (nicht aus den Quellen)',
  },

  insolvency_counselling: {
    serviceType: 'insolvency_counselling',
    title: 'Insolvenzberatung (Verbraucherinsolvenzverfahren nach der InsO)',
    summary:
      'Die Insolvenzberatung bereitet das gerichtliche Verbraucherinsolvenzverfahren mit dem Ziel der Restschuldbefreiung vor und begleitet es. ' +
      'Sie ist in der Insolvenzordnung und im Landesrecht geregelt und keine Leistung des SGB II, kann aber für den Abbau des Vermittlungshemmnisses Schulden entscheidend sein; die Schuldnerberatung kann ergänzend tätig sein. ' +
      'Vor dem Antrag muss eine außergerichtliche Einigung mit den Gläubigern erfolglos versucht worden sein, was eine geeignete Person oder Stelle, etwa eine anerkannte Schuldner- und Insolvenzberatungsstelle, bescheinigt (§ 305 InsO). ' +
      'Während des Verfahrens besteht eine Erwerbsobliegenheit (§§ 287b, 295 InsO), die sich mit dem Ziel der Arbeitsaufnahme deckt.',
    checklists: [
      {
        title: 'Hinweise, dass eine Insolvenzberatung in Betracht kommt',
        items: [
          'Die Schuldnerberatung hält eine außergerichtliche Regulierung für aussichtslos',
          'Viele Gläubiger und Schulden, die auch mit Arbeitseinkommen in absehbarer Zeit nicht zu tilgen sind',
          'Laufende Pfändungen, abgegebene Vermögensauskunft oder wiederholte Vollstreckungsversuche',
          'Wunsch der Person nach einem geordneten Neuanfang',
          'Frühere Selbständigkeit: klären lassen, ob ein Verbraucher- oder ein Regelinsolvenzverfahren in Frage kommt (§ 304 InsO)',
          'Auch ohne pfändbares Einkommen ist ein Verfahren möglich; die Verfahrenskosten können gestundet werden (§ 4a InsO)',
        ],
      },
      {
        title: 'Vor der Vermittlung klären',
        items: [
          'Anerkannte Insolvenzberatungsstelle mit Befugnis zur Bescheinigung nach § 305 InsO auswählen',
          'Wartezeit und Finanzierung der Beratung klären (nicht aus SGB-II-Mitteln, oft Landes- oder kommunale Förderung)',
          'Schriftliche Schweigepflichtentbindung für Jobcenter und Beratungsstelle einholen, bevor Daten ausgetauscht werden',
          'Unterlagen sammeln lassen: Gläubigerliste, Forderungsschreiben, Titel, Einkommens- und Leistungsnachweise',
          'Pfändungsschutzkonto (P-Konto) sicherstellen',
          'Hinweisen, dass bestimmte Forderungen, etwa Geldstrafen, nicht von der Restschuldbefreiung erfasst werden (§ 302 InsO)',
          'Beratungsschritte im Kooperationsplan bzw. in der Eingliederungsvereinbarung festhalten',
        ],
      },
      {
        title: 'Während des Verfahrens beachten',
        items: [
          'Erwerbsobliegenheit: sich um angemessene Arbeit bemühen und zumutbare Arbeit nicht ablehnen (§§ 287b, 295 InsO)',
          'Wechsel von Wohnsitz oder Arbeitsstelle muss die Person dem Insolvenzgericht und dem Treuhänder unverzüglich anzeigen (§ 295 InsO)',
          'Neue Schulden vermeiden; laufende Zahlungen wie Miete und Energie sichern',
          'Rückmeldung der Beratungsstelle zum Stand (Einigungsversuch, Antrag, Eröffnung) nur im Rahmen der Schweigepflichtentbindung anfordern',
        ],
      },
    ],
    sources:
      'Deutscher Landkreistag 2008, Abschnitt 2 (Abgrenzung zur Schuldnerberatung, Bedeutung für das Hemmnis Schulden); Deutscher Landkreistag 2008, Abschnitt 5 und Deutscher Verein 2009, Abschnitt IV.3.1 (Schweigepflichtentbindung); ' +
      'Verfahren nach der Insolvenzordnung: Allgemeine Fachpraxis (nicht aus den Quellen)',
  },

  sgb2_16d_work_opportunity: {
    serviceType: 'sgb2_16d_work_opportunity',
    title: 'Arbeitsgelegenheiten (§ 16d SGB II)',
    summary:
      'Arbeitsgelegenheiten nach § 16d SGB II sind zusätzliche, im öffentlichen Interesse liegende und wettbewerbsneutrale Tätigkeiten, die die Beschäftigungsfähigkeit erhalten oder wiederherstellen sollen. ' +
      'Sie begründen kein Arbeitsverhältnis; neben den laufenden Leistungen wird eine angemessene Entschädigung für Mehraufwendungen gezahlt. ' +
      'Arbeitsgelegenheiten sind nachrangig gegenüber der Vermittlung in Arbeit oder Ausbildung und anderen Eingliederungsleistungen und zeitlich begrenzt (grundsätzlich höchstens 24 Monate innerhalb von fünf Jahren). ' +
      'Sie wirken vor allem sozial stabilisierend und geben Tagesstruktur; ohne vereinbarte Anschlussperspektive gehen diese Effekte schnell verloren.',
    checklists: [
      {
        title: 'Passt eine Arbeitsgelegenheit?',
        items: [
          'Vermittlung in Arbeit oder Ausbildung und andere Eingliederungsleistungen sind derzeit nicht erfolgversprechend (Nachrang)',
          'Konkretes Ziel benennen: Tagesstruktur, Belastbarkeit erproben, Arbeitserfahrung sammeln, soziale Kontakte',
          'Gesundheitliche Belastbarkeit und möglichen Stundenumfang klären; bei Zweifeln den ärztlichen Dienst einbeziehen',
          'Bisherige Zeiten in Arbeitsgelegenheiten der letzten fünf Jahre prüfen (Höchstdauer)',
          'Interessen und Fähigkeiten der Person bei der Wahl des Einsatzfeldes berücksichtigen',
          'Kinderbetreuung, Pflege und Wege zur Einsatzstelle klären',
          'Parallel bestehende Sucht-, Schulden- oder psychosoziale Problemlagen mit Beratung verbinden',
        ],
      },
      {
        title: 'Vor der Zuweisung klären',
        items: [
          'Träger bestätigt, dass die Tätigkeit zusätzlich, im öffentlichen Interesse und wettbewerbsneutral ist',
          'Zuweisung mit Art der Tätigkeit, zeitlichem Umfang, Verteilung der Arbeitszeit, Dauer und Höhe der Mehraufwandsentschädigung',
          'Sozialpädagogische Begleitung und feste Anleitung beim Träger vorhanden',
          'Einwilligung einholen, bevor Angaben zu Gesundheit oder persönlichen Problemen an den Träger gehen; nur das Nötige weitergeben',
          'Vereinbaren, dass ein Ausstieg aus gesundheitlichen Gründen jederzeit möglich ist',
          'Anschlussperspektive von Anfang an vereinbaren, etwa Qualifizierung, geförderte oder ungeförderte Beschäftigung',
          'Ziel und Dauer im Kooperationsplan bzw. in der Eingliederungsvereinbarung festhalten',
        ],
      },
      {
        title: 'Was die Rückmeldung des Trägers enthalten soll',
        items: [
          'Anwesenheit, entschuldigte und unentschuldigte Fehlzeiten',
          'Pünktlichkeit, Zuverlässigkeit und Belastbarkeit',
          'Gezeigte Fähigkeiten und Interessen',
          'Erkannte Hemmnisse und Unterstützungsbedarfe, soweit von der Einwilligung gedeckt',
          'Abbruch mit Datum und Grund',
          'Empfehlung für den Anschluss, etwa Qualifizierung, § 16e, § 16i oder eine Maßnahme nach § 45 SGB III',
        ],
      },
    ],
    sources:
      'Deutscher Verein 2017, Abschnitt 8 (soziale Stabilisierung, Teilnahmefähigkeit, Ausstieg aus gesundheitlichen Gründen, Anschlussperspektive); G.I.B. 2016, Abschnitt 3.3 c (Bedarfe aus Maßnahmen heraus erkennen); ' +
      'Voraussetzungen und Ausgestaltung nach § 16d SGB II: Allgemeine Fachpraxis (nicht aus den Quellen)',
  },

  sgb2_16e_wage_subsidy: {
    serviceType: 'sgb2_16e_wage_subsidy',
    title: 'Eingliederung von Langzeitarbeitslosen (§ 16e SGB II)',
    summary:
      'Nach § 16e SGB II kann das Jobcenter Arbeitgebern einen Zuschuss zum Arbeitsentgelt zahlen, wenn sie eine Person einstellen, die trotz vermittlerischer Unterstützung seit mindestens zwei Jahren arbeitslos ist. ' +
      'Gefördert wird ein nicht nur geringfügiges Arbeitsverhältnis von mindestens zwei Jahren; der Zuschuss beträgt im ersten Jahr 75 Prozent und im zweiten Jahr 50 Prozent des zu berücksichtigenden Arbeitsentgelts. ' +
      'Begleitend soll eine ganzheitliche beschäftigungsbegleitende Betreuung (Coaching) stattfinden, für die der Arbeitgeber in den ersten sechs Monaten unter Fortzahlung des Entgelts freistellt. ' +
      'Beträge und Voraussetzungen sind vor jeder Bewilligung mit der geltenden Fassung des § 16e SGB II abzugleichen.',
    checklists: [
      {
        title: 'Fördervoraussetzungen prüfen',
        items: [
          'Arbeitslosigkeit seit mindestens zwei Jahren trotz vermittlerischer Unterstützung belegt',
          'Arbeitgeber begründet ein Arbeitsverhältnis für mindestens zwei Jahre',
          'Beschäftigung ist nicht nur geringfügig; Entgelt nach Tarif oder ortsüblich',
          'Antrag des Arbeitgebers rechtzeitig vor Beginn des Arbeitsverhältnisses',
          'Tätigkeit passt zu Fähigkeiten, Gesundheit und Mobilität der Person',
        ],
      },
      {
        title: 'Vor Beginn des Arbeitsverhältnisses klären',
        items: [
          'Coaching festlegen: durch das Jobcenter oder einen beauftragten Träger, Umfang und erste Termine',
          'Freistellung für das Coaching in den ersten sechs Monaten mit dem Arbeitgeber besprechen',
          'Einwilligung der Person einholen, welche Informationen an Arbeitgeber und Coach gehen dürfen; dem Arbeitgeber nur förderrelevante Angaben',
          'Kinderbetreuung, Arbeitszeiten und Arbeitsweg sicherstellen',
          'Einarbeitung und feste Ansprechperson im Betrieb vereinbaren',
          'Auswirkungen des Einkommens auf die Leistungen erklären, etwa Freibeträge oder Ende des Leistungsbezugs',
          'Sinnvolle Weiterbildung während der Förderung mit Arbeitgeber und Person besprechen',
        ],
      },
      {
        title: 'Während der Förderung',
        items: [
          'Regelmäßige Rückmeldung aus dem Coaching zu Stabilität, Fehlzeiten und Konflikten',
          'Bei drohendem Scheitern frühzeitig Krisengespräch mit Person, Coach und Arbeitgeber anbieten',
          'Neu erkannte Bedarfe, etwa Schulden oder Sucht, an die passende Beratung weiterleiten',
          'Rechtzeitig vor Förderende die Weiterbeschäftigung ohne Zuschuss mit dem Arbeitgeber besprechen',
        ],
      },
    ],
    sources:
      'Deutscher Verein 2017, Abschnitte 8 und 9 (sozialpädagogische Begleitung, Arrangements bei Arbeitgebern stützen, die zu scheitern drohen); ' +
      'Fördervoraussetzungen, Zuschusshöhe und Coaching nach § 16e SGB II: Allgemeine Fachpraxis (nicht aus den Quellen)',
  },

  sgb2_16i_social_participation: {
    serviceType: 'sgb2_16i_social_participation',
    title: 'Teilhabe am Arbeitsmarkt (§ 16i SGB II)',
    summary:
      'Nach § 16i SGB II wird längerfristige Beschäftigung für Menschen gefördert, die sehr lange Leistungen beziehen und auf absehbare Zeit keine realistische Chance auf ungeförderte Arbeit haben. ' +
      'Voraussetzung ist in der Regel ein Alter ab 25 Jahren und ein Leistungsbezug von mindestens sechs Jahren innerhalb der letzten sieben Jahre ohne nennenswerte Beschäftigung; Einzelheiten und Ausnahmen regelt § 16i Abs. 3 SGB II. ' +
      'Der Arbeitgeber erhält bis zu fünf Jahre einen Lohnkostenzuschuss, in den ersten beiden Jahren 100 Prozent, danach jährlich um 10 Prozentpunkte weniger; begleitend gibt es ein Coaching. ' +
      'Ziel ist soziale Teilhabe und Stabilisierung, mittelfristig aber auch der Übergang in ungeförderte Arbeit, weshalb eine Anschlussperspektive von Anfang an mitgedacht werden sollte.',
    checklists: [
      {
        title: 'Zielgruppe und Eignung prüfen',
        items: [
          'Alter ab 25 Jahren zum Beginn der Beschäftigung',
          'Dauer des Leistungsbezugs und frühere Beschäftigungszeiten nach § 16i Abs. 3 SGB II prüfen',
          'Andere Eingliederungsleistungen sind nicht erfolgversprechend',
          'Gesundheitliche Belastbarkeit und möglichen Stundenumfang klären; bei Zweifeln den ärztlichen Dienst einbeziehen',
          'Interessen, Fähigkeiten und Einschränkungen der Person mit der angebotenen Stelle abgleichen',
          'Person will die Beschäftigung; Chancen und Pflichten eines regulären Arbeitsverhältnisses erklärt',
        ],
      },
      {
        title: 'Vor Beginn klären',
        items: [
          'Zuweisung und Antrag des Arbeitgebers vor Beginn des Arbeitsverhältnisses',
          'Coaching festlegen: durch das Jobcenter oder einen beauftragten Träger, Freistellung mit dem Arbeitgeber besprechen',
          'Einwilligung der Person einholen, welche Informationen an Arbeitgeber und Coach gehen dürfen',
          'Vereinbaren, dass ein Ausstieg aus gesundheitlichen Gründen möglich ist und die Teilnahmefähigkeit im Verlauf überprüft wird',
          'Kinderbetreuung, Arbeitszeiten und Arbeitsweg sicherstellen',
          'Möglichkeiten der Weiterbildung oder eines Praktikums während der Förderung besprechen',
          'Auswirkungen des Einkommens auf die Leistungen der Bedarfsgemeinschaft erklären',
        ],
      },
      {
        title: 'Während der Förderung',
        items: [
          'Regelmäßige Rückmeldung aus dem Coaching zu Stabilität, Gesundheit und Konflikten',
          'Bei Krisen frühzeitig gemeinsames Gespräch mit Person, Coach und Arbeitgeber',
          'Neu erkannte Bedarfe an die passende Beratung weiterleiten, etwa Schulden- oder Suchtberatung',
          'Übergang in ungeförderte Beschäftigung jährlich prüfen',
          'Anschlussperspektive vor Förderende konkret vereinbaren',
        ],
      },
    ],
    sources:
      'Deutscher Verein 2017, Abschnitt 8 (öffentlich geförderte Beschäftigung, Teilnahmefähigkeit und Ausstieg aus gesundheitlichen Gründen, Anschlussperspektive); ' +
      'Fördervoraussetzungen, Zuschuss und Coaching nach § 16i SGB II: Allgemeine Fachpraxis (nicht aus den Quellen)',
  },

  sgb2_16k_health_coaching: {
    serviceType: 'sgb2_16k_health_coaching',
    title: 'Ganzheitliche Betreuung (§ 16k SGB II)',
    summary:
      'Die ganzheitliche Betreuung nach § 16k SGB II (seit 01.07.2023) ist ein Einzelcoaching zum Aufbau und zur Stabilisierung der Beschäftigungsfähigkeit bei vielfältigen Problemlagen, etwa gesundheitlichen oder psychischen Belastungen, Überforderung im Alltag, familiären Konflikten oder nachhaltiger Entmutigung. ' +
      'Sie kann beratend und aufsuchend erfolgen, das häusliche Umfeld und die Bedarfsgemeinschaft einbeziehen und wird vom Jobcenter selbst oder von beauftragten Dritten erbracht, auch über einen Gutschein. ' +
      'Für junge Menschen ist sie auch zur Heranführung an eine Ausbildung und ausbildungsbegleitend möglich. ' +
      'Das Coaching ersetzt keine Fachberatung nach § 16a SGB II und keine Behandlung, sondern verknüpft diese Hilfen; die Fallverantwortung bleibt beim Jobcenter.',
    checklists: [
      {
        title: 'Hinweise auf Bedarf an ganzheitlicher Betreuung',
        items: [
          'Mehrere Problemlagen wirken zusammen und blockieren einzelne Eingliederungsschritte',
          'Gesundheitliche oder psychische Beeinträchtigungen ohne ausreichende Unterstützung im Alltag',
          'Überforderung bei Alltag, Post und Behördenkontakten',
          'Konflikte in der Familie oder belastende familiäre Pflichten, etwa Pflege von Angehörigen',
          'Fehlende soziale Einbindung oder schwieriges Wohnumfeld',
          'Nachhaltige Entmutigung nach schlechten Erfahrungen im Arbeitsleben',
          'Wiederholt abgebrochene Maßnahmen oder schwer erreichbare Person',
          'Junge Menschen, die Unterstützung beim Weg in oder durch eine Ausbildung brauchen',
        ],
      },
      {
        title: 'Vor der Zuweisung klären',
        items: [
          'Ziel des Coachings und erste Themen gemeinsam mit der Person festlegen',
          'Abgrenzen, welche Fachberatung zusätzlich nötig ist, etwa Sucht-, Schulden- oder psychosoziale Beratung',
          'Zuweisung an einen beauftragten Träger oder Ausgabe eines Gutscheins; bei einem Gutschein müssen Träger und Maßnahme zugelassen sein (AZAV)',
          'Einwilligung einholen, bevor Daten an den Coach gehen, und Umfang mit der Person festlegen',
          'Aufsuchende Termine und Einbeziehung der Bedarfsgemeinschaft nur mit Zustimmung der Person',
          'Erklären, dass Ablehnung oder Abbruch nach § 16k Abs. 4 SGB II in der Fassung seit 01.07.2023 nicht zu einer Leistungsminderung führt',
          'Vereinbarte Schritte im Kooperationsplan festhalten',
        ],
      },
      {
        title: 'Was die Rückmeldung des Coaches enthalten soll',
        items: [
          'Zustandekommen und Regelmäßigkeit der Termine',
          'Bearbeitete Themen und erreichte Teilziele',
          'Weitervermittlung an andere Hilfen und deren Stand',
          'Einschätzung der Beschäftigungsfähigkeit und Belastbarkeit',
          'Empfehlung für die nächsten Eingliederungsschritte',
          'Abbruch oder Abschluss mit Datum',
        ],
      },
    ],
    sources:
      'Deutscher Verein 2017, Abschnitt 6 (Koordination der Hilfen durch das Fallmanagement, aufsuchende Arbeit beauftragter Dritter); G.I.B. 2016, Abschnitt 3.3 d (Fallsteuerung beim Jobcenter); ' +
      'Inhalte, Zielgruppe und Durchführung nach § 16k SGB II: Allgemeine Fachpraxis (nicht aus den Quellen)',
  },

  sgb3_45_activation: {
    serviceType: 'sgb3_45_activation',
    title: 'Maßnahmen zur Aktivierung und beruflichen Eingliederung (§ 16 Abs. 1 SGB II i. V. m. § 45 SGB III)',
    summary:
      'Maßnahmen zur Aktivierung und beruflichen Eingliederung nach § 45 SGB III stehen über § 16 Abs. 1 SGB II auch Leistungsberechtigten im SGB II offen. ' +
      'Sie dienen der Heranführung an den Ausbildungs- und Arbeitsmarkt, der Feststellung, Verringerung oder Beseitigung von Vermittlungshemmnissen, der Vermittlung in versicherungspflichtige Beschäftigung, der Heranführung an eine selbständige Tätigkeit und der Stabilisierung einer Beschäftigungsaufnahme. ' +
      'Der Zugang erfolgt über eine Zuweisung in eine eingekaufte Maßnahme oder über einen Aktivierungs- und Vermittlungsgutschein (AVGS), mit dem die Person unter zugelassenen Trägern wählt. ' +
      'Maßnahmen sind oft ein guter Anlass, weitere Bedarfe zu erkennen; die Rückmeldung des Trägers gehört deshalb in die weitere Hilfeplanung.',
    checklists: [
      {
        title: 'Passende Maßnahme auswählen',
        items: [
          'Ziel der Maßnahme konkret benennen, etwa Kompetenzfeststellung, Bewerbungstraining, betriebliche Erprobung oder Stabilisierung nach Arbeitsaufnahme',
          'Einzel- oder Gruppenangebot: Was passt zur Person?',
          'Zuweisung in eine eingekaufte Maßnahme oder AVGS mit freier Trägerwahl',
          'Bei einem AVGS müssen Träger und Maßnahme zugelassen sein (AZAV)',
          'Dauer, Zeiten und Ort mit Kinderbetreuung, Pflege und Erreichbarkeit abgleichen',
          'Sprachniveau und gesundheitliche Belastbarkeit berücksichtigen',
          'Betriebliche Phasen bei einem Arbeitgeber sind zeitlich eng begrenzt (§ 45 Abs. 2 SGB III)',
        ],
      },
      {
        title: 'Vor Beginn klären',
        items: [
          'Inhalt, Beginn, Dauer und Anwesenheitspflicht der Person erklären',
          'Übernahme von Fahrkosten und Kinderbetreuungskosten prüfen',
          'Einwilligung einholen, bevor Angaben zu Gesundheit oder persönlichen Problemen an den Träger gehen',
          'Vereinbaren, welche Rückmeldungen der Träger wann liefert',
          'Maßnahme und Ziel im Kooperationsplan bzw. in der Eingliederungsvereinbarung festhalten',
        ],
      },
      {
        title: 'Was die Rückmeldung des Trägers enthalten soll',
        items: [
          'Anwesenheit und Fehlzeiten',
          'Ergebnisse von Kompetenzfeststellung oder Erprobung',
          'Erkannte Hemmnisse und Hinweise auf Bedarf an kommunalen Eingliederungsleistungen, soweit von der Einwilligung gedeckt',
          'Bewerbungsaktivitäten, Praktika und Vermittlungsvorschläge',
          'Abbruch mit Datum und Grund',
          'Abschlussbericht mit Empfehlung für die nächsten Schritte',
        ],
      },
    ],
    sources:
      'Deutscher Verein 2017, Abschnitte 2 und 6 (Maßnahmen nach § 45 SGB III im Fallmanagement, beauftragte Dritte); G.I.B. 2016, Abschnitte 2.2 und 3.3 c (Bedarfe aus der Teilnahme an Maßnahmen erkennen); ' +
      'Deutscher Landkreistag 2008, Abschnitt 5 (Schweigepflichtentbindung); Ausgestaltung nach § 45 SGB III: Allgemeine Fachpraxis (nicht aus den Quellen)',
  },

  housing_support: {
    serviceType: 'housing_support',
    title: 'Wohnungsnotfallhilfe und Wohnraumsicherung',
    summary:
      'Für Wohnungsnotfälle gibt es im SGB II kein eigenes Eingliederungsinstrument; die Hilfe setzt sich aus den Leistungen für Unterkunft und Heizung, der möglichen Übernahme von Mietschulden (§ 22 Abs. 8 SGB II), kommunalen Fachstellen und der Hilfe zur Überwindung besonderer sozialer Schwierigkeiten (§§ 67 bis 69 SGB XII) zusammen. ' +
      'Drohender Wohnungsverlust ist ein Notfall mit Fristen und hat Vorrang vor anderen Eingliederungsschritten, denn ohne gesicherte Wohnung und Postanschrift gelingen Vermittlung und Maßnahmen kaum. ' +
      'Wohnungslosigkeit ist zugleich ein Hinweis auf weitere psychosoziale Problemlagen wie Schulden oder Sucht. ' +
      'Freie Träger der Wohnungslosenhilfe bringen besondere Expertise und aufsuchende Arbeit mit und können in die Fallarbeit einbezogen werden.',
    checklists: [
      {
        title: 'Hinweise auf einen Wohnungsnotfall',
        items: [
          'Mietrückstände, Kündigung, Räumungsklage oder Räumungstermin',
          'Mitteilung des Amtsgerichts über eine Räumungsklage (§ 22 Abs. 9 SGB II)',
          'Angedrohte oder bestehende Strom- oder Gassperre',
          'Keine eigene Wohnung: Unterkunft bei Bekannten, in einer Notunterkunft oder auf der Straße',
          'Keine feste Postanschrift oder häufig wechselnde Adressen',
          'Haftentlassung ohne gesicherte Wohnung',
          'Trennung oder häusliche Gewalt, Aufenthalt im Frauenhaus',
          'Unzumutbare Wohnverhältnisse, etwa Überbelegung, Schimmel oder Vermüllung',
        ],
      },
      {
        title: 'Bei drohendem Wohnungsverlust sofort handeln',
        items: [
          'Fristen erfassen: Zustellung der Räumungsklage, Gerichtstermin, Räumungstermin',
          'Schonfrist beachten: Eine fristlose Kündigung wegen Zahlungsverzugs wird unwirksam, wenn die Rückstände spätestens zwei Monate nach Zustellung der Räumungsklage beglichen sind oder eine öffentliche Stelle sich dazu verpflichtet (§ 569 Abs. 3 Nr. 2 BGB)',
          'Die Schonfrist wirkt nur eingeschränkt, etwa nicht erneut innerhalb von zwei Jahren; rechtliche Beratung einbeziehen',
          'Übernahme der Mietschulden nach § 22 Abs. 8 SGB II prüfen (in der Regel als Darlehen)',
          'Direktzahlung der Miete an den Vermieter erwägen, um neue Rückstände zu vermeiden (§ 22 Abs. 7 SGB II)',
          'Kommunale Fachstelle für Wohnungsnotfälle oder Sozialamt einschalten',
          'Mit Einwilligung der Person Kontakt zum Vermieter aufnehmen',
          'Schuldnerberatung parallel einleiten',
        ],
      },
      {
        title: 'Vor der Vermittlung an die Wohnungsnotfallhilfe klären',
        items: [
          'Unterkunft für die nächste Nacht sichern; bei Obdachlosigkeit ist die Ordnungsbehörde der Gemeinde zuständig',
          'Postalische Erreichbarkeit sicherstellen, etwa über eine Beratungsstelle',
          'Schweigepflichtentbindung für Jobcenter und Träger der Wohnungslosenhilfe einholen, bevor Daten ausgetauscht werden',
          'Hilfe nach §§ 67 bis 69 SGB XII beim zuständigen Träger anregen',
          'Ausweis und Konto klären; jeder Verbraucher hat Anspruch auf ein Basiskonto',
          'Bei Wohnungssuche vor Vertragsschluss die Zusicherung nach § 22 Abs. 4 SGB II einholen und die Angemessenheitsgrenzen nennen',
          'Wohnberechtigungsschein und Vormerkung bei Wohnungsgesellschaften anregen',
        ],
      },
    ],
    sources:
      'Deutscher Landkreistag 2008, Abschnitt 2 (Wohnungslosigkeit und Verschuldung als Indikatoren psychosozialer Problemlagen); Deutscher Verein 2017, Abschnitt 6 (Wohnungslosenhilfe durch beauftragte Dritte, aufsuchende Arbeit); ' +
      'Fristen und Leistungen nach SGB II, SGB XII, BGB und Ordnungsrecht: Allgemeine Fachpraxis (nicht aus den Quellen)',
  },

  language_course: {
    serviceType: 'language_course',
    title: 'Sprachförderung (Integrationskurs und Berufssprachkurs)',
    summary:
      'Sprachförderung ist keine Eingliederungsleistung des SGB II im engeren Sinn, aber oft die wichtigste Voraussetzung für Arbeit: Integrationskurse des Bundesamts für Migration und Flüchtlinge (BAMF) vermitteln Deutsch bis zum Niveau B1 und Orientierungswissen, Berufssprachkurse bauen darauf berufsbezogen auf. ' +
      'Das Jobcenter kann Leistungsberechtigte zur Teilnahme an einem Integrationskurs verpflichten (§ 44a AufenthG) und ihnen den Zugang zu Berufssprachkursen eröffnen. ' +
      'Es gibt besondere Kursformen, etwa Alphabetisierungs-, Jugend-, Eltern- und Frauenintegrationskurse, sowie berufsbegleitende Angebote. ' +
      'Kursteilnahme, Arbeit und Kinderbetreuung sollten zusammen geplant werden, damit der Kurs nicht abgebrochen wird.',
    checklists: [
      {
        title: 'Hinweise auf Sprachförderbedarf',
        items: [
          'Gespräche gelingen nur mit Dolmetscher oder Begleitperson',
          'Schreiben des Jobcenters werden nicht verstanden oder nicht beantwortet',
          'Kein Sprachzertifikat oder unbekanntes Sprachniveau',
          'Nicht oder kaum alphabetisiert in lateinischer Schrift',
          'Ausländischer Berufsabschluss, dessen Anerkennung ein bestimmtes Sprachniveau voraussetzt',
          'Integrationskurs abgebrochen oder Prüfung nicht bestanden',
          'Bewerbungen oder Arbeitsverhältnisse scheitern an der Verständigung',
        ],
      },
      {
        title: 'Vor der Anmeldung klären',
        items: [
          'Aufenthaltsstatus und Berechtigung oder Verpflichtung zum Kurs klären',
          'Sprachstand über einen Einstufungstest beim Kursträger feststellen lassen',
          'Passende Kursart wählen: allgemeiner Integrationskurs, Alphabetisierungs-, Jugend-, Eltern- oder Frauenkurs, Berufssprachkurs',
          'Kinderbetreuung während der Kurszeiten sicherstellen',
          'Kostenbefreiung beim BAMF beantragen lassen und Fahrtkosten klären',
          'Kurs mit Arbeit oder Minijob abstimmen; bei Bedarf Teilzeit- oder berufsbegleitenden Kurs wählen',
          'Datenaustausch mit dem Kursträger: Rechtsgrundlage klären und sonst Einwilligung einholen',
          'Kurs und Ziel im Kooperationsplan bzw. in der Eingliederungsvereinbarung festhalten',
        ],
      },
      {
        title: 'Während und nach dem Kurs',
        items: [
          'Regelmäßige Teilnahme und Prüfungstermin nachhalten',
          'Bei Fehlzeiten oder Abbruch die Gründe klären, etwa Kinderbetreuung, Gesundheit oder Arbeit',
          'Zertifikat in die Unterlagen aufnehmen und Sprachniveau im Profil erfassen',
          'Anschluss planen: Berufssprachkurs, Anerkennung des Abschlusses, Maßnahme oder Arbeit',
          'Bei Bedarf Migrationsberatung einbeziehen',
        ],
      },
    ],
    sources:
      'Deutscher Verein 2017, Abschnitte 2, 6 und 7 (mangelnde Sprachkenntnisse als Hemmnis, Migrationsberatungsstellen, Netzwerke für Geflüchtete); ' +
      'Kursarten, Verpflichtung, Kosten und Zugang: Allgemeine Fachpraxis (nicht aus den Quellen)',
  },
};
