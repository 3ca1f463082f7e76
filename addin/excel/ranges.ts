/**
 * A1 range text ↔ 0-based boxes, for the shapes a SheetModel uses: "B9", "B9:K40", "A:A", "8:8".
 * Whole-row and whole-column ranges are clamped to `limit` (the sheet's written extent).
 */
import { columnLetter, parseRangeBox, type CellBox } from '../../shared/cell';

export type Box = CellBox;

/** Null when the text is not a plain A1 range. */
export function parseBox(range: string, limit: { rows: number; cols: number }): Box | null {
  return parseRangeBox(range, limit);
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
