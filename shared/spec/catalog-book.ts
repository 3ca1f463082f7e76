/**
 * The authoring workbook "Danh mục chỉ tiêu, nhiệm vụ CCHC" declared once: its sheets, their
 * Vietnamese headers, help text and lists. The writer (layout/catalog-book.ts) and the reader
 * (catalog/read-book.ts) both derive from this, so a header renamed here is renamed in both.
 *
 * Table sheets: title in row 1, help in row 2, headers in row 3, one row per item from row 4.
 */
import type { CatalogLevel, IndicatorKind } from '../model';

export const BOOK_TITLE = 'Danh mục chỉ tiêu, nhiệm vụ CCHC';
/** The sheet listing every column and what to write there. */
export const HELP_SHEET = 'Hướng dẫn';
/** 0-based row of a table sheet's headers; items start on the next row. */
export const BOOK_HEADER_ROW = 2;

export const KIND_LABELS: Record<IndicatorKind, string> = {
  ratio: 'Tỷ lệ', count: 'Số lượng', duration: 'Thời gian', qualitative: 'Định tính',
};
export const LEVEL_LABELS: Record<CatalogLevel, string> = { xa: 'Cấp xã', huyen: 'Cấp huyện' };
export const YES = 'Có';
/** How a calendar rule reads in a cell: "Ngày 14 tháng cuối kỳ". */
export const dayOfLastMonthText = (day: number): string => `Ngày ${day} tháng cuối kỳ`;

export interface BookColumn {
  key: string;
  header: string;
  width: number;
  help: string;
  required?: boolean;
  /** Native list validation; strict refuses anything else, loose only warns (new area codes). */
  list?: readonly string[];
  strict?: boolean;
}

export interface BookTable {
  name: string;
  title: string;
  help: string;
  columns: readonly BookColumn[];
}

export interface BookInfoField {
  key: 'id' | 'name' | 'version' | 'replaces' | 'year' | 'issuer' | 'level' | 'hash';
  label: string;
  help: string;
  required: boolean;
}

export const BOOK_INFO = {
  name: 'Thông tin danh mục',
  title: 'DANH MỤC CHỈ TIÊU, NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH',
  help: 'Nhập giá trị vào cột B. Mỗi năm ban hành phiên bản mới: giữ nguyên mã danh mục, tăng số phiên bản.',
  /** 0-based row of the first field. */
  firstRow: 3,
  fields: [
    { key: 'id', label: 'Mã danh mục', required: true, help: 'Mã cố định qua các năm, ví dụ CCHC-THANHHOA. Đơn vị tổng hợp chỉ gộp báo cáo cùng mã.' },
    { key: 'name', label: 'Tên danh mục', required: true, help: 'Ví dụ: Danh mục chỉ tiêu, nhiệm vụ CCHC cấp xã năm 2027' },
    { key: 'version', label: 'Phiên bản', required: true, help: 'Các số cách nhau bởi dấu chấm, ví dụ 2027.1; phiên bản sau phải lớn hơn phiên bản trước.' },
    { key: 'replaces', label: 'Thay thế phiên bản', required: false, help: 'Phiên bản cũ mà danh mục này thay thế (để trống nếu ban hành lần đầu).' },
    { key: 'year', label: 'Năm áp dụng', required: true, help: 'Năm kế hoạch, 4 chữ số, ví dụ 2027.' },
    { key: 'issuer', label: 'Cơ quan ban hành', required: true, help: 'Ví dụ: Sở Nội vụ tỉnh Thanh Hóa' },
    { key: 'level', label: 'Cấp áp dụng', required: true, help: 'Cấp của các đơn vị lập kế hoạch theo danh mục: Cấp xã (xã, phường, đặc khu).' },
    { key: 'hash', label: 'Mã kiểm tra', required: false, help: 'Do phần mềm ghi khi xuất danh mục; không sửa. Nội dung bị sửa sau khi xuất sẽ bị phát hiện.' },
  ] as readonly BookInfoField[],
};

export const BOOK_AREAS: BookTable = {
  name: 'Lĩnh vực',
  title: 'CÁC LĨNH VỰC CẢI CÁCH HÀNH CHÍNH',
  help: 'Mỗi dòng một lĩnh vực, theo thứ tự in trong phụ lục. Mã: chữ in hoa không dấu và chữ số, ví dụ TTHC.',
  columns: [
    { key: 'code', header: 'Mã lĩnh vực', width: 14, required: true, help: 'Chữ in hoa không dấu và chữ số, tối đa 12 ký tự, ví dụ TTHC.' },
    { key: 'name', header: 'Tên lĩnh vực', width: 70, required: true, help: 'Tên in ở dòng tiêu đề lĩnh vực của phụ lục.' },
  ],
};

export const BOOK_INDICATORS: BookTable = {
  name: 'Chỉ tiêu',
  title: 'PHỤ LỤC 1 - CÁC CHỈ TIÊU',
  help: 'Mỗi dòng một chỉ tiêu. Mã không được trùng và không dùng lại mã đã bỏ; chỉ tiêu tỷ lệ cần ghi tử số và mẫu số.',
  columns: [
    { key: 'code', header: 'Mã chỉ tiêu', width: 14, required: true, help: 'Ví dụ CT.TTHC.01; không trùng với chỉ tiêu, nhiệm vụ khác.' },
    { key: 'area', header: 'Mã lĩnh vực', width: 11, required: true, help: 'Một mã ở trang Lĩnh vực.', strict: false },
    { key: 'stt', header: 'STT', width: 7, help: 'Số thứ tự in trong phụ lục, ví dụ 3.1; có thể để trống.' },
    { key: 'name', header: 'Tên chỉ tiêu', width: 48, required: true, help: 'Tên chỉ tiêu như in trong kế hoạch.' },
    { key: 'kind', header: 'Loại', width: 11, required: true, help: 'Tỷ lệ, Số lượng, Thời gian hoặc Định tính.', list: Object.values(KIND_LABELS), strict: true },
    { key: 'numerator', header: 'Tử số', width: 30, help: 'Chỉ tiêu tỷ lệ: đại lượng đếm ở tử số.' },
    { key: 'denominator', header: 'Mẫu số', width: 30, help: 'Chỉ tiêu tỷ lệ: đại lượng đếm ở mẫu số.' },
    { key: 'target', header: 'Chỉ tiêu phấn đấu', width: 24, required: true, help: 'Ví dụ: 100%; Tối thiểu 90%; Tối đa 15 phút/01 lượt; Hoàn thành.' },
    { key: 'monitor', header: 'Đơn vị theo dõi, hướng dẫn', width: 24, help: 'Ví dụ: Văn phòng UBND xã' },
    { key: 'executor', header: 'Đơn vị thực hiện', width: 24, help: 'Ví dụ: Bộ phận Một cửa' },
    { key: 'key', header: 'Chỉ tiêu chủ yếu', width: 10, help: 'Ghi "Có" nếu là chỉ tiêu chủ yếu của năm.', list: [YES], strict: true },
    { key: 'sources', header: 'Nguồn', width: 10, help: 'Văn bản gốc, cách nhau bởi dấu chấm phẩy.' },
    { key: 'aliases', header: 'Tên gọi khác', width: 30, help: 'Cách gọi khác của chỉ tiêu trong kế hoạch cũ, mỗi cách một dòng trong ô.' },
  ],
};

export const BOOK_HEADINGS: BookTable = {
  name: 'Nhóm chỉ tiêu',
  title: 'NHÓM CHỈ TIÊU (DÒNG TIÊU ĐỀ KHÔNG CÓ CHỈ TIÊU RIÊNG)',
  help: 'Dòng nhóm in phía trên chỉ tiêu đầu tiên của nhóm. Mã chỉ tiêu cách nhau bởi dấu chấm phẩy.',
  columns: [
    { key: 'area', header: 'Mã lĩnh vực', width: 11, required: true, help: 'Một mã ở trang Lĩnh vực.', strict: false },
    { key: 'stt', header: 'STT', width: 7, help: 'Ví dụ 6.2' },
    { key: 'name', header: 'Tên nhóm', width: 60, required: true, help: 'Tên dòng nhóm như in trong phụ lục.' },
    { key: 'codes', header: 'Mã chỉ tiêu thuộc nhóm', width: 60, required: true, help: 'Mã ở trang Chỉ tiêu, cách nhau bởi dấu chấm phẩy.' },
  ],
};

export const BOOK_TASKS: BookTable = {
  name: 'Nhiệm vụ',
  title: 'PHỤ LỤC 2 - NHIỆM VỤ TRỌNG TÂM',
  help: 'Mỗi dòng một nhiệm vụ. Mã không được trùng; thời gian hoàn thành phải đọc được (ví dụ Quý I, Trước 15/3/2027, Thường xuyên).',
  columns: [
    { key: 'code', header: 'Mã nhiệm vụ', width: 14, required: true, help: 'Ví dụ NV.TTHC.01; không trùng với chỉ tiêu, nhiệm vụ khác.' },
    { key: 'area', header: 'Mã lĩnh vực', width: 11, required: true, help: 'Một mã ở trang Lĩnh vực.', strict: false },
    { key: 'tt', header: 'TT', width: 6, help: 'Để trống: đánh số theo thứ tự trong lĩnh vực.' },
    { key: 'name', header: 'Tên nhiệm vụ', width: 48, required: true, help: 'Tên nhiệm vụ như in trong kế hoạch.' },
    { key: 'product', header: 'Sản phẩm', width: 24, help: 'Ví dụ: Kế hoạch của UBND xã' },
    { key: 'lead', header: 'Cơ quan chủ trì', width: 22, help: 'Ví dụ: Văn phòng UBND xã' },
    { key: 'partners', header: 'Cơ quan phối hợp', width: 22, help: 'Có thể để trống.' },
    { key: 'deadline', header: 'Thời gian hoàn thành', width: 20, required: true, help: 'Ví dụ: Quý I; Trước 15/3/2027; Cả năm; Thường xuyên.' },
    { key: 'note', header: 'Ghi chú', width: 24, help: 'Có thể để trống.' },
    { key: 'sources', header: 'Nguồn', width: 10, help: 'Văn bản gốc, cách nhau bởi dấu chấm phẩy.' },
    { key: 'aliases', header: 'Tên gọi khác', width: 30, help: 'Cách gọi khác của nhiệm vụ, mỗi cách một dòng trong ô.' },
  ],
};

export const BOOK_CALENDAR: BookTable = {
  name: 'Lịch báo cáo',
  title: 'LỊCH BÁO CÁO',
  help: 'Mỗi kỳ một dòng. Ghi một ngày (dd/mm/yyyy) hoặc "Ngày 14 tháng cuối kỳ". Kỳ không có dòng: chốt ngày 14, gửi ngày 20 tháng cuối kỳ.',
  columns: [
    { key: 'period', header: 'Kỳ báo cáo', width: 14, required: true, help: 'Quý I, Quý II, Quý III, Quý IV, 6 tháng, 9 tháng hoặc Năm.', strict: true },
    { key: 'cutoff', header: 'Ngày chốt số liệu', width: 26, required: true, help: 'Ví dụ 10/03/2027 hoặc Ngày 14 tháng cuối kỳ.' },
    { key: 'due', header: 'Hạn gửi báo cáo', width: 26, required: true, help: 'Không trước ngày chốt số liệu. Ví dụ 15/03/2027 hoặc Ngày 20 tháng cuối kỳ.' },
  ],
};

export const BOOK_TABLES = [BOOK_AREAS, BOOK_INDICATORS, BOOK_HEADINGS, BOOK_TASKS, BOOK_CALENDAR] as const;

/** Column index of a key in a table sheet. */
export function bookColumn(table: BookTable, key: string): number {
  const i = table.columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`unknown column ${key} in ${table.name}`);
  return i;
}
