import { PageHeader, usePageTitle } from '../../components/Page';
import { t } from '../../i18n';
import * as api from './api';
import { bind, CoopFormFrame, useCreateForm } from './kit';
import { EMPTY_PROVIDER, ProviderFields, providerCreateBody, providerFieldMap } from './ProviderForm';

export function ProviderCreatePage() {
  usePageTitle(t('cooperation.providerCreateTitle'));
  const { form, navigate, frame } = useCreateForm({
    initial: EMPTY_PROVIDER,
    createBody: providerCreateBody,
    create: api.createProvider,
    created: (provider) => ({
      to: `/kooperation/traeger/${provider.id}`,
      flash: t('cooperation.providerCreated', { name: provider.name }),
    }),
  });

  return (
    <>
      <PageHeader title={t('cooperation.providerCreateTitle')}>
        <p className="page-subtitle">{t('cooperation.providerCreateIntro')}</p>
      </PageHeader>
      <CoopFormFrame {...frame} fields={providerFieldMap()} onCancel={() => navigate('/kooperation/traeger')}>
        <ProviderFields form={bind(form)} mode="create" />
      </CoopFormFrame>
    </>
  );
}
