import { consolidate } from '../../shared/consolidate/consolidate';
import { reminderPlan, reminderSubject, reminderText, unitsToRemind } from '../../shared/consolidate/reminders';
import { DISTRICT_1_EXPECTED, district1Inputs, Q2_2025 } from './fixtures';

const summary = consolidate(district1Inputs(), {
  ...Q2_2025,
  consolidatingUnit: { name: 'Phòng Nội vụ huyện Phù Mỹ', level: 'huyen' },
  expectedUnits: [...DISTRICT_1_EXPECTED, { code: '10006', name: 'Xã Mỹ Hiệp' }],
});

describe('reminders before the report deadline', () => {
  test('the day they go out: N days before the due date (default: the 20th of the period’s last month)', () => {
    expect(reminderPlan({ year: 2025, period: 'Q2', dueDate: null, reminderDays: 5 })).toEqual({ due: '2025-06-20', sendOn: '2025-06-15' });
    expect(reminderPlan({ year: 2025, period: 'Q1', dueDate: '2025-03-15', reminderDays: 3 })).toEqual({ due: '2025-03-15', sendOn: '2025-03-12' });
  });

  test('who: expected units that sent nothing, and those whose every file was refused, with the reasons', () => {
    const units = unitsToRemind(summary);
    expect(units.map((u) => [u.code, u.name])).toEqual([
      ['10005', 'Xã Mỹ Lộc'],
      ['10006', 'Xã Mỹ Hiệp'],
    ]);
    expect(units[0].reasons).toHaveLength(1);
    expect(units[0].reasons[0]).toContain('Quý I');
    expect(units[1].reasons).toEqual([]);
  });

  test('what it says: the period, the due date dd/mm/yyyy, days left, why the file was not used', () => {
    const plan = reminderPlan({ year: 2025, period: 'Q2', dueDate: null, reminderDays: 5 });
    expect(reminderSubject(summary, plan)).toBe('[CCHC] Nhắc gửi báo cáo Quý II năm 2025 — hạn 20/06/2025');
    const [myLoc] = unitsToRemind(summary);
    const text = reminderText(summary, myLoc, plan, '2025-06-15', 'https://example.invalid/bao-cao');
    expect(text.split('\n').slice(0, 4)).toEqual([
      'Kính gửi: Xã Mỹ Lộc',
      '',
      'Phòng Nội vụ huyện Phù Mỹ chưa nhận được báo cáo kết quả cải cách hành chính Quý II năm 2025 của đơn vị.',
      'Hạn gửi báo cáo: 20/06/2025 (còn 5 ngày).',
    ]);
    expect(text).toContain('Bảng tính của đơn vị hiện chưa tổng hợp được vì:\n- ');
    expect(text).toContain('Bảng tính báo cáo: https://example.invalid/bao-cao');
  });
});

describe('the period in sentences and e-mail subjects', () => {
  test('a year report is "báo cáo năm 2025", never "Năm năm 2025"; half and nine months say "đầu năm"', () => {
    const plan = reminderPlan({ year: 2025, period: 'Y', dueDate: null, reminderDays: 5 });
    const year = { ...summary, period: 'Y' as const };
    expect(reminderSubject(year, plan)).toBe('[CCHC] Nhắc gửi báo cáo năm 2025 — hạn 20/12/2025');
    expect(reminderText(year, { code: '10006', name: 'Xã Mỹ Hiệp', reasons: [] }, plan, '2025-12-15')).toContain(
      'chưa nhận được báo cáo kết quả cải cách hành chính năm 2025 của đơn vị.',
    );
    const half = { ...summary, period: 'H1' as const, year: 2026 };
    expect(reminderSubject(half, reminderPlan({ year: 2026, period: 'H1', dueDate: null, reminderDays: 5 }))).toBe(
      '[CCHC] Nhắc gửi báo cáo 6 tháng đầu năm 2026 — hạn 20/06/2026',
    );
  });
});
