import { type BarrierType, updateBarrierTypeRequest } from '@lotse/contracts';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, etagFromVersion, toApiError } from '../../api/client';
import * as api from '../../api/endpoints';
import { ConflictBanner } from '../../components/ConflictBanner';
import { ErrorSummary, focusFirstInvalid } from '../../components/ErrorSummary';
import { Loading, PageHeader, ProblemAlert, usePageTitle } from '../../components/Page';
import { useAnnounce } from '../../components/Status';
import { t } from '../../i18n';
import { useLoadedResource } from '../../lib/useLoadedResource';
import { type FieldErrors, hasErrors, serverFieldErrors, validate } from '../../lib/validation';
import { summaryFor } from '../users/UserCreatePage';
import { BARRIER_TYPE_FIELDS, BarrierTypeFields, type BarrierTypeValues, barrierTypeToValues, parseSortOrder } from './BarrierTypeForm';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** There is no GET for one entry: the (small) catalogue is loaded and the entry picked from it. */
async function fetchBarrierType(id: string, signal?: AbortSignal): Promise<BarrierType> {
  const list = await api.listBarrierTypes(signal);
  const item = list.items.find((b) => b.id === id);
  if (!item) throw new ApiError({ status: 404, code: 'NOT_FOUND', title: t('admin.barrierNotFound') });
  return item;
}

/** The changed fields only, as PATCH body (the server keeps everything else). */
function changesOf(values: BarrierTypeValues, before: BarrierTypeValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (values.label !== before.label) body.label = values.label;
  if (values.phase !== before.phase) body.phase = values.phase;
  if (values.description.trim() !== before.description.trim())
    body.description = values.description.trim() === '' ? null : values.description;
  if (values.specialCategory !== before.specialCategory) body.specialCategory = values.specialCategory;
  if (!same(values.serviceTypes, before.serviceTypes)) body.serviceTypes = values.serviceTypes;
  if (values.sortOrder.trim() !== before.sortOrder) body.sortOrder = parseSortOrder(values.sortOrder);
  if (values.active !== before.active) body.active = values.active;
  return body;
}

export function BarrierTypeEditPage() {
  usePageTitle(t('admin.barrierEditTitle'));
  const { id = '' } = useParams();
  const announce = useAnnounce();
  const [values, setValues] = useState<BarrierTypeValues | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [generalError, setGeneralError] = useState<ApiError | null>(null);
  const [conflict, setConflict] = useState(false);
  const [latest, setLatest] = useState<BarrierType | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusTick, setFocusTick] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  const fetchItem = useCallback(
    async (signal?: AbortSignal) => {
      const item = await fetchBarrierType(id, signal);
      setValues(barrierTypeToValues(item));
      return item;
    },
    [id],
  );
  const { loaded, setLoaded, loadError, load } = useLoadedResource(fetchItem, () => {
    setConflict(false);
    setErrors({});
  });

  useEffect(() => {
    if (focusTick > 0) focusFirstInvalid(formRef.current);
  }, [focusTick]);

  const fail = (fieldErrors: FieldErrors) => {
    setErrors(fieldErrors);
    setFocusTick((n) => n + 1);
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!loaded || !values || busy) return;
    setGeneralError(null);
    const before = barrierTypeToValues(loaded);
    const sortOrder = parseSortOrder(values.sortOrder);
    // In the edit form the order is required (the server keeps no "default" for an existing entry).
    if (sortOrder === 'invalid' || sortOrder === undefined) {
      fail({ sortOrder: t('admin.sortOrderInvalid') });
      return;
    }
    const checked = validate(updateBarrierTypeRequest, changesOf(values, before));
    if (!checked.ok) {
      fail(checked.errors);
      return;
    }
    setErrors({});
    if (Object.keys(checked.data).length === 0) {
      announce(t('common.noChanges'));
      return;
    }
    setBusy(true);
    try {
      const res = await api.updateBarrierType(loaded.id, etagFromVersion(loaded.version), checked.data);
      setLoaded(res.data);
      setValues(barrierTypeToValues(res.data));
      setConflict(false);
      setLatest(null);
      announce(t('common.saved'));
    } catch (err) {
      const error = toApiError(err);
      if (error.status === 412) await onConflict();
      else {
        const serverErrors = serverFieldErrors(error);
        if (hasErrors(serverErrors)) fail(serverErrors);
        else setGeneralError(error);
      }
    } finally {
      setBusy(false);
    }
  };

  /** Fetch the current version first: the banner names what changed, "Weiter bearbeiten" rebases on it. */
  const onConflict = async () => {
    let current: BarrierType | null = null;
    try {
      current = await fetchBarrierType(id);
    } catch {
      current = null;
    }
    setLatest(current);
    setConflict(true);
  };

  /** Keep the typed input; fields the user did not touch take the current version's values. */
  const keepEditing = () => {
    setConflict(false);
    if (latest && loaded) {
      const from = barrierTypeToValues(loaded);
      const to = barrierTypeToValues(latest);
      setValues((v) => {
        if (!v) return v;
        const merged = { ...v };
        for (const key of Object.keys(from) as (keyof BarrierTypeValues)[]) {
          if (same(v[key], from[key])) Object.assign(merged, { [key]: to[key] });
        }
        return merged;
      });
      setLoaded(latest);
      setLatest(null);
      announce(t('conflict.rebased'));
    }
    document.getElementById('bt-label')?.focus();
  };

  const reloadCurrent = async () => {
    if (await load()) {
      setLatest(null);
      setConflict(false);
      setErrors({});
      announce(t('conflict.reloaded'));
      document.getElementById('bt-label')?.focus();
    }
  };

  const theirChanges = (() => {
    if (!latest || !loaded) return null;
    const a = barrierTypeToValues(loaded);
    const b = barrierTypeToValues(latest);
    return BARRIER_TYPE_FIELDS.filter((f) => !same(a[f.field], b[f.field])).map((f) => t(f.label));
  })();

  if (!loaded || !values) {
    return (
      <>
        <PageHeader title={t('admin.barrierEditTitle')} />
        {loadError ? <ProblemAlert error={loadError} onRetry={loadError.status === 404 ? undefined : () => void load()} /> : <Loading />}
        <p>
          <Link to="/verwaltung/katalog">{t('admin.toCatalogue')}</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('admin.barrierEditHeading', { label: loaded.label })}>
        <p className="page-subtitle">
          <Link to="/verwaltung/katalog">{t('admin.toCatalogue')}</Link>
        </p>
      </PageHeader>
      {conflict ? (
        <ConflictBanner
          text={t('admin.conflictBarrier')}
          changedFields={theirChanges}
          onReload={() => void reloadCurrent()}
          onKeepEditing={keepEditing}
        />
      ) : null}
      <ProblemAlert error={generalError} />
      <ErrorSummary items={summaryFor(errors, BARRIER_TYPE_FIELDS)} />
      <form ref={formRef} onSubmit={save} noValidate className="form card" aria-busy={busy || undefined}>
        <p className="muted">{t('form.requiredNote')}</p>
        <BarrierTypeFields
          mode="edit"
          values={values}
          onChange={(patch) => setValues((v) => (v ? { ...v, ...patch } : v))}
          errors={errors}
        />
        <div className="button-row form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setValues(barrierTypeToValues(loaded));
              setErrors({});
              announce(t('admin.discarded'));
            }}
          >
            {t('admin.discard')}
          </button>
        </div>
      </form>
    </>
  );
}
