import { useCallback } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Loading, PageHeader, ProblemAlert, usePageTitle } from '../../components/Page';
import type { FlashState } from '../../components/Status';
import { t } from '../../i18n';
import { useIdempotencyKey } from '../../lib/idempotency';
import { useLoadedResource } from '../../lib/useLoadedResource';
import { useCaseForm } from '../cases/caseFormKit';
import { AgreementFields, type AgreementValues, agreementCreateBody, agreementFieldMap, emptyAgreement } from './AgreementForm';
import * as api from './api';
import { bind, CoopFormFrame } from './kit';

/** New cooperation agreement; `?traeger=<id>` preselects the provider (from the provider's page). */
export function AgreementCreatePage() {
  usePageTitle(t('cooperation.agreementCreateTitle'));
  const [params] = useSearchParams();
  const fetchProviders = useCallback(async (signal?: AbortSignal) => {
    const list = await api.listProviders(signal);
    return [...list.items].sort((a, b) => a.name.localeCompare(b.name, 'de'));
  }, []);
  const { loaded: providers, loadError, load } = useLoadedResource(fetchProviders);
  const preset = params.get('traeger') ?? '';

  return (
    <>
      <PageHeader title={t('cooperation.agreementCreateTitle')}>
        <p className="page-subtitle">{t('cooperation.agreementCreateIntro')}</p>
      </PageHeader>
      {loadError ? <ProblemAlert error={loadError} onRetry={() => void load()} /> : null}
      {!providers && !loadError ? <Loading /> : null}
      {providers && providers.length === 0 ? (
        <p className="banner banner--info">
          {t('cooperation.noProvidersYet')} <Link to="/kooperation/traeger/neu">{t('cooperation.providerCreate')}</Link>
        </p>
      ) : null}
      {providers && providers.length > 0 ? (
        <AgreementCreateForm providers={providers} preset={providers.some((p) => p.id === preset) ? preset : ''} />
      ) : null}
    </>
  );
}

function AgreementCreateForm({ providers, preset }: { providers: Awaited<ReturnType<typeof api.listProviders>>['items']; preset: string }) {
  const navigate = useNavigate();
  const keyFor = useIdempotencyKey();
  const form = useCaseForm<AgreementValues>(() => emptyAgreement(preset));
  const back = form.values.providerId ? `/kooperation/traeger/${form.values.providerId}` : '/kooperation/vereinbarungen';

  const save = () => {
    const { body, problems } = agreementCreateBody(form.values);
    void form.submit(
      () => problems,
      async () => {
        const res = await api.createAgreement(body, keyFor(body));
        const state: FlashState = { flash: t('cooperation.agreementCreated', { title: res.data.title }) };
        navigate(`/kooperation/traeger/${res.data.provider.id}`, { state });
      },
    );
  };

  return (
    <CoopFormFrame
      form={form}
      fields={agreementFieldMap('create')}
      onSubmit={save}
      submitLabel={t('common.save')}
      onCancel={() => navigate(preset ? `/kooperation/traeger/${preset}` : back)}
    >
      <AgreementFields form={bind(form)} mode="create" providers={providers} />
    </CoopFormFrame>
  );
}
