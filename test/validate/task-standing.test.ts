/**
 * A blank status on a task past its deadline means one thing everywhere: overdue and not updated.
 * A template just inserted (no report cell typed) shows no overdue message at all.
 */
import { TASK_SHEET } from '../../shared/spec/annex';
import { readReport, validateWorkbook } from '../../shared/validate';
import { DONE_TASK, RATIO_ROW, workbook, type Row } from './workbook';

const PL2 = TASK_SHEET.name;
const blank = (tt: string, deadline: string): Row => ({
  ...DONE_TASK, code: `PL2.CDDH.0${tt}`, tt, name: `Nhiệm vụ thử ${tt}`, deadline, status: '', completedOn: '', documentRef: '', documentDate: '',
});
const book = (...tasks: Row[]) => workbook({ indicators: [RATIO_ROW], tasks });
const overdueMessages = (...tasks: Row[]) => validateWorkbook(book(...tasks)).filter((i) => i.rule.startsWith('task.overdue'));

describe('the task table of a template just inserted', () => {
  test('no "quá hạn" message before anything is typed, though the deadlines have passed', () => {
    expect(overdueMessages(blank('1', 'Quý I'), blank('2', 'Tháng 2/2025'), blank('3', 'Trước ngày 10/5/2025'))).toEqual([]);
  });
  test('the tasks are still overdue in what is read (the same rule as the summary)', () => {
    const r = readReport(book(blank('1', 'Quý I'), blank('2', 'Quý IV')));
    expect(r.report?.tasks.map((t) => [t.status, t.overdue])).toEqual([[null, true], [null, false]]);
  });
});

describe('once the report is started', () => {
  test('a blank status past its deadline: "quá hạn, chưa cập nhật tình trạng", at the status cell', () => {
    expect(overdueMessages(DONE_TASK, blank('2', 'Quý I'))).toEqual([{
      sheet: PL2, address: 'I10', severity: 'warning', rule: 'task.overdue_not_updated',
      message: 'Ô I10 (Tình trạng): nhiệm vụ quá hạn, chưa cập nhật tình trạng — hạn 31/03/2025 đã qua tại ngày chốt số liệu 14/06/2025. ' +
        'Chọn tình trạng: “Hoàn thành”, “Đang thực hiện”, “Chưa thực hiện”; nếu đã xong, nhập cả ngày hoàn thành.',
    }]);
  });
  test('a blank status whose deadline has not passed says nothing', () => {
    expect(overdueMessages(DONE_TASK, blank('2', 'Quý III'))).toEqual([]);
  });
  test('a typed status past its deadline keeps the overdue message', () => {
    expect(overdueMessages(DONE_TASK, { ...blank('2', 'Quý I'), status: 'Chưa thực hiện' }).map((i) => [i.address, i.rule])).toEqual([
      ['I10', 'task.overdue'],
    ]);
  });
});
