/**
 * Checks every cell gets before its column's own reading: a formula error shown as a value
 * (#DIV/0!, #REF!…) and text that is a formula which never ran ("=G12/H12" typed into a text cell).
 */
import type { CellValue } from '../cell';
import { cellLabel, quote, type IssueSink } from './issues';

/** What each error value means, in words a commune official can act on. */
const ERROR_HINTS: Record<string, string> = {
  '#DIV/0!': 'công thức chia cho 0, thường do mẫu số bằng 0 hoặc để trống',
  '#REF!': 'công thức trỏ tới ô hoặc trang đã bị xóa',
  '#N/A': 'công thức không tìm thấy giá trị cần tra',
  '#VALUE!': 'công thức dùng chữ ở chỗ cần số',
  '#NAME?': 'công thức có tên hàm hoặc tên vùng không đúng',
  '#NUM!': 'công thức cho ra số không hợp lệ',
  '#NULL!': 'công thức có vùng ô không giao nhau',
  '#SPILL!': 'công thức không có chỗ trống để trả kết quả',
  '#CALC!': 'công thức không tính được',
  '#ERROR!': 'công thức viết sai cú pháp',
  '#GETTING_DATA': 'ô chưa tính xong',
};

const ERROR_VALUE = /^#(DIV\/0!|REF!|N\/A|VALUE!|NAME\?|NUM!|NULL!|SPILL!|CALC!|ERROR!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i;

/** Characters trim() removes (ECMAScript WhiteSpace and LineTerminator). */
function isTrimmed(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Whether a text may start, once trimmed, with "#": it starts with it or with something trim()
 * removes. Every cell goes through this and the next check; most start with a letter.
 */
function mayStartWithHash(v: string): boolean {
  const c = v.charCodeAt(0);
  return c === 35 || isTrimmed(c);
}

/** The same for the characters a formula starts with: = + - @. */
function mayStartFormula(v: string): boolean {
  const c = v.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64 || isTrimmed(c);
}

/** "#DIV/0!" when the cell holds a spreadsheet error value, else null. */
export function cellError(v: CellValue | undefined): string | null {
  if (typeof v !== 'string' || !mayStartWithHash(v)) return null;
  const t = v.trim();
  return ERROR_VALUE.test(t) ? t.toUpperCase() : null;
}

/**
 * Text that is a formula which never ran. "=" always is; "+", "-", "@" only when a cell reference or
 * a function call follows at once ("+G12/H12", "-SUM(G9:G20)", "@SUM(…)"), because plans start
 * list items with "- " and "+ " all the time.
 */
export function looksLikeFormulaText(v: CellValue | undefined): boolean {
  if (typeof v !== 'string' || !mayStartFormula(v)) return false;
  const t = v.trim();
  if (t.length < 2) return false;
  if (t.charAt(0) === '=') return true;
  if (!/^[+\-@]/.test(t)) return false;
  const rest = t.slice(1);
  return /^[A-Za-z][A-Za-z0-9.]*\(/.test(rest) || /^\$?[A-Z]{1,3}\$?\d{1,7}(\s*[-+*/^&:<>=]|$)/.test(rest);
}

/**
 * Reports a cell error or formula text. Returns true when the cell holds an error value, so the
 * caller does not also complain that it is not a number or a date.
 */
/** Whether checkCell has anything to look at: most cells are numbers, dates or text starting with a letter. */
export function mayNeedCheck(v: CellValue | undefined): boolean {
  return typeof v === 'string' && (mayStartWithHash(v) || mayStartFormula(v));
}

export function checkCell(sink: IssueSink, row: number, col: number, header: string, v: CellValue | undefined): boolean {
  if (!mayNeedCheck(v)) return false;
  const err = cellError(v);
  if (err) {
    const hint = ERROR_HINTS[err];
    sink.at(
      row, col, 'error', 'cell.error',
      `${cellLabel(row, col, header)}: ô đang báo lỗi ${err}${hint ? ` (${hint})` : ''}. ` +
        'Sửa lại công thức, hoặc xóa công thức và nhập trực tiếp giá trị.',
    );
    return true;
  }
  if (looksLikeFormulaText(v)) {
    sink.at(
      row, col, 'warning', 'cell.formula_text',
      `${cellLabel(row, col, header)}: ${quote(v)} là chữ, không phải công thức đang tính. ` +
        'Nếu cần công thức, đặt định dạng ô là General rồi nhập lại; nếu là chữ, bỏ dấu ở đầu.',
    );
  }
  return false;
}
