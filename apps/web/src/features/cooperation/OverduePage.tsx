import { DEFAULT_FEEDBACK_DEADLINES, OVERDUE_KIND_LABELS_DE, REFERRAL_STATUS_LABELS_DE } from '@lotse/domain';
import { useCallback } from 'react';
import { Link } from 'react-router';
import { Badge } from '../../components/Badge';
import { type Column, DataTable } from '../../components/DataTable';
import { Loading, PageHeader, ProblemAlert, usePageTitle } from '../../components/Page';
import { t } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useLoadedResource } from '../../lib/useLoadedResource';
import type { OverdueProvider, OverdueReferral } from './api';
import * as api from './api';
import { Item } from './kit';
import { DeadlineList } from './labels';

const maxDays = (p: OverdueProvider) => p.overdue.reduce((m, r) => Math.max(m, r.overdue.daysOverdue), 0);

/** Most overdue first: providers by their longest overdue referral, the referrals by days overdue. */
function sortProviders(providers: OverdueProvider[]): OverdueProvider[] {
  return providers
    .map((p) => ({
      ...p,
      overdue: [...p.overdue].sort(
        (a, b) => b.overdue.daysOverdue - a.overdue.daysOverdue || a.overdue.dueOn.localeCompare(b.overdue.dueOn),
      ),
    }))
    .sort((a, b) => maxDays(b) - maxDays(a) || b.overdue.length - a.overdue.length || a.provider.name.localeCompare(b.provider.name, 'de'));
}

/** The coordinator's daily view (SPEC C8): feedback the providers owe, per provider, without person data. */
export function OverduePage() {
  usePageTitle(t('cooperation.overdueTitle'));
  const fetchOverdue = useCallback(async (signal?: AbortSignal) => {
    const data = await api.getOverdue(signal);
    return { ...data, providers: sortProviders(data.providers) };
  }, []);
  const { loaded, loadError, load } = useLoadedResource(fetchOverdue);

  const withOverdue = loaded?.providers.filter((p) => p.overdue.length > 0) ?? [];
  const without = loaded?.providers.filter((p) => p.overdue.length === 0) ?? [];
  const total = withOverdue.reduce((n, p) => n + p.overdue.length, 0);

  const columns: Column<OverdueReferral>[] = [
    {
      key: 'offer',
      header: t('cooperation.colOffer'),
      rowHeader: true,
      render: (r) => <Link to={`/angebote/${r.offer.id}`}>{r.offer.name}</Link>,
    },
    { key: 'status', header: t('cooperation.colReferralStatus'), render: (r) => REFERRAL_STATUS_LABELS_DE[r.status] },
    { key: 'sentOn', header: t('cooperation.colSentOn'), render: (r) => formatDate(r.sentOn), className: 'nowrap' },
    { key: 'caseManager', header: t('cooperation.colCaseManager'), render: (r) => r.caseManager.displayName },
    { key: 'kind', header: t('cooperation.colOverdueKind'), render: (r) => OVERDUE_KIND_LABELS_DE[r.overdue.kind] },
    { key: 'dueOn', header: t('cooperation.colDueOn'), render: (r) => formatDate(r.overdue.dueOn), className: 'nowrap' },
    {
      key: 'days',
      header: t('cooperation.colDaysOverdue'),
      render: (r) => r.overdue.daysOverdue,
      className: 'num',
    },
  ];
  const quietColumns: Column<OverdueProvider>[] = [
    {
      key: 'provider',
      header: t('cooperation.colProvider'),
      rowHeader: true,
      render: (p) => <Link to={`/kooperation/traeger/${p.provider.id}`}>{p.provider.name}</Link>,
    },
    { key: 'open', header: t('cooperation.colOpenReferrals'), render: (p) => p.openReferrals, className: 'num' },
    { key: 'deadlines', header: t('cooperation.colDeadlines'), render: (p) => <Deadlines p={p} /> },
  ];

  return (
    <>
      <PageHeader title={t('cooperation.overdueTitle')}>
        <p className="page-subtitle">{t('cooperation.overdueIntro')}</p>
      </PageHeader>
      {loadError ? <ProblemAlert error={loadError} onRetry={() => void load()} /> : null}
      {!loaded && !loadError ? <Loading /> : null}
      {loaded ? (
        <p className="coop-overdue__summary">
          {t('cooperation.overdueAsOf', { date: formatDate(loaded.today) })}{' '}
          {total === 0
            ? t('cooperation.overdueNone')
            : total === 1
              ? t('cooperation.overdueCountOne')
              : t('cooperation.overdueCount', { count: total, providers: withOverdue.length })}
        </p>
      ) : null}
      {withOverdue.map((p) => (
        <section key={p.provider.id} className="card coop-overdue" aria-labelledby={`overdue-${p.provider.id}`}>
          <div className="section-header">
            <h2 id={`overdue-${p.provider.id}`}>
              <Link to={`/kooperation/traeger/${p.provider.id}`}>{p.provider.name}</Link>
            </h2>
            <Badge tone="danger">
              {p.overdue.length === 1 ? t('cooperation.overdueBadgeOne') : t('cooperation.overdueBadge', { count: p.overdue.length })}
            </Badge>
          </div>
          <dl className="dl coop-overdue__facts coop-detail">
            <Item label={t('cooperation.colOpenReferrals')}>{String(p.openReferrals)}</Item>
            <Item label={t('cooperation.colDeadlines')}>
              <Deadlines p={p} />
            </Item>
          </dl>
          <DataTable
            caption={t('cooperation.overdueCaption', { name: p.provider.name })}
            captionHidden
            columns={columns}
            rows={p.overdue}
            rowKey={(r) => `${r.referralId}:${r.overdue.kind}`}
          />
        </section>
      ))}
      {loaded && without.length > 0 ? (
        <section className="card" aria-labelledby="overdue-quiet">
          <h2 id="overdue-quiet">{t('cooperation.overdueQuietHeading', { count: without.length })}</h2>
          <DataTable
            caption={t('cooperation.overdueQuietCaption')}
            captionHidden
            columns={quietColumns}
            rows={without}
            rowKey={(p) => p.provider.id}
          />
        </section>
      ) : null}
      {loaded && loaded.providers.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__title">{t('cooperation.overdueNoProviders')}</p>
        </div>
      ) : null}
    </>
  );
}

function Deadlines({ p }: { p: OverdueProvider }) {
  if (p.agreement) {
    return (
      <>
        <DeadlineList d={p.agreement} />
        <span className="muted">
          {t('cooperation.deadlinesFrom')} <Link to={`/kooperation/vereinbarungen/${p.agreement.id}`}>{p.agreement.title}</Link>
        </span>
      </>
    );
  }
  return (
    <>
      <DeadlineList d={DEFAULT_FEEDBACK_DEADLINES} />
      <span className="muted">{t('cooperation.deadlinesDefault')}</span>
    </>
  );
}
