/**
 * Every personal string planted in tests/pages/personal-everywhere.html (names, ID numbers,
 * phones, e-mails, addresses), and in the address the e2e privacy scan opens it with.
 */
export const PLANTED = [
  'Nguyễn Thị Thu Hà', 'Hoàng Văn Minh', 'Phạm Quốc Khánh', 'Lê Thị Bình', 'Đỗ Minh Tuấn', '020188001234', 'Vũ Thị Lan',
  'Trường Giang', 'Trần Văn Quý', 'Ngô Thị Mận', 'Lý Văn Sáu', 'Bế Thị Hoa', 'Lục Văn Tám', 'Nguyễn Văn An', '0912 345 678',
  'Trần Đăng Ninh', 'annguyen@example.vn', 'Hoàng Thị Yến', '912 000 111', 'Nà Phường', '0987654321', 'Lê Lợi',
];

/** Planted in the page address: a keyword search, an ID number and an e-mail typed into filters. */
export const PLANTED_IN_URL = { tuKhoa: 'Đinh Công Tráng', soGiayTo: '037099004321', email: 'trang.dinh@example.vn' };
