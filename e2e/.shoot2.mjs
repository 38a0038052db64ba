import { chromium } from 'playwright-core';

const base = 'http://localhost:3900';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const [user, path, name, ...ys] = process.argv.slice(2);
const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
const page = await ctx.newPage();
await page.goto(base + '/anmelden');
await page.getByLabel('Benutzername').fill(user);
await page.getByLabel('Passwort').fill('Lotse-Demo-2026!');
await page.getByRole('button', { name: 'Anmelden' }).click();
await page.waitForTimeout(1500);
await page.goto(base + path);
await page.waitForTimeout(2500);
for (const y of ys.length ? ys : ['0']) {
  await page.evaluate((y) => window.scrollTo(0, Number(y)), y);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `/tmp/shots/${name}-${y}.png` });
}
await browser.close();
