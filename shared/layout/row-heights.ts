/**
 * Row heights for wrapped text. Neither Excel nor LibreOffice re-fits row heights when opening a
 * file, so a long "Nhiệm vụ" cell would print over the rows below it: we estimate the lines each
 * cell needs from its column width and store the height.
 */
import { parseA1 } from '../cell';
import type { SheetModel } from './sheet-model';

/** Points per line of 12-pt Times New Roman, with the cell's padding. */
export const LINE_HEIGHT = 16;

/**
 * Lines a text needs in a column `width` characters wide: explicit line breaks, then wrapping.
 * Measured in LibreOffice, 12-pt Times New Roman fits about 1,15 characters per width unit; we count 1,0 so that Excel on other screens still has room.
 */
export function linesNeeded(text: string, width: number): number {
  return text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / Math.max(1, width - 1))), 0);
}

/**
 * Sets the height of every row from `fromRow` (0-based) whose text needs more than one line.
 * Hidden columns and cells inside merged ranges are not measured; heights already set are kept.
 */
export function fitRowHeights(sheet: SheetModel, fromRow: number): void {
  const hidden = new Set(sheet.hiddenColumns);
  const merged = new Set<string>();
  for (const m of sheet.merges) {
    const [a, b] = m.split(':').map(parseA1);
    if (!a || !b) continue;
    for (let r = a.row; r <= b.row; r++) for (let c = a.col; c <= b.col; c++) merged.add(`${r}:${c}`);
  }
  const heights = { ...(sheet.rowHeights ?? {}) };
  for (let r = fromRow; r < sheet.rows.length; r++) {
    if (heights[r] !== undefined) continue;
    let lines = 1;
    sheet.rows[r].forEach((v, c) => {
      if (typeof v !== 'string' || v.length < 8 || hidden.has(c) || merged.has(`${r}:${c}`)) return;
      lines = Math.max(lines, linesNeeded(v, sheet.columnWidths[c] ?? 10));
    });
    if (lines > 1) heights[r] = Math.min(409, lines * LINE_HEIGHT + 2);
  }
  sheet.rowHeights = heights;
}
