/**
 * The browser wiped the store (see utils/store/lost.ts): say so, say what came back by
 * itself (the rows of portal pages still open) and what the clerk must do for the rest.
 */
import { browser } from 'wxt/browser';
import { useI18n } from './I18n';
import { useStorageValue } from './useStorageValue';
import { formatTimestampVN } from '../utils/ui/format';
import { STORE_LOST_KEY } from '../utils/store/meta';
import { parseStoreLost } from '../utils/store/lost';

export function StoreLostNotice() {
  const { t } = useI18n();
  const lost = useStorageValue('local', STORE_LOST_KEY, parseStoreLost);
  if (!lost) return null;
  return (
    <div role="alert" className="banner error" data-testid="store-lost">
      <p>{t('storeLost', { at: formatTimestampVN(lost.at) || '—' })}</p>
      <button type="button" className="secondary" onClick={() => void browser.storage.local.remove(STORE_LOST_KEY)}>
        {t('storeLostDismiss')}
      </button>
    </div>
  );
}
