/**
 * Values-only .xlsx reader, for Node and the browser (its own inflater, no Node built-ins, no DOM).
 *
 * Why not exceljs: its full load builds an object model we do not need (about 70% of its time), its
 * streaming reader corrupts Vietnamese text across chunk boundaries, it has no size cap, it ignores
 * date1904="true", repeats a merged range's value in every cell, and it allocates per a hostile
 * reference such as A900000000.
 *
 * Design:
 * - the bytes are sniffed first (sniff.ts): .xls, encrypted, .ods, .xlsb, HTML, CSV and cut-off files
 *   are refused by their content, never their extension;
 * - the ZIP central directory is read by hand (zip.ts); the declared sizes of all entries must fit
 *   `maxInflatedBytes`. Each entry we read is inflated with its output counted as it comes (the host's
 *   inflater capped, or inflate-pieces.ts): output past the declared size or the budget refuses the
 *   file, so lying headers are caught before anything past the limit is kept;
 * - only workbook.xml, its relationships, sharedStrings.xml, styles.xml and the wanted sheets are
 *   inflated, and the small parts only when their stored bytes differ from the last workbook's
 *   (keptParts); sheet.ts scans each `<sheetData>` by hand (indexOf, character codes), no DOM; end
 *   tags are found with indexOf, never by backtracking patterns, so hostile XML stays linear;
 * - a host may hand in a binary-text decoder (binary-text.ts): sheets and shared strings are then
 *   scanned as one-byte text and only the texts taken out are decoded from UTF-8;
 * - on every host, a sheet or shared strings of 1 MB or more is inflated 64 KB at a time
 *   (inflate-pieces.ts) and each piece used as it comes — a sheet's made binary text and scanned
 *   (sheet.ts's SheetScan, which gives what the whole part's scan gives), the shared strings' runs too
 *   long for any cell left out — so that neither its bytes nor its text are ever held whole (a 30 MB
 *   part read in about 2 MB);
 * - values only: formulas give their cached result; numbers whose style is a date format become
 *   Dates at UTC midnight plus the time fraction, honouring date1904 ("1" or "true") of the main
 *   namespace's workbookPr only (Excel 2013's x15:workbookPr beside it says nothing of dates);
 * - what is damaged is refused, never read wrong: every part read has its CRC-32 and its UTF-8 checked
 *   (checks.ts, or the host's native ones, which agree); numbers are read in their XML Schema form,
 *   indexes as plain integers; unknown cell types, text or stray tags between cells, a cell holding
 *   another, a cell written twice, a sheet part without sheetData, shared strings or styles that lost
 *   an item (their declared counts) are refused with the sheet and cell where known;
 * - bounds: a cell's text at most 32,767 characters (Excel's own), at most 5 million cells (each
 *   sheet's rectangle from A1) in the whole workbook, besides the inflated-bytes budget.
 *
 * Speed (measured by hand on a 2-core machine, 14 KB two-sheet annex workbook): about 1.6 ms, some
 * 600 files/s, against about 120 files/s for exceljs's `xlsx.load` in the same run.
 *
 * Limits: rows past 1,048,576 or columns past XFD anywhere in a reference refuse the file; a grid
 * larger than 5 million cells (from A1 to the last value) refuses it too; entries we do not read
 * (images, charts) are only checked by their declared size; serial dates before 1 March 1900 are a
 * day off (Excel's 1900 leap-year bug), as in exceljs; formulas are not evaluated; number formats
 * other than "is it a date" are not applied (0.955 shown as 95,5% reads 0.955).
 * Never throws: every failure is a Parsed failure with a Vietnamese reason.
 */
import type { Grid } from '../../shared/cell';
import { ok, type Parsed } from '../../shared/result';
import { crc32 as jsCrc32, isUtf8 as jsIsUtf8, Utf8Pieces, type Crc32, type IsUtf8 } from './checks';
import { INFLATE_PIECE_BYTES, inflatePieces } from './inflate-pieces';
import { DEFAULT_MAX_INFLATED_BYTES, MAX_WORKBOOK_CELLS } from './limits';
import { fileProblem } from './messages';
import { elideLongRuns, ElideRunPieces, parseDateStyles, parseRelationships, parseSharedStrings, parseWorkbook, relsPathFor } from './parts';
import { isSheetProblem, readSheetXml, RESTART, SheetScan, type SheetContext, type SheetProblem, type SheetValues } from './sheet';
import { isUtf16, jsBinaryText, type BinaryText } from './binary-text';
import { sniffPackage } from './sniff';
import { MalformedText, partText } from './xml';
import { itemReader, lastSharedStrings } from './text-items';
import { asBytes, entryData, inflateEntry, isZipProblem, type InflateBudget, type InflateRaw, type ZipDirectory, type ZipEntry, type ZipProblem } from './zip';

export interface XlsxSheetValues {
  name: string;
  hidden: boolean;
  grid: Grid;
  /** Merged ranges as written in the file ("A1:C1"); only the top-left cell keeps a value in `grid`. */
  merges: string[];
  /** Cells with a formula but no cached result (the file was never recalculated): null in `grid`. */
  formulasWithoutValue: string[];
  /** Cells showing an error ('#DIV/0!', '#N/A'…), which is also their value in `grid`. */
  errorCells: { address: string; value: string }[];
}

export interface XlsxWorkbookValues {
  sheets: XlsxSheetValues[];
  date1904: boolean;
}

export interface ReadXlsxOptions {
  /** Inflated bytes allowed for the whole package; default 50 MB. */
  maxInflatedBytes?: number;
  /** Which sheets to read, by tab name; others are neither inflated nor returned. */
  sheetFilter?: (name: string) => boolean;
  /** Shown in messages ("Tệp "xa-an-phu.xlsx" …"). */
  fileName?: string;
  /**
   * The host's raw inflater, capped as zip.ts describes; default the reader's own (inflate-pieces.ts).
   * Node passes one built on `zlib.inflateRawSync` (about twice as fast); io/ never imports Node built-ins.
   */
  inflate?: InflateRaw;
  /**
   * The host's bytes → binary text (one character per byte; Node: `toString('latin1')`): sheets and
   * shared strings are then scanned without decoding them whole (binary-text.ts). Default: UTF-8.
   */
  binaryText?: BinaryText;
  /** The host's CRC-32 (Node: `zlib.crc32`); default checks.ts's. Every part read is checked with it. */
  crc32?: Crc32;
  /** The host's UTF-8 check (Node: `buffer.isUtf8`); default checks.ts's. Every part read is checked with it. */
  isUtf8?: IsUtf8;
  /**
   * Called each time the reader has let go of a part of at least LARGE_PART_BYTES (its bytes and its
   * text), before it reads the next one: a host that can collect garbage at will (Node) does, so
   * that a file's large parts are never held at once (engines free large strings and bytes lazily).
   */
  afterLargePart?: () => void;
  /**
   * Inflated size (declared) from which a sheet or the shared strings are read as they are inflated,
   * never whole (default STREAM_PART_BYTES), on every host: without `binaryText`, such a part's pieces
   * are made binary text in plain JavaScript. Tests set it low to read small parts that way.
   */
  streamPartBytes?: number;
}

/**
 * A sheet or shared strings this large (inflated) is read as it is inflated (streamPart): its bytes and
 * its whole text are never held. Smaller parts, a report's (some 50 KB), are inflated whole by the host
 * (zlib, about twice as fast). At 4 MB, a 4-million-letter string just under it cost its bytes while
 * its file was read (measured, five such files among 1,000 reports: +6 to +9 MB at the peak; at 1 MB, none).
 */
export const STREAM_PART_BYTES = 1 << 20;

/** A part this large (inflated) is let go of with afterLargePart; a report's parts are some 50 KB. */
export const LARGE_PART_BYTES = 8 << 20;

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;
const REL_WORKSHEET = /\/worksheet$/;
const REL_SHARED_STRINGS = /\/sharedStrings$/;
const REL_STYLES = /\/styles$/;
/** Matches the empty text: run to make the engine forget the subject of the last match. */
const FORGET_LAST_MATCH = /^/;

/**
 * The small parts of the last workbook read (relationships, workbook.xml, styles.xml), parsed, by
 * their stored bytes: workbooks made from one template share them byte for byte, so a batch inflates
 * and parses them once. A part is taken from here only when its stored bytes, path, method and size
 * are all the same as the kept one's; what is kept is never modified by the reader.
 */
interface KeptPart { path: string; method: number; size: number; crc: number; stored: Uint8Array; value: unknown }
const keptParts = new Map<string, KeptPart>();
const MAX_KEPT_STORED = 256 * 1024;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

class Refusal {
  constructor(readonly result: Parsed<never>) {}
}

/**
 * Reads every worksheet's values. Chart sheets are skipped. Does not modify `bytes`.
 * `readXlsxValues(bytes)` → `{ ok: true, value: { date1904: false, sheets: [{ name: 'Phụ lục 1', grid: [['STT', 'Chỉ tiêu', …], …], … }] } }`.
 */
export function readXlsxValues(input: Uint8Array, opts: ReadXlsxOptions = {}): Parsed<XlsxWorkbookValues> {
  const fileName = opts.fileName;
  const limit = opts.maxInflatedBytes ?? DEFAULT_MAX_INFLATED_BYTES;
  try {
    const bytes = asBytes(input) ?? new Uint8Array(0);
    const sniffed = sniffPackage(bytes, fileName, limit);
    if (!sniffed.ok) return sniffed;
    return ok(readPackage(bytes, sniffed.value, limit, opts));
  } catch (e) {
    if (e instanceof Refusal) return e.result;
    return fileProblem('file.corrupt', fileName);
  }
}

function readPackage(bytes: Uint8Array, dir: ZipDirectory, limit: number, opts: ReadXlsxOptions): XlsxWorkbookValues {
  const fileName = opts.fileName;
  const budget: InflateBudget = { remaining: limit };

  const entryOf = (path: string, required: boolean): ZipEntry | null => {
    const entry = dir.byName.get(path.toLowerCase());
    if (!entry && required) throw new Refusal(fileProblem('file.corrupt', fileName, { part: path }));
    return entry ?? null;
  };
  const zipRefusal = (problem: ZipProblem, path: string): Refusal => {
    if (problem.problem === 'too_big') return new Refusal(fileProblem('file.zip_bomb', fileName, { limitBytes: limit }));
    return new Refusal(fileProblem(problem.problem === 'truncated' ? 'file.truncated' : 'file.corrupt', fileName, { part: path }));
  };
  const crc = opts.crc32 ?? jsCrc32;
  const validUtf8 = opts.isUtf8 ?? jsIsUtf8;
  /** A part's bytes, inflated, their CRC-32 checked and (unless UTF-16) their UTF-8 checked. */
  const inflated = (entry: ZipEntry, path: string, sheet?: string): Uint8Array => {
    const raw = inflateEntry(bytes, entry, budget, opts.inflate, crc);
    if (isZipProblem(raw)) throw zipRefusal(raw, path);
    if (!isUtf16(raw) && !validUtf8(raw)) throw new Refusal(fileProblem('file.bad_text', fileName, { sheet, part: path }));
    return raw;
  };
  const malformed = (path: string, reason = 'có văn bản với thẻ hỏng') => new Refusal(fileProblem('file.corrupt', fileName, { part: path, reason }));
  /** A small part, parsed, or the kept parse of the same stored bytes (see keptParts). */
  const smallPart = <T>(kind: string, path: string, required: boolean, parse: (text: string) => T): T | null => {
    const entry = entryOf(path, required);
    if (!entry) return null;
    const stored = entryData(bytes, entry);
    if (isZipProblem(stored)) throw zipRefusal(stored, path);
    const kept = keptParts.get(kind);
    if (kept && kept.path === path && kept.method === entry.method && kept.size === entry.size && kept.crc === entry.crc && sameBytes(kept.stored, stored)) {
      return kept.value as T;
    }
    let value: T;
    try {
      value = parse(partText(inflated(entry, path)));
    } catch (e) {
      if (e instanceof MalformedText) throw malformed(path, kind === 'styles' ? 'phần định dạng ô mất thẻ, ngày tháng có thể bị đọc thành số' : 'có thẻ hỏng');
      throw e;
    }
    if (stored.length <= MAX_KEPT_STORED) keptParts.set(kind, { path, method: entry.method, size: entry.size, crc: entry.crc, stored: stored.slice(), value });
    return value;
  };
  const streamFrom = opts.streamPartBytes ?? STREAM_PART_BYTES;
  /** Binary text of a piece of a large part: the host's, else plain JavaScript's (browsers, Apps Script). */
  const pieceText = opts.binaryText ?? jsBinaryText;
  /**
   * A large part read piece by piece (inflate-pieces.ts): each piece handed to `consume` as it is
   * inflated, its CRC-32 and UTF-8 checked as it goes, so that the part's bytes are never held whole.
   * Refused as a whole read refuses it, in the same order: a part too big, damaged (deflate data,
   * CRC-32) or not UTF-8 is refused as such even when `consume` has already seen enough (`consume`
   * returns true: the rest is inflated and checked only). False, with nothing consumed, for a UTF-16
   * part (its first bytes say so): the caller reads it whole.
   */
  const streamPart = (entry: ZipEntry, path: string, sheet: string | undefined, consume: (piece: Uint8Array) => boolean | void): boolean => {
    const data = entryData(bytes, entry);
    if (isZipProblem(data)) throw zipRefusal(data, path);
    if (entry.method !== 0 && entry.method !== 8) throw zipRefusal({ problem: 'corrupt', detail: `${path}: compression method ${entry.method}` }, path);
    const declared = entry.method === 0 ? data.length : entry.size;
    if (declared > budget.remaining) throw zipRefusal({ problem: 'too_big', detail: path }, path);
    let first = true;
    let utf16 = false;
    let consuming = true;
    let check = 0;
    const utf8 = new Utf8Pieces(validUtf8);
    const each = (piece: Uint8Array): boolean => {
      if (first) {
        first = false;
        if (isUtf16(piece)) return (utf16 = true);
      }
      check = crc(piece, check);
      utf8.push(piece);
      if (consuming && consume(piece) === true) consuming = false;
      return false;
    };
    let produced: number | null;
    if (entry.method === 0) {
      for (let at = 0; at < data.length && !utf16; at += INFLATE_PIECE_BYTES) each(data.subarray(at, Math.min(data.length, at + INFLATE_PIECE_BYTES)));
      produced = data.length;
    } else {
      try {
        produced = inflatePieces(data, entry.size, each);
      } catch {
        throw zipRefusal({ problem: 'corrupt', detail: path }, path);
      }
      if (produced === null) throw zipRefusal({ problem: 'too_big', detail: path }, path);
    }
    if (utf16) return false;
    budget.remaining -= produced;
    if (check !== entry.crc) throw zipRefusal({ problem: 'corrupt', detail: `${path}: CRC-32` }, path);
    if (!utf8.end()) throw new Refusal(fileProblem('file.bad_text', fileName, { sheet, part: path }));
    return true;
  };
  /**
   * A large part (a sheet, the shared strings) as binary text when the host can, else as UTF-8 text;
   * `size`, its inflated bytes. The shared strings' runs of text too long for any item are left out
   * before the text is made (elideLongRuns): `elided` says so.
   */
  const largePart = (path: string, required: boolean, sheet?: string, elide = false): { text: string; binary: boolean; size: number; elided: boolean } | null => {
    const entry = entryOf(path, required);
    if (!entry) return null;
    if (elide && entry.size >= streamFrom) {
      // The shared strings, large: elided as they are inflated, so a hostile string is never held.
      const runs = new ElideRunPieces();
      if (streamPart(entry, path, sheet, (piece) => runs.push(piece))) {
        const { bytes: kept, elided } = runs.end();
        return { text: pieceText(kept), binary: true, size: entry.size, elided };
      }
    }
    let raw = inflated(entry, path, sheet);
    const size = raw.length;
    let elided = false;
    if (elide && !isUtf16(raw)) ({ bytes: raw, elided } = elideLongRuns(raw));
    if (opts.binaryText && !isUtf16(raw)) return { text: opts.binaryText(raw), binary: true, size, elided };
    return { text: partText(raw), binary: false, size, elided };
  };
  const letGo = (size: number): void => {
    if (size < LARGE_PART_BYTES) return;
    // The last regular-expression match keeps its whole subject (RegExp.input, RegExp.lastMatch):
    // the part's text stays alive through it until another match, unless a match on nothing now.
    FORGET_LAST_MATCH.exec('');
    opts.afterLargePart?.();
  };

  let workbookPath = 'xl/workbook.xml';
  const rootRels = smallPart('rootRels', '_rels/.rels', false, (text) => parseRelationships(text, ''));
  if (rootRels) {
    for (const rel of rootRels.values()) {
      if (REL_OFFICE_DOCUMENT.test(rel.type) && dir.byName.has(rel.path.toLowerCase())) { workbookPath = rel.path; break; }
    }
  }
  const workbook = smallPart('workbook', workbookPath, true, parseWorkbook)!;
  const rels = smallPart('workbookRels', relsPathFor(workbookPath), true, (text) => parseRelationships(text, workbookPath))!;

  let sharedStringsPath: string | undefined;
  let stylesPath: string | undefined;
  for (const rel of rels.values()) {
    if (REL_SHARED_STRINGS.test(rel.type)) sharedStringsPath = rel.path;
    else if (REL_STYLES.test(rel.type)) stylesPath = rel.path;
  }
  if (workbook.sheets.length === 0) throw new Refusal(fileProblem('file.corrupt', fileName, { part: workbookPath }));
  const named = new Set<string>();
  const wanted = workbook.sheets.filter((s) => {
    const rel = rels.get(s.relId);
    if (rel === undefined) throw new Refusal(fileProblem('file.corrupt', fileName, { sheet: s.name }));
    named.add(s.relId);
    // Chart sheets, dialog and macro sheets hold no cell values.
    return REL_WORKSHEET.test(rel.type) && (!opts.sheetFilter || opts.sheetFilter(s.name));
  });
  // A worksheet the relationships list but no sheet names: its <sheet> entry was lost, and with it a sheet.
  for (const [id, rel] of rels) {
    if (REL_WORKSHEET.test(rel.type) && !named.has(id)) throw new Refusal(fileProblem('file.corrupt', fileName, { part: workbookPath }));
  }

  let shared = sharedStringsPath ? largePart(sharedStringsPath, true, undefined, true) : null;
  const tooLongStrings = new Set<number>();
  let sharedStrings: string[] = [];
  if (shared) {
    try {
      sharedStrings = parseSharedStrings(shared.text, itemReader(shared.binary), lastSharedStrings(shared.binary), tooLongStrings, shared.elided);
    } catch (e) {
      if (e instanceof MalformedText) throw malformed(sharedStringsPath!);
      throw e;
    }
    const size = shared.size;
    shared = null;
    letGo(size);
  }
  const dateStyles = (stylesPath ? smallPart('styles', stylesPath, true, parseDateStyles) : null) ?? [];
  const ctx: SheetContext = {
    sharedStrings,
    dateStyles,
    styleCount: dateStyles.length,
    tooLongStrings,
    date1904: workbook.date1904,
    cellBudget: { remaining: MAX_WORKBOOK_CELLS },
  };

  /**
   * A large sheet scanned piece by piece: inflated INFLATE_PIECE_BYTES at a time (streamPart), each
   * piece turned into binary text and scanned as it comes (SheetScan), so that neither the part's
   * bytes nor its text are ever held whole. A UTF-16 part is read whole, as text, as it always was.
   */
  const scannedInPieces = (entry: ZipEntry, path: string, sheet: string): SheetValues | SheetProblem => {
    const binaryText = pieceText;
    const budgetBefore = budget.remaining;
    for (const careful of [false, true]) {
      budget.remaining = budgetBefore;
      ctx.binary = true;
      const scan = new SheetScan(ctx, careful);
      // One piece held back, so that the last one is scanned as the last.
      let held: string | null = null;
      let scanned: SheetValues | SheetProblem | typeof RESTART | null = null;
      const streamed = streamPart(entry, path, sheet, (piece) => {
        if (held !== null) scanned = scan.push(held, false);
        held = binaryText(piece);
        return scanned !== null;
      });
      if (!streamed) {
        ctx.binary = false;
        return readSheetXml(partText(inflated(entry, path, sheet)), ctx);
      }
      // Set by the callback, which TypeScript's narrowing does not see.
      const seen = scanned as SheetValues | SheetProblem | typeof RESTART | null;
      const result = seen ?? scan.push(held ?? '', true);
      held = null;
      if (result === RESTART) continue;
      if (result === null) throw new Error('sheet scan gave nothing at the end');
      return result;
    }
    throw new Error('sheet read again twice');
  };
  const sheets: XlsxSheetValues[] = [];
  for (const s of wanted) {
    const path = rels.get(s.relId)!.path;
    const entry = entryOf(path, true)!;
    let scanned: SheetValues | SheetProblem;
    if (entry.size >= streamFrom) scanned = scannedInPieces(entry, path, s.name);
    else {
      let part = largePart(path, true, s.name);
      ctx.binary = part!.binary;
      scanned = readSheetXml(part!.text, ctx);
      part = null;
    }
    letGo(entry.size);
    if (isSheetProblem(scanned)) {
      switch (scanned.problem) {
        case 'too_large':
          throw new Refusal(fileProblem('file.too_large_sheet', fileName, { sheet: s.name, cell: scanned.cell }));
        case 'too_many_cells':
          throw new Refusal(fileProblem('file.too_many_cells', fileName, { sheet: s.name }));
        case 'text_too_long':
          throw new Refusal(fileProblem('file.text_too_long', fileName, { sheet: s.name, cell: scanned.cell }));
        default:
          throw new Refusal(fileProblem('file.corrupt', fileName, { sheet: s.name, reason: scanned.reason }));
      }
    }
    sheets.push({ name: s.name, hidden: s.hidden, ...scanned });
  }
  return { sheets, date1904: workbook.date1904 };
}
