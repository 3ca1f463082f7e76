import { emptySheet } from '../../shared/layout/sheet-model';
import { fitRowHeights, linesNeeded, LINE_HEIGHT } from '../../shared/layout/row-heights';
import { standardTemplate } from '../../shared/layout/standard-template';
import { columnIndex, TASK_SHEET } from '../../shared/spec/annex';

describe('row heights for wrapped text', () => {
  test('lines needed follow the column width and explicit line breaks', () => {
    expect(linesNeeded('Kế hoạch', 20)).toBe(1);
    expect(linesNeeded('a'.repeat(41), 11)).toBe(5); // 41 / 10 → 5
    expect(linesNeeded('dòng 1\ndòng 2', 40)).toBe(2);
  });

  test('only rows that need more than one line get a height; hidden and merged cells are not measured', () => {
    const sheet = emptySheet('Thử');
    sheet.columnWidths = [10, 20, 10];
    sheet.hiddenColumns = [0];
    sheet.rows = [
      ['Tiêu đề rất dài được gộp qua cả ba cột của bảng', '', ''],
      ['x'.repeat(100), 'ngắn', ''],
      ['', 'Xây dựng Kế hoạch tuyên truyền cải cách hành chính năm 2025', ''],
      ['', 'ngắn thôi', 42],
    ];
    sheet.merges = ['A1:C1'];
    fitRowHeights(sheet, 0);
    expect(sheet.rowHeights).toEqual({ 2: 4 * LINE_HEIGHT + 2 }); // 59 characters / 19 → 4 lines
  });

  test('a long task name in the template gets the height of its lines', () => {
    const tasks = standardTemplate({ year: 2025, period: 'Q1' }).sheets.find((s) => s.name === TASK_SHEET.name)!;
    const nameCol = columnIndex(TASK_SHEET, 'name');
    const width = TASK_SHEET.columns[nameCol].width;
    const row = tasks.rows.findIndex((r, i) => i > TASK_SHEET.headerRow && typeof r[nameCol] === 'string' && (r[nameCol] as string).length > 3 * width);
    expect(row).toBeGreaterThan(TASK_SHEET.headerRow);
    expect(tasks.rowHeights?.[row]).toBeGreaterThanOrEqual(3 * LINE_HEIGHT);
  });
});
