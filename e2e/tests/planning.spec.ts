import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { csrfToken, expect, login, test } from '../fixtures';
import { tabTo } from '../keyboard';

/**
 * Needs planning (SPEC C12): the municipal planner's dashboard with key figures, charts and the
 * planning table (suppressed cells marked), its CSV and XLSX downloads, the yearly plan (Soll-Ist)
 * and the costs; a coordinator changes a monthly target (with a 412 in between); every page is
 * axe-clean and usable by keyboard. Works with one year of demo data or several.
 */

async function download(page: Page, linkName: string): Promise<{ file: Download; body: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: linkName }).click()]);
  const path = await file.path();
  return { file, body: readFileSync(path) };
}

/** The largest figure shown in the planning table's cells (suppressed cells count as none). */
async function largestFigure(page: Page): Promise<number> {
  const texts = await page.locator('.planning-table td').allTextContents();
  return Math.max(0, ...texts.map((t) => Number(t.trim().replace(/\./g, ''))).filter((n) => Number.isFinite(n)));
}

test('Sozialplanung: Dashboard mit Kennzahlen, Diagrammen, Planungstabelle, Sperrungen und Downloads', async ({ page, checkA11y }) => {
  test.setTimeout(120_000);
  await login(page, 'sozialplanung');
  // Planners start on the dashboard.
  await expect(page).toHaveURL(/\/planung$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Bedarfsplanung' })).toBeVisible();
  await expect(
    page.getByRole('heading', { level: 2, name: /^Kennzahlen \d{4} im Vergleich zu (Januar(–\p{L}+)? )?\d{4}$/u }),
  ).toBeVisible();
  const tiles = page.locator('.planning-tile');
  await expect(tiles).toHaveCount(6);
  await expect(tiles.first()).toContainText('Festgestellte Bedarfe');
  await expect(tiles.first().locator('.planning-tile__trend')).toContainText(/gegenüber (Januar–\S+ )?\d{4}|kein Vergleich/);

  // Charts: each with a heading, a summary and an image named by both.
  for (const title of [
    /^Bedarfe, Eintritte und Plätze je Leistungsart/,
    /^Bedarfe und Eintritte je Monat/,
    /^Auslastung und Wartezeiten/,
  ]) {
    await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  }
  await expect(page.getByRole('img', { name: /Bedarfe, Eintritte und Plätze je Leistungsart/ })).toBeVisible();
  await expect(page.locator('.planning-figure__chart svg.recharts-surface').first()).toBeVisible();
  expect(await page.locator('.planning-figure__chart svg.recharts-surface').count()).toBeGreaterThanOrEqual(2);
  // The chart's values as a table on demand.
  await page.getByText('Werte als Tabelle').first().click();
  await expect(page.getByRole('table', { name: /Bedarfe, Eintritte und Plätze je Leistungsart/ })).toBeVisible();

  // The planning table has real figures; suppressed cells are marked and explained.
  const table = page.getByRole('table', { name: /^Planungstabelle \d{4} nach Leistungsart, je Monat/ });
  await expect(table).toBeVisible();
  await expect(table.getByRole('rowheader', { name: 'Gesamt' })).toBeVisible();
  expect(await largestFigure(page)).toBeGreaterThan(0);
  await expect(page.getByText(/gesperrt: Zahlen von 1 bis 4 werden .* nicht angezeigt \(Mindestfallzahl 5\)/).first()).toBeVisible();
  const suppressed = table.locator('.planning-suppressed');
  expect(await suppressed.count()).toBeGreaterThan(0);
  await expect(suppressed.first()).toHaveText('·gesperrt');
  await expect(suppressed.first().locator('[aria-hidden="true"]')).toHaveText('·');
  await checkA11y(page, '/planung');

  // Another breakdown and granularity, kept in the address.
  await page.getByLabel('Aufschlüsselung nach').selectOption({ label: 'Team' });
  await page.getByLabel('Zeitraster').selectOption({ label: 'Quartal' });
  await expect(page).toHaveURL(/gliederung=team/);
  await expect(page).toHaveURL(/raster=quartal/);
  await expect(page.getByRole('table', { name: /^Planungstabelle \d{4} nach Team, je Quartal/ })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: /^1\. Quartal \d{4}$/ })).toBeVisible();

  // A filter narrows every figure and is named in the caption.
  await page.getByLabel('Leistungsart', { exact: true }).selectOption('debt_counselling');
  await expect(page).toHaveURL(/leistungsart=debt_counselling/);
  await expect(page.getByRole('table', { name: /nach Team, je Quartal \(Schuldnerberatung/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /Zahlen für \d{4} geladen \(Schuldnerberatung/ })).toBeVisible();
  // The address carries codes and ids only: reloading it shows the same view.
  await page.reload();
  await expect(page.getByLabel('Aufschlüsselung nach')).toHaveValue('team');
  await expect(page.getByLabel('Leistungsart', { exact: true })).toHaveValue('debt_counselling');

  // Downloads of the current view.
  const csv = await download(page, 'CSV herunterladen');
  expect(csv.file.suggestedFilename()).toMatch(/^Bedarfsplanung-\d{4}\.csv$/);
  expect(csv.body.length).toBeGreaterThan(0);
  const lines = csv.body
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/);
  expect(lines[0]).toMatch(/^Bedarfsplanung \d{4};/);
  expect(lines[1]).toMatch(/^Team;Kennzahl;1\. Quartal \d{4};2\. Quartal/);
  const xlsx = await download(page, 'Excel (XLSX) herunterladen');
  expect(xlsx.file.suggestedFilename()).toMatch(/^Bedarfsplanung-\d{4}\.xlsx$/);
  expect(xlsx.body.length).toBeGreaterThan(0);
  expect(xlsx.body.subarray(0, 2).toString('latin1')).toBe('PK');

  // Figures exist per region or per team: a region lifts the breakdown by teams, a team then lifts the region.
  const region = page.getByLabel('Sozialraum', { exact: true });
  await expect(region).toHaveAccessibleDescription(/je Sozialraum oder je Team/);
  await region.selectOption({ index: 1 });
  await expect(page).toHaveURL(/sozialraum=/);
  await expect(page.getByLabel('Aufschlüsselung nach')).toHaveValue('service_type');
  await expect(page.getByLabel('Aufschlüsselung nach').locator('option')).toHaveText(['Leistungsart', 'Sozialraum', 'Zielgruppe']);
  await page.getByLabel('Team', { exact: true }).selectOption({ index: 1 });
  await expect(page).toHaveURL(/team=/);
  await expect(page).not.toHaveURL(/sozialraum=/);
  await expect(region).toHaveValue('');
  await expect(page.getByRole('table', { name: /^Planungstabelle \d{4} nach Leistungsart/ })).toBeVisible();
});

test('Sozialplanung: Soll-Ist und Kosten lesen, ohne Bearbeitung', async ({ page, checkA11y }) => {
  test.setTimeout(90_000);
  await login(page, 'sozialplanung');
  await page.getByRole('link', { name: 'Soll-Ist' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Soll-Ist je Leistungsart' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /^Jahresplan \d{4} aller Leistungsarten$/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /^Eintritte Soll und Ist:/ })).toBeVisible();
  // social_planner is a plan editor: the months are the grid of targets beside the actual figures.
  await expect(page.getByRole('heading', { name: /^Monatsziele ändern:/ })).toBeVisible();
  await expect(page.getByRole('table', { name: /^Monatsziele .* Soll-Eintritte und Soll-Kosten je Monat/ })).toBeVisible();
  await expect(page.getByLabel('Soll-Eintritte Januar')).toBeVisible();
  await checkA11y(page, '/planung/soll-ist');

  await page.getByRole('link', { name: 'Kosten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kosten je Leistungsart' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /^Plan- und Ist-Kosten je Leistungsart \d{4}$/ })).toBeVisible();
  const costs = page.getByRole('table', { name: /^Kosten je Leistungsart und Finanzierungsform/ });
  await expect(costs).toBeVisible();
  await expect(costs.locator('tfoot')).toContainText('Gesamt');
  await expect(costs.locator('tfoot')).toContainText('€');
  await page.getByText('Was zählt hier?').last().click();
  await expect(page.getByText(/Kosten je Fall: Ist-Kosten ÷ Fälle/)).toBeVisible();
  await checkA11y(page, '/planung/kosten');
});

test('Teamleitung sieht exakte Zahlen, aber keine Eingabe der Monatsziele', async ({ page }) => {
  await login(page, 'teamleitung');
  await page.getByRole('link', { name: 'Bedarfsplanung' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bedarfsplanung' })).toBeVisible();
  await expect(page.getByRole('table', { name: /^Planungstabelle/ })).toBeVisible();
  await expect(page.getByText(/Mindestfallzahl/)).toHaveCount(0);
  await page.getByRole('link', { name: 'Soll-Ist' }).click();
  await expect(page.getByRole('table', { name: /^Monatswerte / })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Monatsziele ändern:/ })).toHaveCount(0);
});

test('Koordination ändert ein Monatsziel; Prüfung, 412 und Speichern ohne Verlust der Eingaben', async ({ page, checkA11y }) => {
  test.setTimeout(90_000);
  await login(page, 'koordination');
  await page.goto('/planung/soll-ist?leistungsart=debt_counselling');
  await expect(page.getByRole('heading', { name: /^Monatsziele ändern: Schuldnerberatung/ })).toBeVisible();
  const year = Number(await page.getByLabel('Jahr', { exact: true }).inputValue());

  // German validation messages beside the field.
  const cost = page.getByLabel('Soll-Kosten März in Euro');
  await cost.fill('zwölf Euro');
  await page.getByRole('button', { name: 'Ziele speichern' }).click();
  await expect(page.locator('#plan-cost3-error')).toContainText('Bitte einen Betrag in Euro eingeben');
  await expect(cost).toHaveAttribute('aria-invalid', 'true');
  await expect(cost).toBeFocused();
  await checkA11y(page, '/planung/soll-ist (Fehler)');

  // Someone else saves first: the typed values stay, the banner names the changed month.
  await cost.fill('1.234,50');
  await page.getByLabel('Soll-Eintritte März').fill('17');
  const plan = (await (await page.request.get(`/api/planning/plan?year=${year}`)).json()) as {
    serviceTypes: {
      serviceType: string;
      version: string;
      months: { month: number; targetStarts: number | null; targetCostCents: number | null }[];
    }[];
  };
  const debt = plan.serviceTypes.find((s) => s.serviceType === 'debt_counselling');
  if (!debt) throw new Error('Schuldnerberatung fehlt im Plan');
  const months = debt.months.map((m) => ({
    month: m.month,
    targetStarts: m.month === 6 ? 3 : (m.targetStarts ?? 0),
    targetCostCents: m.targetCostCents ?? 0,
  }));
  const other = await page.request.put(`/api/planning/plan/${year}/debt_counselling`, {
    data: { months },
    headers: { 'If-Match': `"${debt.version}"`, 'X-CSRF-Token': await csrfToken(page.request) },
  });
  expect(other.ok(), `PUT plan: HTTP ${other.status()}`).toBeTruthy();
  await page.getByRole('button', { name: 'Ziele speichern' }).click();
  const banner = page.getByRole('alert').filter({ hasText: 'Jemand anderes hat diesen Eintrag inzwischen geändert' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText(/geändert: .*Juni/);
  await expect(cost).toHaveValue('1.234,50');
  await page.getByRole('button', { name: 'Weiter bearbeiten' }).click();
  await expect(cost).toHaveValue('1.234,50');
  await expect(page.getByLabel('Soll-Eintritte Juni')).toHaveValue('3');

  await page.getByRole('button', { name: 'Ziele speichern' }).click();
  await expect(page.getByText('Die Monatsziele für Schuldnerberatung (§ 16a Nr. 2 SGB II) wurden gespeichert.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Soll-Kosten März in Euro')).toHaveValue('1234,50');
  await expect(page.getByLabel('Soll-Eintritte März')).toHaveValue('17');
  await expect(page.getByLabel('Soll-Eintritte Juni')).toHaveValue('3');
});

test('Tastatur: Filter, Tabelle und Downloads der Bedarfsplanung mit sichtbarem Fokus', async ({ page }) => {
  test.setTimeout(90_000);
  await login(page, 'sozialplanung');
  await page.goto('/planung');
  await expect(page.locator('.planning-table')).toBeVisible();
  await page.getByRole('heading', { level: 1 }).focus();
  await tabTo(page, page.getByLabel('Jahr', { exact: true }));
  await tabTo(page, page.getByLabel('Leistungsart', { exact: true }));
  // A filter changed by keyboard keeps the focus on it.
  await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(/leistungsart=/);
  await expect(page.getByLabel('Leistungsart', { exact: true })).toBeFocused();
  await tabTo(page, page.getByLabel('Sozialraum'));
  await tabTo(page, page.getByLabel('Team', { exact: true }));
  await tabTo(page, page.getByLabel('Zielgruppe'));
  await tabTo(page, page.getByRole('button', { name: 'Filter zurücksetzen' }));
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(/leistungsart=/);
  await expect(page.getByLabel('Leistungsart', { exact: true })).toBeFocused();
  await tabTo(page, page.getByRole('link', { name: 'CSV herunterladen' }), { max: 80 });
  await tabTo(page, page.getByRole('link', { name: 'Excel (XLSX) herunterladen' }));
  await tabTo(page, page.getByLabel('Aufschlüsselung nach'));
  await tabTo(page, page.getByLabel('Zeitraster'));
  // The wide table scrolls as a region reachable by keyboard.
  await tabTo(page, page.getByRole('region', { name: /^Planungstabelle \d{4}/ }), { max: 10 });
  await page.keyboard.press('ArrowRight');
});
