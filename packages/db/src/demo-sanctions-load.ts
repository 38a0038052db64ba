import { randomUUID } from 'node:crypto';
import {
  addDays,
  type BreachKind,
  type DutyForm,
  formAllows,
  hearingDeadline,
  reductionAmountCents,
  reductionFor,
  reductionPeriod,
  type SanctionRule,
  type SanctionStage,
} from '@lotse/domain';
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema';
import { withTenant } from './tenant-scope';

/**
 * Demo sanctions (SPEC C16) in each period of the tenant's rule table: old ones decided and handed off
 * (one not reduced because an important reason was accepted, one reduced despite running addiction
 * care with a justification), and in the current period one handed off, one whose hearing runs and one
 * just recorded — each on a case that was open on the breach date, with the duty it breaches.
 */

interface DemoSanctionPlan {
  /** Breach date, or days before the reference date (recent ones follow the day of seeding). */
  breachOn: string | { daysAgo: number };
  kind: BreachKind;
  stage: 'recorded' | 'hearing' | 'decided_reduce' | 'decided_reason_accepted' | 'decided_care';
}

const PLANS: readonly DemoSanctionPlan[] = [
  { breachOn: '2021-09-14', kind: 'duty_breach', stage: 'decided_reduce' },
  { breachOn: '2022-02-08', kind: 'missed_appointment', stage: 'decided_reduce' },
  { breachOn: '2022-10-11', kind: 'missed_appointment', stage: 'decided_reason_accepted' },
  { breachOn: '2023-03-21', kind: 'duty_breach', stage: 'decided_reduce' },
  { breachOn: '2024-04-16', kind: 'duty_breach', stage: 'decided_reduce' },
  { breachOn: '2025-06-03', kind: 'duty_breach', stage: 'decided_care' },
  { breachOn: '2025-11-18', kind: 'missed_appointment', stage: 'decided_reason_accepted' },
  { breachOn: { daysAgo: 95 }, kind: 'duty_breach', stage: 'decided_reduce' },
  { breachOn: { daysAgo: 60 }, kind: 'missed_appointment', stage: 'decided_reduce' },
  { breachOn: { daysAgo: 12 }, kind: 'duty_breach', stage: 'hearing' },
  { breachOn: { daysAgo: 3 }, kind: 'missed_appointment', stage: 'recorded' },
];

const DUTY_TEXT: Record<DutyForm, string> = {
  egv: 'Teilnahme an der Schuldnerberatung (Erstgespräch und mindestens drei Folgetermine) laut Eingliederungsvereinbarung',
  verwaltungsakt: 'Teilnahme an der Maßnahme zur Aktivierung laut Eingliederungsverwaltungsakt',
  request_with_notice: 'Aufforderung, sich auf drei benannte Stellen zu bewerben und die Bewerbungen nachzuweisen',
  appointment_invitation: 'Einladung zum Beratungsgespräch im Jobcenter',
};

export interface DemoSanctionsOptions {
  tenantId: string;
  referenceDate: string;
}

export async function loadDemoSanctions(db: Kysely<Database>, options: DemoSanctionsOptions): Promise<number> {
  const { tenantId, referenceDate } = options;
  return withTenant(db, tenantId, async (trx) => {
    const rules = (await trx.selectFrom('sanctionRules').selectAll().where('tenantId', '=', tenantId).orderBy('validFrom').execute()).map(
      (r): SanctionRule => ({
        id: r.id,
        code: r.code,
        title: r.title,
        validFrom: r.validFrom,
        validTo: r.validTo,
        dutyForms: r.dutyForms as DutyForm[],
        dutyStages: r.dutyStages as SanctionStage[],
        appointmentStages: r.appointmentStages as SanctionStage[],
        repeatWithinMonths: r.repeatWithinMonths,
        appointmentStopAfter: r.appointmentStopAfter,
        legalBasis: r.legalBasis,
        sourceNote: r.sourceNote,
        version: r.version,
      }),
    );
    if (rules.length === 0) return 0;
    const used = new Set<string>();
    let count = 0;
    for (const plan of PLANS) {
      const breachOn = typeof plan.breachOn === 'string' ? plan.breachOn : addDays(referenceDate, -plan.breachOn.daysAgo);
      if (breachOn > referenceDate) continue;
      const rule = rules.find((r) => r.validFrom <= breachOn && (r.validTo === null || breachOn <= r.validTo));
      if (!rule) continue;
      const form: DutyForm | undefined =
        plan.kind === 'missed_appointment' ? 'appointment_invitation' : rule.dutyForms.find((f) => formAllows(rule, 'duty_breach', f));
      // A period without sanctionable duties (the 2022 moratorium) gets a missed appointment instead.
      const kind: BreachKind = form ? plan.kind : 'missed_appointment';
      const dutyForm: DutyForm = form ?? 'appointment_invitation';
      const setOn = addDays(breachOn, -21);
      const withCare = plan.stage === 'decided_care';
      const [kase] = (
        await sql<{ id: string; personId: string; caseManagerId: string; benefitsOfficerId: string | null }>`
          select c.id, c.person_id, c.case_manager_id, c.benefits_officer_id
            from cases c
           where c.tenant_id = ${tenantId} and c.opened_on <= ${setOn} and coalesce(c.closed_on, ${referenceDate}::date) >= ${breachOn}
             and c.status not in ('intake', 'not_indicated')
             and not (c.id = any(${[...used]}::uuid[]))
             and ${
               withCare
                 ? sql`exists (select 1 from referrals r join offers o on o.tenant_id = r.tenant_id and o.id = r.offer_id
                                where r.tenant_id = c.tenant_id and r.case_id = c.id and o.service_type = 'addiction_counselling')`
                 : sql`true`
             }
           order by c.opened_on desc, c.id
           limit 1`.execute(trx)
      ).rows;
      if (!kase) continue;
      used.add(kase.id);
      const dutyId = randomUUID();
      await trx
        .insertInto('sanctionDuties')
        .values({
          tenantId,
          id: dutyId,
          caseId: kase.id,
          form: dutyForm,
          setOn,
          description: DUTY_TEXT[dutyForm],
          legalConsequencesNotice: true,
          agreementVersionId: null,
          appointmentOn: dutyForm === 'appointment_invitation' ? breachOn : null,
          createdBy: kase.caseManagerId,
        })
        .execute();
      const decided = plan.stage.startsWith('decided');
      const hearingSentOn = plan.stage === 'recorded' ? null : addDays(breachOn, 2);
      const deadline = hearingSentOn ? hearingDeadline(hearingSentOn, 14) : null;
      const answeredOn = decided && deadline ? addDays(hearingSentOn as string, 9) : null;
      const decidedOn = decided && deadline ? addDays(deadline, 3) : null;
      const reasonAccepted = plan.stage === 'decided_reason_accepted';
      const reduce = decided && !reasonAccepted;
      const reduction = reduce ? reductionFor(rule, kind, breachOn, []) : null;
      const period = reduction && decidedOn ? reductionPeriod(decidedOn, reduction.months) : null;
      const recipient = kase.benefitsOfficerId ?? kase.caseManagerId;
      await trx
        .insertInto('sanctions')
        .values({
          tenantId,
          id: randomUUID(),
          caseId: kase.id,
          personId: kase.personId,
          dutyId,
          kind,
          breachOn,
          breachDescription:
            kind === 'missed_appointment'
              ? 'Zum Termin nicht erschienen, keine Absage.'
              : 'Die vereinbarte Pflicht wurde ohne Rückmeldung nicht erfüllt.',
          ruleId: rule.id,
          ruleSnapshot: JSON.stringify(rule),
          status: decided ? 'handed_off' : plan.stage === 'hearing' ? 'hearing' : 'recorded',
          hearingSentOn,
          hearingDeadline: deadline,
          hearingAnsweredOn: answeredOn,
          hearingAnswer: answeredOn
            ? reasonAccepted
              ? 'Ich lag an dem Tag im Krankenhaus; die Bescheinigung lege ich bei.'
              : 'Ich hatte den Termin vergessen.'
            : null,
          importantReasonAccepted: decided ? reasonAccepted : null,
          importantReasonReasoning: decided
            ? reasonAccepted
              ? 'Krankenhausaufenthalt durch Bescheinigung belegt: wichtiger Grund liegt vor.'
              : 'Vergessen ist kein wichtiger Grund im Sinne von § 31 Abs. 1 Satz 2 SGB II.'
            : null,
          careWarning: withCare,
          careJustification: withCare
            ? 'Die Suchtberatung ruht seit drei Monaten; Rücksprache mit der Beratungsstelle am Vortag: keine Einwände gegen die Minderung.'
            : null,
          decision: decided ? (reduce ? 'reduce' : 'no_reduction') : null,
          decisionReasoning: decided
            ? reduce
              ? 'Einzelfallprüfung: keine außergewöhnliche Härte; die Minderung ist verhältnismäßig.'
              : 'Wichtiger Grund anerkannt, keine Minderung.'
            : null,
          decidedOn,
          decidedBy: decided ? kase.caseManagerId : null,
          repetition: reduction?.repetition ?? null,
          reductionPercent: reduction?.percent ?? null,
          reductionMonths: reduction?.months ?? null,
          fullStop: reduction?.fullStop ?? false,
          amountCents: reduction && period ? reductionAmountCents(reduction.percent, period.startsOn) : null,
          startsOn: period?.startsOn ?? null,
          endsOn: period?.endsOn ?? null,
          handedOffTo: decided ? recipient : null,
          handedOffAt: decidedOn ? new Date(`${decidedOn}T10:00:00Z`) : null,
          createdBy: kase.caseManagerId,
        })
        .execute();
      count++;
    }
    return count;
  });
}
