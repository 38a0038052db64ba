/** UI texts of the § 51b statistics delivery (XSozial Modul 13): validation report, file, deliveries. */
export const statisticsDe = {
  'statistics.title': '§ 51b-Statistik: Modul 13 „Förderleistungen“',
  'statistics.intro':
    'Monatliche Lieferung der Förderleistungen nach § 51b SGB II: jede Maßnahme im Monat ihres Beginns (Zugang) und ihres Endes (Abgang), nachgereichte und geänderte Sätze bereits gelieferter Monate als Korrektur.',
  'statistics.ownMapping':
    'Die amtliche Satzbeschreibung von Modul 13 liegt Lotse nicht vor. Aufbau und Schlüssel der Datei sind eine eigene Abbildung (siehe Dokumentation „statistics.md“).',
  'statistics.month': 'Berichtsmonat',
  'statistics.monthHint': 'Geliefert werden die Maßnahmen mit Beginn oder Ende und die Leistungsminderungen mit Beginn in diesem Monat.',
  'statistics.loaded': 'Prüfbericht für {month} geladen.',

  // report
  'statistics.reportHeading': 'Prüfbericht {month}',
  'statistics.reportGenerated': 'Probelauf vom {date}; es wird nichts verbucht.',
  'statistics.lastDelivery': 'Dieser Monat wurde zuletzt am {date} verbucht. Eine neue Lieferung ersetzt sie.',
  'statistics.notDelivered': 'Dieser Monat wurde noch nicht verbucht.',
  'statistics.deliveredMonths': 'Korrekturen werden geprüft für die gelieferten Monate: {months}.',
  'statistics.noDeliveredMonths': 'Noch kein früherer Monat verbucht: keine Korrekturen.',
  'statistics.countsCaption': 'Kennzahlen der Lieferung',
  'statistics.countRecords': 'Sätze in der Datei',
  'statistics.countRegular': 'davon des Berichtsmonats',
  'statistics.countCorrections': 'davon Korrekturen früherer Monate',
  'statistics.countCorrectionsDetail': '{late} nachgereicht, {changed} geändert, {stornos} storniert',
  'statistics.countRejected': 'Nicht meldbar (abgewiesen)',
  'statistics.countWarnings': 'Sätze mit Hinweisen',
  'statistics.truncated': 'Die Listen zeigen je höchstens {limit} Einträge; die Zahlen oben sind vollständig.',

  'statistics.byTypeHeading': 'Meldbare Sätze nach Maßnahmeart',
  'statistics.byTypeCaption': 'Sätze in der Datei nach Maßnahmeart (Kennziffer 13.3)',
  'statistics.byTypeEmpty': 'Keine meldbaren Sätze.',
  'statistics.colMeasureType': 'Maßnahmeart',
  'statistics.colBegins': 'Zugänge',
  'statistics.colEnds': 'Abgänge',

  'statistics.correctionsHeading': 'Korrekturen früherer Monate',
  'statistics.correctionsCaption': 'Korrekturen ({count})',
  'statistics.correctionsEmpty': 'Keine Korrekturen.',
  'statistics.colReportMonth': 'Berichtsmonat',
  'statistics.colReferral': 'Zuweisung',
  'statistics.colKind': 'Art',
  'statistics.kind.late': 'nachgereicht (nach der Lieferung erfasst)',
  'statistics.kind.changed': 'geändert',
  'statistics.kind.storno': 'storniert (kein Ereignis mehr in diesem Monat)',
  'statistics.arrangement': 'Betreuung {ref}',

  'statistics.modul8.heading': 'Leistungsminderungen (Modul 8)',
  'statistics.modul8.intro':
    'Entschiedene Leistungsminderungen stehen in derselben Datei, einmal im Monat ihres Beginns: Grund, Beginn, Ende, monatlicher Betrag. Die Zahlen oben enthalten sie.',
  'statistics.modul8.empty': 'Keine Leistungsminderungen zu melden.',
  'statistics.modul8.countsCaption': 'Kennzahlen der Leistungsminderungen',
  'statistics.modul8.byReasonCaption': 'Leistungsminderungen in der Datei nach Grund',
  'statistics.modul8.colReason': 'Grund',
  'statistics.modul8.colFullStops': 'davon vollständiger Wegfall',
  'statistics.modul8.colAmount': 'Minderungsbeträge monatlich (Summe)',
  'statistics.modul8.colSanction': 'Leistungsminderung',
  'statistics.modul8.rejectedCaption': 'Nicht meldbare Leistungsminderungen ({count})',
  'statistics.modul8.correctionsCaption': 'Korrekturen von Leistungsminderungen ({count})',
  'statistics.modul8.storno': 'storniert (zurückgenommen, anders entschieden oder Beginn verschoben)',

  'statistics.rejectedHeading': 'Nicht meldbare Sätze',
  'statistics.rejectedIntro':
    'Diese Sätze stehen nicht in der Datei. Nach der Korrektur der Daten werden sie mit der nächsten Lieferung nachgereicht.',
  'statistics.rejectedCaption': 'Nicht meldbare Sätze ({count})',
  'statistics.rejectedEmpty': 'Alle Sätze sind meldbar.',
  'statistics.colServiceType': 'Leistungsart',
  'statistics.colReasons': 'Gründe',
  'statistics.earlierMonth': '(früherer Monat)',

  'statistics.warningsHeading': 'Hinweise',
  'statistics.warningsCaption': 'Sätze mit Hinweisen ({count})',
  'statistics.warningsEmpty': 'Keine Hinweise.',
  'statistics.colWarnings': 'Hinweise',

  // delivery
  'statistics.deliveryHeading': 'Lieferung',
  'statistics.deliveryIntro':
    'Laden Sie zuerst die Datei herunter und prüfen Sie sie. „Lieferung verbuchen“ vermerkt genau diese Datei als geliefert; spätere Änderungen an Sätzen dieses Monats werden dann als Korrektur nachgeliefert.',
  'statistics.download': 'XML herunterladen',
  'statistics.downloading': 'Datei wird erstellt …',
  'statistics.downloaded': 'Datei {file} heruntergeladen (Prüfsumme {sha}).',
  'statistics.downloadedNoHash': 'Datei {file} heruntergeladen.',
  'statistics.record': 'Lieferung verbuchen',
  'statistics.recordNeedsDownload': 'Zum Verbuchen bitte zuerst die Datei dieses Monats herunterladen.',
  'statistics.confirmHeading': 'Lieferung für {month} verbuchen?',
  'statistics.confirmText':
    'Vermerkt wird die heruntergeladene Datei (Sätze: {records}, davon Korrekturen: {corrections}). Nicht meldbare Sätze ({rejected}) sind nicht enthalten.',
  'statistics.confirmReplace': 'Der Monat wurde bereits verbucht; die neue Lieferung ersetzt die frühere.',
  'statistics.confirmYes': 'Ja, verbuchen',
  'statistics.recording': 'Wird verbucht …',
  'statistics.recorded': 'Lieferung für {month} verbucht – Sätze: {records}, davon Korrekturen: {corrections}, Prüfsumme {sha}.',
  'statistics.changedSinceDownload': 'Bitte laden Sie die Datei erneut herunter; die alte Datei darf nicht mehr geliefert werden.',

  // deliveries
  'statistics.deliveriesHeading': 'Bisherige Lieferungen',
  'statistics.deliveriesCaption': 'Verbuchte Lieferungen, neueste zuerst ({count})',
  'statistics.deliveriesEmpty': 'Noch keine Lieferung verbucht.',
  'statistics.colRecordedAt': 'Verbucht am',
  'statistics.colRecordedBy': 'Von',
  'statistics.colRecords': 'Sätze',
  'statistics.colCorrections': 'Korrekturen',
  'statistics.colRejected': 'Abgewiesen',
  'statistics.colSha': 'Prüfsumme (SHA-256)',
} as const;
