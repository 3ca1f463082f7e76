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
