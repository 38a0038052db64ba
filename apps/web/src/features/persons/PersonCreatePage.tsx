import { useNavigate } from 'react-router';
import { toApiError } from '../../api/client';
import * as api from '../../api/endpoints';
import { PageHeader, usePageTitle } from '../../components/Page';
import type { FlashState } from '../../components/Status';
import { t } from '../../i18n';
import { useIdempotencyKey } from '../../lib/idempotency';
import { serverFieldErrors } from '../../lib/validation';
import { PersonForm, type SubmitOutcome } from './PersonForm';
import { emptyPersonForm, type PersonFormValues, validateCreate } from './personForm';

export function PersonCreatePage() {
  usePageTitle(t('person.createTitle'));
  const navigate = useNavigate();
  const keyFor = useIdempotencyKey();

  const create = async (values: PersonFormValues): Promise<SubmitOutcome | undefined> => {
    const checked = validateCreate(values);
    if (!checked.ok) return { fieldErrors: checked.errors };
    try {
      const res = await api.createPerson(checked.request, keyFor(checked.request));
      const state: FlashState = { flash: t('person.created') };
      navigate(`/personen/${res.data.id}`, { state });
      return undefined;
    } catch (e) {
      const error = toApiError(e);
      if (error.code === 'DUPLICATE_CUSTOMER_NUMBER') return { fieldErrors: { customerNumber: error.userMessage } };
      const fieldErrors = serverFieldErrors(error);
      if (Object.keys(fieldErrors).length) return { fieldErrors };
      return { error };
    }
  };

  return (
    <>
      <PageHeader title={t('person.createTitle')} />
      <PersonForm initial={emptyPersonForm} submitLabel={t('common.save')} onSubmit={create} onCancel={() => navigate('/personen')} />
    </>
  );
}
