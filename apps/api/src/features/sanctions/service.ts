import { randomUUID } from 'node:crypto';
import type {
  CreateSanctionDutyRequest,
  CreateSanctionRequest,
  Sanction,
  SanctionDecisionRequest,
  SanctionDuty,
  SanctionRuleDto,
  SanctionRuleRequest,
  sanctionAnswerRequest,
  sanctionHearingRequest,
  sanctionWithdrawRequest,
} from '@lotse/contracts';
import { type Database, type Tx, withTenant } from '@lotse/db';
import {
  AppError,
  type AppointmentRecord,
  addDays,
  consecutiveMissedBefore,
  DUTY_FORM_LABELS_DE,
  type DutyForm,
  type EarlierSanction,
  earlierBreachDates,
  type FieldError,
  formAllows,
  hearingAllowsDecision,
  hearingDeadline,
  overlappingRule,
  type Reduction,
  reductionAmountCents,
  reductionFor,
  reductionPeriod,
  type SanctionRule,
  SERVICE_TYPE_LABELS_DE,
  type ServiceType,
  sanctionRuleFor,
  todayInGermany,
  WORK_EDITABLE,
} from '@lotse/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { AppConfig } from '../../config';
import type { AuthContext } from '../../http/access';
import { isUniqueViolation } from '../../http/db-errors';
import { AuditRepository } from '../audit/repository';
import { CaseRepository, type CaseRow } from '../cases/repository';
import { lockCaseForWork } from '../cases/work-lock';
import { type Created, once } from '../idempotency/idempotency';
import { recipientFor } from '../organisation-model/routing';
import { formatDateDe } from '../pdf/kit';
import { renderHearingLetter } from './hearing-pdf';
import { snapshotOf, toDuty, toRule, toRuleDto, toSanction } from './mapping';
import { type DutyRecord, type SanctionRecord, SanctionRepository } from './repository';

type HearingRequest = z.infer<typeof sanctionHearingRequest>;
type AnswerRequest = z.infer<typeof sanctionAnswerRequest>;
type WithdrawRequest = z.infer<typeof sanctionWithdrawRequest>;

const audit = new AuditRepository();
const repo = new SanctionRepository();

/** Gives a tenant without a sanction rule table the default periods (at creation, start, or first read). */
export function ensureSanctionRules(trx: Tx, tenantId: string): Promise<void> {
  return repo.ensureDefaults(trx, tenantId, randomUUID);
}

const euro = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });
const formatCents = (cents: number) => euro.format(cents / 100);

function stepRefused(de: string, en: string): AppError {
  return new AppError('SANCTION_STEP_NOT_ALLOWED', { detail: { de, en } });
}

function fieldProblem(field: string, code: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', { fields: [{ field, code, message }] });
}

/**
 * Sanctions (Leistungsminderungen, SPEC C16): the tenant's rule table (administrators), the duties
 * documented in a case, and the process from a breach over the hearing to the individual decision of
 * the responsible case manager, which then goes to benefits processing as the organisation model
 * routes it (C14). Every refusal happens before anything is written.
 */
export class SanctionService {
  private readonly cases = new CaseRepository();

  constructor(
    readonly db: Kysely<Database>,
    readonly config: AppConfig,
  ) {}

  private today(): string {
    return todayInGermany(this.config.now());
  }

  // ——— rule table ———

  listRules(auth: AuthContext): Promise<{ items: SanctionRuleDto[] }> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      await ensureSanctionRules(trx, auth.tenantId);
      return { items: (await repo.rules(trx, auth.tenantId)).map(toRuleDto) };
    });
  }

  async createRule(auth: AuthContext, input: SanctionRuleRequest): Promise<SanctionRuleDto> {
    try {
      return await withTenant(this.db, auth.tenantId, async (trx) => {
        const rule = normaliseRule(input);
        await repo.lockRuleTable(trx, auth.tenantId);
        await this.checkOverlap(trx, auth.tenantId, rule);
        const id = randomUUID();
        await repo.insertRule(trx, auth.tenantId, id, rule);
        await audit.appendChange(trx, auth, 'sanction_rule', id, 'create', null, rule);
        const row = await repo.findRule(trx, auth.tenantId, id);
        if (!row) throw new Error('sanction rule vanished after insert');
        return toRuleDto(row);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'sanction_rules_tenant_id_code_key')) throw new AppError('DUPLICATE_SANCTION_RULE_CODE');
      throw error;
    }
  }

  async updateRule(auth: AuthContext, id: string, expectedVersion: number, input: SanctionRuleRequest): Promise<SanctionRuleDto> {
    try {
      return await withTenant(this.db, auth.tenantId, async (trx) => {
        const rule = normaliseRule(input);
        await repo.lockRuleTable(trx, auth.tenantId);
        const before = await repo.findRule(trx, auth.tenantId, id, { forUpdate: true });
        if (!before) throw new AppError('NOT_FOUND');
        if (before.version !== expectedVersion) throw new AppError('PRECONDITION_FAILED');
        await this.checkOverlap(trx, auth.tenantId, rule, id);
        if (!(await repo.updateRule(trx, auth.tenantId, id, expectedVersion, rule))) throw new AppError('PRECONDITION_FAILED');
        const after = await repo.findRule(trx, auth.tenantId, id);
        if (!after) throw new Error('sanction rule vanished after update');
        await audit.appendChange(trx, auth, 'sanction_rule', id, 'update', toRule(before), toRule(after));
        return toRuleDto(after);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'sanction_rules_tenant_id_code_key')) throw new AppError('DUPLICATE_SANCTION_RULE_CODE');
      throw error;
    }
  }

  private async checkOverlap(trx: Tx, tenantId: string, rule: Pick<SanctionRule, 'validFrom' | 'validTo'>, exceptId?: string) {
    const other = overlappingRule((await repo.rules(trx, tenantId)).map(toRule), rule, exceptId);
    if (!other) return;
    const period = `${formatDateDe(other.validFrom)} bis ${other.validTo ? formatDateDe(other.validTo) : 'offen'}`;
    throw new AppError('SANCTION_RULE_OVERLAP', {
      detail: {
        de: `Der Zeitraum überschneidet sich mit der Regel „${other.title}“ (${period}). Bitte zuerst deren Gültigkeit anpassen: Für jeden Tag darf genau eine Regel gelten.`,
        en: `The period overlaps the rule "${other.code}" (${other.validFrom} to ${other.validTo ?? 'open'}). Change its validity first.`,
      },
      fields: [{ field: 'validFrom', code: 'overlap', message: `Überschneidung mit „${other.title}“ (${period}).` }],
    });
  }

  // ——— duties ———

  listDuties(auth: AuthContext, caseId: string): Promise<{ items: SanctionDuty[] }> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const row = await this.cases.findCase(trx, auth.tenantId, caseId);
      if (!row) throw new AppError('NOT_FOUND');
      const duties = await repo.dutiesOfCase(trx, auth.tenantId, caseId);
      await audit.appendReads(trx, auth, [row.personId], 'case');
      return { items: duties.map(toDuty) };
    });
  }

  createDuty(
    auth: AuthContext,
    caseId: string,
    input: CreateSanctionDutyRequest,
    idempotencyKey: string | undefined,
  ): Promise<Created<SanctionDuty>> {
    return withTenant(this.db, auth.tenantId, (trx) =>
      once(
        trx,
        {
          tenantId: auth.tenantId,
          userId: auth.userId,
          key: idempotencyKey,
          route: 'POST /api/cases/:id/sanction-duties',
          body: { caseId, ...input },
        },
        async () => {
          await lockCaseForWork(trx, auth, caseId, WORK_EDITABLE);
          const problems = await this.dutyProblems(trx, auth.tenantId, caseId, input);
          if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { fields: problems });
          const id = randomUUID();
          const row = {
            caseId,
            form: input.form,
            setOn: input.setOn,
            description: input.description,
            legalConsequencesNotice: input.legalConsequencesNotice,
            agreementVersionId: input.agreementVersionId ?? null,
            appointmentOn: input.appointmentOn ?? null,
          };
          await repo.insertDuty(trx, { tenantId: auth.tenantId, id, createdBy: auth.userId, ...row });
          await audit.appendChange(trx, auth, 'sanction_duty', id, 'create', null, row);
          const duty = await repo.findDuty(trx, auth.tenantId, id);
          if (!duty) throw new Error('duty vanished after insert');
          return toDuty(duty);
        },
      ),
    );
  }

  /** Form, dates and agreement of a duty fit together (checked before anything is written). */
  private async dutyProblems(trx: Tx, tenantId: string, caseId: string, input: CreateSanctionDutyRequest): Promise<FieldError[]> {
    const problems: FieldError[] = [];
    const today = this.today();
    if (input.setOn > today) {
      problems.push({
        field: 'setOn',
        code: 'in_future',
        message: 'Eine Pflicht kann nur dokumentiert werden, wenn sie bereits festgelegt ist.',
      });
    }
    if (input.form === 'appointment_invitation') {
      if (!input.appointmentOn) {
        problems.push({ field: 'appointmentOn', code: 'required', message: 'Bitte den Tag des Termins angeben, zu dem eingeladen wurde.' });
      } else if (input.appointmentOn < input.setOn) {
        problems.push({
          field: 'appointmentOn',
          code: 'before_invitation',
          message: 'Der Termin kann nicht vor dem Tag der Einladung liegen.',
        });
      }
    } else if (input.appointmentOn) {
      problems.push({
        field: 'appointmentOn',
        code: 'not_applicable',
        message: 'Ein Termin wird nur bei einer Einladung zu einem Termin angegeben.',
      });
    }
    if (input.agreementVersionId) {
      if (input.form !== 'egv' && input.form !== 'verwaltungsakt') {
        problems.push({
          field: 'agreementVersionId',
          code: 'not_applicable',
          message: 'Auf eine Vereinbarung kann nur eine Pflicht aus einer Eingliederungsvereinbarung oder einem Verwaltungsakt verweisen.',
        });
      } else {
        const version = await repo.agreementVersion(trx, tenantId, caseId, input.agreementVersionId);
        if (!version) {
          problems.push({
            field: 'agreementVersionId',
            code: 'unknown_agreement',
            message: 'Diese Vereinbarung gehört nicht zu diesem Fall.',
          });
        } else if (version.kind === 'kooperationsplan') {
          problems.push({
            field: 'agreementVersionId',
            code: 'kooperationsplan',
            message:
              'Ein Kooperationsplan ist rechtlich nicht verbindlich und kann keine sanktionsbewehrte Pflicht begründen: Bitte die Aufforderung zur Mitwirkung mit Rechtsfolgenbelehrung dokumentieren.',
          });
        } else if (version.kind !== input.form) {
          problems.push({
            field: 'agreementVersionId',
            code: 'form_mismatch',
            message: `Die gewählte Fassung ist ein(e) ${DUTY_FORM_LABELS_DE[version.kind as DutyForm]}: Bitte die passende Form wählen.`,
          });
        } else if (input.setOn < version.agreedOn) {
          problems.push({
            field: 'setOn',
            code: 'before_agreement',
            message: `Die Pflicht kann nicht vor der Vereinbarung vom ${formatDateDe(version.agreedOn)} festgelegt worden sein.`,
          });
        }
      }
    }
    return problems;
  }

  // ——— sanctions ———

  list(auth: AuthContext, caseId: string): Promise<{ items: Sanction[]; hearingDays: number }> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const row = await this.cases.findCase(trx, auth.tenantId, caseId);
      if (!row) throw new AppError('NOT_FOUND');
      const records = await repo.sanctionsOfCase(trx, auth.tenantId, caseId);
      const items = await this.views(trx, auth, row, records);
      return { items, hearingDays: await repo.hearingDays(trx, auth.tenantId) };
    });
  }

  get(auth: AuthContext, id: string): Promise<Sanction> {
    return withTenant(this.db, auth.tenantId, (trx) => this.load(trx, auth, id));
  }

  create(auth: AuthContext, caseId: string, input: CreateSanctionRequest, idempotencyKey: string | undefined): Promise<Created<Sanction>> {
    return withTenant(this.db, auth.tenantId, (trx) =>
      once(
        trx,
        {
          tenantId: auth.tenantId,
          userId: auth.userId,
          key: idempotencyKey,
          route: 'POST /api/cases/:id/sanctions',
          body: { caseId, ...input },
        },
        async () => {
          const caseRow = await lockCaseForWork(trx, auth, caseId, WORK_EDITABLE);
          const duty = await repo.findDuty(trx, auth.tenantId, input.dutyId);
          if (!duty || duty.caseId !== caseId) {
            throw fieldProblem('dutyId', 'unknown_duty', 'Diese Pflicht ist in diesem Fall nicht dokumentiert.');
          }
          const rule = await this.ruleForBreach(trx, auth.tenantId, duty, input);
          const open = (await repo.sanctionsOnDuties(trx, auth.tenantId, [duty.id])).find((s) => s.status !== 'withdrawn');
          if (open) {
            throw stepRefused(
              'Für diese Pflicht ist bereits eine Leistungsminderung erfasst. Eine Pflicht kann nur einmal verletzt werden; eine zurückgenommene zählt nicht.',
              'A sanction is already recorded for this duty.',
            );
          }
          const id = randomUUID();
          await repo.insertSanction(trx, {
            tenantId: auth.tenantId,
            id,
            caseId,
            personId: caseRow.personId,
            dutyId: duty.id,
            kind: input.kind,
            breachOn: input.breachOn,
            breachDescription: input.breachDescription,
            ruleId: rule.id,
            ruleSnapshot: JSON.stringify(rule),
            status: 'recorded',
            createdBy: auth.userId,
          });
          await repo.insertEvent(trx, {
            tenantId: auth.tenantId,
            id: randomUUID(),
            sanctionId: id,
            caseId,
            actorId: auth.userId,
            action: 'recorded',
            note: `Regel: ${rule.title}`,
          });
          await audit.appendChange(trx, auth, 'sanction', id, 'create', null, {
            caseId,
            dutyId: duty.id,
            kind: input.kind,
            breachOn: input.breachOn,
            breachDescription: input.breachDescription,
            ruleId: rule.id,
            ruleCode: rule.code,
          });
          return this.load(trx, auth, id, { logRead: false });
        },
      ),
    );
  }

  /**
   * The rule in force on the breach date, after checking that the breach can be sanctioned at all: a
   * date within the duty's time, notice of the legal consequences, a rule for the date, and a form the
   * rule allows for the kind of breach.
   */
  private async ruleForBreach(trx: Tx, tenantId: string, duty: DutyRecord, input: CreateSanctionRequest): Promise<SanctionRule> {
    const today = this.today();
    if (input.breachOn > today || input.breachOn < duty.setOn) {
      const de =
        input.breachOn > today
          ? 'Eine Pflichtverletzung kann erst erfasst werden, wenn sie geschehen ist: Das Datum liegt in der Zukunft.'
          : `Die Pflicht wurde erst am ${formatDateDe(duty.setOn)} festgelegt: Eine Verletzung davor ist nicht möglich.`;
      throw new AppError('SANCTION_BREACH_DATE_INVALID', {
        detail: { de, en: 'The breach date is in the future or before the duty was set.' },
        fields: [{ field: 'breachOn', code: input.breachOn > today ? 'in_future' : 'before_duty', message: de }],
      });
    }
    if (input.kind === 'missed_appointment' && duty.form === 'appointment_invitation' && duty.appointmentOn !== input.breachOn) {
      throw fieldProblem(
        'breachOn',
        'not_appointment_day',
        `Ein Meldeversäumnis liegt am Tag des Termins vor, hier am ${formatDateDe(duty.appointmentOn ?? duty.setOn)}.`,
      );
    }
    if (!duty.legalConsequencesNotice) throw new AppError('SANCTION_NO_LEGAL_NOTICE');
    const rules = (await repo.rules(trx, tenantId)).map(toRule);
    const rule = sanctionRuleFor(rules, input.breachOn);
    if (!rule) {
      throw new AppError('SANCTION_NO_RULE', {
        detail: {
          de: `Für den ${formatDateDe(input.breachOn)} enthält die Regeltabelle keine Regel. Die Verwaltung kann die Regeltabelle ergänzen.`,
          en: `The rule table has no rule for ${input.breachOn}.`,
        },
      });
    }
    if (!formAllows(rule, input.kind, duty.form)) {
      const allowed = rule.dutyForms.map((f) => DUTY_FORM_LABELS_DE[f]).join(' oder ');
      const de =
        input.kind === 'missed_appointment'
          ? 'Ein Meldeversäumnis setzt eine Einladung zu einem Termin mit Rechtsfolgenbelehrung voraus; die gewählte Pflicht ist keine.'
          : rule.dutyForms.length === 0
            ? `Nach der Regel „${rule.title}“ führen Pflichtverletzungen nicht zu einer Leistungsminderung (nur Meldeversäumnisse).`
            : `Nach der Regel „${rule.title}“ kann eine Pflicht aus „${DUTY_FORM_LABELS_DE[duty.form]}“ nicht zu einer Leistungsminderung führen. Möglich ist das nur bei: ${allowed}.`;
      throw new AppError('SANCTION_FORM_NOT_ALLOWED', {
        detail: { de, en: `Under the rule "${rule.code}" a duty of form "${duty.form}" cannot be sanctioned for a ${input.kind}.` },
        fields: [{ field: 'dutyId', code: 'form_not_allowed', message: de }],
      });
    }
    return rule;
  }

  sendHearing(auth: AuthContext, id: string, expectedVersion: number, input: HearingRequest): Promise<Sanction> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const record = await this.lockForStep(trx, auth, id, expectedVersion);
      if (record.status !== 'recorded') {
        throw stepRefused(
          record.hearingSentOn
            ? `Die Anhörung wurde bereits am ${formatDateDe(record.hearingSentOn)} versandt.`
            : 'Für eine zurückgenommene Leistungsminderung wird keine Anhörung mehr versandt.',
          'The hearing cannot be sent in this state.',
        );
      }
      const today = this.today();
      const sentOn = input.sentOn ?? today;
      if (sentOn > today) throw fieldProblem('sentOn', 'in_future', 'Das Anhörungsschreiben kann nicht in der Zukunft datiert sein.');
      if (sentOn < record.breachOn) {
        throw fieldProblem('sentOn', 'before_breach', 'Die Anhörung kann nicht vor der Pflichtverletzung versandt worden sein.');
      }
      const deadline = hearingDeadline(sentOn, await repo.hearingDays(trx, auth.tenantId));
      const changes = { status: 'hearing', hearingSentOn: sentOn, hearingDeadline: deadline };
      if (!(await repo.updateSanction(trx, auth.tenantId, id, expectedVersion, changes))) throw new AppError('PRECONDITION_FAILED');
      await this.event(trx, auth, record, 'hearing_sent', `Frist zur Äußerung bis ${formatDateDe(deadline)}`);
      await audit.appendChange(trx, auth, 'sanction', id, 'update', { status: record.status }, changes);
      return this.load(trx, auth, id, { logRead: false });
    });
  }

  hearingLetter(auth: AuthContext, id: string): Promise<Buffer> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const record = await repo.findSanction(trx, auth.tenantId, id);
      if (!record) throw new AppError('NOT_FOUND');
      if (!record.hearingSentOn || !record.hearingDeadline) {
        throw stepRefused(
          'Das Anhörungsschreiben gibt es erst, wenn die Anhörung versandt ist.',
          'The hearing letter exists once the hearing is sent.',
        );
      }
      const duty = await repo.findDuty(trx, auth.tenantId, record.dutyId);
      const context = await repo.letterContext(trx, auth.tenantId, record.caseId);
      if (!duty || !context) throw new Error('sanction without duty or case');
      await audit.appendReads(trx, auth, [record.personId], 'case');
      return renderHearingLetter({
        tenantName: context.tenantName,
        person: context,
        caseManager: { name: context.caseManagerName, email: context.caseManagerEmail },
        duty: toDuty(duty),
        kind: record.kind,
        breachOn: record.breachOn,
        breachDescription: record.breachDescription,
        rule: snapshotOf(record),
        sentOn: record.hearingSentOn,
        deadline: record.hearingDeadline,
      });
    });
  }

  recordAnswer(auth: AuthContext, id: string, expectedVersion: number, input: AnswerRequest): Promise<Sanction> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const record = await this.lockForStep(trx, auth, id, expectedVersion);
      if (record.status !== 'hearing' || !record.hearingSentOn) {
        throw stepRefused(
          record.status === 'recorded'
            ? 'Eine Antwort kann erst erfasst werden, wenn die Anhörung versandt ist.'
            : 'Nach der Entscheidung oder Rücknahme wird keine Antwort mehr erfasst.',
          'An answer can be recorded only while the hearing runs.',
        );
      }
      if (record.hearingAnsweredOn) {
        throw stepRefused(
          `Die Antwort vom ${formatDateDe(record.hearingAnsweredOn)} ist bereits erfasst.`,
          'The answer is already recorded.',
        );
      }
      if (input.answeredOn > this.today()) throw fieldProblem('answeredOn', 'in_future', 'Das Datum der Antwort liegt in der Zukunft.');
      if (input.answeredOn < record.hearingSentOn) {
        throw fieldProblem(
          'answeredOn',
          'before_hearing',
          `Die Antwort kann nicht vor dem Anhörungsschreiben vom ${formatDateDe(record.hearingSentOn)} eingegangen sein.`,
        );
      }
      const changes = { hearingAnsweredOn: input.answeredOn, hearingAnswer: input.answer };
      if (!(await repo.updateSanction(trx, auth.tenantId, id, expectedVersion, changes))) throw new AppError('PRECONDITION_FAILED');
      await this.event(trx, auth, record, 'answered', `Antwort vom ${formatDateDe(input.answeredOn)}`);
      await audit.appendChange(trx, auth, 'sanction', id, 'update', { hearingAnsweredOn: null, hearingAnswer: null }, changes);
      return this.load(trx, auth, id, { logRead: false });
    });
  }

  decide(auth: AuthContext, id: string, expectedVersion: number, input: SanctionDecisionRequest): Promise<Sanction> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const record = await this.lockForStep(trx, auth, id, expectedVersion);
      const today = this.today();
      if (record.status !== 'hearing' || !record.hearingSentOn) {
        throw stepRefused(
          record.status === 'recorded'
            ? 'Vor der Entscheidung muss die Person angehört werden: Bitte zuerst die Anhörung versenden.'
            : 'Über diese Leistungsminderung ist bereits entschieden, oder sie ist zurückgenommen.',
          'A decision is possible only after the hearing was sent and before any other decision.',
        );
      }
      if (!hearingAllowsDecision({ deadline: record.hearingDeadline, answeredOn: record.hearingAnsweredOn }, today)) {
        throw new AppError('SANCTION_HEARING_PENDING', {
          detail: {
            de: `Die Anhörungsfrist läuft bis ${formatDateDe(record.hearingDeadline as string)}: Vorher kann nur entschieden werden, wenn die Antwort der Person erfasst ist.`,
            en: `The hearing deadline runs until ${record.hearingDeadline}; before, a decision needs the person's answer.`,
          },
        });
      }
      const decidedOn = input.decidedOn ?? today;
      if (decidedOn > today) throw fieldProblem('decidedOn', 'in_future', 'Das Datum der Entscheidung liegt in der Zukunft.');
      if (decidedOn < record.hearingSentOn) {
        throw fieldProblem('decidedOn', 'before_hearing', 'Die Entscheidung kann nicht vor der Anhörung liegen.');
      }
      const reduce = input.outcome === 'reduce';
      if (reduce && input.importantReasonAccepted) {
        throw new AppError('SANCTION_REDUCTION_NOT_POSSIBLE', {
          detail: {
            de: 'Ein wichtiger Grund wurde anerkannt: Dann ist keine Leistungsminderung möglich.',
            en: 'An important reason was accepted: no reduction is possible.',
          },
          fields: [
            {
              field: 'outcome',
              code: 'important_reason_accepted',
              message: 'Bei anerkanntem wichtigem Grund bitte „keine Leistungsminderung“ entscheiden.',
            },
          ],
        });
      }
      const rule = snapshotOf(record);
      const reduction = await this.reductionOf(trx, auth.tenantId, record);
      if (reduce && reduction.percent === 0) {
        throw new AppError('SANCTION_REDUCTION_NOT_POSSIBLE', {
          detail: {
            de: `Nach der Regel „${rule.title}“ führt dieser Verstoß zu keiner Minderung (z. B. das erste Meldeversäumnis im Sanktionsmoratorium). Bitte „keine Leistungsminderung“ entscheiden.`,
            en: `Under the rule "${rule.code}" this breach gives no reduction.`,
          },
          fields: [
            { field: 'outcome', code: 'no_reduction_under_rule', message: 'Nach der Regel dieses Zeitraums ergibt sich keine Minderung.' },
          ],
        });
      }
      const careServices = await repo.activeSensitiveServices(trx, auth.tenantId, record.personId);
      const careJustification = input.careJustification?.trim() ? input.careJustification.trim() : null;
      if (reduce && careServices.length > 0 && !careJustification) {
        const services = careServices.map((s) => SERVICE_TYPE_LABELS_DE[s as ServiceType] ?? s).join(', ');
        const de = `Die Person ist derzeit in ${services}. Eine Leistungsminderung während Sucht- oder psychosozialer Behandlung soll vermieden werden: Wenn sie trotzdem erfolgt, bitte ausdrücklich begründen, warum.`;
        throw new AppError('SANCTION_CARE_JUSTIFICATION_REQUIRED', {
          detail: { de, en: 'The person is in addiction or psychosocial care: a reduction needs an explicit justification.' },
          fields: [{ field: 'careJustification', code: 'required', message: de }],
        });
      }

      const decision: Record<string, unknown> = {
        importantReasonAccepted: input.importantReasonAccepted,
        importantReasonReasoning: input.importantReasonReasoning,
        careWarning: careServices.length > 0,
        careJustification,
        decision: input.outcome,
        decisionReasoning: input.reasoning,
        decidedOn,
        decidedBy: auth.userId,
        repetition: input.importantReasonAccepted ? null : reduction.repetition,
        reductionPercent: null,
        reductionMonths: null,
        fullStop: false,
        amountCents: null,
        startsOn: null,
        endsOn: null,
      };
      let period: { startsOn: string; endsOn: string } | null = null;
      if (reduce) {
        period = reductionPeriod(decidedOn, reduction.months);
        Object.assign(decision, {
          reductionPercent: reduction.percent,
          reductionMonths: reduction.months,
          fullStop: reduction.fullStop,
          amountCents: reductionAmountCents(reduction.percent, period.startsOn),
          ...period,
        });
      }

      // The hand-off: benefits processing (or the case owner, as the organisation model says) carries it out.
      const recipientId = await recipientFor(trx, auth.tenantId, record.caseId, 'sanction_decision', { on: today });
      const recipient = await repo.userName(trx, auth.tenantId, recipientId);
      const followUpId = randomUUID();
      const followUp = {
        caseId: record.caseId,
        title: followUpTitle(record, reduce, reduction, decision.amountCents as number | null, period),
        // Before the reduction's first month; a decision without one is only to be noted.
        dueOn: period ? laterOf(addDays(period.startsOn, -1), today) : addDays(today, 7),
        ownerId: recipientId,
        kind: 'sanction_decision',
        sourceId: id,
      };
      const changes = { ...decision, status: 'handed_off', handedOffTo: recipientId, handedOffAt: new Date() };
      if (!(await repo.updateSanction(trx, auth.tenantId, id, expectedVersion, changes))) throw new AppError('PRECONDITION_FAILED');
      await repo.insertFollowUp(trx, {
        tenantId: auth.tenantId,
        id: followUpId,
        caseId: followUp.caseId,
        title: followUp.title,
        dueOn: followUp.dueOn,
        ownerId: followUp.ownerId,
        sourceId: id,
      });
      await this.event(
        trx,
        auth,
        record,
        'decided',
        reduce
          ? reduction.fullStop
            ? `Regelbedarf entfällt vom ${formatDateDe(period?.startsOn as string)} bis ${formatDateDe(period?.endsOn as string)}`
            : `Minderung um ${reduction.percent} % für ${reduction.months} ${reduction.months === 1 ? 'Monat' : 'Monate'} ab ${formatDateDe(period?.startsOn as string)}`
          : input.importantReasonAccepted
            ? 'Keine Leistungsminderung: wichtiger Grund anerkannt'
            : 'Keine Leistungsminderung',
      );
      await this.event(trx, auth, record, 'handed_off', `an ${recipient?.displayName ?? 'Leistungsgewährung'}`);
      const { handedOffAt: _at, ...logged } = changes;
      await audit.appendChange(trx, auth, 'sanction', id, 'update', { status: record.status }, logged);
      await audit.appendChange(trx, auth, 'follow_up', followUpId, 'create', null, followUp);
      return this.load(trx, auth, id, { logRead: false });
    });
  }

  withdraw(auth: AuthContext, id: string, expectedVersion: number, input: WithdrawRequest): Promise<Sanction> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const record = await this.lockForStep(trx, auth, id, expectedVersion);
      if (record.status !== 'recorded' && record.status !== 'hearing') {
        throw stepRefused(
          record.status === 'withdrawn'
            ? 'Die Leistungsminderung ist bereits zurückgenommen.'
            : 'Die Entscheidung ist bereits an die Leistungsgewährung übergeben: Eine Aufhebung erfolgt dort durch Bescheid (z. B. nach einem Widerspruch).',
          'Only a sanction not yet decided can be withdrawn.',
        );
      }
      const changes = { status: 'withdrawn', withdrawnReason: input.reason };
      if (!(await repo.updateSanction(trx, auth.tenantId, id, expectedVersion, changes))) throw new AppError('PRECONDITION_FAILED');
      await this.event(trx, auth, record, 'withdrawn', input.reason);
      await audit.appendChange(trx, auth, 'sanction', id, 'update', { status: record.status }, changes);
      return this.load(trx, auth, id, { logRead: false });
    });
  }

  // ——— helpers ———

  /**
   * Locks the case for its responsible case manager (in any status: a running sanction is finished even
   * when the case closed meanwhile), then the sanction; checks the version the client saw.
   */
  private async lockForStep(trx: Tx, auth: AuthContext, id: string, expectedVersion: number): Promise<SanctionRecord> {
    const found = await repo.findSanction(trx, auth.tenantId, id);
    if (!found) throw new AppError('NOT_FOUND');
    await lockCaseForWork(trx, auth, found.caseId, null);
    const locked = await repo.lockSanction(trx, auth.tenantId, id);
    if (!locked) throw new AppError('NOT_FOUND');
    if (locked.version !== expectedVersion) throw new AppError('PRECONDITION_FAILED');
    const record = await repo.findSanction(trx, auth.tenantId, id);
    if (!record) throw new AppError('NOT_FOUND');
    return record;
  }

  private event(
    trx: Tx,
    auth: AuthContext,
    record: SanctionRecord,
    action: 'hearing_sent' | 'answered' | 'decided' | 'handed_off' | 'withdrawn',
    note: string | null,
  ) {
    return repo.insertEvent(trx, {
      tenantId: auth.tenantId,
      id: randomUUID(),
      sanctionId: record.id,
      caseId: record.caseId,
      actorId: auth.userId,
      action,
      note,
    });
  }

  /**
   * The reduction the sanction's rule gives: its stage by the person's earlier established breaches of
   * the kind (any case) and, for missed appointments, how many came in a row before.
   */
  private async reductionOf(trx: Tx, tenantId: string, record: SanctionRecord, context?: PersonContext): Promise<Reduction> {
    const person = context ?? (await this.personContext(trx, tenantId, record.personId));
    const earlier = person.decided.filter((s) => s.id !== record.id && s.breachOn <= record.breachOn);
    const dates = earlierBreachDates(record.kind, earlier);
    const appointments: AppointmentRecord[] = person.appointments
      .filter((a) => a.dutyId !== record.dutyId)
      .map((a) => ({ appointmentOn: a.appointmentOn, missed: a.missed }));
    const consecutive = record.kind === 'missed_appointment' ? consecutiveMissedBefore(record.breachOn, appointments) : 0;
    return reductionFor(snapshotOf(record), record.kind, record.breachOn, dates, consecutive);
  }

  private async personContext(trx: Tx, tenantId: string, personId: string): Promise<PersonContext> {
    const decided = (await repo.decidedSanctionsOfPerson(trx, tenantId, personId)).map((s): EarlierSanction & { id: string } => ({
      id: s.id,
      kind: s.kind,
      breachOn: s.breachOn,
      importantReasonAccepted: s.importantReasonAccepted,
      outcome: s.decision,
      repetition: s.repetition,
      startsOn: s.startsOn,
      rule: s.ruleSnapshot as SanctionRule,
    }));
    const duties = await repo.appointmentDutiesOfPerson(trx, tenantId, personId);
    const onDuties = await repo.sanctionsOnDuties(
      trx,
      tenantId,
      duties.map((d) => d.id),
    );
    const appointments = duties.map((d) => {
      const sanctions = onDuties.filter((s) => s.dutyId === d.id && s.kind === 'missed_appointment');
      const established = sanctions.some(
        (s) => (s.status === 'decided' || s.status === 'handed_off') && s.importantReasonAccepted === false,
      );
      // No breach recorded for an invitation: the person came (kept). Open, excused or withdrawn: neither.
      const missed = established ? true : sanctions.length === 0 ? false : null;
      return { dutyId: d.id, appointmentOn: d.appointmentOn as string, missed };
    });
    return { decided, appointments };
  }

  /**
   * The sanctions of a case as the viewer sees them, with the rule's proposal for undecided ones. `log`:
   * a read of the person's data (not for the answer of a write, which the change log already has).
   */
  private async views(trx: Tx, auth: AuthContext, caseRow: CaseRow, records: SanctionRecord[], log = true): Promise<Sanction[]> {
    const today = this.today();
    const responsible = caseRow.caseManagerId === auth.userId;
    const anyOpen = records.some((r) => r.status === 'recorded' || r.status === 'hearing');
    const person = anyOpen ? await this.personContext(trx, auth.tenantId, caseRow.personId) : null;
    const careServices = anyOpen ? await repo.activeSensitiveServices(trx, auth.tenantId, caseRow.personId) : [];
    const duties = new Map<string, DutyRecord>();
    for (const duty of await repo.dutiesOfCase(trx, auth.tenantId, caseRow.id)) duties.set(duty.id, duty);
    const items: Sanction[] = [];
    for (const record of records) {
      const duty = duties.get(record.dutyId);
      if (!duty) throw new Error('sanction without its duty');
      let proposal: Sanction['proposal'] = null;
      if (person && (record.status === 'recorded' || record.status === 'hearing')) {
        const reduction = await this.reductionOf(trx, auth.tenantId, record, person);
        const startsOn = reductionPeriod(today, reduction.months).startsOn;
        proposal = {
          repetition: reduction.repetition,
          percent: reduction.percent,
          months: reduction.months,
          fullStop: reduction.fullStop,
          amountCents: reductionAmountCents(reduction.percent, startsOn),
        };
      }
      items.push(toSanction(record, duty, { today, careServices, showCare: responsible, proposal }));
    }
    if (log) {
      await audit.appendReads(trx, auth, [caseRow.personId], 'case');
      if (responsible && careServices.length > 0) await audit.appendReads(trx, auth, [caseRow.personId], 'special_category');
    }
    return items;
  }

  private async load(trx: Tx, auth: AuthContext, id: string, options: { logRead?: boolean } = {}): Promise<Sanction> {
    const record = await repo.findSanction(trx, auth.tenantId, id);
    if (!record) throw new AppError('NOT_FOUND');
    const caseRow = await this.cases.findCase(trx, auth.tenantId, record.caseId);
    if (!caseRow) throw new AppError('NOT_FOUND');
    const [item] = await this.views(trx, auth, caseRow, [record], options.logRead ?? true);
    if (!item) throw new Error('sanction view missing');
    return item;
  }
}

interface PersonContext {
  decided: Array<EarlierSanction & { id: string }>;
  appointments: Array<{ dutyId: string; appointmentOn: string; missed: boolean | null }>;
}

const laterOf = (a: string, b: string) => (a > b ? a : b);

/** A rule as entered: stages as given, forms without repeats. */
function normaliseRule(input: SanctionRuleRequest): Omit<SanctionRule, 'id' | 'version'> {
  if (input.validTo !== null && input.validTo < input.validFrom) {
    throw fieldProblem('validTo', 'before_start', 'Das Ende der Gültigkeit darf nicht vor ihrem Beginn liegen.');
  }
  return {
    code: input.code,
    title: input.title,
    validFrom: input.validFrom,
    validTo: input.validTo,
    dutyForms: [...new Set(input.dutyForms)],
    dutyStages: input.dutyStages,
    appointmentStages: input.appointmentStages,
    repeatWithinMonths: input.repeatWithinMonths,
    appointmentStopAfter: input.appointmentStopAfter,
    legalBasis: input.legalBasis,
    sourceNote: input.sourceNote,
  };
}

function followUpTitle(
  record: SanctionRecord,
  reduce: boolean,
  reduction: Reduction,
  amountCents: number | null,
  period: { startsOn: string; endsOn: string } | null,
): string {
  const breach = `${record.kind === 'missed_appointment' ? 'Meldeversäumnis' : 'Pflichtverletzung'} vom ${formatDateDe(record.breachOn)}`;
  if (!reduce || !period) return `Entscheidung ohne Leistungsminderung zur Kenntnis (${breach})`;
  const span = `${formatDateDe(period.startsOn)} bis ${formatDateDe(period.endsOn)}`;
  if (reduction.fullStop) return `Leistungsminderung umsetzen: Regelbedarf entfällt ${span} (${breach})`;
  return `Leistungsminderung umsetzen: ${reduction.percent} % (${formatCents(amountCents ?? 0)} monatlich) ${span} (${breach})`;
}
