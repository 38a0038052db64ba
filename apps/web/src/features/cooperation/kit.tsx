/**
 * Pieces shared by the cooperation screens: the form frame (error summary, 412 banner naming what the
 * other person changed, required note, buttons), description items, number and money helpers and
 * the role checks of the screens. Form state comes from the case file's form kit (useCaseForm).
 */
import { COOPERATION_ADMINS, FEEDBACK_WATCHERS, hasAnyRole, OFFER_READERS } from '@lotse/domain';
import { type FormEvent, type ReactNode, useState } from 'react';
import type { z } from 'zod';
import { ConflictBanner } from '../../components/ConflictBanner';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { ProblemAlert } from '../../components/Page';
import { useAnnounce } from '../../components/Status';
import { t } from '../../i18n';
import { validate } from '../../lib/validation';
import { useSession } from '../auth/session';
import { type Based, based, type CaseForm, type FieldProblem, rebase } from '../cases/caseFormKit';

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
