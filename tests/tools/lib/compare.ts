/** Expected vs found records, matched by identity (recordKey), field by field. */
import { OUTPUT_FIELDS, recordKey, type PortalRecord } from '../../../utils/records';

export interface FieldDiff {
  key: string;
  field: string;
  expected: unknown;
  found: unknown;
}

export interface Comparison {
  expected: number;
  found: number;
  missing: string[];
  extra: string[];
  wrong: FieldDiff[];
}

type Keyed = Pick<PortalRecord, 'kind' | 'code' | 'resultNumber'>;

function keyOf(o: object): string {
  const r = o as Partial<Keyed>;
  return recordKey({ kind: r.kind === 'result' ? 'result' : 'dossier', code: r.code ?? null, resultNumber: r.resultNumber ?? null });
}

export function compareRecords(expected: object[], found: object[]): Comparison {
  const exp = new Map(expected.map((o) => [keyOf(o), o as Record<string, unknown>]));
  const got = new Map(found.map((o) => [keyOf(o), o as Record<string, unknown>]));
  const missing = [...exp.keys()].filter((k) => !got.has(k));
  const extra = [...got.keys()].filter((k) => !exp.has(k));
  const wrong: FieldDiff[] = [];
  for (const [key, e] of exp) {
    const f = got.get(key);
    if (!f) continue;
    // Fields of the fixture format; departmentFrom only when the expectation states it.
    for (const field of OUTPUT_FIELDS) {
      if (!(field in e)) continue;
      const ev = e[field] ?? null;
      const fv = f[field] ?? null;
      if (ev !== fv) wrong.push({ key, field, expected: ev, found: fv });
    }
  }
  return { expected: expected.length, found: found.length, missing, extra, wrong };
}
