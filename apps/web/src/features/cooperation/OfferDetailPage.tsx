import { HANDBOOK_READERS, hasAnyRole, SERVICE_TYPE_LABELS_DE } from '@lotse/domain';
import { useCallback } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Badge } from '../../components/Badge';
import { PageHeader, usePageTitle } from '../../components/Page';
import { t } from '../../i18n';
import { useLoadedResource } from '../../lib/useLoadedResource';
import { useSession } from '../auth/session';
import * as api from './api';
import { formatDecimal, Item, notLoaded, useCoopRights } from './kit';
import { capacityTotalText, financingText, measureBeginText, plannedDurationText, priceText, targetGroupList, waitingText } from './labels';
import { OfferCostsSection } from './OfferCostsSection';
import { addressLine } from './ProviderListPage';

/** One offer: what it is, for whom, capacity and price, its locations and contacts. */
export function OfferDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const rights = useCoopRights();
  const { roles } = useSession();
  const fetchOffer = useCallback(async (signal?: AbortSignal) => (await api.getOffer(id, signal)).data, [id]);
  const { loaded: offer, loadError, load } = useLoadedResource(fetchOffer);
  usePageTitle(offer ? offer.name : t('cooperation.offerTitle'));

  if (!offer) {
    return notLoaded({
      title: t('cooperation.offerTitle'),
      error: loadError,
      onRetry: load,
      backTo: '/angebote',
      backLabel: t('cooperation.toCatalogue'),
    });
  }

  return (
    <>
      <PageHeader
        title={offer.name}
        actions={
          rights.admin ? (
            <button type="button" className="button button--secondary" onClick={() => navigate(`/angebote/${offer.id}/bearbeiten`)}>
              {t('cooperation.offerEdit')}
            </button>
          ) : null
        }
      >
        <p className="page-subtitle">
          {offer.active ? (
            <Badge tone="success">{t('cooperation.active')}</Badge>
          ) : (
            <Badge tone="neutral">{t('cooperation.inactive')}</Badge>
          )}{' '}
          · <Link to="/angebote">{t('cooperation.toCatalogue')}</Link>
        </p>
      </PageHeader>
      {!offer.active ? <p className="banner banner--info">{t('cooperation.offerInactiveNote')}</p> : null}

      <div className="coop-detail">
        <section className="card" aria-labelledby="offer-overview-heading">
          <h2 id="offer-overview-heading">{t('cooperation.offerOverview')}</h2>
          <dl className="dl">
            <Item label={t('cooperation.colProvider')}>
              {rights.cooperation ? (
                <Link to={`/kooperation/traeger/${offer.provider.id}`}>{offer.provider.name}</Link>
              ) : (
                offer.provider.name
              )}
            </Item>
            <Item label={t('cooperation.serviceType')}>
              {SERVICE_TYPE_LABELS_DE[offer.serviceType]}
              {hasAnyRole(roles, HANDBOOK_READERS) ? (
                <>
                  {' '}
                  <Link to={`/handbuch/${offer.serviceType}`}>{t('cooperation.toHandbookPage')}</Link>
                </>
              ) : null}
            </Item>
            <Item label={t('cooperation.targetGroups')}>{targetGroupList(offer.targetGroups)}</Item>
            <Item label={t('cooperation.offerAgreement')}>
              {offer.agreement ? (
                rights.cooperation ? (
                  <Link to={`/kooperation/vereinbarungen/${offer.agreement.id}`}>{offer.agreement.title}</Link>
                ) : (
                  offer.agreement.title
                )
              ) : (
                t('cooperation.agreementNone')
              )}
            </Item>
            <Item label={t('cooperation.offerDescription')}>
              {offer.description ? <span className="pre-line">{offer.description}</span> : null}
            </Item>
          </dl>
        </section>
        <section className="card" aria-labelledby="offer-capacity-heading">
          <h2 id="offer-capacity-heading">{t('cooperation.offerCapacityHeading')}</h2>
          <dl className="dl">
            <Item label={t('cooperation.capacity')}>{capacityTotalText(offer)}</Item>
            <Item label={t('cooperation.occupied')}>{String(offer.occupied)}</Item>
            <Item label={t('cooperation.freeCapacity')}>
              {offer.freeCapacity === null ? t('cooperation.capacityNone') : String(offer.freeCapacity)}
            </Item>
            <Item label={t('cooperation.colWaiting')}>{waitingText(offer.waitingDays)}</Item>
            <Item label={t('cooperation.financingModel')}>{financingText(offer)}</Item>
            <Item label={t('cooperation.colPrice')}>{priceText(offer)}</Item>
          </dl>
        </section>
        <section className="card" aria-labelledby="offer-statistics-heading">
          <h2 id="offer-statistics-heading">{t('cooperation.offerLegendStatistics')}</h2>
          <dl className="dl">
            <Item label={t('cooperation.measureBeginRule')}>{measureBeginText(offer)}</Item>
            <Item label={t('cooperation.plannedDurationDays')}>{plannedDurationText(offer)}</Item>
          </dl>
        </section>
      </div>

      <OfferCostsSection offer={offer} />

      <section aria-labelledby="offer-locations-heading">
        <h2 id="offer-locations-heading">{t('cooperation.locationsHeading', { count: offer.locations.length })}</h2>
        <ul className="plain-list coop-locations coop-detail">
          {offer.locations.map((l) => (
            <li key={l.id} className="card">
              <h3>{l.label}</h3>
              <dl className="dl">
                <Item label={t('cooperation.colAddress')}>{addressLine(l)}</Item>
                <Item label={t('cooperation.openingHours')}>
                  {l.openingHours ? <span className="pre-line">{l.openingHours}</span> : null}
                </Item>
                <Item label={t('cooperation.accessible')}>
                  {l.accessible ? <Badge tone="success">{t('cooperation.accessibleYes')}</Badge> : t('cooperation.accessibleNo')}
                </Item>
                <Item label={t('cooperation.coordinates')}>
                  {t('cooperation.coordinatesValue', { lat: formatDecimal(l.latitude), lon: formatDecimal(l.longitude) })}
                </Item>
              </dl>
            </li>
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby="offer-contacts-heading">
        <h2 id="offer-contacts-heading">{t('cooperation.contacts')}</h2>
        {offer.contacts.length === 0 ? (
          <p className="muted">{t('cooperation.contactsNone')}</p>
        ) : (
          <ul className="plain-list coop-contacts">
            {offer.contacts.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: contacts have no id; the list is read-only
              <li key={i}>
                <strong>{c.name}</strong>
                {c.function ? <span className="muted"> – {c.function}</span> : null}
                {c.phone ? (
                  <>
                    <br />
                    {t('cooperation.phone')}: <a href={`tel:${c.phone.replace(/[^\d+]/g, '')}`}>{c.phone}</a>
                  </>
                ) : null}
                {c.email ? (
                  <>
                    <br />
                    {t('cooperation.email')}: <a href={`mailto:${c.email}`}>{c.email}</a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
