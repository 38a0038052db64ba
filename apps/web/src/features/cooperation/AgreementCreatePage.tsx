import type { Provider } from '@lotse/contracts';
import { t } from '../../i18n';
import { AgreementFields, type AgreementValues, agreementCreateBody, agreementFieldMap, emptyAgreement } from './AgreementForm';
import * as api from './api';
import { bind, CoopFormFrame, CreateWithProviderPage, useCreateForm } from './kit';

/** New cooperation agreement; `?traeger=<id>` preselects the provider (from the provider's page). */
export function AgreementCreatePage() {
  return (
    <CreateWithProviderPage title={t('cooperation.agreementCreateTitle')} intro={t('cooperation.agreementCreateIntro')}>
      {(providers, preset) => <AgreementCreateForm providers={providers} preset={preset} />}
    </CreateWithProviderPage>
  );
}

function AgreementCreateForm({ providers, preset }: { providers: Provider[]; preset: string }) {
  const { form, navigate, frame } = useCreateForm({
    initial: (): AgreementValues => emptyAgreement(preset),
    createBody: agreementCreateBody,
    create: api.createAgreement,
    created: (agreement) => ({
      to: `/kooperation/traeger/${agreement.provider.id}`,
      flash: t('cooperation.agreementCreated', { title: agreement.title }),
    }),
  });
  const back = form.values.providerId ? `/kooperation/traeger/${form.values.providerId}` : '/kooperation/vereinbarungen';

  return (
    <CoopFormFrame
      {...frame}
      fields={agreementFieldMap('create')}
      onCancel={() => navigate(preset ? `/kooperation/traeger/${preset}` : back)}
    >
      <AgreementFields form={bind(form)} mode="create" providers={providers} />
    </CoopFormFrame>
  );
}
