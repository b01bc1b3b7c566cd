import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider, detectLang } from '../../components/I18n';
import { StoreErrorBoundary } from '../../components/StoreErrorBoundary';
import { ConsolidateApp } from './App';
import './style.css';

const lang = detectLang();
document.documentElement.lang = lang;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider lang={lang}>
      <StoreErrorBoundary>
        <ConsolidateApp />
      </StoreErrorBoundary>
    </I18nProvider>
  </StrictMode>,
);
