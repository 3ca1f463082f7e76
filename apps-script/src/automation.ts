/**
 * Tự động: the nightly consolidation and the daily reminder check, each switched on and off from the
 * menu and never present more than once.
 */
import { homeSpreadsheet, today } from './host';
import { describeOutcome, runConsolidation } from './consolidation';
import { reminderPlan, wasReminded } from './reminders';
import { requestReminders } from './run-state';
import { formatDateVi } from '../../shared/parse/date';
import { readRegistry, readSettings } from './settings';
import { removeTriggers, setDailyTrigger } from './triggers';

/** Hours (script time zone) the daily triggers run at. */
export const NIGHTLY_HOUR = 1;
export const REMINDER_HOUR = 7;

export function enableNightly(): string {
  const s = readSettings(homeSpreadsheet());
  if (!s.ok) return ['Chưa bật được: cần điền trang Cài đặt trước.', ...s.problems.map((p) => `• ${p}`)].join('\n');
  setDailyTrigger('nightlyConsolidation', NIGHTLY_HOUR);
  return `Đã bật tổng hợp hằng đêm (khoảng ${NIGHTLY_HOUR} giờ sáng). Kết quả ghi vào các trang tổng hợp của bảng tính này.`;
}

export function disableNightly(): string {
  removeTriggers('nightlyConsolidation');
  return 'Đã tắt tổng hợp hằng đêm.';
}

export function enableReminders(): string {
  const ss = homeSpreadsheet();
  const s = readSettings(ss);
  if (!s.ok) return ['Chưa bật được: cần điền trang Cài đặt trước.', ...s.problems.map((p) => `• ${p}`)].join('\n');
  const withEmail = readRegistry(ss).filter((u) => u.code && u.email).length;
  if (withEmail === 0) return 'Chưa bật được: trang “Danh sách đơn vị” chưa có đơn vị nào có mã đơn vị và email.';
  setDailyTrigger('dailyReminder', REMINDER_HOUR);
  const plan = reminderPlan(s.settings);
  return `Đã bật nhắc hạn báo cáo: ngày ${formatDateVi(plan.sendOn)} (${s.settings.reminderDays} ngày trước hạn ${formatDateVi(plan.due)}), ${withEmail} đơn vị có email sẽ được nhắc nếu chưa gửi báo cáo.`;
}

export function disableReminders(): string {
  removeTriggers('dailyReminder');
  return 'Đã tắt nhắc hạn báo cáo.';
}

/**
 * The daily trigger: from the reminder day until the due date, as long as this period's reminders
 * have not gone out, consolidate afresh and e-mail the units still missing. A day whose run failed
 * is made good the next day; the sent-log (reminders.ts) keeps any unit from hearing twice.
 */
export function reminderCheck(): string {
  const ss = homeSpreadsheet();
  const s = readSettings(ss);
  if (!s.ok) return `Không nhắc hạn: trang Cài đặt chưa đủ (${s.problems.join(' ')})`;
  const plan = reminderPlan(s.settings);
  const day = today();
  if (day < plan.sendOn) return `Hôm nay (${formatDateVi(day)}) chưa đến ngày nhắc (${formatDateVi(plan.sendOn)}).`;
  if (day > plan.due) return `Đã quá hạn gửi báo cáo (${formatDateVi(plan.due)}): không nhắc nữa.`;
  if (wasReminded(s.settings.year, s.settings.period, plan.due)) return 'Đã nhắc hạn cho kỳ này rồi.';
  try {
    const outcome = runConsolidation(true);
    // Another execution is consolidating: it sends the reminders when it finishes.
    if (outcome.kind === 'busy' && requestReminders()) return 'Đang tổng hợp; thư nhắc sẽ gửi khi tổng hợp xong.';
    return describeOutcome(outcome);
  } catch (e) {
    console.error(e);
    return 'Nhắc hạn chưa chạy được hôm nay; công cụ sẽ thử lại vào ngày mai (trước hạn gửi báo cáo).';
  }
}
