/** UI texts of the reports: the hub, quality indicators and provider reports (Jobcenter and portal). */
export const reportsDe = {
  // hub
  'reports.hubTitle': 'Berichte & Statistik',
  'reports.hubIntro': 'Kennzahlen zur Steuerung der Eingliederungsleistungen, Trägerberichte und die Statistik nach § 51b SGB II.',
  'reports.hubQualityTitle': 'Qualitätsindikatoren',
  'reports.hubQualityText':
    'Struktur-, Prozess- und Ergebnisqualität je Team, Leistungsart oder Träger – jede Kennzahl mit Definition, Zähler und Nenner.',
  'reports.hubProviderTitle': 'Trägerberichte',
  'reports.hubProviderText':
    'Jahresbericht je Angebot: Ergebnisstatistik, Verwendungsnachweis, beratene Personen und Entwicklung gegenüber dem Vorjahr, als PDF und Excel.',
  'reports.hubStatisticsTitle': '§ 51b-Statistik (Modul 13)',
  'reports.hubStatisticsText': 'Monatliche Lieferung der Förderleistungen nach XSozial Modul 13 mit Prüfbericht.',

  // common
  'reports.year': 'Jahr',
  'reports.backToHub': 'Zurück zu Berichte & Statistik',
  'reports.suppressed': 'unterdrückt',

  // quality
  'reports.qualityTitle': 'Qualitätsindikatoren',
  'reports.qualityIntro':
    'Kennzahlen der Struktur-, Prozess- und Ergebnisqualität (Hinweise Nr. 8). Neben jeder Kennzahl steht ihre Definition; Zähler und Nenner machen sie nachprüfbar. Es werden keine Personendaten angezeigt.',
  'reports.qualityFilterHeading': 'Auswahl',
  'reports.groupBy': 'Aufschlüsseln nach',
  'reports.qualityLoaded': 'Qualitätsindikatoren {year} nach {by} geladen.',
  'reports.referenceDate': 'Stichtag: {date}. Fristen und Bestände werden bis zu diesem Tag gezählt.',
  'reports.targets': 'Zielwerte des Jobcenters: {caseload} Fälle je Fallmanager/in, Wartezeit höchstens {waiting} Tage.',
  'reports.suppressionApplied':
    'Für Ihre Rolle werden Quoten, denen weniger als {minimum} Fälle zugrunde liegen, nicht angezeigt („unterdrückt“), ebenso weitere, soweit sich eine unterdrückte Zahl sonst aus der Summe errechnen ließe.',
  'reports.suppressionNotApplied': 'Alle Werte werden ungekürzt angezeigt (keine Unterdrückung für Teamleitungen).',
  'reports.definition': 'Definition',
  'reports.colGroup': '{by}',
  'reports.colValue': 'Wert',
  'reports.colNumerator': 'Zähler',
  'reports.colDenominator': 'Nenner',
  'reports.colAssessment': 'Bewertung',
  'reports.total': 'Insgesamt',
  'reports.tableCaption': '{name} nach {by}',
  'reports.totalCaption': '{name} insgesamt',
  'reports.partsSummary': 'Aufschlüsselung: {name}',
  'reports.partsCaption': 'Aufschlüsselung {name}',
  'reports.colPart': 'Teil',
  'reports.basis': 'Grundlage: {basis}',
  'reports.light.green': 'im Zielwert',
  'reports.light.yellow': 'bis 10 % über dem Zielwert',
  'reports.light.red': 'mehr als 10 % über dem Zielwert',
  'reports.ratioOfTarget': '{percent} % des Zielwerts',

  // provider report
  'reports.providerTitle': 'Trägerberichte',
  'reports.providerIntro':
    'Jahresbericht je Angebot nach den Hinweisen Nr. 9: Ergebnisstatistik, Verwendungsnachweis, sozio-demografische Angaben der beratenen Personen und Entwicklung gegenüber dem Vorjahr. Personenzahlen unter dem Mindestwert werden als „< N“ ausgewiesen.',
  'reports.chooseHeading': 'Bericht wählen',
  'reports.offer': 'Angebot',
  'reports.chooseOffer': '– Angebot wählen –',
  'reports.noOffers': 'Es gibt noch keine Angebote, für die ein Bericht erstellt werden kann.',
  'reports.chooseHint': 'Wählen Sie ein Angebot und ein Jahr, um den Bericht anzuzeigen.',
  'reports.yearsHint': 'Jahre mit Daten: {years}',
  'reports.noYears': 'Für dieses Angebot liegen noch keine Daten vor.',
  'reports.reportLoaded': 'Trägerbericht {year} für {offer} geladen.',
  'reports.reportHeading': 'Trägerbericht {year}: {offer}',
  'reports.downloads': 'Herunterladen',
  'reports.downloadPdf': 'Bericht als PDF',
  'reports.downloadXlsx': 'Bericht als Excel-Datei (XLSX)',
  'reports.metaJobcenter': 'Jobcenter',
  'reports.metaProvider': 'Träger',
  'reports.metaOffer': 'Angebot',
  'reports.metaServiceType': 'Leistungsart',
  'reports.metaFinancing': 'Finanzierung',
  'reports.metaYear': 'Berichtsjahr',
  'reports.metaYearValue': '{year} (Vergleich: {prior})',
  'reports.metaReferenceDate': 'Stichtag',
  'reports.sectionResults': '1. Ergebnisstatistik',
  'reports.sectionFunds': '2. Verwendungsnachweis',
  'reports.sectionPeople': '3. Beratene Personen (sozio-demografische Angaben)',
  'reports.sectionTrends': '4. Entwicklungstendenzen',
  'reports.sectionDefinitions': '5. Erläuterungen',
  'reports.colFigure': 'Kennzahl',
  'reports.colChange': 'Veränderung',
  'reports.colChangePercent': 'in %',
  'reports.colCharacteristic': 'Merkmal',
  'reports.peopleTotal': 'beratene Personen insgesamt',
  'reports.peopleTotalCaption': 'Beratene Personen insgesamt',

  // portal
  'reports.portalTitle': 'Berichte zu Ihren Angeboten',
  'reports.portalIntro':
    'Der Jahresbericht des Jobcenters zu jedem Ihrer Angebote: Ergebnisstatistik, Verwendungsnachweis, beratene Personen (nur zusammengefasst) und Entwicklung gegenüber dem Vorjahr.',
  'reports.portalBack': 'Zurück zu den Zuweisungen',
} as const;
