/**
 * Department names as people read them. The store keeps '' for a result whose
 * department could not be resolved; only what is shown or exported (the tally, the
 * popup, CSV/XLSX, the report) says "Chưa phân loại", and reading such a file back
 * turns the label into '' again. The label is part of the export contract, so it is
 * the same in both languages.
 */

export const UNASSIGNED = 'Chưa phân loại';

/** Display name of a department key ('' = unresolved). */
export function departmentLabel(dept: string | null | undefined): string {
  return dept ? dept : UNASSIGNED;
}

/** Store key of a display name: the inverse of departmentLabel. */
export function departmentKey(label: string | null | undefined): string {
  return !label || label === UNASSIGNED ? '' : label;
}

const collator = new Intl.Collator('vi');

/** Departments by Vietnamese name; the unassigned bucket last, where it stays visible. */
export function compareDepartments(a: string, b: string): number {
  if (a === b) return 0;
  if (a === UNASSIGNED) return 1;
  if (b === UNASSIGNED) return -1;
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
