/** Invented records for the store and tally tests (no fixture files). */
import type { PortalRecord } from '../../utils/records';

export const DEPT_A = 'Phòng Quản lý khoa học';
export const DEPT_B = 'Chi cục Tiêu chuẩn Đo lường Chất lượng';

const blank: PortalRecord = {
  kind: 'dossier',
  code: null,
  resultNumber: null,
  procedure: null,
  field: null,
  department: null,
  departmentFrom: null,
  receivedAt: null,
  dueAt: null,
  resolvedAt: null,
  issuedAt: null,
  validUntil: null,
  permanent: null,
  status: null,
  statusCode: null,
  digitized: null,
  synced: null,
};

export function dossier(code: string, facts: Partial<PortalRecord> = {}): PortalRecord {
  return { ...blank, kind: 'dossier', code, ...facts };
}

export function result(code: string | null, resultNumber: string | null, facts: Partial<PortalRecord> = {}): PortalRecord {
  return { ...blank, kind: 'result', code, resultNumber, ...facts };
}

/** Small seeded PRNG so randomised tests are reproducible. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random records over a few codes so that keys collide, merge and move between cells. */
export function randomRecords(rand: () => number, n: number, codes = 40): PortalRecord[] {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const maybe = <T,>(v: T): T | null => (rand() < 0.35 ? null : v);
  const dates = ['2017-12-31', '2018-01-01', '2019-05-06', '2021-02-28', '2023-06-30', '2023-07-01', '2024-03-03'];
  const out: PortalRecord[] = [];
  for (let i = 0; i < n; i++) {
    const c = Math.floor(rand() * codes);
    const yymmdd = pick(['180305', '200229', '230615', '230701']);
    const code = `000.00.13.H37-${yymmdd}-${String(c).padStart(4, '0')}`;
    const facts: Partial<PortalRecord> = {
      department: maybe(pick([DEPT_A, DEPT_B])),
      receivedAt: maybe(pick(dates)),
      resolvedAt: rand() < 0.5 ? null : pick(dates),
      issuedAt: rand() < 0.6 ? null : pick(dates),
      validUntil: rand() < 0.5 ? null : pick(['2020-01-01', '2023-06-29', '2023-06-30', '2028-01-01']),
      permanent: rand() < 0.6 ? null : rand() < 0.5,
      statusCode: maybe(pick([2, 4, 9, 10])),
      digitized: rand() < 0.3 ? null : rand() < 0.5,
      synced: rand() < 0.4 ? null : rand() < 0.5,
    };
    const kind = rand();
    if (kind < 0.5) out.push(dossier(code, facts));
    else if (kind < 0.85) out.push(result(code, `${c % 3}/GCN`, facts));
    else out.push(result(null, `${c}/QĐ-SKHCN`, facts));
  }
  return out;
}
