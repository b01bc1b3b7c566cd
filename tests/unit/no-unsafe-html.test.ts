/**
 * The project's own source never turns text into markup or code: no innerHTML, no
 * eval. Portal pages are hostile input (tests/e2e/pages/hostile.html); the popup shows
 * their text through React text nodes and the content script writes only textContent.
 *
 * Rules and exceptions are data. The portal imitations (.html under tests/demo/pages and
 * tests/pages) are not scanned: they are the pages, not the extension.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

const UNSAFE_RULES: readonly { name: string; pattern: RegExp; bad: string; fine: string }[] = [
  { name: 'innerHTML', pattern: /\binnerHTML\b/u, bad: 'el.innerHTML = html', fine: 'el.textContent = text' },
  { name: 'outerHTML =', pattern: /\bouterHTML\s*\+?=(?!=)/u, bad: 'el.outerHTML = s', fine: 'el.outerHTML === s' },
  { name: 'insertAdjacentHTML', pattern: /\binsertAdjacentHTML\b/u, bad: "el.insertAdjacentHTML('beforeend', s)", fine: "el.insertAdjacentText('beforeend', s)" },
  { name: 'dangerouslySetInnerHTML', pattern: /\bdangerouslySetInnerHTML\b/u, bad: '<div dangerouslySetInnerHTML={{ __html: s }} />', fine: '<div>{s}</div>' },
  { name: 'eval(', pattern: /(?<![\w$])eval\s*\(/u, bad: 'eval(code)', fine: 'evaluate(code)' },
  { name: 'new Function(', pattern: /\bnew\s+Function\s*\(/u, bad: "new Function('return 1')", fine: 'new FunctionCall()' },
  { name: 'document.write', pattern: /\bdocument\s*\.\s*write(?:ln)?\s*\(/u, bad: 'document.write(html)', fine: 'document.writer(x)' },
  { name: 'createContextualFragment', pattern: /\bcreateContextualFragment\b/u, bad: 'range.createContextualFragment(s)', fine: 'range.cloneContents()' },
  { name: 'setHTMLUnsafe', pattern: /\b(?:set|parse)HTMLUnsafe\b/u, bad: 'el.setHTMLUnsafe(s)', fine: 'el.setAttribute(s)' },
];

/** Where to look: folders scanned recursively, and single-level globs. */
const SCANNED = { trees: ['entrypoints', 'components', 'utils', 'tests/tools'], flat: ['tests/demo'] } as const;
const SOURCE_EXT = new Set(['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts']);

/**
 * Known, reviewed uses, each with why it is safe. Keep this short: a new entry needs a
 * reason a reviewer would accept.
 */
const ALLOWED: readonly { file: string; rule: string; why: string }[] = [
  {
    file: 'tests/tools/lib/load-page.ts',
    rule: 'document.write',
    why: 'Node CLI (extract/conformance): writes a saved page into a happy-dom window with script evaluation and loading disabled; never runs in the extension',
  },
];

function listSources(): string[] {
  const out: string[] = [];
  const walk = (dir: string, deep: boolean) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const full = join(dir, name);
      const st = statSync(full);
      if (st.isDirectory()) {
        if (deep) walk(full, true);
      } else if (SOURCE_EXT.has(extname(name)) && !name.endsWith('.d.ts')) out.push(full);
    }
  };
  for (const d of SCANNED.trees) walk(join(ROOT, d), true);
  for (const d of SCANNED.flat) walk(join(ROOT, d), false);
  return out.sort();
}

interface Finding {
  file: string;
  line: number;
  rule: string;
  text: string;
}

function scan(file: string, text: string): Finding[] {
  const found: Finding[] = [];
  text.split(/\r?\n/u).forEach((line, i) => {
    for (const rule of UNSAFE_RULES) if (rule.pattern.test(line)) found.push({ file, line: i + 1, rule: rule.name, text: line.trim().slice(0, 160) });
  });
  return found;
}

describe('no unsafe HTML or code sinks in the project source', () => {
  it('each rule catches its bad example and lets its safe example through', () => {
    for (const r of UNSAFE_RULES) {
      expect(r.pattern.test(r.bad), `${r.name} misses "${r.bad}"`).toBe(true);
      expect(r.pattern.test(r.fine), `${r.name} flags "${r.fine}"`).toBe(false);
    }
  });

  it('scans the real source tree (entrypoints, components, utils, tests/tools, tests/demo/*.ts)', () => {
    const files = listSources().map((f) => relative(ROOT, f));
    for (const must of ['entrypoints/portal.content.ts', 'entrypoints/background.ts', 'entrypoints/popup/App.tsx', 'utils/capture/toast.ts', 'tests/demo/server.ts']) {
      expect(files).toContain(must);
    }
    expect(files.some((f) => f.endsWith('.html'))).toBe(false);
  });

  it('finds no innerHTML, outerHTML =, insertAdjacentHTML, dangerouslySetInnerHTML, eval(, new Function( or document.write', () => {
    const findings = listSources().flatMap((f) => scan(relative(ROOT, f), readFileSync(f, 'utf8')));
    const unexpected = findings.filter((x) => !ALLOWED.some((a) => a.file === x.file && a.rule === x.rule));
    expect(unexpected.map((x) => `${x.file}:${x.line} ${x.rule}: ${x.text}`)).toEqual([]);
    // An exception that no longer matches anything is removed, not kept "just in case".
    const stale = ALLOWED.filter((a) => !findings.some((x) => x.file === a.file && x.rule === a.rule));
    expect(stale).toEqual([]);
  });
});
