/**
 * A cell as a person sees it, from its value and number format, for hosts that hand over values
 * (Office.js `values` with `numberFormat`): 0.8 in a "0%" cell is "80%", a date serial in a date
 * format is "15/03/2025". What the plan's author typed is what the parsers should read.
 */

/** Day count of Excel's 1900 system at 1970-01-01. */
const EPOCH_1900 = 25569;

/** True for formats that show a date: a day or year code outside quotes, brackets and escapes. */
export function isDateFormat(format: string): boolean {
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .toLowerCase();
  return /[dy]/.test(bare);
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The text a cell shows, for the formats plans use; other values as plain text. */
export function shownText(value: unknown, numberFormat: string, date1904 = false): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return value === null || value === undefined ? '' : String(value);
  const f = numberFormat || 'General';
  if (/%/.test(f.replace(/"[^"]*"/g, ''))) {
    const pct = Math.round(value * 100 * 1000) / 1000;
    return `${String(pct).replace('.', ',')}%`;
  }
  if (isDateFormat(f)) {
    const ms = Math.round((value + (date1904 ? 1462 : 0) - EPOCH_1900) * 86_400_000);
    const d = new Date(ms);
    if (!Number.isNaN(d.getTime())) return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
  }
  // A plain number as typed: STT "3.1" stays "3.1".
  return String(value);
}
