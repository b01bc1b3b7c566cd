/**
 * Abbreviations of department names, derived instead of hand-written: the initials of
 * the words after "Phòng"/"Chi cục" (Quản lý khoa học → QLKH), with the joined parts
 * kept apart or together (Quản lý công nghệ và chuyên ngành → QLCN&CN, QLCNCN, QLCN),
 * and the initials of the capitalised words (Tiêu chuẩn Đo lường Chất lượng → TĐC).
 * Each comes bare and with its prefix. An abbreviation two departments would share is
 * dropped at that strength; a stronger one (all initials) beats a weaker one (a part).
 */
import { ABBREVIATED_PREFIXES, NAME_JOINERS } from './department-words';

const JOINERS = new Set(NAME_JOINERS.map((w) => w.toLowerCase()));

function splitPrefix(name: string): { prefix: string; rest: string[] } | null {
  const words = name.normalize('NFC').trim().split(/\s+/u);
  for (const p of [...ABBREVIATED_PREFIXES].sort((a, b) => b.length - a.length)) {
    const pw = p.normalize('NFC').split(' ');
    if (words.length > pw.length && pw.every((w, i) => (words[i] ?? '').toLowerCase() === w.toLowerCase())) {
      return { prefix: words.slice(0, pw.length).join(' '), rest: words.slice(pw.length) };
    }
  }
  return null;
}

const initial = (w: string) => (w.match(/\p{L}/u)?.[0] ?? '').toUpperCase();

/** Abbreviations of one name with their strength (2 full initials, 1 a part or capitals). */
export function abbreviationsOfName(name: string): [string, number][] {
  const split = splitPrefix(name);
  if (!split) return [];
  // "Kế hoạch - Tài chính" → groups [Kế hoạch] [Tài chính]; "&" glued to a word splits too.
  const groups: string[][] = [[]];
  for (const raw of split.rest.flatMap((w) => w.split(/(&|,)/u))) {
    const w = raw.trim();
    if (!w) continue;
    if (JOINERS.has(w.toLowerCase())) {
      if ((groups[groups.length - 1] ?? []).length > 0) groups.push([]);
      continue;
    }
    groups[groups.length - 1]?.push(w);
  }
  const parts = groups.filter((g) => g.length > 0).map((g) => g.map(initial).join(''));
  const out: [string, number][] = [];
  const add = (abbr: string, strength: number) => {
    if (abbr.replace(/[^\p{L}]/gu, '').length < 2) return;
    out.push([abbr, strength], [`${split.prefix} ${abbr}`, strength]);
  };
  add(parts.join(''), 2);
  if (parts.length > 1) {
    add(parts.join('&'), 2);
    add(parts.join('-'), 2);
    add(parts.join(' và '), 2);
    if ((parts[0] ?? '').length >= 3) add(parts[0] ?? '', 1);
  }
  const capitals = split.rest.filter((w) => /^\p{Lu}/u.test(w)).map(initial).join('');
  if (capitals.length >= 3 && capitals !== parts.join('')) add(capitals, 1);
  return out;
}

/** alias → department name for every configured name; ambiguous ones left out. */
export function abbreviationsOf(names: readonly string[]): Map<string, string> {
  const best = new Map<string, { dept: string; strength: number; shared: boolean }>();
  for (const dept of names) {
    for (const [abbr, strength] of abbreviationsOfName(dept)) {
      const key = abbr.normalize('NFC').toLowerCase();
      const cur = best.get(key);
      if (!cur || strength > cur.strength) best.set(key, { dept, strength, shared: false });
      else if (strength === cur.strength && cur.dept !== dept) cur.shared = true;
    }
  }
  const out = new Map<string, string>();
  for (const dept of names) {
    for (const [abbr] of abbreviationsOfName(dept)) {
      const b = best.get(abbr.normalize('NFC').toLowerCase());
      if (b && !b.shared && b.dept === dept) out.set(abbr, dept);
    }
  }
  return out;
}
