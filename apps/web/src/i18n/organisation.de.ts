/** UI texts of the planning inputs: regions (Sozialräume), teams, a user's team, planning parameters, unmet needs. */
export const organisationDe = {
  // administration navigation
  'organisation.navRegions': 'Sozialräume',
  'organisation.navTeams': 'Teams',

  // regions
  'organisation.regionsTitle': 'Sozialräume',
  'organisation.regionsIntro':
    'Ein Sozialraum fasst Postleitzahlen zusammen. Die Bedarfsplanung ordnet jede Person über die Postleitzahl ihrer Anschrift einem Sozialraum zu; jede Postleitzahl gehört zu höchstens einem Sozialraum.',
  'organisation.regionsCaption': 'Sozialräume dieses Jobcenters ({count})',
  'organisation.regionColName': 'Sozialraum',
  'organisation.regionColCodes': 'Postleitzahlen',
  'organisation.regionColCount': 'Anzahl Postleitzahlen',
  'organisation.regionsEmpty': 'Es gibt noch keine Sozialräume.',
  'organisation.regionsEmptyHint': 'Legen Sie Sozialräume an, damit die Bedarfsplanung nach Sozialraum auswerten kann.',
  'organisation.regionCreate': 'Sozialraum anlegen',
  'organisation.regionCreateTitle': 'Sozialraum anlegen',
  'organisation.regionCreateIntro': 'Name und Postleitzahlen des Sozialraums.',
  'organisation.regionCreated': 'Der Sozialraum „{name}“ wurde angelegt.',
  'organisation.regionEditTitle': 'Sozialraum bearbeiten',
  'organisation.regionEditHeading': 'Sozialraum {name} bearbeiten',
  'organisation.regionSaved': 'Der Sozialraum „{name}“ wurde gespeichert.',
  'organisation.regionName': 'Name des Sozialraums',
  'organisation.regionNameHint': 'z. B. „Nordstadt“; eindeutig in diesem Jobcenter',
  'organisation.regionPostalCodes': 'Postleitzahlen',
  'organisation.regionPostalCodesHint':
    'Fünfstellige Postleitzahlen, getrennt durch Komma, Leerzeichen oder Zeilenumbruch (z. B. 12345, 12347). Doppelte werden einmal übernommen.',
  'organisation.regionPostalCodesInvalid': 'Keine fünfstellige Postleitzahl: {codes}',
  'organisation.regionPostalCodesRequired': 'Bitte mindestens eine Postleitzahl eingeben.',
  'organisation.regionPostalCodesTooMany': 'Ein Sozialraum kann höchstens {max} Postleitzahlen umfassen.',
  'organisation.toRegions': 'Zur Liste der Sozialräume',
  'organisation.conflictRegion': 'Jemand anderes hat diesen Sozialraum inzwischen geändert.',
  'organisation.regionsCaptionAll': 'Sozialräume dieses Jobcenters, auch deaktivierte ({count})',
  'organisation.regionsAllInactive': 'Alle Sozialräume sind deaktiviert. Zeigen Sie sie mit „Auch deaktivierte anzeigen“ an.',
  'organisation.regionActiveText': 'Der Sozialraum ist aktiv.',
  'organisation.regionActiveHint':
    'Deaktivieren Sie einen Sozialraum, den es nicht mehr gibt. Er bleibt in den Planungszahlen erhalten, auch in denen früherer Jahre, und behält seine Postleitzahlen. Andere Sozialräume können sie danach übernehmen; eine übernommene Postleitzahl zählt dann dort, auch in den Zahlen früherer Jahre (die Zuordnung gilt immer nach dem aktuellen Stand).',
  'organisation.regionInactiveText': 'Der Sozialraum ist deaktiviert.',
  'organisation.regionInactiveHint':
    'Er erscheint in der Bedarfsplanung als „deaktiviert“. Seine Postleitzahlen können andere Sozialräume übernehmen. Reaktiviert gilt er wieder mit den Postleitzahlen, die er noch hat.',
  'organisation.regionInactiveNoCodes':
    'Alle seine Postleitzahlen gehören inzwischen zu anderen Sozialräumen. Tragen Sie oben zuerst mindestens eine Postleitzahl ein und speichern Sie; danach lässt er sich reaktivieren.',
  'organisation.regionDeactivated': 'Der Sozialraum „{name}“ wurde deaktiviert.',
  'organisation.regionReactivated': 'Der Sozialraum „{name}“ wurde reaktiviert.',

  // teams
  'organisation.teamsTitle': 'Teams',
  'organisation.teamsIntro':
    'Teams fassen Fachkräfte zusammen. Bedarfsplanung und Qualitätskennzahlen werten nach dem Team der zuständigen Fachkraft aus. Wer zu welchem Team gehört, legen Sie in der Benutzerverwaltung fest.',
  'organisation.teamsCaption': 'Teams dieses Jobcenters ({count})',
  'organisation.teamColName': 'Team',
  'organisation.teamColMembers': 'Aktive Mitglieder',
  'organisation.teamsEmpty': 'Es gibt noch keine Teams.',
  'organisation.teamsEmptyHint': 'Legen Sie Teams an und ordnen Sie die Fachkräfte in der Benutzerverwaltung zu.',
  'organisation.teamCreate': 'Team anlegen',
  'organisation.teamCreateTitle': 'Team anlegen',
  'organisation.teamCreateIntro': 'Der Name des Teams; die Mitglieder ordnen Sie danach in der Benutzerverwaltung zu.',
  'organisation.teamCreated': 'Das Team „{name}“ wurde angelegt.',
  'organisation.teamEditTitle': 'Team umbenennen',
  'organisation.teamEditHeading': 'Team {name} umbenennen',
  'organisation.teamSaved': 'Das Team heißt jetzt „{name}“.',
  'organisation.teamName': 'Name des Teams',
  'organisation.teamNameHint': 'z. B. „Team Nord“; eindeutig in diesem Jobcenter',
  'organisation.teamMembers': 'Mitglieder',
  'organisation.teamMembersNone': 'Diesem Team ist noch niemand zugeordnet.',
  'organisation.teamMembersHint': 'Mitglieder ordnen Sie in der Benutzerverwaltung zu (Feld „Team“).',
  'organisation.teamMemberDisabled': '{name} (gesperrt)',
  'organisation.toTeams': 'Zur Liste der Teams',
  'organisation.conflictTeam': 'Jemand anderes hat dieses Team inzwischen umbenannt.',
  'organisation.teamsCaptionAll': 'Teams dieses Jobcenters, auch deaktivierte ({count})',
  'organisation.teamsAllInactive': 'Alle Teams sind deaktiviert. Zeigen Sie sie mit „Auch deaktivierte anzeigen“ an.',
  'organisation.teamActiveText': 'Das Team ist aktiv und kann Benutzerkonten zugeordnet werden.',
  'organisation.teamActiveHint':
    'Ein deaktiviertes Team steht in der Benutzerverwaltung nicht mehr zur Auswahl und bleibt in den Planungszahlen erhalten. Deaktivieren lässt es sich erst, wenn ihm keine aktiven Benutzerkonten mehr zugeordnet sind (derzeit: {count}); gesperrte Konten behalten das Team.',
  'organisation.teamInactiveText': 'Das Team ist deaktiviert.',
  'organisation.teamInactiveHint':
    'Es kann niemandem mehr zugeordnet werden; wer ihm noch angehört, behält es, bis Sie in der Benutzerverwaltung ein anderes Team wählen. Reaktiviert steht es wieder zur Auswahl.',
  'organisation.teamDeactivated': 'Das Team „{name}“ wurde deaktiviert.',
  'organisation.teamReactivated': 'Das Team „{name}“ wurde reaktiviert.',

  // deactivation (regions and teams)
  'organisation.showInactive': 'Auch deaktivierte anzeigen ({count})',
  'organisation.active': 'aktiv',
  'organisation.inactive': 'deaktiviert',
  'organisation.inactiveOption': '{name} (deaktiviert)',
  'organisation.statusHeading': 'Status',
  'organisation.deactivate': 'Deaktivieren',
  'organisation.reactivate': 'Reaktivieren',
  'organisation.statusConflict':
    'Der Eintrag wurde inzwischen von jemand anderem geändert. Laden Sie die aktuelle Fassung und entscheiden Sie erneut (nicht gespeicherte Eingaben im Formular gehen dabei verloren).',
  'organisation.statusReload': 'Aktuelle Fassung laden',
  'organisation.statusReloaded': 'Die aktuelle Fassung ist geladen.',

  // a user's team
  'organisation.userTeam': 'Team',
  'organisation.userTeamHint': 'Team der Fachkraft; Bedarfsplanung und Qualitätskennzahlen werten danach aus.',
  'organisation.userTeamNone': 'Kein Team',
  'organisation.userTeamLoading': 'Teams werden geladen …',
  'organisation.userTeamLoadFailed': 'Die Teams konnten nicht geladen werden: {reason}',
  'organisation.userTeamCurrent': 'Bisheriges Team',
  'organisation.userTeamInactiveHint':
    'Das bisherige Team ist deaktiviert: Die Fachkraft behält es, bis Sie ein anderes wählen; zurück in ein deaktiviertes Team kann niemand.',
  'organisation.userColTeam': 'Team',

  // planning parameters in the case rules
  'organisation.rulesPlanning': 'Planung und Steuerung',
  'organisation.rulesPlanningText':
    'Diese Werte verwenden die Bedarfsplanung, die Qualitätskennzahlen und das Verfahren der Leistungsminderung.',
  'organisation.rulesSuppression': 'Mindestzahl für die Anzeige in der Planung',
  'organisation.rulesSuppressionHint':
    'Zahlen von 1 bis unter diesem Wert werden der Sozialplanung und der Koordination nicht angezeigt, damit keine Person erkennbar wird. Erlaubt: 2 bis 50; Voreinstellung: 5.',
  'organisation.rulesCaseload': 'Betreuungsschlüssel (Fälle je Fachkraft)',
  'organisation.rulesCaseloadHint':
    'Zielwert: höchstens so viele Fälle soll eine Fachkraft im Fallmanagement betreuen. Erlaubt: 10 bis 500; Voreinstellung: 75.',
  'organisation.rulesHearing': 'Frist für die Anhörung vor einer Leistungsminderung in Tagen',
  'organisation.rulesHearingHint': 'Ganze Zahl von 7 bis 60; Voreinstellung 14. Die Frist beginnt mit dem Datum des Anhörungsschreibens.',
  'organisation.rulesWaiting': 'Wartezeit-Ziel in Tagen',
  'organisation.rulesWaitingHint':
    'Spätestens so viele Tage nach dem Versand einer Zuweisung soll die Leistung beginnen. Erlaubt: 1 bis 365; Voreinstellung: 21.',
  'organisation.rulesRange': 'Bitte eine ganze Zahl von {min} bis {max} eingeben.',

  // unmet needs in the case file
  'organisation.unmetAction': 'Kein passendes Angebot – ungedeckten Bedarf erfassen',
  'organisation.unmetActionHint':
    'Halten Sie fest, wofür es kein passendes Angebot gibt. Die Bedarfsplanung zählt diese Bedarfe, ohne Namen.',
  'organisation.unmetChecking': 'Suche wird ausgewertet …',
  'organisation.unmetFormTitle': 'Ungedeckten Bedarf erfassen',
  'organisation.unmetServiceType': 'Leistungsart',
  'organisation.unmetReason': 'Grund',
  'organisation.unmetReasonSuggested': 'Aus Ihrer Suche vorgeschlagen: {reason}. Bitte prüfen.',
  'organisation.unmetNote': 'Notiz',
  'organisation.unmetNoteHint': 'Was genau fehlt, z. B. „nächster freier Platz erst im März“. Keine Gesundheitsangaben.',
  'organisation.unmetRecordedOn': 'Festgestellt am',
  'organisation.unmetRecordedOnHint': 'heute oder früher',
  'organisation.unmetSave': 'Bedarf erfassen',
  'organisation.unmetSaved': 'Der ungedeckte Bedarf wurde erfasst.',
  'organisation.unmetListTitle': 'Ungedeckte Bedarfe',
  'organisation.unmetListIntro':
    'Bedarfe, für die kein passendes Angebot gefunden wurde. Vermerken Sie „erledigt“, sobald der Bedarf gedeckt ist oder nicht mehr besteht.',
  'organisation.unmetEmpty': 'Für diesen Fall sind keine ungedeckten Bedarfe erfasst.',
  'organisation.unmetCaption': 'Ungedeckte Bedarfe des Falls',
  'organisation.unmetColServiceType': 'Leistungsart',
  'organisation.unmetColReason': 'Grund',
  'organisation.unmetColNote': 'Notiz',
  'organisation.unmetColRecorded': 'Erfasst',
  'organisation.unmetColStatus': 'Stand',
  'organisation.unmetColAction': 'Aktion',
  'organisation.unmetRecordedBy': '{date} von {name}',
  'organisation.unmetOpen': 'offen',
  'organisation.unmetResolvedOn': 'erledigt am {date}',
  'organisation.unmetResolve': 'Erledigt',
  'organisation.unmetResolveHidden': ': {type}, erfasst am {date}',
  'organisation.unmetResolved': 'Der Bedarf „{type}“ ist als erledigt vermerkt.',
  'organisation.unmetConflict': 'Der Bedarf wurde inzwischen geändert. Die Liste ist jetzt aktuell; bitte prüfen Sie ihn erneut.',
  'organisation.unmetJump': '({count} offen)',
} as const;
