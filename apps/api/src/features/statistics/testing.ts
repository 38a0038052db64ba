import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Database, type Tx, withTenant } from '@lotse/db';
import type { Kysely } from 'kysely';

/**
 * Test data for the § 51b export, written directly with hand-set dates and amounts (the export reads
 * referrals, appointments, arrangements, charges and budgets as other features write them; here we
 * need dates in the past and corrections after the fact, which the APIs rightly do not allow).
 */
export class Modul13Fixture {
  private seq = 0;
  /** One open case per person (the database allows no second). */
  private readonly cases = new Map<string, string>();
  /** A sanction rule of the tenant for the sanctions written (created on first use). */
  private ruleId: string | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    readonly tenantId: string,
    /** A user of the tenant, author of the written rows. */
    private readonly userId: string,
    /** A provider of the tenant. */
    private readonly providerId: string,
  ) {}

  private tx<T>(work: (trx: Tx) => Promise<T>) {
    return withTenant(this.db, this.tenantId, work);
  }

  async person(options: { customerNumber?: string; birthDate?: string; sex?: 'female' | 'male' | 'diverse' | 'unspecified' } = {}) {
    const id = randomUUID();
    this.seq++;
    const customerNumber =
      options.customerNumber ?? `${String(500 + (this.seq % 400)).padStart(3, '0')}D${String(this.seq).padStart(6, '0')}`;
    await this.tx(async (trx) => {
      await trx
        .insertInto('persons')
        .values({
          tenantId: this.tenantId,
          id,
          customerNumber,
          firstName: 'Test',
          lastName: `Person ${this.seq}`,
          birthDate: options.birthDate ?? '1985-04-12',
          sex: options.sex ?? 'female',
          interpreterNeeded: false,
          singleParent: false,
          refugee: false,
          severeDisability: false,
          searchName: `person ${this.seq} test`,
        })
        .execute();
    });
    return { id, customerNumber };
  }

  async offer(options: {
    serviceType: string;
    financingModel?: 'specialist_hours' | 'tiered_case_flat_rate' | 'modular' | 'institutional';
    measureBeginRule?: 'start' | 'first_appointment';
    plannedDurationDays?: number | null;
  }) {
    const id = randomUUID();
    await this.tx((trx) =>
      trx
        .insertInto('offers')
        .values({
          tenantId: this.tenantId,
          id,
          providerId: this.providerId,
          name: `Angebot ${options.serviceType} ${id.slice(0, 4)}`,
          serviceType: options.serviceType,
          targetGroups: ['all'],
          capacityUnit: 'places',
          capacityPeriod: 'month',
          financingModel: options.financingModel ?? 'specialist_hours',
          contacts: '[]',
          measureBeginRule: options.measureBeginRule ?? 'start',
          plannedDurationDays: options.plannedDurationDays ?? null,
        })
        .execute(),
    );
    return id;
  }

  /** The person's case, opened on first use. */
  private async caseOf(trx: Tx, personId: string): Promise<string> {
    const existing = this.cases.get(personId);
    if (existing) return existing;
    const caseId = randomUUID();
    await trx
      .insertInto('cases')
      .values({
        tenantId: this.tenantId,
        id: caseId,
        personId,
        status: 'implementation',
        priority: 'medium',
        caseManagerId: this.userId,
        openedOn: '2024-01-02',
        nextContactDue: '2027-01-01',
      })
      .execute();
    this.cases.set(personId, caseId);
    return caseId;
  }

  /** A referral in the person's case (opened on first use), in the given status with the given dates. */
  async referral(options: { personId: string; offerId: string; status: string; startedOn?: string | null; endedOn?: string | null }) {
    const id = randomUUID();
    await this.tx(async (trx) => {
      const caseId = await this.caseOf(trx, options.personId);
      await trx
        .insertInto('referrals')
        .values({
          tenantId: this.tenantId,
          id,
          caseId,
          personId: options.personId,
          offerId: options.offerId,
          providerId: this.providerId,
          consentId: null,
          status: options.status,
          referralNote: null,
          goalIds: [],
          healthNote: null,
          needsDecision: null,
          sentOn: '2024-01-02',
          acceptedOn: null,
          result: null,
          lastReportOn: null,
          startedOn: options.startedOn ?? null,
          endedOn: options.endedOn ?? null,
          createdBy: this.userId,
        })
        .execute();
    });
    return id;
  }

  /**
   * A sanction in the person's case with its duty, in the given state (the sanctions feature's rules
   * for getting there are not the export's concern; Modul 8 reads what is recorded).
   */
  async sanction(options: {
    personId: string;
    kind?: 'duty_breach' | 'missed_appointment';
    form?: 'egv' | 'verwaltungsakt' | 'request_with_notice' | 'appointment_invitation';
    status: 'recorded' | 'hearing' | 'decided' | 'handed_off' | 'withdrawn';
    decision?: 'reduce' | 'no_reduction' | null;
    startsOn?: string | null;
    endsOn?: string | null;
    amountCents?: number | null;
    percent?: number | null;
    fullStop?: boolean;
  }) {
    const id = randomUUID();
    await this.tx(async (trx) => {
      const caseId = await this.caseOf(trx, options.personId);
      this.ruleId ??= await this.insertRule(trx);
      const dutyId = randomUUID();
      await trx
        .insertInto('sanctionDuties')
        .values({
          tenantId: this.tenantId,
          id: dutyId,
          caseId,
          form: options.form ?? 'request_with_notice',
          setOn: '2026-07-15',
          description: 'Bewerbungen nachweisen',
          legalConsequencesNotice: true,
          agreementVersionId: null,
          appointmentOn: null,
          createdBy: this.userId,
        })
        .execute();
      const decision = options.decision === undefined ? (options.status === 'decided' ? 'reduce' : null) : options.decision;
      await trx
        .insertInto('sanctions')
        .values({
          tenantId: this.tenantId,
          id,
          caseId,
          personId: options.personId,
          dutyId,
          kind: options.kind ?? 'duty_breach',
          breachOn: '2026-08-20',
          breachDescription: 'Keine Bewerbungen nachgewiesen',
          ruleId: this.ruleId,
          ruleSnapshot: JSON.stringify({}),
          status: options.status,
          hearingSentOn: null,
          hearingDeadline: null,
          hearingAnsweredOn: null,
          hearingAnswer: null,
          importantReasonAccepted: decision ? false : null,
          importantReasonReasoning: null,
          careJustification: null,
          decision,
          decisionReasoning: decision ? 'Kein wichtiger Grund' : null,
          decidedOn: decision ? '2026-09-10' : null,
          decidedBy: decision ? this.userId : null,
          repetition: decision ? 1 : null,
          reductionPercent: options.percent ?? null,
          reductionMonths: decision === 'reduce' ? 3 : null,
          fullStop: options.fullStop ?? false,
          amountCents: options.amountCents ?? null,
          startsOn: options.startsOn ?? null,
          endsOn: options.endsOn ?? null,
          handedOffTo: null,
          handedOffAt: null,
          withdrawnReason: null,
          createdBy: this.userId,
        })
        .execute();
    });
    return id;
  }

  private async insertRule(trx: Tx): Promise<string> {
    const id = randomUUID();
    await trx
      .insertInto('sanctionRules')
      .values({
        tenantId: this.tenantId,
        id,
        code: `test_modul8_${id.slice(0, 8)}`,
        title: 'Testregel',
        validFrom: '2026-07-01',
        validTo: null,
        dutyForms: ['request_with_notice', 'verwaltungsakt'],
        dutyStages: JSON.stringify([{ percent: 30, months: 3 }]),
        appointmentStages: JSON.stringify([{ percent: 30, months: 1 }]),
        repeatWithinMonths: 12,
        appointmentStopAfter: 3,
        legalBasis: '§§ 31 ff. SGB II',
        sourceNote: 'Test',
      })
      .execute();
    return id;
  }

  /** A sanction changed after the fact (withdrawn, its amount or period corrected). */
  async updateSanction(
    sanctionId: string,
    set: { status?: 'decided' | 'handed_off' | 'withdrawn'; amountCents?: number; endsOn?: string; startsOn?: string },
  ) {
    await this.tx((trx) =>
      trx.updateTable('sanctions').set(set).where('tenantId', '=', this.tenantId).where('id', '=', sanctionId).execute(),
    );
  }

  async update(referralId: string, set: { startedOn?: string | null; endedOn?: string | null; status?: string }) {
    await this.tx((trx) =>
      trx.updateTable('referrals').set(set).where('tenantId', '=', this.tenantId).where('id', '=', referralId).execute(),
    );
  }

  /** An appointment the provider reported, as the portal writes it. */
  async appointment(referralId: string, appointmentOn: string, kept: boolean) {
    await this.tx((trx) =>
      trx
        .insertInto('referralFeedback')
        .values({
          tenantId: this.tenantId,
          id: randomUUID(),
          referralId,
          kind: 'appointment',
          categories: ['attendance'],
          recordedOn: appointmentOn,
          recordedBy: this.userId,
          fields: JSON.stringify({ appointmentOn, kept }),
        })
        .execute(),
    );
  }

  async arrangement(referralId: string, beginsOn: string, endsOn: string | null) {
    const id = randomUUID();
    await this.tx((trx) =>
      trx
        .insertInto('childcareArrangements')
        .values({ tenantId: this.tenantId, id, referralId, childLabel: 'Kind', beginsOn, endsOn, createdBy: this.userId })
        .execute(),
    );
    return id;
  }

  /** An arrangement recorded by mistake and removed (the export must withdraw what it delivered for it). */
  async removeArrangement(arrangementId: string) {
    await this.tx((trx) =>
      trx.deleteFrom('childcareArrangements').where('tenantId', '=', this.tenantId).where('id', '=', arrangementId).execute(),
    );
  }

  async charge(referralId: string, offerId: string, serviceMonth: string, amountCents: number) {
    await this.tx((trx) =>
      trx
        .insertInto('referralCharges')
        .values({
          tenantId: this.tenantId,
          id: randomUUID(),
          referralId,
          offerId,
          serviceMonth: `${serviceMonth}-01`,
          units: 1,
          amountCents,
          recordedBy: this.userId,
        })
        .execute(),
    );
  }

  async yearPlan(
    offerId: string,
    year: number,
    plan: { actualCostCents?: number | null; plannedCostCents?: number; sgb2SharePercent?: number },
  ) {
    await this.tx((trx) =>
      trx
        .insertInto('offerYearPlans')
        .values({
          tenantId: this.tenantId,
          offerId,
          year,
          plannedCostCents: plan.plannedCostCents ?? 0,
          actualCostCents: plan.actualCostCents ?? null,
          sgb2SharePercent: plan.sgb2SharePercent ?? 100,
        })
        .execute(),
    );
  }
}

const XSD = join(dirname(fileURLToPath(import.meta.url)), 'modul13.xsd');
let scratch: string | undefined;

/**
 * Validates XML against the project's XSD with `xmllint --noout --schema`. With CI=true a missing
 * xmllint (package libxml2-utils) fails the test; elsewhere it returns null and the caller skips.
 */
export function validateWithXmllint(xml: string, name: string): { ok: boolean; output: string } {
  // Like PostgreSQL and Chromium, a missing tool fails the run instead of skipping the check.
  const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) throw new Error('xmllint fehlt: apt-get install -y libxml2-utils (.ci/run installiert es).');
  scratch ??= mkdtempSync(join(tmpdir(), 'lotse-modul13-'));
  const file = join(scratch, name);
  writeFileSync(file, xml, 'utf8');
  const result = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}
