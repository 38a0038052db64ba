import { type CaseRules, updateCaseRulesRequest } from '@lotse/contracts';
import {
  CASE_PRIORITIES,
  CASE_PRIORITY_LABELS_DE,
  type CasePriority,
  DEFAULT_CONTACT_DENSITY_DAYS,
  DEFAULT_INDICATION_RULE,
} from '@lotse/domain';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, etagOf, toApiError } from '../../api/client';
import * as api from '../../api/endpoints';
import { ConflictBanner } from '../../components/ConflictBanner';
import { ErrorSummary, focusFirstInvalid } from '../../components/ErrorSummary';
import { CheckboxField, FormSection, TextField } from '../../components/FormField';
import { Loading, PageHeader, ProblemAlert, usePageTitle } from '../../components/Page';
import { useAnnounce } from '../../components/Status';
import { type MessageKey, t } from '../../i18n';
import { useLoadedResource } from '../../lib/useLoadedResource';
import { type FieldErrors, hasErrors, validate } from '../../lib/validation';
import { type FieldSpec, summaryFor } from '../users/UserCreatePage';

interface Values {
  minBarriers: string;
  requireWillingness: boolean;
  high: string;
  medium: string;
  low: string;
  suppressionMinimum: string;
  caseloadTarget: string;
  waitingTargetDays: string;
  hearingDays: string;
}

type PlanningKey = 'suppressionMinimum' | 'caseloadTarget' | 'waitingTargetDays' | 'hearingDays';

/**
 * The planning parameters (SPEC C12, C13): their range (as the API checks it), the migration's default,
 * and their German label and help text.
 */
const PLANNING_FIELDS: { key: PlanningKey; id: string; label: MessageKey; hint: MessageKey; min: number; max: number; default: number }[] =
  [
    {
      key: 'suppressionMinimum',
      id: 'rules-suppression',
      label: 'organisation.rulesSuppression',
      hint: 'organisation.rulesSuppressionHint',
      min: 2,
      max: 50,
      default: 5,
    },
    {
      key: 'caseloadTarget',
      id: 'rules-caseload',
      label: 'organisation.rulesCaseload',
      hint: 'organisation.rulesCaseloadHint',
      min: 10,
      max: 500,
      default: 75,
    },
    {
      key: 'waitingTargetDays',
      id: 'rules-waiting',
      label: 'organisation.rulesWaiting',
      hint: 'organisation.rulesWaitingHint',
      min: 1,
      max: 365,
      default: 21,
    },
    {
      key: 'hearingDays',
      id: 'rules-hearing',
      label: 'organisation.rulesHearing',
      hint: 'organisation.rulesHearingHint',
      min: 7,
      max: 60,
      default: 14,
    },
  ];

interface Loaded {
  rules: CaseRules;
  etag: string;
}

const valuesOf = (r: CaseRules): Values => ({
  minBarriers: String(r.indicationMinBarriers),
  requireWillingness: r.indicationRequireWillingness,
  high: String(r.contactDensityDays.high),
  medium: String(r.contactDensityDays.medium),
  low: String(r.contactDensityDays.low),
  suppressionMinimum: String(r.suppressionMinimum),
  caseloadTarget: String(r.caseloadTarget),
  waitingTargetDays: String(r.waitingTargetDays),
  hearingDays: String(r.hearingDays),
});

const DEFAULT_VALUES: Values = {
  minBarriers: String(DEFAULT_INDICATION_RULE.minBarriers),
  requireWillingness: DEFAULT_INDICATION_RULE.requireWillingness,
  high: String(DEFAULT_CONTACT_DENSITY_DAYS.high),
  medium: String(DEFAULT_CONTACT_DENSITY_DAYS.medium),
  low: String(DEFAULT_CONTACT_DENSITY_DAYS.low),
  ...(Object.fromEntries(PLANNING_FIELDS.map((f) => [f.key, String(f.default)])) as Record<PlanningKey, string>),
};

const DENSITY_LABEL: Record<CasePriority, MessageKey> = {
  high: 'admin.rulesDensityHigh',
  medium: 'admin.rulesDensityMedium',
  low: 'admin.rulesDensityLow',
};

const FIELDS: (FieldSpec & { field: keyof Values })[] = [
  { field: 'minBarriers', id: 'rules-minBarriers', label: 'admin.rulesMinBarriers' },
  { field: 'requireWillingness', id: 'rules-willingness', label: 'admin.rulesWillingness' },
  ...CASE_PRIORITIES.map((p) => ({ field: p, id: `rules-density-${p}`, label: DENSITY_LABEL[p] })),
  ...PLANNING_FIELDS.map((f) => ({ field: f.key, id: f.id, label: f.label })),
];

/** A whole number within [min, max], or null. */
function wholeNumber(value: string, min: number, max: number): number | null {
  const v = value.trim();
  if (!/^\d{1,4}$/.test(v)) return null;
  const n = Number(v);
  return n >= min && n <= max ? n : null;
}

/** Server errors (`indicationMinBarriers`, `contactDensityDays.high`, …) → the form's fields. */
function serverErrors(error: ApiError): FieldErrors {
  const errors: FieldErrors = {};
  for (const fe of error.fieldErrors) {
    const key =
      fe.field === 'indicationMinBarriers'
        ? 'minBarriers'
        : fe.field === 'indicationRequireWillingness'
          ? 'requireWillingness'
          : fe.field.startsWith('contactDensityDays.')
            ? fe.field.slice('contactDensityDays.'.length)
            : PLANNING_FIELDS.some((f) => f.key === fe.field)
              ? fe.field
              : '_root';
    if (!(key in errors)) errors[key] = fe.message;
  }
  return errors;
}

function ruleSentence(r: CaseRules): string {
  return r.indicationRequireWillingness
    ? t('admin.rulesNowWithWillingness', { count: r.indicationMinBarriers })
    : t('admin.rulesNowWithoutWillingness', { count: r.indicationMinBarriers });
}

/**
 * The tenant's case rules (SPEC C2, C11): indication rule of the Erstberatung and contact density per
 * priority; and the planning parameters (SPEC C12, C13): suppression minimum, caseload and waiting targets.
 */
export function CaseRulesPage() {
  usePageTitle(t('admin.rulesTitle'));
  const announce = useAnnounce();
  const [values, setValues] = useState<Values | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [generalError, setGeneralError] = useState<ApiError | null>(null);
  const [conflict, setConflict] = useState(false);
  const [latest, setLatest] = useState<Loaded | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusTick, setFocusTick] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  const fetchRules = useCallback(async (signal?: AbortSignal): Promise<Loaded> => {
    const res = await api.getCaseRules(signal);
    setValues(valuesOf(res.data));
    return { rules: res.data, etag: etagOf(res) };
  }, []);
  const { loaded, setLoaded, loadError, load } = useLoadedResource(fetchRules);

  useEffect(() => {
    if (focusTick > 0) focusFirstInvalid(formRef.current);
  }, [focusTick]);

  const fail = (fieldErrors: FieldErrors) => {
    setErrors(fieldErrors);
    setFocusTick((n) => n + 1);
  };

  const set = (patch: Partial<Values>) => setValues((v) => (v ? { ...v, ...patch } : v));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!loaded || !values || busy) return;
    setGeneralError(null);
    const fieldErrors: FieldErrors = {};
    const minBarriers = wholeNumber(values.minBarriers, 0, 20);
    if (minBarriers === null) fieldErrors.minBarriers = t('admin.rulesMinInvalid');
    const days: Partial<Record<CasePriority, number>> = {};
    for (const p of CASE_PRIORITIES) {
      const n = wholeNumber(values[p], 1, 365);
      if (n === null) fieldErrors[p] = t('admin.rulesDaysInvalid');
      else days[p] = n;
    }
    const planning: Partial<Record<PlanningKey, number>> = {};
    for (const f of PLANNING_FIELDS) {
      const n = wholeNumber(values[f.key], f.min, f.max);
      if (n === null) fieldErrors[f.key] = t('organisation.rulesRange', { min: f.min, max: f.max });
      else planning[f.key] = n;
    }
    if (hasErrors(fieldErrors) || minBarriers === null || days.high === undefined || days.medium === undefined || days.low === undefined) {
      fail(fieldErrors);
      return;
    }
    const { rules } = loaded;
    const body: Record<string, unknown> = {};
    if (minBarriers !== rules.indicationMinBarriers) body.indicationMinBarriers = minBarriers;
    if (values.requireWillingness !== rules.indicationRequireWillingness) body.indicationRequireWillingness = values.requireWillingness;
    if (CASE_PRIORITIES.some((p) => days[p] !== rules.contactDensityDays[p])) {
      body.contactDensityDays = { high: days.high, medium: days.medium, low: days.low };
    }
    for (const f of PLANNING_FIELDS) if (planning[f.key] !== rules[f.key]) body[f.key] = planning[f.key];
    const checked = validate(updateCaseRulesRequest, body);
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
      const res = await api.updateCaseRules(loaded.etag, checked.data);
      setLoaded({ rules: res.data, etag: etagOf(res) });
      setValues(valuesOf(res.data));
      setConflict(false);
      setLatest(null);
      announce(t('admin.rulesSaved'));
    } catch (err) {
      const error = toApiError(err);
      if (error.status === 412) await onConflict();
      else {
        const byField = serverErrors(error);
        if (hasErrors(byField)) fail(byField);
        else setGeneralError(error);
      }
    } finally {
      setBusy(false);
    }
  };

  const onConflict = async () => {
    let current: Loaded | null = null;
    try {
      const res = await api.getCaseRules();
      current = { rules: res.data, etag: etagOf(res) };
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
      const from = valuesOf(loaded.rules);
      const to = valuesOf(latest.rules);
      setValues((v) => {
        if (!v) return v;
        const merged = { ...v };
        for (const key of Object.keys(from) as (keyof Values)[]) {
          if (v[key] === from[key]) Object.assign(merged, { [key]: to[key] });
        }
        return merged;
      });
      setLoaded(latest);
      setLatest(null);
      announce(t('conflict.rebased'));
    }
    document.getElementById('rules-minBarriers')?.focus();
  };

  const reloadCurrent = async () => {
    if (await load()) {
      setLatest(null);
      setConflict(false);
      setErrors({});
      announce(t('conflict.reloaded'));
      document.getElementById('rules-minBarriers')?.focus();
    }
  };

  const theirChanges = (() => {
    if (!latest || !loaded) return null;
    const a = valuesOf(loaded.rules);
    const b = valuesOf(latest.rules);
    return FIELDS.filter((f) => a[f.field] !== b[f.field]).map((f) => t(f.label));
  })();

  if (!loaded || !values) {
    return (
      <>
        <PageHeader title={t('admin.rulesTitle')} />
        {loadError ? <ProblemAlert error={loadError} onRetry={() => void load()} /> : <Loading />}
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('admin.rulesTitle')}>
        <p className="page-subtitle">{t('admin.rulesIntro')}</p>
      </PageHeader>
      {conflict ? (
        <ConflictBanner
          text={t('admin.conflictRules')}
          changedFields={theirChanges}
          onReload={() => void reloadCurrent()}
          onKeepEditing={keepEditing}
        />
      ) : null}
      <ProblemAlert error={generalError} />
      <ErrorSummary items={summaryFor(errors, FIELDS)} />
      <form ref={formRef} onSubmit={save} noValidate className="form rules-form" aria-busy={busy || undefined}>
        <FormSection legend={t('admin.rulesIndication')}>
          <p>{t('admin.rulesIndicationText')}</p>
          <p className="banner banner--info">{ruleSentence(loaded.rules)}</p>
          <TextField
            id="rules-minBarriers"
            label={t('admin.rulesMinBarriers')}
            hint={t('admin.rulesMinBarriersHint')}
            value={values.minBarriers}
            onChange={(minBarriers) => set({ minBarriers })}
            error={errors.minBarriers}
            required
            width="short"
            inputMode="numeric"
            autoComplete="off"
          />
          <CheckboxField
            id="rules-willingness"
            label={t('admin.rulesWillingness')}
            hint={t('admin.rulesWillingnessHint')}
            checked={values.requireWillingness}
            onChange={(requireWillingness) => set({ requireWillingness })}
            error={errors.requireWillingness}
          />
        </FormSection>
        <FormSection legend={t('admin.rulesDensity')}>
          <p>{t('admin.rulesDensityText')}</p>
          {CASE_PRIORITIES.map((p) => (
            <TextField
              key={p}
              id={`rules-density-${p}`}
              label={t(DENSITY_LABEL[p])}
              hint={t('admin.rulesDensityHint', { days: DEFAULT_CONTACT_DENSITY_DAYS[p], priority: CASE_PRIORITY_LABELS_DE[p] })}
              value={values[p]}
              onChange={(v) => set({ [p]: v })}
              error={errors[p]}
              required
              width="short"
              inputMode="numeric"
              autoComplete="off"
            />
          ))}
        </FormSection>
        <FormSection legend={t('organisation.rulesPlanning')}>
          <p>{t('organisation.rulesPlanningText')}</p>
          {PLANNING_FIELDS.map((f) => (
            <TextField
              key={f.key}
              id={f.id}
              label={t(f.label)}
              hint={t(f.hint)}
              value={values[f.key]}
              onChange={(v) => set({ [f.key]: v })}
              error={errors[f.key]}
              required
              width="short"
              inputMode="numeric"
              autoComplete="off"
            />
          ))}
        </FormSection>
        <div className="button-row form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setValues(DEFAULT_VALUES);
              setErrors({});
              announce(t('admin.rulesDefaultsDone'));
            }}
          >
            {t('admin.rulesDefaults')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setValues(valuesOf(loaded.rules));
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
