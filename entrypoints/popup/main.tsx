import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider, detectLang } from '../../components/I18n';
import { App } from './App';
import './style.css';

const lang = detectLang();
document.documentElement.lang = lang;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider lang={lang}>
      <App />
    </I18nProvider>
  </StrictMode>,
);
