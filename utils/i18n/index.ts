/**
 * UI strings as data: Vietnamese by default, English when the browser UI locale
 * starts with "en". `makeT` returns a translator; placeholders are {name}.
 */
import { vi, type MessageKey } from './vi';
import { en } from './en';

export type { MessageKey };
export type Lang = 'vi' | 'en';
export type Params = Record<string, string | number>;
export type T = (key: MessageKey, params?: Params) => string;

export const dictionaries: Record<Lang, Record<MessageKey, string>> = { vi, en };

/** 'en' for an English UI locale ("en", "en-US", "en_GB"), otherwise 'vi'. */
export function pickLang(uiLanguage: string | null | undefined): Lang {
  return typeof uiLanguage === 'string' && /^en(?:$|[-_])/iu.test(uiLanguage.trim()) ? 'en' : 'vi';
}

/** Replace {name} placeholders; an unknown placeholder is left as written. */
export function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/gu, (m, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : m,
  );
}

export function makeT(lang: Lang): T {
  const dict = dictionaries[lang];
  return (key, params) => format(dict[key] ?? vi[key] ?? key, params);
}
