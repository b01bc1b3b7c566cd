/**
 * Department names: canonical names and aliases come from the user's settings; this file
 * holds the wordings that introduce a department on a page and the filter placeholders.
 */
import type { Settings } from '../settings';
import { matchKey, containsWords } from '../text/keys';
import { abbreviationsOf } from './department-abbr';

/** Placeholders of a department filter that mean "no department chosen". */
export const ALL_PLACEHOLDERS: readonly string[] = ['Tất cả', 'Tất cả đơn vị', 'Chọn đơn vị', 'Tất cả phòng ban', 'Chọn', 'Toàn bộ'];

import { PREFIX_SHORT_FORMS } from './department-words';

export { ABBREVIATED_PREFIXES, DEPARTMENT_PREFIXES, NAME_JOINERS } from './department-words';

/** The folded key of a department text: "&" and "và" are one word. */
export function departmentKey(text: string | null | undefined): string {
  return matchKey(text).replace(/\s*&\s*/gu, ' va ').trim();
}

const SHORT_FORMS = PREFIX_SHORT_FORMS.map(([short, full]) => [matchKey(short), departmentKey(full)] as const);

/**
 * Other ways a page writes the same name, tried after the text as it is: a short prefix
 * written out ("P. QLKH" → "phong qlkh"), and an abbreviation split by dashes or spaces
 * glued together ("Chi cục TC-ĐL-CL" → "chi cuc tcdlcl").
 */
function variants(key: string): string[] {
  const out: string[] = [];
  let k = key;
  for (const [short, full] of SHORT_FORMS) {
    if (k.startsWith(`${short} `)) {
      k = `${full}${k.slice(short.length)}`;
      out.push(k);
      break;
    }
  }
  for (const [, full] of SHORT_FORMS) {
    if (!k.startsWith(`${full} `)) continue;
    const rest = k.slice(full.length + 1).split(' ');
    if (rest.length >= 2 && rest.every((w) => w.length <= 3 && /^[a-z]+$/u.test(w))) out.push(`${full} ${rest.join('')}`);
  }
  return out;
}

/** Words that introduce a department in a title or breadcrumb: "Đơn vị: …". */
export const DEPARTMENT_INTRO: readonly string[] = [
  'Đơn vị', 'Đơn vị xử lý', 'Đơn vị giải quyết', 'Phòng ban', 'Phòng ban xử lý', 'Cơ quan', 'Cơ quan giải quyết', 'Cơ quan xử lý',
];

export interface DepartmentIndex {
  exact: Map<string, string>; // departmentKey(name or alias) → canonical name
  names: [string, string][]; // [departmentKey(name), name], longest first, for contains matches
  fields: Map<string, string>; // matchKey(lĩnh vực) → canonical name
}

/**
 * An alias that may also be found inside a longer text ("Sở KH&CN - Chi cục TĐC"): it has
 * two words or more and one of them is an abbreviation in capitals (QLKH, TĐC). Plain
 * words such as "Văn phòng" or "Thanh tra" occur in ordinary text, so they match exactly only.
 */
export function distinctiveAlias(alias: string): boolean {
  const words = alias.normalize('NFC').trim().split(/\s+/u);
  return words.length >= 2 && words.some((w) => /^[\p{Lu}&-]{2,}$/u.test(w) && /\p{Lu}.*\p{Lu}/u.test(w));
}

export function departmentIndex(settings: Settings): DepartmentIndex {
  const exact = new Map<string, string>();
  const names: [string, string][] = [];
  for (const d of settings.departments) {
    const k = departmentKey(d.name);
    if (k) {
      exact.set(k, d.name);
      names.push([k, d.name]);
    }
    for (const a of d.aliases) {
      const ka = departmentKey(a);
      if (ka && !exact.has(ka)) exact.set(ka, d.name);
      if (ka && distinctiveAlias(a)) names.push([ka, d.name]);
    }
  }
  // Abbreviations derived from the names (QLKH, Phòng QLCN&CN, Chi cục TĐC): a new
  // department gets them without hand-written aliases. Never over a name or alias.
  for (const [alias, dept] of abbreviationsOf(settings.departments.map((d) => d.name))) {
    const ka = departmentKey(alias);
    if (!ka || exact.has(ka)) continue;
    exact.set(ka, dept);
    if (distinctiveAlias(alias)) names.push([ka, dept]);
  }
  names.sort((a, b) => b[0].length - a[0].length);
  const fields = new Map<string, string>();
  for (const m of settings.fieldMapping) fields.set(matchKey(m.field), m.department);
  return { exact, names, fields };
}

/**
 * The canonical department a text names: a name or alias (folded, exact), else a canonical
 * name or distinctive alias contained in it ("Phòng Quản lý khoa học - Sở KH&CN",
 * "Sở KH&CN - Chi cục TĐC"). Plain-word aliases ("Văn phòng") only match exactly.
 */
export function resolveDepartment(text: string | null | undefined, idx: DepartmentIndex): string | null {
  const key = departmentKey(text);
  if (!key) return null;
  const hit = idx.exact.get(key);
  if (hit) return hit;
  if (key.length > 200) return null;
  for (const v of variants(key)) {
    const found = idx.exact.get(v);
    if (found) return found;
  }
  for (const [k, name] of idx.names) if (containsWords(key, k)) return name;
  return null;
}

/** The department the lĩnh vực → department mapping gives, or null. */
export function departmentOfField(field: string | null | undefined, idx: DepartmentIndex): string | null {
  const key = matchKey(field);
  return key ? (idx.fields.get(key) ?? null) : null;
}

const PLACEHOLDER_KEYS = ALL_PLACEHOLDERS.map(matchKey);

/** True when a filter value means "all" / "choose…" rather than one department. */
export function isPlaceholder(text: string | null | undefined): boolean {
  const key = matchKey(text);
  if (!key) return true;
  return PLACEHOLDER_KEYS.some((p) => key === p || key.startsWith(`${p} `));
}
