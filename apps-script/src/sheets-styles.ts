/**
 * A SheetModel's styles in a number of calls that does not grow with the model: for each cell
 * property some style sets (bold, fill, number format…), the block from A1 to the furthest styled
 * cell is read once, the styles are laid over it in model order (a later range overrides only what
 * it sets) and the block is written back once. Borders go to one RangeList. A summary of hundreds of
 * units carries thousands of styled ranges; one call per range would not fit in Apps Script's time.
 */
import { parseRangeBox, type CellBox } from '../../shared/cell';
import type { CellStyle, StyledRange } from '../../shared/layout/sheet-model';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export type Box = CellBox;

/** "B9", "B9:D40", "A:C" (whole columns up to maxRows), "8:8" (whole rows up to maxCols). */
export function boxOf(a1: string, maxRows: number, maxCols: number): Box | null {
  return parseRangeBox(a1, { rows: maxRows, cols: maxCols });
}

interface CellProperty {
  pick(style: CellStyle): unknown;
  read(range: Range): unknown[][];
  write(range: Range, values: unknown[][]): void;
}

/** One cell property: its value in a style, and Sheets' 2-D getter and setter for it. */
function property<T>(pick: (s: CellStyle) => T | undefined, read: (r: Range) => T[][], write: (r: Range, v: T[][]) => unknown): CellProperty {
  return { pick, read, write: (r, v) => void write(r, v as T[][]) };
}

const PROPERTIES: readonly CellProperty[] = [
  property(
    (s) => (s.bold === undefined ? undefined : s.bold ? 'bold' : 'normal'),
    (r) => r.getFontWeights(),
    (r, v) => r.setFontWeights(v),
  ),
  property(
    (s) => (s.italic === undefined ? undefined : s.italic ? 'italic' : 'normal'),
    (r) => r.getFontStyles(),
    (r, v) => r.setFontStyles(v),
  ),
  property((s) => s.fontSize, (r) => r.getFontSizes(), (r, v) => r.setFontSizes(v)),
  property((s) => s.fill, (r) => r.getBackgrounds(), (r, v) => r.setBackgrounds(v)),
  property((s) => s.color, (r) => r.getFontColors(), (r, v) => r.setFontColors(v)),
  property<string | null>((s) => s.hAlign, (r) => r.getHorizontalAlignments(), (r, v) => r.setHorizontalAlignments(v as never)),
  property<string | null>((s) => s.vAlign, (r) => r.getVerticalAlignments(), (r, v) => r.setVerticalAlignments(v as never)),
  property((s) => s.wrap, (r) => r.getWraps(), (r, v) => r.setWraps(v)),
  property((s) => s.numberFormat, (r) => r.getNumberFormats(), (r, v) => r.setNumberFormats(v)),
];

/**
 * Applies `styles` in order; `before` are applied first (the date cells' default format, which a
 * style may override). At most two calls per property used, plus one for all borders.
 */
export function applyStyles(sheet: Sheet, styles: readonly StyledRange[], before: readonly StyledRange[] = []): void {
  const maxRows = sheet.getMaxRows();
  const maxCols = sheet.getMaxColumns();
  const placed = [...before, ...styles]
    .map((s) => ({ box: boxOf(s.range, maxRows, maxCols), style: s.style, range: s.range }))
    .filter((s): s is { box: Box; style: CellStyle; range: string } => s.box !== null);

  for (const prop of PROPERTIES) {
    const touching = placed.filter((s) => prop.pick(s.style) !== undefined);
    if (touching.length === 0) continue;
    const rows = Math.min(maxRows, Math.max(...touching.map((s) => s.box.row + s.box.rows)));
    const cols = Math.min(maxCols, Math.max(...touching.map((s) => s.box.col + s.box.cols)));
    const block = sheet.getRange(1, 1, rows, cols);
    const values = prop.read(block);
    for (const s of touching) {
      const v = prop.pick(s.style);
      for (let r = s.box.row; r < Math.min(rows, s.box.row + s.box.rows); r++) {
        for (let c = s.box.col; c < Math.min(cols, s.box.col + s.box.cols); c++) values[r][c] = v;
      }
    }
    prop.write(block, values);
  }
  const bordered = placed.filter((s) => s.style.border).map((s) => s.range);
  if (bordered.length) sheet.getRangeList(bordered).setBorder(true, true, true, true, true, true);
}
