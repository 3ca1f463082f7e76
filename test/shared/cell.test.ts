import { a1, columnLetter, compareIso, parseA1, parseRangeBox } from '../../shared/cell';

describe('A1 addresses and ranges', () => {
  test('columns and cells', () => {
    expect([0, 25, 26, 27, 16383].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'XFD']);
    expect(a1(11, 7)).toBe('H12');
    expect(parseA1('$AB$12')).toEqual({ row: 11, col: 27 });
    expect(parseA1('12')).toBeNull();
  });

  test('a cell, a rectangle written either way round, absolute references', () => {
    expect(parseRangeBox('B9')).toEqual({ row: 8, col: 1, rows: 1, cols: 1 });
    expect(parseRangeBox('B9:D40')).toEqual({ row: 8, col: 1, rows: 32, cols: 3 });
    expect(parseRangeBox('D40:B9')).toEqual({ row: 8, col: 1, rows: 32, cols: 3 });
    expect(parseRangeBox('$A$1:$B$2')).toEqual({ row: 0, col: 0, rows: 2, cols: 2 });
  });

  test('whole columns and whole rows take the given extent', () => {
    expect(parseRangeBox('A:C', { rows: 50, cols: 11 })).toEqual({ row: 0, col: 0, rows: 50, cols: 3 });
    expect(parseRangeBox('8:8', { rows: 50, cols: 11 })).toEqual({ row: 7, col: 0, rows: 1, cols: 11 });
  });

  test('anything else is not a range', () => {
    for (const bad of ['', 'B', 'B9:', 'A1:B2:C3', '0:0', 'A0', 'Thông tin!B2', 'ABCD1']) expect(parseRangeBox(bad)).toBeNull();
  });
});

describe('compareIso', () => {
  it('orders ISO dates in time order', () => {
    const dates = ['2025-12-31', '2025-03-31', '2026-01-01', '2025-03-31', '2024-12-31'];
    expect([...dates].sort(compareIso)).toEqual(['2024-12-31', '2025-03-31', '2025-03-31', '2025-12-31', '2026-01-01']);
    expect(compareIso('2025-06-30', '2025-06-30')).toBe(0);
    expect(compareIso('2025-06-29', '2025-06-30')).toBeLessThan(0);
  });
});
