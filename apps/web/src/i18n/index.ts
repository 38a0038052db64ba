/**
 * Tiny i18n: all UI strings live in `de.ts` (and `en.ts` with the same keys).
 * `t('persons.resultsCount', { count: 3 })` replaces `{count}`.
 */
import { de, type MessageKey } from './de';
import { en } from './en';

export type { MessageKey } from './de';
export type Language = 'de' | 'en';

const dictionaries: Record<Language, Record<MessageKey, string>> = { de, en };
let language: Language = 'de';

export function setLanguage(lang: Language): void {
  language = lang;
  document.documentElement.lang = lang;
}

export function getLanguage(): Language {
  return language;
}

export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const template: string = dictionaries[language][key] ?? de[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}
