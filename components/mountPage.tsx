/**
 * Mounts an extension page's React tree the one way every page does it: the UI language
 * on <html lang>, strict mode, the i18n provider and (for pages that read the store) the
 * boundary that shows why the store could not be read instead of a blank page.
 */
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Lang } from '../utils/i18n';
import { I18nProvider, detectLang } from './I18n';
import { StoreErrorBoundary } from './StoreErrorBoundary';

export function mountPage(app: ReactNode, opts: { readsStore: boolean } = { readsStore: true }): Lang {
  const lang = detectLang();
  document.documentElement.lang = lang;
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing');
  createRoot(root).render(
    <StrictMode>
      <I18nProvider lang={lang}>{opts.readsStore ? <StoreErrorBoundary>{app}</StoreErrorBoundary> : app}</I18nProvider>
    </StrictMode>,
  );
  return lang;
}
