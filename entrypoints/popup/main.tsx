import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider, detectLang } from '../../components/I18n';
import { StoreErrorBoundary } from '../../components/StoreErrorBoundary';
import { App } from './App';
import './style.css';

// Ask the browser not to evict the store under storage pressure (unlimitedStorage is
// granted too); only a page context can ask, so the popup does it each time it opens.
void navigator.storage?.persist?.().catch(() => undefined);

const lang = detectLang();
document.documentElement.lang = lang;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider lang={lang}>
      <StoreErrorBoundary>
        <App />
      </StoreErrorBoundary>
    </I18nProvider>
  </StrictMode>,
);
