import { randomUUID } from 'node:crypto';
import type {
  barrierProposalDecisionRequest,
  ChildcareArrangement,
  Consent,
  CreateChildcareArrangementRequest,
  CreateConsentRequest,
  CreateReferralRequest,
  childcareArrangementList,
  endChildcareArrangementRequest,
  Referral,
  ReferralActionRequest,
  revokeConsentRequest,
  updateReferralRequest,
} from '@lotse/contracts';
import { type Database, type Tx, withTenant } from '@lotse/db';
import {
  AppError,
  ASSESSMENT_EDITABLE,
  type CaseStatus,
  CONSENT_COUNSELLING_LABELS_DE,
  CONSENT_COUNSELLING_POINTS,
  consentState,
  type FieldError,
  fieldError,
  nextReferralStatus,
  type ReferralStatus,
  todayInGermany,
  WORK_EDITABLE,
} from '@lotse/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { AppConfig } from '../../config';
import type { AuthContext } from '../../http/access';
import { AuditRepository } from '../audit/repository';
import { CaseRepository, type CaseRow } from '../cases/repository';
import { recordBarrier } from '../cases/service';
import { lockCaseForWork } from '../cases/work-lock';
import { type Created, once } from '../idempotency/idempotency';
import { renderConsentPdf } from './consent-pdf';
import { type BarrierProposal, consentFactsOf, toBarrierProposal, toChildcareArrangement, toConsent, toReferral } from './mapping';
import { type ReferralRecord, ReferralRepository } from './repository';

const audit = new AuditRepository();
const cases = new CaseRepository();

type RevokeConsentRequest = z.infer<typeof revokeConsentRequest>;
type UpdateReferralRequest = z.infer<typeof updateReferralRequest>;
type DecisionRequest = z.infer<typeof barrierProposalDecisionRequest>;
type ChildcareArrangementList = z.infer<typeof childcareArrangementList>;
type EndChildcareArrangementRequest = z.infer<typeof endChildcareArrangementRequest>;

/** Referral statuses in which the provider has taken the child into care (or did): arrangements can be recorded. */
const CHILDCARE_RECORDABLE: readonly ReferralStatus[] = ['accepted', 'started', 'completed', 'dropped_out'];

/** Two date periods (end null: open) share at least one day. */
function periodsOverlap(a: { beginsOn: string; endsOn: string | null }, b: { beginsOn: string; endsOn: string | null }): boolean {
  return (a.endsOn === null || b.beginsOn <= a.endsOn) && (b.endsOn === null || a.beginsOn <= b.endsOn);
}

/** The same child: the same household member, or (without one) the same label regardless of case and spaces. */
function sameChild(a: { childPersonId: string | null; childLabel: string }, b: { childPersonId: string | null; childLabel: string }) {
  if (a.childPersonId !== null || b.childPersonId !== null) return a.childPersonId === b.childPersonId;
  const norm = (label: string) => label.trim().replace(/\s+/g, ' ').toLowerCase();
  return norm(a.childLabel) === norm(b.childLabel);
}

const CHILDCARE_OVERLAP_MESSAGE = 'Für dieses Kind gibt es in diesem Zeitraum bereits ein Betreuungsarrangement.';

/**
 * The Jobcenter's side of the cooperation with providers (SPEC C7, C8): consents, referrals and the
 * barriers providers propose. Only the case's responsible case manager changes them; reads of the
 * person's data are logged (purpose `referral`, health information additionally `special_category`).
 */
export class ReferralService {
  private readonly repo = new ReferralRepository();

  constructor(
    readonly db: Kysely<Database>,
    readonly config: AppConfig,
  ) {}

  private today(): string {
    return todayInGermany(this.config.now());
  }

  // ——— consents ———

  listConsents(auth: AuthContext, caseId: string): Promise<{ items: Consent[] }> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const row = await this.findCase(trx, auth, caseId);
      const rows = await this.repo.listConsents(trx, auth.tenantId, caseId);
      if (rows.length > 0) await audit.appendReads(trx, auth, [row.personId], 'referral');
      const today = this.today();
      return { items: rows.map((r) => toConsent(r, today)) };
    });
  }

  consent(auth: AuthContext, id: string): Promise<Consent> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const row = await this.repo.findConsent(trx, auth.tenantId, id);
      if (!row) throw new AppError('NOT_FOUND');
      await audit.appendReads(trx, auth, [row.personId], 'referral');
      return toConsent(row, this.today());
    });
  }

  createConsent(
    auth: AuthContext,
    caseId: string,
    input: CreateConsentRequest,
    idempotencyKey: string | undefined,
  ): Promise<Created<Consent>> {
    return withTenant(this.db, auth.tenantId, (trx) =>
      once(
        trx,
        { tenantId: auth.tenantId, userId: auth.userId, key: idempotencyKey, route: `POST /api/cases/${caseId}/consents`, body: input },
        async () => {
          const row = await this.lockForWork(trx, auth, caseId, WORK_EDITABLE);
          const today = this.today();
          const errors: FieldError[] = [];
          const missing = CONSENT_COUNSELLING_POINTS.filter((p) => !input.counselled.includes(p));
          if (missing.length > 0) {
            errors.push({
              field: 'counselled',
              code: 'counselling_incomplete',
              message: `Die Person muss vor der Einwilligung über alle Punkte beraten werden. Es fehlt: ${missing
                .map((p) => CONSENT_COUNSELLING_LABELS_DE[p])
                .join('; ')}.`,
            });
          }
          if (input.givenOn > today) {
            errors.push({ field: 'givenOn', code: 'in_future', message: 'Das Datum der Einwilligung darf nicht in der Zukunft liegen.' });
          }
          if (input.validUntil && input.validUntil < input.givenOn) {
            errors.push({ field: 'validUntil', code: 'before_given', message: 'Die Gültigkeit endet vor dem Tag der Einwilligung.' });
          }
          const provider = await this.repo.findProvider(trx, auth.tenantId, input.providerId);
          if (!provider?.active) {
            errors.push({
              field: 'providerId',
              code: 'unknown_provider',
              message: 'Diesen Träger gibt es nicht oder er ist nicht mehr aktiv.',
            });
          }
          if (errors.length > 0) throw new AppError('VALIDATION_FAILED', { fields: errors });
          const id = randomUUID();
          const categories = [...new Set(input.categories)];
          const counselled = [...new Set(input.counselled)];
          await this.repo.insertConsent(trx, {
            tenantId: auth.tenantId,
            id,
            personId: row.personId,
            caseId,
            providerId: input.providerId,
            categories,
            purpose: input.purpose,
            form: input.form,
            givenOn: input.givenOn,
            validUntil: input.validUntil ?? null,
            counselled,
            recordedBy: auth.userId,
          });
          await audit.appendChange(trx, auth, 'consent', id, 'create', null, {
            caseId,
            personId: row.personId,
            ...input,
            categories,
            counselled,
            validUntil: input.validUntil ?? null,
          });
          return this.reloadConsent(trx, auth.tenantId, id);
        },
      ),
    );
  }

  /**
   * Revokes a consent. The person may revoke at any time, also when the case is closed: revocation is
   * never read-only. From then on the provider gets no person data (consentState() is `revoked`).
   */
  revokeConsent(auth: AuthContext, id: string, expectedVersion: number, input: RevokeConsentRequest): Promise<Consent> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const existing = await this.repo.findConsent(trx, auth.tenantId, id);
      if (!existing) throw new AppError('NOT_FOUND');
      await this.lockForWork(trx, auth, existing.caseId, null);
      const before = await this.repo.findConsent(trx, auth.tenantId, id, { lock: 'update' });
      if (!before) throw new AppError('NOT_FOUND');
      if (before.revokedOn !== null) throw new AppError('CONSENT_ALREADY_REVOKED');
      if (before.version !== expectedVersion) throw new AppError('PRECONDITION_FAILED');
      const today = this.today();
      const revokedOn = input.revokedOn ?? today;
      if (revokedOn > today) throw fieldError('revokedOn', 'in_future', 'Der Widerruf kann nicht in der Zukunft liegen.');
      if (revokedOn < before.givenOn) {
        throw fieldError('revokedOn', 'before_given', 'Der Widerruf kann nicht vor der Einwilligung liegen.');
      }
      const revocation = { revokedOn, revokedBy: auth.userId, revocationNote: input.note ?? null };
      if (!(await this.repo.revokeConsent(trx, auth.tenantId, id, expectedVersion, revocation))) {
        throw new AppError('PRECONDITION_FAILED');
      }
      await audit.appendChange(trx, auth, 'consent', id, 'update', { revokedOn: null }, revocation);
      return this.reloadConsent(trx, auth.tenantId, id);
    });
  }

  consentPdf(auth: AuthContext, id: string): Promise<Buffer> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const row = await this.repo.findConsent(trx, auth.tenantId, id);
      if (!row) throw new AppError('NOT_FOUND');
      const context = await this.repo.consentFormContext(trx, auth.tenantId, row.personId, row.providerId);
      await audit.appendReads(trx, auth, [row.personId], 'referral');
      const today = this.today();
      return renderConsentPdf({
        tenantName: context.tenantName,
        person: context,
        provider: {
          name: row.providerName,
          street: context.providerStreet,
          houseNumber: context.providerHouseNumber,
          postalCode: context.providerPostalCode,
          city: context.providerCity,
        },
        consent: toConsent(row, today),
        printedOn: today,
      });
    });
  }

  // ——— referrals ———

  listReferrals(auth: AuthContext, caseId: string): Promise<{ items: Referral[] }> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const row = await this.findCase(trx, auth, caseId);
      const records = await this.repo.referralsOfCase(trx, auth.tenantId, caseId);
      const today = this.today();
      const views = records.map((r) => toReferral(r, { responsible: r.caseManagerId === auth.userId }, today));
      if (views.length > 0) await audit.appendReads(trx, auth, [row.personId], 'referral');
      if (views.some((v) => v.specialShown)) await audit.appendReads(trx, auth, [row.personId], 'special_category');
      return { items: views.map((v) => v.referral) };
    });
  }

  referral(auth: AuthContext, id: string): Promise<Referral> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const record = await this.repo.findReferral(trx, auth.tenantId, id);
      if (!record) throw new AppError('NOT_FOUND');
      return this.present(trx, auth, record);
    });
  }

  createReferral(
    auth: AuthContext,
    caseId: string,
    input: CreateReferralRequest,
    idempotencyKey: string | undefined,
  ): Promise<Created<Referral>> {
    return withTenant(this.db, auth.tenantId, (trx) =>
      once(
        trx,
        { tenantId: auth.tenantId, userId: auth.userId, key: idempotencyKey, route: `POST /api/cases/${caseId}/referrals`, body: input },
        async () => {
          const row = await this.lockForWork(trx, auth, caseId, WORK_EDITABLE);
          const offer = await this.repo.findOffer(trx, auth.tenantId, input.offerId);
          if (!offer) throw fieldError('offerId', 'unknown_offer', 'Dieses Angebot gibt es nicht.');
          if (!offer.active || !offer.providerActive) throw new AppError('OFFER_INACTIVE');
          const consentId = input.consentId ?? null;
          await this.requireReferralLinks(trx, auth.tenantId, caseId, offer.providerId, consentId, input.goalIds);
          const id = randomUUID();
          const status: ReferralStatus = input.kind === 'self_referred' ? 'self_referred' : 'draft';
          const goalIds = [...new Set(input.goalIds)];
          await this.repo.insertReferral(trx, {
            tenantId: auth.tenantId,
            id,
            caseId,
            personId: row.personId,
            offerId: offer.id,
            providerId: offer.providerId,
            consentId,
            status,
            referralNote: input.referralNote ?? null,
            goalIds,
            healthNote: input.healthNote ?? null,
            createdBy: auth.userId,
          });
          await this.repo.insertTransition(trx, {
            tenantId: auth.tenantId,
            id: randomUUID(),
            referralId: id,
            fromStatus: null,
            toStatus: status,
            actorId: auth.userId,
            actorSide: 'jobcenter',
            reason: null,
          });
          await audit.appendChange(trx, auth, 'referral', id, 'create', null, {
            caseId,
            offerId: offer.id,
            providerId: offer.providerId,
            consentId,
            status,
            referralNote: input.referralNote ?? null,
            goalIds,
            healthNote: input.healthNote ?? null,
          });
          return this.reload(trx, auth, id);
        },
      ),
    );
  }

  updateReferral(auth: AuthContext, id: string, expectedVersion: number, changes: UpdateReferralRequest): Promise<Referral> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const { row: before, record } = await this.lockReferralForWork(trx, auth, id, expectedVersion);
      if (before.status !== 'draft' && before.status !== 'self_referred') throw new AppError('REFERRAL_STEP_NOT_ALLOWED');
      const set: Record<string, unknown> = {};
      if (changes.consentId !== undefined) set.consentId = changes.consentId;
      if (changes.referralNote !== undefined) set.referralNote = changes.referralNote;
      if (changes.healthNote !== undefined) set.healthNote = changes.healthNote;
      if (changes.goalIds !== undefined) set.goalIds = [...new Set(changes.goalIds)];
      await this.requireReferralLinks(
        trx,
        auth.tenantId,
        before.caseId,
        before.providerId,
        changes.consentId === undefined ? null : changes.consentId,
        changes.goalIds ?? [],
      );
      if (!(await this.repo.updateReferral(trx, auth.tenantId, id, expectedVersion, set))) throw new AppError('PRECONDITION_FAILED');
      const previous: Record<string, unknown> = {
        consentId: record.consentId,
        referralNote: record.referralNote,
        healthNote: record.healthNote,
        goalIds: record.goalIds,
      };
      await audit.appendChange(
        trx,
        auth,
        'referral',
        id,
        'update',
        Object.fromEntries(Object.keys(set).map((k) => [k, previous[k] ?? null])),
        set,
      );
      return this.reload(trx, auth, id);
    });
  }

  /** The Jobcenter's steps: send (needs a valid consent for the provider), cancel, confirm a self-referral. */
  referralAction(auth: AuthContext, id: string, expectedVersion: number, input: ReferralActionRequest): Promise<Referral> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const { row: before } = await this.lockReferralForWork(trx, auth, id, expectedVersion);
      const from = before.status as ReferralStatus;
      const to = nextReferralStatus(from, input.action);
      if (to === null) throw new AppError('REFERRAL_STEP_NOT_ALLOWED');
      const today = this.today();
      const set: Record<string, unknown> = { status: to };
      let reason: string | null = null;
      if (input.action === 'send' || input.action === 'confirm_self_referral') {
        await this.requireValidConsent(trx, auth.tenantId, before.consentId, before.providerId, today);
      }
      if (input.action === 'send') {
        const offer = await this.repo.findOffer(trx, auth.tenantId, before.offerId);
        if (!offer?.active || !offer.providerActive) throw new AppError('OFFER_INACTIVE');
        set.sentOn = today;
      } else if (input.action === 'cancel') {
        reason = input.reason;
      } else {
        if (input.startedOn > today) throw fieldError('startedOn', 'in_future', 'Der Beginn darf nicht in der Zukunft liegen.');
        set.needsDecision = input.needsDecision;
        set.startedOn = input.startedOn;
      }
      if (!(await this.repo.updateReferral(trx, auth.tenantId, id, expectedVersion, set))) throw new AppError('PRECONDITION_FAILED');
      await this.repo.insertTransition(trx, {
        tenantId: auth.tenantId,
        id: randomUUID(),
        referralId: id,
        fromStatus: from,
        toStatus: to,
        actorId: auth.userId,
        actorSide: 'jobcenter',
        reason,
      });
      await audit.appendChange(trx, auth, 'referral', id, 'update', { status: from }, { ...set, action: input.action, reason });
      return this.reload(trx, auth, id);
    });
  }

  // ——— barrier proposals ———

  listProposals(auth: AuthContext, caseId: string): Promise<{ items: BarrierProposal[]; hiddenSpecialCategory: number }> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const row = await this.findCase(trx, auth, caseId);
      const rows = await this.repo.proposalsOfCase(trx, auth.tenantId, caseId);
      const responsible = row.caseManagerId === auth.userId;
      const shown = responsible ? rows : rows.filter((p) => !p.specialCategory);
      if (shown.length > 0) await audit.appendReads(trx, auth, [row.personId], 'referral');
      if (shown.some((p) => p.specialCategory)) await audit.appendReads(trx, auth, [row.personId], 'special_category');
      return { items: shown.map(toBarrierProposal), hiddenSpecialCategory: rows.length - shown.length };
    });
  }

  /** Accept (creates the barrier, indicator `provider_feedback`) or reject (with a note) a provider's proposal. */
  decideProposal(auth: AuthContext, id: string, expectedVersion: number, input: DecisionRequest): Promise<BarrierProposal> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const existing = await this.repo.findProposal(trx, auth.tenantId, id);
      if (!existing) throw new AppError('NOT_FOUND');
      await this.lockForWork(trx, auth, existing.caseId, input.decision === 'accept' ? ASSESSMENT_EDITABLE : WORK_EDITABLE);
      const before = await this.repo.findProposal(trx, auth.tenantId, id, { forUpdate: true });
      if (!before) throw new AppError('NOT_FOUND');
      if (before.status !== 'proposed') throw new AppError('PROPOSAL_ALREADY_DECIDED');
      if (before.version !== expectedVersion) throw new AppError('PRECONDITION_FAILED');
      const note = input.note?.trim() || null;
      let barrierId: string | null = null;
      if (input.decision === 'reject') {
        if (!note) throw fieldError('note', 'required', 'Bitte begründen Sie, warum Sie den Vorschlag ablehnen.');
      } else {
        barrierId = await recordBarrier(trx, auth, {
          caseId: before.caseId,
          barrierTypeId: before.barrierTypeId,
          severity: input.severity,
          recordedOn: this.today(),
          indicators: [{ source: 'provider_feedback', note: before.note }],
          note: before.note,
        });
      }
      const decision = {
        status: input.decision === 'accept' ? ('accepted' as const) : ('rejected' as const),
        decidedBy: auth.userId,
        decisionNote: note,
        barrierId,
      };
      if (!(await this.repo.decideProposal(trx, auth.tenantId, id, expectedVersion, decision))) throw new AppError('PRECONDITION_FAILED');
      await audit.appendChange(trx, auth, 'barrier_proposal', id, 'update', { status: 'proposed' }, decision);
      const after = await this.repo.findProposal(trx, auth.tenantId, id);
      if (!after) throw new Error('proposal vanished');
      return toBarrierProposal(after);
    });
  }

  // ——— childcare arrangements (one per child of a childcare referral, 000 §9) ———

  /** The referral's arrangements and the household's children to choose from; reads of the children are logged. */
  listChildcareArrangements(auth: AuthContext, referralId: string): Promise<ChildcareArrangementList> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const record = await this.childcareReferral(trx, auth.tenantId, referralId);
      const rows = await this.repo.childcareArrangements(trx, auth.tenantId, referralId);
      const children = await this.repo.householdChildren(trx, auth.tenantId, record.personId);
      const childIds = [...children.map((c) => c.personId), ...rows.flatMap((r) => (r.childPersonId ? [r.childPersonId] : []))];
      await audit.appendReads(trx, auth, [...new Set([record.personId, ...childIds])], 'referral');
      return {
        items: rows.map(toChildcareArrangement),
        householdChildren: children.map((c) => ({ personId: c.personId, label: `${c.firstName} ${c.lastName}`, birthDate: c.birthDate })),
      };
    });
  }

  createChildcareArrangement(
    auth: AuthContext,
    referralId: string,
    input: CreateChildcareArrangementRequest,
    idempotencyKey: string | undefined,
  ): Promise<Created<ChildcareArrangement>> {
    return withTenant(this.db, auth.tenantId, (trx) =>
      once(
        trx,
        {
          tenantId: auth.tenantId,
          userId: auth.userId,
          key: idempotencyKey,
          route: `POST /api/referrals/${referralId}/childcare-arrangements`,
          body: input,
        },
        async () => {
          const record = await this.childcareReferral(trx, auth.tenantId, referralId);
          await this.lockForWork(trx, auth, record.caseId, WORK_EDITABLE);
          if (!CHILDCARE_RECORDABLE.includes(record.status as ReferralStatus)) {
            throw new AppError('REFERRAL_STEP_NOT_ALLOWED', {
              detail: {
                de: 'Betreuungsarrangements werden erfasst, sobald der Träger die Zuweisung angenommen hat.',
                en: 'Childcare arrangements are recorded once the provider has accepted the referral.',
              },
            });
          }
          const label = input.childLabel?.trim() || null;
          const childPersonId = input.childPersonId ?? null;
          if ((childPersonId === null) === (label === null)) {
            throw fieldError(
              'childPersonId',
              'child_required',
              'Bitte wählen Sie entweder ein Kind der Bedarfsgemeinschaft oder geben Sie eine Bezeichnung für das Kind ein.',
            );
          }
          let childLabel = label ?? '';
          if (childPersonId !== null) {
            const child = (await this.repo.householdChildren(trx, auth.tenantId, record.personId)).find(
              (c) => c.personId === childPersonId,
            );
            if (!child) {
              throw fieldError('childPersonId', 'not_a_child', 'Diese Person ist kein Kind in der Bedarfsgemeinschaft der Person.');
            }
            childLabel = `${child.firstName} ${child.lastName}`;
          }
          const endsOn = input.endsOn ?? null;
          if (endsOn !== null && endsOn < input.beginsOn) {
            throw fieldError('endsOn', 'before_begin', 'Das Ende liegt vor dem Beginn der Betreuung.');
          }
          const arrangement = { childPersonId, childLabel, beginsOn: input.beginsOn, endsOn };
          const existing = await this.repo.childcareArrangements(trx, auth.tenantId, referralId);
          if (existing.some((e) => sameChild(e, arrangement) && periodsOverlap(e, arrangement))) {
            throw new AppError('CONFLICT', {
              fields: [{ field: childPersonId ? 'childPersonId' : 'childLabel', code: 'overlapping', message: CHILDCARE_OVERLAP_MESSAGE }],
            });
          }
          const id = randomUUID();
          await this.repo.insertChildcareArrangement(trx, {
            tenantId: auth.tenantId,
            id,
            referralId,
            createdBy: auth.userId,
            ...arrangement,
          });
          await audit.appendChange(trx, auth, 'childcare_arrangement', id, 'create', null, { referralId, ...arrangement });
          return this.reloadChildcareArrangement(trx, auth.tenantId, id);
        },
      ),
    );
  }

  /** Sets (or corrects) the end of an arrangement; no version: the end is its only changeable field. */
  endChildcareArrangement(auth: AuthContext, id: string, input: EndChildcareArrangementRequest): Promise<ChildcareArrangement> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const existing = await this.repo.findChildcareArrangement(trx, auth.tenantId, id);
      if (!existing) throw new AppError('NOT_FOUND');
      const record = await this.repo.findReferral(trx, auth.tenantId, existing.referralId);
      if (!record) throw new AppError('NOT_FOUND');
      await this.lockForWork(trx, auth, record.caseId, WORK_EDITABLE);
      const before = await this.repo.findChildcareArrangement(trx, auth.tenantId, id, { forUpdate: true });
      if (!before) throw new AppError('NOT_FOUND');
      if (input.endsOn < before.beginsOn) throw fieldError('endsOn', 'before_begin', 'Das Ende liegt vor dem Beginn der Betreuung.');
      const after = { ...before, endsOn: input.endsOn };
      const others = (await this.repo.childcareArrangements(trx, auth.tenantId, before.referralId)).filter((e) => e.id !== id);
      if (others.some((e) => sameChild(e, after) && periodsOverlap(e, after))) {
        throw new AppError('CONFLICT', { fields: [{ field: 'endsOn', code: 'overlapping', message: CHILDCARE_OVERLAP_MESSAGE }] });
      }
      await this.repo.endChildcareArrangement(trx, auth.tenantId, id, input.endsOn);
      await audit.appendChange(trx, auth, 'childcare_arrangement', id, 'update', { endsOn: before.endsOn }, { endsOn: input.endsOn });
      return this.reloadChildcareArrangement(trx, auth.tenantId, id);
    });
  }

  /** A referral to a childcare offer (404 when unknown, 409 for any other service type). */
  private async childcareReferral(trx: Tx, tenantId: string, referralId: string): Promise<ReferralRecord> {
    const record = await this.repo.findReferral(trx, tenantId, referralId);
    if (!record) throw new AppError('NOT_FOUND');
    if (record.serviceType !== 'childcare_care') throw new AppError('NOT_A_CHILDCARE_REFERRAL');
    return record;
  }

  private async reloadChildcareArrangement(trx: Tx, tenantId: string, id: string): Promise<ChildcareArrangement> {
    const row = await this.repo.findChildcareArrangement(trx, tenantId, id);
    if (!row) throw new Error('childcare arrangement vanished');
    return toChildcareArrangement(row);
  }

  // ——— helpers ———

  private async findCase(trx: Tx, auth: AuthContext, caseId: string): Promise<CaseRow> {
    const row = await cases.findCase(trx, auth.tenantId, caseId);
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  /**
   * Locks the case for a change by its responsible case manager (like the case file does), so changes
   * of one case queue. `statuses: null` allows every status (a revocation is never refused).
   */
  private lockForWork(trx: Tx, auth: AuthContext, caseId: string, statuses: readonly CaseStatus[] | null): Promise<CaseRow> {
    return lockCaseForWork(trx, auth, caseId, statuses);
  }

  private async lockReferralForWork(trx: Tx, auth: AuthContext, id: string, expectedVersion: number) {
    const record = await this.repo.findReferral(trx, auth.tenantId, id);
    if (!record) throw new AppError('NOT_FOUND');
    await this.lockForWork(trx, auth, record.caseId, WORK_EDITABLE);
    const row = await this.repo.lockReferral(trx, auth.tenantId, id);
    if (!row) throw new AppError('NOT_FOUND');
    if (row.version !== expectedVersion) throw new AppError('PRECONDITION_FAILED');
    return { row, record };
  }

  /** The consent must be one of this case for the offer's provider; the goals must be goals of this case. */
  private async requireReferralLinks(
    trx: Tx,
    tenantId: string,
    caseId: string,
    providerId: string,
    consentId: string | null,
    goalIds: string[],
  ) {
    const errors: FieldError[] = [];
    if (consentId) {
      const consent = await this.repo.findConsent(trx, tenantId, consentId);
      if (!consent || consent.caseId !== caseId || consent.providerId !== providerId) {
        errors.push({
          field: 'consentId',
          code: 'unknown_consent',
          message: 'Die Einwilligung muss eine dieses Falls für den Träger des Angebots sein.',
        });
      }
    }
    if (goalIds.length > 0) {
      const goals = new Set((await this.repo.goalsOfCase(trx, tenantId, caseId)).map((g) => g.id));
      if (goalIds.some((g) => !goals.has(g))) {
        errors.push({ field: 'goalIds', code: 'unknown_goal', message: 'Ein gewähltes Ziel gehört nicht zum Hilfeplan des Falls.' });
      }
    }
    if (errors.length > 0) throw new AppError('VALIDATION_FAILED', { fields: errors });
  }

  private async requireValidConsent(trx: Tx, tenantId: string, consentId: string | null, providerId: string, today: string) {
    const consent = consentId ? await this.repo.findConsent(trx, tenantId, consentId, { lock: 'share' }) : undefined;
    if (!consent || consent.providerId !== providerId || consentState(consentFactsOf(consent), today) !== 'valid') {
      throw new AppError('CONSENT_REQUIRED');
    }
  }

  private async reloadConsent(trx: Tx, tenantId: string, id: string): Promise<Consent> {
    const row = await this.repo.findConsent(trx, tenantId, id);
    if (!row) throw new Error('consent vanished');
    return toConsent(row, this.today());
  }

  private async reload(trx: Tx, auth: AuthContext, id: string): Promise<Referral> {
    const record = await this.repo.findReferral(trx, auth.tenantId, id);
    if (!record) throw new Error('referral vanished');
    return this.present(trx, auth, record);
  }

  /** One referral as the caller may see it; the read is logged. */
  private async present(trx: Tx, auth: AuthContext, record: ReferralRecord): Promise<Referral> {
    const { referral, specialShown } = toReferral(record, { responsible: record.caseManagerId === auth.userId }, this.today());
    await audit.appendReads(trx, auth, [record.personId], 'referral');
    if (specialShown) await audit.appendReads(trx, auth, [record.personId], 'special_category');
    return referral;
  }
}
