/**
 * What the consolidating office reads in the pane after Tổng hợp: how many files were taken, which
 * expected units have not sent, which units are held out for sending differing reports, which files
 * were refused and why, and — when no file was for the period chosen — which period the files are
 * for, so the person can choose it. Built from the summary alone (its provenance and aggregates), so
 * the pane says exactly what the summary sheets say.
 */
import type { PeriodCode } from '../../shared/model';
import type { Summary } from '../../shared/consolidate/types';
import { attentionLine, attentionList, ATTENTION_SHOWN } from '../../shared/consolidate/attention';
import { periodLabel, periodOfYear } from '../../shared/period';

export interface ReportList {
  title: string;
  items: string[];
}

export interface ConsolidateReport {
  /** 'ok' (green) only when the summary holds at least one unit and nothing needs attention. */
  level: 'ok' | 'warning';
  headline: string;
  /** A suggestion to act on first (another period), or null. */
  advice: string | null;
  lists: ReportList[];
}

const unitText = (u: { code: string; name: string }) => (u.name ? `${u.name} (mã ${u.code})` : `mã ${u.code}`);

/** The period most of the files hold, when it is not the one consolidated. */
export function periodFilesHold(summary: Summary): { year: number; period: PeriodCode; files: number } | null {
  const counts = new Map<string, { year: number; period: PeriodCode; files: number }>();
  for (const p of summary.provenance) {
    if (p.via || p.year === null || p.period === null) continue;
    if (p.year === summary.year && p.period === summary.period) continue;
    const key = `${p.year}|${p.period}`;
    const c = counts.get(key) ?? { year: p.year, period: p.period, files: 0 };
    c.files++;
    counts.set(key, c);
  }
  let best: { year: number; period: PeriodCode; files: number } | null = null;
  for (const c of counts.values()) if (!best || c.files > best.files) best = c;
  return best;
}

export function consolidateReport(summary: Summary, filesPicked: number): ConsolidateReport {
  const c = summary.aggregates.completeness;
  const own = summary.provenance.filter((p) => !p.via);
  const taken = own.filter((p) => p.outcome.startsWith('taken')).length;
  const duplicates = own.filter((p) => p.outcome === 'duplicate').length;
  const refused = own.filter((p) => p.outcome === 'refused');
  const period = periodOfYear(summary.period, summary.year);
  const lists: ReportList[] = [];

  if (c.expectedCount !== null) {
    lists.push({
      title: c.missing.length ? `Chưa gửi báo cáo (${c.missing.length}/${c.expectedCount} đơn vị):` : `Đủ ${c.expectedCount}/${c.expectedCount} đơn vị phải báo cáo đã gửi.`,
      items: c.missing.map(unitText),
    });
  }
  if (c.heldOut.length) {
    lists.push({
      title: `Gửi nhiều báo cáo khác nhau, chưa dùng số liệu nào (${c.heldOut.length} đơn vị) — đề nghị đơn vị xác nhận một báo cáo:`,
      items: c.heldOut.map((u) => `${unitText(u)}: ${u.files.join(', ')}`),
    });
  }
  if (refused.length) {
    lists.push({
      title: `Tệp bị từ chối (${refused.length}):`,
      items: refused.map((p) => `${p.fileName}: ${p.reasons.map((r) => r.message).join(' ')}`),
    });
  }
  // What needs attention first, ranked as on Tổng hợp chỉ tiêu and in every other host.
  const below = attentionList(summary).slice(0, ATTENTION_SHOWN);
  if (below.length) lists.push({ title: 'Những điểm cần chú ý (chỉ tiêu chưa đạt, thiếu nhiều nhất trước):', items: below.map(attentionLine) });
  if (c.late.length) lists.push({ title: `Gửi muộn (${c.late.length} đơn vị):`, items: c.late.map((u) => `${unitText(u)}: muộn ${u.daysLate} ngày`) });
  if (c.unexpected.length) {
    lists.push({ title: `Không có trong danh sách phải báo cáo (${c.unexpected.length} đơn vị, vẫn được tổng hợp):`, items: c.unexpected.map(unitText) });
  }

  const other = c.receivedCount === 0 ? periodFilesHold(summary) : null;
  const advice = other
    ? `Không tệp nào là báo cáo ${period}. ${other.files} tệp là báo cáo ${periodOfYear(other.period, other.year)}: nếu cần tổng hợp kỳ đó, hãy chọn Năm ${other.year}, Kỳ báo cáo “${periodLabel(other.period)}” rồi bấm Tổng hợp lại.`
    : null;
  const headline =
    c.receivedCount === 0
      ? `Chưa tổng hợp được đơn vị nào cho ${period}: ${filesPicked} tệp đã chọn không có báo cáo hợp lệ của kỳ này.`
      : `Đã tổng hợp ${c.receivedCount} đơn vị (${taken}/${filesPicked} tệp) cho ${period}.` + (duplicates ? ` ${duplicates} tệp trùng nội dung chỉ tính một lần.` : '');
  const attention = c.receivedCount === 0 || c.missing.length > 0 || c.heldOut.length > 0 || refused.length > 0;
  return { level: attention ? 'warning' : 'ok', headline, advice, lists: lists.filter((l) => l.items.length || l.title.startsWith('Đủ')) };
}
