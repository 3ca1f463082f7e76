/**
 * The list of units that must report, from the bytes of a CSV/text file ("mã,tên" per line; comma,
 * semicolon or tab) or an .xlsx whose first sheet has the code in column A and the name in column B.
 * A header line ("Mã", "Mã đơn vị") is skipped. Used by the command line and the Excel pane alike.
 *
 * Text lists are read as Excel saves them: UTF-8 (with or without a byte-order mark), UTF-16 with its
 * mark ("Unicode Text"), or else the Vietnamese Windows code page 1258 ("CSV (Comma delimited)");
 * one separator per file, the first line's; fields in double quotes may hold the separator.
 * Which kind a file is comes from its bytes, as for reports, not from its extension.
 */
import type { CellValue } from '../shared/cell';
import { cleanText, foldKey } from '../shared/text/normalize';
import { utf8OfBinary } from './xlsx/binary-text';
import { readXlsxValues } from './xlsx/read-values';
import { sniffSpreadsheet } from './xlsx/sniff';

export type ExpectedUnit = { code: string; name: string };

interface Decoder {
  decode(bytes: Uint8Array): string;
}
/** The runtime's TextDecoder (Node, browsers); absent in Internet Explorer 11. */
const TextDecoderOf = (globalThis as { TextDecoder?: new (label: string, opts?: { fatal?: boolean }) => Decoder }).TextDecoder;

export function expectedUnitsFromRows(rows: CellValue[][]): { code: string; name: string }[] {
  const out: { code: string; name: string }[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const code = cleanText(row[0]);
    const name = cleanText(row[1]);
    if (!code || /^ma\b/.test(foldKey(code)) || seen.has(code)) continue;
    seen.add(code);
    out.push({ code, name });
  }
  return out;
}

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
): { ok: true; units: ExpectedUnit[] } | { ok: false; reason: string; empty?: true } {
  const sniffed = sniffSpreadsheet(bytes, fileName);
  let units: ExpectedUnit[];
  if (sniffed.ok) {
    const read = readXlsxValues(bytes, { fileName });
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
