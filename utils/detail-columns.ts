/**
 * The detail columns, once: for each column its record field, its header (the CSV
 * contract), how a record fills its CSV cell and its XLSX cell, and how a CSV cell is
 * read back. csv.ts, xlsx.ts and backup.ts all read this table, so a new column is one
 * entry here (appended at the end: the contract never inserts).
 */
import { formatDateTimeVn, isoToVn, parseDateTimeVn, vnToIso } from './dates-vn';
import type { StoredRecord } from './records';
import { UNASSIGNED } from './settings';
import { departmentLabel } from './tally';

export const KIND_LABEL = { dossier: 'Hồ sơ', result: 'Kết quả' } as const;
export const DIGITIZED_LABEL = { yes: 'Đã số hóa', no: 'Chưa số hóa', unknown: 'Chưa rõ' } as const;
export const SYNCED_LABEL = { yes: 'Đã đồng bộ', no: 'Chưa đồng bộ', unknown: 'Chưa rõ' } as const;

/** An XLSX cell, independent of the writer library (xlsx.ts turns it into the writer's cell). */
export type SheetValue =
  | { type: 'text'; value: string }
  | { type: 'number'; value: number }
  | { type: 'date'; iso: string }
  | { type: 'datetime'; ms: number }
  | null;

/** A detail row being read back: field → value, checked by recordSchema afterwards. */
export type DetailDraft = Record<string, unknown>;

export interface DetailColumn {
  /** Record field (or provenance field) the column holds. */
  field: string;
  /** Header text, exactly as the CSV contract writes it. */
  header: string;
  /** Lower-case name for messages ("bản ghi thứ 3: ngày ban hành không hợp lệ"). */
  name: string;
  /** Width of the XLSX column (characters). */
  width: number;
  csv(r: StoredRecord): string;
  xlsx(r: StoredRecord): SheetValue;
  /** Read the CSV cell into the draft; returns a Vietnamese problem, or null when fine. */
  parse(cell: string, draft: DetailDraft): string | null;
}

const text = (v: string | null | undefined): SheetValue => (v ? { type: 'text', value: v } : null);

function threeState(labels: { yes: string; no: string; unknown: string }) {
  return {
    csv: (v: boolean | null | undefined) => (v === true ? labels.yes : v === false ? labels.no : labels.unknown),
    parse: (cell: string): boolean | null | undefined =>
      cell === labels.yes ? true : cell === labels.no ? false : cell === labels.unknown || cell === '' ? null : undefined,
    message: (header: string) => `${header} phải là "${labels.yes}", "${labels.no}" hoặc "${labels.unknown}"`,
  };
}
const DIGITIZED = threeState(DIGITIZED_LABEL);
const SYNCED = threeState(SYNCED_LABEL);

type TextField = 'code' | 'resultNumber' | 'procedure' | 'field' | 'status';
function textColumn(field: TextField, header: string, name: string, width: number): DetailColumn {
  return {
    field,
    header,
    name,
    width,
    csv: (r) => r[field] ?? '',
    xlsx: (r) => text(r[field]),
    parse: (cell, d) => {
      d[field] = cell || null;
      return null;
    },
  };
}

type DateField = 'receivedAt' | 'dueAt' | 'resolvedAt' | 'issuedAt' | 'validUntil';
function dateColumn(field: DateField, header: string): DetailColumn {
  return {
    field,
    header,
    name: header.toLowerCase(),
    width: 12,
    csv: (r) => isoToVn(r[field]),
    xlsx: (r) => (r[field] ? { type: 'date', iso: r[field] } : null),
    parse: (cell, d) => {
      const iso = cell ? vnToIso(cell) : null;
      if (cell && !iso) return `${header} "${cell}" không phải ngày hợp lệ dạng dd/MM/yyyy`;
      d[field] = iso;
      return null;
    },
  };
}

export const DETAIL_TABLE: readonly DetailColumn[] = [
  {
    field: 'kind',
    header: 'Loại',
    name: 'loại',
    width: 9,
    csv: (r) => KIND_LABEL[r.kind],
    xlsx: (r) => text(KIND_LABEL[r.kind]),
    parse: (cell, d) => {
      const kind = cell === KIND_LABEL.dossier ? 'dossier' : cell === KIND_LABEL.result ? 'result' : null;
      if (!kind) return `Loại phải là "${KIND_LABEL.dossier}" hoặc "${KIND_LABEL.result}"`;
      d.kind = kind;
      return null;
    },
  },
  textColumn('code', 'Mã hồ sơ', 'mã hồ sơ', 28),
  textColumn('resultNumber', 'Số ký hiệu', 'số ký hiệu', 20),
  textColumn('procedure', 'Thủ tục', 'thủ tục', 50),
  textColumn('field', 'Lĩnh vực', 'lĩnh vực', 30),
  {
    field: 'department',
    header: 'Đơn vị',
    name: 'đơn vị',
    width: 36,
    csv: (r) => departmentLabel(r.department),
    xlsx: (r) => text(departmentLabel(r.department)),
    parse: (cell, d) => {
      d.department = cell === '' || cell === UNASSIGNED ? null : cell;
      return null;
    },
  },
  dateColumn('receivedAt', 'Ngày tiếp nhận'),
  dateColumn('dueAt', 'Ngày hẹn trả'),
  dateColumn('resolvedAt', 'Ngày có kết quả'),
  dateColumn('issuedAt', 'Ngày ban hành'),
  dateColumn('validUntil', 'Hiệu lực đến'),
  {
    // "Có" or empty: a non-permanent result comes back as null; both count the same.
    field: 'permanent',
    header: 'Vĩnh viễn',
    name: 'vĩnh viễn',
    width: 9,
    csv: (r) => (r.permanent === true ? 'Có' : ''),
    xlsx: (r) => text(r.permanent === true ? 'Có' : null),
    parse: (cell, d) => {
      if (cell !== '' && cell !== 'Có') return 'Vĩnh viễn phải là "Có" hoặc để trống';
      d.permanent = cell === 'Có' ? true : null;
      return null;
    },
  },
  textColumn('status', 'Trạng thái', 'trạng thái', 20),
  {
    field: 'statusCode',
    header: 'Mã trạng thái',
    name: 'mã trạng thái',
    width: 8,
    csv: (r) => (r.statusCode === null ? '' : String(r.statusCode)),
    xlsx: (r) => (r.statusCode === null ? null : { type: 'number', value: r.statusCode }),
    parse: (cell, d) => {
      if (cell !== '' && !/^\d{1,2}$/u.test(cell)) return `Mã trạng thái "${cell}" phải là số từ 1 đến 10`;
      d.statusCode = cell === '' ? null : Number(cell);
      return null;
    },
  },
  {
    field: 'digitized',
    header: 'Số hóa',
    name: 'số hóa',
    width: 13,
    csv: (r) => DIGITIZED.csv(r.digitized),
    xlsx: (r) => text(DIGITIZED.csv(r.digitized)),
    parse: (cell, d) => {
      const v = DIGITIZED.parse(cell);
      if (v === undefined) return DIGITIZED.message('Số hóa');
      d.digitized = v;
      return null;
    },
  },
  {
    field: 'sourceUrl',
    header: 'Nguồn',
    name: 'nguồn',
    width: 40,
    csv: (r) => r.sourceUrl,
    xlsx: (r) => text(r.sourceUrl),
    parse: (cell, d) => {
      if (cell.length > 4000) return 'Nguồn quá dài';
      d.sourceUrl = cell;
      return null;
    },
  },
  {
    field: 'lastSeen',
    header: 'Thu thập lúc',
    name: 'thời điểm thu thập',
    width: 17,
    csv: (r) => formatDateTimeVn(r.lastSeen),
    xlsx: (r) => ({ type: 'datetime', ms: r.lastSeen }),
    parse: (cell, d) => {
      const ms = parseDateTimeVn(cell);
      if (ms === null) return `Thu thập lúc "${cell}" phải có dạng dd/MM/yyyy HH:mm`;
      d.lastSeen = ms;
      return null;
    },
  },
  {
    field: 'synced',
    header: 'Đồng bộ kho',
    name: 'đồng bộ kho',
    width: 14,
    csv: (r) => SYNCED.csv(r.synced),
    xlsx: (r) => text(SYNCED.csv(r.synced)),
    parse: (cell, d) => {
      const v = SYNCED.parse(cell);
      if (v === undefined) return SYNCED.message('Đồng bộ kho');
      d.synced = v;
      return null;
    },
  },
];

export const DETAIL_COLUMNS: readonly string[] = DETAIL_TABLE.map((c) => c.header);

/** Header of a record field, for messages ("cột Thủ tục không hợp lệ"). */
export function columnOfField(field: string): DetailColumn | undefined {
  return DETAIL_TABLE.find((c) => c.field === field);
}
