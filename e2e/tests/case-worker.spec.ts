import { csrfToken, expect, findPerson, listName, login, test } from '../fixtures';

test.describe('Fallmanagement', () => {
  test('sucht eine Person, bearbeitet sie, sieht Fehler am Feld, öffnet die Bedarfsgemeinschaft und meldet sich ab', async ({ page }) => {
    await login(page, 'fallmanagement');
    await expect(page.getByRole('heading', { level: 1, name: 'Personensuche' })).toBeVisible();
    const person = await findPerson(page, { lastNames: ['Schmidt', 'Schneider', 'Wagner', 'Schäfer'], withHousehold: true, adult: true });

    // Search by last name: the results table lists the person.
    await page.getByLabel('Name, Kundennummer oder Geburtsdatum').fill(person.lastName);
    await page.getByRole('button', { name: 'Suchen' }).click();
    const results = page.getByRole('table', { name: 'Suchergebnisse' });
    await expect(results).toBeVisible();
    await expect(page.getByText(/\d+ Treffer angezeigt/)).toBeVisible();
    const row = results.getByRole('row').filter({ hasText: person.customerNumber });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole('rowheader')).toHaveText(listName(person));

    // Open the person.
    await row.getByRole('link', { name: listName(person) }).click();
    await expect(page).toHaveURL(new RegExp(`/personen/${person.id}$`));
    await expect(page.getByRole('heading', { level: 1, name: `${person.firstName} ${person.lastName}` })).toBeVisible();
    await expect(page.getByText(`Kundennummer ${person.customerNumber}`)).toBeVisible();

    // Edit: a valid change is saved and shown.
    await page.getByRole('button', { name: 'Bearbeiten' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Person bearbeiten' })).toBeVisible();
    const newPhone = '0211 987654';
    const newCity = 'Lotsenhafen';
    await page.getByLabel('Telefon').fill(newPhone);
    await page.getByLabel('Ort', { exact: true }).fill(newCity);
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect(page.getByRole('status').getByText('Änderungen gespeichert.')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: `${person.firstName} ${person.lastName}` })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Kontakt' })).toContainText(newPhone);
    await expect(page.getByRole('region', { name: 'Anschrift' })).toContainText(newCity);

    // An invalid postal code: a German message next to the field, the typed input stays.
    await page.getByRole('button', { name: 'Bearbeiten' }).click();
    const postalCode = page.getByLabel('Postleitzahl');
    await postalCode.fill('12');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect(postalCode).toHaveAttribute('aria-invalid', 'true');
    await expect(postalCode).toHaveAccessibleDescription(/Fünf Ziffern/);
    await expect(page.locator('#person-postalCode-error')).toHaveText(/Fünf Ziffern/);
    await expect(postalCode).toHaveValue('12');
    await expect(postalCode).toBeFocused();
    await expect(page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Eingaben' })).toContainText('Postleitzahl');
    // The other input of this round is kept as well.
    await expect(page.getByLabel('Telefon')).toHaveValue(newPhone);
    await page.getByRole('button', { name: 'Abbrechen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `${person.firstName} ${person.lastName}` })).toBeVisible();

    // Household (Bedarfsgemeinschaft) from the person page: its members are listed.
    const household = page.getByRole('region', { name: 'Bedarfsgemeinschaft' });
    await household.getByRole('link', { name: /^Bedarfsgemeinschaft .* öffnen$/ }).click();
    await expect(page).toHaveURL(new RegExp(`/bedarfsgemeinschaften/${person.householdId}$`));
    await expect(page.getByRole('heading', { level: 1, name: /^Bedarfsgemeinschaft \d{5}BG\d{7}$/ })).toBeVisible();
    const members = page.getByRole('table', { name: 'Mitglieder der Bedarfsgemeinschaft' });
    await expect(members).toBeVisible();
    await expect(members.getByRole('link', { name: listName(person) })).toBeVisible();
    expect(await members.getByRole('row').count()).toBeGreaterThanOrEqual(2);

    // Logout ends the session: the login page, and the API refuses the old session.
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Anmelden bei Lotse' })).toBeVisible();
    await expect(page.getByText('Sie wurden abgemeldet.')).toBeVisible();
    expect((await page.request.get('/api/auth/session')).status()).toBe(401);
    await page.goto(`/personen/${person.id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Anmelden bei Lotse' })).toBeVisible();
  });

  test('zeigt einen Konflikt, wenn jemand anderes die Person zwischendurch geändert hat, und behält die Eingaben', async ({ page }) => {
    await login(page, 'fallmanagement');
    const person = await findPerson(page, { lastNames: ['Schneider', 'Wagner', 'Schäfer', 'Schmidt'], skip: 1 });

    /** Someone else saves the same person meanwhile (same user, through the API, with If-Match). */
    const changeInBackground = async (data: Record<string, unknown>) => {
      const current = await page.request.get(`/api/persons/${person.id}`);
      expect(current.ok()).toBeTruthy();
      const etag = current.headers().etag;
      expect(etag, 'GET /api/persons/:id liefert ein ETag').toBeTruthy();
      const changed = await page.request.patch(`/api/persons/${person.id}`, {
        data,
        headers: { 'X-CSRF-Token': await csrfToken(page.request), 'If-Match': etag as string },
      });
      expect(changed.status(), await changed.text()).toBe(200);
    };

    await page.goto(`/personen/${person.id}`);
    const personHeading = page.getByRole('heading', { level: 1, name: `${person.firstName} ${person.lastName}` });
    await expect(personHeading).toBeVisible();

    // Round 1: conflict → the input stays → "Weiter bearbeiten" → saving puts it on top of the other change.
    await page.getByRole('button', { name: 'Bearbeiten' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Person bearbeiten' })).toBeVisible();
    const typedStreet = 'Konfliktweg';
    const typedPhone = '030 111222';
    await page.getByLabel('Straße').fill(typedStreet);
    await page.getByLabel('Telefon').fill(typedPhone);
    await changeInBackground({ city: 'Anderswo' });

    await page.getByRole('button', { name: 'Speichern' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Jemand anderes hat diesen Eintrag inzwischen geändert' });
    await expect(conflict).toBeVisible();
    await expect(conflict).toContainText('Ihre Eingaben sind aber noch im Formular');
    await expect(page.getByLabel('Straße')).toHaveValue(typedStreet);
    await expect(page.getByLabel('Telefon')).toHaveValue(typedPhone);

    await conflict.getByRole('button', { name: 'Weiter bearbeiten' }).click();
    await expect(conflict).toBeHidden();
    await expect(page.getByLabel('Straße')).toHaveValue(typedStreet);
    await expect(page.getByLabel('Telefon')).toHaveValue(typedPhone);
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect(personHeading).toBeVisible();
    await expect(page.getByRole('status').getByText('Änderungen gespeichert.')).toBeVisible();
    const address = page.getByRole('region', { name: 'Anschrift' });
    await expect(address).toContainText(typedStreet);
    await expect(address).toContainText('Anderswo');
    await expect(page.getByRole('region', { name: 'Kontakt' })).toContainText(typedPhone);

    // Round 2: conflict → "Aktuelle Fassung laden" discards the own input and shows the other change.
    await page.getByRole('button', { name: 'Bearbeiten' }).click();
    await page.getByLabel('Straße').fill('Verworfener Weg');
    await changeInBackground({ city: 'Nochmalanders' });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect(conflict).toBeVisible();
    await expect(page.getByLabel('Straße')).toHaveValue('Verworfener Weg');
    await conflict.getByRole('button', { name: /Aktuelle Fassung laden/ }).click();
    await expect(conflict).toBeHidden();
    await expect(page.getByText('Die aktuelle Fassung wurde geladen.')).toBeVisible();
    await expect(page.getByLabel('Ort', { exact: true })).toHaveValue('Nochmalanders');
    await expect(page.getByLabel('Straße')).toHaveValue(typedStreet);
  });
});
