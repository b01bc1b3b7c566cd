/**
 * "Trang đang mở": each open portal tab (any frame) that shows a record table, with what
 * was read from it and the portal's stated total; "Đọc tất cả các trang" walks its list,
 * with a progress bar, a progress line and "Dừng" while it runs, and why it ended after.
 */
import { useState } from 'react';
import { useI18n } from './I18n';
import { sendWalkCommand, type WalkSession } from './useWalkSession';
import { formatCount } from '../utils/ui/format';
import { endedElsewhere, isRunning, openLists, walkEndText, walkLine } from '../utils/ui/coverage';

export function OpenTabs({ state }: { state: WalkSession | undefined }) {
  const { t, lang } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const items = state ? openLists(state.session, state.liveTabs, state.activeTabId) : [];
  const now = state?.now ?? Date.now();
  const orphans = state ? endedElsewhere(state.session, items, now) : [];

  const start = async (tabId: number, frameId: number) => {
    setError(null);
    const r = await sendWalkCommand({ type: 'walk/start', tabId, frameId }).catch((e: unknown) => ({ ok: false, error: String(e) }));
    if (!r.ok) setError(t('walkStartFailed', { message: r.error ?? '' }));
  };

  return (
    <section className="card" aria-labelledby="open-tabs-title" data-testid="open-tabs">
      <h2 id="open-tabs-title">{t('openTabsTitle')}</h2>
      {items.length === 0 ? <p className="muted">{t('openTabsEmpty')}</p> : null}
      <ul className="open-tabs">
        {items.map((item) => {
          const w = item.walk;
          const running = isRunning(w, now);
          const ended = w ? walkEndText(w, t, lang, now) : '';
          const total = w?.total ?? item.total;
          return (
            <li key={`${item.tabId}:${item.frameId}`} data-testid="open-tab" data-tab={item.tabId} data-list={item.listId}>
              <div className="open-tab-title">{item.title}</div>
              <div className="muted">
                {t('openTabsRecords', { records: formatCount(item.records, lang) })}
                {total !== null ? ` · ${t('openTabsStated', { total: formatCount(total, lang) })}` : ''}
              </div>
              {running && w ? (
                <div className="walk" data-testid="walk-running">
                  <div
                    className="walk-bar"
                    role="progressbar"
                    aria-label={t('walkProgressLabel')}
                    aria-valuenow={w.records}
                    aria-valuemin={0}
                    aria-valuemax={w.total ?? undefined}
                    aria-valuetext={walkLine(w, t, lang)}
                  >
                    <div style={{ width: w.total ? `${Math.min(100, (w.records / w.total) * 100)}%` : '100%' }} className={w.total ? '' : 'unknown'} />
                  </div>
                  <span data-testid="walk-line">{walkLine(w, t, lang)}</span>
                  <button type="button" className="secondary" onClick={() => void sendWalkCommand({ type: 'walk/stop', tabId: item.tabId })}>
                    {t('walkStop')}
                  </button>
                </div>
              ) : (
                <div className="walk">
                  <button type="button" onClick={() => void start(item.tabId, item.frameId)}>
                    {t('walkStart')}
                  </button>
                  {ended ? (
                    <span role="status" data-testid="walk-ended" data-reason={w?.reason ?? 'stale'}>
                      {ended}
                    </span>
                  ) : null}
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {orphans.map((w) => (
        <p key={w.tabId} className="muted" role="status" data-testid="walk-orphan">
          {w.listLabel}: {walkEndText(w, t, lang, now)}
        </p>
      ))}
      {error ? (
        <p role="alert" className="banner error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
