import { describe, expect, it } from 'vitest';
import { DEFAULT_MATCHES, toPortalPattern, urlMatchesAny } from '../../utils/portals';

describe('portal patterns', () => {
  it('matches the default portals and nothing else', () => {
    expect(urlMatchesAny('https://motcua.langson.gov.vn/vi/dossier/search', DEFAULT_MATCHES)).toBe(true);
    expect(urlMatchesAny('https://langson.gov.vn/', DEFAULT_MATCHES)).toBe(true);
    expect(urlMatchesAny('https://dichvucong.gov.vn/p/home/x.html?a=1', DEFAULT_MATCHES)).toBe(true);
    expect(urlMatchesAny('https://evil-langson.gov.vn/', DEFAULT_MATCHES)).toBe(false);
    expect(urlMatchesAny('https://motcua.langson.gov.vn.evil.com/', DEFAULT_MATCHES)).toBe(false);
    expect(urlMatchesAny('https://sub.dichvucong.gov.vn/', DEFAULT_MATCHES)).toBe(false);
  });

  it('turns typed addresses into whole-host patterns', () => {
    expect(toPortalPattern('dichvucong.bacgiang.gov.vn')).toBe('https://dichvucong.bacgiang.gov.vn/*');
    expect(toPortalPattern('http://motcua.hanam.gov.vn/abc?x=1')).toBe('http://motcua.hanam.gov.vn/*');
    expect(toPortalPattern('*://*.hanam.gov.vn/*')).toBe('*://*.hanam.gov.vn/*');
    expect(toPortalPattern('không phải địa chỉ')).toBeNull();
    expect(toPortalPattern('ftp://x.gov.vn')).toBeNull();
    expect(toPortalPattern('localhost')).toBeNull();
  });
});
