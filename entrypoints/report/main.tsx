import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider, detectLang } from '../../components/I18n';
import { StoreErrorBoundary } from '../../components/StoreErrorBoundary';
import { ReportApp } from './App';
import './style.css';

const lang = detectLang();
document.documentElement.lang = lang;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider lang={lang}>
      <StoreErrorBoundary>
        <ReportApp />
      </StoreErrorBoundary>
    </I18nProvider>
  </StrictMode>,
);
