/**
 * A SheetModel's styles in one call per style value: for each cell property (bold, fill, number
 * format…), the ranges that set it are grouped by value and each group is set through ONE RangeList
 * setter. Nothing is read back: live Sheets reports wrap = true and number format
 * '0.###############' for cells never formatted, so reading a block and writing it back would change
 * cells the model never styled (and cost a read and a write of the whole block per property).
 *
 * Later styles override earlier ones where they overlap, as in the model: a range joins the last
 * group of its value only when no later group touches it; otherwise it opens a new group after them,
 * so groups are applied in an order that keeps every override.
 */
import { parseRangeBox, type CellBox } from '../../shared/cell';
import type { CellStyle, StyledRange } from '../../shared/layout/sheet-model';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type RangeList = GoogleAppsScript.Spreadsheet.RangeList;

export type Box = CellBox;

/** "B9", "B9:D40", "A:C" (whole columns up to maxRows), "8:8" (whole rows up to maxCols). */
export function boxOf(a1: string, maxRows: number, maxCols: number): Box | null {
  return parseRangeBox(a1, { rows: maxRows, cols: maxCols });
}

interface CellProperty {
  pick(style: CellStyle): string | number | boolean | undefined;
  set(list: RangeList, value: string | number | boolean): void;
}

const PROPERTIES: readonly CellProperty[] = [
  { pick: (s) => (s.bold === undefined ? undefined : s.bold ? 'bold' : 'normal'), set: (l, v) => l.setFontWeight(v as GoogleAppsScript.Spreadsheet.FontWeight) },
  { pick: (s) => (s.italic === undefined ? undefined : s.italic ? 'italic' : 'normal'), set: (l, v) => l.setFontStyle(v as GoogleAppsScript.Spreadsheet.FontStyle) },
  { pick: (s) => s.fontSize, set: (l, v) => l.setFontSize(v as number) },
  { pick: (s) => s.fill, set: (l, v) => l.setBackground(v as string) },
  { pick: (s) => s.color, set: (l, v) => l.setFontColor(v as string) },
  { pick: (s) => s.hAlign, set: (l, v) => l.setHorizontalAlignment(v as 'left') },
  { pick: (s) => s.vAlign, set: (l, v) => l.setVerticalAlignment(v as 'top') },
  { pick: (s) => s.wrap, set: (l, v) => l.setWrap(v as boolean) },
  { pick: (s) => s.numberFormat, set: (l, v) => l.setNumberFormat(v as string) },
  { pick: (s) => (s.border ? true : undefined), set: (l) => l.setBorder(true, true, true, true, true, true) },
];

const overlaps = (a: Box, b: Box) =>
  a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;

interface Group {
  value: string | number | boolean;
  ranges: string[];
  boxes: Box[];
}

/** The ranges of one property grouped by value, in an order that keeps the model's overrides. */
export function styleGroups(placed: readonly { box: Box; range: string; value: string | number | boolean }[]): Group[] {
  const groups: Group[] = [];
  for (const p of placed) {
    let target = -1;
    for (let g = groups.length - 1; g >= 0; g--) {
      if (groups[g].value === p.value) {
        target = g;
        break;
      }
      if (groups[g].boxes.some((b) => overlaps(b, p.box))) break; // a later group touches it: open a new one
    }
    if (target < 0) groups.push({ value: p.value, ranges: [p.range], boxes: [p.box] });
    else {
      groups[target].ranges.push(p.range);
      groups[target].boxes.push(p.box);
    }
  }
  return groups;
}

/** Applies `styles` in order; `before` are applied first (the date cells' default format). One call per group. */
export function applyStyles(sheet: Sheet, styles: readonly StyledRange[], before: readonly StyledRange[] = []): void {
  const maxRows = sheet.getMaxRows();
  const maxCols = sheet.getMaxColumns();
  const all = [...before, ...styles]
    .map((s) => ({ box: boxOf(s.range, maxRows, maxCols), style: s.style, range: s.range.replace(/\$/g, '') }))
    .filter((s): s is { box: Box; style: CellStyle; range: string } => s.box !== null);
  for (const prop of PROPERTIES) {
    const placed = all.flatMap((s) => {
      const value = prop.pick(s.style);
      return value === undefined ? [] : [{ box: s.box, range: s.range, value }];
    });
    for (const g of styleGroups(placed)) prop.set(sheet.getRangeList(g.ranges), g.value);
  }
}
