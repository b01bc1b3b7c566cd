/**
 * The office's consolidation page (consolidate.html, "Gộp báo cáo các đơn vị"): import the
 * summary CSV or XLSX files units send, list each source (unit, period, reference date,
 * imported at), sum them, and export the sum as CSV, XLSX or the printable report.
 */
import { useId, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useI18n } from '../../components/I18n';
import { Notice, type NoticeValue } from '../../components/Notice';
import { PeriodForm } from '../../components/PeriodForm';
import { RemovableRows } from '../../components/RemovableRows';
import { TallyTable } from '../../components/TallyTable';
import { openExtensionPage } from '../../components/PageLinks';
import { useStoredPeriod } from '../../components/useStoredPeriod';
import { addUnitReport, consolidatedTally, departmentsOf } from '../../utils/consolidation';
import { csvFileName, summaryCsv } from '../../utils/csv';
import { keepSnapshotMoving } from '../../utils/snapshot-moves';
import { getDb } from '../../utils/store/db';
import { withAllYears } from '../../utils/tally';
import { CSV_MIME, XLSX_MIME, downloadBlob, toBlob } from '../../utils/ui/download';
import { formatCount } from '../../utils/ui/format';
import { formatDateTimeVn, isoToVn } from '../../utils/text/dates';
import { isPeriodValid, type Period } from '../../utils/period';

// Writes here keep the popup's tally snapshot current (utils/snapshot-moves.ts).
const db = keepSnapshotMoving(getDb());

export function ConsolidateApp() {
  const { t, lang } = useI18n();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const stored = useStoredPeriod();
  const [chosen, setChosen] = useState<Period>();
  const [notice, setNotice] = useState<NoticeValue>(null);
  const [busy, setBusy] = useState(false);
  const sources = useLiveQuery(() => db.unitReports.orderBy('importedAt').toArray(), []);

  // Once files are in, their period is the consolidation's; before that the form's.
  const fixed: Period | undefined = sources?.[0] ? { from: sources[0].from, to: sources[0].to, reference: sources[0].reference } : undefined;
  const form = chosen ?? stored;
  const period: Period | undefined = fixed ?? (form && isPeriodValid(form) ? form : undefined);
  const tally = useMemo(() => (period && sources ? withAllYears(consolidatedTally(sources, period), departmentsOf(sources)) : undefined), [period, sources]);

  if (!sources || !form) {
    return (
      <main className="app" aria-busy="true">
        <p className="muted">{t('loading')}</p>
      </main>
    );
  }

  const onFiles = async (files: File[]) => {
    if (!period) return;
    setBusy(true);
    const ok: string[] = [];
    const errors: string[] = [];
    try {
      for (const file of files) {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const out = await addUnitReport(db, { name: file.name, lastModified: file.lastModified, bytes }, period);
        if (out.ok) ok.push(t(out.replaced ? 'consReplaced' : 'consAdded', { file: file.name, unit: out.report.unit }));
        else errors.push(...out.errors);
      }
    } catch (e) {
      errors.push(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
    if (errors.length) setNotice({ kind: 'error', text: [...ok, t('consFailed', { file: files.length === 1 ? files[0]!.name : `${files.length - ok.length}/${files.length}` })].join(' '), details: errors });
    else setNotice({ kind: 'ok', text: ok.join(' ') });
  };

  const exportCsv = () => {
    if (!tally || !period) return;
    const name = csvFileName('tong-hop', period, 'gop cac don vi');
    downloadBlob(toBlob(summaryCsv(tally), CSV_MIME), name);
  };
  const exportXlsx = async () => {
    if (!tally || !period) return;
    const { buildXlsx } = await import('../../utils/xlsx');
    const blob = await buildXlsx(tally, null, { unit: t('consUnitName'), exportedAt: Date.now() });
    downloadBlob(toBlob(blob, XLSX_MIME), csvFileName('tong-hop', period, 'gop cac don vi').replace(/\.csv$/u, '.xlsx'));
  };

  return (
    <main className="app consolidate" data-testid="consolidation">
      <header className="app-header">
        <div>
          <h1>{t('consTitle')}</h1>
          <p className="subtitle">{t('appTitle')}</p>
        </div>
      </header>
      <p className="hint">{t('consIntro')}</p>
      {fixed ? (
        <p className="period-fixed" data-testid="cons-period">
          {t('tableCaption', { from: isoToVn(fixed.from), to: isoToVn(fixed.to), reference: isoToVn(fixed.reference) })}. {t('consPeriodFixed')}
        </p>
      ) : (
        <PeriodForm value={form} onChange={setChosen} />
      )}
      <section className="card" aria-labelledby={`${id}-import`}>
        <h2 id={`${id}-import`}>{t('consImportTitle')}</h2>
        <div className="file-field">
          <label htmlFor={`${id}-file`}>{t('consFile')}</label>
          <input
            ref={input}
            id={`${id}-file`}
            type="file"
            multiple
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            data-testid="cons-file"
            disabled={busy || !period}
            onChange={(e) => {
              const list = Array.from(e.target.files ?? []);
              if (list.length) void onFiles(list);
            }}
          />
        </div>
        <Notice value={notice} testId="cons-status" />
      </section>
      <section className="card" aria-labelledby={`${id}-sources`}>
        <h2 id={`${id}-sources`}>{t('consSources')}</h2>
        {sources.length === 0 ? (
          <p className="muted">{t('consNone')}</p>
        ) : (
          <>
            <RemovableRows
              testId="cons-sources"
              headers={[t('consColUnit'), t('consColPeriod'), t('consColReference'), t('consColFile'), t('consColImported'), t('consColTotal')]}
              rows={sources}
              rowKey={(s) => s.id}
              rowTestId="cons-source"
              rowData={(s) => ({ 'data-unit': s.unit })}
              removeClassName="secondary"
              removeLabel={(s) => t('consRemove', { unit: s.unit })}
              onRemove={(s) => void db.unitReports.delete(s.id)}
              cells={(s) => (
                <>
                  <th scope="row">{s.unit}</th>
                  <td>
                    {isoToVn(s.from)} – {isoToVn(s.to)}
                  </td>
                  <td>{isoToVn(s.reference)}</td>
                  <td className="file">{s.fileName}</td>
                  <td>{formatDateTimeVn(s.importedAt)}</td>
                  <td className="num">{formatCount(s.lines.reduce((n, l) => n + l.total, 0), lang)}</td>
                </>
              )}
            />
            <div className="buttons">
              <button type="button" className="secondary" onClick={() => void db.unitReports.clear()}>
                {t('consRemoveAll')}
              </button>
            </div>
          </>
        )}
      </section>
      {tally ? (
        <section className="card" aria-labelledby={`${id}-table`}>
          <h2 id={`${id}-table`}>{t('consTable')}</h2>
          <TallyTable tally={tally} />
          <div className="buttons">
            <button type="button" data-testid="cons-export-csv" disabled={sources.length === 0} onClick={exportCsv}>
              {t('consExportCsv')}
            </button>
            <button type="button" data-testid="cons-export-xlsx" disabled={sources.length === 0} onClick={() => void exportXlsx()}>
              {t('consExportXlsx')}
            </button>
            <button type="button" className="secondary" data-testid="cons-report" disabled={sources.length === 0} onClick={() => void openExtensionPage('report.html', '?source=consolidated')}>
              {t('consReport')}
            </button>
          </div>
        </section>
      ) : null}
    </main>
  );
}
