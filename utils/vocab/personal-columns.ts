/**
 * Personal-data columns for the "Ánh xạ cột" mapping and the "Lưu mẫu trang" sample:
 * a column whose header names an applicant's name, ID number, phone, e-mail or address
 * is never read or mapped, and family names mark a name to mask. Data plus one test.
 */
import { containsWords, matchKey } from '../text/keys';
import { lookupHeader } from './headers';
import { FAMILY_NAMES } from './personal';

/** Words of headers and labels that name personal data (matched as folded word runs). */
export const PERSONAL_WORDS: readonly string[] = [
  'chu ho so', 'nguoi nop', 'nguoi de nghi', 'nguoi dai dien', 'nguoi dung ten', 'nguoi nhan', 'chu so huu', 'cong dan',
  'ca nhan', 'to chuc', 'doanh nghiep', 'ho ten', 'ho va ten', 'ten nguoi', 'cccd', 'cmnd', 'can cuoc', 'ho chieu',
  'dinh danh', 'so giay to', 'tuy than', 'dien thoai', 'sdt', 'so dt', 'email', 'e mail', 'thu dien tu', 'dia chi', 'd c',
  'noi cu tru', 'thuong tru', 'ngay sinh', 'can bo', 'nguoi ky', 'nguoi xu ly', 'chuyen vien', 'ma so thue',
];
const KEYS = PERSONAL_WORDS.map(matchKey);

/** True when a header (or label) names personal data: such a column is never read or mapped. */
export function isPersonalHeader(text: string | null | undefined): boolean {
  const key = matchKey(text);
  if (!key) return false;
  if (lookupHeader(text) === 'applicant') return true;
  return KEYS.some((k) => containsWords(key, k));
}

/**
 * Family names by which a name is masked in a page sample: the privacy vocabulary's list
 * plus northern-mountain names; "Văn" (mostly a middle name) is left out, so "Văn phòng"
 * headings stay readable.
 */
export const SURNAMES: readonly string[] = [...FAMILY_NAMES.filter((n) => n !== 'Văn'),
  'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý',
  'Đinh', 'Trịnh', 'Đàm', 'Lò', 'Hà', 'Mai', 'Tô', 'Lương', 'Triệu', 'Nông', 'Lục', 'Chu', 'Vi', 'Lưu', 'Tạ',
  'Cao', 'Đoàn', 'Lâm', 'Quách', 'Thái', 'Tăng', 'Kiều', 'Khổng', 'Mạc', 'Ninh', 'La', 'Đào', 'Vương',
  'Trương', 'Lã', 'Lành', 'Sầm', 'Ma', 'Mông', 'Bế', 'Tống', 'Châu', 'Giang', 'Phùng', 'Thân', 'Khúc', 'Âu',
  'Lường', 'Lộc', 'Quan', 'Mã', 'Hầu', 'Sùng', 'Giàng', 'Vàng', 'Thào', 'Lầu', 'Cầm', 'Lăng', 'Hứa', 'Nịnh',
];
