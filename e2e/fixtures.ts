import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, test as base, expect, type Page } from '@playwright/test';

/** The axe rule sets Lotse must meet (WCAG 2.1 A and AA; BITV 2.0 refers to them). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export type CheckA11y = (page: Page, context: string) => Promise<void>;

interface Fixtures {
  /** Runs axe on the current page state; fails with a readable list of the violations. */
  checkA11y: CheckA11y;
}

export const test = base.extend<Fixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as the first (destructured) argument
  checkA11y: async ({}, use, testInfo) => {
    await use(async (page, context) => {
      const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      const { violations } = results;
      if (violations.length === 0) return;
      const report = violations
        .map((v) => {
          const nodes = v.nodes
            .slice(0, 10)
            .map(
              (n) =>
                `      - ${n.target.map(String).join(' >> ')}${n.failureSummary ? `\n        ${n.failureSummary.replace(/\n/g, '\n        ')}` : ''}`,
            )
            .join('\n');
          const more = v.nodes.length > 10 ? `\n      … und ${v.nodes.length - 10} weitere` : '';
          return `  • ${v.id} [${v.impact ?? 'unknown'}] ${v.help}\n    ${v.helpUrl}\n${nodes}${more}`;
        })
        .join('\n');
      await testInfo.attach(`axe-${context}.json`, { body: JSON.stringify(violations, null, 2), contentType: 'application/json' });
      expect
        .soft(
          violations.map((v) => `${v.id} (${v.nodes.length}×)`),
          `Barrierefreiheit (axe, ${WCAG_TAGS.join(', ')}) – ${context}: ${violations.length} Verstoß/Verstöße\n${report}`,
        )
        .toEqual([]);
    });
  },
});

export { expect };

export const DEMO_PASSWORD = 'Lotse-Demo-2026!';

/** Logs in through the login form and waits for the start page of the user's role. */
export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/anmelden');
  await page.getByLabel('Benutzername').fill(username);
  await page.getByLabel('Passwort').fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('button', { name: 'Abmelden' })).toBeVisible();
}

export interface PersonHit {
  id: string;
  customerNumber: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  city: string | null;
  householdId: string | null;
}

/** The CSRF token of the page's session (GET /api/auth/session); needed for writes through the API. */
export async function csrfToken(request: APIRequestContext): Promise<string> {
  const res = await request.get('/api/auth/session');
  expect(res.ok(), `GET /api/auth/session: HTTP ${res.status()}`).toBeTruthy();
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

/**
 * Finds demo persons through the API of a logged-in page (same cookies), so the specs do not depend
 * on the generator's exact output. `lastNames` are tried in order; `skip` leaves out the first
 * matches (each spec uses other persons, so the specs stay independent of each other's edits).
 */
export async function findPerson(
  page: Page,
  options: { lastNames: string[]; withHousehold?: boolean; skip?: number; adult?: boolean },
): Promise<PersonHit> {
  const token = await csrfToken(page.request);
  let skip = options.skip ?? 0;
  for (const lastName of options.lastNames) {
    const res = await page.request.post('/api/persons/search', {
      data: { query: lastName, limit: 50 },
      headers: { 'X-CSRF-Token': token },
    });
    expect(res.ok(), `Personensuche "${lastName}": HTTP ${res.status()}`).toBeTruthy();
    const { items } = (await res.json()) as { items: Omit<PersonHit, 'householdId'>[] };
    for (const item of items.filter((p) => p.lastName === lastName)) {
      if (options.adult && Number(item.birthDate.slice(0, 4)) > new Date().getFullYear() - 20) continue;
      let householdId: string | null = null;
      if (options.withHousehold) {
        const detail = await page.request.get(`/api/persons/${item.id}`);
        expect(detail.ok()).toBeTruthy();
        householdId = ((await detail.json()) as { household: { id: string } | null }).household?.id ?? null;
        if (!householdId) continue;
      }
      if (skip > 0) {
        skip--;
        continue;
      }
      return { ...item, householdId };
    }
  }
  throw new Error(`Keine passende Demo-Person gefunden (${options.lastNames.join(', ')})`);
}

/** "Nachname, Vorname" as in the result tables. */
export const listName = (p: { firstName: string; lastName: string }) => `${p.lastName}, ${p.firstName}`;
