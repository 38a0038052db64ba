import { csrfToken, expect, findPerson, listName, login, test } from '../fixtures';

test.describe('Fallmanagement', () => {
  test('sucht eine Person, bearbeitet sie, sieht Fehler am Feld, öffnet die Bedarfsgemeinschaft und meldet sich ab', async ({ page }) => {
    await login(page, 'fallmanagement');
    // Case workers start at "Meine Arbeit heute"; the person search is one click away.
    await expect(page.getByRole('heading', { level: 1, name: 'Meine Arbeit heute' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Personen' }).click();
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
    await expect(page.getByRole('heading', { level: 1, name: `${person.firstName} ${person.lastName}` })).toBeFocused();

    // Household (Bedarfsgemeinschaft) from the person page: its members are listed.
    const household = page.getByRole('region', { name: 'Bedarfsgemeinschaft' });
    await household.getByRole('link', { name: /^Bedarfsgemeinschaft .* öffnen$/ }).click();
    await expect(page).toHaveURL(new RegExp(`/bedarfsgemeinschaften/${person.householdId}$`));
    await expect(page.getByRole('heading', { level: 1, name: /^Bedarfsgemeinschaft \d{5}BG\d{7}$/ })).toBeVisible();
    const members = page.getByRole('table', { name: 'Mitglieder der Bedarfsgemeinschaft' });
    await expect(members).toBeVisible();
    await expect(members.getByRole('link', { name: listName(person) })).toBeVisible();
    expect(await members.getByRole('row').count()).toBeGreaterThanOrEqual(2);

    // Its edit form starts at the BG number and lists the members with their roles; "Abbrechen" goes back.
    await page.getByRole('button', { name: 'Bearbeiten' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Bedarfsgemeinschaft bearbeiten' })).toBeVisible();
    await expect(page.getByLabel('BG-Nummer')).toBeFocused();
    await expect(page.getByLabel(`Rolle von ${person.firstName} ${person.lastName}`)).toBeVisible();
    await page.getByRole('button', { name: 'Abbrechen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Bedarfsgemeinschaft \d{5}BG\d{7}$/ })).toBeFocused();

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

    // Slow down the browser's reload of the person after the 412, to make sure "Weiter bearbeiten"
    // does not act before the current version is there (it once did and saved against the old one).
    await page.route(`**/api/persons/${person.id}`, async (route) => {
      if (route.request().method() === 'GET') await new Promise((resolve) => setTimeout(resolve, 1_000));
      await route.continue();
    });
    await page.getByRole('button', { name: 'Speichern' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Jemand anderes hat diesen Eintrag inzwischen geändert' });
    await expect(conflict).toBeVisible();
    await expect(conflict).toContainText('Ihre Eingaben sind aber noch im Formular');
    await expect(page.getByLabel('Straße')).toHaveValue(typedStreet);
    await expect(page.getByLabel('Telefon')).toHaveValue(typedPhone);

    // Right when the banner appears (no waiting): it already names the other change.
    expect(await conflict.textContent()).toContain('Inzwischen geändert: Ort.');
    await conflict.getByRole('button', { name: 'Weiter bearbeiten' }).click();
    await expect(conflict).toBeHidden();
    await expect(page.getByRole('status').getByText('Ihre Eingaben wurden auf die aktuelle Fassung übertragen.')).toBeVisible();
    await expect(page.getByLabel('Ort', { exact: true })).toHaveValue('Anderswo');
    await page.unroute(`**/api/persons/${person.id}`);
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
  test('Konflikt in der Bedarfsgemeinschaft: geänderte Rolle bleibt, die neue BG-Nummer wird übernommen', async ({ page }) => {
    await login(page, 'fallmanagement');
    interface Member {
      personId: string;
      role: string;
      firstName: string;
      lastName: string;
    }
    // A household with at least two members (one of them not the applicant).
    let household: { id: string; number: string; members: Member[] } | null = null;
    for (let skip = 3; skip < 12 && !household; skip++) {
      const hit = await findPerson(page, { lastNames: ['Schmidt', 'Schäfer', 'Wagner', 'Schneider'], withHousehold: true, skip });
      const res = await page.request.get(`/api/households/${hit.householdId}`);
      const h = (await res.json()) as { id: string; number: string; members: Member[] };
      if (h.members.length >= 2 && h.members.some((m) => m.role !== 'applicant' && m.role !== 'partner')) household = h;
    }
    if (!household) throw new Error('Keine Bedarfsgemeinschaft mit mindestens zwei Mitgliedern gefunden');
    const member = household.members.find((m) => m.role !== 'applicant' && m.role !== 'partner') as Member;
    const newNumber = `${household.number.slice(0, 7)}9${String(Date.now()).slice(-6)}`;

    await page.goto(`/bedarfsgemeinschaften/${household.id}`);
    await expect(page.getByRole('heading', { level: 1, name: `Bedarfsgemeinschaft ${household.number}` })).toBeVisible();
    await page.getByRole('button', { name: 'Bearbeiten' }).click();
    const role = page.getByLabel(`Rolle von ${member.firstName} ${member.lastName}`);
    await role.selectOption({ label: 'Partner/in' });

    // Meanwhile someone else gives the household a new number.
    const current = await page.request.get(`/api/households/${household.id}`);
    const changed = await page.request.patch(`/api/households/${household.id}`, {
      data: { number: newNumber },
      headers: { 'X-CSRF-Token': await csrfToken(page.request), 'If-Match': current.headers().etag ?? '' },
    });
    expect(changed.status(), await changed.text()).toBe(200);
    await page.route(`**/api/households/${household.id}`, async (route) => {
      if (route.request().method() === 'GET') await new Promise((resolve) => setTimeout(resolve, 1_000));
      await route.continue();
    });

    await page.getByRole('button', { name: 'Speichern' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Jemand anderes hat diesen Eintrag inzwischen geändert' });
    await expect(conflict).toBeVisible();
    expect(await conflict.textContent()).toContain('Inzwischen geändert: BG-Nummer.');
    await expect(role).toHaveValue('partner');
    await conflict.getByRole('button', { name: 'Weiter bearbeiten' }).click();
    await expect(page.getByLabel('BG-Nummer')).toHaveValue(newNumber);
    await expect(role).toHaveValue('partner');
    await page.unroute(`**/api/households/${household.id}`);

    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Bedarfsgemeinschaft ${newNumber}` })).toBeFocused();
    await expect(page.getByRole('status').getByText('Änderungen gespeichert.')).toBeVisible();
    const row = page
      .getByRole('table', { name: 'Mitglieder der Bedarfsgemeinschaft' })
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: `${member.lastName}, ${member.firstName}` }) });
    await expect(row).toContainText('Partner/in');
  });
});
