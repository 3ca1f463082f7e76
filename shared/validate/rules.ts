/**
 * Rules that look at several cells of one row: ratio parts, typed rates, evaluation against the
 * target, task status against its dates and the cut-off. Each reports at the cell to fix and says
 * what to type instead.
 */
import { compareIso, type IsoDate } from '../cell';
import type { Parsed } from '../result';
import type { DeadlineReading, Evaluation, IndicatorKind, TargetReading, TaskStatus } from '../model';
import { formatDateVi } from '../parse/date';
import { judgeTargets } from '../parse/evaluate';
import { formatNumberVi, formatPercentVi, parseNumber, parseRate } from '../parse/number';
import { parseTarget } from '../parse/target';
import { isOverdue, overdueMilestones, parseDeadline } from '../parse/deadline';
import { EVALUATION_VALUES, STATUS_VALUES } from '../spec/annex';
import { TextMemo } from '../text/memo';
import { OVERDUE_NOT_UPDATED_LABEL } from '../task-standing';
import { clean } from './text';
import { allowedList, lowerFirst, quote, sentence } from './issues';
import type { CountReading, RowReader } from './read-table';
import { EVALUATION_LABEL, STATUS_LABEL, readEvaluation, readStatus } from './words';

// ---------------------------------------------------------------- plan cells

/**
 * Plans repeat the same target and deadline texts ("100%", "Quý I", "Cả năm") on many rows, and
 * every unit copies the same plan: readings are kept by text (memo.ts), and each row gets its own
 * copy of the reading.
 */
const TARGET_READINGS = new TextMemo<Parsed<TargetReading>>(200_000);
/** Deadline readings by plan year, then by text (the text itself as the key: no key built per row). */
const DEADLINE_READINGS = new Map<number, TextMemo<Parsed<DeadlineReading>>>();

function deadlineReadings(planYear: number): TextMemo<Parsed<DeadlineReading>> {
  let memo = DEADLINE_READINGS.get(planYear);
  if (!memo) {
    // A plan has one year; a few years stay kept, more start afresh.
    if (DEADLINE_READINGS.size >= 8) DEADLINE_READINGS.clear();
    memo = new TextMemo<Parsed<DeadlineReading>>(200_000);
    DEADLINE_READINGS.set(planYear, memo);
  }
  return memo;
}

/** The target cell: read, or a warning saying what could not be read (the row is still taken). */
export function readTargetCell(r: RowReader): TargetReading | null {
  if (!r.usable('target') || r.blank('target')) return null;
  const v = r.raw('target');
  const p = typeof v === 'string' ? TARGET_READINGS.get(v, parseTarget) : parseTarget(v);
  if (!p.ok) {
    r.issue(
      'target', 'warning', 'target.unreadable',
      `${r.label('target')}: ${sentence(p.reason)} Khi chưa sửa, dòng này không được tự đánh giá Đạt/Chưa đạt.`,
    );
    return null;
  }
  const ranks = p.value.targets.filter((t) => t.kind === 'unmeasurable');
  if (ranks.length === p.value.targets.length) {
    r.issue(
      'target', 'warning', 'target.unmeasurable',
      `${r.label('target')}: ${quote(ranks.map((t) => t.text).join('; '))} — ${lowerFirst(ranks[0].reason)} ` +
        `Không cần sửa; nếu đã biết kết quả xếp hạng, ghi ở cột “${r.headerOf('note')}”.`,
    );
  }
  for (const t of p.value.targets) {
    if (t.kind === 'numeric' && t.warning) {
      r.issue('target', 'warning', 'target.suspicious', `${r.label('target')}: ${sentence(t.warning)}`);
    }
  }
  return { ...p.value, targets: p.value.targets.map((t) => (t.kind === 'numeric' && t.relative ? { ...t, relative: { ...t.relative } } : { ...t })) };
}

/** The deadline cell, read for the plan year. */
export function readDeadlineCell(r: RowReader, planYear: number | null): DeadlineReading | null {
  if (!r.usable('deadline') || r.blank('deadline') || planYear === null) return null;
  const v = r.raw('deadline');
  const p =
    typeof v === 'string'
      ? deadlineReadings(planYear).get(v, (text) => parseDeadline(text, planYear))
      : parseDeadline(v, planYear);
  if (!p.ok) {
    r.issue(
      'deadline', 'warning', 'deadline.unreadable',
      `${r.label('deadline')}: ${sentence(p.reason)} Khi chưa sửa, nhiệm vụ này không được theo dõi quá hạn.`,
    );
    return null;
  }
  return { ...p.value, milestones: p.value.milestones.map((m) => ({ ...m })) };
}

// ---------------------------------------------------------------- indicator results

/** What a row measures when the catalog does not say: parts typed → ratio, else from the target. */
export function inferKind(r: RowReader, target: TargetReading | null): IndicatorKind {
  if (!r.blank('numerator') || !r.blank('denominator')) return 'ratio';
  const t = target?.targets.find((x) => x.kind !== 'unmeasurable') ?? null;
  if (t) {
    if (t.kind === 'qualitative') return 'qualitative';
    if (t.unit === 'percent') return 'ratio';
    if (t.unit === 'minutes' || t.unit === 'days') return 'duration';
    return 'count';
  }
  const v = r.raw('result');
  if (typeof v === 'number') return 'count';
  const p = parseNumber(v);
  if (p.ok && p.value.kind === 'number') return p.value.percent ? 'ratio' : 'count';
  return 'qualitative';
}

const num = (c: CountReading): number | null => (typeof c === 'object' ? c.value : null);

/**
 * A ratio row's result, computed from its parts: numerator / denominator. Both empty: the typed
 * rate is taken (with a warning that the parts are needed to consolidate).
 */
export function ratioResult(r: RowReader, n: CountReading, d: CountReading): number | null {
  if (n === 'bad' || d === 'bad') return null;
  const nv = num(n);
  const dv = num(d);
  if (nv !== null && dv !== null) {
    if (dv === 0) {
      if (nv > 0) {
        r.issue(
          'denominator', 'error', 'ratio.zero_denominator',
          `${r.label('denominator')}: mẫu số bằng 0 nhưng tử số là ${formatNumberVi(nv)}. ` +
            'Nhập tổng số (lớn hơn 0); nếu không phát sinh, nhập “x” ở cả tử số và mẫu số.',
        );
      }
      return null;
    }
    if (nv > dv) {
      r.issue(
        'denominator', 'error', 'ratio.numerator_gt_denominator',
        `${r.label('denominator')}: tử số ${formatNumberVi(nv)} lớn hơn mẫu số ${formatNumberVi(dv)}. ` +
          'Kiểm tra lại: tử số là số đạt yêu cầu, không thể lớn hơn tổng số.',
      );
    }
    return nv / dv;
  }
  if (nv !== null && dv === null) {
    r.issue(
      'denominator', 'error', 'ratio.missing_part',
      `${r.label('denominator')}: đã nhập tử số ${formatNumberVi(nv)} nhưng chưa có mẫu số. ` +
        'Nhập mẫu số (tổng số), hoặc “x” ở cả tử số và mẫu số nếu không phát sinh.',
    );
    return null;
  }
  if (dv !== null && nv === null) {
    r.issue(
      'numerator', 'error', 'ratio.missing_part',
      `${r.label('numerator')}: đã nhập mẫu số ${formatNumberVi(dv)} nhưng chưa có tử số. ` +
        'Nhập tử số (số đạt yêu cầu, có thể là 0), hoặc “x” ở cả tử số và mẫu số nếu không phát sinh.',
    );
    return null;
  }
  // "x" typed: nothing to report this period, whatever the result cell says.
  if (n === 'no_data' || d === 'no_data') return null;
  // Neither part typed: accept a typed rate, but the consolidating office needs the parts.
  const rate = typedRate(r);
  if (rate !== null && r.col('numerator') !== undefined) {
    r.issue(
      'numerator', 'warning', 'ratio.missing_part',
      `${r.label('numerator')}: chỉ có kết quả ${formatPercentVi(rate)}, chưa có tử số và mẫu số. ` +
        'Nhập tử số và mẫu số để cấp trên tổng hợp được (tỷ lệ chung = tổng tử số / tổng mẫu số).',
    );
  }
  return rate;
}

/** A rate typed in the result cell, as a fraction (95% → 0.95). */
export function typedRate(r: RowReader): number | null {
  if (!r.usable('result') || r.blank('result')) return null;
  const v = r.raw('result');
  const p = parseRate(v);
  if (!p.ok) {
    if (p.code === 'rate.out_of_range') {
      r.issue('result', 'error', 'rate.out_of_range', `${r.label('result')}: ${p.reason}`);
    } else {
      r.issue(
        'result', 'error', 'type.number',
        `${r.label('result')}: ${quote(v)} không phải là tỷ lệ. Nhập tỷ lệ phần trăm, ví dụ 95% hoặc 95,5%; ` +
          'tốt hơn là nhập tử số và mẫu số để tỷ lệ được tính tự động.',
      );
    }
    return null;
  }
  const { value, assumedPercentPoints } = p.value;
  if (value === null) return null;
  if (assumedPercentPoints) {
    r.issue(
      'result', 'warning', 'rate.percent_points',
      `${r.label('result')}: số ${clean(v)} được hiểu là ${formatPercentVi(value)}. ` +
        `Nếu đúng, nhập ${formatPercentVi(value)} (có dấu %) để không bị hiểu nhầm.`,
    );
  }
  return value;
}

/** A count, duration or qualitative result as typed. */
export function typedResult(r: RowReader, kind: IndicatorKind): number | string | null {
  if (!r.usable('result') || r.blank('result')) return null;
  const v = r.raw('result');
  if (kind === 'qualitative') {
    if (typeof v === 'number') return v;
    const marker = parseNumber(v);
    if (marker.ok && marker.value.kind === 'no_data') return null;
    return clean(v instanceof Date ? '' : v) || null;
  }
  const p = parseNumber(v);
  if (!p.ok) {
    r.issue(
      'result', 'error', 'type.number',
      `${r.label('result')}: ${quote(v)} không phải là số. Nhập kết quả bằng số, ví dụ ${kind === 'duration' ? '15 (phút)' : '12'}.`,
    );
    return null;
  }
  return p.value.kind === 'number' ? p.value.value : null;
}

// ---------------------------------------------------------------- evaluation

function describeResult(result: number | string, kind: IndicatorKind): string {
  if (typeof result === 'string') return quote(result);
  return kind === 'ratio' ? formatPercentVi(result) : formatNumberVi(result);
}

/**
 * Met / missed from the targets that apply to the row's result (judgeTargets: the commune's figure of a
 * per-level list, the measure the row's name names, never a ranking), when a result exists.
 */
export function computeEvaluation(
  target: TargetReading | null, result: number | string | null, rowName = '', kind?: IndicatorKind, planYear: number | null = null,
): Evaluation | null {
  if (!target || result === null) return null;
  const { met } = judgeTargets(target.targets, result, rowName, kind, planYear);
  return met === null ? null : met ? 'met' : 'missed';
}

/**
 * The Đánh giá cell: an unknown word is an error; a typed evaluation that disagrees with the one
 * computed from target and result is a warning. Returns the computed evaluation, else the typed one.
 */
export function checkEvaluation(
  r: RowReader, target: TargetReading | null, result: number | string | null, kind: IndicatorKind, rowName = '',
  planYear: number | null = null,
): Evaluation | null {
  let typed: Evaluation | null = null;
  if (r.usable('evaluation')) {
    const e = readEvaluation(r.raw('evaluation'));
    if (e === null) {
      r.issue(
        'evaluation', 'error', 'evaluation.unknown',
        `${r.label('evaluation')}: không hiểu ${quote(r.raw('evaluation'))}. Chọn một trong: ${allowedList(EVALUATION_VALUES)}.`,
      );
    } else if (e !== 'empty') typed = e;
  }
  const computed = computeEvaluation(target, result, rowName, kind, planYear);
  if (typed && computed && typed !== computed && result !== null && target) {
    r.issue(
      'evaluation', 'warning', 'evaluation.mismatch',
      `${r.label('evaluation')}: ghi “${EVALUATION_LABEL[typed]}” nhưng kết quả ${describeResult(result, kind)} ` +
        `so với chỉ tiêu ${quote(target.text)} là “${EVALUATION_LABEL[computed]}”. ` +
        `Kiểm tra lại kết quả, hoặc sửa đánh giá thành “${EVALUATION_LABEL[computed]}”.`,
    );
  }
  return computed ?? typed;
}

// ---------------------------------------------------------------- tasks

/** The status cell: null when blank or unknown; an unknown word is reported with the allowed ones. */
export function readStatusCell(r: RowReader): { status: TaskStatus | null; unknown: boolean } {
  if (!r.usable('status')) return { status: null, unknown: false };
  const s = readStatus(r.raw('status'));
  if (s === null) {
    r.issue(
      'status', 'error', 'status.unknown',
      `${r.label('status')}: không hiểu tình trạng ${quote(r.raw('status'))}. Chọn một trong: ${allowedList(STATUS_VALUES)}.`,
    );
    return { status: null, unknown: true };
  }
  return { status: s === 'empty' ? null : s, unknown: false };
}

export interface TaskFacts {
  status: TaskStatus | null;
  /** The status word was not understood (already reported). */
  statusUnknown: boolean;
  completedOn: IsoDate | null;
  /** The completion cell was typed but unreadable (already reported). */
  completedBad: boolean;
  deadline: DeadlineReading | null;
  cutoff: IsoDate | null;
  /**
   * Nothing is typed yet in any report cell of the task table (a template just inserted): an overdue
   * task is still overdue, but no message says so before the unit has started its report.
   */
  untouched?: boolean;
}

/** Status against completion date and cut-off; returns whether the task is overdue at the cut-off. */
export function checkTask(r: RowReader, f: TaskFacts): boolean {
  const done = f.status === 'done';
  if (done && f.completedOn === null && !f.completedBad) {
    const key = r.col('completedOn') !== undefined ? 'completedOn' : 'status';
    r.issue(
      key, 'error', 'task.done_without_date',
      `${r.label(key)}: nhiệm vụ ghi “${STATUS_LABEL.done}” nhưng chưa có ngày hoàn thành. ` +
        'Nhập ngày hoàn thành (ngày/tháng/năm), ví dụ 15/03/2025.',
    );
  }
  if (f.completedOn !== null && !done && !f.statusUnknown) {
    const now = f.status ? `tình trạng là “${STATUS_LABEL[f.status]}”` : 'chưa chọn tình trạng';
    r.issue(
      'status', 'warning', 'task.date_without_done',
      `${r.label('status')}: đã có ngày hoàn thành ${formatDateVi(f.completedOn)} nhưng ${now}. ` +
        `Nếu nhiệm vụ đã xong, chọn “${STATUS_LABEL.done}”; nếu chưa, xóa ngày hoàn thành.`,
    );
  }
  if (f.completedOn !== null && f.cutoff !== null && f.completedOn > f.cutoff) {
    r.issue(
      'completedOn', 'error', 'task.date_after_cutoff',
      `${r.label('completedOn')}: ngày hoàn thành ${formatDateVi(f.completedOn)} sau ngày chốt số liệu ${formatDateVi(f.cutoff)}. ` +
        'Kiểm tra lại ngày; việc hoàn thành sau ngày chốt được báo cáo ở kỳ sau.',
    );
  }
  if (!f.deadline || f.cutoff === null) return false;
  const overdue = isOverdue(f.deadline, f.cutoff, f.status, f.completedOn);
  if (overdue && !f.untouched && !f.statusUnknown) {
    const passed = overdueMilestones(f.deadline, f.cutoff).sort((a, b) => compareIso(a.due, b.due));
    const m = passed.length > 0 ? passed[passed.length - 1] : f.deadline.milestones[0];
    const due = m ? `hạn ${formatDateVi(m.due)}${m.label ? ` (${m.label})` : ''}` : 'thời hạn';
    const key = r.col('status') !== undefined ? 'status' : 'deadline';
    const at = `tại ngày chốt số liệu ${formatDateVi(f.cutoff)}`;
    if (f.status === null) {
      // The one meaning of a blank status past its deadline (task-standing.ts): overdue, not updated.
      r.issue(
        key, 'warning', 'task.overdue_not_updated',
        `${r.label(key)}: nhiệm vụ ${OVERDUE_NOT_UPDATED_LABEL.toLowerCase()} — ${due} đã qua ${at}. ` +
          `Chọn tình trạng: ${allowedList(STATUS_VALUES)}; nếu đã xong, nhập cả ngày hoàn thành.`,
      );
    } else {
      r.issue(
        key, 'warning', 'task.overdue',
        `${r.label(key)}: nhiệm vụ quá hạn — ${due} đã qua ${at} mà chưa hoàn thành. ` +
          `Nếu đã xong, chọn “${STATUS_LABEL.done}” và nhập ngày hoàn thành; nếu chưa, ghi lý do ở cột “${r.headerOf('reportNote')}”.`,
      );
    }
  }
  return overdue;
}
