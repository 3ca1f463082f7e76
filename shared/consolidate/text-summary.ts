/**
 * A summary in a few lines of Vietnamese for a terminal or a message box: who sent what, who is
 * late or missing, the indicators that need attention first, overdue tasks, refused files.
 */
import { periodOfYear } from '../period';
import { formatDateVi, formatNumberVi } from './format';
import { attentionLine, attentionList, ATTENTION_SHOWN } from './attention';
import { NO_VALID_DATA, OUTCOME_LABELS } from './summary-spec';
import type { Summary } from './types';

const names = (xs: { name: string; code: string }[]) => xs.map((x) => x.name || x.code).join(', ');

/** The tasks most units are late on, at most five, then how many more (a terminal line stays readable). */
function mostOverdue(tasks: Summary['aggregates']['tasks']): string {
  const top = [...tasks].sort((a, b) => b.overdue - a.overdue).slice(0, OVERDUE_SHOWN);
  const shown = top.map((t) => `${t.tt ? `${t.tt}. ` : ''}${shorten(t.name)}: ${t.overdue} đơn vị`).join('; ');
  return tasks.length > OVERDUE_SHOWN ? `${shown}; và ${tasks.length - OVERDUE_SHOWN} nhiệm vụ khác — xem trang Tổng hợp nhiệm vụ` : shown;
}

const OVERDUE_SHOWN = 5;
const shorten = (s: string) => (s.length > 70 ? `${s.slice(0, 69)}…` : s);

export function summaryToText(summary: Summary): string {
  const c = summary.aggregates.completeness;
  const lines: string[] = [];
  lines.push(`Tổng hợp báo cáo CCHC ${periodOfYear(summary.period, summary.year)} — ${summary.consolidatingUnit.name}`);
  lines.push(
    c.expectedCount === null
      ? `Đã nhận: ${c.receivedCount} đơn vị (không có danh sách đơn vị phải báo cáo).`
      : `Đã nhận: ${c.receivedExpectedCount}/${c.expectedCount} đơn vị.`,
  );
  lines.push(`Hạn nộp ${formatDateVi(summary.dueDate)}: đúng hạn ${c.onTimeCount}, trễ hạn ${c.lateCount}${c.undatedCount ? `, không rõ ngày ${c.undatedCount}` : ''}.`);
  if (c.late.length) lines.push(`Trễ hạn: ${c.late.map((u) => `${u.name} (${u.daysLate} ngày)`).join(', ')}.`);
  if (c.missing.length) lines.push(`Chưa nộp (${c.missing.length}): ${names(c.missing)}.`);
  if (c.heldOut.length) {
    lines.push(`Gửi nhiều báo cáo khác nhau, chưa tổng hợp (${c.heldOut.length}): ${c.heldOut.map((u) => `${u.name || u.code} [${u.files.join(', ')}]`).join('; ')}.`);
  }
  if (c.refused.length) lines.push(`Không tổng hợp được (${c.refused.length}): ${names(c.refused)}.`);
  if (c.unexpected.length) lines.push(`Ngoài danh sách phải báo cáo (vẫn tổng hợp): ${names(c.unexpected)}.`);

  const attention = attentionList(summary).slice(0, ATTENTION_SHOWN);
  if (attention.length) {
    lines.push('Những điểm cần chú ý (chỉ tiêu chưa đạt, thiếu nhiều nhất trước):');
    attention.forEach((x) => lines.push(`  - ${attentionLine(x)}`));
  } else {
    lines.push('Không có chỉ tiêu nào chưa đạt.');
  }
  const noData = summary.aggregates.indicators.filter((a) => a.reported === 0);
  if (noData.length) lines.push(`Chỉ tiêu ${NO_VALID_DATA} ở mọi đơn vị: ${noData.length}.`);
  // Units on different versions of a catalog: a row some of them lack is summed over those that have it.
  const partial = [...summary.aggregates.indicators, ...summary.aggregates.tasks].filter((a) => a.unitsWithRow < c.receivedCount);
  if (partial.length) {
    const shown = partial.slice(0, OVERDUE_SHOWN).map((a) => `${a.code} (${a.unitsWithRow}/${c.receivedCount} đơn vị)`).join(', ');
    lines.push(`Chỉ có trong biểu mẫu của một số đơn vị, tổng hợp trên các đơn vị có: ${shown}${partial.length > OVERDUE_SHOWN ? ` và ${partial.length - OVERDUE_SHOWN} dòng khác` : ''}.`);
  }

  const overdue = summary.aggregates.tasks.filter((t) => t.overdue > 0);
  const overdueTotal = overdue.reduce((s, t) => s + t.overdue, 0);
  lines.push(
    overdue.length
      ? `Nhiệm vụ quá hạn: ${overdue.length} nhiệm vụ, ${formatNumberVi(overdueTotal)} lượt đơn vị (${mostOverdue(overdue)}).`
      : 'Không có nhiệm vụ quá hạn.',
  );

  const refused = summary.provenance.filter((p) => p.outcome === 'refused');
  if (refused.length) {
    lines.push(`Tệp không tổng hợp (${refused.length}):`);
    for (const p of refused) lines.push(`  ${p.fileName}: ${p.reasons.map((r) => r.message).join(' ')}`);
  }
  const others = summary.provenance.filter((p) => p.outcome === 'duplicate' || p.outcome === 'held_out');
  if (others.length) {
    lines.push(`Tệp trùng lặp hoặc tạm giữ (${others.length}):`);
    for (const p of others) lines.push(`  ${p.fileName}: ${OUTCOME_LABELS[p.outcome]}.`);
  }
  const errors = summary.issues.filter((i) => i.severity === 'error').length;
  lines.push(`Lỗi: ${errors}, cảnh báo: ${summary.issues.length - errors} (chi tiết ở trang Lỗi dữ liệu).`);
  return lines.join('\n');
}
