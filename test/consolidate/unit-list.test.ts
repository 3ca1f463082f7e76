import { LIST_CELL_LIMIT, unitList } from '../../shared/layout/summary';

describe('lists of units in one summary cell', () => {
  test('a short list is every name, separated by "; "', () => {
    expect(unitList(['Xã An Hòa', 'Xã Bình Minh'], 'Chi tiết theo đơn vị')).toBe('Xã An Hòa; Xã Bình Minh');
    expect(unitList([], 'Chi tiết theo đơn vị')).toBe('');
  });

  test('a province-sized list stops at the limit and says how many more and where they are', () => {
    const names = Array.from({ length: 400 }, (_, i) => `UBND xã Mẫu ${i + 1}: 81,5% (chênh lệch 8,5%)`);
    const text = unitList(names, 'Chi tiết theo đơn vị');
    const shown = text.split('; ').length - 1; // the last part is the "… và N đơn vị khác" note
    expect(text.length).toBeLessThanOrEqual(LIST_CELL_LIMIT + 80);
    expect(text.startsWith('UBND xã Mẫu 1: 81,5% (chênh lệch 8,5%); UBND xã Mẫu 2:')).toBe(true);
    expect(text.endsWith(`; … và ${400 - shown} đơn vị khác (xem trang Chi tiết theo đơn vị)`)).toBe(true);
    expect(shown).toBeGreaterThan(20);
  });
});
