/**
 * In-memory SpreadsheetApp: spreadsheets, sheets, ranges, data validation and conditional-format
 * builders, protections, menus and dialogs. Values behave as in Sheets: setValues() reads strings as
 * typed input by the spreadsheet's locale (en_US: "3.10" is 3.1 and "10/1/2025" is 1 October;
 * vi_VN: "3,5" is 3.5 and "10/1/2025" is 10 January), "=…" becomes a formula, unless the string
 * starts with an apostrophe or the cell's number format is '@'.
 *
 * What Sheets refuses, the fake refuses (each rule with its source; test/gas/fakes-strict.test.ts
 * checks every one):
 * - freezing rows/columns that cut a merged range, and merging across the frozen boundary
 *   (Sheets' own messages; gas-fakes' notes on live behaviour, github.com/brucemcpherson/gas-fakes);
 * - merging keeps only the top-left value ("Range.merge()": developers.google.com/apps-script/reference/spreadsheet/range#merge());
 * - untouched cells read wrap = true and number format '0.###############' (live Sheets, gas-fakes' notes),
 *   so reading a block's styles and writing them back changes cells never styled;
 * - two sheets may not share a name, on insertSheet and on setName ("Sheet.setName(name)");
 * - 50,000 characters per cell and 10 million cells per spreadsheet ("Files you can store in Google
 *   Drive", support.google.com/drive/answer/37603);
 * - exceptions come in the user's language (a Vietnamese account reads Vietnamese messages), so the
 *   script must never classify errors by English text alone.
 */
import { boxA1, inside, parseBox, type Box } from './a1';
import { CallLog, counted, type Shape } from './calls';
import { msOfSerial, serialOf } from './tz';

/** Characters a cell holds at most. */
export const CELL_CHAR_LIMIT = 50_000;
/** Cells a spreadsheet holds at most, all sheets together (rows × columns of each grid). */
export const SPREADSHEET_CELL_LIMIT = 10_000_000;

export type Language = 'en' | 'vi';

/** Sheets' messages in the two languages the fakes speak. */
export const MESSAGES = {
  freezeRows: {
    en: "Exception: You can't freeze rows which contain only part of a merged cell.",
    vi: 'Exception: Bạn không thể cố định các hàng chỉ chứa một phần của ô đã hợp nhất.',
  },
  freezeColumns: {
    en: "Exception: You can't freeze columns which contain only part of a merged cell.",
    vi: 'Exception: Bạn không thể cố định các cột chỉ chứa một phần của ô đã hợp nhất.',
  },
  mergeFrozenRows: {
    en: "Exception: You can't merge frozen and non-frozen rows.",
    vi: 'Exception: Bạn không thể hợp nhất hàng được cố định và hàng không được cố định.',
  },
  mergeFrozenColumns: {
    en: "Exception: You can't merge frozen and non-frozen columns.",
    vi: 'Exception: Bạn không thể hợp nhất cột được cố định và cột không được cố định.',
  },
  sheetExists: {
    en: (n: string) => `Exception: A sheet with the name "${n}" already exists. Please enter another name.`,
    vi: (n: string) => `Exception: Đã có trang tính tên "${n}". Vui lòng nhập tên khác.`,
  },
  cellTooLong: {
    en: 'Exception: Your input contains more than the maximum of 50000 characters in a single cell.',
    vi: 'Exception: Dữ liệu nhập vào có nhiều hơn 50000 ký tự trong một ô.',
  },
  tooManyCells: {
    en: 'Exception: This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    vi: 'Exception: Thao tác này sẽ làm số ô trong bảng tính vượt quá giới hạn 10000000 ô.',
  },
  noPermission: {
    en: 'Exception: You do not have permission to access the requested document.',
    vi: 'Exception: Bạn không có quyền truy cập vào tài liệu được yêu cầu.',
  },
  notFound: {
    en: 'Exception: Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    vi: 'Exception: Lỗi không mong muốn khi nhận phương thức hoặc thuộc tính openById trên đối tượng SpreadsheetApp.',
  },
  noUi: {
    en: 'Exception: Cannot call SpreadsheetApp.getUi() from this context.',
    vi: 'Exception: Không thể gọi SpreadsheetApp.getUi() từ ngữ cảnh này.',
  },
} as const;

type In = string | number | boolean | Date | null | undefined;

export interface Cell {
  value: string | number | boolean;
  formula: string;
  format: string;
  note: string;
  background: string;
  style: Record<string, unknown>;
  validation: FakeDataValidation | null;
}

/** What live Sheets reports for a cell never formatted (not 'General'). */
export const DEFAULT_FORMAT = '0.###############';
/** What live Sheets reports as the wrap of a cell never formatted. */
export const DEFAULT_WRAP = true;
const DEFAULT_BACKGROUND = '#ffffff';

const blankCell = (): Cell => ({
  value: '',
  formula: '',
  format: DEFAULT_FORMAT,
  note: '',
  background: DEFAULT_BACKGROUND,
  style: {},
  validation: null,
});

const isDateFormat = (f: string) => f !== DEFAULT_FORMAT && f !== '@' && /[dy]/i.test(f);

/** How a locale reads typed numbers and dates (the two locales the script meets). */
interface LocaleRules {
  number: RegExp;
  thousands: RegExp;
  decimal: string;
  /** Which group of d/d/yyyy is the month. */
  monthFirst: boolean;
  dateFormat: string;
}
const LOCALES: Record<string, LocaleRules> = {
  en_US: { number: /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)?(?:\.\d+)?%?$/, thousands: /,/g, decimal: '.', monthFirst: true, dateFormat: 'M/d/yyyy' },
  vi_VN: { number: /^[+-]?(?:\d+|\d{1,3}(?:\.\d{3})+)?(?:,\d+)?%?$/, thousands: /\./g, decimal: ',', monthFirst: false, dateFormat: 'd/M/yyyy' },
};
const SLASH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

export interface World {
  log: CallLog;
  Date: DateConstructor;
  /** The language of the account running the script: Sheets' exceptions come in it. */
  language(): Language;
}

// ------------------------------------------------------------------ validation and formats
export class FakeDataValidation {
  constructor(
    readonly criteria: string,
    readonly args: unknown[],
    readonly allowInvalid: boolean,
    readonly helpText: string,
  ) {}
  getCriteriaType() {
    return this.criteria;
  }
  getCriteriaValues() {
    return this.args;
  }
  getAllowInvalid() {
    return this.allowInvalid;
  }
  getHelpText() {
    return this.helpText;
  }
}

export class FakeDataValidationBuilder implements Shape<GoogleAppsScript.Spreadsheet.DataValidationBuilder> {
  private criteria = '';
  private args: unknown[] = [];
  private allowInvalid = true;
  private helpText = '';
  private set(c: string, ...args: unknown[]) {
    this.criteria = c;
    this.args = args;
    return this;
  }
  requireValueInList(values: string[], showDropdown?: boolean) {
    return this.set('VALUE_IN_LIST', values, showDropdown ?? true);
  }
  requireNumberGreaterThanOrEqualTo(n: number) {
    return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', n);
  }
  requireNumberLessThanOrEqualTo(n: number) {
    return this.set('NUMBER_LESS_THAN_OR_EQUAL_TO', n);
  }
  requireNumberBetween(a: number, b: number) {
    return this.set('NUMBER_BETWEEN', a, b);
  }
  requireDate() {
    return this.set('DATE_IS_VALID_DATE');
  }
  requireDateOnOrAfter(d: GoogleAppsScript.Base.Date) {
    return this.set('DATE_ON_OR_AFTER', d);
  }
  requireDateOnOrBefore(d: GoogleAppsScript.Base.Date) {
    return this.set('DATE_ON_OR_BEFORE', d);
  }
  requireDateBetween(a: GoogleAppsScript.Base.Date, b: GoogleAppsScript.Base.Date) {
    return this.set('DATE_BETWEEN', a, b);
  }
  requireFormulaSatisfied(formula: string) {
    return this.set('CUSTOM_FORMULA', formula);
  }
  setAllowInvalid(allow: boolean) {
    this.allowInvalid = allow;
    return this;
  }
  setHelpText(text: string) {
    this.helpText = text;
    return this;
  }
  build() {
    if (!this.criteria) throw new Error('Exception: data validation has no criteria');
    return new FakeDataValidation(this.criteria, this.args, this.allowInvalid, this.helpText);
  }
}

export interface FakeConditionalRule {
  formula: string;
  background?: string;
  fontColor?: string;
  bold?: boolean;
  ranges: string[];
}

export class FakeConditionalFormatRuleBuilder
  implements Shape<GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder>
{
  private rule: FakeConditionalRule = { formula: '', ranges: [] };
  whenFormulaSatisfied(formula: string) {
    this.rule.formula = formula;
    return this;
  }
  setBackground(color: string | null) {
    this.rule.background = color ?? undefined;
    return this;
  }
  setFontColor(color: string | null) {
    this.rule.fontColor = color ?? undefined;
    return this;
  }
  setBold(bold: boolean | null) {
    this.rule.bold = bold ?? undefined;
    return this;
  }
  setRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]) {
    this.rule.ranges = ranges.map((r) => r.getA1Notation());
    return this;
  }
  build() {
    if (!this.rule.formula) throw new Error('Exception: conditional format rule has no condition');
    return { ...this.rule };
  }
}

export class FakeProtection implements Shape<GoogleAppsScript.Spreadsheet.Protection> {
  description = '';
  warningOnly = false;
  removed = false;
  constructor(readonly range: string, private readonly sheet: FakeSheet) {}
  setDescription(d: string) {
    this.description = d;
    return this;
  }
  getDescription() {
    return this.description;
  }
  setWarningOnly(w: boolean) {
    this.warningOnly = w;
    return this;
  }
  isWarningOnly() {
    return this.warningOnly;
  }
  remove() {
    this.removed = true;
    this.sheet._protections = this.sheet._protections.filter((p) => p !== this);
  }
}

// ------------------------------------------------------------------ range
export class FakeRange implements Shape<GoogleAppsScript.Spreadsheet.Range> {
  _self: FakeRange = this;
  constructor(
    readonly _sheet: FakeSheet,
    readonly _box: Box,
  ) {}

  private each(fn: (cell: Cell, r: number, c: number) => void) {
    for (let r = 0; r < this._box.rows; r++) {
      for (let c = 0; c < this._box.cols; c++) fn(this._sheet._cell(this._box.row + r, this._box.col + c), r, c);
    }
  }
  /** Cells of the box that have ever been touched (the others are blank: clearing them changes nothing). */
  private eachExisting(fn: (cell: Cell) => void) {
    const b = this._box;
    if (b.row + b.rows > this._sheet._maxRows || b.col + b.cols > this._sheet._maxCols) this._sheet._cell(b.row + b.rows - 1, b.col + b.cols - 1);
    for (const [k, cell] of this._sheet._cells) {
      const [r, c] = k.split(',').map(Number);
      if (r >= b.row && r < b.row + b.rows && c >= b.col && c < b.col + b.cols) fn(cell);
    }
  }
  private coversSheet(): boolean {
    const b = this._box;
    return b.row === 0 && b.col === 0 && b.rows >= this._sheet._maxRows && b.cols >= this._sheet._maxCols;
  }
  private matrix<T>(fn: (cell: Cell) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this._box.rows; r++) {
      const row: T[] = [];
      for (let c = 0; c < this._box.cols; c++) row.push(fn(this._sheet._peek(this._box.row + r, this._box.col + c)));
      out.push(row);
    }
    return out;
  }
  private checkShape(values: unknown[][], what: string) {
    if (values.length !== this._box.rows || values.some((row) => row.length !== this._box.cols)) {
      throw new Error(
        `Exception: The number of rows or columns in the ${what} does not match the range (${this._box.rows}×${this._box.cols}).`,
      );
    }
  }

  getA1Notation() {
    return boxA1(this._box);
  }
  getRow() {
    return this._box.row + 1;
  }
  getColumn() {
    return this._box.col + 1;
  }
  getNumRows() {
    return this._box.rows;
  }
  getNumColumns() {
    return this._box.cols;
  }
  getLastRow() {
    return this._box.row + this._box.rows;
  }
  getLastColumn() {
    return this._box.col + this._box.cols;
  }
  getSheet() {
    return this._sheet._self;
  }
  getCell(row: number, column: number) {
    return this._sheet.getRange(this._box.row + row, this._box.col + column);
  }

  getValues() {
    return this.matrix((cell) => this._sheet._read(cell));
  }
  getValue() {
    return this.getValues()[0][0];
  }
  getDisplayValues() {
    return this.matrix((cell) => String(this._sheet._read(cell)));
  }
  setValues(values: In[][]) {
    this.checkShape(values, 'data');
    for (const row of values) for (const v of row) this._sheet._checkLength(v);
    this.each((cell, r, c) => this._sheet._enter(cell, values[r][c]));
    return this._self;
  }
  setValue(value: In) {
    this._sheet._checkLength(value);
    this.each((cell) => this._sheet._enter(cell, value));
    return this._self;
  }
  getFormulas() {
    return this.matrix((cell) => cell.formula);
  }
  setFormulas(formulas: string[][]) {
    this.checkShape(formulas, 'formulas');
    this.each((cell, r, c) => {
      const f = formulas[r][c];
      if (f === '') Object.assign(cell, { value: '', formula: '' });
      else this._sheet._enter(cell, f.startsWith('=') ? f : `=${f}`);
    });
    return this._self;
  }
  setFormula(formula: string) {
    this.each((cell) => this._sheet._enter(cell, formula.startsWith('=') ? formula : `=${formula}`));
    return this._self;
  }
  getNumberFormats() {
    return this.matrix((cell) => cell.format);
  }
  setNumberFormat(format: string) {
    this.each((cell) => (cell.format = format));
    return this._self;
  }
  setNumberFormats(formats: string[][]) {
    this.checkShape(formats, 'formats');
    this.each((cell, r, c) => (cell.format = formats[r][c]));
    return this._self;
  }
  getNotes() {
    return this.matrix((cell) => cell.note);
  }
  getNote() {
    return this._sheet._peek(this._box.row, this._box.col).note;
  }
  setNote(note: string | null) {
    this.each((cell) => (cell.note = note ?? ''));
    return this._self;
  }
  setNotes(notes: (string | null)[][]) {
    this.checkShape(notes, 'notes');
    this.each((cell, r, c) => (cell.note = notes[r][c] ?? ''));
    return this._self;
  }
  clearNote() {
    this.eachExisting((cell) => (cell.note = ''));
    return this._self;
  }
  getBackgrounds() {
    return this.matrix((cell) => cell.background);
  }
  getBackground() {
    return this._sheet._peek(this._box.row, this._box.col).background;
  }
  setBackground(color: string | null) {
    this.each((cell) => (cell.background = color ?? DEFAULT_BACKGROUND));
    return this._self;
  }
  setBackgrounds(colors: (string | null)[][]) {
    this.checkShape(colors, 'colors');
    this.each((cell, r, c) => (cell.background = colors[r][c] ?? DEFAULT_BACKGROUND));
    return this._self;
  }
  private styleAll(key: string, value: unknown) {
    // The whole grid: kept as the sheet's default (cells made later start with it) rather than cell by cell.
    if (this.coversSheet()) {
      this._sheet._defaultStyle[key] = value;
      this.eachExisting((cell) => (cell.style[key] = value));
    } else this.each((cell) => (cell.style[key] = value));
    return this._self;
  }
  setFontFamily(v: string | null) {
    return this.styleAll('fontFamily', v);
  }
  setFontSize(v: number) {
    return this.styleAll('fontSize', v);
  }
  setFontWeight(v: string | null) {
    return this.styleAll('fontWeight', v);
  }
  setFontStyle(v: string | null) {
    return this.styleAll('fontStyle', v);
  }
  setFontColor(v: string | null) {
    return this.styleAll('fontColor', v);
  }
  setHorizontalAlignment(v: string | null) {
    return this.styleAll('hAlign', v);
  }
  setVerticalAlignment(v: string | null) {
    return this.styleAll('vAlign', v);
  }
  setWrap(v: boolean) {
    return this.styleAll('wrap', v);
  }
  setBorder(top: boolean | null, ..._rest: unknown[]) {
    return this.styleAll('border', top);
  }
  private styleMatrix(key: string, fallback: unknown) {
    return this.matrix((cell) => (key in cell.style ? cell.style[key] : fallback));
  }
  private setStyleMatrix(key: string, values: unknown[][]) {
    this.checkShape(values, key);
    this.each((cell, r, c) => (cell.style[key] = values[r][c]));
    return this._self;
  }
  getFontWeights() {
    return this.styleMatrix('fontWeight', 'normal');
  }
  setFontWeights(v: unknown[][]) {
    return this.setStyleMatrix('fontWeight', v);
  }
  getFontStyles() {
    return this.styleMatrix('fontStyle', 'normal');
  }
  setFontStyles(v: unknown[][]) {
    return this.setStyleMatrix('fontStyle', v);
  }
  getFontSizes() {
    return this.styleMatrix('fontSize', 10);
  }
  setFontSizes(v: number[][]) {
    return this.setStyleMatrix('fontSize', v);
  }
  getFontColors() {
    return this.styleMatrix('fontColor', '#000000');
  }
  setFontColors(v: unknown[][]) {
    return this.setStyleMatrix('fontColor', v);
  }
  getHorizontalAlignments() {
    return this.styleMatrix('hAlign', 'general');
  }
  setHorizontalAlignments(v: unknown[][]) {
    return this.setStyleMatrix('hAlign', v);
  }
  getVerticalAlignments() {
    return this.styleMatrix('vAlign', 'bottom');
  }
  setVerticalAlignments(v: unknown[][]) {
    return this.setStyleMatrix('vAlign', v);
  }
  getWraps() {
    return this.styleMatrix('wrap', DEFAULT_WRAP);
  }
  setWraps(v: boolean[][]) {
    return this.setStyleMatrix('wrap', v);
  }
  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null) {
    this.each((cell) => (cell.validation = rule as unknown as FakeDataValidation | null));
    return this._self;
  }
  getDataValidation() {
    return this._sheet._peek(this._box.row, this._box.col).validation;
  }
  clearDataValidations() {
    this.eachExisting((cell) => (cell.validation = null));
    return this._self;
  }
  merge() {
    const b = this._box;
    const sheet = this._sheet;
    const lang = sheet._parent._world.language();
    // A merge may not straddle the frozen rows or columns (Sheets says so and refuses).
    if (sheet._frozenRows > b.row && sheet._frozenRows < b.row + b.rows) throw new Error(MESSAGES.mergeFrozenRows[lang]);
    if (sheet._frozenColumns > b.col && sheet._frozenColumns < b.col + b.cols) throw new Error(MESSAGES.mergeFrozenColumns[lang]);
    // Only the top-left value survives a merge (Range.merge()).
    this.each((cell, r, c) => {
      if (r === 0 && c === 0) return;
      cell.value = '';
      cell.formula = '';
    });
    sheet._merges = sheet._merges.filter((m) => !inside(m, b));
    sheet._merges.push(b);
    return this._self;
  }
  breakApart() {
    this._sheet._merges = this._sheet._merges.filter((m) => !inside(m, this._box));
    return this._self;
  }
  protect() {
    const p = new FakeProtection(this.getA1Notation(), this._sheet);
    this._sheet._protections.push(p);
    return p;
  }
  activate() {
    this._sheet._parent._activeSheet = this._sheet;
    this._sheet._parent._activeRange = this.getA1Notation();
    return this._self;
  }
}

/** RangeList: each setter applies one value to every range (RangeList reference page). */
export class FakeRangeList {
  constructor(readonly _ranges: FakeRange[]) {}
  setNumberFormat(format: string) {
    for (const r of this._ranges) r.setNumberFormat(format);
    return this;
  }
  setFontWeight(v: string | null) {
    for (const r of this._ranges) r.setFontWeight(v);
    return this;
  }
  setFontStyle(v: string | null) {
    for (const r of this._ranges) r.setFontStyle(v);
    return this;
  }
  setFontSize(v: number) {
    for (const r of this._ranges) r.setFontSize(v);
    return this;
  }
  setFontColor(v: string | null) {
    for (const r of this._ranges) r.setFontColor(v);
    return this;
  }
  setBackground(v: string | null) {
    for (const r of this._ranges) r.setBackground(v);
    return this;
  }
  setHorizontalAlignment(v: string | null) {
    for (const r of this._ranges) r.setHorizontalAlignment(v);
    return this;
  }
  setVerticalAlignment(v: string | null) {
    for (const r of this._ranges) r.setVerticalAlignment(v);
    return this;
  }
  setWrap(v: boolean) {
    for (const r of this._ranges) r.setWrap(v);
    return this;
  }
  setBorder(top: boolean | null, left: boolean | null, bottom: boolean | null, right: boolean | null, vertical: boolean | null, horizontal: boolean | null) {
    for (const r of this._ranges) r.setBorder(top, left, bottom, right, vertical, horizontal);
    return this;
  }
  getRanges() {
    return this._ranges;
  }
}

// ------------------------------------------------------------------ sheet
export class FakeSheet implements Shape<GoogleAppsScript.Spreadsheet.Sheet> {
  _self: FakeSheet = this;
  _cells = new Map<string, Cell>();
  _maxRows = 1000;
  _maxCols = 26;
  _merges: Box[] = [];
  _protections: FakeProtection[] = [];
  _conditionalRules: FakeConditionalRule[] = [];
  _widths = new Map<number, number>();
  _heights = new Map<number, number>();
  _hiddenColumns = new Set<number>();
  _frozenRows = 0;
  _frozenColumns = 0;
  _hidden = false;
  readonly _id: number;
  private static nextId = 1;

  constructor(
    public _name: string,
    readonly _parent: FakeSpreadsheet,
  ) {
    this._id = FakeSheet.nextId++;
  }

  /** Styles set on the whole grid, which every cell starts with. */
  _defaultStyle: Record<string, unknown> = {};
  _peek(r: number, c: number): Cell {
    return this._cells.get(`${r},${c}`) ?? { ...blankCell(), style: { ...this._defaultStyle } };
  }
  _cell(r: number, c: number): Cell {
    if (r >= this._maxRows || c >= this._maxCols) {
      throw new Error(`Exception: Range is outside the sheet (${this._maxRows}×${this._maxCols}).`);
    }
    const k = `${r},${c}`;
    let cell = this._cells.get(k);
    if (!cell) this._cells.set(k, (cell = { ...blankCell(), style: { ...this._defaultStyle } }));
    return cell;
  }
  /** What getValues() gives for a cell: date-formatted numbers come back as Dates. */
  _read(cell: Cell): string | number | boolean | Date {
    if (typeof cell.value === 'number' && isDateFormat(cell.format)) {
      return new this._parent._world.Date(msOfSerial(cell.value, this._parent._timeZone));
    }
    return cell.value;
  }
  /** A value entered as a user would type it (Apps Script setValues semantics). */
  _enter(cell: Cell, v: In): void {
    cell.formula = '';
    const tz = this._parent._timeZone;
    if (v === null || v === undefined || v === '') {
      cell.value = '';
      return;
    }
    const locale = LOCALES[this._parent._locale] ?? LOCALES.en_US;
    if (v instanceof Date) {
      cell.value = serialOf(v, tz);
      if (!isDateFormat(cell.format)) cell.format = cell.value % 1 === 0 ? locale.dateFormat : `${locale.dateFormat} H:mm:ss`;
      return;
    }
    if (typeof v !== 'string') {
      cell.value = v;
      return;
    }
    if (cell.format === '@') {
      cell.value = v;
      return;
    }
    if (v.startsWith("'")) {
      cell.value = v.slice(1);
      return;
    }
    if (v.startsWith('=')) {
      cell.formula = v;
      cell.value = '';
      return;
    }
    const t = v.trim();
    if (/\d/.test(t) && locale.number.test(t)) {
      const n = Number(t.replace(locale.thousands, '').replace(locale.decimal, '.').replace('%', ''));
      cell.value = t.endsWith('%') ? n / 100 : n;
      return;
    }
    if (/^[+-]./.test(t)) {
      cell.formula = `=${t}`;
      cell.value = '#ERROR!';
      return;
    }
    const d = SLASH_DATE.exec(t);
    // en_US reads month/day/year ("25/03/2025" is no such day and stays text); vi_VN day/month/year.
    const month = d ? Number(locale.monthFirst ? d[1] : d[2]) : 0;
    const dayOfMonth = d ? Number(locale.monthFirst ? d[2] : d[1]) : 0;
    const day = d && new Date(Date.UTC(Number(d[3]), month - 1, dayOfMonth));
    if (d && day && day.getUTCMonth() === month - 1 && day.getUTCDate() === dayOfMonth) {
      cell.value = serialOf(day, 'UTC');
      if (!isDateFormat(cell.format)) cell.format = locale.dateFormat;
      return;
    }
    if (/^(true|false)$/i.test(t)) {
      cell.value = t.toLowerCase() === 'true';
      return;
    }
    cell.value = v;
  }
  /** Refuses a value longer than a cell holds. */
  _checkLength(v: In): void {
    if (typeof v === 'string' && v.length > CELL_CHAR_LIMIT) throw new Error(MESSAGES.cellTooLong[this._parent._world.language()]);
  }
  private range(box: Box): FakeRange {
    const r = new FakeRange(this, box);
    r._self = counted(r, () => this._parent._id, this._parent._world.log);
    return r._self;
  }

  getName() {
    return this._name;
  }
  setName(name: string) {
    if (this._parent._sheets.some((s) => s !== this && s._name === name)) {
      throw new Error(MESSAGES.sheetExists[this._parent._world.language()](name));
    }
    this._name = name;
    return this._self;
  }
  getSheetId() {
    return this._id;
  }
  getParent() {
    return this._parent._self;
  }
  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number) {
    if (typeof a === 'string') return this.range(parseBox(a, this._maxRows, this._maxCols));
    return this.range({ row: a - 1, col: (column ?? 1) - 1, rows: numRows ?? 1, cols: numColumns ?? 1 });
  }
  getRangeList(a1Notations: string[]) {
    const list = new FakeRangeList(a1Notations.map((a) => new FakeRange(this, parseBox(a, this._maxRows, this._maxCols))));
    return counted(list, () => this._parent._id, this._parent._world.log);
  }
  getLastRow() {
    let last = 0;
    for (const [k, cell] of this._cells) if (cell.value !== '' || cell.formula) last = Math.max(last, Number(k.split(',')[0]) + 1);
    return last;
  }
  getLastColumn() {
    let last = 0;
    for (const [k, cell] of this._cells) if (cell.value !== '' || cell.formula) last = Math.max(last, Number(k.split(',')[1]) + 1);
    return last;
  }
  getDataRange() {
    return this.range({ row: 0, col: 0, rows: Math.max(1, this.getLastRow()), cols: Math.max(1, this.getLastColumn()) });
  }
  getMaxRows() {
    return this._maxRows;
  }
  getMaxColumns() {
    return this._maxCols;
  }
  insertRowsAfter(_after: number, howMany: number) {
    this._parent._checkCells(howMany * this._maxCols);
    this._maxRows += howMany;
    return this._self;
  }
  insertColumnsAfter(_after: number, howMany: number) {
    this._parent._checkCells(howMany * this._maxRows);
    this._maxCols += howMany;
    return this._self;
  }
  clear() {
    this._defaultStyle = {};
    for (const cell of this._cells.values()) {
      Object.assign(cell, { value: '', formula: '', format: DEFAULT_FORMAT, background: DEFAULT_BACKGROUND, style: {} });
    }
    return this._self;
  }
  setColumnWidth(column: number, width: number) {
    this._widths.set(column - 1, width);
    return this._self;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number) {
    for (let i = 0; i < numColumns; i++) this._widths.set(startColumn - 1 + i, width);
    return this._self;
  }
  getColumnWidth(column: number) {
    return this._widths.get(column - 1) ?? 100;
  }
  setRowHeight(row: number, height: number) {
    this._heights.set(row - 1, height);
    return this._self;
  }
  hideColumns(column: number, numColumns?: number) {
    for (let i = 0; i < (numColumns ?? 1); i++) this._hiddenColumns.add(column - 1 + i);
  }
  showColumns(column: number, numColumns?: number) {
    for (let i = 0; i < (numColumns ?? 1); i++) this._hiddenColumns.delete(column - 1 + i);
  }
  isColumnHiddenByUser(column: number) {
    return this._hiddenColumns.has(column - 1);
  }
  setFrozenRows(rows: number) {
    // A frozen boundary may not cut a merged range (live Sheets refuses; gas-fakes' notes).
    if (this._merges.some((m) => m.row < rows && m.row + m.rows > rows)) throw new Error(MESSAGES.freezeRows[this._parent._world.language()]);
    this._frozenRows = rows;
  }
  setFrozenColumns(columns: number) {
    if (this._merges.some((m) => m.col < columns && m.col + m.cols > columns)) {
      throw new Error(MESSAGES.freezeColumns[this._parent._world.language()]);
    }
    this._frozenColumns = columns;
  }
  getFrozenRows() {
    return this._frozenRows;
  }
  getFrozenColumns() {
    return this._frozenColumns;
  }
  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]) {
    this._conditionalRules = rules as unknown as FakeConditionalRule[];
  }
  getConditionalFormatRules() {
    return this._conditionalRules;
  }
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType) {
    return String(type) === 'RANGE' ? [...this._protections] : [];
  }
  // Embedded charts (Sheet.newChart / insertChart / getCharts / removeChart).
  _charts: FakeEmbeddedChart[] = [];
  newChart() {
    return new FakeChartBuilder(this);
  }
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart) {
    const c = chart as unknown as FakeEmbeddedChart;
    // A chart needs data: Sheets shows "No data" and Apps Script's build of a chart without a range
    // cannot be inserted usefully; the product never does it, so the fake refuses it outright.
    if (c.ranges.length === 0) throw new Error('Exception: The chart has no data ranges.');
    for (const r of c.ranges) {
      if (r.sheet._parent !== this._parent) throw new Error('Exception: A chart can only use ranges of its own spreadsheet.');
    }
    this._charts.push(c);
  }
  getCharts() {
    return [...this._charts] as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChart[];
  }
  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart) {
    const i = this._charts.indexOf(chart as unknown as FakeEmbeddedChart);
    // Sheet.removeChart: "Removes a chart from the parent sheet" — one that is not on it is an error.
    if (i < 0) throw new Error('Exception: The chart is not on this sheet.');
    this._charts.splice(i, 1);
  }
  hideSheet() {
    if (this._parent._sheets.every((s) => s === this || s._hidden)) {
      throw new Error("Exception: You can't hide all the sheets in a document.");
    }
    this._hidden = true;
    return this._self;
  }
  showSheet() {
    this._hidden = false;
    return this._self;
  }
  isSheetHidden() {
    return this._hidden;
  }
  activate() {
    if (this._parent._activeSheet !== this) this._parent._activeRange = '';
    this._parent._activeSheet = this;
    return this._self;
  }
  copyTo(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet) {
    const target = spreadsheet as unknown as FakeSpreadsheet;
    let name = `Copy of ${this._name}`;
    for (let n = 2; target._sheets.some((s) => s._name === name); n++) name = `Copy of ${this._name} ${n}`;
    const copy = target._newSheet(name);
    for (const [k, cell] of this._cells) copy._cells.set(k, { ...cell, style: { ...cell.style } });
    copy._maxRows = this._maxRows;
    copy._maxCols = this._maxCols;
    return copy._self;
  }

  // ---- test helpers (not Apps Script API)
  /** Values as a grid, exactly as getValues() on the data range would give. */
  _grid(): (string | number | boolean | Date)[][] {
    const rows = Math.max(1, this.getLastRow());
    const cols = Math.max(1, this.getLastColumn());
    const out: (string | number | boolean | Date)[][] = [];
    for (let r = 0; r < rows; r++) {
      const row: (string | number | boolean | Date)[] = [];
      for (let c = 0; c < cols; c++) row.push(this._read(this._peek(r, c)));
      out.push(row);
    }
    return out;
  }
  /** Stores a grid as a user would have it: text as text, numbers, dates as date cells. */
  _fill(grid: readonly (readonly (string | number | boolean | Date | null)[])[]): void {
    grid.forEach((row, r) =>
      row.forEach((v, c) => {
        const cell = this._cell(r, c);
        if (typeof v === 'string') Object.assign(cell, { value: v, formula: '' });
        else this._enter(cell, v);
        if (v instanceof Date) cell.format = 'dd/mm/yyyy';
      }),
    );
  }
}

// ------------------------------------------------------------------ spreadsheet
export class FakeSpreadsheet implements Shape<GoogleAppsScript.Spreadsheet.Spreadsheet> {
  _self: FakeSpreadsheet = this;
  _sheets: FakeSheet[] = [];
  _activeSheet: FakeSheet | null = null;
  _activeRange = '';
  _toasts: { message: string; title: string }[] = [];
  _timeZone = 'Asia/Ho_Chi_Minh';
  /** A new spreadsheet takes its maker's locale; the fakes start with en_US, the one that misreads dd/mm. */
  _locale = 'en_US';

  constructor(
    readonly _id: string,
    public _name: string,
    readonly _world: World,
  ) {}

  /** Cells of every sheet's grid. */
  _cellCount(): number {
    return this._sheets.reduce((n, s) => n + s._maxRows * s._maxCols, 0);
  }
  /** Refuses growing past 10 million cells. */
  _checkCells(more: number): void {
    if (this._cellCount() + more > SPREADSHEET_CELL_LIMIT) throw new Error(MESSAGES.tooManyCells[this._world.language()]);
  }
  _newSheet(name: string, index?: number): FakeSheet {
    if (this._sheets.some((s) => s._name === name)) throw new Error(MESSAGES.sheetExists[this._world.language()](name));
    this._checkCells(1000 * 26);
    const sheet = new FakeSheet(name, this);
    sheet._self = counted(sheet, () => this._id, this._world.log);
    this._sheets.splice(index ?? this._sheets.length, 0, sheet);
    return sheet;
  }
  _sheet(name: string): FakeSheet {
    const s = this._sheets.find((x) => x._name === name);
    if (!s) throw new Error(`no sheet ${name} in ${this._name}`);
    return s;
  }

  getId() {
    return this._id;
  }
  getName() {
    return this._name;
  }
  getUrl() {
    return `https://docs.google.com/spreadsheets/d/${this._id}/edit`;
  }
  getSpreadsheetTimeZone() {
    return this._timeZone;
  }
  setSpreadsheetTimeZone(timezone: string) {
    this._timeZone = timezone;
  }
  getSpreadsheetLocale() {
    return this._locale;
  }
  setSpreadsheetLocale(locale: string) {
    this._locale = locale;
  }
  getSheets() {
    return this._sheets.map((s) => s._self);
  }
  getSheetByName(name: string) {
    return this._sheets.find((s) => s._name === name)?._self ?? null;
  }
  insertSheet(name: string, index?: number | { template?: GoogleAppsScript.Spreadsheet.Sheet }) {
    const sheet = this._newSheet(name, typeof index === 'number' ? index : undefined);
    this._activeSheet = sheet;
    return sheet._self;
  }
  deleteSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet) {
    this._sheets = this._sheets.filter((s) => s._self !== (sheet as unknown as FakeSheet));
  }
  getActiveSheet() {
    return (this._activeSheet ?? this._sheets[0])._self;
  }
  /**
   * "Returns the selected range in the active sheet" (Spreadsheet.getActiveRange(),
   * developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getActiveRange()): a sheet
   * always has a current cell, A1 until something else is selected there.
   */
  getActiveRange() {
    const sheet = this._activeSheet ?? this._sheets[0];
    return sheet.getRange(this._activeRange || 'A1');
  }
  setActiveSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet) {
    this._activeSheet = sheet as unknown as FakeSheet;
    this._activeRange = '';
    return sheet;
  }
  toast(message: string, title?: string) {
    this._toasts.push({ message, title: title ?? '' });
  }
}

// ------------------------------------------------------------------ UI
export interface MenuItem {
  caption: string;
  functionName?: string;
  submenu?: FakeMenu;
  separator?: true;
}

export class FakeMenu implements Shape<GoogleAppsScript.Base.Menu> {
  readonly items: MenuItem[] = [];
  constructor(
    readonly caption: string,
    private readonly ui: FakeUi,
  ) {}
  addItem(caption: string, functionName: string) {
    this.items.push({ caption, functionName });
    return this;
  }
  addSeparator() {
    this.items.push({ caption: '', separator: true });
    return this;
  }
  addSubMenu(menu: GoogleAppsScript.Base.Menu) {
    const m = menu as unknown as FakeMenu;
    this.items.push({ caption: m.caption, submenu: m });
    return this;
  }
  addToUi() {
    this.ui.menus = this.ui.menus.filter((m) => m.caption !== this.caption);
    this.ui.menus.push(this);
  }
  /** Every function name reachable from this menu, submenus included. */
  functionNames(): string[] {
    return this.items.flatMap((i) => (i.submenu ? i.submenu.functionNames() : i.functionName ? [i.functionName] : []));
  }
}

export interface HtmlShown {
  kind: 'sidebar' | 'dialog';
  title: string;
  content: string;
}

export class FakeUi implements Shape<GoogleAppsScript.Base.Ui> {
  menus: FakeMenu[] = [];
  alerts: string[] = [];
  shown: HtmlShown[] = [];
  /** What the next alert with buttons answers. */
  answer = 'OK';
  createMenu(caption: string) {
    return new FakeMenu(caption, this);
  }
  alert(a: string, b?: unknown, c?: unknown) {
    this.alerts.push(typeof b === 'string' ? `${a}\n${b}` : a);
    return (b === undefined && c === undefined ? 'OK' : this.answer) as unknown as GoogleAppsScript.Base.Button;
  }
  /** Ui.Button and Ui.ButtonSet, the enums prompt and alert take and give. */
  readonly Button = { CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' } as unknown as typeof GoogleAppsScript.Base.Button;
  readonly ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' } as unknown as typeof GoogleAppsScript.Base.ButtonSet;
  /** Texts of the prompts shown, and what the next one answers (the text typed, the button pressed). */
  prompts: string[] = [];
  promptAnswer: { text: string; button: 'OK' | 'CANCEL' | 'CLOSE' } = { text: '', button: 'OK' };
  /**
   * Ui.prompt(prompt), prompt(prompt, buttons), prompt(title, prompt, buttons): a dialog with a text
   * box; its PromptResponse gives the text and the button pressed. A buttons argument that is not a
   * ButtonSet is refused, as Apps Script refuses it
   * (https://developers.google.com/apps-script/reference/base/ui#prompt(String,String,ButtonSet)).
   */
  prompt(a: string, b?: unknown, c?: unknown) {
    const buttons = typeof b === 'string' ? c : b;
    if (buttons !== undefined && !Object.values(this.ButtonSet as unknown as Record<string, string>).includes(buttons as string)) {
      throw new Error('Exception: Invalid argument: buttons');
    }
    this.prompts.push(typeof b === 'string' ? `${a}\n${b}` : a);
    const { text, button } = this.promptAnswer;
    return {
      getResponseText: () => text,
      getSelectedButton: () => button as unknown as GoogleAppsScript.Base.Button,
    } as GoogleAppsScript.Base.PromptResponse;
  }
  showSidebar(output: GoogleAppsScript.HTML.HtmlOutput) {
    this.shown.push({ kind: 'sidebar', title: output.getTitle(), content: output.getContent() });
  }
  showModalDialog(output: GoogleAppsScript.HTML.HtmlOutput, title: string) {
    this.shown.push({ kind: 'dialog', title, content: output.getContent() });
  }
}

// ------------------------------------------------------------------ SpreadsheetApp
export class FakeSpreadsheetApp {
  readonly spreadsheets = new Map<string, FakeSpreadsheet>();
  /** Ids that exist but this account may not open, with the error Sheets gives ('' for the usual one, in the user's language). */
  readonly denied = new Map<string, string>();
  active: FakeSpreadsheet | null = null;
  ui = new FakeUi();
  /** False inside trigger runs: getUi() then throws as in Apps Script. */
  uiAvailable = true;
  /** Milliseconds the fake clock advances per openById (a remote spreadsheet takes time to open). */
  openCostMs = 0;
  /** Called before each openById; a test may throw from it to simulate the execution being killed. */
  beforeOpen: ((id: string) => void) | null = null;

  constructor(
    private readonly world: World,
    private readonly clock: { now: number },
  ) {}

  create(id: string, name: string): FakeSpreadsheet {
    const ss = new FakeSpreadsheet(id, name, this.world);
    ss._self = counted(ss, () => id, this.world.log);
    this.spreadsheets.set(id, ss);
    return ss;
  }

  api(): GoogleAppsScript.Spreadsheet.SpreadsheetApp {
    const self = this;
    const log = this.world.log;
    const app = {
      ProtectionType: { RANGE: 'RANGE', SHEET: 'SHEET' },
      BorderStyle: { SOLID: 'SOLID', SOLID_MEDIUM: 'SOLID_MEDIUM', SOLID_THICK: 'SOLID_THICK' },
      DataValidationCriteria: new Proxy({}, { get: (_t, p) => p }),
      getActiveSpreadsheet() {
        log.add('SpreadsheetApp', 'getActiveSpreadsheet');
        return self.active?._self ?? null;
      },
      getActive() {
        log.add('SpreadsheetApp', 'getActive');
        return self.active?._self ?? null;
      },
      openById(id: string) {
        log.add(id, 'openById');
        self.beforeOpen?.(id);
        self.clock.now += self.openCostMs;
        const denied = self.denied.get(id);
        if (denied !== undefined) throw new Error(denied || MESSAGES.noPermission[self.world.language()]);
        const ss = self.spreadsheets.get(id);
        if (!ss) throw new Error(MESSAGES.notFound[self.world.language()]);
        return ss._self;
      },
      getUi() {
        log.add('SpreadsheetApp', 'getUi');
        if (!self.uiAvailable) throw new Error(MESSAGES.noUi[self.world.language()]);
        return self.ui;
      },
      newDataValidation() {
        return new FakeDataValidationBuilder();
      },
      newConditionalFormatRule() {
        return new FakeConditionalFormatRuleBuilder();
      },
      flush() {
        log.add('SpreadsheetApp', 'flush');
      },
    };
    return app as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  }
}

/** What the fake keeps of an inserted chart. */
export interface FakeEmbeddedChart {
  type: 'bar' | 'column' | 'default';
  ranges: { sheet: FakeSheet; a1: string }[];
  options: Record<string, unknown>;
  position: { row: number; column: number };
  headers: number;
}

/**
 * EmbeddedChartBuilder (https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder):
 * addRange, asBarChart / asColumnChart, setOption, setNumHeaders, setPosition(anchorRowPos,
 * anchorColPos, offsetX, offsetY) with 1-based anchors, build().
 */
export class FakeChartBuilder {
  private chart: FakeEmbeddedChart = { type: 'default', ranges: [], options: {}, position: { row: 1, column: 1 }, headers: -1 };
  constructor(private readonly sheet: FakeSheet) {}
  addRange(range: { getSheet(): unknown; getA1Notation(): string }) {
    this.chart.ranges.push({ sheet: range.getSheet() as FakeSheet, a1: range.getA1Notation() });
    return this;
  }
  asBarChart() {
    this.chart.type = 'bar';
    return this;
  }
  asColumnChart() {
    this.chart.type = 'column';
    return this;
  }
  setOption(option: string, value: unknown) {
    this.chart.options[option] = value;
    return this;
  }
  setNumHeaders(headers: number) {
    this.chart.headers = headers;
    return this;
  }
  setTransposeRowsAndColumns(transpose: boolean) {
    this.chart.options.transpose = transpose;
    return this;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number) {
    // Rows and columns are 1-based in Apps Script; 0 or less is not a cell.
    if (!(anchorRowPos >= 1 && anchorColPos >= 1) || offsetX < 0 || offsetY < 0) {
      throw new Error(`Exception: Invalid chart position (${anchorRowPos}, ${anchorColPos}).`);
    }
    this.chart.position = { row: anchorRowPos, column: anchorColPos };
    return this;
  }
  build() {
    return { ...this.chart, ranges: [...this.chart.ranges], options: { ...this.chart.options } } as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChart;
  }
}
