/**
 * Numbers in cells, as typed by commune staff, and Vietnamese number formatting.
 *
 * parseNumber reads:
 * - a number from the host unchanged: 0.8 → 0.8 (a percent-formatted cell already holds the fraction);
 * - text with an optional sign and an optional trailing %: "80%" → 0.8 (percent: true), "80,5 %" → 0.805,
 *   "-5" → -5, "80" → 80 (a bare number is never divided by 100 here; see parseRate for rates);
 * - the digits by the rules of numeral.ts: "1.234" → 1234, "1.234,5" → 1234.5, "1,5" → 1.5, "12 345" → 12345,
 *   refusing what could be read two ways: "1,234.5", "1,234,567", "1.2.3";
 * - the words for "nothing to report" as no_data, never 0: "-", "–", "—", "x", "X", "kps", "k.p.s",
 *   "không phát sinh", "chưa phát sinh", "n/a";
 * - '' / null / white space as empty.
 * Booleans, dates and any other text are refused with a reason that says what to type.
 */
import type { CellValue } from '../cell';
import { fail, ok, type Parsed } from '../result';
import { TextMemo } from '../text/memo';
import { cleanText, foldKey } from '../text/normalize';
import { readNumeral } from './numeral';

export type NumberReading =
  | { kind: 'number'; value: number; percent: boolean }
  | { kind: 'empty' }
  | { kind: 'no_data' };

const NO_DATA = /^(?:-+|–|—|x|kps|k\.p\.s\.?|khong phat sinh|chua phat sinh|n\/a)$/;

/** Removes binary noise from a division: 80.5 / 100 → 0.805, not 0.8049999999999999. */
export function tidy(n: number): number {
  return Number.isFinite(n) ? Number.parseFloat(n.toPrecision(15)) : n;
}

const TYPE_HINT = 'Nhập một số, ví dụ 120 hoặc 95,5%, hoặc “x” nếu không phát sinh';

export function parseNumber(v: CellValue): Parsed<NumberReading> {
  if (v === null || v === undefined) return ok({ kind: 'empty' });
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return fail('number.invalid', `Ô chứa giá trị lỗi, không phải số. ${TYPE_HINT}.`);
    return ok({ kind: 'number', value: v, percent: false });
  }
  if (typeof v === 'boolean') {
    return fail('number.boolean', `Ô chứa giá trị đúng/sai (${v ? 'TRUE' : 'FALSE'}), không phải số. ${TYPE_HINT}.`);
  }
  if (v instanceof Date) return fail('number.date', `Ô chứa ngày tháng, không phải số. ${TYPE_HINT}.`);
  if (typeof v !== 'string') return fail('number.invalid', `Ô không chứa số. ${TYPE_HINT}.`);
  return NUMBER_READINGS.get(v, (text) => frozen(parseNumberText(text)));
}

/**
 * Readings of number texts ("x", "95,5%", "Hoàn thành" in a result cell) are kept by text: units
 * type the same few in every workbook. Kept readings are frozen, so no caller can change another's.
 */
const NUMBER_READINGS = new TextMemo<Parsed<NumberReading>>(200_000, 200);

function frozen<T>(p: Parsed<T>): Parsed<T> {
  if (p.ok) Object.freeze(p.value);
  return Object.freeze(p);
}

function parseNumberText(v: string): Parsed<NumberReading> {
  const s = cleanText(v);
  if (s === '') return ok({ kind: 'empty' });
  if (NO_DATA.test(foldKey(s))) return ok({ kind: 'no_data' });

  const m = /^([+\-−–]?)\s*([\d., ]*?)\s*(%?)$/.exec(s);
  if (!m || m[2] === '') return fail('number.invalid', `“${s}” không phải là số. ${TYPE_HINT}.`);
  const digits = readNumeral(m[2]);
  if (!digits.ok) return digits;
  const sign = m[1] === '' || m[1] === '+' ? 1 : -1;
  const percent = m[3] === '%';
  const value = sign * (percent ? tidy(digits.value / 100) : digits.value);
  return ok({ kind: 'number', value: value === 0 ? 0 : value, percent });
}

/**
 * A rate or result cell: a fraction 0–1 as is (0.95, "0,95"), "95%" → 0.95; a bare number
 * 1 < n ≤ 100 is read as percentage points (95 → 0.95) with assumedPercentPoints so that validation
 * can warn; a bare 1 is 100%. Above 100% or negative is refused. Empty and no_data give value null.
 */
export function parseRate(v: CellValue): Parsed<{ value: number | null; assumedPercentPoints: boolean }> {
  const p = parseNumber(v);
  if (!p.ok) return p;
  if (p.value.kind !== 'number') return ok({ value: null, assumedPercentPoints: false });
  const { value, percent } = p.value;
  const outside = (shown: string) =>
    fail<never>(
      'rate.out_of_range',
      `Tỷ lệ ${shown} nằm ngoài khoảng 0–100%. Nhập tỷ lệ từ 0% đến 100%, ví dụ 95% hoặc 0,95.`,
    );
  if (value < 0) return outside(percent ? formatPercentVi(value) : formatNumberVi(value));
  if (percent || value <= 1) {
    return value <= 1 ? ok({ value, assumedPercentPoints: false }) : outside(formatPercentVi(value));
  }
  if (value <= 100) return ok({ value: tidy(value / 100), assumedPercentPoints: true });
  return outside(formatNumberVi(value));
}

const clampDecimals = (decimals: number | undefined): number =>
  typeof decimals === 'number' && Number.isFinite(decimals) ? Math.min(20, Math.max(0, Math.trunc(decimals))) : 2;

/**
 * Vietnamese number text: dot between thousands, decimal comma, at most `decimals` (default 2)
 * fraction digits with trailing zeros dropped. 1234.5 → "1.234,5"; 0.125 → "0,13"; -1234 → "-1.234";
 * (2.5, 0) → "3". Not a finite number → ''.
 */
export function formatNumberVi(n: number, decimals?: number): string {
  if (typeof n !== 'number' || !Number.isFinite(n)) return '';
  const d = clampDecimals(decimals);
  const abs = Math.abs(n);
  // toFixed switches to exponent notation from 1e21; such floats are whole numbers anyway.
  const fixed = abs >= 1e21 ? BigInt(Math.round(abs)).toString() : abs.toFixed(d);
  const [whole, fraction = ''] = fixed.split('.');
  const frac = fraction.replace(/0+$/, '');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const negative = n < 0 && /[1-9]/.test(whole + frac);
  return `${negative ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}

/** A fraction as a Vietnamese percentage: 0.955 → "95,5%", 1 → "100%", (0.12345, 1) → "12,3%". */
export function formatPercentVi(fraction: number, decimals?: number): string {
  if (typeof fraction !== 'number' || !Number.isFinite(fraction)) return '';
  return `${formatNumberVi(tidy(fraction * 100), decimals)}%`;
}
