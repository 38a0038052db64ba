import type { FieldError, Language } from '@lotse/domain';
import { z } from 'zod';

const localizers = { de: z.locales.de().localeError, en: z.locales.en().localeError } as const;

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

function localize(issue: Record<string, unknown>, lang: Language): string | undefined {
  const result = localizers[lang]?.(issue as never);
  return typeof result === 'string' ? result : result?.message;
}

/**
 * Turns zod issues into field errors in the caller's language. Messages written into our schemas
 * (German, e.g. for formats) are kept; zod's built-in messages are re-rendered with its locale.
 */
export function toFieldErrors(issues: ValidationIssue[], lang: Language, prefix?: string): FieldError[] {
  return issues.map((issue) => {
    const path = issue.instancePath.replace(/^\//, '').split('/').filter(Boolean);
    const field = [prefix, ...path].filter(Boolean).join('.') || (prefix ?? '');
    const raw = { code: issue.keyword, ...(issue.params ?? {}), path };
    const english = localize(raw, 'en');
    const custom = issue.message && issue.message !== english;
    const message = custom ? (issue.message as string) : (localize(raw, lang) ?? issue.message ?? issue.keyword);
    const code = issue.keyword === 'unrecognized_keys' ? 'unknown_field' : issue.keyword;
    return { field, code, message };
  });
}
