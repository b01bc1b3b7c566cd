/** Editable department list (name + comma-separated aliases), with per-field errors. */
import { useI18n } from './I18n';
import { TextCell } from './TextCell';
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
                <TextCell id={`${r.id}-name`} label={t('optDeptName', { n })} value={r.name} error={nameErr} testId="dept-name" onChange={(v) => set(i, { name: v })} />
                <TextCell
                  id={`${r.id}-aliases`}
                  label={t('optDeptAliases', { n })}
                  value={r.aliases}
                  error={aliasErr}
                  testId="dept-aliases"
                  onChange={(v) => set(i, { aliases: v })}
                />
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
