/**
 * The list of units that must report, from a CSV/text file ("mã,tên" per line; comma, semicolon or
 * tab) or an .xlsx whose first sheet has the code in column A and the name in column B.
 * A header line ("Mã", "Mã đơn vị") is skipped.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { CellValue } from '../shared/cell';
import { cleanText, foldKey } from '../shared/text/normalize';
import { readXlsxValues } from '../io/xlsx/read-values';
import { UsageError } from './args';

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

export function readExpectedUnits(path: string): { code: string; name: string }[] {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new UsageError(`Không mở được danh sách đơn vị "${path}". Kiểm tra lại đường dẫn.`);
  }
  if (/\.xlsx$/i.test(path)) {
    const read = readXlsxValues(bytes, { fileName: basename(path) });
    if (!read.ok) throw new UsageError(read.reason);
    return expectedUnitsFromRows(read.value.sheets[0]?.grid ?? []);
  }
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  return expectedUnitsFromRows(text.split(/\r?\n/).map((line) => line.split(/[,;\t]/)));
}
