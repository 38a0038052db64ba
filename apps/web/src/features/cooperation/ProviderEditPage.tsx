import type { Provider } from '@lotse/contracts';
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
import { ProviderFields, providerFieldMap, providerLabels, providerUpdateBody, providerValues } from './ProviderForm';

export function ProviderEditPage() {
  usePageTitle(t('cooperation.providerEditTitle'));
  const { id = '' } = useParams();
  const fetchProvider = useCallback(async (signal?: AbortSignal) => (await api.getProvider(id, signal)).data, [id]);
  const { loaded, loadError, load } = useLoadedResource(fetchProvider);
  if (!loaded) {
    return (
      <>
        <PageHeader title={t('cooperation.providerEditTitle')} />
        {loadError ? <ProblemAlert error={loadError} onRetry={loadError.status === 404 ? undefined : () => void load()} /> : <Loading />}
        <p>
          <Link to="/kooperation/traeger">{t('cooperation.toProviders')}</Link>
        </p>
      </>
    );
  }
  return <ProviderEditForm key={loaded.id} provider={loaded} />;
}

function ProviderEditForm({ provider }: { provider: Provider }) {
  const navigate = useNavigate();
  const announce = useAnnounce();
  const form = useCaseForm(() => based(providerValues(provider), provider.version));
  const conflict = useConflict({
    form,
    fetchCurrent: async () => (await api.getProvider(provider.id)).data,
    toValues: providerValues,
    labels: providerLabels(),
  });

  const save = () => {
    const { body, problems } = providerUpdateBody(form.values, form.values.base);
    if (problems.length === 0 && Object.keys(body).length === 0) {
      announce(t('common.noChanges'));
      return;
    }
    void form.submit(
      () => problems,
      async () => {
        await api.updateProvider(provider.id, etagFromVersion(form.values.version), body);
        const state: FlashState = { flash: t('common.saved') };
        navigate(`/kooperation/traeger/${provider.id}`, { state });
      },
      { onConflict: conflict.onConflict },
    );
  };

  return (
    <>
      <PageHeader title={t('cooperation.providerEditHeading', { name: provider.name })}>
        <p className="page-subtitle">
          <Link to={`/kooperation/traeger/${provider.id}`}>{t('cooperation.toProvider')}</Link>
        </p>
      </PageHeader>
      <CoopFormFrame
        form={form}
        fields={providerFieldMap()}
        onSubmit={save}
        submitLabel={t('common.save')}
        onCancel={() => navigate(`/kooperation/traeger/${provider.id}`)}
        conflictText={t('cooperation.conflictProvider')}
        changedFields={conflict.changedFields}
        onConflictReload={conflict.onConflictReload}
        onConflictKeepEditing={conflict.onConflictKeepEditing}
      >
        <ProviderFields form={bind(form)} mode="edit" />
      </CoopFormFrame>
    </>
  );
}
