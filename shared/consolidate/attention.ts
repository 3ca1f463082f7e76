/**
 * What needs the office's attention first: indicators below target, ranked by how far the
 * consolidated result falls short of its target and by how many units miss their own target —
 * never by raw rate, since a 60 % against a 50 % target is fine and a 95 % against 100 % is not.
 * The terminal summary, the task pane, the Sheets sidebar, the block at the top of Tổng hợp chỉ tiêu
 * and the choice of charted indicators all take this one ranking.
 */
import type { Target } from '../model';
import { formatGap, formatResult } from './format';
import { naturalCompare } from './order';
import type { IndicatorAggregate, Summary, UnitGap } from './types';

export interface AttentionItem {
  indicator: IndicatorAggregate;
  /** The consolidated shortfall as a share of the target (0.1 = 10 % below it); null when not judged. */
  shortfall: number | null;
  /** Units below their own target, and the units with a valid value for the row. */
  missedCount: number;
  reported: number;
}

/** A gap as a share of the target value it falls short of; null when the target is not a number. */
export function relativeShortfall(target: Target | null | undefined, gap: number | null): number | null {
  if (gap === null || !target || target.kind !== 'numeric' || !Number.isFinite(target.value)) return null;
  const base = Math.abs(target.value);
  return base > 0 ? Math.abs(gap) / base : Math.abs(gap);
}

/**
 * Indicators whose consolidated result misses its target (largest shortfall first), then indicators
 * met overall or not judged as a whole but missed by some units (largest share of units first).
 * Ties go to the plan's order.
 */
export function attentionList(summary: Summary): AttentionItem[] {
  const order = new Map(summary.aggregates.indicators.map((a, i) => [a.code, i]));
  const items: AttentionItem[] = summary.aggregates.indicators
    .filter((a) => a.met === false || a.missedCount > 0)
    .map((a) => ({
      indicator: a,
      shortfall: a.met === false ? relativeShortfall(a.target?.[0], a.gap) ?? 0 : null,
      missedCount: a.missedCount,
      reported: a.reported,
    }));
  const share = (x: AttentionItem) => (x.reported > 0 ? x.missedCount / x.reported : 0);
  return items.sort((x, y) => {
    const tierX = x.indicator.met === false ? 0 : 1;
    const tierY = y.indicator.met === false ? 0 : 1;
    if (tierX !== tierY) return tierX - tierY;
    if (tierX === 0 && x.shortfall !== y.shortfall) return (y.shortfall ?? 0) - (x.shortfall ?? 0);
    return share(y) - share(x) || y.missedCount - x.missedCount || (order.get(x.indicator.code) ?? 0) - (order.get(y.indicator.code) ?? 0);
  });
}

/** Units below their own target for one indicator, furthest below first (by share of their target). */
export function unitsBelowTarget(agg: IndicatorAggregate, targetOf: (unitCode: string) => Target | null): UnitGap[] {
  const key = (u: UnitGap) => relativeShortfall(targetOf(u.code), u.gap) ?? -1;
  return [...agg.missedUnits].sort((a, b) => key(b) - key(a) || naturalCompare(a.code, b.code));
}

/** How many indicators the "Những điểm cần chú ý" lists name. */
export const ATTENTION_SHOWN = 5;

/** One line of the attention block: what falls short, by how much, and in how many units. */
export function attentionLine(item: AttentionItem): string {
  const a = item.indicator;
  const label = `${a.stt ? `${a.stt}. ` : ''}${a.name}`;
  const units = `${item.missedCount}/${item.reported} đơn vị có số liệu chưa đạt chỉ tiêu của mình`;
  if (a.met === false) {
    const gap = formatGap(a.target?.[0] ?? null, a.gap);
    return `${label}: kết quả chung ${formatResult(a.kind, a.value)}, chỉ tiêu ${a.targetText}${gap ? `, còn thiếu ${gap}` : ''}; ${units}.`;
  }
  return `${label}: ${units}.`;
}

