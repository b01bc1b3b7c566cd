/**
 * One small notice on the portal page, inside a closed shadow root so the
 * portal's CSS cannot touch it and it cannot touch the portal.
 */
/** Shows the notice; returns a function that removes it. */
export function showToast(doc: Document, text: string): () => void {
  if (!doc.body) return () => undefined;
  const host = doc.createElement('kiem-dem-tthc-toast');
  const root = host.attachShadow({ mode: 'closed' });
  const box = doc.createElement('div');
  box.setAttribute('role', 'status');
  box.textContent = text;
  box.style.cssText =
    'position:fixed;right:16px;bottom:16px;z-index:2147483647;max-width:360px;padding:10px 14px;' +
    'background:#263238;color:#fff;font:14px/1.4 system-ui,sans-serif;border-radius:6px;box-shadow:0 2px 8px rgba(0,0,0,.3)';
  const close = doc.createElement('button');
  close.type = 'button';
  close.textContent = '×';
  close.setAttribute('aria-label', 'Đóng');
  close.style.cssText = 'margin-left:10px;background:none;border:0;color:#fff;font-size:16px;cursor:pointer';
  close.addEventListener('click', () => host.remove());
  box.append(close);
  root.append(box);
  doc.body.append(host);
  return () => host.remove();
}
