/**
 * A modal confirmation in the page (<dialog>): the user types a word (XÓA) to
 * enable the confirm button. Escape or "Hủy" cancels; focus returns to the opener.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { fold } from '../utils/text/fold';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  text: string;
  word: string;
  inputLabel: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog(p: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [typed, setTyped] = useState('');
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (p.open && !d.open) {
      setTyped('');
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
    } else if (!p.open && d.open) {
      d.close();
    }
  }, [p.open]);
  const matches = fold(typed) === fold(p.word);
  return (
    <dialog
      ref={ref}
      className="confirm"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      data-testid="confirm-dialog"
      onCancel={(e) => {
        e.preventDefault();
        p.onCancel();
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (matches) p.onConfirm();
        }}
      >
        <h2 id={`${id}-title`}>{p.title}</h2>
        <p id={`${id}-text`}>{p.text}</p>
        <label htmlFor={`${id}-word`}>{p.inputLabel}</label>
        <input
          id={`${id}-word`}
          type="text"
          autoComplete="off"
          autoFocus
          value={typed}
          data-testid="confirm-input"
          onChange={(e) => setTyped(e.target.value)}
        />
        <div className="buttons">
          <button type="submit" className="danger" aria-disabled={!matches} data-testid="confirm-yes">
            {p.confirmLabel}
          </button>
          <button type="button" className="secondary" data-testid="confirm-no" onClick={p.onCancel}>
            {p.cancelLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
