/**
 * Backup and restore of every stored record as JSON, with the settings (departments,
 * aliases, mapping, portals, report header) since version 2. A restore checks the whole
 * file before writing anything, then merges through the same path as capture, so
 * restoring twice, or restoring another clerk's overlapping backup, never counts a
 * result twice. Whether the file's settings replace the current ones is the user's
 * choice (the popup asks); records never depend on it.
 */
import { z } from 'zod';
import { DETAIL_TABLE } from './detail-columns';
import { OUTPUT_FIELDS, recordKey, recordSchema, type PortalRecord, type StoredRecord } from './records';
import { settingsSchema, type Settings } from './settings';
import type { KiemDemDB } from './store/db';
import { importRecords, type UpsertCounts } from './store/upsert';
import type { DepartmentIndex } from './vocab/departments';
import { importTooBig, maxTimestamp, MIN_TIMESTAMP } from './import-limits';

export const BACKUP_APP = 'kiem-dem-tthc';
export const BACKUP_VERSION = 2;
export const MAX_BACKUP_RECORDS = 500_000;

export { MIN_TIMESTAMP, maxTimestamp, MAX_IMPORT_BYTES, importTooBig } from './import-limits';

const timestamp = (now: number) => z.number().int().min(MIN_TIMESTAMP).max(maxTimestamp(now));

const provenanceSchema = (now: number) =>
  z.object({
    firstSeen: timestamp(now),
    lastSeen: timestamp(now),
    readAt: timestamp(now).optional(),
    sourceUrl: z.string().max(100_000),
    digitizedFrom: z.enum(['manual']).nullable().optional(),
    readBy: z.string().max(100).optional(),
  });

/** A stored record in a backup: the record format plus provenance (key, dept, rkey are recomputed). */
export const backupRecordSchema = (now: number) =>
  z.unknown().transform((v, ctx) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      ctx.addIssue({ code: 'custom', message: 'không phải một bản ghi' });
      return z.NEVER;
    }
    const o = v as Record<string, unknown>;
    const facts: Record<string, unknown> = {};
    for (const f of OUTPUT_FIELDS) facts[f] = o[f] ?? null;
    const record = recordSchema.safeParse(facts);
    const prov = provenanceSchema(now).safeParse(o);
    if (!record.success || !prov.success) {
      ctx.addIssue({ code: 'custom', message: describeIssue(facts, record.error?.issues[0]?.path, prov.error?.issues[0]?.path) });
      return z.NEVER;
    }
    const r: PortalRecord = record.data;
    return { ...r, key: recordKey(r), dept: r.department ?? '', ...prov.data } satisfies StoredRecord;
  });

export const backupSchema = (now: number = Date.now()) =>
  z.object({
    app: z.literal(BACKUP_APP),
    version: z.number().int().min(1).max(BACKUP_VERSION),
    exportedAt: z.string().max(40),
    /** Version 2: the settings of the browser that made the backup. */
    settings: settingsSchema.optional(),
    records: z.array(backupRecordSchema(now)).max(MAX_BACKUP_RECORDS),
  });
export type Backup = z.infer<ReturnType<typeof backupSchema>>;

/** Names for messages: the detail columns' names, plus the fields only a backup holds. */
const FIELD_NAME: Record<string, string> = {
  ...Object.fromEntries(DETAIL_TABLE.map((c) => [c.field, c.name])),
  departmentFrom: 'nguồn đơn vị',
  firstSeen: 'thời điểm thu thập đầu (phải từ năm 2000 đến nay)',
  lastSeen: 'thời điểm thu thập cuối (phải từ năm 2000 đến nay)',
  readAt: 'thời điểm đọc trên trang (phải từ năm 2000 đến nay)',
  digitizedFrom: 'nguồn số hóa',
};

function describeIssue(facts: Record<string, unknown>, recordPath?: PropertyKey[], provPath?: PropertyKey[]): string {
  if (facts.kind === 'dossier' && (facts.code === null || facts.code === '')) return 'thiếu mã hồ sơ';
  if ((facts.code ?? null) === null && (facts.resultNumber ?? null) === null) return 'thiếu mã hồ sơ và số ký hiệu';
  const field = String((recordPath ?? provPath)?.[0] ?? '');
  return `${FIELD_NAME[field] ?? field} không hợp lệ`;
}

/** Vietnamese messages for a failed parse: "Tệp sao lưu không hợp lệ: bản ghi thứ 12 thiếu mã hồ sơ". */
function backupErrors(error: z.ZodError): string[] {
  const out: string[] = [];
  for (const issue of error.issues.slice(0, 50)) {
    const [top, index] = issue.path;
    let what: string;
    if (top === 'records' && typeof index === 'number') what = `bản ghi thứ ${index + 1} ${issue.message}`;
    else if (top === 'records') what = issue.code === 'too_big' ? `quá nhiều bản ghi (tối đa ${MAX_BACKUP_RECORDS})` : 'thiếu danh sách bản ghi';
    else if (top === 'app') what = 'không phải tệp sao lưu của Kiểm đếm TTHC';
    else if (top === 'version') what = 'phiên bản tệp không được hỗ trợ (tệp từ bản mới hơn?)';
    else if (top === 'settings') what = `cài đặt trong tệp không hợp lệ (${issue.path.slice(1).join('.')})`;
    else what = `trường ${String(top ?? '')} không hợp lệ`;
    out.push(`Tệp sao lưu không hợp lệ: ${what}`);
  }
  if (error.issues.length > 50) out.push(`… và ${error.issues.length - 50} lỗi khác`);
  return out;
}

/** Check a backup text completely; nothing is written. */
export function parseBackup(text: string, now: number = Date.now()): { ok: true; backup: Backup } | { ok: false; errors: string[] } {
  const big = importTooBig(text.length, 'backup');
  if (big) return { ok: false, errors: [big] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, errors: ['Tệp sao lưu không hợp lệ: không đọc được nội dung JSON'] };
  }
  const parsed = backupSchema(now).safeParse(json);
  return parsed.success ? { ok: true, backup: parsed.data } : { ok: false, errors: backupErrors(parsed.error) };
}

/** Every stored record as JSON, one record per line (diff-friendly, easy to inspect), and the settings. */
export async function makeBackup(db: KiemDemDB, now: number = Date.now(), settings?: Settings): Promise<string> {
  const records = await db.records.toArray();
  const head = JSON.stringify({ app: BACKUP_APP, version: BACKUP_VERSION, exportedAt: new Date(now).toISOString(), ...(settings ? { settings } : {}) });
  const lines = records.map((r) => JSON.stringify(r));
  return `${head.slice(0, -1)},"records":[\n${lines.join(',\n')}\n]}\n`;
}

export type RestoreResult = ({ ok: true } & UpsertCounts) | { ok: false; errors: string[] };

/**
 * Validate everything, then merge through the privacy guard (a manual department stays
 * manual only when it is a known department); a bad file changes nothing. Settings are
 * applied by the caller when the user says so (settingsToApply).
 */
export async function restoreBackup(db: KiemDemDB, text: string, departments: DepartmentIndex, now: number = Date.now()): Promise<RestoreResult> {
  const parsed = parseBackup(text, now);
  if (!parsed.ok) return parsed;
  return await restoreParsed(db, parsed.backup, departments);
}

export async function restoreParsed(db: KiemDemDB, backup: Backup, departments: DepartmentIndex): Promise<RestoreResult> {
  const counts = await importRecords(db, backup.records, departments);
  return { ok: true, ...counts };
}

/**
 * The settings a restore applies: the file's, except portals this browser has not
 * granted (they need the user's permission, asked for separately), listed apart.
 */
export function settingsToApply(fromFile: Settings, granted: (pattern: string) => boolean): { settings: Settings; denied: string[] } {
  const denied = fromFile.portals.filter((p) => !granted(p));
  return { settings: { ...fromFile, portals: fromFile.portals.filter((p) => granted(p)) }, denied };
}
