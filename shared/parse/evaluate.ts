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
 * - Relative targets ("giảm 10% so với năm 2024"): met null, gap null here — the base year's value is
 *   not in the report. judgeTargets (below) judges them on the change the unit reports as its result.
 * - Unmeasurable targets (a place in a ranking or group): met null, gap null, always.
 *
 * A cell of several targets is judged with judgeTargets: which targets apply to the row's one result
 * (applicableTargets), each one's verdict, and the row's.
 * - Qualitative targets are met when the result word, without diacritics, is "hoàn thành",
 *   "đã hoàn thành", "có" or "đạt"; any other word is not met (gap null: no unit to measure in).
 */
import type { IndicatorKind, Target } from '../model';
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

// ---------------------------------------------------------------- a cell of several targets

/** One target of a cell against a unit's result: whether it applies to the result, and the verdict. */
export interface TargetJudgement {
  applies: boolean;
  met: boolean | null;
  gap: number | null;
}

/** Every target of a cell, and the row's verdict: missed if any applicable target is missed. */
export interface Judgement {
  targets: TargetJudgement[];
  met: boolean | null;
  gap: number | null;
}

/** Folded words of row names and measures: the same few texts come back for every unit of a batch. */
const WORDS = new TextMemo<string[]>(200_000, 2_000);
const words = (s: string): string[] => WORDS.get(s, (t) => foldKey(t).split(/[^a-z0-9]+/).filter((w) => w.length > 0));

/** Where the words of `naming` first occur in a row in `name` (as a run), or -1. */
function foundAt(naming: string, name: readonly string[]): number {
  const w = words(naming);
  if (w.length === 0) return -1;
  for (let i = 0; i + w.length <= name.length; i++) if (w.every((x, k) => name[i + k] === x)) return i;
  return -1;
}

/**
 * A target that can judge a row's result at all: not a ranking; not a change on a ratio row; a
 * figure of one year ("Năm 2026: 90%") only in that year's plan, one to reach by a year ("đến năm
 * 2030 đạt 100%") only from that year on — neither when the plan year is not known.
 */
function judgeable(t: Target, kind: IndicatorKind | undefined, planYear: number | null | undefined): boolean {
  if (!t || t.kind === 'unmeasurable') return false;
  if (t.kind !== 'numeric') return true;
  if (t.relative && kind === 'ratio') return false;
  if (t.forYear !== undefined && planYear !== t.forYear) return false;
  if (t.byYear !== undefined && (typeof planYear !== 'number' || planYear < t.byYear)) return false;
  return true;
}

/**
 * Which of a cell's targets a row's one result is judged against:
 * - a ranking (unmeasurable) never; a change (relative) not on a ratio row, whose result is a rate;
 *   a figure of another year, or one to reach by a later year, not in this plan year (judgeable);
 * - staged targets: the latest stage whose year has come;
 * - a per-level list: the commune's figure (cấp xã); figures of other levels are shown, not judged;
 * - several measures left ("Công bố 100% TTHC; đơn giản hóa 10% TTHC"): the one the row's name names
 *   first ("… được công bố, đơn giản hóa" → công bố); failing that, the one whose subject's words all
 *   stand in the name ("100% hồ sơ đúng hạn" for "Tỷ lệ hồ sơ giải quyết đúng hạn"); none when the
 *   name names none of them.
 */
export function applicableTargets(targets: readonly Target[], rowName: string, kind?: IndicatorKind, planYear?: number | null): boolean[] {
  const judged = targets.map((t) => judgeable(t, kind, planYear));
  // Staged targets ("đến năm 2025 đạt 80%, đến năm 2030 đạt 100%"): the latest stage reached applies.
  const stages = targets.flatMap((t, i) => (judged[i] && t.kind === 'numeric' && t.byYear !== undefined ? [t.byYear] : []));
  const stage = stages.length > 1 ? Math.max(...stages) : undefined;
  const measurable = judged.map((j, i) => {
    const t = targets[i];
    return j && !(stage !== undefined && t.kind === 'numeric' && t.byYear !== undefined && t.byYear !== stage);
  });
  const levelled = targets.some((t) => t?.kind === 'numeric' && t.level !== undefined);
  const otherLevel = (t: Target) => levelled && t.kind === 'numeric' && t.level !== undefined && t.level !== 'xa';
  const left = measurable.map((m, i) => m && !otherLevel(targets[i]));
  const open = left.flatMap((m, i) => (m ? [i] : []));
  if (open.length <= 1) return left;
  const name = words(rowName);
  // The measure's words as a run in the name; else, for none, every word of the subject somewhere in it.
  const pick = (place: (t: Target) => number): number => {
    let best = -1;
    let bestAt = Number.MAX_SAFE_INTEGER;
    for (const i of open) {
      const at = place(targets[i]);
      if (at >= 0 && at < bestAt) [best, bestAt] = [i, at];
    }
    return best;
  };
  let best = pick((t) => (t.kind === 'numeric' && t.measure ? foundAt(t.measure, name) : -1));
  if (best < 0) best = pick((t) => (t.kind === 'numeric' ? allIn(t.subject, name) : -1));
  return targets.map((_, i) => i === best);
}

/** The first place of the subject's words in the name when every one of them is there, else -1. */
function allIn(subject: string, name: readonly string[]): number {
  const w = words(subject);
  if (w.length === 0) return -1;
  const places = w.map((x) => name.indexOf(x));
  return places.every((p) => p >= 0) ? Math.min(...places) : -1;
}

/**
 * A row's result against every target of its cell (see applicableTargets): each target's verdict,
 * and the row's — missed when an applicable target is missed (gap: the first such), met when every
 * applicable one is met, else null. A change ("giảm 10% so với năm 2024") is judged on the change
 * the unit reports as its result (12% → met): the base year's value is not in the report.
 */
export function judgeTargets(
  targets: readonly Target[] | null, result: number | string | null, rowName: string, kind?: IndicatorKind, planYear?: number | null,
): Judgement {
  if (!targets || targets.length === 0) return { targets: [], met: null, gap: null };
  if (targets.length === 1) {
    // Most cells hold one target: no choice to make (every consolidated row passes here).
    const t = targets[0];
    if (!judgeable(t, kind, planYear)) return { targets: [{ applies: false, met: null, gap: null }], met: null, gap: null };
    const e = evaluateTarget(t.kind === 'numeric' && t.relative ? { ...t, relative: undefined } : t, result);
    return { targets: [{ applies: true, met: e.met, gap: e.gap }], met: e.met, gap: e.gap };
  }
  const applies = applicableTargets(targets, rowName, kind, planYear);
  const per = targets.map((t, i): TargetJudgement => {
    if (!applies[i]) return { applies: false, met: null, gap: null };
    const plain = t.kind === 'numeric' && t.relative ? { ...t, relative: undefined } : t;
    const e = evaluateTarget(plain, result);
    return { applies: true, met: e.met, gap: e.gap };
  });
  const judged = per.filter((p) => p.applies);
  const missed = judged.find((p) => p.met === false);
  if (missed) return { targets: per, met: false, gap: missed.gap };
  const met = judged.length > 0 && judged.every((p) => p.met === true);
  return { targets: per, met: met ? true : null, gap: met ? 0 : null };
}
