/** The report's header and signer block (options page): governing/issuing body, unit, place, signer, recipients. */
import { useI18n } from './I18n';
import type { FormErrors, ReportDraft } from '../utils/ui/settingsForm';
import type { MessageKey } from '../utils/i18n';

const FIELDS: readonly (readonly [keyof Omit<ReportDraft, 'recipients'>, MessageKey])[] = [
  ['governingBody', 'optReportGoverning'],
  ['issuingBody', 'optReportIssuing'],
  ['unit', 'optReportUnit'],
  ['place', 'optReportPlace'],
  ['signerTitle', 'optReportSignerTitle'],
  ['signerName', 'optReportSignerName'],
];

export function ReportHeaderEditor({ value, errors, onChange }: { value: ReportDraft; errors: FormErrors; onChange: (v: ReportDraft) => void }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="report-header-title" data-testid="report-header">
      <h2 id="report-header-title">{t('optReport')}</h2>
      <p className="hint">{t('optReportIntro')}</p>
      <div className="report-fields">
        {FIELDS.map(([k, label]) => {
          const err = errors[`report.${k}`];
          return (
            <div className="field" key={k}>
              <label htmlFor={`report-${k}`}>{t(label)}</label>
              <input
                id={`report-${k}`}
                type="text"
                value={value[k]}
                aria-invalid={err ? true : undefined}
                aria-describedby={err ? `report-${k}-err` : undefined}
                onChange={(e) => onChange({ ...value, [k]: e.target.value })}
              />
              {err ? (
                <span id={`report-${k}-err`} className="error" role="alert">
                  {t(err)}
                </span>
              ) : null}
            </div>
          );
        })}
        <div className="field wide">
          <label htmlFor="report-recipients">{t('optReportRecipients')}</label>
          <textarea id="report-recipients" rows={4} value={value.recipients} onChange={(e) => onChange({ ...value, recipients: e.target.value })} />
          {errors['report.recipients'] ? (
            <span className="error" role="alert">
              {t(errors['report.recipients'])}
            </span>
          ) : null}
        </div>
      </div>
    </section>
  );
}
