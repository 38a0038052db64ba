import type { ReactNode } from 'react';
import { t } from '../i18n';

interface FieldBase {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  /** Width class of the control: short (PLZ, Hausnummer), medium (default) or long. */
  width?: 'short' | 'medium' | 'long';
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function FieldLabel({ id, label, required }: { id: string; label: string; required?: boolean }) {
  // The star sits outside the <label>, so the accessible name stays exactly the label text.
  return (
    <div className="field-label-row">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {required ? (
        <span className="required-mark" aria-hidden="true">
          *
        </span>
      ) : null}
    </div>
  );
}

export function FieldHint({ id, hint }: { id: string; hint?: string }) {
  return hint ? (
    <p className="field-hint" id={`${id}-hint`}>
      {hint}
    </p>
  ) : null;
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p className="field-error" id={`${id}-error`}>
      <span className="visually-hidden">{t('common.errorPrefix')} </span>
      {error}
    </p>
  ) : null;
}

export interface TextFieldProps extends FieldBase {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'tel' | 'password' | 'search';
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'email' | 'tel' | 'search';
  maxLength?: number;
  spellCheck?: boolean;
  placeholder?: string;
}

export function TextField(props: TextFieldProps) {
  const { id, label, hint, error, required, width = 'medium', value, onChange, type = 'text' } = props;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <FieldLabel id={id} label={label} required={required} />
      <FieldHint id={id} hint={hint} />
      <FieldError id={id} error={error} />
      <input
        id={id}
        name={id}
        className={`input input--${width}`}
        type={type}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        maxLength={props.maxLength}
        spellCheck={props.spellCheck}
        placeholder={props.placeholder}
      />
    </div>
  );
}

export interface SelectFieldProps extends FieldBase {
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  /** Id of a hint shared with other fields, shown elsewhere (e.g. below a row of filters). */
  sharedHintId?: string;
}

export function SelectField(props: SelectFieldProps) {
  const { id, label, hint, error, required, width = 'medium', value, onChange, options } = props;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <FieldLabel id={id} label={label} required={required} />
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
        aria-describedby={[describedBy(id, hint, error), props.sharedHintId].filter(Boolean).join(' ') || undefined}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export interface CheckboxFieldProps {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
  error?: string;
}

export function CheckboxField({ id, label, checked, onChange, hint, error }: CheckboxFieldProps) {
  return (
    <div className={`checkbox${error ? ' field--invalid' : ''}`}>
      <input
        id={id}
        name={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field-hint checkbox-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError id={id} error={error} />
    </div>
  );
}

export interface CheckboxGroupProps {
  /** id of the fieldset; the first checkbox gets `${id}-${firstValue}` and is focused on errors. */
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  options: { value: string; label: string }[];
  values: string[];
  onChange: (values: string[]) => void;
}

export function CheckboxGroup({ id, legend, hint, error, options, values, onChange }: CheckboxGroupProps) {
  const toggle = (value: string, checked: boolean) => {
    const next = checked ? [...values, value] : values.filter((v) => v !== value);
    onChange(options.map((o) => o.value).filter((v) => next.includes(v)));
  };
  return (
    <fieldset
      className={`fieldset checkbox-group${error ? ' field--invalid' : ''}`}
      id={id}
      aria-describedby={describedBy(id, hint, error)}
      aria-invalid={error ? true : undefined}
    >
      <legend className="field-label">{legend}</legend>
      <FieldHint id={id} hint={hint} />
      <FieldError id={id} error={error} />
      <div className="checkbox-grid">
        {options.map((o) => (
          <div className="checkbox" key={o.value}>
            <input
              id={`${id}-${o.value}`}
              type="checkbox"
              checked={values.includes(o.value)}
              onChange={(e) => toggle(o.value, e.target.checked)}
              aria-invalid={error ? true : undefined}
            />
            <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** A group of fields with a visible legend (e.g. "Anschrift"). */
export function FormSection({ legend, children, hint }: { legend: string; children: ReactNode; hint?: string }) {
  return (
    <fieldset className="fieldset form-section">
      <legend>{legend}</legend>
      {hint ? <p className="field-hint">{hint}</p> : null}
      {children}
    </fieldset>
  );
}

export interface TextAreaFieldProps extends Omit<FieldBase, 'width'> {
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  maxLength?: number;
}

/** A multi-line text field with the same label/hint/error markup as TextField. */
export function TextAreaField({ id, label, hint, error, required, value, onChange, rows = 3, maxLength }: TextAreaFieldProps) {
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <FieldLabel id={id} label={label} required={required} />
      <FieldHint id={id} hint={hint} />
      <FieldError id={id} error={error} />
      <textarea
        id={id}
        name={id}
        className="input input--textarea"
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required={required}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </div>
  );
}
