/**
 * The last storage failure, kept in extension storage (not in IndexedDB: when IndexedDB is
 * the thing failing, the report must not depend on it). The worker sets it when a write
 * fails and clears it after the next write succeeds; the popup shows it.
 */
import { z } from 'zod';
import './zod-config';

export const STORAGE_ERROR_KEY = 'storageError';

export const storageErrorSchema = z.object({ message: z.string().min(1).max(1000), at: z.number() });
export type StorageError = z.infer<typeof storageErrorSchema>;

/** Vietnamese text for a failed IndexedDB operation, by the error's name. */
export function storageErrorMessage(error: unknown): string {
  // Dexie wraps the browser's error: `inner` for one operation, `failures` for a bulk write.
  const e = error as { name?: string; inner?: { name?: string }; failures?: { name?: string }[] } | null;
  const names = [e?.name, e?.inner?.name, ...(Array.isArray(e?.failures) ? e.failures.slice(0, 5).map((f) => f?.name) : [])];
  const has = (n: string) => names.includes(n);
  if (has('QuotaExceededError')) {
    return 'Bộ nhớ trình duyệt đã đầy nên chưa lưu được các dòng mới. Hãy xuất CSV/sao lưu rồi giải phóng dung lượng ổ đĩa; các dòng chưa lưu vẫn đang chờ và sẽ được lưu lại tự động.';
  }
  // Chromium cannot open its IndexedDB files at all: in practice a full disk.
  if (has('UnknownError') || has('DatabaseClosedError') || has('OpenFailedError')) {
    return 'Trình duyệt không mở được kho dữ liệu của tiện ích (thường do ổ đĩa đầy). Hãy giải phóng dung lượng ổ đĩa; các dòng chưa lưu vẫn chờ trên các trang cổng đang mở và sẽ tự lưu khi kho mở lại được — đừng đóng các trang đó trước. Nên bấm "Sao lưu" thường xuyên.';
  }
  if (has('VersionError')) {
    return 'Dữ liệu trong trình duyệt do một phiên bản mới hơn của Kiểm đếm TTHC tạo ra nên phiên bản này không mở được. Hãy cài lại phiên bản mới nhất; các dòng chưa lưu vẫn đang chờ trên trang cổng.';
  }
  const name = [...new Set(names.filter(Boolean))].join('/') || 'lỗi không rõ';
  return `Chưa lưu được dữ liệu vào bộ nhớ trình duyệt (${name}). Các dòng chưa lưu vẫn đang chờ trên các trang cổng đang mở và sẽ được thử lại tự động. Nếu ổ đĩa sắp đầy, hãy giải phóng dung lượng.`;
}

export function parseStorageError(value: unknown): StorageError | null {
  const r = storageErrorSchema.safeParse(value);
  return r.success ? r.data : null;
}
