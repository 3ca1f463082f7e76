/**
 * Reminder e-mails: N days before the period's due date, every expected unit that has not sent a
 * usable report for the period (missing, or all its files refused — e.g. its spreadsheet still
 * holds last quarter) gets one e-mail, copied to the addresses in Cài đặt. Who has reported is
 * what a consolidation run found, so a reminder always follows a fresh run.
 */
import type { IsoDate } from '../../shared/cell';
import type { Summary } from '../../shared/consolidate/types';
import { formatDateVi } from '../../shared/parse/date';
import { addDays } from '../../shared/parse/calendar';
import { defaultCalendar, periodLabel } from '../../shared/period';

export interface Contact {
  code: string;
  name: string;
  email: string;
  spreadsheetId: string | null;
}

export interface ReminderPlan {
  due: IsoDate;
  /** The day reminders go out: N days before due. */
  sendOn: IsoDate;
}

export function reminderPlan(s: { year: number; period: Summary['period']; dueDate: IsoDate | null; reminderDays: number }): ReminderPlan {
  const due = s.dueDate ?? defaultCalendar(s.period, s.year).due;
  return { due, sendOn: addDays(due, -s.reminderDays) };
}

export interface ReminderResult {
  sent: string[];
  /** Units to remind that have no e-mail address in the registry. */
  noEmail: string[];
  /** Units not reminded because the daily e-mail quota ran out. */
  overQuota: string[];
}

/** Codes of the expected units without a usable report, with the reasons their files were refused. */
export function unitsToRemind(summary: Summary): { code: string; name: string; reasons: string[] }[] {
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

function body(summary: Summary, unit: { name: string; reasons: string[] }, contact: Contact, plan: ReminderPlan, today: IsoDate): string {
  const period = `${periodLabel(summary.period)} năm ${summary.year}`;
  const daysLeft = Math.round((Date.parse(plan.due) - Date.parse(today)) / 86_400_000);
  const lines = [
    `Kính gửi: ${unit.name || contact.name || contact.code}`,
    '',
    `${summary.consolidatingUnit.name} chưa nhận được báo cáo kết quả cải cách hành chính ${period} của đơn vị.`,
    `Hạn gửi báo cáo: ${formatDateVi(plan.due)} (còn ${daysLeft} ngày).`,
  ];
  if (unit.reasons.length) lines.push('', 'Bảng tính của đơn vị hiện chưa tổng hợp được vì:', ...unit.reasons.map((r) => `- ${r}`));
  lines.push(
    '',
    `Đề nghị đơn vị cập nhật trang Thông tin (Năm kế hoạch: ${summary.year}; Kỳ báo cáo: ${periodLabel(summary.period)}), Phụ lục 1 và Phụ lục 2 trước hạn.`,
  );
  if (contact.spreadsheetId) lines.push(`Bảng tính báo cáo: https://docs.google.com/spreadsheets/d/${contact.spreadsheetId}/edit`);
  lines.push('', `Thư gửi tự động từ công cụ tổng hợp báo cáo CCHC của ${summary.consolidatingUnit.name}.`);
  return lines.join('\n');
}

/** Sends the reminders for a summary; one e-mail per unit, never more than the quota left. */
export function sendReminders(summary: Summary, contacts: readonly Contact[], copyTo: readonly string[], plan: ReminderPlan, today: IsoDate): ReminderResult {
  const result: ReminderResult = { sent: [], noEmail: [], overQuota: [] };
  const byCode = new Map(contacts.map((c) => [c.code, c]));
  let quota = MailApp.getRemainingDailyQuota();
  for (const unit of unitsToRemind(summary)) {
    const contact = byCode.get(unit.code);
    if (!contact?.email) {
      result.noEmail.push(unit.code);
      continue;
    }
    if (quota <= 0) {
      result.overQuota.push(unit.code);
      continue;
    }
    MailApp.sendEmail({
      to: contact.email,
      ...(copyTo.length ? { cc: copyTo.join(',') } : {}),
      subject: `[CCHC] Nhắc gửi báo cáo ${periodLabel(summary.period)} năm ${summary.year} — hạn ${formatDateVi(plan.due)}`,
      body: body(summary, unit, contact, plan, today),
      name: summary.consolidatingUnit.name,
    });
    quota--;
    result.sent.push(unit.code);
  }
  return result;
}
