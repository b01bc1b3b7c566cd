/**
 * The small in-page sign of a running walk, with its own stop control. A closed shadow
 * root (like the notice in utils/capture/toast.ts): the portal's CSS and scripts cannot
 * reach it, and it cannot touch the portal.
 */
export interface Indicator {
  update(text: string): void;
  remove(): void;
}

export function showIndicator(doc: Document, onStop: () => void): Indicator {
  if (!doc.body) return { update: () => undefined, remove: () => undefined };
  const host = doc.createElement('kiem-dem-tthc-walk');
  const root = host.attachShadow({ mode: 'closed' });
  const box = doc.createElement('div');
  box.setAttribute('role', 'status');
  box.style.cssText =
    'position:fixed;left:16px;bottom:16px;z-index:2147483647;max-width:380px;padding:8px 12px;display:flex;gap:10px;align-items:center;' +
    'background:#0d47a1;color:#fff;font:13px/1.4 system-ui,sans-serif;border-radius:6px;box-shadow:0 2px 8px rgba(0,0,0,.3)';
  const label = doc.createElement('span');
  label.textContent = 'Kiểm đếm TTHC: đang đọc tất cả các trang…';
  const stop = doc.createElement('button');
  stop.type = 'button';
  stop.textContent = 'Dừng';
  stop.style.cssText = 'background:#fff;color:#0d47a1;border:0;border-radius:4px;padding:3px 10px;font:inherit;cursor:pointer';
  stop.addEventListener('click', () => onStop());
  box.append(label, stop);
  root.append(box);
  doc.body.append(host);
  return {
    update: (text) => {
      label.textContent = text;
    },
    remove: () => host.remove(),
  };
}
