import { mountPage } from '../../components/mountPage';
import { ConsolidateApp } from './App';
import './style.css';

mountPage(<ConsolidateApp />);
