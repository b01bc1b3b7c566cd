/**
 * The popup's notice for the tab it was opened on: "Trang này có bảng nhưng chưa đọc
 * được" with the reason and the headers seen, the "Ánh xạ cột" form, and "Lưu mẫu trang"
 * (a sanitised copy of the page's tables, made by the content script, saved from here).
 * Reads its own storage.session key; knows nothing of other popup sections.
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { useI18n } from './I18n';
import { Notice, type NoticeValue } from './Notice';
import { useStorageValue } from './useStorageValue';
import { loadSettings, saveSettings } from './settingsStorage';
import type { MessageKey } from '../utils/i18n';
import type { MappableField } from '../utils/settings';
import { downloadBlob, safeFileName } from '../utils/ui/download';
import { buildMapping, initialChoices, MAPPABLE_FIELDS, withMapping } from '../utils/ui/column-mapping';
import { sampleReplySchema, storedUnreadSchema, UNREAD_SESSION_KEY, type UnreadNotice as Notice_ } from '../utils/unread';

interface TabInfo {
  id: number;
  url: string | undefined;
}

const REASON: Record<Notice_['reason'], MessageKey> = {
  'no-key': 'unreadReasonNoKey',
  'one-field': 'unreadReasonOneField',
  'rows-rejected': 'unreadReasonRejected',
};

const hostOf = (url: string | undefined) => {
  try {
    return url ? new URL(url).host.toLowerCase() : '';
  } catch {
    return '';
  }
};

/** The tab the popup is about: the active tab, or `?tab=ID` when the popup is opened as a page. */
async function currentTab(): Promise<TabInfo | null> {
  const asked = Number.parseInt(new URLSearchParams(location.search).get('tab') ?? '', 10);
  if (Number.isFinite(asked)) {
    const t = await browser.tabs.get(asked).catch(() => null);
    return t?.id !== undefined ? { id: t.id, url: t.url } : null;
  }
  const [t] = await browser.tabs.query({ active: true, currentWindow: true });
  return t?.id !== undefined ? { id: t.id, url: t.url } : null;
}

function useTabNotice(tab: TabInfo | null): { notice: Notice_; frameId: number; url: string } | null {
  const stored = useStorageValue('session', UNREAD_SESSION_KEY, (value) => storedUnreadSchema.safeParse(value ?? {}));
  if (!tab || !stored?.success) return null;
  const frames = Object.values(stored.data[String(tab.id)] ?? {});
  // A notice left from a page the tab has since left is not shown.
  const fresh = frames.find((f) => !tab.url || hostOf(f.url) === hostOf(tab.url)) ?? null;
  return fresh ? { notice: fresh.notice, frameId: fresh.frameId, url: fresh.url } : null;
}

function MappingForm({ notice, host, onDone }: { notice: Notice_; host: string; onDone: (ok: boolean) => void }) {
  const { t } = useI18n();
  const [choices, setChoices] = useState<MappableField[]>(() => initialChoices(notice));
  const [status, setStatus] = useState<NoticeValue>(null);
  const save = async () => {
    const built = buildMapping(host, notice, choices, Date.now());
    if (!built.ok) {
      setStatus({ kind: 'error', text: built.error === 'need-key' ? t('unreadMapNeedKey') : t('unreadMapFailed', { message: t('errInvalid') }) });
      return;
    }
    try {
      const { settings } = await loadSettings();
      await saveSettings(withMapping(settings, built.mapping));
      onDone(true);
    } catch (e) {
      setStatus({ kind: 'error', text: t('unreadMapFailed', { message: e instanceof Error ? e.message : String(e) }) });
    }
  };
  return (
    <form
      className="mapping-form"
      data-testid="column-mapping-form"
      aria-labelledby="mapping-title"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 id="mapping-title">{t('unreadMapTitle', { host })}</h3>
      <p className="hint">{t('unreadMapHint')}</p>
      <table className="edit">
        <tbody>
          {notice.headers.map((header, i) => {
            const id = `map-col-${i}`;
            const personal = notice.personal[i] === true;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional and fixed for this notice
              <tr key={i} data-testid="mapping-column">
                <th scope="row">
                  <label htmlFor={id}>{header || '—'}</label>
                </th>
                <td>
                  <select
                    id={id}
                    aria-label={t('unreadMapColumn', { header: header || String(i + 1) })}
                    value={personal ? 'skip' : (choices[i] ?? 'skip')}
                    disabled={personal}
                    onChange={(e) => setChoices(choices.map((c, j) => (j === i ? (e.target.value as MappableField) : c)))}
                  >
                    {MAPPABLE_FIELDS.map((f) => (
                      <option key={f} value={f}>
                        {t(`mapField_${f}` as MessageKey)}
                      </option>
                    ))}
                  </select>
                  {personal ? <span className="muted"> {t('unreadMapPersonal')}</span> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="buttons">
        <button type="submit">{t('unreadMapSave')}</button>
        <button type="button" className="secondary" onClick={() => onDone(false)}>
          {t('unreadMapCancel')}
        </button>
      </div>
      <Notice value={status} testId="column-mapping-status" />
    </form>
  );
}

export function UnreadNotice() {
  const { t } = useI18n();
  const [tab, setTab] = useState<TabInfo | null>(null);
  const [mapping, setMapping] = useState(false);
  const [status, setStatus] = useState<NoticeValue>(null);
  useEffect(() => {
    currentTab()
      .then(setTab)
      .catch(() => setTab(null));
  }, []);
  const found = useTabNotice(tab);
  if (!tab || !/^https?:/u.test(tab.url ?? found?.url ?? '')) return null;

  const saveSample = async () => {
    try {
      const reply = sampleReplySchema.parse(await browser.tabs.sendMessage(tab.id, { type: 'page/sample' }, { frameId: found?.frameId ?? 0 }));
      const day = new Date().toISOString().slice(0, 10);
      downloadBlob(new Blob([reply.html], { type: 'text/html;charset=utf-8' }), safeFileName(`mau-trang-${hostOf(tab.url ?? found?.url)}-${day}.html`));
      setStatus({ kind: 'ok', text: t('sampleSaved', { tables: reply.tables }) });
    } catch {
      setStatus({ kind: 'error', text: t('sampleFailed') });
    }
  };

  const notice = found?.notice;
  return (
    <section className={notice ? 'card unread' : 'card'} data-testid="unread-notice" aria-labelledby={notice ? 'unread-title' : undefined}>
      {notice ? (
        <>
          <h2 id="unread-title">{t('unreadTitle')}</h2>
          <p data-testid="unread-reason">{t('unreadReason', { reason: t(REASON[notice.reason]) })}</p>
          <p>{t('unreadHeaders', { count: notice.rows })}</p>
          <ul className="unread-headers" data-testid="unread-headers">
            {notice.headers.map((h, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: headers may repeat; their position is their identity
              <li key={i}>{h || '—'}</li>
            ))}
          </ul>
          {mapping ? (
            <MappingForm
              notice={notice}
              host={hostOf(found?.url)}
              onDone={(ok) => {
                setMapping(false);
                if (ok) setStatus({ kind: 'ok', text: t('unreadMapSaved') });
              }}
            />
          ) : (
            <button type="button" onClick={() => setMapping(true)}>
              {t('unreadMapButton')}
            </button>
          )}
        </>
      ) : null}
      <p className="hint">{t('sampleHint')}</p>
      <button type="button" className="secondary" onClick={() => void saveSample()}>
        {t('sampleButton')}
      </button>
      <Notice value={status} testId="sample-status" />
    </section>
  );
}
