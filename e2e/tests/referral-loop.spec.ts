import type { Page } from '@playwright/test';
import { expect, login, test } from '../fixtures';
import { expectVisibleFocus, tabTo } from '../keyboard';

/**
 * The closed loop of SPEC C7/C8 on the demo data: the case manager finds an offer of the addiction
 * counselling provider near the person, records a consent (without health information), sends the
 * referral; the provider accepts, reports the start and an interim report with an arising need, is
 * refused a health note the consent does not cover, completes; the case manager sees the feedback and
 * takes over the proposed barrier; after the revocation the provider sees no person data any more.
 */

interface CaseSummary {
  id: string;
  person: { id: string; firstName: string; lastName: string };
}

async function logout(page: Page) {
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await expect(page.getByRole('heading', { name: /Anmelden/ })).toBeVisible();
}

/**
 * A case of the demo login whose person has a located home and no consents or referrals yet, so the
 * spec does not depend on the generator or on what other specs changed.
 */
async function freshCase(page: Page): Promise<CaseSummary> {
  const res = await page.request.get('/api/cases?scope=mine&status=open&limit=100');
  expect(res.ok()).toBeTruthy();
  const { items } = (await res.json()) as { items: (CaseSummary & { status: string })[] };
  for (const c of items.filter((i) => ['planning', 'implementation'].includes(i.status))) {
    const [consents, referrals] = await Promise.all([
      page.request.get(`/api/cases/${c.id}/consents`),
      page.request.get(`/api/cases/${c.id}/referrals`),
    ]);
    if ((await consents.json()).items.length > 0 || (await referrals.json()).items.length > 0) continue;
    const person = (await (await page.request.get(`/api/persons/${c.person.id}`)).json()) as { latitude: number | null };
    if (person.latitude !== null) return c;
  }
  throw new Error('Kein Demo-Fall ohne Einwilligungen und Zuweisungen gefunden');
}

const portalSection = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

test('referral loop: offer near the person, consent, referral, provider feedback, proposed barrier, revocation', async ({
  page,
  checkA11y,
}) => {
  test.setTimeout(120_000);
  const today = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(),
  );

  // ——— case manager: search, consent, referral ———
  await login(page, 'fallmanagement');
  const c = await freshCase(page);
  const personName = `${c.person.lastName}, ${c.person.firstName}`;
  await page.goto(`/faelle/${c.id}/zuweisungen`);
  await expect(page.getByRole('heading', { level: 2, name: 'Zuweisungen', exact: true })).toBeVisible();

  await page.getByLabel('Leistungsart').selectOption('addiction_counselling');
  await page.getByLabel('nur passende Zielgruppe').uncheck();
  await page.getByRole('button', { name: 'Angebote suchen' }).click();
  await expect(page.getByText(/\d+ Angebote? gefunden\. Sortiert nach Entfernung/)).toBeVisible();
  // Sorted by distance, each with its distance in km.
  const results = page.locator('table.ref-results__table');
  const distances = await results.getByRole('cell', { name: /^\d+(,\d)? km$/ }).allTextContents();
  expect(distances.length).toBeGreaterThan(0);
  const km = distances.map((d) => Number(d.replace(' km', '').replace(',', '.')));
  expect(km).toEqual([...km].sort((a, b) => a - b));
  await checkA11y(page, 'Zuweisungen: Suchergebnis');

  await page
    .getByRole('button', { name: /Zuweisen.*Suchtberatung Alkohol und Medikamente/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { name: /Neue Zuweisung: Suchtberatung Alkohol und Medikamente/ })).toBeVisible();
  await page.getByRole('button', { name: /Einwilligung für .* erfassen/ }).click();
  await expect(page.getByRole('heading', { name: /Einwilligung erfassen: / })).toBeVisible();
  for (const category of ['Teilnahme / Anwesenheit', /^Prozessschritte/, 'Inhaltliche Zusammenfassung', 'Ergebnisse und Empfehlungen']) {
    await page.getByRole('checkbox', { name: category }).check();
  }
  const counselling = page.getByRole('group', { name: /Die Person wurde beraten über/ });
  for (const box of await counselling.getByRole('checkbox').all()) await box.check();
  await checkA11y(page, 'Einwilligung erfassen');
  await page.getByRole('button', { name: 'Einwilligung speichern' }).click();
  await expect(page.getByText(/Die Einwilligung für .* ist gespeichert\./).first()).toBeVisible();
  await expect(page.getByRole('link', { name: /Formular drucken \(PDF\)/ }).first()).toBeVisible();

  await page.getByLabel(/^Anlass und Fragestellung für den Träger/).fill('Rückfall nach Entgiftung, Anbindung an die Beratung gewünscht.');
  await page.getByRole('button', { name: 'Zuweisung senden', exact: true }).click();
  const card = page.getByRole('region', { name: /Suchtberatung Alkohol und Medikamente – / });
  await expect(card.getByText(/zugewiesen \(wartet auf Antwort\)/).first()).toBeVisible();
  await logout(page);

  // ——— provider: accept, start, interim report, refused health note, completion ———
  await login(page, 'traeger');
  await expect(page.getByRole('heading', { level: 1, name: 'Zuweisungen an Ihren Träger' })).toBeVisible();
  await checkA11y(page, 'Portal: Liste');
  // By keyboard: from the list into the referral, accept.
  const row = page.getByRole('link', { name: personName }).first();
  await tabTo(page, row);
  await expectVisibleFocus(page, 'Portal-Liste');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /Zuweisung: Suchtberatung Alkohol und Medikamente/ })).toBeVisible();
  const accept = page.getByRole('button', { name: 'Annehmen', exact: true });
  await tabTo(page, accept);
  await page.keyboard.press('Enter');
  await expect(page.getByText('angenommen', { exact: true }).first()).toBeVisible();

  await page
    .getByRole('button', { name: /^Beginn melden/ })
    .first()
    .click();
  await page.getByLabel(/^Beginn am/).fill(today);
  await page.getByRole('button', { name: 'Beginn melden', exact: true }).click();
  await expect(page.getByText('begonnen', { exact: true }).first()).toBeVisible();

  await page.getByRole('button', { name: 'Zwischenbericht', exact: true }).click();
  await page.getByLabel(/^Bericht vom/).fill(today);
  await page.getByLabel(/^Zusammenfassung/).fill('Drei Gespräche, regelmäßige Teilnahme, Ziel Abstinenz vereinbart.');
  await page.getByRole('button', { name: 'Handlungsbedarf hinzufügen' }).click();
  await page.getByLabel(/^Handlungsbedarf 1: Art/).selectOption({ index: 1 });
  await page.getByLabel(/^Handlungsbedarf 1: Notiz/).fill('Im Gespräch deutlich geworden');
  const health = page.getByLabel(/^Gesundheitliche Hinweise/);
  await expect(page.getByText('(nicht von der Einwilligung umfasst)').first()).toBeVisible();
  await health.fill('Leberwerte erhöht');
  await page.getByRole('button', { name: 'Zwischenbericht senden' }).click();
  await expect(page.getByText('Die Einwilligung umfasst „Gesundheitsinformationen“ nicht.').first()).toBeVisible();
  // Nothing typed is lost.
  await expect(page.getByLabel(/^Zusammenfassung/)).toHaveValue(/Drei Gespräche/);
  await checkA11y(page, 'Portal: Fehler außerhalb der Einwilligung');
  await health.fill('');
  await page.getByRole('button', { name: 'Zwischenbericht senden' }).click();
  await expect(page.getByRole('heading', { name: /Bisherige Rückmeldungen \(\d+\)/ })).toBeVisible();
  await expect(page.getByText(/Zwischenbericht vom/).first()).toBeVisible();

  await page
    .getByRole('button', { name: /^Abschluss melden/ })
    .first()
    .click();
  await page.getByLabel(/^Ende am/).fill(today);
  await page.getByLabel(/^Ergebnis/).selectOption('goal_reached');
  await page.getByRole('button', { name: 'Abschluss melden', exact: true }).click();
  await expect(page.getByText('abgeschlossen', { exact: true }).first()).toBeVisible();
  await checkA11y(page, 'Portal: Zuweisung abgeschlossen');
  const portalUrl = page.url();
  await logout(page);

  // ——— case manager: feedback, proposed barrier, revocation ———
  await login(page, 'fallmanagement');
  await page.goto(`/faelle/${c.id}/zuweisungen`);
  await expect(card.getByText('abgeschlossen', { exact: true }).first()).toBeVisible();
  await card.getByRole('button', { name: /Rückmeldungen und Verlauf anzeigen/ }).click();
  await expect(card.getByText(/Zwischenbericht vom/).first()).toBeVisible();
  await expect(card.getByText(/Drei Gespräche, regelmäßige Teilnahme/).first()).toBeVisible();

  const proposals = page.getByRole('region', { name: 'Vorgeschlagene Handlungsbedarfe' });
  await expect(proposals.getByText('Im Gespräch deutlich geworden').first()).toBeVisible();
  await proposals.getByRole('button', { name: 'Übernehmen' }).first().click();
  await expect(proposals.getByText('Im Gespräch deutlich geworden')).toHaveCount(0);
  await checkA11y(page, 'Zuweisungen: Rückmeldung und Vorschlag');

  await page
    .getByRole('button', { name: /Widerrufen .*– Einwilligung für / })
    .first()
    .click();
  await page.getByRole('button', { name: 'Widerruf speichern' }).click();
  await expect(page.getByText('widerrufen', { exact: true }).first()).toBeVisible();
  await logout(page);

  // ——— provider: no person data any more ———
  await login(page, 'traeger');
  await page.goto(portalUrl);
  await expect(page.getByRole('heading', { name: 'Die Einwilligung wurde widerrufen' })).toBeVisible();
  await expect(page.getByText(c.person.lastName)).toHaveCount(0);
  await expect(portalSection(page, 'Person')).toHaveCount(0);
  await page.goto('/portal?status=all');
  await expect(page.getByRole('link', { name: personName })).toHaveCount(0);
  await checkA11y(page, 'Portal nach Widerruf');
});
