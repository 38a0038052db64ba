import type { PersonSummary } from '@lotse/contracts';
import { useLocation, useNavigate } from 'react-router';
import { toApiError } from '../../api/client';
import * as api from '../../api/endpoints';
import { PageHeader, usePageTitle } from '../../components/Page';
import type { FlashState } from '../../components/Status';
import { t } from '../../i18n';
import { useIdempotencyKey } from '../../lib/idempotency';
import { serverFieldErrors } from '../../lib/validation';
import { HouseholdForm, type HouseholdSubmitOutcome } from './HouseholdForm';
import { type MemberRow, memberFromSummary, validateHouseholdCreate } from './householdForm';

/** New household; opened from a person page, that person starts as applicant. */
export function HouseholdCreatePage() {
  usePageTitle(t('household.createTitle'));
  const navigate = useNavigate();
  const location = useLocation();
  const keyFor = useIdempotencyKey();
  const from = (location.state as { person?: PersonSummary } | null)?.person;
  const initialRows: MemberRow[] = from ? [memberFromSummary(from, 'applicant')] : [];

  const create = async (number: string, rows: MemberRow[]): Promise<HouseholdSubmitOutcome | undefined> => {
    const checked = validateHouseholdCreate(number, rows);
    if (!checked.ok) return { fieldErrors: checked.errors };
    try {
      const res = await api.createHousehold(checked.request, keyFor(checked.request));
      const state: FlashState = { flash: t('household.created') };
      navigate(`/bedarfsgemeinschaften/${res.data.id}`, { state, replace: true });
      return undefined;
    } catch (e) {
      const error = toApiError(e);
      const fieldErrors = serverFieldErrors(error);
      if (Object.keys(fieldErrors).length) return { fieldErrors };
      return { error };
    }
  };

  return (
    <>
      <PageHeader title={t('household.createTitle')} />
      <HouseholdForm
        initialNumber=""
        initialRows={initialRows}
        onSubmit={create}
        onCancel={() => (from ? navigate(`/personen/${from.id}`) : navigate('/personen'))}
      />
    </>
  );
}
