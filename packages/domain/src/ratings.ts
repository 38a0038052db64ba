/**
 * Progress and effect measurement (SPEC C9; seed 002 §9): about eight life areas rated together
 * with the person on a 1–10 scale at baseline, at reviews and at closing ("distance travelled").
 */

export const LIFE_AREAS = [
  'work_qualification',
  'health',
  'addiction',
  'finances_debt',
  'housing',
  'family_care',
  'social_participation',
  'motivation_daily_life',
] as const;
export type LifeArea = (typeof LIFE_AREAS)[number];

export const LIFE_AREA_LABELS_DE: Record<LifeArea, string> = {
  work_qualification: 'Arbeit und Qualifikation',
  health: 'Gesundheit',
  addiction: 'Sucht',
  finances_debt: 'Finanzen und Schulden',
  housing: 'Wohnen',
  family_care: 'Familie und Betreuung',
  social_participation: 'Soziale Teilhabe',
  motivation_daily_life: 'Motivation und Alltag',
};

export const RATING_OCCASIONS = ['baseline', 'review', 'closing'] as const;
export type RatingOccasion = (typeof RATING_OCCASIONS)[number];
export const RATING_OCCASION_LABELS_DE: Record<RatingOccasion, string> = {
  baseline: 'Ersteinschätzung',
  review: 'Zwischeneinschätzung',
  closing: 'Abschlusseinschätzung',
};

/** Life areas whose ratings and comments are special-category data (GDPR Art. 9). */
export const SPECIAL_CATEGORY_LIFE_AREAS: readonly LifeArea[] = ['health', 'addiction'];

/**
 * What each step of the 1–10 scale means in each life area, in plain German so that the person can
 * rate together with the case manager. Index 0 = step 1 (acute crisis, not able at all) … index 9 =
 * step 10 (stable and independent).
 */
export const RATING_STEPS_DE: Record<LifeArea, readonly string[]> = {
  work_qualification: [
    'Arbeit ist im Moment gar nicht möglich, andere Probleme sind viel größer',
    'Lange nicht gearbeitet, kein Abschluss, denkt im Moment nicht an Arbeit',
    'Kann sich vorstellen, wieder zu arbeiten, weiß aber nicht, was und wie',
    'Hat erste Ideen für eine Arbeit oder einen Kurs, braucht noch viel Hilfe',
    'Hat ein Ziel für Arbeit oder Ausbildung und macht erste Schritte, z. B. ein Praktikum',
    'Nimmt regelmäßig an einem Kurs, einer Maßnahme oder einem Praktikum teil',
    'Schreibt Bewerbungen, hat Vorstellungsgespräche oder lernt etwas Neues für den Beruf',
    'Arbeitet in einem Minijob oder einer geförderten Stelle oder macht eine Ausbildung',
    'Hat eine feste Arbeit oder Ausbildung, braucht nur noch wenig Unterstützung',
    'Arbeitet sicher und selbstständig, Arbeit oder Ausbildung läuft stabil',
  ],
  health: [
    'Akute schwere Krankheit oder Krise, braucht sofort ärztliche Hilfe, ist nicht in Behandlung',
    'Schwer krank, geht aber nicht zum Arzt oder bricht die Behandlung ab',
    'Die Gesundheit belastet den Alltag stark, Arzttermine finden nur selten statt',
    'Kennt die Probleme und hat eine Ärztin, einen Arzt oder eine Beratung gefunden',
    'Ist in Behandlung und geht meistens zu den Terminen, hat noch viele schlechte Tage',
    'Die Behandlung läuft regelmäßig, die Beschwerden werden langsam weniger',
    'Die Gesundheit ist meist stabil, kann einige Stunden am Tag etwas tun',
    'Kennt die eigenen Grenzen gut, kann mit kleinen Einschränkungen arbeiten',
    'Gesund oder gut behandelt, kümmert sich selbst um Arzttermine und Medikamente',
    'Die Gesundheit ist stabil, achtet selbst gut auf sich, kann voll arbeiten',
  ],
  addiction: [
    'Akute Sucht (z. B. Alkohol, Drogen, Glücksspiel), der Konsum bestimmt den ganzen Tag, keine Hilfe',
    'Konsumiert viel und hat große Probleme dadurch, sieht aber noch kein Suchtproblem',
    'Sieht, dass der Konsum ein Problem ist, hat aber noch keine Hilfe gesucht',
    'Hat Kontakt zu einer Suchtberatung aufgenommen, der Konsum ist noch hoch',
    'Geht regelmäßig zur Suchtberatung und versucht, weniger zu konsumieren',
    'Macht eine Entgiftung, Therapie oder Substitution, konsumiert deutlich weniger',
    'Lebt meistens ohne Konsum oder kontrolliert, hat manchmal Rückfälle',
    'Lebt seit einigen Monaten ohne Konsum, geht weiter zur Beratung oder Selbsthilfe',
    'Lebt seit langer Zeit ohne Konsum, weiß, was bei Rückfall-Gefahr hilft',
    'Kein Suchtproblem (mehr), lebt stabil und braucht dafür keine Hilfe',
  ],
  finances_debt: [
    'Akute Überschuldung, Strom- oder Wohnungsverlust droht, keine Übersicht über Forderungen',
    'Hohe Schulden, Mahnungen bleiben ungeöffnet, das Geld reicht nie bis zum Monatsende',
    'Die Schulden sind bekannt, aber es gibt noch keinen Plan und keine Beratung',
    'Hat einen Termin bei der Schuldnerberatung, sammelt Briefe und Unterlagen',
    'Geht zur Schuldnerberatung, Miete und Strom werden sicher bezahlt',
    'Hat eine Übersicht über alle Schulden und einen Plan für das Geld im Monat',
    'Zahlt Raten oder ist in der Privatinsolvenz, macht keine neuen Schulden',
    'Kommt meistens mit dem Geld aus, erledigt Briefe und Zahlungen mit wenig Hilfe',
    'Die Schulden sind fast geregelt, plant das Geld selbst und spart manchmal etwas',
    'Finanzen geordnet, Schulden geregelt oder getilgt, kommt mit dem Geld aus',
  ],
  housing: [
    'Hat keine Wohnung und schläft draußen, oder die Räumung ist in den nächsten Tagen',
    'Lebt in einer Notunterkunft oder für kurze Zeit bei Bekannten, keine Wohnung in Sicht',
    'Die Wohnung ist gekündigt oder eine Räumungsklage läuft, es gibt noch keine Lösung',
    'Mietschulden oder großer Ärger mit dem Vermieter, die Wohnung ist in Gefahr',
    'Die Wohnung ist vorerst gesichert, z. B. weil Mietschulden übernommen wurden',
    'Wohnt in einer Übergangswohnung oder im betreuten Wohnen, sucht eine eigene Wohnung',
    'Hat eine eigene Wohnung, braucht noch Hilfe bei Miete, Ordnung oder Anträgen',
    'Wohnt sicher, zahlt die Miete pünktlich, hält die Wohnung meist selbst in Ordnung',
    'Die Wohnung passt gut, keine Mietschulden, nur selten Hilfe nötig',
    'Wohnt sicher und passend, kümmert sich selbst um alles rund um die Wohnung',
  ],
  family_care: [
    'Akute Krise in der Familie (z. B. Gewalt, Trennung), Kinder oder Angehörige sind nicht versorgt',
    'Kinderbetreuung oder Pflege von Angehörigen braucht den ganzen Tag, es gibt keine Hilfe',
    'Die Familie oder die Pflege belastet stark, kennt keine Hilfen',
    'Kennt Hilfen wie Kita oder Pflegedienst und hat sie beantragt, es gibt noch keinen Platz',
    'Betreuung oder Pflege ist für einige Stunden am Tag geregelt, aber nicht sicher',
    'Kita, Schulbetreuung oder Pflegedienst sind da, fallen aber an manchen Tagen aus',
    'Die Betreuung ist meistens sicher geregelt, es gibt einen Plan für Notfälle',
    'Familie und Betreuung sind gut geregelt, kann mehrere Stunden am Tag arbeiten oder lernen',
    'Das Familienleben ist stabil, Betreuung und Pflege klappen auch mit einer Arbeit',
    'Familie stabil, Betreuung und Pflege sicher geregelt, sie sind kein Hindernis für Arbeit',
  ],
  social_participation: [
    'Ist ganz allein, hat keine Kontakte und geht kaum aus der Wohnung',
    'Hat fast keine Kontakte, fühlt sich ausgeschlossen und zieht sich zurück',
    'Hat wenige Kontakte, die oft nicht guttun, bekommt kaum Hilfe von anderen',
    'Hat einzelne Menschen, die helfen, geht aber selten unter Leute',
    'Geht ab und zu unter Leute, z. B. in einen Treff, eine Gruppe oder einen Verein',
    'Hat regelmäßig Kontakt zu Familie, Freunden oder Nachbarn',
    'Macht regelmäßig bei etwas mit, z. B. Sport, Verein, Ehrenamt oder Kurs',
    'Hat mehrere Menschen, die im Alltag helfen, und fühlt sich dazugehörig',
    'Ist gut eingebunden und hilft auch selbst anderen Menschen',
    'Nimmt aktiv am Leben teil, hat feste Kontakte und findet Angebote in der Nähe selbst',
  ],
  motivation_daily_life: [
    'Schafft den Alltag nicht, steht kaum auf, hält keine Termine ein, hat keine Hoffnung',
    'Hat kaum Antrieb, Post und Termine bleiben liegen, möchte im Moment nichts ändern',
    'Möchte etwas ändern, weiß aber nicht wie, vergisst oft Termine',
    'Hält einzelne Termine ein, braucht dafür viel Erinnerung und Begleitung',
    'Hat einen groben Tagesablauf und hält die meisten Termine ein',
    'Hat eigene Ziele und arbeitet mit Unterstützung daran',
    'Hat einen festen Tagesablauf, erledigt Post und Anträge meistens selbst',
    'Geht Aufgaben selbst an, hält Termine sicher ein, holt sich Hilfe, wenn nötig',
    'Plant den Alltag selbst und bleibt auch bei Rückschlägen dran',
    'Der Alltag läuft selbstständig und geordnet, verfolgt eigene Ziele mit Freude',
  ],
};

/**
 * "Distance travelled" per life area, in LIFE_AREAS order: the score of the first rating, of the
 * latest rating and the change between them (null where either side has no score for the area).
 * If an area occurs more than once in one rating, its last entry counts.
 */
export function ratingChanges(
  first: Array<{ area: LifeArea; score: number }>,
  latest: Array<{ area: LifeArea; score: number }>,
): Array<{ area: LifeArea; first: number | null; latest: number | null; change: number | null }> {
  const firstByArea = new Map(first.map((entry) => [entry.area, entry.score]));
  const latestByArea = new Map(latest.map((entry) => [entry.area, entry.score]));
  return LIFE_AREAS.map((area) => {
    const a = firstByArea.get(area) ?? null;
    const b = latestByArea.get(area) ?? null;
    return { area, first: a, latest: b, change: a === null || b === null ? null : b - a };
  });
}
