import type { ReactNode } from 'react';
import { FieldError, FieldHint } from '../../components/FormField';

/**
 * A group of checkboxes with a legend (required mark hidden from screen readers, like FieldLabel),
 * hint and error; the fieldset's id is the error summary's jump target.
 */
export function CheckboxList<V extends string>({
  id,
  legend,
  hint,
  error,
  required,
  options,
  values,
  onChange,
  children,
}: {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  required?: boolean;
  options: { value: V; label: string; hint?: string }[];
  values: readonly V[];
  onChange: (values: V[]) => void;
  children?: ReactNode;
}) {
  const toggle = (value: V, checked: boolean) => {
    const next = checked ? [...values, value] : values.filter((v) => v !== value);
    onChange(options.map((o) => o.value).filter((v) => next.includes(v)));
  };
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      id={id}
      className={`fieldset checkbox-group ref-checklist${error ? ' field--invalid' : ''}`}
      aria-describedby={describedBy}
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
      <div className="ref-checklist__items">
        {options.map((o) => {
          const optionId = `${id}-${o.value}`;
          return (
            <div className="checkbox" key={o.value}>
              <input
                id={optionId}
                type="checkbox"
                checked={values.includes(o.value)}
                onChange={(e) => toggle(o.value, e.target.checked)}
                aria-describedby={o.hint ? `${optionId}-hint` : undefined}
              />
              <label htmlFor={optionId}>{o.label}</label>
              {o.hint ? (
                <p className="field-hint checkbox-hint" id={`${optionId}-hint`}>
                  {o.hint}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
      {children}
    </fieldset>
  );
}
