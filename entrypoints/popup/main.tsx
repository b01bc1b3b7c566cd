import { mountPage } from '../../components/mountPage';
import { App } from './App';
import './style.css';

// Ask the browser not to evict the store under storage pressure (unlimitedStorage is
// granted too); only a page context can ask, so the popup does it each time it opens.
void navigator.storage?.persist?.().catch(() => undefined);

mountPage(<App />);
