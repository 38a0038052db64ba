import type { Provider } from '@lotse/contracts';
import { useCallback } from 'react';
import { Link, useNavigate } from 'react-router';
import { Badge } from '../../components/Badge';
import { type Column, DataTable } from '../../components/DataTable';
import { Loading, PageHeader, ProblemAlert, usePageTitle } from '../../components/Page';
import { t } from '../../i18n';
import { useLoadedResource } from '../../lib/useLoadedResource';
import * as api from './api';
import { useCoopRights } from './kit';

export function addressLine(a: {
  street: string | null;
  houseNumber: string | null;
  postalCode: string | null;
  city: string | null;
}): string {
  const street = [a.street, a.houseNumber].filter(Boolean).join(' ');
  const city = [a.postalCode, a.city].filter(Boolean).join(' ');
  return [street, city].filter(Boolean).join(', ');
}

/** Providers of the Jobcenter (SPEC C6): name, address, contact, number of offers, status. */
export function ProviderListPage() {
  usePageTitle(t('cooperation.providersTitle'));
  const navigate = useNavigate();
  const rights = useCoopRights();
  const fetchList = useCallback(async (signal?: AbortSignal) => {
    const list = await api.listProviders(signal);
    return [...list.items].sort((a, b) => a.name.localeCompare(b.name, 'de'));
  }, []);
  const { loaded, loadError, load } = useLoadedResource(fetchList);

  const columns: Column<Provider>[] = [
    {
      key: 'name',
      header: t('cooperation.colProvider'),
      rowHeader: true,
      render: (p) => <Link to={`/kooperation/traeger/${p.id}`}>{p.name}</Link>,
    },
    {
      key: 'address',
      header: t('cooperation.colAddress'),
      render: (p) => addressLine(p) || <span className="muted">{t('common.none')}</span>,
    },
    {
      key: 'contact',
      header: t('cooperation.colContact'),
      render: (p) =>
        p.contactPerson || p.phone || p.email ? (
          <ul className="plain-list">
            {p.contactPerson ? <li>{p.contactPerson}</li> : null}
            {p.phone ? <li>{p.phone}</li> : null}
            {p.email ? <li>{p.email}</li> : null}
          </ul>
        ) : (
          <span className="muted">{t('common.none')}</span>
        ),
    },
    { key: 'offers', header: t('cooperation.colOfferCount'), render: (p) => p.offerCount, className: 'num' },
    {
      key: 'status',
      header: t('cooperation.colStatus'),
      render: (p) =>
        p.active ? <Badge tone="success">{t('cooperation.active')}</Badge> : <Badge tone="neutral">{t('cooperation.inactive')}</Badge>,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('cooperation.providersTitle')}
        actions={
          rights.admin ? (
            <button type="button" className="button button--secondary" onClick={() => navigate('/kooperation/traeger/neu')}>
              {t('cooperation.providerCreate')}
            </button>
          ) : null
        }
      >
        <p className="page-subtitle">{t('cooperation.providersIntro')}</p>
      </PageHeader>
      {loadError ? <ProblemAlert error={loadError} onRetry={() => void load()} /> : null}
      {!loaded && !loadError ? <Loading /> : null}
      {loaded && loaded.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__title">{t('cooperation.providersEmpty')}</p>
          {rights.admin ? <p>{t('cooperation.providersEmptyHint')}</p> : null}
        </div>
      ) : null}
      {loaded && loaded.length > 0 ? (
        <DataTable
          caption={t('cooperation.providersCaption', { count: loaded.length })}
          columns={columns}
          rows={loaded}
          rowKey={(p) => p.id}
        />
      ) : null}
    </>
  );
}
