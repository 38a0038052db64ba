import { createBarrierTypeRequest } from '@lotse/contracts';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { type ApiError, toApiError } from '../../api/client';
import * as api from '../../api/endpoints';
import { ErrorSummary, focusFirstInvalid } from '../../components/ErrorSummary';
import { PageHeader, ProblemAlert, usePageTitle } from '../../components/Page';
import type { FlashState } from '../../components/Status';
import { t } from '../../i18n';
import { useIdempotencyKey } from '../../lib/idempotency';
import { type FieldErrors, hasErrors, serverFieldErrors, validate } from '../../lib/validation';
import { summaryFor } from '../users/UserCreatePage';
import { BARRIER_TYPE_FIELDS, BarrierTypeFields, type BarrierTypeValues, EMPTY_BARRIER_TYPE, parseSortOrder } from './BarrierTypeForm';

export function BarrierTypeCreatePage() {
  usePageTitle(t('admin.barrierCreateTitle'));
  const navigate = useNavigate();
  const keyFor = useIdempotencyKey();
  const [values, setValues] = useState<BarrierTypeValues>(EMPTY_BARRIER_TYPE);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [generalError, setGeneralError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusTick, setFocusTick] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (focusTick > 0) focusFirstInvalid(formRef.current);
  }, [focusTick]);

  const fail = (fieldErrors: FieldErrors) => {
    setErrors(fieldErrors);
    setFocusTick((n) => n + 1);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setGeneralError(null);
    const sortOrder = parseSortOrder(values.sortOrder);
    const checked = validate(createBarrierTypeRequest, {
      code: values.code.trim(),
      phase: values.phase || undefined,
      label: values.label,
      description: values.description.trim() === '' ? null : values.description,
      specialCategory: values.specialCategory,
      serviceTypes: values.serviceTypes,
      ...(typeof sortOrder === 'number' ? { sortOrder } : {}),
    });
    const fieldErrors: FieldErrors = checked.ok ? {} : { ...checked.errors };
    if (!values.code.trim()) fieldErrors.code = t('validation.required');
    if (!values.phase) fieldErrors.phase = t('validation.choose');
    if (sortOrder === 'invalid') fieldErrors.sortOrder = t('admin.sortOrderInvalid');
    if (!checked.ok || hasErrors(fieldErrors)) {
      fail(fieldErrors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await api.createBarrierType(checked.data, keyFor(checked.data));
      const state: FlashState = { flash: t('admin.barrierCreated', { label: checked.data.label }) };
      navigate('/verwaltung/katalog', { state });
    } catch (err) {
      const error = toApiError(err);
      setBusy(false);
      if (error.code === 'DUPLICATE_BARRIER_TYPE_CODE') fail({ code: error.userMessage });
      else {
        const serverErrors = serverFieldErrors(error);
        if (hasErrors(serverErrors)) fail(serverErrors);
        else setGeneralError(error);
      }
    }
  };

  return (
    <>
      <PageHeader title={t('admin.barrierCreateTitle')}>
        <p className="page-subtitle">{t('admin.barrierCreateIntro')}</p>
      </PageHeader>
      <ProblemAlert error={generalError} />
      <ErrorSummary items={summaryFor(errors, BARRIER_TYPE_FIELDS)} />
      <form ref={formRef} onSubmit={submit} noValidate className="form card" aria-busy={busy || undefined}>
        <p className="muted">{t('form.requiredNote')}</p>
        <BarrierTypeFields mode="create" values={values} onChange={(patch) => setValues((v) => ({ ...v, ...patch }))} errors={errors} />
        <div className="button-row form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => navigate('/verwaltung/katalog')}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </>
  );
}
