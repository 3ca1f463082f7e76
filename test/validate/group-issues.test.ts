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

test('the same rule on two sheets is two groups; an unknown rule gets a general headline', () => {
  const other = (sheet: string, a: string): ValidationIssue => ({ sheet, address: a, severity: 'error', rule: 'type.number', message: `Ô ${a}: không phải số.` });
  const groups = groupIssues([other('A', 'B1'), other('A', 'B2'), other('A', 'B3'), other('B', 'C1'), other('B', 'C2'), other('B', 'C3')]);
  expect(groups.map((g) => g.message)).toEqual([
    '3 ô có cùng lỗi như ô B1: B1, B2, B3. Ví dụ — Ô B1: không phải số.',
    '3 ô có cùng lỗi như ô C1: C1, C2, C3. Ví dụ — Ô C1: không phải số.',
  ]);
});
