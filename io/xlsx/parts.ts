/**
 * The small parts of a workbook package: relationships, workbook.xml (sheets, date system),
 * sharedStrings.xml and styles.xml (which cell styles show numbers as dates).
 */
import { ownCopy } from '../../shared/text/memo';
import { itemReader, type ItemReader, type SharedStringsMemo } from './text-items';
import { attributeByLocalName, MalformedText, parseAttributes } from './xml';

// '<' cannot appear inside a tag, so every attempt stops at the next '<': matching stays linear.
const ATTRS = `((?:[^<>"']|"[^<"]*"|'[^<']*')*)`;

/** Every start tag with this local name, any prefix: its attributes and whether it closes itself. */
function eachStartTag(xml: string, localName: string, visit: (attrs: Record<string, string>) => void): void {
  const re = new RegExp(`<(?:[\\w.-]+:)?${localName}(?=[\\s/>])${ATTRS}>`, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) visit(parseAttributes(m[1].replace(/\/$/, '')));
}

/** Content between `<name …>` and `</name>` (first occurrence, any prefix), or null. */
export function elementContent(xml: string, localName: string, from = 0): { inner: string; end: number } | null {
  const re = new RegExp(`<([\\w.-]+:)?${localName}(?=[\\s/>])${ATTRS}>`, 'g');
  re.lastIndex = from;
  const m = re.exec(xml);
  if (!m) return null;
  if (m[2].endsWith('/')) return { inner: '', end: re.lastIndex };
  const close = `</${m[1] ?? ''}${localName}>`;
  const at = xml.indexOf(close, re.lastIndex);
  if (at < 0) return null;
  return { inner: xml.slice(re.lastIndex, at), end: at + close.length };
}

export interface Relationship {
  type: string;
  /** Package path of the target, resolved against the source part (`xl/worksheets/sheet1.xml`). */
  path: string;
}

/** `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsPathFor(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against the folder of its source part; `..` and `/abs` allowed. */
export function resolveTarget(sourcePart: string, target: string): string {
  const base = target.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const seg of target.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') base.pop();
    else base.push(seg);
  }
  return base.join('/');
}

export function parseRelationships(xml: string, sourcePart: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  eachStartTag(xml, 'Relationship', (a) => {
    if (!a.Id || !a.Target || (a.TargetMode ?? '').toLowerCase() === 'external') return;
    out.set(a.Id, { type: a.Type ?? '', path: resolveTarget(sourcePart, a.Target) });
  });
  return out;
}

export interface WorkbookSheetEntry {
  name: string;
  hidden: boolean;
  relId: string;
}

export interface WorkbookInfo {
  sheets: WorkbookSheetEntry[];
  date1904: boolean;
}

/** SpreadsheetML's main namespace, transitional and strict. */
const MAIN_NAMESPACES = new Set(['http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main']);

/**
 * The prefixes bound to SpreadsheetML's main namespace in a part ('' for the default namespace).
 * Excel 2013 and later add `<x15:workbookPr …/>` (another namespace) beside the main one: only the
 * main one says which date system the workbook uses.
 */
function mainPrefixes(xml: string): Set<string> {
  const out = new Set<string>();
  let defaultDeclared = false;
  const re = /\sxmlns(?::([\w.-]+))?\s*=\s*["']([^"']*)["']/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    if (m[1] === undefined) defaultDeclared = true;
    if (MAIN_NAMESPACES.has(m[2].trim())) out.add(m[1] ?? '');
  }
  // A part without a default namespace (hand-made, or a test) is taken as SpreadsheetML.
  if (!defaultDeclared) out.add('');
  return out;
}

export function parseWorkbook(xml: string): WorkbookInfo {
  let date1904: boolean | null = null;
  const main = mainPrefixes(xml);
  const re = new RegExp(`<(?:([\\w.-]+):)?workbookPr(?=[\\s/>])${ATTRS}>`, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    if (date1904 !== null || !main.has(m[1] ?? '')) continue;
    const a = parseAttributes(m[2].replace(/\/$/, ''));
    const v = (a.date1904 ?? '').trim().toLowerCase();
    date1904 = v === '1' || v === 'true';
  }
  const sheets: WorkbookSheetEntry[] = [];
  const list = elementContent(xml, 'sheets');
  eachStartTag(list ? list.inner : xml, 'sheet', (a) => {
    const state = (a.state ?? '').toLowerCase();
    sheets.push({ name: a.name ?? '', hidden: state === 'hidden' || state === 'veryhidden', relId: attributeByLocalName(a, 'id') ?? '' });
  });
  return { sheets, date1904: date1904 === true };
}

/** Excel's limit on a cell's text (32,767 characters). */
const MAX_ITEM_TEXT = 32767;
/** Raw items longer than this are not even decoded: no cell can show them (a hostile file's 20-million-character string). */
export const MAX_RAW_ITEM = 2_000_000;

/** What stands for a run elideLongRuns left out: a control character XML 1.0 never allows in text. */
const ELIDED = '\u0001';

/**
 * The shared strings' bytes with every run of text longer than MAX_RAW_ITEM (no `<` or `>`, not
 * only white space) left out and marked with one U+0001 byte; the bytes themselves when there is none
 * (always, for a part shorter than that). Such a run lies in an item longer than MAX_RAW_ITEM, which
 * parseSharedStrings leaves empty and marks too long without decoding it, or outside any item,
 * where any text refuses the part: the result is the same, but a hostile 20-megabyte string is
 * never turned into text. UTF-8 never uses the bytes of `<` or `>` inside a character.
 */
export function elideLongRuns(bytes: Uint8Array, maxRun = MAX_RAW_ITEM): { bytes: Uint8Array; elided: boolean } {
  if (bytes.length <= maxRun) return { bytes, elided: false };
  const cuts: number[] = [];
  let start = 0;
  let blankRun = true;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 60 || b === 62) {
      if (i - start > maxRun && !blankRun) cuts.push(start, i);
      start = i + 1;
      blankRun = true;
    } else if (blankRun && b !== 32 && b !== 10 && b !== 13 && b !== 9) blankRun = false;
  }
  if (bytes.length - start > maxRun && !blankRun) cuts.push(start, bytes.length);
  if (cuts.length === 0) return { bytes, elided: false };
  let size = bytes.length;
  for (let k = 0; k < cuts.length; k += 2) size -= cuts[k + 1] - cuts[k] - 1;
  const out = new Uint8Array(size);
  let from = 0;
  let at = 0;
  for (let k = 0; k < cuts.length; k += 2) {
    out.set(bytes.subarray(from, cuts[k]), at);
    at += cuts[k] - from;
    out[at++] = 1;
    from = cuts[k + 1];
  }
  out.set(bytes.subarray(from), at);
  return { bytes: out, elided: true };
}

/**
 * elideLongRuns for bytes that come in pieces (a part inflated piece by piece): the same bytes out,
 * joined by `end()`, without the whole part ever being held. Bytes are copied out as they come; a run
 * found to be left out (longer than `maxRun`, something besides white space in it) is taken back to
 * where it started and its further bytes are skipped as they come.
 */
export class ElideRunPieces {
  private static readonly BLOCK = 1 << 20;
  private readonly blocks: Uint8Array[] = [];
  private block: Uint8Array = new Uint8Array(0);
  /** Bytes used in `block`. */
  private used = 0;
  /** Where the current run's bytes start in the output: block index and offset. */
  private runBlock = 0;
  private runAt = 0;
  private runLength = 0;
  private blankRun = true;
  private skipping = false;
  private elided = false;

  constructor(private readonly maxRun = MAX_RAW_ITEM) {}

  push(piece: Uint8Array): void {
    let from = 0;
    for (let i = 0; i < piece.length; i++) {
      const b = piece[i];
      if (b === 60 || b === 62) {
        this.take(piece.subarray(from, i));
        this.endRun();
        this.write(piece.subarray(i, i + 1));
        this.startRun();
        from = i + 1;
      } else if (this.blankRun && b !== 32 && b !== 10 && b !== 13 && b !== 9) this.blankRun = false;
    }
    this.take(piece.subarray(from));
  }

  /** The bytes elideLongRuns gives for all the pieces joined. */
  end(): { bytes: Uint8Array; elided: boolean } {
    this.take(new Uint8Array(0));
    this.endRun();
    let size = this.used;
    for (let k = 0; k < this.blocks.length - 1; k++) size += this.blocks[k].length;
    const out = new Uint8Array(size);
    let at = 0;
    for (let k = 0; k < this.blocks.length; k++) {
      const b = k === this.blocks.length - 1 ? this.block.subarray(0, this.used) : this.blocks[k];
      out.set(b, at);
      at += b.length;
    }
    this.blocks.length = 0;
    this.block = new Uint8Array(0);
    return { bytes: out, elided: this.elided };
  }

  private startRun(): void {
    this.runBlock = Math.max(0, this.blocks.length - 1);
    this.runAt = this.used;
    this.runLength = 0;
    this.blankRun = true;
    this.skipping = false;
  }

  /** Bytes of the current run (its white space already noted in blankRun). */
  private take(bytes: Uint8Array): void {
    this.runLength += bytes.length;
    if (this.skipping) return;
    if (this.runLength > this.maxRun && !this.blankRun) {
      // Taken back: the output ends where the run started.
      this.blocks.length = Math.min(this.blocks.length, this.runBlock + 1);
      if (this.blocks.length > 0) this.block = this.blocks[this.blocks.length - 1];
      this.used = this.runAt;
      this.skipping = true;
      return;
    }
    this.write(bytes);
  }

  private endRun(): void {
    if (!this.skipping) return;
    this.write(new Uint8Array([1]));
    this.elided = true;
  }

  private write(bytes: Uint8Array): void {
    let from = 0;
    while (from < bytes.length) {
      if (this.used === this.block.length) {
        // The block is full (or none yet): the run start stays valid, it indexes blocks kept.
        this.block = new Uint8Array(ElideRunPieces.BLOCK);
        this.blocks.push(this.block);
        this.used = 0;
      }
      const n = Math.min(bytes.length - from, this.block.length - this.used);
      this.block.set(bytes.subarray(from, from + n), this.used);
      this.used += n;
      from += n;
    }
  }
}

/**
 * sharedStrings.xml → its strings in order, rich-text runs joined. `readItem` turns an item's raw
 * content into text (text-items.ts: pooled, UTF-8 or binary text). `previous`, the table read last
 * in the same mode, is compared in place first: workbooks filled from one template list mostly the
 * same strings in nearly the same order (a unit's own texts shift the rest a little), so most items are
 * taken without cutting out or looking up their text.
 * Strict: text between items, a lost tag inside one, or fewer or more items than the table's
 * `uniqueCount` throws MalformedText (every later index would point at another text). Items longer
 * than a cell may hold are left empty and their indexes added to `tooLong`, for the sheet reader to
 * refuse the cells that use them.
 */
export function parseSharedStrings(xml: string, readItem: ItemReader = itemReader(false), previous?: SharedStringsMemo, tooLong?: Set<number>, elided = false): string[] {
  const out: string[] = [];
  const raws: string[] = [];
  // Where the previous table's items stand against this one's: a string of the unit's own shifts the rest.
  let shift = 0;
  // The next run elideLongRuns left out (items are taken in order): the item holding it is too long.
  let mark = elided ? xml.indexOf(ELIDED) : -1;
  const take = (start: number, end: number): void => {
    const i = out.length;
    if (start === end) { out.push(''); raws.push(''); return; }
    if (mark >= 0 && mark < start) mark = xml.indexOf(ELIDED, start);
    if (end - start > MAX_RAW_ITEM || (mark >= start && mark < end)) { tooLong?.add(i); out.push(''); raws.push(''); return; }
    // A cut of the XML compared with ===: engines compare string contents with memcmp, much faster
    // than startsWith walks them.
    const raw = xml.slice(start, end);
    const j = previous ? alignedItem(previous.raws, i + shift, raw) : -1;
    if (j >= 0) {
      out.push(previous!.texts[j]);
      raws.push(previous!.raws[j]);
      shift = j - i;
      return;
    }
    const text = readItem(raw);
    if (text.length > MAX_ITEM_TEXT) { tooLong?.add(i); out.push(''); raws.push(''); return; }
    out.push(text);
    // Kept past this workbook: a copy, so that no workbook's XML stays alive through it.
    raws.push(ownCopy(raw));
  };
  const root = /<([\w.-]+:)?sst(?=[\s/>])((?:[^<>"']|"[^<"]*"|'[^<']*')*)>/.exec(xml);
  const from = root ? root.index + root[0].length : 0;
  if (xml.indexOf('<si', from) >= 0 || !root || !root[1]) eachPlainItem(xml, from, take);
  else eachPrefixedItem(xml, from, take);
  const unique = root ? /(?:^|\s)uniqueCount\s*=\s*["']\s*(\d+)\s*["']/.exec(root[2]) : null;
  if (unique && Number(unique[1]) !== out.length) throw new MalformedText('uniqueCount');
  if (previous) {
    previous.raws = raws;
    previous.texts = out;
  }
  return out;
}

/** Whether xml[from, to) is only white space (or nothing, the usual case). */
function blank(xml: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = xml.charCodeAt(k);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return false;
  }
  return true;
}

/** What may follow the last item: the end of the table, maybe after extensions. */
function tableEnd(xml: string, pos: number): void {
  const lt = xml.indexOf('<', pos);
  if (lt < 0 || !blank(xml, pos, lt)) throw new MalformedText('text after the items');
  if (!/^<\/([\w.-]+:)?sst>|^<([\w.-]+:)?extLst[\s>]/.test(xml.slice(lt, lt + 40))) throw new MalformedText('element after the items');
}

/** Items written `<si>…</si>` (no prefix, as Excel and LibreOffice write them), found with indexOf. */
function eachPlainItem(xml: string, from: number, take: (start: number, end: number) => void): void {
  let pos = from;
  for (;;) {
    const lt = xml.indexOf('<si', pos);
    if (lt < 0) { if (from > 0) tableEnd(xml, pos); return; }
    if (lt > pos && !blank(xml, pos, lt)) throw new MalformedText('text between items');
    const next = xml.charCodeAt(lt + 3);
    let start: number;
    if (next === 62) start = lt + 4;
    else if (next === 47 || next === 32 || next === 9 || next === 10 || next === 13) {
      const gt = xml.indexOf('>', lt);
      if (gt < 0) throw new MalformedText('item tag not closed');
      if (xml.charCodeAt(gt - 1) === 47) { take(gt + 1, gt + 1); pos = gt + 1; continue; }
      start = gt + 1;
    } else throw new MalformedText('element between items');
    const end = xml.indexOf('</si>', start);
    if (end < 0) throw new MalformedText('item not closed');
    take(start, end);
    pos = end + 5;
  }
}

/** Items with a namespace prefix (`<x:si>`), as a few generators write them. */
function eachPrefixedItem(xml: string, from: number, take: (start: number, end: number) => void): void {
  const re = /<([\w.-]+:)?si(?=[\s/>])[^<>]*?(\/?)>/g;
  re.lastIndex = from;
  let pos = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    if (!blank(xml, pos, m.index)) throw new MalformedText('text between items');
    if (m[2]) { take(re.lastIndex, re.lastIndex); pos = re.lastIndex; continue; }
    const close = `</${m[1] ?? ''}si>`;
    const end = xml.indexOf(close, re.lastIndex);
    if (end < 0) throw new MalformedText('item not closed');
    take(re.lastIndex, end);
    re.lastIndex = end + close.length;
    pos = re.lastIndex;
  }
  tableEnd(xml, pos);
}

/** How far either way an item is looked for in the previous table, around where the last one was found. */
const ALIGN_WINDOW = 8;

/** The index of the previous table's item equal to `raw`, near `around`, or -1. */
function alignedItem(raws: string[], around: number, raw: string): number {
  const length = raw.length;
  for (let d = 0; d <= ALIGN_WINDOW; d++) {
    const up = raws[around + d];
    if (up !== undefined && up.length === length && up === raw) return around + d;
    if (d === 0) continue;
    const down = raws[around - d];
    if (down !== undefined && down.length === length && down === raw) return around - d;
  }
  return -1;
}

/** Built-in number formats that show dates or times (ECMA-376 §18.8.30 and the East Asian ids). */
function isBuiltinDateFormat(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58) || (id >= 71 && id <= 81);
}

/**
 * Whether a format code shows a date or time: any of y m d h s outside quoted text, escaped
 * characters, padding (`_x`), fills (`*x`) and bracketed parts (colours, locales) — except the elapsed
 * time brackets `[h]`, `[mm]`, `[ss]`. `dd/mm/yyyy` → true, `#,##0 "ngày"` → false.
 */
export function isDateFormatCode(code: string): boolean {
  if (/\[(h+|m+|s+)\]/i.test(code)) return true;
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[[^\]]*\]/g, '');
  // Only the first section decides (positive numbers; dates are never negative in practice).
  const first = bare.split(';')[0];
  if (/general/i.test(first)) return false;
  return /[ymdhs]/i.test(first);
}

/** A list's `count` attribute, when written: Excel writes it, and one item lost shifts every later index. */
function declaredCount(xml: string, localName: string): number | null {
  const m = new RegExp(`<(?:[\\w.-]+:)?${localName}(?=[\\s/>])[^<>]*?\\scount\\s*=\\s*["']\\s*(\\d+)\\s*["']`).exec(xml);
  return m ? Number(m[1]) : null;
}

/**
 * styles.xml → for each cellXfs index, whether its number format shows a date. A list shorter or
 * longer than its `count`, or a format of the file's own (id 164 on) that it does not declare, throws
 * MalformedText: a lost `<xf>` or `<numFmt>` would turn dates into numbers (or the reverse).
 */
export function parseDateStyles(xml: string): boolean[] {
  const custom = new Map<number, string>();
  const numFmts = elementContent(xml, 'numFmts');
  if (numFmts) {
    eachStartTag(numFmts.inner, 'numFmt', (a) => {
      const id = Number(a.numFmtId);
      if (Number.isInteger(id)) custom.set(id, a.formatCode ?? '');
    });
    const declared = declaredCount(xml, 'numFmts');
    if (declared !== null && declared !== custom.size) throw new MalformedText('numFmts count');
  }
  const out: boolean[] = [];
  const xfs = elementContent(xml, 'cellXfs');
  if (!xfs) return out;
  if (!numFmts && /<(?:[\w.-]+:)?numFmt\s/.test(xml)) throw new MalformedText('numFmts list broken');
  eachStartTag(xfs.inner, 'xf', (a) => {
    const id = Number(a.numFmtId ?? 0);
    const code = custom.get(id);
    // Ids from 164 on are the file's own formats: one not declared was lost (its date format with it).
    if (code === undefined && id >= 164) throw new MalformedText(`numFmtId ${id} not declared`);
    out.push(code !== undefined ? isDateFormatCode(code) : isBuiltinDateFormat(id));
  });
  const declared = declaredCount(xml, 'cellXfs');
  if (declared !== null && declared !== out.length) throw new MalformedText('cellXfs count');
  return out;
}
