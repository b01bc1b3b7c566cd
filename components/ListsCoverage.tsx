/**
 * "Danh sách đã đọc": per list its label, records captured / the portal's stated total,
 * the percentage, pages read and last read; "Đọc tiếp" when a tab shows that list now.
 */
import { useI18n } from './I18n';
import { sendWalkCommand, type WalkSession } from './useWalkSession';
import { formatCount, formatPercent, formatTimestampVN } from '../utils/ui/format';
import { isRunning, openLists } from '../utils/ui/coverage';
import { coveragePercent } from '../utils/store/lists';
import type { ListRow } from '../utils/store/types';

export function ListsCoverage({ lists, state }: { lists: ListRow[]; state: WalkSession | undefined }) {
  const { t, lang } = useI18n();
  if (lists.length === 0) return null;
  const open = state ? openLists(state.session, state.liveTabs, state.activeTabId) : [];
  const rows = [...lists].sort((a, b) => b.lastRead - a.lastRead);
  return (
    <section className="card" aria-labelledby="lists-title" data-testid="lists">
      <h2 id="lists-title">{t('listsTitle')}</h2>
      <table className="lists-table">
        <thead>
          <tr>
            <th scope="col">{t('listsColList')}</th>
            <th scope="col">{t('listsColCaptured')}</th>
            <th scope="col">{t('listsColPercent')}</th>
            <th scope="col">{t('listsColPages')}</th>
            <th scope="col">{t('listsColLast')}</th>
            <th scope="col">{t('listsColAction')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((l) => {
            const pct = coveragePercent(l);
            const tab = open.find((o) => o.listId === l.id);
            const busy = tab ? isRunning(tab.walk, state?.now ?? Date.now()) : false;
            return (
              <tr key={l.id} data-testid="list-row" data-list={l.id} data-captured={l.captured} data-total={l.statedTotal ?? ''} data-percent={pct ?? ''}>
                <td>{l.label}</td>
                <td>
                  {formatCount(l.captured, lang)}/{l.statedTotal !== null ? formatCount(l.statedTotal, lang) : t('listsUnknownTotal')}
                </td>
                <td>{pct !== null ? formatPercent(pct, lang) : ''}</td>
                <td>{formatCount(l.pagesRead, lang)}</td>
                <td>{formatTimestampVN(l.lastRead)}</td>
                <td>
                  {tab && !busy ? (
                    <button type="button" className="secondary" onClick={() => void sendWalkCommand({ type: 'walk/start', tabId: tab.tabId, frameId: tab.frameId })}>
                      {t('listsContinue')}
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
