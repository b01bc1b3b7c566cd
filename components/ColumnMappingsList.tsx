/** Options: the saved "Ánh xạ cột" mappings, each listed by portal and columns, removable. */
import { useState } from 'react';
import { useI18n } from './I18n';
import { Notice, type NoticeValue } from './Notice';
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
        <table className="edit">
          <thead>
            <tr>
              <th scope="col">{t('optColumnMappingHost')}</th>
              <th scope="col">{t('optColumnMappingColumns')}</th>
              <th scope="col">
                <span className="sr-only">{t('optActionsHeader')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {mappings.map((m, n) => (
              <tr key={`${m.host}|${m.signature}`} data-testid="column-mapping-row">
                <td>{m.host}</td>
                <td>
                  {m.headers
                    .map((h, i) => `${h || '—'} → ${t(`mapField_${m.fields[i] ?? 'skip'}` as MessageKey)}`)
                    .join('; ')}
                </td>
                <td>
                  <button
                    type="button"
                    className="secondary small"
                    aria-label={t('optColumnMappingRemove', { host: m.host, n: n + 1 })}
                    onClick={() =>
                      void remove(m.host, m.signature)
                        .then(() => setStatus({ kind: 'ok', text: t('optColumnMappingRemoved') }))
                        .catch((e) => setStatus({ kind: 'error', text: t('optSaveError', { message: e instanceof Error ? e.message : String(e) }) }))
                    }
                  >
                    ✕
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Notice value={status} testId="column-mappings-status" />
    </section>
  );
}
