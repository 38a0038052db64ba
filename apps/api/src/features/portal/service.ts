import { randomUUID } from 'node:crypto';
import type { PortalActionRequest, PortalFeedbackRequest, PortalReferral, portalReferralListQuery } from '@lotse/contracts';
import { type Database, type Tx, withTenant } from '@lotse/db';
import {
  AppError,
  CONSENT_CATEGORIES,
  CONSENT_CATEGORY_LABELS_DE,
  type ConsentCategory,
  type ConsentFacts,
  categoriesOfProviderWrite,
  consentState,
  type FeedbackKind,
  type FieldError,
  fieldError,
  nextReferralStatus,
  type ReferralStatus,
  todayInGermany,
  uncoveredCategories,
  visibleToProvider,
} from '@lotse/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { AppConfig } from '../../config';
import type { AuthContext } from '../../http/access';
import { decodeCursor, pageOf } from '../../http/pagination';
import { AuditRepository } from '../audit/repository';
import { type Created, once } from '../idempotency/idempotency';
import { consentFactsOf, toPortalReferral } from '../referrals/mapping';
import { type ReferralRecord, ReferralRepository, type ReferralRow } from '../referrals/repository';

const audit = new AuditRepository();

type PortalReferralListQuery = z.infer<typeof portalReferralListQuery>;

const OPEN_STATUSES: readonly ReferralStatus[] = ['sent', 'accepted', 'started'];

/** In which status of the referral the provider may report what. */
const FEEDBACK_STATUSES: Record<FeedbackKind, readonly ReferralStatus[]> = {
  appointment: ['accepted', 'started'],
  interim_report: ['started'],
  final_report: ['started', 'completed', 'dropped_out'],
};

/** Fields of a provider write that carry a date which cannot lie in the future. */
const DATE_FIELDS = ['startedOn', 'endedOn', 'droppedOutOn', 'appointmentOn', 'reportedOn'] as const;

/** The fields as written, without the empty ones (they carry no information and need no category). */
function writtenFields(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0)),
  );
}

/**
 * The provider portal (SPEC C7): provider staff see and answer the referrals to their provider, and
 * only what the person's consent covers. Everything is scoped by the session's provider; anything
 * else is "not found". Responses with person data are logged (purpose `provider_portal`).
 */
export class PortalService {
  private readonly repo = new ReferralRepository();

  constructor(
    readonly db: Kysely<Database>,
    readonly config: AppConfig,
  ) {}

  private today(): string {
    return todayInGermany(this.config.now());
  }

  list(auth: AuthContext, query: PortalReferralListQuery): Promise<{ items: PortalReferral[]; page: { nextCursor: string | null } }> {
    const after = query.cursor ? decodeCursor(query.cursor, ['string', 'string'] as const) : undefined;
    const providerId = auth.providerId;
    if (!providerId) return Promise.resolve({ items: [], page: { nextCursor: null } });
    const statuses = query.status === 'open' ? OPEN_STATUSES : query.status === 'all' ? null : [query.status];
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const rows = await this.repo.providerReferrals(trx, auth.tenantId, providerId, {
        statuses,
        after: after ? { createdAt: after[0], id: after[1] } : undefined,
        limit: query.limit,
      });
      const page = pageOf(rows, query.limit, (row) => [row.createdAtKey, row.id]);
      const today = this.today();
      const items = page.items.filter((r) => visibleToProvider(r.status as ReferralStatus, r.sentOn));
      const views = items.map((r) => toPortalReferral(r, today));
      await this.logPersons(trx, auth, items, views);
      return { items: views, page: { nextCursor: page.nextCursor } };
    });
  }

  referral(auth: AuthContext, id: string): Promise<PortalReferral> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const record = await this.repo.findReferral(trx, auth.tenantId, id);
      if (!record || !this.maySee(auth, record)) throw new AppError('NOT_FOUND');
      return this.present(trx, auth, record);
    });
  }

  /** A step of the provider: accept, decline, start, not start, complete, drop out. */
  action(auth: AuthContext, id: string, expectedVersion: number, input: PortalActionRequest): Promise<PortalReferral> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const row = await this.lockVisible(trx, auth, id);
      if (row.version !== expectedVersion) throw new AppError('PRECONDITION_FAILED');
      const today = this.today();
      const consent = await this.requireValidConsent(trx, auth, row, today);
      const from = row.status as ReferralStatus;
      const to = nextReferralStatus(from, input.action);
      if (to === null) throw new AppError('REFERRAL_STEP_NOT_ALLOWED');
      const { action, ...rest } = input;
      const fields = writtenFields(rest);
      requireCovered(consent, categoriesOfProviderWrite(fields), today);
      requirePastDates(fields, today);

      const set: Record<string, unknown> = { status: to };
      let reason: string | null = null;
      switch (input.action) {
        case 'accept':
          set.acceptedOn = today;
          break;
        case 'decline':
          reason = input.declineReason;
          break;
        case 'start':
          set.startedOn = input.startedOn;
          break;
        case 'not_start':
          reason = input.notStartedReason;
          break;
        case 'complete':
          set.endedOn = input.endedOn;
          set.result = input.result ?? null;
          break;
        case 'drop_out':
          set.endedOn = input.droppedOutOn;
          reason = input.dropOutReason?.trim() || null;
          break;
      }
      if (!(await this.repo.updateReferral(trx, auth.tenantId, id, expectedVersion, set))) throw new AppError('PRECONDITION_FAILED');
      const changes = new ChangeBatch();
      await this.repo.insertTransition(trx, {
        tenantId: auth.tenantId,
        id: randomUUID(),
        referralId: id,
        fromStatus: from,
        toStatus: to,
        actorId: auth.userId,
        actorSide: 'provider',
        reason,
      });
      if (Object.keys(fields).length > 0) {
        const feedbackId = randomUUID();
        const categories = categoriesOf(fields, false);
        await this.repo.insertFeedback(trx, {
          tenantId: auth.tenantId,
          id: feedbackId,
          referralId: id,
          kind: 'status',
          categories,
          recordedOn: today,
          recordedBy: auth.userId,
          fields: { action, ...fields },
        });
        changes.add('referral_feedback', feedbackId, 'create', null, {
          referralId: id,
          kind: 'status',
          categories,
          fields: { action, ...fields },
        });
      }
      changes.add('referral', id, 'update', { status: from }, { ...set, action, reason });
      const view = await this.reload(trx, auth, id);
      await changes.append(trx, auth);
      return view;
    });
  }

  /** A report of the provider (appointment, interim or final report), appended to the referral's feedback. */
  async feedback(
    auth: AuthContext,
    id: string,
    input: PortalFeedbackRequest,
    idempotencyKey: string | undefined,
  ): Promise<Created<PortalReferral>> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const result = await once(
        trx,
        {
          tenantId: auth.tenantId,
          userId: auth.userId,
          key: idempotencyKey,
          route: `POST /api/portal/referrals/${id}/feedback`,
          body: input,
        },
        () => this.appendFeedback(trx, auth, id, input),
      );
      // A replay answers with the referral as it is now: the stored answer may hold person data the
      // provider may no longer see (the consent may have been revoked since).
      if (!result.replayed) return result;
      const record = await this.repo.findReferral(trx, auth.tenantId, id);
      if (!record || !this.maySee(auth, record)) throw new AppError('NOT_FOUND');
      return { ...result, body: await this.present(trx, auth, record) };
    });
  }

  barrierTypes(auth: AuthContext) {
    return withTenant(this.db, auth.tenantId, async (trx) => ({ items: await this.repo.activeBarrierTypes(trx, auth.tenantId) }));
  }

  // ——— helpers ———

  private async appendFeedback(trx: Tx, auth: AuthContext, id: string, input: PortalFeedbackRequest): Promise<PortalReferral> {
    const row = await this.lockVisible(trx, auth, id);
    const today = this.today();
    const consent = await this.requireValidConsent(trx, auth, row, today);
    if (!FEEDBACK_STATUSES[input.kind].includes(row.status as ReferralStatus)) throw new AppError('REFERRAL_STEP_NOT_ALLOWED');
    const { kind, ...rest } = input;
    const fields = writtenFields(rest);
    const needs = input.kind === 'interim_report' ? (input.arisingNeeds ?? []) : [];
    const types = new Map(
      (await this.repo.barrierTypesByIds(trx, auth.tenantId, [...new Set(needs.map((n) => n.barrierTypeId))])).map((t) => [t.id, t]),
    );
    const specialNeed = needs.some((n) => types.get(n.barrierTypeId)?.specialCategory === true);
    requireCovered(consent, categoriesOfProviderWrite(fields, specialNeed), today);
    requirePastDates(fields, today);
    const unknown: FieldError[] = needs.flatMap((need, i) =>
      types.get(need.barrierTypeId)?.active
        ? []
        : [
            {
              field: `arisingNeeds.${i}.barrierTypeId`,
              code: 'unknown_barrier_type',
              message: 'Bitte wählen Sie einen Handlungsbedarf aus dem aktiven Katalog.',
            },
          ],
    );
    if (unknown.length > 0) throw new AppError('VALIDATION_FAILED', { fields: unknown });

    const feedbackId = randomUUID();
    const categories = categoriesOf(fields, specialNeed);
    const changes = new ChangeBatch();
    await this.repo.insertFeedback(trx, {
      tenantId: auth.tenantId,
      id: feedbackId,
      referralId: id,
      kind,
      categories,
      recordedOn: today,
      recordedBy: auth.userId,
      fields,
    });
    changes.add('referral_feedback', feedbackId, 'create', null, { referralId: id, kind, categories, fields });
    for (const need of needs) {
      const proposalId = randomUUID();
      const specialCategory = types.get(need.barrierTypeId)?.specialCategory ?? false;
      const note = need.note?.trim() || null;
      await this.repo.insertProposal(trx, {
        tenantId: auth.tenantId,
        id: proposalId,
        caseId: row.caseId,
        referralId: id,
        feedbackId,
        barrierTypeId: need.barrierTypeId,
        note,
        specialCategory,
      });
      changes.add('barrier_proposal', proposalId, 'create', null, {
        caseId: row.caseId,
        referralId: id,
        barrierTypeId: need.barrierTypeId,
        note,
        specialCategory,
      });
    }
    // Reports set the date the next interim report is counted from; every accepted write raises the version.
    const set: Record<string, unknown> = {};
    if (input.kind !== 'appointment' && (row.lastReportOn === null || input.reportedOn > row.lastReportOn)) {
      set.lastReportOn = input.reportedOn;
    }
    if (!(await this.repo.updateReferral(trx, auth.tenantId, id, row.version, set))) throw new AppError('PRECONDITION_FAILED');
    const view = await this.reload(trx, auth, id);
    await changes.append(trx, auth);
    return view;
  }

  /** Only referrals to the caller's provider that a provider may see at all. */
  private maySee(auth: AuthContext, row: { providerId: string; status: string; sentOn: string | null }): boolean {
    return auth.providerId !== null && row.providerId === auth.providerId && visibleToProvider(row.status as ReferralStatus, row.sentOn);
  }

  /** Locks the referral for a provider write; another provider's, another tenant's or an invisible one is "not found". */
  private async lockVisible(trx: Tx, auth: AuthContext, id: string): Promise<ReferralRow> {
    const row = await this.repo.lockReferral(trx, auth.tenantId, id);
    if (!row || !this.maySee(auth, row)) throw new AppError('NOT_FOUND');
    return row;
  }

  /**
   * The referral's consent, valid today and for this provider; otherwise nothing may flow (409). The
   * consent row is share-locked, so a revocation waits for this write and the next request sees it.
   */
  private async requireValidConsent(trx: Tx, auth: AuthContext, row: ReferralRow, today: string): Promise<ConsentFacts> {
    const consent = row.consentId ? await this.repo.findConsent(trx, auth.tenantId, row.consentId, { lock: 'share' }) : undefined;
    if (!consent || consent.providerId !== row.providerId) throw new AppError('CONSENT_NOT_VALID');
    const facts = consentFactsOf(consent);
    if (consentState(facts, today) !== 'valid') throw new AppError('CONSENT_NOT_VALID');
    return facts;
  }

  private async reload(trx: Tx, auth: AuthContext, id: string): Promise<PortalReferral> {
    const record = await this.repo.findReferral(trx, auth.tenantId, id);
    if (!record) throw new Error('referral vanished');
    return this.present(trx, auth, record);
  }

  private async present(trx: Tx, auth: AuthContext, record: ReferralRecord): Promise<PortalReferral> {
    const view = toPortalReferral(record, this.today());
    await this.logPersons(trx, auth, [record], [view]);
    return view;
  }

  /** Logs the persons whose data the answer actually contains (only with a valid consent). */
  private async logPersons(trx: Tx, auth: AuthContext, records: ReferralRecord[], views: PortalReferral[]) {
    const persons = records.filter((_, i) => views[i]?.person !== null).map((r) => r.personId);
    await audit.appendReads(trx, auth, [...new Set(persons)], 'provider_portal');
  }
}

/**
 * Change-log entries of one write, appended as the transaction's last statements: the append locks the
 * tenant's one change-log chain until commit, so every tenant write waits for it. Appending last keeps
 * that lock for the commit only, not for the reload and the read-log append (measured: bench
 * provider-feedback, docs/benchmarks.md).
 */
class ChangeBatch {
  private readonly entries: Array<Parameters<AuditRepository['appendChange']> extends [unknown, unknown, ...infer R] ? R : never> = [];

  add(...entry: (typeof this.entries)[number]) {
    this.entries.push(entry);
  }

  async append(trx: Tx, auth: AuthContext) {
    for (const entry of this.entries) await audit.appendChange(trx, auth, ...entry);
  }
}

/** The categories a write falls under, in catalogue order. */
function categoriesOf(fields: Record<string, unknown>, specialNeed: boolean): ConsentCategory[] {
  const needed = new Set(categoriesOfProviderWrite(fields, specialNeed).map((n) => n.category));
  return CONSENT_CATEGORIES.filter((c) => needed.has(c));
}

/**
 * Rejects the whole write when the consent does not cover a category one of its fields needs: one
 * error per field, naming the categories in German (422, nothing is written).
 */
function requireCovered(consent: ConsentFacts, needed: Array<{ field: string; category: ConsentCategory }>, today: string) {
  const uncovered = new Set(
    uncoveredCategories(
      consent,
      needed.map((n) => n.category),
      today,
    ),
  );
  if (uncovered.size === 0) return;
  const byField = new Map<string, ConsentCategory[]>();
  for (const { field, category } of needed) {
    if (!uncovered.has(category)) continue;
    const list = byField.get(field) ?? [];
    if (!list.includes(category)) list.push(category);
    byField.set(field, list);
  }
  throw new AppError('CONSENT_CATEGORY_NOT_COVERED', {
    fields: [...byField].map(([field, categories]) => ({
      field,
      code: 'consent_category_not_covered',
      message: `Die Einwilligung umfasst ${categories.map((c) => `„${CONSENT_CATEGORY_LABELS_DE[c]}“`).join(' und ')} nicht.`,
    })),
  });
}

function requirePastDates(fields: Record<string, unknown>, today: string) {
  for (const field of DATE_FIELDS) {
    const value = fields[field];
    if (typeof value === 'string' && value > today) throw fieldError(field, 'in_future', 'Das Datum darf nicht in der Zukunft liegen.');
  }
}
