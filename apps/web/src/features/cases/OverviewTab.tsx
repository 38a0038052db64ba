import {
  AGREEMENT_KIND_LABELS_DE,
  CASE_STATUS_LABELS_DE,
  CLOSING_OUTCOME_LABELS_DE,
  LIFE_AREA_LABELS_DE,
  RATING_OCCASION_LABELS_DE,
  SATISFACTION_LABELS_DE,
} from '@lotse/domain';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Badge } from '../../components/Badge';
import { t } from '../../i18n';
import { formatDate, todayIso } from '../../lib/format';
import { TAB_HEADING_ID, useCaseFile } from './caseFileContext';
import { allSubGoals, areaChanges, barriersInOrder, openFollowUps, openSubGoalsByDue, ratingsChronological, signed } from './caseFileData';
import { formatMinute } from './caseFormKit';
import { actionLabel } from './HistoryTab';

function SummaryCard({
  id,
  title,
  to,
  linkText,
  children,
}: {
  id: string;
  title: string;
  to: string;
  linkText: string;
  children: ReactNode;
}) {
  return (
    <section className="card case-summary" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
      <p className="case-summary__link">
        <Link to={to}>{linkText}</Link>
      </p>
    </section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="dl-item">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Überblick: the state of every section in one view, with what is due next. */
export function OverviewTab() {
  const { overview } = useCaseFile();
  const base = `/faelle/${overview.id}`;
  const today = todayIso();
  const active = barriersInOrder(overview.barriers);
  const resolved = overview.barriers.filter((b) => b.status === 'resolved').length;
  const unordered = active.filter((b) => b.priority === null).length;
  const subGoals = allSubGoals(overview);
  const openSubs = openSubGoalsByDue(overview);
  const overdueSubs = openSubs.filter((s) => s.overdue).length;
  const goalTitle = (goalId: string) => overview.goals.find((g) => g.id === goalId)?.title ?? '';
  const agreement = overview.agreement;
  const ratings = ratingsChronological(overview.ratings);
  const latestRating = ratings[ratings.length - 1];
  const changes = areaChanges(overview.ratings).filter((c) => c.delta !== null && c.delta !== 0);
  const followUps = openFollowUps(overview.followUps);
  const lastTransition = [...overview.history].sort((a, b) => b.at.localeCompare(a.at))[0];

  return (
    <>
      <h2 id={TAB_HEADING_ID} tabIndex={-1}>
        {t('caseFile.tab.overview')}
      </h2>
      <div className="card-grid case-overview">
        <SummaryCard
          id="sum-assessment"
          title={t('caseFile.tab.assessment')}
          to={`${base}/assessment`}
          linkText={t('caseFile.toAssessment')}
        >
          <dl className="dl">
            <Fact label={t('caseFile.activeBarriers')}>{active.length}</Fact>
            <Fact label={t('caseFile.resolvedBarriers')}>{resolved}</Fact>
            <Fact label={t('caseFile.resources')}>{overview.resources.length}</Fact>
            <Fact label={t('caseFile.order')}>
              {active.length === 0 ? (
                <span className="muted">{t('common.none')}</span>
              ) : unordered > 0 ? (
                <Badge tone="danger">{t('caseFile.orderMissing')}</Badge>
              ) : (
                t('caseFile.orderSet')
              )}
            </Fact>
          </dl>
          {overview.hiddenSpecialCategoryEntries > 0 ? (
            <p className="muted">{t('caseFile.hiddenEntries', { count: overview.hiddenSpecialCategoryEntries })}</p>
          ) : null}
          {active.length > 0 ? (
            <>
              <p className="case-summary__subtitle">{t('caseFile.treatFirst')}</p>
              <ol className="case-summary__list">
                {active.slice(0, 3).map((b) => (
                  <li key={b.id}>{b.barrierType.label}</li>
                ))}
              </ol>
            </>
          ) : null}
        </SummaryCard>

        <SummaryCard id="sum-plan" title={t('caseFile.tab.plan')} to={`${base}/hilfeplan`} linkText={t('caseFile.toPlan')}>
          <dl className="dl">
            <Fact label={t('caseFile.goals')}>{overview.goals.length}</Fact>
            <Fact label={t('caseFile.subGoals')}>
              {t('caseFile.subGoalCounts', { total: subGoals.length, open: openSubs.length })}
              {overdueSubs > 0 ? (
                <>
                  {' '}
                  <Badge tone="danger">{t('caseFile.overdueCount', { count: overdueSubs })}</Badge>
                </>
              ) : null}
            </Fact>
          </dl>
          {openSubs.length > 0 ? (
            <>
              <p className="case-summary__subtitle">{t('caseFile.nextDue')}</p>
              <ul className="case-summary__list">
                {openSubs.slice(0, 3).map((s) => (
                  <li key={s.id}>
                    {formatDate(s.dueOn)}: {s.title} <span className="muted">({goalTitle(s.goalId)})</span>
                    {s.overdue ? (
                      <>
                        {' '}
                        <Badge tone="danger">{t('caseFile.overdue')}</Badge>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </SummaryCard>

        <SummaryCard
          id="sum-agreement"
          title={t('caseFile.tab.agreement')}
          to={`${base}/vereinbarung`}
          linkText={t('caseFile.toAgreement')}
        >
          {agreement ? (
            <dl className="dl">
              <Fact label={t('caseFile.agreementKind')}>
                {AGREEMENT_KIND_LABELS_DE[agreement.kind]}{' '}
                <span className="muted">{t('caseFile.versionNo', { n: agreement.versionNo })}</span>
              </Fact>
              <Fact label={t('caseFile.agreedOn')}>{formatDate(agreement.agreedOn)}</Fact>
              <Fact label={t('caseFile.validUntil')}>{formatDate(agreement.validUntil)}</Fact>
              <Fact label={t('caseFile.reviewOn')}>
                {formatDate(agreement.reviewOn)}{' '}
                {agreement.reviewOn <= today ? <Badge tone="danger">{t('caseFile.reviewDue')}</Badge> : null}
              </Fact>
            </dl>
          ) : (
            <p className="muted">{t('caseFile.noAgreement')}</p>
          )}
        </SummaryCard>

        <SummaryCard id="sum-progress" title={t('caseFile.tab.progress')} to={`${base}/verlauf`} linkText={t('caseFile.toProgress')}>
          {latestRating ? (
            <>
              <dl className="dl">
                <Fact label={t('caseFile.ratingsCount')}>{ratings.length}</Fact>
                <Fact label={t('caseFile.latestRating')}>
                  {formatDate(latestRating.ratedOn)} <span className="muted">({RATING_OCCASION_LABELS_DE[latestRating.occasion]})</span>
                </Fact>
              </dl>
              {ratings.length > 1 ? (
                changes.length > 0 ? (
                  <>
                    <p className="case-summary__subtitle">{t('caseFile.changeSinceFirst')}</p>
                    <ul className="case-summary__list">
                      {changes.map((c) => (
                        <li key={c.area}>
                          {t('caseFile.areaChange', {
                            area: LIFE_AREA_LABELS_DE[c.area],
                            first: c.first ?? '',
                            latest: c.latest ?? '',
                            delta: signed(c.delta ?? 0),
                          })}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : (
                  <p className="muted">{t('caseFile.noChangeSinceFirst')}</p>
                )
              ) : null}
            </>
          ) : (
            <p className="muted">{t('caseFile.noRatings')}</p>
          )}
        </SummaryCard>

        <SummaryCard id="sum-contacts" title={t('caseFile.tab.contacts')} to={`${base}/kontakte`} linkText={t('caseFile.toContacts')}>
          <dl className="dl">
            <Fact label={t('caseFile.lastContact')}>
              {overview.lastContactOn ? formatDate(overview.lastContactOn) : <span className="muted">{t('caseFile.noContactYet')}</span>}
            </Fact>
            <Fact label={t('caseFile.nextContactDue')}>
              {formatDate(overview.nextContactDue)} {overview.contactOverdue ? <Badge tone="danger">{t('caseFile.overdue')}</Badge> : null}
            </Fact>
            <Fact label={t('caseFile.contactCount')}>{overview.contactCount}</Fact>
            <Fact label={t('caseFile.openFollowUps')}>{followUps.length}</Fact>
          </dl>
          {followUps.length > 0 ? (
            <>
              <p className="case-summary__subtitle">{t('caseFile.nextDue')}</p>
              <ul className="case-summary__list">
                {followUps.slice(0, 3).map((f) => (
                  <li key={f.id}>
                    {formatDate(f.dueOn)}: {f.title}
                    {f.overdue ? (
                      <>
                        {' '}
                        <Badge tone="danger">{t('caseFile.overdue')}</Badge>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </SummaryCard>

        <SummaryCard id="sum-history" title={t('caseFile.tab.history')} to={`${base}/historie`} linkText={t('caseFile.toHistory')}>
          {lastTransition ? (
            <dl className="dl">
              <Fact label={t('caseFile.lastChange')}>{formatMinute(lastTransition.at)}</Fact>
              <Fact label={t('caseFile.historyStep')}>{actionLabel(lastTransition.action)}</Fact>
              <Fact label={t('caseFile.historyTo')}>{CASE_STATUS_LABELS_DE[lastTransition.toStatus]}</Fact>
              <Fact label={t('caseFile.historyWho')}>{lastTransition.actor?.displayName ?? t('caseFile.system')}</Fact>
            </dl>
          ) : (
            <p className="muted">{t('caseFile.noHistory')}</p>
          )}
        </SummaryCard>

        {overview.closing ? (
          <section className="card case-summary case-summary--wide" aria-labelledby="sum-closing">
            <h3 id="sum-closing">{t('caseFile.closingTitle')}</h3>
            <dl className="dl">
              <Fact label={t('caseFile.closingOutcome')}>{CLOSING_OUTCOME_LABELS_DE[overview.closing.outcome]}</Fact>
              <Fact label={t('caseFile.closingRetrospective')}>
                <span className="pre-line">{overview.closing.retrospective}</span>
              </Fact>
              <Fact label={t('caseFile.closingProspective')}>
                <span className="pre-line">{overview.closing.prospective}</span>
              </Fact>
              <Fact label={t('caseFile.closingParticipated')}>
                {overview.closing.personParticipated ? t('common.yes') : t('common.no')}
              </Fact>
              <Fact label={t('caseFile.closingSatisfaction')}>
                {overview.closing.satisfaction
                  ? `${overview.closing.satisfaction} – ${SATISFACTION_LABELS_DE[overview.closing.satisfaction as 1 | 2 | 3 | 4 | 5] ?? ''}`
                  : t('common.notSpecified')}
              </Fact>
            </dl>
          </section>
        ) : null}
      </div>
    </>
  );
}
