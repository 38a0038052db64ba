import type { Page } from '@playwright/test';
import { csrfToken, expect, login, test } from '../fixtures';
import { expectVisibleFocus } from '../keyboard';

/**
 * Costs (SPEC C13; 000 §9, §10): the coordination sets an offer's year plan and records what a case
 * cost (the amount is shown before saving); the case manager records a childcare arrangement for a
 * child of the household. The demo data is read through the API, so the spec does not depend on the
 * generator's exact output. Every screen is checked with axe.
 */

const euro = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });
const thisYear = () => Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric' }).format(new Date()));

interface Chargeable {
  offerId: string;
  offerName: string;
  priceCents: number;
}

/** A per-case financed offer with a price and a referral that started and ran this year. */
async function chargeableOffer(page: Page): Promise<Chargeable> {
  const { items } = (await (await page.request.get('/api/offers?active=all')).json()) as {
    items: { id: string; name: string; financingModel: string; priceCents: number | null }[];
  };
  for (const offer of items) {
    if (offer.financingModel === 'institutional' || offer.priceCents === null) continue;
    const res = await page.request.get(`/api/offers/${offer.id}/charges?year=${thisYear()}`);
    expect(res.ok()).toBeTruthy();
    const list = (await res.json()) as { chargeableReferrals: unknown[] };
    if (list.chargeableReferrals.length > 0) return { offerId: offer.id, offerName: offer.name, priceCents: offer.priceCents };
  }
  throw new Error('Kein Angebot mit Einzelfallabrechnung und begonnener Zuweisung in diesem Jahr in den Demodaten');
}

/**
 * A childcare referral of one of the signed-in case manager's cases that the provider has accepted
 * (or started), preferably one whose person has children in the household; if the demo has none, a
 * self-referral to a childcare offer is recorded and confirmed through the API.
 */
async function childcareReferral(page: Page): Promise<{ caseId: string; referralId: string; child: string | null }> {
  const cases = (await (await page.request.get('/api/cases?scope=mine&status=open&limit=100')).json()) as {
    items: { id: string; status: string }[];
  };
  let fallback: { caseId: string; referralId: string; child: string | null } | null = null;
  for (const c of cases.items) {
    const { items } = (await (await page.request.get(`/api/cases/${c.id}/referrals`)).json()) as {
      items: { id: string; status: string; offer: { serviceType: string } }[];
    };
    for (const r of items) {
      if (r.offer.serviceType !== 'childcare_care' || !['accepted', 'started', 'completed', 'dropped_out'].includes(r.status)) continue;
      const list = (await (await page.request.get(`/api/referrals/${r.id}/childcare-arrangements`)).json()) as {
        items: { child: { personId: string | null; label: string } }[];
        householdChildren: { personId: string; label: string }[];
      };
      // A child already in care under this referral (the demo arranges care for the household's children) cannot get a second, overlapping arrangement.
      const free = list.householdChildren.find((hc) => !list.items.some((a) => a.child.personId === hc.personId));
      const found = { caseId: c.id, referralId: r.id, child: free?.label ?? null };
      if (found.child) return found;
      fallback ??= found;
    }
  }
  if (fallback) return fallback;

  const token = await csrfToken(page.request);
  const headers = { 'X-CSRF-Token': token };
  const offers = (await (await page.request.get('/api/offers?serviceType=childcare_care')).json()) as {
    items: { id: string; provider: { id: string } }[];
  };
  const offer = offers.items[0];
  const target = cases.items.find((c) => ['intake', 'assessment', 'planning', 'implementation'].includes(c.status));
  if (!offer || !target) throw new Error('Kein Kinderbetreuungsangebot oder kein bearbeitbarer Fall in den Demodaten');
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
  const consent = await page.request.post(`/api/cases/${target.id}/consents`, {
    headers,
    data: {
      providerId: offer.provider.id,
      categories: ['attendance', 'results'],
      purpose: 'Abstimmung der Kinderbetreuung',
      form: 'written',
      givenOn: today,
      counselled: ['content', 'effects', 'scope', 'voluntariness', 'benefit'],
    },
  });
  expect(consent.status(), await consent.text()).toBe(201);
  const created = await page.request.post(`/api/cases/${target.id}/referrals`, {
    headers,
    data: { offerId: offer.id, kind: 'self_referred', consentId: (await consent.json()).id },
  });
  expect(created.status(), await created.text()).toBe(201);
  const referral = (await created.json()) as { id: string; version: number };
  const confirmed = await page.request.post(`/api/referrals/${referral.id}/actions`, {
    headers: { ...headers, 'If-Match': `"${referral.version}"` },
    data: { action: 'confirm_self_referral', needsDecision: 'Betreuung für die Teilnahme an der Maßnahme nötig', startedOn: today },
  });
  expect(confirmed.status(), await confirmed.text()).toBe(200);
  const list = (await (await page.request.get(`/api/referrals/${referral.id}/childcare-arrangements`)).json()) as {
    householdChildren: { label: string }[];
  };
  return { caseId: target.id, referralId: referral.id, child: list.householdChildren[0]?.label ?? null };
}

test('Koordination legt die Jahresplanung eines Angebots fest und erfasst Einzelfallkosten', async ({ page, checkA11y }) => {
  test.setTimeout(90_000);
  await login(page, 'koordination');
  const offer = await chargeableOffer(page);
  const year = thisYear();

  await page.goto(`/angebote/${offer.offerId}`);
  await expect(page.getByRole('heading', { level: 1, name: offer.offerName })).toBeVisible();
  const section = page.getByRole('region', { name: 'Jahresplanung und Kosten' });
  await expect(section.getByRole('heading', { name: `Jahresplanung ${year}`, exact: true })).toBeVisible();
  await expect(section.getByRole('combobox', { name: 'Jahr', exact: true })).toHaveValue(String(year));

  // Year plan: German amounts and percent; a wrong input is named and the typed values stay.
  const planned = section.getByLabel('Geplante Kosten (Budget)');
  await expect(planned).toBeVisible();
  await planned.fill('123.456,78');
  await section.getByLabel('SGB-II-Anteil in Prozent').fill('120');
  await section.getByRole('button', { name: 'Jahresplanung speichern' }).click();
  await expect(section.getByText('Bitte geben Sie eine Zahl von 0 bis 100 mit höchstens zwei Nachkommastellen ein.').first()).toBeVisible();
  await expect(planned).toHaveValue('123.456,78');
  await section.getByLabel('SGB-II-Anteil in Prozent').fill('87,5');
  await section.getByRole('button', { name: 'Jahresplanung speichern' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Die Jahresplanung ${year} ist gespeichert.` })).toBeAttached();
  const figures = section.locator('.offer-costs__figures');
  await expect(figures).toContainText(euro.format(123_456.78));
  await expect(figures).toContainText('87,5 %');
  await checkA11y(page, 'Angebot: Jahresplanung');

  // A charge: a started referral, a month of its run, two units; the amount shows before saving.
  const charges = section.locator('.offer-costs__charges');
  const before = await charges.locator('tbody tr').count();
  const chargeIds = async () => {
    const list = (await (await page.request.get(`/api/offers/${offer.offerId}/charges?year=${year}`)).json()) as {
      totalCents: number;
      items: { id: string; referralReference: string; serviceMonth: string; amountCents: number }[];
    };
    return list;
  };
  const known = new Set((await chargeIds()).items.map((c) => c.id));
  const referral = charges.locator('#charge-referral');
  await referral.focus();
  await expectVisibleFocus(page, 'Zuweisung der Abrechnung');
  await referral.selectOption({ index: 1 });
  await charges.locator('#charge-month').selectOption({ index: 1 });
  const units = charges.locator('#charge-units');
  await units.fill('2');
  const amount = euro.format((offer.priceCents * 2) / 100);
  await expect(charges.locator('#charge-amount')).toContainText(`Betrag: ${amount}`);
  await units.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: `${amount} für` })).toBeAttached();
  await expect(charges.locator('tbody tr')).toHaveCount(before + 1);
  await expect(charges.getByRole('table')).toContainText(amount);
  await expect(units).toHaveValue('');
  await checkA11y(page, 'Angebot: Einzelfallabrechnung');

  // The charge was wrong: it is reversed with a reason (a Storno of the same month), and the year's sum nets out.
  const after = await chargeIds();
  const recorded = after.items.find((c) => !known.has(c.id));
  if (!recorded) throw new Error('Die erfasste Abrechnung fehlt in der Liste');
  const [y, m] = recorded.serviceMonth.split('-').map(Number);
  const month = `${new Intl.DateTimeFormat('de-DE', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, 1)))} ${y}`;
  await charges.getByRole('button', { name: `Abrechnung ${recorded.referralReference}, ${month}, ${amount} stornieren` }).click();
  const reversal = charges.getByRole('region', { name: 'Abrechnung stornieren' });
  await expect(reversal.getByRole('heading', { name: 'Abrechnung stornieren' })).toBeFocused();
  await expect(reversal).toContainText(`wird durch ein Storno über ${euro.format(-(offer.priceCents * 2) / 100)}`);
  await reversal.getByRole('button', { name: 'Storno buchen' }).click();
  await expect(reversal.getByText('Bitte füllen Sie dieses Feld aus.').first()).toBeVisible();
  await reversal.getByLabel('Grund des Stornos').fill('Rechnung vom Träger storniert');
  await checkA11y(page, 'Angebot: Storno einer Abrechnung');
  await reversal.getByRole('button', { name: 'Storno buchen' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Abrechnung ${recorded.referralReference} für ${month} storniert` }),
  ).toBeAttached();
  await expect(reversal).toHaveCount(0);
  await expect(charges.locator('tbody tr')).toHaveCount(before + 2);
  await expect(charges.getByRole('table')).toContainText('Storno: Rechnung vom Träger storniert');
  await expect(charges).toContainText(`Summe ${year}: ${euro.format((after.totalCents - recorded.amountCents) / 100)}`);
});

test('Fallmanagement erfasst ein Betreuungsarrangement für ein Kind der Bedarfsgemeinschaft', async ({ page, checkA11y }) => {
  test.setTimeout(90_000);
  await login(page, 'fallmanagement');
  const target = await childcareReferral(page);

  await page.goto(`/faelle/${target.caseId}/zuweisungen`);
  const section = page.locator(`section[aria-labelledby="referral-${target.referralId}-childcare"]`);
  await expect(section.getByRole('heading', { name: 'Betreuungsarrangements' })).toBeVisible();
  // The arrangements load after the heading: count them once the page is quiet.
  await page.waitForLoadState('networkidle');
  const rowsBefore = await section.locator('tbody tr').count();

  // Opened by keyboard: the focus moves into the form.
  const add = section.getByRole('button', { name: 'Betreuungsarrangement hinzufügen' });
  await add.focus();
  await page.keyboard.press('Enter');
  await expect(section.getByRole('heading', { name: 'Neues Betreuungsarrangement' })).toBeFocused();

  // Saving without a child names the missing choice and keeps the dates typed.
  const begins = section.getByLabel('Beginn der Betreuung');
  await begins.fill('01.02.2026');
  let childLabel: string;
  if (target.child) {
    await section.getByRole('button', { name: 'Arrangement speichern' }).click();
    await expect(section.getByText('Bitte wählen Sie das Kind aus.').first()).toBeVisible();
    await expect(begins).toHaveValue('01.02.2026');
    await section.getByRole('radio', { name: new RegExp(`^${target.child}`) }).check();
    childLabel = target.child;
  } else {
    childLabel = `Kind E2E ${Date.now().toString(36).slice(-4)}`;
    // With household children (all already in care here) the free label is behind the "anderes Kind" choice.
    const otherChild = section.getByRole('radio', { name: /^anderes Kind/ });
    if (await otherChild.count()) await otherChild.check();
    await section.getByLabel('Bezeichnung des Kindes').fill(childLabel);
  }
  await section.getByLabel('Ende der Betreuung', { exact: false }).fill('31.01.2026');
  await section.getByRole('button', { name: 'Arrangement speichern' }).click();
  await expect(section.getByText('Das Ende liegt vor dem Beginn der Betreuung.').first()).toBeVisible();
  await section.getByLabel('Ende der Betreuung', { exact: false }).fill('');
  await section.getByRole('button', { name: 'Arrangement speichern' }).click();

  await expect(page.getByRole('status').filter({ hasText: `Betreuungsarrangement für ${childLabel} erfasst.` })).toBeAttached();
  await expect(section.locator('tbody tr')).toHaveCount(rowsBefore + 1);
  const row = section.locator('tbody tr').filter({ hasText: childLabel }).filter({ hasText: '01.02.2026' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('läuft');
  await checkA11y(page, 'Fallakte: Betreuungsarrangements');
});
