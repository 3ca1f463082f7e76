/**
 * Writes host-neutral SheetModels to an .xlsx file, in Node and in the browser (no Node built-ins).
 * Keeps the SheetModel contract (shared/layout/sheet-model.ts): every string in `rows` is text, only
 * `formulas` are formulas (with their stored result), Dates are calendar days at UTC midnight.
 * `protectedRanges` are advisory and not written: nothing is locked.
 *
 * The package is generated directly by fast-write.ts (this used to go through exceljs, which took
 * 50 s and 2.9 GB for a 1,000-commune summary); this module keeps the asynchronous entry point that
 * the command line, the Excel pane and the tests call.
 */
import type { DataValidation } from 'exceljs';
import type { DataValidationRule, SheetModel } from '../../shared/layout/sheet-model';
import { validationModel, writeXlsxFast, type WriteOptions } from './fast-write';

export { parseRange, type WriteOptions } from './fast-write';

export async function writeXlsx(sheets: SheetModel[], opts: WriteOptions = {}): Promise<Uint8Array> {
  return writeXlsxFast(sheets, opts);
}

/** A rule as exceljs models a data validation (the file holds the same); throws as validationModel does. */
export function dataValidation(v: DataValidationRule): DataValidation {
  return validationModel(v) as DataValidation;
}
