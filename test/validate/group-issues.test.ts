import type { ValidationIssue } from '../../shared/model';
import { groupIssues } from '../../shared/validate/group-issues';

const PL2 = 'Phụ lục 2 - Nhiệm vụ';
const overdue = (row: number): ValidationIssue => ({
  sheet: PL2, address: `I${row}`, severity: 'warning', rule: 'task.overdue_not_updated',
  message: `Ô I${row} (Tình trạng): nhiệm vụ quá hạn, chưa cập nhật tình trạng — hạn 31/03/2026 đã qua tại ngày chốt số liệu 14/09/2026.`,
});

test('25 overdue tasks on one sheet are one card naming the count and the cells', () => {
  const issues = Array.from({ length: 25 }, (_, k) => overdue(9 + k));
  const groups = groupIssues(issues);
  expect(groups).toHaveLength(1);
  expect(groups[0]).toMatchObject({ sheet: PL2, severity: 'warning', rule: 'task.overdue_not_updated' });
  expect(groups[0].addresses).toHaveLength(25);
  expect(groups[0].issues).toEqual(issues);
  expect(groups[0].message).toBe(
    '25 nhiệm vụ đã quá hạn nhưng chưa cập nhật tình trạng: I9, I10, I11, I12, I13, I14, I15, I16, I17, I18, I19, I20 và 13 ô khác. ' +
      'Ví dụ — Ô I9 (Tình trạng): nhiệm vụ quá hạn, chưa cập nhật tình trạng — hạn 31/03/2026 đã qua tại ngày chốt số liệu 14/09/2026.',
  );
});

test('a kind seen fewer than three times stays one card per issue, and order is kept', () => {
  const error: ValidationIssue = { sheet: PL2, address: 'J9', severity: 'error', rule: 'type.date', message: 'Ô J9: ngày sai.' };
  const groups = groupIssues([error, overdue(9), overdue(10), overdue(11), { ...error, address: 'J20' }]);
  expect(groups.map((g) => [g.rule, g.addresses])).toEqual([
    ['type.date', ['J9']],
    ['task.overdue_not_updated', ['I9', 'I10', 'I11']],
    ['type.date', ['J20']],
  ]);
  expect(groups[0].message).toBe('Ô J9: ngày sai.');
});

test('the same rule on two sheets is two groups; rules whose messages differ by cell are never grouped', () => {
  const blank = (a: string): ValidationIssue => ({ sheet: 'Thông tin', address: a, severity: 'error', rule: 'required', message: `Ô ${a}: nhập ${a}.` });
  expect(groupIssues([blank('B3'), blank('B4'), blank('B5')]).map((g) => g.message)).toEqual(['Ô B3: nhập B3.', 'Ô B4: nhập B4.', 'Ô B5: nhập B5.']);
  const late = (sheet: string, a: string): ValidationIssue => ({ sheet, address: a, severity: 'warning', rule: 'task.overdue', message: `Ô ${a}: quá hạn.` });
  const groups = groupIssues([late('A', 'I9'), late('A', 'I10'), late('A', 'I11'), late('B', 'I9'), late('B', 'I10'), late('B', 'I11')]);
  expect(groups.map((g) => [g.sheet, g.message])).toEqual([
    ['A', '3 nhiệm vụ quá hạn mà chưa hoàn thành: I9, I10, I11. Ví dụ — Ô I9: quá hạn.'],
    ['B', '3 nhiệm vụ quá hạn mà chưa hoàn thành: I9, I10, I11. Ví dụ — Ô I9: quá hạn.'],
  ]);
});
