/**
 * What a host hands us for one cell: Office.js `range.values` gives string | number | boolean
 * (empty cells are ''), Apps Script `getValues()` adds Date, a file reader may give null.
 */
export type CellValue = string | number | boolean | Date | null;

/** A sheet's used range as a 2-D array, row 0 = sheet row 1, column 0 = column A. */
export type Grid = CellValue[][];

/** Sheets of one workbook by their tab name. */
export type WorkbookGrids = Record<string, Grid>;

/** A calendar day as ISO text (yyyy-mm-dd): plain data that crosses google.script.run and JSON. */
export type IsoDate = string;

/** ISO dates in time order: their text order (no locale collation, which is far slower). */
export function compareIso(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Column index (0-based) → letters: 0 → "A", 27 → "AB". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based row and column → A1 address: (0, 0) → "A1". */
export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** "AB12" → { row: 11, col: 27 }; null when not an A1 address. */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** True for '', null, undefined and whitespace-only text. */
export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** A rectangle of cells, 0-based: top-left corner and size. */
export interface CellBox {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/**
 * A1 range text → box: "B9", "B9:K40" (either corner first), "$A$1:$B$2", whole columns "A:C"
 * (rows 0 … limit.rows − 1) and whole rows "8:8" (columns 0 … limit.cols − 1). Null for anything else.
 * `parseRangeBox('B9:D40')` → `{ row: 8, col: 1, rows: 32, cols: 3 }`.
 */
export function parseRangeBox(range: string, limit: { rows: number; cols: number } = { rows: 1, cols: 1 }): CellBox | null {
  const text = range.replace(/\$/g, '').trim();
  const colNumber = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const cols = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(text);
  if (cols) {
    const c0 = colNumber(cols[1]);
    const c1 = colNumber(cols[2]);
    return { row: 0, col: Math.min(c0, c1), rows: Math.max(limit.rows, 1), cols: Math.abs(c1 - c0) + 1 };
  }
  const rows = /^(\d{1,7}):(\d{1,7})$/.exec(text);
  if (rows) {
    const r0 = Number(rows[1]) - 1;
    const r1 = Number(rows[2]) - 1;
    if (r0 < 0 || r1 < 0) return null;
    return { row: Math.min(r0, r1), col: 0, rows: Math.abs(r1 - r0) + 1, cols: Math.max(limit.cols, 1) };
  }
  const [first, second, extra] = text.split(':');
  if (extra !== undefined) return null;
  const a = parseA1(first ?? '');
  const b = second === undefined ? a : parseA1(second);
  if (!a || !b || a.row < 0 || b.row < 0) return null;
  return { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col), rows: Math.abs(b.row - a.row) + 1, cols: Math.abs(b.col - a.col) + 1 };
}
