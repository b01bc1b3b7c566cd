import { mountPage } from '../../components/mountPage';
import { App } from './App';
import './style.css';

mountPage(<App />);
