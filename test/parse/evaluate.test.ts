import fc from 'fast-check';
import type { NumericTarget, Target } from '../../shared/model';
import { evaluateTarget } from '../../shared/parse/evaluate';
import { parseTarget } from '../../shared/parse/target';

const target = (text: string): Target => {
  const r = parseTarget(text);
  if (!r.ok) throw new Error(r.reason);
  return r.value.targets[0];
};

describe('evaluateTarget: floors and ceilings', () => {
  test.each<[string, number | string, boolean, number]>([
    ['80%', 0.8, true, 0],
    ['80%', 0.85, true, 0],
    ['80%', 0.75, false, 0.05],
    ['80%', '75%', false, 0.05],
    ['80%', '75', false, 0.05],
    ['80%', '0,75', false, 0.05],
    ['100%', 0.9, false, 0.1],
    ['100%', 1, true, 0],
    ['tối thiểu 90%', 0.899, false, 0.001],
    ['98% trở lên', 0.98, true, 0],
    ['tối đa 15 phút/01 lượt giao dịch', 12, true, 0],
    ['tối đa 15 phút/01 lượt giao dịch', 15, true, 0],
    ['tối đa 15 phút/01 lượt giao dịch', 20, false, 5],
    ['tối đa 15 phút/01 lượt giao dịch', '20', false, 5],
    ['dưới 5%', 0.04, true, 0],
    ['dưới 5%', 0.06, false, 0.01],
    ['hơn 90%', 0.95, true, 0],
    ['hơn 90%', 0.85, false, 0.05],
    ['bằng 100%', 1, true, 0],
    ['bằng 100%', 0.97, false, 0.03],
    ['Tổ chức 02 cuộc kiểm tra', 1, false, 1],
    ['Tổ chức 02 cuộc kiểm tra', 3, true, 0],
  ])('%p with result %p → met %p, gap %p', (text, result, met, gap) => {
    expect(evaluateTarget(target(text), result)).toEqual({ met, gap });
  });

  test('a range ("từ 95% - 100%") is met from its low end', () => {
    const t = target('từ 95% - 100%');
    expect(evaluateTarget(t, 0.95)).toEqual({ met: true, gap: 0 });
    expect(evaluateTarget(t, 1)).toEqual({ met: true, gap: 0 });
    expect(evaluateTarget(t, 0.9)).toEqual({ met: false, gap: 0.05 });
  });

  test('"Trên 100%" is read literally: 100% misses, with gap 0', () => {
    expect(evaluateTarget(target('Trên 100%'), 1)).toEqual({ met: false, gap: 0 });
  });

  test('a ratio with binary noise still meets its target', () => {
    expect(evaluateTarget(target('30%'), 0.1 + 0.2)).toEqual({ met: true, gap: 0 });
    expect(evaluateTarget(target('90%'), 9 / 10)).toEqual({ met: true, gap: 0 });
  });
});

describe('evaluateTarget: when it cannot judge', () => {
  test.each([null, '', '  ', 'x', 'kps', 'không phát sinh', 'abc', Number.NaN])('no usable result %p → null', (result) => {
    expect(evaluateTarget(target('80%'), result as number | string | null)).toEqual({ met: null, gap: null });
  });

  test('relative targets need the base year value, so they are not judged', () => {
    expect(evaluateTarget(target('giảm 10% so với năm 2024'), 0.15)).toEqual({ met: null, gap: null });
  });

  test('a rate result above 100% cannot be read', () => {
    expect(evaluateTarget(target('80%'), '120%')).toEqual({ met: null, gap: null });
  });
});

describe('evaluateTarget: qualitative targets', () => {
  const done = target('Hoàn thành các chỉ tiêu đề ra theo Kế hoạch');
  test.each(['Hoàn thành', 'hoan thanh', 'Đã hoàn thành', 'Có', 'co', 'Đạt', 'ĐẠT', 'Hoàn thành.', ' Hoàn\u00a0thành '])('%p is met', (result) => {
    expect(evaluateTarget(done, result)).toEqual({ met: true, gap: 0 });
  });
  test.each(['Chưa hoàn thành', 'Không', 'Đang thực hiện', 'Không đạt'])('%p is not met', (result) => {
    expect(evaluateTarget(done, result)).toEqual({ met: false, gap: null });
  });
  test('no result or a number cannot be judged', () => {
    expect(evaluateTarget(done, null)).toEqual({ met: null, gap: null });
    expect(evaluateTarget(done, 'x')).toEqual({ met: null, gap: null });
    expect(evaluateTarget(done, 1)).toEqual({ met: null, gap: null });
  });
});

describe('properties', () => {
  const numericTarget = fc.record({
    kind: fc.constant('numeric' as const),
    comparator: fc.constantFrom<NumericTarget['comparator']>('gte', 'gt', 'lte', 'lt', 'eq', 'between'),
    value: fc.double({ min: 0, max: 1000, noNaN: true }),
    unit: fc.constantFrom<NumericTarget['unit']>('percent', 'minutes', 'days', 'count', 'none'),
    subject: fc.constant(''),
  });
  const result = fc.oneof(fc.double(), fc.string(), fc.constant(null));

  test('never throws; met is null exactly when gap is null for numeric targets; gap ≥ 0; met ⇒ gap 0', () => {
    fc.assert(
      fc.property(numericTarget, result, (t, r) => {
        const e = evaluateTarget(t, r);
        expect(e.met === null).toBe(e.gap === null);
        if (e.gap !== null) expect(e.gap).toBeGreaterThanOrEqual(0);
        if (e.met === true) expect(e.gap).toBe(0);
      }),
      { numRuns: 2000 },
    );
  });

  test('for floors, missing means a positive gap equal to the shortfall', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), (v, r) => {
        const e = evaluateTarget({ kind: 'numeric', comparator: 'gte', value: v / 10_000, unit: 'percent', subject: '' }, r / 10_000);
        expect(e.met).toBe(r >= v);
        expect(e.gap).toBeCloseTo(Math.max(0, (v - r) / 10_000), 12);
      }),
    );
  });
});
