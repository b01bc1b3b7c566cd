/**
 * "Chưa phân loại": records whose department could not be resolved, with a way to
 * assign them to a department from the settings (checkbox list + select + button).
 */
import { useId, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { AssignDepartment } from './AssignDepartment';
import { useI18n } from './I18n';
import { formatCount } from '../utils/ui/format';
import { safeHttpUrl } from '../utils/ui/worklist';
import { assignDepartment } from '../utils/store/upsert';
import type { KiemDemDB } from '../utils/store/db';

const SHOWN = 200;

export function UnassignedPanel({ db, departments }: { db: KiemDemDB; departments: readonly string[] }) {
  const { t, lang } = useI18n();
  const base = useId();
  const data = useLiveQuery(async () => {
    const coll = db.records.where('dept').equals('');
    const [count, rows] = await Promise.all([coll.count(), db.records.where('dept').equals('').limit(SHOWN).toArray()]);
    return { count, rows };
  }, [db]);
  const [all, setAll] = useState(true);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [dept, setDept] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  if (!data || data.count === 0) return null;

  const isPicked = (key: string) => all || picked.has(key);
  const toggle = (key: string) => {
    const next = new Set(all ? data.rows.map((r) => r.key) : picked);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setAll(false);
    setPicked(next);
  };

  const assign = async () => {
    if (!dept) {
      setMessage({ kind: 'error', text: t('unassignedNeedDept') });
      return;
    }
    const keys = all ? ((await db.records.where('dept').equals('').primaryKeys()) as string[]) : [...picked];
    if (keys.length === 0) {
      setMessage({ kind: 'error', text: t('unassignedNeedRecords') });
      return;
    }
    setBusy(true);
    try {
      const n = await assignDepartment(db, keys, dept);
      setMessage({ kind: 'ok', text: t('unassignedDone', { count: formatCount(n, lang), department: dept }) });
      setPicked(new Set());
      setAll(true);
    } catch (e) {
      setMessage({ kind: 'error', text: t('exportFailed', { message: e instanceof Error ? e.message : String(e) }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${base}-title`} data-testid="unassigned">
      <h2 id={`${base}-title`}>{t('unassignedTitle')}</h2>
      <p>{t('unassignedIntro', { count: formatCount(data.count, lang) })}</p>
      <fieldset className="unassigned-list">
        <legend className="sr-only">{t('unassignedTitle')}</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={all}
            data-testid="unassigned-all"
            onChange={(e) => {
              setAll(e.target.checked);
              setPicked(new Set());
            }}
          />
          {t('unassignedSelectAll')} ({formatCount(data.count, lang)})
        </label>
        <ul>
          {data.rows.map((r) => {
            const label = r.code ?? r.resultNumber ?? r.key;
            const href = safeHttpUrl(r.sourceUrl);
            return (
              <li key={r.key} data-testid="unassigned-item" data-key={r.key}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={isPicked(r.key)}
                    onChange={() => toggle(r.key)}
                    aria-label={t('unassignedSelectRecord', { code: label })}
                  />
                  <span className="code">{label}</span>
                  {r.kind === 'result' && r.code && r.resultNumber ? <span> · {r.resultNumber}</span> : null}
                  {r.field ? <span className="muted"> · {r.field}</span> : null}
                  {r.procedure ? <span className="muted procedure"> · {r.procedure}</span> : null}
                </label>
                {href ? (
                  <>
                    {' '}
                    <a href={href} target="_blank" rel="noreferrer" aria-label={t('worklistOpenLabel', { code: label })}>
                      {t('worklistOpen')}
                    </a>
                  </>
                ) : null}
              </li>
            );
          })}
        </ul>
        {data.count > data.rows.length ? (
          <p className="hint">{t('unassignedShowing', { shown: formatCount(data.rows.length, lang), count: formatCount(data.count, lang) })}</p>
        ) : null}
      </fieldset>
      <div className="row">
        <AssignDepartment
          id={`${base}-dept`}
          label={t('unassignedDeptLabel')}
          departments={departments}
          value={dept}
          onChange={setDept}
          selectTestId="unassigned-dept"
          button={t('unassignedAssign')}
          buttonTestId="unassigned-assign"
          disabled={busy}
          onAssign={() => void assign()}
        />
      </div>
      {message ? (
        <p className={message.kind === 'ok' ? 'ok' : 'error'} role={message.kind === 'ok' ? 'status' : 'alert'}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
