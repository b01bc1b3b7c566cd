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
import { DeptChart } from '../../components/DeptChart';
import { UnassignedPanel } from '../../components/UnassignedPanel';
import { Worklist } from '../../components/Worklist';
import { ExportButtons } from '../../components/ExportButtons';
import { ImportPanel } from '../../components/ImportPanel';
import { OutboxNotice } from '../../components/OutboxNotice';
import { RebuiltNotice } from '../../components/RebuiltNotice';
import { ResultCorrection } from '../../components/ResultCorrection';
import { UnknownDepartments } from '../../components/UnknownDepartments';
import { UnreadNotice } from '../../components/UnreadNotice';
import { StatusLine, StorageErrorBanner } from '../../components/StatusLine';
import { useSettings } from '../../components/settingsStorage';
import { getDb } from '../../utils/store/db';
import { META_REBUILT, META_REJECTED } from '../../utils/store/meta';
import { useStorageError } from '../../components/useStorageError';
import { tallyDetails } from '../../utils/store/tally-read';
import { StoreLostNotice } from '../../components/StoreLostNotice';
import { tallyFromCells, withAllYears } from '../../utils/tally';
import { PageLinks } from '../../components/PageLinks';
import { OpenTabs } from '../../components/OpenTabs';
import { ListsCoverage } from '../../components/ListsCoverage';
import { useWalkSession } from '../../components/useWalkSession';
import { incompleteLists } from '../../utils/ui/coverage';
import { DEFAULT_PERIOD, isPeriodValid, type Period } from '../../utils/period';
import { usePeriod } from '../../components/useStoredPeriod';

const db = getDb();

export function App() {
  const { t } = useI18n();
  const [period, setPeriod] = usePeriod();
  const [lastValid, setLastValid] = useState<Period>(DEFAULT_PERIOD);
  useEffect(() => {
    if (period && isPeriodValid(period)) setLastValid(period);
  }, [period]);

  // Month cells (a few thousand at most), plus the results of the days the period or its
  // reference date cut through months: the table never waits for a read of every record.
  const effective = period && isPeriodValid(period) ? period : lastValid;
  const cells = useLiveQuery(() => db.cells.toArray(), []);
  const details = useLiveQuery(() => tallyDetails(db, effective), [effective.from, effective.to, effective.reference]);
  // Whether anything is stored is one key read; the full count walks the store (slow on
  // 100k records), so the table does not wait for it.
  // (Dexie's limit(1).count() counts the whole table, then caps the answer: read one key instead.)
  const hasAny = useLiveQuery(async () => (await db.records.limit(1).primaryKeys()).length, []);
  // Started once the table is there, so it never competes with the table's reads.
  const shown = cells !== undefined && details !== undefined;
  const count = useLiveQuery(async () => (shown ? await db.records.count() : undefined), [shown]);
  const rejected = useLiveQuery(() => db.meta.get(META_REJECTED), []);
  const rebuilt = useLiveQuery(() => db.meta.get(META_REBUILT), []);
  const loaded = useSettings();
  const lists = useLiveQuery(() => db.lists.toArray(), []);
  const walkSession = useWalkSession();

  const lastError = useStorageError();
  const departments = useMemo(() => (loaded?.settings.departments ?? []).map((d) => d.name), [loaded]);
  // Every year of the period for every department, zeros included (the office's table).
  const tally = useMemo(
    () => (cells && details ? withAllYears(tallyFromCells(cells, effective, details), departments) : undefined),
    [cells, details, effective, departments],
  );

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

  if (period === undefined || tally === undefined || hasAny === undefined) {
    return (
      <main className="app" data-testid="popup" aria-busy="true">
        {header}
        <OutboxNotice />
        <p className="muted">{t('loading')}</p>
      </main>
    );
  }

  return (
    <main className="app" data-testid="popup" data-records={count}>
      {header}
      <StorageErrorBanner error={lastError} />
      <StoreLostNotice />
      <OpenTabs state={walkSession} />
      <OutboxNotice />
      <UnreadNotice />
      {count === undefined ? null : <StatusLine count={count} rejected={rejected?.value} />}
      <RebuiltNotice value={rebuilt?.value} />
      {hasAny === 0 ? (
        <section className="card empty" data-testid="empty-state" aria-labelledby="empty-title">
          <h2 id="empty-title">{t('emptyTitle')}</h2>
          <p>{t('emptyText')}</p>
        </section>
      ) : (
        <>
          <PeriodForm value={period} onChange={setPeriod} />
          <section className="card">
            <TallyTable tally={tally} />
            {incompleteLists(lists ?? []).length > 0 ? (
              <p className="banner warn" role="note" data-testid="coverage-warning">
                {t('coverageWarning')}
              </p>
            ) : null}
          </section>
          <ListsCoverage lists={lists ?? []} state={walkSession} />
          <section className="card">
            <DeptChart departments={tally.perDepartment.filter((d) => d.total > 0)} />
          </section>
          <UnassignedPanel db={db} departments={departments} />
          <UnknownDepartments db={db} departments={departments} />
          <ResultCorrection db={db} departments={departments} />
          <Worklist db={db} departments={tally.perDepartment} period={lastValid} state="pending" />
          <Worklist db={db} departments={tally.perDepartment} period={lastValid} state="unknown" />
          <ExportButtons db={db} tally={tally} period={lastValid} recordCount={count ?? 0} settings={loaded?.fellBack ? undefined : loaded?.settings} />
        </>
      )}
      <PageLinks hasRecords={hasAny !== 0} />
      <ImportPanel db={db} />
    </main>
  );
}
