/**
 * Sheets → plain grids for shared/. One getValues() per sheet: the data range comes back as a 2-D
 * array ('' for empty cells), which is a shared Grid once its dates are translated.
 *
 * Sheets hands a date cell back as a Date at midnight in the spreadsheet's time zone; shared/ wants
 * calendar days at UTC midnight (the sheet-model contract). The day is read in the spreadsheet's own
 * zone, so a workbook made in another zone still gives the days its users see.
 */
import type { Grid, WorkbookGrids } from '../../shared/cell';
import { calendarDate } from '../../shared/layout/sheet-model';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The calendar day a Sheets date shows in `timeZone`, as a UTC-midnight Date. */
export function calendarDay(value: Date, timeZone: string): Date | null {
  return calendarDate(Utilities.formatDate(value, timeZone, 'yyyy-MM-dd'));
}

/** The sheet's used range as a Grid (row 0 = sheet row 1, column 0 = column A). */
export function readGrid(sheet: Sheet, timeZone: string): Grid {
  const values = sheet.getDataRange().getValues() as Grid;
  for (const row of values) {
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v instanceof Date) row[c] = calendarDay(v, timeZone);
    }
  }
  return values;
}

/** Every sheet of the spreadsheet by tab name: getSheets() once, then one read per sheet. */
export function readWorkbook(ss: Spreadsheet): WorkbookGrids {
  const timeZone = ss.getSpreadsheetTimeZone();
  const grids: WorkbookGrids = {};
  for (const sheet of ss.getSheets()) grids[sheet.getName()] = readGrid(sheet, timeZone);
  return grids;
}
