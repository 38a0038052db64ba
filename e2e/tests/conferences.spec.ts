import type { Page } from '@playwright/test';
import { csrfToken, expect, login, test } from '../fixtures';
import { tabTo } from '../keyboard';

/**
 * Fallkonferenzen (SPEC C10): the responsible case manager plans a conference, records it as held
 * without the person (the reason is required), turns an agreed action into a follow-up, and the tab
 * passes axe; the provider portal's list of conferences passes axe too.
 * The case is one of its own (a new person, opened here), so the demo data's cases do not matter.
 */

const germanDate = (date: Date) =>
  new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' }).format(date);
const inDays = (days: number) => germanDate(new Date(Date.now() + days * 86_400_000));

let counter = 0;
const suffix = () => (Date.now() + counter++).toString(36).slice(-5);
/** A customer number in a block the demo generator does not use (first tenant: 192–195). */
const newCustomerNumber = () => `96${Math.floor(Math.random() * 10)}D${String(Date.now() + counter++).slice(-6)}`;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The name of a button like "Ergebnis erfassen: <conference>" (the browser may put a space before the hidden colon). */
const named = (action: string, label: string) => new RegExp(`^${escapeRegExp(action)} ?: ${escapeRegExp(label)}$`);

const expectAnnounced = (page: Page, text: string | RegExp) => expect(page.getByRole('status').getByText(text)).toBeVisible();

/** A person and an open case of the logged-in case manager, through the API of the page's session. */
async function newCase(page: Page): Promise<{ caseId: string; lastName: string }> {
  const token = await csrfToken(page.request);
  const lastName = `Konferenz-${suffix()}`;
  const person = await page.request.post('/api/persons', {
    data: { customerNumber: newCustomerNumber(), firstName: 'Mira', lastName, birthDate: '1988-02-11', sex: 'female' },
    headers: { 'X-CSRF-Token': token },
  });
  expect(person.ok(), `POST /api/persons: HTTP ${person.status()} ${await person.text()}`).toBeTruthy();
  const created = await page.request.post('/api/cases', {
    data: { personId: ((await person.json()) as { id: string }).id },
    headers: { 'X-CSRF-Token': token },
  });
  expect(created.ok(), `POST /api/cases: HTTP ${created.status()} ${await created.text()}`).toBeTruthy();
  return { caseId: ((await created.json()) as { id: string }).id, lastName };
}

test.describe('Fallkonferenzen', () => {
  test.use({ actionTimeout: 15_000 });

  test('planen, ohne die Person durchführen (Grund nötig), Wiedervorlage vereinbaren – mit axe', async ({ page, checkA11y }) => {
    test.setTimeout(120_000);
    await login(page, 'fallmanagement');
    const { caseId } = await newCase(page);
    await page.goto(`/faelle/${caseId}/konferenzen`);
    const tabHeading = page.getByRole('heading', { level: 2, name: 'Fallkonferenzen', exact: true });
    await expect(tabHeading).toBeVisible();
    await expect(page.getByText('Für diesen Fall ist noch keine Fallkonferenz geplant.')).toBeVisible();

    // ——— plan: client checks first, then the complete form ———
    await page.getByRole('button', { name: 'Fallkonferenz planen' }).click();
    const planForm = page.getByRole('form', { name: 'Fallkonferenz planen' });
    await expect(planForm.getByRole('textbox', { name: 'Datum' })).toBeFocused();
    await planForm.getByRole('button', { name: 'Fallkonferenz planen' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Eingaben' });
    await expect(summary).toContainText('Datum: Bitte füllen Sie dieses Feld aus.');
    await expect(summary).toContainText('Themen: Bitte geben Sie mindestens ein Thema an.');
    await expect(planForm.getByRole('textbox', { name: 'Datum' })).toBeFocused();

    const today = inDays(0);
    await planForm.getByRole('textbox', { name: 'Datum' }).fill(today);
    await planForm.getByRole('textbox', { name: 'Uhrzeit' }).fill('7:30');
    await planForm.getByRole('textbox', { name: /^Ort/ }).fill('Jobcenter, Raum 2.14');
    await planForm.getByRole('textbox', { name: 'Themen' }).fill('Stand der Schuldnerberatung\nWohnungssuche');
    // The case manager takes part by default.
    await expect(planForm.getByRole('checkbox', { name: 'Fallmanagerin Anna Schneider' })).toBeChecked();
    await planForm.getByRole('button', { name: 'Weitere beteiligte Person hinzufügen' }).click();
    await expect(planForm.getByRole('textbox', { name: 'Name (weitere Beteiligte 1)' })).toBeFocused();
    await planForm.getByRole('textbox', { name: 'Name (weitere Beteiligte 1)' }).fill('Herr Vormund');
    await planForm.getByRole('textbox', { name: /^Organisation \(weitere Beteiligte 1\)/ }).fill('Betreuungsverein Lotsenbach');
    await planForm.getByRole('button', { name: 'Fallkonferenz planen' }).click();

    const when = `${today} 07:30`;
    const card = page.getByRole('article', { name: `Fallkonferenz am ${when} Uhr` });
    await expect(card.getByRole('heading', { level: 3 })).toBeFocused();
    await expectAnnounced(page, 'Fallkonferenz geplant.');
    await expect(card).toContainText('geplant');
    await expect(card).toContainText('Stand der Schuldnerberatung');
    await expect(card).toContainText('Herr Vormund (Betreuungsverein Lotsenbach)');
    await expect(card).toContainText('Fallmanagerin Anna Schneider');
    await checkA11y(page, 'Fallkonferenzen – geplant');

    // ——— record: held without the person; the server asks for the reason ———
    await card.getByRole('button', { name: named('Ergebnis erfassen', `Fallkonferenz am ${when} Uhr`) }).click();
    const recordForm = page.getByRole('form', { name: 'Ergebnis der Fallkonferenz erfassen' });
    // By keyboard: the first choice has the focus; Space picks it, arrows move within a radio group.
    const held = recordForm.getByRole('radio', { name: 'durchgeführt' });
    await expect(held).toBeFocused();
    await page.keyboard.press('Space');
    await expect(held).toBeChecked();
    const presence = recordForm.getByRole('group', { name: 'Person anwesend' });
    await tabTo(page, presence.getByRole('radio', { name: 'Ja' }));
    await page.keyboard.press('ArrowRight');
    await expect(presence.getByRole('radio', { name: 'Nein' })).toBeChecked();
    await expect(presence.getByRole('radio', { name: 'Nein' })).toBeFocused();
    await tabTo(page, recordForm.getByRole('textbox', { name: /^Protokoll/ }));
    await page.keyboard.type('Vermieter wartet auf den Haushaltsplan.');
    await tabTo(page, recordForm.getByRole('button', { name: 'Ergebnis speichern' }));
    await page.keyboard.press('Enter');
    const reason = recordForm.getByRole('textbox', { name: 'Grund für die Durchführung ohne die Person' });
    await expect(reason).toBeFocused();
    await expect(reason).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Eingaben' })).toContainText(
      'Ohne die Person darf nur mit dokumentiertem Grund über sie gesprochen werden',
    );
    // The typed minutes stay.
    await expect(recordForm.getByRole('textbox', { name: /^Protokoll/ })).toHaveValue('Vermieter wartet auf den Haushaltsplan.');
    await checkA11y(page, 'Fallkonferenzen – Ergebnis mit Fehler');
    await reason.fill('Die Person ist erkrankt und hat der Durchführung ohne sie zugestimmt.');
    await recordForm.getByRole('button', { name: 'Ergebnis speichern' }).click();
    await expectAnnounced(page, 'Ergebnis gespeichert: durchgeführt.');
    await expect(card.getByRole('heading', { level: 3 })).toBeFocused();
    await expect(card).toContainText('durchgeführt');
    await expect(card).toContainText('Grund: Die Person ist erkrankt');
    await expect(card).toContainText('Vermieter wartet auf den Haushaltsplan.');

    // ——— agreed action → follow-up; the typed input survives a tab switch ———
    await card.getByRole('button', { name: named('Vereinbarung erfassen', `Fallkonferenz am ${when} Uhr`) }).click();
    const actionForm = page.getByRole('form', { name: 'Vereinbarung erfassen' });
    await expect(actionForm.getByRole('radio', { name: 'Wiedervorlage' })).toBeChecked();
    await actionForm.getByRole('textbox', { name: 'Vereinbarung' }).fill('Haushaltsplan beim Vermieter nachfragen');
    const tabs = page.getByRole('navigation', { name: 'Bereiche der Fallakte' });
    await tabs.getByRole('link', { name: 'Kontakte', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Kontakte', exact: true })).toBeFocused();
    await tabs.getByRole('link', { name: 'Fallkonferenzen', exact: true }).click();
    await expect(tabHeading).toBeFocused();
    await expect(actionForm.getByRole('textbox', { name: 'Vereinbarung' })).toHaveValue('Haushaltsplan beim Vermieter nachfragen');
    await expect(actionForm).toContainText('Ihre Eingaben von vorhin sind wiederhergestellt.');
    const due = inDays(14);
    await actionForm.getByRole('textbox', { name: 'Fällig am' }).fill(due);
    await expect(actionForm.getByRole('combobox', { name: 'Zuständige Fachkraft' })).toHaveValue(/.+/);
    await actionForm.getByRole('button', { name: 'Vereinbarung speichern' }).click();
    await expectAnnounced(page, 'Wiedervorlage angelegt: Haushaltsplan beim Vermieter nachfragen.');
    const actions = card.getByRole('table', { name: `Vereinbarungen der Fallkonferenz am ${when} Uhr` });
    await expect(actions.getByRole('row', { name: /Haushaltsplan beim Vermieter nachfragen/ })).toContainText(due);
    await expect(card.getByRole('heading', { level: 4, name: 'Vereinbarungen (1)' })).toBeFocused();
    await checkA11y(page, 'Fallkonferenzen – durchgeführt mit Vereinbarung');
    await page.screenshot({ path: test.info().outputPath('fallkonferenzen.png'), fullPage: true });

    // The follow-up is part of the case: Kontakte → Wiedervorlagen.
    await tabs.getByRole('link', { name: 'Kontakte', exact: true }).click();
    const followUps = page.getByRole('region', { name: /^Wiedervorlagen/ });
    await expect(followUps.getByRole('row', { name: /Haushaltsplan beim Vermieter nachfragen/ })).toContainText(due);

    // Held conferences take only the minutes: the "Protokoll bearbeiten" form has nothing else.
    await tabs.getByRole('link', { name: 'Fallkonferenzen', exact: true }).click();
    await card.getByRole('button', { name: named('Protokoll bearbeiten', `Fallkonferenz am ${when} Uhr`) }).click();
    const minutesForm = page.getByRole('form', { name: 'Protokoll der Fallkonferenz' });
    await expect(minutesForm.getByRole('textbox', { name: /^Protokoll/ })).toBeFocused();
    await expect(minutesForm.getByRole('radio')).toHaveCount(0);
    await minutesForm.getByRole('button', { name: 'Abbrechen' }).click();
    await expect(card.getByRole('button', { name: named('Protokoll bearbeiten', `Fallkonferenz am ${when} Uhr`) })).toBeFocused();
  });

  test('Trägerportal: Liste der Fallkonferenzen (mit axe)', async ({ page, checkA11y }) => {
    await login(page, 'traeger');
    await page.goto('/portal/konferenzen');
    await expect(page.getByRole('heading', { level: 1, name: 'Fallkonferenzen' })).toBeVisible();
    // The demo's provider may or may not take part in conferences: either the table or the empty state.
    await expect(
      page
        .getByRole('table', { name: 'Fallkonferenzen Ihres Trägers' })
        .or(page.getByText('Ihr Träger nimmt derzeit an keiner Fallkonferenz teil.')),
    ).toBeVisible();
    await checkA11y(page, 'Trägerportal – Fallkonferenzen');
  });
});
