/**
 * Is an element page chrome rather than data? Icon glyphs, action menus and hidden
 * elements (see vocab/page-chrome). Called for every element the text walk meets, so it
 * only reads the tag, the class and two attributes.
 */
import { HIDDEN_CLASSES, ICON_CLASSES, ICON_TAGS, MENU_CLASSES, MENU_ROLES } from '../vocab/page-chrome';

const TAGS = new Set(ICON_TAGS.map((t) => t.toUpperCase()));
const ICONS = new Set(ICON_CLASSES);
const CLASSES = new Set([...MENU_CLASSES, ...HIDDEN_CLASSES]);
const ROLES = new Set(MENU_ROLES);
// A lone lower-case glyph name in an <i> ("visibility", "file_download") is an icon ligature.
const LIGATURE = /^\s*[a-z][a-z0-9_]{2,40}\s*$/u;

/** CSS selector of icon elements (for reading a glyph name as an icon's meaning). */
export const ICON_SELECTOR = [...ICON_TAGS, ...ICON_CLASSES.map((c) => `.${c}`)].join(', ');

/** 'icon' for icon glyphs, 'chrome' for menus and hidden parts, null for content. */
export function chromeKind(el: Element): 'icon' | 'chrome' | null {
  const tag = el.tagName.toUpperCase();
  if (el.hasAttribute('hidden')) return 'chrome';
  const role = el.getAttribute('role');
  if (role && ROLES.has(role)) return 'chrome';
  const cls = el.getAttribute('class');
  let icon = TAGS.has(tag);
  if (cls) {
    for (const c of cls.split(/\s+/u)) {
      if (CLASSES.has(c)) return 'chrome';
      if (ICONS.has(c)) icon = true;
    }
  }
  const style = el.getAttribute('style');
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/u.test(style)) return 'chrome';
  if (icon) return 'icon';
  if (tag === 'I' && el.childElementCount === 0 && LIGATURE.test(el.textContent ?? '')) return 'icon';
  return null;
}

/** Text of this element is not data (icon glyph names, action menus, hidden parts). */
export function isNotContent(el: Element): boolean {
  return chromeKind(el) !== null;
}

/**
 * True when `el` sits in an action menu or a hidden part below `root` (an icon itself is
 * fine: its tooltip or glyph may say "đã số hóa"; an icon inside a menu is not).
 */
export function isChromeWithin(el: Element, root: Element): boolean {
  if (chromeKind(el) === 'chrome') return true;
  for (let a = el.parentElement; a && a !== root; a = a.parentElement) if (chromeKind(a) === 'chrome') return true;
  return false;
}
