import { randomUUID } from 'node:crypto';
import type {
  CreateReferralChargeRequest,
  OfferYearPlan,
  PutOfferYearPlanRequest,
  ReferralCharge,
  ReferralChargeList,
  ReverseReferralChargeRequest,
} from '@lotse/contracts';
import { type Database, type Tx, withTenant } from '@lotse/db';
import {
  AppError,
  averageCostPerCase,
  CHARGE_UNIT_LABELS_DE,
  chargeAmountCents,
  chargeMonthProblem,
  chargeUnitsValid,
  type FinancingModel,
  fieldError,
  isPerCaseFinancing,
  serviceMonthStart,
  todayInGermany,
} from '@lotse/domain';
import type { Kysely } from 'kysely';
import type { AppConfig } from '../../config';
import type { AuthContext } from '../../http/access';
import { isUniqueViolation } from '../../http/db-errors';
import { AuditRepository } from '../audit/repository';
import { isoTimestamp } from '../cases/mapping';
import { type Created, once } from '../idempotency/idempotency';
import { type ChargeRow, CostRepository, type YearPlanRow } from './repository';

const audit = new AuditRepository();
const repo = new CostRepository();

/** The short reference a charge names its referral by: no person data, enough to match an invoice line. */
export function referralReference(referralId: string): string {
  return referralId.slice(0, 8).toUpperCase();
}

const MONTH_PROBLEMS = {
  not_started: { field: 'referralId', message: 'Für diese Zuweisung ist kein Beginn gemeldet: Es können noch keine Kosten anfallen.' },
  before_start: { field: 'serviceMonth', message: 'Der Leistungsmonat liegt vor dem Beginn der Maßnahme.' },
  after_end: { field: 'serviceMonth', message: 'Der Leistungsmonat liegt nach dem Ende der Maßnahme.' },
  in_future: { field: 'serviceMonth', message: 'Der Leistungsmonat liegt in der Zukunft.' },
} as const;

function toCharge(row: ChargeRow): ReferralCharge {
  return {
    id: row.id,
    referralId: row.referralId,
    referralReference: referralReference(row.referralId),
    serviceMonth: row.serviceMonth.slice(0, 7),
    units: Number(row.units),
    amountCents: Number(row.amountCents),
    note: row.note,
    recordedBy: { id: row.recordedBy, displayName: row.recordedByName },
    recordedAt: isoTimestamp(row.recordedAt),
    reversesChargeId: row.reversesChargeId,
    reason: row.reason,
    reversedByChargeId: row.reversedByChargeId,
  };
}

/**
 * The offers' yearly plans (capacity, budget, actual cost, SGB II share) and the actual cost of cases
 * under per-case financing (charges), SPEC C13 and seed 000 §9, §10. No person data: referrals appear
 * by a short reference and their dates only. Charges are append-only (the grant is select/insert).
 */
export class CostService {
  constructor(
    readonly db: Kysely<Database>,
    readonly config: AppConfig,
  ) {}

  private today() {
    return todayInGermany(this.config.now());
  }

  private async offerOf(trx: Tx, tenantId: string, offerId: string) {
    const offer = await repo.findOffer(trx, tenantId, offerId);
    if (!offer) throw new AppError('NOT_FOUND');
    return offer;
  }

  // ——— year plans ———

  yearPlans(auth: AuthContext, offerId: string): Promise<{ items: OfferYearPlan[] }> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const offer = await this.offerOf(trx, auth.tenantId, offerId);
      const rows = await repo.yearPlans(trx, auth.tenantId, offerId);
      const charged = await repo.chargedByYear(trx, auth.tenantId, offerId);
      const byYear = new Map(rows.map((r) => [r.year, r]));
      const items: OfferYearPlan[] = [];
      for (const row of rows) {
        const average = await this.averageCostPerCase(trx, auth.tenantId, offer.financingModel, offerId, byYear.get(row.year - 1));
        items.push(toYearPlan(row, charged.get(row.year) ?? 0, average));
      }
      return { items };
    });
  }

  yearPlan(auth: AuthContext, offerId: string, year: number): Promise<OfferYearPlan> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const offer = await this.offerOf(trx, auth.tenantId, offerId);
      const row = await repo.findYearPlan(trx, auth.tenantId, offerId, year);
      if (!row) throw new AppError('NOT_FOUND', { detail: noPlanYet(year) });
      return this.present(trx, auth.tenantId, offer.financingModel, row);
    });
  }

  /**
   * Creates the year's plan (no If-Match: it must not exist yet) or replaces it (If-Match with its
   * version: 428 without, 412 when stale). An If-Match for a plan that does not exist is stale too.
   */
  putYearPlan(
    auth: AuthContext,
    offerId: string,
    year: number,
    expectedVersion: number | undefined,
    input: PutOfferYearPlanRequest,
  ): Promise<{ created: boolean; plan: OfferYearPlan }> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const offer = await this.offerOf(trx, auth.tenantId, offerId);
      if (Math.abs(Math.round(input.sgb2SharePercent * 100) - input.sgb2SharePercent * 100) > 1e-6) {
        throw fieldError('sgb2SharePercent', 'too_precise', 'Der SGB-II-Anteil hat höchstens zwei Nachkommastellen.');
      }
      const key = { tenantId: auth.tenantId, offerId, year };
      const values = {
        plannedCases: input.plannedCases,
        plannedCostCents: input.plannedCostCents,
        actualCostCents: input.actualCostCents,
        sgb2SharePercent: input.sgb2SharePercent,
        note: input.note?.trim() || null,
      };
      const before = await repo.findYearPlan(trx, auth.tenantId, offerId, year, { forUpdate: true });
      let created = false;
      if (before) {
        if (expectedVersion === undefined) throw new AppError('PRECONDITION_REQUIRED');
        if (before.version !== expectedVersion) throw new AppError('PRECONDITION_FAILED');
        if (!(await repo.updateYearPlan(trx, key, expectedVersion, values, auth.userId))) throw new AppError('PRECONDITION_FAILED');
      } else {
        if (expectedVersion !== undefined) throw new AppError('PRECONDITION_FAILED');
        // A plan created concurrently between the read and the insert: the second writer must reload.
        if (!(await repo.insertYearPlan(trx, key, values, auth.userId))) throw new AppError('PRECONDITION_FAILED');
        created = true;
      }
      const after = await repo.findYearPlan(trx, auth.tenantId, offerId, year);
      if (!after) throw new Error('year plan vanished after write');
      // Year plans have no id of their own: logged under the offer, with the year in the entry.
      await audit.appendChange(
        trx,
        auth,
        'offer_year_plan',
        offerId,
        created ? 'create' : 'update',
        before ? yearPlanForLog(before) : null,
        yearPlanForLog(after),
      );
      return { created, plan: await this.present(trx, auth.tenantId, offer.financingModel, after) };
    });
  }

  private async present(trx: Tx, tenantId: string, model: FinancingModel, row: YearPlanRow): Promise<OfferYearPlan> {
    const charged = await repo.chargedByYear(trx, tenantId, row.offerId);
    const prior = await repo.findYearPlan(trx, tenantId, row.offerId, row.year - 1);
    const average = await this.averageCostPerCase(trx, tenantId, model, row.offerId, prior);
    return toYearPlan(row, charged.get(row.year) ?? 0, average);
  }

  /** For a flat-funded offer: the prior year's actual cost ÷ its cases (000 §9); null otherwise. */
  private async averageCostPerCase(
    trx: Tx,
    tenantId: string,
    model: FinancingModel,
    offerId: string,
    prior: YearPlanRow | undefined,
  ): Promise<number | null> {
    if (isPerCaseFinancing(model) || !prior || prior.actualCostCents === null) return null;
    const cases = await repo.casesInYear(trx, tenantId, offerId, prior.year);
    return averageCostPerCase(Number(prior.actualCostCents), cases);
  }

  // ——— charges ———

  charges(auth: AuthContext, offerId: string, year: number | undefined): Promise<ReferralChargeList> {
    const theYear = year ?? Number(this.today().slice(0, 4));
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const offer = await this.offerOf(trx, auth.tenantId, offerId);
      const items = (await repo.charges(trx, auth.tenantId, offerId, theYear)).map(toCharge);
      const referrals = isPerCaseFinancing(offer.financingModel)
        ? await repo.chargeableReferrals(trx, auth.tenantId, offerId, theYear)
        : [];
      return {
        year: theYear,
        financingModel: offer.financingModel,
        priceCents: offer.priceCents,
        items,
        totalCents: items.reduce((sum, c) => sum + c.amountCents, 0),
        chargeableReferrals: referrals.map((r) => ({
          id: r.id,
          reference: referralReference(r.id),
          startedOn: r.startedOn as string,
          endedOn: r.endedOn,
          chargedCents: Number(r.chargedCents ?? 0),
        })),
      };
    });
  }

  /**
   * Records what a case cost in a service month: units × the offer's price (per-case financing only).
   * The referral must be one of this offer that started; the month lies within its run and not in the
   * future. Charges are never changed; a wrong one is reversed ({@link reverseCharge}).
   */
  createCharge(
    auth: AuthContext,
    offerId: string,
    input: CreateReferralChargeRequest,
    idempotencyKey: string | undefined,
  ): Promise<Created<ReferralCharge>> {
    return withTenant(this.db, auth.tenantId, (trx) =>
      once(
        trx,
        { tenantId: auth.tenantId, userId: auth.userId, key: idempotencyKey, route: `POST /api/offers/${offerId}/charges`, body: input },
        async () => {
          const offer = await this.offerOf(trx, auth.tenantId, offerId);
          const model = offer.financingModel;
          if (!isPerCaseFinancing(model)) throw new AppError('CHARGES_NOT_FOR_INSTITUTIONAL');
          if (offer.priceCents === null) throw new AppError('OFFER_PRICE_MISSING');
          const referral = await repo.findReferral(trx, auth.tenantId, input.referralId);
          if (!referral || referral.offerId !== offerId) {
            throw fieldError('referralId', 'other_offer', 'Diese Zuweisung gehört nicht zu diesem Angebot.');
          }
          const problem = chargeMonthProblem(input.serviceMonth, referral, this.today());
          if (problem) throw fieldError(MONTH_PROBLEMS[problem].field, problem, MONTH_PROBLEMS[problem].message);
          if (!chargeUnitsValid(model, input.units)) {
            throw fieldError(
              'units',
              'invalid_units',
              model === 'specialist_hours'
                ? 'Fachleistungsstunden bitte mit höchstens zwei Nachkommastellen angeben (z. B. 1,25).'
                : model === 'tiered_case_flat_rate'
                  ? `${CHARGE_UNIT_LABELS_DE[model]} werden in ganzen oder halben Einheiten abgerechnet (z. B. 0,5 für einen angebrochenen Monat).`
                  : `${CHARGE_UNIT_LABELS_DE[model]} werden in ganzen Einheiten abgerechnet.`,
            );
          }
          const id = randomUUID();
          const charge = {
            referralId: referral.id,
            serviceMonth: serviceMonthStart(input.serviceMonth),
            units: input.units,
            amountCents: chargeAmountCents(model, offer.priceCents, input.units),
            note: input.note?.trim() || null,
          };
          await repo.insertCharge(trx, { tenantId: auth.tenantId, id, offerId, recordedBy: auth.userId, ...charge });
          await audit.appendChange(trx, auth, 'referral_charge', id, 'create', null, {
            offerId,
            ...charge,
            priceCents: offer.priceCents,
            financingModel: model,
          });
          const row = await repo.findCharge(trx, auth.tenantId, id);
          if (!row) throw new Error('charge vanished after insert');
          return toCharge(row);
        },
      ),
    );
  }

  /**
   * Cancels a charge by a reversal (Storno): a charge of the negated units and amount for the same
   * referral and service month, naming the reversed charge and the reason; the case's cost, the offer's
   * charged cost and the Modul 13 record of that month net out (a delivered month gets a correction).
   * A charge is reversed once (the unique index decides between two at the same moment), a reversal never.
   */
  async reverseCharge(
    auth: AuthContext,
    offerId: string,
    chargeId: string,
    input: ReverseReferralChargeRequest,
    idempotencyKey: string | undefined,
  ): Promise<Created<ReferralCharge>> {
    try {
      return await withTenant(this.db, auth.tenantId, (trx) =>
        once(
          trx,
          {
            tenantId: auth.tenantId,
            userId: auth.userId,
            key: idempotencyKey,
            route: `POST /api/offers/${offerId}/charges/${chargeId}/reversal`,
            body: input,
          },
          async () => {
            const charge = await repo.findOfferCharge(trx, auth.tenantId, offerId, chargeId);
            if (!charge) throw new AppError('NOT_FOUND');
            if (charge.reversesChargeId) throw new AppError('CHARGE_IS_REVERSAL');
            if (charge.reversedByChargeId) throw new AppError('CHARGE_ALREADY_REVERSED');
            const id = randomUUID();
            const reversal = {
              referralId: charge.referralId,
              serviceMonth: charge.serviceMonth,
              units: -Number(charge.units),
              amountCents: -Number(charge.amountCents),
              note: null,
              reversesChargeId: charge.id,
              reason: input.reason,
            };
            await repo.insertCharge(trx, { tenantId: auth.tenantId, id, offerId, recordedBy: auth.userId, ...reversal });
            await audit.appendChange(trx, auth, 'referral_charge', id, 'create', null, { offerId, ...reversal });
            const row = await repo.findCharge(trx, auth.tenantId, id);
            if (!row) throw new Error('reversal vanished after insert');
            return toCharge(row);
          },
        ),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'referral_charges_reversed_once')) throw new AppError('CHARGE_ALREADY_REVERSED');
      throw error;
    }
  }
}

function toYearPlan(row: YearPlanRow, chargedCostCents: number, averageCostPerCaseCents: number | null): OfferYearPlan {
  return {
    offerId: row.offerId,
    year: row.year,
    plannedCases: row.plannedCases,
    plannedCostCents: Number(row.plannedCostCents),
    actualCostCents: row.actualCostCents === null ? null : Number(row.actualCostCents),
    sgb2SharePercent: Number(row.sgb2SharePercent),
    note: row.note,
    chargedCostCents,
    averageCostPerCaseCents,
    updatedAt: isoTimestamp(row.updatedAt),
    version: row.version,
  };
}

function yearPlanForLog(row: YearPlanRow) {
  const { updatedAt: _updatedAt, ...content } = row;
  return { ...content, sgb2SharePercent: Number(row.sgb2SharePercent) };
}

function noPlanYet(year: number) {
  return {
    de: `Für ${year} gibt es noch keine Jahresplanung. Legen Sie sie mit PUT ohne If-Match an.`,
    en: `There is no year plan for ${year} yet. Create it with PUT without If-Match.`,
  };
}
