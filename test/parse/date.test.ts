import { differenceInCalendarDays } from 'date-fns';
import fc from 'fast-check';
import { formatDateVi, isoToSerial, parseDate, serialToIso } from '../../shared/parse/date';

const read = (v: Parameters<typeof parseDate>[0], opts?: Parameters<typeof parseDate>[1]) => parseDate(v, opts);

describe('parseDate: text, always day first', () => {
  test.each([
    ['15/3/2025', '2025-03-15'],
    ['15/03/2025', '2025-03-15'],
    ['15-03-2025', '2025-03-15'],
    ['15.3.2025', '2025-03-15'],
    ['15 / 3 / 2025', '2025-03-15'],
    ['15/03/25', '2025-03-15'],
    ['1/1/99', '1999-01-01'],
    ['ngày 15 tháng 3 năm 2025', '2025-03-15'],
    ['Ngày 15 tháng 03 năm 2025', '2025-03-15'],
    ['ngay 15 thang 3 nam 2025', '2025-03-15'],
    ['15 tháng 3 năm 2025', '2025-03-15'],
    ['2025-03-15', '2025-03-15'],
    ['15/03/2025 0:00:00', '2025-03-15'],
    ['29/02/2024', '2024-02-29'],
    ['\u00a015/3/2025\u200b', '2025-03-15'],
    ['10/1/2025', '2025-01-10'],
  ])('%p → %p', (input, iso) => {
    expect(read(input)).toEqual({ ok: true, value: iso });
  });

  test('day and month without a year take the default year', () => {
    expect(read('15/3', { defaultYear: 2025 })).toEqual({ ok: true, value: '2025-03-15' });
    expect(read('15-3', { defaultYear: 2024 })).toEqual({ ok: true, value: '2024-03-15' });
    expect(read('ngày 15 tháng 3', { defaultYear: 2025 })).toEqual({ ok: true, value: '2025-03-15' });
  });

  test('without a default year, "15/3" asks for the year', () => {
    const r = read('15/3');
    expect(r).toMatchObject({ ok: false, code: 'date.no_year' });
    if (!r.ok) expect(r.reason).toContain('15/03/2025');
  });

  test('"15.3" is a decimal, not a date', () => {
    expect(read('15.3', { defaultYear: 2025 })).toMatchObject({ ok: false, code: 'date.unreadable' });
  });

  test.each([
    ['31/2/2025', 'tháng 02/2025 có 28 ngày'],
    ['29/02/2025', 'tháng 02/2025 có 28 ngày'],
    ['31/4/2025', 'tháng 04/2025 có 30 ngày'],
    ['0/1/2025', 'tháng 01/2025 có 31 ngày'],
  ])('%p is refused: %p', (input, why) => {
    const r = read(input);
    expect(r).toMatchObject({ ok: false, code: 'date.invalid' });
    if (!r.ok) {
      expect(r.reason).toContain(why);
      expect(r.reason).toContain('Nhập lại ngày');
    }
  });

  test('month/day order is refused, with the day-first spelling suggested', () => {
    const r = read('3/15/2025');
    expect(r).toMatchObject({ ok: false, code: 'date.invalid' });
    if (!r.ok) expect(r.reason).toContain('15/03/2025');
  });

  test.each(['abc', '2025', 'Quý I', '15/3/2025/1', '2025-03-15T00:00:00Z'])('%p is unreadable', (input) => {
    const r = read(input);
    expect(r).toMatchObject({ ok: false, code: 'date.unreadable' });
    if (!r.ok) expect(r.reason).toContain('ví dụ 15/03/2025');
  });

  test('a year before 1900 is out of range', () => {
    expect(read('1/1/1850')).toMatchObject({ ok: false, code: 'date.out_of_range' });
  });

  test.each(['', '  ', null])('%p is blank → null', (input) => {
    expect(read(input)).toEqual({ ok: true, value: null });
  });

  test('booleans are refused', () => {
    expect(read(false)).toMatchObject({ ok: false, code: 'date.boolean' });
  });
});

describe('parseDate: Excel serials', () => {
  test.each([
    [45731, '2025-03-15'],
    [45731.75, '2025-03-15'],
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [2958465, '9999-12-31'],
  ])('1900 system: %p → %p', (serial, iso) => {
    expect(read(serial)).toEqual({ ok: true, value: iso });
  });

  test("serial 60 is Excel's fictitious 29/02/1900 and is refused", () => {
    const r = read(60);
    expect(r).toMatchObject({ ok: false, code: 'date.invalid' });
    if (!r.ok) expect(r.reason).toContain('29/02/1900');
  });

  test.each([
    [0, '1904-01-01'],
    [44269, '2025-03-15'],
  ])('1904 system: %p → %p', (serial, iso) => {
    expect(read(serial, { date1904: true })).toEqual({ ok: true, value: iso });
  });

  test('a time without a day, negative and huge serials are refused', () => {
    const timeOnly = read(0.5);
    expect(timeOnly).toMatchObject({ ok: false, code: 'date.out_of_range' });
    if (!timeOnly.ok) expect(timeOnly.reason).toContain('chỉ chứa giờ');
    expect(read(-1)).toMatchObject({ ok: false, code: 'date.out_of_range' });
    expect(read(3e6)).toMatchObject({ ok: false, code: 'date.out_of_range' });
    expect(read(Number.NaN)).toMatchObject({ ok: false, code: 'date.invalid' });
  });
});

describe('parseDate: Date objects', () => {
  /** A Date whose local fields are those of another time zone, whatever zone runs the tests. */
  const seenIn = (utcMs: number, local: { y: number; m: number; d: number }) =>
    Object.assign(new Date(utcMs), {
      getFullYear: () => local.y,
      getMonth: () => local.m - 1,
      getDate: () => local.d,
    });

  test('UTC midnight (what file readers give) is that UTC day, even where local fields say the day before', () => {
    const inLosAngeles = seenIn(Date.UTC(2025, 2, 15), { y: 2025, m: 3, d: 14 });
    expect(read(inLosAngeles)).toEqual({ ok: true, value: '2025-03-15' });
  });

  test('local midnight in Việt Nam (what Apps Script gives, 17:00 UTC the day before) is the local day', () => {
    const inHanoi = seenIn(Date.UTC(2025, 2, 14, 17, 0), { y: 2025, m: 3, d: 15 });
    expect(read(inHanoi)).toEqual({ ok: true, value: '2025-03-15' });
  });

  test('a date with a time of day is its local day', () => {
    expect(read(new Date(2025, 2, 15, 13, 30))).toEqual({ ok: true, value: '2025-03-15' });
  });

  test('an invalid Date and a time-only Date (30/12/1899) are refused', () => {
    expect(read(new Date(Number.NaN))).toMatchObject({ ok: false, code: 'date.invalid' });
    expect(read(new Date(1899, 11, 30, 8, 0))).toMatchObject({ ok: false, code: 'date.out_of_range' });
  });
});

describe('formatDateVi, isoToSerial, serialToIso', () => {
  test('formatDateVi pads day and month', () => {
    expect(formatDateVi('2025-03-05')).toBe('05/03/2025');
    expect(formatDateVi('2025-12-31')).toBe('31/12/2025');
  });
  test('formatDateVi returns text that is not an IsoDate unchanged', () => {
    expect(formatDateVi('Quý I')).toBe('Quý I');
    expect(formatDateVi('2025-02-30')).toBe('2025-02-30');
  });
  test('isoToSerial, both systems', () => {
    expect(isoToSerial('2025-03-15')).toBe(45731);
    expect(isoToSerial('1900-02-28')).toBe(59);
    expect(isoToSerial('1900-03-01')).toBe(61);
    expect(isoToSerial('2025-03-15', true)).toBe(44269);
    expect(isoToSerial('1904-01-01', true)).toBe(0);
  });
  test('isoToSerial and serialToIso give null outside Excel', () => {
    expect(isoToSerial('1899-12-31')).toBeNull();
    expect(isoToSerial('1903-12-31', true)).toBeNull();
    expect(isoToSerial('2025-02-29')).toBeNull();
    expect(isoToSerial('15/03/2025')).toBeNull();
    expect(serialToIso(60)).toBeNull();
    expect(serialToIso(0)).toBeNull();
    expect(serialToIso(-1, true)).toBeNull();
    expect(serialToIso(Number.NaN)).toBeNull();
  });
});

describe('properties', () => {
  const day = fc.date({ min: new Date(Date.UTC(1900, 2, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true });
  const isoOf = (d: Date) => d.toISOString().slice(0, 10);

  test('serial → iso → serial, 1900 and 1904 systems', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2_958_465 }), fc.boolean(), (n, date1904) => {
        const serial = date1904 ? Math.max(0, n - 1462) : n; // the 1904 system ends at 2 957 003 (31/12/9999)
        const iso = serialToIso(serial, date1904);
        expect(iso).not.toBeNull();
        expect(isoToSerial(iso!, date1904)).toBe(serial);
      }),
      { numRuns: 2000 },
    );
  });

  test('isoToSerial agrees with date-fns counting days from 30/12/1899', () => {
    fc.assert(
      fc.property(day, (d) => {
        const iso = isoOf(d);
        const [y, m, dd] = iso.split('-').map(Number);
        const local = new Date(2000, m - 1, dd);
        local.setFullYear(y);
        const base = new Date(1899, 11, 30);
        expect(isoToSerial(iso)).toBe(differenceInCalendarDays(local, base));
      }),
      { numRuns: 500 },
    );
  });

  test('formatDateVi → parseDate gives the day back; so does the serial', () => {
    fc.assert(
      fc.property(day, (d) => {
        const iso = isoOf(d);
        expect(parseDate(formatDateVi(iso))).toEqual({ ok: true, value: iso });
        expect(parseDate(isoToSerial(iso)!)).toEqual({ ok: true, value: iso });
        expect(parseDate(new Date(`${iso}T00:00:00Z`))).toEqual({ ok: true, value: iso });
      }),
      { numRuns: 1000 },
    );
  });

  test('parseDate never throws on any cell value', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.stringMatching(/^(ngay )?\d{0,3}[/.\- ]?\d{0,3}[/.\- ]?\d{0,5}$/),
      fc.double(),
      fc.boolean(),
      fc.date({ noInvalidDate: false }),
      fc.constant(null),
    );
    fc.assert(
      fc.property(cell, fc.option(fc.integer({ min: -5, max: 10_000 }), { nil: undefined }), fc.boolean(), (v, defaultYear, date1904) => {
        const r = parseDate(v, { defaultYear, date1904 });
        if (r.ok && r.value !== null) expect(r.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (!r.ok) expect(r.code).toMatch(/^date\./);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('date cells read again', () => {
  test('the same day gives the same reading each time, shared and frozen; another day its own', () => {
    const a = parseDate(new Date(Date.UTC(2025, 5, 30)));
    const b = parseDate(new Date(Date.UTC(2025, 5, 30)));
    expect(a).toEqual({ ok: true, value: '2025-06-30' });
    expect(b).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(parseDate(new Date(Date.UTC(2025, 5, 29)))).toEqual({ ok: true, value: '2025-06-29' });
    expect(parseDate(new Date(Date.UTC(1899, 11, 30)))).toMatchObject({ ok: false, code: 'date.out_of_range' });
    expect(parseDate(new Date(Date.UTC(1899, 11, 30)))).toMatchObject({ ok: false, code: 'date.out_of_range' });
    expect(parseDate(new Date(Number.NaN))).toMatchObject({ ok: false, code: 'date.invalid' });
    // A time of day is read in the local time zone, each time.
    const noon = new Date(2025, 5, 30, 12, 0);
    expect(parseDate(noon)).toEqual({ ok: true, value: '2025-06-30' });
  });
});
