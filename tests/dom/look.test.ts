/**
 * The cheap look of every portal frame never says no where the reader finds a record:
 * over every saved page of the project (and the shared fixtures when present), and for
 * every key wording of the header and label vocabularies. And it does say no on a
 * page of menus and forms.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY_TEXT, mayHoldRecords } from '../../utils/capture/look';
import { extractPage } from '../../utils/extract/index';
import { fold } from '../../utils/text/fold';
import { HEADER_CONTAINS, HEADER_WORDINGS } from '../../utils/vocab/headers';
import { PACKED_LABELS } from '../../utils/vocab/labels';
import { ctx, loadDoc } from './load';

const ROOT = join(import.meta.dirname, '..');
const dirs = [join(ROOT, 'pages'), join(ROOT, 'demo/pages'), join(ROOT, 'e2e/pages'), join(ROOT, '../../shared/fixtures/portal')].filter(existsSync);
const pages = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.html')).map((f) => join(d, f)));

describe('the cheap look (look.content.ts)', () => {
  it('finds every page the reader reads records from', () => {
    let withRecords = 0;
    for (const file of pages) {
      const doc = loadDoc(readFileSync(file, 'utf8'));
      if (extractPage(doc, ctx).records.length === 0) continue;
      withRecords++;
      expect(mayHoldRecords(doc), file).toBe(true);
    }
    expect(withRecords).toBeGreaterThan(5);
  });

  it('covers every key wording of the header and label vocabularies', () => {
    const words = [
      ...HEADER_WORDINGS.code, ...HEADER_WORDINGS.resultNumber,
      ...(PACKED_LABELS.code ?? []), ...(PACKED_LABELS.resultNumber ?? []),
      ...HEADER_CONTAINS.filter(([, f]) => f === 'code' || f === 'resultNumber').map(([w]) => w),
    ];
    for (const w of words) expect(KEY_TEXT.test(fold(w)), w).toBe(true);
  });

  it('finds label/value detail text without any table, and ignores a page of menus and forms', () => {
    expect(mayHoldRecords(loadDoc('<main><div><b>Mã hồ sơ:</b> 000.00.13.H37-230615-0007</div></main>'))).toBe(true);
    expect(mayHoldRecords(loadDoc('<main><p>Số ký hiệu: 12/GCN-SKHCN</p></main>'))).toBe(true);
    expect(mayHoldRecords(loadDoc('<div role="grid"><div role="row"></div></div>'))).toBe(true);
    const menu = '<nav><a href="/">Trang chủ</a><a href="/tra-cuu">Tra cứu</a></nav><form><label>Tên đăng nhập</label><input name="u"><button>Đăng nhập</button></form>';
    expect(mayHoldRecords(loadDoc(menu))).toBe(false);
  });
});
