import { withTenant } from '@lotse/db';
import {
  CONSENT_CATEGORIES,
  CONSENT_CATEGORY_LABELS_DE,
  type ConsentCategory,
  PROVIDER_FIELD_CATEGORIES,
  SHARED_FIELD_CATEGORIES,
  type SharedField,
  WHEREABOUTS,
} from '@lotse/domain';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../testing';
import { call, expectOk } from '../cases/testing';
import { createConsent, createPerson, type ReferralSetup, referralState, seedReferralSetup, sentReferral } from '../referrals/testing';

/**
 * Property (API level): whatever the person consented to, the provider portal answers only with what
 * the consent covers, accepts a provider write exactly when the consent covers every field it fills
 * (otherwise 422 and nothing is written), and after a revocation shows no person data and takes no
 * write at all.
 */

const TODAY = '2026-03-10';
const RUNS = 12;

type Need = 'plain' | 'special';
type Write = Record<string, unknown> & { kind: 'appointment' | 'interim_report' | 'final_report' };

const note = fc.constantFrom('kurz notiert', 'Gespräch geführt', 'weiter beobachten');
const writeArb: fc.Arbitrary<Write> = fc.oneof(
  fc.record(
    { kind: fc.constant('appointment' as const), appointmentOn: fc.constant(TODAY), kept: fc.boolean(), appointmentNote: note },
    { requiredKeys: ['kind', 'appointmentOn', 'kept'] },
  ),
  fc.record(
    {
      kind: fc.constant('interim_report' as const),
      reportedOn: fc.constant(TODAY),
      processSteps: note,
      subGoals: fc.constant([{ title: 'Haushaltsbuch führen', dueOn: '2026-06-01' }]),
      plannedHelp: note,
      summary: note,
      arisingNeeds: fc.constantFrom<Need>('plain', 'special'),
      healthNotes: note,
    },
    { requiredKeys: ['kind', 'reportedOn'] },
  ),
  fc.record(
    {
      kind: fc.constant('final_report' as const),
      reportedOn: fc.constant(TODAY),
      whereabouts: fc.constantFrom(...WHEREABOUTS),
      whereaboutsNote: note,
      nextSteps: note,
      summary: note,
      healthNotes: note,
    },
    { requiredKeys: ['kind', 'reportedOn'] },
  ),
);

describe.each(['pglite', 'postgres'] as const)('consent enforcement in the provider portal on %s (property)', (kind) => {
  let t: TestApp;
  let cm: Session;
  let staff: Session;
  let setup: ReferralSetup;
  const barrierTypes: Record<Need, string> = { plain: '', special: '' };

  beforeAll(async () => {
    t = await createTestApp(kind, { now: () => new Date(`${TODAY}T10:00:00Z`) });
    cm = await t.login(t.tenantA.users.case_manager.username);
    staff = await t.login(t.tenantA.users.provider_staff.username);
    setup = await seedReferralSetup(t, cm, await createPerson(t, cm), { givenOn: '2026-03-01' });
    const types = (await call(t, staff, 'GET', '/api/portal/barrier-types')).json().items as Array<{
      id: string;
      specialCategory: boolean;
    }>;
    barrierTypes.plain = types.find((b) => !b.specialCategory)?.id ?? '';
    barrierTypes.special = types.find((b) => b.specialCategory)?.id ?? '';
  });
  afterAll(async () => t?.close());

  const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

  /** Every provider-facing answer: nothing outside the consented categories; the person only while valid. */
  function expectWithinConsent(view: Record<string, unknown>, covered: Set<ConsentCategory>, valid: boolean) {
    const consent = view.consent as { state: string; categories: string[] };
    expect(consent.state).toBe(valid ? 'valid' : 'revoked');
    if (!valid) {
      expect(view.person).toBeNull();
      expect(view.shared).toEqual({});
      expect(view.feedback).toEqual([]);
      expect(view.history).toEqual([]);
      expect(view.actions).toEqual([]);
      return;
    }
    expect(view.person).not.toBeNull();
    const shared = view.shared as Record<string, unknown>;
    // The referral shares a note, goals and a health note: exactly the covered ones arrive.
    expect(Object.keys(shared).sort()).toEqual(
      (Object.keys(SHARED_FIELD_CATEGORIES) as SharedField[]).filter((k) => covered.has(SHARED_FIELD_CATEGORIES[k])).sort(),
    );
    for (const entry of view.feedback as Array<{ categories: ConsentCategory[]; fields: Record<string, unknown> }>) {
      for (const category of entry.categories) expect(covered.has(category)).toBe(true);
      for (const field of Object.keys(entry.fields)) {
        const category = PROVIDER_FIELD_CATEGORIES[field];
        if (category) expect(covered.has(category)).toBe(true);
      }
    }
    for (const entry of view.history as Array<{ reason?: string }>) {
      if (entry.reason !== undefined) expect(covered.has('process_steps')).toBe(true);
    }
  }

  async function providerReads(id: string, covered: Set<ConsentCategory>, valid: boolean) {
    const one = await call(t, staff, 'GET', `/api/portal/referrals/${id}`);
    await expectOk(one);
    expectWithinConsent(one.json(), covered, valid);
    const list = await call(t, staff, 'GET', '/api/portal/referrals?status=all&limit=100');
    await expectOk(list);
    const item = list.json().items.find((r: { id: string }) => r.id === id);
    expect(item).toBeDefined();
    expectWithinConsent(item, covered, valid);
    return one.json();
  }

  it('shares, accepts and refuses exactly what the consent covers, and nothing after its revocation', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.subarray([...CONSENT_CATEGORIES], { minLength: 1 }),
        fc.array(writeArb, { minLength: 1, maxLength: 4 }),
        async (categories, writes) => {
          const covered = new Set<ConsentCategory>(categories);
          const consentId = await createConsent(t, cm, setup.caseId, setup.providerId, categories, '2026-03-01');
          const shared = { referralNote: 'Schulden klären', healthNote: 'Rückenleiden', goalIds: [setup.goalId] };
          const referral = await sentReferral(t, cm, { ...setup, consentId }, shared);
          // A referral withdrawn with a reason: the reason is a process step.
          const withdrawn = await sentReferral(t, cm, { ...setup, consentId }, shared);
          await expectOk(
            await call(
              t,
              cm,
              'POST',
              `/api/referrals/${withdrawn.id}/actions`,
              { action: 'cancel', reason: 'Person verzogen' },
              ifMatch(withdrawn.version),
            ),
          );
          const cancelled = await providerReads(withdrawn.id, covered, true);
          expect(cancelled.history.some((h: { reason?: string }) => h.reason === 'Person verzogen')).toBe(covered.has('process_steps'));

          let current = await providerReads(referral.id, covered, true);
          const accepted = await call(
            t,
            staff,
            'POST',
            `/api/portal/referrals/${referral.id}/actions`,
            { action: 'accept' },
            ifMatch(current.version),
          );
          await expectOk(accepted);
          expectWithinConsent(accepted.json(), covered, true);
          const start = await call(
            t,
            staff,
            'POST',
            `/api/portal/referrals/${referral.id}/actions`,
            { action: 'start', startedOn: TODAY },
            ifMatch(accepted.json().version),
          );
          if (covered.has('attendance')) {
            await expectOk(start);
            expectWithinConsent(start.json(), covered, true);
          } else {
            expect(start.statusCode).toBe(422);
            expect(start.json().errors).toEqual([
              {
                field: 'startedOn',
                code: 'consent_category_not_covered',
                message: `Die Einwilligung umfasst „${CONSENT_CATEGORY_LABELS_DE.attendance}“ nicht.`,
              },
            ]);
            // To try the reports also without attendance, the help starts outside the portal.
            await withTenant(t.database.owner, t.tenantA.id, (trx) =>
              trx.updateTable('referrals').set({ status: 'started', startedOn: TODAY }).where('id', '=', referral.id).execute(),
            );
          }

          for (const write of writes) {
            const { arisingNeeds, ...rest } = write;
            const body: Record<string, unknown> = { ...rest };
            if (arisingNeeds) body.arisingNeeds = [{ barrierTypeId: barrierTypes[arisingNeeds as Need], note: 'neu aufgefallen' }];
            const needed = new Map<string, ConsentCategory[]>();
            for (const field of Object.keys(body)) {
              const category = PROVIDER_FIELD_CATEGORIES[field];
              if (category) needed.set(field, [category]);
            }
            if (arisingNeeds === 'special') needed.get('arisingNeeds')?.push('health');
            const uncovered = [...needed].filter(([, cats]) => cats.some((c) => !covered.has(c)));

            const before = await referralState(t, t.tenantA.id, referral.id);
            const res = await call(t, staff, 'POST', `/api/portal/referrals/${referral.id}/feedback`, body);
            if (uncovered.length === 0) {
              expect(res.statusCode, res.body).toBe(201);
              expectWithinConsent(res.json(), covered, true);
              const after = await referralState(t, t.tenantA.id, referral.id);
              expect(after.feedback).toBe(before.feedback + 1);
              expect(after.proposals).toBe(before.proposals + (arisingNeeds ? 1 : 0));
            } else {
              expect(res.statusCode, res.body).toBe(422);
              expect(res.json().code).toBe('CONSENT_CATEGORY_NOT_COVERED');
              const errors = res.json().errors as Array<{ field: string; code: string; message: string }>;
              expect(errors.map((e) => e.field).sort()).toEqual(uncovered.map(([field]) => field).sort());
              for (const error of errors) {
                expect(error.code).toBe('consent_category_not_covered');
                const missing = (needed.get(error.field) ?? []).filter((c) => !covered.has(c));
                for (const category of missing) expect(error.message).toContain(`„${CONSENT_CATEGORY_LABELS_DE[category]}“`);
              }
              expect(await referralState(t, t.tenantA.id, referral.id)).toEqual(before);
            }
            current = await providerReads(referral.id, covered, true);
          }

          // The revocation takes effect with the provider's next request.
          const consent = await call(t, cm, 'GET', `/api/consents/${consentId}`);
          await expectOk(await call(t, cm, 'POST', `/api/consents/${consentId}/revoke`, {}, ifMatch(consent.json().version)));
          current = await providerReads(referral.id, covered, false);
          await providerReads(withdrawn.id, covered, false);
          const before = await referralState(t, t.tenantA.id, referral.id);
          const attempts = [
            call(t, staff, 'POST', `/api/portal/referrals/${referral.id}/feedback`, {
              kind: 'appointment',
              appointmentOn: TODAY,
              kept: true,
            }),
            call(
              t,
              staff,
              'POST',
              `/api/portal/referrals/${referral.id}/actions`,
              { action: 'complete', endedOn: TODAY },
              ifMatch(current.version),
            ),
            call(
              t,
              staff,
              'POST',
              `/api/portal/referrals/${referral.id}/actions`,
              { action: 'drop_out', droppedOutOn: TODAY },
              ifMatch(current.version),
            ),
          ];
          for (const res of await Promise.all(attempts)) {
            expect(res.statusCode, res.body).toBe(409);
            expect(res.json().code).toBe('CONSENT_NOT_VALID');
          }
          expect(await referralState(t, t.tenantA.id, referral.id)).toEqual(before);
        },
      ),
      { numRuns: RUNS },
    );
  }, 120_000);
});
