/**
 * Department names read on pages that are not configured departments ("Trung tâm …"
 * kept as shown): each can be moved to a known department, like unassigned rows — for
 * every result of that name, all its records.
 */
import { useId, useState } from 'react';
import { useLiveQueryFor } from './useLiveQueryFor';
import { AssignDepartment } from './AssignDepartment';
import { useI18n } from './I18n';
import { Notice, type NoticeValue } from './Notice';
import { formatCount } from '../utils/ui/format';
import type { KiemDemDB } from '../utils/store/db';
import { resultsOfDept, unknownDepartments } from '../utils/store/find';
import { correctResult } from '../utils/store/upsert';

export function UnknownDepartments({ db, departments }: { db: KiemDemDB; departments: readonly string[] }) {
  const { t, lang } = useI18n();
  const id = useId();
  // Only the names unknown to the departments as they are now (not before an edit).
  const names = useLiveQueryFor(departments.join('\u0000'), () => unknownDepartments(db, departments));
  const [target, setTarget] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<NoticeValue>(null);
  if (!names || names.length === 0) return notice ? <Notice value={notice} testId="unknown-dept-status" /> : null;

  const move = async (from: string) => {
    const to = target[from];
    if (!to) {
      setNotice({ kind: 'error', text: t('unassignedNeedDept') });
      return;
    }
    const rkeys = (await resultsOfDept(db, from).primaryKeys()) as string[];
    const { changed } = await correctResult(db, rkeys, { department: to });
    setNotice({ kind: 'ok', text: t('unknownDeptDone', { count: formatCount(changed, lang), from, to }) });
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="unknown-departments">
      <h2 id={`${id}-title`}>{t('unknownDeptTitle')}</h2>
      <p className="hint">{t('unknownDeptIntro')}</p>
      <ul>
        {names.map(({ name, count }, i) => (
          <li key={name} className="row" data-testid="unknown-dept-item" data-dept={name}>
            <span>{t('unknownDeptItem', { department: name, count: formatCount(count, lang) })}</span>
            <AssignDepartment
              id={`${id}-${i}`}
              label={t('unknownDeptTarget', { department: name })}
              hideLabel
              departments={departments}
              value={target[name] ?? ''}
              onChange={(v) => setTarget({ ...target, [name]: v })}
              button={t('unknownDeptMove')}
              buttonLabel={t('unknownDeptMoveLabel', { department: name })}
              onAssign={() => void move(name)}
            />
          </li>
        ))}
      </ul>
      <Notice value={notice} testId="unknown-dept-status" />
    </section>
  );
}
