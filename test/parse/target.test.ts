import fc from 'fast-check';
import type { NumericTarget, Target } from '../../shared/model';
import { formatTarget, parseTarget } from '../../shared/parse/target';

const targets = (v: Parameters<typeof parseTarget>[0]): Target[] => {
  const r = parseTarget(v);
  if (!r.ok) throw new Error(`expected targets for ${String(v)}: ${r.reason}`);
  return r.value.targets;
};
const one = (v: Parameters<typeof parseTarget>[0]): Target => {
  const t = targets(v);
  expect(t).toHaveLength(1);
  return t[0];
};
const numeric = (comparator: NumericTarget['comparator'], value: number, unit: NumericTarget['unit'], subject = '', extra: Partial<NumericTarget> = {}): NumericTarget => ({
  kind: 'numeric',
  comparator,
  value,
  unit,
  subject,
  ...extra,
});

describe('parseTarget: the expressions of the seed plans', () => {
  test('"100%" is a floor of 100%', () => expect(one('100%')).toEqual(numeric('gte', 1, 'percent')));
  test('"80%" is a floor of 80%', () => expect(one('80%')).toEqual(numeric('gte', 0.8, 'percent')));
  test('"95,5%" reads the decimal comma', () => expect(one('95,5%')).toEqual(numeric('gte', 0.955, 'percent')));

  test('"Trên 100%" is literally > 100%, with a warning that 100% was meant', () => {
    const t = one('Trên 100%') as NumericTarget;
    expect(t).toMatchObject(numeric('gt', 1, 'percent'));
    expect(t.warning).toContain('“Trên 100%”');
    expect(t.warning).toContain('Nên sửa thành “100%”');
  });

  test('"Trên 100% cán bộ, công chức … đạt chuẩn" keeps the warning and the subject', () => {
    const t = one('Trên 100% cán bộ, công chức cấp thị trấn đạt chuẩn theo quy định') as NumericTarget;
    expect(t).toMatchObject(numeric('gt', 1, 'percent', 'cán bộ, công chức cấp thị trấn đạt chuẩn theo quy định'));
    expect(t.warning).toContain('“Trên 100%”');
  });

  test('"tối thiểu 90%" is ≥ 90%', () => expect(one('tối thiểu 90%')).toEqual(numeric('gte', 0.9, 'percent')));
  test('"98% trở lên" is ≥ 98%', () => expect(one('98% trở lên')).toEqual(numeric('gte', 0.98, 'percent')));
  test('"đạt từ 30% trở lên" is ≥ 30%', () => expect(one('đạt từ 30% trở lên')).toEqual(numeric('gte', 0.3, 'percent')));
  test('"đạt tối thiểu 95% trở lên" (both words) is ≥ 95%', () =>
    expect(one('đạt tối thiểu 95% trở lên')).toEqual(numeric('gte', 0.95, 'percent')));

  test('"từ 95% - 100%" is a range', () =>
    expect(one('từ 95% - 100%')).toEqual(numeric('between', 0.95, 'percent', '', { high: 1 })));
  test('"95 - 100%" and "từ 95% đến 100%" are the same range', () => {
    expect(one('95 - 100%')).toEqual(numeric('between', 0.95, 'percent', '', { high: 1 }));
    expect(one('từ 95% đến 100%')).toEqual(numeric('between', 0.95, 'percent', '', { high: 1 }));
    expect(one('100% - 95%')).toEqual(numeric('between', 0.95, 'percent', '', { high: 1 }));
  });

  test('"tối đa 15 phút/01 lượt giao dịch" is ≤ 15 minutes per transaction', () =>
    expect(one('tối đa 15 phút/01 lượt giao dịch')).toEqual(numeric('lte', 15, 'minutes', 'lượt giao dịch')));

  test('the full sentence of seed 004 reads the same way ("giảm … xuống còn" is not relative)', () =>
    expect(
      one('Giảm thời gian chờ đợi của người dân, doanh nghiệp xuống trung bình còn tối đa 15 phút/01 lượt giao dịch'),
    ).toEqual(numeric('lte', 15, 'minutes', 'lượt giao dịch')));

  test('"Hoàn thành các chỉ tiêu đề ra theo Kế hoạch" is qualitative', () =>
    expect(one('Hoàn thành các chỉ tiêu đề ra theo Kế hoạch')).toEqual({ kind: 'qualitative', expected: 'Hoàn thành' }));

  test('"Công bố 100% TTHC …; đơn giản hóa 10% …" holds two targets', () => {
    const r = parseTarget('Công bố 100% TTHC …; đơn giản hóa 10% …');
    expect(r).toEqual({
      ok: true,
      value: {
        text: 'Công bố 100% TTHC …; đơn giản hóa 10% …',
        targets: [
          numeric('gte', 1, 'percent', 'TTHC', { measure: 'Công bố' }),
          numeric('gte', 0.1, 'percent', '', { measure: 'đơn giản hóa' }),
        ],
      },
    });
  });

  test('the two-target cell of seed 000, written as a list on separate lines', () => {
    const cell =
      '- Tham mưu công bố 100% TTHC nội bộ được quy định tại các văn bản\n- Thực hiện đơn giản hóa 10% số lượng TTHC nội bộ như nêu trên';
    expect(targets(cell)).toEqual([
      numeric('gte', 1, 'percent', 'TTHC nội bộ được quy định tại các văn bản', { measure: 'Tham mưu công bố' }),
      numeric('gte', 0.1, 'percent', 'số lượng TTHC nội bộ như nêu trên', { measure: 'Thực hiện đơn giản hóa' }),
    ]);
    expect(parseTarget(cell)).toMatchObject({ ok: true, value: { text: cell } });
  });

  test('"100% số bộ phận chuyên môn" is ≥ 100% with its subject', () =>
    expect(one('100% số bộ phận chuyên môn')).toEqual(numeric('gte', 1, 'percent', 'số bộ phận chuyên môn')));
});

describe('parseTarget: other comparator words', () => {
  test.each<[string, NumericTarget['comparator'], number, NumericTarget['unit']]>([
    ['hơn 90%', 'gt', 0.9, 'percent'],
    ['cao hơn 90%', 'gt', 0.9, 'percent'],
    ['ít nhất 80%', 'gte', 0.8, 'percent'],
    ['không dưới 80%', 'gte', 0.8, 'percent'],
    ['không thấp hơn 85%', 'gte', 0.85, 'percent'],
    ['dưới 5%', 'lt', 0.05, 'percent'],
    ['ít hơn 5%', 'lt', 0.05, 'percent'],
    ['không quá 3 ngày', 'lte', 3, 'days'],
    ['không vượt quá 20 phút', 'lte', 20, 'minutes'],
    ['tối đa 2 giờ', 'lte', 120, 'minutes'],
    ['tối thiểu là 90%', 'gte', 0.9, 'percent'],
    ['bằng 100%', 'eq', 1, 'percent'],
    ['90% trở xuống', 'lte', 0.9, 'percent'],
    ['≥ 90%', 'gte', 0.9, 'percent'],
    ['>= 90%', 'gte', 0.9, 'percent'],
    ['≤ 15 phút', 'lte', 15, 'minutes'],
    ['< 10 ngày làm việc', 'lt', 10, 'days'],
    ['= 5', 'eq', 5, 'none'],
    ['80 phần trăm', 'gte', 0.8, 'percent'],
    ['15 phút', 'lte', 15, 'minutes'],
    ['3 ngày', 'lte', 3, 'days'],
    ['15', 'gte', 15, 'none'],
  ])('%p → %s %p %s', (text, comparator, value, unit) => {
    expect(one(text)).toEqual(numeric(comparator, value, unit));
  });

  test.each<[string, NumericTarget['comparator'], number]>([
    ['toi thieu 90%', 'gte', 0.9],
    ['tu 95% tro len', 'gte', 0.95],
    ['TỐI ĐA 15 PHÚT', 'lte', 15],
    ['khong qua 10%', 'lte', 0.1],
    ['tren 100%', 'gt', 1],
  ])('without diacritics or in capitals: %p', (text, comparator, value) => {
    expect(one(text)).toMatchObject({ kind: 'numeric', comparator, value });
  });

  test('a count with what it counts', () => {
    expect(one('Tổ chức 02 cuộc kiểm tra')).toEqual(numeric('gte', 2, 'count', 'cuộc kiểm tra'));
  });

  test('years and document numbers are not the target number', () => {
    expect(one('Năm 2025 đạt 100%')).toEqual(numeric('gte', 1, 'percent', '', { forYear: 2025 }));
    expect(one('Hoàn thành trong năm 2025')).toEqual({ kind: 'qualitative', expected: 'Hoàn thành' });
  });

  test('"giám sát" is not "giảm"', () => {
    expect(one('Giám sát 100% hồ sơ')).toEqual(numeric('gte', 1, 'percent', 'hồ sơ'));
  });

  test('a rate over 100% other than "Trên 100%" also warns', () => {
    expect((one('tối thiểu 120%') as NumericTarget).warning).toContain('vượt 100%');
  });

  test('contradicting comparators are refused', () => {
    expect(parseTarget('tối đa 90% trở lên')).toMatchObject({ ok: false, code: 'target.conflict' });
  });
});

describe('parseTarget: relative targets', () => {
  test('"giảm 10% so với năm 2024"', () =>
    expect(one('giảm 10% so với năm 2024')).toEqual(
      numeric('gte', 0.1, 'percent', '', { relative: { direction: 'decrease', baseYear: 2024 } }),
    ));
  test('"giảm tối thiểu 20% thông tin" (no base year)', () =>
    expect(one('giảm tối thiểu 20% thông tin')).toEqual(
      numeric('gte', 0.2, 'percent', 'thông tin', { relative: { direction: 'decrease' } }),
    ));
  test('"Tăng 5% số hồ sơ trực tuyến so với năm 2024"', () =>
    expect(one('Tăng 5% số hồ sơ trực tuyến so với năm 2024')).toEqual(
      numeric('gte', 0.05, 'percent', 'số hồ sơ trực tuyến', { relative: { direction: 'increase', baseYear: 2024 } }),
    ));
  test('"tăng lên 90%" is an absolute target', () => expect(one('tăng lên 90%')).toEqual(numeric('gte', 0.9, 'percent')));
  test('"Tăng cường … 100%" is not relative', () =>
    expect(one('Tăng cường kiểm tra 100% hồ sơ')).toEqual(numeric('gte', 1, 'percent', 'hồ sơ')));
});

describe('parseTarget: what it cannot read', () => {
  test('a ranking without a number is read as not measurable, with its reason', () => {
    expect(one('nâng vị trí xếp hạng')).toEqual({
      kind: 'unmeasurable',
      text: 'nâng vị trí xếp hạng',
      reason: expect.stringContaining('không tính được từ số liệu của đơn vị'),
    });
  });
  test('a ranking with a number is not a floor on that number', () => {
    expect(one('Xếp hạng trong top 10')).toMatchObject({ kind: 'unmeasurable', text: 'Xếp hạng trong top 10' });
  });
  test('other text without a number', () => {
    const r = parseTarget('Nâng cao chất lượng phục vụ');
    expect(r).toMatchObject({ ok: false, code: 'target.no_number' });
    if (!r.ok) expect(r.reason).toContain('“Nâng cao chất lượng phục vụ” không có số để đo');
  });
  test.each(['', '   ', null, undefined as unknown as null])('blank %p → target.empty', (v) => {
    expect(parseTarget(v)).toMatchObject({ ok: false, code: 'target.empty' });
  });
  test.each(['x', '-', 'kps'])('"%s" (no target) → target.empty', (v) => {
    expect(parseTarget(v)).toMatchObject({ ok: false, code: 'target.empty' });
  });
  test('a number that reads two ways is refused with its reason', () => {
    const r = parseTarget('tối thiểu 1,234.5%');
    expect(r).toMatchObject({ ok: false, code: 'target.number' });
    if (!r.ok) expect(r.reason).toContain('1234,5');
  });
  test('booleans and dates', () => {
    expect(parseTarget(true)).toMatchObject({ ok: false, code: 'target.not_text' });
    expect(parseTarget(new Date(2025, 0, 1))).toMatchObject({ ok: false, code: 'target.not_text' });
  });
  test('a readable clause wins over a remark in the same cell', () => {
    expect(targets('Văn phòng theo dõi; 100% hồ sơ')).toEqual([numeric('gte', 1, 'percent', 'hồ sơ')]);
  });
});

describe('parseTarget: qualitative and number cells', () => {
  test.each([
    ['Có', 'Có'],
    ['Đạt', 'Đạt'],
    ['đạt yêu cầu', 'Đạt'],
    ['Hoàn thành', 'Hoàn thành'],
    ['hoan thanh', 'Hoàn thành'],
    ['Thực hiện đầy đủ', 'Hoàn thành'],
    ['Đảm bảo theo quy định', 'Hoàn thành'],
  ])('%p expects %p', (text, expected) => {
    expect(one(text)).toEqual({ kind: 'qualitative', expected });
  });

  test('a number cell 0–1 is a percentage (Excel keeps a typed 80% as 0.8)', () => {
    expect(parseTarget(0.8)).toEqual({ ok: true, value: { text: '80%', targets: [numeric('gte', 0.8, 'percent')] } });
    expect(parseTarget(1)).toEqual({ ok: true, value: { text: '100%', targets: [numeric('gte', 1, 'percent')] } });
  });
  test('a larger number cell is a plain number', () => {
    expect(parseTarget(15)).toEqual({ ok: true, value: { text: '15', targets: [numeric('gte', 15, 'none')] } });
  });
});

describe('formatTarget', () => {
  test.each<[Target, string]>([
    [numeric('gte', 0.9, 'percent'), '≥ 90%'],
    [numeric('lte', 15, 'minutes'), '≤ 15 phút'],
    [numeric('lte', 15, 'minutes', 'lượt giao dịch'), '≤ 15 phút/lượt giao dịch'],
    [numeric('gt', 1, 'percent'), '> 100%'],
    [numeric('between', 0.95, 'percent', '', { high: 1 }), '95% – 100%'],
    [numeric('gte', 0.955, 'percent'), '≥ 95,5%'],
    [numeric('gte', 1, 'percent', 'số bộ phận chuyên môn'), '≥ 100% số bộ phận chuyên môn'],
    [numeric('gte', 1234, 'count', 'hồ sơ'), '≥ 1.234 hồ sơ'],
    [numeric('lt', 3, 'days'), '< 3 ngày'],
    [numeric('eq', 5, 'none'), '= 5'],
    [numeric('gte', 0.1, 'percent', '', { relative: { direction: 'decrease', baseYear: 2024 } }), 'Giảm 10% so với năm 2024'],
    [numeric('lte', 0.05, 'percent', '', { relative: { direction: 'increase' } }), 'Tăng ≤ 5%'],
    [{ kind: 'qualitative', expected: 'Hoàn thành' }, 'Hoàn thành'],
    [{ kind: 'qualitative', expected: '' }, 'Hoàn thành'],
  ])('%j → %p', (t, text) => {
    expect(formatTarget(t)).toBe(text);
  });
});

describe('properties', () => {
  test('parseTarget never throws and always gives a coded reason', () => {
    const words = fc.constantFrom('tối thiểu', 'trên', 'từ', '-', 'đến', 'trở lên', '%', 'phút', '/', ';', 'giảm', 'so với năm', 'hoàn thành', 'xếp hạng', '1,234.5', '95,5', '100', '2024', '\n', '- ', 'x');
    const cell = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.array(words, { maxLength: 12 }).map((w) => w.join(' ')),
      fc.double(),
      fc.boolean(),
      fc.date({ noInvalidDate: false }),
      fc.constant(null),
    );
    fc.assert(
      fc.property(cell, (v) => {
        const r = parseTarget(v);
        if (r.ok) {
          expect(r.value.targets.length).toBeGreaterThan(0);
          for (const t of r.value.targets) expect(typeof formatTarget(t)).toBe('string');
        } else {
          expect(r.code).toMatch(/^target\./);
          expect(r.reason.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 3000 },
    );
  });

  test('formatTarget → parseTarget gives a numeric target back', () => {
    const subjects = ['', 'hồ sơ', 'TTHC', 'số bộ phận chuyên môn', 'lượt giao dịch', 'cán bộ, công chức cấp xã', 'thông tin'];
    const target = fc
      .record({
        comparator: fc.constantFrom<NumericTarget['comparator']>('gte', 'gt', 'lte', 'lt', 'eq', 'between'),
        unit: fc.constantFrom<NumericTarget['unit']>('percent', 'minutes', 'days', 'count', 'none'),
        a: fc.integer({ min: 0, max: 1_000_000 }),
        b: fc.integer({ min: 0, max: 1_000_000 }),
        subject: fc.constantFrom(...subjects),
        relative: fc.option(
          fc.record({ direction: fc.constantFrom<'increase' | 'decrease'>('increase', 'decrease'), baseYear: fc.integer({ min: 2000, max: 2100 }) }),
          { nil: undefined },
        ),
      })
      .map(({ comparator, unit, a, b, subject, relative }) => {
        // Percentages to 0,01 point (4 decimals of the fraction); other numbers to 2 decimals.
        const scale = unit === 'percent' ? 10_000 : 100;
        const [lo, hi] = [Math.min(a, b) / scale, Math.max(a, b) / scale];
        const t: NumericTarget = { kind: 'numeric', comparator, value: lo, unit, subject };
        // A count is a number with what it counts; without one it is 'none'.
        if (unit === 'count' && subject === '') t.unit = 'none';
        if (unit === 'none') t.subject = '';
        if (comparator === 'between') {
          if (hi === lo) t.comparator = 'gte';
          else t.high = hi;
        }
        if (relative && t.comparator !== 'between') t.relative = relative;
        return t;
      });
    fc.assert(
      fc.property(target, (t) => {
        const text = formatTarget(t);
        const r = parseTarget(text);
        if (!r.ok) throw new Error(`${text}: ${r.reason}`);
        expect(r.value.targets).toHaveLength(1);
        const back = r.value.targets[0] as NumericTarget;
        expect({ ...back, warning: undefined }).toEqual({ ...t, warning: undefined });
      }),
      { numRuns: 3000 },
    );
  });
});
