import type { Offer } from '@lotse/contracts';
import { useCallback } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader, usePageTitle } from '../../components/Page';
import type { FlashState } from '../../components/Status';
import { t } from '../../i18n';
import { useLoadedResource } from '../../lib/useLoadedResource';
import * as api from './api';
import { bind, CoopFormFrame, notLoaded, useEditForm } from './kit';
import { useProviderAgreements } from './OfferCreatePage';
import { OfferFields, offerFieldMap, offerLabels, offerUpdateBody, offerValues } from './OfferForm';

export function OfferEditPage() {
  usePageTitle(t('cooperation.offerEditTitle'));
  const { id = '' } = useParams();
  const fetchOffer = useCallback(async (signal?: AbortSignal) => (await api.getOffer(id, signal)).data, [id]);
  const { loaded, loadError, load } = useLoadedResource(fetchOffer);
  if (!loaded) {
    return notLoaded({
      title: t('cooperation.offerEditTitle'),
      error: loadError,
      onRetry: load,
      backTo: '/angebote',
      backLabel: t('cooperation.toCatalogue'),
    });
  }
  return <OfferEditForm key={loaded.id} offer={loaded} />;
}

function OfferEditForm({ offer }: { offer: Offer }) {
  const navigate = useNavigate();
  const { form, frame } = useEditForm({
    record: offer,
    toValues: offerValues,
    labels: offerLabels(),
    fetchCurrent: async () => (await api.getOffer(offer.id)).data,
    updateBody: offerUpdateBody,
    save: async (body, ifMatch) => {
      await api.updateOffer(offer.id, ifMatch, body);
      const state: FlashState = { flash: t('common.saved') };
      navigate(`/angebote/${offer.id}`, { state });
    },
    conflictText: t('cooperation.conflictOffer'),
  });
  const agreements = useProviderAgreements(offer.provider.id);

  return (
    <>
      <PageHeader title={t('cooperation.offerEditHeading', { name: offer.name })}>
        <p className="page-subtitle">
          <Link to={`/angebote/${offer.id}`}>{t('cooperation.toOffer')}</Link>
        </p>
      </PageHeader>
      <CoopFormFrame {...frame} fields={offerFieldMap(form.values, 'edit')} onCancel={() => navigate(`/angebote/${offer.id}`)}>
        <OfferFields form={bind(form)} mode="edit" providers={[]} agreements={agreements} providerName={offer.provider.name} />
      </CoopFormFrame>
    </>
  );
}
