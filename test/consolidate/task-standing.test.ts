/**
 * Forty communes, one task due in Quý I, read at the Quý II cut-off: done, in progress, not started,
 * left blank (past its deadline) and a row with an error, eight of each. Every count and message says
 * the same: 24 overdue, 8 of them not updated, 8 without valid data.
 */
import { consolidate } from '../../shared/consolidate/consolidate';
import { summaryToText } from '../../shared/consolidate/text-summary';
import type { ConsolidationInput } from '../../shared/consolidate/types';
import { taskStanding } from '../../shared/task-standing';
import { feedbackSheet } from '../../shared/layout/feedback';
import { buildSummarySheets } from '../../shared/layout/summary';
import { Q2_2025, report, type UnitSpec } from './fixtures';

const STANDINGS = ['done', 'in_progress', 'not_started', 'blank', 'error'] as const;

function inputs(): ConsolidationInput[] {
  return Array.from({ length: 40 }, (_, i) => {
    const kind = STANDINGS[i % 5];
    const code = String(30001 + i);
    const status = kind === 'done' ? 'done' : kind === 'in_progress' || kind === 'not_started' ? kind : null;
    const u: UnitSpec = {
      code, name: `Xã Thử ${i + 1}`, reportDate: '2025-06-18', t1: [8, 10], t2: [10, 10], c1: 60, q1: 'Hoàn thành',
      tasks: [status, status !== 'done', 'in_progress', 'in_progress'],
    };
    return {
      source: { fileName: `xa-${code}.xlsx`, sha256: code.padEnd(64, '0') },
      report: report(u),
      issues: kind === 'error'
        ? [{ sheet: 'Phụ lục 2 - Nhiệm vụ', address: 'J9', severity: 'error', rule: 'type.date', message: 'Ô J9 (Ngày hoàn thành): không đọc được ngày.' }]
        : [],
    };
  });
}

describe('one meaning of a task’s state in every table, count and message', () => {
  const s = consolidate(inputs(), { ...Q2_2025, consolidatingUnit: { name: 'Sở Nội vụ tỉnh Thử', level: 'tinh' } });
  const agg = s.aggregates.tasks.find((t) => t.code === 'NV.01')!;
  const leaves = s.tasks.filter((t) => t.code === 'NV.01');

  test('the task summary: a blank status past its deadline is overdue, not "no valid data"', () => {
    expect(agg).toMatchObject({ unitsWithRow: 40, done: 8, inProgress: 8, notStarted: 8, overdue: 24, overdueNotUpdated: 8, noData: 8 });
    expect(agg.done + agg.inProgress + agg.notStarted + agg.overdueNotUpdated + agg.noData).toBe(agg.unitsWithRow);
    expect(agg.overdueUnits).toHaveLength(24);
  });

  test('the per-unit rows give the same counts through the one rule', () => {
    const standing = leaves.map((l) => taskStanding(l.status, l.overdue, l.state === 'invalid'));
    expect(standing.filter((x) => x === 'overdue_not_updated')).toHaveLength(8);
    const overdueLeaves = leaves.filter((l) => l.overdue && l.state !== 'invalid' && l.status !== 'done');
    expect(overdueLeaves.map((l) => l.unitCode).sort()).toEqual(agg.overdueUnits.map((u) => u.code).sort());
  });

  test('the text summary counts the same 24', () => {
    expect(summaryToText(s)).toContain('Nhiệm vụ quá hạn: 1 nhiệm vụ, 24 lượt đơn vị');
  });

  test('the summary sheet Tổng hợp nhiệm vụ shows the same counts, and the feedback of a blank unit says it is overdue and not updated', () => {
    const sheet = buildSummarySheets(s).find((m) => m.name === 'Tổng hợp nhiệm vụ')!;
    const header = sheet.rows.findIndex((r) => r[0] === 'TT');
    const row = sheet.rows.find((r) => r[r.length - 1] === 'NV.01')!;
    const at = (title: string) => sheet.rows[header].indexOf(title);
    expect([
      row[at('Hoàn thành')], row[at('Đang thực hiện')], row[at('Chưa thực hiện')],
      row[at('Quá hạn, chưa cập nhật tình trạng')], row[at('Quá hạn (cả chưa cập nhật)')], row[at('Chưa có số liệu hợp lệ')],
    ]).toEqual([8, 8, 8, 8, 24, 8]);
    // 8 done of the 32 units whose standing is known (a blank past its deadline is known: not done).
    expect(row[at('Tỷ lệ hoàn thành')]).toBe(8 / 32);
    expect(String(row[at('Đơn vị có nhiệm vụ quá hạn')]).split('; ')).toHaveLength(24);
    const blank = leaves.find((l) => l.status === null && l.state !== 'invalid')!;
    const feedback = feedbackSheet(s, blank.unitCode).rows.map((r) => r.filter((v) => v !== ''));
    expect(feedback.some((r) => r.includes('Quá hạn, chưa cập nhật tình trạng'))).toBe(true);
  });
});
