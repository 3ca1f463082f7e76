/**
 * Translating SheetModel cell values to what `Range.values` takes, and keeping text as text.
 *
 * Excel reads a string written to `Range.values` the way it reads typing: "=A1", "+84…", "-", "@x"
 * become formulas (or errors), "05" loses its zero, "10/01/2025" turns into a date in the user's
 * locale, "TRUE" into a boolean. Such strings are written into cells whose number format is '@'
 * (Text), set in the same numberFormat matrix that carries the sheet's formats, so Excel keeps the
 * characters exactly as given. Nothing is prefixed or altered: reading the cell back gives the
 * same string, which the shared readers then parse.
 */
import type { CellValue } from '../../shared/cell';
import { dateSerial, startsLikeFormula } from '../../shared/layout/sheet-model';

// Anything made only of digits and the signs Excel reads around numbers, dates and times:
// "05", "3.1", "1.234,5", "80%", "1e5", "(5)", "$5", "1/2", "10/01/2025", "10:30".
const NUMBER_LIKE = /^[\d\s.,%+\-()$€/:eE]*\d[\d\s.,%+\-()$€/:eE]*$/;
// Dates with English month names, which Excel also converts: "1-Jan", "Jan 2025", "10:30 am".
const DATE_LIKE = /^\d{1,2}[-\s][A-Za-z]{3,9}([-\s]\d{2,4})?$|^[A-Za-z]{3,9}[-\s]\d{1,4}$|^\d{1,2}:\d{2}(:\d{2})?\s*[ap]m$/i;
const BOOLEAN_LIKE = /^(true|false|đúng|sai)$/i;
const ERROR_LIKE = /^#(N\/A|NAME\?|REF!|VALUE!|DIV\/0!|NUM!|NULL!)$/i;

/** True when Excel would not keep this string as the same text if written as a value. */
export function needsTextFormat(value: string): boolean {
  const t = value.trim();
  if (t === '') return false;
  return (
    startsLikeFormula(t) ||
    NUMBER_LIKE.test(t) ||
    DATE_LIKE.test(t) ||
    BOOLEAN_LIKE.test(t) ||
    ERROR_LIKE.test(t) ||
    t !== value // leading or trailing spaces: Excel may trim typed numbers
  );
}

/** Days between the 1900 and 1904 date systems' serials of the same day. */
export const DAYS_1904 = 1462;

/**
 * What `Range.values` takes for one model cell: '' for empty, a date serial for a calendar-day Date
 * (counted from 1904 when the workbook uses that date system).
 */
export function toHostValue(value: CellValue | undefined, date1904 = false): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const serial = dateSerial(value);
    return serial === null ? '' : date1904 ? serial - DAYS_1904 : serial;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return '';
  return value;
}
