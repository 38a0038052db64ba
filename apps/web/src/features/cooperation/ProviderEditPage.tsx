import type { Provider } from '@lotse/contracts';
import { useCallback } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader, usePageTitle } from '../../components/Page';
import type { FlashState } from '../../components/Status';
import { t } from '../../i18n';
import { useLoadedResource } from '../../lib/useLoadedResource';
import * as api from './api';
import { bind, CoopFormFrame, notLoaded, useEditForm } from './kit';
import { ProviderFields, providerFieldMap, providerLabels, providerUpdateBody, providerValues } from './ProviderForm';

export function ProviderEditPage() {
  usePageTitle(t('cooperation.providerEditTitle'));
  const { id = '' } = useParams();
  const fetchProvider = useCallback(async (signal?: AbortSignal) => (await api.getProvider(id, signal)).data, [id]);
  const { loaded, loadError, load } = useLoadedResource(fetchProvider);
  if (!loaded) {
    return notLoaded({
      title: t('cooperation.providerEditTitle'),
      error: loadError,
      onRetry: load,
      backTo: '/kooperation/traeger',
      backLabel: t('cooperation.toProviders'),
    });
  }
  return <ProviderEditForm key={loaded.id} provider={loaded} />;
}

function ProviderEditForm({ provider }: { provider: Provider }) {
  const navigate = useNavigate();
  const { form, frame } = useEditForm({
    record: provider,
    toValues: providerValues,
    labels: providerLabels(),
    fetchCurrent: async () => (await api.getProvider(provider.id)).data,
    updateBody: providerUpdateBody,
    save: async (body, ifMatch) => {
      await api.updateProvider(provider.id, ifMatch, body);
      const state: FlashState = { flash: t('common.saved') };
      navigate(`/kooperation/traeger/${provider.id}`, { state });
    },
    conflictText: t('cooperation.conflictProvider'),
  });

  return (
    <>
      <PageHeader title={t('cooperation.providerEditHeading', { name: provider.name })}>
        <p className="page-subtitle">
          <Link to={`/kooperation/traeger/${provider.id}`}>{t('cooperation.toProvider')}</Link>
        </p>
      </PageHeader>
      <CoopFormFrame {...frame} fields={providerFieldMap()} onCancel={() => navigate(`/kooperation/traeger/${provider.id}`)}>
        <ProviderFields form={bind(form)} mode="edit" />
      </CoopFormFrame>
    </>
  );
}
