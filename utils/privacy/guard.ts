/**
 * The one privacy guard at the record boundary: the content script runs it on every
 * record it reads, the worker again on every record it stores from a page, a backup or a
 * CSV. Text fields that carry personal data become null; a department is a configured
 * one (or alias) or a name that reads as an agency, else null ("Chưa phân loại").
 */
import type { PortalRecord } from '../records';
import { clean } from '../text/fold';
import { resolveDepartment, type DepartmentIndex } from '../vocab/departments';
import { isPersonalText, readsAsAgency, readsAsPersonName } from './text';

export { isPersonalText, readsAsAgency, readsAsPersonName, readsAsProcedure, startsWithApplicantLabel } from './text';
export { sanitizeSourceUrl, MAX_SOURCE_URL } from './url';

const safeText = (v: string | null | undefined): string | null => {
  if (v === null || v === undefined) return null;
  const c = clean(v);
  return c === '' || isPersonalText(c) || readsAsPersonName(c) ? null : c;
};

/** A department name as stored: the canonical name, an agency-like name as shown, or null. */
export function acceptDepartment(text: string | null | undefined, idx: DepartmentIndex): string | null {
  const c = clean(text);
  if (!c) return null;
  const canonical = resolveDepartment(c, idx);
  if (canonical) return canonical;
  return readsAsAgency(c) && !isPersonalText(c) ? c : null;
}

/** True when the name is a configured department (canonical name). */
export function isKnownDepartment(name: string | null | undefined, idx: DepartmentIndex): boolean {
  const c = clean(name);
  return c !== '' && resolveDepartment(c, idx) === c;
}

/** The record with personal text removed (identity fields are codes, kept as read). */
export function guardRecord<T extends PortalRecord>(r: T, idx: DepartmentIndex): T {
  const out = { ...r };
  out.procedure = safeText(r.procedure);
  out.field = safeText(r.field);
  out.status = safeText(r.status);
  if (r.departmentFrom === 'manual' && isKnownDepartment(r.department, idx)) return out;
  const dept = acceptDepartment(r.department, idx);
  out.department = dept;
  out.departmentFrom = dept === null ? null : r.departmentFrom === 'manual' ? null : (r.departmentFrom ?? null);
  return out;
}
