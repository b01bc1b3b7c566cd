/**
 * User settings (options page): departments with aliases, the lĩnh vực → department
 * mapping and extra portal addresses. Validated with zod on every save and read.
 */
import { z } from 'zod';
import './zod-config';
import { isPersonalHeader } from './vocab/personal-columns';

const name = z.string().trim().min(2, 'Tên quá ngắn').max(200, 'Tên quá dài');

export const departmentSchema = z.object({
  name,
  aliases: z.array(z.string().trim().min(1).max(200)).max(50),
});

/** A match pattern for a portal: scheme://host/* with an optional leading wildcard label. */
export const portalPatternSchema = z
  .string()
  .trim()
  .regex(
    /^(\*|https?):\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?\/\*$/u,
    'Địa chỉ cổng phải có dạng https://ten-mien.gov.vn/* hoặc *://*.ten-mien.gov.vn/*',
  );

// Marked free of side effects: the content script shares this module but must not carry zod (wxt.config.ts).
const line = /* @__NO_SIDE_EFFECTS__ */ (max: number) => z.string().trim().max(max, 'Quá dài');

/** The report's header and signer block (Nghị định 30/2020/NĐ-CP layout), editable in options. */
export const reportHeaderSchema = z.object({
  /** Cơ quan chủ quản, e.g. "UBND TỈNH LẠNG SƠN". */
  governingBody: line(200),
  /** Cơ quan ban hành, e.g. "SỞ KHOA HỌC VÀ CÔNG NGHỆ". */
  issuingBody: line(200),
  /** Đơn vị báo cáo (a department of the issuing body), may be empty. */
  unit: line(200),
  /** Địa danh of the date line, e.g. "Lạng Sơn". */
  place: line(100),
  signerTitle: line(200),
  signerName: line(200),
  /** "Nơi nhận" lines. */
  recipients: z.array(z.string().trim().min(1).max(200)).max(20),
});
export type ReportHeader = z.infer<typeof reportHeaderSchema>;

export const DEFAULT_REPORT_HEADER: ReportHeader = {
  governingBody: 'UBND TỈNH LẠNG SƠN',
  issuingBody: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
  unit: '',
  place: 'Lạng Sơn',
  signerTitle: 'GIÁM ĐỐC',
  signerName: '',
  recipients: ['Văn phòng Sở', 'Lưu: VT'],
};
/** What a clerk may map a column to ("Ánh xạ cột"); 'skip' is "Bỏ qua". */
export const MAPPABLE_FIELDS = [
  'code', 'resultNumber', 'procedure', 'field', 'department', 'receivedAt', 'dueAt', 'resolvedAt', 'issuedAt',
  'validUntil', 'status', 'digitized', 'synced', 'skip',
] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];

/**
 * A clerk's column mapping for one table layout of one portal: the host, the header
 * signature (see extract/mapping), the headers as shown and one choice per column.
 * Personal-data columns (applicant, ID, phone, address …) can only be skipped.
 */
export const columnMappingSchema = z
  .object({
    host: z.string().trim().toLowerCase().min(1).max(253).regex(/^[a-z0-9.-]+(:\d{1,5})?$/u, 'Tên máy chủ không hợp lệ'),
    signature: z.string().regex(/^[0-9a-f]{8}-\d{1,2}$/u, 'Chữ ký tiêu đề không hợp lệ'),
    headers: z.array(z.string().max(200)).min(1).max(60),
    fields: z.array(z.enum(MAPPABLE_FIELDS)).min(1).max(60),
    savedAt: z.number().int().min(0).optional(),
  })
  .strict()
  .refine((m) => m.headers.length === m.fields.length, { message: 'Số cột và số lựa chọn phải bằng nhau' })
  .refine((m) => m.fields.includes('code') || m.fields.includes('resultNumber'), { message: 'Cần chọn cột Mã hồ sơ hoặc Số ký hiệu' })
  .refine((m) => m.headers.every((h, i) => m.fields[i] === 'skip' || !isPersonalHeader(h)), {
    message: 'Cột dữ liệu cá nhân không được ánh xạ',
  });
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export const settingsSchema = z.object({
  version: z.literal(1),
  departments: z.array(departmentSchema).max(200),
  fieldMapping: z.array(z.object({ field: name, department: name })).max(500),
  portals: z.array(portalPatternSchema).max(50),
  /** Optional: settings saved before the report existed use DEFAULT_REPORT_HEADER. */
  report: /* @__PURE__ */ reportHeaderSchema.optional(),
  // "Đọc tất cả các trang": polite delay after each page turn, page limit, pick the largest page size first.
  walkDelayMs: z.number().int().min(0).max(60_000).optional(),
  walkPageLimit: z.number().int().min(1).max(10_000).optional(),
  walkLargestPageSize: z.boolean().optional(),
  /** "Ánh xạ cột": the clerk's mappings of tables the rules could not read (optional, none by default). */
  columnMappings: z.array(columnMappingSchema).max(200).optional(),
});

export type Settings = z.infer<typeof settingsSchema>;
export type Department = z.infer<typeof departmentSchema>;

/** Defaults for Sở KH&CN Lạng Sơn; every entry is editable in the options page. */
export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  departments: [
    { name: 'Phòng Quản lý khoa học', aliases: ['Phòng QLKH', 'QLKH'] },
    {
      name: 'Phòng Quản lý công nghệ và chuyên ngành',
      aliases: ['Phòng QLCN&CN', 'Phòng QLCNCN', 'QLCN&CN', 'QLCNCN', 'Phòng QLCN và CN'],
    },
    {
      name: 'Chi cục Tiêu chuẩn Đo lường Chất lượng',
      aliases: ['Chi cục TĐC', 'Chi cục TCĐLCL', 'Chi cục Tiêu chuẩn - Đo lường - Chất lượng', 'TĐC', 'TCĐLCL'],
    },
    { name: 'Văn phòng Sở', aliases: ['VP Sở', 'Văn phòng'] },
    { name: 'Phòng Kế hoạch - Tài chính', aliases: ['Phòng KH-TC', 'Phòng KHTC'] },
    { name: 'Thanh tra Sở', aliases: ['Thanh tra'] },
  ],
  fieldMapping: [
    { field: 'Hoạt động khoa học và công nghệ', department: 'Phòng Quản lý khoa học' },
    { field: 'Năng lượng nguyên tử, an toàn bức xạ và hạt nhân', department: 'Phòng Quản lý công nghệ và chuyên ngành' },
    { field: 'Chuyển giao công nghệ', department: 'Phòng Quản lý công nghệ và chuyên ngành' },
    { field: 'Sở hữu trí tuệ', department: 'Phòng Quản lý công nghệ và chuyên ngành' },
    { field: 'Tiêu chuẩn, Đo lường, Chất lượng', department: 'Chi cục Tiêu chuẩn Đo lường Chất lượng' },
  ],
  portals: [],
  report: DEFAULT_REPORT_HEADER,
};

export const SETTINGS_KEY = 'settings';

export function reportHeaderOf(settings: Settings): ReportHeader {
  return settings.report ?? DEFAULT_REPORT_HEADER;
}

export const WALK_DEFAULTS = { delayMs: 1000, pageLimit: 500, largestPageSize: false } as const;

/** The walk options of a settings value, defaults filled in. */
export function walkOptions(s: Settings): { delayMs: number; pageLimit: number; largestPageSize: boolean } {
  return {
    delayMs: s.walkDelayMs ?? WALK_DEFAULTS.delayMs,
    pageLimit: s.walkPageLimit ?? WALK_DEFAULTS.pageLimit,
    largestPageSize: s.walkLargestPageSize ?? WALK_DEFAULTS.largestPageSize,
  };
}
