/**
 * A deterministic store population for the popup and export figures, written as a
 * backup file so the store is filled through the product's own import path.
 */
import { DEFAULT_SETTINGS } from '../../../utils/settings';

const DEPTS = DEFAULT_SETTINGS.departments.map((d) => d.name);
const PROCEDURES = [
  'Thủ tục cấp Giấy chứng nhận doanh nghiệp khoa học và công nghệ',
  'Cấp giấy phép tiến hành công việc bức xạ - Sử dụng thiết bị X-quang chẩn đoán trong y tế',
  'Đăng ký công bố hợp quy đối với sản phẩm, hàng hóa sản xuất trong nước',
  'Cấp Giấy chứng nhận đăng ký chuyển giao công nghệ',
];

const DAY = 86_400_000;
const START = Date.UTC(2018, 0, 1);
const SPAN_DAYS = Math.floor((Date.UTC(2024, 11, 31) - START) / DAY);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Records `from`…`to - 1` of one population: pairs of a dossier and, for three in four,
 * its result (so the tally joins them), every tenth a result known only by its number.
 * Each index gives distinct keys; the same index always gives the same record.
 */
export function generateRecords(from: number, to: number): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const at = 1_700_000_000_000;
  for (let i = from; i < to; i++) {
    let seed = (20230630 + i * 7919) % 2 ** 31;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const received = START + Math.floor(rand() * SPAN_DAYS) * DAY;
    const d = iso(received);
    const code = `000.00.13.H37-${d.slice(2, 4)}${d.slice(5, 7)}${d.slice(8, 10)}-${String(i).padStart(6, '0')}`;
    const dept = rand() < 0.03 ? null : pick(DEPTS);
    const base = {
      code: null, resultNumber: null, procedure: pick(PROCEDURES), field: null, department: dept, departmentFrom: dept ? 'column' : null,
      receivedAt: null, dueAt: null, resolvedAt: null, issuedAt: null, validUntil: null, permanent: null, status: null, statusCode: null,
      digitized: null, firstSeen: at, lastSeen: at + i, sourceUrl: `https://motcua.langson.gov.vn/vi/dossier/search?page=${Math.floor(i / 50)}`,
    };
    const resolved = iso(received + Math.floor(rand() * 20) * DAY);
    if (i % 10 === 9) {
      out.push({ ...base, kind: 'result', resultNumber: `${i}/GCN-SKHCN`, issuedAt: resolved, permanent: true, digitized: rand() < 0.7 });
    } else if (i % 4 === 3) {
      out.push({ ...base, kind: 'dossier', code, receivedAt: d, dueAt: iso(received + 15 * DAY), status: 'Đang xử lý', statusCode: 4 });
    } else {
      const v = rand();
      out.push({ ...base, kind: i % 2 === 0 ? 'dossier' : 'result', code, ...(i % 2 === 0
        ? { receivedAt: d, resolvedAt: resolved, status: 'Đã trả kết quả', statusCode: 10, digitized: rand() < 0.1 ? null : rand() < 0.7 }
        : { resultNumber: `${i}/GP-SKHCN`, issuedAt: resolved, permanent: v < 0.5 ? true : null, validUntil: v >= 0.8 ? `${Number(resolved.slice(0, 4)) + 5}${resolved.slice(4)}` : null, digitized: rand() < 0.1 ? null : rand() < 0.7 }) });
    }
  }
  return out;
}

/** The records as a backup file of the product's format. */
export function backupText(records: Record<string, unknown>[]): string {
  return `{"app":"kiem-dem-tthc","version":1,"exportedAt":"${new Date().toISOString()}","records":[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]}\n`;
}
