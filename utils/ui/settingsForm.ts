/**
 * The options page's editable form of Settings, and its validation: the form is
 * turned into a Settings candidate and checked with settingsSchema (zod); each
 * problem is reported against the form field it belongs to. Nothing is saved
 * unless there are no errors.
 */
import { reportHeaderOf, settingsSchema, type ReportHeader, type Settings } from '../settings';
import type { MessageKey } from '../i18n';

export interface DeptDraft {
  id: string;
  name: string;
  aliases: string; // comma separated
}
export interface MappingDraft {
  id: string;
  field: string;
  /** The department row this maps to (follows renames); null when none is chosen or the name is not listed. */
  deptRef: string | null;
  /** Name as loaded or last chosen: used when deptRef is null or its row was removed. */
  department: string;
}
/** The report header as edited: recipients one per line. */
export type ReportDraft = Omit<ReportHeader, 'recipients'> & { recipients: string };

export interface SettingsDraft {
  departments: DeptDraft[];
  mapping: MappingDraft[];
  portals: string[];
  report: ReportDraft;
}

/** Field id → message key: `dept.<id>.name`, `dept.<id>.aliases`, `map.<id>.field`, `map.<id>.department`, `form`. */
export type FormErrors = Record<string, MessageKey>;

let seq = 0;
export function newId(prefix: string): string {
  seq += 1;
  return `${prefix}${seq}`;
}

export function splitAliases(text: string): string[] {
  return text
    .split(/[,;\n]/u)
    .map((s) => s.normalize('NFC').trim())
    .filter((s) => s !== '');
}

export function toDraft(s: Settings): SettingsDraft {
  const departments = s.departments.map((d) => ({ id: newId('d'), name: d.name, aliases: d.aliases.join(', ') }));
  return {
    departments,
    mapping: s.fieldMapping.map((m) => ({
      id: newId('m'),
      field: m.field,
      deptRef: departments.find((d) => d.name === m.department)?.id ?? null,
      department: m.department,
    })),
    portals: [...s.portals],
    report: { ...reportHeaderOf(s), recipients: reportHeaderOf(s).recipients.join('\n') },
  };
}

/** The department name a mapping row stands for now. */
export function mappingDepartment(m: MappingDraft, departments: readonly DeptDraft[]): string {
  const row = m.deptRef === null ? undefined : departments.find((d) => d.id === m.deptRef);
  return (row ? row.name : m.department).normalize('NFC');
}

export function fromDraft(d: SettingsDraft): unknown {
  return {
    version: 1,
    departments: d.departments.map((x) => ({ name: x.name.normalize('NFC'), aliases: splitAliases(x.aliases) })),
    fieldMapping: d.mapping.map((m) => ({ field: m.field.normalize('NFC'), department: mappingDepartment(m, d.departments) })),
    portals: d.portals,
    report: {
      ...Object.fromEntries(Object.entries(d.report).map(([k, v]) => [k, v.normalize('NFC')])),
      recipients: d.report.recipients
        .split('\n')
        .map((r) => r.normalize('NFC').trim())
        .filter((r) => r !== ''),
    },
  };
}

function keyFor(code: string, input: unknown, minimum?: unknown): MessageKey {
  if (code === 'too_small') {
    if (typeof input === 'string' && input.trim() === '') return 'errRequired';
    return minimum === 1 ? 'errRequired' : 'errTooShort';
  }
  if (code === 'too_big') return typeof input === 'string' ? 'errTooLong' : 'errTooMany';
  return 'errInvalid';
}

export type ValidateResult = { ok: true; settings: Settings } | { ok: false; errors: FormErrors };

export function validateDraft(d: SettingsDraft): ValidateResult {
  const errors: FormErrors = {};
  const candidate = fromDraft(d);
  const parsed = settingsSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [section, index, prop] = issue.path as [string, number?, string?];
      const minimum = (issue as { minimum?: unknown }).minimum;
      let input: unknown = candidate;
      for (const seg of issue.path) input = input && typeof input === 'object' ? (input as Record<PropertyKey, unknown>)[seg as PropertyKey] : undefined;
      const msg = keyFor(issue.code, input, minimum);
      let id = 'form';
      if (section === 'departments' && typeof index === 'number') {
        const row = d.departments[index];
        if (row) id = `dept.${row.id}.${prop === 'aliases' ? 'aliases' : 'name'}`;
      } else if (section === 'fieldMapping' && typeof index === 'number') {
        const row = d.mapping[index];
        if (row) id = `map.${row.id}.${prop === 'department' ? 'department' : 'field'}`;
      } else if (section === 'portals') {
        id = 'portals';
      } else if (section === 'report') {
        id = `report.${String(index ?? '')}`;
      }
      errors[id] ??= msg;
    }
  }
  // Checks the schema cannot express: unique names, mapping to a listed department.
  const seen = new Set<string>();
  const names = new Set<string>();
  for (const row of d.departments) {
    const k = row.name.normalize('NFC').trim().toLowerCase();
    if (k === '') continue;
    if (seen.has(k)) errors[`dept.${row.id}.name`] ??= 'errDuplicateDept';
    seen.add(k);
    names.add(row.name.normalize('NFC').trim());
  }
  for (const row of d.mapping) {
    const dep = mappingDepartment(row, d.departments).trim();
    if (dep !== '' && !names.has(dep)) errors[`map.${row.id}.department`] ??= 'errUnknownDept';
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, settings: parsed.data };
}

