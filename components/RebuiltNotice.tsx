/** Shown once a write found a tally count below zero and rebuilt the derived tables itself. */
import { useI18n } from './I18n';
import { formatTimestampVN } from '../utils/ui/format';

/** The write that found a count below zero rebuilt the tally itself: say so, once it happened. */
export function RebuiltNotice({ value }: { value: unknown }) {
  const { t } = useI18n();
  const at = (value as { at?: number } | undefined)?.at;
  if (typeof at !== 'number') return null;
  return (
    <p className="hint" role="status" data-testid="rebuilt-notice">
      {t('rebuiltNotice', { at: formatTimestampVN(at) })}
    </p>
  );
}
