import type { Page } from '@playwright/test';
import { expect, login, test } from '../fixtures';
import { expectVisibleFocus, focusInfo } from '../keyboard';

/**
 * Every screen of the cooperation (offers, providers, overdue feedback, handbook, the case file's
 * Zuweisungen and Fallkonferenzen tabs, the provider portal) is usable by keyboard: Tab reaches every
 * control in order, each shows a visible focus indicator, the focus never drops to the page body, and
 * axe finds nothing. The flows themselves are driven in referral-loop, cooperation and conferences specs.
 */

/** Tabs through the page from its top to its end and checks each stop; returns how many controls were reached. */
async function tabThrough(page: Page, where: string, max = 120): Promise<number> {
  await page.locator('body').focus();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    // Past the last control the focus leaves the page for the browser's own controls: the walk is done.
    if ((await focusInfo(page)) === null) return seen.length;
    await expectVisibleFocus(page, `${where}, Tab ${i + 1}`);
    const key = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return `${el.tagName}#${el.id}|${el.getAttribute('href') ?? ''}|${el.textContent?.slice(0, 30) ?? ''}|${el.getBoundingClientRect().top}`;
    });
    // Back at the first stop: every control has been reached once.
    if (seen.length > 0 && key === seen[0]) return seen.length;
    seen.push(key);
  }
  return seen.length;
}

async function firstCaseWith(page: Page, what: 'referrals' | 'conferences'): Promise<string> {
  const res = await page.request.get('/api/cases?scope=mine&status=open&limit=100');
  const { items } = (await res.json()) as { items: { id: string }[] };
  for (const c of items) {
    const list = await (await page.request.get(`/api/cases/${c.id}/${what}`)).json();
    if (list.items.length > 0) return c.id;
  }
  throw new Error(`Kein Fall mit ${what} in den Demodaten`);
}

test('Koordination: Angebote, Träger, überfällige Rückmeldungen und Handbuch per Tastatur', async ({ page, checkA11y }) => {
  test.setTimeout(120_000);
  await login(page, 'koordination');
  const offers = (await (await page.request.get('/api/offers')).json()) as { items: { id: string }[] };
  const providers = (await (await page.request.get('/api/providers')).json()) as { items: { id: string }[] };
  for (const path of [
    '/kooperation/ueberfaellig',
    '/kooperation/traeger',
    `/kooperation/traeger/${providers.items[0]?.id}`,
    '/angebote',
    `/angebote/${offers.items[0]?.id}`,
    `/angebote/${offers.items[0]?.id}/bearbeiten`,
    '/handbuch',
    '/handbuch/addiction_counselling',
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await tabThrough(page, path)).toBeGreaterThan(3);
    await checkA11y(page, path);
  }
});

test('Fallmanagement: Zuweisungen und Fallkonferenzen der Fallakte per Tastatur', async ({ page, checkA11y }) => {
  test.setTimeout(120_000);
  await login(page, 'fallmanagement');
  const withReferrals = await firstCaseWith(page, 'referrals');
  const withConferences = await firstCaseWith(page, 'conferences');
  for (const path of [`/faelle/${withReferrals}/zuweisungen`, `/faelle/${withConferences}/konferenzen`]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    expect(await tabThrough(page, path, 200)).toBeGreaterThan(10);
    await checkA11y(page, path);
  }
  // A form opened by keyboard moves the focus into it, visibly.
  await page.goto(`/faelle/${withReferrals}/zuweisungen`);
  const add = page.getByRole('button', { name: 'Einwilligung erfassen', exact: true });
  await add.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /Einwilligung erfassen/ })).toBeVisible();
  await expectVisibleFocus(page, 'Einwilligungsformular geöffnet');
});

test('Träger-Portal: Liste, Zuweisung und Fallkonferenzen per Tastatur', async ({ page, checkA11y }) => {
  test.setTimeout(120_000);
  await login(page, 'traeger');
  const list = (await (await page.request.get('/api/portal/referrals?status=all&limit=50')).json()) as {
    items: { id: string; person: unknown }[];
  };
  const withPerson = list.items.find((r) => r.person !== null) ?? list.items[0];
  const conferences = (await (await page.request.get('/api/portal/conferences')).json()) as { items: { id: string }[] };
  const paths = ['/portal', `/portal/zuweisungen/${withPerson?.id}`, '/portal/konferenzen'];
  if (conferences.items[0]) paths.push(`/portal/konferenzen/${conferences.items[0].id}`);
  for (const path of paths) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await tabThrough(page, path)).toBeGreaterThan(2);
    await checkA11y(page, path);
  }
});
