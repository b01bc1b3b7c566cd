/**
 * The printable report (report.html): an administrative document in the layout of
 * Nghị định 30/2020/NĐ-CP with the department × year table of this browser's store, or
 * of the office's consolidation (`?source=consolidated`). "In / Lưu PDF" prints it; the
 * print CSS is A4, portrait or landscape.
 */
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useI18n } from '../../components/I18n';
import { TallyTable } from '../../components/TallyTable';
import { useSettings } from '../../components/settingsStorage';
import { useStoredPeriod } from '../../components/useStoredPeriod';
import { useLiveQueryFor } from '../../components/useLiveQueryFor';
import { consolidatedTally, departmentsOf } from '../../utils/consolidation';
import { abbreviation, coverageNoteOf, dateLine, notesOf, recipientLines, REPORT_SUBTITLE, REPORT_TITLE } from '../../utils/report-doc';
import { reportHeaderOf } from '../../utils/settings';
import { keepSnapshotMoving } from '../../utils/snapshot-moves';
import { getDb } from '../../utils/store/db';
import { readCells, tallyDetails } from '../../utils/store/tally-read';
import { tallyFromCells, withAllYears } from '../../utils/tally';
import { periodKey, type Period } from '../../utils/period';
import { isoToVn, todayIsoVn } from '../../utils/text/dates';
import { formatCount, formatPercent } from '../../utils/ui/format';

// Writes here keep the popup's tally snapshot current (utils/snapshot-moves.ts).
const db = keepSnapshotMoving(getDb());
type Orientation = 'portrait' | 'landscape';

const consolidated = new URLSearchParams(globalThis.location?.search ?? '').get('source') === 'consolidated';

export function ReportApp() {
  const { t, lang } = useI18n();
  const loaded = useSettings();
  const stored = useStoredPeriod();
  const [orientation, setOrientation] = useState<Orientation>('portrait');
  const cells = useLiveQuery(() => (consolidated ? [] : readCells(db)), []);
  const sources = useLiveQuery(() => (consolidated ? db.unitReports.toArray() : []), []);
  const count = useLiveQuery(() => (consolidated ? 0 : db.records.count()), []);
  const lists = useLiveQuery(() => (consolidated ? [] : db.lists.toArray()), []);

  const departments = useMemo(() => (loaded?.settings.departments ?? []).map((d) => d.name), [loaded]);
  // Consolidation: the sources' own period (all share one); else the popup's period.
  const period: Period | undefined = consolidated && sources?.[0] ? { from: sources[0].from, to: sources[0].to, reference: sources[0].reference } : stored;
  // Month cells plus the results of the days the period or its reference date cut through months.
  const details = useLiveQueryFor(consolidated ? 'consolidated' : period ? periodKey(period) : undefined, async () => (consolidated || !period ? [] : await tallyDetails(db, period)));
  const tally = useMemo(() => {
    if (!period || !cells || !sources || !details) return undefined;
    const base = consolidated ? consolidatedTally(sources, period) : tallyFromCells(cells, period, details);
    return withAllYears(base, consolidated ? departmentsOf(sources) : departments);
  }, [period, cells, sources, details, departments]);

  if (!loaded || !tally || !period || count === undefined || !lists) {
    return (
      <main className="report-page" aria-busy="true">
        <p className="muted">{t('loading')}</p>
      </main>
    );
  }
  const header = reportHeaderOf(loaded.settings);
  const today = todayIsoVn();
  const notes = notesOf(tally.grand);
  const coverage = coverageNoteOf(lists);
  const issuer = header.issuingBody || header.governingBody;
  const unit = consolidated ? t('consUnitName') : header.unit;
  const g = tally.grand;

  return (
    <main className={`report-page ${orientation}`} data-testid="report" data-source={consolidated ? 'consolidated' : 'local'}>
      <style>{`@page { size: A4 ${orientation}; margin: 20mm 15mm 20mm 30mm; }`}</style>
      <div className="toolbar no-print" role="toolbar" aria-label={t('reportPageTitle')}>
        <button type="button" data-testid="report-print" onClick={() => window.print()}>
          {t('reportPrint')}
        </button>
        <label htmlFor="orientation">{t('reportOrientation')}</label>
        <select id="orientation" value={orientation} onChange={(e) => setOrientation(e.target.value as Orientation)}>
          <option value="portrait">{t('reportPortrait')}</option>
          <option value="landscape">{t('reportLandscape')}</option>
        </select>
        <span className="muted">{consolidated ? t('reportSourceConsolidated') : t('reportSourceLocal')}</span>
      </div>

      <article className="document" aria-labelledby="report-title">
        <header className="doc-head">
          <div className="issuer">
            <p className="governing" data-testid="report-governing">{header.governingBody}</p>
            <p className="issuing" data-testid="report-issuing">
              <strong>{header.issuingBody}</strong>
            </p>
            {unit ? <p className="unit" data-testid="report-unit">{unit}</p> : null}
            <p className="number" data-testid="report-number">{t('reportNumber', { abbr: abbreviation(header.issuingBody || 'BC') })}</p>
          </div>
          <div className="national">
            <p className="motto-1">
              <strong>{t('reportNational')}</strong>
            </p>
            <p className="motto-2">
              <strong>{t('reportMotto')}</strong>
            </p>
            <p className="date-line" data-testid="report-date">
              <em>{dateLine(header.place, today)}</em>
            </p>
          </div>
        </header>

        <h1 id="report-title" className="doc-title" data-testid="report-title">
          <span className="title-main">{REPORT_TITLE}</span> <span className="title-sub">{REPORT_SUBTITLE}</span>
        </h1>
        <p className="doc-period" data-testid="report-period">
          {t('reportPeriod', { from: isoToVn(period.from), to: isoToVn(period.to), reference: isoToVn(period.reference) })}
        </p>

        <p>{t('reportIntro', { issuer: unit ? `${unit} (${issuer})` : issuer })}</p>
        <h2>{t('reportSectionTable')}</h2>
        <TallyTable tally={tally} />
        <h2>{t('reportSectionSummary')}</h2>
        <p data-testid="report-summary">
          {t('reportSummaryLine', {
            total: formatCount(g.total, lang),
            digitized: formatCount(g.digitized, lang),
            pending: formatCount(g.pending, lang),
            unknown: formatCount(g.unknown, lang),
            rate: g.rate === null ? '—' : `${formatPercent(g.rate, lang)} %`,
            meets: g.meets ? t('reportMeets') : t('reportNotMeets'),
            synced: formatCount(g.synced, lang),
            unsynced: formatCount(g.unsynced, lang),
          })}
        </p>
        <h2>{t('reportSectionNotes')}</h2>
        <ul className="notes" data-testid="report-notes">
          <li>{t('reportNoteUnknown', { count: formatCount(notes.unknown, lang) })}</li>
          <li>{t('reportNoteSync', { unknown: formatCount(notes.syncUnknown, lang) })}</li>
          {consolidated ? (
            <li>{t('reportNoteConsolidated', { count: sources?.length ?? 0, units: (sources ?? []).map((s) => s.unit).join('; ') })}</li>
          ) : (
            <>
              <li>{t('reportNoteCoverage', { records: formatCount(count, lang) })}</li>
              {coverage.lists > 0 ? (
                <li data-testid="report-lists" data-lists={coverage.lists} data-incomplete={coverage.incomplete.length}>
                  {t('reportNoteLists', { lists: formatCount(coverage.lists, lang), complete: formatCount(coverage.complete, lang), unknownTotal: formatCount(coverage.unknownTotal, lang) })}
                </li>
              ) : null}
              {coverage.incomplete.length > 0 ? (
                <li data-testid="report-incomplete">
                  {t('reportNoteIncomplete', {
                    list: coverage.incomplete
                      .map((l) => t('reportNoteIncompleteItem', { label: l.label, captured: formatCount(l.captured, lang), stated: formatCount(l.stated, lang) }))
                      .join('; '),
                  })}
                </li>
              ) : null}
            </>
          )}
        </ul>

        <footer className="doc-foot">
          <div className="recipients" data-testid="report-recipients">
            <p>
              <strong>
                <em>{t('reportRecipients')}</em>
              </strong>
            </p>
            {recipientLines(header).map((r) => (
              <p key={r}>{r}</p>
            ))}
          </div>
          <div className="signer" data-testid="report-signer">
            <p>
              <strong>{header.signerTitle || t('reportSignerFor')}</strong>
            </p>
            <p className="sign-hint">
              <em>{t('reportSignHint')}</em>
            </p>
            <p className="signer-name">
              <strong>{header.signerName}</strong>
            </p>
          </div>
        </footer>
      </article>
    </main>
  );
}
