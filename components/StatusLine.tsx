/** Stored-record count, rejected rows by reason, and a storage error banner. */
import { useI18n } from './I18n';
import { formatCount } from '../utils/ui/format';
import { formatDateTimeVn } from '../utils/text/dates';
import type { StorageError } from '../utils/storage-error';
import { rejectedEntries } from '../utils/ui/rejected';

export function StorageErrorBanner({ error }: { error: StorageError | null }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <div role="alert" className="banner error" data-testid="storage-error">
      {t('statusErrorBanner', { at: formatDateTimeVn(error.at) || '—', message: error.message })}
    </div>
  );
}

export function StatusLine({ count, rejected }: { count: number; rejected: unknown }) {
  const { t, lang } = useI18n();
  const entries = rejectedEntries(rejected);
  return (
    <p className="status-line" data-testid="status-line">
      <span data-testid="record-count" data-value={count}>
        {t('statusRecords', { count: formatCount(count, lang) })}
      </span>
      {entries.length > 0 ? (
        <>
          {' '}
          <span data-testid="rejected">
            {t('statusRejected', {
              list: entries.map(([reason, n]) => t('rejectedReason', { reason, count: formatCount(n, lang) })).join('; '),
            })}
          </span>
        </>
      ) : null}
    </p>
  );
}
