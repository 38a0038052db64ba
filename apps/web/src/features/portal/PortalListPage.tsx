import { CONSENT_STATE_LABELS_DE, REFERRAL_STATUS_LABELS_DE, REFERRAL_STATUSES, type ReferralStatus } from '@lotse/domain';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type ApiError, toApiError } from '../../api/client';
import { Badge } from '../../components/Badge';
import { type Column, DataTable } from '../../components/DataTable';
import { SelectField } from '../../components/FormField';
import { PageHeader, ProblemAlert, usePageTitle } from '../../components/Page';
import { t } from '../../i18n';
import { formatDate, listName } from '../../lib/format';
import { overdueText } from '../referrals/referralFormat';
import * as api from './api';

const PAGE_SIZE = 50;
type StatusFilter = 'open' | 'all' | ReferralStatus;
/** Statuses a provider can see (never drafts or unconfirmed self-referrals). */
const VISIBLE_STATUSES = REFERRAL_STATUSES.filter((s) => s !== 'draft' && s !== 'self_referred');
const isFilter = (v: string | null): v is StatusFilter =>
  v === 'open' || v === 'all' || (v !== null && (VISIBLE_STATUSES as readonly string[]).includes(v));

export function consentTone(state: api.PortalReferral['consent']['state']): 'success' | 'danger' | 'neutral' {
  return state === 'valid' ? 'success' : state === 'revoked' ? 'danger' : 'neutral';
}

export function consentStateLabel(state: api.PortalReferral['consent']['state']): string {
  return state === 'missing' ? t('portal.consentMissing') : CONSENT_STATE_LABELS_DE[state];
}

/** Träger-Portal (SPEC C7): the referrals to the caller's provider, open ones first by default. */
export function PortalListPage() {
  usePageTitle(t('portal.listTitle'));
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status: StatusFilter = isFilter(statusParam) ? statusParam : 'open';
  const [items, setItems] = useState<api.PortalReferral[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadedOnce, setLoadedOnce] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const controllerRef = useRef<AbortController | null>(null);

  const loadPage = useCallback(
    async (cursor?: string) => {
      controllerRef.current?.abort();
      const controller = new AbortController();
      controllerRef.current = controller;
      setLoading(true);
      setError(null);
      try {
        const page = await api.listPortalReferrals({ status, cursor, limit: PAGE_SIZE }, controller.signal);
        setItems((prev) => (cursor ? [...prev, ...page.items] : page.items));
        setNextCursor(page.page.nextCursor);
        setLoadedOnce(true);
        if (cursor && page.items[0]) requestAnimationFrame(() => document.getElementById(`portal-link-${page.items[0]?.id}`)?.focus());
      } catch (e) {
        if (!controller.signal.aborted) setError(toApiError(e));
      } finally {
        if (controllerRef.current === controller) setLoading(false);
      }
    },
    [status],
  );

  useEffect(() => {
    setItems([]);
    setNextCursor(null);
    setLoadedOnce(false);
    void loadPage();
    return () => controllerRef.current?.abort();
  }, [loadPage]);

  const statusLabel =
    status === 'open' ? t('portal.filterOpen') : status === 'all' ? t('portal.filterAll') : REFERRAL_STATUS_LABELS_DE[status];

  const columns: Column<api.PortalReferral>[] = [
    {
      key: 'person',
      header: t('portal.colPerson'),
      rowHeader: true,
      render: (r) => (
        <Link id={`portal-link-${r.id}`} to={`/portal/zuweisungen/${r.id}`}>
          {r.person ? listName(r.person) : t('portal.noPersonData')}
          <span className="visually-hidden">, {t('portal.linkHidden', { offer: r.offer.name })}</span>
        </Link>
      ),
    },
    { key: 'offer', header: t('portal.colOffer'), render: (r) => r.offer.name },
    { key: 'status', header: t('portal.colStatus'), render: (r) => REFERRAL_STATUS_LABELS_DE[r.status] },
    { key: 'sent', header: t('portal.colSent'), render: (r) => formatDate(r.sentOn), className: 'nowrap' },
    {
      key: 'due',
      header: t('portal.colDue'),
      render: (r) =>
        r.overdue ? <Badge tone="danger">{overdueText(r.overdue)}</Badge> : <span className="muted">{t('portal.notOverdue')}</span>,
    },
    {
      key: 'consent',
      header: t('portal.colConsent'),
      render: (r) => <Badge tone={consentTone(r.consent.state)}>{consentStateLabel(r.consent.state)}</Badge>,
    },
  ];

  const countText = loading
    ? t('portal.loading')
    : items.length === 1
      ? t('portal.countOne')
      : nextCursor
        ? t('portal.countMore', { count: items.length })
        : t('portal.count', { count: items.length });

  return (
    <>
      <PageHeader
        title={t('portal.listTitle')}
        actions={
          <>
            <Link to="/portal/konferenzen" className="button button--secondary">
              {t('portal.conferencesLink')}
            </Link>
            <Link to="/portal/berichte" className="button button--secondary">
              {t('portal.reportsLink')}
            </Link>
          </>
        }
      >
        <p className="page-subtitle">{t('portal.listIntro')}</p>
      </PageHeader>
      <form className="card filter-form" aria-labelledby="portal-filter-heading" onSubmit={(e) => e.preventDefault()}>
        <h2 id="portal-filter-heading" className="h3">
          {t('portal.filterHeading')}
        </h2>
        <div className="filter-form__row">
          <SelectField
            id="portal-status"
            label={t('portal.filterLabel')}
            width="long"
            value={status}
            onChange={(v) => {
              const search = new URLSearchParams();
              if (v !== 'open') search.set('status', v);
              setParams(search, { replace: true });
            }}
            options={[
              { value: 'open', label: t('portal.filterOpen') },
              { value: 'all', label: t('portal.filterAll') },
              ...VISIBLE_STATUSES.map((s) => ({ value: s, label: REFERRAL_STATUS_LABELS_DE[s] })),
            ]}
          />
        </div>
        <p role="status" className="muted">
          {loadedOnce || loading ? countText : ''}
        </p>
      </form>
      {error ? <ProblemAlert error={error} onRetry={() => void loadPage(items.length ? (nextCursor ?? undefined) : undefined)} /> : null}
      {loadedOnce && items.length === 0 && !loading ? (
        <div className="empty-state">
          <p className="empty-state__title">{t('portal.emptyTitle')}</p>
          <p>{t('portal.emptyText', { status: statusLabel })}</p>
        </div>
      ) : null}
      {items.length > 0 ? (
        <div aria-busy={loading || undefined}>
          <DataTable caption={t('portal.caption', { status: statusLabel })} columns={columns} rows={items} rowKey={(r) => r.id} />
          {nextCursor ? (
            <div className="button-row">
              <button type="button" className="button button--secondary" onClick={() => void loadPage(nextCursor)} disabled={loading}>
                {loading ? t('portal.loading') : t('portal.loadMore')}
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
