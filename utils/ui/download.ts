/**
 * Downloads from the extension page itself: an `<a download>` of a Blob URL, so
 * no downloads permission is needed. The URL is revoked after the click.
 */
export interface DownloadDeps {
  document: Pick<Document, 'createElement' | 'body'>;
  createObjectURL: (blob: Blob) => string;
  revokeObjectURL: (url: string) => void;
  defer: (fn: () => void) => void;
}

const defaultDeps = (): DownloadDeps => ({
  document,
  createObjectURL: (b) => URL.createObjectURL(b),
  revokeObjectURL: (u) => URL.revokeObjectURL(u),
  defer: (fn) => setTimeout(fn, 10_000),
});

/** A file name safe on Windows and macOS (no path separators or reserved characters). */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/gu, '-')
    .replace(/\s+/gu, ' ')
    .trim();
  return cleaned === '' ? 'tep' : cleaned.slice(0, 180);
}

export function downloadBlob(blob: Blob, fileName: string, deps: DownloadDeps = defaultDeps()): void {
  const url = deps.createObjectURL(blob);
  const a = deps.document.createElement('a');
  a.href = url;
  a.download = safeFileName(fileName);
  a.rel = 'noopener';
  a.style.display = 'none';
  deps.document.body.appendChild(a);
  a.click();
  a.remove();
  deps.defer(() => deps.revokeObjectURL(url));
}

export const CSV_MIME = 'text/csv;charset=utf-8';
export const JSON_MIME = 'application/json;charset=utf-8';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What an export function may hand back, turned into one Blob of the given type. */
export type BlobSource = Blob | string | ArrayBuffer | ArrayBufferView | readonly (string | Blob | ArrayBuffer | ArrayBufferView)[];

export function toBlob(value: BlobSource, type: string): Blob {
  if (value instanceof Blob) return value.type ? value : new Blob([value], { type });
  const parts = Array.isArray(value) ? value : [value];
  return new Blob(parts as BlobPart[], { type });
}
