/** The locale-free orders: the in-place naturalCompare against the plain definition by runs. */
import fc from 'fast-check';
import { reportLeaves } from '../../shared/consolidate/leaf';
import { naturalCompare, sameStableJson, stableHash, stableJson } from '../../shared/consolidate/order';
import type { UnitReport } from '../../shared/model';
import { AN_HOA, report } from './fixtures';

/** The definition: split into digit / non-digit runs, compare run by run. */
function byRuns(a: string, b: string): number {
  const ca = a.match(/(\d+)|(\D+)/g) ?? [];
  const cb = b.match(/(\d+)|(\D+)/g) ?? [];
  const n = Math.min(ca.length, cb.length);
  for (let i = 0; i < n; i++) {
    const x = ca[i];
    const y = cb[i];
    if (/^\d/.test(x) && /^\d/.test(y)) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d < 0 ? -1 : 1;
    } else if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  if (ca.length !== cb.length) return ca.length < cb.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

describe('naturalCompare', () => {
  it('orders codes and numbers as people read them', () => {
    const codes = ['CT.TTHC.10', 'CT.TTHC.2', '3.10', '3.2', '10', '2', '', 'a', 'A', '02', 'Quý 1', 'Quý 10', 'PL1.TTHC.01', 'PL1.TTHC.1'];
    expect([...codes].sort(naturalCompare)).toEqual(['', '02', '2', '3.2', '3.10', '10', 'A', 'CT.TTHC.2', 'CT.TTHC.10', 'PL1.TTHC.01', 'PL1.TTHC.1', 'Quý 1', 'Quý 10', 'a']);
  });

  it('agrees with the definition by runs on any two strings', () => {
    const piece = fc.oneof(
      fc.stringMatching(/^[0-9]{1,20}$/),
      fc.constantFrom('.', ' ', '-', 'CT', 'TTHC', 'Quý ', 'ư', 'Đ', '𝟙', '0', '00', 'a', 'A'),
      fc.string({ maxLength: 4 }),
      fc.string({ unit: 'binary', maxLength: 3 }),
    );
    const text = fc.array(piece, { maxLength: 6 }).map((p) => p.join(''));
    fc.assert(fc.property(text, text, (a, b) => naturalCompare(a, b) === byRuns(a, b)), { numRuns: 5000 });
  });

  it('agrees on long digit runs, beyond exact numbers and beyond Infinity', () => {
    const long = (d: string, n: number) => d.repeat(n);
    const cases: [string, string][] = [
      [long('9', 17), long('9', 17) + '1'],
      ['x' + long('1', 16) + '0', 'x' + long('1', 16) + '1'],
      [long('7', 400), long('7', 400)],
      [long('7', 400), long('8', 400)],
      ['0'.repeat(30) + '5', '5'],
    ];
    for (const [a, b] of cases) {
      expect(naturalCompare(a, b)).toBe(byRuns(a, b));
      expect(naturalCompare(b, a)).toBe(byRuns(b, a));
    }
  });
});

describe('reportLeaves: rows in code order', () => {
  const base = report(AN_HOA);
  const codesOf = (r: UnitReport) => reportLeaves(r, []).indicators.map((l) => l.code);
  const reordered = (r: UnitReport, order: number[]): UnitReport => ({ ...r, indicators: order.map((i) => r.indicators[i]) });

  it('sorts every report by its own codes, whether the one before listed the same codes or not', () => {
    // TTHC.01, TTHC.02, CQS.01, TC.01 as planned; then the same rows moved about; then one code changed.
    expect(codesOf(base)).toEqual(['CQS.01', 'TC.01', 'TTHC.01', 'TTHC.02']);
    expect(codesOf(base)).toEqual(['CQS.01', 'TC.01', 'TTHC.01', 'TTHC.02']);
    expect(codesOf(reordered(base, [3, 2, 1, 0]))).toEqual(['CQS.01', 'TC.01', 'TTHC.01', 'TTHC.02']);
    const renamed = { ...base, indicators: base.indicators.map((r, i) => (i === 1 ? { ...r, code: 'AA.10' } : r)) };
    expect(codesOf(renamed)).toEqual(['AA.10', 'CQS.01', 'TC.01', 'TTHC.01']);
    expect(codesOf(reordered(base, [1, 0, 3, 2]))).toEqual(['CQS.01', 'TC.01', 'TTHC.01', 'TTHC.02']);
    // The leaves are the rows' own: values follow their codes.
    const leaves = reportLeaves(reordered(base, [2, 0, 3, 1]), []).indicators;
    expect(leaves.map((l) => [l.code, l.stt])).toEqual([['CQS.01', '3'], ['TC.01', '4'], ['TTHC.01', '1'], ['TTHC.02', '2']]);
  });
});

describe('sameStableJson and stableHash', () => {
  // Values like a unit's content: keys in any order, undefined fields, numbers JSON writes alike.
  const leaf = fc.oneof(
    fc.constantFrom<unknown>(null, undefined, 0, -0, 1, NaN, Infinity, -Infinity, true, false, '', 'a', 'Đạt', '0', 'null', '1'),
    fc.string({ maxLength: 4 }),
  );
  const value = fc.letrec((tie) => ({
    v: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('a', 'b', 'c', 'target'), tie('v'), { maxKeys: 3 })),
  })).v;
  test('equal exactly when stableJson texts are equal; equal values hash alike', () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        const same = stableJson(a) === stableJson(b);
        if (sameStableJson(a, b) !== same) return false;
        return !same || stableHash(a) === stableHash(b);
      }),
      { numRuns: 5000 },
    );
    // The same content built otherwise: keys in reverse order, an undefined field, NaN written as null.
    const variant = (v: unknown): unknown => {
      if (typeof v === 'number' && !Number.isFinite(v)) return null;
      if (Array.isArray(v)) return v.map(variant);
      if (v === null || typeof v !== 'object') return v;
      const o = v as Record<string, unknown>;
      return Object.fromEntries([['extra', undefined], ...Object.keys(o).reverse().map((k) => [k, variant(o[k])])]);
    };
    fc.assert(fc.property(value, (a) => sameStableJson(a, variant(a)) && stableHash(a) === stableHash(variant(a)) && stableJson(a) === stableJson(variant(a))), { numRuns: 2000 });
    const swapped = sameStableJson({ a: 1, b: [NaN, 'x'], c: undefined }, { b: [null, 'x'], a: 1 });
    expect(swapped).toBe(true);
    expect(stableHash({ a: 1, b: [NaN, 'x'], c: undefined })).toBe(stableHash({ b: [null, 'x'], a: 1 }));
    expect(sameStableJson({ a: '1' }, { a: 1 })).toBe(false);
    expect(sameStableJson([1, [2]], [1, [2, 3]])).toBe(false);
    expect(sameStableJson({ targetText: 'x'.repeat(30_000) }, { targetText: `${'x'.repeat(29_999)}y` })).toBe(false);
  });
});
