/**
 * E-mail addresses as people type them into a cell: one or several, separated by commas, semicolons
 * or spaces. Each must be an address a mail service accepts (name@domain.tld, no spaces, no brackets);
 * anything else is refused with a Vietnamese reason that quotes what was typed and says what to write.
 *
 * `parseEmailList('a@xa.gov.vn; b@xa.gov.vn')` → `{ ok: true, value: ['a@xa.gov.vn', 'b@xa.gov.vn'] }`
 * `parseEmailList('chưa có')` → `{ ok: false, code: 'email.invalid', reason: '“chưa có” không phải địa chỉ thư điện tử …' }`
 */
import { fail, ok, type Parsed } from '../result';

const ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

export function isEmailAddress(text: string): boolean {
  return ADDRESS.test(text) && !text.includes('..') && !text.startsWith('.') && !text.split('@')[0].endsWith('.');
}

/** Addresses in a cell; an empty cell is an empty list. */
export function parseEmailList(text: string): Parsed<string[]> {
  const parts = text
    .normalize('NFC')
    .split(/[,;\s]+/)
    .map((p) => p.replace(/^[<(]+|[>)]+$/g, ''))
    .filter((p) => p !== '');
  const bad = parts.filter((p) => !isEmailAddress(p));
  if (bad.length > 0) {
    const shown = parts.length === bad.length && parts.length > 1 ? text.trim() : bad[0];
    return fail('email.invalid', `“${shown}” không phải địa chỉ thư điện tử. Hãy ghi địa chỉ dạng ten@donvi.gov.vn; nhiều địa chỉ thì cách nhau bằng dấu phẩy.`);
  }
  return ok(parts);
}
