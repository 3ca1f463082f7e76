/**
 * Writes a host-neutral SheetModel into the open workbook with Office.js.
 *
 * A sheet is planned as a list of small operations, each with an estimate of the bytes it adds to a
 * request (write-plan.ts); `writeSheets` queues them and syncs whenever the next one would take the
 * request past its budget, so no request nears Excel on the web's 5 MB limit whatever the row count
 * (test/addin/payload.test.ts measures each request with Office.js's own runtime). To keep
 * requests small the plan writes values in row blocks, number formats as one format per column run
 * (a 1×1 array applies to the whole range), row heights per run of equal rows, and styles merged
 * into runs.
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
export function valueMatrix(model: SheetModel, date1904 = false): (string | number | boolean)[][] | null {
  const { rows, cols } = extentOf(model);
  if (rows === 0 || cols === 0) return null;
  return Array.from({ length: rows }, (_, r) => {
    const src = model.rows[r] ?? [];
    return Array.from({ length: cols }, (_, c) => toHostValue(src[c], date1904));
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

/** How many actions applying `style` queues (for the request estimate). */
function styleActions(style: CellStyle, multiRow: boolean, multiCol: boolean): number {
  let n = 0;
  for (const k of ['bold', 'italic', 'fontSize', 'color', 'fill', 'hAlign', 'vAlign', 'wrap'] as const) if (style[k] !== undefined) n++;
  if (style.border) n += 2 * (4 + (multiRow ? 1 : 0) + (multiCol ? 1 : 0));
  return n;
}

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

/**
 * Excel's data-validation rule object for one model rule. Date bounds go as ISO 8601 text, which
 * Office.js documents for DateTimeDataValidation.formula1/formula2 ("a stringified date/time in
 * ISO8601 format"): no `DATE(…)` formula, so no dependence on the user's regional settings.
 */
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
          ? { operator: 'Between', formula1: v.min, formula2: v.max }
          : v.max
            ? { operator: 'LessThanOrEqualTo', formula1: v.max }
            : { operator: 'GreaterThanOrEqualTo', formula1: v.min ?? '1900-01-01' };
      return { date: crit };
    }
  }
}

/** Excel's limits on data validation texts (see test/addin/fake-excel.ts for the sources). */
export const VALIDATION_LIMITS = { listSource: 255, title: 32, prompt: 255, error: 225 } as const;

/** `text` cut to `max` characters at a word boundary, with an ellipsis when cut. */
export function clampText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function applyValidation(sheet: Excel.Worksheet, v: DataValidationRule): void {
  const rule = validationRule(v);
  // A list longer than Excel takes would fail the whole batch: leave that cell range without a
  // drop-down (the check still reads and reports the value).
  if (rule.list && String(rule.list.source).length > VALIDATION_LIMITS.listSource) return;
  const dv = sheet.getRange(v.range).dataValidation;
  // Excel refuses a rule on a range that already holds a different one: clear first.
  dv.clear();
  dv.rule = rule;
  // strict: false lets a value through after a warning (a count column also taking "x").
  const strict = v.strict ?? true;
  dv.errorAlert = {
    showAlert: true,
    style: strict ? 'Stop' : 'Warning',
    title: clampText(v.title ?? 'Giá trị không hợp lệ', VALIDATION_LIMITS.title),
    message: clampText(v.error ?? 'Giá trị này không đúng mẫu. Xem hướng dẫn ở ô rồi nhập lại.', VALIDATION_LIMITS.error),
  };
  if (v.prompt) {
    dv.prompt = {
      showPrompt: true,
      title: clampText(v.title ?? 'Hướng dẫn', VALIDATION_LIMITS.title),
      message: clampText(v.prompt, VALIDATION_LIMITS.prompt),
    };
  }
}

function applyConditionalFormat(sheet: Excel.Worksheet, cf: ConditionalFormat): void {
  const added = sheet.getRange(cf.range).conditionalFormats.add('Custom');
  added.custom.rule.formula = `=${cf.formula.replace(/^=/, '')}`;
  if (cf.style.fill) added.custom.format.fill.color = cf.style.fill;
  if (cf.style.color) added.custom.format.font.color = cf.style.color;
  if (cf.style.bold !== undefined) added.custom.format.font.bold = cf.style.bold;
}

// ---------------------------------------------------------------- the plan: operations with sizes

/** One queued change to a sheet, with a generous estimate of the bytes it adds to a request. */
export interface WriteOp {
  bytes: number;
  run(sheet: Excel.Worksheet): void;
}

/**
 * Bytes one action costs beyond its arguments: Office.js sends each proxy's object path and the
 * action's framing (measured with its runtime: 150–350 bytes a range action), rounded up.
 */
export const ACTION_BYTES = 400;
/** Values and formulas go in blocks of rows of about this many bytes. */
export const BLOCK_BYTES = 512 * 1024;

/** UTF-8 bytes of a value as JSON, as it travels in a request. */
export function jsonBytes(x: unknown): number {
  const text = JSON.stringify(x) ?? '';
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) n += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
  }
  return n;
}

/** Runs of equal non-null values along one column: [startRow, length, value]. */
function columnRuns<T>(m: (T | null)[][], col: number): [number, number, T][] {
  const out: [number, number, T][] = [];
  for (let r = 0; r < m.length; r++) {
    const v = m[r][col];
    if (v === null || v === undefined) continue;
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === r && last[2] === v) last[1]++;
    else out.push([r, 1, v]);
  }
  return out;
}

/** Number formats as boxes holding one format each: runs down each column, joined across columns. */
export function numberFormatBoxes(model: SheetModel): { box: Box; format: string }[] {
  const m = numberFormatMatrix(model);
  if (!m) return [];
  const cols = m[0].length;
  const out: { box: Box; format: string }[] = [];
  let open = new Map<string, { box: Box; format: string }>();
  for (let c = 0; c < cols; c++) {
    const next = new Map<string, { box: Box; format: string }>();
    for (const [row, rows, format] of columnRuns(m, c)) {
      const key = `${row}:${rows}:${format}`;
      const prev = open.get(key);
      if (prev && prev.box.col + prev.box.cols === c) {
        prev.box.cols++;
        next.set(key, prev);
      } else {
        const entry = { box: { row, col: c, rows, cols: 1 }, format };
        out.push(entry);
        next.set(key, entry);
      }
    }
    open = next;
  }
  return out;
}

/** Consecutive indexes with the same number: [start, count, value]. */
function runsOf(entries: [number, number][]): [number, number, number][] {
  const sorted = [...entries].sort((a, b) => a[0] - b[0]);
  const out: [number, number, number][] = [];
  for (const [i, v] of sorted) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === i && last[2] === v) last[1]++;
    else out.push([i, 1, v]);
  }
  return out;
}

/** Rows [start, end) cut into blocks of about BLOCK_BYTES by the bytes of each row. */
function rowBlocks<T>(rows: readonly T[][], blockBytes: number): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  let bytes = 0;
  rows.forEach((row, r) => {
    const b = jsonBytes(row);
    if (r > start && bytes + b > blockBytes) {
      out.push([start, r]);
      start = r;
      bytes = 0;
    }
    bytes += b;
  });
  if (rows.length > start) out.push([start, rows.length]);
  return out;
}

/** The operations that write `model` on a sheet that exists (cleared first) or was just added. */
export function planSheet(model: SheetModel, existed: boolean, caps: HostCapabilities, blockBytes = BLOCK_BYTES): WriteOp[] {
  const ops: WriteOp[] = [];
  const op = (actions: number, args: unknown, run: (sheet: Excel.Worksheet) => void) =>
    ops.push({ bytes: actions * ACTION_BYTES + (args === undefined ? 0 : jsonBytes(args)), run });

  if (existed) {
    op(7, undefined, (sheet) => {
      const all = sheet.getRange();
      all.conditionalFormats.clearAll();
      all.dataValidation.clear();
      all.unmerge();
      all.clear('All');
      all.columnHidden = false;
      sheet.freezePanes.unfreeze();
    });
  }
  op(3, model.font, (sheet) => {
    const whole = sheet.getRange();
    whole.format.font.name = model.font.name;
    whole.format.font.size = model.font.size;
  });
  // Formats before values: a '@' cell keeps the text written into it.
  for (const { box, format } of numberFormatBoxes(model)) {
    op(2, format, (sheet) => {
      sheet.getRangeByIndexes(box.row, box.col, box.rows, box.cols).numberFormat = [[format]];
    });
  }
  const values = valueMatrix(model, caps.date1904);
  if (values) {
    for (const [r0, r1] of rowBlocks(values, blockBytes)) {
      const block = values.slice(r0, r1);
      op(2, block, (sheet) => {
        sheet.getRangeByIndexes(r0, 0, block.length, block[0].length).values = block;
      });
    }
  }
  const formulas = formulaBlock(model);
  if (formulas) {
    for (const [r0, r1] of rowBlocks(formulas.formulas, blockBytes)) {
      const block = formulas.formulas.slice(r0, r1);
      op(2, block, (sheet) => {
        sheet.getRangeByIndexes(formulas.row + r0, formulas.col, block.length, block[0].length).formulas = block;
      });
    }
  }
  for (const { box, style } of formatRuns(model.styles, extentOf(model))) {
    const multiRow = box.rows > 1;
    const multiCol = box.cols > 1;
    op(2 + styleActions(style, multiRow, multiCol), style, (sheet) =>
      applyStyle(sheet.getRangeByIndexes(box.row, box.col, box.rows, box.cols), style, multiRow, multiCol),
    );
  }
  for (const m of model.merges) op(2, m, (sheet) => sheet.getRange(m).merge(false));
  const widths = model.columnWidths.map((w, i) => [i, w] as [number, number]).filter(([, w]) => w > 0);
  for (const [c, n, w] of runsOf(widths)) {
    op(3, null, (sheet) => {
      sheet.getRange(`${columnRange(c).split(':')[0]}:${columnRange(c + n - 1).split(':')[1]}`).format.columnWidth = charactersToPoints(w);
    });
  }
  const heights = Object.entries(model.rowHeights ?? {}).map(([r, h]) => [Number(r), h] as [number, number]);
  for (const [r, n, h] of runsOf(heights)) {
    op(3, null, (sheet) => {
      sheet.getRangeByIndexes(r, 0, n, 1).format.rowHeight = h;
    });
  }
  for (const [c, n] of runsOf(model.hiddenColumns.map((c) => [c, 1] as [number, number]))) {
    op(2, null, (sheet) => {
      sheet.getRange(`${columnRange(c).split(':')[0]}:${columnRange(c + n - 1).split(':')[1]}`).columnHidden = true;
    });
  }
  for (const v of model.validations) op(6, v, (sheet) => applyValidation(sheet, v));
  for (const cf of model.conditionalFormats) op(6, cf, (sheet) => applyConditionalFormat(sheet, cf));

  op(2, null, (sheet) => {
    if (model.frozenRows > 0 && model.frozenColumns > 0) {
      sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, model.frozenRows, model.frozenColumns));
    } else if (model.frozenRows > 0) {
      sheet.freezePanes.freezeRows(model.frozenRows);
    } else if (model.frozenColumns > 0) {
      sheet.freezePanes.freezeColumns(model.frozenColumns);
    }
  });
  if (caps.pageLayout && (model.print || model.printTitleRows)) {
    op(5, null, (sheet) => {
      const page = sheet.pageLayout;
      if (model.print) {
        page.paperSize = 'A4';
        page.orientation = model.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
        if (model.print.fitToWidth) page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      }
      if (model.printTitleRows) page.setPrintTitleRows(absoluteRows(model.printTitleRows));
    });
  }
  return ops;
}

// ---------------------------------------------------------------- queueing and syncing

/** What a request may hold by our estimate: well under Excel on the web's 5 MB (FACTS: 5 MB per request). */
export const REQUEST_BUDGET = 3 * 1024 * 1024;

/**
 * Queues operations on one context and syncs before one would take the request past `budget`.
 * Sheets are looked up once per request (a proxy's path travels with every request that uses it).
 */
export class BatchedWriter {
  private used = 0;
  private proxies = new Map<string, Excel.Worksheet>();
  /** Estimated bytes of each request sent so far. */
  readonly sent: number[] = [];

  constructor(
    private readonly context: Excel.RequestContext,
    readonly budget = REQUEST_BUDGET,
  ) {}

  sheet(name: string): Excel.Worksheet {
    let s = this.proxies.get(name);
    if (!s) {
      s = this.context.workbook.worksheets.getItem(name);
      this.proxies.set(name, s);
    }
    return s;
  }

  /** Queues `run` (costing about `bytes`), syncing first when the request would pass the budget. */
  async queue(bytes: number, run: () => void): Promise<void> {
    if (this.used > 0 && this.used + bytes > this.budget) await this.flush();
    run();
    this.used += bytes;
  }

  /** Sends what is queued, if anything. */
  async flush(): Promise<void> {
    if (this.used === 0) return;
    const bytes = this.used;
    this.used = 0;
    this.proxies = new Map();
    await this.context.sync();
    this.sent.push(bytes);
  }
}

/**
 * Writes `models` (adding the sheets `existing` lacks, clearing and rewriting the others in place so
 * that formulas elsewhere pointing at them keep working), syncing as the budget requires. Hidden
 * sheets are hidden last, after every sheet exists. Leaves the last request for the caller to sync.
 */
export async function writeSheets(
  writer: BatchedWriter,
  context: Excel.RequestContext,
  models: readonly SheetModel[],
  existing: SheetNameSet,
  caps: HostCapabilities = { pageLayout: false },
): Promise<void> {
  for (const model of models) {
    const existed = existing.has(model.name);
    if (!existed) {
      await writer.queue(2 * ACTION_BYTES + jsonBytes(model.name), () => void context.workbook.worksheets.add(model.name));
      existing.add(model.name);
    }
    // Blocks of values well inside the budget, so that a block never fills a request alone.
    const blockBytes = Math.min(BLOCK_BYTES, Math.floor(writer.budget / 2));
    for (const o of planSheet(model, existed, caps, blockBytes)) await writer.queue(o.bytes, () => o.run(writer.sheet(model.name)));
  }
  for (const model of models) {
    await writer.queue(2 * ACTION_BYTES, () => {
      writer.sheet(model.name).visibility = model.hidden ? 'Hidden' : 'Visible';
    });
  }
}

/**
 * Queues the writing of one model without syncing (small sheets, and tests of what gets written).
 * Returns the worksheet proxy; the caller syncs.
 */
export function writeSheetModel(
  context: Excel.RequestContext,
  model: SheetModel,
  existing: SheetNameSet,
  caps: HostCapabilities = { pageLayout: false },
): Excel.Worksheet {
  const sheets = context.workbook.worksheets;
  const existed = existing.has(model.name);
  const sheet = existed ? sheets.getItem(model.name) : sheets.add(model.name);
  existing.add(model.name);
  for (const o of planSheet(model, existed, caps)) o.run(sheet);
  sheet.visibility = model.hidden ? 'Hidden' : 'Visible';
  return sheet;
}
