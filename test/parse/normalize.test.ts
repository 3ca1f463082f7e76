import { cleanText, foldKey } from '../../shared/text/normalize';

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
