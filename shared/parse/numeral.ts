/**
 * The digits of one number as people in Vietnam type them (no sign, no % — see number.ts).
 *
 * vi-VN writes a decimal COMMA and groups thousands with a dot (1.234,5) or a space (12 345).
 * People also type a dot as the decimal point (English keyboards, habits from calculators), so a
 * dot is read by what follows it. The rules, in order, each with examples:
 *
 * | written        | reading  | rule                                                                 |
 * | -------------- | -------- | -------------------------------------------------------------------- |
 * | `1234`         | 1234     | digits only                                                          |
 * | `12 345`       | 12345    | space-grouped thousands (groups of exactly 3 after the first 1–3)     |
 * | `12 345,5`     | 12345.5  | with space groups, one `,` or `.` left is the decimal point          |
 * | `1,5` `1,234`  | 1.5 1.234| one comma, no dot: decimal comma (in vi-VN a comma never groups)     |
 * | `1.234,5`      | 1234.5   | dots group thousands, one comma is decimal (vi-VN)                   |
 * | `1.234` `1.234.567` | 1234 1234567 | dots before groups of exactly 3 digits, first group 1–999 without leading 0: thousands |
 * | `0.8` `1.5` `95.25` `0.800` | decimals | one dot that cannot be a thousands dot: decimal point     |
 * | `,5` `.5`      | 0.5      | a leading separator is a decimal point                               |
 * | `1,234.5`      | refused  | en-US grouping: vi-VN would read the comma as decimal — never guess  |
 * | `1,234,567`    | refused  | several commas cannot be vi-VN                                       |
 * | `1.2.3` `1.23.456` | refused | dots that are neither thousands groups nor one decimal point     |
 * | `1.234,5,6` `5,` `1e5` | refused | anything else                                           |
 */
import { fail, ok, type Parsed } from '../result';

const DIGITS = /^\d+$/;
const SPACE_GROUPED = /^(\d{1,3}(?: \d{3})+)(?:[.,](\d+))?$/;
const DOT_THOUSANDS = /^[1-9]\d{0,2}(?:\.\d{3})+$/;
const VI_FULL = /^([1-9]\d{0,2}(?:\.\d{3})+),(\d+)$/;
const EN_FULL = /^\d{1,3}(?:,\d{3})+\.\d+$/;

const asNumber = (intPart: string, fraction = ''): number => Number(fraction ? `${intPart}.${fraction}` : intPart);

const example = 'Nhập số không có dấu ngăn cách, dùng dấu phẩy cho phần thập phân, ví dụ 1234 hoặc 12,5';

/** "1.234,5" → 1234.5; refuses what could be read two ways. Never throws. */
export function readNumeral(text: string): Parsed<number> {
  const s = text.trim();
  if (s === '' || !/^[\d., ]+$/.test(s) || !/\d/.test(s)) {
    return fail('number.invalid', `“${s}” không phải là số. ${example}.`);
  }
  if (DIGITS.test(s)) return ok(Number(s));

  const spaced = SPACE_GROUPED.exec(s);
  if (spaced) return ok(asNumber(spaced[1].replace(/ /g, ''), spaced[2]));
  if (s.includes(' ')) {
    return fail('number.invalid', `“${s}” có khoảng trắng không đúng chỗ. ${example}.`);
  }

  const commas = (s.match(/,/g) ?? []).length;
  const dots = (s.match(/\./g) ?? []).length;

  if (commas > 0 && dots > 0) {
    const vi = VI_FULL.exec(s);
    if (vi) return ok(asNumber(vi[1].replace(/\./g, ''), vi[2]));
    if (EN_FULL.test(s)) {
      return fail(
        'number.ambiguous',
        `“${s}” viết theo kiểu dấu phẩy ngăn hàng nghìn, dấu chấm thập phân; trong tiếng Việt dấu phẩy là dấu thập phân nên không đoán. ` +
          `Nhập ${s.replace(/,/g, '').replace('.', ',')} (dấu phẩy cho phần thập phân).`,
      );
    }
    return fail('number.ambiguous', `“${s}” có cả dấu chấm và dấu phẩy không đúng quy ước. ${example}.`);
  }

  if (commas > 1) {
    return fail(
      'number.ambiguous',
      `“${s}” có nhiều dấu phẩy; trong tiếng Việt dấu phẩy là dấu thập phân nên không đoán. ` +
        `Nhập ${s.replace(/,/g, '')} hoặc ${s.replace(/,/g, '.')} (dấu chấm ngăn hàng nghìn).`,
    );
  }
  if (commas === 1) {
    const m = /^(\d*),(\d+)$/.exec(s);
    if (m) return ok(asNumber(m[1] || '0', m[2]));
    return fail('number.invalid', `“${s}” không phải là số. ${example}.`);
  }

  // Dots only.
  if (DOT_THOUSANDS.test(s)) return ok(Number(s.replace(/\./g, '')));
  if (dots === 1) {
    const m = /^(\d*)\.(\d+)$/.exec(s);
    if (m) return ok(asNumber(m[1] || '0', m[2]));
  }
  return fail(
    'number.ambiguous',
    `“${s}” không phải là số: dấu chấm chỉ dùng để ngăn hàng nghìn (1.234.567) hoặc một lần làm dấu thập phân. ${example}.`,
  );
}
