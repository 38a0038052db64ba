/**
 * Small building blocks shared by the forms of the case file: fields the shared FormField module does
 * not have (textarea, date, radio group, select with option groups), one form state hook with client
 * checks, server field errors, 412 conflicts and a busy state, and the frame that shows all problems.
 */
import { type FormEvent, type ReactNode, type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, toApiError } from '../../api/client';
import { ConflictBanner } from '../../components/ConflictBanner';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { FieldError, FieldHint, FieldLabel } from '../../components/FormField';

export { TextAreaField } from '../../components/FormField';

import { ProblemAlert } from '../../components/Page';
import { t } from '../../i18n';
import { formatDate, parseGermanDate, todayIso } from '../../lib/format';
import { type DraftStore, draftValuesKey } from './caseFileContext';

// ——— field problems ———

/** One problem of a form; `field` is the server's path (e.g. `duties.0.text`) or '' for the whole form. */
export interface FieldProblem {
  field: string;
  message: string;
}

export function problemsOf(error: ApiError): FieldProblem[] {
  return error.fieldErrors.map((fe) => ({ field: fe.field ?? '', message: fe.message }));
}

/** Collects client-side problems in form order. */
export class Checks {
  readonly problems: FieldProblem[] = [];
  add(field: string, message: string): void {
    this.problems.push({ field, message });
  }
  required(field: string, value: string): void {
    if (value.trim() === '') this.add(field, t('validation.required'));
  }
  maxLength(field: string, value: string, max: number): void {
    if (value.trim().length > max) this.add(field, t('validation.tooLong', { max }));
  }
  /** A dd.mm.yyyy date; returns the ISO date or null (empty or invalid). */
  date(field: string, value: string, required: boolean): string | null {
    if (value.trim() === '') {
      if (required) this.add(field, t('validation.required'));
      return null;
    }
    const iso = parseGermanDate(value);
    if (!iso) this.add(field, t('validation.date'));
    return iso;
  }
  get ok(): boolean {
    return this.problems.length === 0;
  }
}

export const todayGerman = (): string => formatDate(todayIso());

export const orNull = (value: string): string | null => {
  const v = value.trim();
  return v === '' ? null : v;
};

// ——— editing a versioned record ———

/**
 * The input of an edit form together with the record's state it is based on (`base`) and that
 * state's version (If-Match). Diffing against `base` sends only what the user changed; after a 412,
 * `rebase` moves the form onto the current version.
 */
export type Based<F> = F & { base: F; version: number };

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function based<F extends object>(fields: F, version: number): Based<F> {
  return { ...fields, base: fields, version };
}

/** The fields the user has changed against the base (for a PATCH body). */
export function changedKeys<F extends object>(values: Based<F>): (keyof F)[] {
  return (Object.keys(values.base) as (keyof F)[]).filter((key) => !sameValue(values[key], values.base[key]));
}

/**
 * After a conflict: fields the user has not touched take the current values, the typed ones stay;
 * the next save goes against the current version.
 */
export function rebase<F extends object>(values: Based<F>, current: F, version: number): Based<F> {
  const next = { ...values, base: current, version };
  for (const key of Object.keys(current) as (keyof F)[]) {
    if (sameValue(values[key], values.base[key])) (next as F)[key] = current[key];
  }
  return next;
}

// ——— form state ———

export interface CaseForm<V> {
  values: V;
  /** `silent`: not the user's input (e.g. defaults filled in), so not kept as a draft. */
  setValues: (update: V | ((v: V) => V), options?: { silent?: boolean }) => void;
  set: <K extends keyof V>(key: K) => (value: V[K]) => void;
  problems: FieldProblem[];
  /** First message for a field, for its inline error. */
  err: (field: string) => string | undefined;
  problem: ApiError | null;
  conflict: boolean;
  busy: boolean;
  formRef: RefObject<HTMLFormElement | null>;
  summaryRef: RefObject<HTMLDivElement | null>;
  /**
   * Runs the client checks, then `send`. Returns true on success. On failure the typed input stays:
   * 412 shows the conflict banner (after `onConflict`, e.g. reloading the current version), field
   * errors from problem+json mark their fields, anything else is shown as a problem alert.
   */
  submit: (
    check: () => FieldProblem[],
    send: () => Promise<void>,
    options?: { onConflict?: () => Promise<unknown>; mapError?: (error: ApiError) => FieldProblem[] | null },
  ) => Promise<boolean>;
  dismissConflict: () => void;
  /** Back to fresh values without problems (after "Neu laden" or a successful save); drops the draft. */
  reset: (values: V) => void;
  /** The values came from a draft typed earlier (before a tab switch) and are not saved yet. */
  restored: boolean;
  /** Forgets the draft (the form is cancelled). */
  discardDraft: () => void;
}

export interface CaseFormOptions {
  /**
   * Keeps the typed values in the case file's draft store under `key` (the key of the form's open
   * state, see `useDraftState`), so they survive a tab switch; dropped after a successful save.
   */
  draft?: { store: DraftStore; key: string };
}

export function useCaseForm<V>(initial: V | (() => V), options: CaseFormOptions = {}): CaseForm<V> {
  const draftRef = useRef(options.draft);
  draftRef.current = options.draft;
  const [restored, setRestored] = useState(() => options.draft?.store.has(draftValuesKey(options.draft.key)) ?? false);
  const [values, setValuesState] = useState<V>(() => {
    const draft = options.draft;
    if (draft?.store.has(draftValuesKey(draft.key))) return draft.store.get(draftValuesKey(draft.key)) as V;
    return typeof initial === 'function' ? (initial as () => V)() : initial;
  });
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const [focusTick, setFocusTick] = useState(0);
  const busyRef = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (focusTick === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid instanceof HTMLFieldSetElement)
      (
        invalid.querySelector<HTMLElement>('input:checked') ?? invalid.querySelector<HTMLElement>('input, select, textarea, button')
      )?.focus();
    else if (invalid) invalid.focus();
    else summaryRef.current?.focus();
  }, [focusTick]);

  // Every change is written to the draft store at once (not in an effect), so a tab switch right
  // after typing keeps it.
  const setValues = useCallback((update: V | ((v: V) => V), options?: { silent?: boolean }) => {
    setValuesState((previous) => {
      const next = typeof update === 'function' ? (update as (v: V) => V)(previous) : update;
      const draft = draftRef.current;
      if (draft && !options?.silent) draft.store.set(draftValuesKey(draft.key), next);
      return next;
    });
  }, []);

  const discardDraft = useCallback(() => {
    const draft = draftRef.current;
    if (draft) draft.store.delete(draftValuesKey(draft.key));
    setRestored(false);
  }, []);

  const set = useCallback(
    <K extends keyof V>(key: K) =>
      (value: V[K]) =>
        setValues((v) => ({ ...v, [key]: value })),
    [setValues],
  );

  const submit: CaseForm<V>['submit'] = async (check, send, options) => {
    if (busyRef.current) return false;
    setProblem(null);
    const clientProblems = check();
    if (clientProblems.length > 0) {
      setProblems(clientProblems);
      setFocusTick((n) => n + 1);
      return false;
    }
    busyRef.current = true;
    setBusy(true);
    try {
      await send();
      discardDraft();
      setProblems([]);
      setConflict(false);
      return true;
    } catch (e) {
      const error = toApiError(e);
      if (error.status === 412) {
        await options?.onConflict?.();
        setProblems([]);
        setConflict(true);
        return false;
      }
      const mapped = options?.mapError?.(error) ?? problemsOf(error);
      if (mapped.length > 0) {
        setProblems(mapped);
        setFocusTick((n) => n + 1);
      } else {
        setProblems([]);
        setProblem(error);
      }
      return false;
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  return {
    values,
    setValues,
    set,
    problems,
    err: (field) => problems.find((p) => p.field === field)?.message,
    problem,
    conflict,
    busy,
    formRef,
    summaryRef,
    submit,
    dismissConflict: () => setConflict(false),
    reset: (next) => {
      setValuesState(next);
      discardDraft();
      setProblems([]);
      setProblem(null);
      setConflict(false);
    },
    restored,
    discardDraft,
  };
}

// ——— the frame of a form ———

export interface CaseFormFrameProps<V> {
  form: CaseForm<V>;
  /** Field path → control id and label, in form order (for the error summary). */
  fields: Record<string, { id: string; label: string }>;
  onSubmit: () => void;
  submitLabel: string;
  onCancel?: () => void;
  /** id of the heading that names the form. */
  labelledBy: string;
  summaryTitle?: string;
  conflictText?: string;
  onConflictReload?: () => void;
  onConflictKeepEditing?: () => void;
  children: ReactNode;
  className?: string;
  /** Extra buttons next to submit/cancel. */
  extraButtons?: ReactNode;
}

export function CaseFormFrame<V>({
  form,
  fields,
  onSubmit,
  submitLabel,
  onCancel,
  labelledBy,
  summaryTitle,
  conflictText,
  onConflictReload,
  onConflictKeepEditing,
  children,
  className,
  extraButtons,
}: CaseFormFrameProps<V>) {
  const items: SummaryItem[] = form.problems.map((p) => {
    const meta = fields[p.field];
    return meta ? { fieldId: meta.id, label: meta.label, message: p.message } : { message: p.message };
  });
  const handle = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <div className={`case-form${className ? ` ${className}` : ''}`}>
      {form.conflict ? (
        <ConflictBanner
          text={conflictText ?? t('caseFile.conflictText')}
          onReload={() => onConflictReload?.()}
          onKeepEditing={() => {
            form.dismissConflict();
            onConflictKeepEditing?.();
            requestAnimationFrame(() => form.formRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus());
          }}
        />
      ) : null}
      <ProblemAlert error={form.problem} />
      <div ref={form.summaryRef} tabIndex={-1} className="case-form__summary">
        <ErrorSummary items={items} title={summaryTitle} />
      </div>
      <form ref={form.formRef} onSubmit={handle} noValidate aria-labelledby={labelledBy} aria-busy={form.busy || undefined}>
        {form.restored ? <p className="banner banner--info case-form__draft">{t('caseFile.draftRestored')}</p> : null}
        {children}
        <div className="button-row form-actions">
          <button type="submit" className="button button--primary" disabled={form.busy}>
            {submitLabel}
          </button>
          {onCancel ? (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                form.discardDraft();
                onCancel();
              }}
            >
              {t('common.cancel')}
            </button>
          ) : null}
          {extraButtons}
          {form.busy ? (
            <span className="muted" role="status">
              {t('common.saving')}
            </span>
          ) : null}
        </div>
      </form>
    </div>
  );
}

// ——— fields ———

function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const list = ids.filter(Boolean);
  return list.length ? list.join(' ') : undefined;
}

/** A date typed as dd.mm.yyyy (like the birth date of the person form). */
export function DateField({
  id,
  label,
  value,
  onChange,
  hint,
  error,
  required,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
  required?: boolean;
}) {
  const hintText = hint ? `${t('caseFile.dateHint')}; ${hint}` : t('caseFile.dateHint');
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <FieldLabel id={id} label={label} required={required} />
      <p className="field-hint" id={`${id}-hint`}>
        {hintText}
      </p>
      <FieldError id={id} error={error} />
      <input
        id={id}
        name={id}
        className="input input--short"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, error && `${id}-error`)}
      />
    </div>
  );
}

export interface RadioOption {
  value: string;
  label: string;
  /** Read as the radio's description, and shown when `showDescriptions`. */
  description?: string;
}

export function RadioGroupField({
  id,
  legend,
  options,
  value,
  onChange,
  hint,
  error,
  required,
  inline,
  showDescriptions,
  className,
  children,
}: {
  id: string;
  legend: string;
  options: RadioOption[];
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
  required?: boolean;
  inline?: boolean;
  showDescriptions?: boolean;
  className?: string;
  /** Shown below the options (e.g. the description of the chosen step). */
  children?: ReactNode;
}) {
  return (
    <fieldset
      id={id}
      className={`fieldset cf-radio-group${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}
      aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
      aria-invalid={error ? true : undefined}
    >
      <legend className="field-label">
        {legend}
        {required ? (
          <span className="required-mark" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </legend>
      <FieldHint id={id} hint={hint} />
      <FieldError id={id} error={error} />
      <div className={`cf-radio-list${inline ? ' cf-radio-list--inline' : ''}`}>
        {options.map((o) => {
          const optionId = `${id}-${o.value}`;
          return (
            <div className="cf-radio" key={o.value}>
              <input
                type="radio"
                id={optionId}
                name={id}
                value={o.value}
                checked={value === o.value}
                onChange={() => onChange(o.value)}
                aria-describedby={o.description ? `${optionId}-desc` : undefined}
              />
              <label htmlFor={optionId}>{o.label}</label>
              {o.description ? (
                <span id={`${optionId}-desc`} className={showDescriptions ? 'field-hint cf-radio__desc' : 'visually-hidden'}>
                  {o.description}
                </span>
              ) : null}
            </div>
          );
        })}
      </div>
      {children}
    </fieldset>
  );
}

export interface OptionGroup {
  label: string;
  options: { value: string; label: string }[];
}

export function GroupedSelectField({
  id,
  label,
  value,
  onChange,
  groups,
  placeholder,
  hint,
  error,
  required,
  width = 'long',
  hideLabel,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  groups: OptionGroup[];
  placeholder?: string;
  hint?: string;
  error?: string;
  required?: boolean;
  width?: 'short' | 'medium' | 'long' | 'compact';
  hideLabel?: boolean;
}) {
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      {hideLabel ? (
        <label htmlFor={id} className="visually-hidden">
          {label}
        </label>
      ) : (
        <FieldLabel id={id} label={label} required={required} />
      )}
      <FieldHint id={id} hint={hint} />
      <FieldError id={id} error={error} />
      <select
        id={id}
        name={id}
        className={`input input--${width}`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {groups.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

// ——— focus ———

/**
 * Focuses the element with `id` as soon as it exists (new rows appear only after the case file is
 * reloaded); gives up after a few seconds.
 */
export function focusWhenReady(id: string, timeoutMs = 4000): void {
  const start = performance.now();
  const tick = () => {
    const el = document.getElementById(id);
    if (el) {
      el.focus();
      return;
    }
    if (performance.now() - start < timeoutMs) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** Time of a transition: dd.mm.yyyy HH:MM in the browser's time zone. */
const minuteFormat = new Intl.DateTimeFormat('de-DE', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
export function formatMinute(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return minuteFormat.format(date);
}
