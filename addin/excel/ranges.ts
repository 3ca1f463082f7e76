/**
 * A1 range text ↔ 0-based boxes, for the shapes a SheetModel uses: "B9", "B9:K40", "A:A", "8:8".
 * Whole-row and whole-column ranges are clamped to `limit` (the sheet's written extent).
 */
import { columnLetter, parseA1 } from '../../shared/cell';

export interface Box {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

function columnIndex(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

/** Null when the text is not a plain A1 range. */
export function parseBox(range: string, limit: { rows: number; cols: number }): Box | null {
  const text = range.replace(/\$/g, '').trim();
  const cols = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(text);
  if (cols) {
    const c0 = columnIndex(cols[1]);
    const c1 = columnIndex(cols[2]);
    return { row: 0, col: Math.min(c0, c1), rows: Math.max(limit.rows, 1), cols: Math.abs(c1 - c0) + 1 };
  }
  const rows = /^(\d{1,7}):(\d{1,7})$/.exec(text);
  if (rows) {
    const r0 = Number(rows[1]) - 1;
    const r1 = Number(rows[2]) - 1;
    return { row: Math.min(r0, r1), col: 0, rows: Math.abs(r1 - r0) + 1, cols: Math.max(limit.cols, 1) };
  }
  const [first, second] = text.split(':');
  const a = parseA1(first ?? '');
  const b = second === undefined ? a : parseA1(second);
  if (!a || !b) return null;
  const row = Math.min(a.row, b.row);
  const col = Math.min(a.col, b.col);
  return { row, col, rows: Math.abs(b.row - a.row) + 1, cols: Math.abs(b.col - a.col) + 1 };
}

/** "8:8" → "$8:$8", the form page layout's print titles take. */
export function absoluteRows(rows: string): string {
  return rows
    .split(':')
    .map((r) => `$${r.replace(/\$/g, '').trim()}`)
    .join(':');
}

/** "A:A" for a 0-based column. */
export function columnRange(col: number): string {
  const l = columnLetter(col);
  return `${l}:${l}`;
}
