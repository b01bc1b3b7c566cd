/** "Xóa dữ liệu": confirm in a dialog, then clearAll and report how many records went. */
import { useRef, useState } from 'react';
import { useI18n } from './I18n';
import { ConfirmDialog } from './ConfirmDialog';
import { Notice, type NoticeValue } from './Notice';
import { formatCount } from '../utils/ui/format';
import { clearAll } from '../utils/store/upsert';
import { purgeRowMemos } from '../utils/capture/memo-storage';
import type { KiemDemDB } from '../utils/store/db';

export function ClearDataPanel({ db }: { db: KiemDemDB }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<NoticeValue>(null);
  const opener = useRef<HTMLButtonElement>(null);

  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };
  const confirm = async () => {
    close();
    try {
      const n = await db.records.count();
      await clearAll(db);
      // Pages must not skip rows as "already given" once the store is empty.
      await purgeRowMemos();
      setNotice({ kind: 'ok', text: t('optCleared', { count: formatCount(n, lang) }) });
    } catch (e) {
      setNotice({ kind: 'error', text: t('optClearFailed', { message: e instanceof Error ? e.message : String(e) }) });
    }
  };

  return (
    <section className="card" aria-labelledby="clear-title" data-testid="clear-data">
      <h2 id="clear-title">{t('optData')}</h2>
      <p>{t('optClearIntro')}</p>
      <button ref={opener} type="button" className="danger" data-testid="clear-open" onClick={() => setOpen(true)}>
        {t('optClear')}
      </button>
      <ConfirmDialog
        open={open}
        title={t('optClearConfirmTitle')}
        text={t('optClearConfirmText')}
        word="XÓA"
        inputLabel={t('optClearConfirmInput')}
        confirmLabel={t('optClearConfirmButton')}
        cancelLabel={t('optCancel')}
        onConfirm={() => void confirm()}
        onCancel={close}
      />
      <Notice value={notice} testId="clear-status" />
    </section>
  );
}
