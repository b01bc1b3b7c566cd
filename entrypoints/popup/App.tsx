/**
 * The popup: period, department × year tally (live from the small `cells` table),
 * chart, unassigned records, pending worklist, exports and import.
 */
import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { browser } from 'wxt/browser';
import { useI18n } from '../../components/I18n';
import { PeriodForm } from '../../components/PeriodForm';
import { TallyTable } from '../../components/TallyTable';
import { OutboxNotice } from '../../components/OutboxNotice';
import { StorageErrorBanner } from '../../components/StatusLine';
import { useStorageError } from '../../components/useStorageError';
import { useSettings } from '../../components/settingsStorage';
import { keepSnapshotMoving } from '../../utils/snapshot-moves';
import { getDb } from '../../utils/store/db';
import { refreshTallySnapshot } from '../../utils/store/snapshot-refresh';
import { readCells, tallyDetails } from '../../utils/store/tally-read';
import { tallyFromCells, withAllYears } from '../../utils/tally';
import { useWalkSession } from '../../components/useWalkSession';
import { DEFAULT_PERIOD, isPeriodValid, periodKey, samePeriod, type Period } from '../../utils/period';
import { usePeriod } from '../../components/useStoredPeriod';
import { usePreloadedTally } from '../../components/usePreloadedTally';
import { useLastDefined, useLiveQueryFor } from '../../components/useLiveQueryFor';

// Everything but the table is its own chunk, asked for once the table is committed: the
// first commit holds the table alone, the panels come in the next one (no Suspense, so no
// fallback throttling either).
type Panels = typeof import('./Panels');

// Writes here keep the popup's tally snapshot current (utils/snapshot-moves.ts).
const db = keepSnapshotMoving(getDb());
const APP_VERSION = browser.runtime.getManifest().version;

export function App() {
  const { t } = useI18n();
  const [storedPeriod, setPeriod] = usePeriod();
  // What the preload script read (the stored period too) stands in until the live reads answer.
  const pre = usePreloadedTally();
  const period = storedPeriod ?? pre?.period;
  const [lastValid, setLastValid] = useState<Period>(DEFAULT_PERIOD);
  useEffect(() => {
    if (period && isPeriodValid(period)) setLastValid(period);
  }, [period]);

  // Month cells (a few thousand at most), plus the results of the days the period or its
  // reference date cut through months: the table never waits for a read of every record.
  const effective = period && isPeriodValid(period) ? period : lastValid;
  const cells = useLiveQuery(() => readCells(db), []);
  // Only for the period shown (never the preset's while the stored one is read), and only
  // ever counted with the period it was read for.
  const details = useLiveQueryFor(period ? periodKey(effective) : undefined, () => tallyDetails(db, effective));
  // Whether anything is stored is one key read; the full count walks the store (slow on
  // 100k records), so the table does not wait for it.
  // (Dexie's limit(1).count() counts the whole table, then caps the answer: read one key instead.)
  const liveAny = useLiveQuery(async () => (await db.records.limit(1).primaryKeys()).length, []);
  // Started once the table is there, so it never competes with the table's reads.
  const liveIn = cells !== undefined && details !== undefined;
  // Once shown, stays shown while another period is read (the reads below keep their answers).
  const shown = useLastDefined(liveIn ? true : undefined) ?? false;
  // The preload's rows as a whole (never its details with live cells), and only for the
  // period they were read for.
  const preRows = pre && samePeriod(pre.period, effective) ? pre : undefined;
  const exact = useMemo(() => {
    if (cells && details) return tallyFromCells(cells, effective, details);
    if (!preRows) return undefined;
    return 'tally' in preRows ? preRows.tally : tallyFromCells(preRows.cells, effective, preRows.details);
  }, [cells, details, preRows, effective]);
  // While another period is read, the last tally stays (its caption names its own period),
  // marked busy, instead of the form and table giving way to "loading".
  const counted = useLastDefined(exact);
  const recounting = counted !== undefined && !samePeriod(counted.period, effective);
  const hasAny = liveAny ?? pre?.hasAny;
  const count = useLiveQuery(async () => (shown ? await db.records.count() : undefined), [shown]);
  const loaded = useSettings();
  // Only the panels read the lists and the open pages: not before the table is there.
  const lists = useLiveQuery(async () => (shown ? await db.lists.toArray() : undefined), [shown]);
  const walkSession = useWalkSession(shown);

  const departments = useMemo(() => (loaded?.settings.departments ?? []).map((d) => d.name), [loaded]);
  // Every year of the period for every department, zeros included (the office's table).
  const tally = useMemo(() => (counted ? withAllYears(counted, departments) : undefined), [counted, departments]);
  // Once the live reads are in, the snapshot the next open shows first is brought up to date.
  useEffect(() => {
    if (liveIn) void refreshTallySnapshot(db, effective, APP_VERSION).catch(() => undefined);
  }, [liveIn, effective]);

  const header = (
    <header className="app-header">
      <div>
        <h1>{t('appTitle')}</h1>
        <p className="subtitle">{t('appSubtitle')}</p>
      </div>
      <button type="button" className="secondary" data-testid="open-options" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('settings')}
      </button>
    </header>
  );

  // The worker's storage error (a full disk, a store that will not open) is shown from the
  // popup's own bundle, also while it is still loading: it must not wait on the panels' chunk.
  const lastError = useStorageError();
  const ready = period !== undefined && tally !== undefined && hasAny !== undefined;
  const [panels, setPanels] = useState<Panels>();
  const [panelsTry, setPanelsTry] = useState(0);
  useEffect(() => {
    if (!ready || panels) return;
    let alive = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    import('./Panels')
      .then((m) => alive && setPanels(m))
      .catch((e: unknown) => {
        console.error(e);
        // A chunk that failed to load (a busy or full disk) is asked for again, a few times.
        if (alive && panelsTry < 3) retry = setTimeout(() => setPanelsTry((n) => n + 1), 1000);
      });
    return () => {
      alive = false;
      clearTimeout(retry);
    };
  }, [ready, panels, panelsTry]);

  if (period === undefined || tally === undefined || hasAny === undefined) {
    return (
      <main className="app" data-testid="popup" aria-busy="true">
        {header}
        <StorageErrorBanner error={lastError} />
        <OutboxNotice />
        <p className="muted">{t('loading')}</p>
      </main>
    );
  }

  const P = panels;
  return (
    <main className="app" data-testid="popup" data-records={count}>
      {header}
      <StorageErrorBanner error={lastError} />
      {P ? <P.TopNotices walkSession={walkSession} /> : null}
      <OutboxNotice />
      {P ? <P.StatusNotices db={db} count={count} /> : null}
      {hasAny === 0 ? (
        <section className="card empty" data-testid="empty-state" aria-labelledby="empty-title">
          <h2 id="empty-title">{t('emptyTitle')}</h2>
          <p>{t('emptyText')}</p>
        </section>
      ) : (
        <>
          <PeriodForm value={period} onChange={setPeriod} />
          <section className="card" aria-busy={recounting || undefined}>
            <TallyTable tally={tally} />
            {P ? <P.CoverageWarning lists={lists ?? []} /> : null}
          </section>
          {P ? <P.RecordPanels db={db} tally={tally} period={lastValid} departments={departments} count={count} settings={loaded?.fellBack ? undefined : loaded?.settings} lists={lists ?? []} walkSession={walkSession} /> : null}
        </>
      )}
      {P ? <P.EndPanels db={db} hasRecords={hasAny !== 0} /> : null}
    </main>
  );
}
