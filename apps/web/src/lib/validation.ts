/**
 * Client-side validation with the contracts' zod schemas, with German messages.
 * Messages the contracts define themselves (e.g. the customer-number format) win over these defaults.
 */
import type { z } from 'zod';
import type { ApiError } from '../api/client';
import { t } from '../i18n';

type RawIssue = z.core.$ZodRawIssue;

function germanMessage(issue: RawIssue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? t('validation.required') : t('validation.tooShort', { min: Number(issue.minimum) });
      }
      if (issue.origin === 'array' || issue.origin === 'set') return t('validation.chooseOne');
      return t('validation.invalid');
    case 'too_big':
      if (issue.origin === 'string') return t('validation.tooLong', { max: Number(issue.maximum) });
      return t('validation.invalid');
    case 'invalid_format':
      if (issue.format === 'email') return t('validation.email');
      if (issue.format === 'date') return t('validation.date');
      if (issue.format === 'uuid' || issue.format === 'guid') return t('validation.uuid');
      return t('validation.format');
    case 'invalid_type':
      return issue.input === undefined || issue.input === null || issue.input === '' ? t('validation.required') : t('validation.invalid');
    case 'invalid_value':
      return t('validation.choose');
    default:
      return t('validation.invalid');
  }
}

/** Field name → message; the first problem per top-level field. Problems of the whole object use `_root`. */
export type FieldErrors = Record<string, string>;

export type ValidationResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

export function validate<S extends z.ZodType>(schema: S, input: unknown): ValidationResult<z.output<S>> {
  const result = schema.safeParse(input, { error: (issue) => germanMessage(issue) });
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : '_root';
    if (!(key in errors)) errors[key] = issue.message;
  }
  return { ok: false, errors };
}

/** The server's `errors[]` (field = property name, maybe dotted) as field → message. */
export function serverFieldErrors(error: ApiError): FieldErrors {
  const errors: FieldErrors = {};
  for (const fe of error.fieldErrors) {
    const key = fe.field ? (fe.field.split(/[.[]/)[0] ?? '_root') : '_root';
    if (!(key in errors)) errors[key] = fe.message;
  }
  return errors;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}
