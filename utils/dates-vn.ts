/**
 * Vietnamese date formats for exports and imports. Vietnam has kept UTC+7 without
 * daylight saving since 1975, so a fixed offset gives Asia/Ho_Chi_Minh wall time
 * exactly — and 100k rows format without an Intl call each.
 */

const VN_OFFSET_MS = 7 * 3600 * 1000;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** '2023-06-15' → '15/06/2023'; null/empty → ''. */
export function isoToVn(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

function isRealDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Strict 'dd/MM/yyyy' → ISO, or null for anything else (including 31/02). Never `new Date(string)`. */
export function vnToIso(text: string): string | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/u.exec(text.trim());
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(y, mo, d) ? `${m[3]}-${m[2]}-${m[1]}` : null;
}

/** Epoch ms → 'dd/MM/yyyy HH:mm' in Vietnam time. */
export function formatDateTimeVn(ms: number): string {
  const t = new Date(ms + VN_OFFSET_MS);
  return `${pad(t.getUTCDate())}/${pad(t.getUTCMonth() + 1)}/${t.getUTCFullYear()} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}

/** Strict 'dd/MM/yyyy HH:mm' (Vietnam time) → epoch ms, or null. */
export function parseDateTimeVn(text: string): number | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})$/u.exec(text.trim());
  if (!m) return null;
  const [d, mo, y, h, mi] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])];
  if (!isRealDate(y, mo, d) || h > 23 || mi > 59) return null;
  return Date.UTC(y, mo - 1, d, h, mi) - VN_OFFSET_MS;
}

/** Today's date in Vietnam as 'yyyy-MM-dd' (file names). */
export function todayIsoVn(now: number = Date.now()): string {
  const t = new Date(now + VN_OFFSET_MS);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}
