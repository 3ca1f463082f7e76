/**
 * The list of units that must report, from the bytes of a CSV/text file (comma, semicolon or tab) or
 * an .xlsx's first sheet, as offices keep them: a header row (STT / Mã đơn vị / Tên đơn vị in any
 * order) under title rows, or no header with the code first and the name next; a list of names alone
 * is matched by name. Used by the command line and the Excel pane alike.
 *
 * Text lists are read as Excel saves them: UTF-8 (with or without a byte-order mark), UTF-16 with its
 * mark ("Unicode Text"), or else the Vietnamese Windows code page 1258 ("CSV (Comma delimited)");
 * one separator per file, the first line's; fields in double quotes may hold the separator.
 * Which kind a file is comes from its bytes, as for reports, not from its extension.
 */
import type { CellValue } from '../shared/cell';
import { cleanText, foldKey } from '../shared/text/normalize';
import { utf8OfBinary } from './xlsx/binary-text';
import { readXlsxValues, type ReadXlsxOptions } from './xlsx/read-values';
import { sniffSpreadsheet } from './xlsx/sniff';

export type ExpectedUnit = { code: string; name: string };

interface Decoder {
  decode(bytes: Uint8Array): string;
}
/** The runtime's TextDecoder (Node, browsers); absent in Internet Explorer 11. */
const TextDecoderOf = (globalThis as { TextDecoder?: new (label: string, opts?: { fatal?: boolean }) => Decoder }).TextDecoder;

/** Header words of a list's columns, folded ("Mã đơn vị" → "ma don vi"). */
const CODE_HEADERS = /^(ma|ma so|ma don vi|ma dv|ma dvhc|ma xa|ma dia ban|ma don vi hanh chinh|code|unit code)$/;
const NAME_HEADERS = /^(ten|ten don vi|don vi|ten xa|ten xa phuong|ten don vi hanh chinh|ten dvhc|xa phuong|name|unit name|unit)$/;
const ORDER_HEADERS = /^(stt|tt|so tt|so thu tu)$/;
/** Rows looked at for the header: a title and a few lines of heading may come first. */
const HEADER_ROWS = 15;

const text = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : cleanText(v));

/**
 * Rows of a list → units. The header row (STT, Mã đơn vị, Tên đơn vị in any order, under any title
 * rows) says which column holds what; a list with names alone is matched by name when consolidating.
 * Without a header, the code is in the first column and the name in the next, and rows whose first
 * cell is not a code (a title, a note) are passed over. Codes are kept as written, leading zeros
 * included.
 */
export function expectedUnitsFromRows(rows: CellValue[][]): { code: string; name: string }[] {
  let codeCol = 0;
  let nameCol = 1;
  let first = 0;
  let headed = false;
  for (let r = 0; r < Math.min(rows.length, HEADER_ROWS) && !headed; r++) {
    const keys = (rows[r] ?? []).map((v) => foldKey(text(v)).replace(/[.:]/g, '').trim());
    const c = keys.findIndex((k) => CODE_HEADERS.test(k));
    const n = keys.findIndex((k) => NAME_HEADERS.test(k));
    if (c < 0 && n < 0) continue;
    // A header names the code or the name column, and holds nothing that looks like data.
    if (!keys.some((k) => ORDER_HEADERS.test(k)) && c < 0 && keys.filter((k) => k !== '').length > 1 && n < 0) continue;
    codeCol = c;
    nameCol = n;
    first = r + 1;
    headed = true;
  }
  const out: { code: string; name: string }[] = [];
  const seen = new Set<string>();
  for (let r = first; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const code = codeCol >= 0 ? text(row[codeCol]) : '';
    const name = nameCol >= 0 ? text(row[nameCol]) : '';
    if (!code && !name) continue;
    // A repeated header line, a title, a note: not a unit.
    if (code && (!CODE_LIKE.test(code) || CODE_HEADERS.test(foldKey(code)))) continue;
    if (!headed && (!code || /^ma\b/.test(foldKey(code)))) continue;
    if (headed && codeCol >= 0 && !code) continue;
    if (!code && NAME_HEADERS.test(foldKey(name))) continue;
    const key = code || `#${foldKey(name)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ code, name });
  }
  return out;
}

/** What a unit code looks like: digits or letters with dots, dashes or underscores, no spaces. */
const CODE_LIKE = /^[\p{L}\d][\p{L}\d._-]{0,19}$/u;

/** Text of a list file: UTF-16 by its byte-order mark, UTF-8 when the bytes are valid UTF-8, else Windows-1258. */
export function decodeListText(bytes: Uint8Array): string {
  let text: string;
  if (!TextDecoderOf) {
    // Internet Explorer 11 (the Excel pane in Excel 2016/2019) has no TextDecoder: read UTF-8.
    let binary = '';
    for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
    return utf8OfBinary(binary).replace(/^\uFEFF/, '');
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoderOf('utf-16le').decode(bytes);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoderOf('utf-16be').decode(bytes);
  else {
    try {
      text = new TextDecoderOf('utf-8', { fatal: true }).decode(bytes);
    } catch {
      // Windows-1258 writes some tones as combining marks; cleanText composes them (NFC).
      text = legacyDecoder().decode(bytes);
    }
  }
  return text.replace(/^\uFEFF/, '');
}

/** Windows-1258 where the runtime knows it (Node's full ICU does), else Latin-1 so the codes still read. */
function legacyDecoder(): Decoder {
  const D = TextDecoderOf!;
  try {
    return new D('windows-1258');
  } catch {
    return new D('latin1');
  }
}

/**
 * CSV/TSV text → rows. The separator is the first line's (tab, else semicolon, else comma), so a
 * name like "UBND xã Anh Sơn, huyện Anh Sơn" in a semicolon file stays whole; a field in double
 * quotes may hold the separator, a line break, and "" for a quote.
 */
export function parseDelimited(text: string): string[][] {
  const firstLine = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const separator = firstLine.includes('\t') ? '\t' : firstLine.includes(';') ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += ch;
    }
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** The list from a file's bytes, or the reason it cannot be read (Vietnamese). */
export function expectedUnitsFromBytes(
  bytes: Uint8Array,
  fileName: string,
  codecs: Omit<ReadXlsxOptions, 'fileName'> = {},
): { ok: true; units: ExpectedUnit[] } | { ok: false; reason: string; empty?: true } {
  const sniffed = sniffSpreadsheet(bytes, fileName);
  let units: ExpectedUnit[];
  if (sniffed.ok) {
    const read = readXlsxValues(bytes, { fileName, ...codecs });
    if (!read.ok) return { ok: false, reason: read.reason };
    units = expectedUnitsFromRows(read.value.sheets[0]?.grid ?? []);
  } else if (sniffed.code === 'file.csv') {
    units = expectedUnitsFromRows(parseDelimited(decodeListText(bytes)));
  } else {
    return { ok: false, reason: sniffed.reason };
  }
  // An empty list would make every unit "not expected": certainly the wrong file or column.
  if (units.length === 0) {
    return { ok: false, empty: true, reason: `Danh sách đơn vị "${fileName}" không có đơn vị nào. Ghi mỗi dòng một đơn vị: mã, tên (ví dụ: 90002,UBND xã Anh Sơn).` };
  }
  return { ok: true, units };
}
