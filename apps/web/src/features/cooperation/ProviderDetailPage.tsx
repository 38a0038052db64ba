import type { CooperationAgreement, Offer, Provider } from '@lotse/contracts';
import { SERVICE_TYPE_LABELS_DE } from '@lotse/domain';
import { useCallback } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Badge } from '../../components/Badge';
import { type Column, DataTable } from '../../components/DataTable';
import { PageHeader, usePageTitle } from '../../components/Page';
import { t } from '../../i18n';
import { todayIso } from '../../lib/format';
import { useLoadedResource } from '../../lib/useLoadedResource';
import * as api from './api';
import { Item, notLoaded, useCoopRights } from './kit';
import { AgreementStateBadge, capacityText, DeadlineList, validityText } from './labels';
import { addressLine } from './ProviderListPage';

interface Loaded {
  provider: Provider;
  agreements: CooperationAgreement[];
  offers: Offer[];
}

/** One provider: its data, its cooperation agreements and its offers. */
export function ProviderDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const rights = useCoopRights();
  const fetchAll = useCallback(
    async (signal?: AbortSignal): Promise<Loaded> => {
      const [provider, agreements, offers] = await Promise.all([
        api.getProvider(id, signal),
        api.listAgreements(id, signal),
        api.listOffers({ providerId: id, active: 'all' }, signal),
      ]);
      return {
        provider: provider.data,
        agreements: [...agreements.items].sort((a, b) => b.validFrom.localeCompare(a.validFrom)),
        offers: [...offers.items].sort((a, b) => a.name.localeCompare(b.name, 'de')),
      };
    },
    [id],
  );
  const { loaded, loadError, load } = useLoadedResource(fetchAll);
  usePageTitle(loaded ? loaded.provider.name : t('cooperation.providerTitle'));
  const today = todayIso();

  if (!loaded) {
    return notLoaded({
      title: t('cooperation.providerTitle'),
      error: loadError,
      onRetry: load,
      backTo: '/kooperation/traeger',
      backLabel: t('cooperation.toProviders'),
    });
  }
  const { provider, agreements, offers } = loaded;

  const agreementColumns: Column<CooperationAgreement>[] = [
    {
      key: 'title',
      header: t('cooperation.colAgreement'),
      rowHeader: true,
      render: (a) => <Link to={`/kooperation/vereinbarungen/${a.id}`}>{a.title}</Link>,
    },
    { key: 'validity', header: t('cooperation.colValidity'), render: (a) => validityText(a) },
    { key: 'state', header: t('cooperation.colStatus'), render: (a) => <AgreementStateBadge agreement={a} today={today} /> },
    { key: 'deadlines', header: t('cooperation.colDeadlines'), render: (a) => <DeadlineList d={a} /> },
  ];
  const offerColumns: Column<Offer>[] = [
    { key: 'name', header: t('cooperation.colOffer'), rowHeader: true, render: (o) => <Link to={`/angebote/${o.id}`}>{o.name}</Link> },
    { key: 'serviceType', header: t('cooperation.colServiceType'), render: (o) => SERVICE_TYPE_LABELS_DE[o.serviceType] },
    { key: 'capacity', header: t('cooperation.colCapacity'), render: (o) => capacityText(o) },
    {
      key: 'status',
      header: t('cooperation.colStatus'),
      render: (o) =>
        o.active ? <Badge tone="success">{t('cooperation.active')}</Badge> : <Badge tone="neutral">{t('cooperation.inactive')}</Badge>,
    },
  ];

  return (
    <>
      <PageHeader
        title={provider.name}
        actions={
          rights.admin ? (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => navigate(`/kooperation/traeger/${provider.id}/bearbeiten`)}
            >
              {t('cooperation.providerEdit')}
            </button>
          ) : null
        }
      >
        <p className="page-subtitle">
          {provider.active ? (
            <Badge tone="success">{t('cooperation.active')}</Badge>
          ) : (
            <Badge tone="neutral">{t('cooperation.inactive')}</Badge>
          )}{' '}
          · <Link to="/kooperation/traeger">{t('cooperation.toProviders')}</Link>
        </p>
      </PageHeader>
      {!provider.active ? <p className="banner banner--info">{t('cooperation.providerInactiveNote')}</p> : null}

      <section className="card" aria-labelledby="provider-data-heading">
        <h2 id="provider-data-heading">{t('cooperation.providerData')}</h2>
        <dl className="dl">
          <Item label={t('cooperation.colAddress')}>{addressLine(provider)}</Item>
          <Item label={t('cooperation.contactPerson')}>{provider.contactPerson}</Item>
          <Item label={t('cooperation.phone')}>{provider.phone}</Item>
          <Item label={t('cooperation.email')}>{provider.email ? <a href={`mailto:${provider.email}`}>{provider.email}</a> : null}</Item>
          <Item label={t('cooperation.website')}>{provider.website}</Item>
        </dl>
      </section>

      <section className="card" aria-labelledby="provider-agreements-heading">
        <div className="section-header">
          <h2 id="provider-agreements-heading">{t('cooperation.agreementsHeading', { count: agreements.length })}</h2>
          {rights.admin ? (
            <Link className="button button--secondary button--small" to={`/kooperation/vereinbarungen/neu?traeger=${provider.id}`}>
              {t('cooperation.agreementCreate')}
            </Link>
          ) : null}
        </div>
        {agreements.length ? (
          <DataTable
            caption={t('cooperation.agreementsOfCaption', { name: provider.name })}
            captionHidden
            columns={agreementColumns}
            rows={agreements}
            rowKey={(a) => a.id}
          />
        ) : (
          <p className="muted">{t('cooperation.agreementsNone')}</p>
        )}
      </section>

      <section className="card" aria-labelledby="provider-offers-heading">
        <div className="section-header">
          <h2 id="provider-offers-heading">{t('cooperation.offersHeading', { count: offers.length })}</h2>
          {rights.admin ? (
            <Link className="button button--secondary button--small" to={`/angebote/neu?traeger=${provider.id}`}>
              {t('cooperation.offerCreate')}
            </Link>
          ) : null}
        </div>
        {offers.length ? (
          <DataTable
            caption={t('cooperation.offersOfCaption', { name: provider.name })}
            captionHidden
            columns={offerColumns}
            rows={offers}
            rowKey={(o) => o.id}
          />
        ) : (
          <p className="muted">{t('cooperation.offersNone')}</p>
        )}
      </section>
    </>
  );
}
