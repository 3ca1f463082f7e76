/**
 * An in-memory stand-in for the Excel objects the add-in uses, behaving like Excel where it matters:
 * - loaded properties can be read only after `context.sync()` (reading earlier throws, as Office.js);
 *   syncs are counted per context and per workbook;
 * - a string written to `values` is read the way Excel reads typing: "=…" (and "+x", "-x", "@x")
 *   becomes a formula (#NAME? for text that is no formula), "05" becomes 5, "TRUE" a boolean —
 *   unless the cell's number format is '@' (Text), which keeps the string as it is;
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

/** What Excel stores when `text` is written to a General cell through Range.values. */
function coerce(text: string): { value: Scalar; formula: string | null } {
  if (/^[=]/.test(text)) return { value: '#NAME?', formula: text };
  if (NUMBER_TEXT.test(text)) return { value: Number(text), formula: null };
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
  private readonly pendingLoads: Loadable[] = [];
  private pendingError: FakeOfficeError | null = null;
  generation = 0;

  constructor(readonly book: FakeWorkbook) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  fail(code: string, message: string): void {
    if (!this.pendingError) this.pendingError = new FakeOfficeError(code, message);
  }

  track(obj: Loadable): void {
    this.pendingLoads.push(obj);
  }

  async sync(): Promise<void> {
    this.syncCount++;
    this.book.syncCount++;
    this.generation++;
    await Promise.resolve();
    const err = this.pendingError;
    this.pendingError = null;
    if (this.book.failNextSync) {
      const code = this.book.failNextSync;
      this.book.failNextSync = null;
      throw new FakeOfficeError(code, `simulated ${code}`);
    }
    if (err) throw err;
    for (const o of this.pendingLoads.splice(0)) {
      o.resolveLoad();
      this.responseBytes += o.loadedBytes?.() ?? 64;
    }
  }
}

function notLoaded(what: string): never {
  throw new FakeOfficeError('PropertyNotLoaded', `${what} was read before load() and sync()`);
}

export class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheetCollection;
  constructor(readonly ctx: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
  }
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
    if (book.find(name)) {
      this.ctx.fail('ItemAlreadyExists', `A sheet named ${name} already exists`);
      return new FakeWorksheet(this.ctx, book.find(name)!);
    }
    const s = book.addSheet(name);
    return new FakeWorksheet(this.ctx, s);
  }

  getItem(name: string): FakeWorksheet {
    const s = this.ctx.book.find(name);
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
    this.pageLayout = new FakePageLayout(state);
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
    this.state.name = v;
  }

  get visibility(): string {
    return this.state.visibility;
  }
  set visibility(v: 'Visible' | 'Hidden' | 'VeryHidden') {
    this.state.visibility = v;
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
    const box = this.state.usedBox();
    const r = new FakeRange(this.ctx, this.state, box ?? { row: 0, col: 0, rows: 1, cols: 1 });
    r.nullObject = !box || this.isNull;
    return r;
  }

  activate(): void {
    this.ctx.book.active = this.state;
  }

  delete(): void {
    this.ctx.book.sheets = this.ctx.book.sheets.filter((s) => s !== this.state);
  }
}

export class FakeFreezePanes implements Pick<Excel.WorksheetFreezePanes, 'freezeRows' | 'freezeColumns' | 'unfreeze'> {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly state: SheetState,
  ) {}
  freezeRows(n = 1): void {
    this.state.frozen = { rows: n, cols: 0 };
  }
  freezeColumns(n = 1): void {
    this.state.frozen = { rows: 0, cols: n };
  }
  freezeAt(range: FakeRange | string): void {
    const box = typeof range === 'string' ? parseAddress(range) : range.box;
    if (box.row !== 0 || box.col !== 0) this.ctx.fail('InvalidArgument', 'freezeAt must start at A1');
    this.state.frozen = { rows: box.rows, cols: box.cols };
  }
  unfreeze(): void {
    this.state.frozen = { rows: 0, cols: 0 };
  }
}

export class FakePageLayout implements Pick<Excel.PageLayout, 'setPrintTitleRows'> {
  constructor(private readonly state: SheetState) {}
  get paperSize(): string | undefined {
    return this.state.page.paperSize;
  }
  set paperSize(v: string | undefined) {
    this.state.page.paperSize = v;
  }
  get orientation(): string | undefined {
    return this.state.page.orientation;
  }
  set orientation(v: string | undefined) {
    this.state.page.orientation = v;
  }
  get zoom(): Excel.PageLayoutZoomOptions | undefined {
    return this.state.page.zoom;
  }
  set zoom(v: Excel.PageLayoutZoomOptions | undefined) {
    this.state.page.zoom = v;
  }
  setPrintTitleRows(rows: string): void {
    this.state.page.printTitleRows = rows;
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
    this.state.charts.push(c);
    return new FakeChart(this, c);
  }
  remove(c: ChartState): void {
    this.state.charts = this.state.charts.filter((x) => x !== c);
  }
}

class FakeDataValidation implements Pick<Excel.DataValidation, 'clear'> {
  private entry: ValidationState | null = null;
  constructor(
    private readonly state: SheetState,
    private readonly box: Box,
  ) {}
  private ensure(): ValidationState {
    if (!this.entry) {
      const address = boxAddress(this.box);
      this.state.validations = this.state.validations.filter((v) => !contains(this.box, parseAddress(v.address)));
      this.entry = { address };
      this.state.validations.push(this.entry);
    }
    return this.entry;
  }
  set rule(r: Excel.DataValidationRule) {
    this.ensure().rule = r;
  }
  set errorAlert(e: Excel.DataValidationErrorAlert) {
    this.ensure().errorAlert = e;
  }
  set prompt(p: Excel.DataValidationPrompt) {
    this.ensure().prompt = p;
  }
  clear(): void {
    this.state.validations = this.state.validations.filter((v) => !intersects(this.box, parseAddress(v.address)));
  }
}

class FakeConditionalFormats implements Pick<Excel.ConditionalFormatCollection, 'clearAll'> {
  constructor(
    private readonly state: SheetState,
    private readonly box: Box,
  ) {}
  add(type: string) {
    const entry: ConditionalFormatState = { address: boxAddress(this.box), type, formula: '' };
    this.state.conditionalFormats.push(entry);
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
    this.state.conditionalFormats = this.state.conditionalFormats.filter(
      (c) => !intersects(this.box, parseAddress(c.address)),
    );
  }
}

function formatProxy(state: SheetState, box: Box) {
  const set = (prop: string, value: unknown) => state.formats.push({ box, props: { [prop]: value } });
  const prop = (name: string) => ({
    get: () => {
      throw new FakeOfficeError('PropertyNotLoaded', `format ${name} is write-only in this fake`);
    },
    set: (v: unknown) => {
      if (name === 'columnWidth') for (let c = box.col; c < box.col + Math.min(box.cols, 200); c++) state.columnWidths.set(c, v as number);
      else set(name, v);
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
    readonly box: Box,
  ) {
    this.createdAt = ctx.generation;
    this.format = formatProxy(state, box);
    this.dataValidation = new FakeDataValidation(state, box);
    this.conditionalFormats = new FakeConditionalFormats(state, box);
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

  resolveLoad(): void {
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
  static put(cell: CellState, v: unknown): void {
    if (typeof v === 'string') {
      if (cell.numberFormat === '@' || v === '') {
        cell.value = v;
        cell.formula = null;
        return;
      }
      const c = coerce(v);
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
    if (this.checkShape(m, 'values')) this.each(m, (cell, v) => FakeRange.put(cell, v));
  }

  get formulas(): Scalar[][] {
    return this.snapshot?.formulas ?? notLoaded('formulas');
  }
  set formulas(m: Scalar[][]) {
    if (!this.checkShape(m, 'formulas')) return;
    this.each(m, (cell, v) => {
      if (typeof v === 'string' && v.startsWith('=') && cell.numberFormat !== '@') {
        // Excel computes the formula; the fake keeps the cached value written before it.
        cell.formula = v;
      } else FakeRange.put(cell, v);
    });
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
      for (let r = row; r < row + rows; r++) for (let c = col; c < col + cols; c++) this.cellAt(r, c).numberFormat = f;
      return;
    }
    if (this.checkShape(m, 'numberFormat')) this.each(m, (cell, v) => (cell.numberFormat = String(v)));
  }

  set columnHidden(hidden: boolean) {
    if (this.box.cols >= MAX_COLS && !hidden) {
      this.state.hiddenColumns.clear();
      return;
    }
    for (let c = this.box.col; c < this.box.col + this.box.cols; c++) {
      if (hidden) this.state.hiddenColumns.add(c);
      else this.state.hiddenColumns.delete(c);
    }
  }

  merge(_across?: boolean): void {
    const addr = boxAddress(this.box);
    if (this.state.merges.some((m) => intersects(parseAddress(m), this.box))) {
      this.ctx.fail('InvalidOperation', `merge ${addr} overlaps another merge`);
      return;
    }
    this.state.merges.push(addr);
  }

  unmerge(): void {
    this.state.merges = this.state.merges.filter((m) => !intersects(parseAddress(m), this.box));
  }

  clear(applyTo: string = 'All'): void {
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
    this.ctx.book.selection = { sheet: this.state.name, address: boxAddress(this.box) };
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
  /** Highest ExcelApi version the fake host claims. */
  apiVersion = '1.9';
  /** Makes the next sync throw this Office error code (to test error messages). */
  failNextSync: string | null = null;

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
    const s = new SheetState(name, this.nextSheetId++);
    this.sheets.push(s);
    return s;
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
        FakeRange.put(cell, v);
      }),
    );
    const args = {
      address,
      changeType: 'RangeEdited',
      source: 'Local',
      type: 'WorksheetChanged',
      worksheetId: s.id,
    } as unknown as Excel.WorksheetChangedEventArgs;
    await Promise.all(s.handlers.map((h) => h(args)));
  }

  /** `Excel.run` as the add-in calls it. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = this.context();
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
