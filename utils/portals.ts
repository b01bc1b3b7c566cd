/** Portal address patterns and matching (pure). */

/** Content-script matches that ship with the extension. */
export const DEFAULT_MATCHES = ['*://*.langson.gov.vn/*', '*://dichvucong.gov.vn/*'];

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/gu, '\\$&');
}

/** A match pattern (scheme://host/path with * wildcards) as a RegExp over a URL. */
export function patternToRegExp(pattern: string): RegExp | null {
  const m = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*]+)(\/.*)$/u.exec(pattern);
  if (!m) return null;
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  const schemeRe = scheme === '*' ? 'https?' : escapeRegExp(scheme);
  let hostRe: string;
  if (host === '*') hostRe = '[^/:]+';
  else if (host.startsWith('*.')) hostRe = `(?:[^/:]+\\.)?${escapeRegExp(host.slice(2))}`;
  else hostRe = escapeRegExp(host);
  const pathRe = path.split('*').map(escapeRegExp).join('.*');
  return new RegExp(`^${schemeRe}://${hostRe}(?::\\d+)?${pathRe}$`, 'u');
}

export function urlMatchesAny(url: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => patternToRegExp(p)?.test(url) ?? false);
}

/**
 * Turn what a user types ("dichvucong.example.gov.vn", "https://x.gov.vn/abc")
 * into a match pattern for the whole host, or null when it is not an address.
 */
export function toPortalPattern(input: string): string | null {
  const text = input.trim();
  if (/^(\*|https?):\/\/(\*\.)?[a-z0-9.-]+(:\d+)?\/\*$/iu.test(text)) return text.toLowerCase();
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//iu.test(text) ? text : `https://${text}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/u.test(url.hostname)) return null;
  return `${url.protocol}//${url.hostname}/*`;
}
