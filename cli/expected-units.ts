/**
 * The list of units that must report, from a CSV/text file ("mã,tên" per line; comma, semicolon or
 * tab) or an .xlsx whose first sheet has the code in column A and the name in column B.
 * A header line ("Mã", "Mã đơn vị") is skipped.
 *
 * Text lists are read as Excel saves them: UTF-8 (with or without a byte-order mark), UTF-16 with its
 * mark ("Unicode Text"), or else the Vietnamese Windows code page 1258 ("CSV (Comma delimited)");
 * one separator per file, the first line's; fields in double quotes may hold the separator.
 * Which kind a file is comes from its bytes, as for reports, not from its extension.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { expectedUnitsFromBytes } from '../io/expected-units';
import { UsageError } from './args';

export { decodeListText, expectedUnitsFromRows, parseDelimited } from '../io/expected-units';

export function readExpectedUnits(path: string): { code: string; name: string }[] {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new UsageError(`Không mở được danh sách đơn vị "${path}". Kiểm tra lại đường dẫn.`);
  }
  const read = expectedUnitsFromBytes(bytes, basename(path));
  if (read.ok) return read.units;
  // An empty list would make every unit "not expected": certainly the wrong file or column.
  if (read.empty) {
    throw new UsageError(`Danh sách đơn vị "${path}" không có đơn vị nào. Ghi mỗi dòng một đơn vị: mã, tên (ví dụ: 90002,UBND xã Anh Sơn).`);
  }
  throw new UsageError(`Danh sách đơn vị phải báo cáo: ${read.reason}`);
}
