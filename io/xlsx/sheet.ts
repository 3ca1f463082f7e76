/**
 * One worksheet part → values. A hand-written forward scan over `<sheetData>` (indexOf and character
 * codes): rows and cells are found by their tags, only the r, s and t attributes are kept, a cell's
 * content is cut at its `</c>`; regular expressions only look inside unusual cells. No DOM is built.
 * A cell tag written as Excel writes it (`<c r="B8" s="15" t="s">`) is read in one pass; any other
 * form goes through the general attribute reader, which gives the same values (tested on both).
 * Cells are kept sparse while scanning; the rectangular Grid is allocated only after its size is known
 * and checked, so a hostile reference can never make us allocate per the reference.
 */
import { a1, type CellValue, type Grid } from '../../shared/cell';
import { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS, MAX_GRID_CELLS } from './limits';
import { itemReader, valueReader } from './text-items';
import { findElement, MalformedText } from './xml';

export interface SheetContext {
  sharedStrings: string[];
  /** By cellXfs index: does this style show numbers as dates? */
  dateStyles: boolean[];
  date1904: boolean;
  /** The part was read as binary text (binary-text.ts): texts taken out are UTF-8 decoded. */
  binary?: boolean;
  /** Shared-string indexes whose text is longer than a cell may hold (parts.ts): refused where used. */
  tooLongStrings?: ReadonlySet<number>;
  /** How many cell formats styles.xml declares (0 without one): a style index past them is damage. */
  styleCount?: number;
  /** Cells the workbook's sheets may still hold, all sheets together; lowered by each sheet read. */
  cellBudget?: { remaining: number };
}

export interface SheetValues {
  grid: Grid;
  merges: string[];
  formulasWithoutValue: string[];
  errorCells: { address: string; value: string }[];
}

/**
 * Why a sheet part was refused. `corrupt` carries `reason`, Vietnamese words for the user ("ô B5 có
 * số “0x1A” không đúng dạng"); `text_too_long` a cell longer than Excel's 32,767 characters.
 */
export type SheetProblem =
  | { problem: 'too_large'; cell: string }
  | { problem: 'too_many_cells'; cells: number }
  | { problem: 'text_too_long'; cell: string; length: number }
  | { problem: 'corrupt'; detail: string; reason: string };

const corrupt = (reason: string, detail = reason): SheetProblem => ({ problem: 'corrupt', detail, reason });
/** The raw text of a value, short enough to quote in a message. */
const shown = (raw: string): string => `“${raw.length > 20 ? raw.slice(0, 20) + '…' : raw}”`;

export function isSheetProblem(x: SheetValues | SheetProblem): x is SheetProblem {
  return 'problem' in x;
}

// Result slots of parseRef, to keep the hot path free of allocations.
let refRow = 0;
let refCol = 0;
const REF_OK = 0;
const REF_TOO_FAR = 1;
const REF_BAD = 2;

/** "AB12" / "$AB$12" → refRow 11, refCol 27. Columns past XFD or rows past 1,048,576 → REF_TOO_FAR. */
function parseRef(s: string): number {
  return parseRefIn(s, 0, s.length);
}

/** parseRef of s[i, n), read in place (every cell has a reference: no substring for it). */
function parseRefIn(s: string, i: number, n: number): number {
  if (s.charCodeAt(i) === 36) i++;
  let col = 0;
  let letters = 0;
  for (; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    if (c < 65 || c > 90) break;
    if (++letters <= 4) col = col * 26 + (c - 64);
  }
  if (i < n && s.charCodeAt(i) === 36) i++;
  let row = 0;
  let digits = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return REF_BAD;
    if (++digits <= 8) row = row * 10 + (c - 48);
  }
  if (letters === 0 || digits === 0 || row === 0) return REF_BAD;
  if (letters > 3 || col > EXCEL_MAX_COLUMNS || digits > 7 || row > EXCEL_MAX_ROWS) return REF_TOO_FAR;
  refRow = row - 1;
  refCol = col - 1;
  return REF_OK;
}

// A cell's t attribute (ECMA-376 ST_CellType); anything else is damage.
const TYPE_UNKNOWN = -1;
const TYPE_NUMBER = 0;
const TYPE_SHARED = 1;
const TYPE_BOOLEAN = 2;
const TYPE_ERROR = 3;
const TYPE_DATE = 4;
const TYPE_STR = 5;
const TYPE_INLINE = 6;

/** The t attribute's value xml[at, end), compared in place. */
function cellType(xml: string, at: number, end: number): number {
  const n = end - at;
  if (n === 1) {
    const c = xml.charCodeAt(at);
    return c === 115 ? TYPE_SHARED : c === 98 ? TYPE_BOOLEAN : c === 101 ? TYPE_ERROR : c === 100 ? TYPE_DATE : c === 110 ? TYPE_NUMBER : TYPE_UNKNOWN;
  }
  if (n === 3 && xml.startsWith('str', at)) return TYPE_STR;
  if (n === 9 && xml.startsWith('inlineStr', at)) return TYPE_INLINE;
  return TYPE_UNKNOWN;
}

/**
 * The XML Schema lexical form of a double (xsd:double), without INF and NaN, which no spreadsheet
 * writes for a cell: `Number()` would also take "0x1A", "" or " " (as 0) and "Infinity".
 */
const XSD_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** XML Schema's whitespace collapse, which its number types apply before reading the form. */
const collapse = (raw: string): string =>
  raw.length > 0 && raw.charCodeAt(0) > 32 && raw.charCodeAt(raw.length - 1) > 32 ? raw : raw.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');

/** A cell's number in its XML Schema form, NaN for anything else (a finite double only). */
export function strictNumber(raw: string): number {
  raw = collapse(raw);
  if (!XSD_NUMBER.test(raw)) return NaN;
  const v = Number(raw);
  return Number.isFinite(v) ? v : NaN;
}

/** A plain non-negative integer (shared-string and style indexes): digits only, NaN otherwise. */
export function strictIndex(raw: string): number {
  raw = collapse(raw);
  return /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
}

/** strictNumber(xml.slice(at, end)), whole numbers of up to 15 digits read in place. */
function numberIn(xml: string, at: number, end: number): number {
  const n = end - at;
  if (n === 0 || n > 15) return strictNumber(xml.slice(at, end));
  let v = 0;
  for (let i = at; i < end; i++) {
    const c = xml.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return strictNumber(xml.slice(at, end));
    v = v * 10 + c;
  }
  return v;
}

/** strictIndex(xml.slice(at, end)), read in place. */
function indexIn(xml: string, at: number, end: number): number {
  const n = end - at;
  if (n === 0 || n > 10) return strictIndex(xml.slice(at, end));
  let v = 0;
  for (let i = at; i < end; i++) {
    const c = xml.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return strictIndex(xml.slice(at, end));
    v = v * 10 + c;
  }
  return v;
}

/** xml.startsWith('</v></c>', at), character by character. */
function isEndOfValueAndCell(xml: string, at: number): boolean {
  return (
    xml.charCodeAt(at + 1) === 47 && xml.charCodeAt(at + 2) === 118 && xml.charCodeAt(at + 3) === 62 &&
    xml.charCodeAt(at + 4) === 60 && xml.charCodeAt(at + 5) === 47 && xml.charCodeAt(at + 6) === 99 && xml.charCodeAt(at + 7) === 62
  );
}

/** A row number from `<row r="…">`, xml[at, end) read in place (spaces around allowed); -1 when not one. */
function parseRowNumber(xml: string, at: number, end: number): number {
  while (at < end && isSpace(xml.charCodeAt(at))) at++;
  while (end > at && isSpace(xml.charCodeAt(end - 1))) end--;
  if (end === at || end - at > 12) return -1;
  let n = 0;
  for (let i = at; i < end; i++) {
    const c = xml.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

// Result slots of readUsualCellTag besides refRow and refCol.
let tagStyle = -1;
let tagType = TYPE_NUMBER;
let tagSelfClosed = false;

/**
 * A cell's start tag in the form Excel, LibreOffice and exceljs write, read in one pass from just after
 * "<c ": `r="B8"`, then optionally ` s="15"` and ` t="s"`, then `>` or `/>`; an upper-case reference
 * within the sheet limits, a whole style number. Sets refRow, refCol and the tag slots and returns
 * the position after the tag; -1 for anything else (other order, quotes, spacing or attributes, a
 * reference out of range), which the general reader then reads.
 */
function readUsualCellTag(xml: string, i: number): number {
  if (xml.charCodeAt(i) !== 114 || xml.charCodeAt(i + 1) !== 61 || xml.charCodeAt(i + 2) !== 34) return -1;
  i += 3;
  let col = 0;
  let letters = 0;
  let c = xml.charCodeAt(i);
  while (c >= 65 && c <= 90) {
    col = col * 26 + (c - 64);
    letters++;
    c = xml.charCodeAt(++i);
  }
  let rowNumber = 0;
  let digits = 0;
  while (c >= 48 && c <= 57) {
    rowNumber = rowNumber * 10 + (c - 48);
    digits++;
    c = xml.charCodeAt(++i);
  }
  if (c !== 34 || letters === 0 || letters > 3 || col > EXCEL_MAX_COLUMNS || digits === 0 || digits > 7 || rowNumber === 0 || rowNumber > EXCEL_MAX_ROWS) return -1;
  c = xml.charCodeAt(++i);
  let style = -1;
  if (c === 32 && xml.charCodeAt(i + 1) === 115 && xml.charCodeAt(i + 2) === 61 && xml.charCodeAt(i + 3) === 34) {
    i += 4;
    style = 0;
    const from = i;
    c = xml.charCodeAt(i);
    while (c >= 48 && c <= 57) {
      style = style * 10 + (c - 48);
      c = xml.charCodeAt(++i);
    }
    if (c !== 34 || i === from || i - from > 9) return -1;
    c = xml.charCodeAt(++i);
  }
  let type = TYPE_NUMBER;
  if (c === 32 && xml.charCodeAt(i + 1) === 116 && xml.charCodeAt(i + 2) === 61 && xml.charCodeAt(i + 3) === 34) {
    const from = i + 4;
    const to = xml.indexOf('"', from);
    if (to < 0 || to - from > 9) return -1;
    type = cellType(xml, from, to);
    i = to + 1;
    c = xml.charCodeAt(i);
  }
  if (c === 62) tagSelfClosed = false;
  else if (c === 47 && xml.charCodeAt(i + 1) === 62) { tagSelfClosed = true; i++; }
  else return -1;
  refRow = rowNumber - 1;
  refCol = col - 1;
  tagStyle = style;
  tagType = type;
  return i + 1;
}

/** Where the part of a tag read by readUsualRowNumber ends. */
let tagEnd = 0;

/**
 * A row's number written as Excel writes it, `r="12"` just after "<row ", within the sheet limits;
 * sets tagEnd past its closing quote. -1 for anything else, which the general reader then reads.
 */
function readUsualRowNumber(xml: string, i: number): number {
  if (xml.charCodeAt(i) !== 114 || xml.charCodeAt(i + 1) !== 61 || xml.charCodeAt(i + 2) !== 34) return -1;
  i += 3;
  const from = i;
  let n = 0;
  let c = xml.charCodeAt(i);
  while (c >= 48 && c <= 57) {
    n = n * 10 + (c - 48);
    c = xml.charCodeAt(++i);
  }
  if (c !== 34 || i === from || i - from > 7 || n < 1 || n > EXCEL_MAX_ROWS) return -1;
  tagEnd = i + 1;
  return n;
}

const isSpace = (ch: number): boolean => ch === 32 || ch === 10 || ch === 13 || ch === 9;
const F_ELEMENT = /<([\w.-]+:)?f(?=[\s/>])/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Excel serial → Date at UTC midnight plus the time fraction, as exceljs computes it. */
export function serialToDate(serial: number, date1904: boolean): Date | null {
  const d = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000));
  return Number.isNaN(d.getTime()) ? null : d;
}

/** `t="d"` cells hold ISO 8601 text; without a zone it is read as UTC, like serial dates. */
function isoToDate(text: string, date1904: boolean): Date | null {
  const m = ISO_DATE.exec(text);
  if (m) {
    const zone = m[8] ?? 'Z';
    const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}${m[7] ?? ''}${zone === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`;
    const d = new Date(iso);
    // A day past the month's end (30/02) would roll over into the next month: refused.
    return Number.isNaN(d.getTime()) || (zone === 'Z' && d.getUTCDate() !== Number(m[3])) ? null : d;
  }
  // A time of day alone ("12:30:00", "T12:30"), as some programs write a time cell: read as a serial
  // time would be, a fraction of a day.
  const t = ISO_TIME.exec(text);
  if (!t) return null;
  const h = Number(t[1]);
  const min = Number(t[2]);
  const sec = Number(t[3] ?? 0) + Number(t[4] ?? 0);
  if (h > 23 || min > 59 || sec >= 60) return null;
  return serialToDate((h * 3600 + min * 60 + sec) / 86400, date1904);
}

const ISO_TIME = /^T?(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/;

function checkRange(ref: string): string | null {
  for (const part of ref.split(':')) {
    if (parseRef(part.trim()) === REF_TOO_FAR) return part.trim();
  }
  return null;
}

/** Excel's own limit on a cell's text (specifications and limits: 32,767 characters). */
export const MAX_CELL_TEXT = 32767;

/** The child elements a cell may hold (CT_Cell: f, v, is, extLst). */
const CELL_CHILDREN = new Set(['f', 'v', 'is', 'extLst']);

/**
 * Why a cell's content (between its tags) is not a sequence of the elements a cell may hold, or null
 * when it is. Linear: each end tag is found once with indexOf.
 */
function cellContentProblem(inner: string): string | null {
  let i = 0;
  const n = inner.length;
  while (i < n) {
    const ch = inner.charCodeAt(i);
    if (isSpace(ch)) { i++; continue; }
    if (ch !== 60) return 'có chữ nằm ngoài thẻ giá trị';
    if (inner.startsWith('<!--', i)) {
      const close = inner.indexOf('-->', i + 4);
      if (close < 0) return 'có chú thích không đóng';
      i = close + 3;
      continue;
    }
    let nameEnd = i + 1;
    while (nameEnd < n) {
      const c = inner.charCodeAt(nameEnd);
      if (c === 62 || c === 47 || isSpace(c)) break;
      nameEnd++;
    }
    const name = inner.slice(i + 1, nameEnd);
    const local = name.slice(name.indexOf(':') + 1);
    if (!CELL_CHILDREN.has(local)) return name.startsWith('/') ? `có thẻ đóng “<${name}>” thừa` : `có thẻ “<${name}>” lạ`;
    const gt = inner.indexOf('>', nameEnd);
    if (gt < 0) return 'có thẻ không đóng';
    if (inner.charCodeAt(gt - 1) === 47) { i = gt + 1; continue; }
    const close = inner.indexOf(`</${name}>`, gt + 1);
    if (close < 0) return `thiếu thẻ đóng “</${name}>”`;
    if (local !== 'is' && local !== 'extLst' && inner.lastIndexOf('<', close - 1) > gt) return `có thẻ lạ trong “<${name}>”`;
    i = close + name.length + 3;
  }
  return null;
}

/**
 * One worksheet's values. `careful`: keep every cell's address to tell a duplicate from a cell
 * written late; cells out of order are rare (Excel, LibreOffice and the libraries write them in
 * order), so the sheet is read again that way only when one is met.
 */
export function readSheetXml(xml: string, ctx: SheetContext, careful = false): SheetValues | SheetProblem {
  const read = new SheetScan(ctx, careful).push(xml, true)!;
  return read === RESTART ? readSheetXml(xml, ctx, true) : read;
}

/** What a scan returns when it met a cell out of order before keeping addresses: read again, carefully. */
export const RESTART = 'restart';

/** The data scan's state between two pieces of a part (see SheetScan). */
interface DataState {
  ctx: SheetContext;
  readItem: (raw: string) => string;
  readValue: (raw: string) => string;
  anyDateStyle: boolean;
  styleCount: number;
  tooLong: ReadonlySet<number> | undefined;
  rows: CellValue[][];
  formulasWithoutValue: string[];
  errorCells: { address: string; value: string }[];
  seen: Set<number> | null;
  maxRow: number;
  maxCol: number;
  farRowCell: { row: number; col: number };
  farColCell: { row: number; col: number };
  // The cell before, to see that cells come in order (or, when not, that none comes twice).
  lastRow: number;
  lastCol: number;
  row: number;
  col: number;
  prefix: string;
  closeTag: string;
  rowClose: string;
  /** Where sheetData's end tag ends, in the piece that held it. */
  dataEnd: number;
}

/** Characters a piece must hold past a tag's '<' before the tag is read without the part's end. */
const LOOKAHEAD = 256;

/**
 * A worksheet part read piece by piece (a large part's text, made a piece at a time): each piece is
 * scanned as it comes and what is not finished (a tag, a cell and its content) is carried over to the
 * next, so that the part's text is never held whole (what follows sheetData is, for its merged ranges). The same scan as readSheetXml's, which is this with the
 * whole part as its one and last piece: where a piece's end cuts what is read (a search finds nothing,
 * a tag runs to the end), the scan waits for more instead of refusing, unless the piece is the last;
 * so the values, refusals and messages are the same however the part is cut (tested).
 * `push` returns the sheet's values or the refusal once known, RESTART when a cell out of order was
 * met by a scan not keeping addresses, null while it needs more.
 */
export class SheetScan {
  private pending: string[] = [];
  private pendingLength = 0;
  /** Waiting for a piece to pass this length before scanning again: a long carry is not rescanned per chunk. */
  private wanted = 0;
  private phase: 'head' | 'data' | 'tail' = 'head';
  private searchFrom = 0;
  private tail: string[] = [];
  private state: DataState | null = null;

  constructor(private readonly ctx: SheetContext, private readonly careful: boolean) {}

  push(text: string, final: boolean): SheetValues | SheetProblem | typeof RESTART | null {
    let xml = text;
    if (this.pendingLength > 0) {
      this.pending.push(text);
      this.pendingLength += text.length;
      if (!final && this.pendingLength < this.wanted) return null;
      xml = this.pending.join('');
      this.pending = [];
      this.pendingLength = 0;
    }
    const keep = (from: number): null => {
      if (from < xml.length) {
        this.pending.push(xml.slice(from));
        this.pendingLength = xml.length - from;
      }
      this.wanted = 2 * this.pendingLength;
      return null;
    };
    let pos = 0;
    if (this.phase === 'head') {
      const sheetData = /<([\w.-]+:)?sheetData(?=[\s/>])/g;
      sheetData.lastIndex = this.searchFrom;
      const found = sheetData.exec(xml);
      if (found === null) {
        // A match cut by the piece's end starts at its last '<'.
        if (!final) { this.searchFrom = Math.max(0, xml.lastIndexOf('<')); return keep(0); }
        // CT_Worksheet requires sheetData: a sheet part without one is cut or damaged, not an empty sheet.
        return corrupt('không có phần dữ liệu ô (sheetData)', 'no sheetData');
      }
      const dataStart = found.index;
      const head = xml.slice(0, dataStart);
      const dim = /<(?:[\w.-]+:)?dimension\s[^<>]*?ref\s*=\s*["']([^"'<]*)["']/.exec(head);
      if (dim) {
        const far = checkRange(dim[1]);
        if (far) return { problem: 'too_large', cell: far };
      }
      const open = /<([\w.-]+:)?sheetData((?:[^<>"']|"[^<"]*"|'[^<']*')*)>/y;
      open.lastIndex = dataStart;
      const om = open.exec(xml);
      if (!om) {
        if (!final) { this.searchFrom = dataStart; return keep(0); }
        return corrupt('thẻ sheetData hỏng', 'sheetData');
      }
      const ctx = this.ctx;
      const prefix = om[1] ?? '';
      this.state = {
        ctx,
        readItem: itemReader(ctx.binary === true),
        readValue: valueReader(ctx.binary === true),
        anyDateStyle: ctx.dateStyles.includes(true),
        styleCount: ctx.styleCount ?? ctx.dateStyles.length,
        tooLong: ctx.tooLongStrings,
        rows: [],
        formulasWithoutValue: [],
        errorCells: [],
        seen: this.careful ? new Set<number>() : null,
        maxRow: -1,
        maxCol: -1,
        farRowCell: { row: 0, col: 0 },
        farColCell: { row: 0, col: 0 },
        lastRow: -1,
        lastCol: -1,
        row: -1,
        col: -1,
        prefix,
        closeTag: `</${prefix}sheetData>`,
        rowClose: `</${prefix}row>`,
        dataEnd: open.lastIndex,
      };
      pos = open.lastIndex;
      this.phase = om[2].endsWith('/') ? 'tail' : 'data';
    }
    const state = this.state!;
    if (this.phase === 'data') {
      const scanned = scanData(xml, pos, final, state);
      if (typeof scanned !== 'number') return scanned;
      if (scanned >= 0) return keep(scanned);
      this.phase = 'tail';
    }
    // After sheetData: kept whole (merged ranges), usually a few lines.
    const from = state.dataEnd;
    if (!final) {
      this.tail.push(xml.slice(from));
      state.dataEnd = 0;
      return null;
    }
    if (this.tail.length === 0) return finishSheet(state, xml, from);
    this.tail.push(xml.slice(from));
    return finishSheet(state, this.tail.join(''), 0);
  }
}

/**
 * The rows and cells of sheetData from `pos`: -1 when its end tag was met (state.dataEnd set), the
 * position from which the piece must be carried over when it ended first (never when `final`), or
 * the refusal.
 */
function scanData(xml: string, pos: number, final: boolean, s: DataState): number | SheetProblem | typeof RESTART {
  const { ctx, readItem, readValue, anyDateStyle, styleCount, tooLong, rows, formulasWithoutValue, errorCells, seen, prefix, closeTag, rowClose } = s;
  let { maxRow, maxCol, farRowCell, farColCell, lastRow, lastCol, row, col } = s;
  // The end of sheetData is met by the scan itself (not searched for first: that would read the data twice).
  const closeMark = closeTag.charCodeAt(2);
  let closed = false;
  let dataEnd = -1;
  /** Where the unit the piece's end cut starts: the scan goes on from there with the next piece. */
  let carry = -1;

  scan: while (!closed) {
    // indexOf, even for the next tag a few characters on: V8's native search beats a character loop.
    const lt = xml.indexOf('<', pos);
    if (lt < 0) {
      if (!final) {
        // White space before the next tag is passed over; text is kept to be refused where that tag is.
        let k = pos;
        while (k < xml.length && isSpace(xml.charCodeAt(k))) k++;
        carry = k < xml.length ? pos : xml.length;
        break scan;
      }
      return corrupt('thiếu thẻ đóng sheetData (phần cuối bị mất)', 'sheetData not closed');
    }
    // Between rows and cells only white space: text there is a value whose tags were lost.
    if (lt > pos) {
      for (let k = pos; k < lt; k++) {
        if (!isSpace(xml.charCodeAt(k))) return corrupt(`có chữ nằm ngoài ô sau ô ${lastRow >= 0 ? a1(lastRow, Math.max(lastCol, 0)) : 'đầu tiên'}`, `text at ${k}`);
      }
    }
    if (!final && xml.length - lt < LOOKAHEAD) { carry = lt; break scan; }
    const first = xml.charCodeAt(lt + 1);
    if (first === 47 /* </ */) {
      if (xml.charCodeAt(lt + 2) === closeMark && xml.startsWith(closeTag, lt)) {
        closed = true;
        dataEnd = lt + closeTag.length;
        pos = dataEnd;
        continue;
      }
      if (xml.charCodeAt(lt + 2) === 114 && xml.charCodeAt(lt + 3) === 111 && xml.charCodeAt(lt + 4) === 119 && xml.charCodeAt(lt + 5) === 62) { pos = lt + 6; continue; }
      if (prefix && xml.startsWith(rowClose, lt)) { pos = lt + rowClose.length; continue; }
      if (!final && xml.length < lt + closeTag.length + 32) { carry = lt; break scan; }
      const gt = xml.indexOf('>', lt);
      return corrupt(`có thẻ đóng “${xml.slice(lt, gt < 0 ? lt + 12 : Math.min(gt + 1, lt + 30))}” thừa sau ô ${lastRow >= 0 ? a1(lastRow, Math.max(lastCol, 0)) : 'đầu tiên'}`, 'stray end tag');
    }
    if (first === 63 /* <? */) {
      const close = xml.indexOf('?>', lt + 2);
      if (close < 0) {
        if (!final) { carry = lt; break scan; }
        return corrupt('có chỉ thị xử lý không đóng', 'unclosed processing instruction');
      }
      pos = close + 2;
      continue;
    }
    if (first === 33 /* <! */) {
      const close = xml.startsWith('<!--', lt) ? xml.indexOf('-->', lt + 4) : -1;
      if (close < 0) {
        if (!final) { carry = lt; break scan; }
        return corrupt('có chú thích không đóng', 'unclosed comment');
      }
      pos = close + 3;
      continue;
    }
    if (first === 114 && xml.charCodeAt(lt + 2) === 111 && xml.charCodeAt(lt + 3) === 119 && xml.charCodeAt(lt + 4) === 32) {
      // <row r="12" …>: the number, read in one pass; the rest of the tag is passed over.
      const n = readUsualRowNumber(xml, lt + 5);
      if (n > 0) {
        row = n - 1;
        col = -1;
        const gt = xml.indexOf('>', tagEnd);
        if (gt < 0) {
          if (!final) { carry = lt; break scan; }
          return corrupt(`thẻ dòng ${n} không đóng`, 'row tag');
        }
        pos = gt + 1;
        continue;
      }
    }
    let cellRow: number;
    let cellCol: number;
    let style: number;
    let type: number;
    let selfClose: boolean;
    let local = lt + 1;
    let j = first === 99 && xml.charCodeAt(lt + 2) === 32 ? readUsualCellTag(xml, lt + 3) : -1;
    if (j >= 0) {
      cellRow = refRow;
      cellCol = refCol;
      style = tagStyle;
      type = tagType;
      selfClose = tagSelfClosed;
    } else {
      // Element name, maybe prefixed (<x:c>).
      let nameEnd = lt + 1;
      for (;;) {
        const ch = xml.charCodeAt(nameEnd);
        if (ch === 58) local = nameEnd + 1;
        else if (ch === 62 || ch === 47 || isSpace(ch) || !(ch >= 0)) break;
        nameEnd++;
      }
      const localLen = nameEnd - local;
      const isCell = localLen === 1 && xml.charCodeAt(local) === 99;
      const isRow = localLen === 3 && xml.startsWith('row', local);
      if (!isCell && !isRow) {
        // A row may end with extensions (CT_Row: c*, extLst?); anything else has lost its place.
        if (localLen === 6 && xml.startsWith('extLst', local)) {
          const close = xml.indexOf(`</${xml.slice(lt + 1, nameEnd)}>`, nameEnd);
          const gt = xml.indexOf('>', nameEnd);
          if (gt > 0 && xml.charCodeAt(gt - 1) === 47) { pos = gt + 1; continue; }
          if (close < 0) {
            if (!final) { carry = lt; break scan; }
            return corrupt('có phần mở rộng không đóng', 'extLst');
          }
          pos = close + nameEnd - lt + 2;
          continue;
        }
        return corrupt(`có thẻ “<${xml.slice(lt + 1, Math.min(nameEnd, lt + 20))}>” nằm ngoài ô sau ô ${lastRow >= 0 ? a1(lastRow, Math.max(lastCol, 0)) : 'đầu tiên'}`, 'stray element');
      }

      // Attributes: only r, s and t matter; kept as positions [start, end) of their values, -1 when absent.
      let rAt = -1;
      let rEnd = -1;
      let sAt = -1;
      let sEnd = -1;
      let tAt = -1;
      let tEnd = -1;
      selfClose = false;
      j = nameEnd;
      for (;;) {
        let ch = xml.charCodeAt(j);
        while (isSpace(ch)) ch = xml.charCodeAt(++j);
        if (ch === 62) { j++; break; }
        if (ch === 47 && xml.charCodeAt(j + 1) === 62) { selfClose = true; j += 2; break; }
        const attrStart = j;
        while (ch !== 61 && !isSpace(ch) && ch !== 62 && ch >= 0) ch = xml.charCodeAt(++j);
        const attrLen = j - attrStart;
        while (isSpace(ch)) ch = xml.charCodeAt(++j);
        if (ch !== 61) {
          if (!final && j >= xml.length) { carry = lt; break scan; }
          return corrupt('có thuộc tính hỏng trong thẻ ô hoặc dòng', `attribute at ${attrStart}`);
        }
        ch = xml.charCodeAt(++j);
        while (isSpace(ch)) ch = xml.charCodeAt(++j);
        if (ch !== 34 && ch !== 39) {
          if (!final && j >= xml.length) { carry = lt; break scan; }
          return corrupt('có thuộc tính hỏng trong thẻ ô hoặc dòng', `attribute at ${attrStart}`);
        }
        const valueEnd = xml.indexOf(ch === 34 ? '"' : "'", j + 1);
        if (valueEnd < 0) {
          if (!final) { carry = lt; break scan; }
          return corrupt('có thuộc tính hỏng trong thẻ ô hoặc dòng', `attribute at ${attrStart}`);
        }
        if (attrLen === 1) {
          const a = xml.charCodeAt(attrStart);
          if (a === 114) { rAt = j + 1; rEnd = valueEnd; }
          else if (a === 115) { sAt = j + 1; sEnd = valueEnd; }
          else if (a === 116) { tAt = j + 1; tEnd = valueEnd; }
        }
        j = valueEnd + 1;
      }

      if (isRow) {
        pos = j;
        if (rAt >= 0) {
          const n = parseRowNumber(xml, rAt, rEnd);
          if (n > EXCEL_MAX_ROWS) return { problem: 'too_large', cell: `A${xml.slice(rAt, rEnd).trim()}` };
          if (n < 1) return corrupt(`có số dòng ${shown(xml.slice(rAt, rEnd))} không hợp lệ`, 'row r');
          row = n - 1;
        } else {
          row++;
          if (row >= EXCEL_MAX_ROWS) return { problem: 'too_large', cell: `A${row + 1}` };
        }
        col = -1;
        continue;
      }

      if (rAt >= 0) {
        const res = parseRefIn(xml, rAt, rEnd);
        if (res === REF_TOO_FAR) return { problem: 'too_large', cell: xml.slice(rAt, rEnd).trim() };
        if (res === REF_BAD) return corrupt(`có ô mang địa chỉ ${shown(xml.slice(rAt, rEnd))} không hợp lệ`, 'cell r');
        cellRow = refRow;
        cellCol = refCol;
      } else {
        cellRow = row < 0 ? 0 : row;
        cellCol = col + 1;
        if (cellCol >= EXCEL_MAX_COLUMNS) return { problem: 'too_large', cell: a1(cellRow, cellCol) };
      }
      style = sAt >= 0 ? indexIn(xml, sAt, sEnd) : -1;
      if (Number.isNaN(style)) return corrupt(`ô ${a1(cellRow, cellCol)} có số kiểu định dạng ${shown(xml.slice(sAt, sEnd))} không hợp lệ`, 'cell s');
      type = tAt < 0 ? TYPE_NUMBER : cellType(xml, tAt, tEnd);
      if (type === TYPE_UNKNOWN) return corrupt(`ô ${a1(cellRow, cellCol)} có kiểu dữ liệu ${shown(xml.slice(tAt, tEnd))} không có trong Excel`, 'cell t');
    }
    pos = j;
    if (type === TYPE_UNKNOWN) {
      const t = /\st\s*=\s*["']([^"']*)["']/.exec(xml.slice(lt, j));
      return corrupt(`ô ${a1(cellRow, cellCol)} có kiểu dữ liệu ${shown(t ? t[1] : '')} không có trong Excel`, 'cell t');
    }
    // In order: a later row, or a later column of the same row. Otherwise each address is kept and
    // a second cell at one address refused (which of two values Excel would show is not ours to guess).
    if (cellRow < lastRow || (cellRow === lastRow && cellCol <= lastCol)) {
      if (seen === null) return RESTART;
    }
    if (seen !== null) {
      const key = cellRow * EXCEL_MAX_COLUMNS + cellCol;
      if (seen.has(key)) return corrupt(`ô ${a1(cellRow, cellCol)} được ghi hai lần`, 'duplicate cell');
      seen.add(key);
    }
    // Kept to read the cell again from its start when the piece ends inside it.
    const lastBefore = lastRow;
    const lastColBefore = lastCol;
    const rowBefore = row;
    const colBefore = col;
    lastRow = cellRow;
    lastCol = cellCol;
    row = cellRow;
    col = cellCol;
    if (selfClose) continue;

    // Fast path: a lone <v>…</v> right before an unprefixed </c>. The first '<' after "<v>" opens
    // "</v></c>", so that </c> is the first one after the start tag, as the search below finds.
    let hasV: boolean;
    let vAt = 0;
    let vEnd = 0;
    let vRaw: string | null = null;
    let hasF: boolean;
    let inner = '';
    let next = -1;
    if (local === lt + 1 && xml.charCodeAt(j) === 60 && xml.charCodeAt(j + 1) === 118 && xml.charCodeAt(j + 2) === 62) {
      next = xml.indexOf('<', j + 3);
      if (next >= 0 && !isEndOfValueAndCell(xml, next)) next = -1;
    }
    if (next >= 0) {
      pos = next + 8;
      hasV = true;
      vAt = j + 3;
      vEnd = next;
      hasF = false;
    } else {
      const closeCell = local === lt + 1 ? '</c>' : `</${xml.slice(lt + 1, local)}c>`;
      const end = xml.indexOf(closeCell, j);
      if (end >= 0) inner = xml.slice(j, end);
      else if (!final) {
        // The cell goes on in the next piece: read again from its start tag, as if not met yet.
        if (seen !== null) seen.delete(cellRow * EXCEL_MAX_COLUMNS + cellCol);
        lastRow = lastBefore;
        lastCol = lastColBefore;
        row = rowBefore;
        col = colBefore;
        carry = lt;
        break scan;
      }
      if (end < 0 || inner.indexOf('sheetData>') >= 0) return corrupt(`ô ${a1(cellRow, cellCol)} thiếu thẻ đóng`, 'cell not closed');
      pos = end + closeCell.length;
      // A formula and its result as Excel writes them, <f>…</f><v>…</v>, read in place; any other
      // content is checked element by element first.
      const fEnd = inner.charCodeAt(0) === 60 && inner.charCodeAt(1) === 102 && inner.charCodeAt(2) === 62 ? inner.indexOf('<', 3) : -1;
      const resultStart = fEnd + 7;
      const resultEnd = fEnd > 0 && inner.startsWith('</f><v>', fEnd) ? inner.indexOf('<', resultStart) : -1;
      if (resultEnd > 0 && resultEnd === inner.length - 4 && inner.charCodeAt(resultEnd + 1) === 47 && inner.charCodeAt(resultEnd + 2) === 118 && inner.charCodeAt(resultEnd + 3) === 62) {
        hasV = true;
        vRaw = inner.slice(resultStart, resultEnd);
        hasF = true;
      } else {
        const why = cellContentProblem(inner);
        if (why !== null) return corrupt(`ô ${a1(cellRow, cellCol)} ${why}`, 'cell content');
        const v = findElement(inner, 'v');
        hasV = v !== null;
        vRaw = v ? inner.slice(v.innerStart, v.innerEnd) : '';
        hasF = F_ELEMENT.test(inner);
      }
    }

    let value: CellValue = null;
    if (type === TYPE_INLINE) {
      const is = findElement(inner, 'is');
      if (is) {
        const text = readItemOrNull(readItem, inner.slice(is.innerStart, is.innerEnd));
        if (text === null) return corrupt(`ô ${a1(cellRow, cellCol)} có văn bản với thẻ hỏng`, 'inline string');
        value = text;
      } else if (hasV) value = readValue((vRaw ??= xml.slice(vAt, vEnd)));
      // Shared strings were measured when their table was read; texts of the cell's own here.
      if (typeof value === 'string' && value.length > MAX_CELL_TEXT) return { problem: 'text_too_long', cell: a1(cellRow, cellCol), length: value.length };
    } else if (type === TYPE_STR) {
      if (hasV) value = readValue((vRaw ??= xml.slice(vAt, vEnd)));
      if (typeof value === 'string' && value.length > MAX_CELL_TEXT) return { problem: 'text_too_long', cell: a1(cellRow, cellCol), length: value.length };
    } else if (hasV && (vRaw === null ? vEnd > vAt : vRaw.length > 0)) {
      switch (type) {
        case TYPE_SHARED: {
          const idx = vRaw === null ? indexIn(xml, vAt, vEnd) : strictIndex(vRaw);
          const str = ctx.sharedStrings[idx];
          if (str === undefined) return corrupt(`ô ${a1(cellRow, cellCol)} trỏ tới chuỗi dùng chung ${shown((vRaw ??= xml.slice(vAt, vEnd)))} không có trong tệp`, 'shared string');
          if (tooLong !== undefined && tooLong.has(idx)) return { problem: 'text_too_long', cell: a1(cellRow, cellCol), length: str.length };
          value = str;
          break;
        }
        case TYPE_BOOLEAN: {
          const b = (vRaw ??= xml.slice(vAt, vEnd));
          if (b === '1' || b === 'true') value = true;
          else if (b === '0' || b === 'false') value = false;
          else return corrupt(`ô ${a1(cellRow, cellCol)} có giá trị đúng/sai ${shown(b)} không hợp lệ`, 'boolean');
          break;
        }
        case TYPE_ERROR: {
          const err = readValue((vRaw ??= xml.slice(vAt, vEnd))).trim();
          // Excel's error values (#DIV/0!, #N/A, #GETTING_DATA…) and LibreOffice's (Err:502).
          if (!/^#[A-Za-z0-9_/!?.]{1,30}$|^Err:\d{3}$/.test(err)) return corrupt(`ô ${a1(cellRow, cellCol)} có mã lỗi ${shown(err)} không hợp lệ`, 'error');
          value = err;
          errorCells.push({ address: a1(cellRow, cellCol), value: err });
          break;
        }
        case TYPE_DATE: {
          const text = readValue((vRaw ??= xml.slice(vAt, vEnd))).trim();
          const d = isoToDate(text, ctx.date1904);
          if (d === null) return corrupt(`ô ${a1(cellRow, cellCol)} có ngày giờ ${shown(text)} không đúng dạng ISO 8601`, 'iso date');
          value = d;
          break;
        }
        default: {
          const num = vRaw === null ? numberIn(xml, vAt, vEnd) : strictNumber(vRaw);
          if (Number.isNaN(num)) return corrupt(`ô ${a1(cellRow, cellCol)} có số ${shown((vRaw ??= xml.slice(vAt, vEnd)))} không đúng dạng`, 'number');
          value = num;
          // The style says whether the number is a date: one the file does not declare is damage.
          if (style > 0 && style >= styleCount) return corrupt(`ô ${a1(cellRow, cellCol)} dùng kiểu định dạng số ${style}, không có trong tệp`, 'cell s range');
          if (style >= 0 && anyDateStyle && ctx.dateStyles[style]) value = serialToDate(num, ctx.date1904) ?? num;
        }
      }
    } else if (hasV && (type !== TYPE_NUMBER || !hasF)) {
      // An empty <v/>: a formula not yet calculated may write one; a value of any other cell cannot
      // be empty ("" is no number, no index, no date).
      return corrupt(`ô ${a1(cellRow, cellCol)} có giá trị trống không hợp lệ`, 'empty value');
    }
    if (value === null) {
      if (hasF) formulasWithoutValue.push(a1(cellRow, cellCol));
      continue;
    }
    // Lines are filled left to right (packed arrays, padded with null), as cells come in a row.
    let line = rows[cellRow];
    if (line === undefined) {
      line = [];
      rows[cellRow] = line;
    }
    if (cellCol >= line.length) {
      while (line.length < cellCol) line.push(null);
      line.push(value);
    } else {
      line[cellCol] = value;
    }
    if (cellRow > maxRow) { maxRow = cellRow; farRowCell = { row: cellRow, col: cellCol }; }
    if (cellCol > maxCol) { maxCol = cellCol; farColCell = { row: cellRow, col: cellCol }; }
  }

  s.maxRow = maxRow;
  s.maxCol = maxCol;
  s.farRowCell = farRowCell;
  s.farColCell = farColCell;
  s.lastRow = lastRow;
  s.lastCol = lastCol;
  s.row = row;
  s.col = col;
  if (carry >= 0) return carry;
  s.dataEnd = dataEnd;
  return -1;
}

/** Merged ranges (read from `xml` past `dataEnd`, what follows sheetData) and the grid. */
function finishSheet(s: DataState, xml: string, dataEnd: number): SheetValues | SheetProblem {
  const { ctx, rows, maxRow, maxCol, farRowCell, farColCell, formulasWithoutValue, errorCells } = s;
  // Merged ranges: only the stretches from the '<' before a "mergeCell" to the end of its <mergeCells>
  // list are searched (not the formats and validation lists after it), each once, forwards.
  const merges: string[] = [];
  const mergeRe = /<(?:[\w.-]+:)?mergeCell\s[^<>]*?ref\s*=\s*["']([^"'<]*)["']/g;
  for (let from = dataEnd; ;) {
    const first = xml.indexOf('mergeCell', from);
    if (first < 0) break;
    const listEnd = xml.indexOf('mergeCells>', first + 9);
    const to = listEnd < 0 ? xml.length : listEnd;
    const mergeText = xml.slice(Math.max(from, xml.lastIndexOf('<', first)), to);
    let mm: RegExpExecArray | null;
    mergeRe.lastIndex = 0;
    while ((mm = mergeRe.exec(mergeText)) !== null) {
      const ref = mm[1].trim();
      const far = checkRange(ref);
      if (far) return { problem: 'too_large', cell: far };
      merges.push(ref);
    }
    if (listEnd < 0) break;
    from = listEnd + 11;
  }

  const area = (maxRow + 1) * (maxCol + 1);
  if (area > MAX_GRID_CELLS) {
    const byRow = (farRowCell.row + 1) * (farRowCell.col + 1);
    const byCol = (farColCell.row + 1) * (farColCell.col + 1);
    const far = byRow >= byCol ? farRowCell : farColCell;
    return { problem: 'too_large', cell: a1(far.row, far.col) };
  }
  // The workbook's sheets together: four sheets of five million cells each would be twenty million.
  if (ctx.cellBudget) {
    if (area > ctx.cellBudget.remaining) return { problem: 'too_many_cells', cells: area };
    ctx.cellBudget.remaining -= area;
  }

  const grid: Grid = [];
  const width = maxCol + 1;
  // Rows without a value are one row of nulls, shared and frozen (nothing writes into a read grid,
  // and nothing can): a far cell's empty rows are most of such a grid, 305 rows of 16,384 cells
  // for one value at XFD305, 40 MB if each were its own.
  let empty: CellValue[] | null = null;
  for (let r = 0; r <= maxRow; r++) {
    const line = rows[r];
    if (line === undefined) {
      empty ??= Object.freeze(new Array<CellValue>(width).fill(null)) as CellValue[];
      grid.push(empty);
      continue;
    }
    while (line.length < width) line.push(null);
    grid.push(line);
  }

  const cleared = clearMergedFollowers(grid, merges);
  if (cleared === 'overlap') return corrupt('có các vùng gộp ô chồng lên nhau', 'overlapping merged ranges');
  return { grid: cleared ? trimGrid(grid) : grid, merges, formulasWithoutValue, errorCells };
}

/** An item's text, or null when its markup is broken (xml.ts's MalformedText). */
function readItemOrNull(read: (raw: string) => string, raw: string): string | null {
  try {
    return read(raw);
  } catch (e) {
    if (e instanceof MalformedText) return null;
    throw e;
  }
}

/**
 * Only a merged range's top-left cell keeps its value, as Excel shows it. Works on the grid clipped
 * to its extent; a total clearing area beyond the grid's own size means overlapping ranges, which
 * Excel itself refuses to open.
 */
function clearMergedFollowers(grid: Grid, merges: string[]): boolean | 'overlap' {
  const height = grid.length;
  const width = height ? grid[0].length : 0;
  let budget = height * width + merges.length;
  let clearedAny = false;
  for (const ref of merges) {
    const [from, to = from] = ref.split(':');
    if (parseRef(from) !== REF_OK) continue;
    const r1 = refRow;
    const c1 = refCol;
    if (parseRef(to) !== REF_OK) continue;
    const top = Math.min(r1, refRow);
    const left = Math.min(c1, refCol);
    const bottom = Math.min(Math.max(r1, refRow), height - 1);
    const right = Math.min(Math.max(c1, refCol), width - 1);
    if (top >= height || left >= width) continue;
    budget -= (bottom - top + 1) * (right - left + 1);
    if (budget < 0) return 'overlap';
    for (let r = top; r <= bottom; r++) {
      const line = grid[r];
      for (let c = r === top ? left + 1 : left; c <= right; c++) {
        if (line[c] !== null) { line[c] = null; clearedAny = true; }
      }
    }
  }
  return clearedAny;
}

/** Drops trailing rows and columns that hold nothing. */
function trimGrid(grid: Grid): Grid {
  let height = grid.length;
  while (height > 0 && grid[height - 1].every((v) => v === null)) height--;
  let width = 0;
  for (let r = 0; r < height; r++) {
    const line = grid[r];
    for (let c = line.length - 1; c >= width; c--) if (line[c] !== null) { width = c + 1; break; }
  }
  const out = grid.slice(0, height);
  for (let r = 0; r < height; r++) if (out[r].length !== width) out[r] = out[r].slice(0, width);
  return out;
}
