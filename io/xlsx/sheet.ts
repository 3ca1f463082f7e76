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
import { findElement } from './xml';

export interface SheetContext {
  sharedStrings: string[];
  /** By cellXfs index: does this style show numbers as dates? */
  dateStyles: boolean[];
  date1904: boolean;
  /** The part was read as binary text (binary-text.ts): texts taken out are UTF-8 decoded. */
  binary?: boolean;
}

export interface SheetValues {
  grid: Grid;
  merges: string[];
  formulasWithoutValue: string[];
  errorCells: { address: string; value: string }[];
}

export type SheetProblem = { problem: 'too_large'; cell: string } | { problem: 'corrupt'; detail: string };

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

// A cell's t attribute; anything else reads as a number, as 'n' does.
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
    return c === 115 ? TYPE_SHARED : c === 98 ? TYPE_BOOLEAN : c === 101 ? TYPE_ERROR : c === 100 ? TYPE_DATE : TYPE_NUMBER;
  }
  if (n === 3 && xml.startsWith('str', at)) return TYPE_STR;
  if (n === 9 && xml.startsWith('inlineStr', at)) return TYPE_INLINE;
  return TYPE_NUMBER;
}

/**
 * Number(xml.slice(at, end)), whole numbers of up to 15 digits read in place (cell values, shared-string
 * and style indexes).
 */
function numberIn(xml: string, at: number, end: number): number {
  const n = end - at;
  if (n === 0 || n > 15) return Number(xml.slice(at, end));
  let v = 0;
  for (let i = at; i < end; i++) {
    const c = xml.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return Number(xml.slice(at, end));
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
function isoToDate(text: string): Date | null {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return null;
  const zone = m[8] ?? 'Z';
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}${m[7] ?? ''}${zone === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

function checkRange(ref: string): string | null {
  for (const part of ref.split(':')) {
    if (parseRef(part.trim()) === REF_TOO_FAR) return part.trim();
  }
  return null;
}

export function readSheetXml(xml: string, ctx: SheetContext): SheetValues | SheetProblem {
  const readItem = itemReader(ctx.binary === true);
  const anyDateStyle = ctx.dateStyles.includes(true);
  const readValue = valueReader(ctx.binary === true);
  const dataStart = xml.search(/<([\w.-]+:)?sheetData(?=[\s/>])/);
  const head = dataStart < 0 ? xml : xml.slice(0, dataStart);
  const dim = /<(?:[\w.-]+:)?dimension\s[^<>]*?ref\s*=\s*["']([^"'<]*)["']/.exec(head);
  if (dim) {
    const far = checkRange(dim[1]);
    if (far) return { problem: 'too_large', cell: far };
  }

  const rows: CellValue[][] = [];
  const formulasWithoutValue: string[] = [];
  const errorCells: { address: string; value: string }[] = [];
  let maxRow = -1;
  let maxCol = -1;
  let farRowCell = { row: 0, col: 0 };
  let farColCell = { row: 0, col: 0 };
  let dataEnd = dataStart < 0 ? 0 : dataStart;

  if (dataStart >= 0) {
    const open = /<([\w.-]+:)?sheetData((?:[^<>"']|"[^<"]*"|'[^<']*')*)>/y;
    open.lastIndex = dataStart;
    const om = open.exec(xml);
    if (!om) return { problem: 'corrupt', detail: 'sheetData' };
    const selfClosing = om[2].endsWith('/');
    const closeTag = `</${om[1] ?? ''}sheetData>`;
    // The end of sheetData is met by the scan itself (not searched for first: that would read the data twice).
    const closeMark = closeTag.charCodeAt(2);
    let closed = selfClosing;
    dataEnd = open.lastIndex;

    let row = -1;
    let col = -1;
    let pos = open.lastIndex;
    while (!closed) {
      // indexOf, even for the next tag a few characters on: V8's native search beats a character loop.
      const lt = xml.indexOf('<', pos);
      if (lt < 0) return { problem: 'corrupt', detail: 'sheetData not closed' };
      const first = xml.charCodeAt(lt + 1);
      if (first === 47 /* </ */) {
        if (xml.charCodeAt(lt + 2) === closeMark && xml.startsWith(closeTag, lt)) {
          closed = true;
          dataEnd = lt + closeTag.length;
        }
        pos = lt + 2;
        continue;
      }
      if (first === 63 /* <? */) { pos = lt + 2; continue; }
      if (first === 33 /* <! */) {
        const close = xml.startsWith('<!--', lt) ? xml.indexOf('-->', lt + 4) : xml.indexOf('>', lt);
        if (close < 0) return { problem: 'corrupt', detail: 'unclosed comment' };
        pos = close + 1;
        continue;
      }
      if (first === 114 && xml.charCodeAt(lt + 2) === 111 && xml.charCodeAt(lt + 3) === 119 && xml.charCodeAt(lt + 4) === 32) {
        // <row r="12" …>: the number, read in one pass; the rest of the tag is passed over as text.
        const n = readUsualRowNumber(xml, lt + 5);
        if (n > 0) {
          row = n - 1;
          col = -1;
          pos = tagEnd;
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
        if (!isCell && !isRow) { pos = nameEnd; continue; }

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
          if (ch !== 61) return { problem: 'corrupt', detail: `attribute at ${attrStart}` };
          ch = xml.charCodeAt(++j);
          while (isSpace(ch)) ch = xml.charCodeAt(++j);
          if (ch !== 34 && ch !== 39) return { problem: 'corrupt', detail: `attribute at ${attrStart}` };
          const valueEnd = xml.indexOf(ch === 34 ? '"' : "'", j + 1);
          if (valueEnd < 0) return { problem: 'corrupt', detail: `attribute at ${attrStart}` };
          if (attrLen === 1) {
            const a = xml.charCodeAt(attrStart);
            if (a === 114) { rAt = j + 1; rEnd = valueEnd; }
            else if (a === 115) { sAt = j + 1; sEnd = valueEnd; }
            else if (a === 116) { tAt = j + 1; tEnd = valueEnd; }
          }
          j = valueEnd + 1;
          // A row needs only its number: the rest of its tag (spans, heights) is passed over as text.
          if (isRow && rAt >= 0) break;
        }

        if (isRow) {
          pos = j;
          if (rAt >= 0) {
            const n = parseRowNumber(xml, rAt, rEnd);
            if (n > EXCEL_MAX_ROWS) return { problem: 'too_large', cell: `A${xml.slice(rAt, rEnd).trim()}` };
            if (n < 1) return { problem: 'corrupt', detail: `row r="${xml.slice(rAt, rEnd)}"` };
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
          if (res === REF_BAD) return { problem: 'corrupt', detail: `cell r="${xml.slice(rAt, rEnd)}"` };
          cellRow = refRow;
          cellCol = refCol;
        } else {
          cellRow = row < 0 ? 0 : row;
          cellCol = col + 1;
          if (cellCol >= EXCEL_MAX_COLUMNS) return { problem: 'too_large', cell: a1(cellRow, cellCol) };
        }
        style = sAt >= 0 ? numberIn(xml, sAt, sEnd) : -1;
        type = tAt < 0 ? TYPE_NUMBER : cellType(xml, tAt, tEnd);
      }
      pos = j;
      row = cellRow;
      col = cellCol;
      if (selfClose) continue;

      // Fast path: a lone <v>…</v> right before an unprefixed </c>. The first '<' after "<v>" opens
      // "</v></c>", so that </c> is the first one after the start tag, as the search below finds.
      let end: number;
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
        end = next + 4;
        pos = end + 4;
        hasV = true;
        vAt = j + 3;
        vEnd = next;
        hasF = false;
      } else {
        const closeCell = local === lt + 1 ? '</c>' : `</${xml.slice(lt + 1, local)}c>`;
        end = xml.indexOf(closeCell, j);
        if (end >= 0) inner = xml.slice(j, end);
        if (end < 0 || inner.indexOf('sheetData>') >= 0) return { problem: 'corrupt', detail: `cell ${a1(cellRow, cellCol)} not closed` };
        pos = end + closeCell.length;
        const v = findElement(inner, 'v');
        hasV = v !== null;
        vRaw = v ? inner.slice(v.innerStart, v.innerEnd) : '';
        hasF = F_ELEMENT.test(inner);
      }

      let value: CellValue = null;
      if (type === TYPE_INLINE) {
        const is = findElement(inner, 'is');
        if (is) value = readItem(inner.slice(is.innerStart, is.innerEnd));
        else if (hasV) value = readValue((vRaw ??= xml.slice(vAt, vEnd)));
      } else if (type === TYPE_STR) {
        if (hasV) value = readValue((vRaw ??= xml.slice(vAt, vEnd)));
      } else if (hasV && (vRaw === null ? vEnd > vAt : vRaw.length > 0)) {
        switch (type) {
          case TYPE_SHARED: {
            const idx = vRaw === null ? numberIn(xml, vAt, vEnd) : Number(vRaw);
            const str = ctx.sharedStrings[idx];
            if (str === undefined) return { problem: 'corrupt', detail: `cell ${a1(cellRow, cellCol)}: shared string ${(vRaw ??= xml.slice(vAt, vEnd))}` };
            value = str;
            break;
          }
          case TYPE_BOOLEAN: {
            const b = (vRaw ??= xml.slice(vAt, vEnd)).trim().toLowerCase();
            value = b === '1' || b === 'true';
            break;
          }
          case TYPE_ERROR: {
            const err = readValue((vRaw ??= xml.slice(vAt, vEnd))).trim();
            value = err;
            errorCells.push({ address: a1(cellRow, cellCol), value: err });
            break;
          }
          case TYPE_DATE: {
            const text = readValue((vRaw ??= xml.slice(vAt, vEnd)));
            value = isoToDate(text) ?? text;
            break;
          }
          default: {
            const num = vRaw === null ? numberIn(xml, vAt, vEnd) : Number(vRaw);
            if (Number.isNaN(num)) return { problem: 'corrupt', detail: `cell ${a1(cellRow, cellCol)}: number "${(vRaw ??= xml.slice(vAt, vEnd))}"` };
            value = num;
            if (style >= 0 && anyDateStyle && ctx.dateStyles[style]) value = serialToDate(num, ctx.date1904) ?? num;
          }
        }
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
  }

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

  if ((maxRow + 1) * (maxCol + 1) > MAX_GRID_CELLS) {
    const byRow = (farRowCell.row + 1) * (farRowCell.col + 1);
    const byCol = (farColCell.row + 1) * (farColCell.col + 1);
    const far = byRow >= byCol ? farRowCell : farColCell;
    return { problem: 'too_large', cell: a1(far.row, far.col) };
  }

  const grid: Grid = [];
  const width = maxCol + 1;
  for (let r = 0; r <= maxRow; r++) {
    const line = rows[r] ?? [];
    while (line.length < width) line.push(null);
    grid.push(line);
  }

  const cleared = clearMergedFollowers(grid, merges);
  if (cleared === 'overlap') return { problem: 'corrupt', detail: 'overlapping merged ranges' };
  return { grid: cleared ? trimGrid(grid) : grid, merges, formulasWithoutValue, errorCells };
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
