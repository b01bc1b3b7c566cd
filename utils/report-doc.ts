/**
 * The report's wording, pure: the header lines of an administrative document (Nghị
 * định 30/2020/NĐ-CP: governing and issuing body top left with the số/ký hiệu, Quốc hiệu
 * and tiêu ngữ top right, place and date, title), the summary sentence and the notes.
 */
import type { ReportHeader } from './settings';
import type { ListRow } from './store/types';
import type { Counts } from './tally';

/** "SỞ KHOA HỌC VÀ CÔNG NGHỆ" → "SKHCN": first letters, "và" left out (the usual ký hiệu). */
export function abbreviation(body: string): string {
  return body
    .normalize('NFC')
    .split(/[\s\-–,&]+/u)
    .filter((w) => w && !/^(và|va)$/iu.test(w))
    .map((w) => w[0]!.toLocaleUpperCase('vi'))
    .join('');
}

/** Date line per Nghị định 30: day below 10 and months 1, 2 get a leading zero. */
export function dateLine(place: string, isoDay: string): string {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  const day = d < 10 ? `0${d}` : String(d);
  const month = m <= 2 ? `0${m}` : String(m);
  return `${place ? `${place}, ` : ''}ngày ${day} tháng ${month} năm ${y}`;
}

export const REPORT_TITLE = 'BÁO CÁO';
export const REPORT_SUBTITLE = 'Kết quả rà soát, kiểm đếm số hóa kết quả giải quyết thủ tục hành chính còn hiệu lực';

export interface ReportNotes {
  unknown: number;
  syncUnknown: number;
}

export function notesOf(grand: Counts): ReportNotes {
  return { unknown: grand.unknown, syncUnknown: Math.max(0, grand.total - grand.synced - grand.unsynced) };
}

export interface CoverageNote {
  /** Lists of the portal read (a page of them at least). */
  lists: number;
  /** Lists whose stated total is reached. */
  complete: number;
  /** Lists that print no total: their coverage is not known. */
  unknownTotal: number;
  /** Lists below their stated total, least covered first (label, captured, stated). */
  incomplete: { label: string; captured: number; stated: number }[];
}

/** What the report says about coverage: which lists were read to the end, which were not. */
export function coverageNoteOf(lists: readonly ListRow[]): CoverageNote {
  const incomplete = lists
    .filter((l) => l.statedTotal !== null && l.captured < l.statedTotal)
    .map((l) => ({ label: l.label, captured: l.captured, stated: l.statedTotal as number }))
    .sort((a, b) => a.captured / a.stated - b.captured / b.stated || a.label.localeCompare(b.label, 'vi'));
  const unknownTotal = lists.filter((l) => l.statedTotal === null).length;
  return { lists: lists.length, complete: lists.length - unknownTotal - incomplete.length, unknownTotal, incomplete };
}

/** Recipients as written under "Nơi nhận:": "- X;" and the last "- Y." */
export function recipientLines(header: ReportHeader): string[] {
  const list = header.recipients.filter((r) => r.trim() !== '');
  return list.map((r, i) => `- ${r.replace(/[;.]\s*$/u, '')}${i === list.length - 1 ? '.' : ';'}`);
}
