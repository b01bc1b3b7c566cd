import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider, detectLang } from '../../components/I18n';
import { makeT } from '../../utils/i18n';
import { OptionsApp } from './App';
import './style.css';

const lang = detectLang();
document.documentElement.lang = lang;
document.title = makeT(lang)('optionsTitle');
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider lang={lang}>
      <OptionsApp />
    </I18nProvider>
  </StrictMode>,
);
