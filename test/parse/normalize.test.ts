import fc from 'fast-check';
import { cleanText, foldKey, isBlankText } from '../../shared/text/normalize';

describe('cleanText', () => {
  test('NBSP, narrow NBSP and runs of white space become one space, trimmed', () => {
    expect(cleanText('\u00a0Quý\u00a0\u00a0I\u202f2025 \t\n')).toBe('Quý I 2025');
  });
  test('zero-width characters, BOM and soft hyphens disappear', () => {
    expect(cleanText('\ufeffHoàn\u200b thành\u00ad\u2060')).toBe('Hoàn thành');
  });
  test('decomposed (NFD) input comes out composed (NFC)', () => {
    const nfd = 'Hoàn thành'.normalize('NFD');
    expect(nfd).not.toBe('Hoàn thành');
    expect(cleanText(nfd)).toBe('Hoàn thành');
    expect(cleanText(nfd).length).toBe('Hoàn thành'.length);
  });
  test('null and undefined are empty; numbers become their text', () => {
    expect(cleanText(null)).toBe('');
    expect(cleanText(undefined)).toBe('');
    expect(cleanText(12.5)).toBe('12.5');
  });
});

describe('cleanText and isBlankText against the plain definition', () => {
  // NFC, invisible characters removed, every run of white space one space, trimmed: what cleanText
  // gives, whichever replacements it finds it can skip.
  const plain = (s: string) => s.normalize('NFC').replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '').replace(/\s+/g, ' ').trim();
  const pieces = [
    'a', 'ệ', 'e\u0302\u0301', '\u0301', ' ', '  ', '\t', '\n', '\r\n', '\u00A0', '\u2000', '\u2001', '\u202F', '\u3000',
    '\u200B', '\uFEFF', '\u00AD', '\u2060', '\u2028', 'Hoàn thành', '%', '1',
  ];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 16 }).map((a) => a.join(''));
  test('gives the same text', () => {
    fc.assert(fc.property(text, (s) => cleanText(s) === plain(s)), { numRuns: 3000 });
    expect(cleanText(' a \u200B b ')).toBe('a b');
    expect(cleanText('a\u00A0 b')).toBe('a b');
  });
  test('isBlankText is cleanText giving nothing', () => {
    fc.assert(fc.property(text, (s) => isBlankText(s) === (plain(s) === '')), { numRuns: 3000 });
    expect(isBlankText(' \u200B\u2001\n')).toBe(true);
    expect(isBlankText(' \u0301 ')).toBe(false);
    expect(isBlankText(`${' '.repeat(30_000)}x`)).toBe(false);
  });
});

describe('foldKey', () => {
  test('drops diacritics and lower-cases, đ → d', () => {
    expect(foldKey('Đơn vị thực hiện')).toBe('don vi thuc hien');
    expect(foldKey('ĐẠT')).toBe('dat');
  });
  test('typed with and without diacritics, composed or not, gives one key', () => {
    expect(foldKey('Hoàn thành')).toBe('hoan thanh');
    expect(foldKey('hoan thanh')).toBe('hoan thanh');
    expect(foldKey('Hoàn thành'.normalize('NFD'))).toBe('hoan thanh');
    expect(foldKey(' Quí\u00a0II ')).toBe('qui ii');
  });
  test('invisible characters do not split words', () => {
    expect(foldKey('thường\u200bxuyên')).toBe('thuongxuyen');
  });
});
