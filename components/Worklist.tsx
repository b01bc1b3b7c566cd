/**
 * "Danh sách chưa số hóa": one <details> per department with pending results.
 * A department's items are read from the `results` table only when it is opened.
 */
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useI18n } from './I18n';
import { formatCount, formatDateVN } from '../utils/ui/format';
import { itemLabel, safeHttpUrl } from '../utils/ui/worklist';
import { departmentKey, pendingResults, type DepartmentTotal, type Period } from '../utils/tally';
import type { KiemDemDB } from '../utils/store/db';

const PAGE = 100;

function DeptItems({ db, department, period }: { db: KiemDemDB; department: string; period: Period }) {
  const { t } = useI18n();
  const [limit, setLimit] = useState(PAGE);
  const items = useLiveQuery(
    async () => {
      const rows = await db.results.where('[dept+state]').equals([departmentKey(department), 'pending']).toArray();
      return pendingResults(rows, period, department);
    },
    [db, department, period.from, period.to, period.reference],
  );
  if (!items) return <p className="muted">{t('loading')}</p>;
  if (items.length === 0) return <p className="muted">{t('worklistDeptEmpty')}</p>;
  const shown = items.slice(0, limit);
  return (
    <>
      <table className="worklist-table" data-testid="worklist-items" data-dept={department}>
        <thead>
          <tr>
            <th scope="col">{t('worklistCode')}</th>
            <th scope="col">{t('worklistNumber')}</th>
            <th scope="col">{t('worklistDate')}</th>
            <th scope="col">{t('worklistSource')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((it) => {
            const href = safeHttpUrl(it.sourceUrl);
            return (
              <tr key={it.rkey} data-testid="worklist-item" data-rkey={it.rkey}>
                <td className="code">{it.code ?? ''}</td>
                <td>{it.resultNumber ?? ''}</td>
                <td className="date">{formatDateVN(it.date)}</td>
                <td>
                  {href ? (
                    <a href={href} target="_blank" rel="noreferrer" aria-label={t('worklistOpenLabel', { code: itemLabel(it) })}>
                      {t('worklistOpen')}
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

function DeptSection({ db, dept, period }: { db: KiemDemDB; dept: DepartmentTotal; period: Period }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <details className="worklist-dept" data-dept={dept.department} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('worklistSummary', { department: dept.department, count: formatCount(dept.pending, lang) })}</summary>
      {open ? <DeptItems db={db} department={dept.department} period={period} /> : null}
    </details>
  );
}

export function Worklist({ db, departments, period }: { db: KiemDemDB; departments: readonly DepartmentTotal[]; period: Period }) {
  const { t } = useI18n();
  const withPending = departments.filter((d) => d.pending > 0);
  return (
    <section className="card" aria-labelledby="worklist-title" data-testid="worklist">
      <h2 id="worklist-title">{t('worklistTitle')}</h2>
      {withPending.length === 0 ? (
        <p className="muted">{t('worklistEmpty')}</p>
      ) : (
        <>
          <p className="hint">{t('worklistIntro')}</p>
          {withPending.map((d) => (
            <DeptSection key={d.department} db={db} dept={d} period={period} />
          ))}
        </>
      )}
    </section>
  );
}
