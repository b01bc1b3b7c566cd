/**
 * Rows a page read but the store has not yet confirmed, kept in the durable outbox (a tab
 * closed before its rows were stored): shown with a way to store them now. Opening the
 * popup asks the worker to store them at once.
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { useI18n } from './I18n';
import { formatCount } from '../utils/ui/format';
import { OUTBOX_PREFIX, readOutboxes, waitingRows, type KeyValueStore } from '../utils/capture/outbox';

export function OutboxNotice() {
  const { t, lang } = useI18n();
  const [waiting, setWaiting] = useState(0);
  const [stored, setStored] = useState(false);

  useEffect(() => {
    let alive = true;
    const read = () =>
      void readOutboxes(browser.storage.local as unknown as KeyValueStore)
        .then((all) => alive && setWaiting(waitingRows(all)))
        .catch(() => undefined);
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && Object.keys(changes).some((k) => k.startsWith(OUTBOX_PREFIX))) read();
    };
    browser.storage.onChanged.addListener(onChanged);
    read();
    void browser.runtime.sendMessage({ type: 'outbox/drain' }).catch(() => undefined);
    return () => {
      alive = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);

  if (waiting === 0) return stored ? <p className="ok" role="status">{t('outboxStored')}</p> : null;
  return (
    <p className="notice info row" role="status" data-testid="outbox-waiting" data-rows={waiting}>
      <span>{t('outboxWaiting', { count: formatCount(waiting, lang) })}</span>
      <button
        type="button"
        className="secondary"
        onClick={() =>
          void browser.runtime
            .sendMessage({ type: 'outbox/drain' })
            .then(() => setStored(true))
            .catch(() => undefined)
        }
      >
        {t('outboxStore')}
      </button>
    </p>
  );
}
