/**
 * The page address kept with a record: origin, path and the non-personal parameters
 * only (paging, sorting, list filters; vocab/personal.ts), never a keyword search or an
 * ID number typed into a filter. Over-long addresses are cut, never refused.
 */
import { URL_PARAMS_KEPT } from '../vocab/personal';
import { isPersonalText } from './text';

/** Longest address kept (the worklist link still opens the right page). */
export const MAX_SOURCE_URL = 1000;
const MAX_PARAM_VALUE = 100;

const KEPT = new Set(URL_PARAMS_KEPT);

function keepParams(search: string): string {
  const params = new URLSearchParams(search);
  const out = new URLSearchParams();
  for (const [k, v] of params) {
    const name = k.toLowerCase().replace(/[^a-z]/gu, '');
    if (!KEPT.has(name) || v.length > MAX_PARAM_VALUE || isPersonalText(v)) continue;
    out.append(k, v);
  }
  const s = out.toString();
  return s ? `?${s}` : '';
}

/** A hash route ("#/ho-so/danh-sach?tuKhoa=…") keeps its path and allowed parameters. */
function keepHash(hash: string): string {
  if (!hash || hash === '#') return '';
  const body = hash.slice(1);
  const q = body.indexOf('?');
  const path = q < 0 ? body : body.slice(0, q);
  if (isPersonalText(decodeSafe(path))) return '';
  return `#${path}${q < 0 ? '' : keepParams(body.slice(q + 1))}`;
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The address to store for a page, or '' when it is not an http(s) address. */
export function sanitizeSourceUrl(href: string | null | undefined): string {
  if (!href) return '';
  let url: URL;
  try {
    url = new URL(href.slice(0, 100_000));
  } catch {
    return '';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return '';
  // Path segments that carry personal data ("/tra-cuu/020188001234") are dropped from there on.
  const segments = url.pathname.split('/');
  const cut = segments.findIndex((s) => isPersonalText(decodeSafe(s).replace(/[-_+]/gu, ' ')) && /\d|@/u.test(decodeSafe(s)));
  let path = cut < 0 ? url.pathname : segments.slice(0, cut).join('/') || '/';
  // "https://host" stays as written (URL gives it the path "/").
  if (path === '/' && !href.slice(url.origin.length).startsWith('/') && href.toLowerCase().startsWith(url.origin)) path = '';
  const full = `${url.origin}${path}${keepParams(url.search)}${keepHash(url.hash)}`;
  return full.length > MAX_SOURCE_URL ? full.slice(0, MAX_SOURCE_URL) : full;
}
