/**
 * Writes a host-neutral SheetModel into the open workbook with Office.js.
 *
 * Everything is queued; nothing here calls `context.sync()`. A command writes all its sheets and
 * then syncs once, so the number of round trips does not grow with rows, sheets or styles.
 * Per sheet the cells go in as whole 2-D arrays: one `numberFormat` write, one `values` write and
 * one `formulas` write (nulls leave the other cells alone).
 *
 * API sets used (manifest minimum ExcelApi 1.8): worksheets.add/getItem, Range.values/numberFormat/
 * formulas/clear, format.font/fill/borders/columnWidth (1.1); columnHidden, rowHeight, merge (1.2);
 * conditionalFormats (1.6); freezePanes, getRangeByIndexes (1.7); dataValidation (1.8).
 * pageLayout needs ExcelApi 1.9 and is applied only when `caps.pageLayout` says the host has it.
 */
import type {
  CellStyle,
  ConditionalFormat,
  DataValidationRule,
  SheetModel,
  StyledRange,
} from '../../shared/layout/sheet-model';
import type { HostCapabilities } from './capabilities';
import { needsTextFormat, toHostValue } from './host-values';
import { absoluteRows, columnRange, parseBox, type Box } from './ranges';

/** How calendar days show unless a style says otherwise. */
export const DATE_FORMAT = 'dd/mm/yyyy';

/** Excel's column width unit is the point; SheetModel widths are characters of the default font. */
export function charactersToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** Sheet names present in the workbook, compared as Excel does (case-insensitively). */
export class SheetNameSet {
  private readonly keys: Set<string>;
  constructor(names: Iterable<string>) {
    this.keys = new Set([...names].map((n) => n.toLocaleLowerCase()));
  }
  has(name: string): boolean {
    return this.keys.has(name.toLocaleLowerCase());
  }
  add(name: string): void {
    this.keys.add(name.toLocaleLowerCase());
  }
}

interface Extent {
  rows: number;
  cols: number;
}

function extentOf(model: SheetModel): Extent {
  let rows = model.rows.length;
  let cols = 0;
  for (const r of model.rows) cols = Math.max(cols, r.length);
  for (const f of model.formulas) {
    rows = Math.max(rows, f.row + 1);
    cols = Math.max(cols, f.col + 1);
  }
  return { rows, cols };
}

/**
 * The number formats of the written area as one matrix: styles' formats in order, then '@' on every
 * string Excel would otherwise turn into a formula, number, date or boolean (see host-values.ts).
 * Style ranges reaching past the values (blank report columns) widen the matrix.
 */
export function numberFormatMatrix(model: SheetModel): (string | null)[][] | null {
  const base = extentOf(model);
  const boxes: { box: NonNullable<ReturnType<typeof parseBox>>; format: string }[] = [];
  let rows = base.rows;
  let cols = base.cols;
  for (const s of model.styles) {
    if (!s.style.numberFormat) continue;
    const box = parseBox(s.range, base);
    if (!box) continue;
    boxes.push({ box, format: s.style.numberFormat });
    rows = Math.max(rows, box.row + box.rows);
    cols = Math.max(cols, box.col + box.cols);
  }
  if (rows === 0 || cols === 0) return null;
  const m: (string | null)[][] = Array.from({ length: rows }, () => new Array<string | null>(cols).fill(null));
  for (const { box, format } of boxes) {
    for (let r = box.row; r < box.row + box.rows; r++) {
      for (let c = box.col; c < box.col + box.cols; c++) m[r][c] = format;
    }
  }
  const formulaCells = new Set(model.formulas.map((f) => `${f.row}:${f.col}`));
  model.rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v === 'string' && needsTextFormat(v) && !formulaCells.has(`${r}:${c}`)) m[r][c] = '@';
      else if (v instanceof Date && m[r][c] === null) m[r][c] = DATE_FORMAT;
    }),
  );
  return m;
}

/** The values of the written area, padded to a rectangle. */
export function valueMatrix(model: SheetModel): (string | number | boolean)[][] | null {
  const { rows, cols } = extentOf(model);
  if (rows === 0 || cols === 0) return null;
  return Array.from({ length: rows }, (_, r) => {
    const src = model.rows[r] ?? [];
    return Array.from({ length: cols }, (_, c) => toHostValue(src[c]));
  });
}

/** Formulas over their bounding box, null elsewhere (null leaves a cell as the values write left it). */
export function formulaBlock(model: SheetModel): { row: number; col: number; formulas: (string | null)[][] } | null {
  if (model.formulas.length === 0) return null;
  let r0 = Infinity;
  let c0 = Infinity;
  let r1 = -1;
  let c1 = -1;
  for (const f of model.formulas) {
    r0 = Math.min(r0, f.row);
    c0 = Math.min(c0, f.col);
    r1 = Math.max(r1, f.row);
    c1 = Math.max(c1, f.col);
  }
  const formulas: (string | null)[][] = Array.from({ length: r1 - r0 + 1 }, () =>
    new Array<string | null>(c1 - c0 + 1).fill(null),
  );
  for (const f of model.formulas) formulas[f.row - r0][f.col - c0] = `=${f.formula.replace(/^=/, '')}`;
  return { row: r0, col: c0, formulas };
}

/**
 * Styles to apply as range formats, fewer and smaller: number formats are already in the matrix, and
 * runs of consecutive entries with the same style on horizontally or vertically adjacent cells become
 * one range. Only neighbours in list order are joined, so a later entry still overrides an earlier one.
 * (Each queued format costs request size; Excel on the web caps a request at 5 MB.)
 */
export function formatRuns(styles: readonly StyledRange[], limit: { rows: number; cols: number }): { box: Box; style: CellStyle }[] {
  const out: { box: Box; style: CellStyle; key: string }[] = [];
  for (const s of styles) {
    const { numberFormat: _n, ...rest } = s.style;
    if (Object.keys(rest).length === 0) continue;
    const box = parseBox(s.range, limit);
    if (!box) continue;
    const key = JSON.stringify(rest);
    const last = out[out.length - 1];
    if (last && last.key === key) {
      const b = last.box;
      const sameRow = b.row === box.row && b.rows === box.rows && b.col + b.cols === box.col;
      const sameCol = b.col === box.col && b.cols === box.cols && b.row + b.rows === box.row;
      if (sameRow) { b.cols += box.cols; continue; }
      if (sameCol) { b.rows += box.rows; continue; }
    }
    out.push({ box: { ...box }, style: rest, key });
  }
  return out.map(({ box, style }) => ({ box, style }));
}

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;

function applyStyle(range: Excel.Range, style: CellStyle, multiRow: boolean, multiCol: boolean): void {
  const f = range.format;
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.italic !== undefined) f.font.italic = style.italic;
  if (style.fontSize !== undefined) f.font.size = style.fontSize;
  if (style.color) f.font.color = style.color;
  if (style.fill) f.fill.color = style.fill;
  if (style.hAlign) f.horizontalAlignment = H_ALIGN[style.hAlign];
  if (style.vAlign) f.verticalAlignment = V_ALIGN[style.vAlign];
  if (style.wrap !== undefined) f.wrapText = style.wrap;
  if (style.border) {
    const edges: ('EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical')[] = [
      'EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight',
    ];
    if (multiRow) edges.push('InsideHorizontal');
    if (multiCol) edges.push('InsideVertical');
    for (const e of edges) {
      const b = f.borders.getItem(e);
      b.style = 'Continuous';
      b.weight = 'Thin';
    }
  }
}

function dateFormula(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `=DATE(${Number(m[1])},${Number(m[2])},${Number(m[3])})` : iso;
}

/** Excel's data-validation rule object for one model rule. */
export function validationRule(v: DataValidationRule): Excel.DataValidationRule {
  switch (v.kind) {
    case 'list':
      return { list: { inCellDropDown: true, source: v.values.join(',') } };
    case 'decimal':
    case 'whole': {
      const crit: Excel.BasicDataValidation =
        v.min !== undefined && v.max !== undefined
          ? { operator: 'Between', formula1: v.min, formula2: v.max }
          : v.max !== undefined
            ? { operator: 'LessThanOrEqualTo', formula1: v.max }
            : { operator: 'GreaterThanOrEqualTo', formula1: v.min ?? 0 };
      return v.kind === 'decimal' ? { decimal: crit } : { wholeNumber: crit };
    }
    case 'date': {
      const crit: Excel.DateTimeDataValidation =
        v.min && v.max
          ? { operator: 'Between', formula1: dateFormula(v.min), formula2: dateFormula(v.max) }
          : v.max
            ? { operator: 'LessThanOrEqualTo', formula1: dateFormula(v.max) }
            : { operator: 'GreaterThanOrEqualTo', formula1: dateFormula(v.min ?? '1900-01-01') };
      return { date: crit };
    }
  }
}

function applyValidation(sheet: Excel.Worksheet, v: DataValidationRule): void {
  const dv = sheet.getRange(v.range).dataValidation;
  dv.rule = validationRule(v);
  // strict: false lets a value through after a warning (a count column also taking "x").
  const strict = v.strict ?? true;
  const title = (v.title ?? 'Giá trị không hợp lệ').slice(0, 32);
  dv.errorAlert = {
    showAlert: true,
    style: strict ? 'Stop' : 'Warning',
    title,
    message: v.error ?? 'Giá trị này không đúng mẫu. Xem hướng dẫn ở ô rồi nhập lại.',
  };
  if (v.prompt) dv.prompt = { showPrompt: true, title: (v.title ?? 'Hướng dẫn').slice(0, 32), message: v.prompt };
}

function applyConditionalFormat(sheet: Excel.Worksheet, cf: ConditionalFormat): void {
  const added = sheet.getRange(cf.range).conditionalFormats.add('Custom');
  added.custom.rule.formula = `=${cf.formula.replace(/^=/, '')}`;
  if (cf.style.fill) added.custom.format.fill.color = cf.style.fill;
  if (cf.style.color) added.custom.format.font.color = cf.style.color;
  if (cf.style.bold !== undefined) added.custom.format.font.bold = cf.style.bold;
}

/**
 * Queues the writing of `model` as a worksheet: added when `existing` lacks it, otherwise cleared
 * (contents, formats, merges, validation, conditional formats, hidden columns) and written anew in
 * place, so formulas elsewhere that point at it keep working. Returns the worksheet proxy.
 * The caller syncs.
 */
export function writeSheetModel(
  context: Excel.RequestContext,
  model: SheetModel,
  existing: SheetNameSet,
  caps: HostCapabilities = { pageLayout: false },
): Excel.Worksheet {
  const sheets = context.workbook.worksheets;
  let sheet: Excel.Worksheet;
  if (existing.has(model.name)) {
    sheet = sheets.getItem(model.name);
    const all = sheet.getRange();
    all.conditionalFormats.clearAll();
    all.dataValidation.clear();
    all.unmerge();
    all.clear('All');
    all.columnHidden = false;
    sheet.freezePanes.unfreeze();
  } else {
    sheet = sheets.add(model.name);
    existing.add(model.name);
  }

  const whole = sheet.getRange();
  whole.format.font.name = model.font.name;
  whole.format.font.size = model.font.size;

  const formats = numberFormatMatrix(model);
  if (formats) sheet.getRangeByIndexes(0, 0, formats.length, formats[0].length).numberFormat = formats;
  const values = valueMatrix(model);
  if (values) sheet.getRangeByIndexes(0, 0, values.length, values[0].length).values = values;
  const block = formulaBlock(model);
  if (block) {
    sheet.getRangeByIndexes(block.row, block.col, block.formulas.length, block.formulas[0].length).formulas =
      block.formulas;
  }

  for (const { box, style } of formatRuns(model.styles, extentOf(model))) {
    applyStyle(sheet.getRangeByIndexes(box.row, box.col, box.rows, box.cols), style, box.rows > 1, box.cols > 1);
  }
  for (const m of model.merges) sheet.getRange(m).merge(false);
  model.columnWidths.forEach((w, i) => {
    if (w > 0) sheet.getRange(columnRange(i)).format.columnWidth = charactersToPoints(w);
  });
  for (const [row, height] of Object.entries(model.rowHeights ?? {})) {
    sheet.getRangeByIndexes(Number(row), 0, 1, 1).format.rowHeight = height;
  }
  for (const c of model.hiddenColumns) sheet.getRange(columnRange(c)).columnHidden = true;
  for (const v of model.validations) applyValidation(sheet, v);
  for (const cf of model.conditionalFormats) applyConditionalFormat(sheet, cf);

  if (model.frozenRows > 0 && model.frozenColumns > 0) {
    sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, model.frozenRows, model.frozenColumns));
  } else if (model.frozenRows > 0) {
    sheet.freezePanes.freezeRows(model.frozenRows);
  } else if (model.frozenColumns > 0) {
    sheet.freezePanes.freezeColumns(model.frozenColumns);
  }

  if (caps.pageLayout) {
    const page = sheet.pageLayout;
    if (model.print) {
      page.paperSize = 'A4';
      page.orientation = model.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
      if (model.print.fitToWidth) page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    }
    if (model.printTitleRows) page.setPrintTitleRows(absoluteRows(model.printTitleRows));
  }

  sheet.visibility = model.hidden ? 'Hidden' : 'Visible';
  return sheet;
}
