import { mountPage } from '../../components/mountPage';
import { ReportApp } from './App';
import './style.css';

mountPage(<ReportApp />);
