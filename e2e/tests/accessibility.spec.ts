import { expect, findPerson, login, test } from '../fixtures';

/**
 * axe (WCAG 2.0/2.1 A and AA) on every screen and its important states. The checks are soft: one run
 * lists the violations of all screens of a test, and the test fails at its end if there were any.
 */
test.describe('Barrierefreiheit (axe)', () => {
  // Each axe run takes a while (seconds on a busy machine): more time than the default 30 s.
  test.describe.configure({ timeout: 60_000 });

  test('Anmeldeseite, auch mit Fehlern', async ({ page, checkA11y }) => {
    await page.goto('/anmelden');
    await expect(page.getByRole('heading', { level: 1, name: 'Anmelden bei Lotse' })).toBeVisible();
    await expect(page).toHaveTitle('Anmelden – Lotse');
    await checkA11y(page, 'Anmeldeseite');

    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect(page.getByLabel('Benutzername')).toHaveAttribute('aria-invalid', 'true');
    await checkA11y(page, 'Anmeldeseite mit Pflichtfeldfehlern');

    await page.getByLabel('Benutzername').fill('fallmanagement');
    await page.getByLabel('Passwort').fill('falsches-Passwort');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect(
      page
        .getByRole('alert')
        .filter({ hasText: /Anmeldung|Benutzername|Passwort/ })
        .first(),
    ).toBeVisible();
    await checkA11y(page, 'Anmeldeseite nach falschem Passwort');
  });

  test('Personensuche: leer, Eingabefehler, Treffer, keine Treffer', async ({ page, checkA11y }) => {
    await login(page, 'fallmanagement');
    const person = await findPerson(page, { lastNames: ['Schäfer', 'Wagner', 'Schmidt', 'Schneider'], withHousehold: true, skip: 1 });

    // Person search: empty, too short, with results, without results.
    await page.goto('/personen');
    await expect(page.getByRole('heading', { level: 1, name: 'Personensuche' })).toBeVisible();
    await checkA11y(page, 'Personensuche leer');
    const searchBox = page.getByLabel('Name, Kundennummer oder Geburtsdatum');
    await searchBox.fill('x');
    await page.getByRole('button', { name: 'Suchen' }).click();
    await expect(page.getByText('Bitte geben Sie mindestens 2 Zeichen ein.').first()).toBeVisible();
    await checkA11y(page, 'Personensuche mit Eingabefehler');
    await searchBox.fill(person.lastName);
    await page.getByRole('button', { name: 'Suchen' }).click();
    const results = page.getByRole('table', { name: 'Suchergebnisse' });
    await expect(results.getByRole('row').filter({ hasText: person.customerNumber })).toBeVisible();
    await checkA11y(page, 'Personensuche mit Treffern');
    await searchBox.fill('Qxzyqxzy');
    await page.getByRole('button', { name: 'Suchen' }).click();
    await expect(page.getByText('Keine Treffer', { exact: true })).toBeVisible();
    await checkA11y(page, 'Personensuche ohne Treffer');
  });

  test('Person: Ansicht, Bearbeiten (auch mit Fehlern), Anlegen', async ({ page, checkA11y }) => {
    await login(page, 'fallmanagement');
    const person = await findPerson(page, { lastNames: ['Schäfer', 'Wagner', 'Schmidt', 'Schneider'], withHousehold: true, skip: 1 });

    // Person view.
    await page.goto(`/personen/${person.id}`);
    await expect(page.getByRole('heading', { level: 1, name: `${person.firstName} ${person.lastName}` })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Bedarfsgemeinschaft' }).getByRole('link')).toBeVisible();
    await checkA11y(page, 'Personenansicht');

    // Person edit form, then with validation errors (PLZ, E-Mail, Geburtsdatum).
    await page.getByRole('button', { name: 'Bearbeiten' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Person bearbeiten' })).toBeVisible();
    await expect(page.getByLabel('Persönliche/r Ansprechpartner/in').locator('option').nth(1)).toBeAttached();
    await checkA11y(page, 'Person bearbeiten');
    await page.getByLabel('Postleitzahl').fill('12');
    await page.getByLabel('E-Mail').fill('keine-adresse');
    await page.getByRole('textbox', { name: 'Geburtsdatum' }).fill('31.02.1990');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect(page.getByLabel('Postleitzahl')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Eingaben' })).toBeVisible();
    await checkA11y(page, 'Person bearbeiten mit Fehlern');
    await page.getByRole('button', { name: 'Abbrechen' }).click();

    // Person create form, empty and after saving it empty.
    await page.goto('/personen');
    await page.getByRole('button', { name: 'Neue Person anlegen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Neue Person anlegen' })).toBeVisible();
    await checkA11y(page, 'Person anlegen');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Eingaben' })).toBeVisible();
    await checkA11y(page, 'Person anlegen mit Fehlern');
  });

  test('Bedarfsgemeinschaft: Ansicht, Bearbeiten mit Mitgliedersuche und Fehlern, Anlegen; unbekannte Seite', async ({
    page,
    checkA11y,
  }) => {
    await login(page, 'fallmanagement');
    const person = await findPerson(page, { lastNames: ['Schäfer', 'Wagner', 'Schmidt', 'Schneider'], withHousehold: true, skip: 1 });

    // Household view and edit form (with the member search).
    await page.goto(`/bedarfsgemeinschaften/${person.householdId}`);
    await expect(page.getByRole('heading', { level: 1, name: /^Bedarfsgemeinschaft / })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Mitglieder der Bedarfsgemeinschaft' })).toBeVisible();
    await checkA11y(page, 'Bedarfsgemeinschaft');
    await page.getByRole('button', { name: 'Bearbeiten' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Bedarfsgemeinschaft bearbeiten' })).toBeVisible();
    await checkA11y(page, 'Bedarfsgemeinschaft bearbeiten');
    const addSection = page.getByRole('region', { name: 'Mitglied hinzufügen' });
    await addSection.getByLabel('Name, Kundennummer oder Geburtsdatum').fill('Schmidt');
    await addSection.getByRole('button', { name: 'Suchen' }).click();
    await expect(addSection.getByRole('table')).toBeVisible();
    await checkA11y(page, 'Bedarfsgemeinschaft bearbeiten mit Suchergebnissen');
    await page.getByLabel('BG-Nummer').fill('falsch');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect(page.getByLabel('BG-Nummer')).toHaveAttribute('aria-invalid', 'true');
    await checkA11y(page, 'Bedarfsgemeinschaft bearbeiten mit Fehlern');
    await page.getByRole('button', { name: 'Abbrechen' }).click();

    // Household create form.
    await page.goto('/bedarfsgemeinschaften/neu');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await checkA11y(page, 'Bedarfsgemeinschaft anlegen');

    // Unknown address.
    await page.goto('/gibt-es-nicht');
    await expect(page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' })).toBeVisible();
    await checkA11y(page, 'Seite nicht gefunden');
  });

  test('Benutzerverwaltung: Liste, Anlegen, Bearbeiten', async ({ page, checkA11y }) => {
    await login(page, 'admin');
    await expect(page.getByRole('heading', { level: 1, name: 'Benutzerverwaltung' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Benutzerkonten dieses Jobcenters' })).toBeVisible();
    await checkA11y(page, 'Benutzerliste');

    await page.getByRole('button', { name: 'Neuen Benutzer anlegen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Neuen Benutzer anlegen' })).toBeVisible();
    await checkA11y(page, 'Benutzer anlegen');
    await page.getByLabel('E-Mail').fill('kein-at-zeichen');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Eingaben' })).toBeVisible();
    await checkA11y(page, 'Benutzer anlegen mit Fehlern');

    await page.goto('/verwaltung/benutzer');
    await page.getByRole('link', { name: 'vermittlung', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Benutzer vermittlung' })).toBeVisible();
    await checkA11y(page, 'Benutzer bearbeiten');
    await page
      .getByRole('group', { name: /Rollen/ })
      .getByLabel('Integrationsfachkraft / Arbeitsvermittlung')
      .uncheck();
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Eingaben' })).toBeVisible();
    await page.getByLabel('Neues Passwort').fill('kurz');
    await page.getByRole('button', { name: 'Passwort zurücksetzen' }).click();
    await expect(page.getByLabel('Neues Passwort')).toHaveAttribute('aria-invalid', 'true');
    await checkA11y(page, 'Benutzer bearbeiten mit Fehlern');
  });

  test('Datenschutz: Protokolle mit Details und Integritätsprüfung', async ({ page, checkA11y }) => {
    await login(page, 'datenschutz');
    await expect(page.getByRole('heading', { level: 1, name: 'Datenschutz: Protokolle' })).toBeVisible();
    const changes = page.getByRole('tabpanel', { name: 'Änderungsprotokoll' });
    await expect(changes.getByRole('table').or(changes.getByText('Keine Einträge.')).first()).toBeVisible();
    await checkA11y(page, 'Änderungsprotokoll');

    const details = changes.locator('details summary');
    if ((await details.count()) > 0) {
      await details.first().click();
      await checkA11y(page, 'Änderungsprotokoll mit geöffneten Details');
    }
    await changes.getByRole('button', { name: 'Integrität prüfen' }).click();
    await expect(changes.getByText(/Hash-Kette ist/)).toBeVisible();
    await checkA11y(page, 'Änderungsprotokoll mit Prüfergebnis');

    await page.getByLabel(/Personen-ID/).fill('keine-uuid');
    await page.getByRole('button', { name: 'Filtern' }).click();
    await expect(page.getByLabel(/Personen-ID/)).toHaveAttribute('aria-invalid', 'true');
    await checkA11y(page, 'Protokollfilter mit Fehler');

    await page.getByRole('tab', { name: 'Leseprotokoll' }).click();
    const reads = page.getByRole('tabpanel', { name: 'Leseprotokoll' });
    await expect(reads.getByRole('table').or(reads.getByText('Keine Einträge.')).first()).toBeVisible();
    await reads.getByRole('button', { name: 'Integrität prüfen' }).click();
    await expect(reads.getByText(/Hash-Kette ist/)).toBeVisible();
    await checkA11y(page, 'Leseprotokoll mit Prüfergebnis');
  });
});
