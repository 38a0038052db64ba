import { DEMO_PASSWORD, expect, findPerson, listName, type PersonHit, test } from '../fixtures';
import { expectVisibleFocus, retype, tabTo } from '../keyboard';

test('Fallmanagement nur mit der Tastatur: Anmelden, Suchen, Person öffnen, Bearbeiten, Speichern, Bedarfsgemeinschaft', async ({
  page,
  browser,
}) => {
  // Find the person first through the API (a session of its own), so the flow itself stays keyboard-only.
  const lookup = await browser.newContext();
  let person: PersonHit;
  try {
    const p = await lookup.newPage();
    const res = await p.request.post('/api/auth/login', { data: { username: 'fallmanagement', password: DEMO_PASSWORD } });
    expect(res.ok(), `Anmeldung über die API: HTTP ${res.status()}`).toBeTruthy();
    person = await findPerson(p, { lastNames: ['Wagner', 'Schäfer', 'Schmidt', 'Schneider'], withHousehold: true, adult: true, skip: 1 });
  } finally {
    await lookup.close();
  }

  // Login page: the first tab stop is the user name.
  await page.goto('/anmelden');
  await expect(page.getByRole('heading', { level: 1, name: 'Anmelden bei Lotse' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Benutzername')).toBeFocused();
  await expectVisibleFocus(page, 'Benutzername');
  await page.keyboard.type('fallmanagement');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Passwort')).toBeFocused();
  await expectVisibleFocus(page, 'Passwort');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Anmelden' })).toBeFocused();
  await expectVisibleFocus(page, 'Anmelden');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Meine Arbeit heute' })).toBeVisible();

  // After the login the focus is on the start page's heading (announces the page change).
  await expect(page.getByRole('heading', { level: 1, name: 'Meine Arbeit heute' })).toBeFocused();

  // On a freshly loaded page (e.g. from a bookmark) the skip link is the first tab stop, visible when
  // focused, and leads into the main content.
  await page.goto('/personen');
  await expect(page.getByRole('heading', { level: 1, name: 'Personensuche' })).toBeVisible();
  await page.keyboard.press('Tab');
  const skipLink = page.getByRole('link', { name: 'Zum Inhalt springen' });
  await expect(skipLink).toBeFocused();
  await expect(skipLink).toBeInViewport();
  await expectVisibleFocus(page, 'Sprunglink');
  await page.keyboard.press('Enter');
  await expect(page.locator('main#inhalt')).toBeFocused();

  // Search: from the main content on to the search field, type, Enter.
  const searchBox = page.getByLabel('Name, Kundennummer oder Geburtsdatum');
  await tabTo(page, searchBox);
  await page.keyboard.type(person.lastName);
  await page.keyboard.press('Enter');
  const results = page.getByRole('table', { name: 'Suchergebnisse' });
  const personLink = results
    .getByRole('row')
    .filter({ hasText: person.customerNumber })
    .getByRole('link', { name: listName(person) });
  await expect(personLink).toBeVisible();

  // Open the person: after the page change the focus is on the page heading.
  await tabTo(page, personLink);
  await page.keyboard.press('Enter');
  const personHeading = page.getByRole('heading', { level: 1, name: `${person.firstName} ${person.lastName}` });
  await expect(personHeading).toBeVisible();
  await expect(personHeading).toBeFocused();

  // Edit: "Bearbeiten" with Space, the form starts at its first field.
  const editButton = page.getByRole('button', { name: 'Bearbeiten' });
  await tabTo(page, editButton);
  await page.keyboard.press('Space');
  await expect(page.getByRole('heading', { level: 1, name: 'Person bearbeiten' })).toBeVisible();
  await expect(page.getByLabel('Kundennummer')).toBeFocused();

  // Past the phone field to the postal code, back with Shift+Tab, change both fields.
  const phone = page.getByLabel('Telefon');
  const city = page.getByLabel('Ort', { exact: true });
  await tabTo(page, city);
  await tabTo(page, phone, { backwards: true });
  const newPhone = '0551 24680';
  await retype(page, newPhone);
  await tabTo(page, city);
  await retype(page, 'Tastaturhausen');

  // An invalid postal code: Enter submits, the focus goes to the field with the error.
  const postalCode = page.getByLabel('Postleitzahl');
  await tabTo(page, postalCode, { backwards: true });
  const oldPostalCode = await postalCode.inputValue();
  await retype(page, '12');
  await page.keyboard.press('Enter');
  await expect(postalCode).toHaveAttribute('aria-invalid', 'true');
  await expect(postalCode).toBeFocused();
  await expectVisibleFocus(page, 'Postleitzahl mit Fehler');
  await retype(page, oldPostalCode || '37139');

  // Save with the button (Tab to it, Enter).
  await tabTo(page, page.getByRole('button', { name: 'Speichern' }));
  await page.keyboard.press('Enter');
  await expect(personHeading).toBeVisible();
  await expect(page.getByRole('status').getByText('Änderungen gespeichert.')).toBeVisible();
  // The focus does not fall back to <body> when the form goes away: it is on the page heading.
  await expect(personHeading).toBeFocused();
  await expect(page.getByRole('region', { name: 'Kontakt' })).toContainText(newPhone);
  await expect(page.getByRole('region', { name: 'Anschrift' })).toContainText('Tastaturhausen');

  // On to the household and its members.
  const householdLink = page
    .getByRole('region', { name: 'Bedarfsgemeinschaft' })
    .getByRole('link', { name: /^Bedarfsgemeinschaft .* öffnen$/ });
  await tabTo(page, householdLink);
  await page.keyboard.press('Enter');
  const householdHeading = page.getByRole('heading', { level: 1, name: /^Bedarfsgemeinschaft \d{5}BG\d{7}$/ });
  await expect(householdHeading).toBeFocused();
  const members = page.getByRole('table', { name: 'Mitglieder der Bedarfsgemeinschaft' });
  await expect(members.getByRole('link', { name: listName(person) })).toBeVisible();
  await tabTo(page, members.getByRole('link').first());

  // Back up to "Abmelden" in the header with Shift+Tab, and log out.
  await tabTo(page, page.getByRole('button', { name: 'Abmelden' }), { backwards: true });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Anmelden bei Lotse' })).toBeVisible();
});
