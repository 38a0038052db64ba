import type { Page } from '@playwright/test';
import { csrfToken, expect, login, test } from '../fixtures';
import { retype, tabTo } from '../keyboard';

/**
 * Leistungsminderungen (SPEC C16): the responsible case manager documents a duty, records its breach,
 * sends the hearing (letter as PDF, deadline shown), records the answer and decides; the decision goes
 * to benefits processing. Refusals (no notice of legal consequences, a conflict) keep what was typed.
 * The administrator sees and edits the rule table. Every state passes axe; the steps work by keyboard.
 * The case is one of its own (a new person, opened here), so the demo data's cases do not matter.
 */

const germanDate = (date: Date) =>
  new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' }).format(date);
const inDays = (days: number) => germanDate(new Date(Date.now() + days * 86_400_000));
/** Today in Germany as yyyy-mm-dd (the server's day). */
const isoToday = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date());

let counter = 0;
const suffix = () => (Date.now() + counter++).toString(36).slice(-5);
/** A customer number in a block the demo generator does not use. */
const newCustomerNumber = () => `97${Math.floor(Math.random() * 10)}D${String(Date.now() + counter++).slice(-6)}`;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The name of a button like "Entscheiden: <sanction>" (the browser may put a space before the hidden colon). */
const named = (action: string, label: string) => new RegExp(`^${escapeRegExp(action)} ?: ${escapeRegExp(label)}$`);

const expectAnnounced = (page: Page, text: string | RegExp) => expect(page.getByRole('status').getByText(text)).toBeVisible();

/** A person and an open case of the logged-in case manager, through the API of the page's session. */
async function newCase(page: Page): Promise<{ caseId: string }> {
  const token = await csrfToken(page.request);
  const person = await page.request.post('/api/persons', {
    data: {
      customerNumber: newCustomerNumber(),
      firstName: 'Sina',
      lastName: `Minderung-${suffix()}`,
      birthDate: '1986-05-14',
      sex: 'female',
    },
    headers: { 'X-CSRF-Token': token },
  });
  expect(person.ok(), `POST /api/persons: HTTP ${person.status()} ${await person.text()}`).toBeTruthy();
  const created = await page.request.post('/api/cases', {
    data: { personId: ((await person.json()) as { id: string }).id },
    headers: { 'X-CSRF-Token': token },
  });
  expect(created.ok(), `POST /api/cases: HTTP ${created.status()} ${await created.text()}`).toBeTruthy();
  return { caseId: ((await created.json()) as { id: string }).id };
}

test.describe('Leistungsminderungen', () => {
  test.use({ actionTimeout: 15_000 });

  test('eine Fallmanagerin führt eine Leistungsminderung von der Pflichtverletzung bis zur Entscheidung – mit axe und Tastatur', async ({
    page,
    checkA11y,
  }) => {
    test.setTimeout(150_000);
    await login(page, 'fallmanagement');
    const { caseId } = await newCase(page);
    await page.goto(`/faelle/${caseId}`);
    await page.getByRole('navigation', { name: 'Bereiche der Fallakte' }).getByRole('link', { name: 'Leistungsminderungen' }).click();
    await expect(page).toHaveURL(new RegExp(`/faelle/${caseId}/leistungsminderungen$`));
    await expect(page.getByRole('heading', { level: 2, name: 'Leistungsminderungen', exact: true })).toBeFocused();
    await expect(page.getByText('Für diesen Fall ist noch keine Pflicht dokumentiert.')).toBeVisible();
    await checkA11y(page, 'Leistungsminderungen leer');

    // ——— a duty without notice of the legal consequences: its breach is refused, the typed text stays ———
    await page.getByRole('button', { name: 'Pflicht dokumentieren' }).click();
    let dutyForm = page.getByRole('form', { name: 'Pflicht dokumentieren' });
    await expect(dutyForm.getByRole('radio', { name: 'Eingliederungsvereinbarung' })).toBeFocused();
    await dutyForm.getByRole('radio', { name: 'Aufforderung zur Mitwirkung mit Rechtsfolgenbelehrung' }).check();
    await dutyForm.getByRole('textbox', { name: 'Pflicht' }).fill('Bewerbung auf zwei benannte Stellen (mündlich vereinbart)');
    await dutyForm.getByRole('checkbox', { name: 'Die Person wurde schriftlich über die Rechtsfolgen belehrt' }).uncheck();
    await dutyForm.getByRole('button', { name: 'Pflicht speichern' }).click();
    await expectAnnounced(page, 'Pflicht dokumentiert.');
    await expect(page.getByRole('cell', { name: 'Nein – nicht sanktionsfähig' })).toBeVisible();

    await page.getByRole('button', { name: 'Pflichtverletzung erfassen' }).click();
    let breachForm = page.getByRole('form', { name: 'Pflichtverletzung erfassen' });
    await breachForm.getByRole('combobox', { name: 'Pflicht' }).selectOption({
      label: `Aufforderung zur Mitwirkung mit Rechtsfolgenbelehrung vom ${inDays(0)}: Bewerbung auf zwei benannte Stellen (mündlich vereinbart)`,
    });
    await breachForm.getByRole('textbox', { name: 'Datum der Pflichtverletzung' }).fill(inDays(0));
    await breachForm.getByRole('textbox', { name: 'Was festgestellt wurde' }).fill('Keine Bewerbung nachgewiesen');
    await breachForm.getByRole('button', { name: 'Pflichtverletzung erfassen' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'ohne Rechtsfolgenbelehrung' })).toBeVisible();
    await expect(breachForm.getByRole('textbox', { name: 'Was festgestellt wurde' })).toHaveValue('Keine Bewerbung nachgewiesen');
    await checkA11y(page, 'Pflichtverletzung abgelehnt');
    await breachForm.getByRole('button', { name: 'Abbrechen' }).click();
    // Cancelling returns the focus to the toggle that opened the form (once it is rendered again); waiting
    // for it keeps that late focus from landing after the next step moved on.
    await expect(page.getByRole('button', { name: 'Pflichtverletzung erfassen' })).toBeFocused();

    // ——— the duty as it was set, by keyboard ———
    const addDuty = page.getByRole('button', { name: 'Pflicht dokumentieren' });
    await addDuty.focus();
    await page.keyboard.press('Enter');
    dutyForm = page.getByRole('form', { name: 'Pflicht dokumentieren' });
    const firstForm = dutyForm.getByRole('radio', { name: 'Eingliederungsvereinbarung' });
    await expect(firstForm).toBeFocused();
    // Arrow keys move within the radio group: EGV → Verwaltungsakt → Aufforderung zur Mitwirkung.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(dutyForm.getByRole('radio', { name: 'Aufforderung zur Mitwirkung mit Rechtsfolgenbelehrung' })).toBeChecked();
    await tabTo(page, dutyForm.getByRole('textbox', { name: 'Festgelegt am' }));
    await retype(page, inDays(-3));
    await tabTo(page, dutyForm.getByRole('textbox', { name: 'Pflicht' }));
    await page.keyboard.type('Bewerbung auf drei benannte Stellen und Nachweis bis zum Termin');
    await tabTo(page, dutyForm.getByRole('button', { name: 'Pflicht speichern' }));
    await page.keyboard.press('Enter');
    await expectAnnounced(page, 'Pflicht dokumentiert.');
    await expect(page.getByRole('heading', { level: 3, name: 'Dokumentierte Pflichten' })).toBeFocused();

    // ——— the breach ———
    const addBreach = page.getByRole('button', { name: 'Pflichtverletzung erfassen' });
    await tabTo(page, addBreach);
    await page.keyboard.press('Enter');
    breachForm = page.getByRole('form', { name: 'Pflichtverletzung erfassen' });
    const dutySelect = breachForm.getByRole('combobox', { name: 'Pflicht' });
    await expect(dutySelect).toBeFocused();
    await dutySelect.selectOption({
      label: `Aufforderung zur Mitwirkung mit Rechtsfolgenbelehrung vom ${inDays(-3)}: Bewerbung auf drei benannte Stellen und Nachweis bis zum Termin`,
    });
    await expect(breachForm.getByText('Art der Pflichtverletzung: Pflichtverletzung')).toBeVisible();
    await tabTo(page, breachForm.getByRole('textbox', { name: 'Datum der Pflichtverletzung' }));
    await page.keyboard.type(inDays(-1));
    await tabTo(page, breachForm.getByRole('textbox', { name: 'Was festgestellt wurde' }));
    await page.keyboard.type('Keine Bewerbung nachgewiesen, keine Rückmeldung');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expectAnnounced(page, /Pflichtverletzung erfasst\. Es gilt die Regel „Neue Grundsicherung/);

    const title = `Pflichtverletzung vom ${inDays(-1)}`;
    const card = page.getByRole('article', { name: title });
    await expect(card.getByRole('heading', { level: 4, name: title })).toBeFocused();
    await expect(card).toContainText('Neue Grundsicherung (ab 01.07.2026)');
    await expect(card).toContainText(/1\. Verstoß: 30 % des Regelbedarfs für 3 Monate \(168,90\s€ monatlich\)/);
    await expect(card.getByRole('list', { name: 'Schritte der Leistungsminderung' })).toBeVisible();
    await checkA11y(page, 'Pflichtverletzung erfasst');

    // ——— the hearing: letter and deadline; the decision waits ———
    await tabTo(page, card.getByRole('button', { name: named('Anhörung versenden', title) }));
    await page.keyboard.press('Enter');
    const hearingForm = card.getByRole('form', { name: 'Anhörung versenden' });
    await expect(hearingForm.getByRole('textbox', { name: 'Datum des Anhörungsschreibens' })).toBeFocused();
    await expect(hearingForm).toContainText('14 Tage');
    await checkA11y(page, 'Anhörung versenden');
    await hearingForm.getByRole('button', { name: 'Anhörung versenden' }).click();
    await expectAnnounced(page, `Anhörung versandt. Frist zur Äußerung bis ${inDays(14)}. Das Schreiben steht als PDF bereit.`);
    await expect(card).toContainText(`Versandt am ${inDays(0)}, Frist zur Äußerung bis ${inDays(14)}.`);
    const letter = card.getByRole('link', { name: /Anhörungsschreiben \(PDF\)/ });
    await expect(letter).toBeFocused();
    const pdf = await page.request.get((await letter.getAttribute('href')) as string);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await expect(
      card.getByText(`Entscheiden können Sie, sobald die Antwort erfasst ist oder die Frist am ${inDays(14)} abgelaufen ist.`),
    ).toBeVisible();
    await expect(card.getByRole('button', { name: named('Entscheiden', title) })).toHaveCount(0);

    // ——— the answer; a concurrent change keeps the typed text (412) ———
    await card.getByRole('button', { name: named('Antwort erfassen', title) }).click();
    const answerForm = card.getByRole('form', { name: 'Antwort erfassen' });
    // The form takes the focus when it opens (first field); type only after that, or the focus move would steal the text.
    await expect(answerForm.getByRole('textbox', { name: 'Eingegangen am' })).toBeFocused();
    await answerForm.getByRole('textbox', { name: 'Was die Person vorträgt' }).fill('Ich war an dem Tag bei meiner Mutter im Krankenhaus.');
    const token = await csrfToken(page.request);
    const list = await page.request.get(`/api/cases/${caseId}/sanctions`);
    const sanction = ((await list.json()) as { items: { id: string; version: number; duty: { description: string } }[] }).items.find((s) =>
      s.duty.description.startsWith('Bewerbung auf drei'),
    );
    expect(sanction).toBeDefined();
    const meanwhile = await page.request.post(`/api/sanctions/${sanction?.id}/answer`, {
      data: { answeredOn: isoToday(), answer: 'Telefonisch: Ich hatte die Aufforderung nicht verstanden.' },
      headers: { 'X-CSRF-Token': token, 'If-Match': `"${sanction?.version}"` },
    });
    expect(meanwhile.ok(), await meanwhile.text()).toBeTruthy();
    await answerForm.getByRole('button', { name: 'Antwort speichern' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Jemand anderes hat diesen Eintrag inzwischen geändert' })).toBeVisible();
    await expect(answerForm.getByRole('textbox', { name: 'Was die Person vorträgt' })).toHaveValue(
      'Ich war an dem Tag bei meiner Mutter im Krankenhaus.',
    );
    await checkA11y(page, 'Konflikt beim Speichern der Antwort');
    await page.getByRole('button', { name: 'Aktuelle Fassung laden (eigene Änderungen verwerfen)' }).click();
    await expect(card).toContainText('Ich hatte die Aufforderung nicht verstanden.');

    // ——— the decision ———
    // The answer form closed; the focus is on the card's heading (its own toggle is gone).
    await expect(card.getByRole('heading', { level: 4, name: title })).toBeFocused();
    const decideButton = card.getByRole('button', { name: named('Entscheiden', title) });
    await tabTo(page, decideButton);
    await page.keyboard.press('Enter');
    const decisionForm = card.getByRole('form', { name: 'Über die Leistungsminderung entscheiden' });
    await expect(decisionForm.getByRole('radio', { name: 'Nein, nicht anerkannt' })).toBeFocused();
    await page.keyboard.press('Space');
    await expect(decisionForm.getByRole('radio', { name: 'Nein, nicht anerkannt' })).toBeChecked();
    await expect(decisionForm).toContainText('Vorschlag nach der Regel „Neue Grundsicherung (ab 01.07.2026)“');
    await expect(decisionForm).toContainText(/1\. Verstoß: 30 % des Regelbedarfs für 3 Monate \(168,90\s€ monatlich\)/);
    // Client checks first: nothing typed yet.
    await decisionForm.getByRole('button', { name: 'Entscheiden und übergeben' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Eingaben' })).toContainText(
      'Begründung zum wichtigen Grund',
    );
    await decisionForm
      .getByRole('textbox', { name: 'Begründung zum wichtigen Grund' })
      .fill('Ein Missverständnis der Aufforderung ist kein wichtiger Grund; sie war schriftlich und eindeutig.');
    await decisionForm.getByRole('radio', { name: 'Leistungsminderung wie vorgeschlagen' }).check();
    await decisionForm
      .getByRole('textbox', { name: 'Begründung der Entscheidung' })
      .fill('Einzelfallprüfung: keine außergewöhnliche Härte; die Minderung ist verhältnismäßig.');
    await checkA11y(page, 'Entscheidung');
    await decisionForm.getByRole('button', { name: 'Entscheiden und übergeben' }).click();
    await expectAnnounced(page, /^Entschieden und an .+ übergeben\.$/);
    await expect(card.getByText('An die Leistungsgewährung übergeben', { exact: true })).toBeVisible();
    await expect(card).toContainText(/Minderung um 30 % \(168,90\s€ monatlich\)/);
    const recipient = (await card.locator(`[id$="-handoff"]`).textContent()) ?? '';
    expect(recipient).toMatch(/\(am \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}\)$/);
    await checkA11y(page, 'Leistungsminderung übergeben');

    // ——— the history shows the steps ———
    await page.getByRole('navigation', { name: 'Bereiche der Fallakte' }).getByRole('link', { name: 'Historie' }).click();
    const history = page.getByRole('table');
    await expect(history.getByRole('rowheader', { name: 'Anhörung versandt' })).toBeVisible();
    await expect(history.getByRole('rowheader', { name: 'An die Leistungsgewährung übergeben' })).toBeVisible();
    await checkA11y(page, 'Historie mit Leistungsminderung');
  });

  test('die Verwaltung sieht und bearbeitet die Regeltabelle – mit axe', async ({ page, checkA11y }) => {
    test.setTimeout(90_000);
    await login(page, 'admin');
    await page.goto('/verwaltung/sanktionsregeln');
    await expect(page.getByRole('heading', { level: 1, name: 'Regeln für Leistungsminderungen' })).toBeVisible();
    const table = page.getByRole('table', { name: 'Zeiträume der Regeltabelle' });
    await expect(table.getByRole('row')).toHaveCount(6);
    await expect(table).toContainText('Sanktionsmoratorium (01.07.2022 bis 31.12.2022)');
    await expect(table).toContainText('keine (Pflichtverletzungen nicht sanktionierbar)');
    await checkA11y(page, 'Regeltabelle');

    // A period that overlaps another is refused with the German message; the typed values stay.
    await page.getByRole('button', { name: 'Zeitraum hinzufügen' }).click();
    const form = page.getByRole('form', { name: 'Zeitraum hinzufügen' });
    await form.getByRole('textbox', { name: 'Bezeichnung' }).fill('Probezeitraum');
    await form.getByRole('textbox', { name: 'Kürzel' }).fill(`probe_${suffix()}`);
    await form.getByRole('textbox', { name: 'Gültig ab' }).fill('01.01.2024');
    await form.getByRole('textbox', { name: /^Gültig bis/ }).fill('31.12.2024');
    await form.getByRole('textbox', { name: 'Stufe 1: Prozent' }).first().fill('30');
    await form.getByRole('textbox', { name: 'Stufe 1: Monate' }).first().fill('3');
    await form.getByRole('textbox', { name: 'Stufe 1: Prozent' }).last().fill('10');
    await form.getByRole('textbox', { name: 'Stufe 1: Monate' }).last().fill('1');
    await form.getByRole('textbox', { name: 'Rechtsgrundlage' }).fill('§ 31a SGB II');
    await form.getByRole('textbox', { name: 'Quelle und Hinweise' }).fill('Probe');
    await checkA11y(page, 'Zeitraum hinzufügen');
    await form.getByRole('button', { name: 'Zeitraum anlegen' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Überschneidung mit „Bürgergeld mit Kooperationsplan' })).toBeVisible();
    await expect(form.getByRole('textbox', { name: 'Bezeichnung' })).toHaveValue('Probezeitraum');
    await form.getByRole('button', { name: 'Abbrechen' }).click();

    // Editing a row by keyboard: the source note is kept and shown in the table.
    const edit = page.getByRole('button', { name: named('Bearbeiten', 'Sanktionsmoratorium (01.07.2022 bis 31.12.2022)') });
    await tabTo(page, edit, { max: 80 });
    await page.keyboard.press('Enter');
    const editForm = page.getByRole('form', { name: 'Zeitraum bearbeiten: Sanktionsmoratorium (01.07.2022 bis 31.12.2022)' });
    await expect(page.getByRole('heading', { level: 2, name: /^Zeitraum bearbeiten/ })).toBeFocused();
    const note = editForm.getByRole('textbox', { name: 'Quelle und Hinweise' });
    await expect(note).toHaveValue(/§ 84 Abs\. 1 SGB II/);
    await note.fill(`${await note.inputValue()} Geprüft durch die Verwaltung.`);
    await editForm.getByRole('button', { name: 'Speichern' }).click();
    await expectAnnounced(page, 'Zeitraum „Sanktionsmoratorium (01.07.2022 bis 31.12.2022)“ gespeichert.');
    await expect(edit).toBeFocused();
    await page
      .getByRole('row', { name: /Sanktionsmoratorium/ })
      .getByText('Quelle und Hinweise')
      .click();
    await expect(page.getByRole('row', { name: /Sanktionsmoratorium/ })).toContainText('Geprüft durch die Verwaltung.');
    await checkA11y(page, 'Regeltabelle nach dem Speichern');
  });
});
