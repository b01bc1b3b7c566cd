/** Options: the saved "Ánh xạ cột" mappings, each listed by portal and columns, removable. */
import { useState } from 'react';
import { useI18n } from './I18n';
import { Notice, type NoticeValue } from './Notice';
import { RemovableRows } from './RemovableRows';
import type { MessageKey } from '../utils/i18n';
import type { ColumnMapping } from '../utils/settings';

export function ColumnMappingsList({ mappings, remove }: { mappings: readonly ColumnMapping[]; remove: (host: string, signature: string) => Promise<void> }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<NoticeValue>(null);
  return (
    <section className="card" aria-labelledby="colmap-title" data-testid="column-mappings">
      <h2 id="colmap-title">{t('optColumnMappings')}</h2>
      <p className="hint">{t('optColumnMappingsIntro')}</p>
      {mappings.length === 0 ? (
        <p className="muted">{t('optColumnMappingsEmpty')}</p>
      ) : (
        <RemovableRows
          className="edit"
          headers={[t('optColumnMappingHost'), t('optColumnMappingColumns')]}
          rows={mappings}
          rowKey={(m) => `${m.host}|${m.signature}`}
          rowTestId="column-mapping-row"
          removeLabel={(m, n) => t('optColumnMappingRemove', { host: m.host, n: n + 1 })}
          onRemove={(m) =>
            void remove(m.host, m.signature)
              .then(() => setStatus({ kind: 'ok', text: t('optColumnMappingRemoved') }))
              .catch((e) => setStatus({ kind: 'error', text: t('optSaveError', { message: e instanceof Error ? e.message : String(e) }) }))
          }
          cells={(m) => (
            <>
              <td>{m.host}</td>
              <td>{m.headers.map((h, i) => `${h || '—'} → ${t(`mapField_${m.fields[i] ?? 'skip'}` as MessageKey)}`).join('; ')}</td>
            </>
          )}
        />
      )}
      <Notice value={status} testId="column-mappings-status" />
    </section>
  );
}
