import { csrfToken, expect, login, test } from '../fixtures';
import { expectVisibleFocus, tabTo } from '../keyboard';

/**
 * Organisation model (SPEC C14, issue 6 parts 1–2): an administrator changes how customers over 25 are
 * served by keyboard, sees the derived IAW type change live, saves, previews the bulk reassignment of
 * the open cases and applies it after a confirmation. Afterwards the Ü25 model is set back through the
 * API, so later specs find the demo's model (the reassigned people stay, as after any reassignment).
 */

interface Model {
  ageGroup: string;
  caseManagement: string;
  placement: string;
  benefits: string;
  mixedTeams: boolean;
  version: number;
}

test('Administration: Organisationsmodell ändern, Typ sehen, Umverteilung prüfen und anwenden – per Tastatur und barrierefrei', async ({
  page,
  checkA11y,
}) => {
  test.setTimeout(120_000);
  await login(page, 'admin');
  const before = ((await (await page.request.get('/api/organisation-model')).json()) as { items: Model[] }).items.find(
    (m) => m.ageGroup === 'ue25',
  ) as Model;

  await page.goto('/verwaltung/benutzer');
  await page.getByRole('navigation', { name: 'Verwaltung' }).getByRole('link', { name: 'Organisationsmodell' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organisationsmodell der Kundenbetreuung' })).toBeVisible();
  const ue25 = page.getByRole('region', { name: 'Kundinnen und Kunden ab 25 Jahren (Ü25)' });
  await expect(ue25.getByRole('heading', { level: 3, name: /^Abgeleiteter Typ: Typ I{1,2}[ab]{2}$/ })).toBeVisible();
  await checkA11y(page, 'Organisationsmodell');

  // Generalised case management for all, specialised placement and benefits: type IIaa, chosen by keyboard.
  const generalised = ue25.getByRole('radio', { name: 'Generalisiert: Fallmanagement für alle zu aktivierenden Kundinnen und Kunden' });
  const firstApproach = ue25
    .getByRole('group', { name: /^Fallmanagement-Ansatz/ })
    .getByRole('radio')
    .first();
  const checked = ue25.getByRole('group', { name: /^Fallmanagement-Ansatz/ }).getByRole('radio', { checked: true });
  await checked.focus();
  await expectVisibleFocus(page, 'Fallmanagement-Ansatz');
  // Arrow keys move within the radio group and choose; step until the generalised option is chosen.
  for (let i = 0; i < 4 && !(await generalised.isChecked()); i++) await page.keyboard.press('ArrowDown');
  await expect(generalised).toBeChecked();
  await expect(firstApproach).toBeVisible();
  const placementSpecialised = ue25.getByRole('radio', {
    name: /^Unmittelbare Vermittlung auf den ersten Arbeitsmarkt durch spezialisierte/,
  });
  await tabTo(
    page,
    ue25.getByRole('group', { name: 'Unmittelbare Vermittlung auf den ersten Arbeitsmarkt' }).getByRole('radio', { checked: true }),
  );
  if (!(await placementSpecialised.isChecked())) await page.keyboard.press('ArrowUp');
  await expect(placementSpecialised).toBeChecked();
  const benefitsSpecialised = ue25.getByRole('radio', { name: /^Spezialisierte Leistungssachbearbeitung berechnet/ });
  await tabTo(
    page,
    ue25.getByRole('group', { name: 'Leistungen zur Sicherung des Lebensunterhalts' }).getByRole('radio', { checked: true }),
  );
  for (let i = 0; i < 3 && !(await benefitsSpecialised.isChecked()); i++) await page.keyboard.press('ArrowUp');
  await expect(benefitsSpecialised).toBeChecked();
  const mixed = ue25.getByRole('checkbox', { name: /^Funktionsübergreifende Teams/ });
  if (await mixed.isChecked()) {
    await tabTo(page, mixed);
    await page.keyboard.press('Space');
  }
  await expect(mixed).not.toBeChecked();

  // The type follows live, with its meaning in words; the saved type is named until saving.
  const type = ue25.getByRole('complementary', { name: 'Abgeleiteter Typ: Typ IIaa' });
  await expect(type.getByRole('heading', { level: 3, name: 'Abgeleiteter Typ: Typ IIaa' })).toBeVisible();
  await expect(type).toContainText('Typ II – generalisierter Fallmanagement-Ansatz');
  await expect(type).toContainText('a – die unmittelbare Vermittlung auf den ersten Arbeitsmarkt ist nicht Teil des Fallmanagements');

  await tabTo(page, ue25.getByRole('button', { name: 'Ü25 speichern' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Organisationsmodell Ü25 gespeichert: Typ IIaa.' })).toBeVisible();
  await expect(ue25).toContainText(/Zuletzt geändert am \d{2}\.\d{2}\.\d{4} von /);

  // After saving, the preview of the bulk reassignment is loaded: the open Ü25 cases get a placement officer.
  const reassign = page.getByRole('region', { name: 'Bestand umverteilen' });
  const table = reassign.getByRole('table', { name: 'Vorschau der Umverteilung: je Fall bisher → künftig' });
  await expect(table).toBeVisible();
  await expect(reassign).toContainText(/\d+ von \d+ offenen Fällen würden umverteilt/);
  const firstRow = table.getByRole('row').nth(1);
  await expect(firstRow.getByRole('rowheader')).toContainText(/^F-[0-9A-F]{8} \((U25|Ü25), /);
  await expect(table).toContainText('fallführende Fachkraft →');
  await checkA11y(page, 'Organisationsmodell mit Vorschau');

  // Apply, with a confirmation that takes the focus; cancelling returns it, then apply for real.
  const apply = reassign.getByRole('button', { name: 'Umverteilung anwenden' });
  await tabTo(page, apply);
  await page.keyboard.press('Enter');
  const confirm = reassign.getByRole('alertdialog', { name: 'Umverteilung wirklich anwenden?' });
  await expect(confirm).toBeFocused();
  await checkA11y(page, 'Bestätigung der Umverteilung');
  await tabTo(page, confirm.getByRole('button', { name: 'Abbrechen' }));
  await page.keyboard.press('Enter');
  await expect(apply).toBeFocused();
  await page.keyboard.press('Enter');
  const yes = confirm.getByRole('button', { name: /^Ja, \d+ Fälle umverteilen$/ });
  await tabTo(page, yes);
  await page.keyboard.press('Enter');
  const done = reassign.getByText(/^\d+ Fälle umverteilt\.$/);
  await expect(done).toBeVisible();
  await expect(done).toBeFocused();
  await expect(reassign).toContainText(/Nach dem aktuellen Modell muss kein offener Fall umverteilt werden/);
  await checkA11y(page, 'Organisationsmodell nach der Umverteilung');

  // Set the Ü25 model back for the specs that follow.
  const current = ((await (await page.request.get('/api/organisation-model')).json()) as { items: Model[] }).items.find(
    (m) => m.ageGroup === 'ue25',
  ) as Model;
  const res = await page.request.put('/api/organisation-model/ue25', {
    headers: { 'if-match': `"${current.version}"`, 'x-csrf-token': await csrfToken(page.request) },
    data: { caseManagement: before.caseManagement, placement: before.placement, benefits: before.benefits, mixedTeams: before.mixedTeams },
  });
  expect(res.ok(), `PUT /api/organisation-model/ue25: HTTP ${res.status()}`).toBeTruthy();
});
