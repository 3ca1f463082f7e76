import fc from 'fast-check';
import type { DeadlineReading, Milestone } from '../../shared/model';
import { completedLate, isOverdue, overdueMilestones, parseDeadline } from '../../shared/parse/deadline';

const read = (v: Parameters<typeof parseDeadline>[0], year = 2025): DeadlineReading => {
  const r = parseDeadline(v, year);
  if (!r.ok) throw new Error(`expected a reading for ${String(v)}: ${r.reason}`);
  return r.value;
};
const at = (due: string, label = ''): Milestone => ({ due, label });
const dated = (text: string, ...milestones: Milestone[]): DeadlineReading => ({ kind: 'dated', text, milestones });

describe('parseDeadline: quarters, months, years', () => {
  test.each([
    ['Quý I', '2025-03-31'],
    ['Quý II', '2025-06-30'],
    ['Quý III', '2025-09-30'],
    ['Quý IV', '2025-12-31'],
    ['Quí II', '2025-06-30'],
    ['Qúy I', '2025-03-31'],
    ['Quý 1', '2025-03-31'],
    ['quy 2', '2025-06-30'],
    ['QUÝ III', '2025-09-30'],
    ['Q4', '2025-12-31'],
    ['Trong quý I', '2025-03-31'],
    ['Quý I năm 2026', '2026-03-31'],
    ['Tháng 1/2025', '2025-01-31'],
    ['Tháng 2/2024', '2024-02-29'],
    ['tháng 01 năm 2025', '2025-01-31'],
    ['Tháng 12', '2025-12-31'],
    ['Cả năm', '2025-12-31'],
    ['Trong năm 2025', '2025-12-31'],
    ['Năm 2025', '2025-12-31'],
    ['Năm', '2025-12-31'],
    ['Cuối năm', '2025-12-31'],
    ['6 tháng đầu năm', '2025-06-30'],
    ['9 tháng', '2025-09-30'],
  ])('%p → due %p', (text, due) => {
    expect(read(text)).toEqual(dated(text, at(due)));
  });

  test('"Quý II/2022": the written year wins over the plan year', () => {
    expect(read('Quý II/2022')).toEqual(dated('Quý II/2022', at('2022-06-30')));
  });

  test('several quarters in one cell', () => {
    expect(read('quý I, II và III').milestones).toEqual([at('2025-03-31'), at('2025-06-30'), at('2025-09-30')]);
  });
});

describe('parseDeadline: "trước" is strict, other words are inclusive', () => {
  test.each([
    ['Trước ngày 10/1/2025', '2025-01-09'],
    ['Trước 10/12/2025', '2025-12-09'],
    ['Trước tháng 12/2025', '2025-11-30'],
    ['Trước quý IV', '2025-09-30'],
    ['trước ngày 1/3/2024', '2024-02-29'],
    ['Hoàn thành trước 30/6/2025', '2025-06-29'],
    ['chậm nhất ngày 15/3/2025', '2025-03-15'],
    ['Chậm nhất 15/3/2025', '2025-03-15'],
    ['đến hết ngày 31/12/2025', '2025-12-31'],
    ['15/3/2025', '2025-03-15'],
    ['15-03-2025', '2025-03-15'],
    ['15.3.2025', '2025-03-15'],
    ['15/03/25', '2025-03-15'],
    ['15/3', '2025-03-15'],
    ['2025-03-15', '2025-03-15'],
    ['ngày 15 tháng 3 năm 2025', '2025-03-15'],
    ['ngay 15 thang 3 nam 2025', '2025-03-15'],
    ['trước ngày 15 tháng 3 năm 2025', '2025-03-14'],
    ['Từ tháng 3 đến tháng 6/2025', '2025-06-30'],
    ['Từ 15/3 - 30/6/2025', '2025-06-30'],
  ])('%p → due %p', (text, due) => {
    expect(read(text)).toEqual(dated(text, at(due)));
  });
});

describe('parseDeadline: several milestones', () => {
  test('"Ban hành: Quý I; Thực hiện: Cả năm" gives two labelled milestones', () => {
    expect(read('Ban hành: Quý I; Thực hiện: Cả năm')).toEqual(
      dated('Ban hành: Quý I; Thực hiện: Cả năm', at('2025-03-31', 'Ban hành'), at('2025-12-31', 'Thực hiện')),
    );
  });

  test('the same on two lines, as in seed 000, keeps the line break in the text', () => {
    expect(read('Ban hành: Quý I\nThực hiện: Cả năm')).toEqual(
      dated('Ban hành: Quý I\nThực hiện: Cả năm', at('2025-03-31', 'Ban hành'), at('2025-12-31', 'Thực hiện')),
    );
  });

  test('a list of per-period report dates (seed 001), one line each', () => {
    const text = '- Báo cáo quý I:\n15/3/2025\n- Báo cáo quý II:\n15/6/2025\n- Báo cáo quý III:\n15/9/2025\n- Báo cáo năm:\n15/12/2025';
    expect(read(text)).toEqual(
      dated(
        text,
        at('2025-03-15', 'Báo cáo quý I'),
        at('2025-06-15', 'Báo cáo quý II'),
        at('2025-09-15', 'Báo cáo quý III'),
        at('2025-12-15', 'Báo cáo năm'),
      ),
    );
  });

  test('the same list run together on one line', () => {
    const text = 'Báo cáo quý I: 15/3/2025 - Báo cáo quý II: 15/6/2025 - Báo cáo quý III: 15/9/2025 - Báo cáo năm: 15/12/2025';
    expect(read(text).milestones).toEqual([
      at('2025-03-15', 'Báo cáo quý I'),
      at('2025-06-15', 'Báo cáo quý II'),
      at('2025-09-15', 'Báo cáo quý III'),
      at('2025-12-15', 'Báo cáo năm'),
    ]);
  });

  test('sub-lists under headings (seed 001) are labelled with their heading', () => {
    const text =
      '- BC công tác CCHC\n+ Quý I: 10/3/2025\n+ Quý II: 10/6/2025\n+ Quý III: 10/9/2025\n+ Quý IV: 10/11/2025\n' +
      '- BC Kỷ luật KCHC\n+ Quý I: 15/3/2025\n- BC xếp hạng chỉ số CCHC cấp xã\n+ Trước 1/12/2025';
    expect(read(text).milestones).toEqual([
      at('2025-03-10', 'BC công tác CCHC – Quý I'),
      at('2025-06-10', 'BC công tác CCHC – Quý II'),
      at('2025-09-10', 'BC công tác CCHC – Quý III'),
      at('2025-11-10', 'BC công tác CCHC – Quý IV'),
      at('2025-03-15', 'BC Kỷ luật KCHC – Quý I'),
      at('2025-11-30', 'BC xếp hạng chỉ số CCHC cấp xã'),
    ]);
  });

  test('the time may stand before the colon', () => {
    expect(read('Quý I: ban hành kế hoạch').milestones).toEqual([at('2025-03-31')]);
  });
});

describe('parseDeadline: continuous, recurring, external', () => {
  test.each(['Thường xuyên', 'thuong xuyen', 'Liên tục', 'Hàng ngày'])('%p is continuous, without milestones', (text) => {
    expect(read(text)).toEqual({ kind: 'continuous', text, milestones: [] });
  });

  test('"Từ quý IV/2021" is continuous from 01/10/2021', () => {
    expect(read('Từ quý IV/2021')).toEqual({ kind: 'continuous', text: 'Từ quý IV/2021', from: '2021-10-01', milestones: [] });
  });

  test('"Từ tháng 3/2025" is continuous from 01/03/2025', () => {
    expect(read('Từ tháng 3/2025')).toMatchObject({ kind: 'continuous', from: '2025-03-01' });
  });

  test('continuous work with a dated report keeps the milestone', () => {
    expect(read('Thường xuyên; báo cáo trước 15/12/2025')).toEqual({
      kind: 'continuous',
      text: 'Thường xuyên; báo cáo trước 15/12/2025',
      milestones: [at('2025-12-14')],
    });
  });

  test('"Định kỳ hàng quý" gives each quarter end', () => {
    expect(read('Định kỳ hàng quý')).toEqual({
      kind: 'recurring',
      text: 'Định kỳ hàng quý',
      milestones: [at('2025-03-31', 'Quý I'), at('2025-06-30', 'Quý II'), at('2025-09-30', 'Quý III'), at('2025-12-31', 'Quý IV')],
    });
  });

  test('"Báo cáo định kỳ 6 tháng, hàng năm" gives 30/06 and 31/12', () => {
    expect(read('Báo cáo định kỳ 6 tháng, hàng năm')).toEqual({
      kind: 'recurring',
      text: 'Báo cáo định kỳ 6 tháng, hàng năm',
      milestones: [at('2025-06-30', '6 tháng'), at('2025-12-31', 'Năm')],
    });
  });

  test('"tháng 11 hàng năm" recurs on 30/11 only', () => {
    expect(read('tháng 11 hàng năm')).toEqual({ kind: 'recurring', text: 'tháng 11 hàng năm', milestones: [at('2025-11-30', 'Tháng 11')] });
  });

  test('"hàng quý/6 tháng/năm" (seed 001), in date order', () => {
    expect(read('Thực hiện định kỳ hàng quý/6 tháng/năm').milestones).toEqual([
      at('2025-03-31', 'Quý I'),
      at('2025-06-30', 'Quý II'),
      at('2025-06-30', '6 tháng'),
      at('2025-09-30', 'Quý III'),
      at('2025-12-31', 'Quý IV'),
      at('2025-12-31', 'Năm'),
    ]);
  });

  test('"hàng quý, trước ngày 15 tháng cuối của quý" (seed 000) is due on the 14th', () => {
    expect(read('Định kỳ hàng quý, trước ngày 15 tháng cuối của quý').milestones).toEqual([
      at('2025-03-14', 'Quý I'),
      at('2025-06-14', 'Quý II'),
      at('2025-09-14', 'Quý III'),
      at('2025-12-14', 'Quý IV'),
    ]);
  });

  test('"Hàng tháng" gives twelve month ends', () => {
    const m = read('Hàng tháng').milestones;
    expect(m).toHaveLength(12);
    expect(m[1]).toEqual(at('2025-02-28', 'Tháng 2'));
  });

  test.each(['Theo kế hoạch của UBND tỉnh', 'Thực hiện khi có Đề án của tỉnh', 'Theo Kế hoạch số 05/KH-UBND ngày 10/01/2025'])(
    '%p is external: the date, if any, belongs to the document referred to',
    (text) => {
      expect(read(text)).toEqual({ kind: 'external', text, milestones: [] });
    },
  );

  test('"Thực hiện khi có Đề án của tỉnh; hoàn thành 31/12/2025" is dated', () => {
    expect(read('Thực hiện khi có Đề án của tỉnh; hoàn thành 31/12/2025')).toEqual(
      dated('Thực hiện khi có Đề án của tỉnh; hoàn thành 31/12/2025', at('2025-12-31')),
    );
    expect(read('Theo kế hoạch của tỉnh, trong quý II').milestones).toEqual([at('2025-06-30')]);
  });

  test('a heading remark next to a quarter (seed 001) is skipped', () => {
    const text = '- Qúy I năm 2025\n- Ban hành đúng thời gian quy định theo Kế hoạch của thị xã';
    expect(read(text)).toEqual(dated(text, at('2025-03-31')));
  });
});

describe('parseDeadline: cells that are not text', () => {
  test('an Excel serial near the plan year is that day', () => {
    expect(read(45731)).toEqual(dated('15/03/2025', at('2025-03-15')));
  });
  test('a number far from the plan year is refused (a year typed into a date cell)', () => {
    const r = parseDeadline(2025, 2025);
    expect(r).toMatchObject({ ok: false, code: 'deadline.number' });
    if (!r.ok) expect(r.reason).toContain('“Quý II”');
  });
  test('a Date is that day', () => {
    expect(read(new Date(Date.UTC(2025, 11, 31)))).toEqual(dated('31/12/2025', at('2025-12-31')));
  });
  test('booleans, blanks and a missing plan year are refused', () => {
    expect(parseDeadline(true, 2025)).toMatchObject({ ok: false, code: 'deadline.not_text' });
    expect(parseDeadline('  ', 2025)).toMatchObject({ ok: false, code: 'deadline.empty' });
    expect(parseDeadline(null, 2025)).toMatchObject({ ok: false, code: 'deadline.empty' });
    expect(parseDeadline('Quý I', Number.NaN)).toMatchObject({ ok: false, code: 'deadline.plan_year' });
  });
});

describe('parseDeadline: refusals say what to write', () => {
  test('an impossible day refuses the cell', () => {
    const r = parseDeadline('Trước ngày 31/2/2025', 2025);
    expect(r).toMatchObject({ ok: false, code: 'deadline.invalid_date' });
    if (!r.ok) {
      expect(r.reason).toContain('tháng 02/2025 có 28 ngày');
      expect(r.reason).toContain('Trước ngày 31/2/2025');
    }
  });
  test('tháng 13 is refused', () => {
    const r = parseDeadline('Tháng 13/2025', 2025);
    expect(r).toMatchObject({ ok: false, code: 'deadline.invalid_date' });
    if (!r.ok) expect(r.reason).toContain('Tháng 13 không có thật');
  });
  test.each(['abc', 'Sớm nhất có thể', 'Định kỳ', '2025'])('%p is unreadable', (text) => {
    const r = parseDeadline(text, 2025);
    expect(r).toMatchObject({ ok: false, code: 'deadline.unreadable' });
    if (!r.ok) expect(r.reason).toContain('Ghi thời hạn theo một trong các dạng: “Quý II”');
  });
});

describe('overdue', () => {
  const q1 = read('Quý I');
  const two = read('Ban hành: Quý I; Thực hiện: Cả năm');

  test('overdueMilestones: due strictly before the cut-off', () => {
    expect(overdueMilestones(two, '2025-03-31')).toEqual([]);
    expect(overdueMilestones(two, '2025-04-01')).toEqual([at('2025-03-31', 'Ban hành')]);
    expect(overdueMilestones(two, '2026-01-01')).toEqual(two.milestones);
    expect(overdueMilestones(two, 'not a date')).toEqual([]);
  });

  test('isOverdue when a due day has passed and the task is not completed', () => {
    expect(isOverdue(q1, '2025-06-14', 'in_progress', null)).toBe(true);
    expect(isOverdue(q1, '2025-06-14', 'not_started', null)).toBe(true);
    expect(isOverdue(q1, '2025-06-14', null, null)).toBe(true);
    expect(isOverdue(q1, '2025-03-14', 'not_started', null)).toBe(false);
    expect(isOverdue(q1, '2025-03-31', 'not_started', null)).toBe(false);
  });

  test('a completed task is not overdue', () => {
    expect(isOverdue(q1, '2025-06-14', 'done', null)).toBe(false);
    expect(isOverdue(q1, '2025-06-14', 'done', '2025-05-20')).toBe(false);
    expect(isOverdue(q1, '2025-06-14', 'in_progress', '2025-03-20')).toBe(false);
  });

  test('a completion day after the cut-off does not count at the cut-off', () => {
    expect(isOverdue(q1, '2025-06-14', 'in_progress', '2025-07-01')).toBe(true);
  });

  test('continuous and external tasks are never overdue by date alone', () => {
    expect(isOverdue(read('Thường xuyên'), '2025-12-14', 'in_progress', null)).toBe(false);
    expect(isOverdue(read('Từ quý IV/2021'), '2025-12-14', 'not_started', null)).toBe(false);
    expect(isOverdue(read('Thường xuyên; báo cáo trước 15/3/2025'), '2025-12-14', 'not_started', null)).toBe(false);
    expect(isOverdue(read('Theo kế hoạch của UBND tỉnh'), '2025-12-14', 'not_started', null)).toBe(false);
  });

  test('recurring tasks are overdue once a period has passed without completion', () => {
    const quarterly = read('Định kỳ hàng quý');
    expect(isOverdue(quarterly, '2025-03-14', 'in_progress', null)).toBe(false);
    expect(isOverdue(quarterly, '2025-04-14', 'in_progress', null)).toBe(true);
    expect(overdueMilestones(quarterly, '2025-09-14').map((m) => m.label)).toEqual(['Quý I', 'Quý II']);
  });

  test('completedLate: after the last milestone', () => {
    expect(completedLate(two, '2026-01-05')).toBe(true);
    expect(completedLate(two, '2025-12-31')).toBe(false);
    expect(completedLate(two, '2025-04-10')).toBe(false);
    expect(completedLate(two, null)).toBe(false);
    expect(completedLate(read('Thường xuyên'), '2030-01-01')).toBe(false);
  });
});

describe('properties', () => {
  const pieces = fc.constantFrom(
    'Quý', 'quy', 'I', 'IV', '2', '/', '2022', 'tháng', '13', '12', 'năm', 'Trước', 'ngày', '31/2/2025', '10/1/2025', 'Từ', 'đến',
    'hàng', 'định kỳ', 'thường xuyên', 'theo', 'khi', ';', ':', '\n', '- ', '+ ', 'Ban hành', 'Cả năm', '6 tháng', ',', 'cuối', 'của quý',
  );
  test('parseDeadline never throws, and every milestone is a real day', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.array(pieces, { maxLength: 14 }).map((p) => p.join(' ')),
      fc.double(),
      fc.boolean(),
      fc.date({ noInvalidDate: false }),
      fc.constant(null),
    );
    fc.assert(
      fc.property(cell, fc.integer({ min: 1890, max: 2110 }), (v, year) => {
        const r = parseDeadline(v, year);
        if (r.ok) {
          for (const m of r.value.milestones) {
            expect(m.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
            expect(Number.isNaN(Date.parse(m.due))).toBe(false);
          }
          expect(typeof isOverdue(r.value, `${year}-06-14`, 'in_progress', null)).toBe('boolean');
        } else {
          expect(r.code).toMatch(/^deadline\.|^date\./);
          expect(r.reason.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 3000 },
    );
  });

  test('any quarter of any year reads as that quarter end, in both spellings', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1990, max: 2100 }), fc.boolean(), (q, y, roman) => {
        const name = roman ? ['I', 'II', 'III', 'IV'][q - 1] : String(q);
        const ends = ['03-31', '06-30', '09-30', '12-31'];
        expect(read(`Quý ${name}/${y}`, 2025).milestones).toEqual([at(`${y}-${ends[q - 1]}`)]);
      }),
      { numRuns: 300 },
    );
  });
});
