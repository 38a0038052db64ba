import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../api/client';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { TextField } from '../../components/FormField';
import { ProblemAlert } from '../../components/Page';
import { t } from '../../i18n';
import type { FieldErrors } from '../../lib/validation';
import { AddMemberSection, MEMBERS_ID, MembersEditTable } from './HouseholdMembersEditor';
import type { MemberRow } from './householdForm';

export interface HouseholdSubmitOutcome {
  fieldErrors?: FieldErrors;
  error?: ApiError | null;
}

export interface HouseholdRebase {
  id: number;
  fromNumber: string;
  toNumber: string;
  fromRows: MemberRow[];
  toRows: MemberRow[];
}

const memberKey = (rows: MemberRow[]) => JSON.stringify(rows.map((m) => [m.personId, m.role]));

const NUMBER_ID = 'household-number';
const FORM_ID = 'household-form';

/** BG number and members; used for creating and editing a household. */
export function HouseholdForm({
  initialNumber,
  initialRows,
  onSubmit,
  onCancel,
  banner,
  rebase,
}: {
  initialNumber: string;
  initialRows: MemberRow[];
  onSubmit: (number: string, rows: MemberRow[]) => Promise<HouseholdSubmitOutcome | undefined>;
  onCancel: () => void;
  banner?: ReactNode;
  /** After a conflict: carry the typed input over to the current version (untouched parts take its values). */
  rebase?: HouseholdRebase | null;
}) {
  const [number, setNumber] = useState(initialNumber);
  const [rows, setRows] = useState<MemberRow[]>(initialRows);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [generalError, setGeneralError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusTick, setFocusTick] = useState(0);
  const rebaseRef = useRef(rebase);
  rebaseRef.current = rebase;
  const rebaseId = rebase?.id ?? 0;
  useEffect(() => {
    const r = rebaseRef.current;
    if (rebaseId === 0 || !r) return;
    setNumber((n) => (n === r.fromNumber ? r.toNumber : n));
    setRows((rows) => (memberKey(rows) === memberKey(r.fromRows) ? r.toRows : rows));
  }, [rebaseId]);
  const errorsRef = useRef(errors);
  errorsRef.current = errors;

  useEffect(() => {
    if (focusTick === 0) return;
    const current = errorsRef.current;
    if (current.number) document.getElementById(NUMBER_ID)?.focus();
    else if (current.members || current._root) document.getElementById(`${MEMBERS_ID}-heading`)?.focus();
  }, [focusTick]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setGeneralError(null);
    try {
      const outcome = await onSubmit(number, rows);
      const fieldErrors = outcome?.fieldErrors ?? {};
      setErrors(fieldErrors);
      setGeneralError(outcome?.error ?? null);
      if (Object.keys(fieldErrors).length) setFocusTick((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const membersError = errors.members ?? errors._root;
  const summary: SummaryItem[] = [];
  if (errors.number) summary.push({ fieldId: NUMBER_ID, label: t('household.number'), message: errors.number });
  if (membersError) summary.push({ fieldId: `${MEMBERS_ID}-heading`, label: t('household.members'), message: membersError });
  for (const [key, message] of Object.entries(errors)) {
    if (key !== 'number' && key !== 'members' && key !== '_root') summary.push({ message });
  }

  return (
    <>
      {banner}
      <ProblemAlert error={generalError} />
      <ErrorSummary items={summary} />
      <form id={FORM_ID} onSubmit={submit} noValidate className="form" aria-busy={busy || undefined}>
        <div className="card">
          <TextField
            id={NUMBER_ID}
            label={t('household.number')}
            hint={t('household.numberHint')}
            value={number}
            onChange={setNumber}
            error={errors.number}
            required
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <MembersEditTable rows={rows} onChange={setRows} error={membersError} />
      </form>
      <AddMemberSection rows={rows} onChange={setRows} />
      <div className="button-row form-actions">
        <button type="submit" form={FORM_ID} className="button button--primary" disabled={busy}>
          {t('common.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        {busy ? (
          <span className="muted" role="status">
            {t('common.saving')}
          </span>
        ) : null}
      </div>
    </>
  );
}
