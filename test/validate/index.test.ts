/** Entry points for hosts: one sheet after an edit, issue text for lists, and issue order. */
import type { ValidationIssue } from '../../shared/model';
import { INDICATOR_SHEET, INFO_SHEET, TASK_SHEET } from '../../shared/spec/annex';
import { formatIssue, readReport, sortIssues, validateSheet, validateWorkbook } from '../../shared/validate';
import { DONE_TASK, GOOD_INFO, infoSheet, RATIO_ROW, tableSheet, workbook } from './workbook';

test('formatIssue: sheet!address — severity: message', () => {
  const issue: ValidationIssue = {
    sheet: 'Phụ lục 2 - Nhiệm vụ', address: 'J12', severity: 'error', rule: 'task.done_without_date', message: 'Ô J12 (Ngày hoàn thành): …',
  };
  expect(formatIssue(issue)).toBe('Phụ lục 2 - Nhiệm vụ!J12 — lỗi: Ô J12 (Ngày hoàn thành): …');
  expect(formatIssue({ ...issue, address: '', severity: 'warning', message: 'Thiếu cột' })).toBe('Phụ lục 2 - Nhiệm vụ — cảnh báo: Thiếu cột');
  expect(formatIssue({ ...issue, sheet: '', address: '', message: 'Tệp này…' })).toBe('lỗi: Tệp này…');
});

test('issues are sorted by sheet order, then row, then column', () => {
  const grids = workbook({
    info: infoSheet({ ...GOOD_INFO, period: 'Quý 9' }),
    indicators: [
      { ...RATIO_ROW, numerator: 120, denominator: 100, evaluation: 'Tốt' },
      { ...RATIO_ROW, code: 'PL1.TTHC.02', target: '' },
    ],
    tasks: [{ ...DONE_TASK, completedOn: '' }],
  });
  const issues = validateWorkbook(grids);
  expect(issues.map((i) => `${i.sheet}!${i.address}`)).toEqual([
    'Thông tin!B11',
    'Phụ lục 1 - Chỉ tiêu!H9',
    'Phụ lục 1 - Chỉ tiêu!J9',
    'Phụ lục 1 - Chỉ tiêu!D10',
    'Phụ lục 2 - Nhiệm vụ!J9',
  ]);
  // Tab order wins over spec order, and whole-sheet issues come first within a sheet.
  const reordered = sortIssues(
    [
      { sheet: 'B', address: 'A2', severity: 'error', rule: 'x', message: '' },
      { sheet: 'A', address: 'C1', severity: 'error', rule: 'x', message: '' },
      { sheet: 'B', address: '', severity: 'error', rule: 'x', message: '' },
      { sheet: 'A', address: 'AA1', severity: 'error', rule: 'x', message: '' },
      { sheet: '', address: '', severity: 'error', rule: 'x', message: '' },
    ],
    ['B', 'A'],
  );
  expect(reordered.map((i) => `${i.sheet}!${i.address}`)).toEqual(['!', 'B!', 'B!A2', 'A!C1', 'A!AA1']);
});

describe('validateSheet', () => {
  const info = readReport(workbook({ indicators: [RATIO_ROW], tasks: [DONE_TASK] })).report!.info;

  test('checks a task sheet with the workbook info (cut-off, plan year)', () => {
    const grid = tableSheet(TASK_SHEET, [{ ...DONE_TASK, status: 'Đang thực hiện', completedOn: '', documentRef: '', documentDate: '' }]);
    const issues = validateSheet(TASK_SHEET.name, grid, { info });
    expect(issues.map((i) => [i.sheet, i.address, i.rule])).toEqual([[TASK_SHEET.name, 'I9', 'task.overdue']]);
    // Without info there is no cut-off: nothing can be overdue.
    expect(validateSheet(TASK_SHEET.name, grid)).toEqual([]);
  });

  test('checks an indicator sheet under an alias tab name', () => {
    const grid = tableSheet(INDICATOR_SHEET, [{ ...RATIO_ROW, numerator: 120, denominator: 100, evaluation: '' }]);
    expect(validateSheet('PL1', grid, { info }).map((i) => [i.sheet, i.address, i.rule])).toEqual([
      ['PL1', 'H9', 'ratio.numerator_gt_denominator'],
    ]);
  });

  test('checks Thông tin', () => {
    const issues = validateSheet(INFO_SHEET.name, infoSheet({ ...GOOD_INFO, year: 'năm nay' }));
    expect(issues.map((i) => [i.address, i.rule])).toEqual([['B10', 'info.year']]);
  });

  test('recognises a renamed annex sheet by its header; ignores sheets that are none of ours', () => {
    const grid = tableSheet(INDICATOR_SHEET, [{ ...RATIO_ROW, denominator: 0, evaluation: '' }]);
    expect(validateSheet('Bảng của xã', grid).map((i) => i.rule)).toEqual(['ratio.zero_denominator']);
    expect(validateSheet('Ghi chép', [['Nội dung'], ['Họp giao ban']])).toEqual([]);
  });
});
