/**
 * The frame of a printable administrative document on a sheet: the agency block and the national
 * header side by side, the title with period and year, and at the end the place-and-date line and
 * the signature block — as Vietnamese administrative documents are laid out (Nghị định 30/2020/NĐ-CP
 * on the form of administrative documents). A4 landscape, Times New Roman, page numbers "Trang x/y".
 */
import { a1, type CellValue } from '../cell';
import { LINE_HEIGHT, linesNeeded } from './row-heights';
import type { CellStyle, SheetModel } from './sheet-model';

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';
export const PREPARER = 'NGƯỜI LẬP BIỂU';
export const HEAD = 'THỦ TRƯỞNG ĐƠN VỊ';

export function put(sheet: SheetModel, row: number, col: number, value: CellValue): void {
  while (sheet.rows.length <= row) sheet.rows.push([]);
  const r = sheet.rows[row];
  while (r.length < col) r.push('');
  r[col] = value;
}

export function style(sheet: SheetModel, range: string, s: CellStyle): void {
  sheet.styles.push({ range, style: s });
}

export function rangeOf(r0: number, c0: number, r1: number, c1: number): string {
  return r0 === r1 && c0 === c1 ? a1(r0, c0) : `${a1(r0, c0)}:${a1(r1, c1)}`;
}

function mergeRow(sheet: SheetModel, row: number, c0: number, c1: number): void {
  if (c1 > c0) sheet.merges.push(rangeOf(row, c0, row, c1));
}

/**
 * The agency block's two lines from the consolidating unit's name: "Sở Nội vụ tỉnh Thanh Hóa" →
 * "UBND TỈNH THANH HÓA" over "SỞ NỘI VỤ"; a name without a place → the name alone, in capitals.
 */
export function agencyLines(name: string): { parent: string; agency: string } {
  const m = /^(.*?)\s+((?:tỉnh|thành phố|huyện|thị xã|quận)\s+.+)$/iu.exec(name.trim());
  if (!m) return { parent: '', agency: name.trim().toLocaleUpperCase('vi') };
  return { parent: `UBND ${m[2]}`.toLocaleUpperCase('vi'), agency: m[1].toLocaleUpperCase('vi') };
}

/** "Thanh Hóa" from "Sở Nội vụ tỉnh Thanh Hóa"; dots for the place when the name holds none. */
export function placeOf(name: string): string {
  const m = /(?:tỉnh|thành phố|huyện|thị xã|quận)\s+(.+)$/iu.exec(name.trim());
  return m ? m[1] : '……';
}

/** "Thanh Hóa, ngày 07 tháng 12 năm 2026" from an ISO date. */
export function placeAndDate(place: string, iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${place}, ngày ${d} tháng ${m} năm ${y}`;
}

export interface DocumentHead {
  agency: string;
  /** Width of the table under the head, in characters: long subtitle lines get the height they wrap to. */
  widthChars?: number;
  title: string;
  /** Lines under the title: period, what the figures cover. */
  subtitles: string[];
  date: string;
}

/**
 * Writes the head of the document over `width` columns from row 0 and returns the next free row.
 * The agency block takes the left third, the national header the right part; each line is merged
 * across its part (merges stay above any frozen row, never across a frozen column: summary sheets
 * freeze no columns).
 */
export function documentHead(sheet: SheetModel, width: number, head: DocumentHead): number {
  const split = Math.max(1, Math.min(width - 1, Math.round(width / 3)));
  const right = width - 1;
  const { parent, agency } = agencyLines(head.agency);
  put(sheet, 0, 0, parent || agency);
  put(sheet, 1, 0, parent ? agency : '');
  put(sheet, 0, split, NATIONAL_NAME);
  put(sheet, 1, split, NATIONAL_MOTTO);
  put(sheet, 2, split, placeAndDate(placeOf(head.agency), head.date));
  for (let r = 0; r < 3; r++) {
    mergeRow(sheet, r, 0, split - 1);
    mergeRow(sheet, r, split, right);
  }
  style(sheet, rangeOf(0, 0, 1, split - 1), { bold: parent === '', hAlign: 'center', vAlign: 'middle' });
  style(sheet, a1(1, 0), { bold: true, hAlign: 'center' });
  style(sheet, rangeOf(0, split, 1, split), { bold: true, hAlign: 'center' });
  style(sheet, a1(2, split), { italic: true, hAlign: 'center' });
  let r = 4;
  put(sheet, r, 0, head.title);
  mergeRow(sheet, r, 0, right);
  style(sheet, a1(r, 0), { bold: true, fontSize: 14, hAlign: 'center', wrap: true });
  sheet.rowHeights = { ...(sheet.rowHeights ?? {}), [r]: 22 };
  for (const line of head.subtitles) {
    r++;
    put(sheet, r, 0, line);
    mergeRow(sheet, r, 0, right);
    style(sheet, a1(r, 0), { italic: true, hAlign: 'center', wrap: true });
    const lines = head.widthChars ? linesNeeded(line, head.widthChars) : 1;
    if (lines > 1) sheet.rowHeights = { ...(sheet.rowHeights ?? {}), [r]: Math.min(409, lines * LINE_HEIGHT + 2) };
  }
  return r + 2;
}

/** The signature block under the table from `row`; returns the row after it. */
export function signatureBlock(sheet: SheetModel, row: number, width: number): number {
  const split = Math.max(1, Math.min(width - 1, Math.round(width / 3)));
  const right = width - 1;
  put(sheet, row, 0, PREPARER);
  put(sheet, row, split, HEAD);
  put(sheet, row + 1, 0, '(Ký, ghi rõ họ tên)');
  put(sheet, row + 1, split, '(Ký tên, đóng dấu)');
  for (const r of [row, row + 1]) {
    mergeRow(sheet, r, 0, split - 1);
    mergeRow(sheet, r, split, right);
  }
  style(sheet, rangeOf(row, 0, row, split), { bold: true, hAlign: 'center' });
  style(sheet, rangeOf(row + 1, 0, row + 1, split), { italic: true, hAlign: 'center' });
  // Room to sign.
  put(sheet, row + 5, 0, '');
  return row + 6;
}

/** A4 landscape, fitted to the page width, page numbers, the table header repeated on each page. */
export function printAsDocument(sheet: SheetModel, headerRow: number): void {
  sheet.print = {
    paper: 'A4',
    orientation: 'landscape',
    fitToWidth: true,
    pageNumbers: true,
    margins: { left: 0.5, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  sheet.printTitleRows = `${headerRow + 1}:${headerRow + 1}`;
}
