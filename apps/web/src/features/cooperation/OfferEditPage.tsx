import type { Offer } from '@lotse/contracts';
import { useCallback } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { etagFromVersion } from '../../api/client';
import { Loading, PageHeader, ProblemAlert, usePageTitle } from '../../components/Page';
import { type FlashState, useAnnounce } from '../../components/Status';
import { t } from '../../i18n';
import { useLoadedResource } from '../../lib/useLoadedResource';
import { based, useCaseForm } from '../cases/caseFormKit';
import * as api from './api';
import { bind, CoopFormFrame, useConflict } from './kit';
import { useProviderAgreements } from './OfferCreatePage';
import { OfferFields, offerFieldMap, offerLabels, offerUpdateBody, offerValues } from './OfferForm';

export function OfferEditPage() {
  usePageTitle(t('cooperation.offerEditTitle'));
  const { id = '' } = useParams();
  const fetchOffer = useCallback(async (signal?: AbortSignal) => (await api.getOffer(id, signal)).data, [id]);
  const { loaded, loadError, load } = useLoadedResource(fetchOffer);
  if (!loaded) {
    return (
      <>
        <PageHeader title={t('cooperation.offerEditTitle')} />
        {loadError ? <ProblemAlert error={loadError} onRetry={loadError.status === 404 ? undefined : () => void load()} /> : <Loading />}
        <p>
          <Link to="/angebote">{t('cooperation.toCatalogue')}</Link>
        </p>
      </>
    );
  }
  return <OfferEditForm key={loaded.id} offer={loaded} />;
}

function OfferEditForm({ offer }: { offer: Offer }) {
  const navigate = useNavigate();
  const announce = useAnnounce();
  const form = useCaseForm(() => based(offerValues(offer), offer.version));
  const agreements = useProviderAgreements(offer.provider.id);
  const conflict = useConflict({
    form,
    fetchCurrent: async () => (await api.getOffer(offer.id)).data,
    toValues: offerValues,
    labels: offerLabels(),
  });

  const save = () => {
    const { body, problems } = offerUpdateBody(form.values, form.values.base);
    if (problems.length === 0 && Object.keys(body).length === 0) {
      announce(t('common.noChanges'));
      return;
    }
    void form.submit(
      () => problems,
      async () => {
        await api.updateOffer(offer.id, etagFromVersion(form.values.version), body);
        const state: FlashState = { flash: t('common.saved') };
        navigate(`/angebote/${offer.id}`, { state });
      },
      { onConflict: conflict.onConflict },
    );
  };

  return (
    <>
      <PageHeader title={t('cooperation.offerEditHeading', { name: offer.name })}>
        <p className="page-subtitle">
          <Link to={`/angebote/${offer.id}`}>{t('cooperation.toOffer')}</Link>
        </p>
      </PageHeader>
      <CoopFormFrame
        form={form}
        fields={offerFieldMap(form.values, 'edit')}
        onSubmit={save}
        submitLabel={t('common.save')}
        onCancel={() => navigate(`/angebote/${offer.id}`)}
        conflictText={t('cooperation.conflictOffer')}
        changedFields={conflict.changedFields}
        onConflictReload={conflict.onConflictReload}
        onConflictKeepEditing={conflict.onConflictKeepEditing}
      >
        <OfferFields form={bind(form)} mode="edit" providers={[]} agreements={agreements} providerName={offer.provider.name} />
      </CoopFormFrame>
    </>
  );
}
