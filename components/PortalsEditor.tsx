/**
 * Portal addresses: the defaults read-only, extra ones added with a runtime host
 * permission (requested directly in the click handler, a user gesture) and saved
 * only when granted; removing one drops the permission, then saves.
 */
import { useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { useI18n } from './I18n';
import { Notice, type NoticeValue } from './Notice';
import { DEFAULT_PORTALS, normalisePortal } from '../utils/ui/portal';

export interface PortalsEditorProps {
  portals: readonly string[];
  /** Persist a new list (validated and saved by the caller). */
  save: (next: string[]) => Promise<void>;
}

export function PortalsEditor({ portals, save }: PortalsEditorProps) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [notice, setNotice] = useState<NoticeValue>(null);

  const add = () => {
    const parsed = normalisePortal(text);
    if (!parsed.ok) {
      setFieldError(t('optPortalInvalid'));
      return;
    }
    const pattern = parsed.pattern;
    if (portals.includes(pattern) || (DEFAULT_PORTALS as readonly string[]).includes(pattern)) {
      setFieldError(t('optPortalExists', { pattern }));
      return;
    }
    setFieldError(null);
    // Ask first, synchronously inside the click: the browser requires a user gesture.
    let request: Promise<boolean>;
    try {
      request = browser.permissions.request({ origins: [pattern] });
    } catch (e) {
      setNotice({ kind: 'error', text: t('optSaveError', { message: e instanceof Error ? e.message : String(e) }) });
      return;
    }
    void request
      .then(async (granted) => {
        if (!granted) {
          setNotice({ kind: 'error', text: t('optPortalDenied', { pattern }) });
          return;
        }
        await save([...portals, pattern]);
        setText('');
        setNotice({ kind: 'ok', text: t('optPortalGranted', { pattern }) });
      })
      .catch((e: unknown) => {
        setNotice({ kind: 'error', text: t('optPortalDenied', { pattern }), details: [e instanceof Error ? e.message : String(e)] });
      });
  };

  const remove = async (pattern: string) => {
    try {
      await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
      await save(portals.filter((p) => p !== pattern));
      setNotice({ kind: 'ok', text: t('optPortalRemoved', { pattern }) });
    } catch (e) {
      setNotice({ kind: 'error', text: t('optSaveError', { message: e instanceof Error ? e.message : String(e) }) });
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="portals">
      <h2 id={`${id}-title`}>{t('optPortals')}</h2>
      <p className="hint">{t('optPortalsIntro')}</p>
      <ul className="portal-list" data-testid="portal-list">
        {DEFAULT_PORTALS.map((p) => (
          <li key={p} data-pattern={p} data-default="true">
            <code>{p}</code> <span className="badge">{t('optPortalDefault')}</span>
          </li>
        ))}
        {portals.map((p) => (
          <li key={p} data-pattern={p}>
            <code>{p}</code>{' '}
            <button type="button" className="secondary small" aria-label={t('optPortalRemove', { pattern: p })} onClick={() => void remove(p)}>
              {t('optPortalRemove', { pattern: '' }).trim()}
            </button>
          </li>
        ))}
      </ul>
      {portals.length === 0 ? <p className="muted">{t('optPortalNone')}</p> : null}
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <label htmlFor={`${id}-input`}>{t('optPortalInput')}</label>
        <input
          id={`${id}-input`}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          size={40}
          placeholder="https://dichvucong.example.gov.vn"
          value={text}
          data-testid="portal-input"
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={`${id}-hint${fieldError ? ` ${id}-err` : ''}`}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" data-testid="portal-add">
          {t('optPortalAdd')}
        </button>
        <span id={`${id}-hint`} className="hint">
          {t('optPortalInputHint')}
        </span>
        {fieldError ? (
          <span id={`${id}-err`} className="error" role="alert" data-testid="portal-error">
            {fieldError}
          </span>
        ) : null}
      </form>
      <Notice value={notice} testId="portal-status" />
    </section>
  );
}
