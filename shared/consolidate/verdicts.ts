/**
 * Each target of a cell with its own verdict, in words, for a cell holding several ("95% cấp tỉnh,
 * 80% cấp xã"; several measures): the summary and the feedback show which target a result was judged
 * on, which did not apply to a commune, and which no unit's figures can judge.
 */
import type { IndicatorKind, Target } from '../model';
import { judgeTargets } from '../parse/evaluate';
import { formatTarget } from '../parse/target';

export const VERDICT_WORDS = {
  met: 'đạt',
  missed: 'chưa đạt',
  notApplicable: 'không áp dụng',
  unjudged: 'không tự đánh giá được',
  open: 'chưa đánh giá được',
} as const;

/** "≥ 95% cấp tỉnh: không áp dụng; ≥ 80% cấp xã: chưa đạt"; '' for fewer than two targets. */
export function targetVerdicts(targets: readonly Target[] | null, result: number | string | null, rowName: string, kind: IndicatorKind, planYear: number): string {
  if (!targets || targets.length < 2) return '';
  const j = judgeTargets(targets, result, rowName, kind, planYear);
  return targets
    .map((t, i) => {
      const v = j.targets[i];
      const word = t.kind === 'unmeasurable'
        ? VERDICT_WORDS.unjudged
        : !v?.applies
          ? VERDICT_WORDS.notApplicable
          : v.met === true ? VERDICT_WORDS.met : v.met === false ? VERDICT_WORDS.missed : VERDICT_WORDS.open;
      return `${formatTarget(t)}: ${word}`;
    })
    .join('; ');
}
