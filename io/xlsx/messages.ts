/**
 * Vietnamese refusals for files that are not readable .xlsx workbooks. Each names the file and says
 * what to do; the codes are stable and tested.
 */
import { fail, type Parsed } from '../../shared/result';
import { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS, MAX_GRID_CELLS, MAX_WORKBOOK_CELLS } from './limits';

export type FileProblemCode =
  | 'file.empty'
  | 'file.truncated'
  | 'file.xls'
  | 'file.encrypted'
  | 'file.ods'
  | 'file.xlsb'
  | 'file.html'
  | 'file.xml2003'
  | 'file.csv'
  | 'file.not_spreadsheet'
  | 'file.zip_bomb'
  | 'file.too_large_sheet'
  | 'file.too_many_cells'
  | 'file.text_too_long'
  | 'file.bad_text'
  | 'file.corrupt';

const SAVE_AS_XLSX = 'lưu lại dạng Sổ làm việc Excel (.xlsx) rồi gửi lại';

/** `Tệp "abc.xlsx"` or, without a name, `Tệp này`. */
export function fileLabel(fileName: string | undefined): string {
  const name = (fileName ?? '').trim();
  return name ? `Tệp "${name}"` : 'Tệp này';
}

/** 52428800 → "50 MB", 1572864 → "1,5 MB", 1000 → "1 KB" (decimal comma). */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1).replace('.', ',')} MB`;
  return `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
}

/** Vietnamese thousands separator: 1048576 → "1.048.576". */
export function formatCount(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

export interface ProblemDetail {
  /** Other office document kind found instead of a workbook ("tài liệu Word (.docx)"). */
  foundKind?: string;
  sheet?: string;
  cell?: string;
  limitBytes?: number;
  part?: string;
  /** What is damaged, in Vietnamese words for the user ("ô B5 có số “0x1A” không đúng dạng"). */
  reason?: string;
}

export function fileProblem<T = never>(code: FileProblemCode, fileName: string | undefined, d: ProblemDetail = {}): Parsed<T> {
  return fail<T>(code, fileProblemMessage(code, fileName, d));
}

export function fileProblemMessage(code: FileProblemCode, fileName: string | undefined, d: ProblemDetail = {}): string {
  const f = fileLabel(fileName);
  switch (code) {
    case 'file.empty':
      return `${f} trống (0 byte), có thể do lưu hoặc tải về chưa xong. Hãy mở tệp gốc trong Excel, ${SAVE_AS_XLSX}.`;
    case 'file.truncated':
      return `${f} bị cắt cụt (thiếu phần cuối), thường do tải về hoặc sao chép chưa xong. Hãy tải lại tệp hoặc xin người gửi gửi lại tệp gốc.`;
    case 'file.xls':
      return `${f} là định dạng Excel 97-2003 (.xls). Hãy mở tệp trong Excel và ${SAVE_AS_XLSX}.`;
    case 'file.encrypted':
      return `${f} đang được đặt mật khẩu mở tệp nên không đọc được. Hãy mở tệp trong Excel, vào Tệp > Thông tin > Bảo vệ Sổ làm việc > Mã hóa bằng Mật khẩu, xóa mật khẩu, ${SAVE_AS_XLSX}.`;
    case 'file.ods':
      return `${f} là bảng tính OpenDocument (.ods) của LibreOffice/OpenOffice. Hãy mở tệp trong LibreOffice Calc hoặc Excel và ${SAVE_AS_XLSX}.`;
    case 'file.xlsb':
      return `${f} là Sổ làm việc Nhị phân Excel (.xlsb). Hãy mở tệp trong Excel và ${SAVE_AS_XLSX}.`;
    case 'file.html':
      return `${f} thực chất là trang web (HTML) mang đuôi Excel, thường do phần mềm khác xuất ra. Hãy mở tệp trong Excel và ${SAVE_AS_XLSX}.`;
    case 'file.xml2003':
      return `${f} là Bảng tính XML 2003 (XML Spreadsheet), không phải sổ làm việc .xlsx. Hãy mở tệp trong Excel và ${SAVE_AS_XLSX}.`;
    case 'file.csv':
      return `${f} là văn bản thuần (CSV/TXT), không phải sổ làm việc Excel. Hãy mở tệp trong Excel, kiểm tra các cột và ${SAVE_AS_XLSX}.`;
    case 'file.not_spreadsheet':
      return d.foundKind
        ? `${f} là ${d.foundKind}, không phải sổ làm việc Excel. Hãy chọn đúng tệp phụ lục (.xlsx) rồi gửi lại.`
        : `${f} không phải sổ làm việc Excel (.xlsx). Hãy kiểm tra đã chọn đúng tệp chưa; nếu đúng, hãy mở tệp trong Excel và ${SAVE_AS_XLSX}.`;
    case 'file.zip_bomb':
      return `${f} khi giải nén lớn bất thường (vượt giới hạn an toàn ${formatMegabytes(d.limitBytes ?? 0)} hoặc lớn hơn kích thước ghi trong tệp) nên không được mở. Hãy mở tệp trong Excel, xóa các trang tính và hình ảnh không cần thiết, ${SAVE_AS_XLSX}.`;
    case 'file.too_large_sheet':
      return `Trang tính "${d.sheet ?? ''}" của ${f.charAt(0).toLowerCase()}${f.slice(1)} có ô ${d.cell ?? ''} nằm ngoài giới hạn đọc được (Excel có tối đa ${formatCount(EXCEL_MAX_ROWS)} dòng và ${formatCount(EXCEL_MAX_COLUMNS)} cột; vùng dữ liệu đọc tối đa ${formatCount(MAX_GRID_CELLS)} ô). Tệp có thể bị hỏng hoặc do phần mềm khác tạo ra: hãy xóa dữ liệu thừa ở xa vùng bảng, ${SAVE_AS_XLSX}.`;
    case 'file.too_many_cells':
      return `${f} có quá nhiều ô (các trang tính cộng lại vượt ${formatCount(MAX_WORKBOOK_CELLS)} ô, tính đến trang tính "${d.sheet ?? ''}"). Tệp có thể bị hỏng hoặc có dữ liệu thừa ở xa vùng bảng: hãy xóa các dòng, cột thừa, ${SAVE_AS_XLSX}.`;
    case 'file.text_too_long':
      return `Ô ${d.cell ?? ''} của trang tính "${d.sheet ?? ''}" trong ${f.charAt(0).toLowerCase()}${f.slice(1)} chứa văn bản dài hơn ${formatCount(32767)} ký tự, giới hạn của một ô Excel, nên tệp không được đọc. Hãy rút gọn nội dung ô đó, ${SAVE_AS_XLSX}.`;
    case 'file.bad_text':
      return `${f} bị hỏng${d.sheet ? ` ở trang tính "${d.sheet}"` : d.part ? ` (phần "${d.part}")` : ''}: có chữ không đọc được (mã hóa văn bản sai), nếu đọc tiếp tên đơn vị hoặc nội dung sẽ bị sai. Hãy mở tệp gốc trong Excel, ${SAVE_AS_XLSX}.`;
    case 'file.corrupt':
      return `${f} bị hỏng${d.sheet ? ` ở trang tính "${d.sheet}"` : ''}${d.part && !d.sheet ? ` (phần "${d.part}")` : ''}${d.reason ? `: ${d.reason}` : ''} nên không đọc được. Hãy mở tệp trong Excel (chấp nhận nếu Excel đề nghị sửa tệp), ${SAVE_AS_XLSX}.`;
  }
}
