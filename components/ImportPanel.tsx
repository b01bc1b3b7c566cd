/**
 * "Nhập dữ liệu": a backup JSON (restoreBackup) or another clerk's detail CSV
 * (parseDetailCsv + importRecords). A file with errors changes nothing.
 */
import { useId, useRef, useState } from 'react';
import { useI18n } from './I18n';
import { Notice, type NoticeValue } from './Notice';
import { formatCount } from '../utils/ui/format';
import { detectImportKind, summariseImport } from '../utils/ui/importResult';
import { parseDetailCsv } from '../utils/csv';
import { restoreBackup } from '../utils/backup';
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
      if (kind === 'backup') {
        outcome = await restoreBackup(db, text, departments);
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
    </section>
  );
}
