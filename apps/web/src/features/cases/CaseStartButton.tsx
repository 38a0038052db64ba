import { CASE_PRIORITIES, CASE_PRIORITY_LABELS_DE, type CasePriority } from '@lotse/domain';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { type ApiError, toApiError } from '../../api/client';
import * as api from '../../api/endpoints';
import { SelectField } from '../../components/FormField';
import { ProblemAlert } from '../../components/Page';
import type { FlashState } from '../../components/Status';
import { t } from '../../i18n';
import { useIdempotencyKey } from '../../lib/idempotency';

const isPriority = (value: string): value is CasePriority => (CASE_PRIORITIES as readonly string[]).includes(value);

/**
 * Starts case management for a person (SPEC C2: the case begins with the Erstberatung).
 * POST /api/cases with an Idempotency-Key (a retry after a lost answer creates the case only once),
 * then opens the new case file. A 409 CASE_ALREADY_OPEN is handed to the parent, which reloads its list.
 */
export function CaseStartButton({ personId, onAlreadyOpen }: { personId: string; onAlreadyOpen: (error: ApiError) => void }) {
  const navigate = useNavigate();
  const keyFor = useIdempotencyKey();
  const [priority, setPriority] = useState<CasePriority>('medium');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const body = { personId, priority };
    try {
      const res = await api.createCase(body, keyFor(body));
      const state: FlashState = { flash: t('caseList.started') };
      navigate(`/faelle/${res.data.id}`, { state });
    } catch (err) {
      const apiError = toApiError(err);
      setBusy(false);
      if (apiError.code === 'CASE_ALREADY_OPEN') onAlreadyOpen(apiError);
      else setError(apiError);
    }
  };

  return (
    <form className="case-start" onSubmit={submit} noValidate aria-labelledby="case-start-heading" aria-busy={busy || undefined}>
      <h3 id="case-start-heading">{t('caseList.startHeading')}</h3>
      <p>{t('caseList.startHint')}</p>
      <ProblemAlert error={error} />
      <div className="case-start__row">
        <SelectField
          id="case-start-priority"
          label={t('caseList.startPriority')}
          hint={t('caseList.startPriorityHint')}
          value={priority}
          onChange={(value) => setPriority(isPriority(value) ? value : 'medium')}
          options={CASE_PRIORITIES.map((p) => ({ value: p, label: CASE_PRIORITY_LABELS_DE[p] }))}
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('caseList.starting') : t('caseList.start')}
        </button>
      </div>
    </form>
  );
}
