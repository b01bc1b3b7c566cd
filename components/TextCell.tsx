/** A labelled text input for an editable table cell, with its own error message (options page). */
import type { MessageKey } from '../utils/i18n';
import { useI18n } from './I18n';

export interface TextCellProps {
  id: string;
  label: string;
  value: string;
  error?: MessageKey;
  testId: string;
  onChange(value: string): void;
}

export function TextCell({ id, label, value, error, testId, onChange }: TextCellProps) {
  const { t } = useI18n();
  return (
    <td>
      <label className="sr-only" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type="text"
        value={value}
        data-testid={testId}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error ? (
        <span id={`${id}-err`} className="error field-error">
          {t(error)}
        </span>
      ) : null}
    </td>
  );
}
