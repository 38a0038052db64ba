import type { CooperationAgreement, Provider } from '@lotse/contracts';
import { useEffect, useState } from 'react';
import { t } from '../../i18n';
import * as api from './api';
import { bind, CoopFormFrame, CreateWithProviderPage, useCreateForm } from './kit';
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
  return (
    <CreateWithProviderPage title={t('cooperation.offerCreateTitle')} intro={t('cooperation.offerCreateIntro')}>
      {(providers, preset) => <OfferCreateForm providers={providers} preset={preset} />}
    </CreateWithProviderPage>
  );
}

function OfferCreateForm({ providers, preset }: { providers: Provider[]; preset: string }) {
  const { form, navigate, frame } = useCreateForm({
    initial: (): OfferValues => emptyOffer(preset),
    createBody: offerCreateBody,
    create: api.createOffer,
    created: (offer) => ({ to: `/angebote/${offer.id}`, flash: t('cooperation.offerCreated', { name: offer.name }) }),
  });
  const agreements = useProviderAgreements(form.values.providerId);
  const { setValues } = form;

  // Another provider: an agreement of the previous one no longer fits.
  useEffect(() => {
    if (agreements === null) return;
    setValues((v) => (v.agreementId && !agreements.some((a) => a.id === v.agreementId) ? { ...v, agreementId: '' } : v), { silent: true });
  }, [agreements, setValues]);

  return (
    <CoopFormFrame
      {...frame}
      fields={offerFieldMap(form.values, 'create')}
      onCancel={() => navigate(preset ? `/kooperation/traeger/${preset}` : '/angebote')}
    >
      <OfferFields form={bind(form)} mode="create" providers={providers} agreements={form.values.providerId ? agreements : []} />
    </CoopFormFrame>
  );
}
