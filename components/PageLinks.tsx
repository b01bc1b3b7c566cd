/**
 * Buttons that open the extension's own pages in a tab: the printable report and the
 * office's consolidation of units' files. Shown even with an empty store (the office
 * may only consolidate others' files).
 */
import { browser } from 'wxt/browser';
import { useI18n } from './I18n';

export type ExtensionPage = 'report.html' | 'consolidate.html';

export async function openExtensionPage(page: ExtensionPage, query = ''): Promise<void> {
  const url = browser.runtime.getURL(`/${page}` as '/popup.html') + query;
  await browser.tabs.create({ url });
}

export function PageLinks({ hasRecords }: { hasRecords: boolean }) {
  const { t } = useI18n();
  return (
    <nav className="page-links buttons" aria-label={t('openReport')}>
      {hasRecords ? (
        <button type="button" data-testid="open-report" onClick={() => void openExtensionPage('report.html')}>
          {t('openReport')}
        </button>
      ) : null}
      <button type="button" className="secondary" data-testid="open-consolidation" onClick={() => void openExtensionPage('consolidate.html')}>
        {t('openConsolidation')}
      </button>
    </nav>
  );
}
