/**
 * Writes host-neutral SheetModels to an .xlsx file with exceljs, in Node and in the browser
 * (no Node built-ins; `writeBuffer` only). Keeps the SheetModel contract (shared/layout/sheet-model.ts):
 * every string in `rows` is text, only `formulas` are formulas (with their stored result), Dates are
 * calendar days at UTC midnight. `protectedRanges` are advisory and not written: nothing is locked.
 */
import ExcelJS from 'exceljs';
import { parseA1, type CellValue } from '../../shared/cell';
import type { CellStyle, ConditionalFormat, DataValidationRule, SheetModel } from '../../shared/layout/sheet-model';

export interface WriteOptions {
  /** Document author shown in the file's properties. */
  creator?: string;
}

const DATE_FORMAT = 'dd/mm/yyyy';
/** A4 in the OOXML paperSize enumeration. */
const PAPER_A4 = 9;

export async function writeXlsx(sheets: SheetModel[], opts: WriteOptions = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = opts.creator ?? '';
  wb.lastModifiedBy = opts.creator ?? '';
  for (const model of sheets) addSheet(wb, model);
  const firstVisible = sheets.findIndex((s) => !s.hidden);
  if (firstVisible >= 0) wb.views = [{ activeTab: firstVisible, firstSheet: firstVisible, visibility: 'visible' } as ExcelJS.WorkbookView];
  const buffer = await wb.xlsx.writeBuffer();
  return toBytes(buffer);
}

function toBytes(buffer: ArrayBuffer | ArrayBufferView): Uint8Array {
  if (ArrayBuffer.isView(buffer)) return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  return new Uint8Array(buffer);
}

/** "B9:K40" or "B9" → inclusive 0-based bounds; throws on anything else (a bug in the model). */
export function parseRange(range: string): { top: number; left: number; bottom: number; right: number } {
  const [from, to = from] = range.split(':');
  const a = parseA1(from);
  const b = parseA1(to);
  if (!a || !b) throw new Error(`not an A1 range: ${range}`);
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

function argb(hex: string): string {
  const h = hex.replace(/^#/, '');
  if (!/^[0-9a-fA-F]{6}$/.test(h)) throw new Error(`not a #RRGGBB colour: ${hex}`);
  return `FF${h.toUpperCase()}`;
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };

function excelStyle(style: CellStyle, font: SheetModel['font']): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {
    font: {
      name: font.name,
      size: style.fontSize ?? font.size,
      ...(style.bold ? { bold: true } : {}),
      ...(style.italic ? { italic: true } : {}),
      ...(style.color ? { color: { argb: argb(style.color) } } : {}),
    },
  };
  if (style.hAlign || style.vAlign || style.wrap) {
    out.alignment = {
      ...(style.hAlign ? { horizontal: style.hAlign } : {}),
      ...(style.vAlign ? { vertical: style.vAlign } : {}),
      ...(style.wrap ? { wrapText: true } : {}),
    };
  }
  if (style.fill) out.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
  if (style.border) out.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (style.numberFormat) out.numFmt = style.numberFormat;
  return out;
}

/** Cell value for exceljs; undefined for an empty cell. */
function cellValue(v: CellValue): ExcelJS.CellValue | undefined {
  if (v === null || v === '') return undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v;
  // Strings (including "=1+1") and booleans are stored as they are: exceljs writes strings as text.
  return v;
}

/** A formula's cached result as exceljs stores it: Dates as their serial number. */
function formulaResult(v: CellValue): number | string | boolean | undefined {
  if (v === null) return undefined;
  if (v instanceof Date) return Math.round(v.getTime() / 86_400_000) + 25_569;
  if (typeof v === 'number' && !Number.isFinite(v)) return undefined;
  return v;
}

function addSheet(wb: ExcelJS.Workbook, model: SheetModel): void {
  const { frozenRows, frozenColumns } = model;
  const ws = wb.addWorksheet(model.name, {
    state: model.hidden ? 'hidden' : 'visible',
    views: frozenRows > 0 || frozenColumns > 0
      ? [{ state: 'frozen', xSplit: frozenColumns, ySplit: frozenRows, topLeftCell: `${letters(frozenColumns)}${frozenRows + 1}` }]
      : [],
    pageSetup: model.print
      ? {
          paperSize: model.print.paper === 'A4' ? PAPER_A4 : undefined,
          orientation: model.print.orientation,
          ...(model.print.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
          ...(model.printTitleRows ? { printTitlesRow: model.printTitleRows } : {}),
          margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
        }
      : model.printTitleRows
        ? { printTitlesRow: model.printTitleRows }
        : undefined,
  });
  const base: CellStyle = {};
  const width = Math.max(model.columnWidths.length, ...model.rows.map((r) => r.length), 0);

  // Column widths and the sheet font as column style, so cells typed in later use it too.
  for (let c = 0; c < width; c++) {
    const column = ws.getColumn(c + 1);
    if (model.columnWidths[c] !== undefined) column.width = model.columnWidths[c];
    column.font = { name: model.font.name, size: model.font.size };
  }
  for (const c of model.hiddenColumns) ws.getColumn(c + 1).hidden = true;

  // Merge every styled range into one style per cell: later ranges override the properties they set.
  const styles = new Map<string, CellStyle>();
  for (const { range, style } of model.styles) {
    const b = parseRange(range);
    for (let r = b.top; r <= b.bottom; r++) {
      for (let c = b.left; c <= b.right; c++) {
        const key = `${r},${c}`;
        styles.set(key, { ...(styles.get(key) ?? base), ...definedOnly(style) });
      }
    }
  }

  model.rows.forEach((row, r) => {
    row.forEach((v, c) => {
      const value = cellValue(v);
      if (value === undefined) return;
      ws.getCell(r + 1, c + 1).value = value;
      if (v instanceof Date && !styles.get(`${r},${c}`)?.numberFormat) {
        styles.set(`${r},${c}`, { ...(styles.get(`${r},${c}`) ?? base), numberFormat: DATE_FORMAT });
      }
    });
  });
  for (const f of model.formulas) {
    const result = formulaResult(f.value);
    const formula = f.formula.replace(/^=/, '');
    ws.getCell(f.row + 1, f.col + 1).value = result === undefined ? { formula } as ExcelJS.CellFormulaValue : { formula, result } as ExcelJS.CellFormulaValue;
  }
  for (const [key, style] of styles) {
    const [r, c] = key.split(',').map(Number);
    ws.getCell(r + 1, c + 1).style = excelStyle(style, model.font);
  }
  for (const range of model.merges) ws.mergeCells(range);

  if (model.rowHeights) {
    for (const [r, h] of Object.entries(model.rowHeights)) ws.getRow(Number(r) + 1).height = h;
  }
  // One rule per range (exceljs 4.4 has this API but leaves it out of its type declarations).
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const v of model.validations) validations.add(v.range, dataValidation(v));
  model.conditionalFormats.forEach((cf) => ws.addConditionalFormatting(conditionalFormat(cf)));
}

function definedOnly(style: CellStyle): CellStyle {
  return Object.fromEntries(Object.entries(style).filter(([, v]) => v !== undefined)) as CellStyle;
}

function letters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Excel caps the prompt/error title at 32 characters and the texts at 255. */
const clip = (text: string | undefined, max: number): string | undefined =>
  text === undefined ? undefined : text.length <= max ? text : `${text.slice(0, max - 1)}…`;

export function dataValidation(v: DataValidationRule): ExcelJS.DataValidation {
  const strict = v.strict !== false;
  const messages = {
    allowBlank: true,
    showInputMessage: v.prompt !== undefined,
    promptTitle: clip(v.title, 32),
    prompt: clip(v.prompt, 255),
    showErrorMessage: true,
    errorStyle: strict ? 'stop' : 'warning',
    errorTitle: clip(v.title, 32),
    error: clip(v.error, 255),
  };
  switch (v.kind) {
    case 'list': {
      const list = v.values.map((x) => x.replace(/"/g, '""')).join(',');
      if (v.values.some((x) => x.includes(','))) throw new Error(`list values cannot contain commas: ${v.values.join(' | ')}`);
      if (list.length > 255) throw new Error(`list too long for a native validation (${list.length} > 255 characters)`);
      return { type: 'list', formulae: [`"${list}"`], ...messages };
    }
    case 'decimal':
    case 'whole':
    case 'date': {
      const bound = (x: number | string | undefined) =>
        x === undefined ? undefined : v.kind === 'date' ? new Date(`${x}T00:00:00Z`) : x;
      const min = bound(v.min);
      const max = bound(v.max);
      if (min !== undefined && max !== undefined) return { type: v.kind, operator: 'between', formulae: [min, max], ...messages };
      if (max !== undefined) return { type: v.kind, operator: 'lessThanOrEqual', formulae: [max], ...messages };
      return { type: v.kind, operator: 'greaterThanOrEqual', formulae: [min ?? (v.kind === 'date' ? new Date('1900-01-01T00:00:00Z') : 0)], ...messages };
    }
  }
}

function conditionalFormat(cf: ConditionalFormat): ExcelJS.ConditionalFormattingOptions {
  const style: Partial<ExcelJS.Style> = {};
  if (cf.style.fill) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(cf.style.fill) } };
  if (cf.style.color || cf.style.bold) {
    style.font = {
      ...(cf.style.color ? { color: { argb: argb(cf.style.color) } } : {}),
      ...(cf.style.bold ? { bold: true } : {}),
    };
  }
  return {
    ref: cf.range,
    rules: [{ type: 'expression', formulae: [cf.formula.replace(/^=/, '')], style } as ExcelJS.ConditionalFormattingRule],
  };
}
