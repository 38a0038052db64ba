import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, login, test } from '../fixtures';
import { expectVisibleFocus } from '../keyboard';

/**
 * § 51b delivery (XSozial Modul 13, SPEC C13): the team lead opens the validation report of the
 * previous month, downloads the XML, records exactly that file by keyboard after a confirmation, and
 * finds it in the list of deliveries. Other roles do not get the page. Every state is checked with axe.
 */

const previousMonth = () => {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit' })
    .format(new Date())
    .split('-')
    .map(Number) as [number, number];
  const date = new Date(Date.UTC(year, month - 2, 1));
  return date.toISOString().slice(0, 7);
};

const monthLabel = (month: string) =>
  new Intl.DateTimeFormat('de-DE', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));

test('team lead checks, downloads and records the monthly delivery', async ({ page, checkA11y }) => {
  const month = previousMonth();
  await login(page, 'teamleitung');
  await page.goto('/berichte/statistik');
  await expect(page.getByRole('heading', { level: 1, name: /§ 51b-Statistik/ })).toBeVisible();
  await expect(page.getByLabel('Berichtsmonat')).toHaveValue(month);
  await expect(page.getByRole('heading', { level: 2, name: `Prüfbericht ${monthLabel(month)}` })).toBeVisible();
  const report = (await (await page.request.get(`/api/statistics/modul13/${month}/report`)).json()) as {
    counts: { records: number; rejected: number };
  };
  await expect(page.getByRole('definition').first()).toHaveText(new Intl.NumberFormat('de-DE').format(report.counts.records));
  // The Leistungsminderungen (Modul 8) of the same file have their own section.
  await expect(page.getByRole('heading', { level: 3, name: 'Leistungsminderungen (Modul 8)' })).toBeVisible();
  await checkA11y(page, 'Prüfbericht');

  // Recording needs the downloaded file first.
  const record = page.getByRole('button', { name: 'Lieferung verbuchen' });
  await expect(record).toBeDisabled();
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'XML herunterladen' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe(`Modul13_${month}.xml`);
  const file = readFileSync(await download.path(), 'utf8');
  expect(file).toContain(`<Berichtszeitraum>${month}</Berichtszeitraum>`);
  const sha = createHash('sha256').update(file, 'utf8').digest('hex');

  await expect(record).toBeEnabled();
  await expect(page.getByRole('button', { name: 'XML herunterladen' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(record).toBeFocused();
  await expectVisibleFocus(page, 'Lieferung verbuchen');
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('heading', { level: 3, name: `Lieferung für ${monthLabel(month)} verbuchen?` });
  await expect(confirm).toBeFocused();
  await checkA11y(page, 'Bestätigung');
  await page.getByRole('button', { name: 'Ja, verbuchen' }).click();
  const recorded = page.locator('#statistics-recorded');
  await expect(recorded).toContainText(`Lieferung für ${monthLabel(month)} verbucht`);
  await expect(recorded).toContainText(`Prüfsumme ${sha.slice(0, 12)}`);
  await expect(recorded).toBeFocused();

  const deliveries = page.getByRole('table', { name: /Verbuchte Lieferungen/ });
  await expect(deliveries.getByRole('rowheader', { name: monthLabel(month) })).toBeVisible();
  await expect(deliveries.getByText(sha)).toBeVisible();
  await expect(page.getByText(/Dieser Monat wurde zuletzt am/)).toBeVisible();
  await checkA11y(page, 'nach dem Verbuchen');
});

test('the statistics page is for team leads only', async ({ page }) => {
  await login(page, 'sozialplanung');
  await page.goto('/berichte/statistik');
  await expect(page.getByRole('heading', { level: 1, name: /§ 51b-Statistik/ })).toHaveCount(0);
  const res = await page.request.get(`/api/statistics/modul13/${previousMonth()}/report`);
  expect(res.status()).toBe(403);
});
