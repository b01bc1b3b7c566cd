/** Row texts that stand for "no rows" in an empty table. */
import { matchKey } from '../text/keys';

export const NO_DATA: readonly string[] = [
  'Không có dữ liệu', 'Không tìm thấy dữ liệu', 'Không có hồ sơ', 'Không tìm thấy hồ sơ', 'Không có bản ghi',
  'Không có kết quả', 'Không tìm thấy kết quả', 'Chưa có dữ liệu', 'Dữ liệu trống', 'No data', 'No records to display',
  'No data available in table', 'Đang tải dữ liệu',
];
const KEYS = NO_DATA.map(matchKey);

export function isNoDataText(text: string): boolean {
  const key = matchKey(text);
  return KEYS.some((k) => key === k || key.startsWith(`${k} `));
}
