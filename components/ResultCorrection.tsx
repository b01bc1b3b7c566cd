/**
 * "Sửa tay một kết quả": find a result by dossier code or result number, correct its
 * department and/or digitization for the whole result (marked manual), with undo.
 * A form: Enter searches, every control has a label, messages are live regions.
 */
import { useId, useState } from 'react';
import { useI18n } from './I18n';
import { Notice, type NoticeValue } from './Notice';
import { formatCount } from '../utils/ui/format';
import { UNASSIGNED } from '../utils/settings';
import { departmentLabel } from '../utils/tally';
import type { KiemDemDB } from '../utils/store/db';
import { findResults } from '../utils/store/find';
import type { ResultRow } from '../utils/store/types';
import { correctResult, undoCorrection, type CorrectionUndo } from '../utils/store/upsert';

export function ResultCorrection({ db, departments }: { db: KiemDemDB; departments: readonly string[] }) {
  const { t, lang } = useI18n();
  const id = useId();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<ResultRow[] | null>(null);
  const [dept, setDept] = useState('');
  const [dig, setDig] = useState('');
  const [notice, setNotice] = useState<NoticeValue>(null);
  const [undo, setUndo] = useState<{ token: CorrectionUndo; label: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const labelOf = (r: ResultRow) => [r.code, r.resultNumber].filter(Boolean).join(' · ') || r.rkey;
  const stateText = (r: ResultRow) => (r.state === 'digitized' ? t('fixDigitizedYes') : r.state === 'pending' ? t('fixDigitizedNo') : t('colUnknown'));

  const search = async () => {
    setNotice(null);
    const rows = await findResults(db, query);
    setFound(rows);
    if (rows.length === 0) setNotice({ kind: 'error', text: t('fixNotFound', { query }) });
  };

  const save = async () => {
    if (!found || found.length === 0) return;
    if (!dept && !dig) {
      setNotice({ kind: 'error', text: t('fixNothing') });
      return;
    }
    setBusy(true);
    try {
      const label = found.map(labelOf).join(', ');
      const change = { ...(dept ? { department: dept } : {}), ...(dig ? { digitized: dig === 'yes' } : {}) };
      const { changed, undo: token } = await correctResult(db, found.map((r) => r.rkey), change);
      setUndo({ token, label });
      setNotice({ kind: 'ok', text: t('fixDone', { count: formatCount(changed, lang), label }) });
      setFound(await findResults(db, query));
    } catch (e) {
      setNotice({ kind: 'error', text: t('fixFailed', { message: e instanceof Error ? e.message : String(e) }) });
    } finally {
      setBusy(false);
    }
  };

  const revert = async () => {
    if (!undo) return;
    setBusy(true);
    try {
      await undoCorrection(db, undo.token);
      setNotice({ kind: 'ok', text: t('fixUndone', { label: undo.label }) });
      setUndo(null);
      setFound(await findResults(db, query));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="fix-result">
      <h2 id={`${id}-title`}>{t('fixTitle')}</h2>
      <p className="hint">{t('fixIntro')}</p>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void search();
        }}
      >
        <label htmlFor={`${id}-q`}>{t('fixSearchLabel')}</label>
        <input id={`${id}-q`} type="search" value={query} maxLength={200} data-testid="fix-query" onChange={(e) => setQuery(e.target.value)} />
        <button type="submit" data-testid="fix-search">
          {t('fixSearch')}
        </button>
      </form>
      {found && found.length > 0 ? (
        <>
          <ul data-testid="fix-found">
            {found.map((r) => (
              <li key={r.rkey} data-rkey={r.rkey}>
                {t('fixFound', { label: labelOf(r), department: departmentLabel(r.dept), state: stateText(r) })}
              </li>
            ))}
          </ul>
          <div className="row">
            <label htmlFor={`${id}-dept`}>{t('fixDeptLabel')}</label>
            <select id={`${id}-dept`} value={dept} data-testid="fix-dept" onChange={(e) => setDept(e.target.value)}>
              <option value="">{t('fixDeptKeep')}</option>
              {departments.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
              <option value={UNASSIGNED}>{UNASSIGNED}</option>
            </select>
            <label htmlFor={`${id}-dig`}>{t('fixDigitizedLabel')}</label>
            <select id={`${id}-dig`} value={dig} data-testid="fix-digitized" onChange={(e) => setDig(e.target.value)}>
              <option value="">{t('fixDigitizedKeep')}</option>
              <option value="yes">{t('fixDigitizedYes')}</option>
              <option value="no">{t('fixDigitizedNo')}</option>
            </select>
            <button type="button" data-testid="fix-save" disabled={busy} onClick={() => void save()}>
              {t('fixSave')}
            </button>
          </div>
        </>
      ) : null}
      {undo ? (
        <button type="button" className="secondary" data-testid="fix-undo" disabled={busy} onClick={() => void revert()}>
          {t('fixUndo')}
        </button>
      ) : null}
      <Notice value={notice} testId="fix-status" />
    </section>
  );
}
