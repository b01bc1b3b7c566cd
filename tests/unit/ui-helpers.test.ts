import { describe, expect, it, vi as spy } from 'vitest';
import { vi } from '../../utils/i18n/vi';
import { en } from '../../utils/i18n/en';
import { format, makeT, pickLang } from '../../utils/i18n';
import { formatCount, formatDateVN, formatPercent, formatTimestampVN, isIsoDate, ratePercent } from '../../utils/ui/format';
import { PRESET_PERIOD, parseStoredPeriod, validatePeriod } from '../../utils/ui/period';
import { normalisePortal, isDefaultPortal } from '../../utils/ui/portal';
import { groupByDepartment, itemLabel, safeHttpUrl } from '../../utils/ui/worklist';
import { rejectedEntries } from '../../utils/ui/rejected';
import { parseStorageError, storageErrorMessage } from '../../utils/storage-error';
import { detectImportKind, summariseImport } from '../../utils/ui/importResult';
import { downloadBlob, safeFileName, toBlob } from '../../utils/ui/download';
import { DEFAULT_PERIOD } from '../../utils/tally';

describe('i18n dictionaries', () => {
  it('vi and en have exactly the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });
  it('no dictionary value is empty and placeholders match between languages', () => {
    const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/gu)].map((m) => m[1]).sort();
    for (const k of Object.keys(vi) as (keyof typeof vi)[]) {
      expect(vi[k].length, k).toBeGreaterThan(0);
      expect(en[k].length, k).toBeGreaterThan(0);
      expect(ph(en[k]), k).toEqual(ph(vi[k]));
    }
  });
  it('export buttons keep their documented names in both languages', () => {
    for (const d of [vi, en]) {
      expect(d.exportSummaryCsv).toBe('Xuất CSV tổng hợp');
      expect(d.exportDetailCsv).toBe('Xuất CSV chi tiết');
      expect(d.exportXlsx).toBe('Xuất Excel (XLSX)');
    }
  });
  it('picks English only for en* UI locales', () => {
    expect(pickLang('en')).toBe('en');
    expect(pickLang('en-US')).toBe('en');
    expect(pickLang('en_GB')).toBe('en');
    expect(pickLang('vi')).toBe('vi');
    expect(pickLang('fr')).toBe('vi');
    expect(pickLang('eng')).toBe('vi');
    expect(pickLang(undefined)).toBe('vi');
  });
  it('fills placeholders and leaves unknown ones', () => {
    expect(format('{a} và {b}', { a: 1 })).toBe('1 và {b}');
    expect(makeT('vi')('importResult', { inserted: 12, updated: 3, unchanged: 40 })).toBe('Đã thêm 12, cập nhật 3, không đổi 40.');
    expect(makeT('vi')('exportProgress', { done: formatCount(40000), total: formatCount(100000) })).toBe(
      'Đang xuất 40.000/100.000 bản ghi…',
    );
  });
});

describe('formatting', () => {
  it('dates as dd/MM/yyyy without Date parsing', () => {
    expect(formatDateVN('2023-06-30')).toBe('30/06/2023');
    expect(formatDateVN('2018-01-01')).toBe('01/01/2018');
    expect(formatDateVN(null)).toBe('');
    expect(formatDateVN('30/06/2023')).toBe('');
  });
  it('validates real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-04-31')).toBe(false);
    expect(isIsoDate('2023-13-01')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });
  it('groups thousands per language', () => {
    expect(formatCount(100000)).toBe('100.000');
    expect(formatCount(100000, 'en')).toBe('100,000');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(-1234)).toBe('-1.234');
  });
  it('percent with one decimal and a decimal comma in Vietnamese', () => {
    expect(formatPercent(85.714)).toBe('85,7');
    expect(formatPercent(85.714, 'en')).toBe('85.7');
    expect(formatPercent(80)).toBe('80');
    expect(formatPercent(100)).toBe('100');
    expect(formatPercent(null)).toBe('');
    expect(ratePercent(4, 5)).toBe(80);
    expect(ratePercent(0, 0)).toBeNull();
  });
  it('timestamps in Vietnam time', () => {
    expect(formatTimestampVN(Date.UTC(2023, 5, 30, 17, 5))).toBe('01/07/2023 00:05');
    expect(formatTimestampVN(null)).toBe('');
  });
});

describe('period', () => {
  it('preset matches the tally default', () => {
    expect(PRESET_PERIOD).toEqual(DEFAULT_PERIOD);
    expect(validatePeriod(PRESET_PERIOD)).toEqual({});
  });
  it('from must not be after to', () => {
    expect(validatePeriod({ from: '2023-07-01', to: '2023-06-30', reference: '2023-06-30' })).toEqual({ to: 'periodErrorOrder' });
    expect(validatePeriod({ from: '2023-06-30', to: '2023-06-30', reference: '2023-06-30' })).toEqual({});
  });
  it('reports missing and impossible dates', () => {
    expect(validatePeriod({ from: '', to: '2023-02-30', reference: '2023-06-30' })).toEqual({
      from: 'periodErrorMissing',
      to: 'periodErrorInvalid',
    });
  });
  it('restores only a valid stored period', () => {
    expect(parseStoredPeriod({ from: '2019-01-01', to: '2020-12-31', reference: '2021-01-01' })).toEqual({
      from: '2019-01-01',
      to: '2020-12-31',
      reference: '2021-01-01',
    });
    expect(parseStoredPeriod({ from: '2021-01-01', to: '2020-12-31', reference: '2021-01-01' })).toBeNull();
    expect(parseStoredPeriod('x')).toBeNull();
    expect(parseStoredPeriod(undefined)).toBeNull();
  });
});

describe('portal address normalisation', () => {
  const ok = (s: string) => {
    const r = normalisePortal(s);
    return r.ok ? r.pattern : null;
  };
  it('turns an address into a host pattern', () => {
    expect(ok('https://dichvucong.example.gov.vn')).toBe('https://dichvucong.example.gov.vn/*');
    expect(ok('https://dichvucong.example.gov.vn/path/x?y=1#z')).toBe('https://dichvucong.example.gov.vn/*');
    expect(ok('dichvucong.example.gov.vn')).toBe('https://dichvucong.example.gov.vn/*');
    expect(ok('  HTTP://MotCua.Example.gov.vn/ ')).toBe('http://motcua.example.gov.vn/*');
    expect(ok('motcua.example.gov.vn:8443')).toBe('https://motcua.example.gov.vn:8443/*');
  });
  it('keeps full patterns and wildcards', () => {
    expect(ok('*://*.example.gov.vn/*')).toBe('*://*.example.gov.vn/*');
    expect(ok('https://*.example.gov.vn/*')).toBe('*://*.example.gov.vn/*');
    expect(ok('https://x.example.gov.vn/*')).toBe('https://x.example.gov.vn/*');
  });
  it('rejects what is not a portal address', () => {
    expect(ok('')).toBeNull();
    expect(ok('localhost')).toBeNull();
    expect(ok('javascript:alert(1)')).toBeNull();
    expect(ok('ftp://x.gov.vn')).toBeNull();
    expect(ok('https://user@x.gov.vn')).toBeNull();
    expect(ok('https://*/*')).toBeNull();
    expect(ok('hello world')).toBeNull();
  });
  it('knows the defaults', () => {
    expect(isDefaultPortal('*://*.langson.gov.vn/*')).toBe(true);
    expect(isDefaultPortal('https://x.gov.vn/*')).toBe(false);
  });
});

describe('worklist helpers', () => {
  it('groups in input order', () => {
    const g = groupByDepartment([
      { department: 'B', id: 1 },
      { department: 'A', id: 2 },
      { department: 'B', id: 3 },
    ]);
    expect(g.map((x) => [x.department, x.items.map((i) => i.id)])).toEqual([
      ['B', [1, 3]],
      ['A', [2]],
    ]);
  });
  it('links only to http(s) pages', () => {
    expect(safeHttpUrl('https://motcua.langson.gov.vn/a?b=1')).toBe('https://motcua.langson.gov.vn/a?b=1');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,x')).toBeNull();
    expect(safeHttpUrl('')).toBeNull();
    expect(safeHttpUrl('not a url')).toBeNull();
  });
  it('labels by code, else number', () => {
    expect(itemLabel({ code: 'A', resultNumber: 'N' })).toBe('A');
    expect(itemLabel({ code: null, resultNumber: 'N' })).toBe('N');
  });
});

describe('status helpers', () => {
  it('lists rejected reasons largest first, skipping zeros and junk', () => {
    expect(rejectedEntries({ 'thiếu mã': 2, 'ngày sai': 5, zero: 0, bad: 'x' })).toEqual([
      ['ngày sai', 5],
      ['thiếu mã', 2],
    ]);
    expect(rejectedEntries(undefined)).toEqual([]);
    expect(rejectedEntries([1, 2])).toEqual([]);
  });
  it('reads the last storage error and words it in Vietnamese by its name', () => {
    expect(parseStorageError({ message: 'Bộ nhớ đầy', at: 5 })).toEqual({ message: 'Bộ nhớ đầy', at: 5 });
    expect(parseStorageError({ message: '' })).toBeNull();
    expect(parseStorageError(null)).toBeNull();
    expect(storageErrorMessage({ name: 'QuotaExceededError' })).toMatch(/Bộ nhớ trình duyệt đã đầy/u);
    expect(storageErrorMessage({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toMatch(/đã đầy/u);
    expect(storageErrorMessage({ name: 'VersionError' })).toMatch(/phiên bản mới hơn/u);
    expect(storageErrorMessage({ name: 'DatabaseClosedError', inner: { name: 'UnknownError' } })).toMatch(/ổ đĩa đầy/u);
    expect(storageErrorMessage({ name: 'BulkError', failures: [{ name: 'QuotaExceededError' }] })).toMatch(/Bộ nhớ trình duyệt đã đầy/u);
    expect(storageErrorMessage(new Error("x"))).toMatch(/^Chưa lưu được dữ liệu vào bộ nhớ trình duyệt \(Error\)/u);
  });
});

describe('import helpers', () => {
  it('detects backups and CSVs', () => {
    expect(detectImportKind('x.json', '{"a":1}')).toBe('backup');
    expect(detectImportKind('x.txt', '\ufeff  {"a":1}')).toBe('backup');
    expect(detectImportKind('x.csv', '\ufeffLoại,Mã hồ sơ\r\n')).toBe('csv');
    expect(detectImportKind('noext', 'Loại,Mã hồ sơ\r\nHồ sơ,A\r\n')).toBe('csv');
    expect(detectImportKind('image.png', '\u0089PNG')).toBeNull();
  });
  it('summarises counts and errors', () => {
    expect(summariseImport({ inserted: 12, updated: 3, unchanged: 40 })).toEqual({
      inserted: 12,
      updated: 3,
      unchanged: 40,
      rejected: 0,
      errors: [],
    });
    expect(summariseImport({ records: [], errors: ['Dòng 2: sai'] }).errors).toEqual(['Dòng 2: sai']);
    expect(summariseImport({ ok: false, error: 'hỏng' }).errors).toEqual(['hỏng']);
    expect(summariseImport({ errors: [{ line: 3, message: 'x' }] }).errors).toEqual(['Dòng 3: x']);
  });
});

describe('download helper', () => {
  it('clicks an <a download> of a blob URL and revokes it later', () => {
    const clicks: { href: string; download: string }[] = [];
    const deferred: (() => void)[] = [];
    const revoked: string[] = [];
    const appended: unknown[] = [];
    const a = {
      href: '',
      download: '',
      rel: '',
      style: {} as Record<string, string>,
      click: spy.fn(() => clicks.push({ href: a.href, download: a.download })),
      remove: spy.fn(),
    };
    downloadBlob(new Blob(['x']), 'kiem/dem:tong-hop.csv', {
      document: { createElement: () => a, body: { appendChild: (n: unknown) => appended.push(n) } } as never,
      createObjectURL: () => 'blob:1',
      revokeObjectURL: (u) => revoked.push(u),
      defer: (fn) => deferred.push(fn),
    });
    expect(clicks).toEqual([{ href: 'blob:1', download: 'kiem-dem-tong-hop.csv' }]);
    expect(a.remove).toHaveBeenCalled();
    expect(revoked).toEqual([]);
    for (const f of deferred) f();
    expect(revoked).toEqual(['blob:1']);
  });
  it('makes safe file names', () => {
    expect(safeFileName('a/b\\c:d*e?f"g<h>i|j')).toBe('a-b-c-d-e-f-g-h-i-j');
    expect(safeFileName('   ')).toBe('tep');
  });
  it('builds one blob of parts', async () => {
    const b = toBlob(['\ufeffa', ',b'], 'text/csv');
    expect(b.type).toBe('text/csv');
    expect(new Uint8Array(await b.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await b.arrayBuffer())).toBe('\ufeffa,b');
  });
});
