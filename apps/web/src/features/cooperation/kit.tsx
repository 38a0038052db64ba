/**
 * Pieces shared by the cooperation screens: the form frame (error summary, 412 banner naming what the
 * other person changed, required note, buttons), the create and edit page logic (load, form, 412,
 * navigate), field groups several forms show, description items, number and money helpers and the
 * role checks of the screens. Form state comes from the case file's form kit (useCaseForm).
 */
import type { Provider } from '@lotse/contracts';
import { COOPERATION_ADMINS, FEEDBACK_WATCHERS, hasAnyRole, OFFER_READERS } from '@lotse/domain';
import { type FormEvent, type ReactNode, useCallback, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { type ApiError, etagFromVersion } from '../../api/client';
import { ConflictBanner } from '../../components/ConflictBanner';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { CheckboxField, SelectField, TextField } from '../../components/FormField';
import { Loading, PageHeader, ProblemAlert, usePageTitle } from '../../components/Page';
import { type FlashState, useAnnounce } from '../../components/Status';
import { t } from '../../i18n';
import { useIdempotencyKey } from '../../lib/idempotency';
import { useLoadedResource } from '../../lib/useLoadedResource';
import { validate } from '../../lib/validation';
import { useSession } from '../auth/session';
import { type Based, based, type CaseForm, type FieldProblem, rebase, useCaseForm } from '../cases/caseFormKit';
import * as api from './api';

export type FieldMap = Record<string, { id: string; label: string }>;

/** What the field components of a form need from its state (create and edit forms alike). */
export interface FormBinding<F> {
  values: F;
  set: <K extends keyof F>(key: K) => (value: F[K]) => void;
  err: (field: string) => string | undefined;
}

/** The binding of a create form (`CaseForm<F>`) or an edit form (`CaseForm<Based<F>>`); both set the same fields. */
export function bind<F extends object>(form: CaseForm<F> | CaseForm<Based<F>>): FormBinding<F> {
  return form as unknown as FormBinding<F>;
}

/** What the signed-in user may do on the cooperation screens. */
export function useCoopRights() {
  const { roles } = useSession();
  return {
    /** Coordinator: maintains providers, agreements, offers and the handbook. */
    admin: hasAnyRole(roles, COOPERATION_ADMINS),
    /** May open /kooperation (coordinators and team leads). */
    cooperation: hasAnyRole(roles, [...COOPERATION_ADMINS, ...FEEDBACK_WATCHERS]),
    offers: hasAnyRole(roles, OFFER_READERS),
  };
}

// ——— forms ———

/**
 * Client checks with a contract schema: the schema's problems with German messages, each under
 * `prefix` + the top-level field name (e.g. `locations.2.` + `latitude`).
 */
export function schemaProblems(schema: z.ZodType, input: unknown, prefix = ''): FieldProblem[] {
  const result = validate(schema, input);
  if (result.ok) return [];
  return Object.entries(result.errors).map(([field, message]) => ({
    field: field === '_root' ? prefix.replace(/\.$/, '') : `${prefix}${field}`,
    message,
  }));
}

/** Problems of several checks, the first one per field. */
export function firstPerField(...lists: FieldProblem[][]): FieldProblem[] {
  const seen = new Set<string>();
  const out: FieldProblem[] = [];
  for (const p of lists.flat()) {
    if (seen.has(p.field)) continue;
    seen.add(p.field);
    out.push(p);
  }
  return out;
}

/**
 * A whole number typed into a text field, checked against its range; records a German problem
 * under `field`. '' → null (or a "required" problem), invalid → undefined.
 */
export function wholeInRange(
  problems: FieldProblem[],
  field: string,
  value: string,
  range: { min: number; max: number; required?: boolean },
): number | null | undefined {
  const n = parseWhole(value);
  if (n === undefined) {
    if (range.required) problems.push({ field, message: t('validation.required') });
    return null;
  }
  if (n === null || n < range.min || n > range.max) {
    problems.push({ field, message: t('cooperation.wholeRange', { min: range.min, max: range.max }) });
    return undefined;
  }
  return n;
}

export interface CoopFormFrameProps<V> {
  form: CaseForm<V>;
  /** Field path → control id and label, in screen order (for the error summary). */
  fields: FieldMap;
  onSubmit: () => void;
  submitLabel: string;
  onCancel?: () => void;
  cancelLabel?: string;
  /** After a 412: what the banner says, which fields the other person changed, and the two ways on. */
  conflictText?: string;
  changedFields?: string[] | null;
  onConflictReload?: () => void;
  onConflictKeepEditing?: () => void;
  children: ReactNode;
  labelledBy?: string;
}

/** A form card like the administration's: problems on top (jumping to the fields), then the fields, then the buttons. */
export function CoopFormFrame<V>(props: CoopFormFrameProps<V>) {
  const { form, fields } = props;
  // Summary entries in screen order: the field map is built in that order.
  const order = Object.keys(fields);
  const sorted = [...form.problems].sort((a, b) => rank(order, a.field) - rank(order, b.field));
  const items: SummaryItem[] = sorted.map((p) => {
    const meta = fields[p.field];
    return meta ? { fieldId: meta.id, label: meta.label, message: p.message } : { message: p.message };
  });
  const handle = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit();
  };
  return (
    <>
      {form.conflict ? (
        <ConflictBanner
          text={props.conflictText ?? t('cooperation.conflictText')}
          changedFields={props.changedFields}
          onReload={() => props.onConflictReload?.()}
          onKeepEditing={() => {
            form.dismissConflict();
            props.onConflictKeepEditing?.();
            requestAnimationFrame(() => form.formRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus());
          }}
        />
      ) : null}
      <ProblemAlert error={form.problem} />
      <div ref={form.summaryRef} tabIndex={-1} className="coop-summary">
        <ErrorSummary items={items} />
      </div>
      <form
        ref={form.formRef}
        onSubmit={handle}
        noValidate
        className="form card coop-form"
        aria-labelledby={props.labelledBy}
        aria-busy={form.busy || undefined}
      >
        <p className="muted">{t('form.requiredNote')}</p>
        {props.children}
        <div className="button-row form-actions">
          <button type="submit" className="button button--primary" disabled={form.busy}>
            {form.busy ? t('common.saving') : props.submitLabel}
          </button>
          {props.onCancel ? (
            <button type="button" className="button button--secondary" onClick={props.onCancel}>
              {props.cancelLabel ?? t('common.cancel')}
            </button>
          ) : null}
        </div>
      </form>
    </>
  );
}

function rank(order: string[], field: string): number {
  const i = order.indexOf(field);
  return i === -1 ? order.length : i;
}

/**
 * 412 handling of an edit form (like the administration's): fetch the current version first, so the
 * banner can name what the other person changed; "Weiter bearbeiten" keeps the typed input and moves
 * it onto the current version (untouched fields take the current values), "Aktuelle Fassung laden"
 * drops the own changes.
 */
export function useConflict<F extends object, R extends { version: number }>(options: {
  form: CaseForm<Based<F>>;
  fetchCurrent: () => Promise<R>;
  toValues: (record: R) => F;
  labels: Partial<Record<keyof F, string>>;
  /** The page shows the current record from now on. */
  onCurrent?: (record: R) => void;
}) {
  const { form, fetchCurrent, toValues, labels, onCurrent } = options;
  const announce = useAnnounce();
  const [latest, setLatest] = useState<R | null>(null);
  const onConflict = async () => {
    try {
      setLatest(await fetchCurrent());
    } catch {
      setLatest(null);
    }
  };
  const focusFirst = () =>
    requestAnimationFrame(() => form.formRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus());
  return {
    onConflict,
    changedFields: latest ? changedLabels(form.values.base, toValues(latest), labels) : null,
    onConflictKeepEditing: () => {
      if (!latest) return;
      form.setValues((v) => rebase(v, toValues(latest), latest.version));
      onCurrent?.(latest);
      setLatest(null);
      announce(t('conflict.rebased'));
    },
    onConflictReload: async () => {
      let current = latest;
      if (!current) {
        try {
          current = await fetchCurrent();
        } catch {
          return;
        }
      }
      form.reset(based(toValues(current), current.version));
      onCurrent?.(current);
      setLatest(null);
      announce(t('conflict.reloaded'));
      focusFirst();
    },
  };
}

/** Labels of the fields whose values differ between two states of a form (for the 412 banner). */
export function changedLabels<V extends object>(a: V, b: V, labels: Partial<Record<keyof V, string>>): string[] {
  return (Object.keys(labels) as (keyof V)[]).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).map((k) => labels[k] as string);
}

/** Focuses an element once it is rendered (after adding, removing or moving a row). */
export function focusSoon(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

let rowCounter = 0;
/** A stable key for a new row of a repeatable editor (ids of its controls derive from it). */
export const newRowKey = (): string => `r${++rowCounter}`;

// ——— pages ———

/**
 * A record's page while it loads, or when loading failed (with a retry unless it does not exist), and
 * the way back. Called as a function, not rendered as a component: the page's header then stays the
 * same element once the record is there, so the focus on the heading (after navigating) is kept.
 */
export function notLoaded(props: { title: string; error: ApiError | null; onRetry: () => unknown; backTo: string; backLabel: string }) {
  const { error } = props;
  return (
    <>
      <PageHeader title={props.title} />
      {error ? <ProblemAlert error={error} onRetry={error.status === 404 ? undefined : () => void props.onRetry()} /> : <Loading />}
      <p>
        <Link to={props.backTo}>{props.backLabel}</Link>
      </p>
    </>
  );
}

export interface EditFormOptions<F extends object, R extends { version: number }, B extends object> {
  record: R;
  toValues: (record: R) => F;
  /** Labels of the fields the 412 banner may name as changed. */
  labels: Partial<Record<keyof F, string>>;
  fetchCurrent: () => Promise<R>;
  /** The page shows the current record from now on (after a 412). */
  onCurrent?: (record: R) => void;
  /** The changed fields only, and the client's problems. */
  updateBody: (values: F, base: F) => { body: B; problems: FieldProblem[] };
  /** Sends the changes with the If-Match of the edited version, then goes on (navigates, or starts over). */
  save: (body: B, ifMatch: string, form: CaseForm<Based<F>>) => Promise<void>;
  /** What the 412 banner says. */
  conflictText: string;
}

/**
 * The edit form of a loaded record: starts from the record, saves only what changed (and says so
 * when nothing did), and handles a 412 with `useConflict`. Returns the form and the props of
 * `CoopFormFrame` that come from it.
 */
export function useEditForm<F extends object, R extends { version: number }, B extends object>(options: EditFormOptions<F, R, B>) {
  const { record, toValues, updateBody, save } = options;
  const announce = useAnnounce();
  const form = useCaseForm(() => based(toValues(record), record.version));
  const conflict = useConflict({
    form,
    fetchCurrent: options.fetchCurrent,
    toValues,
    labels: options.labels,
    onCurrent: options.onCurrent,
  });
  const onSubmit = () => {
    const { body, problems } = updateBody(form.values, form.values.base);
    if (problems.length === 0 && Object.keys(body).length === 0) {
      announce(t('common.noChanges'));
      return;
    }
    void form.submit(
      () => problems,
      () => save(body, etagFromVersion(form.values.version), form),
      { onConflict: conflict.onConflict },
    );
  };
  const frame = {
    form,
    onSubmit,
    submitLabel: t('common.save'),
    conflictText: options.conflictText,
    changedFields: conflict.changedFields,
    onConflictReload: conflict.onConflictReload,
    onConflictKeepEditing: conflict.onConflictKeepEditing,
  };
  return { form, frame };
}

/**
 * The form of a new record: checks and sends it once (one idempotency key per body), then goes to
 * where `created` says with its message. Returns the form, `navigate` (for cancelling) and the props
 * of `CoopFormFrame` that come from it.
 */
export function useCreateForm<F, B, R>(options: {
  initial: F | (() => F);
  createBody: (values: F) => { body: B; problems: FieldProblem[] };
  create: (body: B, idempotencyKey: string) => Promise<{ data: R }>;
  created: (record: R) => { to: string; flash: string };
}) {
  const navigate = useNavigate();
  const keyFor = useIdempotencyKey();
  const form = useCaseForm<F>(options.initial);
  const onSubmit = () => {
    const { body, problems } = options.createBody(form.values);
    void form.submit(
      () => problems,
      async () => {
        const res = await options.create(body, keyFor(body));
        const { to, flash } = options.created(res.data);
        const state: FlashState = { flash };
        navigate(to, { state });
      },
    );
  };
  return { form, navigate, frame: { form, onSubmit, submitLabel: t('common.save') } };
}

/**
 * A create page whose form starts with the provider: loads the providers (by name), says when there
 * is none yet, and hands them to the form with the one `?traeger=<id>` preselects (if it exists).
 */
export function CreateWithProviderPage({
  title,
  intro,
  children,
}: {
  title: string;
  intro: string;
  children: (providers: Provider[], preset: string) => ReactNode;
}) {
  usePageTitle(title);
  const [params] = useSearchParams();
  const fetchProviders = useCallback(async (signal?: AbortSignal) => {
    const list = await api.listProviders(signal);
    return [...list.items].sort((a, b) => a.name.localeCompare(b.name, 'de'));
  }, []);
  const { loaded: providers, loadError, load } = useLoadedResource(fetchProviders);
  const preset = params.get('traeger') ?? '';

  return (
    <>
      <PageHeader title={title}>
        <p className="page-subtitle">{intro}</p>
      </PageHeader>
      {loadError ? <ProblemAlert error={loadError} onRetry={() => void load()} /> : null}
      {!providers && !loadError ? <Loading /> : null}
      {providers && providers.length === 0 ? (
        <p className="banner banner--info">
          {t('cooperation.noProvidersYet')} <Link to="/kooperation/traeger/neu">{t('cooperation.providerCreate')}</Link>
        </p>
      ) : null}
      {providers && providers.length > 0 ? children(providers, providers.some((p) => p.id === preset) ? preset : '') : null}
    </>
  );
}

// ——— field groups ———

/** What a text control needs from the form: its id, value, change handler and error. */
export interface TextBinding {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

/** Keys of the text fields of a form's values. */
export type TextKey<F> = { [K in keyof F]: F[K] extends string ? K : never }[keyof F] & string;

/** The binding of a text field of a form; the control's id is `${prefix}-${key}`. */
export function textBinding<F>(form: FormBinding<F>, prefix: string) {
  return (key: TextKey<F>): TextBinding => ({
    id: `${prefix}-${key}`,
    value: form.values[key] as string,
    onChange: form.set(key) as (value: string) => void,
    error: form.err(key),
  });
}

const optionalLabel = (key: Parameters<typeof t>[0]) => `${t(key)} ${t('common.optional')}`;

export type AddressPart = 'street' | 'houseNumber' | 'postalCode' | 'city';

/** Street and house number, postal code and city, all optional (providers, offer locations). */
export function AddressRows({
  field,
  postalCode,
}: {
  field: (part: AddressPart) => TextBinding;
  postalCode: { hint?: string; maxLength: number };
}) {
  return (
    <>
      <div className="field-row">
        <TextField {...field('street')} label={optionalLabel('cooperation.street')} maxLength={200} autoComplete="off" />
        <TextField
          {...field('houseNumber')}
          label={optionalLabel('cooperation.houseNumber')}
          width="short"
          maxLength={20}
          autoComplete="off"
        />
      </div>
      <div className="field-row">
        <TextField
          {...field('postalCode')}
          label={optionalLabel('cooperation.postalCode')}
          hint={postalCode.hint}
          width="short"
          inputMode="numeric"
          maxLength={postalCode.maxLength}
          autoComplete="off"
        />
        <TextField {...field('city')} label={optionalLabel('cooperation.city')} maxLength={100} autoComplete="off" />
      </div>
    </>
  );
}

/** Phone and e-mail side by side, both optional (providers, offer contacts). */
export function PhoneEmailRow({ field }: { field: (part: 'phone' | 'email') => TextBinding }) {
  return (
    <div className="field-row">
      <TextField {...field('phone')} label={optionalLabel('cooperation.phone')} type="tel" maxLength={40} autoComplete="off" />
      <TextField
        {...field('email')}
        label={optionalLabel('cooperation.email')}
        type="email"
        width="long"
        maxLength={200}
        autoComplete="off"
        spellCheck={false}
      />
    </div>
  );
}

/** The provider of a new record (a select; inactive ones marked), or the fixed provider of an existing one. */
export function ProviderChoice(props: {
  mode: 'create' | 'edit';
  id: string;
  label: string;
  value: string;
  onChange: (providerId: string) => void;
  error?: string;
  /** Create: the providers to choose from. */
  providers: Provider[];
  /** Edit: the provider's name. */
  providerName?: string;
}) {
  if (props.mode === 'edit') {
    return (
      <div className="field">
        <p className="field-label">{props.label}</p>
        <p>{props.providerName}</p>
      </div>
    );
  }
  return (
    <SelectField
      id={props.id}
      label={props.label}
      value={props.value}
      onChange={props.onChange}
      error={props.error}
      required
      width="long"
      options={[
        { value: '', label: t('form.choose') },
        ...props.providers.map((p) => ({ value: p.id, label: p.active ? p.name : t('cooperation.inactiveOption', { name: p.name }) })),
      ]}
    />
  );
}

/** The "active" checkbox of an edit form (providers, offers). */
export function ActiveField<F extends { active: boolean }>({
  form,
  id,
  label,
  hint,
}: {
  form: FormBinding<F>;
  id: string;
  label: string;
  hint: string;
}) {
  const onChange = form.set('active') as (checked: boolean) => void;
  return <CheckboxField id={id} label={label} hint={hint} checked={form.values.active} onChange={onChange} error={form.err('active')} />;
}

// ——— descriptions ———

/** One term–description pair of a `dl.dl`; an empty value shows "–". */
export function Item({ label, children }: { label: string; children?: ReactNode }) {
  const empty = children === null || children === undefined || children === '' || children === false;
  return (
    <div className="dl-item">
      <dt>{label}</dt>
      <dd>{empty ? <span className="muted">{t('common.none')}</span> : children}</dd>
    </div>
  );
}

// ——— numbers and money ———

const euro = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });
const decimal = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 6 });

/** 4550 → "45,50 €". */
export function formatEuro(cents: number): string {
  return euro.format(cents / 100);
}

/** 52.0302 → "52,0302". */
export function formatDecimal(value: number): string {
  return decimal.format(value);
}

/** Input of a decimal number with comma or point ("52,0302", "-8.5"); '' → undefined, not a number → null. */
export function parseDecimal(value: string): number | null | undefined {
  const v = value.trim().replace(/\s/g, '');
  if (v === '') return undefined;
  if (!/^[-+]?\d{1,3}([.,]\d+)?$/.test(v)) return null;
  return Number(v.replace(',', '.'));
}

/** A whole number ("12"); '' → undefined, anything else → null. */
export function parseWhole(value: string): number | null | undefined {
  const v = value.trim();
  if (v === '') return undefined;
  if (!/^\d{1,9}$/.test(v)) return null;
  return Number(v);
}

/** Euro amount as typed ("45", "45,5", "45,50", "1.234,50 €") → cents; '' → undefined; invalid → null. */
export function parseEuroCents(value: string): number | null | undefined {
  let v = value.trim().replace(/\s|€/g, '');
  if (v === '') return undefined;
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(v)) v = v.replace(/\./g, '');
  v = v.replace(',', '.');
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(v)) return null;
  return Math.round(Number(v) * 100);
}

/** Cents → the input's text ("45,50"). */
export function centsToInput(cents: number | null): string {
  if (cents === null) return '';
  return (cents / 100).toFixed(2).replace('.', ',');
}

/** A number as input text, German decimal comma. */
export function numberToInput(value: number | null): string {
  if (value === null) return '';
  return String(value).replace('.', ',');
}

export const blankToNull = (value: string): string | null => {
  const v = value.trim();
  return v === '' ? null : v;
};
