import { findSheet, locateHeader } from '../../shared/validate/find-sheet';
import { INDICATOR_SHEET, INFO_SHEET, TASK_SHEET } from '../../shared/spec/annex';
import { tableSheet } from './workbook';

const tabs = (...names: string[]) => Object.fromEntries(names.map((n) => [n, [] as never[]]));

describe('findSheet', () => {
  test('finds the template tab names', () => {
    const g = tabs('Thông tin', 'Phụ lục 1 - Chỉ tiêu', 'Phụ lục 2 - Nhiệm vụ');
    expect(findSheet(g, INFO_SHEET)).toBe('Thông tin');
    expect(findSheet(g, INDICATOR_SHEET)).toBe('Phụ lục 1 - Chỉ tiêu');
    expect(findSheet(g, TASK_SHEET)).toBe('Phụ lục 2 - Nhiệm vụ');
  });

  test('accepts aliases typed without diacritics, in any case, with other spacing', () => {
    const g = tabs('THONG TIN', 'Phu luc 1', 'phu  luc 02');
    expect(findSheet(g, INFO_SHEET)).toBe('THONG TIN');
    expect(findSheet(g, INDICATOR_SHEET)).toBe('Phu luc 1');
    expect(findSheet(g, TASK_SHEET)).toBe('phu  luc 02');
  });

  test('accepts a tab that starts with an alias, but not another annex number', () => {
    expect(findSheet(tabs('PL1 năm 2025'), INDICATOR_SHEET)).toBe('PL1 năm 2025');
    expect(findSheet(tabs('Phụ lục 12'), INDICATOR_SHEET)).toBeNull();
    expect(findSheet(tabs('Sheet1', 'Báo cáo'), TASK_SHEET)).toBeNull();
  });

  test('prefers an exact name over a prefix match and skips taken tabs', () => {
    const g = tabs('Phụ lục 1 (cũ)', 'Phụ lục 1');
    expect(findSheet(g, INDICATOR_SHEET)).toBe('Phụ lục 1');
    expect(findSheet(g, INDICATOR_SHEET, new Set(['Phụ lục 1']))).toBe('Phụ lục 1 (cũ)');
  });
});

describe('locateHeader', () => {
  test('reads each workbook\'s own header when one workbook follows another', () => {
    // The searched rows' findings are kept for the next workbook: a changed, moved or new header must still be read anew.
    const template = () => tableSheet(INDICATOR_SHEET, []);
    const moved = () => tableSheet(INDICATOR_SHEET, [], { order: ['stt', 'name', 'numerator', 'denominator', 'result', 'target'] });
    const lower = () => tableSheet(INDICATOR_SHEET, [], { headerRow: 14 });
    const renamed = () => tableSheet(INDICATOR_SHEET, [], { headers: { monitor: 'Cột riêng của xã' } });
    for (let round = 0; round < 2; round++) {
      expect(locateHeader(template(), INDICATOR_SHEET)!.columns).toMatchObject({ code: 0, stt: 1, name: 2, target: 3, result: 8 });
      expect(locateHeader(moved(), INDICATOR_SHEET)!.columns).toEqual({ stt: 0, name: 1, numerator: 2, denominator: 3, result: 4, target: 5 });
      expect(locateHeader(lower(), INDICATOR_SHEET)!.headerRow).toBe(14);
      expect(locateHeader(renamed(), INDICATOR_SHEET)!.unknown).toEqual([{ col: 4, text: 'Cột riêng của xã' }]);
      expect(locateHeader(template(), INDICATOR_SHEET)!.unknown).toEqual([]);
    }
  });

  test('finds the template header at its row and maps every column', () => {
    const h = locateHeader(tableSheet(INDICATOR_SHEET, []), INDICATOR_SHEET)!;
    expect(h.headerRow).toBe(7);
    expect(h.dataStart).toBe(8);
    expect(h.columns).toEqual({
      code: 0, stt: 1, name: 2, target: 3, monitor: 4, executor: 5, numerator: 6, denominator: 7, result: 8, evaluation: 9, note: 10,
    });
    expect(h.missing).toEqual([]);
    expect(h.unknown).toEqual([]);
  });

  test('finds a header further down, typed without diacritics and with aliases', () => {
    const grid = tableSheet(INDICATOR_SHEET, [], {
      headerRow: 14,
      headers: {
        stt: 'stt', name: 'CHI TIEU', target: 'Chi tieu phan dau nam 2025', monitor: 'Don vi theo doi',
        numerator: 'So dat', denominator: 'Tong so', result: 'Ket qua thuc hien', evaluation: 'Danh gia (Dat/Chua dat)',
      },
    });
    const h = locateHeader(grid, INDICATOR_SHEET)!;
    expect(h.headerRow).toBe(14);
    expect(h.columns.name).toBe(2);
    expect(h.columns.target).toBe(3);
    expect(h.columns.monitor).toBe(4);
    expect(h.columns.numerator).toBe(6);
    expect(h.columns.denominator).toBe(7);
    expect(h.columns.result).toBe(8);
    expect(h.columns.evaluation).toBe(9);
    expect(h.found.target).toBe('Chi tieu phan dau nam 2025');
  });

  test('follows columns in another order and reports the missing ones', () => {
    const grid = tableSheet(TASK_SHEET, [], { order: ['tt', 'name', 'deadline', 'lead', 'status', 'completedOn', 'product'] });
    const h = locateHeader(grid, TASK_SHEET)!;
    expect(h.columns).toEqual({ tt: 0, name: 1, deadline: 2, lead: 3, status: 4, completedOn: 5, product: 6 });
    expect(h.missing.map((c) => c.key)).toEqual(['code', 'partners', 'planNote', 'documentRef', 'documentDate', 'reportNote']);
  });

  test('two "Ghi chú" columns: the first is the plan note, the second the report note', () => {
    const grid = tableSheet(TASK_SHEET, [], { headers: { reportNote: 'Ghi chú' } });
    const h = locateHeader(grid, TASK_SHEET)!;
    expect(h.columns.planNote).toBe(7);
    expect(h.columns.reportNote).toBe(12);
  });

  test('lists header cells it does not know', () => {
    const grid = tableSheet(INDICATOR_SHEET, [], { headers: { monitor: 'Cột riêng của xã' } });
    const h = locateHeader(grid, INDICATOR_SHEET)!;
    expect(h.unknown).toEqual([{ col: 4, text: 'Cột riêng của xã' }]);
    expect(h.missing.map((c) => c.key)).toEqual(['monitor']);
  });

  test('skips the column-number row under the header', () => {
    const grid = tableSheet(INDICATOR_SHEET, [], { between: [['', '(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)=(6)/(7)', '(9)', '(10)']] });
    const h = locateHeader(grid, INDICATOR_SHEET)!;
    expect(h.headerRow).toBe(7);
    expect(h.dataStart).toBe(9);
  });

  test('folds a two-row header: a merged group over Tử số / Mẫu số / Kết quả', () => {
    const top = ['Mã', 'STT', 'Chỉ tiêu', 'Chỉ tiêu phấn đấu', 'Đơn vị theo dõi, hướng dẫn', 'Đơn vị thực hiện',
      'Kết quả thực hiện', 'Kết quả thực hiện', 'Kết quả thực hiện', 'Đánh giá', 'Ghi chú'];
    const sub = ['Mã', 'STT', 'Chỉ tiêu', 'Chỉ tiêu phấn đấu', 'Đơn vị theo dõi, hướng dẫn', 'Đơn vị thực hiện',
      'Tử số', 'Mẫu số', 'Kết quả', 'Đánh giá', 'Ghi chú'];
    const grid = [['PHỤ LỤC 1'], [], top, sub, ['x']];
    const h = locateHeader(grid, INDICATOR_SHEET)!;
    expect(h.headerRow).toBe(3);
    expect(h.dataStart).toBe(4);
    expect(h.columns.numerator).toBe(6);
    expect(h.columns.denominator).toBe(7);
    expect(h.columns.result).toBe(8);
    expect(h.missing).toEqual([]);
  });

  test('no header in the first 30 rows gives null', () => {
    const grid = tableSheet(INDICATOR_SHEET, [], { headerRow: 31 });
    expect(locateHeader(grid, INDICATOR_SHEET)).toBeNull();
    expect(locateHeader([['Báo cáo'], ['Nội dung khác']], INDICATOR_SHEET)).toBeNull();
  });
});
