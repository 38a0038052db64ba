import { readFile } from 'node:fs/promises';
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { type CheckA11y, csrfToken, DEMO_PASSWORD, expect, login, test } from '../fixtures';
import { expectVisibleFocus, retype, tabTo, tabToward } from '../keyboard';

/**
 * The case file (Fallakte, /faelle/:id): one person from the Erstberatung to the closed case by mouse
 * and once more by keyboard only, reassignment by a team lead, and axe on every screen of the case file.
 * Each test works on a person of its own (created here), so the demo data's cases do not matter.
 */

const LIFE_AREAS = [
  'Arbeit und Qualifikation',
  'Gesundheit',
  'Sucht',
  'Finanzen und Schulden',
  'Wohnen',
  'Familie und Betreuung',
  'Soziale Teilhabe',
  'Motivation und Alltag',
] as const;

const germanDate = (date: Date) =>
  new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' }).format(date);
const inDays = (days: number) => germanDate(new Date(Date.now() + days * 86_400_000));
const isoInDays = (days: number) => {
  const [d, m, y] = inDays(days).split('.');
  return `${y}-${m}-${d}`;
};

let uniqueCounter = 0;
/** A unique customer number (format 123D456789) in a block the demo generator does not use (first tenant: 192–195). */
function newCustomerNumber(): string {
  return `97${Math.floor(Math.random() * 10)}D${String(Date.now() + uniqueCounter++).slice(-6)}`;
}
const suffix = () => (Date.now() + uniqueCounter++).toString(36).slice(-5);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * The name of a button like "Bearbeiten: <label>" (the label is visually hidden; depending on the
 * layout the browser may put a space before the colon).
 */
const named = (action: string, label: string) => new RegExp(`^${escapeRegExp(action)} ?: ${escapeRegExp(label)}$`);

/** The shell's live region (role status) has announced `text`. */
const expectAnnounced = (page: Page, text: string | RegExp) => expect(page.getByRole('status').getByText(text)).toBeVisible();

const tabsNav = (page: Page) => page.getByRole('navigation', { name: 'Bereiche der Fallakte' });
const nextStep = (page: Page) => page.getByRole('region', { name: 'Nächster Schritt' });

async function openTab(page: Page, name: string) {
  await tabsNav(page).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeFocused();
}

/** Takes a step of the case's lifecycle through the "Nächster Schritt" panel. */
async function transition(page: Page, action: string, newStatus: string, reason?: string) {
  const form = page.getByRole('form', { name: action, exact: true });
  // The button opens and closes the form: press it only when the form is not open yet.
  if (!(await form.isVisible())) await nextStep(page).getByRole('button', { name: action, exact: true }).click();
  if (reason) await form.getByRole('textbox', { name: /^Begründung/ }).fill(reason);
  await form.getByRole('button', { name: `${action} bestätigen` }).click();
  await expectAnnounced(page, `Fallstatus geändert: ${newStatus}.`);
  await expect(page.getByText(`Fallstatus: ${newStatus}`, { exact: true })).toBeVisible();
}

/** Rates all eight life areas (scores in the order of LIFE_AREAS) with the rating form of the Verlauf tab. */
async function rate(page: Page, occasion: string, scores: readonly number[], checkA11y?: CheckA11y) {
  await openTab(page, 'Verlauf');
  await page.getByRole('button', { name: 'Einschätzung erfassen' }).click();
  const form = page.getByRole('form', { name: 'Einschätzung erfassen' });
  await expect(form.getByLabel('Anlass')).toHaveValue(occasion);
  await form.getByLabel('Gemeinsam mit der Person eingeschätzt').check();
  for (const [i, area] of LIFE_AREAS.entries()) {
    await form
      .getByRole('group', { name: area, exact: true })
      .getByRole('radio', { name: String(scores[i]), exact: true })
      .check();
  }
  await expect(form.getByRole('group', { name: LIFE_AREAS[0] })).toContainText(`Stufe ${scores[0]}:`);
  if (checkA11y) await checkA11y(page, 'Verlauf mit Einschätzungsformular');
  await form.getByRole('button', { name: 'Einschätzung speichern' }).click();
}

/** Records a barrier with its indicators in the Assessment tab (which must be open). */
async function recordBarrier(page: Page, type: string, severity: string, indicators: { source: string; note?: string }[]) {
  await page.getByRole('button', { name: 'Handlungsbedarf erfassen' }).click();
  const form = page.getByRole('form', { name: 'Handlungsbedarf erfassen' });
  await form.getByLabel('Art des Handlungsbedarfs').selectOption({ label: type });
  await form.getByRole('group', { name: 'Schwere' }).getByRole('radio', { name: severity, exact: true }).check();
  for (const [i, indicator] of indicators.entries()) {
    await form.getByRole('button', { name: 'Indikator hinzufügen' }).click();
    await form.getByLabel(`Quelle von Indikator ${i + 1}`).selectOption({ label: indicator.source });
    if (indicator.note) await form.getByLabel(`Notiz zu Indikator ${i + 1} (optional)`).fill(indicator.note);
  }
  await form.getByRole('button', { name: 'Handlungsbedarf speichern' }).click();
  await expectAnnounced(page, `Handlungsbedarf „${type}“ erfasst.`);
  return page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 5, name: type, exact: true }) });
}

// ——— the same by keyboard only (Tab, Shift+Tab, Enter, Space, arrow keys, typing) ———

/** Opens a tab of the case file by Enter on its link; the tab's heading gets the focus. */
async function openTabByKeys(page: Page, name: string) {
  await tabToward(page, tabsNav(page).getByRole('link', { name, exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeFocused();
}

/** Takes a step of the lifecycle by keyboard: the button in "Nächster Schritt", the reason typed, the confirm button. */
async function transitionByKeys(page: Page, action: string, newStatus: string, reason?: string) {
  await tabToward(page, nextStep(page).getByRole('button', { name: action, exact: true }), { max: 80 });
  await page.keyboard.press('Enter');
  const form = page.getByRole('form', { name: action, exact: true });
  const reasonField = form.getByRole('textbox', { name: /^Begründung/ });
  await expect(reasonField).toBeFocused();
  if (reason) await page.keyboard.type(reason);
  await tabTo(page, form.getByRole('button', { name: `${action} bestätigen` }));
  await page.keyboard.press('Enter');
  await expectAnnounced(page, `Fallstatus geändert: ${newStatus}.`);
  await expect(page.getByText(`Fallstatus: ${newStatus}`, { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Nächster Schritt' })).toBeFocused();
}

/** Rates all eight life areas by keyboard in the Verlauf tab: each area a radio group, the step chosen with the arrow keys. */
async function rateByKeys(page: Page, scores: readonly number[], announcement: string) {
  await openTabByKeys(page, 'Verlauf');
  await tabTo(page, page.getByRole('button', { name: 'Einschätzung erfassen' }));
  await page.keyboard.press('Enter');
  const rating = page.getByRole('form', { name: 'Einschätzung erfassen' });
  await expect(rating.getByLabel('Anlass')).toBeFocused();
  await tabTo(page, rating.getByLabel('Gemeinsam mit der Person eingeschätzt'));
  await page.keyboard.press('Space');
  await expect(rating.getByLabel('Gemeinsam mit der Person eingeschätzt')).toBeChecked();
  for (const [i, area] of LIFE_AREAS.entries()) {
    const group = rating.getByRole('group', { name: area, exact: true });
    await tabTo(page, group.getByRole('radio', { name: '1', exact: true }));
    for (let step = 1; step < (scores[i] ?? 1); step++) await page.keyboard.press('ArrowRight');
    await expect(group.getByRole('radio', { name: String(scores[i]), exact: true })).toBeChecked();
    await expectVisibleFocus(page, `${area}: Stufe ${scores[i]}`);
  }
  await expect(rating.getByRole('group', { name: LIFE_AREAS[0], exact: true })).toContainText(`Stufe ${scores[0]}:`);
  await tabTo(page, rating.getByRole('button', { name: 'Einschätzung speichern' }));
  await page.keyboard.press('Enter');
  await expectAnnounced(page, announcement);
  await expect(page.getByRole('heading', { level: 3, name: 'Werte der Einschätzungen' })).toBeFocused();
}

// ——— API helpers (set-up only; the flows themselves go through the UI) ———

interface Session {
  request: APIRequestContext;
  token: string;
  close: () => Promise<void>;
}

/** A signed-in API session of its own (a separate browser context, so the page's session stays untouched). */
async function apiSession(browser: Browser, username: string): Promise<Session> {
  const context = await browser.newContext();
  const res = await context.request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(res.ok(), `Anmeldung ${username} über die API: HTTP ${res.status()}`).toBeTruthy();
  return { request: context.request, token: await csrfToken(context.request), close: () => context.close() };
}

async function apiCall<T>(s: Session, method: 'post' | 'patch' | 'put', url: string, data: unknown, ifMatch?: string): Promise<T> {
  const headers: Record<string, string> = { 'X-CSRF-Token': s.token };
  if (ifMatch) headers['If-Match'] = ifMatch;
  const res = await s.request[method](url, { data, headers });
  expect(res.ok(), `${method.toUpperCase()} ${url}: HTTP ${res.status()} ${await res.text()}`).toBeTruthy();
  return (await res.json()) as T;
}

interface NewPerson {
  id: string;
  firstName: string;
  lastName: string;
  customerNumber: string;
}

async function createPersonViaApi(s: Session, firstName: string): Promise<NewPerson> {
  return apiCall<NewPerson>(s, 'post', '/api/persons', {
    customerNumber: newCustomerNumber(),
    firstName,
    lastName: `Lotsentest-${suffix()}`,
    birthDate: '1981-05-17',
    sex: 'unspecified',
  });
}

async function caseEtag(s: Session, caseId: string): Promise<string> {
  const res = await s.request.get(`/api/cases/${caseId}`);
  expect(res.ok()).toBeTruthy();
  return res.headers().etag as string;
}

// ——————————————————————————————————————————————————————————————————————————————————————————————

test.describe('Fallakte', () => {
  // A missing element fails the step at once instead of waiting for the end of the (long) test.
  test.use({ actionTimeout: 15_000 });

  test('mit der Maus: von der Erstberatung über Assessment, Hilfeplan, Vereinbarung und Umsetzung bis zum Abschluss (mit axe)', async ({
    page,
    checkA11y,
  }) => {
    test.setTimeout(150_000);
    await login(page, 'fallmanagement');
    await expect(page.getByRole('heading', { level: 1, name: 'Meine Arbeit heute' })).toBeVisible();
    await checkA11y(page, 'Meine Arbeit heute');

    // A person of its own: Personen → Neue Person anlegen.
    const first = 'Mareike';
    const last = `Fallakte-${suffix()}`;
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Personen' }).click();
    await page.getByRole('button', { name: 'Neue Person anlegen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Neue Person anlegen' })).toBeVisible();
    await page.getByLabel('Kundennummer').fill(newCustomerNumber());
    await page.getByLabel('Vorname').fill(first);
    await page.getByLabel('Nachname').fill(last);
    await page.getByRole('textbox', { name: 'Geburtsdatum' }).fill('14.02.1979');
    await page.getByLabel('Geschlecht').selectOption({ label: 'weiblich' });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `${first} ${last}` })).toBeVisible();

    // Start the case on the person page (Erstberatung).
    const cases = page.getByRole('region', { name: 'Fallmanagement' });
    await expect(cases.getByText('Für diese Person gibt es noch keinen Fall im Fallmanagement.')).toBeVisible();
    await cases.getByRole('button', { name: 'Fallmanagement beginnen (Erstberatung)' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Fallakte: ${first} ${last}` })).toBeVisible();
    await expect(page.getByText('Der Fall wurde angelegt. Die Erstberatung beginnt.')).toBeVisible();
    await expect(page.getByText('Fallstatus: Erstberatung', { exact: true })).toBeVisible();
    const caseUrl = page.url();
    await checkA11y(page, 'Fallakte Überblick (Erstberatung)');

    // Priority and contact density (header): the default of the priority, then a density of its own.
    const facts = page.locator('.case-facts');
    await expect(facts).toContainText('alle 28 Tage (Standard für Priorität mittel)');
    await page.getByRole('button', { name: 'Priorität und Kontaktdichte ändern' }).click();
    const settings = page.getByRole('form', { name: 'Priorität und Kontaktdichte' });
    await expect(page.getByLabel('Priorität', { exact: true })).toBeFocused();
    await page.getByLabel('Priorität', { exact: true }).selectOption({ label: 'hoch' });
    await expect(settings.getByRole('radio', { name: 'Standard für die Priorität (bei Priorität hoch: alle 14 Tage)' })).toBeChecked();
    await checkA11y(page, 'Fallakte: Priorität und Kontaktdichte');
    await settings.getByRole('button', { name: 'Speichern' }).click();
    await expectAnnounced(page, 'Gespeichert: Priorität hoch, Kontaktdichte alle 14 Tage (Standard für Priorität hoch).');
    await expect(facts).toContainText('alle 14 Tage (Standard für Priorität hoch)');
    await page.getByRole('button', { name: 'Priorität und Kontaktdichte ändern' }).click();
    await settings.getByRole('radio', { name: 'Eigene Kontaktdichte für diesen Fall' }).check();
    const densityDays = settings.getByLabel('Tage zwischen zwei Kontakten');
    await densityDays.fill('0');
    await settings.getByRole('button', { name: 'Speichern' }).click();
    await expect(densityDays).toHaveAttribute('aria-invalid', 'true');
    await expect(densityDays).toHaveAccessibleDescription(/ganze Zahl von 1 bis 365/);
    await expect(densityDays).toBeFocused();
    await densityDays.fill('21');
    await settings.getByRole('button', { name: 'Speichern' }).click();
    await expectAnnounced(page, 'Gespeichert: Priorität hoch, Kontaktdichte alle 21 Tage (für diesen Fall festgelegt).');
    await expect(facts).toContainText('alle 21 Tage (für diesen Fall festgelegt)');
    await expect(page.getByRole('button', { name: 'Priorität und Kontaktdichte ändern' })).toBeFocused();

    // Erstberatung: willingness to cooperate, three barriers with indicators.
    const willingness = nextStep(page).getByRole('group', { name: 'Mitwirkungsbereitschaft' });
    await willingness.getByRole('radio', { name: 'ja' }).check();
    await nextStep(page).getByRole('button', { name: 'Mitwirkungsbereitschaft speichern' }).click();
    await expectAnnounced(page, 'Mitwirkungsbereitschaft gespeichert: ja.');

    await openTab(page, 'Assessment');
    const debts = await recordBarrier(page, 'Schulden oder Überschuldung', 'schwerwiegend', [
      { source: 'Zahlungsrückstände', note: 'Mietrückstand drei Monate' },
      { source: 'Eigene Angaben der Person' },
    ]);
    await expect(debts).toContainText('Zahlungsrückstände: Mietrückstand drei Monate');
    await expect(debts).toContainText('Eigene Angaben der Person');
    await recordBarrier(page, 'Keine abgeschlossene Berufsausbildung', 'mittel', [{ source: 'Unterlagen / Nachweise' }]);
    // The form keeps typed work across a tab switch (draft of the case file).
    await page.getByRole('button', { name: 'Handlungsbedarf erfassen' }).click();
    const barrierForm = page.getByRole('form', { name: 'Handlungsbedarf erfassen' });
    await barrierForm.getByLabel('Art des Handlungsbedarfs').selectOption({ label: 'Fehlende Kinderbetreuung' });
    await barrierForm.getByRole('group', { name: 'Schwere' }).getByRole('radio', { name: 'mittel', exact: true }).check();
    await barrierForm.getByLabel('Notiz (optional)').fill('Kita-Platz erst ab Sommer');
    await checkA11y(page, 'Assessment mit Formular Handlungsbedarf');
    await openTab(page, 'Historie');
    await checkA11y(page, 'Historie');
    await openTab(page, 'Assessment');
    await expect(barrierForm.getByText('Ihre Eingaben von vorhin sind wiederhergestellt.')).toBeVisible();
    await expect(barrierForm.getByLabel('Art des Handlungsbedarfs')).toHaveValue(/.+/);
    await expect(barrierForm.getByLabel('Notiz (optional)')).toHaveValue('Kita-Platz erst ab Sommer');
    await expect(barrierForm.getByRole('radio', { name: 'mittel', exact: true })).toBeChecked();
    await barrierForm.getByRole('button', { name: 'Indikator hinzufügen' }).click();
    await barrierForm.getByLabel('Quelle von Indikator 1').selectOption({ label: 'Beobachtung der Fachkraft' });
    await barrierForm.getByRole('button', { name: 'Handlungsbedarf speichern' }).click();
    await expectAnnounced(page, 'Handlungsbedarf „Fehlende Kinderbetreuung“ erfasst.');
    await expect(page.getByRole('heading', { level: 3, name: 'Handlungsbedarfe (3 aktiv)' })).toBeVisible();

    // The indication rule is met: "Fallmanagement aufnehmen" without a reason.
    await expect(nextStep(page)).toContainText('Indikationsregel: mindestens 3 Handlungsbedarfe und Mitwirkungsbereitschaft – erfüllt');
    await transition(page, 'Fallmanagement aufnehmen', 'Assessment');

    // Too early: "Assessment abschließen" lists what is missing and says so when pressed.
    const completeAssessment = nextStep(page).getByRole('button', { name: 'Assessment abschließen' });
    await expect(completeAssessment).toHaveAttribute('aria-disabled', 'true');
    await expect(completeAssessment).toHaveAccessibleDescription(/Es fehlt die Ersteinschätzung der Lebensbereiche/);
    await expect(nextStep(page)).toContainText('Die Reihenfolge der Bearbeitung der Handlungsbedarfe ist noch nicht festgelegt.');
    // aria-disabled (not disabled): the button stays focusable and says why; Playwright would wait for "enabled".
    await completeAssessment.click({ force: true });
    await expectAnnounced(page, /^Dieser Schritt ist noch nicht möglich\..*Ersteinschätzung/);
    await expect(page.getByRole('form', { name: 'Assessment abschließen' })).toHaveCount(0);

    // Order of treatment: the childcare first.
    const order = page.getByRole('region', { name: 'Reihenfolge der Bearbeitung' });
    const up = order.getByRole('button', { name: named('Nach oben', 'Fehlende Kinderbetreuung') });
    const down = order.getByRole('button', { name: named('Nach unten', 'Fehlende Kinderbetreuung') });
    // The list starts in the server's order: to the end first, then up to the top.
    for (let i = 0; i < 2 && (await down.isEnabled()); i++) await down.click();
    await expect(down).toBeDisabled();
    await up.click();
    await expectAnnounced(page, 'Fehlende Kinderbetreuung: jetzt Position 2 von 3.');
    await up.click();
    await expectAnnounced(page, 'Fehlende Kinderbetreuung: jetzt Position 1 von 3.');
    await expect(up).toBeDisabled();
    await expect(order.getByRole('listitem').first()).toContainText('Fehlende Kinderbetreuung');
    await order.getByRole('button', { name: 'Reihenfolge speichern' }).click();
    await expectAnnounced(page, 'Reihenfolge der Bearbeitung gespeichert.');
    const childcare = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { level: 5, name: 'Fehlende Kinderbetreuung', exact: true }) });
    await expect(childcare).toContainText('Reihenfolge: 1');
    await expect(completeAssessment).not.toHaveAccessibleDescription(/Reihenfolge/);

    // Baseline rating of all eight life areas.
    await rate(page, 'baseline', [3, 4, 8, 2, 3, 4, 5, 5], checkA11y);
    await expectAnnounced(page, 'Ersteinschätzung gespeichert.');
    await expect(page.getByRole('table', { name: /Einschätzungen je Lebensbereich/ })).toContainText('Finanzen und Schulden');
    await checkA11y(page, 'Verlauf mit Diagramm und Tabelle');
    await transition(page, 'Assessment abschließen', 'Hilfeplanung');

    // Hilfeplanung: too early for "Umsetzung beginnen".
    const startImplementation = nextStep(page).getByRole('button', { name: 'Umsetzung beginnen' });
    await expect(startImplementation).toHaveAccessibleDescription(/mindestens ein Ziel mit einem Teilziel/);
    await expect(startImplementation).toHaveAccessibleDescription(/Vereinbarung/);

    // Help plan: a goal addressing the debts, a sub-goal; then the goal is edited.
    await openTab(page, 'Hilfeplan');
    await page.getByRole('button', { name: 'Ziel hinzufügen' }).click();
    const goalForm = page.getByRole('form', { name: 'Ziel hinzufügen' });
    await goalForm.getByLabel('Ziel', { exact: true }).fill('Schulden regulieren');
    await goalForm.getByLabel('Beschreibung (optional)').fill('Mit der Schuldnerberatung einen Plan aufstellen.');
    await goalForm.getByRole('checkbox', { name: 'Schulden oder Überschuldung' }).check();
    await checkA11y(page, 'Hilfeplan mit Zielformular');
    await goalForm.getByRole('button', { name: 'Ziel speichern' }).click();
    await expectAnnounced(page, 'Ziel „Schulden regulieren“ hinzugefügt.');
    await page.getByRole('button', { name: named('Teilziel hinzufügen', 'Schulden regulieren') }).click();
    const subGoalForm = page.getByRole('form', { name: 'Teilziel zu „Schulden regulieren“ hinzufügen' });
    await subGoalForm.getByLabel('Teilziel', { exact: true }).fill('Termin bei der Schuldnerberatung');
    await subGoalForm.getByLabel('Verantwortlich', { exact: true }).selectOption({ label: 'Leistungsberechtigte Person' });
    await subGoalForm.getByLabel('Fällig am').fill(inDays(14));
    await subGoalForm.getByRole('button', { name: 'Teilziel speichern' }).click();
    await expectAnnounced(page, 'Teilziel „Termin bei der Schuldnerberatung“ hinzugefügt.');
    await expect(page.getByRole('table', { name: 'Teilziele von „Schulden regulieren“' })).toContainText(inDays(14));

    await page.getByRole('button', { name: named('Ziel bearbeiten', 'Schulden regulieren') }).click();
    const goalEdit = page.getByRole('form', { name: 'Ziel „Schulden regulieren“ bearbeiten' });
    await expect(goalEdit.getByLabel('Ziel', { exact: true })).toBeFocused();
    await expect(goalEdit.getByRole('radio', { name: 'aktiv' })).toBeChecked();
    await expect(goalEdit.getByRole('checkbox', { name: 'Schulden oder Überschuldung' })).toBeChecked();
    await goalEdit.getByLabel('Ziel', { exact: true }).fill('Schulden regulieren und Wohnung sichern');
    await goalEdit.getByRole('checkbox', { name: 'Fehlende Kinderbetreuung' }).check();
    await checkA11y(page, 'Hilfeplan: Ziel bearbeiten');
    await goalEdit.getByRole('button', { name: 'Speichern' }).click();
    await expectAnnounced(page, 'Ziel „Schulden regulieren und Wohnung sichern“ gespeichert.');
    const goal = page.getByRole('region', { name: 'Schulden regulieren und Wohnung sichern' });
    await expect(goal).toContainText('Bearbeitet die Handlungsbedarfe: Fehlende Kinderbetreuung, Schulden oder Überschuldung');
    await expect(goal.getByRole('button', { name: named('Ziel bearbeiten', 'Schulden regulieren und Wohnung sichern') })).toBeFocused();

    // Agreement: create it, download the PDF.
    await openTab(page, 'Vereinbarung');
    await page.getByRole('button', { name: 'Vereinbarung erstellen' }).click();
    const agreementForm = page.getByRole('form', { name: 'Vereinbarung erstellen' });
    await expect(agreementForm.getByText(/^Für das gewählte Datum gilt:/)).toBeVisible();
    await expect(agreementForm.getByRole('textbox', { name: 'Gültig bis' })).toHaveValue(/^\d{2}\.\d{2}\.\d{4}$/);
    await agreementForm.getByRole('button', { name: 'Pflicht hinzufügen' }).click();
    await agreementForm.getByLabel('Art der Pflicht 1').selectOption({ label: 'Beratungsangebot wahrnehmen' });
    await agreementForm.getByLabel('Pflicht 1', { exact: true }).fill('Termine der Schuldnerberatung wahrnehmen');
    await agreementForm.getByLabel('Ziel zu Pflicht 1').selectOption({ label: 'Schulden regulieren und Wohnung sichern' });
    await agreementForm.getByRole('button', { name: 'Leistung hinzufügen' }).click();
    await agreementForm.getByLabel('Leistung 1', { exact: true }).fill('Vermittlung an die Schuldnerberatung');
    await checkA11y(page, 'Vereinbarung mit Formular');
    await agreementForm.getByRole('button', { name: 'Vereinbarung speichern' }).click();
    await expectAnnounced(page, /\(Fassung 1\) gespeichert\.$/);
    await expect(page.getByRole('heading', { level: 3, name: /^Aktuelle Fassung: .* \(Fassung 1\)$/ })).toBeFocused();
    const versions = page.getByRole('region', { name: /^Alle Fassungen/ });
    await expect(versions.getByRole('listitem').filter({ hasText: 'Fassung 1:' })).toContainText('Erste Fassung.');

    const downloadPromise = page.waitForEvent('download');
    await versions.getByRole('link', { name: 'Fassung 1 als PDF herunterladen' }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const pdf = await readFile(await download.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    await transition(page, 'Umsetzung beginnen', 'Umsetzung');

    // Fortschreibung (still in the Vereinbarung tab): a second version, with what changed against the first.
    await page.getByRole('button', { name: 'Neue Fassung (Fortschreibung)' }).click();
    const newVersion = page.getByRole('form', { name: 'Neue Fassung (Fortschreibung)' });
    await expect(newVersion.getByLabel('Pflicht 1', { exact: true })).toHaveValue('Termine der Schuldnerberatung wahrnehmen');
    await newVersion.getByRole('button', { name: 'Pflicht hinzufügen' }).click();
    await newVersion.getByLabel('Art der Pflicht 2').selectOption({ label: 'Unterlagen vorlegen' });
    await newVersion.getByLabel('Pflicht 2', { exact: true }).fill('Kontoauszüge der letzten drei Monate vorlegen');
    await newVersion.getByRole('button', { name: 'Vereinbarung speichern' }).click();
    await expectAnnounced(page, /\(Fassung 2\) gespeichert\.$/);
    await expect(page.getByRole('heading', { level: 3, name: /^Aktuelle Fassung: .* \(Fassung 2\)$/ })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: 'Alle Fassungen (2)' })).toBeVisible();
    const second = versions.getByRole('listitem').filter({ hasText: 'Fassung 2:' });
    await expect(second.getByRole('listitem')).toHaveText([
      'Pflicht der Person neu: Unterlagen vorlegen: Kontoauszüge der letzten drei Monate vorlegen',
    ]);
    await expect(second.getByRole('link', { name: 'Fassung 2 als PDF herunterladen' })).toBeVisible();
    await checkA11y(page, 'Vereinbarung mit zwei Fassungen');

    // Umsetzung: a review rating, a contact (kept across a tab switch), a follow-up due today.
    await rate(page, 'review', [4, 4, 8, 4, 5, 6, 5, 6]);
    await expectAnnounced(page, 'Zwischeneinschätzung gespeichert.');
    await expect(
      page.getByRole('table', { name: /Einschätzungen je Lebensbereich/ }).getByRole('row', { name: /Finanzen und Schulden/ }),
    ).toContainText('+2');

    await openTab(page, 'Kontakte');
    await page.getByRole('button', { name: 'Kontakt erfassen' }).click();
    const contactForm = page.getByRole('form', { name: 'Kontakt erfassen' });
    await contactForm.getByLabel('Art').selectOption({ label: 'Telefonat' });
    await contactForm.getByLabel('Zusammenfassung').fill('Rückfrage zum Termin bei der Schuldnerberatung');
    await openTab(page, 'Überblick');
    await openTab(page, 'Kontakte');
    await expect(contactForm.getByLabel('Zusammenfassung')).toHaveValue('Rückfrage zum Termin bei der Schuldnerberatung');
    await expect(contactForm.getByLabel('Art')).toHaveValue('phone');
    await contactForm.getByLabel('Notiz (optional)').fill('Termin steht am Dienstag.');
    await checkA11y(page, 'Kontakte mit Kontaktformular');
    await contactForm.getByRole('button', { name: 'Kontakt speichern' }).click();
    await expectAnnounced(page, 'Kontakt erfasst.');
    await expect(page.getByRole('table', { name: 'Kontakte, neueste zuerst' }).getByRole('rowheader')).toHaveText([
      'Rückfrage zum Termin bei der Schuldnerberatung',
    ]);

    await page.getByRole('button', { name: 'Wiedervorlage anlegen' }).click();
    const followUpForm = page.getByRole('form', { name: 'Wiedervorlage anlegen' });
    await followUpForm.getByLabel('Wiedervorlage', { exact: true }).fill('Nachweis der Schuldnerberatung anfordern');
    await followUpForm.getByLabel('Fällig am').fill(inDays(0));
    await expect(followUpForm.getByLabel('Zuständig')).toHaveValue(/.+/);
    await checkA11y(page, 'Kontakte mit Wiedervorlageformular');
    await followUpForm.getByRole('button', { name: 'Wiedervorlage speichern' }).click();
    await expectAnnounced(page, 'Wiedervorlage „Nachweis der Schuldnerberatung anfordern“ angelegt.');
    await expect(
      page
        .getByRole('table', { name: 'Wiedervorlagen, früheste Fälligkeit zuerst' })
        .getByRole('row', { name: /Nachweis der Schuldnerberatung/ }),
    ).toContainText(`${inDays(0)}`);

    // The follow-up is due today: it is on "Meine Arbeit heute", with a link back into the case.
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Meine Arbeit' }).click();
    const due = page.getByRole('region', { name: /^Fällige Wiedervorlagen/ });
    const dueRow = due.getByRole('row').filter({ hasText: 'Nachweis der Schuldnerberatung anfordern' });
    await expect(dueRow).toContainText('heute fällig');
    await dueRow
      .getByRole('link', { name: new RegExp(`^${escapeRegExp(`${last}, ${first}`)} ?, Kontakte und Wiedervorlagen öffnen$`) })
      .click();
    await expect(page.getByRole('heading', { level: 2, name: 'Kontakte', exact: true })).toBeVisible();

    // Abschluss: a reason is required; then the closing rating and the closing record.
    await nextStep(page).getByRole('button', { name: 'Abschluss einleiten', exact: true }).click();
    const closingStart = page.getByRole('form', { name: 'Abschluss einleiten' });
    await closingStart.getByRole('button', { name: 'Abschluss einleiten bestätigen' }).click();
    const reason = closingStart.getByRole('textbox', { name: 'Begründung' });
    await expect(reason).toHaveAttribute('aria-invalid', 'true');
    await expect(reason).toBeFocused();
    await transition(page, 'Abschluss einleiten', 'Abschluss', 'Arbeitsvertrag ab dem Ersten des nächsten Monats.');

    const close = nextStep(page).getByRole('button', { name: 'Fall abschließen' });
    await expect(close).toHaveAccessibleDescription(/Es fehlt die Abschluss-Einschätzung der Lebensbereiche/);

    // While closing, the sub-goals are reviewed.
    await openTab(page, 'Hilfeplan');
    await page.getByRole('button', { name: named('Überprüfen', 'Termin bei der Schuldnerberatung') }).click();
    const review = page.getByRole('form', { name: 'Teilziel „Termin bei der Schuldnerberatung“ überprüfen' });
    await review.getByLabel('Status', { exact: true }).selectOption({ label: 'erreicht' });
    await review.getByLabel('Überprüfungsnotiz (optional)').fill('Beratung läuft, Ratenplan steht.');
    await review.getByRole('button', { name: 'Speichern' }).click();
    await expectAnnounced(page, 'Teilziel „Termin bei der Schuldnerberatung“ gespeichert.');
    await expect(
      page.getByRole('table', { name: /^Teilziele von/ }).getByRole('row', { name: /Termin bei der Schuldnerberatung/ }),
    ).toContainText('erreicht');
    await rate(page, 'closing', [7, 5, 8, 5, 6, 6, 6, 7]);
    await expectAnnounced(page, 'Abschlusseinschätzung gespeichert.');
    await expect(close).not.toHaveAttribute('aria-disabled', 'true');

    await close.click();
    const closeForm = page.getByRole('form', { name: 'Fall abschließen' });
    await closeForm.getByLabel('Ergebnis des Fallmanagements').selectOption({ label: 'Sozialversicherungspflichtige Beschäftigung' });
    await closeForm.getByLabel('Rückblickende Bewertung').fill('Schulden geregelt, Kinderbetreuung gefunden, Arbeit aufgenommen.');
    await closeForm.getByLabel('Vorausschauende Einschätzung').fill('Stabil; Nachbetreuung nicht nötig.');
    await closeForm.getByLabel('Mit der Person gemeinsam erarbeitet').check();
    await closeForm.getByRole('radio', { name: '4 – eher zufrieden' }).check();
    await checkA11y(page, 'Fall abschließen');
    await closeForm.getByRole('button', { name: 'Fall abschließen bestätigen' }).click();
    await expectAnnounced(page, 'Fallstatus geändert: Beendet.');
    await expect(page.getByText('Fallstatus: Beendet', { exact: true })).toBeVisible();
    await expect(nextStep(page).getByRole('button', { name: 'Fall wieder aufnehmen' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Priorität und Kontaktdichte ändern' })).toHaveCount(0);

    await openTab(page, 'Überblick');
    const closing = page.getByRole('region', { name: 'Abschluss' });
    await expect(closing).toContainText('Sozialversicherungspflichtige Beschäftigung');
    await expect(closing).toContainText('4 – eher zufrieden');
    await openTab(page, 'Historie');
    const history = page.getByRole('table', { name: 'Statusänderungen, neueste zuerst' });
    await expect(history.getByRole('rowheader')).toHaveText([
      'Fall abschließen',
      'Abschluss einleiten',
      'Umsetzung beginnen',
      'Assessment abschließen',
      'Fallmanagement aufnehmen',
      'Fall angelegt',
    ]);
    await expect(page).toHaveURL(`${caseUrl}/historie`);
  });

  test('nur mit der Tastatur: von der Erstberatung über Assessment, Hilfeplan, Vereinbarung (PDF) und Umsetzung bis zum Abschluss', async ({
    page,
    browser,
  }) => {
    test.setTimeout(150_000);
    const setup = await apiSession(browser, 'fallmanagement');
    const person = await createPersonViaApi(setup, 'Tilda');
    await setup.close();

    // Login by keyboard (as in keyboard.spec.ts), then the person page by address.
    await page.goto('/anmelden');
    await expect(page.getByRole('heading', { level: 1, name: 'Anmelden bei Lotse' })).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Benutzername')).toBeFocused();
    await page.keyboard.type('fallmanagement');
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Meine Arbeit heute' })).toBeFocused();
    await page.goto(`/personen/${person.id}`);
    await expect(page.getByRole('heading', { level: 1, name: `${person.firstName} ${person.lastName}` })).toBeVisible();

    // Start the case: Tab to the button, Enter; the case file's heading has the focus.
    await tabTo(page, page.getByRole('button', { name: 'Fallmanagement beginnen (Erstberatung)' }), { max: 60 });
    await page.keyboard.press('Enter');
    const caseHeading = page.getByRole('heading', { level: 1, name: `Fallakte: ${person.firstName} ${person.lastName}` });
    await expect(caseHeading).toBeFocused();

    // Willingness: into the radio group, arrow keys choose ("noch nicht geklärt" → "nein" → "ja").
    const willingness = nextStep(page).getByRole('group', { name: 'Mitwirkungsbereitschaft' });
    await tabTo(page, willingness.getByRole('radio', { name: 'noch nicht geklärt' }));
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(willingness.getByRole('radio', { name: 'ja' })).toBeChecked();
    await expectVisibleFocus(page, 'Mitwirkungsbereitschaft ja');
    await tabTo(page, nextStep(page).getByRole('button', { name: 'Mitwirkungsbereitschaft speichern' }));
    await page.keyboard.press('Enter');
    await expectAnnounced(page, 'Mitwirkungsbereitschaft gespeichert: ja.');

    // Assessment tab: Enter on the tab link moves the focus to the tab's heading.
    await tabTo(page, tabsNav(page).getByRole('link', { name: 'Assessment', exact: true }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: 'Assessment', exact: true })).toBeFocused();

    // A barrier: the form opens at its first field; a select by typing, the severity by arrow keys.
    await tabTo(page, page.getByRole('button', { name: 'Handlungsbedarf erfassen' }));
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: 'Handlungsbedarf erfassen' });
    const type = form.getByLabel('Art des Handlungsbedarfs');
    await expect(type).toBeFocused();
    await expect(type.locator('option', { hasText: 'Langzeitarbeitslosigkeit' })).toBeAttached();
    await page.keyboard.type('Langzeit');
    await expect(type.locator('option:checked')).toHaveText('Langzeitarbeitslosigkeit');
    const severity = form.getByRole('group', { name: 'Schwere' });
    await tabTo(page, severity.getByRole('radio', { name: 'gering' }));
    await page.keyboard.press('ArrowRight');
    await expect(severity.getByRole('radio', { name: 'mittel' })).toBeChecked();
    await tabTo(page, form.getByRole('button', { name: 'Indikator hinzufügen' }));
    await page.keyboard.press('Enter');
    await expect(form.getByLabel('Quelle von Indikator 1')).toBeFocused();
    await page.keyboard.type('Eigene');
    await expect(form.getByLabel('Quelle von Indikator 1').locator('option:checked')).toHaveText('Eigene Angaben der Person');
    await page.keyboard.press('Tab');
    await expect(form.getByLabel('Notiz zu Indikator 1 (optional)')).toBeFocused();
    await page.keyboard.type('Seit vier Jahren ohne Arbeit');
    await tabTo(page, form.getByRole('button', { name: 'Handlungsbedarf speichern' }));
    await page.keyboard.press('Enter');
    await expectAnnounced(page, 'Handlungsbedarf „Langzeitarbeitslosigkeit“ erfasst.');
    await expect(page.getByRole('heading', { level: 5, name: 'Langzeitarbeitslosigkeit' })).toBeFocused();

    // "Fallmanagement aufnehmen" against the rule (1 of 3 barriers): the reason is required.
    await tabTo(page, nextStep(page).getByRole('button', { name: 'Fallmanagement aufnehmen', exact: true }), { backwards: true, max: 60 });
    await page.keyboard.press('Enter');
    const indicate = page.getByRole('form', { name: 'Fallmanagement aufnehmen' });
    const reason = indicate.getByRole('textbox', { name: 'Begründung' });
    await expect(reason).toBeFocused();
    await tabTo(page, indicate.getByRole('button', { name: 'Fallmanagement aufnehmen bestätigen' }));
    await page.keyboard.press('Enter');
    await expect(reason).toHaveAttribute('aria-invalid', 'true');
    await expect(reason).toBeFocused();
    await expectVisibleFocus(page, 'Begründung mit Fehler');
    await retype(page, 'Langzeitarbeitslosigkeit mit hohem Unterstützungsbedarf; weitere Bedarfe folgen im Assessment.');
    await tabTo(page, indicate.getByRole('button', { name: 'Fallmanagement aufnehmen bestätigen' }));
    await page.keyboard.press('Space');
    await expectAnnounced(page, 'Fallstatus geändert: Assessment.');
    await expect(page.getByRole('heading', { level: 2, name: 'Nächster Schritt' })).toBeFocused();

    // Baseline rating: every life area a radio group, the step chosen with the arrow keys.
    await rateByKeys(page, [2, 5, 9, 3, 4, 6, 5, 4], 'Ersteinschätzung gespeichert.');
    const table = page.getByRole('table', { name: /Einschätzungen je Lebensbereich/ });
    await expect(table.getByRole('row', { name: /Sucht/ })).toContainText('9');

    // A second barrier, then the order of treatment with the buttons "Nach oben" / "Nach unten".
    await openTabByKeys(page, 'Assessment');
    await tabTo(page, page.getByRole('button', { name: 'Handlungsbedarf erfassen' }));
    await page.keyboard.press('Enter');
    await expect(type).toBeFocused();
    await page.keyboard.type('Schulden');
    await expect(type.locator('option:checked')).toHaveText('Schulden oder Überschuldung');
    await tabTo(page, severity.getByRole('radio', { name: 'gering' }));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(severity.getByRole('radio', { name: 'schwerwiegend' })).toBeChecked();
    await tabTo(page, form.getByRole('button', { name: 'Indikator hinzufügen' }));
    await page.keyboard.press('Enter');
    await expect(form.getByLabel('Quelle von Indikator 1')).toBeFocused();
    await page.keyboard.type('Zahlung');
    await expect(form.getByLabel('Quelle von Indikator 1').locator('option:checked')).toHaveText('Zahlungsrückstände');
    await tabTo(page, form.getByRole('button', { name: 'Handlungsbedarf speichern' }));
    await page.keyboard.press('Enter');
    await expectAnnounced(page, 'Handlungsbedarf „Schulden oder Überschuldung“ erfasst.');
    await expect(page.getByRole('heading', { level: 5, name: 'Schulden oder Überschuldung' })).toBeFocused();

    const order = page.getByRole('region', { name: 'Reihenfolge der Bearbeitung' });
    const orderItems = order.getByRole('listitem');
    await expect(orderItems).toHaveCount(2);
    // Both were recorded today, so the list starts in no fixed order: the second one is moved up, down and up again.
    const moved = ((await orderItems.nth(1).textContent()) ?? '').includes('Langzeitarbeitslosigkeit')
      ? 'Langzeitarbeitslosigkeit'
      : 'Schulden oder Überschuldung';
    const up = order.getByRole('button', { name: named('Nach oben', moved) });
    const down = order.getByRole('button', { name: named('Nach unten', moved) });
    await tabToward(page, up);
    await page.keyboard.press('Enter');
    await expectAnnounced(page, `${moved}: jetzt Position 1 von 2.`);
    // At the top "Nach oben" is disabled: the focus stays on the barrier, on its other button.
    await expect(up).toBeDisabled();
    await expect(down).toBeFocused();
    await expectVisibleFocus(page, 'Nach unten nach dem Verschieben');
    await page.keyboard.press('Enter');
    await expectAnnounced(page, `${moved}: jetzt Position 2 von 2.`);
    await expect(up).toBeFocused();
    await expect(orderItems.nth(1)).toContainText(moved);
    await page.keyboard.press('Enter');
    await expect(down).toBeFocused();
    await expect(orderItems.first()).toContainText(moved);
    await tabTo(page, order.getByRole('button', { name: 'Reihenfolge speichern' }));
    await page.keyboard.press('Enter');
    await expectAnnounced(page, 'Reihenfolge der Bearbeitung gespeichert.');
    await expect(
      page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 5, name: moved, exact: true }) }),
    ).toContainText('Reihenfolge: 1');

    await transitionByKeys(page, 'Assessment abschließen', 'Hilfeplanung');

    // Help plan: a goal addressing the debts (checkbox by Space), a sub-goal with owner and due date.
    await openTabByKeys(page, 'Hilfeplan');
    await tabTo(page, page.getByRole('button', { name: 'Ziel hinzufügen' }));
    await page.keyboard.press('Enter');
    const goalForm = page.getByRole('form', { name: 'Ziel hinzufügen' });
    await expect(goalForm.getByLabel('Ziel', { exact: true })).toBeFocused();
    await page.keyboard.type('Schulden regulieren');
    await tabTo(page, goalForm.getByLabel('Beschreibung (optional)'));
    await page.keyboard.type('Mit der Schuldnerberatung einen Plan aufstellen.');
    const debtsBox = goalForm.getByRole('checkbox', { name: 'Schulden oder Überschuldung' });
    await tabTo(page, debtsBox);
    await page.keyboard.press('Space');
    await expect(debtsBox).toBeChecked();
    await tabTo(page, goalForm.getByRole('button', { name: 'Ziel speichern' }));
    await page.keyboard.press('Enter');
    await expectAnnounced(page, 'Ziel „Schulden regulieren“ hinzugefügt.');
    await expect(page.getByRole('heading', { name: 'Schulden regulieren', exact: true })).toBeFocused();
    await tabTo(page, page.getByRole('button', { name: named('Teilziel hinzufügen', 'Schulden regulieren') }));
    await page.keyboard.press('Enter');
    const subGoalForm = page.getByRole('form', { name: 'Teilziel zu „Schulden regulieren“ hinzufügen' });
    await expect(subGoalForm.getByLabel('Teilziel', { exact: true })).toBeFocused();
    await page.keyboard.type('Termin bei der Schuldnerberatung');
    const owner = subGoalForm.getByLabel('Verantwortlich', { exact: true });
    await tabTo(page, owner);
    await page.keyboard.type('Leistungs');
    await expect(owner.locator('option:checked')).toHaveText('Leistungsberechtigte Person');
    await tabTo(page, subGoalForm.getByLabel('Fällig am'));
    await page.keyboard.type(inDays(14));
    await tabTo(page, subGoalForm.getByRole('button', { name: 'Teilziel speichern' }));
    await page.keyboard.press('Enter');
    await expectAnnounced(page, 'Teilziel „Termin bei der Schuldnerberatung“ hinzugefügt.');
    await expect(page.getByRole('table', { name: 'Teilziele von „Schulden regulieren“' })).toContainText(inDays(14));

    // Agreement: a duty and a commitment, saved; the PDF by Enter on its link.
    await openTabByKeys(page, 'Vereinbarung');
    await tabTo(page, page.getByRole('button', { name: 'Vereinbarung erstellen' }));
    await page.keyboard.press('Enter');
    const agreementForm = page.getByRole('form', { name: 'Vereinbarung erstellen' });
    await expect(agreementForm.getByText(/^Für das gewählte Datum gilt:/)).toBeVisible();
    await expect(agreementForm.getByRole('textbox', { name: 'Gültig bis' })).toHaveValue(/^\d{2}\.\d{2}\.\d{4}$/);
    await tabTo(page, agreementForm.getByRole('button', { name: 'Pflicht hinzufügen' }));
    await page.keyboard.press('Enter');
    const dutyKind = agreementForm.getByLabel('Art der Pflicht 1');
    await expect(dutyKind).toBeFocused();
    await page.keyboard.type('Beratungs');
    await expect(dutyKind.locator('option:checked')).toHaveText('Beratungsangebot wahrnehmen');
    await tabTo(page, agreementForm.getByLabel('Pflicht 1', { exact: true }));
    await page.keyboard.type('Termine der Schuldnerberatung wahrnehmen');
    const dutyGoal = agreementForm.getByLabel('Ziel zu Pflicht 1');
    await tabTo(page, dutyGoal);
    await page.keyboard.type('Schulden');
    await expect(dutyGoal.locator('option:checked')).toHaveText('Schulden regulieren');
    await tabTo(page, agreementForm.getByRole('button', { name: 'Leistung hinzufügen' }));
    await page.keyboard.press('Enter');
    await expect(agreementForm.getByLabel('Leistung 1', { exact: true })).toBeFocused();
    await page.keyboard.type('Vermittlung an die Schuldnerberatung');
    await tabTo(page, agreementForm.getByRole('button', { name: 'Vereinbarung speichern' }));
    await page.keyboard.press('Enter');
    await expectAnnounced(page, /\(Fassung 1\) gespeichert\.$/);
    await expect(page.getByRole('heading', { level: 3, name: /^Aktuelle Fassung: .* \(Fassung 1\)$/ })).toBeFocused();
    const pdfLink = page.getByRole('region', { name: /^Alle Fassungen/ }).getByRole('link', { name: 'Fassung 1 als PDF herunterladen' });
    await tabTo(page, pdfLink);
    const downloadPromise = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const pdf = await readFile(await download.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    await transitionByKeys(page, 'Umsetzung beginnen', 'Umsetzung');

    // Umsetzung: a review rating, a contact, a follow-up.
    await rateByKeys(page, [3, 5, 8, 5, 4, 6, 5, 5], 'Zwischeneinschätzung gespeichert.');
    await expect(table.getByRole('row', { name: /Finanzen und Schulden/ })).toContainText('+2');

    await openTabByKeys(page, 'Kontakte');
    await tabTo(page, page.getByRole('button', { name: 'Kontakt erfassen' }));
    await page.keyboard.press('Enter');
    const contactForm = page.getByRole('form', { name: 'Kontakt erfassen' });
    const contactKind = contactForm.getByLabel('Art', { exact: true });
    await expect(contactKind).toBeFocused();
    await page.keyboard.type('Telefon');
    await expect(contactKind).toHaveValue('phone');
    await tabTo(page, contactForm.getByLabel('Zusammenfassung'));
    await page.keyboard.type('Rückfrage zum Termin bei der Schuldnerberatung');
    await tabTo(page, contactForm.getByRole('button', { name: 'Kontakt speichern' }));
    await page.keyboard.press('Enter');
    await expectAnnounced(page, 'Kontakt erfasst.');
    await expect(page.getByRole('table', { name: 'Kontakte, neueste zuerst' }).getByRole('rowheader')).toHaveText([
      'Rückfrage zum Termin bei der Schuldnerberatung',
    ]);

    await tabTo(page, page.getByRole('button', { name: 'Wiedervorlage anlegen' }));
    await page.keyboard.press('Enter');
    const followUpForm = page.getByRole('form', { name: 'Wiedervorlage anlegen' });
    await expect(followUpForm.getByLabel('Wiedervorlage', { exact: true })).toBeFocused();
    await page.keyboard.type('Nachweis der Schuldnerberatung anfordern');
    await tabTo(page, followUpForm.getByLabel('Fällig am'));
    await page.keyboard.type(inDays(7));
    await tabTo(page, followUpForm.getByRole('button', { name: 'Wiedervorlage speichern' }));
    await page.keyboard.press('Enter');
    await expectAnnounced(page, 'Wiedervorlage „Nachweis der Schuldnerberatung anfordern“ angelegt.');
    await expect(
      page
        .getByRole('table', { name: 'Wiedervorlagen, früheste Fälligkeit zuerst' })
        .getByRole('row', { name: /Nachweis der Schuldnerberatung/ }),
    ).toContainText(inDays(7));

    // Abschluss: with a reason, the closing rating, then the closing record.
    await transitionByKeys(page, 'Abschluss einleiten', 'Abschluss', 'Arbeitsvertrag ab dem Ersten des nächsten Monats.');
    await rateByKeys(page, [7, 5, 8, 6, 6, 6, 6, 7], 'Abschlusseinschätzung gespeichert.');

    const close = nextStep(page).getByRole('button', { name: 'Fall abschließen' });
    await expect(close).not.toHaveAttribute('aria-disabled', 'true');
    await tabToward(page, close, { max: 80 });
    await page.keyboard.press('Enter');
    const closeForm = page.getByRole('form', { name: 'Fall abschließen' });
    const outcome = closeForm.getByLabel('Ergebnis des Fallmanagements');
    await expect(outcome).toBeFocused();
    await page.keyboard.type('Sozialv');
    await expect(outcome.locator('option:checked')).toHaveText('Sozialversicherungspflichtige Beschäftigung');
    await tabTo(page, closeForm.getByLabel('Rückblickende Bewertung'));
    await page.keyboard.type('Schulden geregelt, Arbeit aufgenommen.');
    await tabTo(page, closeForm.getByLabel('Vorausschauende Einschätzung'));
    await page.keyboard.type('Stabil; Nachbetreuung nicht nötig.');
    const participated = closeForm.getByLabel('Mit der Person gemeinsam erarbeitet');
    await tabTo(page, participated);
    await page.keyboard.press('Space');
    await expect(participated).toBeChecked();
    // Satisfaction: the group starts at "keine Angabe"; the arrow keys go up to 5, then 4.
    await tabTo(page, closeForm.getByRole('radio', { name: 'keine Angabe' }));
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(closeForm.getByRole('radio', { name: '4 – eher zufrieden' })).toBeChecked();
    await expectVisibleFocus(page, 'Zufriedenheit 4');
    await tabTo(page, closeForm.getByRole('button', { name: 'Fall abschließen bestätigen' }));
    await page.keyboard.press('Enter');
    await expectAnnounced(page, 'Fallstatus geändert: Beendet.');
    await expect(page.getByText('Fallstatus: Beendet', { exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Nächster Schritt' })).toBeFocused();

    await openTabByKeys(page, 'Historie');
    await expect(page.getByRole('table', { name: 'Statusänderungen, neueste zuerst' }).getByRole('rowheader')).toHaveText([
      'Fall abschließen',
      'Abschluss einleiten',
      'Umsetzung beginnen',
      'Assessment abschließen',
      'Fallmanagement aufnehmen',
      'Fall angelegt',
    ]);
  });

  test('Teamleitung ändert die Zuständigkeit; ein Konflikt bei der Priorität behält die Eingabe', async ({ page, browser, checkA11y }) => {
    test.setTimeout(60_000);
    const setup = await apiSession(browser, 'fallmanagement');
    const person = await createPersonViaApi(setup, 'Ole');
    const created = await apiCall<{ id: string }>(setup, 'post', '/api/cases', { personId: person.id, priority: 'medium' });
    const caseUrl = `/faelle/${created.id}`;

    // The responsible case manager changes the priority while someone else changes the case.
    await login(page, 'fallmanagement');
    await page.goto(caseUrl);
    await expect(page.getByRole('heading', { level: 1, name: `Fallakte: ${person.firstName} ${person.lastName}` })).toBeVisible();
    await page.getByRole('button', { name: 'Priorität und Kontaktdichte ändern' }).click();
    const settings = page.getByRole('form', { name: 'Priorität und Kontaktdichte' });
    await settings.getByLabel('Priorität', { exact: true }).selectOption({ label: 'niedrig' });
    await apiCall(setup, 'patch', `/api/cases/${created.id}`, { willingToCooperate: true }, await caseEtag(setup, created.id));
    await settings.getByRole('button', { name: 'Speichern' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Jemand anderes hat die Fallakte inzwischen geändert' });
    await expect(conflict).toBeVisible();
    await expect(settings.getByLabel('Priorität', { exact: true })).toHaveValue('low');
    // The other change is loaded meanwhile.
    await expect(nextStep(page)).toContainText('Mitwirkungsbereitschaft: ja');
    await conflict.getByRole('button', { name: 'Weiter bearbeiten' }).click();
    await expect(conflict).toBeHidden();
    await settings.getByRole('button', { name: 'Speichern' }).click();
    await expectAnnounced(page, 'Gespeichert: Priorität niedrig, Kontaktdichte alle 56 Tage (Standard für Priorität niedrig).');
    await setup.close();

    // The team lead: no priority form, but "Zuständigkeit ändern".
    const lead = await browser.newContext();
    try {
      const leadPage = await lead.newPage();
      await login(leadPage, 'teamleitung');
      await leadPage.goto(caseUrl);
      await expect(leadPage.getByRole('heading', { level: 1, name: `Fallakte: ${person.firstName} ${person.lastName}` })).toBeVisible();
      await expect(leadPage.getByRole('button', { name: 'Priorität und Kontaktdichte ändern' })).toHaveCount(0);
      await leadPage.getByRole('button', { name: 'Zuständigkeit ändern' }).click();
      const reassign = leadPage.getByRole('form', { name: 'Zuständigkeit ändern' });
      const manager = reassign.getByLabel('Neue zuständige Fachkraft');
      await expect(manager).toBeFocused();
      await expect(manager.locator('option', { hasText: 'Fallmanager/in Jonas Weber' })).toBeAttached();
      await checkA11y(leadPage, 'Fallakte: Zuständigkeit ändern (Teamleitung)');

      // The list holds placement officers too; the server accepts case managers only: an error at the field.
      await manager.selectOption({ label: 'Integrationsfachkraft Deniz Kaya' });
      await reassign.getByRole('button', { name: 'Zuständigkeit übertragen' }).click();
      await expect(manager).toHaveAttribute('aria-invalid', 'true');
      await expect(manager).toHaveAccessibleDescription(/Zuständig kann nur eine aktive Fachkraft im Fallmanagement sein/);
      await expect(manager).toBeFocused();
      await checkA11y(leadPage, 'Fallakte: Zuständigkeit ändern mit Fehler');

      await manager.selectOption({ label: 'Fallmanager/in Jonas Weber' });
      await reassign.getByRole('button', { name: 'Zuständigkeit übertragen' }).click();
      await expectAnnounced(leadPage, 'Zuständigkeit geändert: Fallmanager/in Jonas Weber ist jetzt zuständig.');
      await expect(leadPage.locator('.case-facts')).toContainText('Fallmanager/in Jonas Weber');
      await expect(leadPage.getByRole('button', { name: 'Zuständigkeit ändern' })).toBeFocused();
    } finally {
      await lead.close();
    }

    // The former case manager now only reads the case file.
    await page.reload();
    await expect(nextStep(page)).toContainText('Nur die zuständige Fachkraft (Fallmanager/in Jonas Weber) kann den Fall weiterführen');
    await expect(page.getByRole('button', { name: 'Priorität und Kontaktdichte ändern' })).toHaveCount(0);
  });

  test('axe: Fallliste, Fallakte mit allen Reitern und Formularen, Konflikt beim Ziel, Verwaltung von Katalog und Fallregeln', async ({
    page,
    browser,
    checkA11y,
  }) => {
    test.setTimeout(90_000);
    // A case with something in every tab, set up through the API.
    const setup = await apiSession(browser, 'fallmanagement');
    const person = await createPersonViaApi(setup, 'Ada');
    const created = await apiCall<{ id: string }>(setup, 'post', '/api/cases', { personId: person.id, priority: 'low' });
    const typesRes = await setup.request.get('/api/barrier-types');
    const types = ((await typesRes.json()) as { items: { id: string; code: string; label: string; active: boolean }[] }).items;
    const base = `/api/cases/${created.id}`;
    const barrierIds: string[] = [];
    for (const label of [
      'Wohnungsprobleme oder drohender Wohnungsverlust',
      'Psychische Erkrankung oder Belastung',
      'Lücken im Lebenslauf',
    ]) {
      const type = types.find((bt) => bt.label === label);
      expect(type, `Katalogeintrag ${label}`).toBeTruthy();
      const barrier = await apiCall<{ id: string }>(setup, 'post', `${base}/barriers`, {
        barrierTypeId: type?.id,
        severity: 'medium',
        recordedOn: isoInDays(0),
        indicators: [{ source: 'own_statement', note: null }],
      });
      barrierIds.push(barrier.id);
    }
    await apiCall(setup, 'patch', base, { willingToCooperate: true }, await caseEtag(setup, created.id));
    await apiCall(setup, 'post', `${base}/transitions`, { action: 'indicate' }, await caseEtag(setup, created.id));
    await apiCall(setup, 'put', `${base}/barrier-order`, { barrierIds }, await caseEtag(setup, created.id));
    await apiCall(setup, 'post', `${base}/ratings`, {
      occasion: 'baseline',
      ratedOn: isoInDays(0),
      withPerson: true,
      scores: [
        'work_qualification',
        'health',
        'addiction',
        'finances_debt',
        'housing',
        'family_care',
        'social_participation',
        'motivation_daily_life',
      ].map((area, i) => ({ area, score: 3 + (i % 4), comment: i === 4 ? 'Räumungsklage droht' : null })),
    });
    await apiCall(setup, 'post', `${base}/transitions`, { action: 'complete_assessment' }, await caseEtag(setup, created.id));
    const goal = await apiCall<{ id: string }>(setup, 'post', `${base}/goals`, { title: 'Wohnung sichern', barrierIds: [barrierIds[0]] });
    await apiCall(setup, 'post', `${base}/goals/${goal.id}/subgoals`, {
      title: 'Antrag auf Mietschuldenübernahme',
      ownerKind: 'person',
      dueOn: isoInDays(-3),
    });
    await apiCall(setup, 'post', `${base}/contacts`, { kind: 'home_visit', occurredOn: isoInDays(0), summary: 'Hausbesuch', note: null });
    await apiCall(setup, 'post', `${base}/follow-ups`, { title: 'Rückruf Vermieter', dueOn: isoInDays(-1) });

    await login(page, 'fallmanagement');
    await expect(page.getByRole('region', { name: /^Überfällige Wiedervorlagen/ })).toContainText('Rückruf Vermieter');
    await checkA11y(page, 'Meine Arbeit heute mit Einträgen');
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Fälle' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Fälle' })).toBeVisible();
    await expect(page.getByRole('link', { name: new RegExp(person.lastName) })).toBeVisible();
    await checkA11y(page, 'Fallliste');
    await page.getByRole('link', { name: new RegExp(person.lastName) }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Fallakte: ${person.firstName} ${person.lastName}` })).toBeVisible();
    await expect(page.getByText('Fallstatus: Hilfeplanung', { exact: true })).toBeVisible();
    await checkA11y(page, 'Fallakte Überblick (Hilfeplanung)');

    for (const [tab, ready] of [
      ['Assessment', 'Handlungsbedarfe (3 aktiv)'],
      ['Hilfeplan', 'Wohnung sichern'],
      ['Vereinbarung', 'Alle Fassungen (0)'],
      ['Verlauf', 'Werte der Einschätzungen'],
      ['Kontakte', 'Kontaktverlauf (1)'],
      ['Historie', 'Historie'],
    ] as const) {
      await openTab(page, tab);
      await expect(page.getByRole('heading', { name: ready, exact: true })).toBeVisible();
      await checkA11y(page, `Fallakte ${tab}`);
    }

    // Forms that the mouse test does not check: a barrier's edit form, the sub-goal review, the resource form.
    await openTab(page, 'Assessment');
    await page.getByRole('button', { name: named('Bearbeiten', 'Lücken im Lebenslauf') }).click();
    await expect(page.getByRole('form', { name: 'Handlungsbedarf „Lücken im Lebenslauf“ bearbeiten' })).toBeVisible();
    await page.getByRole('button', { name: 'Ressource erfassen' }).click();
    await page.getByRole('button', { name: 'Ressource speichern' }).click();
    await expect(page.getByLabel('Bereich', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await checkA11y(page, 'Assessment mit Bearbeitungs- und Ressourcenformular');
    await openTab(page, 'Hilfeplan');
    await page.getByRole('button', { name: named('Überprüfen', 'Antrag auf Mietschuldenübernahme') }).click();
    await expect(page.getByLabel('Status', { exact: true })).toBeFocused();
    await checkA11y(page, 'Hilfeplan mit Überprüfung eines Teilziels');

    // Someone else changes the goal while it is edited (If-Match of the goal): the typed input stays,
    // the untouched title takes the other change, and "Weiter bearbeiten" saves on top of it.
    await page.getByRole('button', { name: named('Ziel bearbeiten', 'Wohnung sichern') }).click();
    const goalEdit = page.getByRole('form', { name: /^Ziel „Wohnung (dauerhaft )?sichern“ bearbeiten$/ });
    await goalEdit.getByLabel('Beschreibung (optional)').fill('Gemeinsam mit Vermieter und Sozialamt');
    await goalEdit.getByRole('radio', { name: 'erreicht' }).check();
    await apiCall(setup, 'patch', `${base}/goals/${goal.id}`, { title: 'Wohnung dauerhaft sichern' }, '"1"');
    await setup.close();
    await goalEdit.getByRole('button', { name: 'Speichern' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Jemand anderes hat diesen Eintrag inzwischen geändert' });
    await expect(conflict).toBeVisible();
    await expect(goalEdit.getByLabel('Ziel', { exact: true })).toHaveValue('Wohnung dauerhaft sichern');
    await expect(goalEdit.getByLabel('Beschreibung (optional)')).toHaveValue('Gemeinsam mit Vermieter und Sozialamt');
    await expect(goalEdit.getByRole('radio', { name: 'erreicht' })).toBeChecked();
    await checkA11y(page, 'Hilfeplan: Konflikt beim Bearbeiten eines Ziels');
    await conflict.getByRole('button', { name: 'Weiter bearbeiten' }).click();
    await expect(conflict).toBeHidden();
    await goalEdit.getByRole('button', { name: 'Speichern' }).click();
    await expectAnnounced(page, 'Ziel „Wohnung dauerhaft sichern“ gespeichert.');
    const savedGoal = page.getByRole('region', { name: 'Wohnung dauerhaft sichern' });
    await expect(savedGoal).toContainText('Ziel: erreicht');
    await expect(savedGoal).toContainText('Gemeinsam mit Vermieter und Sozialamt');

    // Administration (admin): catalogue, new catalogue entry, case rules.
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await login(page, 'admin');
    await page.goto('/verwaltung/katalog');
    await expect(page.getByRole('heading', { level: 1, name: 'Katalog der Handlungsbedarfe' })).toBeVisible();
    await expect(page.getByText('Schulden oder Überschuldung').first()).toBeVisible();
    await checkA11y(page, 'Verwaltung: Katalog');
    await page.getByRole('button', { name: 'Neuen Handlungsbedarf anlegen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Neuen Handlungsbedarf anlegen' })).toBeVisible();
    await checkA11y(page, 'Verwaltung: Katalog, neuer Eintrag');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Eingaben' })).toBeVisible();
    await checkA11y(page, 'Verwaltung: Katalog, neuer Eintrag mit Fehlern');
    await page.goto('/verwaltung/fallregeln');
    await expect(page.getByRole('heading', { level: 1, name: 'Fallregeln' })).toBeVisible();
    await expect(page.getByLabel('Mindestanzahl Handlungsbedarfe')).toBeVisible();
    await checkA11y(page, 'Verwaltung: Fallregeln');
  });
});
