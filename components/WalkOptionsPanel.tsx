/**
 * Options of "Đọc tất cả các trang": the polite delay between pages, the page limit and
 * "Chọn cỡ trang lớn nhất trước khi đọc". Saved on their own, keeping every other setting.
 */
import { useEffect, useState } from 'react';
import { useI18n } from './I18n';
import { Notice, type NoticeValue } from './Notice';
import { loadSettings, saveSettings } from './settingsStorage';
import { walkOptions, type Settings } from '../utils/settings';

export function WalkOptionsPanel({ settings }: { settings: Settings }) {
  const { t } = useI18n();
  const initial = walkOptions(settings);
  const [delay, setDelay] = useState(String(initial.delayMs / 1000));
  const [limit, setLimit] = useState(String(initial.pageLimit));
  const [largest, setLargest] = useState(initial.largestPageSize);
  const [notice, setNotice] = useState<NoticeValue>(null);
  useEffect(() => {
    const o = walkOptions(settings);
    setDelay(String(o.delayMs / 1000));
    setLimit(String(o.pageLimit));
    setLargest(o.largestPageSize);
  }, [settings]);

  const save = async () => {
    const seconds = Number(delay.replace(',', '.'));
    const pages = Number(limit.replace(/\./gu, ''));
    if (!Number.isFinite(seconds) || seconds < 0 || seconds > 60 || !Number.isInteger(pages) || pages < 1 || pages > 10_000) {
      setNotice({ kind: 'error', text: t('optWalkInvalid') });
      return;
    }
    try {
      const current = await loadSettings();
      await saveSettings({ ...current.settings, walkDelayMs: Math.round(seconds * 1000), walkPageLimit: pages, walkLargestPageSize: largest });
      setNotice({ kind: 'ok', text: t('optWalkSaved') });
    } catch (e) {
      setNotice({ kind: 'error', text: t('optSaveError', { message: e instanceof Error ? e.message : String(e) }) });
    }
  };

  return (
    <section className="card" aria-labelledby="walk-options-title" data-testid="walk-options">
      <h2 id="walk-options-title">{t('optWalk')}</h2>
      <p className="muted">{t('optWalkIntro')}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label>
          {t('optWalkDelay')}{' '}
          <input type="text" inputMode="decimal" size={6} value={delay} onChange={(e) => setDelay(e.target.value)} />
        </label>{' '}
        <label>
          {t('optWalkLimit')} <input type="number" min="1" max="10000" step="1" value={limit} onChange={(e) => setLimit(e.target.value)} />
        </label>
        <p>
          <label>
            <input type="checkbox" checked={largest} onChange={(e) => setLargest(e.target.checked)} /> {t('optWalkLargest')}
          </label>
        </p>
        <button type="submit">{t('optWalkSave')}</button>
      </form>
      <Notice value={notice} testId="walk-options-status" />
    </section>
  );
}
