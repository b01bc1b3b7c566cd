/**
 * Exports: summary CSV, detail CSV (in a worker, chunked, with progress), Excel (the xlsx code is
 * loaded only on click) and the JSON backup. Every file is an <a download> of a Blob
 * made in this page.
 */
import { useState } from 'react';
import { useI18n } from './I18n';
import { Notice, type NoticeValue } from './Notice';
import { readAllRecords } from './readRecords';
import { formatCount } from '../utils/ui/format';
import { CSV_MIME, JSON_MIME, XLSX_MIME, downloadBlob, toBlob } from '../utils/ui/download';
import { csvFileName, detailCsvChunks, summaryCsv } from '../utils/csv';
import { DETAIL_WORKER_URL, exportDetailInWorker } from '../utils/export/detail-client';
import { makeBackup } from '../utils/backup';
import { unitOfTally, type Tally } from '../utils/tally';
import type { Period } from '../utils/period';
import { stampVn } from '../utils/text/dates';
import type { KiemDemDB } from '../utils/store/db';
import type { Settings } from '../utils/settings';

type Job = 'summary' | 'detail' | 'xlsx' | 'backup';

export function ExportButtons({ db, tally, period, recordCount, settings }: { db: KiemDemDB; tally: Tally; period: Period; recordCount: number; settings?: Settings }) {
  const reportUnit = settings?.report?.unit ?? '';
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState<Job | null>(null);
  const [notice, setNotice] = useState<NoticeValue>(null);

  const run = async (job: Job, work: () => Promise<string>) => {
    if (busy) return;
    setBusy(job);
    setNotice({ kind: 'info', text: t('exportBusy') });
    try {
      const file = await work();
      setNotice({ kind: 'ok', text: t('exportDone', { file }) });
    } catch (e) {
      setNotice({ kind: 'error', text: t('exportFailed', { message: e instanceof Error ? e.message : String(e) }) });
    } finally {
      setBusy(null);
    }
  };

  const progress = (done: number, total: number) =>
    setNotice({ kind: 'info', text: t('exportProgress', { done: formatCount(done, lang), total: formatCount(total, lang) }) });

  const summary = () =>
    run('summary', async () => {
      const name = csvFileName('tong-hop', period);
      downloadBlob(toBlob(summaryCsv(tally), CSV_MIME), name);
      return name;
    });

  // In a worker when one can run (the popup stays responsive over 100,000 records), else here.
  const detailBlob = async (): Promise<Blob> => {
    const viaWorker = typeof Worker === 'undefined' ? null : await exportDetailInWorker(() => new Worker(DETAIL_WORKER_URL), progress);
    if (viaWorker) return viaWorker;
    const records = await readAllRecords(db, (read) =>
      setNotice({ kind: 'info', text: t('exportReading', { done: formatCount(read, lang), total: formatCount(Math.max(recordCount, read), lang) }) }),
    );
    return toBlob(await detailCsvChunks(records, progress), CSV_MIME);
  };

  const detail = () =>
    run('detail', async () => {
      progress(0, recordCount);
      const blob = await detailBlob();
      const name = csvFileName('chi-tiet', period);
      downloadBlob(blob, name);
      return name;
    });

  const xlsx = () =>
    run('xlsx', async () => {
      // The Excel writer is loaded only on click, as its own chunk (not in the popup bundle).
      const [{ buildXlsx }, records, lists] = await Promise.all([import('../utils/xlsx'), readAllRecords(db), db.lists.toArray()]);
      const blob = await buildXlsx(tally, records, { unit: reportUnit || unitOfTally(tally), exportedAt: Date.now() }, lists);
      const name = csvFileName('tong-hop', period).replace(/\.csv$/iu, '.xlsx');
      downloadBlob(toBlob(blob, XLSX_MIME), name);
      return name;
    });

  const backup = () =>
    run('backup', async () => {
      const json = await makeBackup(db, Date.now(), settings);
      const name = `kiem-dem-tthc-sao-luu-${stampVn()}.json`;
      downloadBlob(toBlob(json, JSON_MIME), name);
      return name;
    });

  return (
    <section className="card" aria-labelledby="export-title" data-testid="exports" aria-busy={busy !== null}>
      <h2 id="export-title">{t('exportTitle')}</h2>
      <div className="buttons">
        <button type="button" data-testid="export-summary" aria-disabled={busy !== null} onClick={() => void summary()}>
          {t('exportSummaryCsv')}
        </button>
        <button type="button" data-testid="export-detail" aria-disabled={busy !== null} onClick={() => void detail()}>
          {t('exportDetailCsv')}
        </button>
        <button type="button" data-testid="export-xlsx" aria-disabled={busy !== null} onClick={() => void xlsx()}>
          {t('exportXlsx')}
        </button>
        <button type="button" className="secondary" data-testid="backup" aria-disabled={busy !== null} onClick={() => void backup()}>
          {t('exportBackup')}
        </button>
      </div>
      <Notice value={notice} testId="export-status" />
    </section>
  );
}
