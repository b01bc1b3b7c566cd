/**
 * Worklists, one <details> per department: "Danh sách chưa số hóa" (pending results, to
 * digitize) and "Danh sách chưa rõ số hóa" (unknown, to check). A department's items are
 * read from the `results` table only when it is opened; each links to the dossier's own
 * page when one was seen, else to the list page it came from.
 */
import { useState } from 'react';
import { useLiveQueryFor } from './useLiveQueryFor';
import { useI18n } from './I18n';
import { formatCount } from '../utils/ui/format';
import { isoToVn } from '../utils/text/dates';
import { periodKey, type Period } from '../utils/period';
import { itemLabel, safeHttpUrl } from '../utils/ui/worklist';
import { departmentKey } from '../utils/department-label';
import { worklistResults, type DepartmentTotal } from '../utils/tally';
import type { KiemDemDB } from '../utils/store/db';

const PAGE = 100;

export type WorklistState = 'pending' | 'unknown';

function DeptItems({ db, department, period, state }: { db: KiemDemDB; department: string; period: Period; state: WorklistState }) {
  const { t } = useI18n();
  const [limit, setLimit] = useState(PAGE);
  // Never the previous period's or department's items under this one's heading.
  const items = useLiveQueryFor(`${department}\u0000${state}\u0000${periodKey(period)}`, async () => {
    const rows = await db.results.where('[dept+state]').equals([departmentKey(department), state]).toArray();
    return worklistResults(rows, state, period, department);
  });
  if (!items) return <p className="muted">{t('loading')}</p>;
  if (items.length === 0) return <p className="muted">{t(state === 'pending' ? 'worklistDeptEmpty' : 'unknownDeptEmpty')}</p>;
  const shown = items.slice(0, limit);
  return (
    <>
      <table className="worklist-table" data-testid="worklist-items" data-dept={department}>
        <thead>
          <tr>
            <th scope="col">{t('worklistCode')}</th>
            <th scope="col">{t('worklistNumber')}</th>
            <th scope="col">{t('worklistProcedure')}</th>
            <th scope="col">{t('worklistDate')}</th>
            <th scope="col">{t('worklistSource')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((it) => {
            const href = safeHttpUrl(it.openUrl);
            const own = it.ownPage;
            return (
              <tr key={it.rkey} data-testid="worklist-item" data-rkey={it.rkey}>
                <td className="code">{it.code ?? ''}</td>
                <td>{it.resultNumber ?? ''}</td>
                <td className="procedure">{it.procedure ?? ''}</td>
                <td className="date">{isoToVn(it.date)}</td>
                <td>
                  {href ? (
                    <a
                      href={href}
                      target="_blank"
                      rel="noreferrer"
                      data-own-page={own ? 'true' : 'false'}
                      aria-label={t(own ? 'worklistOpenOwnLabel' : 'worklistOpenLabel', { code: itemLabel(it) })}
                    >
                      {t(own ? 'worklistOpenOwn' : 'worklistOpen')}
                    </a>
                  ) : (
                    <span className="muted">{t('worklistNoSource')}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {items.length > limit ? (
        <button type="button" className="secondary" onClick={() => setLimit((n) => n + PAGE)}>
          {t('worklistMore', { count: Math.min(PAGE, items.length - limit) })}
        </button>
      ) : null}
    </>
  );
}

function DeptSection({ db, dept, period, state }: { db: KiemDemDB; dept: DepartmentTotal; period: Period; state: WorklistState }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const count = state === 'pending' ? dept.pending : dept.unknown;
  return (
    <details className="worklist-dept" data-dept={dept.department} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('worklistSummary', { department: dept.department, count: formatCount(count, lang) })}</summary>
      {open ? <DeptItems db={db} department={dept.department} period={period} state={state} /> : null}
    </details>
  );
}

const TEXTS = {
  pending: { title: 'worklistTitle', intro: 'worklistIntro', empty: 'worklistEmpty', testId: 'worklist' },
  unknown: { title: 'unknownTitle', intro: 'unknownIntro', empty: 'unknownEmpty', testId: 'worklist-unknown' },
} as const;

export function Worklist({ db, departments, period, state }: { db: KiemDemDB; departments: readonly DepartmentTotal[]; period: Period; state: WorklistState }) {
  const { t } = useI18n();
  const texts = TEXTS[state];
  const withItems = departments.filter((d) => (state === 'pending' ? d.pending : d.unknown) > 0);
  const titleId = `${texts.testId}-title`;
  return (
    <section className="card" aria-labelledby={titleId} data-testid={texts.testId}>
      <h2 id={titleId}>{t(texts.title)}</h2>
      {withItems.length === 0 ? (
        <p className="muted">{t(texts.empty)}</p>
      ) : (
        <>
          <p className="hint">{t(texts.intro)}</p>
          {withItems.map((d) => (
            <DeptSection key={d.department} db={db} dept={d} period={period} state={state} />
          ))}
        </>
      )}
    </section>
  );
}
