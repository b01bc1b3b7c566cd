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

