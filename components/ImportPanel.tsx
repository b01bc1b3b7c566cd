/**
 * "Nhập dữ liệu": a backup JSON (parseBackup + restoreParsed) or another clerk's detail
 * CSV (parseDetailCsv + importRecords). A file with errors changes nothing. A backup that
 * carries settings asks whether to apply them; portals the browser has not granted are
 * asked for in that click (a user gesture), and left out when refused.
 */
import { useId, useRef, useState } from 'react';
import { useI18n } from './I18n';
import { Notice, type NoticeValue } from './Notice';
import { formatCount } from '../utils/ui/format';
import { detectImportKind, summariseImport } from '../utils/ui/importResult';
import { parseDetailCsv } from '../utils/csv';
import { looksLikeSummaryCsv } from '../utils/summary-file';
import { parseBackup, restoreParsed, settingsToApply } from '../utils/backup';
import { saveSettings } from './settingsStorage';
import { browser } from 'wxt/browser';
import type { Settings } from '../utils/settings';
import { importTooBig, MAX_IMPORT_BYTES } from '../utils/import-limits';
import { importRecords } from '../utils/store/upsert';
import type { KiemDemDB } from '../utils/store/db';
import { departmentIndex } from '../utils/vocab/departments';
import { loadSettings } from './settingsStorage';

export function ImportPanel({ db }: { db: KiemDemDB }) {
  const { t, lang } = useI18n();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useState<NoticeValue>(null);
  const [busy, setBusy] = useState(false);
  const [pendingSettings, setPendingSettings] = useState<Settings | null>(null);
  const [settingsNotice, setSettingsNotice] = useState<NoticeValue>(null);

  const applySettings = async (fromFile: Settings) => {
    setPendingSettings(null);
    try {
      // Asked first, inside the click: the browser shows its permission prompt only for a user gesture.
      const wanted = fromFile.portals;
      if (wanted.length) await browser.permissions.request({ origins: wanted }).catch(() => false);
      const granted = new Set<string>();
      for (const p of wanted) if (await browser.permissions.contains({ origins: [p] }).catch(() => false)) granted.add(p);
      const { settings, denied } = settingsToApply(fromFile, (p) => granted.has(p));
      await saveSettings(settings);
      setSettingsNotice({ kind: 'ok', text: denied.length ? t('backupSettingsPortalsDenied', { list: denied.join(', ') }) : t('backupSettingsApplied') });
    } catch (e) {
      setSettingsNotice({ kind: 'error', text: t('optSaveError', { message: e instanceof Error ? e.message : String(e) }) });
    }
  };

  const onFile = async (file: File) => {
    setBusy(true);
    setNotice({ kind: 'info', text: t('importBusy', { file: file.name }) });
    try {
      // The size is checked before a byte is read: a huge file must not freeze the popup.
      const big = importTooBig(file.size, file.name.toLowerCase().endsWith('.csv') ? 'csv' : 'backup');
      if (big || file.size > Math.max(MAX_IMPORT_BYTES.backup, MAX_IMPORT_BYTES.csv)) {
        setNotice({ kind: 'error', text: t('importFailed', { file: file.name }), details: [big ?? ''] });
        return;
      }
      const text = await file.text();
      // The worker-side guard of captures runs here too: the settings' departments decide.
      const departments = departmentIndex((await loadSettings()).settings);
      const kind = detectImportKind(file.name, text);
      if (kind === null) {
        setNotice({ kind: 'error', text: t('importUnknownType') });
        return;
      }
      let outcome: unknown;
      setPendingSettings(null);
      setSettingsNotice(null);
      if (kind === 'backup') {
        const parsed = parseBackup(text);
        if (!parsed.ok) {
          setNotice({ kind: 'error', text: t('importFailed', { file: file.name }), details: parsed.errors });
          return;
        }
        outcome = await restoreParsed(db, parsed.backup, departments);
        if (parsed.backup.settings) setPendingSettings(parsed.backup.settings);
      } else if (looksLikeSummaryCsv(text)) {
        // Units' summary files are summed on the consolidation page, not merged record by record.
        setNotice({ kind: 'error', text: t('importFailed', { file: file.name }), details: [t('importIsSummary')] });
        return;
      } else {
        const parsed = parseDetailCsv(text);
        const pre = summariseImport(parsed);
        if (pre.errors.length > 0) {
          setNotice({ kind: 'error', text: t('importFailed', { file: file.name }), details: pre.errors });
          return;
        }
        outcome = await importRecords(db, parsed.records, departments);
      }
      const s = summariseImport(outcome);
      if (s.errors.length > 0) {
        setNotice({ kind: 'error', text: t('importFailed', { file: file.name }), details: s.errors });
        return;
      }
      const text2 = t('importResult', {
        inserted: formatCount(s.inserted, lang),
        updated: formatCount(s.updated, lang),
        unchanged: formatCount(s.unchanged, lang),
      });
      setNotice({ kind: 'ok', text: s.rejected > 0 ? `${text2} ${t('importRejected', { count: formatCount(s.rejected, lang) })}` : text2 });
    } catch (e) {
      setNotice({
        kind: 'error',
        text: t('importFailed', { file: file.name }),
        details: [e instanceof Error ? e.message : String(e)],
      });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="import" aria-busy={busy}>
      <h2 id={`${id}-title`}>{t('importTitle')}</h2>
      <div className="file-field">
        <label htmlFor={`${id}-file`}>
          {t('importLabel')}
        </label>
        <input
          ref={input}
          id={`${id}-file`}
          type="file"
          accept=".json,.csv,application/json,text/csv"
          data-testid="import-file"
          aria-describedby={`${id}-hint`}
          disabled={busy}
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void onFile(f);
          }}
        />
        <span id={`${id}-hint`} className="hint">
          {t('importHint')}
        </span>
      </div>
      <Notice value={notice} testId="import-status" />
      {pendingSettings ? (
        <fieldset aria-labelledby={`${id}-settings`} className="settings-choice" data-testid="backup-settings">
          <p id={`${id}-settings`}>{t('backupSettingsFound')}</p>
          <div className="buttons">
            <button type="button" data-testid="backup-apply-settings" onClick={() => void applySettings(pendingSettings)}>
              {t('backupApplySettings')}
            </button>
            <button
              type="button"
              className="secondary"
              data-testid="backup-keep-settings"
              onClick={() => {
                setPendingSettings(null);
                setSettingsNotice({ kind: 'ok', text: t('backupSettingsKept') });
              }}
            >
              {t('backupKeepSettings')}
            </button>
          </div>
        </fieldset>
      ) : null}
      <Notice value={settingsNotice} testId="backup-settings-status" />
    </section>
  );
}
