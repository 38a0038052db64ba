import type { CooperationAgreement, Provider } from '@lotse/contracts';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Loading, PageHeader, ProblemAlert, usePageTitle } from '../../components/Page';
import type { FlashState } from '../../components/Status';
import { t } from '../../i18n';
import { useIdempotencyKey } from '../../lib/idempotency';
import { useLoadedResource } from '../../lib/useLoadedResource';
import { useCaseForm } from '../cases/caseFormKit';
import * as api from './api';
import { bind, CoopFormFrame } from './kit';
import { emptyOffer, OfferFields, type OfferValues, offerCreateBody, offerFieldMap } from './OfferForm';

/** The agreements of a provider, reloaded when the provider changes; null while loading (or without provider). */
export function useProviderAgreements(providerId: string): CooperationAgreement[] | null {
  const [agreements, setAgreements] = useState<{ providerId: string; items: CooperationAgreement[] } | null>(null);
  useEffect(() => {
    if (!providerId) return;
    const controller = new AbortController();
    api
      .listAgreements(providerId, controller.signal)
      .then((list) => setAgreements({ providerId, items: [...list.items].sort((a, b) => b.validFrom.localeCompare(a.validFrom)) }))
      // Without the list the select offers "keine Vereinbarung" only; saving still works.
      .catch(() => {
        if (!controller.signal.aborted) setAgreements({ providerId, items: [] });
      });
    return () => controller.abort();
  }, [providerId]);
  return agreements && agreements.providerId === providerId ? agreements.items : null;
}

/** New offer; `?traeger=<id>` preselects the provider (from the provider's page). */
export function OfferCreatePage() {
  usePageTitle(t('cooperation.offerCreateTitle'));
  const [params] = useSearchParams();
  const fetchProviders = useCallback(async (signal?: AbortSignal) => {
    const list = await api.listProviders(signal);
    return [...list.items].sort((a, b) => a.name.localeCompare(b.name, 'de'));
  }, []);
  const { loaded: providers, loadError, load } = useLoadedResource(fetchProviders);
  const preset = params.get('traeger') ?? '';

  return (
    <>
      <PageHeader title={t('cooperation.offerCreateTitle')}>
        <p className="page-subtitle">{t('cooperation.offerCreateIntro')}</p>
      </PageHeader>
      {loadError ? <ProblemAlert error={loadError} onRetry={() => void load()} /> : null}
      {!providers && !loadError ? <Loading /> : null}
      {providers && providers.length === 0 ? (
        <p className="banner banner--info">
          {t('cooperation.noProvidersYet')} <Link to="/kooperation/traeger/neu">{t('cooperation.providerCreate')}</Link>
        </p>
      ) : null}
      {providers && providers.length > 0 ? (
        <OfferCreateForm providers={providers} preset={providers.some((p) => p.id === preset) ? preset : ''} />
      ) : null}
    </>
  );
}

function OfferCreateForm({ providers, preset }: { providers: Provider[]; preset: string }) {
  const navigate = useNavigate();
  const keyFor = useIdempotencyKey();
  const form = useCaseForm<OfferValues>(() => emptyOffer(preset));
  const agreements = useProviderAgreements(form.values.providerId);
  const { setValues } = form;

  // Another provider: an agreement of the previous one no longer fits.
  useEffect(() => {
    if (agreements === null) return;
    setValues((v) => (v.agreementId && !agreements.some((a) => a.id === v.agreementId) ? { ...v, agreementId: '' } : v), { silent: true });
  }, [agreements, setValues]);

  const save = () => {
    const { body, problems } = offerCreateBody(form.values);
    void form.submit(
      () => problems,
      async () => {
        const res = await api.createOffer(body, keyFor(body));
        const state: FlashState = { flash: t('cooperation.offerCreated', { name: res.data.name }) };
        navigate(`/angebote/${res.data.id}`, { state });
      },
    );
  };

  return (
    <CoopFormFrame
      form={form}
      fields={offerFieldMap(form.values, 'create')}
      onSubmit={save}
      submitLabel={t('common.save')}
      onCancel={() => navigate(preset ? `/kooperation/traeger/${preset}` : '/angebote')}
    >
      <OfferFields form={bind(form)} mode="create" providers={providers} agreements={form.values.providerId ? agreements : []} />
    </CoopFormFrame>
  );
}
