/** The counting period: three date inputs with validation and a "Mặc định" reset. */
import { useId } from 'react';
import { useI18n } from './I18n';
import { DEFAULT_PERIOD, validatePeriod, type Period } from '../utils/period';

export interface PeriodFormProps {
  value: Period;
  onChange: (p: Period) => void;
}

export function PeriodForm({ value, onChange }: PeriodFormProps) {
  const { t } = useI18n();
  const base = useId();
  const errors = validatePeriod(value);
  const field = (k: keyof Period, label: string, hint?: string) => {
    const id = `${base}-${k}`;
    const err = errors[k];
    const describedBy = [err ? `${id}-err` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          type="date"
          value={value[k]}
          required
          min="1900-01-01"
          max="2999-12-31"
          aria-invalid={err ? true : undefined}
          aria-describedby={describedBy}
          data-testid={`period-${k}`}
          onChange={(e) => onChange({ ...value, [k]: e.target.value })}
        />
        {hint ? (
          <span id={`${id}-hint`} className="hint">
            {hint}
          </span>
        ) : null}
        {err ? (
          <span id={`${id}-err`} className="error" role="alert">
            {t(err)}
          </span>
        ) : null}
      </div>
    );
  };
  return (
    <fieldset className="period" data-testid="period">
      <legend>{t('periodLegend')}</legend>
      <div className="period-fields">
        {field('from', t('periodFrom'))}
        {field('to', t('periodTo'))}
        {field('reference', t('periodReference'), t('periodReferenceHint'))}
        <button type="button" className="secondary" data-testid="period-reset" onClick={() => onChange({ ...DEFAULT_PERIOD })}>
          {t('periodReset')}
        </button>
      </div>
    </fieldset>
  );
}
