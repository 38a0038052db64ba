import type { Offer } from '@lotse/contracts';
import { SERVICE_TYPE_LABELS_DE, SERVICE_TYPES, type ServiceType } from '@lotse/domain';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Badge } from '../../components/Badge';
import { type Column, DataTable } from '../../components/DataTable';
import { SelectField } from '../../components/FormField';
import { Loading, PageHeader, ProblemAlert, usePageTitle } from '../../components/Page';
import { t } from '../../i18n';
import { useLoadedResource } from '../../lib/useLoadedResource';
import * as api from './api';
import { useCoopRights } from './kit';
import { capacityText, financingText, priceText, targetGroupList, waitingText } from './labels';

type StatusFilter = 'true' | 'false' | 'all';
const STATUS_PARAM: Record<StatusFilter, string> = { true: 'aktiv', false: 'inaktiv', all: 'alle' };
const isServiceType = (v: string | null): v is ServiceType => v !== null && (SERVICE_TYPES as readonly string[]).includes(v);

/** The offer catalogue (SPEC C6): filters in the address (`?leistungsart=&traeger=&status=`), so a filtered view can be bookmarked. */
export function OfferCataloguePage() {
  usePageTitle(t('cooperation.catalogueTitle'));
  const navigate = useNavigate();
  const rights = useCoopRights();
  const [params, setParams] = useSearchParams();
  const serviceTypeParam = params.get('leistungsart');
  const serviceType = isServiceType(serviceTypeParam) ? serviceTypeParam : '';
  const providerId = params.get('traeger') ?? '';
  const status = (Object.keys(STATUS_PARAM) as StatusFilter[]).find((k) => STATUS_PARAM[k] === params.get('status')) ?? 'true';

  const [providers, setProviders] = useState<api.ProviderList['items']>([]);
  useEffect(() => {
    const controller = new AbortController();
    api
      .listProviders(controller.signal)
      .then((list) => setProviders([...list.items].sort((a, b) => a.name.localeCompare(b.name, 'de'))))
      .catch(() => setProviders([]));
    return () => controller.abort();
  }, []);

  const inactiveProviders = new Set(providers.filter((p) => !p.active).map((p) => p.id));

  const fetchOffers = useCallback(
    async (signal?: AbortSignal) => {
      const list = await api.listOffers(
        { serviceType: serviceType || undefined, providerId: providerId || undefined, active: status },
        signal,
      );
      return [...list.items].sort((a, b) => a.name.localeCompare(b.name, 'de') || a.provider.name.localeCompare(b.provider.name, 'de'));
    },
    [serviceType, providerId, status],
  );
  const { loaded, loadError, load } = useLoadedResource(fetchOffers);

  const setFilter = (next: { serviceType?: string; providerId?: string; status?: StatusFilter }) => {
    const search = new URLSearchParams();
    const st = next.serviceType ?? serviceType;
    const pr = next.providerId ?? providerId;
    const stat = next.status ?? status;
    if (st) search.set('leistungsart', st);
    if (pr) search.set('traeger', pr);
    if (stat !== 'true') search.set('status', STATUS_PARAM[stat]);
    setParams(search, { replace: true });
  };

  const columns: Column<Offer>[] = [
    { key: 'name', header: t('cooperation.colOffer'), rowHeader: true, render: (o) => <Link to={`/angebote/${o.id}`}>{o.name}</Link> },
    {
      key: 'provider',
      header: t('cooperation.colProvider'),
      render: (o) => (
        <>
          {rights.cooperation ? <Link to={`/kooperation/traeger/${o.provider.id}`}>{o.provider.name}</Link> : o.provider.name}
          {/* The offer list does not say whether the provider is active: the provider list does. */}
          {inactiveProviders.has(o.provider.id) ? (
            <>
              {' '}
              <Badge tone="neutral">{t('cooperation.providerInactiveBadge')}</Badge>
            </>
          ) : null}
        </>
      ),
    },
    { key: 'serviceType', header: t('cooperation.colServiceType'), render: (o) => SERVICE_TYPE_LABELS_DE[o.serviceType] },
    { key: 'targetGroups', header: t('cooperation.colTargetGroups'), render: (o) => targetGroupList(o.targetGroups) },
    { key: 'capacity', header: t('cooperation.colCapacity'), render: (o) => capacityText(o) },
    { key: 'waiting', header: t('cooperation.colWaiting'), render: (o) => waitingText(o.waitingDays), className: 'nowrap' },
    {
      key: 'cost',
      header: t('cooperation.colFinancingPrice'),
      render: (o) => (
        <ul className="plain-list">
          <li>{financingText(o)}</li>
          <li>{priceText(o)}</li>
        </ul>
      ),
    },
  ];
  if (status !== 'true')
    columns.push({
      key: 'status',
      header: t('cooperation.colStatus'),
      render: (o) =>
        o.active ? <Badge tone="success">{t('cooperation.active')}</Badge> : <Badge tone="neutral">{t('cooperation.inactive')}</Badge>,
    });

  const count = loaded?.length ?? 0;
  const countText = !loaded ? '' : count === 1 ? t('cooperation.offerCountOne') : t('cooperation.offerCount', { count });

  return (
    <>
      <PageHeader
        title={t('cooperation.catalogueTitle')}
        actions={
          rights.admin ? (
            <button type="button" className="button button--secondary" onClick={() => navigate('/angebote/neu')}>
              {t('cooperation.offerCreate')}
            </button>
          ) : null
        }
      >
        <p className="page-subtitle">{t('cooperation.catalogueIntro')}</p>
      </PageHeader>

      <form className="card filter-form" aria-labelledby="offer-filter-heading" onSubmit={(e) => e.preventDefault()}>
        <h2 id="offer-filter-heading" className="h3">
          {t('cooperation.filterHeading')}
        </h2>
        <div className="filter-form__row">
          <SelectField
            id="offer-filter-serviceType"
            label={t('cooperation.serviceType')}
            value={serviceType}
            onChange={(v) => setFilter({ serviceType: v })}
            width="long"
            options={[
              { value: '', label: t('cooperation.filterAllServiceTypes') },
              ...SERVICE_TYPES.map((s) => ({ value: s, label: SERVICE_TYPE_LABELS_DE[s] })),
            ]}
          />
          <SelectField
            id="offer-filter-provider"
            label={t('cooperation.colProvider')}
            value={providerId}
            onChange={(v) => setFilter({ providerId: v })}
            options={[
              { value: '', label: t('cooperation.filterAllProviders') },
              ...providers.map((p) => ({ value: p.id, label: p.name })),
              // A provider from the address that is not (yet) in the list stays selectable.
              ...(providerId && !providers.some((p) => p.id === providerId)
                ? [{ value: providerId, label: t('cooperation.filterChosenProvider') }]
                : []),
            ]}
          />
          <SelectField
            id="offer-filter-status"
            label={t('cooperation.filterStatus')}
            value={status}
            onChange={(v) => setFilter({ status: v as StatusFilter })}
            width="short"
            options={[
              { value: 'true', label: t('cooperation.filterActive') },
              { value: 'false', label: t('cooperation.filterInactive') },
              { value: 'all', label: t('cooperation.filterAll') },
            ]}
          />
        </div>
        <p role="status" className="muted">
          {countText}
        </p>
      </form>

      {loadError ? <ProblemAlert error={loadError} onRetry={() => void load()} /> : null}
      {!loaded && !loadError ? <Loading /> : null}
      {loaded && loaded.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__title">{t('cooperation.catalogueEmpty')}</p>
          <p>
            {serviceType || providerId || status !== 'true' ? t('cooperation.catalogueEmptyFiltered') : t('cooperation.catalogueEmptyHint')}
          </p>
        </div>
      ) : null}
      {loaded && loaded.length > 0 ? (
        <DataTable
          caption={t('cooperation.catalogueCaption')}
          captionHidden
          columns={columns}
          rows={loaded}
          rowKey={(o) => o.id}
          className="coop-offers"
        />
      ) : null}
    </>
  );
}
