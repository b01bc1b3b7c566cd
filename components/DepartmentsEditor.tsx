/** Editable department list (name + comma-separated aliases), with per-field errors. */
import { useI18n } from './I18n';
import { RemovableRows } from './RemovableRows';
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
      <RemovableRows
        className="edit"
        headers={[t('optDeptNameHeader'), t('optDeptAliasesHeader')]}
        rows={rows}
        rowKey={(r) => r.id}
        rowTestId="dept-row"
        removeLabel={(_, i) => t('optDeptRemove', { n: i + 1 })}
        onRemove={(_, i) => onChange(rows.filter((_, j) => j !== i))}
        cells={(r, i) => (
          <>
            <TextCell id={`${r.id}-name`} label={t('optDeptName', { n: i + 1 })} value={r.name} error={errors[`dept.${r.id}.name`]} testId="dept-name" onChange={(v) => set(i, { name: v })} />
            <TextCell
              id={`${r.id}-aliases`}
              label={t('optDeptAliases', { n: i + 1 })}
              value={r.aliases}
              error={errors[`dept.${r.id}.aliases`]}
              testId="dept-aliases"
              onChange={(v) => set(i, { aliases: v })}
            />
          </>
        )}
      />
      <button type="button" className="secondary" data-testid="dept-add" onClick={() => onChange([...rows, { id: newId('d'), name: '', aliases: '' }])}>
        {t('optDeptAdd')}
      </button>
    </section>
  );
}
