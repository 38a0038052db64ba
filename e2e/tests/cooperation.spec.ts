import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { csrfToken, DEMO_PASSWORD, expect, login, test } from '../fixtures';
import { expectVisibleFocus, tabTo } from '../keyboard';

/** Names unique per run: demo data may bring providers of its own. */
const run = Date.now().toString(36);

/** A provider (with an agreement) created through the API in a session of its own, for tests that need one. */
async function providerViaApi(browser: Browser, name: string): Promise<{ id: string; agreementId: string }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const res = await page.request.post('/api/auth/login', { data: { username: 'koordination', password: DEMO_PASSWORD } });
    expect(res.ok(), `Anmeldung: HTTP ${res.status()}`).toBeTruthy();
    const headers = { 'X-CSRF-Token': await csrfToken(page.request) };
    const provider = await page.request.post('/api/providers', { data: { name, city: 'Bielefeld' }, headers });
    expect(provider.status(), await provider.text()).toBe(201);
    const { id } = (await provider.json()) as { id: string };
    const agreement = await page.request.post('/api/cooperation-agreements', {
      data: { providerId: id, title: `KV ${name}`, validFrom: '2026-01-01', answerDays: 5, startDays: 21, interimReportDays: 90 },
      headers,
    });
    expect(agreement.status(), await agreement.text()).toBe(201);
    return { id, agreementId: ((await agreement.json()) as { id: string }).id };
  } finally {
    await context.close();
  }
}

async function patchWithEtag(request: APIRequestContext, path: string, data: unknown) {
  const current = await request.get(path);
  expect(current.ok(), await current.text()).toBeTruthy();
  const res = await request.patch(path, {
    data,
    headers: { 'X-CSRF-Token': await csrfToken(request), 'If-Match': current.headers().etag ?? '' },
  });
  expect(res.status(), await res.text()).toBe(200);
}

/** A button's name "Aktion: Ziel" (Chromium reads the visually hidden part after a space). */
const named = (action: string, target: string) => new RegExp(`^${action} ?: ${target}$`);

/** Types into the focused field after checking the focus landed where expected. */
async function typeInto(page: Page, label: Parameters<Page['getByLabel']>[0], value: string, exact = false) {
  const field = page.getByLabel(label, { exact });
  await tabTo(page, field);
  await page.keyboard.type(value);
}

test.describe('Träger, Kooperationsvereinbarungen, Angebote und Handbuch', () => {
  test.describe.configure({ timeout: 120_000 });

  test('Koordination legt per Tastatur Träger, Vereinbarung und Angebot mit Standort an; es steht im Katalog', async ({
    page,
    checkA11y,
  }) => {
    const providerName = `Diakonie Teststadt ${run}`;
    const offerName = `Schuldnerberatung Mitte ${run}`;
    await login(page, 'koordination');

    // The coordinator starts on the overdue list (/kooperation redirects there).
    await expect(page).toHaveURL(/\/kooperation\/ueberfaellig$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Überfällige Rückmeldungen' })).toBeVisible();
    await expect(page.getByText(/^Stand: \d{2}\.\d{2}\.\d{4}\./)).toBeVisible();
    await checkA11y(page, 'Überfällige Rückmeldungen');

    // Providers: list, then the create form by keyboard.
    const subNav = page.getByRole('navigation', { name: 'Träger und Kooperation' });
    await tabTo(page, subNav.getByRole('link', { name: 'Träger', exact: true }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Träger' })).toBeVisible();
    await checkA11y(page, 'Trägerliste');
    await tabTo(page, page.getByRole('button', { name: 'Neuen Träger anlegen' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Neuen Träger anlegen' })).toBeFocused();

    // Empty form and a wrong postal code: errors at the fields and in the summary, focus on the first.
    await typeInto(page, 'Postleitzahl (optional)', '3360');
    await page.keyboard.press('Enter');
    const summary = page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Eingaben' });
    await expect(summary).toContainText('Name des Trägers: Bitte füllen Sie dieses Feld aus.');
    await expect(summary).toContainText('Postleitzahl: Fünfstellige Postleitzahl.');
    await expect(page.getByLabel('Name des Trägers')).toBeFocused();
    await expect(page.getByLabel('Postleitzahl (optional)')).toHaveValue('3360');
    await checkA11y(page, 'Träger anlegen mit Fehlern');

    await page.keyboard.type(providerName);
    await typeInto(page, 'Straße (optional)', 'Hauptstraße');
    await page.keyboard.press('Tab');
    await page.keyboard.type('12');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Postleitzahl (optional)')).toBeFocused();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('33602');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Bielefeld');
    await typeInto(page, 'E-Mail (optional)', 'kontakt@diakonie-test.de');
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { level: 1, name: providerName })).toBeFocused();
    await expect(page.getByText(`Der Träger „${providerName}“ wurde angelegt.`)).toBeVisible();
    await expect(page.getByText('Hauptstraße 12, 33602 Bielefeld')).toBeVisible();
    await checkA11y(page, 'Trägerseite');

    // Agreement from the provider's page: the provider is preselected, the default deadlines prefilled.
    await tabTo(page, page.getByRole('link', { name: 'Neue Kooperationsvereinbarung' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Neue Kooperationsvereinbarung' })).toBeFocused();
    await expect(page.getByLabel('Träger', { exact: true }).locator('option:checked')).toHaveText(providerName);
    await expect(page.getByLabel('Zwischenbericht alle N Tage')).toHaveValue('90');
    await typeInto(page, 'Bezeichnung', `KV Schuldnerberatung ${run}`);
    await page.keyboard.press('Tab');
    await page.keyboard.type('01.01.2026');
    await page.keyboard.press('Tab');
    await page.keyboard.type('31.12.2025');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Antwort in Tagen')).toBeFocused();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('3');
    await typeInto(page, 'Rückmeldeverfahren (optional)', 'Rückmeldung über das Träger-Portal.');
    await tabTo(page, page.getByRole('button', { name: 'Speichern' }));
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Gültig bis (optional)')).toBeFocused();
    await expect(page.getByText('Das Ende darf nicht vor dem Beginn liegen.').first()).toBeVisible();
    await checkA11y(page, 'Vereinbarung anlegen mit Fehler');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('31.12.2027');
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { level: 1, name: providerName })).toBeVisible();
    const agreements = page.getByRole('table', { name: `Kooperationsvereinbarungen mit ${providerName}` });
    const agreementRow = agreements.getByRole('row').filter({ hasText: `KV Schuldnerberatung ${run}` });
    await expect(agreementRow).toContainText('01.01.2026 – 31.12.2027');
    await expect(agreementRow).toContainText('Antwort in 3 Tagen');

    // Offer from the provider's page.
    await tabTo(page, page.getByRole('link', { name: 'Neues Angebot' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Neues Angebot' })).toBeFocused();
    await checkA11y(page, 'Angebot anlegen');
    await typeInto(page, 'Name des Angebots', offerName);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Leistungsart')).toBeFocused();
    await page.getByLabel('Leistungsart').selectOption({ label: 'Schuldnerberatung (§ 16a Nr. 2 SGB II)' });
    const agreementSelect = page.getByLabel('Kooperationsvereinbarung (optional)');
    await expect(agreementSelect.locator('option')).toHaveCount(2);
    await tabTo(page, agreementSelect);
    await agreementSelect.selectOption({ index: 1 });
    await tabTo(page, page.getByLabel('unter 25 (U25)'));
    await page.keyboard.press('Space');
    await typeInto(page, 'Kapazität (optional)', '12');
    await typeInto(page, 'Wartezeit in Tagen (optional)', '14');
    await tabTo(page, page.getByLabel('Finanzierungsmodell'));
    await page.getByLabel('Finanzierungsmodell').selectOption({ label: 'Fachleistungsstunden' });
    await typeInto(page, 'Preis in Euro (optional)', '58,5');
    await page.keyboard.press('Tab');
    await page.keyboard.type('je Fachleistungsstunde');

    // Location 1: label, coordinates with a decimal comma, opening hours, barrier-free.
    await typeInto(page, 'Bezeichnung des Standorts', 'Beratungsstelle Innenstadt');
    await typeInto(page, 'Breitengrad', '52,0302', true);
    await page.keyboard.press('Tab');
    await page.keyboard.type('8,5325');
    await typeInto(page, 'Öffnungszeiten (optional)', 'Mo–Do 9–16 Uhr');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Barrierefrei zugänglich')).toBeFocused();
    await page.keyboard.press('Space');

    // A second location is added and removed again: the focus follows.
    await tabTo(page, page.getByRole('button', { name: 'Weiteren Standort hinzufügen' }));
    await page.keyboard.press('Enter');
    const second = page.getByRole('group', { name: 'Standort 2' });
    await expect(second.getByLabel('Bezeichnung des Standorts')).toBeFocused();
    await page.keyboard.type('Außenstelle');
    await tabTo(page, page.getByRole('button', { name: 'Standort 2 entfernen' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('group', { name: /^Standort 2/ })).toHaveCount(0);
    await expect(
      page.getByRole('group', { name: 'Standort 1: Beratungsstelle Innenstadt' }).getByLabel('Bezeichnung des Standorts'),
    ).toBeFocused();

    // A contact person.
    await tabTo(page, page.getByRole('button', { name: 'Ansprechperson hinzufügen' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('group', { name: 'Ansprechperson 1' }).getByLabel('Name')).toBeFocused();
    await page.keyboard.type('Maria Beraterin');
    await tabTo(page, page.getByRole('button', { name: 'Speichern' }));
    await expectVisibleFocus(page, 'Speichern');
    await page.keyboard.press('Enter');

    // The offer's page.
    await expect(page.getByRole('heading', { level: 1, name: offerName })).toBeFocused();
    await expect(page.getByText(`Das Angebot „${offerName}“ wurde angelegt.`)).toBeVisible();
    await expect(page.getByText('12 Plätze pro Monat')).toBeVisible();
    await expect(page.getByText('58,50 € je Fachleistungsstunde')).toBeVisible();
    const location = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Beratungsstelle Innenstadt' }) });
    await expect(location).toContainText('Breite 52,0302, Länge 8,5325');
    await expect(location).toContainText('barrierefrei');
    await expect(page.getByRole('link', { name: `KV Schuldnerberatung ${run}` })).toBeVisible();
    await checkA11y(page, 'Angebotsseite');

    // The catalogue, filtered by service type.
    await page.getByRole('link', { name: 'Zum Angebotskatalog' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Angebote' })).toBeVisible();
    await page.getByLabel('Leistungsart').selectOption({ label: 'Schuldnerberatung (§ 16a Nr. 2 SGB II)' });
    await expect(page).toHaveURL(/leistungsart=debt_counselling/);
    const row = page
      .getByRole('table', { name: 'Angebote' })
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: offerName }) });
    await expect(row).toContainText(providerName);
    await expect(row).toContainText('Schuldnerberatung (§ 16a Nr. 2 SGB II)');
    await expect(row).toContainText('unter 25 (U25)');
    await expect(row).toContainText('12 von 12 Plätze pro Monat');
    await expect(row).toContainText('14 Tage');
    await expect(row).toContainText('Fachleistungsstunden');
    await expect(row).toContainText('58,50 € je Fachleistungsstunde');
    await checkA11y(page, 'Angebotskatalog');
    await page.getByLabel('Leistungsart').selectOption({ label: 'Suchtberatung (§ 16a Nr. 4 SGB II)' });
    await page.getByLabel('Träger', { exact: true }).selectOption({ label: providerName });
    await expect(page.getByText('Zu diesen Filtern gibt es kein Angebot.')).toBeVisible();
    await checkA11y(page, 'Angebotskatalog ohne Treffer');

    // The agreement list and the edit form of the agreement.
    await page.goto('/kooperation/vereinbarungen');
    await expect(page.getByRole('heading', { level: 1, name: 'Kooperationsvereinbarungen' })).toBeVisible();
    await checkA11y(page, 'Vereinbarungsliste');
    await page.getByRole('link', { name: `KV Schuldnerberatung ${run}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `KV Schuldnerberatung ${run}` })).toBeVisible();
    await page.getByLabel('Beginn in Tagen').fill('10');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect(page.getByRole('status').getByText('Änderungen gespeichert.')).toBeVisible();
    await checkA11y(page, 'Vereinbarung bearbeiten');
  });

  test('Angebot bearbeiten: Konflikt (412) behält die Eingaben; Standorte ersetzen', async ({ page, browser, checkA11y }) => {
    const providerName = `Caritas Konflikt ${run}`;
    const { id: providerId } = await providerViaApi(browser, providerName);
    await login(page, 'koordination');
    const created = await page.request.post('/api/offers', {
      data: {
        providerId,
        name: `Suchtberatung ${run}`,
        serviceType: 'addiction_counselling',
        financingModel: 'institutional',
        locations: [{ label: 'Hauptstelle', latitude: 52.02, longitude: 8.53 }],
      },
      headers: { 'X-CSRF-Token': await csrfToken(page.request) },
    });
    expect(created.status(), await created.text()).toBe(201);
    const offerId = ((await created.json()) as { id: string }).id;

    await page.goto(`/angebote/${offerId}/bearbeiten`);
    await expect(page.getByRole('heading', { level: 1, name: `Angebot bearbeiten: Suchtberatung ${run}` })).toBeVisible();
    await checkA11y(page, 'Angebot bearbeiten');
    await page.getByLabel('Name des Angebots').fill(`Suchtberatung Nord ${run}`);
    await page.getByRole('group', { name: 'Standort 1: Hauptstelle' }).getByLabel('Breitengrad').fill('52,1');

    // Someone else changes the waiting time meanwhile.
    await patchWithEtag(page.request, `/api/offers/${offerId}`, { waitingDays: 30 });
    await page.getByRole('button', { name: 'Speichern' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Jemand anderes hat diesen Eintrag inzwischen geändert' });
    await expect(conflict).toBeVisible();
    await expect(conflict).toContainText('Inzwischen geändert: Wartezeit in Tagen.');
    await expect(page.getByLabel('Name des Angebots')).toHaveValue(`Suchtberatung Nord ${run}`);
    await checkA11y(page, 'Angebot bearbeiten mit Konflikt');
    await conflict.getByRole('button', { name: 'Weiter bearbeiten' }).click();
    await expect(page.getByLabel('Wartezeit in Tagen (optional)')).toHaveValue('30');
    await expect(page.getByLabel('Name des Angebots')).toHaveValue(`Suchtberatung Nord ${run}`);

    // A wrong coordinate is shown at its field and in the summary; nothing typed is lost.
    await page.getByRole('group', { name: 'Standort 1: Hauptstelle' }).getByLabel('Längengrad').fill('200');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Standort 1 – Längengrad' })).toBeVisible();
    await expect(page.getByRole('group', { name: 'Standort 1: Hauptstelle' }).getByLabel('Längengrad')).toBeFocused();
    await page.getByRole('group', { name: 'Standort 1: Hauptstelle' }).getByLabel('Längengrad').fill('8,6');
    await page.getByRole('button', { name: 'Speichern' }).click();

    await expect(page.getByRole('heading', { level: 1, name: `Suchtberatung Nord ${run}` })).toBeVisible();
    await expect(page.getByText('Änderungen gespeichert.')).toBeVisible();
    await expect(page.getByText('Breite 52,1, Länge 8,6')).toBeVisible();
    await expect(page.getByText('30 Tage')).toBeVisible();
  });

  test('Handbuch: Seite lesen (Checklisten als Listen) und als Koordination bearbeiten', async ({ page, checkA11y }) => {
    await login(page, 'koordination');
    // The start page (the overdue list) first: its redirect must not overtake the click.
    await expect(page.getByRole('heading', { level: 1, name: 'Überfällige Rückmeldungen' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Handbuch' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Handbuch' })).toBeVisible();
    await checkA11y(page, 'Handbuch');
    const title = 'Wohnungsnotfallhilfe und Wohnraumsicherung';
    await page.getByRole('link', { name: title }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeFocused();
    // Checklists are lists to read, not form checkboxes.
    await expect(page.getByRole('checkbox')).toHaveCount(0);
    const firstList = page.locator('.coop-checklist').first();
    await expect(firstList.getByRole('listitem').first()).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Quellen' })).toBeVisible();
    await checkA11y(page, 'Handbuchseite');

    await page.getByRole('button', { name: 'Seite bearbeiten' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Handbuchseite bearbeiten: ${title}` })).toBeVisible();
    await checkA11y(page, 'Handbuchseite bearbeiten');
    await page.getByLabel('Überschrift', { exact: true }).fill(`${title} (geprüft ${run})`);

    // A new item in checklist 1, by keyboard: add, type, move it up once.
    const list1 = page.getByRole('group', { name: /^Checkliste 1:/ });
    const addItem = list1.getByRole('button', { name: /^Punkt hinzufügen +zur Checkliste 1$/ });
    await tabTo(page, addItem, { max: 80 });
    await page.keyboard.press('Enter');
    const itemCount = await list1.getByRole('textbox', { name: /^Punkt \d+$/ }).count();
    const newItem = list1.getByRole('textbox', { name: `Punkt ${itemCount}`, exact: true });
    await expect(newItem).toBeFocused();
    await page.keyboard.type(`Neuer Prüfpunkt ${run}`);
    await page.keyboard.press('Tab');
    await expect(list1.getByRole('button', { name: named('Nach oben', `Punkt ${itemCount} der Checkliste 1`) })).toBeFocused();
    await page.keyboard.press('Enter');
    // The focus stays on the moved item's button (now one position higher).
    await expect(list1.getByRole('button', { name: named('Nach oben', `Punkt ${itemCount - 1} der Checkliste 1`) })).toBeFocused();
    await expect(list1.getByRole('textbox', { name: `Punkt ${itemCount - 1}`, exact: true })).toHaveValue(`Neuer Prüfpunkt ${run}`);

    // An empty item is an error at that item; the typed input stays.
    await addItem.click();
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect(page.getByRole('alert').filter({ hasText: `Checkliste 1 – Punkt ${itemCount + 1}` })).toBeVisible();
    await expect(list1.getByRole('textbox', { name: `Punkt ${itemCount + 1}`, exact: true })).toBeFocused();
    await checkA11y(page, 'Handbuchseite bearbeiten mit Fehler');
    await list1.getByRole('button', { name: named('Entfernen', `Punkt ${itemCount + 1} der Checkliste 1`) }).click();
    await page.getByRole('button', { name: 'Speichern' }).click();

    await expect(page.getByRole('heading', { level: 1, name: `${title} (geprüft ${run})` })).toBeVisible();
    await expect(page.getByText('Die Handbuchseite wurde gespeichert.')).toBeVisible();
    const items = page.locator('.coop-checklist').first().getByRole('listitem');
    await expect(items.nth(itemCount - 2)).toHaveText(`Neuer Prüfpunkt ${run}`);
  });

  test('Überfällige Rückmeldungen: je Träger, die am längsten überfälligen zuerst', async ({ page, checkA11y }) => {
    const u = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const cm = { id: u(90), displayName: 'Fallmanagerin Anna Schneider' };
    // The demo data has no overdue referrals (they need time to pass): the list's order is checked with a fixed answer.
    await page.route('**/api/cooperation/overdue', (route) =>
      route.fulfill({
        json: {
          today: '2026-11-21',
          providers: [
            { provider: { id: u(3), name: 'Ohne Rückstand e. V.' }, agreement: null, openReferrals: 0, overdue: [] },
            {
              provider: { id: u(1), name: 'AWO Test' },
              agreement: null,
              openReferrals: 4,
              overdue: [
                {
                  referralId: u(11),
                  offer: { id: u(21), name: 'Suchtberatung Nord' },
                  status: 'sent',
                  sentOn: '2026-11-10',
                  caseManager: cm,
                  overdue: { kind: 'answer', dueOn: '2026-11-15', daysOverdue: 6 },
                },
              ],
            },
            {
              provider: { id: u(2), name: 'Caritas Test' },
              agreement: { id: u(31), title: 'KV Caritas', answerDays: 3, startDays: 14, interimReportDays: 60 },
              openReferrals: 7,
              overdue: [
                {
                  referralId: u(13),
                  offer: { id: u(23), name: 'Schuldnerberatung' },
                  status: 'started',
                  sentOn: '2026-05-02',
                  caseManager: cm,
                  overdue: { kind: 'report', dueOn: '2026-10-30', daysOverdue: 22 },
                },
                {
                  referralId: u(12),
                  offer: { id: u(22), name: 'Psychosoziale Betreuung' },
                  status: 'accepted',
                  sentOn: '2026-09-01',
                  caseManager: cm,
                  overdue: { kind: 'start', dueOn: '2026-09-20', daysOverdue: 62 },
                },
              ],
            },
          ],
        },
      }),
    );
    await login(page, 'koordination');
    await expect(page.getByText('Stand: 21.11.2026. 3 Rückmeldungen bei 2 Trägern sind überfällig.')).toBeVisible();
    const sections = page.getByRole('heading', { level: 2 });
    await expect(sections).toHaveText(['Caritas Test', 'AWO Test', 'Träger ohne überfällige Rückmeldungen (1)']);
    const caritas = page.getByRole('table', { name: 'Überfällige Rückmeldungen von Caritas Test' });
    const rows = caritas.getByRole('row');
    await expect(rows.nth(1)).toContainText('Psychosoziale Betreuung');
    await expect(rows.nth(1)).toContainText('Beginn überfällig');
    await expect(rows.nth(1)).toContainText('20.09.2026');
    await expect(rows.nth(1)).toContainText('62');
    await expect(rows.nth(2)).toContainText('Zwischenbericht überfällig');
    await expect(page.getByRole('region', { name: 'AWO Test' })).toContainText('Standardfristen');
    await expect(page.getByRole('region', { name: 'Caritas Test' })).toContainText('Antwort in 3 Tagen');
    await checkA11y(page, 'Überfällige Rückmeldungen mit Einträgen');
  });

  test('Teamleitung liest Träger und Vereinbarungen, ändert aber nichts', async ({ page, browser, checkA11y }) => {
    const providerName = `Lesetest ${run}`;
    const { id, agreementId } = await providerViaApi(browser, providerName);
    await login(page, 'teamleitung');
    await page.goto(`/kooperation/traeger/${id}`);
    await expect(page.getByRole('heading', { level: 1, name: providerName })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Träger bearbeiten' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Neue Kooperationsvereinbarung' })).toHaveCount(0);
    await page.goto(`/kooperation/vereinbarungen/${agreementId}`);
    await expect(page.getByRole('heading', { level: 1, name: `KV ${providerName}` })).toBeVisible();
    await expect(page.getByRole('textbox')).toHaveCount(0);
    await expect(page.getByText('Antwort in 5 Tagen')).toBeVisible();
    await checkA11y(page, 'Vereinbarung (nur lesen)');
    await page.goto('/kooperation/traeger/neu');
    await expect(page.getByRole('heading', { level: 1, name: 'Keine Berechtigung' })).toBeVisible();
  });

  test('Administration ordnet ein Träger-Konto seinem Träger zu', async ({ page, browser, checkA11y }) => {
    const providerName = `Träger für Konto ${run}`;
    await providerViaApi(browser, providerName);
    await login(page, 'admin');
    await page.getByRole('button', { name: 'Neuen Benutzer anlegen' }).click();
    const username = `traeger.${run}`;
    await page.getByLabel('Benutzername').fill(username);
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Tina Träger');
    await expect(page.getByLabel('Träger', { exact: true })).toHaveCount(0);
    await page
      .getByRole('group', { name: /Rollen/ })
      .getByLabel('Leistungserbringer')
      .check();
    await page.getByLabel('Initiales Passwort').fill('E2E-Passwort-2026!');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Träger: Bitte wählen Sie den Träger aus' })).toBeVisible();
    await expect(page.getByLabel('Träger', { exact: true })).toBeFocused();
    await checkA11y(page, 'Benutzer anlegen: Träger fehlt');
    await page.getByLabel('Träger', { exact: true }).selectOption({ label: providerName });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Benutzer ${username}` })).toBeVisible();
    await expect(page.getByLabel('Träger', { exact: true }).locator('option:checked')).toHaveText(providerName);
    await page.getByRole('link', { name: 'Zur Benutzerliste' }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: username, exact: true }) });
    await expect(row).toContainText(providerName);
  });
});
