/**
 * Target forms beyond the seed plans: rankings and groups, several targets in one cell (a list after a
 * colon, one figure per level, measures joined by "và" or commas), reductions against a baseline.
 * The expressions are written here in the shapes real plans use, not copied from any plan.
 */
import fc from 'fast-check';
import type { NumericTarget, Target } from '../../shared/model';
import { applicableTargets, judgeTargets } from '../../shared/parse/evaluate';
import { formatTarget, formatTargets, parseTarget } from '../../shared/parse/target';
import { TargetListSchema } from '../../shared/schema/target';

const read = (text: string): Target[] => {
  const r = parseTarget(text);
  if (!r.ok) throw new Error(`${text}: ${r.reason}`);
  return r.value.targets;
};
const numeric = (comparator: NumericTarget['comparator'], value: number, unit: NumericTarget['unit'], subject = '', extra: Partial<NumericTarget> = {}): NumericTarget => ({
  kind: 'numeric',
  comparator,
  value,
  unit,
  subject,
  ...extra,
});

describe('groups, tiers and ranks are read as not measurable, never as "≥ N"', () => {
  test.each([
    'Thuộc nhóm dẫn đầu khu vực',
    'Nằm trong top 5 đơn vị cấp xã',
    'Giữ vững vị trí trong nhóm 10 xã đứng đầu',
    'Duy trì thứ hạng chỉ số SIPAS của xã',
    'Xếp thứ 3 trở lên trong toàn tỉnh',
    'tang hang it nhat 2 bac',
  ])('%s', (text) => {
    const [t] = read(text);
    expect(t).toEqual({ kind: 'unmeasurable', text, reason: expect.stringMatching(/không tự đánh giá Đạt\/Chưa đạt/) });
    expect(formatTarget(t)).toBe(text);
  });

  test('"vị trí việc làm" is a staffing term, not a ranking', () => {
    expect(read('100% cơ quan có đề án vị trí việc làm')).toEqual([numeric('gte', 1, 'percent', 'cơ quan có đề án vị trí việc làm')]);
  });

  test('a rank beside a measurable figure: both kept, only the figure judged', () => {
    const targets = read('Đạt 95% hồ sơ đúng hạn và vào nhóm khá của huyện');
    expect(targets).toEqual([
      numeric('gte', 0.95, 'percent', 'hồ sơ đúng hạn'),
      { kind: 'unmeasurable', text: 'vào nhóm khá của huyện', reason: expect.any(String) },
    ]);
    expect(judgeTargets(targets, 0.9, 'Tỷ lệ hồ sơ đúng hạn', 'ratio')).toEqual({
      targets: [{ applies: true, met: false, gap: 0.05 }, { applies: false, met: null, gap: null }],
      met: false,
      gap: 0.05,
    });
  });

  test('a ranking alone is never judged, whatever the result', () => {
    expect(judgeTargets(read('Top 3 của tỉnh'), 1, 'Xếp hạng', 'count')).toMatchObject({ met: null, gap: null });
  });
});

describe('several targets in one cell keep them all, each with its subject', () => {
  test('a list after a colon, separated by commas', () => {
    expect(read('Phấn đấu đạt: 98% hồ sơ đúng hạn, 60% hồ sơ trực tuyến toàn trình')).toEqual([
      numeric('gte', 0.98, 'percent', 'hồ sơ đúng hạn'),
      numeric('gte', 0.6, 'percent', 'hồ sơ trực tuyến toàn trình'),
    ]);
  });

  test('one figure per level, the comparator written once for all', () => {
    expect(read('Không dưới 90% ở cấp tỉnh, 75% ở cấp xã')).toEqual([
      numeric('gte', 0.9, 'percent', '', { level: 'tinh' }),
      numeric('gte', 0.75, 'percent', '', { level: 'xa' }),
    ]);
    expect(read('cấp tỉnh 100%; cấp huyện 95%; cấp cơ sở 85%')).toEqual([
      numeric('gte', 1, 'percent', '', { level: 'tinh' }),
      numeric('gte', 0.95, 'percent', '', { level: 'huyen' }),
      numeric('gte', 0.85, 'percent', '', { level: 'xa' }),
    ]);
  });

  test('a level in brackets, after the number or after the subject', () => {
    expect(read('Đạt 100% (cấp xã)')).toEqual([numeric('gte', 1, 'percent', '', { level: 'xa' })]);
    expect(read('98% hồ sơ (cấp tỉnh); 90% hồ sơ (cấp xã)')).toEqual([
      numeric('gte', 0.98, 'percent', 'hồ sơ', { level: 'tinh' }),
      numeric('gte', 0.9, 'percent', 'hồ sơ', { level: 'xa' }),
    ]);
  });

  test('a per-level list judges a commune on the commune figure only', () => {
    const targets = read('Tối thiểu 95% cấp tỉnh, 80% cấp xã');
    expect(applicableTargets(targets, 'Tỷ lệ số hóa hồ sơ', 'ratio')).toEqual([false, true]);
    expect(judgeTargets(targets, 0.85, 'Tỷ lệ số hóa hồ sơ', 'ratio')).toMatchObject({ met: true, gap: 0 });
    expect(judgeTargets(targets, 0.7, 'Tỷ lệ số hóa hồ sơ', 'ratio')).toMatchObject({ met: false, gap: 0.1 });
  });

  test('a per-level list without a commune figure does not judge a commune', () => {
    expect(judgeTargets(read('100% cấp tỉnh, 90% cấp huyện'), 0.5, 'Tỷ lệ', 'ratio')).toMatchObject({ met: null });
  });

  test('measures joined by "và" keep their own words', () => {
    expect(read('Rà soát 100% văn bản và số hóa 50% kết quả giải quyết')).toEqual([
      numeric('gte', 1, 'percent', 'văn bản', { measure: 'Rà soát' }),
      numeric('gte', 0.5, 'percent', 'kết quả giải quyết', { measure: 'số hóa' }),
    ]);
  });

  test('a row is judged on the measure its name names first, not on the first written', () => {
    const targets = read('Đơn giản hóa 20% TTHC; công bố 100% TTHC');
    expect(applicableTargets(targets, 'TTHC được công bố, đơn giản hóa', 'ratio')).toEqual([false, true]);
    expect(judgeTargets(targets, 1, 'TTHC được công bố, đơn giản hóa', 'ratio')).toMatchObject({ met: true });
    // A name that names neither measure: not judged rather than judged on a guess.
    expect(judgeTargets(targets, 0.1, 'Tỷ lệ khác', 'ratio')).toMatchObject({ met: null, gap: null });
  });

  test('a number with no comma or "và" before it stays in the same target', () => {
    expect(read('100% hồ sơ giải quyết trong 3 ngày')).toEqual([numeric('gte', 1, 'percent', 'hồ sơ giải quyết trong 3 ngày')]);
    expect(read('Trên 90% cán bộ, công chức được bồi dưỡng')).toEqual([
      expect.objectContaining({ comparator: 'gt', value: 0.9, subject: 'cán bộ, công chức được bồi dưỡng' }),
    ]);
  });
});

describe('reductions are a direction, an amount and a baseline, never a floor on a rate', () => {
  test.each<[string, NumericTarget]>([
    ['Giảm 15% chi phí so với năm 2023', numeric('gte', 0.15, 'percent', 'chi phí', { relative: { direction: 'decrease', baseYear: 2023 } })],
    ['rút ngắn 30% thời gian giải quyết', numeric('gte', 0.3, 'percent', 'thời gian giải quyết', { relative: { direction: 'decrease' } })],
    ['Cắt giảm tối thiểu 20% thủ tục so với hiện nay', numeric('gte', 0.2, 'percent', 'thủ tục', { relative: { direction: 'decrease', base: 'current' } })],
    ['giảm 5% so với cùng kỳ năm trước', numeric('gte', 0.05, 'percent', '', { relative: { direction: 'decrease', base: 'previous_year' } })],
    ['Giảm chi phí đi lại 10%', numeric('gte', 0.1, 'percent', '', { relative: { direction: 'decrease' } })],
    ['Rut ngan 2 ngay so voi nam 2024', numeric('gte', 2, 'days', '', { relative: { direction: 'decrease', baseYear: 2024 } })],
  ])('%s', (text, expected) => {
    expect(read(text)).toEqual([expected]);
  });

  test('one baseline written at the end is each listed reduction’s', () => {
    expect(read('Giảm 10% chi phí và 25% thời gian so với năm 2024')).toEqual([
      numeric('gte', 0.1, 'percent', 'chi phí', { relative: { direction: 'decrease', baseYear: 2024 } }),
      numeric('gte', 0.25, 'percent', 'thời gian', { relative: { direction: 'decrease', baseYear: 2024 } }),
    ]);
  });

  test('"giảm … xuống còn" is the value to reach, not a reduction', () => {
    expect(read('Giảm tỷ lệ hồ sơ trễ hạn xuống còn 2%')).toEqual([numeric('gte', 0.02, 'percent')]);
  });

  test('judged on the reduction the unit reports as its result; never on a ratio row', () => {
    const targets = read('Giảm 15% chi phí so với năm 2023');
    expect(judgeTargets(targets, '18%', 'Chi phí tuân thủ', 'count')).toMatchObject({ met: true });
    expect(judgeTargets(targets, 0.1, 'Chi phí tuân thủ', 'count')).toMatchObject({ met: false, gap: 0.05 });
    expect(judgeTargets(targets, 0.95, 'Chi phí tuân thủ', 'ratio')).toMatchObject({ met: null });
  });

  test('formatTarget writes the baseline back', () => {
    expect(formatTarget(read('Giảm 5% so với hiện nay')[0])).toBe('Giảm 5% so với hiện nay');
    expect(formatTarget(read('giảm 5% so với cùng kỳ năm trước')[0])).toBe('Giảm 5% so với năm trước');
  });
});

describe('targets of one year, or to reach by a year', () => {
  test('"Năm 2026: 90%; năm 2027: 95%" keeps each year’s figure; a plan is judged on its own year’s', () => {
    const targets = read('Năm 2026: 90%; năm 2027: 95%');
    expect(targets).toEqual([
      numeric('gte', 0.9, 'percent', '', { forYear: 2026 }),
      numeric('gte', 0.95, 'percent', '', { forYear: 2027 }),
    ]);
    expect(judgeTargets(targets, 0.92, 'Tỷ lệ', 'ratio', 2026)).toMatchObject({ met: true });
    expect(judgeTargets(targets, 0.92, 'Tỷ lệ', 'ratio', 2027)).toMatchObject({ met: false, gap: 0.03 });
    expect(judgeTargets(targets, 0.92, 'Tỷ lệ', 'ratio', 2028)).toMatchObject({ met: null });
    expect(judgeTargets(targets, 0.92, 'Tỷ lệ', 'ratio')).toMatchObject({ met: null });
  });

  test('"Phấn đấu đến năm 2030 đạt 100%" is not this year’s floor', () => {
    const targets = read('Phấn đấu đến năm 2030 đạt 100%');
    expect(targets).toEqual([numeric('gte', 1, 'percent', '', { byYear: 2030 })]);
    expect(judgeTargets(targets, 0.8, 'Tỷ lệ', 'ratio', 2026)).toMatchObject({ met: null, gap: null });
    expect(judgeTargets(targets, 0.8, 'Tỷ lệ', 'ratio', 2030)).toMatchObject({ met: false });
  });

  test('a staged list: from 2025 the 2025 stage applies, from 2030 the 2030 stage', () => {
    const targets = read('Đến năm 2025 đạt 80%, đến năm 2030 đạt 100%');
    expect(targets.map((t) => (t.kind === 'numeric' ? [t.value, t.byYear] : null))).toEqual([[0.8, 2025], [1, 2030]]);
    expect(applicableTargets(targets, 'Tỷ lệ', 'ratio', 2026)).toEqual([true, false]);
    expect(applicableTargets(targets, 'Tỷ lệ', 'ratio', 2030)).toEqual([false, true]);
    expect(judgeTargets(targets, 0.85, 'Tỷ lệ', 'ratio', 2030)).toMatchObject({ met: false, gap: 0.15 });
  });

  test('formatTarget writes the year back', () => {
    expect(formatTargets(read('Năm 2026: 90%; đến năm 2030 đạt 100%'))).toBe('Năm 2026: ≥ 90%; Đến năm 2030: ≥ 100%');
  });
});

describe('properties', () => {
  const noComparatorWords = fc.constantFrom(
    '100%', '85,5%', '15 phút', '3 ngày', '12', 'hồ sơ', 'TTHC', 'cấp xã', 'ở cấp tỉnh', ',', 'và', ';', ':', '\n',
    'công bố', 'đơn giản hóa', 'so với năm 2024', 'cán bộ', 'năm 2025', 'thực hiện', 'giảm', 'rút ngắn',
  );
  test('no reading invents a comparator from a cell that has none', () => {
    fc.assert(
      fc.property(fc.array(noComparatorWords, { minLength: 1, maxLength: 14 }), (words) => {
        const r = parseTarget(words.join(' '));
        if (!r.ok) return;
        for (const t of r.value.targets) {
          if (t.kind !== 'numeric') continue;
          const floor = t.relative || (t.unit !== 'minutes' && t.unit !== 'days');
          expect(t.comparator).toBe(floor ? 'gte' : 'lte');
          expect(t.high).toBeUndefined();
        }
        expect(TargetListSchema.safeParse(r.value.targets).success).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  test('several-target cells round-trip through formatTargets → parseTarget', () => {
    const one = fc
      .record({
        comparator: fc.constantFrom<NumericTarget['comparator']>('gte', 'gt', 'lte', 'lt', 'eq'),
        unit: fc.constantFrom<NumericTarget['unit']>('percent', 'minutes', 'days', 'count'),
        value: fc.integer({ min: 1, max: 9_999 }),
        subject: fc.constantFrom('', 'hồ sơ', 'TTHC nội bộ', 'văn bản'),
        measure: fc.constantFrom('', 'Công bố', 'Đơn giản hóa', 'Số hóa', 'Rà soát'),
        level: fc.constantFrom<NumericTarget['level'] | undefined>(undefined, 'tinh', 'huyen', 'xa'),
        year: fc.constantFrom<[('forYear' | 'byYear'), number] | undefined>(undefined, ['forYear', 2026], ['byYear', 2030]),
        relative: fc.option(
          fc.record({ direction: fc.constantFrom<'increase' | 'decrease'>('decrease', 'increase'), baseYear: fc.integer({ min: 2020, max: 2030 }) }),
          { nil: undefined },
        ),
      })
      .map(({ comparator, unit, value, subject, measure, level, year, relative }): NumericTarget => {
        const t: NumericTarget = { kind: 'numeric', comparator, value: unit === 'percent' ? value / 10_000 : value, unit, subject };
        if (unit === 'count' && subject === '') t.subject = 'hồ sơ';
        if (measure) t.measure = measure;
        if (level) t.level = level;
        if (year) t[year[0]] = year[1];
        if (relative) t.relative = relative;
        return t;
      });
    const rank: fc.Arbitrary<Target> = fc.constantFrom('Thuộc nhóm dẫn đầu', 'Top 10 của tỉnh').map((text) => ({
      kind: 'unmeasurable' as const,
      text,
      reason: read(text)[0].kind === 'unmeasurable' ? (read(text)[0] as { reason: string }).reason : '',
    }));
    fc.assert(
      fc.property(fc.array(fc.oneof({ weight: 4, arbitrary: one }, { weight: 1, arbitrary: rank }), { minLength: 2, maxLength: 4 }), (targets) => {
        const text = formatTargets(targets);
        const back = read(text).map((t) => (t.kind === 'numeric' ? { ...t, warning: undefined } : t));
        expect(back).toEqual(targets.map((t) => (t.kind === 'numeric' ? { ...t, warning: undefined } : t)));
      }),
      { numRuns: 1500 },
    );
  });
});
