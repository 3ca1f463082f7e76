import { parseDeadline } from '../../shared/parse/deadline';
import { MAX_PARSED_TEXT } from '../../shared/parse/limits';
import { parseTarget } from '../../shared/parse/target';

describe('texts too long to be a target or a deadline', () => {
  it('are refused unread, with a Vietnamese reason quoting their start, and one at the limit is still read', () => {
    const long = 'Tỷ lệ '.repeat(700_000);
    expect(parseTarget(long)).toEqual({
      ok: false,
      code: 'target.too_long',
      reason: 'Ô chỉ tiêu có 4.200.000 ký tự (bắt đầu bằng “Tỷ lệ Tỷ lệ Tỷ lệ Tỷ lệ Tỷ lệ Tỷ lệ Tỷ l…”), quá dài để đọc: tối đa 2.000 ký tự. Hãy ghi ngắn gọn, ví dụ “Tối thiểu 90%” hoặc “Quý II/2025”.',
    });
    expect(parseDeadline('a'.repeat(4_000_000), 2025)).toMatchObject({ ok: false, code: 'deadline.too_long' });
    const atLimit = `Tối thiểu 90%${' '.repeat(MAX_PARSED_TEXT - 13)}`;
    expect(atLimit.length).toBe(MAX_PARSED_TEXT);
    expect(parseTarget(atLimit)).toMatchObject({ ok: true, value: { targets: [{ comparator: 'gte', value: 0.9 }] } });
    expect(parseDeadline(`Quý II/2025${' '.repeat(MAX_PARSED_TEXT - 11)}`, 2025)).toMatchObject({ ok: true, value: { milestones: [{ due: '2025-06-30' }] } });
  });
});
