import { expect, login, test } from '../fixtures';
import { expectVisibleFocus, tabTo } from '../keyboard';

/**
 * Caseloads (SPEC C14, issue 6 part 3): a team lead reads the caseload per team and staff member against
 * the targets (table and chart), filters by age group and compares the organisation model with an
 * alternative by keyboard; an administrator sets the targets (Betreuungsschlüssel). Works on whatever the
 * demo brings: the demo has case managers with open cases, a placement and a benefits officer.
 */

test('Teamleitung: Fallbelastung je Team und Fachkraft, Altersfilter und Modellvergleich per Tastatur', async ({ page, checkA11y }) => {
  test.setTimeout(120_000);
  await login(page, 'teamleitung');
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Berichte & Statistik' }).click();
  await page.getByRole('link', { name: 'Fallbelastung' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fallbelastung' })).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: /^Fallbelastung am \d{2}\.\d{2}\.\d{4} geladen: \d+ offene Fälle \(Alle/ }),
  ).toBeVisible();

  // Teams with a chart (named by its heading and summary) and the table beside it; the staff with the demo case manager.
  const teams = page.getByRole('table', { name: 'Fallbelastung je Team und Funktion' });
  await expect(teams.getByRole('rowheader', { name: 'Insgesamt' }).first()).toBeVisible();
  const chart = page.getByRole('img', { name: /^Auslastung je Team und Funktion Auslastung in Prozent des Zielwerts/ });
  await expect(chart).toBeVisible();
  await expect(chart.locator('.recharts-bar-rectangle').first()).toBeVisible();
  const staff = page.getByRole('table', { name: 'Fallbelastung je Fachkraft und Funktion' });
  const anna = staff.getByRole('row', { name: /Fallmanagerin Anna Schneider/ }).first();
  await expect(anna).toBeVisible();
  await expect(anna).toContainText('Fallverantwortung (Fallmanagement)');
  await expect(anna).toContainText(/\d+,\d %/);
  await checkA11y(page, 'Fallbelastung');

  // Only the U25 cases: the filter is a plain select, kept in the address.
  await page.getByLabel('Altersgruppe').selectOption({ label: 'U25 (unter 25 Jahren)' });
  await expect(page).toHaveURL(/alter=u25/);
  await expect(page.getByRole('status').filter({ hasText: /offene Fälle \(U25 \(unter 25 Jahren\)\)\.$/ })).toBeVisible();

  // The comparison: an alternative with specialised placement for both age groups, chosen and sent by keyboard.
  const compare = page.getByRole('region', { name: 'Vergleich mit einem anderen Organisationsmodell' });
  await expect(compare).toContainText(/Aktuelles Modell: U25 Typ I{1,2}[ab]{2}/);
  for (const group of ['u25', 'ue25']) {
    const placement = page.locator(`#compare-${group}-placement`);
    await placement.focus();
    await expectVisibleFocus(page, `Vermittlung ${group}`);
    await placement.selectOption('specialised');
  }
  const typeU25 = compare.getByRole('group', { name: 'Alternative für U25 (unter 25 Jahren)' });
  await expect(typeU25).toContainText(/Typ nach IAW: I{1,2}a[ab]/);
  const submit = compare.getByRole('button', { name: 'Vergleichen' });
  await tabTo(page, submit);
  await page.keyboard.press('Enter');
  const result = compare.getByRole('heading', {
    level: 3,
    name: /^Ergebnis: aktuell U25 \S+, Ü25 \S+ – Alternative U25 I{1,2}a[ab], Ü25 I{1,2}a[ab]$/,
  });
  await expect(result).toBeVisible();
  await expect(result).toBeFocused();
  // The placement officer takes the placement of the open cases: a positive difference in "Vermittlung".
  const table = compare.getByRole('table', { name: 'Fälle und Übergaben je Person nach dem aktuellen Modell und nach der Alternative' });
  const placementOfficer = table.getByRole('row', { name: /Integrationsfachkraft Deniz Kaya/ });
  await expect(placementOfficer).toBeVisible();
  await expect(
    placementOfficer
      .getByRole('cell')
      .filter({ hasText: /^\+\d+$/ })
      .first(),
  ).toBeVisible();
  await expect(
    compare.getByRole('table', { name: 'Summen beider Modelle' }).getByRole('rowheader', { name: 'Übergaben insgesamt' }),
  ).toBeVisible();
  // The scrollable result table can be reached by keyboard.
  await tabTo(page, compare.getByRole('region', { name: /^Fälle und Übergaben je Person/ }));
  await checkA11y(page, 'Fallbelastung mit Modellvergleich');
});

test('Administration: Betreuungsschlüssel setzen, mit Fehlerprüfung und Rückfallregeln', async ({ page, checkA11y }) => {
  test.setTimeout(90_000);
  await login(page, 'admin');
  await page.goto('/verwaltung/benutzer');
  await page.getByRole('navigation', { name: 'Verwaltung' }).getByRole('link', { name: 'Betreuungsschlüssel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Betreuungsschlüssel' })).toBeVisible();
  await expect(page.getByText(/gilt für die Fallverantwortung der Betreuungsschlüssel der Fallregeln \(\d+ Fälle\)/)).toBeVisible();
  await checkA11y(page, 'Betreuungsschlüssel');

  const u25 = page.getByLabel('Zielwert Fallverantwortung (Fallmanagement), U25');
  const placementAll = page.getByLabel('Zielwert Arbeitsvermittlung, Alle Altersgruppen');
  await u25.fill('0');
  await page.getByRole('button', { name: 'Speichern' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Bitte eine ganze Zahl von 1 bis 1000' });
  await expect(summary).toBeVisible();
  await expect(u25).toBeFocused();
  await expect(u25).toHaveAttribute('aria-invalid', 'true');
  await checkA11y(page, 'Betreuungsschlüssel mit Fehler');

  await u25.fill('40');
  await placementAll.fill('150');
  await placementAll.press('Enter');
  await expect(page.getByRole('status').getByText('Betreuungsschlüssel gespeichert.')).toBeVisible();
  const effective = page.getByRole('table', { name: /^Zielwerte je Funktion und Altersgruppe/ });
  await expect(effective.getByRole('row', { name: /^Fallverantwortung/ })).toContainText('U25: 40 (eigener Wert)');
  await expect(effective.getByRole('row', { name: /^Fallverantwortung/ })).toContainText(/Ü25: \d+ \(aus den Fallregeln\)/);
  await expect(effective.getByRole('row', { name: /^Arbeitsvermittlung/ })).toContainText('Ü25: 150 (Wert für alle)');
  await expect(effective.getByRole('row', { name: /^Leistungssachbearbeitung/ })).toContainText('U25: kein Zielwert');

  // The report uses them: the administrator reads the caseloads too.
  await page.getByRole('link', { name: 'Zur Fallbelastung' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fallbelastung' })).toBeVisible();
  const row = page
    .getByRole('table', { name: 'Fallbelastung je Fachkraft und Funktion' })
    .getByRole('row', { name: /Integrationsfachkraft Deniz Kaya/ })
    .first();
  await expect(row).toContainText('150');

  // Put the set back: empty fields remove the targets again.
  await page.goto('/verwaltung/fallschluessel');
  await page.getByRole('button', { name: 'Alle Felder leeren' }).click();
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByRole('status').getByText('Betreuungsschlüssel gespeichert.')).toBeVisible();
  await expect(effective.getByRole('row', { name: /^Arbeitsvermittlung/ })).toContainText('U25: kein Zielwert');
});
