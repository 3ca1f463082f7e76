/**
 * Calendar arithmetic on plain day numbers, shared by the date and deadline parsers. Day steps and
 * month lengths come from date-fns, on local-midnight Dates built from (year, month, day) and read
 * back the same way, so no time zone or daylight-saving shift can move a day; serial numbers go
 * through UTC (utcMs, isoFromMs).
 */
import { addDays as addDaysToDate, getDaysInMonth } from 'date-fns';
import type { IsoDate } from '../cell';

const MS_PER_DAY = 86_400_000;

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** Days in a month of the proleptic Gregorian calendar: (2025, 2) → 28, (2024, 2) → 29. */
export function daysInMonth(y: number, m: number): number {
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
  if (typeof iso !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
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
