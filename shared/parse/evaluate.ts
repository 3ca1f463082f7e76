/**
 * Is a unit's result on target, and by how much is it short?
 *
 * - No result (null, blank text, "x"/"kps"…): met null, gap null.
 * - Numeric targets compare in the target's own unit; percentages are fractions (0.95), so a result
 *   text is read as a rate ("95%", "0,95", or 95 as percentage points); a number result is taken as is.
 *   gte/gt: gap = target − result when short; lte/lt (waiting minutes, days): gap = result − target when over;
 *   eq: gap = |result − target|; between ("từ 95% - 100%"): met at ≥ the low end, as the plans mean it.
 *   gap is 0 when met. For strict comparators a result equal to the bound misses with gap 0
 *   ("Trên 100%" with 100%: the target itself is flagged as probably meaning 100%).
 * - Relative targets ("giảm 10% so với năm 2024"): met null, gap null — the base year's value is not
 *   in the report, so they cannot be judged here.
 * - Qualitative targets are met when the result word, without diacritics, is "hoàn thành",
 *   "đã hoàn thành", "có" or "đạt"; any other word is not met (gap null: no unit to measure in).
 */
import type { Target } from '../model';
import { TextMemo } from '../text/memo';
import { foldKey } from '../text/normalize';
import { parseNumber, parseRate, tidy } from './number';

/** Differences of fractions (0.95 − 0.9) carry binary noise; twelve decimals are far finer than any report. */
const clean = (x: number) => (Math.abs(x) < 1e9 ? Number.parseFloat(x.toFixed(12)) : tidy(x));

export interface TargetEvaluation {
  met: boolean | null;
  gap: number | null;
}

const DONE = new Set(['hoan thanh', 'da hoan thanh', 'co', 'dat']);
const UNKNOWN: TargetEvaluation = Object.freeze({ met: null, gap: null });
const MET: TargetEvaluation = Object.freeze({ met: true, gap: 0 });
/** Results computed as numerator/denominator carry binary noise (0.1 + 0.2); compare with a tolerance. */
const EPSILON = 1e-9;

function numericResult(target: Target, result: number | string): number | null {
  if (typeof result === 'number') return Number.isFinite(result) ? result : null;
  if (target.kind === 'numeric' && target.unit === 'percent') {
    const rate = parseRate(result);
    return rate.ok ? rate.value.value : null;
  }
  const n = parseNumber(result);
  return n.ok && n.value.kind === 'number' ? n.value.value : null;
}

/** Result words repeat in every report ("Hoàn thành", "Có"): their readings are kept by text. */
const FOLDED = new TextMemo<string>(200_000, 500);
const QUALITATIVE = new TextMemo<TargetEvaluation>(200_000, 500);

/** A result word against any qualitative target (the target's own word does not change the reading). */
function qualitative(result: string): TargetEvaluation {
  const word = foldKey(result).replace(/[.!]+$/, '').trim();
  const blank = parseNumber(result);
  if (blank.ok && blank.value.kind === 'no_data') return UNKNOWN;
  return DONE.has(word) ? MET : { met: false, gap: null };
}

/** The result of a target evaluation: callers read it, never change it (kept results are shared). */
export function evaluateTarget(t: Target, result: number | string | null): TargetEvaluation {
  if (!t || typeof t !== 'object' || result === null || result === undefined) return UNKNOWN;
  if (typeof result === 'string' && FOLDED.get(result, foldKey) === '') return UNKNOWN;

  if (t.kind === 'qualitative') {
    if (typeof result !== 'string') return UNKNOWN;
    return QUALITATIVE.get(result, qualitative);
  }
  if (t.kind !== 'numeric' || t.relative || !Number.isFinite(t.value)) return UNKNOWN;

  const r = numericResult(t, result);
  if (r === null) return UNKNOWN;
  const v = t.value;
  // A gap is tidied (clean) only when the target is missed: most results meet theirs.
  switch (t.comparator) {
    case 'gte':
    case 'between':
      return r >= v - EPSILON ? MET : { met: false, gap: clean(v - r) };
    case 'gt':
      return r > v + EPSILON ? MET : { met: false, gap: Math.max(0, clean(v - r)) };
    case 'lte':
      return r <= v + EPSILON ? MET : { met: false, gap: clean(r - v) };
    case 'lt':
      return r < v - EPSILON ? MET : { met: false, gap: Math.max(0, clean(r - v)) };
    case 'eq':
      return Math.abs(r - v) <= EPSILON ? MET : { met: false, gap: clean(Math.abs(r - v)) };
    default:
      return UNKNOWN;
  }
}
