/**
 * The UI language for a page: Vietnamese unless the browser UI locale is English.
 * A `?lang=vi|en` query parameter on the page address overrides the browser.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { browser } from 'wxt/browser';
import { makeT, pickLang, type Lang, type T } from '../utils/i18n';

export function detectLang(): Lang {
  try {
    const q = new URLSearchParams(globalThis.location?.search ?? '').get('lang');
    if (q === 'vi' || q === 'en') return q;
  } catch {
    // no location: fall through to the browser
  }
  try {
    return pickLang(browser.i18n.getUILanguage());
  } catch {
    return 'vi';
  }
}

interface I18nValue {
  lang: Lang;
  t: T;
}

const I18nContext = createContext<I18nValue>({ lang: 'vi', t: makeT('vi') });

export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  return <I18nContext.Provider value={{ lang, t: makeT(lang) }}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  return useContext(I18nContext);
}
