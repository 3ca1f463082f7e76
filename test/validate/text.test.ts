import fc from 'fast-check';
import { cleanText, foldKey } from '../../shared/text/normalize';
import { clean, wordKey } from '../../shared/validate/text';

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
