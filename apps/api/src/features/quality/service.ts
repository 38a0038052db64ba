import type { QualityQuery, QualityReport, QualityRow } from '@lotse/contracts';
import { type Database, withTenant } from '@lotse/db';
import {
  agreementReviewKept,
  CLOSING_OUTCOME_LABELS_DE,
  COMPLETION_PART_LABELS_DE,
  COMPLETION_PARTS,
  type CountedRatio,
  caseloadAssessment,
  completionPartOf,
  DEFAULT_FEEDBACK_DEADLINES,
  FEEDBACK_PART_LABELS_DE,
  feedbackDeadlineChecks,
  keptDeadlinesIn,
  LIFE_AREA_LABELS_DE,
  LIFE_AREAS,
  type LifeArea,
  NO_TEAM_KEY,
  NO_TEAM_LABEL_DE,
  planningFiguresSuppressedFor,
  QUALITY_GROUPING_LABELS_DE,
  QUALITY_INDICATOR_DEFINITIONS,
  QUALITY_INDICATORS,
  QUALITY_LEVEL_LABELS_DE,
  type QualityIndicator,
  qualityIndicatorDefinition,
  type ReferralResult,
  ratingChanges,
  referenceDateOf,
  SERVICE_TYPE_LABELS_DE,
  type ServiceType,
  SUBGOAL_PARTS,
  SUBGOAL_STATUS_LABELS_DE,
  showRatio,
  suppressedInBreakdown,
  TRAINING_EXIT_OUTCOMES,
  todayInGermany,
  WORK_EXIT_OUTCOMES,
} from '@lotse/domain';
import type { Kysely } from 'kysely';
import type { AppConfig } from '../../config';
import type { AuthContext } from '../../http/access';
import { QualityRepository } from './repository';

const repo = new QualityRepository();

/** Defaults of tenant_case_rules for a tenant without a row (the migration's column defaults). */
export const DEFAULT_STEERING_RULES = { suppressionMinimum: 5, caseloadTarget: 75, waitingTargetDays: 21 } as const;

/** The counted figure of one group, with its parts, before suppression. */
interface Tally extends CountedRatio {
  parts: Map<string, CountedRatio>;
}

/** Groups of one indicator: key → tally; parts in the order the indicator shows them. */
class Tallies {
  readonly groups = new Map<string, Tally>();
  constructor(readonly partLabels: ReadonlyArray<readonly [string, string]> = []) {}

  group(key: string): Tally {
    let tally = this.groups.get(key);
    if (!tally) {
      tally = { numerator: 0, denominator: 0, basis: 0, parts: new Map(this.partLabels.map(([k]) => [k, zero()])) };
      this.groups.set(key, tally);
    }
    return tally;
  }

  add(key: string, numerator: number, denominator: number, basis = denominator): Tally {
    const tally = this.group(key);
    tally.numerator += numerator;
    tally.denominator += denominator;
    tally.basis += basis;
    return tally;
  }

  total(): Tally {
    const total: Tally = { ...zero(), parts: new Map(this.partLabels.map(([k]) => [k, zero()])) };
    for (const tally of this.groups.values()) {
      addTo(total, tally);
      for (const [k, part] of tally.parts) addTo(total.parts.get(k) ?? zero(), part);
    }
    return total;
  }
}

const zero = (): CountedRatio => ({ numerator: 0, denominator: 0, basis: 0 });
function addTo(target: CountedRatio, source: CountedRatio) {
  target.numerator += source.numerator;
  target.denominator += source.denominator;
  target.basis += source.basis;
}
function addPart(tally: Tally, key: string, numerator: number, denominator: number, basis = denominator) {
  const part = tally.parts.get(key);
  if (part) addTo(part, { numerator, denominator, basis });
}

interface Context {
  suppress: boolean;
  minimum: number;
  caseloadTarget: number;
  labelOf: (key: string) => string;
}

/**
 * Quality indicators (SPEC C13; seed 000 §8) for team leads and coordinators: structure, process and
 * result figures per team, service type or provider, without person data. For coordinators, who never
 * see persons, ratios resting on fewer than the tenant's minimum are suppressed (docs/reports.md).
 */
export class QualityService {
  constructor(
    readonly db: Kysely<Database>,
    readonly config: AppConfig,
  ) {}

  indicators(auth: AuthContext, query: QualityQuery): Promise<QualityReport> {
    const today = todayInGermany(this.config.now());
    const { year, by } = query;
    const from = `${year}-01-01`;
    const reference = referenceDateOf(year, today);
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const rules = (await repo.caseRules(trx, auth.tenantId)) ?? DEFAULT_STEERING_RULES;
      const teams = new Map((await repo.teams(trx, auth.tenantId)).map((t) => [t.id, t.name]));
      const providers = by === 'provider' ? new Map((await repo.providers(trx, auth.tenantId)).map((p) => [p.id, p.name])) : new Map();
      const labelOf = (key: string): string => {
        if (by === 'service_type') return SERVICE_TYPE_LABELS_DE[key as ServiceType] ?? key;
        if (by === 'provider') return providers.get(key) ?? key;
        return key === NO_TEAM_KEY ? NO_TEAM_LABEL_DE : (teams.get(key) ?? key);
      };
      const context: Context = {
        suppress: planningFiguresSuppressedFor(auth.roles),
        minimum: rules.suppressionMinimum,
        caseloadTarget: rules.caseloadTarget,
        labelOf,
      };
      const tallies: Record<QualityIndicator, Tallies> = {
        caseload: new Tallies(),
        waiting_within_target: new Tallies(),
        feedback_on_time: new Tallies(Object.entries(FEEDBACK_PART_LABELS_DE)),
        agreement_reviews_on_time: new Tallies(),
        referral_completion: new Tallies(COMPLETION_PARTS.map((p) => [p, COMPLETION_PART_LABELS_DE[p]] as const)),
        subgoals_reached: new Tallies(SUBGOAL_PARTS.map((p) => [p, SUBGOAL_STATUS_LABELS_DE[p]] as const)),
        rating_change: new Tallies(LIFE_AREAS.map((a) => [a, LIFE_AREA_LABELS_DE[a]] as const)),
        exits_into_work: new Tallies(
          [...WORK_EXIT_OUTCOMES, ...TRAINING_EXIT_OUTCOMES].map((o) => [o, CLOSING_OUTCOME_LABELS_DE[o]] as const),
        ),
      };

      for (const row of await repo.caseloads(trx, auth.tenantId, reference)) {
        tallies.caseload.add(row.key, row.cases, 1);
      }
      for (const row of await repo.waitingStarts(trx, auth.tenantId, by, from, reference, rules.waitingTargetDays)) {
        tallies.waiting_within_target.add(row.key, row.within, row.n);
      }
      for (const row of await repo.feedbackFacts(trx, auth.tenantId, by, from, reference)) {
        const deadlines =
          row.answerdays !== null && row.startdays !== null && row.reportdays !== null
            ? { answerDays: row.answerdays, startDays: row.startdays, interimReportDays: row.reportdays }
            : DEFAULT_FEEDBACK_DEADLINES;
        const checks = feedbackDeadlineChecks(
          {
            sentOn: row.sent,
            answeredOn: row.answered,
            acceptedOn: row.accepted,
            startAnsweredOn: row.startanswered,
            startedOn: row.started,
            endedOn: row.ended,
            cancelledOn: row.cancelled,
            reportDates: row.reports ? row.reports.split(',') : [],
          },
          deadlines,
          today,
        );
        const kept = keptDeadlinesIn(checks, from, reference);
        if (kept === null) continue;
        const tally = tallies.feedback_on_time.add(row.key, kept ? 1 : 0, 1);
        for (const c of checks) if (c.dueOn >= from && c.dueOn <= reference) addPart(tally, c.kind, c.onTime ? 1 : 0, 1);
      }
      for (const row of await repo.agreementReviews(trx, auth.tenantId, from, reference, today)) {
        const kept = agreementReviewKept({
          agreedOn: row.agreed,
          reviewOn: row.review,
          nextAgreedOn: row.next,
          closingStartedOn: row.closing,
        });
        tallies.agreement_reviews_on_time.add(row.key, kept ? 1 : 0, 1);
      }
      for (const row of await repo.endedReferrals(trx, auth.tenantId, by, from, reference)) {
        const tally = tallies.referral_completion.add(row.key, row.status === 'completed' ? row.n : 0, row.n);
        addPart(tally, completionPartOf(row.status, row.result as ReferralResult | null), row.n, 0, 0);
      }
      fillPartDenominators(tallies.referral_completion);
      for (const row of await repo.assessedSubGoals(trx, auth.tenantId, from, reference)) {
        const tally = tallies.subgoals_reached.add(row.key, row.status === 'reached' ? row.n : 0, row.n);
        addPart(tally, row.status, row.n, 0, 0);
      }
      fillPartDenominators(tallies.subgoals_reached);
      for (const row of await repo.ratingPairs(trx, auth.tenantId, from, reference)) {
        const changes = ratingChanges(scoresOf(row.baseline), scoresOf(row.latest)).filter((c) => c.change !== null);
        if (changes.length === 0) continue;
        const tally = tallies.rating_change.add(
          row.key,
          changes.reduce((sum, c) => sum + (c.change ?? 0), 0),
          changes.length,
          1,
        );
        for (const c of changes) addPart(tally, c.area, c.change ?? 0, 1);
      }
      for (const row of await repo.closedCases(trx, auth.tenantId, from, reference)) {
        const work = (WORK_EXIT_OUTCOMES as readonly string[]).includes(row.outcome);
        const tally = tallies.exits_into_work.add(row.key, work ? row.n : 0, row.n);
        addPart(tally, row.outcome, row.n, 0, 0);
      }
      fillPartDenominators(tallies.exits_into_work);

      const indicators = QUALITY_INDICATORS.map((key) => {
        const definition = QUALITY_INDICATOR_DEFINITIONS[key];
        const applicable = definition.groupings.includes(by);
        // Case indicators are always counted per team; with another grouping only their total is shown.
        const { rows, total } = presentRows(key, tallies[key], context);
        return {
          key,
          level: definition.level,
          levelLabel: QUALITY_LEVEL_LABELS_DE[definition.level],
          name: definition.name,
          definition: qualityIndicatorDefinition(key, rules),
          unit: definition.unit,
          basisLabel: definition.basisLabel,
          applicable,
          notApplicableText: applicable ? null : (definition.notApplicable ?? null),
          rows: applicable ? rows : [],
          total,
        };
      });
      return {
        year,
        by,
        byLabel: QUALITY_GROUPING_LABELS_DE[by],
        referenceDate: reference,
        suppression: { applied: context.suppress, minimum: rules.suppressionMinimum },
        targets: { caseloadTarget: rules.caseloadTarget, waitingTargetDays: rules.waitingTargetDays },
        indicators,
      };
    });
  }
}

/** Parts that split a group's figure (results, statuses, outcomes) share its denominator and basis. */
function fillPartDenominators(tallies: Tallies) {
  for (const tally of tallies.groups.values()) {
    for (const part of tally.parts.values()) {
      part.denominator = tally.denominator;
      part.basis = tally.basis;
    }
  }
}

function scoresOf(value: unknown): Array<{ area: LifeArea; score: number }> {
  return Array.isArray(value) ? (value as Array<{ area: LifeArea; score: number }>) : [];
}

const byLabel = (a: { key: string; label: string }, b: { key: string; label: string }) =>
  (a.key === NO_TEAM_KEY ? 1 : 0) - (b.key === NO_TEAM_KEY ? 1 : 0) || a.label.localeCompare(b.label, 'de');

/**
 * The rows and the total of one indicator as shown: for readers who never see persons, every breakdown
 * (the groups and their total, and each part across the groups) is protected by the shared suppression
 * engine — figures resting on fewer units than the minimum, and more where one could be computed as the
 * difference to the total (`suppressedInBreakdown`).
 */
function presentRows(key: QualityIndicator, tallies: Tallies, context: Context): { rows: QualityRow[]; total: QualityRow } {
  const groups = [...tallies.groups.entries()]
    .filter(([, tally]) => tally.basis > 0)
    .map(([groupKey, tally]) => ({ key: groupKey, label: context.labelOf(groupKey), tally }))
    .sort(byLabel);
  const total = tallies.total();
  const protect = (bases: number[]) =>
    context.suppress ? suppressedInBreakdown(bases, context.minimum) : { total: false, rows: bases.map(() => false) };
  const main = protect(groups.map((g) => g.tally.basis));
  const partFlags = new Map(
    tallies.partLabels.map(([partKey]) => [partKey, protect(groups.map((g) => g.tally.parts.get(partKey)?.basis ?? 0))] as const),
  );
  const present = (
    rowKey: string,
    label: string,
    tally: Tally,
    suppressed: boolean,
    partSuppressed: (partKey: string) => boolean,
  ): QualityRow => {
    const figure = showRatio(tally, suppressed);
    return {
      key: rowKey,
      label,
      figure,
      parts: tallies.partLabels.map(([partKey, partLabel]) => ({
        key: partKey,
        label: partLabel,
        figure: showRatio(tally.parts.get(partKey) ?? zero(), suppressed || partSuppressed(partKey)),
      })),
      assessment: key === 'caseload' ? caseloadAssessment(figure.value, context.caseloadTarget) : null,
    };
  };
  const rows = groups.map((g, index) =>
    present(g.key, g.label, g.tally, main.rows[index] ?? false, (partKey) => partFlags.get(partKey)?.rows[index] ?? false),
  );
  const totalRow = present('total', 'Insgesamt', total, main.total, (partKey) => partFlags.get(partKey)?.total ?? false);
  return { rows, total: totalRow };
}
