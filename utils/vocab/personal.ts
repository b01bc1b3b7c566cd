/**
 * Vocabulary of personal data (Nghị định 13/2023): labels that introduce an applicant's
 * details, words that start a procedure's name or an agency's name, and the family names
 * that make a short capitalised line read as a person. Data, not code.
 */

/** Labels (and column headers) that introduce the applicant or their details: never read. */
export const APPLICANT_LABELS: readonly string[] = [
  'Chủ hồ sơ', 'Tên chủ hồ sơ', 'Người nộp', 'Người nộp hồ sơ', 'Người đăng ký', 'Người đề nghị', 'Người đứng tên',
  'Người được cấp', 'Người nhận', 'Người yêu cầu', 'Tổ chức/cá nhân', 'Tổ chức, cá nhân', 'Cá nhân/tổ chức',
  'Công dân/Doanh nghiệp', 'Chủ sở hữu', 'Chủ đầu tư', 'Họ tên', 'Họ và tên', 'Số định danh', 'Mã định danh cá nhân',
  'CCCD', 'CMND', 'CMND/CCCD', 'Số CCCD', 'Số CMND', 'Căn cước', 'Căn cước công dân', 'Hộ chiếu', 'Số hộ chiếu', 'Số giấy tờ',
  'Giấy tờ tùy thân', 'Điện thoại', 'Số điện thoại', 'SĐT', 'Di động', 'Email', 'E-mail', 'Thư điện tử', 'Địa chỉ',
  'Nơi cư trú', 'Thường trú', 'Ngày sinh', 'Mã số thuế', 'Cơ quan, tổ chức đề nghị', 'Cơ quan/tổ chức đề nghị',
  'Tổ chức đề nghị', 'Đơn vị đề nghị', 'Tên đơn vị', 'Tên tổ chức', 'Tên doanh nghiệp',
  'Tổ chức/Đơn vị được cấp', 'Đơn vị được cấp', 'Tổ chức được cấp', 'Tên cơ sở',
];

/** Word runs that, inside a header or label, mark it as applicant data (matched on folded words). */
export const APPLICANT_WORDS: readonly string[] = [
  'chu ho so', 'nguoi nop', 'nguoi dang ky', 'nguoi de nghi', 'nguoi duoc cap', 'nguoi dung ten', 'ca nhan', 'cong dan',
  'chu so huu', 'ho ten', 'ho va ten', 'so dinh danh', 'dinh danh ca nhan', 'cccd', 'cmnd', 'can cuoc', 'ho chieu',
  'so giay to', 'dien thoai', 'sdt', 'email', 'e mail', 'thu dien tu', 'dia chi', 'noi cu tru', 'thuong tru', 'ngay sinh',
  'ma so thue', 'de nghi', 'duoc cap', 'ten don vi', 'ten to chuc', 'ten doanh nghiep',
];

/** First words of a procedure's name ("Cấp …", "Thủ tục …", "Đăng ký …"). */
export const PROCEDURE_STARTS: readonly string[] = [
  'Thủ tục', 'Cấp', 'Cấp lại', 'Cấp đổi', 'Cấp mới', 'Cấp bản sao', 'Đăng ký', 'Gia hạn', 'Điều chỉnh', 'Thay đổi',
  'Sửa đổi', 'Bổ sung', 'Kiểm tra', 'Thẩm định', 'Thẩm tra', 'Phê duyệt', 'Công bố', 'Công nhận', 'Cho phép', 'Chấp thuận',
  'Chứng thực', 'Xác nhận', 'Thông báo', 'Khai báo', 'Giải quyết', 'Hỗ trợ', 'Chuyển đổi', 'Chuyển nhượng', 'Thu hồi',
  'Hủy', 'Huỷ', 'Miễn', 'Giảm', 'Hoàn', 'Đổi', 'Tiếp nhận', 'Liên thông', 'Giao', 'Cho thuê', 'Đánh giá', 'Kiểm định',
  'Quyết định', 'Xét', 'Tặng', 'Khen thưởng', 'Trợ cấp', 'Hưởng', 'Giám định', 'Đề nghị', 'Nộp', 'Khai',
];

/** First words of an agency's name: a department shown in a page but not configured. */
export const AGENCY_STARTS: readonly string[] = [
  'Phòng', 'Chi cục', 'Cục', 'Trung tâm', 'Văn phòng', 'Sở', 'Ban', 'Thanh tra', 'Ủy ban', 'Uỷ ban', 'UBND', 'Bộ phận',
  'Bộ', 'Tổng cục', 'Vụ', 'Đội', 'Hạt', 'Trạm', 'Kho bạc', 'Chi nhánh', 'Viện', 'Bảo hiểm xã hội', 'Công an', 'Tòa án',
  'Viện kiểm sát', 'Đài', 'Ban quản lý', 'Văn phòng đăng ký',
];

/** Common Vietnamese family names: a short capitalised line starting with one reads as a person. */
export const FAMILY_NAMES: readonly string[] = [
  'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý',
  'Đinh', 'Đào', 'Đoàn', 'Lương', 'Trịnh', 'Mai', 'Trương', 'Triệu', 'Hà', 'Lâm', 'Tô', 'Chu', 'Cao', 'Vương', 'Tạ', 'Lưu',
  'Nông', 'Hoàng', 'Lục', 'Mạc', 'Ma', 'Vi', 'Hứa', 'Tăng', 'Lã', 'Kiều', 'Quách', 'Thái', 'Văn', 'La', 'Nghiêm', 'Phùng',
  'Tống', 'Khổng', 'Âu', 'Mã', 'Đàm', 'Giáp', 'Hầu', 'Lò', 'Sầm', 'Chế', 'Diệp', 'Châu', 'Từ', 'Tôn', 'Thân', 'Ninh',
];

/** Words that name a person by address ("ông Nguyễn Văn An", "bà …"). */
export const HONORIFICS: readonly string[] = ['ông', 'bà', 'Ông', 'Bà', 'Ông/Bà', 'ông/bà', 'anh', 'chị', 'cháu', 'em'];

/** Forms of business owned by a person: "Hộ kinh doanh Lê Thị Bình" names the person. */
export const PERSONAL_BUSINESS: readonly string[] = ['Hộ kinh doanh', 'Hộ gia đình', 'HKD', 'Hộ cá thể', 'Cơ sở'];

/**
 * Query parameters of a page address that are kept: paging, sorting and list filters
 * (lower case). Anything else (a keyword search, an ID number, a name) is dropped.
 */
export const URL_PARAMS_KEPT: readonly string[] = [
  'page', 'pageindex', 'pagenumber', 'pageno', 'pagesize', 'size', 'limit', 'offset', 'start', 'skip', 'take', 'p', 'trang',
  'tab', 'view', 'sort', 'sortby', 'order', 'orderby', 'dir', 'status', 'trangthai', 'tinhtrang', 'state', 'linhvuc',
  'linhvucid', 'field', 'donvi', 'donviid', 'phongban', 'phongbanid', 'agency', 'agencyid', 'coquan', 'coquanid', 'unit',
  'unitid', 'tungay', 'denngay', 'fromdate', 'todate', 'from', 'to', 'nam', 'year', 'thang', 'month', 'ky', 'loai', 'type',
  'kind', 'id', 'mahoso', 'code', 'module', 'menu', 'action', 'mode', 'lang',
];
