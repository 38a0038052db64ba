import { useNavigate } from 'react-router';
import { PageHeader, usePageTitle } from '../../components/Page';
import type { FlashState } from '../../components/Status';
import { t } from '../../i18n';
import { useIdempotencyKey } from '../../lib/idempotency';
import { useCaseForm } from '../cases/caseFormKit';
import * as api from './api';
import { bind, CoopFormFrame } from './kit';
import { EMPTY_PROVIDER, ProviderFields, type ProviderValues, providerCreateBody, providerFieldMap } from './ProviderForm';

export function ProviderCreatePage() {
  usePageTitle(t('cooperation.providerCreateTitle'));
  const navigate = useNavigate();
  const keyFor = useIdempotencyKey();
  const form = useCaseForm<ProviderValues>(EMPTY_PROVIDER);

  const save = () => {
    const { body, problems } = providerCreateBody(form.values);
    void form.submit(
      () => problems,
      async () => {
        const res = await api.createProvider(body, keyFor(body));
        const state: FlashState = { flash: t('cooperation.providerCreated', { name: res.data.name }) };
        navigate(`/kooperation/traeger/${res.data.id}`, { state });
      },
    );
  };

  return (
    <>
      <PageHeader title={t('cooperation.providerCreateTitle')}>
        <p className="page-subtitle">{t('cooperation.providerCreateIntro')}</p>
      </PageHeader>
      <CoopFormFrame
        form={form}
        fields={providerFieldMap()}
        onSubmit={save}
        submitLabel={t('common.save')}
        onCancel={() => navigate('/kooperation/traeger')}
      >
        <ProviderFields form={bind(form)} mode="create" />
      </CoopFormFrame>
    </>
  );
}
