/**
 * Calendar arithmetic on plain day numbers, shared by the date and deadline parsers. Day steps come
 * from date-fns, on local-midnight Dates built from (year, month, day) and read back the same way, so
 * no time zone or daylight-saving shift can move a day; serial numbers go through UTC (utcMs,
 * isoFromMs). Month lengths of years 1–9999 follow the Gregorian rule by arithmetic, since every date
 * read asks for one (the tests check them against date-fns for every month); others go to date-fns.
 */
import { addDays as addDaysToDate, getDaysInMonth } from 'date-fns';
import type { IsoDate } from '../cell';

const MS_PER_DAY = 86_400_000;

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month of the proleptic Gregorian calendar: (2025, 2) → 28, (2024, 2) → 29. */
export function daysInMonth(y: number, m: number): number {
  // Plain arithmetic for the days parsers meet (it runs for every date read); date-fns for the rest.
  if (Number.isInteger(y) && Number.isInteger(m) && y >= 1 && y <= 9999 && m >= 1 && m <= 12) {
    if (m !== 2) return MONTH_DAYS[m - 1];
    return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  }
  return getDaysInMonth(localDay(y, m, 1));
}

/** Local midnight of a day; setFullYear keeps years below 100 literal (new Date(25, …) is 1925). */
function localDay(y: number, m: number, d: number): Date {
  const date = new Date(2000, 0, 1);
  date.setFullYear(y, m - 1, d);
  return date;
}

/** (2025, 3, 5) → "2025-03-05". No check: call isRealDay first. */
export function toIso(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** True for a day that exists, years 1–9999. */
export function isRealDay(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) &&
    y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
  );
}

/** "2025-03-05" → { y: 2025, m: 3, d: 5 }; null unless it is a real day written yyyy-mm-dd. */
export function fromIso(iso: unknown): Ymd | null {
  // yyyy-mm-dd read digit by digit: dates are compared for every task of every report.
  if (typeof iso !== 'string' || iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return null;
  let y = 0;
  let mo = 0;
  let d = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = iso.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return null;
    if (i < 4) y = y * 10 + c;
    else if (i < 7) mo = mo * 10 + c;
    else d = d * 10 + c;
  }
  return isRealDay(y, mo, d) ? { y, m: mo, d } : null;
}

/** Milliseconds of a day's UTC midnight; setUTCFullYear keeps years below 100 literal. */
export function utcMs(y: number, m: number, d: number): number {
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return date.getTime();
}

/** The UTC calendar day of a millisecond time. */
export function isoFromMs(ms: number): IsoDate {
  const date = new Date(ms);
  return toIso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** "2025-01-10", -1 → "2025-01-09". The input must be a valid IsoDate. */
export function addDays(iso: IsoDate, days: number): IsoDate {
  const p = fromIso(iso);
  if (!p) return iso;
  const date = addDaysToDate(localDay(p.y, p.m, p.d), days);
  return toIso(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

/** Last day of a month as IsoDate: (2025, 2) → "2025-02-28". */
export function monthEnd(y: number, m: number): IsoDate {
  return toIso(y, m, daysInMonth(y, m));
}

/**
 * Two-digit years as Excel reads them: 00–29 → 2000–2029, 30–99 → 1930–1999,
 * so "15/03/25" means 2025 here exactly as it does when typed into a cell.
 */
export function expandTwoDigitYear(yy: number): number {
  return yy < 30 ? 2000 + yy : 1900 + yy;
}

export { MS_PER_DAY };
