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

/**
 * Installable triggers belong to the user who made them: they run as that user, and
 * ScriptApp.getProjectTriggers() shows each user only their own. So who switched each job on is
 * recorded in a script property (seen by every user): a second user's "Bật" does not make a second
 * set, and their "Tắt" says whose the job is and how to turn it off, instead of silently doing nothing.
 */
const OWNERS_PROPERTY = 'CCHC_AUTOMATION_OWNERS';

type Job = 'nightlyConsolidation' | 'dailyReminder';

interface JobOwner {
  email: string;
  /** dd/mm/yyyy when it was switched on. */
  since: string;
}

const JOB_NAMES: Record<Job, string> = { nightlyConsolidation: 'Tổng hợp hằng đêm', dailyReminder: 'Nhắc hạn báo cáo' };
const JOB_MENU: Record<Job, string> = { nightlyConsolidation: 'Tắt tổng hợp hằng đêm', dailyReminder: 'Tắt nhắc hạn báo cáo' };

function owners(): Partial<Record<Job, JobOwner>> {
  try {
    return JSON.parse(PropertiesService.getScriptProperties().getProperty(OWNERS_PROPERTY) ?? '{}') as Partial<Record<Job, JobOwner>>;
  } catch {
    return {};
  }
}

function saveOwners(o: Partial<Record<Job, JobOwner>>): void {
  const props = PropertiesService.getScriptProperties();
  if (Object.keys(o).length === 0) props.deleteProperty(OWNERS_PROPERTY);
  else props.setProperty(OWNERS_PROPERTY, JSON.stringify(o));
}

function me(): string {
  try {
    return Session.getEffectiveUser().getEmail() || Session.getActiveUser().getEmail() || '';
  } catch {
    return '';
  }
}

const who = (email: string) => email || 'một tài khoản khác';

/** Switches a job on for the current user, unless another user's set is already on. Null when done. */
function switchOn(job: Job, hour: number): string | null {
  const all = owners();
  const owner = all[job];
  const user = me();
  if (owner && owner.email !== user) {
    return `${JOB_NAMES[job]} đã được bật bởi ${who(owner.email)} từ ${owner.since}; không bật thêm để công việc không chạy hai lần. Nếu muốn chuyển sang tài khoản của bạn, đề nghị ${who(owner.email)} chọn CCHC ▸ Tự động ▸ ${JOB_MENU[job]}, rồi bật lại.`;
  }
  setDailyTrigger(job, hour);
  all[job] = { email: user, since: Utilities.formatDate(new Date(), Session.getScriptTimeZone(), 'dd/MM/yyyy') };
  saveOwners(all);
  return null;
}

function switchOff(job: Job): string {
  const all = owners();
  const owner = all[job];
  const user = me();
  const mine = removeTriggers(job);
  if (owner && owner.email !== user) {
    return `${JOB_NAMES[job]} do ${who(owner.email)} bật (từ ${owner.since}) và chạy bằng tài khoản đó; Google chỉ cho chính tài khoản ấy tắt. Đề nghị ${who(owner.email)} mở bảng tính này và chọn CCHC ▸ Tự động ▸ ${JOB_MENU[job]}.`;
  }
  delete all[job];
  saveOwners(all);
  return mine > 0 || owner ? `Đã tắt ${JOB_NAMES[job].toLowerCase()}.` : `${JOB_NAMES[job]} chưa bật.`;
}

export function enableNightly(): string {
  const s = readSettings(homeSpreadsheet());
  if (!s.ok) return ['Chưa bật được: cần điền trang Cài đặt trước.', ...s.problems.map((p) => `• ${p}`)].join('\n');
  const refused = switchOn('nightlyConsolidation', NIGHTLY_HOUR);
  if (refused) return refused;
  return `Đã bật tổng hợp hằng đêm (khoảng ${NIGHTLY_HOUR} giờ sáng). Kết quả ghi vào các trang tổng hợp của bảng tính này.`;
}

export function disableNightly(): string {
  return switchOff('nightlyConsolidation');
}

export function enableReminders(): string {
  const ss = homeSpreadsheet();
  const s = readSettings(ss);
  if (!s.ok) return ['Chưa bật được: cần điền trang Cài đặt trước.', ...s.problems.map((p) => `• ${p}`)].join('\n');
  const withEmail = readRegistry(ss).filter((u) => u.code && u.email).length;
  if (withEmail === 0) return 'Chưa bật được: trang “Danh sách đơn vị” chưa có đơn vị nào có mã đơn vị và email.';
  const refused = switchOn('dailyReminder', REMINDER_HOUR);
  if (refused) return refused;
  const plan = reminderPlan(s.settings);
  return `Đã bật nhắc hạn báo cáo: ngày ${formatDateVi(plan.sendOn)} (${s.settings.reminderDays} ngày trước hạn ${formatDateVi(plan.due)}), ${withEmail} đơn vị có email sẽ được nhắc nếu chưa gửi báo cáo.`;
}

export function disableReminders(): string {
  return switchOff('dailyReminder');
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
