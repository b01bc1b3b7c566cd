/**
 * The record contract checked without zod, for the content script (which must stay
 * small: it is parsed in every frame of every portal page). The same rules as
 * `recordSchema` in records.ts — a unit test holds the two equal — and the service
 * worker still parses every record it receives with the zod schema.
 */
import { DEPARTMENT_FROM, isRealIsoDate, MAX_CODE, MAX_TEXT, type PortalRecord } from './records';

const text = (max: number) => (v: unknown) => v === null || (typeof v === 'string' && v.length >= 1 && v.length <= max);
const date = (v: unknown) => v === null || (typeof v === 'string' && isRealIsoDate(v));
const flag = (v: unknown) => v === null || typeof v === 'boolean';

/** Every field of the contract and its check, in the contract's order. */
const FIELDS: Record<keyof PortalRecord, (v: unknown) => boolean> = {
  kind: (v) => v === 'dossier' || v === 'result',
  code: text(MAX_CODE),
  resultNumber: text(MAX_CODE),
  procedure: text(MAX_TEXT),
  field: text(MAX_TEXT),
  department: text(300),
  departmentFrom: (v) => v === undefined || v === null || (DEPARTMENT_FROM as readonly unknown[]).includes(v),
  receivedAt: date,
  dueAt: date,
  resolvedAt: date,
  issuedAt: date,
  validUntil: date,
  permanent: flag,
  status: text(500),
  statusCode: (v) => v === null || (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 10),
  digitized: flag,
  synced: (v) => v === undefined || flag(v),
};
const NAMES = Object.keys(FIELDS) as (keyof PortalRecord)[];
const KNOWN = new Set<string>(NAMES);

/** The value as a record when it meets the contract exactly (no other keys), else null. */
export function checkRecord(value: unknown): PortalRecord | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  for (const k of Object.keys(v)) if (!KNOWN.has(k)) return null;
  for (const k of NAMES) {
    if (k !== 'departmentFrom' && k !== 'synced' && !Object.hasOwn(v, k)) return null;
    if (!FIELDS[k](v[k])) return null;
  }
  if (v.code === null && v.resultNumber === null) return null;
  if (v.kind === 'dossier' && v.code === null) return null;
  return v as unknown as PortalRecord;
}
