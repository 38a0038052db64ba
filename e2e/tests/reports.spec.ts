import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, login, test } from '../fixtures';

/**
 * Reports (SPEC C13; seed 000 §8, §9): a team lead opens the quality indicators (each with its
 * definition and a chart), downloads them as CSV, and opens a provider report and downloads it as PDF and XLSX; provider staff read the report of
 * their own offer in the portal. Works on whatever history the demo brings: the report is chosen from
 * the offers that have data.
 */

async function download(page: Page, linkName: string): Promise<{ name: string; body: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: linkName }).click()]);
  return { name: file.suggestedFilename(), body: readFileSync(await file.path()) };
}

/** Chooses the first offer that has data, then its newest year; returns the offer's name. */
async function chooseReport(page: Page): Promise<string> {
  const offer = page.getByLabel('Angebot', { exact: true });
  await expect(offer).toBeVisible();
  const options = await offer
    .locator('option')
    .evaluateAll((nodes) => nodes.map((n) => ({ value: (n as HTMLOptionElement).value, label: n.textContent ?? '' })));
  expect(options.length, 'Angebote mit Berichten in den Demodaten').toBeGreaterThan(1);
  const chosen = options[1] as { value: string; label: string };
  await offer.selectOption(chosen.value);
  await expect(page).toHaveURL(new RegExp(`angebot=${chosen.value}`));
  const heading = page.getByRole('heading', { level: 2, name: /^Trägerbericht \d{4}: / });
  await expect(heading).toBeVisible();
  return ((await heading.textContent()) ?? '').replace(/^Trägerbericht \d{4}: /, '');
}

async function expectReport(page: Page) {
  for (const section of [
    '1. Ergebnisstatistik',
    '2. Verwendungsnachweis',
    '3. Beratene Personen (sozio-demografische Angaben)',
    '4. Entwicklungstendenzen',
  ]) {
    await expect(page.getByRole('heading', { level: 3, name: section })).toBeVisible();
  }
  await expect(page.getByRole('rowheader', { name: 'Zuweisungen eingegangen' }).first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Geschlecht' })).toBeVisible();
}

async function expectDownloads(page: Page) {
  const pdf = await download(page, 'Bericht als PDF');
  expect(pdf.name).toMatch(/^Traegerbericht-\d{4}-.+\.pdf$/);
  expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const xlsx = await download(page, 'Bericht als Excel-Datei (XLSX)');
  expect(xlsx.name).toMatch(/^Traegerbericht-\d{4}-.+\.xlsx$/);
  // An XLSX is a ZIP archive.
  expect(xlsx.body.subarray(0, 2).toString('latin1')).toBe('PK');
}

test('Teamleitung: Qualitätsindikatoren mit Definitionen und ein Trägerbericht mit PDF- und Excel-Download', async ({
  page,
  checkA11y,
}) => {
  test.setTimeout(120_000);
  await login(page, 'teamleitung');
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Berichte & Statistik' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Berichte & Statistik' })).toBeVisible();
  for (const name of ['Qualitätsindikatoren', 'Trägerberichte', '§ 51b-Statistik (Modul 13)']) {
    await expect(page.getByRole('link', { name })).toBeVisible();
  }
  await checkA11y(page, 'Berichte');

  await page.getByRole('link', { name: 'Qualitätsindikatoren' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Qualitätsindikatoren' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Qualitätsindikatoren \d{4} nach Team geladen\.$/ })).toBeVisible();
  for (const level of ['Strukturqualität', 'Prozessqualität', 'Ergebnisqualität']) {
    await expect(page.getByRole('heading', { level: 2, name: level })).toBeVisible();
  }
  const caseload = page.getByRole('region', { name: /^Betreuungsschlüssel/ });
  await expect(caseload.getByRole('heading', { level: 4, name: 'Definition' })).toBeVisible();
  await expect(caseload).toContainText('Offene Fälle je Fallmanagerin oder Fallmanager am Stichtag');
  await expect(caseload.getByRole('columnheader', { name: 'Zähler' })).toBeVisible();
  await expect(caseload.getByRole('rowheader', { name: 'Insgesamt' })).toBeVisible();
  await expect(page.getByText('Alle Werte werden ungekürzt angezeigt')).toBeVisible();
  // A chart per indicator, named by the indicator and its summary in words, with the target as a line.
  const caseloadChart = caseload.getByRole('img', { name: /^Betreuungsschlüssel .*Insgesamt / });
  await expect(caseloadChart).toBeVisible();
  await expect(caseloadChart.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(caseloadChart.getByText('Zielwert', { exact: true })).toBeVisible();
  await checkA11y(page, 'Qualitätsindikatoren nach Team');

  // The CSV with the page's choices: German Excel (BOM, ";"), numerator, denominator, value and definition per line.
  const csv = await download(page, 'Qualitätsindikatoren als CSV');
  expect(csv.name).toMatch(/^Qualitaetsindikatoren-\d{4}-Team\.csv$/);
  expect([...csv.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csvLines = csv.body.toString('utf8').slice(1).split('\r\n');
  expect(csvLines[1]).toBe('Ebene;Kennzahl;Teil;Team;Zähler;Nenner;Wert;Einheit;Zielwert;Bewertung;Grundlage;Definition;Hinweis');
  expect(csvLines.some((l) => l.startsWith('Strukturqualität;Betreuungsschlüssel (Fälle je Fallmanagerin/Fallmanager);;Insgesamt;'))).toBe(
    true,
  );

  // By provider: the case indicators are not applicable there, the referral indicators are.
  await page.getByLabel('Aufschlüsseln nach').selectOption({ label: 'Träger' });
  await expect(page.getByRole('status').filter({ hasText: /nach Träger geladen\.$/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Qualitätsindikatoren als Excel-Datei (XLSX)' })).toHaveAttribute(
    'href',
    /^\/api\/quality\/export\?year=\d{4}&by=provider&format=xlsx$/,
  );
  await expect(caseload).toContainText('nicht anwendbar');
  const feedback = page.getByRole('region', { name: 'Rückmeldungen der Träger fristgerecht' });
  await expect(feedback.getByRole('columnheader', { name: 'Träger' })).toBeVisible();
  await feedback.getByText(/^Aufschlüsselung:/).click();
  await expect(feedback.getByRole('table', { name: /^Aufschlüsselung/ })).toBeVisible();
  await checkA11y(page, 'Qualitätsindikatoren nach Träger');

  await page.goto('/berichte/traeger');
  await expect(page.getByRole('heading', { level: 1, name: 'Trägerberichte' })).toBeVisible();
  await chooseReport(page);
  await expectReport(page);
  await checkA11y(page, 'Trägerbericht');
  await expectDownloads(page);
});

test('Träger: eigener Trägerbericht im Portal, mit Download; fremde Angebote nicht', async ({ page, checkA11y }) => {
  test.setTimeout(120_000);
  await login(page, 'traeger');
  await expect(page).toHaveURL(/\/portal$/);
  await page.getByRole('link', { name: 'Berichte', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Berichte zu Ihren Angeboten' })).toBeVisible();
  const offerName = await chooseReport(page);
  await expectReport(page);
  await checkA11y(page, 'Trägerbericht im Portal');
  await expectDownloads(page);

  // Only the provider's own offers: every offer listed is one of its own, and the Jobcenter's view is closed.
  const own = (await (await page.request.get('/api/portal/reports')).json()) as { items: { offer: { name: string } }[] };
  expect(own.items.map((i) => i.offer.name)).toContain(offerName);
  expect((await page.request.get('/api/reports/offers')).status()).toBe(403);
  await page.goto('/berichte/traeger');
  await expect(page.getByRole('heading', { level: 1, name: 'Keine Berechtigung' })).toBeVisible();
});
