/**
 * An in-memory stand-in for the Excel objects the add-in uses, as strict as Excel where it matters.
 * Each refusal names where it comes from; test/addin/fake-excel.test.ts shows the fake refuses it.
 * - Writes are queued and applied at `context.sync()`, in order; the first failing action stops the
 *   batch, and the actions before it stay applied (Office.js runs a batch's actions in order and
 *   documents no rollback: "Excel JavaScript API: application-specific model", FACTS.md).
 * - A request over 5 MB is refused whole (RequestPayloadSizeLimitExceeded), a response over 5 MB
 *   after the writes before it ("Resource limits and performance optimization for Office Add-ins":
 *   Excel on the web, 5 MB per request and per response). Limits are settable per workbook.
 * - While a person is editing a cell a batch fails (InvalidOperationInCellEditMode) unless the run
 *   asked `delayForCellEdit`, which waits for the edit to end (Excel.RunOptions.delayForCellEdit,
 *   ExcelApi 1.11).
 * - `onChanged` fires for the add-in's own writes too, after the sync (Worksheet.onChanged reference:
 *   the event reports changes "by the user or by an add-in"; source "Local").
 * - Data validation: `rule` is refused on a range that already holds a different rule (clear first:
 *   Excel.DataValidation.rule reference and its samples); a list source over 255 characters, a title
 *   over 32, a prompt over 255 and an error message over 225 are refused ([MS-XLSB] 2.5.37
 *   DValStrings; [MS-OI29500] 2.1.613; the 255-character list formula limit).
 * - Sheet names: not blank, at most 31 characters, none of : \ / ? * [ ], not starting or ending
 *   with an apostrophe, not "History"; unique ignoring case (Excel's "Rename a worksheet" rules).
 * - The last visible sheet cannot be hidden or deleted ("A workbook must contain at least one
 *   visible worksheet").
 * - loaded properties can be read only after `context.sync()` (reading earlier throws, as Office.js);
 *   syncs are counted per context and per workbook;
 * - a string written to `values` is read the way Excel reads typing into a General cell: "=…" (and
 *   "+x", "-x", "@x") becomes a formula (#NAME? for text that is no formula), "05" becomes 5, "TRUE"
 *   a boolean, "15/03/2025", "12/2025" and "1/2" dates by the workbook's regional order (vi-VN day
 *   first, en-US month first), "0 1/2" the fraction 0.5 — unless the cell's number format is '@'
 *   (Text), which keeps the string as it is (FACTS.md; Office.js Range.values reference);
 * - null in a 2-D write leaves that cell unchanged; a matrix of the wrong shape is InvalidArgument;
 * - errors from queued operations (unknown sheet, duplicate name) surface at the next sync as
 *   OfficeExtension-style errors with a `code`.
 * Tests inspect the result through FakeWorkbook's own methods (sheet(), value(), grid() …).
 * No Node built-ins: the browser test bundles this file into the page as the host.
 */
import { a1, columnLetter, parseA1 } from '../../shared/cell';

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

type Scalar = string | number | boolean;

export class FakeOfficeError extends Error {
  override readonly name = 'RichApi.Error';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface Box {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

function colIndex(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c - 1;
}

export function parseAddress(address: string): Box {
  const text = address.replace(/\$/g, '').replace(/^.*!/, '').trim();
  const cols = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(text);
  if (cols) {
    const c0 = colIndex(cols[1]);
    const c1 = colIndex(cols[2]);
    return { row: 0, col: Math.min(c0, c1), rows: MAX_ROWS, cols: Math.abs(c1 - c0) + 1 };
  }
  const rows = /^(\d+):(\d+)$/.exec(text);
  if (rows) {
    const r0 = Number(rows[1]) - 1;
    const r1 = Number(rows[2]) - 1;
    return { row: Math.min(r0, r1), col: 0, rows: Math.abs(r1 - r0) + 1, cols: MAX_COLS };
  }
  const [p, q] = text.split(':');
  const a = parseA1(p ?? '');
  const b = q === undefined ? a : parseA1(q);
  if (!a || !b) throw new FakeOfficeError('InvalidArgument', `bad address ${address}`);
  return {
    row: Math.min(a.row, b.row),
    col: Math.min(a.col, b.col),
    rows: Math.abs(b.row - a.row) + 1,
    cols: Math.abs(b.col - a.col) + 1,
  };
}

export function boxAddress(b: Box): string {
  const tl = a1(b.row, b.col);
  if (b.rows === 1 && b.cols === 1) return tl;
  return `${tl}:${a1(b.row + b.rows - 1, b.col + b.cols - 1)}`;
}

const contains = (outer: Box, inner: Box): boolean =>
  inner.row >= outer.row &&
  inner.col >= outer.col &&
  inner.row + inner.rows <= outer.row + outer.rows &&
  inner.col + inner.cols <= outer.col + outer.cols;

const intersects = (a: Box, b: Box): boolean =>
  a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;

// ---------------------------------------------------------------- workbook state (what tests inspect)

export interface CellState {
  value: Scalar;
  formula: string | null;
  numberFormat: string;
}

export interface FormatOp {
  box: Box;
  props: Record<string, unknown>;
}

export interface ValidationState {
  address: string;
  rule?: Excel.DataValidationRule;
  errorAlert?: Excel.DataValidationErrorAlert;
  prompt?: Excel.DataValidationPrompt;
}

export interface ConditionalFormatState {
  address: string;
  type: string;
  formula: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

export interface ChartState {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  position?: { start: string; end?: string };
}

type ChangeHandler = (args: Excel.WorksheetChangedEventArgs) => Promise<unknown> | void;

export class SheetState {
  cells = new Map<string, CellState>();
  formats: FormatOp[] = [];
  columnWidths = new Map<number, number>();
  hiddenColumns = new Set<number>();
  merges: string[] = [];
  validations: ValidationState[] = [];
  conditionalFormats: ConditionalFormatState[] = [];
  frozen = { rows: 0, cols: 0 };
  page: { paperSize?: string; orientation?: string; zoom?: Excel.PageLayoutZoomOptions; printTitleRows?: string } = {};
  charts: ChartState[] = [];
  handlers: ChangeHandler[] = [];
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  readonly id: string;

  constructor(
    public name: string,
    id: number,
  ) {
    this.id = `{sheet-${id}}`;
  }

  cell(row: number, col: number): CellState | undefined {
    return this.cells.get(`${row},${col}`);
  }

  /** Value as Excel would return it ('' for empty). */
  value(address: string): Scalar {
    const p = parseA1(address);
    if (!p) throw new Error(`bad address ${address}`);
    return this.cell(p.row, p.col)?.value ?? '';
  }

  formula(address: string): string | null {
    const p = parseA1(address);
    if (!p) throw new Error(`bad address ${address}`);
    return this.cell(p.row, p.col)?.formula ?? null;
  }

  numberFormat(address: string): string {
    const p = parseA1(address);
    if (!p) throw new Error(`bad address ${address}`);
    return this.cell(p.row, p.col)?.numberFormat ?? 'General';
  }

  /** Effective format property of a cell: the last format write covering it. */
  format(address: string, prop: string): unknown {
    const p = parseA1(address);
    if (!p) throw new Error(`bad address ${address}`);
    const at: Box = { row: p.row, col: p.col, rows: 1, cols: 1 };
    let v: unknown;
    for (const op of this.formats) if (prop in op.props && contains(op.box, at)) v = op.props[prop];
    return v;
  }

  usedBox(): Box | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const [k, c] of this.cells) {
      if (c.value === '' && c.formula === null) continue;
      const [r, col] = k.split(',').map(Number);
      r0 = Math.min(r0, r);
      c0 = Math.min(c0, col);
      r1 = Math.max(r1, r);
      c1 = Math.max(c1, col);
    }
    return r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  /** Values from A1 to the last used cell, '' for empty: what readGrids should return. */
  grid(): Scalar[][] {
    const u = this.usedBox();
    if (!u) return [];
    const rows = u.row + u.rows;
    const cols = u.col + u.cols;
    return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => this.cell(r, c)?.value ?? ''));
  }
}

// ---------------------------------------------------------------- Excel-like coercion of typed text

const NUMBER_TEXT = /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i;

export type Locale = 'vi-VN' | 'en-US';

/** Excel's serial of a calendar day (1900 system), null when the day does not exist. */
function serialOf(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** Typed text Excel reads as a date under `locale`, as its serial. */
function dateOf(text: string, locale: Locale, year: number): number | null {
  const t = text.trim();
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/.exec(t);
  if (m) {
    const y = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const [a, b] = [Number(m[1]), Number(m[2])];
    return locale === 'vi-VN' ? serialOf(y, b, a) : serialOf(y, a, b);
  }
  m = /^(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) return serialOf(Number(m[2]), Number(m[1]), 1);
  m = /^(\d{1,2})\/(\d{1,2})$/.exec(t);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    return locale === 'vi-VN' ? serialOf(year, b, a) : serialOf(year, a, b);
  }
  return null;
}

/** What Excel stores when `text` is written to a General cell through Range.values. */
function coerce(text: string, locale: Locale = 'vi-VN', year = 2025): { value: Scalar; formula: string | null } {
  if (/^[=]/.test(text)) return { value: '#NAME?', formula: text };
  if (NUMBER_TEXT.test(text)) return { value: Number(text), formula: null };
  const fraction = /^\s*(\d+)\s+(\d+)\/(\d+)\s*$/.exec(text);
  if (fraction && Number(fraction[3]) > 0) return { value: Number(fraction[1]) + Number(fraction[2]) / Number(fraction[3]), formula: null };
  const date = dateOf(text, locale, year);
  if (date !== null) return { value: date, formula: null };
  const pct = /^\s*([-+]?\d+(\.\d+)?)\s*%\s*$/.exec(text);
  if (pct) return { value: Number(pct[1]) / 100, formula: null };
  if (/^[+\-@]/.test(text)) return { value: '#NAME?', formula: `=${text.replace(/^@/, '')}` };
  if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === 'true', formula: null };
  return { value: text, formula: null };
}

// ---------------------------------------------------------------- request context and proxies

interface Loadable {
  resolveLoad(): void;
  /** Bytes the loaded properties take in the response. */
  loadedBytes?(): number;
}

/** UTF-8 bytes of a value as JSON. */
export function jsonBytes(x: unknown): number {
  return new TextEncoder().encode(JSON.stringify(x) ?? '').length;
}

export class FakeRequestContext {
  syncCount = 0;
  /** Bytes of all responses so far (the loaded properties, as JSON). */
  responseBytes = 0;
  readonly workbook: FakeWorkbookProxy;
  private actions: { bytes: number; run: () => void }[] = [];
  /** Sheets added (or renamed) in this batch but not yet applied, so getItem finds them as Excel would. */
  readonly pendingAdds: SheetState[] = [];
  readonly pendingNames = new Map<string, SheetState>();
  /** Sheets whose cells this batch wrote (their onChanged handlers run after the sync). */
  private touched = new Set<SheetState>();
  /** Set by `Excel.run({ delayForCellEdit: true }, …)`. */
  delayForCellEdit = false;
  generation = 0;

  constructor(readonly book: FakeWorkbook) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  /** Queues a change; it is applied at the next sync, in order. `args` sizes the request. */
  queue(run: () => void, args?: unknown): void {
    this.actions.push({ bytes: ACTION_BYTES + (args === undefined ? 0 : jsonBytes(args)), run });
  }

  /** Queues an action that fails at its turn (what Excel does with an invalid call). */
  fail(code: string, message: string): void {
    this.queue(() => {
      throw new FakeOfficeError(code, message);
    });
  }

  track(obj: Loadable): void {
    this.actions.push({
      bytes: ACTION_BYTES,
      run: () => {
        obj.resolveLoad();
        this.loaded += obj.loadedBytes?.() ?? 64;
      },
    });
  }

  touch(state: SheetState): void {
    this.touched.add(state);
  }

  private loaded = 0;

  async sync(): Promise<void> {
    this.syncCount++;
    this.book.syncCount++;
    this.generation++;
    await Promise.resolve();
    const actions = this.actions.splice(0);
    if (this.book.failNextSync) {
      const code = this.book.failNextSync;
      this.book.failNextSync = null;
      throw new FakeOfficeError(code, `simulated ${code}`);
    }
    if (actions.length === 0) return;
    if (this.book.editingCell) {
      if (!this.delayForCellEdit) {
        throw new FakeOfficeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
      }
      await this.book.cellEditEnded();
    }
    const bytes = actions.reduce((a, x) => a + x.bytes, 0);
    this.requestBytes.push(bytes);
    if (bytes > this.book.requestLimit) {
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `request of ${bytes} bytes`);
    }
    this.loaded = 0;
    this.touched = new Set();
    const mid = this.book.midBatchFailure;
    const failAt = mid && --mid.syncs === 0 ? mid.actions : -1;
    if (failAt >= 0) this.book.midBatchFailure = null;
    try {
      actions.forEach((a, i) => {
        if (i === failAt) throw new FakeOfficeError(mid!.code, `simulated ${mid!.code} after ${failAt} actions`);
        a.run();
      });
    } finally {
      this.pendingAdds.length = 0;
      this.pendingNames.clear();
      this.responseBytes += this.loaded;
      const touched = [...this.touched];
      if (touched.length > 0) setTimeout(() => void this.book.fireChanged(touched, 'Local'), 0);
    }
    if (this.loaded > this.book.responseLimit) {
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', `response of ${this.loaded} bytes`);
    }
  }

  /** Estimated bytes of each request this context sent. */
  readonly requestBytes: number[] = [];
}

/**
 * Bytes an action costs in a request beyond its arguments: its proxies' object paths and framing.
 * Calibrated against Office.js's own serialiser: payload.test.ts keeps the fake's estimate of each
 * sizeable request at 0.9–2.5 × what Office.js sends (format-heavy requests weigh more here), so
 * the 5 MB refusal here is never laxer than Excel's by more than a tenth.
 */
const ACTION_BYTES = 650;

function notLoaded(what: string): never {
  throw new FakeOfficeError('PropertyNotLoaded', `${what} was read before load() and sync()`);
}

export class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheetCollection;

  /**
   * Workbook.getSelectedRange() (ExcelApi 1.1): "Gets the currently selected single range from the
   * workbook. If there are multiple ranges selected, this method will throw an error" (Excel.Workbook
   * reference). The selection is on the active sheet: its A1 until something else is selected there.
   */
  getSelectedRange(): FakeRange {
    const book = this.ctx.book;
    if (book.multipleSelection) this.ctx.fail('InvalidSelection', 'multiple ranges are selected');
    const sel = book.selection;
    const sheet = book.active ?? book.sheets[0];
    return new FakeRange(this.ctx, sheet, sel && sheet.name === sel.sheet ? parseAddress(sel.address) : { row: 0, col: 0, rows: 1, cols: 1 });
  }

  /** Workbook.functions (ExcelApi 1.2): only DATE, as the add-in uses it to learn the date system. */
  readonly functions: { date(y: number, m: number, d: number): { value: number; load(p?: unknown): unknown } };
  constructor(readonly ctx: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.functions = {
      date: (y, m, d) => {
        let value: number | null = null;
        const result = {
          get value(): number {
            return value ?? notLoaded('functions.date().value');
          },
          load: () => {
            ctx.track({
              resolveLoad: () => {
                const serial = Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
                value = ctx.book.date1904 ? serial - 1462 : serial;
              },
            });
            return result;
          },
        };
        return result;
      },
    };
  }
}

/** Excel's rules for a sheet name ("Rename a worksheet", support.microsoft.com). */
export function checkSheetName(name: string): void {
  const bad =
    name.trim() === '' ||
    name.length > 31 ||
    /[:\\/?*[\]]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    name.toLowerCase() === 'history';
  if (bad) throw new FakeOfficeError('InvalidArgument', `invalid sheet name “${name}”`);
}

export class FakeWorksheetCollection implements Loadable {
  private loadedItems: FakeWorksheet[] | null = null;
  constructor(private readonly ctx: FakeRequestContext) {}

  get items(): FakeWorksheet[] {
    return this.loadedItems ?? notLoaded('worksheets.items');
  }

  load(_props?: string | string[] | Record<string, unknown>): this {
    this.ctx.track(this);
    return this;
  }

  resolveLoad(): void {
    this.loadedItems = this.ctx.book.sheets.map((s) => new FakeWorksheet(this.ctx, s, true));
  }

  add(name: string): FakeWorksheet {
    const book = this.ctx.book;
    const s = book.newSheet(name);
    this.ctx.pendingAdds.push(s);
    this.ctx.queue(() => {
      checkSheetName(name);
      if (book.find(name)) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named ${name} already exists`);
      book.sheets.push(s);
    }, name);
    return new FakeWorksheet(this.ctx, s);
  }

  getItem(name: string): FakeWorksheet {
    const k = name.toLocaleLowerCase();
    const s =
      this.ctx.pendingNames.get(k) ?? this.ctx.book.find(name) ?? this.ctx.pendingAdds.find((p) => p.name.toLocaleLowerCase() === k);
    if (!s) {
      this.ctx.fail('ItemNotFound', `No sheet named ${name}`);
      return new FakeWorksheet(this.ctx, new SheetState(name, -1));
    }
    return new FakeWorksheet(this.ctx, s);
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    const s = this.ctx.book.find(name);
    return s ? new FakeWorksheet(this.ctx, s) : FakeWorksheet.nullObject(this.ctx, name);
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, this.ctx.book.active ?? this.ctx.book.sheets[0]);
  }
}

export class FakeWorksheet implements Loadable, Pick<Excel.Worksheet, 'name' | 'activate' | 'delete'> {
  private nameLoaded: boolean;
  private readonly createdAt: number;
  private isNull = false;
  readonly freezePanes: FakeFreezePanes;
  readonly pageLayout: FakePageLayout;
  readonly charts: FakeChartCollection;
  readonly onChanged: { add(handler: ChangeHandler): { remove(): void } };

  static nullObject(ctx: FakeRequestContext, name: string): FakeWorksheet {
    const w = new FakeWorksheet(ctx, new SheetState(name, -1));
    w.isNull = true;
    return w;
  }

  constructor(
    private readonly ctx: FakeRequestContext,
    readonly state: SheetState,
    loaded = false,
  ) {
    this.nameLoaded = loaded;
    this.createdAt = ctx.generation;
    this.freezePanes = new FakeFreezePanes(ctx, state);
    this.pageLayout = new FakePageLayout(ctx, state);
    this.charts = new FakeChartCollection(ctx, state);
    this.onChanged = {
      add: (handler: ChangeHandler) => {
        state.handlers.push(handler);
        return { remove: () => void state.handlers.splice(state.handlers.indexOf(handler), 1) };
      },
    };
  }

  get isNullObject(): boolean {
    if (this.ctx.generation === this.createdAt) notLoaded('isNullObject');
    return this.isNull;
  }

  get name(): string {
    return this.nameLoaded ? this.state.name : notLoaded('worksheet.name');
  }
  set name(v: string) {
    const book = this.ctx.book;
    this.ctx.pendingNames.set(v.toLocaleLowerCase(), this.state);
    this.ctx.queue(() => {
      checkSheetName(v);
      const other = book.find(v);
      if (other && other !== this.state) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named ${v} already exists`);
      this.state.name = v;
    }, v);
  }

  get visibility(): string {
    return this.state.visibility;
  }
  set visibility(v: 'Visible' | 'Hidden' | 'VeryHidden') {
    const book = this.ctx.book;
    this.ctx.queue(() => {
      if (v !== 'Visible' && this.state.visibility === 'Visible' && book.sheets.filter((s) => s.visibility === 'Visible').length <= 1) {
        throw new FakeOfficeError('InvalidOperation', 'The last visible sheet cannot be hidden.');
      }
      this.state.visibility = v;
    });
  }

  load(_props?: unknown): this {
    this.ctx.track(this);
    return this;
  }

  resolveLoad(): void {
    this.nameLoaded = true;
  }

  getRange(address?: string): FakeRange {
    const box = address ? parseAddress(address) : { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS };
    return new FakeRange(this.ctx, this.state, box);
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    if (rows < 1 || cols < 1) this.ctx.fail('InvalidArgument', 'empty range');
    return new FakeRange(this.ctx, this.state, { row, col, rows, cols });
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    const r = this.getUsedRangeOrNullObject(valuesOnly);
    if (!this.state.usedBox()) this.ctx.fail('ItemNotFound', 'sheet is empty');
    return r;
  }

  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    // Found when the batch runs, after the writes queued before it.
    const box = this.state.usedBox();
    const r = new FakeRange(this.ctx, this.state, box ?? { row: 0, col: 0, rows: 1, cols: 1 });
    r.nullObject = !box || this.isNull;
    r.lazyBox = () => this.state.usedBox();
    return r;
  }

  activate(): void {
    this.ctx.queue(() => {
      if (this.state.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'A hidden sheet cannot be activated.');
      this.ctx.book.active = this.state;
    });
  }

  delete(): void {
    const book = this.ctx.book;
    this.ctx.queue(() => {
      if (!book.sheets.includes(this.state)) throw new FakeOfficeError('ItemNotFound', `No sheet named ${this.state.name}`);
      if (this.state.visibility === 'Visible' && book.sheets.filter((s) => s.visibility === 'Visible').length <= 1) {
        throw new FakeOfficeError('InvalidOperation', 'The last visible sheet cannot be deleted.');
      }
      book.sheets = book.sheets.filter((s) => s !== this.state);
      if (book.active === this.state) book.active = book.sheets.find((s) => s.visibility === 'Visible') ?? null;
    });
  }

  /** Worksheet.copy (ExcelApi 1.7): a copy placed at the end, named "<name> (2)"; returns its proxy. */
  copy(positionType: string = 'End'): FakeWorksheet {
    const book = this.ctx.book;
    let n = 2;
    while (book.find(`${this.state.name} (${n})`)) n++;
    const copy = book.newSheet(`${this.state.name} (${n})`.slice(0, 31));
    this.ctx.queue(() => {
      copy.cells = new Map([...this.state.cells].map(([k, c]) => [k, { ...c }]));
      copy.formats = this.state.formats.map((f) => ({ ...f }));
      copy.validations = this.state.validations.map((v) => ({ ...v }));
      copy.merges = [...this.state.merges];
      copy.visibility = this.state.visibility;
      book.sheets.push(copy);
    }, positionType);
    this.ctx.pendingAdds.push(copy);
    return new FakeWorksheet(this.ctx, copy);
  }
}

export class FakeFreezePanes implements Pick<Excel.WorksheetFreezePanes, 'freezeRows' | 'freezeColumns' | 'unfreeze'> {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly state: SheetState,
  ) {}
  freezeRows(n = 1): void {
    this.ctx.queue(() => void (this.state.frozen = { rows: n, cols: 0 }));
  }
  freezeColumns(n = 1): void {
    this.ctx.queue(() => void (this.state.frozen = { rows: 0, cols: n }));
  }
  freezeAt(range: FakeRange | string): void {
    const box = typeof range === 'string' ? parseAddress(range) : range.box;
    if (box.row !== 0 || box.col !== 0) {
      this.ctx.fail('InvalidArgument', 'freezeAt must start at A1');
      return;
    }
    this.ctx.queue(() => void (this.state.frozen = { rows: box.rows, cols: box.cols }));
  }
  unfreeze(): void {
    this.ctx.queue(() => void (this.state.frozen = { rows: 0, cols: 0 }));
  }
}

export class FakePageLayout implements Pick<Excel.PageLayout, 'setPrintTitleRows'> {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly state: SheetState,
  ) {}
  get paperSize(): string | undefined {
    return this.state.page.paperSize;
  }
  set paperSize(v: string | undefined) {
    this.ctx.queue(() => void (this.state.page.paperSize = v), v);
  }
  get orientation(): string | undefined {
    return this.state.page.orientation;
  }
  set orientation(v: string | undefined) {
    this.ctx.queue(() => void (this.state.page.orientation = v), v);
  }
  get zoom(): Excel.PageLayoutZoomOptions | undefined {
    return this.state.page.zoom;
  }
  set zoom(v: Excel.PageLayoutZoomOptions | undefined) {
    this.ctx.queue(() => void (this.state.page.zoom = v), v);
  }
  setPrintTitleRows(rows: string): void {
    this.ctx.queue(() => void (this.state.page.printTitleRows = rows), rows);
  }
}

export class FakeChart {
  readonly title: { text: string };
  constructor(
    private readonly charts: FakeChartCollection,
    readonly state: ChartState,
  ) {
    const s = state;
    this.title = {
      get text() {
        return s.title;
      },
      set text(v: string) {
        s.title = v;
      },
    };
  }
  get name(): string {
    return this.state.name;
  }
  set name(v: string) {
    this.state.name = v;
  }
  setPosition(start: string | FakeRange, end?: string | FakeRange): void {
    const addr = (x: string | FakeRange) => (typeof x === 'string' ? x : boxAddress(x.box));
    this.state.position = { start: addr(start), end: end === undefined ? undefined : addr(end) };
  }
  delete(): void {
    this.charts.remove(this.state);
  }
  readonly legend = { position: 'Right', visible: true };
}

export class FakeChartCollection implements Loadable {
  private loaded: FakeChart[] | null = null;
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly state: SheetState,
  ) {}
  get items(): FakeChart[] {
    return this.loaded ?? notLoaded('charts.items');
  }
  load(_props?: unknown): this {
    this.ctx.track(this);
    return this;
  }
  resolveLoad(): void {
    this.loaded = this.state.charts.map((c) => new FakeChart(this, c));
  }
  add(type: string, source: FakeRange, seriesBy = 'Auto'): FakeChart {
    const c: ChartState = {
      name: `Chart ${this.ctx.book.nextChartId++}`,
      type,
      source: `${source.sheetName}!${boxAddress(source.box)}`,
      seriesBy,
      title: '',
    };
    this.ctx.queue(() => void this.state.charts.push(c), c.source);
    return new FakeChart(this, c);
  }
  remove(c: ChartState): void {
    this.ctx.queue(() => void (this.state.charts = this.state.charts.filter((x) => x !== c)));
  }
}

/** Excel's limits on data-validation texts: [MS-XLSB] 2.5.37 DValStrings, [MS-OI29500] 2.1.613. */
export const DV_LIMITS = { listSource: 255, title: 32, prompt: 255, error: 225 } as const;

class FakeDataValidation implements Pick<Excel.DataValidation, 'clear'> {
  private entry: ValidationState | null = null;
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly state: SheetState,
    private readonly box: Box,
  ) {}
  private ensure(): ValidationState {
    if (!this.entry || !this.state.validations.includes(this.entry)) {
      const address = boxAddress(this.box);
      this.state.validations = this.state.validations.filter((v) => !contains(this.box, parseAddress(v.address)));
      this.entry = { address };
      this.state.validations.push(this.entry);
    }
    return this.entry;
  }
  set rule(r: Excel.DataValidationRule) {
    this.ctx.queue(() => {
      // "the rule can't be set on a range that already has a different rule: call clear() first"
      // (Excel.DataValidation.rule; FACTS.md).
      const key = JSON.stringify(r);
      const clash = this.state.validations.some(
        (v) => v !== this.entry && v.rule && intersects(this.box, parseAddress(v.address)) && JSON.stringify(v.rule) !== key,
      );
      if (clash) throw new FakeOfficeError('InvalidOperation', `${boxAddress(this.box)} already has a different data validation rule`);
      const source = r.list?.source;
      if (typeof source === 'string' && source.length > DV_LIMITS.listSource) {
        throw new FakeOfficeError('InvalidArgument', `list source of ${source.length} characters`);
      }
      this.ensure().rule = r;
    }, r);
  }
  set errorAlert(e: Excel.DataValidationErrorAlert) {
    this.ctx.queue(() => {
      if ((e.title ?? '').length > DV_LIMITS.title) throw new FakeOfficeError('InvalidArgument', 'error alert title over 32 characters');
      if ((e.message ?? '').length > DV_LIMITS.error) throw new FakeOfficeError('InvalidArgument', 'error alert message over 225 characters');
      this.ensure().errorAlert = e;
    }, e);
  }
  set prompt(p: Excel.DataValidationPrompt) {
    this.ctx.queue(() => {
      if ((p.title ?? '').length > DV_LIMITS.title) throw new FakeOfficeError('InvalidArgument', 'prompt title over 32 characters');
      if ((p.message ?? '').length > DV_LIMITS.prompt) throw new FakeOfficeError('InvalidArgument', 'prompt message over 255 characters');
      this.ensure().prompt = p;
    }, p);
  }
  clear(): void {
    this.ctx.queue(() => {
      this.state.validations = this.state.validations.filter((v) => !intersects(this.box, parseAddress(v.address)));
    });
  }
}

class FakeConditionalFormats implements Pick<Excel.ConditionalFormatCollection, 'clearAll'> {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly state: SheetState,
    private readonly box: Box,
  ) {}
  add(type: string) {
    const entry: ConditionalFormatState = { address: boxAddress(this.box), type, formula: '' };
    this.ctx.queue(() => void this.state.conditionalFormats.push(entry), entry);
    return {
      custom: {
        rule: {
          set formula(f: string) {
            entry.formula = f;
          },
        },
        format: {
          fill: {
            set color(c: string) {
              entry.fill = c;
            },
          },
          font: {
            set color(c: string) {
              entry.fontColor = c;
            },
            set bold(b: boolean) {
              entry.bold = b;
            },
          },
        },
      },
    };
  }
  clearAll(): void {
    this.ctx.queue(() => {
      this.state.conditionalFormats = this.state.conditionalFormats.filter((c) => !intersects(this.box, parseAddress(c.address)));
    });
  }
}

function formatProxy(ctx: FakeRequestContext, state: SheetState, box: Box) {
  const set = (prop: string, value: unknown) => ctx.queue(() => void state.formats.push({ box, props: { [prop]: value } }), value);
  const prop = (name: string) => ({
    get: () => {
      throw new FakeOfficeError('PropertyNotLoaded', `format ${name} is write-only in this fake`);
    },
    set: (v: unknown) => {
      if (name === 'columnWidth') {
        ctx.queue(() => {
          for (let c = box.col; c < box.col + Math.min(box.cols, 200); c++) state.columnWidths.set(c, v as number);
        }, v);
      } else set(name, v);
    },
  });
  const font = Object.defineProperties({}, {
    name: prop('font.name'), size: prop('font.size'), bold: prop('font.bold'),
    italic: prop('font.italic'), color: prop('font.color'),
  });
  const fill = Object.defineProperties({}, { color: prop('fill.color') });
  const borders = {
    getItem: (edge: string) =>
      Object.defineProperties({}, { style: prop(`border.${edge}.style`), weight: prop(`border.${edge}.weight`) }),
  };
  return Object.defineProperties(
    { font, fill, borders },
    {
      horizontalAlignment: prop('horizontalAlignment'),
      verticalAlignment: prop('verticalAlignment'),
      wrapText: prop('wrapText'),
      columnWidth: prop('columnWidth'),
      rowHeight: prop('rowHeight'),
    },
  );
}

export class FakeRange
  implements Loadable, Pick<Excel.Range, 'values' | 'formulas' | 'numberFormat' | 'merge' | 'unmerge' | 'clear' | 'select' | 'rowCount' | 'columnCount'>
{
  nullObject = false;
  private snapshot: { values: Scalar[][]; formulas: Scalar[][]; numberFormat: string[][] } | null = null;
  private readonly createdAt: number;
  readonly format: ReturnType<typeof formatProxy>;
  readonly dataValidation: FakeDataValidation;
  readonly conditionalFormats: FakeConditionalFormats;

  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly state: SheetState,
    public box: Box,
  ) {
    this.createdAt = ctx.generation;
    this.format = formatProxy(ctx, state, box);
    this.dataValidation = new FakeDataValidation(ctx, state, box);
    this.conditionalFormats = new FakeConditionalFormats(ctx, state, box);
  }

  get sheetName(): string {
    return this.state.name;
  }

  get isNullObject(): boolean {
    if (this.ctx.generation === this.createdAt) notLoaded('isNullObject');
    return this.nullObject;
  }

  get address(): string {
    if (!this.snapshot) notLoaded('address');
    return `${this.state.name}!${boxAddress(this.box)}`;
  }
  get rowIndex(): number {
    if (!this.snapshot) notLoaded('rowIndex');
    return this.box.row;
  }
  get columnIndex(): number {
    if (!this.snapshot) notLoaded('columnIndex');
    return this.box.col;
  }
  get rowCount(): number {
    return this.box.rows;
  }
  get columnCount(): number {
    return this.box.cols;
  }

  private loadProps = '';
  load(props?: unknown): this {
    if (this.box.rows * this.box.cols > 5_000_000) this.ctx.fail('ResponsePayloadSizeLimitExceeded', 'too many cells');
    this.loadProps += ` ${typeof props === 'string' ? props : JSON.stringify(props ?? '')}`;
    this.ctx.track(this);
    return this;
  }

  loadedBytes(): number {
    if (!this.snapshot || this.nullObject) return 64;
    let n = 64;
    if (/values/i.test(this.loadProps)) n += jsonBytes(this.snapshot.values);
    if (/formulas/i.test(this.loadProps)) n += jsonBytes(this.snapshot.formulas);
    if (/numberFormat/i.test(this.loadProps)) n += jsonBytes(this.snapshot.numberFormat);
    return n;
  }

  /** For a used range: its box as of when the batch reaches the load. */
  lazyBox: (() => Box | null) | null = null;

  resolveLoad(): void {
    if (this.lazyBox) {
      const b = this.lazyBox();
      this.nullObject = this.nullObject && b === null ? true : b === null;
      if (b) this.box = b;
    }
    const { row, col, rows, cols } = this.box;
    const values: Scalar[][] = [];
    const formulas: Scalar[][] = [];
    const numberFormat: string[][] = [];
    for (let r = row; r < row + rows; r++) {
      const vr: Scalar[] = [];
      const fr: Scalar[] = [];
      const nr: string[] = [];
      for (let c = col; c < col + cols; c++) {
        const cell = this.state.cell(r, c);
        vr.push(cell?.value ?? '');
        fr.push(cell?.formula ?? cell?.value ?? '');
        nr.push(cell?.numberFormat ?? 'General');
      }
      values.push(vr);
      formulas.push(fr);
      numberFormat.push(nr);
    }
    this.snapshot = { values, formulas, numberFormat };
  }

  private checkShape(m: unknown[][], what: string): boolean {
    if (!Array.isArray(m) || m.length !== this.box.rows || m.some((r) => !Array.isArray(r) || r.length !== this.box.cols)) {
      this.ctx.fail('InvalidArgument', `${what}: matrix does not match ${boxAddress(this.box)}`);
      return false;
    }
    return true;
  }

  private cellAt(r: number, c: number): CellState {
    const k = `${r},${c}`;
    let cell = this.state.cells.get(k);
    if (!cell) {
      cell = { value: '', formula: null, numberFormat: 'General' };
      this.state.cells.set(k, cell);
    }
    return cell;
  }

  private each(m: unknown[][], fn: (cell: CellState, v: unknown) => void): void {
    m.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null || v === undefined) return;
        fn(this.cellAt(this.box.row + i, this.box.col + j), v);
      }),
    );
  }

  /** Writes one typed value as Excel does (see coerce); text-formatted cells keep text. */
  static put(cell: CellState, v: unknown, locale: Locale = 'vi-VN'): void {
    if (typeof v === 'string') {
      if (cell.numberFormat === '@' || v === '') {
        cell.value = v;
        cell.formula = null;
        return;
      }
      const c = coerce(v, locale);
      cell.value = c.value;
      cell.formula = c.formula;
      return;
    }
    cell.value = v as Scalar;
    cell.formula = null;
  }

  get values(): Scalar[][] {
    return this.snapshot?.values ?? notLoaded('values');
  }
  set values(m: Scalar[][]) {
    if (!this.checkShape(m, 'values')) return;
    const book = this.ctx.book;
    this.ctx.queue(() => {
      this.each(m, (cell, v) => FakeRange.put(cell, v, book.locale));
      this.ctx.touch(this.state);
    }, m);
  }

  get formulas(): Scalar[][] {
    return this.snapshot?.formulas ?? notLoaded('formulas');
  }
  set formulas(m: Scalar[][]) {
    if (!this.checkShape(m, 'formulas')) return;
    const book = this.ctx.book;
    this.ctx.queue(() => {
      this.each(m, (cell, v) => {
        if (typeof v === 'string' && v.startsWith('=') && cell.numberFormat !== '@') {
          // Excel computes the formula; the fake keeps the cached value written before it.
          cell.formula = v;
        } else FakeRange.put(cell, v, book.locale);
      });
      this.ctx.touch(this.state);
    }, m);
  }

  get numberFormat(): string[][] {
    return this.snapshot?.numberFormat ?? notLoaded('numberFormat');
  }
  set numberFormat(m: string[][]) {
    // A single value, or a 1×1 array, applies to every cell of the range (Range.numberFormat reference:
    // "the argument can be either a single value … or a two-dimensional array"; a 1×1 array works as
    // the single value: OfficeDev/office-js-docs-reference#578, OfficeDev/office-js-docs-pr#5400).
    const one = !Array.isArray(m) ? m : m.length === 1 && Array.isArray(m[0]) && m[0].length === 1 ? m[0][0] : undefined;
    if (one !== undefined && one !== null) {
      const f = String(one);
      const { row, col, rows, cols } = this.box;
      this.ctx.queue(() => {
        for (let r = row; r < row + rows; r++) for (let c = col; c < col + cols; c++) this.cellAt(r, c).numberFormat = f;
      }, f);
      return;
    }
    if (this.checkShape(m, 'numberFormat')) this.ctx.queue(() => this.each(m, (cell, v) => (cell.numberFormat = String(v))), m);
  }

  set columnHidden(hidden: boolean) {
    this.ctx.queue(() => {
      if (this.box.cols >= MAX_COLS && !hidden) {
        this.state.hiddenColumns.clear();
        return;
      }
      for (let c = this.box.col; c < this.box.col + this.box.cols; c++) {
        if (hidden) this.state.hiddenColumns.add(c);
        else this.state.hiddenColumns.delete(c);
      }
    });
  }

  merge(_across?: boolean): void {
    const addr = boxAddress(this.box);
    this.ctx.queue(() => {
      if (this.state.merges.some((m) => intersects(parseAddress(m), this.box))) {
        throw new FakeOfficeError('InvalidOperation', `merge ${addr} overlaps another merge`);
      }
      this.state.merges.push(addr);
    }, addr);
  }

  unmerge(): void {
    this.ctx.queue(() => {
      this.state.merges = this.state.merges.filter((m) => !intersects(parseAddress(m), this.box));
    });
  }

  clear(applyTo: string = 'All'): void {
    this.ctx.queue(() => this.clearNow(applyTo));
  }

  private clearNow(applyTo: string): void {
    this.ctx.touch(this.state);
    const whole = this.box.rows >= MAX_ROWS && this.box.cols >= MAX_COLS;
    if (applyTo === 'All' || applyTo === 'Contents') {
      for (const [k, cell] of [...this.state.cells]) {
        const [r, c] = k.split(',').map(Number);
        if (!contains(this.box, { row: r, col: c, rows: 1, cols: 1 })) continue;
        if (applyTo === 'All') this.state.cells.delete(k);
        else {
          cell.value = '';
          cell.formula = null;
        }
      }
    }
    if (applyTo === 'All' || applyTo === 'Formats') {
      this.state.formats = this.state.formats.filter((op) => !contains(this.box, op.box));
      if (whole) this.state.columnWidths.clear();
    }
  }

  select(): void {
    this.ctx.queue(() => void (this.ctx.book.selection = { sheet: this.state.name, address: boxAddress(this.box) }));
  }

  getEntireColumn(): FakeRange {
    return new FakeRange(this.ctx, this.state, { row: 0, col: this.box.col, rows: MAX_ROWS, cols: this.box.cols });
  }

  getCell(row: number, col: number): FakeRange {
    return new FakeRange(this.ctx, this.state, { row: this.box.row + row, col: this.box.col + col, rows: 1, cols: 1 });
  }
}

// ---------------------------------------------------------------- the workbook and the Office globals

export class FakeWorkbook {
  sheets: SheetState[] = [];
  syncCount = 0;
  nextChartId = 1;
  private nextSheetId = 1;
  active: SheetState | null = null;
  selection: { sheet: string; address: string } | null = null;
  /** A person selected several ranges at once (Ctrl+click). */
  multipleSelection = false;
  /** Highest ExcelApi version the fake host claims. */
  apiVersion = '1.9';
  /** Makes the next sync throw this Office error code (to test error messages). */
  failNextSync: string | null = null;
  /** A failure in the middle of a later batch: see failMidBatch. */
  midBatchFailure: { syncs: number; actions: number; code: string } | null = null;

  /** The sync `syncsFromNow` from now applies its first `actions` actions, then fails with `code`. */
  failMidBatch(syncsFromNow: number, actions: number, code = 'GeneralException'): void {
    this.midBatchFailure = { syncs: syncsFromNow, actions, code };
  }
  /** Excel on the web's limits (5 MB each way); set lower to test splitting. */
  requestLimit = 5 * 1024 * 1024;
  responseLimit = 5 * 1024 * 1024;
  /** The workbook counts days from 1904 (Mac-made workbooks, some old files). */
  date1904 = false;
  /** The user's regional order for typed dates. */
  locale: Locale = 'vi-VN';
  /** True while a person is editing a cell (see startCellEdit / endCellEdit). */
  editingCell = false;
  private editWaiters: (() => void)[] = [];
  /** Writes from any context, with where they came from, as onChanged reported them. */
  readonly changes: { sheet: string; source: string }[] = [];

  constructor(sheetNames: string[] = ['Sheet1']) {
    for (const n of sheetNames) this.addSheet(n);
    this.active = this.sheets[0] ?? null;
  }

  find(name: string): SheetState | undefined {
    const k = name.toLocaleLowerCase();
    return this.sheets.find((s) => s.name.toLocaleLowerCase() === k);
  }

  sheet(name: string): SheetState {
    const s = this.find(name);
    if (!s) throw new Error(`no sheet ${name}; have ${this.sheets.map((x) => x.name).join(', ')}`);
    return s;
  }

  addSheet(name: string): SheetState {
    const s = this.newSheet(name);
    this.sheets.push(s);
    return s;
  }

  /** A sheet not yet in the workbook (a queued add puts it in at sync). */
  newSheet(name: string): SheetState {
    return new SheetState(name, this.nextSheetId++);
  }

  /** A person starts editing a cell: batches fail, or wait when run with delayForCellEdit. */
  startCellEdit(): void {
    this.editingCell = true;
  }

  endCellEdit(): void {
    this.editingCell = false;
    for (const w of this.editWaiters.splice(0)) w();
  }

  cellEditEnded(): Promise<void> {
    return this.editingCell ? new Promise((resolve) => this.editWaiters.push(resolve)) : Promise.resolve();
  }

  /** Runs the onChanged handlers of `sheets` as Excel does after a change. */
  async fireChanged(sheets: SheetState[], source: 'Local' | 'Remote', address = ''): Promise<void> {
    const runs: Promise<unknown>[] = [];
    for (const s of sheets) {
      this.changes.push({ sheet: s.name, source });
      const args = { address, changeType: 'RangeEdited', source, type: 'WorksheetChanged', worksheetId: s.id } as unknown as Excel.WorksheetChangedEventArgs;
      for (const h of s.handlers) runs.push(Promise.resolve(h(args)));
    }
    await Promise.all(runs);
  }

  get names(): string[] {
    return this.sheets.map((s) => s.name);
  }

  context(): FakeRequestContext {
    return new FakeRequestContext(this);
  }

  /** The context as the add-in's code sees it. */
  requestContext(): { fake: FakeRequestContext; context: Excel.RequestContext } {
    const fake = this.context();
    return { fake, context: fake as unknown as Excel.RequestContext };
  }

  /**
   * A person typing or pasting into the sheet: values go in as Excel reads them (data validation
   * does not stop a paste), then the sheet's onChanged handlers run. Resolves when they finished.
   */
  async userEdit(sheetName: string, address: string, values: Scalar[][]): Promise<void> {
    const s = this.sheet(sheetName);
    const box = parseAddress(address);
    values.forEach((row, i) =>
      row.forEach((v, j) => {
        const k = `${box.row + i},${box.col + j}`;
        let cell = s.cells.get(k);
        if (!cell) s.cells.set(k, (cell = { value: '', formula: null, numberFormat: 'General' }));
        FakeRange.put(cell, v, this.locale);
      }),
    );
    await this.fireChanged([s], 'Local', address);
  }

  /** `Excel.run` as the add-in calls it: `Excel.run(batch)` or `Excel.run({ delayForCellEdit }, batch)`. */
  run = async <T>(
    optsOrBatch: { delayForCellEdit?: boolean } | ((context: Excel.RequestContext) => Promise<T>),
    maybeBatch?: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T> => {
    const batch = typeof optsOrBatch === 'function' ? optsOrBatch : maybeBatch!;
    const ctx = this.context();
    if (typeof optsOrBatch !== 'function') ctx.delayForCellEdit = Boolean(optsOrBatch.delayForCellEdit);
    const result = await batch(ctx as unknown as Excel.RequestContext);
    await ctx.sync();
    return result;
  };

  /** `Office` and `Excel` globals for code that expects to run inside Excel. */
  globals(): { Office: unknown; Excel: unknown } {
    const book = this;
    const cmp = (a: string, b: string) => {
      const [a1, a2] = a.split('.').map(Number);
      const [b1, b2] = b.split('.').map(Number);
      return a1 - b1 || a2 - b2;
    };
    return {
      Office: {
        HostType: { Excel: 'Excel' },
        onReady: (cb?: (info: { host: string; platform: string }) => void) => {
          const info = { host: 'Excel', platform: 'OfficeOnline' };
          cb?.(info);
          return Promise.resolve(info);
        },
        context: {
          requirements: {
            isSetSupported: (name: string, version = '1.1') => name === 'ExcelApi' && cmp(version, book.apiVersion) <= 0,
          },
          document: {},
        },
      },
      Excel: { run: book.run },
    };
  }
}

/** Column letters for tests that build addresses. */
export { columnLetter };
