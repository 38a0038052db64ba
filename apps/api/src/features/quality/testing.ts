import { randomUUID } from 'node:crypto';
import { type Tx, withTenant } from '@lotse/db';
import { personSearchName } from '@lotse/domain';
import { sql } from 'kysely';
import type { TestApp } from '../../testing';
import { createUserDirect } from '../tenants/provisioning';

/**
 * Writes small, fixed histories for the quality-indicator and provider-report tests directly with the
 * owner connection: the API only records "today", and these figures are about past years. Every date
 * is given, so the expected figures can be computed by hand.
 */
export class HistoryWriter {
  private counter = 0;

  constructor(
    readonly t: TestApp,
    readonly tenantId: string,
    /** Who "recorded" everything (a user of the tenant). */
    readonly actorId: string,
  ) {}

  private write<T>(work: (trx: Tx) => Promise<T>): Promise<T> {
    return withTenant(this.t.database.owner, this.tenantId, work);
  }

  private next(): string {
    return String(++this.counter).padStart(4, '0');
  }

  /** A transition's instant: noon in Germany on the given day. */
  private noon(day: string): string {
    return `${day}T12:00:00+01:00`;
  }

  async rules(changes: { suppressionMinimum?: number; caseloadTarget?: number; waitingTargetDays?: number }) {
    await this.write(async (trx) => {
      const exists = await trx.selectFrom('tenantCaseRules').select('tenantId').where('tenantId', '=', this.tenantId).executeTakeFirst();
      if (exists) await trx.updateTable('tenantCaseRules').set(changes).where('tenantId', '=', this.tenantId).execute();
      else
        await trx
          .insertInto('tenantCaseRules')
          .values({ tenantId: this.tenantId, updatedAt: new Date(), ...changes })
          .execute();
    });
  }

  async team(name: string): Promise<string> {
    const id = randomUUID();
    await this.write((trx) => trx.insertInto('teams').values({ tenantId: this.tenantId, id, name }).execute());
    return id;
  }

  async setTeam(userId: string, teamId: string | null) {
    await this.write((trx) =>
      trx.updateTable('users').set({ teamId }).where('tenantId', '=', this.tenantId).where('id', '=', userId).execute(),
    );
  }

  async caseManager(teamId: string | null): Promise<string> {
    const user = await createUserDirect(
      this.t.database.owner,
      this.tenantId,
      {
        username: `fm.${randomUUID().slice(0, 8)}`,
        displayName: 'Fallmanagerin',
        password: 'ein-langes-Passwort-1',
        roles: ['case_manager'],
      },
      { memoryCost: 1024, timeCost: 1 },
    );
    await this.setTeam(user.id, teamId);
    return user.id;
  }

  async region(name: string, postalCodes: string[]): Promise<string> {
    const id = randomUUID();
    await this.write((trx) => trx.insertInto('planningRegions').values({ tenantId: this.tenantId, id, name, postalCodes }).execute());
    return id;
  }

  async provider(name: string): Promise<string> {
    const id = randomUUID();
    await this.write((trx) => trx.insertInto('providers').values({ tenantId: this.tenantId, id, name, city: 'Lotsenbach' }).execute());
    return id;
  }

  /** An offer of the provider; with `deadlines`, under a cooperation agreement with them. */
  async offer(
    providerId: string,
    options: {
      name: string;
      serviceType: string;
      financingModel?: 'specialist_hours' | 'tiered_case_flat_rate' | 'modular' | 'institutional';
      deadlines?: { answerDays: number; startDays: number; interimReportDays: number };
    },
  ): Promise<string> {
    const id = randomUUID();
    await this.write(async (trx) => {
      let agreementId: string | null = null;
      if (options.deadlines) {
        agreementId = randomUUID();
        await trx
          .insertInto('cooperationAgreements')
          .values({
            tenantId: this.tenantId,
            id: agreementId,
            providerId,
            title: 'Kooperationsvereinbarung',
            validFrom: '2020-01-01',
            ...options.deadlines,
          })
          .execute();
      }
      await trx
        .insertInto('offers')
        .values({
          tenantId: this.tenantId,
          id,
          providerId,
          agreementId,
          name: options.name,
          serviceType: options.serviceType,
          targetGroups: ['all'],
          capacityUnit: 'places',
          capacityPeriod: 'month',
          financingModel: options.financingModel ?? 'specialist_hours',
          contacts: '[]',
        })
        .execute();
    });
    return id;
  }

  async person(
    options: {
      birthDate?: string;
      sex?: 'female' | 'male' | 'diverse' | 'unspecified';
      postalCode?: string | null;
      singleParent?: boolean;
      refugee?: boolean;
      severeDisability?: boolean;
      lastName?: string;
    } = {},
  ): Promise<string> {
    const id = randomUUID();
    const n = this.next();
    const lastName = options.lastName ?? `Testperson${n}`;
    await this.write((trx) =>
      trx
        .insertInto('persons')
        .values({
          tenantId: this.tenantId,
          id,
          customerNumber: `777D${randomUUID().replaceAll('-', '').slice(0, 6)}`,
          firstName: 'Erika',
          lastName,
          birthDate: options.birthDate ?? '1980-01-01',
          sex: options.sex ?? 'female',
          postalCode: options.postalCode ?? null,
          interpreterNeeded: false,
          singleParent: options.singleParent ?? false,
          refugee: options.refugee ?? false,
          severeDisability: options.severeDisability ?? false,
          searchName: personSearchName(lastName, 'Erika'),
        })
        .execute(),
    );
    return id;
  }

  /** A case with the given history; `actions` are case transitions on the given days (e.g. close). */
  async case(options: {
    personId: string;
    managerId: string;
    openedOn: string;
    status?: string;
    closedOn?: string | null;
    outcome?: string | null;
    actions?: Array<[action: string, day: string]>;
  }): Promise<string> {
    const id = randomUUID();
    await this.write(async (trx) => {
      await trx
        .insertInto('cases')
        .values({
          tenantId: this.tenantId,
          id,
          personId: options.personId,
          status: options.status ?? 'implementation',
          priority: 'medium',
          caseManagerId: options.managerId,
          openedOn: options.openedOn,
          closedOn: options.closedOn ?? null,
          outcome: options.outcome ?? null,
          statusSince: new Date(),
          nextContactDue: '2030-01-01',
        })
        .execute();
      for (const [action, day] of options.actions ?? []) {
        await trx
          .insertInto('caseTransitions')
          .values({
            tenantId: this.tenantId,
            id: randomUUID(),
            caseId: id,
            at: this.noon(day),
            actorId: this.actorId,
            action,
            toStatus: 'closed',
          })
          .execute();
      }
    });
    return id;
  }

  /** Agreement versions of a case, numbered in the given order. */
  async agreements(caseId: string, versions: Array<{ agreedOn: string; reviewOn: string }>) {
    await this.write(async (trx) => {
      const rule = await trx.selectFrom('agreementRules').select('id').orderBy('validFrom').executeTakeFirstOrThrow();
      let versionNo = 0;
      for (const v of versions) {
        await trx
          .insertInto('agreementVersions')
          .values({
            tenantId: this.tenantId,
            id: randomUUID(),
            caseId,
            versionNo: ++versionNo,
            ruleId: rule.id,
            kind: 'kooperationsplan',
            reached: true,
            agreedOn: v.agreedOn,
            validUntil: v.reviewOn,
            reviewOn: v.reviewOn,
            duties: '[]',
            commitments: '[]',
            createdBy: this.actorId,
          })
          .execute();
      }
    });
  }

  /** One goal of the case with sub-goals due on the given days in the given statuses. */
  async subGoals(caseId: string, subGoals: Array<{ dueOn: string; status: 'open' | 'reached' | 'partly_reached' | 'missed' | 'dropped' }>) {
    await this.write(async (trx) => {
      const goalId = randomUUID();
      await trx.insertInto('planGoals').values({ tenantId: this.tenantId, id: goalId, caseId, title: 'Ziel', barrierIds: [] }).execute();
      for (const s of subGoals) {
        await trx
          .insertInto('planSubgoals')
          .values({
            tenantId: this.tenantId,
            id: randomUUID(),
            caseId,
            goalId,
            title: 'Teilziel',
            ownerKind: 'person',
            dueOn: s.dueOn,
            status: s.status,
          })
          .execute();
      }
    });
  }

  async rating(caseId: string, occasion: 'baseline' | 'review' | 'closing', ratedOn: string, scores: Record<string, number>) {
    await this.write((trx) =>
      trx
        .insertInto('caseRatings')
        .values({
          tenantId: this.tenantId,
          id: randomUUID(),
          caseId,
          occasion,
          ratedOn,
          withPerson: true,
          ratedBy: this.actorId,
          scores: JSON.stringify(Object.entries(scores).map(([area, score]) => ({ area, score, comment: null }))),
        })
        .execute(),
    );
  }

  /**
   * A referral with its dates; `steps` are status changes on the given days (the transitions the
   * provider's and the Jobcenter's actions write), `reports` the days of interim reports.
   */
  async referral(options: {
    caseId: string;
    personId: string;
    offerId: string;
    providerId: string;
    status: string;
    sentOn?: string | null;
    acceptedOn?: string | null;
    startedOn?: string | null;
    endedOn?: string | null;
    result?: 'goal_reached' | 'partly_reached' | 'not_reached' | null;
    steps?: Array<[from: string, to: string, day: string]>;
    reports?: string[];
  }): Promise<string> {
    const id = randomUUID();
    await this.write(async (trx) => {
      await trx
        .insertInto('referrals')
        .values({
          tenantId: this.tenantId,
          id,
          caseId: options.caseId,
          personId: options.personId,
          offerId: options.offerId,
          providerId: options.providerId,
          consentId: null,
          referralNote: null,
          goalIds: [],
          healthNote: null,
          needsDecision: null,
          status: options.status,
          sentOn: options.sentOn ?? null,
          acceptedOn: options.acceptedOn ?? null,
          startedOn: options.startedOn ?? null,
          endedOn: options.endedOn ?? null,
          result: options.result ?? null,
          lastReportOn: options.reports?.at(-1) ?? null,
          createdBy: this.actorId,
        })
        .execute();
      for (const [from, to, day] of options.steps ?? []) {
        await trx
          .insertInto('referralTransitions')
          .values({
            tenantId: this.tenantId,
            id: randomUUID(),
            referralId: id,
            fromStatus: from,
            toStatus: to,
            actorId: this.actorId,
            actorSide: to === 'cancelled' ? 'jobcenter' : 'provider',
            at: this.noon(day),
          })
          .execute();
      }
      for (const day of options.reports ?? []) {
        await trx
          .insertInto('referralFeedback')
          .values({
            tenantId: this.tenantId,
            id: randomUUID(),
            referralId: id,
            kind: 'interim_report',
            categories: ['process_steps'],
            recordedOn: day,
            recordedBy: this.actorId,
            fields: JSON.stringify({ reportedOn: day, processSteps: 'Gespräche geführt' }),
          })
          .execute();
      }
    });
    return id;
  }

  async yearPlan(
    offerId: string,
    year: number,
    plan: { plannedCases: number | null; plannedCostCents: number; actualCostCents: number | null; sgb2SharePercent: number },
  ) {
    await this.write((trx) =>
      trx
        .insertInto('offerYearPlans')
        .values({ tenantId: this.tenantId, offerId, year, ...plan })
        .execute(),
    );
  }

  async charge(referralId: string, offerId: string, serviceMonth: string, amountCents: number) {
    await this.write((trx) =>
      trx
        .insertInto('referralCharges')
        .values({
          tenantId: this.tenantId,
          id: randomUUID(),
          referralId,
          offerId,
          serviceMonth,
          units: 1,
          amountCents,
          recordedBy: this.actorId,
        })
        .execute(),
    );
  }
}

/** Counts rows of the tenant's tables, to show a read changed nothing. */
export async function changeLogCount(t: TestApp, tenantId: string): Promise<number> {
  return withTenant(t.database.owner, tenantId, async (trx) => {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from change_log`.execute(trx);
    return rows[0]?.n ?? 0;
  });
}
