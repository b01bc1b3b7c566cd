/**
 * Cells with meanings → one validated record. Shared by list rows and detail blocks.
 * The applicant column is never read; packed cells are split by label.
 */
import { checkRecord } from '../record-check';
import { MAX_CODE, MAX_TEXT, type PortalRecord } from '../records';
import { parseDate } from '../text/dates';
import { clean } from '../text/fold';
import { splitLabelled } from '../text/packed';
import type { HeaderField } from '../vocab/headers';
import { digitizedFromText } from '../vocab/digitized';
import { lookupLabel } from '../vocab/labels';
import { parseStatus } from '../vocab/status';
import { parseValidity } from '../vocab/validity';
import { departmentOfField, resolveDepartment, type DepartmentIndex } from '../vocab/departments';
import { syncedFromText, syncedMentioned } from '../vocab/synced';
import { acceptDepartment, guardRecord, isPersonalText, readsAsProcedure, startsWithApplicantLabel } from '../privacy/guard';
import { combineDigitized, departmentText, iconLabel, pickCode, pickResultNumber, readDigitized, readSynced } from './cells';
import { linesOf, textOf } from './text';

export interface Entry {
  field: HeaderField | null;
  cell: Element;
  /** A mark column's blank cell: "not digitized" rather than "not shown". */
  blankIsNo?: boolean;
}

/** A value the rows inherit from a group caption above them ("Lĩnh vực: …", "Đơn vị: …"). */
export interface Inherited {
  field: 'field' | 'department' | 'procedure' | 'status';
  value: string;
}

/** The page's department, found once per page: the shown text and its canonical name. */
export interface PageDepartment {
  text: string;
  canonical: string | null;
}

export interface RecordContext {
  departments: DepartmentIndex;
  page: PageDepartment | null;
}

export interface RowRejection {
  reason: string;
}

/** The facts a row's cells fill in, before statuses, departments and digitization are settled. */
type Facts = Pick<
  PortalRecord,
  'code' | 'resultNumber' | 'procedure' | 'field' | 'department' | 'receivedAt' | 'dueAt' | 'resolvedAt' | 'issuedAt' | 'validUntil' | 'permanent' | 'status'
>;

const DATE_FIELDS = new Set<HeaderField>(['receivedAt', 'dueAt', 'resolvedAt', 'issuedAt']);
const TEXT_FIELDS = new Set<HeaderField>(['procedure', 'field', 'department', 'status']);
const RESULT_STATUSES = new Set([9, 10]);

const clip = (s: string | null, max: number): string | null => {
  if (s === null) return null;
  const c = clean(s);
  if (!c) return null;
  return c.length > max ? c.slice(0, max).trimEnd() : c;
};

const isLabel = (label: string) => lookupLabel(label) !== null;

function emptyFacts(): Facts {
  return {
    code: null, resultNumber: null, procedure: null, field: null, department: null, receivedAt: null,
    dueAt: null, resolvedAt: null, issuedAt: null, validUntil: null, permanent: null, status: null,
  };
}

/** Fill a fact from a labelled value, never overwriting what a column already gave. */
function fillFact(facts: Facts, field: HeaderField, value: string): void {
  if (!value) return;
  if (DATE_FIELDS.has(field)) {
    const k = field as 'receivedAt' | 'dueAt' | 'resolvedAt' | 'issuedAt';
    facts[k] ??= parseDate(value);
  } else if (field === 'validUntil') {
    if (facts.validUntil === null && facts.permanent === null) Object.assign(facts, parseValidity(value));
  } else if (field === 'code') {
    facts.code ??= pickCode(value);
  } else if (field === 'resultNumber') {
    facts.resultNumber ??= pickResultNumber(value);
  } else if (TEXT_FIELDS.has(field)) {
    const k = field as 'procedure' | 'field' | 'department' | 'status';
    facts[k] ??= clean(value);
  }
}

/**
 * A packed cell: labelled parts fill their fields; in a code cell the first unlabelled
 * code-like line is the code. An unlabelled line is the procedure only when it reads as
 * one ("Cấp …", "Thủ tục …", "Đăng ký …"; vocab/personal.ts) — in a code cell, or as the
 * first line of a cell of labelled lines — never a person's name or an applicant's line
 * ("Chủ hồ sơ - Hoàng Văn Minh").
 */
function readPacked(cell: Element, facts: Facts, isCodeCell: boolean, digitized: (boolean | null)[], synced: (boolean | null)[]): void {
  let codeSeen = false;
  const lines = linesOf(cell).map((line) => splitLabelled(line, isLabel));
  const labelled = lines.some((parts) => parts.some((p) => p.label !== null));
  lines.forEach((parts, lineIndex) => {
    for (const part of parts) {
      if (part.label !== null) {
        const f = lookupLabel(part.label);
        if (f === 'digitized' || f === 'resultFile') {
          digitized.push(digitizedFromText(part.value));
          synced.push(syncedMentioned(part.value));
        } else if (f === 'synced') synced.push(syncedFromText(part.value));
        else if (f && f !== 'applicant') fillFact(facts, f, part.value);
        continue;
      }
      if (startsWithApplicantLabel(part.value)) continue; // "Chủ hồ sơ - …": personal data
      if (isCodeCell && !codeSeen && facts.code === null) {
        const code = pickCode(part.value);
        if (code) {
          facts.code = code;
          codeSeen = true;
          continue;
        }
      }
      const mayName = isCodeCell ? codeSeen : labelled && lineIndex === 0;
      if (mayName && facts.procedure === null && readsAsProcedure(part.value) && !isPersonalText(part.value) && !parseDate(part.value)) {
        facts.procedure = part.value;
      }
    }
  });
}

/** A cell of several lines of which at least one is labelled. */
function isPackedCell(cell: Element): boolean {
  const lines = linesOf(cell);
  return lines.length > 1 && lines.some((l) => splitLabelled(l, isLabel).some((p) => p.label !== null));
}

export function buildRecord(
  entries: Entry[],
  kind: 'dossier' | 'result',
  ctx: RecordContext,
  inherited: readonly Inherited[] = [],
): PortalRecord | RowRejection {
  const facts = emptyFacts();
  const digitized: (boolean | null)[] = [];
  const synced: (boolean | null)[] = [];
  let statusShown = false;
  const packedCells: { cell: Element; code: boolean }[] = [];

  for (const { field, cell, blankIsNo } of entries) {
    if (field === 'applicant') continue; // personal data: never read
    if (field === null) {
      packedCells.push({ cell, code: false });
      continue;
    }
    if (field === 'digitized' || field === 'resultFile') {
      const v = readDigitized(cell, field === 'resultFile');
      digitized.push(v === null && blankIsNo && !textOf(cell) ? false : v);
      synced.push(syncedMentioned(textOf(cell))); // "Đã số hóa và đồng bộ" says both
      continue;
    }
    if (field === 'synced') {
      synced.push(readSynced(cell));
      continue;
    }
    if (field === 'department') {
      facts.department ??= departmentText(cell, ctx.departments);
      continue;
    }
    if (field === 'code') {
      const lines = linesOf(cell);
      if (lines.length > 1 || lines.some((l) => l.includes(':'))) packedCells.unshift({ cell, code: true });
      else facts.code ??= pickCode(lines[0] ?? '');
      continue;
    }
    // A procedure or status cell of several labelled lines is a packed cell ("Cấp … / Ngày nộp hồ sơ: …").
    if ((field === 'procedure' || field === 'status') && isPackedCell(cell)) {
      packedCells.push({ cell, code: false });
      continue;
    }
    // An icon-only status badge says its status in its tooltip.
    const text = textOf(cell) || (field === 'status' ? iconLabel(cell) : '');
    if (!text) continue;
    if (DATE_FIELDS.has(field)) fillFact(facts, field, text);
    else if (field === 'validUntil') fillFact(facts, field, text);
    else if (field === 'resultNumber') facts.resultNumber ??= pickResultNumber(linesOf(cell)[0] ?? '');
    else if (field === 'status') {
      statusShown = true;
      facts.status ??= text;
    } else fillFact(facts, field, text);
  }
  for (const p of packedCells) readPacked(p.cell, facts, p.code, digitized, synced);
  let groupDept: string | null = null;
  for (const g of inherited) {
    if (g.field === 'department') groupDept = g.value;
    else facts[g.field] ??= g.value;
  }

  const code = clip(facts.code, MAX_CODE);
  const resultNumber = clip(facts.resultNumber, MAX_CODE);
  if (kind === 'dossier' ? !code : !code && !resultNumber) return { reason: 'no-key' };

  const { status, statusCode } = parseStatus(facts.status);
  const fieldText = clip(facts.field, MAX_TEXT);
  const dept = pickDepartment(facts.department, fieldText, ctx, groupDept);

  // A dossier known to have no result yet has nothing to digitize or sync.
  const noResultYet = kind === 'dossier' && statusShown && statusCode !== null && !RESULT_STATUSES.has(statusCode) && !facts.resolvedAt;
  const dig = noResultYet ? null : combineDigitized(digitized);
  const sync = noResultYet ? null : combineDigitized(synced);

  const candidate = {
    kind,
    code,
    resultNumber,
    procedure: clip(facts.procedure, MAX_TEXT),
    field: fieldText,
    department: clip(dept.name, 300),
    departmentFrom: dept.name ? dept.from : null,
    receivedAt: facts.receivedAt,
    dueAt: facts.dueAt,
    resolvedAt: facts.resolvedAt,
    issuedAt: facts.issuedAt,
    validUntil: facts.validUntil,
    permanent: facts.permanent,
    status: clip(status, 500),
    statusCode,
    digitized: dig,
    synced: sync,
  };
  const checked = checkRecord(candidate);
  return checked ? guardRecord(checked, ctx.departments) : { reason: 'invalid' };
}

/**
 * Department, in order: a known department in the row's column, the page's, the lĩnh vực
 * mapping; a name that matches no known department is kept as shown (column, then page)
 * only when nothing better is known and it reads as an agency ("Phòng …", "Chi cục …"):
 * an applicant organisation or a person's name never becomes a department.
 */
function pickDepartment(
  column: string | null,
  field: string | null,
  ctx: RecordContext,
  group: string | null = null,
): { name: string | null; from: 'column' | 'page' | 'field-mapping' } {
  const colCanonical = column ? resolveDepartment(column, ctx.departments) : null;
  if (colCanonical) return { name: colCanonical, from: 'column' };
  // A group caption ("Đơn vị: Phòng QLKH") is the page's context for the rows under it.
  const groupCanonical = group ? resolveDepartment(group, ctx.departments) : null;
  if (groupCanonical) return { name: groupCanonical, from: 'page' };
  if (ctx.page?.canonical) return { name: ctx.page.canonical, from: 'page' };
  const mapped = departmentOfField(field, ctx.departments);
  if (mapped) return { name: mapped, from: 'field-mapping' };
  const colShown = acceptDepartment(column, ctx.departments);
  if (colShown) return { name: colShown, from: 'column' };
  const groupShown = acceptDepartment(group, ctx.departments);
  if (groupShown) return { name: groupShown, from: 'page' };
  const pageShown = acceptDepartment(ctx.page?.text, ctx.departments);
  if (pageShown) return { name: pageShown, from: 'page' };
  return { name: null, from: 'column' };
}
