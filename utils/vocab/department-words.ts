/** Words of department names (data shared by the department index and the abbreviation rule). */

/**
 * Words that open a department's name. Abbreviations are derived from what follows them
 * ("Phòng Quản lý khoa học" → QLKH, Phòng QLKH), and a bare group caption that starts
 * with one names a department.
 */
export const DEPARTMENT_PREFIXES: readonly string[] = ['Phòng', 'Chi cục', 'Trung tâm', 'Ban', 'Văn phòng', 'Thanh tra', 'Đơn vị'];

/** Prefixes whose department names give derived abbreviations (the others are plain words). */
export const ABBREVIATED_PREFIXES: readonly string[] = ['Phòng', 'Chi cục', 'Trung tâm', 'Ban'];

/** Words of a name that join its parts ("và", "&") and are not initialled. */
export const NAME_JOINERS: readonly string[] = ['và', '&', '-', '–', ','];


/**
 * Short forms of the prefixes as pages write them ("P. QLKH", "CC TĐC", "TT Ứng dụng …"):
 * read as the prefix. ("TT" is Trung tâm; Thanh tra is written out or "TTr".)
 */
export const PREFIX_SHORT_FORMS: readonly [string, string][] = [
  ['P', 'Phòng'], ['CC', 'Chi cục'], ['TT', 'Trung tâm'], ['TTr', 'Thanh tra'], ['VP', 'Văn phòng'],
];
