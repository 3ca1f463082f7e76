import fc from 'fast-check';
import { cleanText, foldKey } from '../../shared/text/normalize';
import { clean, wordKey } from '../../shared/validate/text';
import { quote } from '../../shared/validate/issues';

const slowWordKey = (v: unknown) => foldKey(v).replace(/[^a-z0-9]+/g, ' ').trim();

// Letters and marks that Vietnamese text is made of, decomposed marks, odd spaces and invisibles included.
const pieces = [
  'a', 'Đ', 'đ', 'ơ', 'Ư', 'ệ', 'Ầ', 'ỷ', ' ', '  ', '\t', '\n', '\u00A0', '\u200B', '\u0301', '\u0323', 'e\u0302\u0301',
  ',', '.', '-', '%', '/', '1', '9', 'Hoàn thành', 'hoan thanh', 'Ω', 'ß', 'İ', 'Æ', '×', '\u212B',
];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((a) => a.join(''));

test('clean gives exactly what cleanText gives', () => {
  fc.assert(fc.property(text, (s) => clean(s) === cleanText(s)), { numRuns: 2000 });
  fc.assert(fc.property(fc.double(), (n) => clean(n) === cleanText(n)), { numRuns: 2000 });
  expect(clean(12.5)).toBe('12.5');
  expect(clean(-0)).toBe(cleanText(-0));
  expect(clean(null)).toBe('');
});

test('wordKey gives the diacritic-free words foldKey gives', () => {
  fc.assert(fc.property(text, (s) => wordKey(s) === slowWordKey(s)), { numRuns: 2000 });
  expect(wordKey('Đơn vị theo dõi, hướng dẫn')).toBe('don vi theo doi huong dan');
  expect(wordKey('  Tử số (1) ')).toBe('tu so 1');
  expect(wordKey(2025)).toBe('2025');
});

test('wordKey of texts longer than its chunk of 4,096 characters gives the words foldKey gives', () => {
  const long = fc.array(fc.constantFrom(...pieces), { minLength: 1500, maxLength: 4000 }).map((a) => a.join(''));
  fc.assert(fc.property(long, (s) => wordKey(s) === slowWordKey(s)), { numRuns: 60 });
  const target = `Tối thiểu 7% ${'tỷ lệ hồ sơ '.repeat(2500)}`;
  expect(wordKey(target)).toBe(`toi thieu 7 ${'ty le ho so '.repeat(2500).trim()}`);
  expect(wordKey('a'.repeat(4095) + ' Đ')).toBe('a'.repeat(4095) + ' d');
});

describe('a date or time in a message', () => {
  it('is named as day/month/year or hour:minute with what to do, never as JavaScript prints a Date', () => {
    const retype = 'Excel đã tự đổi nội dung gõ vào thành ngày giờ; hãy định dạng ô là Văn bản hoặc Số rồi gõ lại';
    expect(quote(new Date(Date.UTC(2025, 4, 5)))).toBe(`ngày 05/05/2025 (${retype})`);
    expect(quote(new Date(Date.UTC(1899, 11, 30, 0, 15)))).toBe(`giờ 00:15 (${retype})`);
    expect(quote(new Date(Date.UTC(1904, 0, 1, 12, 30)))).toBe(`giờ 12:30 (${retype})`);
    expect(quote(new Date(Date.UTC(2025, 11, 15, 14, 30)))).toBe(`ngày giờ 15/12/2025 14:30 (${retype})`);
    expect(quote(new Date(NaN))).toBe('một ngày không hợp lệ');
    expect(quote(new Date(Date.UTC(2025, 4, 5)))).not.toMatch(/GMT|Mon|May/);
  });
});
