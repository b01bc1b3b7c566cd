/**
 * Portal address input → match pattern. Accepts a bare host, a URL
 * (https://dichvucong.example.gov.vn/path) or a pattern (*://*.host/*), and
 * returns `https://host/*`, `http://host/*`, `*://host/*` or `*://*.host/*`.
 */
import { portalPatternSchema } from '../settings';

export const DEFAULT_PORTALS = ['*://*.langson.gov.vn/*', '*://dichvucong.gov.vn/*'] as const;

export type PortalParse = { ok: true; pattern: string } | { ok: false; message: string };

export function normalisePortal(input: string): PortalParse {
  let s = input.trim().normalize('NFC').toLowerCase();
  if (s === '') return { ok: false, message: 'required' };
  let scheme = 'https';
  const sm = /^(\*|https?):\/\//u.exec(s);
  if (sm) {
    scheme = sm[1] ?? 'https';
    s = s.slice(sm[0].length);
  } else if (/^[a-z][a-z0-9+.-]*:/u.test(s) && !/^[^/]+:\d+(\/|$)/u.test(s)) {
    return { ok: false, message: 'scheme' };
  }
  // Host part: up to the first / ? #
  const hostPart = s.split(/[/?#]/u)[0] ?? '';
  let wildcard = false;
  let host = hostPart;
  if (host.startsWith('*.')) {
    wildcard = true;
    host = host.slice(2);
  }
  if (host.includes('@')) return { ok: false, message: 'host' };
  const pattern = `${wildcard ? '*' : scheme}://${wildcard ? '*.' : ''}${host}/*`;
  const parsed = portalPatternSchema.safeParse(pattern);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'invalid' };
  return { ok: true, pattern: parsed.data };
}

export function isDefaultPortal(pattern: string): boolean {
  return (DEFAULT_PORTALS as readonly string[]).includes(pattern);
}
