/**
 * Dates in cells: Excel serial numbers, Date objects from hosts, and text typed day first.
 *
 * Text is ALWAYS day/month/year (never month/day):
 *   "15/3/2025", "15-03-2025", "15.3.2025", "15/03/25" (two-digit years as Excel reads them:
 *   00–29 → 20xx, 30–99 → 19xx), "ngày 15 tháng 3 năm 2025", "ngay 15 thang 3 nam 2025",
 *   "2025-03-15" (ISO, year first, only with four-digit year and dashes), "15/3" or "15-3" with
 *   opts.defaultYear (not "15.3", which is a decimal number). A time after the date ("15/03/2025 0:00")
 *   is ignored. Impossible days (31/2/2025, 0/1/2025, 15/13/2025) are refused with a reason.
 *
 * Numbers are Excel serials, 1900 system by default (serial 1 = 01/01/1900; serial 60 is Excel's
 * fictitious 29/02/1900 and is refused; from 61 on, day = 30/12/1899 + serial), or the 1904 system
 * (serial 0 = 01/01/1904). The fraction (time of day) is dropped.
 *
 * Date objects: when the instant is exactly UTC midnight we take the UTC calendar fields, otherwise
 * the local ones. File readers such as exceljs turn a date cell into UTC midnight of that day, so local
 * fields would show the previous day west of Greenwich; Apps Script's getValues() gives midnight in the
 * spreadsheet's time zone, which is the script's local zone, so there the local fields are the day the
 * user sees (in Việt Nam, UTC+7, that instant is 17:00 UTC of the previous day, never UTC midnight).
 */
import type { CellValue, IsoDate } from '../cell';
import { fail, ok, type Parsed } from '../result';
import { cleanText, foldKey } from '../text/normalize';
import { daysInMonth, expandTwoDigitYear, fromIso, isoFromMs, MS_PER_DAY, toIso, utcMs } from './calendar';

export interface ParseDateOptions {
  /** The workbook uses the 1904 date system (Mac Excel of old, some LibreOffice files). */
  date1904?: boolean;
  /** Year for "15/3" written without one (the plan's year). */
  defaultYear?: number;
}

const HINT = 'Nhập ngày/tháng/năm, ví dụ 15/03/2025';
const two = (n: number) => String(n).padStart(2, '0');

// Serial ↔ day: the last serials Excel accepts are 9999-12-31 in each system.
const MAX_SERIAL_1900 = 2_958_465;
const MAX_SERIAL_1904 = 2_957_003;
const BASE_1904 = utcMs(1904, 1, 1);
const BASE_1900_EARLY = utcMs(1899, 12, 31); // serials 1–59
const BASE_1900 = utcMs(1899, 12, 30); // serials 61 on, past the fictitious 29/02/1900

/** Excel serial → IsoDate: 45731 → "2025-03-15". Null for serial 60 (1900 system) and out of range. */
export function serialToIso(serial: number, date1904 = false): IsoDate | null {
  if (typeof serial !== 'number' || !Number.isFinite(serial)) return null;
  const day = Math.floor(serial);
  if (date1904) return day < 0 || day > MAX_SERIAL_1904 ? null : isoFromMs(BASE_1904 + day * MS_PER_DAY);
  if (day < 1 || day > MAX_SERIAL_1900 || day === 60) return null;
  return isoFromMs((day < 60 ? BASE_1900_EARLY : BASE_1900) + day * MS_PER_DAY);
}

/** IsoDate → Excel serial: "2025-03-15" → 45731. Null when not a real day in Excel's range. */
export function isoToSerial(iso: IsoDate, date1904 = false): number | null {
  const p = fromIso(iso);
  if (!p) return null;
  const ms = utcMs(p.y, p.m, p.d);
  if (date1904) {
    const serial = Math.round((ms - BASE_1904) / MS_PER_DAY);
    return serial >= 0 && serial <= MAX_SERIAL_1904 ? serial : null;
  }
  const early = Math.round((ms - BASE_1900_EARLY) / MS_PER_DAY);
  if (early < 1) return null;
  const serial = early < 60 ? early : early + 1;
  return serial <= MAX_SERIAL_1900 ? serial : null;
}

/** "2025-03-15" → "15/03/2025". Text that is not an IsoDate is returned unchanged. */
export function formatDateVi(iso: IsoDate): string {
  const p = fromIso(iso);
  if (!p) return typeof iso === 'string' ? iso : '';
  return `${two(p.d)}/${two(p.m)}/${String(p.y).padStart(4, '0')}`;
}

/**
 * Checks a day written as numbers and says precisely what is wrong. Shared with the deadline parser.
 * `shown` is the day as the user wrote it, quoted in the reason.
 */
export function checkDay(d: number, m: number, y: number, shown: string): Parsed<IsoDate> {
  if (y < 1900 || y > 9999) {
    return fail('date.out_of_range', `Năm ${y} trong “${shown}” không hợp lệ. ${HINT}.`);
  }
  if (m < 1 || m > 12) {
    const swapped = d >= 1 && d <= 12 && m <= 31 ? ` Có thể đã ghi tháng trước ngày; ghi ngày trước: ${two(m)}/${two(d)}/${y}.` : '';
    return fail('date.invalid', `Tháng ${m} trong “${shown}” không có thật (tháng từ 1 đến 12).${swapped} ${HINT}.`);
  }
  const last = daysInMonth(y, m);
  if (d < 1 || d > last) {
    return fail(
      'date.invalid',
      `Ngày “${shown}” không có thật: tháng ${two(m)}/${y} có ${last} ngày. Nhập lại ngày, ví dụ ${two(Math.min(Math.max(d, 1), last))}/${two(m)}/${y}.`,
    );
  }
  return ok(toIso(y, m, d));
}

const ISO_TEXT = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DMY = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})$/;
const DM = /^(\d{1,2})\s*([/-])\s*(\d{1,2})$/;
const SPELLED = /^(\d{1,2})\s*thang\s*(\d{1,2})(?:\s*(?:nam|[/,-])?\s*(\d{4}))?$/;

function fromText(raw: string, defaultYear: number | undefined): Parsed<IsoDate | null> {
  const shown = cleanText(raw);
  if (shown === '') return ok(null);
  // Folded: "Ngày 15 tháng 3 năm 2025" → "15 thang 3 nam 2025"; a trailing time of day is dropped.
  const k = foldKey(shown)
    .replace(/^ngay\s*/, '')
    .replace(/\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]m)?$/, '');

  let m = ISO_TEXT.exec(k);
  if (m) return checkDay(Number(m[3]), Number(m[2]), Number(m[1]), shown);
  m = DMY.exec(k);
  if (m) {
    const y = m[4].length === 2 ? expandTwoDigitYear(Number(m[4])) : Number(m[4]);
    return checkDay(Number(m[1]), Number(m[3]), y, shown);
  }
  const dm = DM.exec(k);
  const spelled = dm ? null : SPELLED.exec(k);
  if (dm || spelled) {
    const d = Number(dm ? dm[1] : spelled![1]);
    const mo = Number(dm ? dm[3] : spelled![2]);
    if (spelled?.[3]) return checkDay(d, mo, Number(spelled[3]), shown);
    if (defaultYear === undefined || !Number.isInteger(defaultYear)) {
      return fail('date.no_year', `“${shown}” thiếu năm. Ghi đủ ngày/tháng/năm, ví dụ ${two(d)}/${two(mo)}/2025.`);
    }
    return checkDay(d, mo, defaultYear, shown);
  }
  return fail('date.unreadable', `Không đọc được ngày “${shown}”. ${HINT}.`);
}

function fromSerial(n: number, date1904: boolean): Parsed<IsoDate | null> {
  if (!Number.isFinite(n)) return fail('date.invalid', `Ô chứa giá trị lỗi, không phải ngày. ${HINT}.`);
  if (!date1904 && Math.floor(n) === 60) {
    return fail('date.invalid', `Số ngày 60 là ngày 29/02/1900, một ngày không có thật trong lịch Excel. ${HINT}.`);
  }
  const iso = serialToIso(n, date1904);
  if (iso === null) {
    const onlyTime = n >= 0 && n < 1;
    return fail(
      'date.out_of_range',
      onlyTime ? `Ô chỉ chứa giờ, không có ngày. ${HINT}.` : `Số ${n} không phải là một ngày trong lịch Excel. ${HINT}.`,
    );
  }
  return ok(iso);
}

/**
 * Readings of whole-day dates (UTC midnight, as file readers give date cells) by their time value: a
 * batch holds a few hundred distinct dates, each read thousands of times. Frozen, as they are
 * shared; bounded (emptied when full). Other times are read each time: they are read in the local
 * time zone, which may change while a task pane stays open.
 */
const BY_TIME = new Map<number, Parsed<IsoDate | null>>();
const MAX_KEPT_DATES = 20_000;

function fromDateObject(date: Date): Parsed<IsoDate | null> {
  const t = date.getTime();
  if (t % MS_PER_DAY !== 0) return readDateObject(date, t);
  let p = BY_TIME.get(t);
  if (p === undefined) {
    p = Object.freeze(readDateObject(date, t));
    if (BY_TIME.size >= MAX_KEPT_DATES) BY_TIME.clear();
    BY_TIME.set(t, p);
  }
  return p;
}

function readDateObject(date: Date, t: number): Parsed<IsoDate | null> {
  if (Number.isNaN(t)) return fail('date.invalid', `Ô chứa ngày không hợp lệ. ${HINT}.`);
  const utcMidnight = t % MS_PER_DAY === 0;
  const y = utcMidnight ? date.getUTCFullYear() : date.getFullYear();
  const m = (utcMidnight ? date.getUTCMonth() : date.getMonth()) + 1;
  const d = utcMidnight ? date.getUTCDate() : date.getDate();
  // Apps Script hands a time-only cell as a Date on 30/12/1899.
  if (y < 1900) return fail('date.out_of_range', `Ô chỉ chứa giờ hoặc một ngày trước năm 1900. ${HINT}.`);
  return checkDay(d, m, y, `${two(d)}/${two(m)}/${y}`);
}

/** A date cell → IsoDate, null when blank. Never throws. */
export function parseDate(v: CellValue, opts: ParseDateOptions = {}): Parsed<IsoDate | null> {
  if (v === null || v === undefined) return ok(null);
  if (typeof v === 'number') return fromSerial(v, opts?.date1904 === true);
  if (typeof v === 'boolean') return fail('date.boolean', `Ô chứa giá trị đúng/sai, không phải ngày. ${HINT}.`);
  if (v instanceof Date) return fromDateObject(v);
  if (typeof v === 'string') return fromText(v, opts?.defaultYear);
  return fail('date.unreadable', `Ô không chứa ngày. ${HINT}.`);
}
