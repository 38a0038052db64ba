import { csrfToken, expect, findPerson, listName, login, type PersonHit, test } from '../fixtures';

test.describe('Administration und Datenschutz', () => {
  test('Administration legt einen Benutzer mit Rolle an; er steht in der Liste und kann sich anmelden', async ({ page, browser }) => {
    await login(page, 'admin');
    await expect(page.getByRole('heading', { level: 1, name: 'Benutzerverwaltung' })).toBeVisible();
    const users = page.getByRole('table', { name: 'Benutzerkonten dieses Jobcenters' });
    await expect(users.getByRole('link', { name: 'fallmanagement', exact: true })).toBeVisible();

    const username = `e2e.teamleitung.${Date.now().toString(36)}`;
    const password = 'E2E-Passwort-2026!';
    await page.getByRole('button', { name: 'Neuen Benutzer anlegen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Neuen Benutzer anlegen' })).toBeVisible();

    // Saving the empty form shows the errors at the fields.
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Eingaben' })).toBeVisible();
    await expect(page.getByLabel('Benutzername')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Benutzername')).toBeFocused();

    await page.getByLabel('Benutzername').fill(username);
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Testerin Erika Ende');
    await page.getByLabel('E-Mail').fill('erika.ende@example.org');
    await page
      .getByRole('group', { name: /Rollen/ })
      .getByLabel('Teamleitung / Controlling')
      .check();
    await page.getByLabel('Initiales Passwort').fill(password);
    await page.getByRole('button', { name: 'Speichern' }).click();

    await expect(page.getByRole('heading', { level: 1, name: `Benutzer ${username}` })).toBeVisible();
    await expect(page.getByText('Das Benutzerkonto wurde angelegt.')).toBeVisible();
    await page.getByRole('link', { name: 'Zur Benutzerliste' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Benutzerverwaltung' })).toBeVisible();
    const row = users.getByRole('row').filter({ has: page.getByRole('link', { name: username, exact: true }) });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Testerin Erika Ende');
    await expect(row).toContainText('Teamleitung / Controlling');
    await expect(row).toContainText('aktiv');

    // The new account works: with the team lead role it starts at "Meine Arbeit heute".
    const context = await browser.newContext();
    try {
      const other = await context.newPage();
      await login(other, username, password);
      await expect(other.getByRole('heading', { level: 1, name: 'Meine Arbeit heute' })).toBeVisible();
      await expect(other.getByText('Testerin Erika Ende')).toBeVisible();
    } finally {
      await context.close();
    }
  });

  test('Administration: Konflikt beim Bearbeiten eines Benutzers behält die Eingaben und überträgt sie', async ({ page }) => {
    await login(page, 'admin');
    await page.getByRole('link', { name: 'leistung', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Benutzer leistung' })).toBeVisible();
    const userId = page.url().split('/').pop() as string;
    const roles = page.getByRole('group', { name: /Rollen/ });
    await roles.getByLabel('Teamleitung / Controlling').check();

    // Someone else renames the account meanwhile; the browser's reload of it after the 412 is slowed down.
    const current = await page.request.get(`/api/users/${userId}`);
    const renamed = await page.request.patch(`/api/users/${userId}`, {
      data: { displayName: 'Leistungssachbearbeiter Tom Becker-Neu' },
      headers: { 'X-CSRF-Token': await csrfToken(page.request), 'If-Match': current.headers().etag ?? '' },
    });
    expect(renamed.status(), await renamed.text()).toBe(200);
    await page.route(`**/api/users/${userId}`, async (route) => {
      if (route.request().method() === 'GET') await new Promise((resolve) => setTimeout(resolve, 1_000));
      await route.continue();
    });

    await page.getByRole('button', { name: 'Speichern' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Jemand anderes hat diesen Eintrag inzwischen geändert' });
    await expect(conflict).toBeVisible();
    expect(await conflict.textContent()).toContain('Inzwischen geändert: Name.');
    await expect(roles.getByLabel('Teamleitung / Controlling')).toBeChecked();
    await conflict.getByRole('button', { name: 'Weiter bearbeiten' }).click();
    await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('Leistungssachbearbeiter Tom Becker-Neu');
    await expect(roles.getByLabel('Teamleitung / Controlling')).toBeChecked();
    await page.unroute(`**/api/users/${userId}`);

    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect(page.getByRole('status').getByText('Änderungen gespeichert.')).toBeVisible();
    await page.getByRole('link', { name: 'Zur Benutzerliste' }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'leistung', exact: true }) });
    await expect(row).toContainText('Leistungssachbearbeiter Tom Becker-Neu');
    await expect(row).toContainText('Leistungssachbearbeitung');
    await expect(row).toContainText('Teamleitung / Controlling');
  });

  test('Datenschutz sieht Änderungs- und Leseprotokoll und prüft die Integrität', async ({ page, browser }) => {
    // A case worker reads and changes a person (in a browser context of its own), so both logs have entries.
    const caseWorker = await browser.newContext();
    let person: PersonHit;
    try {
      const cw = await caseWorker.newPage();
      await login(cw, 'fallmanagement');
      person = await findPerson(cw, { lastNames: ['Wagner', 'Schäfer', 'Schmidt', 'Schneider'], skip: 2 });
      await cw.goto(`/personen/${person.id}`);
      await expect(cw.getByRole('heading', { level: 1, name: `${person.firstName} ${person.lastName}` })).toBeVisible();
      const current = await cw.request.get(`/api/persons/${person.id}`);
      const changed = await cw.request.patch(`/api/persons/${person.id}`, {
        data: { phone: '0521 445566' },
        headers: { 'X-CSRF-Token': await csrfToken(cw.request), 'If-Match': current.headers().etag ?? '' },
      });
      expect(changed.status(), await changed.text()).toBe(200);
    } finally {
      await caseWorker.close();
    }

    await login(page, 'datenschutz');
    await expect(page.getByRole('heading', { level: 1, name: 'Datenschutz: Protokolle' })).toBeVisible();
    // Data protection officers do not browse persons.
    await expect(page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Personen' })).toHaveCount(0);

    // Change log (first tab): entries, and the person's change when filtered by its ID.
    const changesTab = page.getByRole('tab', { name: 'Änderungsprotokoll' });
    await expect(changesTab).toHaveAttribute('aria-selected', 'true');
    const changesPanel = page.getByRole('tabpanel', { name: 'Änderungsprotokoll' });
    const changeTable = changesPanel.getByRole('table', { name: 'Änderungsprotokoll' });
    await expect(changeTable).toBeVisible();
    expect(await changeTable.getByRole('row').count()).toBeGreaterThan(1);

    await page.getByLabel(/Personen-ID/).fill(person.id);
    await page.getByRole('button', { name: 'Filtern' }).click();
    await expect(page.getByText(`Gefiltert nach Person ${person.id}`)).toBeVisible();
    const changeRow = changeTable.getByRole('row').filter({ hasText: 'Fallmanagerin Anna Schneider' });
    await expect(changeRow.first()).toBeVisible();
    await expect(changeRow.first()).toContainText('geändert');
    await changeRow
      .first()
      .getByText(/Geänderte Felder: .*phone/)
      .click();
    await expect(changeRow.first().getByRole('table')).toContainText('0521 445566');

    // Integrity check of the change log.
    await changesPanel.getByRole('button', { name: 'Integrität prüfen' }).click();
    const changeResult = changesPanel.getByRole('region', { name: 'Ergebnis der Integritätsprüfung' });
    await expect(changeResult).toContainText('Ja – die Hash-Kette ist vollständig intakt.');

    // Read log (second tab): the case worker's view of the person.
    await page.getByRole('tab', { name: 'Leseprotokoll' }).click();
    const readsPanel = page.getByRole('tabpanel', { name: 'Leseprotokoll' });
    await expect(changesPanel).toBeHidden();
    const readTable = readsPanel.getByRole('table', { name: 'Leseprotokoll' });
    await expect(readTable).toBeVisible();
    const readRow = readTable.getByRole('row').filter({ hasText: person.id }).filter({ hasText: 'Ansicht' });
    await expect(readRow.first()).toContainText('Fallmanagerin Anna Schneider');
    await expect(readRow.first()).toContainText(new RegExp(`${person.lastName}|${listName(person)}`));

    await page.getByRole('button', { name: 'Filter zurücksetzen' }).click();
    await expect(readTable.getByRole('row').nth(1)).toBeVisible();
    await readsPanel.getByRole('button', { name: 'Integrität prüfen' }).click();
    await expect(readsPanel.getByRole('region', { name: 'Ergebnis der Integritätsprüfung' })).toContainText(
      'Ja – die Hash-Kette ist vollständig intakt.',
    );
  });
});
