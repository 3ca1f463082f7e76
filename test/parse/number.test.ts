import fc from 'fast-check';
import { formatNumberVi, formatPercentVi, parseNumber, parseRate } from '../../shared/parse/number';
import { readNumeral } from '../../shared/parse/numeral';

const value = (v: Parameters<typeof parseNumber>[0]) => {
  const r = parseNumber(v);
  if (!r.ok) throw new Error(`expected a reading for ${String(v)}: ${r.reason}`);
  return r.value;
};
const failure = (v: Parameters<typeof parseNumber>[0]) => {
  const r = parseNumber(v);
  if (r.ok) throw new Error(`expected a failure for ${String(v)}, got ${JSON.stringify(r.value)}`);
  return r;
};

describe('parseNumber: numbers as people type them', () => {
  test.each([
    [0.8, 0.8, false],
    [120, 120, false],
    [-3, -3, false],
    ['80%', 0.8, true],
    ['80 %', 0.8, true],
    ['80,5 %', 0.805, true],
    ['95,5%', 0.955, true],
    ['100%', 1, true],
    ['80', 80, false],
    ['1.234', 1234, false],
    ['1.234.567', 1234567, false],
    ['1.234,5', 1234.5, false],
    ['1,5', 1.5, false],
    ['1,234', 1.234, false],
    ['12 345', 12345, false],
    ['12\u00a0345', 12345, false],
    ['12 345,5', 12345.5, false],
    ['0.8', 0.8, false],
    ['1.5', 1.5, false],
    ['0.800', 0.8, false],
    [',5', 0.5, false],
    ['-5', -5, false],
    ['+7', 7, false],
    ['−2,5', -2.5, false],
    [' 42 ', 42, false],
    ['0', 0, false],
    ['-0', 0, false],
  ])('%p → %p (percent %p)', (input, expected, percent) => {
    expect(value(input)).toEqual({ kind: 'number', value: expected, percent });
  });

  test.each(['-', '–', '—', '--', 'x', 'X', 'kps', 'KPS', 'k.p.s', 'không phát sinh', 'Không phát sinh', 'khong phat sinh', 'chưa phát sinh', 'n/a'])(
    '%p means no data, never 0',
    (input) => expect(value(input)).toEqual({ kind: 'no_data' }),
  );

  test.each(['', '   ', '\u00a0', '\u200b', null])('%p is empty', (input) => {
    expect(value(input)).toEqual({ kind: 'empty' });
  });

  test('booleans, dates and error values are refused with what to type', () => {
    expect(failure(true)).toMatchObject({ code: 'number.boolean' });
    expect(failure(true).reason).toContain('Nhập một số');
    expect(failure(new Date(2025, 0, 1))).toMatchObject({ code: 'number.date' });
    expect(failure(Number.NaN)).toMatchObject({ code: 'number.invalid' });
    expect(failure(Number.POSITIVE_INFINITY)).toMatchObject({ code: 'number.invalid' });
  });

  test('en-US grouping is refused, never guessed, and the reason gives the vi-VN spelling', () => {
    const r = failure('1,234.5');
    expect(r.code).toBe('number.ambiguous');
    expect(r.reason).toContain('1234,5');
  });

  test('several commas are refused with both readings offered', () => {
    const r = failure('1,234,567');
    expect(r.code).toBe('number.ambiguous');
    expect(r.reason).toContain('1234567');
    expect(r.reason).toContain('1.234.567');
  });

  test.each(['1.2.3', '1.23.456', '1.234,5,6', '01.234,5'])('%p is ambiguous', (input) => {
    expect(failure(input).code).toBe('number.ambiguous');
  });

  test.each(['abc', '5,', '1e5', '80%%', '12 34', 'mười', '15 phút', '%'])('%p is not a number', (input) => {
    const r = failure(input);
    expect(r.code).toBe('number.invalid');
    expect(r.reason).toMatch(/Nhập/);
  });
});

describe('readNumeral', () => {
  test('space groups then a dot decimal point', () => {
    expect(readNumeral('1 234.5')).toEqual({ ok: true, value: 1234.5 });
  });
  test('leading dot', () => expect(readNumeral('.5')).toEqual({ ok: true, value: 0.5 }));
});

describe('parseRate', () => {
  test.each([
    [0.95, 0.95, false],
    ['0,95', 0.95, false],
    ['95%', 0.95, false],
    ['95,5%', 0.955, false],
    [1, 1, false],
    ['1', 1, false],
    [0, 0, false],
    ['100%', 1, false],
    [95, 0.95, true],
    ['95', 0.95, true],
    ['95,5', 0.955, true],
    [100, 1, true],
    [1.5, 0.015, true],
  ])('%p → %p (assumed percentage points: %p)', (input, expected, assumed) => {
    expect(parseRate(input)).toEqual({ ok: true, value: { value: expected, assumedPercentPoints: assumed } });
  });

  test.each(['', null, 'x', 'kps', '-'])('%p has no value', (input) => {
    expect(parseRate(input)).toEqual({ ok: true, value: { value: null, assumedPercentPoints: false } });
  });

  test.each([101, '105%', '150', -0.1, '-5%'])('%p is outside 0–100%', (input) => {
    const r = parseRate(input);
    expect(r).toMatchObject({ ok: false, code: 'rate.out_of_range' });
    if (!r.ok) expect(r.reason).toContain('Nhập tỷ lệ từ 0% đến 100%');
  });

  test('a number that cannot be read keeps its own reason', () => {
    expect(parseRate('1,234.5')).toMatchObject({ ok: false, code: 'number.ambiguous' });
  });
});

describe('formatNumberVi / formatPercentVi', () => {
  test.each([
    [1234.5, undefined, '1.234,5'],
    [1234567.891, undefined, '1.234.567,89'],
    [0.125, undefined, '0,13'],
    [12, undefined, '12'],
    [0, undefined, '0'],
    [-1234, undefined, '-1.234'],
    [-0.001, undefined, '0'],
    [2.5, 0, '3'],
    [1.23456, 4, '1,2346'],
    [1000, 2, '1.000'],
    [1e21, undefined, '1.000.000.000.000.000.000.000'],
    [Number.NaN, undefined, ''],
    [Number.POSITIVE_INFINITY, undefined, ''],
  ])('formatNumberVi(%p, %p) = %p', (n, d, expected) => {
    expect(formatNumberVi(n, d)).toBe(expected);
  });

  test.each([
    [0.955, undefined, '95,5%'],
    [1, undefined, '100%'],
    [0.8, undefined, '80%'],
    [0.12345, 1, '12,3%'],
    [0.805, undefined, '80,5%'],
    [0, undefined, '0%'],
    [Number.NaN, undefined, ''],
  ])('formatPercentVi(%p, %p) = %p', (n, d, expected) => {
    expect(formatPercentVi(n, d)).toBe(expected);
  });

  test('odd decimals arguments fall back or are clamped', () => {
    expect(formatNumberVi(1.23456, Number.NaN)).toBe('1,23');
    expect(formatNumberVi(1.5, -3)).toBe('2');
    expect(formatNumberVi(1.5, 2.9)).toBe('1,5');
  });
});

describe('properties', () => {
  const cell = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.stringMatching(/^[-+ ]?[\d., ]{0,12}%?$/),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.date({ noInvalidDate: false }),
    fc.constant(null),
  );

  test('parseNumber and parseRate never throw and always say why they refuse', () => {
    fc.assert(
      fc.property(cell, (v) => {
        for (const r of [parseNumber(v), parseRate(v)]) {
          if (!r.ok) {
            expect(r.code).toMatch(/^(number|rate)\./);
            expect(r.reason.length).toBeGreaterThan(10);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('formatNumberVi → parseNumber gives the number back, rounded to the decimals', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e15, max: 1e15, noNaN: true }), fc.integer({ min: 0, max: 6 }), (x, d) => {
        const text = formatNumberVi(x, d);
        const r = parseNumber(text);
        expect(r.ok).toBe(true);
        if (r.ok && r.value.kind === 'number') {
          expect(r.value.percent).toBe(false);
          expect(Math.abs(r.value.value - x)).toBeLessThanOrEqual(0.5 * 10 ** -d * (1 + 1e-9) + Math.abs(x) * 1e-15);
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('formatPercentVi → parseNumber gives the fraction back, and parseRate reads it as a rate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (basisPoints) => {
        const fraction = basisPoints / 100_000;
        const text = formatPercentVi(fraction, 3);
        const r = parseNumber(text);
        expect(r).toEqual({ ok: true, value: { kind: 'number', value: fraction, percent: true } });
        expect(parseRate(text)).toEqual({ ok: true, value: { value: fraction, assumedPercentPoints: false } });
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parseNumber: readings kept by text', () => {
  it('gives the same reading for the same text every time, and nobody can change a kept one', () => {
    const first = parseNumber('95,5%');
    expect(parseNumber('95,5%')).toEqual(first);
    expect(first).toEqual({ ok: true, value: { kind: 'number', value: 0.955, percent: true } });
    const kept = parseNumber('95,5%');
    expect(Object.isFrozen(kept)).toBe(true);
    expect(kept.ok && Object.isFrozen(kept.value)).toBe(true);
    expect(value('95,5%')).toEqual({ kind: 'number', value: 0.955, percent: true });
    expect(failure('Hoàn thành').code).toBe('number.invalid');
    expect(failure('Hoàn thành')).toEqual(failure('Hoàn thành'));
  });
});
