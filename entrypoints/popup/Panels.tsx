/**
 * The popup's panels around the tally table: notices above it, the coverage warning inside
 * its card, and the chart, worklists, corrections, exports and import below. Loaded as its
 * own chunk once the table is on screen, so opening the popup only waits for React, the
 * store and the table (exports, import and their file libraries come after).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useI18n } from '../../components/I18n';
import { DeptChart } from '../../components/DeptChart';
import { UnassignedPanel } from '../../components/UnassignedPanel';
import { Worklist } from '../../components/Worklist';
import { ExportButtons } from '../../components/ExportButtons';
import { ImportPanel } from '../../components/ImportPanel';
import { RebuiltNotice } from '../../components/RebuiltNotice';
import { ResultCorrection } from '../../components/ResultCorrection';
import { UnknownDepartments } from '../../components/UnknownDepartments';
import { UnreadNotice } from '../../components/UnreadNotice';
import { StatusLine } from '../../components/StatusLine';
import { StoreLostNotice } from '../../components/StoreLostNotice';
import { PageLinks } from '../../components/PageLinks';
import { OpenTabs } from '../../components/OpenTabs';
import { ListsCoverage } from '../../components/ListsCoverage';
import type { WalkSession } from '../../components/useWalkSession';
import { incompleteLists } from '../../utils/ui/coverage';
import type { KiemDemDB } from '../../utils/store/db';
import type { ListRow } from '../../utils/store/types';
import { META_REBUILT, META_REJECTED } from '../../utils/store/meta';
import type { Settings } from '../../utils/settings';
import type { Period } from '../../utils/period';
import type { Tally } from '../../utils/tally';

// Ask the browser not to evict the store under storage pressure (unlimitedStorage is
// granted too); only a page context can ask, so the popup does it each time it opens.
void navigator.storage?.persist?.().catch(() => undefined);

/** First notices above the table (after the storage error, App's own): a lost store, open pages and walks. */
export function TopNotices({ walkSession }: { walkSession: WalkSession | undefined }) {
  return (
    <>
      <StoreLostNotice />
      <OpenTabs state={walkSession} />
    </>
  );
}

/** Then (after the outbox notice): unread tables, the record count, a rebuilt tally. */
export function StatusNotices({ db, count }: { db: KiemDemDB; count: number | undefined }) {
  const rejected = useLiveQuery(() => db.meta.get(META_REJECTED), [db]);
  const rebuilt = useLiveQuery(() => db.meta.get(META_REBUILT), [db]);
  return (
    <>
      <UnreadNotice />
      {count === undefined ? null : <StatusLine count={count} rejected={rejected?.value} />}
      <RebuiltNotice value={rebuilt?.value} />
    </>
  );
}

/** Inside the table's card: some list was not read to its end. */
export function CoverageWarning({ lists }: { lists: readonly ListRow[] }) {
  const { t } = useI18n();
  return incompleteLists(lists).length > 0 ? (
    <p className="banner warn" role="note" data-testid="coverage-warning">
      {t('coverageWarning')}
    </p>
  ) : null;
}

/** Below the table: list coverage, chart, unassigned and unknown departments, corrections, worklists, exports. */
export function RecordPanels(props: {
  db: KiemDemDB;
  tally: Tally;
  period: Period;
  departments: string[];
  count: number | undefined;
  settings: Settings | undefined;
  lists: ListRow[];
  walkSession: WalkSession | undefined;
}) {
  const { db, tally, period, departments, count, settings, lists, walkSession } = props;
  return (
    <>
      <ListsCoverage lists={lists} state={walkSession} />
      <section className="card">
        <DeptChart departments={tally.perDepartment.filter((d) => d.total > 0)} />
      </section>
      <UnassignedPanel db={db} departments={departments} />
      <UnknownDepartments db={db} departments={departments} />
      <ResultCorrection db={db} departments={departments} />
      <Worklist db={db} departments={tally.perDepartment} period={period} state="pending" />
      <Worklist db={db} departments={tally.perDepartment} period={period} state="unknown" />
      <ExportButtons db={db} tally={tally} period={period} recordCount={count ?? 0} settings={settings} />
    </>
  );
}

/** Last on the page, with or without records: the report and consolidation pages, and import. */
export function EndPanels({ db, hasRecords }: { db: KiemDemDB; hasRecords: boolean }) {
  return (
    <>
      <PageLinks hasRecords={hasRecords} />
      <ImportPanel db={db} />
    </>
  );
}
