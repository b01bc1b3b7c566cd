import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  BOM,
  CHUNK_ROWS,
  DETAIL_COLUMNS,
  csvFileName,
  csvLine,
  detailCsv,
  detailCsvChunks,
  formatRate,
  parseDetailCsv,
  summaryCsv,
} from '../../utils/csv';
import { formatDateTimeVn, isoToVn, parseDateTimeVn, vnToIso } from '../../utils/text/dates';
import { storedRecord, type PortalRecord, type StoredRecord } from '../../utils/records';
import { DEFAULT_PERIOD } from '../../utils/period';
import { tallyFromRecords, withAllYears } from '../../utils/tally';
import { DEPT_A, DEPT_B, dossier, result } from './tally-helpers';

const HEADER = DETAIL_COLUMNS.join(',');
// Files exported before the archive-sync column (17 columns) still import.
const OLD_HEADER = DETAIL_COLUMNS.slice(0, 17).join(',');
// 2023-06-15 08:05 in Vietnam (UTC+7).
const SEEN = Date.UTC(2023, 5, 15, 1, 5);

function stored(r: PortalRecord, over: Partial<StoredRecord> = {}): StoredRecord {
  return { ...storedRecord(r, { firstSeen: SEEN, lastSeen: SEEN, sourceUrl: 'https://motcua.langson.gov.vn/hs?page=1' }), ...over };
}

describe('dates (dd/MM/yyyy, Vietnam time)', () => {
  it('formats and parses dd/MM/yyyy strictly', () => {
    expect(isoToVn('2023-06-05')).toBe('05/06/2023');
    expect(isoToVn(null)).toBe('');
    expect(vnToIso('29/02/2024')).toBe('2024-02-29');
    expect(vnToIso('29/02/2023')).toBeNull();
    expect(vnToIso('2023-06-05')).toBeNull();
  });
  it('formats times in Vietnam time, whatever the machine zone', () => {
    expect(formatDateTimeVn(Date.UTC(2023, 11, 31, 17, 30))).toBe('01/01/2024 00:30');
    expect(parseDateTimeVn('01/01/2024 00:30')).toBe(Date.UTC(2023, 11, 31, 17, 30));
    expect(parseDateTimeVn('01/01/2024 24:00')).toBeNull();
  });
});

describe('formatRate', () => {
  it('uses one decimal with a decimal comma, empty when nothing counts', () => {
    expect(formatRate(80)).toBe('80,0');
    expect(formatRate(200 / 3)).toBe('66,7');
    expect(formatRate(100 / 3)).toBe('33,3');
    expect(formatRate(null)).toBe('');
  });
});

describe('summaryCsv', () => {
  it('writes BOM, header, department years, "Cộng" and "Tổng cộng" with CRLF', () => {
    const t = tallyFromRecords([
      result(null, '1', { department: DEPT_A, issuedAt: '2019-01-01', digitized: true, synced: true }),
      result(null, '2', { department: DEPT_A, issuedAt: '2020-01-01', digitized: false, synced: false }),
      result(null, '3', { department: DEPT_A, issuedAt: '2020-01-01', digitized: null }),
      result(null, '4', { department: DEPT_B, issuedAt: '2020-01-01', digitized: true }),
    ]);
    expect(summaryCsv(t)).toBe(
      BOM +
        [
          'Đơn vị,Năm,Tổng còn hiệu lực,Đã số hóa,Chưa số hóa,Chưa rõ,Tỷ lệ số hóa (%),Đã đồng bộ kho,Chưa đồng bộ kho',
          `${DEPT_B},2020,1,1,0,0,"100,0",0,0`,
          `${DEPT_B},Cộng,1,1,0,0,"100,0",0,0`,
          `${DEPT_A},2019,1,1,0,0,"100,0",1,0`,
          `${DEPT_A},2020,2,0,1,1,"0,0",0,1`,
          `${DEPT_A},Cộng,3,1,1,1,"33,3",1,1`,
          'Tổng cộng,,4,2,1,1,"50,0",1,1',
        ].join('\r\n'),
    );
  });

  it('has an empty rate when nothing counts', () => {
    expect(summaryCsv(tallyFromRecords([]))).toBe(`${BOM}Đơn vị,Năm,Tổng còn hiệu lực,Đã số hóa,Chưa số hóa,Chưa rõ,Tỷ lệ số hóa (%),Đã đồng bộ kho,Chưa đồng bộ kho\r\nTổng cộng,,0,0,0,0,,0,0`);
  });

  it('with withAllYears: every year of the period for every department, zeros where nothing counts', () => {
    const t = withAllYears(
      tallyFromRecords([result(null, '1', { department: DEPT_A, issuedAt: '2019-01-01', digitized: true })], { from: '2018-01-01', to: '2020-06-30', reference: '2020-06-30' }),
      [DEPT_B],
    );
    const lines = summaryCsv(t).slice(1).split('\r\n');
    expect(lines.slice(1)).toEqual([
      `${DEPT_B},2018,0,0,0,0,,0,0`,
      `${DEPT_B},2019,0,0,0,0,,0,0`,
      `${DEPT_B},2020,0,0,0,0,,0,0`,
      `${DEPT_B},Cộng,0,0,0,0,,0,0`,
      `${DEPT_A},2018,0,0,0,0,,0,0`,
      `${DEPT_A},2019,1,1,0,0,"100,0",0,0`,
      `${DEPT_A},2020,0,0,0,0,,0,0`,
      `${DEPT_A},Cộng,1,1,0,0,"100,0",0,0`,
      'Tổng cộng,,1,1,0,0,"100,0",0,0',
    ]);
  });
});

describe('detailCsv', () => {
  const dos = stored(
    dossier('000.00.13.H37-230615-0007', {
      procedure: 'Cấp giấy phép, "đặc biệt"\ndòng hai',
      field: 'Sở hữu trí tuệ',
      department: DEPT_A,
      receivedAt: '2023-06-15',
      dueAt: '2023-06-30',
      resolvedAt: '2023-06-20',
      status: 'Đã trả kết quả',
      statusCode: 10,
      digitized: null,
    }),
  );
  const res = stored(
    result('000.00.13.H37-230615-0007', '2.002709', {
      procedure: '=HYPERLINK("http://x","y")',
      department: null,
      issuedAt: '2023-06-21',
      validUntil: '2028-06-21',
      permanent: true,
      digitized: false,
      synced: true,
    }),
  );

  it('writes exact bytes: BOM, quoting, CRLF, dd/MM/yyyy, labels, Vietnam time, formula neutralised', () => {
    expect(detailCsv([res, dos])).toBe(
      BOM +
        HEADER +
        '\r\n' +
        `Hồ sơ,000.00.13.H37-230615-0007,,"Cấp giấy phép, ""đặc biệt""\ndòng hai",Sở hữu trí tuệ,${DEPT_A},15/06/2023,30/06/2023,20/06/2023,,,,Đã trả kết quả,10,Chưa rõ,https://motcua.langson.gov.vn/hs?page=1,15/06/2023 08:05,Chưa rõ` +
        '\r\n' +
        `Kết quả,000.00.13.H37-230615-0007,2.002709,"'=HYPERLINK(""http://x"",""y"")",,Chưa phân loại,,,,21/06/2023,21/06/2028,Có,,,Chưa số hóa,https://motcua.langson.gov.vn/hs?page=1,15/06/2023 08:05,Đã đồng bộ`,
    );
  });

  it('neutralises every formula-leading character, also in multi-line cells', () => {
    for (const lead of ['=', '+', '-', '@', '\t', '\r']) {
      const csv = detailCsv([stored(result(null, 'N1', { procedure: `${lead}1+2\nx` }))]);
      const line = csv.split('\r\n').slice(1).join('\r\n');
      expect(line.startsWith(`Kết quả,,N1,"'${lead}1+2`)).toBe(true);
    }
  });

  it('normalises decomposed (NFD) text to NFC', () => {
    const nfd = 'Hoạt động khoa học'.normalize('NFD');
    const csv = detailCsv([stored(result(null, 'N2', { field: nfd }))]);
    expect(csv).toContain(',Hoạt động khoa học,'.normalize('NFC'));
    expect(csv).not.toContain(nfd);
  });

  it('quotes every cell exactly as papaparse does (quotes, commas, line breaks, edge spaces, BOM, formulas)', () => {
    const cells = [
      '', 'a', 'Sở Khoa học và Công nghệ', 'a,b', 'say "hi"', '"', 'x\ny', 'x\r\ny', '\r', ' lead', 'trail ', ' ', '\uFEFFbom',
      '=SUM(A1)', '+1', '-2', '@x', '\tTab', "'=already", "''+x", '=a,"b"', '12/GP-SKHCN', '01/02/2020', 'https://h/p?a=1&b=2',
    ];
    const formula = /^'*[=+\-@\t\r]/u;
    for (const c of cells) {
      expect(csvLine([c])).toBe(Papa.unparse([[c]], { newline: '\r\n', escapeFormulae: formula, header: false, quotes: false }));
    }
    expect(csvLine(cells)).toBe(Papa.unparse([cells], { newline: '\r\n', escapeFormulae: formula, header: false, quotes: false }));
  });

  it('chunked variant gives the same text and reports progress', async () => {
    const many = Array.from({ length: CHUNK_ROWS * 2 + 5 }, (_, i) =>
      stored(result(null, `${i}/QĐ`, { department: i % 2 ? DEPT_A : DEPT_B, issuedAt: '2020-01-01', digitized: i % 3 === 0 })),
    );
    const progress: number[] = [];
    const parts = await detailCsvChunks(many, (done) => progress.push(done));
    expect(parts.join('')).toBe(detailCsv(many));
    expect(progress).toEqual([CHUNK_ROWS, CHUNK_ROWS * 2, CHUNK_ROWS * 2 + 5]);
  });

  it('round-trips through parseDetailCsv', () => {
    const recs = [
      dos,
      res,
      stored(result(null, '15/QĐ-SKHCN', { department: DEPT_B, issuedAt: '2019-02-03', digitized: true, status: "'=not a formula" })),
    ];
    const back = parseDetailCsv(detailCsv(recs));
    expect(back.errors).toEqual([]);
    // The export is sorted by department; compare as sets of records.
    const norm = (rs: StoredRecord[]) => rs.map((r) => ({ ...r, departmentFrom: null })).sort((a, b) => (a.key < b.key ? -1 : 1));
    expect(norm(back.records)).toEqual(norm(recs));
  });
});

describe('parseDetailCsv errors', () => {
  const good = `Kết quả,,1/QĐ,,,${DEPT_A},,,,01/02/2020,,,,,Đã số hóa,https://a,01/02/2020 10:00`;
  it('accepts a well-formed line without BOM too', () => {
    const r = parseDetailCsv(`${OLD_HEADER}\r\n${good}`);
    expect(r.errors).toEqual([]);
    expect(r.records[0]).toMatchObject({ kind: 'result', resultNumber: '1/QĐ', issuedAt: '2020-02-01', digitized: true, department: DEPT_A, key: 'r||1/qd|2020-02-01' });
  });
  it('reads the "Đồng bộ kho" column and refuses other words in it', () => {
    const ok = parseDetailCsv(`${HEADER}\r\n${good},Đã đồng bộ\r\n${good.replace('1/QĐ', '2/QĐ')},Chưa đồng bộ\r\n${good.replace('1/QĐ', '3/QĐ')},Chưa rõ`);
    expect(ok.errors).toEqual([]);
    expect(ok.records.map((r) => r.synced)).toEqual([true, false, null]);
    const bad = parseDetailCsv(`${HEADER}\r\n${good},Xong`);
    expect(bad.records).toEqual([]);
    expect(bad.errors).toEqual(['Dòng 2: Đồng bộ kho phải là "Đã đồng bộ", "Chưa đồng bộ" hoặc "Chưa rõ"']);
    // A line shorter than the header is refused, not padded.
    expect(parseDetailCsv(`${HEADER}\r\n${good}`).errors).toEqual(['Dòng 2: có 17 cột, cần 18']);
  });
  it('refuses a wrong header', () => {
    const r = parseDetailCsv(`Loại,Mã hồ sơ\r\nHồ sơ,X`);
    expect(r.records).toEqual([]);
    expect(r.errors[0]).toMatch(/^Tiêu đề cột không đúng/u);
  });
  it('reports each bad line in Vietnamese and keeps nothing', () => {
    const lines = [
      good,
      'Hồ sơ,,,,,,,,,,,,,,Chưa rõ,https://a,01/02/2020 10:00',
      `Kết quả,,2/QĐ,,,,31/02/2020,,,,,,,,Chưa rõ,https://a,01/02/2020 10:00`,
      `Kết quả,,3/QĐ,,,,,,,,,Không,,,Chưa rõ,https://a,01/02/2020 10:00`,
      `Kết quả,,4/QĐ,,,,,,,,,,,11,Chưa rõ,https://a,01/02/2020 10:00`,
    ];
    const r = parseDetailCsv(`${BOM + OLD_HEADER}\r\n${lines.join('\r\n')}`);
    expect(r.records).toEqual([]);
    expect(r.errors).toEqual([
      'Dòng 3: thiếu mã hồ sơ',
      'Dòng 4: Ngày tiếp nhận "31/02/2020" không phải ngày hợp lệ dạng dd/MM/yyyy',
      'Dòng 5: Vĩnh viễn phải là "Có" hoặc để trống',
      'Dòng 6: cột Mã trạng thái không hợp lệ',
    ]);
  });
});

describe('csvFileName', () => {
  const now = Date.UTC(2026, 10, 25, 18, 0); // 26/11/2026 01:00 in Vietnam
  it('is ASCII with the period and the export date', () => {
    expect(csvFileName('tong-hop', DEFAULT_PERIOD, undefined, now)).toBe('kiem-dem-tthc_tong-hop_2018-01-01_2023-06-30_2026-11-26.csv');
  });
  it('folds a department name', () => {
    const name = csvFileName('chi-tiet', DEFAULT_PERIOD, 'Chi cục Tiêu chuẩn Đo lường Chất lượng', now);
    expect(name).toBe('kiem-dem-tthc_chi-tiet_chi-cuc-tieu-chuan-do-luong-chat-luong_2018-01-01_2023-06-30_2026-11-26.csv');
    expect(/^[\x20-\x7e]+$/u.test(name)).toBe(true);
  });
});
