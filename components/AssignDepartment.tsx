/**
 * Choose a configured department and apply it: the form of "Chưa phân loại" (assign the
 * picked records) and of each unknown department name (move its results). The caller
 * keeps the choice and does the work; this is the labelled select and its button.
 */
import { useI18n } from './I18n';

export interface AssignDepartmentProps {
  id: string;
  label: string;
  /** The label is read by screen readers only (the row already says what it is for). */
  hideLabel?: boolean;
  departments: readonly string[];
  value: string;
  onChange(value: string): void;
  button: string;
  buttonLabel?: string;
  selectTestId?: string;
  buttonTestId?: string;
  disabled?: boolean;
  onAssign(): void;
}

export function AssignDepartment({ id, label, hideLabel, departments, value, onChange, button, buttonLabel, selectTestId, buttonTestId, disabled, onAssign }: AssignDepartmentProps) {
  const { t } = useI18n();
  return (
    <>
      <label htmlFor={id} className={hideLabel ? 'sr-only' : undefined}>
        {label}
      </label>
      <select id={id} value={value} data-testid={selectTestId} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('unassignedDeptPlaceholder')}</option>
        {departments.map((d) => (
          <option key={d} value={d}>
            {d}
          </option>
        ))}
      </select>
      <button type="button" aria-label={buttonLabel} data-testid={buttonTestId} disabled={disabled} onClick={onAssign}>
        {button}
      </button>
    </>
  );
}
