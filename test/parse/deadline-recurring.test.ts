/**
 * Recurring deadline forms: "trước" stays strict when a date repeats every year, and a day inside
 * each period ("ngày N tháng cuối quý / cuối kỳ báo cáo / hàng tháng") gives one milestone per period
 * on that day. Expressions written here in the shapes plans use.
 */
import type { DeadlineReading } from '../../shared/model';
import { parseDeadline } from '../../shared/parse/deadline';

const read = (text: string, year = 2026): DeadlineReading => {
  const r = parseDeadline(text, year);
  if (!r.ok) throw new Error(`${text}: ${r.reason}`);
  return r.value;
};
const dues = (text: string, year = 2026) => read(text, year).milestones.map((m) => m.due);

describe('"trước" is strict in recurring forms too', () => {
  test.each([
    ['Trước ngày 20/11 hàng năm', ['2026-11-19']],
    ['trước 5/12 hằng năm', ['2026-12-04']],
    ['Trước ngày 1 tháng 3 hàng năm', ['2026-02-28']],
    ['trước tháng 10 hàng năm', ['2026-09-30']],
  ])('%s', (text, expected) => {
    expect(read(text)).toMatchObject({ kind: 'recurring' });
    expect(dues(text)).toEqual(expected);
  });
  test('without "trước" the same date is inclusive', () => expect(dues('Ngày 20/11 hàng năm')).toEqual(['2026-11-20']));
});

describe('a day inside each period', () => {
  test('ngày N của tháng cuối quý: one milestone per quarter on that day', () => {
    expect(read('ngày 12 của tháng cuối quý').milestones).toEqual([
      { due: '2026-03-12', label: 'Quý I' },
      { due: '2026-06-12', label: 'Quý II' },
      { due: '2026-09-12', label: 'Quý III' },
      { due: '2026-12-12', label: 'Quý IV' },
    ]);
  });
  test('trước ngày N tháng cuối cùng của mỗi quý: the day before, each quarter', () => {
    expect(dues('Trước ngày 18 tháng cuối cùng của mỗi quý')).toEqual(['2026-03-17', '2026-06-17', '2026-09-17', '2026-12-17']);
  });
  test('ngày N của tháng cuối kỳ báo cáo: each reporting period, named', () => {
    expect(read('Báo cáo vào ngày 22 của tháng cuối kỳ báo cáo').milestones).toEqual([
      { due: '2026-03-22', label: 'Quý I' },
      { due: '2026-06-22', label: 'Quý II, 6 tháng' },
      { due: '2026-09-22', label: 'Quý III, 9 tháng' },
      { due: '2026-12-22', label: 'Quý IV, Năm' },
    ]);
    expect(dues('trước ngày 10 tháng cuối kỳ')).toEqual(['2026-03-09', '2026-06-09', '2026-09-09', '2026-12-09']);
  });
  test('with "định kỳ hàng quý" the day replaces the quarter ends', () => {
    expect(dues('Định kỳ hàng quý, chậm nhất ngày 25 tháng cuối quý')).toEqual(['2026-03-25', '2026-06-25', '2026-09-25', '2026-12-25']);
  });
  test('ngày N hàng tháng: that day of every month', () => {
    const d = dues('ngày 7 hàng tháng');
    expect(d).toHaveLength(12);
    expect([d[0], d[1], d[11]]).toEqual(['2026-01-07', '2026-02-07', '2026-12-07']);
  });
  test('ngày N tháng cuối năm: once, in December', () => expect(dues('ngày 28 tháng cuối năm')).toEqual(['2026-12-28']));
  test('trước ngày N của tháng đầu quý sau: the month after each quarter, Quý IV’s in the next January', () => {
    expect(read('Báo cáo hàng quý trước ngày 6 của tháng đầu quý sau').milestones).toEqual([
      { due: '2026-04-05', label: 'Quý I' },
      { due: '2026-07-05', label: 'Quý II' },
      { due: '2026-10-05', label: 'Quý III' },
      { due: '2027-01-05', label: 'Quý IV' },
    ]);
  });
  test('tuần đầu / tuần cuối của một tháng', () => {
    expect(dues('tuần đầu tiên của tháng 4')).toEqual(['2026-04-07']);
    expect(dues('Tuần cuối tháng 2/2026')).toEqual(['2026-02-28']);
  });
});

describe('spans and periods with "đầu"', () => {
  test('từ đầu năm đến tháng 6: due at the end of June', () => expect(dues('Từ đầu năm đến tháng 6/2026')).toEqual(['2026-06-30']));
  test('6 tháng đầu năm, 9 tháng đầu năm are periods, not "đầu năm"', () => {
    expect(dues('6 tháng đầu năm')).toEqual(['2026-06-30']);
    expect(dues('Báo cáo 9 tháng đầu năm 2026')).toEqual(['2026-09-30']);
  });
});

describe('days and months written in words', () => {
  test('ngày hai mươi tháng mười một', () => expect(dues('Trước ngày hai mươi tháng mười một hàng năm')).toEqual(['2026-11-19']));
  test('ngày mười lăm tháng ba năm 2026', () => expect(dues('ngày mười lăm tháng ba năm 2026')).toEqual(['2026-03-15']));
  test('ngày ba mươi mốt tháng mười hai', () => expect(dues('chậm nhất ngày ba mươi mốt tháng mười hai')).toEqual(['2026-12-31']));
});

describe('forms that cannot be placed are refused with a reason, never guessed', () => {
  test.each([
    ['trước ngày 31 tháng cuối quý', 'deadline.invalid_date', 'Tháng 6 không có ngày 31'],
    ['ngày 30 hàng tháng', 'deadline.invalid_date', 'Tháng 2 không có ngày 30'],
    ['ngày 15 tháng đầu quý', 'deadline.unplaced', '“đầu quý” không nói hạn đến ngày nào'],
    ['Đầu năm 2026', 'deadline.unplaced', '“đầu năm” không nói hạn đến ngày nào. Ghi rõ, ví dụ “Quý I/2026” hoặc “Trước ngày 31/3/2026”.'],
    ['giữa năm', 'deadline.unplaced', 'ví dụ “Quý II/2026” hoặc “Trước ngày 30/6/2026”'],
    ['Đầu quý III', 'deadline.unplaced', '“đầu quý” không nói hạn đến ngày nào'],
    ['Trước ngày 15 hàng quý', 'deadline.unplaced', '“ngày 15 hàng quý” không nói tháng nào của quý. Ghi “ngày 15 tháng cuối quý”'],
    ['ngày 31 của tháng đầu quý sau', 'deadline.invalid_date', 'Tháng 4 không có ngày 31'],
  ])('%s', (text, code, reason) => {
    const r = parseDeadline(text, 2026);
    expect(r).toMatchObject({ ok: false, code });
    if (!r.ok) expect(r.reason).toContain(reason);
  });
});
