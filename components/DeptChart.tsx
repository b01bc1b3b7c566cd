/**
 * Digitized vs pending (and unknown) per department as plain CSS bars, each with
 * its numbers in text. No chart library.
 */
import { useI18n } from './I18n';
import { formatCount } from '../utils/ui/format';
import type { DepartmentTotal } from '../utils/tally';

export function DeptChart({ departments }: { departments: readonly DepartmentTotal[] }) {
  const { t, lang } = useI18n();
  if (departments.length === 0) return null;
  const max = Math.max(1, ...departments.map((d) => d.total));
  const pct = (n: number) => `${((n / max) * 100).toFixed(2)}%`;
  return (
    <figure className="chart" aria-label={t('chartLabel')} data-testid="dept-chart">
      <figcaption>{t('chartTitle')}</figcaption>
      <ul className="legend" aria-hidden="true">
        <li>
          <span className="swatch digitized" /> {t('chartLegendDigitized')}
        </li>
        <li>
          <span className="swatch pending" /> {t('chartLegendPending')}
        </li>
        <li>
          <span className="swatch unknown" /> {t('chartLegendUnknown')}
        </li>
      </ul>
      <ul className="bars">
        {departments.map((d) => {
          const label = t('chartBarLabel', {
            department: d.department,
            digitized: formatCount(d.digitized, lang),
            pending: formatCount(d.pending, lang),
            unknown: formatCount(d.unknown, lang),
          });
          return (
            <li key={d.department} className="bar-row" data-dept={d.department}>
              <span className="sr-only">{label}</span>
              <span className="bar-name" aria-hidden="true" title={d.department}>
                {d.department}
              </span>
              <span className="bar" aria-hidden="true">
                <span className="seg digitized" style={{ width: pct(d.digitized) }} />
                <span className="seg pending" style={{ width: pct(d.pending) }} />
                <span className="seg unknown" style={{ width: pct(d.unknown) }} />
              </span>
              <span className="bar-values" aria-hidden="true" title={label}>
                <span className="v digitized">✓ {formatCount(d.digitized, lang)}</span>
                {' · '}
                <span className="v pending">✗ {formatCount(d.pending, lang)}</span>
                {d.unknown > 0 ? (
                  <>
                    {' · '}
                    <span className="v unknown">? {formatCount(d.unknown, lang)}</span>
                  </>
                ) : null}
              </span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
