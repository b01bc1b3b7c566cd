import { mountPage } from '../../components/mountPage';
import { makeT } from '../../utils/i18n';
import { OptionsApp } from './App';
import './style.css';

const lang = mountPage(<OptionsApp />, { readsStore: false });
document.title = makeT(lang)('optionsTitle');
