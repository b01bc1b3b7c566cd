/** Editable lĩnh vực → department table; the department is chosen from the list. */
import { useI18n } from './I18n';
import { RemovableRows } from './RemovableRows';
import { TextCell } from './TextCell';
import { newId, type DeptDraft, type FormErrors, type MappingDraft } from '../utils/ui/settingsForm';

export interface FieldMappingEditorProps {
  rows: MappingDraft[];
  departments: readonly DeptDraft[];
  errors: FormErrors;
  onChange: (rows: MappingDraft[]) => void;
}

export function FieldMappingEditor({ rows, departments, errors, onChange }: FieldMappingEditorProps) {
  const { t } = useI18n();
  const set = (i: number, patch: Partial<MappingDraft>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <section className="card" aria-labelledby="map-title" data-testid="field-mapping">
      <h2 id="map-title">{t('optMapping')}</h2>
      <p className="hint">{t('optMappingIntro')}</p>
      <RemovableRows
        className="edit"
        headers={[t('optFieldHeader'), t('optMappingDeptHeader')]}
        rows={rows}
        rowKey={(r) => r.id}
        rowTestId="mapping-row"
        removeLabel={(_, i) => t('optMappingRemove', { n: i + 1 })}
        onRemove={(_, i) => onChange(rows.filter((_, j) => j !== i))}
        cells={(r, i) => {
          const n = i + 1;
          const fieldErr = errors[`map.${r.id}.field`];
          const deptErr = errors[`map.${r.id}.department`];
          const linked = r.deptRef !== null && departments.some((d) => d.id === r.deptRef);
          const stale = !linked && r.department !== '' ? `name:${r.department}` : null;
          const value = linked ? r.deptRef! : (stale ?? '');
          return (
            <>
              <TextCell id={`${r.id}-field`} label={t('optMappingField', { n })} value={r.field} error={fieldErr} testId="mapping-field" onChange={(v) => set(i, { field: v })} />
              <td>
                <label className="sr-only" htmlFor={`${r.id}-dept`}>
                  {t('optMappingDept', { n })}
                </label>
                <select
                  id={`${r.id}-dept`}
                  value={value}
                  data-testid="mapping-dept"
                  aria-invalid={deptErr ? true : undefined}
                  aria-describedby={deptErr ? `${r.id}-dept-err` : undefined}
                  onChange={(e) => {
                    const v = e.target.value;
                    if (v.startsWith('name:')) return;
                    const row = departments.find((d) => d.id === v);
                    set(i, { deptRef: row ? row.id : null, department: row ? row.name : '' });
                  }}
                >
                  <option value="">{t('unassignedDeptPlaceholder')}</option>
                  {stale ? <option value={stale}>{r.department}</option> : null}
                  {departments.map((d, k) => (
                    <option key={d.id} value={d.id}>
                      {d.name.trim() || t('optDeptName', { n: k + 1 })}
                    </option>
                  ))}
                </select>
                {deptErr ? (
                  <span id={`${r.id}-dept-err`} className="error field-error">
                    {t(deptErr)}
                  </span>
                ) : null}
              </td>
            </>
          );
        }}
      />
      <button
        type="button"
        className="secondary"
        data-testid="mapping-add"
        onClick={() => onChange([...rows, { id: newId('m'), field: '', deptRef: null, department: '' }])}
      >
        {t('optMappingAdd')}
      </button>
    </section>
  );
}
