/**
 * Department × year table: one <tbody> per department (its years, then "Cộng"),
 * "Tổng cộng" in <tfoot>. Cells carry data-col / data-value for tests and tools.
 */
import { useI18n } from './I18n';
import { formatCount, formatDateVN, formatPercent } from '../utils/ui/format';
import type { Counts, Tally } from '../utils/tally';

const COLS = ['total', 'digitized', 'pending', 'unknown'] as const;
/** After the rate, as in the summary CSV (appended columns). */
const SYNC_COLS = ['synced', 'unsynced'] as const;

function CountCells({ c }: { c: Counts }) {
  const { t, lang } = useI18n();
  return (
    <>
      {COLS.map((k) => (
        <td key={k} className="num" data-col={k} data-value={c[k]}>
          {formatCount(c[k], lang)}
        </td>
      ))}
      <td className="num rate" data-col="rate" data-value={c.rate === null ? '' : c.rate.toFixed(2)} data-meets={c.meets ? 'true' : 'false'}>
        {c.rate === null ? <span>{t('rateNone')}</span> : formatPercent(c.rate, lang)}
        {c.meets ? (
          <>
            {' '}
            <span className="badge meets" data-testid="meets">
              {t('meets')}
            </span>
          </>
        ) : null}
      </td>
      {SYNC_COLS.map((k) => (
        <td key={k} className="num sync" data-col={k} data-value={c[k]}>
          {formatCount(c[k], lang)}
        </td>
      ))}
    </>
  );
}

export function TallyTable({ tally }: { tally: Tally }) {
  const { t } = useI18n();
  const byDept = new Map<string, Tally['rows']>();
  for (const r of tally.rows) {
    const list = byDept.get(r.department);
    if (list) list.push(r);
    else byDept.set(r.department, [r]);
  }
  const caption = t('tableCaption', {
    from: formatDateVN(tally.period.from),
    to: formatDateVN(tally.period.to),
    reference: formatDateVN(tally.period.reference),
  });
  return (
    <div className="table-wrap">
      <table className="tally" data-testid="tally-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colDepartment')}</th>
            <th scope="col">{t('colYear')}</th>
            <th scope="col">{t('colTotal')}</th>
            <th scope="col">{t('colDigitized')}</th>
            <th scope="col">{t('colPending')}</th>
            <th scope="col">{t('colUnknown')}</th>
            <th scope="col">{t('colRate')}</th>
            <th scope="col">{t('colSynced')}</th>
            <th scope="col">{t('colUnsynced')}</th>
          </tr>
        </thead>
        {tally.perDepartment.map((dept) => {
          const years = byDept.get(dept.department) ?? [];
          return (
            <tbody key={dept.department} data-dept={dept.department}>
              {years.map((r, i) => (
                <tr key={r.year} data-row="year" data-dept={r.department} data-year={r.year}>
                  {i === 0 ? (
                    <th scope="rowgroup" rowSpan={years.length + 1} className="dept">
                      {dept.department}
                    </th>
                  ) : null}
                  <th scope="row" className="year">
                    {r.year}
                  </th>
                  <CountCells c={r} />
                </tr>
              ))}
              <tr className="subtotal" data-row="subtotal" data-dept={dept.department} data-year="total">
                {years.length === 0 ? (
                  <th scope="rowgroup" className="dept">
                    {dept.department}
                  </th>
                ) : null}
                <th scope="row">{t('rowSubtotal')}</th>
                <CountCells c={dept} />
              </tr>
            </tbody>
          );
        })}
        <tfoot>
          <tr className="grand" data-row="grand" data-testid="tally-grand">
            <th scope="row" colSpan={2}>
              {t('rowGrandTotal')}
            </th>
            <CountCells c={tally.grand} />
          </tr>
        </tfoot>
      </table>
      {tally.grand.total === 0 ? <p className="muted">{t('noRowsInPeriod')}</p> : null}
      <p className="hint">{t('meetsNote')}</p>
    </div>
  );
}
