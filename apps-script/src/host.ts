/**
 * Small facts about where the script runs: the spreadsheet it belongs to, whether a user is looking
 * (menu run) or not (trigger run: SpreadsheetApp.getUi() throws there), and today's date.
 */
import type { IsoDate } from '../../shared/cell';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Script property holding the bound spreadsheet's id, for trigger runs that have no active one. */
const HOME_ID = 'CCHC_HOME_SPREADSHEET';

/** The spreadsheet the script is bound to. Remembered so time-driven runs find it too. */
export function homeSpreadsheet(): Spreadsheet {
  const props = PropertiesService.getScriptProperties();
  const active = SpreadsheetApp.getActiveSpreadsheet();
  if (active) {
    const id = active.getId();
    if (props.getProperty(HOME_ID) !== id) props.setProperty(HOME_ID, id);
    return active;
  }
  const id = props.getProperty(HOME_ID);
  if (!id) throw new UserMessage('Chưa biết bảng tính của công cụ CCHC: hãy mở bảng tính và chạy một lệnh trong trình đơn CCHC một lần.');
  return SpreadsheetApp.openById(id);
}

/** How a run talks to people: dialogs when started from the menu, the log when started by a trigger. */
export interface Feedback {
  interactive: boolean;
  /** A message that waits for OK (menu runs only; logged otherwise). */
  alert(message: string): void;
  /** A short note in the corner of the spreadsheet. */
  toast(message: string): void;
}

export function menuFeedback(ss: Spreadsheet): Feedback {
  return {
    interactive: true,
    alert: (message) => {
      SpreadsheetApp.getUi().alert(message);
    },
    toast: (message) => ss.toast(message, 'CCHC', 8),
  };
}

export function triggerFeedback(): Feedback {
  return {
    interactive: false,
    alert: (message) => console.log(message),
    toast: (message) => console.log(message),
  };
}

/** Today in the script's time zone. */
export function today(): IsoDate {
  return Utilities.formatDate(new Date(), Session.getScriptTimeZone(), 'yyyy-MM-dd');
}

/** An error whose message is written for users (Vietnamese, says what to do): shown as it is. */
export class UserMessage extends Error {}

/**
 * What a user is told when a command fails: our own Vietnamese message, or for anything else (an
 * exception from Google's services, in whatever language) a plain Vietnamese sentence — the
 * exception itself goes to the execution log only.
 */
export function userFacingError(e: unknown): string {
  if (e instanceof UserMessage) return e.message;
  return 'Google Trang tính báo lỗi khi thực hiện lệnh (chi tiết đã ghi vào nhật ký thực thi của Apps Script). Hãy thử lại sau ít phút; nếu vẫn lỗi, báo cho người quản trị bảng tính.';
}

export const LOCALE = 'vi_VN';
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/**
 * Sets the spreadsheet's locale to vi_VN and its time zone to Hà Nội's when they differ: setValues
 * and users' typing are read by the spreadsheet's locale (en_US reads 10/03/2025 as 3 October) and
 * its dates in its time zone. Returns what was changed, in Vietnamese, to tell the user.
 */
export function ensureVietnameseLocale(ss: Spreadsheet): string[] {
  const notes: string[] = [];
  const locale = ss.getSpreadsheetLocale();
  if (locale !== LOCALE) {
    ss.setSpreadsheetLocale(LOCALE);
    notes.push(`Đã đặt ngôn ngữ của bảng tính là Tiếng Việt (trước đó: ${locale}) để ngày được hiểu là ngày/tháng/năm và số dùng dấu phẩy thập phân.`);
  }
  const zone = ss.getSpreadsheetTimeZone();
  if (zone !== TIME_ZONE) {
    ss.setSpreadsheetTimeZone(TIME_ZONE);
    notes.push(`Đã đặt múi giờ của bảng tính là giờ Việt Nam (GMT+07:00, trước đó: ${zone}).`);
  }
  return notes;
}

/** An exception's message without Apps Script's "Exception: " prefix. */
export function errorMessage(e: unknown): string {
  const m = typeof e === 'object' && e !== null && 'message' in e ? String((e as { message: unknown }).message) : String(e);
  return m.replace(/^Exception:\s*/, '');
}
