/**
 * `--danh-sach`: the list of units that must report, read from a file (io/expected-units.ts reads
 * the bytes, the same code the Excel pane runs) with the command line's codecs; a list that cannot
 * be used stops the command with a Vietnamese reason.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { expectedUnitsFromBytes } from '../io/expected-units';
import { UsageError } from './args';
import { NODE_XLSX_CODECS } from './codecs';
import { readErrorMessage } from './system-errors';

export { decodeListText, expectedUnitsFromRows, parseDelimited } from '../io/expected-units';

export function readExpectedUnits(path: string): { code: string; name: string }[] {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new UsageError(`Danh sách đơn vị phải báo cáo: ${readErrorMessage(e, path)}`);
  }
  const read = expectedUnitsFromBytes(bytes, basename(path), NODE_XLSX_CODECS);
  if (read.ok) return read.units;
  // An empty list would make every unit "not expected": certainly the wrong file or column.
  if (read.empty) {
    throw new UsageError(`Danh sách đơn vị "${path}" không có đơn vị nào. Ghi mỗi dòng một đơn vị: mã, tên (ví dụ: 90002,UBND xã Anh Sơn).`);
  }
  throw new UsageError(`Danh sách đơn vị phải báo cáo: ${read.reason}`);
}
