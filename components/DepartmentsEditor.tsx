/** Editable department list (name + comma-separated aliases), with per-field errors. */
import { useI18n } from './I18n';
import { newId, type DeptDraft, type FormErrors } from '../utils/ui/settingsForm';

export interface DepartmentsEditorProps {
  rows: DeptDraft[];
  errors: FormErrors;
  onChange: (rows: DeptDraft[]) => void;
}

export function DepartmentsEditor({ rows, errors, onChange }: DepartmentsEditorProps) {
  const { t } = useI18n();
  const set = (i: number, patch: Partial<DeptDraft>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <section className="card" aria-labelledby="dept-title" data-testid="departments">
      <h2 id="dept-title">{t('optDepartments')}</h2>
      <p className="hint">{t('optDepartmentsIntro')}</p>
      <table className="edit">
        <thead>
          <tr>
            <th scope="col">{t('optDeptNameHeader')}</th>
            <th scope="col">{t('optDeptAliasesHeader')}</th>
            <th scope="col">
              <span className="sr-only">{t('optActionsHeader')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const n = i + 1;
            const nameErr = errors[`dept.${r.id}.name`];
            const aliasErr = errors[`dept.${r.id}.aliases`];
            return (
              <tr key={r.id} data-testid="dept-row">
                <td>
                  <label className="sr-only" htmlFor={`${r.id}-name`}>
                    {t('optDeptName', { n })}
                  </label>
                  <input
                    id={`${r.id}-name`}
                    type="text"
                    value={r.name}
                    data-testid="dept-name"
                    aria-invalid={nameErr ? true : undefined}
                    aria-describedby={nameErr ? `${r.id}-name-err` : undefined}
                    onChange={(e) => set(i, { name: e.target.value })}
                  />
                  {nameErr ? (
                    <span id={`${r.id}-name-err`} className="error field-error">
                      {t(nameErr)}
                    </span>
                  ) : null}
                </td>
                <td>
                  <label className="sr-only" htmlFor={`${r.id}-aliases`}>
                    {t('optDeptAliases', { n })}
                  </label>
                  <input
                    id={`${r.id}-aliases`}
                    type="text"
                    value={r.aliases}
                    data-testid="dept-aliases"
                    aria-invalid={aliasErr ? true : undefined}
                    aria-describedby={aliasErr ? `${r.id}-aliases-err` : undefined}
                    onChange={(e) => set(i, { aliases: e.target.value })}
                  />
                  {aliasErr ? (
                    <span id={`${r.id}-aliases-err`} className="error field-error">
                      {t(aliasErr)}
                    </span>
                  ) : null}
                </td>
                <td>
                  <button type="button" className="secondary small" aria-label={t('optDeptRemove', { n })} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                    ✕
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" className="secondary" data-testid="dept-add" onClick={() => onChange([...rows, { id: newId('d'), name: '', aliases: '' }])}>
        {t('optDeptAdd')}
      </button>
    </section>
  );
}
