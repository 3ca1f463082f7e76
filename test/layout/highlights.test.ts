import type { DeadlineReading, NumericTarget, TargetReading } from '../../shared/model';
import { belowTargetCondition, cutoffRef, overdueAfter, overdueCondition } from '../../shared/layout/highlights';
import { parseTarget } from '../../shared/parse/target';

const numeric = (t: Partial<NumericTarget> & Pick<NumericTarget, 'comparator' | 'value' | 'unit'>): TargetReading => ({
  text: '',
  targets: [{ kind: 'numeric', subject: '', ...t }],
});

describe('belowTargetCondition', () => {
  test('the colour follows the target the row is judged on: the commune figure, the measure its name names', () => {
    const read = (text: string): TargetReading => {
      const r = parseTarget(text);
      if (!r.ok) throw new Error(r.reason);
      return r.value;
    };
    expect(belowTargetCondition('ratio', read('Tối thiểu 95% cấp tỉnh, 80% cấp xã'), '$I9', 'Tỷ lệ hồ sơ')).toBe('AND(ISNUMBER($I9),$I9<0.8)');
    expect(belowTargetCondition('ratio', read('Đơn giản hóa 10% TTHC; công bố 100% TTHC'), '$I9', 'TTHC được công bố, đơn giản hóa')).toBe(
      'AND(ISNUMBER($I9),$I9<1)',
    );
    expect(belowTargetCondition('ratio', read('Đơn giản hóa 10% TTHC; công bố 100% TTHC'), '$I9', 'Tỷ lệ khác')).toBeNull();
    expect(belowTargetCondition('ratio', read('Thuộc nhóm dẫn đầu'), '$I9', 'Xếp hạng')).toBeNull();
  });

  test('a floor on a rate: result under it', () => {
    expect(belowTargetCondition('ratio', numeric({ comparator: 'gte', value: 0.9, unit: 'percent' }), '$I13')).toBe('AND(ISNUMBER($I13),$I13<0.9)');
    expect(belowTargetCondition('ratio', numeric({ comparator: 'gt', value: 0.5, unit: 'percent' }), '$I9')).toBe('AND(ISNUMBER($I9),$I9<=0.5)');
  });

  test('a range is met from its low end', () => {
    expect(belowTargetCondition('ratio', numeric({ comparator: 'between', value: 0.95, high: 1, unit: 'percent' }), '$I16')).toBe('AND(ISNUMBER($I16),$I16<0.95)');
  });

  test('ceilings on durations and counts: result over it', () => {
    expect(belowTargetCondition('duration', numeric({ comparator: 'lte', value: 15, unit: 'minutes' }), '$I14')).toBe('AND(ISNUMBER($I14),$I14>15)');
    expect(belowTargetCondition('count', numeric({ comparator: 'lt', value: 3, unit: 'count' }), '$I14')).toBe('AND(ISNUMBER($I14),$I14>=3)');
    expect(belowTargetCondition('count', numeric({ comparator: 'eq', value: 2, unit: 'count' }), '$I14')).toBe('AND(ISNUMBER($I14),$I14<>2)');
  });

  test('"Trên 100%" is read literally, as the checker reads it: 100% misses', () => {
    const t = numeric({ comparator: 'gt', value: 1, unit: 'percent', warning: 'có lẽ ý là “100%”' });
    expect(belowTargetCondition('ratio', t, '$I10')).toBe('AND(ISNUMBER($I10),$I10<=1)');
  });

  test('no binary noise in the formula', () => {
    expect(belowTargetCondition('ratio', numeric({ comparator: 'gte', value: 95.5 / 100, unit: 'percent' }), '$I9')).toBe('AND(ISNUMBER($I9),$I9<0.955)');
  });

  test('nothing to compare: qualitative, several targets, relative, or units that do not fit the result', () => {
    expect(belowTargetCondition('qualitative', { text: 'Hoàn thành', targets: [{ kind: 'qualitative', expected: 'Hoàn thành' }] }, '$I9')).toBeNull();
    const two: TargetReading = { text: '', targets: [...numeric({ comparator: 'gte', value: 1, unit: 'percent' }).targets, ...numeric({ comparator: 'gte', value: 0.1, unit: 'percent' }).targets] };
    expect(belowTargetCondition('ratio', two, '$I9')).toBeNull();
    expect(belowTargetCondition('ratio', numeric({ comparator: 'gte', value: 0.1, unit: 'percent', relative: { direction: 'decrease', baseYear: 2024 } }), '$I9')).toBeNull();
    expect(belowTargetCondition('ratio', numeric({ comparator: 'lte', value: 15, unit: 'minutes' }), '$I9')).toBeNull();
    expect(belowTargetCondition('duration', numeric({ comparator: 'gte', value: 0.9, unit: 'percent' }), '$I9')).toBeNull();
  });
});

describe('overdue', () => {
  const dated = (...dues: string[]): DeadlineReading => ({ kind: 'dated', text: '', milestones: dues.map((due) => ({ due, label: '' })) });

  test('the earliest milestone of a dated or recurring deadline counts', () => {
    expect(overdueAfter(dated('2025-12-31', '2025-03-31'))).toBe('2025-03-31');
    expect(overdueAfter(dated('2025-12-09'))).toBe('2025-12-09');
    expect(overdueAfter(dated())).toBeNull();
    const quarterly: DeadlineReading = {
      kind: 'recurring', text: 'Định kỳ hàng quý',
      milestones: ['2025-06-30', '2025-03-31', '2025-09-30', '2025-12-31'].map((due) => ({ due, label: '' })),
    };
    expect(overdueAfter(quarterly)).toBe('2025-03-31');
  });

  test('continuous and external deadlines are not flagged by date', () => {
    expect(overdueAfter({ kind: 'continuous', text: 'Từ quý IV/2021', from: '2021-10-01', milestones: [{ due: '2021-12-31', label: '' }] })).toBeNull();
    expect(overdueAfter({ kind: 'external', text: 'Theo kế hoạch của UBND tỉnh', milestones: [] })).toBeNull();
  });

  test('the condition compares the due serial with the Thông tin cut-off, through INDIRECT', () => {
    const cutoff = `INDIRECT("'Thông tin'!B12")`;
    expect(cutoffRef()).toBe(cutoff);
    expect(overdueCondition('2025-03-31', '$I10', '$J10')).toBe(
      `AND($I10<>"Hoàn thành",ISNUMBER(${cutoff}),${cutoff}>45747,OR(NOT(ISNUMBER($J10)),$J10>${cutoff}))`,
    );
    expect(overdueCondition('31/03/2025', '$I10', '$J10')).toBeNull();
  });
});
