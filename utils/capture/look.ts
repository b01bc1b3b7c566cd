/**
 * The one cheap look every portal frame pays: could this document hold records? A
 * table-like element, or — for card lists and label/value detail pages — a key
 * label in its text ("Mã hồ sơ", "Số ký hiệu"…). Only a frame that passes loads the
 * reader (the extraction), so menus, forms and dashboards cost one query and one regex.
 * It must never say no where the reader would find a record: tests/unit/look.test.ts
 * holds every key wording of the vocabularies against KEY_TEXT.
 */
import { fold } from '../text/fold';

/** Structures the reader looks into (tables, ARIA and Material grids, definition lists). */
export const RECORD_STRUCTURE = 'table, [role="grid"], [role="table"], [role="treegrid"], mat-table, cdk-table, dl';

/** Folded key wordings: a record needs a dossier code or a result number, and one of these names it. */
export const KEY_TEXT = /ho so|ma hs|bien nhan|so ky hieu|so hieu|so van ban|so quyet dinh|so giay chung nhan|so ket qua/u;

export function mayHoldRecords(doc: Document): boolean {
  if (doc.querySelector(RECORD_STRUCTURE)) return true;
  const text = doc.body?.textContent ?? '';
  return text !== '' && KEY_TEXT.test(fold(text));
}
