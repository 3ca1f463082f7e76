/** Calendar arithmetic: the fast paths give exactly what the date-fns and pattern definitions give. */
import fc from 'fast-check';
import { getDaysInMonth } from 'date-fns';
import { daysInMonth, fromIso, isRealDay } from '../../shared/parse/calendar';

function byDateFns(y: number, m: number): number {
  const date = new Date(2000, 0, 1);
  date.setFullYear(y, m - 1, 1);
  return getDaysInMonth(date);
}

function byPattern(iso: unknown) {
  if (typeof iso !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDay(y, mo, d) ? { y, m: mo, d } : null;
}

describe('daysInMonth', () => {
  it('agrees with date-fns on every month of years 1 to 9999', () => {
    const wrong: string[] = [];
    for (let y = 1; y <= 9999; y++) for (let m = 1; m <= 12; m++) if (daysInMonth(y, m) !== byDateFns(y, m)) wrong.push(`${y}-${m}`);
    expect(wrong).toEqual([]);
    expect([daysInMonth(2024, 2), daysInMonth(2025, 2), daysInMonth(1900, 2), daysInMonth(2000, 2)]).toEqual([29, 28, 28, 29]);
  });

  it('leaves months outside the usual range to date-fns', () => {
    expect(daysInMonth(2025, 13)).toBe(byDateFns(2025, 13));
    expect(daysInMonth(2025, 0)).toBe(byDateFns(2025, 0));
  });
});

describe('fromIso', () => {
  it('agrees with the yyyy-mm-dd pattern', () => {
    const near = fc.tuple(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    const noisy = fc.oneof(near, near.map((s) => s + '\n'), near.map((s) => ' ' + s.slice(1)), fc.string({ maxLength: 12 }), fc.constantFrom('2025-1-05', '２０２５-01-05', '2025/01/05'));
    fc.assert(fc.property(noisy, (s) => expect(fromIso(s)).toEqual(byPattern(s))), { numRuns: 5000 });
    expect(fromIso('2024-02-29')).toEqual({ y: 2024, m: 2, d: 29 });
    expect(fromIso('2025-02-29')).toBeNull();
    expect(fromIso(20250101)).toBeNull();
  });
});
