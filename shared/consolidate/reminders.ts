/**
 * Who gets a reminder before the report deadline, when, and what it says. Pure: the Sheets project
 * sends the e-mails; any other host (or the command line) can list the same units.
 * Reminders go to every expected unit without a usable report for the period: missing, or all its
 * files refused (e.g. its spreadsheet still holds last quarter).
 */
import type { IsoDate } from '../cell';
import { addDays } from '../parse/calendar';
import { formatDateVi } from '../parse/date';
import { defaultCalendar, periodLabel, periodOfYear } from '../period';
import type { Summary } from './types';

export interface ReminderPlan {
  due: IsoDate;
  /** The day reminders go out: N days before due. */
  sendOn: IsoDate;
}

/** Due 20/03/2025 and 5 days → reminders go out on 15/03/2025. */
export function reminderPlan(s: { year: number; period: Summary['period']; dueDate: IsoDate | null; reminderDays: number }): ReminderPlan {
  const due = s.dueDate ?? defaultCalendar(s.period, s.year).due;
  return { due, sendOn: addDays(due, -s.reminderDays) };
}

export interface UnitToRemind {
  code: string;
  name: string;
  /** Why its files could not be used, as the summary says. */
  reasons: string[];
}

/** The expected units without a usable report, with the reasons their files were refused. */
export function unitsToRemind(summary: Summary): UnitToRemind[] {
  const c = summary.aggregates.completeness;
  const reasonsOf = (code: string) =>
    summary.provenance
      .filter((p) => p.unitCode === code && p.outcome === 'refused')
      .flatMap((p) => p.reasons.map((r) => r.message));
  return [
    ...c.missing.map((u) => ({ ...u, reasons: [] as string[] })),
    ...c.refused.map((u) => ({ code: u.code, name: u.name, reasons: reasonsOf(u.code) })),
  ].sort((a, b) => a.code.localeCompare(b.code));
}

export function reminderSubject(summary: Summary, plan: ReminderPlan): string {
  return `[CCHC] Nhắc gửi báo cáo ${periodOfYear(summary.period, summary.year)} — hạn ${formatDateVi(plan.due)}`;
}

/** The e-mail text; `link` is where the unit's report lives, when the host knows it. */
export function reminderText(summary: Summary, unit: UnitToRemind, plan: ReminderPlan, today: IsoDate, link?: string): string {
  const period = periodOfYear(summary.period, summary.year);
  const daysLeft = Math.round((Date.parse(plan.due) - Date.parse(today)) / 86_400_000);
  const lines = [
    `Kính gửi: ${unit.name || unit.code}`,
    '',
    `${summary.consolidatingUnit.name} chưa nhận được báo cáo kết quả cải cách hành chính ${period} của đơn vị.`,
    `Hạn gửi báo cáo: ${formatDateVi(plan.due)} (còn ${daysLeft} ngày).`,
  ];
  if (unit.reasons.length) lines.push('', 'Bảng tính của đơn vị hiện chưa tổng hợp được vì:', ...unit.reasons.map((r) => `- ${r}`));
  lines.push(
    '',
    `Đề nghị đơn vị cập nhật trang Thông tin (Năm kế hoạch: ${summary.year}; Kỳ báo cáo: ${periodLabel(summary.period)}), Phụ lục 1 và Phụ lục 2 trước hạn.`,
  );
  if (link) lines.push(`Bảng tính báo cáo: ${link}`);
  lines.push('', `Thư gửi tự động từ công cụ tổng hợp báo cáo CCHC của ${summary.consolidatingUnit.name}.`);
  return lines.join('\n');
}
