/** Test pages of tests/pages parsed in happy-dom with page scripts disabled. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { extractPage, findRecordTables } from '../../utils/extract/index';
import { toOutput, type PortalRecord } from '../../utils/records';
import { DEFAULT_SETTINGS } from '../../utils/settings';

export const URL = 'https://motcua.langson.gov.vn/vi/dossier/search';

export function loadDoc(html: string): Document {
  const window = new Window({ url: URL, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true } });
  window.document.write(html);
  return window.document as unknown as Document;
}

export function loadPage(name: string): Document {
  return loadDoc(readFileSync(join(import.meta.dirname, '../pages', name), 'utf8'));
}

export const ctx = { url: URL, settings: DEFAULT_SETTINGS };

export function extract(name: string) {
  const doc = loadPage(name);
  const { records, rejected } = extractPage(doc, ctx);
  const byCode = (code: string | null, resultNumber?: string) =>
    records.find((r) => r.code === code && (resultNumber === undefined || r.resultNumber === resultNumber)) as PortalRecord;
  return { doc, records, rejected, byCode, output: records.map(toOutput), tables: findRecordTables(doc, ctx) };
}
